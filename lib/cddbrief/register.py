"""The action register: every directive with a deadline or a recurrence, followed across meetings.

Plain data in, plain data out. ``collect`` reads the actions out of write-ups given as
``(key, office, Meeting)`` (the key names the write-up: its brief's folder, its sha256 …): who acts
(``tidy.actors``), what (``actions.actions``: the clause the date belongs to), by when, from which
meeting and office, and the evidence (the directive's text, the date as written and its span). An
action whose date cannot be placed (``ภายในวันที่ 25 ของเดือนถัดไป``) is kept with ``kind="no date"``.

``follow`` links each action to the one it follows in an earlier meeting **of the same office**
(the department's own meetings are one more office): *repeated* (asked again, the same window),
*moved* (a new date: both dates kept), *superseded* (``ยกเลิก … แทน``), *next round* (ครั้งที่ 2, the
next monthly report: a new action, not a moved one) and *done* (a later write-up reports it:
``ดำเนินการแล้ว``, ``ครบแล้ว`` …). Two texts are the same action when their topic is the same and
``similarity`` (rapidfuzz's partial ratio of the texts without spaces) reaches ``LINK_SCORE``: on 66
labelled pairs (``tests/data/series/pairs.csv``) it kept every other action apart (precision 1.00,
recall 0.91 at 0.88; 1.00 and 0.88 with the threshold chosen leaving each pair out), where character
n-gram TF-IDF cosine linked 2-4 wrong pairs (precision 0.88-0.94: ``benchmarks/bench_register_links.py``).
The trends page's deadlines moved between meetings are these *moved* links (``trends.moved_deadlines``):
one matcher, so the actions page and the trends page tell one story.

``Register.rows`` gives each action's status as of a day: *upcoming*, *due* (within
``DUE_WITHIN`` days), *overdue* (up to ``OVERDUE_FOR`` days past, no report), *lapsed* (a window
that closed longer ago with no report: said so, not "overdue by three years"), *closed* (reported
done, moved, asked again or superseded in a meeting held by then) or *no date*. ``frame`` is the
same as a pandas frame.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np
from rapidfuzz import fuzz, process

from .files import write_atomic
from .model import DateSpan, Meeting, TextSpan
from .thaidates import format_span_th, next_day_of_month

DUE_WITHIN = 14  # days: an action this close to its date is "due"
OVERDUE_FOR = 90  # days after its last day an action with no report is "overdue"; later it is "lapsed"
LINK_SCORE = 0.88  # similarity at which two texts of one topic and office are the same action
MIN_PART = 12  # characters: a shorter text is compared whole, never as a part of a longer one
SMALL = 32  # pairs: fewer are scored one by one, more in one rapidfuzz call
REPORT_REACH = 160  # characters of a report compared with earlier actions, before the words saying it was done

STATUSES = ("overdue", "due", "upcoming", "no date", "lapsed", "closed")  # the order a reader wants them
LINK_KINDS = ("repeated", "moved", "superseded", "next round", "done")
# Dated mentions that are no action of their own, and why (in Thai, as the page and the terminal say it).
SKIPPED = {"past": "ช่วงเวลาสิ้นสุดก่อนการประชุม", "moved": "วันเดิมที่เลื่อนไปในการประชุมเดียวกัน (อยู่กับวันใหม่)",
           "monthly": "วันที่รวมอยู่ในรายการรายเดือน", "report": "วันที่ของการรายงานผล"}  # fmt: skip

# A later write-up saying an action was done: not "ให้…แล้วเสร็จ" (a directive), not "ยังไม่…" (not done).
_DONE = re.compile(r"ดำเนินการ(?:เสร็จ)?(?:เรียบร้อย)?แล้ว|เรียบร้อยแล้ว|แล้วเสร็จ|เสร็จสิ้นแล้ว|เสร็จแล้ว|รายงานผลแล้ว"
                   r"|ครบ(?:ถ้วน)?แล้ว|ส่งแล้ว")  # fmt: skip
_NOT_DONE_BEFORE = re.compile(r"(?:ให้|ไม่|ไม่ได้|ยัง)$")
_NOT_DONE_AFTER = re.compile(r"^\s*(?:ภายใน|ก่อน|ตาม(?:กำหนด|ระยะเวลา))")
_SUPERSEDE = re.compile(r"ยกเลิก|(?<!ผู้)แทน(?!ที่)|เปลี่ยนเป็น|เปลี่ยนแปลงเป็น")
_MOVE_WORD = re.compile(r"เลื่อน|ขยาย(?:ระยะ)?เวลา|เปลี่ยนแปลงกำหนด|เดิมกำหนด")
_MONTHLY_WORD = re.compile(r"ทุกเดือน|ประจำเดือน|รายเดือน|ของทุกเดือน|ทุกวันที่\s*\d+")
_ROUND = re.compile(r"(?:ครั้งที่|รอบที่|งวดที่|ระยะที่)\s*(\d+)")
# A deadline written with a day that cannot be placed: ``ภายในวันที่ 25 ของเดือนถัดไป``.
_UNPLACED = re.compile(r"(?:ภายใน|ก่อน)\s*(?:วันที่|วัน|เดือน|กำหนด)\s*\S+(?:\s*(?:ของ)?เดือน\S*)?")


@dataclass(frozen=True)
class Said:
    """Where a directive or a report was said: its key, the write-up, office and meeting (id and date),
    and the item, directive and topic it stands in."""

    key: str
    writeup: str
    office: str
    meeting: str | None
    meeting_date: date | None
    item: int
    directive: int
    topic: str


@dataclass(frozen=True)
class Action(Said):
    """One thing a meeting asked for by a day (or every month), with its evidence.

    ``kind`` is ``deadline`` (``start``/``end``: the window, ``precision`` day, month or year),
    ``monthly`` (``day`` of every month, from ``first`` if the text gives it) or ``no date``.
    ``surface`` and ``span`` are the date as written and where it stands in ``text``, the
    directive in full, or in ``due``, its table's deadline cell, for a date read there;
    ``moved_from`` is the old date of a reschedule within the meeting.
    """

    who: tuple[str, ...]
    what: str
    kind: str
    text: str
    surface: str = ""
    span: TextSpan | None = None
    start: date | None = None
    end: date | None = None
    precision: str | None = None
    year_inferred: bool = False
    day: int | None = None
    first: date | None = None
    moved_from: DateSpan | None = None
    round: int | None = None
    due: str | None = None  # the deadline cell ``span`` stands in, for a date of a table's deadline column


@dataclass(frozen=True)
class Report(Said):
    """A later write-up's sentence that says something was done (``marker``: the words that say it)."""

    text: str
    marker: str
    sentence: str = ""  # the words that end at the marker: what is compared with earlier actions


