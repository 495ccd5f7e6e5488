"""The PDF's text layer: what search, copy and ``pdftotext`` read from a printed brief.

WeasyPrint maps each glyph to the text of the first cluster it was drawn in, so a glyph
shared by two characters, or one of a character's two glyphs, reads wrong: Thai SARA AM
(ลำปาง, drawn ล ํ า ป า ง) came out as ลาปาง. ``fix_text_layer`` is a WeasyPrint finisher:
before the PDF is written it replaces the ToUnicode map of every Sarabun font with one made
from the font itself (``fonts.pdf_glyph_texts``), so each glyph reads the same text wherever it
is drawn::

    <02f8> <>       NIKHAHIT: its text comes with the SARA AA after it
    <0310> <0e33>   uni0E32.am, SARA AA after a NIKHAHIT: ำ

and gives every tagged span those texts as ActualText (``give_spans_their_text``), so poppler
reads a raised or lowered mark with its letter: ครั้ง, not ครัง้. Only the text layer changes:
the glyphs drawn, and so the look, are those of the HTML brief. ``print_page`` and
``print_fetcher`` prepare what WeasyPrint prints: the PDF fonts and the charts, as bytes.
"""

from __future__ import annotations

import re
import struct
from io import BytesIO

_ENTRY = re.compile(rb"^<([0-9a-fA-F]{4})> <([0-9a-fA-F]*)>$")


def _resolve(pdf, value):
    """A pydyf object from an indirect reference (``b'47 0 R'``), or the value itself."""
    if isinstance(value, (bytes, str)):
        text = value.decode() if isinstance(value, bytes) else value
        if text.endswith(" R"):
            return pdf.objects[int(text.split()[0])]
    return value


def _font_name(pdf, font) -> str | None:
    """The PostScript name (name id 6) of the font file a Type0 font embeds."""
    from fontTools.ttLib import TTFont

    try:
        descendant = _resolve(pdf, font["DescendantFonts"][0])
        descriptor = _resolve(pdf, descendant["FontDescriptor"])
        stream = _resolve(pdf, descriptor.get("FontFile2") or descriptor.get("FontFile3"))
        data = b"".join(part if isinstance(part, bytes) else str(part).encode() for part in stream.stream)
        return TTFont(BytesIO(data), lazy=True)["name"].getDebugName(6)
    except (KeyError, IndexError, TypeError, AttributeError, ValueError):
        return None


def rewrite_cmap(lines: list, texts: dict[int, str]) -> int:
    """Rewrite the ``<gid> <text>`` lines of a ToUnicode stream from ``texts``; return how many changed."""
    changed = 0
    for i, line in enumerate(lines):
        match = _ENTRY.match(line) if isinstance(line, bytes) else None
        if not match:
            continue
        gid = int(match.group(1), 16)
        if gid not in texts:
            continue
        wanted = texts[gid].encode("utf-16-be").hex().encode()
        if wanted != match.group(2).lower():
            lines[i] = b"<%s> <%s>" % (match.group(1), wanted)
            changed += 1
    return changed


def fix_text_layer(document, pdf) -> None:
    """WeasyPrint finisher: give every Sarabun font in ``pdf`` the ToUnicode map of its glyphs."""
    from .fonts import pdf_glyph_texts

    tables = pdf_glyph_texts()
    for obj in list(pdf.objects):
        if not isinstance(obj, dict) or obj.get("Type") != "/Font" or "ToUnicode" not in obj:
            continue
        texts = tables.get(_font_name(pdf, obj) or "")
        if texts is None:  # another font (a fallback for a missing glyph): left as WeasyPrint wrote it
            continue
        cmap = _resolve(pdf, obj["ToUnicode"])
        rewrite_cmap(cmap.stream, texts)
        _rename(pdf, obj)
    give_spans_their_text(pdf, tables)


_TEXT_SHOWN = re.compile(rb"<([0-9a-fA-F]*)>")
_GLYPH_IDS = struct.Struct(">H")  # a glyph id as WeasyPrint shows it: 4 hex digits, 2 bytes


