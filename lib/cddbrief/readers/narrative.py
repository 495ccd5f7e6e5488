"""Narrative posts: a meeting told in paragraphs, without numbered points (used by the prose reader).

The most common way an office posts a meeting: a sentence that tells of it (``วันจันทร์ที่ 20
มีนาคม 2566 … นาย ก … เป็นประธานการประชุมคณะทำงาน… ครั้งที่ 3/2566 ณ ห้องประชุม… โดยมีการรายงาน…
และได้มอบหมายให้…``), then paragraphs of what was reported and asked, then credits. Read as:

- the head: the lines before the meeting sentence (title, banner date) and the meeting sentence;
- one item per topic paragraph (``ด้านกองทุนหมู่บ้าน …``, ``สำหรับโครงการ… ``, ``เรื่อง…``) and per bullet
  that opens on its topic and a colon (``● ตลาดนัดชุมชน : ยอดจำหน่าย … ขอให้…``), or the post as one item
  named after its meeting when no paragraph names a topic (bullets without a topic are its directives);
- directives: the instruction sentences (ให้…, ขอให้…, มอบหมายให้…, กำชับ…, เน้นย้ำ…) of each
  paragraph; what is left of a paragraph is a ``reported`` passage of its item;
- credits, banners and view counts: ``page`` passages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ..glossary import topic_names, trie_pattern
from ..header import find_meeting_ref, is_banner
from ..model import Item, Note
from ..passages import (
    ASKERS,
    INSTRUCTION,
    decides_at,
    doer_before,
    hands_over,
    instruction_starts,
    is_closing,
    is_meeting_sentence,
    kind_of,
)
from ..quantities import find_quantities
from ..thaidates import find_dates
from ..thaitext import collapse
from .base import numbered
from .points import Line, marker_style

# a sentence that is not the instruction's any more
_SENTENCE_START = re.compile(r"(?<=\s)(?=ทั้งนี้|พร้อมกันนี้|นอกจากนี้|จากนั้น|ต่อจากนั้น|ในการนี้|สำหรับ|ส่วน|ด้าน|ที่ประชุม|ปัจจุบัน|ขณะนี้|ซึ่ง)")
_DANGLING = re.compile(r"\s*(?:และ|โดย|ทั้งนี้|พร้อมกันนี้|จึง)?\s*(?:ได้)?\s*$")  # the words an instruction cut leaves behind
# who asks, and nothing else, before an instruction: ประธาน, ประธานสภาฯ, ที่ประชุมจึง
_ASKER = re.compile(r"\s*(?:" + "|".join(ASKERS) + r")\S{0,12}?\s*(?:จึง|ได้)?\s*")
_GOES_ON = re.compile(r"^\s*(?:ซึ่ง|โดย|และ|เพื่อ|พร้อม|ภายใน)")  # a paragraph that goes on with the sentence above
# มอบหมายให้ … เข้าร่วมประชุม: a delegation, not a directive
_ATTENDING = re.compile(r"เข้าร่วม(?:การ)?ประชุม|ร่วมประชุม|เป็นประธาน|ดำเนินการประชุม")
# a paragraph that opens on its topic (not เรื่องที่… or ประเด็นที่…: a heading numbers its point, or an agenda names it)
_TOPIC_OPENER = re.compile(
    r"^\s*(?:(?:ใน)?ด้าน|สำหรับ|ในส่วนของ|ส่วนของ|ส่วน(?=การ|โครงการ|กิจกรรม|กองทุน|งาน)|(?:เรื่อง|ประเด็น)(?!\s*ที่))\s*"
)
# who speaks, before what a paragraph is about: อธิบดีกล่าวว่า …, พัฒนาการจังหวัดแจ้งว่า …
_SPEAKER = re.compile(r"^\s*\S{2,40}?(?:กล่าวว่า|แจ้งว่า|ชี้แจงว่า|รายงานว่า|เน้นว่า)\s*")
# a paragraph about a meeting (the next one, ครั้งต่อไป): no topic of its own
_ABOUT_A_MEETING = re.compile(r"^\s*(?:การ|นัด)?ประชุม")
_TOPIC_LEAD = re.compile(r"^\s*(?:โครงการ|การ(?!นี้)|กิจกรรม|กองทุน)")
# where a topic's name gives way to what is said of it
_TOPIC_TAIL = re.compile(r"(?<!ปี)(?<!พ\.ศ\.)\s+(?=มี|จำนวน|ซึ่ง|ที่|ได้|จัดเก็บ|ดำเนินการ|เบิกจ่าย|รับทราบ|\d)")
_CONTENT = re.compile(r"รายงาน|ผลการ|รับทราบ|ชี้แจง|พิจารณา|เห็นชอบ|มติ|ติดตาม|ขับเคลื่อน|สรุป")
_MEETING_NAME = re.compile(
    r"(?<!ห้อง)(?<!ที่)(?<!หอ)ประชุม(?P<name>(?:คณะ)?[ก-๛A-Za-z.]+(?:\s(?!ครั้ง|ประจำ|ณ|โดย|เพื่อ|ผ่าน|วัน|เวลา|ปี)[ก-๛A-Za-z.\d]+){0,5})"
)
_TELLS_MEETING = re.compile(r"เป็นประธาน|ประธานในที่ประชุม|ประธานการประชุม|เข้าร่วม(?:การ)?ประชุม|ร่วมประชุม|ดำเนินการประชุม")
_TOPIC_END = re.compile(
    r"\s*[:：]\s*|\s+[-–—]\s+|\s+(?=(?:" + INSTRUCTION + r"|โดย|ซึ่ง|ทั้งนี้|ขณะนี้|ปัจจุบัน|ที่ประชุม|มีการ|ได้มี|ได้รับ)\S)"
)
TOPIC_MAX = 80
# a bullet's topic before a colon (● กองทุนหมู่บ้าน : …); not the colon of a time (09:30)
_BULLET_TOPIC = re.compile(r"(?P<topic>[^:：]+?)\s*(?<!\d)[:：](?!\d)\s*(?P<said>.*)", re.S)
_FACT_CUES = {
    "number": re.compile(r"ครั้ง\s*ที่|ประจำเดือน"),
    "chair": re.compile(r"เป็นประธาน|ประธานในที่ประชุม|ประธานการประชุม"),
    "place": re.compile(r"(?:^|\s)ณ\s|ที่ห้องประชุม|ห้องประชุม"),
}


@dataclass
class Told:
    """What a narrative post tells: its head lines, its items, and its passages (kind, text, item)."""

    header: list[str] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    passages: list[tuple[str, str, int | None]] = field(default_factory=list)


def _goes_on_telling(text: str) -> bool:
    """Whether a paragraph after the meeting's sentence still tells of the meeting (its chair, who
    attended, its number) rather than of a topic."""
    return (is_meeting_sentence(text) and bool(_TELLS_MEETING.search(text)) and paragraph_topic(text)[0] is None
            and not is_closing(text))  # fmt: skip


def meeting_line(lines: list[Line]) -> tuple[int | None, int]:
    """The index of the line that tells most of the meeting (the first of those that tell as much)
    and how many of its facts it gives (number, date, chair, place), among the first lines of the post.

    >>> told = "วันที่ 3 มี.ค. 66 นายสมพงษ์ ใจเย็น เป็นประธานการประชุมคณะทำงาน ณ ห้องประชุมอำเภอ"
    >>> meeting_line([Line("ข่าวประชาสัมพันธ์"), Line(told)])
    (1, 3)
    """
    best, told = None, 0
    for index, line in enumerate(lines[:12]):
        if is_closing(line.text) or is_banner(line.text) or not is_meeting_sentence(line.text):
            continue
        facts = facts_told(line.text)
        if best is None or facts > told:  # a headline names the meeting; the sentence below it tells more of it
            best, told = index, facts
    return best, told


def facts_told(text: str) -> int:
    """How many of the meeting's facts a sentence gives: its number, a day, its chair, its place.

    >>> facts_told("ประชุมประจำเดือน ครั้งที่ 7/2565"), facts_told("วันที่ 9 ก.พ. 66 ประชุมคณะทำงาน ณ ห้องประชุมอำเภอ")
    (1, 2)
    """
    told = sum(1 for cue in _FACT_CUES.values() if cue.search(text))
    spans, _ = find_dates(text)
    return told + any(s.precision == "day" for s in spans)


def says_something(text: str) -> bool:
    """Whether a text says what was asked, reported or decided: an instruction, a word that reports,
    follows up or decides (รายงาน, ผลการ, ติดตาม, มติ …), a figure in a sentence; a date, a time, a room or
    a name alone says nothing of the kind.

    >>> says_something("ยอดจำหน่าย 1.2 แสนบาท"), says_something("ขอให้ประชาสัมพันธ์"), says_something("09.00 น.")
    (True, True, False)
    """
    return bool(instruction_starts(text) or _CONTENT.search(text) or _counts_something(text))


def bullet_topic(line: Line) -> tuple[str | None, str]:
    """The topic a bullet (``●``, ``•``, ``◆``, ``-`` …) opens on before a colon, and what is said of it;
    (None, the text) for a bullet without one (``● ให้ทุกตำบลรายงาน``), a numbered line, a head's field
    (``● เวลา : 09.00 น.``: nothing asked or told after the colon) or words before the colon that ask.

    >>> bullet_topic(Line("ตลาดนัดชุมชน : ยอดจำหน่าย 1.2 แสนบาท ขอให้ประชาสัมพันธ์", "●"))
    ('ตลาดนัดชุมชน', 'ยอดจำหน่าย 1.2 แสนบาท ขอให้ประชาสัมพันธ์')
    >>> bullet_topic(Line("ให้ทุกตำบลรายงาน: ภายในวันศุกร์", "-")), bullet_topic(Line("จปฐ. : ให้ลงเยี่ยม", "1."))
    ((None, 'ให้ทุกตำบลรายงาน: ภายในวันศุกร์'), (None, 'จปฐ. : ให้ลงเยี่ยม'))
    """
    text = collapse(line.text)
    match = _BULLET_TOPIC.fullmatch(text) if line.label and marker_style(line.label) == "-" else None
    if match is None:
        return None, text
    topic, said = match.group("topic").strip(), match.group("said")
    if not 2 <= len(topic) <= TOPIC_MAX or instruction_starts(topic) or not says_something(said):
        return None, text
    return topic, said


# who gave the orders a heading gathers: ข้อสั่งการ(ของ)ผู้ว่าราชการจังหวัด, นโยบายอธิบดี, ข้อเน้นย้ำประธาน
_ORDERS_OF = re.compile(r"^\s*(?:ข้อสั่งการ|ข้อเน้นย้ำ|ข้อกำชับ|นโยบาย|คำสั่ง)(?:ของ)?\s*(?=\S)")
# a box of things to do, named by what it holds, not by who gave them: ข้อสั่งการ/สิ่งที่ต้องดำเนินการ, ข้อสั่งการ :
_BOX_WORD = r"(?:ข้อสั่งการ|สิ่งที่ต้อง(?:ดำเนินการ|ทำ)|งานที่ต้องดำเนินการ|ข้อเน้นย้ำ|ข้อกำชับ|ข้อปฏิบัติ)"
_BOX_WORDS = _BOX_WORD + r"(?:\s*(?:/|,|และ)\s*" + _BOX_WORD + r")*"  # ข้อสั่งการ / สิ่งที่ต้องดำเนินการ
_ORDERS_BOX = re.compile(_BOX_WORDS + r"\s*(?:ดังนี้|[:：])?")
_ORDERS_FIELD = re.compile(_BOX_WORDS + r"\s*[:：]\s*")


def orders_field(text: str) -> str | None:
    """What a line labelled as a point's orders says after its label (``ข้อสั่งการ : ให้อำเภอ…``); None for a line
    with no such label (``ข้อสั่งการนายอำเภอ``: who gave them, not a field).

    >>> orders_field("ข้อสั่งการ : ให้ทุกอำเภอส่งแผน"), orders_field("ข้อสั่งการ :"), orders_field("สาระสำคัญ : 5 ราย")
    ('ให้ทุกอำเภอส่งแผน', '', None)
    """
    text = collapse(text)
    match = _ORDERS_FIELD.match(text)
    return text[match.end() :] if match else None


_DAY_WORDS = re.compile(r"\s*(?:(?:ใน)?วัน\S*)?\s*")  # what is left of a date alone: วันที่, วันพุธที่
_LEAD_IN = re.compile(r"\s*(?:ดังนี้|ดังต่อไปนี้|คือ|ได้แก่|[:：])\s*$")
_ASIDE = re.compile(r"\s*\((?P<aside>[^()]*)\)\s*$")  # (จากการประชุม… เมื่อวันที่ …) after a heading


def heading_topic(line: Line, below: Line | None) -> tuple[str, str] | None:
    """The topic a heading names (a line of its own, not a bullet, that asks and counts nothing and
    has bullets below it), and its aside in brackets; a heading of orders (``ข้อสั่งการ``, ``นโยบาย``,
    ``ข้อเน้นย้ำ`` of a person or an office) is named after who gave them. None for any other line.

    >>> bullet = Line("ให้ทุกอำเภอรายงาน", "-")
    >>> heading_topic(Line("ข้อสั่งการนายอำเภอเมือง (จากการประชุมกรมการอำเภอ)"), bullet)
    ('นายอำเภอเมือง', 'จากการประชุมกรมการอำเภอ')
    >>> heading_topic(Line("แจ้งเพื่อทราบ"), bullet), heading_topic(Line("แจ้งเพื่อทราบ"), Line("ต่อมา"))
    (('แจ้งเพื่อทราบ', ''), None)
    >>> heading_topic(Line("ให้ทุกตำบลส่งรายงาน"), bullet), heading_topic(Line("ที่ประชุมรับทราบ 12 กองทุน"), bullet)
    (None, None)
    >>> heading_topic(Line("นโยบายของนายอำเภอ ดังนี้"), bullet), heading_topic(Line("ประธานมอบแนวทาง ดังนี้"), bullet)
    (('นายอำเภอ', ''), None)
    >>> heading_topic(Line("วันพุธที่ 11 กันยายน 2567"), bullet) is None
    True
    """
    if below is None or line.label or not below.label or marker_style(below.label) != "-":
        return None
    text = collapse(line.text)
    aside = _ASIDE.search(text)
    topic = text[: aside.start()] if aside else text
    orders = _ORDERS_OF.match(topic)
    lead_in = _LEAD_IN.search(topic)
    if lead_in and not orders:
        return None  # ประธานได้มอบแนวทาง ดังนี้: a sentence that leads into its points, not a heading
    topic = topic[orders.end() : lead_in.start() if lead_in else len(topic)] if orders else topic
    if not 2 <= len(topic) <= TOPIC_MAX or instruction_starts(topic) or _counts_something(topic):
        return None
    if not orders and (kind_of(topic) != "head" or _CONTENT.search(topic) or _ABOUT_A_MEETING.match(topic)):
        return None  # ที่ประชุมรับทราบ…, รายงานผล…, a name alone: no heading of its own
    undated = topic
    for span in sorted(find_dates(topic)[0], key=lambda s: -s.span.start):
        undated = undated[: span.span.start] + undated[span.span.end :]
    if _DAY_WORDS.fullmatch(undated):
        return None  # วันที่ 12 กันยายน 2567: a date alone
    return topic, aside.group("aside") if aside else ""


def orders_box(line: Line, below: Line | None) -> bool:
    """Whether a line heads a box of things to do (``ข้อสั่งการ/สิ่งที่ต้องดำเนินการ``, ``ข้อสั่งการ :``) with
    bullets below it: each bullet is asked, even one written without ให้.

    >>> bullet = Line("ประสานอำเภอ", "-")
    >>> orders_box(Line("ข้อสั่งการ/สิ่งที่ต้องดำเนินการ"), bullet), orders_box(Line("สิ่งที่ต้องทำ :"), bullet)
    (True, True)
    >>> orders_box(Line("ข้อสั่งการนายอำเภอ"), bullet), orders_box(Line("ข้อสั่งการ"), Line("ประสานอำเภอ"))
    (False, False)
    """
    if below is None or line.label or not below.label or marker_style(below.label) != "-":
        return False
    return _ORDERS_BOX.fullmatch(collapse(line.text)) is not None


def _counts_something(text: str) -> bool:
    """Whether a paragraph says a figure in a sentence (``มีผู้เข้าร่วม 45 คน``), not a numbered cell (``2 กองทุนหมู่บ้าน``)."""
    return any(q.span.start > 0 for q in find_quantities(text)[0])


def tells_something(lines: list[Line], at: int) -> bool:
    """Whether a post says anything of what was reported, asked or decided, beyond the meeting
    sentence at ``at``: an instruction, a topic, a word that reports or decides, a figure (a
    thank-you line does not, nor a number that counts nothing)."""
    body = [line.text for line in lines[at + 1 :] if not is_closing(line.text)]
    if any(_TOPIC_OPENER.match(t) or _TOPIC_LEAD.match(t) or says_something(t) for t in body):
        return True
    head = lines[at].text
    ref = find_meeting_ref(head)
    head = head[: ref.start()] + head[ref.end() :] if ref else head
    return bool(instruction_starts(head) or re.search(r"รายงาน|ผลการ|รับทราบ|ชี้แจง|พิจารณา|เห็นชอบ|มติ|ติดตาม|ขับเคลื่อน", head))


def read_told(lines: list[Line], at: int | None, title: str, notes: list[Note]) -> Told:
    """Read a narrative post whose meeting sentence is line ``at`` (None: the post names its
    meeting nowhere in a sentence; its first line heads it)."""
    told = Told()
    head_end = (at + 1) if at is not None else 1
    while at is not None and head_end < len(lines) and _goes_on_telling(lines[head_end].text):
        head_end += 1  # the next paragraph goes on telling of the meeting (who chaired, who attended)
    closing = next((i for i in range(head_end, len(lines)) if is_closing(lines[i].text)), len(lines))
    for line in lines[:head_end]:
        told.header.append(line.text)
    general: list[Item] = []  # the item named after the meeting, made when something belongs to no topic

    def general_item() -> Item:
        if not general:
            topic = meeting_topic(lines[at].text if at is not None else "", title or (lines[0].text if lines else ""))
            general.append(Item(len(told.items) + 1, topic, inferred=True))
            told.items.append(general[0])
        return general[0]

    for index, line in enumerate(lines[:head_end]):
        if at is not None and index >= at:
            directives, rest = split_instructions(line.text, meeting=True)
            if directives:
                general_item().directives = numbered([(None, d) for d in directives])
                _note_handed(directives, general_item().no, notes)
            told.passages.append(("meeting", rest, None))
        else:
            told.passages.append((kind_of(line.text), line.text, None))
    current: Item | None = None
    asked_last = False  # the paragraph above ended in an instruction
    in_box = False  # the line is under a heading of things to do (orders_box)
    body = lines[head_end:closing]
    for index, line in enumerate(body):
        text = collapse(line.text)
        kind = kind_of(text)
        if kind in ("attendees", "page"):
            told.passages.append((kind, text, None))
            continue
        below = body[index + 1] if index + 1 < len(body) else None
        if orders_box(line, below):  # ข้อสั่งการ/สิ่งที่ต้องดำเนินการ then its bullets: each one asked
            in_box, current, asked_last = True, general_item(), False
            continue
        if in_box and line.label and marker_style(line.label) == "-":
            current.directives = numbered([(d.label, d.text) for d in current.directives] + [(None, text)])
            continue
        in_box = False
        heading = heading_topic(line, below)
        if heading is not None:  # ข้อสั่งการผู้ว่าราชการจังหวัด then its bullets: an item named after who gave them
            current = Item(len(told.items) + 1, heading[0])
            told.items.append(current)
            if heading[1]:
                told.passages.append(("reported", heading[1], current.no))
            asked_last = False
            continue
        topic = bullet_topic(line)[0]
        if topic is None:
            topic = paragraph_topic(text)[0]
        if topic is not None:
            current = Item(len(told.items) + 1, topic)
            told.items.append(current)
        directives, rest = split_instructions(text)  # the topic's words stay in what was reported, with their figures
        if topic is None and not directives and asked_last and _GOES_ON.match(text):
            directives, rest = [text], ""  # goes on with the instruction above: a directive of its own, as written
        asked_last = bool(directives) and not rest.endswith(text[-8:])
        owner = current or (general_item() if directives else None)
        if directives:
            owner.directives = numbered([(d.label, d.text) for d in owner.directives] + [(None, d) for d in directives])
            _note_handed(directives, owner.no, notes)
        if rest and rest != topic:
            told.passages.append(("reported", rest, owner.no if owner else None))
    for line in lines[closing:]:
        told.passages.append(("page", line.text, None))
    if not told.items:
        general_item()
        topic = told.items[0].topic
        notes.append(
            Note(
                "inferred",
                f"the post names no topics; read as one item named after its meeting: '{topic}'",
                item=1,
                th=f"เอกสารไม่ได้แยกประเด็น จึงอ่านทั้งเรื่องเป็นประเด็นเดียวตามชื่อการประชุม: '{topic}'",
            )
        )
    elif general:
        no, topic = general[0].no, general[0].topic
        notes.append(
            Note(
                "inferred",
                f"instructions outside the post's topic paragraphs were read as item {no}, "
                f"named after the meeting: '{topic}'",
                item=no,
                th=f"ข้อสั่งการที่ไม่อยู่ในย่อหน้าของประเด็นใด อ่านเป็นข้อ {no} ตามชื่อการประชุม: '{topic}'",
            )
        )
    told.passages = [(kind, text, item) for kind, text, item in told.passages if text.strip()]
    return told


def _note_handed(directives: list[str], item: int, notes: list[Note]) -> None:
    """A note for each directive read from ฝาก or มอบ (not มอบหมาย): an ask only because who is asked follows it.

    >>> notes = []
    >>> _note_handed(["ฝากทุกตำบลเร่งเก็บข้อมูล", "ให้ส่งแผน"], 1, notes)
    >>> [n.surface for n in notes]
    ['ฝากทุกตำบลเร่งเก็บข้อมูล']
    """
    for text in directives:
        cues = instruction_starts(text)  # in order
        if not cues or not hands_over(text, cues[0]):
            continue
        cue = cues[0]
        word = text[cue : cue + 3]
        notes.append(
            Note(
                "inferred",
                f"'{text[:40]}' was read as an ask: {word} hands a task to who is named after it",
                item=item,
                surface=text[:60],
                th=f"'{text[:40]}' อ่านเป็นข้อสั่งการ เพราะคำว่า {word} ตามด้วยผู้ที่ได้รับมอบงาน",
            )
        )


def split_instructions(text: str, meeting: bool = False) -> tuple[list[str], str]:
    """The instruction sentences of a paragraph, and what is left of it (what was reported).

    In the meeting's sentence (``meeting``), ``มอบหมายให้ … เข้าร่วมประชุม`` is a delegation, not a directive.

    >>> split_instructions("ที่ประชุมรับทราบผล 120 กองทุน และได้มอบหมายให้อำเภอรายงานภายใน 31 มี.ค. 66 ทั้งนี้ ขอให้เร่งรัดการเบิกจ่าย")
    (['มอบหมายให้อำเภอรายงานภายใน 31 มี.ค. 66', 'ขอให้เร่งรัดการเบิกจ่าย'], 'ที่ประชุมรับทราบผล 120 กองทุน')

    Who asks stays with the instruction; what the meeting decided (เห็นชอบให้…) is no instruction:

    >>> split_instructions("ประธานกำชับให้ทุกคนแต่งกายผ้าไทย")
    (['ประธานกำชับให้ทุกคนแต่งกายผ้าไทย'], '')
    >>> split_instructions("ที่ประชุมเห็นชอบให้เสนอ 8 โครงการ และให้ส่งคืน 1 โครงการ ทั้งนี้ ให้ส่งภายใน 5 ม.ค. 67")
    (['ให้ส่งภายใน 5 ม.ค. 67'], 'ที่ประชุมเห็นชอบให้เสนอ 8 โครงการ และให้ส่งคืน 1 โครงการ')

    Approving what is to be done (เห็นชอบให้…) decides it; approving, and then asking (เห็นชอบ และให้…), decides
    and asks. Who opens the clause is part of the ask (ตำบลที่เหลือให้…); ให้ครบ goes on with the order before it:

    >>> split_instructions("เห็นชอบ และให้อำเภอเสนอแผนภายใน 9 ม.ค. 67")
    (['ให้อำเภอเสนอแผนภายใน 9 ม.ค. 67'], 'เห็นชอบ')
    >>> split_instructions("ส่งแล้ว 2 ตำบล ตำบลที่เหลือให้ส่งภายในวันนี้ ให้ทุกอำเภอบันทึกข้อมูล ให้ครบ ร้อยละ 100")
    (['ตำบลที่เหลือให้ส่งภายในวันนี้', 'ให้ทุกอำเภอบันทึกข้อมูล ให้ครบ ร้อยละ 100'], 'ส่งแล้ว 2 ตำบล')
    """
    starts = instruction_starts(text)
    if not starts:
        return [], collapse(text)
    openings = [m.start() for m in _SENTENCE_START.finditer(text)]
    cuts: list[tuple[int, int]] = []
    for n, start in enumerate(starts):
        if cuts and start < cuts[-1][1]:
            continue
        sentence = max([cuts[-1][1] if cuts else 0] + [at for at in openings if at <= start])
        if decides_at(text, sentence, start):
            continue  # เห็นชอบให้เสนอ … และให้ส่งคืน …: what the meeting decided, not an instruction
        limit = starts[n + 1] if n + 1 < len(starts) else len(text)
        end = next((at for at in openings if start < at < limit and not _what_for(text, at, limit)), limit)
        if meeting and _ATTENDING.search(text[start:end]):
            continue
        before = text[cuts[-1][1] if cuts else 0 : start]
        doer = doer_before(text, start)
        if _ASKER.fullmatch(before):
            start -= len(before.lstrip())  # ประธานกำชับให้…: who asks is part of the instruction
        elif doer is not None and doer >= (cuts[-1][1] if cuts else 0):
            start = doer  # ตำบลที่เหลือให้ส่ง…, ผู้ว่าราชการจังหวัดได้สั่งการให้…: so is who is asked or asks
        cuts.append((start, end))
    if not cuts:
        return [], collapse(text)
    directives = [collapse(_DANGLING.sub("", text[a:b])) for a, b in cuts]  # …2 ครั้ง และ|ขอความร่วมมือ…: และ joins
    directives = [d for d in directives if d]
    pieces, at = [], 0
    for a, b in cuts:
        pieces.append(text[at:a])
        at = b
    pieces.append(text[at:])
    pieces = [collapse(_DANGLING.sub("", p)) for p in pieces]
    rest = " … ".join(p for p in pieces if p)
    return directives, rest


# a clause inside an ask that says what the ask is for: an event yet to come (ซึ่งจะจัด…), or สำหรับ and what, then such
# a clause or the ask's end (จัดรถ 3 คัน สำหรับงานวันสตรี ซึ่งจะจัด…): it goes on with the ask
_WHAT_FOR = re.compile(r"(?:สำหรับ\S+\s*)?ซึ่งจะ|สำหรับ\S+" + _DANGLING.pattern)


def _what_for(text: str, at: int, limit: int) -> bool:
    """Whether the sentence opening at ``at`` says what the instruction before it is for (up to ``limit``, the
    next instruction), rather than starting a sentence of its own.

    >>> text = "กำชับให้จัดรถ 3 คัน สำหรับงานวันสตรี ซึ่งจะจัดวันที่ 8 มี.ค. 67"
    >>> _what_for(text, text.index("สำหรับ"), len(text)), _what_for("ให้ส่งแผน ซึ่งขณะนี้ส่งแล้ว 5 อำเภอ", 10, 34)
    (True, False)
    """
    return _WHAT_FOR.match(text[:limit], at) is not None


def split_topic(text: str) -> tuple[str, str, bool]:
    """(topic, the rest, whether the topic had to be cut) of a point's first line.

    >>> split_topic("กองทุนหมู่บ้าน ให้จังหวัดรายงานผล 12 กองทุน")[:2]
    ('กองทุนหมู่บ้าน', 'ให้จังหวัดรายงานผล 12 กองทุน')
    >>> split_topic("โครงการโคก หนอง นา: ขอให้เร่งรัดการเบิกจ่าย")[:2]
    ('โครงการโคก หนอง นา', 'ขอให้เร่งรัดการเบิกจ่าย')

    A dash inside a range of dates is no topic's end: the date stays whole with what follows.

    >>> split_topic("งานหัตถศิลป์ จัดระหว่างวันที่ 12 – 20 สิงหาคม 2566 ขอให้ทุกกองจัดเจ้าหน้าที่")[:2]
    ('งานหัตถศิลป์ จัดระหว่างวันที่ 12 – 20 สิงหาคม 2566', 'ขอให้ทุกกองจัดเจ้าหน้าที่')
    """
    kept = _unbroken(text)
    for match in _TOPIC_END.finditer(text):
        if match.start() >= 2 and not any(a < match.end() and match.start() < b for a, b in kept):
            topic, rest = text[: match.start()].strip(), text[match.end() :].strip()
            if len(topic) <= TOPIC_MAX:
                return topic, rest, False
            break
    if len(text) <= TOPIC_MAX:
        return text.strip(), "", False
    limit = min([TOPIC_MAX] + [a for a, b in kept if a < TOPIC_MAX < b])  # a date or range the limit would cut
    cut = text.rfind(" ", 0, limit)
    cut = cut if cut > 0 else limit
    return text[:cut].strip(), text[cut:].strip(), True


_NUMBER_RANGE = re.compile(r"(?<![\d,])\d[\d,]*\s*[-–—]\s*\d[\d,]*")


def _unbroken(text: str) -> list[tuple[int, int]]:
    """Where a topic may not be cut off its text: each date or range of dates (``12 – 20 สิงหาคม 2566``),
    and each range of numbers (``10 – 12``), as (start, end) in ``text``.

    >>> text = "งานหัตถศิลป์ จัดระหว่างวันที่ 12 – 20 สิงหาคม 2566"
    >>> [text[a:b] for a, b in _unbroken(text)]
    ['12 – 20 สิงหาคม 2566', '12 – 20']
    """
    dated = [(s.span.start, s.span.end) for s in find_dates(text)[0]]
    return dated + [(m.start(), m.end()) for m in _NUMBER_RANGE.finditer(text)]


def paragraph_topic(text: str) -> tuple[str | None, str]:
    """The topic a paragraph opens on (``ด้านกองทุนหมู่บ้าน ที่ประชุม…``, ``โครงการ…``) and the rest;
    (None, text) for a paragraph that opens on no topic.

    >>> paragraph_topic("ด้านกองทุนหมู่บ้าน ที่ประชุมรับทราบผลการดำเนินงาน 1,204 กองทุน")
    ('กองทุนหมู่บ้าน', 'ที่ประชุมรับทราบผลการดำเนินงาน 1,204 กองทุน')
    >>> paragraph_topic("ให้อำเภอรายงานผล")
    (None, 'ให้อำเภอรายงานผล')
    """
    known = known_topic_at(text, 0)
    if known and text[len(known) : len(known) + 1].isspace():
        return known, collapse(text[len(known) :])  # หมู่บ้านเศรษฐกิจพอเพียง ส่งรายงาน…: the name the glossary knows
    opener = _TOPIC_OPENER.match(text)
    if opener or _TOPIC_LEAD.match(text) or known:
        body = text[opener.end() :] if opener else text
        if _ABOUT_A_MEETING.match(body):
            return None, text  # สำหรับการประชุม… ครั้งต่อไป: a meeting is no topic
        topic, _, cut = split_topic(body)
        named = _TOPIC_TAIL.split(body if cut else topic, maxsplit=1)[0].strip()
        if 2 <= len(named) <= TOPIC_MAX:
            return named, collapse(body[len(named) :])
    speaker = _SPEAKER.match(text)
    if speaker:  # อธิบดีกล่าวว่า ในเดือนนี้ จะจัดงาน OTOP …: the topic the glossary knows, named before anything is asked
        asked = min(instruction_starts(text) or [len(text)])
        named = known_topic_at(text[:asked], speaker.end())
        if named:
            return named, text
    return None, text


@cache
def _known_topic() -> re.Pattern[str]:
    return re.compile(trie_pattern(topic_names()))


def known_topic_at(text: str, start: int) -> str | None:
    """The first name of a topic the glossary knows in ``text`` from ``start`` (at ``start`` itself
    when ``start`` is 0: the paragraph opens on it), as written; None when there is none.

    >>> known_topic_at("หมู่บ้านเศรษฐกิจพอเพียง ส่งรายงานแล้ว", 0), known_topic_at("ยังไม่ส่ง กองทุนหมู่บ้าน", 0)
    ('หมู่บ้านเศรษฐกิจพอเพียง', None)
    >>> known_topic_at("อธิบดีกล่าวว่า กรมจะจัดงาน OTOP กลางปี", 14)
    'OTOP'
    """
    pattern = _known_topic()
    match = pattern.match(text, start) if start == 0 else pattern.search(text, start)
    return match.group(0) if match else None


def meeting_topic(sentence: str, title: str) -> str:
    """What a post that names no topic is about: the meeting's name in its sentence, else its title.

    >>> meeting_topic("นายสมพงษ์ ใจเย็น เป็นประธานการประชุมคณะกรรมการกองทุนแม่ของแผ่นดิน ครั้งที่ 2/2566 ณ ห้องประชุม", "")
    'คณะกรรมการกองทุนแม่ของแผ่นดิน'
    """
    match = _MEETING_NAME.search(sentence)
    if match and len(match.group("name")) >= 4:
        return collapse(match.group("name"))[:80]
    return collapse(title)[:80] or "การประชุม"
