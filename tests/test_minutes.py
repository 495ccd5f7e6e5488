"""Minutes in depth: sub-agenda topics are the items their figures, dates and resolutions belong to.

Three invented minutes in the styles agencies write them (nothing here is copied from a real
document): a provincial working group's minutes by ระเบียบวาระ with 3.1 / 3.2 sub-topics that have
paragraphs and a มติที่ประชุม each; a district office's monthly minutes whose agenda headings are
numbered lines (``3. เรื่องเพื่อทราบ``) with dashes under 3.1 / 3.2; a sub-district council's
minutes with ``วาระที่ 3.1`` sub-topics, (1) (2) points and resolutions on the line below. Each
has attendee lists with the chair marked, a start time, a รับรองรายงานการประชุม of an earlier
meeting, ``ไม่มี`` items, the close and the signatures. Each is read value for value, as text,
as a Word document and as a web page: items (number, agenda label, topic, agenda heading,
remarks, resolution, directives), and which item each figure and date belongs to.

Then the failing paths: one-line ``4.1`` points stay points, a wrapped line in a PDF opens no
sub-topic, a dashed agenda summary is minutes (not one item per dash), and a write-up of 10,000
agenda items or points is one clear error, never cut off at item 99. Last, hypothesis writes
minutes of any mix of agenda items and reads them back.
"""

from __future__ import annotations

import io
from datetime import date

import pytest
from conftest import run_cli
from hypothesis import given, settings
from hypothesis import strategies as st

from cddbrief.errors import CddbriefError, UnreadableSource
from cddbrief.meeting import parse_document
from cddbrief.model import Block, Source
from cddbrief.readers import MAX_ITEMS
from cddbrief.sources import RawDocument, read_bytes

PROVINCE = """รายงานการประชุมคณะทำงานขับเคลื่อนเศรษฐกิจฐานรากจังหวัดอุตรดิตถ์
ครั้งที่ 5/2567
เมื่อวันอังคารที่ 14 พฤษภาคม 2567
ณ ห้องประชุม 301 ชั้น 3 ศาลากลางจังหวัดอุตรดิตถ์
ผู้มาประชุม
1. นายประยูร สายสุวรรณ  พัฒนาการจังหวัดอุตรดิตถ์  ประธาน
2. นางวรรณา พึ่งบุญ  หัวหน้ากลุ่มงานส่งเสริมและพัฒนาชุมชน  คณะทำงาน
3. นายธนากร แสงทอง  นักวิชาการพัฒนาชุมชนชำนาญการ  เลขานุการ
ผู้ไม่มาประชุม
1. นางสาวพิมพ์ชนก ทองคำ  ติดราชการ
ผู้เข้าร่วมประชุม
1. นายอดิศร บุญมา  ผู้แทนสำนักงานเกษตรจังหวัด
เริ่มประชุมเวลา 09.30 น.
ระเบียบวาระที่ 1 เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ
- ไม่มี -
ระเบียบวาระที่ 2 เรื่องรับรองรายงานการประชุมครั้งที่ 4/2567
ฝ่ายเลขานุการได้จัดส่งรายงานการประชุมให้คณะทำงานตรวจสอบแล้ว
มติที่ประชุม รับรองรายงานการประชุม
ระเบียบวาระที่ 3 เรื่องเพื่อทราบ
3.1 กองทุนหมู่บ้าน (โดย กลุ่มงานส่งเสริมและพัฒนาชุมชน)
จังหวัดมีกองทุนหมู่บ้านที่ผ่านการประเมินระดับดีมาก 86 กองทุน
ให้อำเภอรายงานผลการชำระหนี้ภายในวันที่ 31 พฤษภาคม 2567
มติที่ประชุม รับทราบ
3.2 ผ้าไทยใส่ให้สนุก
จัดงานแสดงและจำหน่ายผ้าไทย 24 บูท ณ ห้อง 5001 ชั้น 5 อาคาร 2 ติดต่อ โทร. 0 5541 1234
มติที่ประชุม รับทราบ
ระเบียบวาระที่ 4 เรื่องเพื่อพิจารณา
4.1 โครงการโคก หนอง นา
ขอให้ที่ประชุมพิจารณาแผนการขยายผล 12 แปลง ภายในวันที่ 28 มิถุนายน 2567
มติที่ประชุม เห็นชอบ
ระเบียบวาระที่ 5 เรื่องอื่น ๆ
- ไม่มี -
เลิกประชุมเวลา 12.00 น.
(ลงชื่อ) ...................................... ผู้จดรายงานการประชุม
(นายธนากร แสงทอง)
(ลงชื่อ) ...................................... ผู้ตรวจรายงานการประชุม
(นางวรรณา พึ่งบุญ)
"""

# (no, label, topic, agenda, remarks, resolution, directives, reported): what is asked is a directive, the rest
# of a paragraph or a point that asks nobody is what was reported
PROVINCE_ITEMS = [
    (1, "1", "เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ", None, "", "", [], []),
    (2, "2", "เรื่องรับรองรายงานการประชุมครั้งที่ 4/2567", None, "", "รับรองรายงานการประชุม", [],
     ["ฝ่ายเลขานุการได้จัดส่งรายงานการประชุมให้คณะทำงานตรวจสอบแล้ว"]),
    (3, "3.1", "กองทุนหมู่บ้าน", "ระเบียบวาระที่ 3 เรื่องเพื่อทราบ", "โดย กลุ่มงานส่งเสริมและพัฒนาชุมชน", "รับทราบ",
     ["ให้อำเภอรายงานผลการชำระหนี้ภายในวันที่ 31 พฤษภาคม 2567"], ["จังหวัดมีกองทุนหมู่บ้านที่ผ่านการประเมินระดับดีมาก 86 กองทุน"]),
    (4, "3.2", "ผ้าไทยใส่ให้สนุก", "ระเบียบวาระที่ 3 เรื่องเพื่อทราบ", "", "รับทราบ", [],
     ["จัดงานแสดงและจำหน่ายผ้าไทย 24 บูท ณ ห้อง 5001 ชั้น 5 อาคาร 2 ติดต่อ โทร. 0 5541 1234"]),
    (5, "4.1", "โครงการโคก หนอง นา", "ระเบียบวาระที่ 4 เรื่องเพื่อพิจารณา", "", "เห็นชอบ",
     ["ขอให้ที่ประชุมพิจารณาแผนการขยายผล 12 แปลง ภายในวันที่ 28 มิถุนายน 2567"], []),
    (6, "5", "เรื่องอื่น ๆ", None, "", "", [], []),
]  # fmt: skip

DISTRICT = """รายงานการประชุมข้าราชการและเจ้าหน้าที่ สำนักงานพัฒนาชุมชนอำเภอท่าปลา
ครั้งที่ 6/2566
วันที่ 2 มิถุนายน 2566 ณ ห้องประชุมที่ว่าการอำเภอท่าปลา
ผู้เข้าประชุม
1. นางสาวรัตนา ศรีวงศ์  พัฒนาการอำเภอท่าปลา  ประธาน
2. นายวีรยุทธ คงดี  นักวิชาการพัฒนาชุมชน
เริ่มประชุมเวลา 13.30 น.
1. เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ
1.1 ให้ทุกคนแต่งกายผ้าไทยทุกวันอังคาร
1.2 ให้ส่งแผนปฏิบัติงานภายในวันที่ 9 มิถุนายน 2566
2. เรื่องรับรองรายงานการประชุมครั้งที่ 5/2566
- ไม่มีการแก้ไข
มติที่ประชุม รับรอง
3. เรื่องเพื่อทราบ
3.1 ข้อมูลความจำเป็นพื้นฐาน (จปฐ.)
- จัดเก็บแล้ว 1,250 ครัวเรือน จากเป้าหมาย 1,400 ครัวเรือน
- ให้ตรวจสอบข้อมูลให้แล้วเสร็จภายในวันที่ 20 มิถุนายน 2566
3.2 ตลาดนัดชุมชน
- มีผู้ประกอบการเข้าร่วม 18 ราย จัด 30 บูท
4. เรื่องเพื่อพิจารณา
- ไม่มี -
5. เรื่องอื่น ๆ
-ไม่มี-
ปิดประชุมเวลา 16.00 น.
"""

