"""Sarabun, from PyPI (fontpkg-sarabun): registered for matplotlib, subset for briefs.

No system font is needed: charts register the packaged files at run time, and
briefs embed a subset (Thai, Latin, the punctuation they use) as WOFF2 in
their CSS, so they show Sarabun offline, anywhere.
"""

from __future__ import annotations

import base64
import hashlib
import os
from functools import cache
from pathlib import Path

FAMILY = "Sarabun"
WEIGHTS = {400: "Regular", 700: "Bold"}

# Thai, Basic Latin, and the few symbols the templates and charts write.
UNICODES = (
    list(range(0x20, 0x7F))
    + list(range(0x0E01, 0x0E3B))
    + list(range(0x0E3F, 0x0E5C))
    + list(range(0xA0, 0x100))  # Latin-1: « » ° © and the rest a quoted text may hold
    + [0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2026, 0x2192, 0x2212, 0x25B2, 0x25BC]
)


def font_path(weight: int = 400) -> Path:
    """The packaged Sarabun file of a weight."""
    import fontpkg_sarabun

    return Path(fontpkg_sarabun.ROOT) / "files" / f"Sarabun-{WEIGHTS[weight]}.ttf"


@cache
def register_for_matplotlib() -> str:
    """Add the packaged Sarabun files to matplotlib's font manager; return the family name."""
    from matplotlib import font_manager

    for weight in WEIGHTS:
        font_manager.fontManager.addfont(str(font_path(weight)))
    return FAMILY


def _cache_dir() -> Path:
    root = os.environ.get("CDDBRIEF_CACHE") or Path.home() / ".cache" / "cddbrief"
    return Path(root) / "fonts"


def subset_woff2(weight: int = 400) -> bytes:
    """Sarabun subset to UNICODES as WOFF2, cached on disk by font and fontTools version."""
    return _subset(weight, "woff2")


def _subset(weight: int, kind: str) -> bytes:
    """The brief's Sarabun subset, as WOFF2 for the HTML or as TTF with ำ prepared for the PDF.

    Deterministic: the font's own ``head.modified`` is kept (fontTools would write the
    time of subsetting), so fresh caches give the same brief bytes. Cached on disk as a
    checked blob: a damaged cached font is made again, never used.
    """
    import fontTools

    from . import cache

    data = font_path(weight).read_bytes()
    version = PDF_FONT_VERSION if kind == "ttf" else ""
    key = hashlib.sha256(data + repr(UNICODES).encode() + fontTools.version.encode() + version.encode()).hexdigest()[
        :20
    ]
    cached = _cache_dir() / (f"sarabun-{weight}-{key}.woff2" if kind == "woff2" else f"sarabun-pdf-{weight}-{key}.ttf")
    stored = cache.read_blob(cached)
    if stored is not None:
        return stored
    from io import BytesIO

    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(BytesIO(data), recalcTimestamp=False)
    options = subset.Options()
    options.layout_features = ["*"]  # keep Thai mark positioning
    options.name_IDs = ["*"]
    if kind == "ttf":
        _prepare_for_pdf(font)
        options.glyph_names = True  # glyph_texts finds uni0E32.am by its name
    else:
        options.flavor = "woff2"
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=UNICODES)
    subsetter.subset(font)
    out = BytesIO()
    font.flavor = options.flavor
    font.save(out)
    made = out.getvalue()
    cache.write_blob(cached, made)
    return made


def font_face_css() -> str:
    """@font-face rules with the subsets inlined as data: URLs."""
    rules = []
    for weight in WEIGHTS:
        encoded = base64.b64encode(subset_woff2(weight)).decode("ascii")
        rules.append(
            f"@font-face{{font-family:'Sarabun';font-style:normal;font-weight:{weight};"
            f"src:url(data:font/woff2;base64,{encoded}) format('woff2');}}"
        )
    return "\n".join(rules)


# --- the font a PDF is printed with ------------------------------------------------------------
#
# A PDF's text layer maps each drawn glyph to text (its ToUnicode map), one glyph to one string.
# Thai SARA AM is drawn as two glyphs, NIKHAHIT then SARA AA (ลำ → ล ํ า; in น้ำ the NIKHAHIT
# moves before the tone mark and joins it: น ํ้ า), and SARA AA is the glyph of า too. So no
# glyph-to-text map can read ำ back: WeasyPrint's read ลาปาง (or ลำปำง, by which came first), and
# search and copy lost ลำปาง. The PDF font is Sarabun with two substitutions more, so that every
# glyph has one text of its own and none is empty (pdfium reads an empty one as its code):
#   ล ํ า   → ล ำ: NIKHAHIT + SARA AA join into the font's own ำ (``uni0E33``), which reads "ำ"
#             (after ป ฝ ฟ the narrow NIKHAHIT stays apart: ปำ, rare, reads ปํา);
#   น ํ้ า → น ํ้ า.am: SARA AA after a NIKHAHIT joined to a tone mark is ``uni0E32.am``, the same
#             outline, which reads "ำ", and ํ้ reads "้": น้ำ.
# ``pdftext`` writes these texts into the PDF.

PDF_FONT_VERSION = "5"  # change when the preparation below changes: the disk cache keys on it
PDF_FAMILY = "SarabunPDF"  # the family WeasyPrint prints with; the PDF names it Sarabun again
AM_GLYPH = "uni0E32.am"
NIKHAHIT, SARA_AA, SARA_AM = "\u0e4d", "\u0e32", "\u0e33"


def _gsub_subtables(font):
    """(lookup index, subtable) of every GSUB lookup, extension lookups unwrapped."""
    if "GSUB" not in font:
        return
    for index, lookup in enumerate(font["GSUB"].table.LookupList.Lookup):
        for sub in lookup.SubTable:
            yield index, getattr(sub, "ExtSubTable", sub)


