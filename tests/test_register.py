"""The action register on a series of our own (tests/data/series): three meetings of the Mae Tha
district office and two of Pa Sang's, written by hand so that each way of following an action
happens once: a deadline moved (จปฐ. 30 เม.ย. → 15 พ.ค.), an action repeated (ออมทรัพย์ 30 มิ.ย.),
one reported done (กองทุนหมู่บ้าน … ครบแล้ว), one superseded (ผ้าไทย: ยกเลิก … แทน), a next round
that is no move (ความสุขมวลรวม ครั้งที่ 1 → ครั้งที่ 2; the next monthly report), one left overdue
(วิสาหกิจชุมชน 28 เม.ย.), one with no date (ภายในวันที่ 25 ของเดือนถัดไป), and a second office whose
similar actions must never link to the first's.
"""

from __future__ import annotations

import csv
import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from conftest import run_cli

from cddbrief import register
from cddbrief.meeting import read_meeting
from cddbrief.model import Directive, Item, Meeting, Source
from cddbrief.thaidates import find_dates

SERIES = Path(__file__).parent / "data" / "series"
MAE_THA, PA_SANG = "สำนักงานพัฒนาชุมชนอำเภอแม่ทะ", "สำนักงานพัฒนาชุมชนอำเภอป่าซาง"


@pytest.fixture(scope="module")
def writeups():
    found = []
    for path in sorted(SERIES.glob("*.txt")):
        meeting = read_meeting(path)
        found.append((path.stem, meeting.office, meeting))
    return found


def _rows(writeups, as_of):
    return register.build(writeups, as_of).rows()


def _one(rows, office, meeting, item):
    found = [r for r in rows if r["office"] == office and r["meeting"] == meeting and r["item"] == item]
    assert len(found) == 1, found
    return found[0]


def test_the_series_is_what_the_tests_say(writeups):
    offices = sorted({office for _, office, _ in writeups})
    assert offices == [PA_SANG, MAE_THA] or offices == sorted([MAE_THA, PA_SANG])
    assert [m.id for _, o, m in writeups if o == MAE_THA] == ["2566-03", "2566-04", "2566-05"]


def test_statuses_as_of_20_april(writeups):
    reg = register.build(writeups, "2023-04-20")
    rows = reg.rows()
    assert reg.later == 4  # the 5/2566 meeting (10 May) had not been held: its actions are not shown
    assert all(r["meeting"] != "2566-05" for r in rows)
    done = _one(rows, MAE_THA, "2566-03", 1)
    assert (done["status"], done["closed_by"], done["closed_in"]) == ("closed", "done", "2566-04")
    assert "ครบแล้ว" in done["closed_text"] and done["closed_score"] >= register.LINK_SCORE
    moved_old, moved_new = _one(rows, MAE_THA, "2566-03", 2), _one(rows, MAE_THA, "2566-04", 2)
    assert (moved_old["status"], moved_old["closed_by"]) == ("closed", "moved")
    assert moved_old["status_text"] == "เลื่อนเป็น 15 พ.ค. 2566 (การประชุม 4/2566)"
    assert (moved_new["follows"], moved_new["follows_when"], moved_new["when"]) == (
        "moved",
        "30 เม.ย. 2566",
        "15 พ.ค. 2566",
    )
    assert (moved_new["status"], moved_new["days"]) == ("upcoming", 25)
    repeated_old, repeated_new = _one(rows, MAE_THA, "2566-03", 3), _one(rows, MAE_THA, "2566-04", 3)
    assert (repeated_old["closed_by"], repeated_new["follows"]) == ("repeated", "repeated")
    assert repeated_new["who"] == "พัฒนากร"
    due = _one(rows, MAE_THA, "2566-03", 4)
    assert (due["status"], due["days"], due["status_text"]) == ("due", 8, "ครบกำหนดในอีก 8 วัน")
    no_date = _one(rows, MAE_THA, "2566-03", 5)
    assert (no_date["status"], no_date["kind"], no_date["start"]) == ("no date", "no date", None)
    assert no_date["surface"] == "ภายในวันที่ 25 ของเดือนถัดไป" and "ครัวเรือนต้นแบบ" in no_date["what"]
    monthly = _one(rows, MAE_THA, "2566-03", 6)
    assert (monthly["kind"], monthly["status"], monthly["days"]) == ("monthly", "due", 5)
    assert "ไม่ระบุวันสิ้นสุด" in monthly["status_text"]
    overdue = _one(rows, MAE_THA, "2566-03", 7)
    assert (overdue["status"], overdue["days"], overdue["round"]) == ("overdue", -20, 1)
    assert overdue["status_text"] == "เลยกำหนด 20 วัน ไม่พบรายงานผล"
    assert reg.counts() == {"overdue": 1, "due": 4, "upcoming": 4, "no date": 1, "lapsed": 0, "closed": 4}


