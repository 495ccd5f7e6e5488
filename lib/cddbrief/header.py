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

from . import glossary
from .model import Note
from .thaidates import as_be, find_dates
from .thaitext import collapse, has_thai_digits, to_arabic_digits

MEETING_REF = re.compile(
    r"ครั้ง\s*ที่\s*(?P<no>\d{1,3})\s*(?:/\s*|ประจำปี(?:งบประมาณ)?\s*(?:พ\.?\s?ศ\.?\s*)?)(?P<year>\d{4}|\d{2})(?!\d)"
)
# Words before a meeting number that make it another meeting's: the minutes being approved, an earlier decision.
_OTHER_MEETING = re.compile(r"(?:รับรอง|ตามที่|ตามมติ|สืบเนื่อง|ครั้งก่อน|ที่ผ่านมา|ครั้งต่อไป)")
_DEBRIS = re.compile(r"^[\s\d\-–—.()/|*#หน้า]*$")
_OFFICE_LINE = re.compile(r"^\s*(?:สำนักงาน|ที่ทำการ)?\s*พัฒนาชุมชน(?:อำเภอ|จังหวัด)|^\s*(?:อำเภอ|จังหวัด)|^\s*(?:สำนักงาน|ที่ทำการ)\S*")
_OFFICE_MENTION = re.compile(
    r"(?P<form>สำนักงานพัฒนาชุมชน|สนง\.?\s?พช\.?\s?|พัฒนาการ|สพ(?=[อจ]\.?))\s*(?P<level>อำเภอ|จังหวัด|อ\.|จ\.|อ(?=\.)|จ(?=\.))\.?\s*(?P<name>[ก-๛]+)"
)
_NAME_TITLE = r"(?:นาย|นางสาว|นาง|น\.ส\.|ว่าที่\s?(?:ร\.ต\.|ร้อยตรี)\s?(?:หญิง)?|ดร\.|ผศ\.|รศ\.)"
_CHAIR = re.compile(r"(?:โดยมี|โดย|(?:^|(?<=\s))มี(?!นาคม))\s*(?P<who>(?:(?!โดย)[^,()]){4,120}?)\s*(?:เป็น|ทำหน้าที่)ประธาน|ประธาน(?:ในที่ประชุม|การประชุม)\s*[:：]?\s*(?P<who2>[^,()]{4,120}?)(?=\s+(?:ณ|พร้อม|โดย|เพื่อ|และ)|$)")
_CHAIR_LISTED = re.compile(r"^\s*(?:\d{1,2}[.)]\s*)?(?P<who>" + _NAME_TITLE + r".{4,120}?)\s+ประธาน(?:ในที่ประชุม|กรรมการ)?\s*$", re.M)
_PLACE = re.compile(r"(?:^|\s)ณ\s*(?P<place>.{3,120}?)(?=\s+(?:โดย|เพื่อ|พร้อม|ซึ่ง|มีข้อ|มีผู้|และมี|ผ่าน)|\s*[,(]|$)")
_DATE_LINE = re.compile(r"(?:^|\s)(?:เมื่อ)?(?:วัน(?:จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัส|ศุกร์|เสาร์|อาทิตย์)?\s*ที่)")


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


