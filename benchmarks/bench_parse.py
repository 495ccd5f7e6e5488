"""Parsing speed: documents per second and MB/s on the sample, warm, one core.

    .venv/bin/python benchmarks/bench_parse.py [--seconds 5]

Prints one line per stage and the whole parse (read -> layout -> meeting ->
extraction -> checks), then one line per file kind: the same meeting as the
office suite exports it (tests/data/sample-export: .docx, .pdf, .html) beside
the text dump, all in one run so the ratios hold on a machine whose speed
swings. Not a test: it prints figures for the closing notes.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

from cddbrief.meeting import parse_document
from cddbrief.sources import read_bytes

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "raw" / "000_624796c269e36bce.txt"
EXPORTS = ROOT / "tests" / "data" / "sample-export"


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
    print(f"{label:<28} {1 / per_doc:>9,.0f} docs/s  {size / per_doc / 1e6:>7.2f} MB/s  ({per_doc * 1e3:.3f} ms/doc, {len(rounds) * 50} runs)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    data = SAMPLE.read_bytes()
    print(f"sample: {SAMPLE.name}, {len(data):,} bytes; one core, warm; median of rounds of 50")
    measure("read (decode)", lambda: read_bytes(data, SAMPLE.name), len(data), args.seconds / 2)
    measure("parse (read..checks)", lambda: parse_document(read_bytes(data, SAMPLE.name)), len(data), args.seconds)
    meeting = parse_document(read_bytes(data, SAMPLE.name))
    measure("to_dict (JSON shape)", meeting.to_dict, len(data), args.seconds / 2)
    print("\nby file kind: the sample as .txt, and as an office suite exports it (whole parse)")
    measure("txt", lambda: parse_document(read_bytes(data, SAMPLE.name)), len(data), args.seconds)
    txt = measure.last
    for name in ("sample.docx", "sample.html", "sample.pdf"):
        blob = (EXPORTS / name).read_bytes()
        measure(name.split(".")[1], lambda blob=blob, name=name: parse_document(read_bytes(blob, name)), len(blob), args.seconds)
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
