"""Dates at their edges (lib/cddbrief/thaidates.py): first and last days and months, leap days,
impossible days, Buddhist-era and two-digit years at the edges of what is read, Christian-era
years, and every month spelling the glossary accepts mapped to its month.

Rules asserted here, as the module documents them:

- a two-digit year ``yy`` is BE 25yy (``99`` -> 2599, ``00`` -> 2500); in a meeting it must lie
  within 10 years of the meeting's year, else it is no year (``5 ก.ค. 30 คน``: the date ends at
  the month and takes the meeting's year, with a note);
- a four-digit year below 2300 is Christian era (``2019`` -> 2562, ``ค.ศ. 2019`` likewise);
  only BE 2400–2700 is a year; a written year more than 10 years after the meeting's (or past
  BE 2600 with no meeting) cannot be meant: a warning, and no date;
- a day that the month does not have (31 เม.ย., 29 ก.พ. of a common year) is no date: a
  ``skipped`` note says so and nothing is read.
"""

from __future__ import annotations

from datetime import date

import pytest

from cddbrief.thaidates import MONTHS, as_be, be_year, find_dates, month_number

D = date


def read(text: str, year: int | None = 2562):
    spans, notes = find_dates(text, year)
    return [(s.start, s.end, s.precision, s.year_inferred, s.surface) for s in spans], [
        (n.kind, n.message) for n in notes
    ]


# --- days and months at their edges ------------------------------------------------------------


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("วันที่ 1 ม.ค. 62", D(2019, 1, 1), D(2019, 1, 1)),
        ("วันที่ 31 ม.ค. 62", D(2019, 1, 31), D(2019, 1, 31)),
        ("วันที่ 1 ธ.ค. 62", D(2019, 12, 1), D(2019, 12, 1)),
        ("วันที่ 31 ธ.ค. 62", D(2019, 12, 31), D(2019, 12, 31)),
        ("วันที่ ๓๑ ธันวาคม ๒๕๖๒", D(2019, 12, 31), D(2019, 12, 31)),
        ("วันที่ 30 เม.ย. 62", D(2019, 4, 30), D(2019, 4, 30)),
        ("วันที่ 1/1/2562", D(2019, 1, 1), D(2019, 1, 1)),
        ("วันที่ 31/12/62", D(2019, 12, 31), D(2019, 12, 31)),
        ("31 ธ.ค. 2562 ถึง 1 ม.ค. 2563", D(2019, 12, 31), D(2020, 1, 1)),
        ("1 - 31 ธ.ค. 62", D(2019, 12, 1), D(2019, 12, 31)),
    ],
)
def test_first_and_last_days_and_months(text, start, end):
    spans, notes = read(text)
    assert [(s[0], s[1], s[2], s[3]) for s in spans] == [(start, end, "day", False)]
    assert notes == []


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("เดือนมกราคม 62", D(2019, 1, 1), D(2019, 1, 31)),
        ("เดือนธันวาคม 62", D(2019, 12, 1), D(2019, 12, 31)),
        ("เดือนกุมภาพันธ์ 63", D(2020, 2, 1), D(2020, 2, 29)),  # 2563 = 2020, a leap year
        ("เดือนกุมภาพันธ์ 62", D(2019, 2, 1), D(2019, 2, 28)),
        ("เดือนพฤศจิกายนถึงธันวาคม 62", D(2019, 11, 1), D(2019, 12, 31)),
        ("เดือนธันวาคมถึงมกราคม 63", D(2019, 12, 1), D(2020, 1, 31)),  # December of the year before
    ],
)
def test_months_start_on_the_first_and_end_on_their_last_day(text, start, end):
    spans, notes = read(text)
    assert [(s[0], s[1], s[2]) for s in spans] == [(start, end, "month")] and notes == []


def test_leap_day_in_a_leap_be_year_and_not_in_a_common_one():
    assert read("เมื่อ 29 ก.พ. 63")[0] == [(D(2020, 2, 29), D(2020, 2, 29), "day", False, "29 ก.พ. 63")]
    assert read("เมื่อ 29/2/2563")[0][0][0] == D(2020, 2, 29)
    spans, notes = read("เมื่อ 29 ก.พ. 62")
    assert spans == [] and notes == [("skipped", "'29 ก.พ. 62' is not a real date; it was not read")]
    assert read("เมื่อ 29/2/2562") == ([], [("skipped", "'29/2/2562' is not a real date; it was not read")])
    assert read("เมื่อ 30 ก.พ. 63") == ([], [("skipped", "'30 ก.พ. 63' is not a real date; it was not read")])


@pytest.mark.parametrize("month", ["เม.ย.", "มิ.ย.", "ก.ย.", "พ.ย.", "เมษายน", "กันยายน"])
def test_day_31_of_a_30_day_month_is_skipped_with_a_note(month):
    spans, notes = read(f"ภายใน 31 {month} 62")
    assert spans == []
    assert notes == [("skipped", f"'31 {month} 62' is not a real date; it was not read")]
    assert read(f"ภายใน 30 {month} 62")[0][0][0].day == 30


