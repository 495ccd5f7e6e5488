"""Layout readers: a document's blocks -> its header lines and items, by the layout that fits best.

Three layouts are read, each by a module that is a :class:`~cddbrief.readers.base.LayoutReader`
(``NAME``, ``ceiling``, ``fit``, ``read``), listed in :data:`READERS`:

- ``table``: the Word table ที่ | ประเด็น | ข้อสั่งการ | หมายเหตุ (in a .docx, a
  text dump, a PDF or a web page);
- ``minutes``: รายงานการประชุม by agenda (ระเบียบวาระที่ 1 …), with sub-points
  and a มติที่ประชุม (resolution) per agenda item;
- ``prose``: a post on an office's web site: a headline naming the meeting,
  a first paragraph with its date, then numbered points, or paragraphs.

``narrative`` (a meeting told in paragraphs, with no numbered points) is not in the
registry and is no reader of its own: ``prose`` calls it, in its ``fit`` (is there a
sentence that tells of the meeting?) and in its ``read`` (the post's topic paragraphs
and their instructions), so what it reads is the ``prose`` layout; its ``split_topic``
also gives the topic of a prose point and of a minutes sub-topic.

``fit(doc)`` says how well a document fits (0 to 1, with the reason);
``read(doc, fit)`` reads it; ``ceiling(doc)`` is what ``fit`` could give at most,
from cheap signals only (a substring, a count), so that :func:`read_layout` asks
``fit`` only of readers that could still win: a Word table dumped to text is
never scanned line by line for a post's points or an agenda. The best fit reads;
a weak best fit is said in a warning note (every reader is then asked, to say
how well each fitted), and a document that fits none is one clear error, as is
one of more than ``MAX_ITEMS`` items (no reader cuts a list short).
"""

from __future__ import annotations

from pathlib import Path

from ..errors import NotAWriteUp, UnreadableSource
from ..model import Note
from ..sources.document import RawDocument
from . import minutes, prose, table
from .base import Fit, LayoutReader, Reading, clean_marks, infer_numbers, note_repeated_numbers, numbered
from .points import MAX_ITEMS

__all__ = [
    "NO_FIT",
    "READERS",
    "WEAK_FIT",
    "Fit",
    "LayoutReader",
    "Reading",
    "clean_marks",
    "infer_numbers",
    "note_repeated_numbers",
    "numbered",
    "read_layout",
    "readers",
]

READERS: tuple[LayoutReader, ...] = (table, minutes, prose)
"""The layout readers :func:`read_layout` chooses among, in order: on equal fit the first wins. A new
layout is one new module (a LayoutReader) and one entry here, with its ``NAME`` among the words of
``model.Layout`` (the JSON's ``source.layout``)."""

WEAK_FIT = 0.6  # below this the brief warns that the document was read as the layout that fitted best
NO_FIT = 0.3  # below this no layout is trusted to read the document


def readers() -> tuple[LayoutReader, ...]:
    """The layout readers, in the order they are chosen among (:data:`READERS`)."""
    return READERS


def read_layout(doc: RawDocument) -> tuple[Reading, Fit]:
    """Read a document with the layout reader that fits it best.

    >>> from cddbrief.sources import read_bytes
    >>> doc = read_bytes("ประชุมประจำเดือน ครั้งที่ 2/2565\\n1. กองทุนหมู่บ้าน ให้รายงานผล\\n".encode(), "x.txt")
    >>> reading, fit = read_layout(doc)
    >>> reading.layout, [item.topic for item in reading.items]
    ('prose', ['กองทุนหมู่บ้าน'])
    """
    fits = _fits(doc)
    module, best = max(fits, key=lambda pair: pair[1].score)  # max keeps the first of equals
    if best.score < WEAK_FIT:
        fits = _fits(doc, dict(fits))  # the note names every reader's fit, the refusal any reader's problem
    label = Path(doc.source.path).name
    if best.problem is not None and best.score >= NO_FIT:  # the layout it fits best knows it for no write-up
        raise NotAWriteUp(f"{label} {best.problem[0]}", best.problem[1])
    if best.score < NO_FIT:
        refusal = next((f.problem for _, f in fits if f.problem), None)
        if refusal:
            raise NotAWriteUp(f"{label} {refusal[0]}", refusal[1])
        raise NotAWriteUp(
            f"{label} is not a meeting write-up that cddbrief can read "
            "(no table of items, no numbered points, no agenda)",
            "give a summary with its table ที่ | ประเด็น | ข้อสั่งการ, numbered points, or ระเบียบวาระ items",
        )
    reading = module.read(doc, best)
    if len(reading.items) > MAX_ITEMS:
        raise UnreadableSource(
            f"{label} holds {len(reading.items):,} items ({module.NAME}), "
            f"more than the {MAX_ITEMS:,} cddbrief reads from one write-up",
            "check that the file is one meeting's write-up, or split it into one file per meeting",
        )
    if best.score < WEAK_FIT:
        others = ", ".join(f"{m.NAME} {f.score:.1f}" for m, f in fits if m is not module)
        reading.notes.insert(
            0,
            Note(
                "warning",
                f"the document fits no layout well; read as {module.NAME} ({best.reason}; fit {best.score:.1f}, "
                f"others: {others}): check the items against the original",
                th=f"เอกสารไม่ตรงกับรูปแบบใดชัดเจน จึงอ่านแบบ {module.NAME_TH} ({best.reason}) ควรตรวจรายการเทียบกับต้นฉบับ",
            ),
        )
    return reading, best


def _fits(doc: RawDocument, known: dict[LayoutReader, Fit] | None = None) -> list[tuple[LayoutReader, Fit]]:
    """The fits worth knowing, in reader order: a reader whose ceiling cannot beat the best
    fit so far is not asked (``known`` given: every reader is, reusing the fits in it)."""
    order = READERS
    if known is not None:
        return [(m, known[m] if m in known else m.fit(doc)) for m in order]
    ceilings = [m.ceiling(doc) for m in order]
    best, best_at = -1.0, len(order)
    fits = {}
    for at in sorted(range(len(order)), key=lambda i: -ceilings[i]):  # the most promising first
        if ceilings[at] < best or (ceilings[at] == best and at > best_at):
            continue  # cannot win: max keeps the first of equals
        fit = order[at].fit(doc)
        fits[at] = fit
        if fit.score > best or (fit.score == best and at < best_at):
            best, best_at = fit.score, at
    return [(order[at], fits[at]) for at in sorted(fits)]
