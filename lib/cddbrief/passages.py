"""The document outside the directives: what each stretch of it is, and what each figure in it was said as.

A meeting is its whole document: the head (a title, the sentence that names the meeting,
the attendees), what was reported, each item's directives, remarks and resolutions, a post's
credits. The layout readers give the items; this module says what kind of passage every
other line is (``kind_of``) and, for a figure or a date, whether it was said about the
meeting itself, reported, asked or decided (``context_at``), from the clause it stands in.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from .glossary import actor_en
from .header import is_banner
from .model import Context, PassageKind

# an instruction starts a sentence: at its start, after a space or a colon, after และ/โดย/ทั้งนี้/จึง/พร้อมทั้ง, after the one
# who asks (ประธานให้, ที่ประชุมให้); ได้ may come first; ให้ alone only where it asks (not ให้ความรู้, เพื่อให้, ใส่ให้สนุก):
# the cue words (_ASK_WORDS) and what must stand before them (_LEADS_IN)
ASKERS = ("ประธาน", "ที่ประชุม")  # who asks, written right before the cue: ประธานกำชับให้…, ที่ประชุมขอให้…
_LEADS_IN = ("และ", "โดย", "ทั้งนี้", "จึง", "พร้อมทั้ง", "รวมทั้ง", *ASKERS)
_ASK_WORDS = ("มอบหมาย", "กำชับ", "เน้นย้ำ", "ขอให้", "ขอความร่วมมือ", "สั่งการ", "ให้")
INSTRUCTION = "(?:" + "|".join(_ASK_WORDS) + ")"  # the words an instruction opens with, as a pattern
# words that ask only when who is asked follows them (ฝากเจ้าหน้าที่การเงิน…, มอบหัวหน้ากลุ่มงาน…, มอบให้ทุกตำบล…): ฝากขอบคุณ
# thanks, มอบเกียรติบัตร hands over a certificate, เงินฝาก is a deposit
HANDS_OVER = ("ฝาก", "มอบ")  # words that hand a task to who follows them (มอบหมาย is an ask word of its own)
_CUES = _ASK_WORDS + HANDS_OVER  # every word an instruction may open with (มอบหมาย is found as มอบ as well)
# who is handed a task, named by post rather than by an office the glossary knows: นักวิชาการ…, เจ้าหน้าที่…, ทุกอำเภอ
_STAFF = (
    "นักวิชาการ",
    "เจ้าหน้าที่",
    "เจ้าพนักงาน",
    "ผู้รับผิดชอบ",
    "หัวหน้า",
    "คณะทำงาน",
    "กลุ่มงาน",
    "ทุก",
    "เลขานุการ",
    "ผู้ช่วยเลขานุการ",
    "พัฒนากร",
    "ฝ่าย",
)
_NOT_ASKING = ("ความ", "แก่", "กับ", "การ", "เป็น", "บริการ", "ข้อมูล", "เกียรติ", "คำ", "ที่ประชุม")
# ให้ then how far or how well (ให้ครบ, ให้ทัน, ให้แล้วเสร็จ, ให้ถูกต้อง, ให้ได้ …) goes on with the order before it
_GOES_ON = ("ครบ", "ทัน", "เสร็จ", "แล้วเสร็จ", "ถูกต้อง", "เรียบร้อย", "ได้")


def _leads_in(text: str, at: int) -> bool:
    """Whether an instruction's cue word at ``at`` starts a sentence."""
    if at == 0:
        return True
    before = text[max(0, at - 12) : at]
    if before.endswith("ได้"):
        if at == 3:
            return True
        before = before[:-3]
    if not before or before[-1].isspace() or before[-1] in ":：" or before.endswith(_LEADS_IN):
        return True
    return doer_before(text, at) is not None