@dataclass(frozen=True)
class Link:
    """``later`` follows ``earlier`` (keys of actions; for ``done``, ``later`` is a report's key),
    with the similarity of their texts and both texts."""

    kind: str
    earlier: str
    later: str
    score: float
    earlier_text: str
    later_text: str
    meeting: str | None  # where the later one was said
    meeting_date: date | None
    writeup: str


@dataclass(frozen=True)
class Status:
    """Where an action stands on a day: ``status`` (one of STATUSES), a Thai sentence, and days
    (to its date when positive, past it when negative; None without a date)."""

    status: str
    text: str
    days: int | None = None
    closed_by: str | None = None  # the link kind that closed it
    link: Link | None = None


# --- reading actions out of meetings ---------------------------------------------------------------


def done_marker(text: str) -> str | None:
    """The words by which a sentence reports a thing done, or None (a directive, or not done).

    >>> done_marker("อำเภอรายงานผลการตรวจสุขภาพกองทุนหมู่บ้านครบแล้วทุกกองทุน")
    'ครบแล้ว'
    >>> done_marker("ให้ทุกอำเภอบันทึกข้อมูลในระบบให้แล้วเสร็จ ภายในวันที่ 30 เม.ย. 66"), done_marker("ยังไม่แล้วเสร็จ")
    (None, None)
    """
    match = _done_match(text)
    return match.group(0) if match else None


def _done_match(text: str):
    for match in _DONE.finditer(text):
        if not (_NOT_DONE_BEFORE.search(text[: match.start()].rstrip()) or _NOT_DONE_AFTER.match(text[match.end() :])):
            return match
    return None


def done_sentence(text: str, reach: int = REPORT_REACH) -> str:
    """The words of a report up to the words that say it was done (at most ``reach`` characters
    before them, from a word's start), and the few after (``ทุกกองทุน``).

    >>> done_sentence("1) เรื่องอื่น ๆ ของการประชุม 2) อำเภอส่งแผนครบแล้วทุกอำเภอ และให้ติดตามต่อไป", reach=20)
    '2) อำเภอส่งแผนครบแล้วทุกอำเภอ'
    """
    match = _done_match(text)
    if match is None:
        return text[: 2 * reach]
    start = max(0, match.start() - reach)
    if start:
        space = text.find(" ", start, match.start())
        start = space + 1 if space >= 0 else start
    end = text.find(" ", match.end())
    return text[start : end if end >= 0 else len(text)].strip()


def collect(writeups: Iterable[tuple[str, str, Meeting]]) -> tuple[list[Action], list[Report], dict[str, int]]:
    """The actions and done-reports of write-ups given as ``(key, office, meeting)``, and how many
    dated mentions are no action of their own, by why (``SKIPPED``: a window closed before its own
    meeting, the old date of a move, a day a monthly action holds, the date of a report).
    ``actions_of`` reads one write-up (what a store can keep, ``records``).
    """
    found: list[Action] = []
    reports: list[Report] = []
    skipped = dict.fromkeys(SKIPPED, 0)
    for key, office, meeting in writeups:
        one = actions_of(key, office, meeting)
        found += one[0]
        reports += one[1]
        for why, n in one[2].items():
            skipped[why] += n
    return found, reports, skipped


