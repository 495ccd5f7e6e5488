"""Narrative posts, meetings without a number, and the whole document as the meeting.

A post that tells of a meeting in paragraphs is read value for value: its meeting facts, one item
per topic paragraph, directives from its instruction sentences, every figure and date with the
context it was said in (about the meeting, reported, asked, decided). A page that tells of no
meeting is refused in one line. Every document here is invented.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from conftest import run_cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cddbrief.errors import BadMeetingId, NotAWriteUp
from cddbrief.extract import extract_text
from cddbrief.meeting import parse_document
from cddbrief.model import Meeting, Passage
from cddbrief.sources import read_bytes
from cddbrief.tidy import frame_records

# date first; banner date; a chair who is a person; topic paragraphs; credits and a view count
KALASIN = """ข่าวกิจกรรม
โพสต์เมื่อ 24 มีนาคม 2566
วันจันทร์ที่ 20 มีนาคม 2566 เวลา 09.30 น. นายประเสริฐ ทองมาก พัฒนาการจังหวัดกาฬสินธุ์ เป็นประธานการประชุมคณะกรมการพัฒนาชุมชนจังหวัด \
ครั้งที่ 3/2566 ณ ห้องประชุมสำนักงานพัฒนาชุมชนจังหวัดกาฬสินธุ์ โดยมีการรายงานผลการเบิกจ่ายงบประมาณ 2,450,000 บาท \
และได้มอบหมายให้ทุกอำเภอส่งแผนภายในวันที่ 31 มีนาคม 2566
ด้านกองทุนหมู่บ้าน ที่ประชุมรับทราบผลการดำเนินงาน 1,204 กองทุน ทั้งนี้ ขอให้พัฒนาการอำเภอติดตามกองทุนที่ค้างชำระ 17 กองทุน \
ให้แล้วเสร็จภายใน 30 เม.ย. 66
สำหรับโครงการผ้าไทยใส่ให้สนุก มีผู้ประกอบการเข้าร่วม 24 ราย กำชับให้อำเภอจัดนิทรรศการ 5 แห่ง
ภาพ/ข่าว : กลุ่มงานส่งเสริมการพัฒนาชุมชน
อ่าน 312 ครั้ง
"""

# another agency; no meeting number; วันนี้ (…); ที่ห้องประชุม; one topic: the post is one item
SCHOOLS = """สำนักงานเขตพื้นที่การศึกษาประถมศึกษาลำปาง เขต 3
วันนี้ (16 ก.พ. 64) เวลา 13.30 น. ที่ห้องประชุมราชพฤกษ์ สำนักงานเขตพื้นที่การศึกษาประถมศึกษาลำปาง เขต 3 ได้จัดประชุมผู้บริหารสถานศึกษา \
โดยมีนายอดิศร แก้วกาศ ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา เป็นประธาน เพื่อติดตามการจัดสรรงบประมาณ 3,200,000 บาท ให้แก่โรงเรียน 58 แห่ง
ที่ประชุมได้รับทราบผลการดำเนินงานที่ผ่านมา และเน้นย้ำให้ทุกโรงเรียนส่งรายงานภายในวันที่ 26 กุมภาพันธ์ 2564
ข่าว : กลุ่มส่งเสริมการศึกษาทางไกล
"""

# a news blog's banner date years after the meeting; เมื่อวันที่ …; two topics
BAN_THI = """วันพุธ, 22 พฤษภาคม 2567
ประชุมคณะทำงานขับเคลื่อนกองทุนแม่ของแผ่นดิน
เมื่อวันที่ 29 เมษายน 2564 เวลา 09.00 น. นางมาลี ศรีงาม พัฒนาการอำเภอบ้านธิ \
เป็นประธานการประชุมคณะทำงานขับเคลื่อนกองทุนแม่ของแผ่นดินระดับอำเภอ ณ ห้องประชุมที่ว่าการอำเภอบ้านธิ
ด้านกองทุนแม่ของแผ่นดิน ที่ประชุมรับทราบยอดเงินกองทุน 1,250,000 บาท จาก 12 หมู่บ้าน ขอให้พัฒนากรติดตามภายใน 15 พ.ค. 64
สำหรับการจัดเก็บข้อมูล จปฐ. ปี 2564 จัดเก็บได้ 3,410 ครัวเรือน จากเป้าหมาย 3,500 ครัวเรือน
ทั้งนี้ ให้ทุกตำบลบันทึกข้อมูลให้แล้วเสร็จภายในวันที่ 31 พฤษภาคม 2564
ภาพ/ข่าว : สำนักงานพัฒนาชุมชนอำเภอบ้านธิ
"""

# a monthly meeting named by its month
MONTHLY = """การประชุมประจำเดือนมีนาคม 2565 สำนักงานพัฒนาชุมชนอำเภอทุ่งหัวช้าง
วันที่ 8 มีนาคม 2565 ณ ห้องประชุมสำนักงานพัฒนาชุมชนอำเภอทุ่งหัวช้าง นายบุญมี รักถิ่น พัฒนาการอำเภอทุ่งหัวช้าง \
เป็นประธานการประชุมข้าราชการและเจ้าหน้าที่
โดยมีการรายงานผลการเบิกจ่ายงบประมาณ ร้อยละ 62.5 และได้มอบหมายให้พัฒนากรส่งแผนปฏิบัติงานภายใน 15 มี.ค. 65
"""

# not about a meeting: an invitation to a fair
FAIR = """ขอเชิญชวนเที่ยวงานเทศกาลผ้าไทย ระหว่างวันที่ 1-5 เมษายน 2566 ณ ลานหน้าศาลากลาง
ภายในงานมีบูทจำหน่ายสินค้า 24 บูท และการแสดงทุกวัน
"""


def read(text: str, name: str = "post.txt") -> Meeting:
    return parse_document(read_bytes(text.encode("utf-8"), name), need_number=False)


def said(meeting: Meeting) -> dict[str, list[tuple]]:
    """Every figure and date of the document: where it stands (item, and the passage kind or
    'directive'), its value or day, and its context."""
    found: dict[str, list[tuple]] = {"quantities": [], "dates": []}
    for _, holder in meeting.holders():
        where = holder.kind if isinstance(holder, Passage) else "directive"
        found["quantities"] += [(q.item, where, q.value, q.unit, q.context) for q in holder.quantities]
        found["dates"] += [(s.item, where, s.start, s.context) for s in holder.dates]
    return found


def test_a_narrative_post_value_for_value():
    m = read(KALASIN)
    assert (m.id, m.meeting_date, m.published, m.source.layout) == (
        "2566-03",
        date(2023, 3, 20),
        date(2023, 3, 24),
        "prose",
    )
    assert (m.office, m.chair, m.place) == ("สำนักงานพัฒนาชุมชนจังหวัดกาฬสินธุ์", "นายประเสริฐ ทองมาก พัฒนาการจังหวัดกาฬสินธุ์",
                                           "ห้องประชุมสำนักงานพัฒนาชุมชนจังหวัดกาฬสินธุ์")  # fmt: skip
    assert [(i.no, i.topic, i.inferred, [d.text for d in i.directives]) for i in m.items] == [
        (1, "คณะกรมการพัฒนาชุมชนจังหวัด", True, ["มอบหมายให้ทุกอำเภอส่งแผนภายในวันที่ 31 มีนาคม 2566"]),
        # ให้แล้วเสร็จ (to completion) goes on with the order before it: one directive, not two
        (2, "กองทุนหมู่บ้าน", False, ["ขอให้พัฒนาการอำเภอติดตามกองทุนที่ค้างชำระ 17 กองทุน ให้แล้วเสร็จภายใน 30 เม.ย. 66"]),
        (3, "โครงการผ้าไทยใส่ให้สนุก", False, ["กำชับให้อำเภอจัดนิทรรศการ 5 แห่ง"]),
    ]
    assert said(m) == {
        "quantities": [(2, "directive", 17, "กองทุน", "asked"), (3, "directive", 5, "แห่ง", "asked"),
                       (None, "meeting", 2450000, "บาท", "reported"), (2, "reported", 1204, "กองทุน", "reported"),
                       (3, "reported", 24, "ราย", "reported")],
        "dates": [(1, "directive", date(2023, 3, 31), "asked"), (2, "directive", date(2023, 4, 30), "asked"),
                  (None, "meeting", date(2023, 3, 20), "meeting")],
    }  # fmt: skip
    # every paragraph belongs somewhere; the page's own lines are kept, their figures (312 views) are not read
    assert [(p.kind, p.item) for p in m.passages] == [("head", None), ("page", None), ("meeting", None),
                                                      ("reported", 2), ("reported", 3), ("page", None),
                                                      ("page", None)]  # fmt: skip
    assert m.passages[1].text == "โพสต์เมื่อ 24 มีนาคม 2566" and m.passages[-1].text == "อ่าน 312 ครั้ง"
    # evidence: each figure's span gives its surface in the text that holds it
    for _, holder in m.holders():
        for found in (*holder.quantities, *holder.dates):
            assert holder.text[found.span.start : found.span.end] == found.surface


def test_a_post_of_another_agency_without_a_number_is_one_item():
    m = read(SCHOOLS)
    assert (m.id, m.number, m.meeting_date, m.published) == (None, None, date(2021, 2, 16), None)
    assert (m.office, m.chair) == (
        "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาลำปาง เขต 3",
        "นายอดิศร แก้วกาศ ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา",
    )
    assert m.place == "ห้องประชุมราชพฤกษ์ สำนักงานเขตพื้นที่การศึกษาประถมศึกษาลำปาง เขต 3"
    assert [(i.no, i.topic, i.inferred, [d.text for d in i.directives]) for i in m.items] == [
        (1, "ผู้บริหารสถานศึกษา", True, ["เน้นย้ำให้ทุกโรงเรียนส่งรายงานภายในวันที่ 26 กุมภาพันธ์ 2564"])
    ]
    assert said(m) == {
        "quantities": [(None, "meeting", 3200000, "บาท", "meeting"), (None, "meeting", 58, "แห่ง", "meeting")],
        "dates": [(1, "directive", date(2021, 2, 26), "asked"), (None, "meeting", date(2021, 2, 16), "meeting")],
    }
    assert any(n.kind == "warning" and "no meeting number" in n.message for n in m.notes)


def test_a_banner_date_is_kept_apart_and_the_real_dates_are_not_typos():
    m = read(BAN_THI)
    assert (m.meeting_date, m.published, m.id) == (date(2021, 4, 29), date(2024, 5, 22), None)
    assert (m.office, m.chair, m.place) == (
        "สำนักงานพัฒนาชุมชนอำเภอบ้านธิ",
        "นางมาลี ศรีงาม พัฒนาการอำเภอบ้านธิ",
        "ห้องประชุมที่ว่าการอำเภอบ้านธิ",
    )
    assert [(i.no, i.topic, [d.text for d in i.directives]) for i in m.items] == [
        (1, "กองทุนแม่ของแผ่นดิน", ["ขอให้พัฒนากรติดตามภายใน 15 พ.ค. 64"]),
        (2, "การจัดเก็บข้อมูล จปฐ. ปี 2564", ["ให้ทุกตำบลบันทึกข้อมูลให้แล้วเสร็จภายในวันที่ 31 พฤษภาคม 2564"]),
    ]
    assert said(m)["dates"] == [(1, "directive", date(2021, 5, 15), "asked"),
                                (2, "directive", date(2021, 5, 31), "asked"),
                                (None, "meeting", date(2021, 4, 29), "meeting")]  # fmt: skip
    assert said(m)["quantities"] == [(1, "reported", 1250000, "บาท", "reported"),
                                     (1, "reported", 12, "หมู่บ้าน", "reported"),
                                     (2, "reported", 3410, "ครัวเรือน", "reported"),
                                     (2, "reported", 3500, "ครัวเรือน", "reported")]  # fmt: skip
    assert not any(d.repaired or d.year_inferred for _, h in m.holders() for d in h.dates)
    assert not any(n.kind == "repair" for n in m.notes)  # the 2567 banner made no real date look like a typo


def test_a_monthly_meeting_is_numbered_by_its_month_and_says_so():
    m = read(MONTHLY)
    assert (m.id, m.meeting_date, m.chair) == ("2565-03", date(2022, 3, 8), "นายบุญมี รักถิ่น พัฒนาการอำเภอทุ่งหัวช้าง")
    assert [n.surface for n in m.notes if n.kind == "inferred" and "month" in n.message] == ["ประจำเดือนมีนาคม 2565"]
    assert [(i.topic, [d.text for d in i.directives]) for i in m.items] == [
        ("ข้าราชการและเจ้าหน้าที่", ["มอบหมายให้พัฒนากรส่งแผนปฏิบัติงานภายใน 15 มี.ค. 65"])
    ]
    assert (1, "reported", 62.5, "%", "reported") in said(m)["quantities"]


@pytest.mark.parametrize(
    "text, words",
    [
        (FAIR, "tells of no meeting"),
        ("สพอ.แม่สอด ขอขอบคุณทุกท่านที่ร่วมงานวันเด็ก\nภาพบรรยากาศ\n", "tells of no meeting"),
        (
            "สรุปการประชุม ครั้งที่ 4/2562\nขอขอบคุณผู้เข้าร่วมประชุมทุกท่าน\n",
            "no numbered points",
        ),  # names a meeting, tells nothing of it
    ],
)
def test_a_page_that_is_not_about_a_meeting_is_refused_in_one_line(text, words):
    with pytest.raises(NotAWriteUp) as caught:
        read(text)
    assert words in str(caught.value) and "\n" not in str(caught.value)


def test_a_year_0_is_refused_where_it_is_read():
    with pytest.raises(BadMeetingId, match="year is 0"):
        read("ประชุมคณะทำงาน ครั้งที่ 4/0000 วันที่ 3 มี.ค. 66 ณ ห้องประชุมอำเภอ\nด้านผ้าไทย ขอให้อำเภอรายงานผล\n")


def test_parse_reads_a_post_without_a_number_and_refuses_a_fair_in_one_line(tmp_path):
    (tmp_path / "schools.txt").write_text(SCHOOLS, encoding="utf-8")
    (tmp_path / "fair.txt").write_text(FAIR, encoding="utf-8")
    result = run_cli("parse", str(tmp_path / "schools.txt"), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["meeting"]["id"], data["meeting"]["meeting_date"], data["meeting"]["published"]) == (
        None,
        "2021-02-16",
        None,
    )
    assert [p["kind"] for p in data["passages"]] == ["head", "meeting", "reported", "page"]
    assert [(q["passage"], q["context"], q["value"]) for q in data["quantities"]] == [
        (2, "meeting", 3200000),
        (2, "meeting", 58),
    ]
    refused = run_cli("parse", str(tmp_path / "fair.txt"))
    assert refused.returncode == 2 and refused.stdout == "" and len(refused.stderr.strip().splitlines()) == 1
    assert "tells of no meeting" in refused.stderr


@pytest.mark.parametrize("text", [KALASIN, SCHOOLS, BAN_THI, MONTHLY])
def test_a_narrative_meeting_read_back_from_its_json_is_the_same(text):
    m = read(text)
    again = Meeting.from_dict(json.loads(json.dumps(m.to_dict(), ensure_ascii=False, default=str)))
    assert again == m and again.passages == m.passages


def test_the_frames_hold_every_figure_with_its_context():
    rows = frame_records(read(KALASIN))
    assert [(r["item"], r["passage_kind"], r["context"], r["value"]) for r in rows["quantities"]] == [
        (2, None, "asked", 17.0), (3, None, "asked", 5.0), (None, "meeting", "reported", 2450000.0),
        (2, "reported", "reported", 1204.0), (3, "reported", "reported", 24.0)]  # fmt: skip
    assert [(r["item"], r["context"], r["start"]) for r in rows["dates"]][-1] == (None, "meeting", date(2023, 3, 20))
    assert [(r["item"], r["quantities"], r["dates"]) for r in rows["items"]] == [(1, 0, 1), (2, 2, 1), (3, 2, 0)]


def test_checks_use_what_was_reported():
    m = read("วันที่ 3 มีนาคม 2566 นายสมพงษ์ ใจเย็น พัฒนาการอำเภอลี้ เป็นประธานการประชุมคณะทำงาน ณ ห้องประชุมอำเภอลี้\n"
             "ด้านข้อมูล จปฐ. ที่ประชุมรับทราบว่าเป้าหมาย 400 ครัวเรือน จัดเก็บได้ 300 ครัวเรือน "
             "คิดเป็นร้อยละ 75 ขอให้ตำบลเร่งรัด\n")  # fmt: skip
    assert [(c.kind, c.item, c.passage, c.directive, c.holds) for c in m.checks] == [("ratio", 1, 2, None, True)]


# --- a property: a narrative built from any sentences loses no figure that extract finds -------------------

_OPENERS = ["ด้านกองทุนหมู่บ้าน", "สำหรับโครงการผ้าไทย", "เรื่องการเบิกจ่ายงบประมาณ", "ที่ประชุมรับทราบ", "ทั้งนี้", "ในการนี้"]
_CLAUSES = [
    "ผลการดำเนินงาน {n} กองทุน",
    "มีผู้เข้าร่วม {n} คน",
    "งบประมาณ {n} บาท",
    "ขอให้อำเภอรายงานผล {n} ตำบล",
    "มอบหมายให้พัฒนากรติดตาม {n} หมู่บ้าน",
    "กำชับให้ส่งแผนภายในวันที่ {d} มีนาคม 2566",
    "จัดเก็บได้ {n} ครัวเรือน",
    "เน้นย้ำให้ทุกตำบลจัดกิจกรรม {n} ครั้ง",
    "ให้รายงานภายใน {d} เม.ย. 66",
]
_paragraph = st.tuples(
    st.sampled_from(_OPENERS),
    st.lists(st.tuples(st.sampled_from(_CLAUSES), st.integers(2, 9999), st.integers(1, 28)), min_size=1, max_size=4),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_paragraph, min_size=1, max_size=5))
def test_a_narrative_never_loses_a_figure_that_extract_finds(paragraphs):
    lines = [
        " ".join([opener] + [clause.format(n=f"{n:,}", d=d) for clause, n, d in clauses])
        for opener, clauses in paragraphs
    ]
    text = (
        "วันที่ 9 มีนาคม 2566 นายสมพงษ์ ใจเย็น พัฒนาการอำเภอลี้ เป็นประธานการประชุมคณะทำงาน ครั้งที่ 3/2566 ณ ห้องประชุมอำเภอลี้\n"
        + "\n".join(lines)
        + "\n"
    )
    m = read(text)
    extracted = [extract_text(line, 2566) for line in text.splitlines()]
    want_q = sorted((q["value"], q["unit"]) for e in extracted for q in e["quantities"])
    want_d = sorted(d["start"] for e in extracted for d in e["dates"])
    got = said(m)
    assert sorted((value, unit) for _, _, value, unit, _ in got["quantities"]) == want_q
    assert sorted(start.isoformat() for _, _, start, _ in got["dates"]) == want_d
    # every directive is a sentence of the document as written, every figure's span gives its surface
    assert all(d.text in text for _, d in m.directives())
    assert all(h.text[q.span.start : q.span.end] == q.surface for _, h in m.holders() for q in h.quantities)


def test_a_tables_head_and_remarks_are_read_too():
    """The whole document is the meeting in a Word table too: the head's date, a หมายเหตุ's deadline."""
    text = ("สรุปการประชุมประจำเดือน ครั้งที่ 5/2566\nสำนักงานพัฒนาชุมชนอำเภอลี้\nวันที่ 9 พฤษภาคม 2566\n"
            "\tที่\n\tประเด็น\n\tข้อสั่งการ\n\tหมายเหตุ\n\n"
            "\t1\n\tผ้าไทย\n\tให้อำเภอรายงานผล 12 ตำบล\n\tภายใน 20 พ.ค. 66\n")  # fmt: skip
    m = read(text)
    assert (m.id, m.meeting_date, m.source.layout) == ("2566-05", date(2023, 5, 9), "table")
    assert said(m) == {
        "quantities": [(1, "directive", 12, "ตำบล", "asked")],
        "dates": [(None, "head", date(2023, 5, 9), "meeting"), (1, "remarks", date(2023, 5, 20), "asked")],
    }


def test_a_narrative_web_page_reads_like_its_text_and_keeps_its_publication_date():
    paragraphs = [line for line in KALASIN.splitlines() if line and not line.startswith("โพสต์เมื่อ")]
    page = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>ข่าวกิจกรรม</title>"
            "<meta property='article:published_time' content='2023-03-24T10:00:00+07:00'></head><body>"
            "<nav><a href='/'>หน้าแรก</a> &gt; <a href='/news'>ข่าวประชาสัมพันธ์</a></nav><article class='entry-content'>"
            + "".join(f"<p>{p}</p>" for p in paragraphs[1:])
            + "</article><footer>โทร 0 4381 1234</footer></body></html>")  # fmt: skip
    m = parse_document(read_bytes(page.encode("utf-8"), "post.html"), need_number=False)
    text = read(KALASIN)
    assert (m.id, m.meeting_date, m.published, m.office, m.chair, m.place) == (
        text.id,
        text.meeting_date,
        date(2023, 3, 24),
        text.office,
        text.chair,
        text.place,
    )
    assert [(i.topic, [d.text for d in i.directives]) for i in m.items] == [
        (i.topic, [d.text for d in i.directives]) for i in text.items
    ]
    assert said(m) == said(text)


# --- what is asked, what was decided: our own sentences ------------------------------------------

DECIDED_POST = """สพอ.นาหมื่น ประชุมคณะกรรมการกองทุนชุมชน ครั้งที่ 2/2567
วันที่ 14 กุมภาพันธ์ 2567 นางสาวพิมพ์ลดา ศรีจันทร์ พัฒนาการอำเภอนาหมื่น เป็นประธานการประชุม ณ ห้องประชุมอำเภอนาหมื่น
{body}
"""


@pytest.mark.parametrize(
    "body, asked",
    [
        # what the meeting decided, and the และให้… that goes on with it, asks no one; ทั้งนี้ ให้… does
        ("ที่ประชุมเห็นชอบให้สนับสนุน 6 โครงการ และให้ชะลอ 3 โครงการ ทั้งนี้ ให้ผู้เสนอแก้ไขภายในวันที่ 1 มีนาคม 2567",
         ["ให้ผู้เสนอแก้ไขภายในวันที่ 1 มีนาคม 2567"]),
        # a decision told of as a fact does not hold back the instruction after it
        ("ที่ประชุมรับทราบผลกองทุน ซึ่งอนุมัติไปแล้ว 21 โครงการ และมอบหมายให้ตำบลติดตามหนี้ 4 กลุ่ม",
         ["มอบหมายให้ตำบลติดตามหนี้ 4 กลุ่ม"]),
        # who asks stays with what is asked, with nothing left behind as a report
        ("ประธานกำชับให้ทุกตำบลรายงานผล 9 กลุ่ม", ["ประธานกำชับให้ทุกตำบลรายงานผล 9 กลุ่ม"]),
    ],
)  # fmt: skip
def test_a_decision_is_no_directive_and_who_asks_stays_with_it(body, asked):
    meeting = read(DECIDED_POST.format(body=body))
    assert [d.text for _, d in meeting.directives()] == asked
    reported = [p.text for p in meeting.passages if p.kind == "reported"]
    assert all(text not in ("ประธาน", "ที่ประชุม") for text in reported)
    contexts = {q.value: q.context for q in said_values(meeting)}
    if 6 in contexts:
        assert (contexts[6], contexts[3]) == ("decided", "decided")


@pytest.mark.parametrize(
    "body, asked",
    [
        # approving, then asking: the ask is a directive, the approval a decision
        ("ที่ประชุมเห็นชอบ และให้ฝ่ายแผนงานจัดทำรายละเอียด 4 โครงการ", ["ให้ฝ่ายแผนงานจัดทำรายละเอียด 4 โครงการ"]),
        # who is asked, written before ให้, is part of the ask; what was reported before it is not
        ("ส่งแบบสำรวจแล้ว 7 หมู่บ้าน ตำบลที่เหลือให้ส่งภายในวันศุกร์นี้", ["ตำบลที่เหลือให้ส่งภายในวันศุกร์นี้"]),
        # who asks, then ได้สั่งการให้…, and พร้อมกันนี้ ให้… is a second order
        ("ผู้ว่าราชการจังหวัดได้สั่งการให้ทุกอำเภอเร่งรัดการเบิกจ่าย พร้อมกันนี้ ให้รายงานผลทุกสัปดาห์",
         ["ผู้ว่าราชการจังหวัดได้สั่งการให้ทุกอำเภอเร่งรัดการเบิกจ่าย", "ให้รายงานผลทุกสัปดาห์"]),
        # ให้ครบ (to completion) goes on with the order before it: one order, not two
        ("ให้ทุกตำบลบันทึกข้อมูลครัวเรือน ให้ครบ ร้อยละ 100 ภายในเดือนนี้",
         ["ให้ทุกตำบลบันทึกข้อมูลครัวเรือน ให้ครบ ร้อยละ 100 ภายในเดือนนี้"]),
        # not asks: what an office gives (ให้การสนับสนุน), what a thing yields, why (เพื่อให้…)
        ("อำเภอให้การสนับสนุน 5 กลุ่ม โครงการนี้ให้ผลดี 3 ปี เพื่อให้ทันฤดูกาล", []),
    ],
)  # fmt: skip
def test_who_is_asked_stays_with_the_ask_and_one_order_stays_whole(body, asked):
    meeting = read(DECIDED_POST.format(body=body))
    assert [d.text for _, d in meeting.directives()] == asked


_DOERS = ["ตำบลที่เหลือ", "อำเภอที่ยังไม่ส่ง", "พัฒนากรทุกคน", "สำนักงานพัฒนาชุมชนอำเภอ", "นางสาวจันทร์เพ็ญ ใจดี"]
_HOW_FAR = ["ครบ", "ทัน", "เสร็จ", "แล้วเสร็จ", "ถูกต้อง", "เรียบร้อย", "ได้"]


@settings(max_examples=40, deadline=None)
@given(
    done=st.integers(2, 999),
    doer=st.sampled_from(_DOERS),
    did=st.sampled_from(["", "ได้"]),
    how_far=st.sampled_from(_HOW_FAR),
)
def test_any_doer_before_an_ask_and_any_how_far_after_it_give_one_directive(done, doer, did, how_far):
    """``<reported> <who>(ได้)ให้<do> ให้<how far>``: one directive, opening on who, with the rest reported."""
    from cddbrief.readers.narrative import split_instructions

    order = f"{doer}{did}ให้จัดทำแผนชุมชน ให้{how_far}ภายในเดือนนี้"
    assert split_instructions(f"ส่งรายงานแล้ว {done} หมู่บ้าน {order}") == ([order], f"ส่งรายงานแล้ว {done} หมู่บ้าน")


def said_values(meeting: Meeting) -> list:
    return [q for _, holder in meeting.holders() for q in holder.quantities]


POINTS_POST = """วันที่ 2 สิงหาคม 2566 นายสมชาย ใจดี อธิบดีกรมการพัฒนาชุมชน เป็นประธานการประชุมผู้บริหาร ณ ห้องประชุมกรม \
มีข้อเน้นย้ำ 2 เรื่อง ได้แก่

