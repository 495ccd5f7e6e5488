"""Documents of our own making, parsed back: the parser is not fitted to the sample.

Each generated meeting knows its items, directive counts, figures and dates;
hypothesis draws many of them, in every shape the renderers know.
"""

from __future__ import annotations

import random

import docgen
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cddbrief.meeting import parse_document
from cddbrief.sources import read_bytes

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _parse(data: bytes, name: str):
    return parse_document(read_bytes(data, name=name))


def _check(parsed, m: docgen.GenMeeting, thai: bool = False) -> None:
    assert (parsed.number, parsed.year_be) == (m.number, m.year_be)
    assert parsed.office == m.office
    assert parsed.district == m.district
    assert parsed.province == m.province
    got = [(i.no, i.inferred, i.topic, len(i.directives)) for i in parsed.items]
    want = docgen.expected_items(m)
    # an unwritten number is inferred, unless it is the first (nothing to infer from but the next)
    assert [(n, t, d) for n, _, t, d in got] == [(n, t, d) for n, _, t, d in want]
    assert [inf for _, inf, _, _ in got] == [inf for _, inf, _, _ in want]
    for item, gen in zip(parsed.items, m.items):
        for directive, sentence in zip(item.directives, gen.directives):
            assert directive.text == (sentence.text.translate(docgen.THAI) if thai else sentence.text)
            figures = sorted((float(q.value), q.unit) for q in directive.quantities)
            assert figures == sorted((float(v), u) for v, u in sentence.quantities), directive.text
            spans = [(s.start, s.end) for s in directive.dates]
            assert spans == sentence.dates, directive.text
    split = [i for i in m.items if i.split_after]
    merged = {n.item for n in parsed.notes if n.kind == "merged"}
    assert merged == {i.no for i in split}


seeds = st.integers(min_value=0, max_value=2**32 - 1)


@SETTINGS
@given(
    seed=seeds,
    thai=st.booleans(),
    style=st.sampled_from(["dot", "paren", "close"]),
    ends=st.sampled_from(["\n", "\r\n", "\r"]),
)
def test_text_dumps_parse_back(seed, thai, style, ends):
    m = docgen.meeting(random.Random(seed))
    text = docgen.render_dump(m, thai_digits=thai, style=style).replace("\n", ends)
    _check(_parse(text.encode("utf-8"), "gen.txt"), m, thai)


@SETTINGS
@given(seed=seeds, encoding=st.sampled_from(["utf-8-sig", "utf-16", "cp874", "utf-8"]))
def test_encodings_parse_the_same(seed, encoding):
    m = docgen.meeting(random.Random(seed))
    text = docgen.render_dump(m, debris=True)
    parsed = _parse(text.encode(encoding), "gen.txt")
    _check(parsed, m)
    assert (
        parsed.source.encoding
        == {"utf-8-sig": "utf-8-sig", "utf-16": "utf-16", "cp874": "cp874", "utf-8": "utf-8"}[encoding]
    )


@settings(max_examples=25, deadline=None)
@given(seed=seeds, auto=st.booleans())
def test_word_documents_parse_back(seed, auto):
    m = docgen.meeting(random.Random(seed))
    for item in m.items:
        item.split_after = None  # a Word table row is not split by a page break
    parsed = _parse(docgen.render_docx(m, auto_numbering=auto), "gen.docx")
    _check(parsed, m)
    assert parsed.source.format == "docx"


def test_thai_digits_throughout_keep_their_surface():
    m = docgen.meeting(random.Random(7), n_items=3)
    m.items[0].directives = [docgen.Sentence("จัดเก็บได้ 1,234 ครัวเรือน ภายในวันที่ 25 มี.ค. 62", [(1234, "ครัวเรือน")])]
    m.items[0].split_after = None
    m.year_be = 2562
    parsed = _parse(docgen.render_dump(m, thai_digits=True).encode(), "thai.txt")
    q = parsed.items[0].directives[0].quantities[0]
    assert (q.value, q.surface) == (1234, "๑,๒๓๔ ครัวเรือน")
    d = parsed.items[0].directives[0].dates[0]
    assert (d.start.isoformat(), d.surface) == ("2019-03-25", "๒๕ มี.ค. ๖๒")
    assert parsed.number == m.number


