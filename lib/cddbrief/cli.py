"""The ``cddbrief`` command: a thin skin over the library.

Imports are lazy: ``parse`` and ``extract`` never load pandas or Jupyter.
Bad input or usage gives one line on stderr and exit status 2; nothing is
printed as a traceback unless CDDBRIEF_DEBUG is set.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys

from . import __version__
from .errors import BadSetting, CddbriefError, OutputNotWritable, Setting, Stopped, in_library_terms, shown

_ARGV: list[str] = []  # what the command was given, for usage errors that name a file


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error in one line, exit 2."""

    def error(self, message: str):  # noqa: D401 - argparse's name
        dashed = [
            a
            for a in _ARGV
            if a.startswith("-") and not a.startswith("--") and len(a) > 2 and ("." in a or os.path.exists(a))
        ]
        if dashed:  # `cddbrief build -สรุป.txt`: a file whose name starts with '-' was taken for an option
            name = shown(dashed[0])
            raise CddbriefError(
                f"'{name}' was taken for an option ({message})",
                f"to give a file whose name starts with '-', write it after -- "
                f"(cddbrief {self.prog.split()[-1]} -- {name}) or as ./{name}",
            )
        raise CddbriefError(message, f"see '{self.prog} --help'")


DETAIL_LINES = 10  # lines of an error's detail shown without --verbose

# a setting a library error asks to change (errors.Setting, by its neutral name) -> the option that
# sets it here and the placeholder of its value (no option: the SOURCE argument; no placeholder: a flag)
OPTIONS = {
    "source": (None, "SOURCE"),
    "data_dir": ("--data", "DIR"),
    "office": ("--office", "NAME"),
    "meeting": ("--meeting", "ID"),
    "lang": ("--lang", "th"),
    "as_of": ("--as-of", "YYYY-MM-DD"),
    "out_dir": ("--out", "DIR"),
    "formats": ("--format", "html,pdf"),
    "force": ("--force", None),
    "scheduler": ("--scheduler", "tcp://HOST:PORT"),
    "tls_ca_file": ("--tls-ca-file", "FILE"),
    "tls_cert": ("--tls-cert", "FILE"),
    "tls_key": ("--tls-key", "FILE"),
    "task_timeout": ("--task-timeout", "SECONDS"),
}


def in_option_terms(settings: tuple[Setting, ...]) -> str:
    """How this command line changes the settings an error names: its options.

    >>> in_option_terms((Setting("data_dir"),))
    '--data DIR'
    >>> in_option_terms((Setting("office", "แม่ทะ"), Setting("out_dir"), Setting("source", "a.txt")))
    '--office แม่ทะ, --out DIR, a.txt'
    """
    said = []
    for setting in settings:
        if setting.name not in OPTIONS:  # a setting with no option here: said as the library says it
            said.append(in_library_terms((setting,)))
            continue
        option, placeholder = OPTIONS[setting.name]
        value = setting.value if setting.value is not None else placeholder
        said.append(" ".join(word for word in (option, value) if word))
    return ", ".join(said)


def in_batch_terms(settings: tuple[Setting, ...]) -> str:
    """How ``build --all`` tells the settings of one write-up it could not build: its options when built alone.

    >>> in_batch_terms((Setting("meeting", "7/2567"),))
    'build it alone with --meeting 7/2567'
    """
    return f"build it alone with {in_option_terms(settings)}"


