"""Reading: the bytes of a source file -> a RawDocument of blocks, whatever the file kind.

One module per kind, named in ``filekinds.KINDS`` (which :func:`read_bytes` walks): ``text`` (a text
dump in any Thai encoding), ``docx`` (paragraphs, Word's list numbering, tables), ``pdf`` (the text
layer, Thai repaired; tables as tables) and ``html`` (the page's main content). Each gives the same
thing: a list of :class:`~cddbrief.model.Block` (paragraphs, list items, tables) and notes on what
reading repaired, so every layout reader works on every file kind.
"""

from __future__ import annotations

import hashlib
import importlib
import stat
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from ..errors import Setting, UnreadableSource
from ..filekinds import FALLBACK, FORMS, ZIP, FileKind, kind_of_name, sniffed
from ..model import Note
from ..thaitext import rejoin_displaced_marks
from . import pdfthai
from .document import RawDocument
from .text import decode_text

MAX_BYTES = 10 * 1024 * 1024  # a meeting summary is tens of kB; 10 MB is generous (a PDF with pictures included)

__all__ = [
    "MAX_BYTES",
    "RawDocument",
    "check_size",
    "decode_text",
    "known_other_kind",
    "not_a_writeup",
    "read_bytes",
    "read_file_bytes",
    "read_limited",
    "read_source",
    "reader_of",
    "repair_broken_thai",
    "sha256_of",
]

