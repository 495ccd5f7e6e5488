"""Read the look-alike test set with the library and say how much of each expected reading it finds.

    PYTHONPATH=lib .venv/bin/python tools/eval_lookalikes.py            # the table per layout and per form
    PYTHONPATH=lib .venv/bin/python tools/eval_lookalikes.py --detail   # and every miss, document by document
    PYTHONPATH=lib .venv/bin/python tools/eval_lookalikes.py --gaps     # today's misses as KNOWN_GAPS lines
    PYTHONPATH=lib .venv/bin/python tools/eval_lookalikes.py --only h   # only the documents named h… (the
                                                                        # held-out set); --only m,n,o,p,t,x: the rest

Each document of ``tests/data/lookalike/`` (made by ``tools/make_lookalikes.py``) is read in every
file kind it has, through the public API (``read_source`` then ``parse_document`` with
``need_number=False``: a write-up without a number is still read). A refusal (any ``CddbriefError``)
counts as not parsed, except for a document that is not a meeting, where refusing is right.

Fields (one verdict each, per file):

- ``parsed``: read (or refused, for a document that is not about a meeting);
- ``meeting_id``, ``meeting_date``, ``office`` (spaces collapsed): equal to the expected value;
- ``chair``: starts with the person's title and name, and is the expected title, name and position or
  a shorter start of it (never the words after เป็นประธาน); ``place``: starts with the expected room
  and is the expected place or a start of it; none expected: none found;
- ``layout``: ``source.layout`` is one of the layouts the document may be read as;
- ``items``: as many items as topics, each expected topic inside its item's topic, in order (``*``:
  any topic);
- ``directives``: the number of directives;
- ``figures``, ``dates``: every expected (value, unit) and every expected day-date (start and end)
  found anywhere in ``Meeting.to_dict()`` (any dict with ``value`` and ``unit``; any ISO day), so
  figures outside directives count wherever the model puts them; recall is printed;
- ``not_figures``: no figure's value is the number of a room, floor, order, programme name… of the
  document (unless that value is also an expected figure);
- ``published``: ``meeting.published`` is the web page's own date for the .html, none for the other kinds
  (a model without the key reads as none).
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "lookalike"
KINDS = ("txt", "docx", "html", "pdf")
FIELDS = ("parsed", "meeting_id", "meeting_date", "office", "chair", "place", "layout", "items", "directives")
FIELDS += ("figures", "dates", "not_figures", "published")
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def norm(text: str | None) -> str:
    """Spaces collapsed, Thai digits as Arabic.

    >>> norm("นายประเสริฐ  ดวงแก้ว  ชั้น ๓")
    'นายประเสริฐ ดวงแก้ว ชั้น 3'
    """
    return " ".join((text or "").translate(THAI_DIGITS).split())


def expectations(only: tuple[str, ...] = ()) -> list[dict]:
    """Every expected reading of the set, by name; ``only``: just the names starting so.

    >>> {e["name"][0] for e in expectations(("h",))}
    {'h'}
    """
    paths = sorted(DATA.glob("*.expected.json"))
    return [json.loads(p.read_text(encoding="utf-8")) for p in paths if p.name.startswith(only or "")]


def files_of(expected: dict) -> list[Path]:
    paths = [DATA / f"{expected['name']}.{kind}" for kind in KINDS if kind in expected["forms"]]
    return [path for path in paths if path.exists()]


@cache
def reading(path: str) -> dict | str:
    """The meeting a file is read into, as ``to_dict()``; or the one-line reason it was refused."""
    from cddbrief.errors import CddbriefError
    from cddbrief.meeting import parse_document
    from cddbrief.sources import read_source

    try:
        return parse_document(read_source(path), need_number=False).to_dict()
    except CddbriefError as error:
        return f"{type(error).__name__}: {error}"


def walk(node):
    """Every dict and string inside a JSON value."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from walk(value)
    else:
        yield node


