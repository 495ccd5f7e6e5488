"""The structured meeting: plain dataclasses shared by every stage.

Nothing here parses; the parsing stages fill these in. ``to_dict`` gives the
public JSON shape of ``cddbrief parse --json``.

Every closed set of words (a note's kind, a figure's role, a date's precision …)
is a ``Literal`` type: plain strings everywhere (in JSON, frames, templates),
checked when an object is made, so a misspelt kind fails at once and says
which words it may be.
"""

from __future__ import annotations

import typing
from dataclasses import asdict, dataclass, field, fields
from datetime import date
from typing import Literal, NamedTuple

from .errors import BadModelValue

NoteKind = Literal["repair", "inferred", "merged", "skipped", "warning"]
BlockKind = Literal["paragraph", "list_item", "table"]
CheckKind = Literal["product", "ratio", "sum", "share"]
Layout = Literal["table", "prose", "minutes"]
SourceFormat = Literal["txt", "docx", "pdf", "html"]
Role = Literal["total", "rate", "part", "share"]  # what a figure is: see Quantity
DateRole = Literal["original", "rescheduled"]  # the old and the new date of a reschedule
Precision = Literal["day", "month", "year"]
RecurrenceRule = Literal["monthly"]

class TextSpan(NamedTuple):
    """Where a surface stands in its text: character offsets, ``start`` included, ``end`` not.

    Every character span of the model is one (a figure's, a date's), named ``span``
    as in the JSON, where it is written ``[start, end]``.

    >>> text = "ให้อำเภอรายงานผล 14 ตำบล"
    >>> span = TextSpan(17, 24)
    >>> text[span.start : span.end], span.of(text)
    ('14 ตำบล', '14 ตำบล')
    """

    start: int
    end: int

    def of(self, text: str) -> str:
        """The characters of text within the span."""
        return text[self.start : self.end]


_CHOICES: dict[type, list[tuple[str, frozenset, bool]]] = {}


def choices_of(cls: type) -> list[tuple[str, frozenset, bool]]:
    """(field, the words it may hold, whether None may stand for none) of each Literal-typed field.

    >>> name, words, optional = choices_of(DateSpan)[1]
    >>> name, sorted(words), optional
    ('role', ['original', 'rescheduled'], True)
    """
    known = _CHOICES.get(cls)
    if known is None:
        known = []
        hints = typing.get_type_hints(cls)
        for f in fields(cls):
            hint = hints[f.name]
            optional = type(None) in typing.get_args(hint)
            literal = next((h for h in (hint, *typing.get_args(hint)) if typing.get_origin(h) is Literal), None)
            if literal is not None:
                known.append((f.name, frozenset(typing.get_args(literal)), optional))
        _CHOICES[cls] = known
    return known


def check_choices(obj) -> None:
    """Raise BadModelValue when a Literal-typed field of a model object holds a word outside its set.

    >>> Note("รายงาน", "x")
    Traceback (most recent call last):
    ...
    cddbrief.errors.BadModelValue: 'รายงาน' is not a Note kind: use one of inferred, merged, repair, skipped, warning
    """
    for name, allowed, optional in _CHOICES.get(type(obj)) or choices_of(type(obj)):
        value = getattr(obj, name)
        if value not in allowed and (value is not None or not optional):
            raise BadModelValue(f"{value!r} is not a {type(obj).__name__} {name}", f"use one of {', '.join(sorted(allowed))}")


@dataclass(frozen=True)
class Note:
    """What the parser repaired, inferred, merged or skipped.

    ``kind`` is one of: repair, inferred, merged, skipped, warning.
    """

    kind: NoteKind
    message: str
    item: int | None = None
    surface: str | None = None
    th: str = ""  # the message in Thai, for Thai briefs

    def __post_init__(self):
        check_choices(self)


@dataclass(slots=True)
class Quantity:
    """A number with its Thai unit, and the text it came from.

    ``role`` says what the figure is, so that nothing adds unlike figures: ``total`` (an amount
    on its own: ``งบประมาณ 2,400,000 บาท``), ``rate`` (per unit: ``หมู่บ้านละ 20,000 บาท``),
    ``part`` (a part of a total stated beside it: ``จัดเก็บได้ 450`` of ``เป้าหมาย 500``,
    the figures listed after ``ประกอบด้วย``) or ``share`` (a percentage).

    >>> Quantity(value=76, unit="จังหวัด", unit_key="province", surface="76 จังหวัด").value
    76
    """

    value: float | int
    unit: str
    unit_key: str
    surface: str
    span: TextSpan = TextSpan(0, 0)  # where the surface stands in the directive text
    entity: str | None = None
    per: str | None = None
    repaired: bool = False
    item: int | None = None
    directive: int | None = None
    role: Role = "total"

    def __post_init__(self):
        check_choices(self)


