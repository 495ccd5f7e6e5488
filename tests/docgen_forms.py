"""Generated meetings in every form: three layouts (table, prose, minutes) × four file kinds (txt, docx, html, pdf).

A :class:`FormDoc` is one generated meeting written in one layout, as an
abstract document (:class:`Part`: titles, paragraphs, numbered points, tables)
plus what a careful reader must read out of it (:func:`expected`). The file
renderers (:func:`render`) turn the same parts into a text dump, a Word file,
a web page or a PDF printed by WeasyPrint, so every (layout × kind) pair is
checked against the same values.

Everything is drawn from one ``random.Random``: the same seed gives the same
bytes (PDFs too: WeasyPrint is given fixed metadata).

The contract the readers meet (see tests/test_forms.py):

- meeting: number, year_be, meeting_date (the date line, or the first day-date
  of the headline / first paragraph), district and province of the office,
  ``source.layout``.
- prose: a top-level numbered point is an item; its topic is the leading
  phrase up to ``:``, `` - `` or the first instruction word after a space;
  directives are its sub-points (one each) or else the rest of the point.
- minutes: ``ระเบียบวาระที่ N`` is item N, its title the topic; its ``N.M``
  sub-points or body paragraphs are what was asked (``ให้ทุกอำเภอ…``: a directive
  each) or told (``ฝ่ายเลขานุการแจ้งว่า…``: reported, its figures and dates
  still read); ``มติที่ประชุม`` gives the resolution; ``- ไม่มี -`` gives nothing.
- table: the Word table of tests/docgen.py.

API: ``generate(seed, layout)`` -> FormDoc (or ``prose(rng)``, ``minutes(rng,
confirm_previous=…)``, ``table(rng)``); ``render(doc, kind, rng=None,
parts=None)`` -> (bytes, name); ``expected(doc)`` and ``observed(meeting)``
give comparable dicts; ``mutate_parts`` and ``mutate_lines`` damage a
document; ``page_post``, ``page_word`` and ``page_print`` are the three HTML
pages (a web post, Word's web-page export, the page printed to PDF) and
``html_to_pdf`` prints with WeasyPrint.
"""

from __future__ import annotations

import html as htmllib
import os
import random
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache

import docgen
from docgen import THAI, GenItem, GenMeeting, Sentence, sentence

from cddbrief import glossary
from cddbrief.thaidates import MONTHS

LAYOUTS = ("table", "prose", "minutes")
KINDS = ("txt", "docx", "html", "pdf")
INSTRUCTION_WORDS = ("ให้", "ขอให้", "มอบหมาย", "กำชับ", "เน้นย้ำ")
PROSE_TOPICS = [t for t in docgen.TOPICS if not any(w in t for w in INSTRUCTION_WORDS)]
WEEKDAYS = ["วันจันทร์", "วันอังคาร", "วันพุธ", "วันพฤหัสบดี", "วันศุกร์", "วันเสาร์", "วันอาทิตย์"]
PEOPLE = [
    "นายสมชาย ใจดี", "นางสาวสุดา รักงาน", "นางพรทิพย์ ศรีสุข", "นายวิชัย บุญมา", "นางสาวกาญจนา แก้วมณี",
    "นายประเสริฐ ทองดี", "นางอรุณี สายทอง", "นายธนากร มั่นคง", "นางสาวปวีณา ชื่นใจ", "นายอนุชา พรหมมา",
]  # fmt: skip
STAFF = [
    "นักวิชาการพัฒนาชุมชนชำนาญการ",
    "นักวิชาการพัฒนาชุมชนปฏิบัติการ",
    "เจ้าพนักงานพัฒนาชุมชนชำนาญงาน",
    "เจ้าพนักงานธุรการ",
    "พนักงานขับรถยนต์",
]
# Directives with an instruction word up front, for points whose topic ends at that word.
LEADS = ["ขอให้ทุกอำเภอติดตามผล", "ให้จังหวัดกำกับดูแล", "กำชับให้ดำเนินการ", "เน้นย้ำการดำเนินงาน", "มอบหมายให้กลุ่มงานติดตาม"]
AGENDA_TITLES = {
    1: "เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ",
    2: "เรื่องรับรองรายงานการประชุมครั้งที่ผ่านมา",
    3: "เรื่องสืบเนื่องจากการประชุมครั้งที่ผ่านมา",
    4: "เรื่องเพื่อพิจารณา",
    5: "เรื่องอื่น ๆ",
}
RESOLUTIONS = ["รับทราบ", "เห็นชอบตามที่เสนอ", "เห็นชอบ และให้ดำเนินการตามแผน", "มอบหมายให้ผู้รับผิดชอบงานดำเนินการและรายงานผล"]


# --- the abstract document -----------------------------------------------------------------------


@dataclass
class Part:
    """One piece of a generated document, before any file kind.

    ``kind``: ``title`` (a heading line), ``p`` (a paragraph), ``point`` (a
    numbered point: ``label`` as written, ``level`` 0 or 1 for a sub-point;
    ``auto`` when the file's own numbering may write the label: Word's List
    Number, an HTML ``<ol>``), ``head`` (a heading inside the text, set bold:
    ระเบียบวาระที่ 1 …, ผู้มาประชุม), ``table`` (``rows`` of cells), ``sign``
    (a signature block line, set right).
    """

    kind: str
    text: str = ""
    label: str | None = None
    level: int = 0
    rows: list[list[str]] | None = None
    auto: bool = False

    def line(self) -> str:
        return f"{self.label} {self.text}" if self.kind == "point" else self.text


