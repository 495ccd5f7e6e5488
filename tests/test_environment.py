"""environment.yml gives conda users what pyproject.toml gives pip users."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _names(requirements):
    return {re.split(r"[<>=!~\[ ]", r.strip(), maxsplit=1)[0].lower() for r in requirements}


def test_environment_matches_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = {r.lower(): r for r in project["dependencies"] + project["optional-dependencies"]["dev"]}
    lines = (ROOT / "environment.yml").read_text(encoding="utf-8").splitlines()
    section = lines[lines.index("dependencies:") + 1 :]
    listed = [
        ln.strip()[2:] for ln in section if ln.lstrip().startswith("- ") and ln.strip() not in ("- pip", "- pip:")
    ]
    conda = {re.split(r"[<>=]", r, maxsplit=1)[0].lower(): r for r in listed if not r.startswith(("python=", "-e"))}
    conda.pop("brotli-python", None)  # conda's name for what fonttools[woff] brings on PyPI
    assert set(conda) == _names(wanted)
    for name, spec in conda.items():
        pip_spec = next(v for v in wanted.values() if _names([v]) == {name})
        assert spec.replace(" ", "") == re.sub(r"\[[^\]]*\]", "", pip_spec.replace(" ", "")), name
    assert "  - python=3.11" in lines
