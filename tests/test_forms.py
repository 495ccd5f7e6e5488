"""Documents of our own making in every form, read back value for value.

Every layout (the Word table, prose posts, minutes by agenda) in every file
kind (.txt, .docx, .html, .pdf printed by WeasyPrint with Sarabun) must give
back what the generator put in: layout, meeting id and date, place, items
(number, topic), directive counts, resolutions, figures and dates. Damaged
copies must fail only with a CddbriefError. The sample exported by
LibreOffice must read like the sample's text dump.

The generator is tests/docgen_forms.py; what a reader must give back is
``docgen_forms.expected``, what it gave ``docgen_forms.observed``.
"""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import docgen_forms as forms
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cddbrief.errors import CddbriefError
from cddbrief.meeting import parse_document, read_meeting
from cddbrief.quantities import find_quantities
from cddbrief.sources import read_bytes
from cddbrief.thaidates import find_dates

SEEDS = range(6)
MORE_SEEDS = range(6, 24)  # the cheap kinds see more variants
EXPORTS = Path(__file__).parent / "data" / "sample-export"


def _parse(data: bytes, name: str):
    return parse_document(read_bytes(data, name=name))


def _read_back(doc: forms.FormDoc, kind: str) -> None:
    data, name = forms.render(doc, kind)
    parsed = _parse(data, name)
    assert parsed.source.format == kind
    got, want = forms.observed(parsed), forms.expected(doc)
    if kind == "pdf":
        got, want = _unspaced_topics(got), _unspaced_topics(want)
    assert got == want, f"{doc.layout}/{kind} seed {doc.seed}: {doc.variant}"


def _unspaced_topics(reading: dict) -> dict:
    """Topics compared without their spaces: a PDF writer drops the space where a line wraps.

    WeasyPrint writes no space character at a wrap and leaves no gap: the text
    layer of ``โครงการโคก หนอง นา`` wrapped after โคก is the same, character for
    character and position for position, as that of ``โครงการโคกหนอง นา``. So no
    reader can give the space back; every other character must still be there.
    """
    return {**reading, "items": [(no, "".join(topic.split())) for no, topic in reading["items"]]}


# --- every layout in every kind -------------------------------------------------------------------


@pytest.mark.parametrize("kind", forms.KINDS)
@pytest.mark.parametrize("layout", forms.LAYOUTS)
@pytest.mark.parametrize("seed", SEEDS)
def test_forms_read_back(layout, kind, seed):
    _read_back(forms.generate(seed, layout), kind)


@pytest.mark.parametrize("kind", ["txt", "docx", "html"])
@pytest.mark.parametrize("layout", forms.LAYOUTS)
@pytest.mark.parametrize("seed", MORE_SEEDS)
def test_more_forms_read_back(layout, kind, seed):
    _read_back(forms.generate(seed, layout), kind)


@pytest.mark.parametrize("kind", forms.KINDS)
def test_minutes_that_confirm_an_earlier_meeting_keep_their_own_number(kind):
    """Agenda 2 ``รับรองรายงานการประชุมครั้งที่ 3/2564`` names another meeting; the minutes' own number is in the title."""
    doc = forms.minutes(random.Random(11), confirm_previous=True)
    doc.seed = 11
    assert doc.meeting.items[1].topic.startswith("รับรองรายงานการประชุมครั้งที่")
    _read_back(doc, kind)


@pytest.mark.parametrize("kind", forms.KINDS)
def test_a_later_reference_to_another_meeting_is_not_the_meeting(kind):
    """``ตามที่ได้รับรองรายงานการประชุมครั้งที่ 7/2564`` after the first mention does not change the id."""
    for seed in range(200):
        doc = forms.generate(seed, "prose")
        if doc.variant["later_ref"] == "intro" and doc.variant["date_form"] == "first-sentence":
            break
    _read_back(doc, kind)


# --- damaged documents ----------------------------------------------------------------------------

