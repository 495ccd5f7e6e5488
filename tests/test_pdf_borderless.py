"""Tables without ruling lines: a Word table exported to PDF reads like its .docx, item for item, date for date.

tests/data/pdf/make_borderless.py wrote each .docx (a plain table with no
borders, as Word and LibreOffice make one) and had LibreOffice export it to PDF;
both are kept, so the test needs neither LibreOffice nor its fonts. Rows, fonts,
narrow columns, a header word wrapped in its column, rows going on over pages, a
header row repeated on every page, no number column, and numbers centred in
their rows (dates there went to the wrong item) vary between them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cddbrief.meeting import parse_document
from cddbrief.sources import read_bytes

PDFS = Path(__file__).parent / "data" / "pdf"
FIXTURES = ["bl-five", "bl-narrow", "bl-pages", "bl-long-rows", "bl-repeat", "bl-no-number", "bl-centred"]


def reading(path: Path):
    return parse_document(read_bytes(path.read_bytes(), path.name))


def squeeze(text: str) -> str:
    """Text without the spaces a wrap may add or take: where a wrap fell is the PDF's, not the writer's."""
    return re.sub(r"\s+", "", text)


def dated(directive) -> list[tuple]:
    return [(span.start, span.end) for span in directive.dates]


def counted(directive) -> list[tuple]:
    return [(figure.value, figure.unit) for figure in directive.quantities]


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
            assert dated(d_got) == dated(d_want), (got.no, d_got.text)
            assert counted(d_got) == counted(d_want), (got.no, d_got.text)


@pytest.mark.parametrize("name", FIXTURES)
def test_no_space_is_made_up_in_a_cell(name):
    """Every space read in a directive stands in the .docx too (a wrap may lose one the PDF did not write)."""
    word, pdf = reading(PDFS / f"{name}.docx"), reading(PDFS / f"{name}.pdf")
    for got, want in zip(pdf.items, word.items):
        assert got.topic == want.topic
        for d_got, d_want in zip(got.directives, want.directives):
            pattern = r"\s".join(r"\s?".join(re.escape(ch) for ch in part) for part in d_got.text.split(" "))
            assert re.fullmatch(pattern, d_want.text), (d_got.text, d_want.text)


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


# --- made here: WeasyPrint draws a table with no borders (Sarabun, shipped with cddbrief) -----------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from test_pdf import render  # noqa: E402  (WeasyPrint with Sarabun)

TOPICS = ["กองทุนหมู่บ้าน", "ผ้าไทยใส่ให้สนุก", "ครัวเรือนยากจน", "ตลาดนัดชุมชน", "ศูนย์เรียนรู้ชุมชนต้นแบบ", "OTOP นวัตวิถี"]
ORDERS = [
    "ให้อำเภอรายงานผล {n} ครัวเรือน ภายใน {d} มี.ค. 65",
    "ขอให้ประสานกลุ่มอาชีพ {n} กลุ่ม",
    "ตรวจสอบบัญชีกองทุนทั้งสิ้น {n} กองทุน",
    "จัดประชุมคณะกรรมการหมู่บ้านในวันที่ {d} เมษายน 2565",
]
REMARKS = ["", "กำชับ", "ด่วนที่สุด", "พัฒนากรทุกคน"]

order = st.tuples(st.sampled_from(ORDERS), st.integers(2, 99_999), st.integers(1, 28))
row = st.tuples(st.sampled_from(TOPICS), st.lists(order, min_size=1, max_size=3), st.sampled_from(REMARKS))


def borderless_html(rows) -> tuple[str, list[list[str]]]:
    cells = [["ที่", "ประเด็น", "ข้อสั่งการ", "หมายเหตุ"]]
    for k, (topic, orders, remark) in enumerate(rows, 1):
        texts = [order.format(n=f"{n:,}", d=d) for order, n, d in orders]
        directives = "\n".join(f"{j}. {t}" for j, t in enumerate(texts, 1)) if len(texts) > 1 else texts[0]
        cells.append([str(k), topic, directives, remark])
    body = "".join("<tr>" + "".join(f"<td>{c.replace(chr(10), '<br>')}</td>" for c in r) + "</tr>" for r in cells)
    widths = "".join(f"<col style='width:{cm}cm'>" for cm in (1.2, 3.5, 8.5, 2.8))
    return f"<table><colgroup>{widths}</colgroup>{body}</table>", cells


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(row, min_size=1, max_size=5))
def test_random_borderless_tables_read_back_cell_for_cell(rows):
    table, cells = borderless_html(rows)
    css = "td { border: none; padding: 2pt 6pt; vertical-align: top; } table { table-layout: fixed; }"
    title, footer = "สรุปข้อสั่งการ ครั้งที่ 3/2565", "ผู้สรุป นางสาวสมใจ ใจดี"
    doc = read_bytes(render(f"<p>{title}</p>{table}<p>{footer}</p>", extra_css=css), "random.pdf")
    got = [r for t in doc.tables() for r in t.rows]
    assert [[squeeze(c) for c in r] for r in got] == [[squeeze(c) for c in r] for r in cells]
    assert [r[2].count("\n") for r in got] == [r[2].count("\n") for r in cells]  # each directive its own line
    assert [b.text for b in doc.blocks if b.kind == "paragraph"] == [title, footer]


def test_prose_that_names_the_columns_is_no_table():
    """The header words in a sentence, spaced as words are: prose, not a header row."""
    text = "ที่ประชุมพิจารณา ประเด็น ข้อสั่งการ และ หมายเหตุ ของแต่ละจังหวัด"
    doc = read_bytes(render(f"<p>{text}</p><p>1. ให้จังหวัดรายงานผล</p>"), "prose.pdf")
    assert not doc.tables()
    assert [b.text for b in doc.blocks] == [text, "1. ให้จังหวัดรายงานผล"]


def test_a_number_column_left_empty_gives_rows_by_topic():
    """ที่ | ประเด็น | ข้อสั่งการ | หมายเหตุ with no number written: a row starts where a topic does."""
    rows = [
        ("ตลาดนัดชุมชน", [(ORDERS[0], 120, 5), (ORDERS[1], 8, 1)], "กำชับ"),
        ("กองทุนหมู่บ้าน", [(ORDERS[2], 3, 1)], ""),
        ("ผ้าไทยใส่ให้สนุก", [(ORDERS[3], 1, 9)], "ด่วนที่สุด"),
    ]
    table, cells = borderless_html(rows)
    for k in range(1, len(cells)):
        table = table.replace(f"<td>{k}</td>", "<td></td>", 1)
        cells[k][0] = ""
    css = "td { border: none; padding: 2pt 6pt 10pt 6pt; vertical-align: top; } table { table-layout: fixed; }"
    doc = read_bytes(render(f"<p>สรุปข้อสั่งการ ครั้งที่ 3/2565</p>{table}", extra_css=css), "empty.pdf")
    got = [r for t in doc.tables() for r in t.rows]
    assert [[squeeze(c) for c in r] for r in got] == [[squeeze(c) for c in r] for r in cells]