def test_statuses_as_of_1_june(writeups):
    rows = _rows(writeups, "2023-06-01")
    assert any(r["meeting"] == "2566-05" for r in rows)
    superseded = _one(rows, MAE_THA, "2566-04", 4)
    assert (superseded["status"], superseded["closed_by"], superseded["closed_in"]) == (
        "closed",
        "superseded",
        "2566-05",
    )
    replacement = _one(rows, MAE_THA, "2566-05", 1)
    assert (replacement["follows"], replacement["status"], replacement["days"]) == ("superseded", "overdue", -1)
    # a next round is followed, not moved, and leaves the earlier round standing
    round_two = _one(rows, MAE_THA, "2566-05", 2)
    assert (round_two["follows"], round_two["round"], round_two["status"]) == ("next round", 2, "upcoming")
    assert _one(rows, MAE_THA, "2566-03", 7)["status"] == "overdue"
    next_month = _one(rows, MAE_THA, "2566-05", 3)
    assert next_month["follows"] == "next round"  # 25 เม.ย. then 25 พ.ค.: next month's report, not a move
    assert _one(rows, MAE_THA, "2566-04", 5)["status"] == "overdue"
    assert _one(rows, MAE_THA, "2566-03", 4)["status_text"] == "เลยกำหนด 34 วัน ไม่พบรายงานผล"


def test_a_window_closed_long_ago_is_lapsed_not_overdue_by_years(writeups):
    rows = _rows(writeups, "2026-01-01")
    assert not [r for r in rows if r["status"] == "overdue"]
    old = _one(rows, MAE_THA, "2566-03", 4)
    assert old["status"] == "lapsed" and old["status_text"] == "ช่วงเวลาปิดไปแล้ว 2 ปี 8 เดือน ไม่พบรายงานผล"
    assert old["days"] == -(date(2026, 1, 1) - date(2023, 4, 28)).days
    assert _one(rows, MAE_THA, "2566-03", 1)["status"] == "closed"  # done stays done
    assert _one(rows, MAE_THA, "2566-03", 5)["status"] == "no date"  # and kept, never dropped


def test_two_offices_never_link(writeups):
    reg = register.build(writeups, "2023-06-01")
    office = {a.key: a.office for a in reg.actions} | {r.key: r.office for r in reg.reports}
    assert reg.links
    for link in reg.links:
        assert office[link.earlier] == office[link.later], link
    rows = reg.rows()
    # Pa Sang reports กองทุนหมู่บ้าน done: Mae Tha's action is closed by Mae Tha's report only
    assert _one(rows, MAE_THA, "2566-03", 1)["closed_writeup"] == "mae-tha-2566-04"
    # Pa Sang's own moved deadline: 30 เม.ย. → 20 พ.ค., linked within Pa Sang
    moved = _one(rows, PA_SANG, "2566-04", 2)
    assert (moved["follows"], moved["follows_writeup"], moved["when"]) == ("moved", "pa-sang-2566-03", "20 พ.ค. 2566")
    # the same action in both offices' 3/2566 (วิสาหกิจชุมชน) is two actions, neither followed
    twins = [r for r in rows if r["meeting"] == "2566-03" and "วิสาหกิจ" in r["what"]]
    assert len(twins) == 2 and not any(r["follows"] or r["closed_by"] for r in twins)


