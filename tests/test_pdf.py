"""PDF reading: the Thai repairs on strings, and PDFs read back line for line and cell for cell.

PDFs are made at test time with WeasyPrint and Sarabun (which draws ำ as two
glyphs, the first without Unicode); tests/data/pdf holds LibreOffice exports of
the sample table (tests/data/pdf/make_fixtures.py made them) with their source
cells in lo-sample.json.
"""

from __future__ import annotations

import io
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rawpdf import pdf_file

from cddbrief.errors import CddbriefError
from cddbrief.meeting import parse_document
from cddbrief.sources import pdfthai, read_bytes
from cddbrief.sources.pdf import join_wrapped, ocr_available, read_pdf

PDFS = Path(__file__).parent / "data" / "pdf"
HEADER = ["ที่", "ประเด็น", "ข้อสั่งการ", "หมายเหตุ"]


# --- repairs on strings ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "broken, repaired, kind",
    [
        ("สํานักงาน", "สำนักงาน", "sara_am"),
        ("นํ้าท่วม", "น้ำท่วม", "sara_am"),
        ("น้ําท่วม", "น้ำท่วม", "sara_am"),
        ("ส ํ านักงาน", "สำนักงาน", "sara_am"),
        ("สำานักงาน", "สำนักงาน", "sara_am_doubled"),
        ("ครัง้ที่ 4", "ครั้งที่ 4", "mark_order"),
        ("คร้ังท่ี 4", "ครั้งที่ 4", "mark_order"),
        ("ทัง้สิน ้", "ทั้งสิ้น", "mark_space"),
        ("ข้อสั ่งการ", "ข้อสั่งการ", "mark_space"),
        ("สำนั กงาน", "สำนักงาน", "split_word"),
        ("ดำเนิ นการ", "ดำเนินการ", "split_word"),
        ("เป็ นไป", "เป็นไป", "split_word"),
        ("ใ ห้จังหวัด", "ให้จังหวัด", "split_word"),
    ],
)
def test_each_repair(broken, repaired, kind):
    text, counts = pdfthai.repair_line(broken)
    assert text == repaired
    assert counts.get(kind)


@pytest.mark.parametrize(
    "good",
    [
        "ครั้ง ที่ประชุม มี ค่า ให้ ดำเนินการ",  # spaces between phrases
        "ก็ ได้ ที่ ประชุม",  # ก็ is a word: a space may follow
        "งบประมาณ 15,804,000 บาท ร้อยละ 97.59%",
        "วันที่ 22 - 23 เม.ย. 62",
        "สำนักงานพัฒนาชุมชนอำเภอแม่ทะ น้ำท่วม ทั้งสิ้น 76 จังหวัด",
        "ในระบบ \u0e3aBPM ครั้งที่ 1",  # a stray mark before Latin text is thaitext's to drop
        "มีค่า ที่ดิน สิ่งของ",
    ],
)
def test_good_text_is_left_alone(good):
    assert pdfthai.repair_line(good) == (good, {})


# --- PDFs made here -------------------------------------------------------------------------------


def render(body: str, title: str = "", page_numbers: bool = False, extra_css: str = "") -> bytes:
    from weasyprint import HTML

    from cddbrief.fonts import font_path

    footer = '@bottom-center { content: "- " counter(page) " -"; font-family: Sarabun; }' if page_numbers else ""
    css = f"""@font-face {{ font-family: Sarabun; src: url('{font_path(400).as_uri()}'); }}
    @page {{ size: A4; margin: 2cm; {footer} }}
    body {{ font-family: Sarabun; font-size: 14pt; }}
    table {{ border-collapse: collapse; }} td {{ border: 1px solid black; padding: 3px; vertical-align: top; }}
    p {{ margin: 0 0 6pt 0; }} {extra_css}"""
    html = f"<html><head><title>{title}</title><style>{css}</style></head><body>{body}</body></html>"
    return HTML(string=html).write_pdf()


LINES = [
    "สรุปสาระสำคัญในการประชุมกรมการพัฒนาชุมชน ผ่านระบบ TV พช. ครั้งที่ 4/2562",
    "สำนักงานพัฒนาชุมชนอำเภอเสริมงาม จังหวัดลำปาง",
    "1. งบประมาณทั้งสิ้น 15,804,000 บาท เบิกจ่ายแล้วร้อยละ 97.59%",
    "2. ประชุมวันที่ 22 - 23 เม.ย. 62 ณ สำนักงานจังหวัด น้ำท่วม ค่ำ ต่ำ",
    "3. ให้จังหวัดกำชับอำเภอดำเนินการให้แล้วเสร็จภายใน 30 ก.ย. 62",
]
ROWS = [
    HEADER,
    ["1", "OTOP", "1. ให้จังหวัดรายงานผล 5 กลุ่ม\n2. ดำเนินการคัดสรรภายใน 30 เม.ย. 62", "กำชับ"],
    ["2", "กองทุนหมู่บ้าน", "ตรวจสอบข้อมูล จปฐ. ทั้งสิ้น 76 จังหวัด", ""],
]


