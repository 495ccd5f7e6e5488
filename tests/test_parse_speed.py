"""Parsing does the work once: what makes it fast, tested by what it does, never by a clock.

Speed itself is measured by ``benchmarks/bench_parse.py``; here, on documents of
our own making in every layout and file kind (and damaged ones), the
shortcuts are checked to give what the long way gives:

- a layout reader is asked to ``fit`` only when its ``ceiling`` (cheap signals)
  says it could still win, and the ceiling never promises less than the fit gives;
"""

from __future__ import annotations

import random

import pytest

import docgen
import docgen_forms as forms
from cddbrief import readers
from cddbrief.readers import minutes, prose, read_layout, table
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
            ops = [(rng.choice(["drop", "dup", "space", "thai", "cut"]), rng.randrange(400), rng.randrange(2000)) for _ in range(4)]
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
    assert [(i.no, i.topic, len(i.directives)) for i in reading.items] == [(no, topic, n) for no, _inferred, topic, n in docgen.expected_items(m)]


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
    assert (reading.layout, fit.score) == ("prose", 0.45)
    assert "others: table 0.0, minutes 0.0" in reading.notes[0].message
