"""What WeasyPrint is handed to print a brief, and what the printed tables and text layer keep.

The print path hands fonts and charts over as bytes (``pdftext.print_page``, served by
``print_fetcher``), prints the long tables in fixed layout (brief.css), and gives every tagged
span its words as ActualText, so poppler reads Thai marks in place wherever a line falls.
Speed is asserted as work done (Pango line layouts), never as seconds.
"""

from __future__ import annotations

import base64
import cProfile
import io
import pstats
import re
import shutil
import subprocess
from importlib.resources import files

import pytest

pytest.importorskip("weasyprint")

PNG = base64.b64encode(
    bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c63f8cfc0f01f0005000201b1a4e5c30000000049454e44ae426082"
    )
).decode("ascii")  # fmt: skip - a 1x1 PNG


def page(body: str, extra_css: str = "", lang: str = "th") -> str:
    """A page styled as a brief: its fonts and brief.css, then ``body``."""
    from cddbrief.fonts import font_face_css

    css = files("cddbrief").joinpath("templates", "brief.css").read_text(encoding="utf-8")
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
            f"<style>{font_face_css()}\n{css}\n{extra_css}</style></head>"
            f"<body><main>{body}</main></body></html>")  # fmt: skip


def figures_table(rows: list[tuple[str, str, str, str]]) -> str:
    cells = "".join(
        f'<tr><td>{a}</td><td class="num">{b}</td><td>{c}</td><td class="evidence">{d}</td></tr>' for a, b, c, d in rows
    )
    return ('<table class="figures" id="figures-table"><thead><tr>'
            '<th scope="col">ข้อ</th><th scope="col" class="num">ตัวเลข</th>'
            '<th scope="col">พื้นที่</th><th scope="col">ข้อความต้นฉบับ</th></tr></thead>'
            f"<tbody>{cells}</tbody></table>")  # fmt: skip


