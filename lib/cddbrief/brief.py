"""The brief's content: what each section shows, in Thai or English.

The briefing notebook stays thin: it loads a ``Brief`` and shows its sections
one cell each. Sections are Jinja templates (``templates/brief/*.html.j2``),
autoescaped, so text from a document is always shown as text.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cache
from importlib.resources import files
from pathlib import Path

from markupsafe import Markup, escape

from .glossary import topic_en, units
from .model import Meeting, Passage, said_in
from .thaitext import excerpt, word_window
from .words import Lang, Words, as_lang, words_for

SECTIONS = (
    "meeting",
    "summary",
    "agenda",
    "timeline",
    "deadlines",
    "figures",
    "checks",
    "notes",
    "directives",
    "provenance",
)
VERSIONED = ("cddbrief", "papermill", "nbconvert", "pandas", "matplotlib")
_KIND_ORDER = {"money": 0, "percent": 1, "place": 2, "count": 3, "area": 4, "weight": 4, "length": 4, "time": 5}


@cache
def environment():
    """The Jinja environment of every page: section templates (templates/brief/) and pages
    (templates/), autoescaped, strict about missing names."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    root = Path(str(files("cddbrief").joinpath("templates")))
    env = Environment(
        loader=FileSystemLoader([root / "brief", root]),
        autoescape=select_autoescape(["j2", "html"]),
        undefined=StrictUndefined,
    )
    env.trim_blocks = env.lstrip_blocks = True
    return env


def versions() -> dict[str, str]:
    """Versions of the packages a brief depends on (read from metadata, nothing imported)."""
    from importlib.metadata import PackageNotFoundError, version

    found = {}
    for name in VERSIONED:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = "not installed"
    return found


