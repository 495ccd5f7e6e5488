"""Web pages of meeting write-ups, as the offices publish them, with what a reader must keep and drop.

Shared by tests/test_html.py and benchmarks/bench_html.py. ``PAGES`` maps a name
to (bytes, file name, content lines a reader must keep, boilerplate it must drop).
The WordPress-like posts are built here around one set of site chrome (header
menu, sidebar of other posts, share buttons, a view counter, comments, footer);
the Word and LibreOffice exports are files under tests/data/html/.
"""

from __future__ import annotations

from pathlib import Path

HTML_DATA = Path(__file__).parent / "data" / "html"

TITLE = "สพอ.แม่ทะ ร่วมประชุมกรมการพัฒนาชุมชน ครั้งที่ 8/2564 ผ่านระบบ Video Conference"
INTRO = "สำนักงานพัฒนาชุมชนอำเภอแม่ทะ ร่วมประชุมกรมการพัฒนาชุมชน ครั้งที่ 8/2564 ผ่านระบบ Video Conference ณ ห้องประชุมที่ว่าการอำเภอแม่ทะ"
WHEN = "วันอังคารที่ 17 สิงหาคม 2564 เวลา 09.30 น."
LEAD = "โดยมีข้อสั่งการที่สำคัญ ดังนี้"
POINTS = [
    "ให้จังหวัดเร่งรัดการเบิกจ่ายงบประมาณโครงการพัฒนาผลิตภัณฑ์ OTOP วงเงิน 15,804,000 บาท ให้แล้วเสร็จภายในเดือนกันยายน 2564",
    "การจัดเก็บข้อมูล จปฐ. ปี 2564 บันทึกข้อมูลแล้ว 97.59% ให้อำเภอที่ยังไม่แล้วเสร็จเร่งรัดการบันทึก",
    "ให้ทุกอำเภอรายงานผลการจัดงาน OTOP ระดับจังหวัด ระหว่างวันที่ 22 - 23 เม.ย. 62 ทางระบบรายงาน",
]
REMARK = "ส่วนเรื่องการรายงานผล"
CLOSING = "ทั้งนี้ ให้พัฒนากรผู้รับผิดชอบตำบลถือปฏิบัติโดยเคร่งครัด"

# Site chrome: every one of these must stay out of the blocks.
BOILERPLATE = [
    "หน้าแรก",
    "เกี่ยวกับหน่วยงาน",
    "ข่าวประชาสัมพันธ์",
    "ติดต่อเรา",
    "ค้นหา",
    "เรื่องล่าสุด",
    "สพอ.แม่ทะ จัดกิจกรรมตลาดนัดชุมชน ประจำเดือนสิงหาคม",
    "สพอ.แม่ทะ ร่วมพิธีเปิดศูนย์เรียนรู้เศรษฐกิจพอเพียง",
    "แชร์",
    "Facebook",
    "อ่าน 123 ครั้ง",
    "ความคิดเห็น",
    "ขอบคุณสำหรับข้อมูลครับ",
    "แสดงความคิดเห็น",
    "เรื่องที่เกี่ยวข้อง",
    "สพอ.แม่ทะ ร่วมประชุมกรมการพัฒนาชุมชน ครั้งที่ 7/2564",
    "สงวนลิขสิทธิ์",
    "เลขที่ 99 หมู่ 1 ตำบลนาครัว",
    "หมวดหมู่: ข่าวกิจกรรม",
    "เรื่องก่อนหน้า",
]


