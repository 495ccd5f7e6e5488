"""Remake tests/data/sample-export/: the sample summary as an office suite exports it.

The sample (tests/data/000_624796c269e36bce.txt) is a Word table dumped to
text. This script writes it back as the Word document it came from
(python-docx: the title lines as paragraphs, then the table with the same
cells) and lets LibreOffice export that document as PDF and as HTML, so the
.pdf and .html readers are checked on files a real office suite made.

Run from the repository root (needs LibreOffice's ``soffice``; the tests do not):

    PYTHONPATH=lib python tools/make_sample_exports.py

LibreOffice runs with a profile of its own in a temporary folder, so it does
not meet another soffice running on the machine.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tests" / "data" / "000_624796c269e36bce.txt"
OUT = ROOT / "tests" / "data" / "sample-export"
FONT = "Sarabun"  # the Thai font installed with the project's fonts; Word offices use TH Sarabun New, its sibling


def sample_cells() -> tuple[list[str], list[list[str]]]:
    """The sample's title lines (without the stray page number) and its table, header row first."""
    from cddbrief.layout import is_item_number, layout_text
    from cddbrief.sources import read_source

    raw = read_source(SAMPLE)
    layout = layout_text(raw.text)
    titles = [line.strip() for line in layout.header if line.strip() and not re.fullmatch(r"\s*\d+\s*", line)]
    header = {"no": "ที่", "topic": "ประเด็น", "directives": "ข้อสั่งการ", "remarks": "หมายเหตุ"}
    rows = [[header[c] for c in layout.columns]]
    for row in layout.rows:
        cells = [cell.strip("\n") for cell in row]
        if len(cells) < len(layout.columns) and not is_item_number(cells[0]):
            cells.insert(0, "")  # the number cell was empty in Word, so the dump has no line for it
        rows.append(cells + [""] * (len(layout.columns) - len(cells)))
    return titles, rows


def make_docx(target: Path) -> None:
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    titles, rows = sample_cells()
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    rpr = normal.element.get_or_add_rPr()
    rpr.get_or_add_rFonts().set(qn("w:cs"), FONT)  # Thai is a complex script
    lang = rpr.makeelement(qn("w:lang"), {qn("w:val"): "en-US", qn("w:bidi"): "th-TH"})
    rpr.append(lang)
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for margin in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, margin, Cm(1.5))
    for text in titles:
        paragraph = document.add_paragraph()
        paragraph.add_run(text).bold = True
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    table = document.add_table(rows=0, cols=len(rows[0]))
    table.style = document.styles["Table Grid"]
    for r, cells in enumerate(rows):
        row = table.add_row().cells
        for cell, text in zip(row, cells):
            lines = text.split("\n")
            cell.text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)
            if r == 0:
                for run in cell.paragraphs[0].runs:
                    run.bold = True
    widths = [Cm(1.2), Cm(4.0), Cm(18.5), Cm(3.0)]
    table.autofit = False
    for column, width in zip(table.columns, widths):
        column.width = width  # the grid, which LibreOffice follows
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = width
    document.save(target)


def convert(source: Path, fmt: str, outdir: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("LibreOffice (soffice) is needed: apt-get install libreoffice-writer-nogui")
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                fmt,
                "--outdir",
                str(outdir),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
    return outdir / f"{source.stem}.{fmt.split(':')[0]}"


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    docx_path = OUT / "sample.docx"
    make_docx(docx_path)
    for fmt in ("pdf", "html"):
        made = convert(docx_path, fmt, OUT)
        print(f"{made.relative_to(ROOT)}: {made.stat().st_size:,} bytes")
    print(f"{docx_path.relative_to(ROOT)}: {docx_path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
