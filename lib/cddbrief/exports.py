"""Exports for colleagues who live in Excel and calendars: xlsx, csv, json, ics.

- xlsx: one sheet per frame, Thai intact, dates as dates, whole numbers as integers,
  booleans as TRUE/FALSE, widths set, header frozen, an autofilter on every sheet.
- csv: one file per frame, UTF-8 with BOM so that Excel shows Thai; ``76`` not ``76.0``.
- json: what ``cddbrief parse --json`` gives.
- ics: one all-day event per dated action in force, titled with its action (a moved date is
  left out, its new date says where it came from; a window closed before the meeting is no
  event), the monthly ones with no invented end, in the brief's language; made with icalendar.

Text that a spreadsheet would take for a formula (it begins with = + - @) is
neutralised with a leading apostrophe, in xlsx and csv alike.
"""

from __future__ import annotations

import hashlib
import json
import os
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path

from .model import Meeting

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


def export(
    meeting: Meeting, kind: str, folder: Path, frames: dict | None = None, lang: str = "th", as_of=None
) -> list[Path]:
    """Write one export of a meeting into folder (atomically); return the files written.

    ``frames`` (``cddbrief.frames(meeting).as_dict()``) can be passed to reuse them across kinds.
    ``lang`` and ``as_of`` are the calendar's language and the day it counts from.
    """
    folder.mkdir(parents=True, exist_ok=True)
    if kind in ("xlsx", "csv"):
        if frames is None:
            from .tidy import frames as make_frames

            frames = make_frames(meeting).as_dict()
        return _xlsx(meeting, folder, frames, lang) if kind == "xlsx" else _csv(meeting, folder, frames)
    if kind == "ics":
        return _ics(meeting, folder, lang, as_of)
    return _json(meeting, folder)


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


@cache
def _titles() -> dict:
    from importlib.resources import files

    return json.loads(files("cddbrief").joinpath("data", "columns.json").read_text(encoding="utf-8"))


def sheet_title(name: str, lang: str = "th") -> str:
    """A frame's sheet in the workbook's language: ``quantities`` → ``ตัวเลข`` in Thai, as it is in English.

    >>> sheet_title("quantities"), sheet_title("quantities", "en")
    ('ตัวเลข', 'quantities')
    """
    return _titles()["sheets"].get(name, name) if lang == "th" else name


def column_title(column: str, lang: str = "th") -> str:
    """A column's header in the workbook's language: ``value`` → ``ค่า`` in Thai, as it is in English.

    >>> column_title("value"), column_title("value", "en"), column_title("meeting_date")
    ('ค่า', 'value', 'วันประชุม')
    """
    return _titles()["columns"].get(column, column) if lang == "th" else column


_BE = "__be"  # a date column's Buddhist-era twin: ``start__be``


def _header(column: str, lang: str) -> str:
    """``ค่า`` for ``value``; ``วันเริ่ม (พ.ศ.)`` for the Buddhist-era twin of ``start``."""
    if column.endswith(_BE):
        return f"{column_title(column[: -len(_BE)], lang)} ({_titles()['buddhist_era']})"
    return column_title(column, lang)


def _with_thai_dates(frame, lang: str):
    """In Thai, each date column followed by the same dates in the Buddhist era as Thai readers write
    them (``22 เม.ย. 2562``), titled ``<column> (พ.ศ.)``; the ISO dates stay, as dates."""
    import pandas as pd

    from .thaidates import format_span_th

    if lang != "th":
        return frame
    out = frame.copy()
    for column in [c for c in frame.columns if pd.api.types.is_datetime64_any_dtype(frame[c])][::-1]:
        thai = [format_span_th(v.date(), v.date()) if not pd.isna(v) else None for v in frame[column]]
        out.insert(list(out.columns).index(column) + 1, f"{column}{_BE}", pd.array(thai, dtype="string"))
    return out


def _xlsx(meeting: Meeting, folder: Path, frames: dict, lang: str = "th") -> list[Path]:
    """One sheet per frame, in the brief's language (Thai sheet names and headers, Buddhist-era dates
    beside the ISO dates; English as the frames name them): numbers as numbers (whole ones as
    integers, 2,400,000 with separators), booleans as TRUE/FALSE, dates as dates, header frozen and
    repeated on every printed page, an autofilter on every sheet, printed landscape to the page's width."""
    return [_atomic(folder / f"{meeting.id}.xlsx", workbook_bytes(frames, lang))]


