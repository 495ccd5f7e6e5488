"""Mutation testing of the reading and checking code: do the quick tests notice a wrong answer?

Each mutant is one small change to one module (a comparison flipped or moved by one, a
constant nudged, ``and``/``or`` swapped, a return emptied, a condition negated, a slice
bound shifted, an arithmetic operator swapped). It is written into a COPY of ``lib/`` in a
temporary folder that is put first on PYTHONPATH, so the working tree is never modified,
and the quick tests run against it (``pytest -x``, each mutant with a cache folder of its
own and a timeout). A mutant is *killed* when a test fails, *survives* when all pass.

    python tools/mutants.py                    # the seeded sample, 2 processes, prints the score
    python tools/mutants.py --sample 0         # every mutant (slow: see --list for how many)
    python tools/mutants.py --list             # the mutants of the sample, without running them
    python tools/mutants.py --only thaidates   # only mutants of modules whose path holds this
    python tools/mutants.py --match table.py:56   # of the sample, only these (to check a new test kills one)

A full run of the default sample (160 of ~1,600 mutants, seed 13) takes 7.5 min on 2 idle cores
(13 min on a loaded machine).

The score counts timeouts as killed (the change made the tests hang: they noticed) and
leaves out the mutants judged equivalent in EQUIVALENT below (no test can tell them from
the original; each with its reason). Example of a line printed for a survivor::

    cddbrief/thaidates.py:298 _day_dates  `31` -> `32`  [constant-nudge]

(ตัวอย่าง: ``วันที่ 31 ก.ย. 62`` ต้องไม่ถูกอ่านเป็นวันที่ — a mutant that reads it survives
only if no test says so.) Standard library only; ``make mutants`` runs it.
"""

from __future__ import annotations

import argparse
import ast
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIB = ROOT / "lib"

# The reading and checking modules; (path under lib/, the function names mutated there or None for all).
TARGETS: list[tuple[str, frozenset[str] | None]] = [
    ("cddbrief/thaidates.py", None),
    ("cddbrief/quantities.py", None),
    ("cddbrief/checks.py", None),
    ("cddbrief/header.py", None),
    ("cddbrief/readers/__init__.py", None),
    ("cddbrief/readers/table.py", None),
    ("cddbrief/readers/prose.py", None),
    ("cddbrief/readers/points.py", None),
    ("cddbrief/readers/minutes.py", None),
]

# The quick tests (well under a minute together) and the modules' doctests.
QUICK_TESTS = [
    "tests/test_json_interface.py",
    "tests/test_extractors.py",
    "tests/test_extractors_forms.py",
    "tests/test_acceptance.py",
    "tests/test_readers.py",
    "tests/test_checks_failing.py",
    "tests/test_date_boundaries.py",
    "tests/test_mutant_killers.py",
    # each reading module's own tests (a few seconds together)
    "tests/test_header.py",
    "tests/test_thaidates.py",
    "tests/test_quantities.py",
    "tests/test_minutes.py",
    "tests/test_narrative.py",
    "tests/test_table_columns.py",
    "tests/test_figure_tables.py",
]
# Tests left out of the mutant runs: each builds a brief in a kernel (seconds each). Their
# reading is covered by the same file's parse --json and frames tests.
SLOW = "not in_the_brief and not a_minutes_brief"

DEFAULT_SEED = 13
DEFAULT_SAMPLE = 160