1. {first}

2. ผ้าไทย – ขอให้ทุกจังหวัดรายงานผลภายในวันที่ 25 สิงหาคม 2566
"""


@pytest.mark.parametrize(
    "first, days",
    [
        # a range with spaces round its dash, in the point's first words: the topic keeps it whole
        ("งานหัตถศิลป์ถิ่นไทย จัดระหว่างวันที่ 12 – 20 สิงหาคม 2566 ณ อาคาร 1-3 ศูนย์แสดงสินค้า ให้ทุกกองจัดเจ้าหน้าที่",
         (date(2023, 8, 12), date(2023, 8, 20), "12 – 20 สิงหาคม 2566")),
        # a range across months, cut neither at its dash nor at the topic's length
        ("การประชุมสัมมนาเครือข่ายผู้นำ อบรมระหว่าง 30 ก.ย. 66 — 2 ต.ค. 66 ที่จังหวัดขอนแก่น และให้ทุกจังหวัดส่งผู้แทน",
         (date(2023, 9, 30), date(2023, 10, 2), "30 ก.ย. 66 — 2 ต.ค. 66")),
    ],
)  # fmt: skip
def test_a_date_range_said_outside_a_directive_is_kept_whole_with_its_text(first, days):
    meeting = read(POINTS_POST.format(first=first))
    start, end, surface = days
    held = [(s, holder) for _, holder in meeting.holders() for s in holder.dates if s.surface == surface]
    assert [(s.start, s.end) for s, _ in held] == [(start, end)]
    span, holder = held[0]
    assert holder.text[span.span.start : span.span.end] == surface  # evidence: its source text and span
    assert surface in meeting.items[0].topic or surface in holder.text
    # no date is read from half of the range
    assert [s.surface for _, h in meeting.holders() for s in h.dates if s.start == end and s.end == end] == []
    # the plain dash still ends the second point's topic
    assert meeting.items[1].topic == "ผ้าไทย"
    assert [d.text for d in meeting.items[1].directives] == ["ขอให้ทุกจังหวัดรายงานผลภายในวันที่ 25 สิงหาคม 2566"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    day=st.integers(1, 20),
    length=st.integers(1, 8),
    dash=st.sampled_from(["-", "–", "—"]),
    spaces=st.sampled_from(["", " ", "  "]),
    month=st.sampled_from(["สิงหาคม", "ส.ค.", "กันยายน", "มี.ค."]),
    lead=st.sampled_from(["งานหัตถศิลป์", "โครงการผ้าไทยใส่ให้สนุก จัดระหว่างวันที่", "การอบรมผู้นำ ระหว่าง"]),
)
def test_no_dash_of_a_range_loses_its_first_day(day, length, dash, spaces, month, lead):
    surface = f"{day}{spaces}{dash}{spaces}{day + length} {month} 2566"
    meeting = read(POINTS_POST.format(first=f"{lead} {surface} ให้ทุกกองจัดเจ้าหน้าที่ประจำจุดบริการ"))
    ranges = [s for _, h in meeting.holders() for s in h.dates if s.start and s.end and s.start != s.end]
    assert [(s.surface, (s.end - s.start).days) for s in ranges] == [(" ".join(surface.split()), length)]


# --- bullets that open on their topic: one item each ------------------------------------------------

# our own post: a head of office gives guidance (no เป็นประธาน), the points are bullets "topic : what was said"
BULLETED_POST = """สพอ.นาหมื่น ประชุมประจำเดือนสิงหาคม 2567
วันพุธที่ 28 สิงหาคม 2567 เวลา 13.30 น. ณ ห้องประชุมสำนักงานพัฒนาชุมชนอำเภอนาหมื่น นางสาวพิมพ์ลดา ศรีจันทร์ \
พัฒนาการอำเภอนาหมื่น มอบแนวทางการปฏิบัติงานแก่เจ้าหน้าที่ จำนวน 7 คน ดังนี้
{bullets}
ภาพ/ข่าว : สพอ.นาหมื่น
"""
# (topic, what was said of it, what was asked in it)
BULLET_POINTS = [
    ("กลุ่มออมทรัพย์", "ยอดเงินออมสะสม 2.4 แสนบาท", "ขอให้พัฒนากรตรวจบัญชีทุกกลุ่มภายในวันที่ 20 กันยายน 2567"),
    ("ผ้าไทยใส่ให้สนุก", "มีผู้ประกอบการลงทะเบียน 18 ราย", "เน้นย้ำให้แต่งกายผ้าไทยทุกวันอังคาร"),
    ("จปฐ.", "บันทึกข้อมูลแล้ว 1,305 ครัวเรือน", "ให้ผู้รับผิดชอบตำบลตรวจทานข้อมูลก่อนส่งจังหวัด"),
]


def _bullets(bullet: str, colon: str, points=BULLET_POINTS) -> str:
    return "\n".join(f"{bullet} {topic} {colon} {told} {asked}" for topic, told, asked in points)


@pytest.mark.parametrize("bullet", ["●", "•", "◆", "❖", "➢", "-", "*"])
@pytest.mark.parametrize("colon", [":", "：", " :"])
def test_each_bullet_that_opens_on_a_topic_and_a_colon_is_an_item(bullet, colon):
    meeting = read(BULLETED_POST.format(bullets=_bullets(bullet, colon)))
    assert [(i.no, i.topic, [d.text for d in i.directives]) for i in meeting.items] == [
        (n, topic, [asked]) for n, (topic, _, asked) in enumerate(BULLET_POINTS, start=1)
    ]
    # what was said of each topic stays its item's, with its figure, as reported
    reported = {(q.item, q.value, q.context) for _, h in meeting.holders() for q in h.quantities if h.kind != "meeting"}
    assert {(1, 240000, "reported"), (2, 18, "reported"), (3, 1305, "reported")} <= reported
    assert (meeting.chair or "").startswith("นางสาวพิมพ์ลดา ศรีจันทร์")


@pytest.mark.parametrize("bullet", ["●", "-", "◆"])
def test_bullets_without_a_topic_stay_the_directives_of_one_item(bullet):
    """Bullets that only ask (no topic before a colon) are the directives of the post's one item, as before;
    a bullet whose words before a colon ask, or whose words after it are a time, opens no item either."""
    lines = [
        f"{bullet} ขอให้พัฒนากรตรวจบัญชีกลุ่มออมทรัพย์ 12 กลุ่ม",
        f"{bullet} ให้ทุกตำบลรายงานผล : ภายในวันศุกร์ที่ 30 สิงหาคม 2567",
        f"{bullet} เวลา : 16.30 น.",
        f"{bullet} เน้นย้ำให้แต่งกายผ้าไทยทุกวันอังคาร",
    ]
    meeting = read(BULLETED_POST.format(bullets="\n".join(lines)))
    assert len(meeting.items) == 1 and meeting.items[0].inferred
    assert [d.text for d in meeting.items[0].directives] == [
        "ขอให้พัฒนากรตรวจบัญชีกลุ่มออมทรัพย์ 12 กลุ่ม",
        "ให้ทุกตำบลรายงานผล : ภายในวันศุกร์ที่ 30 สิงหาคม 2567",
        "เน้นย้ำให้แต่งกายผ้าไทยทุกวันอังคาร",
    ]
    assert any(n.kind == "inferred" and "named after the meeting" in n.message for n in meeting.notes)


_TOPICS = ["กองทุนหมู่บ้าน", "ตลาดนัดชุมชน", "OTOP", "ศูนย์เรียนรู้ชุมชน", "สัมมาชีพ", "ครัวเรือนยากจน", "การออมวันละบาท"]
_SAID = [
    ("ขอให้ติดตามกลุ่มอาชีพ {n:,} กลุ่ม", 1),
    ("ยอดจำหน่ายสินค้า {n:,} บาท ให้ประชาสัมพันธ์ทุกสัปดาห์", 1),
    ("ผลการดำเนินงาน {n:,} ครัวเรือน", 0),
    ("เน้นย้ำให้ลงพื้นที่ {n:,} หมู่บ้าน", 1),
]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    points=st.lists(
        st.tuples(st.sampled_from(_TOPICS), st.sampled_from(_SAID), st.integers(2, 99_999)), min_size=1, max_size=6
    ),
    bullet=st.sampled_from(["●", "•", "◆", "❖", "➢", "-", "*"]),
    colon=st.sampled_from([":", "：", " : ", ": "]),
)
def test_any_k_bullets_with_topics_are_k_items_with_those_topics(points, bullet, colon):
    lines = [f"{bullet} {topic}{colon}{said.format(n=n)}" for topic, (said, _), n in points]
    meeting = read(BULLETED_POST.format(bullets="\n".join(lines)))
    assert [i.topic for i in meeting.items] == [topic for topic, _, _ in points]
    assert [len(i.directives) for i in meeting.items] == [asks for _, (_, asks), _ in points]
    figures = [(q.item, q.value) for _, h in meeting.holders() for q in h.quantities if q.item is not None]
    assert sorted(figures) == sorted((k, n) for k, (_, _, n) in enumerate(points, start=1))


# orders grouped under who gave them: each heading an item named after that person or office
ORDERS_POST = """สพอ.บ้านโฮ่ง ประชุมข้าราชการ ครั้งที่ 9/2567
วันอังคารที่ 10 กันยายน 2567 เวลา 09.00 น. นายวีระ คำมูล พัฒนาการอำเภอบ้านโฮ่ง เป็นประธานการประชุมข้าราชการ \
ครั้งที่ 9/2567 ณ ห้องประชุมสำนักงานพัฒนาชุมชนอำเภอบ้านโฮ่ง สรุปข้อสั่งการ ดังนี้
{first}นายอำเภอบ้านโฮ่ง (จากการประชุมกรมการอำเภอ เมื่อวันที่ 5 กันยายน 2567)
{bullet} ให้ทุกหน่วยงานรณรงค์ป้องกันไข้เลือดออก
{bullet} ให้รายงานผลการเบิกจ่ายทุกวันจันทร์
{second}พัฒนาการจังหวัดลำพูน{lead_in}
{bullet} ให้พัฒนากรตรวจบัญชีกลุ่มออมทรัพย์ 14 กลุ่ม
{bullet} ให้ส่งแผนชีวิตครัวเรือนภายในวันที่ 30 กันยายน 2567
{bullet} ให้แต่งกายผ้าไทยทุกวันอังคาร
แจ้งเพื่อทราบ
{bullet} จังหวัดจะตรวจติดตามงานในเดือนตุลาคม
ภาพ/ข่าว : สพอ.บ้านโฮ่ง
"""


@pytest.mark.parametrize("first, second", [("ข้อสั่งการ", "ข้อสั่งการ"), ("ข้อสั่งการของ", "นโยบาย"), ("ข้อเน้นย้ำ", "ข้อสั่งการ ")])
@pytest.mark.parametrize("bullet", ["-", "●", "•"])
@pytest.mark.parametrize("lead_in", ["", " ดังนี้"])
def test_orders_grouped_under_who_gave_them_are_an_item_each(first, second, bullet, lead_in):
    meeting = read(ORDERS_POST.format(first=first, second=second, bullet=bullet, lead_in=lead_in))
    assert [(i.topic, len(i.directives), i.inferred) for i in meeting.items] == [
        ("นายอำเภอบ้านโฮ่ง", 2, False),
        ("พัฒนาการจังหวัดลำพูน", 3, False),
        ("แจ้งเพื่อทราบ", 0, False),
    ]
    assert [d.text for d in meeting.items[1].directives][0] == "ให้พัฒนากรตรวจบัญชีกลุ่มออมทรัพย์ 14 กลุ่ม"
    # the aside in brackets stays with its item, its date kept as reported
    assert (1, "reported", date(2024, 9, 5), "reported") in said(meeting)["dates"]
    assert (2, "directive", 14, "กลุ่ม", "asked") in said(meeting)["quantities"]
    assert not any("named after the meeting" in n.message for n in meeting.notes)


@pytest.mark.parametrize(
    "heading",
    [
        "ประธานได้มอบแนวทางการปฏิบัติงาน ดังนี้",  # a sentence that leads into its points
        "ที่ประชุมรับทราบผลการดำเนินงาน",  # says what was reported
        "วันที่ 12 กันยายน 2567",  # a date alone
    ],
)
def test_a_line_above_bullets_that_is_no_heading_opens_no_item(heading):
    text = ORDERS_POST.split("\n")[:2] + [heading, "- ให้พัฒนากรตรวจบัญชีกลุ่มออมทรัพย์ 14 กลุ่ม", "- ให้ส่งรายงาน"]
    meeting = read("\n".join(text) + "\n")
    assert len(meeting.items) == 1 and meeting.items[0].inferred
    assert meeting.items[0].topic == "ข้าราชการ"  # the meeting's name, said in a note, as before
    assert [d.text for d in meeting.items[0].directives] == ["ให้พัฒนากรตรวจบัญชีกลุ่มออมทรัพย์ 14 กลุ่ม", "ให้ส่งรายงาน"]


def test_a_heading_without_bullets_below_is_a_paragraph():
    text = ORDERS_POST.format(first="ข้อสั่งการ", second="ข้อสั่งการ", bullet="-", lead_in="")
    text = text.replace("\n- ", "\n")  # the orders are paragraphs now, not bullets
    meeting = read(text)
    assert "นายอำเภอบ้านโฮ่ง" not in [i.topic for i in meeting.items]


# topic paragraphs that open on a topic the glossary knows, with no ด้าน/สำหรับ before it
KNOWN_TOPICS_POST = """สพอ.ลี้ ประชุมประจำเดือนตุลาคม 2567
วันพุธที่ 9 ตุลาคม 2567 เวลา 13.30 น. ณ ห้องประชุมสำนักงานพัฒนาชุมชนอำเภอลี้ นางสาวศิริพร ดวงแก้ว พัฒนาการอำเภอลี้ \
เป็นประธานการประชุมเจ้าหน้าที่ประจำเดือนตุลาคม 2567 มีสาระสำคัญดังนี้
{paragraphs}
สำหรับการประชุมประจำเดือนครั้งต่อไป กำหนดจัดในวันพุธที่ 13 พฤศจิกายน 2567
ภาพ/ข่าว : สพอ.ลี้
"""
_KNOWN = [
    ("หมู่บ้านเศรษฐกิจพอเพียง", "ผ่านการประเมินแล้ว 6 หมู่บ้าน", "ขอให้พัฒนากรเตรียมเอกสารหมู่บ้านที่เหลือ"),
    ("กองทุนพัฒนาบทบาทสตรี", "มีหนี้ค้างชำระ 42,000 บาท", "ให้อำเภอติดตามหนี้ให้แล้วเสร็จภายในเดือนนี้"),
    ("ศูนย์เรียนรู้ชุมชน", "เปิดให้เยี่ยมชมแล้ว 3 แห่ง", ""),
    ("ข้อมูล จปฐ.", "บันทึกแล้ว 2,310 ครัวเรือน", "ให้ตรวจทานข้อมูลก่อนส่งจังหวัด"),
    ("ครัวเรือนยากจน", "ได้รับการช่วยเหลือแล้ว 57 ครัวเรือน", "กำชับให้ลงเยี่ยมทุกครัวเรือน"),
]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_KNOWN), min_size=1, max_size=5, unique=True))
def test_paragraphs_that_open_on_a_known_topic_are_its_items(points):
    paragraphs = "\n".join(" ".join(filter(None, point)) for point in points)
    meeting = read(KNOWN_TOPICS_POST.format(paragraphs=paragraphs))
    assert [i.topic for i in meeting.items] == [topic for topic, _, _ in points]
    assert [len(i.directives) for i in meeting.items] == [1 if asked else 0 for _, _, asked in points]
    # the meeting's own name is never a topic, nor the next meeting
    assert not any("ประชุม" in i.topic or "เจ้าหน้าที่" in i.topic for i in meeting.items)
    assert not any(i.inferred for i in meeting.items)


def test_a_speakers_paragraph_is_about_the_topic_it_names_before_it_asks():
    paragraphs = (
        "รองอธิบดีกล่าวว่า ในไตรมาสหน้า กรมฯ จะขยายผลโคก หนอง นา อีก 120 แปลง ขอให้จังหวัดคัดเลือกครัวเรือนต้นแบบ\n"
        "ส่วนการเบิกจ่ายงบประมาณ ให้ทุกอำเภอรายงานผลทุกวันศุกร์"
    )
    meeting = read(KNOWN_TOPICS_POST.format(paragraphs=paragraphs))
    assert [(i.topic, len(i.directives)) for i in meeting.items] == [
        ("โคก หนอง นา", 1),
        ("การเบิกจ่ายงบประมาณ", 1),
    ]


@pytest.mark.parametrize(
    "paragraph",
    [
        "พัฒนาการอำเภอกล่าวว่า ขอให้ทุกคนรักษาสุขภาพ และให้ช่วยกันดูแลกองทุนหมู่บ้าน",  # asks before a topic
        "ยังไม่ส่งรายงานกองทุนหมู่บ้าน ให้พัฒนากรเร่งรัด",  # a known topic, but not where the paragraph opens
    ],
)
def test_a_topic_named_too_late_opens_no_item(paragraph):
    meeting = read(KNOWN_TOPICS_POST.format(paragraphs=paragraph))
    assert len(meeting.items) == 1 and meeting.items[0].inferred
    assert "กองทุนหมู่บ้าน" not in meeting.items[0].topic


FIELD_VISIT = """พัฒนาการจังหวัดพะเยา ลงพื้นที่เยี่ยมกลุ่มจักสานบ้านดอนไชย
วันศุกร์ที่ 8 พฤศจิกายน 2567 นายสมชาย วงศ์ดี พัฒนาการจังหวัดพะเยา ลงพื้นที่ติดตามการดำเนินงานของกลุ่มจักสาน{where}
กลุ่มมีสมาชิก 31 คน ขอให้กลุ่มจดบัญชีรายรับรายจ่ายทุกเดือน
ภาพ/ข่าว : สพจ.พะเยา
"""


@pytest.mark.parametrize(
    "where", [" ณ ศาลาประชุมหมู่บ้าน", " ณ ศาลาประชุมประจำหมู่บ้านดอนไชย", " ณ อาคารประชุมอเนกประสงค์", " ณ โรงประชุมวัด"]
)
def test_a_field_visit_to_a_meeting_hall_is_refused(where):
    with pytest.raises(NotAWriteUp) as caught:
        read(FIELD_VISIT.format(where=where))
    assert "tells of no meeting" in str(caught.value) and "\n" not in str(caught.value)


def test_a_meeting_held_in_a_village_hall_is_still_a_meeting():
    text = FIELD_VISIT.format(where=" ณ ศาลาประชุมหมู่บ้าน").replace(
        "ลงพื้นที่ติดตามการดำเนินงานของกลุ่มจักสาน", "เป็นประธานการประชุมคณะกรรมการกลุ่มจักสาน ครั้งที่ 2/2567"
    )
    meeting = read(text)
    assert meeting.id == "2567-02" and meeting.place and "ศาลาประชุม" in meeting.place
    assert [d.text for i in meeting.items for d in i.directives] == ["ขอให้กลุ่มจดบัญชีรายรับรายจ่ายทุกเดือน"]


# a post that tells of its meeting, then a box of things to do: dash lines, most without ให้
ORDERS_BOX = """สพอ.ท่าวังผา ประชุมประจำเดือนมีนาคม 2567
วันอังคารที่ 12 มีนาคม 2567 นายสมชาย ใจงาม พัฒนาการอำเภอท่าวังผา เป็นประธานการประชุมประจำเดือนมีนาคม 2567 \
ณ ห้องประชุมที่ว่าการอำเภอท่าวังผา พัฒนากรรายงานว่า กลุ่มออมทรัพย์บ้านนาเงิน ปล่อยกู้แล้ว 64,000 บาท
{heading}
- รวบรวมข้อมูลกลุ่มออมทรัพย์ทุกตำบลส่งอำเภอภายในวันที่ 29 มีนาคม 2567
- ประสานผู้นำชุมชนเรื่องตลาดนัดผ้าทอ
- พัฒนากรทุกคนลงพื้นที่เยี่ยมครัวเรือนยากจนให้ครบทุกหมู่บ้าน
"""


@pytest.mark.parametrize("heading", ["ข้อสั่งการ/สิ่งที่ต้องดำเนินการ", "สิ่งที่ต้องดำเนินการ :", "ข้อสั่งการ และข้อเน้นย้ำ"])
def test_a_box_of_things_to_do_after_the_story_asks_each_of_its_dash_lines(heading):
    meeting = read(ORDERS_BOX.format(heading=heading))
    assert [d.text for i in meeting.items for d in i.directives] == [
        "รวบรวมข้อมูลกลุ่มออมทรัพย์ทุกตำบลส่งอำเภอภายในวันที่ 29 มีนาคม 2567",
        "ประสานผู้นำชุมชนเรื่องตลาดนัดผ้าทอ",
        "พัฒนากรทุกคนลงพื้นที่เยี่ยมครัวเรือนยากจนให้ครบทุกหมู่บ้าน",
    ]
    assert len(meeting.items) == 1 and meeting.items[0].inferred  # one item, named after the meeting, said so
    assert not any("สิ่งที่ต้อง" in i.topic or "/" in i.topic for i in meeting.items)
    assert any(n.kind == "inferred" and n.item == 1 for n in meeting.notes)
    asked = [s.start for d in meeting.items[0].directives for s in d.dates]
    assert asked == [date(2024, 3, 29)]


POSTPONED = """{head}
ตามที่สำนักงานพัฒนาชุมชนอำเภอท่าวังผาได้กำหนดการประชุมประจำเดือน ครั้งที่ 4/2567 ในวันพุธที่ 10 เมษายน 2567 \
ณ ห้องประชุมที่ว่าการอำเภอ นั้น
เนื่องจากประธานติดภารกิจ จึงขอเลื่อนการประชุมออกไปเป็นวันศุกร์ที่ 19 เมษายน 2567 เวลาและสถานที่เดิม
ขอให้พัฒนากรทุกคนเตรียมรายงานผลการดำเนินงานมาด้วย
"""


@pytest.mark.parametrize(
    "head", ["แจ้งเลื่อนการประชุมประจำเดือน ครั้งที่ 4/2567", "ขอเลื่อนการประชุม", "ยกเลิกการประชุมประจำเดือนเมษายน"]
)
def test_a_notice_that_a_meeting_is_postponed_is_refused_in_one_line(head):
    with pytest.raises(NotAWriteUp) as caught:
        read(POSTPONED.format(head=head))
    message = str(caught.value)
    assert "postponed or called off" in message and "\n" not in message


def test_a_meeting_that_was_moved_and_then_held_is_read():
    """Its head says it was moved, but the lines below tell what the meeting heard and decided."""
    text = POSTPONED.format(head="เลื่อนการประชุมประจำเดือน ครั้งที่ 4/2567") + (
        "วันศุกร์ที่ 19 เมษายน 2567 นายสมชาย ใจงาม พัฒนาการอำเภอ เป็นประธาน ที่ประชุมรับทราบผลการดำเนินงาน 12 กองทุน\n"
    )
    meeting = read(text)
    assert meeting.id == "2567-04"


# asks that open on ฝาก or มอบ, with who is asked right after them, among asks that open on กำชับ and ขอให้
ASKED_BY_HANDING = """ประชุมประจำเดือน ครั้งที่ 6/2567 สำนักงานพัฒนาชุมชนอำเภอเวียงสา
วันที่ 5 มิถุนายน 2567 นายสมพร ใจดี พัฒนาการอำเภอเวียงสา เป็นประธานการประชุมข้าราชการ ณ ห้องประชุมอำเภอเวียงสา
ประธานกำชับทุกตำบลส่งแผนงานภายในวันที่ 10 มิ.ย. 67 {middle} และขอให้ทุกคนแต่งกายผ้าไทยทุกวันอังคาร
"""


@pytest.mark.parametrize(
    "ask",
    [
        "ฝากพัฒนากรประจำตำบลติดตามกองทุนหมู่บ้าน 12 กองทุน",
        "ฝากให้ทุกตำบลรายงานผลทุกสัปดาห์",
        "มอบนักวิชาการเงินและบัญชีจัดทำรายงานการเงิน",
        "มอบเจ้าหน้าที่การเงินตรวจสอบเอกสาร 4 โครงการ",
        "ฝากนางสาวมาลี ศรีสุข ประสานผู้นำชุมชน",
        "มอบให้อำเภอจัดเวทีประชาคม",
    ],
)
def test_an_ask_that_hands_a_task_to_someone_is_a_directive_of_its_own(ask):
    meeting = read(ASKED_BY_HANDING.format(middle=ask))
    assert [d.text for item in meeting.items for d in item.directives] == [
        "ประธานกำชับทุกตำบลส่งแผนงานภายในวันที่ 10 มิ.ย. 67",
        ask,  # its และ before the next ask is left out
        "ขอให้ทุกคนแต่งกายผ้าไทยทุกวันอังคาร",
    ]
    assert [n.surface for n in meeting.notes if "hands a task" in n.message] == [ask]  # said in a note


@pytest.mark.parametrize(
    "said",
    [
        "ฝากขอบคุณทุกตำบลที่ร่วมงานวันสตรีสากล",  # thanks
        "มอบเกียรติบัตรแก่พัฒนากร 3 ราย",  # hands over a certificate
        "มอบอำเภอละ 2 ชุด",  # a share, not who
        "ยอดเงินฝากสัจจะ 12 กลุ่ม",  # ฝาก inside a word
        "ฝากความห่วงใยถึงทุกคน",
    ],
)
def test_fak_or_mop_that_hands_no_task_to_anyone_asks_nothing(said):
    meeting = read(ASKED_BY_HANDING.format(middle=said))
    directives = [d.text for item in meeting.items for d in item.directives]
    assert len(directives) == 2 and not any(d.startswith(("ฝาก", "มอบ")) for d in directives)


@pytest.mark.parametrize(
    "what_for",
    [
        "สำหรับงานวันสตรีสากลอำเภอ ซึ่งจะจัดระหว่างวันที่ 20 – 22 มิ.ย. 67",
        "ซึ่งจะจัดระหว่างวันที่ 20 – 22 มิ.ย. 67 ณ หอประชุมอำเภอ",
        "สำหรับงานวันสตรีสากลอำเภอ",
    ],
)
def test_what_an_ask_is_for_stays_with_it_and_the_next_ask_is_read(what_for):
    middle = f"กำชับทุกตำบลจัดรถรับส่ง 3 คัน {what_for} และมอบเจ้าหน้าที่การเงินเบิกค่าน้ำมัน"
    meeting = read(ASKED_BY_HANDING.format(middle=middle))
    directives = [d for item in meeting.items for d in item.directives]
    assert [d.text for d in directives][1:3] == [
        f"กำชับทุกตำบลจัดรถรับส่ง 3 คัน {what_for}",
        "มอบเจ้าหน้าที่การเงินเบิกค่าน้ำมัน",
    ]
    if "20 – 22" in what_for:
        assert [(s.start, s.end) for s in directives[1].dates] == [(date(2024, 6, 20), date(2024, 6, 22))]


@pytest.mark.parametrize(
    "sentence, reported",
    [
        ("ซึ่งขณะนี้ส่งแล้ว 5 ตำบล", "ซึ่งขณะนี้ส่งแล้ว 5 ตำบล"),  # what is done now: reported
        ("สำหรับกองทุนหมู่บ้าน มีการชำระคืนแล้ว 8 กองทุน", "สำหรับกองทุนหมู่บ้าน มีการชำระคืนแล้ว 8 กองทุน"),
    ],
)
def test_a_sentence_that_reports_after_an_ask_is_not_the_asks(sentence, reported):
    meeting = read(ASKED_BY_HANDING.format(middle=f"กำชับทุกตำบลส่งรายงาน {sentence}"))
    assert [d.text for item in meeting.items for d in item.directives][1] == "กำชับทุกตำบลส่งรายงาน"
    assert any(reported in p.text for p in meeting.passages if p.kind == "reported")