def test_every_link_keeps_its_score_and_both_texts(writeups):
    reg = register.build(writeups, "2023-06-01")
    kinds = sorted(link.kind for link in reg.links)
    assert kinds == sorted(["done", "moved", "moved", "repeated", "superseded", "next round", "next round"])
    for link in reg.links:
        assert link.earlier_text and link.later_text and register.LINK_SCORE <= link.score <= 1
    frame = reg.links_frame()
    assert list(frame.columns) == register.LINK_COLUMNS and len(frame) == len(reg.links)


def test_the_frame_is_typed_and_keeps_thai(writeups):
    frame = register.frame(writeups, "2023-04-20")
    assert len(frame) == 14 and frame["action"].is_unique
    assert str(frame["start"].dtype).startswith("datetime64") and str(frame["meeting_date"].dtype).startswith(
        "datetime64"
    )
    assert str(frame["days"].dtype) == "Int64" and str(frame["status"].dtype) == "string"
    row = frame[frame["what"].str.contains("ออมเงิน") & (frame["meeting"] == "2566-04")].iloc[0]
    assert row["start"].date() == date(2023, 6, 30) and row["surface"] == "30 มิ.ย. 66"
    assert row["text"][row["span_start"] : row["span_end"]] == "30 มิ.ย. 66"  # the evidence: where the date stands


def test_a_date_with_no_year_anywhere_stays_with_no_date():
    text = "ให้อำเภอส่งรายงานผลการฝึกอาชีพ ภายใน 9 ก.พ."
    spans, _ = find_dates(text, None)
    assert spans and spans[0].start is None
    meeting = Meeting(None, None, "", "สพอ.ทดสอบ", None, None, None, Source("x.txt", "0", "txt", None),
                      [Item(1, "การฝึกอาชีพ", [Directive(1, text, dates=spans)])])  # fmt: skip
    rows = register.build([("x", "สพอ.ทดสอบ", meeting)], "2023-01-01").rows()
    assert [(r["kind"], r["status"], r["surface"], r["when"]) for r in rows] == [
        ("no date", "no date", "9 ก.พ.", "ไม่มีวันที่")
    ]


@pytest.mark.parametrize("text, marker", [
    ("อำเภอรายงานผลครบแล้วทุกกองทุน", "ครบแล้ว"),
    ("การบันทึกข้อมูล จปฐ. ในระบบ ดำเนินการแล้วเสร็จ ร้อยละ 100", "ดำเนินการแล้ว"),
    ("จังหวัดส่งข้อเสนอโครงการเรียบร้อยแล้ว", "เรียบร้อยแล้ว"),
    ("ให้ทุกอำเภอบันทึกข้อมูลในระบบให้แล้วเสร็จ ภายในวันที่ 30 เม.ย. 66", None),
    ("ให้ดำเนินการแล้วเสร็จภายในวันที่ 30 เม.ย. 66", None),
    ("การคัดเลือกยังไม่แล้วเสร็จ", None),
    ("ยังไม่ได้ดำเนินการแล้ว", None),
])  # fmt: skip
def test_done_marker(text, marker):
    assert register.done_marker(text) == marker


def _labelled_pairs():
    lines = [
        line for line in (SERIES / "pairs.csv").read_text(encoding="utf-8").splitlines() if not line.startswith("#")
    ]
    return [(r["a"], r["b"], r["same"] == "1") for r in csv.DictReader(lines)]


def test_the_link_measure_on_labelled_pairs():
    pairs = _labelled_pairs()
    assert len(pairs) >= 60 and sum(same for *_, same in pairs) >= 25 and sum(not same for *_, same in pairs) >= 25
    said = [(register.similarity(a, b) >= register.LINK_SCORE, same) for a, b, same in pairs]
    true_pos = sum(1 for linked, same in said if linked and same)
    false_pos = sum(1 for linked, same in said if linked and not same)
    positives = sum(1 for _, same in said if same)
    assert false_pos == 0, [p for p, (linked, same) in zip(pairs, said) if linked and not same]
    assert true_pos / positives >= 0.85


