"""Prose posts: a headline naming the meeting, a first paragraph with its date, then the points.

Points are numbered (``1.`` ``1)`` ``(1)`` ``๑.``, on their own lines, as list
items, or run together after a lead-in: ``ดังนี้ 1)โครงการ… 2)การ…``). Each point
is an item: its topic is the leading phrase (up to ``:``, a dash or the first
instruction word: ให้, ขอให้, มอบหมาย …), its directives are its sub-points, or
else the rest of the point. A numbered list of people (ผู้เข้าร่วมประชุม) is not a
list of points. A post that numbers nothing but tells of a meeting in paragraphs is
read by ``narrative``; one that tells of no meeting is refused, saying so.
"""

from __future__ import annotations

import re
from typing import Final

from ..header import find_meeting_ref, names_a_meeting
from ..model import Item, Note
from ..passages import instruction_starts, kind_of, tells
from ..sources.document import RawDocument
from ..thaidates import WEEKDAY_WORDS
from ..thaitext import collapse
from . import narrative
from .base import Fit, Reading, clean_marks, numbered
from .narrative import TOPIC_MAX, split_topic  # noqa: F401 - the topic of a point, as the prose reader has always given it
from .points import Line, heading_of, lines_of, marker_number, marker_style, split_inline

NAME: Final = "prose"
NAME_TH = "ข่าวหรือบทความ"

_LEAD_IN_END = re.compile(r"(?:ดังนี้|ดังต่อไปนี้|คือ|ได้แก่|[:：])\s*$")
_CLOSING = re.compile(
    r"^\s*(?:#|จึงขอ|จึงเรียน|ภาพ\s*[:/]|ข่าว\s*[:/]|ภาพ/ข่าว|ภาพและข่าว|รายงานโดย|ผู้รายงาน|ผู้สรุป|ผู้บันทึก|ที่มา\s*[:：]|เผยแพร่|อ่าน\s*\d+\s*ครั้ง|แชร์|share\b|tags?\s*:|-{3,}|_{3,})",
    re.I,
)
_PERSON = re.compile(r"^\s*(?:นาย|นางสาว|นาง|น\.ส\.|ว่าที่|ดร\.|ผศ\.|รศ\.)")


def ceiling(doc: RawDocument) -> float:
    """At most 0.85 (numbered points after a head naming the meeting); 0.5 for a Word table
    dumped to text, whose numbered cells are not a post's points.

    >>> from cddbrief.sources import read_bytes
    >>> ceiling(read_bytes("หัวเรื่อง\\n\\tที่\\n\\tประเด็น\\n\\tข้อสั่งการ\\n".encode(), "x.txt"))
    0.5
    """
    return 0.5 if doc.text is not None and _tab_dump(doc.text) else 0.85


