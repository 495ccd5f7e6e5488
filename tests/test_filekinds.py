"""File kinds in one table (``filekinds.KINDS``): the catalogue lists what the readers read and
nothing else, a file whose name says another kind than its bytes is read as its bytes show (in a
note) or refused in one clear line, and the help names every kind."""

from __future__ import annotations

import inspect
import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from conftest import SAMPLE, run_cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cddbrief import filekinds
from cddbrief.errors import CddbriefError, UnreadableSource
from cddbrief.filekinds import FORMS, HELP, KINDS, SOURCE_SUFFIXES, kind_of_name, sniffed
from cddbrief.meeting import parse_document
from cddbrief.model import SOURCE_FORMATS
from cddbrief.sources import read_bytes, read_source, reader_of

EXPORT = Path(__file__).parent / "data" / "sample-export"
SAMPLES = {  # one write-up of each kind (the same meeting, 4/2562, in four forms)
    "txt": SAMPLE,
    "docx": EXPORT / "sample.docx",
    "pdf": EXPORT / "sample.pdf",
    "html": EXPORT / "sample.html",
}
INFERRED = "as its bytes show, though its name says"


def _zip(**parts: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, text in parts.items():
            package.writestr(name.replace("__", "/"), text)
    return buffer.getvalue()


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("CDDBRIEF_CACHE", str(tmp_path / "cache"))


def test_the_table_is_whole_and_every_name_derives_from_it():
    assert set(SAMPLES) == {kind.name for kind in KINDS} == set(SOURCE_FORMATS)  # the model's words are the kinds'
    suffixes = [suffix for kind in KINDS for suffix in kind.suffixes]
    assert len(suffixes) == len(set(suffixes)) and list(SOURCE_SUFFIXES) == suffixes  # no suffix in two kinds
    assert all(re.fullmatch(r"\.[a-z0-9]+", suffix) for suffix in suffixes)
    assert [kind.name for kind in KINDS if kind.sniff is None] == ["txt"]  # one kind reads what no other claims
    assert sorted(kind.rank for kind in KINDS) == list(range(len(KINDS)))  # copies of a write-up: one richest
    for kind in KINDS:
        reader = reader_of(kind)
        assert list(inspect.signature(reader).parameters) == ["data", "name", "digest"], kind.name
        assert all(suffix in FORMS for suffix in kind.suffixes) and kind.help() in HELP
    # read_bytes took .xhtml, the catalogue did not
    assert ".xhtml" in SOURCE_SUFFIXES and kind_of_name("ข่าว.XHTML").name == "html"


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
def test_each_kind_is_sniffed_as_itself_and_read_by_its_reader_under_every_suffix(kind):
    data = SAMPLES[kind.name].read_bytes()
    sniffs = [other.name for other in KINDS if other.sniff is not None and other.sniff(data)]
    assert sniffs == ([] if kind.sniff is None else [kind.name])  # the sniffs exclude each other
    readings = [read_bytes(data, f"สรุป{suffix}") for suffix in kind.suffixes]
    for doc in readings:
        assert doc.source.format == kind.name  # the reader's word is the table's
        assert not any(INFERRED in note.message for note in doc.notes)
    assert all(doc.blocks == readings[0].blocks and doc.blocks for doc in readings)


def test_every_suffix_the_readers_take_is_one_the_catalogue_lists_and_back(tmp_path, cache):
    """Before the table, `.xhtml` was read by `parse` but never listed by the catalogue."""
    from cddbrief import corpus
    from cddbrief.cli import skipped_files

    data = tmp_path / "raw"
    data.mkdir()
    for kind in KINDS:
        for suffix in kind.suffixes:
            shutil.copy(SAMPLES[kind.name], data / f"w{suffix}")
    for outside in ("notes.md", "page.shtml", "w.text"):
        shutil.copy(SAMPLE, data / outside)
    listed = [path.name for path in corpus.source_files(data)]
    assert listed == sorted(f"w{suffix}" for suffix in SOURCE_SUFFIXES)
    assert {path.name for path, _ in skipped_files(data)} == {"notes.md", "page.shtml", "w.text"}
    assert all(why == f"not a form cddbrief reads ({FORMS})" for _, why in skipped_files(data))
    entries, failures = corpus.catalogue(data)
    assert failures == []
    assert [(e.id, e.path.name) for e in entries] == [("2562-04", "w.docx")]  # one write-up, its richest form
    assert sorted(entries[0].copies) == sorted(name for name in listed if name != "w.docx")
    for name in listed:
        assert read_source(data / name).source.format == kind_of_name(name).name


@pytest.mark.parametrize(
    ("real", "named"),
    [("pdf", ".docx"), ("pdf", ".txt"), ("docx", ".pdf"), ("docx", ".txt"), ("docx", ".html"), ("html", ".docx"),
     ("html", ".pdf"), ("html", ".txt")],
)  # fmt: skip
def test_a_name_that_lies_about_its_bytes_is_read_as_the_bytes_say_in_a_note(real, named):
    data = SAMPLES[real].read_bytes()
    honest = read_bytes(data, f"สรุป{SAMPLES[real].suffix}")
    doc = read_bytes(data, f"สรุป{named}")
    assert doc.source.format == real and doc.blocks == honest.blocks  # the same reading
    said = doc.notes[0]
    assert said.kind == "inferred" and said.message == (
        f"สรุป{named} was read as .{real} ({sniffed(data).words}), as its bytes show, though its name says {named}"
    )
    assert said.th.startswith(f"สรุป{named} อ่านเป็น") and doc.notes[1:] == honest.notes
    meeting = parse_document(doc)  # the brief shows it among the notes
    assert meeting.id == "2562-04" and any(INFERRED in note.message for note in meeting.notes)


@pytest.mark.parametrize(
    ("data", "name", "says"),
    [
        ("สรุปการประชุม ครั้งที่ 4/2562".encode(), "สรุป.docx", "สรุป.docx is not a Word .docx file (it is not a zip"),
        ("สรุปการประชุม ครั้งที่ 4/2562".encode(), "สรุป.pdf", "สรุป.pdf is not a PDF file (it does not start with %PDF-)"),
        (b"\x89PNG\r\n\x1a\n" + bytes(64), "สรุป.pdf", "สรุป.pdf is a PNG picture, not a meeting summary"),
        (b"\xff\xd8\xff\xe0" + bytes(64), "สรุป.docx", "สรุป.docx is a JPEG picture"),
        (_zip(xl__workbook_xml="<workbook/>"), "สรุป.docx", "สรุป.docx is a spreadsheet, not a meeting write-up"),
        (_zip(ppt__presentation_xml="<p/>"), "สรุป.txt", "สรุป.txt is a presentation"),
        (_zip(mimetype="application/vnd.oasis.opendocument.text"), "สรุป.txt", "สรุป.txt is an OpenDocument text"),
        (_zip(readme_txt="ครั้งที่ 4/2562"), "สรุป.html", "สรุป.html is a zip archive, not a meeting summary"),
        (_zip(readme_txt="ครั้งที่ 4/2562"), "สรุป.docx", "สรุป.docx is not a readable Word .docx file"),
        (b"PK\x03\x04 cut short", "สรุป.docx", "สรุป.docx is not a readable Word .docx file"),
        (b"%PDF-1.7\n" + bytes(range(256)) * 4, "สรุป.docx", "สรุป.docx is a PDF file that cannot be read"),
    ],
)
def test_bytes_of_no_write_up_kind_are_refused_in_one_clear_line_whatever_the_name(data, name, says):
    with pytest.raises(UnreadableSource) as refused:
        read_bytes(data, name)
    assert str(refused.value).startswith(says), str(refused.value)
    assert refused.value.remedy and "\n" not in str(refused.value)


def test_a_zip_archive_is_no_longer_told_to_be_renamed_docx():
    """A zip with no Word document in it was 'a zip archive (perhaps a .docx)': name it .docx. A .docx
    is now known by its parts, so a zip that is none is told to be unpacked."""
    with pytest.raises(UnreadableSource) as refused:
        read_bytes(_zip(a__b_txt="x"), "สรุป.txt")
    assert refused.value.remedy == "unpack it and give the write-ups inside"


PREFIXES = [b"", b"%PDF-1.7\n", b"PK\x03\x04", b"<html><body>", b"\x89PNG\r\n\x1a\n", "ครั้งที่ 4/2562\n".encode()]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    head=st.sampled_from(PREFIXES),
    body=st.binary(max_size=300),
    suffix=st.sampled_from([*SOURCE_SUFFIXES, ".md", ""]),
)
def test_any_bytes_under_any_name_are_read_as_one_kind_or_refused_as_a_cddbrief_error(head, body, suffix):
    data = head + body
    try:
        doc = read_bytes(data, f"x{suffix}")
    except CddbriefError as error:
        assert error.problem and error.remedy
        return
    named, shown = kind_of_name(f"x{suffix}"), sniffed(data)
    assert doc.source.format == (shown or named or filekinds.FALLBACK).name
    assert any(INFERRED in note.message for note in doc.notes) == (named is not None and shown not in (None, named))


def test_the_help_names_every_kind_in_words_and_every_suffix():
    result = run_cli("--help")
    assert result.returncode == 0, result.stderr
    text = " ".join(result.stdout.split())  # argparse wraps its lines
    assert f"read from {HELP} files" in text
    for kind in KINDS:
        assert kind.help() in text, kind.name
    assert HELP == "text (.txt), Word (.docx), PDF (.pdf) or web page (.html, .htm, .xhtml)"
