"""The data/ catalogue: which meetings a folder holds, and which file is meeting X.

Meetings are found by reading the documents, not their file names. Any common
form of a meeting id resolves (``4/2562``, ``4/62``, ``2562-04``, ``๔/๒๕๖๒``).
Everything goes through the corpus store (``store.py``: keyed by content and the
code that reads it, under ``CDDBRIEF_CACHE``, default ``~/.cache/cddbrief``): a folder
read again costs a stat per file and one read of the store; new or changed documents
are read on every core. A write-up kept in several files is listed once, with its copies.
"""

from __future__ import annotations

from pathlib import Path

from .errors import AmbiguousMeeting, BadSetting, CddbriefError, Setting, UnknownMeeting, UnreadableSource, shown
from .store import SOURCE_SUFFIXES, Entry, cache_dir, code_digest, digest_of, entry_of, names_not_utf8  # noqa: F401 - the catalogue's words

DEFAULT_DATA = Path("data/raw")


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


def no_data_folder(folder: Path) -> BadSetting:
    """The error for a data folder that is not there; for the default, where it was looked for (the
    working folder and those above it: a notebook runs in its own folder, the command line anywhere).

    >>> print(no_data_folder(Path("ไม่มี/ข้อมูล")))
    no data folder ไม่มี/ข้อมูล: give the folder of meeting write-ups (set data_dir)
    """
    where = ""
    here = Path.cwd()
    if folder == DEFAULT_DATA and not any((f / DEFAULT_DATA).is_dir() for f in (here, *here.parents)):
        where = f" (none in {shown(here)} or the folders above it)"
    return BadSetting(
        f"no data folder {shown(folder)}{where}", "give the folder of meeting write-ups", settings="data_dir"
    )


def source_files(data_dir: str | Path) -> list[Path]:
    """The documents of a folder (.txt, .docx), in name order; hidden files left out."""
    folder = Path(data_dir)
    if not folder.is_dir():
        raise no_data_folder(folder)
    return sorted(
        (
            p
            for p in folder.iterdir()
            if p.is_file() and p.suffix.lower() in SOURCE_SUFFIXES and not p.name.startswith((".", "~$"))
        ),
        key=lambda p: p.name,
    )


def _entry_of_row(row: dict, folder: Path, copies: list[str]) -> Entry:
    from .store import COUNTS

    return Entry(
        row["id"],
        row["number"],
        row["year_be"],
        row["office"] or "",
        folder / row["name"],
        row["district"],
        row["province"],
        row["sha256"],
        {c: row[c] for c in COUNTS},
        row["first_date"],
        row["last_date"],
        row["layout"],
        row["meeting_date"],
        copies=copies,
    )


def read_folder(
    data_dir: str | Path, jobs: int | None = None, scheduler=None, progress: bool | None = None, frames: bool = False
):
    """The folder's store, up to date (``store.open_folder``): every file read once, by content."""
    from .store import open_folder

    if not Path(data_dir).is_dir():
        source_files(data_dir)  # a folder that is not there: one line
    return open_folder(Path(data_dir), jobs, scheduler, progress, frames)


def catalogue(data_dir: str | Path, jobs: int | None = None, scheduler=None, progress: bool | None = None,
              ) -> tuple[list[Entry], list[tuple[Path, str]]]:  # fmt: skip
    """Every write-up in a folder (a write-up kept in several files once: its richest form, with
    its other files in ``copies``), and the files that could not be read (with why)."""
    folder = Path(data_dir)
    rows = read_folder(folder, jobs, scheduler, progress).rows()
    copies: dict[str, list[str]] = {}
    for row in rows:
        if row["copy_of"]:
            copies.setdefault(row["copy_of"], []).append(row["name"])
    entries, failures = [], []
    for row in rows:
        if row["error"]:
            failures.append((folder / row["name"], row["error"]))
        elif not row["copy_of"]:
            entries.append(_entry_of_row(row, folder, copies.get(row["name"], [])))
    for name in names_not_utf8(folder):
        failures.append(
            (
                folder / name,
                f"the file name {shown(name)} is not valid UTF-8, which the corpus store "
                "cannot hold: rename the file (its text is not read)",
            )
        )
    entries.sort(key=lambda e: (e.id or "~", e.meeting_date or "", e.office, e.path.name))
    return entries, failures