def doer_before(text: str, at: int) -> int | None:
    """Where the one asked or asking starts, when a clause opens on who (a person, ประธาน, an office or level
    the glossary knows: ตำบลที่เหลือ, ผู้ว่าราชการจังหวัด …) and ``ได้`` may stand before the cue word at ``at``;
    None when the clause opens on something else (เพื่อให้…, โครงการให้…) or a verb stands between who and the
    cue (ที่ประชุมเห็นชอบให้… decides).

    >>> text = "ส่งแล้ว 3 อำเภอ อำเภอที่เหลือให้ส่งภายในวันนี้"
    >>> doer_before(text, text.index("ให้")), doer_before("เพื่อให้ทันเวลา", 4)
    (16, None)
    """
    start = max((text.rfind(mark, 0, at) for mark in (" ", "\n", "\t", ":", "：")), default=-1) + 1
    lead = next((word for word in _LEADS_IN if text.startswith(word, start) and word not in ASKERS), "")
    start += len(lead)  # และประธานกำชับให้…: who asks comes after the word that joins the clause
    who = text[start:at]
    who = who[:-3] if who.endswith("ได้") else who
    verbs = _TELLING_VERBS + _ASK_WORDS
    named = _PERSON.match(text, text.rfind(" ", 0, max(0, start - 1)) + 1)
    if named and not _names_doer(who) and at - named.start() <= DOER_MAX:  # นางสาวสมใจ ดีมาก ให้…: a name, a surname
        start, who = named.start(), text[named.start() : at].removesuffix("ได้")
    if not who or len(who) > DOER_MAX or tells(who) or _positions(who, verbs, len(who)):
        return None  # ที่ประชุมเห็นชอบให้… decides; อำเภอรายงานให้… tells; the ให้ of กำชับให้ is found as กำชับ
    return start if _names_doer(who) else None


_QUALIFIERS = ("ที่", "ทุก", "ประจำ", "แต่ละ")  # what may follow who, before the cue: ตำบลที่เหลือ, พัฒนากรทุกคน


def _names_doer(who: str) -> bool:
    """Whether ``who`` is only who (and which of them): a person, ประธาน or ที่ประชุม, or an office or level the
    glossary knows then at most ที่…, ทุก…, ประจำ… (ที่ประชุมตั้งเป้าให้… sets a target; it asks nothing)."""
    if who in ASKERS or _PERSON.match(who):
        return True
    known = _known_actor_end(who)
    return known > 0 and (known == len(who) or who.startswith(_QUALIFIERS, known))


def _known_actor_end(who: str) -> int:
    """Where the longest start of ``who`` the glossary knows as an actor ends (0: none): ``อำเภอส่ง`` → 5."""
    return next((end for end in range(len(who), 1, -1) if actor_en(who[:end]) != who[:end]), 0)


def _asks(text: str, at: int) -> bool:
    """Whether the cue word at ``at`` (found by _CUES) is an instruction that starts a sentence."""
    if text.startswith("ให้", at) and (
        text.startswith(_NOT_ASKING + _GOES_ON, at + 3) or text.startswith("ขอ", max(0, at - 2))
    ):
        return False  # ให้ความรู้, ให้แก่, ให้ครบ …; the ให้ of ขอให้ is found as ขอให้
    if hands_over(text, at) and not hands_to(text, at):
        return False  # ฝากขอบคุณ, มอบเกียรติบัตร: nobody is asked
    return _leads_in(text, at) and not _order_reported_done(text, at)


def hands_to(text: str, at: int) -> bool:
    """Whether ``ฝาก`` or ``มอบ`` at ``at`` hands a task to someone: who follows it (after ให้, if written) is a
    person, a post (นักวิชาการ…, เจ้าหน้าที่…, ทุก…) or an office the glossary knows, and not a share (จังหวัดละ).

    >>> hands_to("ฝากพัฒนากรประจำตำบลเยี่ยมบ้าน", 0), hands_to("มอบให้ทุกตำบลส่งแผน", 0), hands_to("มอบเจ้าหน้าที่ตรวจบัญชี", 0)
    (True, True, True)
    >>> hands_to("มอบเลขานุการจัดทำโครงการ", 0), hands_to("มอบพัฒนากรทุกคนติดตาม", 0)
    (True, True)
    >>> hands_to("ฝากขอบคุณทุกอำเภอ", 0), hands_to("มอบเกียรติบัตรแก่พัฒนากร", 0), hands_to("มอบจังหวัดละ 2 ชุด", 0)
    (False, False, False)
    """
    after = at + 3
    after += 3 if text.startswith("ให้", after) and not text.startswith(_NOT_ASKING, after + 3) else 0
    who = text[after : after + DOER_MAX]
    if who.startswith(_STAFF) or _PERSON.match(who):
        return True
    known = _known_actor_end(who)
    return known > 0 and not who.startswith("ละ", known)


