"""Errors a caller can catch by kind: each cause its own CddbriefError subclass, problem and remedy kept;
a remedy names the settings to change by their neutral names, which each front end says its own way."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest
from conftest import SAMPLE

from cddbrief import cli, errors
from cddbrief.cli import in_option_terms
from cddbrief.corpus import resolve
from cddbrief.meeting import parse_document, parse_meeting_id, read_meeting
from cddbrief.notebooks import PARAMETERS, in_parameter_terms, parameter_errors
from cddbrief.sources import read_bytes

TABLE = "\tที่\n\tประเด็น\n\tข้อสั่งการ\n\n\t1\n\tOTOP\n\t1. ให้จังหวัดรายงานผล 5 กลุ่ม\n\t\n\n"


@pytest.mark.parametrize(
    "kind, call",
    [
        (errors.UnreadableSource, lambda tmp: read_meeting(tmp / "missing.txt")),
        (errors.UnreadableSource, lambda tmp: read_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64), "x.txt")),
        (errors.UnreadableSource, lambda tmp: read_bytes(b"PK\x03\x04 not a zip", "x.docx")),
        (errors.UnreadableSource, lambda tmp: read_bytes(b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n", "x.pdf")),
        (
            errors.NotAWriteUp,
            lambda tmp: parse_document(
                read_bytes("ขอขอบคุณทุกท่านที่มาร่วมงาน ครั้งที่ 2/2565\nภาพบรรยากาศ\n".encode(), "x.txt")
            ),
        ),
        (errors.NoMeetingNumber, lambda tmp: parse_document(read_bytes(TABLE.encode(), "x.txt"))),
        (errors.BadMeetingId, lambda tmp: parse_meeting_id("13/2499")),
        (errors.UnknownMeeting, lambda tmp: resolve("5/2562", SAMPLE.parent)),
    ],
)
def test_each_cause_has_its_kind(kind, call, tmp_path):
    with pytest.raises(kind) as raised:
        call(tmp_path)
    assert isinstance(raised.value, errors.CddbriefError) and raised.value.exit_status == 2
    assert raised.value.problem and raised.value.remedy  # what is wrong, and what to do


def test_two_documents_of_one_meeting_are_ambiguous(tmp_path):
    (tmp_path / "a.txt").write_bytes(SAMPLE.read_bytes())
    (tmp_path / "b.txt").write_text(
        SAMPLE.read_text(encoding="utf-8").replace("อำเภอเสริมงาม", "อำเภอแม่ทะ"), encoding="utf-8"
    )
    with pytest.raises(errors.AmbiguousMeeting) as raised:
        resolve("4/2562", tmp_path)
    assert raised.value.settings == (errors.Setting("office", "เสริมงาม"),)


def test_a_bad_setting_and_an_unwritable_output(tmp_path, monkeypatch):
    from cddbrief import report

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "abc")
    with pytest.raises(errors.BadSetting):
        report.source_date_epoch()
    blocker = tmp_path / "out"
    blocker.write_text("a file where the output folder should be")
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    with pytest.raises(errors.OutputNotWritable):
        report.build(str(SAMPLE), out_dir=str(blocker / "sub"), say=lambda _: None)


def test_a_failing_cell_exits_1():
    assert errors.CellFailed("x").exit_status == 1 and issubclass(errors.CellFailed, errors.CddbriefError)


# --- words for the front ends ------------------------------------------------------------------------

LIB = Path(errors.__file__).parent
FLAG = re.compile(r"(?<![\w!<-])--[a-z]")  # --data, --office; not <!--cddbrief, not a-b--c


def flags_in_words(source: str) -> list[tuple[int, str]]:
    """(line, text) of every string literal of a module that names a command-line option in words:
    docstrings are left out, and so is a string without a space (``"--kernel"``: a program's argument)."""
    tree = ast.parse(source)
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
        and " " in node.value and FLAG.search(node.value)
    ]  # fmt: skip


def test_the_scan_finds_an_option_in_words_and_nothing_else():
    made_up = (
        '"""Build with ``cddbrief build --all``."""\n'
        "def f(path):\n"
        '    """Said with --force."""\n'
        '    argv = ["tesseract", "--list-langs"]\n'
        '    bar = "<!--cddbrief:site-->"\n'
        '    raise BadSetting(f"no data folder {path}", f"give the folder with --data DIR, not {path}")\n'
    )
    assert flags_in_words(made_up) == [(6, "give the folder with --data DIR, not ")]


