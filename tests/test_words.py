"""One language value and one set of words per language (words.py); the exports' table; the charts a
brief's sections name."""

from __future__ import annotations

import dataclasses
import re
from datetime import date

import pytest
from conftest import SAMPLE, run_cli

from cddbrief.errors import BadSetting
from cddbrief.words import LANGS, Words, as_lang, labels, suffix, words_for

NOT_LANGUAGES = ["fr", None, "TH", "En", "", " th", "th ", "ไทย", ["th"], 1]


# --- the language, checked once at the edge -----------------------------------------------------------


def test_the_languages_are_thai_and_english():
    assert LANGS == ("th", "en")
    assert [as_lang(lang) for lang in LANGS] == ["th", "en"]
    assert [suffix(lang) for lang in LANGS] == ["", ".en"]


@pytest.mark.parametrize("value", NOT_LANGUAGES, ids=repr)
def test_anything_else_is_one_clear_error_in_neutral_words(value):
    """``TH`` is refused too: a language has one spelling in parameters, manifests and file names."""
    with pytest.raises(BadSetting) as raised:
        as_lang(value)
    error = raised.value
    assert error.problem == f"unknown language {value!r}"
    assert error.remedy == "use Thai or English" and [s.value for s in error.settings] == ["th", "en"]
    assert "--" not in str(error) and error.exit_status == 2


@pytest.mark.parametrize("value", ["fr", None, "TH"], ids=repr)
def test_words_for_a_value_that_is_no_language_is_the_same_error(value):
    with pytest.raises(BadSetting, match="unknown language"):
        words_for(value)


@pytest.mark.parametrize("value", ["fr", None, "TH"], ids=repr)
def test_every_entry_point_that_takes_a_language_refuses_what_is_none(value, tmp_path, sample_meeting):
    from cddbrief.batch import build_all
    from cddbrief.brief import Brief
    from cddbrief.exports import export
    from cddbrief.render import Options
    from cddbrief.site import refresh_index, write_index
    from cddbrief.trends import Trends, build_trends

    out = tmp_path / "out"
    calls = [
        lambda: Brief.load(source=str(SAMPLE), lang=value),
        lambda: Brief(sample_meeting, value),
        lambda: Trends.load(str(SAMPLE.parent), value),
        lambda: Options(("html",), value, out),
        lambda: export(sample_meeting, "json", out, lang=value),
        lambda: write_index(out, [], value),
        lambda: refresh_index(out, value),
        lambda: build_all(SAMPLE.parent, out, lang=value, progress=False),
        lambda: build_trends(SAMPLE.parent, out, lang=value, say=lambda _: None),
    ]
    for call in calls:
        with pytest.raises(BadSetting, match=r"use Thai or English \(set lang='th', lang='en'\)"):
            call()
    assert not out.exists()  # refused before anything was written


def test_the_command_line_refuses_another_language_with_exit_2():
    result = run_cli("export", str(SAMPLE), "--to", "json", "--lang", "fr")
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


# --- each language's words -------------------------------------------------------------------------------


def test_one_frozen_words_per_language():
    thai, english = words_for("th"), words_for("en")
    assert words_for("th") is thai and words_for("en") is english and thai is not english
    assert isinstance(thai, Words) and (thai.lang, english.lang) == ("th", "en")
    with pytest.raises(dataclasses.FrozenInstanceError):
        thai.lang = "en"
    with pytest.raises(TypeError):
        thai.texts["brief"] = "x"  # the labels cannot be changed either


def test_every_label_has_both_languages_with_the_same_fields():
    fields = re.compile(r"{(\w+)}")
    for key, texts in labels().items():
        assert set(texts) == set(LANGS), key
        assert texts["th"].strip() and texts["en"].strip(), key
        assert set(fields.findall(texts["th"])) == set(fields.findall(texts["en"])), key
    assert words_for("th").texts["brief"] == "สรุปการประชุม" and words_for("en").texts["brief"] == "Meeting brief"