@dataclass
class Brief:
    """A meeting, its frames and the language to present them in (``words``: that language's
    ``words.Words``, which writes its dates, figures and names)."""

    meeting: Meeting
    lang: Lang = "th"
    parameters: dict = field(default_factory=dict)
    as_of: date | str | None = None  # the day "upcoming" counts from; None: the meeting's (see reference)
    words: Words = field(init=False, repr=False)

    def __post_init__(self):
        self.words = words_for(self.lang)

    @classmethod
    def load(
        cls,
        meeting: str | None = None,
        source: str | None = None,
        lang: str = "th",
        data_dir: str | None = None,
        office: str | None = None,
        as_of: str | None = None,
    ) -> Brief:
        """Read the meeting a notebook's parameters name: a file (``source``) or an id in ``data_dir``."""
        from .actions import check_as_of
        from .corpus import resolve
        from .store import meeting_of as read_meeting  # the corpus store's reading; parsed only on a miss

        lang = as_lang(lang)
        as_of = check_as_of(as_of)  # a Buddhist-era year or a day that is no day: one clear error, as at the CLI
        path = Path(source) if source else resolve(meeting, data_dir, office)
        parsed = read_meeting(path, meeting_id=meeting if source and meeting else None)
        parameters = {"meeting": parsed.id, "lang": lang, "source": path.name}
        if office:
            parameters["office"] = office
        if as_of:
            parameters["as_of"] = as_of
        return cls(parsed, lang, parameters, as_of or None)

    # --- words and formats --------------------------------------------------------------------

    def t(self, key: str, **values) -> str:
        """A label in the brief's language (``Words.t``)."""
        return self.words.t(key, **values)

    def place(self, thai: str | None) -> str:
        """A province or district in the brief's language, read in the meeting's province
        (``ลำพูน`` -> ``Lamphun``; unknown: as written)."""
        return self.words.place(thai, self.meeting.province)

    def office(self) -> str:
        """The office that wrote the meeting up, in English where the gazetteer knows it."""
        return self.words.office(self.meeting.office, self.meeting.province)

    def number_text(self) -> str:
        """The meeting's number as written, ``4/2562``; in English ``4/2562 (2019)`` (``Words.meeting_number``)."""
        return self.words.meeting_number(self.meeting.number, self.meeting.year_be)

    # --- section data ---------------------------------------------------------------------

    def title(self) -> str:
        """The page's title: ``สรุปการประชุม ครั้งที่ 4/2562 · <office>``; in English plainly
        ``Meeting 4/2562 (2019) · <office>``."""
        return self.t("brief_title", number=self.number_text(), office=self.office() or self.meeting.title)

    def dated_counts(self) -> dict[str, int]:
        """How the meeting's dated mentions divide, so that the summary (every mention), the deadlines
        table (in force) and the timeline (drawn) can say why their counts differ."""
        rows = self.dated_actions()
        return {
            "mentions": self.meeting.counts()["dated"],
            "in_force": len(self.deadlines()),
            "moved": sum(1 for r in rows if r["role"] == "original"),
            "past": len(self.past_windows()),
            "no_day": self.meeting.counts()["dated"] - len(rows),
            "drawn": sum(1 for r in rows if not r["past"]),
        }

    def dated_counts_text(self) -> str:
        """One line that says why the counts of dated mentions differ (empty when they all agree)."""
        n = self.dated_counts()
        if n["mentions"] == n["in_force"] == n["drawn"]:
            return ""
        parts = [self.t("dated_in_force", n=n["in_force"])]
        parts += [self.t(f"dated_{key}", n=n[key]) for key in ("moved", "past", "no_day") if n[key]]
        text = self.t("dated_why", mentions=n["mentions"], parts=", ".join(parts))
        return text + ("; " + self.t("dated_drawn", n=n["drawn"]) if n["drawn"] != n["in_force"] else "")

    def read_as(self) -> str:
        """How the document was read: its file kind and the layout that fitted
        (``PDF · รายงานการประชุมตามระเบียบวาระ``)."""
        source = self.meeting.source
        return f"{self.t('format_' + source.format)} · {self.t('layout_' + (source.layout or 'table'))}"

    def agenda(self) -> list[dict]:
        rows = []
        reported: dict[int, list] = {}  # what was reported under an item: its figures are key figures too
        for passage in self.meeting.passages:
            if passage.kind == "reported" and passage.item is not None:
                reported.setdefault(passage.item, []).extend(passage.quantities)
        for item in self.meeting.items:
            quantities = [q for d in item.directives for q in d.quantities] + reported.get(item.no, [])
            kinds = units()
            key = sorted(quantities, key=lambda q: (_KIND_ORDER.get(kinds[q.unit].kind, 9), -float(q.value)))[:3]
            rows.append(
                {
                    "no": item.no,
                    "inferred": item.inferred,
                    "topic": item.topic,
                    "topic_en": topic_en(item.topic),
                    "directives": len(item.directives),
                    "key_figures": ", ".join(self.words.figure(q.value, q.unit) for q in key),
                    "resolution": item.resolution,
                }
            )
        return rows

    def reference(self):
        """The day deadlines count from and why (``as_of``, the meeting's date, or its latest
        plausible date): see ``actions.reference_day``."""
        from .actions import reference_day

        return reference_day(self.meeting, self.as_of)

    def reference_text(self) -> str:
        """``นับจากวันที่ 25 มี.ค. 2562 (…)``: the day the brief calls past or upcoming from, and why."""
        ref = self.reference()
        return self.words.reference(ref.day, ref.reason)

    def dated_actions(self) -> list[dict]:
        """Every dated mention, in date order: what is to be done by then (the clause the date
        belongs to, ``actions.actions``), who, and whether the window closed before the
        reference day (``past``)."""
        from .actions import actions, is_past
        from .tidy import actors

        ref = self.reference()
        rows = []
        for (
            item,
            d,
        ) in (
            self.meeting.holders()
        ):  # a directive's dates, and what a passage asks or decides (a resolution's deadline)
            moved_from = {id(r.new): r.old for r in d.reschedules}
            what = actions(d)
            for s in d.dates:
                if s.start is None or (isinstance(d, Passage) and s.context not in ("asked", "decided")):
                    continue
                old = moved_from.get(id(s))
                rows.append(
                    {
                        "start": s.when,  # a year-to-day window sorts by its last day
                        "first": s.start,
                        "end": s.end,
                        "when": self.words.span(s.start, s.end, s.precision),
                        "precision": s.precision,
                        "item": item.no if item is not None else 0,
                        "topic": self.words.topic(item.topic) if item is not None else self.t("meeting"),
                        "what": what[id(s)],
                        "sentence": excerpt(said_in(d, s), *s.span),
                        "surface": s.surface,
                        "who": self.words.who(actors(d.text, getattr(d, "responsible", None))),
                        "role": s.role,
                        "moved_from": self.words.span(old.start, old.end, old.precision) if old else None,
                        "year_inferred": s.year_inferred,
                        "past": is_past(s.end, ref),
                    }
                )
        rows.sort(key=lambda r: (r["start"], r["end"], r["item"]))
        return rows

    def deadlines(self) -> list[dict]:
        """Dated actions still in force and not over before the reference day (an original date
        that was moved, and a window that closed before the meeting, are left out)."""
        return [r for r in self.dated_actions() if r["role"] != "original" and not r["past"]]

    def past_windows(self) -> list[dict]:
        """Dated mentions that ended before the reference day (``ปี 57 - 30 ก.ย. 61`` in a 2562
        meeting): kept, marked past, shown apart from the deadlines."""
        return [r for r in self.dated_actions() if r["role"] != "original" and r["past"]]

    def recurrences(self) -> list[dict]:
        rows = []
        for item, d in self.meeting.directives():
            for r in d.recurrences:
                when = self.t("every_month", day=r.day)
                if r.first:
                    when += f" ({self.t('from_date')} {self.words.span(r.first, r.first)})"
                rows.append(
                    {"when": when, "item": item.no, "topic": self.words.topic(item.topic), "surface": r.surface}
                )
        return rows

    def figures(self) -> list[dict]:

        rows = []
        for (
            item,
            d,
        ) in (
            self.meeting.holders()
        ):  # every figure of the document: directives, then what was reported, decided, told of the meeting
            for q in d.quantities:
                rows.append(
                    {
                        "item": item.no if item is not None else "",
                        "topic": self.words.topic(item.topic) if item is not None else self.t("meeting"),
                        "context": q.context,
                        "figure": self.words.figure(q.value, q.unit),
                        "value": float(q.value),
                        "place": self.place(q.entity),
                        "per": self.words.unit(q.per, 1) if q.per else "",
                        "evidence": _highlight(d.text, *q.span),
                        "repaired": q.repaired,
                    }
                )
        return rows

    def checks(self) -> list[dict]:
        rows = []
        for c in self.meeting.checks:
            result = {True: self.t("holds"), False: self.t("fails"), None: self.t("derived")}[c.holds]
            rows.append(
                {
                    "item": c.item,
                    "kind": self.t(f"kind_{c.kind}"),
                    "statement": self.words.either(c.statement, c.statement_en),
                    "result": result,
                    "status": {True: "holds", False: "fails", None: "derived"}[c.holds],
                    "evidence": " · ".join(c.evidence),
                }
            )
        return rows

    def notes(self) -> list[dict]:
        return [
            {
                "kind": self.t(f"note_{n.kind}"),
                "item": n.item,
                "message": self.words.either(n.th, n.message),
            }
            for n in self.meeting.notes
        ]

    def directive_groups(self) -> list[dict]:
        return [
            {
                "no": item.no,
                "topic": self.words.topic(item.topic),
                "topic_th": item.topic,
                "directives": [
                    {"label": d.label or "", "text": d.text, "responsible": d.responsible, "due": d.due}
                    for d in item.directives
                ],
                "remarks": item.remarks,
                "resolution": item.resolution,
            }
            for item in self.meeting.items
        ]

    def provenance(self) -> dict:
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        built = None
        if epoch and epoch.isdigit():
            built = datetime.fromtimestamp(int(epoch), tz=UTC).strftime("%Y-%m-%d %H:%M UTC")
        source = self.meeting.source
        return {
            "file": Path(source.path).name,
            "sha256": source.sha256,
            "format": source.format,
            "encoding": source.encoding or "Word (.docx)",
            "parameters": self.parameters,
            "versions": versions(),
            "built": built,
        }

    def place_measures(self) -> list[dict]:
        """Figures of one measure given for two places or more, one entry per measure: same item,
        unit and role (``Quantity.role``) and the same words before them (``sentence_groups``),
        so a tablet-collection rate never stands beside household-collection rates. ``overall`` is
        the figure for the whole (``รวมทั้งประเทศ … 101.27%``) when the item gives one.

        ``{"item": 8, "words": "จัดเก็บได้ต่ำกว่าเป้าหมาย", "unit": "%", "role": "share",
        "places": [{"place": "น่าน", "value": 93.12, …}, …], "overall": {"value": 101.27, …}}``
        """
        measures: dict[tuple, dict] = {}
        for item in self.meeting.items:
            # the overall figure of each unit and role stated so far in this item, and the measure
            # that has claimed it: a whole stated before one list of places is that list's
            last_whole: dict[tuple, list] = {}
            for d in item.directives:
                for group in sentence_groups(d):
                    here = {}
                    for q, _ in group["figures"]:
                        label = None if q.entity else _overall_label(group, q, d.text)
                        if label is not None:
                            here[(q.unit_key, q.role)] = (q, label, d.text)
                            if label:  # ทั้งประเทศ, ภาพรวม: may stand for a later list of places
                                last_whole[(q.unit_key, q.role)] = [q, label, d.text, None]
                    for q, words in group["figures"]:
                        if not q.entity:
                            continue
                        kind = (q.unit_key, q.role)
                        key = (item.no, *kind, words.replace(" ", ""))
                        m = measures.setdefault(
                            key,
                            {
                                "item": item.no,
                                "topic": self.words.topic(item.topic),
                                "unit": q.unit,
                                "unit_key": q.unit_key,
                                "role": q.role,
                                "words": words,
                                "places": [],
                                "whole": None,
                            },
                        )
                        m["places"].append(
                            {
                                "place": q.entity,
                                "value": float(q.value),
                                "figure": self.words.figure(q.value, q.unit),
                                "surface": q.surface,
                            }
                        )
                        if m["whole"] is None and kind in here:
                            m["whole"] = here[kind]
                        earlier = last_whole.get(kind)
                        if earlier is not None and earlier[3] in (None, key):
                            earlier[3] = key  # claimed: another measure's places never use it
                            if m["whole"] is None:
                                m["whole"] = tuple(earlier[:3])
        found = []
        for m in measures.values():
            whole = m.pop("whole")
            if len({p["place"] for p in m["places"]}) < 2:
                continue  # one place compares with nothing
            m["overall"] = None
            if whole is not None:
                q, label, text = whole
                said = self.t("national") if label and label != "ภาพรวม" else self.t("overall")
                m["overall"] = {
                    "value": float(q.value),
                    "figure": self.words.figure(q.value, q.unit),
                    "label": said,
                    "sentence": excerpt(text, *q.span),
                }
            found.append(m)
        return found

    def measure_title(self, m: dict) -> str:
        """What a places chart compares: ``ร้อยละ · จัดเก็บได้ต่ำกว่าเป้าหมาย · ประเด็นที่ 8``."""
        unit = self.t("unit_percent") if m["unit"] == "%" else self.words.figure(0, m["unit"]).split(" ", 1)[-1]
        words = m["words"] or m["topic"]
        return self.t("chart_measure", unit=unit, words=words, item=m["item"])

    def toc(self) -> list[dict]:
        """The sections a reader can jump to, in order: ``[{"id": "agenda", "label": "วาระการประชุม"}, …]``."""
        names = {"directives": "all_directives"}
        return [{"id": name, "label": self.t(names.get(name, name))} for name in SECTIONS[1:]]

    # --- charts: this brief's data, drawn by charts.py ---------------------------------------

    def timeline_chart(self):
        """The dated actions on a time axis (a window that closed before the reference day is not
        drawn: it would stretch the scale over years), or None."""
        from .charts import timeline

        rows = [r for r in self.dated_actions() if not r["past"]]
        return timeline(rows, self.words.texts, self.words.month)

    def topics_chart(self):
        """Directives per topic, or None for a meeting with no items."""
        from .charts import Bar, topics

        bars = [
            Bar(self.words.topic(i.topic), len(i.directives), str(len(i.directives)), i.no) for i in self.meeting.items
        ]
        return topics(bars, self.words.texts)

    def parts_chart(self):
        """The parts of the first stated total whose parts the text names (a sum check), or None."""
        from .charts import Bar, parts

        check = next((c for c in self.meeting.checks if c.kind == "sum" and c.labels), None)
        if check is None:
            return None
        bars = [Bar(label, value, self.words.number(value)) for label, value in zip(check.labels, check.operands)]
        return parts(bars, self.words.figure(check.total, check.unit), self.words.texts)

    def place_charts(self) -> list:
        """One chart per measure given for two places or more (``place_measures``), places named
        in the brief's language."""
        from .charts import Bar, Measure, Reference, places

        measures = []
        for m in self.place_measures():
            overall = m["overall"]
            measures.append(
                Measure(
                    title=self.measure_title(m),
                    bars=[
                        Bar(self.place(p["place"]), p["value"], self.words.figure(p["value"], m["unit"]))
                        for p in m["places"]
                    ],
                    share=m["role"] == "share" and m["unit"] == "%",
                    overall=Reference(overall["value"], overall["label"], overall["figure"], overall["sentence"])
                    if overall
                    else None,
                )
            )
        return places(measures, self.words.texts)

    def section_charts(self, name: str) -> dict:
        """The charts a section shows (``SECTION_CHARTS``), by the name its template gives them,
        drawn for it alone."""
        return {chart: make(self) for chart, make in SECTION_CHARTS.get(name, {}).items()}

    # --- rendering ------------------------------------------------------------------------

    def section(self, name: str) -> str:
        """One section as HTML (autoescaped), with the charts it shows."""
        if name not in SECTIONS:
            raise ValueError(f"unknown section {name!r}; sections are {', '.join(SECTIONS)}")
        template = environment().get_template(f"{name}.html.j2")
        return template.render(
            b=self, m=self.meeting, w=self.words, t=self.t, lang=self.lang, **self.section_charts(name)
        )

    def show(self, name: str) -> None:
        """Display a section in the notebook (the export keeps only these outputs)."""
        from IPython.display import HTML, display

        display(HTML(self.section(name)))


