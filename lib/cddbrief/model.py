"""The structured meeting: plain dataclasses shared by every stage.

Nothing here parses; the parsing stages fill these in. ``Meeting.to_dict`` gives
the public JSON shape of ``cddbrief parse --json`` and ``Meeting.from_dict`` reads it
back; the record of each object is generated from its fields (``records``): each
class says only its keys' order (``json_order``) and, in a field's metadata, a key
that differs from the field's name or a value written another way.

Every closed set of words (a note's kind, a figure's role, a date's precision …)
is a ``Literal`` type: plain strings everywhere (in JSON, frames, templates),
checked when an object is made (against ``words`` of the type), so a misspelt
kind fails at once and says which words it may be.
"""

from __future__ import annotations

import typing
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar, Literal, NamedTuple

from .errors import BadModelValue
from .filekinds import NAMES as FILE_KINDS
from .records import from_dict, json_field, read_fields, to_dict

NoteKind = Literal["repair", "inferred", "merged", "skipped", "warning"]
BlockKind = Literal["paragraph", "list_item", "table"]
CheckKind = Literal["product", "ratio", "sum", "share"]
Layout = Literal["table", "prose", "minutes"]
SourceFormat = Literal[FILE_KINDS]  # "txt", "docx", "pdf", "html": the names of filekinds.KINDS
Role = Literal["total", "rate", "part", "share"]  # what a figure is: see Quantity
DateRole = Literal["original", "rescheduled"]  # the old and the new date of a reschedule
Precision = Literal["day", "month", "year"]
RecurrenceRule = Literal["monthly"]
# what a stretch of the document outside the directives is: see Passage
PassageKind = Literal["head", "meeting", "attendees", "topic", "reported", "remarks", "resolution", "page"]
Context = Literal["meeting", "reported", "asked", "decided"]  # what a figure or date was said as: see Passage
Cell = Literal["due"]  # a directive's own cell a date was read from, not its text: see Directive
# Where a figure, a date, a reschedule, a recurrence or a check stands in its meeting: the item, the directive, or
# the passage outside the directives (None outside a meeting). First in each one's JSON; tidy's frames begin with it.
PLACE = ("item", "directive", "passage")


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


def words(kind) -> frozenset[str]:
    """The words a Literal type allows.

    >>> sorted(words(Precision))
    ['day', 'month', 'year']
    """
    return frozenset(typing.get_args(kind))


NOTE_KINDS, BLOCK_KINDS, CHECK_KINDS = words(NoteKind), words(BlockKind), words(CheckKind)
LAYOUTS, SOURCE_FORMATS, ROLES, DATE_ROLES = words(Layout), words(SourceFormat), words(Role), words(DateRole)
PRECISIONS, RECURRENCE_RULES = words(Precision), words(RecurrenceRule)
PASSAGE_KINDS, CONTEXTS, CELLS = words(PassageKind), words(Context), words(Cell)


def refuse(obj, name: str, allowed: frozenset[str]) -> None:
    """Raise BadModelValue: a field of a model object holds a word outside its set.

    >>> Note("รายงาน", "อ่านเลขไทย")
    Traceback (most recent call last):
    ...
    cddbrief.errors.BadModelValue: 'รายงาน' is not a Note kind: use one of inferred, merged, repair, skipped, warning
    """
    raise BadModelValue(
        f"{getattr(obj, name)!r} is not a {type(obj).__name__} {name}", f"use one of {', '.join(sorted(allowed))}"
    )


@dataclass(frozen=True)
class Note:
    """What the parser repaired, inferred, merged or skipped.

    ``kind`` is one of: repair, inferred, merged, skipped, warning.
    """

    kind: NoteKind
    message: str
    item: int | None = None
    surface: str | None = None
    th: str = json_field("", key="message_th")  # the message in Thai, for Thai briefs

    json_order: ClassVar = ("kind", "message", "th", "item", "surface")

    def __post_init__(self):
        if self.kind not in NOTE_KINDS:
            refuse(self, "kind", NOTE_KINDS)


