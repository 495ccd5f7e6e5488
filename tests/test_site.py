"""The site a batch writes (cddbrief.site): index with search, briefs, trends, linked both ways.

A folder of seven meetings of five offices in three forms (.txt, .docx, .html) is built once with
``build --all`` and ``build --trends``; its pages are read as HTML (links) and in Debian's
Chromium at a phone's width (no table wider than the screen, the search finds a Thai word in
the meetings that hold it). The search index and the bar are also checked as plain data.
"""

from __future__ import annotations

import random
import shutil
from html.parser import HTMLParser
from pathlib import Path

import docgen_forms
import pytest
import trends_corpus
from conftest import SAMPLE, run_cli

from cddbrief import site

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


class Links(HTMLParser):
    """The links of a page: every href, and those of its bar (rel prev/next)."""

    def __init__(self, html: str):
        super().__init__()
        self.hrefs, self.rel = [], {}
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and "href" in attrs:
            self.hrefs.append(attrs["href"])
            if attrs.get("rel"):
                self.rel[attrs["rel"]] = attrs["href"]


def _write_folder(data: Path) -> Path:
    trends_corpus.write(data)  # ป่าซาง 3, 4, 5/2563 and แม่ทะ 4/2563, as .txt
    shutil.copy(SAMPLE, data / SAMPLE.name)  # เสริมงาม 4/2562
    for seed, layout, kind in ((3, "minutes", "docx"), (5, "prose", "html")):
        body, _ = docgen_forms.render(docgen_forms.generate(seed, layout), kind, random.Random(seed))
        (data / f"gen-{seed}.{kind}").write_bytes(body)
    return data


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    data = _write_folder(tmp_path_factory.mktemp("raw"))
    out = tmp_path_factory.mktemp("site")
    batch = run_cli("build", "--all", "--data", str(data), "--out", str(out), "--jobs", "2")
    assert batch.returncode == 0, batch.stderr
    trends = run_cli("build", "--trends", "--data", str(data), "--out", str(out))
    assert trends.returncode == 0, trends.stderr
    briefs = sorted(out.glob("*/brief.html"))
    assert len(briefs) == 7
    return {"data": data, "out": out, "briefs": briefs}


def _folder_of(out: Path, number: str, office: str) -> str:
    """The folder of the brief whose page says meeting ``number`` of ``office``."""
    for page in out.glob("*/brief.html"):
        html = page.read_text(encoding="utf-8")
        if f"ครั้งที่ {number}" in html and office in html:
            return page.parent.name
    raise AssertionError(f"no brief of {number} {office}")


def test_every_page_links_the_others_both_ways(built):
    out = built["out"]
    index = Links((out / "index.html").read_text(encoding="utf-8"))
    trends = Links((out / "trends.html").read_text(encoding="utf-8"))
    assert "trends.html" in index.hrefs and "index.html" in trends.hrefs
    for brief in built["briefs"]:
        assert f"{brief.parent.name}/brief.html" in index.hrefs  # index → brief
        links = Links(brief.read_text(encoding="utf-8"))
        assert "../index.html" in links.hrefs and "../trends.html" in links.hrefs  # brief → index, trends
        for href in links.hrefs:
            if not href.startswith("#"):
                assert (brief.parent / href).resolve().is_file(), (brief, href)
    third, fourth, fifth = (_folder_of(out, f"{n}/2563", "ป่าซาง") for n in (3, 4, 5))
    middle = Links((out / fourth / "brief.html").read_text(encoding="utf-8"))
    assert middle.rel == {"prev": f"../{third}/brief.html", "next": f"../{fifth}/brief.html"}
    assert Links((out / third / "brief.html").read_text(encoding="utf-8")).rel == {"next": f"../{fourth}/brief.html"}
    assert Links((out / fifth / "brief.html").read_text(encoding="utf-8")).rel == {"prev": f"../{fourth}/brief.html"}
    other = Links((out / _folder_of(out, "4/2563", "แม่ทะ") / "brief.html").read_text(encoding="utf-8"))
    assert other.rel == {}  # แม่ทะ wrote up one meeting: no neighbour from another office


def test_a_brief_built_alone_has_an_empty_bar_and_the_next_batch_fills_it(built, tmp_path):
    alone = run_cli("build", str(built["data"] / "pasang-4.txt"), "--out", str(tmp_path))
    assert alone.returncode == 0, alone.stderr
    (page,) = tmp_path.glob("*/brief.html")
    html = page.read_text(encoding="utf-8")
    assert site.BAR_START + site.BAR_END in html and 'class="site"' not in html


def _data_with(data: Path, word: str) -> set[str]:
    """The meetings (``3/2563``) whose source text holds ``word``, read with the library, not the index."""
    from cddbrief.meeting import read_meeting
    from cddbrief.tidy import frame_records

    found = set()
    for path in sorted(data.iterdir()):
        meeting = read_meeting(path)
        records = frame_records(meeting)
        text = " ".join([i["topic"] or "" for i in records["items"]] + [d["text"] for d in records["directives"]])
        if word in text:
            found.add(f"{meeting.number}/{meeting.year_be}")
    return found


