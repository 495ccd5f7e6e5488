"""Issue 10, points 6 and 7: trends that count a meeting once, match a topic under all its names,
call a deadline moved only with evidence, keep a month a month and chart honestly; English that
keeps the meeting number as written, counts in the singular and plural, names places and actors in
English and cuts no chart label.

The corpus is our own (tests/trends_corpus.py): one office's meetings 3, 4 and 5/2563 and a second
office's write-up of 4/2563."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import docgen
import pytest
import trends_corpus
from conftest import SAMPLE


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> str:
    return str(trends_corpus.write(tmp_path_factory.mktemp("trends")))


@pytest.fixture(scope="module")
def corpus(folder):
    import cddbrief

    return cddbrief.load_corpus(folder)


@pytest.fixture(scope="module")
def writeups(folder):
    """The write-ups as the action register reads them (what the moved deadlines come from)."""
    from cddbrief.register import writeups_in

    return writeups_in(folder)[0]


@pytest.fixture
def figures(monkeypatch):
    """Every matplotlib figure a chart function draws, kept open to measure."""
    from cddbrief import charts

    kept = []

    def keep(fig):
        kept.append(fig)
        return "data:image/png;base64,"

    monkeypatch.setattr(charts, "_png", keep)
    import matplotlib
    import matplotlib.pyplot as plt

    monkeypatch.setitem(matplotlib.rcParams, "figure.max_open_warning", 0)  # kept open on purpose, closed below
    yield kept
    for fig in kept:
        plt.close(fig)


# --- 6a, issue 19.3: two offices' write-ups of one meeting are two series, never compared -------------

PASANG, MAETHA = "สำนักงานพัฒนาชุมชนอำเภอป่าซาง", "สำนักงานพัฒนาชุมชนอำเภอแม่ทะ"


def test_trends_compare_like_with_like_never_two_offices(corpus, folder, writeups):
    """Each office's write-ups are one series: a figure, a topic count or a moved deadline is set
    beside the same office's at other meetings, never another office's (issue 19, point 3)."""
    from cddbrief.trends import Trends, directives_per_topic, figure_series, moved_deadlines, topic_changes

    table = directives_per_topic(corpus)
    assert table.columns.tolist() == ["2563-03", "2563-04", "2563-05"]
    assert table.loc[(PASANG, "กองทุนหมู่บ้าน")].tolist() == [1, 1, 1]  # not 2 at 4/2563: each office's own count
    assert table.loc[(PASANG, "กองทุนแม่ของแผ่นดิน")].tolist() == [2, 2, 2]
    maetha = table.loc[(MAETHA, "กองทุนหมู่บ้าน")]
    assert (
        maetha.isna().tolist() == [True, False, True] and maetha["2563-04"] == 1
    )  # no write-up of 3 or 5: empty, not 0
    series = figure_series(corpus)
    assert set(series["office"]) == {
        PASANG
    }  # แม่ทะ wrote up one meeting: no series of its own, and never a point in ป่าซาง's
    bmn = series[(series["topic"] == "จปฐ.") & (series["unit"] == "%")]
    assert bmn["value"].tolist() == [81.25, 90.5, 97.1] and set(bmn["writeups"]) == {3}
    for move in moved_deadlines(writeups):
        assert len(move["offices"]) == 1 or move["from_meeting"] == move["to_meeting"], move
    assert all(c["office"] == PASANG for c in topic_changes(corpus))
    trends = Trends(corpus, "th", folder)
    meetings = trends.meetings()
    assert [m["label"] for m in meetings] == ["3/2563", "4/2563", "5/2563"]
    assert [len(m["writeups"]) for m in meetings] == [1, 2, 1]
    assert trends.shared_meetings() == ["4/2563"]
    header = trends.section("header")
    assert "ไม่นำค่าของหน่วยงานต่างกันมารวมหรือเปรียบเทียบกัน" in header
    assert trends.provenance()["meetings"] == 3 and trends.provenance()["writeups"] == 4
    assert "จากสรุป 3 ฉบับของ" + " " + PASANG in trends.section(
        "figures"
    )  # a series says how many write-ups it draws from
    rows = {(r["office"], r["topic"]): r for r in trends.topic_rows()}
    assert [c["missing"] for c in rows[(MAETHA, "กองทุนหมู่บ้าน")]["cells"]] == [True, False, True]


def test_a_move_between_two_offices_meetings_is_never_inferred(tmp_path):
    """Issue 19: a "moved deadline" was inferred between two different offices' meetings 19 months
    apart. One office's 3/2563 and another's 4/2563, the same action with a new date: no move."""
    from cddbrief.register import writeups_in
    from cddbrief.trends import moved_deadlines

    folder = tmp_path / "two"
    folder.mkdir()
    (folder / "pasang-3.txt").write_text(docgen.render_dump(trends_corpus.meeting(3)), encoding="utf-8")
    (folder / "maetha-4.txt").write_text(
        docgen.render_dump(trends_corpus.meeting(4, trends_corpus.MAETHA)), encoding="utf-8"
    )
    assert [m for m in moved_deadlines(writeups_in(folder)[0]) if m["from_meeting"] != m["to_meeting"]] == []
    (folder / "pasang-4.txt").write_text(docgen.render_dump(trends_corpus.meeting(4)), encoding="utf-8")
    moves = [m for m in moved_deadlines(writeups_in(folder)[0]) if m["from_meeting"] != m["to_meeting"]]
    assert {m["offices"][0] for m in moves} == {PASANG} and len(moves) == 2  # the same office's next meeting: a move


# --- 6b: one topic under several names -------------------------------------------------------------


def test_a_topic_under_its_full_name_short_name_or_abbreviation_is_one_topic(corpus, folder):
    from cddbrief.trends import directives_per_topic, topic_changes

    table = directives_per_topic(corpus)
    assert table.loc[(PASANG, "จปฐ.")].tolist() == [1, 1, 1]
    from cddbrief.glossary import canonical_topic, topic_en
    from cddbrief.trends import Trends

    for name in (
        "จปฐ.",
        "ข้อมูล จปฐ.",
        "โครงการพัฒนาข้อมูลความจำเป็นพื้นฐาน",
        "ข้อมูลความจำเป็นพื้นฐาน (จปฐ.)",
        "ข้อมูลความจำเป็นพื้นฐาน",
    ):
        assert canonical_topic(name) == "จปฐ.", name
        assert topic_en(name) == "Basic Minimum Needs (BMN) survey"
    assert canonical_topic("โครงการโคก หนอง นา") == canonical_topic("โคกหนองนา") == "โคก หนอง นา"
    assert canonical_topic("เรื่องที่ไม่รู้จัก  เลย") == "เรื่องที่ไม่รู้จัก เลย"
    table = directives_per_topic(corpus)
    assert table.loc[(PASANG, "จปฐ.")].tolist() == [1, 1, 1]
    assert not {"ข้อมูล จปฐ.", "โครงการพัฒนาข้อมูลความจำเป็นพื้นฐาน"} & set(table.index.get_level_values("topic"))
    pasang = [c for c in topic_changes(corpus) if c["office"].endswith("ป่าซาง")]
    assert [(c["new"], c["dropped"]) for c in pasang] == [(["ผ้าไทยใส่ให้สนุก"], []), ([], ["ผ้าไทยใส่ให้สนุก"])]
    row = next(r for r in Trends(corpus, "th", folder).topic_rows() if r["topic"] == "จปฐ." and r["office"] == MAETHA)
    assert row["written"] == ["ข้อมูล จปฐ.", "ข้อมูลความจำเป็นพื้นฐาน (จปฐ.)", "โครงการพัฒนาข้อมูลความจำเป็นพื้นฐาน"]


# --- 6c, 6d: a moved deadline needs evidence, is listed once, keeps its precision ----------------


def test_moved_deadlines_need_the_same_action_are_listed_once_and_keep_a_month_a_month(corpus, folder, writeups):
    from cddbrief.trends import moved_deadlines

    moves = {
        (m["topic"], m["from_meeting"], m["to_meeting"], m["from"].isoformat(), m["to"].isoformat()): m
        for m in moved_deadlines(writeups)
    }
    assert sorted(moves) == [
        ("กองทุนหมู่บ้าน", "2563-03", "2563-04", "2020-03-15", "2020-03-22"),
        ("กองทุนหมู่บ้าน", "2563-04", "2563-05", "2020-03-22", "2020-03-29"),
        ("ความมั่นคงทางอาหาร", "2563-03", "2563-04", "2020-06-01", "2020-07-01"),
    ]  # ครั้งที่ 1 → ครั้งที่ 2 and a monthly report are later rounds, not moves
    once = moves[("กองทุนหมู่บ้าน", "2563-03", "2563-04", "2020-03-15", "2020-03-22")]
    assert once["offices"] == [PASANG]  # ป่าซาง's own meetings 3 and 4; แม่ทะ wrote up no 3/2563 to move it from
    assert once["action"] == "ให้จังหวัดรายงานผลการตรวจสอบกองทุนหมู่บ้าน"
    from cddbrief.trends import Trends

    rows = {r["topic"]: r for r in Trends(corpus, "th", folder).moves() if r["from_meeting"] == "2563-03"}
    assert (rows["ความมั่นคงทางอาหาร"]["from_text"], rows["ความมั่นคงทางอาหาร"]["to_text"]) == ("มิ.ย. 2563", "ก.ค. 2563")
    assert rows["กองทุนหมู่บ้าน"]["where"] == "3/2563 → 4/2563"
    english = {r["topic"]: r for r in Trends(corpus, "en", folder).moves() if r["from_meeting"] == "2563-03"}
    assert english["ความมั่นคงทางอาหาร"]["from_text"] == "Jun 2020"
    assert english["กองทุนหมู่บ้าน"]["office"] == "Pa Sang District Community Development Office"


def test_two_rounds_or_the_same_day_next_month_are_not_a_move():
    """What tells a moved deadline from the next round of a recurring task is the register's reading
    (``register.relation``): the trends page lists the register's moved links."""
    from datetime import date

    from cddbrief.register import Action, relation

    def action(start, end=None, text="ให้จังหวัดรายงานผล", precision="day", round_=None):
        return Action("k", "w", PASANG, "2563-03", None, 1, 1, "กองทุนหมู่บ้าน", (), "ให้จังหวัดรายงานผล", "deadline",
                      text, start=start, end=end or start, precision=precision, round=round_)  # fmt: skip

    assert relation(action(date(2020, 3, 25), round_=1), action(date(2020, 9, 25), round_=2)) == "next round"
    assert relation(action(date(2020, 3, 25)), action(date(2020, 4, 25))) == "next round"  # next month's report
    moved = action(date(2020, 4, 25), text="ขอเลื่อนให้จังหวัดรายงานผล")
    assert relation(action(date(2020, 3, 25)), moved) == "moved"  # ขอเลื่อน… says so
    monthly = [action(date(2020, m, 5), text="ให้จังหวัดรายงานผลทุกเดือน") for m in (4, 5)]
    assert relation(*monthly) == "next round"
    assert relation(action(date(2020, 3, 15)), action(date(2020, 3, 22))) == "moved"
    june, july = (
        action(date(2020, 6, 1), date(2020, 6, 30), precision="month"),
        action(date(2020, 7, 1), date(2020, 7, 31), precision="month"),
    )
    assert relation(june, july) == "moved"
    assert relation(june, action(date(2020, 6, 25))) == "repeated"  # the same window, said more precisely


