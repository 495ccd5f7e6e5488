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
    + [0xA0, 0xB7, 0xD7, 0xF7, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2026, 0x2192, 0x2212, 0x25B2, 0x25BC]
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
    import fontTools

    source = font_path(weight)
    data = source.read_bytes()
    key = hashlib.sha256(data + repr(UNICODES).encode() + fontTools.version.encode()).hexdigest()[:20]
    cached = _cache_dir() / f"sarabun-{weight}-{key}.woff2"
    if cached.exists():
        return cached.read_bytes()
    from io import BytesIO

    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]  # keep Thai mark positioning
    options.name_IDs = ["*"]
    font = TTFont(BytesIO(data))
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=UNICODES)
    subsetter.subset(font)
    out = BytesIO()
    font.flavor = "woff2"
    font.save(out)
    woff2 = out.getvalue()
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(woff2)
        tmp.replace(cached)
    except OSError:
        pass  # a cache that cannot be written only costs time
    return woff2


def font_face_css() -> str:
    """@font-face rules with the subsets inlined as data: URLs."""
    rules = []
    for weight in WEIGHTS:
        encoded = base64.b64encode(subset_woff2(weight)).decode("ascii")
        rules.append(
            "@font-face{font-family:'Sarabun';font-style:normal;font-weight:%d;"
            "src:url(data:font/woff2;base64,%s) format('woff2');}" % (weight, encoded)
        )
    return "\n".join(rules)
