"""A table's columns read by their heads, in any order: who is responsible is each directive's
``responsible`` (its actors, first), the deadline its ``due`` and one of its dates (with the cell's own
text, the date's span in it), progress is reported, and a column no word names is kept in the remarks
under its head, with a note, never lost. A directive's text is its sentence as the cell writes it.

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
from cddbrief.model import said_in
from cddbrief.readers.points import split_directives
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
    for item, row, who, (surface, day) in zip(m.items, ROWS, WHO, DUE):
        sentences = [text for _, text in split_directives(row["directives"])]
        assert [d.text for d in item.directives] == sentences[: len(item.directives)]  # as written, nothing added
        for directive in item.directives:
            if "responsible" in roles:  # the responsible party is the directive's, and its actor, first
                assert directive.responsible == row["responsible"]
                assert actors(directive.text, directive.responsible)[: len(who)] == who
            else:
                assert directive.responsible is None
            dated = [(s.surface, s.start, s.context, s.cell, s.span.of(said_in(directive, s))) for s in directive.dates]
            if "due" in roles:  # the deadline is a date of every directive of its row, its span in the cell's text
                assert directive.due == row["due"]
                assert dated == [(surface, day, "asked", "due", surface)]
            else:
                assert directive.due is None and dated == []
    if "progress" in roles:
        assert (1, "ตรวจแล้ว 5 สัญญา") in [(p.item, p.text) for p in reported]
    assert [i.remarks for i in m.items] == ["", "", ""]  # no remarks column here: nothing was put in remarks


def test_a_deadline_from_its_column_is_what_its_row_asks_not_the_column_head():
    """The brief's deadlines say what is due by the day a deadline column gives: the row's whole sentence,
    never the column's head or the words of its cell (ภายใน …)."""
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


# --- who and by when are the directive's own fields: in the JSON, the frames, the brief, the register --------------

DUE_TABLE = (["ที่", "ประเด็น", "ข้อสั่งการ", "ผู้รับผิดชอบ", "กำหนดเสร็จ"], ["no", "topic", "directives", "responsible", "due"])


@pytest.mark.parametrize("form", FORMS)
def test_responsible_and_due_are_fields_of_each_directive_and_of_its_json(form):
    """Each directive's text is its cell's sentence as written; the row's ผู้รับผิดชอบ and กำหนดเสร็จ are its
    ``responsible`` and ``due``, the deadline a date of it whose surface and span are the cell's own text."""
    from cddbrief.model import Meeting

    m = read(form, *DUE_TABLE)
    written = [(d.text, d.responsible, d.due) for item in m.items for d in item.directives]
    assert written == [
        ("ให้ตรวจสอบสัญญาเงินกู้ 12 สัญญา", "พัฒนากรประจำตำบล / ปลัดอำเภอ", "ภายใน 20 ก.พ. 67"),
        ("ให้แจ้งผลแก่คณะกรรมการ", "พัฒนากรประจำตำบล / ปลัดอำเภอ", "ภายใน 20 ก.พ. 67"),
        ("ให้จัดเวทีประชาคม 3 ตำบล", "กลุ่มงานส่งเสริม", "31/03/2567"),
        ("ให้เร่งรัดการระดมเงินออม", "ทุกตำบล", "ภายในเดือนเมษายน 2567"),
    ]
    assert not any("(" in text or "ผู้รับผิดชอบ" in text for text, _, _ in written)
    # every figure's span gives its surface in the directive's text, every date's in the text it says (the cell)
    for _, d in m.directives():
        assert all(q.span.of(d.text) == q.surface for q in d.quantities)
        assert [(s.cell, s.span.of(said_in(d, s))) for s in d.dates] == [("due", s.surface) for s in d.dates]
    # the reading says how two directives came to share their row's cells; nothing says the cells were appended
    assert [n.kind for n in m.notes if "share their row's" in n.message] == ["inferred"]
    assert not any("written after each directive" in n.message for n in m.notes)

    data = m.to_dict()
    first = data["items"][0]["directives"][0]
    assert first == {"no": 1, "label": "1.", "text": "ให้ตรวจสอบสัญญาเงินกู้ 12 สัญญา",
                     "responsible": "พัฒนากรประจำตำบล / ปลัดอำเภอ", "due": "ภายใน 20 ก.พ. 67"}  # fmt: skip
    due = data["dates"][0]
    assert (due["directive"], due["surface"], due["span"], due["cell"], due["start"]) == (
        1, "20 ก.พ. 67", [6, 16], "due", "2024-02-20"
    )  # fmt: skip
    assert first["due"][due["span"][0] : due["span"][1]] == due["surface"]  # the span indexes the cell it names
    assert Meeting.from_dict(data) == m


