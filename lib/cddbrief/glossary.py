"""Glossaries and the gazetteer: data files under ``cddbrief/data``, read once.

- ``units.csv``: Thai unit words with an English key and name.
- ``classifiers.csv``: Thai classifiers and measure words from PyThaiNLP's ORCHID
  part-of-speech models (CC BY 4.0, attribution in the file), merged under units.csv.
- ``topics.csv``: topic names in English (an unknown topic stays in Thai).
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


@cache
def units() -> dict[str, Unit]:
    """Thai unit word -> Unit.

    >>> units()["ครัวเรือน"].key, units()["เข็ม"].key
    ('household', 'dose')
    """
    merged = {row["th"]: Unit(row["th"], row["key"], row["en"], row["kind"]) for row in _rows("classifiers.csv")}
    merged.update({row["th"]: Unit(row["th"], row["key"], row["en"], row["kind"]) for row in _rows("units.csv")})
    return merged


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


def _topic_key(text: str) -> str:
    return " ".join(text.split()).casefold().rstrip(".")


@cache
def _topics() -> dict[str, str]:
    return {_topic_key(row["th"]): row["en"] for row in _rows("topics.csv")}


def topic_en(topic: str) -> str | None:
    """English name of a topic, or None when the glossary does not know it.

    >>> topic_en("กองทุนแม่ของแผ่นดิน")
    'Mother of the Land Fund'
    >>> topic_en("เรื่องที่ไม่มีในอภิธาน") is None
    True
    """
    key = _topic_key(topic)
    return _topics().get(key) or _topics().get(key.replace(" ", ""))


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

    >>> [p.name_en for p in provinces_of_district("แม่ทะ")]
    ['Lampang']
    """
    return [_province_by_code()[d.province_code] for d in _districts().get(name.strip(), ())]


def district_en(name: str, province: str | None = None) -> str | None:
    """English name of a district (of the given province when the name is shared).

    >>> district_en("แม่ทะ")
    'Mae Tha'
    """
    found = [d for d in _districts().get(name.strip(), ()) if province is None or _province_by_code()[d.province_code].name_th == province]
    return found[0].name_en if len(found) == 1 else None



@cache
def province_pattern() -> re.Pattern:
    """Matches a province name; the caller checks the word boundaries."""
    # กรุงเทพฯ and กทม. are how people write Bangkok
    return re.compile(trie_pattern([*provinces(), "กรุงเทพฯ", "กทม."]))


def canonical_province(name: str) -> str:
    """The gazetteer's name for a province written in short.

    >>> canonical_province("กทม.")
    'กรุงเทพมหานคร'
    """
    return "กรุงเทพมหานคร" if name in ("กรุงเทพฯ", "กทม.") else name
