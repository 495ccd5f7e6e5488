"""Items and directives, and the tidy frames a meeting becomes."""

from __future__ import annotations

import pytest

from cddbrief.tidy import actors, frames
from cddbrief.meeting import parse_meeting_id, split_directives


@pytest.mark.parametrize(
    "cell, expected",
    [
        ("1. ก\n2. ข\n3. ค", [("1.", "ก"), ("2.", "ข"), ("3.", "ค")]),
        ("1) ก\n2) ข", [("1)", "ก"), ("2)", "ข")]),
        ("(1) ก\n(2) ข", [("(1)", "ก"), ("(2)", "ข")]),
        ("๑. ก\n๒. ข", [("๑.", "ก"), ("๒.", "ข")]),
        ("- ก\n• ข", [("-", "ก"), ("•", "ข")]),
        ("ที่ประชุมรับทราบ\n1. ก\n2. ข", [(None, "ที่ประชุมรับทราบ"), ("1.", "ก"), ("2.", "ข")]),
        ("1. ก มี 4 เรื่องคือ 1. ค 2. ง", [("1.", "ก มี 4 เรื่องคือ 1. ค 2. ง")]),
        ("1. ก\n- ย่อย\n2. ข", [("1.", "ก - ย่อย"), ("2.", "ข")]),  # bullets under numbers stay inside
        ("1. ก\n5. ไม่ใช่ข้อถัดไป\n2. ข", [("1.", "ก 5. ไม่ใช่ข้อถัดไป"), ("2.", "ข")]),
        ("ข้อความเดียว ไม่มีเลขข้อ", [(None, "ข้อความเดียว ไม่มีเลขข้อ")]),
        ("1.5 ล้านบาท ใช้ในโครงการ", [(None, "1.5 ล้านบาท ใช้ในโครงการ")]),
        ("  \n\n", []),
    ],
)
def test_split_directives(cell, expected):
    assert split_directives(cell) == expected


@pytest.mark.parametrize("text", ["2562-13x", "abc", "4-2562", "", "4/256"])
def test_bad_meeting_ids(text):
    from cddbrief.errors import CddbriefError

    with pytest.raises(CddbriefError):
        parse_meeting_id(text)


def test_frames_are_tidy_and_typed(sample_meeting):
    f = frames(sample_meeting)
    for name, frame in f.as_dict().items():
        assert (frame["meeting"] == "2562-04").all(), name
        assert len(frame) > 0, name
    assert list(f.items["item"]) == list(range(1, 10))
    assert str(f.items["item"].dtype) == "Int64" and str(f.items["inferred"].dtype) == "boolean"
    assert str(f.quantities["value"].dtype) == "Float64"
    assert str(f.dates["start"].dtype).startswith("datetime64")
    assert str(f.checks["holds"].dtype) == "boolean"
    baht = f.quantities[f.quantities["unit"] == "บาท"]
    assert sorted(baht["value"].tolist()) == [18000.0, 15804000.0]
    assert baht["sentence"].str.contains("15,804,000").all()
    assert f.checks["holds"].isna().sum() == 1  # the derived share holds nothing against anything
    assert len(f.directives) == 21 and f.directives["topic"].iloc[0] == "OTOP"


def test_actors():
    assert actors("ให้จังหวัดเตรียมความพร้อม และขอให้ส่วนกลางตรวจสอบ") == ["จังหวัด", "ส่วนกลาง"]
    assert actors("การเตรียมความพร้อม") == []


def test_header_variants_and_numbered_topics():
    from cddbrief.meeting import parse_document
    from cddbrief.sources import read_bytes

    text = (
        "สรุปผลการประชุม TV พช. ครั้งที่ 5/2563 วันพุธที่ 20 พฤษภาคม 2563\n"
        "พัฒนาชุมชนอำเภอป่าซาง จังหวัดลำพูน\n"
        "\tประเด็น\n\tข้อสั่งการ\n\tหมายเหตุ\n\n"
        "\t1. กองทุนหมู่บ้าน\n\tให้รายงานผล 5 กองทุน\n\t\n\n"
        "\t2) ผ้าไทย\n\tรณรงค์ใส่ผ้าไทยทุกวันอังคาร\n\t\n\n"
    )
    m = parse_document(read_bytes(text.encode(), "v.txt"))
    assert (m.id, m.title, m.office, m.district, m.province) == ("2563-05", "สรุปผลการประชุม TV พช.", "พัฒนาชุมชนอำเภอป่าซาง จังหวัดลำพูน", "ป่าซาง", "ลำพูน")
    assert m.meeting_date.isoformat() == "2020-05-20"
    assert [(i.no, i.inferred, i.topic) for i in m.items] == [(1, False, "กองทุนหมู่บ้าน"), (2, False, "ผ้าไทย")]


def test_every_note_speaks_thai_too(sample_meeting):
    """A Thai brief shows its reading notes in Thai; the JSON keeps both."""
    assert sample_meeting.notes and all(n.th for n in sample_meeting.notes)
    data = sample_meeting.to_dict()
    assert all(n["message_th"] and n["message"] for n in data["notes"])
