"""The document outside the directives: what each stretch of it is, and what each figure in it was said as.

A meeting is its whole document: the head (a title, the sentence that names the meeting,
the attendees), what was reported, each item's directives, remarks and resolutions, a post's
credits. The layout readers give the items; this module says what kind of passage every
other line is (``kind_of``) and, for a figure or a date, whether it was said about the
meeting itself, reported, asked or decided (``context_at``), from the clause it stands in.
"""

from __future__ import annotations

import re

from .header import is_banner
from .model import Context, PassageKind

# an instruction starts a sentence: at its start, after a space, after และ/โดย/ทั้งนี้/จึง/พร้อมทั้ง, after the one
# who asks (ประธานให้, ที่ประชุมให้); ได้ may come first;
# ให้ alone only where it asks (not ให้ความรู้, เพื่อให้, ใส่ให้สนุก)
INSTRUCTION_START = re.compile(
    r"(?:^|(?<=\s)|(?<=และ)|(?<=โดย)|(?<=ทั้งนี้)|(?<=จึง)|(?<=พร้อมทั้ง)|(?<=รวมทั้ง)|(?<=ประธาน)|(?<=ที่ประชุม))(?:ได้)?(?P<cue>มอบหมาย|กำชับ|เน้นย้ำ|ขอให้|ขอความร่วมมือ|สั่งการ|"
    r"ให้(?!ความ|แก่|กับ|การ|เป็น|บริการ|ข้อมูล|เกียรติ|คำ|ที่ประชุม))"
)
_DEADLINE = re.compile(r"(?:ภายใน|ก่อน|ไม่เกิน)\s*(?:วันที่|เดือน)?\s*$")
_DECIDED = re.compile(r"มติ|เห็นชอบ|อนุมัติ|เห็นควร")
# what was done or found, said in the past: a figure in such a clause was reported, even inside a directive
_REPORTED = re.compile(
    r"แล้ว|ได้ดำเนินการ|ผลการดำเนิน|ผลการเบิกจ่าย|ผลการจัดเก็บ|มีการรายงาน|รายงานผลการ|รับทราบ|ชี้แจง|แจ้งว่า|สรุปผล|ปัจจุบัน|ขณะนี้|"
    r"(?:จัดเก็บ|เบิกจ่าย|ดำเนินการ|จำหน่าย)ได้"
)
# where a new clause starts: a wide gap, a line break, a semicolon, or a word that opens a sentence
_CLAUSE_START = re.compile(
    r"\s{2,}|\n|[;；]|(?<=\s)(?=(?:โดย|ซึ่ง|ทั้งนี้|และได้|จากนั้น|ต่อจากนั้น|ในการนี้|นอกจากนี้|สำหรับ|ส่วน|ปัจจุบัน|ขณะนี้|พร้อมทั้ง|พร้อมกันนี้)\S)"
)
_CLOSING = re.compile(
    r"^\s*(?:#|ภาพ\s*[:/]|ข่าว\s*[:/]|ภาพ/ข่าว|ภาพและข่าว|ภาพ-ข่าว|รายงานโดย|ผู้รายงาน|ผู้เขียน|เขียนโดย|ที่มา\s*[:：]|เผยแพร่|โพสต์|"
    r"อ่าน\s*\d+\s*ครั้ง|เข้าชม|ผู้เข้าชม|จำนวนผู้อ่าน|แชร์|share\b|tags?\s*:|-{3,}|_{3,})",
    re.I,
)
_ATTENDEES = re.compile(r"^\s*(?:ผู้(?:เข้าร่วม|มา|ไม่มา|เข้า|ร่วม)ประชุม|รายชื่อผู้|ผู้ลาประชุม|ผู้เข้าร่วม)")
_PERSON_LINE = re.compile(r"^\s*(?:\d{1,3}[.)]\s*)?(?:นาย|นางสาว|นาง|น\.ส\.|ว่าที่|ดร\.|ผศ\.|รศ\.)\S")
_MEETING_WORDS = re.compile(r"ประชุม|ครั้ง\s*ที่")
_MEETING_CUES = re.compile(r"ครั้ง\s*ที่|เป็นประธาน|ประธานในที่ประชุม|(?:^|\s)ณ\s|วัน\S*\s*ที่|วันนี้\s*\(|เมื่อวันที่")

