"""Parsing does the work once: what makes it fast, tested by what it does, never by a clock.

Speed itself is measured by ``benchmarks/bench_parse.py``; here, on documents of
our own making in every layout and file kind (and damaged ones), the
shortcuts are checked to give what the long way gives:

- a layout reader is asked to ``fit`` only when its ``ceiling`` (cheap signals)
  says it could still win, and the ceiling never promises less than the fit gives;
"""

from __future__ import annotations

import random

import docgen
import docgen_forms as forms
import pytest

from cddbrief import readers
from cddbrief.readers import WEAK_FIT, minutes, prose, read_layout, table
from cddbrief.sources import read_bytes


def _documents():
    """(name, RawDocument) of every layout in .txt, .docx and .html, some damaged, and Word dumps."""
    docs = []
    for seed in range(6):
        m = docgen.meeting(random.Random(seed))
        docs.append((f"dump{seed}", read_bytes(docgen.render_dump(m, thai_digits=seed % 2 == 1).encode(), "d.txt")))
        for layout in forms.LAYOUTS:
            doc = forms.generate(seed, layout)
            for kind in ("txt", "docx", "html"):
                data, name = forms.render(doc, kind)
                docs.append((f"{layout}{seed}.{kind}", read_bytes(data, name)))
            rng = random.Random(seed)
            ops = [
                (rng.choice(["drop", "dup", "space", "thai", "cut"]), rng.randrange(400), rng.randrange(2000))
                for _ in range(4)
            ]
            data, name = forms.render(doc, "txt", parts=forms.mutate_parts(doc.parts, ops))
            docs.append((f"{layout}{seed}.damaged", read_bytes(data, name)))
    return docs


DOCUMENTS = _documents()


@pytest.mark.parametrize("name,doc", DOCUMENTS, ids=[n for n, _ in DOCUMENTS])
def test_a_ceiling_never_promises_less_than_the_fit(name, doc):
    """The cheap ceiling bounds the fit from above, so skipping a reader never changes the winner."""
    for module in readers.readers():
        assert module.ceiling(doc) >= module.fit(doc).score, (module.NAME, name)


@pytest.mark.parametrize("name,doc", DOCUMENTS, ids=[n for n, _ in DOCUMENTS])
def test_the_reader_chosen_is_the_best_fit(name, doc):
    """read_layout reads with the reader that fits best of all (the first of equals), as if every reader were asked."""
    fits = [(m.NAME, m.fit(doc).score) for m in readers.readers()]
    best = max(fits, key=lambda pair: pair[1])
    if best[1] < readers.NO_FIT:
        return
    reading, fit = read_layout(doc)
    assert (reading.layout, fit.score) == best


def test_a_word_table_dump_is_not_scanned_for_points_or_agenda(monkeypatch):
    """A Word table dumped to text fits the table at 0.95: the prose and minutes readers are not asked."""
    asked = []
    for module in (table, prose, minutes):
        monkeypatch.setattr(module, "fit", lambda doc, fit=module.fit, name=module.NAME: asked.append(name) or fit(doc))
    m = docgen.meeting(random.Random(7))
    reading, fit = read_layout(read_bytes(docgen.render_dump(m).encode(), "d.txt"))
    assert asked == ["table"]
    assert (reading.layout, fit.score) == ("table", 0.95)
    assert [(i.no, i.topic, len(i.directives)) for i in reading.items] == [
        (no, topic, n) for no, _inferred, topic, n in docgen.expected_items(m)
    ]


def test_a_post_is_read_without_asking_the_table_reader(monkeypatch):
    """A post with no tab and no วาระ: only the prose reader is asked."""
    asked = []
    for module in (table, prose, minutes):
        monkeypatch.setattr(module, "fit", lambda doc, fit=module.fit, name=module.NAME: asked.append(name) or fit(doc))
    text = "สพอ.เถิน ร่วมประชุม ครั้งที่ 6/2566\n1. กองทุนหมู่บ้าน ให้รายงาน 12 กองทุน\n2. ผ้าไทย ให้แต่งกายทุกวันอังคาร\n"
    reading, fit = read_layout(read_bytes(text.encode(), "p.txt"))
    assert asked == ["prose"]
    assert [i.topic for i in reading.items] == ["กองทุนหมู่บ้าน", "ผ้าไทย"]


def test_a_weak_fit_still_names_every_readers_fit():
    """Below WEAK_FIT every reader is asked, and the warning says how well each fitted."""
    text = "สพอ.เถิน ร่วมประชุม ครั้งที่ 6/2566\nกองทุนหมู่บ้าน ให้รายงานผล 12 กองทุน\nผ้าไทย ขอให้แต่งกายทุกวันอังคาร\n"
    reading, fit = read_layout(read_bytes(text.encode(), "p.txt"))
    assert (
        reading.layout == "prose" and 0.3 <= fit.score < WEAK_FIT
    )  # weak: three short paragraphs, no meeting sentence
    assert "others: table 0.0, minutes 0.0" in reading.notes[0].message