def _parser() -> argparse.ArgumentParser:
    from .exports import EXPORTS, kinds_help
    from .filekinds import FORMS, HELP

    written = f"a write-up file ({FORMS})"
    about = f"Briefs from TV พช. meeting write-ups (กรมการพัฒนาชุมชน), read from {HELP} files."
    parser = _Parser(prog="cddbrief", description=about,
                     epilog="e.g. cddbrief list; cddbrief build 4/2562; cddbrief export 4/2562 --to xlsx. "
                            "'cddbrief COMMAND --help' tells more.")  # fmt: skip
    parser.add_argument("--version", action="version", version=f"cddbrief {__version__}")
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="on an error, print all of its detail (e.g. every candidate)"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    def command(name: str, about: str) -> argparse.ArgumentParser:  # its help says what it does, above the options
        p = sub.add_parser(name, help=about, description=about[0].upper() + about[1:] + ".")
        p.add_argument(
            "-v",
            "--verbose",
            action="store_true",
            default=argparse.SUPPRESS,
            help="on an error, print all of its detail",
        )
        return p

    p = command("parse", "read a meeting summary into structure (summary, or --json)")
    p.add_argument("source", metavar="SOURCE", help=f"{written}, or a meeting id in --data (4/2562, 2562-04, ๔/๒๕๖๒)")
    p.add_argument("--json", action="store_true", help="print the structured meeting as JSON")
    _common(p)

    p = command("build", "build the brief of a meeting (or --all, or --trends): HTML and PDF")
    p.add_argument(
        "source", metavar="SOURCE", nargs="?", help=f"a meeting id in --data (4/2562, 2562-04, ๔/๒๕๖๒) or {written}"
    )
    p.add_argument("--all", action="store_true", help="every meeting in --data, in parallel; writes OUT/index.html")
    p.add_argument("--trends", action="store_true", help="the trends across all meetings in --data: OUT/trends.html")
    p.add_argument("--jobs", type=int, metavar="N", help="with --all: parallel builds (default: the number of cores)")
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="with --all: run on a dask.distributed cluster, e.g. tcp://10.0.0.5:8786 or tls://…",
    )
    p.add_argument(
        "--tls-ca-file", metavar="PEM", help="with a tls:// --scheduler: the cluster's certificate authority"
    )
    p.add_argument("--tls-cert", metavar="PEM", help="with a tls:// --scheduler: this client's certificate")
    p.add_argument("--tls-key", metavar="PEM", help="with a tls:// --scheduler: this client's private key")
    p.add_argument(
        "--task-timeout",
        metavar="SECONDS",
        type=float,
        help="with --scheduler: give up on one brief after this long (default 900)",
    )
    p.add_argument(
        "--format",
        default="html",
        help=f"html, pdf or html,pdf (default html); with --all also {', '.join(EXPORTS)} beside each brief "
        "(for one meeting: cddbrief export SOURCE --to xlsx)",
    )
    p.add_argument("--lang", default="th", choices=["th", "en"], help="th (Buddhist-era dates, default) or en")
    p.add_argument("--out", metavar="DIR", default="outputs", help="where briefs go (default outputs/)")
    p.add_argument("--force", action="store_true", help="rebuild even when nothing changed")
    p.add_argument(
        "--as-of", metavar="YYYY-MM-DD", help="the day briefs count deadlines from (default: the meeting's date)"
    )
    _common(p)

    p = command(
        "list", "the meetings in a folder, found by reading the documents; says which files were skipped, and why"
    )
    p.add_argument("--data", metavar="DIR", help=f"folder of meeting write-ups ({FORMS}; default: data/raw)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="read new documents on a dask.distributed cluster's workers (tcp://HOST:8786)",
    )

    p = command("export", "a meeting's data for Excel, calendars and programs")
    p.add_argument("source", metavar="SOURCE", help=f"a meeting id in --data (4/2562) or {written}")
    p.add_argument("--to", required=True, metavar="KIND", help=f"{kinds_help()}; several: xlsx,ics")
    p.add_argument(
        "--out",
        metavar="DIR",
        default="outputs",
        help="where files go: DIR/<meeting id>/, DIR/<meeting id>-<office>/ with --office (default outputs/)",
    )
    p.add_argument(
        "--lang",
        default="th",
        choices=["th", "en"],
        help="language of a workbook's titles (xlsx) and a calendar's events (ics): th (default) or en",
    )
    p.add_argument(
        "--as-of",
        metavar="YYYY-MM-DD",
        help="the day the calendar counts past windows from (default: the meeting's date)",
    )
    _common(p)

    p = command("actions", "the action register: every dated directive followed across an office's meetings")
    p.add_argument("--data", metavar="DIR", help="folder of meeting write-ups (default: data/raw)")
    p.add_argument("--as-of", metavar="YYYY-MM-DD", help="the day statuses are counted on (default: today)")
    p.add_argument("--office", metavar="NAME", help="only the offices whose name holds NAME (e.g. แม่ทะ)")
    p.add_argument(
        "--due-within",
        metavar="DAYS",
        type=int,
        default=None,
        help="an action this many days from its date is due (default 14)",
    )
    p.add_argument("--json", action="store_true", help="print JSON (every action and every link)")
    p.add_argument("--html", metavar="FILE", help="also write the register page there (e.g. outputs/actions.html)")
    p.add_argument("--xlsx", metavar="FILE", help="also write the register as a workbook (actions, links)")
    p.add_argument("--ics", metavar="FILE", help="also write a calendar of the open actions")

    p = command("extract", "read figures, dates and meeting numbers out of any Thai text")
    p.add_argument("text", metavar="TEXT", help="the text, or - to read standard input")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--year", metavar="BE", type=int, help="Buddhist-era year for dates written without one")
    return parser


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data", metavar="DIR", help="folder of meeting write-ups (default: data/raw)")
    p.add_argument("--office", metavar="NAME", help="choose between documents of the same meeting from several offices")
    p.add_argument("--meeting", metavar="ID", help="meeting number when the document does not say it (4/2562)")


