"""cddbrief installed like any package, and the notebooks run where analysts run them.

- the briefing and trends notebooks and the nbconvert template are package data: a wheel
  (not only ``pip install -e``) builds a brief, outside the project folder, and
  ``jupyter nbconvert --to html --template cddbrief`` finds the template;
- ``make setup`` installs a Jupyter kernel named ``cddbrief``;
- papermill run from any folder explains itself in papermill's words (``-p data_dir DIR``),
  and ``papermill --help-notebook`` gives every parameter a type and a meaning;
- ``make lab`` starts as root (containers) and its kernels do not print the TCP warning.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import sysconfig
import time
import urllib.request
import uuid
from importlib.resources import files
from pathlib import Path

import pytest
from conftest import SAMPLE

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PACKAGED = ("briefing", "trends")


def _clean_env(keep_path: bool = False, **extra) -> dict:
    """The environment of a user's shell: no data folder or notebook set; no PYTHONPATH pointing
    into a work tree unless ``keep_path`` (the code under test, for the project's own venv)."""
    dropped = (
        ("CDDBRIEF_DATA", "CDDBRIEF_NOTEBOOK") if keep_path else ("PYTHONPATH", "CDDBRIEF_DATA", "CDDBRIEF_NOTEBOOK")
    )
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    return {**env, **extra}


def _plain(text: str) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", text)


# --- the notebooks are package data ------------------------------------------------------------


def test_build_and_trends_run_the_packaged_notebooks():
    from cddbrief import report, trends
    from cddbrief.notebooks import path

    package = Path(str(files("cddbrief"))).resolve()
    for name in PACKAGED:
        found = path(name)
        assert found.resolve().parent == package / "notebooks" and found.name == f"{name}.ipynb" and found.is_file()
    if not os.environ.get("CDDBRIEF_NOTEBOOK"):
        assert report.NOTEBOOK == path("briefing")
    assert trends.NOTEBOOK == path("trends")
    assert "ROOT" not in vars(report)  # nothing looks for the project folder at run time


def test_analysts_copies_are_the_packaged_notebooks_written_by_one_tool():
    """notebooks/briefing.ipynb and trends.ipynb are byte for byte the packaged ones, and
    tools/make_notebooks.py writes every one of them (explore.ipynb only in notebooks/)."""
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import make_notebooks
    finally:
        sys.path.remove(str(ROOT / "tools"))
    written = make_notebooks.rendered()
    package = ROOT / "lib" / "cddbrief" / "notebooks"
    assert set(written) == {
        *(package / f"{n}.ipynb" for n in PACKAGED),
        *(ROOT / "notebooks" / f"{n}.ipynb" for n in (*PACKAGED, "explore")),
    }
    for target, text in written.items():
        assert target.read_bytes() == text.encode("utf-8"), f"{target} differs from tools/make_notebooks.py: run it"
    for name in PACKAGED:
        assert (package / f"{name}.ipynb").read_bytes() == (ROOT / "notebooks" / f"{name}.ipynb").read_bytes()


def test_kernelspecs_of_the_notebooks():
    """Every notebook opens on the project's kernel, "Python 3 (cddbrief)": the one `make setup`
    installs for JupyterLab/JupyterHub and a wheel ships (share/jupyter/kernels/cddbrief, checked
    below). `cddbrief build` runs the packaged ones on python3 whatever they name (kernels.KERNEL)."""
    for path in [
        ROOT / "notebooks" / "explore.ipynb",
        *(ROOT / "lib" / "cddbrief" / "notebooks" / f"{name}.ipynb" for name in PACKAGED),
    ]:
        spec = json.loads(path.read_text(encoding="utf-8"))["metadata"]["kernelspec"]
        assert spec["name"] == "cddbrief" and spec["display_name"] == "Python 3 (cddbrief)", path


# --- a wheel, installed in a fresh venv ---------------------------------------------------------


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """A wheel of the project installed into a fresh venv that borrows the project venv's
    dependencies (a .pth line; no downloads). Returns the venv's folder."""
    work = tmp_path_factory.mktemp("wheel")
    src = work / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    shutil.copytree(ROOT / "lib", src / "lib", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input"]
    made = subprocess.run([*pip, "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", str(work / "dist"),
                           str(src)], capture_output=True, text=True, timeout=300, env=_clean_env())  # fmt: skip
    assert made.returncode == 0, made.stderr[-2000:]
    wheel = next((work / "dist").glob("cddbrief-*.whl"))
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                               capture_output=True, text=True, check=True).stdout.strip())  # fmt: skip
    # the project venv's packages, as a plain path: its .pth files (the editable cddbrief) stay off
    (site / "project_deps.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    done = subprocess.run([*pip, "--python", str(python), "install", "--no-deps", "--no-index", str(wheel)],
                          capture_output=True, text=True, timeout=300, env=_clean_env())  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    return venv


