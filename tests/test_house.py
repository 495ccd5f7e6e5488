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
    return {
        name: {target for target, _, _ in imports(name, path, known) if target != name} for name, path in known.items()
    }


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
    assert {"cddbrief.brief", "cddbrief.charts", "cddbrief.checks", "cddbrief.tidy", "cddbrief.sources.docx"} <= set(
        graph
    )
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


# --- other packages' insides ---------------------------------------------------------------------

OWN = ("self", "cls", "super()")  # in a method: the object, its class, its base class
# names with a leading underscore that their package documents as public
DOCUMENTED = {"os._exit", "sys._getframe", "_asdict", "_replace", "_fields", "_make", "_field_defaults"}


def _private(attr: str, owner: str = "") -> bool:
    documented = attr in DOCUMENTED or f"{owner}.{attr}" in DOCUMENTED
    return attr.startswith("_") and not attr.startswith("__") and not documented


def _dotted(node: ast.AST) -> list[str] | None:
    """``a.b.c`` as ``["a", "b", "c"]``; ``super().x`` as ``["super()", "x"]``; None for anything else."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        return [node.id, *reversed(parts)]
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "super" and parts:
        return ["super()", *reversed(parts)]
    return None


def _foreign_bindings(tree: ast.AST) -> dict[str, str]:
    """Every name a file binds to another package (``import zmq``, ``from weasyprint.images import
    RasterImage``, at any depth of its code) -> what it names (``weasyprint.images.RasterImage``)."""
    bound = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] != "cddbrief":
                    local = alias.asname or alias.name.split(".")[0]
                    bound[local] = alias.name if alias.asname else local
        elif isinstance(node, ast.ImportFrom) and not node.level and (node.module or "").split(".")[0] != "cddbrief":
            for alias in node.names:
                bound[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return bound


def _scopes(tree: ast.AST):
    """The module and each function, with the nodes that belong to it (not to a function inside it)."""
    todo = [tree]
    while todo:
        scope = todo.pop()
        nodes, stack = [], list(ast.iter_child_nodes(scope))
        while stack:
            node = stack.pop()
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                todo.append(node)
                continue
            nodes.append(node)
            stack.extend(ast.iter_child_nodes(node))
        yield nodes


def foreign_private_uses(path: Path) -> list[tuple[int, str]]:
    """(line, what) for each use of another package's insides in one file:

    - a private name (``_x``, not a dunder) on another package's module, class or object:
      ``atexit._run_exitfuncs``, ``zmq.Context._instance``, ``pool._processes`` where
      ``pool = ProcessPoolExecutor(…)``; ``getattr(pool, "_processes")`` on any object but ``self``;
    - any private name in a class derived from another package's class (``self._cache``,
      ``super()._async_wait``, ``def _async_wait``): its ``_`` names are the base class's;
    - an attribute of another package's module replaced (``ctypes.util.find_library = quick``).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     code = Path(folder, "x.py")
    ...     _ = code.write_text("import atexit\\natexit._run_exitfuncs()\\nภาษา = 'ไทย'\\n", encoding="utf-8")
    ...     foreign_private_uses(code)
    [(2, 'atexit._run_exitfuncs')]
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    foreign = _foreign_bindings(tree)
    found = []
    for nodes in _scopes(tree):
        objects = {}  # a local name -> the other package's callable it was made by (pool = ProcessPoolExecutor(…))
        for node in nodes:
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
                made_by = _dotted(node.value.func)
                if made_by and made_by[0] in foreign:
                    for target in node.targets:
                        if isinstance(target, ast.Name):
                            objects[target.id] = ".".join([foreign[made_by[0]], *made_by[1:]])
        known = {**foreign, **objects}
        for node in nodes:
            if isinstance(node, ast.Attribute) and _private(node.attr):
                chain = _dotted(node)
                if chain and chain[0] in known and _private(node.attr, ".".join(chain[:-1])):
                    found.append((node.lineno, ".".join(chain)))
            elif isinstance(node, ast.Call) and _dotted(node.func) in (["getattr"], ["setattr"], ["hasattr"]):
                args = node.args
                named = len(args) >= 2 and isinstance(args[1], ast.Constant) and isinstance(args[1].value, str)
                if named and _private(args[1].value):
                    chain = _dotted(args[0])  # on anything but self: an object handed in may be anyone's
                    if chain and chain[0] not in ("self", "cls"):
                        found.append((node.lineno, f"{node.func.id}({'.'.join(chain)}, {args[1].value!r})"))
            elif isinstance(node, (ast.Assign, ast.AugAssign)):
                for target in node.targets if isinstance(node, ast.Assign) else [node.target]:
                    chain = _dotted(target)
                    # (sys.stdout, sys.argv, …: sys documents them as there to be set)
                    ours = not chain or chain[0] not in foreign or chain[0] in objects
                    if not ours and len(chain) > 1 and foreign[chain[0]] != "sys":
                        found.append((node.lineno, f"replaces {'.'.join(chain)}"))
    for node in ast.walk(tree):
        if not isinstance(node, ast.ClassDef):
            continue
        bases = [chain for chain in map(_dotted, node.bases) if chain and chain[0] in foreign]
        if not bases:
            continue
        base = ".".join([foreign[bases[0][0]], *bases[0][1:]])
        for inner in ast.walk(node):
            name = None
            if isinstance(inner, (ast.FunctionDef, ast.AsyncFunctionDef)) and _private(inner.name):
                name = f"def {inner.name}"
            elif isinstance(inner, ast.Attribute) and _private(inner.attr) and (_dotted(inner) or [""])[0] in OWN:
                name = ".".join(_dotted(inner))
            if name:
                found.append((inner.lineno, f"{name} in {node.name}, a subclass of {base}"))
    return sorted(set(found))