@dataclass(slots=True)
class Quantity:
    """A number with its Thai unit, and the text it came from.

    ``role`` says what the figure is, so that nothing adds unlike figures: ``total`` (an amount
    on its own: ``งบประมาณ 2,400,000 บาท``), ``rate`` (per unit: ``หมู่บ้านละ 20,000 บาท``),
    ``part`` (a part of a total stated beside it: ``จัดเก็บได้ 450`` of ``เป้าหมาย 500``,
    the figures listed after ``ประกอบด้วย``) or ``share`` (a percentage).

    >>> Quantity(value=12, unit="จังหวัด", unit_key="province", surface="12 จังหวัด").value
    12
    """

    value: float | int
    unit: str
    unit_key: str
    surface: str
    span: TextSpan = TextSpan(0, 0)  # where the surface stands in the directive text
    entity: str | None = None
    per: str | None = None
    repaired: bool = False
    item: int | None = json_field(None, omit_none=True)  # None outside a meeting (cddbrief extract)
    directive: int | None = json_field(None, omit_none=True)
    role: Role = "total"
    passage: int | None = json_field(None, omit_none=True)  # the passage outside the directives it was said in
    context: Context | None = json_field(None, omit_none=True)  # None outside a meeting

    json_order: ClassVar = (*PLACE, "context", "value", "unit", "unit_key", "entity", "per", "surface", "span",
                            "repaired", "role")  # fmt: skip

    def __post_init__(self):
        if self.role not in ROLES:
            refuse(self, "role", ROLES)
        if self.context is not None and self.context not in CONTEXTS:
            refuse(self, "context", CONTEXTS)


@dataclass(slots=True)
class DateSpan:
    """A date or a range of dates, Gregorian, with its precision.

    ``precision`` is day, month or year. ``year_inferred`` is true when no year
    was written next to the date. ``role`` is "original" for the old date of a
    reschedule and "rescheduled" for the new one. ``cell`` is ``due`` for a date read from
    its directive's deadline column (``Directive.due``, the text its span stands in).
    """

    start: date | None
    end: date | None
    precision: Precision
    surface: str
    span: TextSpan = TextSpan(0, 0)  # where the surface stands in the directive text (start and end are days)
    year_inferred: bool = False
    repaired: bool = False
    role: DateRole | None = None
    item: int | None = json_field(None, omit_none=True)  # None outside a meeting (cddbrief extract)
    directive: int | None = json_field(None, omit_none=True)
    passage: int | None = json_field(None, omit_none=True)  # the passage outside the directives it was said in
    context: Context | None = json_field(None, omit_none=True)  # None outside a meeting
    cell: Cell | None = json_field(None, omit_none=True)  # due: the span stands in the directive's deadline cell

    json_order: ClassVar = (*PLACE, "context", "start", "end", "precision", "year_inferred", "repaired", "role",
                            "surface", "span", "cell")  # fmt: skip

    def __post_init__(self):
        if self.precision not in PRECISIONS:
            refuse(self, "precision", PRECISIONS)
        if self.role is not None and self.role not in DATE_ROLES:
            refuse(self, "role", DATE_ROLES)
        if self.context is not None and self.context not in CONTEXTS:
            refuse(self, "context", CONTEXTS)
        if self.cell is not None and self.cell not in CELLS:
            refuse(self, "cell", CELLS)

    @property
    def when(self) -> date | None:
        """The day a reader plans by: the start, or for a year-to-day window its last day."""
        return self.end if self.precision == "year" else self.start


def days_of(span: DateSpan) -> list[str | None]:
    """The first and last day of a date as JSON: ISO strings, or None for a date without a year.

    >>> days_of(DateSpan(date(2023, 2, 9), date(2023, 2, 10), "day", "9-10 ก.พ. 66"))
    ['2023-02-09', '2023-02-10']
    >>> days_of(DateSpan(None, None, "day", "9 ก.พ."))
    [None, None]
    """
    return [span.start.isoformat() if span.start else None, span.end.isoformat() if span.end else None]


