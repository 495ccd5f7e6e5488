"""The Word-table layout: ที่ | ประเด็น | ข้อสั่งการ | หมายเหตุ, one row per item.

From a text dump (tab-led cells, ``layout.layout_text``) or from table blocks
of a .docx, PDF or web page (``layout.layout_table``). A missing item number
is inferred from its neighbours; consecutive rows of one item (a row split over
pages) are merged; each step leaves a note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Final, cast

from ..layout import EXTRA, EXTRA_ROLES, Layout, columns_of, is_item_number, layout_table, layout_text
from ..model import Item, Note
from ..passages import instruction_starts, kind_of, tells
from ..quantities import head_unit, is_bare_number, is_total_row
from ..sources.document import RawDocument
from ..thaitext import collapse, normalise_spaces, to_arabic_digits
from .base import Fit, Reading, TableRow, clean_marks, infer_numbers, note_repeated_numbers, numbered
from .points import SUB_POINT, split_directives

NAME: Final = "table"
NAME_TH = "ตาราง"

# a check mark inside a line starts a point of its own (a PDF's cell loses its line breaks; ✓ is no text)
_INLINE_CHECK_MARK = re.compile(r"(?<=\S)[ \t]+(?=[✓✔☑]\s)")
_NUMBERED_TOPIC = re.compile(r"^(?P<no>\d{1,3})\s?[.)](?!\d)\s*(?P<topic>\S.*)$")


def ceiling(doc: RawDocument) -> float:
    """At most 0.95 (a table with its header row); 0 with no table at all: a text with no tab,
    or blocks with no table.

    >>> from cddbrief.sources import read_bytes
    >>> ceiling(read_bytes("ครั้งที่ 2/2565\\n1. กองทุน ให้รายงาน\\n".encode(), "x.txt"))
    0.0
    """
    if doc.text is not None:
        return 0.95 if "\t" in doc.text else 0.0
    return 0.95 if any(b.kind == "table" for b in doc.blocks) else 0.0


def fit(doc: RawDocument) -> Fit:
    """A table with the header row ที่ | ประเด็น | ข้อสั่งการ fits best; a headerless one of numbered rows, weakly."""
    layout = _layout(doc)
    if layout is None or not layout.rows:
        return Fit(0.0, "no table")
    widest = max(len(row) for row in layout.rows)
    if widest < 3:
        return Fit(0.0, f"a table of {widest} columns", problem=(
            f"has a table of {widest} column{'s' if widest > 1 else ''}, not a summary's table",
            "the table needs the columns ที่ | ประเด็น | ข้อสั่งการ | หมายเหตุ"))  # fmt: skip
    if not layout.headerless:
        return Fit(0.95, "a table with the header row ประเด็น | ข้อสั่งการ", state=layout)
    numbered = sum(1 for row in layout.rows if row and is_item_number(row[0]))
    wide = sum(1 for row in layout.rows if len([c for c in row if c.strip()]) >= 3)
    if len(layout.rows) >= 2 and numbered >= 0.5 * len(layout.rows) and wide >= 0.5 * len(layout.rows):
        return Fit(0.55, "a table of numbered rows without a header row", state=layout)
    return Fit(0.2, "a table without a header row or item numbers", state=layout)


def _layout(doc: RawDocument) -> Layout | None:
    if doc.text is not None:
        return layout_text(normalise_spaces(doc.text))
    tables = doc.tables()
    if not tables:
        return None
    header = [normalise_spaces(h) for h in doc.paragraphs_before_first_table()]
    rows: list[list[str]] = []
    joined = 0
    for n, table in enumerate(tables):
        table_rows = [[normalise_spaces(c) for c in row] for row in table.rows or []]
        if n and rows and table_rows and _continues(tables[n - 1], table, rows[-1], table_rows[0]):
            rows[-1] = [_join_cells(a, b) for a, b in zip(rows[-1], table_rows[0])] + rows[-1][len(table_rows[0]) :]
            table_rows = table_rows[1:]
            joined += 1
        rows.extend(table_rows)
    layout = layout_table(header, rows)
    if joined:
        layout.notes.append(
            Note(
                "merged",
                f"{joined} table row(s) split by a page break were joined to the row above",
                th=f"รวมแถวตารางที่ถูกตัดข้ามหน้า {joined} แถว เข้ากับแถวก่อนหน้า",
            )
        )
    return layout


def _continues(previous_table, table, last_row: list[str], first_row: list[str]) -> bool:
    """A PDF table's first row on a new page goes on with the row above: it has no number and is no header."""
    if previous_table.page is None or table.page is None or table.page == previous_table.page:
        return False
    if not first_row or first_row[0].strip() or len(first_row) != len(last_row):
        return False
    return columns_of(first_row) is None and any(c.strip() for c in first_row[1:])


