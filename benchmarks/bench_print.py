"""Seconds of ``write_pdf`` on one brief: the base print CSS against the current one, in one run.

    PYTHONPATH=lib .venv/bin/python benchmarks/bench_print.py [--rounds 7] [--html brief.html]
        [--base-css FILE] [--split] [--before LIB] [--builds N]

The HTML is a built brief (by default the sample's, built first with ``cddbrief build``); its
stylesheet is swapped for each variant, so every variant prints the same content:

  c535f5e     the base CSS (git c535f5e's brief.css, or --base-css) printed as c535f5e printed it:
              fonts as data: URLs in the CSS, charts as data: URLs, garbage collector on
  base CSS    the base CSS through today's ``report.write_pdf``
  current     this checkout's brief.css through today's ``report.write_pdf``

  before      (with ``--before LIB``) another checkout's whole print path, its brief.css and its
              ``report.write_pdf``, each in a child process of its own (as is this checkout's, then)

Rounds interleave the variants (A B C A B C ...) after one warm-up each; the figures are medians
of CPU and wall seconds and their ratios to c535f5e, because this machine's absolute times swing
by a third. With ``--before``, each round also prints the brief once in a child process with each
checkout's lib/ (warmed by one print first, timed on the next), before and current in turn.
``--builds N`` then times N rounds of whole builds, ``cddbrief build --format html`` and
``--format html,pdf`` (with ``--before`` also with that lib/, in turn): the PDF's extra wall
seconds, and its extra CPU seconds over the whole process tree (the kernel included), which
stay comparable when other work shares the machine and wall seconds do not. As in a build,
nbconvert, papermill and pandas are imported first (the heap the garbage collector walks).
``--split`` adds where the current variant's time goes (cProfile, cumulative, so with the
profiler's overhead). Goal (issue 12): the PDF adds <= 1.0 s to a brief.
"""

from __future__ import annotations

import argparse
import base64
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASE_REVISION = "c535f5e"