DISTRICT_ITEMS = [
    (1, "1", "เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ", None, "", "",
     ["ให้ทุกคนแต่งกายผ้าไทยทุกวันอังคาร", "ให้ส่งแผนปฏิบัติงานภายในวันที่ 9 มิถุนายน 2566"], []),
    (2, "2", "เรื่องรับรองรายงานการประชุมครั้งที่ 5/2566", None, "", "รับรอง", [], ["ไม่มีการแก้ไข"]),
    (3, "3.1", "ข้อมูลความจำเป็นพื้นฐาน (จปฐ.)", "3. เรื่องเพื่อทราบ", "", "",
     ["ให้ตรวจสอบข้อมูลให้แล้วเสร็จภายในวันที่ 20 มิถุนายน 2566"], ["จัดเก็บแล้ว 1,250 ครัวเรือน จากเป้าหมาย 1,400 ครัวเรือน"]),
    (4, "3.2", "ตลาดนัดชุมชน", "3. เรื่องเพื่อทราบ", "", "", [], ["มีผู้ประกอบการเข้าร่วม 18 ราย จัด 30 บูท"]),
    (5, "4", "เรื่องเพื่อพิจารณา", None, "", "", [], []),
    (6, "5", "เรื่องอื่น ๆ", None, "", "", [], []),
]  # fmt: skip

COUNCIL = """รายงานการประชุมสภาองค์การบริหารส่วนตำบลหนองบัวแดง
สมัยสามัญ สมัยที่ 2 ครั้งที่ 1/2567
วันพฤหัสบดีที่ 15 สิงหาคม 2567 เวลา 10.00 น.
ณ ห้องประชุมสภาองค์การบริหารส่วนตำบลหนองบัวแดง
ผู้มาประชุม
1. นายสุเมธ ใจกล้า  ประธานสภาองค์การบริหารส่วนตำบล
2. นางอำไพ ดวงดี  สมาชิกสภา หมู่ที่ 3
ผู้ไม่มาประชุม
1. นายจำรัส ทองสุก  สมาชิกสภา หมู่ที่ 7  ลากิจ
ผู้เข้าร่วมประชุม
1. นายบุญเลิศ พรมมา  นายกองค์การบริหารส่วนตำบล
เริ่มประชุมเวลา 10.00 น.
วาระที่ 1 เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ
ประธานแจ้งว่า อำเภอได้จัดอบรมผู้นำชุมชน 3 รุ่น
มติที่ประชุม
รับทราบ
วาระที่ 2 รับรองรายงานการประชุมสมัยสามัญ สมัยที่ 1 ครั้งที่ 2/2567
มติที่ประชุม
รับรองรายงานการประชุม
วาระที่ 3 เรื่องเพื่อพิจารณา
วาระที่ 3.1 ร่างแผนพัฒนาท้องถิ่น
(1) ก่อสร้างถนนคอนกรีต 4 สาย งบประมาณ 2,400,000 บาท
(2) ซ่อมแซมฝายชะลอน้ำ 6 ฝาย
มติที่ประชุม
เห็นชอบ
วาระที่ 3.2 การจัดงานประเพณีลอยกระทง
(1) ให้แต่ละหมู่บ้านส่งกระทง 12 หมู่บ้าน ภายในวันที่ 10 พฤศจิกายน 2567
มติที่ประชุม
เห็นชอบตามที่เสนอ
วาระที่ 4 เรื่องอื่น ๆ
ไม่มี
ปิดประชุมเวลา 12.30 น.
ลงชื่อ ................................ ผู้บันทึกรายงานการประชุม
"""

COUNCIL_ITEMS = [
    (1, "1", "เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ", None, "", "รับทราบ", [], ["ประธานแจ้งว่า อำเภอได้จัดอบรมผู้นำชุมชน 3 รุ่น"]),
    (2, "2", "รับรองรายงานการประชุมสมัยสามัญ สมัยที่ 1 ครั้งที่ 2/2567", None, "", "รับรองรายงานการประชุม", [], []),
    (3, "3.1", "ร่างแผนพัฒนาท้องถิ่น", "วาระที่ 3 เรื่องเพื่อพิจารณา", "", "เห็นชอบ", [],
     ["ก่อสร้างถนนคอนกรีต 4 สาย งบประมาณ 2,400,000 บาท", "ซ่อมแซมฝายชะลอน้ำ 6 ฝาย"]),  # the draft's: asks no one
    (4, "3.2", "การจัดงานประเพณีลอยกระทง", "วาระที่ 3 เรื่องเพื่อพิจารณา", "", "เห็นชอบตามที่เสนอ",
     ["ให้แต่ละหมู่บ้านส่งกระทง 12 หมู่บ้าน ภายในวันที่ 10 พฤศจิกายน 2567"], []),
    (5, "4", "เรื่องอื่น ๆ", None, "", "", [], []),
]  # fmt: skip

# (name, text, id, meeting date, chair or None where the attendee is not marked ประธาน alone, items,
#  figures as (item, value, unit), days as (item, first day): the directives' first, then what was reported)
MINUTES = [
    ("province", PROVINCE, "2567-05", date(2024, 5, 14), "นายประยูร สายสุวรรณ พัฒนาการจังหวัดอุตรดิตถ์", PROVINCE_ITEMS,
     [(5, 12, "แปลง"), (3, 86, "กองทุน"), (4, 24, "บูท")], [(3, date(2024, 5, 31)), (5, date(2024, 6, 28))]),
    ("district", DISTRICT, "2566-06", date(2023, 6, 2), "นางสาวรัตนา ศรีวงศ์ พัฒนาการอำเภอท่าปลา", DISTRICT_ITEMS,
     [(3, 1250, "ครัวเรือน"), (3, 1400, "ครัวเรือน"), (4, 18, "ราย"), (4, 30, "บูท")],
     [(1, date(2023, 6, 9)), (3, date(2023, 6, 20))]),
    ("council", COUNCIL, "2567-01", date(2024, 8, 15), None, COUNCIL_ITEMS,
     [(4, 12, "หมู่บ้าน"), (1, 3, "รุ่น"), (3, 4, "สาย"), (3, 2400000, "บาท"), (3, 6, "ฝาย")], [(4, date(2024, 11, 10))]),
]  # fmt: skip


def as_docx(text: str) -> bytes:
    """The minutes as a Word document, one paragraph a line (numbers typed, as people type them)."""
    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def as_html(text: str) -> bytes:
    """The minutes as a web page: a post whose body is one paragraph a line."""
    from html import escape

    body = "\n".join(f"<p>{escape(line)}</p>" for line in text.splitlines())
    return (
        '<!doctype html><html lang="th"><head><meta charset="utf-8"><title>รายงานการประชุม</title></head>'
        f"<body><article>{body}</article></body></html>"
    ).encode()


def as_pdf(text: str) -> bytes:
    """The minutes printed to PDF (A4, Sarabun from the package, WeasyPrint), one paragraph a line."""
    from html import escape

    import docgen_forms

    from cddbrief.fonts import font_face_css

    body = "\n".join(f"<p>{escape(line)}</p>" for line in text.splitlines())
    css = (
        f"{font_face_css()} @page {{ size: A4; margin: 2cm 2cm 2cm 2.5cm; }} "
        f"body {{ font-family: Sarabun; font-size: 15pt; }} p {{ margin: 0 0 .35em 0; }}"
    )
    return docgen_forms.html_to_pdf(
        f'<html lang="th"><head><meta charset="utf-8"><style>{css}</style></head><body>{body}</body></html>'
    )


