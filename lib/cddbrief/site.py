"""The site's pages: the index of briefs with its search, and the bar that links every page.

``build --all`` writes ``OUT/index.html`` (``index.en.html`` in English): every brief with its
files, a search box over every meeting's topics, directives, resolutions, figures and people,
and a small bar (index · trends · actions) that every page of the folder gets, with the previous
and next meeting of the same office on a brief. Each page stays one self-contained file: the bar
is plain links, the search index is JSON inside the index page, nothing is fetched.

A brief is rendered alone (``cddbrief build``) with an empty place for the bar; after a batch,
``link_pages`` writes the bar into each brief, the trends page and the actions page, from the
batch's list of meetings. Building one brief again empties its place, until the next batch or
trends build links the folder again.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import shown

# where a page keeps its bar: the nbconvert template writes it empty, link_pages fills it
BAR_START, BAR_END = "<!--cddbrief:site-->", "<!--/cddbrief:site-->"
_BAR = re.compile(re.escape(BAR_START) + r".*?" + re.escape(BAR_END), re.S)


def style_text(css: str):
    """CSS for a ``<style>`` element of an autoescaped page: marked safe, so quotes stay quotes
    (``font-family:'Sarabun'``, not ``&#39;Sarabun&#39;``, which no browser reads), and refused
    if it could close the element.

    >>> str(style_text("html{font-family:'Sarabun'}"))
    "html{font-family:'Sarabun'}"
    >>> style_text("</style><script>")
    Traceback (most recent call last):
    ValueError: CSS must not contain '</'
    """
    from markupsafe import Markup

    if "</" in css or "<!--" in css:
        raise ValueError("CSS must not contain '</'")
    return Markup(css)


def index_name(lang: str) -> str:
    """``index.html`` for Thai, ``index.en.html`` for English: one language never overwrites the other."""
    return "index.html" if lang == "th" else f"index.{lang}.html"


def _suffix(lang: str) -> str:
    return "" if lang == "th" else f".{lang}"


def _day(iso: str | None, lang: str) -> str:
    """An ISO date as the index shows it: ``2019-04-22`` → ``22 เม.ย. 2562`` (Thai) or ``22 Apr 2019``."""
    from datetime import date

    from .thaidates import format_span_en, format_span_th

    if not iso:
        return ""
    d = date.fromisoformat(iso)
    return (format_span_th if lang == "th" else format_span_en)(d, d)


def _span(first: str | None, last: str | None, lang: str) -> str:
    """First and last dates a brief's actions name: ``2557 – 30 ก.ย. 2561`` reads ``2014-01-01``, ``2018-09-30``."""
    from datetime import date

    from .thaidates import format_span_en, format_span_th

    if not first:
        return ""
    start, end = date.fromisoformat(first), date.fromisoformat(last or first)
    return (format_span_th if lang == "th" else format_span_en)(start, max(start, end))


def _files(out_dir: Path, folder: str, meeting_id: str, suffix: str) -> list[dict]:
    """The files of one brief's folder that a reader opens: the brief (HTML, PDF) and its exports."""
    here = out_dir / folder
    found = []
    for name, label in ((f"brief{suffix}.html", "HTML"), (f"brief{suffix}.pdf", "PDF"), (f"{meeting_id}.xlsx", "Excel"),
                        (f"{meeting_id}.json", "JSON"), (f"{meeting_id}.ics", "iCal")):  # fmt: skip
        if (here / name).exists():
            found.append({"href": f"{folder}/{name}", "label": label})
    csvs = sorted(here.glob(f"{meeting_id}-*.csv"))
    for path in csvs:
        found.append({"href": f"{folder}/{path.name}", "label": f"CSV {path.stem[len(meeting_id) + 1 :]}"})
    return found


def write_index(out_dir: Path, outcomes: list, lang: str = "th") -> Path:
    """OUT/index.html (Thai) or OUT/index.en.html: every brief in the folder with its PDF and exports,
    the trends page when there is one; dates in the reader's calendar (``22 เม.ย. 2562``);
    self-contained, sortable and searchable without a network. Its rows are kept beside it
    (``.index.json``), so that ``refresh_index`` can link a trends page built later without
    building the briefs again. ``outcomes``: ``batch.Outcome``s (path, status, why, entry, folder)."""
    from .render import write_manifest

    rows = []
    for o in outcomes:
        if o.status == "failed":
            rows.append({"failed": True, "file": shown(o.path.name), "why": shown(o.why)})
            continue
        e = o.entry
        rows.append({**e, "failed": False, "file": shown(Path(e.get("file", o.path.name)).name), "source": str(e.get("file") or o.path), "folder": o.folder,
                     "meeting_day": _day(e.get("meeting_date"), lang), "covered": _span(e.get("first_date"), e.get("last_date"), lang)})  # fmt: skip
    rows.sort(key=lambda r: (r.get("id") or "", r.get("office") or ""))
    write_manifest(out_dir / _rows_name(lang), {"rows": rows})
    return _render_index(out_dir, rows, lang)


def refresh_index(out_dir: Path, lang: str = "th") -> Path | None:
    """Write OUT/index.html again from the rows the last ``build --all`` kept, with the files on disk
    now (a trends page built since, a PDF added), and link every page again; None when no batch
    has written an index there."""
    from .render import read_manifest

    rows = read_manifest(Path(out_dir) / _rows_name(lang)).get("rows")
    if not isinstance(rows, list) or not (Path(out_dir) / index_name(lang)).exists():
        return None
    return _render_index(Path(out_dir), rows, lang)


def _rows_name(lang: str) -> str:
    return f".{index_name(lang)}.json"


def _render_index(out_dir: Path, rows: list[dict], lang: str) -> Path:
    from markupsafe import Markup

    from .brief import environment, labels
    from .fonts import font_face_css

    suffix = _suffix(lang)
    shown_rows = [row if row["failed"] else {**row, "files": _files(out_dir, row["folder"], row.get("id") or row["folder"], suffix)} for row in rows]
    trends = [{"href": f"trends{suffix}.{ext}", "label": ext.upper()} for ext in ("html", "pdf") if (out_dir / f"trends{suffix}.{ext}").exists()]
    other = "index.en.html" if lang == "th" else "index.html"
    search = search_data(_search_documents(out_dir, rows, lang))
    words = {k: v[lang] for k, v in labels().items()}
    html = environment().get_template("index.html.j2").render(
        rows=shown_rows, lang=lang, font_css=style_text(font_face_css()), css=style_text(page_css()), trends=trends,
        other=other if (out_dir / other).exists() else None, bar=Markup(nav_bar(out_dir, lang, here="index")), words=words,
        search_json=script_json(search), words_kinds=script_json({k: words[f"kind_{k}"] for k in SEARCH_KINDS}),
        words_found=script_json(words["search_found"]), words_more=script_json(words["search_more"]), words_none=script_json(words["search_none"]),
        offices=sorted({r["office"] for r in rows if not r["failed"] and r.get("office")}),
        years=sorted({r["year_be"] for r in rows if not r["failed"] and r.get("year_be")}),
        layouts=sorted({r["layout"] for r in rows if not r["failed"] and r.get("layout")}),
    )  # fmt: skip
    target = out_dir / index_name(lang)
    _write_atomic(target, html)
    link_pages(out_dir, rows, lang)
    return target


def page_css() -> str:
    """The house style every page shares (``templates/brief.css``): screen, phone, dark and print."""
    from importlib.resources import files

    return files("cddbrief").joinpath("templates", "brief.css").read_text(encoding="utf-8")


def _write_atomic(target: Path, html: str) -> None:
    tmp = target.parent / f".{target.name}.{os.getpid()}.tmp"
    try:
        tmp.write_text(html, encoding="utf-8", errors="backslashreplace")  # a name's stray bytes shown, never a crash
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


# --- the bar on every page --------------------------------------------------------------------------


@dataclass(frozen=True)
class Neighbour:
    """The previous or next meeting of the same office: where its brief is, and what to call it."""

    href: str
    label: str


def neighbours(rows: list[dict]) -> dict[str, tuple[Neighbour | None, Neighbour | None]]:
    """For each brief's folder, the previous and next meeting of the same office (by meeting id,
    then date); a write-up without a meeting number has none.

    >>> rows = [{"failed": False, "folder": f, "id": i, "number": n, "year_be": 2563, "office": o}
    ...         for f, i, n, o in [("a", "2563-03", 3, "สพอ.ป่าซาง"), ("b", "2563-04", 4, "สพอ.ป่าซาง"),
    ...                            ("c", "2563-04-x", 4, "สพอ.แม่ทะ"), ("d", "2563-05", 5, "สพอ.ป่าซาง")]]
    >>> before, after = neighbours(rows)["b"]
    >>> before.href, before.label, after.href
    ('a', '3/2563', 'd')
    >>> neighbours(rows)["c"]
    (None, None)
    """
    by_office: dict[str, list[dict]] = {}
    for r in rows:
        if not r.get("failed") and r.get("id"):
            by_office.setdefault(r.get("office") or "", []).append(r)
    found = {}
    for series in by_office.values():
        series.sort(key=lambda r: (r["id"], r.get("meeting_date") or "", r["folder"]))
        for i, r in enumerate(series):
            before = series[i - 1] if i > 0 else None
            after = series[i + 1] if i + 1 < len(series) else None
            found[r["folder"]] = tuple(Neighbour(n["folder"], _label(n)) if n else None for n in (before, after))
    return found


def _label(row: dict) -> str:
    """``4/2562`` for a numbered meeting, else its folder."""
    return f"{row['number']}/{row['year_be']}" if row.get("number") else row.get("folder", "")


def nav_bar(out_dir: Path, lang: str, here: str, up: str = "", before: Neighbour | None = None, after: Neighbour | None = None) -> str:
    """The bar of one page as HTML, between its markers: index · trends · actions (those that exist
    in out_dir), and the same office's previous and next meeting. ``up``: the way from the page to
    out_dir (``../`` for a brief); ``here``: the page itself (``index``, ``trends``, ``actions``, ``brief``),
    shown as the current page, not a link."""
    from .brief import environment, labels

    suffix = _suffix(lang)
    words = {k: v[lang] for k, v in labels().items()}
    links = []
    for name, key in (("index", "site_index"), ("trends", "site_trends"), ("actions", "site_actions")):
        page = index_name(lang) if name == "index" else f"{name}{suffix}.html"
        if name == here or (out_dir / page).exists():
            links.append({"href": None if name == here else up + page, "label": words[key]})
    near = [{"rel": rel, "href": f"{up}{n.href}/brief{suffix}.html", "label": words[key].format(meeting=n.label)}
            for rel, key, n in (("prev", "site_previous", before), ("next", "site_next", after)) if n]  # fmt: skip
    body = environment().get_template("_site_nav.html.j2").render(links=links, near=near, label=words["site_nav"], lang=lang)
    return BAR_START + body.strip() + BAR_END


def with_bar(html: str, bar: str) -> str:
    """A page with its bar put in its place (the markers the templates write); a page without the
    markers is returned as it is.

    >>> with_bar("<body><!--cddbrief:site--><!--/cddbrief:site--><main>", "<!--cddbrief:site--><nav>x</nav><!--/cddbrief:site-->")
    '<body><!--cddbrief:site--><nav>x</nav><!--/cddbrief:site--><main>'
    >>> with_bar("<body><main>", "<nav>x</nav>")
    '<body><main>'
    """
    return _BAR.sub(lambda _: bar, html, count=1)


def link_pages(out_dir: Path, rows: list[dict], lang: str = "th") -> list[Path]:
    """Write the bar into every page of the folder in one language: each brief (with its office's
    previous and next meeting), the trends page and the actions page. Returns the pages changed."""
    out_dir = Path(out_dir)
    suffix = _suffix(lang)
    changed = []
    near = neighbours(rows)
    pages = [(out_dir / f"{name}{suffix}.html", nav_bar(out_dir, lang, here=name)) for name in ("trends", "actions")]
    for r in rows:
        if not r.get("failed"):
            before, after = near.get(r["folder"], (None, None))
            pages.append((out_dir / r["folder"] / f"brief{suffix}.html", nav_bar(out_dir, lang, "brief", "../", before, after)))
    for path, bar in pages:
        try:
            html = path.read_text(encoding="utf-8")
        except OSError:
            continue
        linked = with_bar(html, bar)
        if linked != html:
            _write_atomic(path, linked)
            changed.append(path)
    return changed


# --- search across meetings ---------------------------------------------------------------------------

SEARCH_KINDS = ("topic", "directive", "resolution", "figure", "person")
_TOKEN = re.compile(r"[\u0e00-\u0e7f]+|[^\W_\u0e00-\u0e7f]+(?:[.,][^\W_\u0e00-\u0e7f]+)*")
_THAI_WORD = re.compile(r"[\u0e01-\u0e4e]+")
_PEOPLE = re.compile(r"(?:นาย|นาง(?:สาว)?|น\.ส\.|ดร\.|ว่าที่\s?ร\.ต\.)\s?[\u0E00-\u0E7F]+(?:\s+[\u0E00-\u0E7F]+)?")


def words_of(text: str) -> list[str]:
    """The words of a text as the search index keeps them: Thai cut at word boundaries (``thaiwords``,
    PyThaiNLP's newmm), a compound also by its words (``กองทุนหมู่บ้าน``: ``กองทุน``, ``หมู่บ้าน``),
    lower case, no spaces or punctuation, each word once.

    >>> words_of("ให้ตรวจสอบกองทุนหมู่บ้าน 2 แห่ง (OTOP)")
    ['ให้', 'ตรวจสอบ', 'ตรวจ', 'สอบ', 'กองทุนหมู่บ้าน', 'กองทุน', 'หมู่บ้าน', '2', 'แห่ง', 'otop']
    >>> "นา" in words_of("งานพัฒนาชุมชน")  # a word is found whole, never a piece of another
    False
    """
    from .thaiwords import pieces, segment

    seen: dict[str, None] = {}
    for token in segment(text):
        for word in _TOKEN.findall(token.lower()):
            seen.setdefault(word, None)
            if _THAI_WORD.fullmatch(word) and len(word) > 3:
                parts = pieces(word, whole=False)
                if len(parts) > 1 and all(known for _, known in parts):
                    for part, _ in parts:
                        seen.setdefault(part, None)
    return list(seen)


def people(text: str) -> list[str]:
    """People a text names by title: ``นายสมชาย ใจดี``, ``นางสาวสุดา``.

    >>> people("ประธาน นายสมชาย ใจดี พัฒนาการจังหวัด และนางสาวสุดา")
    ['นายสมชาย ใจดี', 'นางสาวสุดา']
    """
    return [m.group().strip() for m in _PEOPLE.finditer(text)]


def meeting_sentences(records: dict, chair: str | None = None) -> list[tuple[str, str]]:
    """What the search finds in one meeting, as (kind, sentence): its topics, directives, resolutions,
    figures (the sentence a figure stands in) and people (the chair, names in directives), from its
    frame records (``tidy.frame_records``).

    >>> meeting_sentences({"items": [{"topic": "กองทุนหมู่บ้าน", "resolution": "ที่ประชุมรับทราบ"}],
    ...                    "directives": [{"text": "ให้นายสมชาย ใจดี รายงาน"}], "quantities": []}, "นางสาวสุดา")
    [('person', 'นางสาวสุดา'), ('topic', 'กองทุนหมู่บ้าน'), ('resolution', 'ที่ประชุมรับทราบ'), ('directive', 'ให้นายสมชาย ใจดี รายงาน'), ('person', 'นายสมชาย ใจดี')]
    """
    found: dict[tuple[str, str], None] = {}
    if chair:
        found[("person", chair)] = None
    for item in records.get("items", []):
        for kind, key in (("topic", "topic"), ("resolution", "resolution")):
            if item.get(key):
                found[(kind, item[key])] = None
    directives = [d["text"] for d in records.get("directives", []) if d.get("text")]
    figure_sentences = {q["sentence"] for q in records.get("quantities", []) if q.get("sentence")}
    for text in directives:
        found[("directive", text)] = None
        for name in people(text):
            found[("person", name)] = None
    for sentence in sorted(figure_sentences):
        if not any(sentence.strip("…") in text for text in directives):  # a figure's sentence already found as its directive
            found[("figure", sentence)] = None
    return list(found)


def _search_documents(out_dir: Path, rows: list[dict], lang: str) -> list[dict]:
    """The meetings of an index as the search sees them, read from the content cache the batch filled."""
    from .corpus import read_cached

    documents = []
    for r in rows:
        if r.get("failed"):
            continue
        source = Path(r.get("source") or "")
        read = read_cached(source) if source.is_file() else {}  # a source moved or gone since: found by its topics no more
        documents.append(search_document(r, read.get("records", {}), lang))
    return documents


def search_document(row: dict, records: dict, lang: str = "th") -> dict:
    """One meeting for the search index: where its brief is, what to call it, what to filter it by,
    and its sentences (``meeting_sentences``)."""
    suffix = _suffix(lang)
    return {
        "href": f"{row['folder']}/brief{suffix}.html",
        "label": _label(row),
        "office": row.get("office") or "",
        "year": row.get("year_be"),
        "layout": row.get("layout") or "",
        "sentences": meeting_sentences(records, row.get("chair")),
    }


def search_data(documents: list[dict]) -> dict:
    """The search index a page embeds: meetings, their sentences, and an inverted index from each
    word to the sentences holding it (ascending sentence numbers, each stored as the gap from the
    one before, which keeps the JSON small).

    >>> data = search_data([{"href": "a/brief.html", "label": "4/2562", "office": "สพอ.ป่าซาง", "year": 2562,
    ...                      "layout": "table", "sentences": [("topic", "กองทุนหมู่บ้าน"), ("directive", "ให้ตรวจสอบกองทุน")]}])
    >>> data["words"]["กองทุน"], data["words"]["หมู่บ้าน"], data["sentences"][1]
    ([0, 1], [0], [0, 1, 'ให้ตรวจสอบกองทุน'])
    """
    meetings, sentences, postings = [], [], {}
    for m, doc in enumerate(documents):
        meetings.append([doc["href"], doc["label"], doc["office"], doc["year"], doc["layout"]])
        for kind, text in doc["sentences"]:
            number = len(sentences)
            sentences.append([m, SEARCH_KINDS.index(kind), text])
            for word in words_of(text):
                postings.setdefault(word, []).append(number)
    words = {}
    for word in sorted(postings):
        numbers = postings[word]
        words[word] = [numbers[0]] + [b - a for a, b in zip(numbers, numbers[1:])]
    return {"kinds": list(SEARCH_KINDS), "meetings": meetings, "sentences": sentences, "words": words}


def script_json(data) -> str:
    """JSON safe inside a ``<script type="application/json">`` element (no ``</`` can close it).

    >>> str(script_json({"a": "</script>"}))
    '{"a":"<\\\\/script>"}'
    """
    from markupsafe import Markup

    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/").replace("<!--", "<\\!--")
    return Markup(text)
