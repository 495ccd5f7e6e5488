"""Web pages read back: the post's own text in blocks, never the site around it; Word and LibreOffice exports whole.

The pages are tests/html_pages.py's (built there) and tests/data/html's (Word's
"save as web page" in windows-874, LibreOffice's export of a python-docx file).
"""

from __future__ import annotations

import random
from datetime import date

import html_pages as hp
import pytest

from cddbrief.errors import CddbriefError
from cddbrief.model import Block
from cddbrief.sources import RawDocument, read_bytes, read_source
from cddbrief.sources.html import decode_html, read_html

PAGES = hp.pages()


def read(name: str) -> RawDocument:
    data, file_name, _, _ = PAGES[name]
    return read_bytes(data, file_name)


def para(text: str) -> Block:
    return Block("paragraph", text)


def item(label: str, text: str, level: int = 0) -> Block:
    return Block("list_item", text, label=label, level=level)


def all_text(doc: RawDocument) -> str:
    parts = []
    for block in doc.blocks:
        parts.extend(cell for row in block.rows for cell in row) if block.kind == "table" else parts.append(block.text)
    return "\n".join(parts)


HEAD = [para(hp.TITLE), para(hp.INTRO), para(hp.WHEN), para(hp.LEAD)]


# --- web posts ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["wordpress-ol", "wordpress-cp874"])
def test_a_post_with_an_ol_gives_numbered_list_items(name):
    doc = read(name)
    assert doc.blocks == [*HEAD, *(item(f"{n}.", p) for n, p in enumerate(hp.POINTS, 1)), para(hp.CLOSING)]


def test_a_post_with_numbered_paragraphs_keeps_the_numbers_in_the_text():
    doc = read("wordpress-p")
    assert doc.blocks == [*HEAD, *(para(f"{n}. {p}") for n, p in enumerate(hp.POINTS, 1)), para(hp.CLOSING)]


def test_br_lines_in_one_paragraph_are_paragraphs_of_their_own():
    doc = read("wordpress-br")
    assert doc.blocks == [*HEAD, *(para(f"{n}) {p}") for n, p in enumerate(hp.POINTS, 1)), para(hp.CLOSING)]


def test_a_list_broken_by_a_remark_goes_on_from_its_start():
    doc = read("wordpress-ol-start")
    assert doc.blocks == [
        *HEAD,
        item("1.", hp.POINTS[0]),
        item("2.", hp.POINTS[1]),
        para(hp.REMARK),
        item("3.", hp.POINTS[2]),
        para(hp.CLOSING),
    ]


@pytest.mark.parametrize(
    "name",
    [
        "wordpress-ol",
        "wordpress-ol-start",
        "wordpress-p",
        "wordpress-br",
        "wordpress-cp874",
        "wordpress-cp874-undeclared",
        "portal-tables-tis620",
        "joomla",
    ],
)
def test_no_menu_sidebar_share_counter_comment_or_footer_text_gets_in(name):
    data, file_name, keep, chrome = PAGES[name]
    doc = read_bytes(data, file_name)
    text = all_text(doc)
    for line in keep:
        assert line in text
    for words in chrome:
        assert words not in text, words
    assert "wpData" not in text and "ajaxurl" not in text and "font-family" not in text


@pytest.mark.parametrize(
    "name", ["wordpress-ol", "wordpress-p", "wordpress-br", "wordpress-cp874", "wordpress-cp874-undeclared", "joomla"]
)
def test_title_and_publication_date(name):
    doc = read(name)
    assert doc.title == hp.TITLE
    assert doc.published == date(2021, 8, 17)
    assert doc.source.format == "html"


def test_the_date_comes_from_time_datetime_when_no_meta_gives_it():
    doc = read_bytes(hp.wordpress("<p>" + hp.INTRO + "</p>", published=None).encode("utf-8"), "p.html")
    assert doc.published == date(2021, 8, 17)


def test_an_old_portal_laid_out_in_tables_gives_the_news_not_the_menu_column():
    doc = read("portal-tables-tis620")
    assert doc.blocks == [*HEAD, *(para(f"{n}. {p}") for n, p in enumerate(hp.POINTS, 1)), para(hp.CLOSING)]
    assert doc.source.encoding == "cp874" and doc.title == hp.TITLE and doc.published is None


# --- charsets ---------------------------------------------------------------------------------------


def test_cp874_declared_is_read_as_cp874_without_a_note():
    doc = read("wordpress-cp874")
    assert doc.source.encoding == "cp874" and doc.notes == []


