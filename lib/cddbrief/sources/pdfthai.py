"""Thai text as PDF text layers break it, and the repairs: pure functions over one line.

Each repair returns ``(text, count)`` so the reader can note, per document, how
many of each kind it made (:data:`REPAIRS` holds the notes' words). A repair
changes text only where the text shows it is broken: Thai puts spaces between
phrases, so a space goes only where no Thai syllable can end (after ั, ็ or a
leading vowel) or where no syllable can start (before a mark or a following
vowel). A lone า where ำ belonged (a font that drew ำ as two glyphs, the first
with no Unicode) cannot be told from a real า, so it stays.
"""

from __future__ import annotations

import re

CONSONANT = "\u0e01-\u0e2e"  # ก-ฮ
TONES = "\u0e48\u0e49\u0e4a\u0e4b"  # ่ ้ ๊ ๋
ABOVE_VOWELS = "\u0e31\u0e34\u0e35\u0e36\u0e37"  # ั ิ ี ึ ื
BELOW_VOWELS = "\u0e38\u0e39\u0e3a"  # ุ ู ฺ
MARKS = ABOVE_VOWELS + BELOW_VOWELS + "\u0e47" + TONES + "\u0e4c\u0e4d\u0e4e"  # and ็ ์ ํ ๎
NIKHAHIT, SARA_AA, SARA_AM = "\u0e4d", "\u0e32", "\u0e33"
LEADING_VOWELS = "\u0e40\u0e41\u0e42\u0e43\u0e44"  # เ แ โ ใ ไ
FOLLOWING_VOWELS = "\u0e30\u0e32\u0e33\u0e45"  # ะ า ำ ๅ: never start a syllable

# kind -> (English, Thai) message of the document's note, with {n} for the count
REPAIRS = {
    "sara_am": ("{n} SARA AM written as NIKHAHIT + SARA AA were joined", "รวมนิคหิต + สระอา เป็นสระอำ {n} แห่ง"),
    "sara_am_doubled": ("{n} SARA AM followed by a stray SARA AA were repaired", "ลบสระอาที่ซ้ำหลังสระอำ {n} แห่ง"),
    "mark_doubled": ("{n} Thai marks written twice were written once", "ลบวรรณยุกต์หรือสระที่ซ้ำ {n} แห่ง"),
    "mark_order": (
        "{n} Thai vowel or tone marks out of order were put back on their letter",
        "ย้ายวรรณยุกต์หรือสระบน/ล่างที่อยู่ผิดตำแหน่งกลับที่เดิม {n} แห่ง",
    ),
    "mark_space": ("{n} spaces before a Thai mark or vowel were removed", "ลบช่องว่างหน้าวรรณยุกต์หรือสระ {n} แห่ง"),
    "split_word": ("{n} Thai words split by a space were joined", "รวมคำที่ถูกช่องว่างแยก {n} คำ"),
}

_AM_SPLIT = re.compile(f"{NIKHAHIT}([{TONES}]?){SARA_AA}")
_DOUBLED_MARK = re.compile(f"([{MARKS}])(?:[{MARKS}]?\\1)+")
_AM_DOUBLED = re.compile(f"{SARA_AM}{SARA_AA}")
# a tone written after ั's final consonant, where it can never sit: ครัง้ -> ครั้ง
_TONE_AFTER_FINAL = re.compile(f"\u0e31([{CONSONANT}])([{TONES}])")
# a tone before the vowel mark of its own letter: ร้ั -> รั้, ลุ่ -> ลุ่
_TONE_BEFORE_VOWEL = re.compile(f"([{TONES}\u0e4c])([{ABOVE_VOWELS}{BELOW_VOWELS}])")
# a space (or several) before a mark or a following vowel that sits on the letter before the space
# (not PHINTHU, a Pali mark often left stray before Latin text: ระบบ ฺBPM; thaitext drops it)
_MARKS_BUT_PHINTHU = MARKS.replace(chr(0xE3A), "")
_SPACE_BEFORE_MARK = re.compile(
    f"(?<=[{CONSONANT}{MARKS}{FOLLOWING_VOWELS}]) +(?=[{_MARKS_BUT_PHINTHU}{FOLLOWING_VOWELS}](?![A-Za-z0-9]))"
)
# after the space: a tone or ์ whose letter carries an above vowel two back: สิน ้ -> สิ้น
_MOVED_TONE = re.compile(f"([{ABOVE_VOWELS}])([{CONSONANT}])([{TONES}])")
# where no Thai syllable can end, before a Thai letter: ั (with its tone), a leading vowel,
# ็ (except the word ก็), and เ-ิ (เดิน, เกิด) which always has a final consonant
_CANNOT_END = re.compile(
    f"(?:\u0e31[{TONES}]?"
    f"|[{LEADING_VOWELS}]"
    f"|(?<!\u0e01)\u0e47"
    f"|(?<=\u0e40[{CONSONANT}])\u0e34[{TONES}]?"
    f"|(?<=\u0e40[{CONSONANT}][\u0e23\u0e25\u0e27])\u0e34[{TONES}]?"
    f") (?=[{CONSONANT}{LEADING_VOWELS}])"
)


