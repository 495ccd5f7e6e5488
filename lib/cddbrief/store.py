"""The corpus store: every write-up of a folder read once, kept by content, loaded in one read.

Three kinds of sealed files (``cache``: bound by a key kept outside the cache folder) under
``CDDBRIEF_CACHE``:

- ``parse/<code>-<sha256>.json.z``: one document's Meeting (its JSON, ``Meeting.to_dict``) or
  why it could not be read, keyed by the content of the file and the digest of the code that
  read it. A brief's kernel and ``parse`` read it (``meeting_of``) and parse only on a miss.
- ``store/<folder>/documents``: one row per file of a folder (its name, size, times, inode,
  sha256, what the catalogue shows of it, and which file it is a copy of), as Parquet.
- ``store/<folder>/frames-<content>``: the tidy frames (``tidy.py``) of every distinct content
  of the folder, as Parquet, one table per frame, keyed by the set of contents it holds.

Reading a folder (``open_folder``) stats its files: a file whose name, size, times and inode
the store knows is not read at all; a new or changed file is read (from its ``parse`` entry, or
parsed, on every core, or on a dask cluster's workers), a removed one drops out; nothing else is
touched. Updates are made under a lock and land by atomic rename, so two processes reading one
folder at once lose nothing. A store that is damaged, foreign, written without the key, by
another version of the code or by a newer format is rebuilt without a word.

Why Parquet (pyarrow), not DuckDB: on 10,000 write-ups (``benchmarks/bench_corpus.py
--formats``) both load the frames in well under the goal, Parquet in one read of plain data that
can be checked (sealed) before it is parsed; a DuckDB file holds views and macros, SQL that runs
when a table is read, so a forged one could make ``SELECT * FROM items`` read any file.

A write-up kept in several files (a .docx and its PDF export, a copy) is one write-up
(``same_writeups``): the same meeting, the same office and the same directives (character
trigrams of the normalised directive text, ``SAME_TEXT`` alike); the richest form is read
(``FORM_RANK``, from each file kind's rank: .docx > .html/.htm/.xhtml > .txt > .pdf) and the others are
listed as its copies.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import zlib
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from . import cache as sealed
from .errors import CddbriefError
from .filekinds import KINDS, SOURCE_SUFFIXES  # noqa: F401 - the catalogue reads these (corpus re-exports them)

FORMAT = "cddbrief-store"
VERSION = 1  # of the files below; a store of a newer one is rebuilt (an older cddbrief reading it does the same)
FORM_RANK = {suffix: kind.rank for kind in KINDS for suffix in kind.suffixes}  # the richest form of a write-up first
SAME_TEXT = 0.9  # share of character trigrams two files' directive texts must share to be one write-up
CHUNK = 8  # documents per task when reading in parallel (small: a chunk of PDFs is not left for last)
PARALLEL_FROM = 40  # fewer documents than this to read: read here, no pool

COUNTS = ("items", "directives", "figures", "dated", "checks", "failing", "notes")
ENTRY_TEXTS = (
    "id",
    "number",
    "year_be",
    "office",
    "district",
    "province",
    "first_date",
    "last_date",
    "layout",
    "meeting_date",
)  # what the catalogue shows of a document, beside its COUNTS
STAT_FIELDS = ("size", "mtime_ns", "ctime_ns", "ino")


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
    counts: dict = field(
        default_factory=dict, compare=False
    )  # items, directives, figures, dated, checks, failing, notes
    first_date: str | None = None
    last_date: str | None = None
    layout: str | None = None
    meeting_date: str | None = None
    copies: list = field(default_factory=list, compare=False)  # other files holding this write-up (store.same_writeups)

    @classmethod
    def from_dict(cls, stored: dict, path: Path) -> Entry:
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
            "copies": list(self.copies),
        }


def entry_of(meeting, path: Path) -> Entry:
    """The catalogue's line for a meeting read from path."""
    spans = sorted(s.when for _, d in meeting.directives() for s in d.dates if s.start)
    ends = sorted(s.end for _, d in meeting.directives() for s in d.dates if s.end)
    return Entry(meeting.id, meeting.number, meeting.year_be, meeting.office, path, meeting.district, meeting.province,
                 meeting.source.sha256, meeting.counts(), spans[0].isoformat() if spans else None,
                 ends[-1].isoformat() if ends else None, meeting.source.layout,
                 meeting.meeting_date.isoformat() if meeting.meeting_date else None)  # fmt: skip