# --- the command line ---------------------------------------------------------------------------


def test_cli_table_json_and_files(tmp_path):
    html, xlsx, ics = tmp_path / "site" / "actions.html", tmp_path / "actions.xlsx", tmp_path / "actions.ics"
    result = run_cli("actions", "--data", SERIES, "--as-of", "2023-04-20", "--html", html, "--xlsx", xlsx, "--ics", ics)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "ทะเบียนติดตามข้อสั่งการ ณ วันที่ 20 เม.ย. 2566 (2023-04-20)"
    assert "14 รายการ: เลยกำหนด 1, ใกล้ถึงกำหนด 4, ยังไม่ถึงกำหนด 4, ไม่มีวันที่ 1, ปิดแล้ว 4" in lines
    from cddbrief.summary import display_width

    header = lines[2]
    first = next(line for line in lines if line.startswith("เลยกำหนด"))
    at = display_width(header[: header.index("กำหนด ")])  # the date column starts at the same column on every line
    assert display_width(first[: first.index("31 มี.ค. 2566")]) == at
    assert all(p.exists() for p in (html, xlsx, ics))
    data = json.loads(run_cli("actions", "--data", SERIES, "--as-of", "2023-04-20", "--json").stdout)
    assert data["as_of"] == "2023-04-20" and data["counts"]["overdue"] == 1 and len(data["actions"]) == 14
    assert {link["kind"] for link in data["links"]} >= {"moved", "repeated", "done"}


@pytest.mark.parametrize("name", ["ป่าซาง", "สพอ.ป่าซาง", PA_SANG])
def test_cli_office_filter(name):
    data = json.loads(run_cli("actions", "--data", SERIES, "--as-of", "2023-04-20", "--office", name, "--json").stdout)
    assert {a["office"] for a in data["actions"]} == {PA_SANG} and len(data["actions"]) == 3


@pytest.mark.parametrize("args, says", [
    (["--as-of", "2566-04-20"], "Buddhist-era year"),
    (["--as-of", "20/4/2023"], "is not a day written YYYY-MM-DD"),
    (["--as-of", "2023-02-30"], "is not a day of the calendar"),
    (["--office", "เชียงคาน"], "no office 'เชียงคาน' among the write-ups"),
    (["--due-within", "-3"], "--due-within -3 is not a number of days"),
    (["--html", "out.xlsx"], "is not a .html file to write"),
    (["--ics", str(SERIES / "actions.ics")], "is inside the data folder"),
])  # fmt: skip
def test_cli_bad_input_is_one_line_exit_2(args, says):
    result = run_cli("actions", "--data", SERIES, *args)
    assert result.returncode == 2 and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and says in result.stderr and "Traceback" not in result.stderr


def test_cli_no_data_folder(tmp_path):
    result = run_cli("actions", "--data", tmp_path / "nowhere")
    assert result.returncode == 2 and "no data folder" in result.stderr


def test_a_folder_with_no_dated_directive(tmp_path):
    data = tmp_path / "raw"
    data.mkdir()
    (data / "a.txt").write_text(
        (SERIES / "mae-tha-2566-04.txt").read_text(encoding="utf-8").split("\n2.")[0] + "\n", encoding="utf-8"
    )
    result = run_cli("actions", "--data", data, "--as-of", "2023-04-20", "--html", tmp_path / "out" / "actions.html")
    assert result.returncode == 0, result.stderr
    assert "0 รายการ: " in result.stdout
    from lxml import html

    page = html.parse(str(tmp_path / "out" / "actions.html")).getroot()
    assert page.xpath("//table[@id='actions']/tbody/tr") == []


# --- the page, the workbook and the calendar ------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory, writeups):
    out = tmp_path_factory.mktemp("site")
    (out / "index.html").write_text("<!DOCTYPE html><title>index</title>", encoding="utf-8")
    reg = register.build(writeups, "2023-04-20")
    return out, reg, register.write_actions_page(out, reg)


