"""Arithmetic checks between a meeting's own figures.

Checks found from one meeting's figures, each with operands, result,
tolerance, whether it holds, and the source text it stands on:

- product: count × rate = total (``120 หมู่บ้าน … หมู่บ้านละ 20,000 บาท … 2,400,000 บาท``)
- ratio: part ÷ whole = the percentage stated after ``คิดเป็น``, or beside them in a row of a table of
  figures (``18,402 16,355 88.88`` under เป้าหมาย | จัดเก็บแล้ว | ร้อยละ)
- sum: parts listed after ``ประกอบด้วย``/``ได้แก่`` add up to the stated total (none where a range's two
  ends, ``20 – 25 คน``, stand among them: they are bounds, not parts)
- sum of a table's rows: a row of figures that opens on ``รวม`` (รวมกลุ่มงาน…, รวมทั้งสิ้น) totals, column by
  column, the rows of figures above it back to the previous total; a total right after a total, the totals
  above it (the sub-totals a grand total adds up)
- share: a percentage worth stating that the text does not (recorded of collected; a ratio's part of its
  whole, ``4 ใน 5 ตำบล``: 80%)

A failing check is kept and shown, never dropped. The tidy frames of a meeting
(checks among them) are ``tidy.py``'s.
"""

from __future__ import annotations

import re

from .formatting import decimals_written, figure, number
from .glossary import units
from .model import Check, CheckKind, Directive, Meeting, Passage, Quantity
from .quantities import is_bare_number, is_range, is_ratio, is_total_row
from .thaitext import excerpt

PRODUCT_TOLERANCE = 0.005  # relative: a total written rounded (15.8 ล้านบาท) still holds
_RATIO_CUE = re.compile(r"(?:คิดเป็น|เท่ากับ|หรือ)\s*$")
_SUM_CUE = re.compile(r"^\s*(?:ประกอบด้วย|ได้แก่|แบ่งเป็น|แยกเป็น|จำแนกเป็น|คือ)")
_WHOLE_CUE = re.compile(r"(?:เป้าหมาย(?:จำนวน)?|ทั้งหมด|ทั้งสิ้น|รวม|ได้)\s*$")
_PART_CUE = re.compile(r"ได้\s*$")


def _th(q: Quantity) -> str:
    return figure(q.value, q.unit, "th")


def _en(q: Quantity) -> str:
    return figure(q.value, q.unit, "en")


def _where(holder: Directive | Passage) -> dict:
    """The directive or the passage a check's figures stand in, as Check fields."""
    return {"passage": holder.no} if isinstance(holder, Passage) else {"directive": holder.no}


def _against(
    stated: Quantity,
    kind: CheckKind,
    item_no: int | None,
    holder: Directive | Passage | None,
    operands: tuple,
    actual: float | int,
    holds: bool,
    tolerance: float,
    worked: tuple[str, str],
    unit: str,
    evidence: tuple[str, ...],
    labels: tuple[str, ...] = (),
) -> Check:
    """A check of what the figures give (``worked``: the arithmetic written out, in Thai and in
    English) against the figure the text states, its statements saying whether they agree."""
    th, en = worked
    return Check(
        item=item_no, kind=kind, operands=operands, total=stated.value, actual=actual, holds=holds, tolerance=tolerance,
        statement=f"{th} ({'ตรงกับ' if holds else 'ไม่ตรงกับ'}ที่ระบุ {_th(stated)})",
        statement_en=f"{en} ({'matches' if holds else 'does not match'} the stated {_en(stated)})",
        unit=unit, evidence=evidence, labels=labels,
        **({"directive": stated.directive, "passage": stated.passage} if holder is None else _where(holder)),
    )  # fmt: skip


def find_checks(meeting: Meeting) -> list[Check]:
    """All checks of a meeting: of each item's figures, in its directives and in the passages that
    belong to it (what was reported, its resolution), in item order; then of the meeting's head."""
    checks: list[Check] = []
    holders: dict[int, list] = {}  # by the item object: an item number written twice keeps its checks apart
    for item, holder in meeting.holders():
        holders.setdefault(id(item), []).append(holder)
    for item in [*meeting.items, None]:
        held = holders.get(id(item), [])
        if not held:
            continue
        item_no = item.no if item is not None else None
        quantities = [q for h in held for q in h.quantities]
        used: set[tuple[int, int]] = set()
        checks += _products(item_no, quantities)
        checks += _ratios(item_no, held, used)
        checks += _sums(item_no, held)
        checks += _shares(item_no, held, used)
    return checks + _table_totals(meeting.passages)