def _join_cells(above: str, below: str) -> str:
    """A cell continued on the next page: Thai goes on without a space, a new point on a new line."""
    if not above.strip() or not below.strip():
        return above + below
    if split_directives(below)[0][0] is not None:
        return above + "\n" + below
    thai = "\u0e01" <= above.rstrip()[-1] <= "\u0e4e" and "\u0e01" <= below.lstrip()[0] <= "\u0e4e"
    return above.rstrip() + ("" if thai else " ") + below.lstrip()


def read(doc: RawDocument, fit: Fit) -> Reading:
    layout = cast(Layout, fit.state)
    notes = list(layout.notes)
    for row in layout.rows:
        for c, cell in enumerate(row):
            row[c] = clean_marks(cell, notes)
    reported: list[tuple[int, str]] = []
    tables: list[TableRow] = []
    items = rows_to_items(layout, notes, reported, tables)
    passages = None
    if reported:  # what a row reports (a progress column, a line of the directives' cell that tells of work done)
        passages = [(kind_of(line), line, None) for line in layout.header] + [
            ("reported", text, no) for no, text in reported
        ]
    return Reading(NAME, layout.header, items, notes, passages=passages, tables=tables)


@dataclass
class _Row:
    """An item as its rows are read: the number as written (None if none), its directives as (label, text),
    each one's row's responsible and deadline cells (None where the table has none, or the cell is empty),
    and what its rows report (a progress cell, a line of the directives' cell that asks nothing)."""

    number: int | None
    topic: str
    directives: list[tuple[str | None, str]]
    remarks: str
    merged_rows: int = 1
    reported: list[str] = field(default_factory=list)
    cells: list[tuple[str | None, str | None]] = field(default_factory=list)  # (responsible, due) per directive


# a figure not given
_EMPTY_FIGURES = ("", "-", "–", "—")

# the word a row's responsible party is written after in its remarks, when the row asks nothing
RESPONSIBLE = "ผู้รับผิดชอบ"


def _heads(layout: Layout) -> list[str]:
    """Each column's head as written, or for assumed columns the usual head of its role."""
    usual = {"no": "ที่", "topic": "ประเด็น", "directives": "ข้อสั่งการ", "remarks": "หมายเหตุ"}
    return layout.heads if len(layout.heads) == len(layout.columns) else [usual.get(c, c) for c in layout.columns]


def _column_notes(layout: Layout, heads: list[str], notes: list[Note]) -> None:
    """Say once per table how the columns beyond ที่ | ประเด็น | ข้อสั่งการ | หมายเหตุ were read."""
    for role, head in zip(layout.columns, heads):
        if role == EXTRA:
            notes.append(
                Note(
                    "merged",
                    f"the column '{head}' is not one cddbrief knows; its cells were kept in the remarks as '{head}: …'",
                    th=f"คอลัมน์ '{head}' ไม่ใช่คอลัมน์ที่รู้จัก จึงเก็บข้อความในช่องไว้ในหมายเหตุ ('{head}: …')",
                )
            )
        elif role == "progress":
            notes.append(
                Note(
                    "merged",
                    f"the column '{head}' tells what was done: its cells were read as reported, not as directives",
                    th=f"คอลัมน์ '{head}' บอกผลที่ทำแล้ว จึงอ่านเป็นเรื่องที่รายงาน ไม่ใช่ข้อสั่งการ",
                )
            )


# a cell that says it orders nothing (ไม่มีข้อสั่งการ) or is for information only (เพื่อทราบ …)
_NO_ORDER = re.compile(r"ไม่มี(?:ข้อ|การ)สั่งการ|^\s*(?:แจ้ง)?เพื่อทราบ")