DEFAULT_CONTEXT: dict[str, Context] = {
    "head": "meeting", "meeting": "meeting", "attendees": "meeting",
    "topic": "reported", "reported": "reported", "remarks": "reported", "resolution": "decided",
}  # fmt: skip
READ_KINDS = frozenset(DEFAULT_CONTEXT)  # the passages whose figures are read (the page's own lines are not)


def is_closing(text: str) -> bool:
    """Whether a line is a post's credits or page furniture after the write-up.

    >>> is_closing("ภาพ/ข่าว : กลุ่มงานส่งเสริม"), is_closing("อ่าน 245 ครั้ง"), is_closing("ให้จังหวัดรายงาน")
    (True, True, False)
    """
    return bool(_CLOSING.match(text))


def is_meeting_sentence(text: str) -> bool:
    """Whether a line tells of a meeting: ประชุม (or ครั้งที่) with a number, a date, a chair or a place.

    >>> is_meeting_sentence("วันที่ 20 มีนาคม 2566 นายสมปอง ดีมาก เป็นประธานการประชุมคณะทำงาน")
    True
    >>> is_meeting_sentence("ประชุมให้ความรู้"), is_meeting_sentence("ให้จังหวัดรายงานผล")
    (False, False)
    """
    return bool(_MEETING_WORDS.search(text) and _MEETING_CUES.search(text))


def kind_of(text: str) -> PassageKind:
    """What a line of a write-up's head is (a banner date or a post's credits: ``page``).

    >>> kind_of("ครั้งที่ 4/2562"), kind_of("ผู้เข้าร่วมประชุม"), kind_of("1. นายสมพร ใจงาม พัฒนาการอำเภอ")
    ('meeting', 'attendees', 'attendees')
    >>> kind_of("สำนักงานพัฒนาชุมชนอำเภอวังเหนือ"), kind_of("ภาพ/ข่าว : งานประชาสัมพันธ์")
    ('head', 'page')
    """
    if is_closing(text) or is_banner(text):
        return "page"
    if _ATTENDEES.match(text) or _PERSON_LINE.match(text) and not is_meeting_sentence(text):
        return "attendees"
    if is_meeting_sentence(text):
        return "meeting"
    return "head"


def context_at(text: str, start: int, default: Context) -> Context:
    """What a figure or date at ``start`` was said as, from the clause it stands in: asked (an
    instruction: ให้, มอบหมาย, กำชับ …), decided (มติ, เห็นชอบ …), reported (รายงาน, ผลการ …, in
    the meeting's sentence or a directive), else the default of what holds it (a directive's: asked).

    >>> text = "วันที่ 20 มี.ค. 66 ณ ห้องประชุม โดยมีการรายงานผลการเบิกจ่าย 2 ล้านบาท และได้มอบหมายให้อำเภอส่งภายใน 31 มี.ค. 66"
    >>> [context_at(text, text.index(s), "meeting") for s in ("20 มี.ค.", "2 ล้าน", "31 มี.ค.")]
    ['meeting', 'reported', 'asked']
    """
    clause_from = 0
    for match in _CLAUSE_START.finditer(text, 0, start):
        clause_from = match.end() if match.group() else match.start()
    clause = text[clause_from:start]
    if INSTRUCTION_START.search(clause) or (default == "asked" and _DEADLINE.search(clause)):
        return "asked"
    if _DECIDED.search(clause):
        return "decided"
    if default in ("meeting", "asked") and _REPORTED.search(clause):
        return "reported"
    return default
