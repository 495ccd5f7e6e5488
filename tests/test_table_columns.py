"""A table's columns read by their heads, in any order: who is responsible becomes the directives'
actors, the deadline one of their dates (with the cell's own text), progress is reported, and a
column no word names is kept in the remarks under its head, with a note, never lost.

The tables are invented here (3 to 6 columns, in different orders) and written as a Word text dump
(tab-led cells), a .docx (python-docx) and a web page, then read back.
"""

from __future__ import annotations

import io
import sys
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cddbrief.layout import EXTRA, header_columns, layout_text
from cddbrief.meeting import parse_document
from cddbrief.sources import read_bytes
from cddbrief.tidy import actors

HEAD = ["บันทึกการประชุมประจำเดือน ครั้งที่ 3/2567", "สำนักงานพัฒนาชุมชนอำเภอนาโพธิ์ จังหวัดบุรีรัมย์"]

# three rows, each cell by the role of its column
ROWS = [
    {
        "no": "1",
        "topic": "กองทุนพัฒนาบทบาทสตรี",
        "directives": "1. ให้ตรวจสอบสัญญาเงินกู้ 12 สัญญา\n2. ให้แจ้งผลแก่คณะกรรมการ",
        "responsible": "พัฒนากรประจำตำบล / ปลัดอำเภอ",
        "due": "ภายใน 20 ก.พ. 67",
        "progress": "ตรวจแล้ว 5 สัญญา",
        "budget": "",
        "remarks": "",
    },
    {
        "no": "2",
        "topic": "ศูนย์เรียนรู้เศรษฐกิจพอเพียง",
        "directives": "ให้จัดเวทีประชาคม 3 ตำบล",
        "responsible": "กลุ่มงานส่งเสริม",
        "due": "31/03/2567",
        "progress": "",
        "budget": "15,000 บาท",
        "remarks": "ต่อเนื่อง",
    },
    {
        "no": "3",
        "topic": "การออมทรัพย์",
        "directives": "- ให้เร่งรัดการระดมเงินออม\n- ระดมเงินออมได้แล้ว 450,000 บาท",
        "responsible": "ทุกตำบล",
        "due": "ภายในเดือนเมษายน 2567",
        "progress": "",
        "budget": "",
        "remarks": "",
    },
]

# each table: its heads as written and the role of each
TABLES = {
    "3 columns, no number": (["ประเด็น", "ข้อสั่งการ", "ผู้รับผิดชอบ"], ["topic", "directives", "responsible"]),
    "4 columns, deadline first": (["ที่", "ประเด็น", "กำหนดแล้วเสร็จ", "ข้อสั่งการ"], ["no", "topic", "due", "directives"]),
    "5 columns": (
        ["ที่", "ประเด็น", "ข้อสั่งการ", "ผู้รับผิดชอบ", "ระยะเวลา"],
        ["no", "topic", "directives", "responsible", "due"],
    ),
    "4 columns of results and orders, งาน first": (
        ["งาน", "ผลการดำเนินงาน", "ข้อสั่งการ", "ผู้รับผิดชอบ"],
        ["topic", "progress", "directives", "responsible"],
    ),
    "6 columns, responsible before directives": (
        ["ลำดับ", "เรื่อง", "ผู้รับผิดชอบ", "ข้อสั่งการ", "ผลการดำเนินงาน", "กำหนดเสร็จ"],
        ["no", "topic", "responsible", "directives", "progress", "due"],
    ),
}

DUE = [("20 ก.พ. 67", date(2024, 2, 20)), ("31/03/2567", date(2024, 3, 31)), ("เดือนเมษายน 2567", date(2024, 4, 1))]
WHO = [["พัฒนากรประจำตำบล", "ปลัดอำเภอ"], ["กลุ่มงานส่งเสริม"], ["ทุกตำบล"]]


def _cells(heads: list[str], roles: list[str]) -> list[list[str]]:
    return [heads] + [[row[role] for role in roles] for row in ROWS]


def dump(heads: list[str], roles: list[str]) -> bytes:
    """A Word table as its text dump: a cell per tab-led line, a row after the first led by a space."""
    header, *rows = _cells(heads, roles)
    lines = HEAD + [""] + ["\t" + c for c in header] + [""]
    for n, row in enumerate(rows):
        lines += [(" \t" if n else "\t") + row[0]] + ["\t" + c for c in row[1:]] + [""]
    return ("\n".join(lines) + "\n").encode("utf-8")