def glyph_texts(font) -> dict[str, str]:
    """The text each glyph of a font stands for in a PDF's text layer, by glyph name.

    From the cmap, then through the font's substitutions (``uni0E49.small`` reads ``้`` like
    ``uni0E49``; a ligature reads its parts, a NIKHAHIT joined to a tone mark reads the tone
    mark: its ำ is read from the ``uni0E32.am`` after it, so ``น ํ้ า.am`` reads น้ำ).
    """
    texts: dict[str, str] = {}
    for code, name in sorted(font.getBestCmap().items()):
        texts.setdefault(name, chr(code))
    order = set(font.getGlyphOrder())
    if AM_GLYPH in order:
        texts[AM_GLYPH] = SARA_AM
    changed = True
    while changed:
        changed = False
        for _, sub in _gsub_subtables(font):
            pairs = []
            if hasattr(sub, "mapping"):  # single substitution (multiple: its outputs read themselves)
                pairs = [(src, [dst]) for src, dst in sub.mapping.items() if isinstance(dst, str)]
            elif hasattr(sub, "alternates"):
                pairs = list(sub.alternates.items())
            elif hasattr(sub, "ligatures"):
                for first, ligatures in sub.ligatures.items():
                    for lig in ligatures:
                        parts = [first, *lig.Component]
                        if lig.LigGlyph not in texts and all(p in texts for p in parts):
                            texts[lig.LigGlyph] = "".join(texts[p] for p in parts if texts[p] != NIKHAHIT) or NIKHAHIT
                            changed = True
            for src, targets in pairs:
                for dst in targets:
                    if src in texts and dst not in texts:
                        texts[dst] = texts[src]
                        changed = True
    return texts


def _add_lookup(font, lookup) -> int:
    """Append a GSUB lookup, run with ccmp after the font's own; return its index."""
    lookups = font["GSUB"].table.LookupList
    lookups.Lookup.append(lookup)
    lookups.LookupCount = len(lookups.Lookup)
    return lookups.LookupCount - 1


def _prepare_for_pdf(font) -> None:
    """Add the glyphs and substitutions that give every glyph of ำ a text (see above)."""
    import copy

    from fontTools.otlLib.builder import (
        buildCoverage,
        buildLigatureSubstSubtable,
        buildLookup,
        buildSingleSubstSubtable,
    )
    from fontTools.ttLib.tables import otTables as ot

    cmap = font.getBestCmap()
    aa, nikhahit, am = cmap[ord(SARA_AA)], cmap[ord(NIKHAHIT)], cmap[ord(SARA_AM)]
    texts = glyph_texts(font)
    nikhahits = [n for n in font.getGlyphOrder() if texts.get(n) == NIKHAHIT]  # uni0E4D, uni0E4D.narrow
    joined = [
        n for n in font.getGlyphOrder() if n.startswith(nikhahit) and n not in nikhahits and n in texts
    ]  # ํ + tone

    glyf, hmtx = font["glyf"], font["hmtx"]
    new = [AM_GLYPH]
    font.setGlyphOrder([*font.getGlyphOrder(), *new])
    glyf.glyphOrder = font.getGlyphOrder()
    glyf.glyphs[AM_GLYPH] = copy.deepcopy(glyf[aa])
    hmtx.metrics[AM_GLYPH] = hmtx.metrics[aa]
    if "GDEF" in font and font["GDEF"].table.GlyphClassDef:
        classes = font["GDEF"].table.GlyphClassDef.classDefs
        for name in new:
            classes[name] = classes.get(am, 1)
    glyph_map = font.getReverseGlyphMap(rebuild=True)

    ligatures = {(nikhahit, aa): am}  # not the narrow NIKHAHIT of ป ฝ ฟ: ปำ reads ปํา (see README)
    indices = [_add_lookup(font, buildLookup([buildLigatureSubstSubtable(ligatures)]))]
    if joined:
        single = _add_lookup(font, buildLookup([buildSingleSubstSubtable({aa: AM_GLYPH})]))
        chain = ot.ChainContextSubst()
        chain.Format = 3
        chain.BacktrackGlyphCount, chain.BacktrackCoverage = 1, [buildCoverage(joined, glyph_map)]
        chain.InputGlyphCount, chain.InputCoverage = 1, [buildCoverage([aa], glyph_map)]
        chain.LookAheadGlyphCount, chain.LookAheadCoverage = 0, []
        record = ot.SubstLookupRecord()
        record.SequenceIndex, record.LookupListIndex = 0, single
        chain.SubstCount, chain.SubstLookupRecord = 1, [record]
        indices.append(_add_lookup(font, buildLookup([chain])))
    for feature in font["GSUB"].table.FeatureList.FeatureRecord:
        if feature.FeatureTag == "ccmp":  # after the font's own ccmp (decomposition, ํ + tone, narrow forms)
            feature.Feature.LookupListIndex.extend(indices)
            feature.Feature.LookupCount = len(feature.Feature.LookupListIndex)


def pdf_font(weight: int = 400) -> bytes:
    """Sarabun for printing: the brief's subset, ำ prepared for the text layer, as TTF, cached on disk."""
    return _subset(weight, "ttf")


@cache
def pdf_glyph_texts() -> dict[str, dict[int, str]]:
    """PostScript name of each PDF font (``Sarabun``, ``Sarabun-Bold``) → glyph id → its text."""
    from io import BytesIO

    from fontTools.ttLib import TTFont

    tables = {}
    for weight in WEIGHTS:
        font = TTFont(BytesIO(pdf_font(weight)))
        texts = glyph_texts(font)
        ids = font.getReverseGlyphMap()
        tables[font["name"].getDebugName(6)] = {ids[name]: text for name, text in texts.items()}
    return tables
