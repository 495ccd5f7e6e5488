"""The language of a page, and its words: one ``Lang``, checked once, and one ``Words`` per language.

A page (a brief, the trends page, the index and its search, an export, a calendar) is written in
Thai (Buddhist-era dates, Thai headings) or in English (Gregorian dates, names from the glossary).
Every entry point of the library that takes a language turns it into a ``Lang`` with ``as_lang``,
once, at its edge; inner code takes the ``Lang`` (or its ``Words``) and never checks it again.

``Lang`` is a ``Literal``, not an enum: the value travels as the plain text it is, into papermill
parameters, manifests, file names (``brief.en.html``), the HTML ``lang`` attribute and the
templates, and a type checker still refuses ``"fr"`` where a ``Lang`` is wanted.

``words_for(lang)`` gives the language's one ``Words`` (made once, frozen): the label texts of
``data/labels.json`` and the helpers that write dates, figures, topics, places and counts::

    >>> w = words_for("th")
    >>> w.t("meeting_no"), w.count(2, "directives_n"), w.meeting_label("2562-04")
    ('ครั้งที่', '2 ข้อสั่งการ', '4/2562')
    >>> e = words_for("en")
    >>> e.count(1, "directives_n"), e.figure(2, "ต้น"), e.meeting_label("2562-04"), e.topic("กองทุนหมู่บ้าน")
    ('1 directive', '2 trees', '4/2562 (2019)', 'Village Fund')
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib.resources import files
from types import MappingProxyType
from typing import Literal, get_args

from .errors import BadSetting, Setting

Lang = Literal["th", "en"]
LANGS: tuple[Lang, ...] = get_args(Lang)
_ERA = {"th": 543, "en": 0}  # years are written in the Buddhist era in Thai, 543 ahead of the Gregorian


def as_lang(value: object) -> Lang:
    """A language as given (a parameter, an option), checked: ``th`` or ``en``, or one clear error.

    Only the exact, lower-case codes are languages: what is given is recorded as it is (notebook
    parameters, manifests, file names), so a language has one spelling everywhere.

    >>> as_lang("en")
    'en'
    >>> as_lang("TH")
    Traceback (most recent call last):
    cddbrief.errors.BadSetting: unknown language 'TH': use Thai or English (set lang='th', lang='en')
    """
    if isinstance(value, str) and value in LANGS:
        return value  # type: ignore[return-value]  # one of LANGS
    raise _unknown(value)


def _unknown(value: object) -> BadSetting:
    return BadSetting(
        f"unknown language {value!r}", "use Thai or English", settings=[Setting("lang", lang) for lang in LANGS]
    )


def suffix(lang: Lang) -> str:
    """What a file's name carries for its language, so one never overwrites the other:
    ``brief.html`` in Thai, ``brief.en.html`` in English.

    >>> suffix("th"), suffix("en")
    ('', '.en')
    """
    return "" if lang == "th" else f".{lang}"


@cache
def labels() -> dict[str, dict[str, str]]:
    """Every label of the pages in every language, by key (``data/labels.json``):
    ``{"brief": {"th": "สรุปการประชุม", "en": "Meeting brief"}, …}``."""
    return json.loads(files("cddbrief").joinpath("data", "labels.json").read_text(encoding="utf-8"))


@cache
def _columns() -> dict:
    """Thai titles of the exports' sheets and columns (``data/columns.json``)."""
    return json.loads(files("cddbrief").joinpath("data", "columns.json").read_text(encoding="utf-8"))


