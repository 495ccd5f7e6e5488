"""Word tables as offices make them: merged cells read once, tables inside cells read, not dropped."""

from __future__ import annotations

import io

import docx

from cddbrief.meeting import parse_document
from cddbrief.sources import read_bytes


def _document(build) -> bytes:
    document = docx.Document()
    document.add_paragraph("สรุปการประชุม ครั้งที่ 6/2565")
    document.add_paragraph("สำนักงานพัฒนาชุมชนอำเภอเถิน")
    table = document.add_table(rows=4, cols=4)
    for cell, text in zip(table.rows[0].cells, ["ที่", "ประเด็น", "ข้อสั่งการ", "หมายเหตุ"]):
        cell.text = text
    build(table)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _parse(data: bytes):
    return parse_document(read_bytes(data, "x.docx"))


def test_a_directive_merged_down_two_rows_is_counted_once():
    def build(table):
        for r, (no, topic) in enumerate([("1", "กองทุนหมู่บ้าน"), ("2", "ผ้าไทย"), ("3", "จปฐ.")], start=1):
            table.cell(r, 0).text, table.cell(r, 1).text = no, topic
        merged = table.cell(1, 2).merge(table.cell(2, 2))  # one directive cell for items 1 and 2
        merged.text = "1. ให้รายงานผล 12 กองทุน"
        table.cell(3, 2).text = "1. จัดเก็บ 250 ครัวเรือน"

    m = _parse(_document(build))
    figures = [(q.item, q.value) for _, d in m.directives() for q in d.quantities]
    assert figures == [(1, 12), (3, 250)]  # not (2, 12) as well
    assert [len(i.directives) for i in m.items] == [1, 0, 1]
    assert any(n.kind == "merged" and "merged table cells were read once" in n.message for n in m.notes)


def test_a_topic_merged_across_split_rows_is_one_item():
    def build(table):
        topic = table.cell(1, 1).merge(table.cell(2, 1))
        topic.text = "โครงการโคก หนอง นา"
        table.cell(1, 0).text = "1"
        table.cell(1, 2).text = "1. ให้อำเภอตรวจ 35 แปลง"
        table.cell(2, 2).text = "2. ให้รายงานภายใน 20 ก.ค. 65"
        table.cell(3, 0).text, table.cell(3, 1).text, table.cell(3, 2).text = "2", "ผ้าไทย", "1. ส่งเสริม 3 กลุ่ม"

    m = _parse(_document(build))
    assert [(i.no, i.topic, len(i.directives)) for i in m.items] == [(1, "โครงการโคก หนอง นา", 2), (2, "ผ้าไทย", 1)]


def test_a_table_inside_a_cell_is_read_not_dropped():
    def build(table):
        table.cell(1, 0).text, table.cell(1, 1).text = "1", "การเบิกจ่ายงบประมาณ"
        cell = table.cell(1, 2)
        cell.text = "1. ให้เร่งรัดการเบิกจ่าย ดังนี้"
        inner = cell.add_table(rows=2, cols=2)
        inner.cell(0, 0).text, inner.cell(0, 1).text = "งบลงทุน", "1,500,000 บาท"
        inner.cell(1, 0).text, inner.cell(1, 1).text = "งบดำเนินงาน", "320,000 บาท"

    m = _parse(_document(build))
    values = sorted(q.value for _, d in m.directives() for q in d.quantities)
    assert values == [320000, 1500000]
    assert any("tables inside table cells were read" in n.message for n in m.notes)
