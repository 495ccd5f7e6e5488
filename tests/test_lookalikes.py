"""The look-alike set (tests/data/lookalike/): invented write-ups shaped like real ones, read back value for value.

Each document (made by tools/make_lookalikes.py from its source description) is read in every file
kind it has, and each field of its expected reading is a test of its own: parsed, meeting id,
meeting date, office, chair, place, layout, items (topics), directives, figures, dates, and no
room, floor or order number taken for a figure (the verdicts are tools/eval_lookalikes.py's).

What today's readers miss is listed in KNOWN_GAPS: those cases are expected failures (strict: a gap
that closes fails as XPASS, so the set shrinks as the readers improve; regenerate it with
``tools/eval_lookalikes.py --gaps``). Everything else must hold.
"""

from __future__ import annotations

import doctest
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import eval_lookalikes  # noqa: E402
import make_lookalikes  # noqa: E402

DATA = ROOT / "tests" / "data" / "lookalike"
SOURCES = sorted((DATA / "sources").glob("*.txt"))


def gaps(file: str, *fields: str) -> list[tuple[str, str]]:
    return [(file, field) for field in fields]


# Why each kind of miss happens today (issue 18's sections).
GAP_REASONS = {
    "parsed": "refused (issue 18 §2: a narrative post is a meeting write-up)",
    "meeting_id": "the number is split over lines, or beside a running number, or apart from its year (§3)",
    "meeting_date": "the date is not taken from the meeting's own sentence (วันนี้ (…), เมื่อวันที่ …) (§4)",
    "office": "the office is named only in the body, or is another agency's (§4)",
    "chair": "the chair is read as the words after เป็นประธาน, or not found before it / in the attendee list (§4)",
    "place": "the place runs past the room into the next clause, or stops at a PDF line end (§4)",
    "layout": "a table without ruling lines in a PDF is read as prose (§6)",
    "items": "topic paragraphs, sub-agenda topics (4.1 …) or borderless PDF rows are not the items (§2, §5, §6)",
    "directives": "reported lines, resolutions or PDF line breaks are counted as directives (§1, §2, §5)",
    "figures": "figures outside directives are dropped, or a counted noun is not known (§1, §7)",
    "dates": "dates outside directives are dropped (§1)",
    "not_figures": "a room, floor, order or programme number is taken as a figure (§7)",
    "published": "the web page's publication date is not kept apart as published (§4)",
}


# What the readers still miss (tools/eval_lookalikes.py --gaps, after the readers of issue 18 were merged).
KNOWN_GAPS: set[tuple[str, str]] = set()


# The held-out set h01-h12 (written after the readers were tuned, never tuned on; see the set's README):
# its misses on the day it was added (84.0 % of field verdicts right, against 99.5 % on the tuned set), by cause:
# - a meeting named only in the title, the body saying มอบแนวทาง, not เป็นประธาน (h01: date, chair, items);
#   ● bullets with "topic :" are one item, not three (h01)
# - two meetings in one post: the morning VDO meeting is taken for the afternoon one that gives the orders (h03)
# - OCR'd Thai (นิคหิต + สระอา for สระอำ, split vowels) is repaired in PDFs only, not in .txt/.docx/.html (h06)
# - a numbered announcement without an instruction is counted as a directive; ✓ lines in a cell are one
#   directive and a ✓ "done" line is one (h04, h07)
# - the office named only in a closing line (h07); a chair after "ประธาน :" (h12); PDF line ends (h05, h08)
# - a five-column table (… | ผู้รับผิดชอบ | กำหนดเสร็จ) is not read as a table (h12)
# - bare numbers in a figures table taking their unit from the column head (h08); the upper end of a range
#   of percentages (ร้อยละ ๖๐ – ๗๐, h02); an unknown unit (คะแนน, h04); ครัวเรอื น (h06); แสนบาท in a PDF (h01)
# - "Day 1 ที่ประชุม" read as a figure (h05); a training (อบรม) in a ห้องประชุม read as a meeting (h10)
# After the fixes of that session (each general, with tests of its own sentences), what was left (แสนบาท
# opening a PDF line read as sub-point 3.6, h01) was closed with the second set's figures: nothing is.