def wordpress(body: str, *, charset: str | None = "utf-8", published: str | None = "2021-08-17T14:05:00+07:00") -> str:
    """A WordPress-like post page around ``body`` (the entry content's inner HTML)."""
    meta_charset = f'<meta charset="{charset}">' if charset else ""
    meta_date = f'<meta property="article:published_time" content="{published}">' if published else ""
    return f"""<!DOCTYPE html>
<html lang="th">
<head>
{meta_charset}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{TITLE} &#8211; สำนักงานพัฒนาชุมชนอำเภอแม่ทะ</title>
<meta property="og:type" content="article">
<meta property="og:title" content="{TITLE}">
<meta property="og:site_name" content="สำนักงานพัฒนาชุมชนอำเภอแม่ทะ">
{meta_date}
<link rel="stylesheet" href="/wp-content/themes/cdd/style.css">
<style>.menu li {{ display: inline; }} body {{ font-family: "TH Sarabun New"; }}</style>
<script>var wpData = {{"ajaxurl": "/wp-admin/admin-ajax.php", "msg": "อ่าน 123 ครั้ง"}};</script>
</head>
<body class="post-template-default single single-post">
<a class="skip-link screen-reader-text" href="#content">ข้ามไปยังเนื้อหา</a>
<header id="masthead" class="site-header">
  <div class="site-branding"><p class="site-title"><a href="/">สำนักงานพัฒนาชุมชนอำเภอแม่ทะ</a></p></div>
  <nav id="site-navigation" class="main-navigation">
    <ul id="primary-menu" class="menu">
      <li class="menu-item"><a href="/">หน้าแรก</a></li>
      <li class="menu-item"><a href="/about">เกี่ยวกับหน่วยงาน</a></li>
      <li class="menu-item"><a href="/news">ข่าวประชาสัมพันธ์</a></li>
      <li class="menu-item"><a href="/contact">ติดต่อเรา</a></li>
    </ul>
  </nav>
  <form role="search" class="search-form"><input type="search" placeholder="ค้นหา"><button>ค้นหา</button></form>
</header>
<div id="content" class="site-content">
<div id="primary" class="content-area">
<main id="main" class="site-main">
<article id="post-1234" class="post-1234 post type-post status-publish">
  <header class="entry-header">
    <h1 class="entry-title">{TITLE}</h1>
    <div class="entry-meta"><span class="posted-on">โพสต์เมื่อ \
<time class="entry-date published" datetime="2021-08-17T14:05:00+07:00">17 สิงหาคม 2564</time></span>
    <span class="byline">โดย admin</span> <span class="post-views">อ่าน 123 ครั้ง</span></div>
  </header>
  <div class="entry-content">
{body}
  <div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">แชร์</h3>
    <ul><li class="share-facebook"><a href="#">Facebook</a></li><li class="share-twitter"><a href="#">Tweet</a></li>\
<li class="share-line"><a href="#">LINE</a></li></ul></div>
  </div>
  <footer class="entry-footer"><span class="cat-links">หมวดหมู่: ข่าวกิจกรรม</span></footer>
</article>
<nav class="navigation post-navigation"><div class="nav-links"><a rel="prev" href="#">เรื่องก่อนหน้า</a></div></nav>
<div class="related-posts"><h3>เรื่องที่เกี่ยวข้อง</h3><ul><li><a href="#">สพอ.แม่ทะ ร่วมประชุมกรมการพัฒนาชุมชน ครั้งที่ 7/2564</a>\
</li></ul></div>
<div id="comments" class="comments-area">
  <h2 class="comments-title">ความคิดเห็น</h2>
  <ol class="comment-list"><li class="comment"><div class="comment-author">สมชาย</div><div class="comment-content">\
<p>ขอบคุณสำหรับข้อมูลครับ</p></div></li></ol>
  <div id="respond" class="comment-respond"><h3>แสดงความคิดเห็น</h3><form><textarea></textarea></form></div>
</div>
</main>
</div>
<aside id="secondary" class="widget-area">
  <section class="widget widget_recent_entries"><h2 class="widget-title">เรื่องล่าสุด</h2>
    <ul><li><a href="#">สพอ.แม่ทะ จัดกิจกรรมตลาดนัดชุมชน ประจำเดือนสิงหาคม</a></li>
    <li><a href="#">สพอ.แม่ทะ ร่วมพิธีเปิดศูนย์เรียนรู้เศรษฐกิจพอเพียง</a></li></ul></section>
</aside>
</div>
<footer id="colophon" class="site-footer"><div class="site-info">สงวนลิขสิทธิ์ &copy; 2564 สำนักงานพัฒนาชุมชนอำเภอแม่ทะ
เลขที่ 99 หมู่ 1 ตำบลนาครัว อำเภอแม่ทะ จังหวัดลำปาง 52150</div></footer>
<script src="/wp-includes/js/wp-embed.min.js"></script>
</body>
</html>
"""


