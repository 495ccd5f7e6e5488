"""Outputs where colleagues open them: the index of briefs in a browser, spreadsheets read back,
the terminal's columns measured in display columns (Thai marks above and below take none)."""

from __future__ import annotations

import csv
import io
import json
import random
import re
import shutil
import unicodedata
from pathlib import Path

import docgen
import pytest
from conftest import SAMPLE, run_cli

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ISO_DAY = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def columns(text: str) -> int:
    """Display columns, measured without wcwidth: combining marks and format characters take none."""
    return sum(0 if unicodedata.category(ch) in ("Mn", "Me", "Cf") else 1 for ch in text)


def at(line: str, start: int, end: int) -> str:
    """The characters of line shown in display columns [start, end), marks kept with their letter."""
    out, col = [], 0
    for ch in line:
        w = columns(ch)
        if start <= col < end or (w == 0 and start < col <= end and out):
            out.append(ch)
        col += w
    return "".join(out)


def _checked_meeting(number: int, office_place: str, province: str) -> docgen.GenMeeting:
    """A meeting whose figures make a ratio and a product check, with a dated action."""
    sentences = [
        docgen.Sentence("ครัวเรือนเป้าหมาย 2,400 ครัวเรือน จัดเก็บแล้ว 1,850 ครัวเรือน คิดเป็นร้อยละ 77.08"),
        docgen.Sentence(
            "จัดสรรงบประมาณ 120 หมู่บ้าน หมู่บ้านละ 20,000 บาท รวมเป็นเงิน 2,400,000 บาท ให้รายงานภายในวันที่ 15 ส.ค. 63"
        ),
    ]
    items = [docgen.GenItem(1, "การจัดเก็บข้อมูล จปฐ.", sentences)]
    office = f"สำนักงานพัฒนาชุมชนจังหวัด{office_place}"
    return docgen.GenMeeting(number, 2563, office, None, province, items, date_text=" วันที่ 17 กรกฎาคม 2563")


# --- the terminal ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def thai_folder(tmp_path_factory):
    data = tmp_path_factory.mktemp("raw")
    shutil.copy(SAMPLE, data / "a-sample.txt")
    for seed in (3, 8, 21):
        (data / f"gen-{seed}.txt").write_text(
            docgen.render_dump(docgen.meeting(random.Random(seed), n_items=2)), encoding="utf-8"
        )
    (data / "checked.txt").write_text(docgen.render_dump(_checked_meeting(6, "เชียงใหม่", "เชียงใหม่")), encoding="utf-8")
    return data


def test_list_columns_line_up_with_thai_offices(thai_folder):
    listing = json.loads(run_cli("list", "--data", str(thai_folder), "--json").stdout)["meetings"]
    result = run_cli("list", "--data", str(thai_folder))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    header, rows = lines[0], lines[1 : 1 + len(listing)]
    assert len(rows) == len(listing) >= 5
    starts = {
        label: columns(header[: header.index(label)])
        for label in ("office", "items", "dir.", "fig.", "dates", "notes", "file")
    }
    numbers = [("items", "items"), ("dir.", "directives"), ("fig.", "figures"), ("dates", "dated"), ("notes", "notes")]
    marked = 0
    for row in rows:
        name = at(row, starts["file"], 10_000)
        entry = next(e for e in listing if Path(e["file"]).name == name)
        office = at(row, starts["office"], starts["items"]).strip()
        marked += columns(entry["office"]) < len(entry["office"])
        assert entry["office"].startswith(office.rstrip("…")) and len(office) > 10, (row, office)
        for label, key in numbers:
            start = starts[label]
            cell = at(row, start, start + columns(label))
            assert cell.strip() == str(entry[key]), (row, label, cell)
            assert at(row, start - 1, start) == " "
    assert marked == len(rows)  # every office name here has marks that take no column


def test_parse_summary_columns_line_up(thai_folder):
    result = run_cli("parse", str(thai_folder / "a-sample.txt"))
    lines = result.stdout.splitlines()
    head = next(i for i, ln in enumerate(lines) if ln.startswith("ที่"))
    header, rows = lines[head], [ln for ln in lines[head + 1 :] if re.match(r"^\s*\d+[* ] ", ln)]
    end = columns(header[: header.index("วันที่")]) + columns("วันที่")
    directives_end = columns(header[: header.index("ข้อสั่งการ")]) + columns("ข้อสั่งการ")
    meeting = json.loads(run_cli("parse", str(thai_folder / "a-sample.txt"), "--json").stdout)
    assert len(rows) == len(meeting["items"])
    for row, item in zip(rows, meeting["items"]):
        assert columns(row) == end, row
        assert at(row, directives_end - 3, directives_end).strip() == str(len(item["directives"])), row


