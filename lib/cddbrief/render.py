"""One render pipeline: a notebook, its parameters and the output options in; a page out.

Briefs (``report``) and the trends page (``trends``) are two uses of ``render``: under a
lock on the output folder it computes nothing new when the manifest's key (inputs,
parameters, notebook, templates, package versions, SOURCE_DATE_EPOCH) still matches;
else it runs the notebook with papermill in a kernel started ahead of need
(``kernels``), exports it with nbconvert, prints it with WeasyPrint, all into a
temporary folder beside the output, and renames the files into place, so a good page
is never replaced by a broken or half-written one.

Formats are checked here, and only here (``check_formats``, ``Options``); the language by
``words.as_lang``, as at every entry point that takes one.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

from .errors import BadSetting, CellFailed, OutputNotWritable, shown
from .files import write_atomic
from .kernels import ARGUMENTS, KERNEL, DiedAtStart, Kernels, end
from .words import Lang, as_lang, suffix

FORMATS = ("html", "pdf")
ENGINE = "cddbrief"  # papermill's nbclient engine, on a kernel started ahead of need
# the temporary folders this process is writing a page into: removed if it is told to stop
ACTIVE: set[Path] = set()


# --- what to make ---------------------------------------------------------------------------------


def check_formats(formats, given: str | None = None, also: tuple = ()) -> tuple[str, ...]:
    """The page formats asked for, or one clear error; ``also``: other kinds allowed beside them
    (``build --all`` writes exports such as xlsx next to each brief).

    >>> check_formats(("html", "pdf"))
    ('html', 'pdf')
    >>> check_formats(("html", "docx"))
    Traceback (most recent call last):
    cddbrief.errors.BadSetting: unknown format docx: use html, pdf or both (set formats)
    """
    formats = tuple(formats)
    if also:
        if [f for f in formats if f not in FORMATS + also] or not [f for f in formats if f in FORMATS]:
            raise BadSetting(
                f"unknown format in '{given if given is not None else ','.join(formats)}'",
                f"use html, pdf or both; in a batch also {', '.join(also)}",
                settings="formats",
            )
        return formats
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise BadSetting(
            f"unknown format {', '.join(unknown) or '(none)'}", "use html, pdf or both", settings="formats"
        )
    return formats


@dataclass(frozen=True)
class Options:
    """How to render: formats, language, where, and whether to rebuild what is up to date.

    >>> Options(("html", "pdf"), "en", "ผลลัพธ์").suffix
    '.en'
    """

    formats: tuple[str, ...] = ("html",)
    lang: Lang = "th"
    out_dir: Path = Path("outputs")
    force: bool = False
    cell_timeout: float | None = None  # seconds a notebook cell may run before its kernel is stopped (None: no limit)

    def __post_init__(self):
        object.__setattr__(self, "formats", check_formats(self.formats))
        object.__setattr__(self, "out_dir", Path(self.out_dir))
        object.__setattr__(self, "lang", as_lang(self.lang))

    @property
    def suffix(self) -> str:
        """``brief.html`` in Thai, ``brief.en.html`` in English: one language never overwrites the other."""
        return suffix(self.lang)


@dataclass(frozen=True)
class Job:
    """One page to render, decided before any work: plain data.

    ``stem`` names the files (``brief`` → ``brief.html``, ``brief.en.pdf``, ``.brief.json``);
    ``owner`` (briefs) is recorded in the manifest with the files; ``keep_notebook`` makes the
    executed notebook one of the files (``brief.ipynb``).
    """

    name: str  # said in messages and while waiting for the lock: "2562-04", "trends"
    what: str  # said when the page cannot be written: "brief", "trends page"
    notebook: Path
    parameters: dict
    folder: Path
    stem: str
    key: str
    page: dict  # lang, title, running: recorded in the executed notebook, given to the template
    cwd: Path | None = None  # where the kernel runs (the source's folder); None: this process's
    keep_notebook: bool = True
    owner: dict | None = None

    def targets(self, options: Options) -> dict[str, Path]:
        found = {fmt: self.folder / f"{self.stem}{options.suffix}.{fmt}" for fmt in options.formats}
        if self.keep_notebook:
            found["ipynb"] = self.folder / f"{self.stem}{options.suffix}.ipynb"
        return found

    def manifest_path(self, options: Options) -> Path:
        return self.folder / f".{self.stem}{options.suffix}.json"

    def failed_path(self, options: Options) -> Path:
        return self.folder / f"{self.stem}{options.suffix}.failed.ipynb"


@dataclass
class Rendered:
    files: dict[str, Path]
    up_to_date: bool = False
    seconds: float = 0.0


def inputs_digest() -> str:
    """Everything in the package that shapes a page: templates, styles, labels, glossaries."""
    digest = hashlib.sha256()
    package = Path(str(files("cddbrief")))
    for path in sorted(
        [*package.joinpath("templates").rglob("*"), *package.joinpath("data").glob("*"), package / "cddbrief.mplstyle"]
    ):
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def cache_key(notebook: Path, *inputs) -> str:
    """The up-to-date key of a page: its inputs (text as it is, anything else as JSON), the notebook,
    the package's templates and data, the versions of what renders it, and SOURCE_DATE_EPOCH."""
    from .brief import versions

    digest = hashlib.sha256()
    for part in (
        *(part if isinstance(part, str) else json.dumps(part, sort_keys=True, ensure_ascii=False) for part in inputs),
        hashlib.sha256(notebook.read_bytes()).hexdigest(),
        inputs_digest(),
        json.dumps(versions(), sort_keys=True),
        os.environ.get("SOURCE_DATE_EPOCH", ""),
    ):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