# The second held-out set h13-h24 (written 2026-12-07 after h01-h12 had been fixed against; expected readings
# committed before any reader ran on them): 486 of 576 field verdicts right on the day (84.4 %; figures 157/200,
# dates 131/144; 2 of 12 documents right in every form). Its misses, by cause:
# - a day-date with no month or year in its sentence: a weekday and a day number (เมื่อวันพุธที่ 13 ที่ผ่านมา,
#   ภายในวันศุกร์ที่ 22 นี้; month and year only in the meeting's name, h13); a day in Thai words
#   (วันพฤหัสบดีที่ยี่สิบแปด มีนาคม 2567, h20) [closed: read from the text's month, checked by the weekday]
# - money in ลบ. (ล้านบาท) is no figure: 15.8 ลบ., ๑.๕ ลบ. (h17, h18, h21) [closed: ลบ. is listed as ล้านบาท]
# - a ratio's first number has no unit of its own (4 ใน 5 ตำบล, ๙ ใน ๑๑ อำเภอ, 4 ใน 13 อำเภอ: h13, h18, h22);
#   a unit before its number (จำนวน ครัวเรือน 120, h13) [both closed: quantities reads them]
# - directives not found: inside a มติ that runs over lines (a numbered มติ, "ทั้งนี้ ให้ …", h16; "มติ เห็นชอบ
#   และให้ …", h18); after a subject or a verb (ตำบลที่เหลือให้ส่ง …, h13; ได้สั่งการให้ …, h22); sub-numbered
#   ๑.๑ / ๑.๒ lines in a cell read as one (h15); one order split in two at its second ให้ (h14) [closed]
# - a four-column table ผลการดำเนินงาน | ข้อสั่งการ | ผู้รับผิดชอบ: the results column is read as the
#   directives (.txt) or the table as prose (.docx/.html/.pdf) [closed]; its chair after "ประธาน " without a colon (h21)
#   [closed]
# - a range of days lost at a PDF line end, its "– 10 พฤษภาคม" taken for a bullet (h14) [closed]

# The third held-out set h25-h36 (written 2026-12-07 after h01-h24 had been fixed against; expected readings
# committed before any reader ran on them): 508 of 576 field verdicts right on the day (88.2 %; figures 164/196,
# dates 112/116; 4 of 12 documents right in every form; 500 before three places of the writer's own were
# corrected to include their floor or village). Its misses, by cause:
# - a postponed meeting: the day first set (เดิมกำหนดจัดในวันจันทร์ที่ 3 …) is taken for the meeting's day, not
#   the day it was moved to (h29); a notice that a meeting is postponed (แจ้งเลื่อนการประชุม) is read as a
#   meeting (h32) [both closed: the day moved to, the first kept in a note; the notice refused unless a line
#   below tells what was reported or decided]
# - the place runs on past the room: into the next clause (… ตำบลหนองสาหร่าย มี, h29), into the Zoom link
#   (และเชื่อมต่อ สพอ. ทุกอำเภอผ่านระบบ Zoom Meeting ID …, h30; และผ่านระบบ Zoom, h33); or is not found after a
#   meeting named by its month (ประชุมประจำเดือนกรกฎาคม 2567 ณ ห้องประชุม…, h26) [closed: the place ends before
#   มี…, และผ่าน/เชื่อมต่อ…, and where its words stop naming places]
# - an orders box after the narrative (ข้อสั่งการ/สิ่งที่ต้องดำเนินการ, dash lines without ให้): the heading is
#   split at "/" into an item and its lines give no directive (h26) [closed: each line under the box is asked]
# - a budget table with (บาท) column heads and sub-total rows is read as prose: items and the cells' figures
#   are lost (h28) [closed: a head that gives a unit is a column of figures; รวม rows are totals, sum-checked];
#   a table post's chair after "ประธาน " without a colon (h28, h35, as h21) [closed]
# - an old order reported done under เรื่องสืบเนื่อง (ที่ประธานสั่งการไว้ … ดำเนินการแล้วเสร็จ) is counted as a
#   directive (h33) [closed: an order given before (สั่งการไว้, ตามที่…มอบหมาย) then reported done is a report]
# - a date line with the word เดือน (วันที่ 12 เดือน มีนาคม พ.ศ. 2567) is not read (h34: date, dates); another
#   agency's minutes take their office from a guest's สพอ.นาโพธิ์, not the อบต. of the title (h34) [both closed]
KNOWN_GAPS |= set()  # none left

