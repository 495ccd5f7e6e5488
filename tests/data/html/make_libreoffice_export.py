"""Remake libreoffice-2562-04.html: a .docx made with python-docx, exported to HTML by LibreOffice.

Not run by the tests (they read the committed file; CI has no LibreOffice). To remake it:

    apt-get install libreoffice-writer-nogui
    .venv/bin/python tests/data/html/make_libreoffice_export.py
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import docx

HERE = Path(__file__).parent
ROWS = [
    ["ที่", "ประเด็น", "ข้อสั่งการ", "หมายเหตุ"],
    [
        "1",
        "โครงการพัฒนาผลิตภัณฑ์ OTOP",
        "1. ให้จังหวัดรายงานผลการจำหน่ายสินค้า OTOP ยอดรวม 15,804,000 บาท\n2. ให้อำเภอติดตามกลุ่มผู้ผลิต 5 กลุ่ม",
        "ภายใน 22 - 23 เม.ย. 62",
    ],
    ["2", "การจัดเก็บข้อมูล จปฐ. ปี 2562", "ให้จังหวัดเร่งบันทึกข้อมูล จปฐ. ให้แล้วเสร็จ ขณะนี้บันทึกแล้ว 97.59%", ""],
    ["3", "กองทุนหมู่บ้าน", "ให้อำเภอรายงานผลภายในวันที่ 30 เม.ย. 62", "-"],
]


def make_docx(path: Path) -> None:
    document = docx.Document()
    document.core_properties.title = "สรุปข้อสั่งการ ครั้งที่ 4/2562"
    document.add_paragraph("สรุปข้อสั่งการการประชุมกรมการพัฒนาชุมชน ครั้งที่ 4/2562")
    document.add_paragraph("วันพุธที่ 24 เมษายน 2562 เวลา 09.30 น. ผ่านระบบ Video Conference")
    document.add_paragraph("สำนักงานพัฒนาชุมชนอำเภอแม่ทะ จังหวัดลำปาง")
    table = document.add_table(rows=len(ROWS), cols=4)
    table.style = "Table Grid"
    for r, row in enumerate(ROWS):
        for c, text in enumerate(row):
            lines = text.split("\n")
            cell = table.cell(r, c)
            cell.text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)
    document.add_paragraph("ข้อสังเกตเพิ่มเติม")
    document.add_paragraph("ให้พัฒนากรติดตามผลทุกสัปดาห์", style="List Number")
    document.add_paragraph("ให้รายงานผลภายในวันที่ 30 เม.ย. 62", style="List Number")
    document.add_paragraph("ผู้สรุป นางสาวสมหญิง ใจดี นักวิชาการพัฒนาชุมชนชำนาญการ")
    document.save(path)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "libreoffice-2562-04.docx"
        make_docx(source)
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{tmp}/profile",
                "--headless",
                "--convert-to",
                "html",
                "--outdir",
                tmp,
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        shutil.copy(Path(tmp) / "libreoffice-2562-04.html", HERE / "libreoffice-2562-04.html")


if __name__ == "__main__":
    main()
