"""Errors a caller can catch by kind: each cause its own CddbriefError subclass, problem and remedy kept."""

from __future__ import annotations

import pytest
from conftest import SAMPLE

from cddbrief import errors
from cddbrief.corpus import resolve
from cddbrief.meeting import parse_document, parse_meeting_id, read_meeting
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
    with pytest.raises(errors.AmbiguousMeeting, match="--office"):
        resolve("4/2562", tmp_path)


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