def test_cp874_without_a_declaration_is_read_as_cp874_and_noted():
    doc = read("wordpress-cp874-undeclared")
    assert doc.source.encoding == "cp874"
    assert [n.message for n in doc.notes] == ["the page declares no charset; it was read as cp874"]
    assert doc.blocks[0] == para(hp.TITLE)


@pytest.mark.parametrize("declared", ["windows-874", "TIS-620", "iso-8859-11", "x-windows-874"])
def test_thai_charset_names_all_read_as_cp874(declared):
    page = hp.wordpress(f"<p>{hp.INTRO}</p>", charset=declared).encode("cp874")
    doc = read_bytes(page, "p.html")
    assert doc.source.encoding == "cp874" and para(hp.INTRO) in doc.blocks and doc.notes == []


def test_utf8_declared_as_windows_874_is_read_as_utf8():
    page = hp.wordpress(f"<p>{hp.INTRO}</p>", charset="windows-874").encode("utf-8")
    doc = read_bytes(page, "p.html")
    assert doc.source.encoding == "utf-8" and para(hp.INTRO) in doc.blocks
    assert doc.notes[0].message == "the page declares windows-874 but is UTF-8; it was read as UTF-8"


def test_cp874_declared_as_latin1_is_read_as_cp874():
    page = hp.wordpress(f"<p>{hp.INTRO}</p>", charset="iso-8859-1").encode("cp874")
    doc = read_bytes(page, "p.html")
    assert doc.source.encoding == "cp874" and para(hp.INTRO) in doc.blocks
    assert "declares iso-8859-1" in doc.notes[0].message


def test_cp874_declared_in_http_equiv_and_a_utf8_bom():
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=tis-620"></head>'
        f"<body><p>{hp.WHEN}</p></body></html>"
    )
    assert read_bytes(page.encode("cp874"), "a.htm").blocks == [para(hp.WHEN)]
    bom = b"\xef\xbb\xbf" + f"<html><body><p>{hp.WHEN}</p></body></html>".encode()
    doc = read_bytes(bom, "b.html")
    assert doc.blocks == [para(hp.WHEN)] and doc.source.encoding == "utf-8"


def test_an_xhtml_page_with_an_xml_declaration():
    page = (
        '<?xml version="1.0" encoding="windows-874"?>\n'
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x">'
        f'<html xmlns="http://www.w3.org/1999/xhtml"><body><p>{hp.WHEN}</p></body></html>'
    )
    doc = read_bytes(page.encode("cp874"), "x.xhtml")
    assert doc.blocks == [para(hp.WHEN)] and doc.source.encoding == "cp874"


def test_decode_html_weighs_cp874_against_utf8():
    assert decode_html(hp.WHEN.encode("cp874"))[:2] == (hp.WHEN, "cp874")
    assert decode_html(hp.WHEN.encode("utf-8"))[:2] == (hp.WHEN, "utf-8")


# --- Word and LibreOffice exports ---------------------------------------------------------------------


def test_word_web_page_export_in_windows_874():
    doc = read("word-export")
    assert doc.source.encoding == "cp874"
    assert doc.title == "สรุปข้อสั่งการ ครั้งที่ 4/2562"
    assert doc.published is None
    assert doc.blocks == [
        para("สรุปข้อสั่งการการประชุมกรมการพัฒนาชุมชน ครั้งที่ 4/2562"),
        para("วันพุธที่ 24 เมษายน 2562 เวลา 09.30 น. ผ่านระบบ Video Conference"),
        para("ข้อสั่งการอธิบดีกรมการพัฒนาชุมชน"),
        item("1.", "ให้จังหวัดรายงานผลการจำหน่ายสินค้า OTOP ยอดรวม 15,804,000 บาท"),
        item("•", "ให้อำเภอติดตามกลุ่มผู้ผลิต 5 กลุ่ม", level=1),
        item("2.", "ให้จังหวัดจัดเก็บข้อมูล จปฐ."),
        Block(
            "table",
            rows=[
                ["ที่", "ประเด็น", "ข้อสั่งการ", "หมายเหตุ"],
                [
                    "1",
                    "โครงการพัฒนาผลิตภัณฑ์ OTOP",
                    "1) ให้จังหวัดรายงานยอดจำหน่าย 15,804,000 บาท\n2) ให้อำเภอติดตามกลุ่มผู้ผลิต",
                    "ภายใน 22 - 23 เม.ย. 62",
                ],
                ["", "", "ให้จัดงานแสดงสินค้าร่วมกับจังหวัดใกล้เคียง", ""],  # under two rowspans, a colspan: each text once
                ["2", "การจัดเก็บข้อมูล จปฐ. ปี 2562", "ให้จังหวัดเร่งบันทึกข้อมูล\nบันทึกแล้ว 97.59%", ""],
            ],
        ),
        para("ระเบียบวาระที่ 1 เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ"),
        para("ประธานแจ้งผลการดำเนินงานกองทุนหมู่บ้าน"),
        para("มติที่ประชุม รับทราบ"),
    ]
    assert [n.message for n in doc.notes] == ["Word's list numbers were read as list items (5 paragraphs)"]


