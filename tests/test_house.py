"""The house rules of lib/cddbrief, read from the source with ``ast`` (nothing is imported):

- no import cycle between cddbrief modules: an import inside a function is an edge too (it
  still ties the two modules together, only later);
- no module reaches into another's private names (``from .report import _index_entry``,
  ``charts._png``): what a module offers others is what it names without a leading ``_``;
- ``cddbrief.frames`` stays the public function, not a submodule that shadows it once imported.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

LIB = Path(__file__).resolve().parents[1] / "lib"
PACKAGE = LIB / "cddbrief"

def module_name(path: Path) -> str:
    """``lib/cddbrief/sources/docx.py`` -> ``cddbrief.sources.docx``; a package's ``__init__`` is the package."""
    parts = list(path.relative_to(LIB).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _resolve(importer: str, path: Path, node: ast.ImportFrom) -> str:
    """The absolute module a ``from … import`` names (``from ..x import y`` in cddbrief.sources.html -> cddbrief.x)."""
    if not node.level:
        return node.module or ""
    package = importer.split(".") if path.name == "__init__.py" else importer.split(".")[:-1]
    base = package[: len(package) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def imports(name: str, path: Path, known: dict[str, Path]) -> list[tuple[str, list[str], int]]:
    """Every cddbrief module a module imports, at any depth of its code: (module, names taken from it, line)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in known:
                    found.append((alias.name, [], node.lineno))
        elif isinstance(node, ast.ImportFrom):
            target = _resolve(name, path, node)
            for alias in node.names:
                submodule = f"{target}.{alias.name}"
                if submodule in known:  # from . import charts: the module charts
                    found.append((submodule, [], node.lineno))
                elif target in known:
                    found.append((target, [alias.name], node.lineno))
    return found


def import_graph() -> dict[str, set[str]]:
    known = modules()
    return {name: {target for target, _, _ in imports(name, path, known) if target != name} for name, path in known.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Each import cycle once, as the modules along it (``[a, b, a]``), found by depth-first search.

    >>> cycles({"a": {"b"}, "b": {"a"}, "c": {"a"}})
    [['a', 'b', 'a']]
    >>> cycles({"a": {"b"}, "b": set()})
    []
    """
    found, seen = [], set()
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                cycle = path[path.index(nxt) :] + [nxt]
                key = frozenset(cycle)
                if key not in seen:
                    seen.add(key)
                    found.append(cycle)
            elif nxt not in state:
                visit(nxt, path + [nxt])
        state[node] = 2

    for start in sorted(graph):
        if start not in state:
            visit(start, [start])
    return found


def private_reaches() -> list[tuple[str, int, str]]:
    """(file under lib/, line, what) for every private name of one cddbrief module used by another."""
    known = modules()
    found = []
    for name, path in known.items():
        where = str(path.relative_to(LIB))
        tree = ast.parse(path.read_text(encoding="utf-8"))
        bound = {}  # a local name -> the cddbrief module it stands for
        for target, names, line in imports(name, path, known):
            for taken in names:
                if taken.startswith("_") and not taken.startswith("__") and target != name:
                    found.append((where, line, f"from {target} import {taken}"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                target = _resolve(name, path, node)
                for alias in node.names:
                    if f"{target}.{alias.name}" in known:
                        bound[alias.asname or alias.name] = f"{target}.{alias.name}"
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name in known and alias.asname:
                        bound[alias.asname] = alias.name
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in bound:
                if node.attr.startswith("_") and not node.attr.startswith("__") and bound[node.value.id] != name:
                    found.append((where, node.lineno, f"{bound[node.value.id]}.{node.attr}"))
    return found


# --- the rules -----------------------------------------------------------------------------------


def test_the_walk_sees_the_package():
    graph = import_graph()
    assert {"cddbrief.brief", "cddbrief.charts", "cddbrief.checks", "cddbrief.tidy", "cddbrief.sources.docx"} <= set(graph)
    assert "cddbrief.charts" in graph["cddbrief.brief"]  # a function-level import is an edge
    assert "cddbrief.sources.docx" in graph["cddbrief.sources.html"]  # from .docx import … inside a function


def test_no_import_cycle_between_cddbrief_modules():
    found = [" -> ".join(c) for c in cycles(import_graph())]
    assert found == [], "import cycles: " + "; ".join(found)


def test_no_module_uses_another_modules_private_names():
    found = private_reaches()
    assert found == [], found


def test_a_private_reach_and_a_cycle_are_caught(tmp_path, monkeypatch):
    """The failing path: a made-up package where a reaches into b and b imports a back."""
    root = tmp_path / "cddbrief"
    root.mkdir()
    (root / "__init__.py").write_text("")
    (root / "a.py").write_text("from .b import _hidden\n")
    (root / "b.py").write_text("def f():\n    from . import a\n    return a._secret\n\n_hidden = 1\n")
    here = sys.modules[__name__]
    monkeypatch.setattr(here, "LIB", tmp_path)
    monkeypatch.setattr(here, "PACKAGE", root)
    assert cycles(import_graph()) == [["cddbrief.a", "cddbrief.b", "cddbrief.a"]]
    assert sorted(r[2] for r in private_reaches()) == ["cddbrief.a._secret", "from cddbrief.b import _hidden"]


def test_frames_is_the_public_function_once_every_module_is_loaded():
    import importlib

    import cddbrief

    for name in modules():
        importlib.import_module(name)
    assert callable(cddbrief.frames) and cddbrief.frames.__name__ == "frames"
