"""What every layout reader shares: its contract (:class:`LayoutReader`), the Fit it gives, the
Reading it returns, and the small steps all of them take (marks cleaned, directives numbered, item
numbers inferred). A module of its own, so the readers and the package that picks among them do not
import each other."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from ..model import Block, Directive, Item, Layout, Note
from ..quantities import is_bare_number
from ..sources.document import RawDocument
from ..thaitext import collapse, drop_stray_marks


@dataclass
class Fit:
    """How well a document fits a layout, and why."""

    score: float
    reason: str
    state: object = None  # what the reader worked out while judging, handed back to its read()
    # (what is wrong, what to do): with a low score, said when no layout fits; with the best score, the layout
    # knows the document for something else than a write-up (an agenda sent before its meeting) and refuses it
    problem: tuple[str, str] | None = None


@dataclass
class Reading:
    """What a layout reader read: the lines that head the document, and the items."""

    layout: Layout
    header: list[str]
    items: list[Item]
    notes: list[Note] = field(default_factory=list)
    whole_header: bool = True  # the header lines are a title block (a table's), not sentences
    # the document outside the items' directives as (kind, text, item): None lets the meeting make
    # them from the header lines (each line's kind: passages.kind_of); remarks and resolutions are
    # the items' own and never listed here
    passages: list[tuple[str, str, int | None]] | None = None
    # rows of figures the reader found among the items (a budget table's งบประมาณ (บาท) cells): a passage
    # that is one reads its bare numbers with the units of their column heads
    tables: list[TableRow] = field(default_factory=list)


@runtime_checkable
class LayoutReader(Protocol):
    """A layout reader: a module (``table``, ``minutes``, ``prose``) with these names.

    ``ceiling(doc)`` is the most ``fit`` could give, from cheap signals only (a substring, a count), so
    that a reader that cannot win is never asked to fit; ``fit(doc)`` says how well the document fits
    (0 to 1, with the reason, and what it worked out in ``Fit.state``); ``read(doc, fit)`` reads the
    document with that fit. ``NAME`` is the layout's word in the model (``source.layout``), ``NAME_TH``
    its Thai name in notes.

    >>> from cddbrief.readers import minutes
    >>> isinstance(minutes, LayoutReader), minutes.NAME
    (True, 'minutes')
    """

    NAME: Layout
    NAME_TH: str

    def ceiling(self, doc: RawDocument) -> float: ...

    def fit(self, doc: RawDocument) -> Fit: ...

    def read(self, doc: RawDocument, fit: Fit) -> Reading: ...


def clean_marks(text: str, notes: list[Note]) -> str:
    """Drop Thai marks that sit on no letter, with a note for each."""
    cleaned, dropped = drop_stray_marks(text)
    for what in dropped:
        following = what[1:] or "the text"
        notes.append(
            Note(
                "repair",
                f"a stray Thai mark before '{following}' was dropped",
                surface=what,
                th=f"ตัดเครื่องหมายสระหรือวรรณยุกต์ที่ไม่มีพยัญชนะรองรับหน้า '{following}' ออก",
            )
        )
    return cleaned


def numbered(directives: list[tuple[str | None, str]]) -> list[Directive]:
    """An item's directives from their (label, text) as written, numbered 1, 2, … in that order.

    >>> [(d.no, d.label, d.text) for d in numbered([("ก.", "ให้ตำบลรายงาน"), (None, "ส่งภายในเดือนนี้")])]
    [(1, 'ก.', 'ให้ตำบลรายงาน'), (2, None, 'ส่งภายในเดือนนี้')]
    """
    return [Directive(no, text, label) for no, (label, text) in enumerate(directives, start=1)]


def infer_numbers(written: list[int | None], topics: list[str], notes: list[Note]) -> list[int]:
    """The items' numbers: each as written, or for one without, the number its neighbours imply (said in a note).

    >>> notes = []
    >>> infer_numbers([1, None, 3], ["ผ้าไทย", "ตลาดนัดชุมชน", "ศูนย์เรียนรู้"], notes), [n.kind for n in notes]
    ([1, 2, 3], ['inferred'])
    """
    numbers: list[int] = []
    for index, number in enumerate(written):
        if number is not None:
            numbers.append(number)
            continue
        after: tuple[int, int] | None = next(
            ((j_number, j - index) for j in range(index + 1, len(written)) if (j_number := written[j]) is not None),
            None,
        )
        if index:
            number = numbers[index - 1] + 1
        elif after is not None:
            number = max(1, after[0] - after[1])
        else:
            number = index + 1
        if after is not None and after[0] != number + after[1]:
            notes.append(
                Note(
                    "warning",
                    f"item number {number} was inferred, but the next written number ({after[0]}) does not follow on",
                    item=number,
                    th=f"ลำดับที่ {number} อนุมานขึ้น แต่ลำดับถัดไปที่เขียนไว้ ({after[0]}) ไม่ต่อเนื่องกัน",
                )
            )
        notes.append(
            Note(
                "inferred",
                f"item number {number} ({topics[index]}) is missing and was inferred from its neighbours",
                item=number,
                th=f"ประเด็น '{topics[index]}' ไม่มีลำดับที่ จึงอนุมานเป็นข้อ {number} จากข้อใกล้เคียง",
            )
        )
        numbers.append(number)
    return numbers


def note_repeated_numbers(numbers: list[int], notes: list[Note]) -> None:
    """A warning for each item number that more than one item uses."""
    seen: dict[int, int] = {}
    for number in numbers:
        seen[number] = seen.get(number, 0) + 1
    for number, count in seen.items():
        if count > 1:
            notes.append(
                Note(
                    "warning",
                    f"item number {number} is used by {count} items with different topics",
                    item=number,
                    th=f"ลำดับที่ {number} ถูกใช้กับ {count} ข้อที่ประเด็นต่างกัน",
                )
            )


# --- tables of figures ------------------------------------------------------------------------

_EMPTY_CELLS = ("", "-", "–", "—")  # a figure not given
_DUMP_LINE = re.compile(r"^ *\t")  # a line of a Word table dumped to text: a cell (spaces before the tab: a new row)
_PIPE_LINE = re.compile(r"^\s*\|.*\|")  # a row of a table written with pipes: | นาแก | 84.18 |
_RULE_CELL = re.compile(r":?-{3,}:?")
MAX_COLUMNS = 12


@dataclass(frozen=True)
class TableRow:
    """A row of a table of figures in a post, as the readers see it: its cells joined by spaces
    (``text``, the line the row becomes), its cells and each cell's column head.

    >>> row = TableRow.of(["ธาตุพนม", "18,402"], ["อำเภอ", "ครัวเรือนเป้าหมาย"])
    >>> row.text, [(row.text[a:b], head) for a, b, head in row.spans()]
    ('ธาตุพนม 18,402', [('ธาตุพนม', 'อำเภอ'), ('18,402', 'ครัวเรือนเป้าหมาย')])
    """

    text: str
    cells: tuple[str, ...]
    heads: tuple[str, ...]

    @classmethod
    def of(cls, cells: list[str], heads: list[str]) -> TableRow:
        kept = [(collapse(c), collapse(h)) for c, h in zip(cells, heads) if c.strip()]
        return cls(" ".join(c for c, _ in kept), tuple(c for c, _ in kept), tuple(h for _, h in kept))

    def spans(self, offset: int = 0) -> list[tuple[int, int, str]]:
        """Each cell's (start, end) in ``text`` (moved by ``offset``) and its head."""
        found, at = [], 0
        for cell, head in zip(self.cells, self.heads):
            at = self.text.index(cell, at)
            found.append((offset + at, offset + at + len(cell), head))
            at += len(cell)
        return found


