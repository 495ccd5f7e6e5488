"""A plain-text summary of a meeting, for the terminal (``cddbrief parse``)."""

from __future__ import annotations

from .model import Meeting
from .thaidates import format_span_th


def summary_text(meeting: Meeting) -> str:
    """What a reader wants first: which meeting, its items, figures, dates, checks, notes."""
    out = []
    out.append(f"{meeting.title}")
    place = ", ".join(p for p in (meeting.district and f"อำเภอ{meeting.district}", meeting.province and f"จังหวัด{meeting.province}") if p)
    out.append(f"ครั้งที่ {meeting.number}/{meeting.year_be}  ({meeting.id})  {meeting.office}{'  — ' + place if place else ''}")
    out.append(f"source: {meeting.source.path}  sha256 {meeting.source.sha256[:12]}…  ({meeting.source.format}, {meeting.source.encoding or 'Word'})")
    out.append("")
    n = meeting.counts()
    out.append(f"{n['items']} items, {n['directives']} directives, {n['figures']} figures, {n['dated']} dated actions, {n['checks']} checks ({n['failing']} failing), {n['notes']} notes")
    out.append("")
    out.append("ที่  ประเด็น (topic)                          ข้อสั่งการ  ตัวเลข  วันที่")
    for item in meeting.items:
        mark = "*" if item.inferred else " "
        n_q = sum(len(d.quantities) for d in item.directives)
        n_d = sum(len(d.dates) for d in item.directives)
        out.append(f"{item.no:>2}{mark} {item.topic[:40]:<40} {len(item.directives):>5} {n_q:>7} {n_d:>6}")
    out.append("   (* number inferred)")
    dated = sorted((s for _, d in meeting.directives() for s in d.dates if s.start), key=lambda s: s.start)
    if dated:
        out.append("")
        out.append("กำหนดการ (dates)")
        for s in dated:
            role = {"original": " (เดิม, เลื่อน)", "rescheduled": " (กำหนดใหม่)"}.get(s.role or "", "")
            out.append(f"  {format_span_th(s.start, s.end, s.precision):<24} ข้อ {s.item}{role}  «{s.surface}»")
    if meeting.checks:
        out.append("")
        out.append("การตรวจสอบตัวเลข (checks)")
        for c in meeting.checks:
            verdict = {True: "ผ่าน ", False: "ไม่ผ่าน", None: "คำนวณ"}[c.holds]
            out.append(f"  [{verdict}] ข้อ {c.item}: {c.statement}")
    if meeting.notes:
        out.append("")
        out.append("หมายเหตุการอ่าน (notes)")
        for n in meeting.notes:
            where = f"ข้อ {n.item}: " if n.item else ""
            out.append(f"  - {n.kind}: {where}{n.message}")
    return "\n".join(out)