KINDS = {"txt": lambda text: text.encode("utf-8"), "docx": as_docx, "html": as_html, "pdf": as_pdf}


def read(text: str, kind: str = "txt"):
    return parse_document(read_bytes(KINDS[kind](text), f"minutes.{kind}"))


def reading_of(meeting) -> dict:
    """What a reader of the minutes looks for, in plain values."""

    def reported(no: int) -> list[str]:
        return [p.text for p in meeting.passages if p.item == no and p.kind == "reported"]

    return {
        "layout": meeting.source.layout,
        "id": meeting.id,
        "date": meeting.meeting_date,
        "items": [
            (i.no, i.label, i.topic, i.agenda, i.remarks, i.resolution, [d.text for d in i.directives], reported(i.no))
            for i in meeting.items
        ],
        "figures": [(q.item, q.value, q.unit) for holder in held(meeting) for q in holder.quantities],
        "days": [(s.item, s.start) for holder in held(meeting) for s in holder.dates],
    }


def held(meeting) -> list:
    """What the items hold figures and dates in: their directives, then their passages (what was reported,
    remarks, resolutions)."""
    return [holder for item, holder in meeting.holders() if item is not None]


def _unspaced(reading: dict) -> dict:
    def bare(text):
        return "".join(text.split()) if isinstance(text, str) else text

    items = [
        tuple(bare(v) if not isinstance(v, list) else [bare(d) for d in v] for v in item) for item in reading["items"]
    ]
    return {**reading, "items": items}


@pytest.mark.parametrize("kind", sorted(KINDS))
@pytest.mark.parametrize(
    "name, text, meeting_id, day, chair, items, figures, days", MINUTES, ids=[m[0] for m in MINUTES]
)
def test_minutes_read_value_for_value(name, text, meeting_id, day, chair, items, figures, days, kind):
    meeting = read(text, kind)
    want = {"layout": "minutes", "id": meeting_id, "date": day, "items": items, "figures": figures, "days": days}
    if kind == "pdf":  # a PDF's text layer has no space where a line wrapped (ติดต่อ|โทร.): compare without spaces
        assert _unspaced(reading_of(meeting)) == _unspaced(want)
    else:
        assert reading_of(meeting) == want
    if chair:
        assert meeting.chair == chair
    assert all(q.span.of(holder.text) == q.surface for holder in held(meeting) for q in holder.quantities)


def test_a_sub_topic_is_the_topic_its_figures_and_deadlines_belong_to_never_the_generic_heading():
    meeting = read(PROVINCE)
    topics = {i.no: i.topic for i in meeting.items}
    assert {topics[q.item] for holder in held(meeting) for q in holder.quantities} == {
        "กองทุนหมู่บ้าน",
        "ผ้าไทยใส่ให้สนุก",
        "โครงการโคก หนอง นา",
    }
    assert not any(i.topic in ("เรื่องเพื่อทราบ", "เรื่องเพื่อพิจารณา") for i in meeting.items)
    payload = meeting.to_dict()["items"]
    assert payload[2]["label"] == "3.1" and payload[2]["agenda"] == "ระเบียบวาระที่ 3 เรื่องเพื่อทราบ"
    assert "agenda" not in payload[0] and payload[0]["label"] == "1"  # a top-level agenda item stands under nothing


@pytest.mark.parametrize("text", [PROVINCE, DISTRICT, COUNCIL])
def test_head_lines_and_signatures_are_no_item_and_no_directive(text):
    """Attendees, the start and close times, the recorder and checker and the earlier meeting's number."""
    meeting = read(text)
    said = (
        [i.topic for i in meeting.items]
        + [d.text for _, d in meeting.directives()]
        + [i.resolution for i in meeting.items]
    )
    lines = text.splitlines()
    first = next(n for n, line in enumerate(lines) if line in ("ผู้มาประชุม", "ผู้เข้าประชุม"))
    start = next(n for n, line in enumerate(lines) if line.startswith("เริ่มประชุมเวลา"))
    close = next(n for n, line in enumerate(lines) if line.startswith(("เลิกประชุม", "ปิดประชุม")))
    head_or_foot = [
        " ".join(line.split()[1:] if line[:1].isdigit() else line.split())
        for line in lines[first : start + 1] + lines[close:]
    ]
    assert len(head_or_foot) >= 5
    for line in head_or_foot:
        assert not any(line in piece for piece in said), line
    assert not any("ไม่มี" == d.text.strip("-–() .") for _, d in meeting.directives())


@pytest.mark.parametrize("nothing", ["- ไม่มี -", "-ไม่มี-", "ไม่มี", "(ไม่มี)", "- ไม่มี", "ไม่มี.", "– ไม่มีเรื่องอื่น ๆ –"])
def test_an_agenda_item_with_nothing_stays_empty(nothing):
    text = (
        f"รายงานการประชุม ครั้งที่ 2/2566\nระเบียบวาระที่ 1 เรื่องแจ้งเพื่อทราบ\n{nothing}\nระเบียบวาระที่ 2 เรื่องอื่น ๆ\n"
        "มติที่ประชุม รับทราบ\n"
    )
    meeting = read(text)
    assert [(i.topic, i.directives, i.resolution) for i in meeting.items] == [
        ("เรื่องแจ้งเพื่อทราบ", [], ""),
        ("เรื่องอื่น ๆ", [], "รับทราบ"),
    ]


def test_one_line_sub_points_are_the_agenda_items_points():
    """``1.1 ให้…`` lines with nothing of their own below them are points of agenda 1, as before."""
    text = ("รายงานการประชุม ครั้งที่ 2/2566\nระเบียบวาระที่ 1 เรื่องที่ประธานแจ้ง\n1.1 ให้ทุกตำบลส่งรายงาน 5 ฉบับ\n"
            "1.2 เตรียมงานวันสตรีสากล\nมติที่ประชุม รับทราบ\nระเบียบวาระที่ 2 เรื่องอื่น ๆ\n- ไม่มี -\n")  # fmt: skip
    meeting = read(text)
    assert [(i.label, i.topic, [(d.label, d.text) for d in i.directives], i.resolution) for i in meeting.items] == [
        ("1", "เรื่องที่ประธานแจ้ง", [("1.1", "ให้ทุกตำบลส่งรายงาน 5 ฉบับ"), ("1.2", "เตรียมงานวันสตรีสากล")], "รับทราบ"),
        ("2", "เรื่องอื่น ๆ", [], ""),
    ]


def test_sub_points_that_are_instructions_are_points_even_with_lines_below():
    text = ("รายงานการประชุม ครั้งที่ 3/2566\nระเบียบวาระที่ 1 เรื่องที่ประธานแจ้ง\n1.1 ให้ทุกอำเภอรายงานผล\nภายในสิ้นเดือน\n"
            "1.2 ขอให้แต่งกายผ้าไทย\nทุกวันอังคาร\nระเบียบวาระที่ 2 เรื่องอื่น ๆ\n- ไม่มี -\n")  # fmt: skip
    meeting = read(text)
    assert [d.text for d in meeting.items[0].directives] == [
        "ให้ทุกอำเภอรายงานผล ภายในสิ้นเดือน",
        "ขอให้แต่งกายผ้าไทย ทุกวันอังคาร",
    ]
    assert [i.label for i in meeting.items] == ["1", "2"]