def give_spans_their_text(pdf, tables: dict[str, dict[int, str]]) -> int:
    """Give every tagged span of Sarabun text its words as ``/ActualText``; return how many spans.

    WeasyPrint draws a Thai mark that sits higher or lower than its default place (ั้ in ครั้ง,
    ุ under ร in สรุป) with a text rise of about half a point, and poppler (pdftotext, Evince,
    Okular) starts a new word where the baseline moves by more than 0.5 pt: whether ทั้งสิ้น read
    whole or as ทั้งสิน ้ depended on where on the page the line fell. A span's ActualText, the
    text of its glyphs in drawing order (``tables``: glyph id → text per font), is what poppler
    reads instead (83 words cut on the sample's 11 pages, none after); the glyphs drawn and their
    ToUnicode stay as they are, and a span with a glyph of another font is left without.
    """
    import pydyf

    fonts: dict[str, dict[int, str] | None] = {}
    for obj in pdf.objects:
        if isinstance(obj, dict) and obj.get("Type") == "/Page":
            resources = _resolve(pdf, obj.get("Resources"))
            for name, ref in (_resolve(pdf, resources.get("Font")) or {}).items() if resources else ():
                fonts.setdefault(name, tables.get(_font_name(pdf, _resolve(pdf, ref)) or ""))
    given = 0
    for obj in list(pdf.objects):
        if not isinstance(obj, pydyf.Stream) or b"BDC" not in obj.stream:
            continue
        ops = obj.stream
        open_spans: list[
            list | None
        ] = []  # [properties, parts, readable] of each span being drawn, None for other marks
        spans: list[list] = []  # the spans among them, outermost first
        font = None
        for i, op in enumerate(ops):
            if not isinstance(op, bytes):  # a span's name or properties: read with its BDC
                continue
            if op == b"BDC" or op == b"BMC":
                span = (
                    [ops[i - 1], [], True]
                    if op == b"BDC" and i >= 2 and ops[i - 2] == "/Span" and isinstance(ops[i - 1], dict)
                    else None
                )
                open_spans.append(span)
                if span is not None:
                    spans.append(span)
            elif op == b"EMC":
                span = open_spans.pop() if open_spans else None
                if span is not None:
                    spans.pop()
                    # the outermost span only: its ActualText stands for everything inside it
                    if span[2] and span[1] and "ActualText" not in span[0] and not spans:
                        span[0]["ActualText"] = pydyf.String("".join(span[1]))
                        given += 1
            elif op.endswith(b"TJ"):
                if spans:
                    texts = _glyph_texts(op, font)
                    readable = b"(" not in op and None not in texts  # glyph ids of Sarabun only, no literal string
                    for span in spans:
                        span[1].extend(text for text in texts if text is not None)
                        span[2] = span[2] and readable
            elif op.endswith(b" Tf"):
                font = fonts.get(op.split()[0].decode().lstrip("/"))
            elif op.endswith((b"Tj", b"'", b'"')):
                for span in spans:  # text shown otherwise than as glyph ids: left as drawn
                    span[2] = False
    return given


def _glyph_texts(op: bytes, font: dict[int, str] | None) -> list[str | None]:
    """The text of each glyph a ``TJ`` shows (``[<0a1b0c2d>-9<0e3f>] TJ``): None where ``font`` has none."""
    runs = _TEXT_SHOWN.findall(op)
    if font is None:
        return [None for run in runs for _ in range(0, len(run), 4)]
    shown = b"".join(runs)
    if len(shown) % 4 == 0 and all(len(run) % 4 == 0 for run in runs):
        return [font.get(glyph) for (glyph,) in _GLYPH_IDS.iter_unpack(bytes.fromhex(shown.decode()))]
    return [font.get(int(run[start : start + 4], 16)) for run in runs for start in range(0, len(run), 4)]


PRINT_SCHEME = "cddbrief-print"  # the printed page's fonts and pictures, served from memory (PrintFetcher)
_SOURCE = re.compile(r"<source\b[^>]*>")
_INLINE_IMAGE = re.compile(r'(<img\b[^>]*?\bsrc=")data:(image/[a-z0-9.+-]+);base64,([A-Za-z0-9+/=\s]*)"')


