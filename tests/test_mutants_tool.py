"""tools/mutants.py itself: its mutants are real changes, its sample is the same every time, and it
never writes to the working tree (the run itself is `make mutants`, too slow for `make test`)."""

from __future__ import annotations

import ast
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import mutants  # noqa: E402


def _digest() -> str:
    return hashlib.sha256(b"".join((mutants.LIB / path).read_bytes() for path, _ in mutants.TARGETS)).hexdigest()


def test_the_sample_is_seeded_and_every_mutant_changes_the_code_and_compiles():
    before = _digest()
    everything = mutants.all_mutants()
    assert len(everything) > 500
    first, again = mutants.sample(everything, 40, 13), mutants.sample(everything, 40, 13)
    assert first == again and len(first) == 40 and mutants.sample(everything, 40, 14) != first
    for mutant in first:
        source = mutants.mutated_source(mutant)
        original = ast.unparse(ast.parse((mutants.LIB / mutant.path).read_text(encoding="utf-8")))
        assert source != original, mutant
        compile(source, mutant.path, "exec")
    assert _digest() == before  # the working tree is never written


def test_each_kind_of_change_is_made():
    ops = {m.op for m in mutants.all_mutants("thaidates")}
    assert ops == {
        "compare-flip",
        "compare-edge",
        "constant-nudge",
        "and-or",
        "return-empty",
        "bool-negate",
        "slice-shift",
        "arithmetic",
    }


def test_the_checks_are_mutated_and_the_frames_are_not():
    functions = {m.function for m in mutants.all_mutants("cddbrief/checks.py")}
    assert {"_products", "_ratios", "_sums"} <= functions
    assert not {m for m in mutants.all_mutants() if m.path.endswith("tidy.py")}


def test_equivalent_mutants_name_mutants_that_exist():
    keys = {m.key for m in mutants.all_mutants()}
    assert set(mutants.EQUIVALENT) <= keys