def read_header(lines: list[str], notes: list[Note], whole: bool = True) -> Header:
    """Read the meeting from the lines before the items.

    ``whole`` says the lines are a title block (a table's header): a short line
    naming an office is the office as written. In prose the office is found in
    sentences and written out in full.
    """
    kept: list[str] = []
    for line in lines:
        text = collapse(line)
        if _DEBRIS.match(text) and kept == []:
            notes.append(Note("skipped", f"the line '{text}' before the title is not part of the table or the header; dropped", surface=text, th=f"บรรทัด '{text}' ก่อนชื่อเรื่องไม่ใช่ส่วนของหัวเรื่องหรือตาราง จึงตัดออก"))
            continue
        if text:
            kept.append(text)
    header = Header()
    title_lines: list[str] = []
    ref_line = None
    for index, text in enumerate(kept):
        ref = find_meeting_ref(text) if header.number is None else None
        if ref:
            ref_line = index
            header.number = int(ref.group("no"))
            header.year_be = as_be(ref.group("year"))
            written = text[ref.start() : ref.end()]
            if has_thai_digits(written):
                shown = collapse(written.split("ที่", 1)[-1])
                notes.append(Note("repair", f"the meeting number is written with Thai digits: {shown}", surface=written, th=f"เลขครั้งที่ประชุมเขียนด้วยเลขไทย: {shown}"))
            if len(ref.group("year")) == 4 and int(ref.group("year")) < 2300:
                notes.append(Note("repair", f"the year {ref.group('year')} is Christian era; read as {header.year_be} BE", th=f"ปี {ref.group('year')} เป็นคริสต์ศักราช อ่านเป็น พ.ศ. {header.year_be}"))
            prefix = collapse(text[: ref.start()])
            if prefix and not title_lines:
                title_lines.append(prefix if whole else text)
            continue
        if whole and _OFFICE_LINE.search(text) and not header.office and len(text) <= 80:
            header.office = text
            continue
        if header.number is None and not header.office and (whole or not title_lines):
            title_lines.append(text)
    header.title = " ".join(title_lines) or (kept[0] if kept else "")  # a title that is also the office line
    if not whole and len(header.title) > 200:
        header.title = header.title[:200].rsplit(" ", 1)[0] + "…"
    everything = " ".join(kept)
    if not header.office:
        header.office = _office_mention(everything, notes) or ""
    header.meeting_date = _meeting_date(kept, ref_line, header.year_be)
    header.chair = _first(_chair, kept)
    header.place = _first(_place, kept)
    header.district, header.province, header.province_en = _place_of(header.office, everything, notes)
    return header


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
            notes.append(Note("inferred", f"the office is read from '{written}' as {office}", surface=written, th=f"อ่านหน่วยงานจาก '{written}' เป็น {office}"))
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
    """The meeting's own day: the first day-date on the meeting's line (before or after its number) or a date line below it."""
    start = ref_line or 0
    for text in lines[start : start + 4]:
        if text is not lines[start] and not _DATE_LINE.search(text):
            continue  # below the meeting's line, only a line that gives a day (วันที่ …) dates it
        spans, _ = find_dates(text, year_be)
        day = next((s for s in spans if s.precision == "day" and s.start), None)
        if day is not None:
            return day.start
    return None


def _first(find, lines: list[str]) -> str | None:
    return next((found for found in map(find, lines) if found), None)


def _chair(text: str) -> str | None:
    """Who chaired, as written in a line.

    >>> _chair("ร่วมประชุม โดยมีอธิบดีกรมการพัฒนาชุมชนเป็นประธาน มีข้อสั่งการ ดังนี้")
    'อธิบดีกรมการพัฒนาชุมชน'
    >>> _chair("1. นายสมศักดิ์ ดีงาม พัฒนาการจังหวัดตาก ประธาน")
    'นายสมศักดิ์ ดีงาม พัฒนาการจังหวัดตาก'
    """
    match = _CHAIR.search(text) or _CHAIR_LISTED.match(text)
    if not match:
        return None
    who = collapse(match.group("who") or match.group("who2"))
    titled = re.search(_NAME_TITLE + r".*$", who)
    return titled.group() if titled else who


def _place(text: str) -> str | None:
    """Where the meeting sat, as written after ณ.

    >>> _place("วันที่ 20 เมษายน 2564 ณ ห้องประชุมอำเภอ โดยมีนายอำเภอเป็นประธาน")
    'ห้องประชุมอำเภอ'
    """
    match = _PLACE.search(text)
    return collapse(match.group("place")) if match else None


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
            notes.append(Note("warning", f"the district {district} exists in {len(candidates)} provinces; the province is not named, so it is left empty", th=f"อำเภอ{district} มีใน {len(candidates)} จังหวัด และเอกสารไม่ระบุจังหวัด จึงเว้นว่างไว้"))
        else:
            notes.append(Note("warning", f"the district {district} is not in the gazetteer; its province is unknown", th=f"ไม่พบอำเภอ{district} ในทะเบียนพื้นที่ จึงไม่ทราบจังหวัด"))
    province_en = glossary.provinces()[province].name_en if province else None
    return district, province, province_en
