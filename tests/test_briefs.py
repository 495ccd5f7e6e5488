"""Briefs end to end: a real kernel (papermill), nbconvert with our template, a real PDF (WeasyPrint).

Builds are slow (seconds each), so each fixture builds once per module and the
tests read what it made.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import docgen
import pytest
from conftest import SAMPLE, run_cli

ROOT = Path(__file__).resolve().parents[1]


cli = run_cli


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("raw")
    shutil.copy(SAMPLE, folder / SAMPLE.name)
    one = docgen.GenMeeting(
        number=2,
        year_be=2563,
        office="สำนักงานพัฒนาชุมชนจังหวัดน่าน",
        district=None,
        province="น่าน",
        items=[
            docgen.GenItem(1, "กองทุนหมู่บ้าน", [docgen.Sentence("ให้จังหวัดรายงานผลการเบิกจ่าย 120 กองทุน ภายในวันที่ 15 ม.ค. 63")])
        ],
    )
    (folder / "one-item.txt").write_text(docgen.render_dump(one), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def built(data_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("outputs")
    results = {}
    for args in (
        ["2562-04", "--format", "html,pdf"],
        ["4/2562", "--lang", "en", "--format", "html,pdf"],
        ["2/2563", "--format", "html,pdf"],
    ):
        result = cli("build", *args, "--data", str(data_dir), "--out", str(out))
        assert result.returncode == 0, result.stderr
        results[" ".join(args)] = result
    return out


class _Page(HTMLParser):
    """What a reader's browser would load or run, and what it shows."""

    def __init__(self):
        super().__init__()
        self.external, self.images, self.scripts, self.text, self.lang = [], [], [], [], None
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        for name in ("src", "href"):
            value = attrs.get(name)
            if value is not None and not value.startswith(("data:", "#")):
                self.external.append((tag, name, value))
        if tag == "img":
            self.images.append(attrs)
        if tag == "link":
            self.external.append((tag, "link", attrs.get("href")))
        if tag == "script":
            self.scripts.append(attrs)
            self._in_script = True

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if not self._in_script:
            self.text.append(data)


def page(path: Path) -> tuple[_Page, str]:
    html = path.read_text(encoding="utf-8")
    parser = _Page()
    parser.feed(html)
    return parser, " ".join(" ".join(parser.text).split())


def test_thai_brief_holds_the_meeting(built):
    parsed, text = page(built / "2562-04" / "brief.html")
    assert parsed.lang == "th"
    for topic in ("OTOP", "กองทุนพัฒนาบทบาทสตรี", "เศรษฐกิจฐานรากและประชารัฐ", "หมู่บ้านเศรษฐกิจพอเพียง", "OTOP นวัตวิถี",
                  "กองทุนแม่ของแผ่นดิน", "การบริหารงาน บริหารคน", "จปฐ.", "e-learning"):  # fmt: skip
        assert topic in text
    for figure in ("15,804,000 บาท", "97.59%", "12,827,456 ครัวเรือน", "51 วิชา"):
        assert figure in text
    assert "878 หมู่บ้าน × 18,000 บาท = 15,804,000 บาท" in text
    assert "22–23 เม.ย. 2562" in text  # Buddhist-era dates
    assert "อ่าน '97.5 9%' เป็น 97.59%" in text  # the notes, in Thai
    assert "cd915896670c298fdbe188e593f26a8c78f1599eb5567a094898afb77fa0501c" in text  # provenance
    for package in ("cddbrief", "papermill", "nbconvert", "pandas", "matplotlib"):
        assert re.search(rf"{package} \d", text), package


def test_sections_come_in_order(built):
    html = (built / "2562-04" / "brief.html").read_text(encoding="utf-8")
    order = [
        html.index(f'id="{name}"')
        for name in (
            "meeting",
            "summary",
            "agenda",
            "timeline",
            "deadlines",
            "figures",
            "checks",
            "notes",
            "directives",
            "provenance",
        )
    ]
    assert order == sorted(order)


def test_brief_is_self_contained(built):
    html_path = built / "2562-04" / "brief.html"
    parsed, _ = page(html_path)
    html = html_path.read_text(encoding="utf-8")
    assert parsed.external == []
    assert all("src" not in s for s in parsed.scripts)
    assert not re.search(r"url\((?!data:)", html)
    assert "@import" not in html
    assert "@font-face{font-family:'Sarabun'" in html
    assert html_path.stat().st_size < 1.5e6


def test_brief_shows_no_code_and_no_parameters_cell(built):
    html = (built / "2562-04" / "brief.html").read_text(encoding="utf-8")
    assert "brief.show(" not in html and "Brief.load" not in html
    assert "injected-parameters" not in html and 'meeting = "2562-04"' not in html and "lang = " not in html
    assert 'class="prompt' not in html and "In&nbsp;[" not in html


def test_charts_are_embedded_with_alternative_text(built):
    parsed, _ = page(built / "2562-04" / "brief.html")
    charts = [img for img in parsed.images if img["src"].startswith("data:image/png;base64,")]
    assert len(charts) == 4  # directives per topic, timeline, places, parts
    alts = [img["alt"] for img in charts]
    assert any("ลำพูน 97.59%" in alt for alt in alts)
    assert any("สมรรถนะด้านงานพัฒนาชุมชน 21" in alt for alt in alts)


def test_failing_and_passing_checks_say_so_in_words(built):
    html = (built / "2562-04" / "brief.html").read_text(encoding="utf-8")
    assert html.count('<tr class="holds">') == 3 and "ไม่ตรงกัน</strong>" not in html


