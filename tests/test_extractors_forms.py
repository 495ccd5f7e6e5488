"""The written forms real write-ups use for dates, years and counted figures.

Sentences of our own (places, figures and dates invented for these tests), each
checked for what is read and what must not be; every surface must index its text.
"""

from __future__ import annotations

import time
from datetime import date

import pytest

from cddbrief.quantities import find_quantities
from cddbrief.thaidates import find_dates, format_span_th

D = date


def read_dates(text, year=2563):
    found, notes = find_dates(text, year)
    for span in found:
        assert span.span.of(text) == span.surface
    return found, notes


def days(text, year=2563):
    found, _ = read_dates(text, year)
    return [(s.start, s.end, s.surface) for s in found]


def figures(text, year=2563):
    spans, _ = find_dates(text, year)
    found, _ = find_quantities(text, [s.span for s in spans])
    for q in found:
        assert q.span.of(text) == q.surface
    return [(q.value, q.unit) for q in found]


# --- dates -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ขอเชิญประชุมวันศุกร์ ที่ 9 ตุลาคม 2563 ณ ห้องประชุม", [(D(2020, 10, 9), D(2020, 10, 9), "9 ตุลาคม 2563")]),
        ("นัดหมายวันอังคาร  ที่ ๑๗ พ.ย. ๖๓", [(D(2020, 11, 17), D(2020, 11, 17), "๑๗ พ.ย. ๖๓")]),
        ("ส่งรายงานภายในวันจันทร์ที่ 2 พ.ย. 63", [(D(2020, 11, 2), D(2020, 11, 2), "2 พ.ย. 63")]),
        ("ภายใน 14 ตค. 63 นี้", [(D(2020, 10, 14), D(2020, 10, 14), "14 ตค. 63")]),
        ("ภายใน 21 ต.ค 63 นี้", [(D(2020, 10, 21), D(2020, 10, 21), "21 ต.ค 63")]),
        ("กำหนดส่ง 6 ตค 63", [(D(2020, 10, 6), D(2020, 10, 6), "6 ตค 63")]),
        ("ประชุม 27 พย. 2563", [(D(2020, 11, 27), D(2020, 11, 27), "27 พย. 2563")]),
        ("สรุปผลเดือน มค 2564", [(D(2021, 1, 1), D(2021, 1, 31), "เดือน มค 2564")]),
        ("ผลการดำเนินงาน กพ 64 ดีขึ้น", [(D(2021, 2, 1), D(2021, 2, 28), "กพ 64")]),
        ("อบรมระหว่าง ๓ ถึง ๕ ต.ค. ๖๓", [(D(2020, 10, 3), D(2020, 10, 5), "๓ ถึง ๕ ต.ค. ๖๓")]),
        ("ตั้งแต่วันที่ 7 – 11 ธันวาคม 2563", [(D(2020, 12, 7), D(2020, 12, 11), "7 – 11 ธันวาคม 2563")]),
        ("ระหว่างวันที่ 15-18 มี.ค. 64", [(D(2021, 3, 15), D(2021, 3, 18), "15-18 มี.ค. 64")]),
        (
            "ลงพื้นที่ 3 - 5 และ 12 ก.พ. 64",
            [(D(2021, 2, 3), D(2021, 2, 5), "3 - 5"), (D(2021, 2, 12), D(2021, 2, 12), "12 ก.พ. 64")],
        ),
        (
            "ตรวจ 8, 15 และ 22 ม.ค. 64",
            [
                (D(2021, 1, 8), D(2021, 1, 8), "8"),
                (D(2021, 1, 15), D(2021, 1, 15), "15"),
                (D(2021, 1, 22), D(2021, 1, 22), "22 ม.ค. 64"),
            ],
        ),
    ],
)
def test_day_dates_in_their_written_forms(text, expected):
    assert days(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "ลูกค้ามีค 2564 ราย",  # letters of a word, not a month
        "ผู้เข้าร่วม 5 มีคนมาก",  # มีคน is no March
        "ประชุมเวลา 09.30 น. ถึง 12.00 น.",
        "ช่วงบ่าย 13.00 - 16.30 น.",
        "ลงใน กพ. 7 ทุกครั้ง",
        "ตามข้อที่ 3 ต.ค. ไม่มี",  # no year and an ordinal: no day
    ],
)
def test_what_is_no_date(text):
    found, _ = read_dates(text)
    assert [s for s in found if s.precision == "day"] == []


