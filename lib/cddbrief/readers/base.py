"""What every layout reader shares: its contract (:class:`LayoutReader`), the Fit it gives, the
Reading it returns, and the small steps all of them take (marks cleaned, directives numbered, item
numbers inferred). A module of its own, so the readers and the package that picks among them do not
import each other."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from ..model import Directive, Item, Layout, Note
from ..sources.document import RawDocument
from ..thaitext import drop_stray_marks


@dataclass
class Fit:
    """How well a document fits a layout, and why."""

    score: float
    reason: str
    state: object = None  # what the reader worked out while judging, handed back to its read()
    problem: tuple[str, str] | None = None  # (what is wrong, what to do) when the document nearly fits


@dataclass
class Reading:
    """What a layout reader read: the lines that head the document, and the items."""

    layout: Layout
    header: list[str]
    items: list[Item]
    notes: list[Note] = field(default_factory=list)
    whole_header: bool = True  # the header lines are a title block (a table's), not sentences
    # the document outside the items' directives as (kind, text, item): None lets the meeting make
    # them from the header lines (each line's kind: passages.kind_of); remarks and resolutions are
    # the items' own and never listed here
    passages: list[tuple[str, str, int | None]] | None = None


@runtime_checkable
class LayoutReader(Protocol):
    """A layout reader: a module (``table``, ``minutes``, ``prose``) with these names.

    ``ceiling(doc)`` is the most ``fit`` could give, from cheap signals only (a substring, a count), so
    that a reader that cannot win is never asked to fit; ``fit(doc)`` says how well the document fits
    (0 to 1, with the reason, and what it worked out in ``Fit.state``); ``read(doc, fit)`` reads the
    document with that fit. ``NAME`` is the layout's word in the model (``source.layout``), ``NAME_TH``
    its Thai name in notes.

    >>> from cddbrief.readers import minutes
    >>> isinstance(minutes, LayoutReader), minutes.NAME
    (True, 'minutes')
    """

    NAME: Layout
    NAME_TH: str

    def ceiling(self, doc: RawDocument) -> float: ...

    def fit(self, doc: RawDocument) -> Fit: ...

    def read(self, doc: RawDocument, fit: Fit) -> Reading: ...


def clean_marks(text: str, notes: list[Note]) -> str:
    """Drop Thai marks that sit on no letter, with a note for each."""
    cleaned, dropped = drop_stray_marks(text)
    for what in dropped:
        following = what[1:] or "the text"
        notes.append(
            Note(
                "repair",
                f"a stray Thai mark before '{following}' was dropped",
                surface=what,
                th=f"ตัดเครื่องหมายสระหรือวรรณยุกต์ที่ไม่มีพยัญชนะรองรับหน้า '{following}' ออก",
            )
        )
    return cleaned


def numbered(directives: list[tuple[str | None, str]]) -> list[Directive]:
    """An item's directives from their (label, text) as written, numbered 1, 2, … in that order.

    >>> [(d.no, d.label, d.text) for d in numbered([("ก.", "ให้ตำบลรายงาน"), (None, "ส่งภายในเดือนนี้")])]
    [(1, 'ก.', 'ให้ตำบลรายงาน'), (2, None, 'ส่งภายในเดือนนี้')]
    """
    return [Directive(no, text, label) for no, (label, text) in enumerate(directives, start=1)]


def infer_numbers(written: list[int | None], topics: list[str], notes: list[Note]) -> list[int]:
    """The items' numbers: each as written, or for one without, the number its neighbours imply (said in a note).

    >>> notes = []
    >>> infer_numbers([1, None, 3], ["ผ้าไทย", "ตลาดนัดชุมชน", "ศูนย์เรียนรู้"], notes), [n.kind for n in notes]
    ([1, 2, 3], ['inferred'])
    """
    numbers: list[int] = []
    for index, number in enumerate(written):
        if number is not None:
            numbers.append(number)
            continue
        after: tuple[int, int] | None = next(
            ((j_number, j - index) for j in range(index + 1, len(written)) if (j_number := written[j]) is not None),
            None,
        )
        if index:
            number = numbers[index - 1] + 1
        elif after is not None:
            number = max(1, after[0] - after[1])
        else:
            number = index + 1
        if after is not None and after[0] != number + after[1]:
            notes.append(
                Note(
                    "warning",
                    f"item number {number} was inferred, but the next written number ({after[0]}) does not follow on",
                    item=number,
                    th=f"ลำดับที่ {number} อนุมานขึ้น แต่ลำดับถัดไปที่เขียนไว้ ({after[0]}) ไม่ต่อเนื่องกัน",
                )
            )
        notes.append(
            Note(
                "inferred",
                f"item number {number} ({topics[index]}) is missing and was inferred from its neighbours",
                item=number,
                th=f"ประเด็น '{topics[index]}' ไม่มีลำดับที่ จึงอนุมานเป็นข้อ {number} จากข้อใกล้เคียง",
            )
        )
        numbers.append(number)
    return numbers


def note_repeated_numbers(numbers: list[int], notes: list[Note]) -> None:
    """A warning for each item number that more than one item uses."""
    seen: dict[int, int] = {}
    for number in numbers:
        seen[number] = seen.get(number, 0) + 1
    for number, count in seen.items():
        if count > 1:
            notes.append(
                Note(
                    "warning",
                    f"item number {number} is used by {count} items with different topics",
                    item=number,
                    th=f"ลำดับที่ {number} ถูกใช้กับ {count} ข้อที่ประเด็นต่างกัน",
                )
            )
