"""The corpus store at scale (issue 19): cold reading, warm `list`, warm `load_corpus` and their
peak memory, for N generated write-ups, beside another checkout's code in the same run.

    PYTHONPATH=lib .venv/bin/python benchmarks/bench_corpus.py [--sizes 1000,10000] [--formats]
        [--before /tmp/store-ref/lib]   # git worktree add --detach /tmp/store-ref main

Write-ups are made here (``tests/docgen.py`` and ``tests/docgen_forms.py``): Word tables dumped
as text, prose posts and minutes by agenda as .txt, .docx and .html, in many offices, meetings
and years; a few PDF exports (WeasyPrint, slow to make) each beside its .docx (the same
write-up in two forms), and byte-for-byte copies. Each folder is kept in ``--keep DIR``
(default a temporary folder) so that a second run needs not make it again.

Every figure is one fresh process (``cddbrief list --data DIR`` as a user runs it; a short
Python program for ``load_corpus``), timed from outside, its peak resident memory from
``wait4``; cold reading counts the pool's workers' peak as well. Goals on the 2-core machine:
warm `list` <= 1 s, warm `load_corpus` <= 2 s, peak memory <= 500 MB, cold >= 500 documents/s.

``--formats`` also measures the frames of the largest folder stored as Parquet (pyarrow, what
the store uses) and as a DuckDB database: write and load seconds and file size.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

PDF_PAIRS = 12  # .docx + its PDF export: the PDFs are slow to make, so a few
COPIES = 0.01  # share of files that are a byte-for-byte copy of another


def make_folder(folder: Path, n: int) -> Path:
    """N write-ups in varied layouts, forms, offices and meetings (kept: made once per size)."""
    import docgen
    import docgen_forms

    done = folder / ".complete"
    if done.exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    rng = random.Random(19)
    made = 0
    pdfs = 0
    while made < n:
        kind = rng.random()
        seed = made
        if kind < 0.35:
            data, name = docgen.render_dump(docgen.meeting(random.Random(seed))).encode("utf-8"), f"dump-{seed:05d}.txt"
        else:
            layout = rng.choice(["prose", "minutes", "table"])
            doc = docgen_forms.generate(seed, layout)
            form = rng.choice(["txt", "docx", "html", "docx"])
            data, _ = docgen_forms.render(doc, form)
            name = f"{layout}-{seed:05d}.{form}"
            if form == "docx" and pdfs < PDF_PAIRS and made + 1 < n:
                pdf, _ = docgen_forms.render(doc, "pdf")
                (folder / f"{layout}-{seed:05d}.pdf").write_bytes(pdf)
                pdfs += 1
                made += 1
        (folder / name).write_bytes(data)
        made += 1
        if rng.random() < COPIES and made < n:
            (folder / f"copy-of-{name}").write_bytes(data)
            made += 1
    done.write_text(str(n))
    return folder


def measure(code: str, lib: Path, cache: Path, args: list[str] | None = None) -> tuple[float, float, str, float]:
    """(seconds, peak MB, stdout, CPU seconds) of a fresh Python process; the CPU seconds (user and
    system, the process's own: a pool's workers are not in them) do not grow when other jobs load
    the machine, the wall seconds do."""
    env = {**os.environ, "PYTHONPATH": str(lib), "CDDBRIEF_CACHE": str(cache)}
    started = time.perf_counter()
    command = [sys.executable, *(["-c", code] if code else args)]
    proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    cpu = usage.ru_utime + usage.ru_stime
    if status != 0:
        return float("nan"), usage.ru_maxrss / 1024, out.decode(errors="replace"), cpu
    return seconds, usage.ru_maxrss / 1024, out.decode(errors="replace"), cpu


COLD = "from cddbrief import corpus; e, f = corpus.catalogue({folder!r}); print(len(e), len(f))"
LOAD = "from cddbrief import corpus; f = corpus.load_corpus({folder!r}); print(len(f.items), len(f.quantities))"


def run(n: int, keep: Path, before: Path | None, keep_cache: bool = False) -> Path | None:
    """Every figure for one size; returns this tree's (warm) cache when ``keep_cache``."""
    folder = make_folder(keep / f"corpus-{n}", n)
    files = sum(1 for p in folder.iterdir() if not p.name.startswith("."))
    print(f"\n== {files} files in {folder}  (wall seconds, CPU seconds of the process itself, peak resident memory)")
    libs = [("this tree", ROOT / "lib")] + ([("before", before)] if before else [])
    kept = None
    for label, lib in libs:
        cache = Path(tempfile.mkdtemp(prefix="bench-corpus-cache-"))
        try:
            cold_s, cold_mb, out, cpu = measure(COLD.format(folder=str(folder)), lib, cache)
            rate = files / cold_s
            print(
                f"{label:>10}: cold reading      {cold_s:7.2f} s  {rate:5.0f} documents/s (all cores)  "
                f"peak {cold_mb:5.0f} MB (the parent)  -> {out.strip()}"
            )
            list_s, list_mb, _, cpu = measure("", lib, cache, ["-m", "cddbrief.cli", "list", "--data", str(folder)])
            print(f"{label:>10}: warm list         {list_s:7.2f} s  cpu {cpu:6.2f} s  peak {list_mb:5.0f} MB")
            load_s, load_mb, out, cpu = measure(LOAD.format(folder=str(folder)), lib, cache)
            print(f"{label:>10}: first load_corpus {load_s:7.2f} s  cpu {cpu:6.2f} s  peak {load_mb:5.0f} MB")
            load_s, load_mb, out, cpu = measure(LOAD.format(folder=str(folder)), lib, cache)
            print(f"{label:>10}: warm load_corpus  {load_s:7.2f} s  cpu {cpu:6.2f} s  peak {load_mb:5.0f} MB")
            touched = sorted(p for p in folder.iterdir() if p.suffix == ".txt")[0]
            os.utime(touched)
            one_s, one_mb, _, cpu = measure("", lib, cache, ["-m", "cddbrief.cli", "list", "--data", str(folder)])
            print(f"{label:>10}: list, one changed {one_s:7.2f} s  cpu {cpu:6.2f} s  peak {one_mb:5.0f} MB")
        finally:
            if keep_cache and label == "this tree":
                kept = cache
            else:
                shutil.rmtree(cache, ignore_errors=True)
    return kept