def _table_html(rows) -> str:
    cells = "".join("<tr>" + "".join(f"<td>{c.replace(chr(10), '<br>')}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table>{cells}</table>"


def paragraphs(doc) -> list[str]:
    return [b.text for b in doc.blocks if b.kind == "paragraph"]


def test_weasyprint_lines_and_table_read_back():
    body = (
        "".join(f"<p>{line}</p>" for line in LINES[:3])
        + _table_html(ROWS)
        + "".join(f"<p>{line}</p>" for line in LINES[3:])
    )
    doc = read_bytes(render(body, title="สรุปการประชุม 4/2562"), "m.pdf")
    assert doc.source.format == "pdf"
    assert doc.title == "สรุปการประชุม 4/2562"
    assert [b.kind for b in doc.blocks] == ["paragraph"] * 3 + ["table"] + ["paragraph"] * 2
    assert paragraphs(doc) == LINES
    assert doc.tables()[0].rows == ROWS
    assert all(b.page == 1 for b in doc.blocks)
    notes = {n.kind: n for n in doc.notes}
    assert "SARA AM" in notes["repair"].message or any("SARA AM" in n.message for n in doc.notes)


def test_two_column_table_and_merged_cells():
    rows = [["ประเด็น", "ข้อสั่งการ"], ["OTOP", "ให้จังหวัดรายงานผล 5 กลุ่ม"], ["จปฐ.", "จัดเก็บข้อมูลแล้ว 97.59%"]]
    merged = (
        '<table><tr><td colspan="2">ข้อสั่งการรวม</td><td>หมายเหตุ</td></tr>'
        "<tr><td>1</td><td>OTOP</td><td>กำชับ</td></tr></table>"
    )
    doc = read_bytes(render(_table_html(rows) + "<p>คั่น</p>" + merged), "two.pdf")
    first, second = doc.tables()
    assert first.rows == rows
    assert second.rows == [["ข้อสั่งการรวม", "หมายเหตุ"], ["1", "OTOP", "กำชับ"]]
    assert paragraphs(doc) == ["คั่น"]


def test_page_numbers_and_repeated_headers_dropped():
    pages = "".join(f'<p style="page-break-after: always">{line}</p>' for line in LINES[:4])
    doc = read_bytes(render(pages, page_numbers=True), "numbered.pdf")
    assert paragraphs(doc) == LINES[:4]
    assert [b.page for b in doc.blocks] == [1, 2, 3, 4]
    assert any(n.kind == "skipped" and "page" in n.message for n in doc.notes)


def test_a_table_over_two_pages_is_two_tables():
    rows = [HEADER] + [[str(k), f"ประเด็นที่ {k}", f"ให้จังหวัดรายงานผล {k * 3} กลุ่ม", ""] for k in range(1, 41)]
    doc = read_bytes(render(_table_html(rows)), "long.pdf")
    tables = doc.tables()
    assert len(tables) >= 2 and tables[0].page == 1 and tables[1].page == 2
    got = [row for table in tables for row in table.rows]
    assert got == rows


@pytest.mark.parametrize("name", ["lo-sarabun.pdf", "lo-garuda.pdf"])
def test_libreoffice_export_reads_as_its_source(name):
    """Every character of every cell, in its column and order; no space that the source lacks; the text around."""
    expected = json.loads((PDFS / "lo-sample.json").read_text(encoding="utf-8"))
    doc = read_bytes((PDFS / name).read_bytes(), name)
    assert paragraphs(doc) == expected["header"] + [expected["footer"]]
    tables = doc.tables()
    assert len({t.page for t in tables}) == len(tables) > 3  # one table per page, the table goes on
    assert tables[0].rows[0] == HEADER
    columns = [[], [], [], []]
    for table in tables:
        for row in table.rows:
            assert len(row) == 4
            if row != HEADER:
                for k, cell in enumerate(row):
                    columns[k].append(cell)
    for k in range(4):
        got = "\n".join(columns[k])
        want = "\n".join(row[k] for row in expected["rows"][1:])
        assert re.sub(r"\s+", "", got) == re.sub(r"\s+", "", want), k
        for line in got.split("\n"):  # every space read is a space of the source (a wrapped line may lose one)
            pattern = r"\s+".join(r"\s*".join(re.escape(ch) for ch in word) for word in line.split())
            assert re.search(pattern, want), line
    numbers = [row[0] for table in tables for row in table.rows[1 if table is tables[0] else 0 :] if row[0]]
    assert numbers == [row[0] for row in expected["rows"][1:] if row[0]]
    assert not any(n.kind == "warning" for n in doc.notes)


# --- hypothesis: random Thai sentences -------------------------------------------------------------

WORDS = [
    "สำนักงาน",
    "น้ำ",
    "ค่ำ",
    "ทั้งสิ้น",
    "ครั้งที่",
    "ดำเนินการ",
    "จังหวัด",
    "กำชับ",
    "ผู้ใหญ่",
    "ที่ดิน",
    "สิ่งของ",
    "กลุ่ม",
    "เป็น",
    "ก็",
    "ประชุม",
    "อำเภอ",
    "ต่ำ",
    "คัดสรร",
    "OTOP",
    "15,804,000",
    "บาท",
    "97.59%",
    "เม.ย.",
    "62",
]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map("".join), min_size=1, max_size=6).map(
        " ".join
    )
)
def test_random_thai_reads_back(sentence):
    doc = read_bytes(
        render(f"<p>{sentence}</p>", extra_css="body { width: 60cm; } @page { size: 70cm 30cm; }"), "h.pdf"
    )
    assert paragraphs(doc) == [sentence]


