"""Every brief of a folder: in parallel processes here, or on a dask.distributed cluster.

One bad document never stops the rest; the summary says what was built, what
was up to date and what failed, and why. ``OUT/index.html`` lists every brief.

On a cluster each task gets the document's bytes and sends back the files it
made, so workers on other hosts need no shared disk; the client writes the
files where it was asked (atomically, as a single build does).
"""

from __future__ import annotations

import os
import signal
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import CddbriefError, Setting, in_library_terms, said_with, shown
from .exports import EXPORTS
from .processes import die_with_parent
from .words import LANGS, Lang, as_lang

EXPORT_KINDS = tuple(EXPORTS)  # with --all, --format may ask for these beside each brief

TASK_TIMEOUT = 900.0  # seconds one brief may run on a worker (--task-timeout)
NO_WORKERS_GRACE = 30.0  # seconds a cluster may have no worker before the batch gives up


@dataclass
class Outcome:
    path: Path
    status: str  # built | up to date | failed
    folder: str = ""
    why: str = ""  # a failure's problem and remedy; the settings it asks to change are ``settings``
    settings: tuple[Setting, ...] = ()
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

    def summary(self, terms: Callable[[tuple[Setting, ...]], str] = in_library_terms) -> str:
        """What happened to each document, and where its brief is; a failure's settings said in ``terms`` (a front
        end's words for them):

        ``  built: a.txt → outputs/2562-04/brief.html, outputs/2562-04/brief.pdf``
        """
        counts = {s: sum(1 for o in self.outcomes if o.status == s) for s in ("built", "up to date", "failed")}
        lines = [f"{counts['built']} built, {counts['up to date']} up to date, {counts['failed']} failed"]
        for o in self.outcomes:
            if o.status == "failed":
                lines.append(f"  failed: {shown(o.path.name)}: {shown(said_with(o.why, o.settings, terms))}")
            else:
                lines.append(f"  {o.status}: {shown(o.path.name)} → {shown(_where(o.files) or o.folder)}")
        return "\n".join(lines)


def _failed(path: Path, exc: CddbriefError, seconds: float = 0.0) -> Outcome:
    """The outcome of a document its build refused: the problem and remedy, the settings beside them."""
    return Outcome(path, "failed", why=exc.plain, settings=exc.settings, seconds=seconds)


def _where(files: list[Path]) -> str:
    """The first file in full, the others of its folder by name, CSV files counted:
    ``out/2562-04/brief.html (+ brief.pdf, 2562-04.xlsx, 6 CSV)``."""
    if not files:
        return ""
    rest = [f.name for f in files[1:] if f.suffix != ".csv"]
    csvs = sum(1 for f in files[1:] if f.suffix == ".csv")
    rest += [f"{csvs} CSV"] if csvs else []
    return f"{files[0]}" + (f" (+ {', '.join(rest)})" if rest else "")


def _documents(data_dir: Path) -> list[tuple[Path, bool | str]]:
    """(path, distinct): True when another office's document has the same meeting id (the folder names
    the office), "document" when the same office wrote it up twice (the folder names the document too)."""
    from .corpus import catalogue, distinct_names, source_files

    entries, _ = catalogue(data_dir)
    naming = distinct_names(entries)
    copies = {
        e.path.parent / c for e in entries for c in e.copies
    }  # a write-up kept in several files: one brief, of its richest form
    return [(p, naming.get(p, False)) for p in source_files(data_dir) if p not in copies]


def _split(formats) -> tuple[tuple, tuple]:
    """(brief formats, export kinds): ``html,pdf,xlsx`` → ``(html, pdf)``, ``(xlsx,)``."""
    return tuple(f for f in formats if f not in EXPORT_KINDS), tuple(f for f in formats if f in EXPORT_KINDS)


