"""Batch speed: `build --all` with 1 and 2 jobs against one brief built alone, the peak memory
of `build --all --jobs 2`, the CPU seconds a brief costs in a batch (every process of it, kernels
included), and load_corpus over 1,000 documents cold and warm.

    PYTHONPATH=lib .venv/bin/python benchmarks/bench_batch.py [--briefs 20] [--corpus 1000] \
        [--before /tmp/before/lib] [--rounds 3]

A brief in a batch costs (batch seconds / briefs); it is set against the median of
three single builds (`cddbrief build FILE`, a new output folder each) of the same
documents in the same run, since this machine's absolute times swing by a third.
Goals (issue 12): a brief in `--jobs 1` <= 0.5x a brief alone; `--jobs 2` >= 1.8x `--jobs 1`;
peak memory of `--jobs 2` (the sum of the resident memory of every process of the batch,
kernels included, sampled every 0.1 s) under 1 GB. RSS counts the pages a forked kernel shares
with its template twice; PSS (/proc/PID/smaps_rollup) shares them out, so both are printed.

``--before LIB`` measures another checkout's cddbrief too (e.g. a worktree of the commit
before a change), in the same run, each step of one after the same step of the other.

Documents are made here: half are the sample with its meeting number and a
figure changed (so each has its own content), half are generated meetings
(tests/docgen.py). Caches live in a temporary folder, so "cold" is cold.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
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
            body = text.replace("ครั้งที่  4/256๒", f"ครั้งที่  {n % 12 + 1}/{2560 + n // 24}").replace(
                "76 จังหวัด", f"{n % 77 + 1} จังหวัด"
            )
        else:
            body = docgen.render_dump(docgen.meeting(random.Random(n)))
        data = body.encode("utf-8")
        (folder / f"doc{n:04d}.txt").write_bytes(data)
        size += len(data)
    return size


def tree_rss(pid: int) -> tuple[int, int]:
    """Bytes resident in pid and all its descendants now (Linux /proc): (RSS, PSS). RSS counts a
    page shared by forked processes (a kernel and its template) in each; PSS shares it out."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_bytes()
            except OSError:
                continue
            parents[int(entry)] = int(stat[stat.rfind(b")") + 2 :].split()[1])
    tree, todo = {pid}, [pid]
    while todo:
        here = todo.pop()
        for child, parent in parents.items():
            if parent == here and child not in tree:
                tree.add(child)
                todo.append(child)
    page, total, proportional = os.sysconf("SC_PAGE_SIZE"), 0, 0
    for member in tree:
        try:
            total += int(Path(f"/proc/{member}/statm").read_text().split()[1]) * page
            proportional += next(
                int(line.split()[1]) * 1024
                for line in Path(f"/proc/{member}/smaps_rollup").read_text().splitlines()
                if line.startswith("Pss:")
            )
        except (OSError, IndexError, ValueError, StopIteration):
            pass
    return total, proportional


