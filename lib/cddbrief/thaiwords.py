"""Thai words: a dictionary look-up and word segmentation, offline.

Thai is written without spaces between words, so where a word ends is a matter
of a dictionary. PyThaiNLP ships one (about 62,000 words) and a segmenter
(``newmm``, maximal matching over that dictionary); both work without a
network. Imported only when a caller first needs a word, so the command line's
fast path does not load them.
"""

from __future__ import annotations

from functools import cache


@cache
def _dictionary() -> frozenset[str]:
    from pythainlp.corpus import thai_words

    return thai_words()


def is_word(text: str) -> bool:
    """Whether text is one word of the Thai dictionary.

    >>> is_word("ครัวเรือน"), is_word("บูท"), is_word("ครัว เรือน")
    (True, True, False)
    """
    return text in _dictionary()


def segment(text: str) -> list[str]:
    """Text cut into words (spaces kept as their own pieces).

    >>> segment("ครัวเรือนยากจน 24 บูท")
    ['ครัวเรือน', 'ยากจน', ' ', '24', ' ', 'บูท']
    """
    from pythainlp.tokenize import word_tokenize

    return word_tokenize(text, engine="newmm", keep_whitespace=True)