def test_word_export_without_its_charset_declaration_still_reads_thai():
    data = PAGES["word-export"][0].replace(b" charset=windows-874", b"")
    doc = read_bytes(data, "word.htm")
    assert doc.source.encoding == "cp874" and doc.blocks[0] == para("สรุปข้อสั่งการการประชุมกรมการพัฒนาชุมชน ครั้งที่ 4/2562")


def test_word_filtered_export_numbers_end_at_words_spacer():
    spacer = "<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp;&nbsp; </span>"
    body = (
        "<div class=WordSection1><p class=MsoNormal>ข้อสั่งการ</p>"
        "<p class=MsoListParagraphCxSpFirst style='margin-left:36.0pt;text-indent:-18.0pt'>"
        f"<span lang=TH>1.{spacer}</span><span lang=TH>ให้จังหวัดรายงานผล</span> 15,804,000 บาท</p>"
        "<p class=MsoListParagraphCxSpMiddle style='margin-left:72.0pt;text-indent:-18.0pt'>"
        f"<span style='font-family:Symbol'>&middot;{spacer}</span>บันทึกแล้ว 97.59%</p>"
        "<p class=MsoListParagraphCxSpLast style='margin-left:36.0pt;text-indent:-18.0pt'>"
        f"<span>(2){spacer}</span>ภายใน 22 - 23 เม.ย. 62</p>"
        "<p class=MsoListParagraph>ไม่มีเลขข้อ</p></div>"
    )
    page = (
        "<html><head><meta http-equiv=Content-Type content='text/html; charset=windows-874'>"
        "<meta name=Generator content='Microsoft Word 15 (filtered)'></head>"
        f"<body>{body}</body></html>"
    )
    doc = read_bytes(page.encode("cp874"), "filtered.htm")
    assert doc.blocks == [
        para("ข้อสั่งการ"),
        item("1.", "ให้จังหวัดรายงานผล 15,804,000 บาท"),
        item("•", "บันทึกแล้ว 97.59%", level=1),
        item("(2)", "ภายใน 22 - 23 เม.ย. 62"),
        para("ไม่มีเลขข้อ"),
    ]


def test_libreoffice_export_of_a_python_docx_file():
    doc = read("libreoffice-export")
    assert doc.source.encoding == "utf-8"
    assert doc.title == "สรุปข้อสั่งการ ครั้งที่ 4/2562"
    assert doc.blocks == [
        para("สรุปข้อสั่งการการประชุมกรมการพัฒนาชุมชน ครั้งที่ 4/2562"),
        para("วันพุธที่ 24 เมษายน 2562 เวลา 09.30 น. ผ่านระบบ Video Conference"),
        para("สำนักงานพัฒนาชุมชนอำเภอแม่ทะ จังหวัดลำปาง"),
        Block(
            "table",
            rows=[
                ["ที่", "ประเด็น", "ข้อสั่งการ", "หมายเหตุ"],
                [
                    "1",
                    "โครงการพัฒนาผลิตภัณฑ์ OTOP",
                    "1. ให้จังหวัดรายงานผลการจำหน่ายสินค้า OTOP ยอดรวม 15,804,000 บาท\n2. ให้อำเภอติดตามกลุ่มผู้ผลิต 5 กลุ่ม",
                    "ภายใน 22 - 23 เม.ย. 62",
                ],
                ["2", "การจัดเก็บข้อมูล จปฐ. ปี 2562", "ให้จังหวัดเร่งบันทึกข้อมูล จปฐ. ให้แล้วเสร็จ ขณะนี้บันทึกแล้ว 97.59%", ""],
                ["3", "กองทุนหมู่บ้าน", "ให้อำเภอรายงานผลภายในวันที่ 30 เม.ย. 62", "-"],
            ],
        ),
        para("ข้อสังเกตเพิ่มเติม"),
        item("1.", "ให้พัฒนากรติดตามผลทุกสัปดาห์"),
        item("2.", "ให้รายงานผลภายในวันที่ 30 เม.ย. 62"),
        para("ผู้สรุป นางสาวสมหญิง ใจดี นักวิชาการพัฒนาชุมชนชำนาญการ"),
    ]


