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


@cache
def _function_words() -> frozenset[str]:
    from pythainlp.corpus import thai_stopwords

    return thai_stopwords()


def is_function_word(text: str) -> bool:
    """Whether text is one of PyThaiNLP's Thai stop words: words that tie a sentence together
    (ของ, และ, ให้, ได้ …) rather than name a thing.

    >>> is_function_word("ให้"), is_function_word("บูท")
    (True, False)
    """
    return text in _function_words()


def longest_word_at(text: str, start: int = 0, longest: int = 20) -> str | None:
    """The longest word of the dictionary that text holds at ``start`` (two characters at least),
    or None: where a word after a number ends, without segmenting the sentence.

    >>> longest_word_at("24 บูทให้ผู้ประกอบการ", 3), longest_word_at("24 ครัวเรือนยากจน", 3), longest_word_at("ๆๆ")
    ('บูท', 'ครัวเรือน', None)
    """
    for end in range(min(len(text), start + longest), start + 1, -1):
        if is_word(text[start:end]):
            return text[start:end]
    return None