@cache
def documents_schema():
    """The columns of the documents table: one row per file of the folder."""
    import pyarrow as pa

    text, number = pa.string(), pa.int64()
    return pa.schema(
        [
            ("name", text),
            *((f, number) for f in STAT_FIELDS),
            ("sha256", text),
            ("error", text),
            ("id", text),
            ("number", number),
            ("year_be", number),
            ("office", text),
            ("district", text),
            ("province", text),
            *((c, number) for c in COUNTS),
            ("first_date", text),
            ("last_date", text),
            ("layout", text),
            ("meeting_date", text),
            ("copy_of", text),
            ("similarity", pa.float64()),
        ]
    )


@cache
def frame_schemas() -> dict:
    """The columns of each frame table (``tidy.COLUMNS``, typed as ``tidy.TYPES`` says) and the content's sha256."""
    import pyarrow as pa

    from .tidy import COLUMNS, TYPES

    frames = {}
    for name, columns in COLUMNS.items():
        ints, floats, bools, dates = TYPES[name]
        kind = {c: pa.int64() for c in ints}
        kind.update({c: pa.float64() for c in floats})
        kind.update({c: pa.bool_() for c in bools})
        kind.update({c: pa.date32() for c in dates})
        frames[name] = pa.schema([*((c, kind.get(c, pa.string())) for c in columns), ("sha256", pa.string())])
    return frames


# --- one document ---------------------------------------------------------------------------------


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


def entry_path(sha: str) -> Path:
    """Where one content's reading is kept: ``parse/<code>-<sha256>.json.z``."""
    return cache_dir() / "parse" / f"{code_digest()}-{sha}.json.z"


def load_entry(sha: str):
    """The Meeting (or the one-line error) kept for a content, or None: missing, or not sealed with
    the key (edited, forged, damaged), or not about this content and code (a mismatch rebuilds)."""
    from .model import Meeting

    body = sealed.read_blob(entry_path(sha))
    if body is None:
        return None
    try:
        stored = json.loads(zlib.decompress(body))
        if stored.get("sha256") != sha or stored.get("code") != code_digest():
            return None
        if "error" in stored:
            return CddbriefError(str(stored["error"]))
        meeting = Meeting.from_dict(stored["meeting"])
        return meeting if meeting.source.sha256 == sha else None
    except Exception:  # anything that is not what this code wrote: read the document again
        return None


def save_entry(sha: str, meeting=None, error: str | None = None) -> None:
    body = {"sha256": sha, "code": code_digest()}
    body.update({"meeting": meeting.to_dict()} if meeting is not None else {"error": error})
    text = json.dumps(body, ensure_ascii=False, default=str).encode("utf-8", "surrogateescape")
    sealed.write_blob(entry_path(sha), zlib.compress(text, 1))


def _stat(path: Path) -> tuple | None:
    try:
        s = path.stat()
    except OSError:
        return None
    return (s.st_size, s.st_mtime_ns, s.st_ctime_ns, s.st_ino)


def read_document(path: Path, data: bytes | None = None):
    """(sha256, Meeting or error line, stat) of one file: from its kept reading, else parsed and kept.

    The stat is the file's before and after it was read, or None when it changed meanwhile (the
    next reading then reads it again)."""
    import hashlib as _h

    from .meeting import parse_document
    from .sources import read_bytes, read_file_bytes

    before = _stat(path) if data is None else None
    kept_stat = None
    try:
        data = read_file_bytes(path) if data is None else data
    except CddbriefError as exc:
        return "", str(exc), None
    if before is not None and _stat(path) == before:
        kept_stat = before  # unchanged while it was read: the next reading may trust it
    sha = _h.sha256(data).hexdigest()
    kept = load_entry(sha)
    if kept is None:
        try:
            kept = parse_document(read_bytes(data, name=str(path)), need_number=False)
            save_entry(sha, kept)
        except CddbriefError as exc:
            kept = exc
            save_entry(sha, error=str(exc))
        except Exception as exc:  # a fault of ours on one document: it fails, the folder is still read (not kept)
            why = f"{path.name} could not be read: internal error ({type(exc).__name__}); report it with the file"
            return sha, why, kept_stat
    if isinstance(kept, Exception):
        return sha, str(kept), kept_stat
    return sha, at_path(kept, path), kept_stat


