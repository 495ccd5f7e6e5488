"""Thai broken the way an OCR tool or a PDF export breaks it, pasted into .txt, Word and web pages: read as
the clean text would be, with a note saying what was repaired; well-formed Thai is never touched.

The meeting below is invented (its office, district and people do not exist).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pythainlp.corpus import thai_words

from cddbrief.meeting import parse_document
from cddbrief.sources import pdfthai, read_bytes
from cddbrief.sources.text import decode_text
from cddbrief.thaitext import rejoin_displaced_marks

CLEAN = [
    "รายงานการประชุมประจำเดือนมีนาคม ๒๕๖๗",
    "สำนักงานพัฒนาชุมชนอำเภอดอนกะถินทอง",
    "ครั้งที่ ๓/๒๕๖๗ วันอังคารที่ ๑๒ มีนาคม ๒๕๖๗ เวลา ๑๓.๓๐ น.",
    "ณ ห้องประชุมสำนักงานพัฒนาชุมชนอำเภอดอนกะถินทอง",
    "นายวรเมธ คำหอมนวล พัฒนาการอำเภอดอนกะถินทอง เป็นประธานการประชุม",
    "ระเบียบวาระที่ ๑ เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ",
    "๑. ให้พัฒนากรประจำตำบลสำรวจข้อมูลครัวเรือนเป้าหมาย จำนวน ๔๑๘ ครัวเรือน ให้แล้วเสร็จภายในวันที่ ๒๙ มีนาคม ๒๕๖๗",
    "๒. ให้กลุ่มออมทรัพย์เพื่อการผลิตส่งรายงานงบดุล ๑๑ กลุ่ม ภายในวันที่ ๕ เมษายน ๒๕๖๗",
    "มติที่ประชุม รับทราบ",
]
CELLS = ["ที่", "ประเด็น", "ข้อสั่งการ"], ["๓", "กองทุนแม่ของแผ่นดิน", "ให้ติดตามการจัดทำบัญชี ๗ กองทุน"]


def broken(text: str) -> str:
    """The text as OCR gives it: ำ as ํ + า, a tone split off by a space, a vowel on the next letter."""
    text = text.replace("ำ", "\u0e4d\u0e32")
    text = text.replace("แจ้ง", "แจ ้ง").replace("ครั้ง", "ครัง้")
    text = text.replace("มติที่ประชุม", "มติที่ประชมุ").replace("๔๑๘ ครัวเรือน", "๔๑๘ ครัวเรอื น")
    return text


def test_the_broken_text_is_really_broken():
    lines = [broken(line) for line in CLEAN]
    assert lines != CLEAN
    assert "สํานักงานพัฒนาชุมชนอําเภอดอนกะถินทอง" in lines
    assert any("ครัวเรอื น" in line for line in lines) and any("ประชมุ" in line for line in lines)


def txt(lines: list[str]) -> bytes:
    return "\n".join(lines).encode("utf-8")


def word(lines: list[str], cells) -> bytes:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    table = document.add_table(rows=len(cells), cols=len(cells[0]))
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def page(lines: list[str], cells) -> bytes:
    rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in cells)
    body = "".join(f"<p>{line}</p>" for line in lines)
    return (
        f"<html><head><meta charset='utf-8'><title>{lines[0]}</title></head>"
        f"<body><article>{body}<table>{rows}</table></article></body></html>"
    ).encode()


FORMS = {
    "txt": lambda lines, cells: txt(lines),
    "docx": word,
    "html": page,
}
OCR_NOTES = {english.split("}", 1)[1] for english, _ in pdfthai.REPAIRS.values()} | {" Thai vowel marks set on"}


def reading(doc):
    return [(b.kind, b.label, b.text, b.rows) for b in doc.blocks], doc.title, doc.text


def ocr_notes(doc):
    return [note for note in doc.notes if note.kind == "repair" and any(part in note.message for part in OCR_NOTES)]


@pytest.mark.parametrize("form", sorted(FORMS))
def test_broken_thai_reads_as_the_clean_text_with_a_note(form):
    make = FORMS[form]
    clean = read_bytes(make(CLEAN, CELLS), f"clean.{form}")
    cells = [[broken(cell) for cell in row] for row in CELLS]
    repaired = read_bytes(make([broken(line) for line in CLEAN], cells), f"ocr.{form}")
    assert reading(repaired) == reading(clean)
    assert ocr_notes(clean) == []
    notes = {note.message: note.th for note in ocr_notes(repaired)}
    texts = CLEAN + ([cell for row in CELLS for cell in row] if form != "txt" else []) + ([CLEAN[0]] * (form == "html"))
    am = sum(text.count("ำ") for text in texts)  # the lines; Word and the page: the table; the page: its title
    assert am == {"txt": 11, "docx": 12, "html": 13}[form]
    assert notes[f"{am} SARA AM written as NIKHAHIT + SARA AA were joined"] == f"รวมนิคหิต + สระอา เป็นสระอำ {am} แห่ง"
    assert notes["1 spaces before a Thai mark or vowel were removed"] == "ลบช่องว่างหน้าวรรณยุกต์หรือสระ 1 แห่ง"
    moved = [th for message, th in notes.items() if message.startswith("2 Thai vowel marks set on the letter after")]
    assert moved and moved[0].startswith("ย้ายสระบน/ล่างที่อยู่บนอักษรตัวถัดไปกลับที่เดิม 2 แห่ง")
    assert any(message.startswith("1 Thai vowel or tone marks out of order") for message in notes)
    assert all(th and re.search("[ก-๛]", th) for th in notes.values())


@pytest.mark.parametrize("form", sorted(FORMS))
def test_the_repaired_meeting_is_the_clean_meeting(form):
    make = FORMS[form]
    clean = parse_document(read_bytes(make(CLEAN, CELLS), f"clean.{form}"))
    cells = [[broken(cell) for cell in row] for row in CELLS]
    repaired = parse_document(read_bytes(make([broken(line) for line in CLEAN], cells), f"ocr.{form}"))
    assert repaired.office == clean.office == "สำนักงานพัฒนาชุมชนอำเภอดอนกะถินทอง"
    assert (repaired.number, repaired.year_be, repaired.meeting_date) == (
        clean.number,
        clean.year_be,
        clean.meeting_date,
    )
    assert repaired.chair == clean.chair and "คำหอมนวล" in repaired.chair
    assert repaired.place == clean.place
    assert figures(repaired) == figures(clean)
    assert (418, "ครัวเรือน") in figures(repaired)  # not 418 ครัว, as ครัวเรอื น read before


def figures(meeting) -> list[tuple[float, str]]:
    """Every (value, unit) anywhere in the meeting's reading."""
    found, stack = [], [meeting.to_dict()]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            if "unit" in value and isinstance(value.get("value"), (int, float)):
                found.append((value["value"], value["unit"]))
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return sorted(found)