def fit(doc: RawDocument) -> Fit:
    """Numbered points after a head naming the meeting fit best; a post that tells of a meeting in
    paragraphs (its sentence gives two of its number, day, chair and place) fits well, one that
    gives one of them weakly; a post that tells of no meeting does not fit, and says so."""
    lines = _expanded(lines_of(doc.blocks))
    points, style = _top_points(lines)
    named = any(find_meeting_ref(line.text) for line in lines[:12])
    if doc.text is not None and _tab_dump(doc.text):
        cap = 0.5  # a Word table dumped to text: its numbered cells are not a post's points
    else:
        cap = 1.0
    at, facts = narrative.meeting_line(lines) if not points else (None, 0)
    told = at is not None and narrative.tells_something(lines, at)
    if notice_of_change(lines, doc.title or ""):
        return Fit(0.1, "a notice that a meeting is moved or called off", state=(lines, [], None, None), problem=(
            "is not a meeting write-up: it gives notice that a meeting is postponed or called off (แจ้งเลื่อน"
            "การประชุม, ยกเลิกการประชุม) and tells nothing reported or decided at one",
            "give the write-up of the meeting once it is held: a post that tells of it, its table ที่ | ประเด็น"
            " | ข้อสั่งการ, or its minutes"))  # fmt: skip
    if work_plan(lines, doc.title or ""):
        return Fit(0.1, "a work plan for the days ahead", state=(lines, [], None, None), problem=(
            "is not a meeting write-up: it is a work plan for the days ahead (แผนการปฏิบัติงาน), one line a day, a "
            "meeting at most among the things planned, nothing reported, decided or asked at one",
            "give the write-up of the meeting once it is held: a post that tells of it, its table ที่ | ประเด็น"
            " | ข้อสั่งการ, or its minutes"))  # fmt: skip
    if not points and not any(names_a_meeting(line.text) for line in lines):
        return Fit(0.1, "tells of no meeting", state=(lines, [], None, None), problem=(
            "is not a meeting write-up: it tells of no meeting (ประชุม at most in the name of a room or a hall, as a"
            " training course, a ceremony or a field visit held there does)",
            "give the write-up of a meeting: a post that tells of it, its table ที่ | ประเด็น | ข้อสั่งการ, "
            "or its minutes"))  # fmt: skip
    if len(points) >= 2:
        score = 0.85 if named else 0.7
        reason = f"{len(points)} numbered points"
    elif told and not points:
        score = 0.75 if facts >= 2 else 0.55
        reason = f"a meeting told in paragraphs ({facts} of its number, day, chair and place)"
        return Fit(min(score, cap), reason, state=(lines, [], None, at))
    elif len(points) == 1:
        score, reason = 0.6, "one numbered point"
    elif at is None and not any("ประชุม" in line.text for line in lines):
        return Fit(0.1, "tells of no meeting", state=(lines, [], None, None), problem=(
            "is not a meeting write-up: it tells of no meeting (no ประชุม with ครั้งที่, a date, a chair or a place), "
            "and has no table of items, no numbered points, no agenda",
            "give the write-up of a meeting: a post that tells of it, its table ที่ | ประเด็น | ข้อสั่งการ, "
            "or its minutes"))  # fmt: skip
    elif any(narrative.split_instructions(line.text)[0] for line in lines[1:]):
        score, reason = 0.45, "paragraphs with instructions but no numbered points"
    else:
        score, reason = 0.1, "no points"
    return Fit(min(score, cap), reason, state=(lines, points, style, at))


# a head that gives notice of a change to a meeting: (แจ้ง|ขอ)เลื่อนการประชุม…, ยกเลิกการประชุม…, งดการประชุม…
_NOTICE_OF_CHANGE = re.compile(r"^\s*(?:แจ้ง|ขอ|ประกาศ)?\s*(?:เลื่อน|ยกเลิก|งด)(?:การ|วัน)?ประชุม")


# a head that names a plan of work for the days ahead: แผนการปฏิบัติงานประจำสัปดาห์, แผนปฏิบัติงานประจำเดือน…
_WORK_PLAN = re.compile(r"^\s*(?:แผน(?:การ)?ปฏิบัติ(?:งาน|ราชการ)|(?:ตาราง|กำหนดการ)(?:การ)?ปฏิบัติ(?:งาน|ราชการ))")
# a line of the plan opens on its day: วันจันทร์ที่ 8…, 8 ก.ค. 2567 …
_DAY_LINE = re.compile(rf"^\s*(?:วัน(?:{WEEKDAY_WORDS})|\d{{1,2}}\s*(?:[ก-ฮ]\.\s*[ก-ฮ]\.|[ก-ฮ]{{4,}}))")
_RESOLVED = ("มติ", "เห็นชอบ", "อนุมัติ", "รับทราบ", "แล้ว")