# --- bad PDFs and scans ---------------------------------------------------------------------------


def test_scanned_pdf_without_ocr_is_refused(monkeypatch):
    import cddbrief.sources.pdf as pdf

    monkeypatch.setattr(pdf, "ocr_available", lambda: False)
    with pytest.raises(CddbriefError) as error:
        read_pdf(_scan(), "scan.pdf", "0")
    assert "scan.pdf is a scanned PDF with no text layer" in str(error.value)
    assert "tesseract-ocr-tha" in error.value.remedy


@pytest.mark.skipif(not ocr_available(), reason="tesseract with its Thai model (tesseract-ocr-tha) is not installed")
def test_scanned_pdf_is_read_by_ocr():
    doc = read_pdf(_scan(), "scan.pdf", "0")
    text = " ".join(paragraphs(doc))
    assert "15,804,000" in text and "ประชุม" in text
    assert any(n.kind == "warning" and "OCR" in n.message for n in doc.notes)


def _scan() -> bytes:
    """A PDF of one page that is only a picture of Thai text."""
    import pypdfium2 as pdfium
    from PIL import Image

    page = pdfium.PdfDocument(
        render("<p>สรุปการประชุม ครั้งที่ 4/2562</p><p>งบประมาณ 15,804,000 บาท</p>", extra_css="body { font-size: 20pt; }")
    )[0]
    image = page.render(scale=200 / 72, grayscale=True).to_pil()
    out = io.BytesIO()
    Image.Image.save(image.convert("RGB"), out, "PDF", resolution=200)
    return out.getvalue()


