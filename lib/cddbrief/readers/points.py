"""Numbered points, wherever they stand: at line starts, as Word or HTML list items, or run together in a line.

Shared by the layout readers. Numbers must follow on (1, 2, 3 …) to count as
numbering, so a figure or a stray ``5.`` inside a sentence stays text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..glossary import measure_alternation
from ..model import Block
from ..thaitext import BULLETS, collapse, to_arabic_digits
from .base import figure_tables

# Numbers of points are read up to MARKER_DIGITS digits: far past MAX_ITEMS, so that a long list is
# refused in one line (readers.read_layout), never cut off silently where its numbers grow a digit.
MARKER_DIGITS = 6
# A marker at the start of a line: 1. 1) (1) ๑. or a bullet; not 2.4 (a sub-point) nor 88.41.
MARKER = re.compile(
    r"^\s*(?:\((?P<paren>\d{1,6})\)|(?P<num>\d{1,6})\s?(?P<close>[.)])(?![\d])|(?P<bullet>["
    + re.escape(BULLETS)
    + r"]))\s*"
)
# A sub-point number N.M at the start of a line: 1.1, 3.2; not a figure wrapped there, N.M and a multiplier or
# a measuring unit of the glossary (3.6 แสนบาท, 1.5 ลบ.)
SUB_POINT = re.compile(
    r"^\s*(?P<major>\d{1,2})\.(?P<minor>\d{1,2})(?:\.\d{1,2})*\.?(?![\d%])\s*"
    rf"(?!{measure_alternation()})(?=[ก-ฮเ-ไ\"“(A-Za-z])"
)
_SUB_LABEL = re.compile(r"\d+\.\d")  # a label that numbers a sub-point: 2.1, 4.1.1
# A sub-point past N.99 (4.100): read only where it follows on from the sub-point before.
_LONG_SUB_POINT = re.compile(r"^\s*(?P<major>\d{1,2})\.(?P<minor>\d{3,6})\.?(?![\d%])\s*(?=[ก-ฮเ-ไ\"“(A-Za-z])")
# A marker inside a line: after a space, a colon or ดังนี้, before Thai or Latin text.
_INLINE = re.compile(
    r"(?:(?<=\s)|(?<=:)|(?<=ดังนี้)|(?<=ได้แก่))(?:\((?P<paren>\d{1,6})\)|(?P<num>\d{1,6})(?P<close>[.)]))(?=\s*[ก-๛A-Za-z\"“(])"
)
# a point headed by its number in words, at a line's start: ประเด็นที่ 1 …, เรื่องที่ 2 :, หัวข้อที่ ๓ (read with Arabic
# digits); not เรื่องที่ประธานแจ้ง… (no number) nor ครั้งที่ 1/2567 (a meeting's number)
HEADING = re.compile(r"^\s*(?P<word>ประเด็น|เรื่อง|หัวข้อ)\s*ที่\s*(?P<num>\d{1,3})(?![\d/,]|\.\d)\s*[:：.)]?\s*")
MAX_ITEMS = 2000  # items a write-up may hold (a meeting has tens; a 1,000-row table is read): past it, one error
FIRST_NUMBER_MAX = 99  # a numbered list starts at a small number: a cell that opens on "2566." opens on no point


_LEAD_IN = re.compile(r"(?:ดังนี้|ดังต่อไปนี้|ได้แก่|[:：])\s*$")


@dataclass(slots=True)
class Line:
    """A line of a document as the prose and minutes readers see it.

    ``text`` has its numbering removed when ``label`` holds it (written, or
    given by Word's or HTML's list numbering: ``listed``).
    """

    text: str
    label: str | None = None
    listed: bool = False
    page: int | None = None
    level: int = 0  # a list item's depth in Word's or HTML's lists (0: the outer list)


def marker_number(label: str | None) -> int | None:
    """The number of a marker as written, or None for a bullet.

    >>> marker_number("(๓)"), marker_number("2."), marker_number("-")
    (3, 2, None)
    """
    if not label or marker_style(label) == "1.1":
        return None
    digits = re.sub(r"\D", "", to_arabic_digits(label))
    return int(digits) if digits and len(digits) <= MARKER_DIGITS else None


def marker_style(label: str | None) -> str:
    """``1.``, ``1)``, ``(1)``, ``1.1`` or ``-`` (any bullet): the kind of numbering, not its number.

    >>> marker_style("๔)"), marker_style("(2)"), marker_style("3."), marker_style("◆"), marker_style("2.1")
    ('1)', '(1)', '1.', '-', '1.1')
    >>> marker_style("ประเด็นที่ 2"), marker_number("เรื่องที่ ๓")
    ('ประเด็นที่', 3)
    """
    label = to_arabic_digits(label or "").strip()
    heading = HEADING.match(label)
    if heading:
        return heading.group("word") + "ที่"
    if _SUB_LABEL.match(label):
        return "1.1"
    if label.startswith("("):
        return "(1)"
    if label.endswith(")"):
        return "1)"
    if label[:1].isdigit():
        return "1."
    return "-"


def heading_of(line: Line) -> Line | None:
    """A line that opens on a point's heading in words (``ประเด็นที่ 1 การเบิกจ่าย``) as a numbered line whose label
    is the heading; None for any other line (a numbered one, or ประเด็นที่ inside a sentence).

    >>> line = heading_of(Line("ประเด็นที่ ๒ : ผ้าไทย"))
    >>> line.label, line.text, heading_of(Line("ในประเด็นที่ 2 ขอให้รายงาน")), heading_of(Line("ครั้งที่ 1/2567"))
    ('ประเด็นที่ ๒', 'ผ้าไทย', None, None)
    """
    match = None if line.label else HEADING.match(to_arabic_digits(line.text))
    if match is None:
        return None
    label = collapse(line.text[: match.end()]).rstrip(":：.) ")
    return Line(line.text[match.end() :].strip(), label, line.listed, line.page, line.level)


def lines_of(blocks: list[Block]) -> list[Line]:
    """The paragraphs and list items of a document as lines, numbering split off.

    Table cells become lines too (a prose post may hold a small table), row by row; so do the cells of a
    table of figures dumped to text a cell a line (``base.figure_tables``), each row one line.

    >>> dump = [Block("paragraph", t) for t in ("\\tอำเภอ", "\\tร้อยละ", "\\tนาแก", "\\t84.18", " \\tลี้", "\\t90")]
    >>> [line.text for line in lines_of(dump)]
    ['อำเภอ ร้อยละ', 'นาแก 84.18', 'ลี้ 90']
    """
    lines: list[Line] = []
    last_sub: str | None = None
    dumped = {start: (end, rows) for start, end, rows in figure_tables(blocks) if blocks[start].kind != "table"}
    skip_to = 0
    for at, block in enumerate(blocks):
        if at < skip_to:
            continue
        if at in dumped:
            skip_to, rows = dumped[at]
            lines.append(Line(" ".join(rows[0].heads), page=block.page))
            lines += [Line(row.text, page=block.page) for row in rows]
            continue
        if block.kind == "table":
            for row in block.rows or []:
                text = " ".join(collapse(c) for c in row if c.strip())
                if text:
                    lines.append(Line(text, page=block.page))
            continue
        parts = block.text.split("\n")
        for n, part in enumerate(parts):
            if not part.strip():
                continue
            if block.label and n == 0:
                lines.append(Line(part.strip(), label=block.label, listed=True, page=block.page, level=block.level))
            else:
                lines.append(_numbered(part, block.page, last_sub))
            if lines[-1].label and _SUB_LABEL.search(lines[-1].label):
                last_sub = lines[-1].label
    return lines


def _numbered(text: str, page: int | None, last_sub: str | None = None) -> Line:
    """A line with its numbering split off; ``last_sub`` is the last sub-point's label above it, so that
    ``4.100`` counts after ``4.99`` (three digits after the dot are a figure's, 12.500, otherwise)."""
    reading = to_arabic_digits(text)
    match = SUB_POINT.match(reading) or MARKER.match(reading) or _next_long_sub_point(reading, last_sub)
    if match:
        return Line(text[match.end() :].strip(), label=collapse(text[: match.end()]), page=page)
    return Line(text.strip(), page=page)


def _next_long_sub_point(reading: str, last_sub: str | None) -> re.Match | None:
    """``4.100 …`` after ``4.99``: the next sub-point, not a figure.

    >>> [line.label for line in lines_of([Block("paragraph", "4.99 ผ้าไทย\\n- ให้รายงาน\\n4.100 ตลาดนัด\\n12.500 บาท")])]
    ['4.99', '-', '4.100', None]
    """
    match = _LONG_SUB_POINT.match(reading) if last_sub else None
    if match is None:
        return None
    before = re.findall(r"\d+", to_arabic_digits(last_sub or ""))
    if len(before) == 2 and before[0] == match.group("major") and int(before[1]) + 1 == int(match.group("minor")):
        return match
    return None


def split_inline(text: str, after: int = 0, style: str | None = None) -> list[tuple[str | None, str]]:
    """Split a line whose points run together (``ดังนี้ 1)โครงการ… 2)การ…``) into (label, text) parts.

    Only markers that follow on from 1 count; the text before the first stays
    as a part without a label. A line that is itself point ``after`` (numbered in ``style``: a PDF breaks a
    paragraph where a point opens a line) holds the points that follow on from it, one alone counts.

    >>> split_inline("มีข้อสั่งการ ดังนี้ 1)กองทุนหมู่บ้าน ให้รายงาน 12 กองทุน 2)การเบิกจ่าย ให้เร่งรัด")
    [(None, 'มีข้อสั่งการ ดังนี้'), ('1)', 'กองทุนหมู่บ้าน ให้รายงาน 12 กองทุน'), ('2)', 'การเบิกจ่าย ให้เร่งรัด')]
    >>> split_inline("จัดเก็บได้ 88.41% ของ 12 หมู่บ้าน")
    [(None, 'จัดเก็บได้ 88.41% ของ 12 หมู่บ้าน')]
    >>> split_inline("ตลาดนัด ให้จัดร้านค้า 3)ผ้าไทย ให้แต่งกาย", after=2, style="1)")
    [(None, 'ตลาดนัด ให้จัดร้านค้า'), ('3)', 'ผ้าไทย ให้แต่งกาย')]
    >>> split_inline("ตลาดนัด ให้จัดร้านค้า 3)ผ้าไทย", after=2, style="1."), split_inline("ให้ส่ง 5)แผน", after=2, style="1)")
    ([(None, 'ตลาดนัด ให้จัดร้านค้า 3)ผ้าไทย')], [(None, 'ให้ส่ง 5)แผน')])
    """
    reading = to_arabic_digits(text)
    cuts: list[tuple[int, int, str]] = []
    expected = after + 1
    for match in _INLINE.finditer(reading):
        number = int(match.group("paren") or match.group("num"))
        kind = "(1)" if match.group("paren") else "1" + match.group("close")
        if number == expected and (style is None or kind == style):
            cuts.append((match.start(), match.end(), text[match.start() : match.end()]))
            expected, style = number + 1, kind
    led_in = bool(cuts) and (after > 0 or _LEAD_IN.search(text[: cuts[0][0]]) is not None)
    if len(cuts) < 2 and not led_in:  # one marker counts only after a lead-in (ดังนี้ (1) …) or the point before it
        return [(None, text)]
    parts: list[tuple[str | None, str]] = []
    lead = text[: cuts[0][0]].strip()
    if lead:
        parts.append((None, lead))
    for n, (_, end, label) in enumerate(cuts):
        stop = cuts[n + 1][0] if n + 1 < len(cuts) else len(text)
        parts.append((label, text[end:stop].strip()))
    return parts


def marker_at(line: str) -> re.Match | None:
    """``MARKER.match`` of the line read with Arabic digits, reading only its first characters:
    a marker is at most five characters after the indent. Should the match reach the end of
    what was read (spaces after the marker, a digit just past it), the whole line is read.

    >>> marker_at("  ๓) ให้จังหวัดรายงาน").group("num"), marker_at("ให้รายงาน 2. ครั้ง") is None
    ('3', True)
    """
    cut = len(line) - len(line.lstrip()) + 8
    if cut >= len(line):
        return MARKER.match(to_arabic_digits(line))
    match = MARKER.match(to_arabic_digits(line[:cut]))
    if match is not None and match.end() >= cut:
        return MARKER.match(to_arabic_digits(line))
    return match


def split_directives(cell: str) -> list[tuple[str | None, str]]:
    """Split a ข้อสั่งการ cell into (label, text) directives.

    A directive starts at numbering at the start of a line (``1.``, ``1)``,
    ``(1)``, ``๑.``) or a bullet (``-``, ``•``); numbers inside a line are text.
    Numbering must follow on (1, 2, 3…), so a stray ``5.`` at a line start
    stays in its directive. A cell without numbering is one directive.

    >>> split_directives("1. ตรวจสอบ 76 จังหวัด\\n2. ชี้แจง 4 เรื่องคือ 1. ก 2. ข\\nต่อบรรทัด")
    [('1.', 'ตรวจสอบ 76 จังหวัด'), ('2.', 'ชี้แจง 4 เรื่องคือ 1. ก 2. ข ต่อบรรทัด')]
    """
    style = None
    last = 0
    parts: list[list] = []  # [label, [lines]]
    for line in cell.split("\n"):
        match = marker_at(line)
        starts = False
        if match:
            number = match.group("paren") or match.group("num")
            kind = "bullet" if match.group("bullet") else "number"
            if style is None:
                style = kind
            if kind == style == "bullet":
                starts = True
            elif kind == style == "number" and (int(number) == last + 1 if last else int(number) <= FIRST_NUMBER_MAX):
                starts = True
                last = int(number)
        if starts and match is not None:
            parts.append([collapse(line[: match.end()]), [line[match.end() :]]])
        elif parts:
            parts[-1][1].append(line)
        elif line.strip():
            parts.append([None, [line]])
    directives = []
    for label, body in parts:
        text = collapse(" ".join(body))
        if text:
            directives.append((label, text))
    return directives
