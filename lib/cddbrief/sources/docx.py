"""Word .docx: paragraphs, Word's automatic list numbering and tables -> blocks.

python-docx opens the package; the body is walked in order. A paragraph that
Word numbers itself (``numPr`` on it or on its style) becomes a list item with
its number written out as Word would print it (``1.``, ``(ก)``, ``๑.``), since
the text in the file holds no number. Merged table cells count once.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from ..errors import UnreadableSource
from ..model import Block, Note, Source
from .document import RawDocument

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
THAI_LETTERS = "กขคงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ"
_MAX_STYLE_CHAIN = 10  # styles inherit; the chain is short, the bound guards a loop
# What a meeting's Word file can hold: far above any real one, far below what would take minutes or gigabytes.
MAX_UNZIPPED = 64 * 2**20  # bytes of all its parts, unzipped (a 1.5 MB zip can unzip to gigabytes)
MAX_TEXT = 16 * 2**20  # bytes of its XML parts (the text and its markup) unzipped: 20,000 table rows take ~7 MB
MAX_PARTS = 2000
MAX_STYLES = 5000
MAX_PARAGRAPHS = 50_000
MAX_ROWS = 20_000
# Word's own limits, checked before anything is allocated: a list has levels 0-8, a table 63 columns
WORD_LEVELS = 9
WORD_COLUMNS = 63
MAX_LEVEL_TEXT = (
    64  # characters of a level's number pattern (lvlText: "%1.", "ข้อ %1.%2)"); Word's dialog allows far fewer
)


def read_docx(data: bytes, name: str, digest: str):
    """A .docx as a RawDocument: paragraphs, numbered list items and tables, in order."""

    label = Path(name).name
    if not data.startswith(b"PK"):
        raise UnreadableSource(
            f"{label} is not a Word .docx file (it is not a zip archive)", "open it in Word and save it as .docx"
        )
    _check_package(data, label)
    try:
        import docx  # python-docx

        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise UnreadableSource(
            f"{label} is not a readable Word .docx file ({exc})", "open it in Word and save it as .docx"
        ) from None
    except Exception as exc:  # lxml and python-docx raise many kinds on broken parts
        raise UnreadableSource(
            f"{label} is a damaged Word file ({type(exc).__name__})", "open it in Word and save it again"
        ) from None

    numbering = _Numbering(document)
    if len(numbering._styles) > MAX_STYLES:
        raise _too_many(label, "styles", len(numbering._styles), MAX_STYLES)
    blocks: list[Block] = []
    auto_numbered = 0
    paragraphs = rows = 0
    counts: dict[str, int] = {}
    for child in document.element.body.iterchildren():
        if child.tag == f"{W}p":
            paragraphs += 1
            if paragraphs > MAX_PARAGRAPHS:
                raise _too_many(label, "paragraphs", paragraphs, MAX_PARAGRAPHS)
            text = _text(child)
            if not text.strip():
                continue
            number = numbering.label_of(child)
            if number is not None:
                auto_numbered += 1
                blocks.append(Block("list_item", text, label=number[0], level=number[1]))
            else:
                blocks.append(Block("paragraph", text))
        elif child.tag == f"{W}tbl":
            rows += sum(1 for _ in child.iterchildren(f"{W}tr"))
            if rows > MAX_ROWS:
                raise _too_many(label, "table rows", rows, MAX_ROWS)
            counts["wide"] = counts.get("wide", 0) + clamp_grid_spans(child)
            table_rows, numbered = _table_rows(docx.table.Table(child, document), numbering, counts)
            auto_numbered += numbered
            blocks.append(Block("table", rows=table_rows))
    if not any(b.text.strip() for b in blocks if b.kind != "table") and not any(
        cell.strip() for b in blocks if b.kind == "table" for row in b.rows for cell in row
    ):
        raise UnreadableSource(
            f"{label} holds no text", "check that this is the right file, saved from Word with its text"
        )
    notes = []
    if auto_numbered:
        notes.append(
            Note(
                "repair",
                f"Word's automatic numbering was written out as 1., 2., … ({auto_numbered} paragraphs)",
                th=f"เลขข้ออัตโนมัติของ Word เขียนออกมาเป็น 1., 2., … ({auto_numbered} ย่อหน้า)",
            )
        )
    if counts.get("merged"):
        notes.append(
            Note(
                "merged",
                f"{counts['merged']} places of merged table cells were read once, where each merged cell starts",
                th=f"อ่านช่องตารางที่ผสานเซลล์ไว้เพียงครั้งเดียว ณ ช่องแรกของเซลล์ที่ผสาน ({counts['merged']} ช่อง)",
            )
        )
    notes += numbering.notes()
    if counts.get("wide"):
        wide = counts["wide"]
        notes.append(Note("repair", f"{wide} table cells spanning past Word's {WORD_COLUMNS} columns were cut to them",
                          th=f"ช่องตาราง {wide} ช่องที่ขยายเกิน {WORD_COLUMNS} คอลัมน์ของ Word ถูกตัดให้พอดี"))  # fmt: skip
    if counts.get("nested"):
        notes.append(
            Note(
                "merged",
                f"{counts['nested']} tables inside table cells were read as lines of their cell",
                th=f"อ่านตารางซ้อนในช่องตาราง {counts['nested']} ตาราง เป็นบรรทัดของช่องนั้น",
            )
        )
    return RawDocument(Source(name, digest, "docx", None), blocks=blocks, notes=notes)


def _check_package(data: bytes, label: str) -> None:
    """Refuse a package whose unzipped parts would take far more than a meeting's Word file, before opening it."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            infos = package.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise UnreadableSource(
            f"{label} is not a readable Word .docx file ({exc})", "open it in Word and save it as .docx"
        ) from None
    unzipped = sum(info.file_size for info in infos)
    if len(infos) > MAX_PARTS or unzipped > MAX_UNZIPPED:
        raise UnreadableSource(
            f"{label} unzips to {unzipped / 2**20:.0f} MB in {len(infos)} parts, far more than a meeting's Word file "
            f"(limit {MAX_UNZIPPED // 2**20} MB, {MAX_PARTS} parts)",
            "check that this is the right file; save it again from Word without embedded files",
        )
    text = sum(info.file_size for info in infos if info.filename.lower().endswith((".xml", ".rels")))
    if text > MAX_TEXT:  # parsed, walked and read, XML costs ~40 times its size in time and memory
        raise UnreadableSource(
            f"{label}: its text unzips to {text / 2**20:.0f} MB of XML, far more than a meeting's Word file "
            f"(limit {MAX_TEXT // 2**20} MB)",
            "check that this is the right file; a meeting's write-up is tens of pages",
        )