def sample_html(scratch: Path) -> Path:
    """The sample brief's HTML, built with this checkout's cddbrief."""
    subprocess.run(
        [sys.executable, "-m", "cddbrief.cli", "build", "2562-04", "--format", "html", "--out", str(scratch)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return next(scratch.glob("*/brief.html"))


def with_css(html: str, css: str) -> str:
    """The brief with its stylesheet (what follows the inlined fonts in its <style>) replaced by css."""
    from cddbrief.fonts import font_face_css

    fonts = font_face_css()
    start = html.index(fonts) + len(fonts)
    end = html.index("</style>", start)
    return html[:start] + "\n" + css + "\n" + html[end:]


def write_pdf_as_at_base(html: str, target: Path) -> None:
    """write_pdf as c535f5e had it: the PDF fonts and the charts reach WeasyPrint as data: URLs."""
    import weasyprint
    from weasyprint.urls import URLFetcher

    from cddbrief.fonts import PDF_FAMILY, WEIGHTS, font_face_css, pdf_font
    from cddbrief.pdftext import fix_text_layer

    rules = [
        f"@font-face{{font-family:'{PDF_FAMILY}';font-style:normal;font-weight:{weight};"
        f"src:url(data:font/ttf;base64,{base64.b64encode(pdf_font(weight)).decode('ascii')}) format('truetype');}}"
        for weight in WEIGHTS
    ]
    html = html.replace(font_face_css(), "\n".join(rules), 1)
    for quote in ('"', "'"):
        html = html.replace(f"{quote}Sarabun{quote}", f"{quote}{PDF_FAMILY}{quote}")
    weasyprint.HTML(string=html, url_fetcher=URLFetcher(allowed_protocols={"data"})).write_pdf(
        str(target), finisher=fix_text_layer, pdf_tags=True
    )


CHILD = """
import gc, json, sys, time
sys.path.insert(0, sys.argv[1])
import nbconvert, pandas, papermill  # a build's heap
from cddbrief.report import write_pdf
html = open(sys.argv[2], encoding="utf-8").read()
write_pdf(html, sys.argv[3])  # warm: imports, fonts
gc.collect()
cpu, wall = time.process_time(), time.perf_counter()
write_pdf(html, sys.argv[3])
print(json.dumps([time.process_time() - cpu, time.perf_counter() - wall]))
"""


def printed_by(lib: Path, html: Path, target: Path) -> tuple[float, float]:
    """(CPU s, wall s) of write_pdf with the cddbrief in ``lib``, in a child process (after one warm-up print)."""
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(lib), str(html), str(target)],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    return tuple(json.loads(out.stdout.strip().splitlines()[-1]))


def pdf_facts(path: Path) -> str:
    import pypdf

    return f"{len(pypdf.PdfReader(path).pages)} pages, {path.stat().st_size / 1024:.0f} kB"


def build_seconds(lib: Path, formats: str, out: Path) -> tuple[float, float]:
    """(wall s, CPU s of the process tree) of ``cddbrief build`` of the sample with the cddbrief in ``lib``."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "cddbrief.cli", "build", "2562-04", "--format", formats, "--out", str(out)],
                   cwd=ROOT, check=True, capture_output=True, env={**os.environ, "PYTHONPATH": str(lib)})  # fmt: skip
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def pdf_extra(rounds: int, libs: dict[str, Path], scratch: Path) -> None:
    """Print the median PDF extra (HTML+PDF build minus HTML build) of each lib, in wall and CPU seconds."""
    spent: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for r in range(rounds):
        for name, lib in libs.items():
            for formats in ("html", "html,pdf"):
                spent.setdefault((name, formats), []).append(
                    build_seconds(lib, formats, scratch / f"build-{name}-{r}-{formats.replace(',', '-')}")
                )
    print(
        f"\nwhole builds of the sample, median of {rounds} interleaved rounds (CPU: the process tree, kernel included):"
    )
    for name in libs:
        html, pdf = (
            [statistics.median(x[i] for x in spent[(name, formats)]) for i in (0, 1)]
            for formats in ("html", "html,pdf")
        )
        print(f"  {name:10s} HTML {html[0]:5.2f} s wall {html[1]:5.2f} s CPU"
              f"   HTML+PDF {pdf[0]:5.2f} s wall {pdf[1]:5.2f} s CPU"
              f"   PDF extra {pdf[0] - html[0]:5.2f} s wall {pdf[1] - html[1]:5.2f} s CPU"
              " (goal <= 1.0 s wall)")  # fmt: skip


def ratios(cpu: float, wall: float, first: dict[str, float]) -> str:
    """A variant's median seconds and their ratios to the first variant's."""
    return (
        f"{cpu:6.3f} s CPU  {wall:6.3f} s wall   ratio {cpu / first['cpu']:.2f} (CPU) {wall / first['wall']:.2f} (wall)"
    )


def split(html: str, target: Path) -> dict[str, float]:
    """Seconds (cumulative, under cProfile) of each step of one write_pdf."""
    import cProfile
    import pstats

    from cddbrief.report import write_pdf

    profile = cProfile.Profile()
    profile.runcall(write_pdf, html, target)
    profiled = pstats.Stats(profile)
    stats = profiled.stats
    steps = {
        "HTML parse": ("tinyhtml5/parser.py", "parse"),
        "CSS parse and cascade": ("css/__init__.py", "get_all_computed_styles"),
        "boxes (and image decoding)": ("build.py", "build_formatting_structure"),
        "layout (line breaking, tables, pages)": ("layout/__init__.py", "layout_document"),
        "  of it Pango line layouts": ("line_break.py", "get_first_line"),
        "drawing (text, borders)": ("document.py", "paint"),
        "images re-encoded for the PDF": ("images.py", "get_x_object"),
        "fonts subset and embedded": ("pdf/fonts.py", "build_fonts_dictionary"),
        "tags (PDF/UA structure)": ("pdf/tags.py", "add_tags"),
        "text layer (pdftext)": ("pdftext.py", "fix_text_layer"),
        "PDF written and compressed": ("pydyf/__init__.py", "write"),
    }
    found = {name: 0.0 for name in steps}
    for (path, _, function), (_, _, _, cumulative, _) in stats.items():
        for name, (suffix, wanted) in steps.items():
            if function == wanted and path.endswith(suffix):
                found[name] = max(found[name], cumulative)
    found["whole write_pdf (profiled)"] = profiled.total_tt
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--html", type=Path, help="a built brief (default: the sample's, built now)")
    parser.add_argument(
        "--base-css", type=Path, help=f"the stylesheet to compare with (default: {BASE_REVISION}'s brief.css)"
    )
    parser.add_argument("--split", action="store_true", help="where the current variant's time goes")
    parser.add_argument(
        "--before",
        metavar="LIB",
        type=Path,
        help="another checkout's lib/: its brief.css and write_pdf against this one's, in child processes",
    )
    parser.add_argument(
        "--builds",
        type=int,
        default=0,
        metavar="N",
        help="also N rounds of whole builds, HTML and HTML+PDF: the PDF's extra wall and CPU seconds",
    )
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "lib"))
    import nbconvert  # noqa: F401 - a build's heap: what the garbage collector walks
    import pandas  # noqa: F401
    import papermill  # noqa: F401

    from cddbrief.report import write_pdf

    current_css = (ROOT / "lib" / "cddbrief" / "templates" / "brief.css").read_text(encoding="utf-8")
    if args.base_css:
        base_css = args.base_css.read_text(encoding="utf-8")
    else:
        base_css = subprocess.run(
            ["git", "show", f"{BASE_REVISION}:lib/cddbrief/templates/brief.css"],
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        print(f"load average at start: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores", flush=True)
        html = (args.html or sample_html(scratch)).read_text(encoding="utf-8")
        variants = {
            BASE_REVISION: (write_pdf_as_at_base, with_css(html, base_css)),
            "base CSS": (write_pdf, with_css(html, base_css)),
            "current": (write_pdf, with_css(html, current_css)),
        }
        times: dict[str, dict[str, list[float]]] = {name: {"cpu": [], "wall": []} for name in variants}
        for printer, page in variants.values():
            printer(page, scratch / "warm.pdf")  # imports, fonts, fontconfig
        checkouts = {}
        if args.before:
            for name, lib in (("before", args.before.resolve()), ("current", ROOT / "lib")):
                page = scratch / f"{name}-brief.html"
                page.write_text(
                    with_css(html, (lib / "cddbrief" / "templates" / "brief.css").read_text(encoding="utf-8")),
                    encoding="utf-8",
                )
                checkouts[name] = (lib, page, {"cpu": [], "wall": []})
        for _ in range(args.rounds):
            for name, (printer, page) in variants.items():
                gc.collect()
                cpu, wall = time.process_time(), time.perf_counter()
                printer(page, scratch / f"{name}.pdf")
                times[name]["cpu"].append(time.process_time() - cpu)
                times[name]["wall"].append(time.perf_counter() - wall)
            for name, (lib, page, spent) in checkouts.items():
                cpu, wall = printed_by(lib, page, scratch / f"child-{name}.pdf")
                spent["cpu"].append(cpu)
                spent["wall"].append(wall)
        pages = {}
        for name in variants:
            import pypdf

            pages[name] = len(pypdf.PdfReader(scratch / f"{name}.pdf").pages)
        first = {kind: statistics.median(times[BASE_REVISION][kind]) for kind in ("cpu", "wall")}
        print(f"write_pdf on one brief, median of {args.rounds} interleaved rounds:")
        for name in variants:
            cpu, wall = (statistics.median(times[name][kind]) for kind in ("cpu", "wall"))
            print(f"  {name:10s} {ratios(cpu, wall, first)}   {pages[name]} pages")
        if checkouts:
            print(
                f"\nthis checkout against {args.before} (each in a child process),"
                f" median of {args.rounds} interleaved rounds:"
            )
            first = {kind: statistics.median(checkouts["before"][2][kind]) for kind in ("cpu", "wall")}
            for name, (_, _, spent) in checkouts.items():
                cpu, wall = (statistics.median(spent[kind]) for kind in ("cpu", "wall"))
                print(f"  {name:10s} {ratios(cpu, wall, first)}   {pdf_facts(scratch / f'child-{name}.pdf')}")
        if args.builds:
            pdf_extra(
                args.builds,
                {"before": args.before.resolve(), "current": ROOT / "lib"}
                if args.before
                else {"current": ROOT / "lib"},
                scratch,
            )
        print(f"load average at end: {os.getloadavg()[0]:.2f}")
        if args.split:
            print("\nwhere the current variant's time goes (cProfile, cumulative seconds):")
            for name, seconds in split(variants["current"][1], scratch / "split.pdf").items():
                print(f"  {name:40s} {seconds:6.3f}")


if __name__ == "__main__":
    main()
