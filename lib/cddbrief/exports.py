"""Exports for colleagues who live in Excel and calendars: xlsx, csv, json, ics.

- xlsx: one sheet per frame, Thai intact, dates as dates, whole numbers as integers,
  booleans as TRUE/FALSE, widths set, header frozen, an autofilter on every sheet.
- csv: one file per frame, UTF-8 with BOM so that Excel shows Thai; ``76`` not ``76.0``.
- json: what ``cddbrief parse --json`` gives.
- ics: one all-day event per dated action (a moved date is left out; its new
  date says where it came from), made with icalendar.

Text that a spreadsheet would take for a formula (it begins with = + - @) is
neutralised with a leading apostrophe, in xlsx and csv alike.
"""

from __future__ import annotations

import hashlib
import json
import os
from datetime import datetime, timedelta, timezone
from pathlib import Path

from .model import Meeting
from .thaitext import word_window

EXPORTS = ("xlsx", "csv", "json", "ics")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """Text that begins like a formula is kept as text.

    >>> neutralise("=HYPERLINK(1)"), neutralise("-"), neutralise("OTOP"), neutralise(-5)
    ("'=HYPERLINK(1)", "'-", 'OTOP', -5)
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def export(meeting: Meeting, kind: str, folder: Path, frames: dict | None = None) -> list[Path]:
    """Write one export of a meeting into folder (atomically); return the files written.

    ``frames`` (``cddbrief.frames(meeting).as_dict()``) can be passed to reuse them across kinds.
    """
    folder.mkdir(parents=True, exist_ok=True)
    if kind in ("xlsx", "csv"):
        if frames is None:
            from .indicators import frames as make_frames

            frames = make_frames(meeting).as_dict()
        return {"xlsx": _xlsx, "csv": _csv}[kind](meeting, folder, frames)
    return {"json": _json, "ics": _ics}[kind](meeting, folder)


def _atomic(target: Path, data: bytes) -> Path:
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, target)
    return target


def _json(meeting: Meeting, folder: Path) -> list[Path]:
    text = json.dumps(meeting.to_dict(), ensure_ascii=False, indent=2, default=str) + "\n"
    return [_atomic(folder / f"{meeting.id}.json", text.encode("utf-8"))]


def _csv(meeting: Meeting, folder: Path, frames: dict) -> list[Path]:
    """One file per frame: whole numbers without ``.0``, booleans TRUE/FALSE, dates ISO, Thai intact."""
    import csv
    import io

    written = []
    for name, frame in frames.items():
        buffer = io.StringIO()
        out = csv.writer(buffer, lineterminator="\n")
        out.writerow(list(frame.columns))
        for row in _rows(frame):
            out.writerow(["" if v is None else ("TRUE" if v else "FALSE") if isinstance(v, bool) else v for v in row])
        written.append(_atomic(folder / f"{meeting.id}-{name}.csv", buffer.getvalue().encode("utf-8-sig")))
    return written


# Figures written rounded, as a person would write them: a tolerance of 0.5 in the last
# decimal of 7.91 is 0.005, not 0.0050000010000000004 (significant digits kept).
ROUNDED = {"tolerance": 2}
BOOLEAN_FORMAT = '"TRUE";"TRUE";"FALSE"'


def plain(value, column: str = ""):
    """A frame value as a spreadsheet should hold it: 76.0 → 76, numpy's True → True, missing → None,
    a timestamp → a date, binary noise dropped, text that looks like a formula neutralised.

    >>> plain(76.0), plain(7.91), plain(0.1 + 0.2), plain(0.0050000010000000004, "tolerance"), plain("=1+1")
    (76, 7.91, 0.3, 0.005, "'=1+1")
    """
    import numbers

    import pandas as pd

    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime().date()
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):  # numpy scalars
        value = value.item()
    if isinstance(value, bool):
        return value
    if isinstance(value, numbers.Real) and not isinstance(value, int):
        if value != value:
            return None
        digits = ROUNDED.get(column, 12)
        value = float(f"{value:.{digits}g}")
        return int(value) if value.is_integer() and abs(value) < 2**53 else value
    return neutralise(value)


def _rows(frame):
    columns = list(frame.columns)
    for row in frame.itertuples(index=False):
        yield [plain(v, c) for v, c in zip(row, columns)]


def _xlsx(meeting: Meeting, folder: Path, frames: dict) -> list[Path]:
    """One sheet per frame: numbers as numbers (whole ones as integers, 15,804,000 with separators),
    booleans as TRUE/FALSE, dates as dates, header frozen, an autofilter on every sheet."""
    import io

    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, frame in frames.items():
        sheet = workbook.create_sheet(name)
        sheet.append(list(frame.columns))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        date_columns = [i for i, c in enumerate(frame.columns, start=1) if str(frame[c].dtype).startswith("datetime")]
        float_columns = [i for i, c in enumerate(frame.columns, start=1) if str(frame[c].dtype).lower().startswith("float")]
        for row in _rows(frame):
            sheet.append(row)
        for index, column in enumerate(frame.columns, start=1):
            letter = get_column_letter(index)
            longest = max([len(str(column))] + [len(str(v)) for v in frame[column].head(200) if v is not None])
            sheet.column_dimensions[letter].width = min(60, max(8, longest * 1.1 + 2))
            if index in date_columns:
                for cell in sheet[letter][1:]:
                    cell.number_format = "yyyy-mm-dd"
            for cell in sheet[letter][1:]:
                if isinstance(cell.value, bool):  # Excel shows TRUE/FALSE anyway; LibreOffice needs the format (else 0/1)
                    cell.number_format = BOOLEAN_FORMAT
            if index in float_columns:
                for cell in sheet[letter][1:]:
                    if isinstance(cell.value, int) and not isinstance(cell.value, bool):
                        cell.number_format = "#,##0"
            if longest > 60:
                for cell in sheet[letter][1:]:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = f"A1:{get_column_letter(max(1, len(frame.columns)))}{max(1, sheet.max_row)}"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return [_atomic(folder / f"{meeting.id}.xlsx", buffer.getvalue())]


def _ics(meeting: Meeting, folder: Path) -> list[Path]:
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//cddbrief//TV พช. meeting briefs//TH")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"ครั้งที่ {meeting.number}/{meeting.year_be} {meeting.office}")
    stamp = _stamp()
    for item, d in meeting.directives():
        moved_from = {id(r.new): r.old for r in d.reschedules}
        for s in d.dates:
            if s.start is None or s.role == "original":
                continue
            event = Event()
            uid = hashlib.sha256(f"{meeting.id}|{meeting.office}|{item.no}|{d.no}|{s.begin}|{s.surface}".encode()).hexdigest()[:24]
            event.add("uid", f"{uid}@cddbrief")
            event.add("dtstamp", stamp)
            event.add("dtstart", s.when)  # a year-to-day window is an event on its last day
            event.add("dtend", s.end + timedelta(days=1))  # all-day: DTEND is the day after
            event.add("summary", f"{item.topic}: {_excerpt(d.text, s.begin)}")
            lines = [d.text, "", f"ข้อ {item.no} · ครั้งที่ {meeting.number}/{meeting.year_be} · {meeting.office}", f"ต้นฉบับ: «{s.surface}»"]
            old = moved_from.get(id(s))
            if old is not None and old.start:
                lines.append(f"เลื่อนจากเดิม «{old.surface}»")
            if s.year_inferred:
                lines.append("ไม่ได้ระบุปีในต้นฉบับ ใช้ปีจากบริบท")
            if s.precision == "month":
                lines.append("ระบุเป็นเดือน ไม่ได้ระบุวัน")
            event.add("description", "\n".join(lines))
            calendar.add_component(event)
        for r in d.recurrences:
            if r.first is None:
                continue
            event = Event()
            uid = hashlib.sha256(f"{meeting.id}|{meeting.office}|{item.no}|{d.no}|every {r.day}".encode()).hexdigest()[:24]
            event.add("uid", f"{uid}@cddbrief")
            event.add("dtstamp", stamp)
            event.add("dtstart", r.first)
            event.add("dtend", r.first + timedelta(days=1))
            event.add("rrule", {"freq": "monthly", "bymonthday": r.day, "count": 12})
            event.add("summary", f"{item.topic}: {r.surface}")
            event.add("description", f"{d.text}\n\nทุกเดือน วันที่ {r.day} (12 ครั้ง นับจากครั้งแรก; ต้นฉบับไม่ได้ระบุวันสิ้นสุด)")
            calendar.add_component(event)
    return [_atomic(folder / f"{meeting.id}.ics", calendar.to_ical())]


def _stamp() -> datetime:
    """DTSTAMP: SOURCE_DATE_EPOCH when set (repeatable files), else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    return datetime.now(tz=timezone.utc).replace(microsecond=0)


def _excerpt(text: str, at: int, width: int = 70) -> str:
    """The words before a date: what is to be done by then."""
    left, _ = word_window(text, at, at, width)
    piece = text[left:at].strip()
    return ("…" if left > 0 else "") + piece if piece else text[:width]
