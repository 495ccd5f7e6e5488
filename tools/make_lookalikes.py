"""Make the look-alike test set: invented Thai meeting write-ups in every file kind, with their expected readings.

    PYTHONPATH=lib .venv/bin/python tools/make_lookalikes.py            # all documents
    PYTHONPATH=lib .venv/bin/python tools/make_lookalikes.py n01 m01    # only names starting so
    PYTHONPATH=lib .venv/bin/python tools/make_lookalikes.py --no-pdf   # skip LibreOffice

Each document has one source description, ``tests/data/lookalike/sources/<name>.txt``, written after
reading real public write-ups (department news, provincial and district posts, committee minutes,
other agencies' minutes and summaries): their structure and their traps, in our own words, with
invented people, rooms and figures. From it this tool writes, beside it in ``tests/data/lookalike/``:

- ``<name>.txt``   the text as an office pastes it (a Word table as Word's text dump: tab-led cells);
- ``<name>.docx``  a Word file (python-docx), Thai set in the complex-script font;
- ``<name>.html``  a web post: site menu, the site's banner date, breadcrumb, view counter, share
  buttons, tags, a sidebar of other posts (with their own meeting numbers and dates), footer;
- ``<name>.pdf``   the .docx printed by LibreOffice (``soffice --headless --convert-to pdf``), a
  table with or without ruling lines as the source says, in a Thai font of fonts-thai-tlwg;
- ``<name>.expected.json``  what a careful reader takes out of it (see ``expected``).

A source description is ``key: value`` lines, a ``---`` line, then the body. Body blocks are
separated by blank lines; each line of a block is one paragraph. A block whose lines start with
``| `` is a table (cells split on `` | ``, ``⏎`` breaks a line inside a cell, the first row is the
header). A line starting ``# `` is the title. Inline marks say what each piece of text is:

- ``⟦surface|value|unit⟧``  a figure (value and unit as the reader reports them: ``300 ล้านบาท`` is
  300000000 บาท, ``ร้อยละ 85.4`` is 85.4 %);
- ``⟪surface|YYYY-MM-DD⟫`` or ``⟪surface|start|end⟫``  a day-date or a range of days;
- ``⟨surface⟩``  a number that is not a figure (a room, a floor, an order number, a programme name).

The marks are removed from every file; the expected reading collects them in document order.
The generated files are committed, so tests never need LibreOffice.
"""

from __future__ import annotations

import html
import io
import json
import re
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "lookalike"
SOURCES = OUT / "sources"
KINDS = ("txt", "docx", "html", "pdf")

FIGURE = re.compile(r"⟦([^|⟧]+)\|([^|⟧]+)\|([^⟧]+)⟧")
DATE = re.compile(r"⟪([^|⟫]+)\|(\d{4}-\d{2}-\d{2})(?:\|(\d{4}-\d{2}-\d{2}))?⟫")
TRAP = re.compile(r"⟨([^⟩]+)⟩")
LIST_KEYS = ("topics", "traps", "forms", "accept_layouts", "sidebar")


@dataclass
class Block:
    """A paragraph group (its lines) or a table (its rows of cells)."""

    lines: list[str] = field(default_factory=list)
    rows: list[list[str]] | None = None
    title: bool = False


@dataclass
class Source:
    name: str
    meta: dict
    blocks: list[Block]

    @property
    def title(self) -> str:
        return next((plain(b.lines[0]) for b in self.blocks if b.title), "")


def plain(text: str) -> str:
    """Text without its marks.

    >>> plain("จัดสรร ⟦24 บูท|24|บูท⟧ ภายใน ⟪15 ธ.ค. 66|2023-12-15⟫ ณ ⟨ห้อง 301⟩")
    'จัดสรร 24 บูท ภายใน 15 ธ.ค. 66 ณ ห้อง 301'
    """
    text = FIGURE.sub(lambda m: m.group(1), text)
    text = DATE.sub(lambda m: m.group(1), text)
    return TRAP.sub(lambda m: m.group(1), text)