def _figures_row(passage: Passage) -> bool:
    """A passage that is a row of a table of figures: each figure a bare number in a cell (its unit the head's)."""
    return bool(passage.quantities) and all(is_bare_number(q.surface) for q in passage.quantities)


def _table_totals(passages: list[Passage]) -> list[Check]:
    """Sum checks of the total rows of tables of figures: each column of a total row against the same column
    of the rows it totals (the rows above it back to the previous total, or the totals right above it).

    >>> from cddbrief.model import TextSpan
    >>> def row(no, text, *values):
    ...     qs = [Quantity(v, "บาท", "baht", f"{v:,}", TextSpan(0, 0), passage=no) for v in values]
    ...     return Passage(no, "reported", text, 1, qs)
    >>> rows = [row(1, "ก", 95000), row(2, "ข", 60000), row(3, "รวมกลุ่มงาน", 165000)]
    >>> [(c.actual, c.total, c.holds) for c in _table_totals(rows)]
    [(155000, 165000, False)]
    """
    checks: list[Check] = []
    above: list[Passage] = []  # rows of figures since the last total
    totals: list[Passage] = []  # totals in a row (sub-totals), for a grand total after them
    for passage in passages:
        if not _figures_row(passage):
            above, totals = [], []
            continue
        if not is_total_row(passage.text):
            above.append(passage)
            continue
        parts = above or totals
        checks += _row_sums(passage, parts)
        totals = [*totals, passage] if above else []
        above = []
    return checks


def _row_sums(total_row: Passage, rows: list[Passage]) -> list[Check]:
    """A column-by-column sum check of a total row against the rows it totals (rows of as many figures)."""
    rows = [r for r in rows if len(r.quantities) == len(total_row.quantities)]
    if len(rows) < 2:
        return []
    found = []
    for column, total in enumerate(total_row.quantities):
        operands = [r.quantities[column] for r in rows]
        if any(q.unit_key != total.unit_key for q in operands):
            continue
        actual = sum(q.value for q in operands)
        terms = "+".join(number(q.value) for q in operands)
        worked = (f"{terms} = {number(actual)} {total.unit}", f"{terms} = {number(actual)} {units()[total.unit].en}")
        labels = tuple(excerpt(r.text[: r.quantities[0].span.start].strip(), 40) for r in rows)
        evidence = (total.surface, *(q.surface for q in operands))
        found.append(
            _against(total, "sum", total_row.item, total_row, tuple(q.value for q in operands), actual,
                     abs(actual - total.value) < 1e-9, 0.0, worked, total.unit, evidence, labels)
        )  # fmt: skip
    return found


def _products(item_no: int, quantities: list[Quantity]) -> list[Check]:
    found = []
    for rate in quantities:
        if not rate.per:
            continue
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
        worked = (
            f"{_th(count)} × {_th(rate)} = {number(actual)} {rate.unit}",
            f"{_en(count)} × {_en(rate)} = {number(actual)} {units()[rate.unit].en}",
        )
        evidence = (count.surface, f"{rate.per}ละ {rate.surface}", total.surface)
        found.append(
            _against(
                total,
                "product",
                item_no,
                None,
                (count.value, rate.value),
                actual,
                holds,
                PRODUCT_TOLERANCE,
                worked,
                rate.unit,
                evidence,
            )
        )
    return found


def _ratios(item_no, directives, used) -> list[Check]:
    found = []
    for d in directives:
        qs = d.quantities
        for i, pct in enumerate(qs):
            if pct.unit != "%":
                continue
            before = [q for q in qs[:i] if q.unit != "%"]
            if not before:
                continue
            part = before[-1]
            wholes = [q for q in before[:-1] if q.unit_key == part.unit_key]
            if len(before) > 1 and is_ratio(d.text, before[-2], before[-1]):
                part, wholes = before[-2], [before[-1]]  # 4 ใน 5 ตำบล คิดเป็นร้อยละ 80: the whole after its part
            if not wholes:
                continue
            whole = wholes[-1]
            if whole.value == 0 or not (
                _RATIO_CUE.search(d.text[max(0, pct.span.start - 12) : pct.span.start])
                or _row_of(d.text, whole, part, pct)
            ):
                continue
            actual = part.value / whole.value * 100
            decimals = decimals_written(pct.surface)  # ร้อยละ 75.00 is stated to the hundredth, though its value is 75
            tolerance = 0.5 * 10 ** (-decimals) + 1e-9
            holds = abs(actual - pct.value) <= tolerance
            used.add((id(d), part.span.start))
            used.add((id(d), whole.span.start))
            worked = (
                f"{number(part.value)} ÷ {_th(whole)} = {number(actual, fixed=True)}%",
                f"{number(part.value)} ÷ {_en(whole)} = {number(actual, fixed=True)}%",
            )
            evidence = (whole.surface, part.surface, pct.surface)
            found.append(
                _against(
                    pct,
                    "ratio",
                    item_no,
                    d,
                    (part.value, whole.value),
                    round(actual, 4),
                    holds,
                    tolerance,
                    worked,
                    "%",
                    evidence,
                )
            )
    return found