def test_a_clean_document_is_not_cleaned_line_by_line(monkeypatch):
    """One scan says a document has no odd spaces or control characters; then no line is cleaned."""
    import cddbrief.meeting as meeting

    cleaned = []
    monkeypatch.setattr(
        meeting, "normalise_spaces", lambda text, f=meeting.normalise_spaces: cleaned.append(text) or f(text)
    )
    m = docgen.meeting(random.Random(3))
    parsed = meeting.parse_document(read_bytes(docgen.render_dump(m).encode(), "d.txt"))
    assert cleaned == []
    assert [(i.no, i.topic) for i in parsed.items] == [
        (no, topic) for no, _inferred, topic, _n in docgen.expected_items(m)
    ]


def test_only_the_lines_that_need_it_are_cleaned(monkeypatch):
    """A non-breaking space in one line and a NUL in another: those two lines are cleaned, and noted."""
    import cddbrief.meeting as meeting

    cleaned = []
    monkeypatch.setattr(
        meeting, "normalise_spaces", lambda text, f=meeting.normalise_spaces: cleaned.append(text) or f(text)
    )
    text = "สพอ.เถิน ร่วมประชุม ครั้งที่ 6/2566\n1. กองทุนหมู่บ้าน ให้รายงาน\u00a012 กองทุน\n2. ผ้าไทย ให้แต่งกาย\x00ทุกวันอังคาร\n"
    parsed = meeting.parse_document(read_bytes(text.encode(), "p.txt"))
    assert cleaned == ["1. กองทุนหมู่บ้าน ให้รายงาน\u00a012 กองทุน", "2. ผ้าไทย ให้แต่งกาย\x00ทุกวันอังคาร"]
    assert [d.text for i in parsed.items for d in i.directives] == ["ให้รายงาน 12 กองทุน", "ให้แต่งกายทุกวันอังคาร"]
    assert [q.surface for i in parsed.items for d in i.directives for q in d.quantities] == ["12 กองทุน"]
    messages = [n.message for n in parsed.notes]
    assert "1 non-breaking or zero-width spaces were read as plain spaces" in messages
    assert "1 control characters (NUL and the like) were removed" in messages


def _stray_marks_by_hand(text: str) -> str:
    """The definition: a Thai mark at the start, or after anything but a Thai letter or mark, with the marks after
    it."""
    from cddbrief.thaitext import _THAI_MARKS

    out, stray = [], False
    for n, ch in enumerate(text):
        if ch in _THAI_MARKS:
            stray = stray or n == 0 or not "\u0e01" <= text[n - 1] <= "\u0e4e"
            if stray:
                continue
        else:
            stray = False
        out.append(ch)
    return "".join(out)


@pytest.mark.parametrize("seed", range(5))
def test_stray_marks_are_dropped_as_defined(seed):
    """The fast pattern (a mark first, then a look at the character before) drops exactly what the definition says."""
    from cddbrief.thaitext import _THAI_MARKS, drop_stray_marks

    rng = random.Random(seed)
    alphabet = list("กขเแ ab1\n\t.ๆ") + list(_THAI_MARKS)
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        assert drop_stray_marks(text)[0] == _stray_marks_by_hand(text), text


@pytest.mark.parametrize("seed", range(6))
def test_the_province_before_a_figure_is_the_one_a_whole_reading_finds(seed):
    """Names are read only as far as the figures need, from a space ENTITY_REACH before the first: the same
    province as reading every name of the text, for figures asked in order and out of it."""
    from cddbrief.glossary import provinces
    from cddbrief.quantities import ENTITY_REACH, _entity_before, _place_mentions, _Places

    assert not any(ch.isspace() for name in provinces() for ch in name)  # what reading from a space relies on
    rng = random.Random(seed)
    names = list(provinces())[:30] + ["กทม.", "แพร่"]
    words = ["จังหวัด", "จ.", "และ", "ใน", "เผย", "ที่", "ของ", "ให้", "รายงาน", "กลุ่ม", "12", "(", ",", "x" * ENTITY_REACH]
    for _ in range(300):
        text = "".join(rng.choice(names + words) + rng.choice(["", " ", "", "\n"]) for _ in range(rng.randint(1, 40)))
        whole = _place_mentions(text)
        positions = sorted(rng.sample(range(len(text) + 1), min(len(text) + 1, rng.randint(1, 6))))
        if rng.random() < 0.2:
            positions.reverse()
        places = _Places(text)
        assert [places.before(p) for p in positions] == [_entity_before(whole, p) for p in positions], text