def read_source(path: Path) -> Source:
    """A source description: its ``key: value`` head and its blocks."""
    head, body = path.read_text(encoding="utf-8").split("\n---\n", 1)
    meta: dict = {}
    for line in head.splitlines():
        if line.strip() and not line.startswith("//"):
            key, value = line.split(":", 1)
            value = value.strip()
            key = key.strip()
            meta[key] = [v.strip() for v in value.split(";") if v.strip()] if key in LIST_KEYS else value
    blocks = []
    for chunk in re.split(r"\n\s*\n", body.strip("\n")):
        lines = [line.rstrip() for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        if all(line.startswith("| ") for line in lines):
            blocks.append(Block(rows=[table_row(line) for line in lines]))
        elif lines[0].startswith("# "):
            blocks.append(Block(lines=[lines[0][2:]], title=True))
            if lines[1:]:
                blocks.append(Block(lines=lines[1:]))
        else:
            blocks.append(Block(lines=lines))
    return Source(path.stem, meta, blocks)


def table_row(line: str) -> list[str]:
    """The cells of a ``| a | b | c | d`` line (a trailing ``|`` closes an empty last cell).

    >>> table_row("| 4 | ผ้าไทย | ให้แต่ง ⏎2. ให้ส่ง | ")
    ['4', 'ผ้าไทย', 'ให้แต่ง⏎2. ให้ส่ง', '']
    """
    cells = line[2:].rstrip().split(" | ")
    if cells[-1].endswith("|"):
        cells[-1] = cells[-1][:-1].rstrip()
    cells = ["⏎".join(part.strip() for part in cell.split("⏎")) for cell in cells]
    return cells + [""] * (4 - len(cells))


def marked_text(source: Source) -> list[str]:
    """Every piece of the document's text, marks kept, in document order (cells row by row)."""
    pieces = []
    for block in source.blocks:
        if block.rows is None:
            pieces += block.lines
        else:
            pieces += [cell for row in block.rows for cell in row]
    return pieces


def none_if(value: str | None):
    return None if value in (None, "", "-", "null") else value


def expected(source: Source) -> dict:
    """What a careful reader takes out of the document, in every file kind."""
    meta = source.meta
    figures, dates, not_figures = [], [], []
    for piece in marked_text(source):
        for match in FIGURE.finditer(piece):
            value = float(match.group(2))
            value = int(value) if value.is_integer() else value
            figures.append({"value": value, "unit": match.group(3), "surface": match.group(1)})
        for match in DATE.finditer(piece):
            dates.append({"start": match.group(2), "end": match.group(3) or match.group(2), "surface": match.group(1)})
        not_figures += [m.group(1) for m in TRAP.finditer(piece)]
    refused = meta.get("refused") == "yes"
    return {
        "name": source.name,
        "layout": meta["layout"],
        "agency": meta["agency"],
        "accept_layouts": meta.get("accept_layouts", []),
        "refused": refused,
        "meeting": {
            "id": none_if(meta.get("meeting_id")),
            "month": none_if(meta.get("month")),
            "meeting_date": none_if(meta.get("meeting_date")),
            "published": none_if(meta.get("published")),
            "office": none_if(meta.get("office")),
            "chair": none_if(meta.get("chair")),
            "chair_name": none_if(meta.get("chair_name")),
            "place": none_if(meta.get("place")),
            "place_min": none_if(meta.get("place_min")),
        },
        "topics": meta.get("topics", []),
        "directives": int(meta["directives"]) if none_if(meta.get("directives")) else None,
        "figures": figures,
        "dates": dates,
        "not_figures": not_figures,
        "traps": meta.get("traps", []),
        "forms": meta.get("forms", list(KINDS)),
    }


# --- the file kinds ------------------------------------------------------------------------------


def render_txt(source: Source) -> str:
    """The text as pasted from the post or the Word file; a table as Word's text dump (tab-led cells,
    a blank line after each row, a row without a number starting at its topic)."""
    lines: list[str] = []
    for block in source.blocks:
        if block.rows is None:
            lines += [plain(line) for line in block.lines]
            lines.append("")
            continue
        row_open = False  # the previous row ended with a written remark: this row starts with " \t"
        for r, row in enumerate(block.rows):
            cells = [plain(cell) for cell in row]
            if r and not cells[0]:
                cells = cells[1:]  # Word's dump of an empty number cell: the row starts at its topic
            remark = cells.pop()
            for k, cell in enumerate(cells):
                parts = cell.split("⏎")
                lines.append((" \t" if k == 0 and row_open else "\t") + parts[0])
                lines += parts[1:]
            if remark:
                lines.append("\t" + remark.replace("⏎", "\n"))
                row_open = r > 0
                if r == 0:
                    lines.append("")
            else:
                lines += ["\t", ""]  # an empty remark cell and a blank line end the row
                row_open = False
    return "\n".join(lines).rstrip("\n") + "\n"


def _set_thai_font(document, font: str, size_pt: int = 16) -> None:
    import docx
    from docx.shared import Pt

    style = document.styles["Normal"]
    style.font.name = font
    style.font.size = Pt(size_pt)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(docx.oxml.ns.qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):  # Thai is a complex script: its font is w:cs
        fonts.set(docx.oxml.ns.qn(attr), font)
    size = docx.oxml.OxmlElement("w:szCs")
    size.set(docx.oxml.ns.qn("w:val"), str(size_pt * 2))
    rpr.append(size)
    lang = docx.oxml.OxmlElement("w:lang")
    lang.set(docx.oxml.ns.qn("w:bidi"), "th-TH")
    rpr.append(lang)


def render_docx(source: Source) -> bytes:
    """A Word file: the title in bold, one paragraph per line, tables with or without ruling lines."""
    import docx
    from docx.shared import Cm

    document = docx.Document()
    _set_thai_font(document, source.meta.get("pdf_font", "Garuda"), int(source.meta.get("font_size", "14")))
    section = document.sections[0]
    section.left_margin = section.right_margin = Cm(2.0)
    for block in source.blocks:
        if block.rows is None:
            for line in block.lines:
                paragraph = document.add_paragraph()
                run = paragraph.add_run(plain(line))
                run.bold = block.title
            continue
        rows = block.rows
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        if source.meta.get("borders", "yes") == "yes":
            table.style = document.styles["Table Grid"]
        widths = [Cm(float(w)) for w in source.meta.get("widths", "1.2 3.4 9.0 3.0").split()]
        table.autofit = False
        for column, width in zip(table.columns, widths):
            column.width = width
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                cell = table.cell(r, c)
                cell.width = widths[c]
                parts = plain(text).split("⏎")
                cell.text = parts[0]
                for more in parts[1:]:
                    cell.add_paragraph(more)
        document.add_paragraph("")
    out = io.BytesIO()
    document.save(out)
    return stable_zip(out.getvalue())


def stable_zip(data: bytes) -> bytes:
    """The same bytes for the same content: python-docx stamps each zip entry with the clock."""
    stable = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(stable, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info))
    return stable.getvalue()


