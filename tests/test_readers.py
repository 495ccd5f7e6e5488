"""The layout readers and the header: what each layout gives, and what must never be misread.

Documents here are written for the test (never the sample): a prose post, minutes by
agenda, tab-indented prose, a numbered list of people, a post that fits no layout.
"""

from __future__ import annotations

from datetime import date

import pytest

from cddbrief.errors import CddbriefError
from cddbrief.header import find_meeting_ref, read_header
from cddbrief.meeting import parse_document
from cddbrief.readers import read_layout
from cddbrief.sources import read_bytes
from cddbrief.tidy import actors

POST = """สพจ.ตาก ร่วมประชุมกรมการพัฒนาชุมชน ครั้งที่ 3/2565 ผ่านระบบ Video Conference
เมื่อวันพฤหัสบดีที่ 17 มีนาคม 2565 เวลา 09.30 น. ณ ห้องประชุมศาลากลางจังหวัดตาก โดยมีรองอธิบดีกรมการพัฒนาชุมชนเป็นประธาน มีข้อสั่งการ ดังนี้
1. กองทุนแม่ของแผ่นดิน: ให้จังหวัดรายงานผล 14 กองทุน ภายในวันที่ 31 มี.ค. 65
2. การขับเคลื่อนเศรษฐกิจฐานราก ขอให้อำเภอดำเนินการ ดังนี้
2.1 สำรวจครัวเรือน 1,250 ครัวเรือน
2.2 จัดเวทีประชาคม 9 ตำบล
3. ผ้าไทยใส่ให้สนุก กำชับให้แต่งกายผ้าไทยทุกวันอังคาร
#ตากเมืองแห่งความสุข
"""

MINUTES = """รายงานการประชุมข้าราชการและเจ้าหน้าที่ สำนักงานพัฒนาชุมชนอำเภอบ้านตาก ครั้งที่ 2/2566
วันจันทร์ ที่ 6 กุมภาพันธ์ 2566 ณ ห้องประชุมอำเภอบ้านตาก
ผู้มาประชุม
1. นายวีระ ทองดี พัฒนาการอำเภอบ้านตาก ประธาน
2. นางมาลี ศรีสุข นักวิชาการพัฒนาชุมชน
ระเบียบวาระที่ 1 เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ
1.1 ให้ทุกตำบลส่งรายงาน 5 ฉบับ ภายใน 15 ก.พ. 66
1.2 เตรียมงานวันสตรีสากล
มติที่ประชุม รับทราบ
ระเบียบวาระที่ 2 รับรองรายงานการประชุมครั้งที่ 1/2566
มติที่ประชุม
รับรองรายงานการประชุมโดยไม่มีการแก้ไข
ระเบียบวาระที่ 3 เรื่องอื่น ๆ
- ไม่มี -
ปิดประชุมเวลา 11.30 น.
(นางมาลี ศรีสุข) ผู้จดรายงานการประชุม
"""


def parse(text: str, name: str = "x.txt"):
    return parse_document(read_bytes(text.encode("utf-8"), name))


def test_a_prose_post_reads_as_points_with_topics_and_sub_points():
    m = parse(POST)
    assert m.source.layout == "prose"
    assert (m.id, m.meeting_date, m.office, m.province) == (
        "2565-03",
        date(2022, 3, 17),
        "สำนักงานพัฒนาชุมชนจังหวัดตาก",
        "ตาก",
    )
    assert m.chair == "รองอธิบดีกรมการพัฒนาชุมชน" and m.place == "ห้องประชุมศาลากลางจังหวัดตาก"
    assert [(i.no, i.topic) for i in m.items] == [
        (1, "กองทุนแม่ของแผ่นดิน"),
        (2, "การขับเคลื่อนเศรษฐกิจฐานราก"),
        (3, "ผ้าไทยใส่ให้สนุก"),
    ]
    assert [(d.label, d.text) for d in m.items[1].directives] == [
        ("2.1", "สำรวจครัวเรือน 1,250 ครัวเรือน"),
        ("2.2", "จัดเวทีประชาคม 9 ตำบล"),
    ]
    assert m.items[2].directives[0].text == "กำชับให้แต่งกายผ้าไทยทุกวันอังคาร"
    assert [(q.value, q.unit) for _, d in m.directives() for q in d.quantities] == [
        (14, "กองทุน"),
        (1250, "ครัวเรือน"),
        (9, "ตำบล"),
    ]
    assert any(n.kind == "skipped" and "#ตาก" in n.message for n in m.notes)  # the hashtag line is no directive
    assert any(n.kind == "inferred" and "สพจ.ตาก" in n.message for n in m.notes)  # the office was written out