def main(argv: list[str] | None = None) -> int:
    global _ARGV
    _ARGV = list(sys.argv[1:] if argv is None else argv)
    previous = _stop_on_sigterm()
    try:
        args = _parser().parse_args(argv)
        check_settings(args)
        return _COMMANDS[args.command](args)
    except CddbriefError as exc:
        print(f"cddbrief: {exc.said(in_option_terms)}", file=sys.stderr)
        options = _ARGV[: _ARGV.index("--")] if "--" in _ARGV else _ARGV
        for line in detail_lines(exc.detail, verbose="-v" in options or "--verbose" in options):
            print(f"  {line}", file=sys.stderr)
        return exc.exit_status
    except Stopped as exc:
        print("cddbrief: stopped (SIGTERM)", file=sys.stderr)
        return 128 + exc.signum
    except KeyboardInterrupt:
        print("cddbrief: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug: say so in one line, keep the traceback for CDDBRIEF_DEBUG
        if os.environ.get("CDDBRIEF_DEBUG"):
            raise
        print(
            f"cddbrief: internal error ({type(exc).__name__}: {exc}); "
            "run with CDDBRIEF_DEBUG=1 for details and report it",
            file=sys.stderr,
        )
        return 1
    finally:
        if previous is not None:  # main() called from a program: its own SIGTERM handling back
            signal.signal(signal.SIGTERM, previous)


def detail_lines(detail: list[str], verbose: bool = False) -> list[str]:
    """An error's detail, as printed under its line: at most DETAIL_LINES lines unless ``verbose``.

    >>> detail_lines([f"สำนักงานพัฒนาชุมชนอำเภอ {n}" for n in range(12)])[-1]
    '… and 3 more (cddbrief --verbose … shows them all)'
    """
    if verbose or len(detail) <= DETAIL_LINES:
        return list(detail)
    shown_now = DETAIL_LINES - 1
    return [*detail[:shown_now], f"… and {len(detail) - shown_now} more (cddbrief --verbose … shows them all)"]


def _stop_on_sigterm():
    """SIGTERM ends a command as Ctrl-C does (every cleanup runs), once: a second one is ignored.
    Returns the handler it replaced (None when signals are not ours to set)."""

    def stop(signum, frame):
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        raise Stopped(signum)

    try:
        return signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread (main() called from a library): leave signals alone
        return None


def check_settings(args) -> None:
    """Every setting a command uses, checked before any work: one line, exit 2.

    SOURCE_DATE_EPOCH, CDDBRIEF_NOTEBOOK, CDDBRIEF_CACHE, --out, --jobs, --scheduler (and --tls-*).
    """
    from pathlib import Path

    command = args.command
    if command in ("build", "export", "actions"):
        from .report import check_as_of, source_date_epoch

        source_date_epoch()
        args.as_of = check_as_of(args.as_of)
    if command != "extract":
        _check_cache()
    if command == "list" and args.scheduler is not None:
        from .batch import check_scheduler, probe_scheduler

        args.security = check_scheduler(args.scheduler)
        probe_scheduler(args.scheduler, args.security)
    if command == "build" and not args.trends:
        from .report import NOTEBOOK, check_notebook

        check_notebook(NOTEBOOK)
    if command in ("build", "export"):
        from .corpus import default_data_dir

        _check_out(Path(args.out), Path(args.data) if args.data else default_data_dir())
    if command == "build":
        _check_brief_formats(args)
        if (args.jobs is not None or args.scheduler is not None) and not args.all:
            raise BadSetting("--jobs and --scheduler go with --all", "e.g. cddbrief build --all --jobs 2")
        if args.as_of is not None and args.trends:
            raise BadSetting(
                "--as-of goes with briefs, not --trends",
                "leave it out, or build briefs: cddbrief build 4/2563 --as-of 2020-03-10",
            )
        if args.jobs is not None:
            most = max(64, 4 * (os.cpu_count() or 1))
            if args.jobs < 1:
                raise BadSetting(f"--jobs {args.jobs} is not a number of processes", "give 1 or more")
            if args.jobs > most:
                raise BadSetting(
                    f"--jobs {args.jobs} is more processes than this machine can run (each runs a Jupyter kernel)",
                    f"give at most {most}; the default is the number of cores",
                )
        if args.task_timeout is not None and not (args.task_timeout > 0):
            raise BadSetting(
                f"--task-timeout {args.task_timeout:g} is not a number of seconds",
                "give more than 0, e.g. --task-timeout 600",
            )
        tls = {"tls_ca_file": args.tls_ca_file, "tls_cert": args.tls_cert, "tls_key": args.tls_key}
        if args.scheduler is not None:
            from .batch import check_scheduler

            args.security = check_scheduler(args.scheduler, tls)
        elif any(tls.values()) or args.task_timeout is not None:
            raise BadSetting(
                "--tls-* and --task-timeout go with --scheduler",
                "e.g. cddbrief build --all --scheduler tls://HOST:8786 "
                "--tls-ca-file ca.pem --tls-cert me.pem --tls-key me.key",
            )


def _check_brief_formats(args) -> None:
    """``build 4/2562 --format xlsx``: an export kind asked of a brief is pointed to ``cddbrief export`` (with --all
    the exports are written beside each brief, and --trends has its own words in render.check_formats)."""
    from .exports import EXPORTS

    if args.all or args.trends:
        return
    kinds = [f.strip() for f in args.format.split(",") if f.strip() in EXPORTS]
    if kinds:
        source = shown(args.source) if args.source else "4/2562"
        raise BadSetting(
            f"--format {','.join(kinds)} is an export, not a brief",
            f"write it with cddbrief export {source} --to {','.join(kinds)} (build makes html or pdf)",
        )


def _check_cache() -> None:
    """CDDBRIEF_CACHE, when set: a folder that is, or can be made, writable."""
    from pathlib import Path

    raw = os.environ.get("CDDBRIEF_CACHE")
    if not raw:
        return
    folder = Path(raw)
    remedy = "set CDDBRIEF_CACHE to a writable folder, or unset it (default ~/.cache/cddbrief)"
    if folder.exists() and not folder.is_dir():
        raise BadSetting(f"CDDBRIEF_CACHE={raw} is a file, not a folder", remedy)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BadSetting(f"CDDBRIEF_CACHE={raw} cannot be made ({exc.strerror})", remedy) from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise BadSetting(f"CDDBRIEF_CACHE={raw} is not writable", remedy)
    os.environ["CDDBRIEF_CACHE"] = str(folder.resolve())  # kernels run in the source's folder: the same cache for them


def _check_out(out, data) -> None:
    """--out: a folder (or none yet), and not inside the data folder, whose documents it would mix with."""
    if out.exists() and not out.is_dir():
        raise OutputNotWritable(f"cannot create the output folder {out}: it is a file", "give a folder with --out DIR")
    try:
        inside = data.is_dir() and (out.resolve() == data.resolve() or data.resolve() in out.resolve().parents)
    except OSError:
        inside = False
    if inside:
        raise BadSetting(
            f"--out {out} is inside the data folder {data}, whose documents must stay as they are",
            "give a folder outside it, e.g. --out outputs",
        )


def _cmd_parse(args) -> int:
    from .corpus import resolve
    from .store import meeting_of

    path = resolve(args.source, args.data, args.office)
    meeting = meeting_of(path, meeting_id=args.meeting, need_number=False)  # only build and export need a number
    if args.json:
        _print_json(meeting.to_dict())
    else:
        from .summary import summary_text

        print(summary_text(meeting))
    return 0


def _cmd_build(args) -> int:
    formats = tuple(f.strip() for f in args.format.split(",") if f.strip())
    chosen = sum(bool(x) for x in (args.source, args.all, args.trends))
    if chosen != 1:
        raise CddbriefError(
            "give one of SOURCE, --all or --trends", "e.g. cddbrief build 4/2562, or cddbrief build --all"
        )
    say = lambda line: print(line, file=sys.stderr)  # noqa: E731 - progress goes to stderr
    if args.all:
        from .batch import EXPORT_KINDS, TASK_TIMEOUT, build_all
        from .corpus import default_data_dir
        from .render import check_formats

        check_formats(formats, args.format, also=EXPORT_KINDS)
        result = build_all(
            args.data or default_data_dir(),
            args.out,
            formats,
            args.lang,
            args.jobs,
            args.force,
            args.scheduler,
            progress=sys.stderr.isatty(),
            security=getattr(args, "security", None),
            task_timeout=args.task_timeout or TASK_TIMEOUT,
            as_of=args.as_of,
        )
        print(result.summary(in_batch_terms), file=sys.stderr)
        print(f"index: {result.index}", file=sys.stderr)  # every brief above, linked
        return 0 if result.ok else 1
    if args.trends:
        from .corpus import default_data_dir
        from .trends import build_trends

        build_trends(args.data or default_data_dir(), args.out, formats, args.lang, args.force, say=say)
        return 0
    from .report import build

    build(
        args.source,
        formats,
        args.lang,
        args.out,
        args.force,
        args.data,
        args.office,
        args.meeting,
        say=say,
        as_of=args.as_of,
    )
    return 0


def _cmd_list(args) -> int:
    from .corpus import catalogue, default_data_dir, same_office_twins

    folder = args.data or default_data_dir()
    if args.scheduler:
        from distributed import Client

        try:
            client = Client(args.scheduler, timeout=10, security=args.security)
        except (OSError, TimeoutError) as exc:
            problem = f"cannot reach the dask scheduler at {args.scheduler} ({exc})"
            raise CddbriefError(problem, "check the address, or leave out --scheduler") from None
        try:
            entries, failures = catalogue(folder, scheduler=client, progress=sys.stderr.isatty())
        finally:
            client.close(timeout=5)
    else:
        entries, failures = catalogue(folder, progress=sys.stderr.isatty())
    twins = same_office_twins(entries)
    skipped = skipped_files(folder)
    if args.json:
        meetings = [{**e.as_dict(), "file": shown(e.path), "copies": [shown(c) for c in e.copies],
                     "same_office_documents": [shown(o.path.name) for o in twins.get(e.path, [])]}
                    for e in entries]  # fmt: skip
        _print_json({"meetings": meetings, "unreadable": [{"file": shown(p), "why": shown(why)} for p, why in failures],
                     "skipped": [{"file": shown(p), "why": why} for p, why in skipped]})  # fmt: skip
        return 0
    for line in list_lines(entries):
        print(line)
    unnumbered = sum(1 for e in entries if not e.id)
    if unnumbered:
        print(f"{unnumbered} document(s) name no meeting number: build them with --meeting N/YYYY")
    for line in twin_lines(entries, twins):
        print(line)
    for line in copy_lines(entries):
        print(line)
    copies = sum(len(e.copies) for e in entries)
    kept = f" (and {copies} file(s) holding one of them again)" if copies else ""
    print(f"{len(entries)} meeting write-up(s) in {shown(folder)}{kept}"
          + (f"; {len(failures)} could not be read" if failures else "")
          + (f"; {len(skipped)} skipped, not write-ups" if skipped else "")
          + (":" if failures or skipped else ""))  # fmt: skip
    for path, why in failures:
        name, why = shown(path.name), shown(why)
        print(f"  {name}: {why.removeprefix(name + ' ')}")  # "e.txt: holds no Thai …", the name said once
    for path, why in skipped:
        print(f"  skipped {shown(path.name)}: {why}")
    if not entries and (failures or skipped):
        print("the folder was read, and none of its files is a meeting write-up: see each file's reason above")
    return 0


def skipped_files(folder) -> list[tuple]:
    """The files of a data folder that are no form cddbrief reads, each with why and what to do
    (``งบ.xlsx``: a spreadsheet); hidden files and Office's ``~$`` lock files are left out unsaid."""
    from pathlib import Path

    from .filekinds import FORMS, SOURCE_SUFFIXES
    from .sources import known_other_kind

    folder = Path(folder)
    try:
        names = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith((".", "~$")))
    except OSError:  # the catalogue said what was wrong with the folder
        return []
    skipped = []
    for path in names:
        if path.suffix.lower() in SOURCE_SUFFIXES:
            continue
        known = known_other_kind(path)
        skipped.append(
            (
                path,
                f"{known[0]}, not a meeting write-up: {known[1]}" if known else f"not a form cddbrief reads ({FORMS})",
            )
        )
    return skipped