@dataclass
class Office:
    written: str  # as the document writes it: สพอ.แม่ทะ, พัฒนาการอำเภอแม่ทะ, สำนักงานพัฒนาชุมชนจังหวัดตาก
    formal: str  # สำนักงานพัฒนาชุมชนอำเภอแม่ทะ
    district: str | None
    province: str
    chief: str  # พัฒนาการอำเภอแม่ทะ


@dataclass
class FormDoc:
    """A generated meeting in one layout, with what a reader must get back."""

    layout: str
    meeting: GenMeeting  # number, year_be, items (topics and sentences with known figures and dates)
    office: Office
    meeting_date: date | None
    parts: list[Part]
    directive_counts: list[int]  # per item, as the contract counts them
    resolutions: list[str | None]  # per item (minutes), None without one
    variant: dict = field(default_factory=dict)  # the choices drawn, to name a failing case
    seed: int | None = None

    @property
    def id(self) -> str:
        return f"{self.meeting.year_be}-{self.meeting.number:02d}"


# --- places ---------------------------------------------------------------------------------------


@cache
def _districts() -> tuple[tuple[str, str], ...]:
    """(district, province) pairs whose district name is one word, unique in the country and not a province's name."""
    provinces = glossary.provinces()
    by_code = {p.code: p.name_th for p in provinces.values()}
    names = Counter(p.name_th for p in glossary.places() if p.level == "district")
    pairs = []
    for p in glossary.places():
        name = p.name_th
        if p.level != "district" or names[name] != 1 or name.startswith("เขต") or name in provinces:
            continue
        if not re.fullmatch(r"[ก-๙]+", name) or any(w in name for w in INSTRUCTION_WORDS) or "จังหวัด" in name:
            continue
        if len(glossary.provinces_of_district(name)) == 1:
            pairs.append((name, by_code[p.province_code]))
    return tuple(sorted(pairs))


def office(rng: random.Random, form: str | None = None) -> Office:
    """A real office, written in one of the forms offices use for themselves."""
    form = form or rng.choice(["สพอ.", "สำนักงานพัฒนาชุมชนอำเภอ", "พัฒนาการอำเภอ", "สพอ.", "สพจ.", "สำนักงานพัฒนาชุมชนจังหวัด"])
    if form in ("สพจ.", "สำนักงานพัฒนาชุมชนจังหวัด"):
        province = rng.choice(sorted(glossary.provinces()))
        if province == "กรุงเทพมหานคร":
            province = "นนทบุรี"
        return Office(f"{form}{province}", f"สำนักงานพัฒนาชุมชนจังหวัด{province}", None, province, f"พัฒนาการจังหวัด{province}")
    district, province = rng.choice(_districts())
    return Office(f"{form}{district}", f"สำนักงานพัฒนาชุมชนอำเภอ{district}", district, province, f"พัฒนาการอำเภอ{district}")


# --- dates ----------------------------------------------------------------------------------------


def meeting_day(rng: random.Random, year_be: int) -> date:
    ce = year_be - 543
    day = date(ce, 1, 1) + timedelta(days=rng.randrange(365))
    while day.weekday() >= 5:  # meetings are on working days
        day += timedelta(days=1)
    return day


def thai_date(day: date, rng: random.Random, weekday: bool | None = None) -> str:
    """``วันอังคารที่ 17 สิงหาคม 2564``, ``วันที่ 17 ส.ค. 64``, ``17 สิงหาคม 2564``."""
    full, abbr = MONTHS[day.month - 1]
    be = day.year + 543
    form = rng.randrange(4)
    if weekday is None:
        weekday = rng.random() < 0.6
    lead = f"{WEEKDAYS[day.weekday()]}ที่ " if weekday else "วันที่ "
    if form == 0:
        return f"{lead}{day.day} {full} {be}"
    if form == 1:
        return f"{lead}{day.day} {abbr} {str(be)[2:]}"
    if form == 2:
        return f"{lead}{day.day} {full} พ.ศ. {be}"
    return f"{lead}{day.day} {abbr} {be}"


# --- helpers --------------------------------------------------------------------------------------


def _label(style: str, n: int) -> str:
    return {"dot": f"{n}.", "close": f"{n})", "paren": f"({n})", "thai": f"{n}.".translate(THAI)}[style]


def _with_lead(rng: random.Random, text: str) -> str:
    """A directive that starts with an instruction word (so a topic ends before it)."""
    if text.startswith(INSTRUCTION_WORDS):
        return text
    return f"{rng.choice(LEADS)} {text}"


def _previous(number: int, year_be: int) -> tuple[int, int]:
    return (number - 1, year_be) if number > 1 else (12, year_be - 1)


def _sentences(rng: random.Random, year_be: int, count: int) -> list[Sentence]:
    return [sentence(rng, year_be) for _ in range(count)]


# --- prose posts ----------------------------------------------------------------------------------