PAGE = """<!DOCTYPE html>
<html lang="th">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} – {site}</title>
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="{published}T10:15:00+07:00">
<link rel="stylesheet" href="/wp-content/themes/office/style.css">
</head>
<body class="single-post">
<div class="topbar"><span class="today">{banner}</span> <a href="/login">เข้าสู่ระบบ</a> <a href="/en">EN</a></div>
<header class="site-header"><div class="site-name">{site}</div><div class="site-sub">{site_sub}</div>
<nav class="menu"><ul><li><a href="/">หน้าแรก</a></li><li><a href="/about">เกี่ยวกับหน่วยงาน</a></li>
<li><a href="/structure">โครงสร้างองค์กร</a></li><li><a href="/category/news">ข่าวประชาสัมพันธ์</a></li>
<li><a href="/ita">ITA</a></li><li><a href="/contact">ติดต่อเรา</a></li></ul></nav></header>
<div class="breadcrumb"><a href="/">หน้าแรก</a> » <a href="/category/news">{category}</a> » {title}</div>
<main id="content">
<article class="post">
<div class="post-category">{category}</div>
<h1 class="entry-title">{title}</h1>
<div class="entry-meta"><span class="posted-on">โพสต์เมื่อ {published_th}</span>
<span class="author">โดย {author}</span> <span class="views">เข้าชม {views} ครั้ง</span></div>
<div class="entry-content">
{body}
</div>
<div class="share"><span>แชร์</span> <a href="#fb">Facebook</a> <a href="#line">LINE</a> <a href="#x">X</a>
<a href="#copy">คัดลอกลิงก์</a></div>
<div class="tags">แท็ก: <a href="/tag/1">{tag1}</a> <a href="/tag/2">{tag2}</a></div>
</article>
</main>
<aside class="sidebar"><h3>ข่าวล่าสุด</h3><ul>
{sidebar}
</ul><h3>ลิงก์หน่วยงาน</h3><ul><li><a href="https://example.invalid/a">กรมการพัฒนาชุมชน</a></li><li>
<a href="https://example.invalid/b">ระบบ e-Office</a></li></ul></aside>
<footer class="site-footer"><p>{site} {address}</p><p>โทรศัพท์ {phone} โทรสาร {phone}</p>
<p>สงวนลิขสิทธิ์ © {copyright} {site}</p></footer>
</body>
</html>
"""


