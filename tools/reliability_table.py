"""Print the bad-input table of docs/RELIABILITY.md from tests/reliability_cases.py.

    .venv/bin/python tools/reliability_table.py

tests/test_reliability.py runs every case (with `build` and with `parse`) and
checks that the document holds this exact table, so the two cannot drift.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import reliability_cases  # noqa: E402


def bad_input_table() -> str:
    lines = [
        "| case | given | outcome (build and parse) | the one line holds |",
        "| --- | --- | --- | --- |",
    ]
    for case in reliability_cases.cases():
        words = "; ".join(f"`{w}`" for w in case["words"])
        lines.append(
            f"| {case['case']} | `{case['given']}` | exit 2, one line, nothing written, old brief untouched | {words} |"
        )
    return "\n".join(lines)


def settings_table() -> str:
    """Every setting checked before any work: tests/test_faults.py::test_settings_are_checked_before_any_work."""
    lines = ["| setting | given | outcome | the one line holds |", "| --- | --- | --- | --- |"]
    for case in reliability_cases.settings():
        words = "; ".join(f"`{w}`" for w in case["words"])
        outcome = "exit 2, one line, before any work, the output folder as it was"
        lines.append(f"| {case['case']} | `{case['given']}` | {outcome} | {words} |")
    return "\n".join(lines)


def faults_table() -> str:
    """Stops, folders that belong to one source, names, clusters: tests/test_faults.py."""
    lines = ["| fault | how it is made | what held | test |", "| --- | --- | --- | --- |"]
    for case in reliability_cases.faults():
        tests = ", ".join(f"`{t.strip()}`" for t in case["test"].split(","))
        lines.append(f"| {case['fault']} | {case['how']} | {case['held']} | {tests} |")
    return "\n".join(lines)


def bounded_table() -> str:
    """Readers bounded in time and memory (issue 21): tests/test_robustness.py, measured once before and after."""
    lines = ["| input | before (time, peak memory) | now | test |", "| --- | --- | --- | --- |"]
    for case in reliability_cases.bounded():
        lines.append(f"| {case['input']} | {case['before']} | {case['now']} | `{case['test']}` |")
    return "\n".join(lines)


TABLES = (bad_input_table, settings_table, faults_table, bounded_table)


if __name__ == "__main__":
    print("\n\n".join(table() for table in (sys.argv[1:] and [globals()[n] for n in sys.argv[1:]] or TABLES)))