def _points_ol() -> str:
    items = "\n".join(f"<li>{p}</li>" for p in POINTS)
    return f"<p>{INTRO}</p>\n<p>{WHEN}</p>\n<p>{LEAD}</p>\n<ol>\n{items}\n</ol>\n<p>{CLOSING}</p>"


def _points_ol_start() -> str:
    """An editor's list broken by a remark: the second <ol> goes on with start="3"."""
    first = "\n".join(f"<li>{p}</li>" for p in POINTS[:2])
    return (
        f"<p>{INTRO}</p>\n<p>{WHEN}</p>\n<p>{LEAD}</p>\n<ol>\n{first}\n</ol>\n<p>{REMARK}</p>\n"
        f'<ol start="3"><li>{POINTS[2]}</li></ol>\n<p>{CLOSING}</p>'
    )


def _points_p() -> str:
    items = "\n".join(f"<p>{n}. {p}</p>" for n, p in enumerate(POINTS, 1))
    return f"<p><strong>{INTRO}</strong></p>\n<p>{WHEN}</p>\n<p>{LEAD}</p>\n{items}\n<p>{CLOSING}</p>"


def _points_br() -> str:
    items = "<br>\n".join(f"{n}) {p}" for n, p in enumerate(POINTS, 1))
    return f"<p>{INTRO}<br>{WHEN}</p>\n<p>{LEAD}<br />\n{items}</p>\n<div>{CLOSING}</div>"


WEB_LINES = [TITLE, INTRO, WHEN, LEAD, *POINTS, CLOSING]

PORTAL_BOILERPLATE = [
    "หน้าแรก",
    "ประวัติหน่วยงาน",
    "ข่าวประชาสัมพันธ์",
    "ดาวน์โหลดเอกสาร",
    "ติดต่อเรา",
    "ผู้เข้าชม",
    "12,345",
    "ลิงก์หน่วยงาน",
    "กรมการพัฒนาชุมชน จังหวัดลำปาง",
    "Copyright",
    "อ่าน 45 ครั้ง",
]


def portal() -> str:
    """An older office site laid out in tables: a menu column, the news in the middle, a counter, no classes."""
    menu = "".join(
        f'<tr><td><a href="/p{n}"><font size="2">{text}</font></a></td></tr>'
        for n, text in enumerate(["หน้าแรก", "ประวัติหน่วยงาน", "ข่าวประชาสัมพันธ์", "ดาวน์โหลดเอกสาร", "ติดต่อเรา"])
    )
    points = "".join(f"<br>{n}. {p}" for n, p in enumerate(POINTS, 1))
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=tis-620">
<title>{TITLE}</title></head>
<body bgcolor="#FFFFFF">
<table width="980" border="0" align="center"><tr><td colspan="3">\
<img src="/images/banner.jpg" alt="สำนักงานพัฒนาชุมชนอำเภอแม่ทะ"></td></tr>
<tr><td width="180" valign="top"><table>{menu}</table>
<p>ผู้เข้าชม <b>12,345</b> คน</p></td>
<td width="620" valign="top">
<p><b><font size="4">{TITLE}</font></b></p>
<p>{INTRO}</p><p>{WHEN}</p>
<p>{LEAD}{points}</p>
<p>{CLOSING}</p>
<p><font size="1" color="#999999">อ่าน 45 ครั้ง</font></p>
</td>
<td width="180" valign="top"><p><b>ลิงก์หน่วยงาน</b></p><p><a href="https://cdd.go.th">กรมการพัฒนาชุมชน จังหวัดลำปาง</a></p>
<p><a href="#">จังหวัดลำปาง</a></p></td></tr>
<tr><td colspan="3" align="center"><font size="1">Copyright 2564 สำนักงานพัฒนาชุมชนอำเภอแม่ทะ</font></td></tr></table>
</body></html>
"""


JOOMLA_BOILERPLATE = [
    "หน้าหลัก",
    "ข้อมูลหน่วยงาน",
    "บริการประชาชน",
    "เขียนโดย ผู้ดูแลระบบ",
    "ฮิต: 87",
    "ผู้ที่กำลังออนไลน์",
    "เรามี 3 ผู้เยี่ยมชม",
    "ข่าวล่าสุด",
    "สพอ.แม่ทะ ประชุมประจำเดือนกรกฎาคม 2564",
    "Powered by Joomla",
    "สถิติผู้เยี่ยมชม",
    "วันนี้ 25",
    "พิมพ์",
    "อีเมล",
]


def joomla() -> str:
    """A Joomla-like page (module positions, item-page, article-info with a hit counter): written before the reader
    saw it."""
    items = "".join(f"<p>{n}. {p}</p>" for n, p in enumerate(POINTS, 1))
    return f"""<!DOCTYPE html>