# --- the pipeline -----------------------------------------------------------------------------------


def render(job: Job, options: Options, say=print, kernels: Kernels | None = None, check_folder=None) -> Rendered:
    """Lock → up-to-date check → run (in a kernel started ahead) → export → PDF → rename, for one page.

    ``check_folder`` is called under the lock before anything is decided (a brief's folder
    must belong to its source); ``kernels``: a batch worker's, which keeps a spare warm; by
    default one kernel is started for this page alone, and ended on every way out.
    """
    started = time.perf_counter()
    targets = job.targets(options)
    if job.folder != options.out_dir:
        check_place(job.folder, options.out_dir, job.cwd)
    make_folder(job.folder)
    with locked(job.folder, say, job.name):
        clear_stale(job.folder)
        if check_folder is not None:
            check_folder()
        have = fresh_files(job, options) if not options.force else set()
        if set(targets) <= have:
            files = ", ".join(shown(targets[f]) for f in options.formats)
            say(f"{job.name}: up to date ({files}); forcing rebuilds it")
            return Rendered(targets, up_to_date=True, seconds=time.perf_counter() - started)
        own = kernels is None
        kernels = (
            Kernels(beside=True) if own else kernels
        )  # alone, the kernel may draw on the core this process leaves idle
        tmp = None
        try:
            if not reusable_html(job, have):
                kernels.prestart(job.cwd or Path.cwd())  # it boots and imports while this process prepares
                if own:
                    kernels.launched()
            tmp = Path(tempfile.mkdtemp(prefix=f".build-{os.getpid()}-", dir=job.folder))
            ACTIVE.add(tmp)
            written = _run(job, options, tmp, have, kernels)
            commit(job, options, written, have)
        except OSError as exc:  # a full disk, a folder gone read-only: the old page stays
            raise OutputNotWritable(
                f"cannot write the {job.what} in {job.folder}: {exc.strerror or exc}",
                "free some space, or give another output folder",
                settings="out_dir",
            ) from None
        finally:
            if own:
                kernels.close()
            if tmp is not None:
                shutil.rmtree(tmp, ignore_errors=True)
                ACTIVE.discard(tmp)
    return Rendered(targets, seconds=time.perf_counter() - started)


def reusable_html(job: Job, have: set[str]) -> bool:
    """The executed notebook and its HTML are up to date: only the PDF is missing, printed from that HTML."""
    return job.keep_notebook and {"ipynb", "html"} <= have