def test_a_vowel_mark_at_the_end_of_a_word_keeps_the_space_after_it():
    assert rejoin_displaced_marks("มติที่ประชมุ เห็นชอบ") == ("มติที่ประชุม เห็นชอบ", 1)
    assert rejoin_displaced_marks("จำนวน ๓๒ ครัวเรอื น") == ("จำนวน ๓๒ ครัวเรือน", 1)


# --- what only looks odd is left as it is ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "บทสวด อิติปิ โส ภควา อรหํ สมฺมาสมฺพุทฺโธ",  # Pali: a nikhahit of its own, no SARA AA after it
        "นางสาวกมุทรา ภูมิระวี",  # a name no repair makes words of
        "นางสาวชมุนิล ทองใบ",  # a name the dictionary would take for ชุม + นิล: weighed only in a broken document
        "มติที่ประชมุ รับทราบ",  # one slip and no other breakage: the dictionary is not asked
        "ก็ ได้ ที่ ประชุม มี ค่า ให้ ดำเนินการ",  # words set apart by spaces, as Thai writes phrases
        "ระบบ \u0e3aBPM",  # a stray PHINTHU before Latin text: thaitext drops it later, with its own note
    ],
)
def test_text_that_only_looks_odd_is_left_as_is(text):
    doc = read_bytes(f"รายงานการประชุม ครั้งที่ ๑/๒๕๖๗\n{text}\n".encode(), "x.txt")
    assert doc.blocks[1].text == text
    assert ocr_notes(doc) == []


def test_a_lone_sara_aa_after_a_nikhahit_word_is_not_joined_across_a_space():
    # ํ then a space then า is joined (a glyph drawn apart), but ํ before a consonant stays
    assert pdfthai.repair_line("อรหํ สมฺมา")[0] == "อรหํ สมฺมา"


def test_the_sample_reads_byte_for_byte_as_decoded():
    data = (Path(__file__).parent / "data" / "000_624796c269e36bce.txt").read_bytes()
    doc = read_bytes(data, "sample.txt")
    assert doc.text == decode_text(data)[0]
    assert ocr_notes(doc) == []


# --- property: well-formed Thai passes through unchanged, with no note --------------------------

_WORDS = sorted(w for w in thai_words() if re.fullmatch("[\u0e01-\u0e4e]+", w))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=12), st.sampled_from([" ", ""]))
def test_dictionary_words_pass_through_unchanged(words, joiner):
    text = joiner.join(words)
    for form, data in (("txt", txt([text])), ("html", page(["รายงานการประชุม", text], [["ก", "ข"]]))):
        doc = read_bytes(data, f"x.{form}")
        assert text in [b.text for b in doc.blocks]
        assert ocr_notes(doc) == []


# --- property: the document-wide test never lets a repair through ------------------------------

_THAI_AND_SPACES = st.text(
    alphabet=st.sampled_from([chr(c) for c in range(0x0E01, 0x0E4F)] + [" ", " ", "a", "1"]), max_size=40
)


@settings(max_examples=2000, deadline=None)
@given(_THAI_AND_SPACES)
def test_a_text_that_any_repair_changes_is_seen_as_maybe_broken(text):
    """``may_be_broken`` spares a clean document the seven repairs a line: it must never say a text is clean that
    ``repair_line`` would change."""
    if pdfthai.repair_line(text)[0] != text:
        assert pdfthai.may_be_broken(text)
    if not pdfthai.may_be_broken(text):
        assert pdfthai.repair_line(text) == (text, {})


@pytest.mark.parametrize(
    "broken", ["ส ํานักงาน", "สำานักงาน", "นํ้้า", "ครัง้", "ร้ัก", "สิน ้", "สำนั กงาน", "เ ดิน", "เดิ นทาง", "เป็ นไป"]
)
def test_each_kind_of_breakage_is_seen_in_a_document_of_clean_lines(broken):
    clean = ["รายงานการประชุม ครั้งที่ ๑/๒๕๖๗", "ที่ประชุมรับทราบ ได้ ที่ ประชุม ญาติ"]
    doc = read_bytes(txt([*clean, f"ข้อสั่งการ {broken}"]), "x.txt")
    assert ocr_notes(doc), broken
    assert not pdfthai.may_be_broken("\n".join(clean))
