"""Trends across meetings: figures over time, directives per topic, topics new or dropped, moved deadlines.

Pure functions over the corpus frames (``cddbrief.load_corpus``), a ``Trends``
view for the trends notebook, and ``build_trends`` that runs that notebook
and writes ``OUT/trends.html`` (and ``.pdf``), self-contained like a brief.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from . import notebooks
from .errors import CddbriefError

NOTEBOOK = notebooks.path("trends")  # package data: any install runs it
SECTIONS = ("header", "figures", "topics", "changes", "deadlines", "provenance")
SIMILAR = 0.5  # share of shared character trigrams for two deadlines to be "the same action"


def _order(meeting_ids) -> list[str]:
    return sorted(set(meeting_ids))


def figure_series(f, min_meetings: int = 2):
    """Figures of the same topic, unit and place across meetings (one row per meeting).

    Where a meeting states several figures for the same key, the series takes the
    first; ``n`` says how many there were.
    """
    import pandas as pd

    q = f.quantities.copy()
    q["entity"] = q["entity"].fillna("")
    q = q.sort_values(["meeting", "item", "directive"])
    grouped = q.groupby(["topic", "unit", "entity", "meeting"], dropna=False, sort=True)
    series = grouped.agg(value=("value", "first"), n=("value", "size"), surface=("surface", "first")).reset_index()
    counts = series.groupby(["topic", "unit", "entity"])["meeting"].nunique()
    keep = counts[counts >= min_meetings].index
    series = series.set_index(["topic", "unit", "entity"]).loc[keep].reset_index() if len(keep) else series.iloc[0:0]
    return pd.DataFrame(series)


def directives_per_topic(f):
    """Topic × meeting: how many directives each topic got at each meeting (topics are many, meetings few)."""
    table = f.directives.groupby(["topic", "meeting"]).size().unstack("meeting", fill_value=0)
    return table[_order(f.directives["meeting"])]


def topic_changes(f) -> list[dict]:
    """For each office, topics new or dropped since its previous meeting."""
    changes = []
    items = f.items
    for office, rows in items.groupby("office", sort=True):
        meetings = _order(rows["meeting"])
        for before, after in zip(meetings, meetings[1:]):
            old = set(rows.loc[rows["meeting"] == before, "topic"])
            new = set(rows.loc[rows["meeting"] == after, "topic"])
            changes.append({"office": office, "from": before, "to": after, "new": sorted(new - old), "dropped": sorted(old - new)})
    return changes


def _trigrams(text: str) -> set[str]:
    text = " ".join(str(text).split())
    return {text[i : i + 3] for i in range(max(0, len(text) - 2))}


def _similar(a: str, b: str) -> float:
    x, y = _trigrams(a), _trigrams(b)
    return len(x & y) / len(x | y) if x and y else 0.0


def moved_deadlines(f) -> list[dict]:
    """Deadlines that moved: within a meeting (เดิมกำหนด … กำหนดเป็น …), and between an
    office's consecutive meetings (the same topic and much the same words, another date)."""
    moves = []
    d = f.dates.dropna(subset=["start"])
    for (meeting, office), rows in d.groupby(["meeting", "office"], sort=True):
        originals = rows[rows["role"] == "original"]
        news = rows[rows["role"] == "rescheduled"]
        for (_, old), (_, new) in zip(originals.iterrows(), news.iterrows()):
            moves.append({"office": office, "topic": old["topic"], "in": meeting, "from": old["start"].date(), "to": new["start"].date(),
                          "was": old["surface"], "now": new["surface"]})  # fmt: skip
    for office, rows in d[d["role"].fillna("") != "original"].groupby("office", sort=True):
        meetings = _order(rows["meeting"])
        for before, after in zip(meetings, meetings[1:]):
            old_rows = rows[rows["meeting"] == before]
            new_rows = rows[rows["meeting"] == after]
            for _, new in new_rows.iterrows():
                same_topic = old_rows[old_rows["topic"] == new["topic"]]
                best = max(((_similar(o["sentence"], new["sentence"]), o) for _, o in same_topic.iterrows()), default=(0.0, None), key=lambda p: p[0])
                if best[1] is not None and best[0] >= SIMILAR and best[1]["start"] != new["start"]:
                    old = best[1]
                    moves.append({"office": office, "topic": new["topic"], "in": f"{before} → {after}", "from": old["start"].date(),
                                  "to": new["start"].date(), "was": old["surface"], "now": new["surface"]})  # fmt: skip
    return moves