@dataclass(slots=True)
class Reschedule:
    """``เดิมกำหนด X … กำหนดเป็น Y``: X was moved to Y.

    In JSON a reschedule gives the days of its dates (``from``, ``to``) and their
    surfaces; the dates themselves are among its directive's dates.
    """

    old: DateSpan = json_field(key="from", encode=days_of)
    new: DateSpan = json_field(key="to", encode=days_of)
    item: int | None = None
    directive: int | None = None
    passage: int | None = json_field(None, omit_none=True)

    json_order: ClassVar = (*PLACE, "old", "new", "surface")

    @property
    def surface(self) -> tuple[str, str]:
        """The old and the new date as written."""
        return self.old.surface, self.new.surface


@dataclass(slots=True)
class Recurrence:
    """``ทุกวันที่ 25 ของเดือน``: monthly on a day, from a first date if given; ``cell`` as a date's."""

    rule: RecurrenceRule
    day: int
    first: date | None
    surface: str
    item: int | None = json_field(None, omit_none=True)  # None outside a meeting (cddbrief extract)
    directive: int | None = json_field(None, omit_none=True)
    passage: int | None = json_field(None, omit_none=True)
    cell: Cell | None = json_field(None, omit_none=True)  # due: written in the directive's deadline cell

    json_order: ClassVar = (*PLACE, "rule", "day", "first", "surface", "cell")

    def __post_init__(self):
        if self.rule not in RECURRENCE_RULES:
            refuse(self, "rule", RECURRENCE_RULES)
        if self.cell is not None and self.cell not in CELLS:
            refuse(self, "cell", CELLS)


@dataclass
class Directive:
    """One instruction inside an item's ข้อสั่งการ cell, its ``text`` as written there.

    A table with a responsible or a deadline column gives each directive of a row that row's cells:
    ``responsible`` (who acts, as written) and ``due`` (by when, as written); the dates read from
    ``due`` are among ``dates``, marked ``cell="due"``, their spans in ``due``. Both are left out of
    the JSON where a table has no such column.

    >>> d = Directive(1, "ให้เปิดศูนย์ไกล่เกลี่ยหนี้", responsible="ปจ. / นายอำเภอ", due="ภายใน 15 ก.พ. 67")
    >>> d.text, d.responsible, d.due
    ('ให้เปิดศูนย์ไกล่เกลี่ยหนี้', 'ปจ. / นายอำเภอ', 'ภายใน 15 ก.พ. 67')
    """

    no: int
    text: str
    label: str | None = None  # numbering as written ("1.", "(2)", "-"), None if unnumbered
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateSpan] = field(default_factory=list)
    reschedules: list[Reschedule] = field(default_factory=list)
    recurrences: list[Recurrence] = field(default_factory=list)
    responsible: str | None = json_field(None, omit_none=True)  # the row's ผู้รับผิดชอบ cell
    due: str | None = json_field(None, omit_none=True)  # the row's กำหนดเสร็จ (กำหนดส่ง …) cell

    json_order: ClassVar = ("no", "label", "text", "responsible", "due")  # figures and dates: the meeting's lists


def said_in(holder: Directive | Passage, found: DateSpan | Quantity) -> str:
    """The text a figure's or a date's span stands in: its directive's or passage's text, or for a
    date of a deadline column the directive's ``due`` cell.

    >>> d = Directive(1, "ให้รายงานผล", due="ภายใน 15 ก.พ. 67")
    >>> said_in(d, DateSpan(date(2024, 2, 15), date(2024, 2, 15), "day", "15 ก.พ. 67", TextSpan(6, 16), cell="due"))
    'ภายใน 15 ก.พ. 67'
    """
    return (getattr(holder, "due", None) or "") if getattr(found, "cell", None) == "due" else holder.text