def test_points_run_together_in_one_line_are_split():
    text = (
        "สพอ.แม่สอด ประชุมประจำเดือน ครั้งที่ 5/2565 สรุปสาระสำคัญ ดังนี้ "
        "1)กองทุนหมู่บ้าน ให้รายงาน 12 กองทุน 2)การเบิกจ่าย ให้เร่งรัด 3)อื่น ๆ ให้ประสานงาน"
    )
    m = parse(text)
    assert m.source.layout == "prose" and [i.topic for i in m.items] == ["กองทุนหมู่บ้าน", "การเบิกจ่าย", "อื่น ๆ"]


def test_minutes_read_by_agenda_with_resolutions():
    m = parse(MINUTES)
    assert m.source.layout == "minutes"
    assert (m.id, m.meeting_date, m.office, m.district) == (
        "2566-02",
        date(2023, 2, 6),
        "สำนักงานพัฒนาชุมชนอำเภอบ้านตาก",
        "บ้านตาก",
    )
    assert m.chair == "นายวีระ ทองดี พัฒนาการอำเภอบ้านตาก"
    assert [(i.no, i.topic, len(i.directives), i.resolution) for i in m.items] == [
        (1, "เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ", 2, "รับทราบ"),
        (2, "รับรองรายงานการประชุมครั้งที่ 1/2566", 0, "รับรองรายงานการประชุมโดยไม่มีการแก้ไข"),
        (3, "เรื่องอื่น ๆ", 0, ""),
    ]
    assert any("after the close" in n.message for n in m.notes)  # the signature is not read
    payload = m.to_dict()
    assert payload["source"]["layout"] == "minutes" and payload["items"][0]["resolution"] == "รับทราบ"
    assert payload["meeting"]["chair"] == m.chair


def test_the_attendee_list_is_never_the_points():
    text = POST.replace(
        "มีข้อสั่งการ ดังนี้", "ผู้เข้าร่วมประชุม\n1. นายสมชาย ใจดี พัฒนาการจังหวัด\n2. นางสาวสุดา ดีใจ นักวิชาการ\nมีข้อสั่งการ ดังนี้"
    )
    m = parse(text)
    assert [i.topic for i in m.items] == ["กองทุนแม่ของแผ่นดิน", "การขับเคลื่อนเศรษฐกิจฐานราก", "ผ้าไทยใส่ให้สนุก"]


def test_tab_indented_prose_is_not_a_table():
    text = "\n".join("\t" + line for line in POST.splitlines())
    m = parse(text)
    assert m.source.layout == "prose" and len(m.items) == 3


def test_a_later_reference_is_not_the_meeting():
    assert find_meeting_ref("ที่ประชุมรับรองรายงานการประชุมครั้งที่ 1/2566 แล้ว") is None
    assert find_meeting_ref("ตามที่ได้ประชุมครั้งที่ 1/2566 ไปแล้ว") is None
    notes = []
    header = read_header(["ประชุมประจำเดือน ครั้งที่ 4/2566", "รับรองรายงานการประชุมครั้งที่ 3/2566"], notes, whole=False)
    assert (header.number, header.year_be) == (4, 2566)