# The fourth held-out set h37-h48 (written 2026-12-07 after h01-h36 had been fixed against; expected readings
# committed before any reader ran on them): 530 of 576 field verdicts right on the day (92.0 %; figures 200/212,
# dates 120/120; 4 of 12 documents right in every form; the readers of main 162ab77, and the same misses with
# main 907ff6c). Its misses, by cause:
# - the meeting's facts not where the readers look: the day only in the last sentence (การประชุมครั้งนี้จัดขึ้น
#   เมื่อวันศุกร์ที่ 5 ก.ค.2567, h38); head lines with labels (วันที่ประชุม : วันอังคารที่ 29 …, สถานที่ : ห้องประชุม…,
#   h45: date and place none, though the chair after ประธานการประชุม : is read); the place after a time glued to ณ
#   (เวลา 09.30 น.ณ ห้องประชุมเขลางค์นคร …, h37: none) [all closed]
# - points headed ประเด็นที่ 1 … with สาระสำคัญ : and ข้อสั่งการ : lines are not the items: read as "ที่",
#   "ข้อสั่งการ", … (six items for three, h45); an inline point glued to its number (… 2567 3)การเบิกจ่าย…) after a
#   PDF line wrap is not split from the point before (h39.pdf: two items, two directives for three)
# - asks that open without ให้ in one sentence are merged or lost: ฝาก … after กำชับ … is read as the same order
#   (h37: 2 for 3); the last ask (… และมอบนักวิชาการฯ จัดทำสรุปผล …) after a range of days is lost (h42: 2 for 3)
# - figures: a money figure broken by a stray space keeps only its tail (1 86,450 บาท read 86,450, h38;
#   1 5,804,000 บาท read 5,804,000, h40); a count after the abbreviation อช. is dropped (ผู้นำ อช. 126 คน, h43)
#   [closed]
# - an agenda sheet sent before the meeting (ระเบียบวาระการประชุม, every มติที่ประชุม left as dots) is read as
#   minutes with five items and no directive, not refused (h48) [closed]
# - points headed ประเด็นที่ N, inline points after a PDF wrap, asks without ให้: [closed]
KNOWN_GAPS |= set()  # none left