def _export_into(folder: Path, meeting, kinds: tuple, lang: Lang, fresh_only: bool) -> list[Path]:
    """The exports of a brief, beside it and in its language (``2562-04-soem-ngam/2562-04.xlsx``,
    ``2562-04.en.xlsx``), from the meeting its build parsed; kept when the brief was up to date."""
    from .exports import export

    written = []
    for kind in kinds:
        existing = EXPORTS[kind].files(folder, meeting.id, lang)
        if fresh_only and existing:
            written += existing
            continue
        written += export(meeting, kind, folder, lang=lang)
    return written


def _build_one(
    path: str, out_dir: str, formats: tuple, lang: Lang, force: bool, distinct: bool | str, as_of: str | None = None
) -> Outcome:
    """One brief in this process (a pool worker, with its kernel started ahead): never raises for a bad document."""
    import time

    from .report import build

    started = time.perf_counter()
    _note_start(path)
    briefs, exports = _split(formats)
    try:
        result = build(
            path,
            formats=briefs,
            lang=lang,
            out_dir=out_dir,
            force=force,
            say=lambda _: None,
            distinct=distinct,
            as_of=as_of,
            kernels=_KERNELS,
        )
        exported = _export_into(result.folder, result.meeting, exports, lang, fresh_only=result.up_to_date)
    except CddbriefError as exc:
        return _failed(Path(path), exc, seconds=time.perf_counter() - started)
    except Exception as exc:  # a kernel that died, a full disk: reported, the batch goes on
        return Outcome(Path(path), "failed", why=f"{type(exc).__name__}: {exc}", seconds=time.perf_counter() - started)
    status = "up to date" if result.up_to_date else "built"
    files = [Path(result.files[f]) for f in briefs if f in result.files] + exported
    return Outcome(
        Path(path), status, folder=result.folder.name, entry=result.entry, seconds=result.seconds, files=files
    )


def build_all(
    data_dir: str | Path,
    out_dir: str | Path = "outputs",
    formats: tuple[str, ...] = ("html",),
    lang: Lang = "th",
    jobs: int | None = None,
    force: bool = False,
    scheduler: str | None = None,
    progress: bool = True,
    security=None,
    task_timeout: float = TASK_TIMEOUT,
    as_of: str | None = None,
) -> BatchResult:
    """Build the brief of every document in data_dir; write OUT/index.html. ``as_of``: the day every
    brief counts deadlines from (``2020-03-10``; default: each meeting's own)."""
    lang = as_lang(lang)
    data_dir, out_dir = Path(data_dir), Path(out_dir)
    documents = _documents(data_dir)
    if not documents:
        from .filekinds import FORMS

        raise CddbriefError(
            f"no meeting write-ups ({FORMS}) in {data_dir}",
            "list it to see why each file was skipped, or give the folder of meeting write-ups",
            settings="data_dir",
        )
    out_dir.mkdir(parents=True, exist_ok=True)
    if scheduler is not None:
        outcomes = _on_cluster(
            scheduler, documents, out_dir, formats, lang, force, progress, security, task_timeout, as_of=as_of
        )
    else:
        outcomes = _in_processes(
            documents, out_dir, formats, lang, force, jobs or os.cpu_count() or 1, progress, as_of, data_dir
        )
    outcomes.sort(key=lambda o: o.path.name)
    if lang == "th":  # the register is a Thai page: written before the index, whose bar links it
        from .register import build_actions_page

        build_actions_page(data_dir, out_dir, as_of)
    index = write_index(out_dir, outcomes, lang)
    for other in LANGS:  # the other languages' indexes link this one now
        if other != lang:
            refresh_index(out_dir, other)
    return BatchResult(outcomes, index)


def _bar(total: int, enabled: bool):
    from tqdm import tqdm

    return tqdm(total=total, unit="brief", disable=not enabled, dynamic_ncols=True, leave=True)


DIED = (
    "its build process died (killed from outside, or out of memory) while it built this brief; "
    "the others were built on new workers"
)