def word(heads: list[str], roles: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for line in HEAD:
        document.add_paragraph(line)
    cells = _cells(heads, roles)
    table = document.add_table(rows=len(cells), cols=len(heads))
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            table.rows[r].cells[c].text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def page(heads: list[str], roles: list[str]) -> bytes:
    header, *rows = _cells(heads, roles)
    row_html = lambda row, tag: "".join(f"<{tag}>{c.replace(chr(10), '<br>')}</{tag}>" for c in row)  # noqa: E731
    body = "".join(f"<p>{line}</p>" for line in HEAD)
    body += f"<table><tr>{row_html(header, 'th')}</tr>" + "".join(f"<tr>{row_html(r, 'td')}</tr>" for r in rows)
    return f"<!doctype html><html><head><meta charset='utf-8'></head><body>{body}</table></body></html>".encode()


FORMS = {"txt": dump, "docx": word, "html": page}


def read(form: str, heads: list[str], roles: list[str]):
    return parse_document(read_bytes(FORMS[form](heads, roles), f"table.{form}"))


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("table", TABLES)
def test_each_column_keeps_its_meaning_in_any_order(form, table):
    heads, roles = TABLES[table]
    m = read(form, heads, roles)
    assert m.source.layout == "table" and m.id == "2567-03"
    assert [i.topic for i in m.items] == [r["topic"] for r in ROWS] and [i.no for i in m.items] == [1, 2, 3]
    assert not any("no header row" in n.message for n in m.notes)  # the header row was read, not assumed
    # the bulleted line that tells of money already raised is reported; the numbered ones are all directives
    assert [len(i.directives) for i in m.items] == [2, 1, 1]
    reported = [p for p in m.passages if p.kind == "reported"]
    assert [(p.item, p.text) for p in reported][-1] == (3, "ระดมเงินออมได้แล้ว 450,000 บาท")
    assert [q.value for p in reported for q in p.quantities][-1] == 450000
    for item, who, (surface, day) in zip(m.items, WHO, DUE):
        for directive in item.directives:
            if "responsible" in roles:  # the responsible party is the directive's actor, first
                assert actors(directive.text)[: len(who)] == who
            dated = [(s.surface, s.start, s.context) for s in directive.dates]
            if "due" in roles:  # the deadline is a date of every directive of its row, with its own text
                assert dated == [(surface, day, "asked")]
            else:
                assert dated == []
    if "progress" in roles:
        assert (1, "ตรวจแล้ว 5 สัญญา") in [(p.item, p.text) for p in reported]
    assert [i.remarks for i in m.items] == ["", "", ""]  # no remarks column here: nothing was put in remarks


def test_a_deadline_from_its_column_is_what_its_row_asks_not_the_column_head():
    """The brief's deadlines say what is due by the day a deadline column gives: the row's sentence,
    never the words the column was written after (ผู้รับผิดชอบ: …; กำหนดเสร็จ)."""
    from cddbrief.actions import actions

    m = read("txt", *TABLES["6 columns, responsible before directives"])
    said = [action for item in m.items for d in item.directives for action in actions(d).values()]
    assert said == [
        "ให้ตรวจสอบสัญญาเงินกู้ 12 สัญญา",
        "ให้แจ้งผลแก่คณะกรรมการ",
        "ให้จัดเวทีประชาคม 3 ตำบล",
        "ให้เร่งรัดการระดมเงินออม",
    ]


@pytest.mark.parametrize("form", FORMS)
def test_a_column_no_word_names_is_kept_in_the_remarks_with_a_note(form):
    heads, roles = ["ที่", "ประเด็น", "ข้อสั่งการ", "งบประมาณ", "หมายเหตุ"], ["no", "topic", "directives", "budget", "remarks"]
    m = read(form, heads, roles)
    assert m.source.layout == "table" and [i.topic for i in m.items] == [r["topic"] for r in ROWS]
    assert [i.remarks for i in m.items] == ["", "ต่อเนื่อง / งบประมาณ: 15,000 บาท", ""]
    (said,) = [n for n in m.notes if "'งบประมาณ' is not one cddbrief knows" in n.message]
    assert said.kind == "merged" and "งบประมาณ" in said.th
    # the kept cell's figure is read, in its remarks
    assert [q.value for p in m.passages if p.kind == "remarks" for q in p.quantities] == [15000]


def test_a_row_with_a_deadline_and_nothing_asked_keeps_who_and_when_in_its_remarks():
    rows = ["ที่", "ประเด็น", "ข้อสั่งการ", "ผู้รับผิดชอบ", "กำหนดเสร็จ"]
    text = "\n".join([*HEAD, "", *("\t" + c for c in rows), "", "\t1", "\tผ้าไทย", "\t- ดำเนินการแล้วเสร็จ", "\tพช.อ."])
    text += "\n\t30 เม.ย. 67\n\n"
    m = parse_document(read_bytes(text.encode(), "x.txt"))
    (item,) = m.items
    assert item.directives == [] and item.remarks == "ผู้รับผิดชอบ: พช.อ. / กำหนดเสร็จ: 30 เม.ย. 67"
    (due,) = [s for p in m.passages if p.kind == "remarks" for s in p.dates]
    assert (due.surface, due.start, due.context) == ("30 เม.ย. 67", date(2024, 4, 30), "asked")


def test_a_data_row_is_no_header_row():
    assert header_columns(["1", "กองทุน", "ให้รายงาน", "อำเภอ"]) is None  # a number first: data
    assert header_columns(["ประเด็น", "งบประมาณ", "เป้าหมาย", "ข้อสั่งการ"]) is None  # unknown heads outnumber
    assert header_columns(["ที่", "ประเด็น", "ให้รายงานผล 12 กองทุน"]) is None  # no directives column


def test_a_trailing_cell_no_word_names_in_a_numberless_dump_is_data_not_a_head():
    text = "\tประเด็น\n\tข้อสั่งการ\n\n\tผ้าไทย\n\tให้แต่งกาย\n\n \tOTOP\n\tให้รายงาน\n\n"
    lay = layout_text(text)
    assert lay.columns == ["topic", "directives"] and lay.rows == [["ผ้าไทย", "ให้แต่งกาย"], ["OTOP", "ให้รายงาน"]]


ROLE_HEADS = {"responsible": "ผู้รับผิดชอบ", "due": "กำหนดเสร็จ", "remarks": "หมายเหตุ", "budget": "งบประมาณ"}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.permutations(["directives", "responsible", "due", "remarks", "budget"]))
def test_any_order_of_columns_reads_the_same(order):
    """Whatever the order of the columns after ที่ | ประเด็น, every cell lands by its head."""
    roles = ["no", "topic", *order]
    heads = ["ที่", "ประเด็น", *("ข้อสั่งการ" if r == "directives" else ROLE_HEADS[r] for r in order)]
    lay = layout_text(dump(heads, roles).decode())
    assert lay.columns == [EXTRA if r == "budget" else r for r in roles] and lay.heads == heads
    m = read("txt", heads, roles)
    assert [len(i.directives) for i in m.items] == [2, 1, 1]
    assert [[s.surface for d in i.directives for s in d.dates] for i in m.items] == [
        ["20 ก.พ. 67"] * 2,
        ["31/03/2567"],
        ["เดือนเมษายน 2567"],
    ]
    assert m.items[1].remarks == "ต่อเนื่อง / งบประมาณ: 15,000 บาท"