def test_a_table_without_such_columns_writes_no_new_keys():
    """A table with no responsible or deadline column reads as before: no ``responsible``, ``due`` or ``cell``
    key anywhere in its JSON (tests/test_json_interface.py holds whole documents)."""
    m = read("txt", ["ที่", "ประเด็น", "ข้อสั่งการ"], ["no", "topic", "directives"])
    data = m.to_dict()
    keys = {k for item in data["items"] for d in item["directives"] for k in d}
    assert keys == {"no", "label", "text"}
    assert not any("cell" in record for name in ("dates", "recurrences") for record in data[name])
    assert all(d.responsible is None and d.due is None for _, d in m.directives())


def test_the_brief_the_frames_and_the_calendar_read_who_and_by_when_from_the_fields(tmp_path):
    from cddbrief.brief import Brief
    from cddbrief.exports import export
    from cddbrief.tidy import frame_records

    m = read("docx", *DUE_TABLE)
    brief = Brief(m, as_of="2024-02-01")
    rows = [(r["what"], r["who"], r["surface"], r["first"]) for r in brief.deadlines()]
    assert rows == [
        ("ให้ตรวจสอบสัญญาเงินกู้ 12 สัญญา", "พัฒนากรประจำตำบล, ปลัดอำเภอ", "20 ก.พ. 67", date(2024, 2, 20)),
        ("ให้แจ้งผลแก่คณะกรรมการ", "พัฒนากรประจำตำบล, ปลัดอำเภอ", "20 ก.พ. 67", date(2024, 2, 20)),
        ("ให้จัดเวทีประชาคม 3 ตำบล", "กลุ่มงานส่งเสริม", "31/03/2567", date(2024, 3, 31)),
        ("ให้เร่งรัดการระดมเงินออม", "ทุกตำบล", "เดือนเมษายน 2567", date(2024, 4, 1)),
    ]
    shown = brief.section("directives")
    assert "ให้จัดเวทีประชาคม 3 ตำบล<br><small" in shown and "ผู้รับผิดชอบ: กลุ่มงานส่งเสริม · กำหนดเสร็จ: 31/03/2567" in shown

    records = frame_records(m)
    assert [r["actors"] for r in records["directives"]][2:] == ["กลุ่มงานส่งเสริม", "ทุกตำบล"]
    assert [(r["responsible"], r["due"]) for r in records["directives"]][2:] == [
        ("กลุ่มงานส่งเสริม", "31/03/2567"),
        ("ทุกตำบล", "ภายในเดือนเมษายน 2567"),
    ]  # the sheet of directives keeps the cells as written
    assert [(r["surface"], r["sentence"], r["cell"]) for r in records["dates"]][2:] == [
        ("31/03/2567", "31/03/2567", "due"),
        ("เดือนเมษายน 2567", "ภายในเดือนเมษายน 2567", "due"),
    ]  # a deadline's sentence is the cell it was written in, and says so

    (ics,) = export(m, "ics", tmp_path, as_of="2024-02-01")
    calendar = ics.read_bytes().decode("utf-8").replace("\r\n ", "")
    assert "SUMMARY:ศูนย์เรียนรู้เศรษฐกิจพอเพียง: ให้จัดเวทีประชาคม 3 ตำบล" in calendar
    assert "ผู้รับผิดชอบ: กลุ่มงานส่งเสริม" in calendar


def test_the_register_follows_a_deadline_from_its_column_with_the_cell_as_its_evidence():
    from cddbrief import register

    m = read("html", *DUE_TABLE)
    reg = register.build([("2567-03", m.office, m)], "2024-02-10")
    rows = {r["what"]: r for r in reg.rows()}
    row = rows["ให้จัดเวทีประชาคม 3 ตำบล"]
    assert (row["who"], row["surface"], row["due"], row["text"]) == (
        "กลุ่มงานส่งเสริม", "31/03/2567", "31/03/2567", "ให้จัดเวทีประชาคม 3 ตำบล"
    )  # fmt: skip
    assert (row["start"], row["status"]) == (date(2024, 3, 31), "upcoming")
    first = rows["ให้ตรวจสอบสัญญาเงินกู้ 12 สัญญา"]
    assert first["due"][first["span_start"] : first["span_end"]] == first["surface"] == "20 ก.พ. 67"
    assert first["status"] == "due" and first["who"] == "พัฒนากรประจำตำบล, ปลัดอำเภอ"
    (shown,) = [r for r in register.page_rows(reg) if r["what"] == "ให้ตรวจสอบสัญญาเงินกู้ 12 สัญญา"]
    marked = "ให้ตรวจสอบสัญญาเงินกู้ 12 สัญญา <small>(กำหนดเสร็จ: ภายใน <mark>20 ก.พ. 67</mark>)</small>"
    assert str(shown["evidence"]) == marked  # the date marked in the cell it was written in
    assert "due" in register.FRAME_COLUMNS and reg.frame()["due"].tolist()[:1] == [reg.rows()[0]["due"]]


