"""The command line as a user meets it: real subprocesses, exit codes, one-line errors."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SAMPLE, run_cli

from cddbrief.filekinds import FORMS


@pytest.fixture()
def data_dir(tmp_path):
    folder = tmp_path / "raw"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / SAMPLE.name)
    return folder


def test_parse_json_of_a_file():
    result = run_cli("parse", str(SAMPLE), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["meeting"]["id"] == "2562-04"
    assert data["source"]["sha256"] == "cd915896670c298fdbe188e593f26a8c78f1599eb5567a094898afb77fa0501c"
    assert (data["source"]["format"], data["source"]["encoding"]) == ("txt", "utf-8")
    assert [i["topic"] for i in data["items"]][:2] == ["OTOP", "กองทุนพัฒนาบทบาทสตรี"]
    assert set(data) >= {"meeting", "source", "items", "quantities", "dates", "checks", "notes"}
    assert set(data["quantities"][0]) >= {"item", "directive", "value", "unit", "unit_key", "entity", "per", "surface"}
    assert set(data["dates"][0]) >= {"item", "directive", "start", "end", "precision", "year_inferred", "surface"}
    assert set(data["checks"][0]) >= {"item", "kind", "operands", "total", "actual", "holds", "statement"}


@pytest.mark.parametrize("meeting_id", ["4/2562", "4/62", "2562-04", "๔/๒๕๖๒"])
def test_parse_by_any_form_of_meeting_id(data_dir, meeting_id):
    result = run_cli("parse", meeting_id, "--data", str(data_dir), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["meeting"]["office"] == "สำนักงานพัฒนาชุมชนอำเภอเสริมงาม"


def test_parse_summary_is_readable():
    result = run_cli("parse", str(SAMPLE))
    assert result.returncode == 0
    assert "ครั้งที่ 4/2562" in result.stdout
    assert "878 หมู่บ้าน × 18,000 บาท = 15,804,000 บาท" in result.stdout


def one_line_error(result, *words):
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in lines[0]


def test_unknown_meeting_names_those_that_exist(data_dir):
    one_line_error(run_cli("parse", "5/2562", "--data", str(data_dir)), "no meeting 5/2562", "2562-04")


def test_two_offices_for_one_meeting(data_dir):
    text = SAMPLE.read_text(encoding="utf-8").replace("อำเภอเสริมงาม", "อำเภอแม่ทะ")
    (data_dir / "other.txt").write_text(text, encoding="utf-8")
    result = run_cli("parse", "4/2562", "--data", str(data_dir))
    first, *below = result.stderr.rstrip("\n").split("\n")  # the line, then each candidate under it
    assert result.returncode == 2 and all(w in first for w in ("2 documents", "เสริมงาม", "แม่ทะ", "--office"))
    assert [line.rsplit("/", 1)[-1] for line in below] == [
        "000_624796c269e36bce.txt (sha256 cd9158)",
        "other.txt (sha256 d04126)",
    ]
    chosen = run_cli("parse", "4/2562", "--data", str(data_dir), "--office", "แม่ทะ", "--json")
    assert json.loads(chosen.stdout)["meeting"]["district"] == "แม่ทะ"


@pytest.mark.parametrize(
    "args, words",
    [
        (["parse", "missing.txt"], ["no such file"]),
        (["parse", "0/2562"], ["meeting number"]),
        (["parse", "9/2499"], ["2499"]),
        (["parse"], ["required"]),
        (["frobnicate"], ["invalid choice"]),
    ],
)
def test_usage_and_input_errors(args, words):
    one_line_error(run_cli(*args), *words)


def test_bad_files(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "pic.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (tmp_path / "english.txt").write_text("Minutes of the meeting\n\tNo\n\tTopic\n", encoding="utf-8")
    (tmp_path / "fake.docx").write_text("not a zip", encoding="utf-8")
    (tmp_path / "noheader.txt").write_text("\tที่\n\tประเด็น\n\tข้อสั่งการ\n\n\t1\n\tOTOP\n\tให้รายงานผล\n", encoding="utf-8")
    one_line_error(run_cli("parse", str(tmp_path / "empty.txt")), "empty")
    one_line_error(run_cli("parse", str(tmp_path / "pic.txt")), "PNG")
    one_line_error(run_cli("parse", str(tmp_path / "english.txt")), "no Thai")
    one_line_error(run_cli("parse", str(tmp_path / "fake.docx")), "not a Word")
    # parse reads a write-up without a number (its id empty); export, like build, asks for --meeting
    read = run_cli("parse", str(tmp_path / "noheader.txt"), "--json")
    assert read.returncode == 0 and json.loads(read.stdout)["meeting"]["id"] is None
    one_line_error(
        run_cli("export", str(tmp_path / "noheader.txt"), "--to", "json", "--out", str(tmp_path / "out")),
        "meeting number",
        "--meeting",
    )
    one_line_error(run_cli("parse", str(tmp_path)), "folder")
    rescued = run_cli("parse", str(tmp_path / "noheader.txt"), "--meeting", "4/2562", "--json")
    assert rescued.returncode == 0 and json.loads(rescued.stdout)["meeting"]["id"] == "2562-04"


def test_extract_from_argument_and_stdin():
    result = run_cli("extract", "เป้าหมาย 121,150 ครัวเรือน ภายใน 24 เม.ย. 62", "--json")
    data = json.loads(result.stdout)
    assert [(q["value"], q["unit"]) for q in data["quantities"]] == [(121150, "ครัวเรือน")]
    assert [d["start"] for d in data["dates"]] == ["2019-04-24"]
    piped = run_cli("extract", "-", "--json", stdin="ประชุมครั้งที่ 4/2562")
    assert json.loads(piped.stdout)["meetings"] == [{"number": 4, "year_be": 2562}]


def test_parse_does_not_load_pandas_or_jupyter():
    code = (
        "import sys, io, contextlib\n"
        "from cddbrief.cli import main\n"
        f"with contextlib.redirect_stdout(io.StringIO()): main(['parse', {str(SAMPLE)!r}, '--json'])\n"
        "print(sorted(m for m in ('pandas', 'matplotlib', 'papermill', 'nbconvert', 'docx') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "[]", out.stderr


def test_console_script_is_installed():
    exe = Path(sys.executable).parent / "cddbrief"
    result = subprocess.run([str(exe), "--version"], capture_output=True, text=True, timeout=60)
    assert result.stdout.startswith("cddbrief ")


def test_extract_reads_at_most_the_limit_from_stdin():
    """`extract -` stops reading past the size limit and says so: one line, exit 2 (it used to read all of stdin)."""
    import subprocess
    import sys

    from cddbrief.sources import MAX_BYTES

    result = subprocess.run([sys.executable, "-m", "cddbrief.cli", "extract", "-"], input=b"\x00" * (MAX_BYTES + 4096),
                            capture_output=True, timeout=120)  # fmt: skip
    assert result.returncode == 2 and b"more than 10 MB" in result.stderr and result.stderr.count(b"\n") == 1


@pytest.mark.parametrize(
    "args, words",
    [
        (["build", str(SAMPLE), "--as-of", "2563-03-10"], ["Buddhist-era", "--as-of 2020-03-10"]),
        (["build", str(SAMPLE), "--as-of", "10/3/2020"], ["not a day written YYYY-MM-DD", "(--as-of 2020-03-10)"]),
        (["build", str(SAMPLE), "--as-of", "2020-02-30"], ["not a day of the calendar", "(--as-of 2020-03-10)"]),
        (["build", "--trends", "--as-of", "2020-03-10"], ["--as-of goes with briefs"]),
        (
            ["build", str(SAMPLE), "--format", "docx"],
            ["unknown format docx", "use html, pdf or both (--format html,pdf)"],
        ),
        (["build", "--all", "--format", "html,docx"], ["unknown format in 'html,docx'", "xlsx, csv, json, ics"]),
        (["build", "--trends", "--format", "xlsx"], ["unknown format xlsx"]),
    ],
)
def test_build_settings_are_one_line(args, words, tmp_path):
    one_line_error(run_cli(*args, "--out", str(tmp_path / "out")), *words)
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").rglob("brief*"))


def test_build_as_of_counts_from_that_day_and_is_part_of_the_key(data_dir, tmp_path):
    out = tmp_path / "out"
    first = run_cli("build", "4/2562", "--data", str(data_dir), "--out", str(out))
    assert first.returncode == 0, first.stderr
    counted = run_cli("build", "4/2562", "--data", str(data_dir), "--out", str(out), "--as-of", "2019-04-20")
    assert counted.returncode == 0 and "wrote" in counted.stderr, counted.stderr  # not "up to date": another brief
    html = (out / "2562-04" / "brief.html").read_text(encoding="utf-8")
    assert "20 เม.ย. 2562" in html and "วันที่ผู้ใช้กำหนด" in html
    notebook = json.loads((out / "2562-04" / "brief.ipynb").read_text(encoding="utf-8"))
    assert notebook["metadata"]["papermill"]["parameters"]["as_of"] == "2019-04-20"
    again = run_cli("build", "4/2562", "--data", str(data_dir), "--out", str(out), "--as-of", "2019-04-20")
    assert "up to date" in again.stderr


def test_help_names_every_form_read():
    """`--help` of the program and of each command that takes a SOURCE names every suffix the catalogue reads
    (it said `.txt/.docx`), from store.SOURCE_SUFFIXES; and `build --help` points exports to `export`."""
    from cddbrief.store import SOURCE_SUFFIXES

    top = run_cli("--help")
    assert top.returncode == 0 and all(s in top.stdout for s in SOURCE_SUFFIXES), top.stdout
    for command in ("parse", "build", "export"):
        text = run_cli(command, "--help").stdout
        assert ".txt/.docx" not in text
        assert all(s in text for s in SOURCE_SUFFIXES), (command, text)
    assert "cddbrief export SOURCE --to xlsx" in " ".join(run_cli("build", "--help").stdout.split())


@pytest.mark.parametrize(
    "name, content, words",
    [
        (
            "งบประมาณ.xlsx",
            b"PK\x03\x04" + b"\0" * 64,
            ["งบประมาณ.xlsx is a spreadsheet", "export the write-up itself (.txt, .docx, .pdf, .html"],
        ),
        ("งบ.xls", b"\xd0\xcf\x11\xe0" + b"\0" * 64, ["งบ.xls is a spreadsheet", "export the write-up itself"]),
        ("ตาราง.csv", "ที่,ประเด็น\n1,OTOP\n".encode(), ["ตาราง.csv is a spreadsheet"]),
        ("ตาราง.ods", b"PK\x03\x04" + b"\0" * 64, ["is a spreadsheet"]),
        ("บันทึก.doc", b"\xd0\xcf\x11\xe0" + b"\0" * 64, ["old Word (.doc)", "save it as .docx"]),
        ("สไลด์.pptx", b"PK\x03\x04" + b"\0" * 64, ["is a presentation", "export the write-up itself"]),
        ("ภาพ.jpg", b"\xff\xd8\xff" + b"\0" * 64, ["is a picture", "not a picture of it"]),
    ],
    ids=["xlsx", "xls", "csv", "ods", "doc", "pptx", "jpg"],
)
def test_known_non_writeups_get_their_own_advice(tmp_path, name, content, words):
    """A spreadsheet was told 'name it .docx if it is a Word document'; now each known kind is named with what to do."""
    (tmp_path / name).write_bytes(content)
    result = run_cli("parse", str(tmp_path / name))
    one_line_error(result, *words)
    assert "name it .docx" not in result.stderr


def test_a_workbook_under_another_name_is_told_apart_by_its_parts(tmp_path):
    """A workbook saved as .txt was 'a zip archive (perhaps a .docx)': told to be renamed .docx."""
    import openpyxl

    book = openpyxl.Workbook()
    book.active["A1"] = "ประเด็น"
    book.save(tmp_path / "สรุป.txt")
    result = run_cli("parse", str(tmp_path / "สรุป.txt"))
    one_line_error(result, "สรุป.txt is a spreadsheet, not a meeting write-up", "export the write-up itself")
    assert ".docx if it is" not in result.stderr


@pytest.mark.parametrize("kinds", ["xlsx", "csv", "json", "ics", "html,xlsx"])
def test_build_refuses_an_export_kind_pointing_to_export(kinds, tmp_path):
    result = run_cli("build", str(SAMPLE), "--format", kinds, "--out", str(tmp_path / "out"))
    wanted = kinds.replace("html,", "")
    one_line_error(result, f"--format {wanted} is an export", f"cddbrief export {SAMPLE} --to {wanted}")
    assert not (tmp_path / "out").exists()


def test_ambiguity_is_a_short_line_with_the_candidates_below(data_dir):
    """The ambiguity error was one line of every office, file and digest (600 characters with long paths):
    now a short first line says what is wrong and what to do, each candidate on a line below it."""
    text = SAMPLE.read_text(encoding="utf-8")
    districts = ["แม่ทะ", "เกาะคา", "ห้างฉัตร", "เมืองปาน", "งาว", "แจ้ห่ม", "วังเหนือ", "เถิน", "แม่พริก", "สบปราบ", "แม่เมาะ"]
    for n, district in enumerate(districts):
        named = data_dir / f"{n:02d}_a_long_file_name_as_offices_send_them.txt"
        named.write_text(text.replace("อำเภอเสริมงาม", f"อำเภอ{district}"), encoding="utf-8")
    result = run_cli("parse", "4/2562", "--data", str(data_dir))
    assert result.returncode == 2 and result.stdout == "" and "Traceback" not in result.stderr
    first, *below = result.stderr.rstrip("\n").split("\n")
    assert (
        first.startswith("cddbrief: meeting 4/2562 has 12 documents, from ")
        and "choose one by its office (--office " in first
    )
    assert "เสริมงาม" in first and "แม่เมาะ" in first and ".txt" not in first and len(first) < 250
    assert len(below) == 10 and below[-1].startswith("  … and 3 more") and "--verbose" in below[-1]
    assert "สำนักงานพัฒนาชุมชนอำเภอ" in below[0] and "sha256" in below[0]
    every = run_cli("--verbose", "parse", "4/2562", "--data", str(data_dir))
    lines = every.stderr.rstrip("\n").split("\n")
    assert every.returncode == 2 and len(lines) == 13 and sum(".txt (sha256 " in line for line in lines[1:]) == 12
    assert run_cli("parse", "4/2562", "--data", str(data_dir), "-v").stderr == every.stderr  # after the command too
    chosen = run_cli("parse", "4/2562", "--data", str(data_dir), "--office", "แม่เมาะ", "--json")
    assert json.loads(chosen.stdout)["meeting"]["district"] == "แม่เมาะ"


def test_unknown_meeting_among_many_gives_the_range_then_every_id(tmp_path):
    folder = tmp_path / "raw"
    folder.mkdir()
    text = SAMPLE.read_text(encoding="utf-8")
    for number in range(1, 13):
        (folder / f"m{number}.txt").write_text(text.replace("4/256๒", f"{number}/2561"), encoding="utf-8")
    result = run_cli("parse", "12/2562", "--data", str(folder))
    first, *below = result.stderr.rstrip("\n").split("\n")
    assert result.returncode == 2 and "no meeting 12/2562" in first and "12 meetings there, 2561-01 to 2561-12" in first
    assert below == ["  " + ", ".join(f"2561-{n:02d}" for n in range(1, 11)), "  2561-11, 2561-12"]  # ten a line


def test_list_of_a_folder_without_writeups_says_what_it_skipped(tmp_path):
    """`list` on a folder of spreadsheets and pictures said "0 meeting write-up(s)" and nothing else."""
    folder = tmp_path / "raw"
    folder.mkdir()
    (folder / "งบประมาณ.xlsx").write_bytes(b"PK\x03\x04" + b"\0" * 64)
    (folder / "บันทึก.doc").write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 64)
    (folder / "ภาพ.png").write_bytes(b"\x89PNG" + b"\0" * 64)
    (folder / "notes.md").write_text("# notes\n", encoding="utf-8")
    (folder / "ว่าง.txt").write_bytes(b"")
    (folder / "~$lock.docx").write_bytes(b"x")  # Word's lock file: not the user's, not mentioned
    result = run_cli("list", "--data", str(folder))
    assert result.returncode == 0, result.stderr  # the folder was read
    out = result.stdout
    assert "0 meeting write-up(s)" in out and "1 could not be read; 4 skipped, not write-ups:" in out
    assert "skipped งบประมาณ.xlsx: a spreadsheet, not a meeting write-up: export the write-up itself" in out
    assert "skipped บันทึก.doc: an old Word (.doc) file" in out and "skipped ภาพ.png: a picture" in out
    assert f"skipped notes.md: not a form cddbrief reads ({FORMS})" in out
    assert "  ว่าง.txt: is empty: give a meeting summary as .txt, .docx" in out and "~$lock" not in out
    assert "none of its files is a meeting write-up" in out
    data = json.loads(run_cli("list", "--data", str(folder), "--json").stdout)
    assert data["meetings"] == [] and [s["file"].rsplit("/", 1)[-1] for s in data["skipped"]] == sorted(
        ["notes.md", "บันทึก.doc", "ภาพ.png", "งบประมาณ.xlsx"]
    )


def test_list_with_writeups_mentions_skipped_files_too(data_dir):
    (data_dir / "สรุป.xlsx").write_bytes(b"PK\x03\x04" + b"\0" * 64)
    out = run_cli("list", "--data", str(data_dir)).stdout
    assert (
        "1 meeting write-up(s)" in out
        and "1 skipped, not write-ups:" in out
        and "skipped สรุป.xlsx: a spreadsheet" in out
    )
    assert "none of its files" not in out


def test_build_all_of_a_folder_without_writeups_names_the_forms_and_list(tmp_path):
    folder = tmp_path / "raw"
    folder.mkdir()
    (folder / "งบประมาณ.xlsx").write_bytes(b"PK\x03\x04" + b"\0" * 64)
    result = run_cli("build", "--all", "--data", str(folder), "--out", str(tmp_path / "out"))
    one_line_error(
        result,
        f"no meeting write-ups ({FORMS}) in {folder}: list it to see why each file was skipped",
        "give the folder of meeting write-ups (--data DIR)",
    )


def test_each_command_says_what_it_does_and_takes_verbose():
    for command in ("parse", "build", "list", "export", "actions", "extract"):
        text = run_cli(command, "--help").stdout
        assert "-v, --verbose" in text and text.split("\n\n")[1].strip().endswith("."), (command, text)