def actions_of(key: str, office: str, meeting: Meeting) -> tuple[list[Action], list[Report], dict[str, int]]:
    """One write-up's actions, done-reports and dated mentions that are no action (``collect``).

    A date moved within the meeting is one action with ``moved_from``; a day a monthly recurrence
    of the same directive holds is that recurrence; a clause that reports a thing done is a report.
    """
    from .actions import actions, clause_before, is_past, reference_day
    from .tidy import actors

    found: list[Action] = []
    reports: list[Report] = []
    skipped = dict.fromkeys(SKIPPED, 0)
    ref = reference_day(meeting)
    base = dict(writeup=key, office=office, meeting=meeting.id, meeting_date=meeting.meeting_date)
    for item, d in meeting.directives():
        at = dict(base, item=item.no, directive=d.no, topic=item.topic)
        marker = done_marker(d.text)
        if marker:
            sentence = done_sentence(d.text)
            reports.append(
                Report(_key(key, item.no, d.no, "done"), text=d.text, marker=marker, sentence=sentence, **at)
            )
        unplaced, unplaced_in = None, None  # a deadline written that the reader could not place, and its cell
        if not (d.dates or d.recurrences or marker):
            unplaced = _UNPLACED.search(d.text)
            if unplaced is None and d.due:
                unplaced, unplaced_in = _UNPLACED.search(d.due), d.due
        if not (d.dates or d.recurrences or unplaced):
            continue  # no date, no recurrence, no deadline written: not an action
        who = tuple(actors(d.text, d.responsible))
        what = actions(d) if d.dates else {}
        old_of = {id(r.new): r.old for r in d.reschedules}
        placed = 0
        for s in sorted(d.dates, key=lambda s: (s.cell is not None, s.span)):  # the text's dates, then its cell's
            placed += 1
            if s.role == "original":
                skipped["moved"] += 1
                continue
            clause = what.get(id(s), "") or d.text
            if marker and done_marker(clause):
                skipped["report"] += 1  # ``ส่งแล้วเมื่อวันที่ 5 เม.ย.``: the date of a report, not a deadline
                continue
            if s.start is not None and is_past(s.end, ref):
                skipped["past"] += 1
                continue
            if s.start is not None and any(_holds(r, s) for r in d.recurrences):
                skipped["monthly"] += 1  # the monthly action holds this day
                continue
            found.append(Action(_key(key, item.no, d.no, f"{s.cell or ''}{s.span.start}"), **at, who=who, what=clause,
                                kind="deadline" if s.start else "no date", text=d.text, surface=s.surface, span=s.span,
                                start=s.start, end=s.end, precision=s.precision, year_inferred=s.year_inferred,
                                moved_from=old_of.get(id(s)), round=_round(clause),
                                due=d.due if s.cell else None))  # fmt: skip
        for r in d.recurrences:
            placed += 1
            written = (d.due or "") if r.cell == "due" else d.text
            at_text = written.find(r.surface)
            clause = (clause_before(d.text, at_text) if at_text > 0 and not r.cell else "") or d.text
            span = TextSpan(at_text, at_text + len(r.surface)) if at_text >= 0 else None
            found.append(
                Action(
                    _key(key, item.no, d.no, f"every{r.day}"),
                    **at,
                    who=who,
                    what=clause,
                    kind="monthly",
                    text=d.text,
                    surface=r.surface,
                    span=span,
                    day=r.day,
                    first=r.first,
                    due=d.due if r.cell else None,
                )
            )
        if not placed and unplaced:  # a deadline the reader could not place: kept, with no date
            clause = (clause_before(d.text, unplaced.start()) if unplaced_in is None else "") or d.text
            found.append(Action(_key(key, item.no, d.no, "nodate"), **at, who=who, what=clause, kind="no date",
                                text=d.text, surface=unplaced.group(0), span=TextSpan(*unplaced.span()),
                                due=unplaced_in))  # fmt: skip
    return found, reports, skipped


def records(found: list[Action], reports: list[Report], skipped: dict[str, int]) -> dict:
    """``actions_of``'s answer as plain JSON data (dates ISO), for a store to keep beside a write-up;
    ``from_records`` gives it back.

    >>> import json
    >>> from cddbrief.model import Directive, Item, Source
    >>> from cddbrief.thaidates import find_dates
    >>> text = "ให้อำเภอส่งแผน ภายในวันที่ 28 เม.ย. 66"
    >>> m = Meeting(3, 2566, "", "สพอ.ก", None, None, None, Source("a", "0", "txt", None),
    ...             [Item(1, "วิสาหกิจชุมชน", [Directive(1, text, dates=find_dates(text, 2566)[0])])])
    >>> one = actions_of("a", "สพอ.ก", m)
    >>> from_records(json.loads(json.dumps(records(*one)))) == one
    True
    """

    def plain(value):
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, DateSpan):
            kept = ("start", "end", "precision", "surface", "year_inferred", "repaired", "role")
            return {**{k: plain(getattr(value, k)) for k in kept}, "span": list(value.span)}
        if isinstance(value, tuple):
            return list(value)
        return value

    return {"actions": [{f: plain(getattr(a, f)) for f in a.__dataclass_fields__} for a in found],
            "reports": [{f: plain(getattr(r, f)) for f in r.__dataclass_fields__} for r in reports],
            "skipped": dict(skipped)}  # fmt: skip


def from_records(stored: dict) -> tuple[list[Action], list[Report], dict[str, int]]:
    """What ``records`` kept, as ``actions_of`` gave it."""

    def day(text):
        return date.fromisoformat(text) if text else None

    def action(r: dict) -> Action:
        moved = r["moved_from"]
        if moved:
            moved = DateSpan(day(moved["start"]), day(moved["end"]), moved["precision"], moved["surface"],
                             TextSpan(*moved["span"]), moved["year_inferred"], moved["repaired"],
                             moved["role"])  # fmt: skip
        return Action(**{**r, "meeting_date": day(r["meeting_date"]), "who": tuple(r["who"]),
                         "span": TextSpan(*r["span"]) if r["span"] else None, "start": day(r["start"]),
                         "end": day(r["end"]), "first": day(r["first"]), "moved_from": moved})  # fmt: skip

    reports = [Report(**{**r, "meeting_date": day(r["meeting_date"])}) for r in stored["reports"]]
    return [action(r) for r in stored["actions"]], reports, dict(stored["skipped"])


def _key(writeup: str, item: int, directive: int, where: str) -> str:
    return f"{writeup}#{item}.{directive}@{where}"


def _holds(recurrence, span: DateSpan) -> bool:
    one_day = span.precision == "day" and span.start == span.end
    return one_day and span.start.day == recurrence.day and (recurrence.first is None or span.start >= recurrence.first)


def _round(text: str) -> int | None:
    from .thaitext import to_arabic_digits

    match = _ROUND.search(to_arabic_digits(text))
    return int(match.group(1)) if match else None


# --- following actions across meetings -------------------------------------------------------------