def test_a_monthly_or_unplaced_deadline_cell_is_an_action_of_its_directive(monkeypatch):
    """A deadline cell that says every month (ทุกวันที่ 25 ของเดือน) is the directive's recurrence, one it cannot place
    (ภายในวันที่ 25 ของเดือนถัดไป) an action with no date: both marked in their cell, never in the sentence."""
    from cddbrief import register
    from cddbrief.model import Meeting

    rows = [dict(ROWS[1], due="ทุกวันที่ 25 ของเดือน"), dict(ROWS[2], due="ภายในวันที่ 25 ของเดือนถัดไป")]
    monkeypatch.setattr(sys.modules[__name__], "ROWS", rows)
    m = read("txt", *DUE_TABLE)
    (monthly,), (unplaced,) = (item.directives for item in m.items)
    assert [(r.surface, r.day, r.cell) for r in monthly.recurrences] == [("ทุกวันที่ 25 ของเดือน", 25, "due")]
    assert (unplaced.text, unplaced.dates, unplaced.recurrences) == ("ให้เร่งรัดการระดมเงินออม", [], [])
    assert Meeting.from_dict(m.to_dict()) == m
    reg = register.build([("k", m.office, m)], "2024-02-10")
    shown = {r["kind"]: str(r["evidence"]) for r in register.page_rows(reg)}
    assert shown == {
        "monthly": "ให้จัดเวทีประชาคม 3 ตำบล <small>(กำหนดเสร็จ: <mark>ทุกวันที่ 25 ของเดือน</mark>)</small>",
        "no date": "ให้เร่งรัดการระดมเงินออม <small>(กำหนดเสร็จ: <mark>ภายในวันที่ 25 ของเดือนถัดไป</mark>)</small>",
    }


def test_a_person_named_in_a_responsible_cell_is_found_by_the_site_search(monkeypatch):
    from cddbrief.site import meeting_sentences
    from cddbrief.tidy import frame_records

    monkeypatch.setattr(sys.modules[__name__], "ROWS", [dict(ROWS[1], responsible="นางสาวดวงใจ มีสุข / ปลัดอำเภอ")])
    m = read("docx", *DUE_TABLE)
    assert ("person", "นางสาวดวงใจ มีสุข") in meeting_sentences(frame_records(m))
    assert ("directive", "ให้จัดเวทีประชาคม 3 ตำบล") in meeting_sentences(frame_records(m))


_LETTERED = (
    "สรุปข้อสั่งการ การประชุมประจำเดือนมีนาคม 2568 สำนักงานพัฒนาชุมชนอำเภอหนองบัว\n\n"
    "\tลำดับ\n\tเรื่อง\n\tการดำเนินการ/ข้อสั่งการ\n\tผู้รับผิดชอบ\n\n"
    "\tก\n\tผลการจัดเก็บข้อมูล\n\tเพื่อทราบ จัดเก็บแล้วร้อยละ 87.25 ไม่มีข้อสั่งการ\n\tฝ่ายข้อมูล\n"
    " \tข\n\tกลุ่มออมทรัพย์\n\tให้ทุกตำบลตรวจบัญชีกลุ่ม 24 กลุ่ม\n\tพัฒนากรทุกคน\n"
)


def test_rows_lettered_in_thai_keep_their_cells_and_an_information_row_asks_nothing():
    m = parse_document(read_bytes(_LETTERED.encode("utf-8"), "lettered.txt"))
    assert m.source.layout == "table"
    assert [i.topic for i in m.items] == ["ผลการจัดเก็บข้อมูล", "กลุ่มออมทรัพย์"]
    assert [len(i.directives) for i in m.items] == [0, 1]
    assert m.items[1].directives[0].responsible == "พัฒนากรทุกคน"
    assert any(p.kind == "reported" and "87.25" in p.text for p in m.passages)