@dataclass(frozen=True, eq=False)
class Words:
    """One language's words: its labels (``texts``, key → text) and how it writes dates, figures,
    names and counts. Made once per language by ``words_for``; never changed."""

    lang: Lang
    texts: Mapping[str, str]  # labels.json in this language
    sheets: Mapping[str, str]  # an export's sheet names (Thai titles; English keeps the frames' names)
    columns: Mapping[str, str]  # an export's column titles, likewise
    era: str | None  # the calendar a date column's twin is written in (``พ.ศ.``); None: no twin

    @property
    def thai(self) -> bool:
        return self.lang == "th"

    @property
    def suffix(self) -> str:
        """``""`` in Thai, ``".en"`` in English (``suffix``)."""
        return suffix(self.lang)

    # --- labels ---------------------------------------------------------------------------------

    def t(self, key: str, **values) -> str:
        """A label, its ``{fields}`` filled in.

        >>> words_for("th").t("every_month", day=25)
        'ทุกวันที่ 25 ของเดือน'
        """
        text = self.texts[key]
        return text.format(**values) if values else text

    def word(self, n: int, key: str) -> str:
        """The word for ``n`` things, singular where the language has one (label ``<key>_one``):
        ``directive`` for 1, ``directives`` for 2; ``ข้อสั่งการ`` for both."""
        return self.texts.get(f"{key}_one", self.texts[key]) if n == 1 else self.texts[key]

    def count(self, n: int, key: str) -> str:
        """``n`` and its word: ``1 directive``, ``2 directives``, ``1 ข้อสั่งการ``."""
        return f"{n} {self.word(n, key)}"

    def either(self, thai: str | None, english: str | None) -> str:
        """The text in this language where there is one, else the other: a check's statement, a note.

        >>> words_for("en").either("ตรงกัน", "holds"), words_for("th").either(None, "holds")
        ('holds', 'holds')
        """
        first, other = (thai, english) if self.thai else (english, thai)
        return first or other or ""

    # --- dates ------------------------------------------------------------------------------------

    def span(self, start: date | None, end: date | None = None, precision: str | None = "day") -> str:
        """A date or a range: Buddhist era in Thai, Gregorian in English; one day when ``end`` is None.

        >>> words_for("th").span(date(2019, 4, 22), date(2019, 4, 23)), words_for("en").span(date(2019, 4, 22))
        ('22–23 เม.ย. 2562', '22 Apr 2019')
        """
        from .thaidates import format_span_en, format_span_th

        write = format_span_th if self.thai else format_span_en
        return write(start, end if end is not None else start, precision or "day")

    def month(self, day: date) -> str:
        """A month as a chart's axis writes it: ``เม.ย. 62`` in Thai, ``Apr 19`` in English.

        >>> words_for("th").month(date(2019, 4, 1)), words_for("en").month(date(2019, 4, 1))
        ('เม.ย. 62', 'Apr 19')
        """
        from .thaidates import MONTH_ABBR_TH, MONTH_NAME_EN

        names = MONTH_ABBR_TH if self.thai else MONTH_NAME_EN
        return f"{names[day.month - 1]} {str(day.year + _ERA[self.lang])[2:]}"

    def year(self, year_be: int | None) -> str:
        """A Buddhist-era year as written, ``2562``; in English with the Gregorian year beside it.

        >>> words_for("th").year(2562), words_for("en").year(2562)
        ('2562', '2562 (2019)')
        """
        return f"{year_be}" + (f" ({year_be - 543})" if not self.thai and year_be else "")

    def meeting_number(self, number: int | None, year_be: int | None) -> str:
        """A meeting's number as written, ``4/2562``; in English with the Gregorian year beside it,
        ``4/2562 (2019)`` (never ``4/2019``: no meeting has that number)."""
        return f"{number}/{self.year(year_be)}"

    def meeting_label(self, meeting_id: str) -> str:
        """A meeting id as people write it: ``2563-04`` → ``4/2563`` (``meeting_number``); any other
        text as it is.

        >>> words_for("en").meeting_label("2563-04"), words_for("th").meeting_label("x")
        ('4/2563 (2020)', 'x')
        """
        match = re.fullmatch(r"(\d{4})-(\d{1,3})", str(meeting_id))
        if not match:
            return str(meeting_id)
        return self.meeting_number(int(match.group(2)), int(match.group(1)))

    def reference(self, day: date | None, reason: str) -> str:
        """``นับจากวันที่ 25 มี.ค. 2562 (…)``: the day a page counts past and upcoming from, and why
        (``actions.reference_day``); empty without a day."""
        if day is None:
            return ""
        return self.t("counted_from", day=self.span(day), why=self.t("reason_" + reason))

    # --- figures ----------------------------------------------------------------------------------

    def number(self, value: float) -> str:
        """A figure as a page writes it: ``2,400,000``, ``7.5`` (``formatting.number``, trailing zeros dropped)."""
        from .formatting import number

        return number(value, trim=True)

    def figure(self, value: float, unit: str) -> str:
        """``2,400,000 บาท`` in Thai; ``2,400,000 baht``, ``1 tree``, ``2 trees`` in English."""
        from .formatting import figure

        return figure(value, unit, self.lang, trim=True)

    def unit(self, thai: str, value: float | None = None) -> str:
        """A unit alone: ``ต้น`` in Thai; ``tree`` for one, ``trees`` otherwise, in English."""
        from .formatting import unit_in

        return unit_in(thai, value, self.lang)

    # --- names ------------------------------------------------------------------------------------

    def topic(self, thai: str) -> str:
        """A topic in this language (an unknown topic stays in Thai)."""
        from .glossary import topic_en

        return thai if self.thai else topic_en(thai) or thai

    def place(self, thai: str | None, province: str | None = None) -> str:
        """A province or district: ``ลำพูน`` → ``Lamphun`` (unknown: as written)."""
        from .glossary import place_en

        if not thai or self.thai:
            return thai or ""
        return place_en(thai, province) or thai

    def office(self, thai: str | None, province: str | None = None) -> str:
        """An office, in English where the gazetteer knows it (``สำนักงานพัฒนาชุมชนอำเภอแม่ทะ`` →
        ``Mae Tha District Community Development Office``)."""
        from .glossary import office_en

        if not thai or self.thai:
            return thai or ""
        return office_en(thai, province) or thai

    def who(self, actors: list[str]) -> str:
        """Who acts: ``จังหวัด, ส่วนกลาง`` in Thai; ``provinces, central units`` in English."""
        from .glossary import actor_en

        return ", ".join(actors if self.thai else [actor_en(a) for a in actors])

    # --- exports ----------------------------------------------------------------------------------

    def sheet(self, name: str) -> str:
        """A frame's sheet in a workbook: ``quantities`` → ``ตัวเลข`` in Thai, as it is in English."""
        return self.sheets.get(name, name)

    def column(self, name: str) -> str:
        """A column's header in a workbook: ``value`` → ``ค่า`` in Thai, as it is in English."""
        return self.columns.get(name, name)


@cache
def _every_words() -> dict[str, Words]:
    """Each language's one ``Words``."""
    found = {}
    for lang in LANGS:
        thai = lang == "th"
        found[lang] = Words(
            lang=lang,
            texts=MappingProxyType({key: text[lang] for key, text in labels().items()}),
            sheets=MappingProxyType(dict(_columns()["sheets"]) if thai else {}),
            columns=MappingProxyType(dict(_columns()["columns"]) if thai else {}),
            era=_columns()["buddhist_era"] if thai else None,
        )
    return found


def words_for(lang: Lang) -> Words:
    """The one ``Words`` of a language (made once). ``lang`` is a ``Lang`` already (``as_lang``);
    anything else is the error ``as_lang`` gives.

    >>> words_for("th") is words_for("th"), words_for("en").t("brief")
    (True, 'Meeting brief')
    """
    try:
        return _every_words()[lang]
    except (KeyError, TypeError):  # not a language (an unhashable value is none either)
        raise _unknown(lang) from None