def test_a_range_that_ends_before_it_starts_is_skipped():
    spans, notes = read("ระหว่าง 20 - 10 เม.ย. 62")
    assert spans == [] and notes == [("skipped", "'20 - 10 เม.ย. 62' ends before it starts; it was not read")]


@pytest.mark.parametrize("text", ["ภายใน 32 ม.ค. 62", "ภายใน 5 32 ต.ค. 62"])
def test_day_32_is_no_date_and_says_so(text):
    """A day no month has is a typo: no date (not the month alone, an inference no note would show), and a note."""
    spans, notes = read(text)
    surface = text.split(" ", 1)[1].split(" ", 1)[-1] if text.count(" ") > 3 else text.split(" ", 1)[1]
    assert spans == [] and notes == [("skipped", f"'{surface}': no month has a day 32 (a typo?); no date was read")]


def test_day_0_and_32_are_never_days():
    for text in ("ภายใน 32 ม.ค. 62", "ภายใน 0 ม.ค. 62"):
        assert all(s[2] != "day" for s in read(text)[0])
    assert read("ภายใน 32/1/2562") == ([], []) and read("ภายใน 1/13/2562") == ([], [])


# --- years -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written, be",
    [
        ("99", 2599), ("00", 2500), ("01", 2501), ("๙๙", 2599),  # two digits: BE 25yy
        ("2400", 2400), ("2700", 2700),  # the BE range's edges
        ("1857", 2400), ("2157", 2700),  # Christian era at the edges: + 543
        ("ค.ศ. 2019", 2562), ("ค.ศ. 1999", 2542), ("ค.ศ. 2000", 2543), ("ค.ศ.2019", 2562),
        ("พ.ศ. 2500", 2500), ("พ.ศ.2562", 2562), ("2019", 2562),
    ],
)  # fmt: skip
def test_be_year_reads(written, be):
    assert be_year(written) == (be, False)
    assert as_be(written) == be


@pytest.mark.parametrize("written", ["2399", "2300", "2701", "1856", "2158", "2299", "123", "1", "25620"])
def test_be_year_refuses_what_is_no_year(written):
    """2299 is Christian era (below 2300) and 2842 BE is past the range; 2300–2399 is neither era."""
    assert be_year(written) is None
    assert as_be(written) == int(written)  # kept as written


def test_two_digit_years_must_lie_within_ten_years_of_the_meeting():
    assert be_year("72", context_be=2562) == (2572, False)
    assert be_year("52", context_be=2562) == (2552, False)
    assert be_year("73", context_be=2562) is None and be_year("51", context_be=2562) is None
    assert be_year("99", context_be=2562) is None and be_year("00", context_be=2562) is None
    assert be_year("99", context_be=2595) == (2599, False) and be_year("00", context_be=2505) == (2500, False)
    assert be_year("2599", context_be=2562) == (2599, False)  # four digits are not held to the meeting
    assert be_year("6 2") == (2562, True)  # split by a stray space: repaired


def test_two_digit_years_in_dates_at_century_edges():
    assert read("1 ม.ค. 72")[0] == [(D(2029, 1, 1), D(2029, 1, 1), "day", False, "1 ม.ค. 72")]
    assert read("1 ม.ค. 52")[0] == [(D(2009, 1, 1), D(2009, 1, 1), "day", False, "1 ม.ค. 52")]
    # 73 is more than 10 years from 2562: no year; the date takes the meeting's and says so
    assert read("1 ม.ค. 73") == (
        [(D(2019, 1, 1), D(2019, 1, 1), "day", True, "1 ม.ค.")],
        [("inferred", "'1 ม.ค.' has no year; 2562 was taken from the meeting's year")],
    )
    # with no meeting year, 99 is 2599 (CE 2056) and 00 is 2500 (CE 1957)
    assert read("31 ธ.ค. 99", None)[0] == [(D(2056, 12, 31), D(2056, 12, 31), "day", False, "31 ธ.ค. 99")]
    assert read("1 ม.ค. 00", None)[0] == [(D(1957, 1, 1), D(1957, 1, 1), "day", False, "1 ม.ค. 00")]


def test_four_digit_years_past_the_window_are_warned_about():
    assert read("1 ม.ค. 2572")[0][0][0] == D(2029, 1, 1)  # the meeting's year + 10
    assert read("1 ม.ค. 2573") == (
        [],
        [("warning", "'1 ม.ค. 2573': the year 2573 cannot be meant (a typo?); no date was read")],
    )
    assert read("1 ม.ค. 2600", None)[0][0][0] == D(2057, 1, 1)
    assert read("1 ม.ค. 2601", None) == (
        [],
        [("warning", "'1 ม.ค. 2601': the year 2601 cannot be meant (a typo?); no date was read")],
    )
    assert read("1 ม.ค. 2557")[0][0][0] == D(2014, 1, 1)  # years before the meeting are read


