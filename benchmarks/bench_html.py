"""Web pages -> blocks: speed, precision and recall of cddbrief's lxml reader against trafilatura.

    .venv/bin/python benchmarks/bench_html.py [--runs N]

The pages are those of tests/html_pages.py (WordPress-like posts with menus,
sidebars, share buttons, counters and comments; an old table-layout portal;
Word's and LibreOffice's exports). For each page and route:

- ms: median wall time of one read (decoding, parsing, extraction, title and date);
- recall: share of the lines a reader must keep that appear in its blocks;
- precision: share of the characters of its blocks that belong to the page's
  content (a block line that is, or is part of, a line to keep);
- leaks: how many pieces of site chrome (menu entries, counters, footers) got in;
- labels: list items whose label is what a browser prints (<ol> pages only).

The chosen route (cddbrief.sources.html, lxml) runs always; the alternative
(trafilatura.bare_extraction, XML body turned into the same blocks) runs when
trafilatura is installed (pip install trafilatura lxml_html_clean). Both get
the text decoded by cddbrief's decode_html, so only extraction is compared.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))
sys.path.insert(0, str(ROOT / "tests"))

import html_pages  # noqa: E402

from cddbrief.model import Block  # noqa: E402
from cddbrief.sources.html import decode_html, read_html  # noqa: E402

_SPACES = re.compile(r"\s+")


def norm(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def lines_of(blocks: list[Block]) -> list[str]:
    out = []
    for block in blocks:
        if block.kind == "table":
            for row in block.rows or []:
                for cell in row:
                    out.extend(norm(x) for x in cell.split("\n") if x.strip())
        else:
            out.extend(norm(x) for x in block.text.split("\n") if x.strip())
    return out


def score(blocks: list[Block], keep: list[str], drop: list[str]) -> dict:
    lines = lines_of(blocks)
    joined = "\n".join(lines)
    keep_n = [norm(k) for k in keep]
    found = sum(1 for k in keep_n if k in joined)
    good = sum(len(line) for line in lines if any(line in k or k in line for k in keep_n))
    total = sum(len(line) for line in lines) or 1
    leaks = sum(1 for d in drop if d in joined)
    return {"recall": found / len(keep_n), "precision": good / total, "leaks": leaks}


def labels_ok(blocks: list[Block]) -> float | None:
    items = [b for b in blocks if b.kind == "list_item" and b.level == 0]
    if not items:
        return None
    return sum(1 for n, b in enumerate(items, 1) if b.label == f"{n}.") / len(items)


# --- the alternative: trafilatura -------------------------------------------------------------------


def trafilatura_blocks(text: str) -> tuple[list[Block], str | None, str | None]:
    """trafilatura's XML body as blocks (p/head -> paragraphs split at <lb/>, list/item, table/row/cell)."""
    import trafilatura
    from lxml import etree

    xml = trafilatura.extract(
        text,
        output_format="xml",
        include_tables=True,
        include_comments=False,
        include_formatting=False,
        with_metadata=True,
        favor_recall=True,
    )
    if not xml:
        return [], None, None
    doc = etree.fromstring(xml.encode("utf-8"))
    title, published = doc.get("title"), doc.get("date")
    blocks: list[Block] = []
    if title:
        blocks.append(Block("paragraph", title))  # its body leaves the post's heading in the metadata

    def lines(node) -> list[str]:
        parts, current = [], [node.text or ""]
        for child in node:
            if child.tag == "lb":
                parts.append("".join(current))
                current = []
            else:
                current.append("".join(child.itertext()))
            current.append(child.tail or "")
        parts.append("".join(current))
        return [norm(p) for p in parts if norm(p)]

    main = doc.find("main")
    for node in main if main is not None else []:
        if node.tag in ("p", "head", "quote"):
            blocks.extend(Block("paragraph", line) for line in lines(node))
        elif node.tag == "list":
            ordered = node.get("rend") == "ol"
            for n, item in enumerate(node.findall("item"), 1):
                blocks.append(Block("list_item", "\n".join(lines(item)), label=f"{n}." if ordered else "•"))
        elif node.tag == "table":
            rows = []
            for row in node.iter("row"):
                cells = []
                for cell in row.findall("cell"):
                    paragraphs = cell.findall("p")
                    cells.append(
                        "\n".join(line for p in paragraphs for line in lines(p))
                        if paragraphs
                        else "\n".join(lines(cell))
                    )
                rows.append(cells)
            blocks.append(Block("table", rows=rows))
    return blocks, title, published


def timed(fn, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    try:
        import trafilatura  # noqa: F401

        routes = ["lxml (chosen)", "trafilatura"]
    except ImportError:
        routes = ["lxml (chosen)"]
        print("trafilatura is not installed: only the chosen route is measured")
    totals = {route: {"ms": [], "recall": [], "precision": [], "leaks": 0, "labels": []} for route in routes}
    print(f"{'page':<28} {'route':<14} {'ms':>7} {'recall':>7} {'precision':>9} {'leaks':>5} {'labels':>6}")
    for name, (data, file_name, keep, drop) in html_pages.pages().items():
        text = decode_html(data)[0]
        for route in routes:
            if route == "trafilatura":
                ms, (blocks, _, _) = timed(lambda text=text: trafilatura_blocks(text), args.runs)
            else:
                ms, doc = timed(lambda data=data, file_name=file_name: read_html(data, file_name, "0"), args.runs)
                blocks = doc.blocks
            result = score(blocks, keep, drop)
            labels = labels_ok(blocks) if name in ("wordpress-ol", "wordpress-ol-start", "wordpress-cp874") else None
            t = totals[route]
            t["ms"].append(ms)
            t["recall"].append(result["recall"])
            t["precision"].append(result["precision"])
            t["leaks"] += result["leaks"]
            if labels is not None:
                t["labels"].append(labels)
            shown = "-" if labels is None else f"{labels:.0%}"
            print(
                f"{name:<28} {route:<14} {ms:7.2f} {result['recall']:7.1%} {result['precision']:9.1%}"
                f" {result['leaks']:5d} {shown:>6}"
            )
    print()
    for route, t in totals.items():
        labels = f"{statistics.mean(t['labels']):.0%}" if t["labels"] else "-"
        print(
            f"{route:<14} mean {statistics.mean(t['ms']):6.2f} ms/page, recall {statistics.mean(t['recall']):.1%}, "
            f"precision {statistics.mean(t['precision']):.1%}, chrome leaked {t['leaks']}, <ol> labels right {labels}"
        )


if __name__ == "__main__":
    main()
