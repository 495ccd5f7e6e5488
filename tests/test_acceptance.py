"""The spec of meeting 4/2562: every `must`, and the `should`s we meet.

The spec is what a careful human reads out of the sample; each assertion
compares values, not existence.
"""

from __future__ import annotations

import pytest

from cddbrief.thaitext import collapse


def _collapse(text: str) -> str:
    return collapse(text)


def test_meeting_header_must(sample_json, spec):
    meeting = sample_json["meeting"]
    for key, expected in spec["meeting"]["must"].items():
        assert meeting[key] == expected, key


def test_meeting_header_should(sample_json, spec):
    meeting = sample_json["meeting"]
    for key, expected in spec["meeting"]["should"].items():
        assert meeting[key] == expected, key


def test_items_must(sample_json, spec):
    got = [(i["no"], i["inferred"], i["topic"], len(i["directives"])) for i in sample_json["items"]]
    want = [(i["no"], i["inferred"], i["topic"], i["directives"]) for i in spec["items"]["must"]]
    assert got == want


def test_topic_english_should(sample_json, spec):
    from cddbrief.glossary import topic_en

    for thai, english in spec["items"]["should"]["topic_en"].items():
        assert topic_en(thai) == english


def test_directive_starts_must(sample_json, spec):
    items = {i["no"]: i for i in sample_json["items"]}
    for no, starts in spec["directive_starts"]["must"].items():
        texts = [d["text"] for d in items[int(no)]["directives"]]
        assert len(texts) == len(starts), no
        for text, start in zip(texts, starts):
            assert text.startswith(start), (no, text[:60], start)
            assert text == _collapse(text)  # white space collapsed, numbering stripped
            assert not text[:3].rstrip().rstrip(".").isdigit()


def _match_quantity(found: list[dict], want: dict) -> dict | None:
    for q in found:
        if q["item"] == want["item"] and q["value"] == pytest.approx(want["value"]) and q["unit"] == want["unit"]:
            if "entity" in want and q["entity"] != want["entity"]:
                continue
            if "per" in want and q["per"] != want["per"]:
                continue
            return q
    return None


def test_quantities_must(sample_json, spec):
    found = sample_json["quantities"]
    missing = [w for w in spec["quantities"]["must"] if _match_quantity(found, w) is None]
    assert missing == []


def test_repaired_quantities_keep_their_source_text(sample_json, spec):
    for want in spec["quantities"]["must"]:
        if "repaired_from" in want:
            q = _match_quantity(sample_json["quantities"], want)
            assert q["surface"] == want["repaired_from"]
            assert q["repaired"] is True


def test_every_figure_quotes_its_directive(sample_meeting):
    for _, directive in sample_meeting.directives():
        for q in directive.quantities:
            assert q.span.of(directive.text) == q.surface
        for s in directive.dates:
            assert s.span.of(directive.text) == s.surface


def _spans_at(meeting, item_no: int, surface: str, kind: str) -> list[str]:
    """What was read (quantities or dates) overlapping each place the surface stands in an item."""
    hits, seen = [], 0
    for item, directive in meeting.directives():
        if item.no != item_no:
            continue
        text, at = directive.text, directive.text.find(_collapse(surface))
        while at >= 0:
            seen += 1
            end = at + len(_collapse(surface))
            if kind == "quantities":
                hits += [q.surface for q in directive.quantities if q.span.start < end and at < q.span.end]
            else:
                hits += [s.surface for s in directive.dates if s.span.start < end and at < s.span.end]
            at = text.find(_collapse(surface), at + 1)
    assert seen, (surface, "is not in item", item_no)
    return hits


def test_quantities_must_not(sample_meeting, spec):
    for bad in spec["quantities"]["must_not"]:
        assert _spans_at(sample_meeting, bad["item"], bad["surface"], "quantities") == [], bad


def test_quantities_per_should(sample_json, spec):
    for want in spec["quantities"]["should"]:
        assert _match_quantity(sample_json["quantities"], want) is not None, want


def _match_date(found: list[dict], want: dict) -> dict | None:
    for d in found:
        if d["item"] == want["item"] and d["start"] == want["start"] and d["end"] == want["end"]:
            if _collapse(d["surface"]) != _collapse(want["surface"]):
                continue
            return d
    return None


