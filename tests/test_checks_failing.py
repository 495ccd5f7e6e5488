"""Checks that fail, and checks at the edge of their tolerance: the failure is reported with its figures.

Documents here are written for the test (never the sample): a prose post whose product, ratio
and sum do not hold, and a Word table dumped to text with one failing product beside a ratio
and a sum that hold. Each failure must reach ``parse --json``, the frames and the brief, with
the figures it stands on (``120 หมู่บ้าน × 20,000 บาท = 2,400,000 บาท (ไม่ตรงกับที่ระบุ 2,500,000 บาท)``).

Tolerances (lib/cddbrief/checks.py): a product holds while |count × rate − total| ≤ 0.5 % of
the stated total; a ratio while |part ÷ whole × 100 − stated %| ≤ half the last stated decimal;
a sum only exactly (float noise aside).
"""

from __future__ import annotations

import json

import docgen
import pytest
from conftest import run_cli

from cddbrief.checks import PRODUCT_TOLERANCE
from cddbrief.meeting import parse_document
from cddbrief.sources import read_bytes
from cddbrief.tidy import frames

# --- the fixture meetings ----------------------------------------------------------------------

HEAD = "สพอ.แม่ทะ ร่วมประชุมกรมการพัฒนาชุมชน ครั้งที่ 8/2564 เมื่อวันที่ 17 สิงหาคม 2564 มีข้อสั่งการ ดังนี้\n"

# every check of this post fails
FAILING_POST = HEAD + (
    "1. กองทุนหมู่บ้าน: งบประมาณ 2,500,000 บาท ดำเนินการ 120 หมู่บ้าน หมู่บ้านละ 20,000 บาท\n"
    "2. ข้อมูล จปฐ.: เป้าหมาย 800 ครัวเรือน จัดเก็บได้ 600 ครัวเรือน คิดเป็นร้อยละ 80.25\n"
    "3. การพัฒนาบุคลากร: หลักสูตรรวม 50 วิชา ประกอบด้วยสมรรถนะหลัก 21 วิชา และสมรรถนะเฉพาะ 30 วิชา\n"
)


def failing_table() -> docgen.GenMeeting:
    """A table meeting with one failing check (the product) and two that hold (ratio, sum)."""
    items = [
        docgen.GenItem(
            1, "โครงการโคก หนอง นา", [docgen.Sentence("งบประมาณ 2,500,000 บาท ดำเนินการ 120 หมู่บ้าน หมู่บ้านละ 20,000 บาท")]
        ),
        docgen.GenItem(
            2, "ข้อมูลความจำเป็นพื้นฐาน", [docgen.Sentence("เป้าหมาย 800 ครัวเรือน จัดเก็บได้ 600 ครัวเรือน คิดเป็นร้อยละ 75.00")]
        ),
        docgen.GenItem(3, "การพัฒนาผู้นำชุมชน", [docgen.Sentence("อบรม 51 คน ประกอบด้วยผู้นำอาสา 21 คน และคณะกรรมการ 30 คน")]),
    ]
    return docgen.GenMeeting(6, 2563, "สำนักงานพัฒนาชุมชนอำเภอป่าซาง", "ป่าซาง", "ลำพูน", items)


def parse(text: str, name: str = "x.txt"):
    return parse_document(read_bytes(text.encode("utf-8"), name))


def post(*points: str):
    """A prose post of one office with these numbered points."""
    return parse(HEAD + "".join(f"{n}. {p}\n" for n, p in enumerate(points, start=1)))


cli = run_cli


# --- the failure, with its figures, in the JSON, the frames and the brief ----------------------