def prose(rng: random.Random, n_items: int | None = None) -> FormDoc:
    """A post of an office on a meeting it attended: headline, lead-in, numbered points, closing."""
    year_be = rng.randint(2561, 2568)
    number = rng.randint(2, 12)
    place = office(rng)
    day = meeting_day(rng, year_be)
    topics = rng.sample(PROSE_TOPICS, n_items or rng.randint(1, 6))
    style = rng.choice(["dot", "dot", "close", "paren", "thai"])
    inline = style in ("close", "paren") and rng.random() < 0.4
    auto = style == "dot" and rng.random() < 0.5
    sub_style = rng.choice(["1.1", "-"])
    date_form = rng.choice(["line", "headline", "first-sentence"])
    lead_in = rng.choice(["มีข้อสั่งการ ดังนี้", f"ข้อเน้นย้ำ จำนวน {len(topics)} เรื่อง", "สรุปสาระสำคัญ ดังนี้"])
    prev = _previous(number, year_be)
    later_ref = rng.choice(["intro", "point"])
    person = rng.choice(PEOPLE)
    items, counts = [], []
    parts: list[Part] = []

    conference = rng.choice(["ผ่านระบบ Video Conference", "ผ่านระบบ TV พช.", "ผ่านระบบ Zoom Meeting"])
    meeting_ref = f"ครั้งที่ {number}/{year_be}"
    when = thai_date(day, rng)
    time = rng.choice(["เวลา 09.30 น.", "เวลา 13.30 น.", "เวลา 09.00 - 12.00 น."])
    province_note = f" จังหวัด{place.province}" if place.district and rng.random() < 0.3 else ""
    attend = f"{person} {place.chief} พร้อมด้วยเจ้าหน้าที่ ร่วมประชุม ณ ห้องประชุม{place.formal} โดยมีอธิบดีกรมการพัฒนาชุมชนเป็นประธาน"
    ref_text = f"ตามที่ได้รับรองรายงานการประชุมครั้งที่ {prev[0]}/{prev[1]} แล้ว"
    intro_ref = f" {ref_text}" if later_ref == "intro" else ""
    if date_form == "line":
        parts.append(Part("title", f"{place.written}{province_note} ร่วมประชุมกรมการพัฒนาชุมชน {meeting_ref} {conference}"))
        parts.append(Part("p", f"{when} {time} {attend}{intro_ref}" + ("" if inline else f" {lead_in}")))
    elif date_form == "headline":
        parts.append(
            Part("title", f"{when} {place.written}{province_note} ร่วมประชุมกรมการพัฒนาชุมชน {meeting_ref} {conference}")
        )
        parts.append(Part("p", f"{attend}{intro_ref}" + ("" if inline else f" {lead_in}")))
    else:
        parts.append(
            Part(
                "p",
                f"เมื่อ{when} {time} {place.written}{province_note} ร่วมประชุมกรมการพัฒนาชุมชน {meeting_ref} {conference}"
                f" {attend}{intro_ref}" + ("" if inline else f" {lead_in}"),
            )
        )

    inline_bits = []
    for no, topic in enumerate(topics, start=1):
        sents = _sentences(rng, year_be, rng.randint(1, 3))
        if later_ref == "point" and no == len(topics):
            sents.insert(0, Sentence(f"{ref_text} ให้ติดตามผลการดำเนินงานตามข้อสั่งการ"))
        has_subs = not inline and len(sents) > 1 and rng.random() < 0.6
        label = _label(style, no)
        if has_subs:
            head = topic + rng.choice(["", ":", " :"])
            parts.append(Part("point", head, label=label, auto=auto))
            for m, s in enumerate(sents, start=1):
                sub = "-" if sub_style == "-" else f"{no}.{m}"
                parts.append(Part("point", s.text, label=sub.translate(THAI) if style == "thai" else sub, level=1))
            counts.append(len(sents))
        else:
            sep = rng.choice([": ", " : ", " - ", " "])
            body = " ".join(s.text for s in sents)
            if sep == " ":
                body = _with_lead(rng, body)
            text = f"{topic}{sep}{body}"
            if inline:
                gap = rng.choice(["", " "])
                inline_bits.append(f"{label}{gap}{text}")
            else:
                parts.append(Part("point", text, label=label, auto=auto))
            counts.append(1)
        items.append(GenItem(no, topic, sents))
    if inline:
        parts.append(Part("p", f"{lead_in} " + " ".join(inline_bits)))
    closing = rng.choice(["jo", "tags", "both", "none"])
    if closing in ("jo", "both"):
        parts.append(Part("p", rng.choice(["จึงขอประชาสัมพันธ์", "จึงขอประชาสัมพันธ์ให้ทราบโดยทั่วกัน", "จึงเรียนมาเพื่อโปรดทราบ"])))
    if closing in ("tags", "both"):
        tag = place.written.replace(" ", "")
        parts.append(Part("p", f"#กรมการพัฒนาชุมชน #{tag} #พัฒนาชุมชน #CDD"))
    m = GenMeeting(number, year_be, place.formal, place.district, place.province, items)
    variant = dict(
        style=style,
        inline=inline,
        auto=auto,
        sub_style=sub_style,
        date_form=date_form,
        lead_in=lead_in,
        later_ref=later_ref,
        closing=closing,
        office=place.written,
    )
    return FormDoc("prose", m, place, day, parts, counts, [None] * len(items), variant)


# --- minutes --------------------------------------------------------------------------------------