# The fifth held-out set h49-h60 (written 2026-12-07 after h01-h48 had been fixed against; expected readings
# committed before any reader ran on them): 527 of 576 field verdicts right on the day (91.5 %; figures 109/120,
# dates 119/120; 3 of 12 documents right in every form; the readers of main ee48b2e, and the same misses with
# main 0f38217; 523 on the very first run, before h52's empty เรื่องอื่น ๆ was counted as an item, as m04 does).
# Its misses, by cause (all closed after the round but h56's follow-up block):
# - a post that is not a write-up is read as a meeting: a week's work plan (แผนการปฏิบัติงานประจำสัปดาห์, one
#   line per weekday, one of them ประชุมประจำสัปดาห์ ณ ห้องประชุม…) gives one item "ประจำสัปดาห์" (h59)
# - orders inside a resolution are lost: มติที่ประชุม เห็นชอบให้กองทุน…ส่ง…ภายในวันที่ …, มติ … และมอบเลขานุการ
#   จัดทำ… ภายในวันที่ … give no directive (h52: 0 for 2); the count of a reported line (… ยังมีกองทุนที่ไม่ส่ง
#   งบการเงินประจำปี 11 กองทุน, after ประจำปี) is dropped (h52) [closed]; the chair whose role (ประธาน) ends
#   an attendee line wrapped in the PDF is not found (h52.pdf)
# - the writer's office is taken from the chair of a cluster meeting held in two provinces (สำนักงานพัฒนาชุมชน
#   จังหวัดร้อยเอ็ด for มหาสารคาม, whose post it is); the chair keeps "ในฐานะประธานกลุ่มจังหวัด" (h53)
# - a Zoom-only meeting (no room) takes its place from "ณ วันที่ 9 สิงหาคม 2567", the date of the figures (h51)
# - a follow-up block (ผลการติดตามข้อสั่งการจากการประชุมครั้งที่ 6/2567 …, ✔ old orders – ดำเนินการแล้ว) is not an
#   item (h56: two items for three; its old orders are rightly not directives)
# - a ratio with จาก: the first number has no unit of its own (๑๗ จาก ๒๐ โครงการ, h54; ใน is read) [closed]
# - a borderless table headed ลำดับ | เรื่อง | การดำเนินการ/ข้อสั่งการ | ผู้รับผิดชอบ with rows lettered ก ข ค: its
#   .txt dump is read as prose (six items: ก, ฝ่ายธุรการ, ข, …; its figures and a deadline lost); a cell "เพื่อทราบ …
#   ไม่มีข้อสั่งการ" is counted as a directive (3 for 2); the day after ประชุมเมื่อ (ประชุมเมื่อ 26 ก.ย. 2567) is
#   not read; the chair named only in the signature line (ลงชื่อ … ประธานในที่ประชุม) is not found (h60)
# - PDF line ends: a chair's name glued to the position (นางสาวจินดา พรหมมาพัฒนาการจังหวัดระยอง, h57.pdf) or two
#   position words glued (…ชำนาญการรักษาการในตำแหน่ง…, h50.pdf)
KNOWN_GAPS |= {
    *gaps("h56_district_followup_previous_orders.txt", "items"),
    *gaps("h56_district_followup_previous_orders.docx", "items"),
    *gaps("h56_district_followup_previous_orders.html", "items"),
    *gaps("h56_district_followup_previous_orders.pdf", "items"),
}


def _cases() -> list:
    cases = []
    for expected in eval_lookalikes.expectations():
        for path in eval_lookalikes.files_of(expected):
            fields = ("parsed",) if expected["refused"] else eval_lookalikes.FIELDS
            for field in fields:
                marks = []
                if (path.name, field) in KNOWN_GAPS:
                    marks.append(pytest.mark.xfail(reason=GAP_REASONS[field], strict=True))
                cases.append(pytest.param(expected["name"], path.name, field, id=f"{path.name}-{field}", marks=marks))
    return cases


@pytest.fixture(scope="module")
def expected_by_name() -> dict[str, dict]:
    return {e["name"]: e for e in eval_lookalikes.expectations()}


@pytest.mark.parametrize("name,file,field", _cases())
def test_reading(expected_by_name, name, file, field):
    expected = expected_by_name[name]
    found = eval_lookalikes.reading(str(DATA / file))
    verdict, seen = eval_lookalikes.judge(expected, found, file.rsplit(".", 1)[1])[field]
    assert verdict, f"{file} {field}: read {seen!r}; expected {_wanted(expected, field)!r}"