# Mutants no test can kill: the same behaviour written another way. Key: (module file name,
# function, the mutation as printed); value: why it is equivalent.
EQUIVALENT: dict[tuple[str, str, str], str] = {
    (
        "thaidates.py",
        "find_dates",
        "`c['y1'] is None and c['y2'] is None and (not c.get('bad_year')) and (n` -> "
        "`c['y1'] is None or c['y2'] is None or (not c.get('bad_year')) or (not `",
    ): "`undated` only decides whether years written on their own are looked for; looking when no date lacks a year "
    "changes no span",
    (
        "thaidates.py",
        "_read_year",
        "`2400` -> `2401`",
    ): "the 'yearish' test is reached only for a year be_year refused or one past the window; BE 2400 is accepted "
    "by be_year and lies inside the window of every meeting year from BE 2390 on, so 2400 never reaches it",
    (
        "thaidates.py",
        "_month_dates",
        "`taken[next_taken][1] <= at` -> `taken[next_taken][1] < at`",
    ): "a year-like number starts right where a day-date ends only when that date dropped it as no year (5 ก.ค.30 คน); "
    "the month before it then reads the same number and drops it for the same reason, so skipping it changes nothing",
    (
        "quantities.py",
        "assign_roles",
        "`left <= 1e-09` -> `left < 1e-09`",
    ): "differs only when what is left of a listed total is exactly 1e-9, which no sum of written figures gives",
    (
        "checks.py",
        "_ratios",
        "`abs(actual - pct.value) <= tolerance` -> `abs(actual - pct.value) < tolerance`",
    ): "the tolerance is half a unit of the last decimal plus 1e-9: no ratio of written figures is off by exactly that",
    (
        "quantities.py",
        "_Places.before",
        "`position < self.asked` -> `position <= self.asked`",
    ): "the same figure asked again is read from the whole text, which finds what the reading in order found",
    (
        "thaidates.py",
        "month_number",
        "`4096` -> `4097`",
    ): "the bound of a memo of month spellings: one more entry remembered changes no month",
    (
        "thaidates.py",
        "month_number",
        "`len(_MONTH_BY_WRITTEN) < 4096` -> `not len(_MONTH_BY_WRITTEN) < 4096`",
    ): "the memo of month spellings never remembers: each month is then looked up by its key again, to the same number",
    (
        "thaidates.py",
        "_listed_before",
        "`return listed` -> `return []`",
    ): "the early return, taken before anything is listed: `listed` is still the empty list there",
    (
        "table.py",
        "_row_fields",
        "`len(cells) > len(places)` -> `len(cells) >= len(places)`",
    ): "with as many cells as roles, the cells past the roles are none: the extra text is empty and nothing is added",
    (
        "header.py",
        "_place_of",
        "`len(candidates) > 1` -> `len(candidates) >= 1`",
    ): "reached only when the count is not 1 (the branch before takes exactly one), so > 1 and >= 1 agree there",
    (
        "header.py",
        "_day_told",
        "`9` -> `10`",
    ): "told starts below any line's facts (at least 0 - 3), so -9 and -10 lose alike to the first cued line",
    (
        "header.py",
        "_day_told",
        "`24` -> `25`",
    ): "the head's lines are collapsed to single spaces: the longest cue, 'เมื่อวันพฤหัสบดี นี้ ( ', is 23 characters",
    (
        "header.py",
        "is_banner",
        "`s.span.end:` -> `s.span.end + 1:`",
    ): "drops the character right after each date; it differs only for a date run into one last letter (2566ก)",
    (
        "header.py",
        "_place_of",
        "`True` -> `False`",
    ): "no province's name starts another's (the gazetteer's 77), so shortest or longest first finds the same one",
    (
        "prose.py",
        "fit",
        "`1.0` -> `10.0`",
    ): "the cap of a post that is no tab dump: every score is at most 0.85, so a cap of 1 or 10 takes nothing off",
    (
        "__init__.py",
        "_fits",
        "`at < best_at` -> `at <= best_at`",
    ): "each reader is asked once, so at never equals best_at (another reader's place, or len(order) at first)",
    (
        "prose.py",
        "_expanded",
        "`False` -> `True`",
    ): "whether a point split out of a line is `listed` is read only by minutes' _written, never on prose's own lines",
    (
        "points.py",
        "<module>",
        "`True` -> `False`",
    ): "@dataclass(slots=True) on Line: slots save memory; no reader sets an attribute Line does not declare",
    (
        "points.py",
        "marker_number",
        "`return None` -> `return 0`",
    ): "for no label or a 1.1 label; every caller compares the result with 1 or with the next expected number (>= 2), "
    "which neither None nor 0 equals, and a point's start always has a number",
}


@dataclass(frozen=True)
class Mutant:
    """One change: where, what it was, what it becomes (the module's source is rewritten from its AST)."""

    path: str  # under lib/
    function: str
    line: int
    index: int  # the node's place in an ast.walk of the module
    op: str  # which operator made it
    before: str
    after: str

    @property
    def key(self) -> tuple[str, str, str]:
        return (Path(self.path).name, self.function, f"`{self.before}` -> `{self.after}`")

    def __str__(self) -> str:
        return f"{Path(self.path).name}:{self.line} {self.function}  `{self.before}` -> `{self.after}`  [{self.op}]"


# --- making mutants ----------------------------------------------------------------------------

