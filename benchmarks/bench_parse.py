"""Parsing speed: documents per second and MB/s on the sample, warm, one core.

    .venv/bin/python benchmarks/bench_parse.py [--seconds 5]
    .venv/bin/python benchmarks/bench_parse.py --against d773ef7   # old and new code side by side

``--against REV`` runs the whole parse of the sample with the code of a git
revision (``git archive`` into a temporary folder, put first on PYTHONPATH of a
subprocess) and with this tree's, in turns, and prints both in CPU time on one
core and their ratio: this machine's speed swings by a third, so only figures
of one run compare.

The documents parsed are distinct: the sample with its figures and days changed
(``variants``: the same layout, the same number of figures and dates, other
values), so that nothing one parse learnt can serve the next. No cache carries a
result from one document to the next: ``to_arabic_digits`` remembers only the
last text by identity (the four readers of one directive share it), and
``month_number`` the spellings of months.

Prints one line per stage and the whole parse (read -> layout -> meeting ->
extraction -> checks), then one line per file kind: the same meeting as the
office suite exports it (tests/data/sample-export: .docx, .pdf, .html) beside
the text dump, all in one run so the ratios hold on a machine whose speed
swings. Not a test: it prints figures for the closing notes.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

from cddbrief.meeting import parse_document
from cddbrief.sources import read_bytes

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "raw" / "000_624796c269e36bce.txt"
EXPORTS = ROOT / "tests" / "data" / "sample-export"


def variants(data: bytes, count: int, seed: int = 0) -> list[bytes]:
    """``count`` documents like the sample: every day or small number (1..28) and every figure of three
    digits or more (years 25xx aside) written anew, so each parse reads other values in the same places."""
    text = data.decode("utf-8")
    rng = random.Random(seed)

    def other(match: re.Match) -> str:
        written = match.group()
        if len(written) <= 2 and 1 <= int(written) <= 28:
            return str(rng.randint(1, 28))
        if len(written) >= 3 and not written.startswith("25"):
            return written[0] + "".join(rng.choice("0123456789") for _ in written[1:])
        return written

    return [re.sub("[0-9]+", other, text).encode("utf-8") for _ in range(count)]


class Rotation:
    """Calls that parse the next of a list of documents each time: a benchmark of distinct documents."""

    def __init__(self, documents: list[bytes], name: str):
        self.documents, self.name, self.at = documents, name, 0

    def __call__(self):
        data = self.documents[self.at]
        self.at = (self.at + 1) % len(self.documents)
        return parse_document(read_bytes(data, self.name))


def measure(label: str, fn, size: int, seconds: float) -> None:
    fn()  # warm: glossaries, compiled patterns
    rounds = []
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        n = 0
        start = time.perf_counter()
        while n < 50:
            fn()
            n += 1
        rounds.append((time.perf_counter() - start) / n)
    per_doc = statistics.median(rounds)
    measure.last = per_doc
    print(
        f"{label:<28} {1 / per_doc:>9,.0f} docs/s  {size / per_doc / 1e6:>7.2f} MB/s"
        f"  ({per_doc * 1e3:.3f} ms/doc, {len(rounds) * 50} runs)"
    )


GOAL = 1000  # documents/s, issue 12


def cpu_per_doc(fn, seconds: float) -> float:
    """Median CPU seconds of one call, over rounds of 20 calls (CPU time: what this process spent, not what others
    did)."""
    fn()
    rounds = []
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline or len(rounds) < 3:
        start = time.process_time()
        for _ in range(20):
            fn()
        rounds.append((time.process_time() - start) / 20)
    return statistics.median(rounds)


def child(seconds: float) -> None:
    """One measurement of the whole parse of the sample, with whatever cddbrief is first on the path."""
    import cddbrief

    files = [SAMPLE] + [EXPORTS / f"sample.{kind}" for kind in KINDS[1:]]
    per_doc = {"txt": cpu_per_doc(Rotation(variants(SAMPLE.read_bytes(), 500), SAMPLE.name), seconds)}
    for path, kind in zip(files[1:], KINDS[1:]):
        data = path.read_bytes()
        per_doc[kind] = cpu_per_doc(
            lambda data=data, name=path.name: parse_document(read_bytes(data, name)), seconds / 3
        )
    print(json.dumps({"per_doc": per_doc, "package": str(Path(cddbrief.__file__).parent)}))


KINDS = ("txt", "docx", "html")


def side_by_side(rev: str, seconds: float, turns: int = 4) -> None:
    """The sample parsed by the code of ``rev`` and by this tree's, in turns; medians and ratio."""
    with tempfile.TemporaryDirectory(prefix="bench-parse-") as old:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", rev, "lib"], check=True, capture_output=True
        ).stdout
        with tarfile.open(fileobj=__import__("io").BytesIO(archive)) as tar:
            tar.extractall(old, filter="data")
        trees = {f"{rev} (before)": Path(old) / "lib", "this tree (after)": ROOT / "lib"}
        runs: dict[str, list[dict]] = {label: [] for label in trees}
        for _ in range(turns):
            for label, lib in trees.items():
                env = {**os.environ, "PYTHONPATH": str(lib)}
                out = subprocess.run(
                    [sys.executable, __file__, "--child", "--seconds", str(seconds)],
                    env=env,
                    check=True,
                    capture_output=True,
                    text=True,
                ).stdout
                result = json.loads(out)
                assert Path(result["package"]).resolve() == (lib / "cddbrief").resolve(), (
                    result
                )  # the code meant, not an installed copy
                runs[label].append(result["per_doc"])
        print(
            "the sample parsed whole (read..checks), CPU time on one core,"
            f" median of {turns} turns taken in alternation"
        )
        for kind in KINDS:
            what = "500 samples (.txt)" if kind == "txt" else f"the sample as .{kind}"
            per_doc = {label: statistics.median(r[kind] for r in results) for label, results in runs.items()}
            for label, t in per_doc.items():
                turns_ms = ", ".join(f"{r[kind] * 1e3:.2f}" for r in runs[label])
                print(f"{what:<20} {label:<20} {1 / t:>7,.0f} docs/s  ({t * 1e3:.3f} ms/doc; turns: {turns_ms} ms)")
            before, after = per_doc.values()
            goal = (
                f"; goal {GOAL:,} docs/s: {'met' if 1 / after >= GOAL else f'{GOAL * after:.1f}× short'}"
                if kind == "txt"
                else ""
            )
            print(f"{'':<41} {before / after:>7.2f}× as fast{goal}")


