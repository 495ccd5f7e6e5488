"""Briefs where people read them: headless Chromium (Debian's), a phone-sized screen, print, paper.

Chromium is driven by Playwright's Python package with executable_path (no
browser download); axe-core (npm, installed by make setup) checks accessibility
inside the page, offline. Screenshots are kept in outputs/screenshots/.
The PDF is rasterised with pdftoppm and measured with pdftotext -bbox.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import docgen
import pytest
from conftest import SAMPLE, run_cli

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SHOTS = ROOT / "outputs" / "screenshots"
REQUIRED = os.environ.get("CDDBRIEF_REQUIRE_BROWSER") == "1"  # CI: a missing browser fails, not skips


def _need(ok: bool, what: str):
    if not ok:
        if REQUIRED:
            pytest.fail(f"{what} is missing (make setup installs it)")
        pytest.skip(f"{what} is missing: run make setup as root to install it")


@pytest.fixture(scope="module")
def briefs(tmp_path_factory):
    data = tmp_path_factory.mktemp("raw")
    shutil.copy(SAMPLE, data / SAMPLE.name)
    asked = docgen.Sentence("ให้จังหวัดเร่งรัดการเบิกจ่ายงบประมาณ ร้อยละ 95 ภายในวันที่ 30 ก.ย. 63")
    one = docgen.GenMeeting(
        7, 2563, "สำนักงานพัฒนาชุมชนจังหวัดตาก", None, "ตาก", [docgen.GenItem(1, "การเบิกจ่ายงบประมาณ", [asked])]
    )
    (data / "one.txt").write_text(docgen.render_dump(one), encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    for args in (["2562-04", "--format", "html,pdf"], ["2562-04", "--lang", "en"], ["7/2563"]):
        result = run_cli("build", "--data", data, "--out", out, *args)
        assert result.returncode == 0, result.stderr
    return {"sample": out / "2562-04" / "brief.html", "english": out / "2562-04" / "brief.en.html",
            "one-item": out / "2563-07" / "brief.html", "pdf": out / "2562-04" / "brief.pdf"}  # fmt: skip


@pytest.fixture(scope="module")
def browser():
    _need(Path(CHROMIUM).exists(), "Debian's chromium")
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


def _open(browser, path: Path, width: int):
    page = browser.new_page(viewport={"width": width, "height": 900})
    requests, problems = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    page.evaluate("document.fonts.ready.then(() => true)")
    return page, requests, problems


NAMES = ["sample", "english", "one-item"]


@pytest.mark.parametrize("name", NAMES)
def test_no_network_no_errors_and_sarabun(browser, briefs, name):
    page, requests, problems = _open(browser, briefs[name], 1280)
    assert requests == [briefs[name].as_uri()]
    assert problems == []
    faces = page.evaluate("Array.from(document.fonts).map(f => [f.family.replace(/[\"']/g, ''), f.status])")
    assert ["Sarabun", "loaded"] in faces
    assert page.evaluate("getComputedStyle(document.querySelector('main td, main dd')).fontFamily").startswith(
        "Sarabun"
    )
    assert page.evaluate("document.fonts.check('16px Sarabun', 'สรุปการประชุม')")
    page.close()


@pytest.mark.parametrize("name", NAMES)
def test_phone_width_does_not_scroll_sideways(browser, briefs, name):
    page, _, _ = _open(browser, briefs[name], 375)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    # wide tables scroll inside their own box, not the page
    for box in page.query_selector_all(".scroll"):
        assert box.evaluate("e => getComputedStyle(e).overflowX") == "auto"
        assert box.evaluate("e => e.getBoundingClientRect().right") <= 375.5
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}-375.png"), full_page=True)
    page.close()


@pytest.mark.parametrize("name", NAMES)
def test_desktop_width_uses_the_space(browser, briefs, name):
    page, _, _ = _open(browser, briefs[name], 1280)
    width = page.evaluate("document.querySelector('main').getBoundingClientRect().width")
    assert width >= 900
    tiles = page.evaluate(
        "Array.from(document.querySelectorAll('ul.tiles li')).map(li => li.getBoundingClientRect().top)"
    )
    assert len(set(round(t) for t in tiles)) == 1  # the summary tiles sit side by side
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}-1280.png"), full_page=True)
    page.close()


def test_print_hides_chrome_and_opens_directives(browser, briefs):
    page, _, _ = _open(browser, briefs["sample"], 1280)
    visible = "Array.from(document.querySelectorAll('ol.directives li')).filter(li => li.checkVisibility()).length"
    assert page.evaluate(visible) == 0  # collapsed on screen
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('.toolbar')).display") == "none"
    assert page.evaluate(visible) == 21  # every directive on paper
    page.close()


@pytest.mark.parametrize("name", NAMES)
def test_accessibility(browser, briefs, name):
    _need(AXE.exists(), "axe-core (npm)")
    page, _, _ = _open(browser, briefs[name], 1280)
    assert page.evaluate("document.documentElement.lang") == ("en" if name == "english" else "th")
    levels = page.evaluate("Array.from(document.querySelectorAll('h1,h2,h3,h4')).map(h => +h.tagName[1])")
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:]))  # headings in order
    for image in page.query_selector_all("img"):
        alt = image.get_attribute("alt") or ""
        assert len(alt) > 20 and re.search(r"\d", alt)  # says what the chart shows, with its figures
    assert page.evaluate("Array.from(document.querySelectorAll('table')).every(t => t.querySelector('th'))")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "axe.run(document, {runOnly: {type: 'tag', "
        "values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
    )
    assert [(v["id"], v["nodes"][0]["target"]) for v in result["violations"]] == []
    assert any(p["id"] == "color-contrast" for p in result["passes"])  # contrast at least 4.5:1 was checked
    page.close()


# --- paper -------------------------------------------------------------------------------------


def test_pdf_text_stays_inside_the_margins_on_every_page(briefs, tmp_path):
    _need(shutil.which("pdftotext") is not None and shutil.which("pdftoppm") is not None, "poppler-utils")
    bbox = tmp_path / "bbox.html"
    subprocess.run(["pdftotext", "-bbox", str(briefs["pdf"]), str(bbox)], check=True)
    pages = bbox.read_text(encoding="utf-8").split("<page ")[1:]
    assert len(pages) >= 3
    margin = 15 / 25.4 * 72  # the CSS @page margin: 15 mm
    for number, page in enumerate(pages, start=1):
        width = float(re.search(r'width="([\d.]+)"', page).group(1))
        height = float(re.search(r'height="([\d.]+)"', page).group(1))
        words = [
            (float(a), float(b), float(c), w)
            for a, b, c, w in re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>([^<]*)<', page)
        ]
        assert max(x for _, _, x, _ in words) <= width - margin + 0.5, number
        assert min(x for x, _, _, _ in words) >= margin - 0.5, number
        top = " ".join(w for _, y, _, w in words if y < margin)
        bottom = " ".join(w for _, y, _, w in words if y > height - margin)
        assert "4/2562" in top, (number, top)  # the running header names the meeting
        assert f"{number} / {len(pages)}" in bottom, (number, bottom)  # and the page


def test_pdf_pages_have_nothing_past_the_right_margin(briefs, tmp_path):
    """Rasterised: the strip between the right margin and the paper's edge is blank on every page."""
    _need(shutil.which("pdftoppm") is not None, "poppler-utils")
    from PIL import Image

    subprocess.run(["pdftoppm", "-r", "50", "-gray", "-png", str(briefs["pdf"]), str(tmp_path / "p")], check=True)
    pictures = sorted(tmp_path.glob("p-*.png"))
    assert pictures
    for picture in pictures:
        image = Image.open(picture).convert("L")
        width, height = image.size
        edge = int(width * (1 - 14 / 210))  # 14 mm from the right of 210 mm
        strip = image.crop((edge, 0, width, height))
        assert strip.getextrema()[0] >= 245, picture.name  # nothing darker than near-white