def test_read_source_dispatches_an_htm_file(tmp_path):
    path = tmp_path / "สรุป.htm"
    path.write_bytes(PAGES["word-export"][0])
    doc = read_source(path)
    assert doc.source.format == "html" and doc.tables()[0].rows[0] == ["ที่", "ประเด็น", "ข้อสั่งการ", "หมายเหตุ"]
    assert doc.paragraphs_before_first_table()[3] == "1. ให้จังหวัดรายงานผลการจำหน่ายสินค้า OTOP ยอดรวม 15,804,000 บาท"


# --- lists and tables as a browser shows them -------------------------------------------------------------


def page(body: str) -> bytes:
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>สรุป</title></head><body>{body}</body></html>".encode()
    )


def test_ol_start_type_value_reversed_and_nested_ul():
    body = (
        '<ol start="4"><li>ข้อสี่</li><li>ข้อห้า<ul><li>ย่อยหนึ่ง</li>'
        '<li>ย่อยสอง<ol type="a"><li>ก ย่อย</li></ol></li></ul></li></ol>'
        '<ol type="a"><li>เอ</li><li>บี</li></ol>'
        '<ol type="i" start="3"><li>สาม</li><li>สี่</li></ol>'
        '<ol type="A"><li value="27">ยี่สิบเจ็ด</li></ol>'
        "<ol reversed><li>สาม</li><li>สอง</li><li>หนึ่ง</li></ol>"
    )
    doc = read_bytes(page(body), "l.html")
    assert doc.blocks == [
        item("4.", "ข้อสี่"),
        item("5.", "ข้อห้า"),
        item("•", "ย่อยหนึ่ง", 1),
        item("•", "ย่อยสอง", 1),
        item("a.", "ก ย่อย", 2),
        item("a.", "เอ"),
        item("b.", "บี"),
        item("iii.", "สาม"),
        item("iv.", "สี่"),
        item("AA.", "ยี่สิบเจ็ด"),
        item("3.", "สาม"),
        item("2.", "สอง"),
        item("1.", "หนึ่ง"),
    ]


def test_br_inside_a_list_item_is_a_newline_of_that_item():
    doc = read_bytes(
        page("<ol><li><p>ให้จังหวัดรายงานผล</p><p>ภายใน 22 - 23 เม.ย. 62</p></li><li>ข้อสอง<br>บรรทัดสอง</li></ol>"),
        "l.html",
    )
    assert doc.blocks == [item("1.", "ให้จังหวัดรายงานผล\nภายใน 22 - 23 เม.ย. 62"), item("2.", "ข้อสอง\nบรรทัดสอง")]


def test_table_cells_with_th_thead_spans_and_a_nested_table():
    body = (
        "<table><thead><tr><th>ที่</th><th>ประเด็น</th><th>ข้อสั่งการ</th><th>หมายเหตุ</th></tr></thead><tbody>"
        "<tr><td rowspan='2'>1</td><td>OTOP</td>"
        "<td><p>1. ให้จังหวัดรายงานผล</p><p>2. ยอดรวม 15,804,000 บาท</p></td><td>-</td></tr>"
        "<tr><td colspan='3'>ให้ทุกอำเภอถือปฏิบัติ</td></tr>"
        "<tr><td>2</td><td>จปฐ.</td><td><table><tr><td>บันทึกแล้ว</td><td>97.59%</td></tr></table></td><td></td></tr>"
        "</tbody></table>"
    )
    doc = read_bytes(page(body), "t.html")
    assert doc.blocks == [
        Block(
            "table",
            rows=[
                ["ที่", "ประเด็น", "ข้อสั่งการ", "หมายเหตุ"],
                ["1", "OTOP", "1. ให้จังหวัดรายงานผล\n2. ยอดรวม 15,804,000 บาท", "-"],
                ["", "ให้ทุกอำเภอถือปฏิบัติ", "", ""],
                ["2", "จปฐ.", "บันทึกแล้ว\n97.59%", ""],
            ],
        )
    ]
    assert [n.kind for n in doc.notes] == ["merged"] and "table inside a table cell" in doc.notes[0].message