def _encrypted() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(render("<p>ลับ</p>"))))
    writer.encrypt("secret", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize(
    "make, words",
    [
        (_encrypted, "password-protected"),
        (lambda: render("<p>สรุปการประชุม</p>" * 40)[:1500], "cannot be read"),
        (lambda: b"%PDF-1.7\n" + bytes(range(256)) * 8, "cannot be read"),
        (
            lambda: render('<p style="page-break-after: always">หน้า</p>' * 3, extra_css="@page { size: 300cm 300cm; }"),
            "not a page of a meeting summary",
        ),
    ],
    ids=["encrypted", "truncated", "garbage", "huge page"],
)
def test_bad_pdfs_raise_one_error(make, words):
    with pytest.raises(CddbriefError) as error:
        read_bytes(make(), "bad.pdf")
    assert words in str(error.value)


def test_too_many_pages(monkeypatch):
    import cddbrief.sources.pdf as pdf

    monkeypatch.setattr(pdf, "MAX_PAGES", 2)
    with pytest.raises(CddbriefError, match="has 3 pages, too many"):
        read_bytes(render('<p style="page-break-after: always">หน้า</p>' * 3), "long.pdf")


# --- hostile PDFs: every pass bounded (issue 21); each made here from raw PDF bytes ------------------

_LETTERS = sorted(
    set("สรุปการประชุม ครั้งที่๔/๒๕๖๒.สำนักงานพัฒนาชุมชนอำเภอแม่ทะ1ให้จังหวัดรายงานผล5กลุ่มจัดเก็บข้อมูลครัวเรือนยากจนทำความดีด้วยหัวใจ")
    - {" "}
)
# one byte per character with Helvetica's glyphs: marks get codes Helvetica draws with no width (as Thai fonts do)
_MARK_LETTERS = [ch for ch in _LETTERS if ch in pdfthai.MARKS]
THAI_CODES = {chr(0x80 + k): ch for k, ch in enumerate(_MARK_LETTERS)} | {
    chr(0xA1 + k): ch for k, ch in enumerate(ch for ch in _LETTERS if ch not in pdfthai.MARKS)
}


def raw_pdf(contents: list[bytes], size=(595, 842), to_unicode: dict[str, str] | None = None, compress=False) -> bytes:
    """A PDF of pages with the given content streams, font F1 (Helvetica) mapped to Unicode by ``to_unicode``.

    Pages that share one content stream share the object, so a 200-page PDF stays a few kB.
    """
    import zlib

    cmap = to_unicode if to_unicode is not None else THAI_CODES
    entries = "".join(f"<{ord(k):02X}> <{''.join(f'{u:04X}' for u in _utf16(v))}>\n" for k, v in cmap.items())
    cmap_stream = (
        f"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def "
        f"1 begincodespacerange <00> <FF> endcodespacerange {len(cmap)} beginbfchar\n{entries}endbfchar "
        f"endcmap CMapName currentdict /CMap defineresource pop end end"
    ).encode()
    widths = b" ".join(
        b"0" if 0x80 <= k < 0xA1 else b"500" for k in range(0x80, 0x100)
    )  # marks draw no width, as in Thai fonts
    font = (
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 128 /LastChar 255 /Widths [%s] "
        b"/ToUnicode 4 0 R >>" % widths
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        None,
        font,
        b"<< /Length %d >>\nstream\n" % len(cmap_stream) + cmap_stream + b"\nendstream",
    ]
    streams: dict[bytes, int] = {}
    kids = []
    for content in contents:
        if content not in streams:
            body = zlib.compress(content) if compress else content
            flate = b" /Filter /FlateDecode" if compress else b""
            objects.append(b"<< /Length %d%s >>\nstream\n" % (len(body), flate) + body + b"\nendstream")
            streams[content] = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources << /Font << /F1 3 0 R >> >> "
            b"/Contents %d 0 R >>" % (size[0], size[1], streams[content])
        )
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    return pdf_file(objects)


def _utf16(text: str) -> list[int]:
    data = text.encode("utf-16-be", "surrogatepass")
    return [int.from_bytes(data[k : k + 2], "big") for k in range(0, len(data), 2)]


def text_line(text: str, y: float, x: float = 72, size: float = 12) -> bytes:
    """One line of Thai (through THAI_CODES' one-byte codes) at a height."""
    codes = "".join(next(k for k, v in THAI_CODES.items() if v == ch) if ch != " " else " " for ch in text)
    escaped = codes.encode("latin-1").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    return b"BT /F1 %g Tf %g %g Td (%s) Tj ET\n" % (size, x, y, escaped)


TITLE = "สรุปการประชุม ครั้งที่ ๔/๒๕๖๒"


def test_a_lone_surrogate_in_the_to_unicode_map_is_replaced_and_noted(tmp_path):
    """``parse --json`` of a write-up whose font maps a glyph to U+D800: the JSON is written, the glyph is U+FFFD."""
    from conftest import run_cli

    cmap = dict(THAI_CODES, **{"~": "\ud800"})
    lines = [TITLE, "สำนักงานพัฒนาชุมชนอำเภอแม่ทะ", "1. ให้จังหวัดรายงานผล 5 กลุ่ม"]
    content = b"".join(text_line(line, 700 - 20 * k) for k, line in enumerate(lines))
    content += b"BT /F1 12 Tf 250 660 Td (~) Tj ET\n"
    data = raw_pdf([content], to_unicode=cmap)
    doc = read_pdf(data, "surrogate.pdf", "0")
    text = "\n".join(b.text for b in doc.blocks)
    assert "\ufffd" in text and TITLE in text
    assert any(n.kind == "warning" and "surrogate" in n.message for n in doc.notes)
    (tmp_path / "surrogate.pdf").write_bytes(data)
    result = run_cli("parse", tmp_path / "surrogate.pdf", "--json")
    assert result.returncode == 0, result.stderr
    meeting = json.loads(result.stdout)
    assert meeting["meeting"]["id"] == "2562-04" and "\ufffd" in result.stdout
    assert any("surrogate" in note["message"] for note in meeting["notes"])


def test_a_word_broken_at_a_wrap_with_a_space_written_is_joined():
    """``ครัว `` / ``เรือน``: the PDF wrote a space at the wrap, the dictionary knows ครัวเรือน; ``ดี `` / ``ด้วย``
    keeps it."""
    first, second = "จัดเก็บข้อมูลครัว ", "เรือนยากจน"
    pages = [text_line(first, 700) + text_line(second, 685), text_line("ทำความดี ", 700) + text_line("ด้วยหัวใจ", 685)]
    doc = read_pdf(raw_pdf(pages), "wrap.pdf", "0")
    assert [b.text for b in doc.blocks] == ["จัดเก็บข้อมูลครัวเรือนยากจน", "ทำความดี ด้วยหัวใจ"]
    assert any(n.kind == "repair" and "1 words broken by a line wrap" in n.message for n in doc.notes)