def _chromium():
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is missing: run make setup as root to install it")
    from playwright.sync_api import sync_playwright

    return sync_playwright()


def test_no_table_is_wider_than_a_phone(built):
    out = built["out"]
    pages = [out / "index.html", out / "trends.html", *built["briefs"]]
    with _chromium() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        for scheme in ("light", "dark"):
            view = browser.new_page(viewport={"width": 375, "height": 800}, color_scheme=scheme)
            for path in pages:
                view.goto(path.as_uri())
                view.evaluate("document.fonts.ready.then(() => true)")
                wide = view.evaluate("""() => Array.from(document.querySelectorAll('table'))
                    .filter(t => t.scrollWidth > t.clientWidth + 1 || t.getBoundingClientRect().right > innerWidth + 1)
                    .map(t => (t.id || t.className || 'table') + ' ' + t.scrollWidth + '/' + t.clientWidth)""")
                assert wide == [], (path, scheme, wide)
                assert view.evaluate("document.documentElement.scrollWidth") <= 375, path
                cells = "Array.from(document.querySelectorAll('.scroll tbody td'))"
                assert view.evaluate(f"{cells}.every(td => td.hasAttribute('data-label'))"), path  # labelled cells
            view.goto((out / "index.html").as_uri())
            first_cell = view.evaluate("document.querySelector('#briefs tbody tr td a').getAttribute('href')")
            assert first_cell.endswith("/brief.html")  # on a phone each meeting's card starts with its brief's link
            view.close()
        browser.close()


def test_search_finds_a_thai_word_in_the_meetings_that_hold_it(built):
    out, data = built["out"], built["data"]
    word = "กองทุนหมู่บ้าน"
    expected = _data_with(data, word)
    assert {"3/2563", "4/2563", "5/2563"} <= expected
    with _chromium() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 375, "height": 800})
        requests = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto((out / "index.html").as_uri())
        assert page.is_visible("#search-query")

        def hits() -> list[tuple[str, str]]:
            return page.evaluate("""Array.from(document.querySelectorAll('#search-hits li'))
                .map(li => [li.querySelector('a').textContent, li.innerText])""")

        page.fill("#search-query", word)
        found = hits()
        assert {label for label, _ in found} == expected
        assert all(word in text for _, text in found)
        assert any("ป่าซาง" in text for _, text in found) and any("แม่ทะ" in text for _, text in found)  # office shown
        page.select_option("#search-office", "สำนักงานพัฒนาชุมชนอำเภอแม่ทะ")
        assert {label for label, _ in hits()} == {"4/2563"}
        page.select_option("#search-office", "")
        page.select_option("#search-year", "2562")
        assert {label for label, _ in hits()} == expected & {"4/2562"}
        page.select_option("#search-year", "")
        page.fill("#search-query", "กองทุน")  # a word inside a compound is found
        assert {label for label, _ in hits()} >= expected
        page.fill("#search-query", "นา")  # a word is never found inside another (พัฒนา)
        assert all("นา" in text.split("\n", 1)[1].replace("พัฒนา", "") for _, text in hits())
        page.fill("#search-query", "ไม่มีคำนี้เลยแน่นอน")
        assert hits() == []
        assert requests == [(out / "index.html").as_uri()]  # nothing fetched
        browser.close()


# --- as plain data -------------------------------------------------------------------------------


def _rows() -> list[dict]:
    return [{"failed": False, "folder": folder, "id": mid, "number": int(mid[5:7]), "year_be": int(mid[:4]),
             "office": office}
            for folder, mid, office in [("2563-05", "2563-05", "ป่าซาง"), ("2563-03", "2563-03", "ป่าซาง"),
                                        ("2563-04-a", "2563-04", "ป่าซาง"), ("2563-04-b", "2563-04", "แม่ทะ")]] + [
        {"failed": True, "file": "x.txt", "why": "unreadable"}]  # fmt: skip


def test_neighbours_follow_one_office_in_meeting_order():
    near = site.neighbours(_rows())
    assert near["2563-04-a"][0].href == "2563-03" and near["2563-04-a"][1].href == "2563-05"
    assert near["2563-03"][0] is None and near["2563-05"][1] is None
    assert near["2563-04-b"] == (None, None)
    assert near["2563-04-a"][0].label == "3/2563"


