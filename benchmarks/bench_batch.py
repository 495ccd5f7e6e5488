"""Batch speed: `build --all` with 1 and 2 jobs against one brief built alone, and load_corpus
over 1,000 documents cold and warm.

    PYTHONPATH=lib .venv/bin/python benchmarks/bench_batch.py [--briefs 20] [--corpus 1000]

A brief in a batch costs (batch seconds / briefs); it is set against the median of
three single builds (`cddbrief build FILE`, a new output folder each) of the same
documents in the same run, since this machine's absolute times swing by a third.
Goals (issue 12): a brief in `--jobs 1` <= 0.5x a brief alone; `--jobs 2` >= 1.8x `--jobs 1`.

Documents are made here: half are the sample with its meeting number and a
figure changed (so each has its own content), half are generated meetings
(tests/docgen.py). Caches live in a temporary folder, so "cold" is cold.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import docgen  # noqa: E402

SAMPLE = ROOT / "data" / "raw" / "000_624796c269e36bce.txt"


def make_documents(folder: Path, count: int) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    text = SAMPLE.read_text(encoding="utf-8")
    size = 0
    for n in range(count):
        if n % 2 == 0:
            body = text.replace("ครั้งที่  4/256๒", f"ครั้งที่  {n % 12 + 1}/{2560 + n // 24}").replace("76 จังหวัด", f"{n % 77 + 1} จังหวัด")
        else:
            body = docgen.render_dump(docgen.meeting(random.Random(n)))
        data = body.encode("utf-8")
        (folder / f"doc{n:04d}.txt").write_bytes(data)
        size += len(data)
    return size


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--briefs", type=int, default=20)
    parser.add_argument("--corpus", type=int, default=1000)
    args = parser.parse_args()
    cli = [sys.executable, "-m", "cddbrief.cli"]  # this checkout's cddbrief (PYTHONPATH)
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        env = {**os.environ, "CDDBRIEF_CACHE": str(scratch / "cache")}
        env.setdefault("PYTHONPATH", str(ROOT / "lib"))
        briefs = scratch / "briefs"
        make_documents(briefs, args.briefs)
        alone = []
        for n in range(min(3, args.briefs)):
            start = time.perf_counter()
            subprocess.run([*cli, "build", str(briefs / f"doc{n:04d}.txt"), "--out", str(scratch / f"alone{n}")], check=True, capture_output=True, env=env)
            alone.append(time.perf_counter() - start)
        if alone:
            single = statistics.median(alone)
            print(f"a brief built alone: {single:.2f} s (median of {len(alone)})", flush=True)
        per_brief = {}
        for jobs in (1, 2) if args.briefs else ():
            start = time.perf_counter()
            subprocess.run([*cli, "build", "--all", "--data", str(briefs), "--out", str(scratch / f"out{jobs}"), "--jobs", str(jobs)],
                           check=False, capture_output=True, env=env)  # fmt: skip
            seconds = time.perf_counter() - start
            per_brief[jobs] = seconds / args.briefs
            print(f"build --all --jobs {jobs}: {args.briefs} briefs in {seconds:.1f} s = {per_brief[jobs]:.2f} s per brief"
                  f" = {per_brief[jobs] / single:.2f}x a brief alone", flush=True)  # fmt: skip
        if per_brief:
            print(f"brief in --jobs 1 vs alone: {per_brief[1] / single:.2f}x (goal <= 0.5x)")
            print(f"speed-up with 2 jobs: {per_brief[1] / per_brief[2]:.2f}x (goal >= 1.8x on 2 cores)")

        if not args.corpus:
            return
        corpus = scratch / "corpus"
        size = make_documents(corpus, args.corpus)
        code = (
            "import time, sys\n"
            "from cddbrief import load_corpus\n"
            "t = time.perf_counter(); f = load_corpus(sys.argv[1]); print(f'{time.perf_counter() - t:.2f} {len(f.items)} {len(f.quantities)}')\n"
        )
        for label in ("cold", "warm"):
            out = subprocess.run([sys.executable, "-c", code, str(corpus)], capture_output=True, text=True, env=env, check=True).stdout.split()
            print(f"load_corpus {label}: {args.corpus} documents ({size / 1e6:.1f} MB) in {out[0]} s  ({out[1]} items, {out[2]} figures)")
    print("goal: warm <= 2 s")


if __name__ == "__main__":
    main()
