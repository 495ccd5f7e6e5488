"""Speed of what users wait for (issue 12), asserted as work done, never as seconds.

A PDF's layout cost is counted in WeasyPrint's line-breaking calls (``get_first_line``, one
Pango layout each), which repeat exactly from run to run on any machine. Seven facts such as
เรื่อง: "สรุปสาระสำคัญในการประชุม…" printed in two columns took ~2,600-3,500 calls when grid and
flex sized each value from its min-content width (overflow-wrap: anywhere: a break at every
character); fixed-layout rows take ~900-1,200.
"""

from __future__ import annotations

import cProfile
import pstats
import random
import re
import subprocess
from importlib.resources import files

import pytest

pytest.importorskip("weasyprint")

# facts of a meeting no test document has: long Thai values, a label and a 64-character hash
WORDS = [
    "การประชุม",
    "สำนักงาน",
    "พัฒนาชุมชน",
    "อำเภอ",
    "จังหวัด",
    "ผลิตภัณฑ์",
    "ครัวเรือน",
    "งบประมาณ",
    "โครงการ",
    "ตำบล",
    "หมู่บ้าน",
]


def facts(seed: int) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    rows = [
        ("เรื่อง", "".join(rng.choice(WORDS) for _ in range(14))),
        ("ครั้งที่", f"{rng.randint(1, 12)}/256{rng.randint(0, 7)}"),
    ]
    rows += [
        (label, " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 9))))
        for label in ("หน่วยงาน", "อำเภอ", "จังหวัด", "อ่านแบบ")
    ]
    rows.append(("sha256", "<code>" + "".join(rng.choice("0123456789abcdef") for _ in range(64)) + "</code>"))
    return rows


def page(rows: list[tuple[str, str]]) -> str:
    from cddbrief.fonts import font_face_css

    css = files("cddbrief").joinpath("templates", "brief.css").read_text(encoding="utf-8")
    body = "".join(f"<div><dt>{k}</dt><dd>{v}</dd></div>" for k, v in rows)
    facts_html = f'<dl class="facts">{body}</dl>' if rows else ""
    return (f'<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><style>{font_face_css()}\n{css}</style></head>'
            f'<body><main><h1>ครั้งที่ 3/2565</h1>{facts_html}<p>ท้ายหน้า</p></main></body></html>')  # fmt: skip


def line_breaks(html: str, target) -> int:
    """How many Pango line layouts WeasyPrint made to print ``html``."""
    from cddbrief.report import write_pdf

    profile = cProfile.Profile()
    profile.runcall(write_pdf, html, target)
    stats = pstats.Stats(profile).stats
    return sum(
        calls
        for (path, _, name), (calls, *_rest) in stats.items()
        if name == "get_first_line" and path.endswith("line_break.py")
    )


@pytest.mark.parametrize("seed", [3, 41])
def test_printed_facts_cost_a_few_line_layouts_per_line(tmp_path, seed):
    """Two columns of facts cost at most 200 line layouts a fact (they cost ~400-500 before)."""
    rows = facts(seed)
    line_breaks(page([]), tmp_path / "warm.pdf")  # fonts and imports
    bare = line_breaks(page([]), tmp_path / "bare.pdf")
    with_facts = line_breaks(page(rows), tmp_path / "facts.pdf")
    assert with_facts - bare <= 200 * len(rows), (with_facts, bare)


def test_printed_facts_keep_two_columns_and_every_value(tmp_path):
    rows = facts(7)
    from cddbrief.report import write_pdf

    write_pdf(page(rows), tmp_path / "facts.pdf")

    def text(mode: str) -> str:
        return subprocess.run(
            ["pdftotext", mode, str(tmp_path / "facts.pdf"), "-"], capture_output=True, text=True, check=True
        ).stdout

    flat = "".join(text("-raw").split())  # the order the page draws: each value whole
    words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', text("-bbox"))
    where = {word: (float(x), float(y)) for x, y, word in words}
    for label, value in rows:
        assert label in flat
        assert "".join(value.replace("<code>", "").replace("</code>", "").split()) in flat  # the hash wraps, never lost
    # two columns: the first fact's label and the second's share a printed line
    (x1, y1), (x2, y2) = where["เรื่อง"], where["ครั้งที่"]
    assert x2 > x1 + 200 and abs(y2 - y1) < 2, (where["เรื่อง"], where["ครั้งที่"])