def test_the_meeting_date_may_stand_before_the_number():
    notes = []
    header = read_header(["วันอังคารที่ 7 มิ.ย. 2565 สพอ.พบพระ ร่วมประชุม ครั้งที่ 6/2565"], notes, whole=False)
    assert header.meeting_date == date(2022, 6, 7) and header.office == "สำนักงานพัฒนาชุมชนอำเภอพบพระ"


def test_a_write_up_that_fits_no_layout_is_one_error():
    with pytest.raises(CddbriefError, match="not a meeting write-up"):
        parse("สพอ.แม่สอด ขอขอบคุณทุกท่านที่ร่วมงานวันเด็ก ครั้งที่ 2/2565\nภาพบรรยากาศ\n")


def test_a_weak_fit_is_said_in_a_warning():
    text = "ประชุมประจำเดือน ครั้งที่ 7/2565\nเรื่องกองทุนหมู่บ้าน ให้รายงานผล 3 กองทุน\nเรื่องการเบิกจ่าย ขอให้เร่งรัด\n"
    m = parse(text)
    assert m.source.layout == "prose" and len(m.items) == 2
    assert m.notes[0].kind == "warning" and "fits no layout well" in m.notes[0].message and m.notes[0].th


def test_without_a_number_the_catalogue_still_reads_it_and_building_asks_for_one():
    text = POST.replace(" ครั้งที่ 3/2565", "")
    with pytest.raises(CddbriefError, match=r"\(set meeting="):
        parse(text)
    m = parse_document(read_bytes(text.encode(), "x.txt"), need_number=False)
    assert m.id is None and m.meeting_date == date(2022, 3, 17) and len(m.items) == 3
    assert parse_document(read_bytes(text.encode(), "x.txt"), meeting_id="3/2565").id == "2565-03"


def test_the_table_layout_wins_over_its_numbered_cells():
    table = (
        "สรุปการประชุม ครั้งที่ 4/2565\nสำนักงานพัฒนาชุมชนอำเภอแม่สอด\n\tที่\n\tประเด็น\n\tข้อสั่งการ\n\n"
        "\t1\n\tOTOP\n\t1. ให้จังหวัดรายงาน 5 กลุ่ม\n2. ให้อำเภอติดตาม\n\t\n\n"
    )
    reading, fit = read_layout(read_bytes(table.encode(), "t.txt"))
    assert reading.layout == "table" and fit.score >= 0.9 and [len(i.directives) for i in reading.items] == [2]


def test_a_minutes_brief_shows_how_it_was_read_and_the_resolutions(tmp_path):
    """Built for real (papermill, nbconvert): the facts say 'minutes by agenda', the agenda has a มติที่ประชุม column."""
    import subprocess
    import sys

    source = tmp_path / "minutes.txt"
    source.write_text(MINUTES, encoding="utf-8")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "cddbrief.cli", "build", str(source), "--out", str(out), "--format", "html"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    page = (out / "2566-02" / "brief.html").read_text(encoding="utf-8")
    assert "อ่านแบบ" in page and "รายงานการประชุมตามระเบียบวาระ" in page
    assert "มติที่ประชุม" in page and "รับรองรายงานการประชุมโดยไม่มีการแก้ไข" in page
    assert "นายวีระ ทองดี พัฒนาการอำเภอบ้านตาก" in page  # the chair


def test_control_characters_never_reach_the_meeting():
    """A NUL (or any control character) in a source is removed with a note, in every field."""
    text = POST.replace("กองทุนแม่ของแผ่นดิน", "กองทุน\x00แม่ของแผ่นดิน").replace("1,250", "1,\x0b250")
    m = parse(text)
    import json

    dumped = json.dumps(m.to_dict(), ensure_ascii=False)
    assert "\x00" not in dumped and "\\u0000" not in dumped and m.items[0].topic == "กองทุนแม่ของแผ่นดิน"
    assert any("control characters" in n.message for n in m.notes)


# --- tables with the columns some offices add: ผู้รับผิดชอบ and กำหนดเวลา ----------------------------

