"""Quantities and Thai dates on sentences of their own: what is read, and what must not be."""

from __future__ import annotations

from datetime import date

import pytest

from cddbrief.extract import extract_text
from cddbrief.quantities import find_quantities
from cddbrief.thaidates import be_year, find_dates, format_span_en, format_span_th


def figures(text):
    spans, _ = find_dates(text, 2562)
    found, _ = find_quantities(text, [s.span for s in spans])
    return [(q.value, q.unit) for q in found]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("มีจังหวัดที่รายงานข้อมูลแล้วทั้งสิ้น 76 จังหวัด", [(76, "จังหวัด")]),
        ("ใช้งบประมาณ 15,804,000  บาท", [(15804000, "บาท")]),
        ("ได้รับ 15.8 ล้านบาท", [(15800000, "บาท")]),
        ("ประชากร ๖๖ ล้านคน", [(66000000, "คน")]),
        ("ผ่านเกณฑ์ร้อยละ 68.25 ของเป้าหมาย", [(68.25, "%")]),
        ("คิดเป็น 100.03  %", [(100.03, "%")]),
        ("ลำพูน   97.5 9%", [(97.59, "%")]),
        ("จัดเก็บได้ ๑๒,๘๒๗,๔๕๖ ครัวเรือน", [(12827456, "ครัวเรือน")]),
        ("จำนวน 3 เดือน และ 15 วัน", [(3, "เดือน"), (15, "วัน")]),
        ("สนับสนุน 25 กลุ่ม 40 ผลิตภัณฑ์ 12 แห่ง", [(25, "กลุ่ม"), (40, "ผลิตภัณฑ์"), (12, "แห่ง")]),
        ("ประชุมครั้งที่ 1 และประกาศผลรอบ 2", []),
        ("บันทึกลงใน กพ. 7 และ ภ.ง.ด. 90", []),
        ("ในปี 2562 และปีงบประมาณ 63", []),
        ("ประชุมครั้งที่ 4/2562 เวลา 10:30 น.", []),
        ("ภายใน 15 วันที่ 20 มี.ค. 62", []),
        ("ดำเนินการ 1 ครั้งที่ผ่านมา", []),
    ],
)
def test_quantities(text, expected):
    assert figures(text) == expected


def test_per_and_entity():
    found, _ = find_quantities("หมู่บ้านละ 18,000 บาท เดือนละ 1 ครั้ง จังหวัดน่าน 81.5% และเผยแพร่ 5 ครั้ง")
    assert [(q.value, q.per, q.entity) for q in found] == [
        (18000, "หมู่บ้าน", None),
        (1, "เดือน", None),
        (81.5, None, "น่าน"),
        (5, None, "น่าน"),
    ]


def test_entity_needs_a_word_boundary():
    found, _ = find_quantities("จัดทำเอกสารเผยแพร่ 5 ฉบับ")
    assert [(q.value, q.entity) for q in found] == [(5, None)]


def test_counts_of_places_belong_to_no_place():
    found, _ = find_quantities("จังหวัดลำปาง ดำเนินการ 13 อำเภอ 98 ตำบล")
    assert [(q.value, q.entity) for q in found] == [(13, None), (98, None)]


def spans(text, year=2562):
    found, _ = find_dates(text, year)
    return [(s.start, s.end, s.precision, s.year_inferred, s.surface) for s in found]


D = date


@pytest.mark.parametrize(
    "text, expected",
    [
        ("วันที่ 26-27 มี.ค. 62", [(D(2019, 3, 26), D(2019, 3, 27), "day", False, "26-27 มี.ค. 62")]),
        ("25 เม.ย. ถึง 1 พ.ค. 62", [(D(2019, 4, 25), D(2019, 5, 1), "day", False, "25 เม.ย. ถึง 1 พ.ค. 62")]),
        ("16 ธ.ค. 62 ถึง 15 ม.ค. 63", [(D(2019, 12, 16), D(2020, 1, 15), "day", False, "16 ธ.ค. 62 ถึง 15 ม.ค. 63")]),
        ("16 ธ.ค. ถึง 15 ม.ค. 63", [(D(2019, 12, 16), D(2020, 1, 15), "day", False, "16 ธ.ค. ถึง 15 ม.ค. 63")]),
        ("วันที่ 25 เมษายน พ.ศ. 2562", [(D(2019, 4, 25), D(2019, 4, 25), "day", False, "25 เมษายน พ.ศ. 2562")]),
        ("วันที่ ๒๒ - ๒๓ เม.ย. ๒๕๖๒", [(D(2019, 4, 22), D(2019, 4, 23), "day", False, "๒๒ - ๒๓ เม.ย. ๒๕๖๒")]),
        ("ภายใน 5 กค 2563", [(D(2020, 7, 5), D(2020, 7, 5), "day", False, "5 กค 2563")]),
        ("วันที่ 3 มีค.63", [(D(2020, 3, 3), D(2020, 3, 3), "day", False, "3 มีค.63")]),
        ("เดือนเมษายนถึงพฤษภาคม 62", [(D(2019, 4, 1), D(2019, 5, 31), "month", False, "เดือนเมษายนถึงพฤษภาคม 62")]),
        ("ประกาศผลรอบ 2  ก.ค. 62", [(D(2019, 7, 1), D(2019, 7, 31), "month", False, "ก.ค. 62")]),
        ("ภายในเดือนกุมภาพันธ์", [(D(2019, 2, 1), D(2019, 2, 28), "month", True, "เดือนกุมภาพันธ์")]),
        (
            "ภายในวันที่ 25 มี.ค. ครั้งที่ 2 ภายในวันที่ 25 ก.ย. 6 2",
            [
                (D(2019, 3, 25), D(2019, 3, 25), "day", True, "25 มี.ค."),
                (D(2019, 9, 25), D(2019, 9, 25), "day", False, "25 ก.ย. 6 2"),
            ],
        ),
        ("ลงใน กพ. 7", []),
        ("ลูกค้า 62 ราย", []),
        ("วันที่ 31 ก.ย. 62", []),
        ("เมื่อ 29 ก.พ. 63", [(D(2020, 2, 29), D(2020, 2, 29), "day", False, "29 ก.พ. 63")]),
    ],
)
def test_dates(text, expected):
    assert spans(text) == expected


