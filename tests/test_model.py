"""The model's types: closed sets of words checked when an object is made."""

from __future__ import annotations

import json
import typing
from datetime import date

import pytest

from cddbrief.errors import BadModelValue, CddbriefError
from cddbrief.model import (
    Block,
    BlockKind,
    Check,
    CheckKind,
    DateRole,
    DateSpan,
    Layout,
    Note,
    NoteKind,
    Precision,
    Quantity,
    Recurrence,
    Role,
    Source,
    SourceFormat,
)


def _check(kind: str = "product") -> Check:
    return Check(item=2, kind=kind, operands=(40.0, 5000.0), total=200000.0, actual=200000.0, holds=True, tolerance=0.005, statement="40 × 5,000 = 200,000")


def _quantity(role: str = "total") -> Quantity:
    return Quantity(value=40, unit="หมู่บ้าน", unit_key="village", surface="40 หมู่บ้าน", role=role)


MAKERS = {
    "note kind": (NoteKind, "kind", lambda word: Note(word, "อ่านเลขไทยเป็นเลขอารบิก")),
    "block kind": (BlockKind, "kind", lambda word: Block(word, "ให้อำเภอรายงานผล")),
    "check kind": (CheckKind, "kind", _check),
    "layout": (Layout, "layout", lambda word: Source("x.txt", "0" * 64, "txt", "utf-8", layout=word)),
    "file format": (SourceFormat, "format", lambda word: Source("x", "0" * 64, word, None)),
    "figure role": (Role, "role", _quantity),
    "date role": (DateRole, "role", lambda word: DateSpan(date(2022, 6, 1), date(2022, 6, 1), "day", "1 มิ.ย. 65", role=word)),
    "precision": (Precision, "precision", lambda word: DateSpan(date(2022, 6, 1), date(2022, 6, 30), word, "มิ.ย. 65")),
}


@pytest.mark.parametrize("what", MAKERS)
def test_every_word_of_a_set_makes_an_object(what):
    words, name, make = MAKERS[what]
    for word in typing.get_args(words):
        assert getattr(make(word), name) == word


@pytest.mark.parametrize("what", MAKERS)
@pytest.mark.parametrize("word", ["", "Repair", "วัน", None])
def test_a_word_outside_its_set_fails_at_construction(what, word):
    words, _, make = MAKERS[what]
    if word is None and what in ("layout", "date role"):
        make(word)  # None: not set (a source not read yet, a date that is not part of a reschedule)
        return
    with pytest.raises(BadModelValue) as caught:
        make(word)
    error = caught.value
    assert isinstance(error, CddbriefError) and isinstance(error, ValueError)
    assert error.problem.startswith(f"{word!r} is not a ")
    assert error.remedy == "use one of " + ", ".join(sorted(typing.get_args(words)))


def test_recurrence_rule_and_the_error_names_the_class_and_field():
    assert Recurrence("monthly", 15, None, "ทุกวันที่ 15 ของเดือน").rule == "monthly"
    with pytest.raises(BadModelValue, match=r"^'weekly' is not a Recurrence rule: use one of monthly$"):
        Recurrence("weekly", 15, None, "ทุกสัปดาห์")


def test_the_words_stay_plain_strings_in_json():
    note = Note("warning", "ไม่พบอำเภอในทะเบียน")
    assert type(note.kind) is str and json.dumps(note.kind) == '"warning"'
    assert _quantity("rate").role == "rate" and type(_quantity("rate").role) is str


def test_figures_and_dates_name_their_place_in_the_text_the_same_way():
    """One span convention: ``span`` (a TextSpan: start, end) on figures and dates, ``[start, end]`` in the JSON."""
    from dataclasses import fields

    from cddbrief.model import TextSpan, date_dict, quantity_dict
    from cddbrief.quantities import find_quantities
    from cddbrief.thaidates import find_dates

    text = "ให้ตำบลส่งรายงาน 14 ฉบับ ภายในวันที่ 9 ก.พ. 66"
    (day,), _ = find_dates(text, 2566)
    (figure,), _ = find_quantities(text, [day.span])
    assert (figure.span, day.span) == (TextSpan(17, 24), TextSpan(37, 46))
    assert (figure.span.of(text), day.span.of(text)) == ("14 ฉบับ", "9 ก.พ. 66")
    assert (quantity_dict(figure)["span"], date_dict(day)["span"]) == ([17, 24], [37, 46])
    for cls in (Quantity, DateSpan):
        names = {f.name for f in fields(cls)}
        assert "span" in names and not names & {"begin", "finish"}
    assert {f.name: f.type for f in fields(DateSpan)}["start"] == "date | None"  # start and end of a date are days