@pytest.mark.parametrize(
    "text", ["วันที่ 25 เมษายน ค.ศ. 2019", "วันที่ 25 เม.ย. 2019", "วันที่ 25 เมษายน พ.ศ. 2562", "วันที่ 25/4/2562"]
)
def test_christian_and_buddhist_era_give_the_same_day(text):
    spans, notes = read(text)
    assert [(s[0], s[3]) for s in spans] == [(D(2019, 4, 25), False)] and notes == []


def test_fiscal_year_puts_october_to_december_in_the_year_before():
    spans, _ = read("ในปีงบประมาณ 2566 ให้ส่งภายใน 30 ก.ย. 1 ต.ค. 31 ธ.ค. และ 1 ม.ค.")
    assert [s[0] for s in spans] == [D(2023, 9, 30), D(2022, 10, 1), D(2022, 12, 31), D(2023, 1, 1)]
    assert all(s[3] for s in spans)
    assert read("ปีงบประมาณ 2560-2564")[0] == [(D(2016, 10, 1), D(2021, 9, 30), "year", False, "ปีงบประมาณ 2560-2564")]
    assert read("ปี 2550-2560")[0] == [(D(2007, 1, 1), D(2017, 12, 31), "year", False, "ปี 2550-2560")]


# --- every month spelling ----------------------------------------------------------------------


def spellings(full: str, abbr: str) -> dict[str, str]:
    """The ways offices write one month: full, dotted, short of the last dot, short of the
    inner dot, with no dots, and with a space for the inner dot (มี ค.)."""
    parts = abbr.strip(".").split(".")
    return {"full": full, "dotted": abbr, "no last dot": abbr[:-1], "no inner dot": "".join(parts) + ".",
            "undotted": "".join(parts), "spaced": " ".join(parts) + "."}  # fmt: skip


MONTH_SPELLINGS = [
    (n, how, written)
    for n, (full, abbr) in enumerate(MONTHS, start=1)
    for how, written in spellings(full, abbr).items()
]


def test_the_glossary_has_twelve_months_in_order():
    assert [full for full, _ in MONTHS][:3] == ["มกราคม", "กุมภาพันธ์", "มีนาคม"] and len(MONTHS) == 12
    assert [abbr for _, abbr in MONTHS][-3:] == ["ต.ค.", "พ.ย.", "ธ.ค."]


@pytest.mark.parametrize("month, how, written", MONTH_SPELLINGS + [(7, "misspelt", "กรกฏาคม")])
def test_every_spelling_names_its_month(month, how, written):
    assert month_number(written) == month
    day = 28 if month == 2 else 30
    spans, notes = read(f"ภายในวันที่ {day} {written} 62")
    assert [(s[0], s[2], s[3]) for s in spans] == [(D(2019, month, day), "day", False)], how
    glued, _ = read(f"ภายในวันที่ 1 {written}2562")
    assert [s[0] for s in glued] == [D(2019, month, 1)], how


@pytest.mark.parametrize(
    "month, how, written", [m for m in MONTH_SPELLINGS if m[1] != "spaced"] + [(7, "misspelt", "กรกฏาคม")]
)
def test_every_spelling_before_a_year_is_that_month(month, how, written):
    """A month with no day, before a year or after เดือน: the whole month."""
    last = 28 if month == 2 else (30 if month in (4, 6, 9, 11) else 31)
    for text in (f"ภายใน {written} 2562", f"ภายในเดือน{written} 62"):
        spans, _ = read(text)
        assert [(s[0], s[1], s[2]) for s in spans] == [(D(2019, month, 1), D(2019, month, last), "month")], (text, how)


@pytest.mark.parametrize(
    "text, around, want",
    [
        ("ภายในวันอาทิตย์ที่ 31 นี้", date(2023, 12, 20), date(2023, 12, 31)),  # the year's last day
        ("ภายในวันจันทร์ที่ 1 นี้", date(2023, 12, 20), date(2024, 1, 1)),  # forward over the new year
        ("เมื่อวันพฤหัสบดีที่ 29 ที่ผ่านมา", date(2024, 3, 5), date(2024, 2, 29)),  # back to a leap day
    ],
)
def test_a_weekday_day_across_month_and_year_edges(text, around, want):
    spans, _ = find_dates(text, around=around)
    assert [(s.start, s.end) for s in spans] == [(want, want)]


def test_a_weekday_day_back_to_a_leap_day_of_a_common_year_is_none():
    spans, notes = find_dates("เมื่อวันพุธที่ 29 ที่ผ่านมา", around=date(2023, 3, 5))  # 2566: February has 28
    assert spans == [] and [n.kind for n in notes] == ["skipped"]