def _in_processes(documents, out_dir, formats, lang, force, jobs, progress, as_of=None, data_dir=None) -> list[Outcome]:
    """Build in a pool of processes that die with this one; each keeps a kernel started ahead (``kernels``).

    Workers ignore Ctrl-C (the terminal sends it to every process of the group): this process
    ends them, so the user sees one line, ``cddbrief: interrupted``. On SIGINT or SIGTERM here,
    every worker is told to stop (it removes its half-written folder and ends its kernel); a
    worker whose parent is gone, even by SIGKILL, does the same (PR_SET_PDEATHSIG, and a watchdog).

    A worker that dies (SIGKILL from outside, the OOM killer) breaks the pool, and Python ends the
    other workers with it: the document the dead worker held fails, and every document not built
    yet is built on a new pool. Which one it held: each worker notes the document it starts in a
    folder of notes (``_note_start``), and a worker ended by the broken pool notes that it was
    stopped (``_worker_stop``); the one that left no such note is the one that died.
    """
    import shutil
    from concurrent.futures import as_completed
    from concurrent.futures.process import BrokenProcessPool

    outcomes: list[Outcome] = []
    notes = tempfile.mkdtemp(prefix="cddbrief-workers-")
    todo = list(documents)
    unexplained = 0  # broken pools that named no document: twice, and what is left fails rather than loops
    try:
        with _bar(len(documents), progress) as bar:
            while todo:
                pool, futures = _start_pool(todo, out_dir, formats, lang, force, jobs, as_of, data_dir, notes)
                held = dict(zip(futures, todo))
                broken = False
                try:
                    for future in as_completed(futures):
                        try:
                            outcomes.append(future.result())
                        except BrokenProcessPool:
                            broken = True
                            continue
                        bar.update(1)
                except BaseException:  # Ctrl-C, SIGTERM (errors.Stopped), anything: no worker outlives the batch
                    stop_workers(pool)
                    raise
                pool.shutdown()  # a broken pool's workers are ended and reaped: their notes are all written
                todo = [held[f] for f in futures if f.exception() is not None]
                if not broken:
                    break
                dead = _dead_workers_documents(notes)
                _remove_half_built(Path(out_dir), dead)
                culprits = [doc for doc in todo if str(doc[0]) in dead.values()]
                for path, _ in culprits:
                    outcomes.append(Outcome(path, "failed", why=DIED))
                    bar.update(1)
                todo = [doc for doc in todo if doc not in culprits]
                unexplained = 0 if culprits else unexplained + 1
                if unexplained >= 2:
                    for path, _ in todo:
                        outcomes.append(Outcome(path, "failed", why=DIED.split(" while")[0]))
                    break
    finally:
        shutil.rmtree(notes, ignore_errors=True)
    return outcomes


def _start_pool(documents, out_dir, formats, lang, force, jobs, as_of, data_dir, notes: str):
    """A new pool of workers, and the futures of one brief per document."""
    from concurrent.futures import ProcessPoolExecutor

    stops = {signal.SIGINT, signal.SIGTERM}
    # workers are forked while these signals wait, so none can start before it ignores Ctrl-C
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, stops)
    try:
        first = str(Path(data_dir or documents[0][0].parent).resolve())  # where the kernels run: the documents' folder
        idle = (
            jobs < len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else False
        )  # a core no worker uses
        pool = ProcessPoolExecutor(
            max_workers=min(jobs, len(documents)), initializer=_worker_start, initargs=(os.getpid(), first, idle, notes)
        )
        futures = [
            pool.submit(_build_one, str(p), str(out_dir), formats, lang, force, distinct, as_of)
            for p, distinct in documents
        ]
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
    return pool, futures


def _remove_half_built(out_dir: Path, dead: dict[int, str]) -> None:
    """The ``.build-PID-*`` folders that dead workers left in the brief folders of OUT (a worker killed
    by SIGKILL cannot remove its own): the next build of that folder would, but its brief failed."""
    import shutil

    for pid in dead:
        for tmp in out_dir.glob(f"*/.build-{pid}-*"):
            if tmp.is_dir() and not tmp.is_symlink():
                shutil.rmtree(tmp, ignore_errors=True)