def join_sara_am(text: str) -> tuple[str, int]:
    """NIKHAHIT + SARA AA (a tone between them or not) -> SARA AM: what fonts that draw ำ as two glyphs leave.

    >>> join_sara_am("สํานักงาน น้ําท่วม นํ้าท่วม")
    ('สำนักงาน น้ำท่วม น้ำท่วม', 3)
    >>> join_sara_am("สำนักงาน")
    ('สำนักงาน', 0)
    """
    if NIKHAHIT not in text:
        return text, 0
    # น้ํา (tone, nikhahit, aa) needs only the last two joined; นํ้า (nikhahit, tone, aa) puts the tone first
    return _AM_SPLIT.subn(lambda m: m.group(1) + SARA_AM, text)


def drop_doubled_marks(text: str) -> tuple[str, int]:
    """A mark written twice on one letter (a glyph and the text of its cluster both mapped): no Thai has it.

    >>> drop_doubled_marks("นํ้้า")
    ('นํ้า', 1)
    """
    return _DOUBLED_MARK.subn(r"\1", text)


def drop_doubled_aa(text: str) -> tuple[str, int]:
    """SARA AM then SARA AA: the AA of a decomposed ำ mapped twice; no Thai word has ำา.

    >>> drop_doubled_aa("สำานักงาน")
    ('สำนักงาน', 1)
    """
    return _AM_DOUBLED.subn(SARA_AM, text)


def reorder_marks(text: str) -> tuple[str, int]:
    """Put tone marks back on their letter: after the final consonant of ั, or before the vowel mark.

    >>> reorder_marks("ครัง้ที่ 4 ทัง้สิน้")
    ('ครั้งที่ 4 ทั้งสิน้', 2)
    >>> reorder_marks("คร้ังท่ี กลุ่ม")
    ('ครั้งที่ กลุ่ม', 3)
    >>> reorder_marks("มีค่า สั่งการ")
    ('มีค่า สั่งการ', 0)
    """
    text, n1 = _TONE_AFTER_FINAL.subn(lambda m: "\u0e31" + m.group(2) + m.group(1), text)
    text, n2 = _TONE_BEFORE_VOWEL.subn(lambda m: m.group(2) + m.group(1), text)
    return text, n1 + n2


def remove_space_before_marks(text: str) -> tuple[str, int]:
    """A mark or following vowel after a space belongs to the letter before the space.

    A tone so moved lands on the letter that carries an above vowel (สิน ้ -> สิ้น).

    >>> remove_space_before_marks("ทั้งสิน ้ ข้อสั ่งการ ก ารประชุม")
    ('ทั้งสิ้น ข้อสั่งการ การประชุม', 3)
    >>> remove_space_before_marks("ครั้งที่ 4 จำนวน 76 จังหวัด ในระบบ \u0e3aBPM")
    ('ครั้งที่ 4 จำนวน 76 จังหวัด ในระบบ \u0e3aBPM', 0)
    """
    if not _SPACE_BEFORE_MARK.search(text):
        return text, 0
    count = 0
    out: list[str] = []  # characters: each repair looks at the last two only, so a line of any length is one pass
    last = 0
    for match in _SPACE_BEFORE_MARK.finditer(text):
        count += 1
        out.extend(text[last : match.start()])
        last = match.end()
        mark = text[last]
        if mark in TONES + "\u0e4c" and len(out) >= 2 and out[-2] in ABOVE_VOWELS and _IS_CONSONANT(out[-1]):
            out.insert(len(out) - 1, mark)  # สิน + ้ -> สิ้น: the tone goes on the letter with the vowel
            last += 1
    out.extend(text[last:])
    return "".join(out), count


