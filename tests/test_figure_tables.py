"""Tables of figures in a post (อำเภอ | กองทุนทั้งหมด | ส่งรายงานแล้ว (กองทุน) | ร้อยละ): each bare number in a
cell takes its unit from its column's head, in every file kind; text cells, heads that name no unit and the
cells of a table of directives take none. The tables here are invented for these tests."""

from __future__ import annotations

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cddbrief.meeting import parse_document
from cddbrief.quantities import cell_figures, find_quantities, head_unit, is_bare_number
from cddbrief.readers.base import TableRow, figure_table
from cddbrief.sources import read_bytes

TITLE = "สพอ.แม่ทะ ประชุมติดตามการบันทึกบัญชีกองทุนหมู่บ้าน ครั้งที่ 3/2566"
SENTENCE = (
    "วันพุธที่ 8 มีนาคม 2566 เวลา 09.30 น. ณ ห้องประชุมอำเภอแม่ทะ นายสมชาย ใจดี พัฒนาการอำเภอแม่ทะ "
    "เป็นประธานการประชุมติดตามการบันทึกบัญชีกองทุนหมู่บ้าน ครั้งที่ 3/2566"
)
LEAD = "ผลการส่งรายงานบัญชีกองทุน ณ วันที่ 7 มีนาคม 2566 มีดังนี้"
CLOSE = "ประธานให้ทุกอำเภอเร่งรัดการส่งรายงานให้ครบภายในวันที่ 31 มีนาคม 2566"
HEADS = ["อำเภอ", "กองทุนทั้งหมด", "ส่งรายงานแล้ว (กองทุน)", "ร้อยละ", "รหัส"]
ROWS = [["แม่ทะ", "96", "72", "75.00", "5203"], ["เกาะคา", "1,084", "813", "75.00", "5204"]]
EXPECTED = [
    (96, "กองทุน", "96", "แม่ทะ", "total"),
    (72, "กองทุน", "72", "แม่ทะ", "part"),
    (75, "%", "75.00", "แม่ทะ", "share"),
    (1084, "กองทุน", "1,084", "เกาะคา", "total"),
    (813, "กองทุน", "813", "เกาะคา", "part"),
    (75, "%", "75.00", "เกาะคา", "share"),
]


def _tab_dump() -> str:
    """The post as Word dumps it to text: a cell a line after a tab, the head row ended by a blank line,
    each row after the first marked by a space before its tab."""
    lines = [TITLE, "", SENTENCE, "", LEAD, ""]
    lines += [f"\t{head}" for head in HEADS] + [""]
    for n, row in enumerate(ROWS):
        lines += [(" \t" if n and i == 0 else "\t") + cell for i, cell in enumerate(row)]
    return "\n".join([*lines, CLOSE, ""])


def _piped() -> str:
    rows = [HEADS, ["---"] * len(HEADS), *ROWS]
    return "\n".join([TITLE, SENTENCE, LEAD, *("| " + " | ".join(r) + " |" for r in rows), CLOSE, ""])


def _docx() -> bytes:
    import docx

    document = docx.Document()
    for text in (TITLE, SENTENCE, LEAD):
        document.add_paragraph(text)
    table = document.add_table(rows=0, cols=len(HEADS))
    for row in [HEADS, *ROWS]:
        for cell, text in zip(table.add_row().cells, row):
            cell.text = text
    document.add_paragraph(CLOSE)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _html() -> bytes:
    head = "".join(f"<th>{h}</th>" for h in HEADS)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in ROWS)
    return (
        f"<html><head><meta charset='utf-8'><title>{TITLE}</title></head><body><article><h1>{TITLE}</h1>"
        f"<p>{SENTENCE}</p><p>{LEAD}</p><table><tr>{head}</tr>{body}</table><p>{CLOSE}</p></article></body></html>"
    ).encode()


FORMS = {
    "tab dump": lambda: read_bytes(_tab_dump().encode(), "post.txt"),
    "pipes": lambda: read_bytes(_piped().encode(), "post.txt"),
    "docx": lambda: read_bytes(_docx(), "post.docx"),
    "html": lambda: read_bytes(_html(), "post.html"),
}


def _cell_figures(meeting) -> list[tuple]:
    return [
        (q.value, q.unit, q.surface, q.entity, q.role)
        for p in meeting.passages
        for q in p.quantities
        if any(n.kind == "inferred" and n.surface == q.surface and "หัวคอลัมน์" in n.th for n in meeting.notes)
    ]


