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
from .errors import BadMeetingId
from .model import Note
from .thaidates import MONTHS, as_be, find_dates, month_number
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
    r"(?<!เป็น)(?<!หน้าที่)ประธาน(?:ในที่ประชุม|การประชุม)\s*[:：]?\s*(?P<who>(?:"
    + _NAME_TITLE
    + "|"
    + _POSITION
    + r")[^,()]{2,120}?)(?=\s+(?:ณ|พร้อม|โดย|เพื่อ|และ|กล่าว|ได้)|\s*[,(]|$)"
)
_CHAIR_BOUNDARY = re.compile(
    r"โดยมี|โดย|(?:^|(?<=\s))มี(?!นาคม)|\bน\.(?=\s)|[,()]|\s{2,}|มอบหมาย(?:ให้)?|พร้อมด้วย|ร่วมกับ|ประชุม"
)
_CHAIR_LISTED = re.compile(
    r"^\s*(?:\d{1,2}[.)]\s*)?(?P<who>" + _NAME_TITLE + r".{4,120}?)\s+ประธาน(?:ใน)?(?:ที่ประชุม|กรรมการ|สภา\S*)?\s*$", re.M
)
_PLACE = re.compile(
    r"(?:(?:^|\s)ณ\s*|(?:^|\s)ที่(?=\s?(?:ห้องประชุม|หอประชุม|ศาลา|อาคาร)))(?P<place>.{3,120}?)"
    r"(?=\s*(?:โดยมี|ประธานการประชุม|ประธานในที่ประชุม)|\s+(?:โดย|เพื่อ|พร้อม|ซึ่ง|มีข้อ|มีผู้|มีการ|และมี|ผ่าน|เวลา|วันที่|ได้|นาย|นาง|ประธาน|สรุป|ดังนี้)|\s*[,(]|$)"
)
_DATE_LINE = re.compile(r"(?:^|\s)(?:เมื่อ)?(?:วัน(?:จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัส|ศุกร์|เสาร์|อาทิตย์)?\s*ที่)")
# the meeting's own day is written after one of these: วันที่ …, เมื่อวันที่ …, วันจันทร์ที่ …, วันนี้ (…); not an order's ลงวันที่
_DATE_CUE = re.compile(r"(?<!ลง)(?:เมื่อ)?วัน(?:จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัส|ศุกร์|เสาร์|อาทิตย์)?\s*(?:ที่|นี้\s*\(?)\s*$")
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


def read_header(lines: list[str], notes: list[Note], whole: bool = True, more: list[str] = ()) -> Header:
    """Read the meeting from the lines before the items.

    ``whole`` says the lines are a title block (a table's header): a short line
    naming an office is the office as written. In prose the office is found in
    sentences and written out in full. ``more`` is the rest of the document, where
    an office, a chair or a place the head does not name is looked for.

    >>> h = read_header(["โพสต์เมื่อ 21 มี.ค. 2566", "วันนี้ (16 มี.ค. 66) นายสมหมาย รักดี นายอำเภอบ้านไร่ เป็นประธานการประชุมคณะทำงาน "
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
    header = Header()
    banners = {index for index, text in enumerate(kept) if is_banner(text)}
    title_lines: list[str] = []
    ref_line = None
    for index, text in enumerate(kept):
        if index in banners:
            continue
        ref = None
        if header.number is None:
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
    if header.number is None:
        ref_line = _monthly(header, kept, notes)
    header.title = " ".join(title_lines) or (kept[0] if kept else "")  # a title that is also the office line
    if not whole and len(header.title) > 200:
        header.title = header.title[:200].rsplit(" ", 1)[0] + "…"
    everything = " ".join(kept)
    rest = [collapse(t) for t in more if t and t.strip()]
    if not header.office:
        header.office = (
            _office_mention(everything, notes)
            or _agency(everything)
            or _office_mention(" ".join(rest), notes)
            or _agency(" ".join(rest))
            or ""
        )
    heard = [t for i, t in enumerate(kept) if i not in banners]
    header.meeting_date = _meeting_date(
        heard, heard.index(kept[ref_line]) if ref_line is not None and ref_line not in banners else None, header.year_be
    )
    header.published = _published([kept[i] for i in sorted(banners)], header.year_be)
    header.chair = _first(_chair, heard) or _first(_chair, rest[:6])
    header.place = _first(_place, heard) or _first(_place, rest[:3])
    header.district, header.province, header.province_en = _place_of(header.office, everything, notes)
    return header


def _office_line(text: str, notes: list[Note]) -> str:
    """A title block's office line as written; where other words follow the CDD office it opens on
    (a PDF that ran the next line into it), that office alone.

    >>> _office_line("สำนักงานพัฒนาชุมชนอำเภอเมือง จังหวัดลำปาง", []), _office_line("สำนักงานพัฒนาชุมชนอำเภอลี้ รับฟังการประชุม", [])
    ('สำนักงานพัฒนาชุมชนอำเภอเมือง จังหวัดลำปาง', 'สำนักงานพัฒนาชุมชนอำเภอลี้')
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
            "correct the year in the document, or give the meeting with --meeting 4/2562",
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
        notes.append(Note("inferred", f"'{collapse(written)}' gives a running number ({ref.group('running')}) and the meeting of the year {shown}; {shown} is the meeting number", surface=collapse(written),
                          th=f"'{collapse(written)}' มีทั้งลำดับครั้งสะสม ({ref.group('running')}) และครั้งที่ของปี {shown} จึงใช้ {shown}"))  # fmt: skip


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
            notes.append(Note("inferred", f"the write-up names no meeting number; '{collapse(match.group())}' is a monthly meeting, read as meeting {shown} (its month)", surface=collapse(match.group()),
                              th=f"เอกสารไม่ระบุครั้งที่ '{collapse(match.group())}' เป็นการประชุมประจำเดือน จึงอ่านเป็นครั้งที่ {shown} ตามเดือน"))  # fmt: skip
            return index
    return None