SUB_NUMBERED = [
    {"no": "๑", "topic": "กลุ่มอาชีพ", "directives": "๑.๑ ให้อำเภอคัดเลือกกลุ่มต้นแบบ 2 กลุ่ม\n๑.๒ ให้ส่งรายชื่อถึงจังหวัด"},
    {"no": "๒", "topic": "กองทุนชุมชน", "directives": "๒.๑ ให้ติดตามหนี้ค้างชำระ\n๒.๓ ให้รายงานทุกเดือน"},
    {"no": "๓", "topic": "ตลาดนัดชุมชน", "directives": "ให้สรุปผลการจัดตลาด\n3.1 ตามแบบที่จังหวัดกำหนด\n3.2 ทุกเดือน"},
]


@pytest.mark.parametrize("form", FORMS)
def test_sub_numbered_lines_in_a_cell_are_one_directive_each(form, monkeypatch):
    """``๑.๑ ให้…`` then ``๑.๒ ให้…`` in the directives' cell of row ๑: two directives labelled ๑.๑ and ๑.๒; sub-numbers
    that do not follow on (๒.๑ then ๒.๓), or that come after the cell's own text, leave the cell one directive."""
    monkeypatch.setattr(sys.modules[__name__], "ROWS", SUB_NUMBERED)
    meeting = read(form, ["ที่", "ประเด็น", "ข้อสั่งการ"], ["no", "topic", "directives"])
    said = [[(d.label, d.text) for d in item.directives] for item in meeting.items]
    assert said == [
        [("๑.๑", "ให้อำเภอคัดเลือกกลุ่มต้นแบบ 2 กลุ่ม"), ("๑.๒", "ให้ส่งรายชื่อถึงจังหวัด")],
        [(None, "๒.๑ ให้ติดตามหนี้ค้างชำระ ๒.๓ ให้รายงานทุกเดือน")],
        [(None, "ให้สรุปผลการจัดตลาด 3.1 ตามแบบที่จังหวัดกำหนด 3.2 ทุกเดือน")],
    ]
    figures = [(q.value, q.unit) for _, h in meeting.holders() for q in h.quantities]
    assert (2, "กลุ่ม") in figures and all(value not in (1.1, 1.2, 2.1, 2.3, 3.1, 3.2) for value, _ in figures)
