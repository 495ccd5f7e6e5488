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