def test_word_vertical_merge_is_one_item():
    """A number and topic cell merged down two rows (a row over a page) read as one item."""
    import io

    import docx

    document = docx.Document()
    document.add_paragraph("สรุปการประชุม ครั้งที่ 3/2563")
    document.add_paragraph("สำนักงานพัฒนาชุมชนจังหวัดตาก")
    table = document.add_table(rows=3, cols=4)
    for cell, text in zip(table.rows[0].cells, ["ที่", "ประเด็น", "ข้อสั่งการ", "หมายเหตุ"]):
        cell.text = text
    table.cell(1, 0).merge(table.cell(2, 0)).text = "1"
    table.cell(1, 1).merge(table.cell(2, 1)).text = "OTOP"
    table.cell(1, 2).text = "1. ให้จังหวัดรายงาน 5 ผลิตภัณฑ์"
    table.cell(2, 2).text = "2. ให้อำเภอรายงาน 3 กลุ่ม"
    out = io.BytesIO()
    document.save(out)
    parsed = _parse(out.getvalue(), "merged.docx")
    assert [(i.no, i.topic, [d.text for d in i.directives]) for i in parsed.items] == [
        (1, "OTOP", ["ให้จังหวัดรายงาน 5 ผลิตภัณฑ์", "ให้อำเภอรายงาน 3 กลุ่ม"])
    ]
    assert (parsed.province, parsed.district, parsed.id) == ("ตาก", None, "2563-03")


@pytest.mark.parametrize("seed", range(5))
def test_rows_without_trailing_cells_still_split(seed):
    """A dump whose rows all have remarks (no empty-cell row ends) still splits into rows."""
    m = docgen.meeting(random.Random(seed), n_items=4)
    for item in m.items:
        item.remarks = "ผู้รับผิดชอบ กลุ่มงาน"
        item.write_number = True
        item.split_after = None
    _check(_parse(docgen.render_dump(m).encode(), "r.txt"), m)


def test_word_header_inside_the_table():
    """Title, number and office in merged rows at the top of the table, then the header row."""
    import io

    import docx

    document = docx.Document()
    table = document.add_table(rows=5, cols=4)
    table.cell(0, 0).merge(table.cell(0, 3)).text = "สรุปการประชุมกรมการพัฒนาชุมชน ผ่านระบบ TV พช. ครั้งที่ ๗/๒๕๖๓"
    table.cell(1, 0).merge(table.cell(1, 3)).text = "สำนักงานพัฒนาชุมชนอำเภอป่าซาง"
    for cell, text in zip(table.rows[2].cells, ["ที่", "ประเด็น", "ข้อสั่งการ", "หมายเหตุ"]):
        cell.text = text
    for r, (no, topic, directive) in enumerate(
        [("1", "กองทุนหมู่บ้าน", "ให้รายงาน 5 กองทุน"), ("2", "ผ้าไทย", "รณรงค์ใส่ผ้าไทย")], start=3
    ):
        for c, text in enumerate([no, topic, directive, ""]):
            table.cell(r, c).text = text
    out = io.BytesIO()
    document.save(out)
    parsed = _parse(out.getvalue(), "inside.docx")
    assert (parsed.id, parsed.office, parsed.province) == ("2563-07", "สำนักงานพัฒนาชุมชนอำเภอป่าซาง", "ลำพูน")
    assert [(i.no, i.topic, len(i.directives)) for i in parsed.items] == [(1, "กองทุนหมู่บ้าน", 1), (2, "ผ้าไทย", 1)]


def test_dump_header_inside_the_table():
    text = (
        "\tสรุปการประชุม TV พช. ครั้งที่ 3/2563\n\tสำนักงานพัฒนาชุมชนจังหวัดตาก\n\n\tที่\n\tประเด็น\n\tข้อสั่งการ\n\tหมายเหตุ\n\n"
        "\t1\n\tOTOP\n\tให้รายงาน 5 กลุ่ม\n\t\n\n"
    )
    parsed = _parse(text.encode(), "inside.txt")
    assert (parsed.id, parsed.office, parsed.province) == ("2563-03", "สำนักงานพัฒนาชุมชนจังหวัดตาก", "ตาก")
    assert [(i.no, i.topic) for i in parsed.items] == [(1, "OTOP")]