def similarity(a: str, b: str) -> float:
    """How alike two actions' texts are, 0 to 1: rapidfuzz's partial ratio of the texts without
    spaces (the shorter found in the longer: a report ``…ครบแล้วทุกกองทุน`` holds the action it
    reports), or the whole ratio when the shorter is under MIN_PART characters.

    >>> similarity("ให้อำเภอรายงานผลการตรวจสุขภาพกองทุนหมู่บ้าน", "อำเภอรายงานผลการตรวจสุขภาพกองทุนหมู่บ้านครบแล้ว") >= LINK_SCORE
    True
    >>> similarity("ให้อำเภอส่งแผนพัฒนาวิสาหกิจชุมชนต้นแบบ", "ให้อำเภอรายงานผลการจดทะเบียนวิสาหกิจชุมชนรายใหม่") < LINK_SCORE
    True
    """
    x, y = "".join(str(a).split()), "".join(str(b).split())
    if not x or not y:
        return 0.0
    if min(len(x), len(y)) < MIN_PART:
        return fuzz.ratio(x, y) / 100
    return fuzz.partial_ratio(x, y) / 100


def relation(earlier: Action, later: Action) -> str:
    """How a later action of the same office follows an earlier one it resembles.

    A later round (``ครั้งที่ 2``), a monthly task, or the same day of a later month with no word of
    a move (next month's report) is the *next round*, never a moved deadline; the same window (or
    one stated more precisely) is *repeated*; words that cancel or replace make it *superseded*.
    """
    from .thaitext import to_arabic_digits

    if _SUPERSEDE.search(later.text) and not _SUPERSEDE.search(earlier.text):
        return "superseded"
    if earlier.round is not None and later.round is not None and earlier.round != later.round:
        return "next round"
    if "monthly" in (earlier.kind, later.kind):
        return "repeated" if earlier.kind == later.kind == "monthly" and earlier.day == later.day else "next round"
    if "no date" in (earlier.kind, later.kind):
        return "repeated"
    a, b = earlier, later
    if a.start == b.start and a.end == b.end:
        return "repeated"
    if a.start <= b.end and b.start <= a.end and a.precision != b.precision:
        return "repeated"  # ``เม.ย. 66`` then ``25 เม.ย. 66``: the window said again, more precisely
    moved = bool(_MOVE_WORD.search(later.text))
    if not moved and any(_MONTHLY_WORD.search(to_arabic_digits(x.text)) for x in (earlier, later)):
        return "next round"
    later_month = (b.start.year, b.start.month) > (a.start.year, a.start.month)
    if a.precision == b.precision == "day" and a.start.day == b.start.day and later_month and not moved:
        return "next round"
    return "moved"


def similarities(texts: list[str], others: list[str]):
    """``similarity`` of every text with every other, as a matrix (rows: texts), computed by
    rapidfuzz in one call (``process.cdist``) rather than pair by pair."""
    a, b = ["".join(str(t).split()) for t in texts], ["".join(str(t).split()) for t in others]
    if not a or not b:
        return np.zeros((len(a), len(b)))
    if len(a) * len(b) <= SMALL:  # a call per pair costs less than a matrix's set-up
        return np.array([[similarity(x, y) for y in b] for x in a])
    scores = process.cdist(a, b, scorer=fuzz.partial_ratio, dtype=np.float64) / 100
    short = np.minimum.outer(np.array([len(x) for x in a]), np.array([len(y) for y in b])) < MIN_PART
    if short.any():
        scores = np.where(short, process.cdist(a, b, scorer=fuzz.ratio, dtype=np.float64) / 100, scores)
    empty = np.logical_or.outer(np.array([not x for x in a]), np.array([not y for y in b]))
    return np.where(empty, 0.0, scores)


def _order(meeting: str | None, day: date | None) -> tuple:
    return (meeting or "~", day or date.max)


def follow(actions: list[Action], reports: list[Report]) -> list[Link]:
    """The links between actions (and reports) of one office's meetings, in meeting order.

    Each earlier action is followed at most once per later meeting, by its most similar match; an
    action followed (repeated, moved, superseded, reported done) is no longer open to be followed,
    except by its next round, which leaves it standing. Only texts of one topic (``glossary.canonical_topic``:
    an alias is the same topic) are compared.
    """
    from collections import defaultdict

    from .glossary import canonical_topic

    topics: dict[str, str] = {}

    def topic_of(written: str) -> str:
        if written not in topics:
            topics[written] = canonical_topic(written)
        return topics[written]

    offices: dict[str, dict] = defaultdict(lambda: defaultdict(lambda: ([], [])))
    for a in actions:
        offices[a.office][(_order(a.meeting, a.meeting_date), a.meeting or "")][0].append(a)
    for r in reports:
        offices[r.office][(_order(r.meeting, r.meeting_date), r.meeting or "")][1].append(r)
    links: list[Link] = []
    for office in sorted(offices):
        open_: list[Action] = []
        for (_, meeting), (new, told) in sorted(offices[office].items(), key=lambda kv: kv[0]):
            earlier: dict[str, list[Action]] = defaultdict(list)
            for a in open_:
                if (a.meeting or "") != meeting:
                    earlier[topic_of(a.topic)].append(a)
            later: dict[str, list] = defaultdict(list)
            for x in [*new, *told]:
                later[topic_of(x.topic)].append(x)
            pairs = []
            for name in later.keys() & earlier.keys():  # one topic's texts with each other: small matrices
                these, those = later[name], earlier[name]
                texts = [x.what if isinstance(x, Action) else x.sentence for x in these]
                scores = similarities(texts, [o.what for o in those])
                for i, j in zip(*(scores >= LINK_SCORE).nonzero()):
                    pairs.append((float(scores[i, j]), isinstance(these[i], Report), these[i], those[j]))
            used_new, used_old, closed = set(), set(), set()
            for score, is_report, x, old in sorted(pairs, key=lambda p: (-p[0], p[1], p[2].key, p[3].key)):
                if x.key in used_new or old.key in used_old:
                    continue
                kind = "done" if is_report else relation(old, x)
                used_new.add(x.key)
                used_old.add(old.key)
                links.append(Link(kind, old.key, x.key, round(score, 3), old.what, x.sentence if is_report else x.what,
                                  x.meeting, x.meeting_date, x.writeup))  # fmt: skip
                if kind != "next round":
                    closed.add(old.key)
            open_ = [a for a in open_ if a.key not in closed] + new
    return links


