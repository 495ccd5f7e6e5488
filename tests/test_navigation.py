"""Briefs a reader can compare, read on a phone and find their way in (issue 10, points 3, 11, 18).

- Like with like: a places chart holds one measure (same item, unit, role and words before the
  figures), says which in its title, shows the overall figure the text gives, a 100% line only
  for shares.
- Phone: every chart has a narrow drawing whose smallest text shows at 10 px or more on a 375 px
  screen; a table wider than the screen says it scrolls.
- Navigation: contents, tables that sort and filter from the keyboard, dark mode, the PDF.

The browser tests use Debian's Chromium through Playwright (as tests/test_browser.py).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docgen
import pytest
from conftest import SAMPLE, run_cli

from cddbrief import charts
from cddbrief.brief import Brief, sentence_groups
from cddbrief.meeting import read_meeting

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"

# A meeting of our own: two measures given for the same two provinces (collection and tablet
# records), an overall figure for the first only, a count by place, and a rate for one place.
PROVINCES_TEXT = (
    "ผลการจัดเก็บข้อมูล จปฐ. ภาพรวมของเขต ร้อยละ 88.5 โดยจังหวัดเชียงใหม่ ร้อยละ 91.2 และจังหวัดน่าน ร้อยละ 84.3 "
    "การบันทึกข้อมูลด้วยแท็บเล็ต จังหวัดเชียงใหม่ ร้อยละ 45.5 จังหวัดน่าน ร้อยละ 60.25 "
    "ครัวเรือนที่ได้รับการสำรวจซ้ำ จังหวัดเชียงใหม่ 5,200 ครัวเรือน และจังหวัดน่าน 3,100 ครัวเรือน "
    "การคืนข้อมูลให้ชุมชน จังหวัดตาก ร้อยละ 12"
)
WIDE_TEXT = "ให้จังหวัดรายงานผลการดำเนินงานโครงการพัฒนาศักยภาพผู้นำชุมชนและกลุ่มอาชีพในพื้นที่เป้าหมายทุกแห่งอย่างต่อเนื่อง 25 ครัวเรือน"


@pytest.fixture(scope="module")
def own_meeting(tmp_path_factory):
    folder = tmp_path_factory.mktemp("own")
    made = docgen.GenMeeting(
        9, 2565, "สำนักงานพัฒนาชุมชนจังหวัดเชียงใหม่", None, "เชียงใหม่",
        [docgen.GenItem(1, "จปฐ.", [docgen.Sentence(PROVINCES_TEXT)]),
         docgen.GenItem(2, "ผู้นำชุมชน", [docgen.Sentence(WIDE_TEXT + " ภายในวันที่ 30 ต.ค. 65"),
                                           docgen.Sentence("ส่งรายงาน 12 ฉบับ ภายในวันที่ 15 พ.ย. 65")])],
    )  # fmt: skip
    path = folder / "own.txt"
    path.write_text(docgen.render_dump(made), encoding="utf-8")
    return path


# --- 3. like with like -----------------------------------------------------------------------


def test_sample_places_chart_holds_one_measure_with_the_national_figure():
    brief = Brief(read_meeting(SAMPLE))
    drawn = brief.place_charts()
    assert len(drawn) == 1  # the tablet rate of one province stands beside nothing
    _, alt = drawn[0]
    assert "ลำพูน 97.59%" in alt and "ลำปาง 97.86%" in alt
    assert "ประจวบคีรีขันธ์" not in alt and "7.91" not in alt
    assert "จัดเก็บได้ต่ำกว่าเป้าหมาย" in alt  # the measure, in its own words
    assert "ทั้งประเทศ 100.03%" in alt  # the national figure, as a reference
    (measure,) = brief.place_measures()
    assert measure["role"] == "share" and measure["overall"]["value"] == 100.03
    assert "รวมทั้งประเทศจัดเก็บได้" in measure["overall"]["sentence"]  # with the text it came from


def test_measures_of_another_meeting_are_charted_apart(own_meeting):
    brief = Brief(read_meeting(own_meeting))
    measures = {(m["unit"], m["words"]): m for m in brief.place_measures()}
    got = {key: [(p["place"], p["value"]) for p in m["places"]] for key, m in measures.items()}
    assert got == {
        ("%", "ผลการจัดเก็บข้อมูล จปฐ ภาพรวมของเขต"): [("เชียงใหม่", 91.2), ("น่าน", 84.3)],
        ("%", "การบันทึกข้อมูลด้วยแท็บเล็ต"): [("เชียงใหม่", 45.5), ("น่าน", 60.25)],
        ("ครัวเรือน", "ครัวเรือนที่ได้รับการสำรวจซ้ำ"): [("เชียงใหม่", 5200), ("น่าน", 3100)],
    }  # ตาก ร้อยละ 12 is one place: no chart
    overall = {key: (m["overall"] or {}).get("value") for key, m in measures.items()}
    # the overall 88.5% belongs to the collection figures, not to the tablet records stated after
    assert overall == {
        ("%", "ผลการจัดเก็บข้อมูล จปฐ ภาพรวมของเขต"): 88.5,
        ("%", "การบันทึกข้อมูลด้วยแท็บเล็ต"): None,
        ("ครัวเรือน", "ครัวเรือนที่ได้รับการสำรวจซ้ำ"): None,
    }
    alts = [alt for _, alt in brief.place_charts()]
    assert len(alts) == 3
    assert "ภาพรวม 88.5%" in alts[0] and "ภาพรวม" not in alts[1]
    assert "เชียงใหม่ 5,200 ครัวเรือน" in alts[2]


def test_target_line_only_for_shares(own_meeting, monkeypatch):
    """The 100% line is drawn on percentage charts and never on a count by place."""
    drawn = []
    real = charts._png

    def keep(fig):
        drawn.append([line.get_label() for ax in fig.axes for line in ax.lines])
        return real(fig)

    monkeypatch.setattr(charts, "_png", keep)
    brief = Brief(read_meeting(own_meeting))
    brief.place_charts()
    target = brief.t("target")
    wide = drawn[::2]  # each chart is drawn wide, then narrow
    assert [target in labels for labels in wide] == [True, True, False]
    assert any("ภาพรวม 88.5%" in label for label in wide[0])


def test_sentence_groups_join_lists_and_parts_only():
    from cddbrief.model import Directive
    from cddbrief.quantities import find_quantities

    text = "ผลการจัดเก็บด้วยแท็บเล็ต จังหวัดตากเป้าหมาย 1,000 ครัวเรือน จัดเก็บได้ 250 ครัวเรือน คิดเป็น 25% ลงพื้นที่ 3 ครั้ง"
    d = Directive(no=1, text=text, quantities=find_quantities(text)[0])
    groups = [[q.value for q, _ in g["figures"]] for g in sentence_groups(d)]
    assert groups == [[1000, 250, 25], [3]]


# --- 11. phone -------------------------------------------------------------------------------


def _smallest_text_pt(fig) -> float:
    texts = [
        t
        for t in fig.findobj(lambda a: hasattr(a, "get_fontsize") and hasattr(a, "get_text"))
        if t.get_text().strip() and t.get_visible()
    ]
    return min(t.get_fontsize() for t in texts)


def test_every_chart_has_a_narrow_drawing_readable_on_a_phone(own_meeting, monkeypatch):
    """9 pt text on a 6.8 in drawing shrunk to a 343 px column is 6.3 px: the phone drawing keeps
    the smallest text at 10 px or more at 375 px (and 320 px)."""
    sizes = []
    real = charts._png

    def keep(fig):
        sizes.append((fig.get_figwidth(), _smallest_text_pt(fig)))
        return real(fig)

    monkeypatch.setattr(charts, "_png", keep)
    for source in (SAMPLE, own_meeting):
        brief = Brief(read_meeting(source))
        made = [brief.timeline_chart(), brief.topics_chart(), brief.parts_chart(), *brief.place_charts()]
        for chart in made:
            if chart is not None:
                assert chart.narrow and chart.narrow.startswith("data:image/png;base64,") and chart.narrow != chart[0]
    narrow = [(w, pt) for w, pt in sizes if w < charts.WIDE]
    assert len(narrow) >= 6 and len(narrow) * 2 == len(sizes)
    for width_in, pt in narrow:
        for column_px in (343, 288):  # the text column of a 375 px and a 320 px screen
            assert pt / 72 * column_px / width_in >= 10, (width_in, pt, column_px)


# --- the browser -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(own_meeting, tmp_path_factory):
    data = own_meeting.parent
    shutil.copy(SAMPLE, data / SAMPLE.name)
    out = tmp_path_factory.mktemp("out")
    for args in (
        ["2562-04", "--format", "html,pdf"],
        ["9/2565", "--format", "html"],
        ["2562-04", "--lang", "en", "--format", "html"],
    ):
        result = run_cli("build", "--data", data, "--out", out, *args)
        assert result.returncode == 0, result.stderr
    return {
        "sample": out / "2562-04" / "brief.html",
        "own": out / "2565-09" / "brief.html",
        "english": out / "2562-04" / "brief.en.html",
        "pdf": out / "2562-04" / "brief.pdf",
    }


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is missing: run make setup as root")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield chromium
        chromium.close()


def _open(browser, path: Path, width: int, scheme: str = "light"):
    page = browser.new_page(viewport={"width": width, "height": 900}, color_scheme=scheme)
    problems = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    page.evaluate("document.fonts.ready.then(() => true)")
    return page, problems


SHOW = (
    "(img) => ({shown: img.getBoundingClientRect().width, natural: img.naturalWidth,"
    " narrow: img.currentSrc !== img.getAttribute('src')})"
)


def test_phone_shows_the_narrow_charts_and_desktop_the_wide(browser, built):
    for width, narrow in ((375, True), (1280, False)):
        page, problems = _open(browser, built["sample"], width)
        images = [img.evaluate(SHOW) for img in page.query_selector_all("figure.chart img")]
        assert len(images) == 4 and problems == []
        assert all(i["narrow"] is narrow for i in images), images
        # the smallest text of a phone's picture (9 pt of a NARROW-inch drawing at 200 dpi), on screen: 12 px at least
        if narrow:
            assert all(i["natural"] == round(charts.NARROW * charts.DPI) for i in images)
            assert min(9 / 72 * i["shown"] / charts.NARROW for i in images) >= 12
        page.close()


def test_tables_become_labelled_cards_on_a_phone_and_say_when_they_scroll_above_it(browser, built):
    """At 375 px every table's rows are cards (no box wider than the screen, no scroll hint, each
    cell under its column's name); between a phone and a desktop a table wider than its box still
    says it scrolls, and takes the keyboard."""
    page, _ = _open(browser, built["own"], 375)
    boxes = page.evaluate(
        "Array.from(document.querySelectorAll('.scroll')).map(b => b.scrollWidth > b.clientWidth + 1)"
    )
    assert boxes and not any(boxes)
    assert (
        page.evaluate("Array.from(document.querySelectorAll('p.scroll-hint')).filter(p => p.checkVisibility()).length")
        == 0
    )
    cells = page.evaluate(
        "Array.from(document.querySelectorAll('.scroll tbody td')).map(td => [td.getAttribute('data-label'), "
        "td.closest('table').tHead.rows[0].cells.length])"
    )
    assert cells and all(label for label, _ in cells)
    assert (
        page.evaluate("getComputedStyle(document.querySelector('.scroll td'), '::before').content").strip('"') != "none"
    )
    page.close()
    page, _ = _open(browser, built["own"], 560)
    boxes = page.evaluate(
        "Array.from(document.querySelectorAll('.scroll')).map(b => [b.scrollWidth > b.clientWidth + 1, "
        "b.previousElementSibling.matches('p.scroll-hint') && b.previousElementSibling.checkVisibility(), b.tabIndex])"
    )
    for wide, hint, tab in boxes:
        assert hint == wide  # a hint where the table is wider than its box, none where it is not
        assert (tab == 0) == wide  # and a wide box takes the keyboard to scroll
    page.close()
    page, _ = _open(browser, built["own"], 1280)
    assert (
        page.evaluate("Array.from(document.querySelectorAll('p.scroll-hint')).filter(p => p.checkVisibility()).length")
        == 0
    )
    page.close()


# --- 18. navigation --------------------------------------------------------------------------


def test_contents_link_every_section(browser, built):
    page, _ = _open(browser, built["sample"], 1280)
    links = page.evaluate("Array.from(document.querySelectorAll('nav.toc a')).map(a => [a.textContent, a.hash])")
    assert [h for _, h in links] == [
        "#summary",
        "#agenda",
        "#timeline",
        "#deadlines",
        "#figures",
        "#checks",
        "#notes",
        "#directives",
        "#provenance",
    ]
    assert links[3][0] == "กำหนดการและผู้รับผิดชอบ" or links[3][0]  # labels in the brief's language
    assert page.evaluate(
        "Array.from(document.querySelectorAll('nav.toc a')).every(a => document.getElementById(a.hash.slice(1)))"
    )
    page.click("nav.toc a[href='#checks']")
    assert page.evaluate("document.getElementById('checks').getBoundingClientRect().top") < 50
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('nav.toc')).display") == "none"
    page.close()
    page, _ = _open(browser, built["english"], 1280)
    assert page.evaluate("document.querySelector('nav.toc').getAttribute('aria-label')") == "Contents"
    assert "Deadlines" in page.inner_text("nav.toc") or "deadlines" in page.inner_text("nav.toc").lower()
    page.close()


def _column(page, table: str, n: int) -> list[str]:
    return page.evaluate(
        f"Array.from(document.querySelectorAll('#{table} tbody tr')).filter(r => !r.hidden)"
        f".map(r => r.cells[{n}].getAttribute('data-sort') || r.cells[{n}].textContent.trim())"
    )


def test_figures_sort_by_value_from_the_keyboard(browser, built):
    page, _ = _open(browser, built["sample"], 1280)
    header = page.locator("#figures-table thead th").nth(1)
    header.locator("button").focus()
    page.keyboard.press("Enter")
    assert header.get_attribute("aria-sort") == "ascending"
    values = [float(v) for v in _column(page, "figures-table", 1)]
    assert values == sorted(values) and values[-1] == 15804000 and len(values) == 35
    page.keyboard.press("Enter")
    assert header.get_attribute("aria-sort") == "descending"
    assert [float(v) for v in _column(page, "figures-table", 1)] == sorted(values, reverse=True)
    page.close()


def test_deadlines_sort_by_date_and_filter(browser, built):
    page, _ = _open(browser, built["sample"], 1280)
    dates = _column(page, "deadlines-table", 0)
    assert dates == sorted(dates)  # as built: in date order
    page.locator("#deadlines-table thead th").nth(0).locator("button").click()
    page.locator("#deadlines-table thead th").nth(0).locator("button").click()
    assert _column(page, "deadlines-table", 0) == sorted(dates, reverse=True)
    total = len(dates)
    topic = page.evaluate(
        "document.querySelector('#deadlines-table tbody tr').cells[1].textContent.trim()"
    )  # "1. OTOP"
    page.fill("#deadlines-table-filter", topic)
    shown = page.evaluate(
        "Array.from(document.querySelectorAll('#deadlines-table tbody tr'))"
        ".filter(r => !r.hidden).map(r => r.textContent)"
    )
    assert 0 < len(shown) < total and all(topic in row for row in shown)
    assert page.inner_text("#deadlines .table-tools .shown") == f"แสดง {len(shown)} จาก {total} แถว"
    page.fill("#deadlines-table-filter", "")
    assert len(_column(page, "deadlines-table", 0)) == total
    page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_dark_mode_follows_the_system_and_passes_axe(browser, built, scheme):
    page, problems = _open(browser, built["sample"], 375, scheme)
    background = page.evaluate("getComputedStyle(document.documentElement).backgroundColor")
    ink = page.evaluate("getComputedStyle(document.querySelector('main td')).color")
    if scheme == "dark":
        assert background == "rgb(17, 24, 31)" and ink == "rgb(227, 232, 238)"
        # the charts, drawn on white, are shown inverted with their hues turned back: dark like the page
        assert "invert" in page.evaluate("getComputedStyle(document.querySelector('figure.chart img')).filter")
    else:
        assert background == "rgb(255, 255, 255)"
    assert problems == []
    if not AXE.exists():
        page.close()
        pytest.skip("axe-core (npm) is missing: run make setup")
    page.add_script_tag(path=str(AXE))
    page.fill("#figures-table-filter", "ลำ")  # with the filter in use and a column sorted
    page.locator("#figures-table thead th button").first.click()
    result = page.evaluate(
        "axe.run(document, {runOnly: {type: 'tag', "
        "values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
    )
    assert [(v["id"], v["nodes"][0]["target"]) for v in result["violations"]] == []
    assert any(p["id"] == "color-contrast" for p in result["passes"])
    page.close()


def test_pdf_keeps_the_wide_charts_and_no_screen_tools(built):
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils is missing")
    text = subprocess.run(["pdftotext", str(built["pdf"]), "-"], capture_output=True, text=True, check=True).stdout
    assert "กรองแถว" not in text and "เลื่อนไปทางขวา" not in text and "สารบัญ" not in text
    images = subprocess.run(
        ["pdfimages", "-list", str(built["pdf"])], capture_output=True, text=True, check=True
    ).stdout
    widths = [int(line.split()[3]) for line in images.splitlines()[2:] if line.split()[2] == "image"]
    assert widths and all(w == round(charts.WIDE * charts.DPI) for w in widths)


def test_pdf_is_tagged_with_the_charts_alt_text(built):
    """A tagged PDF (WeasyPrint's pdf_tags): a structure tree a screen reader follows, figures with
    their alternative text."""
    from pypdf import PdfReader

    root = PdfReader(built["pdf"]).trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] is True or str(root["/MarkInfo"]["/Marked"]) == "True"
    assert "/StructTreeRoot" in root
    kinds, alts, todo = set(), [], [root["/StructTreeRoot"]]
    while todo:
        node = todo.pop()
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, list):
            todo.extend(node)
            continue
        if not hasattr(node, "get"):
            continue
        kinds.add(str(node.get("/S")))
        if node.get("/S") == "/Figure" and "/Alt" in node:
            alts.append(str(node["/Alt"]))
        if "/K" in node:
            todo.append(node["/K"])
    assert {"/H1", "/H2", "/Table", "/TH", "/Figure"} <= kinds
    assert any("ลำพูน 97.59%" in alt for alt in alts)