def test_an_agenda_heading_with_text_before_its_sub_topics_is_an_item_of_its_own():
    text = ("รายงานการประชุม ครั้งที่ 3/2566\nระเบียบวาระที่ 1 เรื่องที่ประธานแจ้ง\n- ไม่มี -\nระเบียบวาระที่ 2 เรื่องเพื่อทราบ\n"
            "ฝ่ายเลขานุการแจ้งผลการดำเนินงานไตรมาส 2 ดังนี้\n2.1 กองทุนหมู่บ้าน\n- ผ่านการประเมิน 7 กองทุน\n"
            "2.2 ผ้าไทย\n- จัดงาน 5 บูท\nมติที่ประชุม รับทราบ\n")  # fmt: skip
    meeting = read(text)
    reading = [(no, label, topic, agenda, said, resolved) for no, label, topic, agenda, _, resolved, _, said in
               reading_of(meeting)["items"]]  # fmt: skip
    assert reading == [
        (1, "1", "เรื่องที่ประธานแจ้ง", None, [], ""),
        (2, "2", "เรื่องเพื่อทราบ", None, ["ฝ่ายเลขานุการแจ้งผลการดำเนินงานไตรมาส 2 ดังนี้"], ""),
        (3, "2.1", "กองทุนหมู่บ้าน", "ระเบียบวาระที่ 2 เรื่องเพื่อทราบ", ["ผ่านการประเมิน 7 กองทุน"], ""),
        (4, "2.2", "ผ้าไทย", "ระเบียบวาระที่ 2 เรื่องเพื่อทราบ", ["จัดงาน 5 บูท"], "รับทราบ"),  # the closing มติ: the last's
    ]  # fmt: skip
    assert not any(i.directives for i in meeting.items)  # what was told, under headings that ask nobody
    assert [(q.item, q.value, q.unit) for holder in held(meeting) for q in holder.quantities] == [
        (3, 7, "กองทุน"),
        (4, 5, "บูท"),
    ]


def _pdf(lines: list[str]) -> RawDocument:
    """A PDF's reading: each line a paragraph of page 1 (a wrap the PDF did not join stays a line)."""
    return RawDocument(
        Source("x.pdf", "0" * 64, "pdf", None), blocks=[Block("paragraph", line, page=1) for line in lines]
    )


def test_in_a_pdf_a_wrapped_line_opens_no_sub_topic_but_a_dash_does():
    head = ["รายงานการประชุม ครั้งที่ 4/2566", "ระเบียบวาระที่ 1 เรื่องแจ้งเพื่อทราบ"]
    wrapped = head + ["1.1 กลุ่มออมทรัพย์เพื่อการผลิต ให้จัดประชุมเชิงปฏิบัติการระหว่างวันที่", "12-15 ตุลาคม 2566",
                      "1.2 ผ้าไทย ให้จัดงาน 8 บูท", "มติที่ประชุม รับทราบ", "ระเบียบวาระที่ 2 เรื่องอื่น ๆ", "- ไม่มี -"]  # fmt: skip
    meeting = parse_document(_pdf(wrapped))
    assert [(i.label, len(i.directives)) for i in meeting.items] == [("1", 2), ("2", 0)]
    assert meeting.items[0].directives[0].text.endswith("ระหว่างวันที่ 12-15 ตุลาคม 2566")
    dashed = head + [
        "1.1 กองทุนหมู่บ้าน",
        "- ผ่านการประเมิน 7 กองทุน",
        "1.2 ผ้าไทย",
        "- จัดงาน 8 บูท",
        "ระเบียบวาระที่ 2 เรื่องอื่น ๆ",
        "- ไม่มี -",
    ]
    meeting = parse_document(_pdf(dashed))
    assert [(i.label, i.topic) for i in meeting.items] == [("1.1", "กองทุนหมู่บ้าน"), ("1.2", "ผ้าไทย"), ("2", "เรื่องอื่น ๆ")]


DASHED = """สพจ.น่าน ประชุมประจำเดือน ครั้งที่ 5/2566 เมื่อวันที่ 3 พฤษภาคม 2566 สรุปสาระสำคัญดังนี้
ระเบียบวาระที่ 1 เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ
{a}ให้ทุกอำเภอรายงานผลกองทุนหมู่บ้าน 12 กองทุน ภายใน 15 พ.ค. 66
{b}เน้นย้ำการแต่งกายผ้าไทยทุกวันอังคาร
ระเบียบวาระที่ 2 เรื่องเพื่อทราบ
{a}ผลการเบิกจ่ายงบประมาณ ร้อยละ 65.20
{b}ตลาดนัดชุมชน 24 บูท
ระเบียบวาระที่ 3 เรื่องอื่น ๆ
- ไม่มี -
"""


@pytest.mark.parametrize("a, b", [("- ", "- "), ("1. ", "2. "), ("• ", "• ")])
def test_an_agenda_summary_with_dashes_or_numbers_is_minutes_not_a_post_of_points(a, b):
    meeting = read(DASHED.format(a=a, b=b))
    assert meeting.source.layout == "minutes"
    assert [(i.label, i.topic, len(i.directives)) for i in meeting.items] == [
        ("1", "เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ", 2), ("2", "เรื่องเพื่อทราบ", 0), ("3", "เรื่องอื่น ๆ", 0)]  # fmt: skip
    assert [p.text for p in meeting.passages if p.item == 2] == ["ผลการเบิกจ่ายงบประมาณ ร้อยละ 65.20", "ตลาดนัดชุมชน 24 บูท"]
    assert [(q.item, q.surface) for holder in held(meeting) for q in holder.quantities] == [
        (1, "12 กองทุน"),
        (2, "ร้อยละ 65.20"),
        (2, "24 บูท"),
    ]


def test_numbered_agenda_titles_are_agenda_headings_and_a_topic_between_them_too():
    text = ("รายงานการประชุมประจำเดือน ครั้งที่ 7/2566\n1. เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ\n- ให้รายงานผล\n"
            "2. กองทุนหมู่บ้าน\n- ผ่านการประเมิน 4 กองทุน\n3. เรื่องอื่น ๆ\n- ไม่มี -\n")  # fmt: skip
    meeting = read(text)
    assert meeting.source.layout == "minutes"
    assert [(i.label, i.topic) for i in meeting.items] == [
        ("1", "เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ"),
        ("2", "กองทุนหมู่บ้าน"),
        ("3", "เรื่องอื่น ๆ"),
    ]


def test_a_post_of_numbered_topics_is_no_minutes():
    """Topics numbered 1. 2. 3. without the agenda's own titles stay a post's points."""
    text = (
        "สพอ.แม่ทะ ประชุมประจำเดือน ครั้งที่ 8/2564\n1. กองทุนหมู่บ้าน ให้รายงานผล\n2. ผ้าไทย ให้แต่งกายผ้าไทย\n"
        "3. เรื่องอื่น ๆ ให้ประสานงาน\n"
    )
    meeting = read(text)
    assert meeting.source.layout == "prose" and [i.topic for i in meeting.items] == ["กองทุนหมู่บ้าน", "ผ้าไทย", "เรื่องอื่น ๆ"]


def test_an_agenda_number_written_twice_is_a_warning_naming_it():
    text = "รายงานการประชุม ครั้งที่ 2/2566\nระเบียบวาระที่ 1 เรื่องแจ้ง\n- ให้รายงาน\nระเบียบวาระที่ 1 เรื่องแจ้งซ้ำ\n- ให้ติดตาม\n"
    meeting = read(text)
    assert [(i.no, i.label) for i in meeting.items] == [(1, "1"), (2, "1")]
    assert [n.message for n in meeting.notes if n.kind == "warning" and "agenda item" in n.message] == [
        "agenda item 1 is written 2 times (items 1, 2)"
    ]


# --- what a careful reader counts: asked, told, decided --------------------------------------------