@dataclass
class Trends:
    """The trends view that the trends notebook shows, section by section."""

    frames: object
    lang: str = "th"
    data_dir: str = ""

    @classmethod
    def load(cls, data_dir: str | None = None, lang: str = "th") -> "Trends":
        from .corpus import default_data_dir, load_corpus

        folder = Path(data_dir) if data_dir else default_data_dir()
        frames = load_corpus(folder)
        if frames.items.empty:
            raise CddbriefError(f"no readable meeting summaries in {folder}", "give the folder with --data DIR")
        return cls(frames, lang, str(folder))

    def t(self, key: str, **values) -> str:
        from .brief import labels

        text = labels()[key][self.lang]
        return text.format(**values) if values else text

    def meetings(self) -> list[dict]:
        items = self.frames.items
        rows = items.groupby(["meeting", "office"]).agg(items=("item", "size"), directives=("directives", "sum")).reset_index()
        return rows.to_dict("records")

    def series(self) -> list[dict]:
        from .indicators import _fmt

        s = figure_series(self.frames)
        out = []
        for (topic, unit, entity), rows in s.groupby(["topic", "unit", "entity"], sort=True):
            points = [{**p, "text": _fmt(p["value"]) + ("%" if unit == "%" else "")} for p in rows[["meeting", "value", "surface"]].to_dict("records")]
            out.append({"topic": topic, "unit": unit, "entity": entity, "points": points})
        out.sort(key=lambda s: -len(s["points"]))
        return out

    def topic_table(self):
        return directives_per_topic(self.frames)

    def changes(self) -> list[dict]:
        return topic_changes(self.frames)

    def moves(self) -> list[dict]:
        from .thaidates import format_span_en, format_span_th

        fmt = format_span_th if self.lang == "th" else format_span_en
        return [{**m, "from_text": fmt(m["from"], m["from"]), "to_text": fmt(m["to"], m["to"])} for m in moved_deadlines(self.frames)]

    def chart(self):
        """Line charts of the series that span most meetings (or None)."""
        from .charts import trend_lines

        return trend_lines(self)

    def provenance(self) -> dict:
        from .brief import versions

        return {"data_dir": Path(self.data_dir).name, "meetings": len(self.meetings()), "versions": versions()}

    def section(self, name: str) -> str:
        from .brief import environment

        if name not in SECTIONS:
            raise ValueError(f"unknown section {name!r}; sections are {', '.join(SECTIONS)}")
        return environment().get_template(f"trends_{name}.html.j2").render(tr=self, t=self.t, lang=self.lang)

    def show(self, name: str) -> None:
        from IPython.display import HTML, display

        display(HTML(self.section(name)))


def build_trends(data_dir, out_dir="outputs", formats=("html",), lang="th", force=False, say=print) -> dict[str, Path]:
    """Run the trends notebook over a folder; write OUT/trends.html (and .pdf)."""
    from . import report
    from .brief import versions
    from .corpus import read_folder

    listing = read_folder(data_dir)
    if not any("entry" in result for _, result in listing):
        raise CddbriefError(f"no readable meeting summaries in {data_dir}", "give the folder with --data DIR")
    unknown = [f for f in formats if f not in report.FORMATS]
    if unknown or not formats:
        raise CddbriefError(f"unknown format {', '.join(unknown) or '(none)'}", "use --format html, pdf or html,pdf")
    notebook = NOTEBOOK
    out = Path(out_dir)
    report.make_folder(out)
    suffix = "" if lang == "th" else f".{lang}"
    targets = {fmt: out / f"trends{suffix}.{fmt}" for fmt in formats}
    key = hashlib.sha256(
        json.dumps(
            [[p.name, r["entry"].sha256 if "entry" in r else r["error"]] for p, r in listing]
            + [lang, hashlib.sha256(notebook.read_bytes()).hexdigest(), report.inputs_digest(), versions(), os.environ.get("SOURCE_DATE_EPOCH", "")],
            ensure_ascii=False,
        ).encode()
    ).hexdigest()
    manifest = out / f".trends{suffix}.json"
    with report.locked(out, say, "trends"):
        if not force and report.read_manifest(manifest).get("key") == key and all(t.exists() for t in targets.values()):
            say(f"trends: up to date ({', '.join(str(t) for t in targets.values())}); --force rebuilds")
            return targets
        import tempfile

        tmp = Path(tempfile.mkdtemp(prefix=".build-trends-", dir=out))
        try:
            report.quick_jsonschema()
            executed = report.execute_notebook(notebook, tmp / "trends.ipynb", {"data_dir": str(Path(data_dir).resolve()), "lang": lang}, out / f"trends{suffix}.failed.ipynb")
            from .brief import labels

            title = labels()["trends_title"][lang]  # the page needs only words, not the corpus again
            page = {"lang": lang, "title": title, "running": title}
            html = report.export_html(executed, page)
            written = {}
            if "html" in formats:
                written["html"] = tmp / "trends.html"
                written["html"].write_text(html, encoding="utf-8")
            if "pdf" in formats:
                written["pdf"] = tmp / "trends.pdf"
                report.write_pdf(html, written["pdf"])
            for fmt, path in written.items():
                os.replace(path, targets[fmt])
            report.write_manifest(manifest, {"key": key})
        finally:
            import shutil

            shutil.rmtree(tmp, ignore_errors=True)
    say(f"trends: wrote {', '.join(str(t) for t in targets.values())}")
    return targets
