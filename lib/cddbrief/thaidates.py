"""Thai dates, ranges and Buddhist-era years -> Gregorian spans with evidence.

Reads what offices write: ``22 - 23 เม.ย. 62``, ``25 เม.ย. ถึง 1 พ.ค. 62``,
``วันที่ 25 เมษายน 2562``, ``เดือนเมษายนถึงพฤษภาคม 62``, ``ก.ค. 62``, with dots
and spaces optional and Thai digits read as Arabic. A two-digit year ``yy`` is
BE 25yy; BE = CE + 543. Years split or glued by a stray space (``ก.ย. 6 2``,
``มิ.ย6 2``) are read and flagged as repaired. Also: reschedules (``เดิมกำหนด X …
กำหนดเป็น Y``) and monthly recurrences (``ทุกวันที่ 25 ของเดือน``).
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left
from collections.abc import Sequence
from datetime import date

from .model import DateSpan, Note, Precision, Recurrence, Reschedule, TextSpan
from .thaitext import to_arabic_digits

MONTHS = [
    ("มกราคม", "ม.ค."),
    ("กุมภาพันธ์", "ก.พ."),
    ("มีนาคม", "มี.ค."),
    ("เมษายน", "เม.ย."),
    ("พฤษภาคม", "พ.ค."),
    ("มิถุนายน", "มิ.ย."),
    ("กรกฎาคม", "ก.ค."),
    ("สิงหาคม", "ส.ค."),
    ("กันยายน", "ก.ย."),
    ("ตุลาคม", "ต.ค."),
    ("พฤศจิกายน", "พ.ย."),
    ("ธันวาคม", "ธ.ค."),
]
MONTH_ABBR_TH = [abbr for _, abbr in MONTHS]
MONTH_NAME_EN = list(calendar.month_abbr)[1:]

_MONTH_BY_KEY: dict[str, int] = {}
for _number, (_full, _abbr) in enumerate(MONTHS, start=1):
    _MONTH_BY_KEY[_full] = _number
    _MONTH_BY_KEY[_abbr.replace(".", "")] = _number
_MONTH_BY_KEY["กรกฏาคม"] = 7  # a common misspelling


_THAI_LETTER = "\u0e01-\u0e4e"


def _abbr_regex(abbr: str) -> str:
    """``มี.ค.`` -> dots and the spaces around them optional: มี\\s?\\.?\\s?ค, then a
    dot or no Thai letter (มีคน holds มีค but is no month)."""
    parts = [re.escape(p) for p in abbr.strip(".").split(".")]
    return r"\s?\.?\s?".join(parts) + rf"(?:\.|(?![{_THAI_LETTER}]))"


_FULL = "|".join(sorted([m for m, _ in MONTHS] + ["กรกฏาคม"], key=len, reverse=True))
_DOTTED = "|".join(re.escape(a) for _, a in sorted(MONTHS, key=lambda m: -len(m[1])))
# a month as a day-date writes it: full name, or abbreviation with or without dots
_MONTH = rf"(?:{_FULL}|{'|'.join(_abbr_regex(a) for _, a in sorted(MONTHS, key=lambda m: -len(m[1])))})"
# a month standing alone (no day): full name or the dotted abbreviation, so that
# letter pairs inside words (ลูกค้า has กค) are not taken for months
# letter pairs inside words (ลูกค้า has กค) are not taken for months; an abbreviation
# short of dots (ต.ค 63, ตค. 63, มค 2564) is a month only before a year, and (see
# _month_dates) only where no Thai letter runs into it
_UNDOTTED = "|".join(sorted({a.replace(".", "") for _, a in MONTHS}, key=len, reverse=True))
_MONTH_ALONE = (
    rf"(?:{_FULL}|{_DOTTED}|(?:{'|'.join(re.escape(a[:-1]) for _, a in MONTHS)}|(?:{_UNDOTTED})\.?)(?=\s?\d))"
)
_ERA = r"(?:(?:พ\s?\.?\s?ศ|ค\s?\.?\s?ศ)\s?\.?\s*)"
# (five to eight digits are read too, to be refused as years no one means: 22 เมษายน 10543)
_YEAR = rf"(?:{_ERA}?(?:\d{{4,8}}|\d\s?\d)(?![\d,]|\.\d))"
_DAY = r"(?<![\d.,/:])(?:[0-3]?\d)(?![\d,:/]|\.\d)"
_SEP = r"(?:-|–|—|ถึง(?:วันที่)?|จนถึง(?:วันที่)?|to)"


_DAY_END = r"(?![0-9,:/]|\.[0-9])"
_DAY = rf"[0-9][0-9]?{_DAY_END}"

# A date that starts with its day: 24 เม.ย. 62 ; 25 เม.ย. ถึง 1 พ.ค. 62 ; 26-27 มี.ค. 62.
# It starts with a plain digit class so that re skips to digits at C speed; what
# may not stand before the day is checked in Python (see _day_date_ok).
# what a day-date goes on with after its first day (and spaces): a month, a separator or (a lost dash)
# a second day. Said first, so that a number before anything else is given up at one character,
# not after every month and separator is tried (the alternation holds the same: nothing else can start it)
_AFTER_DAY = "".join(sorted({m[0] for m, _ in MONTHS} | {a[0] for _, a in MONTHS} | {"-", "–", "—", "ถ", "จ", "t"}))
# a day-date's month after the word เดือน (วันที่ 12 เดือน มีนาคม 2567), only after วันที่ and its day: a count
# of months (ภายใน 12 เดือน มีนาคม …) is no day
_DAY_OF_MONTH = (
    "(?:"
    + "|".join(f"(?<=ที่{gap}{digits}{space})" for gap in ("", " ") for digits in (r"\d", r"\d\d") for space in ("", " "))
    + ")"
)
_DAY_DATE = re.compile(
    rf"(?P<d1>{_DAY})\s*(?=[{re.escape(_AFTER_DAY)}0-9])(?:"
    rf"(?:{_DAY_OF_MONTH}เดือน\s*)?(?P<m1>{_MONTH})(?:\s*(?P<y1>{_YEAR}))?(?:\s*{_SEP}\s*(?P<d2>{_DAY})\s*(?P<m2>{_MONTH})(?:\s*(?P<y2>{_YEAR}))?)?"
    rf"|{_SEP}\s*(?P<rd2>{_DAY})\s*(?P<rm>{_MONTH})(?:\s*(?P<ry>{_YEAR}))?"
    rf"|(?<=[ \t])(?P<ld2>{_DAY})\s*(?P<lm>{_MONTH})(?:\s*(?P<ly>{_YEAR}))?"  # ๒ ๔ ต.ค.: a lost dash
    r")"
)
# A date of month precision: เดือนเมษายนถึงพฤษภาคม 62 ; ก.ค. 62 ; เดือนมิถุนายน
_MONTH_DATE = re.compile(
    rf"(?:(?P<pre>เดือน)\s*)?(?P<m1>{_MONTH_ALONE})(?:\s*{_SEP}\s*(?:เดือน\s*)?(?P<m2>{_MONTH_ALONE}))?(?:\s*(?P<y>{_YEAR}))?"
)
_YEARISH = re.compile(r"[0-9][0-9](?:[0-9][0-9])?(?![0-9])|[0-9] [0-9](?![0-9])")
# (a search that ends before the year: a lookahead would not see the year, so none here)
_MONTH_BEFORE_YEAR = re.compile(
    rf"(?:เดือน\s*)?(?:{_FULL}|{_DOTTED}|{'|'.join(re.escape(a[:-1]) for _, a in MONTHS)}|(?:{_UNDOTTED})\.?)\s*{_ERA}?$"
)

# words that make the number before a month an ordinal, not a day: รอบ 2 ก.ค. 62
_ORDINAL_BEFORE = re.compile(
    r"(?:รอบ(?:ที่)?|ครั้ง(?:ที่)?|ข้อ(?:ที่)?|ลำดับ(?:ที่)?|ฉบับที่|รุ่น(?:ที่)?|ระยะ(?:ที่)?|งวด(?:ที่)?|หมู่(?:ที่)?|วาระ(?:ที่)?|ชั้น(?:ที่)?|ห้อง(?:ที่)?|ที่)\s*$"
)
# ที่ makes an ordinal (ข้อที่ 3) unless it follows วัน or a weekday, with or without a space:
# วันที่ 9, วันศุกร์ที่ 9, วันศุกร์ ที่ 9
# (nor after พื้น, หน้า: ลงพื้นที่ 3 ต.ค. is a visit on the 3rd)
_ORDINAL_ENDS = ("ที่", "รอบ", "ครั้ง", "ข้อ", "ลำดับ", "รุ่น", "ระยะ", "งวด", "หมู่", "วาระ", "ชั้น", "ห้อง")
_DAY_THI = re.compile(r"(?:วัน|จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัส|ศุกร์|เสาร์|อาทิตย์|พื้น|หน้า)\s*ที่\s*$")


def _ordinal_before(reading: str, start: int) -> bool:
    """Does a word that makes the next number an ordinal (รอบ 2, ข้อที่ 3) end right here?"""
    window_start = max(0, start - 16)
    if not reading[window_start:start].rstrip().endswith(_ORDINAL_ENDS):
        return False  # every word of _ORDINAL_BEFORE ends so: most places need no regex
    found = _ORDINAL_BEFORE.search(reading, window_start, start)
    if not found:
        return False
    return not (found.group().startswith("ที่") and _DAY_THI.search(reading, window_start, start))


_RECURRING = re.compile(r"ทุก\s*วันที่\s*(?P<day>[0-3]?\d)(?!\d)(?:\s*ของ(?:ทุก)?\s*เดือน)?")
# the day first set, as written before it: เดิมกำหนดวันที่ …, เดิมกำหนดจัดในวันจันทร์ที่ …
_WAS = re.compile(
    r"เดิม(?:กำหนด(?:การ)?)?(?:จัด(?:ประชุม)?)?(?:ไว้)?(?:ใน)?"
    r"(?:วัน(?:จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัส|ศุกร์|เสาร์|อาทิตย์)?\s*ที่)?\s*$"
)
_NOW = re.compile(r"(?:กำหนด|เลื่อน|เปลี่ยน)(?:เป็น|ไปเป็น|ไป)")


_NOT_DIGIT = re.compile(r"\D")
_ANY_DIGIT = re.compile("[0-9]")
_SPACE_OR_DOT = re.compile(r"[\s.]")
_SPLIT_DIGITS = re.compile(r"\d\s\d")


def be_year(written: str, context_be: int | None = None) -> tuple[int, bool] | None:
    """Read a written year as Buddhist era; return (year_be, repaired) or None.

    >>> be_year("62"), be_year("2562"), be_year("พ.ศ. 2562"), be_year("6 2"), be_year("ค.ศ. 2019")
    ((2562, False), (2562, False), (2562, False), (2562, True), (2562, False))
    >>> be_year("15", context_be=2562) is None   # 2515 is far from the meeting: not a year here
    True
    """
    if written.isascii() and written.isdigit():  # 62, 2562: most years are written so
        text = digits = written
        christian = repaired = False
    else:
        text = to_arabic_digits(written)
        christian = "ค" in text
        digits = _NOT_DIGIT.sub("", text)
        repaired = bool(_SPLIT_DIGITS.search(text))
    if len(digits) == 2:
        year = 2500 + int(digits)
    elif len(digits) == 4:
        year = int(digits) + (543 if christian or int(digits) < 2300 else 0)
    else:
        return None
    if not 2400 <= year <= 2700:
        return None
    if context_be is not None and len(digits) == 2 and abs(year - context_be) > 10:
        return None
    return year, repaired


def as_be(written: str) -> int:
    """A written year as Buddhist era; one outside the plausible range is kept as written.

    >>> as_be("62"), as_be("2019"), as_be("9999")
    (2562, 2562, 9999)
    """
    read = be_year(written)
    return read[0] if read else int(to_arabic_digits(written))


def month_number(written: str) -> int:
    """The month number of a Thai month name or abbreviation.

    >>> month_number("มิ.ย"), month_number("มี ค."), month_number("เมษายน")
    (6, 3, 4)
    """
    number = _MONTH_BY_WRITTEN.get(written)
    if number is None:
        number = _MONTH_BY_KEY[_SPACE_OR_DOT.sub("", written)]
        if len(_MONTH_BY_WRITTEN) < 4096:  # the forms a month is written in are few; the bound is for odd input
            _MONTH_BY_WRITTEN[written] = number
    return number


_MONTH_BY_WRITTEN: dict[str, int] = {}


def find_dates(
    text: str,
    meeting_year_be: int | None = None,
    *,
    item: int | None = None,
    directive: int | None = None,
    around: date | DateSpan | None = None,
) -> tuple[list[DateSpan], list[Note]]:
    """Find the dates in a piece of Thai text; ``item`` and ``directive`` (where the text stands) are given to each
    date.

    Spans index ``text``. A date with no year takes the nearest year written
    before it in the text (a date's, or a bare ``ปี 2564``), else the next dated
    mention's, else the meeting's, and is flagged ``year_inferred`` with a note;
    after ``ปีงบประมาณ 2565`` October to December fall in 2564. With no year
    anywhere its start and end stay None. A year that cannot be meant (``2663``
    in a meeting of 2563) gives a warning note and no date.

    >>> spans, _ = find_dates("เดิมกำหนดวันที่ 26-27 มี.ค. 62 กำหนดเป็นวันที่ 22 - 23 เม.ย. 62")
    >>> [(s.start.isoformat(), s.end.isoformat(), s.surface) for s in spans]
    [('2019-03-26', '2019-03-27', '26-27 มี.ค. 62'), ('2019-04-22', '2019-04-23', '22 - 23 เม.ย. 62')]
    >>> spans, notes = find_dates("ในปีงบประมาณ ๒๕๖๖ ให้ส่งภายใน ๑๐ พ.ย. และ ๕ มี.ค.", 2565)
    >>> [(s.start.isoformat(), s.year_inferred) for s in spans]
    [('2022-11-10', True), ('2023-03-05', True)]

    A weekday and a day with no month (``เมื่อวันพุธที่ 13 ที่ผ่านมา``) take the month of the nearest month-date
    in the text, else of ``around`` (the meeting's day, or the post's; or a month the write-up names, as a
    DateSpan of month precision): ``นี้`` looks forward from that day, ``ที่ผ่านมา`` back. The weekday must
    agree, or no date is read (a note says so). A day in Thai words (``ยี่สิบแปด มีนาคม 2567``) reads as its
    digits.

    >>> spans, notes = find_dates("เมื่อวันพุธที่ 13 ที่ผ่านมา ประชุมประจำเดือนมีนาคม 2567")
    >>> [(s.surface, s.start.isoformat(), s.year_inferred) for s in spans][0], notes[0].kind
    (('วันพุธที่ 13', '2024-03-13', True), 'inferred')
    >>> find_dates("ภายในวันศุกร์ที่ 5 นี้", around=date(2024, 3, 28))[0][0].start.isoformat()
    '2024-04-05'
    >>> spans, notes = find_dates("ภายในวันพุธที่ 22 นี้", around=date(2024, 3, 13))
    >>> spans, notes[0].kind, notes[0].message.split("; ")[1]
    ([], 'skipped', "in the month of the meeting's day, 13 มี.ค. 2567, 22 มี.ค. 2567 is no Wednesday")
    >>> [(s.surface, s.start.isoformat()) for s in find_dates("เมื่อวันพฤหัสบดีที่ยี่สิบแปด มีนาคม 2567")[0]]
    [('วันพฤหัสบดีที่ยี่สิบแปด มีนาคม 2567', '2024-03-28')]
    """
    reading = to_arabic_digits(text)
    if "เดือน" not in reading and _ANY_DIGIT.search(reading) is None and not _may_have_a_word_day(reading):
        return [], []  # every date holds a digit, or เดือน before its month, or a day in words before its month
    day_dates = _day_dates(reading, meeting_year_be)
    candidates = (
        _weekday_days(reading, meeting_year_be)
        + day_dates
        + _month_dates(reading, meeting_year_be, day_dates)
        + _numeric_dates(reading, meeting_year_be)
        + _year_ranges(reading, day_dates, meeting_year_be)
        + _year_spans(reading, meeting_year_be, anchors := _year_anchors(reading))
    )
    candidates.sort(key=lambda c: (c["start"], -c["end"]))
    raw: list[dict] = []
    for cand in candidates:
        if raw and cand["start"] < raw[-1]["end"]:
            continue  # inside a date already read
        cand["surface"] = text[cand["start"] : cand["end"]]
        raw.append(cand)
    notes: list[Note] = []
    spans: list[DateSpan] = []
    undated = any(c["y1"] is None and c["y2"] is None and not c.get("bad_year") and not c.get("bad_day") for c in raw)
    explicit = (
        [(a, b, year, fiscal, text[a:b]) for a, b, year, fiscal, _ in _explicit_years(reading, anchors)]
        if undated
        else []
    )
    # notes quote the text as written; a year from the context is wanted only by a date without one
    context = _context_years(raw, explicit, meeting_year_be) if undated else [(None, None, False)] * len(raw)
    dated = None  # found when a weekday-day first needs a month
    for index, (parts, year) in enumerate(zip(raw, context)):
        if parts.get("weekday") is not None and parts["m1"] is None:
            dated = _with_month_and_year(raw) if dated is None else dated
            span = _weekday_span(parts, _month_anchor(raw, dated, index, around), notes, item, directive)
            if span is not None:
                spans.append(span)
            continue
        span = _to_span(parts, text, year, notes, item, directive)
        if span is not None:
            spans.append(span)
    return spans, notes


# Past this many years after the meeting's year a written year is taken for a typo;
# with no meeting year, a year past _LATEST_BE (CE 2057) is.
YEARS_AHEAD = 10
_LATEST_BE = 2600


def _read_year(written: str, context_be: int | None) -> tuple[tuple[int, bool] | None, str | None]:
    """(the year read, None), or (None, 'bad') for a written 4-digit year that cannot be
    meant (2663 in 2563; 2856), or (None, 'drop') for a number that is no year at all
    (1200, or 30 far from the meeting's 62)."""
    read = be_year(written, context_be)
    if read is not None and read[0] <= (context_be + YEARS_AHEAD if context_be else _LATEST_BE):
        return read, None
    digits = _NOT_DIGIT.sub("", written)
    yearish = (len(digits) == 4 and digits[0] == "2" and int(digits) >= 2400) or len(digits) > 4
    if read is None:
        return None, "bad" if yearish else "drop"
    return (None, "bad") if yearish else (read, None)


def _year_problem(written: str, context_be: int | None) -> str | None:
    return _read_year(written, context_be)[1]


def _years(groups: dict, keys: tuple[str, ...], context_be: int | None) -> tuple[dict, tuple[str, str] | None]:
    """Read the year groups: (years by key, the first problem as (kind, key) or None)."""
    years: dict[str, tuple[int, bool] | None] = {}
    for key in keys:
        written = groups.get(key)
        if written:
            read, problem = _read_year(written, context_be)
            if problem:
                return years, (problem, key)
            years[key] = read
    return years, None


_DAY_DATE_YEARS = ("y1", "y2", "ry", "ly")


def _second_day(match: re.Match, g: dict) -> int:
    """Where the second day of a range starts (-1: none)."""
    return next((match.start(k) for k in ("d2", "rd2", "ld2") if g[k]), -1)


def _bad_year(start: int, end: int, written: str) -> dict:
    """A candidate that holds its place (nothing else reads it) and becomes a warning."""
    return {"start": start, "end": end, "bad_year": written.strip(), "y1": None, "y2": None}


_LIST_BEFORE = re.compile(r"(?P<d1>[0-9]{1,2})(?:\s*(?:-|–|—|ถึง)\s*(?P<d2>[0-9]{1,2}))?\s*(?:,|และ|หรือ)\s*$")


def _day_dates(reading: str, context_be: int | None) -> list[dict]:
    found = []
    pos = 0
    for _ in range(len(reading) + 1):  # each turn moves pos forward; the bound guards the loop
        match = _DAY_DATE.search(reading, pos)
        if not match:
            break
        start = match.start()
        g = match.groupdict()
        pos = match.end()
        first_ok = not (start and reading[start - 1] in "0123456789.,/:") and 1 <= int(g["d1"]) <= 31
        if not first_ok or _ordinal_before(reading, start):
            if (
                g["m1"]
                and not (start and reading[start - 1] in "0123456789.,/:")
                and not _ordinal_before(reading, start)
            ):
                # 32 ม.ค. 62: a day no month has, right before a month: a typo; the month is not read alone
                found.append({"start": start, "end": match.end(), "bad_day": g["d1"], "y1": None, "y2": None})
                continue
            # 1.25 มี.ค., ปี 57 - 30 ก.ย. 61, รอบ 2 ก.ค. 62: the first number is no day;
            # a range may still hold a date from its second day on
            second = _second_day(match, g)
            if second > start:
                pos = second
            continue
        years, problem = _years(g, _DAY_DATE_YEARS, context_be)
        end = match.end()
        if problem and problem[0] == "bad":
            found.append(_bad_year(start, match.end(problem[1]), g[problem[1]]))
            continue
        if problem:  # 5 ก.ค. 30 คน: the number after the month is no year; the date ends at the month
            last = match.end(problem[1]) == match.end()
            if not last:
                continue
            end = start + len(reading[start : match.start(problem[1])].rstrip())
            g = {**g, problem[1]: None}
            pos = end
        d1 = int(g["d1"])
        lost = False
        if g["m1"]:
            m1 = month_number(g["m1"])
            d2, m2 = (int(g["d2"]), month_number(g["m2"])) if g["d2"] else (d1, m1)
            y1, y2 = years.get("y1"), years.get("y2")
            if not g["d2"]:
                y2 = y1
            glued = _glued(g["m1"], g["y1"]) or _glued(g["m2"], g["y2"])
        elif g["rm"]:
            m1 = m2 = month_number(g["rm"])
            d2 = int(g["rd2"])
            y1 = y2 = years.get("ry")
            glued = _glued(g["rm"], g["ry"])
        else:
            # ๒ ๔ ตุลาคม: two day numbers before one month; the dash between them was lost
            d2 = int(g["ld2"])
            if not d1 < d2 <= 31:
                pos = _second_day(match, g)  # 12 4 ต.ค.: only the second number is a day
                continue
            m1 = m2 = month_number(g["lm"])
            y1 = y2 = years.get("ly")
            glued = _glued(g["lm"], g["ly"])
            lost = True
        date_ = {
            "start": start,
            "end": end,
            "d1": d1,
            "m1": m1,
            "y1": y1,
            "d2": d2,
            "m2": m2,
            "y2": y2,
            "glued": glued or lost,
            "lost_dash": lost,
        }
        found.extend(_listed_before(reading, date_))
        found.append(date_)
    return found


WEEKDAYS_TH = ("จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์", "อาทิตย์")  # date.weekday() order
WEEKDAYS_EN = tuple(calendar.day_name)
_UNITS_TH = ("", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า")


def _day_word(day: int) -> str:
    """A day of the month in Thai words: 1 หนึ่ง, 11 สิบเอ็ด, 28 ยี่สิบแปด, 31 สามสิบเอ็ด."""
    tens, units = divmod(day, 10)
    if tens == 0:
        return _UNITS_TH[units]
    return ("สิบ", "ยี่สิบ", "สามสิบ")[tens - 1] + ("เอ็ด" if units == 1 else _UNITS_TH[units])


DAY_WORDS: dict[str, int] = {_day_word(day): day for day in range(1, 32)}
DAY_WORDS.update({f"{word[:-3]}หนึ่ง": day for word, day in DAY_WORDS.items() if word.endswith("เอ็ด")})
_DAY_IN_WORDS = "|".join(sorted(DAY_WORDS, key=len, reverse=True))
WEEKDAY_WORDS = "|".join((*WEEKDAYS_TH, "พฤหัส"))  # as a pattern: พฤหัส, short for พฤหัสบดี, too
# วันพุธที่ 13, วันศุกร์ที่ 22 นี้, วันพฤหัสบดีที่ยี่สิบแปด มีนาคม 2567, วันที่สิบห้า เมษายน 2567: a weekday before
# its day (then no month is needed), or a day in words before its month
_WEEKDAY_DAY = re.compile(
    rf"วัน\s*(?:(?P<wd>{WEEKDAY_WORDS})\s*)?ที่\s*(?:(?P<d>[0-9]{{1,2}}){_DAY_END}"
    rf"|(?P<w>{_DAY_IN_WORDS})(?:\s*(?P<m>{_MONTH})(?:\s*(?P<y>{_YEAR}))?)?)"
)
_MONTH_NEXT = re.compile(rf"\s*(?:{_MONTH})")  # (a digit day before its month is a day-date: _day_dates')
_FORWARD = re.compile(r"\s*(?:นี้|ที่จะถึง(?:นี้)?|ที่จะมาถึง(?:นี้)?)")
_BACK = re.compile(r"\s*(?:ที่ผ่านมา|ที่แล้ว)")


_MONTH_WORDS = tuple({word.rstrip(".") for pair in MONTHS for word in pair})


def _may_have_a_word_day(reading: str) -> bool:
    """A day in Thai words stands after วัน…ที่ and before a month's name (วันที่สิบห้า เมษายน): all are here."""
    return "วัน" in reading and "ที่" in reading and any(month in reading for month in _MONTH_WORDS)


def _weekday_days(reading: str, context_be: int | None) -> list[dict]:
    """The days told by a weekday with no month (``วันพุธที่ 13 ที่ผ่านมา``: month and year to be found, see
    _weekday_span), and the days written in Thai words before their month (``วันพฤหัสบดีที่ยี่สิบแปด มีนาคม
    2567``, read as a day-date). A digit day before its month is _day_dates'."""
    found: list[dict] = []
    if "ที่" not in reading or "วัน" not in reading:
        return found
    for match in _WEEKDAY_DAY.finditer(reading):
        g = match.groupdict()
        day = int(g["d"]) if g["d"] else DAY_WORDS[g["w"]]
        if g["m"] and g["w"]:
            years, problem = _years(g, ("y",), context_be)
            if problem and problem[0] == "bad":
                found.append(_bad_year(match.start(), match.end("y"), g["y"]))
                continue
            end = match.end() if not problem else match.end("m")
            year = years.get("y")
            month = month_number(g["m"])
            found.append({"start": match.start(), "end": end, "d1": day, "m1": month, "y1": year,
                          "d2": day, "m2": month, "y2": year, "glued": _glued(g["m"], g["y"])})  # fmt: skip
        elif g["d"] and g["wd"] and 1 <= day <= 31 and not _MONTH_NEXT.match(reading, match.end()):
            # (a weekday and a number word, วันเสาร์ที่สอง, is the second Saturday: no day of the month)
            if reading[max(0, match.start() - 4) : match.start()].rstrip().endswith("ทุก"):
                continue  # ทุกวันศุกร์ที่ 2: a recurrence, no one day
            after = reading[match.end() : match.end() + 16]
            direction = "forward" if _FORWARD.match(after) else "back" if _BACK.match(after) else None
            weekday = 3 if g["wd"].startswith("พฤหัส") else WEEKDAYS_TH.index(g["wd"])
            found.append({"start": match.start(), "end": match.end(), "d1": day, "m1": None, "y1": None,
                          "d2": day, "m2": None, "y2": None, "glued": False, "weekday": weekday,
                          "direction": direction})  # fmt: skip
    return found


def _with_month_and_year(raw: list[dict]) -> list[int]:
    """The indexes of the dates in ``raw`` that give their own month and year (what a weekday-day is read in)."""
    return [
        at
        for at, parts in enumerate(raw)
        if parts.get("m1") and (parts["y1"] or parts["y2"]) and parts.get("precision") in (None, "month")
    ]


def _month_anchor(raw: list[dict], dated: list[int], index: int, around: date | DateSpan | None) -> tuple | None:
    """(year CE, month, day or None, where from, where from in Thai) for the weekday-day ``raw[index]``: the
    nearest date of the text with its own month and year (``dated``: their indexes, in order; the one before
    it of two as near), else ``around``."""
    at = bisect_left(dated, index)
    near = [(index - dated[at - 1], False, dated[at - 1])] if at else []
    near += [(dated[at] - index, True, dated[at])] if at < len(dated) else []
    if near:
        parts = raw[min(near)[2]]
        year = (parts["y1"] or parts["y2"])[0] - 543
        written = _surface_of(parts)
        return year, parts["m1"], parts.get("d1"), f"'{written}' in the text", f" '{written}' ในข้อความ"
    if isinstance(around, DateSpan) and around.start is not None:
        day = around.start.day if around.precision == "day" else None
        written = around.surface
        return around.start.year, around.start.month, day, f"'{written}'", f" '{written}'"
    if isinstance(around, date):
        shown = format_span_th(around, around)
        return around.year, around.month, around.day, f"the meeting's day, {shown}", f"วันประชุม {shown}"
    return None


def _weekday_span(parts: dict, anchor, notes: list[Note], item=None, directive=None) -> DateSpan | None:
    """``วันพุธที่ 13`` read in the anchor's month, checked by its weekday: a weekday that does not agree, or no
    month to read it in, gives a note and no date (never a guess)."""
    surface = _surface_of(parts)
    day = parts["d1"]
    if anchor is None:
        notes.append(Note("skipped", f"'{surface}' gives no month or year and the text names none; no date was read",
                          surface=surface,
                          th=f"'{surface}' ไม่ระบุเดือนและปี และข้อความไม่ระบุเดือนให้อ้างอิง จึงไม่ได้อ่านเป็นวันที่"))  # fmt: skip
        return None
    year, month, anchor_day, source, source_th = anchor
    if anchor_day is not None and parts["direction"] == "forward" and day < anchor_day:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    elif anchor_day is not None and parts["direction"] == "back" and day > anchor_day:
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    weekday = WEEKDAYS_TH[parts["weekday"]]
    try:
        read = date(year, month, day)
    except ValueError:
        read = None
    if read is None or read.weekday() != parts["weekday"]:
        shown = format_span_th(read, read) if read else f"{day} {MONTH_ABBR_TH[month - 1]} {year + 543}"
        notes.append(Note("skipped",
                          f"'{surface}' gives no month; in the month of {source}, {shown} is no"
                          f" {WEEKDAYS_EN[parts['weekday']]}; no date was read", surface=surface,
                          th=f"'{surface}' ไม่ระบุเดือน เมื่ออ่านตามเดือนของ{source_th} {shown} ไม่ใช่วัน{weekday}"
                          " จึงไม่ได้อ่านเป็นวันที่"))  # fmt: skip
        return None
    shown = format_span_th(read, read)
    notes.append(Note("inferred", f"'{surface}' gives no month or year; read as {shown}, the month and year from"
                      f" {source} (a {WEEKDAYS_EN[parts['weekday']]}, as written)", surface=surface,
                      th=f"'{surface}' ไม่ระบุเดือนและปี อ่านเป็น {shown} โดยใช้เดือนและปีจาก{source_th}"
                      f" (ตรงกับวัน{weekday} ตามที่เขียน)"))  # fmt: skip
    return DateSpan(read, read, "day", surface, TextSpan(parts["start"], parts["end"]), year_inferred=True,
                    item=item, directive=directive)  # fmt: skip


_LIST_WORDS = ("และ", ",", "หรือ")


def _listed_before(reading: str, date_: dict) -> list[dict]:
    """2 - 4 และ 9 ธ.ค. 63: days listed before a date share its month and year."""
    listed: list[dict] = []
    at = date_["start"]
    if not reading[max(0, at - 6) : at].rstrip().endswith(_LIST_WORDS):
        return listed
    for _ in range(31):
        match = _LIST_BEFORE.search(reading, max(0, at - 24), at)
        if not match:
            break
        start = match.start()
        if start and reading[start - 1] in "0123456789.,/:" or _ordinal_before(reading, start):
            break
        d1 = int(match.group("d1"))
        d2 = int(match.group("d2")) if match.group("d2") else d1
        if not 1 <= d1 <= d2 <= 31:
            break
        end = match.end("d2") if match.group("d2") else match.end("d1")
        year = date_["y1"] or date_["y2"]
        listed.append({**date_, "start": start, "end": end, "d1": d1, "m1": date_["m1"], "d2": d2, "m2": date_["m1"],
                       "y2": year, "y1": year, "glued": False, "lost_dash": False, "listed": True})  # fmt: skip
        at = start
    return listed[::-1]


_YEAR_TO = re.compile(
    r"ปี(?P<fiscal>งบประมาณ)?\s*(?:พ\.?\s?ศ\.?\s*)?(?P<y>[0-9]{4}|[0-9]{2})\s*(?:-|–|ถึง)\s*(?:วันที่\s*)?"
)


def _year_ranges(reading: str, day_dates: list[dict], context_be: int | None) -> list[dict]:
    """ปี 57 - 30 ก.ย. 61: from a year (precision year) to a day. A fiscal year (ปีงบประมาณ)
    starts on 1 October of the year before; a plain year on 1 January."""
    found = []
    ends = {d["start"]: d for d in day_dates}
    at = reading.find("ปี")
    while at >= 0:
        match = _YEAR_TO.match(reading, at)
        end = ends.get(match.end()) if match is not None else None
        year = be_year(match.group("y"), context_be) if match is not None and end else None
        if match is not None and end and year and end["y2"] and (year[0], 1) <= (end["y2"][0], end["m2"]):
            first = (year[0] - 1, 10) if match.group("fiscal") else (year[0], 1)
            found.append({"start": at, "end": end["end"], "d1": 1, "m1": first[1], "y1": (first[0], year[1]),
                          "d2": end["d2"], "m2": end["m2"], "y2": end["y2"], "glued": end["glued"],
                          "precision": "year"})  # fmt: skip
        at = reading.find("ปี", at + 2)
    return found


_NUMERIC_DATE = re.compile(r"(?P<d>[0-3]?[0-9])\s?/\s?(?P<m>[01]?[0-9])\s?/\s?(?P<y>[0-9]{4}|[0-9]{2})(?![0-9/])")


def _numeric_dates(reading: str, context_be: int | None) -> list[dict]:
    """15/10/2562 and 15/10/62: day/month/year, the year Buddhist era as Thai offices write it."""
    found: list[dict] = []
    if "/" not in reading:
        return found
    for match in _NUMERIC_DATE.finditer(reading):
        start = match.start()
        if start and (reading[start - 1].isdigit() or reading[start - 1] in "/.,"):
            continue
        day, month = int(match.group("d")), int(match.group("m"))
        year = be_year(match.group("y"), context_be)
        if not (1 <= day <= 31 and 1 <= month <= 12) or year is None:
            continue
        found.append(
            {
                "start": start,
                "end": match.end(),
                "d1": day,
                "m1": month,
                "y1": year,
                "d2": day,
                "m2": month,
                "y2": year,
                "glued": False,
            }
        )
    return found


def _month_dates(reading: str, context_be: int | None, day_dates: Sequence[dict] = ()) -> list[dict]:
    """Dates of month precision: from each เดือน, and from each month written before a year
    (a year that closes a day-date already read is not looked at again)."""
    starts = []
    at = reading.find("เดือน")
    while at >= 0:
        starts.append(at)
        at = reading.find("เดือน", at + 1)
    taken = sorted((d["start"], d["end"]) for d in day_dates)
    next_taken = 0
    for year in _YEARISH.finditer(reading):
        at = year.start()
        while next_taken < len(taken) and taken[next_taken][1] <= at:
            next_taken += 1
        if next_taken < len(taken) and taken[next_taken][0] <= at:
            continue
        if at and reading[at - 1].isdigit():
            continue
        if _month_just_before(reading, at):
            month = _MONTH_BEFORE_YEAR.search(reading, max(0, at - 30), at)
            if month:
                starts.append(month.start())
    found = []
    for start in sorted(set(starts)):
        match = _MONTH_DATE.match(reading, start)
        if not match:
            continue
        g = match.groupdict()
        if not g["y"] and not g["pre"]:
            continue  # a month name alone ("มีนาคม") is too weak without a year or เดือน
        if not g["pre"] and _runs_into_a_word(reading, start, g["m1"]):
            continue  # ลูกค้ามีค 2564: the letters belong to a word
        years, problem = _years(g, ("y",), context_be)
        end = match.end()
        if problem and problem[0] == "bad":
            found.append(_bad_year(start, end, g["y"]))
            continue
        if problem:
            if not g["pre"]:
                continue
            end = start + len(reading[start : match.start("y")].rstrip())
            g = {**g, "y": None}
        m1 = month_number(g["m1"])
        m2 = month_number(g["m2"]) if g["m2"] else m1
        y = years.get("y")
        found.append({"start": start, "end": end, "d1": None, "m1": m1, "y1": None if g["m2"] else y,
                      "d2": None, "m2": m2, "y2": y, "glued": _glued(g["m2"] or g["m1"], g["y"])})  # fmt: skip
    return found


_FULL_NAMES = frozenset(m for m, _ in MONTHS) | {"กรกฏาคม"}


def _runs_into_a_word(reading: str, start: int, month: str) -> bool:
    """An abbreviation short of its dots with a Thai letter right before it (ลูกค้ามีค)."""
    if month in _FULL_NAMES or month.count(".") >= 2 or not start:
        return False
    before = reading[start - 1]
    return "\u0e01" <= before <= "\u0e4e"


_MONTH_KEYS = tuple(_MONTH_BY_KEY)
_ERA_KEYS = ("พศ", "คศ")


# the last letters of the month keys and the era keys (dots and spaces aside): what a number's
# window ends with before a month or พ.ศ. can stand there
_MONTH_KEY_ENDS = frozenset(key[-1] for key in (*_MONTH_BY_KEY, "พศ", "คศ"))


def _month_just_before(reading: str, start: int) -> bool:
    """Does a month name (and perhaps พ.ศ.) stand right before this place? A cheap test."""
    window = reading[max(0, start - 16) : start]
    if window.rstrip(" .")[-1:] not in _MONTH_KEY_ENDS:
        return False  # (also an empty window: "" is no key's end)
    tail = window.replace(" ", "").replace(".", "")
    if tail.endswith(_ERA_KEYS):
        tail = tail[:-2]
    return tail.endswith(_MONTH_KEYS)


def _glued(month: str | None, year: str | None) -> bool:
    """An abbreviation that lost its last dot and runs into its year: มิ.ย6 2."""
    return bool(month and year and "." in month and not month.endswith(".") and not month[-1].isspace())


def _to_span(parts, text, context, notes, item=None, directive=None) -> DateSpan | None:
    surface = text[parts["start"] : parts["end"]]
    if parts.get("bad_day"):
        written = parts["bad_day"]
        notes.append(Note("skipped", f"'{surface}': no month has a day {written} (a typo?); no date was read",
                          surface=surface,
                          th=f"'{surface}': ไม่มีวันที่ {written} ในเดือนใด (อาจพิมพ์ผิด) จึงไม่ได้อ่านเป็นวันที่"))  # fmt: skip
        return None
    if parts.get("bad_year"):
        written = parts["bad_year"]
        notes.append(Note("warning", f"'{surface}': the year {written} cannot be meant (a typo?); no date was read",
                          surface=surface,
                          th=f"'{surface}': ปี {written} เป็นไปไม่ได้ (อาจพิมพ์ผิด) จึงไม่ได้อ่านเป็นวันที่"))  # fmt: skip
        return None
    y1 = parts["y1"][0] if parts["y1"] else None
    y2 = parts["y2"][0] if parts["y2"] else None
    repaired = bool((parts["y1"] and parts["y1"][1]) or (parts["y2"] and parts["y2"][1]) or parts["glued"])
    inferred = False
    context_year, source, fiscal = context
    if y2 is None and y1 is not None:
        y2 = y1
    if y1 is None and y2 is not None:
        y1 = y2 - 1 if parts["m1"] > parts["m2"] else y2
    if y1 is None:
        inferred = True
        y1 = y2 = context_year
        if y1 is not None and fiscal:
            y1 = context_year - 1 if parts["m1"] >= 10 else context_year
            y2 = context_year - 1 if parts["m2"] >= 10 else context_year
        elif y1 is not None and parts["m1"] > parts["m2"]:
            y2 = y1 + 1
    precision: Precision = parts.get("precision") or ("day" if parts["d1"] is not None else "month")
    # the date as written, whatever days it is read as: its precision, its text and where it stands
    as_written = {"precision": precision, "surface": surface, "span": TextSpan(parts["start"], parts["end"]),
                  "item": item, "directive": directive}  # fmt: skip
    if y1 is None or y2 is None:  # (y2 is None only with y1)
        notes.append(
            Note(
                "inferred",
                f"'{surface}' has no year and none could be inferred",
                surface=surface,
                th=f"'{surface}' ไม่ระบุปี และอนุมานปีไม่ได้",
            )
        )
        return DateSpan(None, None, year_inferred=True, **as_written)
    try:
        if parts["d1"] is not None:  # day, or year-to-day (its start is the year's first day)
            start = date(y1 - 543, parts["m1"], parts["d1"])
            end = date(y2 - 543, parts["m2"], parts["d2"])
        else:
            start = date(y1 - 543, parts["m1"], 1)
            end = date(y2 - 543, parts["m2"], calendar.monthrange(y2 - 543, parts["m2"])[1])
    except ValueError:
        notes.append(
            Note(
                "skipped",
                f"'{surface}' is not a real date; it was not read",
                surface=surface,
                th=f"'{surface}' ไม่ใช่วันที่ที่มีอยู่จริง จึงไม่ได้อ่าน",
            )
        )
        return None
    if end < start:
        notes.append(
            Note(
                "skipped",
                f"'{surface}' ends before it starts; it was not read",
                surface=surface,
                th=f"'{surface}' วันสิ้นสุดอยู่ก่อนวันเริ่ม จึงไม่ได้อ่าน",
            )
        )
        return None
    if inferred:
        notes.append(
            _inferred_note(surface, y1, y2, context_year, source, fiscal and max(parts["m1"], parts["m2"]) >= 10)
        )
    if repaired:
        how = " (the dash between the days was lost)" if parts.get("lost_dash") else ""
        how_th = " (เครื่องหมายขีดระหว่างวันหายไป)" if parts.get("lost_dash") else ""
        shown = format_span_th(start, end, precision)
        notes.append(Note("repair", f"'{surface}' was read as {shown}{how}", surface=surface,
                          th=f"อ่าน '{surface}' เป็น {shown}{how_th}"))  # fmt: skip
    return DateSpan(start, end, year_inferred=inferred, repaired=repaired, **as_written)


def _inferred_note(surface, y1, y2, context_year, source, fiscal) -> Note:
    years = f"{y1}" if y1 == y2 else f"{y1}–{y2}"
    if source is None:
        where, where_th = "the meeting's year", "ปีของการประชุม"
    else:
        where, where_th = f"'{source}' earlier in the text", f"'{source}' ก่อนหน้าในข้อความ"
        if source.startswith("+"):
            where, where_th = f"'{source[1:]}' later in the text", f"'{source[1:]}' ถัดไปในข้อความ"
    if fiscal:
        return Note(
            "inferred",
            f"'{surface}' has no year; read as {years} in fiscal year {context_year}"
            f" ({where}: October to December fall in {context_year - 1})",
            surface=surface,
            th=f"'{surface}' ไม่ระบุปี อ่านเป็นปี {years} ตามปีงบประมาณ {context_year}"
            f" (จาก {where_th}: ต.ค.–ธ.ค. อยู่ในปี {context_year - 1})",
        )
    return Note(
        "inferred",
        f"'{surface}' has no year; {years} was taken from {where}",
        surface=surface,
        th=f"'{surface}' ไม่ระบุปี ใช้ปี {years} จาก{where_th}",
    )


# A year written on its own: ปี 2564, พ.ศ. 2564, ปีงบประมาณ 2565 (fiscal: October to
# December belong to the year before)
_EXPLICIT_YEAR = re.compile(
    r"(?:(?P<fiscal>ปีงบประมาณ|ปีงบ\.?)|ปี|พ\s?\.\s?ศ\s?\.?|พศ\.?)\s*(?:พ\s?\.?\s?ศ\s?\.?\s*)?(?P<y>[0-9]{4}|[0-9]{2})(?![0-9])"
)


def _year_anchors(reading: str) -> list[int]:
    """Where ปี or พ.ศ. / พศ starts, in order: years are looked for only there (str.find
    runs at C speed; an alternation of words would be tried at every character)."""
    anchors: list[int] = []
    if "ปี" not in reading and "ศ" not in reading:
        return anchors
    at = reading.find("ปี")
    while at >= 0:
        anchors.append(at)
        at = reading.find("ปี", at + 2)
    for era in ("พ.ศ", "พ. ศ", "พศ"):
        at = reading.find(era)
        while at >= 0:
            anchors.append(at)
            at = reading.find(era, at + 2)
    return sorted(anchors)


def _explicit_years(reading: str, anchors: list[int]) -> list[tuple[int, int, int, bool, str]]:
    """(start, end, year BE, fiscal, surface) of each year written on its own, in order."""
    found = []
    last_end = 0
    for at in anchors:
        if at < last_end:
            continue
        match = _EXPLICIT_YEAR.match(reading, at)
        if not match:
            continue
        last_end = match.end()
        year = be_year(match.group("y"))
        if year and _year_problem(match.group("y"), None) is None:
            found.append((match.start(), match.end(), year[0], bool(match.group("fiscal")), match.group()))
    return found


def _context_years(raw: list[dict], explicit: list, meeting_be: int | None) -> list[tuple]:
    """For each mention, (year, where it came from, fiscal) for a date without one: the
    nearest year written before it (a dated mention's, or ปี 2564 on its own), else the
    next dated mention's, else the meeting's. Linear: one pass each way."""
    after: list = [None] * len(raw)
    seen = None
    for index in range(len(raw) - 1, -1, -1):
        after[index] = seen
        year = raw[index]["y1"] or raw[index]["y2"]
        if year:
            seen = (year[0], "+" + _surface_of(raw[index]), False)
    years = []
    before = None  # (end, year, surface, fiscal)
    next_explicit = 0
    for index, parts in enumerate(raw):
        while next_explicit < len(explicit) and explicit[next_explicit][1] <= parts["start"]:
            start, end, year, fiscal, surface = explicit[next_explicit]
            if before is None or end >= before[0]:
                before = (end, year, surface, fiscal)
            next_explicit += 1
        if before is not None:
            years.append((before[1], before[2], before[3]))
        elif after[index] is not None:
            years.append(after[index])
        else:
            years.append((meeting_be, None, False))
        year = parts["y2"] or parts["y1"]
        if year:
            before = (parts["end"], year[0], _surface_of(parts), False)
    return years


def _surface_of(parts: dict) -> str:
    return parts.get("surface", "")


_YEAR_SPAN = re.compile(
    r"(?:ปี(?P<fiscal>งบประมาณ)?\s*(?:พ\s?\.?\s?ศ\s?\.?\s*)?|พ\s?\.\s?ศ\s?\.?\s*|พศ\.?\s*)"
    r"(?P<y1>[0-9]{4}|[0-9]{2})\s*(?:-|–|—|ถึง|จนถึง)\s*(?:ปี(?:งบประมาณ)?\s*)?(?:พ\s?\.?\s?ศ\s?\.?\s*)?(?P<y2>[0-9]{4}|[0-9]{2})(?![0-9]|\s*/)"
)


def _year_spans(reading: str, context_be: int | None, anchors: list[int]) -> list[dict]:
    """ปี 2550-2560, ตั้งแต่ปี 2550 ถึง 2560, พ.ศ. 2550 - 2560: whole years (precision year),
    1 January of the first to 31 December of the last; fiscal years (ปีงบประมาณ 2560-2564)
    from 1 October of the year before the first to 30 September of the last."""
    found = []
    last_end = 0
    for at in anchors:
        match = _YEAR_SPAN.match(reading, at) if at >= last_end else None
        if not match:
            continue
        last_end = match.end()
        first, last = match.group("y1"), match.group("y2")
        if len(first) != len(last):
            continue
        problems = [(_year_problem(y, context_be), y) for y in (first, last)]
        bad = next((y for kind, y in problems if kind == "bad"), None)
        if bad:
            found.append(_bad_year(match.start(), match.end(), bad))
            continue
        if any(kind for kind, _ in problems):
            continue
        y1, y2 = be_year(first, context_be), be_year(last, context_be)
        if y1 is None or y2 is None or y1[0] > y2[0]:  # (neither is None: no problem was found)
            continue
        if match.group("fiscal"):
            found.append({"start": match.start(), "end": match.end(), "d1": 1, "m1": 10, "y1": (y1[0] - 1, y1[1]),
                          "d2": 30, "m2": 9, "y2": y2, "glued": False, "precision": "year"})  # fmt: skip
        else:
            found.append({"start": match.start(), "end": match.end(), "d1": 1, "m1": 1, "y1": y1,
                          "d2": 31, "m2": 12, "y2": y2, "glued": False, "precision": "year"})  # fmt: skip
    return found


def find_reschedules(text: str, spans: list[DateSpan]) -> list[Reschedule]:
    """Pair ``เดิมกำหนด X`` with the ``กำหนดเป็น Y`` that follows; mark the spans' roles.

    >>> spans, _ = find_dates("เดิมกำหนดวันที่ 29 มี.ค. 62 กำหนดเป็น วันที่ 24 เม.ย. 62")
    >>> moves = find_reschedules("เดิมกำหนดวันที่ 29 มี.ค. 62 กำหนดเป็น วันที่ 24 เม.ย. 62", spans)
    >>> [(m.old.start.isoformat(), m.new.start.isoformat(), spans[0].role) for m in moves]
    [('2019-03-29', '2019-04-24', 'original')]
    """
    if "เดิม" not in text:
        return []
    reading = to_arabic_digits(text)
    moves: list[Reschedule] = []
    for i, span in enumerate(spans):
        lead_from = spans[i - 1].span.end if i else 0
        if not _WAS.search(reading[max(lead_from, span.span.start - 30) : span.span.start]):
            continue
        for j in range(i + 1, min(i + 3, len(spans))):
            between = reading[spans[j - 1].span.end : spans[j].span.start]
            if _WAS.search(between):
                break
            if _NOW.search(between):
                spans[i].role, spans[j].role = "original", "rescheduled"
                moves.append(Reschedule(spans[i], spans[j], spans[i].item, spans[i].directive))
                break
    return moves


def find_recurrences(
    text: str, spans: list[DateSpan], *, item: int | None = None, directive: int | None = None
) -> list[Recurrence]:
    """``ทุกวันที่ 25 ของเดือน`` -> monthly on day 25, from the first date that follows; made with ``item`` and
    ``directive``.

    >>> t = "ให้รายงานทุกวันที่ 25 ของเดือนโดยเริ่มรายงานผลครั้งแรก วันที่ 25 เมษายน 62"
    >>> r = find_recurrences(t, find_dates(t)[0])[0]
    >>> r.rule, r.day, r.first.isoformat()
    ('monthly', 25, '2019-04-25')
    """
    if "ทุก" not in text:
        return []
    reading = to_arabic_digits(text)
    found = []
    for match in _RECURRING.finditer(reading):
        day = int(match.group("day"))
        if not 1 <= day <= 31:
            continue
        first = next(
            (
                s.start
                for s in spans
                if s.span.start >= match.end() and s.span.start - match.end() < 120 and s.start and s.start.day == day
            ),
            None,
        )
        found.append(Recurrence("monthly", day, first, text[match.start() : match.end()], item, directive))
    return found


def next_day_of_month(after: date, day: int) -> date | None:
    """The first ``day`` of a month on or after ``after`` (a month without that day is skipped; a day
    no month has, None).

    >>> next_day_of_month(date(2023, 4, 26), 25), next_day_of_month(date(2023, 1, 31), 30)
    (datetime.date(2023, 5, 25), datetime.date(2023, 3, 30))
    >>> next_day_of_month(date(2023, 1, 1), 32) is None
    True
    """
    year, month = after.year, after.month
    for _ in range(14):  # every day of 1-31 comes within 14 months
        try:
            candidate = date(year, month, day)
        except ValueError:
            candidate = None
        if candidate and candidate >= after:
            return candidate
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return None


def format_span_th(start: date | None, end: date | None, precision: str = "day") -> str:
    """A span as Thai readers write it, Buddhist era.

    >>> format_span_th(date(2019, 4, 22), date(2019, 4, 23))
    '22–23 เม.ย. 2562'
    >>> format_span_th(date(2019, 4, 25), date(2019, 5, 1))
    '25 เม.ย. – 1 พ.ค. 2562'
    >>> format_span_th(date(2019, 4, 1), date(2019, 5, 31), "month")
    'เม.ย.–พ.ค. 2562'
    """
    if start is None or end is None:
        return "–"
    m1, m2 = MONTH_ABBR_TH[start.month - 1], MONTH_ABBR_TH[end.month - 1]
    y1, y2 = start.year + 543, end.year + 543
    return _format_span(start, end, precision, m1, m2, y1, y2)


def format_span_en(start: date | None, end: date | None, precision: str = "day") -> str:
    """A span in English, Gregorian.

    >>> format_span_en(date(2019, 4, 22), date(2019, 4, 23))
    '22–23 Apr 2019'
    """
    if start is None or end is None:
        return "–"
    m1, m2 = MONTH_NAME_EN[start.month - 1], MONTH_NAME_EN[end.month - 1]
    return _format_span(start, end, precision, m1, m2, start.year, end.year)


def _format_span(start, end, precision, m1, m2, y1, y2) -> str:
    if precision == "year":
        if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
            return f"{y1}" if y1 == y2 else f"{y1}–{y2}"  # whole years
        return f"{y1} – {end.day} {m2} {y2}"
    if precision == "month":
        if (start.year, start.month) == (end.year, end.month):
            return f"{m1} {y1}"
        return f"{m1}–{m2} {y2}" if y1 == y2 else f"{m1} {y1} – {m2} {y2}"
    if start == end:
        return f"{start.day} {m1} {y1}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {m1} {y1}"
    if y1 == y2:
        return f"{start.day} {m1} – {end.day} {m2} {y2}"
    return f"{start.day} {m1} {y1} – {end.day} {m2} {y2}"
