"""Make the borderless-table fixtures of tests/test_pdf_borderless.py (run by hand; the tests only read them).

    apt-get install libreoffice-writer-nogui fonts-thai-tlwg
    PYTHONPATH=lib .venv/bin/python tests/data/pdf/make_borderless.py [NAME ...]

Each fixture is a meeting summary written as offices write it: a few head
lines, then a Word table ที่ | ประเด็น | ข้อสั่งการ | หมายเหตุ with no ruling lines
(python-docx's default table style has no borders, as Word's and LibreOffice's
plain tables have none), then the name of who summarised it. The text is made
up here from a fixed seed (invented topics, figures and dates in the way these
write-ups put them); rows, fonts, column widths and page breaks vary, so cells
wrap inside words and rows go on over pages. LibreOffice exports each .docx to
PDF; both are kept, and the test reads the two and compares them item for item.
"""

from __future__ import annotations

import io
import random
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

TOPICS = [
    "กองทุนหมู่บ้านและชุมชนเมือง",
    "โครงการพัฒนาหมู่บ้านเศรษฐกิจพอเพียง",
    "ผ้าไทยใส่ให้สนุก",
    "การจัดเก็บข้อมูลความจำเป็นพื้นฐาน",
    "ครัวเรือนยากจนตกเกณฑ์",
    "ตลาดนัดชุมชนประจำสัปดาห์",
    "กลุ่มออมทรัพย์เพื่อการผลิต",
    "การขับเคลื่อนเศรษฐกิจฐานราก",
    "ศูนย์เรียนรู้ชุมชน",
    "การพัฒนาผลิตภัณฑ์ชุมชนท่องเที่ยว",
    "งบประมาณรายจ่ายประจำปี",
    "การประกวดหมู่บ้านสะอาด",
]
ACTIONS = [
    "ให้อำเภอรายงานผลการดำเนินงาน {n} ครัวเรือน ภายในวันที่ {d}",
    "ให้จังหวัดตรวจสอบข้อมูลครัวเรือนเป้าหมายทั้งสิ้น {n} ครัวเรือน และส่งผลภายใน {d}",
    "ขอให้เจ้าหน้าที่ประสานกลุ่มอาชีพ {n} กลุ่ม เพื่อคัดเลือกผลิตภัณฑ์เข้าร่วมงานแสดงสินค้า",
    "มอบหมายพัฒนากรผู้รับผิดชอบตำบลติดตามการเบิกจ่ายงบประมาณ {n} บาท ให้แล้วเสร็จภายใน {d}",
    "ให้ดำเนินการจัดประชุมคณะกรรมการหมู่บ้านทุกหมู่บ้าน ในวันที่ {d}",
    "ให้สรุปผลการฝึกอบรมอาชีพ จำนวน {n} คน ส่งจังหวัดทางไปรษณีย์อิเล็กทรอนิกส์",
    "ขอความร่วมมือส่วนราชการแต่งกายด้วยผ้าไทยทุกวันอังคาร",
    "ให้ตรวจสอบความถูกต้องของบัญชีกองทุนทั้งสิ้น {n} กองทุน ก่อนวันที่ {d}",
]
REMARKS = ["", "", "กำชับ", "ด่วนที่สุด", "ภายใน {d}", "พัฒนากรทุกคน", "ฝ่ายบริหารงานทั่วไป"]
MONTHS = [
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
]
SHORT = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]

# (name, rows, font, size in points, column widths in cm, header words, seed); a header of three words has no
# number column; "-repeat" repeats the header row at the top of each page (Word's "repeat as header row");
# "-centred" centres the number and remarks cells in their rows (Word's "align centre" for those columns)
FIXTURES = [
    ("bl-five", 5, "Laksaman", 16, (1.2, 4.0, 8.8, 2.8), ("ที่", "ประเด็น", "ข้อสั่งการ", "หมายเหตุ"), 1),
    ("bl-narrow", 7, "Garuda", 14, (1.0, 2.6, 6.0, 2.4), ("ที่", "ประเด็น", "ข้อสั่งการ", "หมายเหตุ"), 2),
    ("bl-pages", 14, "Loma", 14, (1.2, 3.5, 9.5, 2.6), ("ลำดับ", "เรื่อง", "ข้อสั่งการ", "หมายเหตุ"), 3),
    ("bl-long-rows", 6, "Laksaman", 16, (1.2, 3.2, 9.8, 2.6), ("ที่", "ประเด็น", "ข้อสั่งการ/การดำเนินการ", "หมายเหตุ"), 4),
    ("bl-repeat", 12, "Garuda", 14, (1.2, 3.6, 9.2, 2.8), ("ที่", "ประเด็น", "ข้อสั่งการ", "หมายเหตุ"), 5),
    ("bl-no-number", 6, "Laksaman", 16, (4.2, 9.6, 3.0), ("ประเด็น", "ข้อสั่งการ", "หมายเหตุ"), 6),
    ("bl-centred", 9, "Laksaman", 16, (1.2, 4.0, 8.8, 2.8), ("ที่", "ประเด็น", "ข้อสั่งการ", "หมายเหตุ"), 7),
]