OPS = st.lists(
    st.tuples(st.sampled_from(["drop", "dup", "space", "thai", "cut"]), st.integers(0, 400), st.integers(0, 2000)),
    min_size=1,
    max_size=6,
)


def _only_cddbrief_errors(data: bytes, name: str) -> None:
    try:
        _parse(data, name)
    except CddbriefError:
        pass


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**16), layout=st.sampled_from(forms.LAYOUTS), kind=st.sampled_from(forms.KINDS), ops=OPS)
def test_damaged_documents_fail_only_with_cddbrief_errors(seed, layout, kind, ops):
    """Parts dropped, repeated, cut, spaced out or in Thai digits, in any file kind: a CddbriefError or a reading."""
    doc = forms.generate(seed, layout)
    data, name = forms.render(doc, kind, parts=forms.mutate_parts(doc.parts, ops))
    _only_cddbrief_errors(data, name)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.integers(0, 2**16), layout=st.sampled_from(forms.LAYOUTS), kind=st.sampled_from(["txt", "html"]), ops=OPS
)
def test_damaged_sources_fail_only_with_cddbrief_errors(seed, layout, kind, ops):
    """The same damage to the lines of a text dump or of an HTML source (tags cut, lines lost)."""
    doc = forms.generate(seed, layout)
    data, name = forms.render(doc, kind)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:  # a text dump in cp874
        text = data.decode("cp874")
    _only_cddbrief_errors(forms.mutate_lines(text, ops).encode("utf-8"), name)


# --- the sample exported by an office suite -------------------------------------------------------


def _reading(meeting, spaces: bool = True) -> dict:
    """What must read alike; without ``spaces`` (a PDF: see _unspaced_topics) texts are compared letter for letter."""
    tidy = (lambda text: " ".join(text.split())) if spaces else (lambda text: "".join(text.split()))
    return {
        "id": meeting.id,
        "items": [(i.no, tidy(i.topic)) for i in meeting.items],
        "directives": [[tidy(d.text) for d in i.directives] for i in meeting.items],
        "figures": Counter((float(q.value), q.unit) for _, d in meeting.directives() for q in d.quantities),
        "dates": Counter((s.start, s.end) for _, d in meeting.directives() for s in d.dates),
    }


@pytest.mark.parametrize("name", ["sample.docx", "sample.pdf", "sample.html"])
def test_office_suite_exports_read_like_the_text(name, sample_meeting):
    """LibreOffice's .pdf and .html of the sample's Word document (tools/make_sample_exports.py) read like its text
    dump."""
    exported = read_meeting(EXPORTS / name)
    assert exported.source.format == name.rsplit(".", 1)[1]
    spaces = not name.endswith(".pdf")
    assert _reading(exported, spaces) == _reading(sample_meeting, spaces)


# --- the generator itself (runs without the new readers) ------------------------------------------


def test_generation_is_deterministic_by_seed():
    for layout in forms.LAYOUTS:
        doc = forms.generate(3, layout)
        again = forms.generate(3, layout)
        assert forms.expected(doc) == forms.expected(again)
        for kind in forms.KINDS:
            assert forms.render(doc, kind)[0] == forms.render(again, kind)[0], (layout, kind)


def test_expected_figures_and_dates_are_what_the_extractors_read():
    """The generator's figures and dates are those of the sentences it wrote, so a failure is the reader's."""
    for seed in range(30):
        for layout in forms.LAYOUTS:
            doc = forms.generate(seed, layout)
            for item in doc.meeting.items:
                for s in item.directives:
                    quantities, _ = find_quantities(s.text, [])
                    spans, _ = find_dates(s.text, doc.meeting.year_be)
                    assert sorted((float(q.value), q.unit) for q in quantities) == sorted(
                        (float(v), u) for v, u in s.quantities
                    ), s.text
                    assert [(d.start, d.end) for d in spans] == [tuple(d) for d in s.dates], s.text