def hands_over(text: str, at: int) -> bool:
    """Whether ``ฝาก`` or ``มอบ`` (not ``มอบหมาย``, an ask word of its own) stands at ``at``.

    >>> hands_over("ฝากทุกตำบล", 0), hands_over("มอบหมายให้อำเภอ", 0)
    (True, False)
    """
    return text.startswith(HANDS_OVER, at) and not text.startswith("มอบหมาย", at)


# an order given before: the one that ประธานสั่งการไว้ (ไว้ after the cue), or ตามที่ประธานมอบหมาย (ที่ before who)
_ORDER_GIVEN_BEFORE = re.compile(r"ที่(?:" + "|".join(ASKERS) + r")?(?:ได้)?$")


def _order_reported_done(text: str, at: int) -> bool:
    """Whether the cue word at ``at`` names an order given before (สั่งการไว้, ตามที่…มอบหมาย) that the rest of the
    text reports on (แล้ว, ได้ดำเนินการ … not ให้แล้วเสร็จ, which still asks): a report, not an instruction.

    >>> text = "งานที่ประธานสั่งการไว้ ดำเนินการแล้วเสร็จ 5 ตำบล"
    >>> _order_reported_done(text, text.index("สั่งการ")), _order_reported_done("ประธานสั่งการไว้ ให้ส่งภายใน 5 วัน", 6)
    (True, False)
    """
    cue = next((word for word in _CUES if text.startswith(word, at)), "")
    if not (text.startswith("ไว้", at + len(cue)) or _ORDER_GIVEN_BEFORE.search(text, 0, at)):
        return False
    return any(not text.endswith("ให้", 0, found) for found in _positions(text, _REPORT_WORDS, len(text)) if found > at)


def instruction_starts(text: str) -> list[int]:
    """Where the instructions of a text start (at their cue word: ให้, ขอให้, มอบหมาย, กำชับ …).

    >>> text = "ที่ประชุมรับทราบ และได้มอบหมายให้อำเภอรายงาน เพื่อให้ทันเวลา ทั้งนี้ขอให้เร่งรัด"
    >>> [text[at:at + 7] for at in instruction_starts(text)]
    ['มอบหมาย', 'ขอให้เร']
    >>> instruction_starts("กองทุนหมู่บ้าน:ให้ตำบลติดตาม"), instruction_starts("เพื่อให้ทันเวลา")
    ([15], [])
    """
    return sorted({at for at in _positions(text, _CUES, len(text)) if _asks(text, at)})


_DEADLINE = re.compile(r"(?:ภายใน|ก่อน|ไม่เกิน)\s*(?:วันที่|เดือน)?\s*$")
_DECIDE_WORDS = ("มติ", "เห็นชอบ", "อนุมัติ", "เห็นควร")
# what was done or found, said in the past: a figure in such a clause was reported, even inside a directive
_REPORT_WORDS = (
    "แล้ว",
    "ได้ดำเนินการ",
    "ผลการดำเนิน",
    "ผลการเบิกจ่าย",
    "ผลการจัดเก็บ",
    "มีการรายงาน",
    "รายงานผลการ",
    "รับทราบ",
    "ชี้แจง",
    "แจ้งว่า",
    "สรุปผล",
    "ปัจจุบัน",
    "ขณะนี้",
    "จัดเก็บได้",
    "เบิกจ่ายได้",
    "ดำเนินการได้",
    "จำหน่ายได้",
)


def tells(text: str) -> bool:
    """Whether a text holds a word of what was reported or decided (แล้ว, ผลการดำเนินงาน, รับทราบ, มติ,
    เห็นชอบ …): a line with such a word tells, even where it stands in a list of instructions.

    >>> tells("ผลการเบิกจ่ายงบประมาณ ร้อยละ 65.20"), tells("ที่ประชุมเห็นชอบ"), tells("ประสานอำเภอ")
    (True, True, False)
    """
    return any(word in text for word in _REPORT_WORDS + _DECIDE_WORDS)


