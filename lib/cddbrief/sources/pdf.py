"""PDF: the text layer of each page -> blocks: one paragraph per line, tables (ruled or not) as tables.

pypdfium2 (PDFium) reads the characters with their boxes; it was chosen over
pdfplumber by measurement (benchmarks/bench_pdf.py): some 40 times faster, and
its Thai comes out in logical order where pdfminer's is reordered by position
(``คร้ังท่ี``). Tables are found from the page's path objects: the thin lines
Word and LibreOffice draw as cell borders make a grid; a character belongs to
the cell its box's centre falls in. A table drawn without lines (Word's plain
table) is read from where its text stands: a header row of column words far
apart gives the columns, the item numbers give the rows (``find_borderless``).
Spaces are decided by the gaps between boxes, not by PDFium's guesses, so a
mark drawn to the left of its letter adds no space. Thai is repaired line by
line (``pdfthai``); a word a wrap broke is joined where the dictionary knows
it (``broken_word``); every kind of repair is noted once, with its count. Page
headers, footers and page numbers are dropped with a note (a title on every
page is kept once). A PDF with no text layer is read by OCR when tesseract with
its Thai model is installed; otherwise it is refused with what to do.

Every pass is bounded before it runs (the MAX_ constants below, each a note or
one error line): the unpacked size of the page content before PDFium parses
it, characters per page and per document, path objects and grid size for the
table finder, pages and pixels for OCR; the repairs are one pass over a line.
"""

from __future__ import annotations

import ctypes
import io
import re
import shutil
import subprocess
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ..errors import CddbriefError, UnreadableSource
from ..filekinds import PDF
from ..glossary import measure_alternation
from ..model import Block, Note, Source
from ..thaidates import MONTHS
from ..thaitext import BULLETS
from . import pdfthai
from .document import RawDocument

MAX_PAGES = 200  # a meeting summary is a few pages
MAX_PAGE_SIDE = 5080.0  # points: 1.8 m; A0 is 1189 mm
MAX_CHARS_PER_PAGE = 30_000  # a dense A4 page of Thai holds some 4,000
MAX_PATHS_PER_PAGE = 20_000  # path objects: more make a drawing, not a page of text and tables
MAX_LINE_PAIRS = 1_000_000  # ruling lines across × along a page: a page of a summary's table draws some 300 × 300
MAX_GRID_COLUMNS, MAX_GRID_ROWS = 64, 200  # one table on one page (Word allows 63 columns)
MAX_UNPACKED = (
    64 * 2**20
)  # bytes of the PDF's compressed streams (images and fonts aside), unpacked before PDFium parses
MAX_STREAM_UNPACKED = 8 * 2**20  # bytes of one such stream: a dense page of text is some 100 kB (PDFium: ~270 B a path)
MAX_OCR_PAGES = 30  # scanned pages read by OCR in one document
MAX_OCR_PIXELS = 12_000_000  # per page: A4 at 300 dpi is 8.7 million; a larger page is rendered at a lower resolution
MAX_CHARS = 500_000  # in the whole document: 100 dense pages of Thai hold about 400,000
_LINE_WIDTH = 3.0  # points: a ruling line is thinner than this
_SNAP = 2.5  # points: lines closer than this are one
_WRAP_GAP = 0.25  # lines of a paragraph stand closer than this share of a line's height (their boxes hold the leading)
_MARK_REACH = 300  # letters: how far back along its line a mark drawn out of order looks for its letter
_SPACE_GAP = 0.22  # a gap wider than this share of the font size is a space (a font switch leaves 0.2)

_MARKS = set(pdfthai.MARKS)
_NOTHING_BEFORE = set(pdfthai.MARKS + pdfthai.FOLLOWING_VOWELS)
_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-–—]\s*[0-9๐-๙]+\s*[-–—]|(?:หน้า|หน้าที่|page|Page)\s*[0-9๐-๙]+(?:\s*(?:/|จาก|of)\s*[0-9๐-๙]+)?|[0-9๐-๙]+\s*/\s*[0-9๐-๙]+|[0-9๐-๙]{1,3})\s*$"
)


def read_pdf(data: bytes, name: str, digest: str):
    """A PDF as a RawDocument: lines of text as paragraphs, ruled tables as tables, page by page.

    Raises CddbriefError, and nothing else, for a PDF that cannot be read.
    """
    label = Path(name).name
    if PDF not in data[:1024]:  # where PDFium looks for it
        raise UnreadableSource(
            f"{label} is not a PDF file (it does not start with {PDF.decode()})",
            "check that this is the right file, or save it again as PDF",
        )
    try:
        return _read(data, name, digest, label)
    except CddbriefError:
        raise
    except MemoryError:
        raise UnreadableSource(
            f"{label} is a PDF too large to read here", "give a smaller file, or the original .docx"
        ) from None
    except Exception as exc:  # PDFium and ctypes raise many kinds on damaged files
        raise UnreadableSource(
            f"{label} is a PDF file that cannot be read ({type(exc).__name__}: damaged or cut short)",
            "open it and save it again as PDF, or give the original .docx",
        ) from None


def _open(data: bytes, label: str):
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if raw.FPDF_GetLastError() == raw.FPDF_ERR_PASSWORD or "password" in str(exc).lower():
            raise UnreadableSource(
                f"{label} is a password-protected PDF", "give a copy saved without a password"
            ) from None
        raise UnreadableSource(
            f"{label} is a PDF file that cannot be read ({exc}: damaged or cut short)",
            "open it and save it again as PDF, or give the original .docx",
        ) from None


_LENGTH = re.compile(rb"/Length\s+(\d+)(?!\s+\d+\s+R)")
_FONT_FILE = re.compile(rb"/Length1|/Subtype\s*/(?:Type1C|CIDFontType0C|OpenType)")  # an embedded font program


def _check_unpacked(data: bytes, label: str) -> None:
    """Refuse a PDF whose compressed streams (images and fonts aside) unpack to more than MAX_UNPACKED bytes,
    or one of them to more than MAX_STREAM_UNPACKED, before PDFium parses a page: a few kB can unpack to
    millions of path objects and gigabytes.

    One pass over the file: each ``stream`` keyword's dictionary says whether it is
    Flate and not an image; its data is unpacked in bounded steps, then skipped.
    """
    import zlib

    total, at = 0, 0
    while (found := data.find(b"stream", at)) != -1:
        at = found + 6
        if data[found - 3 : found] == b"end":
            continue
        if data[at : at + 2] == b"\r\n":
            begin = at + 2
        elif data[at : at + 1] in (b"\n", b"\r"):
            begin = at + 1
        else:
            continue
        head = data[max(0, found - 4000) : found]  # the stream's dictionary
        head = head[head.rfind(b"obj") + 3 :] if b"obj" in head else head
        end = data.find(b"endstream", begin)
        end = len(data) if end == -1 else end
        length = _LENGTH.search(head)
        if length:  # a /Length that says more than is there is not believed
            end = min(end, begin + int(length.group(1)))
        at = max(at, end)  # the data is no dictionary: go past it
        if b"/FlateDecode" not in head or b"/Image" in head or _FONT_FILE.search(head):
            continue
        unpack = zlib.decompressobj()
        size = 0
        try:
            for chunk in range(begin, end, 65536):
                budget = min(MAX_UNPACKED - total, MAX_STREAM_UNPACKED - size) + 1
                size += len(unpack.decompress(data[chunk : chunk + 65536], budget))
                while unpack.unconsumed_tail and size <= MAX_STREAM_UNPACKED and total + size <= MAX_UNPACKED:
                    budget = min(MAX_UNPACKED - total, MAX_STREAM_UNPACKED - size) + 1
                    size += len(unpack.decompress(unpack.unconsumed_tail, budget))
                if size > MAX_STREAM_UNPACKED or total + size > MAX_UNPACKED:
                    one = size > MAX_STREAM_UNPACKED
                    limit = (MAX_STREAM_UNPACKED if one else MAX_UNPACKED) / 2**20
                    raise UnreadableSource(
                        f"{label} {'has a stream that ' if one else ''}unpacks to more than {limit:g} MB "
                        "of page content, far more than a meeting summary",
                        "check that this is the right file, or print it again to PDF",
                    )
                if unpack.eof:
                    break
        except zlib.error:
            pass  # a damaged stream: PDFium decides
        total += size