def test_a_text_with_no_digit_and_no_month_word_is_not_scanned_for_dates(monkeypatch):
    """Every date holds a digit, or เดือน before its month: without either, no date pattern is tried."""
    from cddbrief import thaidates

    scanned = []
    monkeypatch.setattr(
        thaidates,
        "_day_dates",
        lambda reading, year, f=thaidates._day_dates: scanned.append(reading) or f(reading, year),
    )
    assert thaidates.find_dates("ขอให้ประสานหน่วยงานที่เกี่ยวข้องเพื่อบูรณาการการทำงาน", 2562) == ([], [])
    assert scanned == []
    spans, notes = thaidates.find_dates("ให้รายงานผลภายในเดือนมิถุนายน", 2562)
    assert scanned == ["ให้รายงานผลภายในเดือนมิถุนายน"]
    assert [(s.start.isoformat(), s.end.isoformat(), s.precision, s.surface, s.year_inferred) for s in spans] == [
        ("2019-06-01", "2019-06-30", "month", "เดือนมิถุนายน", True)
    ]
    assert [n.kind for n in notes] == ["inferred"]
    spans, _ = thaidates.find_dates("ภายใน ๒๕ เม.ย. ๖๒")
    assert [(s.start.isoformat(), s.surface) for s in spans] == [("2019-04-25", "๒๕ เม.ย. ๖๒")]


def test_years_read_the_same_in_arabic_and_thai_digits():
    """The fast path for plain Arabic digits gives what the general reading gives for the same year in Thai digits."""
    from cddbrief.thaidates import be_year

    thai = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
    for n in range(100):
        for written in (f"{n:02d}", f"{25:02d}{n:02d}", f"{20:02d}{n:02d}", f"{n:02d}{n:02d}"):
            for context in (None, 2562):
                assert be_year(written, context) == be_year(written.translate(thai), context), written


def test_ordinal_words_are_told_as_before():
    """The cheap test of a window's end never hides an ordinal the pattern would find (รอบ 2, ข้อที่ 3, but วันที่ 9)."""
    from cddbrief.thaidates import _DAY_THI, _ORDINAL_BEFORE, _ordinal_before

    def by_pattern(reading, start):
        found = _ORDINAL_BEFORE.search(reading, max(0, start - 16), start)
        return bool(found) and not (
            found.group().startswith("ที่") and _DAY_THI.search(reading, max(0, start - 16), start)
        )

    rng = random.Random(4)
    words = [
        "รอบ",
        "รอบที่",
        "ครั้งที่",
        "ข้อ",
        "ฉบับที่",
        "ที่",
        "วันที่",
        "วันศุกร์ที่",
        "พื้นที่",
        "หมู่",
        "ห้อง",
        "ให้",
        "ภายใน",
        " ",
        "\n",
        "ระยะ",
        "งวดที่",
    ]
    for _ in range(5000):
        reading = "".join(rng.choice(words) for _ in range(rng.randint(0, 6))) + " " * rng.randint(0, 2) + "9 มี.ค."
        start = reading.rindex("9")
        assert _ordinal_before(reading, start) == by_pattern(reading, start), reading


def test_month_forms_are_remembered_but_unknown_ones_still_refused():
    from cddbrief.thaidates import month_number

    assert [month_number(w) for w in ("มิ.ย", "มิ.ย", "มี ค.", "เมษายน", "ธ.ค.", "กรกฏาคม")] == [6, 6, 3, 4, 12, 7]
    for _ in range(2):
        with pytest.raises(KeyError):
            month_number("ไม่ใช่เดือน")


def _lines(rng: random.Random, n: int) -> list[str]:
    pieces = [
        " ",
        "  ",
        "\t",
        "\u3000",
        "1",
        "๒",
        "12",
        "3",
        ".",
        ")",
        "(",
        "-",
        "•",
        "ให้",
        "รายงาน",
        "OTOP",
        "５",
        "\n",
        "2.1",
        " 4",
    ]
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 9))) for _ in range(n)]


def test_a_marker_is_read_from_the_first_characters_as_from_the_whole_line():
    """marker_at reads only a line's first characters, unless the match runs to their end: the same match as the
    whole line's."""
    from cddbrief.readers.points import MARKER, marker_at
    from cddbrief.thaitext import to_arabic_digits

    for line in _lines(random.Random(5), 20000):
        fast, whole = marker_at(line), MARKER.match(to_arabic_digits(line))
        assert (fast and (fast.span(), fast.groupdict())) == (whole and (whole.span(), whole.groupdict())), repr(line)