def _wanted(expected: dict, field: str):
    meeting = expected["meeting"]
    return {
        "parsed": "refused" if expected["refused"] else "read",
        "meeting_id": meeting["id"],
        "meeting_date": meeting["meeting_date"],
        "office": meeting["office"],
        "chair": meeting["chair"],
        "place": meeting["place"],
        "layout": expected["accept_layouts"],
        "items": expected["topics"],
        "directives": expected["directives"],
        "figures": [f["surface"] for f in expected["figures"]],
        "dates": [d["surface"] for d in expected["dates"]],
        "not_figures": expected["not_figures"],
        "published": f"{meeting['published']} (the web page only)",
    }[field]


def test_known_gaps_name_real_cases():
    """A gap that names no file or field of the set is a typo that would hide nothing."""
    cases = {(p.values[1], p.values[2]) for p in _cases()}
    assert KNOWN_GAPS <= cases, sorted(KNOWN_GAPS - cases)


# --- the set itself ------------------------------------------------------------------------------


def test_the_set_covers_every_layout_agency_and_form():
    expectations = eval_lookalikes.expectations()
    assert len(expectations) >= 24
    layouts = {e["layout"] for e in expectations}
    agencies = {e["agency"] for e in expectations}
    assert {"narrative", "prose", "minutes", "table", "not_meeting"} <= layouts
    assert {"department", "province", "district", "education", "sao", "ministry"} <= agencies
    for expected in expectations:
        kinds = {p.suffix[1:] for p in eval_lookalikes.files_of(expected)}
        assert kinds == {"txt", "docx", "html", "pdf"}, expected["name"]
    by_month = [e for e in expectations if e["meeting"]["month"]]  # their id is the month's: 2566-03
    numberless = [e for e in expectations if not e["refused"] and e["meeting"]["id"] is None] + by_month
    assert len(numberless) >= 6 and len(by_month) >= 3


@pytest.mark.parametrize("source", SOURCES, ids=[p.stem for p in SOURCES])
def test_committed_files_are_what_the_source_describes(source):
    """The committed expected reading, text and web page are the ones the source description gives
    (the .docx and .pdf are compared by their text, never their bytes)."""
    described = make_lookalikes.read_source(source)
    committed = json.loads((DATA / f"{source.stem}.expected.json").read_text(encoding="utf-8"))
    assert committed == make_lookalikes.expected(described)
    assert (DATA / f"{source.stem}.txt").read_text(encoding="utf-8") == make_lookalikes.render_txt(described)
    assert (DATA / f"{source.stem}.html").read_text(encoding="utf-8") == make_lookalikes.render_html(described)
    import docx

    document = docx.Document(str(DATA / f"{source.stem}.docx"))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    words = " ".join([p.text for p in document.paragraphs] + cells)
    assert "".join(described.title.split()) in "".join(words.split())


@pytest.mark.parametrize("source", SOURCES, ids=[p.stem for p in SOURCES])
def test_every_expected_figure_and_date_is_in_the_text_of_every_form(source):
    """The marks point at text that is really there: each surface in what the library reads of the
    .txt, the .docx and the web page, spaces aside, as the reader repairs Thai an OCR tool broke
    (ครัวเรอื น is read ครัวเรือน; the PDF's text is judged by the readings)."""
    from cddbrief.sources import pdfthai, read_source
    from cddbrief.thaitext import rejoin_displaced_marks

    def as_read(surface: str) -> str:
        return "".join(rejoin_displaced_marks(pdfthai.repair_line(surface)[0])[0].split())

    expected = json.loads((DATA / f"{source.stem}.expected.json").read_text(encoding="utf-8"))
    surfaces = [f["surface"] for f in expected["figures"]] + [d["surface"] for d in expected["dates"]]
    surfaces += expected["not_figures"]
    assert surfaces, "a document with nothing to find tests nothing"
    for path in eval_lookalikes.files_of(expected):
        if path.suffix == ".pdf":
            continue
        raw = read_source(str(path))
        cells = [c for b in raw.blocks for r in b.rows or () for c in r]
        text = raw.text if raw.text is not None else "\n".join([b.text for b in raw.blocks] + cells)
        squeezed = "".join(text.split())
        for surface in surfaces:
            assert "".join(surface.split()) in squeezed or as_read(surface) in squeezed, (path.name, surface)