def test_the_title_on_every_page_is_kept_once():
    bodies = ["การประชุม", "รายงาน", "สำนักงาน", "ครั้ง"]
    pages = [text_line(TITLE, 780) + text_line(body, 600) for body in bodies]
    doc = read_pdf(raw_pdf(pages), "title.pdf", "0")
    assert [b.text for b in doc.blocks] == [TITLE] + bodies
    assert any(n.kind == "skipped" and "3 page header" in n.message for n in doc.notes)


def test_a_fine_ruled_grid_is_read_as_text_with_a_note():
    """300 × 300 ruled cells on a page (7 s a page before): no table is built from it, the text is read."""
    lines = b"".join(b"72 %g m 522 %g l S\n" % (100 + y * 2, 100 + y * 2) for y in range(301))
    lines += b"".join(b"%g 100 m %g 700 l S\n" % (72 + x * 1.5, 72 + x * 1.5) for x in range(301))
    doc = read_pdf(raw_pdf([text_line(TITLE, 780) + lines] * 2), "grid.pdf", "0")
    assert not doc.tables() and doc.blocks[0].text == TITLE
    assert any(n.kind == "skipped" and "grid" in n.message for n in doc.notes)


def test_a_page_of_too_many_paths_is_a_drawing(monkeypatch):
    import cddbrief.sources.pdf as pdf

    monkeypatch.setattr(pdf, "MAX_PATHS_PER_PAGE", 50)
    paths = b"".join(b"72 %d m 300 %d l S\n" % (100 + y, 100 + y) for y in range(60))
    doc = read_pdf(raw_pdf([text_line(TITLE, 780) + paths]), "drawing.pdf", "0")
    assert [b.text for b in doc.blocks] == [TITLE]
    assert any(n.kind == "skipped" and "drawn paths" in n.message for n in doc.notes)


def test_a_stream_that_unpacks_to_millions_of_paths_is_refused_before_parsing(monkeypatch):
    """The content is checked unpacked, in bounded steps, before PDFium builds a single path object."""
    import cddbrief.sources.pdf as pdf

    monkeypatch.setattr(pdf, "MAX_UNPACKED", 2**20)
    data = raw_pdf([text_line(TITLE, 780) + b"0 0 m 1 1 l S\n" * 200_000], compress=True)
    assert len(data) < 60_000
    with pytest.raises(CddbriefError, match="unpacks to more than 1 MB of page content"):
        read_pdf(data, "paths.pdf", "0")
    assert read_pdf(raw_pdf([text_line(TITLE, 780)], compress=True), "fine.pdf", "0").blocks[0].text == TITLE
    monkeypatch.setattr(pdf, "MAX_STREAM_UNPACKED", 2**19)
    with pytest.raises(CddbriefError, match="has a stream that unpacks to more than 0.5 MB of page content"):
        read_pdf(raw_pdf([text_line(TITLE, 780) + b"0 0 m 1 1 l S\n" * 50_000], compress=True), "one.pdf", "0")


def test_a_document_past_the_character_budget_is_one_error(monkeypatch):
    import cddbrief.sources.pdf as pdf

    monkeypatch.setattr(pdf, "MAX_CHARS", 100)
    with pytest.raises(CddbriefError, match="holds more than 100 characters by page 4"):
        read_pdf(raw_pdf([text_line(TITLE, 780)] * 5), "long.pdf", "0")


def test_a_page_of_thousands_of_list_numbers_is_left_as_written():
    """Hundreds of lines of ``๔.`` on a page (4,000 took minutes): the marker pass looks at every line for each."""
    numbers = b"".join(text_line("๔.", 60 + k * 1.5, size=1) for k in range(400))
    doc = read_pdf(raw_pdf([text_line(TITLE, 780) + numbers]), "numbers.pdf", "0")
    assert doc.blocks[0].text == TITLE
    assert any(n.kind == "skipped" and "lone list numbers" in n.message for n in doc.notes)


@pytest.mark.parametrize("line", ["ก" + "\u0e48" * 99_000, "กิ \u0e48" * 24_000])
def test_repairs_of_a_long_line_are_one_pass(line):
    """A letter and 99,000 tone marks; 24,000 ``กิ ่``: each repair looks at a few characters around each place."""
    text, counts = pdfthai.repair_line(line)
    assert len(text) <= len(line)
    if line.startswith("กิ "):
        assert text == "กิ่" * 24_000 and counts["mark_space"] == 24_000
    else:
        assert text == "ก\u0e48" and counts["mark_doubled"] == 1