WIDE_HEADER = ["ที่", "ประเด็น", "ข้อสั่งการ", "ผู้รับผิดชอบ", "กำหนดเวลา", "หมายเหตุ"]
WIDE_ROWS = [
    ["1", "กองทุนหมู่บ้าน", "1. ให้ตรวจสอบบัญชี 14 กองทุน\n2. รายงานผลให้จังหวัดทราบ", "กลุ่มงานส่งเสริม", "ภายใน 15 มิ.ย. 64", ""],
    ["2", "ผ้าไทย", "ให้แต่งกายผ้าไทยทุกวันอังคาร", "ทุกตำบล", "", "ต่อเนื่อง"],
]
WIDE_HEAD = ["บันทึกการประชุม ครั้งที่ 5/2564", "สำนักงานพัฒนาชุมชนอำเภอลี้ จังหวัดลำพูน"]


def _wide_dump() -> bytes:
    lines = WIDE_HEAD + [""] + ["\t" + c for c in WIDE_HEADER] + [""]
    for row in WIDE_ROWS:
        lines += [" \t" + row[0]] + ["\t" + c for c in row[1:]] + [""]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _wide_docx() -> bytes:
    import io

    import docx

    document = docx.Document()
    for line in WIDE_HEAD:
        document.add_paragraph(line)
    table = document.add_table(rows=1 + len(WIDE_ROWS), cols=len(WIDE_HEADER))
    for r, row in enumerate([WIDE_HEADER, *WIDE_ROWS]):
        for c, text in enumerate(row):
            table.rows[r].cells[c].text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _wide_html() -> bytes:
    cells = lambda row, tag: "".join(f"<{tag}>{c.replace(chr(10), '<br>')}</{tag}>" for c in row)  # noqa: E731
    body = "".join(f"<p>{line}</p>" for line in WIDE_HEAD)
    body += (
        "<table><tr>"
        + cells(WIDE_HEADER, "th")
        + "</tr>"
        + "".join("<tr>" + cells(r, "td") + "</tr>" for r in WIDE_ROWS)
        + "</table>"
    )
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>x</title></head><body>{body}</body></html>".encode()
    )


@pytest.mark.parametrize("name, make", [("wide.txt", _wide_dump), ("wide.docx", _wide_docx), ("wide.html", _wide_html)])
def test_a_table_with_responsible_and_deadline_columns_is_read_by_its_header(name, make):
    m = parse_document(read_bytes(make(), name))
    assert m.source.layout == "table" and m.id == "2564-05"
    first, second = m.items
    assert (first.no, first.topic, second.no, second.topic) == (1, "กองทุนหมู่บ้าน", 2, "ผ้าไทย")
    # who is responsible and by when are each directive's of their row, its text the sentence as written: the
    # party is its actor, the deadline one of its dates, read from the cell's own text; a remark of the row stays
    assert [d.text for d in first.directives] == ["ให้ตรวจสอบบัญชี 14 กองทุน", "รายงานผลให้จังหวัดทราบ"]
    assert [(d.responsible, d.due) for d in first.directives] == [("กลุ่มงานส่งเสริม", "ภายใน 15 มิ.ย. 64")] * 2
    assert [actors(d.text, d.responsible)[0] for d in first.directives] == ["กลุ่มงานส่งเสริม", "กลุ่มงานส่งเสริม"]
    due = [(s.surface, s.start, s.directive, s.context, s.cell, s.span) for d in first.directives for s in d.dates]
    assert due == [("15 มิ.ย. 64", date(2021, 6, 15), n, "asked", "due", (6, 17)) for n in (1, 2)]
    assert [(d.text, d.responsible, d.due) for d in second.directives] == [("ให้แต่งกายผ้าไทยทุกวันอังคาร", "ทุกตำบล", None)]
    assert (first.remarks, second.remarks) == ("", "ต่อเนื่อง")
    said = [n.message for n in m.notes if n.kind == "inferred"]
    assert any("share their row's" in s for s in said)  # two directives given one row's cells: said
    assert not any("กำหนดเวลา" in n.message for n in m.notes if "share their row's" not in n.message)
    assert not any("header row" in n.message for n in m.notes)  # the header was recognised, not assumed


