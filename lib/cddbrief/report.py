"""Briefs: the briefing notebook rendered for one meeting (``render``: papermill, nbconvert, WeasyPrint).

``build`` writes ``OUT/<meeting id>/brief.html``, ``brief.pdf`` and the executed
``brief.ipynb`` (``brief.en.*`` in English). It reads and parses the source once,
here (a meeting id is looked up in the catalogue's cache); the kernel reads it once
more, since the notebook stands alone. It does nothing when the source bytes,
parameters, notebook, templates and package versions are unchanged; that check
imports none of pandas, matplotlib, papermill or nbconvert. Files are written to a
temporary folder beside the output and renamed into place, so a good brief is never
replaced by a broken or half-written one. A build holds a lock on its meeting
folder, so two builds of one meeting take turns; a folder belongs to one document.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from . import notebooks
from .actions import check_as_of
from .errors import BadSetting, CddbriefError, FolderTaken, Setting, shown
from .render import (
    FORMATS,
    Job,
    Options,
    cache_key,
    check_place,
    read_manifest,
    render,
    valid_owner,
    valid_page_manifest,
    write_manifest,
    write_pdf,  # fmt: skip
)

__all__ = ["FORMATS", "NOTEBOOK", "BuildResult", "Plan", "build", "check_as_of", "check_notebook", "claim",
           "folder_name", "index_entry", "plan", "source_date_epoch", "write_pdf"]  # fmt: skip

# the briefing notebook ships inside the package (cddbrief/notebooks/), so any install builds briefs;
# CDDBRIEF_NOTEBOOK names another one (trusted code: it runs in the kernel, its output goes into the brief)
NOTEBOOK = Path(os.environ.get("CDDBRIEF_NOTEBOOK") or notebooks.path("briefing"))


# --- settings, checked before any work ------------------------------------------------------------


def source_date_epoch() -> int | None:
    """SOURCE_DATE_EPOCH as a number of seconds (None when unset); anything else is one clear error.

    >>> os.environ["SOURCE_DATE_EPOCH"] = "1556668800"; source_date_epoch()
    1556668800
    >>> os.environ["SOURCE_DATE_EPOCH"] = "๑๒"; source_date_epoch()
    Traceback (most recent call last):
    cddbrief.errors.BadSetting: SOURCE_DATE_EPOCH='๑๒' is not a number of seconds since 1970:
    set it to an integer such as 1556668800 (2019-05-01), or unset it
    >>> del os.environ["SOURCE_DATE_EPOCH"]
    """
    raw = os.environ.get("SOURCE_DATE_EPOCH")
    if raw is None or raw == "":
        return None
    text = raw.strip()
    if not (text.isascii() and text.isdigit()) or len(text) > 12:
        raise BadSetting(
            f"SOURCE_DATE_EPOCH={raw!r} is not a number of seconds since 1970",
            "set it to an integer such as 1556668800 (2019-05-01), or unset it",
        )
    return int(text)


def check_notebook(path: Path) -> Path:
    """The notebook a build runs (CDDBRIEF_NOTEBOOK): a readable JSON notebook with a parameters cell."""
    where = f"CDDBRIEF_NOTEBOOK={path}" if os.environ.get("CDDBRIEF_NOTEBOOK") else str(path)
    remedy = "give a Jupyter notebook with a cell tagged 'parameters', or unset CDDBRIEF_NOTEBOOK"
    try:
        if not path.is_file():
            raise BadSetting(f"{where} is {'a folder' if path.is_dir() else 'not there'}", remedy)
        if path.stat().st_size > 50 * 2**20:
            raise BadSetting(f"{where} is larger than 50 MB, not a briefing notebook", remedy)
        nb = json.loads(path.read_bytes())
    except OSError as exc:
        raise BadSetting(f"{where} cannot be read ({exc.strerror})", remedy) from None
    except ValueError:
        raise BadSetting(f"{where} is not a notebook (not JSON)", remedy) from None
    cells = nb.get("cells") if isinstance(nb, dict) else None
    if not isinstance(cells, list):
        raise BadSetting(f"{where} is not a notebook (no cells)", remedy)
    if not any(isinstance(c, dict) and "parameters" in (c.get("metadata") or {}).get("tags", []) for c in cells):
        raise BadSetting(f"{where} has no cell tagged 'parameters'", remedy)
    return path


@dataclass
class BuildResult:
    meeting_id: str
    folder: Path
    files: dict[str, Path] = field(default_factory=dict)
    up_to_date: bool = False
    seconds: float = 0.0
    entry: dict = field(default_factory=dict)  # what an index of briefs shows
    meeting: object = None  # the meeting as parsed for this build (exports beside it need no second parse)


def folder_name(meeting, distinct: bool | str = False) -> str:
    """A brief's folder: ``2562-04``; ``2562-04-soem-ngam`` when several offices wrote up the same
    meeting (``distinct=True``); ``2562-04-soem-ngam-1a2b3c`` (the document's sha256) when one office
    wrote it up twice (``distinct="document"``)."""
    if not distinct:
        return meeting.id
    from .glossary import district_en

    name = (
        (meeting.district and district_en(meeting.district, meeting.province))
        or meeting.province_en
        or meeting.source.sha256[:8]
    )
    slug = "".join(ch if ch.isalnum() else "-" for ch in name.lower()).strip("-")
    if distinct == "document":
        return f"{meeting.id}-{slug}-{meeting.source.sha256[:6]}"
    return f"{meeting.id}-{slug}"


@dataclass
class Plan:
    """What one build will make, decided before any work: plain data shared by local and cluster builds."""

    meeting: object
    path: Path
    folder: Path
    formats: tuple
    lang: str
    targets: dict
    parameters: dict
    key: str
    owner: dict  # the source the folder belongs to: office, meeting, sha256, file
    meeting_given: bool = False  # the meeting number came from --meeting
    notebook: Path = NOTEBOOK

    @property
    def options(self) -> Options:
        return Options(self.formats, self.lang, self.folder.parent)

    @cached_property
    def job(self) -> Job:
        """The brief as one page for ``render``: its title comes from the meeting parsed here."""
        page = brief_page(self.meeting, self.lang)
        return Job(self.meeting.id, "brief", self.notebook, self.parameters, self.folder, "brief", self.key, page,
                   cwd=self.path.parent, owner=self.owner)  # fmt: skip

    @property
    def manifest_path(self) -> Path:
        return self.job.manifest_path(self.options)


def plan(source, formats=("html",), lang="th", out_dir="outputs", data_dir=None, office=None, meeting_id=None,
         notebook: Path = NOTEBOOK, distinct: bool | str | None = None, as_of: str | None = None) -> Plan:  # fmt: skip
    """Read the document once and decide the folder, files, parameters and up-to-date key of its brief.

    The notebook is given the file's name and runs in the file's folder, so the executed notebook
    holds no machine's path (``source = "ครั้งที่4.txt"``): a cluster's brief is byte for byte a local one.
    """
    from .corpus import resolve
    from .store import meeting_of

    options = Options(tuple(formats), lang, Path(out_dir))  # checks formats and language
    as_of = check_as_of(as_of)
    path = resolve(source, data_dir, office).resolve()
    meeting = meeting_of(path, meeting_id=meeting_id)  # from the corpus store when it has it
    try:
        path.name.encode("utf-8")
    except UnicodeEncodeError:
        raise CddbriefError(
            f"the file name {shown(path.name)} is not valid UTF-8, which a notebook cannot hold", "rename the file"
        ) from None
    folder = options.out_dir / folder_name(meeting, office is not None if distinct is None else distinct)
    parameters = {"meeting": meeting.id, "source": path.name, "lang": lang, "office": office}
    if as_of:  # only when given: a brief without it keeps its parameters, and its key
        parameters["as_of"] = as_of
    owner = owner_of(meeting, path)
    targets = {fmt: folder / f"brief{options.suffix}.{fmt}" for fmt in options.formats}
    targets["ipynb"] = folder / f"brief{options.suffix}.ipynb"
    key = cache_key(notebook, meeting.source.sha256, parameters)
    return Plan(meeting, path, folder, options.formats, lang, targets, parameters, key, owner,
                meeting_given=bool(meeting_id), notebook=notebook)  # fmt: skip


def build(
    source: str,
    formats: tuple[str, ...] = ("html",),
    lang: str = "th",
    out_dir: str | Path = "outputs",
    force: bool = False,
    data_dir: str | Path | None = None,
    office: str | None = None,
    meeting_id: str | None = None,
    notebook: Path = NOTEBOOK,
    say=print,
    distinct: bool | str | None = None,
    as_of: str | None = None,
    kernels=None,
    cell_timeout: float | None = None,
) -> BuildResult:
    """Build the brief of one meeting (SOURCE: a meeting id or a file).

    ``distinct``: the meeting shares its id with another office's document (True) or with another
    document of the same office ("document"), so its folder names the office (and the document) too
    (default: when ``office`` is given). A folder that holds another document's brief is never
    written into (``FolderTaken``). ``as_of``: the day deadlines count from (``2020-03-10``).
    ``kernels``: a ``kernels.Kernels`` that keeps one started ahead (a batch worker's).
    ``cell_timeout``: seconds a notebook cell may run before the build fails and its kernel is ended.
    """
    import time

    started = time.perf_counter()
    p = plan(source, formats, lang, out_dir, data_dir, office, meeting_id, notebook, distinct, as_of)
    done = render(
        p.job, Options(p.formats, lang, Path(out_dir), force, cell_timeout), say, kernels, check_folder=lambda: claim(p)
    )
    elapsed = time.perf_counter() - started
    if not done.up_to_date:
        say(f"{p.meeting.id}: wrote {', '.join(shown(p.targets[f]) for f in p.formats)} ({elapsed:.1f} s)")
    return BuildResult(
        p.meeting.id, p.folder, p.targets, done.up_to_date, elapsed, index_entry(p.meeting, p.path), p.meeting
    )


def fresh_files(p: Plan) -> set[str]:
    """The formats whose files in the folder were made from exactly these inputs (under the lock)."""
    from .render import fresh_files as fresh

    return fresh(p.job, p.options)


def commit(p: Plan, written: dict[str, Path], have: set[str] = frozenset()) -> None:
    """Rename finished files into place and record them in the manifest (under the lock)."""
    from .render import commit as put

    put(p.job, p.options, written, have)


OWNER = ".source.json"


def _describe(owner: dict) -> str:
    office = owner.get("office") or "an unnamed office"
    return f"{owner.get('meeting') or '?'} of {office} ({owner.get('file')}, sha256 {str(owner.get('sha256'))[:8]})"


def same_source(a: dict, b: dict) -> bool:
    """One source: the same bytes, or the same file of the same office and meeting (edited since)."""
    if a.get("sha256") == b.get("sha256"):
        return True
    return all(a.get(k) == b.get(k) for k in ("meeting", "office", "file"))


def owner_of(meeting, path: Path) -> dict:
    """Whose a folder of outputs is: the meeting, office, bytes and file name of its source."""
    return {"meeting": meeting.id, "office": meeting.office, "sha256": meeting.source.sha256, "file": path.name}


def claim(p: Plan) -> None:
    """Make the brief's folder this source's, or refuse (under the lock): see ``claim_folder``."""
    claim_folder(p.folder, p.owner, p.meeting_given)


def claim_folder(folder: Path, owner: dict, meeting_given: bool = False) -> None:
    """Make the folder this source's, or refuse: a folder of outputs belongs to one document.

    Two offices' write-ups of 4/2562 built (or exported) one after the other into one output folder no
    longer share ``2562-04/``: the second is refused, and told to name its office (``2562-04-mae-tha/``).
    """
    check_place(folder, folder.parent)  # exports too: a folder that is a link out of out_dir is never written into
    path = folder / OWNER
    held = read_manifest(path, valid_owner) or owner_on_disk(folder)
    if held and not same_source(held, owner):
        meeting = owner["meeting"]
        settings: tuple = ("out_dir",)
        if held.get("office") != owner["office"]:
            remedy = (
                f"name the office (into {meeting}-<office>/, as a batch names folders), or give another output folder"
            )
            settings = ("office", "out_dir")
        elif meeting_given:
            year, number = meeting.split("-")
            given = f"{int(number)}/{year}"
            remedy = (
                f"the meeting given, {given}, is another document's; check the number, or give another output folder"
            )
            settings = (Setting("meeting", given), "out_dir")
        elif held.get("meeting") == meeting:
            remedy = (
                "give another output folder, or build them all as a batch, which gives each document of one office "
                "its own folder (…-<sha256>)"
            )
        else:
            remedy = "give another output folder"
        raise FolderTaken(
            f"{folder} holds the outputs of {_describe(held)}, not of {_describe(owner)}; nothing was replaced",
            remedy,
            settings=settings,
        )
    if held != owner:
        write_manifest(path, owner)


def owner_on_disk(folder: Path) -> dict:
    """Whose a folder is when its ``.source.json`` is missing or damaged: the source its page manifests
    (``.brief.json``, ``.brief.en.json``) record, if they agree; else nobody's ({})."""
    manifests = (read_manifest(p, valid_page_manifest) for p in sorted(folder.glob(".brief*.json")))
    found = [m["source"] for m in manifests if m.get("source")]
    return found[0] if found and all(same_source(found[0], other) for other in found) else {}


def index_entry(meeting, path: Path) -> dict:
    """What the index of briefs shows of a meeting read from path."""
    from .corpus import entry_of
    from .store import copies_of

    return {**entry_of(meeting, path).as_dict(), "copies": copies_of(path)}  # a write-up kept in several files says so


def brief_page(meeting, lang: str) -> dict:
    """The page around a brief: its language, title and running header, from the meeting parsed here."""
    from .brief import Brief

    brief = Brief(meeting, lang)
    return {"lang": lang, "title": brief.title(), "running": brief.title()}