def test_ocr_is_bounded_in_pages_and_pixels(monkeypatch):
    """200 blank scanned pages: refused past the page budget; a 5000 pt blank page is rendered within the pixel
    budget."""
    import pypdfium2

    import cddbrief.sources.pdf as pdf

    monkeypatch.setattr(pdf, "ocr_available", lambda: True)
    with pytest.raises(CddbriefError, match="scanned PDF of 200 pages; OCR reads at most 30"):
        read_pdf(raw_pdf([b""] * 200), "blank.pdf", "0")
    rendered = []
    real = pypdfium2.PdfPage.render

    def spy(page, scale=1, **kwargs):
        width, height = page.get_size()
        rendered.append(width * scale * height * scale)
        return real(page, scale=scale, **kwargs)

    monkeypatch.setattr(pypdfium2.PdfPage, "render", spy)
    with pytest.raises(CddbriefError, match="holds no text"):  # blank: no OCR run at all
        read_pdf(raw_pdf([b""], size=(5000, 5000)), "wide.pdf", "0")
    assert rendered and max(rendered) <= pdf.MAX_OCR_PIXELS * 1.01


# Lines as LibreOffice prints Thai fonts (Garuda, Loma): a line's box is some 11 points high, its wrapped
# lines stand 30 points apart (baseline to baseline) and a paragraph's spacing adds 10 more.
FULL = "การพัฒนาชุมชนให้เข้มแข็งอย่างยั่งยืน" * 2  # 72 letters: as wide as the page's widest line
WRAP_STEP, PARAGRAPH_STEP = 30, 40


def _page(lines: list[tuple[str, float]], size: float = 14) -> bytes:
    """A page of (text, step down from the line above) lines."""
    y, content = 760.0, b""
    for text, step in lines:
        y -= step
        content += text_line(text, y, size=size)
    return raw_pdf([content])


def test_a_wrapped_line_is_joined_by_the_pages_own_line_step_and_a_paragraph_step_parts():
    page = _page([(FULL, 0), (FULL, WRAP_STEP), ("ภายในเดือนนี้", WRAP_STEP),
                  (FULL, PARAGRAPH_STEP), ("ครัวเรือนเป้าหมาย", WRAP_STEP),
                  (FULL, PARAGRAPH_STEP), ("ให้อำเภอรายงานผล", PARAGRAPH_STEP)])  # fmt: skip
    doc = read_pdf(page, "wrapped.pdf", "0")
    assert [b.text for b in doc.blocks] == [
        FULL + FULL + "ภายในเดือนนี้",
        FULL + "ครัวเรือนเป้าหมาย",
        FULL,  # reaches the margin, but a paragraph's step stands below it: a paragraph of its own
        "ให้อำเภอรายงานผล",
    ]


def test_a_line_wrapped_where_the_next_word_did_not_fit_is_joined_and_a_short_line_is_not():
    short = FULL[:50]  # ends 22 letters short of the margin
    page = _page([(FULL, 0), (short, WRAP_STEP), ("การพัฒนาชุมชนให้เข้มแข็งอย่างยั่งยืน ด้วยใจ", WRAP_STEP),
                  (FULL, PARAGRAPH_STEP), (short, WRAP_STEP), ("ให้ ทุกอำเภอรายงาน", WRAP_STEP)])  # fmt: skip
    doc = read_pdf(page, "fit.pdf", "0")
    assert [b.text for b in doc.blocks] == [
        FULL + short + "การพัฒนาชุมชนให้เข้มแข็งอย่างยั่งยืน ด้วยใจ",  # its first word could not stand in the room left
        FULL + short,
        "ให้ ทุกอำเภอรายงาน",  # ให้ would have fitted after the short line: its writer ended that line
    ]


@pytest.mark.parametrize("step", [WRAP_STEP, PARAGRAPH_STEP])
def test_without_a_paragraph_step_to_tell_by_full_lines_far_apart_stay_paragraphs(step):
    """A page of lines at one step shows no spacing between paragraphs: lines whose boxes do not
    nearly touch are not joined, however wide."""
    doc = read_pdf(_page([(FULL, 0), (FULL, step), (FULL, step)]), "even.pdf", "0")
    assert [b.text for b in doc.blocks] == [FULL, FULL, FULL]