def at_path(meeting, path: Path):
    """The meeting kept for a content, as read from this path (the same bytes may have several)."""
    if meeting.source.path == str(path):
        return meeting
    return replace(meeting, source=replace(meeting.source, path=str(path)))


def _document_row(name: str, sha: str, result, stat) -> tuple[dict, object]:

    row = {"name": name, **dict(zip(STAT_FIELDS, stat or (None,) * 4)), "sha256": sha, "error": None}
    row.update({"copy_of": None, "similarity": None})
    if isinstance(result, str):
        row["error"] = result
        return row, None
    entry = entry_of(result, Path(name))
    row.update({f: getattr(entry, f) for f in ENTRY_TEXTS})
    row.update({c: entry.counts.get(c) for c in COUNTS})
    return row, result


def _read_chunk(paths: list[str], datas: list[bytes] | None = None) -> dict:
    """A task: some documents read (kept readings where there are), as document rows and Arrow
    tables of their frames (compact to send back; the parent never holds a million dicts)."""
    import pyarrow as pa

    from .tidy import frame_records

    rows, records, seen = [], {name: [] for name in frame_schemas()}, set()
    meetings = {}
    for i, p in enumerate(paths):
        path = Path(p)
        sha, result, stat = read_document(path, None if datas is None else datas[i])
        row, meeting = _document_row(path.name, sha, result, stat)
        rows.append(row)
        if meeting is not None and sha not in seen:
            seen.add(sha)
            if datas is not None:  # a cluster's worker: the parent keeps the reading in its own cache
                meetings[sha] = meeting.to_dict()
            for name, found in frame_records(meeting).items():
                records[name].extend({**r, "sha256": sha} for r in found)
    tables = {}
    for name, schema in frame_schemas().items():
        sink = io.BytesIO()
        with pa.ipc.new_stream(sink, schema) as writer:
            writer.write_table(pa.Table.from_pylist(records[name], schema=schema))
        tables[name] = sink.getvalue()
    return {"rows": rows, "tables": tables, "meetings": meetings}


# --- the folder's store -----------------------------------------------------------------------------


class Store:
    """What the store holds of one folder: its documents (a pyarrow Table) and, read on demand, its frames."""

    def __init__(self, folder: Path, documents, frames_name: str | None, frames=None, parts=None):
        self.folder, self.documents, self.frames_name = folder, documents, frames_name
        self._frames, self._parts = frames, parts

    def rows(self) -> list[dict]:
        return self.documents.to_pylist()

    def frames(self) -> dict:
        """The frame tables (pyarrow), read from the store in one read."""
        if self._frames is None:
            self._frames = dict(self.iter_frames())
        return self._frames

    def iter_frames(self):
        """(name, table) of each frame, each parsed only when asked for and let go of once given:
        memory holds the folder's frames once, not as Parquet, Arrow and pandas at the same time."""
        if self._frames is not None:
            yield from self._frames.items()
            return
        home = _home(self.folder)
        parts = self._parts or (_read_frames(home / self.frames_name, lazy=True) if self.frames_name else None)
        self._parts = None
        if parts is None:
            raise Stale()
        for name, schema in frame_schemas().items():
            table = _checked(parts.pop(name), schema)
            if table is None:
                raise Stale()
            yield name, table


class Stale(Exception):
    """The frames a documents file names are gone (replaced by another process): read again."""


def _home(folder: Path) -> Path:
    key = hashlib.sha256(os.fsencode(str(folder.resolve()))).hexdigest()[:24]
    return cache_dir() / "store" / key