def figure_table(rows: list[list[str]]) -> list[TableRow] | None:
    """The data rows of a table of figures (a head row of text, then rows of the same width whose cells are
    mostly bare numbers, a label or two beside them), each with its heads; None for any other table (a
    table of directives: its cells are sentences).

    >>> rows = [["อำเภอ", "ครัวเรือนเป้าหมาย", "ร้อยละ"], ["นาแก", "15,337", "84.18"]]
    >>> [row.text for row in figure_table(rows)]
    ['นาแก 15,337 84.18']
    >>> figure_table([["ที่", "ประเด็น", "ข้อสั่งการ"], ["1", "OTOP", "ให้รายงานผล 76 จังหวัด"]]) is None
    True
    """
    if len(rows) < 2:
        return None
    head, data = rows[0], rows[1:]
    width = len(head)
    if not 2 <= width <= MAX_COLUMNS or any(len(row) != width for row in data):
        return None
    if sum(1 for h in head if h.strip()) < 2 or any(is_bare_number(h) for h in head):
        return None
    numbers = texts = 0
    for row in data:
        counted = sum(1 for c in row if is_bare_number(c))
        if not counted:
            return None
        numbers += counted
        texts += sum(1 for c in row if c.strip() not in _EMPTY_CELLS and not is_bare_number(c))
    if numbers < texts:
        return None
    return [TableRow.of(row, head) for row in data]


