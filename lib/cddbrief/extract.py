"""Run the extractors on any piece of Thai text (``cddbrief extract``).

For analysts checking a sentence, and for testing the extractors on real
text. No meeting supplies a year here, so a date written without one stays
without one (start and end None) unless ``year_be`` is given.
"""

from __future__ import annotations

from .meeting import MEETING_REF
from .quantities import find_quantities
from .records import to_dict
from .thaidates import as_be, find_dates, find_recurrences
from .thaitext import collapse, normalise_spaces, to_arabic_digits


def extract_text(text: str, year_be: int | None = None) -> dict:
    """Figures, dates and meeting references of a text, as JSON-ready dicts.

    >>> r = extract_text("ประชุมครั้งที่ ๔/๒๕๖๒ วันที่ 24 เม.ย. 62 งบประมาณ 15.8 ล้านบาท")
    >>> r["meetings"], r["dates"][0]["start"], r["quantities"][0]["value"]
    ([{'number': 4, 'year_be': 2562}], '2019-04-24', 15800000)
    """
    text = collapse(normalise_spaces(text))
    spans, date_notes = find_dates(text, year_be)
    quantities, qty_notes = find_quantities(text, [s.span for s in spans])
    notes = list(date_notes) + list(qty_notes)
    meetings = [
        {"number": int(match.group("no")), "year_be": as_be(match.group("year"))}
        for match in MEETING_REF.finditer(to_arabic_digits(text))
    ]
    return {
        "quantities": [to_dict(q) for q in quantities],  # outside a meeting: no item or directive keys
        "dates": [to_dict(s) for s in spans],
        "recurrences": [to_dict(r) for r in find_recurrences(text, spans)],
        "meetings": meetings,
        "notes": [{"kind": n.kind, "message": n.message, "surface": n.surface} for n in notes],
    }
