"""The PDF's text layer reads what the brief says: search and copy find ลำปาง, not ลาปาง.

Measured with the three readers colleagues and this project use: poppler's pdftotext,
pypdf and pypdfium2.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import SAMPLE, run_cli

WORDS = ["น้ำ", "ย้ำ", "ลำปาง", "สำนักงาน", "กำหนด", "ทำ", "ทั้งสิ้น"]


def texts(pdf: Path) -> dict[str, str]:
    import pypdfium2
    from pypdf import PdfReader

    read = {"pypdf": "\n".join(page.extract_text() for page in PdfReader(pdf).pages)}
    document = pypdfium2.PdfDocument(str(pdf))
    read["pypdfium2"] = "\n".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    if shutil.which("pdftotext"):
        read["pdftotext"] = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
    return read


@pytest.fixture(scope="module")
def words_pdf(tmp_path_factory):
    """Words with ำ (after a tone mark too) in a paragraph and in a table, regular and bold."""
    from cddbrief.fonts import font_face_css
    from cddbrief.report import write_pdf

    line = " ".join(WORDS)
    html = (
        f"<html lang='th'><head><style>{font_face_css()} html{{font-family:'Sarabun'}}</style></head><body>"
        f"<p>{line}</p><table><tr><td>{line}</td><td><b>{line}</b></td></tr></table></body></html>"
    )
    target = tmp_path_factory.mktemp("pdf") / "words.pdf"
    write_pdf(html, target)
    return target


@pytest.mark.parametrize("reader", ["pdftotext", "pypdf", "pypdfium2"])
def test_sara_am_reads_back_in_paragraphs_and_tables(words_pdf, reader):
    read = texts(words_pdf)
    if reader not in read:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = read[reader]
    for word in ("น้ำ", "ย้ำ", "ลำปาง", "สำนักงาน", "กำหนด"):
        assert text.count(word) >= 3, (reader, word, text)  # paragraph, cell, bold cell
    assert "ลาปาง" not in text and "สานักงาน" not in text and "\u0e4d" not in text


def test_pdf_fonts_are_sarabun_whatever_the_machine_has_installed(words_pdf):
    """Printed with the brief's own Sarabun, named Sarabun: not a system copy of the family."""
    from pypdf import PdfReader

    page = PdfReader(words_pdf).pages[0]
    names = {str(f.get_object()["/BaseFont"]).split("+")[-1] for f in page["/Resources"]["/Font"].values()}
    assert names == {"Sarabun", "Sarabun-Bold"}


def test_glyph_texts_give_every_glyph_of_sara_am_a_text():
    from io import BytesIO

    from fontTools.ttLib import TTFont

    from cddbrief.fonts import AM_GLYPH, glyph_texts, pdf_font

    font = TTFont(BytesIO(pdf_font(400)))
    texts = glyph_texts(font)
    assert texts[AM_GLYPH] == "ำ" and texts["uni0E33"] == "ำ"
    assert texts["uni0E4D0E49"] == "้"  # NIKHAHIT joined to MAI THO: น ํ้ า.am reads น้ำ
    assert texts["uni0E49.small"] == "้"
    assert all(text for name, text in texts.items() if name != ".notdef")  # pdfium reads an empty text as a code


def test_sample_brief_pdf_is_searchable(tmp_path):
    data = tmp_path / "raw"
    data.mkdir()
    shutil.copy(SAMPLE, data / SAMPLE.name)
    result = run_cli("build", "2562-04", "--format", "html,pdf", "--data", data, "--out", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    for reader, text in texts(tmp_path / "out" / "2562-04" / "brief.pdf").items():
        for word in ("ลำปาง", "สำนักงานพัฒนาชุมชนอำเภอเสริมงาม", "ทั้งสิ้น", "กำหนด"):
            assert word in text, (reader, word)
        assert "ลาปาง" not in text and "สานักงาน" not in text


def test_meeting_facts_are_compact_and_the_agenda_starts_on_page_one(tmp_path):
    """Page 1: the facts leave no blank bands (WeasyPrint's wrapped flex rows did) and the agenda follows."""
    import re

    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    data = tmp_path / "raw"
    data.mkdir()
    shutil.copy(SAMPLE, data / SAMPLE.name)
    out = tmp_path / "out"
    result = run_cli("build", "2562-04", "--format", "html,pdf", "--data", data, "--out", out)
    assert result.returncode == 0, result.stderr
    bbox = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", str(out / "2562-04" / "brief.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    words = [
        (float(y0), float(y1), w)
        for y0, y1, w in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<', bbox)
    ]
    assert any(w == "ระเบียบวาระ" for _, _, w in words)  # the agenda heading is on page 1
    top = next(y0 for y0, _, w in words if w == "เรื่อง")
    end = next(y0 for y0, _, w in words if w == "สรุปภาพรวม")
    lines = sorted({round(y0) for y0, _, _ in words if top <= y0 < end})
    height = min(y1 - y0 for y0, y1, w in words if w == "เรื่อง")
    gaps = [b - a for a, b in zip(lines, lines[1:])]
    assert max(gaps) < 2.5 * height, gaps  # no blank band between facts
    assert end - top < 12 * height  # ten facts in two columns: about six lines
    # the running header is read once a page: the hidden element it is taken from draws no text
    pages = subprocess.run(
        ["pdftotext", str(out / "2562-04" / "brief.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")
    pages = [page for page in pages if page.strip()]
    running = "สรุปการประชุม ครั้งที่ 4/2562 · สำนักงานพัฒนาชุมชนอำเภอเสริมงาม"
    assert [page.count(running) for page in pages] == [1] * len(pages)
