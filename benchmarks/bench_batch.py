"""Batch speed: `build --all` with 1 and 2 jobs, and load_corpus over 1,000 documents cold and warm.

    .venv/bin/python benchmarks/bench_batch.py [--briefs 20] [--corpus 1000]

Documents are made here: half are the sample with its meeting number and a
figure changed (so each has its own content), half are generated meetings
(tests/docgen.py). Caches live in a temporary folder, so "cold" is cold.
"""

from __future__ import annotations

import argparse
import os
import random
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
    bin_dir = Path(sys.executable).parent
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        env = {**os.environ, "CDDBRIEF_CACHE": str(scratch / "cache")}
        briefs = scratch / "briefs"
        make_documents(briefs, args.briefs)
        rates = {}
        for jobs in (1, 2) if args.briefs else ():
            start = time.perf_counter()
            subprocess.run([str(bin_dir / "cddbrief"), "build", "--all", "--data", str(briefs), "--out", str(scratch / f"out{jobs}"), "--jobs", str(jobs)],
                           check=False, capture_output=True, env=env)  # fmt: skip
            seconds = time.perf_counter() - start
            rates[jobs] = args.briefs / seconds
            print(f"build --all --jobs {jobs}: {args.briefs} briefs in {seconds:.1f} s = {rates[jobs]:.2f} briefs/s", flush=True)
        if rates:
            print(f"speed-up with 2 jobs: {rates[2] / rates[1]:.2f}x (goal >= 1.7x on 2 cores)")

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