def _read(data: bytes, name: str, digest: str, label: str):

    _check_unpacked(data, label)
    pdf = _open(data, label)
    try:
        pages = len(pdf)
        if pages == 0:
            raise UnreadableSource(f"{label} is a PDF with no pages", "check that this is the right file")
        if pages > MAX_PAGES:
            raise UnreadableSource(
                f"{label} has {pages} pages, too many for a meeting summary (limit {MAX_PAGES})",
                "check that this is the right file",
            )
        title = (pdf.get_metadata_dict().get("Title") or "").strip() or None
        fonts = _Fonts()
        page_blocks: list[list[Block]] = []
        counts: Counter = Counter()
        text_chars = 0
        columns = _Columns()
        for number in range(1, pages + 1):
            page = pdf[number - 1]
            width, height = page.get_size()
            if max(width, height) > MAX_PAGE_SIDE:
                raise UnreadableSource(
                    f"page {number} of {label} is {width / 72 * 2.54:.0f} × {height / 72 * 2.54:.0f} cm, "
                    "not a page of a meeting summary",
                    "check that this is the right file",
                )
            blocks, chars = _read_page(page, number, fonts, counts, label, columns)
            text_chars += chars
            page_blocks.append(blocks)
        notes: list[Note] = []
        if text_chars == 0:
            page_blocks = _ocr(pdf, label, counts)
            notes.append(
                Note(
                    "warning",
                    "the text was read by OCR from a scanned PDF; check every figure against the original",
                    th="อ่านข้อความด้วย OCR จาก PDF ที่สแกนมา ควรตรวจตัวเลขทุกตัวกับต้นฉบับ",
                )
            )
            for blocks in page_blocks:
                for block in blocks:
                    block.text, found = pdfthai.repair_line(block.text)
                    counts.update(found)
    finally:
        pdf.close()
    dropped = _drop_headers_and_footers(page_blocks)
    blocks = [block for page in page_blocks for block in page]
    if not any(b.text.strip() for b in blocks if b.kind != "table") and not any(
        c.strip() for b in blocks if b.kind == "table" for row in b.rows for c in row
    ):
        raise UnreadableSource(f"{label} holds no text", "check that this is the right file")
    for kind, (english, thai) in pdfthai.REPAIRS.items():
        if counts.get(kind):
            notes.append(Note("repair", english.format(n=counts[kind]), th=thai.format(n=counts[kind])))
    for kind, (note_kind, english, thai) in _READING_NOTES.items():
        if counts.get(kind):
            notes.append(Note(note_kind, english.format(n=counts[kind]), th=thai.format(n=counts[kind])))
    if dropped:
        notes.append(
            Note(
                "skipped",
                f"{dropped} page header, footer or page-number lines were left out",
                th=f"ตัดหัวกระดาษ ท้ายกระดาษ หรือเลขหน้า {dropped} บรรทัด",
            )
        )
    return RawDocument(Source(name, digest, "pdf", None), blocks=blocks, title=title, notes=notes)


# What reading a PDF's characters had to do, by count: (note kind, English, Thai).
_READING_NOTES = {
    "glyph_named": (
        "repair",
        "{n} Thai glyphs without Unicode in the PDF were read from the font's glyphs",
        "อ่านอักษรไทยที่ไม่มีรหัส Unicode ใน PDF จากรูปอักษรของฟอนต์ {n} ตัว",
    ),
    "glyph_guessed": (
        "warning",
        "{n} glyphs without Unicode before SARA AA were read as NIKHAHIT (SARA AM); "
        "a tone mark drawn with them may be lost",
        "อ่านรูปอักษรที่ไม่มีรหัส Unicode หน้าสระอาเป็นสระอำ {n} แห่ง วรรณยุกต์อาจหายไป",
    ),
    "glyph_dropped": (
        "warning",
        "{n} glyphs without Unicode in the PDF could not be read and were left out",
        "ตัดรูปอักษรที่ไม่มีรหัส Unicode และอ่านไม่ได้ {n} ตัว",
    ),
    "aa_as_am": (
        "repair",
        "{n} SARA AA that the PDF's font maps to SARA AM were read as SARA AA",
        "อ่านสระอาที่ฟอนต์ใน PDF กำหนดรหัสเป็นสระอำ {n} แห่ง",
    ),
    "marker_moved": (
        "repair",
        "{n} list numbers or bullets the PDF draws apart from their text were put back at the start of their line",
        "ย้ายเลขข้อหรือสัญลักษณ์หัวข้อที่ PDF วาดแยกจากข้อความ กลับไปไว้ต้นบรรทัดของตน {n} แห่ง",
    ),
    "surrogate": (
        "warning",
        "{n} character(s) the PDF maps to no real character (a lone UTF-16 surrogate) were read as U+FFFD (�)",
        "อักขระ {n} ตัวที่ PDF กำหนดรหัสที่ไม่ใช่อักขระจริง (surrogate) อ่านเป็น U+FFFD (�)",
    ),
    "drawing": (
        "skipped",
        "{n} page(s) hold more than 20,000 drawn paths: read as text without looking for ruled tables",
        "{n} หน้ามีเส้นที่วาดมากกว่า 20,000 เส้น อ่านเป็นข้อความโดยไม่หาตาราง",
    ),
    "grid": (
        "skipped",
        "{n} grid(s) of ruling lines finer than a meeting summary's table (more than 64 columns or 200 rows on a page) "
        "were read as text",
        "ตารางเส้น {n} ตารางที่ละเอียดเกินตารางสรุปการประชุม (เกิน 64 คอลัมน์หรือ 200 แถวต่อหน้า) อ่านเป็นข้อความ",
    ),
    "markers_left": (
        "skipped",
        "{n} lone list numbers or bullets (more than 300 on a page) were left where the PDF puts them",
        "เลขข้อหรือสัญลักษณ์หัวข้อที่อยู่เดี่ยว {n} ตัว (เกิน 300 ตัวต่อหน้า) คงไว้ตามตำแหน่งใน PDF",
    ),
    "ocr_coarse": (
        "warning",
        "{n} scanned page(s) larger than A3 were read by OCR at less than 300 dpi (at most 12 million pixels a page)",
        "อ่านหน้าสแกน {n} หน้าที่ใหญ่กว่า A3 ด้วย OCR ที่ความละเอียดต่ำกว่า 300 dpi (ไม่เกิน 12 ล้านพิกเซลต่อหน้า)",
    ),
    "ocr_blank": ("skipped", "{n} blank scanned page(s) were not read by OCR", "ข้ามหน้าสแกนว่าง {n} หน้า ไม่อ่านด้วย OCR"),
    "header_repeated": (
        "skipped",
        "the header row of a table without ruling lines, printed again on {n} later page(s), was read once",
        "แถวหัวตารางที่ไม่มีเส้นซึ่งพิมพ์ซ้ำใน {n} หน้าถัดไป อ่านเพียงครั้งเดียว",
    ),
    "word_joined": (
        "repair",
        "{n} words broken by a line wrap, with a space the PDF wrote there, were joined where the dictionary knows "
        "the whole word (ครัว / เรือน -> ครัวเรือน)",
        "รวมคำที่ถูกตัดขึ้นบรรทัดใหม่และมีช่องว่างคั่น {n} คำ ตามคำในพจนานุกรม (ครัว / เรือน -> ครัวเรือน)",
    ),
    "borderless": (
        "inferred",
        "{n} table part(s) drawn without ruling lines were read from where their text stands: columns from "
        "the header row, rows from the item numbers (or, with none, the first column's paragraphs)",
        "อ่านตารางที่ไม่มีเส้นตาราง {n} ส่วนจากตำแหน่งของข้อความ: คอลัมน์จากแถวหัวตาราง แถวจากเลขลำดับ "
        "(หรือย่อหน้าของคอลัมน์แรกเมื่อไม่มีเลขลำดับ)",
    ),
    "wrapped": (
        "inferred",
        "{n} lines wrapped between two Thai letters were joined without a space (a PDF keeps no space at a wrap; "
        "one may have stood there)",
        "ต่อบรรทัดที่ตัดขึ้นบรรทัดใหม่ระหว่างอักษรไทย {n} แห่งโดยไม่เว้นวรรค (PDF ไม่เก็บช่องว่างที่จุดตัดบรรทัด อาจมีช่องว่างเดิมอยู่)",
    ),
}


# --- one page -------------------------------------------------------------------------------------


@dataclass
class _Char:
    text: str
    left: float
    right: float
    bottom: float
    top: float
    size: float
    mark: bool
    base: float | None = None  # the height of its baseline (its origin), where PDFium gives one


@dataclass
class _Line:
    chars: list[_Char] = field(default_factory=list)
    top: float = 0.0
    bottom: float = 0.0
    breaks: int = 0

    def text(self) -> str:
        out = []
        previous = None
        for ch in _marks_on_their_letters(self.chars):
            if ch.text == " ":
                if out and out[-1] != " ":
                    out.append(" ")
                previous = None
                continue
            if previous is not None and not ch.mark and ch.text[0] not in _NOTHING_BEFORE and out and out[-1] != " ":
                gap = ch.left - previous.right
                if gap > _SPACE_GAP * max(ch.size, previous.size, 1.0):
                    out.append(" ")
            out.append(ch.text)
            if not ch.mark:
                previous = ch
        return "".join(out).strip()

    def wrapped_text(self, counts: Counter) -> str:
        """The line repaired, with one trailing space when the PDF writes a space at its end.

        LibreOffice keeps the space a line was wrapped at; Thai joined without
        a space at a wrap would lose it (``ความ ดี`` / ``ด้วยหัวใจ``).
        """
        text = _repaired(self.text(), counts)
        real = [c for c in self.chars if not c.mark]
        return text + " " if text and real and real[-1].text == " " else text


