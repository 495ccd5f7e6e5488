"""The project's lint rules hold: ``ruff check`` (rules and the 120-character line in pyproject.toml's
``[tool.ruff]``) finds nothing in lib, tests, benchmarks and tools.

Only the rules are checked, not the formatter's layout: a new ruff release may lay code out a little
differently, and that is a ``make format`` away, not a failing test.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHECKED = ["lib", "tests", "benchmarks", "tools"]

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("ruff") is None,
    reason="ruff is not installed (it is in the dev extras: pip install -e '.[dev]')",
)


def ruff_findings(*paths: str | Path) -> tuple[int, list[str]]:
    """``ruff check`` with the project's configuration: its exit code and one line per finding."""
    done = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format", "concise", "--quiet"]
        + ["--config", str(ROOT / "pyproject.toml"), *map(str, paths)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode in (0, 1), f"ruff did not run: {done.stderr.strip()}"
    return done.returncode, [line for line in done.stdout.splitlines() if line.strip()]


def test_ruff_finds_nothing_in_the_project():
    code, findings = ruff_findings(*CHECKED)
    assert code == 0 and not findings, (
        f"ruff check found {len(findings)} problem(s); `make format` fixes the layout and what ruff can fix,"
        " the rest (long strings, comments, docstrings) is wrapped by hand:\n" + "\n".join(findings)
    )


def test_a_long_line_and_an_unused_import_are_caught(tmp_path):
    # the failing path: the rules the project relies on are the ones ruff applies
    sample = tmp_path / "sample.py"
    thai = "รายงานการประชุม" * 10
    sample.write_text(f'import os\n\nTITLE = "{thai}"\n', encoding="utf-8")
    code, findings = ruff_findings(sample)
    assert code == 1
    assert any("F401" in line and "os" in line for line in findings), findings
    assert any("E501" in line and ":3:" in line for line in findings), findings


def test_a_clean_file_passes(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('TITLE = "รายงานการประชุม"\n', encoding="utf-8")
    assert ruff_findings(sample) == (0, [])