def test_page_links_each_action_to_its_brief(site):
    from lxml import html

    out, reg, path = site
    assert path == out / "actions.html"
    page = html.parse(str(path)).getroot()
    rows = page.xpath("//table[@id='actions']/tbody/tr")
    by_key = {r["anchor"]: r for r in register.page_rows(reg)}
    assert len(rows) == len(by_key) == 14
    for tr in rows:
        row = by_key[tr.get("id")]
        assert tr.get("data-status") == row["status"] and tr.get("data-office") == row["office"]
        assert tr.xpath(".//span[contains(@class,'status')]")[0].text_content() == register.STATUS_TH[row["status"]]
        meeting_link = tr.xpath("./td[@data-label='การประชุม']/a/@href")
        assert meeting_link == [f"./{row['writeup']}/brief.html"]
    moved = [tr for tr in rows if by_key[tr.get("id")]["follows"] == "moved"]
    assert {a.get("href") for tr in moved for a in tr.xpath("./td[@data-label='การติดตาม']/a")} == {
        "./mae-tha-2566-03/brief.html",
        "./pa-sang-2566-03/brief.html",
    }
    assert page.xpath("//nav[@class='site']/a/@href") == ["./index.html"]  # no trends page there: no link to one
    assert [o.get("value") for o in page.xpath("//select[@id='office']/option")] == ["", PA_SANG, MAE_THA]
    marks = page.xpath("//mark")
    assert marks and all(m.text_content() for m in marks)


def test_page_is_self_contained(site):
    _, _, path = site
    text = path.read_text(encoding="utf-8")
    from lxml import html

    page = html.fromstring(text)
    assert not page.xpath("//script[@src] | //link[@rel='stylesheet'] | //img[starts-with(@src,'http')]")
    assert "http://" not in text and "https://" not in text
    assert "font/woff2;base64," in text


def test_workbook_reads_back(site, tmp_path):
    from openpyxl import load_workbook

    from cddbrief.exports import register_xlsx

    _, reg, _ = site
    book = load_workbook(register_xlsx(reg, tmp_path / "r.xlsx"))
    assert book.sheetnames == ["actions", "links"]
    sheet = book["actions"]
    header = [c.value for c in sheet[1]]
    assert header == register.FRAME_COLUMNS
    rows = [dict(zip(header, [c.value for c in row])) for row in sheet.iter_rows(min_row=2)]
    assert len(rows) == 14
    moved = next(r for r in rows if r["follows"] == "moved" and r["office"] == MAE_THA)
    assert moved["start"].date() == date(2023, 5, 15) and moved["what"] == "ให้ทุกอำเภอบันทึกข้อมูล จปฐ. ในระบบให้แล้วเสร็จ"
    assert book["links"].max_row - 1 == len(reg.links)


def test_calendar_holds_the_open_actions(site, tmp_path):
    from icalendar import Calendar

    from cddbrief.exports import register_ics

    _, reg, _ = site
    calendar = Calendar.from_ical(register_ics(reg, tmp_path / "r.ics").read_bytes())
    events = list(calendar.walk("VEVENT"))
    open_rows = [r for r in reg.rows() if r["status"] in ("overdue", "due", "upcoming")]
    assert len(events) == len(open_rows) == 9
    starts = sorted(e.decoded("dtstart") for e in events if "RRULE" not in e)
    assert starts[0] == date(2023, 3, 31)  # the overdue round stays on the calendar
    monthly = [e for e in events if "RRULE" in e]
    assert len(monthly) == 1 and dict(monthly[0]["RRULE"])["BYMONTHDAY"] == [25] and "UNTIL" not in monthly[0]["RRULE"]
    assert monthly[0].decoded("dtstart") == date(2023, 3, 25)  # the first 25th after the meeting (15 มี.ค.)
    assert all("ข้อ" in str(e["DESCRIPTION"]) for e in events)
    closed = {r["what"] for r in reg.rows() if r["status"] == "closed"} - {r["what"] for r in open_rows}
    assert not any(what in str(e["SUMMARY"]) for e in events for what in closed)


