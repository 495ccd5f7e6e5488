"""Tables without ruling lines: a Word table exported to PDF reads like its .docx, item for item, date for date.

tests/data/pdf/make_borderless.py wrote each .docx (a plain table with no
borders, as Word and LibreOffice make one) and had LibreOffice export it to PDF;
both are kept, so the test needs neither LibreOffice nor its fonts. Rows, fonts,
narrow columns, a header word wrapped in its column and rows going on over pages
vary between them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cddbrief.meeting import parse_document
from cddbrief.sources import read_bytes

PDFS = Path(__file__).parent / "data" / "pdf"
FIXTURES = ["bl-five", "bl-narrow", "bl-pages", "bl-long-rows"]


def reading(path: Path):
    return parse_document(read_bytes(path.read_bytes(), path.name))


def squeeze(text: str) -> str:
    """Text without the spaces a wrap may add or take: where a wrap fell is the PDF's, not the writer's."""
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("name", FIXTURES)
def test_borderless_pdf_reads_like_its_docx(name):
    word, pdf = reading(PDFS / f"{name}.docx"), reading(PDFS / f"{name}.pdf")
    assert pdf.source.layout == word.source.layout == "table"
    assert pdf.id == word.id == "2565-03"
    assert [(i.no, i.topic) for i in pdf.items] == [(i.no, i.topic) for i in word.items]
    for got, want in zip(pdf.items, word.items):
        assert [(d.no, d.label) for d in got.directives] == [(d.no, d.label) for d in want.directives], got.no
        assert [squeeze(d.text) for d in got.directives] == [squeeze(d.text) for d in want.directives], got.no
        assert squeeze(got.remarks) == squeeze(want.remarks), got.no
        for d_got, d_want in zip(got.directives, want.directives):  # every date and figure with its own directive
            assert [(s.start, s.end) for s in d_got.dates] == [(s.start, s.end) for s in d_want.dates], (got.no, d_got.text)
            assert [(q.value, q.unit) for q in d_got.quantities] == [(q.value, q.unit) for q in d_want.quantities], (got.no, d_got.text)


@pytest.mark.parametrize("name", FIXTURES)
def test_borderless_pdf_keeps_the_words_and_spaces_of_its_source(name):
    """Spaces: every space read in a cell stands in the .docx too, and words a wrap broke are whole again."""
    word, pdf = reading(PDFS / f"{name}.docx"), reading(PDFS / f"{name}.pdf")
    for got, want in zip(pdf.items, word.items):
        assert got.topic == want.topic
        for d_got, d_want in zip(got.directives, want.directives):
            assert d_got.text == d_want.text, (name, got.no)


def test_borderless_table_is_noted_and_its_rows_are_table_blocks():
    doc = read_bytes((PDFS / "bl-five.pdf").read_bytes(), "bl-five.pdf")
    tables = doc.tables()
    assert tables[0].rows[0] == ["ที่", "ประเด็น", "ข้อสั่งการ", "หมายเหตุ"]
    assert [row[0] for t in tables for row in t.rows[1:] if row[0]] + [row[0] for row in tables[0].rows[1:2]] != []
    numbers = [row[0] for t in tables for row in t.rows if row[0] and row[0] != "ที่"]
    assert numbers == ["1", "2", "3", "4", "5"]
    assert all(len(row) == 4 for t in tables for row in t.rows)
    paragraphs = [b.text for b in doc.blocks if b.kind == "paragraph"]
    assert paragraphs[-1].startswith("ผู้สรุป")  # the line after the table is not a cell
    assert any(n.kind == "inferred" and "without ruling lines" in n.message for n in doc.notes)


def test_a_wrapped_header_word_is_one_header_cell():
    """``ลำดับ`` wraps in its narrow column (``ลำ`` / ``ดับ``): still the number column's header."""
    doc = read_bytes((PDFS / "bl-pages.pdf").read_bytes(), "bl-pages.pdf")
    assert doc.tables()[0].rows[0] == ["ลำดับ", "เรื่อง", "ข้อสั่งการ", "หมายเหตุ"]