def _note_start(path: str) -> None:
    """In a worker: note the document it now builds (``NOTES/PID``), for the batch to name it if the worker dies."""
    if _NOTES:
        with open(os.path.join(_NOTES, str(os.getpid())), "w", encoding="utf-8", errors="surrogateescape") as fh:
            fh.write(path)


def _dead_workers_documents(notes: str) -> dict[int, str]:
    """pid -> the document it held, for the workers of a broken pool that did not note being stopped: the
    dead ones. The notes are removed, ready for the next pool."""
    dead = {}
    for entry in os.listdir(notes):
        if entry.isdigit() and not os.path.exists(os.path.join(notes, f"{entry}.stopped")):
            try:
                with open(os.path.join(notes, entry), encoding="utf-8", errors="surrogateescape") as fh:
                    dead[int(entry)] = fh.read()
            except OSError:
                pass
    for entry in os.listdir(notes):
        try:
            os.unlink(os.path.join(notes, entry))
        except OSError:
            pass
    return dead


def stop_workers(pool, grace: float = 10.0) -> None:
    """End a pool's workers now: SIGTERM (each cleans up and ends its kernel), SIGKILL after ``grace`` s."""
    import time

    from .processes import pool_workers

    processes = pool_workers()  # the workers this process started: the pool's (its own list is private)
    for process in processes:
        if process.is_alive():
            process.terminate()
    deadline = time.monotonic() + grace
    for process in processes:
        process.join(max(0.0, deadline - time.monotonic()))
        if process.is_alive():
            process.kill()
            process.join(5)
    pool.shutdown(wait=False, cancel_futures=True)


_KERNELS = None  # a pool worker's kernels.Kernels: one started ahead, for the next brief
_NOTES = None  # a pool worker's folder of notes: the document it builds, and that it was stopped (see _in_processes)


def _worker_start(parent: int, cwd: str | None = None, beside: bool = False, notes: str | None = None) -> None:
    """A pool worker's first act: ignore Ctrl-C, clean up on SIGTERM, die with its parent; then start
    the kernel of its first brief (in ``cwd``), which is warming while the first document is read.
    ``beside``: fewer workers than cores, so its kernels may draw a chart's phone picture on a core
    no worker uses (``charts.beside``; the same bytes), as a single build's kernel does."""
    global _KERNELS, _NOTES
    _NOTES = notes
    if beside:
        from .charts import BESIDE

        os.environ.setdefault(
            BESIDE, "1"
        )  # before the kernels' template starts: every kernel has it, forked or launched
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _worker_stop)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        die_with_parent(signal.SIGTERM)
    except OSError:
        pass  # not Linux: the watchdog thread below notices the parent's end within a second
    if os.getppid() != parent:  # the parent died before the line above
        _worker_stop(signal.SIGTERM, None)
    threading.Thread(target=_watch_parent, args=(parent,), name="cddbrief-parent-watch", daemon=True).start()
    from multiprocessing.util import Finalize

    from .kernels import Kernels

    _KERNELS = Kernels(spare=True)
    Finalize(_KERNELS, _KERNELS.close, exitpriority=10)  # a worker that ends normally ends its spare kernel
    if cwd:
        _KERNELS.prestart(cwd)


def _watch_parent(parent: int) -> None:
    """Where PR_SET_PDEATHSIG is not available: notice within a second that the parent is gone."""
    import time

    while os.getppid() == parent:
        time.sleep(1.0)
    os.kill(os.getpid(), signal.SIGTERM)


