"""Indicators: arithmetic checks between a meeting's own figures, and tidy frames.

Checks found from one meeting's figures, each with operands, result,
tolerance, whether it holds, and the source text it stands on:

- product: count × rate = total (``120 หมู่บ้าน … หมู่บ้านละ 20,000 บาท … 2,400,000 บาท``)
- ratio: part ÷ whole = the percentage stated after ``คิดเป็น``
- sum: parts listed after ``ประกอบด้วย``/``ได้แก่`` add up to the stated total
- share: a percentage worth stating that the text does not (recorded of collected)

A failing check is kept and shown, never dropped. ``frames`` turns a Meeting
into pandas frames with typed columns and the meeting id on every row; pandas
is imported only there, so the parser stays light.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .glossary import unit_en, units
from .model import Check, Meeting, Quantity
from .thaitext import excerpt, to_arabic_digits

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

PRODUCT_TOLERANCE = 0.005  # relative: a total written rounded (15.8 ล้านบาท) still holds
_RATIO_CUE = re.compile(r"(?:คิดเป็น|เท่ากับ|หรือ)\s*$")
_SUM_CUE = re.compile(r"^\s*(?:ประกอบด้วย|ได้แก่|แบ่งเป็น|แยกเป็น|จำแนกเป็น|คือ)")
_WHOLE_CUE = re.compile(r"(?:เป้าหมาย(?:จำนวน)?|ทั้งหมด|ทั้งสิ้น|รวม|ได้)\s*$")
_PART_CUE = re.compile(r"ได้\s*$")


def _fmt(value: float) -> str:
    """A figure with thousands separators, two decimals where it has any.

    >>> _fmt(2400000), _fmt(7.911)
    ('2,400,000', '7.91')
    """
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}"


def _en(q: Quantity) -> str:
    info = units().get(q.unit) or units().get("%")
    return f"{_fmt(q.value)}%" if q.unit == "%" else f"{_fmt(q.value)} {unit_en(q.unit, q.value) if q.unit in units() else info.en}"


def _th(q: Quantity) -> str:
    return f"{_fmt(q.value)}%" if q.unit == "%" else f"{_fmt(q.value)} {q.unit}"


def find_checks(meeting: Meeting) -> list[Check]:
    """All checks of a meeting, in item order."""
    checks: list[Check] = []
    for item in meeting.items:
        quantities = [q for d in item.directives for q in d.quantities]
        used: set[tuple[int, int]] = set()
        checks += _products(item.no, quantities)
        checks += _ratios(item.no, item.directives, used)
        checks += _sums(item.no, item.directives)
        checks += _shares(item.no, item.directives, used)
    return checks


def _products(item_no: int, quantities: list[Quantity]) -> list[Check]:
    found = []
    for rate in (q for q in quantities if q.per):
        per_key = units()[rate.per].key
        counts = [q for q in quantities if q.unit_key == per_key and not q.per]
        totals = [q for q in quantities if q.unit_key == rate.unit_key and not q.per and q.value > rate.value]
        if not counts or not totals:
            continue
        best = min(
            ((c, t) for c in counts for t in totals),
            key=lambda pair: abs(pair[0].value * rate.value - pair[1].value) / pair[1].value,
        )
        count, total = best
        actual = count.value * rate.value
        error = abs(actual - total.value) / total.value
        holds = error <= PRODUCT_TOLERANCE
        found.append(
            Check(
                item=item_no,
                kind="product",
                operands=(count.value, rate.value),
                total=total.value,
                actual=actual,
                holds=holds,
                tolerance=PRODUCT_TOLERANCE,
                statement=f"{_th(count)} × {_th(rate)} = {_fmt(actual)} {rate.unit} ({'ตรงกับ' if holds else 'ไม่ตรงกับ'}ที่ระบุ {_th(total)})",
                statement_en=f"{_en(count)} × {_en(rate)} = {_fmt(actual)} {units()[rate.unit].en} ({'matches' if holds else 'does not match'} the stated {_en(total)})",
                unit=rate.unit,
                evidence=(count.surface, f"{rate.per}ละ {rate.surface}", total.surface),
                directive=total.directive,
            )
        )
    return found


def _decimals_written(surface: str) -> int:
    """How many decimals a figure is written with, not how many its value has.

    >>> _decimals_written("ร้อยละ 75.00"), _decimals_written("97.5 9%"), _decimals_written("๖๘%")
    (2, 2, 0)
    """
    numbers = re.findall(r"[0-9][0-9 ,]*(?:\.[0-9 ]*[0-9])?", to_arabic_digits(surface))
    written = numbers[-1].replace(" ", "") if numbers else ""
    return len(written.split(".", 1)[1]) if "." in written else 0


def _ratios(item_no, directives, used) -> list[Check]:
    found = []
    for d in directives:
        qs = d.quantities
        for i, pct in enumerate(qs):
            if pct.unit != "%" or not _RATIO_CUE.search(d.text[max(0, pct.span.start - 12) : pct.span.start]):
                continue
            before = [q for q in qs[:i] if q.unit != "%"]
            if not before:
                continue
            part = before[-1]
            wholes = [q for q in before[:-1] if q.unit_key == part.unit_key]
            if not wholes:
                continue
            whole = wholes[-1]
            if whole.value == 0:
                continue
            actual = part.value / whole.value * 100
            decimals = _decimals_written(pct.surface)  # ร้อยละ 75.00 is stated to the hundredth, though its value is 75
            tolerance = 0.5 * 10 ** (-decimals) + 1e-9
            holds = abs(actual - pct.value) <= tolerance
            used.add((d.no, part.span.start))
            used.add((d.no, whole.span.start))
            found.append(
                Check(
                    item=item_no,
                    kind="ratio",
                    operands=(part.value, whole.value),
                    total=pct.value,
                    actual=round(actual, 4),
                    holds=holds,
                    tolerance=tolerance,
                    statement=f"{_fmt(part.value)} ÷ {_th(whole)} = {actual:.2f}% ({'ตรงกับ' if holds else 'ไม่ตรงกับ'}ที่ระบุ {_th(pct)})",
                    statement_en=f"{_fmt(part.value)} ÷ {_en(whole)} = {actual:.2f}% ({'matches' if holds else 'does not match'} the stated {_th(pct)})",
                    unit="%",
                    evidence=(whole.surface, part.surface, pct.surface),
                    directive=d.no,
                )
            )
    return found


def _sums(item_no, directives) -> list[Check]:
    found = []
    for d in directives:
        qs = d.quantities
        for i, total in enumerate(qs):
            if not _SUM_CUE.match(d.text[total.span.end : total.span.end + 25]):
                continue
            parts = []
            for q in qs[i + 1 :]:
                if q.unit_key != total.unit_key:
                    break
                parts.append(q)
            if len(parts) < 2:
                continue
            running, used = 0, None
            for n, q in enumerate(parts, start=1):
                running += q.value
                if n >= 2 and abs(running - total.value) < 1e-9:
                    used = parts[:n]
                    break
            holds = used is not None
            operands = used or parts
            actual = sum(q.value for q in operands)
            terms = "+".join(_fmt(q.value) for q in operands)
            found.append(
                Check(
                    item=item_no,
                    kind="sum",
                    operands=tuple(q.value for q in operands),
                    total=total.value,
                    actual=actual,
                    holds=holds,
                    tolerance=0.0,
                    statement=f"{terms} = {_fmt(actual)} {total.unit} ({'ตรงกับ' if holds else 'ไม่ตรงกับ'}ที่ระบุ {_th(total)})",
                    statement_en=f"{terms} = {_fmt(actual)} {units()[total.unit].en} ({'matches' if holds else 'does not match'} the stated {_en(total)})",
                    unit=total.unit,
                    evidence=(total.surface, *(q.surface for q in operands)),
                    directive=d.no,
                    labels=tuple(_part_label(d.text, prev.span.end, q.span.start) for prev, q in zip([total, *operands], operands)),
                )
            )
    return found


_LEADING_CUES = re.compile(r"^\s*(?:ประกอบด้วย|ได้แก่|แบ่งเป็น|แยกเป็น|จำแนกเป็น|คือ|และ|,)\s*")
_TRAILING_CUES = re.compile(r"\s*(?:จำนวน|รวม|มี)\s*$")


def _part_label(text: str, start: int, end: int, width: int = 40) -> str:
    """What a listed part counts: the words between the previous figure and this one.

    >>> _part_label("51 วิชา ประกอบด้วยสมรรถนะด้านงานพัฒนาชุมชนจำนวน 21 วิชา", 7, 48)
    'สมรรถนะด้านงานพัฒนาชุมชน'
    """
    label = _TRAILING_CUES.sub("", _LEADING_CUES.sub("", text[start:end]))
    label = " ".join(label.split())
    return label if len(label) <= width else "…" + label[-width:]


def _shares(item_no, directives, used) -> list[Check]:
    found = []
    for d in directives:
        qs = [q for q in d.quantities if units()[q.unit].kind in ("count", "place", "money")]
        for i, whole in enumerate(qs):
            if whole.per or not _WHOLE_CUE.search(d.text[max(0, whole.span.start - 14) : whole.span.start]):
                continue
            part = next((q for q in qs[i + 1 :] if q.unit_key == whole.unit_key), None)
            if part is None or part.per or part.value >= whole.value or whole.value == 0:
                continue
            if not _PART_CUE.search(d.text[max(0, part.span.start - 6) : part.span.start]):
                continue
            if (d.no, part.span.start) in used:
                continue
            share = part.value / whole.value * 100
            found.append(
                Check(
                    item=item_no,
                    kind="share",
                    operands=(part.value, whole.value),
                    total=None,
                    actual=round(share, 4),
                    holds=None,
                    tolerance=0.0,
                    statement=f"{_th(part)} จาก {_th(whole)} = {share:.2f}%",
                    statement_en=f"{_en(part)} of {_en(whole)} = {share:.2f}%",
                    unit="%",
                    evidence=(whole.surface, part.surface),
                    directive=d.no,
                )
            )
    return found


# --- frames -----------------------------------------------------------------------------------

_ACTOR_RE = re.compile(r"(?:ให้|ขอให้|โดยให้)\s*(?P<who>ส่วนกลาง|กรมฯ?|พัฒนาการจังหวัด|พัฒนาการอำเภอ|จังหวัด|อำเภอ|พัฒนากร|สำนักงาน[ก-๙]*|สถาบัน[ก-๙]*|ทุกจังหวัด)")
_SUBJECT_RE = re.compile(r"^(?P<who>ส่วนกลาง|กรมฯ?|จังหวัด|อำเภอ|พัฒนากร|ทุกจังหวัด)(?!ที่)")


def actors(text: str) -> list[str]:
    """Who a directive asks to act, as far as the text says.

    >>> actors("ให้จังหวัดเตรียมความพร้อม และขอให้ส่วนกลางตรวจสอบ")
    ['จังหวัด', 'ส่วนกลาง']
    >>> actors("จังหวัดส่งข้อเสนอโครงการครบถ้วนแล้ว")
    ['จังหวัด']
    """
    found = [m.group("who") for m in _ACTOR_RE.finditer(text)]
    subject = _SUBJECT_RE.match(text)
    if subject:
        found.insert(0, subject.group("who"))
    seen = []
    for who in found:
        who = "จังหวัด" if who == "ทุกจังหวัด" else who
        if who not in seen:
            seen.append(who)
    return seen


@dataclass
class MeetingFrames:
    """The tidy frames of one meeting (or of a corpus)."""

    items: "pd.DataFrame"
    directives: "pd.DataFrame"
    quantities: "pd.DataFrame"
    dates: "pd.DataFrame"
    checks: "pd.DataFrame"
    notes: "pd.DataFrame"

    def as_dict(self) -> dict[str, "pd.DataFrame"]:
        return {name: getattr(self, name) for name in ("items", "directives", "quantities", "dates", "checks", "notes")}


# Columns of each frame, and their types: (ints, floats, bools, dates); the rest are strings.
COLUMNS = {
    "items": ["meeting", "office", "item", "topic", "topic_en", "inferred", "merged_rows", "directives", "quantities", "dates", "remarks", "resolution", "meeting_date"],
    "directives": ["meeting", "office", "item", "topic", "directive", "label", "text", "actors", "quantities", "dates"],
    "quantities": ["meeting", "office", "item", "topic", "directive", "value", "unit", "unit_key", "unit_en", "entity", "per", "repaired", "surface", "sentence", "role"],
    "dates": ["meeting", "office", "item", "topic", "directive", "start", "end", "when", "precision", "year_inferred", "repaired", "role", "surface", "sentence", "actors"],
    "checks": ["meeting", "office", "item", "topic", "directive", "kind", "operands", "total", "actual", "holds", "tolerance", "unit", "statement", "statement_en", "evidence"],
    "notes": ["meeting", "office", "kind", "item", "message", "message_th", "surface"],
}
TYPES = {
    "items": (["item", "merged_rows", "directives", "quantities", "dates"], [], ["inferred"], ["meeting_date"]),
    "directives": (["item", "directive", "quantities", "dates"], [], [], []),
    "quantities": (["item", "directive"], ["value"], ["repaired"], []),
    "dates": (["item", "directive"], [], ["year_inferred", "repaired"], ["start", "end", "when"]),
    "checks": (["item", "directive"], ["total", "actual", "tolerance"], ["holds"], []),
    "notes": (["item"], [], [], []),
}


def frame_records(meeting: Meeting) -> dict[str, list[dict]]:
    """The rows of every frame as plain dicts (cheap to cache, to pickle, to concatenate)."""
    from .glossary import topic_en

    mid, office = meeting.id, meeting.office
    topics = {item.no: item.topic for item in meeting.items}
    known = units()
    records: dict[str, list[dict]] = {name: [] for name in COLUMNS}
    for item in meeting.items:
        records["items"].append(
            {"meeting": mid, "office": office, "item": item.no, "topic": item.topic, "topic_en": topic_en(item.topic),
             "inferred": item.inferred, "merged_rows": item.merged_rows, "directives": len(item.directives),
             "quantities": sum(len(d.quantities) for d in item.directives), "dates": sum(len(d.dates) for d in item.directives),
             "remarks": item.remarks, "resolution": item.resolution, "meeting_date": meeting.meeting_date}  # fmt: skip
        )
    for item, d in meeting.directives():
        who = ", ".join(actors(d.text))
        records["directives"].append(
            {"meeting": mid, "office": office, "item": item.no, "topic": item.topic, "directive": d.no, "label": d.label,
             "text": d.text, "actors": who, "quantities": len(d.quantities), "dates": len(d.dates)}  # fmt: skip
        )
        for q in d.quantities:
            records["quantities"].append(
                {"meeting": mid, "office": office, "item": q.item, "topic": item.topic, "directive": q.directive,
                 "value": float(q.value), "unit": q.unit, "unit_key": q.unit_key,
                 "unit_en": known[q.unit].en if q.unit in known else q.unit, "entity": q.entity, "per": q.per,
                 "repaired": q.repaired, "surface": q.surface, "sentence": excerpt(d.text, *q.span), "role": q.role}  # fmt: skip
            )
        for s in d.dates:
            records["dates"].append(
                {"meeting": mid, "office": office, "item": s.item, "topic": item.topic, "directive": s.directive,
                 "start": s.start, "end": s.end, "when": s.when, "precision": s.precision, "year_inferred": s.year_inferred,
                 "repaired": s.repaired, "role": s.role, "surface": s.surface,
                 "sentence": excerpt(d.text, *s.span), "actors": who}  # fmt: skip
            )
    for c in meeting.checks:
        records["checks"].append(
            {"meeting": mid, "office": office, "item": c.item, "topic": topics.get(c.item), "directive": c.directive,
             "kind": c.kind, "operands": " ; ".join(_fmt(v) for v in c.operands), "total": c.total, "actual": c.actual,
             "holds": c.holds, "tolerance": c.tolerance, "unit": c.unit, "statement": c.statement,
             "statement_en": c.statement_en, "evidence": " | ".join(c.evidence)}  # fmt: skip
        )
    for n in meeting.notes:
        records["notes"].append({"meeting": mid, "office": office, "kind": n.kind, "item": n.item, "message": n.message, "message_th": n.th or None, "surface": n.surface})
    return records


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