def work_plan(lines: list[Line], title: str = "") -> bool:
    """Whether a text is a work plan for the days ahead, not a write-up: its title or first line names a plan of
    work (แผนการปฏิบัติงาน…), two or more lines open on their day, and no line asks anything or says what was
    resolved or done (a meeting among the days planned has not been held yet).

    >>> plan = [Line("แผนการปฏิบัติงานประจำสัปดาห์ สำนักงานพัฒนาชุมชนอำเภอหนึ่ง"),
    ...         Line("วันจันทร์ที่ 3 มี.ค. 2568 ประชุมประจำสัปดาห์ ณ ห้องประชุมอำเภอ"), Line("วันพุธที่ 5 มี.ค. 2568 ลงพื้นที่")]
    >>> work_plan(plan), work_plan([*plan, Line("ที่ประชุมรับทราบผลการดำเนินงาน")])
    (True, False)
    >>> work_plan([Line("ประชุมประจำสัปดาห์ ครั้งที่ 5/2568"), *plan[1:], Line("แผนการปฏิบัติงานสัปดาห์หน้า")])
    False
    """
    heads = [title] + [line.text for line in lines if line.text.strip()][:1]
    if not any(_WORK_PLAN.match(head) for head in heads):
        return False
    if sum(1 for line in lines if _DAY_LINE.match(line.text)) < 2:
        return False
    return not any(instruction_starts(line.text) or any(w in line.text for w in _RESOLVED) for line in lines)


def notice_of_change(lines: list[Line], title: str = "") -> bool:
    """Whether a text is a notice that a meeting is postponed or called off: its title or first line says so and no line
    below tells what was reported or decided (a meeting that was moved and then held, ที่ประชุมรับทราบ…, is read).

    >>> notice_of_change([Line("แจ้งเลื่อนการประชุมประจำเดือน ครั้งที่ 3/2567"), Line("จึงขอเลื่อนเป็นวันศุกร์")])
    True
    >>> notice_of_change([Line("เลื่อนการประชุมประจำเดือน"), Line("ที่ประชุมรับทราบผลการดำเนินงาน")])
    False
    >>> notice_of_change([Line("ประชุมประจำเดือน ซึ่งเลื่อนจากวันจันทร์"), Line("ขอให้ส่งรายงาน")])
    False
    """
    heads = [title] + [line.text for line in lines if line.text.strip()][:1]
    if not any(_NOTICE_OF_CHANGE.match(head) for head in heads):
        return False
    return not any(tells(narrative.split_instructions(line.text)[1]) for line in lines[1:])  # asks to report: none


def read(doc: RawDocument, fit: Fit) -> Reading:
    lines, points, style, at = fit.state
    notes: list[Note] = []
    for line in lines:
        line.text = clean_marks(line.text, notes)
    if points:
        header, items, passages = _numbered_items(lines, points, style, notes)
    else:
        told = narrative.read_told(lines, at, doc.title or "", notes)
        header, items, passages = told.header, told.items, told.passages
    return Reading(NAME, header, items, notes, whole_header=False, passages=passages)


def _tab_dump(text: str) -> bool:
    lines = [ln for ln in text.split("\n") if ln.strip()]
    return bool(lines) and sum(1 for ln in lines if ln.lstrip(" ").startswith("\t")) > 0.3 * len(lines)


def _expanded(lines: list[Line]) -> list[Line]:
    """Points run together in one line become lines of their own; so do the points after a numbered line's own
    (a PDF breaks the paragraph where a point opens a line: ``2)ผ้าไทย … 3)ตลาดนัด …``).

    >>> [(line.label, line.text) for line in _expanded([Line("ตลาดนัด ให้จัดร้าน 3)ผ้าไทย ให้แต่งกาย", "2)")])]
    [('2)', 'ตลาดนัด ให้จัดร้าน'), ('3)', 'ผ้าไทย ให้แต่งกาย')]
    """
    out: list[Line] = []
    for line in lines:
        heading = heading_of(line)
        if heading is not None:
            out.append(heading)  # ประเด็นที่ 1 ผ้าไทย …: a point headed by its number in words
            continue
        number = marker_number(line.label)
        after = (number, marker_style(line.label)) if number and marker_style(line.label) != "1.1" else (0, None)
        parts = split_inline(line.text, *after) if line.text else [(None, line.text)]
        if len(parts) == 1:
            out.append(line)
            continue
        for n, (label, text) in enumerate(parts):
            if n == 0 and label is None:
                out.append(Line(text, line.label, line.listed, line.page, line.level))
            else:
                out.append(Line(text, label, False, line.page, line.level))
    return out


