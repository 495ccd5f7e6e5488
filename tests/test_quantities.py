"""Counted nouns: a number followed by a Thai noun that no unit list holds is a figure of that noun
(``24 บูท``), checked against the Thai dictionary; rooms, floors, buildings, phone numbers, agenda
numbers, clauses, sections, village numbers, times and years never are.

Sentences here are written for the test. A table of sentences says what each gives, value, unit
and surface (and that the surface stands at its span); hypothesis then builds such phrases at
random: any room, floor, building, phone, agenda, clause or time phrase gives no figure, and a
number followed by a dictionary noun in a counting frame gives exactly that figure.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cddbrief.glossary import unit_en, units
from cddbrief.quantities import find_quantities
from cddbrief.thaiwords import is_function_word, is_word

POSITIVE = [
    ("ตลาดนัดชุมชน 24 บูท", [(24, "บูท", "24 บูท")]),
    ("จัดงานแสดงสินค้า 24 บูท ให้ผู้ประกอบการ", [(24, "บูท", "24 บูท")]),
    ("มีผู้ประกอบการจองพื้นที่ 1,250 บูท", [(1250, "บูท", "1,250 บูท")]),
    ("ปรับปรุงฝายชะลอน้ำ จำนวน 6 ฝาย", [(6, "ฝาย", "6 ฝาย")]),
    ("วัดในเขตอำเภอ จำนวน 15 วัด ร่วมโครงการ", [(15, "วัด", "15 วัด")]),
    ("ผู้เข้าร่วมประชุม 30 ท่าน", [(30, "ท่าน", "30 ท่าน")]),
    ("ก่อสร้างถนนคอนกรีต 4 สาย งบประมาณ 2,400,000 บาท", [(4, "สาย", "4 สาย"), (2400000, "บาท", "2,400,000 บาท")]),
    ("เยี่ยมบ้าน 12 บ้านเรือน ภายในวันที่ 30 มิถุนายน 2567", [(12, "บ้านเรือน", "12 บ้านเรือน")]),
    ("แจกเมล็ดพันธุ์ 3 พันซอง", [(3000, "ซอง", "3 พันซอง")]),
    ("ศูนย์เรียนรู้ 4 ศูนย์ และจัดเก็บได้ 98 ครัวเรือน", [(4, "ศูนย์", "4 ศูนย์"), (98, "ครัวเรือน", "98 ครัวเรือน")]),
    ("ขายได้ 2,566 บูท", [(2566, "บูท", "2,566 บูท")]),  # a comma: a count, not the year 2566
    ("การพัฒนาต่อยอด 1 เขตตรวจ 1 ชุมชน", [(1, "ชุมชน", "1 ชุมชน")]),  # เขต names the number after its phrase
    ("ปลูกป่าในพื้นที่ 12 แปลง", [(12, "แปลง", "12 แปลง")]),  # พื้นที่ before an amount, unlike เขตพื้นที่
]  # fmt: skip

NEGATIVE = [
    "ณ ห้องประชุม 301 ชั้น 3 ศาลากลางจังหวัด",
    "ณ ห้องประชุม 301 อาคาร 2",
    "ณ ห้อง 5001 ชั้น 5 ศาลากลาง",
    "อาคาร 2 ศาลากลางจังหวัด",
    "ติดต่อ โทร. 0 5382 1234 ต่อ 12 ในเวลาราชการ",
    "โทรศัพท์ 0 5541 1234 หรือแฟกซ์ 0 5541 1235 ศาลากลาง",
    "ระเบียบวาระที่ 3 เรื่องเพื่อพิจารณา",
    "วาระที่ 4 ผ้าไทยใส่ให้สนุก",
    "ข้อ 4 ให้จังหวัดรายงาน",
    "ตามมาตรา 35 วรรคสอง แห่งพระราชบัญญัติ",
    "ม. 5 ต.บ้านกลาง อ.เมือง",
    "หมู่ที่ 7 บ้านหนองบัว",
    "เริ่มประชุมเวลา 09.30 น. ณ ห้องประชุม",
    "เวลา 10 นาฬิกา ศาลากลาง",
    "ปีงบประมาณ 2567 ดำเนินการ",
    "แผนปฏิบัติการ 2567 ครอบคลุม",
    "ทีม 1 ลงพื้นที่ตำบล",
    "ไตรมาส 2 ผลการดำเนินงาน",
    "ครั้งที่ 4/2566 วันพุธที่ 5 เมษายน 2566",
    "ปี 2566 ให้รายงาน",
    "ไทยแลนด์ 4.0 ชุมชน",
    "จำนวน 12 และ 14",
    "ส่งแบบ 3 ก.พ.ช. ให้จังหวัด",  # an abbreviation after a number is no noun
    "3 อาหารกลางวัน ให้จัดตามอัตรา",  # a number that opens its line numbers the line
    "ให้รายงาน\n12 บูทใหม่",
    "และรายงานสำนักงานเขตพื้นที่ 3 อาหารกลางวัน",  # เขตพื้นที่ 3: an area's number
    "สำนักงานเขตพื้นที่การศึกษาประถมศึกษา เขต 2 อาคาร",
]


@pytest.mark.parametrize("text, want", POSITIVE, ids=[t for t, _ in POSITIVE])
def test_counted_nouns_are_figures_at_their_span(text, want):
    found, _ = find_quantities(text)
    assert [(q.value, q.unit, q.surface) for q in found] == want
    assert all(text[q.span.start : q.span.end] == q.surface for q in found)


@pytest.mark.parametrize("text", NEGATIVE)
def test_rooms_floors_phones_agenda_numbers_and_times_are_no_figures(text):
    found, _ = find_quantities(text)
    assert [q.surface for q in found] == []


def test_a_counted_noun_is_said_in_a_note_and_counts_like_any_count():
    found, notes = find_quantities("ตลาดนัด 24 บูท จัดเก็บได้ 98 ครัวเรือน", item=3, directive=1)
    booths = found[0]
    assert (booths.unit, booths.unit_key, booths.role, booths.item, booths.directive) == ("บูท", "บูท", "total", 3, 1)
    assert (
        [(n.kind, n.surface) for n in notes] == [("inferred", "24 บูท")]
        and "Thai dictionary" in notes[0].message
        and notes[0].th
    )
    assert units()["บูท"].kind == "count" and unit_en("บูท", 24) == "บูท" and "บูท" not in units()


def test_a_counted_noun_in_a_meeting_reaches_the_frames():
    from cddbrief.meeting import parse_document
    from cddbrief.sources import read_bytes
    from cddbrief.tidy import frame_records

    text = "สพอ.แม่ทะ ประชุมประจำเดือน ครั้งที่ 8/2564\n1. ตลาดนัดชุมชน: จัด 24 บูท ภายในวันที่ 30 ส.ค. 64\n2. ผ้าไทย: ให้แต่งกายผ้าไทย\n"
    meeting = parse_document(read_bytes(text.encode(), "x.txt"))
    rows = frame_records(meeting)["quantities"]
    assert [(r["item"], r["value"], r["unit"], r["unit_en"], r["surface"]) for r in rows] == [
        (1, 24.0, "บูท", "บูท", "24 บูท")
    ]
    assert any(n.kind == "inferred" and n.item == 1 and n.surface == "24 บูท" for n in meeting.notes)


# --- at random ------------------------------------------------------------------------------------

# nouns of the dictionary that no unit list holds and that start with no unit word, nor a function word
NOUNS = [w for w in ("บูท", "ฝาย", "วัด", "ท่าน", "บ้านเรือน", "ศูนย์", "ซอง", "สะพาน", "ตู้", "เครื่อง", "โรงเรือน", "ถนน",
                    "บ่อ", "ป้าย", "เต็นท์")
         if is_word(w) and not is_function_word(w) and w not in units()
         and not any(w.startswith(u) for u in units())]  # fmt: skip
LEADS = ["จำนวน ", "มี ", "รวม ", "ทั้งหมด ", "จัด ", "ตลาดนัดชุมชน ", "สร้าง", "ได้ ", "- มี "]
TAILS = ["", " ให้รายงานผล", " ในพื้นที่", " และ", ", "]


def _number(value: int, comma: bool) -> str:
    return f"{value:,}" if comma else str(value)


@settings(max_examples=150, deadline=None)
@given(noun=st.sampled_from(NOUNS), lead=st.sampled_from(LEADS), tail=st.sampled_from(TAILS),
       value=st.integers(1, 999_999), comma=st.booleans(), space=st.sampled_from([" ", "", "  "]))  # fmt: skip
def test_a_number_and_a_dictionary_noun_in_a_counting_frame_is_a_figure(noun, lead, tail, value, comma, space):
    written = _number(value, comma and value >= 1000)
    if "," not in written and len(written) == 4 and (2400 <= value <= 2700 or 1900 <= value <= 2100):
        written = f"{value:,}"  # a bare four-digit year is never a count; with its comma it is
    text = f"{lead}{written}{space}{noun}{tail}"
    found, _ = find_quantities(text)
    assert [(q.value, q.unit, q.surface) for q in found] == [(value, noun, f"{written}{space}{noun}")]
    assert text[found[0].span.start : found[0].span.end] == found[0].surface


def _phone(rng_digits: list[int]) -> str:
    return "0 " + "".join(map(str, rng_digits[:4])) + " " + "".join(map(str, rng_digits[4:8]))


LABELLED = st.one_of(
    st.builds(lambda n, m: f"ห้องประชุม {n} ชั้น {m}", st.integers(1, 9999), st.integers(1, 40)),
    st.builds(lambda n: f"ห้องประชุม {n}", st.integers(1, 9999)),
    st.builds(lambda n, m: f"ห้อง {n} ชั้น {m}", st.integers(1, 9999), st.integers(1, 40)),
    st.builds(lambda n: f"อาคาร {n}", st.integers(1, 99)),
    st.builds(lambda n: f"ชั้น {n}", st.integers(1, 60)),
    st.builds(lambda d, word: f"{word} {_phone(d)}", st.lists(st.integers(0, 9), min_size=8, max_size=8),
              st.sampled_from(["โทร.", "โทร", "โทรศัพท์", "โทรสาร", "แฟกซ์"])),
    st.builds(lambda n, word: f"{word} {n}", st.integers(1, 999),
              st.sampled_from(["ระเบียบวาระที่", "วาระที่", "ข้อ", "มาตรา", "ม.", "หมู่ที่", "ครั้งที่", "ลำดับที่"])),
    st.builds(lambda h, m: f"เวลา {h:02d}.{m:02d} น.", st.integers(0, 23), st.integers(0, 59)),
    st.builds(lambda y: f"ปีงบประมาณ {y}", st.integers(2540, 2600)),
)  # fmt: skip
AFTER = ["", " " + "ศาลากลางจังหวัด", " บูท", " ศูนย์ราชการ", " ให้จังหวัดรายงาน", " ท่าน"]


@settings(max_examples=200, deadline=None)
@given(phrase=LABELLED, after=st.sampled_from(AFTER), before=st.sampled_from(["ณ ", "ติดต่อ ", "", "ตาม "]))
def test_room_floor_phone_agenda_and_time_phrases_are_never_figures(phrase, after, before):
    found, _ = find_quantities(f"{before}{phrase}{after}")
    assert found == []
