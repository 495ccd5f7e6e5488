"""Every statement true: what each dated action is, windows that closed before the meeting,
the day "upcoming" counts from, the calendar, and the role of every figure (issue 10).

Each test reads the sample (meeting 4/2562) and documents of our own making (docgen), and
asserts on the words and values a reader sees.
"""

from __future__ import annotations

import random
from datetime import date

import docgen
import pytest
from conftest import SAMPLE


def _meeting(tmp_path, sentences, number=3, year_be=2563, date_text="", topic="กองทุนหมู่บ้าน"):
    from cddbrief import read_meeting

    gen = docgen.GenMeeting(
        number=number, year_be=year_be, office="สำนักงานพัฒนาชุมชนจังหวัดน่าน", district=None, province="น่าน",
        items=[docgen.GenItem(1, topic, [docgen.Sentence(s) for s in sentences])], date_text=date_text,
    )  # fmt: skip
    path = tmp_path / f"gen-{number}-{year_be}.txt"
    path.write_text(docgen.render_dump(gen), encoding="utf-8")
    return read_meeting(path)


@pytest.fixture(scope="module")
def sample():
    from cddbrief import read_meeting

    return read_meeting(SAMPLE)


# --- 1. what each dated action is ----------------------------------------------------------------

CONNECTORS = ("ภายในวันที่", "ระหว่างวันที่", "ตั้งแต่", "เดิมกำหนด", "กำหนดเป็น")


def test_sample_deadlines_say_the_action_not_the_words_before_the_date(sample):
    from cddbrief.brief import Brief

    rows = {(r["when"], r["what"]) for r in Brief(sample).deadlines()}
    whats = dict(rows)
    # "ครั้งที่ 1 … ภายในวันที่ 25 มี.ค.ครั้งที่ 2 ภายในวันที่ 25 ก.ย. 62": the second round is the same action, round 2
    assert whats["25 ก.ย. 2562"] == "ให้จังหวัดบันทึกผลในระบบศูนย์ข้อมูลกลางพร้อมแนบรายงานสรุปในระบบ BPM ครั้งที่ 2"
    # a schedule: the date opens its clause, the action follows it
    assert whats["10–17 พ.ค. 2562"] == "รับสมัครผลิตภัณฑ์เข้าคัดสรรดำเนินการให้คะแนนส่วน ก"
    assert whats["10 มิ.ย. 2562"] == "ประกาศผลการคัดสรรรอบแรก"
    for _, what in rows:
        assert not what.endswith(CONNECTORS) and not any(c in what for c in ("ภายในวันที่", "กำหนดเป็น")), what


def test_sample_reschedule_shows_the_new_date_and_where_it_came_from(sample):
    from cddbrief.brief import Brief

    row = next(r for r in Brief(sample).deadlines() if r["when"] == "24 เม.ย. 2562")
    assert row["what"] == "การประชุมคณะกรรมการคัดสรร" and row["moved_from"] == "29 มี.ค. 2562"
    html = Brief(sample).section("deadlines")
    assert "เลื่อนจาก 29 มี.ค. 2562" in html and "«24 เม.ย. 62»" in html  # the source text kept


