"""Brief build time: cddbrief against papermill + nbconvert called by hand, side by side.

    PYTHONPATH=lib .venv/bin/python benchmarks/bench_build.py [--rounds 3] [--before /tmp/before/lib]

Each round runs, as child processes of this one and in turn:
  naive     papermill notebooks/briefing.ipynb out.ipynb -p meeting 2562-04
            then jupyter nbconvert --to html --no-input out.ipynb
  cold      cddbrief build 2562-04 --format html   (a new output folder each round)
  cold+pdf  cddbrief build 2562-04 --format html,pdf (a new output folder)
  hit       cddbrief build 2562-04 --format html   (again, nothing changed)
then, in this process, ``report.write_pdf`` alone on the round's HTML brief (CPU
seconds and wall seconds: the PDF step without the kernel's noise).
Prints the median of each and the ratios the goals are stated in (issue 12): this
machine's absolute times swing by a third, so only figures from one run compare.
``--before LIB`` also builds with another checkout's cddbrief in each round (cold and
cold+pdf, right after this one's), and prints after/before ratios.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
CLI = [sys.executable, "-m", "cddbrief.cli"]  # this checkout's cddbrief (PYTHONPATH), not only the installed one


def timed(cmd: list[str], cwd: Path = ROOT, env: dict | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, check=True, capture_output=True, env=env)
    return time.perf_counter() - start


def pdf_alone(html: Path, target: Path) -> tuple[float, float]:
    """(CPU s, wall s) of write_pdf on a built brief, in this process (imports and fonts warmed first)."""
    from cddbrief.report import write_pdf

    text = html.read_text(encoding="utf-8")
    write_pdf(text, target)  # warm: imports, fonts
    cpu, wall = time.process_time(), time.perf_counter()
    write_pdf(text, target)
    return time.process_time() - cpu, time.perf_counter() - wall


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--meeting", default="2562-04")
    parser.add_argument("--before", metavar="LIB", help="another checkout's lib/ to build with in the same rounds")
    args = parser.parse_args()
    os.environ.setdefault("PYTHONPATH", str(ROOT / "lib"))  # the children run this checkout's cddbrief
    sys.path[:0] = os.environ["PYTHONPATH"].split(os.pathsep)
    print(f"load average at start: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores", flush=True)
    times: dict[str, list[float]] = {"naive": [], "cold": [], "cold+pdf": [], "hit": [], "pdf cpu": [], "pdf wall": []}
    if args.before:
        times.update({"before cold": [], "before cold+pdf": []})
    before = {**os.environ, "PYTHONPATH": args.before or ""}
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        for r in range(args.rounds):
            out = scratch / f"naive{r}.ipynb"
            naive = timed(
                [
                    str(BIN / "papermill"),
                    "notebooks/briefing.ipynb",
                    str(out),
                    "-p",
                    "meeting",
                    args.meeting,
                    "--no-progress-bar",
                ]
            )
            naive += timed([str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input", str(out)])
            times["naive"].append(naive)
            times["cold"].append(
                timed([*CLI, "build", args.meeting, "--format", "html", "--out", str(scratch / f"cold{r}")])
            )
            if args.before:
                times["before cold"].append(
                    timed(
                        [*CLI, "build", args.meeting, "--format", "html", "--out", str(scratch / f"bcold{r}")],
                        env=before,
                    )
                )
            times["cold+pdf"].append(
                timed([*CLI, "build", args.meeting, "--format", "html,pdf", "--out", str(scratch / f"pdf{r}")])
            )
            if args.before:
                times["before cold+pdf"].append(
                    timed(
                        [*CLI, "build", args.meeting, "--format", "html,pdf", "--out", str(scratch / f"bpdf{r}")],
                        env=before,
                    )
                )
            times["hit"].append(
                timed([*CLI, "build", args.meeting, "--format", "html", "--out", str(scratch / f"cold{r}")])
            )
            cpu, wall = pdf_alone(next((scratch / f"cold{r}").glob("*/brief.html")), scratch / f"alone{r}.pdf")
            times["pdf cpu"].append(cpu)
            times["pdf wall"].append(wall)
            print(f"round {r + 1}: " + ", ".join(f"{k} {v[-1]:.2f} s" for k, v in times.items()), flush=True)
    med = {k: statistics.median(v) for k, v in times.items()}

    def row(label: str, seconds: float, said: str = "") -> None:
        print(f"  {label:<30}{seconds:6.2f} s" + (f"   {said}" if said else ""))

    print(f"\nmedian of {args.rounds} rounds, meeting {args.meeting}:")
    row("naive papermill + nbconvert", med["naive"])
    row("single brief, HTML (cold)", med["cold"], f"ratio to naive {med['cold'] / med['naive']:.2f} (goal <= 0.45)")
    row("single brief, HTML+PDF", med["cold+pdf"], f"ratio to naive {med['cold+pdf'] / med['naive']:.2f}")
    row("PDF extra (HTML+PDF - HTML)", med["cold+pdf"] - med["cold"], "(goal <= 1.0)")
    row("write_pdf alone", med["pdf wall"], f"({med['pdf cpu']:.2f} s CPU)")
    row("cache hit", med["hit"], "(goal <= 0.5)")
    if args.before:
        for kind, label in (("cold", "before: HTML (cold)"), ("cold+pdf", "before: HTML+PDF")):
            before = med[f"before {kind}"]
            row(label, before, f"ratio to naive {before / med['naive']:.2f}; after/before {med[kind] / before:.2f}")
    print(f"load average at end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
