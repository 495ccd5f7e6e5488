"""HTML: a saved web page or a Word/LibreOffice web export -> the blocks of its main content.

Three steps, all on lxml (no article extractor; benchmarks/bench_html.py measures
this against trafilatura on the pages of tests/html_pages.py):

1. **Decode** the bytes before parsing: a byte-order mark, then valid UTF-8,
   then the charset the page declares (``<meta charset>``, http-equiv, XML
   declaration) and cp874 (windows-874/TIS-620), the one that reads as the most
   Thai winning. A page declaring windows-874 that is really UTF-8, or Thai
   with no declaration at all, is read right and noted.
2. **Choose what to read.** A page that is a document (exported from Word or
   LibreOffice, or with no navigation, sidebar, header or footer) is read
   whole. A web post loses its scripts, styles, forms, ``nav``/``aside``/site
   header and footer, and every element whose class or id names site chrome
   (menu, sidebar, widget, share, comments, related posts, view counters,
   breadcrumbs, tags); then the post itself is taken: the ``article``,
   ``main`` or ``entry-content`` holding the most text, or else the element
   whose paragraphs hold the most text. Lines that are only a view counter
   (``อ่าน 123 ครั้ง``) or a share prompt are dropped.
3. **Walk** it in reading order into blocks: paragraphs and headings (a
   ``<br>`` ends a paragraph), ``<li>`` as list items labelled as a browser
   prints them (``start``, ``type="a"``/``"i"``, ``•`` for ``<ul>``), Word's
   list paragraphs (``mso-list``, the number written in a ``mso-list:Ignore``
   span) as list items with that number, and tables: one cell per ``<td>``
   (a merged cell's text once, the places it covers left empty so columns stay
   in place), a cell's paragraphs joined by newlines, a table inside a cell
   flattened into that cell's text.

Script, style and comment text never becomes text; nothing is executed.
Every failure is a :class:`~cddbrief.errors.CddbriefError`.
"""

from __future__ import annotations

import codecs
import json
import re
from datetime import date
from pathlib import Path

from ..errors import CddbriefError, UnreadableSource
from ..model import Block, Note, Source
from ..thaitext import normalise_spaces, thai_share
from .document import RawDocument
from .docx import MAX_ROMAN

__all__ = ["decode_html", "read_html"]

_SITE_LINKS = 5  # a document holds a link or two; a site's page links to its other pages
_LINK_DENSITY = 0.6  # a box whose text is mostly links is a menu or a list of other posts
MAX_ELEMENTS = (
    100_000  # a meeting's post or exported document has a few thousand; 50,000 paragraphs take seconds to read
)
_MAX_DEPTH = 150  # deeper markup is read as flat text: a guard against hostile nesting
_MAX_SPAN = 100  # a rowspan or colspan beyond this is a broken or hostile page
_HEAD_BYTES = 8192  # where a charset declaration must be

# --- decoding -----------------------------------------------------------------------------------

_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# the encodings a web page is written in (Python's names for the WHATWG Encoding Standard's): a page
# declaring any other codec (punycode, idna, rot13, base64, zlib) is read as if it declared none
_TEXT_CODECS = {"utf-8", "utf-8-sig", "ascii", "utf-16", "utf-16-le", "utf-16-be", "cp874", "tis-620", "iso8859-11",
                "iso8859-1", *(f"iso8859-{n}" for n in range(2, 17) if n != 12), *(f"cp{n}" for n in range(1250, 1259)),
                "cp866", "koi8-r", "koi8-u", "mac-roman", "mac-cyrillic", "big5", "big5hkscs", "gbk", "gb2312",
                "gb18030", "shift_jis", "cp932", "euc_jp", "iso2022_jp", "euc_kr", "cp949", "cp950"}  # fmt: skip
_THAI_CHARSETS = {
    "windows-874",
    "x-windows-874",
    "cp874",
    "tis-620",
    "tis620",
    "iso-8859-11",
    "iso8859-11",
    "ms874",
    "dos-874",
}