def test_dates_in_the_buddhist_era_in_thai_and_gregorian_in_english():
    thai, english = words_for("th"), words_for("en")
    april = (date(2019, 4, 22), date(2019, 4, 23))
    assert thai.span(*april) == "22–23 เม.ย. 2562" and english.span(*april) == "22–23 Apr 2019"
    assert thai.span(date(2019, 4, 22)) == "22 เม.ย. 2562" and english.span(date(2019, 4, 22)) == "22 Apr 2019"
    assert thai.span(date(2019, 4, 1), date(2019, 4, 30), "month") == "เม.ย. 2562"
    assert english.span(date(2019, 4, 1), date(2019, 4, 30), None) == "1–30 Apr 2019"  # no precision: days
    assert thai.span(None) == "–"
    assert (thai.month(date(2020, 1, 15)), english.month(date(2020, 1, 15))) == ("ม.ค. 63", "Jan 20")
    assert (thai.year(2563), english.year(2563)) == ("2563", "2563 (2020)")
    assert (thai.meeting_number(4, 2562), english.meeting_number(4, 2562)) == ("4/2562", "4/2562 (2019)")
    assert english.meeting_label("2562-04") == "4/2562 (2019)" and english.meeting_label("draft") == "draft"
    assert thai.reference(date(2019, 3, 25), "meeting_date").startswith("นับจากวันที่ 25 มี.ค. 2562")
    assert english.reference(date(2019, 3, 25), "as_of").count("25 Mar 2019") == 1
    assert thai.reference(None, "none") == english.reference(None, "none") == ""


def test_figures_with_their_units_and_counts_with_their_nouns():
    thai, english = words_for("th"), words_for("en")
    assert thai.figure(2400000, "บาท") == "2,400,000 บาท" and english.figure(2400000, "บาท") == "2,400,000 baht"
    assert [english.figure(n, "ต้น") for n in (1, 2)] == ["1 tree", "2 trees"]
    assert thai.figure(97.5, "%") == english.figure(97.5, "%") == "97.5%"
    assert thai.number(7.50) == "7.5" and english.number(0.5) == "0.50"
    assert (thai.unit("คน", 3), english.unit("คน", 3), english.unit("คน", 1)) == ("คน", "people", "person")
    assert [english.count(n, "directives_n") for n in (1, 2)] == ["1 directive", "2 directives"]
    assert [thai.count(n, "directives_n") for n in (1, 2)] == ["1 ข้อสั่งการ", "2 ข้อสั่งการ"]
    assert english.word(1, "title") == english.t("title")  # a word with no singular: the one word


def test_names_from_the_glossary_in_english_and_as_written_in_thai():
    thai, english = words_for("th"), words_for("en")
    assert thai.topic("กองทุนหมู่บ้าน") == "กองทุนหมู่บ้าน" and english.topic("กองทุนหมู่บ้าน") == "Village Fund"
    assert english.topic("เรื่องที่ไม่มีในอภิธาน") == "เรื่องที่ไม่มีในอภิธาน"  # unknown: as written
    assert (thai.place("ลำพูน"), english.place("ลำพูน"), english.place(None)) == ("ลำพูน", "Lamphun", "")
    office = "สำนักงานพัฒนาชุมชนอำเภอแม่ทะ"
    assert thai.office(office) == office and english.office(office) == "Mae Tha District Community Development Office"
    assert english.office(None) == thai.office(None) == ""
    assert thai.who(["จังหวัด", "ส่วนกลาง"]) == "จังหวัด, ส่วนกลาง"
    assert english.who(["จังหวัด", "ส่วนกลาง"]) == "provinces, central units"
    assert (thai.either("ตรงกัน", "holds"), english.either("ตรงกัน", "holds")) == ("ตรงกัน", "holds")
    assert (english.either("ตรงกัน", None), thai.either(None, "holds"), thai.either(None, None)) == (
        "ตรงกัน",
        "holds",
        "",
    )


def test_a_workbook_is_titled_in_thai_with_buddhist_era_twins_and_keeps_the_frames_names_in_english():
    thai, english = words_for("th"), words_for("en")
    assert (thai.sheet("quantities"), english.sheet("quantities")) == ("ตัวเลข", "quantities")
    assert (thai.column("value"), english.column("value")) == ("ค่า", "value")
    assert thai.sheet("no-such-frame") == "no-such-frame"
    assert (thai.era, english.era) == ("พ.ศ.", None)


def test_a_brief_and_a_trends_page_share_their_languages_words(sample_meeting):
    from cddbrief.brief import Brief

    english = Brief(sample_meeting, "en")
    assert english.words is words_for("en") and Brief(sample_meeting).words is words_for("th")
    assert english.t("brief") == "Meeting brief" and english.number_text() == "4/2562 (2019)"
    assert english.title() == "Meeting 4/2562 (2019) · Soem Ngam District Community Development Office"


# --- the exports' table -------------------------------------------------------------------------------------