SERIES = Path(__file__).parent / "data" / "series"  # the register's own series (tests/test_register.py)
MOVES = Path(__file__).parent / "data" / "moves"  # two meetings where the trends' own matcher saw moves
LOOKALIKE = Path(__file__).parent / "data" / "lookalike"


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    """The trends corpus, the register's series, the sample (three reschedules within its meeting) and
    ``tests/data/moves``, as the register reads them."""
    from cddbrief.register import writeups_in

    folder = trends_corpus.write(tmp_path_factory.mktemp("mixed"))
    for path in [*SERIES.glob("*.txt"), *MOVES.glob("*.txt"), SAMPLE]:
        shutil.copy(path, folder / path.name)
    return writeups_in(folder)[0]


def test_the_trends_page_and_the_actions_page_tell_one_story_of_moved_deadlines(mixed):
    """Issue 22: the trends page's moved deadlines are the register's moved links (one matcher
    follows a directive across meetings) and the reschedules written within a meeting."""
    from cddbrief import register
    from cddbrief.trends import moved_deadlines

    reg = register.build(mixed, "2030-01-01")  # links do not depend on the day
    by_key = {a.key: a for a in reg.actions}
    links = [(link.earlier, link.later) for link in reg.links if link.kind == "moved"]
    moves = moved_deadlines(mixed)
    between = [m for m in moves if m["evidence"] == "similar"]
    assert sorted((m["earlier"], m["later"]) for m in between) == sorted(links) and len(links) == 6
    for m in between:  # each row says what the register's two actions say
        old, new = by_key[m["earlier"]], by_key[m["later"]]
        assert (m["from"], m["to"], m["was"], m["now"], m["action"]) == (
            old.start,
            new.start,
            old.surface,
            new.surface,
            new.what,
        )
        assert m["offices"] == [new.office] and (m["from_meeting"], m["to_meeting"]) == (old.meeting, new.meeting)
    within = sorted((m["from_meeting"], m["from"], m["to"]) for m in moves if m["evidence"] == "reschedule")
    assert within == sorted((a.meeting, a.moved_from.start, a.start) for a in reg.actions if a.moved_from)
    assert [m[0] for m in within] == ["2562-04"] * 3
    # where the trigram matcher the trends page had saw moves: another action of the same topic (a
    # group set up, then one dissolved; households, then villages) and an order cancelled and replaced
    ban_thi = [m for m in moves if m["office"].endswith("บ้านธิ")]
    assert [(m["topic"], m["was"], m["now"]) for m in ban_thi] == [("จปฐ.", "30 มิ.ย. 66", "31 ก.ค. 66")]
    assert not [m for m in moves if m["topic"] == "ผ้าไทยใส่ให้สนุก"]
    replaced = [link for link in reg.links if "ผ้าพื้นถิ่น" in link.earlier_text]
    assert [link.kind for link in replaced] == ["superseded"]