def test_a_wrap_step_is_measured_per_font_size():
    """Lines of a bigger size (a title) do not borrow the body's step, and no line joins one of another size."""
    title = FULL[:36]
    drawn = (
        sum(1 for ch in FULL if ch not in pdfthai.MARKS) * 7 - sum(1 for ch in title if ch not in pdfthai.MARKS) * 10
    )
    content = text_line(title, 740, x=72 + drawn, size=20) + text_line(title, 700, x=72 + drawn, size=20)
    y = 660.0
    for text, step in [(FULL, 0), ("ภายในเดือนนี้", WRAP_STEP), (FULL, PARAGRAPH_STEP), ("ครัวเรือน", WRAP_STEP)]:
        y -= step
        content += text_line(text, y, size=14)
    doc = read_pdf(raw_pdf([content]), "sizes.pdf", "0")
    texts = [b.text for b in doc.blocks]
    assert texts[-2:] == [FULL + "ภายในเดือนนี้", FULL + "ครัวเรือน"]
    assert texts[:-2] == [title, title]  # they end at the margin 40 apart, and no step of their size says a wrap


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    shape=st.lists(st.integers(0, 2), min_size=2, max_size=4).filter(lambda s: s[0] >= 1),
    step=st.floats(18, 34),
    spacing=st.floats(0.25, 1.0),
)
def test_paragraphs_come_back_whatever_the_line_step_and_the_paragraph_spacing(shape, step, spacing):
    """Paragraphs of ``shape[k]`` full lines and a short last line, wrapped lines ``step`` apart and paragraphs
    ``spacing`` of a step more: each paragraph is one block, and no two paragraphs are one."""
    lines, want = [], []
    for k, full_lines in enumerate(shape):
        last = ["ภายในเดือนนี้", "ครัวเรือนเป้าหมาย", "ให้อำเภอรายงานผล", "ด้วยหัวใจ"][k]
        texts = [FULL] * full_lines + [last]
        lines += [(text, step * (1 + spacing) if n == 0 and lines else step) for n, text in enumerate(texts)]
        want.append("".join(texts))
    lines[0] = (lines[0][0], 0)
    doc = read_pdf(_page(lines), "paragraphs.pdf", "0")
    assert [b.text for b in doc.blocks] == want


# --- N.M at a line's start: a sub-point, or a figure wrapped there (3.6 แสนบาท) ----------------------------

WRAPPED_FIGURES = [
    (["4. ตลาดนัดชุมชน มียอดขายรวมเป็นเงิน", "4.2 แสนบาท ให้อำเภอรายงาน"], "4.2 แสนบาท"),
    (["2. งบพัฒนาจังหวัด ได้รับจัดสรร", "2.75 ล้านบาท สำหรับ 6 ตำบล"], "2.75 ล้านบาท"),
    (["๑. การเบิกจ่าย เบิกจ่ายแล้ว", "๑.๕ ลบ. จากทั้งหมด"], "๑.๕ ลบ."),
    (["3. ข้อมูล จปฐ. ผ่านเกณฑ์", "3.8 % ของครัวเรือน"], "3.8 %"),
    (["5. แปลงสาธิต ปลูกผักในพื้นที่", "5.5 ไร่ ให้ขยายผล"], "5.5 ไร่"),
    (["ยอดออมรวม", "12.4 ล้าน ให้กองทุนรายงาน"], "12.4 ล้าน"),  # under no point, a multiplier alone
]

SUB_POINTS_KEPT = [
    ["3. กองทุนหมู่บ้าน", "3.1 ให้อำเภอติดตาม"],
    ["3. กองทุนหมู่บ้าน", "3.2 โครงการพัฒนาศักยภาพ"],  # a counted thing (โครงการ) may be a sub-point's topic
    ["1. ผ้าไทย", "1.2 ล้านนาสร้างสรรค์ ให้อำเภอ"],  # ล้าน opens ล้านนา (a region): no multiplier
    ["2. ข้อมูลสมาชิก", "2.3 ลบรายชื่อซ้ำออกจากระบบ"],  # ลบ the verb (delete)
]


@pytest.mark.parametrize("lines, figure", WRAPPED_FIGURES, ids=[f for _, f in WRAPPED_FIGURES])
def test_a_number_and_a_multiplier_or_measure_opening_a_line_is_a_figure_wrapped_there(lines, figure):
    joined = join_wrapped(lines, Counter())
    assert "\n" not in joined and figure in joined


@pytest.mark.parametrize("lines", SUB_POINTS_KEPT, ids=[lines[1] for lines in SUB_POINTS_KEPT])
def test_a_sub_point_opening_on_a_word_stays_a_sub_point(lines):
    assert join_wrapped(lines, Counter()) == "\n".join(lines)


@settings(max_examples=60, deadline=None)
@given(major=st.integers(1, 9), minor=st.integers(1, 9), thai_digits=st.booleans(),
       measure=st.sampled_from(["แสนบาท", "ล้านบาท", "บาท", "ลบ.", "ล.บ.", "หมื่นบาท", "ไร่", "ตัน", "กิโลกรัม"]),
       topic=st.sampled_from(["ให้อำเภอรายงาน", "โครงการ", "กองทุนหมู่บ้าน", "การเบิกจ่าย", "ผ้าไทย"]))  # fmt: skip
