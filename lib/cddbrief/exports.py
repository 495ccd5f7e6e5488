"""Exports for colleagues who live in Excel and calendars: xlsx, csv, json, ics.

- xlsx: one sheet per frame, Thai intact, dates as dates, whole numbers as integers,
  booleans as TRUE/FALSE, widths set, header frozen, an autofilter on every sheet.
- csv: one file per frame, UTF-8 with BOM so that Excel shows Thai; ``76`` not ``76.0``.
- json: what ``cddbrief parse --json`` gives.
- ics: one all-day event per dated action in force, titled with its action (a moved date is
  left out, its new date says where it came from; a window closed before the meeting is no
  event), the monthly ones with no invented end, in the brief's language; made with icalendar.

The kinds are one table, ``EXPORTS`` (kind → ``Export``: its writer, its files' names, what it
is): a new kind is one entry and its writer. A workbook and a calendar are written in a language,
so their English files carry ``.en`` (``2562-04.en.xlsx`` beside ``2562-04.xlsx``); CSV and JSON
hold the frames' and the meeting's own names, the same in both.

Text that a spreadsheet would take for a formula (it begins with = + - @) is
neutralised with a leading apostrophe, in xlsx and csv alike.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from .errors import BadSetting
from .files import write_atomic
from .model import Meeting
from .words import Lang, Words, as_lang, suffix, words_for

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """Text that begins like a formula is kept as text.

    >>> neutralise("=HYPERLINK(1)"), neutralise("-"), neutralise("OTOP"), neutralise(-5)
    ("'=HYPERLINK(1)", "'-", 'OTOP', -5)
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


@dataclass(frozen=True)
class ToWrite:
    """What a writer is given: the meeting, its frames (``tidy.frames(meeting).as_dict()``; None for
    a kind that needs none), the folder, the language's words and the day a calendar counts from."""

    meeting: Meeting
    frames: dict | None
    folder: Path
    words: Words
    as_of: object = None


@dataclass(frozen=True)
class Export:
    """One kind of export: what the index calls it, what it is (for help), its files' name (``{id}``
    the meeting's id, ``{lang}`` the language's mark, ``.en`` or nothing; ``*`` one file per frame),
    the function that writes it, and whether it needs the frames."""

    label: str
    about: str
    name: str
    write: Callable[[ToWrite], list[Path]]
    frames: bool = False

    def files(self, folder: Path, meeting_id: str, lang: Lang = "th") -> list[Path]:
        """The files of this kind a folder holds for a meeting (what an up-to-date batch keeps)."""
        pattern = self.name.format(id=glob.escape(meeting_id), lang=suffix(lang))
        return sorted(p for p in folder.glob(pattern) if p.is_file())


def check_kinds(kinds) -> tuple[str, ...]:
    """The export kinds asked for (``xlsx``, ``ics`` …), or one clear error naming the kinds there are.

    >>> check_kinds(["xlsx", "ics"])
    ('xlsx', 'ics')
    >>> check_kinds(["pdfx"])
    Traceback (most recent call last):
    cddbrief.errors.BadSetting: unknown export 'pdfx': exports are xlsx, csv, json, ics
    """
    kinds = tuple(kinds)
    unknown = [k for k in kinds if k not in EXPORTS]
    if unknown or not kinds:
        raise BadSetting(f"unknown export '{','.join(unknown)}'", f"exports are {', '.join(EXPORTS)}")
    return kinds


def kinds_help() -> str:
    """The kinds for a command's help: ``xlsx (…), csv (…), json (…), ics (…)``."""
    return ", ".join(f"{kind} ({e.about})" for kind, e in EXPORTS.items())


def export(
    meeting: Meeting, kind: str, folder: Path, frames: dict | None = None, lang: str = "th", as_of=None
) -> list[Path]:
    """Write one export of a meeting into folder (atomically); return the files written.

    ``frames`` (``cddbrief.frames(meeting).as_dict()``) can be passed to reuse them across kinds.
    ``lang`` is the language of a workbook's titles and a calendar's events; ``as_of`` the day a
    calendar counts from. An unknown kind or language is one clear error, before anything is written.
    """
    (kind,) = check_kinds([kind])
    words = words_for(as_lang(lang))
    writer = EXPORTS[kind]
    if writer.frames and frames is None:
        from .tidy import frames as make_frames

        frames = make_frames(meeting).as_dict()
    folder.mkdir(parents=True, exist_ok=True)
    return writer.write(ToWrite(meeting, frames, folder, words, as_of))


