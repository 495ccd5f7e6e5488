"""Any input gives either a meeting (with notes) or one clear CddbriefError — never a crash, never a hang.

Hypothesis feeds random text, random bytes, random Word tables and mutations of
the sample through read -> parse -> frames. CI runs a small fixed budget; the
long mode is

    CDDBRIEF_FUZZ_EXAMPLES=10000 .venv/bin/python -m pytest tests/test_robustness.py

(see docs/RELIABILITY.md for what it found).
"""

from __future__ import annotations

import os
import time

import pytest
from conftest import SAMPLE
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cddbrief.errors import CddbriefError
from cddbrief.meeting import parse_document
from cddbrief.sources import read_bytes

SAMPLE_TEXT = SAMPLE.read_text(encoding="utf-8")
EXAMPLES = int(os.environ.get("CDDBRIEF_FUZZ_EXAMPLES", "150"))
FAST = settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
SLOWEST = 10.0  # CPU seconds: no input of these sizes may take more to read (a hang is a failure; ~0.2 s is usual;
# CPU time, not wall time, so that other work on a loaded machine does not count)

_CHARS = st.sampled_from(list("กขคงจฉชซญดตถทนบปผพฟมยรลวศสหอฮะัาำิีึืุูเแโใไ่้๊๋็์ๆฯ๐๑๒๓๔๕๖๗๘๙0123456789.,-/%() \t\n\u00a0"))
_WORDS = st.sampled_from(
    ["ครั้งที่ ", "4/2562", "จังหวัด", "บาท", "ร้อยละ", "เม.ย.", "มี.ค.", "\tที่\n\tประเด็น\n\tข้อสั่งการ\n", " \t",
     "\t\n\n", "เดิมกำหนด", "กำหนดเป็น", "ทุกวันที่ 25", "หมู่บ้านละ", "คิดเป็น", "ประกอบด้วย", "สำนักงานอำเภอ"]
)  # fmt: skip
thai_text = st.lists(_CHARS | _WORDS, max_size=200).map("".join)


def _survives(data: bytes, name: str = "x.txt") -> None:
    started = time.process_time()
    try:
        meeting = parse_document(read_bytes(data, name=name))
    except CddbriefError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    finally:
        assert time.process_time() - started < SLOWEST, f"{len(data)} bytes took too long"
    from cddbrief.tidy import frame_records

    meeting.to_dict()
    frame_records(meeting)


@FAST
@given(text=thai_text)
def test_random_thai_text(text):
    _survives(text.encode("utf-8"))


@FAST
@given(data=st.binary(max_size=2000))
def test_random_bytes(data):
    _survives(data)


@FAST
@given(data=st.binary(max_size=500))
def test_random_bytes_named_docx(data):
    _survives(data, "x.docx")


@FAST
@given(
    cuts=st.lists(st.tuples(st.integers(0, len(SAMPLE_TEXT)), st.integers(0, 40)), max_size=6),
    inserts=st.lists(st.tuples(st.integers(0, len(SAMPLE_TEXT)), thai_text), max_size=4),
)
def test_mutations_of_the_sample(cuts, inserts):
    text = SAMPLE_TEXT
    for at, length in cuts:
        text = text[:at] + text[at + length :]
    for at, piece in inserts:
        text = text[:at] + piece + text[at:]
    _survives(text.encode("utf-8"))


@FAST
@given(seed=st.integers(0, 2**32 - 1), drop=st.integers(0, 200))
def test_truncated_word_files(seed, drop):
    import random

    import docgen

    data = docgen.render_docx(docgen.meeting(random.Random(seed), n_items=2))
    cut = max(0, len(data) - drop * 40)
    _survives(data[:cut], "x.docx")


@FAST
@given(
    header=thai_text,
    rows=st.lists(st.lists(thai_text, min_size=1, max_size=5), min_size=0, max_size=6),
)
def test_random_word_tables(header, rows):
    import io

    import docx

    document = docx.Document()
    for line in header.split("\n")[:5]:
        document.add_paragraph(_xml_safe(line))
    if rows:
        width = max(len(r) for r in rows)
        table = document.add_table(rows=len(rows), cols=width)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.cell(r, c).text = _xml_safe(text)
    buffer = io.BytesIO()
    document.save(buffer)
    _survives(buffer.getvalue(), "x.docx")