def test_dates_must(sample_json, spec):
    for want in spec["dates"]["must"]:
        got = _match_date(sample_json["dates"], want)
        assert got is not None, want
        assert got["precision"] == want.get("precision", "day"), want
        assert got["year_inferred"] is want.get("year_inferred", False), want
        if want.get("repaired"):
            assert got["repaired"] is True, want


def test_dates_must_not(sample_meeting, spec):
    for bad in spec["dates"]["must_not"]:
        assert _spans_at(sample_meeting, bad["item"], bad["surface"], "dates") == [], bad


def test_month_precision_round_two_should(sample_json, spec):
    want = next(d for d in spec["dates"]["should"] if d.get("surface") == "ก.ค. 62")
    assert _match_date(sample_json["dates"], want)["precision"] == "month"
    # and not 2 July
    assert not [d for d in sample_json["dates"] if d["start"] == "2019-07-02"]


def test_reschedules_should(sample_json, spec):
    got = {(r["item"], tuple(r["from"]), tuple(r["to"])) for r in sample_json["reschedules"]}
    for want in spec["dates"]["should"]:
        if "rescheduled" in want:
            move = want["rescheduled"]
            assert (want["item"], tuple(move["from"]), tuple(move["to"])) in got


def test_recurrence_should(sample_json):
    assert [(r["item"], r["rule"], r["day"], r["first"]) for r in sample_json["recurrences"]] == [
        (4, "monthly", 25, "2019-04-25")
    ]


def test_checks_should(sample_json):
    by_kind = {(c["item"], c["kind"]): c for c in sample_json["checks"]}
    product = by_kind[(7, "product")]
    assert (product["operands"], product["total"], product["holds"]) == ([878, 18000], 15804000, True)
    ratio = by_kind[(8, "ratio")]
    assert (ratio["operands"], ratio["total"], ratio["holds"]) == ([9585, 121150], 7.91, True)
    total = by_kind[(9, "sum")]
    assert (total["operands"], total["total"], total["holds"]) == ([21, 11, 1, 4, 7, 4, 3], 51, True)
    share = by_kind[(8, "share")]
    assert share["operands"] == [4391812, 12827456]
    assert round(share["actual"], 2) == 34.24
    assert share["holds"] is None


QUALITY = {
    "the leading line '5' before the title is not part of the table": lambda n: (
        n["kind"] == "skipped" and "'5'" in n["message"]
    ),
    "the meeting number is written with a Thai digit: 4/256๒": lambda n: (
        "Thai digit" in n["message"] and "4/256๒" in n["message"]
    ),
    "item numbers 3, 6 and 8 are missing and were inferred": None,  # checked below, one note per item
    "item 7 appears on two rows and was merged": lambda n: n["kind"] == "merged" and n["item"] == 7,
    "'97.5 9%' was read as 97.59%": lambda n: (
        n["kind"] == "repair" and "'97.5 9%'" in n["message"] and "97.59%" in n["message"]
    ),
    "'6 2' and 'มิ.ย6 2' were read as the year 62": None,
    "a stray Thai mark before 'BPM' was dropped": lambda n: (
        n["kind"] == "repair" and "stray Thai mark" in n["message"] and "BPM" in n["message"]
    ),
}


def test_quality_notes_must(sample_json, spec):
    notes = sample_json["notes"]
    assert set(spec["quality_notes"]["must"]) == set(QUALITY)
    for text, predicate in QUALITY.items():
        if predicate is not None:
            assert any(predicate(n) for n in notes), text
    inferred = {n["item"] for n in notes if n["kind"] == "inferred" and "item number" in n["message"]}
    assert inferred == {3, 6, 8}
    repaired_years = [n["surface"] for n in notes if n["kind"] == "repair" and "2562" in n["message"]]
    assert "25 มิ.ย6 2" in repaired_years and "25 ก.ย. 6 2" in repaired_years


def test_registration_window_should(sample_json, spec):
    want = next(d for d in spec["dates"]["should"] if d.get("surface") == "ปี 57 - 30 ก.ย. 61")
    got = [d for d in sample_json["dates"] if d["item"] == want["item"] and d["surface"] == want["surface"]]
    assert [(d["end"], d["precision"]) for d in got] == [(want["end"], want["precision"])]
    assert got[0]["start"] in ("2013-10-01", "2014-01-01")