_FLIP = {ast.Lt: ast.GtE, ast.GtE: ast.Lt, ast.Gt: ast.LtE, ast.LtE: ast.Gt, ast.Eq: ast.NotEq, ast.NotEq: ast.Eq,
         ast.In: ast.NotIn, ast.NotIn: ast.In, ast.Is: ast.IsNot, ast.IsNot: ast.Is}  # fmt: skip
_EDGE = {ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt}
_ARITH = {
    ast.Add: ast.Sub,
    ast.Sub: ast.Add,
    ast.Mult: ast.Div,
    ast.Div: ast.Mult,
    ast.FloorDiv: ast.Mult,
    ast.Mod: ast.FloorDiv,
}


def _empty_for(returns: ast.expr | None) -> ast.expr:
    """What an emptied return gives back, from the function's annotation: [] for a list, "" for a str…"""
    shown = ast.unparse(returns) if returns is not None else ""
    for prefix, empty in (
        ("list", "[]"),
        ("dict", "{}"),
        ("set", "set()"),
        ("str", "''"),
        ("bool", "False"),
        ("int", "0"),
        ("float", "0.0"),
    ):
        if shown.startswith(prefix):
            return ast.parse(empty, mode="eval").body
    return ast.Constant(None)


def _changes(node: ast.AST, returns: ast.expr | None) -> list[tuple[str, ast.AST]]:
    """The mutations of one node: (operator name, the node that replaces it)."""
    out: list[tuple[str, ast.AST]] = []
    if isinstance(node, ast.Compare) and len(node.ops) == 1:
        op = type(node.ops[0])
        if op in _FLIP:
            out.append(("compare-flip", ast.Compare(node.left, [_FLIP[op]()], node.comparators)))
        if op in _EDGE:
            out.append(("compare-edge", ast.Compare(node.left, [_EDGE[op]()], node.comparators)))
    elif isinstance(node, ast.BoolOp):
        out.append(("and-or", ast.BoolOp(ast.Or() if isinstance(node.op, ast.And) else ast.And(), node.values)))
    elif isinstance(node, ast.BinOp) and type(node.op) in _ARITH:
        out.append(("arithmetic", ast.BinOp(node.left, _ARITH[type(node.op)](), node.right)))
    elif isinstance(node, ast.Constant) and type(node.value) is bool:
        out.append(("bool-negate", ast.Constant(not node.value)))
    elif isinstance(node, ast.Constant) and type(node.value) is int:
        out.append(("constant-nudge", ast.Constant(node.value + 1)))
    elif isinstance(node, ast.Constant) and type(node.value) is float:
        out.append(("constant-nudge", ast.Constant(node.value * 10 if node.value else 0.1)))
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        out.append(("bool-negate", node.operand))
    elif isinstance(node, ast.Return) and node.value is not None:
        empty = _empty_for(returns)
        if ast.dump(empty) != ast.dump(node.value):
            out.append(("return-empty", ast.Return(empty)))
    elif isinstance(node, ast.Slice):
        for side in ("lower", "upper"):
            bound = getattr(node, side)
            if bound is not None and not (isinstance(bound, ast.UnaryOp) or isinstance(bound, ast.Constant)):
                shifted = ast.Slice(
                    **{
                        **{k: getattr(node, k) for k in ("lower", "upper", "step")},
                        side: ast.BinOp(bound, ast.Add(), ast.Constant(1)),
                    }
                )
                out.append(("slice-shift", shifted))
    return out


def _conditions(tree: ast.AST) -> set[int]:
    """ids of the tests of if/while/ternaries/comprehension filters: each is also negated."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.If, ast.While, ast.IfExp)):
            found.add(id(node.test))
        elif isinstance(node, ast.comprehension):
            found.update(id(test) for test in node.ifs)
    return found


def _scopes(tree: ast.Module) -> dict[int, tuple[str, ast.expr | None]]:
    """Each node's enclosing top-level function (name, return annotation); module-level nodes: ('<module>', None)."""
    scope: dict[int, tuple[str, ast.expr | None]] = {}
    for top in tree.body:
        name, returns = ("<module>", None)
        if isinstance(top, (ast.FunctionDef, ast.AsyncFunctionDef)):
            name, returns = top.name, top.returns
        for node in ast.walk(top):
            scope[id(node)] = (name, returns)
        if isinstance(top, ast.ClassDef):
            for method in (n for n in top.body if isinstance(n, ast.FunctionDef)):
                for node in ast.walk(method):
                    scope[id(node)] = (f"{top.name}.{method.name}", method.returns)
    return scope


