"""A read document -> Meeting: the layout reader that fits, the header, figures and dates, checks.

``readers`` chooses the layout (table, prose, minutes) and gives the items;
``header`` finds the meeting number, office, date, chair and place; each
directive's figures and dates are read by ``quantities`` and ``thaidates``.
Every repair, inference, merge and skip is a Note.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

from .errors import BadMeetingId, NoMeetingNumber, NotAWriteUp, Setting
from .header import MEETING_REF, is_debris, read_header
from .model import Context, DateSpan, Directive, Item, Meeting, Note, Passage, Quantity, Recurrence, Reschedule
from .passages import DEFAULT_CONTEXT, READ_KINDS, contexts_at, kind_of
from .quantities import find_quantities
from .readers import read_layout
from .readers.base import TableRow, figure_tables
from .readers.points import split_directives
from .sources import RawDocument, read_source
from .thaidates import MONTHS, as_be, find_dates, find_recurrences, find_reschedules
from .thaitext import CONTROL_CHARS, drop_controls, is_clean, normalise_spaces, to_arabic_digits, unclean_chars

__all__ = ["MEETING_REF", "parse_document", "parse_meeting_id", "read_meeting", "split_directives", "with_figures"]

_ODD_COUNTED = "\u00a0\u200b\u2009\u202f"  # the odd spaces a note counts
_ID_FORMS = re.compile(
    r"^\s*(?:(?P<no>\d{1,3})\s*/\s*(?P<year>\d{2}|\d{4})|(?P<year2>\d{4})\s*-\s*(?P<no2>\d{1,3}))\s*$"
)


def parse_meeting_id(text: str) -> tuple[int, int]:
    """(year_be, number) from any common form of a meeting id.

    >>> parse_meeting_id("4/2562"), parse_meeting_id("4/62"), parse_meeting_id("2562-04"), parse_meeting_id("๔/๒๕๖๒")
    ((2562, 4), (2562, 4), (2562, 4), (2562, 4))
    """
    match = _ID_FORMS.match(to_arabic_digits(text or ""))
    if not match:
        raise BadMeetingId(f"'{text}' is not a meeting id", "write it as 4/2562, 4/62 or 2562-04")
    number = int(match.group("no") or match.group("no2"))
    year = as_be(match.group("year") or match.group("year2"))
    if not 1 <= number <= 99:
        raise BadMeetingId(f"'{text}' has no meeting number {number}", "meetings are numbered from 1")
    if not 2500 <= year <= 2700:
        raise BadMeetingId(
            f"'{text}' names the year {year}, outside the years of these meetings (2500–2700 BE)", "check the year"
        )
    return year, number


# --- extraction -------------------------------------------------------------------------------


def with_figures(items: list[Item], year_be: int | None, notes: list[Note], around: date | None = None) -> list[Item]:
    """The items as read, made anew with each directive's figures, dates, reschedules and
    recurrences, every one made with its item and directive; what was repaired or skipped
    on the way is added to ``notes``. ``year_be`` dates what is written without a year, ``around`` (the meeting's
    day) a weekday and day without a month (``ภายในวันศุกร์ที่ 22 นี้``).

    >>> items = with_figures([Item(3, "ผ้าไทย", [Directive(1, "แจกผ้า 25 ผืน ภายใน 9 ก.พ. 66")])], 2566, [])
    >>> [(q.value, q.unit, q.item, q.directive) for q in items[0].directives[0].quantities]
    [(25, 'ผืน', 3, 1)]
    >>> [(s.start.isoformat(), s.item, s.directive) for s in items[0].directives[0].dates]
    [('2023-02-09', 3, 1)]
    """
    return [
        Item(
            **{**vars(item), "directives": [_with_figures(item.no, d, year_be, notes, around) for d in item.directives]}
        )
        for item in items
    ]


def _with_figures(
    item: int, directive: Directive, year_be: int | None, notes: list[Note], around: date | None = None
) -> Directive:
    found = figures_of(directive.text, year_be, notes, "asked", item=item, directive=directive.no, around=around)
    quantities, dates, moves, recurrences = found
    if directive.due:
        _, due_dates, due_moves, due_recurrences = due_of(directive.due, year_be, notes, item, directive.no, around)
        dates, moves, recurrences = dates + due_dates, moves + due_moves, recurrences + due_recurrences
    return replace(directive, quantities=quantities, dates=dates, reschedules=moves, recurrences=recurrences)


def due_of(
    due: str, year_be: int | None, notes: list[Note], item: int, directive: int, around: date | None = None
) -> Found:
    """The dates, reschedules and recurrences of a directive's deadline cell (a table's กำหนดเสร็จ column), each
    asked and marked ``cell="due"``, its span in the cell; no figures (the cell says when, not how many).

    >>> _, dates, _, _ = due_of("ภายใน 20 ก.พ. 67", 2567, [], 1, 2)
    >>> [(s.surface, s.span.of("ภายใน 20 ก.พ. 67"), s.start.isoformat(), s.context, s.cell) for s in dates]
    [('20 ก.พ. 67', '20 ก.พ. 67', '2024-02-20', 'asked', 'due')]
    """
    where = {"item": item, "directive": directive}
    dates, date_notes = find_dates(due, year_be, around=around, **where)
    moves = find_reschedules(due, dates)
    recurrences = find_recurrences(due, dates, **where)
    for found in (*dates, *recurrences):
        found.cell = "due"
    for found in dates:
        found.context = "asked"
    notes.extend(replace(n, item=item) for n in date_notes)
    return [], dates, moves, recurrences


Found = tuple[list[Quantity], list[DateSpan], list[Reschedule], list[Recurrence]]


def figures_of(
    text: str,
    year_be: int | None,
    notes: list[Note],
    context: Context,
    *,
    item: int | None = None,
    directive: int | None = None,
    passage: int | None = None,
    cells: list[tuple[int, int, str]] | tuple = (),
    around: date | None = None,
) -> Found:
    """The figures, dates, reschedules and recurrences of a text that a directive or a passage holds,
    each with where it is (item, directive or passage) and what it was said as (its clause's
    context, else ``context``); what was repaired or skipped is added to ``notes``. ``cells``: the
    (start, end, head) of each cell where the text holds rows of a table of figures; ``around``: see with_figures.

    >>> text = "รายงานผลการดำเนินงาน 12 กองทุน และได้มอบหมายให้ส่งภายใน 9 ก.พ. 66"
    >>> quantities, dates, _, _ = figures_of(text, 2566, [], "meeting", passage=2)
    >>> [(q.value, q.context, q.passage) for q in quantities], [(s.surface, s.context) for s in dates]
    ([(12, 'reported', 2)], [('9 ก.พ. 66', 'asked')])
    """
    where = {"item": item, "directive": directive}
    spans, date_notes = find_dates(text, year_be, around=around, **where)
    moves = find_reschedules(text, spans)
    recurrences = find_recurrences(text, spans, **where)
    quantities, qty_notes = find_quantities(text, [s.span for s in spans], **where, cells=cells)
    said = (*spans, *quantities)
    for found, said_as in zip(said, contexts_at(text, [f.span.start for f in said], context)):
        found.passage, found.context = passage, said_as
    for found in (*moves, *recurrences):
        found.passage = passage
    notes.extend(replace(n, item=item) for n in date_notes + qty_notes)
    return quantities, spans, moves, recurrences


_MONTH_WORDS = tuple(word.rstrip(".") for pair in MONTHS for word in pair) + ("เดือน",)


def _may_hold_figures(text: str) -> bool:
    """Whether a text can hold a figure or a date at all: a digit, Arabic or Thai, or a month's name
    (a cheap look before the extractors, for the many title and office lines).

    >>> [_may_hold_figures(text) for text in ("สำนักงานพัฒนาชุมชนอำเภอลี้", "ภายในเดือนเมษายน", "งบ ๕ ล้านบาท")]
    [False, True, True]
    """
    return any(ch.isdigit() for ch in text) or any(word in text for word in _MONTH_WORDS)


def _says_more(topic: str, year_be: int | None) -> bool:
    """Whether an item's topic holds a figure or a day-date of its own, beyond naming the topic.

    >>> _says_more("ผลการคัดเลือกสตรีดีเด่น มีผู้ผ่านการคัดเลือก 5 ราย", 2566), _says_more("ข้อมูล จปฐ. ปี 2566", 2566)
    (True, False)
    """
    if not any(ch.isdigit() or "\u0e50" <= ch <= "\u0e59" for ch in topic):
        return False
    spans, _ = find_dates(topic, year_be)
    return any(s.precision == "day" for s in spans) or bool(find_quantities(topic, [s.span for s in spans])[0])


def make_passages(
    reading,
    header_lines: list[str],
    items: list[Item],
    year_be: int | None,
    notes: list[Note],
    tables: list[TableRow] | tuple = (),
    around: date | None = None,
) -> list[Passage]:
    """The document outside the directives, numbered in order: the head (each header line of its
    kind, or the reader's own passages), then each item's topic line (where it holds figures or
    days of its own), reported text, remarks and resolution, then a post's credits; each with its
    figures and dates. ``tables``: the rows of the document's tables of figures (``figure_tables``):
    a passage that holds one reads its bare numbers with the units of their column heads (``around``: see
    with_figures).

    >>> from cddbrief.readers import Reading
    >>> reading = Reading("table", [], [Item(1, "ผ้าไทย", resolution="เห็นชอบงบ 5,000 บาท")])
    >>> passages = make_passages(reading, ["ครั้งที่ 4/2562"], reading.items, 2562, [])
    >>> [(p.no, p.kind, p.item, [q.context for q in p.quantities]) for p in passages]
    [(1, 'meeting', None, []), (2, 'resolution', 1, ['decided'])]
    """
    given = reading.passages if reading.passages is not None else [(kind_of(line), line, None) for line in header_lines]
    given = [(k, t.strip(), i) for k, t, i in given if not is_debris(t)]
    ending = len(given)
    while ending and given[ending - 1][0] == "page" and given[ending - 1][2] is None:
        ending -= 1  # the page's lines after the write-up (credits, views) come last, after the items'
    head = [(k, t, i) for k, t, i in given[:ending] if i is None]
    closing = given[ending:]
    of_items = []
    for item in items:
        if _says_more(item.topic, year_be):
            of_items.append(("topic", item.topic, item.no))  # its figures and dates belong to the document too
        of_items += [(k, t, i) for k, t, i in given if i == item.no]
        of_items += [
            (kind, text, item.no)
            for kind, text in (("remarks", item.remarks), ("resolution", item.resolution))
            if text.strip()
        ]
    rows = _rows_by_text(tables)
    passages = []
    for no, (kind, text, item) in enumerate(head + of_items + closing, start=1):
        read = kind in READ_KINDS and _may_hold_figures(text)
        cells = _cells_in(text, rows) if read and rows else []
        found = (
            figures_of(text, year_be, notes, DEFAULT_CONTEXT[kind], item=item, passage=no, cells=cells, around=around)
            if read
            else ([], [], [], [])
        )
        passages.append(Passage(no, kind, text, item, *found))
    return passages


def _rows_by_text(tables) -> dict[str, TableRow]:
    return {row.text: row for row in tables}


def _cells_in(text: str, rows: dict[str, TableRow]) -> list[tuple[int, int, str]]:
    """The (start, end, head) of each cell of the table rows a passage holds: the passage is a row (the
    line the reader made of it), or holds rows among its words.

    >>> row = TableRow.of(["ลี้", "90"], ["อำเภอ", "ร้อยละ"])
    >>> _cells_in("ลี้ 90", {row.text: row}), _cells_in("ผล ลี้ 90", {row.text: row}), _cells_in("ลี้ 9", {row.text: row})
    ([(0, 3, 'อำเภอ'), (4, 6, 'ร้อยละ')], [(3, 6, 'อำเภอ'), (7, 9, 'ร้อยละ')], [])
    """
    if text in rows:
        return rows[text].spans()
    cells: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    for row_text, row in rows.items():
        at = text.find(row_text)
        end = at + len(row_text)
        ends_word = at >= 0 and (end == len(text) or text[end].isspace())
        if ends_word and (at == 0 or text[at - 1].isspace()) and not any(a < end and at < b for a, b in taken):
            cells += row.spans(at)  # (a row inside a longer row already read is not read again)
            taken.append((at, end))
    return sorted(cells)


# --- the whole document -------------------------------------------------------------------------


def parse_document(raw: RawDocument, meeting_id: str | None = None, need_number: bool = True) -> Meeting:
    """Turn a read source into a Meeting; raise a CddbriefError (NotAWriteUp, NoMeetingNumber, …) when it is not
    a meeting write-up.

    Without a meeting number (and no ``meeting_id``) the document is still read
    when ``need_number`` is false (the catalogue lists it by its date); else it
    is an error that asks for ``--meeting``.
    """
    notes: list[Note] = list(raw.notes)
    label = Path(raw.source.path).name
    # one scan says whether the document needs cleaning at all; then only the lines that do are cleaned
    text_unclean = unclean_chars(raw.text) if raw.text is not None else []
    clean = not text_unclean and all(
        is_clean(b.text) and all(is_clean(c) for r in b.rows or () for c in r) for b in raw.blocks
    )
    if raw.text is not None:
        odd = sum(1 for ch in text_unclean if ch in _ODD_COUNTED)
    else:
        odd = 0 if clean else sum(b.text.count(ch) for b in raw.blocks for ch in _ODD_COUNTED)
    if odd:
        notes.append(
            Note(
                "repair",
                f"{odd} non-breaking or zero-width spaces were read as plain spaces",
                th=f"อ่านช่องว่างพิเศษ (non-breaking หรือ zero-width) {odd} ตัวเป็นช่องว่างปกติ",
            )
        )
    controls = 0
    # a text dump's blocks are its lines: with no control character in the text, none is in a line
    lines_controls = raw.text is None or any(ch in CONTROL_CHARS for ch in text_unclean)
    for block in () if clean else raw.blocks:
        if not is_clean(block.text):
            if lines_controls:
                block.text, dropped = drop_controls(normalise_spaces(block.text))
                controls += dropped
            else:
                block.text = normalise_spaces(block.text)
        if block.rows:
            rows = []
            for row in block.rows:
                cells = [drop_controls(normalise_spaces(c)) if not is_clean(c) else (c, 0) for c in row]
                controls += sum(n for _, n in cells)
                rows.append([c for c, _ in cells])
            block.rows = rows
    if raw.text is not None and any(ch in CONTROL_CHARS for ch in text_unclean):  # a control character in the text
        raw.text, dropped = drop_controls(raw.text)
        controls = max(controls, dropped)  # the same characters, seen in the lines and in the text
    if controls:
        notes.append(
            Note(
                "repair",
                f"{controls} control characters (NUL and the like) were removed",
                th=f"ลบอักขระควบคุม (เช่น NUL) {controls} ตัว",
            )
        )
    reading, fit = read_layout(raw)
    notes.extend(reading.notes)
    header_lines = list(reading.header)
    title = drop_controls(normalise_spaces(raw.title))[0] if raw.title else ""
    if title.strip() and not any(title.strip() in line for line in header_lines):
        header_lines.insert(0, title)
    # the rest of a post (what was reported, its byline) may name the office, the chair or the place the head does not
    more = [text for _, text, _ in reading.passages or []] if not reading.whole_header else []
    closing = _after_last_table(raw) if reading.whole_header else []  # a table's byline may name its office
    header = read_header(header_lines, notes, whole=reading.whole_header, more=more, closing=closing)
    header.published = raw.published or header.published  # the page's own date, from its metadata or its banner
    if header.number is None and not reading.whole_header:
        # a prose or minutes write-up may name its meeting only further down
        rest = [d.text for item in reading.items[:1] for d in item.directives]
        header_more = read_header(header_lines + rest, [], whole=False)
        if header_more.number is not None:
            header.number, header.year_be = header_more.number, header_more.year_be
    if meeting_id:
        year_be, number = parse_meeting_id(meeting_id)
        if header.number is not None and (header.number, header.year_be) != (number, year_be):
            notes.append(
                Note(
                    "warning",
                    f"the header says meeting {header.number}/{header.year_be}; "
                    f"the meeting given, {number}/{year_be}, was used",
                    th=f"หัวเอกสารระบุครั้งที่ {header.number}/{header.year_be} แต่ใช้ครั้งที่ {number}/{year_be} ที่ระบุให้แทน",
                )
            )
        header.number, header.year_be = number, year_be
    if header.number is None:
        if need_number:
            raise NoMeetingNumber(
                f"{label} names no meeting number (ครั้งที่ N/ปี) in its header",
                "add it to the document, or give it",
                settings=Setting("meeting", "4/2562"),
            )
        notes.append(
            Note("warning", "the write-up names no meeting number (ครั้งที่ N/ปี)", th="เอกสารไม่ระบุครั้งที่ประชุม (ครั้งที่ N/ปี)")
        )
    items = reading.items
    if not items:
        raise NotAWriteUp(
            f"{label} was read as {reading.layout} but holds no items",
            "check that the write-up holds its topics and directives",
        )
    if not header.office:
        notes.append(
            Note(
                "warning",
                "the write-up names no office (สำนักงาน…, สพอ., สพจ.)",
                th="เอกสารไม่ระบุหน่วยงาน (สำนักงาน…, สพอ., สพจ.)",
            )
        )
    year_for_dates = header.year_be or (header.meeting_date.year + 543 if header.meeting_date else None)
    around = header.meeting_date or header.published  # a weekday and day without a month is told from it
    items = with_figures(items, year_for_dates, notes, around)
    tables = [row for _, _, rows in figure_tables(raw.blocks) for row in rows] + reading.tables
    passages = make_passages(reading, header_lines, items, year_for_dates, notes, tables, around)
    # the header's fields are the meeting's own (number, year, title, office, place names, date, chair, place,
    # published)
    meeting = Meeting(
        **vars(header), source=replace(raw.source, layout=reading.layout), items=items, notes=notes, passages=passages
    )
    from .checks import find_checks

    return replace(meeting, checks=find_checks(meeting))


def _after_last_table(raw: RawDocument) -> list[str]:
    """The paragraphs after a document's last table (in a text dump, after its last line of cells).

    >>> from cddbrief.sources import read_bytes
    >>> _after_last_table(read_bytes("ครั้งที่ 1/2566\\n\\tที่\\n\\tประเด็น\\nงานธุรการ สพอ.ลี้\\n".encode(), "x.txt"))
    ['งานธุรการ สพอ.ลี้']
    """
    cells = [i for i, b in enumerate(raw.blocks) if b.kind == "table" or "\t" in b.text or b.text.startswith("|")]
    return [b.text for b in raw.blocks[cells[-1] + 1 :] if b.text.strip()] if cells else []


def read_meeting(path: str | Path, meeting_id: str | None = None, need_number: bool = True) -> Meeting:
    """Read one meeting write-up (.txt, .docx, .pdf, .html) into a Meeting (``need_number``: see parse_document).

    >>> m = read_meeting("data/raw/000_624796c269e36bce.txt")
    >>> m.id, m.items[0].topic
    ('2562-04', 'OTOP')
    """
    return parse_document(read_source(path), meeting_id=meeting_id, need_number=need_number)