def test_an_unknown_export_is_one_clear_error_naming_the_kinds(tmp_path, sample_meeting):
    from cddbrief.exports import EXPORTS, check_kinds, export

    assert list(EXPORTS) == ["xlsx", "csv", "json", "ics"]
    assert check_kinds(["ics", "xlsx"]) == ("ics", "xlsx")
    for kinds in (["pdfx"], ["xlsx", "docx"], []):
        with pytest.raises(BadSetting) as raised:
            check_kinds(kinds)
        assert raised.value.remedy == "exports are xlsx, csv, json, ics" and "--" not in str(raised.value)
    out = tmp_path / "out"
    with pytest.raises(BadSetting, match="unknown export 'docx'"):
        export(sample_meeting, "docx", out)  # no JSON written in its place, as an if-chain once did
    assert not out.exists()


def test_each_export_names_its_files_in_its_language(tmp_path, sample_meeting):
    from cddbrief.exports import EXPORTS, export

    names = {}
    for lang in LANGS:
        for kind in EXPORTS:
            names[(kind, lang)] = sorted(p.name for p in export(sample_meeting, kind, tmp_path, lang=lang))
    assert names[("xlsx", "th")] == ["2562-04.xlsx"] and names[("xlsx", "en")] == ["2562-04.en.xlsx"]
    assert names[("ics", "th")] == ["2562-04.ics"] and names[("ics", "en")] == ["2562-04.en.ics"]
    assert names[("json", "th")] == names[("json", "en")] == ["2562-04.json"]  # the meeting's own words
    assert names[("csv", "th")] == names[("csv", "en")] and "2562-04-quantities.csv" in names[("csv", "th")]
    for (kind, lang), written in names.items():  # what a batch finds again when its brief is up to date
        assert [p.name for p in EXPORTS[kind].files(tmp_path, "2562-04", lang)] == written, (kind, lang)


def test_the_english_calendar_and_workbook_are_in_english(tmp_path, sample_meeting):
    from openpyxl import load_workbook

    from cddbrief.exports import export

    (ics,) = export(sample_meeting, "ics", tmp_path, lang="en", as_of="2019-03-20")
    text = ics.read_text(encoding="utf-8").replace("\n ", "")  # lines unfolded
    assert "X-WR-CALNAME:Meeting 4/2562 (2019) Soem Ngam District Community Development Office" in text
    assert "SUMMARY:OTOP (One Tambon One Product): " in text and "(moved from 26–27 Mar 2019)" in text
    assert "เลื่อนจาก" not in text and "2562)" not in text  # the actions are quoted as written, the rest English
    (book,) = export(sample_meeting, "xlsx", tmp_path, lang="en")
    (thai,) = export(sample_meeting, "xlsx", tmp_path, lang="th")
    assert load_workbook(book).sheetnames[2] == "quantities" and load_workbook(thai).sheetnames[2] == "ตัวเลข"


def test_the_command_line_takes_its_export_kinds_from_the_table():
    from cddbrief.exports import EXPORTS

    unknown = run_cli("export", str(SAMPLE), "--to", "xlsx,pdfx")
    assert unknown.returncode == 2 and unknown.stderr.count("\n") == 1
    assert "unknown export 'pdfx'" in unknown.stderr and "xlsx, csv, json, ics" in unknown.stderr
    helped = " ".join(run_cli("export", "--help").stdout.split())
    assert all(f"{kind} ({export.about})" in helped for kind, export in EXPORTS.items()), helped


# --- the charts a brief's sections show -------------------------------------------------------------------


def test_each_section_names_its_charts_and_its_template_shows_them():
    from jinja2 import meta

    from cddbrief import trends
    from cddbrief.brief import SECTION_CHARTS, SECTIONS, environment

    env = environment()
    for table, sections, prefix in (
        (SECTION_CHARTS, SECTIONS, ""),
        (trends.SECTION_CHARTS, trends.SECTIONS, "trends_"),
    ):
        assert set(table) <= set(sections)
        for section, charts in table.items():
            source = env.loader.get_source(env, f"{prefix}{section}.html.j2")[0]
            assert set(charts) <= meta.find_undeclared_variables(env.parse(source)), section
            assert all(callable(make) for make in charts.values())


def test_a_section_is_given_the_charts_of_its_entry(sample_meeting, monkeypatch):
    from cddbrief import brief

    b = brief.Brief(sample_meeting)
    monkeypatch.setitem(brief.SECTION_CHARTS, "agenda", {"topics_chart": lambda _: None})
    assert b.section_charts("agenda") == {"topics_chart": None}
    assert b.section_charts("notes") == {}
    assert "<img" not in b.section("agenda")  # the entry's chart, drawn by nothing, is shown as none
