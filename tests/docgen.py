"""Documents of our own making: meeting summaries rendered from a known structure.

A generated meeting knows what a careful reader would read out of it (items,
directive counts, figures, dates), so the parser can be checked on documents
it has never seen, in the shapes real ones take: Word tables dumped to text
(numbers missing, rows split over pages, Thai digits, CRLF, TIS-620, UTF-16)
and .docx files.

The same meetings in other layouts (prose posts, minutes by agenda) and other
file kinds (.html, .pdf) are made by ``docgen_forms``: ``docgen_forms.generate``
and ``docgen_forms.render``.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass, field
from datetime import date

from cddbrief.thaidates import MONTHS

THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")

TOPICS = [
    "กองทุนหมู่บ้าน",
    "โครงการโคก หนอง นา",
    "ผ้าไทยใส่ให้สนุก",
    "การเบิกจ่ายงบประมาณ",
    "ข้อมูลความจำเป็นพื้นฐาน",
    "ศูนย์เรียนรู้ชุมชน",
    "กลุ่มออมทรัพย์เพื่อการผลิต",
    "วิสาหกิจชุมชน",
    "ครัวเรือนยากจน",
    "การพัฒนาผู้นำชุมชน",
    "ความมั่นคงทางอาหาร",
    "เรื่องอื่น ๆ",
]
DISTRICT_OFFICES = [
    ("แม่ทะ", "ลำปาง"),
    ("ป่าซาง", "ลำพูน"),
    ("บางบัวทอง", "นนทบุรี"),
    ("เชียงคาน", "เลย"),
    ("หัวหิน", "ประจวบคีรีขันธ์"),
]
PROVINCE_OFFICES = ["ลำพูน", "ขอนแก่น", "สงขลา", "ตาก"]
UNITS = ["หมู่บ้าน", "ครัวเรือน", "คน", "กลุ่ม", "แห่ง", "ผลิตภัณฑ์", "โครงการ"]
FILLER = [
    "ให้ดำเนินการตามแนวทางที่กรมกำหนดอย่างเคร่งครัด",
    "ขอให้ประสานหน่วยงานที่เกี่ยวข้องเพื่อบูรณาการการทำงาน",
    "ที่ประชุมรับทราบและมอบหมายให้ติดตามผลอย่างต่อเนื่อง",
    "ให้รายงานปัญหาอุปสรรคผ่านระบบรายงานของกรม",
]


@dataclass
class Sentence:
    text: str
    quantities: list[tuple[float, str]] = field(default_factory=list)
    dates: list[tuple[date, date]] = field(default_factory=list)


@dataclass
class GenItem:
    no: int
    topic: str
    directives: list[Sentence]
    remarks: str = ""
    write_number: bool = True
    split_after: int | None = None  # a page break after this many directives: the row is split


@dataclass
class GenMeeting:
    number: int
    year_be: int
    office: str
    district: str | None
    province: str
    items: list[GenItem]
    title: str = "สรุปสาระสำคัญการประชุมกรมการพัฒนาชุมชน ผ่านระบบ TV พช."
    two_digit_year: bool = False
    date_text: str = ""  # written after the meeting number: " วันที่ 17 สิงหาคม 2564"


def _yy(year_be: int) -> str:
    return str(year_be)[2:]


def sentence(rng: random.Random, year_be: int) -> Sentence:
    """One directive with known figures and dates."""
    kind = rng.randrange(6)
    m = rng.randrange(12)
    full, abbr = MONTHS[m]
    ce = year_be - 543
    if kind == 0:
        n, unit = rng.randint(2, 900), rng.choice(UNITS)
        d = rng.randint(1, 28)
        return Sentence(f"ให้จังหวัดรายงานผลการดำเนินงาน จำนวน {n:,} {unit} ภายในวันที่ {d} {abbr} {_yy(year_be)}",
                        [(n, unit)], [(date(ce, m + 1, d),) * 2])  # fmt: skip
    if kind == 1:
        villages, rate = rng.randint(10, 999), rng.choice([5000, 10000, 18000, 20000, 50000])
        return Sentence(f"งบประมาณ {villages * rate:,} บาท ดำเนินการ {villages:,} หมู่บ้าน หมู่บ้านละ {rate:,} บาท",
                        [(villages * rate, "บาท"), (villages, "หมู่บ้าน"), (rate, "บาท")])  # fmt: skip
    if kind == 2:
        whole = rng.randint(1000, 200000)
        part = rng.randint(1, whole)
        pct = round(part / whole * 100, 2)
        return Sentence(f"เป้าหมาย {whole:,} ครัวเรือน จัดเก็บได้ {part:,} ครัวเรือน คิดเป็นร้อยละ {pct:.2f}",
                        [(whole, "ครัวเรือน"), (part, "ครัวเรือน"), (pct, "%")])  # fmt: skip
    if kind == 3:
        d1 = rng.randint(1, 20)
        d2 = d1 + rng.randint(1, 7)
        return Sentence(f"จัดประชุมเชิงปฏิบัติการระหว่างวันที่ {d1}-{d2} {full} {year_be}",
                        [], [(date(ce, m + 1, d1), date(ce, m + 1, d2))])  # fmt: skip
    if kind == 4:
        d1, d2 = rng.randint(1, 28), rng.randint(1, 28)
        m2 = (m + 1) % 12
        y2 = ce + (1 if m2 < m else 0)
        return Sentence(
            f"เลื่อนการคัดสรรจากเดิมกำหนดวันที่ {d1} {abbr} {_yy(year_be)} กำหนดเป็นวันที่ {d2} {MONTHS[m2][1]} {_yy(y2 + 543)}",
            [], [(date(ce, m + 1, d1),) * 2, (date(y2, m2 + 1, d2),) * 2])  # fmt: skip
    return Sentence(rng.choice(FILLER))


# what a sentence opens with when someone is asked to do it, and when it is told: a careful reader counts
# only what is asked as a directive (minutes and posts are read so; a table's cell holds directives only)
ASKING = ["ให้ทุกอำเภอ", "ขอให้ทุกตำบล", "ประธานกำชับให้", "มอบหมายให้กลุ่มงาน"]
TELLING = ["ฝ่ายเลขานุการแจ้งว่า", "ประธานแจ้งว่า", "ที่ประชุมรับทราบว่า"]
_ASKED = ("ให้", "มอบหมาย", "กำชับ", "เน้นย้ำ")


def asks(text: str) -> bool:
    """Whether a generated sentence asks someone to do something (it holds an instruction word)."""
    return any(word in text for word in _ASKED)


def asked(rng: random.Random, year_be: int) -> Sentence:
    """A sentence with its figures and dates, written as an instruction: as drawn when it asks already
    (``ให้จังหวัดรายงาน…``), else with who is asked before it (``ให้ทุกอำเภอ จัดประชุม…``)."""
    said = sentence(rng, year_be)
    return said if asks(said.text) else Sentence(f"{rng.choice(ASKING)} {said.text}", said.quantities, said.dates)


def told(rng: random.Random, year_be: int) -> Sentence:
    """A sentence with its figures and dates, written as what was reported (``ฝ่ายเลขานุการแจ้งว่า งบประมาณ…``):
    drawn again until it asks nobody."""
    said = sentence(rng, year_be)
    while asks(said.text):
        said = sentence(rng, year_be)
    return Sentence(f"{rng.choice(TELLING)} {said.text}", said.quantities, said.dates)


def meeting(rng: random.Random, n_items: int | None = None) -> GenMeeting:
    """A random but plausible meeting."""
    year_be = rng.randint(2560, 2568)
    number = rng.randint(1, 12)
    if rng.random() < 0.7:
        district, province = rng.choice(DISTRICT_OFFICES)
        office = f"สำนักงานพัฒนาชุมชนอำเภอ{district}"
    else:
        district, province = None, rng.choice(PROVINCE_OFFICES)
        office = f"สำนักงานพัฒนาชุมชนจังหวัด{province}"
    topics = rng.sample(TOPICS, n_items or rng.randint(1, 8))
    items = []
    for no, topic in enumerate(topics, start=1):
        directives = [sentence(rng, year_be) for _ in range(rng.randint(1, 4))]
        split = rng.randint(1, len(directives) - 1) if len(directives) > 1 and rng.random() < 0.2 else None
        items.append(GenItem(no, topic, directives, remarks=rng.choice(["", "", "กลุ่มงานส่งเสริมฯ"]),
                             write_number=no == 1 or rng.random() > 0.25, split_after=split))  # fmt: skip
    return GenMeeting(number, year_be, office, district, province, items, two_digit_year=rng.random() < 0.3)


def _directive_cell(sentences: list[Sentence], start: int, style: str) -> str:
    if len(sentences) == 1 and start == 0:
        return sentences[0].text
    labels = {"dot": "{}. ", "paren": "({}) ", "close": "{}) "}
    return "\n".join(labels[style].format(start + k + 1) + s.text for k, s in enumerate(sentences))


def render_dump(m: GenMeeting, thai_digits: bool = False, style: str = "dot", debris: bool = False) -> str:
    """Render as Word's table-to-text dump, the shape of the sample."""
    lines = []
    if debris:
        lines += [str(m.number + 1), ""]
    year = _yy(m.year_be) if m.two_digit_year else str(m.year_be)
    lines += [m.title, f"ครั้งที่ {m.number}/{year}{m.date_text}", f" {m.office}"]
    lines += ["\tที่", "\tประเด็น", "\tข้อสั่งการ", "\tหมายเหตุ", ""]
    row_open = False  # the previous row ended without an empty cell + blank line
    for item in m.items:
        parts = [(0, item.directives)]
        if item.split_after:
            parts = [(0, item.directives[: item.split_after]), (item.split_after, item.directives[item.split_after :])]
        for index, (start, sentences) in enumerate(parts):
            lead = " \t" if row_open else "\t"
            if item.write_number:
                lines.append(f"{lead}{item.no}")
                lines.append(f"\t{item.topic}")
            else:
                lines.append(f"{lead}{item.topic}")
            body = _directive_cell(sentences, start, style) if len(item.directives) > 1 else sentences[0].text
            lines.append("\t" + body)
            last = index == len(parts) - 1
            if last and item.remarks:
                lines.append(f"\t{item.remarks}")
                row_open = True
            elif last:
                lines += ["\t", ""]
                row_open = False
            else:
                row_open = True
    text = "\n".join(lines) + "\n"
    return text.translate(THAI) if thai_digits else text