def pdftotext(pdf, *args: str) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(["pdftotext", *args, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


# --- what WeasyPrint is handed ----------------------------------------------------------------


def test_print_page_hands_fonts_and_charts_over_as_bytes():
    from cddbrief.fonts import PDF_FAMILY, pdf_font
    from cddbrief.pdftext import print_page

    html = page('<figure class="chart"><picture>'
                f'<source media="(max-width: 40rem)" srcset="data:image/png;base64,{PNG}">'
                f'<img src="data:image/png;base64,{PNG}" alt="แผนภูมิแท่งงบประมาณ ตำบลบ้านใหม่"></picture></figure>'
                '<p style="font-family: \'Sarabun\'">ตำบลบ้านใหม่</p>')  # fmt: skip
    printed, files_ = print_page(html)
    assert "data:" not in printed  # no base64 left for WeasyPrint's parsers
    assert "<source" not in printed  # the phones' narrow chart is not printed
    assert '<img src="cddbrief-print:image-1.png" alt="แผนภูมิแท่งงบประมาณ ตำบลบ้านใหม่">' in printed
    assert files_["cddbrief-print:image-1.png"] == (base64.b64decode(PNG), "image/png")
    assert files_["cddbrief-print:sarabun-400.ttf"] == (pdf_font(400), "font/ttf")
    assert files_["cddbrief-print:sarabun-700.ttf"] == (pdf_font(700), "font/ttf")
    assert "src:url(cddbrief-print:sarabun-700.ttf) format('truetype')" in printed
    assert f"font-family: '{PDF_FAMILY}'" in printed and "'Sarabun'" not in printed


def test_print_fetcher_serves_its_files_and_data_urls_and_nothing_else():
    from weasyprint.urls import URLFetchingError, fetch

    from cddbrief.pdftext import print_fetcher

    fetcher = print_fetcher({"cddbrief-print:image-1.png": (b"\x89PNG", "image/png")})
    with fetch(fetcher, "cddbrief-print:image-1.png") as response:
        assert response.read() == b"\x89PNG" and response.content_type == "image/png"
    with fetch(fetcher, "data:text/plain;base64,4LiZ4LmJ4Liz") as response:
        assert response.read().decode("utf-8") == "น้ำ"
    for url in ("file:///etc/hostname", "http://127.0.0.1:9/chart.png", "cddbrief-print:image-2.png"):
        with pytest.raises(URLFetchingError):
            with fetch(fetcher, url):
                pass


# --- the long tables -------------------------------------------------------------------------

ROWS = [(f"{n}. การพัฒนาเศรษฐกิจฐานราก", "12,345,678 ครัวเรือน", "นครศรีธรรมราช",
         f"…ผลการจัดเก็บข้อมูลความจำเป็นพื้นฐานของตำบลบ้านใหม่ รอบที่ {n} จำนวน <mark>12,345,678 ครัวเรือน</mark>"
         " คิดเป็นร้อยละ 64.5 ของเป้าหมายทั้งจังหวัด…")
        for n in range(1, 31)]  # fmt: skip


def line_layouts(html: str, target) -> int:
    """How many Pango line layouts WeasyPrint made to print ``html``."""
    from cddbrief.report import write_pdf

    profile = cProfile.Profile()
    profile.runcall(write_pdf, html, target)
    return sum(
        calls
        for (path, _, name), (calls, *_rest) in pstats.Stats(profile).stats.items()
        if name == "get_first_line" and path.endswith("line_break.py")
    )


def test_long_tables_print_without_measuring_every_cell_first(tmp_path):
    """Fixed layout: the figures table costs under half the line layouts automatic layout made."""
    table = figures_table(ROWS)
    line_layouts(page(""), tmp_path / "warm.pdf")
    fixed = line_layouts(page(table), tmp_path / "fixed.pdf")
    auto = line_layouts(page(table, "@media print { table.figures { table-layout: auto } }"), tmp_path / "auto.pdf")
    assert fixed < auto / 2, (fixed, auto)


def agenda_table(count: int) -> str:
    rows = "".join(
        f'<tr><td class="num">{n}<sup title="เลขที่อนุมาน">*</sup></td>'
        "<td>กองทุนพัฒนาบทบาทสตรี</td><td>Women's Development Fund</td>"
        f'<td class="num">{n % 5}</td><td>12,345 บาท, 67 ตำบล</td></tr>'
        for n in [*range(1, count), 99]
    )
    return ('<section id="agenda"><h2>ระเบียบวาระ</h2><div class="scroll"><table><thead><tr>'
            '<th scope="col">ที่</th><th scope="col">ประเด็น</th><th scope="col">ชื่อภาษาอังกฤษ</th>'
            '<th scope="col" class="num">ข้อสั่งการ</th><th scope="col">ตัวเลขสำคัญ</th></tr></thead>'
            f"<tbody>{rows}</tbody></table></div></section>")  # fmt: skip


def checks_table(count: int) -> str:
    rows = "".join(
        f'<tr class="holds"><td>{n}</td>'
        "<td>412 หมู่บ้าน × 12,000 บาท = 4,944,000 บาท (ตรงกับที่ระบุ 4,944,000 บาท)<br><small>จำนวน × อัตรา</small></td>"
        '<td class="result"><strong>ตรงกัน</strong></td>'
        '<td class="evidence">412 หมู่บ้าน · หมู่บ้านละ 12,000 บาท</td></tr>'
        for n in range(1, count + 1)
    )
    return ('<section id="checks"><h2>การตรวจสอบตัวเลข</h2><div class="scroll"><table class="checks"><thead><tr>'
            '<th scope="col">ข้อ</th><th scope="col">การคำนวณ</th><th scope="col">ผล</th>'
            '<th scope="col">ข้อความต้นฉบับ</th></tr></thead>'
            f"<tbody>{rows}</tbody></table></div></section>")  # fmt: skip


@pytest.mark.parametrize("table, auto_css", [
    (agenda_table(12), "@media print { #agenda table { table-layout: auto } }"),
    (checks_table(8), "@media print { table.checks { table-layout: auto } }"),
])  # fmt: skip
def test_agenda_and_checks_print_without_measuring_every_word_first(tmp_path, table, auto_css):
    """Fixed layout: the agenda and the checks cost under half the line layouts automatic layout made."""
    line_layouts(page(""), tmp_path / "warm.pdf")
    fixed = line_layouts(page(table), tmp_path / "fixed.pdf")
    auto = line_layouts(page(table, auto_css), tmp_path / "auto.pdf")
    assert fixed < auto / 2, (fixed, auto)


def test_agenda_numbers_with_a_mark_stay_in_their_column(tmp_path):
    """Items 10* to 99* (two digits and the inferred-number mark) stay whole inside the fixed number column."""
    from cddbrief.report import write_pdf

    write_pdf(page(agenda_table(12)), tmp_path / "agenda.pdf")
    words = re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>([^<]*)</word>',
        pdftotext(tmp_path / "agenda.pdf", "-bbox"),
    )
    topic = min(float(x0) for x0, _, _, w in words if w.startswith("กองทุน"))
    left = 15 / 25.4 * 72  # the page margin: where the table starts
    numbers = {w: (float(x0), float(x1)) for x0, _, x1, w in words if re.fullmatch(r"1[01]|99", w)}
    assert set(numbers) == {"10", "11", "99"}, words[:20]
    assert all(left <= x0 and x1 < topic - 4 for x0, x1 in numbers.values()), (numbers, left, topic)


def test_fixed_columns_keep_a_figure_with_its_unit_and_a_province_whole(tmp_path):
    from cddbrief.report import write_pdf

    write_pdf(page(figures_table(ROWS[:3])), tmp_path / "t.pdf")
    words = re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', pdftotext(tmp_path / "t.pdf", "-bbox")
    )
    # poppler reads each line of a cell as one run (its ActualText)
    places = [float(x) for x, _, w in words if w == "นครศรีธรรมราช"]
    assert len(places) == 3  # never cut inside the name
    figures = [w for x, _, w in words if w.startswith("12,345,678") and float(x) < min(places)]
    assert figures == ["12,345,678 ครัวเรือน"] * 3  # a figure and its unit on one line, in the figure column
    # columns as set in brief.css: item 14.5%, figure 19.6% of the 180 mm line, after the 15 mm margin
    text_width = (210 - 30) / 25.4 * 72
    assert abs(min(places) - (15 / 25.4 * 72 + (0.145 + 0.196) * text_width)) < 12, places