# --- build --all, index.html ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    data = tmp_path_factory.mktemp("raw")
    shutil.copy(SAMPLE, data / "a-sample.txt")
    twin = SAMPLE.read_text(encoding="utf-8").replace("อำเภอเสริมงาม", "อำเภอแม่ทะ")
    (data / "b-twin.txt").write_text(twin, encoding="utf-8")
    (data / "c-checked.txt").write_text(docgen.render_dump(_checked_meeting(6, "ตาก", "ตาก")), encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    trends = run_cli("build", "--trends", "--data", str(data), "--out", str(out))
    assert trends.returncode == 0, trends.stderr
    th = run_cli(
        "build",
        "--all",
        "--data",
        str(data),
        "--out",
        str(out),
        "--jobs",
        "2",
        "--format",
        "html,pdf,xlsx,csv,json,ics",
    )
    assert th.returncode == 0, th.stderr
    en = run_cli(
        "build", "--all", "--data", str(data), "--out", str(out), "--jobs", "2", "--lang", "en", "--format", "html,xlsx"
    )
    assert en.returncode == 0, en.stderr
    listing = json.loads(run_cli("list", "--data", str(data), "--json").stdout)["meetings"]
    return {"out": out, "th": th.stderr, "en": en.stderr, "listing": listing}


def test_build_all_says_where_each_brief_went(built):
    out = built["out"]
    for name in ("a-sample.txt", "b-twin.txt", "c-checked.txt"):
        line = next(ln for ln in built["th"].splitlines() if ln.strip().startswith(f"built: {name} → "))
        first = Path(line.split(" → ", 1)[1].split(" (+", 1)[0])
        assert first.name == "brief.html" and first.is_file() and first.parent.parent == out
        assert "brief.pdf" in line and "xlsx" in line
    assert f"index: {out / 'index.html'}" in built["th"]
    assert f"index: {out / 'index.en.html'}" in built["en"]
    assert "built: a-sample.txt → " in built["en"] and "brief.en.html" in built["en"]


class _Page:
    def __init__(self, html: str):
        from html.parser import HTMLParser

        self.links, self.style = [], ""
        page = self

        class P(HTMLParser):
            in_style = False

            def handle_starttag(self, tag, attrs):
                self.in_style = tag == "style"
                if tag == "a":
                    page.links.append(dict(attrs)["href"])

            def handle_data(self, data):
                if self.in_style:
                    page.style += data

            def handle_endtag(self, tag):
                self.in_style = False

        P().feed(html)


def test_index_links_every_brief_pdf_export_and_trends(built):
    out = built["out"]
    page = _Page((out / "index.html").read_text(encoding="utf-8"))
    assert "&#39;" not in page.style and "&quot;" not in page.style and "font-family:'Sarabun'" in page.style
    folders = sorted(p.name for p in out.iterdir() if p.is_dir())
    assert len(folders) == 3
    for folder in folders:
        meeting_id = folder[:7]
        frames = ("items", "directives", "quantities", "dates", "checks", "notes")
        names = ["brief.html", "brief.pdf", f"{meeting_id}.xlsx", f"{meeting_id}.json", f"{meeting_id}.ics"]
        wanted = {f"{folder}/{name}" for name in names} | {f"{folder}/{meeting_id}-{frame}.csv" for frame in frames}
        assert wanted <= set(page.links), folder
    assert "trends.html" in page.links
    for href in page.links:
        assert (out / href).is_file(), href
    english = _Page((out / "index.en.html").read_text(encoding="utf-8"))
    assert {f"{folder}/brief.en.html" for folder in folders} <= set(english.links) and "index.html" in english.links
    assert "index.en.html" in page.links  # the Thai index, written before the English one, was refreshed to link it
    for folder in folders:  # each index links the workbook in its language, and the language-free exports
        meeting_id = folder[:7]
        assert f"{folder}/{meeting_id}.en.xlsx" in english.links and f"{folder}/{meeting_id}.xlsx" not in english.links
        assert f"{folder}/{meeting_id}.en.xlsx" not in page.links and f"{folder}/{meeting_id}.json" in english.links


def test_an_english_batch_writes_an_english_workbook_beside_the_thai_one(built):
    """``build --all --lang en --format html,xlsx`` after the Thai batch: ``2562-04.en.xlsx`` in English
    beside ``2562-04.xlsx`` in Thai, which it leaves as it was."""
    from openpyxl import load_workbook

    from cddbrief.exports import column_title, sheet_title

    out = built["out"]
    folders = sorted(p for p in out.iterdir() if p.is_dir())
    for folder in folders:
        meeting_id = folder.name[:7]
        thai, english = load_workbook(folder / f"{meeting_id}.xlsx"), load_workbook(folder / f"{meeting_id}.en.xlsx")
        assert thai.sheetnames == [sheet_title(n) for n in english.sheetnames] and thai.sheetnames != english.sheetnames
        assert english.sheetnames == ["items", "directives", "quantities", "dates", "checks", "notes"]
        english_head = [c.value for c in english["dates"][1]]
        thai_head = [c.value for c in thai[sheet_title("dates")][1]]
        assert "start" in english_head and not any("พ.ศ." in h for h in english_head)
        assert column_title("start") in thai_head and any("พ.ศ." in h for h in thai_head)
        assert english["items"].max_row == thai[sheet_title("items")].max_row  # the same rows, titled in English
    line = next(ln for ln in built["en"].splitlines() if ln.strip().startswith("built: a-sample.txt → "))
    assert ".en.xlsx" in line


def test_trends_built_after_the_briefs_are_linked_from_their_index(tmp_path):
    """build --all, then build --trends: the index the batch wrote links the new page, and every
    brief it listed stays listed (the index is written again from the rows the batch kept)."""
    data = tmp_path / "raw"
    data.mkdir()
    shutil.copy(SAMPLE, data / "a-sample.txt")
    (data / "broken.txt").write_text("hello", encoding="utf-8")
    out = tmp_path / "out"
    batch = run_cli("build", "--all", "--data", str(data), "--out", str(out), "--jobs", "1")
    assert batch.returncode == 1, batch.stderr  # the broken file failed
    before = _Page((out / "index.html").read_text(encoding="utf-8"))
    assert "2562-04/brief.html" in before.links and "trends.html" not in before.links
    trends = run_cli("build", "--trends", "--data", str(data), "--out", str(out))
    assert trends.returncode == 0, trends.stderr
    assert f"index: {out / 'index.html'}" in trends.stderr
    page = (out / "index.html").read_text(encoding="utf-8")
    after = _Page(page)
    assert "trends.html" in after.links and set(before.links) <= set(after.links)
    assert "broken.txt" in page  # the failure the batch reported is still shown
    assert not (out / "index.en.html").exists()  # no English index made up


def test_english_index_does_not_overwrite_the_thai_one(built):
    th = (built["out"] / "index.html").read_text(encoding="utf-8")
    en = (built["out"] / "index.en.html").read_text(encoding="utf-8")
    assert '<html lang="th">' in th and "สรุปการประชุม TV พช. ทั้งหมด" in th
    assert '<html lang="en">' in en and "All TV พช. meeting briefs" in en
    assert "4/2562 (2019)" in en and "4/2562 (2019)" not in th


def _browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is missing: run make setup as root to install it")
    from playwright.sync_api import sync_playwright

    return sync_playwright()


@pytest.mark.parametrize("width", [1280, 375])
def test_index_in_chromium_loads_sarabun_and_shows_thai_dates(built, width):
    out, listing = built["out"], built["listing"]
    with _browser() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": width, "height": 900})
        requests = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto((out / "index.html").as_uri())
        page.evaluate("document.fonts.ready.then(() => true)")
        faces = page.evaluate("Array.from(document.fonts).map(f => [f.family.replace(/[\"']/g, ''), f.status])")
        assert ["Sarabun", "loaded"] in faces
        assert page.evaluate("document.fonts.check('16px Sarabun', 'การประชุม')")
        assert page.evaluate("getComputedStyle(document.querySelector('td')).fontFamily").startswith("Sarabun")
        assert requests == [(out / "index.html").as_uri()]
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        text = page.evaluate("document.body.innerText")
        assert not ISO_DAY.search(text), ISO_DAY.search(text)
        rows = page.evaluate("Array.from(document.querySelectorAll('#briefs tbody tr')).map(r => r.innerText)")
        for e in listing:
            row = next(r for r in rows if Path(e["file"]).name in r)
            if e["first_date"]:
                assert str(int(e["first_date"][:4]) + 543) in row  # Buddhist era
            if e["meeting_date"]:
                assert str(int(e["meeting_date"][:4]) + 543) in row and str(int(e["meeting_date"][:4])) + " " not in row
        if width == 375:  # a phone: each meeting is a card, its link first, no table wider than the screen
            assert page.evaluate(
                "Array.from(document.querySelectorAll('table')).every(t => t.scrollWidth <= t.clientWidth)"
            )
            firsts = page.evaluate(
                "Array.from(document.querySelectorAll('#briefs tbody tr:not(.failed)'))"
                ".map(r => r.cells[0].querySelector('a').getAttribute('href'))"
            )
            assert firsts and all(href.endswith("/brief.html") for href in firsts)
        page.screenshot(path=str(out / f"index-{width}.png"), full_page=True)
        browser.close()


# --- spreadsheets -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    out = tmp_path_factory.mktemp("exports")
    source = out / "checked.txt"
    source.write_text(docgen.render_dump(_checked_meeting(6, "ตาก", "ตาก")), encoding="utf-8")
    folders = []
    for path in (SAMPLE, source):
        result = run_cli("export", str(path), "--to", "xlsx,csv", "--out", str(out / "x"))
        assert result.returncode == 0, result.stderr
        folders.append(Path(result.stdout.splitlines()[0]).parent)
    return folders


def test_xlsx_counts_integers_booleans_tolerances_filters_thai_notes(exported):
    from openpyxl import load_workbook

    from cddbrief.exports import column_title as c
    from cddbrief.exports import sheet_title

    for folder in exported:
        book = load_workbook(next(folder.glob("*.xlsx")))
        for sheet in book:
            last = sheet.cell(row=1, column=sheet.max_column).column_letter
            assert sheet.auto_filter.ref == f"A1:{last}{sheet.max_row}", sheet.title
            assert (
                sheet.page_setup.orientation == "landscape"
                and sheet.page_setup.fitToWidth == 1
                and sheet.page_setup.fitToHeight == 0
            )
            assert (
                sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.print_title_rows.replace("$", "") == "1:1"
            )  # the header on every page
        assert book.sheetnames == [
            sheet_title(n) for n in ("items", "directives", "quantities", "dates", "checks", "notes")
        ]
        assert book.sheetnames[2] == "ตัวเลข"  # a Thai workbook: Thai sheet names and headers
        q = book[sheet_title("quantities")]
        head = [cell.value for cell in q[1]]
        assert "ค่า" in head and "value" not in head
        values = [r[head.index(c("value"))] for r in q.iter_rows(min_row=2)]
        whole = [cell for cell in values if float(cell.value).is_integer()]
        assert whole and all(type(cell.value) is int for cell in whole)
        assert all(cell.number_format == "#,##0" for cell in whole)
        repaired = [r[head.index(c("repaired"))] for r in q.iter_rows(min_row=2)]
        assert repaired and all(
            cell.data_type == "b" and cell.value in (True, False) and "TRUE" in cell.number_format for cell in repaired
        )
        dates = book[sheet_title("dates")]
        head = [cell.value for cell in dates[1]]
        at = head.index(c("start"))
        assert head[at + 1] == f"{c('start')} (พ.ศ.)"  # the Buddhist-era date beside the ISO one
        for row in dates.iter_rows(min_row=2, values_only=True):
            if row[at] is not None:
                assert row[at + 1].endswith(str(row[at].year + 543)) and row[at + 1].startswith(str(row[at].day)), row[
                    at : at + 2
                ]
        checks = book[sheet_title("checks")]
        head = [cell.value for cell in checks[1]]
        rows = list(checks.iter_rows(min_row=2, values_only=True))
        assert rows
        for row in rows:
            tolerance = row[head.index(c("tolerance"))]
            assert tolerance == float(f"{tolerance:.2g}"), tolerance
            assert row[head.index(c("holds"))] in (True, False, None)
        ratio = [r for r in rows if r[head.index(c("kind"))] == "ratio"]
        assert ratio and all(r[head.index(c("tolerance"))] == 0.005 for r in ratio)
        notes = book[sheet_title("notes")]
        head = [cell.value for cell in notes[1]]
        assert c("message_th") in head
        thai = [r[head.index(c("message_th"))] for r in notes.iter_rows(min_row=2, values_only=True)]
        assert all(m and re.search("[ก-๙]", m) for m in thai) or not thai
    sample = load_workbook(next(exported[0].glob("*.xlsx")))
    notes = list(sample[sheet_title("notes")].iter_rows(min_row=2, values_only=True))
    assert len(notes) >= 5 and all(re.search("[ก-๙]", r[5]) for r in notes)


def test_english_xlsx_keeps_the_frames_names_and_iso_dates(tmp_path):
    from openpyxl import load_workbook

    result = run_cli("export", str(SAMPLE), "--to", "xlsx", "--lang", "en", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    book = load_workbook(next(tmp_path.rglob("*.xlsx")))
    assert book.sheetnames == ["items", "directives", "quantities", "dates", "checks", "notes"]
    head = [cell.value for cell in book["dates"][1]]
    assert "start" in head and not any("พ.ศ." in h for h in head)


def test_csv_whole_numbers_and_booleans(exported):
    for folder in exported:
        for path in folder.glob("*.csv"):
            rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
            head = rows[0]
            for row in rows[1:]:
                for name, value in zip(head, row):
                    assert not re.fullmatch(r"-?\d+\.0", value), (path.name, name, value)
                    if name in ("inferred", "repaired", "year_inferred", "holds"):
                        assert value in ("TRUE", "FALSE", ""), (path.name, name, value)
                    if name == "tolerance" and value:
                        assert len(value) <= 6, value
        quantities = list(
            csv.DictReader(io.StringIO(next(folder.glob("*-quantities.csv")).read_text(encoding="utf-8-sig")))
        )
        assert any(r["value"].isdigit() for r in quantities)