# a point that tells what someone said, got or has opens on who (a person, who asks, an office or level the
# glossary knows as an actor: กรมฯ, จังหวัด, อำเภอ …), then one of these verbs: กรมฯ แจ้งผล…, จังหวัดได้รับ…
_TELLING_VERBS = ("แจ้ง", "รายงาน", "ได้", "มี")
_PERSON_TITLE = r"(?:นาย|นางสาว|นาง|น\.ส\.|ว่าที่|ดร\.|ผศ\.|รศ\.)"
_PERSON = re.compile(_PERSON_TITLE + r"\S")
DOER_MAX = 40  # letters: who a point opens on, with a name and a position, before the verb


def told_by(text: str) -> bool:
    """Whether a point tells what someone said, got or has rather than asking for it: it opens on who
    (a person, ประธาน, an office the glossary knows: กรมฯ, จังหวัด, อำเภอ …) and the verb that follows
    is แจ้ง, รายงาน, ได้ or มี, with no instruction before it (กรมฯ แจ้งให้… relays an ask).
    A point that opens on what is to be done (เตรียมงาน…, ส่งรายงาน…) is not told by anyone.

    >>> told_by("กรมฯ แจ้งผลการประเมินของจังหวัด ได้ 91.5 คะแนน"), told_by("อำเภอได้รับรางวัลระดับเขต")
    (True, True)
    >>> told_by("เตรียมงานวันสตรีสากล"), told_by("ส่งรายงานภายในวันที่ 5"), told_by("กรมฯ แจ้งให้จังหวัดส่งแผน")
    (False, False, False)
    """
    verbs = _positions(text, _TELLING_VERBS, min(len(text), DOER_MAX + 1))
    if not verbs or verbs[0] == 0:
        return False  # no verb of telling after a doer's name, or the point opens on the verb (รายงานผล…)
    at = verbs[0]
    who = text[:at].strip()
    verb = next(v for v in _TELLING_VERBS if text.startswith(v, at))
    if instruction_starts(text[: at + len(verb) + 3]) or text.startswith("ให้", at + len(verb)):
        return False
    return _is_doer(who)


def _is_doer(who: str) -> bool:
    """Whether ``who`` opens on a person, on who asks, or on an office or level the glossary knows."""
    if who.startswith(ASKERS) or _PERSON.match(who):
        return True
    return any(actor_en(who[:end]) != who[:end] for end in range(len(who), 1, -1))  # the glossary knows who