def test_the_eval_prints_both_tables(capsys):
    eval_lookalikes.main([])
    out = capsys.readouterr().out
    assert out.count("all ") == 2 and "narrative" in out and "pdf" in out


def test_the_tools_doctests():
    for module in (make_lookalikes, eval_lookalikes):
        assert doctest.testmod(module).failed == 0


# --- the judge itself: it must fail a wrong reading as surely as it passes a right one -------------


def _right_reading(expected: dict) -> dict:
    """A reading that gives exactly what the document's expected reading asks for."""
    want = expected["meeting"]
    items = [{"topic": topic.replace("*", "หัวข้อ"), "directives": []} for topic in expected["topics"]]
    if items:
        items[0]["directives"] = [{"no": k + 1, "text": "ให้ดำเนินการ"} for k in range(expected["directives"] or 0)]
    meeting = {"id": want["id"], "meeting_date": want["meeting_date"], "office": want["office"], "chair": want["chair"]}
    meeting["place"] = want["place"]
    figures = [{"value": f["value"], "unit": f["unit"]} for f in expected["figures"]]
    dates = [{"start": d["start"], "end": d["end"]} for d in expected["dates"]]
    source = {"layout": expected["accept_layouts"][0]}
    return {"meeting": meeting, "source": source, "items": items, "quantities": figures, "dates": dates}


JUDGED = ["n09_dept_morning_brief", "m01_prov_minutes_subtopics", "t03_table_no_numbers_monthly"]


@pytest.mark.parametrize("name", JUDGED)
def test_the_judge_passes_a_right_reading_and_fails_each_wrong_field(expected_by_name, name):
    expected = expected_by_name[name]
    right = _right_reading(expected)
    assert all(ok for ok, _ in eval_lookalikes.judge(expected, right).values())
    wrong_chair = json.loads(json.dumps(right))
    wrong_chair["meeting"]["chair"] = (expected["meeting"]["chair"] or "") + " ครั้งที่ 7/2566"  # runs past the person
    assert not eval_lookalikes.judge(expected, wrong_chair)["chair"][0]
    no_date = json.loads(json.dumps(right))
    no_date["meeting"]["meeting_date"] = "2024-04-02"  # a page's banner date
    assert not eval_lookalikes.judge(expected, no_date)["meeting_date"][0]
    one_figure_short = json.loads(json.dumps(right))
    one_figure_short["quantities"].pop()
    assert not eval_lookalikes.judge(expected, one_figure_short)["figures"][0]
    merged = json.loads(json.dumps(right))
    merged["items"] = merged["items"][:1]
    assert not eval_lookalikes.judge(expected, merged)["items"][0]
    refused = eval_lookalikes.judge(expected, "NotAWriteUp: x.pdf holds no items")
    assert not any(ok for ok, _ in refused.values())


def test_a_room_or_floor_read_as_a_figure_is_caught(expected_by_name):
    expected = expected_by_name["n09_dept_morning_brief"]  # ห้องประชุม 5001, ชั้น 5, อาคาร 1-3
    for value, unit in ((5001, "ห้อง"), (5, "ชั้น"), (3, "อาคาร")):
        reading = _right_reading(expected)
        reading["quantities"].append({"value": value, "unit": unit})
        ok, seen = eval_lookalikes.judge(expected, reading)["not_figures"]
        assert not ok and str(value) in seen


def test_a_document_that_is_no_meeting_must_be_refused(expected_by_name):
    expected = expected_by_name["x01_ceremony_not_meeting"]
    assert eval_lookalikes.judge(expected, "NotAWriteUp: no meeting")["parsed"][0]
    assert not eval_lookalikes.judge(expected, {"meeting": {}, "items": [{"topic": "ทำบุญ"}]})["parsed"][0]
