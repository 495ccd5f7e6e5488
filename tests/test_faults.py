"""Faults found by trying to break it (issue 11): clean stops, no silent replacement, settings
checked up front, file names that are not UTF-8, a dask cluster that misbehaves.

Every wait here is on a state (a process, a folder, a line), bounded and generous, never a
fixed sleep racing a build: these tests must hold on a loaded machine.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import threading
from pathlib import Path

import docgen
import pytest
import reliability_cases
from conftest import CLI, SAMPLE, run_cli
from processes import descendants, running, until

ROOT = Path(__file__).resolve().parents[1]


def tree(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def write_meeting(
    path: Path,
    seed: int,
    number: int | None = None,
    year_be: int | None = None,
    office: str | None = None,
    district=None,
) -> Path:
    """A generated write-up (tests/docgen.py), with the meeting and office we want."""
    m = docgen.meeting(random.Random(seed), n_items=3)
    if number:
        m.number, m.year_be = number, year_be or m.year_be
    if office:
        m.office, m.district = office, district
    path.write_text(docgen.render_dump(m), encoding="utf-8")
    return path


# --- processes ---------------------------------------------------------------------------------


def in_folder(folder: Path) -> list[int]:
    """The processes running in folder, whoever their parent is now: the kernels of a build run in
    its documents' folder, so one left behind (even one started ahead for the next brief) is found."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if Path(os.readlink(f"/proc/{entry}/cwd")) == folder.resolve():
                    found.append(int(entry))
            except OSError:
                pass
    return running(found)


def kernels(pids) -> list[int]:
    out = []
    for pid in pids:
        try:
            if b"ipykernel" in Path(f"/proc/{pid}/cmdline").read_bytes():
                out.append(pid)
        except OSError:
            pass
    return out


@pytest.fixture()
def six(tmp_path):
    data = tmp_path / "raw"
    data.mkdir()
    for seed in range(6):
        write_meeting(data / f"m{seed}.txt", seed, number=seed + 1, year_be=2563)
    return data, tmp_path / "out"


def start_batch(data: Path, out: Path):
    """``build --all --jobs 2`` in its own session, and the state to signal in: two builds under
    way, each with its kernel (every process of the batch recorded while it runs)."""
    process = subprocess.Popen([*CLI, "build", "--all", "--data", str(data), "--out", str(out), "--jobs", "2"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)  # fmt: skip
    seen: set[int] = set()

    def under_way():
        seen.update(descendants(process.pid))
        assert process.poll() is None, process.communicate()
        return len(kernels(running(seen))) >= 2 and list(out.glob("*/.build-*"))

    until(under_way, 300, "two kernels running and a .build-* folder")
    return process, seen


def test_sigkill_of_a_batch_leaves_no_process(six):
    """SIGKILL to `build --all`: its workers and their kernels end too (PR_SET_PDEATHSIG), in seconds,
    not after building every remaining brief."""
    data, out = six
    process, seen = start_batch(data, out)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=60)
    until(
        lambda: not running(seen | {p for p in descendants(1) if p in seen}),
        60,
        f"no process of the batch left ({running(seen)})",
    )
    until(lambda: not in_folder(data), 60, "no kernel left in the documents' folder")
    built = sorted(out.glob("*/brief.html"))
    assert len(built) < 6  # it stopped; it did not go on building the rest


def test_sigterm_of_a_batch_ends_workers_and_cleans_up(six):
    data, out = six
    process, seen = start_batch(data, out)
    os.kill(process.pid, signal.SIGTERM)
    stdout, stderr = process.communicate(timeout=120)
    assert process.returncode == 128 + signal.SIGTERM
    assert stderr == "cddbrief: stopped (SIGTERM)\n" and stdout == ""
    until(lambda: not running(seen), 60, "no worker or kernel left")
    until(lambda: not in_folder(data), 60, "no kernel left in the documents' folder (nor one started ahead)")
    assert [p.name for p in out.rglob("*") if p.name.startswith(".build-") or p.name.endswith(".tmp")] == []


