"""Reading: the bytes of a source file -> a RawDocument of blocks, whatever the file kind.

One module per kind: ``text`` (a text dump in any Thai encoding), ``docx``
(paragraphs, Word's list numbering, tables), ``pdf`` (the text layer, Thai
repaired; tables as tables) and ``html`` (the page's main content). Each gives
the same thing: a list of :class:`~cddbrief.model.Block` (paragraphs, list
items, tables) and notes on what reading repaired, so every layout reader
works on every file kind.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..errors import CddbriefError
from ..model import Block, Note, Source
from .text import decode_text

MAX_BYTES = 10 * 1024 * 1024  # a meeting summary is tens of kB; 10 MB is generous (a PDF with pictures included)

__all__ = ["MAX_BYTES", "RawDocument", "check_size", "decode_text", "read_bytes", "read_source", "sha256_of"]

_PICTURES = "give the text of the summary (.docx, .pdf with text, .html or .txt), not a picture of it"
_SIGNATURES = [
    (b"\x89PNG", "a PNG picture", _PICTURES),
    (b"\xff\xd8\xff", "a JPEG picture", _PICTURES),
    (b"GIF8", "a GIF picture", _PICTURES),
    (b"\xd0\xcf\x11\xe0", "an old Word (.doc) file", "save it from Word as .docx"),
    (b"PK\x03\x04", "a zip archive (perhaps a .docx)", "name it .docx if it is a Word document"),
]
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


@dataclass
class RawDocument:
    """A source file as read: its blocks in reading order, and what reading noted.

    ``text`` keeps a text dump as decoded (its tabs are a Word table's cells);
    ``title`` and ``published`` come from an HTML page or a PDF's metadata.
    """

    source: Source
    blocks: list[Block] = field(default_factory=list)
    text: str | None = None
    title: str | None = None
    published: date | None = None
    notes: list[Note] = field(default_factory=list)

    def tables(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "table"]

    def paragraphs_before_first_table(self) -> list[str]:
        lines = []
        for block in self.blocks:
            if block.kind == "table":
                break
            lines.append(f"{block.label} {block.text}" if block.label else block.text)
        return lines


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_source(path: str | Path) -> RawDocument:
    """Read a meeting write-up from a file (.txt, .docx, .pdf, .html); raise CddbriefError when it cannot be one."""
    path = Path(path)
    if not path.exists():
        raise CddbriefError(f"no such file: {path}", "check the path, or give a meeting id such as 4/2562")
    if path.is_dir():
        raise CddbriefError(f"{path} is a folder, not a file", "give one .txt, .docx, .pdf or .html file, or use --data for a folder")
    check_size(path.stat().st_size, path.name)  # before reading 50 MB for nothing
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CddbriefError(f"cannot read {path}: {exc.strerror}", "check its permissions") from None
    return read_bytes(data, name=str(path))


def check_size(size: int, name: str) -> None:
    """A meeting write-up is tens of kB; refuse what cannot be one."""
    if size > MAX_BYTES:
        raise CddbriefError(
            f"{Path(name).name} is {size / 1e6:.0f} MB, too large for a meeting summary (limit {MAX_BYTES // 2**20} MB)",
            "check that this is the right file",
        )


def read_bytes(data: bytes, name: str = "<bytes>") -> RawDocument:
    """Read a meeting write-up from bytes; the content (and then ``name``'s suffix) decides the kind."""
    check_size(len(data), name)
    suffix = Path(name).suffix.lower()
    label = Path(name).name
    if not data.strip():
        raise CddbriefError(f"{label} is empty", "give a meeting summary as .docx, .pdf, .html or .txt")
    digest = sha256_of(data)
    if data.lstrip()[:5] == b"%PDF-" or suffix == ".pdf":
        from .pdf import read_pdf

        return read_pdf(data, name, digest)
    if suffix == ".docx":
        from .docx import read_docx

        return read_docx(data, name, digest)
    for magic, what, remedy in _SIGNATURES:
        if data.startswith(magic):
            raise CddbriefError(f"{label} is {what}, not a meeting summary", remedy)
    if suffix in _HTML_SUFFIXES or _looks_like_html(data):
        from .html import read_html

        return read_html(data, name, digest)
    from .text import read_text

    return read_text(data, name, digest)


def _looks_like_html(data: bytes) -> bool:
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html", b"<?xml")) and b"<html" in data[:4096].lower()