def clamp_grid_spans(table) -> int:
    """Cut each cell's ``w:gridSpan`` so that no row of the table (and of tables inside it) passes Word's
    63 columns, in the parsed XML, before python-docx makes one cell object per column spanned (a
    gridSpan of 200,000,000 took gigabytes); returns how many cells were cut."""
    cut = 0
    for row in table.iter(f"{W}tr"):
        used = 0
        for tc in row.iterchildren(f"{W}tc"):
            span = tc.find(f"{W}tcPr/{W}gridSpan")
            asked = _int(span.get(f"{W}val")) if span is not None else 1
            allowed = max(1, min(asked, WORD_COLUMNS - used))
            if span is not None and allowed != asked:
                span.set(f"{W}val", str(allowed))
                cut += 1
            used += allowed
    return cut


def _too_many(label: str, what: str, count: int, limit: int) -> UnreadableSource:
    return UnreadableSource(
        f"{label} has more than {limit:,} {what} ({count:,}), far more than a meeting's write-up",
        "check that this is the right file",
    )


def _text(paragraph) -> str:
    """A paragraph's text: runs, tabs and line breaks as Word shows them."""
    parts = []
    for node in paragraph.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr"):
        if node.tag == f"{W}t":
            parts.append(node.text or "")
        elif node.tag == f"{W}tab":
            parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


def _table_rows(table, numbering: _Numbering, counts: dict) -> tuple[list[list[str]], int]:
    """Cell texts of every row, one per grid column; numbered paragraphs get their numbers.

    A merged cell is read once, where it starts: the grid places it covers to its right
    (gridSpan) or below (vMerge) are empty, so no directive or figure is counted twice and
    every cell stays under its column. A table inside a cell is read as lines of that cell.
    """
    rows = []
    numbered = 0
    read: list = []  # the cells read so far; holding them keeps lxml's element proxies (and so their ids) alive
    seen: set[int] = set()
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            tc = cell._tc
            if id(tc) in seen:  # a place a merged cell covers: read where the cell starts
                counts["merged"] = counts.get("merged", 0) + 1
                cells.append("")
                continue
            seen.add(id(tc))
            read.append(tc)
            lines = []
            for child in tc.iterchildren(f"{W}p", f"{W}tbl"):
                if child.tag == f"{W}tbl":
                    counts["nested"] = counts.get("nested", 0) + 1
                    for nested_row in child.iterchildren(f"{W}tr"):
                        texts = [
                            " ".join(_text(p) for p in nested.iter(f"{W}p")).strip()
                            for nested in nested_row.iterchildren(f"{W}tc")
                        ]
                        lines.append(" | ".join(t for t in texts if t))
                    continue
                text = _text(child)
                number = numbering.label_of(child, scope=id(tc)) if text.strip() else None
                if number is not None:
                    numbered += 1
                    text = f"{number[0]} {text}"
                lines.append(text)
            cells.append("\n".join(lines))
        rows.append(cells)
    return rows, numbered