# Our own sentences (invented offices, people and figures): what was reported, each with its figure ...
TOLD = [
    ("อำเภอได้รับจัดสรรงบประมาณ {n:,} บาท", "บาท"),
    ("ตำบลนำร่องมีครัวเรือนเป้าหมาย {n:,} ครัวเรือน", "ครัวเรือน"),
    ("กลุ่มงานส่งเสริมฯ แจ้งว่า จัดอบรมแล้ว {n:,} รุ่น", "รุ่น"),
    ("ผลการเบิกจ่ายสะสมของไตรมาสนี้ {n:,} บาท", "บาท"),
]
# ... what someone is asked to do ...
ASKED = [
    ("ให้พัฒนากรติดตามกลุ่มอาชีพ {n:,} กลุ่ม", "กลุ่ม"),
    ("ขอให้ทุกตำบลส่งแบบสำรวจ {n:,} ฉบับ", "ฉบับ"),
    ("ประธานกำชับให้เจ้าหน้าที่เยี่ยมบ้าน {n:,} ครัวเรือน", "ครัวเรือน"),
    ("มอบหมายให้ฝ่ายอำนวยการจัดซื้อวัสดุ {n:,} ชุด", "ชุด"),
]
# ... and what the meeting decided (มติที่ประชุม)
DECIDED = [
    "รับทราบ",
    "เห็นชอบตามที่เสนอ",
    "เห็นชอบให้ดำเนินการต่อ",  # approving what is to be done decides it
    "เห็นชอบ และให้ดำเนินการต่อ",  # an ask that only says to carry out the decision adds no task
    "อนุมัติงบประมาณ 12,000 บาท",
]


def _agenda(lines: list[str], decided: str) -> str:
    return "\n".join(
        ["รายงานการประชุมประจำเดือน สำนักงานพัฒนาชุมชนอำเภอนาหมื่น ครั้งที่ 4/2567", "ระเบียบวาระที่ 1 เรื่องเพื่อทราบ"]
        + lines
        + [f"มติที่ประชุม {decided}", "ระเบียบวาระที่ 2 เรื่องอื่น ๆ", "- ไม่มี -", "เลิกประชุมเวลา 12.00 น."]
    )


def _said(meeting, no: int) -> dict:
    """What item ``no`` holds: its directives, what was reported under it, its resolution, and each figure
    with what it was said as."""
    item = next(i for i in meeting.items if i.no == no)
    told = [p for p in meeting.passages if p.item == no and p.kind == "reported"]
    return {
        "asked": [d.text for d in item.directives],
        "told": [p.text for p in told],
        "decided": item.resolution,
        "figures": sorted(
            (float(q.value), q.unit, q.context) for h in held(meeting) for q in h.quantities if q.item == no
        ),
    }


@pytest.mark.parametrize("template, unit", TOLD)
def test_a_reported_line_stays_a_report_with_its_figure(template, unit):
    line = template.format(n=4_321)
    said = _said(read(_agenda([line], "รับทราบ")), 1)
    assert said == {"asked": [], "told": [line], "decided": "รับทราบ", "figures": [(4321.0, unit, "reported")]}


@pytest.mark.parametrize("template, unit", ASKED)
@pytest.mark.parametrize("dash", ["", "- "])
def test_an_instruction_line_is_a_directive(template, unit, dash):
    line = template.format(n=57)
    said = _said(read(_agenda([dash + line], "รับทราบ")), 1)
    assert said == {"asked": [line], "told": [], "decided": "รับทราบ", "figures": [(57.0, unit, "asked")]}


@pytest.mark.parametrize("decided", DECIDED)
def test_a_resolution_line_is_the_resolution(decided):
    said = _said(read(_agenda([TOLD[0][0].format(n=900)], decided)), 1)
    assert (said["asked"], said["decided"]) == ([], decided)  # ... never a directive, though it says ให้ดำเนินการ
    figures = {(value, context) for value, _, context in said["figures"]}
    assert figures == ({(900.0, "reported"), (12000.0, "decided")} if "12,000" in decided else {(900.0, "reported")})


@pytest.mark.parametrize("template, unit", ASKED)
def test_an_ask_after_a_decision_in_a_resolution_is_a_directive(template, unit):
    """``มติที่ประชุม เห็นชอบ และให้…``: the meeting approved, then asked; the ask is a directive, the approval
    stays the resolution (approving what is to be done, ``เห็นชอบให้…``, is a decision: see DECIDED)."""
    line = template.format(n=64)
    said = _said(read(_agenda([TOLD[0][0].format(n=900)], f"เห็นชอบ และ{line}")), 1)
    assert (said["asked"], said["decided"]) == ([line], "เห็นชอบ")
    assert (64.0, unit, "asked") in said["figures"]


def test_a_resolution_over_several_lines_keeps_its_decisions_and_gives_its_asks():
    """A numbered มติ whose first point approves and the next two ask, and a มติ whose second line (ทั้งนี้ ให้…)
    asks: a careful reader counts three directives and keeps the approvals as the resolutions."""
    text = "\n".join(
        ["รายงานการประชุมประจำเดือน สำนักงานพัฒนาชุมชนอำเภอนาหมื่น ครั้งที่ 4/2567",
         "ระเบียบวาระที่ 1 เรื่องเพื่อพิจารณา", "ฝ่ายแผนงานเสนอแผนจัดงานวันเด็ก 3 จุด", "มติที่ประชุม",
         "1. เห็นชอบแผนจัดงานวันเด็กตามที่เสนอ", "2. มอบหมายให้พัฒนากรจัดหาของขวัญ 300 ชิ้น",
         "3. ให้ฝ่ายอำนวยการประสานสถานที่", "ระเบียบวาระที่ 2 เรื่องอื่น ๆ", "ฝ่ายแผนงานเสนอกลุ่มออมทรัพย์ 2 กลุ่ม",
         "มติที่ประชุม เห็นชอบให้ส่งกลุ่มออมทรัพย์เข้าประกวด", "ทั้งนี้ ให้ฝ่ายแผนงานจัดทำเอกสารภายใน 7 วัน",
         "เลิกประชุมเวลา 12.00 น."]
    )  # fmt: skip
    meeting = read(text)
    first, second = _said(meeting, 1), _said(meeting, 2)
    assert first["asked"] == ["มอบหมายให้พัฒนากรจัดหาของขวัญ 300 ชิ้น", "ให้ฝ่ายอำนวยการประสานสถานที่"]
    assert first["decided"] == "1. เห็นชอบแผนจัดงานวันเด็กตามที่เสนอ"
    assert [d.label for d in next(i for i in meeting.items if i.no == 1).directives] == ["2.", "3."]
    assert (300.0, "ชิ้น", "asked") in first["figures"]
    assert second["asked"] == ["ให้ฝ่ายแผนงานจัดทำเอกสารภายใน 7 วัน"]
    assert second["decided"] == "เห็นชอบให้ส่งกลุ่มออมทรัพย์เข้าประกวด"


@pytest.mark.parametrize(
    "decided", ["1. รับทราบผลการดำเนินงาน", "เห็นชอบให้จัดงาน 2 วัน และให้ใช้งบ 5,000 บาท", "อนุมัติ โดยให้เป็นไปตามระเบียบ"]
)
def test_a_resolution_that_asks_nobody_gives_no_directive(decided):
    """What the meeting decided, told in a resolution line, is never a directive: a numbered decision, approving what
    is to be done with a second ให้, and ให้เป็นไป (how, not whom) stay the resolution."""
    said = _said(read(_agenda([TOLD[0][0].format(n=900)], "รับทราบ") .replace("มติที่ประชุม รับทราบ",
                                                                              f"มติที่ประชุม\n{decided}")), 1)  # fmt: skip
    assert said["asked"] == []
    assert said["decided"] == decided