def test_under_any_point_a_measure_after_n_m_joins_and_a_topic_splits(major, minor, thai_digits, measure, topic):
    table = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙") if thai_digits else {}
    head = f"{major}. เรื่องแจ้ง รวมเป็นเงิน".translate(table)
    number = f"{major}.{minor}".translate(table)
    assert join_wrapped([head, f"{number} {measure} ให้ติดตาม"], Counter()) == f"{head} {number} {measure} ให้ติดตาม"
    assert join_wrapped([head, f"{number} {topic}"], Counter()) == f"{head}\n{number} {topic}"


@pytest.mark.parametrize(
    "lines, joined",
    [
        (["ตรวจติดตามงาน ระหว่างวันที่ 8", "– 10 พฤษภาคม 2567"], "ตรวจติดตามงาน ระหว่างวันที่ 8 – 10 พฤษภาคม 2567"),
        (["อบรมวันที่ ๑๒", "- ๑๔ มิ.ย. ๖๗ ณ อำเภอ"], "อบรมวันที่ ๑๒ - ๑๔ มิ.ย. ๖๗ ณ อำเภอ"),
    ],
)
def test_a_dash_opening_a_line_after_a_day_is_the_rest_of_a_range_of_days(lines, joined):
    assert join_wrapped(lines, Counter()) == joined


@pytest.mark.parametrize(
    "lines",
    [
        ["กำหนดการ ข้อ 1.8", "- 10 พ.ค. 67 ประชุมคณะทำงาน"],  # after a point's number: a bullet
        ["เป้าหมาย 8", "- 10 หมู่บ้าน ให้อำเภอรายงาน"],  # no month after it: a bullet of a list
        ["ดำเนินการแล้ว", "– 10 พฤษภาคม 2567 ประชุมคณะทำงาน"],  # no day above it
    ],
)
def test_a_dash_opening_a_line_that_is_no_range_stays_a_bullet(lines):
    assert join_wrapped(lines, Counter()) == "\n".join(lines)


@pytest.mark.parametrize("bullet", list("◆♦❖➢➤►■✓✔☑•●"))
def test_every_bullet_the_readers_know_opens_a_line_of_its_own_in_a_pdf_paragraph(bullet):
    lines = ["ข้อสั่งการของพัฒนาการจังหวัด", f"{bullet} ให้ทุกอำเภอรายงานผล", f"{bullet} ให้ติดตามกองทุน"]
    assert join_wrapped(lines, Counter()) == "\n".join(lines)


# points numbered inline, the paragraph broken in the PDF where one of them opens a line: the points after it
# in that line are read as points too
_GLUED_HEAD = "ประชุม ครั้งที่ 5/2567 มีข้อสั่งการ ดังนี้ "  # short lines: the page wraps them nowhere but at <br>
_GLUED = [("ผ้าไทย", "ให้แต่งกาย"), ("ตลาดนัด", "ให้จัดร้าน 4 ร้าน"), ("กองทุน", "ให้ติดตามหนี้")]


@pytest.mark.parametrize("style", ["{})", "{}.", "({})"])
@pytest.mark.parametrize("breaks_at", [2, 3])
def test_points_glued_in_a_line_after_one_that_opens_it_are_points_of_their_own(style, breaks_at):
    points = [f"{style.format(n)}{topic} {order}" for n, (topic, order) in enumerate(_GLUED, start=1)]
    first, rest = " ".join(points[: breaks_at - 1]), " ".join(points[breaks_at - 1 :])
    doc = read_bytes(render(f"<p>{_GLUED_HEAD}{first}<br>{rest}</p>"), "glued.pdf")
    assert any(line.startswith(style.format(breaks_at)) for b in doc.blocks for line in b.text.split("\n"))
    meeting = parse_document(doc, need_number=False)
    assert [(item.topic, [d.text for d in item.directives]) for item in meeting.items] == [
        (topic, [order]) for topic, order in _GLUED
    ]


def test_a_number_after_a_point_that_does_not_follow_on_from_it_is_text():
    doc = read_bytes(render(f"<p>{_GLUED_HEAD}1)ผ้าไทย ให้แต่งกาย<br>2)ตลาดนัด ให้จัดร้านค้า 5)ร้าน</p>"), "x.pdf")
    meeting = parse_document(doc, need_number=False)
    assert [item.topic for item in meeting.items] == ["ผ้าไทย", "ตลาดนัด"]
    assert meeting.items[1].directives[0].text == "ให้จัดร้านค้า 5)ร้าน"