def decode_html(data: bytes) -> tuple[str, str, Note | None]:
    """The text of a page, the charset it was read with, and a note when that is not what it declares.

    >>> decode_html('<meta charset="windows-874"><p>ครั้งที่ 4/2562</p>'.encode("cp874"))[:2]
    ('<meta charset="windows-874"><p>ครั้งที่ 4/2562</p>', 'cp874')
    >>> text, encoding, note = decode_html('<meta charset="windows-874"><p>ครั้งที่ 4/2562</p>'.encode("utf-8"))
    >>> encoding, note.kind, note.message
    ('utf-8', 'repair', 'the page declares windows-874 but is UTF-8; it was read as UTF-8')
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8", None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16", None
    declared = _declared_charset(data[:_HEAD_BYTES])
    codec = _codec(declared)
    bogus = bool(declared) and codec is None  # punycode, rot13, base64, a name no codec has: never decoded with
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:  # valid UTF-8 with Thai in it is UTF-8, whatever the page says (cp874 Thai is never valid UTF-8)
        if codec == "utf-8" or (codec is None and not declared) or data.isascii():
            return text, "utf-8", None
        if bogus:
            return text, "utf-8", _bogus_note(declared, "utf-8")
        return (
            text,
            "utf-8",
            _note(
                f"the page declares {declared} but is UTF-8; it was read as UTF-8",
                f"หน้าเว็บระบุรหัสอักขระ {declared} แต่เป็น UTF-8 จึงอ่านเป็น UTF-8",
            ),
        )
    candidates = []
    if codec not in (None, "utf-8", "cp874"):
        candidates.append((codec, data.decode(codec, errors="replace")))
    candidates.append(("cp874", data.decode("cp874", errors="replace")))
    candidates.append(("utf-8", data.decode("utf-8", errors="replace")))
    best, text = max(
        candidates,
        key=lambda pair: thai_share(_visible_guess(pair[1])) - pair[1].count("\ufffd") / max(1, len(pair[1])),
    )
    if best == codec or (best == "cp874" and codec == "cp874"):
        return text, best, None
    if bogus:
        return text, best, _bogus_note(declared, best)
    if not declared:
        return (
            text,
            best,
            _note(f"the page declares no charset; it was read as {best}", f"หน้าเว็บไม่ระบุรหัสอักขระ จึงอ่านด้วย {best}"),
        )
    return (
        text,
        best,
        _note(
            f"the page declares {declared} but reads as {best}; it was read as {best}",
            f"หน้าเว็บระบุรหัสอักขระ {declared} แต่อ่านได้ด้วย {best} จึงอ่านด้วย {best}",
        ),
    )


def _bogus_note(declared: str, used: str) -> Note:
    return _note(f"the page declares charset {declared}, which is no text encoding; it was read as {used}",
                 f"หน้าเว็บระบุรหัสอักขระ {declared} ซึ่งไม่ใช่รหัสอักขระของข้อความ จึงอ่านด้วย {used}")  # fmt: skip


def _declared_charset(head: bytes) -> str | None:
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii", errors="replace").lower() if match else None


def _codec(declared: str | None) -> str | None:
    """The Python codec for a declared charset: Thai ones read as cp874 (a superset of TIS-620); None
    for a name that is no text encoding of web pages (``punycode``, whose decoder takes quadratic time).

    >>> _codec("TIS-620".lower()), _codec("shift_jis"), _codec("punycode"), _codec("rot13")
    ('cp874', 'shift_jis', None, None)
    """
    if not declared:
        return None
    if declared in _THAI_CHARSETS:
        return "cp874"
    try:
        name = codecs.lookup(declared).name
    except LookupError:
        return None
    if name not in _TEXT_CODECS:
        return None
    return "utf-8" if name in ("utf-8", "utf-8-sig", "ascii") else name


_TAGS = re.compile(r"<[^>]*>")


def _visible_guess(text: str) -> str:
    """Text with the tags cut out, for weighing decodings: markup is ASCII whatever the charset."""
    return _TAGS.sub(" ", text[:200_000])


def _note(message: str, th: str) -> Note:
    return Note("repair", message, th=th)


# --- reading ------------------------------------------------------------------------------------


def read_html(data: bytes, name: str, digest: str):
    """A web page as a RawDocument: the blocks of its main content, its title and publication date."""

    label = Path(name).name
    try:
        text, encoding, note = decode_html(data)
        root = _parse(text)
        elements = sum(1 for _ in root.iter())
        if elements > MAX_ELEMENTS:
            raise UnreadableSource(
                f"{label} has {elements:,} HTML elements, far more than a meeting's page (limit {MAX_ELEMENTS:,})",
                "check that this is the right file, or save the post's text as .txt",
            )
        page = _Page(root)
        title, published = page.title(), page.published()  # before the chrome (bylines, dates) is cut away
        blocks, notes = page.blocks()
    except CddbriefError:
        raise
    except RecursionError:
        raise UnreadableSource(
            f"{label} is a web page nested too deeply to read",
            "save the page's text as .txt, or export the summary from Word as .docx",
        ) from None
    except Exception as exc:  # lxml and odd markup raise many kinds; the user gets one line
        raise UnreadableSource(
            f"{label} could not be read as a web page ({type(exc).__name__})",
            "save the page again from the browser, or its text as .txt",
        ) from None
    # a post's heading alone is not a post: its text is what is under it
    words = " ".join(text for text in _all_text(blocks) if page.is_document or _clean(text) != (title or ""))
    if not words.strip():
        if page.had_text:
            raise UnreadableSource(
                f"{label} has no main text (only menus, links or scripts)",
                "save the page of the meeting post itself, or copy its text into a .txt file",
            )
        raise UnreadableSource(
            f"{label} holds no text", "check that this is the right file: a saved web page of the meeting summary"
        )
    if thai_share(words) < 0.2:
        raise UnreadableSource(
            f"{label} holds no Thai meeting summary (too little Thai text)",
            "give a summary of a TV พช. meeting written in Thai",
        )
    if note is not None:
        notes.insert(0, note)
    return RawDocument(
        Source(name, digest, "html", encoding),
        blocks=blocks,
        title=title,
        published=published,
        notes=notes,
    )


def _all_text(blocks: list[Block]):
    for block in blocks:
        if block.kind == "table":
            for row in block.rows or []:
                yield from row
        else:
            yield block.text


_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)


def _parse(text: str):
    import lxml.html

    text = _XML_DECLARATION.sub("", text.replace("\x00", ""), count=1)
    if not text.strip():
        return lxml.html.document_fromstring("<html><body></body></html>")
    try:
        return lxml.html.document_fromstring(text)
    except Exception:  # lxml.etree.ParserError: "Document is empty" (only comments or doctype)
        return lxml.html.document_fromstring("<html><body></body></html>")


# --- the page -----------------------------------------------------------------------------------

# Elements whose text is never content.
_DROP_TAGS = {
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "object",
    "embed",
    "svg",
    "math",
    "canvas",
    "head",
    "form",
    "button",
    "select",
    "input",
    "textarea",
    "label",
    "option",
    "video",
    "audio",
    "map",
    "dialog",
}
# Site chrome, dropped from a web post (never from a document).
_CHROME_TAGS = {"nav", "aside", "menu"}
_CHROME_WORDS = re.compile(
    r"^(?:nav|navbar|navigation|menu|menubar|submenu|sidebar|side|widget|widgets|widget-area|footer|site-footer|colophon|"
    r"site-header|masthead|topbar|top-bar|header-top|breadcrumbs?|share|shares|sharing|sharedaddy|social|socials|"
    r"addtoany|a2a|sd-sharing|share-buttons?|comments?|comment-list|comments-area|comment-respond|respond|disqus|"
    r"related|related-posts?|yarpp|jp-relatedposts|post-navigation|nav-links|pagination|pager|page-links|"
    r"post-views|views|view-count|views-count|viewcount|hits|counter|visitor|visitors|stat|stats|"
    r"entry-meta|post-meta|entry-footer|post-footer|byline|author|tags|tag-links|cat-links|categories|"
    r"screen-reader-text|skip-link|sr-only|hidden|cookie|cookies|popup|modal|banner|ads?|advert|advertisement|"
    r"search|search-form|searchform|login|print|printfriendly|fb-root|fb-like|line-it-button|rating|"
    r"wp-block-latest-posts|recent-posts|widget_recent_entries|tagcloud|"
    r"article-info|createdby|modified|published|actions|latestnews|mostread|moduletable(?:[_-]\w+)?|module)$"
)
_MAIN_HINTS = re.compile(
    r"(?:^|[-_ ])(?:entry-content|post-content|article-content|article-body|post-body|entry-body|single-content|"
    r"td-post-content|news-detail|content-detail|detail)(?:$|[-_ ])"
)
# A line of chrome inside the post itself.
_COUNTER = re.compile(
    r"^(?:อ่าน|เข้าชม|ผู้เข้าชม|จำนวนผู้เข้าชม|จำนวนผู้อ่าน|จำนวนการเข้าชม|views?|hits?|visitors?)\s*[:：]?\s*[\d,]+\s*(?:ครั้ง|คน|views?|times)?$",
    re.IGNORECASE,
)
_SHARE = re.compile(
    r"^(?:แชร์|share|share this|แชร์บทความนี้|แบ่งปัน|tweet|line|facebook|print|พิมพ์)\s*[:：]?$", re.IGNORECASE
)

_BLOCK_TAGS = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "blockquote",
    "pre",
    "address",
    "center",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "dl",
    "dt",
    "dd",
    "figure",
    "figcaption",
    "hr",
    "body",
    "html",
    "caption",
    "details",
    "summary",
    "fieldset",
    "legend",
    "tbody",
    "thead",
    "tfoot",
}
_MSO_LEVEL = re.compile(r"mso-list\s*:\s*l\d+\s+level(\d+)", re.IGNORECASE)
_MSO_IGNORE = re.compile(r"mso-list\s*:\s*ignore", re.IGNORECASE)
_WORD_BULLETS = {"·", "", "§", "Ø", "ü", "o", "-", "–", "•", "▪", "■", "●", "○", "◦", "➢", "Ÿ"}
_DATE_CLASS = re.compile(r"publish|posted|post-date|entry-date|created|date")
_UPDATED_CLASS = re.compile(r"updated|modified")
_WORD_SPACER = re.compile(r"font\s*:\s*7\.0pt", re.IGNORECASE)
_WORD_INDENT = re.compile(r"margin-left\s*:\s*([\d.]+)pt", re.IGNORECASE)
_MAX_LABEL = 12  # "1.", "(ก)", "1.2.3": a longer "number" is text
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


class _Page:
    def __init__(self, root):
        self.root = root
        self.head = root.find("head")
        self.body = root.find("body")
        if self.body is None:
            self.body = root
        self.had_text = False
        self.notes: list[Note] = []
        self.is_document = self._is_document()

    # what kind of page

    def _is_document(self) -> bool:
        """Exported from Word or LibreOffice, or a plain page with no site chrome: read whole."""
        for meta in self.root.iter("meta"):
            if (meta.get("name") or "").lower() in ("generator", "progid", "originator"):
                content = (meta.get("content") or "").lower()
                if any(
                    word in content
                    for word in ("microsoft word", "word.document", "libreoffice", "openoffice", "writer")
                ):
                    return True
        if (
            self.body.find(".//div[@class='WordSection1']") is not None
            or self.body.find(".//*[@class='MsoNormal']") is not None
        ):
            return True
        if next(self.body.iter("nav", "aside", "header", "footer", "menu"), None) is not None:
            return False
        links = 0
        for element in self.body.iter():
            if not isinstance(element.tag, str):
                continue
            if _is_chrome(element):
                return False
            if element.tag == "a" and element.get("href"):
                links += 1
        return links < _SITE_LINKS  # a page of many links is a site around its text, though it names no menu

    # blocks

    def blocks(self) -> tuple[list[Block], list[Note]]:
        _drop(self.body, chrome=False)
        self.had_text = bool("".join(self.body.itertext()).strip())
        if self.is_document:
            content = self.body
        else:
            _drop(self.body, chrome=True)
            _drop_link_boxes(self.body)
            content = self._main()
        walker = _Walker(web=not self.is_document)
        walker.walk(content)
        return walker.blocks, walker.notes

    def _main(self):
        """The element holding the post: article, main or entry-content with the most text, or the best-scored."""
        candidates = []
        for element in self.body.iter():
            if not isinstance(element.tag, str):
                continue
            classes = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
            if (
                element.tag in ("article", "main")
                or element.get("role") == "main"
                or element.get("itemprop") == "articleBody"
                or _MAIN_HINTS.search(classes)
            ):
                candidates.append(element)
        best = None
        if candidates:
            best = max(candidates, key=lambda e: (len(_text_of(e)), -_depth(e)))
            if len(_text_of(best)) < 0.3 * len(_text_of(self.body)):
                best = None  # a small article box on a page whose text is elsewhere
        if best is None:
            best = self._scored()
        # the post's heading often sits just outside its content element: take the article around it
        parent = best.getparent()
        while parent is not None and parent.tag not in ("article", "main", "body", "html"):
            parent = parent.getparent()
        if parent is not None and parent.tag in ("article",):
            best = parent
        return best

    def _scored(self):
        """Readability's idea: each paragraph's text scores its parent fully and its grandparent half."""
        scores: dict = {}
        for element in self.body.iter("p", "li", "td", "pre", "h1", "h2", "h3", "div", "br"):
            text = (element.text or "") if element.tag in ("div", "br") else _text_of(element)
            if element.tag == "br":
                text = element.tail or ""
            length = len(text.strip())
            if length < 10:
                continue
            parent = element.getparent()
            if parent is None:
                continue
            scores[parent] = scores.get(parent, 0) + length
            grand = parent.getparent()
            if grand is not None:
                scores[grand] = scores.get(grand, 0) + length / 2
        if not scores:
            return self.body
        return max(scores, key=scores.get)

    # metadata

    def title(self) -> str | None:
        for meta in self.root.iter("meta"):
            if (meta.get("property") or meta.get("name") or "").lower() in ("og:title", "twitter:title"):
                value = _clean(meta.get("content") or "")
                if value:
                    return value
        title = self.root.find(".//title")
        if title is not None:
            value = _clean(title.text_content())
            if value:
                return value
        for h1 in self.root.iter("h1"):
            value = _clean(h1.text_content())
            if value:
                return value
        return None

    def published(self) -> date | None:
        names = (
            "article:published_time",
            "og:published_time",
            "datepublished",
            "date",
            "dc.date.issued",
            "dc.date",
            "dcterms.issued",
            "dcterms.date",
            "pubdate",
            "publishdate",
            "publish-date",
            "sailthru.date",
            "article.published",
        )
        for meta in self.root.iter("meta"):
            key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
            if key in names:
                found = _iso_date(meta.get("content") or "")
                if found:
                    return found
        for script in self.root.iter("script"):
            if (script.get("type") or "").lower() == "application/ld+json":
                found = _json_ld_date(script.text or "")
                if found:
                    return found
        times = list(self.root.iter("time"))
        times.sort(key=lambda t: 0 if "publish" in (t.get("class") or "") + (t.get("itemprop") or "") else 1)
        for element in times:
            found = _iso_date(element.get("datetime") or "")
            if found:
                return found
        return self._written_date()

    def _written_date(self) -> date | None:
        """A date written in Thai in the post's byline: ``เผยแพร่เมื่อ 17 สิงหาคม 2564``, ``โพสต์เมื่อ 5 ต.ค. 64``."""
        from ..thaidates import find_dates

        for element in self.body.iter():
            if not isinstance(element.tag, str):
                continue
            names = f"{element.get('class') or ''} {element.get('itemprop') or ''}".lower()
            if not _DATE_CLASS.search(names) or _UPDATED_CLASS.search(names):
                continue
            text = _clean(_text_of(element))[:200]
            spans, _ = find_dates(text)
            for span in spans:
                if span.precision == "day" and not span.year_inferred and span.start:
                    return span.start
        return None