def load_corpus(data_dir: str | Path | None = None, jobs: int | None = None, scheduler=None):
    """The tidy frames of every write-up in a folder, each counted once, from the corpus store.

    Every row carries its meeting, its office and the write-up it came from (``file``, ``sha256``);
    a write-up kept in several files gives its rows once, from its richest form, and a ``merged``
    note says which files hold it.

    >>> f = load_corpus("data/raw")                               # doctest: +SKIP
    >>> f.quantities.groupby(["meeting", "unit"])["value"].sum()  # doctest: +SKIP
    """
    from .store import Stale

    folder = Path(data_dir) if data_dir else default_data_dir()
    for _ in range(3):
        store = read_folder(folder, jobs, scheduler, frames=True)
        try:
            return frames_of(store)
        except Stale:  # another process replaced the frames between the two reads: read again
            continue
    raise CddbriefError(f"the corpus store of {folder} kept changing while it was read", "run the command again")


def frames_of(store):
    """The tidy frames (typed like ``tidy.frames``) of a store's write-ups, copies left out."""
    import pandas as pd
    import pyarrow as pa
    import pyarrow.compute as pc

    from .tidy import COLUMNS, TYPES, MeetingFrames

    documents = store.documents
    counted = documents.filter(pc.and_(pc.is_null(documents["error"]), pc.is_null(documents["copy_of"])))
    rows = counted.select(["name", "sha256"]).to_pylist()
    file_of: dict[str, str] = {}
    for r in rows:
        file_of.setdefault(r["sha256"], r["name"])
    dtypes = {pa.int64(): pd.Int64Dtype(), pa.float64(): pd.Float64Dtype(), pa.bool_(): pd.BooleanDtype()}
    mapper = {**dtypes, pa.string(): pd.StringDtype("pyarrow")}.get  # the dtypes tidy.frames gives
    shas = pa.array(list(file_of), pa.string())
    names = pa.array(list(file_of.values()), pa.string())
    built = {}
    for name, table in store.iter_frames():  # each table parsed, converted and let go of in turn
        columns = COLUMNS[name]
        if name == "notes":
            extra = _merged_notes(documents, file_of)
            if extra:
                table = pa.concat_tables([table, pa.Table.from_pylist(extra, schema=table.schema)])
        where = pc.index_in(table["sha256"], value_set=shas)  # each row's write-up; null: a copy's, or a removed file's
        if where.null_count:
            table, where = table.filter(pc.is_valid(where)), pc.drop_null(where)
        table = table.append_column("file", pc.take(names, where))
        del where
        frame = table.to_pandas(types_mapper=mapper, date_as_object=False, split_blocks=True, self_destruct=True)
        del table
        pa.default_memory_pool().release_unused()  # what the conversion freed, back to the system before the next table
        for column in TYPES[name][3]:
            frame[column] = pd.to_datetime(frame[column])
        built[name] = frame[[*columns, "file", "sha256"]]
    return MeetingFrames(**built)


