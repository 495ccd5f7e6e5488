"""Trends across meetings: figures over time, directives per topic, topics new or dropped, moved deadlines.

Pure functions over the corpus frames (``cddbrief.load_corpus``) and, for moved deadlines, over
the write-ups as the action register follows them (``register.follow``: one matcher for the trends
and the actions pages), a ``Trends`` view for the trends notebook, and ``build_trends`` that runs
that notebook and writes ``OUT/trends.html`` (and ``.pdf``), self-contained like a brief.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from . import notebooks
from .errors import CddbriefError
from .words import Lang, Words, as_lang, suffix, words_for

NOTEBOOK = notebooks.path("trends")  # package data: any install runs it
SECTIONS = ("header", "figures", "topics", "changes", "deadlines", "provenance")
BARELY = 0.02  # a series whose values differ by less than this share of the largest is shown as a table, not a chart


def _order(meeting_ids) -> list[str]:
    return sorted({m for m in meeting_ids if m is not None and m == m})


def meeting_label(meeting_id: str, lang: Lang = "th") -> str:
    """A meeting as people write it: ``4/2563``; in English with the Gregorian year beside it
    (``Words.meeting_label``).

    >>> meeting_label("2563-04"), meeting_label("2563-04", "en"), meeting_label("x")
    ('4/2563', '4/2563 (2020)', 'x')
    """
    return words_for(lang).meeting_label(meeting_id)


def _with_topics(frame):
    """The frame with ``topic`` as one name per topic (``glossary.canonical_topic``) and the name as
    written kept in ``written``."""
    from .glossary import canonical_topic

    frame = frame.copy()
    frame["written"] = frame["topic"]
    frame["topic"] = frame["topic"].map(lambda t: canonical_topic(t) if isinstance(t, str) else t)
    return frame


def figure_series(f, min_meetings: int = 2):
    """The same measure across one office's meetings: one row per meeting of each office, topic,
    unit, place, ``per`` and role (a per-unit rate is not a total, a part is not the whole).

    Like is compared with like: a series follows one office's write-ups (the department's own
    are an office too), never one office's figure at one meeting and another's at the next;
    two offices' write-ups of one meeting are two series' points, never added. Within a write-up
    that states several figures of the same measure the series takes the first; ``n`` says how
    many; ``writeups`` how many write-ups the series draws from.

    >>> import pandas as pd
    >>> from types import SimpleNamespace
    >>> q = pd.DataFrame({"meeting": ["2563-03", "2563-04", "2563-04", "2563-05"], "office": ["A", "A", "B", "B"],
    ...     "item": [1] * 4, "directive": [1] * 4, "topic": ["จปฐ."] * 4, "unit": ["%"] * 4, "entity": ["ลำพูน"] * 4,
    ...     "per": [None] * 4, "role": ["share"] * 4, "value": [81.25, 90.5, 90.5, 97.1],
    ...     "surface": ["81.25%", "90.50%", "90.50%", "97.10%"]})
    >>> figure_series(SimpleNamespace(quantities=q))[["office", "meeting", "value", "writeups"]].values.tolist()
    [['A', '2563-03', 81.25, 2], ['A', '2563-04', 90.5, 2], ['B', '2563-04', 90.5, 2], ['B', '2563-05', 97.1, 2]]
    """
    import pandas as pd

    q = _with_topics(f.quantities)
    for column in ("entity", "per", "role"):
        q[column] = (q[column] if column in q else pd.Series("", index=q.index)).astype("object").fillna("")
    q["office"] = q["office"].astype("object").fillna("")
    q = q.sort_values(["office", "meeting", "item", "directive"], kind="stable")
    key = ["office", "topic", "unit", "entity", "per", "role"]
    columns = [*key, "meeting", "value", "n", "surface", "writeups"]
    if q.empty:
        return pd.DataFrame(columns=columns)
    grouped = q.groupby([*key, "meeting"], sort=True, dropna=False)
    series = grouped.agg(value=("value", "first"), n=("value", "size"), surface=("surface", "first")).reset_index()
    series["value"] = series["value"].astype(float)
    series["n"] = series["n"].astype(int)
    series["writeups"] = series.groupby(key, dropna=False)["meeting"].transform("nunique").astype(int)
    return series[series["writeups"] >= min_meetings].reset_index(drop=True)[columns]


def topic_counts(f):
    """Directives per topic in each office's write-up of each meeting (``office``): a count is
    only ever set beside the same office's counts at other meetings, never another office's.

    >>> import pandas as pd
    >>> from types import SimpleNamespace
    >>> d = pd.DataFrame({"meeting": ["2563-04"] * 5, "office": ["A", "A", "B", "B", "B"],
    ...     "topic": ["กองทุนหมู่บ้าน", "จปฐ.", "กองทุนหมู่บ้าน", "ข้อมูล จปฐ.", "ข้อมูล จปฐ."]})
    >>> topic_counts(SimpleNamespace(directives=d))[["office", "topic", "directives"]].values.tolist()
    [['A', 'กองทุนหมู่บ้าน', 1], ['A', 'จปฐ.', 1], ['B', 'กองทุนหมู่บ้าน', 1], ['B', 'จปฐ.', 2]]
    """
    import pandas as pd

    d = _with_topics(f.directives)
    if d.empty:
        return pd.DataFrame(columns=["meeting", "office", "topic", "directives", "written"])
    d["office"] = d["office"].astype("object").fillna("")
    names = ("written", lambda w: " · ".join(sorted(set(w))))
    counts = (
        d.groupby(["office", "meeting", "topic"], sort=True)
        .agg(directives=("topic", "size"), written=names)
        .reset_index()
    )
    counts["directives"] = counts["directives"].astype(int)
    return counts[["meeting", "office", "topic", "directives", "written"]]


def directives_per_topic(f):
    """(office, topic) × meeting: how many directives each topic got in each office's write-up of
    each meeting (topics under their one name, ``glossary.canonical_topic``); empty (NA) where
    the office did not write the meeting up, 0 where it did and the topic had no directive."""
    import pandas as pd

    counts = topic_counts(f)
    table = counts.pivot_table(index=["office", "topic"], columns="meeting", values="directives", aggfunc="first")
    table = table[_order(counts["meeting"])].astype("Float64")
    wrote = counts.groupby("office")["meeting"].agg(set)
    for office, meetings in wrote.items():
        rows = table.index.get_level_values("office") == office
        for m in meetings:
            table.loc[rows, m] = table.loc[rows, m].fillna(0)
    return table.astype("Int64") if not table.empty else table.astype(pd.Int64Dtype())


def topic_changes(f) -> list[dict]:
    """For each office, topics new or dropped since its previous meeting (a topic under another
    of its names is the same topic)."""
    changes = []
    items = _with_topics(f.items)
    for office, rows in items.groupby("office", sort=True):
        meetings = _order(rows["meeting"])
        for before, after in zip(meetings, meetings[1:]):
            old = set(rows.loc[rows["meeting"] == before, "topic"])
            new = set(rows.loc[rows["meeting"] == after, "topic"])
            changes.append(
                {"office": office, "from": before, "to": after, "new": sorted(new - old), "dropped": sorted(old - new)}
            )
    return changes


def moved_deadlines(writeups) -> list[dict]:
    """Deadlines that moved in write-ups given as ``(key, office, Meeting)`` (``register.writeups_in``),
    each listed once (``offices`` names every write-up that shows it):

    - within a meeting: ``เดิมกำหนด X … กำหนดเป็น Y``, every one a write-up states (``evidence``
      ``reschedule``; the register holds the same as an action's ``moved_from``, unless the new
      window had closed before the meeting and so is no action);
    - between meetings of one office (never one office's meeting and another's: like with like):
      the action register's *moved* links (``register.follow``: the same topic, texts alike by
      ``register.similarity``, a date that is not the same window, no sign of a later round or of a
      cancelled order), so the trends page and the actions page follow a directive with one
      matcher (``evidence`` ``similar``, ``similarity`` the link's score).

    Dates keep their precision: a month stays a month. A write-up with no meeting number is named by
    its key.

    >>> from cddbrief.model import Directive, Item, Meeting, Source
    >>> from cddbrief.thaidates import find_dates
    >>> def write_up(number, day):
    ...     text = f"ให้อำเภอส่งแผนพัฒนาวิสาหกิจชุมชน ภายในวันที่ {day} เม.ย. 66"
    ...     d = Directive(1, text, dates=find_dates(text, 2566)[0])
    ...     item, source = Item(1, "วิสาหกิจชุมชน", [d]), Source("", "", "txt", None)
    ...     return str(number), "สพอ.ก", Meeting(number, 2566, "", "สพอ.ก", None, None, None, source, [item])
    >>> [(m["in"], m["was"], m["now"], m["action"]) for m in moved_deadlines([write_up(3, 20), write_up(4, 28)])]
    [('2566-03 → 2566-04', '20 เม.ย. 66', '28 เม.ย. 66', 'ให้อำเภอส่งแผนพัฒนาวิสาหกิจชุมชน')]
    """
    from .actions import actions
    from .register import collect, follow

    writeups = list(writeups)
    moves: dict[tuple, dict] = {}

    def add(move: dict, office: str, one_office: bool) -> None:
        """Keep a move once: a move within a meeting once whichever offices wrote it up, a move between
        meetings once per office."""
        where = ("topic", "from_meeting", "to_meeting", "from", "from_end", "to", "to_end")
        key = (office if one_office else "", *(move[k] for k in where))
        kept = moves.setdefault(key, {**move, "offices": []})
        if office not in kept["offices"]:
            kept["offices"].append(office)

    for writeup, office, meeting in writeups:
        for item, d in meeting.directives():
            clauses = actions(d) if d.reschedules else {}
            for r in d.reschedules:
                if r.old.start is not None and r.new.start is not None:
                    where = meeting.id or writeup
                    move = _move(item.topic, where, where, r.old, r.new, clauses.get(id(r.new), ""), "reschedule")
                    add(move, office, one_office=False)
    found, reports, _ = collect(writeups)
    by_key = {a.key: a for a in found}
    for link in follow(found, reports):
        if link.kind == "moved":
            old, new = by_key[link.earlier], by_key[link.later]
            move = _move(new.topic, old.meeting or old.writeup, new.meeting or new.writeup, old, new, new.what,
                         "similar", similarity=link.score, earlier=link.earlier, later=link.later)  # fmt: skip
            add(move, new.office, one_office=True)
    out = []
    for entry in moves.values():
        entry["office"] = ", ".join(entry["offices"])
        out.append(entry)
    return out


def _move(topic: str, before: str, after: str, old, new, action: str, evidence: str, **more) -> dict:
    """One moved deadline as the trends page lists it; ``old`` and ``new`` are its dates (each a
    ``DateSpan`` or a ``register.Action``: a start, an end, a precision and a surface)."""
    from .glossary import canonical_topic

    return {"topic": canonical_topic(topic), "in": before if before == after else f"{before} → {after}",
            "from_meeting": before, "to_meeting": after,
            "from": old.start, "from_end": old.end, "from_precision": old.precision,
            "to": new.start, "to_end": new.end, "to_precision": new.precision,
            "was": old.surface, "now": new.surface, "action": action, "evidence": evidence, **more}  # fmt: skip


def brief_links(writeups, out_dir: str, lang: Lang = "th") -> dict[tuple[str, str], str]:
    """Each write-up's brief in ``out_dir``, by (meeting, office): ``./<folder>/brief.html``, the
    folder ``build --all`` gives the brief (the key of ``register.writeups_in``); only briefs on disk
    (none without ``out_dir``)."""
    from urllib.parse import quote

    if not out_dir:
        return {}
    name = f"brief{suffix(lang)}.html"
    found = {}
    for folder, office, meeting in writeups:
        if meeting.id and (Path(out_dir) / folder / name).is_file():
            found.setdefault((meeting.id, office), f"./{quote(folder)}/{name}")
    return found


@dataclass
class Trends:
    """The trends view that the trends notebook shows, section by section."""

    frames: object
    lang: Lang = "th"
    data_dir: str = ""
    out_dir: str = ""  # the folder the page is written to: its briefs are linked (``brief_href``)
    words: Words = field(init=False, repr=False)  # the page's words (``words.Words``)

    def __post_init__(self):
        self.words = words_for(self.lang)

    @classmethod
    def load(cls, data_dir: str | None = None, lang: str = "th", out_dir: str | None = None) -> Trends:
        from .corpus import default_data_dir, load_corpus

        lang = as_lang(lang)
        folder = Path(data_dir) if data_dir else default_data_dir()
        frames = load_corpus(folder)
        if frames.items.empty:
            raise CddbriefError(
                f"no readable meeting summaries in {folder}",
                "give the folder of meeting write-ups",
                settings="data_dir",
            )
        return cls(frames, lang, str(folder), str(out_dir or ""))

    def t(self, key: str, **values) -> str:
        """A label in the page's language (``Words.t``)."""
        return self.words.t(key, **values)

    def label(self, meeting_id: str) -> str:
        """``4/2563``; ``4/2563 (2020)`` in English (``Words.meeting_label``)."""
        return self.words.meeting_label(meeting_id)

    # --- links to briefs -------------------------------------------------------------------------

    def brief_href(self, meeting_id: str, office: str) -> str | None:
        """``./2566-03-mae-tha/brief.html``: the brief of one office's write-up of a meeting, in the
        folder ``build --all`` gives it, when that brief is in the page's folder; else None."""
        return self.briefs.get((meeting_id, office))

    @cached_property
    def briefs(self) -> dict[tuple[str, str], str]:
        """The briefs on disk beside the page, looked up once per view (``brief_links``)."""
        return brief_links(self.writeups_read, self.out_dir, self.lang) if self.out_dir else {}

    @cached_property
    def writeups_read(self) -> list:
        """The folder's write-ups as ``(brief folder, office, Meeting)`` (``register.writeups_in``, from
        the corpus store), read once per view: what the register follows and what the briefs are named by."""
        from .register import writeups_in

        return writeups_in(self.data_dir)[0]

    # --- sections' data -----------------------------------------------------------------------

    def meetings(self) -> list[dict]:
        """One row per meeting, with every office that wrote it up (their counts side by side,
        never added)."""
        items = self.frames.items
        rows = (
            items.groupby(["meeting", "office"])
            .agg(items=("item", "size"), directives=("directives", "sum"))
            .reset_index()
        )
        out = []
        for meeting, group in rows.groupby("meeting", sort=True):
            writeups = [
                {
                    "office": self.words.office(r["office"]),
                    "items": int(r["items"]),
                    "directives": int(r["directives"]),
                    "href": self.brief_href(meeting, r["office"]),
                }
                for _, r in group.iterrows()
            ]
            out.append({"meeting": meeting, "label": self.label(meeting), "writeups": writeups})
        return out

    def writeups(self) -> int:
        return sum(len(m["writeups"]) for m in self.meetings())

    def offices(self) -> list[str]:
        """The offices whose write-ups the page draws from (each followed on its own)."""
        return sorted({str(o) for o in self.frames.items["office"].dropna()})

    def _of(self, office: str) -> str:
        """`` · office`` after a series' name when the page follows several offices, else nothing."""
        return f" · {self.words.office(office) or '?'}" if len(self.offices()) > 1 else ""

    def series(self) -> list[dict]:
        """Each measure followed over one office's meetings, with whether it changes enough to
        chart (``shape``: ``changes``, ``barely`` or ``constant``) and how many write-ups it draws from."""
        from .charts import series_title
        from .formatting import number

        s = figure_series(self.frames)
        out = []
        measures = s.groupby(["office", "topic", "unit", "entity", "per", "role"], sort=True)
        for (office, topic, unit, entity, per, role), rows in measures:
            points = []
            for p in rows.to_dict("records"):
                text = number(p["value"]) + ("%" if unit == "%" else "")
                href = self.brief_href(p["meeting"], office)
                points.append({**p, "label": self.label(p["meeting"]), "text": text, "href": href})
            values = [p["value"] for p in points]
            top = max(abs(v) for v in values) or 1.0
            spread = (max(values) - min(values)) / top
            shape = "constant" if spread == 0 else "barely" if spread < BARELY else "changes"
            measure = self.words.unit(unit, 2) + (f" {self.t('per')} {self.words.unit(per, 1)}" if per else "")
            measure += "" if role == "share" else f" · {self.t('role_' + role)}"  # a target is not the part collected
            out.append(
                {
                    "topic": topic,
                    "topic_text": self.words.topic(topic) + self._of(office),
                    "unit": unit,
                    "measure": measure,
                    "entity": entity,
                    "place": self.words.place(entity),
                    "per": per,
                    "role": role,
                    "points": points,
                    "shape": shape,
                    "office": office,
                    "office_text": self.words.office(office),
                    "writeups": len(points),
                }
            )
            out[-1]["title"] = series_title(out[-1])
        out.sort(key=lambda s: (-len(s["points"]), s["topic"], s["office"]))
        return out

    def topic_table(self):
        return directives_per_topic(self.frames)

    def topic_rows(self) -> list[dict]:
        """The topics table: each office's topics, directives meeting by meeting (``missing``
        where the office did not write the meeting up), and the names the topic was written under."""
        import pandas as pd

        table = self.topic_table()
        names = _with_topics(self.frames.directives).groupby("topic")["written"].agg(lambda w: sorted(set(w)))
        rows = []
        for (office, topic), values in table.iterrows():
            cells = [
                {"value": 0 if pd.isna(v) else int(v), "missing": bool(pd.isna(v)), "source": ""}
                for v in values.tolist()
            ]
            written = [w for w in names.get(topic, []) if w != topic]
            text = self.words.topic(topic) + self._of(office)
            rows.append({"topic": topic, "office": office, "text": text, "cells": cells, "written": written})
        return rows

    def shared_meetings(self) -> list[str]:
        """Meetings written up by more than one office (each office's write-up is followed in its own series)."""
        return [m["label"] for m in self.meetings() if len(m["writeups"]) > 1]

    def changes(self) -> list[dict]:
        return [
            {
                **c,
                "office": self.words.office(c["office"]),
                "from": self.label(c["from"]),
                "to": self.label(c["to"]),
                "from_href": self.brief_href(c["from"], c["office"]),
                "to_href": self.brief_href(c["to"], c["office"]),
                "new": [self.words.topic(t) for t in c["new"]],
                "dropped": [self.words.topic(t) for t in c["dropped"]],
            }
            for c in topic_changes(self.frames)
        ]

    def moves(self) -> list[dict]:
        rows = []
        for m in moved_deadlines(self.writeups_read):
            where = (
                self.label(m["from_meeting"])
                if m["from_meeting"] == m["to_meeting"]
                else f"{self.label(m['from_meeting'])} → {self.label(m['to_meeting'])}"
            )
            why = (
                self.t("move_reschedule")
                if m["evidence"] == "reschedule"
                else self.t("move_similar", share=f"{m['similarity']:.0%}")
            )
            meetings = dict.fromkeys((m["from_meeting"], m["to_meeting"]))  # one when the date moved within a meeting
            hrefs = [
                next(filter(None, (self.brief_href(meeting, o) for o in m["offices"])), None) for meeting in meetings
            ]
            links = list(zip(map(self.label, meetings), hrefs))
            rows.append(
                {
                    **m,
                    "where": where,
                    "links": links,
                    "topic_text": self.words.topic(m["topic"]),
                    "office": ", ".join(self.words.office(o) for o in m["offices"]),
                    "from_text": self.words.span(m["from"], m["from_end"], m["from_precision"]),
                    "to_text": self.words.span(m["to"], m["to_end"], m["to_precision"]),
                    "why": why,
                }
            )
        return rows

    def series_chart(self):
        """Line charts of the measures that change over meetings (a constant, or one that barely
        changes, is left to the table: a chart would make 76 → 77 look steep), or None."""
        from .charts import trend_lines

        changing = [s for s in self.series() if s["shape"] == "changes"]
        return trend_lines(changing, self.words.texts)

    def topic_chart(self):
        """Directives per topic over meetings (with two or more meetings, or None)."""
        from .charts import topics_over_meetings

        meetings = [self.label(m) for m in self.topic_table().columns]
        return topics_over_meetings(self.topic_rows(), meetings, self.words.texts)

    def section_charts(self, name: str) -> dict:
        """The charts a section shows (``SECTION_CHARTS``), by the name its template gives them."""
        return {chart: make(self) for chart, make in SECTION_CHARTS.get(name, {}).items()}

    def provenance(self) -> dict:
        from .brief import versions

        return {
            "data_dir": Path(self.data_dir).name,
            "meetings": len(self.meetings()),
            "writeups": self.writeups(),
            "versions": versions(),
        }

    def section(self, name: str) -> str:
        from .brief import environment

        if name not in SECTIONS:
            raise ValueError(f"unknown section {name!r}; sections are {', '.join(SECTIONS)}")
        return (
            environment()
            .get_template(f"trends_{name}.html.j2")
            .render(tr=self, w=self.words, t=self.t, lang=self.lang, **self.section_charts(name))
        )

    def toc(self) -> list[dict]:
        """The sections a reader can jump to, in order: ``[{"id": "meetings", "label": "การประชุมที่นำมาวิเคราะห์"}, …]``."""
        names = {"header": "trends_meetings", "provenance": "provenance"}
        ids = {"header": "meetings"}
        return [{"id": ids.get(name, name), "label": self.t(names.get(name, f"trends_{name}"))} for name in SECTIONS]

    def show(self, name: str) -> None:
        from IPython.display import HTML, display

        display(HTML(self.section(name)))


# The charts each section of the trends page shows, by the name its template gives them (as ``brief.SECTION_CHARTS``).
SECTION_CHARTS: dict[str, dict[str, Callable[[Trends], object]]] = {
    "figures": {"series_chart": Trends.series_chart},
    "topics": {"topic_chart": Trends.topic_chart},
}


def build_trends(
    data_dir, out_dir="outputs", formats=("html",), lang: str = "th", force=False, say=print
) -> dict[str, Path]:
    """Run the trends notebook over a folder; write OUT/trends.html (and .pdf).

    Up to date while every document's name and content, the language, the notebook, the
    package and the briefs in OUT that the page links are unchanged (``render.cache_key``).
    """
    from .batch import refresh_index
    from .corpus import read_folder
    from .register import writeups_in
    from .render import Job, Options, cache_key, render

    options = Options(tuple(formats), as_lang(lang), Path(out_dir), force)  # checks formats and language
    lang = options.lang
    listing = read_folder(data_dir).rows()
    if not any(not r["error"] for r in listing):
        raise CddbriefError(
            f"no readable meeting summaries in {data_dir}", "give the folder of meeting write-ups", settings="data_dir"
        )
    documents = [[r["name"], r["error"] or r["sha256"], r["copy_of"]] for r in listing]
    briefs = sorted(brief_links(writeups_in(data_dir)[0], str(options.out_dir), lang).values())
    title = words_for(lang).t("trends_title")  # the page needs only words, not the corpus again
    parameters = {"data_dir": str(Path(data_dir).resolve()), "lang": lang, "out_dir": str(options.out_dir.resolve())}
    job = Job(
        "trends",
        "trends page",
        NOTEBOOK,
        parameters,
        options.out_dir,
        "trends",
        cache_key(NOTEBOOK, [*documents, ["briefs", *briefs]], lang),
        {"lang": lang, "title": title, "running": title},
        keep_notebook=False,
    )
    done = render(job, options, say)
    if not done.up_to_date:
        say(f"trends: wrote {', '.join(str(t) for t in done.files.values())}")
        index = refresh_index(options.out_dir, lang)  # the index of briefs a build --all wrote there links the page
        if index is not None:
            say(f"index: {index}")
    return done.files
