"""Any input gives either a meeting (with notes) or one clear CddbriefError — never a crash.

Hypothesis feeds random text, random bytes and mutations of the sample through
read -> parse -> frames.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cddbrief.errors import CddbriefError
from cddbrief.meeting import parse_document
from cddbrief.sources import read_bytes
from conftest import SAMPLE

SAMPLE_TEXT = SAMPLE.read_text(encoding="utf-8")
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_CHARS = st.sampled_from(list("กขคงจฉชซญดตถทนบปผพฟมยรลวศสหอฮะัาำิีึืุูเแโใไ่้๊๋็์ๆฯ๐๑๒๓๔๕๖๗๘๙0123456789.,-/%() \t\n\u00a0"))
_WORDS = st.sampled_from(
    ["ครั้งที่ ", "4/2562", "จังหวัด", "บาท", "ร้อยละ", "เม.ย.", "มี.ค.", "\tที่\n\tประเด็น\n\tข้อสั่งการ\n", " \t",
     "\t\n\n", "เดิมกำหนด", "กำหนดเป็น", "ทุกวันที่ 25", "หมู่บ้านละ", "คิดเป็น", "ประกอบด้วย", "สำนักงานอำเภอ"]
)  # fmt: skip
thai_text = st.lists(_CHARS | _WORDS, max_size=200).map("".join)


def _survives(data: bytes, name: str = "x.txt") -> None:
    try:
        meeting = parse_document(read_bytes(data, name=name))
    except CddbriefError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    from cddbrief.indicators import frames

    meeting.to_dict()
    frames(meeting)


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