def _skipped(tree: ast.Module) -> set[int]:
    """Nodes never mutated: docstrings, f-string insides (messages), annotations, type-checking imports."""
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr) or (isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"):
            skip.update(id(n) for n in ast.walk(node))
        for field in ("annotation", "returns"):
            sub = getattr(node, field, None)
            if isinstance(sub, ast.AST):
                skip.update(id(n) for n in ast.walk(sub))
    return skip


def mutants_of(path: str, functions: frozenset[str] | None) -> list[Mutant]:
    """Every mutant of one module, in source order."""
    source = (LIB / path).read_text(encoding="utf-8")
    tree = ast.parse(source)
    scope, skip, conditions = _scopes(tree), _skipped(tree), _conditions(tree)
    found = []
    for index, node in enumerate(ast.walk(tree)):
        if id(node) in skip or not hasattr(node, "lineno") and not isinstance(node, ast.Slice):
            continue
        function, returns = scope.get(id(node), ("<module>", None))
        if function == "<module>" and not isinstance(node, ast.Constant):
            continue  # module level: only constants (PRODUCT_TOLERANCE, YEARS_AHEAD); regexes are strings
        if functions is not None and function not in functions:
            continue
        changes = _changes(node, returns)
        if id(node) in conditions and not (isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not)):
            changes.append(("bool-negate", ast.UnaryOp(ast.Not(), node)))
        before = ast.unparse(node).split("\n")[0][:70]
        for op, replacement in changes:
            after = ast.unparse(replacement).split("\n")[0][:70]
            found.append(Mutant(path, function, getattr(node, "lineno", 0), index, op, before, after))
    return sorted(found, key=lambda m: (m.line, m.index))


def mutated_source(mutant: Mutant) -> str:
    """The module's source with the mutant's change (rewritten from the AST: comments go, behaviour stays)."""
    tree = ast.parse((LIB / mutant.path).read_text(encoding="utf-8"))
    nodes = list(ast.walk(tree))
    target = nodes[mutant.index]
    conditions = _conditions(tree)
    returns = _scopes(tree).get(id(target), ("<module>", None))[1]
    changes = _changes(target, returns)
    if id(target) in conditions and not (isinstance(target, ast.UnaryOp) and isinstance(target.op, ast.Not)):
        changes.append(("bool-negate", ast.UnaryOp(ast.Not(), target)))
    replacement = next(r for op, r in changes if op == mutant.op and ast.unparse(r).split("\n")[0][:70] == mutant.after)
    _replace(tree, target, replacement)
    return ast.unparse(ast.fix_missing_locations(tree))


def _replace(tree: ast.AST, old: ast.AST, new: ast.AST) -> None:
    for parent in ast.walk(tree):
        for field, value in ast.iter_fields(parent):
            if value is old:
                setattr(parent, field, new)
                return
            if isinstance(value, list):
                for i, item in enumerate(value):
                    if item is old:
                        value[i] = new
                        return
    raise LookupError("node not found")


def all_mutants(only: str | None = None) -> list[Mutant]:
    found = []
    for path, functions in TARGETS:
        if only is None or only in path:
            found += mutants_of(path, functions)
    return found


def sample(mutants: list[Mutant], size: int, seed: int) -> list[Mutant]:
    """A seeded sample, in source order: the same seed and code give the same mutants."""
    if not size or size >= len(mutants):
        return mutants
    chosen = random.Random(seed).sample(range(len(mutants)), size)
    return [mutants[i] for i in sorted(chosen)]


# --- running -----------------------------------------------------------------------------------


def _pytest_command(tests: list[str], lib: Path) -> list[str]:
    doctests = [str(lib / path) for path, _ in TARGETS]
    return [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "--no-header", "-o", "addopts=",
            "--doctest-modules", "-k", SLOW, *tests, *doctests]  # fmt: skip


def _run(command: list[str], lib: Path, timeout: float) -> tuple[str, float, str]:
    """('passed' | 'failed' | 'timeout', seconds, the tail of the output)."""
    cache = tempfile.mkdtemp(prefix="mutant-cache-")
    env = {**os.environ, "PYTHONPATH": str(lib), "CDDBRIEF_CACHE": cache, "PYTHONHASHSEED": "0"}
    began = time.monotonic()
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True
    )
    try:
        output, _ = process.communicate(timeout=timeout)
        outcome = "passed" if process.returncode == 0 else "failed"
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # the mutant's own process group: pytest and what it started
        output, _ = process.communicate()
        outcome = "timeout"
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    return outcome, time.monotonic() - began, output[-1500:]