def print_page(html: str) -> tuple[str, dict[str, tuple[bytes, str]]]:
    """The brief's HTML as WeasyPrint prints it, and the files it names: ``(html, {url: (bytes, type)})``.

    The PDF fonts (``fonts.pdf_font``) replace the screen's subsets, as family ``SarabunPDF``
    (``fonts.PDF_FAMILY``) wherever the page names "Sarabun" in quotes (its styles, an SVG's
    attributes; text that merely mentions Sarabun is escaped in HTML and stays as it is).
    What the page inlines as ``data:`` URLs is handed over as bytes under short ``cddbrief-print:``
    names, through WeasyPrint's public ``url_fetcher``, so its parsers never read the base64 of the
    fonts (CSS) or the charts (HTML): ~0.1 s of a 1.4 s PDF (issue 12). A chart's narrow drawing for
    phones (the ``<source>`` of its ``<picture>``) is left out: print uses the ``<img>``. The family
    has a name of its own because WeasyPrint (fontconfig) prefers a Sarabun installed on the machine
    over an @font-face of the same name. Serve the files with ``print_fetcher``::

        <img src="data:image/png;base64,iVBO..." alt="แผนภูมิแท่งงบประมาณ ตำบลบ้านใหม่">
        → <img src="cddbrief-print:image-1.png" alt="แผนภูมิแท่งงบประมาณ ตำบลบ้านใหม่">
    """
    import base64

    from .fonts import PDF_FAMILY, WEIGHTS, font_face_css, pdf_font

    files: dict[str, tuple[bytes, str]] = {}
    rules = []
    for weight in WEIGHTS:
        url = f"{PRINT_SCHEME}:sarabun-{weight}.ttf"
        files[url] = (pdf_font(weight), "font/ttf")
        rules.append(
            f"@font-face{{font-family:'{PDF_FAMILY}';font-style:normal;font-weight:{weight};"
            f"src:url({url}) format('truetype');}}"
        )
    html = html.replace(font_face_css(), "\n".join(rules), 1)
    for quote in ('"', "'"):
        html = html.replace(f"{quote}Sarabun{quote}", f"{quote}{PDF_FAMILY}{quote}")
    html = _SOURCE.sub("", html)

    def named(match: re.Match) -> str:
        url = f"{PRINT_SCHEME}:image-{len(files) - len(WEIGHTS) + 1}.{match.group(2).split('/')[-1].split('+')[0]}"
        files[url] = (base64.b64decode(match.group(3)), match.group(2))
        return f'{match.group(1)}{url}"'

    return _INLINE_IMAGE.sub(named, html), files


def print_fetcher(files: dict[str, tuple[bytes, str]]):
    """A WeasyPrint URL fetcher that serves ``files`` (``print_page``) and ``data:`` URLs, and nothing else."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class PrintFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url in files:
                data, kind = files[url]
                return URLFetcherResponse(url, data, {"Content-Type": kind})
            return super().fetch(url, headers)  # data: URLs; any other protocol is refused

    return PrintFetcher(allowed_protocols={"data"})


def _rename(pdf, font) -> None:
    """Name the font Sarabun again (``/ABCDEF+SarabunPDF-Bold`` → ``/ABCDEF+Sarabun-Bold``)."""
    from .fonts import FAMILY, PDF_FAMILY

    descendant = _resolve(pdf, font["DescendantFonts"][0])
    descriptor = _resolve(pdf, descendant["FontDescriptor"])
    for holder, key in (
        (font, "BaseFont"),
        (descendant, "BaseFont"),
        (descriptor, "FontName"),
        (descriptor, "FontFamily"),
    ):
        value = holder.get(key)
        if isinstance(value, (bytes, str)):
            holder[key] = value.replace(
                PDF_FAMILY.encode() if isinstance(value, bytes) else PDF_FAMILY,
                FAMILY.encode() if isinstance(value, bytes) else FAMILY,
            )
        elif isinstance(getattr(value, "string", None), str):  # pydyf.String
            value.string = value.string.replace(PDF_FAMILY, FAMILY)