def figures_in(found: dict) -> set[tuple[float, str]]:
    dicts = (d for d in walk(found) if isinstance(d, dict) and "unit" in d)
    figures = (d for d in dicts if isinstance(d.get("value"), (int, float)) and not isinstance(d.get("value"), bool))
    return {(round(float(d["value"]), 4), d["unit"]) for d in figures}


def days_in(found: dict) -> set[str]:
    return {s for s in walk(found) if isinstance(s, str) and ISO_DAY.match(s)}


def numbers_of(text: str) -> set[float]:
    """The numbers written in a text (Thai digits too; both ends of ``1-3``).

    >>> sorted(numbers_of("อาคาร 1-3 ชั้น ๕"))
    [1.0, 3.0, 5.0]
    """
    return {float(n.replace(",", "")) for n in re.findall(r"\d[\d,]*(?:\.\d+)?", text.translate(THAI_DIGITS))}


def judge(expected: dict, found: dict | str, kind: str = "txt") -> dict[str, tuple[bool, str]]:
    """Each field's verdict (right or not, and what was found) for one file's reading (``kind``: its file kind)."""
    if expected["refused"]:
        return {"parsed": (isinstance(found, str), found if isinstance(found, str) else "read as a meeting")}
    if isinstance(found, str):
        return {name: (False, found) for name in FIELDS}
    meeting = found.get("meeting", {})
    want = expected["meeting"]
    verdicts: dict[str, tuple[bool, str]] = {"parsed": (True, "")}
    verdicts["meeting_id"] = (meeting.get("id") == want["id"], str(meeting.get("id")))
    verdicts["meeting_date"] = (meeting.get("meeting_date") == want["meeting_date"], str(meeting.get("meeting_date")))
    verdicts["office"] = (norm(meeting.get("office")) == norm(want["office"]), str(meeting.get("office")))
    chair = norm(meeting.get("chair"))
    if want["chair"] is None:
        verdicts["chair"] = (not chair, chair)
    else:
        right = chair.startswith(norm(want["chair_name"])) and norm(want["chair"]).startswith(chair)
        verdicts["chair"] = (right, chair)
    place = norm(meeting.get("place"))
    if want["place"] is None:
        verdicts["place"] = (not place, place)
    else:
        verdicts["place"] = (place.startswith(norm(want["place_min"])) and norm(want["place"]).startswith(place), place)
    layout = found.get("source", {}).get("layout")
    verdicts["layout"] = (layout in expected["accept_layouts"], str(layout))
    items = found.get("items", [])
    topics = [norm(item.get("topic")) for item in items]
    wanted = expected["topics"]
    matched = sum(1 for want_topic, topic in zip(wanted, topics) if want_topic == "*" or norm(want_topic) in topic)
    verdicts["items"] = (len(items) == len(wanted) and matched == len(wanted), " | ".join(topics))
    directives = sum(len(item.get("directives", [])) for item in items)
    verdicts["directives"] = (expected["directives"] is None or directives == expected["directives"], str(directives))
    have = figures_in(found)
    missing = [f["surface"] for f in expected["figures"] if (round(float(f["value"]), 4), f["unit"]) not in have]
    verdicts["figures"] = (not missing, "missing " + ", ".join(missing))
    days = days_in(found)
    missing_days = [d["surface"] for d in expected["dates"] if d["start"] not in days or d["end"] not in days]
    verdicts["dates"] = (not missing_days, "missing " + ", ".join(missing_days))
    wanted_values = {round(float(f["value"]), 4) for f in expected["figures"]}
    trap_values = {v for trap in expected["not_figures"] for v in numbers_of(trap)} - wanted_values
    false = sorted({f"{v:g} {u}" for v, u in have if v in trap_values})
    verdicts["not_figures"] = (not false, ", ".join(false))
    # the web page's own date, kept apart from the meeting's (a file without one has none)
    published = want["published"] if kind == "html" else None
    verdicts["published"] = (meeting.get("published") == published, str(meeting.get("published")))
    return verdicts