def decides_at(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds a decision that says what is to be done (มติให้…, เห็นชอบให้…,
    อนุมัติให้…): a ``และให้…`` after it goes on with what was decided; a decision told of as a fact
    (``ซึ่งอนุมัติโครงการไปแล้ว``) does not.

    >>> decides_at("ที่ประชุมเห็นชอบให้เสนอ 10 โครงการ และให้ส่งคืน 2 โครงการ", 0, 36)
    True
    >>> decides_at("ซึ่งอนุมัติโครงการไปแล้ว 64 โครงการ และมอบหมายให้อำเภอจัดเวที", 0, 37)
    False
    """
    for at in _positions(text, _DECIDE_WORDS, end):
        word = next(w for w in _DECIDE_WORDS if text.startswith(w, at))
        if at >= start and text[at + len(word) : end].lstrip().startswith("ให้"):
            return True
    return False


# where a new clause starts: after a wide gap, a line break, a semicolon; at a word that opens a sentence after a space
_CLAUSE_MARKS = ("  ", "\n", ";", "；")
_OPENERS = (
    "โดย",
    "ซึ่ง",
    "ทั้งนี้",
    "และได้",
    "จากนั้น",
    "ต่อจากนั้น",
    "ในการนี้",
    "นอกจากนี้",
    "สำหรับ",
    "ส่วน",
    "ปัจจุบัน",
    "ขณะนี้",
    "พร้อมทั้ง",
    "พร้อมกันนี้",
)
_CLOSING = re.compile(
    r"^\s*(?:#|ภาพ\s*[:/]|ข่าว\s*[:/]|ภาพ/ข่าว|ภาพและข่าว|ภาพ-ข่าว|รายงานโดย|ผู้รายงาน|ผู้สรุป|ผู้บันทึก|ผู้เขียน|เขียนโดย|ที่มา\s*[:：]|เผยแพร่|โพสต์|"
    r"อ่าน\s*\d+\s*ครั้ง|เข้าชม|ผู้เข้าชม|จำนวนผู้อ่าน|แชร์|share\b|tags?\s*:|-{3,}|_{3,})",
    re.I,
)
_ATTENDEES = re.compile(r"^\s*(?:ผู้(?:เข้าร่วม|มา|ไม่มา|เข้า|ร่วม)ประชุม|รายชื่อผู้|ผู้ลาประชุม|ผู้เข้าร่วม)")
_PERSON_LINE = re.compile(r"^\s*(?:\d{1,3}[.)]\s*)?" + _PERSON_TITLE + r"\S")
_MEETING_WORDS = re.compile(r"ประชุม|ครั้ง\s*ที่")
_MEETING_CUES = re.compile(r"ครั้ง\s*ที่|เป็นประธาน|ประธานในที่ประชุม|(?:^|\s)ณ\s|วัน\S*\s*ที่|วันนี้\s*\(|เมื่อวันที่")

# what a passage's figures are said as when their clause does not say: a table's หมายเหตุ mostly holds deadlines
DEFAULT_CONTEXT: dict[str, Context] = {
    "head": "meeting", "meeting": "meeting", "attendees": "meeting",
    "topic": "reported", "reported": "reported", "remarks": "asked", "resolution": "decided",
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
    return contexts_at(text, [start], default)[0]


def _positions(text: str, words: tuple[str, ...], end: int) -> list[int]:
    """Where any of the words starts in text before ``end``, in order (str.find: many times faster
    than a regular expression of Thai alternatives, on every directive of every document)."""
    found = []
    for word in words:
        at = text.find(word, 0, end)
        while at >= 0:
            found.append(at)
            at = text.find(word, at + 1, end)
    return sorted(found)


def contexts_at(text: str, starts: list[int], default: Context) -> list[Context]:
    """``context_at`` of several places of one text: its clauses and cue words found once.

    >>> contexts_at("ที่ประชุมมีมติเห็นชอบงบ 5,000 บาท ให้ส่งภายใน 9 ก.พ. 66", [24, 47], "reported")
    ['decided', 'asked']
    >>> contexts_at("ที่ประชุมเห็นชอบให้สนับสนุน 6 โครงการ และให้ชะลอ 3 โครงการ", [28, 49], "reported")
    ['decided', 'decided']
    """
    if not starts:
        return []
    last = max(starts)
    cuts = [0] + [at + 1 for at in _positions(text, _CLAUSE_MARKS, last)]
    cuts += [at for at in _positions(text, _OPENERS, last) if at and text[at - 1].isspace()]
    cuts.sort()
    asks = [at for at in _positions(text, _CUES, last) if _asks(text, at)]
    decides = _positions(text, _DECIDE_WORDS, last)
    if decides and asks:  # เห็นชอบให้… และให้…: what goes on with a decision was decided, not asked
        asks = [at for at in asks if not decides_at(text, cuts[bisect_right(cuts, at) - 1], at)]
    reports = _positions(text, _REPORT_WORDS, last) if default in ("meeting", "asked") else []

    def within(positions: list[int], start: int, end: int) -> bool:
        at = bisect_left(positions, start)
        return at < len(positions) and positions[at] < end

    found: list[Context] = []
    for start in starts:
        clause_from = cuts[bisect_right(cuts, start) - 1]
        if within(asks, clause_from, start) or (
            default == "asked" and _DEADLINE.search(text, max(clause_from, start - 24), start)
        ):
            found.append("asked")
        elif within(decides, clause_from, start):
            found.append("decided")
        elif within(reports, clause_from, start):
            found.append("reported")
        else:
            found.append(default)
    return found