def _xml_safe(text: str) -> str:
    """Word cannot hold control characters; a .docx with them cannot be made to begin with."""
    return "".join(ch for ch in text if ch in "\t\n" or ord(ch) >= 32)


@pytest.mark.parametrize(
    "piece",
    [
        "1 ",
        "-",
        "12,",
        "มี.ค. ",
        "เดือน",
        "ครั้งที่ ",
        "\t",
        " \t",
        "\t\n\n",
        "๑. ",
        "9" * 50 + " ",
        "ร้อยละ ",
        "หมู่บ้านละ ",
        "25 เม.ย. ถึง ",
    ],
)
def test_long_repetitive_input_does_not_hang(piece):
    """Inputs that make backtracking patterns or loops slow: each read must stay fast."""
    body = (
        "สรุปการประชุม ครั้งที่ 4/2562\nสำนักงานพัฒนาชุมชนอำเภอแม่ทะ\n\tที่\n\tประเด็น\n\tข้อสั่งการ\n\n\t1\n\tOTOP\n\t"
        + piece * 20000
        + "\n"
    )
    _survives(body.encode("utf-8"))


def test_parsing_time_grows_linearly_with_the_document():
    """Four times the text takes about four times as long, not sixteen (CPU time, best of two: load does not count)."""
    import time

    from cddbrief.meeting import parse_document

    line = " ".join(SAMPLE.read_text(encoding="utf-8").split())

    def cpu_seconds(copies: int) -> float:
        data = ("สรุปการประชุม ครั้งที่ 4/2562\n1. กองทุน ให้ " + line * copies).encode()
        best = float("inf")
        for _ in range(2):
            start = time.process_time()
            parse_document(read_bytes(data, "long.txt"))
            best = min(best, time.process_time() - start)
        return best

    small, large = cpu_seconds(6), cpu_seconds(24)
    assert large < 8 * small, (small, large)  # linear gives ~4×, quadratic ~16×


# --- round three (issue 21): every reader bounded; nothing dropped silently ------------------------
# These assert on what is read (a Note, a bounded output, one error line) and on counts of work
# (Python calls), never on elapsed time.

import sys  # noqa: E402

import reliability_cases as rc  # noqa: E402

from cddbrief.errors import UnreadableSource  # noqa: E402
from cddbrief.sources.html import decode_html  # noqa: E402
from cddbrief.thaidates import find_dates  # noqa: E402
from cddbrief.thaitext import drop_stray_marks  # noqa: E402


def python_calls(fn, *args, module: str = "cddbrief.") -> int:
    """How many Python functions of ``module`` a call runs: work counted, not timed."""
    count = 0

    def profile(frame, event, arg):
        nonlocal count
        if event == "call" and frame.f_globals.get("__name__", "").startswith(module):
            count += 1

    sys.setprofile(profile)
    try:
        fn(*args)
    finally:
        sys.setprofile(None)
    return count


def _notes(raw) -> str:
    return " | ".join(n.message for n in raw.notes)


def test_an_impossible_year_is_a_note_not_a_date():
    for context in (2562, None):
        spans, notes = find_dates("ให้รายงานภายในวันที่ 22 เมษายน 10543", context)
        assert not [s for s in spans if s.start is not None], spans
        assert any(n.kind == "warning" and "10543" in n.message for n in notes), notes


def test_a_charset_that_is_no_text_encoding_is_not_used():
    text, encoding, note = decode_html(rc.punycode_page())
    assert encoding == "cp874" and "ให้รายงานผล" in text
    assert note is not None and "punycode" in note.message and "no text encoding" in note.message


def test_a_huge_roman_list_start_is_written_in_digits_with_a_note():
    raw = read_bytes(rc.huge_roman_list(), "list.html")
    labels = [b.label for b in raw.blocks if b.kind == "list_item"]
    assert labels == ["9999999999999.", "10000000000000."]
    assert "Roman numerals" in _notes(raw)