def test_a_cell_too_narrow_for_its_text_wraps_inside_its_column(tmp_path):
    """A figure longer than its column wraps (white-space: normal in print), never runs into the next column."""
    from cddbrief.report import write_pdf

    long_figure = "1,234,567,890,123 ครัวเรือนที่ได้รับการสนับสนุน"
    write_pdf(page(figures_table([("1. กองทุนหมู่บ้าน", long_figure, "ตาก", "ข้อความ")])), tmp_path / "t.pdf")
    words = re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>([^<]*)</word>',
        pdftotext(tmp_path / "t.pdf", "-bbox"),
    )
    place = next(float(x0) for x0, _, _, w in words if w == "ตาก")
    figure_words = [
        (float(x0), float(y0), float(x1)) for x0, y0, x1, w in words if w in long_figure and w not in ("ข้อ", "ตัวเลข")
    ]
    assert figure_words and max(x1 for _, _, x1 in figure_words) <= place  # inside its own column
    assert len({round(y0) for _, y0, _ in figure_words}) >= 2  # wrapped


# --- the text layer ----------------------------------------------------------------------------

MARKED = "ครั้งที่ ๔ ทั้งสิ้น สรุปผล น้ำประปา ผู้ดำเนินการ"


def test_thai_marks_read_in_place_wherever_a_line_falls(tmp_path):
    """poppler cut ครัง้ or ทั้งสิน ้ on some lines (a mark's text rise near its 0.5 pt word threshold): ActualText
    reads them whole."""
    from cddbrief.report import write_pdf

    body = "".join(f'<p style="margin: 0 0 {n * 0.37:.2f}pt">{MARKED}</p>' for n in range(40))
    write_pdf(page(body), tmp_path / "marks.pdf")
    text = pdftotext(tmp_path / "marks.pdf")
    for word in MARKED.split():
        assert text.count(word) == 40, (word, text.count(word))
    assert not re.search(r"(?:^|\s)[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]", text, re.M)  # no mark cut off its letter