def fresh_files(job: Job, options: Options) -> set[str]:
    """The formats whose files in the folder were made from exactly these inputs (under the lock).

    The manifest is read as untrusted: one that is not a page manifest counts as none (the page is
    built again and the manifest written anew), and it can only name the files the build makes.
    """
    manifest = read_manifest(job.manifest_path(options), valid_page_manifest)
    if manifest.get("key") != job.key:
        return set()
    targets = job.targets(options)
    listed = manifest.get("files") or {fmt: path.name for fmt, path in targets.items()}
    made = {fmt: path.name for fmt, path in targets.items()}
    return {fmt for fmt, name in listed.items() if made.get(fmt) == name and (job.folder / name).is_file()}


def commit(job: Job, options: Options, written: dict[str, Path], have: set[str] = frozenset()) -> None:
    """Rename finished files into place and record them in the manifest (under the lock).

    The manifest is written in full first, beside the files in the temporary folder: a disk that
    fills then leaves the old page and manifest as they were. Only renames follow, which need no
    space; the manifest is renamed last, so a build stopped between two renames leaves a manifest
    whose key no longer matches every file, and the next build makes the page again.
    """
    targets = job.targets(options)
    manifest = {"key": job.key}
    if job.owner is not None:
        manifest["files"] = {
            **{f: targets[f].name for f in have if f in targets},
            **{f: targets[f].name for f in written},
        }
        manifest["source"] = job.owner
    staged = next(iter(written.values())).parent if written else job.folder
    ready = staged / f".{job.stem}{options.suffix}.{os.getpid()}.tmp"
    try:
        write_manifest(ready, manifest, atomic=False)
        for fmt, produced in written.items():
            os.replace(produced, targets[fmt])
        os.replace(ready, job.manifest_path(options))
    finally:
        ready.unlink(missing_ok=True)


def _run(job: Job, options: Options, tmp: Path, have: set[str], kernels: Kernels) -> dict[str, Path]:
    """Execute, export, print: into tmp. Returns format -> file in tmp."""
    written: dict[str, Path] = {}
    if reusable_html(job, have):
        html = (job.folder / f"{job.stem}{options.suffix}.html").read_text(encoding="utf-8")
    else:
        quick_jsonschema()
        import papermill  # noqa: F401 - first, here: two threads importing jupyter_client at once can

        # meet it half-initialised (a circular import), so the warming thread starts after it
        warm = threading.Thread(target=_warm_exporters, args=("pdf" in options.formats,), daemon=True)
        warm.start()  # import nbconvert and WeasyPrint while the kernel works
        notebook = tmp / f"{job.stem}.ipynb"
        executed = execute_notebook(
            job.notebook,
            notebook,
            job.parameters,
            job.failed_path(options),
            page=job.page,
            cwd=job.cwd,
            kernels=kernels,
            cell_timeout=options.cell_timeout,
        )
        warm.join()
        if job.keep_notebook:
            written["ipynb"] = notebook
        html = export_html(executed, job.page)
        if "html" in options.formats:
            written["html"] = tmp / f"{job.stem}.html"
            written["html"].write_text(html, encoding="utf-8")
    if "pdf" in options.formats:
        written["pdf"] = tmp / f"{job.stem}.pdf"
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
        html_exporter()

        from .fonts import font_face_css

        font_face_css()
        if pdf:
            warm_pdf()  # WeasyPrint imported, and fontconfig, Pango and the PDF fonts ready
    except Exception:  # warming is only for speed; the real step reports errors
        pass