# --- 6e: charts ----------------------------------------------------------------------------------------


def test_two_meetings_always_chart_topics_and_figures_start_at_zero_in_plain_numbers(corpus, folder, figures):
    from cddbrief.trends import Trends

    trends = Trends(corpus, "en", folder)
    topic_chart = trends.topic_chart()
    assert (
        topic_chart is not None
        and "Village Fund · Pa Sang District Community Development Office: "
        "3/2563 (2020) 1, 4/2563 (2020) 1, 5/2563 (2020) 1"
        in topic_chart[1]
    )
    shapes = {(s["topic"], s["unit"]): s["shape"] for s in trends.series()}
    assert shapes[("การเบิกจ่ายงบประมาณ", "จังหวัด")] == "barely"  # 76, 76, 77: a table, not a steep line
    assert shapes[("การเบิกจ่ายงบประมาณ", "บาท")] == "changes"
    figures.clear()
    uri, alt = trends.series_chart()
    assert "provinces" not in alt and "15,804,000" in alt and "81.25%" in alt
    (fig,) = figures
    fig.canvas.draw()
    for ax in fig.axes:
        assert ax.get_ylim()[0] == 0
        ticks = [t.get_text() for t in ax.get_yticklabels()]
        assert not any("e" in t.lower() for t in ticks), ticks
        assert ax.yaxis.get_offset_text().get_text() == ""
    money = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert "5,000,000" in money and "15,000,000" in money
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == [
        "3/2563\n(2020)",
        "4/2563\n(2020)",
        "5/2563\n(2020)",
    ]