def _asks_nothing(label: str | None, text: str) -> bool:
    """A point of a bulleted directives' cell (✓, -, •) that tells of work done and asks nothing, in
    passages' words for both; a numbered cell's points are directives as the table numbers them. A point
    that says it orders nothing (``ไม่มีข้อสั่งการ``, ``เพื่อทราบ …``) and holds no instruction asks nothing,
    however it is marked: what it says is reported.

    >>> _asks_nothing(None, "เพื่อทราบ ผลการเบิกจ่ายร้อยละ 88.50 ไม่มีข้อสั่งการ"), _asks_nothing(None, "เพื่อทราบ และให้ตำบลรายงาน")
    (True, False)

    >>> _asks_nothing("✓", "ดำเนินการแล้วเสร็จ มีสมาชิกเพิ่มขึ้น 1,240 คน"), _asks_nothing("✓", "ให้รายงานผลทุกเดือน")
    (True, False)
    >>> _asks_nothing("1.", "ดำเนินการแล้วเสร็จ มีสมาชิกเพิ่มขึ้น 1,240 คน")
    False
    """
    if _NO_ORDER.search(text) and not instruction_starts(text):
        return True
    bulleted = label is not None and not any(ch.isdigit() for ch in to_arabic_digits(label))
    return bulleted and tells(text) and not instruction_starts(text)


def _sub_points(said: list[tuple[str | None, str]], cell: str) -> list[tuple[str | None, str]]:
    """A cell without numbering of its own whose lines open on sub-numbers that follow on (๑.๑ then ๑.๒, where
    the row's number is ๑) holds one directive per sub-number, labelled with it; any other cell as it was split.

    >>> _sub_points([(None, "๑.๑ ให้อำเภอคัดเลือก ๒ หมู่บ้าน ๑.๒ ให้ส่งรายชื่อ")],
    ...             "๑.๑ ให้อำเภอคัดเลือก\\n๒ หมู่บ้าน\\n๑.๒ ให้ส่งรายชื่อ")
    [('๑.๑', 'ให้อำเภอคัดเลือก ๒ หมู่บ้าน'), ('๑.๒', 'ให้ส่งรายชื่อ')]
    >>> _sub_points([(None, "๑.๑ ให้อำเภอคัดเลือก ๑.๓ ให้ส่ง")], "๑.๑ ให้อำเภอคัดเลือก\\n๑.๓ ให้ส่ง")
    [(None, '๑.๑ ให้อำเภอคัดเลือก ๑.๓ ให้ส่ง')]
    """
    if len(said) != 1 or said[0][0] is not None:
        return said
    parts: list[tuple[str, str, int, list[str]]] = []  # (label, major, minor, lines)
    for line in cell.split("\n"):
        match = SUB_POINT.match(line)
        if match:
            major, minor = match.group("major"), int(match.group("minor"))
            if (major, minor) == ((parts[-1][1], parts[-1][2] + 1) if parts else (major, 1)):
                label = collapse(line[: match.end("minor")])
                parts.append((label, major, minor, [line[match.end() :]]))
                continue
        if parts:
            parts[-1][3].append(line)
        elif line.strip():
            return said  # text before the first sub-number: the cell is one directive
    if len(parts) < 2:
        return said
    return [(label, collapse(" ".join(lines))) for label, _, _, lines in parts]


def _places(layout: Layout, cells: list[str]) -> list[int]:
    """The column of each cell of a row: a row without its number cell starts at the topic."""
    columns = layout.columns
    if "no" in columns and cells and (is_item_number(cells[0]) or len(cells) == len(columns)):
        return list(range(len(columns)))  # a full row keeps its places even when the number cell is empty
    return [at for at, role in enumerate(columns) if role != "no"]


def figure_columns(layout: Layout, heads: list[str]) -> set[int]:
    """The columns of figures: a head no role word names that gives its numbers a unit (งบประมาณ (บาท)).

    >>> lay = Layout([], ["topic", EXTRA, EXTRA, "directives"], [])
    >>> sorted(figure_columns(lay, ["โครงการ", "งบประมาณ (บาท)", "ผู้ประสาน", "ข้อสั่งการ"]))
    [1]
    """
    return {at for at, (role, head) in enumerate(zip(layout.columns, heads)) if role == EXTRA and head_unit(head)[0]}