def formats(n: int, keep: Path, cache: Path) -> None:
    """Parquet (pyarrow) against DuckDB for the frames of the store of the largest folder (its warm cache).
    DuckDB is not a dependency of cddbrief: ``pip install duckdb`` to measure it."""
    try:
        import duckdb
    except ImportError:
        print("\n(--formats: DuckDB is not installed; pip install duckdb to compare it with Parquet)")
        return
    import pyarrow.parquet as pq

    folder = keep / f"corpus-{n}"
    os.environ["CDDBRIEF_CACHE"] = str(cache)
    try:
        from cddbrief import store

        tables = store.open_folder(folder, frames=True).frames()
        rows = sum(len(t) for t in tables.values())
        scratch = Path(tempfile.mkdtemp(prefix="bench-formats-"))
        started = time.perf_counter()
        for name, table in tables.items():
            pq.write_table(table, scratch / f"{name}.parquet", compression="lz4")  # as the store writes them
        write_pq = time.perf_counter() - started
        size_pq = sum(p.stat().st_size for p in scratch.glob("*.parquet"))
        started = time.perf_counter()
        loaded = {name: pq.ParquetFile(scratch / f"{name}.parquet").read().to_pandas() for name in tables}
        load_pq = time.perf_counter() - started
        started = time.perf_counter()
        con = duckdb.connect(str(scratch / "frames.duckdb"))
        for name, table in tables.items():
            con.register("incoming", table)
            con.execute(f"CREATE TABLE {name} AS SELECT * FROM incoming")
            con.unregister("incoming")
        con.close()
        write_db = time.perf_counter() - started
        size_db = (scratch / "frames.duckdb").stat().st_size
        started = time.perf_counter()
        con = duckdb.connect(str(scratch / "frames.duckdb"), read_only=True)
        loaded_db = {name: con.execute(f"SELECT * FROM {name}").df() for name in tables}
        con.close()
        load_db = time.perf_counter() - started
        assert all(len(loaded[n]) == len(loaded_db[n]) for n in tables)
        print(f"\n== frames of {n} write-ups ({rows:,} rows in 6 tables)")
        print(f"   Parquet (pyarrow, lz4): write {write_pq:5.2f} s, load {load_pq:5.2f} s, {size_pq / 2**20:6.1f} MB")
        print(
            f"   DuckDB {duckdb.__version__}: write {write_db:5.2f} s, load {load_db:5.2f} s, {size_db / 2**20:.1f} MB"
        )
        shutil.rmtree(scratch, ignore_errors=True)
    finally:
        shutil.rmtree(cache, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--before", type=Path, help="another checkout's lib/ to measure in the same run")
    parser.add_argument("--keep", type=Path, default=Path(tempfile.gettempdir()) / "cddbrief-bench-corpus")
    parser.add_argument("--formats", action="store_true", help="also Parquet against DuckDB on the largest folder")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"{os.cpu_count()} cores; cddbrief from {ROOT / 'lib'}" + (f"; before: {args.before}" if args.before else ""))
    cache = None
    for n in sizes:
        cache = run(n, args.keep, args.before, keep_cache=args.formats and n == max(sizes)) or cache
    if args.formats and cache is not None:
        sys.path.insert(0, str(ROOT / "lib"))
        formats(max(sizes), args.keep, cache)


if __name__ == "__main__":
    main()
