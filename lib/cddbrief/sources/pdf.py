"""PDF: the text layer of each page -> blocks (not yet written)."""

from __future__ import annotations

from pathlib import Path

from ..errors import CddbriefError


def read_pdf(data: bytes, name: str, digest: str):
    raise CddbriefError(f"{Path(name).name} is a PDF file, which cddbrief cannot read yet", "export the summary from Word as .txt or .docx")