def test_an_item_number_is_told_as_by_the_pattern():
    """Cells that start with neither a digit nor "(" are no item number, without the pattern."""
    from cddbrief.layout import _ITEM_NUMBER, is_item_number
    from cddbrief.thaitext import to_arabic_digits

    for cell in _lines(random.Random(6), 20000):
        assert is_item_number(cell) == bool(_ITEM_NUMBER.match(to_arabic_digits(cell.strip()))), repr(cell)


def test_the_context_year_is_worked_out_only_for_a_date_without_one(monkeypatch):
    """Dates that all give their year need no year from the context: it is not worked out; one without a year gets
    it."""
    from cddbrief import thaidates

    asked = []
    monkeypatch.setattr(thaidates, "_context_years", lambda *a, f=thaidates._context_years: asked.append(a) or f(*a))
    spans, notes = thaidates.find_dates("เดิมกำหนด 26-27 มี.ค. 62 เลื่อนเป็น 22 เม.ย. 62", 2562)
    assert [(s.start.isoformat(), s.end.isoformat(), s.year_inferred) for s in spans] == [
        ("2019-03-26", "2019-03-27", False),
        ("2019-04-22", "2019-04-22", False),
    ]
    assert (asked, notes) == ([], [])
    spans, notes = thaidates.find_dates("ส่งภายใน 22 เม.ย. 62 และรายงานผลภายใน 5 พ.ค.", 2562)
    assert len(asked) == 1
    assert [(s.start.isoformat(), s.year_inferred) for s in spans] == [("2019-04-22", False), ("2019-05-05", True)]
    assert [n.message for n in notes] == ["'5 พ.ค.' has no year; 2562 was taken from '22 เม.ย. 62' earlier in the text"]


def test_a_text_without_digits_holds_no_figure_and_is_not_scanned(monkeypatch):
    from cddbrief import quantities

    """No digit, no figure: nothing of the figure reader runs past one search (roles are not assigned to nothing)."""
    monkeypatch.setattr(quantities, "assign_roles", lambda *a: pytest.fail("roles were assigned"))
    assert quantities.find_quantities("ขอให้ประสานหน่วยงานที่เกี่ยวข้อง") == ([], [])


@pytest.mark.parametrize("extra,odd,controls", [("\u00a0", 1, 0), ("\x0b", 0, 1), ("\x00\u200b", 1, 1), ("", 0, 0)])
def test_the_text_of_a_dump_is_cleaned_and_counted_as_before(extra, odd, controls):
    """Odd spaces and control characters (\\x0b is both: a line break Word writes, and a control) are counted once."""
    from cddbrief.meeting import parse_document

    text = f"สพอ.เถิน ร่วมประชุม ครั้งที่ 6/2566\n1. กองทุนหมู่บ้าน ให้รายงาน{extra}12 กองทุน\n2. ผ้าไทย ให้แต่งกายทุกวันอังคาร\n"
    parsed = parse_document(read_bytes(text.encode(), "p.txt"))
    messages = [n.message for n in parsed.notes]
    assert (f"{odd} non-breaking or zero-width spaces were read as plain spaces" in messages) == bool(odd)
    assert (f"{controls} control characters (NUL and the like) were removed" in messages) == bool(controls)
    assert [q.value for i in parsed.items for d in i.directives for q in d.quantities] == [12]


@pytest.mark.parametrize("seed", range(3))
def test_a_utf8_dump_is_judged_from_its_bytes_as_from_its_text(seed):
    """The Thai share and the count of control characters, told from the UTF-8 bytes, are the text's own."""
    from cddbrief.sources.text import _looks_like_text, _utf8_looks_like_text
    from cddbrief.thaitext import thai_share, thai_share_of_utf8

    rng = random.Random(seed)
    alphabet = list("กขเแ์ab Z1\n\t.ๆ๙") + [
        "\x00",
        "\x07",
        "\x1f",
        "\x7f",
        "\u00a0",
        "…",
        "–",
        "\u0e7f",
        "\u0e80",
        "é",
        "\u0900",
        "😀",
        "\r",
    ]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        data = text.encode("utf-8")
        assert thai_share_of_utf8(data, len(text)) == thai_share(text), repr(text)
        assert _utf8_looks_like_text(data, text) == _looks_like_text(text), repr(text)


def test_a_dump_with_too_many_control_bytes_is_refused():
    """Valid UTF-8 full of control bytes is binary data decoded by luck, whichever way it is judged."""
    from cddbrief.errors import UnreadableSource
    from cddbrief.sources.text import decode_text

    with pytest.raises(UnreadableSource):
        decode_text(("ครั้งที่ 4/2562" + "\x01\x02\x03").encode("utf-8") * 3)
    assert decode_text("ครั้งที่ 4/2562\x01\n".encode()) == ("ครั้งที่ 4/2562\x01\n", "utf-8")