def test_impossible_date_is_noted():
    _, notes = find_dates("วันที่ 31 ก.ย. 62", 2562)
    assert [n.kind for n in notes] == ["skipped"]


def test_year_missing_in_free_text_stays_missing():
    result = extract_text("ภายในวันที่ 25 มี.ค.")
    assert [(d["start"], d["end"], d["year_inferred"]) for d in result["dates"]] == [(None, None, True)]
    assert "no year" in result["notes"][0]["message"]
    assert extract_text("ภายในวันที่ 25 มี.ค.", year_be=2563)["dates"][0]["start"] == "2020-03-25"


def test_extract_meeting_references():
    assert extract_text("ตามมติครั้งที่ ๔/๒๕๖๒ และครั้งที่ 5/63")["meetings"] == [
        {"number": 4, "year_be": 2562},
        {"number": 5, "year_be": 2563},
    ]


@pytest.mark.parametrize(
    "written, be", [("62", 2562), ("2562", 2562), ("พ.ศ.2562", 2562), ("ค.ศ. 2019", 2562), ("๖๒", 2562)]
)
def test_be_year(written, be):
    assert be_year(written)[0] == be


def test_formats():
    assert format_span_th(D(2019, 4, 22), D(2019, 4, 23)) == "22–23 เม.ย. 2562"
    assert format_span_en(D(2019, 12, 16), D(2020, 1, 15)) == "16 Dec 2019 – 15 Jan 2020"


def test_a_year_before_a_range_is_not_a_day_alone():
    """57 - 30 ก.ย. 61 without ปี: 57 is no day, so the date is 30 ก.ย. 61, with no note of a bad date."""
    found, notes = find_dates("ลงทะเบียนใน 57 - 30 ก.ย. 61 ผู้ประกอบการ", 2562)
    assert [(s.start, s.surface) for s in found] == [(D(2018, 9, 30), "30 ก.ย. 61")]
    assert notes == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ประชุมวันพุธที่ 15 ตุลาคม 2562", [(D(2019, 10, 15), "15 ตุลาคม 2562")]),
        ("ภายในวันจันทร์ที่ 2 ธ.ค. 62", [(D(2019, 12, 2), "2 ธ.ค. 62")]),
        ("ส่งภายในวันที่ 15/10/2562 และ 1/11/62", [(D(2019, 10, 15), "15/10/2562"), (D(2019, 11, 1), "1/11/62")]),
        ("ครั้งที่ 4/2562 ได้ 3/4 ของเป้าหมาย", []),
        ("อัตรา 13/45/2562", []),
    ],
)
def test_weekdays_and_numeric_dates(text, expected):
    assert [(s[0], s[4]) for s in spans(text)] == expected


def test_accountants_dash():
    assert figures("งบประมาณ 150,000.- บาท และ 2,500.-บาท") == [(150000, "บาท"), (2500, "บาท")]


def test_from_a_year_to_a_day():
    """ปี 57 - 30 ก.ย. 61: a window from (calendar) year 2557 to 30 Sep 2018, precision year."""
    found, notes = find_dates("ลงทะเบียนในปี 57 - 30 ก.ย. 61 ผู้ประกอบการ", 2562)
    assert [(s.start, s.end, s.precision, s.surface) for s in found] == [
        (D(2014, 1, 1), D(2018, 9, 30), "year", "ปี 57 - 30 ก.ย. 61")
    ]
    fiscal, _ = find_dates("ปีงบประมาณ 2562 ถึง 30 ก.ย. 62", 2562)
    assert (fiscal[0].start, fiscal[0].end) == (D(2018, 10, 1), D(2019, 9, 30))
    assert format_span_th(found[0].start, found[0].end, "year") == "2557 – 30 ก.ย. 2561"
