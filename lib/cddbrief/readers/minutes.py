"""Minutes by agenda (รายงานการประชุม): ระเบียบวาระที่ 1 … with sub-points and a resolution each.

The head holds the title with ``ครั้งที่ N/YYYY``, the date, the place and the
attendees (a numbered list of people: not items). Each ``ระเบียบวาระที่ N`` is an
item whose topic is its title; its ``N.M`` sub-points are its directives (or,
without them, its paragraphs); ``มติที่ประชุม`` is its resolution; ``- ไม่มี -`` leaves
it empty. Reading stops at ``เลิกประชุม`` / ``ปิดประชุม``; the signatures after are not read.
"""

from __future__ import annotations

import re

from ..model import Item, Note
from ..thaitext import collapse, to_arabic_digits
from .base import Fit, Reading, clean_marks, note_repeated_numbers, numbered
from .points import Line, lines_of

NAME = "minutes"
NAME_TH = "รายงานการประชุมตามระเบียบวาระ"

AGENDA = re.compile(r"^\s*(?:ระเบียบ\s*)?วาระ\s*ที่\s*(?P<no>\d{1,2})(?!\d)\s*[:.：]?\s*(?P<title>.*)$")
RESOLUTION = re.compile(r"^\s*มติ(?:ที่ประชุม|คณะกรรมการ)?\s*[:：]?\s*(?P<text>.*)$")
_NOTHING = re.compile(r"^\s*[-–(]?\s*ไม่มี\s*[-–)]?\s*$")
_END = re.compile(r"^\s*(?:เลิก|ปิด)(?:การ)?ประชุม")


def ceiling(doc) -> float:
    """At most 0.9; 0 when no line or cell holds วาระ, the word every agenda heading has.

    >>> from cddbrief.sources import read_bytes
    >>> ceiling(read_bytes("รายงานการประชุม ครั้งที่ 4/2564\\nระเบียบวาระที่ 1 เรื่องแจ้ง\\n".encode(), "x.txt"))
    0.9
    """
    for block in doc.blocks:
        if "วาระ" in block.text or (block.rows and any("วาระ" in cell for row in block.rows for cell in row)):
            return 0.9
    return 0.0


def fit(doc) -> Fit:
    """Two or more ระเบียบวาระ headings fit best; one, weakly."""
    lines = lines_of(doc.blocks)
    agenda = [i for i, line in enumerate(lines) if AGENDA.match(to_arabic_digits(_written(line)))]
    resolutions = sum(1 for line in lines if RESOLUTION.match(line.text) and line.text.startswith("มติ"))
    if len(agenda) >= 2:
        return Fit(0.9 if resolutions else 0.8, f"{len(agenda)} agenda items (ระเบียบวาระ)", state=(lines, agenda))
    if len(agenda) == 1:
        return Fit(0.5, "one agenda item", state=(lines, agenda))
    return Fit(0.0, "no agenda items")


def _written(line: Line) -> str:
    return f"{line.label} {line.text}" if line.label and not line.listed else line.text


def read(doc, fit: Fit) -> Reading:
    lines, agenda = fit.state
    notes: list[Note] = []
    header = [_written(line) for line in lines[: agenda[0]]]
    end = next((i for i in range(agenda[0], len(lines)) if _END.match(lines[i].text)), len(lines))
    if end < len(lines) - 1:
        notes.append(Note("skipped", f"{len(lines) - end - 1} lines after the close of the meeting (signatures) were not read", th=f"ไม่ได้อ่าน {len(lines) - end - 1} บรรทัดหลังปิดประชุม (ลายมือชื่อผู้จดและผู้ตรวจรายงาน)"))
    items: list[Item] = []
    bounds = agenda + [end]
    for n, start in enumerate(agenda):
        match = AGENDA.match(to_arabic_digits(_written(lines[start])))
        title = clean_marks(collapse(_written(lines[start])[match.start("title") :]), notes)
        body = lines[start + 1 : bounds[n + 1]]
        if not title and body and not body[0].label:
            title, body = collapse(body[0].text), body[1:]  # the title on the line below
        number = int(match.group("no"))
        item = _agenda_item(number, title, body, notes)
        if items and number == items[-1].no:
            notes.append(Note("warning", f"agenda item {number} is written twice", item=number, th=f"ระเบียบวาระที่ {number} เขียนซ้ำสองครั้ง"))
        items.append(item)
    note_repeated_numbers([item.no for item in items], notes)
    return Reading(NAME, header, items, notes, whole_header=False)


def _agenda_item(number: int, title: str, body: list[Line], notes: list[Note]) -> Item:
    directives: list[tuple[str | None, list[str]]] = []
    resolutions: list[list[str]] = []
    in_resolution = False
    for line in body:
        text = clean_marks(line.text, notes)
        if _NOTHING.match(_written(line)):
            continue
        resolution = RESOLUTION.match(text)
        if resolution and text.startswith("มติ"):
            resolutions.append([resolution.group("text")] if resolution.group("text").strip() else [])
            in_resolution = True
            continue
        is_sub = bool(line.label and re.match(r"\d+\.\d", to_arabic_digits(line.label)))
        if in_resolution and not is_sub:
            resolutions[-1].append(_written(line))
            continue
        in_resolution = False
        if line.label:
            directives.append((line.label, [text]))  # a sub-point 3.1, or a numbered paragraph
        elif directives and directives[-1][0]:
            directives[-1][1].append(text)  # a numbered point's text goes on
        else:
            directives.append((None, [text]))  # a paragraph of its own
    items_directives = numbered([(label, collapse(" ".join(texts))) for label, texts in directives if collapse(" ".join(texts))])
    resolution = " / ".join(collapse(" ".join(r)).lstrip(":： ") for r in resolutions if collapse(" ".join(r)))
    return Item(no=number, topic=title, directives=items_directives, resolution=resolution)