def _top_points(lines: list[Line]) -> tuple[list[int], str | None]:
    """Indexes of the top-level points: the first numbered run from 1 that is not a list of people.

    A list item deeper than the points (Word's or HTML's nesting) is a point's own. In text, a run that starts
    again at 1 under a point and is followed by that point's next number is the point's own
    list (1. กองทุน / 1. ให้… / 2. ให้… / 2. ผ้าไทย), not more points; so is such a run under a later point once
    one has been seen. Any other run that starts again at 1 goes on the points (a second list).

    >>> lines = [Line(t, label) for label, t in [("1.", "กองทุน"), ("1.", "ให้รายงาน"), ("2.", "ให้ติดตาม"),
    ...     ("2.", "ผ้าไทย"), ("1.", "ให้แต่งกาย")]]
    >>> _top_points(lines)
    ([0, 3], '1.')
    """
    for start, line in enumerate(lines):
        if marker_number(line.label) != 1 or _PERSON.match(line.text):
            continue
        style = marker_style(line.label)
        points, expected, nested_seen = [start], 2, False
        index = start + 1
        while index < len(lines):
            label = lines[index].label
            if label and lines[index].level > line.level:
                nested_seen = True  # a list inside a point's list item (Word's or HTML's own nesting)
            elif label and marker_style(label) == style and marker_number(label) == expected:
                points.append(index)
                expected += 1
            elif (
                label
                and marker_style(label) == style
                and marker_number(label) == 1
                and not _PERSON.match(lines[index].text)
            ):
                run_end, after = index, None  # the run 1, 2, 3 … from here, and the number after it
                for at, number in _numbers_from(lines, index + 1, style):
                    if number == marker_number(lines[run_end].label) + 1 and not (nested_seen and number == expected):
                        run_end = at  # (once points have lists of their own, the point's next number ends one)
                    else:
                        after = number
                        break
                if after == expected or (after is None and nested_seen):
                    nested_seen = True  # the point's own list: its lines are the point's sub-points
                    index = run_end + 1
                    continue
                points.append(index)  # a second list that starts again at 1: its points go on
                expected = 2
            elif _CLOSING.match(lines[index].text) and not label:
                break
            index += 1
        return points, style
    return [], None


def _numbers_from(lines: list[Line], index: int, style: str | None):
    """(index, number) of each line from ``index`` on numbered in ``style``."""
    for at in range(index, len(lines)):
        label = lines[at].label
        if label and marker_style(label) == style:
            yield at, marker_number(label)


def _numbered_items(lines: list[Line], points: list[int], style: str, notes: list[Note]):
    header = [line.text if not line.label else f"{line.label} {line.text}" for line in lines[: points[0]]]
    passages: list[tuple[str, str, int | None]] = [(kind_of(line), line, None) for line in header]
    items: list[Item] = []
    bounds = points + [len(lines)]
    for n, start in enumerate(points):
        body = lines[start + 1 : bounds[n + 1]]
        closing = next((i for i, line in enumerate(body) if not line.label and _CLOSING.match(line.text)), None)
        if closing is not None:
            skipped = " ".join(line.text for line in body[closing:])
            notes.append(
                Note(
                    "skipped",
                    f"the lines after the last point were not read as directives: '{collapse(skipped)[:60]}'",
                    th=f"ข้อความหลังประเด็นสุดท้ายไม่ได้อ่านเป็นข้อสั่งการ: '{collapse(skipped)[:60]}'",
                )
            )
            passages += [("page", line.text, None) for line in body[closing:]]
            body = body[:closing]
        number = marker_number(lines[start].label)
        inferred = False
        if items and number != items[-1].no + 1:
            number, inferred = items[-1].no + 1, True
            notes.append(
                Note(
                    "inferred",
                    f"a second numbered list starts again at 1; its point '{lines[start].text[:40]}' "
                    f"is read as item {number}",
                    item=number,
                    th=f"รายการลำดับชุดที่สองเริ่มนับ 1 ใหม่ ประเด็น '{lines[start].text[:40]}' จึงอ่านเป็นข้อ {number}",
                )
            )
        items.append(_item(number, lines[start], body, style, notes, inferred, passages=passages))
    return header, items, passages


