"""The data/ catalogue: which meetings a folder holds, and which file is meeting X.

Meetings are found by reading the documents, not their file names. Any common
form of a meeting id resolves (``4/2562``, ``4/62``, ``2562-04``, ``๔/๒๕๖๒``).
Parsing is cached by content: a document's sha256 and the code that reads it
(``CDDBRIEF_CACHE``, default ``~/.cache/cddbrief``), so a folder read again
costs a hash per file; uncached documents are parsed on every core.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path

from . import cache as store
from .errors import AmbiguousMeeting, BadSetting, CddbriefError, UnknownMeeting, UnreadableSource
from .meeting import parse_meeting_id

SOURCE_SUFFIXES = (".txt", ".docx", ".pdf", ".html", ".htm")
DEFAULT_DATA = Path("data/raw")


@dataclass(frozen=True)
class Entry:
    """One readable document of a folder, and what it holds.

    ``id``, ``number`` and ``year_be`` are None for a write-up that names no
    meeting number: it is listed by its date, and needs ``--meeting`` to be built.
    """

    id: str | None
    number: int | None
    year_be: int | None
    office: str
    path: Path
    district: str | None = None
    province: str | None = None
    sha256: str = ""
    counts: dict = field(default_factory=dict, compare=False)  # items, directives, figures, dated, checks, failing, notes
    first_date: str | None = None
    last_date: str | None = None
    layout: str | None = None
    meeting_date: str | None = None

    @classmethod
    def from_dict(cls, stored: dict, path: Path) -> "Entry":
        """An entry as the cache stores it (``dataclasses.asdict``), at the path the file has now."""
        return cls(**{**stored, "path": path})

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "number": self.number,
            "year_be": self.year_be,
            "meeting_date": self.meeting_date,
            "layout": self.layout,
            "office": self.office,
            "district": self.district,
            "province": self.province,
            **self.counts,
            "first_date": self.first_date,
            "last_date": self.last_date,
            "file": str(self.path),
            "sha256": self.sha256,
        }


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
        raise BadSetting(f"no data folder {folder}", "give the folder of meeting summaries with --data DIR")
    return sorted(
        p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SOURCE_SUFFIXES and not p.name.startswith((".", "~$"))
    )


def cache_dir() -> Path:
    return Path(os.environ.get("CDDBRIEF_CACHE") or Path.home() / ".cache" / "cddbrief")


@cache
def code_digest() -> str:
    """What reading depends on: the package's code and data. A change empties the cache's meaning."""
    return digest_of(Path(__file__).resolve().parent)


def digest_of(package: Path) -> str:
    """The digest of a package folder's Python files (subpackages too: readers/, sources/) and data."""
    digest = hashlib.sha256()
    for path in sorted([*package.rglob("*.py"), *package.joinpath("data").glob("*")]):
        digest.update(str(path.relative_to(package)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def entry_of(meeting, path: Path) -> Entry:
    """The catalogue's line for a meeting read from path."""
    spans = sorted(s.when for _, d in meeting.directives() for s in d.dates if s.start)
    ends = sorted(s.end for _, d in meeting.directives() for s in d.dates if s.end)
    return Entry(meeting.id, meeting.number, meeting.year_be, meeting.office, path, meeting.district, meeting.province,
                 meeting.source.sha256, meeting.counts(), spans[0].isoformat() if spans else None, ends[-1].isoformat() if ends else None,
                 meeting.source.layout, meeting.meeting_date.isoformat() if meeting.meeting_date else None)  # fmt: skip


def read_cached(path: Path) -> dict:
    """A document read once per content: {"entry", "records"} or {"error"}; cached on disk."""
    from .tidy import frame_records
    from .meeting import parse_document
    from .sources import read_bytes, read_file_bytes

    try:
        data = read_file_bytes(path)
    except CddbriefError as exc:
        return {"error": str(exc)}
    sha = hashlib.sha256(data).hexdigest()
    cached = cache_dir() / "parse" / f"{code_digest()}-{sha}.json"
    stored = store.read(cached)
    if stored is not None and stored.get("sha256") == sha:
        if "entry" in stored:
            return {"entry": Entry.from_dict(stored["entry"], path), "records": stored["records"]}
        return {"error": stored["error"]}
    try:
        meeting = parse_document(read_bytes(data, name=str(path)), need_number=False)
        result = {"entry": entry_of(meeting, path), "records": frame_records(meeting)}
    except CddbriefError as exc:
        result = {"error": str(exc)}
    except Exception as exc:  # a fault of ours on one document: that document fails, the folder is still listed
        return {"error": f"{path.name} could not be read: internal error ({type(exc).__name__}); report it with the file"}
    stored = {"sha256": sha, **({"entry": asdict(result["entry"]), "records": result["records"]} if "entry" in result else result)}
    store.write(cached, stored)
    return result


def read_folder(data_dir: str | Path, jobs: int | None = None) -> list[tuple[Path, dict]]:
    """Every document of a folder read (from the cache where it can be), in name order."""
    paths = source_files(data_dir)
    jobs = jobs or os.cpu_count() or 1
    if jobs > 1 and len(paths) > 40:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            results = list(pool.map(read_cached, paths, chunksize=16))
    else:
        results = [read_cached(p) for p in paths]
    return list(zip(paths, results))


def catalogue(data_dir: str | Path) -> tuple[list[Entry], list[tuple[Path, str]]]:
    """Every meeting in a folder, and the files that could not be read (with why)."""
    entries, failures = [], []
    for path, result in read_folder(data_dir):
        if "error" in result:
            failures.append((path, result["error"]))
        else:
            entries.append(result["entry"])
    entries.sort(key=lambda e: (e.id or "~", e.meeting_date or "", e.office, e.path.name))
    return entries, failures


def load_corpus(data_dir: str | Path | None = None):
    """The tidy frames of every meeting in a folder, with meeting and office columns.

    >>> f = load_corpus("data/raw")                               # doctest: +SKIP
    >>> f.quantities.groupby(["meeting", "unit"])["value"].sum()  # doctest: +SKIP
    """
    from .tidy import COLUMNS, frames_from_records

    folder = Path(data_dir) if data_dir else default_data_dir()
    key = hashlib.sha256(code_digest().encode())
    for path in source_files(folder):  # the corpus's identity: every file's name and content
        try:
            key.update(f"{path.name}\0{hashlib.sha256(path.read_bytes()).hexdigest()}\0".encode())
        except OSError:
            key.update(f"{path.name}\0unreadable\0".encode())
    cached = cache_dir() / "corpus" / f"{key.hexdigest()}.json"
    records = store.read(cached)
    if records is None:
        records = {name: [] for name in COLUMNS}
        for _, result in read_folder(folder):
            for name, rows in result.get("records", {}).items():
                records[name].extend(rows)
        store.write(cached, records)
    return frames_from_records(records)


def distinct_names(entries) -> dict[Path, bool | str]:
    """How each document's brief folder is told apart from others of the same meeting: True when
    another office wrote it up (``2562-04-soem-ngam``), "document" when the same office wrote it up
    more than once (``2562-04-soem-ngam-1a2b3c``, by sha256); documents alone are left out."""
    by_id: dict[str | None, list] = {}
    for e in entries:
        if e.id:
            by_id.setdefault(e.id, []).append(e)
    naming = {}
    for group in by_id.values():
        if len(group) < 2:
            continue
        for e in group:
            twins = sum(1 for other in group if other.office == e.office and other.sha256 != e.sha256)
            naming[e.path] = "document" if twins else True
    return naming


def same_office_twins(entries) -> dict[Path, list]:
    """The documents of one meeting from one office that are not the same bytes: each → its twins."""
    naming = distinct_names(entries)
    return {e.path: [o for o in entries if o.id == e.id and o.office == e.office and o.sha256 != e.sha256]
            for e in entries if naming.get(e.path) == "document"}  # fmt: skip


def resolve(source: str, data_dir: str | Path | None = None, office: str | None = None) -> Path:
    """The file a SOURCE names: a path as it is, or a meeting id looked up in data_dir."""
    data_dir = data_dir or default_data_dir()
    path = Path(source)
    if path.exists():
        return path
    if path.suffix.lower() in SOURCE_SUFFIXES or not _could_be_id(source):
        raise UnreadableSource(f"no such file: {source}", "check the path, or give a meeting id such as 4/2562")
    year_be, number = parse_meeting_id(source)
    wanted = f"{year_be}-{number:02d}"
    entries, failures = catalogue(data_dir)
    matches = [e for e in entries if e.id == wanted]
    if office:
        matches = [e for e in matches if office in e.office or office in e.path.name]
    if len(matches) == 1:
        return matches[0].path
    if not matches:
        known = ", ".join(sorted({e.id for e in entries if e.id})) or "none"
        unread = f"; {len(failures)} file(s) could not be read" if failures else ""
        where = f" from office '{office}'" if office else ""
        raise UnknownMeeting(f"no meeting {number}/{year_be}{where} in {data_dir} (meetings there: {known}{unread})", "give one of those ids, or --data DIR")
    offices = "; ".join(f"{e.office or '?'} ({e.path.name}, sha256 {e.sha256[:6]})" for e in matches)
    if len({e.office for e in matches}) < len(matches):  # one office wrote it up more than once: only a path can choose
        raise AmbiguousMeeting(f"meeting {number}/{year_be} has {len(matches)} documents, some from the same office: {offices}",
                            f"give the file instead of the id, e.g. {matches[0].path} (--office cannot tell these apart)")  # fmt: skip
    raise AmbiguousMeeting(f"meeting {number}/{year_be} has {len(matches)} documents: {offices}", "choose one with --office NAME")


def _could_be_id(text: str) -> bool:
    """Ids are short and have digits; anything else is taken for a file name."""
    return len(text) <= 20 and any(ch.isdigit() for ch in text) and "\\" not in text and not text.startswith(".")