def test_failing_checks_in_parse_json(tmp_path):
    source = tmp_path / "failing-post.txt"
    source.write_text(FAILING_POST, encoding="utf-8")
    result = cli("parse", str(source), "--json")
    assert result.returncode == 0, result.stderr
    checks = {c["kind"]: c for c in json.loads(result.stdout)["checks"]}
    assert set(checks) == {"product", "ratio", "sum"}
    assert all(c["holds"] is False for c in checks.values())
    product, ratio, total = checks["product"], checks["ratio"], checks["sum"]
    assert (product["item"], product["operands"], product["total"], product["actual"]) == (
        1,
        [120, 20000],
        2500000,
        2400000,
    )
    assert product["statement"] == "120 หมู่บ้าน × 20,000 บาท = 2,400,000 บาท (ไม่ตรงกับที่ระบุ 2,500,000 บาท)"
    assert product["statement_en"].endswith("(does not match the stated 2,500,000 baht)")
    assert product["evidence"] == ["120 หมู่บ้าน", "หมู่บ้านละ 20,000 บาท", "2,500,000 บาท"]
    assert (ratio["item"], ratio["operands"], ratio["total"], ratio["actual"]) == (2, [600, 800], 80.25, 75.0)
    assert ratio["statement"] == "600 ÷ 800 ครัวเรือน = 75.00% (ไม่ตรงกับที่ระบุ 80.25%)"
    assert ratio["evidence"] == ["800 ครัวเรือน", "600 ครัวเรือน", "ร้อยละ 80.25"]
    assert (total["item"], total["operands"], total["total"], total["actual"]) == (3, [21, 30], 50, 51)
    assert total["statement"] == "21+30 = 51 วิชา (ไม่ตรงกับที่ระบุ 50 วิชา)"
    assert total["labels"] == ["สมรรถนะหลัก", "สมรรถนะเฉพาะ"]


def test_failing_checks_in_the_frames():
    checks = frames(parse(FAILING_POST)).checks
    assert list(checks["kind"]) == ["product", "ratio", "sum"]
    assert list(checks["holds"]) == [False, False, False]
    assert list(checks["item"]) == [1, 2, 3]
    assert list(checks["operands"]) == ["120 ; 20,000", "600 ; 800", "21 ; 30"]
    assert list(checks["total"]) == [2500000, 80.25, 50]
    assert list(checks["actual"]) == [2400000, 75.0, 51]
    assert all("ไม่ตรงกับที่ระบุ" in s for s in checks["statement"])
    assert checks["statement"][0] == "120 หมู่บ้าน × 20,000 บาท = 2,400,000 บาท (ไม่ตรงกับที่ระบุ 2,500,000 บาท)"
    assert str(checks["holds"].dtype) == "boolean" and str(checks["meeting"][0]) == "2564-08"


def test_counts_say_how_many_fail():
    counts = parse(docgen.render_dump(failing_table())).counts()
    assert (counts["checks"], counts["failing"]) == (3, 1)


def test_the_failing_row_in_the_brief(tmp_path):
    """Built for real: the failing row says ไม่ตรงกัน with its figures; the tile counts 1 failing of 3."""
    source = tmp_path / "raw" / "failing-table.txt"
    source.parent.mkdir()
    source.write_text(docgen.render_dump(failing_table()), encoding="utf-8")
    result = cli("build", str(source), "--out", str(tmp_path / "out"), "--force", "--format", "html")
    assert result.returncode == 0, result.stderr
    html = next((tmp_path / "out").rglob("brief.html")).read_text(encoding="utf-8")
    rows = _rows(html, "checks")
    assert [r["class"] for r in rows] == ["fails", "holds", "holds"]
    failing = rows[0]["text"]
    assert "120 หมู่บ้าน × 20,000 บาท = 2,400,000 บาท (ไม่ตรงกับที่ระบุ 2,500,000 บาท)" in failing
    assert "<strong>ไม่ตรงกัน</strong>" in rows[0]["html"]
    assert "2,500,000 บาท" in failing and "หมู่บ้านละ 20,000 บาท" in failing  # its evidence
    assert "<strong>ตรงกัน</strong>" in rows[1]["html"] and "600 ÷ 800 ครัวเรือน = 75.00%" in rows[1]["text"]
    tile = html.split('id="summary"', 1)[1].split("</section>", 1)[0]
    assert '<li class="alert"><strong>1</strong> ตัวเลขที่ไม่ตรงกัน <span class="of">/ 3 การตรวจสอบตัวเลข</span>' in tile


def _rows(html: str, section: str) -> list[dict]:
    """The body rows of a section's table: class, inner HTML, text without tags."""
    import re

    body = html.split(f'id="{section}"', 1)[1].split("</section>", 1)[0].split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    rows = []
    for match in re.finditer(r'<tr class="(?P<cls>[^"]*)">(?P<inner>.*?)</tr>', body, re.S):
        text = re.sub(r"<[^>]+>", " ", match.group("inner"))
        rows.append({"class": match.group("cls"), "html": match.group("inner"), "text": " ".join(text.split())})
    return rows


# --- tolerances: holds at the edge, fails just past it -----------------------------------------


def only_check(text: str, kind: str):
    found = [c for c in post(text).checks if c.kind == kind]
    assert len(found) == 1, found
    return found[0]


