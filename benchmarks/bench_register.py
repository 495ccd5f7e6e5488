"""The action register on N write-ups: cold (actions read out of each meeting) and warm (each write-up's
actions kept as ``register.records``, as a store would keep them), with peak memory.

The write-ups are the hand-written series (tests/data/series) and the sample, handed out to offices of
12 meetings each (3/2566 … 12/2566) so that every office has a year of meetings to follow; the
meetings are parsed once, so the figures are the register's own.

    PYTHONPATH=lib .venv/bin/python benchmarks/bench_register.py 10000
"""

from __future__ import annotations

import dataclasses
import resource
import sys
import time
from datetime import date
from pathlib import Path

import pandas  # noqa: F401 - imported before timing: load_corpus has it already

from cddbrief import register
from cddbrief.meeting import read_meeting

ROOT = Path(__file__).resolve().parents[1]


def writeups(n: int) -> list:
    base = [read_meeting(p) for p in sorted((ROOT / "tests" / "data" / "series").glob("*.txt"))]
    base.append(read_meeting(ROOT / "tests" / "data" / "000_624796c269e36bce.txt"))
    found = []
    for i in range(n):
        office, slot = divmod(i, 12)
        meeting = dataclasses.replace(
            base[i % len(base)], number=slot + 1, year_be=2566, meeting_date=date(2023, slot + 1, 10)
        )
        found.append((f"w{i}", f"office {office}", meeting))
    return found


def main(n: int) -> None:
    given = writeups(n)
    t0 = time.perf_counter()
    found, reports, skipped = register.collect(given)
    t1 = time.perf_counter()
    links = register.follow(found, reports)
    t2 = time.perf_counter()
    reg = register.Register(found, reports, links, date(2024, 1, 1), skipped=skipped)
    frame = reg.frame()
    t3 = time.perf_counter()
    kept = [register.records(*register.actions_of(*w)) for w in given]
    t4 = time.perf_counter()
    again, told = [], []
    for stored in kept:
        a, r, _ = register.from_records(stored)
        again += a
        told += r
    warm = register.Register(again, told, register.follow(again, told), date(2024, 1, 1)).frame()
    t5 = time.perf_counter()
    assert len(warm) == len(frame)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{n} write-ups: {len(found)} actions, {len(reports)} reports, {len(links)} links")
    print(
        f"cold: actions read {t1 - t0:.2f} s, followed {t2 - t1:.2f} s,"
        f" statuses and frame {t3 - t2:.2f} s: {t3 - t0:.2f} s"
    )
    print(f"warm (records kept per write-up): {t5 - t4:.2f} s; peak memory {peak:.0f} MB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
