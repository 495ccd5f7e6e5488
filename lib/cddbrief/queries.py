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
    told = d["passage"].notna() & ~d["context"].isin(
        ["asked", "decided"]
    )  # a reported date, the meeting's own: no deadline
    rows = d[(d["when"] >= first) & (d["when"] < last) & (d["role"].fillna("") != "original") & ~told.fillna(False)]
    return rows.sort_values(["when", "meeting", "item"])[
        ["when", "start", "end", "meeting", "office", "item", "topic", "surface", "actors", "sentence"]
    ]


def figures_in(f, unit: str = "บาท"):
    """Every figure in one unit (Thai as written, or % ), with topic totals first.

    Only totals are added up: a per-unit rate (``หมู่บ้านละ 18,000 บาท``), a part of a total
    stated beside it, or a share is never added to a total (``role``). By topic: ``count`` (every
    figure), ``sum`` (of the totals), ``rates`` and ``parts`` (how many were left out of the sum).

    Returns (by topic, every row with its role)."""
    q = f.quantities[f.quantities["unit"] == unit]
    role = q["role"].fillna("total")
    by_topic = (
        q.assign(
            total=q["value"].where(role == "total", 0),
            rate=(role == "rate").astype(int),
            part=(role == "part").astype(int),
        )
        .groupby(["topic"], sort=True)
        .agg(count=("value", "size"), sum=("total", "sum"), rates=("rate", "sum"), parts=("part", "sum"))
    )
    by_topic = by_topic.sort_values("sum", ascending=False)
    rows = q[["meeting", "office", "item", "topic", "value", "role", "per", "entity", "surface", "sentence"]]
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


def reference(f, as_of: date | str | None = None):
    """The day to look ahead from, and why, as (Timestamp, reason): ``as_of`` when given; else the
    newest meeting's date; else, when its write-up gives none, its latest plausible date (the first
    day-precise action in force it sets in its own year: it cannot have been held later).

    >>> import cddbrief                                                     # doctest: +SKIP
    >>> reference(cddbrief.load_corpus())                                  # doctest: +SKIP
    (Timestamp('2019-03-25 00:00:00'),
     'no meeting date in 2562-04: the first day it sets for an action, the latest it can have been held')
    """
    import pandas as pd

    if as_of is not None:
        return pd.Timestamp(as_of), "as_of"
    items = f.items.dropna(subset=["meeting"])
    if items.empty:
        return pd.Timestamp(date.today()), "today: no meeting in the data"
    newest = items["meeting"].max()
    held = items[items["meeting"] == newest]["meeting_date"].dropna()
    if len(held):
        return pd.Timestamp(held.min()), f"the date of meeting {newest}"
    year_ce = int(str(newest)[:4]) - 543
    d = f.dates[(f.dates["meeting"] == newest) & (f.dates["role"].fillna("") != "original")]
    for precision in ("day", "month"):
        starts = d[(d["precision"] == precision) & d["start"].dt.year.isin([year_ce, year_ce + 1])]["start"].dropna()
        if len(starts):
            return (
                starts.min(),
                f"no meeting date in {newest}: the first day it sets for an action, the latest it can have been held",
            )
    return pd.Timestamp(date.today()), f"today: {newest} gives no date to count from"