def test_prose_topics_end_where_the_contract_says():
    """A prose topic holds no instruction word, colon or dash, so the reader's rule finds its end."""
    for seed in range(40):
        doc = forms.generate(seed, "prose")
        for item in doc.meeting.items:
            assert not any(word in item.topic for word in forms.INSTRUCTION_WORDS)
            assert ":" not in item.topic and " - " not in item.topic


def test_the_generator_draws_every_variant():
    """Over the seeds the tests use, every prose and minutes variant turns up."""
    seen: dict[str, set] = {}
    for seed in [*SEEDS, *MORE_SEEDS]:
        for layout in ("prose", "minutes"):
            doc = forms.generate(seed, layout)
            for key, value in doc.variant.items():
                if key not in ("office", "empty"):
                    seen.setdefault(f"{layout}.{key}", set()).add(str(value))
            place = doc.office.district or doc.office.province
            seen.setdefault("office", set()).add(doc.office.written.removesuffix(place))
    assert seen["prose.style"] == {"dot", "close", "paren", "thai"}
    assert seen["prose.inline"] == {"True", "False"}
    assert seen["prose.date_form"] == {"line", "headline", "first-sentence"}
    assert len(seen["prose.lead_in"]) >= 3
    assert seen["prose.sub_style"] == {"1.1", "-"}
    assert seen["prose.closing"] == {"jo", "tags", "both", "none"}
    assert seen["prose.later_ref"] == {"intro", "point"}
    assert seen["minutes.resolution_form"] == {"space", "colon", "next-line"}
    assert seen["minutes.confirm_previous"] == {"True", "False"}
    assert seen["minutes.title_form"] == {"0", "1", "2"}
    assert {"สพอ.", "สำนักงานพัฒนาชุมชนอำเภอ", "พัฒนาการอำเภอ", "สพจ.", "สำนักงานพัฒนาชุมชนจังหวัด"} <= seen["office"]


def test_offices_are_real_places():
    from cddbrief import glossary

    for seed in range(40):
        doc = forms.generate(seed, "prose")
        m = doc.meeting
        assert m.province in glossary.provinces()
        if m.district:
            assert [p.name_th for p in glossary.provinces_of_district(m.district)] == [m.province]


@pytest.mark.parametrize("layout", forms.LAYOUTS)
def test_rendered_files_hold_the_document(layout):
    """Each kind is a well-formed file of its kind with the meeting's number in it (what the readers will read)."""
    import io

    import docx
    import pypdf
    from bs4 import BeautifulSoup

    doc = forms.generate(0, layout)
    ref = f"{doc.meeting.number}/"
    data, _ = forms.render(doc, "docx")
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert ref in text or layout == "table"
    data, _ = forms.render(doc, "html")
    page = BeautifulSoup(data, "html.parser")
    assert ref in page.get_text()
    data, _ = forms.render(doc, "pdf")
    assert data.startswith(b"%PDF-")
    assert len(pypdf.PdfReader(io.BytesIO(data)).pages) >= 1


def test_the_word_table_in_text_and_word_reads_back_today():
    """The table layout needs no new reader: its .txt and .docx forms read back with the current one (date included)."""
    for seed in range(12):
        doc = forms.generate(seed, "table")
        for kind in ("txt", "docx"):
            data, name = forms.render(doc, kind)
            got = forms.observed(_parse(data, name))
            want = forms.expected(doc)
            got.pop("layout"), want.pop("layout")  # set by the layout readers, which are on their way
            assert got == want, (seed, kind)


@pytest.mark.parametrize("kind", forms.KINDS)
@pytest.mark.parametrize("layout", forms.LAYOUTS)
def test_a_document_with_nothing_left_fails_with_a_cddbrief_error(layout, kind):
    """Every part dropped: an empty text, a Word file without text, a page without content, a blank PDF."""
    doc = forms.generate(1, layout)
    data, name = forms.render(doc, kind, parts=[])
    with pytest.raises(CddbriefError):
        _parse(data, name)