def children_cpu() -> float:
    """CPU seconds (user + system) of this process's children that have ended and been waited for,
    with the children they waited for in turn (a batch: its workers, their kernels and templates)."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def run_sampled(cmd: list[str], env: dict) -> tuple[float, int, int, float]:
    """(seconds, peak RSS, peak PSS of the whole process tree sampled every 0.1 s, CPU seconds) of one command."""
    start, cpu = time.perf_counter(), children_cpu()
    process = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    peak = peak_pss = 0
    while process.poll() is None:
        rss, pss = tree_rss(process.pid)
        peak, peak_pss = max(peak, rss), max(peak_pss, pss)
        time.sleep(0.1)
    return time.perf_counter() - start, peak, peak_pss, children_cpu() - cpu


def measure(
    libs: dict[str, str], briefs: Path, count: int, scratch: Path, cli: list[str], rounds: int = 1
) -> dict[str, dict]:
    """Each step for every checkout in turn (before, after, before, ...), so load changes hit both alike;
    with ``rounds`` > 1 the batches are run that many times in turn and their medians kept."""
    envs = {
        label: {**os.environ, "CDDBRIEF_CACHE": str(scratch / f"cache-{label}"), "PYTHONPATH": lib}
        for label, lib in libs.items()
    }
    alone: dict[str, list[float]] = {label: [] for label in libs}
    for n in range(min(3, count)):
        for label, env in envs.items():
            start = time.perf_counter()
            subprocess.run(
                [*cli, "build", str(briefs / f"doc{n:04d}.txt"), "--out", str(scratch / f"{label}-alone{n}")],
                check=True,
                capture_output=True,
                env=env,
            )
            alone[label].append(time.perf_counter() - start)
    figures = {label: {"alone": statistics.median(times)} for label, times in alone.items()}
    for label, f in figures.items():
        print(f"[{label}] a brief built alone: {f['alone']:.2f} s (median of {len(alone[label])})", flush=True)
    runs: dict[tuple, list] = {}
    for round_ in range(rounds):
        for jobs in (1, 2):
            for label, env in envs.items():
                out = scratch / f"{label}-out{jobs}-{round_}"  # a new folder: every brief is built
                seconds, peak, pss, cpu = run_sampled(
                    [*cli, "build", "--all", "--data", str(briefs), "--out", str(out), "--jobs", str(jobs)], env
                )
                runs.setdefault((label, jobs), []).append((seconds, peak, pss, cpu))
                per_brief = seconds / count
                print(f"[{label}] build --all --jobs {jobs}: {count} briefs in {seconds:.1f} s = {per_brief:.2f} s"
                      f" per brief = {per_brief / figures[label]['alone']:.2f}x a brief alone;"
                      f" {cpu / count:.2f} s CPU per brief;"
                      f" peak memory {peak / 2**20:.0f} MB RSS, {pss / 2**20:.0f} MB PSS", flush=True)  # fmt: skip
    for (label, jobs), measured in runs.items():
        f = figures[label]
        f[jobs] = statistics.median(m[0] for m in measured) / count
        f[f"peak{jobs}"], f[f"pss{jobs}"] = max(m[1] for m in measured), max(m[2] for m in measured)
        f[f"cpu{jobs}"] = statistics.median(m[3] for m in measured) / count
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--briefs", type=int, default=20)
    parser.add_argument("--corpus", type=int, default=1000)
    parser.add_argument("--before", metavar="LIB", help="another checkout's lib/ to measure in the same run")
    parser.add_argument(
        "--rounds", type=int, default=1, help="run the batches this many times in turn; medians are kept"
    )
    args = parser.parse_args()
    cli = [sys.executable, "-m", "cddbrief.cli"]  # this checkout's cddbrief (PYTHONPATH)
    lib = os.environ.get("PYTHONPATH") or str(ROOT / "lib")
    print(f"load average at start: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores", flush=True)
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        env = {**os.environ, "CDDBRIEF_CACHE": str(scratch / "cache"), "PYTHONPATH": lib}
        briefs = scratch / "briefs"
        make_documents(briefs, args.briefs)
        libs = {label: path for label, path in (("before", args.before), ("after", lib)) if path}
        results = measure(libs, briefs, args.briefs, scratch, cli, args.rounds) if args.briefs else {}
        for label, f in results.items():
            print(f"{label}: CPU per brief {f['cpu1']:.2f} s in --jobs 1, {f['cpu2']:.2f} s in --jobs 2")
            print(f"{label}: brief in --jobs 1 vs alone: {f[1] / f['alone']:.2f}x (goal <= 0.5x); "
                  f"--jobs 2 vs --jobs 1: {f[1] / f[2]:.2f}x (goal >= 1.8x); peak memory of --jobs 2: "
                  f"{f['peak2'] / 2**30:.2f} GB RSS, {f['pss2'] / 2**30:.2f} GB PSS (goal < 1 GB)")  # fmt: skip
        if len(results) == 2:
            b, a = results["before"], results["after"]
            print(
                f"after / before: alone {a['alone'] / b['alone']:.2f}, --jobs 1 per brief {a[1] / b[1]:.2f},"
                f" --jobs 2 per brief {a[2] / b[2]:.2f},"
                f" CPU per brief {a['cpu1'] / b['cpu1']:.2f} (--jobs 1), {a['cpu2'] / b['cpu2']:.2f} (--jobs 2)"
            )
        print(f"load average at end: {os.getloadavg()[0]:.2f}", flush=True)

        if not args.corpus:
            return
        corpus = scratch / "corpus"
        size = make_documents(corpus, args.corpus)
        code = (
            "import time, sys\n"
            "from cddbrief import load_corpus\n"
            "t = time.perf_counter(); f = load_corpus(sys.argv[1])\n"
            "print(f'{time.perf_counter() - t:.2f} {len(f.items)} {len(f.quantities)}')\n"
        )
        for label in ("cold", "warm"):
            out = subprocess.run(
                [sys.executable, "-c", code, str(corpus)], capture_output=True, text=True, env=env, check=True
            ).stdout.split()
            print(
                f"load_corpus {label}: {args.corpus} documents ({size / 1e6:.1f} MB) in {out[0]} s"
                f"  ({out[1]} items, {out[2]} figures)"
            )
    print("goal: warm <= 2 s")


if __name__ == "__main__":
    main()