def _drop(root, chrome: bool) -> None:
    """Remove what is never content (scripts, styles, forms, hidden), and with ``chrome`` the site's menus and
    the like."""
    doomed = []
    for element in root.iter():
        tag = element.tag
        if not isinstance(tag, str):
            doomed.append(element)  # comments, processing instructions
            continue
        tag = tag.lower()
        if (
            tag in _DROP_TAGS
            or element.get("hidden") is not None
            or _HIDDEN.search(element.get("style") or "")
            or element.get("aria-hidden") == "true"
        ):
            doomed.append(element)
        elif chrome and (
            tag in _CHROME_TAGS
            or _is_chrome(element)
            or (tag in ("header", "footer") and not _inside(element, "article"))
        ):
            doomed.append(element)
    for element in doomed:
        _remove(element)


_BOXES = frozenset(("ul", "ol", "table", "td", "div", "p", "section", "dl"))


def _drop_link_boxes(root) -> None:
    """Remove boxes (lists, cells, paragraphs, divisions) whose text is mostly the text of links.

    One walk in document order: inside a box already doomed nothing is weighed, so 30,000
    paragraphs of links cost 30,000 looks, not one look back at every box doomed before.
    """
    from lxml import etree

    doomed = []
    inside = None  # the doomed box the walk is in
    for event, element in etree.iterwalk(root, events=("start", "end")):
        if event == "end":
            if element is inside:
                inside = None
            continue
        if inside is not None or element.tag not in _BOXES:
            continue
        text = _clean(_text_of(element))
        if not text:
            continue
        linked = sum(len(_clean(_text_of(a))) for a in element.iter("a") if a.get("href") is not None)
        if linked > _LINK_DENSITY * len(text):
            doomed.append(element)
            inside = element
    for element in doomed:
        _remove(element)