def _worker_stop(signum, frame) -> None:
    """Stop this worker now, quietly: remove the brief folder it was writing, end its kernels (the one
    running a brief and the one started ahead)."""
    import shutil

    from .files import WRITING
    from .render import ACTIVE

    if _NOTES:  # told to stop (by the batch, or by a broken pool): not the worker that died
        try:
            os.close(os.open(os.path.join(_NOTES, f"{os.getpid()}.stopped"), os.O_CREAT | os.O_WRONLY, 0o600))
        except OSError:
            pass
    if _KERNELS is not None:
        _KERNELS.stop_starting()
    for child in children(os.getpid()):
        try:
            os.kill(child, signal.SIGKILL)
        except OSError:
            pass
    for tmp in list(ACTIVE):
        shutil.rmtree(tmp, ignore_errors=True)
    for tmp in list(WRITING):
        try:
            tmp.unlink()
        except OSError:
            pass
    os._exit(128 + int(signum))


def children(pid: int) -> list[int]:
    """The processes whose parent is pid (Linux /proc; elsewhere none are found)."""
    found = []
    try:
        entries = os.listdir("/proc")
    except OSError:
        return found
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        fields = stat[stat.rfind(b")") + 2 :].split()
        if len(fields) > 1 and int(fields[1]) == pid:
            found.append(int(entry))
    return found


# --- dask.distributed ---------------------------------------------------------------------------


def remote_build(
    name: str,
    data: bytes,
    formats: tuple,
    lang: str,
    distinct: bool | str,
    epoch: str | None = None,
    as_of: str | None = None,
    task_timeout: float | None = None,
) -> dict:
    """A task on a dask worker: build from the document's bytes, return the files' bytes.

    The notebook is given the file's name only and runs in the file's folder, and the client's
    SOURCE_DATE_EPOCH travels with the task, so the brief holds nothing of this worker: it is
    byte for byte the brief a local build makes. ``task_timeout``: the client gives the brief up
    after that long (--task-timeout); a cell still running a little later (``worker_cell_timeout``)
    is stopped here, so that the worker is free again instead of busy until the cell ends.
    """
    with _EPOCH_LOCK:
        before = os.environ.get("SOURCE_DATE_EPOCH")
        _set_env("SOURCE_DATE_EPOCH", epoch)
        try:
            return _remote_build(name, data, formats, lang, distinct, as_of, worker_cell_timeout(task_timeout))
        finally:
            _set_env("SOURCE_DATE_EPOCH", before)


def worker_cell_timeout(task_timeout: float | None) -> float | None:
    """How long a worker lets one cell run: past the client's --task-timeout by half again and 5 s,
    so the client has always given the brief up (and said why) before the worker stops it.

    >>> worker_cell_timeout(900.0)
    1355.0
    """
    return None if task_timeout is None else task_timeout * 1.5 + 5


_EPOCH_LOCK = threading.Lock()  # a worker with several threads builds one brief at a time: the epoch is process-wide


def _set_env(name: str, value: str | None) -> None:
    if value is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = value


def _remote_build(
    name: str,
    data: bytes,
    formats: tuple,
    lang: str,
    distinct: bool | str,
    as_of: str | None = None,
    cell_timeout: float | None = None,
) -> dict:
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
            result = build(
                str(source),
                formats=briefs,
                lang=lang,
                out_dir=str(out),
                force=True,
                say=lambda _: None,
                distinct=distinct,
                as_of=as_of,
                cell_timeout=cell_timeout,
            )
            exported = {p.name for p in _export_into(result.folder, result.meeting, exports, lang, fresh_only=False)}
        except CddbriefError as exc:
            return {"name": name, "status": "failed", "why": exc.plain, "settings": exc.settings}
        except Exception as exc:
            return {"name": name, "status": "failed", "why": f"{type(exc).__name__}: {exc}"}
        files = {
            p.name: p.read_bytes()
            for p in result.folder.iterdir()
            if p.is_file() and (p.name.startswith("brief") or p.name in exported)
        }
        entry = {**result.entry, "file": name}
        return {
            "name": name,
            "status": "built",
            "folder": result.folder.name,
            "files": files,
            "entry": entry,
            "seconds": time.perf_counter() - started,
        }