def _IS_CONSONANT(ch: str) -> bool:
    return "\u0e01" <= ch <= "\u0e2e"


def join_split_words(text: str) -> tuple[str, int]:
    """Remove a space where no Thai syllable can end: after ั, a leading vowel, ็ (not ก็) or เ-ิ.

    >>> join_split_words("สำนั กงาน ดำเนิ นการ เป็ นไป เ ดิน")
    ('สำนักงาน ดำเนินการ เป็นไป เดิน', 4)
    >>> join_split_words("ก็ ได้ ที่ ประชุม มี ค่า ให้ ดำเนินการ")
    ('ก็ ได้ ที่ ประชุม มี ค่า ให้ ดำเนินการ', 0)
    """
    return _CANNOT_END.subn(lambda m: m.group()[:-1], text)


# what every repair below needs to find, as cheap scans (each repair's own pattern, or a looser one): a text none
# of them finds is left as it is by repair_line
_SIGNS_OF_BREAKAGE = (
    re.compile(f" [{_MARKS_BUT_PHINTHU}{FOLLOWING_VOWELS}]"),  # mark_space (and ํ า)
    re.compile(  # split_word
        f"[\u0e31\u0e47{LEADING_VOWELS}][{TONES}]? |\u0e40[{CONSONANT}][\u0e23\u0e25\u0e27]?\u0e34[{TONES}]? "
    ),
    _TONE_AFTER_FINAL,
    _TONE_BEFORE_VOWEL,
    _DOUBLED_MARK,
)


def may_be_broken(text: str) -> bool:
    """Whether ``repair_line`` could change anything in text: a whole document is tested at once, so a clean one
    costs a few scans rather than seven repairs a line.

    >>> may_be_broken("สำนักงานพัฒนาชุมชนอำเภอ ครั้งที่ 4")
    False
    >>> may_be_broken("ส ํานักงาน"), may_be_broken("ครัง้ที่"), may_be_broken("สำนั กงาน")
    (True, True, True)
    """
    return NIKHAHIT in text or SARA_AM + SARA_AA in text or any(sign.search(text) for sign in _SIGNS_OF_BREAKAGE)


def repair_line(text: str) -> tuple[str, dict[str, int]]:
    """Every repair above, in order; the counts of those that changed something.

    >>> repair_line("ส ํานักงานพัฒนาชุมชน ครัง้ ที่ 4")
    ('สำนักงานพัฒนาชุมชน ครั้ง ที่ 4', {'sara_am': 1, 'mark_space': 1, 'mark_order': 1})
    """
    counts: dict[str, int] = {}
    for kind, repair in (
        ("mark_doubled", drop_doubled_marks),
        ("sara_am", _join_am_with_space),
        ("sara_am", join_sara_am),
        ("sara_am_doubled", drop_doubled_aa),
        ("mark_space", remove_space_before_marks),
        ("mark_order", reorder_marks),
        ("split_word", join_split_words),
    ):
        text, n = repair(text)
        if n:
            counts[kind] = counts.get(kind, 0) + n
    return text, counts


def _join_am_with_space(text: str) -> tuple[str, int]:
    """NIKHAHIT + space(s) + SARA AA: a nikhahit glyph drawn apart from its AA.

    >>> _join_am_with_space("ส ํ านักงาน")
    ('ส ำนักงาน', 1)
    """
    return _AM_WITH_SPACE.subn(SARA_AM, text)


_AM_WITH_SPACE = re.compile(f"{NIKHAHIT} +{SARA_AA}")
