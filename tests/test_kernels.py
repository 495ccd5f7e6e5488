"""Kernels started ahead of need (issue 12): the same bytes as a cold kernel, and none left behind."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest
from conftest import SAMPLE

from cddbrief.batch import children


def kernel_children() -> list[int]:
    """This process's kernels still running (a zombie has ended)."""
    found = []
    for pid in children(os.getpid()):
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
            state = Path(f"/proc/{pid}/stat").read_bytes().rsplit(b")", 1)[1].split()[0]
        except OSError:
            continue
        if b"ipykernel" in cmdline and state != b"Z":
            found.append(pid)
    return found


@pytest.fixture()
def source(tmp_path) -> Path:
    folder = tmp_path / "raw"
    folder.mkdir()
    return Path(shutil.copy(SAMPLE, folder / "ครั้งที่4.txt"))


def run_brief(p, page, folder: Path, name: str, kernels=None):
    """The brief notebook of plan ``p`` executed into ``folder/name.ipynb`` in a kernel of ``kernels``
    (closed after; None: the kernel papermill starts itself, cold): the executed notebook."""
    from cddbrief.render import execute_notebook

    try:
        return execute_notebook(
            p.notebook,
            folder / f"{name}.ipynb",
            p.parameters,
            folder / f"{name}.failed.ipynb",
            page,
            p.path.parent,
            kernels,
        )
    finally:
        if kernels is not None:
            kernels.close()


def test_a_warm_kernel_gives_the_bytes_of_a_cold_one(source, tmp_path, monkeypatch):
    """The notebook run in a kernel started ahead and warmed with imports, and the same run in the
    kernel papermill starts itself: the same executed notebook and the same HTML, byte for byte."""
    from cddbrief.kernels import Kernels
    from cddbrief.render import export_html
    from cddbrief.report import brief_page, plan

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1583020800")
    p = plan(str(source), out_dir=tmp_path / "out")
    page = brief_page(p.meeting, "th")
    kernels = Kernels()
    kernels.prestart(source.parent)
    warm = run_brief(p, page, tmp_path, "warm", kernels)
    cold = run_brief(p, page, tmp_path, "cold")
    assert (tmp_path / "warm.ipynb").read_bytes() == (tmp_path / "cold.ipynb").read_bytes()
    assert export_html(warm, page) == export_html(cold, page)
    shown = json.loads((tmp_path / "warm.ipynb").read_text(encoding="utf-8"))
    assert [c["execution_count"] for c in shown["cells"] if c["cell_type"] == "code"][:2] == [
        1,
        2,
    ]  # the warm-up counted no cell
    assert "15,804,000" in export_html(warm, page)
    assert kernel_children() == []


def test_a_build_leaves_no_kernel_and_a_failed_cell_neither(source, tmp_path):
    import nbformat

    from cddbrief.errors import CellFailed
    from cddbrief.report import NOTEBOOK, build

    result = build(str(source), out_dir=tmp_path / "out", say=lambda _: None)
    assert result.files["html"].exists() and result.meeting.id == "2562-04"
    assert kernel_children() == []
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nb.cells.insert(3, nbformat.v4.new_code_cell('raise ValueError("ตัวเลขไม่ตรง")'))
    broken = tmp_path / "broken.ipynb"
    nbformat.write(nb, broken)
    with pytest.raises(CellFailed) as failed:
        build(str(source), out_dir=tmp_path / "out2", notebook=broken, say=lambda _: None)
    assert "ValueError: ตัวเลขไม่ตรง" in str(failed.value)
    assert kernel_children() == []
    assert not list((tmp_path / "out2").glob("*/.build-*"))


def test_a_kernel_started_ahead_is_ended_when_nobody_takes_it(tmp_path):
    from cddbrief.kernels import Kernels

    kernels = Kernels(warm=False)
    kernels.prestart(tmp_path)
    deadline = time.monotonic() + 120
    while not kernel_children() and time.monotonic() < deadline:  # a state, not a sleep racing the start
        time.sleep(0.05)
    assert len(kernel_children()) == 1 and kernels.ahead.cwd == str(tmp_path.resolve())
    kernels.close()
    assert kernel_children() == []


def test_a_kernel_started_for_another_folder_is_not_used(tmp_path):
    """A spare started in one folder is ended, and a kernel is started in the folder asked for."""
    from cddbrief.kernels import Kernels, end

    here, there = tmp_path / "here", tmp_path / "there"
    here.mkdir()
    there.mkdir()
    kernels = Kernels(spare=True, warm=False)
    kernels.prestart(here)
    km = kernels.take(there)
    try:
        assert Path(os.readlink(f"/proc/{km.provisioner.pid}/cwd")) == there.resolve()
        assert kernels.ahead.cwd == str(there.resolve())  # the next one, started at once
    finally:
        end(km)
        kernels.close()
    assert kernel_children() == []
    with pytest.raises(RuntimeError):
        kernels.take(there)  # closed: no kernel is started any more