def test_clock_times_are_neither_dates_nor_figures():
    text = "ประชุมวันที่ 12 ต.ค. 63 เวลา 09.30 น. และ 13.00 - 16.30 น."
    assert days(text) == [(D(2020, 10, 12), D(2020, 10, 12), "12 ต.ค. 63")]
    assert figures(text) == []


def test_a_lost_dash_between_two_days_is_repaired_and_noted():
    found, notes = read_dates("จัดอบรม ๒ ๔ ตุลาคม ๒๕๖๓ ที่อำเภอ")
    assert [(s.start, s.end, s.repaired) for s in found] == [(D(2020, 10, 2), D(2020, 10, 4), True)]
    assert [n.kind for n in notes] == ["repair"] and "2–4" in notes[0].message and notes[0].th


def test_two_numbers_that_cannot_be_a_range_give_one_day():
    assert days("รอบ 14 3 พ.ย. 63") == [(D(2020, 11, 3), D(2020, 11, 3), "3 พ.ย. 63")]
    assert days("ครั้งที่ 2 9 ธ.ค. 63") == [(D(2020, 12, 9), D(2020, 12, 9), "9 ธ.ค. 63")]


# --- years -------------------------------------------------------------------


def test_a_year_written_earlier_is_carried_to_dates_without_one():
    found, notes = read_dates("ในปี 2564 ให้จังหวัดจัดเวที และรายงานภายใน 20 ม.ค.", 2563)
    assert [(s.start, s.year_inferred) for s in found] == [(D(2021, 1, 20), True)]
    assert "ปี 2564" in notes[0].message and notes[0].kind == "inferred" and notes[0].th


def test_the_nearest_year_before_wins():
    found, _ = read_dates("ปี 2562 ส่งวันที่ 3 ก.พ. ส่วนปี 2565 ส่งวันที่ 4 มี.ค.", 2563)
    assert [s.start for s in found] == [D(2019, 2, 3), D(2022, 3, 4)]
    found, _ = read_dates("ให้เสร็จ 9 ก.ค. 64 และสรุปผล 30 ส.ค.", 2563)
    assert [s.start for s in found] == [D(2021, 7, 9), D(2021, 8, 30)]


def test_fiscal_year_rollover():
    found, notes = read_dates("โครงการปีงบประมาณ 2565 เปิดรับ 1 พ.ย. ถึง 15 ธ.ค. และประกาศผล 10 ก.พ.", 2564)
    assert [(s.start, s.end) for s in found] == [(D(2021, 11, 1), D(2021, 12, 15)), (D(2022, 2, 10), D(2022, 2, 10))]
    assert "fiscal year 2565" in notes[0].message and "2564" in notes[0].message
    _, notes = read_dates("ปีงบประมาณ ๒๕๖๕ ภายใน ๑ พ.ย.", 2564)
    assert "'ปีงบประมาณ ๒๕๖๕'" in notes[0].message  # quoted as written