def render_docx(m: GenMeeting, auto_numbering: bool = False) -> bytes:
    """Render as a Word document: header paragraphs, then the four-column table."""
    import docx

    document = docx.Document()
    year = _yy(m.year_be) if m.two_digit_year else str(m.year_be)
    document.add_paragraph(m.title)
    document.add_paragraph(f"ครั้งที่ {m.number}/{year}{m.date_text}")
    document.add_paragraph(m.office)
    table = document.add_table(rows=1, cols=4)
    for cell, text in zip(table.rows[0].cells, ["ที่", "ประเด็น", "ข้อสั่งการ", "หมายเหตุ"]):
        cell.text = text
    for item in m.items:
        row = table.add_row().cells
        row[0].text = str(item.no) if item.write_number else ""
        row[1].text = item.topic
        cell = row[2]
        cell.text = ""
        first = True
        for k, s in enumerate(item.directives):
            text = s.text if len(item.directives) == 1 or auto_numbering else f"{k + 1}. {s.text}"
            paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
            paragraph.text = text
            if auto_numbering and len(item.directives) > 1:
                paragraph.style = document.styles["List Number"]
            first = False
        row[3].text = item.remarks
    return saved(document)


def saved(document) -> bytes:
    """A python-docx document's bytes, the same for the same content: the zip's entries get a
    fixed time (python-docx stamps each with the clock, so two saves a second apart differ)."""
    import zipfile

    out = io.BytesIO()
    document.save(out)
    stable = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(out.getvalue())) as source,
        zipfile.ZipFile(stable, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info))
    return stable.getvalue()


