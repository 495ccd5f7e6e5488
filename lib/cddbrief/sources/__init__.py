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
import stat
from pathlib import Path

from ..errors import UnreadableSource
from .document import RawDocument
from .text import decode_text

MAX_BYTES = 10 * 1024 * 1024  # a meeting summary is tens of kB; 10 MB is generous (a PDF with pictures included)

__all__ = ["MAX_BYTES", "RawDocument", "check_size", "decode_text", "read_bytes", "read_file_bytes", "read_limited", "read_source", "sha256_of"]

_PICTURES = "give the text of the summary (.docx, .pdf with text, .html or .txt), not a picture of it"
_SIGNATURES = [
    (b"\x89PNG", "a PNG picture", _PICTURES),
    (b"\xff\xd8\xff", "a JPEG picture", _PICTURES),
    (b"GIF8", "a GIF picture", _PICTURES),
    (b"\xd0\xcf\x11\xe0", "an old Word (.doc) file", "save it from Word as .docx"),
    (b"PK\x03\x04", "a zip archive (perhaps a .docx)", "name it .docx if it is a Word document"),
]
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_source(path: str | Path) -> RawDocument:
    """Read a meeting write-up from a file (.txt, .docx, .pdf, .html); raise UnreadableSource (a CddbriefError) when it cannot be one."""
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
        raise UnreadableSource(f"no such file: {path}", "check the path, or give a meeting id such as 4/2562") from None
    except OSError as exc:
        raise UnreadableSource(f"cannot read {path}: {exc.strerror}", "check the path and its permissions") from None
    if stat.S_ISDIR(info.st_mode):
        raise UnreadableSource(f"{path} is a folder, not a file", "give one .txt, .docx, .pdf or .html file, or use --data for a folder")
    if not stat.S_ISREG(info.st_mode):
        kind = "a named pipe (FIFO)" if stat.S_ISFIFO(info.st_mode) else "a device" if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode) else "a socket" if stat.S_ISSOCK(info.st_mode) else "not a regular file"
        raise UnreadableSource(f"{label} is {kind}, not a document", "give a saved .txt, .docx, .pdf or .html file")
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
        how_big = f"more than {MAX_BYTES // 2**20} MB" if size == MAX_BYTES + 1 else f"{size / 1e6:.0f} MB"  # a capped read knows no more
        raise UnreadableSource(
            f"{Path(name).name} is {how_big}, too large for a meeting summary (limit {MAX_BYTES // 2**20} MB)",
            "check that this is the right file",
        )


def read_bytes(data: bytes, name: str = "<bytes>") -> RawDocument:
    """Read a meeting write-up from bytes; the content (and then ``name``'s suffix) decides the kind."""
    check_size(len(data), name)
    suffix = Path(name).suffix.lower()
    label = Path(name).name
    if not data.strip():
        raise UnreadableSource(f"{label} is empty", "give a meeting summary as .docx, .pdf, .html or .txt")
    digest = sha256_of(data)
    if data.lstrip()[:5] == b"%PDF-" or suffix == ".pdf":
        from .pdf import read_pdf

        return read_pdf(data, name, digest)
    if suffix == ".docx":
        from .docx import read_docx

        return read_docx(data, name, digest)
    for magic, what, remedy in _SIGNATURES:
        if data.startswith(magic):
            raise UnreadableSource(f"{label} is {what}, not a meeting summary", remedy)
    if suffix in _HTML_SUFFIXES or _looks_like_html(data):
        from .html import read_html

        return read_html(data, name, digest)
    from .text import read_text

    return read_text(data, name, digest)


def _looks_like_html(data: bytes) -> bool:
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html", b"<?xml")) and b"<html" in data[:4096].lower()