def twin_lines(entries, twins) -> list[str]:
    """A note per meeting that one office wrote up more than once (different documents):
    ``2563-07: 2 documents from สำนักงานพัฒนาชุมชนอำเภอแม่ทะ (a.txt 1a2b3c, b.txt 4d5e6f): build --all gives
    each a folder …-<sha256>; name one by its path``."""
    seen, lines = set(), []
    for e in entries:
        if e.path not in twins or e.path in seen:
            continue
        group = [e, *twins[e.path]]
        seen.update(o.path for o in group)
        files = ", ".join(f"{shown(o.path.name)} {o.sha256[:6]}" for o in group)
        lines.append(f"{e.id}: {len(group)} different documents from {e.office or 'one office'} ({files}): "
                     f"build --all gives each its own folder ({e.id}-…-<sha256>); "
                     "to build one, give its path")  # fmt: skip
    return lines


def copy_lines(entries) -> list[str]:
    """A line per write-up kept in several files (``store.same_writeups``): read once, counted once.

    ``2562-04: sample.docx is also kept as sample.pdf, sample.html: one write-up, read from the .docx``."""
    lines = []
    for e in entries:
        if e.copies:
            others = ", ".join(shown(c) for c in e.copies)
            form = e.path.suffix.lstrip(".") or "file"
            lines.append(
                f"{e.id or e.meeting_date or '-'}: {shown(e.path.name)} is also kept as {others}: "
                f"one write-up, read once from its richest form ({form})"
            )
    return lines


