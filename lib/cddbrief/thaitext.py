"""Thai text normalisation, with a record of every repair.

Pure functions over strings. Lengths are kept where the later stages need
character spans: ``to_arabic_digits`` maps one character to one character.
"""

from __future__ import annotations

import re

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
# The bullets a line or a point may open with: dashes, dots, diamonds, arrows, squares and check marks.
BULLETS = "-–*•●▪◦○◆♦❖➢➤►■✓✔☑"
_DIGIT_TABLE = str.maketrans(THAI_DIGITS, "0123456789")
_THAI_DIGIT = re.compile("[๐-๙]")

# White space that Word and web pages leave behind: NBSP, thin and em spaces,
# zero-width space and joiners, BOM, soft hyphen.
_ODD_SPACES = str.maketrans(
    {
        "\u00a0": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u3000": " ",
        "\u200b": "",
        "\u200c": "",
        "\u200d": "",
        "\u2060": "",
        "\ufeff": "",
        "\u00ad": "",
        "\x0b": "\n",
        "\x0c": "\n",
    }
)

_ODD_SPACE_LIST = [(chr(k), v) for k, v in _ODD_SPACES.items()]

# Thai marks that sit above or below a letter and cannot start a syllable.
_THAI_MARKS = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e"
# A mark with no Thai letter to sit on: at the start, or after a space or a
# non-Thai character. The pattern starts with the marks themselves, so that re
# skips to a mark at C speed, and only then looks at the character before it.
_STRAY_MARK = re.compile(rf"[{_THAI_MARKS}](?<![\u0e01-\u0e4e].)[{_THAI_MARKS}]*")


def to_arabic_digits(text: str) -> str:
    """Read Thai digits as Arabic ones, one character for one.

    The last text read is remembered by identity: the readers of dates, moves,
    recurrences and figures each read the same directive in turn, and the
    second to fourth pay nothing.

    >>> to_arabic_digits("ครั้งที่ ๔/๒๕๖๒")
    'ครั้งที่ 4/2562'
    """
    global _last_read
    last = _last_read
    if last[0] is text:
        return last[1]
    read = (
        text.translate(_DIGIT_TABLE) if has_thai_digits(text) else text
    )  # the same object: callers' caches keep working
    _last_read = (text, read)
    return read


_last_read = ("", "")


def has_thai_digits(text: str) -> bool:
    """True when the text holds a Thai digit.

    One regex for a short text; for a long one, ten substring searches at C speed,
    which beat the regex's test of every character.

    >>> has_thai_digits("256๒"), has_thai_digits("2562"), has_thai_digits("ก" * 200 + "๙")
    (True, False, True)
    """
    if len(text) < 100:
        return _THAI_DIGIT.search(text) is not None
    return any(digit in text for digit in THAI_DIGITS)


def normalise_spaces(text: str) -> str:
    """NBSP and other odd spaces become plain spaces; zero-width ones go.

    >>> normalise_spaces("ข้อมูล\u00a0\u00a0จปฐ.")
    'ข้อมูล  จปฐ.'
    """
    for odd, plain in _ODD_SPACE_LIST:
        if odd in text:
            text = text.replace(odd, plain)
    return text