def _pack(header: dict, parts: dict[str, bytes]) -> bytes:
    head = {**header, "format": FORMAT, "version": VERSION, "code": code_digest()}
    head["parts"] = [[n, len(b)] for n, b in parts.items()]
    return json.dumps(head).encode() + b"\n" + b"".join(parts.values())


def _unpack(body: bytes | None) -> tuple[dict, dict[str, memoryview]] | None:
    if body is None:
        return None
    try:
        line, _, rest = body.partition(b"\n")
        head = json.loads(line)
        if head.get("format") != FORMAT or head.get("version") != VERSION or head.get("code") != code_digest():
            return None
        parts, at, view = {}, 0, memoryview(rest)
        for name, size in head["parts"]:
            parts[str(name)] = view[at : at + int(size)]
            at += int(size)
        return (head, parts) if at == len(rest) else None
    except Exception:
        return None


def _parquet(table) -> bytes:
    import pyarrow.parquet as pq

    sink = io.BytesIO()
    pq.write_table(table, sink, compression="lz4")  # 4x quicker to load than zstd, for 1.5x the bytes
    return sink.getvalue()


def _table(part, threads: bool = False):
    """A Parquet part read (ParquetFile, not read_table, which loads pyarrow.dataset and pandas: 1 s of imports).

    Without Arrow's thread pool: once started, it can abort the process at its exit ("terminate called
    without an active exception", apache/arrow#34314), which a build's parent met once in a full test
    run; ``threads=True`` only where a caller measured it worth that."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    return pq.ParquetFile(pa.BufferReader(part)).read(use_threads=threads)


def _read_documents(folder: Path):
    """(documents table, frames file name) kept for the folder, or None."""
    unpacked = _unpack(sealed.read_blob(_home(folder) / "documents"))
    if unpacked is None:
        return None
    head, parts = unpacked
    try:
        documents = _table(parts["documents"])
        if not documents.schema.equals(documents_schema()) or head.get("folder") != str(folder.resolve()):
            return None
        return documents, head.get("frames")
    except Exception:
        return None


def _read_frames(path: Path, lazy: bool = False) -> dict | None:
    """The frame tables kept at path (or, ``lazy``, their Parquet parts, sealed and whole but not yet
    parsed), or None when the file is missing, damaged, foreign or of another version."""
    unpacked = _unpack(sealed.read_blob(path))
    if unpacked is None:
        return None
    _, parts = unpacked
    schemas = frame_schemas()
    if set(parts) != set(schemas):
        return None
    if lazy:
        return parts
    tables = {name: _checked(parts[name], schema) for name, schema in schemas.items()}
    return tables if all(t is not None for t in tables.values()) else None


def _checked(part, schema):
    """A Parquet part as a table of the given schema, or None."""
    try:
        table = _table(part)
    except Exception:
        return None
    return table if table.schema.equals(schema) else None


@contextmanager
def _locked(home: Path):
    """The folder's store, one writer at a time (a store that cannot be locked is written unlocked:
    each write is still atomic)."""
    import fcntl

    handle = None
    try:
        home.mkdir(parents=True, exist_ok=True)
        handle = open(home / "lock", "a+b")
        fcntl.flock(handle, fcntl.LOCK_EX)
    except OSError:
        handle = None
    try:
        yield
    finally:
        if handle is not None:
            handle.close()


def _listing(folder: Path) -> dict[str, tuple | None]:
    """Each document of the folder (``corpus.source_files``' choice) and its stat, in one pass."""

    found = {}
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.startswith((".", "~$")) or os.path.splitext(entry.name)[1].lower() not in SOURCE_SUFFIXES:
                continue
            if not utf8_name(entry.name):
                continue  # the store's tables hold text: such a file is listed apart (names_not_utf8)
            try:
                if entry.is_file():
                    s = entry.stat()
                    found[entry.name] = (s.st_size, s.st_mtime_ns, s.st_ctime_ns, s.st_ino)
            except OSError:
                continue
    return found


def utf8_name(name: str) -> bool:
    """Whether a file name is text (a name in other bytes, TIS-620 say, comes with surrogates).

    >>> utf8_name("การประชุม.txt"), utf8_name(b"\\xa1\\xd2.txt".decode("utf-8", "surrogateescape"))
    (True, False)
    """
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def names_not_utf8(folder: Path) -> list[str]:
    """The documents of a folder whose names are not UTF-8, which the store cannot hold: said, never read."""
    with os.scandir(folder) as entries:
        return sorted(
            e.name
            for e in entries
            if os.path.splitext(e.name)[1].lower() in SOURCE_SUFFIXES
            and not e.name.startswith(".")
            and not utf8_name(e.name)
        )


def _fresh(documents, listing: dict) -> tuple[list[str], set[str]]:
    """(names to read, names kept) given what the store knows and the folder now."""
    rows = documents.select(["name", *STAT_FIELDS]).to_pylist() if documents is not None else []
    known = {r["name"]: tuple(r[f] for f in STAT_FIELDS) for r in rows}
    keep = {n for n, st in listing.items() if st is not None and known.get(n) == st}
    return sorted(set(listing) - keep), keep


def open_folder(
    folder: str | Path, jobs: int | None = None, scheduler=None, progress: bool | None = None, frames: bool = False
) -> Store:
    """The store of a folder brought up to date with its files (see the module's docstring).

    ``scheduler``: a dask ``distributed.Client`` (or its address) whose workers read the new files;
    ``frames``: the frames are read too (and the store rebuilt when they are gone or damaged)."""
    folder = Path(folder)
    listing = _listing(folder)
    kept = _read_documents(folder)
    if kept is not None:
        todo, _ = _fresh(kept[0], listing)
        if not todo and len(kept[0]) == len(listing):
            parts = _read_frames(_home(folder) / kept[1], lazy=True) if frames and kept[1] else None
            if not frames or parts is not None:
                return Store(folder, kept[0], kept[1], parts=parts)
    home = _home(folder)
    with _locked(home):
        listing = _listing(folder)
        kept = _read_documents(folder)  # another process may have brought it up to date meanwhile
        documents, frames_name = kept if kept is not None else (None, None)
        todo, keep = _fresh(documents, listing)
        old_frames = _read_frames(home / frames_name) if (frames_name and (keep or frames)) else None
        whole = documents is not None and not todo and len(documents) == len(listing)
        if whole and (old_frames is not None or not frames):
            return Store(folder, documents, frames_name, old_frames)
        if old_frames is None:  # the frames are gone or damaged: every document is read again (from kept readings)
            todo, keep = sorted(listing), set()
        store = _update(folder, documents, old_frames, todo, keep, jobs, scheduler, progress, frames_name)
        _clean(home, store.frames_name)
        return store


def _update(
    folder: Path,
    documents,
    old_frames,
    todo: list[str],
    keep: set[str],
    jobs,
    scheduler,
    progress,
    old_name: str | None = None,
) -> Store:
    """The store written again: the files in ``todo`` read, those in ``keep`` kept as they were."""
    import pyarrow as pa
    import pyarrow.compute as pc

    results = _read_all(folder, todo, jobs, scheduler, progress)
    before = documents.to_pylist() if documents is not None else []
    rows = [r for r in before if r["name"] in keep]
    rows += [r for result in results for r in result["rows"]]
    rows.sort(key=lambda r: r["name"])
    shas = sorted({r["sha256"] for r in rows if r["sha256"] and not r["error"]})
    tables = {}
    for name, schema in frame_schemas().items():
        pieces = []
        have = set()
        if old_frames is not None:
            old = old_frames[name]
            have = set(old["sha256"].unique().to_pylist())
            gone = sorted(have - set(shas))
            if gone:  # only a removed or changed file's rows are dropped; the rest is kept as it is
                old = old.filter(pc.invert(pc.is_in(old["sha256"], value_set=pa.array(gone, pa.string()))))
                have -= set(gone)
            pieces.append(old)
        for result in results:
            new = pa.ipc.open_stream(result["tables"].pop(name)).read_all()
            known = new["sha256"].unique().to_pylist()
            fresh = [s for s in known if s not in have]
            if len(fresh) == len(known):
                pieces.append(new)  # the common case, reading cold: no copy
            elif fresh:
                pieces.append(new.filter(pc.is_in(new["sha256"], value_set=pa.array(fresh, pa.string()))))
            have.update(fresh)
        tables[name] = pa.concat_tables(pieces) if pieces else schema.empty_table()
    touched = set(todo) | {r["name"] for r in before if r["name"] not in keep}  # read again, or gone
    dirty = {_group_key(r) for r in [*before, *rows] if r["name"] in touched}
    same_writeups(rows, tables["directives"], None if documents is None else dirty)
    home = _home(folder)
    frames_name = "frames-" + hashlib.sha256((code_digest() + "\0".join(shas)).encode()).hexdigest()[:20]
    if frames_name != old_name or old_frames is None:
        sealed.write_blob(home / frames_name, _pack({}, {n: _parquet(t) for n, t in tables.items()}))
    table = pa.Table.from_pylist(rows, schema=documents_schema())
    header = {"folder": str(folder.resolve()), "frames": frames_name}
    sealed.write_blob(home / "documents", _pack(header, {"documents": _parquet(table)}))
    return Store(folder, table, frames_name, tables)


def _clean(home: Path, current: str | None) -> None:
    """Frames files no documents file names any more (a reader that still held the old name reads again)."""
    for old in home.glob("frames-*"):
        if old.name != current:
            try:
                old.unlink()
            except OSError:
                pass


def _read_all(folder: Path, names: list[str], jobs, scheduler, progress) -> list[dict]:
    """The given files of a folder read: here, on every core (a progress bar), or on a dask cluster."""
    if not names:
        return []
    from tqdm import tqdm

    paths = [str(folder / n) for n in names]
    chunks = [paths[i : i + CHUNK] for i in range(0, len(paths), CHUNK)]
    shown = None if progress is not False else True  # None: on a terminal only
    bar = tqdm(total=len(paths), unit="doc", desc="reading", disable=shown, leave=False, dynamic_ncols=True)
    results = []
    try:
        if scheduler is not None:
            results = _on_cluster(scheduler, chunks, bar)
        else:
            cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
            jobs = jobs or cores
            if jobs > 1 and len(paths) >= PARALLEL_FROM:
                from concurrent.futures import ProcessPoolExecutor, as_completed

                with ProcessPoolExecutor(max_workers=jobs) as pool:
                    for future in as_completed([pool.submit(_read_chunk, c) for c in chunks]):
                        results.append(future.result())
                        bar.update(len(results[-1]["rows"]))
            else:
                for c in chunks:
                    results.append(_read_chunk(c))
                    bar.update(len(c))
    finally:
        bar.close()
    return results


def _on_cluster(scheduler, chunks: list[list[str]], bar) -> list[dict]:
    """Each chunk's bytes sent to a dask worker, read there; the readings come back and are kept here."""
    from distributed import Client, as_completed

    from .model import Meeting
    from .sources import read_file_bytes

    client = scheduler if isinstance(scheduler, Client) else Client(scheduler, timeout=10)
    try:
        futures, stats = [], {}
        for c in chunks:
            datas = []
            for p in c:
                before = _stat(Path(p))
                try:
                    datas.append(read_file_bytes(p))
                except CddbriefError:
                    datas.append(b"")  # the worker says why in one line, as a local reading would
                stats[Path(p).name] = before if before == _stat(Path(p)) else None
            futures.append(client.submit(_read_chunk, [Path(p).name for p in c], datas, pure=False))
        results = []
        for future in as_completed(futures):
            result = future.result()
            for sha, record in result.pop("meetings").items():
                save_entry(sha, Meeting.from_dict(record))
            for row in result["rows"]:  # known unchanged here: not read again next time
                row.update(dict(zip(STAT_FIELDS, stats.get(row["name"]) or (None,) * 4)))
            results.append(result)
            bar.update(len(result["rows"]))
        return results
    finally:
        if client is not scheduler:
            client.close()


# --- written once, counted once -------------------------------------------------------------------


def _normalised(text: str) -> str:
    from .thaitext import to_arabic_digits

    return "".join(to_arabic_digits(text).split())


def _trigrams(text: str) -> set[str]:
    return {text[i : i + 3] for i in range(max(0, len(text) - 2))}


def likeness(a: str, b: str) -> float:
    """The share of character trigrams two directive texts share (spaces and digit forms aside).

    >>> likeness("ให้จังหวัดรายงาน ภายใน ๒๕ มี.ค.", "ให้จังหวัดรายงานภายใน 25 มี.ค.")
    1.0
    >>> likeness("ให้จังหวัดรายงาน", "ขอให้อำเภอประชุม") < 0.2
    True
    """
    x, y = _trigrams(_normalised(a)), _trigrams(_normalised(b))
    if not x and not y:
        return 1.0 if _normalised(a) == _normalised(b) else 0.0
    return len(x & y) / len(x | y) if x and y else 0.0


def _rank(row: dict):
    suffix = Path(row["name"]).suffix.lower()
    return (FORM_RANK.get(suffix, 9), -(row.get("directives") or 0), -(row.get("figures") or 0), row["name"])


def _group_key(row: dict) -> tuple:
    """What files must share to be one write-up: the meeting (number, else date) and the office;
    without either, the bytes."""
    if row["error"]:
        return ("sha", row["sha256"])
    meeting = row["id"] or (f"date:{row['meeting_date']}" if row["meeting_date"] else None)
    return (meeting, row["office"]) if meeting and row["office"] else ("sha", row["sha256"])


def same_writeups(rows: list[dict], directives, dirty: set | None = None) -> None:
    """Mark the files that hold a write-up another file holds too (``copy_of``, ``similarity``).

    Files are one write-up when they hold the same bytes, or name the same meeting (number, else
    date) and the same office and their directive texts are ``SAME_TEXT`` alike (character
    trigrams, spaces and digit forms aside); two offices' write-ups of one meeting never are.
    ``dirty``: the groups (``_group_key``) a file was added to, changed in or removed from; the
    others keep what was decided before (None: decide every group).
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    groups: dict[tuple, list[dict]] = {}
    for r in rows:
        if not r["error"]:
            groups.setdefault(_group_key(r), []).append(r)
    for key, group in groups.items():
        if dirty is None or key in dirty:
            for r in group:
                r["copy_of"], r["similarity"] = None, None
    candidates = [g for key, g in groups.items() if len(g) > 1 and (dirty is None or key in dirty)]
    if not candidates:
        return
    wanted = sorted({r["sha256"] for g in candidates for r in g})
    picked = directives.filter(pc.is_in(directives["sha256"], value_set=pa.array(wanted, pa.string())))
    picked = picked.select(["sha256", "text"])
    parts: dict[str, list[str]] = {}
    for sha, text in zip(picked["sha256"].to_pylist(), picked["text"].to_pylist()):
        parts.setdefault(sha, []).append(text or "")
    texts = {sha: "\n".join(p) for sha, p in parts.items()}
    grams: dict[str, set] = {}  # one group's contents at a time: a corpus's trigram sets would not fit in memory

    def alike(a: str, b: str) -> float:
        for sha in (a, b):
            if sha not in grams:
                grams[sha] = _trigrams(_normalised(texts.get(sha, "")))
        x, y = grams[a], grams[b]
        if not x or not y:
            return likeness(texts.get(a, ""), texts.get(b, ""))
        if min(len(x), len(y)) < SAME_TEXT * max(len(x), len(y)):  # too different in size to be alike
            return 0.0
        return len(x & y) / len(x | y)

    for group in candidates:
        grams.clear()
        left = sorted(group, key=_rank)
        while left:
            primary, rest = left[0], []
            for other in left[1:]:
                score = 1.0 if other["sha256"] == primary["sha256"] else alike(primary["sha256"], other["sha256"])
                if score >= SAME_TEXT:
                    other["copy_of"], other["similarity"] = primary["name"], round(score, 3)
                else:
                    rest.append(other)
            left = rest


def merged_note(primary: str, copies: list[tuple[str, float]]):
    """The note a write-up kept in several files carries: which files, which was read, and why.

    >>> print(merged_note("a.docx", [("a.pdf", 0.97)]).message)
    the same write-up is also kept as a.pdf (97% of the directive text alike): read once, from a.docx
    (the richest form: .docx, .html, .txt, .pdf), counted once
    """
    from .model import Note

    listed = ", ".join(f"{name} ({score:.0%} of the directive text alike)" for name, score in copies)
    listed_th = ", ".join(f"{name} (ข้อสั่งการตรงกัน {score:.0%})" for name, score in copies)
    forms = ".docx, .html, .txt, .pdf"
    message = f"the same write-up is also kept as {listed}: read once, from {primary} "
    message += f"(the richest form: {forms}), counted once"
    th = f"บันทึกเดียวกันนี้มีอีกไฟล์: {listed_th} อ่านครั้งเดียวจาก {primary} "
    th += f"(รูปแบบที่ครบที่สุด: {forms}) และนับครั้งเดียว"
    return Note("merged", message, th=th)


# --- one meeting, for a build and its kernel ----------------------------------------------------------


def meeting_of(path: str | Path, meeting_id: str | None = None, need_number: bool = True):
    """The Meeting of one file as ``meeting.read_meeting`` gives it, from the store where it has it
    (``need_number=False``: a write-up that names no meeting number is read too, as ``parse`` does).

    The file is not read at all when the store of its folder knows it unchanged (name, size,
    times, inode) and holds its reading; else its bytes are hashed and its kept reading used;
    it is parsed only when neither has it. A file with copies (``same_writeups``) carries the
    note that says so."""
    from .meeting import parse_document, parse_meeting_id
    from .sources import read_bytes, read_file_bytes

    path = Path(path)
    row = _known_row(path)
    meeting = load_entry(row["sha256"]) if row is not None else None
    data = None
    if meeting is None:
        data = read_file_bytes(path)
        meeting = load_entry(hashlib.sha256(data).hexdigest())
    if meeting is not None and not isinstance(meeting, Exception):
        wanted = None
        if meeting_id:
            year_be, number = parse_meeting_id(meeting_id)
            wanted = f"{year_be}-{number:02d}"
        if (meeting.id is not None or not need_number) and (wanted is None or wanted == meeting.id):
            meeting = at_path(meeting, path)
            copies = _copies(path, row)
            return replace(meeting, notes=[*meeting.notes, merged_note(path.name, copies)]) if copies else meeting
    if data is None:
        data = read_file_bytes(path)
    parsed = parse_document(read_bytes(data, name=str(path)), meeting_id=meeting_id, need_number=need_number)
    if not meeting_id:
        save_entry(parsed.source.sha256, parsed)
    copies = _copies(path, row)
    return replace(parsed, notes=[*parsed.notes, merged_note(path.name, copies)]) if copies else parsed


def _known_row(path: Path) -> dict | None:
    """The store's row of a file, when the store knows it as it is now."""
    try:
        kept = _read_documents(path.parent)
    except OSError:
        return None
    if kept is None:
        return None
    documents = kept[0]
    # plain lists, not pyarrow.compute: its first call imports pandas, which an up-to-date build never needs
    names = documents.column("name").to_pylist()
    if path.name not in names:
        return None
    row = documents.slice(names.index(path.name), 1).to_pylist()[0]
    if row["error"] or tuple(row[f] for f in STAT_FIELDS) != _stat(path):
        return None
    copy_of, similarity = documents.column("copy_of").to_pylist(), documents.column("similarity").to_pylist()
    row["_copies"] = [
        {"name": name, "similarity": similarity[n]} for n, name in enumerate(names) if copy_of[n] == path.name
    ]
    return row


def copies_of(path: str | Path) -> list[str]:
    """The other files of its folder that hold the same write-up as path (none when the store does not know it)."""
    return [name for name, _ in _copies(Path(path), _known_row(Path(path)))]


def _copies(path: Path, row: dict | None) -> list[tuple[str, float]]:
    if row is None:
        return []
    return [(c["name"], c["similarity"] or 1.0) for c in row.get("_copies", [])]
