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
        lines.append(f"| {case['case']} | `{case['given']}` | exit 2, one line, nothing written, old brief untouched | {words} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(bad_input_table())