def minutes(rng: random.Random, confirm_previous: bool | None = None) -> FormDoc:
    """Minutes by agenda: title, date and place, attendees, agenda 1-5 with resolutions, signatures."""
    year_be = rng.randint(2561, 2568)
    number = rng.randint(2, 12)
    place = office(rng, rng.choice(["สพอ.", "สำนักงานพัฒนาชุมชนอำเภอ", "สำนักงานพัฒนาชุมชนจังหวัด"]))
    day = meeting_day(rng, year_be)
    prev = _previous(number, year_be)
    if confirm_previous is None:
        confirm_previous = rng.random() < 0.4
    resolution_form = rng.choice(["space", "colon", "next-line"])
    parts: list[Part] = []
    title_form = rng.randrange(3)
    if title_form == 0:
        parts.append(Part("title", f"รายงานการประชุมข้าราชการ พนักงานราชการ และลูกจ้าง {place.formal}"))
        parts.append(Part("title", f"ครั้งที่ {number}/{year_be}"))
    elif title_form == 1:
        parts.append(Part("title", f"รายงานการประชุมประจำเดือน ครั้งที่ {number}/{year_be}"))
        parts.append(Part("title", place.formal))
    else:
        parts.append(Part("title", f"รายงานการประชุม{place.written} ครั้งที่ {number}/{year_be}"))
    where = f"ณ ห้องประชุม{place.formal}"
    parts.append(Part("title", f"{'เมื่อ' if rng.random() < 0.3 else ''}{thai_date(day, rng)} {where}"))
    parts.append(Part("head", rng.choice(["ผู้มาประชุม", "ผู้เข้าประชุม"])))
    people = rng.sample(PEOPLE, rng.randint(4, 7))
    auto_people = rng.random() < 0.5
    for k, person in enumerate(people[:-1], start=1):
        position = place.chief if k == 1 else rng.choice(STAFF)
        role = "ประธานที่ประชุม" if k == 1 else ("เลขานุการ" if k == len(people) - 1 else "")
        parts.append(Part("point", f"{person}  {position}  {role}".rstrip(), label=f"{k}.", auto=auto_people))
    parts.append(Part("head", "ผู้ไม่มาประชุม"))
    parts.append(Part("point", f"{people[-1]}  {rng.choice(STAFF)}  ลาป่วย", label="1."))
    parts.append(Part("p", rng.choice(["เริ่มประชุมเวลา 09.30 น.", "เริ่มประชุมเวลา 09.00 น.", "เริ่มประชุมเวลา 13.30 น."])))
    parts.append(
        Part("p", f"เมื่อที่ประชุมพร้อม {place.chief} ประธานที่ประชุม กล่าวเปิดการประชุมและดำเนินการประชุมตามระเบียบวาระ ดังนี้")
    )

    items, counts, resolutions = [], [], []
    empty = {n for n in (3, 5) if rng.random() < 0.4}
    for n in range(1, 6):
        title = AGENDA_TITLES[n]
        if n == 2 and confirm_previous:
            title = f"รับรองรายงานการประชุมครั้งที่ {prev[0]}/{prev[1]}"
        heading = f"ระเบียบวาระที่ {n}{rng.choice([' ', '  ', ' '])}{title}"
        parts.append(Part("head", heading))
        if n in empty:
            parts.append(Part("p", rng.choice(["- ไม่มี -", "-ไม่มี-", "- ไม่มี -"])))
            items.append(GenItem(n, title, []))
            counts.append(0)
            resolutions.append(None)
            continue
        if n == 2:  # what the secretary did: told, asking nobody
            sents = [
                Sentence(f"ฝ่ายเลขานุการได้จัดทำรายงานการประชุมครั้งที่ {prev[0]}/{prev[1]} และแจ้งให้ผู้เข้าร่วมประชุมตรวจสอบแล้ว")
            ]
            asks = [False]
            resolution = rng.choice(["รับรองรายงานการประชุม", "รับรองรายงานการประชุมโดยไม่มีการแก้ไข"])
            subs = False
        else:  # what was reported and what was asked, in any order: only what is asked is a directive
            asks = [rng.random() < 0.6 for _ in range(rng.randint(1, 4))]
            sents = [(docgen.asked if ask else docgen.told)(rng, year_be) for ask in asks]
            subs = len(sents) > 1 and rng.random() < 0.6
            resolution = rng.choice(RESOLUTIONS) if n != 1 else "รับทราบ"
        if subs:
            topics = rng.sample(docgen.TOPICS[:-1], len(sents))
            for m, (s, topic) in enumerate(zip(sents, topics), start=1):
                label = f"{n}.{m}"
                parts.append(Part("point", f"{topic} {s.text}", label=label, level=1))
        else:
            for s in sents:
                parts.append(Part("p", s.text))
        if resolution_form == "next-line":
            parts.append(Part("p", "มติที่ประชุม"))
            parts.append(Part("p", resolution))
        else:
            sep = rng.choice([" ", "  "]) if resolution_form == "space" else rng.choice([": ", " : ", " :  "])
            parts.append(Part("p", f"มติที่ประชุม{sep}{resolution}"))
        items.append(GenItem(n, title, sents))  # every sentence, for its figures and dates
        counts.append(sum(asks))
        resolutions.append(resolution)
    parts.append(Part("p", rng.choice(["เลิกประชุมเวลา 12.00 น.", "ปิดประชุมเวลา 12.00 น.", "เลิกประชุมเวลา 16.30 น."])))
    recorder, checker = people[-2], people[0]
    parts.append(Part("sign", "(ลงชื่อ) .................................... ผู้จดรายงานการประชุม"))
    parts.append(Part("sign", f"({recorder})"))
    parts.append(Part("sign", rng.choice(STAFF)))
    parts.append(Part("sign", "(ลงชื่อ) .................................... ผู้ตรวจรายงานการประชุม"))
    parts.append(Part("sign", f"({checker})"))
    parts.append(Part("sign", place.chief))
    m = GenMeeting(number, year_be, place.formal, place.district, place.province, items)
    variant = dict(
        title_form=title_form,
        confirm_previous=confirm_previous,
        resolution_form=resolution_form,
        empty=sorted(empty),
        auto_people=auto_people,
        office=place.written,
    )
    return FormDoc("minutes", m, place, day, parts, counts, resolutions, variant)


# --- the Word table -------------------------------------------------------------------------------


