"""Every brief of a folder: in parallel processes here, or on a dask.distributed cluster.

One bad document never stops the rest; the summary says what was built, what
was up to date and what failed, and why. ``OUT/index.html`` lists every brief.

On a cluster each task gets the document's bytes and sends back the files it
made, so workers on other hosts need no shared disk; the client writes the
files where it was asked (atomically, as a single build does).
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .errors import CddbriefError
from .exports import EXPORTS as EXPORT_KINDS  # with --all, --format may ask for these beside each brief


@dataclass
class Outcome:
    path: Path
    status: str  # built | up to date | failed
    folder: str = ""
    why: str = ""
    entry: dict = field(default_factory=dict)
    seconds: float = 0.0
    files: list[Path] = field(default_factory=list)  # where the brief was written (html, pdf)


@dataclass
class BatchResult:
    outcomes: list[Outcome]
    index: Path | None = None

    @property
    def ok(self) -> bool:
        return all(o.status != "failed" for o in self.outcomes)

    def summary(self) -> str:
        """What happened to each document, and where its brief is:

        ``  built: a.txt → outputs/2562-04/brief.html, outputs/2562-04/brief.pdf``
        """
        counts = {s: sum(1 for o in self.outcomes if o.status == s) for s in ("built", "up to date", "failed")}
        lines = [f"{counts['built']} built, {counts['up to date']} up to date, {counts['failed']} failed"]
        for o in self.outcomes:
            if o.status == "failed":
                lines.append(f"  failed: {o.path.name}: {o.why}")
            else:
                lines.append(f"  {o.status}: {o.path.name} → {_where(o.files) or o.folder}")
        return "\n".join(lines)


def _where(files: list[Path]) -> str:
    """The first file in full, the others of its folder by name, CSV files counted:
    ``out/2562-04/brief.html (+ brief.pdf, 2562-04.xlsx, 6 CSV)``."""
    if not files:
        return ""
    rest = [f.name for f in files[1:] if f.suffix != ".csv"]
    csvs = sum(1 for f in files[1:] if f.suffix == ".csv")
    rest += [f"{csvs} CSV"] if csvs else []
    return f"{files[0]}" + (f" (+ {', '.join(rest)})" if rest else "")


def _documents(data_dir: Path) -> list[tuple[Path, bool]]:
    """(path, distinct): distinct when another document has the same meeting id."""
    from .corpus import catalogue, source_files

    entries, _ = catalogue(data_dir)
    ids: dict[str, int] = {}
    for e in entries:
        ids[e.id] = ids.get(e.id, 0) + 1
    shared = {e.path for e in entries if ids[e.id] > 1}
    return [(p, p in shared) for p in source_files(data_dir)]


def _split(formats) -> tuple[tuple, tuple]:
    """(brief formats, export kinds): ``html,pdf,xlsx`` → ``(html, pdf)``, ``(xlsx,)``."""
    return tuple(f for f in formats if f not in EXPORT_KINDS), tuple(f for f in formats if f in EXPORT_KINDS)


def _export_into(folder: Path, source: str, kinds: tuple, meeting_id: str | None, fresh_only: bool) -> list[Path]:
    """The exports of a brief, beside it (``2562-04-soem-ngam/2562-04.xlsx``); kept when the brief was up to date."""
    from .exports import export
    from .meeting import read_meeting

    if not kinds:
        return []
    meeting = read_meeting(Path(source), meeting_id=meeting_id)
    written = []
    for kind in kinds:
        existing = [folder / f"{meeting.id}.{kind}"] if kind != "csv" else sorted(folder.glob(f"{meeting.id}-*.csv"))
        if fresh_only and existing and all(p.exists() for p in existing):
            written += existing
            continue
        written += export(meeting, kind, folder)
    return written


def _build_one(path: str, out_dir: str, formats: tuple, lang: str, force: bool, distinct: bool) -> Outcome:
    """One brief in this process (a pool worker): never raises for a bad document."""
    import time

    from .report import build

    started = time.perf_counter()
    briefs, exports = _split(formats)
    try:
        result = build(path, formats=briefs, lang=lang, out_dir=out_dir, force=force, say=lambda _: None, distinct=distinct)
        exported = _export_into(result.folder, path, exports, None, fresh_only=result.up_to_date)
    except CddbriefError as exc:
        return Outcome(Path(path), "failed", why=str(exc), seconds=time.perf_counter() - started)
    except Exception as exc:  # a kernel that died, a full disk: reported, the batch goes on
        return Outcome(Path(path), "failed", why=f"{type(exc).__name__}: {exc}", seconds=time.perf_counter() - started)
    status = "up to date" if result.up_to_date else "built"
    files = [Path(result.files[f]) for f in briefs if f in result.files] + exported
    return Outcome(Path(path), status, folder=result.folder.name, entry=result.entry, seconds=result.seconds, files=files)


def build_all(
    data_dir: str | Path,
    out_dir: str | Path = "outputs",
    formats: tuple[str, ...] = ("html",),
    lang: str = "th",
    jobs: int | None = None,
    force: bool = False,
    scheduler: str | None = None,
    progress: bool = True,
) -> BatchResult:
    """Build the brief of every document in data_dir; write OUT/index.html."""
    data_dir, out_dir = Path(data_dir), Path(out_dir)
    documents = _documents(data_dir)
    if not documents:
        raise CddbriefError(f"no meeting summaries (.txt, .docx) in {data_dir}", "give the folder with --data DIR")
    out_dir.mkdir(parents=True, exist_ok=True)
    if scheduler:
        outcomes = _on_cluster(scheduler, documents, out_dir, formats, lang, force, progress)
    else:
        outcomes = _in_processes(documents, out_dir, formats, lang, force, jobs or os.cpu_count() or 1, progress)
    outcomes.sort(key=lambda o: o.path.name)
    index = write_index(out_dir, outcomes, lang)
    return BatchResult(outcomes, index)


def _bar(total: int, enabled: bool):
    from tqdm import tqdm

    return tqdm(total=total, unit="brief", disable=not enabled, dynamic_ncols=True, leave=True)


def _in_processes(documents, out_dir, formats, lang, force, jobs, progress) -> list[Outcome]:
    from concurrent.futures import ProcessPoolExecutor, as_completed

    outcomes = []
    with _bar(len(documents), progress) as bar, ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(_build_one, str(p), str(out_dir), formats, lang, force, distinct) for p, distinct in documents]
        try:
            for future in as_completed(futures):
                outcomes.append(future.result())
                bar.update(1)
        except KeyboardInterrupt:
            for future in futures:
                future.cancel()
            raise
    return outcomes


# --- dask.distributed ---------------------------------------------------------------------------


def remote_build(name: str, data: bytes, formats: tuple, lang: str, distinct: bool) -> dict:
    """A task on a dask worker: build from the document's bytes, return the files' bytes."""
    import time

    from .report import build

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="cddbrief-task-") as scratch:
        source = Path(scratch) / "in" / name
        source.parent.mkdir()
        source.write_bytes(data)
        out = Path(scratch) / "out"
        briefs, exports = _split(formats)
        try:
            result = build(str(source), formats=briefs, lang=lang, out_dir=str(out), force=True, say=lambda _: None, distinct=distinct)
            exported = {p.name for p in _export_into(result.folder, str(source), exports, None, fresh_only=False)}
        except CddbriefError as exc:
            return {"name": name, "status": "failed", "why": str(exc)}
        except Exception as exc:
            return {"name": name, "status": "failed", "why": f"{type(exc).__name__}: {exc}"}
        files = {p.name: p.read_bytes() for p in result.folder.iterdir() if p.is_file() and (p.name.startswith("brief") or p.name in exported)}
        entry = {**result.entry, "file": name}
        return {"name": name, "status": "built", "folder": result.folder.name, "files": files, "entry": entry,
                "seconds": time.perf_counter() - started}  # fmt: skip


def _on_cluster(address, documents, out_dir, formats, lang, force, progress) -> list[Outcome]:
    try:
        from distributed import Client, as_completed
    except ImportError:  # pragma: no cover - dask is a dependency
        raise CddbriefError("dask.distributed is not installed", "install it with make setup") from None
    try:
        client = Client(address, timeout=10)
    except (OSError, TimeoutError) as exc:
        raise CddbriefError(f"cannot reach the dask scheduler at {address} ({exc})", "check the address, or start one with `dask scheduler`") from None
    outcomes = []
    by_name = {p.name: p for p, _ in documents}
    try:
        futures = [client.submit(remote_build, p.name, p.read_bytes(), formats, lang, distinct, key=f"cddbrief-{p.name}-{os.getpid()}", pure=False)
                   for p, distinct in documents]  # fmt: skip
        with _bar(len(futures), progress) as bar:
            for future in as_completed(futures):
                try:
                    done = future.result()
                except Exception as exc:  # a worker lost mid-task
                    outcomes.append(Outcome(Path("?"), "failed", why=f"{type(exc).__name__}: {exc}"))
                    bar.update(1)
                    continue
                path = by_name[done["name"]]
                if done["status"] == "failed":
                    outcomes.append(Outcome(path, "failed", why=done["why"]))
                else:
                    _write_files(out_dir / done["folder"], done["files"])
                    briefs = [out_dir / done["folder"] / name for name in sorted(done["files"]) if name.rsplit(".", 1)[-1] in formats and name.rsplit(".", 1)[-1] != "ipynb"]
                    outcomes.append(Outcome(path, "built", folder=done["folder"], entry={**done["entry"], "file": str(path)}, seconds=done["seconds"], files=briefs))
                bar.update(1)
    finally:
        client.close()
    return outcomes


def _write_files(folder: Path, files: dict[str, bytes]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        tmp = folder / f".{name}.{os.getpid()}.tmp"
        tmp.write_bytes(data)
        os.replace(tmp, folder / name)


# --- index.html -----------------------------------------------------------------------------------

def style_text(css: str):
    """CSS for a ``<style>`` element of an autoescaped page: marked safe, so quotes stay quotes
    (``font-family:'Sarabun'``, not ``&#39;Sarabun&#39;``, which no browser reads), and refused
    if it could close the element.

    >>> str(style_text("html{font-family:'Sarabun'}"))
    "html{font-family:'Sarabun'}"
    >>> style_text("</style><script>")
    Traceback (most recent call last):
    ValueError: CSS must not contain '</'
    """
    from markupsafe import Markup

    if "</" in css or "<!--" in css:
        raise ValueError("CSS must not contain '</'")
    return Markup(css)


def index_name(lang: str) -> str:
    """``index.html`` for Thai, ``index.en.html`` for English: one language never overwrites the other."""
    return "index.html" if lang == "th" else f"index.{lang}.html"


def _day(iso: str | None, lang: str) -> str:
    """An ISO date as the index shows it: ``2019-04-22`` → ``22 เม.ย. 2562`` (Thai) or ``22 Apr 2019``."""
    from datetime import date

    from .thaidates import format_span_en, format_span_th

    if not iso:
        return ""
    d = date.fromisoformat(iso)
    return (format_span_th if lang == "th" else format_span_en)(d, d)


def _span(first: str | None, last: str | None, lang: str) -> str:
    """First and last dates a brief's actions name: ``2557 – 30 ก.ย. 2561`` reads ``2014-01-01``, ``2018-09-30``."""
    from datetime import date

    from .thaidates import format_span_en, format_span_th

    if not first:
        return ""
    start, end = date.fromisoformat(first), date.fromisoformat(last or first)
    return (format_span_th if lang == "th" else format_span_en)(start, max(start, end))


def _files(out_dir: Path, folder: str, meeting_id: str, suffix: str) -> list[dict]:
    """The files of one brief's folder that a reader opens: the brief (HTML, PDF) and its exports."""
    here = out_dir / folder
    found = []
    for name, label in ((f"brief{suffix}.html", "HTML"), (f"brief{suffix}.pdf", "PDF"), (f"{meeting_id}.xlsx", "Excel"),
                        (f"{meeting_id}.json", "JSON"), (f"{meeting_id}.ics", "iCal")):  # fmt: skip
        if (here / name).exists():
            found.append({"href": f"{folder}/{name}", "label": label})
    csvs = sorted(here.glob(f"{meeting_id}-*.csv"))
    for path in csvs:
        found.append({"href": f"{folder}/{path.name}", "label": f"CSV {path.stem[len(meeting_id) + 1 :]}"})
    return found


def write_index(out_dir: Path, outcomes: list[Outcome], lang: str = "th") -> Path:
    """OUT/index.html (Thai) or OUT/index.en.html: every brief in the folder with its PDF and exports,
    the trends page when there is one; dates in the reader's calendar (``22 เม.ย. 2562``);
    self-contained, sortable without a network."""
    from .brief import environment
    from .fonts import font_face_css

    suffix = "" if lang == "th" else f".{lang}"
    rows = []
    for o in outcomes:
        if o.status == "failed":
            rows.append({"failed": True, "file": o.path.name, "why": o.why})
            continue
        e = o.entry
        rows.append({**e, "failed": False, "file": Path(e.get("file", o.path.name)).name,
                     "files": _files(out_dir, o.folder, e.get("id") or o.folder, suffix),
                     "meeting_day": _day(e.get("meeting_date"), lang), "covered": _span(e.get("first_date"), e.get("last_date"), lang)})  # fmt: skip
    rows.sort(key=lambda r: (r.get("id") or "", r.get("office") or ""))
    trends = [{"href": f"trends{suffix}.{ext}", "label": ext.upper()} for ext in ("html", "pdf") if (out_dir / f"trends{suffix}.{ext}").exists()]
    other = "index.en.html" if lang == "th" else "index.html"
    html = environment().get_template("index.html.j2").render(
        rows=rows, lang=lang, font_css=style_text(font_face_css()), trends=trends, other=other if (out_dir / other).exists() else None
    )
    target = out_dir / index_name(lang)
    tmp = out_dir / f".{target.name}.{os.getpid()}.tmp"
    tmp.write_text(html, encoding="utf-8")
    os.replace(tmp, target)
    return target