def check_scheduler(address: str, tls: dict | None = None):
    """A dask scheduler's address as given to --scheduler, checked before any work: ``tcp://HOST:PORT``,
    or ``tls://HOST:PORT`` with certificates (--tls-ca-file, --tls-cert, --tls-key or dask's
    ``distributed.comm.tls`` config). Returns the ``distributed.Security`` to connect with (or None).

    >>> check_scheduler("tcp://10.0.0.5:8786") is None
    True
    >>> check_scheduler("ไม่ใช่ url")
    Traceback (most recent call last):
    cddbrief.errors.CddbriefError: the scheduler address 'ไม่ใช่ url' is not a dask scheduler's: give tcp://HOST:PORT
    (e.g. tcp://10.0.0.5:8786), or tls://HOST:PORT with the cluster's certificates
    (set scheduler, tls_ca_file, tls_cert, tls_key)
    """
    from urllib.parse import urlsplit

    tls = {k: v for k, v in (tls or {}).items() if v}
    remedy = "give tcp://HOST:PORT (e.g. tcp://10.0.0.5:8786), or tls://HOST:PORT with the cluster's certificates"
    settings = ("scheduler", "tls_ca_file", "tls_cert", "tls_key")
    if not address or not address.strip():
        raise CddbriefError(
            "the scheduler address is empty", remedy + "; leave it out to build on this machine", settings=settings
        )
    try:
        parts = urlsplit(address.strip())
        port = parts.port
    except ValueError:
        parts, port = None, None
    if (
        parts is None
        or parts.scheme not in ("tcp", "tls")
        or not parts.hostname
        or not port
        or parts.path not in ("", "/")
        or parts.query
    ):
        raise CddbriefError(f"the scheduler address {address!r} is not a dask scheduler's", remedy, settings=settings)
    if parts.scheme == "tcp":
        if tls:
            raise CddbriefError(
                f"certificates go with a tls:// scheduler, not {address}",
                "give tls://HOST:PORT, or leave out the certificates",
                settings=settings,
            )
        return None
    for key, path in tls.items():
        if not Path(path).is_file():
            raise CddbriefError(
                f"no such certificate file: {path}", "give the PEM file the cluster's certificates are in", settings=key
            )
    import dask

    configured = {
        k: dask.config.get(f"distributed.comm.tls.{n}", None)
        for k, n in (("tls_ca_file", "ca-file"), ("tls_cert", "client.cert"), ("tls_key", "client.key"))
    }
    chosen = {k: tls.get(k) or configured.get(k) for k in configured}
    if not chosen["tls_ca_file"] or not chosen["tls_cert"]:
        raise CddbriefError(
            f"{address} is a tls:// scheduler but no certificates are given",
            "give the CA, certificate and key files (or set distributed.comm.tls in dask's config)",
            settings=("tls_ca_file", "tls_cert", "tls_key"),
        )
    from distributed.security import Security

    return Security(
        tls_ca_file=chosen["tls_ca_file"],
        tls_client_cert=chosen["tls_cert"],
        tls_client_key=chosen["tls_key"],
        require_encryption=True,
    )


def probe_scheduler(address: str, security=None, timeout: float = 5.0) -> None:
    """Ask the address who it is, within ``timeout`` seconds: a dask scheduler answers ``identity``;
    anything else (a web server, a silent port, nothing) is one clear error, never a hang."""
    import asyncio

    from distributed.comm import connect

    async def ask():
        args = security.get_connection_args("client") if security else {}
        comm = await connect(address, timeout=timeout, **args)
        try:
            await comm.write({"op": "identity"})
            return await comm.read()
        finally:
            await comm.close()

    remedy = "check the address, or start one with `dask scheduler`"
    try:
        reply = asyncio.run(asyncio.wait_for(ask(), timeout + 1))
    except TimeoutError:
        raise CddbriefError(f"{address} did not answer as a dask scheduler within {timeout:.0f} s", remedy) from None
    except OSError as exc:
        why = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise CddbriefError(f"cannot reach the dask scheduler at {address} ({why})", remedy) from None
    except Exception as exc:  # a server that answers something else
        raise CddbriefError(f"{address} is not a dask scheduler ({type(exc).__name__})", remedy) from None
    if not isinstance(reply, dict) or reply.get("type") != "Scheduler":
        answered = reply.get("type") if isinstance(reply, dict) else "something else"
        raise CddbriefError(f"{address} is not a dask scheduler (it answered as {answered})", remedy)


