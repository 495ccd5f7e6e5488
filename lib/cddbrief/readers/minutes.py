"""Minutes by agenda (รายงานการประชุม): ระเบียบวาระที่ 1 … with sub-topics, points and a resolution each.

The head holds the title with ``ครั้งที่ N/YYYY``, the date, the place, the
attendees (ผู้มาประชุม, ผู้ไม่มาประชุม, ผู้เข้าร่วมประชุม: numbered lists of people,
not items) and ``เริ่มประชุมเวลา``. The agenda headings are ``ระเบียบวาระที่ N …``
(or ``วาระที่ N``), or numbered lines whose titles are the agenda's own words
(``4. เรื่องเพื่อพิจารณา``, ``5. เรื่องอื่น ๆ``).

Items: an agenda heading is an item (``label`` ``4``, its title the topic), unless
its ``4.1``, ``4.2`` … lines are sub-topics: lines with text of their own below them
(or a มติที่ประชุม each). Then each sub-topic is an item (``label`` ``4.1``, topic
``กองทุนหมู่บ้าน``, ``agenda`` the heading it stands under), and the heading is an
item of its own only when it holds text before its first sub-topic. ``4.1`` lines
that are one line each (``1.1 ให้ทุกตำบลส่งรายงาน …``) are its points. An item's
directives are what someone is asked to do (``ให้…``, ``ขอให้…``, ``ประธานกำชับให้…``,
``มอบหมาย…``: the points that ask, the instruction sentences of a paragraph); the rest
(``อำเภอได้รับจัดสรรงบประมาณ 4 หมู่บ้าน …``) is what was reported, kept as passages of
the item (``reported``) with their figures and dates; ``มติที่ประชุม`` is its
resolution; ``- ไม่มี -`` leaves it empty. An item that asks nothing has no directives. Items are numbered 1, 2, 3 … in
order; the agenda's numbering is kept in ``label``. Reading stops at
``เลิกประชุม`` / ``ปิดประชุม`` or the signatures (ผู้จดรายงานการประชุม); what follows
is not read, and a note says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from ..model import Item, Note
from ..passages import INSTRUCTION, instruction_starts, kind_of, tells, told_by
from ..sources.document import RawDocument
from ..thaitext import collapse, to_arabic_digits
from .base import Fit, Reading, clean_marks, numbered
from .narrative import split_instructions
from .points import Line, lines_of, marker_number, marker_style
from .prose import split_topic

NAME: Final = "minutes"
NAME_TH = "รายงานการประชุมตามระเบียบวาระ"

# ระเบียบวาระที่ 4 / วาระที่ 4.1 / ระเบียบวาระการประชุมที่ 2: the number as written, of any length
AGENDA = re.compile(r"^\s*(?:ระเบียบ\s*)?วาระ\s*(?:การประชุม\s*)?ที่\s*(?P<no>\d+(?:\.\d+)*)\s*[:.：]?\s*(?P<title>.*)$")
RESOLUTION = re.compile(r"^\s*มติ(?:ที่ประชุม|คณะกรรมการ)?\s*[:：]?\s*(?P<text>.*)$")
# the titles every agenda has, whoever writes it: เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ, เรื่องเพื่อพิจารณา,
# เรื่องอื่น ๆ …
AGENDA_TITLE = re.compile(
    r"^\s*(?:เรื่อง\s*)?(?:ที่\s*)?(?:ประธาน(?:ที่ประชุม|กรรมการ)?\s*แจ้ง|แจ้ง\s*(?:ให้|เพื่อ)|เสนอ(?:ให้|เพื่อ)"
    r"|เพื่อ\s*(?:ทราบ|พิจารณา)|รับรอง\s*รายงาน\s*การประชุม|สืบเนื่อง|อื่น\s*ๆ|อื่นๆ)"
)
_NOTHING = re.compile(r"^\s*[-–(]?\s*ไม่มี\s*(?:เรื่อง\S*\s*(?:ๆ\s*)?)?[.]?\s*[-–)]?\s*$")
# the close of the meeting and the signatures under it: nothing after is read
_END = re.compile(
    r"^\s*(?:(?:เลิก|ปิด)(?:การ)?ประชุม|\(\s*ลงชื่อ\s*\)|ลงชื่อ\s*(?:[.…_]{3,}|$)"
    r"|.{0,80}ผู้(?:จด|ตรวจ|บันทึก)\s*รายงาน\s*การประชุม\s*$)"
)
_INSTRUCTED = re.compile(r"^\s*" + INSTRUCTION)
_SUB_NUMBER = re.compile(r"\d+(?:\.\d+)+\.?")  # 4.1, 4.1.2
# a presenter written after a sub-topic: 4.1 กองทุนหมู่บ้าน (โดย นาย ก)
_PRESENTER = re.compile(r"\s*\((?P<who>(?:โดย|ผู้(?:รับผิดชอบ|นำเสนอ|เสนอ)|กลุ่มงาน|ฝ่าย|นาย|นาง|น\.ส\.)[^()]*)\)\s*$")
_CEILING_WORDS = ("วาระ", "มติที่ประชุม", "เพื่อพิจารณา", "เพื่อทราบ", "ประธานแจ้ง")
UNWRAPPED = 35  # letters: a PDF line this short did not wrap (an A4 line holds 55 or more), its writer ended it
# a line that ends where a figure or a date goes on: a number (then its unit or month), or the words before one
_ENDS_A_NUMBER = re.compile(r"\d\s*$")
_ENDS_BEFORE_A_NUMBER = re.compile(r"(?:วันที่|ภายใน|จำนวน|ร้อยละ|ตั้งแต่|ถึง|เป็นเงิน|งบประมาณ)\s*$")
# Thai vowels and tone marks above and below a letter: they take no width of their own
_NO_WIDTH = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")
_THAI_LETTER = re.compile("[ก-๛]")


@dataclass
class Said:
    """An item as read, and what was reported under it (its passages, kind ``reported``)."""

    item: Item
    reported: list[str] = field(default_factory=list)


def ceiling(doc: RawDocument) -> float:
    """At most 0.9; 0 when no line or cell holds a word of an agenda (วาระ, มติที่ประชุม, เพื่อพิจารณา …).

    >>> from cddbrief.sources import read_bytes
    >>> ceiling(read_bytes("รายงานการประชุม ครั้งที่ 4/2564\\nระเบียบวาระที่ 1 เรื่องแจ้ง\\n".encode(), "x.txt"))
    0.9
    """
    if doc.text is not None:  # a text file: its text holds every line
        return 0.9 if any(word in doc.text for word in _CEILING_WORDS) else 0.0
    for block in doc.blocks:
        if any(word in block.text for word in _CEILING_WORDS):
            return 0.9
        if block.rows and any(word in cell for row in block.rows for cell in row for word in _CEILING_WORDS):
            return 0.9
    return 0.0


def fit(doc: RawDocument) -> Fit:
    """Two or more agenda headings fit best (0.9 with a มติที่ประชุม, points under the headings or the
    agenda's own titles; else 0.8); one, weakly (0.5)."""
    lines = lines_of(doc.blocks)
    headings, titled = agenda_headings(lines)
    if len(headings) >= 2 and agenda_sheet(lines, headings):
        return Fit(0.9, "an agenda sent before its meeting: every มติที่ประชุม left blank", problem=(
            "is not a meeting write-up: it is the agenda sent before the meeting (ระเบียบวาระการประชุม), every "
            "มติที่ประชุม left blank to be filled in, nothing reported, resolved or asked",
            "give the minutes once the meeting is held (รายงานการประชุม, each มติ written), or a post that tells "
            "of it"))  # fmt: skip
    if len(headings) >= 2:
        resolutions = any(_is_resolution(line.text) for line in lines)
        heads = set(headings)
        pointed = any(n + 1 < len(lines) and lines[n + 1].label and n + 1 not in heads for n in headings)
        score = 0.9 if resolutions or pointed or titled else 0.8
        return Fit(score, f"{len(headings)} agenda items (ระเบียบวาระ)", state=(lines, headings))
    if len(headings) == 1:
        return Fit(0.5, "one agenda item", state=(lines, headings))
    return Fit(0.0, "no agenda items")


_LEFT_BLANK = re.compile(r"^\s*(?:[.…_]\s*){3,}$")  # ……………, ............, ________: a space to fill in


def agenda_sheet(lines: list[Line], headings: list[int]) -> bool:
    """Whether agenda headings are an agenda sent before its meeting: two or more มติที่ประชุม, every one a
    space left to be filled in (………; a มติ on a line of its own is written on the next), and no line asking
    anything.

    >>> sheet = [Line("ระเบียบวาระที่ 1 เรื่องแจ้ง"), Line("มติที่ประชุม ………………"),
    ...          Line("ระเบียบวาระที่ 2 เรื่องเพื่อทราบ"), Line("มติที่ประชุม ………………")]
    >>> agenda_sheet(sheet, [0, 2]), agenda_sheet([*sheet[:3], Line("มติที่ประชุม"), Line("รับทราบ")], [0, 2])
    (True, False)
    """
    said = [RESOLUTION.match(line.text).group("text") for line in lines if _is_resolution(line.text)]
    if len(said) < 2 or not all(_LEFT_BLANK.match(text) for text in said):
        return False
    heads = set(headings)
    return not any(instruction_starts(line.text) for n, line in enumerate(lines) if n not in heads)


def _written(line: Line) -> str:
    return f"{line.label} {line.text}" if line.label and not line.listed else line.text


def agenda_headings(lines: list[Line]) -> tuple[list[int], bool]:
    """The indexes of the agenda headings, and whether they are numbered lines with the agenda's own
    titles rather than ``ระเบียบวาระที่ N``: those count when two or more stand in the document, with the
    lines between them that carry on their numbering (``3. กองทุนหมู่บ้าน`` between 2 and 4).

    >>> lines = [Line("เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ", "1."), Line("ให้รายงาน"), Line("เรื่องเพื่อพิจารณา", "2.")]
    >>> agenda_headings(lines)
    ([0, 2], True)
    """
    named, majors = [], set()
    for n, line in enumerate(lines):
        match = _agenda_match(line)
        if match:
            number = _plain_number(match.group("no"))
            if "." in number and number.split(".")[0] in majors:
                continue  # วาระที่ 4.1 under วาระที่ 4: a sub-topic in its body
            named.append(n)
            majors.add(number.split(".")[0])
    if len(named) >= 2:
        return named, False
    titled = [n for n, line in enumerate(lines) if _top_label(line) and AGENDA_TITLE.match(line.text)]
    if len(titled) < 2:
        return named, False
    found = set(titled) | set(named)
    for a, b in zip(titled, titled[1:]):
        style, after = marker_style(lines[a].label), marker_number(lines[a].label)
        expected = after + 1 if after is not None else None
        for n in range(a + 1, b):  # a heading between two whose numbers leave a gap for it
            line = lines[n]
            same_list = _top_label(line) and marker_style(line.label) == style
            if expected is not None and same_list and marker_number(line.label) == expected:
                if marker_number(lines[b].label) is not None and expected < marker_number(lines[b].label):
                    found.add(n)
                    expected += 1
    return sorted(found), True


def _agenda_match(line: Line) -> re.Match | None:
    if "วาระ" not in line.text:
        return None  # every agenda heading holds the word: most lines need no pattern
    return AGENDA.match(to_arabic_digits(_written(line)))


def _top_label(line: Line) -> bool:
    return bool(line.label) and marker_style(line.label) in ("1.", "1)", "(1)")


def _is_resolution(text: str) -> bool:
    return text.startswith("มติ") and RESOLUTION.match(text) is not None


def read(doc: RawDocument, fit: Fit) -> Reading:
    lines, headings = fit.state
    notes: list[Note] = []
    header = [_written(line) for line in lines[: headings[0]]]
    heads = set(headings)
    closes = (i for i in range(headings[0] + 1, len(lines)) if i not in heads and _END.match(lines[i].text))
    end = next(closes, len(lines))
    closing = end < len(lines) and lines[end].text.lstrip().startswith(("เลิก", "ปิด"))
    unread = len(lines) - end - (1 if closing else 0)
    if unread > 0:
        notes.append(
            Note(
                "skipped",
                f"{unread} lines after the close of the meeting (signatures) were not read",
                th=f"ไม่ได้อ่าน {unread} บรรทัดหลังปิดประชุม (ลายมือชื่อผู้จดและผู้ตรวจรายงาน)",
            )
        )
    headings = [n for n in headings if n < end]
    bounds = headings + [end]
    widest = max((_width(line.text) for line in lines[:end] if line.page is not None), default=0)
    said: list[Said] = []
    for n, start in enumerate(headings):
        label, title = _heading(lines[start], notes)
        body = lines[start + 1 : bounds[n + 1]]
        if not title and body and not body[0].label and not _is_resolution(body[0].text):
            title, body = collapse(body[0].text), body[1:]  # the title on the line below
        said += _agenda_items(label, title, _written(lines[start]), body, notes, widest)
    passages: list[tuple[str, str, int | None]] = [(kind_of(line), line, None) for line in header]
    for number, one in enumerate(said, start=1):
        one.item.no = number
        passages += [("reported", text, number) for text in one.reported]
    items = [one.item for one in said]
    _note_repeated_labels(items, notes)
    return Reading(NAME, header, items, notes, whole_header=False, passages=passages)


def _heading(line: Line, notes: list[Note]) -> tuple[str, str]:
    """(label, title) of an agenda heading: ``ระเบียบวาระที่ 4 เรื่องเพื่อพิจารณา`` -> ("4", "เรื่องเพื่อพิจารณา")."""
    match = _agenda_match(line)
    if match:
        written = _written(line)
        return _plain_number(match.group("no")), clean_marks(collapse(written[match.start("title") :]), notes)
    number = _plain_number(re.sub(r"[^\d.]", "", to_arabic_digits(line.label or "")))
    return number, clean_marks(collapse(line.text), notes)


def _plain_number(written: str) -> str:
    """An agenda number as a label: Arabic digits, no leading zeros, no dot at the end (``๐๔.`` -> ``4``)."""
    parts = [part.lstrip("0") or "0" for part in to_arabic_digits(written).strip(".").split(".") if part]
    return ".".join(parts)


def _agenda_items(
    label: str, title: str, heading: str, body: list[Line], notes: list[Note], widest: int = 0
) -> list[Said]:
    """The item of one agenda heading, or the items of its sub-topics (and of the heading itself when it
    holds text before them), each with what was reported under it."""
    subs = _sub_topics(label, body, widest)
    if not subs:
        return [_item(label, title, body, notes, widest)]
    items: list[Said] = []
    lead = body[: subs[0]]
    if any(_says_something(line) for line in lead):
        items.append(_item(label, title, lead, notes, widest))
    agenda = collapse(heading)
    bounds = subs + [len(body)]
    for k, at in enumerate(subs):
        line, rest = body[at], body[at + 1 : bounds[k + 1]]
        sub_label = _plain_number(_sub_label(line) or "")
        named = _agenda_match(line)  # วาระที่ 4.1 …
        text = clean_marks(collapse(_written(line)[named.start("title") :] if named else line.text), notes)
        if not text and rest and not rest[0].label:
            text, rest = collapse(rest[0].text), rest[1:]  # the sub-topic's title on the line below
        remarks = ""
        presenter = _PRESENTER.search(text)
        if presenter and presenter.start() > 0:
            text, remarks = text[: presenter.start()].strip(), presenter.group("who").strip()
        topic, first, _ = split_topic(text)
        lead_in = [Line(first)] if first else []
        one = _item(sub_label, topic, lead_in + rest, notes, widest)
        one.item.agenda, one.item.remarks = agenda, remarks
        items.append(one)
    return items


def _sub_label(line: Line) -> str | None:
    """The ``4.1`` a line opens with (as a label, or ``วาระที่ 4.1``), or None."""
    if line.label and "." in line.label and _SUB_NUMBER.fullmatch(to_arabic_digits(line.label).strip()):
        return line.label
    match = _agenda_match(line)
    return match.group("no") if match and "." in match.group("no") else None


def _sub_topics(label: str, body: list[Line], widest: int = 0) -> list[int]:
    """Indexes of the body's lines that open sub-topics (``4.1``, ``4.2`` under agenda 4), or none when
    those lines are the agenda's points: a sub-topic has lines of its own below it before any
    resolution (in a PDF, where a line may be the one above wrapped, a dash or a numbered line, or
    any line below a 4.1 line too short to have wrapped: UNWRAPPED, or short of the page's ``widest``
    line as _goes_on reads it),
    or a resolution of its own before the next; and most of them are titles, not instructions
    (``4.1 ให้ทุกอำเภอ…`` is a point)."""
    subs = []
    for n, line in enumerate(body):
        written = _sub_label(line)
        number = _plain_number(written) if written is not None else ""
        if number.count(".") == 1 and number.split(".")[0] == label.split(".")[0]:
            subs.append(n)
    if not subs:
        return []
    bounds = subs + [len(body)]
    headed = False
    for k, at in enumerate(subs):
        for line in body[at + 1 : bounds[k + 1]]:
            if _is_resolution(line.text):
                headed = headed or k + 1 < len(subs)  # a resolution of its own, before the next sub-topic
                break
            unwrapped = _width(_written(body[at])) < UNWRAPPED or not _goes_on(_written(body[at]), line.text, widest)
            if _says_something(line) and (line.label or line.page is None or unwrapped):
                headed = True  # in a PDF a line may go on from a 4.1 line that filled the page's width
                break
    titles = sum(1 for at in subs if not _INSTRUCTED.match(body[at].text))
    return subs if headed and 2 * titles > len(subs) else []


def _width(text: str) -> int:
    """How wide a line prints, in letters: marks above and below a letter take no width.

    >>> _width("4.1 กองทุนหมู่บ้าน")
    14
    """
    return len(_NO_WIDTH.sub("", text))


def splits_a_figure(above: str, below: str) -> bool:
    """Whether a PDF's line ``below`` goes on with a figure or a date that ``above`` began: a number at the
    end of one and its unit or month at the start of the other, or the words before a number and the number.

    >>> splits_a_figure("ส่งจังหวัดภายในวันที่ 21", "เมษายน 2566"), splits_a_figure("สำหรับกลุ่มทอผ้า 25", "กลุ่ม กลุ่มละ 10,000 บาท")
    (True, True)
    >>> splits_a_figure("คิดเป็นร้อยละ 98.20", "เลื่อนการคัดสรร"), splits_a_figure("ภายในวันที่", "28 เมษายน 2566")
    (False, True)
    """
    from ..glossary import unit_alternation
    from ..thaidates import MONTHS

    below = to_arabic_digits(below.lstrip())
    if _ENDS_A_NUMBER.search(to_arabic_digits(above)):
        starts = re.match(unit_alternation(), below)
        return bool(starts and starts.group()) or below.startswith(tuple(w for month in MONTHS for w in month))
    return bool(_ENDS_BEFORE_A_NUMBER.search(above)) and below[:1].isdigit()


def _says_something(line: Line) -> bool:
    return bool(line.text.strip()) and not _NOTHING.match(_written(line))


def _item(label: str, title: str, body: list[Line], notes: list[Note], widest: int = 0) -> Said:
    """An item from its lines, read as a careful reader does: what someone is asked to do (``ให้…``,
    ``ขอให้…``, ``ประธานกำชับให้…``, ``มอบหมาย…``) is a directive; มติที่ประชุม is its resolution; the rest
    (``อำเภอได้รับจัดสรร 4 หมู่บ้าน …``) is what was reported. A numbered line or a dash is a directive
    whole when it asks, or when it goes on a numbered list of instructions without a word that reports or
    decides and without opening on who told or got something (``1.1 ให้ทุกตำบลส่งรายงาน`` then ``1.2
    เตรียมงานวันสตรีสากล`` asks twice; ``2. กรมฯ แจ้งผลการประเมิน …`` after an ask is told; dashes each say for
    themselves); a paragraph gives its instruction sentences, and what is left of it is reported.
    In a PDF, a line goes on with the one above when that one filled the page's width (``widest``)
    or ended where a figure or a date goes on (``… ภายในวันที่ 21`` then ``เมษายน 2566``), unless it
    opens an instruction.

    >>> said = _item("3", "เรื่องเพื่อทราบ", [Line("อำเภอมีครัวเรือนเป้าหมาย 52 ครัวเรือน"), Line("ให้ตำบลติดตามผล"),
    ...                                      Line("มติที่ประชุม รับทราบ")], [])
    >>> [d.text for d in said.item.directives], said.reported, said.item.resolution
    (['ให้ตำบลติดตามผล'], ['อำเภอมีครัวเรือนเป้าหมาย 52 ครัวเรือน'], 'รับทราบ')
    """
    paragraphs: list[tuple[str | None, list[str]]] = []
    resolutions: list[list[tuple[str | None, str]]] = []  # each มติ's lines: (numbering, text)
    in_resolution = False
    above: Line | None = None  # the line above, when it went into a paragraph
    for line in body:
        wrapped = above is not None and line.page is not None and _goes_on(above.text, line.text, widest)
        above = None
        text = clean_marks(line.text, notes)
        if _NOTHING.match(_written(line)) or not text.strip():
            continue  # - ไม่มี -, or a number alone (a PDF's page number): no point that the lines below go on
        resolution = RESOLUTION.match(text) if text.startswith("มติ") else None
        if resolution:
            said = resolution.group("text")
            resolutions.append([(None, said)] if said.strip() else [])
            in_resolution = True
            continue
        is_sub = bool(line.label and _SUB_NUMBER.match(to_arabic_digits(line.label)))
        if in_resolution and not is_sub:
            resolutions[-1].append((line.label if not line.listed else None, _written(line)))
            continue
        in_resolution = False
        above = line
        if line.label:
            paragraphs.append((line.label, [text]))  # a sub-point 3.1, a numbered point, a dash
        elif paragraphs and wrapped and _THAI_LETTER.match(paragraphs[-1][1][-1][-1:]) and _THAI_LETTER.match(text):
            paragraphs[-1][1][-1] += text  # a PDF wrapped Thai between two letters, where no space stood
        elif paragraphs and (paragraphs[-1][0] or wrapped):
            paragraphs[-1][1].append(text)  # a numbered point's text goes on, or a PDF line wrapped
        else:
            paragraphs.append((None, [text]))  # a paragraph of its own
    directives: list[tuple[str | None, str]] = []
    reported: list[str] = []
    asking: str | None = None  # the numbering of the point above when it asked: a list of instructions goes on
    for label_, texts in paragraphs:
        text = collapse(" ".join(texts))
        if not text:
            continue
        if label_ is not None:
            style = marker_style(label_)
            goes_on = asking == style != "-" and not tells(text) and not told_by(text)
            asking = style if instruction_starts(text) or goes_on else None
            if asking:
                directives.append((label_, text))
            else:
                reported.append(text)
            continue
        asked, rest = split_instructions(text)
        directives += [(None, d) for d in asked]
        reported += [rest] if rest else []
        asking = None
    decisions = [_decided(lines, directives) for lines in resolutions]
    resolution = " / ".join(collapse(" ".join(r)).lstrip(":： ") for r in decisions if collapse(" ".join(r)))
    item = Item(no=0, topic=title, directives=numbered(directives), resolution=resolution, label=label or None)
    return Said(item, reported)


# an ask that only says to carry out what was decided (… และให้ดำเนินการ, และมอบหมาย … ดำเนินการต่อ) adds no task
_CARRY_OUT = re.compile(r"ดำเนินการ(?:ต่อ(?:ไป)?|ตาม\S*)?$")
# approving that someone does something (เห็นชอบให้…, อนุมัติให้…); with a day to do it by (ภายในวันที่ 15…) it asks
_APPROVED_ASK = re.compile(r"^\s*(?:เห็นชอบ|อนุมัติ|เห็นควร)\s*(?P<ask>ให้\S.*)$")
_BY_DAY = re.compile(r"(?:ภายใน|ก่อน)\s*(?:วันที่|เดือน)\s*\S|ภายใน\s*\d")


def _decided(lines: list[tuple[str | None, str]], directives: list[tuple[str | None, str]]) -> list[str]:
    """What a มติ decided, its lines, once the asks in it went to ``directives``: a numbered line that asks is a
    directive whole, a line's instruction sentences are directives (``เห็นชอบ และให้…``, ``ทั้งนี้ ให้…``) and
    what is left is the decision; approving what is to be done (``เห็นชอบให้…``) is a decision, and so is a มติ
    that is one ask and nothing else (``มติที่ประชุม มอบหมายให้…``) or whose ask only says to carry it out
    (``เห็นชอบ และให้ดำเนินการต่อ``). Approving that someone does something by a day (``เห็นชอบให้ตำบลส่ง…
    ภายในวันที่ 15…``) asks it as well: the ask is a directive, the approval stays the decision.

    >>> asked = []
    >>> _decided([(None, "เห็นชอบ และให้ตำบลส่งแผน"), ("1.", "1. อนุมัติงบ 5,000 บาท"), ("2.", "2. ให้อำเภอรายงาน")], asked)
    ['เห็นชอบ', '1. อนุมัติงบ 5,000 บาท']
    >>> asked
    [(None, 'ให้ตำบลส่งแผน'), ('2.', 'ให้อำเภอรายงาน')]
    >>> _decided([(None, "มอบหมายให้ตำบลส่งแผน"), (None, "ทั้งนี้ ให้อำเภอรายงาน")], asked)
    ['มอบหมายให้ตำบลส่งแผน']
    >>> asked[-1]
    (None, 'ให้อำเภอรายงาน')
    >>> _decided([(None, "รับทราบ และให้ดำเนินการต่อไป")], asked), len(asked)
    (['รับทราบ และให้ดำเนินการต่อไป'], 3)
    >>> _decided([(None, "เห็นชอบให้ทุกตำบลส่งแผนภายในวันที่ 5 มีนาคม 2568")], asked), asked[-1]
    (['เห็นชอบให้ทุกตำบลส่งแผนภายในวันที่ 5 มีนาคม 2568'], (None, 'ให้ทุกตำบลส่งแผนภายในวันที่ 5 มีนาคม 2568'))
    >>> _decided([(None, "เห็นชอบให้จัดงานในเดือนธันวาคม")], asked), len(asked)
    (['เห็นชอบให้จัดงานในเดือนธันวาคม'], 4)
    """
    kept = []
    for n, (label, text) in enumerate(lines):
        said = text[len(label) :].strip() if label and text.startswith(label) else text
        if label and instruction_starts(said):
            directives.append((label, collapse(said)))
            continue
        asked, rest = split_instructions(text)
        if (n == 0 and label is None and not rest) or all(_CARRY_OUT.search(d) for d in asked):
            asked, rest = [], collapse(text)  # มติที่ประชุม มอบหมายให้…: the assignment is what was resolved
        approved = _APPROVED_ASK.match(said) if not asked else None
        if approved and _BY_DAY.search(approved.group("ask")):
            asked = [collapse(approved.group("ask"))]  # เห็นชอบให้…ภายในวันที่…: approved, and asked by a day
        directives += [(None, d) for d in asked]
        kept += [rest] if rest else []
    return kept


def _goes_on(above: str, below: str, widest: int) -> bool:
    """Whether a PDF's line ``below`` goes on with the paragraph of ``above``: that line filled the page's
    width (``widest``) or split a figure or a date (splits_a_figure), and ``below`` opens no instruction.

    >>> full = "ครัวเรือนเป้าหมายของอำเภอมี 120 ครัวเรือน ได้รับการส่งเสริมแล้ว 80 ครัว"
    >>> _goes_on(full, "เรือน", _width(full)), _goes_on(full, "ให้อำเภอบันทึกให้ครบ", _width(full))
    (True, False)
    """
    if splits_a_figure(above, below):
        return True
    return bool(widest) and _width(above) >= 0.9 * widest and not _INSTRUCTED.match(below)


def _note_repeated_labels(items: list[Item], notes: list[Note]) -> None:
    """A warning for each agenda number written for more than one item."""
    seen: dict[str, list[int]] = {}
    for item in items:
        if item.label:
            seen.setdefault(item.label, []).append(item.no)
    for label, numbers in seen.items():
        if len(numbers) > 1:
            listed = ", ".join(map(str, numbers))
            notes.append(
                Note(
                    "warning",
                    f"agenda item {label} is written {len(numbers)} times (items {listed})",
                    item=numbers[1],
                    th=f"ระเบียบวาระที่ {label} เขียนซ้ำ {len(numbers)} ครั้ง (ข้อ {listed})",
                )
            )