def test_spans_get_actual_text_only_when_every_glyph_reads(tmp_path):
    """A span with a glyph Sarabun lacks (here a CJK character) keeps the glyphs' own text, no ActualText."""
    from pypdf import PdfReader
    from pypdf.generic import ContentStream

    from cddbrief.report import write_pdf

    target = io.BytesIO()
    write_pdf(page("<p>ตำบลบ้านใหม่ น้ำประปา</p><p>漢字 ตำบลบ้านใหม่</p>"), target)
    reader = PdfReader(io.BytesIO(target.getvalue()))
    content = ContentStream(reader.pages[0].get_contents(), reader)
    actual = [
        operands[1]["/ActualText"]
        for operands, operator in content.operations
        if operator == b"BDC" and "/ActualText" in operands[1]
    ]
    assert actual == [
        "ตำบลบ้านใหม่ น้ำประปา",
        "1 / 1",
    ]  # the first paragraph and the page number; not the second paragraph


def test_nested_spans_read_once_and_shown_strings_are_left_alone():
    """The outermost span carries the words of all inside it; a span showing a literal string gets none."""
    from io import BytesIO
    from types import SimpleNamespace

    import pydyf
    from fontTools.ttLib import TTFont

    from cddbrief.fonts import pdf_font, pdf_glyph_texts
    from cddbrief.pdftext import give_spans_their_text

    font = TTFont(BytesIO(pdf_font(400)))
    ids, cmap = font.getReverseGlyphMap(), font.getBestCmap()
    hexes = {ch: f"{ids[cmap[ord(ch)]]:04x}" for ch in "นาตก"}
    descriptor = {"FontFile2": pydyf.Stream([pdf_font(400)])}
    sarabun = {"Type": "/Font", "DescendantFonts": [{"FontDescriptor": descriptor}]}
    outer, inner, literal = {"MCID": 0}, {"MCID": 1}, {"MCID": 2}
    stream = pydyf.Stream([
        "/Span", outer, b"BDC", b"BT", b"/F1 12 Tf", f"[<{hexes['น']}{hexes['า']}>] TJ".encode(),
        "/Span", inner, b"BDC", f"[<{hexes['ต']}{hexes['า']}>-9<{hexes['ก']}>] TJ".encode(), b"EMC", b"ET", b"EMC",
        "/Span", literal, b"BDC", b"BT", b"/F1 12 Tf", b"(nam) Tj", b"ET", b"EMC",
    ])  # fmt: skip
    pdf = SimpleNamespace(objects=[{"Type": "/Page", "Resources": {"Font": {"F1": sarabun}}}, sarabun, stream])
    assert give_spans_their_text(pdf, pdf_glyph_texts()) == 1
    assert outer["ActualText"].string == "นาตาก"
    assert "ActualText" not in inner and "ActualText" not in literal


# --- the charts --------------------------------------------------------------------------------


def png_bytes(image, **options) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG", **options)
    return out.getvalue()


