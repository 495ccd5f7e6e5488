"""Briefs: run the briefing notebook with papermill, export it with nbconvert, print it with WeasyPrint.

``build`` writes ``OUT/<meeting id>/brief.html``, ``brief.pdf`` and the executed
``brief.ipynb`` (``brief.en.*`` in English). It does nothing when the source
bytes, parameters, notebook, templates and package versions are unchanged;
that check imports none of pandas, matplotlib, papermill or nbconvert. Files
are written to a temporary folder beside the output and renamed into place,
so a good brief is never replaced by a broken or half-written one. A build
holds a lock on its meeting folder, so two builds of one meeting take turns.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import threading
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

from . import notebooks
from .errors import BadSetting, CddbriefError, CellFailed, FolderTaken, OutputNotWritable, shown

FORMATS = ("html", "pdf")
# the briefing notebook ships inside the package (cddbrief/notebooks/), so any install builds briefs;
# CDDBRIEF_NOTEBOOK names another one (trusted code: it runs in the kernel, its output goes into the brief)
NOTEBOOK = Path(os.environ.get("CDDBRIEF_NOTEBOOK") or notebooks.path("briefing"))
KERNEL = "python3"
# the temporary folders this process is writing a brief into: removed if it is told to stop
ACTIVE: set[Path] = set()


# --- settings, checked before any work ------------------------------------------------------------


def source_date_epoch() -> int | None:
    """SOURCE_DATE_EPOCH as a number of seconds (None when unset); anything else is one clear error.

    >>> os.environ["SOURCE_DATE_EPOCH"] = "1556668800"; source_date_epoch()
    1556668800
    >>> os.environ["SOURCE_DATE_EPOCH"] = "๑๒"; source_date_epoch()
    Traceback (most recent call last):
    cddbrief.errors.BadSetting: SOURCE_DATE_EPOCH='๑๒' is not a number of seconds since 1970: set it to an integer such as 1556668800 (2019-05-01), or unset it
    >>> del os.environ["SOURCE_DATE_EPOCH"]
    """
    raw = os.environ.get("SOURCE_DATE_EPOCH")
    if raw is None or raw == "":
        return None
    text = raw.strip()
    if not (text.isascii() and text.isdigit()) or len(text) > 12:
        raise BadSetting(f"SOURCE_DATE_EPOCH={raw!r} is not a number of seconds since 1970", "set it to an integer such as 1556668800 (2019-05-01), or unset it")
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


def folder_name(meeting, distinct: bool | str = False) -> str:
    """A brief's folder: ``2562-04``; ``2562-04-soem-ngam`` when several offices wrote up the same
    meeting (``distinct=True``); ``2562-04-soem-ngam-1a2b3c`` (the document's sha256) when one office
    wrote it up twice (``distinct="document"``)."""
    if not distinct:
        return meeting.id
    from .glossary import district_en

    name = (meeting.district and district_en(meeting.district, meeting.province)) or meeting.province_en or meeting.source.sha256[:8]
    slug = "".join(ch if ch.isalnum() else "-" for ch in name.lower()).strip("-")
    if distinct == "document":
        return f"{meeting.id}-{slug}-{meeting.source.sha256[:6]}"
    return f"{meeting.id}-{slug}"


def _template_dir() -> Path:
    return Path(str(files("cddbrief").joinpath("templates")))


def inputs_digest() -> str:
    """Everything in the package that shapes a brief: templates, styles, labels, glossaries."""
    digest = hashlib.sha256()
    package = Path(str(files("cddbrief")))
    for path in sorted([*package.joinpath("templates").rglob("*"), *package.joinpath("data").glob("*"), package / "cddbrief.mplstyle"]):
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _suffix(lang: str) -> str:
    return "" if lang == "th" else f".{lang}"


def _key(source_sha: str, parameters: dict, notebook: Path) -> str:
    from .brief import versions

    digest = hashlib.sha256()
    for part in (
        source_sha,
        json.dumps(parameters, sort_keys=True, ensure_ascii=False),
        hashlib.sha256(notebook.read_bytes()).hexdigest(),
        inputs_digest(),
        json.dumps(versions(), sort_keys=True),
        os.environ.get("SOURCE_DATE_EPOCH", ""),
    ):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


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

    @property
    def suffix(self) -> str:
        return _suffix(self.lang)

    @property
    def manifest_path(self) -> Path:
        return self.folder / f".brief{self.suffix}.json"


def plan(source, formats=("html",), lang="th", out_dir="outputs", data_dir=None, office=None, meeting_id=None,
         notebook: Path = NOTEBOOK, distinct: bool | str | None = None) -> Plan:  # fmt: skip
    """Read the document and decide the folder, files, parameters and up-to-date key of its brief.

    The notebook is given the file's name and runs in the file's folder, so the executed notebook
    holds no machine's path (``source = "ครั้งที่4.txt"``): a cluster's brief is byte for byte a local one.
    """
    from .corpus import resolve
    from .meeting import read_meeting

    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise BadSetting(f"unknown format {', '.join(unknown) or '(none)'}", "use --format html, pdf or html,pdf")
    if lang not in ("th", "en"):
        raise BadSetting(f"unknown language '{lang}'", "use --lang th or --lang en")
    path = resolve(source, data_dir, office).resolve()
    meeting = read_meeting(path, meeting_id=meeting_id)
    try:
        path.name.encode("utf-8")
    except UnicodeEncodeError:
        raise CddbriefError(f"the file name {shown(path.name)} is not valid UTF-8, which a notebook cannot hold", "rename the file") from None
    folder = Path(out_dir) / folder_name(meeting, office is not None if distinct is None else distinct)
    suffix = _suffix(lang)
    targets = {fmt: folder / f"brief{suffix}.{fmt}" for fmt in formats}
    targets["ipynb"] = folder / f"brief{suffix}.ipynb"
    parameters = {"meeting": meeting.id, "source": path.name, "lang": lang, "office": office}
    owner = {"meeting": meeting.id, "office": meeting.office, "sha256": meeting.source.sha256, "file": path.name}
    return Plan(meeting, path, folder, tuple(formats), lang, targets, parameters, _key(meeting.source.sha256, parameters, notebook), owner,
                meeting_given=bool(meeting_id))  # fmt: skip


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
) -> BuildResult:
    """Build the brief of one meeting (SOURCE: a meeting id or a file).

    ``distinct``: the meeting shares its id with another office's document (True) or with another
    document of the same office ("document"), so its folder names the office (and the document) too
    (default: when ``office`` is given). A folder that holds another document's brief is never
    written into (``FolderTaken``).
    """
    import time

    started = time.perf_counter()
    p = plan(source, formats, lang, out_dir, data_dir, office, meeting_id, notebook, distinct)
    meeting, folder, targets = p.meeting, p.folder, p.targets
    make_folder(folder)
    with locked(folder, say, meeting.id):
        claim(p)
        have = fresh_files(p) if not force else set()
        if set(targets) <= have:
            say(f"{meeting.id}: up to date ({', '.join(str(targets[f]) for f in formats)}); --force rebuilds")
            return BuildResult(meeting.id, folder, targets, up_to_date=True, seconds=time.perf_counter() - started, entry=_index_entry(meeting, p.path))
        tmp = None
        try:
            tmp = Path(tempfile.mkdtemp(prefix=f".build-{os.getpid()}-", dir=folder))
            ACTIVE.add(tmp)
            written = _run(meeting, p.path, p.parameters, formats, lang, tmp, folder, p.suffix, notebook, reuse=have)
            commit(p, written, have)
        except OSError as exc:  # a full disk, a folder gone read-only: the old brief stays
            raise OutputNotWritable(f"cannot write the brief in {folder}: {exc.strerror or exc}", "free some space, or give another folder with --out DIR") from None
        finally:
            if tmp is not None:
                shutil.rmtree(tmp, ignore_errors=True)
                ACTIVE.discard(tmp)
    elapsed = time.perf_counter() - started
    say(f"{meeting.id}: wrote {', '.join(str(targets[f]) for f in formats)} ({elapsed:.1f} s)")
    return BuildResult(meeting.id, folder, targets, seconds=elapsed, entry=_index_entry(meeting, p.path))


def fresh_files(p: Plan) -> set[str]:
    """The formats whose files in the folder were made from exactly these inputs (under the lock)."""
    manifest = read_manifest(p.manifest_path)
    if manifest.get("key") != p.key:
        return set()
    return {fmt for fmt, name in manifest.get("files", {}).items() if (p.folder / name).exists()}


def commit(p: Plan, written: dict[str, Path], have: set[str] = frozenset()) -> None:
    """Rename finished files into place and record them in the manifest (under the lock)."""
    for fmt, produced in written.items():
        os.replace(produced, p.targets[fmt])
    files = {**{f: p.targets[f].name for f in have}, **{f: p.targets[f].name for f in written}}
    write_manifest(p.manifest_path, {"key": p.key, "files": files, "source": p.owner})


OWNER = ".source.json"


def _describe(owner: dict) -> str:
    return f"{owner.get('meeting') or '?'} of {owner.get('office') or 'an unnamed office'} ({owner.get('file')}, sha256 {str(owner.get('sha256'))[:8]})"


def same_source(a: dict, b: dict) -> bool:
    """One source: the same bytes, or the same file of the same office and meeting (edited since)."""
    if a.get("sha256") == b.get("sha256"):
        return True
    return all(a.get(k) == b.get(k) for k in ("meeting", "office", "file"))


def claim(p: Plan) -> None:
    """Make the folder this source's, or refuse: a brief folder belongs to one document (under the lock).

    Two offices' write-ups of 4/2562 built one after the other into one --out no longer share
    ``2562-04/``: the second is refused, and told to use ``--office`` (``2562-04-mae-tha/``).
    """
    clear_stale(p.folder)
    path = p.folder / OWNER
    owner = read_manifest(path)
    if owner and not same_source(owner, p.owner):
        if owner.get("office") != p.owner["office"]:
            remedy = f"build it with --office NAME (into {p.meeting.id}-<office>/, as build --all names folders) or give another --out DIR"
        elif p.meeting_given:
            remedy = f"--meeting {p.meeting.number}/{p.meeting.year_be} names the meeting of another document; check the number, or give another --out DIR"
        elif owner.get("meeting") == p.owner["meeting"]:
            remedy = "give another --out DIR, or use build --all, which gives each document of one office its own folder (…-<sha256>)"
        else:
            remedy = "give another --out DIR"
        raise FolderTaken(
            f"{p.folder} holds the brief of {_describe(owner)}, not of {_describe(p.owner)}; nothing was replaced",
            remedy,
        )
    if owner != p.owner:
        write_manifest(path, p.owner)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def clear_stale(folder: Path) -> list[Path]:
    """Remove ``.build-PID-*`` folders a killed build left (under the folder's lock, so none is in use);
    a folder of a process still running is kept."""
    import time

    removed = []
    for tmp in folder.glob(".build-*"):
        pid = tmp.name.split("-")[1] if tmp.name.count("-") >= 2 else ""
        if pid.isdigit():
            if int(pid) != os.getpid() and _alive(int(pid)):
                continue
        else:  # an older name without a pid: only if it is older than this run
            try:
                if tmp.stat().st_mtime > time.time() - 60:
                    continue
            except OSError:
                continue
        if tmp in ACTIVE:
            continue
        shutil.rmtree(tmp, ignore_errors=True)
        removed.append(tmp)
    return removed


def _index_entry(meeting, path: Path) -> dict:
    from .corpus import entry_of

    return entry_of(meeting, path).as_dict()


def _run(meeting, path, parameters, formats, lang, tmp, folder, suffix, notebook, reuse) -> dict[str, Path]:
    """Execute, export, print: into tmp. Returns format -> file in tmp."""
    written: dict[str, Path] = {}
    if {"ipynb", "html"} <= reuse:
        html = (folder / f"brief{suffix}.html").read_text(encoding="utf-8")
    else:
        quick_jsonschema()
        import papermill  # noqa: F401 - first, here: two threads importing jupyter_client at once can
        # meet it half-initialised (a circular import), so the warming thread starts after it
        warm = threading.Thread(target=_warm_exporters, args=("pdf" in formats,), daemon=True)
        warm.start()  # import nbconvert and WeasyPrint while the kernel works
        page = brief_page(meeting, lang)
        executed = execute_notebook(notebook, tmp / "brief.ipynb", parameters, folder / f"brief{suffix}.failed.ipynb", page=page, cwd=path.parent)
        warm.join()
        written["ipynb"] = tmp / "brief.ipynb"
        html = export_html(executed, page)
        if "html" in formats:
            written["html"] = tmp / "brief.html"
            written["html"].write_text(html, encoding="utf-8")
    if "pdf" in formats:
        written["pdf"] = tmp / "brief.pdf"
        write_pdf(html, written["pdf"])
    return written


def quick_jsonschema() -> None:
    """Keep jsonschema from importing rfc3987_syntax, which compiles ~35 Lark grammars at import.

    nbformat (under papermill and nbconvert) imports jsonschema, whose format
    checkers eagerly import rfc3987_syntax when it is installed (JupyterLab pulls
    it in): about 2.5 s of every build here, for an "iri" format no notebook
    schema uses (python-jsonschema/jsonschema#1428). Without it, jsonschema
    simply skips that one format check.
    """
    import sys

    if "jsonschema" not in sys.modules:
        sys.modules.setdefault("rfc3987_syntax", None)


def _warm_exporters(pdf: bool) -> None:
    try:
        import nbconvert  # noqa: F401

        from .fonts import font_face_css

        font_face_css()
        if pdf:
            warm_pdf()  # WeasyPrint imported, and fontconfig, Pango and the PDF fonts ready
    except Exception:  # warming is only for speed; the real step reports errors
        pass


def execute_notebook(notebook: Path, output: Path, parameters: dict, failed: Path, page: dict | None = None, cwd: Path | None = None):
    """Run the notebook in a real kernel with papermill; strip timings so bytes repeat.

    ``page`` (lang, title, running) is recorded in the executed notebook's metadata, so
    ``jupyter nbconvert --template cddbrief`` exports it with the brief's own title.
    """
    quick_jsonschema()
    import nbformat
    import papermill
    from papermill.exceptions import PapermillExecutionError

    try:
        executed = papermill.execute_notebook(
            str(notebook),
            str(output),
            parameters=parameters,
            kernel_name=KERNEL,
            progress_bar=False,
            request_save_on_cell_execute=False,
            cwd=str(cwd or Path.cwd()),  # the source's folder: parameters name the file, not a machine's path
            # the kernel's own log (TCP-without-encryption warnings, the interrupt at shutdown)
            # is noise for a user; cell errors still come back through papermill
            extra_arguments=["--IPKernelApp.log_level=CRITICAL"],
        )
    except PapermillExecutionError as exc:
        kept = _keep_failed(output, failed)
        first = next((line for line in exc.source.splitlines() if line.strip()), "")
        raise CellFailed(
            f"the briefing notebook failed in cell {exc.exec_count} ({first.strip()[:60]}): {exc.ename}: {exc.evalue}",
            f"the executed notebook is kept at {kept}",
        ) from None
    except OSError:
        raise  # writing the executed notebook failed (a full disk): the build says so
    except Exception as exc:  # a dead kernel, a kernel that would not start
        kept = _keep_failed(output, failed)
        where = f"; what ran is kept at {kept}" if kept else ""
        raise CellFailed(f"the notebook kernel failed ({type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}){where}") from None
    _make_repeatable(executed)
    if page:
        executed.metadata["cddbrief"] = dict(page)
    nbformat.write(executed, str(output))
    return executed


def _keep_failed(output: Path, kept: Path) -> Path | None:
    """Move what a failed run executed beside the outputs, for debugging."""
    if not output.exists():
        return None
    os.replace(output, kept)
    return kept


def _make_repeatable(nb) -> None:
    """Remove papermill's and the kernel's timestamps and the random id papermill gives its
    injected-parameters cell, so the same inputs give the same bytes."""
    papermill_meta = nb.metadata.get("papermill", {})
    for key in ("start_time", "end_time", "duration", "input_path", "output_path"):
        papermill_meta.pop(key, None)
    for cell in nb.cells:
        meta = cell.metadata
        if "injected-parameters" in meta.get("tags", []):
            cell.id = "injected-parameters"
        meta.get("papermill", {}).clear()
        meta.pop("execution", None)
        for output in cell.get("outputs", []):
            output.get("metadata", {}).pop("execution", None)


def brief_page(meeting, lang: str) -> dict:
    """The page around a brief: its language, title and running header."""
    from .brief import Brief

    brief = Brief(meeting, lang)
    return {"lang": lang, "title": brief.title(), "running": brief.title()}


def export_html(nb, page: dict) -> str:
    """An executed notebook as one self-contained HTML page, through the cddbrief template.

    ``page`` gives lang, title and running (the header printed on every PDF page).
    The template is the package's; ``jupyter nbconvert --template cddbrief`` finds
    the same one where the wheel installs it (share/jupyter/nbconvert/templates).
    """
    from nbconvert import HTMLExporter

    from .notebooks.page import page_resources

    exporter = HTMLExporter(template_name="cddbrief", extra_template_basedirs=[str(_template_dir() / "nbconvert")])
    exporter.exclude_input = True
    body, _ = exporter.from_notebook_node(nb, resources={"cddbrief": page_resources(page)})
    return body


def write_pdf(html: str, target: Path) -> None:
    """Print the HTML brief to A4 PDF with WeasyPrint; nothing is fetched from anywhere.

    Printed with the PDF's Sarabun (``fonts.pdf_font``) and its text layer mapped glyph by
    glyph (``pdftext``), so ``pdftotext`` reads ลำปาง where WeasyPrint alone wrote ลาปาง.
    """
    import gc

    import weasyprint

    from .pdftext import fix_text_layer, print_fetcher, print_page

    html, files = print_page(html)  # fonts and charts handed over as bytes, not parsed as data: URLs
    only_inline = print_fetcher(files)  # serves those and data: URLs; nothing is fetched from anywhere
    # WeasyPrint makes ~60,000 short-lived objects a brief; they set off full garbage collections
    # that walk the whole heap (a build's notebook, pandas, nbconvert): 0.06-0.18 s of CPU. Its
    # cycles are collected once printing is over; peak memory did not grow (98 MB, 101 MB with it on).
    collecting = gc.isenabled()
    gc.disable()
    try:
        # tagged (PDF/UA structure: headings, tables, figures with their alt text, reading order) for
        # screen readers and reflow; it cost under 0.05 s of CPU on the sample (1.88 s either way)
        weasyprint.HTML(string=html, url_fetcher=only_inline).write_pdf(target if hasattr(target, "write") else str(target), finisher=fix_text_layer, pdf_tags=True)
    finally:
        if collecting:
            gc.enable()


def warm_pdf() -> None:
    """Print one line of Thai, unseen, so that the brief's PDF finds fontconfig, Pango and its fonts ready.

    The first PDF of a process pays ~0.07 s of CPU for them; ``_warm_exporters`` pays it while
    the notebook runs in its kernel. Printed like a brief: ``<p>ตำบลบ้านใหม่ <b>น้ำประปา</b></p>``.
    """
    from io import BytesIO

    from .fonts import font_face_css

    page = f"<html lang='th'><head><style>{font_face_css()} html{{font-family:'Sarabun'}}</style></head><body><p>ตำบลบ้านใหม่ <b>น้ำประปา</b></p></body></html>"
    write_pdf(page, BytesIO())


# --- files, manifest, lock ---------------------------------------------------------------------


def make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputNotWritable(f"cannot create the output folder {folder}: {exc.strerror}", "give a writable folder with --out DIR") from None
    if not os.access(folder, os.W_OK):
        raise OutputNotWritable(f"the output folder {folder} is not writable", "give a writable folder with --out DIR")


def read_manifest(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def write_manifest(path: Path, data: dict) -> None:
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(tmp, path)


class locked:
    """An exclusive lock on a meeting's output folder (fcntl), held for one build."""

    def __init__(self, folder: Path, say, meeting_id: str):
        self.path = folder / ".lock"
        self.say = say
        self.meeting_id = meeting_id

    def __enter__(self):
        import fcntl

        try:
            self.handle = open(self.path, "a+")
        except IsADirectoryError:
            raise OutputNotWritable(f"{self.path} is a folder, where the build keeps its lock file", "remove that folder (or give another --out DIR)") from None
        except OSError as exc:
            raise OutputNotWritable(f"cannot take the lock {self.path}: {exc.strerror}", "give a writable folder with --out DIR") from None
        try:
            fcntl.flock(self.handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.say(f"{self.meeting_id}: waiting for another build of this meeting to finish")
            fcntl.flock(self.handle, fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc):
        import fcntl

        fcntl.flock(self.handle, fcntl.LOCK_UN)
        self.handle.close()
        return False
