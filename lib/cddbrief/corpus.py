"""The data/ catalogue: which meetings a folder holds, and which file is meeting X.

Meetings are found by reading the documents, not their file names. Any common
form of a meeting id resolves (``4/2562``, ``4/62``, ``2562-04``, ``๔/๒๕๖๒``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import CddbriefError
from .meeting import parse_meeting_id

SOURCE_SUFFIXES = (".txt", ".docx")
DEFAULT_DATA = Path("data/raw")


@dataclass(frozen=True)
class Entry:
    """One readable document of a folder."""

    id: str
    number: int
    year_be: int
    office: str
    path: Path


def default_data_dir() -> Path:
    """CDDBRIEF_DATA if set, else the nearest data/raw in the working folder or above it.

    JupyterLab starts kernels in the notebook's folder (notebooks/), the command
    line in the project root: both find the project's data/raw.
    """
    import os

    if os.environ.get("CDDBRIEF_DATA"):
        return Path(os.environ["CDDBRIEF_DATA"])
    here = Path.cwd()
    for folder in (here, *here.parents):
        if (folder / DEFAULT_DATA).is_dir():
            return folder / DEFAULT_DATA
    return DEFAULT_DATA


def source_files(data_dir: str | Path) -> list[Path]:
    """The documents of a folder (.txt, .docx), in name order; hidden files left out."""
    folder = Path(data_dir)
    if not folder.is_dir():
        raise CddbriefError(f"no data folder {folder}", "give the folder of meeting summaries with --data DIR")
    return sorted(
        p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SOURCE_SUFFIXES and not p.name.startswith((".", "~$"))
    )


def catalogue(data_dir: str | Path) -> tuple[list[Entry], list[tuple[Path, str]]]:
    """Every meeting in a folder, and the files that could not be read (with why)."""
    from .meeting import read_meeting

    entries, failures = [], []
    for path in source_files(data_dir):
        try:
            meeting = read_meeting(path)
        except CddbriefError as exc:
            failures.append((path, str(exc)))
            continue
        entries.append(Entry(meeting.id, meeting.number, meeting.year_be, meeting.office, path))
    return entries, failures


def looks_like_meeting_id(text: str) -> bool:
    try:
        parse_meeting_id(text)
    except CddbriefError:
        return False
    return True


def resolve(source: str, data_dir: str | Path | None = None, office: str | None = None) -> Path:
    """The file a SOURCE names: a path as it is, or a meeting id looked up in data_dir."""
    data_dir = data_dir or default_data_dir()
    path = Path(source)
    if path.exists():
        return path
    if path.suffix.lower() in SOURCE_SUFFIXES or not _could_be_id(source):
        raise CddbriefError(f"no such file: {source}", "check the path, or give a meeting id such as 4/2562")
    year_be, number = parse_meeting_id(source)
    wanted = f"{year_be}-{number:02d}"
    entries, failures = catalogue(data_dir)
    matches = [e for e in entries if e.id == wanted]
    if office:
        matches = [e for e in matches if office in e.office or office in e.path.name]
    if len(matches) == 1:
        return matches[0].path
    if not matches:
        known = ", ".join(sorted({e.id for e in entries})) or "none"
        unread = f"; {len(failures)} file(s) could not be read" if failures else ""
        where = f" from office '{office}'" if office else ""
        raise CddbriefError(f"no meeting {number}/{year_be}{where} in {data_dir} (meetings there: {known}{unread})", "give one of those ids, or --data DIR")
    offices = "; ".join(f"{e.office or '?'} ({e.path.name})" for e in matches)
    raise CddbriefError(f"meeting {number}/{year_be} has {len(matches)} documents: {offices}", "choose one with --office NAME")


def _could_be_id(text: str) -> bool:
    """Ids are short and have digits; anything else is taken for a file name."""
    return len(text) <= 20 and any(ch.isdigit() for ch in text) and "\\" not in text and not text.startswith(".")