def _figure_row(layout: Layout, heads: list[str], cells: list[str]) -> TableRow | None:
    """A row's cells under a figures head as a table row (its topic before them, the directives left out, as
    they are read on their own), or None when no such cell holds a bare number.

    >>> lay = Layout([], ["topic", EXTRA, "directives"], [])
    >>> _figure_row(lay, ["โครงการ", "งบประมาณ (บาท)", "ข้อสั่งการ"], ["ตลาดนัด", "95,000", "ให้รายงาน"]).text
    'ตลาดนัด 95,000'
    >>> _figure_row(lay, ["โครงการ", "งบประมาณ (บาท)", "ข้อสั่งการ"], ["ตลาดนัด", "-", "ให้รายงาน"]) is None
    True
    """
    figures = figure_columns(layout, heads)
    placed = list(zip(_places(layout, cells), cells))
    if not any(place in figures and is_bare_number(cell) for place, cell in placed):
        return None
    kept = [(cell, heads[place]) for place, cell in placed if place in figures or layout.columns[place] == "topic"]
    return TableRow.of([c for c, _ in kept], [h for _, h in kept])


def _row_fields(layout: Layout, heads: list[str], cells: list[str], notes: list[Note]) -> dict[str, str]:
    """The cells of a row by their column's role; the cells of columns no word names (and cells beyond
    the last column) joined into the remarks, each after its head; a figures column's cells are read as
    a row of figures (``_figure_row``), not kept here."""
    columns = layout.columns
    places = _places(layout, cells)
    figures = figure_columns(layout, heads)
    fields = dict.fromkeys(("no", "topic", "directives", "remarks", *EXTRA_ROLES), "")
    kept: list[str] = []
    for place, cell in zip(places, cells):
        if place in figures and (is_bare_number(cell) or cell.strip() in _EMPTY_FIGURES):
            continue
        if columns[place] == EXTRA:
            kept += [f"{heads[place]}: {collapse(cell)}"] if cell.strip() else []
        else:
            fields[columns[place]] = cell
    if len(cells) > len(places):
        extra = " ".join(collapse(c) for c in cells[len(places) :] if c.strip())
        if extra:
            kept.append(extra)
            notes.append(
                Note(
                    "merged",
                    f"a row had {len(cells)} cells for {len(places)} columns; the extra text was put in remarks",
                    th=f"แถวหนึ่งมี {len(cells)} ช่อง แต่ตารางมี {len(places)} คอลัมน์ ข้อความส่วนเกินย้ายไปไว้ในหมายเหตุ",
                )
            )
    fields["remarks"] = " / ".join(r for r in (collapse(fields["remarks"]), *kept) if r)
    return fields


