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


LONGEST_WORD = 24  # letters: longer than the words a document's Thai needs matched


def pieces(text: str, whole: bool = True) -> list[tuple[str, bool]]:
    """Thai letters cut into dictionary words by maximal matching (the fewest letters left out of
    any word, then the fewest pieces), each with whether the dictionary knows it; a letter it does
    not place is a piece of its own. ``whole=False``: the text itself is not one of the pieces, so a
    compound comes apart into its words.

    >>> pieces("หมู่บ้านเศรษฐกิจพอเพียง")
    [('หมู่บ้าน', True), ('เศรษฐกิจพอเพียง', True)]
    >>> pieces("กองทุนหมู่บ้าน", whole=False)
    [('กองทุน', True), ('หมู่บ้าน', True)]
    """
    n = len(text)
    best: list[tuple | None] = [(0, 0, 0, True)] + [None] * n  # (unknown letters, pieces, last start, last known)
    for end in range(1, n + 1):
        for start in range(max(0, end - LONGEST_WORD), end):
            if best[start] is None:
                continue
            known = (whole or end - start < n) and is_word(text[start:end])
            if not known and end - start > 1:
                continue
            cost = (best[start][0] + (0 if known else 1), best[start][1] + 1, start, known)
            if best[end] is None or cost[:2] < best[end][:2]:
                best[end] = cost
    found, end = [], n
    while end > 0:
        start, known = best[end][2], best[end][3]
        found.append((text[start:end], known))
        end = start
    return found[::-1]