@pytest.mark.parametrize(
    "text, start, end, surface",
    [
        ("ข้อมูลตั้งแต่ปี 2550 ถึง 2560", D(2007, 1, 1), D(2017, 12, 31), "ปี 2550 ถึง 2560"),
        ("สถิติปี 2553-2558 ของจังหวัด", D(2010, 1, 1), D(2015, 12, 31), "ปี 2553-2558"),
        ("ในช่วง พ.ศ. ๒๕๕๔ - ๒๕๕๙", D(2011, 1, 1), D(2016, 12, 31), "พ.ศ. ๒๕๕๔ - ๒๕๕๙"),
        ("แผนปีงบประมาณ 2561-2565", D(2017, 10, 1), D(2022, 9, 30), "ปีงบประมาณ 2561-2565"),
    ],
)
def test_year_ranges(text, start, end, surface):
    found, notes = read_dates(text)
    assert [(s.start, s.end, s.precision, s.surface) for s in found] == [(start, end, "year", surface)]
    assert notes == []


def test_whole_years_print_as_years():
    assert format_span_th(D(2007, 1, 1), D(2017, 12, 31), "year") == "2550–2560"


@pytest.mark.parametrize(
    "text, written", [("ให้ส่งภายในวันที่ 9 ต.ค. 2663", "2663"), ("เดือนมีนาคม 2589", "2589"), ("ปี 2650-2660", "2650")]
)
def test_an_impossible_year_is_a_warning_not_a_date(text, written):
    found, notes = read_dates(text, 2563)
    assert found == []
    assert [n.kind for n in notes] == ["warning"] and written in notes[0].message and written in notes[0].th


def test_without_a_meeting_year_a_far_year_is_still_flagged():
    found, notes = find_dates("ภายใน 3 ม.ค. 2663", None)
    assert found == [] and notes[0].kind == "warning"
    found, notes = find_dates("ภายใน 3 ม.ค. 2564", None)
    assert [s.start for s in found] == [D(2021, 1, 3)] and notes == []


def test_a_number_after_a_month_that_is_no_year_ends_the_date_at_the_month():
    assert days("ภายใน 5 ก.ค. 30 คน", 2563) == [(D(2020, 7, 5), D(2020, 7, 5), "5 ก.ค.")]
    assert figures("ภายใน 5 ก.ค. 30 คน", 2563) == [(30, "คน")]


# --- long input ----------------------------------------------------------------


def _cpu_seconds(text: str) -> float:
    """CPU time (not wall time: other work on the machine does not count) of reading text's dates and figures."""
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        spans, _ = find_dates(text, 2563)
        find_quantities(text, [s.span for s in spans])
        best = min(best, time.process_time() - started)
    return best