def rows_to_items(
    layout: Layout,
    notes: list[Note],
    reported: list[tuple[int, str]] | None = None,
    tables: list[TableRow] | None = None,
) -> list[Item]:
    """Table rows -> items: numbers read or inferred, split rows merged, directives split; the responsible
    party and the deadline cells of a row given to each of its directives (``Directive.responsible``,
    ``Directive.due``), or kept in the remarks of a row that asks nothing; what a row reports (a progress
    cell, a line that asks nothing, its cells under a figures head) added to ``reported`` as (item number,
    text), the rows of figures to ``tables``. A row of figures that opens on รวม and asks nothing totals the
    rows above: it is reported with the item above it, not made an item."""
    heads = _heads(layout)
    _column_notes(layout, heads, notes)
    due_head = next((h for role, h in zip(layout.columns, heads) if role == "due"), "กำหนดเวลา")
    rows: list[_Row] = []
    for row in layout.rows:
        fields = _row_fields(layout, heads, list(row), notes)
        figure_row = _figure_row(layout, heads, list(row))
        if figure_row is not None and tables is not None:
            tables.append(figure_row)
        if figure_row is not None and rows and is_total_row(collapse(fields["topic"])):
            if not [text for _, text in split_directives(fields["directives"]) if text.strip()]:
                rows[-1].reported.append(figure_row.text)
                notes.append(
                    Note(
                        "skipped",
                        f"the row '{collapse(fields['topic'])[:40]}' totals the rows above it: its figures were "
                        "read as a total, not as an item",
                        th=f"แถว '{collapse(fields['topic'])[:40]}' เป็นยอดรวมของแถวข้างบน จึงอ่านตัวเลขเป็นยอดรวม "
                        "ไม่ใช่ประเด็น",
                    )
                )
                continue
        number = None
        if is_item_number(fields["no"]):
            number = int(re.sub(r"\D", "", to_arabic_digits(fields["no"])))
        elif fields["no"].strip():
            notes.append(
                Note(
                    "skipped",
                    f"the number cell of a row reads '{collapse(fields['no'])[:40]}', not a number; "
                    "the number was inferred",
                    th=f"ช่องลำดับของแถวหนึ่งเป็น '{collapse(fields['no'])[:40]}' ไม่ใช่ตัวเลข จึงอนุมานลำดับแทน",
                )
            )
        topic = collapse(fields["topic"])
        numbered_topic = _NUMBERED_TOPIC.match(to_arabic_digits(topic))
        if number is None and numbered_topic:  # "3. เศรษฐกิจฐานราก": the number stands in the topic cell
            number = int(numbered_topic.group("no"))
            topic = topic[numbered_topic.start("topic") :]
        said = _sub_points(split_directives(_INLINE_CHECK_MARK.sub("\n", fields["directives"])), fields["directives"])
        directives = [(label, text) for label, text in said if not _asks_nothing(label, text)]
        told = [text for label, text in said if _asks_nothing(label, text)]
        for text in told:
            notes.append(
                Note(
                    "skipped",
                    f"a line of the directives of '{topic[:40]}' tells of work done and asks nothing; "
                    f"it was read as reported, not as a directive: '{text[:60]}'",
                    th=f"ข้อความในช่องข้อสั่งการของประเด็น '{topic[:40]}' เป็นการรายงานผล ไม่ได้สั่งการ "
                    f"จึงอ่านเป็นเรื่องที่รายงาน: '{text[:60]}'",
                )
            )
        if fields["progress"].strip():
            told.append(collapse(fields["progress"]))
        remarks = fields["remarks"]
        who, due = (collapse(fields[role]) or None for role in ("responsible", "due"))
        after = [f"{RESPONSIBLE}: {who}"] if who else []
        after += [f"{due_head}: {due}"] if due else []
        if after and len(directives) > 1:
            notes.append(
                Note(
                    "inferred",
                    f"the {len(directives)} directives of '{topic[:40]}' share their row's "
                    f"'{'; '.join(after)[:80]}': each was given it",
                    th=f"ข้อสั่งการ {len(directives)} ข้อของประเด็น '{topic[:40]}' ใช้ '{'; '.join(after)[:80]}' "
                    "ของแถวเดียวกัน จึงถือเป็นของทุกข้อ",
                )
            )
        elif after and not directives:  # nothing asked in the row: who and by when stay with the item, in its remarks
            remarks = " / ".join(r for r in (remarks, *after) if r)
        cells = [(who, due)] * len(directives)
        previous = rows[-1] if rows else None
        same_item = previous is not None and (
            (not topic and number is None)
            or (topic == previous.topic and (number is None or number == previous.number))
        )
        if same_item and previous is not None:
            previous.directives.extend(directives)
            previous.cells.extend(cells)
            previous.remarks = " / ".join(r for r in (previous.remarks, remarks) if r)
            previous.reported.extend(told)
            previous.merged_rows += 1
            continue
        told += [figure_row.text] if figure_row is not None else []
        rows.append(_Row(number, topic, directives, remarks, reported=told, cells=cells))
    numbers = infer_numbers([r.number for r in rows], [r.topic for r in rows], notes)
    note_repeated_numbers(numbers, notes)
    items = [
        Item(
            no=no,
            topic=r.topic,
            directives=[replace(d, responsible=who, due=due) for d, (who, due) in zip(numbered(r.directives), r.cells)],
            remarks=r.remarks,
            inferred=r.number is None,
            merged_rows=r.merged_rows,
        )
        for no, r in zip(numbers, rows)
    ]
    if reported is not None:
        reported.extend((no, text) for no, r in zip(numbers, rows) for text in r.reported)
    for item in items:
        if item.merged_rows > 1:
            notes.append(
                Note(
                    "merged",
                    f"item {item.no} appears on {item.merged_rows} rows (split over a page) and was merged",
                    item=item.no,
                    th=f"ข้อ {item.no} อยู่ใน {item.merged_rows} แถว (ขึ้นหน้าใหม่) จึงรวมเป็นข้อเดียว",
                )
            )
    return items
