"""Table layout: a text dump of a Word table -> header lines and rows of cells.

Word writes its tables to text one cell per line-start tab::

    \\t1                 a cell starts with a tab at the start of a line
    \\tOTOP
    \\t1. ...            other lines continue the cell
    2. ...
    \\t                  an empty cell followed by a blank line ends the row
    <blank>
     \\tจปฐ.             a space before the tab starts a new row

The number cell may be missing, and rows may lack their last cells. Columns
come from the table's own header row (ที่ | ประเด็น | ข้อสั่งการ | หมายเหตุ, or
its usual variants, in any order, with the columns some offices add: ผู้รับผิดชอบ,
กำหนดเสร็จ, ผลการดำเนินงาน); a column head no word names is kept as an ``extra``
column under its own head; without a header row, the usual order is assumed and noted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .model import Note
from .quantities import head_unit
from .thaitext import collapse, excerpt, to_arabic_digits

ROLES = ("no", "topic", "directives", "remarks")
DEFAULT_COLUMNS = list(ROLES)
# columns some offices add: who is responsible (the directives' actors), by when (a date of each directive),
# and what has been done so far (reported, not asked)
EXTRA_ROLES = ("responsible", "due", "progress")
EXTRA = "extra"  # a column whose head names no role: kept, under its own head, in the remarks

# Header words of each column, as offices write them; on a head two roles' words fit, the first listed wins
# (ผลการดำเนินงานตามข้อสั่งการ is progress, not directives)
_HEADER_WORDS = {
    "no": re.compile(r"^(ที่|ลำดับ(ที่)?|ข้อ|no\.?|#)$", re.I),
    "progress": re.compile(r"^(ผลการดำเนิน.*|ผลการปฏิบัติ.*|ความก้าวหน้า.*|สถานะ.*|progress|status)$", re.I),
    "topic": re.compile(r"^(ประเด็น.*|เรื่อง.*|หัวข้อ.*|วาระ.*|งาน|ภารกิจ|แผนงาน|โครงการ|กิจกรรม|topic|subject)$", re.I),
    "directives": re.compile(r"^(.*สั่งการ.*|สาระสำคัญ.*|รายละเอียด.*|มติ.*|สรุป.*|directives?)$", re.I),
    "remarks": re.compile(r"^(หมายเหตุ.*|remarks?|notes?)$", re.I),
    "responsible": re.compile(r"^(ผู้รับผิดชอบ.*|หน่วยงาน(ที่)?รับผิดชอบ.*|ผู้ดำเนินการ.*|responsible.*)$", re.I),
    "due": re.compile(
        r"^(กำหนดเวลา.*|กำหนดส่ง.*|กำหนด(แล้ว)?เสร็จ.*|วันที่?แล้วเสร็จ.*|ระยะเวลา.*|ห้วงเวลา.*|deadline|due( date)?)$",
        re.I,
    ),
}

# The header words of every column in one pattern: the first column whose words match names the cell
_HEADER_ROLE = re.compile("|".join(f"(?P<{role}>{pattern.pattern})" for role, pattern in _HEADER_WORDS.items()), re.I)

_ITEM_NUMBER = re.compile(r"^\(?\s*\d{1,3}\s*[.)]?$")


@dataclass
class Layout:
    """The table of a document: header lines, column roles, rows of cell texts."""

    header: list[str]
    columns: list[str]
    rows: list[list[str]]
    notes: list[Note] = field(default_factory=list)
    headerless: bool = False  # no header row was found: the columns are assumed
    heads: list[str] = field(default_factory=list)  # each column's head as written (empty when assumed)


def is_item_number(cell: str) -> bool:
    """A cell that holds only an item number (Thai or Arabic digits).

    >>> is_item_number(" ๓ "), is_item_number("3."), is_item_number("OTOP")
    (True, True, False)
    """
    text = cell.strip()
    # a number cell starts with "(" or a digit (any decimal digit, as \d reads): no text cell needs the pattern
    if not (text[:1] == "(" or text[:1].isdecimal()):
        return False
    return bool(_ITEM_NUMBER.match(to_arabic_digits(text)))


# a row lettered in Thai instead of numbered: ก, ข., (ค), ง) (one consonant of ก–ฮ)
_LETTER_NUMBER = re.compile(r"^\(?[ก-ฮ][.)]?$")


def is_row_letter(cell: str) -> bool:
    """A cell that holds only a Thai letter a row is lettered with (ก ข ค … as a number cell).

    >>> is_row_letter(" ข "), is_row_letter("ค."), is_row_letter("กข"), is_row_letter("3")
    (True, True, False, False)
    """
    return bool(_LETTER_NUMBER.match(cell.strip()))


def header_role(cell: str) -> str | None:
    """The column a header cell names, or None.

    >>> header_role("ข้อสั่งการ"), header_role("ประเด็น"), header_role("OTOP")
    ('directives', 'topic', None)
    """
    text = " ".join(cell.split())
    if not text or len(text) > 40:
        return None
    match = _HEADER_ROLE.match(text)
    return match.lastgroup if match else None


def columns_of(cells: list[str]) -> list[str] | None:
    """Column roles if these cells are a header row whose every head is known (at least directives and one other)."""
    roles = []
    for cell in cells:
        if cell.strip():
            role = header_role(cell)
            if role is None or role in roles:
                # a cell that names no column, or one named twice: no header row (a data row's first cell says so)
                return None
            roles.append(role)
    if len(roles) < 2 or "directives" not in roles:
        return None
    return roles


def _looks_like_head(cell: str) -> bool:
    """A cell that could head a column no word names: short, one line, no digit (a data cell has figures,
    numbers, sentences)."""
    text = " ".join(cell.split())
    return bool(text) and len(text) <= 30 and "\n" not in cell.strip() and not any(ch.isdigit() for ch in text)


def _opens_header(roles: list[str]) -> bool:
    """Whether a head no word names may follow these: a header row starts with ที่ or ประเด็น (a title
    cell above it may start with สรุป…, the words of a directives head)."""
    return bool(roles) and roles[0] in ("no", "topic")


def header_columns(cells: list[str]) -> tuple[list[str], list[str]] | None:
    """Column roles and heads as written if these cells are a header row: it opens with ที่ or ประเด็น, and
    known heads (directives among them) outnumber the heads no word names, each kept as ``extra``.

    >>> header_columns(["ที่", "ประเด็น", "ข้อสั่งการ", "งบประมาณ", "กำหนดเสร็จ"])[0]
    ['no', 'topic', 'directives', 'extra', 'due']
    >>> header_columns(["1", "OTOP", "ให้รายงาน"]) is None
    True

    A table of results and orders names its topic งาน (or โครงการ, กิจกรรม) and its results ผลการดำเนินงาน;
    a row that opens on a task's own name is data:

    >>> header_columns(["งาน", "ผลการดำเนินงาน", "ข้อสั่งการ", "ผู้รับผิดชอบ"])[0]
    ['topic', 'progress', 'directives', 'responsible']
    >>> header_columns(["งานวันสตรี", "จัดแล้ว 3 ครั้ง", "ให้สรุปผล", "กลุ่มงานส่งเสริม"]) is None
    True
    """
    roles: list[str] = []
    heads: list[str] = []
    for cell in cells:
        if not cell.strip():
            continue
        role = header_role(cell)
        if role is None and _opens_header(roles) and _looks_like_head(cell):
            role = EXTRA
        if role is None or (role != EXTRA and role in roles):
            return None
        roles.append(role)
        heads.append(" ".join(cell.split()))
    return (roles, heads) if _enough_known(roles, heads) else None


def _enough_known(roles: list[str], heads: list[str]) -> bool:
    """Known heads (directives among them) outnumber the heads no word names; a head that gives its
    numbers a unit (งบประมาณ (บาท), เบิกจ่าย (บาท)) is a column of figures, known as well.

    >>> _enough_known(["topic", EXTRA, EXTRA, "directives"], ["โครงการ", "งบประมาณ (บาท)", "เบิกจ่าย (บาท)", "ข้อสั่งการ"])
    True
    >>> _enough_known(["topic", EXTRA, EXTRA, "directives"], ["โครงการ", "ผู้ประสาน", "ช่องทางติดต่อ", "ข้อสั่งการ"])
    False
    """
    known = [r for r in roles if r != EXTRA]
    figures = sum(1 for r, h in zip(roles, heads) if r == EXTRA and head_unit(h)[0] is not None)
    return len(known) >= 2 and "directives" in known and len(known) + figures > len(roles) - len(known) - figures


# --- text dumps ---------------------------------------------------------------------------

_ROW_START = "row"
_ROW_END = "end"


def layout_text(text: str) -> Layout:
    """Split a text dump into header lines and table rows.

    >>> lay = layout_text("หัวเรื่อง\\n\\tที่\\n\\tประเด็น\\n\\tข้อสั่งการ\\n\\n\\t1\\n\\tOTOP\\n\\t1. ก\\n2. ข\\n\\t\\n\\n")
    >>> lay.header, lay.columns, lay.rows
    (['หัวเรื่อง'], ['no', 'topic', 'directives'], [['1', 'OTOP', '1. ก\\n2. ข']])
    >>> layout_text("\\tที่\\n\\tประเด็น\\n\\tข้อสั่งการ\\n\\n\\tก\\n\\tOTOP\\n\\tให้ส่ง\\n \\tข\\n\\tจปฐ.\\n\\tให้เก็บ\\n").rows
    [['ก', 'OTOP', 'ให้ส่ง'], ['ข', 'จปฐ.', 'ให้เก็บ']]
    """
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if "\t" in line and not line.split("\t", 1)[0].strip()), None)
    if first is None:
        return Layout(header=[ln for ln in lines if ln.strip()], columns=[], rows=[])
    header = [ln for ln in lines[:first] if ln.strip()]
    events, trailing = _cell_events(lines[first:])
    notes = []
    if trailing:
        quoted = f"'{excerpt(collapse(' '.join(trailing)), width=60)}'"
        notes.append(
            Note("skipped", f"text after the table was not read: {quoted}", th=f"ข้อความหลังตารางไม่ได้นำมาอ่าน: {quoted}")
        )
    first_cells = [value for kind, value in events if kind == "cell"][: len(ROLES) + len(EXTRA_ROLES) + 6]
    columns, heads, header_cells = None, [], 0
    for lead in range(4):  # the title or office may stand in cells above the header row
        columns, heads = _header_from(first_cells[lead:])
        if columns is not None and lead and len(columns) < 3:
            columns = None  # below other cells, only a full header row (3 columns or more) counts
        if columns is not None:
            header = header + [" ".join(c.split()) for c in first_cells[:lead] if c.strip()]
            header_cells = lead + len(columns)
            break
    if columns is None:
        columns, heads = _assumed_columns(notes), []
    rows = _assemble(events, columns, skip_cells=header_cells, notes=notes, heads=heads)
    return Layout(header=header, columns=columns, rows=rows, notes=notes, headerless=header_cells == 0, heads=heads)


def _assumed_columns(notes: list[Note]) -> list[str]:
    """The columns of a table with no header row, in the usual order (``DEFAULT_COLUMNS``), said in a note."""
    notes.append(
        Note(
            "inferred",
            "the table has no header row; columns read as ที่ | ประเด็น | ข้อสั่งการ | หมายเหตุ",
            th="ตารางไม่มีแถวหัวตาราง จึงอ่านคอลัมน์เป็น ที่ | ประเด็น | ข้อสั่งการ | หมายเหตุ",
        )
    )
    return DEFAULT_COLUMNS


def _header_from(cells: list[str]) -> tuple[list[str] | None, list[str]]:
    """Roles and heads of the header row at the start of a dump's cells (one cell per column).

    A dump does not mark where its header row ends: the row ends at the first item number, or at a
    cell that is neither a known head nor looks like one. A head no word names counts (as ``extra``)
    only between known heads, or before the item number that ends a numbered table's header row.
    """
    roles: list[str] = []
    heads: list[str] = []
    numbered_end = False
    for cell in cells:
        if is_item_number(cell):
            numbered_end = bool(roles) and roles[0] == "no"
            break
        role = header_role(cell)
        if role is None and _opens_header(roles) and _looks_like_head(cell):
            role = EXTRA
        if role is None or (role != EXTRA and role in roles):
            break
        roles.append(role)
        heads.append(" ".join(cell.split()))
    while roles and roles[-1] == EXTRA and not numbered_end:
        roles.pop()  # a trailing cell no word names may be the first data cell
        heads.pop()
    if _enough_known(roles, heads):
        return roles, heads
    return None, []


def _cell_events(lines: list[str]) -> tuple[list[tuple[str, str]], list[str]]:
    """Turn table lines into a flat list of ("row"|"cell"|"end", text) events."""
    events: list[tuple[str, str]] = []
    current: list[str] | None = None  # lines of the open cell
    trailing: list[str] = []
    for line in lines:
        if "\t" in line:
            lead, *parts = line.split("\t")
            if lead.strip():
                if current is not None:
                    current.append(lead)
            elif lead:  # spaces before the tab: a new row
                _close(events, current)
                current = None
                events.append((_ROW_START, ""))
            for part in parts:
                _close(events, current)
                current = [part]
            trailing.clear()
            continue
        if not line.strip():
            if current is not None and len(current) == 1 and not current[0].strip():
                _close(events, current)  # an empty cell and a blank line: the row ends
                current = None
                events.append((_ROW_END, ""))
            elif current is not None:
                current.append("")
            continue
        if current is not None:
            current.append(line)
        else:
            trailing.append(line.strip())
    _close(events, current)
    return events, trailing


def _close(events: list[tuple[str, str]], cell: list[str] | None) -> None:
    if cell is not None:
        events.append(("cell", "\n".join(cell).strip("\n")))


def _assemble(events, columns: list[str], skip_cells: int, notes: list[Note], heads: list[str]) -> list[list[str]]:
    """Group cell events into rows, using the column count and item numbers."""
    ncols = len(columns)
    directives_at = columns.index("directives")
    rows: list[list[str]] = []
    current: list[str] = []

    def flush() -> None:
        if any(cell.strip() for cell in current):
            rows.append(list(current))
        current.clear()

    skipped = 0
    for kind, text in events:
        if kind == "cell" and skipped < skip_cells:
            skipped += 1
            continue
        if kind in (_ROW_START, _ROW_END):
            flush()
            continue
        if current:
            has_number = "no" in columns and (is_item_number(current[0]) or is_row_letter(current[0]))
            width = ncols if has_number or "no" not in columns else ncols - 1
            reached = len(current) > (directives_at if has_number or "no" not in columns else directives_at - 1)
            if len(current) >= width or (reached and is_item_number(text)):
                flush()
        current.append(text)
    flush()
    return _drop_repeated_headers(rows, notes, heads)


def _drop_repeated_headers(rows: list[list[str]], notes: list[Note], heads: list[str]) -> list[list[str]]:
    """A header row repeated at a page break is not an item (its heads all known, or the header row's own)."""
    kept = []
    for row in rows:
        if columns_of(row) is not None or (heads and [" ".join(c.split()) for c in row if c.strip()] == heads):
            notes.append(
                Note("skipped", "a repeated header row (page break) was skipped", th="ข้ามแถวหัวตารางที่ซ้ำเมื่อขึ้นหน้าใหม่")
            )
            continue
        kept.append(row)
    return kept


def layout_table(header: list[str], table: list[list[str]]) -> Layout:
    """Layout of a Word table read cell by cell: find the header row, keep the rest."""
    notes: list[Note] = []
    rows = [row for row in table if any(cell.strip() for cell in row)]
    header = list(header)
    columns: list[str] | None = None
    at = None
    heads: list[str] = []
    for i, row in enumerate(rows[:6]):
        found = header_columns(row)
        if found and (i == 0 or len(found[0]) >= 3):
            (columns, heads), at = found, i
            break
    if at is not None and columns is not None:
        # rows above the header row (the title, the number, the office in merged cells) are the header
        header += [" ".join(dict.fromkeys(c.strip() for c in row if c.strip())) for row in rows[:at]]
        rows = rows[at + 1 :]
    else:
        at = None
        columns = _assumed_columns(notes)
    kept = _drop_repeated_headers(rows, notes, heads)
    return Layout(
        header=[h for h in header if h.strip()],
        columns=columns,
        rows=kept,
        notes=notes,
        headerless=at is None,
        heads=heads,
    )
