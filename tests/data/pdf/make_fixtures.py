"""Make the LibreOffice PDF fixtures of tests/test_pdf.py (run by hand; CI only reads the PDFs).

    apt-get install libreoffice-writer-nogui   # and Sarabun installed for fontconfig
    PYTHONPATH=lib .venv/bin/python tests/data/pdf/make_fixtures.py

The sample text dump (a Word table dumped to text: tab-led lines are cells, a
blank line ends a row) becomes a .docx with a bordered four-column table, as an
office writes it; LibreOffice exports it to PDF the way offices do. The expected
cells go beside each PDF as JSON, so the test compares the PDF with its source.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLE = HERE.parent / "000_624796c269e36bce.txt"
FOOTER = "ผู้สรุป นางสาวตัวอย่าง นักวิชาการพัฒนาชุมชน"


def parse_sample(text: str) -> tuple[list[str], list[list[str]]]:
    """(header lines, four-cell table rows) of the Word table dumped to text.

    A tab-led line starts a cell; other lines continue the cell before. A line
    led by a space and a tab ends a row whose remark cell was a space; a blank
    line before a tab-led line ends a row. A row of three cells has no number.
    """
    header: list[str] = []
    rows: list[list[str]] = []
    row: list[str] = []
    blank = False

    def end_row():
        nonlocal row
        if row:
            rows.append(([""] if len(row) == 3 else []) + row)
        row = []

    for line in text.replace("\r\n", "\n").split("\n"):
        if line.startswith(" \t"):
            if len(row) == 3:
                row.append("")
            end_row()
            row.append(line[2:])
        elif line.startswith("\t"):
            if blank and len(row) >= 3:
                end_row()
            row.append(line[1:])
        elif not line.strip():
            blank = True
            continue
        elif row:
            row[-1] += "\n" + line
        elif not rows:
            header.append(line.strip())
        blank = False
    end_row()
    return header, rows


def clean(cell: str) -> str:
    """A cell as the test expects it back: lines stripped, runs of spaces as one, empty lines gone."""
    return "\n".join(" ".join(line.split()) for line in cell.split("\n") if line.strip())


def make_docx(header: list[str], rows: list[list[str]], font: str) -> bytes:
    import io

    import docx
    from docx.shared import Cm, Pt

    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = font
    style.font.size = Pt(14)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(docx.oxml.ns.qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):  # Thai is a complex script: its font comes from w:cs
        fonts.set(docx.oxml.ns.qn(attr), font)
    size = docx.oxml.OxmlElement("w:szCs")
    size.set(docx.oxml.ns.qn("w:val"), "28")  # half-points: 14 pt for Thai too
    rpr.append(size)
    for line in header:
        document.add_paragraph(line)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = document.styles["Table Grid"]
    table.autofit = False
    widths = [Cm(1.2), Cm(3.2), Cm(9.5), Cm(2.6)]
    for column, width in zip(table.columns, widths):
        column.width = width  # LibreOffice reads the grid's widths
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            lines = text.split("\n")
            cell = table.cell(r, c)
            cell.width = widths[c]
            cell.text = lines[0]
            for more in lines[1:]:
                cell.add_paragraph(more)
    document.add_paragraph(FOOTER)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def main() -> None:
    header, rows = parse_sample(SAMPLE.read_text(encoding="utf-8"))
    header = [h for h in header if h != "5"]  # the dump's first line is a stray count
    expected = {
        "header": [clean(h) for h in header],
        "rows": [[clean(c) for c in row] for row in rows],
        "footer": FOOTER,
    }
    (HERE / "lo-sample.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for font, name in (("Sarabun", "lo-sarabun"), ("Garuda", "lo-garuda")):
        with tempfile.TemporaryDirectory() as tmp:
            source = Path(tmp) / f"{name}.docx"
            source.write_bytes(make_docx(header, rows, font))
            subprocess.run(
                ["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, str(source)],
                check=True,
                capture_output=True,
            )
            (HERE / f"{name}.pdf").write_bytes((Path(tmp) / f"{name}.pdf").read_bytes())
        print(name, (HERE / f"{name}.pdf").stat().st_size, "bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