def test_own_document_actions(tmp_path):
    from cddbrief.brief import Brief

    m = _meeting(tmp_path, [
        "ให้อำเภอจัดเก็บข้อมูลความจำเป็นพื้นฐานระหว่างวันที่ 1 - 15 พ.ค. 63 ณ ที่ทำการกำนันทุกตำบล",
        "ขอให้จังหวัดส่งแบบรายงานผลการคัดเลือกหมู่บ้านต้นแบบ ภายในวันที่ 30 มิ.ย. 63",
        "เลื่อนการอบรมผู้นำอาสาพัฒนาจากเดิมกำหนดวันที่ 3 ก.ค. 63 กำหนดเป็นวันที่ 17 ก.ค. 63",
        "ตั้งแต่วันที่ 1 ส.ค. 63 เป็นต้นไป ให้ทุกจังหวัดรายงานผ่านระบบออนไลน์เท่านั้น",
    ])  # fmt: skip
    whats = {r["when"]: r for r in Brief(m).deadlines()}
    assert (
        whats["1–15 พ.ค. 2563"]["what"] == "ให้อำเภอจัดเก็บข้อมูลความจำเป็นพื้นฐาน ณ ที่ทำการกำนันทุกตำบล"
    )  # the clause goes on after the date
    assert whats["30 มิ.ย. 2563"]["what"] == "ขอให้จังหวัดส่งแบบรายงานผลการคัดเลือกหมู่บ้านต้นแบบ"
    assert (
        whats["17 ก.ค. 2563"]["what"] == "การอบรมผู้นำอาสาพัฒนา" and whats["17 ก.ค. 2563"]["moved_from"] == "3 ก.ค. 2563"
    )
    assert whats["1 ส.ค. 2563"]["what"] == "ให้ทุกจังหวัดรายงานผ่านระบบออนไลน์เท่านั้น"
    en = {r["when"]: r["moved_from"] for r in Brief(m, "en").deadlines()}
    assert en["17 Jul 2020"] == "3 Jul 2020"


@pytest.mark.parametrize("seed", range(6))
def test_generated_actions_never_end_in_a_connector(tmp_path, seed):
    """docgen's sentences (ภายในวันที่, ระหว่างวันที่, เดิมกำหนด … กำหนดเป็น) in random meetings."""
    from cddbrief.brief import Brief
    from cddbrief.meeting import read_meeting

    gen = docgen.meeting(random.Random(seed))
    path = tmp_path / "m.txt"
    path.write_text(docgen.render_dump(gen), encoding="utf-8")
    rows = Brief(read_meeting(path)).dated_actions()
    for r in rows:
        assert r["what"] and not r["what"].endswith(CONNECTORS) and r["surface"] not in r["what"], r
        if "จัดประชุมเชิงปฏิบัติการ" in r["sentence"] and r["role"] is None:
            assert r["what"] == "จัดประชุมเชิงปฏิบัติการ"
        if r["role"] == "rescheduled":
            assert r["what"] == "การคัดสรร"


# --- 2. windows that closed before the meeting ------------------------------------------------------


def test_sample_old_windows_are_not_deadlines(sample):
    from cddbrief.brief import Brief

    b = Brief(sample)
    assert all(r["start"].year == 2019 for r in b.deadlines())
    past = b.past_windows()
    assert [r["surface"] for r in past] == ["ปี 57 - 30 ก.ย. 61", "ปี 57-61"]
    assert any(s.surface == "ปี 57-61" for _, d in sample.directives() for s in d.dates)  # still in the dates
    html = b.section("deadlines")
    assert "ช่วงเวลาที่สิ้นสุดก่อนการประชุม" in html and "ผ่านไปแล้ว" in html
    table = html.split("<h3>")[0]
    assert "2557" not in table  # not in the deadlines table
    _, alt = b.timeline_chart()
    assert "25 มี.ค. 2562" in alt and "2557" not in alt  # the scale starts at the meeting's months


def test_timeline_scale_is_the_meetings_months(tmp_path, monkeypatch):
    """One window years before the meeting neither stretches nor pads the axis."""
    from cddbrief import charts
    from cddbrief.brief import Brief

    m = _meeting(tmp_path, [
        "ผู้ประกอบการที่ลงทะเบียนระหว่างวันที่ 1 ม.ค. 2558 - 31 ธ.ค. 2559 ส่งผลิตภัณฑ์ได้",
        "ให้จังหวัดรายงานผลการคัดสรร ภายในวันที่ 20 มี.ค. 63",
        "ให้จังหวัดส่งผลการประเมิน ภายในวันที่ 10 พ.ค. 63",
    ], number=2, date_text=" วันที่ 17 กุมภาพันธ์ 2563")  # fmt: skip
    assert m.meeting_date == date(2020, 2, 17)
    seen = {}
    real = charts._png

    def keep(fig):
        seen["xlim"] = fig.axes[0].get_xlim()
        return real(fig)

    monkeypatch.setattr(charts, "_png", keep)
    Brief(m).timeline_chart()
    from matplotlib.dates import num2date

    low, high = (num2date(x).date() for x in seen["xlim"])
    assert date(2020, 3, 1) <= low <= date(2020, 3, 20) and date(2020, 5, 11) <= high <= date(2020, 5, 31)