def _html_table(rows: list[list[str]]) -> str:
    out = ['<table class="directives" border="1" cellspacing="0" cellpadding="4">']
    for r, row in enumerate(rows):
        tag = "th" if r == 0 else "td"
        cells = "".join(f"<{tag}>{'<br>'.join(html.escape(p) for p in plain(cell).split('⏎'))}</{tag}>" for cell in row)
        out.append(f"<tr>{cells}</tr>")
    out.append("</table>")
    return "\n".join(out)


def render_html(source: Source) -> str:
    """A web post as an office's site shows it, with its menus, banner date, counters and sidebar."""
    meta = source.meta
    body = []
    for block in source.blocks:
        if block.title:
            continue  # the page's h1 is the title
        if block.rows is not None:
            body.append(_html_table(block.rows))
        else:
            body.append("<p>" + "<br>\n".join(html.escape(plain(line)) for line in block.lines) + "</p>")
    links = enumerate(meta.get("sidebar", []), 1)
    sidebar = "\n".join(f'<li><a href="/post/{k}">{html.escape(text)}</a></li>' for k, text in links)
    published = meta.get("published", "2023-01-01")
    return PAGE.format(
        title=html.escape(source.title),
        site=html.escape(meta.get("site", "สำนักงานพัฒนาชุมชน")),
        site_sub=html.escape(meta.get("site_sub", "กรมการพัฒนาชุมชน กระทรวงมหาดไทย")),
        banner=html.escape(meta.get("banner", "")),
        category=html.escape(meta.get("category", "ข่าวประชาสัมพันธ์")),
        published=published,
        published_th=html.escape(meta.get("published_th", "")),
        author=html.escape(meta.get("author", "admin")),
        views=meta.get("views", "57"),
        body="\n".join(body),
        tag1=html.escape(meta.get("tag1", "ประชุม")),
        tag2=html.escape(meta.get("tag2", "พัฒนาชุมชน")),
        sidebar=sidebar,
        address=html.escape(meta.get("address", "ศาลากลางจังหวัด ชั้น 2")),
        phone=meta.get("phone", "0 4251 1234"),
        copyright=meta.get("copyright", "2567"),
    )


def print_pdfs(docx_paths: list[Path], outdir: Path) -> None:
    """Print Word files to PDF with LibreOffice, in one run, with a profile of our own (other soffice
    processes on the machine keep theirs)."""
    with tempfile.TemporaryDirectory() as profile:
        command = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless"]
        command += ["--convert-to", "pdf", "--outdir", str(outdir)]
        subprocess.run(command + [str(p) for p in docx_paths], check=True, capture_output=True, timeout=900)


def main(argv: list[str]) -> None:
    with_pdf = "--no-pdf" not in argv
    prefixes = [a for a in argv if not a.startswith("--")]
    paths = [p for p in sorted(SOURCES.glob("*.txt")) if not prefixes or p.stem.startswith(tuple(prefixes))]
    sources = [read_source(p) for p in paths]
    to_print = []
    for source in sources:
        reading = expected(source)
        forms = reading["forms"]
        text = json.dumps(reading, ensure_ascii=False, indent=1) + "\n"
        (OUT / f"{source.name}.expected.json").write_text(text, encoding="utf-8")
        if "txt" in forms:
            (OUT / f"{source.name}.txt").write_text(render_txt(source), encoding="utf-8")
        if "docx" in forms or "pdf" in forms:
            data = render_docx(source)
            if "docx" in forms:
                (OUT / f"{source.name}.docx").write_bytes(data)
            if "pdf" in forms:
                to_print.append((source.name, data))
        if "html" in forms:
            (OUT / f"{source.name}.html").write_text(render_html(source), encoding="utf-8")
        print(source.name, ", ".join(forms), file=sys.stderr)
    if with_pdf and to_print:
        with tempfile.TemporaryDirectory() as tmp:
            paths = []
            for name, data in to_print:
                path = Path(tmp) / f"{name}.docx"
                path.write_bytes(data)
                paths.append(path)
            print_pdfs(paths, Path(tmp))
            for name, _ in to_print:
                (OUT / f"{name}.pdf").write_bytes((Path(tmp) / f"{name}.pdf").read_bytes())
        print(f"{len(to_print)} PDFs printed by LibreOffice", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
