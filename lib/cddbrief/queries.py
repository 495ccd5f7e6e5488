"""Questions analysts ask of the corpus frames, as short functions (used by notebooks/explore.ipynb).

Each takes the frames of ``cddbrief.load_corpus`` (or ``cddbrief.frames``) and
returns a DataFrame, so a notebook cell is one call and a test can check it.
"""

from __future__ import annotations

from datetime import date, timedelta


def deadlines_within(f, start: date | str, days: int = 30):
    """Dated actions due within ``days`` days from ``start`` (``when``: the start, or a window's last
    day; moved, superseded dates left out).

    >>> import cddbrief                                                     # doctest: +SKIP
    >>> deadlines_within(cddbrief.load_corpus(), "2019-04-20", 30)          # doctest: +SKIP
    """
    import pandas as pd

    first = pd.Timestamp(start)
    last = first + timedelta(days=days)
    d = f.dates
    rows = d[(d["when"] >= first) & (d["when"] < last) & (d["role"].fillna("") != "original")]
    return rows.sort_values(["when", "meeting", "item"])[["when", "start", "end", "meeting", "office", "item", "topic", "surface", "actors", "sentence"]]


def figures_in(f, unit: str = "บาท"):
    """Every figure in one unit (Thai as written, or % ), with topic totals first.

    Returns (by topic: count and sum, every row)."""
    q = f.quantities[f.quantities["unit"] == unit]
    by_topic = q.groupby(["topic"], sort=True)["value"].agg(["count", "sum"]).sort_values("sum", ascending=False)
    rows = q[["meeting", "office", "item", "topic", "value", "per", "entity", "surface", "sentence"]]
    return by_topic, rows


def asking(f, actor: str = "จังหวัด"):
    """Directives that ask this actor (จังหวัด, อำเภอ, ส่วนกลาง, กรม…) to act, as far as the text says."""
    d = f.directives
    mask = d["actors"].fillna("").str.split(", ").apply(lambda who: actor in who)
    return d[mask][["meeting", "office", "item", "topic", "directive", "text"]]


def failing_checks(f):
    """Arithmetic checks that do not hold: the figures in a document disagree with each other."""
    c = f.checks
    return c[c["holds"].fillna(True) == False][["meeting", "office", "item", "topic", "statement", "evidence"]]  # noqa: E712


def upcoming_from(f, as_of: date | str | None = None):
    """A default date to look ahead from: ``as_of``, else the earliest dated action in the corpus."""
    import pandas as pd

    if as_of is not None:
        return pd.Timestamp(as_of)
    starts = f.dates["when"].dropna()
    return starts.min() if len(starts) else pd.Timestamp(date.today())