@lru_cache(maxsize=1024)  # the head's lines are asked twice: by the header and for their passage's kind
def is_banner(text: str) -> bool:
    """Whether a line is a page's own date (posted, published, updated, printed) or a date alone, not the meeting's.

    >>> is_banner("โพสต์เมื่อ 21 มีนาคม 2566"), is_banner("21 มี.ค. 2566 | 10:42 น."), is_banner("วันที่ 20 มีนาคม 2566 ประชุมคณะทำงาน")
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
    """
    for match in _OFFICE_MENTION.finditer(text):
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
    names = glossary.provinces() if level == "จังหวัด" else None
    for size in range(min(len(text), 24), 1, -1):
        candidate = text[:size]
        if (names is not None and candidate in names) or (names is None and glossary.provinces_of_district(candidate)):
            return candidate
    return text if len(text) <= 20 else None


def _meeting_date(lines: list[str], ref_line: int | None, year_be: int | None) -> date | None:
    """The meeting's own day: the day after a date cue (วันที่, เมื่อวันที่, วันจันทร์ที่, วันนี้ (…)) in a
    line that tells of the meeting; else the first day-date on the meeting's line or a date line below
    it; else the first day of a sentence that names its chair or its time (``5 เมษายน 2566 ดร.… เป็นประธาน``).
    An order's date (``ลงวันที่ …``) is never the meeting's.

    >>> _meeting_date(["ประชุมครั้งที่ 2/2564", "เมื่อวันที่ 29 เมษายน 2564 ณ ห้องประชุม", "ให้ส่งภายใน 5 พ.ค. 64"], 0, 2564).isoformat()
    '2021-04-29'
    >>> _meeting_date(["ประชุมครั้งที่ 3/2566", "5 เมษายน 2566 ดร.สมปอง วงศ์ดี เป็นประธานการประชุม"], 0, 2566).isoformat()
    '2023-04-05'
    """

    def days(text: str) -> list:
        spans, _ = find_dates(text, year_be)
        return [
            s
            for s in spans
            if s.precision == "day"
            and s.start
            and not _ORDER_DATE.search(text[max(0, s.span.start - 14) : s.span.start])
        ]

    plain, best, told = None, None, -9
    for text in lines:
        if not (find_meeting_ref(text) or "ประชุม" in text):
            continue
        found = days(text)
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
        found = days(text)
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
        before = text[max(0, chaired.start() - 200) : chaired.start()]
        bounds = [(m.start(), m.end()) for m in _CHAIR_BOUNDARY.finditer(before)]
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
            if 3 <= len(who) <= 120:
                return who
            break
    after = _CHAIR_AFTER.search(text)
    if after:
        return collapse(after.group("who"))
    listed = _CHAIR_LISTED.match(text)
    return collapse(listed.group("who")) if listed else None


def _place(text: str) -> str | None:
    """Where the meeting sat, as written after ณ.

    >>> _place("วันที่ 20 เมษายน 2564 ณ ห้องประชุมอำเภอ โดยมีนายอำเภอเป็นประธาน")
    'ห้องประชุมอำเภอ'
    """
    match = _PLACE.search(text)
    return collapse(match.group("place")).rstrip(" .") if match else None


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
        if _in_a_room(text[: match.start()]):
            continue
        if match.group("abbr"):  # สพป.ชัยภูมิ เขต 1: the educational service area office, written out
            level = "ประถมศึกษา" if match.group("abbr") == "สพป" else "มัธยมศึกษา"
            zone = f" เขต {match.group('zone')}" if match.group("zone") else ""
            return f"สำนักงานเขตพื้นที่การศึกษา{level}{match.group('area')}{zone}"
        return collapse(match.group("office"))
    return None


def _in_a_room(before: str) -> bool:
    """Does an office written after this text name where the meeting sat: right after ณ, or after a room
    and at most two words of its name (ณ ห้องประชุม ชั้น 2 สำนักงาน…)?

    >>> _in_a_room("ประชุม ณ "), _in_a_room("ณ ห้องประชุม ชั้น 2 "), _in_a_room("ณ ห้องประชุม ชั้น 2 แล้ว "), _in_a_room("ให้ ")
    (True, True, False, False)
    """
    words = before.rsplit(maxsplit=3)[-3:]  # the room's word and two more, or fewer
    return any("ห้อง" in word for word in words) or words[-1:] == ["ณ"]


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
                    f"the district {district} exists in {len(candidates)} provinces; the province is not named, so it is left empty",
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