def _copy_lib(into: Path) -> Path:
    lib = into / "lib"
    shutil.copytree(LIB, lib, ignore=shutil.ignore_patterns("*.egg-info"))
    return lib


def run_one(mutant: Mutant, pristine: Path, tests: list[str], timeout: float) -> tuple[Mutant, str, float]:
    with tempfile.TemporaryDirectory(prefix="mutant-") as folder:
        lib = Path(folder) / "lib"
        shutil.copytree(pristine, lib)
        (lib / mutant.path).write_text(mutated_source(mutant), encoding="utf-8")
        outcome, seconds, _ = _run(_pytest_command(tests, lib), lib, timeout)
    return mutant, {"passed": "survived", "failed": "killed", "timeout": "timeout"}[outcome], seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--sample", type=int, default=DEFAULT_SAMPLE, help="how many mutants (0: all)")
    parser.add_argument("--jobs", type=int, default=2, help="processes at once (default 2)")
    parser.add_argument("--only", help="only modules whose path holds this")
    parser.add_argument(
        "--match", help="of the sample, only the mutants whose printed line holds this (thaidates.py:287); several: a|b"
    )
    parser.add_argument("--tests", nargs="*", help="test files (default: the quick tests)")
    parser.add_argument("--list", action="store_true", help="print the sample's mutants and stop")
    args = parser.parse_args(argv)

    everything = all_mutants(args.only)
    chosen = sample(everything, args.sample, args.seed)
    if args.match:
        chosen = [m for m in chosen if any(part in str(m) for part in args.match.split("|"))]
    modules = len({m.path for m in everything})
    print(f"{len(everything)} mutants in {modules} modules; sample of {len(chosen)} (seed {args.seed})")
    if args.list:
        for m in chosen:
            print(("equivalent " if m.key in EQUIVALENT else "           ") + str(m))
        return 0
    tests = [t for t in (args.tests or QUICK_TESTS) if (ROOT / t).exists()]
    with tempfile.TemporaryDirectory(prefix="mutants-") as folder:
        pristine = _copy_lib(Path(folder))
        # the unmutated copy must pass, and its compiled modules are reused by every mutant
        outcome, baseline, tail = _run(_pytest_command(tests, pristine), pristine, timeout=600)
        if outcome != "passed":
            print("the quick tests fail without any mutant; fix them first:\n" + tail)
            return 2
        timeout = max(30.0, baseline * 3)
        print(
            f"quick tests: {len(tests)} files + doctests, {baseline:.1f} s unmutated;"
            f" timeout {timeout:.0f} s a mutant; {args.jobs} processes"
        )
        began = time.monotonic()
        results = []
        with ThreadPoolExecutor(max_workers=args.jobs) as pool:
            for n, (mutant, outcome, seconds) in enumerate(
                pool.map(lambda m: run_one(m, pristine, tests, timeout), chosen), start=1
            ):
                results.append((mutant, outcome))
                print(f"[{n}/{len(chosen)}] {outcome:<8} {seconds:5.1f} s  {mutant}", flush=True)
    elapsed = time.monotonic() - began
    return report(results, elapsed)


def report(results: list[tuple[Mutant, str]], elapsed: float) -> int:
    equivalent = [(m, o) for m, o in results if m.key in EQUIVALENT]
    counted = [(m, o) for m, o in results if m.key not in EQUIVALENT]
    killed = sum(o == "killed" for _, o in counted)
    timeouts = sum(o == "timeout" for _, o in counted)
    survivors = [m for m, o in counted if o == "survived"]
    print()
    if equivalent:
        print(f"equivalent (not counted), {len(equivalent)}:")
        for m, o in equivalent:
            print(f"  {o:<8} {m}\n           {EQUIVALENT[m.key]}")
    if survivors:
        print(f"survived, {len(survivors)}:")
        for m in survivors:
            print(f"  {m.path}:{m.line} {m.function}  `{m.before}` -> `{m.after}`  [{m.op}]")
    score = (killed + timeouts) / len(counted) * 100 if counted else 100.0
    print(f"\nkilled {killed}, timeouts {timeouts}, survived {len(survivors)}, equivalent {len(equivalent)}"
          f" of {len(results)} mutants; {elapsed / 60:.1f} min")  # fmt: skip
    print(f"mutation score: {score:.1f}% of non-equivalent mutants killed ({killed + timeouts}/{len(counted)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