def _is_chrome(element) -> bool:
    names = f"{element.get('class') or ''} {element.get('id') or ''} {element.get('role') or ''}".lower().split()
    if any(_CHROME_WORDS.match(name) for name in names):
        return not any(_MAIN_HINTS.search(f" {name} ") for name in names)
    return element.get("role") in ("navigation", "banner", "contentinfo", "complementary", "search")


def _inside(element, tag: str) -> bool:
    parent = element.getparent()
    while parent is not None:
        if parent.tag == tag:
            return True
        parent = parent.getparent()
    return False


def _remove(element) -> None:
    """Remove an element but keep its tail text (the text after it belongs to its parent)."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def _depth(element) -> int:
    depth = 0
    while element is not None:
        element = element.getparent()
        depth += 1
    return depth


def _text_of(element) -> str:
    return "".join(t for t in element.itertext() if t)


_SPACES = re.compile(r"\s+")


def _clean(text: str) -> str:
    """Collapse white space as a browser does; odd spaces become plain ones."""
    return _SPACES.sub(" ", normalise_spaces(text)).strip()


def _iso_date(value: str) -> date | None:
    match = re.match(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})", value)
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    if year > 2400:
        year -= 543  # a Buddhist-era year written in an ISO date
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _json_ld_date(text: str) -> date | None:
    try:
        data = json.loads(text)
    except ValueError:
        return None
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            value = item.get("datePublished")
            if isinstance(value, str) and _iso_date(value):
                return _iso_date(value)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return None


# --- walking the content into blocks -------------------------------------------------------------


def _ol_label(number: int, kind: str) -> str:
    """An ordered list's marker as a browser prints it.

    >>> _ol_label(3, "1"), _ol_label(3, "a"), _ol_label(4, "i"), _ol_label(28, "A")
    ('3.', 'c.', 'iv.', 'AB.')
    """
    if kind in ("a", "A"):
        letters = ""
        n = number
        while n > 0:
            n, rest = divmod(n - 1, 26)
            letters = "abcdefghijklmnopqrstuvwxyz"[rest] + letters
        text = letters or str(number)
    elif kind in ("i", "I"):
        from .docx import roman_numeral

        text = roman_numeral(number)
    else:
        text = str(number)
    return f"{text.upper() if kind in ('A', 'I') else text}."


class _Walker:
    """Content element -> blocks, in reading order."""

    def __init__(self, web: bool):
        self.web = web
        self.blocks: list[Block] = []
        self.notes: list[Note] = []
        self.line: list[str] = []
        self.word_numbered = 0
        self.flattened = 0
        self.in_digits = 0  # Roman-numbered list items past MAX_ROMAN, written in digits
        self.clamped = 0  # table cells whose rowspan or colspan reached past the table
        self.defer: list | None = None  # inside an <li>: nested lists and tables wait until the item is written

    def walk(self, element) -> None:
        self._element(element, level=0, depth=0)
        self._flush()
        if self.word_numbered:
            self.notes.append(
                Note(
                    "repair",
                    f"Word's list numbers were read as list items ({self.word_numbered} paragraphs)",
                    th=f"เลขข้อของ Word อ่านเป็นรายการ ({self.word_numbered} ย่อหน้า)",
                )
            )
        if self.flattened:
            self.notes.append(
                Note(
                    "merged",
                    f"a table inside a table cell was read as that cell's text ({self.flattened})",
                    th=f"ตารางซ้อนในช่องตารางอ่านเป็นข้อความของช่องนั้น ({self.flattened})",
                )
            )
        if self.in_digits:
            from .docx import digits_note

            self.notes.append(digits_note(self.in_digits))
        if self.clamped:
            self.notes.append(
                Note(
                    "repair",
                    f"{self.clamped} table cells whose spans (rowspan, colspan) reached past the table "
                    "were cut to its size",
                    th=f"ช่องตาราง {self.clamped} ช่องที่ขยาย (rowspan, colspan) เกินขนาดตาราง ถูกตัดให้พอดีตาราง",
                )
            )

    # paragraphs

    def _flush(self) -> None:
        text = _clean("".join(self.line))
        self.line = []
        if not text or (self.web and (_COUNTER.match(text) or _SHARE.match(text))):
            return
        self.blocks.append(Block("paragraph", text))

    def _element(self, element, level: int, depth: int) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        tag = tag.lower()
        if depth > _MAX_DEPTH:
            self.line.append(" " + _text_of(element) + " ")
            return
        if tag == "br":
            self._flush()
        elif self.defer is not None and tag in ("ol", "ul", "table"):
            self._flush()
            self.defer.append(element)
        elif tag == "table":
            self._flush()
            self.blocks.append(Block("table", rows=self._table(element, depth)))
        elif tag in ("ol", "ul"):
            self._flush()
            self._list(element, level, depth)
        elif tag == "li":  # an <li> outside a list
            self._flush()
            self._list_item(element, "•", level, depth)
        elif tag == "p" and self._word_list_paragraph(element):
            pass
        elif tag in _BLOCK_TAGS:
            self._flush()
            if element.text:
                self.line.append(element.text)
            for child in element:
                self._element(child, level, depth + 1)
            self._flush()
        else:  # inline
            if element.text:
                self.line.append(element.text)
            for child in element:
                self._element(child, level, depth + 1)
        if element.tail:
            self.line.append(element.tail)

    # lists

    def _list(self, element, level: int, depth: int) -> None:
        ordered = element.tag.lower() == "ol"
        kind = element.get("type") or "1"
        number = _int(element.get("start"), 1)
        reversed_ = element.get("reversed") is not None
        items = [child for child in element if isinstance(child.tag, str) and child.tag.lower() == "li"]
        if reversed_ and element.get("start") is None:
            number = len(items)
        for child in element:
            if not isinstance(child.tag, str):
                continue
            if child.tag.lower() != "li":
                self._element(child, level + 1, depth + 1)  # a list nested straight in a list
                continue
            if ordered:
                number = _int(child.get("value"), number)
                label = _ol_label(number, kind)
                if kind in ("i", "I") and not 1 <= number <= MAX_ROMAN:
                    self.in_digits += 1
                number += -1 if reversed_ else 1
            else:
                label = "•"
            self._list_item(child, label, level, depth)
        # an element's tail is handled by the caller

    def _list_item(self, element, label: str, level: int, depth: int) -> None:
        """One <li>: its own text (lines joined by newlines) as a list item; nested lists and tables after it."""
        inner = _Walker(self.web)
        inner.defer = []
        inner._element_children(element, level, depth)
        inner._flush()
        self._add_counts(inner)
        text = "\n".join(
            b.text if b.kind == "paragraph" else f"{b.label} {b.text}" for b in inner.blocks if b.kind != "table"
        )
        if text:
            self.blocks.append(Block("list_item", text, label=label, level=level))
        for node in inner.defer:
            if node.tag.lower() in ("ol", "ul"):
                self._list(node, level + 1, depth + 1)
            else:
                self.blocks.append(Block("table", rows=self._table(node, depth + 1)))

    def _word_list_paragraph(self, element) -> bool:
        """Word's list paragraph, made a list item with the number Word wrote; True when it was one.

        "Web Page": the number is in a ``mso-list:Ignore`` span and the level in ``mso-list:l0 level2``.
        "Web Page, Filtered": a ``MsoList…`` paragraph whose number ends at Word's spacer span
        (``font:7.0pt``); the level comes from the indent (36pt a level).
        """
        style = element.get("style") or ""
        level_match = _MSO_LEVEL.search(style)
        marker = next((span for span in element.iter("span") if _MSO_IGNORE.search(span.get("style") or "")), None)
        if level_match and marker is not None:
            label = _clean(_text_of(marker))
            level = int(level_match.group(1)) - 1
        elif (element.get("class") or "").startswith("MsoList"):
            spacer = next((span for span in element.iter("span") if _WORD_SPACER.search(span.get("style") or "")), None)
            if spacer is None:
                return False
            label = _clean(_text_before(element, spacer))
            indent = _WORD_INDENT.search(style)
            level = max(0, round(float(indent.group(1)) / 36) - 1) if indent else 0
        else:
            return False
        if not label or len(label) > _MAX_LABEL:
            return False
        inner = _Walker(self.web)
        inner._element_children(element, 0, 0)
        inner._flush()
        full = "\n".join(b.text for b in inner.blocks if b.kind != "table")
        if not full.startswith(label):
            return False
        self._flush()
        self._add_counts(inner)
        self.word_numbered += 1
        self.blocks.append(
            Block("list_item", full[len(label) :].strip(), label="•" if label in _WORD_BULLETS else label, level=level)
        )
        self.blocks.extend(b for b in inner.blocks if b.kind == "table")
        return True

    def _add_counts(self, inner: _Walker) -> None:
        """What a walker of a part (a list item, a cell) counted, for this walker's notes."""
        self.word_numbered += inner.word_numbered
        self.flattened += inner.flattened
        self.in_digits += inner.in_digits
        self.clamped += inner.clamped

    def _element_children(self, element, level: int, depth: int) -> None:
        if element.text:
            self.line.append(element.text)
        for child in element:
            self._element(child, level, depth + 1)

    # tables

    def _table(self, table, depth: int) -> list[list[str]]:
        """Rows of cell texts. A merged cell's text comes once, at its first row and column; the places it
        covers are empty strings, so each cell stays under its column's heading.

        Spans are clamped to the table's real size, before anything is allocated: a rowspan to the
        rows left, a colspan (and the places rowspans cover) to the widest row's own cells; so 900
        rows of ``<td rowspan=65534 colspan=1000>`` make 900 short rows, not gigabytes.
        """
        rows = []
        covered: dict[int, int] = {}  # column -> rows still covered by a rowspan from above
        own = [[c for c in row if isinstance(c.tag, str) and c.tag.lower() in ("td", "th")] for row in _rows_of(table)]
        width = max((sum(max(1, min(_int(c.get("colspan"), 1), _MAX_SPAN)) for c in cells) for cells in own), default=0)
        for at, row in enumerate(own):
            cells: list[str] = []
            for cell in row:
                while covered.get(len(cells), 0) > 0:
                    covered[len(cells)] -= 1
                    cells.append("")
                inner = _Walker(self.web)
                inner.web = False  # a cell's lines are all content
                inner._cell(cell, depth + 1)
                asked_rows, asked_cols = _int(cell.get("rowspan"), 1), _int(cell.get("colspan"), 1)
                span_rows = min(asked_rows, _MAX_SPAN, len(own) - at)
                span_cols = max(1, min(asked_cols, _MAX_SPAN, width - len(cells)))
                self.clamped += span_rows < asked_rows or span_cols < asked_cols
                for column in range(len(cells), len(cells) + span_cols):
                    if span_rows > 1:
                        covered[column] = span_rows - 1
                cells.append("\n".join(inner._cell_lines()))
                cells.extend([""] * (span_cols - 1))
                self._add_counts(inner)
            while covered.get(len(cells), 0) > 0:  # rowspans reaching past the row's last cell
                covered[len(cells)] -= 1
                cells.append("")
            for column in list(covered):
                if column >= len(cells) and covered[column] > 0:
                    covered[column] -= 1
            if cells:
                rows.append(cells)
        return rows

    def _cell(self, cell, depth: int) -> None:
        self._element_children(cell, 0, depth)
        self._flush()

    def _cell_lines(self) -> list[str]:
        lines = []
        for block in self.blocks:
            if block.kind == "table":
                self.flattened += 1
                for row in block.rows or []:
                    lines.extend(text for text in row if text)
            elif block.kind == "list_item":
                lines.append(f"{block.label} {block.text}" if block.label else block.text)
            else:
                lines.append(block.text)
        return lines


def _text_before(root, stop) -> str:
    """The text of ``root`` that comes before the element ``stop``, in document order."""
    from lxml import etree

    parts = []
    for event, node in etree.iterwalk(root, events=("start", "end")):
        if node is stop:
            break
        if event == "start":
            parts.append(node.text or "")
        elif node is not root:
            parts.append(node.tail or "")
    return "".join(parts)


def _rows_of(table):
    """The table's own rows (in thead, tbody, tfoot or straight in the table), not those of tables inside it."""
    for child in table:
        if not isinstance(child.tag, str):
            continue
        tag = child.tag.lower()
        if tag == "tr":
            yield child
        elif tag in ("thead", "tbody", "tfoot"):
            for row in child:
                if isinstance(row.tag, str) and row.tag.lower() == "tr":
                    yield row


def _int(text: str | None, default: int) -> int:
    try:
        return int((text or "").strip())
    except ValueError:
        return default