# (heading, width, align) of each column of `cddbrief list`; the file name ends the line.
LIST_COLUMNS = [("meeting", 8, "<"), ("no./year", 9, "<"), ("date", 10, "<"), ("layout", 7, "<"),
                ("office", 34, "<"), ("items", 5, ">"), ("dir.", 4, ">"), ("fig.", 4, ">"), ("dates", 5, ">"),
                ("notes", 5, ">")]  # fmt: skip


def list_lines(entries) -> list[str]:
    """The table of `cddbrief list`: columns padded by display width, so Thai office names
    (``สำนักงานพัฒนาชุมชนอำเภอแม่ทะ``: 28 characters, 24 columns) keep the columns after them in line."""
    from functools import lru_cache

    from .summary import fit

    fit = lru_cache(maxsize=4096)(fit)  # offices, layouts and counts repeat over thousands of lines

    def line(values) -> str:
        cells = [fit(v, width, align) for v, (_, width, align) in zip(values, LIST_COLUMNS)]
        return " ".join(cells) + "  " + values[-1]

    lines = [line([h for h, _, _ in LIST_COLUMNS] + ["file"])]
    for e in entries:
        c = e.counts
        number = f"{e.number}/{e.year_be}" if e.id else "-"
        lines.append(line([e.id or "-", number, e.meeting_date or "-", e.layout or "-", e.office or "-",
                           c["items"], c["directives"], c["figures"], c["dated"], c["notes"],
                           shown(e.path.name)]))  # fmt: skip
    return lines