def _file(kind: str, given: ToWrite) -> Path:
    """Where one export's file goes: ``2562-04.xlsx``, ``2562-04.en.ics``."""
    return given.folder / EXPORTS[kind].name.format(id=given.meeting.id, lang=given.words.suffix)


def _json(given: ToWrite) -> list[Path]:
    """What ``cddbrief parse --json`` prints."""
    text = json.dumps(given.meeting.to_dict(), ensure_ascii=False, indent=2, default=str) + "\n"
    return [write_atomic(_file("json", given), text.encode("utf-8"))]


def _csv(given: ToWrite) -> list[Path]:
    """One file per frame: whole numbers without ``.0``, booleans TRUE/FALSE, dates ISO, Thai intact."""
    import csv
    import io

    meeting, folder = given.meeting, given.folder
    written = []
    for name, frame in given.frames.items():
        buffer = io.StringIO()
        out = csv.writer(buffer, lineterminator="\n")
        out.writerow(list(frame.columns))
        for row in _rows(frame):
            out.writerow(["" if v is None else ("TRUE" if v else "FALSE") if isinstance(v, bool) else v for v in row])
        written.append(write_atomic(folder / f"{meeting.id}-{name}.csv", buffer.getvalue().encode("utf-8-sig")))
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


def sheet_title(name: str, lang: Lang = "th") -> str:
    """A frame's sheet in the workbook's language (``Words.sheet``): ``quantities`` → ``ตัวเลข`` in Thai,
    as it is in English.

    >>> sheet_title("quantities"), sheet_title("quantities", "en")
    ('ตัวเลข', 'quantities')
    """
    return words_for(lang).sheet(name)


def column_title(column: str, lang: Lang = "th") -> str:
    """A column's header in the workbook's language (``Words.column``): ``value`` → ``ค่า`` in Thai,
    as it is in English.

    >>> column_title("value"), column_title("value", "en"), column_title("meeting_date")
    ('ค่า', 'value', 'วันประชุม')
    """
    return words_for(lang).column(column)


_BE = "__be"  # a date column's twin in the language's own era: ``start__be``


def _header(column: str, words: Words) -> str:
    """``ค่า`` for ``value``; ``วันเริ่ม (พ.ศ.)`` for the Buddhist-era twin of ``start``."""
    if column.endswith(_BE):
        return f"{words.column(column[: -len(_BE)])} ({words.era})"
    return words.column(column)


def _with_era_dates(frame, words: Words):
    """Where the language writes another era (Thai: ``Words.era``), each date column followed by the
    same dates as its readers write them (``22 เม.ย. 2562``), titled ``<column> (พ.ศ.)``; the ISO
    dates stay, as dates."""
    import pandas as pd

    if words.era is None:
        return frame
    out = frame.copy()
    for column in [c for c in frame.columns if pd.api.types.is_datetime64_any_dtype(frame[c])][::-1]:
        written = [words.span(v.date()) if not pd.isna(v) else None for v in frame[column]]
        out.insert(list(out.columns).index(column) + 1, f"{column}{_BE}", pd.array(written, dtype="string"))
    return out


def _xlsx(given: ToWrite) -> list[Path]:
    """One sheet per frame, in the brief's language (Thai sheet names and headers, Buddhist-era dates
    beside the ISO dates; English as the frames name them): numbers as numbers (whole ones as
    integers, 2,400,000 with separators), booleans as TRUE/FALSE, dates as dates, header frozen and
    repeated on every printed page, an autofilter on every sheet, printed landscape to the page's width."""
    return [write_atomic(_file("xlsx", given), workbook_bytes(given.frames, given.words.lang))]


def workbook_bytes(frames: dict, lang: Lang = "th") -> bytes:
    """The .xlsx of frames given by sheet name (``_xlsx``'s workbook: typed cells, widths, filters, page setup)."""
    import io

    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    words = words_for(lang)
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, plain_frame in frames.items():
        frame = _with_era_dates(plain_frame, words)
        sheet = workbook.create_sheet(words.sheet(name))
        sheet.append([_header(str(c), words) for c in frame.columns])
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