@dataclass(slots=True)
class DateSpan:
    """A date or a range of dates, Gregorian, with its precision.

    ``precision`` is day, month or year. ``year_inferred`` is true when no year
    was written next to the date. ``role`` is "original" for the old date of a
    reschedule and "rescheduled" for the new one.
    """

    start: date | None
    end: date | None
    precision: Precision
    surface: str
    span: TextSpan = TextSpan(0, 0)  # where the surface stands in the directive text (start and end are days)
    year_inferred: bool = False
    repaired: bool = False
    role: DateRole | None = None
    item: int | None = None
    directive: int | None = None

    def __post_init__(self):
        check_choices(self)

    @property
    def when(self) -> date | None:
        """The day a reader plans by: the start, or for a year-to-day window its last day."""
        return self.end if self.precision == "year" else self.start


@dataclass(slots=True)
class Reschedule:
    """``เดิมกำหนด X … กำหนดเป็น Y``: X was moved to Y."""

    old: DateSpan
    new: DateSpan
    item: int | None = None
    directive: int | None = None


@dataclass(slots=True)
class Recurrence:
    """``ทุกวันที่ 25 ของเดือน``: monthly on a day, from a first date if given."""

    rule: RecurrenceRule
    day: int
    first: date | None
    surface: str
    item: int | None = None
    directive: int | None = None

    def __post_init__(self):
        check_choices(self)


@dataclass
class Directive:
    """One instruction inside an item's ข้อสั่งการ cell."""

    no: int
    text: str
    label: str | None = None  # numbering as written ("1.", "(2)", "-"), None if unnumbered
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateSpan] = field(default_factory=list)
    reschedules: list[Reschedule] = field(default_factory=list)
    recurrences: list[Recurrence] = field(default_factory=list)


@dataclass
class Item:
    """One agenda row: ที่ | ประเด็น | ข้อสั่งการ | หมายเหตุ."""

    no: int
    topic: str
    directives: list[Directive] = field(default_factory=list)
    remarks: str = ""
    inferred: bool = False
    merged_rows: int = 1
    resolution: str = ""  # มติที่ประชุม, in minutes


@dataclass(frozen=True)
class Check:
    """Arithmetic between figures of one meeting, with its evidence.

    ``kind`` is product (count × rate = total), ratio (part ÷ whole = stated %),
    sum (parts add up to a stated total) or share (a derived percentage: no
    stated figure to hold against, so ``holds`` is None).
    """

    item: int
    kind: CheckKind
    operands: tuple[float, ...]
    total: float | None  # the stated figure the operands should give
    actual: float  # what the operands give
    holds: bool | None
    tolerance: float
    statement: str
    statement_en: str = ""
    unit: str = ""
    evidence: tuple[str, ...] = ()
    directive: int | None = None
    labels: tuple[str, ...] = ()  # what each operand counts, where the text names it (sum parts)

    def __post_init__(self):
        check_choices(self)


@dataclass(slots=True)
class Block:
    """One piece of a document as read, whatever the file kind.

    ``kind`` is ``paragraph`` (a line of a text dump, a Word or HTML paragraph, a
    line of a PDF page), ``list_item`` (a paragraph the file itself numbers:
    Word's automatic numbering, an HTML ``<li>``; ``label`` holds the number as
    it would print, ``1.`` or ``(ก)``) or ``table`` (``rows`` of cell texts,
    paragraphs of a cell joined by newlines). ``page`` is the page of a PDF.

    >>> Block("list_item", "ให้จังหวัดรายงานผล", label="1.").label
    '1.'
    """

    kind: BlockKind
    text: str = ""
    label: str | None = None
    level: int = 0
    rows: list[list[str]] | None = None
    page: int | None = None

    def __post_init__(self):
        check_choices(self)


@dataclass(frozen=True)
class Source:
    """Where a meeting came from: file, checksum, format (txt, docx, pdf, html), encoding.

    ``layout`` is how it was read (table, prose, minutes), set by the reader chosen.
    """

    path: str
    sha256: str
    format: SourceFormat
    encoding: str | None
    layout: Layout | None = None

    def __post_init__(self):
        check_choices(self)