@pytest.mark.parametrize(
    "chunk",
    [
        "วันศุกร์ ที่ ๙ ๑ ๒ ๓ ต.ค ปี 2550- 1.1 เรื่อง 12 ตค 13.00 - 16.30 น. ปีงบประมาณ 2565 1, 2, 3 และ ",
        "1",
        "ต.ค. ",
        " ๒",
        "และ 1 ",
    ],
)
def test_long_repetitive_input_is_read_in_linear_time(chunk):
    """Near-dates and near-figures, 50 kB and four times that: no quadratic scan, no regex that backtracks
    (linear gives about 4 times the CPU time, quadratic 16: a ratio of one run, never a clock's limit)."""
    small, large = ((chunk * (size // len(chunk) + 1))[:size] for size in (50_000, 200_000))
    assert _cpu_seconds(large) < 8 * max(_cpu_seconds(small), 0.001), chunk[:10]


# --- figures with counted nouns --------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("จัดสรรพื้นที่ ๑๒ แปลง ให้เกษตรกร", [(12, "แปลง")]),
        ("มีศูนย์เรียนรู้ 7 ศูนย์ และเครือข่าย 14 เครือข่าย", [(7, "ศูนย์"), (14, "เครือข่าย")]),
        ("ขยายผลไปยัง 23 โรงเรียน ใน 4 อำเภอ 31 ตำบล", [(23, "โรงเรียน"), (4, "อำเภอ"), (31, "ตำบล")]),
        ("ส่งมอบรถ 2 คัน และคู่มือ 150 เล่ม", [(2, "คัน"), (150, "เล่ม")]),
        ("ผู้ป่วยรายใหม่ 9 ราย ผ้าทอ 340 ชิ้น สุกร 45 ตัว", [(9, "ราย"), (340, "ชิ้น"), (45, "ตัว")]),
        ("ปลูกไม้ผล 1,250 ต้น บนเนื้อที่ 18 ไร่ หรือ 2,400 ตารางเมตร", [(1250, "ต้น"), (18, "ไร่"), (2400, "ตารางเมตร")]),
        ("ผลผลิต ๓๕๐ กิโลกรัม", [(350, "กิโลกรัม")]),
        ("พิจารณา 6 เรื่อง และจัดประชุมแล้ว 3 ครั้ง", [(6, "เรื่อง"), (3, "ครั้ง")]),
        ("ฉีดวัคซีนครบ 2 เข็ม จำนวน 820 ท่าน", [(2, "เข็ม"), (820, "ท่าน")]),
        ("ส่งเอกสาร 40 แผ่น ถึง 5 หน่วยงาน และ 3 กระทรวง", [(40, "แผ่น"), (5, "หน่วยงาน"), (3, "กระทรวง")]),
        ("แจกเมล็ดพันธุ์ 60 ถุง น้ำดื่ม 200 ขวด", [(60, "ถุง"), (200, "ขวด")]),
    ],
)
def test_figures_with_counted_nouns(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2.4 โครงการพัฒนาหมู่บ้านเศรษฐกิจพอเพียง",
        "1.1 เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ",
        "3.2 ตำบลต้นแบบด้านการจัดการขยะ",
        "ประชุมเวลา 10.00 น. ห้องประชุม",
        "สถานการณ์โควิด-19 และ COVID-19 ระบาดในชุมชน",
        "นโยบายไทยแลนด์ 4.0 ชุมชนต้นแบบ และ Thailand 4.0 ชุมชน",
        "ณ ห้อง 301 ชั้น 3 อาคาร 2",
        "อบรมรุ่นที่ 2 คน ได้แก่",
        "มติครั้งที่ 4/2562 ครั้ง",
        "ระเบียบวาระที่ 3 เรื่อง เพื่อทราบ",
        "ติดต่อโทร. 0 2141 6000 ต่อ 12 คน",
        "โทรศัพท์ 053-511-234 ครั้ง",
        "ในปี 2563 คน",
    ],
)
def test_numbers_that_are_no_figures(text):
    assert figures(text) == []


def test_contact_words_do_not_hide_figures():
    assert figures("ติดต่อ 5 ราย และมีผู้สนใจ 12 ราย") == [(5, "ราย"), (12, "ราย")]


def test_classifiers_come_from_the_orchid_list_with_english_keys():
    from cddbrief.glossary import units

    known = units()
    for word, key in [("เล่ม", "volume"), ("เข็ม", "dose"), ("กระทรวง", "ministry"), ("ลิตร", "litre"), ("แปลง", "plot")]:
        assert known[word].key == key
    assert all(u.key and u.en and u.kind for u in known.values())
    found, _ = find_quantities("น้ำ 20 ลิตร")
    assert [(q.value, q.unit, q.unit_key, q.surface) for q in found] == [(20, "ลิตร", "litre", "20 ลิตร")]


# --- property tests: every written form reads back -------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from cddbrief.glossary import units  # noqa: E402
from cddbrief.thaidates import MONTHS  # noqa: E402
from cddbrief.thaitext import THAI_DIGITS  # noqa: E402

_THAI = str.maketrans("0123456789", THAI_DIGITS)
WEEKDAYS = ["จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์", "อาทิตย์"]


def month_forms(month: int) -> list[str]:
    full, abbr = MONTHS[month - 1]
    bare = abbr.replace(".", "")
    return [full, abbr, abbr[:-1], bare, bare + "."]