def other_packages_insides() -> list[str]:
    paths = sorted(PACKAGE.rglob("*.py"))
    return [f"{path.relative_to(LIB)}:{line}: {what}" for path in paths for line, what in foreign_private_uses(path)]


def test_no_private_name_of_another_package_is_used():
    """Dependencies through their public API only: another package's ``_`` names change in any
    release, without notice (and were why jupyter_client and WeasyPrint had upper bounds)."""
    found = other_packages_insides()
    assert found == [], "other packages' private names used:\n" + "\n".join(found)


def test_every_kind_of_reach_into_another_package_is_caught(tmp_path):
    """The failing path: each way today's code once reached into jupyter_client, WeasyPrint, zmq,
    atexit, ctypes and concurrent.futures, in one made-up module."""
    made_up = tmp_path / "reaches.py"
    made_up.write_text(
        "import atexit, ctypes.util, zmq\n"
        "from concurrent.futures import ProcessPoolExecutor\n"
        "from . import charts\n"
        "def stop():\n"
        "    atexit._run_exitfuncs()\n"
        "    if zmq.Context._instance is not None:\n"
        "        ctypes.util.find_library = lambda name: None\n"
        "    pool = ProcessPoolExecutor(2)\n"
        "    return getattr(pool, '_processes', None), pool._broken, charts._png, os._exit\n"
        "def manager():\n"
        "    from jupyter_client.manager import AsyncKernelManager\n"
        "    from weasyprint.images import RasterImage\n"
        "    class Quick(AsyncKernelManager):\n"
        "        async def _async_wait(self, pollinterval=0.1):\n"
        "            await super()._async_wait(pollinterval=0.005)\n"
        "    class Image(RasterImage):\n"
        "        def __init__(self):\n"
        "            self._cache = {}\n"
        "            self.width = 1\n"
        "    return Quick, Image\n",
        encoding="utf-8",
    )
    assert [what for _, what in foreign_private_uses(made_up)] == [
        "atexit._run_exitfuncs",
        "zmq.Context._instance",
        "replaces ctypes.util.find_library",
        "getattr(pool, '_processes')",
        "pool._broken",
        "def _async_wait in Quick, a subclass of jupyter_client.manager.AsyncKernelManager",
        "super()._async_wait in Quick, a subclass of jupyter_client.manager.AsyncKernelManager",
        "self._cache in Image, a subclass of weasyprint.images.RasterImage",
    ]  # charts._png is cddbrief's own (the rule above), os._exit is documented; self.width is public