def table(rng: random.Random, n_items: int | None = None) -> FormDoc:
    """The Word table of docgen, with a real office and sometimes the meeting's date after its number."""
    m = docgen.meeting(rng, n_items)
    place = office(rng, rng.choice(["สำนักงานพัฒนาชุมชนอำเภอ", "สำนักงานพัฒนาชุมชนจังหวัด"]))
    m.office, m.district, m.province = place.formal, place.district, place.province
    for item in m.items:
        item.split_after = None  # rows are whole in every kind but the text dump of docgen
    day = meeting_day(rng, m.year_be) if rng.random() < 0.5 else None
    if day:
        m.date_text = " " + thai_date(day, rng)
    year = docgen._yy(m.year_be) if m.two_digit_year else str(m.year_be)
    parts = [Part("title", m.title), Part("title", f"ครั้งที่ {m.number}/{year}{m.date_text}"), Part("title", m.office)]
    rows = [["ที่", "ประเด็น", "ข้อสั่งการ", "หมายเหตุ"]]
    for item in m.items:
        cell = docgen._directive_cell(item.directives, 0, "dot")
        rows.append([str(item.no) if item.write_number else "", item.topic, cell, item.remarks])
    parts.append(Part("table", rows=rows))
    counts = [len(i.directives) for i in m.items]
    return FormDoc(
        "table", m, place, day, parts, counts, [None] * len(m.items), {"office": place.formal, "date": bool(day)}
    )


def generate(seed: int, layout: str) -> FormDoc:
    """The document of a seed in a layout; the same seed gives the same document."""
    rng = random.Random(f"{layout}:{seed}")
    doc = {"table": table, "prose": prose, "minutes": minutes}[layout](rng)
    doc.seed = seed
    return doc


# --- what a reader must read ----------------------------------------------------------------------


def expected(doc: FormDoc) -> dict:
    """The values a reader must give back, in the shape of :func:`observed`."""
    m = doc.meeting
    figures: Counter = Counter()
    dates: Counter = Counter()
    for item in m.items:
        for s in item.directives:
            figures.update((float(v), u) for v, u in s.quantities)
            dates.update(tuple(d) for d in s.dates)
    return {
        "layout": doc.layout,
        "id": doc.id,
        "meeting_date": doc.meeting_date,
        "place": (m.district, m.province),
        "items": [(i.no, i.topic) for i in m.items],
        "directives": list(doc.directive_counts),
        "resolutions": list(doc.resolutions),
        "figures": figures,
        "dates": dates,
    }


def observed(parsed) -> dict:
    """What a parsed Meeting holds, in the shape of :func:`expected` (the figures and dates of its
    directives and of what was reported under its items)."""
    figures: Counter = Counter()
    dates: Counter = Counter()
    reported = [p for p in parsed.passages if p.kind == "reported" and p.item is not None]
    for said in [d for _, d in parsed.directives()] + reported:
        figures.update((float(q.value), q.unit) for q in said.quantities)
        dates.update((s.start, s.end) for s in said.dates)
    return {
        "layout": parsed.source.layout,
        "id": parsed.id,
        "meeting_date": parsed.meeting_date,
        "place": (parsed.district, parsed.province),
        "items": [(i.no, i.topic) for i in parsed.items],
        "directives": [len(i.directives) for i in parsed.items],
        "resolutions": [_resolution(i) for i in parsed.items],
        "figures": figures,
        "dates": dates,
    }


def _resolution(item) -> str | None:
    text = getattr(item, "resolution", None)
    return " ".join(text.split()) if text else None


# --- file kinds -----------------------------------------------------------------------------------


def render(
    doc: FormDoc, kind: str, rng: random.Random | None = None, parts: list[Part] | None = None
) -> tuple[bytes, str]:
    """(bytes, file name) of the document as a file of ``kind``; the variant is drawn from ``rng``.

    ``parts`` (a damaged copy, see :func:`mutate_parts`) are written instead of
    the document's own; the table layout is then written from its parts too.
    """
    rng = rng or random.Random(f"{kind}:{doc.seed}:{doc.layout}")
    own = parts is None
    if not own:
        doc = replace(doc, parts=parts)
    if kind == "txt":
        return render_txt(doc, rng, own), "gen.txt"
    if kind == "docx":
        return render_docx(doc, rng, own), "gen.docx"
    if kind == "html":
        return render_html(doc, rng), "gen.html"
    if kind == "pdf":
        return render_pdf(doc, rng), "gen.pdf"
    raise ValueError(kind)


def render_txt(doc: FormDoc, rng: random.Random, own: bool = True) -> bytes:
    """A text file: the table as Word's dump; prose and minutes one part a line, UTF-8 or cp874, LF or CRLF."""
    if doc.layout == "table" and own:
        text = docgen.render_dump(doc.meeting, style=rng.choice(["dot", "paren", "close"]))
    else:
        lines = []
        blank = rng.random() < 0.5
        for part in doc.parts:
            if (
                part.kind == "table"
            ):  # Word's dump: a cell a tab-led line, a row ended by an empty cell and a blank line
                for row in part.rows or []:
                    lines += ["\t" + cell for cell in row] + ["\t", ""]
                continue
            indent = "    " if part.level else ""
            if part.kind == "sign":
                indent = " " * 20
            lines.append(indent + part.line())
            if blank and part.kind in ("title", "p", "head") and rng.random() < 0.5:
                lines.append("")
        text = "\n".join(lines) + "\n"
    if rng.random() < 0.3:
        text = text.replace("\n", "\r\n")
    encoding = rng.choice(["utf-8", "utf-8", "cp874", "utf-8-sig"])
    return text.encode(encoding)