# a line labelled by what it holds, its label then a colon: สาระสำคัญ : …, ผลการดำเนินงาน : … (one word, no figure)
_FIELD = re.compile(r"^\s*(?P<name>[^\s\d:：]{2,30})\s*[:：]\s*(?P<said>.*)$", re.S)
_NONE_SAID = re.compile(r"^\s*[-–(]?\s*(?:ไม่มี\S*|-)?\s*[-–)]?\s*[.]?\s*$")  # ไม่มี, - ไม่มี -, ไม่มีข้อสั่งการ, -


def _orders_fields(number: int, body: list[Line], notes: list[Note], passages: list) -> list[Line]:
    """The lines of a point's body that are its directives, when its lines are labelled: what its orders' label
    (``ข้อสั่งการ :``) holds and the lines below it; what another label (``สาระสำคัญ :``) holds and the lines below
    it is what was reported, added to ``passages``; an orders' label that says ``ไม่มี`` gives no directive.
    Said in a note. Lines before any label are kept as they are.

    >>> said, notes = [], []
    >>> body = [Line("สาระสำคัญ : ผ่านเกณฑ์ 28 ผลิตภัณฑ์"), Line("ข้อสั่งการ : ไม่มี")]
    >>> _orders_fields(2, body, notes, said), said, [n.kind for n in notes]
    ([], [('reported', 'ผ่านเกณฑ์ 28 ผลิตภัณฑ์', 2)], ['inferred', 'inferred'])
    >>> [line.text for line in _orders_fields(1, [Line("ข้อสั่งการ :"), Line("ให้ตำบลส่ง: ภายใน 5 วัน")], [], [])]
    ['ให้ตำบลส่ง: ภายใน 5 วัน']
    """
    kept: list[Line] = []
    reported: list[str] = []
    state, none_said = None, False
    for line in body:
        orders = None if line.label else narrative.orders_field(line.text)
        field = None if line.label or orders is not None else _FIELD.match(collapse(line.text))
        field = None if field is None or instruction_starts(field.group("name")) else field  # ให้ตำบลส่ง: … asks
        if orders is not None:
            state = "orders"
            if _NONE_SAID.fullmatch(orders):
                none_said = True  # ข้อสั่งการ : ไม่มี: the point asks nothing
            elif orders:
                kept.append(Line(orders, None, line.listed, line.page, line.level))
        elif field is not None:
            state = "reported"
            reported.append(field.group("said"))
        elif state == "reported":
            reported.append(f"{line.label} {line.text}" if line.label else line.text)
        else:
            kept.append(line)
    said = [collapse(text) for text in reported if collapse(text) and not _NONE_SAID.fullmatch(text)]
    passages += [("reported", text, number) for text in said]
    if said:
        notes.append(
            Note(
                "inferred",
                f"item {number} labels its lines: what its other labels hold was read as reported, only what its "
                "orders' label (ข้อสั่งการ :) holds as its directives",
                item=number,
                th=f"ข้อ {number} แยกหัวข้อย่อยไว้ ข้อความใต้หัวข้ออื่นอ่านเป็นเรื่องที่รายงาน เฉพาะข้อความใต้ ข้อสั่งการ : อ่านเป็นข้อสั่งการ",
            )
        )
    if none_said and not kept:
        notes.append(
            Note(
                "inferred",
                f"item {number}'s orders say ไม่มี (none): it has no directive",
                item=number,
                th=f"ข้อ {number} ระบุข้อสั่งการว่า ไม่มี จึงไม่มีข้อสั่งการ",
            )
        )
    return kept