def test_a_header_naming_remarks_twice_is_not_a_header():
    """Two columns of one kind (หมายเหตุ twice) cannot be told apart: the row is no header."""
    from cddbrief.layout import columns_of

    assert columns_of(["ที่", "ประเด็น", "ข้อสั่งการ", "หมายเหตุ", "หมายเหตุ"]) is None
    assert columns_of(["ที่", "ประเด็น", "ข้อสั่งการ", "ผู้รับผิดชอบ", "หมายเหตุ"]) == [
        "no",
        "topic",
        "directives",
        "responsible",
        "remarks",
    ]


def test_every_registered_reader_keeps_the_layout_reader_contract():
    import inspect

    from cddbrief import readers
    from cddbrief.model import LAYOUTS
    from cddbrief.readers import READERS, LayoutReader, narrative

    assert readers.readers() == READERS and [r.NAME for r in READERS] == ["table", "minutes", "prose"]
    assert {r.NAME for r in READERS} == LAYOUTS  # every layout word of the model has its reader, and no more
    for reader in READERS:
        assert isinstance(reader, LayoutReader), reader.__name__
        assert [len(inspect.signature(f).parameters) for f in (reader.ceiling, reader.fit, reader.read)] == [1, 1, 2]
        assert reader.NAME_TH and any("\u0e00" <= ch <= "\u0e7f" for ch in reader.NAME_TH)
    # narrative is no reader of its own: prose calls it, and what it reads is the prose layout
    assert narrative not in READERS and not isinstance(narrative, LayoutReader)
    assert "narrative" in inspect.getsource(readers.prose.fit) and "narrative" in inspect.getsource(readers.prose.read)
    assert not isinstance(
        type("NoRead", (), {"NAME": "x", "NAME_TH": "ก", "fit": None, "ceiling": None})(), LayoutReader
    )


def _made_up_reader(score: float, asked: list[str], name: str = "sheet"):
    """A layout reader written for the test: a form (แบบรายงาน) of numbered lines, each an item."""
    import types

    from cddbrief.model import Item
    from cddbrief.readers import Fit, Reading

    reader = types.ModuleType(f"made_up_{name}")
    reader.NAME, reader.NAME_TH = name, "แบบรายงาน"

    def ceiling(doc) -> float:
        return score if "แบบรายงาน" in (doc.text or "") else 0.0

    def fit(doc) -> Fit:
        asked.append(name)
        return Fit(ceiling(doc), "a form of numbered lines", state=[b.text for b in doc.blocks[1:]])

    def read(doc, fit: Fit) -> Reading:
        return Reading(name, [doc.blocks[0].text], [Item(n, text, []) for n, text in enumerate(fit.state, 1)])

    reader.ceiling, reader.fit, reader.read = ceiling, fit, read
    return reader


FORM = "แบบรายงาน การประชุม ครั้งที่ 3/2565\n1. กองทุนหมู่บ้าน ให้รายงาน\n2. ผ้าไทย ให้ส่งผล\n"


def test_a_new_layout_is_one_entry_in_the_table_and_is_chosen_when_it_fits_best(monkeypatch):
    from cddbrief import readers
    from cddbrief.readers import READERS, LayoutReader

    asked: list[str] = []
    sheet = _made_up_reader(0.97, asked)
    assert isinstance(sheet, LayoutReader)
    before = read_layout(read_bytes(FORM.encode(), "f.txt"))[0].layout
    monkeypatch.setattr(readers, "READERS", (*READERS, sheet))  # last in the table, best in fit
    reading, fit = read_layout(read_bytes(FORM.encode(), "f.txt"))
    assert (before, reading.layout, fit.score, fit.reason) == ("prose", "sheet", 0.97, "a form of numbered lines")
    assert [(i.no, i.topic) for i in reading.items] == [(1, "1. กองทุนหมู่บ้าน ให้รายงาน"), (2, "2. ผ้าไทย ให้ส่งผล")]
    asked.clear()
    reading, _ = read_layout(read_bytes(POST.encode(), "p.txt"))  # what it cannot read: its ceiling says so
    assert reading.layout == "prose" and asked == []  # never asked to fit