def test_a_wheel_builds_a_brief_outside_the_project(installed, tmp_path):
    python = installed / "bin" / "python"
    code = "import cddbrief, cddbrief.notebooks as n; print(cddbrief.__file__); print(n.path('briefing'))"
    where = subprocess.run([str(python), "-c", code], capture_output=True, text=True, cwd=tmp_path, env=_clean_env())
    package_file, notebook = where.stdout.split()
    assert package_file.startswith(str(installed)) and notebook.startswith(
        str(installed)
    )  # the wheel's copy, not the work tree
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SAMPLE, raw / SAMPLE.name)
    env = _clean_env(HOME=str(tmp_path), CDDBRIEF_CACHE=str(tmp_path / "cache"))
    result = subprocess.run([str(installed / "bin" / "cddbrief"), "build", "4/2562", "--data", str(raw),
                             "--out", str(tmp_path / "out"), "--format", "html"],
                            capture_output=True, text=True, timeout=300, cwd=tmp_path, env=env)  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    html = (tmp_path / "out" / "2562-04" / "brief.html").read_text(encoding="utf-8")
    assert "ครั้งที่ 4/2562" in html and "15,804,000" in html and "@font-face" in html
    executed = json.loads((tmp_path / "out" / "2562-04" / "brief.ipynb").read_text(encoding="utf-8"))
    assert executed["metadata"]["papermill"]["parameters"]["meeting"] == "2562-04"

    # the same executed notebook, exported by plain nbconvert with the installed template
    export = subprocess.run([str(python), "-m", "nbconvert", "--to", "html", "--template", "cddbrief",
                             "--output-dir", str(tmp_path / "nbc"), str(tmp_path / "out" / "2562-04" / "brief.ipynb")],
                            capture_output=True, text=True, timeout=300, cwd=tmp_path, env=env)  # fmt: skip
    assert export.returncode == 0, export.stderr[-3000:]
    page = (tmp_path / "nbc" / "brief.html").read_text(encoding="utf-8")
    assert '<html lang="th">' in page and "@font-face" in page and "Sarabun" in page
    assert re.search(r"<title>สรุปการประชุม[^<]*4/2562", page), page[:2000]
    assert "15,804,000" in page and "injected-parameters" not in page and 'meeting = "2562-04"' not in page
    assert page == html  # the very page `cddbrief build` wrote (same font cache)
    share = installed / "share" / "jupyter" / "nbconvert" / "templates" / "cddbrief"
    packaged = Path(where.stdout.split()[0]).parent / "templates" / "nbconvert" / "cddbrief"
    assert {p.name: p.read_bytes() for p in share.iterdir()} == {
        p.name: p.read_bytes() for p in packaged.iterdir() if p.is_file()
    }