@cache
def _engine() -> str:
    """papermill's nbclient engine on a kernel started ahead (``km=``), registered once per process.

    papermill's own engine hands ``km`` to nbclient too, but then leaves the kernel and its
    channels running (nbclient ends only kernels it started); this one ends them in nbclient's
    ``finally``, as papermill ends its own kernels, but at once: every reply and output has come
    back by then, and a polite shutdown cost 0.5-0.7 s of every brief here.
    """
    from papermill.clientwrap import PapermillNotebookClient
    from papermill.engines import NBClientEngine, papermill_engines
    from papermill.log import logger

    class PrestartedKernelEngine(NBClientEngine):
        @classmethod
        def execute_managed_notebook(
            cls,
            nb_man,
            kernel_name,
            log_output=False,
            stdout_file=None,
            stderr_file=None,
            start_timeout=60,
            execution_timeout=None,
            km=None,
            **kwargs,
        ):
            kwargs.pop("input_path", None)
            kwargs.pop("startup_timeout", None)
            timeout = execution_timeout or kwargs.pop("timeout", None)
            client = PapermillNotebookClient(
                nb_man,
                km=km,
                timeout=timeout,
                startup_timeout=start_timeout,
                kernel_name=kernel_name,
                log=logger,
                log_output=log_output,
                stdout_file=stdout_file,
                stderr_file=stderr_file,
                shutdown_kernel="immediate",
                **kwargs,
            )
            return client.execute(cleanup_kc=True)

    papermill_engines.register(ENGINE, PrestartedKernelEngine)
    return ENGINE


def execute_notebook(
    notebook: Path,
    output: Path,
    parameters: dict,
    failed: Path,
    page: dict | None = None,
    cwd: Path | None = None,
    kernels: Kernels | None = None,
    cell_timeout: float | None = None,
):
    """Run the notebook in a new kernel with papermill; strip timings so bytes repeat.

    ``kernels``: take the kernel from there (started ahead, warmed); None: papermill starts
    a cold one itself. ``page`` (lang, title, running) is recorded in the executed notebook's
    metadata, so ``jupyter nbconvert --template cddbrief`` exports it with the page's own title.
    ``cell_timeout``: a cell running longer fails the build (``CellFailed``) and its kernel is ended.
    """
    import math

    quick_jsonschema()
    import nbformat
    import papermill
    from nbclient.exceptions import CellTimeoutError
    from papermill.exceptions import PapermillExecutionError

    limit = None if cell_timeout is None else math.ceil(cell_timeout)  # nbclient counts whole seconds
    cwd = Path(cwd or Path.cwd())  # the source's folder: parameters name the file, not a machine's path
    km = None
    try:
        for attempt in (1, 2):
            if kernels is not None:
                km = kernels.take(cwd)
                how = {"engine_name": _engine(), "km": km}
            else:
                how = {"extra_arguments": [ARGUMENTS[0]]}  # nbclient adds the in-memory history itself
            try:
                executed = papermill.execute_notebook(
                    str(notebook),
                    str(output),
                    parameters=parameters,
                    kernel_name=KERNEL,
                    progress_bar=False,
                    request_save_on_cell_execute=False,
                    cwd=str(cwd),
                    execution_timeout=limit,
                    **how,
                )
                break
            except DiedAtStart:
                if attempt == 2:
                    raise
                end(km)  # no cell ran: the notebook runs once more, in a new kernel with new ports
                km = None
    except CellTimeoutError:  # a TimeoutError, so an OSError: said here, before a full disk is
        kept = _keep_failed(output, failed)
        where = f"; what ran is kept at {kept}" if kept else ""
        raise CellFailed(f"a cell of the briefing notebook ran longer than {limit} s and was stopped{where}") from None
    except PapermillExecutionError as exc:
        kept = _keep_failed(output, failed)
        first = next((line for line in exc.source.splitlines() if line.strip()), "")
        raise CellFailed(
            f"the briefing notebook failed in cell {exc.exec_count} ({first.strip()[:60]}): {exc.ename}: {exc.evalue}",
            f"the executed notebook is kept at {kept}",
        ) from None
    except OSError as exc:
        if km is None and kernels is not None:  # the kernel could not be started
            raise CellFailed(f"the notebook kernel failed (could not start: {exc})") from None
        raise  # writing the executed notebook failed (a full disk): the build says so
    except Exception as exc:  # a dead kernel, a kernel that would not start
        kept = _keep_failed(output, failed)
        where = f"; what ran is kept at {kept}" if kept else ""
        raise CellFailed(
            f"the notebook kernel failed ({type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}){where}"
        ) from None
    finally:
        end(km)  # ended already by nbclient, unless it was stopped on the way
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


def _template_dir() -> Path:
    return Path(str(files("cddbrief").joinpath("templates")))