def render_docx(doc: FormDoc, rng: random.Random, own: bool = True) -> bytes:
    """A Word file: title and paragraphs; points as text or as Word's List Number; the table as a table."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    if doc.layout == "table" and own:
        return docgen.render_docx(doc.meeting, auto_numbering=rng.random() < 0.5)
    document = docx.Document()
    document.styles["Normal"].font.name = "TH SarabunPSK"
    document.styles["Normal"].font.size = Pt(16)
    for part in doc.parts:
        if part.kind == "title":
            paragraph = document.add_paragraph()
            paragraph.add_run(part.text).bold = True
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif part.kind == "point" and part.auto and part.level == 0:
            document.add_paragraph(part.text, style="List Number")
        elif part.kind == "point":
            paragraph = document.add_paragraph(part.line())
            if part.level:
                paragraph.paragraph_format.left_indent = Pt(28)
        elif part.kind == "sign":
            paragraph = document.add_paragraph(part.text)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif part.kind == "head":
            document.add_paragraph().add_run(part.text).bold = True
        elif part.kind == "table":
            rows = part.rows or [[""]]
            table = document.add_table(rows=0, cols=max(len(r) for r in rows))
            for cells in rows:
                row = table.add_row().cells
                for cell, text in zip(row, cells):
                    cell.text = text
        else:
            paragraph = document.add_paragraph(part.text)
            paragraph.paragraph_format.first_line_indent = Pt(36)
    return docgen.saved(document)


# --- HTML -----------------------------------------------------------------------------------------

_E = htmllib.escape


def _content_html(doc: FormDoc, rng: random.Random, mode: str) -> str:
    """The body of the document as HTML; ``mode`` says how points are written: ol, p or br."""
    out: list[str] = []
    k = 0
    parts = doc.parts
    while k < len(parts):
        part = parts[k]
        if part.kind == "title":
            tag = "h1" if k == 0 else "p"
            out.append(f'<{tag} class="title"><strong>{_E(part.text)}</strong></{tag}>')
        elif part.kind == "table":
            out.append(_table_html(part.rows))
        elif part.kind == "sign":
            out.append(f'<p style="text-align:right">{_E(part.text)}</p>')
        elif part.kind == "head":
            out.append(f'<p class="head"><strong>{_E(part.text)}</strong></p>')
        elif part.kind == "p":
            out.append(f"<p>{_E(part.text)}</p>")
        else:  # a run of points
            run = []
            while k < len(parts) and parts[k].kind == "point":
                run.append(parts[k])
                k += 1
            out.append(_points_html(run, mode))
            continue
        k += 1
    return "\n".join(out)


def _points_html(run: list[Part], mode: str) -> str:
    decimal = all(re.fullmatch(r"\d+\.", p.label) for p in run if p.level == 0)
    if mode == "ol" and decimal:
        items = []
        for p in run:
            if p.level == 0:
                items.append([_E(p.text), []])
            elif items:
                items[-1][1].append(p)
            else:
                items.append(["", [p]])
        html = ["<ol>"]
        for head, subs in items:
            if subs and all(s.label == "-" for s in subs):
                inner = "<ul>" + "".join(f"<li>{_E(s.text)}</li>" for s in subs) + "</ul>"
            else:
                inner = "".join(f"<br>{_E(s.line())}" for s in subs)
            html.append(f"<li>{head}{inner}</li>")
        html.append("</ol>")
        return "\n".join(html)
    if mode == "br":  # 1)กองทุน…<br>2)การ…: a close-paren label often has no space after it

        def line(p: Part) -> str:
            tight = p.label.endswith(")") and not p.label.startswith("(") and len(p.text) % 2 == 0
            return ("&nbsp;&nbsp;&nbsp;&nbsp;" if p.level else "") + _E(f"{p.label}{p.text}" if tight else p.line())

        return "<p>" + "<br>\n".join(line(p) for p in run) + "</p>"
    indent = ' style="padding-left:2em"'
    return "\n".join(f"<p{indent if p.level else ''}>{_E(p.line())}</p>" for p in run)


def _table_html(rows: list[list[str]], word: bool = False) -> str:
    cls = " class=MsoTableGrid border=1 cellspacing=0 cellpadding=0" if word else ' border="1"'
    out = [f"<table{cls}>"]
    for r, row in enumerate(rows):
        cells = []
        for cell in row:
            paragraphs = cell.split("\n") if cell else [""]
            if word:
                inner = "".join(f"<p class=MsoNormal><span lang=TH>{_E(t) or '&nbsp;'}</span></p>" for t in paragraphs)
            else:
                inner = "<br>".join(_E(t) for t in paragraphs)
            tag = "th" if r == 0 and not word else "td"
            cells.append(f"<{tag}>{inner}</{tag}>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def _first_text(doc: FormDoc) -> str:
    return doc.parts[0].text if doc.parts else ""


def _headline(doc: FormDoc) -> str:
    first = _first_text(doc)
    return first if len(first) < 160 else first[:150] + "…"


def _other_posts(doc: FormDoc, rng: random.Random) -> list[tuple[str, date]]:
    m = doc.meeting
    prev = _previous(m.number, m.year_be)
    day = doc.meeting_date or date(m.year_be - 543, 6, 1)
    return [
        (f"{doc.office.written} ร่วมประชุมกรมการพัฒนาชุมชน ครั้งที่ {prev[0]}/{prev[1]}", day - timedelta(days=30)),
        (f"{doc.office.written} จัดกิจกรรมส่งเสริมการออมในกองทุนหมู่บ้าน", day - timedelta(days=rng.randint(2, 9))),
        ("ประชาสัมพันธ์การจำหน่ายผลิตภัณฑ์ OTOP ช่วงเทศกาล", day - timedelta(days=rng.randint(10, 20))),
        (f"ติดตามการดำเนินงานโครงการโคก หนอง นา ประจำปี {m.year_be}", day - timedelta(days=rng.randint(21, 40))),
    ]


def page_post(doc: FormDoc, rng: random.Random, mode: str | None = None) -> str:
    """A web post of the office: header and menu, the post, share buttons, view counter, sidebar, footer."""
    mode = mode or rng.choice(["ol", "p", "br"])
    published = (doc.meeting_date or date(doc.meeting.year_be - 543, 6, 1)) + timedelta(days=rng.randint(0, 2))
    views = rng.randint(12, 4000)
    sidebar = "\n".join(
        f'<li><a href="/news/{1000 + k}">{_E(t)}</a><span class="date">{d.isoformat()}</span></li>'
        for k, (t, d) in enumerate(_other_posts(doc, rng))
    )
    site = doc.office.formal
    return f"""<!DOCTYPE html>