# --- status as of a day ----------------------------------------------------------------------------


def status_of(
    action: Action, as_of: date, closing: Link | None = None, due_within: int = DUE_WITHIN, moved_to: str = ""
) -> Status:
    """Where an action stands on ``as_of``; ``closing``: the link that closed it by then, if any
    (``moved_to``: the new date of a move, as it reads).

    >>> a = Action("k", "w", "สพอ.", "2566-03", date(2023, 3, 15), 1, 1, "จปฐ.", ("อำเภอ",), "ให้อำเภอบันทึกข้อมูล",
    ...            "deadline", "ให้อำเภอบันทึกข้อมูล ภายในวันที่ 30 เม.ย. 66", start=date(2023, 4, 30),
    ...            end=date(2023, 4, 30), precision="day")
    >>> [status_of(a, date(*d)).text for d in ((2023, 4, 1), (2023, 4, 20), (2023, 5, 9), (2026, 1, 1))]
    ['อีก 29 วัน', 'ครบกำหนดในอีก 10 วัน', 'เลยกำหนด 9 วัน ไม่พบรายงานผล', 'ช่วงเวลาปิดไปแล้ว 2 ปี 8 เดือน ไม่พบรายงานผล']
    """

    if closing is not None:
        where = _label(closing.meeting)
        if closing.kind == "done":
            return Status("closed", f"รายงานว่าดำเนินการแล้ว (การประชุม {where})", None, "done", closing)
        if closing.kind == "moved":
            text = f"เลื่อนเป็น {moved_to} (การประชุม {where})" if moved_to else f"เลื่อน (การประชุม {where})"
            return Status("closed", text, None, "moved", closing)
        if closing.kind == "repeated":
            return Status("closed", f"สั่งซ้ำในการประชุม {where}", None, "repeated", closing)
        return Status("closed", f"มีข้อสั่งการใหม่แทน (การประชุม {where})", None, "superseded", closing)
    if action.kind == "no date":
        return Status("no date", f"ไม่มีวันที่ที่ระบุได้: «{action.surface}»", None)
    if action.kind == "monthly":
        start = max(as_of, action.first) if action.first else as_of
        nxt = next_day_of_month(start, action.day)
        if nxt is None:
            return Status("no date", f"ไม่มีวันที่ {action.day} ในเดือนใด: «{action.surface}»", None)
        days = (nxt - as_of).days
        text = f"ทุกวันที่ {action.day} ของเดือน (ไม่ระบุวันสิ้นสุด) ครั้งถัดไป {format_span_th(nxt, nxt)}"
        if action.meeting_date and (as_of - action.meeting_date).days > 365:
            text += f"; สั่งไว้เมื่อ {_duration(action.meeting_date, as_of)}ก่อน"  # a standing order this old is worth a look
        return Status("due" if days <= due_within else "upcoming", text, days)
    first, last = action.start, action.end
    if as_of < first:
        days = (first - as_of).days
        if days <= due_within:
            return Status("due", f"ครบกำหนดในอีก {days} วัน", days)
        return Status("upcoming", f"อีก {days} วัน", days)
    if as_of <= last:
        days = (last - as_of).days
        if first == last:
            return Status("due", "ครบกำหนดวันนี้", 0)
        return Status("due", f"อยู่ในช่วงเวลา ถึง {format_span_th(last, last)}", days)
    late = (as_of - last).days
    if late <= OVERDUE_FOR:
        return Status("overdue", f"เลยกำหนด {late} วัน ไม่พบรายงานผล", -late)
    return Status("lapsed", f"ช่วงเวลาปิดไปแล้ว {_duration(last, as_of)} ไม่พบรายงานผล", -late)


def _duration(since: date, until: date) -> str:
    """``2 ปี 8 เดือน``, ``5 เดือน``."""
    months = (until.year - since.year) * 12 + until.month - since.month - (until.day < since.day)
    years, months = divmod(max(months, 0), 12)
    parts = [f"{years} ปี"] * bool(years) + [f"{months} เดือน"] * bool(months)
    return " ".join(parts) or f"{(until - since).days} วัน"


def _label(meeting_id: str | None) -> str:
    """``2566-04`` → ``4/2566`` (``Words.meeting_label``: the register speaks Thai); ``?`` for none."""
    from .words import words_for

    return words_for("th").meeting_label(meeting_id) if meeting_id else "?"


# --- the register ----------------------------------------------------------------------------------