def test_a_huge_word_roman_start_is_written_in_digits_with_a_note():
    data = rc.docx_numbered([("lowerRoman", "%1.", 10**15)], [(0, "ให้จังหวัดรายงานผล"), (0, "ให้อำเภอติดตาม")])
    raw = read_bytes(data, "roman.docx")
    assert [b.label for b in raw.blocks if b.kind == "list_item"] == [f"{10**15}.", f"{10**15 + 1}."]
    assert "Roman numerals" in _notes(raw)


def test_link_only_paragraphs_are_removed_in_linear_work():
    small, large = (python_calls(read_bytes, rc.link_paragraphs(n), "links.html") for n in (400, 1600))
    assert large < 6 * small, (small, large)  # linear: ~4×; the old pass was ~16×
    raw = read_bytes(rc.link_paragraphs(3000), "links.html")
    assert [b.text for b in raw.blocks if "ข่าวที่" in b.text] == []
    assert any("ให้จังหวัดรายงานผล" in b.text for b in raw.blocks)


def test_html_spans_are_clamped_to_the_table():
    raw = read_bytes(rc.spanning_rows(900), "spans.html")
    (table,) = [b for b in raw.blocks if b.kind == "table"]
    assert len(table.rows) == 901
    assert max(len(row) for row in table.rows) <= 2 * 100 and sum(len(row) for row in table.rows) < 200_000
    assert sum(1 for row in table.rows for cell in row if cell == "ให้รายงาน") == 900  # no cell's text lost
    assert "spans" in _notes(raw)


@pytest.mark.parametrize("ilvl, read_as", [(1_500_000_000, 8), (-1, 0), (9, 8)])
def test_word_list_levels_outside_words_range(ilvl, read_as):
    data = rc.docx_numbered([("decimal", "%1.", 1)], [(0, "ให้จังหวัดรายงานผล"), (ilvl, "ให้อำเภอติดตาม")])
    raw = read_bytes(data, "levels.docx")
    items = [b for b in raw.blocks if b.kind == "list_item"]
    assert [b.text for b in items] == ["ให้จังหวัดรายงานผล", "ให้อำเภอติดตาม"] and items[1].level == read_as
    assert "list level" in _notes(raw) and str(ilvl) in _notes(raw)


def test_a_huge_word_level_text_is_not_repeated():
    data = rc.docx_numbered([("decimal", "%1." + "ก" * 500_000, 1)], [(0, f"ข้อ {n}") for n in range(200)])
    raw = read_bytes(data, "lvltext.docx")
    items = [b for b in raw.blocks if b.kind == "list_item"]
    assert len(items) == 200 and all(len(b.label) <= 64 for b in items) and items[0].label == "1."
    assert "numbering text" in _notes(raw)


def test_a_huge_word_grid_span_is_clamped_to_words_63_columns():
    data = rc.docx_numbered([("decimal", "%1.", 1)], [(0, "ให้รายงาน")], grid_span=200_000_000)
    raw = read_bytes(data, "span.docx")
    (table,) = [b for b in raw.blocks if b.kind == "table"]
    assert (
        all(len(row) <= 63 + 2 for row in table.rows) and table.rows[1][0] == "1. ให้รายงาน 5 กลุ่ม"
    )  # its two cells kept
    assert "63 columns" in _notes(raw)


def test_a_docx_whose_text_unzips_to_60_mb_is_refused():
    with pytest.raises(UnreadableSource) as caught:
        read_bytes(rc.docx_text_bomb(60), "text-bomb.docx")
    assert "text unzips to" in str(caught.value) and "\n" not in str(caught.value)


def test_stray_marks_quote_a_bounded_excerpt():
    text = "ก " + ("\u0e48" + "ข" * 5000 + " ") * 200
    cleaned, dropped = drop_stray_marks(text)
    assert len(dropped) == 200 and all(len(d) <= 41 for d in dropped) and "\u0e48" not in cleaned
