"""Rows -> Meeting: the header, the items and their directives, with notes.

The header gives the meeting number and Buddhist-era year (``ครั้งที่ 4/2562``),
the title and the office, and from the office the district or province. Each
table row becomes an item; a missing item number is inferred from its
neighbours, and consecutive rows of the same item (a row split over pages)
are merged. Every such step leaves a Note. Figures and dates of each
directive are read by ``quantities`` and ``thaidates``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from . import glossary
from .errors import CddbriefError
from .layout import Layout, is_item_number, layout_table, layout_text
from .model import Directive, Item, Meeting, Note
from .quantities import find_quantities
from .sources import RawDocument, read_source
from .thaidates import as_be, find_dates, find_recurrences, find_reschedules
from .thaitext import collapse, drop_stray_marks, has_thai_digits, normalise_spaces, to_arabic_digits

MEETING_REF = re.compile(
    r"ครั้ง\s*ที่\s*(?P<no>\d{1,3})\s*(?:/\s*|ประจำปี(?:งบประมาณ)?\s*(?:พ\.?\s?ศ\.?\s*)?)(?P<year>\d{4}|\d{2})(?!\d)"
)
_ID_FORMS = re.compile(r"^\s*(?:(?P<no>\d{1,3})\s*/\s*(?P<year>\d{2}|\d{4})|(?P<year2>\d{4})\s*-\s*(?P<no2>\d{1,3}))\s*$")
_DEBRIS = re.compile(r"^[\s\d\-–—.()/|*#หน้า]*$")
_OFFICE = re.compile(r"สำนักงาน|ที่ทำการ|พัฒนาชุมชน(?:อำเภอ|จังหวัด)|^\s*(?:อำเภอ|จังหวัด)")
_DISTRICT = re.compile(r"อำเภอ\s*(?P<name>[ก-๙]+)")
_PROVINCE = re.compile(r"(?:จังหวัด|จ\.)\s*(?P<name>[ก-๙]+)")
_NUMBERED_TOPIC = re.compile(r"^(?P<no>\d{1,3})\s?[.)](?!\d)\s*(?P<topic>\S.*)$")
_MARKER = re.compile(r"^\s*(?:\((?P<paren>\d{1,2})\)|(?P<num>\d{1,2})\s?[.)](?![\d])|(?P<bullet>[-•●▪*–]))\s*")


def parse_meeting_id(text: str) -> tuple[int, int]:
    """(year_be, number) from any common form of a meeting id.

    >>> parse_meeting_id("4/2562"), parse_meeting_id("4/62"), parse_meeting_id("2562-04"), parse_meeting_id("๔/๒๕๖๒")
    ((2562, 4), (2562, 4), (2562, 4), (2562, 4))
    """
    match = _ID_FORMS.match(to_arabic_digits(text or ""))
    if not match:
        raise CddbriefError(f"'{text}' is not a meeting id", "write it as 4/2562, 4/62 or 2562-04")
    number = int(match.group("no") or match.group("no2"))
    year = as_be(match.group("year") or match.group("year2"))
    if not 1 <= number <= 99:
        raise CddbriefError(f"'{text}' has no meeting number {number}", "meetings are numbered from 1")
    if not 2500 <= year <= 2700:
        raise CddbriefError(f"'{text}' names the year {year}, outside the years of these meetings (2500–2700 BE)", "check the year")
    return year, number


# --- header ---------------------------------------------------------------------------------


def _read_header(lines: list[str], notes: list[Note]) -> dict:
    kept = []
    for line in lines:
        text = collapse(line)
        if _DEBRIS.match(text) and kept == []:
            notes.append(Note("skipped", f"the line '{text}' before the title is not part of the table or the header; dropped", surface=text, th=f"บรรทัด '{text}' ก่อนชื่อเรื่องไม่ใช่ส่วนของหัวเรื่องหรือตาราง จึงตัดออก"))
            continue
        if text:
            kept.append(text)
    header: dict = {"number": None, "year_be": None, "title": "", "office": "", "meeting_date": None}
    title_lines = []
    for text in kept:
        reading = to_arabic_digits(text)
        ref = MEETING_REF.search(reading)
        if ref and header["number"] is None:
            header["number"] = int(ref.group("no"))
            header["year_be"] = as_be(ref.group("year"))
            written = text[ref.start() : ref.end()]
            if has_thai_digits(written):
                notes.append(Note("repair", f"the meeting number is written with Thai digits: {collapse(written.split('ที่', 1)[-1])}", surface=written, th=f"เลขครั้งที่ประชุมเขียนด้วยเลขไทย: {collapse(written.split('ที่', 1)[-1])}"))
            if len(ref.group("year")) == 4 and int(ref.group("year")) < 2300:
                notes.append(Note("repair", f"the year {ref.group('year')} is Christian era; read as {header['year_be']} BE", th=f"ปี {ref.group('year')} เป็นคริสต์ศักราช อ่านเป็น พ.ศ. {header['year_be']}"))
            prefix = collapse(text[: ref.start()])
            if prefix and not title_lines:
                title_lines.append(prefix)
            rest = text[ref.end() :]
            dates, _ = find_dates(rest, header["year_be"])
            if dates and dates[0].precision == "day":
                header["meeting_date"] = dates[0].start
            continue
        if _OFFICE.search(text) and not header["office"]:
            header["office"] = text
            continue
        if header["number"] is None and not header["office"]:
            title_lines.append(text)
    header["title"] = " ".join(title_lines) or (kept[0] if kept else "")  # a title that is also the office line
    return header


def _place_of(office: str, header_text: str, notes: list[Note]) -> tuple[str | None, str | None, str | None]:
    """(district, province, province_en) named by the office line."""
    district = province = None
    match = _DISTRICT.search(office)
    if match:
        district = match.group("name")
        district = district.split("จังหวัด")[0]
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


# --- items -----------------------------------------------------------------------------------


def split_directives(cell: str) -> list[tuple[str | None, str]]:
    """Split a ข้อสั่งการ cell into (label, text) directives.

    A directive starts at numbering at the start of a line (``1.``, ``1)``,
    ``(1)``, ``๑.``) or a bullet (``-``, ``•``); numbers inside a line are text.
    Numbering must follow on (1, 2, 3…), so a stray ``5.`` at a line start
    stays in its directive. A cell without numbering is one directive.

    >>> split_directives("1. ตรวจสอบ 76 จังหวัด\\n2. ชี้แจง 4 เรื่องคือ 1. ก 2. ข\\nต่อบรรทัด")
    [('1.', 'ตรวจสอบ 76 จังหวัด'), ('2.', 'ชี้แจง 4 เรื่องคือ 1. ก 2. ข ต่อบรรทัด')]
    """
    lines = cell.split("\n")
    style = None
    last = 0
    parts: list[list] = []  # [label, [lines]]
    for line in lines:
        match = _MARKER.match(to_arabic_digits(line))
        starts = False
        if match:
            number = match.group("paren") or match.group("num")
            kind = "bullet" if match.group("bullet") else "number"
            if style is None:
                style = kind
            if kind == style == "bullet":
                starts = True
            elif kind == style == "number" and (last == 0 or int(number) == last + 1):
                starts = True
                last = int(number)
        if starts:
            label = collapse(line[: match.end()])
            parts.append([label, [line[match.end() :]]])
        elif parts:
            parts[-1][1].append(line)
        elif line.strip():
            parts.append([None, [line]])
    directives = []
    for label, body in parts:
        text = collapse(" ".join(body))
        if text:
            directives.append((label, text))
    return directives


def _rows_to_items(layout: Layout, notes: list[Note]) -> list[Item]:
    columns = layout.columns
    items: list[Item] = []
    written_numbers: list[int | None] = []
    for row in layout.rows:
        cells = list(row)
        if "no" in columns and cells and (is_item_number(cells[0]) or len(cells) == len(columns)):
            roles = columns  # a full row keeps its places even when the number cell is empty
        else:
            roles = [c for c in columns if c != "no"]
        fields = {role: "" for role in ("no", "topic", "directives", "remarks")}
        for role, cell in zip(roles, cells):
            fields[role] = cell
        if len(cells) > len(roles):
            extra = " ".join(collapse(c) for c in cells[len(roles) :] if c.strip())
            if extra:
                fields["remarks"] = (fields["remarks"] + " " + extra).strip()
                notes.append(Note("merged", f"a row had {len(cells)} cells for {len(roles)} columns; the extra text was put in remarks", th=f"แถวหนึ่งมี {len(cells)} ช่อง แต่ตารางมี {len(roles)} คอลัมน์ ข้อความส่วนเกินย้ายไปไว้ในหมายเหตุ"))
        number = None
        if is_item_number(fields["no"]):
            number = int(re.sub(r"\D", "", to_arabic_digits(fields["no"])))
        elif fields["no"].strip():
            notes.append(Note("skipped", f"the number cell of a row reads '{collapse(fields['no'])[:40]}', not a number; the number was inferred", th=f"ช่องลำดับของแถวหนึ่งเป็น '{collapse(fields['no'])[:40]}' ไม่ใช่ตัวเลข จึงอนุมานลำดับแทน"))
        topic = collapse(fields["topic"])
        numbered_topic = _NUMBERED_TOPIC.match(to_arabic_digits(topic))
        if number is None and numbered_topic:  # "3. เศรษฐกิจฐานราก": the number stands in the topic cell
            number = int(numbered_topic.group("no"))
            topic = topic[numbered_topic.start("topic") :]
        directives = [Directive(0, text, label) for label, text in split_directives(fields["directives"])]
        remarks = collapse(fields["remarks"])
        previous = items[-1] if items else None
        same_item = previous is not None and (
            (not topic and number is None)
            or (topic == previous.topic and (number is None or number == written_numbers[-1]))
        )
        if same_item:
            previous.directives.extend(directives)
            previous.remarks = " / ".join(r for r in (previous.remarks, remarks) if r)
            previous.merged_rows += 1
            continue
        items.append(Item(no=number or 0, topic=topic, directives=directives, remarks=remarks, inferred=number is None))
        written_numbers.append(number)
    for item in items:
        for index, directive in enumerate(item.directives, start=1):
            directive.no = index
    _infer_numbers(items, written_numbers, notes)
    for item in items:
        if item.merged_rows > 1:
            notes.append(Note("merged", f"item {item.no} appears on {item.merged_rows} rows (split over a page) and was merged", item=item.no, th=f"ข้อ {item.no} อยู่ใน {item.merged_rows} แถว (ขึ้นหน้าใหม่) จึงรวมเป็นข้อเดียว"))
    return items


def _infer_numbers(items: list[Item], written: list[int | None], notes: list[Note]) -> None:
    """Give each item without a number the one its neighbours imply, and say so."""
    for index, item in enumerate(items):
        if written[index] is not None:
            continue
        before = items[index - 1].no if index else None
        after = next(((written[j], j - index) for j in range(index + 1, len(items)) if written[j] is not None), None)
        if before is not None:
            item.no = before + 1
        elif after is not None:
            item.no = max(1, after[0] - after[1])
        else:
            item.no = index + 1
        if after is not None and after[0] != item.no + after[1]:
            notes.append(Note("warning", f"item number {item.no} was inferred, but the next written number ({after[0]}) does not follow on", item=item.no, th=f"ลำดับที่ {item.no} อนุมานขึ้น แต่ลำดับถัดไปที่เขียนไว้ ({after[0]}) ไม่ต่อเนื่องกัน"))
        notes.append(Note("inferred", f"item number {item.no} ({item.topic}) is missing and was inferred from its neighbours", item=item.no, th=f"ประเด็น '{item.topic}' ไม่มีลำดับที่ จึงอนุมานเป็นข้อ {item.no} จากข้อใกล้เคียง"))
    seen: dict[int, int] = {}
    for item in items:
        seen[item.no] = seen.get(item.no, 0) + 1
    for number, count in seen.items():
        if count > 1:
            notes.append(Note("warning", f"item number {number} is used by {count} items with different topics", item=number, th=f"ลำดับที่ {number} ถูกใช้กับ {count} ข้อที่ประเด็นต่างกัน"))


def _clean_cells(layout: Layout, notes: list[Note]) -> None:
    """Drop stray Thai marks from every cell, with a note for each."""
    for row in layout.rows:
        for c, cell in enumerate(row):
            cleaned, dropped = drop_stray_marks(cell)
            for what in dropped:
                following = what[1:] or "the text"
                notes.append(Note("repair", f"a stray Thai mark before '{following}' was dropped", surface=what, th=f"ตัดเครื่องหมายสระหรือวรรณยุกต์ที่ไม่มีพยัญชนะรองรับหน้า '{following}' ออก"))
            row[c] = cleaned


# --- extraction -------------------------------------------------------------------------------


def _extract(items: list[Item], year_be: int | None, notes: list[Note]) -> None:
    for item in items:
        for d in item.directives:
            spans, date_notes = find_dates(d.text, year_be)
            moves = find_reschedules(d.text, spans)
            recurrences = find_recurrences(d.text, spans)
            skip = [(s.begin, s.finish) for s in spans]
            quantities, qty_notes = find_quantities(d.text, skip)
            for found in (*spans, *moves, *recurrences, *quantities):
                found.item, found.directive = item.no, d.no
            d.dates, d.reschedules, d.recurrences, d.quantities = spans, moves, recurrences, quantities
            notes.extend(replace(n, item=item.no) for n in date_notes + qty_notes)


# --- the whole document -------------------------------------------------------------------------


def parse_document(raw: RawDocument, meeting_id: str | None = None) -> Meeting:
    """Turn a read source into a Meeting; raise CddbriefError when it is not a summary."""
    notes: list[Note] = list(raw.notes)
    label = Path(raw.source.path).name
    tables = raw.tables()
    if raw.text is None:
        header = raw.paragraphs_before_first_table()
        rows = [row for table in tables for row in table.rows]
        if not tables:
            raise CddbriefError(f"{label} has no table", "the summary needs its table ที่ | ประเด็น | ข้อสั่งการ | หมายเหตุ")
        layout = layout_table([normalise_spaces(h) for h in header], [[normalise_spaces(c) for c in row] for row in rows])
    else:
        text = raw.text or ""
        odd = sum(text.count(ch) for ch in "\u00a0\u200b\u2009\u202f")
        if odd:
            notes.append(Note("repair", f"{odd} non-breaking or zero-width spaces were read as plain spaces", th=f"อ่านช่องว่างพิเศษ (non-breaking หรือ zero-width) {odd} ตัวเป็นช่องว่างปกติ"))
        layout = layout_text(normalise_spaces(text))
    notes.extend(layout.notes)
    if not layout.rows:
        raise CddbriefError(
            f"{label} has no table of items (ที่ | ประเด็น | ข้อสั่งการ | หมายเหตุ)",
            "export the summary with its table, as .docx or as text with the cells separated by tabs",
        )
    widest = max(len(row) for row in layout.rows)
    if widest < 3:
        raise CddbriefError(
            f"{label} has a table of {widest} column{'s' if widest > 1 else ''}, not a summary's table",
            "the table needs the columns ที่ | ประเด็น | ข้อสั่งการ | หมายเหตุ",
        )
    header = _read_header(layout.header, notes)
    if meeting_id:
        year_be, number = parse_meeting_id(meeting_id)
        if header["number"] is not None and (header["number"], header["year_be"]) != (number, year_be):
            notes.append(Note("warning", f"the header says meeting {header['number']}/{header['year_be']}; --meeting {number}/{year_be} was used", th=f"หัวเอกสารระบุครั้งที่ {header['number']}/{header['year_be']} แต่ใช้ --meeting {number}/{year_be} แทน"))
        header["number"], header["year_be"] = number, year_be
    if header["number"] is None:
        raise CddbriefError(
            f"{label} names no meeting number (ครั้งที่ N/ปี) in its header",
            "add it to the document, or give it with --meeting 4/2562",
        )
    _clean_cells(layout, notes)
    items = _rows_to_items(layout, notes)
    if not items:
        raise CddbriefError(f"{label} has a table but no items in it", "check that the table rows hold a topic and directives")
    district, province, province_en = _place_of(header["office"], " ".join(layout.header), notes)
    if not header["office"]:
        notes.append(Note("warning", "the header names no office (สำนักงาน…)", th="หัวเอกสารไม่ระบุหน่วยงาน (สำนักงาน…)"))
    _extract(items, header["year_be"], notes)
    meeting = Meeting(
        number=header["number"],
        year_be=header["year_be"],
        title=header["title"],
        office=header["office"],
        district=district,
        province=province,
        province_en=province_en,
        source=raw.source,
        items=items,
        notes=notes,
        meeting_date=header["meeting_date"],
    )
    from .indicators import find_checks

    meeting.checks = find_checks(meeting)
    return meeting


def read_meeting(path: str | Path, meeting_id: str | None = None) -> Meeting:
    """Read one meeting summary file (.txt or .docx) into a Meeting.

    >>> m = read_meeting("data/raw/000_624796c269e36bce.txt")
    >>> m.id, m.items[0].topic
    ('2562-04', 'OTOP')
    """
    return parse_document(read_source(path), meeting_id=meeting_id)
