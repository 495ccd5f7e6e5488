"""The model's types: closed sets of words checked when an object is made."""

from __future__ import annotations

import json
import typing
from dataclasses import dataclass
from datetime import date
from typing import ClassVar

import pytest

from cddbrief.errors import BadModelValue, CddbriefError
from cddbrief.model import (
    Block,
    BlockKind,
    Check,
    CheckKind,
    DateRole,
    DateSpan,
    Directive,
    Layout,
    Note,
    NoteKind,
    Precision,
    Quantity,
    Recurrence,
    Role,
    Source,
    SourceFormat,
    TextSpan,
)


def _check(kind: str = "product") -> Check:
    return Check(
        item=2,
        kind=kind,
        operands=(40.0, 5000.0),
        total=200000.0,
        actual=200000.0,
        holds=True,
        tolerance=0.005,
        statement="40 × 5,000 = 200,000",
    )


def _quantity(role: str = "total") -> Quantity:
    return Quantity(value=40, unit="หมู่บ้าน", unit_key="village", surface="40 หมู่บ้าน", role=role)


MAKERS = {
    "note kind": (NoteKind, "kind", lambda word: Note(word, "อ่านเลขไทยเป็นเลขอารบิก")),
    "block kind": (BlockKind, "kind", lambda word: Block(word, "ให้อำเภอรายงานผล")),
    "check kind": (CheckKind, "kind", _check),
    "layout": (Layout, "layout", lambda word: Source("x.txt", "0" * 64, "txt", "utf-8", layout=word)),
    "file format": (SourceFormat, "format", lambda word: Source("x", "0" * 64, word, None)),
    "figure role": (Role, "role", _quantity),
    "date role": (
        DateRole,
        "role",
        lambda word: DateSpan(date(2022, 6, 1), date(2022, 6, 1), "day", "1 มิ.ย. 65", role=word),
    ),
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

    from cddbrief.model import TextSpan
    from cddbrief.quantities import find_quantities
    from cddbrief.records import to_dict
    from cddbrief.thaidates import find_dates

    text = "ให้ตำบลส่งรายงาน 14 ฉบับ ภายในวันที่ 9 ก.พ. 66"
    (day,), _ = find_dates(text, 2566)
    (figure,), _ = find_quantities(text, [day.span])
    assert (figure.span, day.span) == (TextSpan(17, 24), TextSpan(37, 46))
    assert (figure.span.of(text), day.span.of(text)) == ("14 ฉบับ", "9 ก.พ. 66")
    assert (to_dict(figure)["span"], to_dict(day)["span"]) == ([17, 24], [37, 46])
    for cls in (Quantity, DateSpan):
        names = {f.name for f in fields(cls)}
        assert "span" in names and not names & {"begin", "finish"}
    assert {f.name: f.type for f in fields(DateSpan)}["start"] == "date | None"  # start and end of a date are days


# --- records generated from the fields ----------------------------------------------------------


def test_each_object_of_the_sample_gives_back_its_record(sample_meeting):
    from dataclasses import fields

    from cddbrief.records import from_dict, to_dict

    objects = [sample_meeting.source, *sample_meeting.notes, *sample_meeting.checks]
    objects += [found for _, d in sample_meeting.directives() for found in (*d.quantities, *d.dates, *d.recurrences)]
    assert {type(o).__name__ for o in objects} == {"Source", "Note", "Check", "Quantity", "DateSpan", "Recurrence"}
    for obj in objects:
        record = to_dict(obj)
        assert from_dict(type(obj), record) == obj
        assert to_dict(from_dict(type(obj), record)) == record
        keys = set(record) - {"message_th"}
        assert keys <= {f.name for f in fields(obj)}


def test_a_figure_outside_a_meeting_has_no_item_or_directive_keys():
    from cddbrief.records import to_dict

    figure = _quantity()
    assert list(to_dict(figure)) == [
        "value",
        "unit",
        "unit_key",
        "entity",
        "per",
        "surface",
        "span",
        "repaired",
        "role",
    ]
    figure.item, figure.directive = 3, 2
    assert list(to_dict(figure))[:3] == ["item", "directive", "value"]
    assert to_dict(Note("warning", "ไม่พบอำเภอ"))["item"] is None  # a note keeps its item key, null or not


def test_a_reschedule_is_written_as_the_days_and_surfaces_of_its_dates():
    from cddbrief.model import Reschedule
    from cddbrief.records import to_dict

    old = DateSpan(date(2023, 2, 3), date(2023, 2, 3), "day", "3 ก.พ. 66", role="original")
    new = DateSpan(date(2023, 2, 17), date(2023, 2, 18), "day", "17-18 ก.พ. 66", role="rescheduled")
    assert to_dict(Reschedule(old, new, 4, 1)) == {
        "item": 4,
        "directive": 1,
        "from": ["2023-02-03", "2023-02-03"],
        "to": ["2023-02-17", "2023-02-18"],
        "surface": ["3 ก.พ. 66", "17-18 ก.พ. 66"],
    }


def _small_meeting():
    from cddbrief.meeting import parse_document
    from cddbrief.sources import read_bytes

    text = (
        "สพอ.ทุ่งหัวช้าง ร่วมประชุม ครั้งที่ 2/2566 เมื่อวันที่ 14 กุมภาพันธ์ 2566 มีข้อสั่งการ ดังนี้\n"
        "1. ตลาดชุมชน: จัดตลาด 4 แห่ง เดิมกำหนด 3 มี.ค. 66 กำหนดเป็น 17 มี.ค. 66\n"
        "2. ผ้าไทย: แต่งกายผ้าไทย 9 อำเภอ รายงานทุกวันที่ 5 ของเดือน\n"
    )
    return parse_document(read_bytes(text.encode(), "small.txt"))


def test_meeting_from_dict_gives_the_meeting_back():
    from cddbrief.model import Meeting

    meeting = _small_meeting()
    data = json.loads(json.dumps(meeting.to_dict(), ensure_ascii=False))
    assert [
        len([r for r in data[name] if "passage" not in r])
        for name in ("quantities", "dates", "reschedules", "recurrences")
    ] == [2, 2, 1, 1]
    assert [(r["passage"], r["context"], r["surface"]) for r in data["dates"] if "passage" in r] == [
        (1, "meeting", "14 กุมภาพันธ์ 2566")
    ]
    again = Meeting.from_dict(data)
    assert again == meeting and again.id == "2566-02" and again.meeting_date == date(2023, 2, 14)
    (move,) = again.items[0].directives[0].reschedules
    assert move.old is again.items[0].directives[0].dates[0]


@pytest.mark.parametrize(
    "damage, problem",
    [
        (lambda data: data["quantities"][0].update(item=9), "the quantities record"),
        (
            lambda data: data["dates"][1].update(directive=3),
            "a reschedule names the rescheduled date '17 มี.ค. 66'",
        ),  # its date moved away
        (lambda data: data["recurrences"][0].update(item=5), "the recurrences record"),
        (
            lambda data: data["reschedules"][0].update({"from": ["2023-03-04", "2023-03-04"]}),
            "a reschedule names the original date '3 มี.ค. 66'",
        ),
        (lambda data: data["notes"][0].update(kind="note"), "'note' is not a Note kind"),
        (lambda data: data["dates"][0].update(precision="week"), "'week' is not a DateSpan precision"),
    ],
)
def test_a_record_that_does_not_fit_its_meeting_fails_clearly(damage, problem):
    from cddbrief.model import Meeting

    data = json.loads(json.dumps(_small_meeting().to_dict(), ensure_ascii=False))
    damage(data)
    with pytest.raises(BadModelValue) as caught:
        Meeting.from_dict(data)
    assert caught.value.problem.startswith(problem)


@dataclass
class _Office:
    name: str
    json_order: ClassVar = ("name", "province")


def test_a_json_order_names_only_fields_and_properties_and_plain_knows_its_types():
    from cddbrief.records import plain, to_dict

    with pytest.raises(TypeError, match="_Office.json_order names 'province', neither a field nor a property"):
        to_dict(_Office("แม่ทะ"))
    with pytest.raises(TypeError, match="no JSON for a set"):
        plain({"ลำปาง"})
    assert plain([TextSpan(3, 9), (date(2023, 1, 31),)]) == [[3, 9], ["2023-01-31"]]


def test_every_literal_field_of_the_model_is_checked():
    """Each field typed with a Literal, found from the types themselves, refuses a word outside its set."""
    from dataclasses import fields, replace

    from cddbrief import model

    examples = [
        Note("repair", "อ่านเลขไทย"), _quantity(), _check(), Block("paragraph", "ให้อำเภอรายงาน"),
        Source("x.txt", "0" * 64, "txt", None, "prose"), Recurrence("monthly", 5, None, "ทุกวันที่ 5"),
        DateSpan(date(2023, 2, 9), date(2023, 2, 9), "day", "9 ก.พ. 66", role="original"),
        model.Passage(1, "meeting", "วันที่ 9 ก.พ. 66"),
    ]  # fmt: skip
    checked = []
    for obj in examples:
        hints = typing.get_type_hints(type(obj), vars(model))
        for f in fields(obj):
            if "Literal" in str(hints[f.name]):
                with pytest.raises(BadModelValue, match=f"^'✗' is not a {type(obj).__name__} {f.name}: use one of "):
                    replace(obj, **{f.name: "✗"})
                checked.append(f"{type(obj).__name__}.{f.name}")
    # Note, Quantity, Check, Block, Passage kinds and role; Source format, layout; rule; precision, date role; contexts;
    # the deadline cell of a date and of a recurrence
    assert len(checked) == 14, checked


# --- one list per concept: the place fields first in the JSON, the frames' columns as they were ------------------


def test_each_json_order_begins_with_the_place_and_keeps_its_keys_in_order():
    """``model.PLACE`` (item, directive, passage) is written once; each key order stays as the JSON
    interface has it (tests/test_json_interface.py holds whole documents)."""
    from cddbrief.model import PLACE, Reschedule

    assert PLACE == ("item", "directive", "passage")
    assert Quantity.json_order == ("item", "directive", "passage", "context", "value", "unit", "unit_key", "entity",
                                   "per", "surface", "span", "repaired", "role")  # fmt: skip
    assert DateSpan.json_order == ("item", "directive", "passage", "context", "start", "end", "precision",
                                   "year_inferred", "repaired", "role", "surface", "span", "cell")  # fmt: skip
    assert Check.json_order == ("item", "directive", "passage", "kind", "operands", "total", "actual", "holds",
                                "tolerance", "unit", "statement", "statement_en", "evidence", "labels")  # fmt: skip
    assert Reschedule.json_order == ("item", "directive", "passage", "old", "new", "surface")
    assert Recurrence.json_order == ("item", "directive", "passage", "rule", "day", "first", "surface", "cell")
    assert Directive.json_order == ("no", "label", "text", "responsible", "due")  # the last two: a table's cells


FRAME_COLUMNS = {  # as the csv and xlsx exports and the corpus store have them: a column moved is a breaking change
    "items": ["meeting", "office", "item", "topic", "topic_en", "inferred", "merged_rows", "directives", "quantities",
              "dates", "remarks", "resolution", "meeting_date"],
    "directives": ["meeting", "office", "item", "topic", "directive", "label", "text", "actors", "quantities", "dates",
                   "responsible", "due"],  # (a table's cells: added at the end)
    "quantities": ["meeting", "office", "item", "topic", "directive", "passage", "passage_kind", "context", "value",
                   "unit", "unit_key", "unit_en", "entity", "per", "repaired", "surface", "sentence", "role"],
    "dates": ["meeting", "office", "item", "topic", "directive", "passage", "passage_kind", "context", "start", "end",
              "when", "precision", "year_inferred", "repaired", "role", "surface", "sentence", "actors", "cell"],
    "checks": ["meeting", "office", "item", "topic", "directive", "passage", "kind", "operands", "total", "actual",
               "holds", "tolerance", "unit", "statement", "statement_en", "evidence"],
    "notes": ["meeting", "office", "kind", "item", "message", "message_th", "surface"],
}  # fmt: skip


def test_the_frames_columns_are_unchanged_and_typed_as_before(sample_meeting):
    """tidy's columns are built from shared lists (the place, a check's JSON order): the frames keep
    every column in its place, and the place's numbers stay integers."""
    from cddbrief.tidy import COLUMNS, TYPES, frames

    assert COLUMNS == FRAME_COLUMNS
    made = frames(sample_meeting).as_dict()
    assert {name: frame.columns.tolist() for name, frame in made.items()} == FRAME_COLUMNS
    for name in ("quantities", "dates", "checks"):
        assert TYPES[name][0] == ["item", "directive", "passage"]
        assert all(str(made[name][column].dtype) == "Int64" for column in ("item", "directive", "passage")), name
    checks = made["checks"]
    assert len(checks) == 4 and checks["kind"].tolist().count("product") >= 1
    assert checks.loc[0, "statement"] == sample_meeting.checks[0].statement  # a check's fields, one by one