# The charts each section shows, by the name its template gives them: a new chart is one entry here,
# the ``Brief`` method that gives it this brief's data, and its drawing in charts.py.
SECTION_CHARTS: dict[str, dict[str, Callable[[Brief], object]]] = {
    "agenda": {"topics_chart": Brief.topics_chart},
    "timeline": {"timeline_chart": Brief.timeline_chart},
    "figures": {"place_charts": Brief.place_charts, "parts_chart": Brief.parts_chart},
}


def _highlight(text: str, start: int, end: int) -> Markup:
    """The words around a figure, the figure itself marked; escaped for HTML."""
    left, right = word_window(text, start, end)
    before = ("…" if left > 0 else "") + text[left:start]
    after = text[end:right] + ("…" if right < len(text) else "")
    return Markup("{}<mark>{}</mark>{}").format(escape(before), escape(text[start:end]), escape(after))


# --- like with like: figures of one measure, by place ------------------------------------------

# Words that join the figures of one statement without saying anything about what they measure:
# list words (คือ, และ), restating words (คิดเป็น, ร้อยละ, จำนวน) and the words before a place.
_THIN_WORDS = (
    "คิดเป็น", "ร้อยละ", "จำนวน", "เท่ากับ", "ประมาณ", "เป็น", "ได้แก่", "คือ", "และ", "กับ", "หรือ", "ส่วน", "โดย", "ตามลำดับ",
    "จังหวัด", "อำเภอ", "ตำบล", "จ.", "อ.", "ต.",
)  # fmt: skip
_NATIONAL = re.compile(r"ทั้งประเทศ|ทั่วประเทศ|ระดับประเทศ|ภาพรวม")
_TARGET = re.compile(r"เป้าหมาย\s*$")