@cache
def html_exporter():
    """nbconvert's exporter with the cddbrief template, set up once per process (a batch worker
    exports every brief with it), and used once on a notebook of one line: the template compiled,
    the notebook schema's validator built and the CSS selectors nbconvert looks for alt texts with
    compiled (~0.2 s), while a build's kernel runs rather than after it."""
    import nbformat
    from nbconvert import HTMLExporter

    from .notebooks.page import page_resources

    exporter = HTMLExporter(template_name="cddbrief", extra_template_basedirs=[str(_template_dir() / "nbconvert")])
    exporter.exclude_input = True
    exporter.optimistic_validation = (
        True  # the notebook validated once, after all its preprocessors, not after each of them
    )
    shown = nbformat.v4.new_output(
        "display_data", data={"text/html": "<h2>ตำบลบ้านใหม่</h2><img src='data:image/png;base64,' alt=''>"}
    )
    line = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("brief.show()", outputs=[shown])])
    exporter.from_notebook_node(
        line, resources={"cddbrief": page_resources({"lang": "th", "title": "ตำบลบ้านใหม่", "running": "ตำบลบ้านใหม่"})}
    )
    return exporter


def export_html(nb, page: dict) -> str:
    """An executed notebook as one self-contained HTML page, through the cddbrief template.

    ``page`` gives lang, title and running (the header printed on every PDF page).
    The template is the package's; ``jupyter nbconvert --template cddbrief`` finds
    the same one where the wheel installs it (share/jupyter/nbconvert/templates).
    """
    from .notebooks.page import page_resources

    body, _ = html_exporter().from_notebook_node(nb, resources={"cddbrief": page_resources(page)})
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
        output = target if hasattr(target, "write") else str(target)
        weasyprint.HTML(string=html, url_fetcher=only_inline).write_pdf(output, finisher=fix_text_layer, pdf_tags=True)
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

    style = f"{font_face_css()} html{{font-family:'Sarabun'}}"
    page = f"<html lang='th'><head><style>{style}</style></head><body><p>ตำบลบ้านใหม่ <b>น้ำประปา</b></p></body></html>"
    write_pdf(page, BytesIO())


# --- files, manifest, lock ---------------------------------------------------------------------


def check_place(folder: Path, out_dir: Path, source_folder: Path | None = None) -> None:
    """A page's folder must stay where the build puts it: inside ``--out`` (a link leading out of it is
    refused) and never the source document's own folder (where ``list`` would read the brief back)."""
    try:
        if not (folder.is_symlink() or folder.exists()):
            return
        where, out = folder.resolve(), Path(out_dir).resolve()
    except (OSError, RuntimeError):  # a loop of links
        raise OutputNotWritable(
            f"the output folder {shown(folder)} is a link that leads nowhere",
            "remove the link, or give another output folder",
            settings="out_dir",
        ) from None
    if where != out and out not in where.parents:
        raise OutputNotWritable(
            f"the output folder {shown(folder)} is a link to {shown(where)}, outside {shown(out_dir)}; "
            "nothing was written",
            "remove the link, or give another output folder",
            settings="out_dir",
        )
    if source_folder is not None and where == Path(source_folder).resolve():
        raise OutputNotWritable(
            f"the output folder {shown(folder)} is the folder of the source documents {shown(where)}; "
            "nothing was written",
            "remove the link, or give another output folder, outside the data folder",
            settings="out_dir",
        )


def make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputNotWritable(
            f"cannot create the output folder {folder}: {exc.strerror}",
            "give a writable output folder",
            settings="out_dir",
        ) from None
    if not os.access(folder, os.W_OK):
        raise OutputNotWritable(
            f"the output folder {folder} is not writable", "give a writable output folder", settings="out_dir"
        )


MANIFEST_BYTES = 2**20  # a page's manifest is a few hundred bytes; an index's rows some kB a meeting