def _marks_on_their_letters(chars: list[_Char]) -> list[_Char]:
    """Marks put back after the letter they stand over, where the PDF draws them elsewhere in its text order.

    Some writers (WeasyPrint among them) emit a tone mark after the next
    letter, or at the end of the line; its box still stands over its own letter.
    A mark whose centre lies outside the letter before it moves behind the last
    letter whose box holds that centre (after that letter's vowel mark, if any).
    """
    if not any(ch.mark for ch in chars):
        return chars
    out: list[_Char] = []
    letters: list[int] = []  # where out's letters stand (no marks, no spaces): a mark looks back along these only
    for ch in chars:
        if not ch.mark or not out:
            if not ch.mark and ch.text != " ":
                letters.append(len(out))
            out.append(ch)
            continue
        centre = (ch.left + ch.right) / 2
        base = letters[-1] if letters else None
        if base is None or out[base].left - 0.5 <= centre <= out[base].right + 0.5:
            out.append(ch)
            continue
        home = next((letters[j] for j in range(len(letters) - 1, max(-1, len(letters) - 1 - _MARK_REACH), -1)
                     if out[letters[j]].left - 0.5 <= centre <= out[letters[j]].right + 0.5), None)  # fmt: skip
        if home is None:
            out.append(ch)
            continue
        at = home + 1
        while at < len(out) and out[at].mark and ch.text in pdfthai.TONES and out[at].text not in pdfthai.TONES:
            at += 1  # a tone goes after the letter's vowel mark (ั ิ ี ึ ื ุ ู)
        out.insert(at, ch)
        j = len(letters) - 1
        while j >= 0 and letters[j] >= at:
            letters[j] += 1
            j -= 1
    return out


@dataclass
class _Table:
    xs: list[float]  # column edges, left to right
    ys: list[float]  # row edges, top to bottom (PDF y grows upwards: decreasing)
    cell_of: dict[tuple[int, int], int]  # grid unit (row, col) -> cell id
    cells: dict[int, list[_Line]] = field(default_factory=dict)

    @property
    def top(self) -> float:
        return self.ys[0]

    def locate(self, x: float, y: float) -> int | None:
        if not (self.xs[0] <= x <= self.xs[-1] and self.ys[-1] <= y <= self.ys[0]):
            return None
        col = next((c for c in range(len(self.xs) - 1) if x <= self.xs[c + 1]), len(self.xs) - 2)
        row = next((r for r in range(len(self.ys) - 1) if y >= self.ys[r + 1]), len(self.ys) - 2)
        return self.cell_of[(row, col)]

    def rows(self, counts: Counter) -> list[list[str]]:
        first_unit: dict[int, tuple[int, int]] = {}
        for unit, cell in sorted(self.cell_of.items()):
            first_unit.setdefault(cell, unit)
        out = []
        for r in range(len(self.ys) - 1):
            row, seen, starts = [], set(), False
            for c in range(len(self.xs) - 1):
                cell = self.cell_of[(r, c)]
                if cell in seen:
                    continue
                seen.add(cell)
                if first_unit[cell][0] == r:
                    starts = True
                    texts = [line.wrapped_text(counts) for line in self.cells.get(cell, [])]
                    row.append(join_wrapped([t for t in texts if t.strip()], counts))
                else:
                    row.append("")  # merged with the cell above: its text is there
            if starts:
                out.append([cell.strip() for cell in row])
        return out


# A line that starts a new point rather than continuing the one above: 1. 1) (1) ๑. - • 2.1 ระเบียบวาระ มติ
_STARTS_POINT = re.compile(
    rf"^\s*(?:\(?[0-9๐-๙]{{1,2}}[.)](?![0-9๐-๙])|\([0-9๐-๙]{{1,2}}\)|[{re.escape(BULLETS)}]|(?:ระเบียบ)?วาระที่|มติ)"
)
_POINT_NUMBER = re.compile(r"^\s*\(?([0-9๐-๙]{1,2})(?:[.)](?![0-9๐-๙])|\.[0-9๐-๙])")
# N.M at a line's start, not followed by a multiplier or a measuring unit (รวมเป็นเงิน / 3.6 แสนบาท is a figure
# wrapped onto the line, 2.1 ให้อำเภอ… a sub-point); the units are the glossary's
_SUB_POINT = re.compile(
    rf"^\s*([0-9๐-๙]{{1,2}})\.([0-9๐-๙]{{1,2}})(?![0-9๐-๙])(?![^\S\n]*(?:%|{measure_alternation()}))"
)
_CLOSING_NUMBER = re.compile(r"^\s*[0-9๐-๙]{1,2}\)")
# ระหว่างวันที่ 8 / – 10 พฤษภาคม 2567: a dash before the other end of a range of days, not a bullet
_DAY_AT_END = re.compile(r"(?<![0-9๐-๙.,/])[0-9๐-๙]{1,2}\s*$")
_RANGE_GOES_ON = re.compile(
    r"^\s*[-–]\s*[0-9๐-๙]{1,2}\s*(?:"
    + "|".join(re.escape(word) for pair in MONTHS for word in sorted(pair, key=len, reverse=True))
    + ")"
)
_SUB_POINT_MAX = 20  # 2.1 … 2.20 number sub-points; 48.49 or 79.18 at a line's start is a figure wrapped there


def _starts_point(line: str, within: int | None, above: str = "") -> bool:
    """A line that starts a new point; ``within`` is the number of the point the lines above belong to,
    ``above`` the text before it (the paragraph so far).

    ``N.M`` starts a sub-point of point N, not a figure wrapped onto the line:
    under point N only N.M is one; with no point above, only small N and M.
    ``N)`` closes a bracket the text above left open (``(ชั้น`` / ``2) ศาลากลาง``): no point.

    >>> _starts_point("2.1 ให้อำเภอรายงาน", 2), _starts_point("68.68 ขอให้ประสาน", 4), _starts_point("48.49", None)
    (True, False, False)
    >>> _starts_point("2) ศาลากลางจังหวัด", None, "ณ ห้องประชุม (ชั้น"), _starts_point("2) ให้อำเภอรายงาน", None, "1) ผ้าไทย")
    (False, True)
    >>> _starts_point("3.6 แสนบาท ให้ติดตาม", 3), _starts_point("๓.๒ ล้านบาท", None), _starts_point("3.2 โครงการ", 3)
    (False, False, True)
    >>> _starts_point("– 10 พฤษภาคม 2567", None, "ระหว่างวันที่ 8"), _starts_point("- 10 พ.ค. 67", None, "ข้อ 1.8")
    (False, True)
    """
    sub = _SUB_POINT.match(line)
    if sub:
        major, minor = int(sub.group(1)), int(sub.group(2))
        return major == within if within is not None else major <= _SUB_POINT_MAX and minor <= _SUB_POINT_MAX
    if _CLOSING_NUMBER.match(line) and above.count("(") > above.count(")"):
        return False
    if _RANGE_GOES_ON.match(line) and _DAY_AT_END.search(above):
        return False
    return bool(_STARTS_POINT.match(line))


def _point_number(line: str, within: int | None, above: str = "") -> int | None:
    """The number of the point a line starts (N of ``N.`` or ``N.M``), else ``within``."""
    found = _POINT_NUMBER.match(line)
    return int(found.group(1)) if found and _starts_point(line, within, above) else within


_THAI = re.compile(r"[\u0e01-\u0e4e]")


def join_wrapped(lines: list[str], counts: Counter) -> str:
    """Lines wrapped inside one cell or paragraph, joined as written before the wrap.

    Thai writes no space between words, so a wrap between two Thai letters is
    joined without one; a space the PDF writes at the wrap is kept, unless a
    dictionary word stands across it (``ครัว`` / ``เรือน``: the word was broken);
    a line that starts a new point keeps its line break. The dictionary is
    loaded only for such a space: most wraps need none.

    >>> join_wrapped(["กองทุนพัฒนา", "บทบาทสตรี"], Counter())
    'กองทุนพัฒนาบทบาทสตรี'
    >>> join_wrapped(["1. ให้จังหวัดรายงาน 76", "จังหวัด", "2. ให้อำเภอ"], Counter())
    '1. ให้จังหวัดรายงาน 76 จังหวัด\\n2. ให้อำเภอ'
    >>> join_wrapped(["ณ ห้องประชุม (ชั้น", "2) ศาลากลางจังหวัด"], Counter())
    'ณ ห้องประชุม (ชั้น 2) ศาลากลางจังหวัด'
    >>> join_wrapped(["ทำความ ดี ", "ด้วยหัวใจ วันที่ 26-", "27"], Counter())
    'ทำความ ดี ด้วยหัวใจ วันที่ 26-27'
    >>> join_wrapped(["จัดเก็บข้อมูลครัว ", "เรือนยากจน รวมทั้ง ", "สิ้น 76 จังหวัด"], Counter())
    'จัดเก็บข้อมูลครัวเรือนยากจน รวมทั้งสิ้น 76 จังหวัด'
    """
    out = ""
    within: int | None = None
    spaced = False
    for raw_line in lines:
        line = raw_line.strip()
        point = out.rsplit("\n", 1)[-1]  # the point so far
        starts = _starts_point(line, within, point)
        within = _point_number(line, within, point)
        if not out:
            out = line
        elif starts:
            out += "\n" + line
        elif spaced and _THAI.match(out[-1]) and _THAI.match(line[0]) and broken_word(out, line):
            out += line  # ครัว / เรือน: the dictionary knows ครัวเรือน, so the space written at this wrap is the wrap's
            counts["word_joined"] += 1
        elif spaced:
            out += " " + line
        elif _THAI.match(out[-1]) and _THAI.match(line[0]):
            out += line
            counts["wrapped"] += 1
        elif out[-1] == "-" and len(out) > 1 and not out[-2].isspace():
            out += line  # wrapped after a hyphen: 26-/27, not 26- 27
        else:
            out += " " + line
        spaced = raw_line.endswith(" ")  # the PDF writes the space this line was wrapped at
    return out