@cache
def _thin_re() -> re.Pattern:
    from .glossary import province_pattern

    words = "|".join(re.escape(w) for w in sorted(_THIN_WORDS, key=len, reverse=True))
    return re.compile(rf"{province_pattern().pattern}|{words}|[\s\d.,:;()\-–—/%]+")


def measure_words(text: str) -> str:
    """What a stretch of text says a figure measures: the text without places, list and
    restating words.

    >>> measure_words(" คือลำพูน ")
    ''
    >>> measure_words("ผลการจัดเก็บข้อมูลจปฐ. ด้วยแท็บเล็ต จังหวัดประจวบคีรีขันธ์เป้าหมาย")
    'ผลการจัดเก็บข้อมูลจปฐ ด้วยแท็บเล็ต เป้าหมาย'
    """
    return " ".join(part for part in _thin_re().split(text) if part and part.strip()).strip()


def sentence_groups(directive) -> list[dict]:
    """The figures of a directive in statements: a figure joins the one before it when only
    places, list or restating words stand between them (``2 จังหวัด คือน่าน 88.25% และแพร่
    91.10%``), or when it is the part of a total just given (``เป้าหมาย 500 ครัวเรือน
    จัดเก็บได้ 450 ครัวเรือน คิดเป็น 90%``). Each figure gets the words that say what it
    measures: the words before its statement, and those inside it before the figure.

    >>> from .quantities import find_quantities
    >>> from .model import Directive
    >>> text = "รวมทั้งประเทศจัดเก็บได้ คิดเป็น 101.27 % ต่ำกว่าเป้าหมาย 2 จังหวัด คือน่าน 93.12% และแพร่ 95.40%"
    >>> d = Directive(no=1, text=text, quantities=find_quantities(text)[0])
    >>> [[(q.value, words) for q, words in g["figures"]] for g in sentence_groups(d)]
    [[(101.27, 'รวมทั้งประเทศจัดเก็บได้')], [(2, 'ต่ำกว่าเป้าหมาย'), (93.12, 'ต่ำกว่าเป้าหมาย'), (95.4, 'ต่ำกว่าเป้าหมาย')]]
    """
    text = directive.text
    groups: list[dict] = []
    previous_end = 0
    for q in sorted(directive.quantities, key=lambda q: q.span):
        gap = text[previous_end : q.span.start]
        words = measure_words(gap)
        current = groups[-1] if groups else None
        joins = current is not None and (
            not words or (q.role == "part" and any(f.unit_key == q.unit_key for f, _ in current["figures"]))
        )
        if not joins:
            current = {"lead": words, "text": gap, "figures": []}
            groups.append(current)
        else:
            current["text"] += gap
            if words:
                current["inner"] = (current.get("inner", "") + " " + words).strip()
        said = " ".join(w for w in (current["lead"], current.get("inner", "")) if w)
        current["figures"].append((q, said))
        current["text"] += q.span.of(text)
        previous_end = q.span.end
    return groups


def _overall_label(group: dict, q, text: str) -> str | None:
    """Why a figure with no place is the whole to compare places with: the words of its statement
    (``ทั้งประเทศ``, ``ภาพรวม``), or None (a target, ``เป้าหมาย 100%``, is not an overall figure)."""
    if _TARGET.search(text[max(0, q.span.start - 20) : q.span.start]):
        return None
    found = _NATIONAL.search(group["text"])
    return found.group() if found else ""
