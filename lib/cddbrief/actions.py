"""Dated actions: what each date of a directive is for, and the day a reader counts from.

A directive reads ``ให้จังหวัดบันทึกผล … ครั้งที่ 1 ภายในวันที่ 25 มี.ค. ครั้งที่ 2 ภายในวันที่
25 ก.ย. 62`` or, as a schedule, ``วันที่ 10 - 17 พ.ค. 62 รับสมัครผลิตภัณฑ์ และวันที่ 21 - 23
พ.ค. 62 ส่งผลการพิจารณาให้กรม``. ``actions`` gives each date its clause without the date's
connectors (``ภายในวันที่``, ``ระหว่างวันที่``, ``ตั้งแต่``): the words before a date that closes
its clause (``ภายใน``, ``ก่อน``, ``ระหว่าง`` …), with the words after it when the clause goes on
(``ณ``, ``เพื่อ``, ``โดย``); the words after a date that opens its clause (a schedule). A new
date of a reschedule is the action of the date it replaces; a date of a table's deadline column
(``Directive.due``) is the deadline of the whole directive.

``reference_day`` is the day "upcoming" and "past" are counted from: the ``as_of`` a user gives,
else the meeting's date, else the latest day the meeting can plausibly have been held (the
earliest day-precise date in force that it sets in its own year), with the reason, so the output
can say it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .errors import BadSetting, Setting
from .model import DateSpan, Directive, Meeting
from .thaitext import to_arabic_digits

MIN_CLAUSE = 20  # characters: a piece shorter than this is not a clause of its own
MAX_CLAUSE = 140  # characters kept of a long clause (cut at a space, with …)
MAX_CONTINUATION = 80

# Words between an action and its date, read off the end of the text before the date.
_CONNECTOR_END = re.compile(
    r"(?:\s*(?:ภายใน|ก่อน|ตั้งแต่|ในระหว่าง|ระหว่าง|จนถึง|ถึง|เมื่อ|จากเดิมกำหนด|เดิมกำหนด|จากเดิม|กำหนดเป็น|กำหนดการ"
    r"|เป็น|ช่วงวันที่|ช่วง|ห้วงวันที่|ห้วง|วันที่|วัน|เดือน|ใน|ณ|คือ|[:\-–,]))+\s*$"
)
# Connectors that close a clause: the action is written before the date.
_CLOSING = re.compile(r"ภายใน|ก่อน|ตั้งแต่|ระหว่าง|ถึง|เมื่อ|เดิมกำหนด|เป็น|ช่วง|ห้วง|ใน")
# Words after a date that carry its clause on (a place, a purpose, a means).
_CONTINUES = re.compile(r"^\s*(?:ณ|เพื่อ|โดย|ผ่าน|ทาง|ด้วย|ตาม|ให้แล้วเสร็จ|แล้วเสร็จ|เสร็จสิ้น)")
_ONWARD = re.compile(r"\s*(?:เป็นต้นไป|เป็นอย่างช้า|อย่างช้า)")
_OPENERS = ("เลื่อน", "ให้", "ขอให้", "โดยให้", "กำหนดให้", "ทั้งนี้", "และให้")
_TRAILING = re.compile(r"(?:\s|และ|หรือ|รวมทั้ง|[,;:\-–])+$")
_LEADING = re.compile(r"^(?:\s|และ|หรือ|[,;:\-–])+")
_MOVE_VERB = re.compile(r"^(?:ขอ)?เลื่อน(?=[ก-๙])")
_ABBREVIATION = re.compile(r"[ก-ฮ][ก-๙]{0,5}\.(?:\s|$)")  # จปฐ. สตง. กชช.
_ORDINAL = re.compile(r"^(ครั้งที่|รอบที่|ระยะที่|งวดที่|ครั้ง|รอบ|งวด)\s*\d+$")


def actions(directive: Directive) -> dict[int, str]:
    """The action of each date of a directive, by ``id`` of its DateSpan.

    >>> from cddbrief.thaidates import find_dates, find_reschedules
    >>> text = "ให้จังหวัดส่งรายงานผลการดำเนินงาน ภายในวันที่ 25 มี.ค. 62 ณ สำนักงาน"
    >>> d = Directive(1, text, dates=find_dates(text, 2562)[0])
    >>> list(actions(d).values())
    ['ให้จังหวัดส่งรายงานผลการดำเนินงาน ณ สำนักงาน']
    >>> text = "การคัดสรร วันที่ 10 - 17 พ.ค. 62 รับสมัครผลิตภัณฑ์ และวันที่ 21 - 23 พ.ค. 62 ส่งผลการพิจารณาให้กรม"
    >>> d = Directive(1, text, dates=find_dates(text, 2562)[0])
    >>> list(actions(d).values())
    ['รับสมัครผลิตภัณฑ์', 'ส่งผลการพิจารณาให้กรม']
    >>> due = find_dates("15/02/2567", 2567)[0]
    >>> due[0].cell = "due"  # a date of the table's deadline column (Directive.due)
    >>> list(actions(Directive(1, "ให้อำเภอบันทึกข้อมูลให้ครบ รายเดือน", dates=due, due="15/02/2567")).values())
    ['ให้อำเภอบันทึกข้อมูลให้ครบ รายเดือน']
    """
    text = directive.text
    reading = to_arabic_digits(text)
    found: dict[int, str] = {}
    for s in directive.dates:  # the whole sentence: its own words (รายเดือน, ในวันที่ …) are what is asked
        if s.cell == "due":
            found[id(s)] = _cut_right(_tidy(text))
    spans = sorted((s for s in directive.dates if s.cell is None), key=lambda s: s.span)
    new_of = {id(r.new): r.old for r in directive.reschedules}
    # where each date's connector begins: the text a date owns before its surface
    lead = [_connector_start(reading, s.span.start) for s in spans]
    claimed_to = 0  # the text before this offset belongs to an earlier date
    previous = ""
    for i, s in enumerate(spans):
        left = max(claimed_to, spans[i - 1].span.end if i else 0)
        left = min(left, lead[i])
        right = lead[i + 1] if i + 1 < len(spans) else len(text)
        right = max(right, s.span.end)
        before = _tidy(text[left : lead[i]])
        after_start = s.span.end
        onward = _ONWARD.match(reading, after_start)
        if onward:
            after_start = onward.end()
        after = _tidy(text[after_start:right])
        connector = reading[lead[i] : s.span.start]
        closes = bool(_CLOSING.search(connector))
        if id(s) in new_of:  # a new date: the action of the date it replaces
            old = new_of[id(s)]
            action = found.get(id(old)) or previous
            found[id(s)] = _MOVE_VERB.sub("", action) or action  # เลื่อนการประชุม… → การประชุม… (moved from …)
            continue
        if before and _ORDINAL.match(before) and previous:
            word = _ORDINAL.match(before).group(1)
            at = previous.rfind(word)
            action = (previous[:at].rstrip() + " " + before) if at > 0 else f"{previous} · {before}"
        elif closes or not after or (before and len(before) >= MIN_CLAUSE):
            action = _clause(before, reading[left : lead[i]]) if before else ""
            if after and _CONTINUES.match(after):
                action = f"{action} {_continuation(after)}".strip()
            if not action and after:  # nothing before the date: the words after it are the action
                action = _cut_right(after)
                claimed_to = right
        else:  # a date that opens its clause: วันที่ 10 พ.ค. 62 รับสมัคร…
            action = _cut_right(after)
            claimed_to = right
        found[id(s)] = action or _cut_right(_tidy(text[: s.span.start]) or text)
        previous = found[id(s)]
    return found


def clause_before(text: str, at: int) -> str:
    """The clause that ends at ``at`` (before a date or ``ทุกวันที่ …``), its connectors dropped.

    >>> clause_before("การรายงานผลให้รายงานทุกวันที่ 25 ของเดือน", 20)
    'การรายงานผลให้รายงาน'
    """
    reading = to_arabic_digits(text)
    lead = _connector_start(reading, at)
    piece = _tidy(text[:lead])
    return _clause(piece, reading[:lead]) if piece else ""


def _connector_start(reading: str, begin: int) -> int:
    window = max(0, begin - 40)  # connectors are short: look at the last words only
    match = _CONNECTOR_END.search(reading[window:begin])
    return window + match.start() if match else begin


def _tidy(piece: str) -> str:
    return _LEADING.sub("", _TRAILING.sub("", piece))


def _is_break(reading: str, at: int) -> bool:
    """A space between clauses: not inside a number (``ละ 1 ต้น``) or around a Latin word (``BPM``)."""
    a = reading[at - 1] if at > 0 else ""
    b = reading[at + 1] if at + 1 < len(reading) else ""
    if reading.startswith(_OPENERS, at + 1):
        return True
    if a == "." or _ABBREVIATION.match(reading, at + 1):  # around an abbreviation (``ข้อมูล จปฐ. ในระบบ``): one clause
        return False
    return not (a.isdigit() or b.isdigit() or a.isascii() and a.isalpha() or b.isascii() and b.isalpha())


def _clause(piece: str, reading: str) -> str:
    """The last clause of the text before a date: from the last space between clauses that
    leaves at least MIN_CLAUSE characters."""
    reading = _tidy(reading)
    at = len(piece)
    while True:
        at = piece.rfind(" ", 0, at)
        if at <= 0:
            break
        if _is_break(reading, at) and len(piece) - at - 1 >= MIN_CLAUSE:
            return _LEADING.sub("", piece[at + 1 :])
    if len(piece) <= MAX_CLAUSE:
        return piece
    cut = piece.find(" ", len(piece) - MAX_CLAUSE)
    return "…" + piece[cut + 1 :] if cut >= 0 else "…" + piece[-MAX_CLAUSE:]


def _continuation(piece: str) -> str:
    """The words after a date that continue its clause, up to the next clause break."""
    if len(piece) <= MAX_CLAUSE:
        return piece
    reading = to_arabic_digits(piece)
    at = 0
    while True:
        at = piece.find(" ", at + 1)
        if at < 0 or at > MAX_CONTINUATION:
            break
        if _is_break(reading, at) and at >= MIN_CLAUSE // 2:
            return piece[:at]
    return _cut_right(piece, MAX_CONTINUATION)


def _cut_right(piece: str, width: int = MAX_CLAUSE) -> str:
    if len(piece) <= width:
        return piece
    cut = piece.rfind(" ", 0, width)
    return piece[: cut if cut > 0 else width] + "…"


# --- the day a reader counts from ---------------------------------------------------------------


@dataclass(frozen=True)
class Reference:
    """The day "upcoming" and "past" are counted from, and why that day.

    ``reason`` is ``as_of`` (given by the user), ``meeting_date`` (the write-up gives it) or
    ``latest_plausible`` (no meeting date: the earliest day-precise date in force that the meeting
    sets in its own year, the latest day it can have been held), or ``none``.
    """

    day: date | None
    reason: str


def check_as_of(text: str | None) -> str | None:
    """The day a brief counts deadlines from (the setting ``as_of``), as ``YYYY-MM-DD``; anything else is
    one clear error.

    >>> check_as_of("2020-03-10")
    '2020-03-10'
    >>> check_as_of("2563-03-10")
    Traceback (most recent call last):
    cddbrief.errors.BadSetting: the day to count from, 2563-03-10, is in a Buddhist-era year:
    write the Gregorian year (set as_of='2020-03-10')
    """
    if text is None:
        return None
    remedy, example = "give a day as YYYY-MM-DD", Setting("as_of", "2020-03-10")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
        raise BadSetting(f"the day to count from, {text!r}, is not a day written YYYY-MM-DD", remedy, settings=example)
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise BadSetting(
            f"the day to count from, {text}, is not a day of the calendar", remedy, settings=example
        ) from None
    if day.year > 2400:
        raise BadSetting(
            f"the day to count from, {text}, is in a Buddhist-era year",
            "write the Gregorian year",
            settings=Setting("as_of", day.replace(year=day.year - 543).isoformat()),
        )
    return day.isoformat()


def reference_day(meeting: Meeting, as_of: date | str | None = None) -> Reference:
    """The day a meeting's deadlines count from.

    >>> from cddbrief.model import Source
    >>> m = Meeting(4, 2562, "", "", None, None, None, Source("x", "", "txt", None), meeting_date=date(2019, 3, 20))
    >>> reference_day(m), reference_day(m, "2019-04-01").reason
    (Reference(day=datetime.date(2019, 3, 20), reason='meeting_date'), 'as_of')
    """
    if as_of is not None:
        return Reference(date.fromisoformat(str(as_of)[:10]), "as_of")
    if meeting.meeting_date:
        return Reference(meeting.meeting_date, "meeting_date")
    day = latest_plausible(meeting.year_be, [s for _, d in meeting.directives() for s in d.dates])
    return Reference(day, "latest_plausible" if day else "none")


def latest_plausible(year_be: int | None, spans: list[DateSpan]) -> date | None:
    """The latest day a meeting can have been held: the earliest day-precise date in force it sets
    (a date moved away is left out) in its own Buddhist-era year or the next; month-precise dates
    if it has no other."""
    years = {year_be - 543, year_be - 542} if year_be else None
    for precision in ("day", "month"):
        days = [
            s.start
            for s in spans
            if s.start
            and s.precision == precision
            and s.role != "original"
            and (years is None or s.start.year in years)
        ]
        if days:
            return min(days)
    return None


def is_past(span_end: date | None, reference: Reference) -> bool:
    """A window that ended before the reference day is no upcoming action."""
    return bool(reference.day and span_end and span_end < reference.day)
