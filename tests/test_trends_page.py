"""Issue 20.4: the trends page as a reader meets it (its HTML parsed with lxml): a contents bar that
leads to every section, tables that sort and filter like a brief's, chart titles that say which
figure they draw, the charts' alternative text kept for screen readers (not shown as a paragraph),
each meeting linked to its brief when that brief is beside the page, and no grid of ~5 px labels
on a phone (the table after it says the same).

The folder: our trends corpus (ป่าซาง 3, 4, 5/2563, แม่ทะ 4/2563) and the sample (เสริมงาม 4/2562)."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
import trends_corpus
from conftest import SAMPLE, run_cli
from lxml import html

PASANG, MAETHA = trends_corpus.PASANG[0], trends_corpus.MAETHA[0]  # the offices, as write-ups name them


def _page(out: Path) -> html.HtmlElement:
    return html.fromstring((out / "trends.html").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A folder of write-ups, and a page built beside the briefs of two of them (a stand-in brief
    file is enough: the page links what is on disk, it does not read it)."""
    from cddbrief.register import writeups_in

    data = trends_corpus.write(tmp_path_factory.mktemp("raw"))
    shutil.copy(SAMPLE, data / SAMPLE.name)
    out = tmp_path_factory.mktemp("site")
    folders = {(m.id, office): folder for folder, office, m in writeups_in(data)[0]}
    briefs = {key: folders[key] for key in (("2563-03", PASANG), ("2563-04", MAETHA))}
    for folder in briefs.values():
        (out / folder).mkdir()
        (out / folder / "brief.html").write_text("<!DOCTYPE html><title>brief</title>", encoding="utf-8")
    result = run_cli("build", "--trends", "--data", str(data), "--out", str(out))
    assert result.returncode == 0, result.stderr
    return SimpleNamespace(data=data, out=out, folders=folders, briefs=briefs, page=_page(out))


def test_the_contents_bar_leads_to_every_section(site):
    page = site.page
    targets = [a.get("href") for a in page.xpath("//nav[@class='toc']//a")]
    sections = ["#" + s.get("id") for s in page.xpath("//main//section[@id]")]
    assert targets == ["#meetings", *sections]  # every section, in the page's order, and nothing else
    assert set(sections) == {"#figures", "#topics", "#changes", "#deadlines", "#provenance"}
    for target in targets:
        assert len(page.xpath("//*[@id=$id]", id=target[1:])) == 1, target


def test_every_table_sorts_and_filters_and_becomes_cards_on_a_phone(site):
    tables = site.page.xpath("//main//table")
    assert len(tables) >= 4
    for table in tables:
        assert table.get("data-sortable") is not None, table.get("id")
        assert table.getparent().get("class") == "scroll"  # the phone cards of brief.css apply to tables in .scroll
        box = site.page.xpath("//input[@data-filter=$id]", id=table.get("id"))
        assert len(box) == 1, table.get("id")
    assert not site.page.xpath("//main//table//*[@rowspan]")  # a spanned cell would scramble a sorted table
    # a topic's card on a phone lists only the meetings its office wrote up (brief.css hides the others)
    row = site.page.xpath("//table[@id='topics-table']/tbody/tr[contains(th, $office)]", office=MAETHA)[0]
    absent = row.xpath("td[contains(@class, 'absent')]")
    assert [td.text_content() for td in absent] == ["–"] * 3  # 4/2562, 3 and 5/2563
    assert ".scroll td.absent { display: none; }" in site.page.xpath("//style/text()")[0]


def test_chart_titles_are_unique_and_alt_text_is_not_a_visible_paragraph(site):
    figures = site.page.xpath("//main//figure[contains(@class, 'chart')]")
    assert len(figures) == 2  # the figures followed and the topics grid
    names = [f.get("aria-label") for f in figures]
    assert all(names) and len(set(names)) == len(names)
    visible = " ".join(t for t in site.page.xpath("//main//text()[not(ancestor::script) and not(ancestor::style)]"))
    for figure in figures:
        alt = figure.xpath(".//img/@alt")[0]
        assert len(alt) > 40  # what the chart says, for a screen reader
        assert not figure.xpath(".//figcaption")
        assert alt not in visible
    assert "wide-only" in figures[1].get("class")  # the grid: a phone reads the table instead
    css = site.page.xpath("//style/text()")[0]
    assert "figure.chart.wide-only { display: none; }" in css