@pytest.mark.parametrize("first", [True, False])
def test_on_equal_fit_the_reader_first_in_the_table_wins(monkeypatch, first):
    from cddbrief import readers
    from cddbrief.readers import READERS, prose

    doc = read_bytes(FORM.encode(), "f.txt")
    score = prose.fit(doc).score  # a made-up reader that fits exactly as well as prose
    twin = _made_up_reader(score, [], name="twin")
    twin.ceiling = lambda doc: 1.0  # always asked: the fits decide, not the ceilings
    monkeypatch.setattr(readers, "READERS", (twin, *READERS) if first else (*READERS, twin))
    reading, fit = read_layout(doc)
    assert fit.score == score and reading.layout == ("twin" if first else "prose")


@pytest.mark.parametrize(
    "text, label",
    [
        ("2.1 ให้อำเภอรายงานผล", "2.1"),
        ("3.2 โครงการพัฒนาศักยภาพ", "3.2"),  # a counted thing may be a sub-point's topic
        ("1.2 ล้านนาสร้างสรรค์", "1.2"),  # ล้าน only opens ล้านนา (a region)
        ("4.6 แสนบาท ให้ติดตามการใช้จ่าย", None),  # a figure that opens the line: no sub-point 4.6
        ("๒.๕ ล้านบาท สำหรับ ๖ ตำบล", None),
        ("1.5 ลบ. จากงบทั้งหมด", None),
        ("7.5 ไร่ ปลูกผักสวนครัว", None),
    ],
)
def test_a_number_and_a_multiplier_or_measure_opening_a_line_numbers_no_sub_point(text, label):
    from cddbrief.model import Block
    from cddbrief.readers.points import lines_of

    (line,) = lines_of([Block("paragraph", text)])
    assert line.label == label
    assert line.text == (text[len(label) :].strip() if label else text)


_NESTED_HEAD = (
    "สรุปการประชุมประจำเดือน ครั้งที่ 5/2567\nสำนักงานพัฒนาชุมชนอำเภอแม่ทะ\n"
    "วันที่ 16 พฤษภาคม 2567 ณ ห้องประชุมอำเภอแม่ทะ นายสมชาย ใจดี พัฒนาการอำเภอ เป็นประธาน\nข้อสั่งการ\n"
)
_NESTED_POINTS = [
    ("กองทุนหมู่บ้าน", ["ให้ทุกตำบลรายงานผล 12 กองทุน ภายในวันที่ 31 พฤษภาคม 2567", "ให้ติดตามหนี้ค้างชำระ 250,000 บาท"]),
    ("ผ้าไทยใส่ให้สนุก", ["ให้ทุกคนแต่งกายผ้าไทยทุกวันอังคาร", "ให้ส่งภาพกิจกรรมทางไลน์กลุ่ม"]),
    ("เรื่องอื่น ๆ", ["ให้ปิดไฟก่อนกลับบ้าน"]),
]


def _nested_text(indent: str) -> bytes:
    lines = [_NESTED_HEAD]
    for n, (topic, orders) in enumerate(_NESTED_POINTS, start=1):
        lines.append(f"{n}. {topic}\n")
        lines += [f"{indent}{k}. {order}\n" for k, order in enumerate(orders, start=1)]
    return "".join(lines).encode()