@dataclass
class Meeting:
    """A meeting summary read into structure."""

    number: int | None
    year_be: int | None
    title: str
    office: str
    district: str | None
    province: str | None
    province_en: str | None
    source: Source
    items: list[Item] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    meeting_date: date | None = None
    chair: str | None = None
    place: str | None = None

    @property
    def year_ce(self) -> int | None:
        return self.year_be - 543 if self.year_be else None

    @property
    def id(self) -> str | None:
        """Sortable meeting id: ``2562-04``."""
        if self.number is None or self.year_be is None:
            return None
        return f"{self.year_be}-{self.number:02d}"

    def counts(self) -> dict[str, int]:
        """How much the meeting holds: items, directives, figures, dated mentions, checks, failing, notes."""
        pairs = list(self.directives())
        return {
            "items": len(self.items),
            "directives": len(pairs),
            "figures": sum(len(d.quantities) for _, d in pairs),
            "dated": sum(len(d.dates) for _, d in pairs),
            "checks": len(self.checks),
            "failing": sum(1 for c in self.checks if c.holds is False),
            "notes": len(self.notes),
        }

    def directives(self):
        """Yield (item, directive) pairs in document order."""
        for item in self.items:
            for directive in item.directives:
                yield item, directive

    def to_dict(self) -> dict:
        """The public JSON shape (see README, `cddbrief parse --json`)."""
        return {
            "meeting": {
                "id": self.id,
                "number": self.number,
                "year_be": self.year_be,
                "year_ce": self.year_ce,
                "title": self.title,
                "office": self.office,
                "district": self.district,
                "province": self.province,
                "province_en": self.province_en,
                "meeting_date": _iso(self.meeting_date),
                "chair": self.chair,
                "place": self.place,
            },
            "source": asdict(self.source),
            "items": [
                {
                    "no": item.no,
                    "inferred": item.inferred,
                    "topic": item.topic,
                    "remarks": item.remarks,
                    "merged_rows": item.merged_rows,
                    "resolution": item.resolution,
                    "directives": [
                        {"no": d.no, "label": d.label, "text": d.text} for d in item.directives
                    ],
                }
                for item in self.items
            ],
            "quantities": [quantity_dict(q) for _, d in self.directives() for q in d.quantities],
            "dates": [date_dict(s) for _, d in self.directives() for s in d.dates],
            "reschedules": [
                {
                    "item": r.item,
                    "directive": r.directive,
                    "from": [_iso(r.old.start), _iso(r.old.end)],
                    "to": [_iso(r.new.start), _iso(r.new.end)],
                    "surface": [r.old.surface, r.new.surface],
                }
                for _, d in self.directives()
                for r in d.reschedules
            ],
            "recurrences": [
                {
                    "item": r.item,
                    "directive": r.directive,
                    "rule": r.rule,
                    "day": r.day,
                    "first": _iso(r.first),
                    "surface": r.surface,
                }
                for _, d in self.directives()
                for r in d.recurrences
            ],
            "checks": [
                {
                    "item": c.item,
                    "directive": c.directive,
                    "kind": c.kind,
                    "operands": list(c.operands),
                    "total": c.total,
                    "actual": c.actual,
                    "holds": c.holds,
                    "tolerance": c.tolerance,
                    "unit": c.unit,
                    "statement": c.statement,
                    "statement_en": c.statement_en,
                    "evidence": list(c.evidence),
                    "labels": list(c.labels),
                }
                for c in self.checks
            ],
            "notes": [
                {"kind": n.kind, "message": n.message, "message_th": n.th, "item": n.item, "surface": n.surface}
                for n in self.notes
            ],
        }


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def quantity_dict(q: Quantity) -> dict:
    return {
        "item": q.item,
        "directive": q.directive,
        "value": q.value,
        "unit": q.unit,
        "unit_key": q.unit_key,
        "entity": q.entity,
        "per": q.per,
        "surface": q.surface,
        "span": list(q.span),
        "repaired": q.repaired,
        "role": q.role,
    }


def date_dict(s: DateSpan) -> dict:
    return {
        "item": s.item,
        "directive": s.directive,
        "start": _iso(s.start),
        "end": _iso(s.end),
        "precision": s.precision,
        "year_inferred": s.year_inferred,
        "repaired": s.repaired,
        "role": s.role,
        "surface": s.surface,
        "span": list(s.span),
    }