@dataclass
class Register:
    """Every action of a set of write-ups, the links between them, and their status as of a day.

    Actions from meetings held after ``as_of`` are left out of ``rows`` (``later`` counts them);
    a link said in a meeting after ``as_of`` is not known yet.
    """

    actions: list[Action]
    reports: list[Report]
    links: list[Link]
    as_of: date
    due_within: int = DUE_WITHIN
    skipped: dict = field(default_factory=dict)  # dated mentions that are no action of their own, by why (SKIPPED)
    later: int = field(default=0, init=False)
    _rows: tuple | None = field(default=None, init=False, repr=False)

    def known(self, day: date | None) -> bool:
        return day is None or day <= self.as_of

    def rows(self) -> list[dict]:
        """One plain dict per action held by ``as_of``, in reading order: overdue first, then due,
        upcoming, no date, lapsed, closed; each by its date (worked out once per day and window)."""
        asked = (self.as_of, self.due_within, len(self.actions), len(self.links))
        if self._rows is None or self._rows[0] != asked:
            self._rows = (asked, self._work_out_rows())
        return self._rows[1]

    def _work_out_rows(self) -> list[dict]:
        closing = {}
        followed_from = {}
        for link in self.links:
            if not self.known(link.meeting_date):
                continue
            if link.kind != "next round":
                closing.setdefault(link.earlier, link)
            followed_from.setdefault(link.later, link)
        by_key = {a.key: a for a in self.actions}
        rows = []
        self.later = 0
        for a in self.actions:
            if not self.known(a.meeting_date):
                self.later += 1
                continue
            closed = closing.get(a.key)
            after = by_key.get(closed.later) if closed else None
            st = status_of(a, self.as_of, closed, self.due_within, _when_text(after) if after else "")
            came = followed_from.get(a.key)
            before = by_key.get(came.earlier) if came else None
            rows.append({
                "action": a.key, "writeup": a.writeup, "office": a.office, "meeting": a.meeting,
                "meeting_label": _label(a.meeting), "meeting_date": a.meeting_date, "item": a.item,
                "directive": a.directive, "topic": a.topic,
                "who": ", ".join(a.who), "what": a.what, "kind": a.kind, "start": a.start, "end": a.end,
                "precision": a.precision, "when": _when_text(a), "surface": a.surface,
                "span_start": a.span.start if a.span else None, "span_end": a.span.end if a.span else None,
                "text": a.text, "due": a.due, "year_inferred": a.year_inferred, "round": a.round,
                "moved_from": _span_text(a.moved_from),
                "status": st.status, "status_text": st.text, "days": st.days, "closed_by": st.closed_by,
                "closed_in": st.link.meeting if st.link else None,
                "closed_writeup": st.link.writeup if st.link else None,
                "closed_score": st.link.score if st.link else None,
                "closed_text": st.link.later_text if st.link else None,
                "follows": came.kind if came else None, "follows_action": came.earlier if came else None,
                "follows_meeting": before.meeting if before else None,
                "follows_writeup": before.writeup if before else None,
                "follows_when": _when_text(before) if before else None,
                "follows_score": came.score if came else None, "follows_text": came.earlier_text if came else None,
            })  # fmt: skip
        order = {s: i for i, s in enumerate(STATUSES)}
        rows.sort(
            key=lambda r: (order[r["status"]], _sort_day(r), r["office"], r["meeting"] or "", r["item"], r["directive"])
        )
        return rows

    def frame(self):
        """The register as a pandas frame: one row per action, Thai text intact, dates typed (as the
        corpus frames: ``datetime64``, ``Int64``, ``Float64``, ``boolean``, ``string``)."""
        import pandas as pd

        rows = self.rows()
        columns = {}
        for name in FRAME_COLUMNS:
            values = [r[name] for r in rows]
            kind = COLUMN_TYPES.get(name, "string")
            if kind == "date":  # numpy reads dates (None: NaT) faster than to_datetime
                columns[name] = pd.Series(np.array(values, dtype="datetime64[D]"), dtype="datetime64[s]")
            else:
                columns[name] = pd.Series(pd.array(values, dtype=kind))
        return pd.DataFrame(columns, columns=FRAME_COLUMNS)

    def links_frame(self):
        """Every link with its score and both texts."""
        import pandas as pd

        frame = pd.DataFrame([vars(link) for link in self.links], columns=LINK_COLUMNS)
        frame["meeting_date"] = pd.to_datetime(frame["meeting_date"])
        frame["score"] = frame["score"].astype("Float64")
        return frame

    def counts(self) -> dict[str, int]:
        """Actions per status (of ``rows``)."""
        rows = self.rows()
        return {s: sum(1 for r in rows if r["status"] == s) for s in STATUSES}


FRAME_COLUMNS = ["action", "writeup", "office", "meeting", "meeting_label", "meeting_date", "item", "directive",
                 "topic", "who", "what", "kind", "start", "end", "precision", "when", "surface", "span_start",
                 "span_end", "text", "year_inferred", "round", "moved_from", "status", "status_text", "days",
                 "closed_by", "closed_in", "closed_writeup", "closed_score", "closed_text", "follows",
                 "follows_action", "follows_meeting", "follows_writeup", "follows_when", "follows_score",
                 "follows_text", "due"]  # fmt: skip
COLUMN_TYPES = {
    "meeting_date": "date",
    "start": "date",
    "end": "date",
    "item": "Int64",
    "directive": "Int64",
    "days": "Int64",
    "round": "Int64",
    "span_start": "Int64",
    "span_end": "Int64",
    "closed_score": "Float64",
    "follows_score": "Float64",
    "year_inferred": "boolean",
}  # the rest: string
LINK_COLUMNS = ["kind", "earlier", "later", "score", "earlier_text", "later_text", "meeting", "meeting_date", "writeup"]


def _span_text(span: DateSpan | None) -> str | None:

    return format_span_th(span.start, span.end, span.precision) if span and span.start else None


def _when_text(a: Action) -> str:

    if a.kind == "monthly":
        return f"ทุกวันที่ {a.day} ของเดือน"
    if a.kind == "no date" or a.start is None:
        return "ไม่มีวันที่"
    return format_span_th(a.start, a.end, a.precision or "day")


def _sort_day(row: dict) -> date:
    if row["status"] in ("due", "upcoming") and row["days"] is not None:
        return date.min + timedelta(days=max(0, row["days"]))
    return row["end"] or date.max