def read_manifest(path: Path, valid=None, limit: int = MANIFEST_BYTES) -> dict:
    """A JSON manifest the build wrote, read as untrusted: {} unless it is a regular file of at most
    ``limit`` bytes holding a JSON object that ``valid`` accepts (a list, deep nesting, wrong types,
    a JSON string, a FIFO or a huge file all count as no manifest, and the build writes it anew).

    >>> import tempfile; folder = Path(tempfile.mkdtemp()); (folder / ".brief.json").write_text('"2562-04"')
    9
    >>> read_manifest(folder / ".brief.json"), read_manifest(folder / "none.json")
    ({}, {})
    """
    import stat

    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return {}
        with open(path, "rb") as fh:
            data = fh.read(limit + 1)
        if len(data) > limit:
            return {}
        value = json.loads(data)
    except (OSError, ValueError, RecursionError):
        return {}
    if not isinstance(value, dict) or (valid is not None and not valid(value)):
        return {}
    return value


def plain_name(name) -> bool:
    """A name the build could have made for a file or folder inside its own folder: no path, no parent,
    no scheme, no control character, not hidden.

    >>> plain_name("2562-04-mae-tha"), plain_name("brief.en.html")
    (True, True)
    >>> plain_name("javascript:alert(1)"), plain_name("/"), plain_name("..")
    (False, False, False)
    """
    return (
        isinstance(name, str)
        and 0 < len(name) <= 255
        and not name.startswith((".", "-"))
        and name.isprintable()
        and not any(ch in name for ch in "/\\:*?[]<>\"'")
    )


def text_or_none(value, limit: int = 4096) -> bool:
    return value is None or (isinstance(value, str) and len(value) <= limit)


def valid_owner(value) -> bool:
    """Whose a folder is (``.source.json``, a manifest's ``source``): meeting, office, sha256, file, all text."""
    return (
        isinstance(value, dict)
        and isinstance(value.get("meeting"), str)
        and text_or_none(value.get("office"))
        and isinstance(value.get("sha256"), str)
        and text_or_none(value.get("sha256"), 64)
        and isinstance(value.get("file"), str)
        and text_or_none(value.get("file"))
        and text_or_none(value.get("meeting"), 64)
    )


def valid_page_manifest(value) -> bool:
    """A page's manifest (``.brief.json``): its key, and for a brief the files it made (plain names) and its source."""
    files = value.get("files")
    return (
        isinstance(value.get("key"), str)
        and len(value["key"]) <= 128
        and (
            files is None
            or (
                isinstance(files, dict)
                and len(files) <= 16
                and all(isinstance(f, str) and plain_name(n) for f, n in files.items())
            )
        )
        and (value.get("source") is None or valid_owner(value["source"]))
    )


def write_manifest(path: Path, data: dict, atomic: bool = True) -> None:
    """Write a manifest through a temporary file renamed into place (``atomic``), which is removed on
    every way out: a full disk leaves the old manifest, and no ``.tmp``."""
    text = json.dumps(data, indent=1, sort_keys=True)
    if not atomic:
        try:
            path.write_text(text, encoding="utf-8")
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        return
    write_atomic(path, text)


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
    removed = []
    for tmp in folder.glob(".build-*"):
        pid = tmp.name.split("-")[1] if tmp.name.count("-") >= 2 else ""
        if pid.isascii() and pid.isdigit():
            if int(pid) != os.getpid() and 0 < int(pid) < 2**22 and _alive(int(pid)):  # past Linux's pid_max: none
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


class locked:
    """An exclusive lock on an output folder (fcntl), held for one build."""

    def __init__(self, folder: Path, say, name: str):
        self.path = folder / ".lock"
        self.say = say
        self.name = name

    def __enter__(self):
        import fcntl

        try:
            self.handle = open(self.path, "a+")
        except IsADirectoryError:
            raise OutputNotWritable(
                f"{self.path} is a folder, where the build keeps its lock file",
                "remove that folder, or give another output folder",
                settings="out_dir",
            ) from None
        except OSError as exc:
            raise OutputNotWritable(
                f"cannot take the lock {self.path}: {exc.strerror}", "give a writable output folder", settings="out_dir"
            ) from None
        try:
            fcntl.flock(self.handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.say(f"{self.name}: waiting for another build of this meeting to finish")
            fcntl.flock(self.handle, fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc):
        import fcntl

        fcntl.flock(self.handle, fcntl.LOCK_UN)
        self.handle.close()
        return False