@pytest.mark.parametrize("form", FORMS)
def test_each_bare_number_takes_the_unit_of_its_column_head(form):
    meeting = parse_document(FORMS[form](), need_number=False)
    assert meeting.id == "2566-03"
    rows = [p for p in meeting.passages if p.text.startswith(("แม่ทะ ", "เกาะคา "))]
    assert [p.text for p in rows] == ["แม่ทะ 96 72 75.00 5203", "เกาะคา 1,084 813 75.00 5204"]
    assert _cell_figures(meeting) == EXPECTED
    for passage in rows:  # each surface is the cell's own number, at its exact span
        assert all(passage.text[q.span.start : q.span.end] == q.surface for q in passage.quantities)
        # the code column (รหัส names no unit) and the district cells give no figure
        assert {q.surface for q in passage.quantities} <= {"96", "72", "75.00", "1,084", "813"}
    notes = [n for n in meeting.notes if n.surface == "1,084"]
    assert [n.message for n in notes] == [
        "'1,084' was read as 1,084 กองทุน, the unit from its column's head 'กองทุนทั้งหมด'"
    ]


def test_the_table_is_data_not_items_or_directives():
    meeting = parse_document(FORMS["tab dump"](), need_number=False)
    assert [d.text for item in meeting.items for d in item.directives] == [CLOSE]
    assert not any("5203" in d.text or "แม่ทะ 96" in d.text for item in meeting.items for d in item.directives)


def test_text_cells_never_take_a_unit():
    text = "รวม 2 อำเภอ 1,180"
    cells = [(0, 11, "อำเภอ"), (12, 17, "กองทุนทั้งหมด")]
    found, _ = cell_figures(text, cells)
    assert [(q.value, q.unit, q.surface, q.entity) for q in found] == [(1180, "กองทุน", "1,180", None)]


@pytest.mark.parametrize("head", ["หมายเหตุ", "รหัส", "ลำดับที่", "ปี", "ที่", ""])
def test_a_head_that_names_no_unit_gives_no_figure(head):
    assert head_unit(head) == (None, None)
    found, notes = cell_figures("ลี้ 2566", [(0, 3, "อำเภอ"), (4, 8, head)])
    assert found == [] and notes == []


def test_heads_name_their_unit_and_multiplier():
    assert head_unit("งบประมาณที่ได้รับ (ล้านบาท)") == ("บาท", "ล้าน")
    assert head_unit("จำนวนรุ่น") == ("รุ่น", None)
    assert head_unit("คิดเป็น %") == ("%", None)
    found, _ = cell_figures("ลี้ 3.6", [(0, 3, "อำเภอ"), (4, 7, "งบประมาณ (ล้านบาท)")])
    assert [(q.value, q.unit, q.surface) for q in found] == [(3_600_000, "บาท", "3.6")]


def test_a_whole_count_is_never_a_decimal():
    found, _ = cell_figures("ลี้ 2.5", [(0, 3, "อำเภอ"), (4, 7, "กองทุนทั้งหมด")])
    assert found == []


def test_a_table_of_directives_is_no_table_of_figures():
    rows = [["ที่", "ประเด็น", "ข้อสั่งการ"], ["1", "กองทุนหมู่บ้าน", "ให้รายงานผล 12 กองทุน"], ["2", "OTOP", "ให้ส่ง"]]
    assert figure_table(rows) is None
    import docx

    document = docx.Document()
    document.add_paragraph("สรุปข้อสั่งการ ประชุม ครั้งที่ 2/2566 สพอ.แม่ทะ")
    table = document.add_table(rows=0, cols=3)
    for row in rows:
        for cell, text in zip(table.add_row().cells, row):
            cell.text = text
    out = io.BytesIO()
    document.save(out)
    meeting = parse_document(read_bytes(out.getvalue(), "t.docx"), need_number=False)
    assert meeting.source.layout == "table"
    figures = [(q.value, q.unit, q.surface) for item in meeting.items for d in item.directives for q in d.quantities]
    assert figures == [(12, "กองทุน", "12 กองทุน")]
    assert not any("หัวคอลัมน์" in n.th for n in meeting.notes)


def test_tables_that_are_not_of_figures():
    assert figure_table([["อำเภอ", "ร้อยละ"]]) is None  # a head alone
    assert figure_table([["อำเภอ", "ร้อยละ"], ["ลี้", "ดี"]]) is None  # no number in a row
    assert figure_table([["2566", "ร้อยละ"], ["ลี้", "90"]]) is None  # a number in the head
    assert figure_table([["อำเภอ", "ร้อยละ"], ["ลี้", "90", "1"]]) is None  # rows of another width
    assert figure_table([["กิจกรรม", "สถานที่", "ผล"], ["ประชุม", "ห้องประชุมอำเภอ", "5"]]) is None  # mostly text