class _Numbering:
    """Word's list numbering, rendered as it prints: counters per list and level.

    Formats read from numbering.xml: decimal, Thai digits and letters, Latin
    letters, Roman numerals, bullets; ``lvlText`` such as ``%1.`` or ``(%1)``.
    """

    def __init__(self, document):
        self.formats: dict[tuple[str, int], tuple[str, str, int]] = {}  # (numId, ilvl) -> (numFmt, lvlText, start)
        self.odd_levels: list[int] = []  # levels outside Word's 0-8 that paragraphs asked for
        self.long_texts = 0  # level patterns longer than MAX_LEVEL_TEXT, replaced by "%N."
        self.in_digits = 0  # Roman-numbered labels past MAX_ROMAN, written in digits
        self.style_numbering: dict[str, tuple[str, int] | None] = {}
        self.counters: dict[tuple, list[int]] = {}
        part = document.part
        try:
            root = part.numbering_part.element
        except (KeyError, NotImplementedError):
            root = None
        if root is not None:
            abstract = {}
            for node in root.iterchildren(f"{W}abstractNum"):
                levels = {}
                for lvl in node.iterchildren(f"{W}lvl"):
                    ilvl = _int(lvl.get(f"{W}ilvl", "0"))
                    if not 0 <= ilvl < WORD_LEVELS:
                        continue  # no paragraph can be at it: their levels are read within Word's range
                    fmt = lvl.find(f"{W}numFmt")
                    text = lvl.find(f"{W}lvlText")
                    start = lvl.find(f"{W}start")
                    pattern = text.get(f"{W}val", "%1.") if text is not None else "%1."
                    if len(pattern) > MAX_LEVEL_TEXT:
                        self.long_texts += 1
                        pattern = f"%{ilvl + 1}."
                    levels[ilvl] = (
                        fmt.get(f"{W}val", "decimal") if fmt is not None else "decimal",
                        pattern,
                        _int(start.get(f"{W}val")) if start is not None else 1,
                    )
                abstract[node.get(f"{W}abstractNumId")] = levels
            for num in root.iterchildren(f"{W}num"):
                ref = num.find(f"{W}abstractNumId")
                levels = abstract.get(ref.get(f"{W}val")) if ref is not None else None
                for ilvl, spec in (levels or {}).items():
                    self.formats[(num.get(f"{W}numId"), ilvl)] = spec
        styles = {}
        try:
            for style in document.styles.element.iterchildren(f"{W}style"):
                styles[style.get(f"{W}styleId")] = style
        except Exception:  # a document without a styles part
            styles = {}
        self._styles = styles

    def label_of(self, paragraph, scope=None) -> tuple[str, int] | None:
        """(label as printed, level) when Word numbers this paragraph, else None."""
        ppr = paragraph.find(f"{W}pPr")
        num_id, ilvl = None, 0
        num_pr = ppr.find(f"{W}numPr") if ppr is not None else None
        if num_pr is None and ppr is not None:
            style = ppr.find(f"{W}pStyle")
            num_pr = self._style_num_pr(style.get(f"{W}val")) if style is not None else None
        if num_pr is None:
            return None
        node = num_pr.find(f"{W}numId")
        num_id = node.get(f"{W}val") if node is not None else None
        node = num_pr.find(f"{W}ilvl")
        ilvl = _int(node.get(f"{W}val")) if node is not None else 0
        if num_id == "0":
            return None  # numbering switched off on this paragraph
        if not 0 <= ilvl < WORD_LEVELS:  # Word has levels 0-8: read as the nearest, and noted
            if len(self.odd_levels) < 5 and ilvl not in self.odd_levels:
                self.odd_levels.append(ilvl)
            ilvl = min(max(ilvl, 0), WORD_LEVELS - 1)
        fmt, pattern, start = self.formats.get((num_id, ilvl), ("decimal", f"%{ilvl + 1}.", 1))
        counters = self.counters.setdefault((scope, num_id), [])
        while len(counters) <= ilvl:
            counters.append(0)
        counters[ilvl] += 1
        del counters[ilvl + 1 :]
        if fmt == "bullet":
            return "•", ilvl
        label = pattern
        for level, count in enumerate(counters):
            level_fmt = self.formats.get((num_id, level), (fmt, "", start))
            number = count + level_fmt[2] - 1
            if f"%{level + 1}" in label:
                if level_fmt[0] in ("lowerRoman", "upperRoman") and not 1 <= number <= MAX_ROMAN:
                    self.in_digits += 1
                label = label.replace(f"%{level + 1}", _format(number, level_fmt[0]))
        return label.strip() or f"{counters[ilvl]}.", ilvl

    def notes(self) -> list[Note]:
        """What reading the numbering changed: levels outside Word's range, patterns too long, Roman past 3,999."""
        found = []
        if self.odd_levels:
            levels = ", ".join(str(n) for n in self.odd_levels)
            last = WORD_LEVELS - 1
            found.append(Note("repair", f"list level {levels} is outside Word's levels 0-{last}; read as the nearest",
                              th=f"ระดับรายการ {levels} อยู่นอกระดับ 0-{last} ของ Word จึงอ่านเป็นระดับที่ใกล้ที่สุด"))  # fmt: skip
        if self.long_texts:
            found.append(
                Note(
                    "repair",
                    f"{self.long_texts} list numbering texts longer than {MAX_LEVEL_TEXT} characters "
                    "were read as 1., 2., …",
                    th=f"รูปแบบเลขข้อ {self.long_texts} แบบที่ยาวเกิน {MAX_LEVEL_TEXT} อักขระ อ่านเป็น 1., 2., …",
                )
            )
        if self.in_digits:
            found.append(digits_note(self.in_digits))
        return found

    def _style_num_pr(self, style_id: str | None):
        for _ in range(_MAX_STYLE_CHAIN):
            style = self._styles.get(style_id)
            if style is None:
                return None
            ppr = style.find(f"{W}pPr")
            if ppr is not None and ppr.find(f"{W}numPr") is not None:
                return ppr.find(f"{W}numPr")
            based = style.find(f"{W}basedOn")
            style_id = based.get(f"{W}val") if based is not None else None
        return None


