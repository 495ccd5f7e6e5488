"""Writing a file so that a reader never sees half of it: the bytes go to a hidden temporary file
beside the target, which is renamed over it (one step on the same file system); on every way out
(a full disk, Ctrl-C, SIGTERM) the temporary file is removed and the old file is as it was.

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> write_atomic(folder / "สรุป.json", '{"ครั้งที่": "4/2562"}').read_text(encoding="utf-8")
'{"ครั้งที่": "4/2562"}'
>>> sorted(p.name for p in folder.iterdir())
['สรุป.json']
"""

from __future__ import annotations

import os
from pathlib import Path

WRITING: set[Path] = set()  # temporary files being written now: a worker stopped mid-write removes them


def temporary_for(target: Path) -> Path:
    """The hidden temporary file a write of ``target`` goes through (``.brief.html.1234.tmp``)."""
    return target.with_name(f".{target.name}.{os.getpid()}.tmp")


def write_atomic(target: Path, data: bytes | str) -> Path:
    """Write ``data`` (text is written as UTF-8, a stray byte of a name escaped, never a crash) to
    ``target`` through a temporary file renamed into place; returns ``target``."""
    if isinstance(data, str):
        data = data.encode("utf-8", errors="backslashreplace")
    tmp = temporary_for(target)
    WRITING.add(tmp)
    try:
        tmp.write_bytes(data)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
        WRITING.discard(tmp)
    return target