_THAI_RUN_END = re.compile(r"[\u0e01-\u0e4e]{1,20}$")
_THAI_RUN_START = re.compile(r"^[\u0e01-\u0e4e]{1,20}")
_SHORTEST_JOINED = 4  # letters: shorter dictionary words (ที่นา, มีค่า) span too many ordinary word boundaries


def broken_word(before: str, after: str) -> str | None:
    """The dictionary word a wrap broke, when one stands across it: ``ครัว`` / ``เรือน`` -> ``ครัวเรือน``.

    The Thai letters just before the wrap and just after it are tried, the
    longest word first; both sides must give it at least one letter.

    >>> broken_word("จัดเก็บข้อมูลครัว", "เรือนยากจน"), broken_word("รวมทั้ง", "สิ้น 76 จังหวัด")
    ('ครัวเรือน', 'ทั้งสิ้น')
    >>> broken_word("ส่งผลภายใน 16 ก.พ. 65 ให้", "จังหวัดรายงาน") is None
    True
    """
    from ..thaiwords import is_word

    tail, head = _THAI_RUN_END.search(before.rstrip()), _THAI_RUN_START.match(after.lstrip())
    if tail is None or head is None:
        return None
    tail_text, head_text = tail.group(), head.group()
    for length in range(len(tail_text) + len(head_text), _SHORTEST_JOINED - 1, -1):
        for i in range(max(1, length - len(head_text)), min(len(tail_text), length - 1) + 1):
            word = tail_text[-i:] + head_text[: length - i]
            if word[0] not in _NOTHING_BEFORE and is_word(word):
                return word
    return None


def _repaired(text: str, counts: Counter) -> str:
    text, found = pdfthai.repair_line(text)
    counts.update(found)
    return " ".join(text.split())


def _read_page(
    page, number: int, fonts: _Fonts, counts: Counter, label: str, columns: _Columns
) -> tuple[list[Block], int]:
    tables = _find_tables(page, counts)
    textpage = page.get_textpage()
    try:
        n = textpage.count_chars()
        if n > MAX_CHARS_PER_PAGE:
            raise UnreadableSource(
                f"page {number} of {label} holds {n} characters, too many for a meeting summary",
                "check that this is the right file",
            )
        counts["chars_read"] += n
        if counts["chars_read"] > MAX_CHARS:
            raise UnreadableSource(
                f"{label} holds more than {MAX_CHARS:,} characters by page {number}, far more than a meeting summary",
                "check that this is the right file, or give the pages of the meeting only",
            )
        chars = _chars(textpage, n, fonts, counts)
    finally:
        textpage.close()
    outside: list[_Line] = []
    regions: dict[tuple[int, int] | None, list[_Line]] = {}
    last_break: dict[tuple[int, int] | None, int] = {}
    real = 0
    key: tuple[int, int] | None = None
    for ch, breaks in chars:
        if ch.text != " " and not ch.mark:  # a space or a mark goes with the character before it
            real += 1
            cx, cy = (ch.left + ch.right) / 2, (ch.bottom + ch.top) / 2
            key = None
            for t, table in enumerate(tables):
                cell = table.locate(cx, cy)
                if cell is not None:
                    key = (t, cell)
                    break
        lines = regions.setdefault(key, outside if key is None else table_lines(tables, key))
        if ch.text == " ":
            if lines and lines[-1].breaks == breaks:
                lines[-1].chars.append(ch)
            continue
        line = lines[-1] if lines else None
        new = line is None or last_break.get(key, -1) != breaks
        if line is not None and not new and not ch.mark and not (line.bottom - 1 <= cy <= line.top + 1):
            new = True  # a character below (or above) the line: a new line PDFium did not mark
        if new:
            line = _Line(top=ch.top, bottom=ch.bottom, breaks=breaks)
            lines.append(line)
        elif not ch.mark:
            line.top, line.bottom = max(line.top, ch.top), min(line.bottom, ch.bottom)
        line.chars.append(ch)
        last_break[key] = breaks
    placed: list[_Placed] = [_Placed(table.top, table.rows(counts)) for table in tables]
    if outside and (columns.edges is not None or any(_may_name_columns(line) for line in outside)):
        outside, found = find_borderless(outside, columns, counts, number)
    else:
        columns.edges, found = None, []
    placed += found
    outside = _markers_on_their_lines(outside, counts)
    # paragraphs in PDFium's order, each table where its top comes
    blocks: list[Block] = []
    pending = sorted(placed, key=lambda t: -t.top)
    for group in _paragraphs(outside, pending):
        while pending and pending[0].top > group[0].top:
            blocks.append(Block("table", rows=pending.pop(0).rows, page=number))
        text = join_wrapped([t for t in (line.wrapped_text(counts) for line in group) if t.strip()], counts)
        if text:
            blocks.append(Block("paragraph", text, page=number))
    for table in pending:
        blocks.append(Block("table", rows=table.rows, page=number))
    return blocks, real


_MAX_LONE_MARKERS = 300  # per page: a page holds some 40 lines
_LONE_MARKER = re.compile(r"^(?:\(?[0-9๐-๙]{1,3}[.)]|\([0-9๐-๙]{1,3}\)|[-•●▪◦○·*–])$")


def _markers_on_their_lines(lines: list[_Line], counts: Counter) -> list[_Line]:
    """List markers put back at the start of the line they stand on.

    WeasyPrint draws an ``<ol>``'s numbers and a ``<ul>``'s bullets after the
    text of the whole list, each a line of its own; its box still stands on
    the baseline of its own line, to the left of that line's text.
    """

    def left(line: _Line) -> float:
        return min((c.left for c in line.chars if c.text != " "), default=0.0)

    lone = [line for line in lines if _LONE_MARKER.match(line.text())]
    if len(lone) > _MAX_LONE_MARKERS:
        counts["markers_left"] += len(lone)  # each would look at every line: a list this long is left where it stands
        return lines
    out = list(lines)
    for line in lone:
        middle = (line.top + line.bottom) / 2
        right = max(c.right for c in line.chars if c.text != " ")
        homes = [other for other in out if other is not line and not _LONE_MARKER.match(other.text())
                 and other.bottom <= middle <= other.top and left(other) >= right - 0.5]  # fmt: skip
        if not homes:
            continue
        home = min(homes, key=left)
        home.chars[:0] = [c for c in line.chars if c.text != " "] + [_Char(" ", 0, 0, 0, 0, 0, False)]
        out.remove(line)
        counts["marker_moved"] += 1
    return out


def _paragraphs(lines: list[_Line], tables: list) -> list[list[_Line]]:
    """Lines outside tables grouped into paragraphs: a line that reaches the right margin wraps into the next.

    A line goes on into the next one when it ends within about three characters
    of the page's right text edge, the next line starts no new point, stands
    right below it (see :func:`_wrap_limits`), and no table comes between them.
    """
    edges = [
        (
            min((c.left for c in line.chars if c.text != " "), default=0.0),
            max((c.right for c in line.chars if c.text != " "), default=0.0),
        )
        for line in lines
    ]
    right_margin = max((right for _, right in edges), default=0.0)
    sizes = [_size(line) for line in lines]
    bases = [_baseline(line) for line in lines]
    limits = _wrap_limits(lines, sizes, bases, tables)
    groups: list[list[_Line]] = []
    within: int | None = None
    for n, line in enumerate(lines):
        text = line.text()
        if groups:
            previous = groups[-1][-1]
            full = edges[n - 1][1] >= right_margin - 3 * sizes[n - 1]
            below, spaced = _below(previous, line, bases[n - 1], bases[n], limits.get(sizes[n]))
            if spaced and not full:
                # paragraphs stand apart on this page: a line also wrapped where the next one's first word did not fit
                full = edges[n - 1][1] + _first_word_width(line) > right_margin
            between = any(previous.bottom > t.top > line.top for t in tables)
            above = " ".join(part.text() for part in groups[-1])
            if full and below and not between and not _starts_point(text, within, above):
                groups[-1].append(line)
                within = _point_number(text, within, above)
                continue
        groups.append([line])
        within = _point_number(text, None)
    return groups


def _size(line: _Line) -> float:
    """A line's font size: its largest letters'."""
    return round(max((c.size for c in line.chars), default=12.0) or 12.0, 1)