def _cmd_actions(args) -> int:
    from pathlib import Path

    from . import register
    from .corpus import default_data_dir

    if args.due_within is not None and not 0 <= args.due_within <= 366:
        raise BadSetting(
            f"--due-within {args.due_within} is not a number of days", "give 0 to 366, e.g. --due-within 14"
        )
    targets = {kind: Path(path) for kind, path in (("html", args.html), ("xlsx", args.xlsx), ("ics", args.ics)) if path}
    for kind, path in targets.items():
        if path.is_dir() or path.suffix.lower() != f".{kind}":
            raise BadSetting(
                f"--{kind} {shown(path)} is not a .{kind} file to write",
                f"give a file name, e.g. --{kind} outputs/actions.{kind}",
            )
    folder = args.data or default_data_dir()
    for path in targets.values():
        _check_out(path.parent, Path(folder))  # never written among the documents
    writeups, failures = register.writeups_in(folder)
    writeups = register.choose_office(writeups, args.office, shown(folder))
    due = register.DUE_WITHIN if args.due_within is None else args.due_within
    reg = register.build(writeups, args.as_of, due)
    written = []
    if "html" in targets:
        written.append(register.write_actions_page(targets["html"].parent, reg, target=targets["html"]))
    if "xlsx" in targets:
        from .exports import register_xlsx

        written.append(register_xlsx(reg, targets["xlsx"]))
    if "ics" in targets:
        from .exports import register_ics

        written.append(register_ics(reg, targets["ics"]))
    if args.json:
        _print_json(
            {**register.as_json(reg), "unreadable": [{"file": shown(p), "why": shown(why)} for p, why in failures]}
        )
    else:
        import shutil

        for line in register.terminal_lines(reg, shutil.get_terminal_size((120, 24)).columns):
            print(line)
        for path, why in failures:
            print(f"  could not be read: {shown(Path(path).name)}: {shown(why)}")
    for path in written:
        print(f"wrote {path}", file=sys.stderr)
    return 0