def test_the_warm_imports_all_import():
    """The kernel's start-up line imports every module it names: one stale name (a module split or
    renamed) would stop the line there, silently, and leave the rest cold."""
    import subprocess
    import sys

    from cddbrief.kernels import WARM_IMPORTS

    line = f"import {', '.join(WARM_IMPORTS)}"
    done = subprocess.run([sys.executable, "-c", line], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr.strip().splitlines()[-1:]


def test_kernel_specs_are_found_where_jupyter_client_finds_them():
    """The build looks kernel specs up without importing IPython: the same folders, and the same
    spec for the kernel it starts, as jupyter_client's own lookup (which imports IPython to name one)."""
    from jupyter_client.kernelspec import KernelSpecManager

    from cddbrief.kernels import KERNEL, kernel_specs

    ours, theirs = kernel_specs(), KernelSpecManager()
    assert ours.kernel_dirs == theirs.kernel_dirs
    mine, stock = ours.get_kernel_spec(KERNEL), theirs.get_kernel_spec(KERNEL)
    assert (mine.resource_dir, mine.argv, mine.env) == (stock.resource_dir, stock.argv, stock.env)


def test_a_kernel_that_draws_beside_gives_the_bytes_of_a_cold_one(source, tmp_path, monkeypatch):
    """A single build's kernel (``Kernels(beside=True)``) draws each chart's phone picture in a forked
    child: the executed notebook and HTML are byte for byte those of papermill's own cold kernel,
    and no process is left."""
    from cddbrief.kernels import Kernels
    from cddbrief.render import export_html
    from cddbrief.report import brief_page, plan

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1583020800")
    p = plan(str(source), out_dir=tmp_path / "out")
    page = brief_page(p.meeting, "th")
    kernels = Kernels(beside=True)
    kernels.prestart(source.parent)
    try:
        km = kernels.take(source.parent)
        assert km.provisioner.process is not None
        environment = open(f"/proc/{km.provisioner.pid}/environ", "rb").read().split(b"\0")
        assert b"CDDBRIEF_DRAW_BESIDE=1" in environment
        kernels.prestart(source.parent)  # the kernel taken above is ended unused; a new one runs the notebook
        from cddbrief.kernels import end

        end(km)
    except BaseException:
        kernels.close()
        raise
    beside = run_brief(p, page, tmp_path, "beside", kernels)
    cold = run_brief(p, page, tmp_path, "cold")
    assert (tmp_path / "beside.ipynb").read_bytes() == (tmp_path / "cold.ipynb").read_bytes()
    assert export_html(beside, page) == export_html(cold, page)
    assert kernel_children() == []


def test_a_kernel_that_dies_at_start_is_replaced_once(source, tmp_path, monkeypatch):
    """A kernel that ends before it answers (a port another process took between jupyter_client
    choosing it and the kernel binding it) costs the build a second kernel, not the brief: the
    notebook runs once more, with the bytes of any other run. Twice in a row is a failed build."""
    import signal

    from cddbrief.errors import CellFailed
    from cddbrief.kernels import Kernels
    from cddbrief.report import brief_page, plan

    class Dying(Kernels):
        """Kernels whose first ``deaths`` kernels are killed as they are handed over."""

        def __init__(self, deaths: int):
            super().__init__()
            self.deaths, self.handed = deaths, 0

        def take(self, cwd):
            km = super().take(cwd)
            self.handed += 1
            if self.handed <= self.deaths:
                os.kill(km.provisioner.pid, signal.SIGKILL)
                km.provisioner.process.wait()
            return km

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1583020800")
    p = plan(str(source), out_dir=tmp_path / "out")
    page = brief_page(p.meeting, "th")
    once = Dying(1)
    run_brief(p, page, tmp_path, "again", once)
    assert once.handed == 2
    run_brief(p, page, tmp_path, "fine", Kernels())
    assert (tmp_path / "again.ipynb").read_bytes() == (tmp_path / "fine.ipynb").read_bytes()

    twice = Dying(2)
    with pytest.raises(
        CellFailed, match="the notebook kernel failed .DiedAtStart: Kernel died before replying to kernel_info"
    ):
        run_brief(p, page, tmp_path, "never", twice)
    assert twice.handed == 2 and not (tmp_path / "never.ipynb").exists()
    assert kernel_children() == []