def test_ctrl_c_of_a_batch_says_one_line(six):
    """Ctrl-C reaches every process of the terminal's group: only `cddbrief: interrupted`, exit 130."""
    data, out = six
    process, seen = start_batch(data, out)
    os.killpg(process.pid, signal.SIGINT)
    stdout, stderr = process.communicate(timeout=120)
    assert (process.returncode, stderr, stdout) == (130, "cddbrief: interrupted\n", "")
    until(lambda: not running(seen), 60, "no worker or kernel left")
    until(lambda: not in_folder(data), 60, "no kernel left in the documents' folder (nor one started ahead)")
    assert [p.name for p in out.rglob("*") if p.name.startswith(".build-") or p.name.endswith(".tmp")] == []
    for brief in out.rglob("brief.html"):
        assert brief.read_text(encoding="utf-8").rstrip().endswith("</html>")


def test_sigterm_of_a_single_build_ends_its_kernel(tmp_path):
    """A single build stopped while its kernel (started ahead) runs: one line, exit 143, no kernel
    and no temporary folder left."""
    data = tmp_path / "raw"
    data.mkdir()
    source = write_meeting(data / "m.txt", 9, number=4, year_be=2565)
    out = tmp_path / "out"
    process = subprocess.Popen([*CLI, "build", str(source), "--out", str(out)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)  # fmt: skip
    until(
        lambda: (in_folder(data) and list(out.glob("*/.build-*"))) or process.poll() is not None,
        300,
        "the build's kernel running",
    )
    os.kill(process.pid, signal.SIGTERM)
    stdout, stderr = process.communicate(timeout=120)
    assert (process.returncode, stderr, stdout) == (128 + signal.SIGTERM, "cddbrief: stopped (SIGTERM)\n", "")
    until(lambda: not in_folder(data), 60, "no kernel left")
    assert not list(out.glob("*/.build-*")) and not list(out.glob("*/brief.html"))


def test_stale_build_folders_are_cleaned_and_live_ones_kept(tmp_path):
    """A build killed by SIGKILL leaves `.build-PID-*`; the next build of that folder removes it,
    but never the folder of a process still running."""
    out = tmp_path / "out"
    source = write_meeting(tmp_path / "m.txt", 5, number=3, year_be=2564)
    first = run_cli("build", str(source), "--out", str(out))
    assert first.returncode == 0, first.stderr
    folder = next(p for p in out.iterdir() if p.is_dir())
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()  # a pid that has ended
    stale = folder / f".build-{gone.pid}-k1ll3d"
    (stale / "x").mkdir(parents=True)
    (stale / "x" / "brief.ipynb").write_text("{}", encoding="utf-8")
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    try:
        live = folder / f".build-{sleeper.pid}-busy"
        live.mkdir()
        again = run_cli("build", str(source), "--out", str(out))
        assert again.returncode == 0 and "up to date" in again.stderr
        assert not stale.exists() and live.exists()
    finally:
        sleeper.kill()
        sleeper.wait()


def test_a_killed_single_build_leaves_nothing_behind_the_next(tmp_path):
    out = tmp_path / "out"
    source = write_meeting(tmp_path / "m.txt", 8, number=2, year_be=2565)
    process = subprocess.Popen(
        [*CLI, "build", str(source), "--out", str(out)], stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    until(lambda: list(out.glob("*/.build-*")) or process.poll() is not None, 300, "a .build-* folder")
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=60)
    again = run_cli("build", str(source), "--out", str(out))
    assert again.returncode == 0, again.stderr
    assert list(out.glob("*/.build-*")) == [] and len(list(out.glob("*/brief.html"))) == 1


# --- no silent replacement ---------------------------------------------------------------------


def test_another_office_is_not_built_over_the_first(tmp_path):
    """Two offices' write-ups of one meeting into one --out: the second is refused, naming both and --office."""
    out = tmp_path / "out"
    a = write_meeting(tmp_path / "a.txt", 1, number=6, year_be=2563, office="สำนักงานพัฒนาชุมชนอำเภอแม่ทะ", district="แม่ทะ")
    b = write_meeting(
        tmp_path / "b.txt", 2, number=6, year_be=2563, office="สำนักงานพัฒนาชุมชนอำเภอเกาะคา", district="เกาะคา"
    )
    assert run_cli("build", str(a), "--out", str(out)).returncode == 0
    before = tree(out)
    second = run_cli("build", str(b), "--out", str(out))
    assert second.returncode == 2 and second.stderr.count("\n") == 1, second.stderr
    line = second.stderr
    assert "a.txt" in line and "b.txt" in line and "แม่ทะ" in line and "เกาะคา" in line and "--office" in line
    assert tree(out) == before  # nothing replaced
    third = run_cli("build", str(b), "--out", str(out), "--office", "เกาะคา")
    assert third.returncode == 0, third.stderr
    assert (out / "2563-06-ko-kha" / "brief.html").exists() and tree(out / "2563-06") == {
        k[len("2563-06/") :]: v for k, v in before.items() if k.startswith("2563-06/")
    }


def test_meeting_option_cannot_overwrite_another_documents_brief(tmp_path):
    out = tmp_path / "out"
    real = write_meeting(
        tmp_path / "real.txt", 3, number=4, year_be=2562, office="สำนักงานพัฒนาชุมชนอำเภอแม่ทะ", district="แม่ทะ"
    )
    other = write_meeting(
        tmp_path / "other.txt", 4, number=5, year_be=2562, office="สำนักงานพัฒนาชุมชนอำเภอแม่ทะ", district="แม่ทะ"
    )
    assert run_cli("build", str(real), "--out", str(out)).returncode == 0
    before = tree(out)
    forced = run_cli("build", str(other), "--meeting", "4/2562", "--out", str(out))
    assert forced.returncode == 2 and forced.stderr.count("\n") == 1
    assert "real.txt" in forced.stderr and "other.txt" in forced.stderr and "--meeting 4/2562" in forced.stderr
    assert tree(out) == before
    edited = real.read_text(encoding="utf-8").replace("ให้", "ขอให้", 1)  # the same document, edited: still its folder
    real.write_text(edited, encoding="utf-8")
    assert run_cli("build", str(real), "--out", str(out)).returncode == 0


def test_one_office_two_documents_of_one_meeting(tmp_path):
    """Told apart by a sha256 suffix, built once each, listed as such; the id asks for a path."""
    data = tmp_path / "raw"
    data.mkdir()
    office = dict(office="สำนักงานพัฒนาชุมชนอำเภอเกาะคา", district="เกาะคา")
    a = write_meeting(data / "a.txt", 5, number=7, year_be=2563, **office)
    b = write_meeting(data / "b.txt", 6, number=7, year_be=2563, **office)
    write_meeting(data / "c.txt", 7, number=7, year_be=2563, office="สำนักงานพัฒนาชุมชนอำเภอแม่ทะ", district="แม่ทะ")
    sha = {p.name: hashlib.sha256(p.read_bytes()).hexdigest()[:6] for p in (a, b)}
    out = tmp_path / "out"
    first = run_cli("build", "--all", "--data", str(data), "--out", str(out), "--jobs", "2")
    assert first.returncode == 0 and "3 built, 0 up to date, 0 failed" in first.stderr, first.stderr
    folders = sorted(p.name for p in out.iterdir() if p.is_dir())
    assert folders == sorted([f"2563-07-ko-kha-{sha['a.txt']}", f"2563-07-ko-kha-{sha['b.txt']}", "2563-07-mae-tha"])
    for name in ("a.txt", "b.txt"):
        owner = json.loads((out / f"2563-07-ko-kha-{sha[name]}" / ".source.json").read_text(encoding="utf-8"))
        assert owner["file"] == name and owner["sha256"].startswith(sha[name])
    again = run_cli("build", "--all", "--data", str(data), "--out", str(out), "--jobs", "2")
    assert "0 built, 3 up to date, 0 failed" in again.stderr
    listed = run_cli("list", "--data", str(data))
    note = [ln for ln in listed.stdout.splitlines() if "different documents" in ln]
    assert (
        len(note) == 1
        and "a.txt " + sha["a.txt"] in note[0]
        and "b.txt " + sha["b.txt"] in note[0]
        and "give its path" in note[0]
    )
    as_json = json.loads(run_cli("list", "--data", str(data), "--json").stdout)
    twins = {Path(m["file"]).name: m["same_office_documents"] for m in as_json["meetings"]}
    assert twins == {"a.txt": ["b.txt"], "b.txt": ["a.txt"], "c.txt": []}
    ambiguous = run_cli("parse", "7/2563", "--data", str(data), "--office", "เกาะคา")
    assert (
        ambiguous.returncode == 2
        and "naming the office cannot choose between them: give the file instead of the id (a.txt)" in ambiguous.stderr
    )


# --- settings, checked before any work ----------------------------------------------------------


@pytest.mark.parametrize("case", reliability_cases.settings(), ids=lambda c: c["case"])
def test_settings_are_checked_before_any_work(case, tmp_path):
    """One line, exit 2, the output folder as it was (and no kernel started: nothing written)."""
    data = tmp_path / "raw"
    data.mkdir()
    shutil.copy(SAMPLE, data / SAMPLE.name)
    out = tmp_path / "out"
    out.mkdir()
    (tmp_path / "work").mkdir()
    env, args = case["make"](tmp_path)
    before = tree(out), sorted(p.name for p in out.rglob("*"))
    args = [a.replace("{data}", str(data)).replace("{out}", str(out)).replace("{tmp}", str(tmp_path)) for a in args]
    result = run_cli(
        *args,
        extra_env={k: v.replace("{tmp}", str(tmp_path)) for k, v in env.items()},
        cwd=tmp_path / "work",
        timeout=300,
    )
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("cddbrief: "), result.stderr
    for words in case["words"]:
        assert words in result.stderr, (words, result.stderr)
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert (tree(out), sorted(p.name for p in out.rglob("*"))) == before


# --- file names that are not UTF-8 ---------------------------------------------------------------


def test_file_names_that_are_not_utf8(tmp_path):
    """A name in TIS-620 bytes: `build --all` fails that document alone and writes index.html (the
    name escaped, no .tmp left); `list --json` prints valid UTF-8 and lists it as unreadable."""
    data = tmp_path / "raw"
    data.mkdir()
    write_meeting(data / "good.txt", 9, number=8, year_be=2563)
    bad = os.fsencode(str(data)) + b"/\xa1\xd2\xc3.txt"  # การ in TIS-620: no byte of it makes UTF-8
    with open(bad, "wb") as fh:
        fh.write((data / "good.txt").read_bytes().replace("ครั้งที่ 8/".encode(), "ครั้งที่ 9/".encode()))
    out = tmp_path / "out"
    result = run_cli("build", "--all", "--data", str(data), "--out", str(out))
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr, result.stderr
    assert "1 built, 0 up to date, 1 failed" in result.stderr
    assert "failed: \\xa1\\xd2\\xc3.txt: " in result.stderr and "not valid UTF-8" in result.stderr
    index = (out / "index.html").read_bytes().decode("utf-8")  # valid UTF-8
    assert "\\xa1\\xd2\\xc3.txt" in index and "good.txt" in index
    assert [p.name for p in out.iterdir() if p.name.endswith(".tmp")] == []
    listed = subprocess.run([*CLI, "list", "--data", str(data), "--json"], capture_output=True, timeout=300)
    text = listed.stdout.decode("utf-8")  # raises if not UTF-8
    listing = json.loads(text)
    assert [Path(m["file"]).name for m in listing["meetings"]] == ["good.txt"]
    # the corpus store holds names as text: a name of other bytes is said, escaped, and not read
    assert [Path(u["file"]).name for u in listing["unreadable"]] == ["\\xa1\\xd2\\xc3.txt"]
    assert "not valid UTF-8" in listing["unreadable"][0]["why"] and "rename the file" in listing["unreadable"][0]["why"]
    plain = subprocess.run([*CLI, "list", "--data", str(data)], capture_output=True, timeout=300)
    assert b"\\xa1\\xd2\\xc3.txt" in plain.stdout and plain.stdout.decode("utf-8")


# --- a dask cluster that misbehaves -------------------------------------------------------------


class SilentServer:
    """A TCP port that accepts and never answers: not a dask scheduler."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.port = self.sock.getsockname()[1]
        self.conns = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.conns.append(conn)

    def close(self):
        self.sock.close()
        for conn in self.conns:
            conn.close()


def test_a_port_that_is_not_a_dask_scheduler_fails_in_seconds(tmp_path):
    data = tmp_path / "raw"
    data.mkdir()
    write_meeting(data / "m.txt", 1, number=2, year_be=2563)
    server = SilentServer()
    try:
        result = run_cli(
            "build",
            "--all",
            "--data",
            str(data),
            "--out",
            str(tmp_path / "out"),
            "--scheduler",
            f"tcp://127.0.0.1:{server.port}",
            timeout=120,
        )
    finally:
        server.close()
    assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr
    assert "did not answer as a dask scheduler within 5 s" in result.stderr


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1", scheduler_port=0, dashboard_address=None
    ) as c:
        yield c


def test_a_cluster_brief_is_a_local_brief(cluster, tmp_path):
    """The same bytes as a local build, no scratch path inside, a manifest and an owner written,
    and a second run up to date."""
    data = tmp_path / "raw"
    data.mkdir()
    write_meeting(data / "m.txt", 12, number=10, year_be=2563)
    local, remote = tmp_path / "local", tmp_path / "remote"
    env = {"SOURCE_DATE_EPOCH": "1556668800"}
    assert (
        run_cli("build", "--all", "--data", str(data), "--out", str(local), "--jobs", "1", extra_env=env).returncode
        == 0
    )
    first = run_cli(
        "build",
        "--all",
        "--data",
        str(data),
        "--out",
        str(remote),
        "--scheduler",
        cluster.scheduler_address,
        extra_env=env,
    )
    assert first.returncode == 0 and "1 built" in first.stderr, first.stderr
    folder = "2563-10"
    for name in ("brief.html", "brief.ipynb", ".brief.json", ".source.json"):
        assert (remote / folder / name).read_bytes() == (local / folder / name).read_bytes(), name
    assert b"cddbrief-task-" not in (remote / folder / "brief.ipynb").read_bytes()
    assert (remote / folder / ".lock").exists()
    again = run_cli(
        "build",
        "--all",
        "--data",
        str(data),
        "--out",
        str(remote),
        "--scheduler",
        cluster.scheduler_address,
        extra_env=env,
    )
    assert again.returncode == 0 and "0 built, 1 up to date, 0 failed" in again.stderr, again.stderr
    # and local and cluster builds know each other's briefs
    mixed = run_cli(
        "build",
        "--all",
        "--data",
        str(data),
        "--out",
        str(local),
        "--scheduler",
        cluster.scheduler_address,
        extra_env=env,
    )
    assert "0 built, 1 up to date" in mixed.stderr


def test_the_only_worker_vanishes_mid_batch(tmp_path):
    """The scheduler is left with no worker: the batch says so and ends, it does not wait forever."""
    from distributed import Client, LocalCluster

    from cddbrief import batch

    data = tmp_path / "raw"
    data.mkdir()
    for seed in range(2):
        write_meeting(data / f"m{seed}.txt", 20 + seed, number=seed + 1, year_be=2564)
    with LocalCluster(
        n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1", scheduler_port=0, dashboard_address=None
    ) as c:
        result = {}
        thread = threading.Thread(target=lambda: result.update(outcomes=batch._on_cluster(
            c.scheduler_address, batch._documents(data), tmp_path / "out", ("html",), "th", False, False,
            no_workers_grace=3)))  # fmt: skip
        thread.start()
        with Client(c.scheduler_address) as watcher:
            until(lambda: any(watcher.processing().values()), 120, "a task running on the worker")
        c.scale(0)
        thread.join(timeout=120)
        assert not thread.is_alive(), "the batch still waits for a worker"
    outcomes = result["outcomes"]
    failed = [o for o in outcomes if o.status == "failed"]  # the second was queued when the worker went
    assert len(outcomes) == 2 and failed
    assert all("has had no worker for 3 s" in o.why and "dask worker" in o.why for o in failed)


def test_a_cell_past_its_timeout_fails_the_build_and_ends_its_kernel(tmp_path):
    """build(cell_timeout=…), as a dask worker builds: a cell that runs on is stopped, the build
    fails with one line saying so, what ran is kept, no brief is written and no kernel is left."""
    import nbformat

    from cddbrief.errors import CellFailed
    from cddbrief.report import build

    nb = nbformat.read(ROOT / "notebooks" / "briefing.ipynb", as_version=4)
    nb.cells.insert(2, nbformat.v4.new_code_cell("import time\ntime.sleep(600)"))
    stuck = tmp_path / "stuck.ipynb"
    nbformat.write(nb, stuck)
    source = tmp_path / "slow.txt"
    write_meeting(source, 5, number=12, year_be=2564)
    with pytest.raises(CellFailed) as failed:
        build(str(source), out_dir=str(tmp_path / "out"), notebook=stuck, say=lambda _: None, cell_timeout=2.5)
    assert str(failed.value).startswith(
        "a cell of the briefing notebook ran longer than 3 s and was stopped"
    )  # whole seconds, rounded up
    assert not list((tmp_path / "out").glob("*/brief.html"))
    assert not [
        pid for pid in running(descendants(os.getpid())) if b"ipykernel" in Path(f"/proc/{pid}/cmdline").read_bytes()
    ]


def test_a_task_that_runs_too_long_is_given_up(tmp_path, monkeypatch):
    """--task-timeout: a brief still running on a worker after that long is failed, saying so; the
    client does not wait on it, and the worker stops the cell a little later (its kernel ended), so
    it is free for other briefs. The workers' notebook never ends (a cell sleeps 10 minutes), so
    nothing here races the clock: the kernel must be gone within 2 of those minutes."""
    import nbformat
    from distributed import LocalCluster

    from cddbrief import batch

    nb = nbformat.read(ROOT / "notebooks" / "briefing.ipynb", as_version=4)
    nb.cells.insert(2, nbformat.v4.new_code_cell("import time\ntime.sleep(600)"))
    stuck = tmp_path / "stuck.ipynb"
    nbformat.write(nb, stuck)
    monkeypatch.setenv("CDDBRIEF_NOTEBOOK", str(stuck))  # the workers' environment: they start below
    data = tmp_path / "raw"
    data.mkdir()
    write_meeting(data / "slow.txt", 30, number=11, year_be=2564)
    with LocalCluster(
        n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1", scheduler_port=0, dashboard_address=None
    ) as c:
        outcomes = batch._on_cluster(
            c.scheduler_address, batch._documents(data), tmp_path / "out", ("html",), "th", False, False, task_timeout=1
        )

        def kernels():
            return [
                pid
                for pid in running(descendants(os.getpid()))
                if b"ipykernel" in Path(f"/proc/{pid}/cmdline").read_bytes()
            ]

        until(lambda: not kernels(), 120, "the worker's kernel, stuck in a 10-minute cell, ended by the worker")
    why = "took longer than 1 s on the cluster (the task timeout)"
    assert [(o.status, o.why) for o in outcomes] == [("failed", why)]
    assert not list((tmp_path / "out").glob("*/brief.html"))


# --- round three (issue 21) ----------------------------------------------------------------------


def test_file_names_with_line_ends_are_shown_escaped(tmp_path):
    """A name holding LF or CR cannot split the one-line error nor forge a line of the batch summary."""
    from cddbrief.batch import BatchResult, Outcome

    data = tmp_path / "raw"
    data.mkdir()
    forged = data / "x\n  failed: forged.txt"
    forged.write_bytes(b"")
    (data / "y\rz.txt").write_bytes(b"")
    for path in (forged, data / "y\rz.txt"):
        result = run_cli("parse", str(path))
        assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr
        assert "is empty" in result.stderr and ("\\n" in result.stderr or "\\r" in result.stderr)
    summary = BatchResult(
        [
            Outcome(forged, "failed", why="RuntimeError: a\nforged: line"),
            Outcome(data / "y\rz.txt", "built", files=[data / "a\nb"]),
        ]
    ).summary()
    assert summary.splitlines() == [
        "1 built, 0 up to date, 1 failed",
        "  failed: x\\n  failed: forged.txt: RuntimeError: a\\nforged: line",
        f"  built: y\\rz.txt → {data}/a\\nb",
    ]


# nothing read from disk is trusted: manifests, rows files, temp folders, folder names, links

DAMAGED = {
    "a list": "[]",
    "deep nesting": "[" * 100_000 + "]" * 100_000,
    "wrong types": json.dumps(
        {"key": 5, "files": "brief.html", "source": ["x"], "meeting": 4, "sha256": None, "file": {}}
    ),
    "a JSON string": json.dumps("2562-04"),
    "a file outside the folder": json.dumps({"key": "k", "files": {"html": "/etc/passwd", "pdf": "../x.pdf"}}),
    "not JSON": '{"key": ',
}


@pytest.mark.parametrize("damage", sorted(DAMAGED))
def test_damaged_manifests_count_as_none_and_are_written_anew(damage, tmp_path):
    from cddbrief.render import Job, Options, fresh_files
    from cddbrief.report import claim_folder

    folder = tmp_path / "2562-04"
    folder.mkdir()
    (folder / "brief.html").write_text("<p>old</p>", encoding="utf-8")
    for name in (".brief.json", ".source.json"):
        (folder / name).write_text(DAMAGED[damage], encoding="utf-8")
    owner = {"meeting": "2562-04", "office": "แม่ทะ", "sha256": "ab" * 32, "file": "a.txt"}
    job = Job("2562-04", "brief", Path("briefing.ipynb"), {}, folder, "brief", "k", {}, owner=owner)
    assert fresh_files(job, Options(("html",), "th", tmp_path)) == set()  # built again, never trusted
    claim_folder(folder, owner)  # no internal error: the folder is this source's again
    assert json.loads((folder / ".source.json").read_text(encoding="utf-8")) == owner


def test_a_stale_temp_folder_with_an_impossible_pid_is_removed(tmp_path):
    from cddbrief.render import clear_stale

    for name in (".build-99999999999999999999-x", ".build-0-x", ".build-๑๒-x"):
        (tmp_path / name).mkdir()
    removed = clear_stale(tmp_path)
    assert sorted(p.name for p in removed) == sorted([".build-99999999999999999999-x", ".build-0-x"])


def test_forged_index_rows_make_no_live_link_and_walk_no_other_folder(tmp_path):
    from cddbrief.batch import refresh_index

    out = tmp_path / "out"
    for folder in ("javascript:alert(1)", "2562-04"):
        (out / folder).mkdir(parents=True)
        (out / folder / "brief.html").write_text("<p>brief</p>", encoding="utf-8")
    owner = {"meeting": "2562-04", "office": "แม่ทะ", "sha256": "ab" * 32, "file": "สรุป.txt"}
    (out / "2562-04" / ".brief.json").write_text(
        json.dumps({"key": "k", "files": {"html": "brief.html"}, "source": owner}), encoding="utf-8"
    )
    elsewhere = tmp_path / "elsewhere" / "deep"
    elsewhere.mkdir(parents=True)
    (elsewhere / "2562-04-secrets.csv").write_text("x", encoding="utf-8")
    row = {"failed": False, "number": 4, "year_be": 2562, "office": "x", "file": "a.txt", "meeting_date": None,
           "meeting_day": "", "first_date": None, "covered": "", "items": 1, "directives": 1, "figures": 0, "dated": 0,
           "failing": 0}  # fmt: skip
    rows = [
        {**row, "folder": "javascript:alert(1)", "id": "2562-04"},
        {**row, "folder": "../elsewhere", "id": "**/*"},
        {**row, "folder": "/", "id": "**/*"},
    ]
    (out / ".index.html.json").write_text(json.dumps({"rows": rows}), encoding="utf-8")
    (out / "index.html").write_text("old", encoding="utf-8")
    html = refresh_index(out).read_text(encoding="utf-8")
    assert 'href="javascript' not in html and "elsewhere" not in html and "secrets" not in html
    assert 'href="2562-04/brief.html"' in html and "สรุป.txt" in html  # the row rebuilt from the folder's manifest


def test_an_output_folder_that_is_a_link_out_of_out_is_refused(tmp_path):
    data = tmp_path / "raw"
    data.mkdir()
    shutil.copy(SAMPLE, data / SAMPLE.name)
    out = tmp_path / "out"
    out.mkdir()
    (out / "2562-04").symlink_to(data, target_is_directory=True)
    before = tree(data)
    result = run_cli("build", "2562-04", "--data", str(data), "--out", str(out))
    assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr
    assert "is a link to" in result.stderr and f"outside {out}" in result.stderr and "(--out DIR)" in result.stderr
    assert tree(data) == before and sorted(p.name for p in data.iterdir()) == [SAMPLE.name]


# a batch survives its workers


def test_a_worker_killed_mid_batch_fails_only_the_brief_it_held(six):
    """SIGKILL to one of two workers: that worker's document fails (the summary says so), the brief the
    other worker was making and every one not yet started are built on new workers."""
    data, out = six
    process, seen = start_batch(data, out)
    tmp = sorted(out.glob("*/.build-*"))[0]
    worker, held = int(tmp.name.split("-")[1]), tmp.parent.name  # .build-PID-…: the worker's pid, in the brief's folder
    os.kill(worker, signal.SIGKILL)
    stdout, stderr = process.communicate(timeout=900)
    assert process.returncode == 1, stderr
    assert "5 built, 0 up to date, 1 failed" in stderr, stderr
    failed = [line for line in stderr.splitlines() if line.startswith("  failed: ")]
    number = int(held.split("-")[1])  # the meeting number: m{number - 1}.txt (see six)
    assert len(failed) == 1 and failed[0].startswith(f"  failed: m{number - 1}.txt: its build process died"), failed
    assert sorted(p.parent.name for p in out.glob("*/brief.html")) == sorted(
        f"2563-{n:02d}" for n in range(1, 7) if n != number
    )
    until(lambda: not running(seen), 60, "no worker or kernel left")
    assert [p.name for p in out.rglob("*") if p.name.startswith(".build-") or p.name.endswith(".tmp")] == []


def _dask_process(*args: str) -> tuple[subprocess.Popen, str]:
    """``dask scheduler`` or ``dask worker`` on 127.0.0.1 in a process of its own, and the scheduler's address
    (read from what it logs), for a test that stops it with SIGSTOP."""
    dask = str(Path(sys.executable).with_name("dask"))
    process = subprocess.Popen(
        [dask, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    if args[0] != "scheduler":
        return process, ""
    for line in process.stderr:
        if "Scheduler at:" in line:
            threading.Thread(target=process.stderr.read, daemon=True).start()  # keep its pipe drained
            return process, line.split("Scheduler at:")[1].strip()
    raise AssertionError("the dask scheduler did not start")


def test_a_scheduler_that_stops_answering_hits_the_task_timeout(tmp_path):
    """SIGSTOP to the scheduler once a brief runs: the client does not wait past --task-timeout; the
    briefs fail with one line saying the scheduler stopped answering."""
    from distributed import Client

    from cddbrief import batch

    data = tmp_path / "raw"
    data.mkdir()
    for seed in range(2):
        write_meeting(data / f"m{seed}.txt", 40 + seed, number=seed + 1, year_be=2565)
    scheduler, address = _dask_process("scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard")
    worker, _ = _dask_process(
        "worker", address, "--host", "127.0.0.1", "--nthreads", "1", "--nworkers", "1", "--no-dashboard"
    )
    try:
        result = {}
        thread = threading.Thread(target=lambda: result.update(outcomes=batch._on_cluster(
            address, batch._documents(data), tmp_path / "out", ("html",), "th", False, False, task_timeout=10)),
            daemon=True)  # fmt: skip
        thread.start()
        with Client(address, timeout=30) as watcher:
            until(lambda: any(watcher.processing().values()), 300, "a brief running on the worker")
        os.kill(scheduler.pid, signal.SIGSTOP)
        thread.join(timeout=180)
        assert not thread.is_alive(), "the client still waits on a scheduler that does not answer"
    finally:
        os.kill(scheduler.pid, signal.SIGCONT)
        for process in (worker, scheduler):
            process.terminate()
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=30)
    outcomes = result["outcomes"]
    assert len(outcomes) == 2 and all(o.status == "failed" for o in outcomes), outcomes
    assert all(
        f"the dask scheduler at {address} stopped answering" in o.why
        and "(the task timeout): check the scheduler, or build on this machine" in o.why
        and "\n" not in o.why
        for o in outcomes
    )


def test_exports_are_not_written_through_a_folder_that_links_out_of_out(tmp_path):
    data = tmp_path / "raw"
    data.mkdir()
    shutil.copy(SAMPLE, data / SAMPLE.name)
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    out.mkdir()
    elsewhere.mkdir()
    (out / "2562-04").symlink_to(elsewhere, target_is_directory=True)
    result = run_cli("export", "2562-04", "--data", str(data), "--out", str(out), "--to", "csv")
    assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr
    assert "outside" in result.stderr and "(--out DIR)" in result.stderr, result.stderr
    assert list(elsewhere.iterdir()) == []
