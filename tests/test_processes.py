"""cddbrief.processes: kernels forked from a template (issue 12): the bytes of a cold kernel, a new process per brief,
none left behind, and kernels launched as usual whenever the template cannot serve."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SAMPLE
from processes import descendants, running, until

from cddbrief.batch import children


def _why_no_fork() -> str | None:
    """Why kernels cannot be forked on this machine (no pidfd: not Linux >= 5.3, or a sandbox that
    refuses the call); None when they can. There, batches launch kernels as usual (test_kernels)."""
    if not sys.platform.startswith("linux") or not hasattr(os, "pidfd_open"):
        return "kernels are forked only on Linux with pidfd_open"
    try:
        os.close(os.pidfd_open(os.getpid()))
    except OSError as exc:
        return f"pidfd_open is refused here ({exc.strerror}): kernels are launched as usual"
    return None


pytestmark = pytest.mark.skipif(_why_no_fork() is not None, reason=str(_why_no_fork()))


@pytest.fixture()
def ours():
    """What this test starts: the processes below this one that were not running before it (an earlier
    test file can leave a helper of its own, such as multiprocessing's resource tracker)."""
    before = set(descendants(os.getpid()))
    return lambda: running(descendants(os.getpid()) - before)


def ask(km, code: str) -> str:
    """What ``code`` prints in the kernel of ``km``."""

    async def run():
        kc = km.client()
        kc.start_channels()
        try:
            await kc.wait_for_ready(timeout=120)
            sent = kc.execute(code)
            printed = []
            while True:
                msg = await kc.get_iopub_msg(timeout=120)
                if msg["parent_header"].get("msg_id") != sent:
                    continue
                if msg["msg_type"] == "stream":
                    printed.append(msg["content"]["text"])
                elif msg["msg_type"] == "error":
                    printed.append(f"{msg['content']['ename']}: {msg['content']['evalue']}")
                elif msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                    return "".join(printed).strip()
        finally:
            kc.stop_channels()

    return asyncio.run(run())


@pytest.fixture()
def source(tmp_path) -> Path:
    folder = tmp_path / "raw"
    folder.mkdir()
    return Path(shutil.copy(SAMPLE, folder / "ครั้งที่4.txt"))


def test_a_forked_kernel_gives_the_bytes_of_a_cold_one(source, tmp_path, monkeypatch, ours):
    """A batch worker's kernels (forked from the template) and the kernel papermill starts itself:
    the same executed notebook and the same HTML, byte for byte; nothing left running after."""
    import nbformat

    from cddbrief.kernels import Kernels
    from cddbrief.processes import ForkedProcess
    from cddbrief.render import execute_notebook, export_html
    from cddbrief.report import brief_page, plan

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1583020800")
    p = plan(str(source), out_dir=tmp_path / "out")
    page = brief_page(p.meeting, "th")
    kernels = Kernels(spare=True)
    taken = []
    take = kernels.take

    def recorded(cwd):
        km = take(cwd)
        taken.append((km.provisioner.pid, type(km.provisioner.process)))
        return km

    monkeypatch.setattr(kernels, "take", recorded)
    try:
        kernels.prestart(source.parent)
        for n in range(2):  # the first kernel, and the spare forked while the first brief ran
            execute_notebook(
                p.notebook,
                tmp_path / f"forked{n}.ipynb",
                p.parameters,
                tmp_path / "f.failed.ipynb",
                page,
                source.parent,
                kernels,
            )
        template = kernels.template_pid
        assert template and [kind for _, kind in taken] == [ForkedProcess, ForkedProcess]
        assert len({pid for pid, _ in taken}) == 2
        assert ours() and set(ours()) <= {template, *children(template)}  # the template, and the spare it forked
    finally:
        kernels.close()
    cold = execute_notebook(
        p.notebook, tmp_path / "cold.ipynb", p.parameters, tmp_path / "cold.failed.ipynb", page, source.parent, None
    )
    for n in range(2):
        assert (tmp_path / f"forked{n}.ipynb").read_bytes() == (tmp_path / "cold.ipynb").read_bytes()
    html = export_html(cold, page)
    assert export_html(nbformat.read(tmp_path / "forked1.ipynb", as_version=4), page) == html
    assert "15,804,000" in html
    until(lambda: not ours(), 60, "no template and no kernel left")


def test_each_kernel_is_a_new_process_with_the_cold_kernels_surroundings(tmp_path, monkeypatch, ours):
    """Forked kernels: a new process each (what one brief changes, the next never sees), in the folder,
    environment and sys.path of a kernel launched as usual."""
    from cddbrief.kernels import Kernels, end

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1600000000")
    look = ("import os, sys, json, signal, threading; print(json.dumps([os.getcwd(), dict(os.environ), sys.path,"
            " sys.argv, os.getsid(0) == os.getpid(), str(signal.getsignal(signal.SIGINT)),"
            " os.readlink('/proc/self/fd/0')[:5], threading.active_count()]))")  # fmt: skip
    kernels = Kernels(spare=True)
    usual = Kernels(warm=True)
    try:
        first = kernels.take(tmp_path)
        try:
            assert ask(
                first, "import os, cddbrief; cddbrief.left_by_the_last_brief = 'ค้างไว้'; print(os.getpid())"
            ) == str(first.provisioner.pid)
            seen_forked = ask(first, look)
        finally:
            end(first)
        second = kernels.take(tmp_path)
        try:
            assert second.provisioner.pid != first.provisioner.pid
            assert ask(second, "import cddbrief; print(hasattr(cddbrief, 'left_by_the_last_brief'))") == "False"
        finally:
            end(second)
        launched = usual.take(tmp_path)
        try:
            assert type(launched.provisioner.process).__name__ == "Popen"
            seen_usual = ask(launched, look)
        finally:
            end(launched)
    finally:
        kernels.close()
        usual.close()
    forked, usual = json.loads(seen_forked), json.loads(seen_usual)
    for seen in (forked, usual):
        del seen[3][2]  # each its own connection file
    assert forked[:4] == usual[:4]  # folder, environment, sys.path, argv
    assert (
        forked[0] == str(tmp_path)
        and forked[1]["SOURCE_DATE_EPOCH"] == "1600000000"
        and forked[1]["JPY_PARENT_PID"] == str(os.getpid())
    )
    assert forked[4:] == usual[4:]  # its own session, Ctrl-C handled alike, threads
    assert forked[4] is True and forked[6].startswith(
        "pipe:"
    )  # stdin: a pipe closed at the other end, as Popen leaves it
    until(lambda: not ours(), 60, "no template and no kernel left")


def test_a_forked_kernel_asked_to_end_runs_its_exit_handlers_and_is_seen_gone(tmp_path, ours):
    """Ended as nbclient ends a notebook's kernel (a shutdown request): what the kernel registered with
    ``atexit`` runs before the forked process leaves, and the manager sees it gone at once."""
    from cddbrief.kernels import Kernels
    from cddbrief.processes import ForkedProcess

    said = tmp_path / "ลาก่อน.txt"
    kernels = Kernels(spare=True)
    try:
        km = kernels.take(tmp_path)
        assert isinstance(km.provisioner.process, ForkedProcess)
        farewell = f"atexit.register(lambda: open({str(said)!r}, 'w', encoding='utf-8').write('ออกแล้ว'))"
        assert ask(km, f"import atexit; {farewell}; print('ลงทะเบียน')") == "ลงทะเบียน"
        asyncio.run(km.shutdown_kernel())  # graceful: a shutdown request, then a wait for the process
        assert not asyncio.run(km.is_alive())
    finally:
        kernels.close()
    assert said.read_text(encoding="utf-8") == "ออกแล้ว"
    until(lambda: not ours(), 60, "no template and no kernel left")


def test_kernels_are_launched_as_usual_when_the_template_cannot_start(tmp_path, monkeypatch, ours):
    from cddbrief.kernels import Kernels, end
    from cddbrief.processes import Template

    def refuse(self, env, cwd):
        raise OSError("no fork here")

    monkeypatch.setattr(Template, "__init__", refuse)
    kernels = Kernels(spare=True)
    try:
        km = kernels.take(tmp_path)
        try:
            assert type(km.provisioner.process).__name__ == "Popen" and kernels.template_pid is None
            assert ask(km, "print(6 * 7)") == "42"
        finally:
            end(km)
    finally:
        kernels.close()
    until(lambda: not ours(), 60, "no kernel left")


def test_a_template_killed_between_briefs_is_not_used_again(tmp_path, ours):
    """SIGKILL to the template: the spare it forked dies with it, and the next brief gets a kernel
    launched as usual, which works."""
    from cddbrief.kernels import Kernels, end

    kernels = Kernels(spare=True)
    try:
        km = kernels.take(tmp_path)
        end(km)
        template = kernels.template_pid
        until(lambda: running(children(template)), 60, "the spare kernel forked")
        spare = running(children(template))
        os.kill(template, signal.SIGKILL)
        until(lambda: not running(spare), 60, "the spare kernel gone with its template")
        km = kernels.take(tmp_path)
        try:
            assert type(km.provisioner.process).__name__ == "Popen"
            assert ask(km, "print('ยังทำงาน')") == "ยังทำงาน"
        finally:
            end(km)
    finally:
        kernels.close()
    until(lambda: not ours(), 60, "no kernel left")


def test_a_template_forks_only_its_own_kernel():
    """Another command or another environment is not forked (None: the caller launches it as usual)."""
    from cddbrief.processes import Template, forkable, kernel_environment

    assert forkable([sys.executable, "-m", "ipykernel_launcher", "-f", "k.json"])
    assert not forkable(["python2", "-m", "ipykernel_launcher"]) and not forkable(
        [sys.executable, "-m", "other_kernel"]
    )
    env = kernel_environment(dict(os.environ))
    template = Template(env, os.getcwd())
    try:
        other = {**env, "SOURCE_DATE_EPOCH": "1"}
        assert template.fork([sys.executable, "-m", "ipykernel_launcher", "-f", "k.json"], other, os.getcwd()) is None
        assert template.fork(["/bin/true"], env, os.getcwd()) is None
        assert template.alive
    finally:
        template.close()
    assert template.process.returncode is not None and not template.alive


def test_a_template_started_in_the_c_locale_forks_kernels_with_the_locale_python_gives_them(
    tmp_path, monkeypatch, ours
):
    """LANG=C: Python adds LC_CTYPE=C.UTF-8 to its own environment at start (PEP 538), in the template
    as in a launched kernel; the template still forks, and the kernel has what a launched one has."""
    from cddbrief.kernels import Kernels, end
    from cddbrief.processes import ForkedProcess

    for name in [k for k in os.environ if k.startswith("LC_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("LANG", "C")
    kernels = Kernels(spare=True)
    try:
        km = kernels.take(tmp_path)
        try:
            assert type(km.provisioner.process) is ForkedProcess
            seen = ask(km, "import os; print(os.environ['LANG'], os.environ['LC_CTYPE'])")
        finally:
            end(km)
    finally:
        kernels.close()
    launched = subprocess.run(
        [sys.executable, "-c", "import os; print(os.environ['LANG'], os.environ['LC_CTYPE'])"],
        capture_output=True,
        text=True,
    )
    assert seen == launched.stdout.strip() == "C C.UTF-8"
    until(lambda: not ours(), 60, "no template and no kernel left")


def test_the_template_and_its_kernels_die_with_their_worker(tmp_path):
    """A worker killed by SIGKILL: its template goes, and the kernels it forked go with it."""
    code = (
        "import os, sys\n"
        "from cddbrief.kernels import Kernels\n"
        "k = Kernels(spare=True)\n"
        "km = k.take(sys.argv[1])\n"
        "from cddbrief.batch import children\n"
        "import time\n"
        "deadline = time.monotonic() + 120\n"  # a state waited for, with an end: never a hang
        # the kernel taken and the spare
        "while len(children(k.template_pid)) < 2 and time.monotonic() < deadline: time.sleep(0.05)\n"
        "print(k.template_pid, *children(k.template_pid), flush=True)\n"
        "sys.stdin.read()\n"
    )
    worker = subprocess.Popen(
        [sys.executable, "-c", code, str(tmp_path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        pids = [int(x) for x in worker.stdout.readline().split()]
        assert len(pids) == 3 and len(running(pids)) == 3, f"the template and two kernels, not {pids}"
    finally:
        worker.kill()
        worker.wait(60)
    until(lambda: not running(pids), 60, f"template and kernels gone ({running(pids)})")


def test_a_finished_batch_leaves_no_template_and_no_kernel(tmp_path):
    """`build --all --jobs 2` to the end: every brief built, and no process left in the documents'
    folder (where templates and kernels run), nor any template anywhere below this process."""
    from conftest import run_cli

    data = tmp_path / "raw"
    data.mkdir()
    for n, place in enumerate(("อำเภอแม่ทะ", "อำเภอเกาะคา", "อำเภองาว")):
        (data / f"m{n}.txt").write_text(
            SAMPLE.read_text(encoding="utf-8").replace("อำเภอเสริมงาม", place), encoding="utf-8"
        )
    result = run_cli("build", "--all", "--data", str(data), "--out", str(tmp_path / "out"), "--jobs", "2")
    assert result.returncode == 0 and "3 built, 0 up to date, 0 failed" in result.stderr, result.stderr
    left = []
    for entry in os.listdir("/proc"):
        try:
            if entry.isdigit() and Path(os.readlink(f"/proc/{entry}/cwd")) == data.resolve():
                left.append(int(entry))
        except OSError:
            pass
    until(lambda: not running(left), 60, f"no process left in the documents' folder ({running(left)})")
