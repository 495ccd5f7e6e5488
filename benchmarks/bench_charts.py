"""Chart pictures: PNG encoding as the brief did it (full colour, zlib's best) against a 256-colour palette
(and plain RGB at zlib's default level, lossless, for comparison); and drawing the sample brief's
charts, in this process alone and with the phone pictures drawn beside (``processes.beside``, as a
single build's kernel does).

    PYTHONPATH=lib .venv/bin/python benchmarks/bench_charts.py [--rounds 5]

Draws the sample brief's charts once (wide and narrow), then encodes the same pixels both
ways, in turns, and prints CPU seconds per brief (median of the rounds), the bytes each
brief's pictures take, and the ratios: only figures of one run compare on this machine.
It also prints how far apart the two pictures are (the largest difference of a channel,
0-255, and the share of pixels that differ at all), since a palette may move a colour.
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import statistics
import time
from pathlib import Path

import numpy as np
from PIL import Image

from cddbrief.charts import palette_png as palette  # what a brief embeds

ROOT = Path(__file__).resolve().parents[1]


def pictures() -> list[Image.Image]:
    """The sample brief's charts as RGBA pixels at print resolution, wide and narrow."""
    from cddbrief import charts
    from cddbrief.brief import Brief

    drawn: list[Image.Image] = []

    def keep(fig) -> str:
        drawn.append(charts.pixels(fig))
        return "data:,"

    original = charts._png  # noqa: SLF001
    charts._png = keep  # noqa: SLF001 - the benchmark catches the pixels where the brief would encode them
    try:
        brief = Brief.load(
            meeting="2562-04",
            source=str(ROOT / "data" / "raw" / "000_624796c269e36bce.txt"),
            data_dir=str(ROOT / "data" / "raw"),
        )
        brief.timeline_chart(), brief.topics_chart(), brief.parts_chart(), brief.place_charts()
    finally:
        charts._png = original  # noqa: SLF001
    return drawn


def drawing(rounds: int) -> None:
    """Wall and CPU seconds per brief of drawing its charts (wide and narrow, encoded), alone and beside,
    in turns; CPU counts the children that drew beside."""
    from cddbrief import charts
    from cddbrief.brief import Brief

    brief = Brief.load(
        meeting="2562-04",
        source=str(ROOT / "data" / "raw" / "000_624796c269e36bce.txt"),
        data_dir=str(ROOT / "data" / "raw"),
    )

    def every_chart():
        return brief.timeline_chart(), brief.topics_chart(), brief.parts_chart(), brief.place_charts()

    def cpu() -> tuple[float, float]:
        own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime

    every_chart()  # pyplot, fonts, caches: as in a kernel after its first chart
    ways = {"alone": "0", "beside": "1"}
    wall: dict[str, list[float]] = {name: [] for name in ways}
    used: dict[str, list[tuple[float, float]]] = {name: [] for name in ways}
    drawn = {}
    for _ in range(rounds):
        for name, flag in ways.items():
            os.environ[charts.BESIDE] = flag
            (own, children), start = cpu(), time.perf_counter()
            timeline, topics, parts, places = every_chart()
            drawn[name] = [(c[0], c.narrow) for c in (timeline, topics, parts, *places) if c is not None]
            wall[name].append(time.perf_counter() - start)
            own2, children2 = cpu()
            used[name].append((own2 - own, children2 - children))
    os.environ.pop(charts.BESIDE, None)
    assert drawn["alone"] == drawn["beside"], "the pictures drawn beside differ from those drawn alone"
    print(
        f"drawing the sample brief's charts (wide and narrow, encoded), median of {rounds};"
        f" load average {os.getloadavg()[0]:.2f}"
    )
    for name in ways:
        own = statistics.median(u[0] for u in used[name])
        children = statistics.median(u[1] for u in used[name])
        print(
            f"  {name:8s} {statistics.median(wall[name]):6.3f} s wall   {own:6.3f} s CPU here"
            f" + {children:6.3f} s in children = {own + children:6.3f} s CPU"
        )


def full_colour(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="png", optimize=True)
    return out.getvalue()


def full_colour_quick(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.convert("RGB").save(out, format="png")
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    images = pictures()
    ways = {"full colour, optimize": full_colour, "RGB, zlib level 6": full_colour_quick, "256 colours": palette}
    seconds: dict[str, list[float]] = {name: [] for name in ways}
    size: dict[str, int] = {}
    for _ in range(args.rounds):
        for name, encode in ways.items():
            start = time.process_time()
            size[name] = sum(len(encode(image)) for image in images)
            seconds[name].append(time.process_time() - start)
    print(f"{len(images)} pictures of the sample brief ({', '.join(f'{i.width}x{i.height}' for i in images)})")
    for name in ways:
        print(f"  {name:24s} {statistics.median(seconds[name]):6.3f} s CPU per brief   {size[name] / 1024:7.0f} KiB")
    old, new = statistics.median(seconds["full colour, optimize"]), statistics.median(seconds["256 colours"])
    bytes_ratio = size["256 colours"] / size["full colour, optimize"]
    print(f"  encoding: {old / new:.1f}x quicker; pictures {bytes_ratio:.2f}x the bytes")
    worst, moved = 0, 0.0
    for image in images:
        a = np.asarray(image.convert("RGB"), dtype=np.int16)
        b = np.asarray(Image.open(io.BytesIO(palette(image))).convert("RGB"), dtype=np.int16)
        worst = max(worst, int(np.abs(a - b).max()))
        moved = max(moved, float((np.abs(a - b).max(axis=2) > 0).mean()))
    print(
        f"  palette vs full colour: largest channel difference {worst}/255,"
        f" at most {moved:.1%} of a picture's pixels differ"
    )
    drawing(args.rounds)


if __name__ == "__main__":
    main()