def _date(rng: random.Random, year: int) -> str:
    month = rng.randrange(12)
    day = rng.randint(1, 28)
    if rng.random() < 0.5:
        return f"{day} {MONTHS[month]} {year}"
    return f"{day} {SHORT[month]} {year % 100}"


def make_rows(count: int, seed: int, long_rows: bool = False) -> list[list[str]]:
    """``count`` item rows (number, topic, directives as numbered paragraphs, remarks) from a seed."""
    rng = random.Random(seed)
    rows = []
    for k in range(1, count + 1):
        topic = rng.choice(TOPICS)
        many = rng.randint(4, 7) if long_rows else rng.randint(1, 3)
        directives = []
        for n in range(1, many + 1):
            text = rng.choice(ACTIONS).format(n=f"{rng.randint(2, 30000):,}", d=_date(rng, 2565))
            directives.append(f"{n}. {text}" if many > 1 else text)
        remark = rng.choice(REMARKS).format(d=_date(rng, 2565))
        rows.append([str(k), topic, "\n".join(directives), remark])
    return rows


def make_docx(
    rows: list[list[str]],
    header: tuple[str, ...],
    font: str,
    size: int,
    widths: tuple[float, ...],
    repeat: bool = False,
    centred: bool = False,
) -> bytes:
    import docx
    from docx.shared import Cm, Pt

    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = font
    style.font.size = Pt(size)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(docx.oxml.ns.qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):  # Thai is a complex script: its font comes from w:cs
        fonts.set(docx.oxml.ns.qn(attr), font)
    size_cs = docx.oxml.OxmlElement("w:szCs")
    size_cs.set(docx.oxml.ns.qn("w:val"), str(size * 2))
    rpr.append(size_cs)
    for line in (
        "สรุปข้อสั่งการการประชุมกรมการพัฒนาชุมชน ครั้งที่ 3/2565",
        "ผ่านระบบ TV พช. วันที่ 14 มีนาคม 2565 เวลา 09.30 น.",
        "สำนักงานพัฒนาชุมชนอำเภอบ้านแพง จังหวัดนครพนม",
    ):
        document.add_paragraph(line)
    rows = [row[4 - len(header) :] for row in rows]  # three header words: no number column
    table = document.add_table(rows=len(rows) + 1, cols=len(header))  # no style: no ruling lines
    if repeat:  # the header row printed again at the top of each page
        marker = docx.oxml.OxmlElement("w:tblHeader")
        marker.set(docx.oxml.ns.qn("w:val"), "true")
        table.rows[0]._tr.get_or_add_trPr().append(marker)
    table.autofit = False
    for column, width in zip(table.columns, widths):
        column.width = Cm(width)
    for r, row in enumerate([list(header)] + rows):
        for c, text in enumerate(row):
            lines = text.split("\n")
            cell = table.cell(r, c)
            cell.width = Cm(widths[c])
            cell.text = lines[0]
            for more in lines[1:]:
                cell.add_paragraph(more)
    if centred:
        from docx.enum.table import WD_ALIGN_VERTICAL
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        for row in table.rows:
            for c in (0, len(header) - 1):
                row.cells[c].vertical_alignment = WD_ALIGN_VERTICAL.CENTER
            for paragraph in row.cells[0].paragraphs:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph("ผู้สรุป นางสาวสมใจ ใจดี นักวิชาการพัฒนาชุมชนปฏิบัติการ")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def main(names: list[str]) -> None:
    """Make the fixtures named (all when none is): a fixture made again differs in its dates, not its reading."""
    for name, count, font, size, widths, header, seed in FIXTURES:
        if names and name not in names:
            continue
        rows = make_rows(count, seed, long_rows=name == "bl-long-rows")
        data = make_docx(
            rows, header, font, size, widths, repeat=name.endswith("-repeat"), centred=name.endswith("-centred")
        )
        (HERE / f"{name}.docx").write_bytes(data)
        with tempfile.TemporaryDirectory() as tmp:
            source = Path(tmp) / f"{name}.docx"
            source.write_bytes(data)
            subprocess.run(
                ["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, str(source)],
                check=True,
                capture_output=True,
            )
            (HERE / f"{name}.pdf").write_bytes((Path(tmp) / f"{name}.pdf").read_bytes())
        print(
            name,
            (HERE / f"{name}.docx").stat().st_size,
            (HERE / f"{name}.pdf").stat().st_size,
            "bytes",
            file=sys.stderr,
        )


if __name__ == "__main__":
    main(sys.argv[1:])
