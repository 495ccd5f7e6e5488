"""Items and directives, and the tidy frames a meeting becomes."""

from __future__ import annotations

import pytest

from cddbrief.meeting import parse_meeting_id, split_directives
from cddbrief.tidy import actors, frames


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
    assert (m.id, m.title, m.office, m.district, m.province) == (
        "2563-05",
        "สรุปผลการประชุม TV พช.",
        "พัฒนาชุมชนอำเภอป่าซาง จังหวัดลำพูน",
        "ป่าซาง",
        "ลำพูน",
    )
    assert m.meeting_date.isoformat() == "2020-05-20"
    assert [(i.no, i.inferred, i.topic) for i in m.items] == [(1, False, "กองทุนหมู่บ้าน"), (2, False, "ผ้าไทย")]


def test_every_note_speaks_thai_too(sample_meeting):
    """A Thai brief shows its reading notes in Thai; the JSON keeps both."""
    assert sample_meeting.notes and all(n.th for n in sample_meeting.notes)
    data = sample_meeting.to_dict()
    assert all(n["message_th"] and n["message"] for n in data["notes"])


# --- items and directives are made complete ---------------------------------------------------


def test_with_figures_makes_new_items_and_leaves_the_read_ones_as_they_were():
    from cddbrief.meeting import with_figures
    from cddbrief.model import Directive, Item

    text = "ให้ตำบลส่งรายงาน 14 ฉบับ เดิมกำหนด 3 ก.พ. 66 กำหนดเป็น 17 ก.พ. 66 และรายงานทุกวันที่ 5 ของเดือน"
    read = [Item(4, "ศูนย์เรียนรู้", [Directive(1, "ไม่มีตัวเลข"), Directive(2, text, "2.")])]
    notes = []
    items = with_figures(read, 2566, notes)
    assert items[0] is not read[0] and read[0].directives[1].quantities == [] and read[0].directives[1].dates == []
    first, second = items[0].directives
    assert (first.no, first.text, first.quantities, first.dates) == (1, "ไม่มีตัวเลข", [], [])
    assert (second.no, second.label, second.text) == (2, "2.", text)
    assert [(q.value, q.unit, q.item, q.directive) for q in second.quantities] == [(14, "ฉบับ", 4, 2)]
    assert [(s.start.isoformat(), s.role, s.item, s.directive) for s in second.dates] == [
        ("2023-02-03", "original", 4, 2), ("2023-02-17", "rescheduled", 4, 2), ]  # fmt: skip
    (move,) = second.reschedules
    assert (move.old, move.new, move.item, move.directive) == (second.dates[0], second.dates[1], 4, 2)
    assert move.old is second.dates[0] and move.new is second.dates[1]  # the dates themselves, not copies
    assert [(r.day, r.item, r.directive) for r in second.recurrences] == [(5, 4, 2)]
    assert notes == []


def test_notes_of_a_directive_name_its_item():
    from cddbrief.meeting import with_figures
    from cddbrief.model import Directive, Item

    notes = []
    with_figures([Item(7, "ผ้าไทย", [Directive(1, "ส่งภายใน 31 ก.พ. 66")])], 2566, notes)
    assert [(n.kind, n.item, n.surface) for n in notes] == [("skipped", 7, "31 ก.พ. 66")]


def test_directives_are_numbered_as_they_are_made():
    from cddbrief.readers import numbered

    directives = numbered([("(ก)", "ให้อำเภอรายงาน"), (None, "ติดตามผลทุกเดือน"), ("(ค)", "ส่งภายในวันที่ 8")])
    assert [(d.no, d.label, d.text) for d in directives] == [
        (1, "(ก)", "ให้อำเภอรายงาน"),
        (2, None, "ติดตามผลทุกเดือน"),
        (3, "(ค)", "ส่งภายในวันที่ 8"),
    ]
    assert numbered([]) == []


def test_a_table_row_split_over_pages_continues_its_directive_numbers():
    import docgen

    from cddbrief.meeting import parse_document
    from cddbrief.sources import read_bytes

    said = [docgen.Sentence("จัดตลาด 4 แห่ง"), docgen.Sentence("รายงานผลทุกเดือน"), docgen.Sentence("ติดตามยอดขาย 9 ร้าน")]
    items = [
        docgen.GenItem(1, "ตลาดชุมชน", said, split_after=2),
        docgen.GenItem(2, "ผ้าไทย", [docgen.Sentence("แต่งกายผ้าไทย")]),
    ]
    text = docgen.render_dump(
        docgen.GenMeeting(2, 2566, "สำนักงานพัฒนาชุมชนอำเภอเวียงหนองล่อง", "เวียงหนองล่อง", "ลำพูน", items)
    )
    m = parse_document(read_bytes(text.encode(), "t.txt"))
    assert [(d.no, d.label, d.text) for d in m.items[0].directives] == [
        (1, "1.", "จัดตลาด 4 แห่ง"),
        (2, "2.", "รายงานผลทุกเดือน"),
        (3, "3.", "ติดตามยอดขาย 9 ร้าน"),
    ]
    assert m.items[0].merged_rows == 2 and [
        (q.value, q.directive) for d in m.items[0].directives for q in d.quantities
    ] == [(4, 1), (9, 3)]
    assert [(d.no, d.label) for d in m.items[1].directives] == [(1, None)]


@pytest.mark.parametrize(
    "written, numbers, kinds",
    [
        ([1, 2, 3], [1, 2, 3], []),
        ([1, None, 3], [1, 2, 3], ["inferred"]),
        ([None, 5, 6], [4, 5, 6], ["inferred"]),
        ([None, None], [1, 2], ["inferred", "inferred"]),
        ([1, None, 7], [1, 2, 7], ["warning", "inferred"]),  # the next written number does not follow on
    ],
)
def test_infer_numbers(written, numbers, kinds):
    from cddbrief.readers import infer_numbers

    notes = []
    assert infer_numbers(written, [f"ประเด็น {n}" for n in range(len(written))], notes) == numbers
    assert [n.kind for n in notes] == kinds
    assert all(n.item in numbers for n in notes)


def test_a_repeated_item_number_is_a_warning():
    from cddbrief.readers import note_repeated_numbers

    notes = []
    note_repeated_numbers([1, 2, 2, 3, 2], notes)
    assert [(n.kind, n.item, n.message) for n in notes] == [
        ("warning", 2, "item number 2 is used by 3 items with different topics")
    ]
    notes = []
    note_repeated_numbers([1, 2, 3], notes)
    assert notes == []
