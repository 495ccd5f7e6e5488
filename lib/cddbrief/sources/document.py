"""The one thing every file-kind reader gives: a RawDocument of blocks (its own module, so the
readers and the package import it without importing each other)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..model import Block, Note, Source


@dataclass
class RawDocument:
    """A source file as read: its blocks in reading order, and what reading noted.

    ``text`` keeps a text dump as decoded (its tabs are a Word table's cells);
    ``title`` and ``published`` come from an HTML page or a PDF's metadata.
    """

    source: Source
    blocks: list[Block] = field(default_factory=list)
    text: str | None = None
    title: str | None = None
    published: date | None = None
    notes: list[Note] = field(default_factory=list)

    def tables(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "table"]

    def paragraphs_before_first_table(self) -> list[str]:
        lines = []
        for block in self.blocks:
            if block.kind == "table":
                break
            lines.append(f"{block.label} {block.text}" if block.label else block.text)
        return lines
