"""Text dumps: bytes in UTF-8 (with or without BOM), UTF-16 with BOM or cp874/TIS-620 -> text and blocks.

Each non-empty line is a paragraph block; the text itself is kept, since a
Word table dumped to text keeps its cells as tab-led lines (``layout``).
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ..errors import UnreadableSource
from ..model import Block, Note, Source
from ..thaitext import thai_share, thai_share_of_utf8
from .document import RawDocument

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def read_text(data: bytes, name: str, digest: str):
    """A text dump as a RawDocument: one paragraph block per non-empty line.

    >>> doc = read_text("หัวเรื่อง\\r\\nครั้งที่ 4/2562\\r\\n".encode("cp874"), "x.txt", "0")
    >>> [b.text for b in doc.blocks], doc.source.encoding
    (['หัวเรื่อง', 'ครั้งที่ 4/2562'], 'cp874')
    """

    text, encoding = decode_text(data, name)
    notes = []
    if encoding not in ("utf-8", "ascii"):
        notes.append(Note("repair", f"the file was read as {encoding}", th=f"อ่านไฟล์ด้วยรหัสอักขระ {encoding}"))
    blocks = [Block("paragraph", line) for line in text.split("\n") if line.strip()]
    return RawDocument(Source(name, digest, "txt", encoding), blocks=blocks, text=text, notes=notes)


def decode_text(data: bytes, name: str = "<bytes>") -> tuple[str, str]:
    """Decode bytes of a Thai text dump; return (text with LF line ends, encoding).

    Byte-order marks decide first; otherwise every plausible decoding is tried
    and the one that reads as the most Thai wins, so UTF-8 Thai is never taken
    for cp874 or the other way round.

    >>> decode_text("ครั้งที่ 4/2562\\r\\n".encode("cp874"))
    ('ครั้งที่ 4/2562\\n', 'cp874')
    """
    candidates: list[tuple[str, str | None]] = []
    if data.startswith(codecs.BOM_UTF8):
        candidates.append(("utf-8-sig", _try(data, "utf-8-sig")))
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates.append(("utf-16", _try(data, "utf-16")))
    else:
        utf8 = _try(data, "utf-8")
        # valid UTF-8 that reads as Thai: no need to weigh others (told from the bytes at hand: no second
        # encoding of the text)
        if utf8 is not None and _utf8_looks_like_text(data, utf8) and thai_share_of_utf8(data, len(utf8)) >= 0.5:
            return _line_ends(utf8), "utf-8"
        candidates.append(("utf-8", utf8))
        if data.count(b"\x00") > len(data) // 4:
            candidates.append(("utf-16-le", _try(data, "utf-16-le")))
            candidates.append(("utf-16-be", _try(data, "utf-16-be")))
        candidates.append(("cp874", _try(data, "cp874")))
    readable = [(enc, text) for enc, text in candidates if text is not None and _looks_like_text(text)]
    label = Path(name).name
    if not readable:
        raise UnreadableSource(
            f"{label} is not readable text (binary data, or an encoding other than UTF-8, UTF-16 or TIS-620)",
            "export the summary from Word as .docx, .pdf or .txt (UTF-8)",
        )
    encoding, text = max(readable, key=lambda pair: thai_share(pair[1]))
    if thai_share(text) < 0.2:
        raise UnreadableSource(
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


_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])  # _CONTROL as bytes
_NOT_CONTROL_BYTES = bytes(b for b in range(256) if b not in _CONTROL_BYTES)


def _utf8_looks_like_text(data: bytes, text: str) -> bool:
    """``_looks_like_text`` of ``text`` = ``data`` decoded as UTF-8, counting the control bytes: in UTF-8
    a byte below 0x80 is always a character of its own, so the bytes hold as many as the text."""
    if not text:
        return False
    controls = len(data.translate(None, _NOT_CONTROL_BYTES))
    return controls <= max(2, len(text) // 1000)


def _looks_like_text(text: str) -> bool:
    """Few control characters: text, not binary data decoded by luck."""
    if not text:
        return False
    controls = len(_CONTROL.findall(text))
    return controls <= max(2, len(text) // 1000)