# --- 5. the day "upcoming" counts from ------------------------------------------------------------------


def test_reference_day_is_stated(tmp_path, sample):
    from cddbrief.brief import Brief

    dated = _meeting(tmp_path, ["ให้จังหวัดรายงานผล ภายในวันที่ 20 มี.ค. 63"], number=2, date_text=" วันที่ 17 กุมภาพันธ์ 2563")
    assert Brief(dated).reference_text() == "นับจากวันที่ 17 ก.พ. 2563 (วันประชุมตามต้นฉบับ)"
    assert Brief(dated, as_of="2020-03-21").reference_text() == "นับจากวันที่ 21 มี.ค. 2563 (วันที่ผู้ใช้กำหนด)"
    assert Brief(dated, as_of="2020-03-21").deadlines() == []  # 20 มี.ค. is past from 21 มี.ค.
    # no meeting date: the first day the meeting sets for an action
    assert (
        Brief(sample, "en").reference_text().startswith("counted from 25 Mar 2019 (the write-up gives no meeting date")
    )
    assert "นับจากวันที่ 25 มี.ค. 2562" in Brief(sample).section("deadlines")


def test_queries_count_from_a_stated_day(tmp_path):
    import cddbrief
    from cddbrief import queries

    _meeting(tmp_path, ["ให้จังหวัดรายงานผล ภายในวันที่ 20 มี.ค. 63"], number=2, date_text=" วันที่ 17 กุมภาพันธ์ 2563")
    _meeting(
        tmp_path, ["ให้จังหวัดรายงานผล ภายในวันที่ 20 เม.ย. 63", "ผู้ที่ลงทะเบียนระหว่างวันที่ 1 ม.ค. 2558 - 31 ธ.ค. 2559"], number=3
    )
    f = cddbrief.load_corpus(tmp_path)
    day, why = queries.reference(f)
    assert str(day.date()) == "2020-04-20" and "2563-03" in why  # the latest meeting: no date, its first action
    day, why = queries.reference(f, "2020-03-01")
    assert str(day.date()) == "2020-03-01" and why == "as_of"
    soon = queries.deadlines_within(f, day, 30)
    assert [d.day for d in soon["when"]] == [20]


# --- 12. the calendar ---------------------------------------------------------------------------------


def _events(path):
    from icalendar import Calendar

    return list(Calendar.from_ical(path.read_bytes()).walk("VEVENT"))


def test_calendar_titles_are_actions_and_old_windows_are_no_events(tmp_path, sample):
    from cddbrief.exports import export

    [path] = export(sample, "ics", tmp_path)
    events = _events(path)
    titles = [str(e["summary"]) for e in events]
    assert "OTOP: การประชุมคณะกรรมการคัดสรร (เลื่อนจาก 29 มี.ค. 2562)" in titles
    assert all(not t.endswith(CONNECTORS) for t in titles)
    assert all(e.decoded("dtstart").year == 2019 for e in events)  # ปี 57 - 30 ก.ย. 61 is no event
    # the monthly report: one event with a rule, not one more on its first day
    on_first = [e for e in events if e.decoded("dtstart") == date(2019, 4, 25) and "ให้รายงาน" in str(e["summary"])]
    assert len(on_first) == 1 and "rrule" in on_first[0]
    rule = on_first[0]["rrule"]
    assert "COUNT" not in rule and "UNTIL" not in rule
    assert "ต้นฉบับไม่ได้ระบุวันสิ้นสุด" in str(on_first[0]["description"]) and "ไม่ระบุวันสิ้นสุด" in str(on_first[0]["summary"])