@dataclass
class Item:
    """One agenda row: ที่ | ประเด็น | ข้อสั่งการ | หมายเหตุ.

    ``no`` runs 1, 2, 3 … in document order. Minutes say how the agenda numbers the item
    (``label``: ``4`` for ระเบียบวาระที่ 4, ``4.1`` for its first sub-topic) and, for a
    sub-topic, the agenda heading it stands under (``agenda``); both are left out of the
    JSON where a layout has none.

    >>> Item(5, "กองทุนหมู่บ้าน", label="4.1", agenda="ระเบียบวาระที่ 4 เรื่องเพื่อพิจารณา").label
    '4.1'
    """

    no: int
    topic: str
    directives: list[Directive] = field(default_factory=list)
    remarks: str = ""
    inferred: bool = False
    merged_rows: int = 1
    resolution: str = ""  # มติที่ประชุม, in minutes
    label: str | None = json_field(None, omit_none=True)  # the agenda's own numbering, in minutes: 4, 4.1
    agenda: str | None = json_field(None, omit_none=True)  # a sub-topic's agenda heading, in minutes

    json_order: ClassVar = (
        "no",
        "label",
        "inferred",
        "topic",
        "agenda",
        "remarks",
        "merged_rows",
        "resolution",
        "directives",
    )


@dataclass
class Passage:
    """A stretch of the document outside the items' directives: the whole document is the meeting.

    ``kind`` says what it is: ``head`` (a title or office line), ``meeting`` (the sentence that
    names the meeting: its number, date, chair, place), ``attendees``, ``topic`` (an item's topic
    line where it says more than a name: ``มีผู้ผ่านการคัดเลือก 5 ราย``), ``reported`` (what was
    reported, of an item or of the meeting), ``remarks`` (a table's หมายเหตุ), ``resolution``
    (มติที่ประชุม) or ``page`` (the page's own lines: a banner or publication date, credits, view
    counts; their figures are not read).
    ``item`` is the item it belongs to, if any. Its figures and dates have spans in its ``text``,
    and a ``context`` each: what they were said as (``meeting``: about the meeting itself,
    ``reported``, ``asked``, ``decided``); a directive's have one too.

    >>> Passage(1, "meeting", "วันที่ 20 มีนาคม 2566 ณ ห้องประชุมอำเภอ").kind
    'meeting'
    """

    no: int
    kind: PassageKind
    text: str
    item: int | None = None
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateSpan] = field(default_factory=list)
    reschedules: list[Reschedule] = field(default_factory=list)
    recurrences: list[Recurrence] = field(default_factory=list)

    json_order: ClassVar = ("no", "kind", "item", "text")  # the figures and dates are the meeting's lists

    def __post_init__(self):
        if self.kind not in PASSAGE_KINDS:
            refuse(self, "kind", PASSAGE_KINDS)