# --- 7: English -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def briefs(tmp_path_factory):
    from cddbrief.brief import Brief

    folder = tmp_path_factory.mktemp("gen")
    made = docgen.meeting(random.Random(7))
    made.items[0].topic = "เศรษฐกิจฐานรากและประชารัฐ ระดับหมู่บ้านและชุมชนท้องถิ่นทุกแห่ง"  # long: must wrap, not be cut
    path = folder / "generated.txt"
    path.write_text(docgen.render_dump(made), encoding="utf-8")
    return {
        (name, lang): Brief.load(source=str(src), lang=lang)
        for name, src in (("sample", SAMPLE), ("generated", path))
        for lang in ("th", "en")
    }


def test_english_keeps_the_meeting_number_as_written_with_the_gregorian_year(briefs, corpus, folder):
    brief = briefs[("sample", "en")]
    assert (
        brief.title() == "Meeting 4/2562 (2019) · Soem Ngam District Community Development Office"
    )  # plain: no "Meeting brief Meeting"
    html = brief.section("meeting")
    assert "Meeting 4/2562 (2019) — Soem Ngam District Community Development Office" in html and "4/2019" not in html
    assert briefs[("sample", "th")].title().startswith("สรุปการประชุม ครั้งที่ 4/2562 · สำนักงานพัฒนาชุมชนอำเภอเสริมงาม")
    from cddbrief.trends import Trends, meeting_label

    assert meeting_label("2563-04", "en") == "4/2563 (2020)"
    from lxml import html as lxml_html

    page = "".join(
        lxml_html.fromstring(Trends(corpus, "en", folder).section(s)).text_content()
        for s in ("header", "topics", "changes", "deadlines")
    )  # what a reader sees (ids may sort rows)
    assert "4/2563 (2020)" in page and "2563-04" not in page
    assert "Pa Sang District Community Development Office" in page and "Village Fund" in page