<html xml:lang="th-th" lang="th-th"><head>
<meta http-equiv="content-type" content="text/html; charset=utf-8" />
<meta name="generator" content="Joomla! - Open Source Content Management" />
<title>{TITLE}</title>
<script type="text/javascript">window.addEvent('domready', function() {{ new JCaption('img.caption'); }});</script>
</head>
<body id="shadow">
<div id="wrapper"><div id="header"><div id="logo"><h2>สำนักงานพัฒนาชุมชนอำเภอแม่ทะ</h2></div>
<div class="moduletable_menu"><ul class="menu"><li class="item-101 current active"><a href="/">หน้าหลัก</a></li>
<li class="item-102"><a href="/about">ข้อมูลหน่วยงาน</a></li><li class="item-103"><a href="/service">บริการประชาชน</a></li>\
</ul></div></div>
<div id="main"><div id="leftcol"><div class="moduletable"><h3>ข่าวล่าสุด</h3>
<ul class="latestnews"><li><a href="/n1">สพอ.แม่ทะ ประชุมประจำเดือนกรกฎาคม 2564</a></li><li>\
<a href="/n2">สพอ.แม่ทะ ประชุมประจำเดือนมิถุนายน 2564</a></li></ul></div>
<div class="moduletable"><h3>ผู้ที่กำลังออนไลน์</h3><p>เรามี 3 ผู้เยี่ยมชม ออนไลน์</p></div>
<div class="moduletable"><h3>สถิติผู้เยี่ยมชม</h3><p>วันนี้ 25</p><p>ทั้งหมด 10,234</p></div></div>
<div id="maincolumn"><div class="item-page">
<h2><a href="/news/1234">{TITLE}</a></h2>
<ul class="actions"><li class="print-icon"><a href="#">พิมพ์</a></li><li class="email-icon"><a href="#">อีเมล</a></li></ul>
<dl class="article-info"><dt class="article-info-term">รายละเอียด</dt><dd class="createdby">เขียนโดย ผู้ดูแลระบบ</dd>
<dd class="published">เผยแพร่เมื่อ 17 สิงหาคม 2564</dd><dd class="hits">ฮิต: 87</dd></dl>
<p>{INTRO}</p><p>{WHEN}</p><p>{LEAD}</p>{items}<p>{CLOSING}</p>
</div></div></div>
<div id="footer"><p>Powered by Joomla!</p><p>สำนักงานพัฒนาชุมชนอำเภอแม่ทะ อำเภอแม่ทะ จังหวัดลำปาง</p></div></div>
</body></html>
"""


def _page(name: str) -> bytes:
    return (HTML_DATA / name).read_bytes()


# Word's "save as web page" of a table summary (windows-874) and LibreOffice's export of a .docx.
WORD_LINES = [  # every line of the document: it is all content
    "สรุปข้อสั่งการการประชุมกรมการพัฒนาชุมชน ครั้งที่ 4/2562",
    "วันพุธที่ 24 เมษายน 2562 เวลา 09.30 น. ผ่านระบบ Video Conference",
    "ข้อสั่งการอธิบดีกรมการพัฒนาชุมชน",
    "ให้จังหวัดรายงานผลการจำหน่ายสินค้า OTOP ยอดรวม 15,804,000 บาท",
    "ให้อำเภอติดตามกลุ่มผู้ผลิต 5 กลุ่ม",
    "ให้จังหวัดจัดเก็บข้อมูล จปฐ.",
    "ที่",
    "ประเด็น",
    "ข้อสั่งการ",
    "หมายเหตุ",
    "1",
    "โครงการพัฒนาผลิตภัณฑ์ OTOP",
    "1) ให้จังหวัดรายงานยอดจำหน่าย 15,804,000 บาท",
    "2) ให้อำเภอติดตามกลุ่มผู้ผลิต",
    "ภายใน 22 - 23 เม.ย. 62",
    "ให้จัดงานแสดงสินค้าร่วมกับจังหวัดใกล้เคียง",
    "2",
    "การจัดเก็บข้อมูล จปฐ. ปี 2562",
    "ให้จังหวัดเร่งบันทึกข้อมูล",
    "บันทึกแล้ว 97.59%",
    "ระเบียบวาระที่ 1 เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ",
    "ประธานแจ้งผลการดำเนินงานกองทุนหมู่บ้าน",
    "มติที่ประชุม รับทราบ",
]
LIBREOFFICE_LINES = [
    "สรุปข้อสั่งการการประชุมกรมการพัฒนาชุมชน ครั้งที่ 4/2562",
    "วันพุธที่ 24 เมษายน 2562 เวลา 09.30 น. ผ่านระบบ Video Conference",
    "สำนักงานพัฒนาชุมชนอำเภอแม่ทะ จังหวัดลำปาง",
    "ที่",
    "ประเด็น",
    "ข้อสั่งการ",
    "หมายเหตุ",
    "1",
    "โครงการพัฒนาผลิตภัณฑ์ OTOP",
    "1. ให้จังหวัดรายงานผลการจำหน่ายสินค้า OTOP ยอดรวม 15,804,000 บาท",
    "2. ให้อำเภอติดตามกลุ่มผู้ผลิต 5 กลุ่ม",
    "ภายใน 22 - 23 เม.ย. 62",
    "2",
    "การจัดเก็บข้อมูล จปฐ. ปี 2562",
    "ให้จังหวัดเร่งบันทึกข้อมูล จปฐ. ให้แล้วเสร็จ ขณะนี้บันทึกแล้ว 97.59%",
    "3",
    "กองทุนหมู่บ้าน",
    "ให้อำเภอรายงานผลภายในวันที่ 30 เม.ย. 62",
    "-",
    "ข้อสังเกตเพิ่มเติม",
    "ให้พัฒนากรติดตามผลทุกสัปดาห์",
    "ให้รายงานผลภายในวันที่ 30 เม.ย. 62",
    "ผู้สรุป นางสาวสมหญิง ใจดี นักวิชาการพัฒนาชุมชนชำนาญการ",
]


def pages() -> dict[str, tuple[bytes, str, list[str], list[str]]]:
    """name -> (bytes, file name, lines to keep, boilerplate to drop)."""
    return {
        "wordpress-ol": (wordpress(_points_ol()).encode("utf-8"), "post-ol.html", WEB_LINES, BOILERPLATE),
        "wordpress-ol-start": (
            wordpress(_points_ol_start()).encode("utf-8"),
            "post-ol-start.html",
            [*WEB_LINES, REMARK],
            BOILERPLATE,
        ),
        "wordpress-p": (wordpress(_points_p()).encode("utf-8"), "post-p.html", WEB_LINES, BOILERPLATE),
        "wordpress-br": (wordpress(_points_br()).encode("utf-8"), "post-br.html", WEB_LINES, BOILERPLATE),
        "wordpress-cp874": (
            wordpress(_points_ol(), charset="windows-874").encode("cp874"),
            "post-874.html",
            WEB_LINES,
            BOILERPLATE,
        ),
        "wordpress-cp874-undeclared": (
            wordpress(_points_p(), charset=None).encode("cp874"),
            "post-874-nometa.htm",
            WEB_LINES,
            BOILERPLATE,
        ),
        "portal-tables-tis620": (portal().encode("cp874"), "portal.htm", WEB_LINES, PORTAL_BOILERPLATE),
        "joomla": (joomla().encode("utf-8"), "joomla.html", WEB_LINES, JOOMLA_BOILERPLATE),
        "word-export": (_page("word-export-2562-04.htm"), "word-export-2562-04.htm", WORD_LINES, []),
        "libreoffice-export": (_page("libreoffice-2562-04.html"), "libreoffice-2562-04.html", LIBREOFFICE_LINES, []),
    }