def _item(
    number: int,
    first: Line,
    body: list[Line],
    style: str,
    notes: list[Note],
    inferred: bool = False,
    more: list[str] = (),
    passages: list[tuple[str, str, int | None]] | None = None,
) -> Item:
    """The item of a point: its first line gives the topic; its sub-points (or the rest) and ``more``
    (paragraphs that go on with it) are its directives. A point whose lines are labelled (``สาระสำคัญ : …``,
    ``ข้อสั่งการ : …``) has as directives only what its orders' label holds; its other labels' lines are
    what was reported (added to ``passages``).

    >>> notes, said = [], []
    >>> body = [Line("สาระสำคัญ : ส่งแล้ว 5 อำเภอ"), Line("ข้อสั่งการ :"), Line("ให้อำเภอที่เหลือส่ง", "-")]
    >>> item = _item(1, Line("ผ้าไทย", "ประเด็นที่ 1"), body, "ประเด็นที่", notes, passages=said)
    >>> item.topic, [d.text for d in item.directives], said
    ('ผ้าไทย', ['ให้อำเภอที่เหลือส่ง'], [('reported', 'ส่งแล้ว 5 อำเภอ', 1)])
    """
    if not first.text and body and not body[0].label and narrative.orders_field(body[0].text) is None:
        # ประเด็นที่ 1 on a line of its own, its topic on the next
        first, body = Line(body[0].text, first.label, first.listed, first.page, first.level), body[1:]
    if any(not line.label and narrative.orders_field(line.text) is not None for line in body):
        body = _orders_fields(number, body, notes, passages if passages is not None else [])
    topic, rest, cut = split_topic(collapse(first.text))
    if cut:
        notes.append(
            Note(
                "inferred",
                f"item {number} marks off no topic; its first words were taken as the topic",
                item=number,
                th=f"ข้อ {number} ไม่ได้แยกหัวข้อไว้ จึงใช้คำแรก ๆ เป็นหัวข้อ",
            )
        )
    lead: list[str] = [rest] if rest else []
    subs: list[list] = []  # [label, [texts]]
    for line in body:
        written = f"{line.label} {line.text}" if line.label else line.text
        own_list = line.level > first.level or marker_number(line.label) == len(subs) + 1
        if line.label and (marker_style(line.label) != style or own_list):
            subs.append([line.label, [line.text]])  # a sub-point: 1.1, -, (1) under 1., or the point's own 1. 2.
        elif subs:
            subs[-1][1].append(written)
        else:
            lead.append(written)
    own = [label for label, _ in subs if marker_style(label) == style]
    if own:
        notes.append(
            Note(
                "inferred",
                f"item {number} has a list of its own numbered like the items ({own[0]}–{own[-1]}), followed by the "
                "next item's number: read as its directives",
                item=number,
                th=f"ข้อ {number} มีรายการย่อยที่ใช้เลขแบบเดียวกับข้อหลัก ({own[0]}–{own[-1]}) และตามด้วยเลขข้อถัดไป "
                "จึงอ่านเป็นข้อสั่งการของข้อนี้",
            )
        )
    directives: list[tuple[str | None, str]] = []
    lead_text = collapse(" ".join(lead))
    if lead_text and not (subs and _LEAD_IN_END.search(lead_text) and not any(ch.isdigit() for ch in lead_text)):
        directives.append((None, lead_text))
    for label, texts in subs:
        text = collapse(" ".join(texts))
        if text:
            directives.append((label, text))
    directives += [(None, text) for text in more]
    return Item(no=number, topic=topic, directives=numbered(directives), inferred=inferred)