def _cmd_export(args) -> int:
    from pathlib import Path

    from .corpus import resolve
    from .exports import check_kinds, export
    from .render import make_folder
    from .report import claim_folder, folder_name, owner_of
    from .store import meeting_of

    kinds = check_kinds(k.strip() for k in args.to.split(",") if k.strip())
    path = resolve(args.source, args.data, args.office)
    meeting = meeting_of(path, meeting_id=args.meeting)
    # the folder a brief of this document is built in: another office's write-up of the meeting is never overwritten
    folder = Path(args.out) / folder_name(meeting, args.office is not None)
    frames = None
    if {"xlsx", "csv"} & set(kinds):
        from .tidy import frames as make_frames

        frames = make_frames(meeting).as_dict()  # once, for every kind that needs them
    try:
        make_folder(folder)
        claim_folder(folder, owner_of(meeting, path), meeting_given=bool(args.meeting))
        for kind in kinds:
            for written in export(meeting, kind, folder, frames, lang=args.lang, as_of=args.as_of):
                print(written)
    except OSError as exc:
        raise OutputNotWritable(
            f"cannot write to {folder}: {exc.strerror}", "give a writable folder with --out DIR"
        ) from None
    return 0


def _cmd_extract(args) -> int:
    from .extract import extract_text

    if args.text == "-":
        from .sources import decode_text, read_limited

        text, _ = decode_text(read_limited(sys.stdin.buffer, "standard input"), "standard input")
    else:
        text = args.text
    result = extract_text(text, year_be=args.year)
    if args.json:
        _print_json(result)
    else:
        for q in result["quantities"]:
            print(f"figure  {q['value']:>14,} {q['unit']:<10} {q['surface']}")
        for d in result["dates"]:
            print(f"date    {d['start'] or '?'} – {d['end'] or '?'}  {d['surface']}")
        for m in result["meetings"]:
            print(f"meeting {m['number']}/{m['year_be']}")
        for n in result["notes"]:
            print(f"note    {n['message']}")
    return 0


def _print_json(data) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    sys.stdout.write("\n")


_COMMANDS = {
    "parse": _cmd_parse,
    "build": _cmd_build,
    "list": _cmd_list,
    "export": _cmd_export,
    "extract": _cmd_extract,
    "actions": _cmd_actions,
}


def run() -> None:
    """The ``cddbrief`` program: ``main()``, then an exit that does not walk the heap once more.

    At exit Python collects cyclic garbage over everything a build imported (nbconvert, jupyter_client,
    WeasyPrint): ~0.12 s of the ~0.15 s a build spent after its last line, measured on the sample's
    brief. The heap is frozen instead (``gc.freeze``); atexit handlers, finalizers of objects that
    are not in cycles and the flushing of standard streams still run, and the system frees the rest.
    Not in ``main``, which tests and notebooks call in their own process.
    """
    status = main()
    import gc

    gc.disable()
    gc.freeze()
    sys.exit(status)


if __name__ == "__main__":  # pragma: no cover
    run()