<html lang="th">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_E(_headline(doc))} - {_E(site)}</title>
<meta property="og:title" content="{_E(_headline(doc))}">
<meta property="article:published_time" content="{published.isoformat()}T10:15:00+07:00">
<link rel="stylesheet" href="/wp-content/themes/cdd/style.css">
<script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}}</script>
</head>
<body class="post-template-default single single-post">
<header class="site-header">
<div class="logo"><a href="/"><img src="/logo.png" alt="กรมการพัฒนาชุมชน"> {_E(site)}</a></div>
<nav class="main-menu"><ul>
<li><a href="/">หน้าแรก</a></li><li><a href="/about">เกี่ยวกับหน่วยงาน</a></li><li><a href="/news">ข่าวประชาสัมพันธ์</a></li>
<li><a href="/otop">ผลิตภัณฑ์ OTOP</a></li><li><a href="/ita">ITA 2566</a></li><li><a href="/contact">ติดต่อเรา</a></li>
</ul></nav>
</header>
<div class="breadcrumb"><a href="/">หน้าแรก</a> &raquo; <a href="/news">ข่าวประชาสัมพันธ์</a></div>
<main class="content-area">
<article class="post">
<div class="entry-meta">\
<time datetime="{published.isoformat()}">{published.day} {MONTHS[published.month - 1][1]} {published.year + 543}</time>\
 | โดย ผู้ดูแลระบบ | เข้าชม {views:,} ครั้ง</div>
<div class="entry-content">
{_content_html(doc, rng, mode)}
<p><img src="/wp-content/uploads/meeting-1.jpg" alt=""> <img src="/wp-content/uploads/meeting-2.jpg" alt=""></p>
</div>
<div class="share-buttons">แชร์: <a href="https://www.facebook.com/sharer/sharer.php?u=x">Facebook</a>\
 <a href="https://social-plugins.line.me/lineit/share?url=x">LINE</a>\
 <a href="https://twitter.com/intent/tweet?url=x">Twitter</a> <span class="count">แชร์ {rng.randint(0, 40)} ครั้ง</span>\
</div>
<div class="post-nav"><a href="/news/999">&laquo; ข่าวก่อนหน้า</a> <a href="/news/1001">ข่าวถัดไป &raquo;</a></div>
</article>
</main>
<aside class="sidebar">
<h3>ข่าวล่าสุด</h3>
<ul class="recent-posts">
{sidebar}
</ul>
<h3>สถิติผู้เข้าชม</h3><p>วันนี้ {rng.randint(10, 300)} คน<br>ทั้งหมด {rng.randint(10000, 900000):,} คน</p>
</aside>
<footer class="site-footer">
<p>{_E(site)} ที่ว่าการ{"อำเภอ" + doc.office.district if doc.office.district else "จังหวัด" + doc.office.province} \
โทร 0 5422 {rng.randint(1000, 9999)}</p>
<p>Copyright &copy; {published.year} กรมการพัฒนาชุมชน All rights reserved.</p>
</footer>
</body>
</html>
"""


def page_word(doc: FormDoc, rng: random.Random) -> str:
    """A page as Word's "Save as Web Page" writes it: Mso classes, list numbers as text with spacer spans."""
    thai = "<span lang=TH style='font-family:\"TH SarabunPSK\",sans-serif'>"  # Word's run of Thai text
    body: list[str] = []
    list_no = 0
    for part in doc.parts:
        if part.kind == "table":
            body.append(_table_html(part.rows, word=True))
            continue
        text = _E(part.text).replace("  ", " &nbsp;")
        if part.kind == "point" and part.auto and part.level == 0:
            list_no += 1
            body.append(
                "<p class=MsoListParagraphCxSpMiddle "
                "style='margin-left:36.0pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1'>"
                f"<![if !supportLists]>{thai}{_E(part.label)}"
                "<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]>"
                f"{thai}{text}<o:p></o:p></span></p>"
            )
        elif part.kind == "point":
            margin = "54.0pt" if part.level else "18.0pt"
            body.append(
                f"<p class=MsoNormal style='margin-left:{margin}'>{thai}{_E(part.label)} {text}<o:p></o:p></span></p>"
            )
        elif part.kind == "head":
            body.append(f"<p class=MsoNormal><b>{thai}{text}<o:p></o:p></span></b></p>")
        elif part.kind == "title":
            body.append(
                f"<p class=MsoNormal align=center style='text-align:center'><b>{thai}{text}<o:p></o:p></span></b></p>"
            )
        elif part.kind == "sign":
            body.append(
                f"<p class=MsoNormal align=right style='text-align:right'><span lang=TH>{text}<o:p></o:p></span></p>"
            )
        else:
            body.append(f"<p class=MsoNormal style='text-indent:36.0pt'>{thai}{text}<o:p></o:p></span></p>")
        if rng.random() < 0.15:
            body.append("<p class=MsoNormal><o:p>&nbsp;</o:p></p>")
    inner = "\n".join(body)
    return f"""<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns:m="http://schemas.microsoft.com/office/2004/12/omml"
xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<title>{_E(_first_text(doc)[:60])}</title>
<!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>user</o:Author><o:Pages>1</o:Pages></o:DocumentProperties>\
</xml><![endif]-->
<style>
<!-- p.MsoNormal {{margin:0cm; font-size:16.0pt; font-family:"TH SarabunPSK",sans-serif;}}
@page WordSection1 {{size:595.3pt 841.9pt; margin:72.0pt 72.0pt 72.0pt 72.0pt;}}
div.WordSection1 {{page:WordSection1;}} -->
</style>
</head>
<body lang=EN-US style='tab-interval:36.0pt'>
<div class=WordSection1>
{inner}
</div>
</body>
</html>
"""