def test_link_pages_fills_only_the_bars_of_pages_that_have_one(tmp_path):
    empty = f"<body>{site.BAR_START}{site.BAR_END}<main>x</main></body>"
    for folder in ("2563-03", "2563-04-a", "2563-05"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "brief.html").write_text(empty, encoding="utf-8")
    (tmp_path / "2563-04-b").mkdir()
    (tmp_path / "2563-04-b" / "brief.html").write_text("<body>no bar here</body>", encoding="utf-8")  # an older brief
    (tmp_path / "index.html").write_text("<html></html>", encoding="utf-8")
    changed = site.link_pages(tmp_path, _rows())
    assert sorted(p.parent.name for p in changed) == ["2563-03", "2563-04-a", "2563-05"]
    middle = Links((tmp_path / "2563-04-a" / "brief.html").read_text(encoding="utf-8"))
    assert middle.rel == {"prev": "../2563-03/brief.html", "next": "../2563-05/brief.html"}
    assert "../index.html" in middle.hrefs and "../trends.html" not in middle.hrefs  # no link to a page not there
    assert (tmp_path / "2563-04-b" / "brief.html").read_text(encoding="utf-8") == "<body>no bar here</body>"
    assert site.link_pages(tmp_path, _rows()) == []  # linked again: nothing changes


def test_search_data_finds_words_in_the_right_meetings():
    documents = [
        {"href": "a/brief.html", "label": "3/2563", "office": "ป่าซาง", "year": 2563, "layout": "table",
         "sentences": site.meeting_sentences({
             "items": [{"topic": "กองทุนหมู่บ้าน", "resolution": None}],
             "directives": [{"text": "ให้ตรวจสอบกองทุนหมู่บ้าน ภายใน 15 มี.ค. 63"}],
             "quantities": [{"sentence": "งบประมาณ 15,804,000 บาท"}]}, "นายสมชาย ใจดี")},
        {"href": "b/brief.html", "label": "4/2563", "office": "แม่ทะ", "year": 2563, "layout": "minutes",
         "sentences": site.meeting_sentences({
             "items": [{"topic": "งานพัฒนาชุมชน", "resolution": "ที่ประชุมรับทราบ"}],
             "directives": [{"text": "ให้นางสาวสุดา รักดี ประสานงาน"}], "quantities": []})},
    ]  # fmt: skip
    data = site.search_data(documents)

    postings = dict(zip(data["words"], data["postings"]))

    def meetings_of(word: str) -> set[str]:
        numbers, at = [], 0
        for gap in postings.get(word, []):
            at += gap
            numbers.append(at)
        return {data["meetings"][data["sentences"][n][0]][1] for n in numbers}

    assert meetings_of("กองทุนหมู่บ้าน") == {"3/2563"} and meetings_of("กองทุน") == {"3/2563"}
    assert meetings_of("รับทราบ") == {"4/2563"} and meetings_of("พัฒนา") == {"4/2563"}
    assert meetings_of("นา") == set()  # พัฒนา is one word, not พัฒ + นา
    assert meetings_of("15,804,000") == {"3/2563"}  # a figure as written
    assert meetings_of("สมชาย") == {"3/2563"}  # people: the chair,
    assert meetings_of("สุดา") == {"4/2563"}  # and a name in a directive
    kinds = {data["kinds"][s[1]] for s in data["sentences"]}
    assert kinds == {"topic", "directive", "resolution", "figure", "person"}
    assert all("(" not in w and " " not in w for w in data["words"]) and data["words"] == sorted(data["words"])
    assert data["starts"] == [0, len(documents[0]["sentences"])]
    text = str(site.script_json({"x": "</script><!--"}))
    assert "</" not in text and "<!--" not in text


def test_words_of_cuts_thai_at_word_boundaries():
    assert "รับทราบ" in site.words_of("ที่ประชุมรับทราบ")
    assert "นา" not in site.words_of("งานพัฒนาชุมชน")
    assert site.words_of("") == [] and site.words_of(" ,.() ") == []


def test_counts_of_dates_agree_or_say_why_and_english_is_plain():
    """The summary's 20 dated mentions, the deadlines table's 15 rows and the timeline's 18 bars
    add up, and the page says how in one line; English says 1 directive and titles plainly."""
    from cddbrief.brief import Brief

    english = Brief.load(source=str(SAMPLE), lang="en")
    n = english.dated_counts()
    assert n["mentions"] == n["in_force"] + n["moved"] + n["past"] + n["no_day"]
    assert n["in_force"] == len(english.deadlines()) and n["drawn"] == n["in_force"] + n["moved"]
    line = english.dated_counts_text()
    assert (
        f"names {n['mentions']} dates" in line and f"{n['in_force']} in force" in line and f"draws {n['drawn']}" in line
    )
    assert (
        english.words.count(1, "directives_n") == "1 directive"
        and english.words.count(2, "directives_n") == "2 directives"
    )
    assert english.title().startswith("Meeting 4/2562 (2019) · ") and "brief" not in english.title().lower()
    thai = Brief.load(source=str(SAMPLE))
    assert thai.words.count(1, "directives_n") == "1 ข้อสั่งการ" and thai.title().startswith("สรุปการประชุม ครั้งที่ 4/2562")
    assert "(1 directives)" not in english.section("directives") and "(1 directive)" in english.section("directives")
