"""Text for the terminal: a meeting's summary (``cddbrief parse``) and columns that line up.

Thai vowel and tone marks above and below a letter take no width on screen
(``สำนักงาน`` is 8 characters but 7 columns), so columns are padded by display
width (wcwidth), never by ``len``.
"""

from __future__ import annotations

import unicodedata

from wcwidth import wcswidth, wcwidth

from .model import Meeting
from .thaidates import format_span_th


def display_width(text: str) -> int:
    """Columns the text takes in a terminal.

    >>> display_width("สำนักงาน"), len("สำนักงาน"), display_width("OTOP")
    (7, 8, 4)
    """
    width = wcswidth(text)
    if width >= 0:
        return width
    return sum(max(0, wcwidth(ch)) for ch in text)  # a control character takes none


def printable(text: str) -> str:
    r"""Line breaks, tabs and other control characters as single spaces: one value, one line.

    >>> printable("ก\tข\nค")
    'ก ข ค'
    """
    return "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in text)


def fit(text, width: int, align: str = "<") -> str:
    """Text cut and padded to exactly ``width`` columns; a cut ends in ``…`` and keeps marks with their letter.

    >>> fit("สำนักงานพัฒนาชุมชน", 8) + "|"
    'สำนักงาน…|'
    >>> fit("ที่", 4) + "|", fit(21, 4, ">")
    ('ที่   |', '  21')
    """
    text = printable(str(text))
    if display_width(text) > width:
        kept, used = [], 0
        for ch in text:
            w = max(0, wcwidth(ch))
            if used + w > width - 1:
                if w == 0 and kept:  # a mark stays with its letter
                    kept.append(ch)
                    continue
                break
            kept.append(ch)
            used += w
        text = "".join(kept) + "…"
    pad = " " * (width - display_width(text))
    return pad + text if align == ">" else text + pad


_CONTEXT_TH = {"meeting": "การประชุม", "reported": "รายงาน", "asked": "สั่งการ", "decided": "มติ"}


def summary_text(meeting: Meeting) -> str:
    """What a reader wants first: which meeting, its items, figures, dates, checks, notes."""
    out = []
    out.append(f"{meeting.title}")
    place = ", ".join(
        p
        for p in (meeting.district and f"อำเภอ{meeting.district}", meeting.province and f"จังหวัด{meeting.province}")
        if p
    )
    number = (
        f"ครั้งที่ {meeting.number}/{meeting.year_be}  ({meeting.id})"
        if meeting.id
        else "ไม่ระบุครั้งที่ (no meeting number: a brief needs one given)"
    )
    out.append(f"{number}  {meeting.office or 'ไม่ระบุหน่วยงาน'}{'  — ' + place if place else ''}")
    facts = [
        (label, value)
        for label, value in (
            ("วันที่ประชุม", meeting.meeting_date and format_span_th(meeting.meeting_date, meeting.meeting_date)),
            ("ประธาน", meeting.chair),
            ("ณ", meeting.place),
            ("เผยแพร่", meeting.published and format_span_th(meeting.published, meeting.published)),
        )
        if value
    ]
    if facts:
        out.append("  ".join(f"{label} {value}" for label, value in facts))
    source = meeting.source
    out.append(f"source: {source.path}  sha256 {source.sha256[:12]}…  ({source.format}, {source.encoding or 'Word'})")
    out.append("")
    n = meeting.counts()
    out.append(
        f"{n['items']} items, {n['directives']} directives, {n['figures']} figures, {n['dated']} dates,"
        f" {n['checks']} checks ({n['failing']} failing), {n['notes']} notes"
    )
    out.append("")
    out.append(
        f"{fit('ที่', 3)} {fit('ประเด็น (topic)', 40)}"
        f" {fit('ข้อสั่งการ', 9, '>')} {fit('ตัวเลข', 7, '>')} {fit('วันที่', 6, '>')}"
    )
    held: dict[int, list] = {}
    for item, holder in meeting.holders():
        held.setdefault(id(item), []).append(holder)
    for item in meeting.items:
        mark = "*" if item.inferred else " "
        # its directives' and its passages' figures (what was reported, decided)
        n_q = sum(len(h.quantities) for h in held.get(id(item), []))
        n_d = sum(len(h.dates) for h in held.get(id(item), []))
        out.append(f"{item.no:>2}{mark} {fit(item.topic, 40)} {len(item.directives):>9} {n_q:>7} {n_d:>6}")
    out.append("   (* number inferred)")
    dated = sorted((s for _, d in meeting.holders() for s in d.dates if s.start), key=lambda s: s.start)
    if dated:
        out.append("")
        out.append("วันที่ในเอกสาร (dates: asked, reported, decided, of the meeting)")
        for s in dated:
            role = {"original": " (เดิม, เลื่อน)", "rescheduled": " (กำหนดใหม่)"}.get(s.role or "", "")
            where = f"ข้อ {s.item}" if s.item is not None else "การประชุม"
            context = _CONTEXT_TH.get(s.context or "", "")
            out.append(
                f"  {fit(format_span_th(s.start, s.end, s.precision), 24)} {where}{role} [{context}]  «{s.surface}»"
            )
    if meeting.checks:
        out.append("")
        out.append("การตรวจสอบตัวเลข (checks)")
        for c in meeting.checks:
            verdict = {True: "ผ่าน ", False: "ไม่ผ่าน", None: "คำนวณ"}[c.holds]
            where = f"ข้อ {c.item}" if c.item is not None else "การประชุม"
            out.append(f"  [{verdict}] {where}: {c.statement}")
    if meeting.notes:
        out.append("")
        out.append("หมายเหตุการอ่าน (notes)")
        for n in meeting.notes:
            where = f"ข้อ {n.item}: " if n.item else ""
            out.append(f"  - {n.kind}: {where}{n.message}")
    return "\n".join(out)
