"""Tidy pandas frames of a meeting (``cddbrief.frames``): one row per item, directive, figure, date, check and note.

Typed columns and the meeting id and office on every row; ``frame_records`` gives the same
rows as plain dicts (cheap to cache and to concatenate: ``corpus.load_corpus``). pandas is
imported only when a frame is made, so the parser stays light.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .formatting import number
from .glossary import units
from .model import PLACE, Check, Meeting, said_in
from .thaitext import excerpt

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

_ACTOR_RE = re.compile(
    r"(?:ให้|ขอให้|โดยให้)\s*(?P<who>ส่วนกลาง|กรมฯ?|พัฒนาการจังหวัด|พัฒนาการอำเภอ|จังหวัด|อำเภอ|พัฒนากร|สำนักงาน[ก-๙]*|สถาบัน[ก-๙]*|ทุกจังหวัด|ทุกอำเภอ)"
)
_SUBJECT_RE = re.compile(r"^(?P<who>ส่วนกลาง|กรมฯ?|จังหวัด|อำเภอ|พัฒนากร|ทุกจังหวัด|ทุกอำเภอ)(?!ที่)")


def actors(text: str, responsible: str | None = None) -> list[str]:
    """Who a directive asks to act: the parties of its table's responsible cell first (``Directive.responsible``,
    split at / , และ), then those its text names.

    >>> actors("ให้จังหวัดเตรียมความพร้อม และขอให้ส่วนกลางตรวจสอบ")
    ['จังหวัด', 'ส่วนกลาง']
    >>> actors("จังหวัดส่งข้อเสนอโครงการครบถ้วนแล้ว"), actors("ให้ทุกอำเภอบันทึกข้อมูล")
    (['จังหวัด'], ['อำเภอ'])
    >>> actors("ให้เปิดศูนย์ไกล่เกลี่ยหนี้", "ปจ. / นายอำเภอ")
    ['ปจ.', 'นายอำเภอ']
    """
    found = [who.strip() for who in re.split(r"\s*[/,]\s*|\s+และ", responsible or "") if who.strip()]
    named = len(found)
    found += [m.group("who") for m in _ACTOR_RE.finditer(text)]
    subject = _SUBJECT_RE.match(text)
    if subject:
        found.insert(named, subject.group("who"))
    seen = []
    for who in found:
        who = {"ทุกจังหวัด": "จังหวัด", "ทุกอำเภอ": "อำเภอ"}.get(who, who)
        if who not in seen:
            seen.append(who)
    return seen


@dataclass
class MeetingFrames:
    """The tidy frames of one meeting (or of a corpus)."""

    items: pd.DataFrame
    directives: pd.DataFrame
    quantities: pd.DataFrame
    dates: pd.DataFrame
    checks: pd.DataFrame
    notes: pd.DataFrame

    def as_dict(self) -> dict[str, pd.DataFrame]:
        return {name: getattr(self, name) for name in ("items", "directives", "quantities", "dates", "checks", "notes")}


# Where a row stands: its meeting and office, its place in the meeting (``model.PLACE``) with the item's topic; a
# figure's or a date's row also names its passage's kind and what it was said as (``context``).
PLACE_COLUMNS = ["meeting", "office", "item", "topic", "directive", "passage"]
SAID_COLUMNS = [*PLACE_COLUMNS, "passage_kind", "context"]
# Columns of each frame, and their types: (ints, floats, bools, dates); the rest are strings.
COLUMNS = {
    "items": ["meeting", "office", "item", "topic", "topic_en", "inferred", "merged_rows", "directives", "quantities",
              "dates", "remarks", "resolution", "meeting_date"],
    # a directive's actors begin with its table's responsible cell, split into parties; then the table's ผู้รับผิดชอบ
    # and กำหนดเสร็จ cells as written (None where it has none; added last, so no column before them moved)
    "directives": ["meeting", "office", "item", "topic", "directive", "label", "text", "actors", "quantities", "dates",
                   "responsible", "due"],
    "quantities": [*SAID_COLUMNS, "value", "unit", "unit_key", "unit_en", "entity", "per", "repaired", "surface",
                   "sentence", "role"],
    # a date of a table's deadline column has that cell (Directive.due) as its sentence, and ``due`` as its cell
    "dates": [*SAID_COLUMNS, "start", "end", "when", "precision", "year_inferred", "repaired", "role", "surface",
              "sentence", "actors", "cell"],
    # a check's fields in the order of its JSON (its operands' labels are the JSON's only)
    "checks": [*PLACE_COLUMNS, *(name for name in Check.json_order if name not in PLACE and name != "labels")],
    "notes": ["meeting", "office", "kind", "item", "message", "message_th", "surface"],
}  # fmt: skip
TYPES = {
    "items": (["item", "merged_rows", "directives", "quantities", "dates"], [], ["inferred"], ["meeting_date"]),
    "directives": (["item", "directive", "quantities", "dates"], [], [], []),
    "quantities": ([*PLACE], ["value"], ["repaired"], []),
    "dates": ([*PLACE], [], ["year_inferred", "repaired"], ["start", "end", "when"]),
    "checks": ([*PLACE], ["total", "actual", "tolerance"], ["holds"], []),
    "notes": (["item"], [], [], []),
}


def frame_records(meeting: Meeting) -> dict[str, list[dict]]:
    """The rows of every frame as plain dicts (cheap to cache, to pickle, to concatenate).

    Figures and dates come from the whole document: a directive's (``directive``) and a passage's
    (``passage``, its ``passage_kind``: what was reported, a resolution, the meeting's sentence …),
    each with its ``context`` (meeting, reported, asked, decided)."""
    from .glossary import topic_en

    mid, office = meeting.id, meeting.office
    topics = {item.no: item.topic for item in meeting.items}
    known = units()
    records: dict[str, list[dict]] = {name: [] for name in COLUMNS}
    held: dict[int, list] = {}
    for item, holder in meeting.holders():
        if item is not None:
            held.setdefault(id(item), []).append(holder)
    for item in meeting.items:
        mine = held.get(id(item), [])
        records["items"].append(
            {
                "meeting": mid,
                "office": office,
                "item": item.no,
                "topic": item.topic,
                "topic_en": topic_en(item.topic),
                "inferred": item.inferred,
                "merged_rows": item.merged_rows,
                "directives": len(item.directives),
                "quantities": sum(len(h.quantities) for h in mine),
                "dates": sum(len(h.dates) for h in mine),
                "remarks": item.remarks,
                "resolution": item.resolution,
                "meeting_date": meeting.meeting_date,
            }  # fmt: skip
        )
    for item, d in meeting.directives():
        records["directives"].append(
            {
                "meeting": mid,
                "office": office,
                "item": item.no,
                "topic": item.topic,
                "directive": d.no,
                "label": d.label,
                "text": d.text,
                "actors": ", ".join(actors(d.text, d.responsible)),
                "quantities": len(d.quantities),
                "dates": len(d.dates),
                "responsible": d.responsible,
                "due": d.due,
            }  # fmt: skip
        )
    for item, h in meeting.holders():
        who = ", ".join(actors(h.text, getattr(h, "responsible", None)))  # a passage names no responsible
        for q in h.quantities:
            records["quantities"].append({
                **_said(meeting, item, h, q), "value": float(q.value), "unit": q.unit, "unit_key": q.unit_key,
                "unit_en": known[q.unit].en if q.unit in known else q.unit, "entity": q.entity, "per": q.per,
                "repaired": q.repaired, "surface": q.surface, "sentence": excerpt(h.text, *q.span), "role": q.role,
            })  # fmt: skip
        for s in h.dates:
            records["dates"].append({
                **_said(meeting, item, h, s), "start": s.start, "end": s.end, "when": s.when,
                "precision": s.precision, "year_inferred": s.year_inferred, "repaired": s.repaired, "role": s.role,
                "surface": s.surface, "sentence": excerpt(said_in(h, s), *s.span), "actors": who, "cell": s.cell,
            })  # fmt: skip
    for c in meeting.checks:
        records["checks"].append(
            {
                "meeting": mid,
                "office": office,
                "item": c.item,
                "topic": topics.get(c.item),
                "directive": c.directive,
                "passage": c.passage,
                "kind": c.kind,
                "operands": " ; ".join(number(v) for v in c.operands),
                "total": c.total,
                "actual": c.actual,
                "holds": c.holds,
                "tolerance": c.tolerance,
                "unit": c.unit,
                "statement": c.statement,
                "statement_en": c.statement_en,
                "evidence": " | ".join(c.evidence),
            }  # fmt: skip
        )
    for n in meeting.notes:
        records["notes"].append(
            {
                "meeting": mid,
                "office": office,
                "kind": n.kind,
                "item": n.item,
                "message": n.message,
                "message_th": n.th or None,
                "surface": n.surface,
            }
        )
    return records


def _said(meeting: Meeting, item, holder, found) -> dict:
    """Where a figure or a date stands (``SAID_COLUMNS``): the meeting and office, the item and its topic,
    the directive, or the passage and its kind (``holder`` is the one or the other), and its context."""
    kind = getattr(holder, "kind", None)  # a passage's kind; a directive has none
    return {"meeting": meeting.id, "office": meeting.office, "item": found.item,
            "topic": item.topic if item is not None else None, "directive": found.directive,
            "passage": kind and holder.no, "passage_kind": kind, "context": found.context}  # fmt: skip


def frames_from_records(records: dict[str, list[dict]]) -> MeetingFrames:
    """Typed DataFrames from frame records (of one meeting or of many)."""
    import pandas as pd

    built = {}
    for name, columns in COLUMNS.items():
        ints, floats, bools, dates = TYPES[name]
        built[name] = _typed(pd.DataFrame(records.get(name, []), columns=columns), ints, floats, bools, dates)
    return MeetingFrames(**built)


def frames(meeting: Meeting) -> MeetingFrames:
    """Tidy pandas frames of a meeting: one row per item, directive, figure, date, check, note."""
    return frames_from_records(frame_records(meeting))


def _typed(df, ints=(), floats=(), bools=(), dates=()):
    import pandas as pd

    for col in df.columns:
        if col in ints:
            df[col] = df[col].astype("Int64")
        elif col in floats:
            df[col] = df[col].astype("Float64")
        elif col in bools:
            df[col] = df[col].astype("boolean")
        elif col in dates:
            df[col] = pd.to_datetime(df[col])
        else:
            df[col] = df[col].astype("string")
    return df