def test_each_meeting_links_to_its_brief_when_the_brief_is_there(site):
    links = {a.get("href") for a in site.page.xpath("//main//a[contains(@href, 'brief')]")}
    assert links == {f"./{folder}/brief.html" for folder in site.briefs.values()}
    for href in links:
        assert (site.out / href).is_file()  # relative to the page, inside the folder
    rows = site.page.xpath("//table[@id='meetings-table']/tbody/tr")
    linked = {(r[0].text_content(), r[1].text_content()): r[0].xpath(".//a/@href") for r in rows}
    for meeting, office in site.briefs:
        label = meeting.split("-")[1].lstrip("0") + "/" + meeting.split("-")[0]  # 2563-03: 3/2563
        assert linked[(label, office)] == [f"./{site.briefs[(meeting, office)]}/brief.html"]
    assert linked[("4/2563", PASANG)] == []  # that office's brief is not there: no dead link
    assert site.briefs[("2563-04", MAETHA)] != "2563-04"  # two offices wrote 4/2563 up: named apart


def test_a_brief_added_later_is_linked_when_the_page_is_built_again(site, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(site.out, out)
    again = run_cli("build", "--trends", "--data", str(site.data), "--out", str(out))
    assert again.returncode == 0 and "trends: wrote" not in again.stderr  # nothing changed: up to date
    folder = site.folders[("2563-05", PASANG)]
    (out / folder).mkdir()
    (out / folder / "brief.html").write_text("<!DOCTYPE html><title>brief</title>", encoding="utf-8")
    rebuilt = run_cli("build", "--trends", "--data", str(site.data), "--out", str(out))
    assert rebuilt.returncode == 0 and "trends: wrote" in rebuilt.stderr, rebuilt.stderr
    assert f"./{folder}/brief.html" in {a.get("href") for a in _page(out).xpath("//main//a")}


def test_no_links_without_the_page_folder(site):
    from cddbrief.register import writeups_in
    from cddbrief.trends import Trends, brief_links

    assert brief_links(writeups_in(site.data)[0], "") == {}
    view = Trends.load(str(site.data))
    assert "brief.html" not in view.section("header") and view.section("header").count("<a ") == len(view.toc())


def test_a_target_and_the_amount_collected_get_different_titles():
    """Two figures of one topic and unit, the whole and the part collected, are two series: their
    titles say which is which (issue 20: two charts were both called ``ครัวเรือนยากจน (ครัวเรือน)``)."""
    import pandas as pd

    from cddbrief.trends import Trends

    meetings = ["2563-03", "2563-04", "2563-03", "2563-04"]
    q = pd.DataFrame(
        {
            "meeting": meetings,
            "office": ["A"] * 4,
            "item": [1] * 4,
            "directive": [1] * 4,
            "topic": ["ครัวเรือนยากจน"] * 4,
            "unit": ["ครัวเรือน"] * 4,
            "entity": [None] * 4,
            "per": [None] * 4,
            "role": ["total", "total", "part", "part"],
            "value": [500, 520, 450, 510],
            "surface": ["เป้าหมาย 500 ครัวเรือน", "เป้าหมาย 520 ครัวเรือน", "จัดเก็บได้ 450", "จัดเก็บได้ 510"],
        }
    )
    view = Trends(SimpleNamespace(quantities=q, items=pd.DataFrame({"office": ["A"]})))
    titles = [s["title"] for s in view.series()]
    assert len(titles) == 2 and len(set(titles)) == 2
    assert any("ยอดรวม" in t for t in titles) and any("ส่วนของยอดรวม" in t for t in titles)
    _, alt = view.series_chart()
    assert all(t in alt for t in titles)  # the picture's titles, as a screen reader hears them
