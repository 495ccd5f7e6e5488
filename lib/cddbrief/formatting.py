"""How a figure is written out: the one number formatter of checks, frames, briefs, trends and charts.

``number`` writes a value with thousands separators, a whole value with no decimals, the rest
with two decimals or with as many as the source wrote (``decimals="ร้อยละ 62.50"``);
``figure`` adds the unit in Thai or English (``1 tree``, ``2 trees``). Quoted text is cut by
``thaitext.excerpt``.
"""

from __future__ import annotations

import re

from .glossary import unit_en
from .thaitext import to_arabic_digits

_WRITTEN_NUMBER = re.compile(r"[0-9][0-9 ,]*(?:\.[0-9 ]*[0-9])?")


def decimals_written(surface: str) -> int:
    """How many decimals a figure is written with, not how many its value has.

    >>> decimals_written("ร้อยละ 62.50"), decimals_written("88.1 4%"), decimals_written("๗๓%")
    (2, 2, 0)
    """
    numbers = _WRITTEN_NUMBER.findall(to_arabic_digits(surface))
    written = numbers[-1].replace(" ", "") if numbers else ""
    return len(written.split(".", 1)[1]) if "." in written else 0


def number(value: float, decimals: int | str = 2, *, trim: bool = False, fixed: bool = False) -> str:
    """A figure as people write it: ``3,150,000``, ``4.35``.

    A whole value has no decimals (unless ``fixed``); any other has ``decimals`` of them: a count,
    or the text the figure was written as (its decimals as written). ``trim`` drops trailing
    zeros (``4.50`` → ``4.5``) where the value is 1 or more (``0.50`` stays: a value below one
    keeps its decimals, never shrinking to ``0``).

    >>> number(3150000), number(4.349), number(4.5), number(4.5, trim=True), number(0.5, trim=True)
    ('3,150,000', '4.35', '4.50', '4.5', '0.50')
    >>> number(64, fixed=True), number(64.5, decimals="ร้อยละ 64.500"), number(1234.5, decimals=0)
    ('64.00', '64.500', '1,234')
    """
    places = decimals_written(decimals) if isinstance(decimals, str) else decimals
    if float(value).is_integer() and not fixed:
        return f"{int(value):,}"
    text = f"{value:,.{places}f}"
    if trim and abs(value) >= 1 and "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def unit_in(unit: str, value: float | None, lang: str) -> str:
    """A unit in a language (a ``words.Lang``: this module stands below words.py): as written in
    Thai; in English singular for one, plural otherwise (``glossary.unit_en``); ``%`` as it is.

    >>> unit_in("ต้น", 1, "th"), unit_in("ต้น", 1, "en"), unit_in("ต้น", 2, "en"), unit_in("%", 2, "en")
    ('ต้น', 'tree', 'trees', '%')
    """
    return unit if lang == "th" or unit == "%" else unit_en(unit, value)


def figure(value: float, unit: str, lang: str = "th", *, trim: bool = False) -> str:
    """A figure with its unit: ``3,150,000 บาท`` in Thai; ``3,150,000 baht``, ``1 tree``, ``2 trees``
    in English; a percentage with no space, ``64.5%``.

    >>> figure(3150000, "บาท"), figure(3150000, "บาท", "en"), figure(1, "ต้น", "en")
    ('3,150,000 บาท', '3,150,000 baht', '1 tree')
    >>> figure(64.5, "%", trim=True)
    '64.5%'
    """
    written = number(value, trim=trim)
    if unit == "%":
        return f"{written}%"
    return f"{written} {unit_in(unit, value, lang)}"


def readable(frame, wide: tuple[str, ...] = ("text", "sentence", "statement", "evidence")):
    """A frame styled for reading in a notebook: Thai and other text left-aligned and wrapped (the
    long columns in ``wide`` given room, names and offices kept on one line), numbers with thousands
    separators and without a ``.0`` (``2,450,000``), dates as ``2019-04-22``, missing values as —.

    >>> import pandas as pd
    >>> html = readable(pd.DataFrame({"topic": ["กองทุนหมู่บ้าน"], "sum": [2450000.0], "rate": [97.5]})).to_html()
    >>> "2,450,000" in html and "2450000.0" not in html and "97.5" in html and "text-align: left" in html
    True
    """
    import pandas as pd

    kinds = pd.api.types
    numeric = [c for c in frame.columns if kinds.is_numeric_dtype(frame[c]) and not kinds.is_bool_dtype(frame[c])]
    dated = [c for c in frame.columns if kinds.is_datetime64_any_dtype(frame[c])]
    text = [c for c in frame.columns if c not in numeric and c not in dated]

    def write(value) -> str:
        return "—" if pd.isna(value) else number(float(value), trim=True)

    def day(value) -> str:
        return "—" if pd.isna(value) else value.strftime("%Y-%m-%d")

    def words(value):
        return "—" if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)) else value

    styler = frame.style.format(write, subset=numeric).format(day, subset=dated).format(words, subset=text)
    long = [c for c in text if c in wide]
    short = [c for c in text if c not in wide]
    styler = styler.set_properties(subset=short, **{"text-align": "left", "white-space": "nowrap"})
    styler = styler.set_properties(subset=long, **{"text-align": "left", "min-width": "24em", "white-space": "normal"})
    styler = styler.set_properties(subset=numeric, **{"text-align": "right", "font-variant-numeric": "tabular-nums"})
    return styler.set_table_styles([{"selector": "th", "props": [("text-align", "left")]}])
