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
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cddbrief.errors import CddbriefError
from cddbrief.meeting import parse_document
from cddbrief.sources import read_bytes
from conftest import SAMPLE

SAMPLE_TEXT = SAMPLE.read_text(encoding="utf-8")
EXAMPLES = int(os.environ.get("CDDBRIEF_FUZZ_EXAMPLES", "150"))
FAST = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SLOWEST = 10.0  # seconds: no input of these sizes may take longer to read (a hang is a failure; ~0.2 s is usual)

_CHARS = st.sampled_from(list("กขคงจฉชซญดตถทนบปผพฟมยรลวศสหอฮะัาำิีึืุูเแโใไ่้๊๋็์ๆฯ๐๑๒๓๔๕๖๗๘๙0123456789.,-/%() \t\n\u00a0"))
_WORDS = st.sampled_from(
    ["ครั้งที่ ", "4/2562", "จังหวัด", "บาท", "ร้อยละ", "เม.ย.", "มี.ค.", "\tที่\n\tประเด็น\n\tข้อสั่งการ\n", " \t",
     "\t\n\n", "เดิมกำหนด", "กำหนดเป็น", "ทุกวันที่ 25", "หมู่บ้านละ", "คิดเป็น", "ประกอบด้วย", "สำนักงานอำเภอ"]
)  # fmt: skip
thai_text = st.lists(_CHARS | _WORDS, max_size=200).map("".join)


def _survives(data: bytes, name: str = "x.txt") -> None:
    started = time.perf_counter()
    try:
        meeting = parse_document(read_bytes(data, name=name))
    except CddbriefError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    finally:
        assert time.perf_counter() - started < SLOWEST, f"{len(data)} bytes took too long"
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
    ["1 ", "-", "12,", "มี.ค. ", "เดือน", "ครั้งที่ ", "\t", " \t", "\t\n\n", "๑. ", "9" * 50 + " ", "ร้อยละ ", "หมู่บ้านละ ", "25 เม.ย. ถึง "],
)
def test_long_repetitive_input_does_not_hang(piece):
    """Inputs that make backtracking patterns or loops slow: each read must stay fast."""
    body = "สรุปการประชุม ครั้งที่ 4/2562\nสำนักงานพัฒนาชุมชนอำเภอแม่ทะ\n\tที่\n\tประเด็น\n\tข้อสั่งการ\n\n\t1\n\tOTOP\n\t" + piece * 20000 + "\n"
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