def _int(text: str | None) -> int:
    try:
        return int(text or 0)
    except ValueError:
        return 0


def _format(number: int, fmt: str) -> str:
    """A list counter as Word prints it.

    >>> _format(3, "decimal"), _format(3, "thaiNumbers"), _format(3, "thaiLetters"), _format(4, "lowerRoman")
    ('3', '๓', 'ค', 'iv')
    """
    if fmt in ("thaiNumbers", "thaiCounting"):
        return str(number).translate(THAI_DIGITS)
    if fmt == "thaiLetters":
        return THAI_LETTERS[(number - 1) % len(THAI_LETTERS)]
    if fmt in ("lowerLetter", "upperLetter"):
        letter = "abcdefghijklmnopqrstuvwxyz"[(number - 1) % 26]
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = roman_numeral(number)
        return roman.upper() if fmt == "upperRoman" else roman
    return str(number)


MAX_ROMAN = 3999  # browsers write a lower-roman counter past 3,999 in digits (CSS counter styles); so do we


def roman_numeral(number: int) -> str:
    """A counter in lower-case Roman numerals, as Word and browsers number lists; past ``MAX_ROMAN``
    (or below 1) in digits, as browsers do, since 10¹⁵ would be 10¹² letters (callers note it).

    >>> roman_numeral(9), roman_numeral(14), roman_numeral(2024), roman_numeral(10**15)
    ('ix', 'xiv', 'mmxxiv', '1000000000000000')
    """
    if not 1 <= number <= MAX_ROMAN:
        return str(number)
    out = ""
    for value, letters in (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ):
        count, number = divmod(number, value)
        out += letters * count
    return out


def digits_note(count: int) -> Note:
    """The note on list numbers written in digits where the list asks for Roman numerals."""
    return Note(
        "repair",
        f"{count} list numbers past {MAX_ROMAN:,} (or below 1) were written in digits, not Roman numerals",
        th=f"เลขข้อ {count} ข้อที่เกิน {MAX_ROMAN:,} (หรือต่ำกว่า 1) เขียนเป็นตัวเลข ไม่ใช่เลขโรมัน",
    )