def _nested_html() -> bytes:
    points = "".join(
        f"<li>{topic}<ol>{''.join(f'<li>{order}</li>' for order in orders)}</ol></li>"
        for topic, orders in _NESTED_POINTS
    )
    head = "".join(f"<p>{line}</p>" for line in _NESTED_HEAD.splitlines())
    return f"<html><body>{head}<ol>{points}</ol></body></html>".encode()


@pytest.mark.parametrize(
    "name, data", [("x.txt", _nested_text("    ")), ("x.txt", _nested_text("")), ("x.html", _nested_html())],
    ids=["indented", "flush", "html"],
)  # fmt: skip
def test_a_points_own_list_numbered_like_the_points_is_its_directives(name, data):
    meeting = parse_document(read_bytes(data, name))
    assert [(item.topic, [d.text for d in item.directives]) for item in meeting.items] == [
        (topic, orders) for topic, orders in _NESTED_POINTS
    ]
    said = [note for note in meeting.notes if "a list of its own" in note.message]
    assert [note.item for note in said] == [1, 2, 3]


def test_a_second_list_that_starts_again_at_one_after_the_points_still_goes_on_them():
    text = _NESTED_HEAD + "1. กองทุน ให้รายงาน\n2. ผ้าไทย ให้แต่งกาย\nเรื่องอื่น\n1. ขยะ ให้คัดแยก\n2. ไฟป่า ให้เฝ้าระวัง\n"
    meeting = parse_document(read_bytes(text.encode(), "x.txt"))
    assert [item.no for item in meeting.items] == [1, 2, 3, 4]
    assert any("starts again at 1" in note.message for note in meeting.notes)


# points headed by their number in words, each with labelled lines: what was reported, then the orders
_HEADED_HEAD = """สรุปผลการประชุมพัฒนากร ครั้งที่ 8/2567 สำนักงานพัฒนาชุมชนอำเภอนาน้อย
วันที่ประชุม : วันศุกร์ที่ 9 สิงหาคม 2567
"""
_HEADED = [
    ("ศูนย์เรียนรู้ชุมชน", "มีศูนย์ที่ผ่านการประเมิน 14 ศูนย์", ["ให้ทุกตำบลปรับปรุงป้ายศูนย์ภายในวันที่ 30 ส.ค. 2567"]),
    ("กองทุนแม่ของแผ่นดิน", "ยอดเงินกองทุนรวม 380,000 บาท", []),
    ("ผ้าไทยใส่ให้สนุก", "อำเภอจัดประกวดแล้ว 2 ครั้ง", ["ให้พัฒนากรแต่งกายผ้าไทยทุกวันอังคาร", "ให้ส่งภาพกิจกรรมทุกเดือน"]),
]


def _headed(word: str, digits: str = "0123", colon: str = " :", split: bool = False) -> str:
    lines = [_HEADED_HEAD]
    for n, (topic, said, orders) in enumerate(_HEADED, start=1):
        number = digits[n]
        lines.append(f"{word}ที่ {number}\n{topic}\n" if split else f"{word}ที่ {number} {topic}\n")
        lines.append(f"สาระสำคัญ{colon} {said}\n")
        if not orders:
            lines.append(f"ข้อสั่งการ{colon} ไม่มี\n")
        elif len(orders) == 1:
            lines.append(f"ข้อสั่งการ{colon} {orders[0]}\n")
        else:
            lines.append(f"ข้อสั่งการ{colon}\n" + "".join(f"- {order}\n" for order in orders))
    lines.append("ผู้สรุป : นางสาวมาลี ศรีสุข\n")
    return "".join(lines)