def render_html(doc: FormDoc, rng: random.Random) -> bytes:
    """A web page: the office's post (most) or Word's web-page export."""
    page = page_word(doc, rng) if rng.random() < 0.3 else page_post(doc, rng)
    return page.encode("utf-8")


# --- PDF ------------------------------------------------------------------------------------------


def page_print(doc: FormDoc, rng: random.Random, page_numbers: bool | None = None) -> str:
    """The document as a printed page (what Word's "Save as PDF" gives): A4, Sarabun, the content only."""
    from cddbrief.fonts import font_face_css

    if page_numbers is None:
        page_numbers = rng.random() < 0.5
    footer = (
        '@bottom-center { content: "- " counter(page) " -"; font-family: Sarabun; font-size: 12pt; }'
        if page_numbers
        else ""
    )
    size = rng.choice([14, 15, 16])
    css = f"""{font_face_css()}
@page {{ size: A4; margin: 2cm 2cm 2cm 2.5cm; {footer} }}
body {{ font-family: Sarabun; font-size: {size}pt; line-height: 1.35; }}
h1, p.title {{ font-size: {size}pt; text-align: center; margin: 0 0 .2em 0; }}
p {{ margin: 0 0 .35em 0; text-indent: 2.5em; }}
p.point, p.head, ol p {{ text-indent: 0; }}
ol {{ margin: 0 0 .35em 0; }}
table {{ border-collapse: collapse; width: 100%; }}
td, th {{ border: 1px solid black; vertical-align: top; padding: 2pt 4pt; }}
td p, th p {{ text-indent: 0; margin: 0; }}
"""
    mode = rng.choice(["ol", "p", "p"])
    content = _content_html(doc, rng, mode).replace("<p>1", '<p class="point">1')
    content = re.sub(r"<p>(?=\(?[\d๐-๙]+[.)])", '<p class="point">', content)
    return (
        f'<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>{_E(_first_text(doc)[:60])}</title>'
        f"<style>{css}</style></head><body>\n{content}\n</body></html>"
    )


def html_to_pdf(page: str) -> bytes:
    """Print HTML with WeasyPrint, nothing fetched (fonts are data: URLs); fixed metadata so bytes repeat."""
    import weasyprint
    from weasyprint.urls import URLFetcher

    only_inline = URLFetcher(allowed_protocols={"data"})
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = "1704067200"  # fontTools stamps the font subsets it makes with the time
    try:
        document = weasyprint.HTML(string=page, url_fetcher=only_inline).render()
        document.metadata.created = document.metadata.modified = "2024-01-01T00:00:00Z"
        return document.write_pdf()
    finally:
        if saved is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved


def render_pdf(doc: FormDoc, rng: random.Random) -> bytes:
    return html_to_pdf(page_print(doc, rng))


# --- mutations ------------------------------------------------------------------------------------


def mutate_parts(parts: list[Part], ops: list[tuple[str, int, int]]) -> list[Part]:
    """Damage the document as people do: drop or repeat a part, put spaces in, write Thai digits.

    ``ops`` are (what, which part, where in its text): ``drop``, ``dup``,
    ``space`` (spaces inserted), ``thai`` (the part's digits as Thai digits),
    ``cut`` (the text cut short).
    """
    parts = [
        Part(p.kind, p.text, p.label, p.level, [list(r) for r in p.rows] if p.rows else None, p.auto) for p in parts
    ]
    for what, which, where in ops:
        if not parts:
            break
        k = which % len(parts)
        part = parts[k]
        if what == "drop":
            del parts[k]
        elif what == "dup":
            parts.insert(k, Part(part.kind, part.text, part.label, part.level, part.rows, part.auto))
        elif what == "space":
            if part.rows:
                r = where % len(part.rows)
                part.rows[r] = [c[: where % (len(c) + 1)] + "  " + c[where % (len(c) + 1) :] for c in part.rows[r]]
            else:
                at = where % (len(part.text) + 1)
                part.text = part.text[:at] + " " * (1 + where % 3) + part.text[at:]
        elif what == "thai":
            part.text = part.text.translate(THAI)
            part.label = part.label.translate(THAI) if part.label else part.label
            if part.rows:
                part.rows = [[c.translate(THAI) for c in row] for row in part.rows]
        elif what == "cut":
            part.text = part.text[: where % (len(part.text) + 1)]
            if part.rows and len(part.rows) > 1:
                part.rows = part.rows[: 1 + where % len(part.rows)]
    return parts


def mutate_lines(text: str, ops: list[tuple[str, int, int]]) -> str:
    """The same damage on the lines of a file's text (a text dump or an HTML source)."""
    lines = text.split("\n")
    for what, which, where in ops:
        if not lines:
            break
        k = which % len(lines)
        line = lines[k]
        if what == "drop":
            del lines[k]
        elif what == "dup":
            lines.insert(k, line)
        elif what == "space":
            at = where % (len(line) + 1)
            lines[k] = line[:at] + " " * (1 + where % 3) + line[at:]
        elif what == "thai":
            lines[k] = line.translate(THAI)
        elif what == "cut":
            lines[k] = line[: where % (len(line) + 1)]
    return "\n".join(lines)