def test_a_paragraph_that_reports_then_asks_gives_both():
    """``ประธานแจ้งว่า …`` then ``ขอให้ …`` in one paragraph: the instruction is a directive, the rest was reported;
    who asks (ประธานกำชับให้…) stays with the instruction."""
    said = _said(
        read(_agenda(["ประธานแจ้งว่า จังหวัดจะจัดตลาดนัด 40 บูท ขอให้ทุกตำบลส่งสินค้า 3 รายการ", "ประธานกำชับให้ตรงต่อเวลา"],
                     "รับทราบ")), 1)  # fmt: skip
    assert said["asked"] == ["ขอให้ทุกตำบลส่งสินค้า 3 รายการ", "ประธานกำชับให้ตรงต่อเวลา"]
    assert said["told"] == ["ประธานแจ้งว่า จังหวัดจะจัดตลาดนัด 40 บูท"]
    assert said["figures"] == [(3.0, "รายการ", "asked"), (40.0, "บูท", "reported")]


def test_a_numbered_list_of_instructions_goes_on_but_dashes_and_reports_do_not():
    """``1.1 ให้…`` then ``1.2 เตรียม…``: one list of instructions; a dash says for itself, and a point that
    reports (แล้ว, ผลการ…) is told even inside the list."""
    numbered = _said(read(_agenda(["1.1 ให้ทุกตำบลสำรวจร้านค้า", "1.2 เตรียมบูทจำหน่ายสินค้า 6 บูท",
                                   "1.3 ตำบลสำรวจแล้ว 31 ร้าน"], "รับทราบ")), 1)  # fmt: skip
    assert numbered["asked"] == ["ให้ทุกตำบลสำรวจร้านค้า", "เตรียมบูทจำหน่ายสินค้า 6 บูท"]
    assert numbered["told"] == ["ตำบลสำรวจแล้ว 31 ร้าน"]
    dashed = _said(read(_agenda(["- ให้ทุกตำบลสำรวจร้านค้า", "- อำเภอได้รับรางวัลระดับเขต"], "รับทราบ")), 1)
    assert (dashed["asked"], dashed["told"]) == (["ให้ทุกตำบลสำรวจร้านค้า"], ["อำเภอได้รับรางวัลระดับเขต"])


@settings(max_examples=40, deadline=None)
@given(
    said=st.lists(
        st.tuples(st.sampled_from(["told", "asked"]), st.integers(0, 3), st.integers(2, 99_999)),
        min_size=1,
        max_size=6,
    ),
    decided=st.sampled_from(DECIDED),
    dash=st.booleans(),
)
def test_any_mix_of_reports_and_instructions_reads_back(said, decided, dash):
    """Reports and instructions in any order, as paragraphs or dashes: each instruction a directive, each
    report a passage of its item, every figure where it was said and as what it was said (a line under a
    dash goes on with it: dashes are drawn for all lines or none)."""
    lines, want = [], {"asked": [], "told": [], "decided": decided, "figures": []}
    for kind, which, n in said:
        template, unit = (TOLD if kind == "told" else ASKED)[which]
        line = template.format(n=n)
        lines.append(("- " if dash else "") + line)
        want[kind].append(line)
        want["figures"].append((float(n), unit, "reported" if kind == "told" else "asked"))
    if "12,000" in decided:
        want["figures"].append((12000.0, "บาท", "decided"))
    want["figures"].sort()
    assert _said(read(_agenda(lines, decided)), 1) == want


def test_an_item_that_asks_nothing_keeps_its_topic_and_figures_in_frames_and_brief():
    """An agenda item with no directive is still an item: in the frames (its figures counted) and in the
    brief's agenda (its topic, none asked, its reported figures as key figures)."""
    from cddbrief.brief import Brief
    from cddbrief.tidy import frames

    meeting = read(_agenda([TOLD[1][0].format(n=264)], "รับทราบ"))
    items = frames(meeting).items
    assert list(items["topic"]) == ["เรื่องเพื่อทราบ", "เรื่องอื่น ๆ"]
    assert (list(items["directives"]), list(items["quantities"])) == ([0, 0], [1, 0])
    agenda = Brief(meeting).agenda()
    assert [(r["topic"], r["directives"], r["key_figures"]) for r in agenda] == [
        ("เรื่องเพื่อทราบ", 0, "264 ครัวเรือน"),
        ("เรื่องอื่น ๆ", 0, ""),
    ]


# --- caps that never drop silently ---------------------------------------------------------------


def _many_agenda_items(count: int) -> str:
    lines = ["รายงานการประชุม สำนักงานพัฒนาชุมชนอำเภอลี้ ครั้งที่ 2/2566"]
    for n in range(1, count + 1):
        lines += [f"ระเบียบวาระที่ {n} เรื่องที่ {n}", f"ให้รายงานผล {n} กองทุน", "มติที่ประชุม รับทราบ"]
    return "\n".join(lines) + "\n"


def _many_points(count: int) -> str:
    return (
        "\n".join(
            ["สพอ.ลี้ ประชุมประจำเดือน ครั้งที่ 2/2566 มีข้อสั่งการ ดังนี้"]
            + [f"{n}. เรื่องที่ {n} ให้รายงาน {n} กองทุน" for n in range(1, count + 1)]
        )
        + "\n"
    )


@pytest.mark.parametrize("text, layout", [(_many_agenda_items(10_000), "minutes"), (_many_points(10_000), "prose")])
def test_ten_thousand_items_are_one_clear_error_not_ninety_nine(text, layout):
    with pytest.raises(UnreadableSource) as raised:
        parse_document(read_bytes(text.encode(), "long.txt"))
    assert str(raised.value).startswith(f"long.txt holds 10,000 items ({layout}), more than the {MAX_ITEMS:,}")
    assert raised.value.remedy


@pytest.mark.parametrize(
    "text, last", [(_many_agenda_items(150), "ให้รายงานผล 150 กองทุน"), (_many_points(150), "ให้รายงาน 150 กองทุน")]
)
def test_items_past_ninety_nine_are_items_of_their_own(text, last):
    meeting = parse_document(read_bytes(text.encode(), "x.txt"))
    assert [i.no for i in meeting.items] == list(range(1, 151))
    assert (meeting.items[-1].topic, [d.text for d in meeting.items[-1].directives]) == ("เรื่องที่ 150", [last])
    assert [(q.item, q.value) for _, d in meeting.directives() for q in d.quantities][-1] == (150, 150)


def test_the_largest_write_up_allowed_is_read_whole():
    meeting = parse_document(read_bytes(_many_agenda_items(MAX_ITEMS).encode(), "x.txt"))
    assert len(meeting.items) == MAX_ITEMS and meeting.items[-1].label == str(MAX_ITEMS)


def test_the_command_line_says_so_in_one_line(tmp_path):
    source = tmp_path / "long.txt"
    source.write_text(_many_agenda_items(10_000), encoding="utf-8")
    result = run_cli("parse", source)
    assert result.returncode == 2 and result.stdout == ""
    assert (
        len(result.stderr.strip().splitlines()) == 1
        and "10,000 items" in result.stderr
        and "Traceback" not in result.stderr
    )


def test_the_error_is_a_cddbrief_error():
    assert issubclass(UnreadableSource, CddbriefError)


def test_sub_topics_past_ninety_nine_are_items_of_their_own():
    """2.100 follows 2.99: a sub-topic, though three digits after a dot are a figure's elsewhere (12.500 บาท,
    here the text of the dash above goes on)."""
    lines = ["รายงานการประชุม ครั้งที่ 2/2566", "ระเบียบวาระที่ 1 เรื่องแจ้งเพื่อทราบ", "- ไม่มี -", "ระเบียบวาระที่ 2 เรื่องเพื่อทราบ"]
    for n in range(1, 121):
        lines += [f"2.{n} กลุ่มอาชีพที่ {n}", f"- ได้รับเงินทุน {n},000 บาท"]
    meeting = read("\n".join(lines) + "\n12.500 บาท ยอดยกไป\n")
    assert [i.label for i in meeting.items] == ["1"] + [f"2.{n}" for n in range(1, 121)]
    last = reading_of(meeting)["items"][-1]
    assert (last[2], last[6], last[7]) == ("กลุ่มอาชีพที่ 120", [], ["ได้รับเงินทุน 120,000 บาท 12.500 บาท ยอดยกไป"])


