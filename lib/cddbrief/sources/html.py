"""HTML: the main content of a saved web page -> blocks (not yet written)."""

from __future__ import annotations

from pathlib import Path

from ..errors import CddbriefError


def read_html(data: bytes, name: str, digest: str):
    raise CddbriefError(f"{Path(name).name} is a web page, which cddbrief cannot read yet", "export the summary from Word as .txt or .docx")