@dataclass(frozen=True)
class Check:
    """Arithmetic between figures of one meeting, with its evidence.

    ``kind`` is product (count × rate = total), ratio (part ÷ whole = stated %),
    sum (parts add up to a stated total) or share (a derived percentage: no
    stated figure to hold against, so ``holds`` is None).
    """

    item: int | None  # None for figures of the meeting's head
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
    passage: int | None = json_field(None, omit_none=True)  # the figures are a passage's, not a directive's

    json_order: ClassVar = (*PLACE, "kind", "operands", "total", "actual", "holds", "tolerance", "unit", "statement",
                            "statement_en", "evidence", "labels")  # fmt: skip

    def __post_init__(self):
        if self.kind not in CHECK_KINDS:
            refuse(self, "kind", CHECK_KINDS)


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
        if self.kind not in BLOCK_KINDS:
            refuse(self, "kind", BLOCK_KINDS)


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
        if self.format not in SOURCE_FORMATS:
            refuse(self, "format", SOURCE_FORMATS)
        if self.layout is not None and self.layout not in LAYOUTS:
            refuse(self, "layout", LAYOUTS)


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
    published: date | None = None  # a page's publication or print date, never the meeting's
    passages: list[Passage] = field(default_factory=list)

    json_order: ClassVar = (
        "id",
        "number",
        "year_be",
        "year_ce",
        "title",
        "office",
        "district",
        "province",
        "province_en",
        "meeting_date",
        "published",
        "chair",
        "place",
    )

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
        said = [holder for _, holder in self.holders()]
        return {
            "items": len(self.items),
            "directives": len(pairs),
            "figures": sum(len(h.quantities) for h in said),
            "dated": sum(len(h.dates) for h in said),
            "checks": len(self.checks),
            "failing": sum(1 for c in self.checks if c.holds is False),
            "notes": len(self.notes),
        }

    def directives(self):
        """Yield (item, directive) pairs in document order."""
        for item in self.items:
            for directive in item.directives:
                yield item, directive

    def holders(self):
        """Yield (item or None, directive or passage): everything that holds figures and dates,
        the directives first, then the passages (a passage's item, if it belongs to one).

        >>> m = Meeting(None, None, "", "", None, None, None, Source("x.txt", "0" * 64, "txt", None),
        ...             [Item(1, "ผ้าไทย", [Directive(1, "แจกผ้า")])], passages=[Passage(1, "meeting", "วันที่ 9 ก.พ. 66")])
        >>> [(item and item.no, type(h).__name__) for item, h in m.holders()]
        [(1, 'Directive'), (None, 'Passage')]
        """
        yield from self.directives()
        by_no = {item.no: item for item in self.items}
        for passage in self.passages:
            yield by_no.get(passage.item) if passage.item is not None else None, passage

    def to_dict(self) -> dict:
        """The public JSON shape (see README, `cddbrief parse --json`): the meeting's record, its
        source, its items and passages, then what its directives and passages hold as lists of
        their own (a passage's records name it: ``passage``), checks and notes."""
        holders = [h for _, h in self.holders()]
        return {
            "meeting": to_dict(self),
            "source": to_dict(self.source),
            "items": [to_dict(item) for item in self.items],
            "passages": [to_dict(p) for p in self.passages],
            **{name: [to_dict(found) for h in holders for found in getattr(h, name)] for name in FIGURE_LISTS},
            "checks": [to_dict(c) for c in self.checks],
            "notes": [to_dict(n) for n in self.notes],
        }

    @classmethod
    def from_dict(cls, data: dict) -> Meeting:
        """The meeting a ``to_dict`` gives back, each figure, date, reschedule and recurrence in its directive.

        >>> m = Meeting(7, 2566, "ประชุมประจำเดือน", "สำนักงานพัฒนาชุมชนอำเภอทุ่งหัวช้าง", "ทุ่งหัวช้าง", "ลำพูน",
        ...             "Lamphun", Source("x.txt", "0" * 64, "txt", "utf-8", "prose"),
        ...             [Item(1, "ผ้าไทย", [Directive(1, "แจกผ้า 25 ผืน")])])
        >>> Meeting.from_dict(m.to_dict()) == m
        True
        """
        lists = {name: _Unplaced(name, [r for r in data[name] if "passage" not in r]) for name in FIGURE_LISTS}
        of_passages = {name: [r for r in data[name] if "passage" in r] for name in FIGURE_LISTS}
        written = Counter((item["no"], d["no"]) for item in data["items"] for d in item["directives"])
        items = []
        for record in data["items"]:
            directives = []
            for d in record["directives"]:
                place = (record["no"], d["no"])
                found = {name: found.take(place, d, shared=written[place] > 1) for name, found in lists.items()}
                dates = [from_dict(DateSpan, r) for r in found["dates"]]
                directives.append(Directive(
                    **read_fields(Directive, d),
                    quantities=[from_dict(Quantity, r) for r in found["quantities"]],
                    dates=dates,
                    reschedules=[_reschedule(r, dates) for r in found["reschedules"]],
                    recurrences=[from_dict(Recurrence, r) for r in found["recurrences"]],
                ))  # fmt: skip
            items.append(Item(**read_fields(Item, record, leave=("directives",)), directives=directives))
        for found in lists.values():
            found.check_all_placed()
        passages = [_passage(record, of_passages) for record in data.get("passages", [])]
        unplaced = [
            r for records in of_passages.values() for r in records if r["passage"] not in {p.no for p in passages}
        ]
        if unplaced:
            raise BadModelValue(
                f"the record {unplaced[0]} names a passage the meeting does not hold",
                "give the record as to_dict wrote it",
            )
        return cls(
            **read_fields(cls, data["meeting"], leave=("passages",)),
            source=from_dict(Source, data["source"]),
            items=items,
            passages=passages,
            notes=[from_dict(Note, n) for n in data["notes"]],
            checks=[from_dict(Check, c) for c in data["checks"]],
        )


