"""Glossaries and the gazetteer: data files under ``cddbrief/data``, read once.

- ``units.csv``: Thai unit words with an English key and name, and the short forms that stand for a
  multiplier and a unit together (``ลบ.``: ล้านบาท; :func:`short_forms`).
- ``classifiers.csv``: Thai classifiers and measure words from PyThaiNLP's ORCHID
  part-of-speech models (CC BY 4.0, attribution in the file), merged under units.csv.
  A noun in neither list may still be counted (``24 บูท``: ``quantities`` checks it in the
  Thai dictionary); ``not_counted.csv`` lists the words after a number that count nothing.
- ``topics.csv``: topic names in English (an unknown topic stays in Thai), and the other names a
  topic goes by (``aliases``: a full name, a short name, an abbreviation), so one topic is one topic
  across meetings.
- ``actors.csv``: who a directive asks to act (จังหวัด, ส่วนกลาง, กรม …) in English.
- ``gazetteer.csv``: the 77 provinces and 928 districts with English names, from
  GeoThai/data (DOPA codes and names, CC BY 4.0); rebuilt by tools/build_gazetteer.py.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files


@dataclass(frozen=True)
class Unit:
    th: str
    key: str
    en: str
    kind: str


@dataclass(frozen=True)
class Place:
    level: str  # province | district
    code: str
    name_th: str
    name_en: str
    province_code: str


def _rows(name: str) -> list[dict[str, str]]:
    text = files("cddbrief").joinpath("data", name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines))


class UnitTable(dict):
    """Thai unit word -> Unit, as listed; a Thai word no list holds is a counted noun of its own
    (``counted_unit``), so that a figure read with the dictionary (``24 บูท``) has a unit like any
    other. Only listed words are keys: ``in`` and ``get`` know the lists alone."""

    def __missing__(self, th):
        if isinstance(th, str) and th and all("\u0e01" <= ch <= "\u0e4e" for ch in th):
            return counted_unit(th)
        raise KeyError(th)


def counted_unit(th: str) -> Unit:
    """The unit of a counted noun no list holds: counted, keyed and named as written.

    >>> counted_unit("บูท")
    Unit(th='บูท', key='บูท', en='บูท', kind='count')
    """
    return Unit(th, th, th, "count")


@cache
def units() -> UnitTable:
    """Thai unit word -> Unit.

    >>> units()["ครัวเรือน"].key, units()["เข็ม"].key, units()["บูท"].kind, "บูท" in units()
    ('household', 'dose', 'count', False)
    """
    merged = UnitTable(
        (row["th"], Unit(row["th"], row["key"], row["en"], row["kind"])) for row in _rows("classifiers.csv")
    )
    merged.update({row["th"]: Unit(row["th"], row["key"], row["en"], row["kind"]) for row in _rows("units.csv")})
    return merged


@cache
def not_counted() -> re.Pattern:
    """What may follow a number without counting anything (``not_counted.csv``), matched at the
    start of the text after it: the time of day (``10 นาฬิกา``), the verbs a write-up puts after
    a year or a label (``ทีม 1 ลงพื้นที่``).

    >>> [bool(not_counted().match(text)) for text in ("นาฬิกา", "ลงพื้นที่ 3 ตำบล", "บูท")]
    [True, True, False]
    """
    return re.compile(trie_pattern(row["th"] for row in _rows("not_counted.csv")))


def trie_pattern(words) -> str:
    """A regex matching any of the words, as a trie: fast, and longest match first.

    Python's ``re`` tries the branches of ``a|b|c`` one by one at every place;
    sharing prefixes lets it drop a place after a character or two.

    >>> trie_pattern(["หมู่", "หมู่บ้าน", "บาท"])
    '(?:บาท|หมู่(?:บ้าน)?)'
    >>> bool(re.fullmatch(trie_pattern(["หมู่", "หมู่บ้าน"]), "หมู่บ้าน"))
    True
    """
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(node[ch]) for ch in sorted(k for k in node if k)]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    return build(root)


@cache
def unit_alternation() -> str:
    """A regex of the unit words, longest match first (so หมู่บ้าน beats หมู่)."""
    return trie_pattern(units())


# the words that multiply the number before a unit: 3.6 แสนบาท is 360,000 บาท
MULTIPLIERS = {"ล้าน": 1_000_000, "แสน": 100_000, "หมื่น": 10_000, "พัน": 1_000}


@cache
def short_forms() -> dict[str, tuple[str, str]]:
    """A short form that stands for a multiplier and a unit together (units.csv's ``means``) -> (the
    multiplier, the unit).

    >>> short_forms()["ลบ."]
    ('ล้าน', 'บาท')
    """
    found = {}
    for row in _rows("units.csv"):
        means = row.get("means") or ""
        multiplier = next((word for word in MULTIPLIERS if means.startswith(word)), None)
        if multiplier is not None and means[len(multiplier) :] in units():
            found[row["th"]] = (multiplier, means[len(multiplier) :])
    return found


# kinds of unit that measure (money, a share, an area …) rather than count or name: no point is numbered
# 3.6 บาท, while 2.4 โครงการ may number a sub-point about a project
_MEASURE_KINDS = frozenset({"money", "percent", "area", "weight", "length", "volume"})


@cache
def measure_alternation() -> str:
    """A regex of what after a number makes it a measured amount: a multiplier (not run on into a word:
    ล้านนา is a region), a unit of a measuring kind, or a short form (one that ends in a Thai letter, ลบ,
    only where no word or number follows).

    >>> [bool(re.match(measure_alternation(), t)) for t in ("แสนบาท", "ล้าน", "ลบ.", "ไร่", "ล้านนา", "ลบรายชื่อ")]
    [True, True, True, True, False, False]
    >>> bool(re.match(measure_alternation(), "โครงการ"))
    False
    """
    measures = [word for word, unit in units().items() if unit.kind in _MEASURE_KINDS]
    open_ended = [word for word in measures if "\u0e01" <= word[-1] <= "\u0e4e" and word in short_forms()]
    closed = [word for word in measures if word not in open_ended]
    multiplier = trie_pattern(MULTIPLIERS)
    return (
        f"(?:{multiplier}[^\\S\\n]*{trie_pattern(units())}|{multiplier}(?![ก-๛])|{trie_pattern(closed)}"
        f"|{trie_pattern(open_ended)}(?![^\\S\\n]*[ก-๛0-9]))"
    )


_TOPIC_PREFIX = re.compile(r"^(?:โครงการ|เรื่อง|การดำเนินงาน|การดำเนินการ)\s*")
_BRACKETED = re.compile(r"^(?P<outer>.+?)\s*\((?P<inner>[^()]+)\)$")


def _topic_key(text: str) -> str:
    return " ".join(str(text).split()).casefold().rstrip(".")


@cache
def _topics() -> dict[str, tuple[str, str]]:
    """Every name a topic goes by (its name and its aliases), keyed -> (the topic's name, English)."""
    found: dict[str, tuple[str, str]] = {}
    for row in _rows("topics.csv"):
        entry = (row["th"], row["en"])
        for name in [row["th"], *filter(None, (row.get("aliases") or "").split("|"))]:
            for key in (_topic_key(name), _topic_key(name).replace(" ", "")):
                found.setdefault(key, entry)
    return found


@cache
def topic_names() -> tuple[str, ...]:
    """Every name the glossary knows a topic by (its name and its aliases), as written.

    >>> "กองทุนแม่ของแผ่นดิน" in topic_names(), "ข้อมูล จปฐ." in topic_names()
    (True, True)
    """
    names = (name for row in _rows("topics.csv") for name in [row["th"], *(row.get("aliases") or "").split("|")])
    return tuple(dict.fromkeys(name for name in names if name))


def _topic_entry(topic: str) -> tuple[str, str] | None:
    """The glossary's entry of a topic as written: its own name or an alias, with or without
    spaces, ``โครงการ``/``เรื่อง`` in front, or a name with its short form in brackets."""
    known = _topics()
    tries = [topic]
    bracket = _BRACKETED.match(" ".join(str(topic).split()))
    if bracket:
        tries += [bracket.group("outer"), bracket.group("inner")]
    for name in list(tries):
        tries.append(_TOPIC_PREFIX.sub("", _topic_key(name)))
    for name in tries:
        key = _topic_key(name)
        entry = known.get(key) or known.get(key.replace(" ", ""))
        if entry:
            return entry
    return None


def topic_en(topic: str) -> str | None:
    """English name of a topic, or None when the glossary does not know it.

    >>> topic_en("กองทุนแม่ของแผ่นดิน")
    'Mother of the Land Fund'
    >>> topic_en("เรื่องที่ไม่มีในอภิธาน") is None
    True
    """
    entry = _topic_entry(topic)
    return entry[1] if entry else None


def canonical_topic(topic: str) -> str:
    """One name per topic: the glossary's name for a topic written under an alias, a short name or
    an abbreviation; a topic the glossary does not know, as written (spaces tidied).

    >>> canonical_topic("โครงการพัฒนาข้อมูลความจำเป็นพื้นฐาน"), canonical_topic("ข้อมูล จปฐ.")
    ('จปฐ.', 'จปฐ.')
    >>> canonical_topic("ข้อมูลความจำเป็นพื้นฐาน (จปฐ.)"), canonical_topic("เรื่องใหม่  ของจังหวัด")
    ('จปฐ.', 'เรื่องใหม่ ของจังหวัด')
    """
    entry = _topic_entry(topic)
    return entry[0] if entry else " ".join(str(topic).split())


# --- English words: units by count, actors, offices ------------------------------------------------

_IRREGULAR = {"people": "person", "children": "child", "men": "man", "women": "woman"}


def _singular_of(plural: str) -> str:
    """``trees`` -> ``tree``, ``communities`` -> ``community``, ``boxes`` -> ``box``, ``people`` ->
    ``person``; the first word of ``fields of study``; words that do not change stay."""
    head, sep, tail = plural.partition(" of ")
    words = head.split(" ")
    last = words[-1]
    if last in _IRREGULAR:
        one = _IRREGULAR[last]
    elif last.endswith("ies") and len(last) > 4:
        one = last[:-3] + "y"
    elif last.endswith(("ches", "shes", "sses", "xes")):
        one = last[:-2]
    elif last.endswith("s") and not last.endswith("ss") and len(last) > 2:
        one = last[:-1]
    else:
        one = last
    return " ".join([*words[:-1], one]) + (sep + tail if sep else "")


def unit_en(th: str, value: float | None = None) -> str:
    """The English name of a unit for a count: singular for exactly one, plural otherwise
    (units.csv and classifiers.csv give the plural; ``key`` is the singular where it is one).

    >>> unit_en("ต้น", 1), unit_en("ต้น", 2), unit_en("คน", 1), unit_en("คน", 3), unit_en("บาท", 1)
    ('tree', 'trees', 'person', 'people', 'baht')
    >>> unit_en("ชุมชน", 1), unit_en("หน่วย", 1), unit_en("สาขาวิชา", 1), unit_en("ไม่มี", 1)
    ('community', 'unit', 'field of study', 'ไม่มี')
    """
    unit = units().get(th)
    if unit is None:
        return th
    if value is None or float(value) != 1:
        return unit.en
    words = unit.key.split(" ")
    plurals = {unit.key, " ".join([*words[:-1], _plural_of(words[-1])]), " ".join([_plural_of(words[0]), *words[1:]])}
    return unit.key if unit.en in plurals else _singular_of(unit.en)


def _plural_of(word: str) -> str:
    irregular = {one: many for many, one in _IRREGULAR.items()}
    if word in irregular:
        return irregular[word]
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


@cache
def _actors() -> dict[str, str]:
    return {row["th"]: row["en"] for row in _rows("actors.csv")}


def actor_en(actor: str) -> str:
    """Who acts, in English (as written when the glossary does not know it).

    >>> actor_en("จังหวัด"), actor_en("ส่วนกลาง"), actor_en("กรมฯ"), actor_en("สำนักงานที่ไม่รู้จัก")
    ('provinces', 'central units', 'the Department', 'สำนักงานที่ไม่รู้จัก')
    """
    known = _actors()
    return known.get(actor) or known.get(actor.rstrip("ฯ").strip()) or actor


_OFFICE = re.compile(r"^(?:สำนักงานพัฒนาชุมชน|สพ)(?P<level>อำเภอ|จังหวัด|อ\.|จ\.)\s*(?P<name>\S+)$")


def office_en(office: str, province: str | None = None) -> str | None:
    """An office's name in English from the gazetteer, or None when it is not a district or
    provincial community development office the gazetteer knows.

    >>> office_en("สำนักงานพัฒนาชุมชนอำเภอแม่ทะ"), office_en("สำนักงานพัฒนาชุมชนจังหวัดลำพูน")
    ('Mae Tha District Community Development Office', 'Lamphun Provincial Community Development Office')
    """
    match = _OFFICE.match(" ".join(str(office or "").split()))
    if not match:
        return None
    name = match.group("name")
    if match.group("level").startswith("อ"):
        english = district_en(name, province)
        return f"{english} District Community Development Office" if english else None
    place = provinces().get(canonical_province(name))
    return f"{place.name_en} Provincial Community Development Office" if place else None


def place_en(name: str, province: str | None = None) -> str | None:
    """A province or district named in a figure (``ลำพูน``, ``อำเภอแม่ทะ``) in English, or None.

    >>> place_en("ลำพูน"), place_en("จังหวัดประจวบคีรีขันธ์"), place_en("อำเภอแม่ทะ"), place_en("ที่ไหน")
    ('Lamphun', 'Prachuap Khiri Khan', 'Mae Tha', None)
    """
    text = " ".join(str(name or "").split())
    for prefix in ("จังหวัด", "จ.", "อำเภอ", "อ."):
        if text.startswith(prefix) and len(text) > len(prefix):
            text = text[len(prefix) :].strip()
            break
    place = provinces().get(canonical_province(text))
    if place:
        return place.name_en
    return district_en(text, province)


@cache
def places() -> tuple[Place, ...]:
    return tuple(
        Place(r["level"], r["code"], r["name_th"], r["name_en"], r["province_code"]) for r in _rows("gazetteer.csv")
    )


@cache
def provinces() -> dict[str, Place]:
    """Province name in Thai -> Place (77 of them).

    >>> provinces()["ลำพูน"].name_en
    'Lamphun'
    """
    return {p.name_th: p for p in places() if p.level == "province"}


@cache
def _province_by_code() -> dict[str, Place]:
    return {p.code: p for p in places() if p.level == "province"}


@cache
def _districts() -> dict[str, tuple[Place, ...]]:
    by_name: dict[str, list[Place]] = {}
    for p in places():
        if p.level == "district":
            by_name.setdefault(p.name_th, []).append(p)
            if p.name_th.startswith("เขต"):  # Bangkok's khet are also written without เขต
                by_name.setdefault(p.name_th[3:], []).append(p)
    return {k: tuple(v) for k, v in by_name.items()}


def provinces_of_district(name: str) -> list[Place]:
    """The provinces that have a district of this name (most names are unique).

    >>> [p.name_en for p in provinces_of_district("เวียงสา")]
    ['Nan']
    """
    return [_province_by_code()[d.province_code] for d in _districts().get(name.strip(), ())]


def district_en(name: str, province: str | None = None) -> str | None:
    """English name of a district (of the given province when the name is shared).

    >>> district_en("แม่ทะ")
    'Mae Tha'
    """
    found = [
        d
        for d in _districts().get(name.strip(), ())
        if province is None or _province_by_code()[d.province_code].name_th == province
    ]
    return found[0].name_en if len(found) == 1 else None


_BANGKOK_SHORT = ("กรุงเทพฯ", "กทม.")  # how people write Bangkok


@cache
def province_pattern() -> re.Pattern:
    """Matches a province name; the caller checks the word boundaries."""
    return re.compile(trie_pattern([*provinces(), *_BANGKOK_SHORT]))


@cache
def place_pattern() -> re.Pattern:
    """Matches the name of any province or district of the gazetteer (the longest name first):
    the places a line must not be broken inside (แม่ทะ is one name, not แม่ | ทะ).

    >>> [m.group() for m in place_pattern().finditer("สำนักงานพัฒนาชุมชนอำเภอเวียงสา จังหวัดน่าน")]
    ['เวียงสา', 'น่าน']
    """
    names = {p.name_th for p in places()} | set(_districts())
    return re.compile(trie_pattern(name for name in names if len(name) > 2))


@cache
def longest_province_name() -> int:
    """How many characters the longest name ``province_pattern`` matches has: a match that starts
    before a place ends before that place plus this.

    >>> longest_province_name() >= len("พระนครศรีอยุธยา")
    True
    """
    return max(len(name) for name in [*provinces(), *_BANGKOK_SHORT])


def canonical_province(name: str) -> str:
    """The gazetteer's name for a province written in short.

    >>> canonical_province("กทม.")
    'กรุงเทพมหานคร'
    """
    return "กรุงเทพมหานคร" if name in ("กรุงเทพฯ", "กทม.") else name
