"""Brief build time: cddbrief against papermill + nbconvert called by hand, side by side.

    .venv/bin/python benchmarks/bench_build.py [--rounds 3]

Each round runs, as child processes of this one and in turn:
  naive     papermill notebooks/briefing.ipynb out.ipynb -p meeting 2562-04
            then jupyter nbconvert --to html --no-input out.ipynb
  cold      cddbrief build 2562-04 --format html   (a new output folder each round)
  cold+pdf  cddbrief build 2562-04 --format html,pdf (a new output folder)
  hit       cddbrief build 2562-04 --format html   (again, nothing changed)
Prints the median of each and the ratios the goals are stated in.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def timed(cmd: list[str], cwd: Path = ROOT) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--meeting", default="2562-04")
    args = parser.parse_args()
    times: dict[str, list[float]] = {"naive": [], "cold": [], "cold+pdf": [], "hit": []}
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        for r in range(args.rounds):
            out = scratch / f"naive{r}.ipynb"
            naive = timed([str(BIN / "papermill"), "notebooks/briefing.ipynb", str(out), "-p", "meeting", args.meeting, "--no-progress-bar"])
            naive += timed([str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input", str(out)])
            times["naive"].append(naive)
            times["cold"].append(timed([str(BIN / "cddbrief"), "build", args.meeting, "--format", "html", "--out", str(scratch / f"cold{r}")]))
            times["cold+pdf"].append(timed([str(BIN / "cddbrief"), "build", args.meeting, "--format", "html,pdf", "--out", str(scratch / f"pdf{r}")]))
            times["hit"].append(timed([str(BIN / "cddbrief"), "build", args.meeting, "--format", "html", "--out", str(scratch / f"cold{r}")]))
            print(f"round {r + 1}: " + ", ".join(f"{k} {v[-1]:.2f} s" for k, v in times.items()), flush=True)
    med = {k: statistics.median(v) for k, v in times.items()}
    print(f"\nmedian of {args.rounds} rounds, meeting {args.meeting}:")
    print(f"  naive papermill + nbconvert   {med['naive']:6.2f} s")
    print(f"  cddbrief build (html, cold)   {med['cold']:6.2f} s   ratio {med['cold'] / med['naive']:.2f} (goal <= 0.60)")
    print(f"  cddbrief build (html+pdf)     {med['cold+pdf']:6.2f} s   pdf adds {med['cold+pdf'] - med['cold']:.2f} s (goal <= 1.5)")
    print(f"  cddbrief build (cache hit)    {med['hit']:6.2f} s   (goal <= 0.5)")


if __name__ == "__main__":
    main()