def test_english_counts_in_singular_and_plural(briefs):
    brief = briefs[("sample", "en")]
    assert [
        brief.words.figure(1, "ต้น"),
        brief.words.figure(2, "ต้น"),
        brief.words.figure(1, "คน"),
        brief.words.figure(3, "คน"),
    ] == [
        "1 tree",
        "2 trees",
        "1 person",
        "3 people",
    ]
    assert [brief.words.figure(1, "ครั้ง"), brief.words.figure(878, "หมู่บ้าน"), brief.words.figure(18000, "บาท")] == [
        "1 time",
        "878 villages",
        "18,000 baht",
    ]
    from cddbrief.glossary import unit_en

    assert (
        unit_en("หน่วย", 1) == "unit"
        and unit_en("องศาเซลเซียส", 1) == "degree Celsius"
        and unit_en("สาขาวิชา", 2) == "fields of study"
    )
    agenda = {r["no"]: r["key_figures"] for r in brief.agenda()}
    assert agenda[4] == "1 tree, 1 time"
    assert any(c.statement_en.startswith("878 villages × 18,000 baht") for c in brief.meeting.checks)


def test_english_names_places_and_who_acts(briefs):
    brief = briefs[("sample", "en")]
    places = {r["place"] for r in brief.figures()}
    assert {"Lamphun", "Lampang", "Prachuap Khiri Khan"} <= places and not {"ลำพูน", "ลำปาง"} & places
    who = {r["who"] for r in brief.dated_actions()}
    assert "the Department" in who and "provinces" in who and not {"กรม", "จังหวัด"} & who
    thai = briefs[("sample", "th")]
    assert "ลำพูน" in {r["place"] for r in thai.figures()} and "จังหวัด" in {r["who"] for r in thai.dated_actions()}


CHARTS = ("topics_chart", "timeline_chart", "place_charts", "parts_chart")


@pytest.mark.parametrize("name", ["sample", "generated"])
@pytest.mark.parametrize("lang", ["th", "en"])
def test_chart_labels_are_whole_and_inside_the_figure(briefs, figures, name, lang):
    brief = briefs[(name, lang)]
    drawn = 0
    for chart in CHARTS:
        figures.clear()
        if not getattr(brief, chart)():  # None, or no measure to chart ([] for places)
            continue
        assert figures  # every drawing of the chart: wide (paper, desktop) and narrow (phone), per measure
        for fig in figures:
            fig.canvas.draw()
            renderer = fig.canvas.get_renderer()
            width = fig.bbox.width
            for ax in fig.axes:
                for label in ax.get_yticklabels():
                    box = label.get_window_extent(renderer)
                    assert box.x0 >= -1 and box.x1 <= width + 1, (chart, label.get_text())
                    if chart in ("topics_chart", "timeline_chart", "parts_chart"):
                        assert "…" not in label.get_text(), (chart, label.get_text())
        drawn += 1
    assert drawn >= 2


def test_wrap_label_breaks_at_spaces_and_thai_syllables_never_inside_a_letter():
    from wcwidth import wcswidth

    from cddbrief.charts import wrap_label

    for text in (
        "เศรษฐกิจฐานรากและประชารัฐ ระดับหมู่บ้านและชุมชนท้องถิ่นทุกแห่ง",
        "OTOP Nawatwithi (community tourism) and Pracharat",
        "กองทุนหมู่บ้านและชุมชนเมืองแห่งชาติ",
    ):
        wrapped = wrap_label(text, 16, lines=9)
        lines = wrapped.split("\n")
        assert all(wcswidth(line) <= 16 for line in lines), lines
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")  # nothing lost
        assert all(
            not ("\u0e31" <= line[0] <= "\u0e3a" or "\u0e47" <= line[0] <= "\u0e4e") for line in lines
        )  # no line starts with a mark


def test_english_places_chart_names_places_in_english(briefs, figures):
    """The chart by place of an English brief says Lamphun, not ลำพูน (its labels and its alt text)."""
    brief = briefs[("sample", "en")]
    figures.clear()
    charts = brief.place_charts()
    assert charts
    labels = {label.get_text() for fig in figures for ax in fig.axes for label in ax.get_yticklabels()}
    assert {"Lamphun", "Lampang"} <= labels and not any("ลำ" in label for label in labels)
    assert "Lamphun" in charts[0][1]


def test_a_writeup_with_no_meeting_number_does_not_stop_the_deadlines(tmp_path):
    """A folder that holds a write-up with no meeting number: the deadlines section is still made (it
    failed on pandas' NA as the meeting of such a write-up's dates) and the moves are still found."""
    from cddbrief.trends import Trends

    folder = trends_corpus.write(tmp_path / "raw")
    shutil.copy(LOOKALIKE / "n04_prov_standards_nonumber.txt", folder)
    view = Trends.load(str(folder))
    html = view.section("deadlines")
    assert "3/2563 → 4/2563" in html and "15 มี.ค. 2563" in html and "22 มี.ค. 2563" in html