def _baseline(line: _Line) -> float | None:
    """The height of a line's baseline: the middle of its letters' origins (marks stand on theirs)."""
    bases = sorted(c.base for c in line.chars if c.text != " " and not c.mark and c.base is not None)
    return bases[len(bases) // 2] if bases else None


def _wrap_limits(lines: list[_Line], sizes: list[float], bases: list, tables: list) -> dict:
    """For each font size on the page: the widest gap between two lines of one paragraph, and the widest
    step from baseline to baseline (None: the page shows no spacing between paragraphs to tell it by).

    The closest lines of one size are a wrap's (a line's height); a paragraph's spacing (Word's "space after",
    LibreOffice's paragraph spacing, a blank line) makes the next step up, and a wrap is nearer the first than
    the second. Baselines measure this whatever the font's boxes hold: LibreOffice's Thai fonts stand their
    lines apart by more than their boxes' height. A paragraph's spacing is at most a blank line (twice a
    line's step); a wider step (round a heading, a table, a picture) tells nothing of it. Without such a
    step on the page (a page of one-line paragraphs, or of paragraphs with no spacing), the boxes decide:
    a wrap's lines nearly touch.
    """
    steps: dict[float, list[float]] = {}
    tightest: dict[float, float] = {}
    for n in range(1, len(lines)):
        if sizes[n] != sizes[n - 1] or any(lines[n - 1].bottom > t.top > lines[n].top for t in tables):
            continue
        gap = lines[n - 1].bottom - lines[n].top
        if 0 <= gap <= 1.2 * sizes[n]:
            tightest[sizes[n]] = min(gap, tightest.get(sizes[n], gap))
        if bases[n] is not None and bases[n - 1] is not None and 0.5 * sizes[n] < bases[n - 1] - bases[n]:
            steps.setdefault(sizes[n], []).append(bases[n - 1] - bases[n])
    limits: dict[float, tuple[float, float | None]] = {}
    for size in set(sizes):
        box_limit = tightest.get(size, 0.0) + max(1.0, 0.15 * size)
        found = sorted(steps.get(size, []))
        apart = max(1.0, 0.15 * size)  # steps this close are one step, as PDFs round their positions
        wider = [step for step in found if found[0] + apart < step <= 2 * found[0] + apart] if found else []
        limits[size] = (box_limit, (found[0] + wider[0]) / 2 if wider else None)
    return limits


def _below(above: _Line, line: _Line, above_base, base, limit) -> tuple[bool, bool]:
    """Whether ``line`` stands right below ``above``, as the next line of one paragraph (see :func:`_wrap_limits`),
    and whether the page's spacing between paragraphs told so."""
    if limit is None:
        return False, False
    box_limit, step_limit = limit
    if step_limit is not None and above_base is not None and base is not None:
        return 0 < above_base - base <= step_limit, True
    gap = above.bottom - line.top
    return 0 <= gap <= _WRAP_GAP * (above.top - above.bottom) and gap <= box_limit, False


def _first_word_width(line: _Line) -> float:
    """How wide a line's first word is drawn: its letters up to the first space (Thai writes none between its
    words, so a run of Thai stands for its word; it is never narrower)."""
    drawn = [c for c in line.chars if not c.mark]
    end = next((k for k, c in enumerate(drawn) if c.text == " " and k > 0), len(drawn))
    return max((c.right for c in drawn[:end]), default=0.0) - min((c.left for c in drawn[:end]), default=0.0)


def table_lines(tables: list[_Table], key: tuple[int, int]) -> list[_Line]:
    table = tables[key[0]]
    return table.cells.setdefault(key[1], [])


def _chars(textpage, n: int, fonts: _Fonts, counts: Counter) -> list[tuple[_Char, int]]:
    """The page's characters with boxes, and the count of PDFium's line breaks before each."""
    import pypdfium2.raw as raw

    tp = textpage.raw
    box = raw.FS_RECTF()
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    out: list[tuple[_Char, int]] = []
    breaks = 0
    for i in range(n):
        code = raw.FPDFText_GetUnicode(tp, i)
        if code in (10, 13):
            if code == 10 or i + 1 >= n or raw.FPDFText_GetUnicode(tp, i + 1) != 10:
                breaks += 1
            continue
        generated = raw.FPDFText_IsGenerated(tp, i)
        if generated:
            continue  # PDFium's guessed spaces: gaps between boxes decide instead
        if code in (0, 0xFFFE, 0xFFFF):
            continue
        if code == 2:
            code = ord("-")  # PDFium's mark for a hyphen that ends a line
        if 0xD800 <= code <= 0xDFFF:  # a ToUnicode map to a lone surrogate: no text can hold it
            code = 0xFFFD
            counts["surrogate"] += 1
        text = chr(code) if code < 0x110000 else ""
        if text.isspace():
            out.append((_Char(" ", 0, 0, 0, 0, 0, False), breaks))
            continue
        if raw.FPDFText_HasUnicodeMapError(tp, i):
            text = fonts.glyph_text(textpage, i, code, counts)
            if not text:
                continue
        raw.FPDFText_GetLooseCharBox(tp, i, box)  # the advance, not the ink: gaps between boxes are spaces
        size = raw.FPDFText_GetFontSize(tp, i)
        base = origin_y.value if raw.FPDFText_GetCharOrigin(tp, i, origin_x, origin_y) else None
        out.append((_Char(text, box.left, box.right, box.bottom, box.top, size, text[0] in _MARKS, base), breaks))
    _aa_read_as_am(out, counts)
    return out


def _aa_read_as_am(chars: list[tuple[_Char, int]], counts: Counter) -> None:
    """A font that draws ำ as NIKHAHIT + AA glyphs may map its AA glyph to ำ: then every า reads ำ.

    The sign is ำ right after a NIKHAHIT (``ํำ``), which no text has; then every ำ
    of the page is that AA glyph, read here as า (pdfthai joins ``ํา`` into ำ).
    """
    am, nikhahit, aa = pdfthai.SARA_AM, pdfthai.NIKHAHIT, pdfthai.SARA_AA

    def after_nikhahit(k: int) -> bool:
        before = "".join(ch.text for ch, _ in chars[max(0, k - 3) : k]).rstrip(pdfthai.TONES)
        return before.endswith(nikhahit)

    if not any(ch.text.endswith(am) and after_nikhahit(k) for k, (ch, _) in enumerate(chars)):
        return
    lone = 0
    for k, (ch, _) in enumerate(chars):
        if ch.text.endswith(am):
            ch.text = ch.text[:-1] + aa
            j = k - 1  # a tone of the same glyph (its box): the cluster text the font maps AA to (้ำ)
            while (
                j >= 0
                and chars[j][0].text in pdfthai.TONES
                and abs(chars[j][0].left - ch.left) < 0.01
                and abs(chars[j][0].right - ch.right) < 0.01
            ):
                chars[j][0].text = ""
                j -= 1
            if not after_nikhahit(k):
                lone += 1
    chars[:] = [(ch, breaks) for ch, breaks in chars if ch.text]
    if lone:
        counts["aa_as_am"] += lone


# --- glyphs without Unicode -----------------------------------------------------------------------


class _Fonts:
    """Thai glyphs a PDF gives no Unicode for (WeasyPrint's Sarabun draws ำ as NIKHAHIT + AA glyphs).

    The embedded font's glyph name (``uni0E4D0E49``) tells, or else the glyph's
    outline is looked up among the Sarabun glyphs cddbrief ships. A glyph that
    neither tells is read as NIKHAHIT when SARA AA follows (noted), else left out.
    """

    def __init__(self):
        self._by_font: dict[int, object] = {}

    def glyph_text(self, textpage, index: int, code: int, counts: Counter) -> str:
        import pypdfium2.raw as raw

        font = raw.FPDFTextObj_GetFont(raw.FPDFText_GetTextObject(textpage.raw, index))
        address = ctypes.cast(font, ctypes.c_void_p).value or 0
        if address not in self._by_font:
            self._by_font[address] = _embedded_font(font)
        text = _glyph_text(self._by_font[address], code)
        if text:
            counts["glyph_named"] += 1
            return text
        following = (
            raw.FPDFText_GetUnicode(textpage.raw, index + 1) if index + 1 < raw.FPDFText_CountChars(textpage.raw) else 0
        )
        if following == ord(pdfthai.SARA_AA):
            counts["glyph_guessed"] += 1
            return pdfthai.NIKHAHIT
        counts["glyph_dropped"] += 1
        return ""


def _embedded_font(font):
    import pypdfium2.raw as raw

    size = ctypes.c_size_t()
    if not raw.FPDFFont_GetFontData(font, None, 0, ctypes.byref(size)) or not size.value or size.value > 20_000_000:
        return None
    buffer = (ctypes.c_uint8 * size.value)()
    raw.FPDFFont_GetFontData(font, buffer, size.value, ctypes.byref(size))
    try:
        from fontTools.ttLib import TTFont

        return TTFont(io.BytesIO(bytes(buffer)), lazy=True)
    except Exception:  # a CFF or Type 1 program fontTools cannot open as a font file
        return None


_UNI_NAME = re.compile(r"^(?:uni(?:[0-9A-F]{4})+|u[0-9A-F]{4,6})$")


def _name_text(name: str) -> str:
    """The text of an AGL-style glyph name: uni0E4D0E49 -> NIKHAHIT + MAI THO (suffixes such as .narrow dropped).

    >>> [hex(ord(c)) for c in _name_text("uni0E4D0E49.narrow")]
    ['0xe4d', '0xe49']
    """
    base = name.split(".")[0]
    if not _UNI_NAME.match(base):
        return ""
    if base.startswith("uni"):
        return "".join(chr(int(base[k : k + 4], 16)) for k in range(3, len(base), 4))
    return chr(int(base[1:], 16))


def _glyph_text(font, gid: int) -> str:
    if font is None:
        return ""
    try:
        order = font.getGlyphOrder()
        if gid >= len(order):
            return ""
        text = _name_text(order[gid])
        if text:
            return _thai_only(text)
        if "glyf" in font:
            return _thai_only(_sarabun_outlines().get(_outline(font["glyf"], order[gid]), ""))
    except Exception:
        return ""
    return ""


def _thai_only(text: str) -> str:
    return text if text and all("\u0e00" <= c <= "\u0e7f" for c in text) else ""


def _outline(glyf, name: str):
    glyph = glyf[name]
    coords, ends, _flags = glyph.getCoordinates(glyf)
    return (tuple((round(x), round(y)) for x, y in coords), tuple(ends))


@cache
def _sarabun_outlines() -> dict:
    """Outline -> text of Sarabun's Thai mark glyphs (the font cddbrief ships and WeasyPrint embeds)."""
    from fontTools.ttLib import TTFont

    from ..fonts import WEIGHTS, font_path

    index = {}
    for weight in WEIGHTS:
        try:
            font = TTFont(font_path(weight))
        except Exception:
            continue
        glyf = font["glyf"]
        for name in font.getGlyphOrder():
            text = _name_text(name)
            if text and all("\u0e31" <= c <= "\u0e4e" for c in text) and glyf[name].numberOfContours:
                index.setdefault(_outline(glyf, name), text)
    return index


# --- ruled tables ---------------------------------------------------------------------------------


def _find_tables(page, counts: Counter) -> list[_Table]:
    """Grids of ruling lines (path objects thinner than a few points) -> tables of two cells or more.

    Bounded per page: past MAX_PATHS_PER_PAGE path objects the page is a drawing,
    and a grid of more than MAX_GRID_COLUMNS columns or MAX_GRID_ROWS rows (or more
    than MAX_LINE_PAIRS crossings to try) is no table of a meeting summary; either
    is noted and its text read as lines.
    """
    import pypdfium2.raw as raw

    horizontals: list[tuple[float, float, float]] = []  # (y, x0, x1)
    verticals: list[tuple[float, float, float]] = []  # (x, y0, y1)
    for count, obj in enumerate(page.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH], max_depth=4)):
        if count > MAX_PATHS_PER_PAGE:
            counts["drawing"] += 1
            return []  # a drawing, not a table
        left, bottom, right, top = obj.get_bounds()
        width, height = right - left, top - bottom
        if height <= _LINE_WIDTH and width > _LINE_WIDTH:
            horizontals.append(((top + bottom) / 2, left, right))
        elif width <= _LINE_WIDTH and height > _LINE_WIDTH:
            verticals.append(((left + right) / 2, bottom, top))
        elif width > _LINE_WIDTH and height > _LINE_WIDTH and raw.FPDFPath_CountSegments(obj.raw) in (4, 5):
            fill, stroke = ctypes.c_int(), ctypes.c_int()
            raw.FPDFPath_GetDrawMode(obj.raw, ctypes.byref(fill), ctypes.byref(stroke))
            if stroke.value:  # a stroked rectangle: its four sides
                horizontals += [(top, left, right), (bottom, left, right)]
                verticals += [(left, bottom, top), (right, bottom, top)]
    if len(horizontals) < 2 or len(verticals) < 2:
        return []
    if len(horizontals) * len(verticals) > MAX_LINE_PAIRS:
        counts["grid"] += 1
        return []
    # group lines that touch into tables
    parent = list(range(len(horizontals) + len(verticals)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for h, (y, x0, x1) in enumerate(horizontals):
        for v, (x, y0, y1) in enumerate(verticals):
            if x0 - _SNAP <= x <= x1 + _SNAP and y0 - _SNAP <= y <= y1 + _SNAP:
                parent[find(h)] = find(len(horizontals) + v)
    groups: dict[int, tuple[list, list]] = {}
    for h, line in enumerate(horizontals):
        groups.setdefault(find(h), ([], []))[0].append(line)
    for v, line in enumerate(verticals):
        groups.setdefault(find(len(horizontals) + v), ([], []))[1].append(line)
    tables = [t for hs, vs in groups.values() if (t := _grid(hs, vs, counts)) is not None]
    return sorted(tables, key=lambda t: -t.top)


def _snap(values: list[float]) -> list[float]:
    out: list[float] = []
    for value in sorted(values):
        if out and value - out[-1] <= _SNAP:
            continue
        out.append(value)
    return out


def _grid(horizontals, verticals, counts: Counter) -> _Table | None:
    if len(horizontals) < 2 or len(verticals) < 2:
        return None
    xs = _snap([x for x, _, _ in verticals])
    ys = _snap([y for y, _, _ in horizontals])[::-1]
    if len(xs) > MAX_GRID_COLUMNS + 1 or len(ys) > MAX_GRID_ROWS + 1:
        counts["grid"] += 1
        return None  # each cell is checked against each line: a grid this fine would take seconds a page
    # A row cut by a page break has no rule on the side of the break (WeasyPrint,
    # LibreOffice): its column lines run past the last rule; where they end is its edge.
    low = [y0 for _, y0, _ in verticals if y0 < ys[-1] - _SNAP]
    high = [y1 for _, _, y1 in verticals if y1 > ys[0] + _SNAP]
    if len(low) >= 2:
        ys.append(min(low))
    if len(high) >= 2:
        ys.insert(0, max(high))
    if len(xs) < 2 or len(ys) < 2:
        return None

    def ruled_v(x: float, y: float) -> bool:
        return any(abs(vx - x) <= _SNAP and y0 - _SNAP <= y <= y1 + _SNAP for vx, y0, y1 in verticals)

    def ruled_h(y: float, x: float) -> bool:
        return any(abs(hy - y) <= _SNAP and x0 - _SNAP <= x <= x1 + _SNAP for hy, x0, x1 in horizontals)

    rows, cols = len(ys) - 1, len(xs) - 1
    parent = {(r, c): (r, c) for r in range(rows) for c in range(cols)}

    def find(u):
        while parent[u] != u:
            parent[u] = parent[parent[u]]
            u = parent[u]
        return u

    for r in range(rows):
        mid_y = (ys[r] + ys[r + 1]) / 2
        for c in range(cols):
            mid_x = (xs[c] + xs[c + 1]) / 2
            if c + 1 < cols and not ruled_v(xs[c + 1], mid_y):
                parent[find((r, c + 1))] = find((r, c))
            if r + 1 < rows and not ruled_h(ys[r + 1], mid_x):
                parent[find((r + 1, c))] = find((r, c))
    ids: dict[tuple[int, int], int] = {}
    cell_of = {}
    for unit in sorted(parent):
        root = find(unit)
        cell_of[unit] = ids.setdefault(root, len(ids))
    if len(ids) < 2:
        return None  # a box around text, not a table
    return _Table(xs, ys, cell_of)


# --- tables without ruling lines -----------------------------------------------------------------

_COLUMN_GAP = 0.6  # em: a wider gap with no space written in it parts two cells of one line (a space is about 0.3 em)
_WIDE_GAP = 2.0  # em: a gap this wide parts two cells even with a space written in it
_ROW_GAP = 2.5  # em: a table ends at a wider gap between its lines


@dataclass
class _Placed:
    """A table as blocks take it: where its top stands on the page, and its rows of cell texts."""

    top: float
    rows: list[list[str]]


@dataclass
class _Columns:
    """The columns of a borderless table: carried to the next page while the table runs on to its foot."""

    edges: list[float] | None = None  # the boundaries between columns, left to right
    roles: list[str] = field(default_factory=list)


@dataclass
class _Piece:
    """A run of one line's characters with no column's gap inside: one cell's line, or prose."""

    line: _Line
    left: float
    right: float
    top: float
    bottom: float
    size: float

    def text(self) -> str:
        return self.line.text()


def _pieces(line: _Line) -> list[_Piece]:
    """A line cut where its text jumps over a column's gap (wider than a space, with no space written in it)."""
    parts: list[_Line] = [_Line(top=line.top, bottom=line.bottom, breaks=line.breaks)]
    previous: _Char | None = None
    spaced = False
    for ch in line.chars:
        if ch.text == " ":
            spaced = True
        elif not ch.mark:
            if previous is not None and parts[-1].chars:
                em = max(ch.size, previous.size, 1.0)
                gap = ch.left - previous.right
                if gap > _WIDE_GAP * em or (gap > _COLUMN_GAP * em and not spaced) or ch.right < previous.left - em:
                    parts.append(_Line(top=line.top, bottom=line.bottom, breaks=line.breaks))
            previous, spaced = ch, False
        parts[-1].chars.append(ch)
    return [piece for part in parts if (piece := _piece(part.chars, line)) is not None]


def _piece(chars: list[_Char], line: _Line) -> _Piece | None:
    """The piece of these characters of a line (None if it has nothing but spaces)."""
    real = [c for c in chars if c.text != " "]
    letters = [c for c in real if not c.mark] or real
    if not letters:
        return None
    # the middle top and bottom: a tall letter (ใ ฎ ญ) or a mark's box stands out of the line
    tops, bottoms = sorted(c.top for c in letters), sorted(c.bottom for c in letters)
    part = _Line(list(chars), line.top, line.bottom, line.breaks)
    left, right = min(c.left for c in real), max(c.right for c in real)
    return _Piece(
        part, left, right, tops[len(tops) // 2], bottoms[len(bottoms) // 2], max(c.size for c in letters) or 12.0
    )


def _cut(piece: _Piece, edges: list[float]) -> list[_Piece] | None:
    """A piece cut at the column edges it crosses, where it crosses them between letters (two cells' text close
    together): at a gap with no space written, or where the next cell's text starts right at its column's edge;
    None when it crosses one through a letter or a space of prose."""
    crossed = [x for x in edges if piece.left < x - 1 and piece.right > x + 1]
    if not crossed:
        return [piece]
    chars = piece.line.chars
    for x in crossed:
        before = [k for k, c in enumerate(chars) if not c.mark and c.text != " " and c.right <= x + 0.5]
        after = [k for k, c in enumerate(chars) if not c.mark and c.text != " " and c.left >= x - 0.5]
        if not before or not after or max(before) + 1 > min(after):
            return None
        at_column = abs(chars[min(after)].left - (x + 0.5)) <= 1.5  # the next cell's text starts where its column does
        if not at_column and any(c.text == " " for c in chars[max(before) : min(after)]):
            return None
        if any(not c.mark and c.text != " " and c.left < x - 0.5 and c.right > x + 0.5 for c in chars):
            return None
    out, start = [], 0
    for x in crossed:
        end = next(k for k, c in enumerate(chars) if k >= start and not c.mark and c.text != " " and c.left >= x - 0.5)
        out.append(chars[start:end])
        start = end
    out.append(chars[start:])
    pieces = [p for part in out if (p := _piece(part, piece.line)) is not None]
    return pieces


def _visual_rows(lines: list[_Line]) -> list[list[tuple[int, _Piece]]]:
    """The pieces of the page's lines (with each one's line index) grouped by the height they stand at, top down."""
    pieces = [(n, piece) for n, line in enumerate(lines) for piece in _pieces(line)]
    pieces.sort(key=lambda np: (-np[1].top, np[1].left))
    rows: list[list[tuple[int, _Piece]]] = []
    for n, piece in pieces:
        if rows and abs(rows[-1][0][1].top - piece.top) <= 0.35 * piece.size:
            rows[-1].append((n, piece))
        else:
            rows.append([(n, piece)])
    for row in rows:
        row.sort(key=lambda np: np[1].left)
    return rows


def _header(rows: list[list[tuple[int, _Piece]]], k: int) -> tuple[list[str], list[_Piece], int] | None:
    """The header row starting at visual row ``k``: (roles, one piece spanning each header cell, visual rows it takes).

    Three or more header words (ที่ ประเด็น ข้อสั่งการ หมายเหตุ) far apart on one line; a
    word wrapped in a narrow column (``ลำ`` / ``ดับ``) goes on in the line below it.
    """
    from ..layout import columns_of, header_role

    row = rows[k]
    if len(row) < 3 or sum(1 for _, piece in row if header_role(piece.text())) < 2:
        return None
    cells = [[piece] for _, piece in row]
    for taken in range(1, 4):
        texts = ["".join(p.text() for p in cell) for cell in cells]
        roles = columns_of(texts)
        if roles and len(roles) == len(cells):
            spans = [_Piece(cell[0].line, min(p.left for p in cell), max(p.right for p in cell),
                            cell[0].top, cell[-1].bottom, cell[0].size) for cell in cells]  # fmt: skip
            return roles, spans, taken
        below = rows[k + taken] if k + taken < len(rows) else None
        if below is None or rows[k + taken - 1][0][1].bottom - below[0][1].bottom > 2.5 * cells[0][0].size:
            return None  # what follows is no wrapped header word (too far below)
        for _, piece in below:
            middle = (piece.left + piece.right) / 2
            home = [cell for cell in cells if cell[0].left - 1 < middle < max(p.right for p in cell) + 1 + piece.size]
            if len(home) != 1:
                return None
            home[0].append(piece)
    return None


def _edges(header: list[_Piece], below: list[_Piece]) -> list[float] | None:
    """Where one column ends and the next begins: between two header words, the place fewest lines cross and
    most lines start at (their left edges line up down the column)."""
    edges = []
    for left, right in zip(header, header[1:]):
        low, high = left.right, right.left
        if low >= high:
            return None
        candidates = {high - 0.5} | {p.left - 0.5 for p in below if low < p.left <= high + 0.5}

        def score(x: float) -> tuple[int, int]:
            crossing = sum(1 for p in below if p.left < x - 1 and p.right > x + 1)
            starting = sum(1 for p in below if abs(p.left - 0.5 - x) <= 1.0)
            return crossing, -starting

        edges.append(min(sorted(candidates), key=score))
    return edges


def _fitted(row: list[tuple[int, _Piece]], edges: list[float]) -> list[tuple[int, _Piece]] | None:
    """The row's pieces cut to the columns, or None when a piece runs across a column's edge (a line of prose)."""
    out = []
    for n, piece in row:
        cut = _cut(piece, edges)
        if cut is None:
            return None
        out += [(n, part) for part in cut]
    return out


def _column(piece: _Piece, edges: list[float]) -> int:
    middle = (piece.left + piece.right) / 2
    return sum(1 for x in edges if middle > x)


def find_borderless(
    lines: list[_Line], columns: _Columns, counts: Counter, page: int = 1
) -> tuple[list[_Line], list[_Placed]]:
    """A table drawn without ruling lines, read from where its text stands; the lines that are not in it.

    Its header row (ที่ | ประเด็น | ข้อสั่งการ | หมายเหตุ: three or more header words
    on one line, far apart) gives the columns; the edges between them fall where
    the lines below start in line and none crosses. The table runs down while
    its lines keep to the columns; a row starts at each item number of the ที่
    column (or, with no such column, after a wider gap), and every line
    goes to the row it stands in, so a cell's text never leaves its row. A table
    that runs to the foot of its page goes on at the top of the next one
    (``columns``), where its first row may go on with the row above.
    """
    rows = _visual_rows(lines)
    going_on = columns.edges is not None  # the table ran to the foot of the page before
    start, taken = None, 0
    for k in range(len(rows)):
        found = _header(rows, k)
        if found:
            roles, header, taken = found
            below = [piece for r in rows[k + taken :] for _, piece in r]
            edges = _edges(header, below)
            if edges is not None:
                columns.edges, columns.roles = edges, roles
                start = k
                break
    if start is None and columns.edges is not None:
        for k, row in enumerate(rows[:3]):
            if _fitted(row, columns.edges) is not None and not _is_furniture(rows, k, page):
                start, taken = k, 0  # no header row on this page: the table starts with this row
                break
    if start is None or columns.edges is None:
        columns.edges = None
        return lines, []
    edges = columns.edges
    head = rows[start : start + taken]
    body: list[list[tuple[int, _Piece]]] = []
    end = start + taken
    for k in range(start + taken, len(rows)):
        row = rows[k]
        fitted = None if _is_furniture(rows, k, page) else _fitted(row, edges)
        if fitted is None:
            break
        above = body[-1] if body else (head[-1] if head else None)
        if above is not None and _gap(above, row) > _ROW_GAP * row[0][1].size:
            break
        body.append(fitted)
        end += 1
    if not body:
        columns.edges = None
        return lines, []
    # the table goes on over the page when nothing but a page number or a footer line follows it
    after = rows[end:]
    if len(after) > 2 or any(len(row) > 1 for row in after):
        columns.edges = None
    table_rows = _table_rows(body, edges, columns.roles, counts, going_on)
    used = {n for row in head + body for n, _ in row}
    if head and not going_on:
        table_rows.insert(0, _table_rows(head, edges, [], counts)[0])
    elif head:
        counts["header_repeated"] += 1  # Word's "repeat as header row": the rows below go on with the table above
    top = max(piece.top for _, piece in (head or body)[0])
    counts["borderless"] += 1
    return [line for n, line in enumerate(lines) if n not in used], [_Placed(top + 0.01, table_rows)]


_DIRECTIVE_HEADER = ("งการ", "สรุป", "มติ", "ละเอียด", "สาระ", "irective")  # of the header words columns_of needs


def _may_name_columns(line: _Line) -> bool:
    """A quick look, before any table is looked for: the line holds a word a directives column is named by."""
    text = "".join(c.text for c in line.chars)
    return any(word in text for word in _DIRECTIVE_HEADER)


def _is_furniture(rows: list[list[tuple[int, _Piece]]], k: int, page: int) -> bool:
    """A page number standing alone on a line at the top or the foot of the page (not an item number centred
    in its row)."""
    row = rows[k]
    return len(row) == 1 and (k < 2 or k >= len(rows) - 2) and _is_page_number(row[0][1].text(), page)


def _row_starts(body: list[list[tuple[int, _Piece]]], edges: list[float], roles: list[str], going_on: bool) -> set[int]:
    """The lines of a table's body (rows of pieces, top down) where its rows start.

    A row starts where a line opens a paragraph (the gap above it is wider than
    a wrap's). With a ที่ column, the item numbers say which: a number standing
    at the top of its row opens it; a number centred in its row (Word's
    vertical centring) stands in its middle, so the row is the run of lines
    around it whose middle the number marks. With no numbers, a row starts
    where the topic column (or the first) opens a paragraph.
    """
    from ..layout import is_item_number

    gaps = sorted(_gap(a, b) for a, b in zip(body, body[1:]))
    usual = gaps[len(gaps) // 4] if gaps else 0.0  # the gap between a cell's lines (most gaps are)
    opening = [k == 0 or _gap(body[k - 1], row) > usual + 0.3 * row[0][1].size for k, row in enumerate(body)]
    column = roles.index("no") if "no" in roles else None
    numbers = {
        k: p for k, row in enumerate(body) for _, p in row if _column(p, edges) == column and is_item_number(p.text())
    }
    if not numbers:  # rows without numbers: each starts where the topic (or the first) column opens a paragraph
        first = roles.index("topic") if "topic" in roles else 0
        return {k for k, row in enumerate(body) if k and opening[k] and any(_column(p, edges) == first for _, p in row)}
    at_top = sum(1 for k in numbers if opening[k] and len(body[k]) > 1)
    if at_top * 2 >= len(numbers):
        return set(numbers)
    return _centred_starts(body, numbers, opening, going_on)


def _centred_starts(body, numbers: dict[int, _Piece], opening: list[bool], going_on: bool) -> set[int]:
    """Where rows start when each item number stands in the middle of its row: of the lines that open a
    paragraph between one number and the next, the ones that put each number nearest its row's middle.

    The first row starts at the table's first line, or (on a page the table goes on to) at any opening
    line up to its number, the lines above it going on with the row on the page before.
    """
    order = sorted(numbers)

    def off_middle(i: int, first: int, last: int) -> float:
        top, bottom = max(p.top for _, p in body[first]), min(p.bottom for _, p in body[last])
        return abs((numbers[order[i]].top + numbers[order[i]].bottom) / 2 - (top + bottom) / 2)

    choices = []
    for i, k in enumerate(order):
        low = order[i - 1] + 1 if i else 0
        found = [b for b in range(low, k + 1) if opening[b]] if i or going_on else [0]
        choices.append(found or [k])
    # cost[s] for the row starting at s: the least off-middle sum of the rows above it;
    # back[i][s]: the row above's start
    cost = {s: 0.0 for s in choices[0]}
    back: list[dict[int, int]] = []
    for i in range(1, len(order)):
        step, links = {}, {}
        for s in choices[i]:
            options = [(c + off_middle(i - 1, prev, s - 1), prev) for prev, c in cost.items() if prev < s]
            if options:
                step[s], links[s] = min(options)
        cost = step or {choices[i][-1]: 0.0}
        back.append(links)
    last = len(order) - 1  # the last row ends with the table on this page
    start = min(cost, key=lambda s: cost[s] + off_middle(last, s, len(body) - 1))
    starts = {start}
    for links in reversed(back):
        start = links.get(start, start)
        starts.add(start)
    return starts


def _gap(above: list[tuple[int, _Piece]], below: list[tuple[int, _Piece]]) -> float:
    """The white space between two rows of pieces."""
    return min(p.bottom for _, p in above) - max(p.top for _, p in below)


def _table_rows(
    body: list[list[tuple[int, _Piece]]], edges: list[float], roles: list[str], counts: Counter, going_on: bool = False
) -> list[list[str]]:
    """The rows of a borderless table's body (``_row_starts``), each cell's lines joined as wrapped."""
    width = len(edges) + 1
    starts = _row_starts(body, edges, roles, going_on)
    cells: list[list[list[_Piece]]] = []
    for k, row in enumerate(body):
        if k in starts or not cells:
            cells.append([[] for _ in range(width)])
        for _, piece in row:
            cells[-1][_column(piece, edges)].append(piece)
    out = []
    for row_cells in cells:
        texts = []
        for pieces in row_cells:
            lines: list[_Line] = []
            last_top = None
            for piece in pieces:  # pieces of one cell on one height are one line (the gap between them decides a space)
                if last_top is not None and abs(piece.top - last_top) <= 0.35 * piece.size:
                    lines[-1].chars += piece.line.chars
                else:
                    lines.append(_Line(list(piece.line.chars), piece.top, piece.bottom, piece.line.breaks))
                    last_top = piece.top
            wrapped = [line.wrapped_text(counts) for line in lines]
            texts.append(join_wrapped([t for t in wrapped if t.strip()], counts).strip())
        out.append(texts)
    return out


# --- headers, footers, page numbers ---------------------------------------------------------------


def _drop_headers_and_footers(pages: list[list[Block]]) -> int:
    """Drop page numbers and lines repeated at the top or bottom of most pages; return how many went.

    A repeated line that names the meeting (``… ครั้งที่ 4/2562``) is the document's
    title printed on every page: its first copy stays.
    """

    def shape(text: str) -> str:
        return re.sub(r"[0-9๐-๙]+", "#", " ".join(text.split()))

    edges = Counter()
    if len(pages) >= 3:
        for blocks in pages:
            seen = set()
            for block in blocks[:2] + blocks[-2:]:
                if block.kind == "paragraph" and (key := shape(block.text)) not in seen:
                    seen.add(key)
                    edges[key] += 1
    repeated = {key for key, n in edges.items() if n >= max(3, 0.6 * len(pages))}
    titles = {key for key in repeated if _TITLE.search(key)}  # the meeting's title on every page: kept once
    dropped = 0
    for number, blocks in enumerate(pages, 1):
        keep = []
        last = len(blocks) - 1
        for k, block in enumerate(blocks):
            at_edge = k < 2 or k > last - 2
            key = shape(block.text) if block.kind == "paragraph" else ""
            if key in titles:
                titles.discard(key)
                keep.append(block)
                continue
            page_number = k in (0, last) and _is_page_number(block.text, number)
            if block.kind == "paragraph" and at_edge and (page_number or key in repeated):
                dropped += 1
                continue
            keep.append(block)
        blocks[:] = keep
    return dropped


_TITLE = re.compile(r"ครั้งที่\s*#\s*/\s*#")  # a line naming the meeting (digits read as #)


_BARE_NUMBER = re.compile(r"^\s*([0-9๐-๙]{1,3})(?:\s*/\s*[0-9๐-๙]+)?\s*$")


def _is_page_number(text: str, page: int) -> bool:
    """``- 2 -``, ``หน้า 2``, ``page 2 of 5``; a bare number (``2``, ``2/5``) only when it is this page's number.

    A bare number at a page's edge may be a figure wrapped there (``ก.ย.`` / ``62``).

    >>> _is_page_number("2", 2), _is_page_number("62", 1), _is_page_number("- 7 -", 1)
    (True, False, True)
    """
    if not _PAGE_NUMBER.match(text):
        return False
    bare = _BARE_NUMBER.match(text)
    return bare is None or int(bare.group(1)) == page


# --- scans ----------------------------------------------------------------------------------------


def ocr_available() -> bool:
    """True when tesseract is installed with its Thai model."""
    if shutil.which("tesseract") is None:
        return False
    try:
        result = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return False
    return "tha" in result.stdout.split()


def _ocr(pdf, label: str, counts: Counter) -> list[list[Block]]:
    if not ocr_available():
        raise UnreadableSource(
            f"{label} is a scanned PDF with no text layer",
            "install OCR (apt-get install tesseract-ocr tesseract-ocr-tha) or give the original .docx",
        )
    if len(pdf) > MAX_OCR_PAGES:
        raise UnreadableSource(
            f"{label} is a scanned PDF of {len(pdf)} pages; OCR reads at most {MAX_OCR_PAGES}",
            "give the pages of the meeting only, or the original .docx",
        )
    pages = []
    with tempfile.TemporaryDirectory(prefix="cddbrief-ocr-") as tmp:
        for number in range(1, len(pdf) + 1):
            page = pdf[number - 1]
            width, height = page.get_size()
            scale = min(300 / 72, (MAX_OCR_PIXELS / max(width * height, 1.0)) ** 0.5)  # pixels bounded before rendering
            if scale < 300 / 72:
                counts["ocr_coarse"] += 1
            image = page.render(scale=scale, grayscale=True).to_pil()
            if image.getextrema()[0] >= 250:  # nothing darker than paper: a blank page, no OCR
                counts["ocr_blank"] += 1
                pages.append([])
                continue
            path = Path(tmp) / f"page-{number}.png"
            image.save(path)
            try:
                result = subprocess.run(
                    ["tesseract", str(path), "-", "-l", "tha+eng", "--psm", "6"],
                    capture_output=True,
                    text=True,
                    timeout=300,
                )
            except subprocess.TimeoutExpired:
                raise UnreadableSource(
                    f"OCR of page {number} of {label} took too long", "give the original .docx"
                ) from None
            if result.returncode != 0:
                raise UnreadableSource(
                    f"OCR of {label} failed ({result.stderr.strip().splitlines()[-1:] or 'tesseract'})",
                    "give the original .docx",
                )
            pages.append(
                [
                    Block("paragraph", " ".join(line.split()), page=number)
                    for line in result.stdout.splitlines()
                    if line.strip()
                ]
            )
    return pages