def _ics(given: ToWrite) -> list[Path]:
    """The calendar of a meeting's actions in force, in the brief's language.

    Each event is titled with its action (``actions.actions``: the clause the date belongs to), a
    moved date with where it came from; a window that closed before the reference day is no event;
    a date that a monthly recurrence of the same directive already holds is not repeated; a
    recurrence whose end the source does not give repeats with no end and says so.
    """
    from icalendar import Calendar, Event

    from .actions import actions, is_past, reference_day

    meeting, words = given.meeting, given.words
    t, span = words.t, words.span
    ref = reference_day(meeting, given.as_of)
    number = words.meeting_number(meeting.number, meeting.year_be)
    calendar = Calendar()
    calendar.add("prodid", "-//cddbrief//TV พช. meeting briefs//TH")
    calendar.add("version", "2.0")
    office = words.office(meeting.office, meeting.province)  # in English where the gazetteer knows it
    calendar.add("x-wr-calname", f"{t('meeting_no')} {number} {office}")
    stamp = _stamp()
    for item, d in meeting.directives():
        moved_from = {id(r.new): r.old for r in d.reschedules}
        what = actions(d)
        topic = words.topic(item.topic)
        monthly = [r for r in d.recurrences]
        for s in d.dates:
            if s.start is None or s.role == "original" or is_past(s.end, ref):
                continue
            if s.precision == "day" and s.start == s.end and any(_held_by(r, s.start) for r in monthly):
                continue  # the monthly event already holds this day
            event = Event()
            uid = hashlib.sha256(
                f"{meeting.id}|{meeting.office}|{item.no}|{d.no}|{s.cell or ''}{s.span.start}|{s.surface}".encode()
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
                *([f"{t('responsible')}: {d.responsible}"] if d.responsible else []),
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
            every = f"{t('ics_every_month', day=r.day)}, {t('ics_no_end_short')}"
            event.add("summary", f"{topic}: {_recurring_action(d.text, r.surface)} ({every})")
            lines = [
                d.text,
                *([f"{t('responsible')}: {d.responsible}"] if d.responsible else []),
                "",
                t("ics_item", item=item.no, number=number, office=office),
                t("ics_source", surface=r.surface),
                t("ics_no_end"),
            ]
            if r.first is None:
                lines.append(t("ics_no_first", day=r.day, ref=words.reference(ref.day, ref.reason)))
            event.add("description", "\n".join(lines))
            calendar.add_component(event)
    return [write_atomic(_file("ics", given), calendar.to_ical())]


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


# The kinds of export, in the order the help gives them: a new kind is one entry and its writer.
EXPORTS: dict[str, Export] = {
    "xlsx": Export("Excel", "a workbook, one sheet per frame", "{id}{lang}.xlsx", _xlsx, frames=True),
    "csv": Export("CSV", "one UTF-8 file per frame", "{id}-*.csv", _csv, frames=True),
    "json": Export("JSON", "the structured meeting, as parse gives it in JSON", "{id}.json", _json),
    "ics": Export("iCal", "a calendar of the dated actions", "{id}{lang}.ics", _ics),
}


# --- the action register (register.py) -------------------------------------------------------------


def register_xlsx(reg, target: Path) -> Path:
    """The action register as a workbook: ``actions`` (one row per action, its status as of the
    register's day) and ``links`` (every link with its score and both texts). Its columns keep the
    frame's names (``data/columns.json`` titles the brief's frames, not the register's)."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    return write_atomic(target, workbook_bytes({"actions": reg.frame(), "links": reg.links_frame()}, lang="en"))


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
        where = f"การประชุมครั้งที่ {row['meeting_label']} {row['office']} ข้อ {row['item']} ({row['topic']})"
        lines = [
            row["text"],
            "",
            where,
            f"กำหนดตามต้นฉบับ: {row['surface']}",
            f"สถานะ ณ {reg.as_of.isoformat()}: {row['status_text']}",
        ]
        event.add("description", "\n".join(lines))
        calendar.add_component(event)
    target.parent.mkdir(parents=True, exist_ok=True)
    return write_atomic(target, calendar.to_ical())


def _register_first(action, as_of):
    """The first day a monthly action's event falls on: its first date when the text gives one, else
    the first of its days after the meeting (after ``as_of`` when the meeting has no date)."""
    from .thaidates import next_day_of_month

    return action.first or next_day_of_month(action.meeting_date or as_of, action.day)