def stages(data: bytes, seconds: float) -> None:
    """Where a document's time goes, in CPU ms on one core, and what one pass over its text costs:
    the figures behind the limit of a parse in pure Python."""
    import re

    from cddbrief.checks import find_checks
    from cddbrief.glossary import province_pattern
    from cddbrief.header import read_header
    from cddbrief.meeting import with_figures
    from cddbrief.quantities import find_quantities
    from cddbrief.readers import read_layout
    from cddbrief.thaidates import find_dates

    seconds = max(seconds / 6, 0.3)
    meeting = parse_document(read_bytes(data, SAMPLE.name))
    reading, _ = read_layout(read_bytes(data, SAMPLE.name))
    directives = [d for item in meeting.items for d in item.directives]
    texts = [d.text for d in directives]
    whole = cpu_per_doc(lambda: parse_document(read_bytes(data, SAMPLE.name)), seconds)
    parts = {
        "read (decode, lines)": cpu_per_doc(lambda: read_bytes(data, SAMPLE.name), seconds),
        "layout reader (items)": cpu_per_doc(lambda: read_layout(read_bytes(data, SAMPLE.name)), seconds),
        "header": cpu_per_doc(lambda: read_header(reading.header, []), seconds),
        "dates and figures": cpu_per_doc(lambda: with_figures(meeting.items, meeting.year_be, []), seconds),
        "  of which dates": cpu_per_doc(lambda: [find_dates(t, meeting.year_be) for t in texts], seconds),
        "  of which figures": cpu_per_doc(
            lambda: [find_quantities(t, [s.span for s in d.dates]) for t, d in zip(texts, directives)], seconds
        ),
        "checks": cpu_per_doc(lambda: find_checks(meeting), seconds),
    }
    parts["layout reader (items)"] -= parts["read (decode, lines)"]
    print(f"\nwhere the time goes (CPU ms per document; whole parse {whole * 1e3:.2f} ms)")
    for label, t in parts.items():
        print(f"  {label:<26} {t * 1e3:>7.3f} ms  {t / whole:>4.0%}")
    counted = sum(t for label, t in parts.items() if not label.startswith(" "))
    print(f"  {'the rest (cleaning, notes)':<26} {(whole - counted) * 1e3:>7.3f} ms")
    text = data.decode("utf-8")
    directives = "\n".join(texts)
    digits, controls, provinces = re.compile("[0-9]+"), re.compile("[\x00-\x08\x0e-\x1f]"), province_pattern()
    floor = {
        f"digits [0-9]+ over the text ({len(text):,} chars)": cpu_per_doc(
            lambda: sum(1 for _ in digits.finditer(text)), seconds
        ),
        "a class that finds nothing (controls) over the text": cpu_per_doc(lambda: controls.search(text), seconds),
        f"77 province names (trie) over the directives ({len(directives):,} chars)": cpu_per_doc(
            lambda: sum(1 for _ in provinces.finditer(directives)), seconds
        ),
        "the text split into lines, each stripped": cpu_per_doc(
            lambda: [ln.strip() for ln in text.split("\n")], seconds
        ),
    }
    print("one pass over the sample, for scale (CPU ms):")
    for label, t in floor.items():
        print(f"  {label:<70} {t * 1e3:>7.3f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--against", metavar="REV", help="also parse with the code of this git revision, side by side")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    if args.child:
        child(args.seconds)
        return
    if args.against:
        side_by_side(args.against, args.seconds / 2)
        return
    data = SAMPLE.read_bytes()
    stages(data, args.seconds)
    print()
    print(f"sample: {SAMPLE.name}, {len(data):,} bytes; one core, warm; median of rounds of 50")
    measure("read (decode)", lambda: read_bytes(data, SAMPLE.name), len(data), args.seconds / 2)
    measure("parse (read..checks)", lambda: parse_document(read_bytes(data, SAMPLE.name)), len(data), args.seconds)
    same = measure.last
    measure("parse, 500 distinct samples", Rotation(variants(data, 500), SAMPLE.name), len(data), args.seconds)
    verdict = "met" if 1 / measure.last >= GOAL else f"{GOAL * measure.last:.1f}× short"
    print(f"{'':<28} {measure.last / same:>9.2f}× the time of the same sample again (goal {GOAL:,} docs/s: {verdict})")
    meeting = parse_document(read_bytes(data, SAMPLE.name))
    measure("to_dict (JSON shape)", meeting.to_dict, len(data), args.seconds / 2)
    print("\nby file kind: the sample as .txt, and as an office suite exports it (whole parse)")
    measure("txt", lambda: parse_document(read_bytes(data, SAMPLE.name)), len(data), args.seconds)
    txt = measure.last
    for name in ("sample.docx", "sample.html", "sample.pdf"):
        blob = (EXPORTS / name).read_bytes()
        measure(
            name.split(".")[1],
            lambda blob=blob, name=name: parse_document(read_bytes(blob, name)),
            len(blob),
            args.seconds,
        )
        print(f"{'':<28} {measure.last / txt:>9.1f}× the time of .txt")
    print("\nsize: one long write-up of 0.25 and 1 MB (the sample's text repeated in one point)")
    line = " ".join(data.decode("utf-8").split())
    timings = {}
    for copies in (12, 48):
        blob = ("สรุปการประชุม ครั้งที่ 4/2562\n1. กองทุน ให้ " + line * copies).encode()
        start = time.process_time()
        parse_document(read_bytes(blob, "long.txt"))
        timings[copies] = time.process_time() - start
        print(f"{len(blob) / 1e6:>5.2f} MB                    {timings[copies]:>9.2f} s CPU")
    print(f"{'':<28} {timings[48] / timings[12]:>9.1f}× the time for 4× the text (linear: ~4×)")


if __name__ == "__main__":
    main()
