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
from .errors import CddbriefError

FORMATS = ("html", "pdf")
# the briefing notebook ships inside the package (cddbrief/notebooks/), so any install builds briefs
NOTEBOOK = Path(os.environ.get("CDDBRIEF_NOTEBOOK") or notebooks.path("briefing"))
KERNEL = "python3"


class BuildError(CddbriefError):
    """The notebook ran and failed: exit status 1, the executed notebook kept."""

    exit_status = 1


@dataclass
class BuildResult:
    meeting_id: str
    folder: Path
    files: dict[str, Path] = field(default_factory=dict)
    up_to_date: bool = False
    seconds: float = 0.0
    entry: dict = field(default_factory=dict)  # what an index of briefs shows


def folder_name(meeting, distinct: bool = False) -> str:
    """``2562-04``; ``2562-04-soem-ngam`` when several offices wrote up the same meeting."""
    if not distinct:
        return meeting.id
    from .glossary import district_en

    name = (meeting.district and district_en(meeting.district, meeting.province)) or meeting.province_en or meeting.source.sha256[:8]
    slug = "".join(ch if ch.isalnum() else "-" for ch in name.lower()).strip("-")
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
    distinct: bool | None = None,
) -> BuildResult:
    """Build the brief of one meeting (SOURCE: a meeting id or a file).

    ``distinct``: the meeting shares its id with another office's document, so its
    folder names the office too (default: when ``office`` is given).
    """
    import time

    from .corpus import resolve
    from .meeting import read_meeting

    started = time.perf_counter()
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise CddbriefError(f"unknown format {', '.join(unknown) or '(none)'}", "use --format html, pdf or html,pdf")
    if lang not in ("th", "en"):
        raise CddbriefError(f"unknown language '{lang}'", "use --lang th or --lang en")
    path = resolve(source, data_dir, office).resolve()
    meeting = read_meeting(path, meeting_id=meeting_id)
    folder = Path(out_dir) / folder_name(meeting, office is not None if distinct is None else distinct)
    suffix = _suffix(lang)
    targets = {fmt: folder / f"brief{suffix}.{fmt}" for fmt in formats}
    targets["ipynb"] = folder / f"brief{suffix}.ipynb"
    parameters = {"meeting": meeting.id, "source": str(path), "lang": lang, "office": office}
    manifest_path = folder / f".brief{suffix}.json"
    key = _key(meeting.source.sha256, {**parameters, "source": path.name}, notebook)

    make_folder(folder)
    with locked(folder, say, meeting.id):
        manifest = read_manifest(manifest_path)
        fresh = manifest.get("key") == key and not force
        have = {fmt for fmt, name in manifest.get("files", {}).items() if (folder / name).exists()} if fresh else set()
        if fresh and set(targets) <= have:
            say(f"{meeting.id}: up to date ({', '.join(str(targets[f]) for f in formats)}); --force rebuilds")
            return BuildResult(meeting.id, folder, targets, up_to_date=True, seconds=time.perf_counter() - started, entry=_index_entry(meeting, path))
        tmp = None
        try:
            tmp = Path(tempfile.mkdtemp(prefix=".build-", dir=folder))
            written = _run(meeting, path, parameters, formats, lang, tmp, folder, suffix, notebook, reuse=have)
            for fmt, produced in written.items():
                os.replace(produced, targets[fmt])
            write_manifest(manifest_path, {"key": key, "files": {**{f: targets[f].name for f in have}, **{f: targets[f].name for f in written}}})
        except OSError as exc:  # a full disk, a folder gone read-only: the old brief stays
            raise CddbriefError(f"cannot write the brief in {folder}: {exc.strerror or exc}", "free some space, or give another folder with --out DIR") from None
        finally:
            if tmp is not None:
                shutil.rmtree(tmp, ignore_errors=True)
    elapsed = time.perf_counter() - started
    say(f"{meeting.id}: wrote {', '.join(str(targets[f]) for f in formats)} ({elapsed:.1f} s)")
    return BuildResult(meeting.id, folder, targets, seconds=elapsed, entry=_index_entry(meeting, path))


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
        executed = execute_notebook(notebook, tmp / "brief.ipynb", parameters, folder / f"brief{suffix}.failed.ipynb", page=page)
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
            import weasyprint  # noqa: F401
    except Exception:  # warming is only for speed; the real step reports errors
        pass


def execute_notebook(notebook: Path, output: Path, parameters: dict, failed: Path, page: dict | None = None):
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
            cwd=str(Path.cwd()),
            # the kernel's own log (TCP-without-encryption warnings, the interrupt at shutdown)
            # is noise for a user; cell errors still come back through papermill
            extra_arguments=["--IPKernelApp.log_level=CRITICAL"],
        )
    except PapermillExecutionError as exc:
        kept = _keep_failed(output, failed)
        first = next((line for line in exc.source.splitlines() if line.strip()), "")
        raise BuildError(
            f"the briefing notebook failed in cell {exc.exec_count} ({first.strip()[:60]}): {exc.ename}: {exc.evalue}",
            f"the executed notebook is kept at {kept}",
        ) from None
    except OSError:
        raise  # writing the executed notebook failed (a full disk): the build says so
    except Exception as exc:  # a dead kernel, a kernel that would not start
        kept = _keep_failed(output, failed)
        where = f"; what ran is kept at {kept}" if kept else ""
        raise BuildError(f"the notebook kernel failed ({type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}){where}") from None
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
    import weasyprint
    from weasyprint.urls import URLFetcher

    from .pdftext import fix_text_layer, print_html

    html = print_html(html)
    only_inline = URLFetcher(allowed_protocols={"data"})  # fonts and charts are data: URLs
    # tagged (PDF/UA structure: headings, tables, figures with their alt text, reading order) for
    # screen readers and reflow; it cost under 0.05 s of CPU on the sample (1.88 s either way)
    weasyprint.HTML(string=html, url_fetcher=only_inline).write_pdf(str(target), finisher=fix_text_layer, pdf_tags=True)


# --- files, manifest, lock ---------------------------------------------------------------------


def make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CddbriefError(f"cannot create the output folder {folder}: {exc.strerror}", "give a writable folder with --out DIR") from None
    if not os.access(folder, os.W_OK):
        raise CddbriefError(f"the output folder {folder} is not writable", "give a writable folder with --out DIR")


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

        self.handle = open(self.path, "a+")
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
