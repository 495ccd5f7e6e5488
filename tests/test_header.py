"""The meeting's facts as a careful reader finds them (header.py): its number however written, its own
date (not the page's), the office of any agency, the chair as a person, the place.

Every document here is invented: people, places and figures are made up.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cddbrief.errors import BadMeetingId
from cddbrief.glossary import places
from cddbrief.header import find_meeting_ref, is_banner, join_cut_lines, read_header
from cddbrief.thaidates import MONTHS


def header(*lines: str, whole: bool = False, more: tuple[str, ...] = (), closing: tuple[str, ...] = ()):
    notes = []
    found = read_header(list(lines), notes, whole=whole, more=list(more), closing=list(closing))
    return found, notes


@pytest.mark.parametrize(
    "lines, number",
    [
        (["รายงานการประชุมคณะกรรมการบริหารกองทุน", "ครั้งที่", "3/2564"], (3, 2564)),  # a PDF line break after ครั้งที่
        (["รายงานการประชุมคณะกรรมการบริหารกองทุน ครั้งที่ 3/", "2564"], (3, 2564)),  # …and after the slash
        (["ประชุมสภาองค์การ ครั้งที่ 165 (8/2554)"], (8, 2554)),  # a running number, then the meeting of the year
        (["ประชุมคณะทำงาน ครั้ง ที่ ๓ / ๒๕๖๔"], (3, 2564)),  # Thai digits and spaces
        (["ประชุมคณะทำงาน ครั้งที่ 2 ประจำปีงบประมาณ พ.ศ. 2566"], (2, 2566)),
        (["การประชุมประจำเดือนมีนาคม 2565 ของสำนักงาน"], (3, 2565)),  # a monthly meeting named by its month
        (["การประชุมประจำเดือน ก.ค. 66"], (7, 2566)),
        (["สรุปการประชุมผู้บริหาร", "สำนักงานเกษตรอำเภอวังชิ้น"], (None, None)),  # no number: read all the same
    ],
)
def test_the_meeting_number_however_it_is_written(lines, number):
    found, _ = header(*lines)
    assert (found.number, found.year_be) == number


def test_what_the_reader_did_to_find_a_number_is_a_note():
    _, notes = header("ประชุมสภาองค์การ ครั้งที่ 165 (8/2554)")
    assert (
        [(n.kind, n.surface) for n in notes] == [("inferred", "ครั้งที่ 165 (8/2554)")]
        and "165" in notes[0].message
        and notes[0].th
    )
    _, notes = header("การประชุมประจำเดือนมีนาคม 2565")
    assert [n.kind for n in notes] == ["inferred"] and "month" in notes[0].message and "3/2565" in notes[0].message
    _, notes = header("ประชุมคณะทำงาน ครั้งที่ 4/2564")
    assert notes == []  # nothing to say of a number written plainly


def test_a_meeting_number_beats_the_month_and_a_later_reference():
    found, notes = header("การประชุมประจำเดือนมีนาคม 2565 ครั้งที่ 5/2565", "รับรองรายงานการประชุมครั้งที่ 4/2565")
    assert (found.number, found.year_be, notes) == (5, 2565, [])


@pytest.mark.parametrize("written", ["ประชุมคณะทำงาน ครั้งที่ 4/0000", "ประชุมคณะทำงาน ครั้งที่ ๔/๐๐๐๐"])
def test_a_year_0_is_refused_in_one_line(written):
    with pytest.raises(BadMeetingId) as caught:
        header(written)
    assert "year is 0" in caught.value.problem and "give the meeting" in caught.value.remedy
    assert [s.name for s in caught.value.settings] == ["meeting"] and "\n" not in str(caught.value)


@pytest.mark.parametrize(
    "lines, held",
    [
        (["วันนี้ (16 ก.พ. 64) เวลา 09.30 น. นายสมคิด ใจงาม เป็นประธานการประชุมคณะทำงาน"], date(2021, 2, 16)),
        (["เช้าวันนี้ ( 29 พ.ย.65 ) ที่ห้องประชุมศรีเวียง มีการประชุมผู้นำชุมชน"], date(2022, 11, 29)),
        (["ประชุมกรรมการกองทุน", "เมื่อวันที่ 29 เมษายน 2564 เวลา 10.00 น. ณ ศาลาประชาคม"], date(2021, 4, 29)),
        (
            ["รายงานการประชุมคณะกรรมการ", "ครั้งที่ 2/2565", "เมื่อวันพฤหัสบดีที่ 3 กุมภาพันธ์ 2565", "ณ ห้องประชุมอำเภอ"],
            date(2022, 2, 3),
        ),
        # an order's date before the meeting's: the meeting's own sentence gives its day
        (
            ["ตามคำสั่งอำเภอ ที่ 245/2565 ลงวันที่ 8 ธันวาคม 2565 จึงได้ประชุมคณะทำงาน เมื่อวันที่ 14 ธันวาคม 2565 ณ ห้องประชุมอำเภอ"],
            date(2022, 12, 14),
        ),
    ],
)
def test_the_meeting_date_is_the_one_its_sentence_gives(lines, held):
    found, _ = header(*lines)
    assert found.meeting_date == held


def test_a_banner_date_is_published_never_the_meeting_date():
    found, notes = header("วันพุธ, 22 พฤษภาคม 2567", "ประชุมคณะทำงานขับเคลื่อนกองทุน",
                          "เมื่อวันที่ 29 เมษายน 2564 นางมาลี ศรีงาม พัฒนาการอำเภอบ้านธิ "
                          "เป็นประธานการประชุม ณ ห้องประชุมอำเภอ")  # fmt: skip
    assert (found.meeting_date, found.published) == (date(2021, 4, 29), date(2024, 5, 22))
    assert found.title == "ประชุมคณะทำงานขับเคลื่อนกองทุน"  # the banner is not the title either
    found, _ = header("โพสต์เมื่อ 24 มีนาคม 2566", "ประชุมคณะทำงาน ครั้งที่ 3/2566")
    assert (found.meeting_date, found.published) == (None, date(2023, 3, 24))


@pytest.mark.parametrize(
    "line, banner",
    [
        ("โพสต์เมื่อ 24 มีนาคม 2566", True),
        ("เผยแพร่ 3 ก.พ. 2566 10:20 น.", True),
        ("วันพุธ, 22 พฤษภาคม 2567", True),
        ("21 มี.ค. 2566 | 10:42 น.", True),
        ("วันที่ 20 มีนาคม 2566 ประชุมคณะทำงาน", False),
        ("วันที่ประชุม : 20 มีนาคม 2566", False),  # the meeting's day, labelled
        ("วันที่ : 20 มีนาคม 2566", True),
        ("ประชุมคณะทำงาน ครั้งที่ 3/2566", False),
    ],
)
def test_what_a_banner_line_is(line, banner):
    assert is_banner(line) is banner


@pytest.mark.parametrize(
    "lines, office",
    [
        (["สพอ.แม่ทะ ร่วมประชุมกรมการพัฒนาชุมชน ครั้งที่ 8/2564"], "สำนักงานพัฒนาชุมชนอำเภอแม่ทะ"),
        (["ประชุมคณะทำงาน ครั้งที่ 2/2566 ณ ห้องประชุมสำนักงานพัฒนาชุมชนจังหวัดอุบลราชธานี"], "สำนักงานพัฒนาชุมชนจังหวัดอุบลราชธานี"),
        (
            ["สำนักงานเขตพื้นที่การศึกษาประถมศึกษาน่าน เขต 2 จัดประชุมผู้บริหาร ครั้งที่ 1/2566"],
            "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาน่าน เขต 2",
        ),
        (["องค์การบริหารส่วนตำบลบ้านดงใหม่ ประชุมสภา ครั้งที่ 2/2565"], "องค์การบริหารส่วนตำบลบ้านดงใหม่"),
        (["กรมส่งเสริมการเกษตร จัดประชุมคณะทำงาน ครั้งที่ 4/2565"], "กรมส่งเสริมการเกษตร"),
        (["ประชุมคณะกรมการจังหวัด ครั้งที่ 4/2565 ณ ห้องประชุมองค์การบริหารส่วนจังหวัด"], ""),  # a committee, a room: no office
    ],
)
def test_the_office_of_any_agency(lines, office):
    found, _ = header(*lines)
    assert found.office == office


def test_the_office_named_only_in_the_body_or_the_byline():
    found, _ = header("ประชุมคณะทำงาน ครั้งที่ 2/2566", more=("ที่ประชุมรับทราบ", "ข่าว : สำนักงานพัฒนาชุมชนอำเภอเสริมงาม"))
    assert found.office == "สำนักงานพัฒนาชุมชนอำเภอเสริมงาม"


@pytest.mark.parametrize(
    "line, chair",
    [
        (
            "วันจันทร์ที่ 20 มีนาคม 2566 เวลา 09.30 น. "
            "นายสมชาย ใจงาม พัฒนาการจังหวัดสุรินทร์ เป็นประธานการประชุมคณะกรมการ ครั้งที่ 3/2566",
            "นายสมชาย ใจงาม พัฒนาการจังหวัดสุรินทร์",
        ),
        (
            "สพอ.ลี้ ร่วมประชุม ครั้งที่ 3/2566 ผ่านระบบ Zoom โดยมีนางวรรณา ทองสุข รองอธิบดีกรมการพัฒนาชุมชน เป็นประธาน",
            "นางวรรณา ทองสุข รองอธิบดีกรมการพัฒนาชุมชน",
        ),
        # the first person named delegates; the one before เป็นประธาน chairs
        (
            "นายสมศักดิ์ ใจดี นายอำเภอแม่ลาว มอบหมายให้ นางสาวอร ทองดี ปลัดอำเภอ เป็นประธานการประชุมคณะทำงาน ครั้งที่ 2/2566",
            "นางสาวอร ทองดี ปลัดอำเภอ",
        ),
        ("ประชุมคณะทำงาน ครั้งที่ 2/2566 ประธานในที่ประชุม นายวิชัย มั่นคง ปลัดอำเภอ กล่าวเปิดการประชุม", "นายวิชัย มั่นคง ปลัดอำเภอ"),
        ("ประชุมคณะทำงาน ครั้งที่ 2/2566 โดยมีพันเอกสมหมาย กล้าหาญ เป็นประธาน", "พันเอกสมหมาย กล้าหาญ"),
        ("สพอ.ลี้ ร่วมประชุม ครั้งที่ 3/2566 โดยมีอธิบดีกรมการพัฒนาชุมชนเป็นประธาน", "อธิบดีกรมการพัฒนาชุมชน"),
        ("สพอ.ลี้ ร่วมประชุมคณะกรรมการ ครั้งที่ 3/2566 ณ ห้องประชุมอำเภอ", None),  # the office attended: nobody named chairs
        # a surname that opens with มี ("has"), a word the chair's search otherwise stops at
        ("วันที่ 2 มีนาคม 2566 นายพงศกร มีสุข พัฒนาการจังหวัดแพร่ เป็นประธานการประชุม", "นายพงศกร มีสุข พัฒนาการจังหวัดแพร่"),
        ("ประชุมคณะทำงาน มีนายพงศกร มีชัย ปลัดอำเภอ เป็นประธาน", "นายพงศกร มีชัย ปลัดอำเภอ"),
    ],
)
def test_the_chair_is_a_person_never_the_committee(line, chair):
    found, _ = header(line)
    assert found.chair == chair


@pytest.mark.parametrize(
    "line, place",
    [
        (
            "ประชุมคณะทำงาน ครั้งที่ 2/2566 ณ ห้องประชุมสำนักงานพัฒนาชุมชนอำเภอลี้ โดยมีนายอำเภอเป็นประธาน",
            "ห้องประชุมสำนักงานพัฒนาชุมชนอำเภอลี้",
        ),
        ("วันนี้ (9 ก.พ. 66) ที่ห้องประชุมราชพฤกษ์ ได้มีการประชุมผู้บริหาร ครั้งที่ 1/2566", "ห้องประชุมราชพฤกษ์"),
        ("ประชุมคณะทำงาน ครั้งที่ 2/2566 เวลา 13.30 น.", None),
    ],
)
def test_the_place_after_na_or_thi(line, place):
    found, _ = header(line)
    assert found.place == place


def test_another_meetings_number_in_a_sidebar_is_not_this_one():
    assert find_meeting_ref("ข่าวที่เกี่ยวข้อง: รับรองรายงานการประชุมครั้งที่ 8/2566") is None


# --- a head whose lines a PDF wrapped: a name or a phrase over a line end is one -------------------


@pytest.mark.parametrize(
    "lines, field, value",
    [
        # the chair's verb over a line end: เป็น | ประธาน…
        (
            ["ครั้งที่ 4/2566", "วันที่ 12 มิถุนายน 2566 นายพงศกร มีสุข พัฒนาการจังหวัดแพร่ เป็น",
             "ประธานการประชุมคณะทำงาน ณ ห้องประชุมศาลากลางจังหวัดแพร่"],
            "chair",
            "นายพงศกร มีสุข พัฒนาการจังหวัดแพร่",
        ),
        # เป็นประธาน alone on the last line
        (
            ["ประชุมคณะทำงาน ครั้งที่ 4/2566", "โดยมีนางสุดา แก้วใส รองอธิบดีกรมการพัฒนาชุมชน", "เป็นประธาน"],
            "chair",
            "นางสุดา แก้วใส รองอธิบดีกรมการพัฒนาชุมชน",
        ),
        # the district of a position on the next line, the committee's name after it
        (
            ["ประชุมคณะทำงาน ครั้งที่ 1/2567", "นายอำเภอบ้านธิ ประธานคณะ", "ทำงาน มอบหมายให้ นายกิตติ ศรีทอง พัฒนาการอำเภอ",
             "บ้านธิ ร่วมกับคณะทำงาน ดำเนินการประชุมคณะทำงาน"],
            "chair",
            "นายกิตติ ศรีทอง พัฒนาการอำเภอบ้านธิ",
        ),
        # the attendee marked ประธาน, his office and its area over a line end
        (
            ["รายงานการประชุม ครั้งที่ 2/2566", "ผู้มาประชุม",
             "1. นางรัตนา ใจดี ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษา", "แพร่ เขต 1 ประธานกรรมการ",
             "2. นายชัย ดีงาม กรรมการ"],
            "chair",
            "นางรัตนา ใจดี ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาแพร่ เขต 1",
        ),
        # an office cut inside its name, then its area's number
        (
            ["รายงานการประชุมผู้บริหารในสังกัดสำนักงานเขตพื้นที่การศึกษาประถม", "ศึกษาแพร่ เขต 1", "ครั้งที่ 2/2566"],
            "office",
            "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาแพร่ เขต 1",
        ),
        (
            ["สรุปการประชุม ครั้งที่ 2/2566 ณ ห้องประชุมเวียงโกศัย สำนักงานเขตพื้นที่การศึกษา", "มัธยมศึกษาแพร่",
             "นายชัย ดีงาม รองผู้อำนวยการ เป็นประธาน"],
            "office",
            "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาแพร่",
        ),
        # a place that stopped at the line end
        (
            ["ครั้งที่ 5/2566", "สำนักงานพัฒนาชุมชนอำเภอบ้านธิ ร่วมประชุม ณ ห้องประชุมสำนักงาน",
             "พัฒนาชุมชนอำเภอบ้านธิ โดยมีนายอำเภอบ้านธิ เป็นประธาน"],
            "place",
            "ห้องประชุมสำนักงานพัฒนาชุมชนอำเภอบ้านธิ",
        ),
        (["ประชุมคณะทำงาน ครั้งที่ 5/2566 ณ", "ห้องประชุมอินทนิล ศาลากลางจังหวัด"], "place", "ห้องประชุมอินทนิล ศาลากลางจังหวัด"),
        # the office's district on the line below its name
        (
            ["ครั้งที่ 5/2566 ณ ห้องประชุมสำนักงานพัฒนาชุมชน", "อำเภอบ้านธิ โดยมีนายอำเภอบ้านธิ เป็นประธาน"],
            "place",
            "ห้องประชุมสำนักงานพัฒนาชุมชนอำเภอบ้านธิ",
        ),
    ],
)  # fmt: skip
def test_a_name_or_a_phrase_over_a_line_end_is_read_whole(lines, field, value):
    found, notes = header(*lines)
    assert getattr(found, field) == value
    merged = [n for n in notes if n.kind == "merged"]
    assert merged and all(n.th and n.surface and "one with the next" in n.message for n in merged)


def test_each_join_is_said_with_the_words_on_either_side():
    notes = []
    joined = join_cut_lines(["ณ ห้องประชุมสำนักงาน", "พัฒนาชุมชนอำเภอบ้านธิ", "ครั้งที่ 5/2566"], notes)
    assert joined == ["ณ ห้องประชุมสำนักงานพัฒนาชุมชนอำเภอบ้านธิ", "ครั้งที่ 5/2566"]
    assert [(n.kind, n.surface) for n in notes] == [("merged", "ณ ห้องประชุมสำนักงานพัฒนาชุมชนอำเภอบ้านธิ")]
    assert "'…ณ ห้องประชุมสำนักงาน'" in notes[0].message and "('พัฒนาชุมชนอำเภอบ้านธิ…')" in notes[0].th


@pytest.mark.parametrize(
    "lines",
    [
        ["รายงานการประชุมคณะทำงานสำนักงาน", "ครั้งที่ 3/2566"],  # the number opens a line of its own
        ["ประชุมคณะทำงาน ณ ห้องประชุม", "1. นายสมปอง ใจดี ประธาน"],  # so does a numbered line
        ["ให้รายงานผลครบทั้ง 17 อำเภอ", "ภายในวันที่ 5 มิถุนายน 2566"],  # อำเภอ ends a count; no district follows
        ["ส่งรายงานให้ครบทุกอำเภอ", "พลังงานทดแทนชุมชน"],  # พล is a district, but not the word that opens this line
        ["การประชุมเรื่องที่จำเป็น", "ประธานแจ้งที่ประชุมทราบ"],  # จำเป็น ends a sentence; เป็น | ประธาน would not
        ["สรุปข้อสั่งการการประชุมกรมการพัฒนาชุมชน", "สำนักงานพัฒนาชุมชนอำเภอแม่ทะ"],  # a title, then the office
        ["วันที่ 3 มีนาคม 2566 เวลา 09.00 น.", "ณ ห้องประชุมอำเภอ"],
    ],
)
def test_a_line_its_writer_ended_is_never_joined(lines):
    notes = []
    assert join_cut_lines(lines, notes) == lines and notes == []


def test_a_table_heads_office_line_stays_the_office_and_the_title_stays_the_title():
    found, notes = header("สรุปข้อสั่งการการประชุมกรมการพัฒนาชุมชน", "สำนักงานพัฒนาชุมชนอำเภอแม่ทะ", "ครั้งที่ 5/2566",
                          whole=True)  # fmt: skip
    assert (found.title, found.office, notes) == ("สรุปข้อสั่งการการประชุมกรมการพัฒนาชุมชน", "สำนักงานพัฒนาชุมชนอำเภอแม่ทะ", [])


def test_the_place_ends_before_the_chairs_name_run_on_to_it():
    found, _ = header(
        "วันที่ 3 มีนาคม 2566 นายสมปอง ดีใจ นายอำเภอแม่ทะ เป็นประธานการประชุมคณะทำงาน ครั้งที่ 2/2566 "
        "ณ ห้องประชุมอำเภอแม่ทะนายสมปอง ดีใจ กล่าวว่า ให้ทุกตำบลรายงานผล"
    )
    assert (found.chair, found.place) == ("นายสมปอง ดีใจ นายอำเภอแม่ทะ", "ห้องประชุมอำเภอแม่ทะ")
    found, _ = header("ครั้งที่ 2/2566 ณ ห้องประชุมอำเภอแม่ทะ")  # no chair: nothing to cut at
    assert found.place == "ห้องประชุมอำเภอแม่ทะ"


# at random: a sentence that names its chair, cut at any point a PDF may wrap it inside the chair's words
DISTRICTS = sorted(p.name_th for p in places() if p.level == "district" and not p.name_th.startswith("เขต"))
PEOPLE = [("นาย", "กิตติ", "ศรีทอง"), ("นางสาว", "พิมพ์ชนก", "ใจงาม"), ("นาง", "อรุณี", "แก้วมณี"), ("ว่าที่ร้อยตรี", "ชนะ", "ดีเลิศ")]


@settings(max_examples=120, deadline=None)
@given(district=st.sampled_from(DISTRICTS), person=st.sampled_from(PEOPLE),
       cut=st.sampled_from(["พัฒนาการอำเภอ|", " |เป็นประธาน", "เป็น|ประธาน"]))  # fmt: skip
def test_a_chair_cut_by_a_line_end_reads_as_the_whole_line(district, person, cut):
    title, first, last = person
    chair = f"{title}{first} {last} พัฒนาการอำเภอ{district}"
    line = f"วันที่ 5 มีนาคม 2566 {chair} เป็นประธานการประชุมคณะทำงาน ครั้งที่ 2/2566"
    written = cut.replace("|", "")
    above, below = line.split(written, 1)
    above, below = (above + cut.split("|")[0]).strip(), (cut.split("|")[1] + below).strip()
    whole, _ = header(line)
    split, notes = header(above, below)
    assert whole.chair == split.chair == chair
    assert [n.kind for n in notes if n.kind == "merged"] == ["merged"]


def test_a_join_the_rest_of_a_post_repeats_is_said_once():
    head = ("ประชุมคณะทำงาน ครั้งที่ 4/2566", "โดยมีนางสุดา แก้วใส รองอธิบดีกรมการพัฒนาชุมชน", "เป็นประธาน")
    found, notes = header(*head, more=head)
    assert found.chair == "นางสุดา แก้วใส รองอธิบดีกรมการพัฒนาชุมชน"
    merged = [n.surface for n in notes if n.kind == "merged"]
    assert len(merged) == 1 and merged[0].endswith("อธิบดีกรมการพัฒนาชุมชนเป็นประธาน")


PROVINCES = sorted(p.name_th for p in places() if p.level == "province")


@settings(max_examples=120, deadline=None)
@given(province=st.sampled_from(PROVINCES), zone=st.integers(1, 4), level=st.sampled_from(["ประถม", "มัธยม"]),
       cut=st.sampled_from(["การศึกษา|", "การศึกษา{level}|", "{level}ศึกษา|", "| เขต"]))  # fmt: skip
def test_an_education_office_cut_by_a_line_end_is_one_office(province, zone, level, cut):
    office = f"สำนักงานเขตพื้นที่การศึกษา{level}ศึกษา{province} เขต {zone}"
    line = f"รายงานการประชุมผู้บริหารสถานศึกษาในสังกัด{office}"
    mark = cut.format(level=level)
    at = line.index(mark.replace("|", "")) + mark.index("|")
    found, notes = header(line[:at].strip(), line[at:].strip(), f"ครั้งที่ {zone}/2566")
    assert found.office == office
    assert [n.kind for n in notes] == ["merged"]


def test_a_table_heads_office_written_on_two_lines_is_one_office():
    found, notes = header("สรุปข้อสั่งการการประชุมกรมการพัฒนาชุมชน", "สำนักงานพัฒนาชุมชน", "อำเภอบ้านธิ จังหวัดลำพูน",
                          "ครั้งที่ 5/2566", whole=True)  # fmt: skip
    assert (found.office, found.district, found.province) == ("สำนักงานพัฒนาชุมชนอำเภอบ้านธิ จังหวัดลำพูน", "บ้านธิ", "ลำพูน")
    assert found.title == "สรุปข้อสั่งการการประชุมกรมการพัฒนาชุมชน" and [n.kind for n in notes] == ["merged"]
    # a line that ends with the department's name, then one whose อำเภอ names no district: two lines
    lines, notes = ["สรุปข้อสั่งการการประชุมกรมการพัฒนาชุมชน", "อำเภอรายงานผลทุกเดือน"], []
    assert join_cut_lines(lines, notes) == lines and notes == []


# --- the meeting's facts where a head puts them unusually (invented posts) -------------------------------

MORNING = (
    "วันอังคารที่ 9 เมษายน 2567 ช่วงเช้า เวลา 09.00 น. นายวีระ ทองคำ พัฒนาการอำเภอนาหมื่น พร้อมด้วยเจ้าหน้าที่ "
    "เข้าร่วมประชุมกรมการพัฒนาชุมชน ครั้งที่ 3/2567 ผ่านระบบ VDO Conference ณ ห้องประชุมที่ว่าการอำเภอนาหมื่น "
    "โดยมีรองอธิบดีกรมการพัฒนาชุมชนเป็นประธาน"
)
AFTERNOON = (
    "ช่วงบ่าย เวลา 13.00 น. นายวีระ ทองคำ พัฒนาการอำเภอนาหมื่น เป็นประธานการประชุมประจำเดือนเมษายน 2567 "
    "ณ ห้องประชุมสำนักงานพัฒนาชุมชนอำเภอนาหมื่น เพื่อแจ้งข้อสั่งการ ดังนี้"
)


def test_of_two_meetings_told_the_write_up_is_the_last_before_its_directives():
    found, notes = header("พช.นาหมื่น ประชุมกรมฯ และประชุมประจำเดือน", MORNING, AFTERNOON)
    assert (found.number, found.year_be) == (4, 2567)
    assert found.chair == "นายวีระ ทองคำ พัฒนาการอำเภอนาหมื่น"
    assert found.place == "ห้องประชุมสำนักงานพัฒนาชุมชนอำเภอนาหมื่น"
    assert found.meeting_date == date(2024, 4, 9)  # its line gives no day: the day the post opens with, said
    told = [n for n in notes if n.kind == "inferred" and "meetings" in n.message]
    assert len(told) == 1 and "3/2567 (chaired by รองอธิบดีกรมการพัฒนาชุมชน)" in told[0].message and told[0].th
    assert any("no day of its own" in n.message for n in notes)
    # told the other way round, the department's meeting comes last and its directives follow: it is the write-up's
    found, notes = header(AFTERNOON.replace("ช่วงบ่าย", "วันที่ 9 เมษายน 2567"), MORNING.replace(" ช่วงเช้า", ""))
    assert (found.number, found.chair) == (3, "รองอธิบดีกรมการพัฒนาชุมชน")
    assert found.place == "ห้องประชุมที่ว่าการอำเภอนาหมื่น"


def test_a_district_that_relays_the_departments_meeting_reads_the_departments_meeting():
    found, notes = header("พช.นาหมื่น ร่วมประชุมกรมการพัฒนาชุมชน ครั้งที่ 3/2567", MORNING)
    assert (found.number, found.year_be, found.chair) == (3, 2567, "รองอธิบดีกรมการพัฒนาชุมชน")
    assert found.place == "ห้องประชุมที่ว่าการอำเภอนาหมื่น"
    assert not any("meetings" in n.message for n in notes)
    # one meeting told twice (a headline, then its sentence) is one meeting
    found, notes = header("นายวีระ ทองคำ เป็นประธานการประชุมประจำเดือนเมษายน 2567", AFTERNOON)
    assert (found.number, found.year_be) == (4, 2567) and not any("meetings" in n.message for n in notes)


NAMES = st.tuples(
    st.sampled_from(["นาย", "นางสาว", "นาง", "ดร."]),
    st.text(alphabet="กขคงจชดตทนบปพมยรลวสหอ", min_size=2, max_size=8),
    st.text(alphabet="กขคงจชดตทนบปพมยรลวสหอ", min_size=2, max_size=8),
    st.sampled_from(PROVINCES),
)


@settings(max_examples=80, deadline=None)
@given(name=NAMES, glued=st.booleans())
def test_the_chair_after_prathan_colon_is_that_person(name, glued):
    title, first, last, province = name
    chair = f"{title}{first} {last} พัฒนาการจังหวัด{province}"
    room = f"ณ ห้องประชุมสำนักงานพัฒนาชุมชนจังหวัด{province}"
    lines = [f"ประชุมเมื่อวันที่ 30/01/2567 {room}", f"ประธาน : {chair}"]
    if glued:  # a PDF that ran the chair's line into the place's
        lines = [lines[0] + lines[1]]
    found, _ = header("ตารางติดตามข้อสั่งการ การประชุมประจำเดือนมกราคม 2567", *lines)
    assert found.chair == chair
    assert found.place == room.removeprefix("ณ ")


@pytest.mark.parametrize("line", ["ประธาน : -", "ประธาน : ที่ประชุมรับทราบ", "ประธานกรรมการกองทุน นายชัย ดีงาม"])
def test_prathan_with_no_person_after_it_names_no_chair(line):
    found, _ = header("ประชุมคณะทำงาน ครั้งที่ 2/2567", line)
    assert found.chair is None


LEADS_LINE = "วันพุธที่ 3 เมษายน 2567 เวลา 09.30 น. ณ สำนักงานพัฒนาชุมชนอำเภอบ้านโฮ่ง นางอัมพร แสงทอง พัฒนาการอำเภอบ้านโฮ่ง "


@pytest.mark.parametrize("verb", ["มอบแนวทางการปฏิบัติงาน", "มอบนโยบายแก่เจ้าหน้าที่", "ชี้แจงแนวทางการทำงาน"])
def test_with_no_one_said_to_chair_the_one_who_leads_is_the_chair_and_the_post_opens_on_its_day(verb):
    found, notes = header("พช.บ้านโฮ่ง ประชุมประจำเดือนเมษายน 2567", more=(LEADS_LINE + verb, "ให้ส่งภายใน 9 เม.ย. 67"))
    assert found.chair == "นางอัมพร แสงทอง พัฒนาการอำเภอบ้านโฮ่ง"
    assert found.meeting_date == date(2024, 4, 3) and found.place == "สำนักงานพัฒนาชุมชนอำเภอบ้านโฮ่ง"
    inferred = [n.message for n in notes if n.kind == "inferred"]
    assert any("read as its chair" in m for m in inferred) and any("read as its day" in m for m in inferred)


def test_a_leader_is_no_chair_where_someone_chairs_and_a_deadline_is_no_meeting_day():
    found, notes = header(
        "พช.บ้านโฮ่ง ประชุมประจำเดือนเมษายน 2567",
        more=(LEADS_LINE + "เป็นประธานการประชุม โดยมีนายชัย ดีงาม ปลัดอำเภอ มอบนโยบาย",),
    )
    assert found.chair == "นางอัมพร แสงทอง พัฒนาการอำเภอบ้านโฮ่ง"
    assert not any("read as its chair" in n.message for n in notes)
    found, notes = header(
        "พช.บ้านโฮ่ง ประชุมประจำเดือนเมษายน 2567",
        more=("ให้ส่งรายงานภายในวันที่ 14 เมษายน 2567 ณ สำนักงาน", "ที่ประชุมมอบแนวทางการทำงาน"),
    )
    assert (found.meeting_date, found.chair) == (None, None)


POSITION_WORDS = ["ผู้อำนวยการ", "กลุ่มงาน", "ส่งเสริมการพัฒนาชุมชน", " ", "รักษาราชการแทน", "พัฒนาการจังหวัด"]


@settings(max_examples=80, deadline=None)
@given(name=NAMES, cut=st.integers(1, len(POSITION_WORDS) - 1))
def test_an_acting_chair_cut_by_a_line_end_is_read_whole(name, cut):
    title, first, last, province = name
    position = "".join(POSITION_WORDS) + province
    line = f"วันศุกร์ที่ 5 เมษายน 2567 เวลา 13.30 น. {title}{first} {last} {position} เป็นประธานการประชุม ครั้งที่ 2/2567"
    at = line.index(position) + len("".join(POSITION_WORDS[:cut]))
    above, below = line[:at].rstrip(), line[at:].lstrip()  # a wrap at a space drops it
    found, notes = header("พช. ประชุมติดตามงาน", above, below)
    assert found.chair == f"{title}{first} {last} {position}"
    assert any(n.kind == "merged" for n in notes)


def test_a_chair_that_names_a_position_only_is_not_joined_to_the_line_above():
    found, notes = header("ประชุมคณะทำงาน ครั้งที่ 2/2567 ณ ห้องประชุมอำเภอ", "โดยมีนายอำเภอเป็นประธาน")
    assert found.chair == "นายอำเภอ" and not any(n.kind == "merged" for n in notes)


def test_the_office_named_only_in_a_tables_closing_line():
    head = ("สรุปข้อสั่งการ การประชุมคณะกรมการจังหวัด ครั้งที่ 4/2567", "โดยมีผู้ว่าราชการจังหวัดเป็นประธาน")
    found, notes = header(*head, whole=True, closing=["งานธุรการ สำนักงานพัฒนาชุมชนจังหวัดพะเยา : รายงาน"])
    assert found.office == "สำนักงานพัฒนาชุมชนจังหวัดพะเยา" and found.province == "พะเยา"
    assert any(n.kind == "inferred" and "closing line" in n.message for n in notes)
    found, notes = header(*head, whole=True, closing=["ลงชื่อ ผู้สรุป"])
    assert found.office == "" and not any("closing line" in n.message for n in notes)


@pytest.mark.parametrize(
    "written, place, repaired",
    [
        ("ณ โรงแรมริมปิง อำเภอเมืองลำพูนจังหวัดลำพูน โดยมี", "โรงแรมริมปิง อำเภอเมืองลำพูน จังหวัดลำพูน", True),
        ("ณ โรงแรมริมปิง อำเภอเมืองลำพูน จังหวัดลำพูน โดยมี", "โรงแรมริมปิง อำเภอเมืองลำพูน จังหวัดลำพูน", False),
        ("ณ ห้องประชุมอำเภอบ้านธินายชัย ดีงาม ปลัดอำเภอ เป็นประธาน", "ห้องประชุมอำเภอบ้านธิ", True),
    ],
)
def test_a_place_run_into_the_next_words_by_a_wrap(written, place, repaired):
    found, notes = header("ประชุมคณะทำงาน ครั้งที่ 2/2567", written)
    assert found.place == place
    assert any(n.kind == "repair" and "space between" in n.message for n in notes) is repaired


def test_names_a_meeting_is_not_fooled_by_a_meeting_room():
    from cddbrief.header import names_a_meeting

    assert not names_a_meeting("ณ ห้องประชุมเทศบาล นายชัย ดีงาม เป็นประธานเปิดการอบรมหลักสูตร")
    assert not names_a_meeting("ณ หอประชุมอำเภอ จัดพิธีมอบเกียรติบัตร")
    assert names_a_meeting("ณ ห้องประชุมอำเภอ ประชุมคณะทำงาน") and names_a_meeting("ครั้งที่ 2/2567")


def test_a_training_course_in_a_meeting_room_is_refused_in_one_line_and_a_meeting_there_is_read():
    from cddbrief.errors import NotAWriteUp
    from cddbrief.meeting import parse_document
    from cddbrief.sources import read_bytes

    course = (
        "พช.พะเยา จัดอบรมหลักสูตรการทำบัญชีครัวเรือน รุ่นที่ 3\n\n"
        "วันที่ 4 เมษายน 2567 เวลา 09.00 น. ณ ห้องประชุมองค์การบริหารส่วนตำบลบ้านต๋อม นายชัย ดีงาม "
        "พัฒนาการจังหวัดพะเยา เป็นประธานเปิดการอบรม ให้แก่ผู้นำชุมชน จำนวน 45 คน\n\n"
        "ขอให้ผู้ผ่านการอบรมนำความรู้ไปถ่ายทอดแก่ครัวเรือนในหมู่บ้าน\n"
    )
    with pytest.raises(NotAWriteUp) as refused:
        parse_document(read_bytes(course.encode(), "course.txt"), need_number=False)
    assert "tells of no meeting" in refused.value.problem and "\n" not in str(refused.value)
    meeting = course.replace("จัดอบรมหลักสูตรการทำบัญชีครัวเรือน รุ่นที่ 3", "ประชุมประจำเดือนเมษายน 2567").replace(
        "เปิดการอบรม", "การประชุม"
    )
    read = parse_document(read_bytes(meeting.encode(), "meeting.txt"), need_number=False)
    assert (read.id, read.chair) == ("2567-04", "นายชัย ดีงาม พัฒนาการจังหวัดพะเยา")


@settings(max_examples=60, deadline=None)
@given(name=NAMES)
def test_the_chair_after_prathan_and_a_space_on_its_own_line_is_that_person(name):
    title, first, last, province = name
    chair = f"{title}{first} {last} พัฒนาการจังหวัด{province}"
    lines = [f"วันที่ 30/01/2567 ณ ห้องประชุมสำนักงานพัฒนาชุมชนจังหวัด{province}", f"ประธาน {chair}"]
    found, _ = header("ตารางติดตามข้อสั่งการ การประชุมประจำเดือนมกราคม 2567", *lines, whole=True)
    assert found.chair == chair


@pytest.mark.parametrize("line", ["รองประธาน นายชัย ดีงาม ปลัดอำเภอ", "ที่ประชุมเสนอให้ ประธาน นายชัย ดีงาม ลงนาม"])
def test_prathan_and_a_space_inside_a_line_or_after_rong_names_no_chair(line):
    found, _ = header("ประชุมคณะทำงาน ครั้งที่ 2/2567", line, whole=True)
    assert found.chair is None


THAI_MONTHS = [full for full, _ in MONTHS]
MOVED_DAYS = st.tuples(st.integers(1, 27), st.integers(1, 3), st.integers(1, 12))


@settings(max_examples=60, deadline=None)
@given(days=MOVED_DAYS, weekday=st.booleans())
def test_a_postponed_meeting_is_held_on_the_day_it_was_moved_to_and_the_first_day_is_a_note(days, weekday):
    first, later, month = days
    set_for, held = date(2024, month, first), date(2024, month, first + later)
    names = ("จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์", "อาทิตย์")

    def written(day: date) -> str:
        return f"{f'วัน{names[day.weekday()]}' if weekday else 'วัน'}ที่ {day.day} {THAI_MONTHS[day.month - 1]} 2567"

    line = (
        f"การประชุมประจำเดือน ครั้งที่ 4/2567 ซึ่งเดิมกำหนดจัดใน{written(set_for)} ได้เลื่อนเป็น{written(held)}"
        " เนื่องจากติดภารกิจ ณ ห้องประชุมอำเภอ"
    )
    found, notes = header("สพอ.บ้านโป่ง ประชุมประจำเดือน", line)
    assert found.meeting_date == held
    moved = [n for n in notes if n.surface == f"{set_for.day} {THAI_MONTHS[month - 1]} 2567"]
    assert [n.kind for n in moved] == ["inferred"] and "moved" in moved[0].message


def test_a_day_first_set_but_never_moved_is_the_meetings_day():
    line = "การประชุม ครั้งที่ 4/2567 เดิมกำหนดไว้วันที่ 3 มิถุนายน 2567 ณ ห้องประชุมอำเภอ ตามแผน"
    found, notes = header("สพอ.บ้านโป่ง ประชุมประจำเดือน", line)
    assert found.meeting_date == date(2024, 6, 3) and not [n for n in notes if "moved" in n.message]


@pytest.mark.parametrize(
    "after, place",
    [
        (
            "ณ ศาลาอเนกประสงค์บ้านหนองแวง หมู่ที่ 4 ตำบลโนนสูง มีนายชาตรี ใจงาม พัฒนาการอำเภอ เป็นประธาน",
            "ศาลาอเนกประสงค์บ้านหนองแวง หมู่ที่ 4 ตำบลโนนสูง",
        ),
        ("ณ ห้องประชุมอำเภอโนนสูง และเชื่อมต่อทุกตำบลผ่านระบบ Zoom Meeting ID 812 3456", "ห้องประชุมอำเภอโนนสูง"),
        ("ณ ห้องประชุมอำเภอโนนสูง และผ่านระบบ Zoom", "ห้องประชุมอำเภอโนนสูง"),
        ("ณ ห้องประชุมสำนักงานพัฒนาชุมชนอำเภอโนนสูง ชั้น 2 " + "พัฒนากรรายงานผลงานของเดือนที่ผ่านมา" * 4 + " 38,500 บาท",
         "ห้องประชุมสำนักงานพัฒนาชุมชนอำเภอโนนสูง ชั้น 2"),
        ("ณ ห้องประชุมมีชัย สำนักงานเทศบาลตำบลโนนสูง", "ห้องประชุมมีชัย สำนักงานเทศบาลตำบลโนนสูง"),
        ("ณ ห้องประชุม Smart Room ชั้น 3 ที่ว่าการอำเภอโนนสูง", "ห้องประชุม Smart Room ชั้น 3 ที่ว่าการอำเภอโนนสูง"),
        ("ณ ห้องประชุมราชพฤกษ์ สำนักงานเขตพื้นที่การศึกษา เขต 3 ผู้บริหารรายงานผล", "ห้องประชุมราชพฤกษ์ สำนักงานเขตพื้นที่การศึกษา เขต 3"),
    ],
)  # fmt: skip
def test_the_place_ends_where_the_room_does(after, place):
    line = f"วันพุธที่ 24 กรกฎาคม 2567 นางสาวสมใจ ดีงาม พัฒนาการอำเภอ เป็นประธานการประชุมประจำเดือนกรกฎาคม 2567 {after}"
    found, _ = header("สพอ.โนนสูง ประชุมประจำเดือนกรกฎาคม 2567", line)
    assert found.place == place and found.meeting_date == date(2024, 7, 24)


def test_another_agencys_minutes_take_the_office_of_their_title_not_a_guests():
    found, _ = header(
        "รายงานการประชุมคณะกรรมการพัฒนาท้องถิ่นเทศบาลตำบลหนองบัว",
        "ครั้งที่ 2/2567",
        "วันที่ 5 เดือน เมษายน พ.ศ. 2567 เวลา 13.30 น.",
        "ผู้เข้าร่วมประชุม",
        "1. นางสาวดวงใจ ศรีสุข พัฒนากร สพอ.หนองบัว",
        whole=False,
    )
    assert found.office == "เทศบาลตำบลหนองบัว" and found.meeting_date == date(2024, 4, 5)


def test_the_departments_minutes_keep_their_office_with_another_agencys_guest():
    found, _ = header(
        "รายงานการประชุมประจำเดือน สพอ.หนองบัว",
        "ครั้งที่ 2/2567",
        "วันที่ 5 เมษายน 2567 ณ ห้องประชุม",
        "1. นายสมชาย ใจดี ปลัดเทศบาลตำบลหนองบัว",
        whole=False,
    )
    assert found.office == "สำนักงานพัฒนาชุมชนอำเภอหนองบัว"


def test_another_agencys_meeting_told_by_the_departments_office_is_that_offices():
    found, _ = header(
        "การประชุมคณะกรรมการพัฒนาท้องถิ่นเทศบาลตำบลหนองบัว ครั้งที่ 2/2567",
        "วันที่ 5 เมษายน 2567 นางสาวดวงใจ ศรีสุข พัฒนาการอำเภอหนองบัว เข้าร่วมประชุม ณ ห้องประชุมเทศบาล",
        whole=False,
    )
    assert found.office == "สำนักงานพัฒนาชุมชนอำเภอหนองบัว"


@pytest.mark.parametrize("opener", ["", "เมื่อ", "ใน"])
@pytest.mark.parametrize("weekday", ["", "พฤหัสบดี"])
def test_a_day_on_its_own_line_below_the_meetings_number_dates_it(opener, weekday):
    line = f"{opener}วัน{weekday}ที่ 16 พฤษภาคม 2567 เวลา 09.30 น."
    found, _ = header("สำนักงานพัฒนาชุมชนอำเภอแม่ทะ", "การประชุมประจำเดือน ครั้งที่ 5/2567", line, "ห้องประชุมอำเภอ")
    assert found.meeting_date == date(2024, 5, 16)


def test_a_day_below_the_meetings_number_in_a_line_that_is_no_date_line_does_not_date_it():
    line = "ให้ส่งรายงานภายในวันที่ 16 พฤษภาคม 2567"
    found, _ = header("สำนักงานพัฒนาชุมชนอำเภอแม่ทะ", "การประชุมประจำเดือน ครั้งที่ 5/2567", line)
    assert found.meeting_date is None


HELD_HEAD = (
    "พช.แม่ริม ทบทวนแผนกองทุนหมู่บ้าน",
    "ที่ห้องประชุมราชพฤกษ์ ที่ว่าการอำเภอแม่ริม นายสมบัติ ใจกว้าง นายอำเภอแม่ริม เป็นประธานการประชุมคณะทำงานระดับอำเภอ",
)


@pytest.mark.parametrize(
    "said",
    [
        "การประชุมครั้งนี้มีขึ้นเมื่อวันอังคารที่ 12 มี.ค.2567 เวลา 09.00 น.",  # the month run into the year
        "การประชุมดังกล่าวจัดขึ้นในวันที่ ๑๒ มีนาคม ๒๕๖๗ เวลา ๐๙.๐๐ น.",  # Thai digits
        "ประชุมครั้งนี้จัดขึ้น  วันที่ 12 มี.ค. 67 ณ ศาลาประชาคมหมู่บ้าน",  # its place, not its time
        "คณะทำงานได้ประชุมเมื่อวันอังคารที่ 12 มีนาคม 2567 ตั้งแต่เวลา 9.00 น. จนแล้วเสร็จ",
        "ทั้งนี้ การประชุมในครั้งนี้จัดขึ้นเมื่อวันที่ 12 มี.ค. 2567 เวลา 13.30 น. ด้วยงบประมาณของอำเภอ",
    ],
)
def test_a_sentence_anywhere_in_the_post_that_says_when_the_meeting_was_held_dates_it(said):
    body = "ที่ประชุมรับทราบผลการดำเนินงานกองทุนในรอบปี และให้ส่งรายงานภายในวันที่ 20 มี.ค. 67"
    found, notes = header(*HELD_HEAD, more=(*HELD_HEAD, body, said, "ภาพ/ข่าว : สำนักงานพัฒนาชุมชนอำเภอแม่ริม"))
    assert found.meeting_date == date(2024, 3, 12)
    note = next(n for n in notes if n.kind == "inferred" and "meeting's day" in n.message)
    assert note.surface in " ".join(said.split()) and note.th


@pytest.mark.parametrize(
    "said",
    [
        "การประชุมครั้งต่อไปจัดขึ้นในวันที่ 9 เม.ย. 2567 เวลา 09.00 น.",  # the next meeting
        "การประชุมครั้งหน้าจะจัดขึ้นในวันที่ 9 เม.ย. 2567 เวลา 09.00 น. ณ ห้องประชุมอำเภอ",
        "ให้ทุกตำบลส่งรายงานการประชุมภายในวันที่ 9 เม.ย. 2567 เวลา 16.30 น.",  # a deadline
        "ตามที่การประชุมคณะทำงานจัดขึ้นเมื่อวันที่ 2 ก.พ. 2567 เวลา 13.30 น. ได้มอบหมายให้ตำบลสำรวจข้อมูล",  # background
        "ภาพ : บรรยากาศกลุ่มอาชีพซึ่งจัดประชุมเมื่อวันที่ 2 ก.พ. 2567 เวลา 10.00 น.",  # a photo caption
        "ที่ประชุมรับรองรายงานการประชุมเมื่อวันที่ 2 ก.พ. 2567 เวลา 13.30 น.",  # the minutes approved
        "ที่ประชุมมีมติให้จัดประชุมเมื่อวันที่ 9 เม.ย. 2567 เวลา 09.00 น.",
        "งานแสดงสินค้ากลุ่มอาชีพจัดขึ้นเมื่อวันที่ 2 ก.พ. 2567 เวลา 10.00 น. ณ ลานวัด",  # another event
        "การประชุมครั้งนี้จัดขึ้นเมื่อวันที่ 2 ก.พ. 2567 เพื่อทบทวนแผน",  # no time, no place: no more than a mention
    ],
)
def test_a_day_that_is_not_the_meeting_being_held_does_not_date_it(said):
    found, notes = header(*HELD_HEAD, more=(*HELD_HEAD, said))
    assert found.meeting_date is None and not any("meeting's day" in n.message for n in notes)


def test_the_heads_own_day_beats_a_held_sentence_further_down():
    head = (HELD_HEAD[0], "เมื่อวันอังคารที่ 12 มีนาคม 2567 " + HELD_HEAD[1])
    found, notes = header(*head, more=(*head, "การประชุมครั้งนี้จัดขึ้นเมื่อวันที่ 2 ก.พ. 2567 เวลา 13.30 น."))
    assert found.meeting_date == date(2024, 3, 12) and not any("meeting's day" in n.message for n in notes)


LABELLED_TITLE = "สรุปผลการประชุมพัฒนากร ครั้งที่ 3/2567 สำนักงานพัฒนาชุมชนอำเภอแม่ริม"
LABELLED_PLACE = "ห้องประชุมราชพฤกษ์ สำนักงานพัฒนาชุมชนอำเภอแม่ริม"


@pytest.mark.parametrize("in_head", [True, False])
@pytest.mark.parametrize(
    "day_line, place_line",
    [
        ("วันที่ประชุม : วันพฤหัสบดีที่ 14 มีนาคม 2567 เวลา 09.30 น.", f"สถานที่ : {LABELLED_PLACE}"),
        ("วันประชุม วันพฤหัสบดีที่ 14 มี.ค. 67", f"สถานที่ประชุม {LABELLED_PLACE}"),  # no colon
        ("วัน/เวลา : ๑๔ มีนาคม ๒๕๖๗ เวลา ๐๙.๓๐ น.", f"ณ : {LABELLED_PLACE}"),  # Thai digits
        ("วันเวลาประชุม : 14 มี.ค. 2567", f"สถานที่ประชุม : ณ {LABELLED_PLACE}"),
        ("วันที่ประชุม：14 มีนาคม 2567", f"สถานที่：{LABELLED_PLACE}"),  # a full-width colon
        ("วันและเวลา 14 มี.ค. 67 เวลา 9.00 น.", f"สถานที่ ณ {LABELLED_PLACE}"),
    ],
)
def test_a_head_written_as_labelled_lines(day_line, place_line, in_head):
    chair = "ประธานการประชุม : นายสมบัติ ใจกว้าง พัฒนาการอำเภอแม่ริม"
    lines = [LABELLED_TITLE, day_line, "เวลา : 09.30 น.", place_line, chair]
    found, notes = header(*lines) if in_head else header(LABELLED_TITLE, more=(*lines, "ประเด็นที่ 1 กองทุนหมู่บ้าน"))
    assert (found.meeting_date, found.place) == (date(2024, 3, 14), LABELLED_PLACE)
    assert found.chair == "นายสมบัติ ใจกว้าง พัฒนาการอำเภอแม่ริม"
    # read as written in the head; from the rest of a post, said in a note
    assert any("labelled" in n.message for n in notes) is not in_head


@pytest.mark.parametrize("in_head", [True, False])
@pytest.mark.parametrize(
    "line",
    [
        "ให้ส่งรายงานวันที่ : 20 มี.ค. 67",  # a label inside another sentence
        "วันที่ : 20 มี.ค. 67",  # a page's own day, as it is posted
        "วันที่ประชุมครั้งต่อไป : 9 เม.ย. 67",  # the next meeting's day
        "วันประชุมครั้งหน้า 9 เม.ย. 67",
        "ขอให้จัดเตรียมสถานที่ : ห้องประชุมใหญ่ ให้พร้อม",
        "สถานที่ท่องเที่ยวชุมชน ห้องประชุมใหญ่",
        "สถานที่ประชุมคับแคบ ควรย้ายไปห้องประชุมใหญ่",
    ],
)
def test_a_label_that_is_not_the_meetings_day_or_place_is_not_read(line, in_head):
    found, _ = header(LABELLED_TITLE, line) if in_head else header(LABELLED_TITLE, more=(LABELLED_TITLE, line))
    assert (found.meeting_date, found.place) == (None, None)


@pytest.mark.parametrize(
    "glued",
    [
        "เวลา 13.30 น.ณ ",
        "เวลา ๑๓.๓๐ น.ณ ",  # Thai digits
        "เวลา 13.30น.ณ",  # no space on either side
        "",  # the year itself run into ณ
    ],
)
def test_a_place_whose_na_is_run_into_the_time_or_the_year(glued):
    at = glued or "ณ "
    day = "เมื่อวันจันทร์ที่ 4 มีนาคม 2567" + (" " if glued else "")
    line = f"พะเยา / 5 มี.ค. 67 – {day}{at}ห้องประชุมดอกแก้ว ชั้น 3 ศาลากลางจังหวัดพะเยา ได้มีการประชุมพัฒนากร"
    found, notes = header("พช.พะเยา ประชุมประจำเดือนมีนาคม 2567", line)
    assert found.place == "ห้องประชุมดอกแก้ว ชั้น 3 ศาลากลางจังหวัดพะเยา"
    assert any(n.kind == "repair" and "ณ" in n.surface and "ณ" in n.message for n in notes)


@pytest.mark.parametrize(
    "line",
    [
        "วันที่ 4 มีนาคม 2567 เวลา 13.30 น. น.ส.ณัฐธิดา ใจดี กล่าวเปิดการประชุม",  # a name after the title, not ณ
        "วันที่ 4 มีนาคม 2567 เวลา 13.30 น.ณัฐพล ใจดี กล่าวเปิดการประชุม",  # a name run into the time
    ],
)
def test_a_name_that_opens_on_na_after_the_time_is_no_place(line):
    found, notes = header("ประชุมคณะทำงาน ครั้งที่ 3/2567", line)
    assert found.place is None and not any(n.kind == "repair" for n in notes)


def test_of_two_meetings_told_on_two_days_the_write_ups_own_day_is_its_day():
    # the other meeting's line tells more (its time, room and chair) on 8 April; the write-up's own, told last, is on
    # 9 April: its own line's day, not the fullest line's
    other = (
        "วันที่ 8 เมษายน 2567 เวลา 09.00 น. นายวีระ ทองคำ พัฒนาการอำเภอนาหมื่น เข้าร่วมประชุมกรมการพัฒนาชุมชน "
        "ครั้งที่ 3/2567 ณ ห้องประชุมที่ว่าการอำเภอนาหมื่น โดยมีรองอธิบดีกรมการพัฒนาชุมชนเป็นประธาน"
    )
    own = "วันที่ 9 เมษายน 2567 นายวีระ ทองคำ เป็นประธานการประชุมประจำเดือน ครั้งที่ 4/2567 เพื่อแจ้งข้อสั่งการ ดังนี้"
    found, notes = header("พช.นาหมื่น ประชุมกรมฯ และประชุมประจำเดือน", other, own)
    assert (found.number, found.meeting_date) == (4, date(2024, 4, 9))
    assert not any("no day of its own" in n.message for n in notes)


def test_a_title_longer_than_200_characters_is_cut_at_a_word_with_an_ellipsis():
    long_title = "การประชุมประจำเดือน ครั้งที่ 4/2567 " + "เรื่องการขับเคลื่อนเศรษฐกิจฐานราก " * 12
    found, _ = header(long_title.strip(), "สำนักงานพัฒนาชุมชนอำเภอแม่ทะ")
    assert found.title.endswith("…") and len(found.title) <= 201
    assert long_title.startswith(found.title[:-1]) and not found.title[:-1].endswith(" ")


@pytest.mark.parametrize("next_words", ["ประชุมครั้งต่อไป", "นัดประชุมครั้งหน้า", "กำหนดประชุมครั้งถัดไป"])
def test_the_next_meetings_room_is_not_this_meetings_place(next_words):
    head = ("สรุปการประชุมประจำเดือน ครั้งที่ 5/2567 สำนักงานพัฒนาชุมชนอำเภอแม่ทะ", "วันที่ 16 พฤษภาคม 2567 เวลา 09.30 น.")
    found, _ = header(*head, f"{next_words} วันที่ 13 มิถุนายน 2567 ณ ห้องประชุมอำเภอแม่ทะ")
    assert (found.meeting_date, found.place) == (date(2024, 5, 16), None)
    found, _ = header(*head[:1], head[1] + " ณ ศาลาประชาคม", f"{next_words} วันที่ 13 มิถุนายน 2567 ณ ห้องประชุมอำเภอ")
    assert found.place == "ศาลาประชาคม"


@pytest.mark.parametrize(
    "when",
    ["ณ วันที่ 12 มีนาคม 2567", "ณ วันศุกร์ที่ 12 มีนาคม 2567", "ณ เวลา 16.30 น.", "ณ ปัจจุบัน", "ณ สิ้นเดือนกุมภาพันธ์ 2567"],
)
def test_na_before_a_day_or_a_time_is_no_place(when):
    found, _ = header(
        "พช.ลำปาง ประชุมผ่านระบบออนไลน์ ครั้งที่ 3/2567",
        "วันที่ 14 มีนาคม 2567 นายสมปอง ดีมาก พัฒนาการจังหวัดลำปาง เป็นประธานการประชุมผ่านระบบ Zoom",
        f"ผลการดำเนินงานกองทุน {when} ส่งรายงานแล้ว 12 กองทุน",
    )
    assert found.place is None and found.meeting_date == date(2024, 3, 14)


def test_na_before_a_room_after_a_day_of_figures_is_still_the_place():
    found, _ = header("ประชุมคณะทำงาน ครั้งที่ 3/2567", "วันที่ 14 มีนาคม 2567 ณ ห้องประชุมอำเภอเกาะคา นายสมปอง ดีมาก เป็นประธาน")
    assert found.place == "ห้องประชุมอำเภอเกาะคา"


@pytest.mark.parametrize("as_", ["ในฐานะประธานคณะทำงานกลุ่มจังหวัด", "ในฐานะผู้แทนอธิบดี"])
def test_the_chair_ends_before_the_capacity_he_sits_in(as_):
    found, _ = header(
        "ประชุมกลุ่มจังหวัด ครั้งที่ 1/2567",
        f"วันที่ 5 มีนาคม 2567 นายดำรง ศรีงาม พัฒนาการจังหวัดแพร่ {as_} เป็นประธานการประชุม ณ ห้องประชุมเวียงโกศัย",
    )
    assert found.chair == "นายดำรง ศรีงาม พัฒนาการจังหวัดแพร่"


def test_a_title_opening_on_the_short_form_of_a_province_names_the_writing_office():
    # the chair heads another province's office, which the text names first
    found, notes = header(
        "พช.ลำปาง ร่วมประชุมกลุ่มจังหวัดภาคเหนือตอนบน ครั้งที่ 2/2567 ร่วมกับ พช.แพร่",
        "วันที่ 5 มีนาคม 2567 นายดำรง ศรีงาม พัฒนาการจังหวัดแพร่ เป็นประธานการประชุม ณ ห้องประชุมเวียงโกศัย",
    )
    assert found.office == "สำนักงานพัฒนาชุมชนจังหวัดลำปาง"
    assert any(n.kind == "inferred" and n.surface.startswith("พช.ลำปาง") for n in notes)


@pytest.mark.parametrize("short", ["พช.", "กรมการพัฒนาชุมชน (พช.) ", "พช.ตำบล"])
def test_the_short_form_without_a_province_names_no_office(short):
    found, _ = header(f"{short} ประชุมคณะทำงาน ครั้งที่ 2/2567", "วันที่ 5 มีนาคม 2567 ณ ห้องประชุม")
    assert not found.office.startswith("สำนักงานพัฒนาชุมชน")  # the department itself (กรม…) at most


@pytest.mark.parametrize("cue", ["ประชุมเมื่อ 26 ก.พ. 2567", "ประชุมเมื่อ 26 กุมภาพันธ์ 2567"])
def test_a_day_after_prachum_muea_is_the_meetings_day(cue):
    found, _ = header(
        "บันทึกข้อสั่งการ การประชุมประจำเดือนกุมภาพันธ์ 2567 สำนักงานพัฒนาชุมชนอำเภอสบปราบ",
        f"{cue} ณ ห้องประชุมสำนักงานพัฒนาชุมชนอำเภอสบปราบ",
        whole=True,
    )
    assert found.meeting_date == date(2024, 2, 26)


def test_the_person_who_signs_as_chair_is_the_chair_only_when_no_one_else_is():
    head = ("บันทึกข้อสั่งการ การประชุมประจำเดือนกุมภาพันธ์ 2567", "ประชุมเมื่อ 26 ก.พ. 2567 ณ ห้องประชุมอำเภอ")
    signed = ("ลงชื่อ นายประเสริฐ มั่นคง พัฒนาการอำเภอสบปราบ ประธานในที่ประชุม",)
    found, notes = header(*head, whole=True, closing=signed)
    assert found.chair == "นายประเสริฐ มั่นคง พัฒนาการอำเภอสบปราบ"
    assert any(n.kind == "inferred" and "signs" in n.message for n in notes)
    found, _ = header(*head, "นางวิไล ใจดี ปลัดอำเภอ เป็นประธานการประชุม", whole=True, closing=signed)
    assert found.chair == "นางวิไล ใจดี ปลัดอำเภอ"
    found, _ = header(*head, whole=True, closing=("ลงชื่อ นางสาวแก้ว ใจดี ผู้จดรายงานการประชุม",))
    assert found.chair is None


def test_a_role_wrapped_under_a_listed_persons_line_makes_the_chair():
    found, notes = header(
        "รายงานการประชุมคณะกรรมการกลุ่มออมทรัพย์ ครั้งที่ 2/2567",
        "ผู้เข้าร่วมประชุม",
        "1. นายสมศักดิ์ ดีงาม ประธานกลุ่มออมทรัพย์บ้านนาดี",
        "ประธาน",
        "2. นางพร ใจดี พัฒนากร ที่ปรึกษา",
    )
    assert found.chair == "นายสมศักดิ์ ดีงาม ประธานกลุ่มออมทรัพย์บ้านนาดี"
    assert any(n.kind == "merged" for n in notes)


@pytest.mark.parametrize(
    "glued, spaced",
    [
        ("นางสาวแก้ว ศรีสุขพัฒนาการจังหวัดตาก", "นางสาวแก้ว ศรีสุข พัฒนาการจังหวัดตาก"),
        ("นายดำ ขำคมปลัดอำเภอแม่สอด", "นายดำ ขำคม ปลัดอำเภอแม่สอด"),
        ("นายดำ ขำคมนายอำเภอแม่สอด", "นายดำ ขำคม นายอำเภอแม่สอด"),
        (
            "นายดำ ขำคม นักวิชาการพัฒนาชุมชนชำนาญการรักษาการในตำแหน่งพัฒนาการอำเภอแม่สอด",
            "นายดำ ขำคม นักวิชาการพัฒนาชุมชนชำนาญการ รักษาการในตำแหน่งพัฒนาการอำเภอแม่สอด",
        ),
    ],
)
def test_a_chairs_words_glued_at_a_line_end_are_spaced(glued, spaced):
    found, notes = header("ประชุมประจำเดือน ครั้งที่ 2/2567", f"วันที่ 5 มีนาคม 2567 {glued} เป็นประธานการประชุม")
    assert found.chair == spaced and any(n.kind == "repair" and n.surface == glued for n in notes)


@pytest.mark.parametrize(
    "chair",
    ["นายดำ ขำคม พัฒนาการจังหวัดตาก", "นางพร ปลัดสุข ผู้ใหญ่บ้าน", "นายดำ ขำคม ผู้รักษาการแทนพัฒนาการอำเภอ"],
)
def test_a_chair_written_with_its_spaces_is_left_as_it_is(chair):
    found, notes = header("ประชุมประจำเดือน ครั้งที่ 2/2567", f"วันที่ 5 มีนาคม 2567 {chair} เป็นประธานการประชุม")
    assert found.chair == chair and not any(n.kind == "repair" for n in notes)