@pytest.mark.parametrize("word", ["ประเด็น", "เรื่อง", "หัวข้อ"])
@pytest.mark.parametrize("digits, colon, split", [("0123", " :", False), ("๐๑๒๓", ":", False), ("0123", " :", True)])
def test_points_headed_by_their_number_in_words_are_items_and_only_their_orders_are_directives(
    word, digits, colon, split
):
    meeting = parse(_headed(word, digits, colon, split))
    assert meeting.source.layout == "prose" and meeting.id == "2567-08"
    assert [(item.topic, [d.text for d in item.directives]) for item in meeting.items] == [
        (topic, orders) for topic, _, orders in _HEADED
    ]
    reported = [(p.item, p.text) for p in meeting.passages if p.kind == "reported"]
    assert reported == [(n, said) for n, (_, said, _) in enumerate(_HEADED, start=1)]
    assert [q.value for p in meeting.passages if p.kind == "reported" for q in p.quantities] == [14, 380000, 2]
    assert any(n.item == 2 and "ไม่มี" in n.message for n in meeting.notes)  # no directive, said so
    assert not any("มาลี" in d.text for item in meeting.items for d in item.directives)  # the credit line is no order


def test_points_headed_in_words_in_a_web_page_are_items():
    body = "".join(f"<p>{line}</p>" for line in _headed("ประเด็น").splitlines() if not line.startswith("- "))
    body = body.replace("<p>ข้อสั่งการ :</p>", "<p>ข้อสั่งการ :</p><ul>" + "".join(
        f"<li>{order}</li>" for order in _HEADED[2][2]) + "</ul>")  # fmt: skip
    meeting = parse_document(read_bytes(f"<html><body>{body}</body></html>".encode(), "x.html"))
    assert [len(item.directives) for item in meeting.items] == [1, 0, 2]
    assert [item.topic for item in meeting.items] == [topic for topic, _, _ in _HEADED]


@pytest.mark.parametrize(
    "line",
    [
        "ในประเด็นที่ 2 ขอให้ทุกตำบลรายงานผลภายในวันศุกร์",  # inside a sentence
        "เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ ให้ทุกตำบลรายงานผล",  # no number
        "เรื่องที่ 1/2567 ให้ทุกตำบลรายงานผล",  # a number with a year: no point's
    ],
)
def test_a_heading_word_with_no_number_of_a_point_at_a_line_start_heads_no_item(line):
    text = "ประชุมประจำเดือน ครั้งที่ 3/2567 สำนักงานพัฒนาชุมชนอำเภอนาน้อย\n" + line + "\n"
    meeting = parse(text)
    assert len(meeting.items) == 1 and not any(item.topic.startswith(("ที่", "1/")) for item in meeting.items)


def test_a_work_plan_for_the_days_ahead_is_refused():
    plan = (
        "แผนการปฏิบัติงานประจำสัปดาห์ สำนักงานพัฒนาชุมชนอำเภอหนองบัว\n"
        "วันจันทร์ที่ 3 มี.ค. 2568 เวลา 09.00 น. ประชุมประจำสัปดาห์ ณ ห้องประชุมสำนักงานพัฒนาชุมชนอำเภอหนองบัว\n"
        "วันพุธที่ 5 มี.ค. 2568 ลงพื้นที่ติดตามโครงการ 6 หมู่บ้าน\n"
        "วันศุกร์ที่ 7 มี.ค. 2568 ร่วมประชุมกรมการอำเภอ ณ ที่ว่าการอำเภอ\n"
    )
    with pytest.raises(CddbriefError, match="work plan"):
        parse(plan)


def test_a_meeting_post_that_mentions_next_weeks_plan_is_read():
    post = (
        "สพอ.หนองบัว ประชุมประจำสัปดาห์ ครั้งที่ 9/2568\n"
        "วันจันทร์ที่ 3 มี.ค. 2568 นายสมชาย ใจดี พัฒนาการอำเภอ เป็นประธาน ณ ห้องประชุมสำนักงาน\n"
        "1. กองทุนหมู่บ้าน ให้พัฒนากรติดตามงบการเงินให้ครบ\n"
        "2. แผนการปฏิบัติงานประจำสัปดาห์หน้า ให้ทุกคนส่งภายในวันศุกร์\n"
    )
    m = parse(post)
    assert len(m.items) == 2 and sum(len(i.directives) for i in m.items) == 2