@st.composite
def written_dates(draw):
    day_ = draw(st.dates(min_value=D(1997, 1, 1), max_value=D(2047, 12, 31)))
    be = day_.year + 543
    month = draw(st.sampled_from(month_forms(day_.month)))
    year = draw(st.sampled_from([str(be), str(be)[2:], f"พ.ศ. {be}", f"พ.ศ.{be}"]))
    lead = draw(
        st.sampled_from(
            ["", "วันที่ ", "วันที่", f"วัน{draw(st.sampled_from(WEEKDAYS))}ที่ ", f"วัน{draw(st.sampled_from(WEEKDAYS))} ที่ "]
        )
    )
    gap1, gap2 = draw(st.sampled_from([" ", "  ", ""])), draw(st.sampled_from([" ", ""]))
    if year.startswith("พ") and not month.endswith("."):
        gap2 = " "  # ม.คพ.ศ. runs two abbreviations together: no one writes it
    written = f"{day_.day}{gap1}{month}{gap2}{year}"
    if draw(st.booleans()):
        written = written.translate(_THAI)
    before = draw(st.sampled_from(["ให้ส่งภายใน", "ประชุม", "", "เมื่อ "]))
    after = draw(st.sampled_from(["", " ณ ที่ว่าการอำเภอ", " นี้", " และรายงานผล"]))
    return day_, f"{before}{lead}{written}{after}", written


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(written_dates())
def test_every_written_form_of_a_date_reads_back(case):
    day_, text, written = case
    found, notes = find_dates(text, day_.year + 543)
    assert [(s.start, s.end, s.year_inferred) for s in found] == [(day_, day_, False)], text
    assert found[0].span.of(text) == found[0].surface
    assert found[0].surface.endswith(written[-2:])


@st.composite
def written_ranges(draw):
    first = draw(st.dates(min_value=D(1997, 1, 1), max_value=D(2047, 12, 31)))
    first = first.replace(day=min(first.day, 27))
    last_day = draw(st.integers(min_value=first.day, max_value=28 if first.month == 2 else 30))
    last = first.replace(day=last_day)
    month = draw(st.sampled_from(month_forms(first.month)))
    sep = draw(st.sampled_from(["-", " - ", " – ", " ถึง ", "ถึง", " จนถึง "]))
    written = f"{first.day}{sep}{last.day} {month} {first.year + 543}"
    if draw(st.booleans()):
        written = written.translate(_THAI)
    return first, last, f"ระหว่างวันที่ {written} ณ จังหวัด"


@settings(max_examples=200, deadline=None)
@given(written_ranges())
def test_day_ranges_read_back(case):
    first, last, text = case
    found, _ = find_dates(text, first.year + 543)
    assert [(s.start, s.end) for s in found] == [(first, last)], text


_READ_BACK_KINDS = {"count", "place", "money", "area", "weight", "length", "volume", "measure"}


def _plain_units():
    """Unit words that read back as themselves (not ลบ., which stands for ล้านบาท: its own test says so)."""
    from cddbrief.glossary import short_forms

    out = []
    for word, unit in sorted(units().items()):
        if unit.kind in _READ_BACK_KINDS and word not in ("ครั้ง", *short_forms()):
            out.append(word)
    return out


@st.composite
def written_figures(draw):
    word = draw(st.sampled_from(_plain_units()))
    value = draw(st.integers(min_value=1, max_value=9_999_999))
    number = draw(st.sampled_from([f"{value}", f"{value:,}"]))
    if draw(st.booleans()):
        number = number.translate(_THAI)
    gap = draw(st.sampled_from([" ", "  ", ""]))
    before = draw(st.sampled_from(["จำนวน ", "ได้ ", "รวม ", "ทั้งหมด "]))
    return value, word, f"{before}{number}{gap}{word} และอื่น ๆ"


@settings(max_examples=400, deadline=None)
@given(written_figures())
def test_figures_with_any_classifier_read_back(case):
    value, word, text = case
    found, _ = find_quantities(text)
    assert [(q.value, q.unit) for q in found] == [(value, word)], text
    assert found[0].span.of(text) == found[0].surface