def test_page_on_a_phone(site):
    """375 px wide: no sideways scroll, every row a card, filters work, nothing fetched, no error."""
    import os

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).exists():
        if os.environ.get("CDDBRIEF_REQUIRE_BROWSER") == "1":
            pytest.fail("Debian's chromium is missing (make setup installs it)")
        pytest.skip("Debian's chromium is missing: run make setup as root to install it")
    from playwright.sync_api import sync_playwright

    _, _, path = site
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        try:
            requests, problems = [], []
            page = browser.new_page(viewport={"width": 375, "height": 800})
            page.on("request", lambda r: requests.append(r.url))
            page.on("pageerror", lambda e: problems.append(str(e)))
            page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            page.goto(path.as_uri())
            assert page.evaluate("document.documentElement.scrollWidth") <= 375
            assert page.evaluate("getComputedStyle(document.querySelector('#actions tbody tr')).display") == "block"
            page.select_option("#office", PA_SANG)
            visible = page.evaluate(
                "Array.from(document.querySelectorAll('#actions tbody tr')).filter(r => !r.hidden).length"
            )
            assert visible == 3 and page.inner_text("#shown") == "3 รายการ"
            page.select_option("#office", "")
            page.click(".tiles button[data-status='overdue']")
            assert (
                page.evaluate(
                    "Array.from(document.querySelectorAll('#actions tbody tr')).filter(r => !r.hidden).length"
                )
                == 1
            )
            page.set_viewport_size({"width": 1280, "height": 800})
            page.click("#actions thead th:nth-child(2) button")
            first = page.evaluate("document.querySelector('#actions tbody tr').dataset.status")
            assert first in register.STATUSES
            assert [u for u in requests if not u.startswith("file:")] == [] and problems == []
        finally:
            browser.close()


# --- properties ---------------------------------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

ORDER = {"upcoming": 0, "due": 1, "overdue": 2, "lapsed": 3}


@settings(max_examples=60, deadline=None)
@given(start=st.dates(date(2019, 1, 1), date(2030, 12, 31)), length=st.integers(0, 40),
       first=st.dates(date(2018, 1, 1), date(2032, 1, 1)), later=st.integers(0, 2000))  # fmt: skip
def test_a_deadline_only_moves_forward_through_its_statuses(start, length, first, later):
    from datetime import timedelta

    end = start + timedelta(days=length)
    action = register.Action("k", "w", "สพอ.ก", "2566-03", None, 1, 1, "จปฐ.", (), "ให้อำเภอบันทึกข้อมูล", "deadline",
                             "ข้อความ", start=start, end=end, precision="day")  # fmt: skip
    one = register.status_of(action, first)
    two = register.status_of(action, first + timedelta(days=later))
    assert ORDER[one.status] <= ORDER[two.status]
    assert (two.status in ("overdue", "lapsed")) == (first + timedelta(days=later) > end)
    assert one.text and two.text


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(["ก", "ข", "ค"]), min_size=5, max_size=5))
def test_links_stay_within_an_office_whatever_the_offices(writeups, offices):
    """The same write-ups handed out to offices at random: a link never joins two of them."""
    given_out = [(key, office, meeting) for (key, _, meeting), office in zip(writeups, offices)]
    reg = register.build(given_out, "2023-06-01")
    office = {a.key: a.office for a in reg.actions} | {r.key: r.office for r in reg.reports}
    assert all(office[link.earlier] == office[link.later] for link in reg.links)
    assert len(reg.rows()) == len(reg.actions)  # every action has a row: none dropped


@given(st.sampled_from(["ให้", "ขอให้", "โดยให้"]), st.sampled_from(["แล้วเสร็จ", "ดำเนินการแล้ว", "ครบแล้ว"]),
       st.sampled_from(["", " ภายในวันที่ 30 เม.ย. 66"]))  # fmt: skip
def test_an_order_to_finish_is_no_report(lead, done, tail):
    assert register.done_marker(f"{lead}อำเภอบันทึกข้อมูลให้{done}{tail}") is None