def test_calendar_in_english_and_a_recurrence_with_no_first_date(tmp_path):
    from cddbrief.exports import export

    m = _meeting(tmp_path, [
        "ให้จังหวัดรายงานผลการเบิกจ่ายทุกวันที่ 10 ของเดือน",
        "ให้จังหวัดส่งแผนการดำเนินงาน ภายในวันที่ 10 เม.ย. 63",
    ], number=3, date_text=" วันที่ 20 มีนาคม 2563")  # fmt: skip
    [path] = export(m, "ics", tmp_path / "out", lang="en")
    assert path.name.endswith(".en.ics")
    events = _events(path)
    monthly = next(e for e in events if "rrule" in e)
    assert monthly.decoded("dtstart") == date(2020, 4, 10)  # the first 10th after the meeting of 20 Mar
    assert "every month on day 10, no end given" in str(monthly["summary"])
    assert "the source gives no first date" in str(monthly["description"]) and "the source gives no end" in str(
        monthly["description"]
    )
    single = [e for e in events if "rrule" not in e]
    assert [e.decoded("dtstart") for e in single] == [date(2020, 4, 10)]  # another directive's day: kept
    assert str(single[0]["summary"]).endswith(": ให้จังหวัดส่งแผนการดำเนินงาน")
    assert "Item 1 · meeting 3/2563 (2020)" in str(single[0]["description"])


# --- 4. figure roles ---------------------------------------------------------------------------------


def test_roles_in_frames_and_json(sample):
    import cddbrief

    q = cddbrief.frames(sample).quantities
    roles = dict(zip(q["surface"], q["role"]))
    assert roles["15,804,000 บาท"] == "total" and roles["18,000 บาท"] == "rate" and roles["9,585 ครัวเรือน"] == "part"
    assert roles["7.91%"] == "share" and roles["121,150 ครัวเรือน"] == "total"
    assert str(q["role"].dtype) == "string"
    data = sample.to_dict()["quantities"]
    assert {(d["surface"], d["role"]) for d in data} >= {
        ("18,000 บาท", "rate"),
        ("51 วิชา", "total"),
        ("21 วิชา", "part"),
    }


@pytest.mark.parametrize("seed", range(8))
def test_roles_of_generated_sentences(tmp_path, seed):
    """docgen's budget sentence (total, count, rate) and collection sentence (target, part, share)."""
    from cddbrief.meeting import read_meeting

    gen = docgen.meeting(random.Random(100 + seed))
    path = tmp_path / "m.txt"
    path.write_text(docgen.render_dump(gen), encoding="utf-8")
    m = read_meeting(path)
    for _, d in m.directives():
        qs = d.quantities
        if d.text.startswith("งบประมาณ") and "หมู่บ้านละ" in d.text:
            assert [q.role for q in qs] == ["total", "total", "rate"], d.text
        if d.text.startswith("เป้าหมาย") and "จัดเก็บได้" in d.text:
            assert [q.role for q in qs] == ["total", "part", "share"], d.text


def test_figures_in_baht_never_adds_a_rate_to_a_total(tmp_path):
    import cddbrief
    from cddbrief import queries

    _meeting(tmp_path, ["งบประมาณ 2,400,000 บาท ดำเนินการ 120 หมู่บ้าน หมู่บ้านละ 20,000 บาท",
                        "เบิกจ่ายแล้ว 1,000,000 บาท จากงบประมาณทั้งหมด 2,400,000 บาท"], number=4)  # fmt: skip
    f = cddbrief.load_corpus(tmp_path)
    by_topic, rows = queries.figures_in(f, "บาท")
    assert by_topic.loc["กองทุนหมู่บ้าน", "sum"] == 2_400_000 + 2_400_000  # the two stated budgets, no rate
    assert by_topic.loc["กองทุนหมู่บ้าน", "rates"] == 1 and by_topic.loc["กองทุนหมู่บ้าน", "count"] == 4
    assert rows[rows["value"] == 20000]["role"].tolist() == ["rate"]