def expected_items(m: GenMeeting) -> list[tuple[int, bool, str, int]]:
    return [(i.no, not i.write_number, i.topic, len(i.directives)) for i in m.items]


def office_series(rates=("81.25", "90.50", "97.10"), days=(15, 22, 29)) -> list[GenMeeting]:
    """Three meetings of one office: a rate that climbs, a deadline that moves, a topic that comes and goes."""
    meetings = []
    for n, (rate, day) in enumerate(zip(rates, days), start=3):
        items = [
            GenItem(1, "จปฐ.", [Sentence(f"ผลการจัดเก็บข้อมูล จปฐ. จังหวัดลำพูน {rate}% ของเป้าหมาย")]),
            GenItem(2, "กองทุนหมู่บ้าน", [Sentence(f"ให้จังหวัดรายงานผลการตรวจสอบกองทุนหมู่บ้าน ภายในวันที่ {day} มี.ค. 63")]),
        ]
        if n == 4:
            items.append(GenItem(3, "ผ้าไทยใส่ให้สนุก", [Sentence("ขอให้ทุกจังหวัดรณรงค์การแต่งกายผ้าไทย")]))
        meetings.append(GenMeeting(n, 2563, "สำนักงานพัฒนาชุมชนอำเภอป่าซาง", "ป่าซาง", "ลำพูน", items))
    return meetings