def figure_tables(blocks: list[Block]) -> list[tuple[int, int, list[TableRow]]]:
    """The tables of figures among a document's blocks, as (first block, block after, rows): a table block,
    a run of lines of a Word table dumped to text (a cell a line, ``\\t18,402``) or of rows written with
    pipes (``| นาแก | 84.18 |``).

    >>> lines = ("ผล", "\\tอำเภอ", "\\tร้อยละ", "\\tนาแก", "\\t84.18", " \\tลี้", "\\t90")
    >>> blocks = [Block("paragraph", t) for t in lines]
    >>> [(a, b, [r.text for r in rows]) for a, b, rows in figure_tables(blocks)]
    [(1, 7, ['นาแก 84.18', 'ลี้ 90'])]
    """
    found = []
    n = 0
    while n < len(blocks):
        block = blocks[n]
        if block.kind == "table":
            rows = figure_table(block.rows or [])
            if rows:
                found.append((n, n + 1, rows))
            n += 1
            continue
        line = next((kind for kind in (_DUMP_LINE, _PIPE_LINE) if kind.match(block.text)), None)
        if block.kind != "paragraph" or line is None:
            n += 1
            continue
        end = n
        while end < len(blocks) and blocks[end].kind == "paragraph" and line.match(blocks[end].text):
            end += 1
        texts = [b.text for b in blocks[n:end]]
        rows = figure_table((_dumped_rows(texts) if line is _DUMP_LINE else _piped_rows(texts)) or [])
        if rows:
            found.append((n, end, rows))
        n = end
    return found


def _piped_rows(lines: list[str]) -> list[list[str]]:
    """The rows of a table written with pipes, ``| นาแก | 84.18 |``, a rule line (``|---|---|``) left out.

    >>> _piped_rows(["| อำเภอ | ร้อยละ |", "|---|:---:|", "| นาแก | 84.18"])
    [['อำเภอ', 'ร้อยละ'], ['นาแก', '84.18']]
    """
    rows = []
    for line in lines:
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if not all(_RULE_CELL.fullmatch(cell) for cell in cells):
            rows.append(cells)
    return rows


def _dumped_rows(lines: list[str]) -> list[list[str]] | None:
    """The rows of a table of figures dumped to text a cell a line, or None where no width fits: a new row
    is marked by spaces before its tab (Word marks all but the first after the head), so the width is the
    one that puts every mark at a row's start and gives a head of text and rows that each hold a number.

    >>> _dumped_rows(["\\tอำเภอ", "\\tร้อยละ", "\\tนาแก", "\\t84.18", " \\tลี้", "\\t90"])
    [['อำเภอ', 'ร้อยละ'], ['นาแก', '84.18'], ['ลี้', '90']]
    """
    cells: list[str] = []
    marks: list[int] = []
    for line in lines:
        lead, *parts = line.split("\t")
        if lead:
            marks.append(len(cells))
        cells.extend(parts)
    fitting = []
    for width in range(2, min(MAX_COLUMNS, len(cells) // 2) + 1):
        if len(cells) % width or any(mark % width for mark in marks):
            continue
        rows = [cells[at : at + width] for at in range(0, len(cells), width)]
        if figure_table(rows):
            fitting.append(rows)
    return fitting[0] if len(fitting) == 1 else None