def test_a_dump_whose_width_no_mark_settles_is_read_cell_by_cell():
    # six cells and no row marks: 2 or 3 columns would both do, so no table is guessed
    text = "\n".join([TITLE, SENTENCE, "\tอำเภอ", "\tร้อยละ", "\tลี้", "\t90", "\tป่าซาง", "\t80", CLOSE, ""])
    meeting = parse_document(read_bytes(text.encode(), "post.txt"), need_number=False)
    assert not any("หัวคอลัมน์" in n.th for n in meeting.notes)


def test_a_passage_holding_a_row_among_its_words_reads_its_cells():
    row = TableRow.of(["ลี้", "90"], ["อำเภอ", "ร้อยละ"])
    assert row.spans(5) == [(5, 8, "อำเภอ"), (9, 11, "ร้อยละ")]
    found, _ = find_quantities("ผลคือ ลี้ 90", cells=[(6, 9, "อำเภอ"), (10, 12, "ร้อยละ")])
    assert [(q.value, q.unit, q.entity, q.role) for q in found] == [(90, "%", "ลี้", "share")]


@given(st.integers(min_value=0, max_value=10**9), st.booleans())
def test_any_bare_number_in_a_cell_is_read_whole(value, thai_digits):
    written = f"{value:,}"
    if thai_digits:
        written = written.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    assert is_bare_number(written)
    text = f"ลี้ {written}"
    found, notes = cell_figures(text, [(0, 3, "อำเภอ"), (4, len(text), "ครัวเรือนเป้าหมาย")])
    assert [(q.value, q.unit, q.surface, q.span.start, q.span.end) for q in found] == [
        (value, "ครัวเรือน", written, 4, len(text))
    ]
    assert len(notes) == 1 and notes[0].kind == "inferred"


def test_a_rows_ratio_is_checked_and_a_wrong_one_fails():
    # 72 ÷ 96 = 75.00 % holds; 813 ÷ 1,084 = 75.00 % holds; a row stating 80.00 % instead fails, and stays
    meeting = parse_document(FORMS["docx"](), need_number=False)
    assert [(c.kind, c.operands, c.holds) for c in meeting.checks] == [
        ("ratio", (72, 96), True),
        ("ratio", (813, 1084), True),
    ]
    wrong = _piped().replace("| 813 | 75.00 |", "| 813 | 80.00 |")
    meeting = parse_document(read_bytes(wrong.encode(), "post.txt"), need_number=False)
    assert [(c.operands, c.total, c.holds) for c in meeting.checks] == [((72, 96), 75, True), ((813, 1084), 80, False)]
    assert meeting.checks[1].evidence == ("1,084", "813", "80.00")


def test_figures_side_by_side_in_prose_need_a_cue_for_a_ratio():
    text = "\n".join([TITLE, SENTENCE, "ด้านกองทุนหมู่บ้าน เป้าหมาย 96 กองทุน ส่งแล้ว 72 กองทุน ร้อยละ 75 ของกองทุนมีผลกำไร", ""])
    meeting = parse_document(read_bytes(text.encode(), "post.txt"), need_number=False)
    assert [c.kind for c in meeting.checks if c.kind == "ratio"] == []


# --- a budget table of items: งบประมาณ (บาท) | คงเหลือ (บาท) beside the directives, with sub-total rows ------------

BUDGET_TITLE = "สรุปงบประมาณและข้อสั่งการ การประชุมประจำเดือน ครั้งที่ 4/2566 สำนักงานพัฒนาชุมชนอำเภอแม่ทะ"
BUDGET_HEADS = ["กิจกรรม", "งบประมาณ (บาท)", "คงเหลือ (บาท)", "ข้อสั่งการ"]
BUDGET_ROWS = [
    ["อบรมอาชีพสตรี", "40,000", "10,000", "ให้ส่งรายงานผลภายใน 20 เม.ย. 66"],
    ["ศูนย์เรียนรู้ชุมชน", "25,000", "5,000", "-"],
    ["รวมกลุ่มที่ 1", "65,000", "15,000", ""],
    ["ลานค้าชุมชน", "30,000", "8,000", "ให้ประชาสัมพันธ์ลานค้าทุกหมู่บ้าน"],
    ["กองทุนแม่ของแผ่นดิน", "12,000", "2,000", "ให้ติดตามการชำระหนี้ของสมาชิก"],
    ["รวมกลุ่มที่ 2", "44,000", "10,000", ""],  # 30,000 + 12,000 = 42,000: written wrong
    ["รวมทั้งสิ้น", "109,000", "25,000", ""],
]


def _budget_dump() -> str:
    lines = [BUDGET_TITLE, "", SENTENCE, ""] + [f"\t{head}" for head in BUDGET_HEADS] + [""]
    for row in BUDGET_ROWS:
        lines += [(" \t" if i == 0 else "\t") + cell for i, cell in enumerate(row)]
    return "\n".join([*lines, "", CLOSE, ""])