def build(
    writeups: Iterable[tuple[str, str, Meeting]], as_of: date | str | None = None, due_within: int = DUE_WITHIN
) -> Register:
    """The register of write-ups given as ``(key, office, meeting)``, as of a day (default today).

    >>> from cddbrief.model import Source, Item, Directive
    >>> from cddbrief.thaidates import find_dates
    >>> text = "ให้อำเภอส่งแผนพัฒนาวิสาหกิจชุมชน ภายในวันที่ 28 เม.ย. 66"
    >>> d = Directive(1, text, dates=find_dates(text, 2566)[0])
    >>> m = Meeting(3, 2566, "", "สพอ.ก", None, None, None, Source("a.txt", "0", "txt", None),
    ...             [Item(1, "วิสาหกิจชุมชน", [d])])
    >>> [(r["what"], r["status"], r["status_text"]) for r in build([("a", "สพอ.ก", m)], "2023-04-20").rows()]
    [('ให้อำเภอส่งแผนพัฒนาวิสาหกิจชุมชน', 'due', 'ครบกำหนดในอีก 8 วัน')]
    """
    if as_of is None:
        day = date.today()
    else:
        day = as_of if isinstance(as_of, date) else date.fromisoformat(str(as_of)[:10])
    writeups = list(writeups)
    found, reports, skipped = collect(writeups)
    return Register(found, reports, follow(found, reports), day, due_within, skipped)


def frame(writeups: Iterable[tuple[str, str, Meeting]], as_of: date | str | None = None, due_within: int = DUE_WITHIN):
    """The register as a pandas frame (``Register.frame``): one row per action.

    >>> frame([], "2023-04-20").columns[:4].tolist()
    ['action', 'writeup', 'office', 'meeting']
    """
    return build(writeups, as_of, due_within).frame()


def digest(text: str) -> str:
    """A short stable id for a calendar event or a page anchor."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


# --- reading a folder (today's catalogue), the terminal and the page -------------------------------

STATUS_TH = {"overdue": "เลยกำหนด", "due": "ใกล้ถึงกำหนด", "upcoming": "ยังไม่ถึงกำหนด", "no date": "ไม่มีวันที่",
             "lapsed": "หมดช่วงเวลา ไม่มีรายงาน", "closed": "ปิดแล้ว"}  # fmt: skip
LINK_TH = {
    "repeated": "สั่งซ้ำ",
    "moved": "เลื่อนกำหนด",
    "superseded": "สั่งใหม่แทน",
    "next round": "รอบถัดไป",
    "done": "รายงานว่าเสร็จ",
}


def writeups_in(data_dir) -> tuple[list[tuple[str, str, Meeting]], list]:
    """The write-ups of a folder as ``(brief folder, office, meeting)``, and the files that could not
    be read (path, why). The key is the folder ``build --all`` gives the brief (``2566-03``,
    ``2566-03-mae-tha`` when offices share the meeting); a write-up with no meeting number is keyed
    by its file name (it has no brief until built with --meeting)."""
    from .corpus import catalogue, distinct_names
    from .errors import CddbriefError
    from .report import folder_name
    from .store import meeting_of

    entries, failures = catalogue(data_dir)
    naming = distinct_names(entries)
    found = []
    for e in entries:
        try:
            meeting = meeting_of(e.path, need_number=False)  # from the store the catalogue just filled
        except CddbriefError as exc:  # the catalogue read it; a second reading failing is said, not hidden
            failures.append((e.path, str(exc)))
            continue
        key = folder_name(meeting, naming.get(e.path, False)) if meeting.id else e.path.name
        found.append((key, meeting.office, meeting))
    return found, failures


def choose_office(writeups: list, office: str | None, where: str = "") -> list:
    """The write-ups of offices whose name holds ``office`` (all when None); none is one clear error."""
    from .errors import BadSetting

    if not office:
        return writeups
    chosen = [w for w in writeups if office in w[1] or office in short_office(w[1])]  # แม่ทะ, สพอ.แม่ทะ
    if not chosen:
        known = ", ".join(sorted({w[1] for w in writeups})) or "none"
        raise BadSetting(
            f"no office '{office}' among the write-ups{' in ' + where if where else ''} (offices there: {known})",
            "give part of one of those names, or leave it out",
            settings="office",
        )
    return chosen


def short_office(office: str) -> str:
    """``สำนักงานพัฒนาชุมชนอำเภอแม่ทะ`` → ``สพอ.แม่ทะ``; ``…จังหวัดลำพูน`` → ``สพจ.ลำพูน``.

    >>> short_office("สำนักงานพัฒนาชุมชนอำเภอแม่ทะ"), short_office("กรมการพัฒนาชุมชน")
    ('สพอ.แม่ทะ', 'กรมการพัฒนาชุมชน')
    """
    for long, short in (("สำนักงานพัฒนาชุมชนอำเภอ", "สพอ."), ("สำนักงานพัฒนาชุมชนจังหวัด", "สพจ.")):
        if office.startswith(long):
            return short + office[len(long) :]
    return office


def terminal_lines(reg: Register, width: int = 120) -> list[str]:
    """The register for ``cddbrief actions``: one line per action, columns padded by display width
    (``summary.fit``), the status in words on the line below, and a closing count."""
    from .summary import fit

    rows = reg.rows()
    what_width = max(20, width - (14 + 19 + 8 + 16 + 9 + 5))
    columns = [("สถานะ", 14), ("กำหนด", 19), ("ประชุม", 8), ("หน่วยงาน", 16), ("ผู้ทำ", 9), ("สิ่งที่ต้องทำ", what_width)]
    lines = [f"ทะเบียนติดตามข้อสั่งการ ณ วันที่ {format_span_th(reg.as_of, reg.as_of)} ({reg.as_of.isoformat()})", ""]
    lines.append(" ".join(fit(h, w) for h, w in columns).rstrip())
    for r in rows:
        values = [
            STATUS_TH[r["status"]],
            r["when"],
            r["meeting_label"],
            short_office(r["office"]),
            r["who"] or "-",
            r["what"],
        ]
        lines.append(" ".join(fit(v, w) for v, (_, w) in zip(values, columns)).rstrip())
        detail = r["status_text"]
        if r["follows"]:
            where = f"{_label(r['follows_meeting'])} ({r['follows_when']}, คล้าย {r['follows_score']:.2f})"
            detail += f" · {LINK_TH[r['follows']]}จากการประชุม {where}"
        if r["moved_from"]:
            detail += f" · เลื่อนจาก {r['moved_from']} ในการประชุมเดียวกัน"
        lines.append(" " * 15 + "└ " + fit(detail, max(20, width - 17)).rstrip())
    lines.append("")
    counts = reg.counts()
    lines.append(f"{len(rows)} รายการ: " + ", ".join(f"{STATUS_TH[s]} {n}" for s, n in counts.items() if n))
    lines.extend(_count_notes(reg))
    return lines


def _count_notes(reg: Register) -> list[str]:

    notes = []
    why = [f"{SKIPPED[k]} {n}" for k, n in reg.skipped.items() if n]
    if why:
        notes.append(f"วันที่ที่ไม่ได้แยกเป็นรายการ: {', '.join(why)} (สรุปการประชุมแต่ละฉบับแสดงไว้ครบ)")
    if reg.later:
        notes.append(f"{reg.later} รายการจากการประชุมหลังวันที่ {format_span_th(reg.as_of, reg.as_of)} ไม่แสดง")
    return notes


def as_json(reg: Register) -> dict:
    """The register as plain JSON: the day, the counts, every action's row and every link."""
    rows = [{k: (v.isoformat() if isinstance(v, date) else v) for k, v in r.items()} for r in reg.rows()]
    links = [
        {**vars(link), "meeting_date": link.meeting_date.isoformat() if link.meeting_date else None}
        for link in reg.links
    ]
    return {"as_of": reg.as_of.isoformat(), "due_within": reg.due_within, "counts": reg.counts(),
            "skipped": reg.skipped, "later": reg.later, "actions": rows, "links": links}  # fmt: skip


