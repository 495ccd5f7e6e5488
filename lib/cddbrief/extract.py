"""Run the extractors on any piece of Thai text (``cddbrief extract``).

For analysts checking a sentence, and for testing the extractors on real
text. No meeting supplies a year here, so a date written without one stays
without one (start and end None) unless ``year_be`` is given.
"""

from __future__ import annotations

import re

from .model import Note, _date_dict, _quantity_dict
from .quantities import find_quantities
from .thaidates import find_dates, find_recurrences
from .thaitext import collapse, normalise_spaces, to_arabic_digits

_MEETING_REF = re.compile(r"ครั้ง\s*ที่\s*(?P<no>\d{1,3})\s*/\s*(?P<year>\d{4}|\d{2})(?!\d)")


def extract_text(text: str, year_be: int | None = None) -> dict:
    """Figures, dates and meeting references of a text, as JSON-ready dicts.

    >>> r = extract_text("ประชุมครั้งที่ ๔/๒๕๖๒ วันที่ 24 เม.ย. 62 งบประมาณ 15.8 ล้านบาท")
    >>> r["meetings"], r["dates"][0]["start"], r["quantities"][0]["value"]
    ([{'number': 4, 'year_be': 2562}], '2019-04-24', 15800000)
    """
    text = collapse(normalise_spaces(text))
    spans, date_notes = find_dates(text, year_be)
    quantities, qty_notes = find_quantities(text, [(s.begin, s.finish) for s in spans])
    notes = list(date_notes) + list(qty_notes)
    for s in spans:
        if s.start is None:
            notes.append(Note("inferred", f"'{s.surface}' has no year and no meeting gives one; give --year to read it", surface=s.surface, th=f"'{s.surface}' ไม่ระบุปี และไม่มีการประชุมให้อ้างอิงปี ระบุปีด้วย --year"))
        elif s.year_inferred:
            notes.append(Note("inferred", f"'{s.surface}' has no year; {s.start.year + 543} was taken from the text around it", surface=s.surface, th=f"'{s.surface}' ไม่ระบุปี ใช้ปี {s.start.year + 543} จากข้อความใกล้เคียง"))
    meetings = []
    for match in _MEETING_REF.finditer(to_arabic_digits(text)):
        year = int(match.group("year"))
        meetings.append({"number": int(match.group("no")), "year_be": 2500 + year if year < 100 else year})
    return {
        "quantities": [_drop_position(_quantity_dict(q)) for q in quantities],
        "dates": [_drop_position(_date_dict(s)) for s in spans],
        "recurrences": [{"rule": r.rule, "day": r.day, "first": r.first.isoformat() if r.first else None, "surface": r.surface} for r in find_recurrences(text, spans)],
        "meetings": meetings,
        "notes": [{"kind": n.kind, "message": n.message, "surface": n.surface} for n in notes],
    }


def _drop_position(record: dict) -> dict:
    """No item or directive outside a meeting."""
    return {k: v for k, v in record.items() if k not in ("item", "directive")}
