"""Reading: bytes of a source file -> text, or the cells of a Word table.

A text dump may come in UTF-8 (with or without BOM), UTF-16 with BOM, or
cp874/TIS-620, with LF, CRLF or CR line ends. A ``.docx`` gives the paragraphs
above its table as header lines and the table as rows of cell texts.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import CddbriefError
from .model import Note, Source
from .thaitext import thai_share

MAX_BYTES = 10 * 1024 * 1024  # a meeting summary is tens of kB; 10 MB is generous

WORD_SUFFIXES = {".docx"}

_SIGNATURES = [
    (b"%PDF", "a PDF file", "export the summary from Word as .txt or .docx"),
    (b"\x89PNG", "a PNG picture", "give the text of the summary, not a picture of it"),
    (b"\xff\xd8\xff", "a JPEG picture", "give the text of the summary, not a picture of it"),
    (b"GIF8", "a GIF picture", "give the text of the summary, not a picture of it"),
    (b"\xd0\xcf\x11\xe0", "an old Word (.doc) file", "save it from Word as .docx"),
    (b"PK\x03\x04", "a zip archive (perhaps a .docx)", "name it .docx if it is a Word document"),
]

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


@dataclass
class RawDocument:
    """A source file as read: either ``text`` (a dump) or ``header`` + ``table``."""

    source: Source
    text: str | None = None
    header: list[str] = field(default_factory=list)
    table: list[list[str]] | None = None
    notes: list[Note] = field(default_factory=list)


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_source(path: str | Path) -> RawDocument:
    """Read a meeting summary from a file; raise CddbriefError when it is not one."""
    path = Path(path)
    if not path.exists():
        raise CddbriefError(f"no such file: {path}", "check the path, or give a meeting id such as 4/2562")
    if path.is_dir():
        raise CddbriefError(f"{path} is a folder, not a file", "give one .txt or .docx file, or use --data for a folder")
    check_size(path.stat().st_size, path.name)  # before reading 50 MB for nothing
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CddbriefError(f"cannot read {path}: {exc.strerror}", "check its permissions") from None
    return read_bytes(data, name=str(path))


def check_size(size: int, name: str) -> None:
    """A meeting summary is tens of kB; refuse what cannot be one."""
    if size > MAX_BYTES:
        raise CddbriefError(
            f"{Path(name).name} is {size / 1e6:.0f} MB, too large for a meeting summary (limit {MAX_BYTES // 2**20} MB)",
            "check that this is the right file",
        )


def read_bytes(data: bytes, name: str = "<bytes>") -> RawDocument:
    """Read a meeting summary from bytes; ``name`` decides .docx or text."""
    check_size(len(data), name)
    suffix = Path(name).suffix.lower()
    if not data.strip():
        raise CddbriefError(f"{Path(name).name} is empty", "give a meeting summary exported from Word as .txt or .docx")
    digest = sha256_of(data)
    if suffix in WORD_SUFFIXES:
        return _read_docx(data, name, digest)
    for magic, what, remedy in _SIGNATURES:
        if data.startswith(magic):
            raise CddbriefError(f"{Path(name).name} is {what}, not a text file", remedy)
    text, encoding = decode_text(data, name)
    notes = []
    if encoding not in ("utf-8", "ascii"):
        notes.append(Note("repair", f"the file was read as {encoding}", th=f"อ่านไฟล์ด้วยรหัสอักขระ {encoding}"))
    return RawDocument(Source(name, digest, "txt", encoding), text=text, notes=notes)


def decode_text(data: bytes, name: str = "<bytes>") -> tuple[str, str]:
    """Decode bytes of a Thai text dump; return (text with LF line ends, encoding).

    Byte-order marks decide first; otherwise every plausible decoding is tried
    and the one that reads as the most Thai wins, so UTF-8 Thai is never taken
    for cp874 or the other way round.

    >>> decode_text("ครั้งที่ 4/2562\\r\\n".encode("cp874"))
    ('ครั้งที่ 4/2562\\n', 'cp874')
    """
    candidates: list[tuple[str, str]] = []
    if data.startswith(codecs.BOM_UTF8):
        candidates.append(("utf-8-sig", _try(data, "utf-8-sig")))
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates.append(("utf-16", _try(data, "utf-16")))
    else:
        utf8 = _try(data, "utf-8")
        if utf8 is not None and _looks_like_text(utf8) and thai_share(utf8) >= 0.5:
            return _line_ends(utf8), "utf-8"  # valid UTF-8 that reads as Thai: no need to weigh others
        candidates.append(("utf-8", utf8))
        if data.count(b"\x00") > len(data) // 4:
            candidates.append(("utf-16-le", _try(data, "utf-16-le")))
            candidates.append(("utf-16-be", _try(data, "utf-16-be")))
        candidates.append(("cp874", _try(data, "cp874")))
    readable = [(enc, text) for enc, text in candidates if text is not None and _looks_like_text(text)]
    label = Path(name).name
    if not readable:
        raise CddbriefError(
            f"{label} is not readable text (binary data, or an encoding other than UTF-8, UTF-16 or TIS-620)",
            "export the summary from Word as .txt (UTF-8) or .docx",
        )
    encoding, text = max(readable, key=lambda pair: thai_share(pair[1]))
    if thai_share(text) < 0.2:
        raise CddbriefError(
            f"{label} holds no Thai meeting summary (too little Thai text)",
            "give a summary of a TV พช. meeting written in Thai",
        )
    return _line_ends(text), encoding


def _line_ends(text: str) -> str:
    """CRLF and CR become LF."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _looks_like_text(text: str) -> bool:
    """Few control characters: text, not binary data decoded by luck."""
    if not text:
        return False
    controls = len(_CONTROL.findall(text))
    return controls <= max(2, len(text) // 1000)


# --- Word ---------------------------------------------------------------------------------

_W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _read_docx(data: bytes, name: str, digest: str) -> RawDocument:
    import io
    import zipfile

    label = Path(name).name
    if not data.startswith(b"PK"):
        raise CddbriefError(f"{label} is not a Word .docx file (it is not a zip archive)", "open it in Word and save it as .docx")
    try:
        import docx  # python-docx

        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise CddbriefError(f"{label} is not a readable Word .docx file ({exc})", "open it in Word and save it as .docx") from None
    except Exception as exc:  # lxml and python-docx raise many kinds on broken parts
        raise CddbriefError(f"{label} is a damaged Word file ({type(exc).__name__})", "open it in Word and save it again") from None

    header: list[str] = []
    rows: list[list[str]] = []
    notes: list[Note] = []
    seen_table = False
    auto_numbered = 0
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag
        if tag == f"{_W_NS}p" and not seen_table:
            text = "".join(node.text or "" for node in child.iter(f"{_W_NS}t"))
            if text.strip():
                header.append(text)
        elif tag == f"{_W_NS}tbl":
            seen_table = True
            table = docx.table.Table(child, document)
            for row in table.rows:
                cells, numbered = _row_cells(row)
                auto_numbered += numbered
                rows.append(cells)
    if not seen_table:
        raise CddbriefError(f"{label} has no table", "the summary needs its table ที่ | ประเด็น | ข้อสั่งการ | หมายเหตุ")
    if auto_numbered:
        notes.append(Note("repair", f"Word's automatic numbering was written out as 1., 2., … ({auto_numbered} paragraphs)", th=f"เลขข้ออัตโนมัติของ Word เขียนออกมาเป็น 1., 2., … ({auto_numbered} ย่อหน้า)"))
    return RawDocument(Source(name, digest, "docx", None), header=header, table=rows, notes=notes)


def _row_cells(row) -> tuple[list[str], int]:
    """Cell texts of a Word table row; merged cells count once.

    Paragraphs with Word's automatic numbering get their number written out,
    since python-docx gives the text without it.
    """
    cells: list[str] = []
    seen = set()
    numbered = 0
    for cell in row.cells:
        key = id(cell._tc)
        if key in seen:
            continue
        seen.add(key)
        lines = []
        counter = 0
        for paragraph in cell.paragraphs:
            text = paragraph.text
            if text.strip() and _auto_numbered(paragraph):
                counter += 1
                numbered += 1
                text = f"{counter}. {text}"
            lines.append(text)
        cells.append("\n".join(lines))
    return cells, numbered


def _auto_numbered(paragraph) -> bool:
    """Word numbers this paragraph itself (numPr on it or on its style chain)."""
    ppr = paragraph._p.pPr
    if ppr is not None and ppr.numPr is not None:
        return ppr.numPr.numId is None or ppr.numPr.numId.val != 0
    style = paragraph.style
    for _ in range(10):  # styles inherit; the chain is short, the bound guards a loop
        if style is None:
            return False
        spr = style.element.pPr
        if spr is not None and spr.numPr is not None:
            return True
        style = style.base_style
    return False