def _row_of(text: str, whole: Quantity, part: Quantity, pct: Quantity) -> bool:
    """Whether a whole, its part and a percentage stand side by side with nothing between them, as the
    cells of a row of a table of figures do (``18,402 16,355 88.88`` under เป้าหมาย | แล้ว | ร้อยละ).

    >>> from cddbrief.quantities import find_quantities
    >>> text = "ลี้ 200 150 75.00"
    >>> qs, _ = find_quantities(text, cells=[(0, 3, "อำเภอ"), (4, 7, "เป้าหมาย (ราย)"), (8, 11, "แล้ว (ราย)"),
    ...                                      (12, 17, "ร้อยละ")])
    >>> _row_of(text, *qs)
    True
    """
    return (
        whole.role == "total"
        and part.role == "part"
        and text[whole.span.end : part.span.start].isspace()
        and text[part.span.end : pct.span.start].isspace()
    )


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
            if len(parts) < 2 or any(is_range(d.text, a, b) for a, b in zip([total, *parts], parts)):
                continue  # a range's two ends (20 – 25 คน) are bounds of one part: no sum to check
            running: float | int = 0
            used: list[Quantity] | None = None
            for n, q in enumerate(parts, start=1):
                running += q.value
                if n >= 2 and abs(running - total.value) < 1e-9:
                    used = parts[:n]
                    break
            holds = used is not None
            operands = used or parts
            actual = sum(q.value for q in operands)
            terms = "+".join(number(q.value) for q in operands)
            worked = (
                f"{terms} = {number(actual)} {total.unit}",
                f"{terms} = {number(actual)} {units()[total.unit].en}",
            )
            evidence = (total.surface, *(q.surface for q in operands))
            labels = tuple(
                _part_label(d.text, prev.span.end, q.span.start) for prev, q in zip([total, *operands], operands)
            )
            found.append(
                _against(
                    total,
                    "sum",
                    item_no,
                    d,
                    tuple(q.value for q in operands),
                    actual,
                    holds,
                    0.0,
                    worked,
                    total.unit,
                    evidence,
                    labels,
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
    return excerpt(" ".join(label.split()), width=width, keep="end")


def _shares(item_no, directives, used) -> list[Check]:
    found = []
    for d in directives:
        qs = [q for q in d.quantities if units()[q.unit].kind in ("count", "place", "money")]
        for part, whole in zip(qs, qs[1:]):  # 4 ใน 5 ตำบล: a part of the whole after it, its share not stated
            if is_ratio(d.text, part, whole) and whole.value and (id(d), part.span.start) not in used:
                found.append(_share(item_no, d, part, whole))
        for i, whole in enumerate(qs):
            if whole.per or not _WHOLE_CUE.search(d.text[max(0, whole.span.start - 14) : whole.span.start]):
                continue
            part = next((q for q in qs[i + 1 :] if q.unit_key == whole.unit_key), None)
            if part is None or part.per or part.value >= whole.value or whole.value == 0:
                continue
            if not _PART_CUE.search(d.text[max(0, part.span.start - 6) : part.span.start]):
                continue
            if (id(d), part.span.start) in used:
                continue
            found.append(_share(item_no, d, part, whole))
    return found


def _share(item_no, holder: Directive | Passage, part: Quantity, whole: Quantity) -> Check:
    """The share a part is of its whole, which the text does not state: a check that neither holds nor fails."""
    share = part.value / whole.value * 100
    return Check(
        item=item_no,
        kind="share",
        operands=(part.value, whole.value),
        total=None,
        actual=round(share, 4),
        holds=None,
        tolerance=0.0,
        statement=f"{_th(part)} จาก {_th(whole)} = {number(share, fixed=True)}%",
        statement_en=f"{_en(part)} of {_en(whole)} = {number(share, fixed=True)}%",
        unit="%",
        evidence=(whole.surface, part.surface),
        **_where(holder),
    )
