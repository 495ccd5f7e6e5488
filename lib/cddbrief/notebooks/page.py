"""The page around an exported notebook: what the ``cddbrief`` nbconvert template needs.

``cddbrief build`` hands the template its page (language, title, running header);
``jupyter nbconvert --to html --template cddbrief brief.ipynb`` gets the same page
through ``PageResources``, which the template's conf.json names: from what the
build recorded in the executed notebook (``metadata.cddbrief``), else from the
notebook itself (papermill's ``lang`` parameter, the first ``<h1>`` shown).

>>> shown = {"text/html": "<h1>Meeting 4/2562 — สพอ.แม่ทะ</h1>"}
>>> page_of({"metadata": {"papermill": {"parameters": {"lang": "en"}}},
...          "cells": [{"cell_type": "code", "outputs": [{"data": shown}]}]})
{'lang': 'en', 'title': 'Meeting 4/2562 — สพอ.แม่ทะ', 'running': 'Meeting 4/2562 — สพอ.แม่ทะ'}
"""

from __future__ import annotations

import html
import re
from importlib.resources import files
from pathlib import Path

from nbconvert.preprocessors import Preprocessor

HEADING = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)


def page_of(nb) -> dict:
    """The page of a notebook: recorded by the build, else read from its parameters and first heading."""
    recorded = nb["metadata"].get("cddbrief")
    if recorded:
        return dict(recorded)
    lang = nb["metadata"].get("papermill", {}).get("parameters", {}).get("lang") or "th"
    title = "cddbrief"
    for cell in nb["cells"]:
        shown = [o.get("data", {}).get("text/html", "") for o in cell.get("outputs", [])]
        found = next((m for m in (HEADING.search("".join(s) if isinstance(s, list) else s) for s in shown) if m), None)
        if found:
            title = html.unescape(re.sub(r"<[^>]+>", "", found.group(1))).strip()
            break
    return {"lang": lang, "title": title, "running": title}


def page_resources(page: dict) -> dict:
    """What the template reads in ``resources["cddbrief"]``: the page, fonts, styles, button labels."""
    from .. import __version__
    from ..fonts import font_face_css
    from ..words import as_lang, words_for

    words = words_for(as_lang(page["lang"]))
    templates = Path(str(files("cddbrief").joinpath("templates")))
    return {
        **page,
        "font_css": font_face_css(),
        "css": (templates / "brief.css").read_text(encoding="utf-8"),
        "version": __version__,
        "print_label": words.t("print"),
        "expand_label": words.t("expand_all"),
        "toolbar_label": words.t("brief"),
    }


class PageResources(Preprocessor):
    """Gives the cddbrief template its page when nbconvert runs it without cddbrief's build."""

    def preprocess(self, nb, resources):
        if "cddbrief" not in resources:
            resources["cddbrief"] = page_resources(page_of(nb))
        return nb, resources