def test_labels_and_agenda_headings_come_back_from_the_json():
    meeting = read(PROVINCE)
    back = type(meeting).from_dict(meeting.to_dict())
    assert back == meeting and [(i.label, i.agenda) for i in back.items][2] == ("3.1", "ระเบียบวาระที่ 3 เรื่องเพื่อทราบ")


# --- at random ------------------------------------------------------------------------------------

TOPICS = ["กองทุนหมู่บ้าน", "ผ้าไทยใส่ให้สนุก", "ตลาดนัดชุมชน", "ข้อมูล จปฐ.", "โครงการโคก หนอง นา", "วิสาหกิจชุมชน", "ศูนย์เรียนรู้ชุมชน"]
AGENDA_TITLES = [
    "เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ",
    "เรื่องรับรองรายงานการประชุม",
    "เรื่องสืบเนื่อง",
    "เรื่องเพื่อทราบ",
    "เรื่องเพื่อพิจารณา",
    "เรื่องอื่น ๆ",
]
AGENDA = st.tuples(
    st.sampled_from(["nothing", "points", "topics"]),
    st.lists(
        st.tuples(st.sampled_from(TOPICS), st.lists(st.booleans(), min_size=1, max_size=3), st.booleans()),
        min_size=1,
        max_size=3,
    ),  # (topic, whether each of its dashes asks, own resolution)
    st.booleans(),  # a resolution closing the agenda item
    st.sampled_from(["ระเบียบวาระที่ {n} {title}", "วาระที่ {n} : {title}", "{n}. {title}"]),
)


@settings(max_examples=60, deadline=None)
@given(agendas=st.lists(AGENDA, min_size=2, max_size=6), number=st.integers(1, 12))
def test_generated_minutes_give_back_their_items_figures_and_resolutions(agendas, number):
    heading_form = agendas[0][3]
    lines = [
        f"รายงานการประชุมประจำเดือน ครั้งที่ {number}/2566",
        "ผู้มาประชุม",
        "1. นายสมชาย ใจดี  พัฒนาการอำเภอ  ประธาน",
        "เริ่มประชุมเวลา 09.30 น.",
    ]
    want, figures, count = [], [], 0
    for n, (kind, topics, closing, _) in enumerate(agendas, start=1):
        title = AGENDA_TITLES[(n - 1) % len(AGENDA_TITLES)]
        lines.append(heading_form.format(n=n, title=title))
        if kind == "nothing":
            lines.append("- ไม่มี -")
            want.append((str(n), title, None, 0, ""))
            continue
        if kind == "points":
            for asks in topics[0][1]:
                count += 1
                lines.append(f"- ให้รายงานผล {count} กองทุน" if asks else f"- รายงานผลแล้ว {count} กองทุน")
                figures.append((len(want) + 1, count))
            if closing:
                lines.append("มติที่ประชุม รับทราบ")
            want.append((str(n), title, None, sum(topics[0][1]), "รับทราบ" if closing else ""))
            continue
        for m, (topic, dashes, own) in enumerate(topics, start=1):
            lines.append(f"{n}.{m} {topic}")
            for asks in dashes:
                count += 1
                lines.append(f"- ให้จัดตลาด {count} บูท" if asks else f"- จัดตลาดแล้ว {count} บูท")
                figures.append((len(want) + 1, count))
            last = m == len(topics)
            said = own or (last and closing)
            if said:
                lines.append("มติที่ประชุม เห็นชอบ")
            agenda = heading_form.format(n=n, title=title)
            want.append((f"{n}.{m}", topic, agenda, sum(dashes), "เห็นชอบ" if said else ""))
    lines.append("เลิกประชุมเวลา 12.00 น.")
    meeting = read("\n".join(lines) + "\n")
    assert meeting.source.layout == "minutes" and meeting.id == f"2566-{number:02d}"
    assert [(i.label, i.topic, i.agenda, len(i.directives), i.resolution) for i in meeting.items] == want
    assert [i.no for i in meeting.items] == list(range(1, len(want) + 1))
    assert sorted((q.item, q.value) for holder in held(meeting) for q in holder.quantities) == sorted(figures)


# --- in a list of asks, a point that opens on who told or got something is told ------------------------

_LEAD_ASK = "1. ให้ทุกตำบลสำรวจกลุ่มอาชีพ 12 กลุ่ม"
# points that open on who (an office the glossary knows, a person, ประธาน) and what they told, got or have
TOLD_BY = [
    ("กรมฯ แจ้งผลการคัดเลือกหมู่บ้านต้นแบบ ได้ {n:,} หมู่บ้าน", "หมู่บ้าน"),
    ("จังหวัดได้รับงบประมาณสนับสนุน {n:,} บาท", "บาท"),
    ("นายสมศักดิ์ ใจกว้าง รายงานยอดเงินออม {n:,} บาท", "บาท"),
    ("อำเภอมีกลุ่มออมทรัพย์ที่จดทะเบียน {n:,} กลุ่ม", "กลุ่ม"),
    ("ประธานแจ้งผลการประเมินสำนักงาน {n:,} คะแนน", "คะแนน"),
]
# points that open on what is to be done (รายงาน as a thing sent, not said) or relay an ask (แจ้งให้…)
VERB_FIRST = [
    ("จัดเวทีประชาคม {n:,} หมู่บ้าน", "หมู่บ้าน"),
    ("ส่งรายงานการใช้จ่าย {n:,} ฉบับ ภายในวันที่ 9 กันยายน 2567", "ฉบับ"),
    ("กรมฯ แจ้งให้ทุกอำเภอส่งแผน {n:,} ฉบับ", "ฉบับ"),
    ("เตรียมบูทแสดงสินค้า {n:,} บูท", "บูท"),
]


@pytest.mark.parametrize("template, unit", TOLD_BY)
def test_a_numbered_point_told_by_someone_is_no_ask_though_the_point_above_asks(template, unit):
    said = _said(read(_agenda([_LEAD_ASK, "2. " + template.format(n=31)], "รับทราบ")), 1)
    assert said["asked"] == ["ให้ทุกตำบลสำรวจกลุ่มอาชีพ 12 กลุ่ม"]
    assert said["told"] == [template.format(n=31)]
    assert (31.0, unit, "reported") in said["figures"]


@pytest.mark.parametrize("template, unit", VERB_FIRST)
def test_a_numbered_point_that_opens_on_what_to_do_goes_on_the_list_of_asks(template, unit):
    said = _said(read(_agenda([_LEAD_ASK, "2. " + template.format(n=31)], "รับทราบ")), 1)
    assert said["asked"] == ["ให้ทุกตำบลสำรวจกลุ่มอาชีพ 12 กลุ่ม", template.format(n=31)]
    assert said["told"] == []
    # ... and the same point with no ask above it is told, as before: only a list of asks goes on
    alone = _said(read(_agenda(["1. " + template.format(n=31)], "รับทราบ")), 1)
    assert alone["asked"] == [] and alone["told"] == [template.format(n=31)]


@settings(max_examples=40, deadline=None)
@given(points=st.lists(st.tuples(st.booleans(), st.integers(0, 3), st.integers(2, 99_999)), min_size=1, max_size=6))
def test_under_an_ask_each_numbered_point_is_asked_or_told_by_who_opens_it(points):
    """After ``1. ให้…``, any run of numbered points: a point that opens on what to do goes on the list of asks
    as long as no told point breaks it; a point told by someone is told, and the points after it ask only
    if they say ให้… themselves."""
    lines, want, asking = [_LEAD_ASK], {"asked": ["ให้ทุกตำบลสำรวจกลุ่มอาชีพ 12 กลุ่ม"], "told": []}, True
    for n, (told, which, value) in enumerate(points, start=2):
        text = (TOLD_BY if told else VERB_FIRST)[which][0].format(n=value)
        lines.append(f"{n}. {text}")
        asking = asking and not told
        want["asked" if asking else "told"].append(text)
    said = _said(read(_agenda(lines, "รับทราบ")), 1)
    assert (said["asked"], said["told"]) == (want["asked"], want["told"])


