"""The file kinds a meeting write-up is read from, in one table: each kind's name (``source.format`` in
``parse --json``), its suffixes, how its bytes show it, the module of ``cddbrief.sources`` that reads it,
its words in the command line's help, and its rank among copies of one write-up. The catalogue
(``store``), the readers (``sources.read_bytes``), the model's ``SourceFormat`` and the help all take
their words from here: a new kind is one entry here plus its own module in ``sources``.

>>> FORMS
'.txt, .docx, .pdf, .html, .htm or .xhtml'
>>> "สรุปการประชุม.docx".endswith(SOURCE_SUFFIXES), kind_of_name("ข่าว.HTM").name
(True, 'html')
>>> sniffed(b"%PDF-1.7 ...").name, sniffed("ครั้งที่ 4/2562".encode())
('pdf', None)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath

PDF = b"%PDF-"
ZIP = b"PK\x03\x04"


def is_pdf(data: bytes) -> bool:
    """A PDF starts with ``%PDF-`` (after blank space some writers put first).

    >>> is_pdf(b"\\n%PDF-1.4"), is_pdf(b"PDF")
    (True, False)
    """
    return data.lstrip()[: len(PDF)] == PDF


def is_word_package(data: bytes) -> bool:
    """A .docx is a zip (``PK``) holding ``word/document.xml``: a zip keeps its parts' names as written.

    >>> is_word_package(b"PK\\x03\\x04....word/document.xml...."), is_word_package(b"PK\\x03\\x04..xl/workbook.xml")
    (True, False)
    """
    return data.startswith(ZIP) and b"word/document" in data


def looks_like_html(data: bytes) -> bool:
    """A web page opens on ``<!doctype html``, ``<html`` or ``<?xml`` and has ``<html`` near its start.

    >>> looks_like_html("\\ufeff<!DOCTYPE html><html lang='th'>".encode()), looks_like_html(b"<p>a</p>")
    (True, False)
    """
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html", b"<?xml")) and b"<html" in data[:4096].lower()


@dataclass(frozen=True)
class FileKind:
    """One kind of file a write-up is read from."""

    name: str  # the word for it in the model and the JSON (``source.format``)
    suffixes: tuple[str, ...]  # lower case, with the dot; the first is the usual one
    words: str  # what it is, for the help and notes: ``Word`` (the help says ``Word (.docx)``)
    th: str  # what it is, in Thai (for notes)
    reader: str  # its module in cddbrief.sources and the function there that reads it: ``docx.read_docx``
    sniff: Callable[[bytes], bool] | None  # its bytes say it is one; None: what no other kind's bytes claim
    magic: bytes | None  # the bytes every file of the kind starts with (a .docx: a zip's); None: none
    rank: int  # among copies of one write-up, the richest kind (lowest rank) is the one kept

    def help(self) -> str:
        """The kind in the help's words.

        >>> KINDS[0].help()
        'text (.txt)'
        """
        return f"{self.words} ({', '.join(self.suffixes)})"


KINDS: tuple[FileKind, ...] = (
    FileKind("txt", (".txt",), "text", "ไฟล์ข้อความ", reader="text.read_text", sniff=None, magic=None, rank=2),
    FileKind("docx", (".docx",), "Word", "ไฟล์ Word", reader="docx.read_docx", sniff=is_word_package, magic=ZIP, rank=0),
    FileKind("pdf", (".pdf",), "PDF", "ไฟล์ PDF", reader="pdf.read_pdf", sniff=is_pdf, magic=PDF, rank=3),
    FileKind("html", (".html", ".htm", ".xhtml"), "web page", "หน้าเว็บ", reader="html.read_html", sniff=looks_like_html,
             magic=None, rank=1),
)  # fmt: skip
"""Every kind, in the order the help names them. Their sniffs exclude each other, so the order of
sniffing does not matter; the kind with no sniff (text) reads what no other kind claims."""

NAMES = tuple(kind.name for kind in KINDS)
SOURCE_SUFFIXES = tuple(suffix for kind in KINDS for suffix in kind.suffixes)
FORMS = ", ".join(SOURCE_SUFFIXES[:-1]) + " or " + SOURCE_SUFFIXES[-1]
FALLBACK = next(kind for kind in KINDS if kind.sniff is None)  # reads what no other kind's bytes or name claims
HELP = ", ".join(kind.help() for kind in KINDS[:-1]) + " or " + KINDS[-1].help()
"""Every kind in words, for the help: ``text (.txt), Word (.docx), PDF (.pdf) or web page (.html, .htm, .xhtml)``."""


def kind_of_name(name: str | PurePath) -> FileKind | None:
    """The kind a file's name says it is (None: no kind's suffix).

    >>> kind_of_name("รายงาน.PDF").name, kind_of_name("งบ.xlsx")
    ('pdf', None)
    """
    suffix = PurePath(name).suffix.lower()
    return next((kind for kind in KINDS if suffix in kind.suffixes), None)


def sniffed(data: bytes) -> FileKind | None:
    """The kind a file's bytes show it to be (None: no kind's mark, which text has none of)."""
    return next((kind for kind in KINDS if kind.sniff is not None and kind.sniff(data)), None)