def page_rows(reg: Register, href_of=None) -> list[dict]:
    """The rows the page shows: each action with its brief's link, the date surface marked in its
    directive (or in the deadline cell after it: ``กำหนดเสร็จ: …``), and the text of what it follows
    (or what closed it)."""
    from markupsafe import Markup, escape

    from .words import words_for

    href_of = href_of or (lambda key: f"./{key}/brief.html")
    due_word = words_for("th").t("due")  # the page is Thai: กำหนดเสร็จ
    shown = []
    for r in reg.rows():
        written = r["text"] if r["due"] is None else r["due"]  # the text the span stands in
        if (
            r["span_start"] is not None
            and r["span_end"] is not None
            and written[r["span_start"] : r["span_end"]] == r["surface"]
        ):
            a, b = r["span_start"], r["span_end"]
            evidence = Markup(f"{escape(written[:a])}<mark>{escape(written[a:b])}</mark>{escape(written[b:])}")
        else:
            evidence = Markup(escape(written))
        if r["due"] is not None:
            evidence = Markup(f"{escape(r['text'])} <small>({escape(due_word)}: {evidence})</small>")
        shown.append({**r, "status_word": STATUS_TH[r["status"]], "office_short": short_office(r["office"]),
                      "href": href_of(r["writeup"]) if r["meeting"] else None,
                      "follows_href": href_of(r["follows_writeup"]) if r["follows_writeup"] else None,
                      "closed_href": href_of(r["closed_writeup"]) if r["closed_writeup"] else None,
                      "follows_word": LINK_TH.get(r["follows"] or "", ""),
                      "follows_label": _label(r["follows_meeting"]),
                      "closed_label": _label(r["closed_in"]), "evidence": evidence,
                      "sort_day": r["start"].isoformat() if r["start"] else (
                          "0000" if r["kind"] == "monthly" else "9999"),
                      "anchor": "a-" + digest(r["action"])})  # fmt: skip
    return shown


def write_actions_page(out_dir, reg: Register, href_of=None, target=None):
    """OUT/actions.html: the register as one self-contained page in Thai (fonts and styles inside,
    no network), sortable, filterable by office and status, cards on a phone; each action links
    its brief (``href_of(key)``, default ``./<key>/brief.html``). Written atomically; returns its path."""
    from pathlib import Path

    from .brief import environment
    from .fonts import font_face_css
    from .site import style_text

    out = Path(out_dir)
    target = Path(target) if target else out / "actions.html"
    rows = page_rows(reg, href_of)
    offices = sorted({(r["office"], r["office_short"]) for r in rows})
    around = target.parent
    links = {name: (around / name).exists() for name in ("index.html", "trends.html")}
    html = environment().get_template("actions.html.j2").render(
        rows=rows, counts=reg.counts(), statuses=[(s, STATUS_TH[s]) for s in STATUSES], offices=offices,
        as_of=format_span_th(reg.as_of, reg.as_of), as_of_iso=reg.as_of.isoformat(), due_within=reg.due_within,
        notes=_count_notes(reg), links=links,
        font_css=style_text(font_face_css()),
    )  # fmt: skip
    target.parent.mkdir(parents=True, exist_ok=True)
    return write_atomic(target, html)


def build_actions_page(data_dir, out_dir, as_of: date | str | None = None, due_within: int = DUE_WITHIN):
    """OUT/actions.html for the write-ups of a folder, as ``build --all`` names their briefs: what a
    batch calls after its index (one line); returns the page's path."""
    writeups, _ = writeups_in(data_dir)
    return write_actions_page(out_dir, build(writeups, as_of, due_within))