FOLLOW_UP = """รายงานการประชุมพัฒนากร สำนักงานพัฒนาชุมชนอำเภอท่าวังผา
ครั้งที่ 4/2567
วันพุธที่ 24 เมษายน 2567 เวลา 09.30 น.
ณ ห้องประชุมสำนักงานพัฒนาชุมชนอำเภอท่าวังผา
ระเบียบวาระที่ 1 เรื่องสืบเนื่อง
{report}
มติที่ประชุม รับทราบ
ระเบียบวาระที่ 2 เรื่องเพื่อพิจารณา
มติที่ประชุม เห็นชอบ ให้พัฒนากรจัดทำแผนให้แล้วเสร็จภายในวันที่ 10 พฤษภาคม 2567
"""


@pytest.mark.parametrize(
    "report",
    [
        "การสำรวจข้อมูลกลุ่มอาชีพที่ประธานสั่งการไว้ในการประชุมครั้งก่อน ดำเนินการแล้วเสร็จครบ 9 ตำบล",
        "ตามที่ประธานได้มอบหมายให้ทุกตำบลจัดเวทีประชาคม ขณะนี้ได้ดำเนินการแล้ว 7 ตำบล",
        "งานที่ที่ประชุมมอบหมายไว้ ปัจจุบันจัดเก็บได้ 120,000 บาท",
    ],
)
def test_an_old_order_reported_done_is_what_was_reported_not_a_directive(report):
    meeting = read(FOLLOW_UP.format(report=report))
    assert [d.text for i in meeting.items for d in i.directives] == ["ให้พัฒนากรจัดทำแผนให้แล้วเสร็จภายในวันที่ 10 พฤษภาคม 2567"]
    assert any(p.kind == "reported" and p.item == 1 and report[-8:] in p.text for p in meeting.passages)


def test_an_order_given_before_and_asked_again_is_still_a_directive():
    """ไว้ after the order, but nothing reported done: the order stands (ให้แล้วเสร็จ still asks)."""
    meeting = read(FOLLOW_UP.format(report="ประธานกำชับไว้ ให้ทุกตำบลส่งแผนให้แล้วเสร็จภายในวันที่ 3 พฤษภาคม 2567"))
    asked = [d.text for d in meeting.items[0].directives]
    assert asked and all("ให้ทุกตำบลส่งแผน" in d or "กำชับ" in d for d in asked)


_AGENDA_HEAD = (
    "ระเบียบวาระการประชุมประจำเดือน สำนักงานพัฒนาชุมชนอำเภอบ้านแพง ครั้งที่ 3/2568\n"
    "วันจันทร์ที่ 10 มีนาคม 2568 เวลา 13.30 น. ณ ห้องประชุมอำเภอบ้านแพง\n"
)


def _blank_agenda(blank: str, body: str = "") -> str:
    return (
        _AGENDA_HEAD
        + f"ระเบียบวาระที่ 1 เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ\nมติที่ประชุม {blank}\n"
        + f"ระเบียบวาระที่ 2 เรื่องเพื่อทราบ\n2.1 ผลการเบิกจ่ายงบประมาณ วงเงิน 1,250,000 บาท\n{body}มติที่ประชุม {blank}\n"
        + "ระเบียบวาระที่ 3 เรื่องอื่น ๆ (ถ้ามี)\n"
    )


@pytest.mark.parametrize("blank", ["………………………", "........................", "____________", "… … … …"])
def test_an_agenda_sent_before_its_meeting_is_refused_in_one_line(blank):
    with pytest.raises(CddbriefError, match="agenda sent before the meeting") as refused:
        parse_document(read_bytes(_blank_agenda(blank).encode(), "x.txt"))
    assert "\n" not in str(refused.value)


def test_an_agenda_sheet_is_refused_by_the_command_line_with_exit_2(tmp_path):
    path = tmp_path / "agenda.txt"
    path.write_text(_blank_agenda("………………"), encoding="utf-8")
    result = run_cli("parse", path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1 and "agenda sent before the meeting" in result.stderr


@pytest.mark.parametrize(
    "text",
    [
        _blank_agenda("รับทราบ"),  # the resolutions written: minutes
        _blank_agenda("……………").replace("มติที่ประชุม ……………\nระเบียบวาระที่ 2", "มติที่ประชุม รับทราบ\nระเบียบวาระที่ 2"),
        _blank_agenda("", "ให้ทุกตำบลรายงานผลภายในวันที่ 20 มีนาคม 2568\n"),  # a มติ on its own line, an order under it
        _blank_agenda("……………", "ประธานให้ทุกตำบลรายงานผลภายในวันที่ 20 มีนาคม 2568\n"),  # blanks, but someone asked
    ],
    ids=["written", "one-written", "own-line", "asked"],
)
def test_minutes_with_a_resolution_written_or_an_order_given_are_read(text):
    meeting = parse_document(read_bytes(text.encode(), "x.txt"))
    assert meeting.source.layout == "minutes" and len(meeting.items) >= 2


def test_an_agenda_of_two_items_sent_before_its_meeting_is_refused_too():
    two = _blank_agenda("……………………").replace("ระเบียบวาระที่ 3 เรื่องอื่น ๆ (ถ้ามี)\n", "")
    with pytest.raises(CddbriefError, match="agenda sent before the meeting"):
        parse_document(read_bytes(two.encode(), "x.txt"))


_RESOLVED_ASKS = """รายงานการประชุมคณะกรรมการกลุ่มออมทรัพย์ระดับอำเภอ
ครั้งที่ 2/2568
วันพุธที่ 12 มีนาคม 2568
ณ ห้องประชุมสำนักงานพัฒนาชุมชนอำเภอหนองบัว
ระเบียบวาระที่ 1 เรื่องที่ประธานแจ้งที่ประชุมทราบ
มติที่ประชุม รับทราบ
ระเบียบวาระที่ 2 เรื่องเพื่อพิจารณา
2.1 การส่งรายงานงบดุล
มติที่ประชุม เห็นชอบให้กลุ่มที่ยังไม่ส่งงบดุลส่งให้อำเภอภายในวันที่ 31 มีนาคม 2568
2.2 การจัดงานมหกรรม
มติที่ประชุม เห็นชอบจัดงาน 1 ครั้ง ในเดือนพฤษภาคม 2568 และมอบเลขานุการจัดทำกำหนดการภายในวันที่ 20 มีนาคม 2568
2.3 การจัดอบรม
มติที่ประชุม เห็นชอบให้จัดอบรมในเดือนมิถุนายน 2568
"""


def test_a_resolution_that_asks_by_a_day_carries_a_directive():
    m = read(_RESOLVED_ASKS)
    asked = {i.topic: [d.text for d in i.directives] for i in m.items}
    assert asked["การส่งรายงานงบดุล"] == ["ให้กลุ่มที่ยังไม่ส่งงบดุลส่งให้อำเภอภายในวันที่ 31 มีนาคม 2568"]
    assert len(asked["การจัดงานมหกรรม"]) == 1 and "เลขานุการ" in asked["การจัดงานมหกรรม"][0]
    assert asked["การจัดอบรม"] == []  # approving an event with no day to do it by decides, it asks no one
    resolution = next(i.resolution for i in m.items if i.topic == "การส่งรายงานงบดุล")
    assert resolution.startswith("เห็นชอบ")
