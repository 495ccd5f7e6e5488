"""The ``cddbrief`` command: a thin skin over the library.

Imports are lazy: ``parse`` and ``extract`` never load pandas or Jupyter.
Bad input or usage gives one line on stderr and exit status 2; nothing is
printed as a traceback unless CDDBRIEF_DEBUG is set.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from . import __version__
from .errors import CddbriefError


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error in one line, exit 2."""

    def error(self, message: str):  # noqa: D401 - argparse's name
        raise CddbriefError(message, f"see '{self.prog} --help'")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="cddbrief", description="Briefs from TV พช. meeting summaries (กรมการพัฒนาชุมชน).")
    parser.add_argument("--version", action="version", version=f"cddbrief {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    p = sub.add_parser("parse", help="read a meeting summary into structure (summary, or --json)")
    p.add_argument("source", metavar="SOURCE", help="a .txt/.docx file, or a meeting id in --data (4/2562, 2562-04, ๔/๒๕๖๒)")
    p.add_argument("--json", action="store_true", help="print the structured meeting as JSON")
    _common(p)

    p = sub.add_parser("build", help="build the brief of a meeting: HTML (self-contained) and PDF")
    p.add_argument("source", metavar="SOURCE", help="a meeting id (4/2562, 2562-04, ๔/๒๕๖๒) or a .txt/.docx file")
    p.add_argument("--format", default="html", help="html, pdf or html,pdf (default html)")
    p.add_argument("--lang", default="th", choices=["th", "en"], help="th (Buddhist-era dates, default) or en")
    p.add_argument("--out", metavar="DIR", default="outputs", help="where briefs go (default outputs/)")
    p.add_argument("--force", action="store_true", help="rebuild even when nothing changed")
    _common(p)

    p = sub.add_parser("extract", help="read figures, dates and meeting numbers out of any Thai text")
    p.add_argument("text", metavar="TEXT", help="the text, or - to read standard input")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--year", metavar="BE", type=int, help="Buddhist-era year for dates written without one")
    return parser


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data", metavar="DIR", help="folder of meeting summaries (default: data/raw)")
    p.add_argument("--office", metavar="NAME", help="choose between documents of the same meeting from several offices")
    p.add_argument("--meeting", metavar="ID", help="meeting number when the document does not say it (4/2562)")


def main(argv: list[str] | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
        return _COMMANDS[args.command](args)
    except CddbriefError as exc:
        print(f"cddbrief: {exc}", file=sys.stderr)
        return exc.exit_status
    except KeyboardInterrupt:
        print("cddbrief: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug: say so in one line, keep the traceback for CDDBRIEF_DEBUG
        if os.environ.get("CDDBRIEF_DEBUG"):
            raise
        print(f"cddbrief: internal error ({type(exc).__name__}: {exc}); run with CDDBRIEF_DEBUG=1 for details and report it", file=sys.stderr)
        return 1


def _cmd_parse(args) -> int:
    from .corpus import resolve
    from .meeting import read_meeting

    path = resolve(args.source, args.data, args.office)
    meeting = read_meeting(path, meeting_id=args.meeting)
    if args.json:
        _print_json(meeting.to_dict())
    else:
        from .summary import summary_text

        print(summary_text(meeting))
    return 0


def _cmd_build(args) -> int:
    from .report import build

    formats = tuple(f.strip() for f in args.format.split(",") if f.strip())
    build(
        args.source,
        formats=formats,
        lang=args.lang,
        out_dir=args.out,
        force=args.force,
        data_dir=args.data,
        office=args.office,
        meeting_id=args.meeting,
        say=lambda line: print(line, file=sys.stderr),
    )
    return 0


def _cmd_extract(args) -> int:
    from .extract import extract_text

    text = sys.stdin.read() if args.text == "-" else args.text
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


_COMMANDS = {"parse": _cmd_parse, "build": _cmd_build, "extract": _cmd_extract}


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