def recall(expected: dict, found: dict | str) -> dict[str, tuple[int, int]]:
    """(found, expected) counts of figures and dates, for the recall columns."""
    if expected["refused"]:
        return {}
    if isinstance(found, str):
        return {"figures": (0, len(expected["figures"])), "dates": (0, len(expected["dates"]))}
    have, days = figures_in(found), days_in(found)
    figs = sum(1 for f in expected["figures"] if (round(float(f["value"]), 4), f["unit"]) in have)
    dates = sum(1 for d in expected["dates"] if d["start"] in days and d["end"] in days)
    return {"figures": (figs, len(expected["figures"])), "dates": (dates, len(expected["dates"]))}


def evaluate(only: tuple[str, ...] = ()) -> list[dict]:
    """One row per file (of the documents whose names start with one of ``only``, or all): its
    document, kind, layout, verdicts and recall counts."""
    rows = []
    for expected in expectations(only):
        for path in files_of(expected):
            found = reading(str(path))
            row = {"file": path.name, "name": expected["name"], "kind": path.suffix[1:], "layout": expected["layout"]}
            rows.append({**row, "verdicts": judge(expected, found, row["kind"]), "recall": recall(expected, found)})
    return rows


COLUMNS = FIELDS[:9] + ("not_figures", "published")
HEADS = ("files", "parsed", "id", "date", "office", "chair", "place", "layout", "items", "direct.", "no-false", "publ.")
HEADS += ("figures", "dates")


def table(rows: list[dict], key: str) -> list[str]:
    """Counts per group (layout or kind): right/total per field, and figures and dates recall."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        groups[row[key]].append(row)
        groups["all"].append(row)
    lines = [f"{key:<12}" + "".join(f"{h:>10}" for h in HEADS)]
    for group in sorted(groups, key=lambda g: (g == "all", g)):
        members = groups[group]
        cells = [str(len(members))]
        for name in COLUMNS:
            judged = [r["verdicts"][name][0] for r in members if name in r["verdicts"]]
            cells.append(f"{sum(judged)}/{len(judged)}" if judged else "-")
        for name in ("figures", "dates"):
            got = sum(r["recall"][name][0] for r in members if name in r["recall"])
            of = sum(r["recall"][name][1] for r in members if name in r["recall"])
            cells.append(f"{got}/{of}" if of else "-")
        lines.append(f"{group:<12}" + "".join(f"{c:>10}" for c in cells))
    return lines


def only_prefixes(argv: list[str]) -> tuple[str, ...]:
    """The name prefixes after ``--only`` (comma-separated), or none.

    >>> only_prefixes(["--detail", "--only", "m,n,o"])
    ('m', 'n', 'o')
    >>> only_prefixes(["--gaps"])
    ()
    """
    if "--only" not in argv:
        return ()
    at = argv.index("--only") + 1
    if at >= len(argv) or argv[at].startswith("--"):
        raise SystemExit("--only needs name prefixes, e.g. --only h or --only m,n,o,p,t,x")
    return tuple(prefix for prefix in argv[at].split(",") if prefix)


def main(argv: list[str]) -> None:
    rows = evaluate(only_prefixes(argv))
    if "--gaps" in argv:  # the KNOWN_GAPS set of tests/test_lookalikes.py, for today's code
        print("KNOWN_GAPS = {")
        for row in rows:
            misses = [name for name, (ok, _) in row["verdicts"].items() if not ok]
            line = f"    *gaps({row['file']!r}"
            for name in misses:
                if len(line) + len(name) + 6 > 118:
                    print(line + ",")
                    line = "         "[:8] + f"{name!r}"
                else:
                    line += f", {name!r}"
            if misses:
                print(line + "),")
        print("}")
        return
    print("\n".join(table(rows, "layout")))
    print()
    print("\n".join(table(rows, "kind")))
    if "--detail" in argv:
        for row in rows:
            misses = {name: seen for name, (ok, seen) in row["verdicts"].items() if not ok}
            if misses:
                print(f"\n{row['file']}")
                for name, seen in misses.items():
                    print(f"  {name:<13} {seen[:160]}")


if __name__ == "__main__":
    main(sys.argv[1:])