def chart_pictures():
    """A palette chart (as charts draws them), a grey one, an RGB one, an RGBA one and a palette one with a
    transparent colour."""
    from PIL import Image, ImageDraw

    rgb = Image.new("RGB", (61, 23), "white")
    draw = ImageDraw.Draw(rgb)
    for n, colour in enumerate(["#1f5f8b", "#a1261c", "#e08a1e", "#1e6b3a", "#4b5866"]):
        draw.rectangle((2 + 11 * n, 20 - 3 * n, 10 + 11 * n, 22), fill=colour)
    draw.line((0, 0, 60, 22), fill="#86bde6", width=1)
    for x in range(61):  # a shaded band: more than 16 colours, so the palette PNG has 8 bits a pixel
        draw.point((x, 0), fill=(4 * x, 255 - 4 * x, 128))
    transparent = rgb.quantize(16)
    transparent.info["transparency"] = 0
    return {
        "palette": png_bytes(rgb.quantize(256)),
        "palette-4bit": png_bytes(rgb.quantize(16)),
        "grey": png_bytes(rgb.convert("L")),
        "rgb": png_bytes(rgb),
        "rgba": png_bytes(rgb.convert("RGBA")),
        "transparent": png_bytes(transparent, transparency=0),
    }


def test_charts_print_pixel_for_pixel(tmp_path):
    """Every chart the PDF shows has the PNG's own pixels, whatever its kind (palette, grey, RGB;
    with alpha, at its size), handed to WeasyPrint through the print fetcher."""
    import pypdfium2
    from PIL import Image, ImageChops

    from cddbrief.report import write_pdf

    pictures = chart_pictures()
    body = "".join(
        f'<figure class="chart"><img src="data:image/png;base64,{base64.b64encode(data).decode()}" alt="แผนภูมิ {name}">'
        "</figure>"
        for name, data in pictures.items()
    )
    write_pdf(page(body), tmp_path / "charts.pdf")
    document = pypdfium2.PdfDocument(tmp_path / "charts.pdf")
    shown = [
        obj
        for number in range(len(document))
        for obj in document[number].get_objects(filter=[pypdfium2.raw.FPDF_PAGEOBJ_IMAGE])
    ]
    assert len(shown) == len(pictures)
    for (name, data), image in zip(pictures.items(), shown):
        source = Image.open(io.BytesIO(data))
        in_pdf = image.get_bitmap(render=False).to_pil()
        alpha = source.mode == "RGBA" or "transparency" in source.info
        assert in_pdf.size == source.size, name
        if not alpha:
            assert ImageChops.difference(in_pdf.convert("RGB"), source.convert("RGB")).getbbox() is None, name


# --- the running header and page numbers ------------------------------------------------------


def test_running_header_starts_at_the_left_margin_and_page_numbers_end_at_the_right(tmp_path):
    """Both margin boxes are the page's full width in print (brief.css): the header is laid out from
    the left margin and the page number against the right one, on every page, as when they were sized to their text."""
    from cddbrief.report import write_pdf

    header = "สรุปการประชุม ครั้งที่ 9/2563 · สำนักงานพัฒนาชุมชนอำเภอบ้านใหม่"
    body = f'<div class="running">{header}</div>' + "".join(
        f"<p>{n}. ตำบลบ้านใหม่ น้ำประปา ผู้ดำเนินการ</p>" for n in range(80)
    )
    write_pdf(page(body), tmp_path / "running.pdf")
    words = re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>([^<]*)</word>',
        pdftotext(tmp_path / "running.pdf", "-bbox"),
    )
    margin, width = 15 / 25.4 * 72, 210 / 25.4 * 72
    headers = [float(x0) for x0, _, _, w in words if w == header]
    numbers = {w: float(x1) for _, _, x1, w in words if re.fullmatch(r"\d / \d", w)}
    assert len(numbers) == 3 and len(headers) >= 3, (headers, numbers)  # (the hidden .running element reads too)
    assert all(abs(x0 - margin) < 0.5 for x0 in headers), headers
    assert all(abs(x1 - (width - margin)) < 0.5 for x1 in numbers.values()), numbers