def workbook_bytes(frames: dict, lang: str = "th") -> bytes:
    """The .xlsx of frames given by sheet name (``_xlsx``'s workbook: typed cells, widths, filters, page setup)."""
    import io

    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, plain_frame in frames.items():
        frame = _with_thai_dates(plain_frame, lang)
        sheet = workbook.create_sheet(sheet_title(name, lang))
        sheet.append([_header(str(c), lang) for c in frame.columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="F4F7FA")
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        date_columns = [i for i, c in enumerate(frame.columns, start=1) if str(frame[c].dtype).startswith("datetime")]
        float_columns = [
            i for i, c in enumerate(frame.columns, start=1) if str(frame[c].dtype).lower().startswith("float")
        ]
        for row in _rows(frame):
            sheet.append(row)
        for index, column in enumerate(frame.columns, start=1):
            letter = get_column_letter(index)
            title = sheet.cell(row=1, column=index).value
            longest = max([len(str(title))] + [len(str(v)) for v in frame[column].head(200) if v is not None])
            sheet.column_dimensions[letter].width = min(60, max(8, longest * 1.1 + 2))
            if index in date_columns:
                for cell in sheet[letter][1:]:
                    cell.number_format = "yyyy-mm-dd"
            for cell in sheet[letter][1:]:
                if isinstance(
                    cell.value, bool
                ):  # Excel shows TRUE/FALSE anyway; LibreOffice needs the format (else 0/1)
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
        _page_setup(sheet)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _page_setup(sheet) -> None:
    """Printed as a colleague wants it: A4 landscape, every column on one page's width (as many
    pages down as it takes), the header row on every page."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    sheet.print_options.gridLines = True


def _ics(meeting: Meeting, folder: Path, lang: str = "th", as_of=None) -> list[Path]:
    """The calendar of a meeting's actions in force, in the brief's language.

    Each event is titled with its action (``actions.actions``: the clause the date belongs to), a
    moved date with where it came from; a window that closed before the reference day is no event;
    a date that a monthly recurrence of the same directive already holds is not repeated; a
    recurrence whose end the source does not give repeats with no end and says so.
    """
    from icalendar import Calendar, Event

    from .actions import actions, is_past, reference_day
    from .brief import Brief
    from .thaidates import format_span_en, format_span_th

    brief = Brief(meeting, lang, as_of=as_of)
    t = brief.t
    span = format_span_th if lang == "th" else format_span_en
    ref = reference_day(meeting, as_of)
    number = f"{meeting.number}/{meeting.year_be}" + (
        "" if lang == "th" or not meeting.year_ce else f" ({meeting.year_ce})"
    )
    calendar = Calendar()
    calendar.add("prodid", "-//cddbrief//TV พช. meeting briefs//TH")
    calendar.add("version", "2.0")
    office = brief.office() or meeting.office  # in English where the gazetteer knows the office's name
    calendar.add("x-wr-calname", f"{t('meeting_no')} {number} {office}")
    stamp = _stamp()
    for item, d in meeting.directives():
        moved_from = {id(r.new): r.old for r in d.reschedules}
        what = actions(d)
        topic = brief.topic(item.topic)
        monthly = [r for r in d.recurrences]
        for s in d.dates:
            if s.start is None or s.role == "original" or is_past(s.end, ref):
                continue
            if s.precision == "day" and s.start == s.end and any(_held_by(r, s.start) for r in monthly):
                continue  # the monthly event already holds this day
            event = Event()
            uid = hashlib.sha256(
                f"{meeting.id}|{meeting.office}|{item.no}|{d.no}|{s.span.start}|{s.surface}".encode()
            ).hexdigest()[:24]
            event.add("uid", f"{uid}@cddbrief")
            event.add("dtstamp", stamp)
            event.add("dtstart", s.when)  # a year-to-day window is an event on its last day
            event.add("dtend", s.end + timedelta(days=1))  # all-day: DTEND is the day after
            old = moved_from.get(id(s))
            title = f"{topic}: {what[id(s)]}"
            if old is not None and old.start:
                title += f" ({t('rescheduled_from')} {span(old.start, old.end, old.precision)})"
            event.add("summary", title)
            lines = [
                d.text,
                "",
                t("ics_item", item=item.no, number=number, office=office),
                t("ics_source", surface=s.surface),
            ]
            if old is not None and old.start:
                lines.append(t("ics_moved", old=span(old.start, old.end, old.precision), surface=old.surface))
            if s.year_inferred:
                lines.append(t("ics_year_inferred"))
            if s.precision == "month":
                lines.append(t("ics_month"))
            event.add("description", "\n".join(lines))
            calendar.add_component(event)
        for r in monthly:
            first = r.first or _next_day_of_month(ref.day, r.day)
            if first is None:
                continue
            event = Event()
            uid = hashlib.sha256(f"{meeting.id}|{meeting.office}|{item.no}|{d.no}|every {r.day}".encode()).hexdigest()[
                :24
            ]
            event.add("uid", f"{uid}@cddbrief")
            event.add("dtstamp", stamp)
            event.add("dtstart", first)
            event.add("dtend", first + timedelta(days=1))
            event.add("rrule", {"freq": "monthly", "bymonthday": r.day})  # no COUNT, no UNTIL: the source gives no end
            event.add(
                "summary",
                f"{topic}: {_recurring_action(d.text, r.surface)} ({t('ics_every_month', day=r.day)}, {t('ics_no_end_short')})",
            )
            lines = [
                d.text,
                "",
                t("ics_item", item=item.no, number=number, office=office),
                t("ics_source", surface=r.surface),
                t("ics_no_end"),
            ]
            if r.first is None:
                lines.append(t("ics_no_first", day=r.day, ref=brief.reference_text()))
            event.add("description", "\n".join(lines))
            calendar.add_component(event)
    suffix = "" if lang == "th" else f".{lang}"
    return [_atomic(folder / f"{meeting.id}{suffix}.ics", calendar.to_ical())]


def _held_by(recurrence, day) -> bool:
    """Whether a monthly recurrence (``ทุกวันที่ 25 ของเดือน``, from its first date) falls on ``day``."""
    return day.day == recurrence.day and (recurrence.first is None or day >= recurrence.first)


def _next_day_of_month(after, day: int):
    """The first ``day`` of a month on or after ``after`` (None when there is no reference day)."""
    from .thaidates import next_day_of_month

    return None if after is None else next_day_of_month(after, day)


def _recurring_action(text: str, surface: str) -> str:
    """What is done every month: the words before ``ทุกวันที่ …`` (``ให้รายงาน``), else its directive's start."""
    from .actions import clause_before

    at = text.find(surface)
    return (clause_before(text, at) if at > 0 else "") or text[:70]


def _stamp() -> datetime:
    """DTSTAMP: SOURCE_DATE_EPOCH when set (repeatable files), else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    return datetime.now(tz=UTC).replace(microsecond=0)


# --- the action register (register.py) -------------------------------------------------------------


def register_xlsx(reg, target: Path) -> Path:
    """The action register as a workbook: ``actions`` (one row per action, its status as of the
    register's day) and ``links`` (every link with its score and both texts). Its columns keep the
    frame's names (``data/columns.json`` titles the brief's frames, not the register's)."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    return _atomic(target, workbook_bytes({"actions": reg.frame(), "links": reg.links_frame()}, lang="en"))


def register_ics(reg, target: Path) -> Path:
    """A calendar of the register's open actions (overdue, due, upcoming): an all-day event on
    each action's window (``DTEND`` the day after its last day), a monthly one repeating with no
    end (the source gives none), each titled with its status, office and action, its directive and
    meeting in the description. Actions with no date and closed or lapsed ones are left out."""
    from icalendar import Calendar, Event

    target = Path(target)
    calendar = Calendar()
    calendar.add("prodid", "-//cddbrief//TV พช. action register//TH")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"ข้อสั่งการที่ยังเปิดอยู่ ณ {reg.as_of.isoformat()}")
    stamp = _stamp()
    by_key = {a.key: a for a in reg.actions}
    for row in reg.rows():
        if row["status"] not in ("overdue", "due", "upcoming"):
            continue
        event = Event()
        event.add("uid", f"{hashlib.sha256(row['action'].encode()).hexdigest()[:24]}@cddbrief")
        event.add("dtstamp", stamp)
        if row["kind"] == "monthly":
            first = _register_first(by_key[row["action"]], reg.as_of)
            event.add("dtstart", first)
            event.add("dtend", first + timedelta(days=1))
            event.add("rrule", {"freq": "monthly", "bymonthday": first.day})
        else:
            start = row["end"] if row["precision"] == "year" else row["start"]
            event.add("dtstart", start)
            event.add("dtend", row["end"] + timedelta(days=1))
        event.add(
            "summary",
            f"[{row['status_text'] if row['status'] == 'overdue' else row['when']}] {row['what']} ({row['office']})",
        )
        lines = [row["text"], "", f"การประชุมครั้งที่ {row['meeting_label']} {row['office']} ข้อ {row['item']} ({row['topic']})",
                 f"กำหนดตามต้นฉบับ: {row['surface']}", f"สถานะ ณ {reg.as_of.isoformat()}: {row['status_text']}"]  # fmt: skip
        event.add("description", "\n".join(lines))
        calendar.add_component(event)
    target.parent.mkdir(parents=True, exist_ok=True)
    return _atomic(target, calendar.to_ical())


def _register_first(action, as_of):
    """The first day a monthly action's event falls on: its first date when the text gives one, else
    the first of its days after the meeting (after ``as_of`` when the meeting has no date)."""
    from .thaidates import next_day_of_month

    return action.first or next_day_of_month(action.meeting_date or as_of, action.day)