def test_product_tolerance_is_half_a_percent_of_the_stated_total():
    assert PRODUCT_TOLERANCE == 0.005


@pytest.mark.parametrize(
    "count, rate, total, holds",
    [
        (199, "5,000", "1,000,000", True),  # 995,000: 0.5 % under the stated total, the edge
        (199, "5,000", "1,000,001", False),  # 5,001 of 1,000,001 is just past 0.5 %
        (201, "5,000", "1,000,000", True),  # 1,005,000: 0.5 % over
        (201, "5,000", "999,999", False),
        (120, "20,000", "2,400,000", True),  # exact
    ],
)
def test_product_at_the_edge_of_its_tolerance(count, rate, total, holds):
    c = only_check(f"กองทุนหมู่บ้าน: งบประมาณ {total} บาท ดำเนินการ {count} หมู่บ้าน หมู่บ้านละ {rate} บาท", "product")
    stated = int(total.replace(",", ""))
    assert (c.operands, c.total, c.actual, c.holds) == (
        (count, int(rate.replace(",", ""))),
        stated,
        count * int(rate.replace(",", "")),
        holds,
    )
    assert ("ไม่ตรงกับที่ระบุ" in c.statement) is not holds and ("does not match" in c.statement_en) is not holds


@pytest.mark.parametrize(
    "part, whole, stated, tolerance, holds",
    [
        (74510, 200000, "37.25", 0.005, True),  # 37.255: half a hundredth over
        (74511, 200000, "37.25", 0.005, False),  # 37.2555
        (74490, 200000, "37.25", 0.005, True),  # 37.245: half a hundredth under
        (74489, 200000, "37.25", 0.005, False),  # 37.2445
        (74500, 200000, "37.3", 0.05, True),  # 37.25: half a tenth under
        (74499, 200000, "37.3", 0.05, False),
        (75000, 200000, "37", 0.5, True),  # 37.5: half a unit over
        (75001, 200000, "37", 0.5, False),
    ],
)
def test_ratio_at_the_edge_of_half_its_last_decimal(part, whole, stated, tolerance, holds):
    c = only_check(f"ข้อมูล จปฐ.: เป้าหมาย {whole:,} ครัวเรือน จัดเก็บได้ {part:,} ครัวเรือน คิดเป็นร้อยละ {stated}", "ratio")
    assert c.operands == (part, whole) and c.total == float(stated)
    assert c.actual == pytest.approx(part / whole * 100, abs=1e-4)
    assert c.tolerance == pytest.approx(tolerance, abs=1e-8)
    assert c.holds is holds


def test_ratio_tolerance_follows_the_decimals_as_written():
    c = only_check("ข้อมูล จปฐ.: เป้าหมาย 800 ครัวเรือน จัดเก็บได้ 602 ครัวเรือน คิดเป็นร้อยละ 75.00", "ratio")
    assert c.tolerance == pytest.approx(0.005, abs=1e-8) and c.holds is False


@pytest.mark.parametrize(
    "total, holds, operands",
    [
        ("1,000.30", True, (600.1, 400.2)),  # 600.1 + 400.2 is 1000.3000000000001 in floats: still equal
        ("1,000.31", False, (600.1, 400.2)),  # a hundredth off: fails
        ("1,000.29", False, (600.1, 400.2)),
    ],
)
def test_sum_holds_only_exactly(total, holds, operands):
    c = only_check(f"การเบิกจ่าย: งบประมาณ {total} บาท ประกอบด้วย ค่าอาหาร 600.10 บาท และค่าที่พัก 400.20 บาท", "sum")
    assert (c.operands, c.total, c.holds, c.tolerance) == (operands, float(total.replace(",", "")), holds, 0.0)
    assert c.actual == pytest.approx(1000.3)


def test_a_sum_that_is_reached_early_stops_there():
    """รวม 51 ประกอบด้วย 21, 30 และ 7: the first two add up to the total; the third is not counted."""
    c = only_check("บุคลากร: อบรม 51 คน ประกอบด้วยผู้นำ 21 คน อาสา 30 คน และวิทยากร 7 คน", "sum")
    assert (c.operands, c.actual, c.holds) == ((21, 30), 51, True)
    failing = only_check("บุคลากร: อบรม 60 คน ประกอบด้วยผู้นำ 21 คน อาสา 30 คน และวิทยากร 7 คน", "sum")
    assert (failing.operands, failing.actual, failing.holds) == ((21, 30, 7), 58, False)
