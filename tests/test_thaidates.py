"""thaidates on its own: Thai dates and ranges, Buddhist-era and short years, Thai digits, months,
a year taken from the meeting (and said), reschedules, monthly recurrences, and the dates a careful
reader refuses (an impossible day, an impossible year), each said in a note."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cddbrief.thaidates import find_dates, find_recurrences, find_reschedules, format_span_th

THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
MONTHS = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]


def read(text: str, year_be: int | None = None):
    spans, notes = find_dates(text, year_be)
    return [(s.start, s.end, s.precision, s.surface, s.year_inferred) for s in spans], notes


@pytest.mark.parametrize(
    "text, want",
    [
        ("ประชุมวันที่ 22 - 23 เม.ย. 62 ณ ห้องประชุม", (date(2019, 4, 22), date(2019, 4, 23), "day", "22 - 23 เม.ย. 62")),
        ("ภายในเดือนสิงหาคม 2564", (date(2021, 8, 1), date(2021, 8, 31), "month", "เดือนสิงหาคม 2564")),
        ("ภายในวันที่ ๕ ก.ค. ๒๕๖๔", (date(2021, 7, 5), date(2021, 7, 5), "day", "๕ ก.ค. ๒๕๖๔")),
    ],
)
def test_a_written_date_is_read_with_its_surface(text, want):
    spans, notes = read(text)
    assert spans == [(*want, False)] and notes == []
    assert want[3] in text  # the evidence is the text as written


def test_a_date_without_a_year_takes_the_meetings_and_says_so():
    spans, notes = read("ส่งภายใน 25 มี.ค.", 2562)
    assert spans == [(date(2019, 3, 25), date(2019, 3, 25), "day", "25 มี.ค.", True)]
    assert [n.kind for n in notes] == ["inferred"] and "2562" in notes[0].message


def test_an_impossible_day_is_not_read_and_is_said():
    spans, notes = read("วันที่ 31 ก.พ. 2566")
    assert spans == [] and [n.kind for n in notes] == ["skipped"] and "31 ก.พ. 2566" in notes[0].message


@pytest.mark.parametrize("written", ["22 เมษายน 10543", "1 ม.ค. 2601"])
def test_an_impossible_year_is_not_read_and_is_said(written):
    spans, notes = read(f"วันที่ {written}")
    assert spans == [] and [n.kind for n in notes] == ["warning"] and written in notes[0].message


def test_a_reschedule_keeps_both_dates_with_their_roles():
    text = "เดิมกำหนด 20 ก.ค. 64 เลื่อนเป็น 27 ก.ค. 64"
    spans, _ = find_dates(text)
    (move,) = find_reschedules(text, spans)
    assert (move.old.start, move.old.role, move.new.start, move.new.role) == (
        date(2021, 7, 20),
        "original",
        date(2021, 7, 27),
        "rescheduled",
    )
    assert (move.old.span.of(text), move.new.span.of(text)) == ("20 ก.ค. 64", "27 ก.ค. 64")


def test_a_monthly_report_day_is_a_recurrence_not_a_date():
    text = "ให้รายงานทุกวันที่ 10 ของเดือน"
    spans, _ = find_dates(text, 2565)
    assert spans == []
    (every,) = find_recurrences(text, spans)
    assert (every.rule, every.day, every.first, every.surface) == ("monthly", 10, None, "ทุกวันที่ 10 ของเดือน")


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2057, 12, 31)), st.booleans(), st.booleans())  # to 2600 BE
def test_any_day_written_the_thai_way_reads_back(day, short_year, thai_digits):
    """A day written as Thai offices write it (abbreviated month, BE year, short or long, Arabic or Thai
    digits) reads back as that day, with the surface as written. Years past 2600 BE are taken for typos
    (test_an_impossible_year_is_not_read_and_is_said)."""
    year = str(day.year + 543)[-2:] if short_year else str(day.year + 543)
    written = f"{day.day} {MONTHS[day.month - 1]} {year}"
    if thai_digits:
        written = written.translate(THAI_DIGITS)
    spans, notes = read(f"ให้ส่งรายงานภายในวันที่ {written} ที่สำนักงาน")
    if short_year and not 2500 <= day.year + 543 <= 2599:
        return  # a two-digit year is read in the 2500s
    assert spans == [(day, day, "day", written, False)], notes


def test_format_span_th_writes_the_buddhist_era():
    assert format_span_th(date(2019, 4, 22), date(2019, 4, 23)) == "22–23 เม.ย. 2562"


# --- a weekday and a day with no month (วันพุธที่ 13 ที่ผ่านมา), a day in Thai words -------------------------

WEEKDAYS = ["จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์", "อาทิตย์"]
FULL_MONTHS = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม",
               "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"]  # fmt: skip


def test_a_weekday_day_takes_the_month_the_text_names_and_says_where_from():
    text = "เมื่อวันพุธที่ 13 ที่ผ่านมา นางสาว ก เป็นประธานการประชุมประจำเดือนมีนาคม 2567"
    spans, notes = find_dates(text)
    day = spans[0]
    assert (day.start, day.end, day.precision, day.surface, day.year_inferred) == (
        date(2024, 3, 13), date(2024, 3, 13), "day", "วันพุธที่ 13", True)  # fmt: skip
    assert text[day.span.start : day.span.end] == "วันพุธที่ 13"
    said = [n for n in notes if n.surface == "วันพุธที่ 13"]
    assert [n.kind for n in said] == ["inferred"]
    assert "เดือนมีนาคม 2567" in said[0].message and "Wednesday" in said[0].message
    assert "เดือนมีนาคม 2567" in said[0].th


@pytest.mark.parametrize(
    "text, around, want",
    [
        ("ให้จัดทำแผนให้ครบภายในวันศุกร์ที่ 22 นี้", date(2024, 3, 13), date(2024, 3, 22)),
        ("ให้ส่งภายในวันศุกร์ที่ 5 นี้", date(2024, 3, 28), date(2024, 4, 5)),  # forward: the next month
        ("ส่งแล้วเมื่อวันพุธที่ 28 ที่ผ่านมา", date(2024, 3, 13), date(2024, 2, 28)),  # back: the month before
        ("ส่งแล้วเมื่อวันพุธที่ 27 ที่ผ่านมา", date(2024, 1, 3), date(2023, 12, 27)),  # back over the new year
        ("ประชุมวันพฤหัสที่ 14", date(2024, 3, 13), date(2024, 3, 14)),  # no direction: the meeting's month
    ],
)
def test_a_weekday_day_is_told_from_the_meetings_day(text, around, want):
    spans, notes = find_dates(text, 2567, around=around)
    assert [(s.start, s.end, s.year_inferred) for s in spans] == [(want, want, True)]
    assert [n.kind for n in notes] == ["inferred"]
    assert "the meeting's day" in notes[0].message


def test_a_weekday_that_does_not_agree_is_no_date_and_says_so():
    spans, notes = find_dates("ให้ส่งภายในวันจันทร์ที่ 22 นี้", 2567, around=date(2024, 3, 13))
    assert spans == []
    assert [n.kind for n in notes] == ["skipped"] and "is no Monday" in notes[0].message
    assert "ไม่ใช่วันจันทร์" in notes[0].th


def test_a_weekday_day_with_no_month_anywhere_is_no_date_and_says_so():
    spans, notes = find_dates("ให้ส่งภายในวันศุกร์ที่ 22 นี้", 2567)
    assert spans == [] and [n.kind for n in notes] == ["skipped"]
    assert notes[0].surface == "วันศุกร์ที่ 22"


def test_a_day_that_the_anchors_month_lacks_is_no_date():
    spans, notes = find_dates("วันศุกร์ที่ 31 ประชุมประจำเดือนเมษายน 2567")
    assert [s.precision for s in spans] == ["month"]  # only the month: 31 April does not exist
    assert [n.kind for n in notes] == ["skipped"]


@given(
    day=st.dates(min_value=date(2560 - 543, 1, 1), max_value=date(2570 - 543, 12, 31)),
    shift=st.integers(1, 6),
    named_in_text=st.booleans(),
)
def test_a_weekday_day_reads_only_when_its_weekday_agrees(day, shift, named_in_text):
    """For any day of 2560-2570 BE: with the right weekday it reads as that day; with a wrong one, as nothing and
    a note (a weekday check never turns a bad date into a good one)."""
    month = f"ประชุมประจำเดือน{FULL_MONTHS[day.month - 1]} {day.year + 543}"
    around = None if named_in_text else date(day.year, day.month, 1 if day.day > 1 else 2)
    context = month if named_in_text else "การประชุม"
    for weekday, want in ((day.weekday(), day), ((day.weekday() + shift) % 7, None)):
        text = f"เมื่อวัน{WEEKDAYS[weekday]}ที่ {day.day} {context}"
        spans, notes = find_dates(text, around=around)
        days = [s for s in spans if s.precision == "day"]
        if want is None:
            assert days == [] and [n.kind for n in notes] == ["skipped"]
        else:
            assert [(s.start, s.end, s.surface) for s in days] == [(day, day, f"วัน{WEEKDAYS[weekday]}ที่ {day.day}")]
            assert [n.kind for n in notes] == ["inferred"]


@pytest.mark.parametrize(
    "written, day",
    [("หนึ่ง", 1), ("ห้า", 5), ("สิบ", 10), ("สิบเอ็ด", 11), ("สิบห้า", 15), ("ยี่สิบ", 20), ("ยี่สิบเอ็ด", 21),
     ("ยี่สิบแปด", 28), ("สามสิบ", 30), ("สามสิบเอ็ด", 31)],
)  # fmt: skip
def test_a_day_in_thai_words_reads_as_its_digits_and_keeps_its_surface(written, day):
    text = f"เมื่อวันพฤหัสบดีที่{written} มีนาคม 2567 เวลา 10.00 น."
    spans, notes = find_dates(text)
    assert [(s.start, s.precision, s.year_inferred) for s in spans] == [(date(2024, 3, day), "day", False)]
    assert spans[0].surface == f"วันพฤหัสบดีที่{written} มีนาคม 2567" and notes == []


def test_a_day_in_words_without_a_year_takes_the_meetings_and_one_past_31_is_none():
    spans, notes = find_dates("ภายในวันที่สิบห้า เมษายน", 2567)
    assert [(s.start, s.year_inferred) for s in spans] == [(date(2024, 4, 15), True)]
    assert find_dates("วันที่สามสิบเอ็ด เมษายน 2567")[0] == []  # 31 April: no date
    assert find_dates("ครั้งที่สอง เมษายน 2567")[0][0].precision == "month"  # ครั้งที่สอง is no day


@pytest.mark.parametrize(
    "text",
    ["จัดทุกวันเสาร์ที่สองและที่สี่ของเดือนมีนาคม 2567", "ประชุมทุกวันศุกร์ที่ 2 ของเดือนมีนาคม 2567"],
)
def test_an_ordinal_weekday_or_a_recurring_one_is_no_day(text):
    spans, notes = find_dates(text, around=date(2024, 3, 13))
    assert [s.precision for s in spans] == ["month"] and [n.kind for n in notes] == []


@given(day=st.integers(1, 28), month=st.integers(1, 12), gap=st.sampled_from(["", " "]))
def test_a_day_date_with_the_word_month_reads_whole(day, month, gap):
    full = FULL_MONTHS[month - 1]
    text = f"วันที่ {day}{gap}เดือน {full} พ.ศ. 2567 เวลา 10.00 น."
    spans, notes = find_dates(text)
    assert [(s.start, s.precision) for s in spans] == [(date(2024, month, day), "day")]
    assert spans[0].surface == f"{day}{gap}เดือน {full} พ.ศ. 2567" and notes == []


def test_a_count_of_months_before_a_month_is_no_day():
    spans, _ = find_dates("ให้ดำเนินการภายใน 12 เดือน มีนาคม 2567 รายงานผล")
    assert [(s.precision, s.surface) for s in spans] == [("month", "เดือน มีนาคม 2567")]
