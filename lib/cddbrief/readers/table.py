"""The Word-table layout: ที่ | ประเด็น | ข้อสั่งการ | หมายเหตุ, one row per item.

From a text dump (tab-led cells, ``layout.layout_text``) or from table blocks
of a .docx, PDF or web page (``layout.layout_table``). A missing item number
is inferred from its neighbours; consecutive rows of one item (a row split over
pages) are merged; each step leaves a note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, cast

from ..layout import Layout, columns_of, is_item_number, layout_table, layout_text
from ..model import Item, Note
from ..sources.document import RawDocument
from ..thaitext import collapse, normalise_spaces, to_arabic_digits
from .base import Fit, Reading, clean_marks, infer_numbers, note_repeated_numbers, numbered
from .points import split_directives

NAME: Final = "table"
NAME_TH = "ตาราง"

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
    items = rows_to_items(layout, notes)
    return Reading(NAME, layout.header, items, notes)


@dataclass
class _Row:
    """An item as its rows are read: the number as written (None if none), its directives as (label, text)."""

    number: int | None
    topic: str
    directives: list[tuple[str | None, str]]
    remarks: str
    merged_rows: int = 1


def rows_to_items(layout: Layout, notes: list[Note]) -> list[Item]:
    """Table rows -> items: numbers read or inferred, split rows merged, directives split."""
    columns = layout.columns
    rows: list[_Row] = []
    for row in layout.rows:
        cells = list(row)
        if "no" in columns and cells and (is_item_number(cells[0]) or len(cells) == len(columns)):
            roles = columns  # a full row keeps its places even when the number cell is empty
        else:
            roles = [c for c in columns if c != "no"]
        fields = dict.fromkeys(("no", "topic", "directives", "remarks", "responsible", "due"), "")
        for role, cell in zip(roles, cells):
            fields[role] = cell
        if len(cells) > len(roles):
            extra = " ".join(collapse(c) for c in cells[len(roles) :] if c.strip())
            if extra:
                fields["remarks"] = (fields["remarks"] + " " + extra).strip()
                notes.append(
                    Note(
                        "merged",
                        f"a row had {len(cells)} cells for {len(roles)} columns; the extra text was put in remarks",
                        th=f"แถวหนึ่งมี {len(cells)} ช่อง แต่ตารางมี {len(roles)} คอลัมน์ ข้อความส่วนเกินย้ายไปไว้ในหมายเหตุ",
                    )
                )
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
        directives = split_directives(fields["directives"])
        remarks = collapse(fields["remarks"])
        if fields["responsible"].strip():
            remarks = " / ".join(r for r in (f"ผู้รับผิดชอบ: {collapse(fields['responsible'])}", remarks) if r)
        # a deadline column: its own directive, so its dates are read and dated like any other
        if fields["due"].strip():
            directives.append((None, f"กำหนดเวลา: {collapse(fields['due'])}"))
            notes.append(
                Note(
                    "merged",
                    f"the deadline column of item '{topic[:40]}' ('{collapse(fields['due'])[:40]}') "
                    "was read as a directive of its own, 'กำหนดเวลา: …'",
                    th=f"ช่องกำหนดเวลาของประเด็น '{topic[:40]}' อ่านเป็นข้อสั่งการอีกข้อหนึ่ง ('กำหนดเวลา: …')",
                )
            )
        previous = rows[-1] if rows else None
        same_item = previous is not None and (
            (not topic and number is None)
            or (topic == previous.topic and (number is None or number == previous.number))
        )
        if same_item and previous is not None:
            previous.directives.extend(directives)
            previous.remarks = " / ".join(r for r in (previous.remarks, remarks) if r)
            previous.merged_rows += 1
            continue
        rows.append(_Row(number, topic, directives, remarks))
    numbers = infer_numbers([r.number for r in rows], [r.topic for r in rows], notes)
    note_repeated_numbers(numbers, notes)
    items = [
        Item(
            no=no,
            topic=r.topic,
            directives=numbered(r.directives),
            remarks=r.remarks,
            inferred=r.number is None,
            merged_rows=r.merged_rows,
        )
        for no, r in zip(numbers, rows)
    ]
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
