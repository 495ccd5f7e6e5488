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


@dataclass
class Outcome:
    path: Path
    status: str  # built | up to date | failed
    folder: str = ""
    why: str = ""
    entry: dict = field(default_factory=dict)
    seconds: float = 0.0


@dataclass
class BatchResult:
    outcomes: list[Outcome]
    index: Path | None = None

    @property
    def ok(self) -> bool:
        return all(o.status != "failed" for o in self.outcomes)

    def summary(self) -> str:
        counts = {s: sum(1 for o in self.outcomes if o.status == s) for s in ("built", "up to date", "failed")}
        lines = [f"{counts['built']} built, {counts['up to date']} up to date, {counts['failed']} failed"]
        lines += [f"  failed: {o.path.name}: {o.why}" for o in self.outcomes if o.status == "failed"]
        return "\n".join(lines)


def _documents(data_dir: Path) -> list[tuple[Path, bool]]:
    """(path, distinct): distinct when another document has the same meeting id."""
    from .corpus import catalogue, source_files

    entries, _ = catalogue(data_dir)
    ids: dict[str, int] = {}
    for e in entries:
        ids[e.id] = ids.get(e.id, 0) + 1
    shared = {e.path for e in entries if ids[e.id] > 1}
    return [(p, p in shared) for p in source_files(data_dir)]


def _build_one(path: str, out_dir: str, formats: tuple, lang: str, force: bool, distinct: bool) -> Outcome:
    """One brief in this process (a pool worker): never raises for a bad document."""
    import time

    from .report import build

    started = time.perf_counter()
    try:
        result = build(path, formats=formats, lang=lang, out_dir=out_dir, force=force, say=lambda _: None, distinct=distinct)
    except CddbriefError as exc:
        return Outcome(Path(path), "failed", why=str(exc), seconds=time.perf_counter() - started)
    except Exception as exc:  # a kernel that died, a full disk: reported, the batch goes on
        return Outcome(Path(path), "failed", why=f"{type(exc).__name__}: {exc}", seconds=time.perf_counter() - started)
    status = "up to date" if result.up_to_date else "built"
    return Outcome(Path(path), status, folder=result.folder.name, entry=result.entry, seconds=result.seconds)


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
        try:
            result = build(str(source), formats=formats, lang=lang, out_dir=str(out), force=True, say=lambda _: None, distinct=distinct)
        except CddbriefError as exc:
            return {"name": name, "status": "failed", "why": str(exc)}
        except Exception as exc:
            return {"name": name, "status": "failed", "why": f"{type(exc).__name__}: {exc}"}
        files = {p.name: p.read_bytes() for p in result.folder.iterdir() if p.is_file() and p.name.startswith("brief")}
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
                    outcomes.append(Outcome(path, "built", folder=done["folder"], entry={**done["entry"], "file": str(path)}, seconds=done["seconds"]))
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


def write_index(out_dir: Path, outcomes: list[Outcome], lang: str = "th") -> Path:
    """OUT/index.html: every brief in the folder, self-contained, sortable without a network."""
    from .brief import environment
    from .fonts import font_face_css

    suffix = "" if lang == "th" else f".{lang}"
    rows = []
    for o in outcomes:
        if o.status == "failed":
            rows.append({"failed": True, "file": o.path.name, "why": o.why})
            continue
        e = o.entry
        rows.append({"failed": False, "href": f"{o.folder}/brief{suffix}.html", "pdf": (out_dir / o.folder / f"brief{suffix}.pdf").exists(),
                     "pdf_href": f"{o.folder}/brief{suffix}.pdf", **e, "file": Path(e.get("file", o.path.name)).name})  # fmt: skip
    rows.sort(key=lambda r: (r.get("id") or "", r.get("office") or ""), reverse=False)
    html = environment().get_template("index.html.j2").render(rows=rows, lang=lang, font_css=font_face_css())
    target = out_dir / "index.html"
    tmp = out_dir / f".index.html.{os.getpid()}.tmp"
    tmp.write_text(html, encoding="utf-8")
    os.replace(tmp, target)
    return target