def test_pdf_is_a4_with_sarabun_and_running_header(built):
    from pypdf import PdfReader

    reader = PdfReader(built / "2562-04" / "brief.pdf")
    fonts = set()
    for pdf_page in reader.pages:
        box = pdf_page.mediabox
        assert (round(float(box.width)), round(float(box.height))) == (595, 842)
        fonts |= {str(f.get_object()["/BaseFont"]).split("+")[-1] for f in pdf_page["/Resources"]["/Font"].values()}
    assert fonts == {"Sarabun", "Sarabun-Bold"}
    assert len(reader.pages) >= 3
    last = reader.pages[-1].extract_text()
    assert f"{len(reader.pages)} / {len(reader.pages)}" in last  # page numbers
    assert all("4/2562" in p.extract_text() for p in reader.pages)  # the meeting on every page
    assert "15,804,000" in "".join(p.extract_text() for p in reader.pages)


def test_english_brief(built):
    parsed, text = page(built / "2562-04" / "brief.en.html")
    assert parsed.lang == "en"
    for words in (
        "Agenda",
        "Women's Development Fund",
        "Mother of the Land Fund",
        "22–23 Apr 2019",
        "15,804,000 baht",
        "878 villages",
        "households",
    ):
        assert words in text
    assert "2562" in text  # the BE year is still named beside the CE one
    assert "'97.5 9%' was read as 97.59%" in text  # the notes, in English
    assert (built / "2562-04" / "brief.en.pdf").exists()


def test_one_item_meeting(built):
    parsed, text = page(built / "2563-02" / "brief.html")
    assert "กองทุนหมู่บ้าน" in text and "120 กองทุน" in text and "15 ม.ค. 2563" in text
    assert "สำนักงานพัฒนาชุมชนจังหวัดน่าน" in text
    # no figure of one kind for two places, no parts: an empty-state line instead of a chart
    assert "ไม่มีตัวเลขชนิดเดียวกันของสองพื้นที่ขึ้นไป" in text and "ไม่มีตัวเลขที่แจกแจงเป็นส่วนย่อย" in text
    assert len([i for i in parsed.images if i["src"].startswith("data:image/png")]) == 2  # topics, timeline


def test_up_to_date_build_does_nothing_and_imports_nothing_heavy(built, data_dir):
    target = built / "2562-04" / "brief.html"
    before = target.stat().st_mtime_ns
    code = (
        "import sys\n"
        "from cddbrief.cli import main\n"
        f"status = main(['build', '2562-04', '--data', {str(data_dir)!r}, '--out', {str(built)!r}])\n"
        "heavy = [m for m in ('pandas', 'matplotlib', 'papermill', 'nbconvert', 'weasyprint') if m in sys.modules]\n"
        "print(status, heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.stdout.strip() == "0 []", result.stderr
    assert "up to date" in result.stderr
    assert target.stat().st_mtime_ns == before


def test_same_inputs_give_the_same_html(built, data_dir, tmp_path):
    result = cli("build", "2562-04", "--data", str(data_dir), "--out", str(tmp_path), "--force")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "2562-04" / "brief.html").read_bytes() == (built / "2562-04" / "brief.html").read_bytes()
    a = json.loads((tmp_path / "2562-04" / "brief.ipynb").read_text(encoding="utf-8"))
    b = json.loads((built / "2562-04" / "brief.ipynb").read_text(encoding="utf-8"))
    assert a == b


def test_unknown_meeting_names_the_meetings_there(data_dir, tmp_path):
    result = cli("build", "7/2562", "--data", str(data_dir), "--out", str(tmp_path))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "2562-04" in result.stderr and "2563-02" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_failing_cell_keeps_the_good_brief(built, data_dir, tmp_path):
    """A cell that raises: exit 1, one line naming the cell, the executed notebook kept, the old brief untouched."""
    import nbformat

    out = tmp_path / "out"
    shutil.copytree(built / "2562-04", out / "2562-04")
    good = (out / "2562-04" / "brief.html").read_bytes()
    nb = nbformat.read(ROOT / "notebooks" / "briefing.ipynb", as_version=4)
    nb.cells.insert(4, nbformat.v4.new_code_cell("raise ValueError('ข้อมูลเสีย')"))
    bad = tmp_path / "bad.ipynb"
    nbformat.write(nb, bad)
    env = {**os.environ, "CDDBRIEF_NOTEBOOK": str(bad)}
    result = cli("build", "2562-04", "--data", str(data_dir), "--out", str(out), "--force", env=env)
    assert result.returncode == 1
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith("cddbrief:")]
    assert len(lines) == 1 and "failed in cell" in lines[0] and "ValueError: ข้อมูลเสีย" in lines[0]
    assert "Traceback" not in result.stderr
    assert (out / "2562-04" / "brief.html").read_bytes() == good
    assert (out / "2562-04" / "brief.failed.ipynb").exists()
    assert not [p for p in (out / "2562-04").iterdir() if p.name.startswith(".build-")]


def test_plain_papermill_runs_the_notebook(tmp_path):
    """The notebook is an ordinary parameterised notebook: papermill alone runs it."""
    papermill = Path(sys.executable).parent / "papermill"
    result = subprocess.run(
        [str(papermill), "notebooks/briefing.ipynb", str(tmp_path / "out.ipynb"),
         "-p", "meeting", "4/2562", "-p", "lang", "en", "--no-progress-bar"],
        capture_output=True, text=True, timeout=600, cwd=ROOT,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    executed = json.loads((tmp_path / "out.ipynb").read_text(encoding="utf-8"))
    outputs = json.dumps(executed["cells"], ensure_ascii=False)
    assert "Mother of the Land Fund" in outputs and "22–23 Apr 2019" in outputs