def test_the_page_a_batch_writes_links_the_folders_it_names(tmp_path):
    """``build_actions_page``: the brief folders are those ``build --all`` gives (two offices wrote up
    3/2566 and 4/2566: ``2566-03-mae-tha``; Mae Tha alone wrote up 5/2566: ``2566-05``)."""
    from lxml import html

    page = html.parse(str(register.build_actions_page(SERIES, tmp_path, "2023-06-01"))).getroot()
    links = set(page.xpath("//td[@data-label='การประชุม']/a/@href"))
    assert links == {"./2566-03-mae-tha/brief.html", "./2566-04-mae-tha/brief.html", "./2566-05/brief.html",
                     "./2566-03-pa-sang/brief.html", "./2566-04-pa-sang/brief.html"}  # fmt: skip


def _meeting(number: int, office: str, day: date, text: str, topic: str = "การเบิกจ่ายงบประมาณ") -> Meeting:
    spans, _ = find_dates(text, 2566)
    return Meeting(number, 2566, "", office, None, None, None, Source(f"{number}.txt", str(number), "txt", None),
                   [Item(1, topic, [Directive(1, text, dates=spans)])], meeting_date=day)  # fmt: skip


def test_the_departments_own_meetings_are_one_more_series():
    department = "กรมการพัฒนาชุมชน"
    first = _meeting(6, department, date(2023, 6, 1), "ให้จังหวัดเร่งรัดการเบิกจ่ายงบประมาณไตรมาสที่ 3 ภายในวันที่ 30 มิ.ย. 66")
    again = _meeting(
        7, department, date(2023, 7, 3), "เลื่อนการเบิกจ่าย ให้จังหวัดเร่งรัดการเบิกจ่ายงบประมาณไตรมาสที่ 3 ภายในวันที่ 15 ก.ค. 66"
    )
    district = _meeting(7, MAE_THA, date(2023, 7, 3), "ให้จังหวัดเร่งรัดการเบิกจ่ายงบประมาณไตรมาสที่ 3 ภายในวันที่ 20 ก.ค. 66")
    reg = register.build(
        [("d6", department, first), ("d7", department, again), ("m7", MAE_THA, district)], "2023-07-05"
    )
    assert [(link.kind, link.earlier.split("#")[0], link.later.split("#")[0]) for link in reg.links] == [
        ("moved", "d6", "d7")
    ]
    rows = {r["writeup"]: r for r in reg.rows()}
    assert rows["d6"]["status_text"] == "เลื่อนเป็น 15 ก.ค. 2566 (การประชุม 7/2566)"
    assert rows["m7"]["follows"] is None and rows["m7"]["status"] == "upcoming"


def test_records_kept_per_writeup_give_the_same_register(writeups):
    """What a store keeps of each write-up (``records``, plain JSON) gives back the same register."""
    kept = [json.loads(json.dumps(register.records(*register.actions_of(*w)), ensure_ascii=False)) for w in writeups]
    found, reports = [], []
    for stored in kept:
        a, r, _ = register.from_records(stored)
        found += a
        reports += r
    again = register.Register(found, reports, register.follow(found, reports), date(2023, 6, 1))
    assert again.rows() == register.build(writeups, "2023-06-01").rows()


def test_page_accessibility(site):
    """axe-core (npm, installed by make setup) finds nothing on the page, light and dark, at 1280 and 375 px."""
    import os

    axe = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    missing = [what for what, path in (("Debian's chromium", Path(chromium)), ("axe-core", axe)) if not path.exists()]
    if missing:
        if os.environ.get("CDDBRIEF_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{', '.join(missing)} missing (make setup installs it)")
        pytest.skip(f"{', '.join(missing)} missing: run make setup")
    from playwright.sync_api import sync_playwright

    _, _, path = site
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        try:
            for width, scheme in ((1280, "light"), (375, "dark")):
                page = browser.new_page(viewport={"width": width, "height": 900}, color_scheme=scheme)
                page.goto(path.as_uri())
                page.add_script_tag(content=axe.read_text(encoding="utf-8"))
                found = page.evaluate(
                    "async () => (await axe.run(document)).violations.map(v => v.id + ': ' + v.nodes[0].target)"
                )
                assert found == [], (width, scheme, found)
        finally:
            browser.close()