def _budget_docx() -> bytes:
    import docx

    document = docx.Document()
    for text in (BUDGET_TITLE, SENTENCE):
        document.add_paragraph(text)
    table = document.add_table(rows=0, cols=len(BUDGET_HEADS))
    for row in [BUDGET_HEADS, *BUDGET_ROWS]:
        for cell, text in zip(table.add_row().cells, row):
            cell.text = text
    document.add_paragraph(CLOSE)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _budget_html() -> bytes:
    head = "".join(f"<th>{h}</th>" for h in BUDGET_HEADS)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in BUDGET_ROWS)
    return (
        f"<html><head><meta charset='utf-8'><title>{BUDGET_TITLE}</title></head><body><article>"
        f"<h1>{BUDGET_TITLE}</h1><p>{SENTENCE}</p><table><tr>{head}</tr>{body}</table><p>{CLOSE}</p>"
        "</article></body></html>"
    ).encode()


BUDGET_FORMS = {
    "tab dump": lambda: read_bytes(_budget_dump().encode(), "budget.txt"),
    "docx": lambda: read_bytes(_budget_docx(), "budget.docx"),
    "html": lambda: read_bytes(_budget_html(), "budget.html"),
}


@pytest.mark.parametrize("form", BUDGET_FORMS)
def test_a_budget_table_is_read_as_a_table_its_cells_in_baht(form):
    meeting = parse_document(BUDGET_FORMS[form](), need_number=False)
    assert meeting.source.layout == "table"
    # the sub-total and grand-total rows are no items; a dash asks nothing
    assert [item.topic for item in meeting.items] == [
        "อบรมอาชีพสตรี", "ศูนย์เรียนรู้ชุมชน", "ลานค้าชุมชน", "กองทุนแม่ของแผ่นดิน"
    ]  # fmt: skip
    assert [len(item.directives) for item in meeting.items] == [1, 0, 1, 1]
    figures = [(q.surface, q.value, q.unit) for p in meeting.passages for q in p.quantities if q.unit == "บาท"]
    written = [cell for row in BUDGET_ROWS for cell in row[1:3]]
    assert [s for s, _, _ in figures] == written
    assert all(unit == "บาท" and value == int(s.replace(",", "")) for s, value, unit in figures)
    for passage in meeting.passages:  # each figure's surface stands at its own span
        assert all(passage.text[q.span.start : q.span.end] == q.surface for q in passage.quantities)
    assert not any(p.text.startswith("รวม") and p.item is None for p in meeting.passages if p.quantities)


@pytest.mark.parametrize("form", BUDGET_FORMS)
def test_sub_totals_are_checked_and_the_one_that_does_not_add_up_fails(form):
    meeting = parse_document(BUDGET_FORMS[form](), need_number=False)
    sums = [(c.operands, c.total, c.holds) for c in meeting.checks if c.kind == "sum"]
    assert sums == [
        ((40000, 25000), 65000, True),
        ((10000, 5000), 15000, True),
        ((30000, 12000), 44000, False),
        ((8000, 2000), 10000, True),
        ((65000, 44000), 109000, True),  # the grand total adds the sub-totals as written
        ((15000, 10000), 25000, True),
    ]
    failing = next(c for c in meeting.checks if c.kind == "sum" and not c.holds)
    assert failing.statement == "30,000+12,000 = 42,000 บาท (ไม่ตรงกับที่ระบุ 44,000 บาท)"
    assert failing.labels == ("ลานค้าชุมชน", "กองทุนแม่ของแผ่นดิน")
    assert failing.evidence == ("44,000", "30,000", "12,000")
    assert any("รวมกลุ่มที่ 2" in n.message and "total" in n.message for n in meeting.notes)


def test_a_column_no_unit_names_keeps_its_cells_in_the_remarks():
    """A head that gives no unit (ผู้ประสาน) is no column of figures: the table reads as it did."""
    heads = ["ประเด็น", "ผู้ประสาน", "ข้อสั่งการ"]
    rows = [["OTOP", "นางสาวสุดา 081", "ให้รายงานผล"], ["กองทุน", "นายเอก", "ให้ส่งบัญชี"]]
    lines = [BUDGET_TITLE, "", *(f"\t{h}" for h in heads), ""]
    for row in rows:
        lines += [(" \t" if i == 0 else "\t") + cell for i, cell in enumerate(row)]
    meeting = parse_document(read_bytes("\n".join([*lines, ""]).encode(), "t.txt"), need_number=False)
    assert [(i.topic, i.remarks) for i in meeting.items] == [
        ("OTOP", "ผู้ประสาน: นางสาวสุดา 081"), ("กองทุน", "ผู้ประสาน: นายเอก")
    ]  # fmt: skip
    assert not [c for c in meeting.checks if c.kind == "sum"]