_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
CONTROL_CHARS = frozenset(chr(c) for c in range(0x80) if _CONTROLS.match(chr(c)))  # what drop_controls drops
# What normalise_spaces or drop_controls would change: one search says a text is clean.
_UNCLEAN = re.compile("[" + "".join(re.escape(chr(k)) for k in _ODD_SPACES) + r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def unclean_chars(text: str) -> list[str]:
    """Every character normalise_spaces or drop_controls would change, in one scan.

    >>> unclean_chars("ข้อมูล" + chr(0xA0) + "จปฐ." + chr(0)) == [chr(0xA0), chr(0)]
    True
    """
    return _UNCLEAN.findall(text)


def is_clean(text: str) -> bool:
    """True when neither normalise_spaces nor drop_controls would change the text: one scan
    of a whole document spares cleaning it line by line.

    >>> is_clean("ครั้งที่ 4/2562\\tOTOP\\n"), is_clean("ข้อมูล\u00a0จปฐ."), is_clean("ครั้งที่\\x00 4")
    (True, False, False)
    """
    return _UNCLEAN.search(text) is None


def drop_controls(text: str) -> tuple[str, int]:
    """Remove control characters (NUL and the like; tabs and line ends stay); return how many.

    >>> drop_controls("ครั้งที่\\x00 4/2562")
    ('ครั้งที่ 4/2562', 1)
    """
    cleaned, count = _CONTROLS.subn("", text)
    return cleaned, count


_QUOTED = 40  # characters of a dropped mark and the word after it that a note quotes
_WORD_AFTER = re.compile(rf"\s*(\S{{0,{_QUOTED}}})")


def drop_stray_marks(text: str) -> tuple[str, list[str]]:
    """Drop Thai vowel or tone marks that sit on no letter; return what was dropped.

    Each item of the list is the dropped mark with the text that follows it,
    so a note can quote it.

    >>> drop_stray_marks("ในระบบ \\u0e3aBPM ครั้งที่ 1")
    ('ในระบบ BPM ครั้งที่ 1', ['\\u0e3aBPM'])
    """
    dropped: list[str] = []

    def _drop(match: re.Match) -> str:  # the word after it, at most 40 characters: linear in the text
        following = _WORD_AFTER.match(text, match.end()).group(1)
        dropped.append((match.group() + following)[:_QUOTED])
        return ""

    return _STRAY_MARK.sub(_drop, text), dropped


# A vowel mark above or below (with its tone) on the letter after its own: what OCR leaves of ประชุม (ประชมุ)
# and of เรือน (เรอื น, the final letter set apart by a space).
_DISPLACED_MARK = re.compile("([\u0e01-\u0e2e])([\u0e01-\u0e2e])([\u0e34-\u0e39][\u0e48-\u0e4b]?)")
_THAI_LETTER = re.compile("[\u0e01-\u0e4e]")
_REACH = 48  # letters either side of a mark that the dictionary weighs: two of its longest words


def rejoin_displaced_marks(text: str) -> tuple[str, int]:
    """Put a vowel mark that OCR set on the letter after its own back on its letter, and drop the space OCR
    left after it, only where the dictionary then knows more of the letters there than before; return how
    many marks were moved. Well-formed Thai, and letters no repair makes words of (a name), stay as they are.

    >>> rejoin_displaced_marks("มติที่ประชมุ รับทราบ ๗,๔๓๒ ครัวเรอื น")
    ('มติที่ประชุม รับทราบ ๗,๔๓๒ ครัวเรือน', 2)
    >>> rejoin_displaced_marks("กลุ่มสตรี สมุดบัญชี นางสาวอรุณี ภูผาใจ")
    ('กลุ่มสตรี สมุดบัญชี นางสาวอรุณี ภูผาใจ', 0)
    """
    if not _DISPLACED_MARK.search(text):
        return text, 0
    count, at = 0, 0
    while (match := _DISPLACED_MARK.search(text, at)) is not None:
        repaired = _rejoined(text, match)
        if repaired is not None:
            text, count = repaired, count + 1
        at = match.start() + 1
    return text, count


def _rejoined(text: str, match: re.Match) -> str | None:
    """The text with the mark of ``match`` back on its letter (and the space after it gone, if that is
    better still), or None when the dictionary knows no more letters that way."""
    from .thaiwords import pieces

    def unknown(window: str) -> int:
        return sum(len(piece) for part in window.split(" ") for piece, known in pieces(part) if not known)

    start, end = match.start(), match.end()
    left = start
    while left > max(0, start - _REACH) and _THAI_LETTER.match(text, left - 1):
        left -= 1
    right = _thai_end(text, end)
    spaced = right == end and text.startswith(" ", end) and _THAI_LETTER.match(text, end + 1) is not None
    if spaced:
        right = _thai_end(text, end + 1)
    if _plausible(text, left, start, end, _thai_end(text, end)):
        return None
    letter, following, mark = match.groups()
    before, moved, after = text[left:start], letter + mark + following, text[end:right]
    was = unknown(before + match.group() + after)
    if was == 0:
        return None
    candidates = [(unknown(before + moved + after), 0, after)]
    if spaced:
        candidates.append((unknown(before + moved + after[1:]), 1, after[1:]))
    best, _, rest = min(candidates)
    if best >= was:
        return None
    return text[:start] + moved + rest + text[right:]


def _plausible(text: str, left: int, start: int, end: int, right: int) -> bool:
    """Whether the letters as they stand can be Thai words: one dictionary word holds both letters, or a
    word ends at the first and another starts at the second (คน|ดี); a quick test before the whole weighing.
    """
    from .thaiwords import is_word

    def word_between(first: range | list[int], last: range | list[int]) -> bool:
        return any(is_word(text[a:b]) for a in first for b in last if 0 < b - a <= _REACH)

    starts, ends = range(start, left - 1, -1), range(right, end - 1, -1)  # words as long as the dictionary's
    return word_between(starts, ends) or (word_between(starts, [start + 1]) and word_between([start + 1], ends))


def _thai_end(text: str, at: int) -> int:
    """Where the run of Thai letters from ``at`` ends (at most _REACH letters on)."""
    end = at
    while end < min(len(text), at + _REACH) and _THAI_LETTER.match(text, end):
        end += 1
    return end


def collapse(text: str) -> str:
    """Collapse runs of white space to one space and trim.

    >>> collapse("  จัดเก็บได้   1,234,567  ครัวเรือน ")
    'จัดเก็บได้ 1,234,567 ครัวเรือน'
    """
    return " ".join(text.split())


def word_window(text: str, start: int, end: int, reach: int = 90) -> tuple[int, int]:
    """The span of whole words around text[start:end]: up to ``reach`` characters before and
    half that after, cut at spaces.

    >>> text = "ให้จังหวัดรายงาน 5 กลุ่ม ภายในวันที่ 25 มี.ค. 62 และติดตามผล"
    >>> left, right = word_window(text, 17, 24, reach=30)
    >>> text[left:right]
    'ให้จังหวัดรายงาน 5 กลุ่ม ภายในวันที่'
    """
    left = max(0, start - reach)
    right = min(len(text), end + reach // 2)
    if left > 0:
        cut = text.find(" ", left, start)
        left = cut + 1 if cut >= 0 else left
    if right < len(text):
        cut = text.rfind(" ", end, right)
        right = cut if cut >= 0 else right
    return left, right


def excerpt(
    text: str, start: int = 0, end: int | None = None, reach: int = 90, *, width: int | None = None, keep: str = "start"
) -> str:
    """The one excerpt helper. Evidence to quote: the words around ``text[start:end]`` (``word_window``),
    with … where the text goes on. With ``width``: at most ``width`` characters of the text, and …
    where it is cut, keeping its start (a chart label, a note's quote) or, with ``keep="end"``,
    its end (the words just before a figure).

    >>> text = "ให้อำเภอส่งรายงาน 9 ฉบับ ภายในวันที่ 12 ส.ค. และติดตามผล"
    >>> excerpt(text, 18, 24, reach=20)
    'ให้อำเภอส่งรายงาน 9 ฉบับ…'
    >>> excerpt("กองทุนพัฒนาบทบาทสตรี", width=6), excerpt("กองทุนพัฒนาบทบาทสตรี", width=9, keep="end")
    ('กองทุน…', '…บทบาทสตรี')
    """
    if width is not None:
        if len(text) <= width:
            return text
        return text[:width] + "…" if keep == "start" else "…" + text[len(text) - width :]
    left, right = word_window(text, start, len(text) if end is None else end, reach)
    return ("…" if left > 0 else "") + text[left:right] + ("…" if right < len(text) else "")


def thai_share(text: str) -> float:
    """Share of Thai characters among the letters of a text (0.0 when it has none).

    Counted on the UTF-8 bytes, which is fast: Thai code points all begin with
    the bytes E0 B8 or E0 B9.

    >>> round(thai_share("OTOP นวัตวิถี"), 2)
    0.67
    >>> thai_share("Minutes of the meeting")
    0.0
    """
    return thai_share_of_utf8(text.encode("utf-8", "surrogatepass"), len(text))


def thai_share_of_utf8(encoded: bytes, length: int) -> float:
    """``thai_share`` of a text from its UTF-8 bytes and its length in characters: a reader
    that has decoded the bytes need not encode the text again.

    >>> text = "กองทุน OTOP ๑๒"
    >>> thai_share_of_utf8(text.encode("utf-8"), len(text)) == thai_share(text)
    True
    """
    thai = encoded.count(b"\xe0\xb8") + encoded.count(b"\xe0\xb9")
    ascii_bytes = len(encoded.translate(None, _NOT_ASCII))  # a byte below 0x80 is an ASCII character of its own
    latin = len(encoded.translate(None, _NOT_ASCII_LETTERS))
    other = length - ascii_bytes - thai
    total = thai + latin + max(other, 0)
    return thai / total if total else 0.0


_NOT_ASCII_LETTERS = bytes(b for b in range(256) if not (65 <= b <= 90 or 97 <= b <= 122))
_NOT_ASCII = bytes(range(0x80, 0x100))
