"""Counted nouns: a number followed by a Thai noun that no unit list holds is a figure of that noun
(``24 บูท``), checked against the Thai dictionary; rooms, floors, buildings, phone numbers, agenda
numbers, clauses, sections, village numbers, times and years never are.

Sentences here are written for the test. A table of sentences says what each gives, value, unit
and surface (and that the surface stands at its span); hypothesis then builds such phrases at
random: any room, floor, building, phone, agenda, clause or time phrase gives no figure, and a
number followed by a dictionary noun in a counting frame gives exactly that figure; a room, floor,
order, batch or meeting number stays a label whatever figure follows it, one-of-each names
(``1 หมู่บ้าน 1 ฝาย``) are no counts, and a room named after ณ keeps the number of its name.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cddbrief.glossary import unit_en, units
from cddbrief.quantities import find_quantities, is_range, is_ratio
from cddbrief.thaidates import find_dates
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
    ("ปลูกป่าในพื้นที่ 12 แปลง", [(12, "แปลง", "12 แปลง")]),  # พื้นที่ before an amount, unlike เขตพื้นที่
    # ที่ after ไว้ / อยู่ is "at", no ordinal: the figure is set or stands at an amount
    ("ตั้งเป้ายอดจำหน่ายไว้ที่ 180 ล้านบาท", [(180000000, "บาท", "180 ล้านบาท")]),
    ("ยอดสมาชิกอยู่ที่ 2,415 คน", [(2415, "คน", "2,415 คน")]),
    ("เป้าหมายที่ 4.5 ล้านบาท", [(4500000, "บาท", "4.5 ล้านบาท")]),  # no label is written with ล้านบาท
    ("ชั้นที่ 3 มีห้อง 6 ห้อง", [(6, "ห้อง", "6 ห้อง")]),  # a label word counted after its number: six rooms
    ("ห้องประชุม 2 ห้อง รองรับ 80 คน", [(2, "ห้อง", "2 ห้อง"), (80, "คน", "80 คน")]),
    ("มี 1 ตำบล และ 1 กลุ่ม", [(1, "ตำบล", "1 ตำบล"), (1, "กลุ่ม", "1 กลุ่ม")]),  # two ones, not one of each
    ("นำร่อง 3 ตำบล 3 กลุ่ม", [(3, "ตำบล", "3 ตำบล"), (3, "กลุ่ม", "3 กลุ่ม")]),
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
    # labels, not counts: a room, a floor, an order, a batch
    "ณ ห้องประชุม 3 ศาลากลางจังหวัด",
    "ณ ชั้น 5 ศูนย์ราชการจังหวัด",
    "ตามคำสั่งจังหวัดที่ 1432/2566 ลงวันที่ 2 มีนาคม 2566",
    "อบรมรุ่นที่ 2 ณ ห้องประชุม 4",
    "ชั้น 4 ห้องน้ำ",  # ห้องน้ำ is not the label's own word: no count of floors
    # a room named after ณ, its name ending in a number
    "ณ ห้องประชุมดอกแก้ว 2 ศาลากลางจังหวัด",
    "ณ ห้องเฉลิมพระชนมพรรษา 60 พรรษา อาคาร 1",
    # one of each: a programme's name, not counts of one
    "การพัฒนาต่อยอด 1 เขตตรวจ 1 ชุมชน",
    "ขับเคลื่อนโครงการ 1 หมู่บ้าน 1 ฝายชะลอน้ำ",
    "รณรงค์ ๑ ครัวเรือน ๑ สวนผักปลอดภัย",
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


# --- labels at random: a number after ห้อง, ชั้น, อาคาร, รุ่นที่, ครั้งที่, คำสั่ง…ที่ is never a figure -----------

LABELS = ["ห้อง", "ห้องประชุม", "ชั้น", "ชั้นที่", "อาคาร", "ตึก", "รุ่นที่", "ครั้งที่", "หมายเลข", "ลำดับที่"]
# what may follow a label's number: another label, a building, a verb, a name; and then a real figure or none
LABEL_TAILS = [
    "",
    " ศาลากลางจังหวัด",
    " ศูนย์ราชการ",
    " ชั้น 2",
    " อาคาร 1",
    " (ชั้น 3)",
    " ให้รายงานผล",
    " บูท",
    " ท่าน",
    " ห้องน้ำ",
]
FIGURES_AFTER = [("", []), (" มีผู้เข้าร่วม 45 คน", [(45, "คน")]), (" งบประมาณ 120,000 บาท", [(120000, "บาท")])]
ARABIC_TO_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


@settings(max_examples=250, deadline=None)
@given(label=st.sampled_from(LABELS), value=st.integers(1, 9999), tail=st.sampled_from(LABEL_TAILS),
       figure=st.sampled_from(FIGURES_AFTER), lead=st.sampled_from(["ณ ", "ประชุม ณ ", "", "อบรม"]),
       thai_digits=st.booleans(), space=st.sampled_from([" ", "", "  "]))  # fmt: skip
def test_a_number_after_a_room_floor_batch_or_meeting_word_is_never_a_figure(
    label, value, tail, figure, lead, thai_digits, space
):
    said, wanted = figure
    text = f"{lead}{label}{space}{value}{tail}{said}"
    if thai_digits:
        text = text.translate(ARABIC_TO_THAI)
    found, _ = find_quantities(text)
    assert [(q.value, q.unit) for q in found] == wanted
    label_end = len(lead) + len(label) + len(space)
    assert all(q.span.start > label_end for q in found)  # nothing is read at the label's own number


@settings(max_examples=100, deadline=None)
@given(order=st.integers(1, 9999), year=st.integers(2540, 2580), issuer=st.sampled_from(["", "จังหวัด", "อำเภอ", "กรม"]),
       figure=st.sampled_from(FIGURES_AFTER))  # fmt: skip
def test_an_order_number_is_never_a_figure(order, year, issuer, figure):
    said, wanted = figure
    found, _ = find_quantities(f"ตามคำสั่ง{issuer}ที่ {order}/{year} ลงวันที่ 3 มีนาคม {year}{said}")
    assert [(q.value, q.unit) for q in found] == wanted


PAIRED = ["ตำบล", "หมู่บ้าน", "ครัวเรือน", "ชุมชน", "กลุ่ม", "ผลิตภัณฑ์", "อำเภอ", "ฝาย", "สวนครัว"]


@settings(max_examples=100, deadline=None)
@given(first=st.sampled_from(PAIRED), second=st.sampled_from(PAIRED), thai_digits=st.booleans(),
       lead=st.sampled_from(["โครงการ ", "ขับเคลื่อนโครงการ ", "รณรงค์ ", ""]))  # fmt: skip
def test_one_of_each_is_a_name_and_two_ones_apart_are_counts(first, second, thai_digits, lead):
    one = "๑" if thai_digits else "1"
    found, _ = find_quantities(f"{lead}{one} {first} {one} {second}")
    assert found == []
    found, _ = find_quantities(f"มี {one} {first} และ {one} {second}")
    assert [q.value for q in found] == [1, 1] and [q.unit for q in found] == [first, second]


ROOM_NAMES = ["ดอกแก้ว", "ราชพฤกษ์", "ชมพูพันธุ์", "นนทรี", "อินทนิล", "ศรีเวียง", "พญาเสือ"]


@settings(max_examples=100, deadline=None)
@given(room=st.sampled_from(["ห้องประชุม", "ห้อง", "หอประชุม", "อาคาร"]), name=st.sampled_from(ROOM_NAMES),
       value=st.integers(1, 99), cue=st.sampled_from(["ณ ", "ณ", "ที่"]),
       tail=st.sampled_from(["", " ศาลากลางจังหวัด", " ศูนย์ราชการ", " ชั้น 2"]),
       figure=st.sampled_from(FIGURES_AFTER))  # fmt: skip
def test_a_room_named_after_na_keeps_its_number(room, name, value, cue, tail, figure):
    said, wanted = figure
    found, _ = find_quantities(f"ประชุม{cue}{room}{name} {value}{tail}{said}")
    assert [(q.value, q.unit) for q in found] == wanted


# --- ranges: both ends are figures, each at its own surface, said to be one range ---------------------

RANGES = [
    ("ตั้งเป้ายอดขายเพิ่มขึ้นร้อยละ ๔๕ – ๕๕ ภายในปีนี้", [(45, "%", "ร้อยละ ๔๕"), (55, "%", "๕๕")]),
    ("อัตราการออมของสมาชิก 30-40% ต่อปี", [(30, "%", "30"), (40, "%", "40%")]),
    ("รับสมัครผู้สูงอายุ 20 - 35 คน ต่อหมู่บ้าน", [(20, "คน", "20"), (35, "คน", "35 คน")]),
    ("ใช้งบลงทุน 1.5 – 2 ล้านบาท", [(1500000, "บาท", "1.5"), (2000000, "บาท", "2 ล้านบาท")]),
    ("อบรมต่อเนื่อง 3 ถึง 5 วัน ณ ศูนย์เรียนรู้", [(3, "วัน", "3"), (5, "วัน", "5 วัน")]),
    ("ให้มีสมาชิกเพิ่มขึ้นร้อยละ 10-15 และลดหนี้ 200 ครัวเรือน",
     [(10, "%", "ร้อยละ 10"), (15, "%", "15"), (200, "ครัวเรือน", "200 ครัวเรือน")]),
]  # fmt: skip

NOT_RANGES = [
    ("ข้อ 2 - 3 ให้อำเภอรายงาน", []),
    ("ประชุมระหว่างเวลา 09.00 - 12.00 น.", []),
    ("แผนปี 2565 - 2567 ดำเนินการ", []),
    ("ติดต่อ โทร. 053-511-234", []),
    ("คิดเป็นร้อยละ 90 - 2. ให้อำเภอรายงานผล", [(90, "%", "ร้อยละ 90")]),  # a point's number after a dash
    ("ร้อยละ 80 และ 70 ครัวเรือน", [(80, "%", "ร้อยละ 80"), (70, "ครัวเรือน", "70 ครัวเรือน")]),  # no dash: no range
]


@pytest.mark.parametrize("text, want", RANGES, ids=[t for t, _ in RANGES])
def test_a_range_gives_both_ends_each_at_its_own_surface(text, want):
    found, notes = find_quantities(text)
    assert [(q.value, q.unit, q.surface) for q in found] == want
    assert all(text[q.span.start : q.span.end] == q.surface for q in found)
    lower, upper = found[0], found[1]
    written = text[lower.span.start : upper.span.end]
    assert [(n.kind, n.surface) for n in notes] == [("inferred", written)]
    assert "range" in notes[0].message and "not figures to add" in notes[0].message and "ช่วง" in notes[0].th
    assert is_range(text, lower, upper) and lower.role == upper.role


@pytest.mark.parametrize("text, want", NOT_RANGES, ids=[t for t, _ in NOT_RANGES])
def test_a_dash_between_labels_times_years_or_points_makes_no_range(text, want):
    found, notes = find_quantities(text)
    assert [(q.value, q.unit, q.surface) for q in found] == want
    assert not any("range" in n.message for n in notes)


DASHES = ["-", "–", "—", " - ", " – ", "  –  ", " ถึง "]


@settings(max_examples=150, deadline=None)
@given(low=st.integers(0, 99), gap=st.integers(1, 100), dash=st.sampled_from(DASHES), thai_digits=st.booleans(),
       lead=st.sampled_from(["ตั้งเป้า", "ให้ได้ ", "เพิ่มขึ้น", ""]),
       tail=st.sampled_from(["", " ภายในปี", " ของหมู่บ้าน"]))  # fmt: skip
def test_any_percentage_range_gives_its_two_ends(low, gap, dash, thai_digits, lead, tail):
    high = low + gap
    digits = (lambda n: str(n).translate(ARABIC_TO_THAI)) if thai_digits else str
    text = f"{lead}ร้อยละ {digits(low)}{dash}{digits(high)}{tail}"
    found, notes = find_quantities(text)
    assert [(q.value, q.unit) for q in found] == [(low, "%"), (high, "%")]
    assert [q.surface for q in found] == [f"ร้อยละ {digits(low)}", digits(high)]
    assert all(text[q.span.start : q.span.end] == q.surface for q in found)
    assert [n.kind for n in notes] == ["inferred"] and is_range(text, *found)


COUNTED_UNITS = ["คน", "ครัวเรือน", "หมู่บ้าน", "กลุ่ม", "แห่ง", "บาท", "ไร่"]


@settings(max_examples=150, deadline=None)
@given(low=st.integers(1, 999), gap=st.integers(1, 500), dash=st.sampled_from(DASHES),
       unit=st.sampled_from(COUNTED_UNITS),
       lead=st.sampled_from(["จำนวน ", "รับ ", "เป้าหมาย ", "มีผู้เข้าร่วม "]))  # fmt: skip
def test_any_range_before_a_unit_gives_both_ends_with_that_unit(low, gap, dash, unit, lead):
    high = low + gap
    text = f"{lead}{low}{dash}{high} {unit} ให้รายงาน"
    found, _ = find_quantities(text)
    assert [(q.value, q.unit, q.surface) for q in found] == [(low, unit, str(low)), (high, unit, f"{high} {unit}")]


def test_a_range_among_listed_parts_is_never_summed():
    from cddbrief.checks import find_checks
    from cddbrief.meeting import parse_document
    from cddbrief.sources import read_bytes

    def sums(sentence: str) -> list:
        text = f"สพอ.แม่ทะ ประชุมประจำเดือน ครั้งที่ 8/2564\n1. อาสาพัฒนา: {sentence}\n2. ผ้าไทย: ให้แต่งกายผ้าไทย\n"
        meeting = parse_document(read_bytes(text.encode(), "x.txt"))
        return [(c.operands, c.holds) for c in find_checks(meeting) if c.kind == "sum"]

    assert sums("รับสมัครรวม 50 คน ประกอบด้วยชาย 20 – 25 คน และหญิง 25 คน") == []
    # the failing path: the same parts written as figures of their own are summed, and the sum fails
    assert sums("รับสมัครรวม 50 คน ประกอบด้วยชาย 20 คน 25 คน และหญิง 25 คน") == [((20, 25, 25), False)]


# --- scores, and numbers inside Latin text --------------------------------------------------------


def test_a_score_keeps_its_decimals_and_a_counted_thing_does_not():
    found, notes = find_quantities("ผลการประเมินได้ 88.75 คะแนน จาก 100 คะแนน และ 2.4 โครงการ")
    assert [(q.value, q.unit, q.unit_key, q.surface) for q in found] == [
        (88.75, "คะแนน", "point", "88.75 คะแนน"),
        (100, "คะแนน", "point", "100 คะแนน"),
    ]
    assert notes == [] and units()["คะแนน"].kind == "score" and unit_en("คะแนน", 2) == "points"


LATIN_LABELS = ["Day", "DAY", "Phase", "Session", "Module", "Step", "Round", "Week"]
THAI_AFTER = ["ที่ประชุมได้ทบทวนแผน", "ผู้เข้าร่วมรับฟัง", "บูท", "คน", "ครัวเรือน", "ศูนย์ราชการ", "การตลาดออนไลน์"]


@settings(max_examples=150, deadline=None)
@given(label=st.sampled_from(LATIN_LABELS), value=st.integers(1, 99), after=st.sampled_from(THAI_AFTER),
       space=st.sampled_from([" ", "  "]), lead=st.sampled_from(["", "กิจกรรม ", "ช่วงบ่าย "]),
       figure=st.sampled_from(FIGURES_AFTER))  # fmt: skip
def test_a_number_after_a_latin_label_is_never_a_count(label, value, after, space, lead, figure):
    said, wanted = figure
    found, _ = find_quantities(f"{lead}{label}{space}{value} {after}{said}")
    assert [(q.value, q.unit) for q in found] == wanted


@settings(max_examples=100, deadline=None)
@given(value=st.integers(1, 99), after=st.sampled_from(THAI_AFTER), figure=st.sampled_from(FIGURES_AFTER))
def test_a_meeting_number_is_never_a_count(value, after, figure):
    said, wanted = figure
    found, _ = find_quantities(f"การประชุมครั้งที่ {value} {after}{said}")
    assert [(q.value, q.unit) for q in found] == wanted


def test_a_number_in_latin_text_before_an_unlisted_noun_counts_nothing_but_a_listed_unit_still_counts():
    found, notes = find_quantities("กิจกรรม Workshop 2 ที่ประชุมเห็นชอบ และ Smart Farmer 30 ราย ผ่าน Zoom 120 คน")
    assert [(q.value, q.unit) for q in found] == [(30, "ราย"), (120, "คน")] and notes == []
    found, _ = find_quantities("ตลาดนัดชุมชน 24 บูท")  # the same frame without Latin text is a count
    assert [(q.value, q.unit) for q in found] == [(24, "บูท")]


UNIT_STARTS = [
    ("จัดส่ง 5 รายงานให้จังหวัด", []),  # รายงาน (reports) opens with ราย (cases): no cases are counted
    ("สรุป 3 ข้อมูลสำคัญของตำบล", []),  # ข้อมูล opens with ข้อ (clauses)
    ("มีแนวทาง 3 ข้อ ได้แก่", [(3, "ข้อ", "3 ข้อ")]),  # the unit as a word of its own still counts
    ("พบผู้ป่วย 5 ราย ในตำบล", [(5, "ราย", "5 ราย")]),
]


@pytest.mark.parametrize("text, want", UNIT_STARTS, ids=[t for t, _ in UNIT_STARTS])
def test_a_unit_word_that_only_starts_a_word_counting_nothing_is_no_unit(text, want):
    found, _ = find_quantities(text)
    assert [(q.value, q.unit, q.surface) for q in found] == want


# --- ล้านบาท written short (ลบ., ล.บ., ลบ): money in millions, its surface as written ----------------------

THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")

MILLIONS_SHORT = [
    ("กลุ่มอาชีพมียอดขายรวม 3.25 ลบ. ในไตรมาสนี้", [(3250000, "บาท", "3.25 ลบ.")]),
    ("ได้รับอนุมัติวงเงิน ๔.๗ ลบ. สำหรับ ๖ ตำบล", [(4700000, "บาท", "๔.๗ ลบ."), (6, "ตำบล", "๖ ตำบล")]),
    ("ใช้จ่ายไปแล้ว 0.9 ล.บ. ยังเหลือ", [(900000, "บาท", "0.9 ล.บ.")]),
    ("ทุนหมุนเวียนของกองทุน 12 ลบ", [(12000000, "บาท", "12 ลบ")]),  # no dot, and nothing after it
    ("ทุนหมุนเวียน (7 ลบ) ของกองทุน", [(7000000, "บาท", "7 ลบ")]),  # no dot, a bracket after it
    ("ตั้งงบ 2 – 2.5 ลบ. ต่อปี", [(2000000, "บาท", "2"), (2500000, "บาท", "2.5 ลบ.")]),  # a range's unit after it
]

NOT_MILLIONS = [
    ("ผลลัพธ์ของ 10 ลบ 4 คือ 6", []),  # ลบ the verb: subtract
    ("ให้ตรวจรายชื่อซ้ำแล้ว 2 ลบออกจากระบบ", []),  # ลบออก: delete
    ("แถวที่ 8 ลบ ทิ้ง", []),  # ลบ then a space and a Thai word: the verb
    ("ผู้ประกอบการ 14 ราย ลบ. ไม่มี", [(14, "ราย", "14 ราย")]),  # ลบ. after a unit multiplies nothing
]


@pytest.mark.parametrize("text, want", MILLIONS_SHORT, ids=[t for t, _ in MILLIONS_SHORT])
def test_million_baht_written_short_is_money_in_millions_at_its_surface(text, want):
    found, _ = find_quantities(text)
    assert [(q.value, q.unit, q.surface) for q in found] == want
    assert all(text[q.span.start : q.span.end] == q.surface for q in found)
    assert all(q.unit_key == "baht" for q in found if q.unit == "บาท")


@pytest.mark.parametrize("text, want", NOT_MILLIONS, ids=[t for t, _ in NOT_MILLIONS])
def test_lob_the_verb_is_no_money(text, want):
    found, _ = find_quantities(text)
    assert [(q.value, q.unit, q.surface) for q in found] == want


@settings(max_examples=60, deadline=None)
@given(whole=st.integers(0, 999), tenths=st.integers(0, 99), short=st.sampled_from(["ลบ.", "ล.บ."]),
       space=st.sampled_from(["", " ", "  "]), thai_digits=st.booleans(),
       tail=st.sampled_from(["", " จาก", " ต่อปี", "\nให้อำเภอรายงาน", " ขอให้เร่งเบิกจ่าย"]))  # fmt: skip
def test_any_amount_in_million_baht_short_is_that_many_millions(whole, tenths, short, space, thai_digits, tail):
    number = f"{whole}.{tenths:02d}"
    written = number.translate(THAI_DIGITS) if thai_digits else number
    text = f"เบิกจ่ายแล้ว {written}{space}{short}{tail}"
    found, _ = find_quantities(text)
    assert [(q.unit, q.surface) for q in found] == [("บาท", f"{written}{space}{short}")]
    assert found[0].value == pytest.approx(float(number) * 1_000_000)


@settings(max_examples=40, deadline=None)
@given(first=st.integers(0, 999), second=st.integers(0, 999), space=st.sampled_from([" ", ""]),
       after=st.sampled_from(["", "ออก", "ทิ้ง", "รายการ", "จากระบบ"]))  # fmt: skip
def test_lob_between_numbers_or_before_a_word_is_never_money(first, second, space, after):
    text = f"ผลของ {first} ลบ{space}{after or second} เท่ากับเท่าไร"
    found, _ = find_quantities(text)
    assert not any(q.unit_key == "baht" for q in found)


# --- a ratio: 4 ใน 5 ตำบล is 4 of the 5 subdistricts, both counted in ตำบล ---------------------------------

RATIOS = [
    ("ส่งแผนครบแล้ว 7 ใน 9 ตำบล ที่เหลือให้เร่งส่ง", [(7, "ตำบล", "7", "part"), (9, "ตำบล", "9 ตำบล", "total")]),
    ("กลุ่มผ่านเกณฑ์ ๒ ใน ๖ กลุ่ม", [(2, "กลุ่ม", "๒", "part"), (6, "กลุ่ม", "๖ กลุ่ม", "total")]),
    ("ได้รับรางวัล 1 ใน 12 จังหวัด", [(1, "จังหวัด", "1", "part"), (12, "จังหวัด", "12 จังหวัด", "total")]),
    ("หมู่บ้านต้นแบบ 3ใน8 หมู่บ้าน", [(3, "หมู่บ้าน", "3", "part"), (8, "หมู่บ้าน", "8 หมู่บ้าน", "total")]),
]  # fmt: skip

NOT_RATIOS = [
    ("เป็น 1 ในหลายตำบลที่ผ่านเกณฑ์", []),  # no number after ใน: no whole, no unit
    ("ครั้งที่ 3 ใน 5 ครั้ง ของปีนี้", [(5, "ครั้ง", "5 ครั้ง", "total")]),  # an ordinal stays a label
    ("ชั้น 2 ใน 4 อาคาร", [(4, "อาคาร", "4 อาคาร", "total")]),  # a floor's number stays a label
    ("ปี 2567 ใน 5 ตำบล", [(5, "ตำบล", "5 ตำบล", "total")]),  # a year
    ("ส่งแล้ว 4 ใน 5 ลบ. ของงบ", [(5000000, "บาท", "5 ลบ.", "total")]),  # no part of millions is guessed
]


@pytest.mark.parametrize("text, want", RATIOS, ids=[t for t, _ in RATIOS])
def test_a_ratio_gives_its_part_and_its_whole_in_one_unit(text, want):
    found, notes = find_quantities(text)
    assert [(q.value, q.unit, q.surface, q.role) for q in found] == want
    assert all(text[q.span.start : q.span.end] == q.surface for q in found)
    part, whole = found
    assert is_ratio(text, part, whole) and part.unit_key == whole.unit_key
    written = text[part.span.start : whole.span.end]
    assert [(n.kind, n.surface) for n in notes] == [("inferred", written)]
    assert f"'{part.surface}'" in notes[0].message and "ใน" in notes[0].th


@pytest.mark.parametrize("text, want", NOT_RATIOS, ids=[t for t, _ in NOT_RATIOS])
def test_ordinals_years_and_open_wholes_make_no_ratio(text, want):
    found, _ = find_quantities(text)
    assert [(q.value, q.unit, q.surface, q.role) for q in found] == want


@settings(max_examples=60, deadline=None)
@given(part=st.integers(0, 99), more=st.integers(0, 99), unit=st.sampled_from(["ตำบล", "อำเภอ", "ครัวเรือน", "กลุ่ม"]),
       thai_digits=st.booleans(), lead=st.sampled_from(["ดำเนินการแล้ว ", "ผ่านเกณฑ์ ", "ส่งรายงาน "]))  # fmt: skip
def test_any_ratio_reads_its_part_and_whole(part, more, unit, thai_digits, lead):
    whole = part + more
    table = THAI_DIGITS if thai_digits else {}
    text = f"{lead}{str(part).translate(table)} ใน {str(whole).translate(table)} {unit} ให้ดำเนินการต่อ"
    found, _ = find_quantities(text)
    assert [(q.value, q.unit, q.role) for q in found] == [(part, unit, "part"), (whole, unit, "total")]


# --- a unit written before its number, after จำนวน: จำนวน ครัวเรือน 120 ---------------------------------

NAMED_BEFORE = [
    ("มีผู้สูงอายุที่ต้องดูแล จำนวน คน 45 ให้อาสาสมัครเยี่ยมบ้าน", [(45, "คน", "45")]),
    ("สำรวจพบจำนวนครัวเรือน ๘๖ ", [(86, "ครัวเรือน", "๘๖")]),
    ("ตั้งกลุ่มใหม่ จำนวนกลุ่ม 7\nให้ติดตาม", [(7, "กลุ่ม", "7")]),
    ("อบรมแล้ว จำนวนรุ่น 3 ของปีนี้", [(3, "รุ่น", "3")]),  # after จำนวน a label word counts (รุ่นที่ 3 would not)
    ("จำนวน ครัวเรือน 120 ครัวเรือน", [(120, "ครัวเรือน", "120 ครัวเรือน")]),  # the unit after it as well: as written
]

NOT_NAMED_BEFORE = [
    ("ประชุมครั้งที่ 3 ให้อำเภอ", []),
    ("บ้านเลขที่ 9 หมู่ที่ 5 ตำบล", []),
    ("ข้อมูล จปฐ. ปี 2567 ของอำเภอ", []),
    ("ณ ห้อง 3 ของอาคาร", []),
    ("ครัวเรือน 120 ให้ส่ง", []),  # a unit word alone before a number names no count: no จำนวน
    ("จำนวนปี 2567 ให้ส่ง", []),  # a year after จำนวนปี
    ("จำนวน ครัวเรือน 2.5 ให้ส่ง", []),  # a counted thing comes whole
]


@pytest.mark.parametrize("text, want", NAMED_BEFORE, ids=[t for t, _ in NAMED_BEFORE])
def test_a_unit_written_before_its_number_after_jamnuan_is_its_unit(text, want):
    found, notes = find_quantities(text)
    assert [(q.value, q.unit, q.surface) for q in found] == want
    assert all(text[q.span.start : q.span.end] == q.surface for q in found)
    if " " not in found[0].surface:  # the unit borrowed from before it: said in a note naming both
        assert [n.kind for n in notes] == ["inferred"] and found[0].unit in notes[0].surface
        assert notes[0].surface.endswith(found[0].surface)


@pytest.mark.parametrize("text, want", NOT_NAMED_BEFORE, ids=[t for t, _ in NOT_NAMED_BEFORE])
def test_labels_and_a_unit_word_without_jamnuan_give_no_count(text, want):
    found, _ = find_quantities(text)
    assert [(q.value, q.unit, q.surface) for q in found] == want


def test_a_ratio_states_its_share_and_checks_a_percentage_stated_after_it():
    from cddbrief.meeting import parse_document
    from cddbrief.sources import read_bytes

    head = "สพอ.ลี้ ร่วมประชุมกรมการพัฒนาชุมชน ครั้งที่ 5/2566 เมื่อวันที่ 9 พฤษภาคม 2566 มีข้อสั่งการ ดังนี้\n"
    text = head + (
        "1. กองทุนหมู่บ้าน: ส่งแผนแล้ว 3 ใน 4 ตำบล ให้ตำบลที่เหลือเร่งส่ง\n"
        "2. ข้อมูล จปฐ.: บันทึกแล้ว ๖ ใน ๘ อำเภอ คิดเป็นร้อยละ ๗๕\n"
        "3. ตลาดนัดชุมชน: เปิดแล้ว 2 ใน 3 แห่ง คิดเป็นร้อยละ 70\n"
    )
    meeting = parse_document(read_bytes(text.encode(), "ratios.txt"))
    got = [(c.kind, c.holds, c.operands, c.evidence) for c in meeting.checks]
    assert got == [
        ("share", None, (3, 4), ("4 ตำบล", "3")),  # not stated: said, neither holding nor failing
        ("ratio", True, (6, 8), ("๘ อำเภอ", "๖", "ร้อยละ ๗๕")),  # part ÷ whole, not the whole ÷ its part
        ("ratio", False, (2, 3), ("3 แห่ง", "2", "ร้อยละ 70")),  # 66.67 is no 70: fails, with its figures
    ]
    assert "75.00%" in meeting.checks[0].statement and "66.67%" in meeting.checks[2].statement


@pytest.mark.parametrize(
    "text, figure",
    [("อบรมวันที่ 5 ก.ค.30 คน", "30 คน"), ("ประชุม 12 มี.ค.๑๕ ราย", "๑๕ ราย"), ("อบรมวันที่ 5 ก.ค. 30 คน", "30 คน")],
)
def test_a_figure_written_right_after_a_dates_dot_is_read(text, figure):
    spans = [s.span for s in find_dates(text, 2567)[0]]
    assert [q.surface for q in find_quantities(text, spans)[0]] == [figure]


@pytest.mark.parametrize("text", ["หมู่บ้าน ม.3 รหัส ก.30", "เลขที่ นร.0017/12"])
def test_a_number_after_a_codes_dot_is_still_no_figure(text):
    assert find_quantities(text, [])[0] == []


@pytest.mark.parametrize(
    "text, value, surface",
    [
        ("เบิกจ่ายแล้ว 1 86,450 บาท", 186450, "1 86,450 บาท"),
        ("งบประมาณ 1 5,804,000 บาท", 15804000, "1 5,804,000 บาท"),
        ("รวม 12 3,500 บาท", 123500, "12 3,500 บาท"),
        ("เบิกจ่ายแล้ว ๑ ๘๖,๔๕๐ บาท", 186450, "๑ ๘๖,๔๕๐ บาท"),
    ],
)
def test_a_leading_group_split_by_a_stray_space_is_one_figure_with_a_note(text, value, surface):
    found, notes = find_quantities(text)
    assert [(q.value, q.surface, q.repaired) for q in found] == [(value, surface, True)]
    assert [note.surface for note in notes if note.kind == "repair"] == [surface]


@pytest.mark.parametrize(
    "text, surface",
    [
        ("หมู่ที่ 1 86,450 บาท", "86,450 บาท"),  # the village's number, then the amount
        ("ข้อ 2 25,000 บาท", "25,000 บาท"),
        ("รวม 123 4,500 บาท", "4,500 บาท"),  # a first group of three digits is whole: two numbers
        ("รวม 1 234 บาท", "234 บาท"),  # no thousands group after it: nothing to join
    ],
)
def test_a_number_before_an_amount_that_cannot_be_its_leading_group_stays_apart(text, surface):
    assert [q.surface for q in find_quantities(text)[0]] == [surface]


@pytest.mark.parametrize(
    "text, surface",
    [("ขอบคุณผู้นำ อช. 126 คน ที่มาร่วม", "126 คน"), ("สพอ. 12 คน", "12 คน"), ("อปท. 5 แห่ง", "5 แห่ง")],
)
def test_an_abbreviation_before_a_count_with_its_unit_names_what_is_counted(text, surface):
    assert [q.surface for q in find_quantities(text)[0]] == [surface]


@pytest.mark.parametrize("text", ["ยื่นแบบ ภ.ง.ด. 90 แล้ว", "แบบ กพ. 7 ของข้าราชการ", "ณ ม. 1 ศูนย์ราชการ"])
def test_a_code_before_a_bare_number_is_no_figure(text):
    assert find_quantities(text)[0] == []


@pytest.mark.parametrize(
    "text, part, whole",
    [("ผ่านเกณฑ์ 17 จาก 20 โครงการ", 17, 20), ("ผ่านเกณฑ์ ๑๗ จาก ๒๐ โครงการ", 17, 20), ("ส่งแล้ว 4 ใน 5 ตำบล", 4, 5)],
)
def test_a_part_out_of_a_whole_with_jak_or_nai_is_a_ratio(text, part, whole):
    found, _ = find_quantities(text)
    assert [(q.value, q.unit, q.role) for q in found] == [
        (part, "โครงการ" if whole == 20 else "ตำบล", "part"),
        (whole, "โครงการ" if whole == 20 else "ตำบล", "total"),
    ]


@pytest.mark.parametrize(
    "text, surfaces",
    [
        ("ยังไม่ส่งงบการเงินประจำปี 11 กองทุน", ["11 กองทุน"]),  # a count after ประจำปี, its unit right after it
        ("ผลการดำเนินงานปี 67 กองทุนหมู่บ้าน", []),  # ปี 67: the year, written short
        ("ปี 2567 จำนวน 12 กองทุน", ["12 กองทุน"]),
        ("รับเงินจาก 3 หน่วยงาน", ["3 หน่วยงาน"]),  # จาก with no part before it: no ratio
    ],
)
def test_a_number_after_pi_is_a_year_unless_it_counts_with_its_unit(text, surfaces):
    assert [q.surface for q in find_quantities(text)[0]] == surfaces
