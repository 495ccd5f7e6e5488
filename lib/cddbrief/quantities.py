"""Quantities: a number with its Thai unit, and what it belongs to.

Reads ``12 จังหวัด``, ``2,400,000 บาท``, ``81.5%``, ``ร้อยละ 68.25``,
``15.8 ล้านบาท`` (15,800,000 บาท), Thai digits, and "per" relations
(``หมู่บ้านละ 18,000 บาท``: 18,000 baht per village). A figure split by a stray
space (``97.5 9%``) is joined and flagged as repaired. A range gives both its ends, each with
the unit written once (``ร้อยละ 60 – 70``, ``20 - 30 คน``) and a note that they are bounds.
In a row of a table of figures, a cell that is a bare number takes its unit from its column's head
(``18,402`` under ``ครัวเรือนเป้าหมาย``: 18,402 ครัวเรือน), said in a note: :func:`cell_figures`.
Not quantities: ordinals (``ครั้งที่ 1``, ``รอบ 2``), form names (``กพ. 7``), years, dates,
labels in Latin text (``Day 1``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from .glossary import (
    MULTIPLIERS,
    canonical_province,
    longest_province_name,
    province_pattern,
    short_forms,
    unit_alternation,
    units,
)
from .model import Note, Quantity, TextSpan
from .thaitext import to_arabic_digits

_MULTIPLIERS = MULTIPLIERS

_NUMBER = (
    r"(?P<num>"
    r"\d+\.\d\s\d(?=\s*(?:%|เปอร์เซ็นต์))"  # 97.5 9% : a decimal split by a stray space
    r"|(?:\d[^\S\n]\d{1,2}|\d\d[^\S\n]\d)(?:,\d{3})+(?:\.\d+)?"  # 1 86,450: a leading group split by a stray space
    r"|\d{1,3}(?:,\s?\d{3})+(?:\.\d+)?"  # 2,400,000 (1,234, 567 is repaired)
    r"|\d+(?:\.\d+)?"
    r")"
)


@cache
def _quantity_re() -> re.Pattern:
    return re.compile(
        rf"{_NUMBER}(?![\d/:]|\.\d|,\d)(?:\.-)?"  # 150,000.- บาท: the accountant's dash
        r"[^\S\n]*(?P<mult>ล้าน|แสน|หมื่น|พัน(?!ธ))?"
        rf"[^\S\n]*(?P<unit>{unit_alternation()})?"
    )


def _pct_before(reading: str, start: int) -> int | None:
    """Where ``ร้อยละ`` starts if it stands right before a number."""
    window_start = max(0, start - 12)
    window = reading[window_start:start].rstrip()
    return window_start + len(window) - len("ร้อยละ") if window.endswith("ร้อยละ") else None


# [0-9][0-9]*, not [0-9]+: a pattern that starts with a class lets re skip to a digit at C speed
# (a repeat first is tried at every character): the same runs in two thirds of the time
_DIGIT_RUN = re.compile(r"[0-9][0-9]*")
# What may not stand before a figure (told in Python, before _quantity_re is tried, so that a run after a
# comma or a dot, the 400 of 2,400,000, costs no match); other decimal digits (\d) too. The upper end of a
# range written with a hyphen (60-70%) is let through.
_NOT_BEFORE_FIGURE = frozenset("0123456789.,/:-ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


@cache
def _per_re() -> re.Pattern:
    """``หมู่บ้านละ`` right before a number: the figure is per village."""
    return re.compile(rf"(?P<per>{unit_alternation()})ละ\s*$")


# What before a number makes it an ordinal, a year, a code, a room or part of a name
# rather than an amount: รุ่นที่ 2, ชั้น 3, ห้อง 301, วาระ 3, ไทยแลนด์ 4.0, COVID 19.
_NOT_AMOUNT_WORDS = (
    "ที่", "รอบ", "ข้อ", "ลำดับ", "ระยะ", "รุ่น", "งวด", "หมู่", "ชั้น", "เขต", "ปี", "ปีงบประมาณ",
    "พ.ศ.", "พ.ศ", "พศ", "ค.ศ.", "ค.ศ", "ห้อง", "อาคาร", "ตึก", "วาระ", "ฉบับ", "เลขที่", "หมายเลข", "ซอย", "ถนน",
    "อันดับ", "ไทยแลนด์", "Thailand", "THAILAND",
    "โควิด", "โควิด-", "COVID", "Covid", "covid", "COVID-", "เวอร์ชัน", "version", "Version", "ห้องประชุม", "มาตรา",
    "ไตรมาส",
)  # fmt: skip
_CODE_BEFORE = re.compile(r"(?<![ก-๙])[ก-ฮ]{1,2}\.(?:[ก-ฮ]{1,2}\.)*$")  # กพ. 7, ม. 3, ภ.ง.ด. 90 : forms and codes
# the English words that number what they name (Day 2, Phase 3, Session 1): labels, whatever follows them
_LATIN_LABEL = re.compile(
    r"(?<![A-Za-z])(?:day|week|phase|session|step|part|round|module|level|zone|room|floor|no\.?|chapter|section"
    r"|stage|batch|unit|item|agenda|workshop|gen)$",
    re.IGNORECASE,
)
# a word in Latin letters right before a number (on its line): the number labels it (Day 1, Module 3)
_LATIN_WORD_BEFORE = re.compile(r"[A-Za-z][A-Za-z.\-]*[^\S\n]*$")


_MONTH_ABBRS = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.")


def _not_an_amount(reading: str, start: int, after: int, unit_after: bool = False) -> bool:
    """Whether the number at ``start`` (its digits end at ``after``) names or orders something (a label
    word, a code) rather than counting it. ``unit_after``: a unit is written right after the number, so an
    abbreviation before it names what is counted (อช. 126 คน), not a form's code (ภ.ง.ด. 90).

    >>> texts = ("ชั้น 4 ห้องน้ำ", "มีห้อง 4 ห้อง", "ตั้งไว้ที่ 4 ล้านบาท", "Day 4 คน")
    >>> [_not_an_amount(t, t.index("4"), t.index("4") + 1) for t in texts]
    [True, False, False, True]
    >>> _not_an_amount("แบบ กพ. 4", 8, 9), _not_an_amount("ผู้นำ อช. 4 คน", 10, 11, unit_after=True)
    (True, False)
    """
    window = reading[max(0, start - 14) : start].rstrip()
    if _LATIN_LABEL.search(window):
        return True  # Day 2 ผู้เข้าร่วม 40 คน: the second day, not two of anything
    if unit_after and window.endswith("ปี") and not _year_after_pi(reading[start:after]):
        return False  # งบการเงินประจำปี 11 กองทุน: eleven funds' yearly accounts (ปี 67 กองทุน… names the year)
    if window.endswith(_NOT_AMOUNT_WORDS):
        # ที่ ends words too: พื้นที่ 12 แปลง, เนื้อที่ 18 ไร่, อยู่ที่ 250 ล้านบาท are amounts; เขตพื้นที่ 3 is an area's
        # number; and a label word counted after its number (มีห้อง 4 ห้อง) is a count
        return (not window.endswith(_WORDS_ENDING_IN_THI) or window.endswith("เขตพื้นที่")) and not _counts_its_label(
            reading, window, after
        )
    if unit_after:
        return False
    return window.endswith(".") and bool(_CODE_BEFORE.search(window)) and not window.endswith(_MONTH_ABBRS)


# ที่ ends these words too, and a number after them is an amount: an area (พื้นที่ 12 แปลง), or a figure
# set or stood at (ตั้งเป้าไว้ที่ 250 ล้านบาท, อยู่ที่ 48 หมู่บ้าน)
_WORDS_ENDING_IN_THI = ("พื้นที่", "เนื้อที่", "หน้าที่", "สถานที่", "ไว้ที่", "อยู่ที่")
# label words that also count what they name: ห้อง 4 ห้อง is four rooms (ห้องประชุม counts in ห้อง)
_COUNTABLE_LABELS = {"ห้องประชุม": "ห้อง", "ห้อง": "ห้อง", "อาคาร": "อาคาร", "ตึก": "ตึก", "ชั้น": "ชั้น", "ข้อ": "ข้อ"}
# a room or a hall named after ณ or ที่, its name written on to the number: ณ ห้องเฉลิมพระเกียรติ 80 พรรษา;
# then a word after the number that no list holds (พรรษา), or a longer word a unit only starts (ศูนย์ราชการ)
# is no count (a unit written as a word of its own is: ณ ห้องประชุมอำเภอมีผู้เข้าร่วม 40 คน)
_ROOM_NAMED = re.compile(r"(?:ณ|ที่)[^\S\n]*(?:ห้อง|หอประชุม|อาคาร|ตึก)[ก-๛]{1,20}[^\S\n]*$")


def _counts_its_label(reading: str, window: str, after: int) -> bool:
    """Whether the label word before a number is counted right after it (``มีห้อง 4 ห้อง``: four rooms)."""
    label = next((word for word in _COUNTABLE_LABELS if window.endswith(word)), None)
    if label is None:
        return False
    from .thaiwords import longest_word_at

    at = after + len(reading[after:]) - len(reading[after:].lstrip())
    return longest_word_at(reading, at) == _COUNTABLE_LABELS[label]


# A unit word that is really the start of another word.
_UNIT_FALSE_START = {
    "วัน": re.compile(r"^ที่"),  # 15 วันที่ ... is a date
    "เดือน": re.compile(r"^(?:มกรา|กุมภา|มีนา|เมษา|พฤษภา|มิถุนา|กรกฎา|สิงหา|กันยา|ตุลา|พฤศจิกา|ธันวา)"),
    "ครั้ง": re.compile(r"^ที่"),
    "ปี": re.compile(r"^\s*\d"),
}
_PLACE_LEVEL_UNITS = {"province", "district", "subdistrict", "village", "community"}
_NUMBER_NEXT = re.compile(r"[^\S\n]*\d")
_WORD_OR_NUMBER_NEXT = re.compile(r"[^\S\n]*[ก-๛0-9]")
# what comes right after a figure's number when a noun the lists do not hold may be what it counts
_THAI_WORD_START = re.compile(r"[ก-ฮเ-ไ]")
_WORD_RUN = re.compile(r"[^\s\d]*")
_THAI_LETTERS = re.compile(r"[\u0e01-\u0e4e]+")
_LETTER = re.compile(r"[ก-ฮA-Za-z]")


@cache
def _label_units() -> frozenset[str]:
    """Unit words that also name a number written after them (ชั้น 5, รอบ 2): with a number next, no unit."""
    return frozenset(word for word in _NOT_AMOUNT_WORDS if word in units())


def _year_after_pi(number: str) -> bool:
    """Whether a number after ปี is the year: four digits (2567), or two of a year of the Buddhist era as written
    short (ปี 67).

    >>> [_year_after_pi(n) for n in ("2567", "67", "45", "11", "120")]
    [True, True, True, False, False]
    """
    return year_like(number) or (len(number) == 2 and number.isdecimal() and 40 <= int(number) <= 99)


def year_like(number: str) -> bool:
    """A number written as a year could be: four digits, Buddhist era 2400–2700 or Christian 1900–2100
    (``ให้สร้าง 2567 โรงเรือน`` is more likely a year than 2,567 greenhouses).

    >>> [year_like(n) for n in ("2567", "2019", "2701", "1899", "256", "2,567")]
    [True, True, False, False, False, False]
    """
    return number.isdecimal() and len(number) == 4 and (2400 <= int(number) <= 2700 or 1900 <= int(number) <= 2100)


def _may_count(reading: str, match: re.Match, start: int) -> bool:
    """Whether the number of a match without a unit may count a noun no list holds, told without the
    dictionary: a whole number, not a year (2566, 2023) unless written with a comma or a multiplier,
    after a word on its line (a number that opens a line numbers it) that is not in Latin letters (a
    number in Latin text labels it: ``Day 1 ที่ประชุม``) and with the start of a Thai word right after
    it (on the same line).

    >>> [_may_count(t, _quantity_re().match(t, t.index("2")), t.index("2")) for t in ("ตลาดนัด 2 บูท", "Session 2 บูท")]
    [True, False]
    """
    number = match.group("num")
    if "." in number or " " in number or not _THAI_WORD_START.match(reading, match.end()):
        return False
    line_start = reading.rfind("\n", max(0, start - 40), start) + 1
    if not _LETTER.search(reading, max(line_start, start - 40), start):
        return False  # a number that opens its line (3 อาหารกลางวัน): a row's or a point's, not a count
    if _LATIN_WORD_BEFORE.search(reading, max(line_start, start - 40), start):
        return False  # Day 1 ที่ประชุม, Module 3 การตลาด: a number in Latin text labels, it counts no Thai word
    if year_like(number) and not match.group("mult"):
        return False
    return True


def _counted_noun(reading: str, at: int) -> str | None:
    """The noun a number counts when no unit list holds it: the longest word of the Thai dictionary
    at ``at``, unless it is a function word (ของ, ให้ …), the text there opens with what counts
    nothing (``not_counted.csv``: นาฬิกา, ดำเนินการ …), or a number follows it (อาคาร 2: it names
    that number).

    >>> _counted_noun("ตลาดนัด 24 บูท", 11), _counted_noun("เวลา 10 นาฬิกา", 8), _counted_noun("301 อาคาร 2", 4)
    ('บูท', None, None)
    >>> _counted_noun("ต่อยอด 1 เขตตรวจ 1 ชุมชน", 9), _counted_noun("มี 2 เขตการปกครอง", 5)
    (None, 'เขตการปกครอง')
    """
    from .glossary import not_counted
    from .thaiwords import is_function_word, longest_word_at

    if not_counted().match(reading, at):
        return None
    noun = longest_word_at(reading, at)
    if noun is None or not _THAI_LETTERS.fullmatch(noun) or is_function_word(noun):
        return None  # ก. (an abbreviation) is no noun
    if _NUMBER_NEXT.match(reading, at + len(noun)):
        return None
    if noun in _NOT_AMOUNT_WORDS and _NUMBER_NEXT.match(reading, _WORD_RUN.match(reading, at).end()):
        return None  # 1 เขตตรวจ 1: a word that names numbers, naming the one after its phrase
    return noun


# one X, one Y: a figure 1 right before another 1 and a Thai word, or right after one
_ONE_NEXT = re.compile(r"[^\S\n]*1(?![\d.,])[^\S\n]*[ก-๛]")
_ONE_BEFORE = re.compile(r"(?<![\d.,])1[^\S\n]*(?!(?:ใน|จาก)[^\S\n]*$)[ก-๛]+[^\S\n]*$")  # (1 ใน 1 ตำบล: a ratio)


def _one_each(reading: str, start: int, end: int) -> bool:
    """Whether the figure 1 between ``start`` and ``end`` pairs one thing with one other (``1 ตำบล 1 กลุ่ม``,
    a programme's name: one group in each subdistrict) rather than counting one.

    >>> _one_each("โครงการ 1 ตำบล 1 กลุ่ม", 8, 14), _one_each("โครงการ 1 ตำบล 1 กลุ่ม", 15, 22)
    (True, True)
    >>> _one_each("มี 1 ตำบล และ 1 กลุ่ม", 3, 9), _one_each("แล้ว 1 ใน 1 ตำบล", 10, 16)
    (False, False)
    """
    return bool(_ONE_NEXT.match(reading, end) or _ONE_BEFORE.search(reading, max(0, start - 30), start))


_WHOLE_KINDS = {"count", "place"}  # counted things come whole: 2.4 โครงการ is a sub-point's number

# Telephone and fax numbers, with their extension, are never figures: a number with a
# phone word before it (โทร. 0 2141 6000 ต่อ 12). Dashed numbers (053-511-234) never
# reach a unit. Looked at only before a figure about to be kept: most texts have none.
_PHONE_BEFORE = re.compile(
    r"(?:โทร(?:ศัพท์|สาร)?|แฟกซ์|มือถือ|เบอร์(?:โทร)?|Tel|TEL|Fax|FAX)\.?\s*:?\s*[0-9][0-9 \-]*(?:ต่อ\s*)?$"
)
_PHONE_WORDS = ("โทร", "แฟกซ์", "มือถือ", "เบอร์", "Tel", "TEL", "Fax", "FAX")  # the words _PHONE_BEFORE starts with
ENTITY_REACH = 100  # characters: how far back a place name may stand from its figure


def find_quantities(
    text: str,
    skip_spans: Sequence[tuple[int, int]] = (),
    *,
    item: int | None = None,
    directive: int | None = None,
    cells: Sequence[tuple[int, int, str]] = (),
) -> tuple[list[Quantity], list[Note]]:
    """Find the quantities in a piece of Thai text; spans index ``text``.

    ``skip_spans`` are character spans already read as something else (dates);
    ``item`` and ``directive`` say where the text stands, and each figure is made with them.
    ``cells``: where the text is a row of a table of figures, each cell's (start, end) and its column's
    head; a cell that is a bare number takes its unit from its head (:func:`cell_figures`).

    >>> qs, _ = find_quantities("ดำเนินการ 120 หมู่บ้านหมู่บ้านละ 20,000 บาท คือน่าน 81.2 5%")
    >>> [(q.value, q.unit, q.per, q.entity, q.surface) for q in qs]
    [(120, 'หมู่บ้าน', None, None, '120 หมู่บ้าน'), (20000, 'บาท', 'หมู่บ้าน', None, '20,000 บาท'),
     (81.25, '%', None, 'น่าน', '81.2 5%')]
    """
    reading = to_arabic_digits(text)
    if _DIGIT_RUN.search(reading) is None:
        return [], []  # no digit, no figure
    if cells:
        from_cells, cell_notes = cell_figures(text, cells, item=item, directive=directive)
        taken = [(q.span.start, q.span.end) for q in from_cells]
        rest, notes = find_quantities(text, [*skip_spans, *taken], item=item, directive=directive)
        return sorted([*from_cells, *rest], key=lambda q: q.span.start), cell_notes + notes
    places = None  # place names are looked for only when a figure needs them
    known, shorts = units(), short_forms()
    quantity_re, per_re = _quantity_re(), _per_re()
    found: list[Quantity] = []
    notes: list[Note] = []
    consumed = 0
    skip = sorted(skip_spans)
    next_skip = 0  # digit runs come in order, so one pointer walks the spans to skip
    # words looked for before every figure, looked for once in the whole text first: most texts have none
    percent_words = "ร้อยละ" in reading
    phone_words = None  # looked for when a figure first needs it
    range_lowers: dict[int, Quantity] = {}  # where the upper end of a range starts -> its lower end, found
    for run in _DIGIT_RUN.finditer(reading):
        start = run.start()  # a figure starts where its digits do (nothing is matched before them)
        if start < consumed:
            continue
        while next_skip < len(skip) and skip[next_skip][1] <= start:
            next_skip += 1
        if next_skip < len(skip) and skip[next_skip][0] <= start:
            continue  # inside a date: not worth a match
        lower = range_lowers.pop(start, None)  # the lower end of the range this number closes, if any
        after_date = next_skip > 0 and skip[next_skip - 1][1] == start  # 5 ก.ค.30 คน: the date's dot is no code's
        if (
            start
            and (reading[start - 1] in _NOT_BEFORE_FIGURE or reading[start - 1].isdecimal())
            and lower is None
            and not after_date
        ):
            continue  # 2,400,000 has one figure; a number after a code, a slash or a letter is none
        match = quantity_re.match(reading, start)
        if not match:
            continue
        end = match.end()
        pct_at = _pct_before(reading, start) if percent_words else None
        unit = match.group("unit")
        if pct_at is not None:
            start = pct_at
            unit, end = "%", match.end("num")
        number = match.group("num")
        multiplier = match.group("mult")
        counted = None  # a noun no list holds, counted (24 บูท)
        borrowed = None  # where a unit written elsewhere was given to this number: the words that gave it
        if not unit and lower is not None:
            unit, end = lower.unit, match.end("num")  # ร้อยละ 60 – 70: the unit written once, before the range
        elif not unit:
            upper = _range_upper(reading, match)
            whole = _ratio_whole(reading, match) if upper is None else None
            named = _unit_named_before(reading, start, match) if upper is None and whole is None else None
            if upper is not None:  # 20 – 30 คน, 3 - 5 ล้านบาท: the unit (and multiplier) written once, after it
                unit, multiplier, end = upper.group("unit"), upper.group("mult"), match.end("num")
            elif whole is not None:  # 4 ใน 5 ตำบล: a part of the whole after it, counted in its unit
                unit, end = whole.group("unit"), match.end("num")
                borrowed = text[start : whole.end("unit")]
            elif named is not None:  # จำนวน ครัวเรือน 120: the unit written before its number
                unit, end = named, match.end("num")
                borrowed = text[reading.rindex(named, 0, start) : end]
            elif not _may_count(reading, match, start):
                continue
        elif _unit_refused(reading, match):
            continue
        labelled = not (multiplier and unit) and not (borrowed and named)  # (the unit before it is no label)
        unit_ends_word = bool(match.group("unit")) and not _THAI_LETTERS.match(reading, match.end())  # (ศูนย์ราชการ)
        if pct_at is None and labelled and _not_an_amount(reading, start, match.end("num"), unit_ends_word):
            continue  # (no label or ordinal is written with a multiplier and a unit: ที่ 250 ล้านบาท is an amount)
        if phone_words is None:
            phone_words = any(word in reading for word in _PHONE_WORDS)
        if phone_words and _PHONE_BEFORE.search(reading, max(0, start - 40), start):
            continue
        if not unit:
            counted = _counted_noun(reading, match.end())
            if counted is None:
                continue
            unit = counted
        if (counted or _THAI_LETTERS.match(reading, match.end())) and _ROOM_NAMED.search(
            reading, max(0, start - 40), start
        ):
            continue  # ณ ห้องประชุมดอกแก้ว 3 ศาลากลาง, … 1 ศูนย์ราชการ: the number ends the room's name
        if unit in shorts:
            if multiplier:
                continue  # 2 ล้าน ลบ.: a multiplier on a short form that holds one is no amount to guess at
            multiplier, unit = shorts[unit]  # 15.8 ลบ.: 15.8 ล้านบาท, its surface as written
        if known[unit].kind in _WHOLE_KINDS and not multiplier and "." in number:
            continue  # 2.4 โครงการ…, 1.1 เรื่อง…, ไทยแลนด์ 4.0 ชุมชน: a number, not a count
        consumed = match.end()
        repaired = " " in number
        value = _value(number)
        if multiplier:
            value = value * _MULTIPLIERS[multiplier]
        if counted:
            end = match.end() + len(counted)
        elif pct_at is None and match.group("unit"):
            end = match.end("unit")
        if number == "1" and _one_each(reading, start, end):
            continue  # 1 ตำบล 1 ผลิตภัณฑ์: one of each, the name of a programme, not two counts of one
        surface = text[start:end]
        if not abs(value) < MAX_VALUE:
            notes.append(
                Note(
                    "skipped",
                    f"the figure '{surface[:40]}…' is too large to be a figure of a meeting; it was not read",
                    surface=surface[:80],
                    th=f"ตัวเลข '{surface[:40]}…' ใหญ่เกินกว่าจะเป็นตัวเลขของการประชุม จึงไม่ได้อ่าน",
                )
            )
            continue
        value = _tidy(value)
        info = known[unit]
        per = None
        window = reading[max(0, start - 20) : start]
        per_match = per_re.search(window) if "ละ" in window else None
        if per_match:
            per = per_match.group("per")
        entity = None
        if info.key not in _PLACE_LEVEL_UNITS:
            places = _Places(reading) if places is None else places
            entity = places.before(start)
        quantity = Quantity(
            value=value,
            unit="%" if info.kind == "percent" else unit,
            unit_key=info.key,
            surface=surface,
            span=TextSpan(start, end),
            item=item,
            directive=directive,
            entity=entity,
            per=per,
            repaired=repaired,
        )
        found.append(quantity)
        upper_at = _range_upper_start(reading, match.end("num"))
        if upper_at is not None:
            range_lowers[upper_at] = quantity  # read the other end with this unit, and say they are one range
        if lower is not None:
            notes.append(_range_note(text, lower, quantity))
        if borrowed:
            notes.append(
                Note(
                    "inferred",
                    f"'{surface}' was read as {_plain(value)} {unit}, the unit written beside it ('{borrowed}')",
                    surface=borrowed,
                    th=f"อ่าน '{surface}' เป็น {_plain(value)} {unit} โดยใช้หน่วยที่เขียนไว้ข้างกัน ('{borrowed}')",
                )
            )
        if counted:
            notes.append(
                Note(
                    "inferred",
                    f"'{surface}' was read as a count of {counted},"
                    " a word of the Thai dictionary that no unit list holds",
                    surface=surface,
                    th=f"อ่าน '{surface}' เป็นจำนวน{counted} (คำในพจนานุกรมที่ไม่อยู่ในรายการหน่วยนับ)",
                )
            )
        if repaired:
            notes.append(
                Note(
                    "repair",
                    f"'{surface}' was read as {_plain(value)}{'%' if info.kind == 'percent' else ' ' + unit}",
                    surface=surface,
                    th=f"อ่าน '{surface}' เป็น {_plain(value)}{'%' if info.kind == 'percent' else ' ' + unit}",
                )
            )
    assign_roles(found, reading)
    return found, notes


# --- the cells of a table of figures -----------------------------------------------------------------

_HEAD_PERCENT = ("ร้อยละ", "%", "เปอร์เซ็นต์")
_HEAD_PART = "แล้ว"  # จัดเก็บแล้ว, เบิกจ่ายแล้ว: a part of the row's total (เป้าหมาย, ทั้งหมด)
_COUNTED_IN_HEAD = "จำนวน"  # จำนวนรุ่น: a count of what a label word names


# a cell that is a number and nothing else: 18,402, 88.88, ๑๒๐ (a figure whose unit is its column's head)
_BARE_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")


_TOTAL_ROW = re.compile(r"^\s*(?:รวม|ยอดรวม|total\b)", re.I)


def is_total_row(label: str) -> bool:
    """Whether a table row's label says it totals the rows above it (รวมกลุ่มงาน…, รวมทั้งสิ้น).

    >>> is_total_row("รวมทั้งสิ้น"), is_total_row("รวมกลุ่มงานส่งเสริมฯ"), is_total_row("ตลาดนัดชุมชน")
    (True, True, False)
    """
    return bool(_TOTAL_ROW.match(label))


def is_bare_number(cell: str) -> bool:
    """Whether a cell holds a number and nothing else (Thai digits too).

    >>> is_bare_number(" 18,402 "), is_bare_number("๘๘.๘๘"), is_bare_number("3 อำเภอ"), is_bare_number("2.")
    (True, True, False, False)
    """
    return _BARE_NUMBER.fullmatch(to_arabic_digits(cell.strip())) is not None


def head_unit(head: str) -> tuple[str | None, str | None]:
    """The unit a column's head gives the bare numbers under it, and the multiplier written before it: the
    longest listed unit word among the head's words (``%`` for ร้อยละ); (None, None) for a head that names
    none, or one that names what a number labels (ปี, ลำดับที่, หมู่).

    >>> head_unit("ครัวเรือนเป้าหมาย"), head_unit("จัดเก็บแล้ว (ครัวเรือน)"), head_unit("ร้อยละ")
    (('ครัวเรือน', None), ('ครัวเรือน', None), ('%', None))
    >>> head_unit("งบประมาณ (ล้านบาท)"), head_unit("อำเภอ"), head_unit("ปี"), head_unit("หมายเหตุ")
    (('บาท', 'ล้าน'), ('อำเภอ', None), (None, None), (None, None))
    >>> head_unit("เบิกจ่ายแล้ว (ลบ.)"), head_unit("ลบ")  # ลบ with no dot may be the verb (delete)
    (('บาท', 'ล้าน'), (None, None))
    """
    from .thaiwords import pieces

    if any(word in head for word in _HEAD_PERCENT):
        return "%", None
    short = next((word for word in short_forms() if word.endswith(".") and word in head), None)
    if short is not None:
        return short_forms()[short][1], short_forms()[short][0]  # งบประมาณ (ลบ.): millions of baht
    found: list[tuple[str, str | None]] = []
    for run in _THAI_LETTERS.findall(head):
        words = [word for word, _ in pieces(run)]
        for n, word in enumerate(words):
            if word in units() and units()[word].kind != "percent" and word not in short_forms():
                found.append((word, words[n - 1] if n and words[n - 1] in _MULTIPLIERS else None))
    if not found:
        return None, None
    unit, multiplier = max(found, key=lambda pair: len(pair[0]))
    if unit in _NOT_AMOUNT_WORDS and _COUNTED_IN_HEAD not in head:
        return None, None
    return unit, multiplier


def cell_figures(
    text: str, cells: Sequence[tuple[int, int, str]], *, item: int | None = None, directive: int | None = None
) -> tuple[list[Quantity], list[Note]]:
    """The figures of a row of a table of figures: each cell that is a bare number, with the unit its head
    gives, its surface the number as written at its own span, an ``inferred`` note naming the head; its
    entity the place the row's text cell names (a province or district the gazetteer knows); its role
    from the head (เป้าหมาย: total, …แล้ว: part, ร้อยละ: share). A text cell takes no unit.

    >>> text = "ธาตุพนม 18,402 16,355 88.88"
    >>> cells = [(0, 7, "อำเภอ"), (8, 14, "ครัวเรือนเป้าหมาย"), (15, 21, "จัดเก็บแล้ว (ครัวเรือน)"), (22, 27, "ร้อยละ")]
    >>> qs, notes = cell_figures(text, cells)
    >>> [(q.value, q.unit, q.surface, q.entity, q.role) for q in qs]
    [(18402, 'ครัวเรือน', '18,402', 'ธาตุพนม', 'total'), (16355, 'ครัวเรือน', '16,355', 'ธาตุพนม', 'part'),
     (88.88, '%', '88.88', 'ธาตุพนม', 'share')]
    >>> notes[0].message
    "'18,402' was read as 18,402 ครัวเรือน, the unit from its column's head 'ครัวเรือนเป้าหมาย'"
    """
    reading = to_arabic_digits(text)
    entity = next((place for a, b, _ in cells if (place := _known_place(text[a:b])) is not None), None)
    found: list[Quantity] = []
    notes: list[Note] = []
    for start, end, head in cells:
        surface = text[start:end]
        if not is_bare_number(surface):
            continue
        unit, multiplier = head_unit(head)
        if unit is None:
            continue
        value = _value(reading[start:end])
        value = _tidy(value * _MULTIPLIERS[multiplier] if multiplier else value)
        info = units()[unit]
        if not abs(value) < MAX_VALUE or (info.kind in _WHOLE_KINDS and not multiplier and "." in surface):
            continue
        role = "share" if unit == "%" else "part" if _HEAD_PART in head else "total"
        found.append(
            Quantity(value=value, unit=unit, unit_key=info.key, surface=surface, span=TextSpan(start, end), item=item,
                     directive=directive, entity=entity if info.key not in _PLACE_LEVEL_UNITS else None, role=role)
        )  # fmt: skip
        read_as = f"{_plain(value)}{'%' if unit == '%' else ' ' + unit}"
        notes.append(
            Note(
                "inferred",
                f"'{surface}' was read as {read_as}, the unit from its column's head '{head}'",
                surface=surface,
                th=f"อ่าน '{surface}' เป็น {read_as} โดยใช้หน่วยจากหัวคอลัมน์ '{head}'",
            )
        )
    return found, notes


def _known_place(cell: str) -> str | None:
    """The province or district a cell names, as the gazetteer writes it (อำเภอ, จังหวัด, อ., จ. put aside).

    >>> _known_place("อำเภอแม่ทะ"), _known_place("จ.น่าน"), _known_place("รวม")
    ('แม่ทะ', 'น่าน', None)
    """
    from .glossary import provinces, provinces_of_district

    name = re.sub(r"^(?:อำเภอ|จังหวัด|อ\.|จ\.)\s*", "", cell.strip())
    if not name or not _THAI_LETTERS.fullmatch(name):
        return None
    if name in provinces() or provinces_of_district(name):
        return name
    return canonical_province(name) if province_pattern().fullmatch(name) else None


# a range's dash (or ถึง) between its two numbers, on one line: 60 – 70, 60-70, 5 ถึง 10
_RANGE_DASH = re.compile(r"[^\S\n]*(?:[-–—−]|ถึง)[^\S\n]*")
_RANGE_UPPER = re.compile(r"[0-9]+(?:[.,][0-9]+)*(?![0-9]|\.(?![0-9]))")  # not a point's number (60 - 2. ให้…)


def _range_upper_start(reading: str, after: int) -> int | None:
    """Where the upper end of a range starts when a dash and a number follow a number's digits (ending at
    ``after``), else None.

    >>> _range_upper_start("ร้อยละ 60 – 70", 9), _range_upper_start("60-70%", 2), _range_upper_start("60 และ 70", 2)
    (12, 3, None)
    """
    dash = _RANGE_DASH.match(reading, after)
    if dash is None or dash.end() == after or not _RANGE_UPPER.match(reading, dash.end()):
        return None
    return dash.end()


def _range_upper(reading: str, lower: re.Match) -> re.Match | None:
    """The match of a range's upper end when it carries the unit the lower end (``lower``, read without
    one) shares: ``20 – 30 คน``, ``60-70%``; else None."""
    at = _range_upper_start(reading, lower.end("num"))
    if at is None:
        return None
    upper = _quantity_re().match(reading, at)
    if upper is None or not upper.group("unit") or _unit_refused(reading, upper):
        return None
    return upper


# a ratio's word between a part and its whole, on one line: 4 ใน 5 ตำบล
_RATIO_IN = re.compile(r"[^\S\n]*(?:ใน|จาก)[^\S\n]*")  # 4 ใน 5 ตำบล, 17 จาก 20 โครงการ


def _ratio_whole(reading: str, part: re.Match) -> re.Match | None:
    """The match of the whole when a number read without a unit (``part``) is followed by ``ใน`` and a
    number with a unit and no multiplier: ``4 ใน 5 ตำบล`` (4 of the 5 subdistricts, both counted in ตำบล);
    else None (``1 ในหลายตำบล`` names no whole).

    >>> [_ratio_whole(t, _quantity_re().match(t)) is not None for t in ("4 ใน 5 ตำบล", "1 ในหลายตำบล", "4 ใน 5")]
    [True, False, False]
    """
    between = _RATIO_IN.match(reading, part.end("num"))
    if between is None:
        return None
    whole = _quantity_re().match(reading, between.end())
    if whole is None or not whole.group("unit") or whole.group("mult") or _unit_refused(reading, whole):
        return None
    return None if whole.group("unit") in short_forms() else whole


# จำนวน and a listed unit right before a number: จำนวน ครัวเรือน 120, จำนวนครัวเรือน 120 (a count of households);
# only after จำนวน (a number after a unit word alone labels it: ครั้งที่ 3, หมู่ที่ 5, ห้อง 3)
_COUNT_WORD = "จำนวน"


@cache
def _named_before_re() -> re.Pattern:
    return re.compile(rf"{_COUNT_WORD}[^\S\n]*(?P<unit>{unit_alternation()})[^\S\n]*$")


def _unit_named_before(reading: str, start: int, match: re.Match) -> str | None:
    """The unit written before a number read without one, after จำนวน (``จำนวน ครัวเรือน 120``), else None:
    a year is none (``จำนวนปี 2567``), nor a short form (ลบ) or a unit of a whole number written with a
    decimal.

    >>> [_unit_named_before(t, t.index("1"), _quantity_re().match(t, t.index("1")))
    ...  for t in ("มีจำนวน ครัวเรือน 120 ให้", "ครั้งที่ 1", "จำนวนปี 1999", "ห้อง 10")]
    ['ครัวเรือน', None, None, None]
    """
    named = _named_before_re().search(reading, max(0, start - 40), start)
    if named is None or named.end() != start:
        return None
    unit, number = named.group("unit"), match.group("num")
    if year_like(number) or unit in short_forms() or (units()[unit].kind in _WHOLE_KINDS and "." in number):
        return None
    return unit


def _unit_refused(reading: str, match: re.Match) -> bool:
    """Whether the unit word a match reads is really something else: the start of a date (``15 วันที่``), a
    label naming the number after it (``ห้องประชุม 301 ชั้น 3``), or the start of a longer word that counts
    nothing (``not_counted.csv``: ``1 ข้อมูล`` is no clause, ``5 รายงาน`` no cases).

    >>> [_unit_refused(t, _quantity_re().match(t)) for t in ("1 ข้อมูล", "5 รายงาน", "5 ราย", "3 ข้อ")]
    [True, True, False, False]
    """
    from .glossary import not_counted

    unit = match.group("unit")
    if unit in _UNIT_FALSE_START and _UNIT_FALSE_START[unit].match(reading[match.end() :]):
        return True
    if unit in short_forms() and _THAI_LETTERS.fullmatch(unit[-1]) and _WORD_OR_NUMBER_NEXT.match(reading, match.end()):
        return True  # 10 ลบ 3, 2 ลบออก: the verb (subtract, delete); ลบ. with its dot, or alone, is ล้านบาท
    if unit in _label_units() and _NUMBER_NEXT.match(reading, match.end()):
        return True
    opens = _THAI_LETTERS.match(reading, match.end()) and not_counted().match(reading, match.start("unit"))
    return bool(opens) and opens.end() > match.end()


def is_range(text: str, lower: Quantity, upper: Quantity) -> bool:
    """Whether two figures of a text are the two ends of one range (``ร้อยละ 60 – 70``, ``20 - 30 คน``):
    bounds of one amount, which nothing adds.

    >>> text = "ตั้งเป้าร้อยละ 60 – 70 และ 20 คน"
    >>> qs, _ = find_quantities(text)
    >>> is_range(text, qs[0], qs[1]), is_range(text, qs[1], qs[2])
    (True, False)
    """
    between = text[lower.span.end : upper.span.start]
    return lower.unit_key == upper.unit_key and bool(between) and _RANGE_DASH.fullmatch(between) is not None


def is_ratio(text: str, part: Quantity, whole: Quantity) -> bool:
    """Whether two figures of a text are a part and the whole it is out of (``4 ใน 5 ตำบล``): one unit, the
    part no larger, ``ใน`` between them.

    >>> text = "แล้ว 4 ใน 5 ตำบล และ 6 ใน 5 ตำบล"
    >>> qs, _ = find_quantities(text)
    >>> is_ratio(text, qs[0], qs[1]), is_ratio(text, qs[2], qs[3])
    (True, False)
    """
    between = text[part.span.end : whole.span.start]
    return (
        part.unit_key == whole.unit_key
        and not part.per
        and part.value <= whole.value
        and bool(between)
        and _RATIO_IN.fullmatch(between) is not None
    )


def _range_note(text: str, lower: Quantity, upper: Quantity) -> Note:
    """The note that two figures are the ends of one range, the unit written once for both."""
    written = text[lower.span.start : upper.span.end]
    return Note(
        "inferred",
        f"'{lower.surface}' and '{upper.surface}' are the two ends of one range ('{written}'),"
        f" each read as {_plain(lower.value)} and {_plain(upper.value)} {upper.unit}: bounds, not figures to add",
        surface=written,
        th=f"'{lower.surface}' และ '{upper.surface}' เป็นค่าต่ำสุดและสูงสุดของช่วงเดียวกัน ('{written}')"
        f" อ่านเป็น {_plain(lower.value)} และ {_plain(upper.value)} {upper.unit} ซึ่งไม่นำมารวมกัน",
    )


MAX_VALUE = 1e15  # a thousand trillion: beyond any budget a meeting speaks of, and beyond float's exact integers


ROLES = ("total", "rate", "part", "share")
_LIST_CUE = re.compile(r"\s*(?:ประกอบด้วย|ได้แก่|แบ่งเป็น|แยกเป็น|จำแนกเป็น)")
_WHOLE_BEFORE = re.compile(r"(?:เป้าหมาย(?:จำนวน)?|ทั้งหมด|ทั้งสิ้น|รวม|จาก|ได้)\s*(?:จำนวน)?\s*$")
_FROM_WHOLE = re.compile(r"จาก")
_PART_BEFORE = re.compile(r"(?:ได้|แล้ว|ดำเนินการแล้ว|เสร็จแล้ว)\s*(?:จำนวน)?\s*$")
# what the text before a figure ends with (white space aside) when _WHOLE_BEFORE or _PART_BEFORE can
# find anything: told by str.endswith first, most figures need no search
_WHOLE_ENDS = ("เป้าหมาย", "ทั้งหมด", "ทั้งสิ้น", "รวม", "จาก", "ได้", "จำนวน")
_PART_ENDS = ("ได้", "แล้ว", "จำนวน")


def _part_before(before: str) -> bool:
    """``_PART_BEFORE`` finds a word that makes the next figure a part (ได้, แล้ว …) at the end of ``before``."""
    return before.rstrip().endswith(_PART_ENDS) and _PART_BEFORE.search(before) is not None


def _whole_before(before: str) -> bool:
    """``_WHOLE_BEFORE`` finds a word that makes the next figure a whole (เป้าหมาย, รวม …) at the end of ``before``."""
    return before.rstrip().endswith(_WHOLE_ENDS) and _WHOLE_BEFORE.search(before) is not None


def assign_roles(found: list[Quantity], reading: str) -> None:
    """Mark what each figure is (``Quantity.role``): a per-unit rate, a share, a part of a total
    stated beside it, or a total; in place.

    >>> qs, _ = find_quantities("งบประมาณ 2,400,000 บาท 120 หมู่บ้าน หมู่บ้านละ 20,000 บาท "
    ...                         "เป้าหมาย 500 ครัวเรือน จัดเก็บได้ 450 ครัวเรือน คิดเป็นร้อยละ 90")
    >>> [(q.value, q.role) for q in qs]
    [(2400000, 'total'), (120, 'total'), (20000, 'rate'), (500, 'total'), (450, 'part'), (90, 'share')]
    >>> qs, _ = find_quantities("รวม 51 วิชา ประกอบด้วยสมรรถนะหลัก 21 วิชา และสมรรถนะเฉพาะ 30 วิชา")
    >>> [(q.value, q.role) for q in qs]
    [(51, 'total'), (21, 'part'), (30, 'part')]
    >>> qs, _ = find_quantities("รวม 50 คน ประกอบด้วยชาย 20 – 25 คน และหญิง 25 คน")  # a range's ends are one part
    >>> [(q.value, q.role) for q in qs]
    [(50, 'total'), (20, 'part'), (25, 'part'), (25, 'part')]
    >>> qs, _ = find_quantities("ส่งแล้ว ๓ ใน ๗ ตำบล")  # a ratio: a part of the whole after it
    >>> [(q.value, q.unit, q.role) for q in qs]
    [(3, 'ตำบล', 'part'), (7, 'ตำบล', 'total')]
    """
    listing, left = None, 0.0  # a total whose parts are being listed (ประกอบด้วย …), and what of it is not yet listed
    wholes: list[Quantity] = []
    for previous, q in zip([None, *found], found):
        if previous is not None and is_range(reading, previous, q):
            q.role = previous.role  # the upper end of a range is what its lower end is, and lists nothing more
            continue
        if previous is not None and is_ratio(reading, previous, q):
            previous.role, q.role = "part", "total"  # 4 ใน 5 ตำบล: 4 of the 5
            wholes.append(q)
            continue
        if q.per:
            q.role = "rate"
            continue
        if q.unit == "%":
            q.role = "share"
            continue
        before = reading[max(0, q.span.start - 16) : q.span.start]
        if listing is not None and listing.unit_key == q.unit_key and q.value <= left + 1e-9:
            q.role = "part"
            left -= q.value
            if left <= 1e-9:
                listing = None  # the parts add up to the total: the list is over
        elif any(w.unit_key == q.unit_key and w.value > q.value for w in wholes) and _part_before(before):
            q.role = "part"
        else:
            q.role = "total"
            listing = q if _LIST_CUE.match(reading, q.span.end) else None
            left = float(q.value)
            if listing or _whole_before(before):
                wholes.append(q)
    for i, q in enumerate(found):  # เบิกจ่ายแล้ว 1,000,000 บาท จากงบประมาณ 2,400,000 บาท: the whole written after its part
        if q.role != "total" or not _part_before(reading[max(0, q.span.start - 16) : q.span.start]):
            continue
        whole = next((w for w in found[i + 1 :] if w.unit_key == q.unit_key and not w.per), None)
        if whole is not None and whole.value > q.value and _FROM_WHOLE.search(reading, q.span.end, whole.span.start):
            q.role = "part"


def _value(number: str) -> float | int:
    if (
        number.isdecimal() and len(number) < 16
    ):  # most figures: whole and exact as an int (under MAX_VALUE, as float is)
        return int(number)
    return float(number.replace(",", "").replace(" ", ""))


def _tidy(value: float | int) -> float | int:
    """Whole numbers as int, others rounded off float noise."""
    if type(value) is int:
        return value
    return int(round(value)) if abs(value - round(value)) < 1e-9 else round(value, 6)


def _plain(value: float | int) -> str:
    return f"{value:,}" if isinstance(value, int) else f"{value:,.{max(1, len(str(value).split('.')[1]))}f}"


def _place_mentions(reading: str, pos: int = 0) -> list[tuple[int, int, str]]:
    """Province names that stand as words: after จังหวัด/จ., or between word breaks.

    Thai runs words together, so a bare name counts only where a word could end
    before and after it (เผยแพร่ holds แพร่ but is not the province).
    """
    return [mention for match in province_pattern().finditer(reading, pos) if (mention := _as_word(reading, match))]


def _as_word(reading: str, match: re.Match) -> tuple[int, int, str] | None:
    before = reading[max(0, match.start() - 8) : match.start()]
    after = reading[match.end() : match.end() + 1]
    titled = _TITLED.search(before)
    left_ok = titled or not before or _LEFT_BREAK.search(before)
    right_ok = titled or not after or after.isspace() or after.isdigit() or after in ",;:()."
    return (match.start(), match.end(), canonical_province(match.group())) if left_ok and right_ok else None


_TITLED = re.compile(r"(?:จังหวัด|จ\.)\s*$")
_LEFT_BREAK = re.compile(r"(?:\s|[(,;:]|คือ|และ|ได้แก่|ของ|ที่|ใน)$")
_SPACES = (" ", "\n", "\t")  # no province name holds one, so no name runs across one


class _Places:
    """The province named last before each figure, reading the text only as far as the figures need.

    Figures come in order, so the names are read once, from a space at least
    ENTITY_REACH characters before the first figure that needs one (no name runs
    across a space, so reading from there finds what reading from the start
    would) up to the last figure, and no further: each figure's reading stops a
    longest name past it (a name that starts before a place ends by then, so the
    names found are those a reading of the whole text finds, in the same order).
    Asked out of order, it reads the whole text.

    >>> places = _Places("ในจังหวัดน่าน 12 กลุ่ม และลำพูน 3 กลุ่ม")
    >>> places.before(14), places.before(32)
    ('น่าน', 'ลำพูน')
    """

    def __init__(self, reading: str):
        self.reading = reading
        self.resume: int | None = None  # where a reading of the whole text would look for the next name
        self.last: tuple[int, str] | None = (
            None  # (end, name) of the last name that ends before the last figure asked about
        )
        self.asked = -1

    def before(self, position: int) -> str | None:
        if position < self.asked:
            return _entity_before(_place_mentions(self.reading), position)
        self.asked = position
        if self.resume is None:
            reach = position - ENTITY_REACH  # a name that ends before this is too far from every figure to come
            self.resume = max(self.reading.rfind(space, 0, reach) for space in _SPACES) + 1 if reach > 0 else 0
        # every name that starts before ``position`` ends before ``stop``: read no further
        stop = position + longest_province_name() + 1
        resume = self.resume
        for match in province_pattern().finditer(self.reading, resume, stop):
            if match.end() > position:
                resume = match.start()  # not before this figure: the next figure reads it again
                break
            resume = match.end()
            mention = _as_word(self.reading, match)
            if mention:
                self.last = mention[1:]
        else:
            resume = max(resume, position)  # no name starts between: each would have ended before stop
        self.resume = resume
        if self.last is not None and position - self.last[0] <= ENTITY_REACH:
            return self.last[1]
        return None


def _entity_before(mentions: list[tuple[int, int, str]], position: int) -> str | None:
    best = None
    for _, end, name in mentions:
        if end <= position and position - end <= ENTITY_REACH:
            best = name
    return best
