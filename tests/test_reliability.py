"""Trust: bad input, hostile content, faults — each a test with its exact expectation.

The bad-input cases are data (tests/reliability_cases.py), shared with the table
in docs/RELIABILITY.md, which test_reliability_doc_is_current keeps true.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import docgen
import pytest
import reliability_cases
from conftest import CLI, SAMPLE, run_cli

ROOT = Path(__file__).resolve().parents[1]


run = run_cli


def tree(folder: Path) -> dict[str, str]:
    """Every file under a folder with its sha256: what 'untouched' means."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture()
def place(tmp_path):
    data = tmp_path / "raw"
    data.mkdir()
    shutil.copy(SAMPLE, data / SAMPLE.name)
    out = tmp_path / "out"
    (out / "2562-04").mkdir(parents=True)
    (out / "2562-04" / "brief.html").write_text(
        "<!DOCTYPE html><html lang='th'><title>a good brief</title></html>", encoding="utf-8"
    )
    work = tmp_path / "a" / "b" / "c"
    work.mkdir(parents=True)
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    return data, out, work, inputs


@pytest.mark.parametrize("case", reliability_cases.cases(), ids=lambda c: c["case"])
@pytest.mark.parametrize("command", ["build", "parse"])
def test_bad_input(case, command, place):
    data, out, work, inputs = place
    source = case["make"](inputs)
    before = tree(out)
    args = [command, source, "--data", str(data)] + (["--out", str(out)] if command == "build" else [])
    result = run(*args, cwd=work, timeout=300)
    if (
        command == "parse" and "no meeting number" in case["words"]
    ):  # parse reads it all the same; only build asks for --meeting
        assert result.returncode == 0 and "no meeting number: a brief needs one given" in result.stdout, (
            result.returncode,
            result.stderr,
        )
        assert tree(out) == before
        return
    assert result.returncode == 2, (result.returncode, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("cddbrief: ") and ": " in lines[0][10:]  # what is wrong: what to do
    for words in case["words"]:
        assert words in lines[0], (words, lines[0])
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert tree(out) == before


def test_a_missing_number_can_be_given(place):
    data, out, work, inputs = place
    source = next(c for c in reliability_cases.cases() if c["case"] == "no header")["make"](inputs)
    result = run("parse", source, "--meeting", "4/2562", "--json", cwd=work)
    assert result.returncode == 0 and '"id": "2562-04"' in result.stdout


# --- hostile content ---------------------------------------------------------------------------

HOSTILE = [
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">คลิก</a>',
    "<style>body{display:none}</style>",
    "</td></tr></table><iframe src=//evil.example></iframe>",
    "$\\alpha^{2}$ {{ 7*7 }} {% raw %}",
]


class _Audit(HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts, self.styles, self.handlers, self.bad_links, self.frames = 0, 0, [], [], 0
        self.text = []

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts += 1
        if tag == "style":
            self.styles += 1
        if tag in ("iframe", "object", "embed"):
            self.frames += 1
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append((tag, name))
            if name in ("href", "src") and value and value.strip().lower().startswith(("javascript:", "//", "http")):
                self.bad_links.append(value)

    def handle_data(self, data):
        self.text.append(data)


def test_hostile_cells_show_as_text(tmp_path):
    m = docgen.meeting(docgen.random.Random(3), n_items=3)
    m.items[0].topic = HOSTILE[0]
    m.items[1].topic = HOSTILE[5]
    m.items[0].directives = [docgen.Sentence(" ".join(HOSTILE[1:5]) + " จำนวน 5 กลุ่ม")]
    m.items[0].split_after = None
    m.items[1].remarks = HOSTILE[1]
    data = tmp_path / "raw"
    data.mkdir()
    (data / "evil.txt").write_text(docgen.render_dump(m), encoding="utf-8")
    out = tmp_path / "out"
    result = run("build", str(data / "evil.txt"), "--out", str(out), "--format", "html,pdf")
    assert result.returncode == 0, result.stderr
    folder = next(out.iterdir())
    html = (folder / "brief.html").read_text(encoding="utf-8")
    audit = _Audit()
    audit.feed(html)
    assert audit.scripts == 1  # ours: expand <details> for print
    assert audit.styles == 1 and audit.frames == 0
    assert [h for h in audit.handlers if h != ("button", "onclick")] == []
    assert audit.bad_links == []
    text = " ".join(audit.text)
    for piece in HOSTILE[:5]:
        assert piece in text  # shown as text, exactly as written
    assert "$\\alpha^{2}$" in text and "{{ 7*7 }}" in text and "49" not in text.split("{{ 7*7 }}")[0][-5:]
    from pypdf import PdfReader

    pdf_text = "".join(p.extract_text() for p in PdfReader(folder / "brief.pdf").pages)
    assert "<script>alert('x')</script>" in pdf_text.replace("\n", "")
    reader = PdfReader(folder / "brief.pdf")
    assert "/JavaScript" not in str(reader.trailer["/Root"]) and "/OpenAction" not in str(reader.trailer["/Root"])


# --- faults --------------------------------------------------------------------------------------


def _good_build(tmp_path) -> tuple[Path, Path]:
    data = tmp_path / "raw"
    data.mkdir()
    shutil.copy(SAMPLE, data / SAMPLE.name)
    out = tmp_path / "out"
    result = run("build", "2562-04", "--data", str(data), "--out", str(out))
    assert result.returncode == 0, result.stderr
    return data, out


def test_a_kernel_that_dies(tmp_path):
    import nbformat

    data, out = _good_build(tmp_path)
    before = tree(out / "2562-04")
    nb = nbformat.read(ROOT / "notebooks" / "briefing.ipynb", as_version=4)
    nb.cells.insert(3, nbformat.v4.new_code_cell("import os\nos._exit(9)"))
    bad = tmp_path / "dies.ipynb"
    nbformat.write(nb, bad)
    result = run(
        "build",
        "2562-04",
        "--data",
        str(data),
        "--out",
        str(out),
        "--force",
        env={**os.environ, "CDDBRIEF_NOTEBOOK": str(bad)},
    )
    assert result.returncode == 1
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith("cddbrief:")]
    assert len(lines) == 1 and "kernel" in lines[0].lower()
    assert "Traceback" not in result.stderr
    after = tree(out / "2562-04")
    assert {k: v for k, v in after.items() if not k.endswith("failed.ipynb")} == before


def test_an_output_folder_that_cannot_be_written(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the output folder should be", encoding="utf-8")
    result = run("build", str(SAMPLE), "--out", str(blocker))
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert "cannot create the output folder" in result.stderr and "--out" in result.stderr
    assert blocker.read_text(encoding="utf-8") == "a file where the output folder should be"


def test_a_full_disk(tmp_path, monkeypatch):
    """Writing the brief fails with ENOSPC: one clear error, the old brief untouched, no debris."""
    from cddbrief import report
    from cddbrief.errors import CddbriefError

    data, out = _good_build(tmp_path)
    before = tree(out / "2562-04")
    real = Path.write_text

    def full(self, *args, **kwargs):
        if self.name == "brief.html":
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", full)
    with pytest.raises(CddbriefError) as caught:
        report.build("2562-04", data_dir=data, out_dir=out, force=True, say=lambda _: None)
    assert "No space left on device" in str(caught.value) and caught.value.exit_status == 2
    assert tree(out / "2562-04") == before
    assert not [p for p in (out / "2562-04").iterdir() if p.name.startswith(".build-")]


def test_a_disk_that_fills_while_the_manifest_is_written(tmp_path, monkeypatch):
    """ENOSPC while ``.brief.json`` is written: the error says nothing was replaced, and that is true
    (the new files are not renamed into place before the manifest is written), and no temp file stays."""
    from cddbrief import report
    from cddbrief.errors import CddbriefError

    data, out = _good_build(tmp_path)
    before = tree(out / "2562-04")
    real = Path.write_text

    def full(self, *args, **kwargs):
        if self.name.startswith(".brief") and self.name.endswith(".tmp"):
            real(self, "{", encoding="utf-8")  # a part written, then the disk is full
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", full)
    with pytest.raises(CddbriefError) as caught:
        report.build("2562-04", data_dir=data, out_dir=out, force=True, say=lambda _: None, as_of="2019-04-20")
    assert "No space left on device" in str(caught.value) and caught.value.exit_status == 2
    assert tree(out / "2562-04") == before  # brief.html, brief.ipynb and .brief.json as they were
    assert [
        p.name for p in (out / "2562-04").iterdir() if p.name.startswith(".build-") or p.name.endswith(".tmp")
    ] == []


def test_two_builds_of_one_meeting_at_once(tmp_path):
    data = tmp_path / "raw"
    data.mkdir()
    shutil.copy(SAMPLE, data / SAMPLE.name)
    out = tmp_path / "out"
    args = [*CLI, "build", "2562-04", "--data", str(data), "--out", str(out), "--force"]
    first = subprocess.Popen(args, stderr=subprocess.PIPE, text=True)
    time.sleep(0.5)
    second = subprocess.Popen(args, stderr=subprocess.PIPE, text=True)
    errors = [p.communicate(timeout=300)[1] for p in (first, second)]
    assert first.returncode == 0 and second.returncode == 0, errors
    assert any("waiting for another build" in e for e in errors)
    html = (out / "2562-04" / "brief.html").read_text(encoding="utf-8")
    assert html.rstrip().endswith("</html>") and "15,804,000 บาท" in html
    assert not [p for p in (out / "2562-04").iterdir() if p.name.startswith(".build-")]


def test_an_interrupted_batch_leaves_no_partial_files(tmp_path):
    """Ctrl-C while builds are under way: signalled once a state is reached (two kernels running and
    a .build-* folder), never after a sleep, so load cannot make it flaky (tests/test_faults.py)."""
    from test_faults import running, start_batch, until

    data = tmp_path / "raw"
    data.mkdir()
    for seed in range(4):
        (data / f"m{seed}.txt").write_text(
            docgen.render_dump(docgen.meeting(docgen.random.Random(seed))), encoding="utf-8"
        )
    out = tmp_path / "out"
    process, seen = start_batch(data, out)
    os.killpg(process.pid, signal.SIGINT)
    _, stderr = process.communicate(timeout=180)
    assert process.returncode == 130 and stderr == "cddbrief: interrupted\n", stderr
    until(lambda: not running(seen), 60, "every worker and kernel ended")
    debris = [p for p in out.rglob("*") if p.name.startswith(".build-") or p.name.endswith(".tmp")]
    assert debris == []
    for brief in out.rglob("brief.html"):
        assert brief.read_text(encoding="utf-8").rstrip().endswith("</html>")  # whole, or not there


def test_reliability_doc_is_current():
    """docs/RELIABILITY.md's table of bad input is the one tools/reliability_table.py makes from the cases."""
    sys.path.insert(0, str(ROOT / "tools"))
    import reliability_table

    doc = (ROOT / "docs" / "RELIABILITY.md").read_text(encoding="utf-8")
    for table in reliability_table.TABLES:  # bad input; settings; stops, folders, names, clusters
        assert table() in doc, table.__name__
    cases = len(reliability_cases.cases())
    assert f"{cases} cases × 2 commands = {2 * cases} runs" in doc


def test_same_inputs_give_the_same_bytes_pdf_included(tmp_path):
    """Two builds with SOURCE_DATE_EPOCH: the same HTML, notebook and PDF, byte for byte."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1556668800"}  # 2019-05-01
    outs = []
    for n in (1, 2):
        out = tmp_path / f"out{n}"
        result = run("build", str(SAMPLE), "--out", str(out), "--format", "html,pdf", env=env)
        assert result.returncode == 0, result.stderr
        outs.append(out / "2562-04")
    for name in ("brief.html", "brief.ipynb", "brief.pdf"):
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name
    assert "2019-05-01 00:00 UTC" in (outs[0] / "brief.html").read_text(encoding="utf-8")
