"""The meeting a write-up is about, from its title lines or its first paragraph.

Finds the meeting number and Buddhist-era year (``ครั้งที่ 4/2562``, but not a
later reference such as ``รับรองรายงานการประชุมครั้งที่ 3/2562``), the title,
the office that wrote it (``สำนักงานพัฒนาชุมชนอำเภอ…``, ``สพอ.…``, ``สพจ.…``,
``พัฒนาการอำเภอ…``; abbreviations expanded and checked in the gazetteer), the
meeting's own date, the chair and the place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from . import glossary
from .errors import BadMeetingId, Setting
from .model import DateSpan, Note
from .thaidates import MONTHS, WEEKDAY_WORDS, as_be, find_dates, find_reschedules, month_number
from .thaitext import collapse, has_thai_digits, to_arabic_digits

MEETING_REF = re.compile(
    r"ครั้ง\s*ที่\s*(?:(?P<running>\d{1,4})\s*\(\s*)?(?P<no>\d{1,3})\s*(?:/\s*|ประจำปี(?:งบประมาณ)?\s*(?:พ\.?\s?ศ\.?\s*)?)"
    r"(?P<year>\d{4}|\d{2})(?!\d)"
)
_REF_CUT = re.compile(r"ครั้ง\s*ที่\s*(?:\d{1,4}\s*(?:/|\(\s*(?:\d{1,3}\s*/?)?)?\s*)?$")  # a number the line break cut
_MONTHLY = re.compile(
    r"ประจำเดือน\s*(?P<month>"
    + "|".join(full for full, _ in MONTHS)
    + "|"
    + "|".join(re.escape(abbr) for _, abbr in MONTHS)
    + r")\s*(?:พ\.?\s?ศ\.?\s*)?(?P<year>\d{4}|\d{2})(?!\d)"
)
# Words before a meeting number that make it another meeting's: the minutes being approved, an earlier decision.
_OTHER_MEETING = re.compile(r"(?:รับรอง|ตามที่|ตามมติ|สืบเนื่อง|ครั้งก่อน|ที่ผ่านมา|ครั้งต่อไป)")
_DEBRIS = re.compile(r"^[\s\d\-–—.()/|*#หน้า]*$")
_OFFICE_LINE = re.compile(
    r"^\s*(?:สำนักงาน|ที่ทำการ)?\s*พัฒนาชุมชน(?:อำเภอ|จังหวัด)|^\s*(?:อำเภอ|จังหวัด)|^\s*(?:สำนักงาน|ที่ทำการ)\S*"
)
_OFFICE_MENTION = re.compile(
    r"(?P<form>สำนักงานพัฒนาชุมชน|สนง\.?\s?พช\.?\s?|พัฒนาการ|สพ(?=[อจ]\.?))\s*(?P<level>อำเภอ|จังหวัด|อ\.|จ\.|อ(?=\.)|จ(?=\.))\.?\s*(?P<name>[ก-๛]+)"
)
# a provincial office by the department's short form and a province's name, as a post's title opens: พช.น่าน
_PROVINCE_SHORT = re.compile(r"(?<![ก-๛.])พช\.\s?(?P<name>[ก-๛]+)(?![ก-๛])")
# an office of any other agency, as written: up to the next space (and a เขต number), or a verb glued to it in a PDF
_OFFICE_ENDS = r"[^ก-๛]|$|ทำหน้าที่|เป็นประธาน|ร่วมประชุม|จัดประชุม|ได้จัด|ได้ร่วม|ประชุม"
_AGENCY = re.compile(
    r"(?<!คณะ)(?<!ห้องประชุม)(?P<office>(?:สำนักงานเขตพื้นที่การศึกษา|องค์การบริหารส่วน(?:ตำบล|จังหวัด)|เทศบาล(?:ตำบล|เมือง|นคร)|"
    r"สำนักงาน(?!พัฒนาชุมชน)|กระทรวง|กรม(?!การจังหวัด|การอำเภอ)|มหาวิทยาลัย|โรงเรียน)(?:[ก-๛]+?\s?เขต\s?\d{1,2}|[ก-๛]{2,}?(?="
    + _OFFICE_ENDS
    + r")))"
    r"|(?P<abbr>สพ[ปม])\.\s?(?P<area>[ก-๛]+)(?:\s?เขต\s?(?P<zone>\d{1,2}))?"
)
_NAME_TITLE = (
    r"(?:นาย(?!อำเภอ|ก(?:เทศมนตรี|องค์การ|รัฐมนตรี|สมาคม))|นางสาว|นาง|น\.ส\.|ว่าที่\s?(?:ร\.ต\.|ร้อยตรี)\s?(?:หญิง)?|ดร\.|ผศ\.|รศ\.|ศ\."
    r"|พล(?:เอก|โท|ตรี)|พล\.[อทต]\.|พ\.[อทต]\.(?:[อทต]\.)?|พัน(?:เอก|โท|ตรี)|ร้อย(?:เอก|โท|ตรี)|ร\.[อทต]\.(?:[อทต]\.)?|จ่าสิบ(?:เอก|โท|ตรี)"
    r"|[จพ]\.[จส]\.[อทต]\.|ส\.[อทต]\.)"
)  # a person's title: Mr, Mrs, Miss, acting sub-lieutenant, doctor, professor, military and police ranks
_POSITION = (
    r"(?:รองอธิบดี|อธิบดี|ผู้ว่าราชการจังหวัด|รองผู้ว่าราชการจังหวัด|นายอำเภอ|ปลัด|พัฒนาการ(?:จังหวัด|อำเภอ)|ผู้อำนวยการ|หัวหน้า|นายก)"
)
_PERSON_START = re.compile(
    r"(?:^|(?<=[\s(]))(?:"
    + _NAME_TITLE
    + r"|(?<!ใน)"
    + _POSITION
    + r")|(?<=โดยมี)(?:"
    + _NAME_TITLE
    + "|"
    + _POSITION
    + ")"
)
_CHAIRED = re.compile(r"\s*(?:ได้)?(?:ให้เกียรติ)?\s*(?:(?:เป็น|ทำหน้าที่)ประธาน|ดำเนินการประชุม)")
_CHAIR_AFTER = re.compile(
    r"(?<!เป็น)(?<!หน้าที่)ประธาน(?:(?:ในที่ประชุม|การประชุม)\s*[:：]?|\s*[:：]|(?<=^ประธาน)\s+(?="
    + _NAME_TITLE
    + r"))\s*(?P<who>(?:"
    + _NAME_TITLE
    + "|"
    + _POSITION
    + r")[^,()]{2,120}?)(?=\s+(?:ณ|พร้อม|โดย|เพื่อ|และ|กล่าว|ได้)|\s*[,(]|$)"
)
_CHAIR_BOUNDARY = re.compile(
    r"โดยมี|โดย|(?:^|(?<=\s))มี(?!นาคม)|\bน\.(?=\s)|[,()]|\s{2,}|มอบหมาย(?:ให้)?|พร้อมด้วย|ร่วมกับ|ในฐานะ|ประชุม"
)
_LISTED_PERSON = re.compile(r"\s*[0-9๐-๙]{1,2}[.)]\s*" + _NAME_TITLE)  # a line of a list of those at the meeting
_CHAIR_LISTED = re.compile(
    r"^\s*(?:\d{1,2}[.)]\s*)?(?P<who>" + _NAME_TITLE + r".{4,120}?)\s+ประธาน(?:ใน)?(?:ที่ประชุม|กรรมการ|สภา\S*)?\s*$", re.M
)
_WEEKDAY = f"(?:{WEEKDAY_WORDS})"  # วันจันทร์ … วันพฤหัส …
# a line that opens on a label of the place: สถานที่ : …, สถานที่ประชุม : … (ณ : … as ณ); with no colon, a place must follow
# ณ before a day or a time tells when, not where: ณ วันที่ 9 …, ณ เวลา …, ณ ปัจจุบัน, ณ สิ้นเดือน …
_NOT_A_PLACE = r"\s*(?:วัน" + _WEEKDAY + r"?\s*ที่|เวลา|ปัจจุบัน|ขณะนี้|สิ้น|[0-9๐-๙])"
_PLACE_OPENS = r"(?:ห้อง|หอ|ศาลา|อาคาร|สำนักงาน|ที่ว่าการ|ศูนย์|โรงแรม|โรงเรียน|วัด)"
_PLACE_LABEL = r"^\s*สถานที่\s*(?:จัด)?(?:ประชุม)?(?:\s*[:：]\s*|\s+(?=(?:ณ\s*)?" + _PLACE_OPENS + r"))(?:ณ\s*)?"
_PLACE = re.compile(
    r"(?:"
    + _PLACE_LABEL
    + r"|(?:^|\s)ณ(?!"
    + _NOT_A_PLACE
    + r")\s*(?:[:：]\s*)?|(?:^|\s)ที่(?=\s?(?:ห้องประชุม|หอประชุม|ศาลา|อาคาร)))(?P<place>.{3,120}?)"
    r"(?=\s*(?:โดยมี|ประธานการประชุม|ประธานในที่ประชุม|ประธาน\s*[:：])"
    r"|\s+(?:โดย|เพื่อ|พร้อม|ซึ่ง|มี(?!นาคม)|และมี|(?:และ\s*)?(?:ผ่าน|เชื่อมต่อ)|เวลา|วันที่|ได้|นาย|นาง|ประธาน|สรุป|ดังนี้)"
    r"|\s*[,(]|$)"
)
# where no word ends the place near it (a new sentence follows with no space word of its own), the words after
# ณ that name a place: its first, then each that opens with a building, a floor, a village, a subdistrict …
_PLACE_START = re.compile(r"(?:^|\s)ณ(?!" + _NOT_A_PLACE + r")\s*(?:[:：]\s*)?(?=\S)")
_PLACE_WORD = re.compile(
    r"(?:สำนักงาน|ที่ว่าการ|ศาลากลาง|อาคาร|ตึก|ชั้น|ห้อง|หอ|ศาลา|ศูนย์|โรงแรม|โรงเรียน|วัด|บ้าน|หมู่(?:ที่|บ้าน)?|ม\.|ตำบล|ต\.|"
    r"อำเภอ|อ\.|จังหวัด|จ\.|กรม|กระทรวง|องค์การ|อบ[ตจ]|สพ[อจ]|พช|เทศบาล|มหาวิทยาลัย|เขต|แขวง|ซอย|เลขที่|ถนน|[0-9๐-๙A-Za-z])"
)
_DATE_LINE = re.compile(r"(?:^|\s)(?:เมื่อ|ใน)?(?:วัน" + _WEEKDAY + r"?\s*ที่)")
# the meeting's own day is written after one of these: วันที่ …, เมื่อวันที่ …, วันจันทร์ที่ …, วันนี้ (…); not an order's ลงวันที่
_DATE_CUE = re.compile(r"(?:(?<!ลง)(?:เมื่อ)?วัน" + _WEEKDAY + r"?\s*(?:ที่|นี้\s*\(?)|ประชุมเมื่อ)\s*$")
_ORDER_DATE = re.compile(r"ลง\s*วันที่\s*$")
_CHAIR_OR_TIME = re.compile(r"ประธาน|เวลา\s*\d|\d\s*น\.")
_MEETING_FACTS = [
    re.compile(cue) for cue in (r"ประธาน", r"เวลา\s*[\d๐-๙]|[\d๐-๙]\s*น\.", r"(?:^|\s)ณ\s|ที่ห้องประชุม", r"ครั้ง\s*ที่")
]
_BACKGROUND = re.compile(r"^\s*(?:ตามที่|สืบเนื่อง|อนุสนธิ|เนื่องด้วย|เนื่องจาก)")
# a page's own date: when it was posted, published, updated or printed
_PUBLISHED_CUE = re.compile(
    r"โพสต์|เผยแพร่|ประกาศเมื่อ|ลงข่าว|วันที่ลง|อัปเดต|อัพเดท|แก้ไขล่าสุด|พิมพ์เมื่อ|updated|posted|published|print", re.I
)
_BANNER_REST = re.compile(r"^[\s\d:.,\-–|/()น]*(?:เวลา)?[\s\d:.,\-–|/()น]*(?:วัน\S{0,10}?(?:ที่)?)?[\s\d:.,\-–|/()น]*$")


@dataclass
class Header:
    """What the head of a write-up says about its meeting."""

    number: int | None = None
    year_be: int | None = None
    title: str = ""
    office: str = ""
    district: str | None = None
    province: str | None = None
    province_en: str | None = None
    meeting_date: date | None = None
    chair: str | None = None
    place: str | None = None
    published: date | None = None


def is_debris(text: str) -> bool:
    """Whether a line is page debris (a page number, dashes), no part of the write-up.

    >>> is_debris(" 5 "), is_debris("- 2 -"), is_debris("ครั้งที่ 4/2562")
    (True, True, False)
    """
    return bool(_DEBRIS.match(text))


def join_cut_lines(lines: list[str], notes: list[Note]) -> list[str]:
    """Lines of the head read as their writer wrote them: a line that a line end cut inside a name or a
    phrase goes on in the next (a PDF gives each line the page wrapped as a line of its own). The cut is
    told by the words on either side: a line that ends where a name or a phrase must go on (``…เป็น``,
    ``…สำนักงาน``, ``…การศึกษาประถม``, ``…พัฒนาการอำเภอ`` before a district the gazetteer knows,
    ``…สำนักงานพัฒนาชุมชน`` before ``อำเภอ`` or ``จังหวัด`` and a name the gazetteer knows), or a
    line that opens with what cannot open one (``เขต 2``, ``เป็นประธาน…``, a vowel or a mark); never
    into a line that opens a part of the head (``ครั้งที่``, ``วันที่``, ``ณ``, a numbered line). Each
    join is said in a note.

    >>> join_cut_lines(["ณ ห้องประชุมสำนักงาน", "พัฒนาชุมชนอำเภอแม่ทะ โดยมีนายสมปอง ดีใจ นายอำเภอ", "เป็นประธาน"], [])
    ['ณ ห้องประชุมสำนักงานพัฒนาชุมชนอำเภอแม่ทะ โดยมีนายสมปอง ดีใจ นายอำเภอเป็นประธาน']
    >>> join_cut_lines(["ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาน่าน", "เขต 2 ประธาน", "ครั้งที่ 3/2566"], [])
    ['ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาน่าน เขต 2 ประธาน', 'ครั้งที่ 3/2566']
    >>> join_cut_lines(["รายงานการประชุมสำนักงาน", "ครั้งที่ 3/2566"], [])
    ['รายงานการประชุมสำนักงาน', 'ครั้งที่ 3/2566']
    """
    out: list[str] = []
    for line in lines:
        glue = _glue(out[-1], line) if out else None
        if glue is None:
            out.append(line)
            continue
        above, shown_above, shown_below = out[-1], _words_at_end(out[-1]), _words_at_start(line)
        out[-1] = above + glue + line
        notes.append(
            Note(
                "merged",
                f"the line ending '…{shown_above}' was cut inside a name or a phrase; read as one with the next "
                f"('{shown_below}…')",
                surface=f"{shown_above}{glue}{shown_below}",
                th=f"บรรทัดที่ลงท้าย '…{shown_above}' ถูกตัดกลางชื่อหรือวลี จึงอ่านรวมกับบรรทัดถัดไป ('{shown_below}…')",
            )
        )
    return out


_SHOWN = 24  # letters of each side of a join that its note shows


def _words_at_end(text: str) -> str:
    """The last words of a line, about _SHOWN letters, from a space where one stands among them, else
    from a letter (not a vowel or a mark that sits on the one before).

    >>> _words_at_end("สำนักงานเขตพื้นที่การศึกษาประถมศึกษา"), _words_at_end("ณ ห้องประชุมสำนักงาน")
    ('พื้นที่การศึกษาประถมศึกษา', 'ณ ห้องประชุมสำนักงาน')
    """
    start = max(0, len(text) - _SHOWN)
    while start and _SITS_ON.match(text, start):
        start -= 1
    shown = text[start:]
    return shown.split(" ", 1)[1] if start and " " in shown[:-1] else shown


def _words_at_start(text: str) -> str:
    """The first words of a line, about _SHOWN letters, to a space where one stands among them."""
    shown = text[:_SHOWN]
    return shown.rsplit(" ", 1)[0] if len(text) > _SHOWN and " " in shown[1:] else shown


# where a line cannot end: a name's head without its name, or a word a phrase goes on after
_ENDS_CUT = re.compile(
    r"(?:(?<!จำ)เป็น|ทำหน้าที่|(?<![ก-๛])ณ|โดย(?:มี)?|มอบหมาย(?:ให้)?|ร่วมกับ|พร้อมด้วย|ประธานคณะ|สำนักงาน|ที่ทำการ"
    r"|ห้องประชุม|หอประชุม|เขตพื้นที่|(?:เขตพื้นที่)?การศึกษา(?:ประถม|มัธยม)?(?:ศึกษา)?|องค์การบริหารส่วน(?:ตำบล|จังหวัด)?"
    r"|เทศบาล(?:ตำบล|เมือง|นคร)?)$"
)
_ENDS_LEVEL = re.compile(r"(?P<level>อำเภอ|จังหวัด)$")  # a district or province whose name the next line gives
# an office, a position or a building the next line places: สำนักงานพัฒนาชุมชน / อำเภอบ้านธิ
_ENDS_OFFICE = re.compile(r"(?:พัฒนาชุมชน|พัฒนาการ|ที่ว่าการ|ศาลากลาง)$")
_OPENS_PLACE = re.compile(r"(?P<level>อำเภอ|จังหวัด)\s*")
_SITS_ON = re.compile(r"[\u0e30-\u0e3a\u0e45-\u0e4e]")  # a following vowel or a mark: it sits on the letter before
# what cannot open a line: an area's number, the verb of a chair, a vowel or a mark that sits on a letter
_OPENS_CUT = re.compile(r"^(?:เขต\s*[0-9๐-๙]|(?:ได้)?(?:ให้เกียรติ)?(?:เป็น|ทำหน้าที่)ประธาน|" + _SITS_ON.pattern + ")")
# what opens a part of the head: the number, the date, the place, the time, a numbered line, a list's heading
_OPENS_PART = re.compile(
    r"^(?:ครั้ง\s*ที่|(?:เมื่อ)?วัน|ณ(?:\s|$)|เวลา|\(?[0-9๐-๙]{1,2}[.)]|ผู้(?:มา|ไม่มา|เข้าร่วม|ลา)|เริ่ม|เปิด|เลิก"
    r"|(?:ระเบียบ)?วาระ|รายงานการประชุม|สรุป|มติ|[-•*–])"
)
_THAI_AT = re.compile(r"[ก-๛]")


def _glue(above: str, below: str) -> str | None:
    """What joins ``below`` to ``above`` when a line end cut them apart ("" between two Thai letters, as
    a wrap cuts Thai; a space before an area's number or after ณ); None when ``above`` ended its line."""
    if _OPENS_CUT.match(below):
        return " " if below.startswith("เขต") or not _THAI_AT.match(above[-1:]) else ""
    level = _ENDS_LEVEL.search(above)
    name = _gazetteer_name(below, level.group("level")) if level else None
    if name and (not _THAI_AT.match(below[len(name) : len(name) + 1]) or below[len(name) :].startswith("จังหวัด")):
        return ""  # พัฒนาการอำเภอ / บ้านธิ ร่วมกับ…: the district's name, a word of its own
    opens = _OPENS_PLACE.match(below)
    if opens and _ENDS_OFFICE.search(above) and _gazetteer_name(below[opens.end() :], opens.group("level")):
        return ""  # สำนักงานพัฒนาชุมชน / อำเภอบ้านธิ: the office's district or province
    if _OPENS_PART.match(below) or not _ENDS_CUT.search(above):
        return None
    return "" if _THAI_AT.match(above[-1:]) and _THAI_AT.match(below[:1]) and not above.endswith("ณ") else " "


def find_meeting_ref(text: str) -> re.Match | None:
    """The first ``ครั้งที่ N/YYYY`` of a text that names this meeting, not an earlier one.

    >>> find_meeting_ref("ที่ประชุมรับรองรายงานการประชุมครั้งที่ 3/2564 แล้ว") is None
    True
    >>> find_meeting_ref("ร่วมประชุมกรมการพัฒนาชุมชน ครั้งที่ ๘/๒๕๖๔ ผ่านระบบ").group("no")
    '8'
    """
    reading = to_arabic_digits(text)
    for match in MEETING_REF.finditer(reading):
        before = reading[max(0, match.start() - 40) : match.start()]
        if not _OTHER_MEETING.search(before):
            return match
    return None


def read_header(
    lines: list[str], notes: list[Note], whole: bool = True, more: list[str] = (), closing: list[str] = ()
) -> Header:
    """Read the meeting from the lines before the items.

    ``whole`` says the lines are a title block (a table's header): a short line
    naming an office is the office as written. In prose the office is found in
    sentences and written out in full. ``more`` is the rest of the document, where
    an office, a chair, a place or a day the head does not name is looked for;
    ``closing`` the lines after a table's items (a byline), where an office is looked
    for last. When the head tells of two meetings held (each with its chair), the
    write-up's is the one told last, before its directives; the other is said in a note.

    >>> h = read_header(["โพสต์เมื่อ 21 มี.ค. 2566",
    ...                  "วันนี้ (16 มี.ค. 66) นายสมหมาย รักดี นายอำเภอบ้านไร่ เป็นประธานการประชุมคณะทำงาน "
    ...                  "ครั้งที่ 165 (3/2566) ณ ห้องประชุมที่ว่าการอำเภอบ้านไร่"], [], whole=False)
    >>> h.number, h.year_be, h.meeting_date.isoformat(), h.published.isoformat(), h.chair, h.place
    (3, 2566, '2023-03-16', '2023-03-21', 'นายสมหมาย รักดี นายอำเภอบ้านไร่', 'ห้องประชุมที่ว่าการอำเภอบ้านไร่')
    """
    kept: list[str] = []
    for line in lines:
        text = collapse(line)
        if is_debris(text) and kept == []:
            notes.append(
                Note(
                    "skipped",
                    f"the line '{text}' before the title is not part of the table or the header; dropped",
                    surface=text,
                    th=f"บรรทัด '{text}' ก่อนชื่อเรื่องไม่ใช่ส่วนของหัวเรื่องหรือตาราง จึงตัดออก",
                )
            )
            continue
        if text:
            kept.append(text)
    kept = [_unglued(text, notes) for text in join_cut_lines(kept, notes)]
    header = Header()
    banners = {index for index, text in enumerate(kept) if is_banner(text)}
    own = _own_meeting(kept, banners, notes)
    title_lines: list[str] = []
    ref_line = None
    for index, text in enumerate(kept):
        if index in banners:
            continue
        ref = None
        if header.number is None and own in (None, index):
            joined = (
                f"{text} {kept[index + 1]}"
                if index + 1 < len(kept) and _REF_CUT.search(to_arabic_digits(text))
                else text
            )
            ref = find_meeting_ref(joined)
        if ref:
            ref_line = index
            _take_ref(header, ref, joined, notes)
            prefix = collapse(text[: ref.start()]) if joined is text else collapse(text.split("ครั้ง")[0])
            if prefix and not title_lines:
                title_lines.append(prefix if whole else text)
            continue
        if whole and _OFFICE_LINE.search(text) and not header.office and len(text) <= 80:
            header.office = _office_line(text, notes)
            continue
        if header.number is None and not header.office and (whole or not title_lines):
            title_lines.append(text)
    if header.number is None and own is not None:
        ref_line = own if _monthly(header, [kept[own]], notes) is not None else None
    elif header.number is None:
        ref_line = _monthly(header, kept, notes)
    header.title = " ".join(title_lines) or (kept[0] if kept else "")  # a title that is also the office line
    if not whole and len(header.title) > 200:
        header.title = header.title[:200].rsplit(" ", 1)[0] + "…"
    everything = " ".join(kept)
    joined: list[Note] = []
    rest = [_unglued(text, joined) for text in join_cut_lines([collapse(t) for t in more if t and t.strip()], joined)]
    notes.extend(note for note in joined if note not in notes)  # a post's rest may repeat its head's lines
    if not header.office:
        # another agency's minutes (คณะกรรมการ…องค์การบริหารส่วนตำบล…) are the office's of their title (the lines
        # above the meeting's number), where the department's office is named first by a guest in the list of
        # those at the meeting (1. นางสาว … พัฒนากร สพอ.…)
        titled = " ".join(kept[:ref_line]) if ref_line else header.title
        named = next((text for text in kept if _OFFICE_MENTION.search(text)), "")
        header.office = (
            (_agency(titled) if _LISTED_PERSON.match(named) and not _OFFICE_MENTION.search(titled) else None)
            or _office_mention(everything, notes)
            or _agency(everything)
            or _office_mention(" ".join(rest), notes)
            or _agency(" ".join(rest))
            or _closing_office(closing, notes)
            or ""
        )
    heard = [t for i, t in enumerate(kept) if i not in banners]
    told = [kept[own]] if own is not None else []  # the write-up's own meeting, where the head tells of two
    header.published = _published([kept[i] for i in sorted(banners)], header.year_be)
    # what a weekday and day with no month (เมื่อวันพุธที่ 13 ที่ผ่านมา) is told from: the month the meeting is
    # named by, else the post's day
    around = _named_month(heard) or header.published
    header.meeting_date = (
        _own_day(told, header, notes, around)
        or _meeting_date(
            heard,
            heard.index(kept[ref_line]) if ref_line is not None and ref_line not in banners else None,
            header.year_be,
            around,
            notes,
        )
        or _labelled_day(heard, header.year_be, None, around)  # วัน/เวลา : … in the head, read as written
    )
    if header.meeting_date is None:  # a head that names the meeting only in its title: a day labelled as its day,
        # the post's opening day, else a sentence anywhere in the post that says when it was held
        header.meeting_date = (
            _labelled_day(rest[:_LABELLED], header.year_be, notes, around)
            or _opening_day(rest[:3], header.year_be, notes, around)
            or _held_day(heard + rest, header.year_be, notes, around)
        )
    header.chair = _spaced_chair(
        _first(_chair, told)
        or _chair_across(heard, notes)
        or _role_below(heard, notes)
        or _first(_chair, heard)
        or _first(_chair, rest[:6])
        or _leader(heard + rest[:3], notes)
        or _signed_chair([*rest, *closing], notes),
        notes,
    )
    place = (
        _first(_own_place, told + heard) or _first(_own_place, rest[:3]) or _first(_labelled_place, rest[:_LABELLED])
    )
    header.place = _spaced_place(_short_of(header.chair, place), notes)
    header.district, header.province, header.province_en = _place_of(header.office, everything, notes)
    return header


_LABELLED = 8  # the lines of a post's rest where a labelled head (วันที่ประชุม : …, สถานที่ : …) is looked for


def _office_line(text: str, notes: list[Note]) -> str:
    """A title block's office line as written; where other words follow the CDD office it opens on
    (a PDF that ran the next line into it), that office alone.

    >>> _office_line("สำนักงานพัฒนาชุมชนอำเภอเมือง จังหวัดน่าน", []), _office_line("สำนักงานพัฒนาชุมชนอำเภอปัว รับฟังการประชุม", [])
    ('สำนักงานพัฒนาชุมชนอำเภอเมือง จังหวัดน่าน', 'สำนักงานพัฒนาชุมชนอำเภอปัว')
    """
    first, _, rest = text.partition(" ")
    if not rest or not _OFFICE_MENTION.match(first) or re.match(r"(?:จังหวัด|อำเภอ|จ\.|อ\.)", rest):
        return text
    return _office_mention(first, notes) or text


def _take_ref(header: Header, ref: re.Match, text: str, notes: list[Note]) -> None:
    """The meeting's number and year from its reference, with a note for what had to be read
    (Thai digits, a Christian-era year, a running number beside the number); a year 0 is refused."""
    written = text[ref.start() : ref.end() + (text[ref.end() : ref.end() + 1] == ")" and bool(ref.group("running")))]
    if int(ref.group("year")) == 0:
        raise BadMeetingId(
            f"the write-up names meeting '{collapse(written)}', whose year is 0",
            "correct the year in the document, or give the meeting",
            settings=Setting("meeting", "4/2562"),
        )
    header.number = int(ref.group("no"))
    header.year_be = as_be(ref.group("year"))
    if has_thai_digits(written):
        shown = collapse(written.split("ที่", 1)[-1])
        notes.append(
            Note(
                "repair",
                f"the meeting number is written with Thai digits: {shown}",
                surface=written,
                th=f"เลขครั้งที่ประชุมเขียนด้วยเลขไทย: {shown}",
            )
        )
    if len(ref.group("year")) == 4 and int(ref.group("year")) < 2300:
        notes.append(
            Note(
                "repair",
                f"the year {ref.group('year')} is Christian era; read as {header.year_be} BE",
                th=f"ปี {ref.group('year')} เป็นคริสต์ศักราช อ่านเป็น พ.ศ. {header.year_be}",
            )
        )
    if ref.group("running"):
        shown = f"{header.number}/{header.year_be}"
        said, running = collapse(written), ref.group("running")
        notes.append(
            Note(
                "inferred",
                f"'{said}' gives a running number ({running}) and the meeting of the year {shown};"
                f" {shown} is the meeting number",
                surface=said,
                th=f"'{said}' มีทั้งลำดับครั้งสะสม ({running}) และครั้งที่ของปี {shown} จึงใช้ {shown}",
            )
        )


def _monthly(header: Header, lines: list[str], notes: list[Note]) -> int | None:
    """A monthly meeting named by its month (``ประชุมประจำเดือนมีนาคม 2565``): the month is its number, said in a note.

    >>> h, notes = Header(), []
    >>> _monthly(h, ["การประชุมประจำเดือนมีนาคม 2565"], notes), h.number, h.year_be, notes[0].kind
    (0, 3, 2565, 'inferred')
    """
    for index, text in enumerate(lines):
        match = _MONTHLY.search(to_arabic_digits(text))
        if match and not is_banner(text):
            header.number, header.year_be = month_number(match.group("month")), as_be(match.group("year"))
            shown = f"{header.number}/{header.year_be}"
            written = collapse(match.group())
            notes.append(
                Note(
                    "inferred",
                    f"the write-up names no meeting number; '{written}' is a monthly meeting,"
                    f" read as meeting {shown} (its month)",
                    surface=written,
                    th=f"เอกสารไม่ระบุครั้งที่ '{written}' เป็นการประชุมประจำเดือน จึงอ่านเป็นครั้งที่ {shown} ตามเดือน",
                )
            )
            return index
    return None


def _meeting_named(text: str) -> tuple[int, int] | None:
    """(number, year) of the meeting a line names by its number, or by its month (a monthly meeting).

    >>> _meeting_named("ประชุมกรมฯ ครั้งที่ 6/2566"), _meeting_named("ประชุมประจำเดือนกรกฎาคม 2566")
    ((6, 2566), (7, 2566))
    """
    ref = find_meeting_ref(text)
    if ref:
        return int(ref.group("no")), as_be(ref.group("year"))
    monthly = _MONTHLY.search(to_arabic_digits(text))
    return (month_number(monthly.group("month")), as_be(monthly.group("year"))) if monthly else None


def _own_meeting(lines: list[str], banners: set[int], notes: list[Note]) -> int | None:
    """Where the head tells of two meetings held (each named with its chair: a department's meeting
    heard in the morning, the office's own in the afternoon), the line of the one told last: the
    directives that follow are its. The other is said in a note. None when the head tells of one.

    >>> notes = []
    >>> _own_meeting(["เช้า นาย ก ดีงาม พัฒนาการอำเภอ ร่วมประชุมกรม ครั้งที่ 6/2566 โดยมีอธิบดีเป็นประธาน",
    ...               "บ่าย นาย ก ดีงาม พัฒนาการอำเภอ เป็นประธานการประชุมประจำเดือนกรกฎาคม 2566 ดังนี้"], set(), notes)
    1
    >>> notes[0].message.split(";")[0]
    'the post tells of 2 meetings: 6/2566 (chaired by อธิบดี) and 7/2566'
    """
    told = []
    for index, text in enumerate(lines):
        named = _meeting_named(text) if index not in banners else None
        chair = _chair(text) if named else None
        if chair and all(named != seen for _, seen, _ in told):
            told.append((index, named, chair))
    if len(told) < 2:
        return None
    own, (number, year), _ = told[-1]
    others = ", ".join(f"{n}/{y} (chaired by {who})" for _, (n, y), who in told[:-1])
    others_th = ", ".join(f"ครั้งที่ {n}/{y} (ประธาน {who})" for _, (n, y), who in told[:-1])
    notes.append(
        Note(
            "inferred",
            f"the post tells of {len(told)} meetings: {others} and {number}/{year}; the directives follow the last,"
            f" read as the write-up's meeting",
            surface=collapse(lines[own])[:80],
            th=f"เอกสารกล่าวถึงการประชุม {len(told)} ครั้ง: {others_th} และครั้งที่ {number}/{year} ข้อสั่งการตามมาหลังครั้งหลัง"
            " จึงอ่านเป็นการประชุมของเอกสารนี้",
        )
    )
    return own


def _own_day(told: list[str], header: Header, notes: list[Note], around: date | DateSpan | None = None) -> date | None:
    """The day the write-up's own meeting is told with, where the head tells of two (None: its line gives
    none, and the head's day is taken, said in a note)."""
    if not told:
        return None
    spans, _ = find_dates(told[0], header.year_be, around=around)
    day = next((s for s in spans if s.precision == "day" and s.start), None)
    if day is None:
        notes.append(
            Note(
                "inferred",
                f"meeting {header.number}/{header.year_be} is told with no day of its own; the day the post"
                " opens with is read as its day",
                th=f"ไม่ระบุวันของการประชุมครั้งที่ {header.number}/{header.year_be} จึงใช้วันที่ที่ระบุในตอนต้นของข่าว",
            )
        )
    return day.start if day else None


_TIME_OR_PLACE = re.compile(r"เวลา\s*[\d๐-๙]|[\d๐-๙]\s*น\.|(?:^|\s)ณ\s")


def _opening_day(
    lines: list[str], year_be: int | None, notes: list[Note], around: date | DateSpan | None = None
) -> date | None:
    """The day a post opens with, where its head (a title naming the meeting) gives none: a day after a
    date cue at the start of a paragraph that gives the time or the place (``วันศุกร์ที่ 30 มิถุนายน 2566
    เวลา 09.00 น. ณ …``), never a deadline further on; said in a note.

    >>> _opening_day(["วันศุกร์ที่ 2 มิถุนายน 2566 เวลา 09.00 น. ณ สำนักงาน นาย ก มอบแนวทาง"], 2566, []).isoformat()
    '2023-06-02'
    >>> _opening_day(["ให้ส่งรายงานภายในวันที่ 14 กรกฎาคม 2566 ณ สำนักงาน"], 2566, []) is None
    True
    """
    for text in lines:
        spans, _ = find_dates(text, year_be, around=around)
        day = next((s for s in spans if s.precision == "day" and s.start), None)
        if day is None or not _TIME_OR_PLACE.search(text) or not _DATE_CUE.match(text[: day.span.start].lstrip()):
            continue  # the paragraph opens on its day, and tells when or where
        written = text[: day.span.end]
        notes.append(
            Note(
                "inferred",
                f"the head names the meeting but not its day; the post opens with '{written}', read as its day",
                surface=written,
                th=f"หัวเรื่องไม่ระบุวันประชุม จึงใช้วันที่ที่ข่าวเริ่มต้น '{written}'",
            )
        )
        return day.start
    return None


# a line that opens on a label of the meeting's day: วันที่ประชุม : …, วันประชุม …, วัน/เวลา : …, with no colon a day
# after it; not a bare วันที่ : …, as a page gives the day it was posted
_DAY_LABEL = re.compile(
    r"^\s*(?:วัน(?:ที่)?\s*(?:/|และ)?\s*เวลา(?P<named>\s*(?:ที่)?(?:จัด)?ประชุม)?|วัน(?:ที่)?\s*(?P<meeting>(?:จัด)?ประชุม))"
    r"(?:\s*[:：]|\s+(?=(?:เมื่อ)?วัน|[0-9๐-๙]))"
)


def _labelled_day(lines: list[str], year_be: int | None, notes: list[Note] | None, around=None) -> date | None:
    """The day a line labelled as the meeting's day gives (``วันที่ประชุม : วันอังคารที่ 29 ตุลาคม 2567 …``); said
    in a note where it is not the head's (``notes`` None: the head's own lines). A label inside a sentence is no
    label.

    >>> _labelled_day(["ครั้งที่ 3/2567", "วันที่ประชุม : วันอังคารที่ ๒๙ ต.ค. ๖๗ เวลา ๑๓.๓๐ น."], None, []).isoformat()
    '2024-10-29'
    >>> _labelled_day(["ให้ส่งรายงานวันที่ : 8 พ.ย. 67"], None, []) is None
    True
    """
    for text in lines:
        label = _DAY_LABEL.match(text)
        if label is None or is_banner(text):
            continue
        spans, _ = find_dates(text[label.end() :], year_be, around=around)
        day = next((s for s in spans if s.precision == "day" and s.start), None)
        if day is None:
            continue
        written = collapse(text[: label.end() + day.span.end])
        if notes is None:
            return day.start
        notes.append(
            Note(
                "inferred",
                f"the head names no day; the line labelled as the meeting's day, '{written}', gives it",
                surface=written,
                th=f"หัวเรื่องไม่ระบุวันประชุม จึงใช้วันที่จากบรรทัดที่ระบุว่าเป็นวันประชุม '{written}'",
            )
        )
        return day.start
    return None


# a sentence that tells the meeting was held on a day: การประชุม(ครั้งนี้)จัดขึ้น/มีขึ้น(เมื่อ)วัน…ที่, (ได้)ประชุมเมื่อวัน…ที่
# (never the next meeting's ประชุมครั้งต่อไป…, a plan's จะจัดขึ้น, nor a deadline: the words run on to the day)
_HELD = re.compile(
    r"(?:(?:การ)?ประชุม(?:ใน)?(?:ครั้งนี้|ดังกล่าว)?\s*(?:ได้)?\s*(?:จัด|มี)ขึ้น\s*(?:เมื่อ|ใน)?|(?:ได้)?(?:จัด)?ประชุม\s*เมื่อ)"
    r"\s*วัน" + _WEEKDAY + r"?\s*ที่\s*$"
)
_NEXT_MEETING = re.compile(r"ครั้ง\s*(?:ต่อไป|หน้า|ถัดไป)")  # the next meeting: ประชุมครั้งต่อไป, ครั้งหน้า
# what makes the meeting held another's: the minutes approved, an earlier meeting, its results, the next meeting
_HELD_OTHER = re.compile(_OTHER_MEETING.pattern + r"|ผลการ|มติ|รายงาน|" + _NEXT_MEETING.pattern)
_HELD_WHEN = re.compile(r"\s*(?:(?:ตั้งแต่)?\s*เวลา\s*[:：]?\s*[0-9๐-๙]|[0-9๐-๙]{1,2}[.:][0-9๐-๙]{2}\s*น|ณ\s)")
_CAPTION = re.compile(r"^\s*(?:ภาพ|รูป|ที่มา|ข่าว)")


def _held_day(lines: list[str], year_be: int | None, notes: list[Note], around=None) -> date | None:
    """The day a sentence anywhere in the post says the meeting was held on, with its time or its place
    (``การประชุมครั้งนี้จัดขึ้นเมื่อวันศุกร์ที่ 5 ก.ค. 2567 เวลา 13.30 น.``), where the head tells none; said in a
    note. Not the next meeting's day, a deadline, a background ``ตามที่…``, a caption's, nor the minutes approved.

    >>> _held_day(["ที่ประชุมรับทราบ", "การประชุมครั้งนี้มีขึ้นในวันที่ ๕ ก.ค. ๖๗ เวลา ๑๓.๓๐ น."], None, []).isoformat()
    '2024-07-05'
    >>> _held_day(["การประชุมครั้งต่อไปจัดขึ้นในวันที่ 5 ส.ค. 2567 เวลา 13.30 น."], None, []) is None
    True
    """
    for text in lines:
        if _BACKGROUND.match(text) or _CAPTION.match(text) or "ประชุม" not in text:
            continue
        spans, _ = find_dates(text, year_be, around=around)
        for day in spans:
            before = text[max(0, day.span.start - 60) : day.span.start]
            held = _HELD.search(before)
            if day.precision != "day" or not day.start or held is None or day.role == "original":
                continue
            if _HELD_OTHER.search(before[max(0, held.start() - 30) :]) or not _HELD_WHEN.match(text, day.span.end):
                continue  # another meeting's, or a day told with no time nor place
            written = collapse(before[held.start() :] + text[day.span.start : day.span.end])
            notes.append(
                Note(
                    "inferred",
                    f"the head names no day; the post says '{written}', read as the meeting's day",
                    surface=written,
                    th=f"หัวเรื่องไม่ระบุวันประชุม จึงใช้วันที่ที่ข่าวระบุว่าจัดการประชุม '{written}'",
                )
            )
            return day.start
    return None


def _named_month(lines: list[str]) -> DateSpan | None:
    """The month a monthly meeting is named by (``ประชุมประจำเดือนมีนาคม 2567``), as a date of month precision.

    >>> span = _named_month(["สพอ.ภูเขียว ประชุมประจำเดือนมีนาคม ๒๕๖๗"])
    >>> span.start.isoformat(), span.end.isoformat(), span.surface
    ('2024-03-01', '2024-03-31', 'เดือนมีนาคม ๒๕๖๗')
    """
    for text in lines:
        named = _MONTHLY.search(to_arabic_digits(text))
        if named:
            written = text[named.start() : named.end()]  # (Thai digits are read one for one)
            month = next((s for s in find_dates(written)[0] if s.precision == "month" and s.start), None)
            if month is not None:
                return month
    return None


def _closing_office(lines: list[str], notes: list[Note]) -> str | None:
    """The office a table's closing lines name (its byline), where the head names none, said in a note.

    >>> _closing_office(["กลุ่มงานส่งเสริม สำนักงานพัฒนาชุมชนจังหวัดลำพูน : สรุป"], [])
    'สำนักงานพัฒนาชุมชนจังหวัดลำพูน'
    """
    text = " ".join(collapse(line) for line in lines)
    office = _office_mention(text, notes) or _agency(text)
    if office:
        notes.append(
            Note(
                "inferred",
                f"the head names no office; the closing line names {office}, read as the office",
                surface=office,
                th=f"หัวเรื่องไม่ระบุหน่วยงาน จึงอ่านหน่วยงานจากบรรทัดท้าย: {office}",
            )
        )
    return office


def _spaced_place(place: str | None, notes: list[Note]) -> str | None:
    """A place whose district and province a line end ran together (``อำเภอเมืองน่านจังหวัดน่าน``), with the
    space between them again, said in a note.

    >>> _spaced_place("โรงแรมริมน่าน อำเภอเมืองน่านจังหวัดน่าน", [])
    'โรงแรมริมน่าน อำเภอเมืองน่าน จังหวัดน่าน'
    """
    for level in re.finditer(r"อำเภอ(?=[ก-๛])", place or ""):
        name = _gazetteer_name(place[level.end() :], "อำเภอ")
        at = level.end() + len(name or "")
        if name and place.startswith("จังหวัด", at) and _gazetteer_name(place[at + 7 :], "จังหวัด"):
            ran = place[level.start() : at + 7]
            notes.append(
                Note(
                    "repair",
                    f"'{ran}…' runs the district into the province; read with a space between them",
                    surface=ran,
                    th=f"'{ran}…' เขียนอำเภอติดกับจังหวัด จึงอ่านโดยเว้นวรรคระหว่างกัน",
                )
            )
            return place[:at] + " " + place[at:]
    return place


_GLUED_TITLE = re.compile(r"(?P<level>อำเภอ|จังหวัด)(?=[ก-๛])")
_OPENS_TITLE = re.compile(r"(?:นางสาว|นาง|นาย(?!อำเภอ|ก))[ก-๛]")
# ณ run into the time or the year before it (เวลา 09.30 น.ณ ห้องประชุม…, 12 มิ.ย. 2567ณ ศาลา…), a place after it
_GLUED_AT = re.compile(r"(?:(?<=[0-9๐-๙])|(?<=[0-9๐-๙]น\.)|(?<=[0-9๐-๙]\sน\.))ณ(?=\s*" + _PLACE_WORD.pattern + ")")


def _unglued(text: str, notes: list[Note]) -> str:
    """A line where a wrap joined a district or province to the person named after it (``…อำเภอท่าแซะนายชัย``),
    or the time or the year to the ณ of the place after it (``09.30 น.ณ ห้อง…``), with the space between them
    again, said in a note.

    >>> _unglued("ณ สำนักงานพัฒนาชุมชนอำเภอท่าแซะนายชัย ดีงาม พัฒนาการอำเภอ", [])
    'ณ สำนักงานพัฒนาชุมชนอำเภอท่าแซะ นายชัย ดีงาม พัฒนาการอำเภอ'
    >>> _unglued("เวลา 09.30 น.ณ ห้องประชุมอำเภอ", [])
    'เวลา 09.30 น. ณ ห้องประชุมอำเภอ'
    """
    at = _GLUED_AT.search(text)
    if at:
        shown = text[max(0, at.start() - 8) : at.end() + 8]
        notes.append(
            Note(
                "repair",
                f"'…{shown}…' runs the time or the date into ณ (at) and the place after it; read with a space before ณ",
                surface=shown,
                th=f"'…{shown}…' เขียนเวลาหรือวันที่ติดกับ ณ และสถานที่ จึงอ่านโดยเว้นวรรคหน้า ณ",
            )
        )
        return _unglued(text[: at.start()] + " " + text[at.start() :], notes)
    for level in _GLUED_TITLE.finditer(text):
        at = level.end() + len(_gazetteer_name(text[level.end() :], level.group("level")) or "")
        if at > level.end() and _OPENS_TITLE.match(text, at):
            shown = text[level.start() : at + 6]
            notes.append(
                Note(
                    "repair",
                    f"'{shown}…' runs a place into the name after it; read with a space between them",
                    surface=shown,
                    th=f"'{shown}…' เขียนชื่อสถานที่ติดกับชื่อบุคคล จึงอ่านโดยเว้นวรรคระหว่างกัน",
                )
            )
            return _unglued(text[:at] + " " + text[at:], notes)
    return text


_ROOM_OF_MEETINGS = re.compile(r"(?:ห้อง|หอ|ศูนย์(?:การ)?|อาคาร|ศาลา|โรง)ประชุม")
# the place a sentence names after ณ (ณ ศาลาประชุมหมู่บ้าน, ณ สถานที่ประชุมกลุ่ม): a name, not a meeting
_PLACE_NAMED = re.compile(r"(?:^|\s)ณ\s*\S+")


def names_a_meeting(text: str) -> bool:
    """Whether a text speaks of a meeting: ประชุม not as the name of a room or a hall (ห้องประชุม, หอประชุม,
    ศูนย์ประชุม, ศาลาประชุม) nor inside the place named after ณ, or a meeting's number. A training course
    held in a meeting room names none, nor a field visit to a village hall.

    >>> names_a_meeting("ณ ห้องประชุมเทศบาล นาย ก เป็นประธานเปิดการอบรม"), names_a_meeting("ที่ประชุมรับทราบ")
    (False, True)
    >>> names_a_meeting("นาย ก ลงพื้นที่เยี่ยมกลุ่มจักสาน ณ ศาลาประชุมบ้านหนองบัว")
    False
    >>> names_a_meeting("นาย ก เป็นประธานการประชุมกลุ่มจักสาน ณ ศาลาประชุมบ้านหนองบัว")
    True
    """
    rest = _ROOM_OF_MEETINGS.sub(" ", _PLACE_NAMED.sub(" ", text))
    return bool(re.search("ประชุม", rest) or find_meeting_ref(text))


@lru_cache(maxsize=1024)  # the head's lines are asked twice: by the header and for their passage's kind
def is_banner(text: str) -> bool:
    """Whether a line is a page's own date (posted, published, updated, printed) or a date alone, not the meeting's.

    >>> (is_banner("โพสต์เมื่อ 21 มีนาคม 2566"), is_banner("21 มี.ค. 2566 | 10:42 น."),
    ...  is_banner("วันที่ 20 มีนาคม 2566 ประชุมคณะทำงาน"))
    (True, True, False)
    >>> is_banner("วันพุธ, 22 พฤษภาคม 2567"), is_banner("วันพุธที่ 25 มกราคม 2566")
    (True, False)
    """
    if not any(ch.isdigit() for ch in text):
        return False  # no day without a digit (Arabic or Thai)
    spans, _ = find_dates(text)
    if not any(s.precision == "day" for s in spans):
        return False
    if _PUBLISHED_CUE.search(text) and not find_meeting_ref(text):
        return True
    label = _DAY_LABEL.match(text)
    if label and (label.group("named") or label.group("meeting")):
        return False  # วันที่ประชุม : 14 มีนาคม 2567: the meeting's day, labelled
    if any(re.search(r"ที่\s*$", text[max(0, s.span.start - 4) : s.span.start]) for s in spans):
        return False  # วันพุธที่ 25 มกราคม 2566: the date line of minutes, the meeting's own
    rest = text
    for s in sorted(spans, key=lambda s: -s.span.start):
        rest = rest[: s.span.start] + " " + rest[s.span.end :]
    return bool(_BANNER_REST.match(rest))


def _published(lines: list[str], year_be: int | None) -> date | None:
    """The page's own date, from its banner lines."""
    for text in lines:
        spans, _ = find_dates(text, year_be)
        day = next((s for s in spans if s.precision == "day" and s.start), None)
        if day is not None:
            return day.start
    return None


def _office_mention(text: str, notes: list[Note]) -> str | None:
    """The first office named in running text, written out in full.

    >>> _office_mention("สพอ.แม่ทะ ร่วมประชุม", [])
    'สำนักงานพัฒนาชุมชนอำเภอแม่ทะ'
    >>> _office_mention("นายสมชาย พัฒนาการจังหวัดลำพูนพร้อมด้วยเจ้าหน้าที่", [])
    'สำนักงานพัฒนาชุมชนจังหวัดลำพูน'
    >>> _office_mention("พช.น่าน ประชุมร่วมกับพัฒนาการจังหวัดแพร่", [])  # the provincial office by its short form
    'สำนักงานพัฒนาชุมชนจังหวัดน่าน'
    """
    shorts = [m for m in _PROVINCE_SHORT.finditer(text) if m.group("name") in glossary.provinces()]  # a whole name
    for match in sorted([*_OFFICE_MENTION.finditer(text), *shorts], key=lambda m: m.start()):
        if match.re is _PROVINCE_SHORT:
            level, name = "จังหวัด", match.group("name")
        else:
            level = "อำเภอ" if match.group("level").startswith("อ") else "จังหวัด"
            name = _known_name(match.group("name"), level)
        if name is None:
            continue
        office = f"สำนักงานพัฒนาชุมชน{level}{name}"
        written = collapse(match.group())
        if not written.startswith("สำนักงานพัฒนาชุมชน"):
            notes.append(
                Note(
                    "inferred",
                    f"the office is read from '{written}' as {office}",
                    surface=written,
                    th=f"อ่านหน่วยงานจาก '{written}' เป็น {office}",
                )
            )
        return office
    return None


def _known_name(text: str, level: str) -> str | None:
    """The longest district or province name of the gazetteer that starts the text; else the word up to a space."""
    return _gazetteer_name(text, level) or (text if len(text) <= 20 else None)


def _gazetteer_name(text: str, level: str) -> str | None:
    """The longest district (``level`` อำเภอ) or province (จังหวัด) name of the gazetteer that starts the text.

    >>> _gazetteer_name("ลานสัก ร่วมกับคณะทำงาน", "อำเภอ"), _gazetteer_name("ร่วมกับคณะทำงาน", "อำเภอ")
    ('ลานสัก', None)
    """
    names = glossary.provinces() if level == "จังหวัด" else None
    word = re.match(r"[ก-๛]*", text).group()  # no name holds a space
    for size in range(min(len(word), 24), 1, -1):
        candidate = word[:size]
        if (names is not None and candidate in names) or (names is None and glossary.provinces_of_district(candidate)):
            return candidate
    return None


def _meeting_date(
    lines: list[str],
    ref_line: int | None,
    year_be: int | None,
    around: date | DateSpan | None = None,
    notes: list[Note] | None = None,
) -> date | None:
    """The meeting's own day: the day after a date cue (วันที่, เมื่อวันที่, วันจันทร์ที่, วันนี้ (…)) in a
    line that tells of the meeting; else the first day-date on the meeting's line or a date line below
    it; else the first day of a sentence that names its chair or its time (``5 เมษายน 2566 ดร.… เป็นประธาน``).
    An order's date (``ลงวันที่ …``) is never the meeting's, nor the day a postponed meeting was first set for
    (``เดิมกำหนดจัดในวันจันทร์ที่ 3 … เลื่อนเป็นวันพฤหัสบดีที่ 6 …``: the 6th, the 3rd said in a note). A
    weekday and day with no month are read in the month of ``around`` (see thaidates.find_dates), checked by
    the weekday.

    >>> lines = ["ประชุมครั้งที่ 2/2564", "เมื่อวันที่ 29 เมษายน 2564 ณ ห้องประชุม", "ให้ส่งภายใน 5 พ.ค. 64"]
    >>> _meeting_date(lines, 0, 2564).isoformat()
    '2021-04-29'
    >>> _meeting_date(["ประชุมครั้งที่ 3/2566", "5 เมษายน 2566 ดร.สมปอง วงศ์ดี เป็นประธานการประชุม"], 0, 2566).isoformat()
    '2023-04-05'
    >>> lines = ["สพอ.ภูเขียว ประชุมประจำเดือนมีนาคม 2567", "เมื่อวันพุธที่ 13 ที่ผ่านมา นาง ก เป็นประธานการประชุม"]
    >>> _meeting_date(lines, None, 2567, _named_month(lines)).isoformat()
    '2024-03-13'
    >>> _meeting_date(lines[1:], None, 2567, _named_month(["ประจำเดือนเมษายน 2567"])) is None  # 13 April: a Saturday
    True
    >>> said = []
    >>> lines = ["ประชุมครั้งที่ 4/2567 เดิมกำหนดวันที่ 2 เมษายน 2567 ได้เลื่อนไปเป็นวันที่ 9 เมษายน 2567 ณ ห้องประชุม"]
    >>> _meeting_date(lines, 0, 2567, notes=said).isoformat(), [n.surface for n in said]
    ('2024-04-09', ['2 เมษายน 2567'])
    """
    moved: dict[str, Note] = {}

    def days(text: str) -> list:
        spans, _ = find_dates(text, year_be, around=around)
        found = [
            s
            for s in spans
            if s.precision == "day"
            and s.start
            and not _ORDER_DATE.search(text[max(0, s.span.start - 14) : s.span.start])
        ]
        for move in find_reschedules(text, found):
            first, then = move.old.surface, move.new.surface
            moved.setdefault(
                first,
                Note(
                    "inferred",
                    f"the meeting first set for {first} was moved to {then}; {then} is read as its day",
                    surface=first,
                    th=f"การประชุมเดิมกำหนดวันที่ {first} เลื่อนเป็น {then} จึงอ่านวันที่ {then} เป็นวันประชุม",
                ),
            )
        return [s for s in found if s.role != "original"]

    day = _day_told(lines, ref_line, days)
    if day is not None and notes is not None:
        notes.extend(moved.values())
    return day


def _day_told(lines: list[str], ref_line: int | None, days) -> date | None:
    """The meeting's day in its head's lines, each line's days found by ``days`` (see _meeting_date); never a day
    told as the next meeting's (``ประชุมครั้งต่อไป วันที่ …``).

    >>> _day_told(["ประชุมครั้งที่ 3/2567", "กำหนดประชุมครั้งต่อไป วันที่ 9 เม.ย. 67"], 0, lambda t: find_dates(t)[0]) is None
    True
    """

    def own(text: str) -> list:
        return [s for s in days(text) if not _NEXT_MEETING.search(text[max(0, s.span.start - 40) : s.span.start])]

    plain, best, told = None, None, -9
    for text in lines:
        if not (find_meeting_ref(text) or "ประชุม" in text):
            continue
        found = own(text)
        cued = next((s for s in found if _DATE_CUE.search(text[max(0, s.span.start - 24) : s.span.start])), None)
        # the sentence that tells most of the meeting (its time, place, chair, number); not a background ตามที่ …
        facts = sum(1 for cue in _MEETING_FACTS if cue.search(text)) - (3 if _BACKGROUND.match(text) else 0)
        if cued is not None and facts > told:
            best, told = cued.start, facts
        if plain is None and found and _CHAIR_OR_TIME.search(text):
            plain = found[0].start
    if best is not None:
        return best
    start = ref_line or 0
    for text in lines[start : start + 4]:
        if text is not lines[start] and not _DATE_LINE.search(text):
            continue  # below the meeting's line, only a line that gives a day (วันที่ …) dates it
        found = own(text)
        if found:
            return found[0].start
    return plain


def _first(find, lines: list[str]) -> str | None:
    return next((found for found in map(find, lines) if found), None)


def _chair(text: str) -> str | None:
    """Who chaired, as written in a line: a person (title, name, position) or a position, never the
    committee after เป็นประธาน.

    >>> _chair("ร่วมประชุม โดยมีอธิบดีกรมการพัฒนาชุมชนเป็นประธาน มีข้อสั่งการ ดังนี้")
    'อธิบดีกรมการพัฒนาชุมชน'
    >>> _chair("1. นายสมศักดิ์ ดีงาม พัฒนาการจังหวัดตาก ประธาน")
    'นายสมศักดิ์ ดีงาม พัฒนาการจังหวัดตาก'
    >>> _chair("เวลา 09.30 น. นางสาวพิมพ์ใจ ศรีสุข พัฒนาการจังหวัดน่าน เป็นประธานการประชุมคณะกรรมการกองทุน")
    'นางสาวพิมพ์ใจ ศรีสุข พัฒนาการจังหวัดน่าน'
    >>> _chair("ประธานในที่ประชุม นายวิชัย มั่นคง ปลัดอำเภอ กล่าวเปิดการประชุม")
    'นายวิชัย มั่นคง ปลัดอำเภอ'
    >>> _chair("นายชัย ดีงาม นายอำเภอ มอบหมายให้ นางพร ใจดี พัฒนาการอำเภอ ร่วมกับคณะทำงาน ดำเนินการประชุมคณะทำงาน")
    'นางพร ใจดี พัฒนาการอำเภอ'
    """
    for chaired in _CHAIRED.finditer(text):
        who = _named_before(text[max(0, chaired.start() - 200) : chaired.start()])
        if who:
            return who
    after = _CHAIR_AFTER.search(text)
    if after:
        return collapse(after.group("who"))
    listed = _CHAIR_LISTED.match(text)
    return collapse(listed.group("who")) if listed else None


def _named_before(before: str) -> str | None:
    """The person (or, with no one named, the position) that the words before a verb of the chair name.

    >>> _named_before("วันที่ 3 มี.ค. 66 นายชัย ดีงาม นายอำเภอ มอบหมายให้ นางพร ใจดี พัฒนาการอำเภอ ")
    'นางพร ใจดี พัฒนาการอำเภอ'
    """
    bounds = [(m.start(), m.end()) for m in _CHAIR_BOUNDARY.finditer(before) if not _is_surname(before, m)]
    # the stretches between boundaries, the nearest first: the chair is in the nearest that names a person
    # (นาย ก มอบหมายให้ นาย ข ร่วมกับคณะทำงาน ดำเนินการประชุม: นาย ข)
    ends = [start for start, _ in bounds] + [len(before)]
    stretches = list(zip([0] + [end for _, end in bounds], ends))
    for n, (start, end) in enumerate(reversed(stretches)):
        piece = before[start:end]
        starts = [m.start() for m in _PERSON_START.finditer(piece)]
        if re.match(r"\s*(?:" + _NAME_TITLE + "|" + _POSITION + ")", piece) and 0 not in starts:
            starts.insert(0, 0)  # a person right after โดย, มอบหมายให้ …
        named = [at for at in starts if re.match(r"\s*" + _NAME_TITLE, piece[at:])]
        # the last person named (นำโดย A … B … เป็นประธาน: B chairs); with no name, the position named first
        first = named[-1] if named else (starts[0] if starts else None)
        if first is None:
            # no one named: the words after โดยมี are the chair (โดยมีอธิบดีกรมการพัฒนาชุมชนเป็นประธาน)
            if n == 0 and start and re.search(r"(?:โดยมี|โดย|(?:^|\s)มี)$", before[max(0, start - 6) : start]):
                who = collapse(piece)  # โดยมีอธิบดีกรมการพัฒนาชุมชนเป็นประธาน
                if 3 <= len(who) <= 120:
                    return who
            continue
        who = collapse(piece[first:])
        return who if 3 <= len(who) <= 120 else None
    return None


# the verbs by which the head of an office leads a meeting that the write-up never says anyone chairs
_LEADS = re.compile(r"\s*(?:ได้)?(?:มอบ|ให้|ชี้แจง)(?:แนวทาง|นโยบาย)")


def _leader(lines: list[str], notes: list[Note]) -> str | None:
    """Where no one is said to chair, the person who leads the meeting (``นาย ก พัฒนาการอำเภอ… มอบแนวทาง…``),
    said in a note.

    >>> _leader(["วันที่ 5 มิ.ย. 66 ณ สำนักงาน นายสมชาย ใจดี พัฒนาการอำเภอบ้านโป่ง มอบแนวทางการทำงาน"], [])
    'นายสมชาย ใจดี พัฒนาการอำเภอบ้านโป่ง'
    """
    for text in lines:
        for leads in _LEADS.finditer(text):
            who = _named_before(text[max(0, leads.start() - 200) : leads.start()])
            if who and re.match(_NAME_TITLE, who):
                verb = collapse(leads.group())
                notes.append(
                    Note(
                        "inferred",
                        f"no one is said to chair the meeting; {who}, who leads it ('{verb}…'), is read as its chair",
                        surface=who,
                        th=f"เอกสารไม่ระบุประธาน จึงอ่าน {who} ผู้{verb}ในการประชุม เป็นประธาน",
                    )
                )
                return who
    return None


# where a chair's words go on after a space: a person's title, an acting position, after a person's name
_OPENS_WITH_SPACE = re.compile(r"\s*(?:" + _NAME_TITLE + r"|รักษาราชการ|ปฏิบัติราชการ|ปฏิบัติหน้าที่)")
_ENDS_NAMED = re.compile(r"(?:" + _NAME_TITLE + r")[ก-๛]+(?:\s+[ก-๛]+)?\s*$")


def _chair_across(lines: list[str], notes: list[Note]) -> str | None:
    """The chair whose name and position a line end cut from the verb of the chair (a PDF's head), where
    the line of the verb names no person of its own: the line before is read on, Thai against Thai
    without a space, as a wrap cuts it (with one before a title or an acting position, and between a
    person's name and a position); said in a note.

    >>> _chair_across(["วันที่ 5 มี.ค. 67 นางสาวศรี ดีใจ ผู้อำนวยการกลุ่มงาน", "ยุทธศาสตร์ เป็นประธานการประชุม"], [])
    'นางสาวศรี ดีใจ ผู้อำนวยการกลุ่มงานยุทธศาสตร์'
    >>> _chair_across(["วันที่ 5 มี.ค. 67 นางสาวศรี ดีใจ", "ผู้อำนวยการกลุ่มงาน เป็นประธานการประชุม"], [])
    'นางสาวศรี ดีใจ ผู้อำนวยการกลุ่มงาน'
    """
    for above, text in zip(["", *lines], lines):
        chaired = _CHAIRED.search(text)
        if chaired is None:
            continue
        alone = _named_before(text[: chaired.start()])
        if not above or (alone and (re.match(_NAME_TITLE, alone) or not text.lstrip().startswith(alone[:8]))):
            return None  # the line names its chair itself
        opens_position = re.match(r"\s*" + _POSITION, text) and _ENDS_NAMED.search(above)
        thai = _THAI_AT.match(above[-1:]) and _THAI_AT.match(text[:1])
        glue = "" if thai and not _OPENS_WITH_SPACE.match(text) and not opens_position else " "
        joined = above + glue + text
        who = _chair(joined)
        if not who or not re.match(_NAME_TITLE, who) or who in above:
            return None
        notes.append(
            Note(
                "merged",
                f"the chair is named across a line end: read as '{who}'",
                surface=who,
                th=f"ชื่อประธานถูกตัดข้ามบรรทัด จึงอ่านรวมเป็น '{who}'",
            )
        )
        return who
    return None


_ROLE_ALONE = re.compile(r"\s*ประธาน(?:ในที่ประชุม|กรรมการ)?\s*$")


def _role_below(lines: list[str], notes: list[Note]) -> str | None:
    """The chair of a list of those at the meeting whose role (ประธาน) a line end put on a line of its own
    under the person's line (a PDF's wrapped column); said in a note.

    >>> _role_below(["ผู้มาประชุม", "1. นายสมศักดิ์ ดีงาม ประธานกลุ่มออมทรัพย์", "ประธาน", "2. นางพร ใจดี กรรมการ"], [])
    'นายสมศักดิ์ ดีงาม ประธานกลุ่มออมทรัพย์'
    >>> _role_below(["ประธานแจ้งที่ประชุม", "ประธาน"], []) is None  # no person's line above
    True
    """
    for above, text in zip(lines, lines[1:]):
        if not (_ROLE_ALONE.match(text) and _LISTED_PERSON.match(above)):
            continue
        who = _chair(f"{above} {text.strip()}")
        if who:
            notes.append(
                Note(
                    "merged",
                    f"the role '{text.strip()}' on the line under '{above}' is its person's: the chair is {who}",
                    surface=who,
                    th=f"บทบาท '{text.strip()}' ในบรรทัดถัดจาก '{above}' เป็นของบุคคลในบรรทัดนั้น จึงอ่านประธานเป็น {who}",
                )
            )
            return who
    return None


# a signature line that names the chair: ลงชื่อ นาง … พัฒนาการอำเภอ… ประธานในที่ประชุม
_SIGNED = re.compile(
    r"^\s*(?:\(?\s*ลง(?:ชื่อ|นาม)\s*\)?)\s*[:：]?\s*\(?(?P<who>"
    + _NAME_TITLE
    + r"[^()]{4,120}?)\)?\s+ประธาน(?:ในที่ประชุม|การประชุม)\s*$"
)


def _signed_chair(lines: list[str], notes: list[Note]) -> str | None:
    """Where nothing else names the chair, the person who signs as the chair (``ลงชื่อ … ประธานในที่ประชุม``),
    said in a note.

    >>> _signed_chair(["ลงชื่อ นายประยูร สายทอง ปลัดอำเภอ ประธานในที่ประชุม"], [])
    'นายประยูร สายทอง ปลัดอำเภอ'
    >>> _signed_chair(["ลงชื่อ นางสาวแก้ว ใจดี ผู้จดรายงานการประชุม"], []) is None  # the minute-taker signs
    True
    """
    for text in lines:
        signed = _SIGNED.match(text)
        if signed:
            who = collapse(signed.group("who"))
            notes.append(
                Note(
                    "inferred",
                    f"no one is said to chair the meeting in its head; {who}, who signs as its chair, is read as it",
                    surface=who,
                    th=f"หัวเรื่องไม่ระบุประธาน จึงอ่าน {who} ผู้ลงชื่อในฐานะประธานในที่ประชุม เป็นประธาน",
                )
            )
            return who
    return None


# a chair's words a PDF line end glued: an acting post after the substantive one, a position after a surname
_GLUED_ACTING = re.compile(r"(?<=[ก-๛])(?<!ผู้)(?=รักษาการ|รักษาราชการ|ปฏิบัติราชการ|ปฏิบัติหน้าที่)")
_GLUED_POSITION = re.compile(
    r"^(?P<name>(?:"
    + _NAME_TITLE
    + r")\s?[ก-๛]+\s+[ก-๛]{2,}?)(?=(?:รองผู้ว่าราชการจังหวัด|ผู้ว่าราชการจังหวัด|พัฒนาการ(?:จังหวัด|อำเภอ)|นายอำเภอ"
    r"|ปลัด(?:จังหวัด|อำเภอ)|ผู้อำนวยการ|นักวิชาการ|นักพัฒนาชุมชน|เจ้าพนักงาน)[ก-๛])"
)


def _spaced_chair(chair: str | None, notes: list[Note]) -> str | None:
    """The chair with a space where a line end glued a surname to the position after it, or a position to the
    acting post after it (a PDF keeps no space at a wrap); said in a note.

    >>> _spaced_chair("นางสาวแก้ว ศรีสุขพัฒนาการจังหวัดตาก", [])
    'นางสาวแก้ว ศรีสุข พัฒนาการจังหวัดตาก'
    >>> _spaced_chair("นายดำ ขำคม นักวิเคราะห์นโยบายชำนาญการพิเศษรักษาราชการแทนพัฒนาการจังหวัดตาก", [])
    'นายดำ ขำคม นักวิเคราะห์นโยบายชำนาญการพิเศษ รักษาราชการแทนพัฒนาการจังหวัดตาก'
    >>> _spaced_chair("นายดำ ขำคม ผู้รักษาการแทนพัฒนาการอำเภอ", [])  # ผู้รักษาการ is one word
    'นายดำ ขำคม ผู้รักษาการแทนพัฒนาการอำเภอ'
    """
    if not chair:
        return chair
    spaced = _GLUED_ACTING.sub(" ", chair)
    named = _GLUED_POSITION.match(spaced)
    if named:
        spaced = f"{named.group('name')} {spaced[named.end() :]}"
    if spaced != chair:
        notes.append(
            Note(
                "repair",
                f"the chair '{chair}' had words glued at a line end; read as '{spaced}'",
                surface=chair,
                th=f"ชื่อและตำแหน่งประธาน '{chair}' ติดกันที่ท้ายบรรทัด จึงเว้นวรรคเป็น '{spaced}'",
            )
        )
    return spaced


def _short_of(chair: str | None, place: str | None) -> str | None:
    """The place, ending before the chair's name where a line run into the next glued them.

    >>> _short_of("นายสมปอง ดีใจ นายอำเภอ", "ห้องประชุมอำเภอนายสมปอง ดีใจ กล่าวว่า")
    'ห้องประชุมอำเภอ'
    """
    named = re.match(_NAME_TITLE + r"\S+\s+\S+", chair or "")
    at = place.find(named.group()) if named and place else -1
    return place[:at].rstrip(" ,") if at > 0 else place


_NAMED_BEFORE = re.compile(r"(?:" + _NAME_TITLE + r")[ก-๛]+\s+$")  # a title and a given name, a surname to come


def _is_surname(text: str, boundary: re.Match) -> bool:
    """Whether a boundary word of the chair (มี) opens the surname after a title and a given name (นายพงศกร มีสุข).

    >>> [_is_surname(t, re.search("มี", t)) for t in ("นายพงศกร มีสุข พัฒนาการจังหวัด", "ประชุม มีนายพงศกร")]
    [True, False]
    """
    return boundary.group() == "มี" and bool(_NAMED_BEFORE.search(text, max(0, boundary.start() - 40), boundary.start()))


def _place(text: str) -> str | None:
    """Where the meeting sat, as written after ณ.

    >>> _place("วันที่ 20 เมษายน 2564 ณ ห้องประชุมอำเภอ โดยมีนายอำเภอเป็นประธาน")
    'ห้องประชุมอำเภอ'
    >>> _place("ณ ศาลาวัดบ้านโคก หมู่ที่ 4 ตำบลนาดี มีนายชาตรี ใจงาม เป็นประธาน")  # the next clause opens with มี
    'ศาลาวัดบ้านโคก หมู่ที่ 4 ตำบลนาดี'
    >>> _place("ณ ห้องประชุมอำเภอเมือง และผ่านระบบออนไลน์ทุกตำบล")
    'ห้องประชุมอำเภอเมือง'
    >>> _place("ณ ห้องประชุมอำเภอเมือง ชั้น 2 พัฒนากรแต่ละตำบลรายงานความก้าวหน้าของงานในรอบเดือนที่ผ่านมาอย่างละเอียด")
    'ห้องประชุมอำเภอเมือง ชั้น 2'
    """
    match = _PLACE.search(text)
    start = None if match else _PLACE_START.search(text)
    if match is None and start is None:
        return None
    first, *rest = collapse(match.group("place") if match else text[start.end() :]).split()
    words = [first]
    for word in rest:
        if not _PLACE_WORD.match(word):
            break  # a sentence of its own goes on after the place
        words.append(word)
    return " ".join(words).rstrip(" .")


def _own_place(text: str) -> str | None:
    """``_place`` of a line, unless the ณ stands in what it says of the next meeting.

    >>> _own_place("นัดประชุมครั้งต่อไป วันที่ 13 มิ.ย. 67 ณ ห้องประชุมอำเภอ"), _own_place("ประชุม ณ ศาลาประชาคม")
    (None, 'ศาลาประชาคม')
    """
    at = _PLACE.search(text) or _PLACE_START.search(text)
    if at is not None and _NEXT_MEETING.search(text, max(0, at.start() - 80), at.start()):
        return None
    return _place(text)


_PLACE_LABELLED = re.compile(_PLACE_LABEL + r"|\s*ณ\s*[:：]")


def _labelled_place(text: str) -> str | None:
    """The place a line labelled as the meeting's place gives (``สถานที่ : …``, ``สถานที่ประชุม …``, ``ณ : …``).

    >>> _labelled_place("สถานที่ประชุม : ห้องประชุมพุดตาน ที่ว่าการอำเภอ"), _labelled_place("ให้เตรียมสถานที่ : ห้องประชุม")
    ('ห้องประชุมพุดตาน ที่ว่าการอำเภอ', None)
    """
    return _place(text) if _PLACE_LABELLED.match(text) else None


def _agency(text: str) -> str | None:
    """The first office of any other agency a text names, as written (not a meeting room's building).

    >>> _agency("สำนักงานเขตพื้นที่การศึกษาประถมศึกษาน่าน เขต 2 จัดประชุมผู้บริหาร")
    'สำนักงานเขตพื้นที่การศึกษาประถมศึกษาน่าน เขต 2'
    >>> _agency("ณ ห้องประชุมองค์การบริหารส่วนตำบลบ้านดง"), _agency("ประชุมคณะกรมการจังหวัด")
    (None, None)
    >>> _agency("สพป.ชัยภูมิ เขต 1 ร่วมประชุม"), _agency("ผู้อำนวยการสำนักงานพัฒนาที่ดินเขต 12 พร้อมด้วย")
    ('สำนักงานเขตพื้นที่การศึกษาประถมศึกษาชัยภูมิ เขต 1', 'สำนักงานพัฒนาที่ดินเขต 12')
    """
    for match in _AGENCY.finditer(text):
        before = text[max(0, match.start() - 14) : match.start()]
        if "ห้อง" in before or re.search(r"(?:^|\s)ณ\s*$", before):
            continue
        if match.group("abbr"):  # สพป.ชัยภูมิ เขต 1: the educational service area office, written out
            level = "ประถมศึกษา" if match.group("abbr") == "สพป" else "มัธยมศึกษา"
            zone = f" เขต {match.group('zone')}" if match.group("zone") else ""
            return f"สำนักงานเขตพื้นที่การศึกษา{level}{match.group('area')}{zone}"
        return collapse(match.group("office"))
    return None


_DISTRICT = re.compile(r"อำเภอ\s*(?P<name>[ก-๙]+)")
_PROVINCE = re.compile(r"(?:จังหวัด|จ\.)\s*(?P<name>[ก-๙]+)")


def _place_of(office: str, header_text: str, notes: list[Note]) -> tuple[str | None, str | None, str | None]:
    """(district, province, province_en) named by the office line."""
    district = province = None
    match = _DISTRICT.search(office)
    if match:
        district = match.group("name").split("จังหวัด")[0]
        district = _known_name(district, "อำเภอ") or district
    match = _PROVINCE.search(office) or _PROVINCE.search(header_text)
    if match:
        name = match.group("name")
        province = next((p for p in sorted(glossary.provinces(), key=len, reverse=True) if name.startswith(p)), None)
    if district and province is None:
        candidates = glossary.provinces_of_district(district)
        if len(candidates) == 1:
            province = candidates[0].name_th
        elif len(candidates) > 1:
            notes.append(
                Note(
                    "warning",
                    f"the district {district} exists in {len(candidates)} provinces; the province is not named,"
                    " so it is left empty",
                    th=f"อำเภอ{district} มีใน {len(candidates)} จังหวัด และเอกสารไม่ระบุจังหวัด จึงเว้นว่างไว้",
                )
            )
        else:
            notes.append(
                Note(
                    "warning",
                    f"the district {district} is not in the gazetteer; its province is unknown",
                    th=f"ไม่พบอำเภอ{district} ในทะเบียนพื้นที่ จึงไม่ทราบจังหวัด",
                )
            )
    province_en = glossary.provinces()[province].name_en if province else None
    return district, province, province_en