def _on_cluster(
    address,
    documents,
    out_dir,
    formats,
    lang,
    force,
    progress,
    security=None,
    task_timeout: float = TASK_TIMEOUT,
    no_workers_grace: float = NO_WORKERS_GRACE,
    as_of: str | None = None,
) -> list[Outcome]:
    """One brief per task on a dask cluster; the client decides folders, takes each folder's lock,
    skips briefs that are up to date and writes each manifest, as a local build does."""
    import time

    from .render import check_place, clear_stale, locked, make_folder
    from .report import claim, fresh_files, plan

    try:
        from distributed import Client, wait
    except ImportError:  # pragma: no cover - dask is a dependency
        raise CddbriefError("dask.distributed is not installed", "install it with make setup") from None
    probe_scheduler(address, security)
    briefs, exports = _split(formats)
    outcomes, plans, work = [], {}, []
    for path, distinct in documents:
        try:
            p = plan(str(path), briefs, lang, out_dir, distinct=distinct, as_of=as_of)
            check_place(p.folder, out_dir, p.path.parent)
            make_folder(p.folder)
            with locked(p.folder, lambda _: None, p.meeting.id):
                clear_stale(p.folder)
                claim(p)
                have = fresh_files(p) if not force else set()
        except CddbriefError as exc:
            outcomes.append(_failed(path, exc))
            continue
        if set(p.targets) <= have:
            try:
                exported = _export_into(p.folder, p.meeting, exports, lang, fresh_only=True)
            except CddbriefError as exc:
                outcomes.append(_failed(path, exc))
                continue
            files = [p.targets[f] for f in briefs] + exported
            outcomes.append(Outcome(path, "up to date", folder=p.folder.name, entry=_entry(p), files=files))
            continue
        plans[path.name] = (path, p)
        work.append((path, distinct))
    if not work:
        return outcomes
    try:
        client = Client(address, timeout=10, security=security)
    except (OSError, TimeoutError) as exc:
        raise CddbriefError(
            f"cannot reach the dask scheduler at {address} ({exc})",
            "check the address, or start one with `dask scheduler`",
        ) from None
    try:
        epoch = os.environ.get("SOURCE_DATE_EPOCH") or None
        futures = {
            client.submit(
                remote_build,
                p.name,
                p.read_bytes(),
                formats,
                lang,
                distinct,
                epoch,
                as_of,
                task_timeout,
                key=f"cddbrief-{p.name}-{os.getpid()}",
                pure=False,
            ): p.name
            for p, distinct in work
        }
        pending, running_since, alone_since = set(futures), {}, None
        answered = time.monotonic()  # when the scheduler last answered: a stopped one is given up after --task-timeout
        ask = min(10.0, max(1.0, task_timeout / 4))  # seconds one question to the scheduler may take
        with _bar(len(futures), progress) as bar:
            while pending:
                try:
                    done, pending = wait(pending, timeout=2, return_when="FIRST_COMPLETED")
                except TimeoutError:
                    done = set()
                for future in done:
                    path, p = plans[futures[future]]
                    outcomes.append(_receive(future, path, p, formats))
                    bar.update(1)
                if not pending:
                    break
                now = time.monotonic()
                try:  # asked with a deadline: a scheduler that stops answering (SIGSTOP, a hung host) never blocks
                    info = client.sync(client.scheduler.identity, n_workers=-1, callback_timeout=ask)
                    running = client.sync(client.scheduler.processing, callback_timeout=ask)
                    processing = {key for keys in running.values() for key in keys}
                    answered = time.monotonic()
                except (TimeoutError, OSError) as exc:
                    if time.monotonic() - answered <= task_timeout:
                        continue
                    why = (
                        f"the dask scheduler at {address} stopped answering ({type(exc).__name__}); given up after "
                        f"{task_timeout:.0f} s (the task timeout): check the scheduler, or build on this machine"
                    )
                    for future in pending:
                        outcomes.append(Outcome(plans[futures[future]][0], "failed", why=why))
                        bar.update(1)
                    break
                if not info.get("workers"):
                    alone_since = alone_since or now
                    if now - alone_since > no_workers_grace:
                        why = (
                            f"the dask cluster at {address} has had no worker for {no_workers_grace:.0f} s; "
                            f"start workers with `dask worker {address}`, or build on this machine"
                        )
                        for future in pending:
                            outcomes.append(Outcome(plans[futures[future]][0], "failed", why=why))
                            future.cancel()
                        break
                else:
                    alone_since = None
                for future in list(pending):
                    if future.key in processing:
                        running_since.setdefault(future.key, now)
                    if now - running_since.get(future.key, now) > task_timeout:
                        future.cancel()
                        pending.discard(future)
                        outcomes.append(
                            Outcome(
                                plans[futures[future]][0],
                                "failed",
                                why=f"took longer than {task_timeout:.0f} s on the cluster (the task timeout)",
                            )
                        )
                        bar.update(1)
    finally:
        client.close(timeout=5)
    return outcomes