def _merged_notes(documents, file_of: dict) -> list[dict]:
    """A ``merged`` note row for each write-up kept in several files (``store.merged_note``)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    from .store import merged_note

    copied = documents.filter(pc.is_valid(documents["copy_of"])).select(["name", "copy_of", "similarity"]).to_pylist()
    if not copied:
        return []
    by_primary: dict[str, list] = {}
    for c in copied:
        by_primary.setdefault(c["copy_of"], []).append((c["name"], c["similarity"] or 1.0))
    named = documents.filter(pc.is_in(documents["name"], value_set=pa.array(sorted(by_primary), pa.string())))
    primaries = {r["name"]: r for r in named.to_pylist()}
    out = []
    for name, copies in sorted(by_primary.items()):
        row = primaries.get(name)
        if row is None or row["sha256"] not in file_of:
            continue
        note = merged_note(name, copies)
        out.append(
            {
                "meeting": row["id"],
                "office": row["office"],
                "kind": note.kind,
                "item": None,
                "message": note.message,
                "message_th": note.th,
                "surface": None,
                "sha256": row["sha256"],
            }
        )
    return out


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
        contents: dict[str, set] = {}  # each office's distinct documents of the meeting
        for e in group:
            contents.setdefault(e.office, set()).add(e.sha256)
        for e in group:
            naming[e.path] = "document" if len(contents[e.office]) > 1 else True
    return naming


def same_office_twins(entries) -> dict[Path, list]:
    """The documents of one meeting from one office that are not the same bytes: each → its twins."""
    naming = distinct_names(entries)
    groups: dict[tuple, list] = {}
    for e in entries:
        if naming.get(e.path) == "document":
            groups.setdefault((e.id, e.office), []).append(e)
    return {e.path: [o for o in group if o.sha256 != e.sha256] for group in groups.values() for e in group}


def resolve(source: str, data_dir: str | Path | None = None, office: str | None = None) -> Path:
    """The file a SOURCE names: a path as it is, or a meeting id looked up in data_dir."""
    data_dir = data_dir or default_data_dir()
    path = Path(source)
    if path.exists():
        return path
    if path.suffix.lower() in SOURCE_SUFFIXES or not _could_be_id(source):
        raise UnreadableSource(
            f"no such file: {source}", "check the path, or give a meeting id", settings=Setting("source", "4/2562")
        )
    from .meeting import parse_meeting_id

    year_be, number = parse_meeting_id(source)
    wanted = f"{year_be}-{number:02d}"
    entries, failures = catalogue(data_dir)
    matches = [e for e in entries if e.id == wanted]
    if office:
        matches = [e for e in matches if office in e.office or office in e.path.name]
    if len(matches) == 1:
        return matches[0].path
    if not matches:
        known = sorted({e.id for e in entries if e.id})
        unread = f"; {len(failures)} file(s) could not be read" if failures else ""
        where = f" from office '{office}'" if office else ""
        if len(known) <= 8:
            held, detail = f"meetings there: {', '.join(known) or 'none'}", []
        else:  # thousands of ids do not fit a line: the range here, every id below it
            held = f"{len(known)} meetings there, {known[0]} to {known[-1]}"
            detail = [", ".join(known[i : i + 10]) for i in range(0, len(known), 10)]
        raise UnknownMeeting(f"no meeting {number}/{year_be}{where} in {data_dir} ({held}{unread})",
                             "give one of those ids, or the folder that holds the meeting", detail,
                             settings=("source", "data_dir"))  # fmt: skip
    detail = [f"{e.office or '?'}: {e.path} (sha256 {e.sha256[:6]})" for e in matches]
    if len({e.office for e in matches}) < len(matches):  # one office wrote it up more than once: only a path can choose
        raise AmbiguousMeeting(f"meeting {number}/{year_be} has {len(matches)} documents, some from the same office",
                               "naming the office cannot choose between them: give the file instead of the id", detail,
                               settings=Setting("source", shown(matches[0].path.name)))  # fmt: skip
    offices = sorted({e.district or e.office or "?" for e in matches})
    raise AmbiguousMeeting(
        f"meeting {number}/{year_be} has {len(matches)} documents, from {', '.join(offices)}",
        "choose one by its office",
        detail,
        settings=Setting("office", offices[0]),
    )


def _could_be_id(text: str) -> bool:
    """Ids are short and have digits; anything else is taken for a file name."""
    return len(text) <= 20 and any(ch.isdigit() for ch in text) and "\\" not in text and not text.startswith(".")