def test_make_setup_installs_the_cddbrief_kernel(installed):
    """The kernel JupyterLab/JupyterHub users pick: `make jupyter` (run by `make setup`) installs it into the venv."""
    share = installed / "share" / "jupyter" / "nbconvert" / "templates" / "cddbrief"
    result = subprocess.run(
        ["make", "-s", "jupyter", f"VENV={installed}"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env=_clean_env(),
    )
    assert result.returncode == 0, result.stderr
    listed = subprocess.run([str(installed / "bin" / "python"), "-m", "jupyter_client.kernelspecapp", "list", "--json"],
                            capture_output=True, text=True, timeout=120, env=_clean_env())  # fmt: skip
    specs = json.loads(listed.stdout)["kernelspecs"]
    assert "cddbrief" in specs, specs.keys()
    spec = specs["cddbrief"]
    assert spec["resource_dir"].startswith(str(installed)) and spec["spec"]["argv"][0].startswith(str(installed))
    assert "cddbrief" in spec["spec"]["display_name"]
    assert share.is_dir() and not share.is_symlink()  # the wheel's own template is left as installed
    setup = re.search(r"^\$\(STAMP\):.*?(?=^\S)", (ROOT / "Makefile").read_text(encoding="utf-8"), re.S | re.M).group(0)
    assert "jupyter" in setup  # make setup runs it


def test_make_setup_gives_an_editable_install_the_template(tmp_path):
    """An editable install (make setup) installs no data-files: `make jupyter` links the template
    where Jupyter looks, so `jupyter nbconvert --template cddbrief` works there too."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    site = next((venv / "lib").glob("python3*/site-packages"))
    # the project's packages, and cddbrief from its source as an editable install finds it
    (site / "project_deps.pth").write_text(
        sysconfig.get_path("purelib") + "\n" + str(ROOT / "lib") + "\n", encoding="utf-8"
    )
    result = subprocess.run(
        ["make", "-s", "jupyter", f"VENV={venv}"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env=_clean_env(),
    )
    assert result.returncode == 0, result.stderr
    linked = venv / "share" / "jupyter" / "nbconvert" / "templates" / "cddbrief"
    assert linked.resolve() == (ROOT / "lib" / "cddbrief" / "templates" / "nbconvert" / "cddbrief").resolve()
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook, new_output

    nb = new_notebook(
        cells=[
            new_code_cell(
                "x",
                outputs=[
                    new_output("display_data", {"text/html": "<h1>ครั้งที่ 9/2563 — สพอ.ทดสอบ</h1><p>ร้อยละ 81.25</p>"})
                ],
            )
        ]
    )
    nbformat.write(nb, tmp_path / "x.ipynb")
    env = _clean_env(keep_path=True, HOME=str(tmp_path), CDDBRIEF_CACHE=str(tmp_path / "cache"))
    export = subprocess.run([str(venv / "bin" / "python"), "-m", "nbconvert", "--to", "html", "--template", "cddbrief",
                             str(tmp_path / "x.ipynb")],
                            capture_output=True, text=True, timeout=300, cwd=tmp_path, env=env)  # fmt: skip
    assert export.returncode == 0, export.stderr[-2000:]
    page = (tmp_path / "x.html").read_text(encoding="utf-8")
    assert "<title>ครั้งที่ 9/2563 — สพอ.ทดสอบ</title>" in page and "ร้อยละ 81.25" in page and "@font-face" in page


# --- papermill ------------------------------------------------------------------------------------


def test_papermill_from_another_folder_speaks_papermill(tmp_path):
    from cddbrief.notebooks import path

    papermill = BIN / "papermill"
    result = subprocess.run([str(papermill), str(path("briefing")), str(tmp_path / "out.ipynb"),
                             "-p", "meeting", "4/2562", "--no-progress-bar"],
                            capture_output=True, text=True, timeout=300, cwd=tmp_path,
                            env=_clean_env(keep_path=True))  # fmt: skip
    assert result.returncode != 0
    last = [ln for ln in _plain(result.stderr).splitlines() if ln.startswith("BadSetting")][-1]
    assert "-p data_dir DIR" in last and "--data" not in last, last
    assert str(tmp_path) in last  # where it looked for data/raw
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SAMPLE, raw / SAMPLE.name)
    result = subprocess.run([str(papermill), str(path("briefing")), str(tmp_path / "out.ipynb"),
                             "-p", "meeting", "4/2562", "-p", "data_dir", str(raw), "--no-progress-bar"],
                            capture_output=True, text=True, timeout=300, cwd=tmp_path,
                            env=_clean_env(keep_path=True))  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    assert "15,804,000" in (tmp_path / "out.ipynb").read_text(encoding="utf-8")

    # what plain papermill ran, exported by the cddbrief template alone: the page comes from the notebook
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name="cddbrief", extra_template_basedirs=[str(files("cddbrief").joinpath("templates", "nbconvert"))]
    )
    page, _ = exporter.from_notebook_node(nbformat.read(tmp_path / "out.ipynb", as_version=4))
    assert '<html lang="th">' in page and "<title>ครั้งที่ 4/2562 — สำนักงานพัฒนาชุมชนอำเภอเสริมงาม</title>" in page
    assert "@font-face{font-family:'Sarabun'" in page and "15,804,000" in page and "พิมพ์" in page


def test_parameters_in_papermill_terms():
    from cddbrief.errors import AmbiguousMeeting, BadSetting, Setting
    from cddbrief.notebooks import parameter_errors

    with pytest.raises(AmbiguousMeeting) as raised, parameter_errors():  # its kind kept, for a caller to catch
        raise AmbiguousMeeting("meeting 4/2562 has 2 documents", "choose one by its office", ["a", "b"], "office")
    assert str(raised.value) == (
        "meeting 4/2562 has 2 documents: choose one by its office "
        "(-p office NAME; in Jupyter: set office in the parameters cell)"
    ) and raised.value.detail == ["a", "b"]
    languages = (Setting("lang", "th"), Setting("lang", "en"))
    with pytest.raises(BadSetting) as raised, parameter_errors():
        raise BadSetting("unknown language 'fr'", "use Thai or English", settings=languages)
    assert "use Thai or English (-p lang th, -p lang en;" in str(raised.value) and "--" not in str(raised.value)


@pytest.mark.parametrize("name, expected", [
    ("briefing", {"meeting": "str", "source": "Optional[str]", "lang": "str", "data_dir": "Optional[str]",
                  "office": "Optional[str]", "as_of": "Optional[str]"}),
    ("trends", {"data_dir": "Optional[str]", "lang": "str", "out_dir": "Optional[str]"}),
])  # fmt: skip
def test_help_notebook_gives_type_and_meaning(name, expected):
    from cddbrief.notebooks import path

    result = subprocess.run(
        [str(BIN / "papermill"), "--help-notebook", str(path(name))],
        capture_output=True,
        text=True,
        timeout=120,
        env=_clean_env(keep_path=True),
    )
    assert result.returncode == 0, result.stderr
    shown = result.stdout.split("Parameters inferred for notebook", 1)[1]
    blocks = dict(re.findall(r"^  (\w+): (.+?)(?=^  \w+:|\Z)", shown, re.S | re.M))
    assert set(blocks) == set(expected), shown
    for parameter, kind in expected.items():
        head, meaning = re.match(r"(.+?\(default [^)]*\))\s+(.*)", blocks[parameter], re.S).groups()
        assert head.startswith(f"{kind} (default"), (parameter, head)
        assert len(meaning.split()) >= 3, (parameter, blocks[parameter])  # a meaning, in words
    assert "4/2562" in blocks.get("meeting", "4/2562") and "th" in blocks["lang"] and "en" in blocks["lang"]


def test_explore_parameters_have_types():
    shown = subprocess.run(
        [str(BIN / "papermill"), "--help-notebook", str(ROOT / "notebooks" / "explore.ipynb")],
        capture_output=True,
        text=True,
        timeout=120,
        env=_clean_env(keep_path=True),
    )
    assert "Unknown type" not in shown.stdout and "days: int (default 30)" in shown.stdout, shown.stdout


# --- make lab -------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_make_lab_starts_as_root_and_its_kernels_stay_quiet(tmp_path):
    """The command `make lab` runs, started for real: as root it needs --allow-root (containers);
    a kernel started in it uses an encrypted or local transport, so no TCP warning per kernel."""
    dry = subprocess.run(
        ["make", "-n", "lab", f"VENV={tmp_path / 'venv'}"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env=_clean_env(),
    )
    line = next(ln for ln in dry.stdout.splitlines() if ln.startswith(f"{tmp_path / 'venv'}/bin/jupyter lab"))
    command = line.replace(f"{tmp_path / 'venv'}/bin/", f"{BIN}/").split()
    if os.getuid() == 0:
        assert "--allow-root" in command
    port, token = _free_port(), "cddbrief-test"
    log = tmp_path / "lab.log"
    env = _clean_env(JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"), JUPYTER_CONFIG_DIR=str(tmp_path / "config"),
                     HOME=str(tmp_path), PYTHONPATH=str(ROOT / "lib"))  # fmt: skip
    with open(log, "w") as out:
        lab = subprocess.Popen([*command, "--no-browser", f"--port={port}", f"--IdentityProvider.token={token}",
                                "--ServerApp.port_retries=0"],
                               stdout=out, stderr=subprocess.STDOUT, cwd=ROOT, env=env)  # fmt: skip
    try:
        base = f"http://127.0.0.1:{port}/api"
        headers = {"Authorization": f"token {token}"}

        def call(method, url, body=None):
            request = urllib.request.Request(
                base + url, method=method, headers=headers, data=json.dumps(body).encode() if body is not None else None
            )
            with urllib.request.urlopen(request, timeout=30) as response:
                return json.loads(response.read() or b"null")

        deadline = time.monotonic() + 120
        while True:  # wait until the server answers (or has exited)
            assert lab.poll() is None, log.read_text()
            try:
                call("GET", "/status")
                break
            except OSError:
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.5)
        kernel = call(
            "POST", "/kernels", {"name": "cddbrief"}
        )  # the kernel make setup installs, which explore.ipynb names
        # run code in it, as JupyterLab does (a websocket): the kernel works, encrypted or not
        import websocket  # websocket-client, a dependency of jupyter_server

        channel = websocket.create_connection(
            f"ws://127.0.0.1:{port}/api/kernels/{kernel['id']}/channels",
            header=[f"Authorization: token {token}"],
            timeout=120,
        )
        asked = uuid.uuid4().hex
        channel.send(json.dumps({"header": {"msg_id": asked, "msg_type": "execute_request", "username": "test",
                                            "session": uuid.uuid4().hex, "version": "5.3", "date": ""},
                                 "parent_header": {}, "metadata": {}, "channel": "shell",
                                 "content": {"code": "print(6 * 7)", "silent": False, "store_history": False,
                                             "user_expressions": {}, "allow_stdin": False}}))  # fmt: skip
        printed = None
        while printed is None:
            message = json.loads(channel.recv())
            if message.get("parent_header", {}).get("msg_id") == asked and message["msg_type"] == "stream":
                printed = message["content"]["text"]
        channel.close()
        assert printed.strip() == "42"
        call("DELETE", f"/kernels/{kernel['id']}")
    finally:
        lab.terminate()
        lab.wait(timeout=60)
    text = log.read_text()
    assert "Running as root is not recommended" not in text
    assert "without encryption" not in text, text[-2000:]