_PICTURES = f"give the write-up itself as text ({FORMS}), not a picture of it"
_EXPORT = f"export the write-up itself ({FORMS})"
_KNOWN_OTHERS = {  # files a colleague may hand over that are not a write-up, by suffix: (what it is, what to do)
    **dict.fromkeys((".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".tsv", ".numbers"), ("a spreadsheet", _EXPORT)),
    **dict.fromkeys((".pptx", ".ppt", ".odp", ".key"), ("a presentation", _EXPORT)),
    **dict.fromkeys(
        (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".webp", ".heic"), ("a picture", _PICTURES)
    ),
    **dict.fromkeys((".zip", ".rar", ".7z", ".gz"), ("an archive", "unpack it and give the write-ups inside")),
    ".doc": ("an old Word (.doc) file", "open it in Word and save it as .docx"),
    ".odt": ("an OpenDocument text", "save it as .docx"),
    ".rtf": ("a rich-text file", "save it as .docx"),
}
_PACKAGE_PARTS = (  # what an Office or OpenDocument zip holds, by the suffix of its kind
    (b"xl/workbook", ".xlsx"),
    (b"ppt/presentation", ".pptx"),
    (b"application/vnd.oasis.opendocument.text", ".odt"),
    (b"application/vnd.oasis.opendocument.spreadsheet", ".ods"),
    (b"application/vnd.oasis.opendocument.presentation", ".odp"),
)
_SIGNATURES = [
    (b"\x89PNG", "a PNG picture", _PICTURES),
    (b"\xff\xd8\xff", "a JPEG picture", _PICTURES),
    (b"GIF8", "a GIF picture", _PICTURES),
    (b"\xd0\xcf\x11\xe0", "an old Office file (.doc, .xls)", "save a Word write-up as .docx"),
    (ZIP, "a zip archive", "unpack it and give the write-ups inside"),
]


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def known_other_kind(name: str | Path) -> tuple[str, str] | None:
    """What a file is, and what to do, when its suffix names a known kind that is no write-up (None if not).

    >>> known_other_kind("งบประมาณ.XLSX"), known_other_kind("สรุป.docx")
    (('a spreadsheet', 'export the write-up itself (.txt, .docx, .pdf, .html, .htm or .xhtml)'), None)
    """
    return _KNOWN_OTHERS.get(Path(name).suffix.lower())


def not_a_writeup(name: str | Path) -> UnreadableSource | None:
    """The error for a file whose name says it is a known kind of file that is no write-up (None if not).

    >>> not_a_writeup("งบประมาณ.xlsx").problem
    'งบประมาณ.xlsx is a spreadsheet, not a meeting write-up'
    >>> not_a_writeup("ภาพ.JPG").problem, not_a_writeup("บันทึก.doc").remedy, not_a_writeup("สรุป.docx")
    ('ภาพ.JPG is a picture, not a meeting write-up', 'open it in Word and save it as .docx', None)
    """
    known = known_other_kind(name)
    if known is None:
        return None
    what, remedy = known
    return UnreadableSource(f"{Path(name).name} is {what}, not a meeting write-up", remedy)


def read_source(path: str | Path) -> RawDocument:
    """Read a meeting write-up from a file (.txt, .docx, .pdf, .html); raise UnreadableSource (a
    CddbriefError) when it cannot be one."""
    return read_bytes(read_file_bytes(path), name=str(path))


def read_file_bytes(path: str | Path) -> bytes:
    """The bytes of a document file, bounded.

    Only a regular file is read (a FIFO, a device or a socket could block or never end), and
    never more than MAX_BYTES + 1 bytes, whatever size the file claims (``/proc`` and links to
    ``/dev/zero`` claim none).
    """
    path = Path(path)
    label = path.name or str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise UnreadableSource(
            f"no such file: {path}", "check the path, or give a meeting id", settings=Setting("source", "4/2562")
        ) from None
    except OSError as exc:
        raise UnreadableSource(f"cannot read {path}: {exc.strerror}", "check the path and its permissions") from None
    if stat.S_ISDIR(info.st_mode):
        raise UnreadableSource(
            f"{path} is a folder, not a file",
            f"give one {FORMS} file, or give the folder as the data folder",
            settings=("source", "data_dir"),
        )
    if not stat.S_ISREG(info.st_mode):
        kind = (
            "a named pipe (FIFO)"
            if stat.S_ISFIFO(info.st_mode)
            else "a device"
            if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode)
            else "a socket"
            if stat.S_ISSOCK(info.st_mode)
            else "not a regular file"
        )
        raise UnreadableSource(f"{label} is {kind}, not a document", f"give a saved {FORMS} file")
    check_size(info.st_size, label)  # before reading 50 MB for nothing
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise UnreadableSource(f"cannot read {path}: {exc.strerror}", "check its permissions") from None
    check_size(len(data), label)
    return data


def read_limited(stream, name: str) -> bytes:
    """At most MAX_BYTES + 1 bytes of a stream (stdin): enough to tell it is too large, never more."""
    data = stream.read(MAX_BYTES + 1)
    check_size(len(data), name)
    return data


def check_size(size: int, name: str) -> None:
    """A meeting write-up is tens of kB; refuse what cannot be one."""
    if size > MAX_BYTES:
        how_big = (
            f"more than {MAX_BYTES // 2**20} MB" if size == MAX_BYTES + 1 else f"{size / 1e6:.0f} MB"
        )  # a capped read knows no more
        raise UnreadableSource(
            f"{Path(name).name} is {how_big}, too large for a meeting summary (limit {MAX_BYTES // 2**20} MB)",
            "check that this is the right file",
        )


def read_bytes(data: bytes, name: str = "<bytes>") -> RawDocument:
    """Read a meeting write-up from bytes, as the kind its bytes show (``filekinds.KINDS``: %PDF, a zip with
    word/document.xml, <html …), else the kind its name says, else as text. A name that says another kind
    than the bytes is said in a note; bytes of a kind that is no write-up (a picture, a workbook) are refused.

    >>> doc = read_bytes("<html><body><p>ประชุม ครั้งที่ 4/2562</p></body></html>".encode(), "สรุป.txt")
    >>> doc.source.format, doc.notes[0].message
    ('html', 'สรุป.txt was read as .html (web page), as its bytes show, though its name says .txt')
    """
    check_size(len(data), name)
    label = Path(name).name
    refused = not_a_writeup(name)
    if refused is not None:
        raise refused
    if not data.strip():
        raise UnreadableSource(f"{label} is empty", f"give a meeting summary as {FORMS}")
    named = kind_of_name(name)
    kind = sniffed(data)
    if kind is None:
        _refuse_other_kinds(data, label, named)
        kind = named or FALLBACK
    doc = reader_of(kind)(data, name, sha256_of(data))
    repair_broken_thai(doc)
    if named is not None and named is not kind:
        said, read_as = Path(name).suffix, f"{kind.suffixes[0]} ({kind.words})"
        message = f"{label} was read as {read_as}, as its bytes show, though its name says {said}"
        th = f"{label} อ่านเป็น{kind.th}ตามเนื้อไฟล์ แม้ชื่อไฟล์จะบอกว่าเป็น{named.th}"
        doc.notes.insert(0, Note("inferred", message, th=th))
    return doc


def repair_broken_thai(doc: RawDocument) -> None:
    """Repair, in place, Thai broken the way a PDF export or an OCR tool breaks it, in every block, table
    cell, the title and the text as decoded: ำ written as ํ + า, a mark split from its letter by a space,
    marks out of order (``pdfthai.repair_line``; a PDF's lines had these as they were read). Then, only in a
    document that showed such breakage, a vowel mark set on the letter after its own
    (``thaitext.rejoin_displaced_marks``: the dictionary decides, so a clean document's names are never
    weighed). One note per kind of repair, with its count; text that shows no breakage gets none.

    >>> from cddbrief.model import Block, Source
    >>> doc = RawDocument(Source("x.txt", "0", "txt", "utf-8"), [Block("paragraph", "สํานักงานพัฒนาชุมชนอําเภอ")])
    >>> repair_broken_thai(doc)
    >>> doc.blocks[0].text, [note.th for note in doc.notes]
    ('สำนักงานพัฒนาชุมชนอำเภอ', ['รวมนิคหิต + สระอา เป็นสระอำ 2 แห่ง'])
    """
    counts: Counter[str] = Counter()

    def each_text(repair: Callable[[str], str]) -> None:
        for block in doc.blocks:
            block.text = repair(block.text)
            if block.rows is not None:
                block.rows = [[repair(cell) for cell in row] for row in block.rows]
        if doc.title:
            doc.title = repair(doc.title)

    def repaired_line(text: str) -> str:
        text, found = pdfthai.repair_line(text)
        counts.update(found)
        return text

    def marks_moved(text: str) -> str:
        text, moved = rejoin_displaced_marks(text)
        counts[_MARK_MOVED] += moved
        return text

    if doc.source.format != "pdf" and pdfthai.may_be_broken(_all_text(doc)):
        each_text(repaired_line)
        if doc.text is not None and counts:  # a text dump's blocks are its lines: the same repairs, counted once
            doc.text = pdfthai.repair_line(doc.text)[0]
    if counts or _noted_thai_repairs(doc.notes):
        each_text(marks_moved)
        if doc.text is not None and counts[_MARK_MOVED]:
            doc.text = rejoin_displaced_marks(doc.text)[0]
    words = {**pdfthai.REPAIRS, _MARK_MOVED: _MARK_MOVED_WORDS}
    for kind, (english, thai) in words.items():
        if counts[kind]:
            doc.notes.append(Note("repair", english.format(n=counts[kind]), th=thai.format(n=counts[kind])))


def _all_text(doc: RawDocument) -> str:
    """Every block, table cell and the title of doc, a line each (for one test of them all)."""
    texts = [doc.title or ""]
    for block in doc.blocks:
        texts.append(block.text)
        if block.rows is not None:
            texts.extend(cell for row in block.rows for cell in row)
    return "\n".join(texts)


def _noted_thai_repairs(notes: list[Note]) -> bool:
    """Whether a reader (the PDF's) noted repairs of broken Thai as it read."""
    said = tuple(english.removeprefix("{n}") for english, _ in pdfthai.REPAIRS.values())
    return any(note.kind == "repair" and note.message.endswith(said) for note in notes)


_MARK_MOVED = "mark_moved"
_MARK_MOVED_WORDS = (
    "{n} Thai vowel marks set on the letter after their own (ประชมุ, เรอื น) were put back where the dictionary "
    "then knows the word (ประชุม, เรือน)",
    "ย้ายสระบน/ล่างที่อยู่บนอักษรตัวถัดไปกลับที่เดิม {n} แห่ง ตามคำในพจนานุกรม (ประชมุ -> ประชุม, เรอื น -> เรือน)",
)


def reader_of(kind: FileKind) -> Callable[[bytes, str, str], RawDocument]:
    """The function that reads a kind of file, ``(data, name, sha256) -> RawDocument``, imported when first
    asked for (reading a PDF loads PDFium; reading a text does not).

    >>> reader_of(kind_of_name("x.txt")).__name__
    'read_text'
    """
    module, function = kind.reader.rsplit(".", 1)
    return getattr(importlib.import_module(f"{__name__}.{module}"), function)


def _refuse_other_kinds(data: bytes, label: str, named: FileKind | None) -> None:
    """Refuse bytes that no write-up kind claims but another kind of file does, whatever the name says: an
    Office package by its parts, a picture or an old Office file by its first bytes. A zip named as a kind
    whose files are zips (.docx) is left to that kind's reader, which says what is wrong with it."""
    if data.startswith(ZIP):  # an Office file under another name says what it is by its parts
        for part, suffix in _PACKAGE_PARTS:
            if part in data:
                what, remedy = _KNOWN_OTHERS[suffix]
                raise UnreadableSource(f"{label} is {what}, not a meeting write-up", remedy)
    for magic, what, remedy in _SIGNATURES:
        if data.startswith(magic) and not (named is not None and named.magic == magic):
            raise UnreadableSource(f"{label} is {what}, not a meeting summary", remedy)