def test_merged_cells_come_once_and_keep_the_columns_in_place():
    body = (
        "<table><tr><td rowspan='3'>1</td><td colspan='2'>ก</td><td rowspan='2'>ข</td></tr>"
        "<tr><td>ค</td><td>ง</td></tr><tr><td>จ</td></tr><tr><td rowspan='99999'>2</td></tr></table>"
    )
    rows = read_bytes(page(body), "t.html").blocks[0].rows
    assert rows == [["1", "ก", "", "ข"], ["", "ค", "ง", ""], ["", "จ"], ["2"]]


def test_title_falls_back_to_the_first_h1():
    doc = read_bytes(
        "<html><body><h1>สรุปการประชุม ครั้งที่ 4/2562</h1><p>ให้จังหวัดรายงานผล</p></body></html>".encode(), "h.html"
    )
    assert doc.title == "สรุปการประชุม ครั้งที่ 4/2562"
    assert doc.blocks == [para("สรุปการประชุม ครั้งที่ 4/2562"), para("ให้จังหวัดรายงานผล")]


# --- bad and hostile pages -----------------------------------------------------------------------------------


MENU_ONLY = hp.wordpress("")  # the post's heading, its site, and no post
NAV_ONLY = (
    "<html><head><meta charset='utf-8'><title>สำนักงานพัฒนาชุมชนอำเภอแม่ทะ</title></head><body><nav><ul>"
    + "".join(
        f"<li><a href='/{n}'>{w}</a></li>"
        for n, w in enumerate(["หน้าแรก", "ข่าวประชาสัมพันธ์", "ติดต่อเรา", "ดาวน์โหลด", "กระดานข่าว"])
    )
    + "</ul></nav><footer>สงวนลิขสิทธิ์ 2564</footer></body></html>"
)


@pytest.mark.parametrize(
    "data, words",
    [
        (MENU_ONLY.encode("utf-8"), "has no main text"),
        (NAV_ONLY.encode("utf-8"), "has no main text"),
        (b"<html><head><title></title></head><body></body></html>", "holds no text"),
        (b"<!DOCTYPE html><html><body><script>document.write('x')</script><!-- -->  </body></html>", "holds no text"),
        (
            b"<html><body><h1>Minutes of meeting 4/2019</h1><p>The province shall report.</p></body></html>",
            "no Thai meeting summary",
        ),
        (b"<!DOCTYPE html>", "holds no text"),
    ],
    ids=["heading and site only", "menu only", "empty body", "only a script", "English", "doctype only"],
)
def test_a_page_without_a_thai_summary_is_one_error(data, words):
    with pytest.raises(CddbriefError) as caught:
        read_html(data, "x.html", "0")
    assert words in caught.value.problem and caught.value.remedy


def test_hostile_markup_stays_text_and_scripts_go():
    body = (
        "<script>alert('ไม่ควรเห็น')</script><style>p { color: red }</style>"
        '<p onclick="alert(1)">&lt;script&gt;alert(1)&lt;/script&gt; ให้จังหวัดรายงานผล</p>'
        '<p><img src=x onerror="alert(2)">ยอดรวม 15,804,000 บาท'
        "<iframe src='javascript:alert(3)'>ไม่ควรเห็น</iframe></p>"
        "<p style='display:none'>ข้อความซ่อน</p><noscript>ไม่ควรเห็น</noscript>"
    )
    doc = read_bytes(page(body), "h.html")
    assert doc.blocks == [para("<script>alert(1)</script> ให้จังหวัดรายงานผล"), para("ยอดรวม 15,804,000 บาท")]


def test_deep_nesting_is_read_or_refused_in_one_line():
    data = page("<div>" * 5000 + "ให้จังหวัดรายงานผลภายใน 22 - 23 เม.ย. 62" + "</div>" * 5000)
    try:
        doc = read_html(data, "deep.html", "0")
    except CddbriefError:
        return
    assert "ให้จังหวัดรายงานผล" in all_text(doc)


def test_nothing_but_cddbrief_error_escapes_from_broken_pages():
    rng = random.Random(8)
    for data, file_name, _, _ in PAGES.values():
        for _ in range(12):
            cut = data[: rng.randrange(len(data))]
            mutated = bytearray(data)
            for _ in range(30):
                mutated[rng.randrange(len(mutated))] = rng.randrange(256)
            for sample in (cut, bytes(mutated)):
                try:
                    doc = read_html(sample, file_name, "0")
                except CddbriefError as exc:
                    assert exc.problem and exc.remedy
                else:
                    assert isinstance(doc, RawDocument)