def _entry(p) -> dict:
    from .report import index_entry

    return index_entry(p.meeting, p.path)


def _receive(future, path: Path, p, formats) -> Outcome:
    """What a worker sent back, written into the brief's folder under its lock, with its manifest."""
    from .render import locked
    from .report import claim, commit

    try:
        done = future.result()
    except Exception as exc:  # a worker lost mid-task, more often than dask allows
        return Outcome(path, "failed", why=f"the dask task failed ({type(exc).__name__}: {exc})")
    if done["status"] == "failed":
        return Outcome(path, "failed", why=done["why"], settings=tuple(done.get("settings", ())))
    from .render import plain_name

    if not all(plain_name(name) and isinstance(data, bytes) for name, data in done["files"].items()):
        why = "the dask worker sent back a file name that is no plain name in the brief's folder; nothing was written"
        return Outcome(path, "failed", why=why)
    briefs, _ = _split(formats)
    try:
        with locked(p.folder, lambda _: None, p.meeting.id):
            claim(p)
            scratch = Path(tempfile.mkdtemp(prefix=f".build-{os.getpid()}-", dir=p.folder))
            try:
                staged = {}
                for name, data in done["files"].items():
                    (scratch / name).write_bytes(data)
                    staged[name] = scratch / name
                brief_names = {p.targets[f].name: f for f in p.targets}
                commit(p, {brief_names[n]: staged[n] for n in staged if n in brief_names})
                for name in staged:
                    if name not in brief_names:
                        os.replace(staged[name], p.folder / name)
            finally:
                import shutil

                shutil.rmtree(scratch, ignore_errors=True)
    except CddbriefError as exc:
        return _failed(path, exc)
    except OSError as exc:
        return Outcome(path, "failed", why=f"cannot write the brief in {p.folder}: {exc.strerror or exc}")
    files = [p.targets[f] for f in briefs] + sorted(
        p.folder / n
        for n in done["files"]
        if n not in {t.name for t in p.targets.values()} and not n.endswith(".ipynb")
    )
    return Outcome(
        path,
        "built",
        folder=p.folder.name,
        entry={**done["entry"], "file": str(path)},
        seconds=done["seconds"],
        files=files,
    )


# --- index.html: the site's pages live in site.py (issue 22); these names stay importable from here

from .site import index_name, refresh_index, style_text, write_index  # noqa: E402,F401