def test_no_library_words_name_a_command_line_option():
    """Only the command line says ``--data DIR``: the library names the setting (``data_dir``)."""
    found = [
        f"{path.relative_to(LIB)}:{line}: {text!r}"
        for path in sorted(LIB.rglob("*.py"))
        if path != LIB / "cli.py"
        for line, text in flags_in_words(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def settings_named_in_lib() -> set[str]:
    """Every setting name a library error gives: ``settings="data_dir"``, ``Setting("office", …)``,
    and the names in a ``settings = (…)`` chosen before the raise."""
    names = set()
    for path in LIB.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                names |= {n for k in node.keywords if k.arg == "settings" for n in _names(k.value)}
                if getattr(node.func, "id", None) == "Setting":
                    names |= _names(node)
            elif isinstance(node, ast.Assign | ast.AnnAssign):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                if any(getattr(t, "id", None) == "settings" for t in targets) and node.value is not None:
                    names |= _names(node.value)
    return names


def _names(value: ast.expr) -> set[str]:
    """The setting names in a ``settings`` value: a name, a ``Setting(name, …)``, or a tuple of them."""
    if isinstance(value, ast.Constant) and isinstance(value.value, str):
        return {value.value}
    if isinstance(value, ast.Tuple | ast.List):
        return {n for element in value.elts for n in _names(element)}
    if isinstance(value, ast.Call) and getattr(value.func, "id", None) == "Setting" and value.args:
        return _names(value.args[0])
    return set()


def test_every_setting_an_error_names_has_an_option_and_each_parameter_is_a_notebooks():
    named = settings_named_in_lib()
    assert {"data_dir", "office", "meeting", "lang", "source", "out_dir", "as_of", "scheduler"} <= named
    assert named - set(cli.OPTIONS) == set()
    options = {o for action in _actions(cli._parser()) for o in action.option_strings}
    assert {option for option, _ in cli.OPTIONS.values() if option} <= options
    from cddbrief.notebooks import path

    parameters = set()
    for name in ("briefing", "trends"):
        cells = json.loads(path(name).read_text(encoding="utf-8"))["cells"]
        cell = next(c for c in cells if "parameters" in c["metadata"].get("tags", []))
        parameters |= {m.group(1) for m in re.finditer(r"^(\w+)\s*:", "".join(cell["source"]), re.M)}
    assert set(PARAMETERS) == parameters


def _actions(parser):
    for action in parser._actions:
        yield action
        for sub in (action.choices or {}).values() if hasattr(action, "_name_parser_map") else ():
            yield from _actions(sub)


def test_a_setting_unknown_to_a_front_end_is_said_as_the_library_says_it():
    settings = (errors.Setting("jobs", "2"), errors.Setting("data_dir"))
    assert in_option_terms(settings) == "set jobs='2', --data DIR"
    assert (
        in_parameter_terms(settings) == "set jobs='2', -p data_dir DIR; in Jupyter: set data_dir in the parameters cell"
    )
    error = errors.CddbriefError("x", settings="force")
    assert (str(error), error.said(in_option_terms)) == ("x (set force)", "x (--force)")


def _no_data_folder(tmp, monkeypatch):
    monkeypatch.chdir(tmp)
    monkeypatch.delenv("CDDBRIEF_DATA", raising=False)
    resolve("4/2562")


def _two_offices(tmp):
    (tmp / "a.txt").write_bytes(SAMPLE.read_bytes())
    text = SAMPLE.read_text(encoding="utf-8").replace("อำเภอเสริมงาม", "อำเภอแม่ทะ")
    (tmp / "b.txt").write_text(text, encoding="utf-8")
    return tmp


def _folder_taken(tmp):
    from cddbrief.report import claim_folder

    folder = tmp / "2562-04"
    folder.mkdir()
    claim_folder(folder, {"meeting": "2562-04", "office": "สพอ.ก", "sha256": "1" * 64, "file": "a.txt"})
    claim_folder(folder, {"meeting": "2562-04", "office": "สพอ.ข", "sha256": "2" * 64, "file": "b.txt"})


def _bad_lang(tmp):
    from cddbrief.report import plan

    plan(str(SAMPLE), lang="fr", out_dir=str(tmp))


@pytest.mark.parametrize("kind, call, library, command_line, notebook", [
    (errors.BadSetting, _no_data_folder, "(set data_dir)", "(--data DIR)",
     "(-p data_dir DIR; in Jupyter: set data_dir in the parameters cell)"),
    (errors.UnknownMeeting, lambda tmp, mp: resolve("5/2562", SAMPLE.parent), "(set source, data_dir)",
     "(SOURCE, --data DIR)",
     "(-p source FILE, -p data_dir DIR; in Jupyter: set source and data_dir in the parameters cell)"),
    (errors.BadSetting, lambda tmp, mp: _bad_lang(tmp), "(set lang='th', lang='en')", "(--lang th, --lang en)",
     "(-p lang th, -p lang en; in Jupyter: set lang in the parameters cell)"),
    (errors.AmbiguousMeeting, lambda tmp, mp: resolve("4/2562", _two_offices(tmp)), "(set office='เสริมงาม')",
     "(--office เสริมงาม)", "(-p office เสริมงาม; in Jupyter: set office in the parameters cell)"),
    (errors.FolderTaken, lambda tmp, mp: _folder_taken(tmp), "or give another output folder (set office, out_dir)",
     "or give another output folder (--office NAME, --out DIR)",
     "or give another output folder (-p office NAME, -p out_dir DIR; "
     "in Jupyter: set office and out_dir in the parameters cell)"),
])  # fmt: skip
def test_one_error_said_by_each_front_end(kind, call, library, command_line, notebook, tmp_path, monkeypatch):
    """One error object: the library's words name the setting, the command line its option, a notebook its
    parameter; each says what is wrong and what to do in one line, and none names another's words."""
    with pytest.raises(kind) as raised:
        call(tmp_path, monkeypatch)
    error = raised.value
    with pytest.raises(kind) as in_notebook, parameter_errors():
        raise error
    words = {"library": str(error), "command line": error.said(in_option_terms), "notebook": str(in_notebook.value)}
    for front, expected in (("library", library), ("command line", command_line), ("notebook", notebook)):
        said = words[front]
        assert said.startswith(f"{error.problem}: {error.remedy} (") and said.endswith(expected) and "\n" not in said
    assert "--" not in words["library"] and "--" not in words["notebook"] and "-p " not in words["command line"]
    assert in_notebook.value.detail == error.detail and in_notebook.value.problem == error.problem
    assert str(error) == words["library"]  # the notebook's words are its own copy's: the error is as it was


def test_no_data_folder_says_where_it_looked_in_every_front_end(tmp_path, monkeypatch):
    with pytest.raises(errors.BadSetting) as raised:
        _no_data_folder(tmp_path, monkeypatch)
    assert raised.value.problem == f"no data folder data/raw (none in {tmp_path} or the folders above it)"
    (tmp_path / "elsewhere").mkdir()
    with pytest.raises(errors.BadSetting) as given:
        resolve("4/2562", tmp_path / "elsewhere" / "data")  # a folder given, not found: only its name
    assert given.value.problem == f"no data folder {tmp_path / 'elsewhere' / 'data'}"


@pytest.mark.parametrize("argv, expected", [
    (["parse", "4/2562"], "cddbrief: no data folder data/raw (none in {tmp} or the folders above it): "
                          "give the folder of meeting write-ups (--data DIR)\n"),
    (["parse", "5/2562", "--data", str(SAMPLE.parent)], "give one of those ids, or the folder that holds the meeting "
                                                         "(SOURCE, --data DIR)\n"),
    (["parse", "4/2562", "--data", "{tmp}"], "choose one by its office (--office เสริมงาม)\n"),
    (["export", "{tmp}/a.txt", "--to", "json", "--as-of", "2563-03-10"],
     "cddbrief: the day to count from, 2563-03-10, is in a Buddhist-era year: write the Gregorian year "
     "(--as-of 2020-03-10)\n"),
])  # fmt: skip
def test_the_command_line_says_its_options(argv, expected, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(_two_offices(tmp_path))
    monkeypatch.delenv("CDDBRIEF_DATA", raising=False)
    status = cli.main([a.replace("{tmp}", str(tmp_path)) for a in argv])
    err = capsys.readouterr().err
    first = err.splitlines(keepends=True)[0]
    assert status == 2 and first.endswith(expected.replace("{tmp}", str(tmp_path))), err
    assert "set " not in first and "-p " not in first


def test_a_notebooks_words_leave_the_error_it_was_given_as_it_was_with_dask_loaded():
    """dask installs tblib's way of pickling exceptions; a copy made through it shared the original's
    attributes, so after a cluster build the library's own errors spoke in a notebook's words."""
    pytest.importorskip("tblib.pickling_support").install()
    error = errors.UnknownMeeting("ไม่พบการประชุม 9/2562", "give the folder that holds it", settings="data_dir")
    with pytest.raises(errors.UnknownMeeting) as in_notebook, parameter_errors():
        raise error
    assert str(in_notebook.value).endswith("(-p data_dir DIR; in Jupyter: set data_dir in the parameters cell)")
    assert str(error).endswith("(set data_dir)") and in_notebook.value is not error