FIGURE_LISTS = (
    "quantities",
    "dates",
    "reschedules",
    "recurrences",
)  # what directives hold, listed by the meeting in its JSON


def _passage(record: dict, lists: dict[str, list[dict]]) -> Passage:
    """A passage's record back, with the figures and dates of the meeting's lists that name it."""
    found = {name: [r for r in records if r["passage"] == record["no"]] for name, records in lists.items()}
    dates = [from_dict(DateSpan, r) for r in found["dates"]]
    return Passage(
        **read_fields(Passage, record),
        quantities=[from_dict(Quantity, r) for r in found["quantities"]],
        dates=dates,
        reschedules=[_reschedule(r, dates) for r in found["reschedules"]],
        recurrences=[from_dict(Recurrence, r) for r in found["recurrences"]],
    )


def _reschedule(record: dict, dates: list[DateSpan]) -> Reschedule:
    """A reschedule's record back: its old and new dates are those of its directive it names."""

    def the_date(role: str, days: list, surface: str) -> DateSpan:
        found = next((s for s in dates if s.role == role and days_of(s) == days and s.surface == surface), None)
        if found is None:
            raise BadModelValue(
                f"a reschedule names the {role} date '{surface}', which its directive does not hold",
                "give the record as to_dict wrote it",
            )
        return found

    old = the_date("original", record["from"], record["surface"][0])
    new = the_date("rescheduled", record["to"], record["surface"][1])
    return Reschedule(old, new, record["item"], record["directive"], record.get("passage"))


class _Unplaced:
    """The records of one of a meeting's lists (quantities, dates …), taken in order by the directives they belong to.

    The lists are in document order, so each directive takes the records from where the one
    before stopped, as long as they name it (item and directive numbers). Where two directives
    share their numbers (an item number written twice), a record goes to the first whose text
    holds its surface.
    """

    def __init__(self, name: str, records: list[dict]):
        self.name, self.records, self.next = name, records, 0

    def take(self, place: tuple[int, int], directive: dict, shared: bool) -> list[dict]:
        """The records of the directive at place (item and directive numbers) whose record is given;
        ``shared``: another directive has the same numbers."""
        start = self.next
        while self.next < len(self.records):
            record = self.records[self.next]
            if (record["item"], record["directive"]) != place or (shared and not _holds(directive, record)):
                break
            self.next += 1
        return self.records[start : self.next]

    def check_all_placed(self) -> None:
        if self.next < len(self.records):
            record = self.records[self.next]
            raise BadModelValue(
                f"the {self.name} record {record} names no directive in its place",
                "give the record as to_dict wrote it",
            )


def _holds(directive: dict, record: dict) -> bool:
    """Whether a directive's record holds a record's surface (where its span says, if it has one) in its text,
    or in its deadline cell for a record of that cell."""
    text = (directive.get("due") or "") if record.get("cell") == "due" else directive["text"]
    if "span" in record:
        return text[record["span"][0] : record["span"][1]] == record["surface"]
    surfaces = record["surface"] if isinstance(record["surface"], list) else [record["surface"]]  # a reschedule's two
    return all(surface in text for surface in surfaces)
