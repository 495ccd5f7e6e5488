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
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .errors import CddbriefError, in_library_terms, said_with, shown
from .filekinds import SOURCE_SUFFIXES
from .files import write_atomic
from .words import LANGS, Lang, Words, as_lang, suffix, words_for

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


def index_name(lang: Lang) -> str:
    """``index.html`` for Thai, ``index.en.html`` for English: one language never overwrites the other.

    >>> index_name("th"), index_name("en")
    ('index.html', 'index.en.html')
    """
    return f"index{suffix(lang)}.html"


def _span(first: str | None, last: str | None, words: Words) -> str:
    """The days between two ISO dates as the index shows them: ``2019-04-22`` → ``22 เม.ย. 2562``
    (Thai) or ``22 Apr 2019``; the first and last dates a brief's actions name, ``2014-01-01`` to
    ``2018-09-30``, → ``1 ม.ค. 2557 – 30 ก.ย. 2561``.

    >>> _span("2019-04-22", None, words_for("th")), _span("2019-04-22", "2019-04-23", words_for("en"))
    ('22 เม.ย. 2562', '22–23 Apr 2019')
    """
    from datetime import date

    if not first:
        return ""
    start, end = date.fromisoformat(first), date.fromisoformat(last or first)
    return words.span(start, max(start, end))


def _files(out_dir: Path, folder: str, meeting_id: str, lang: Lang) -> list[dict]:
    """The files of one brief's folder that a reader opens: the brief (HTML, PDF) and its exports,
    in the index's language (``2562-04.en.xlsx`` in English) or in none (CSV, JSON).

    Only a plain folder name inside OUT and a meeting id such as ``2562-04`` are looked at (rows are
    read from disk, so they are checked again here); every link is a relative path the build made,
    percent-encoded, so no name can become a ``javascript:`` link or a pattern that walks the disk.
    """
    from urllib.parse import quote

    from .exports import EXPORTS
    from .render import check_place, plain_name

    if not plain_name(folder) or not MEETING_ID.fullmatch(meeting_id or ""):
        return []
    here = out_dir / folder
    try:
        check_place(here, out_dir)
    except CddbriefError:
        return []
    found = []
    for name, label in ((f"brief{suffix(lang)}.html", "HTML"), (f"brief{suffix(lang)}.pdf", "PDF")):
        if (here / name).is_file():
            found.append({"href": quote(f"{folder}/{name}"), "label": label})
    for export in EXPORTS.values():
        for path in export.files(here, meeting_id, lang):  # a file per frame is also named by its frame
            part = path.name[len(meeting_id) + 1 : -len(path.suffix)] if "*" in export.name else ""
            found.append({"href": quote(f"{folder}/{path.name}"), "label": f"{export.label} {part}".strip()})
    return found


MEETING_ID = re.compile(r"[0-9]{4}-[0-9]{2,4}")  # 2562-04: a meeting id as folder names and rows hold it
_ROW_TEXT = ("file", "why", "office", "district", "province", "layout", "meeting_day", "covered", "sha256", "source")
_ROW_DAYS = ("meeting_date", "first_date", "last_date")
_ROW_NUMBERS = ("number", "year_be", "items", "directives", "figures", "dated", "checks", "failing", "notes")
# what index.html.j2 shows of a built brief's row ("" for a count a row rebuilt from disk does not know)
_ROW_SHOWN = ("id", "number", "year_be", "meeting_date", "meeting_day", "office", "first_date", "covered", "file",
              "items", "directives", "figures", "dated", "failing")  # fmt: skip


def valid_row(row) -> bool:
    """One row of an index's rows file, read as untrusted: the types the index needs, a plain folder
    name and a meeting id (``2562-04``), dates as ISO days, text of bounded length."""
    from datetime import date

    from .render import plain_name, text_or_none

    if not isinstance(row, dict) or not isinstance(row.get("failed"), bool):
        return False
    if not all(text_or_none(row.get(k)) for k in _ROW_TEXT):
        return False
    if row["failed"]:
        return isinstance(row.get("file"), str) and isinstance(row.get("why"), str)
    if not all(key in row for key in _ROW_SHOWN):
        return False
    if not plain_name(row.get("folder")):
        return False
    if not (row.get("id") is None or (isinstance(row["id"], str) and MEETING_ID.fullmatch(row["id"]))):
        return False
    if not all(row.get(k) in (None, "") or (type(row[k]) is int and 0 <= row[k] < 10**7) for k in _ROW_NUMBERS):
        return False
    for key in _ROW_DAYS:
        if row.get(key) is not None:
            try:
                date.fromisoformat(row[key])
            except (TypeError, ValueError):
                return False
    return True


def rows_on_disk(out_dir: Path, rows: list, lang: Lang) -> list[dict]:
    """The index's rows, rebuilt from the files on disk where its rows file is damaged: the rows that are
    valid, and a row for every other brief folder of OUT (plain name, inside OUT) whose manifest names
    its source, with what that manifest holds (meeting, office, file)."""
    from .render import check_place, plain_name, read_manifest, valid_page_manifest

    kept = [row for row in rows if valid_row(row)] if isinstance(rows, list) else []
    listed = {row.get("folder") for row in kept}
    for folder in sorted(out_dir.iterdir()):
        if folder.name in listed or not plain_name(folder.name):
            continue
        try:
            check_place(folder, out_dir)
        except CddbriefError:
            continue
        source = read_manifest(folder / f".brief{suffix(lang)}.json", valid_page_manifest).get("source")
        if not source or not MEETING_ID.fullmatch(source["meeting"]):
            continue
        year, number = source["meeting"].split("-")
        unknown = dict.fromkeys(_ROW_SHOWN, "") | {"meeting_date": None, "first_date": None}
        kept.append(
            {
                **unknown,
                "failed": False,
                "folder": folder.name,
                "id": source["meeting"],
                "number": int(number),
                "year_be": int(year),
                "office": source.get("office") or "",
                "file": shown(Path(source["file"]).name),
            }
        )
    kept.sort(key=lambda r: (r.get("id") or "", r.get("office") or ""))
    return kept


def write_index(out_dir: Path, outcomes: list, lang: str = "th") -> Path:
    """OUT/index.html (Thai) or OUT/index.en.html: every brief in the folder with its PDF and exports,
    the trends page when there is one; dates in the reader's calendar (``22 เม.ย. 2562``);
    self-contained, sortable and searchable without a network. Its rows are kept beside it
    (``.index.json``), so that ``refresh_index`` can link a trends page built later without
    building the briefs again. ``outcomes``: ``batch.Outcome``s (path, status, why, entry, folder)."""
    from .render import write_manifest

    lang = as_lang(lang)
    words = words_for(lang)
    rows = []
    for o in outcomes:
        if o.status == "failed":
            rows.append(
                {
                    "failed": True,
                    "file": shown(o.path.name),
                    "why": shown(said_with(o.why, o.settings, in_library_terms)),
                }
            )
            continue
        e = o.entry
        rows.append(
            {
                **e,
                "failed": False,
                "file": shown(Path(e.get("file", o.path.name)).name),
                "source": str(e.get("file") or o.path),
                "folder": o.folder,
                "meeting_day": _span(e.get("meeting_date"), None, words),
                "covered": _span(e.get("first_date"), e.get("last_date"), words),
            }
        )
    rows.sort(key=lambda r: (r.get("id") or "", r.get("office") or ""))
    write_manifest(out_dir / _rows_name(lang), {"rows": rows})
    return _render_index(out_dir, rows, lang)


def refresh_index(out_dir: Path, lang: str = "th") -> Path | None:
    """Write OUT/index.html again from the rows the last ``build --all`` kept, with the files on disk
    now (a trends page built since, a PDF added), and link every page again; None when no batch
    has written an index there."""
    from .render import read_manifest

    lang = as_lang(lang)
    out_dir = Path(out_dir)
    if not (out_dir / index_name(lang)).is_file():
        return None
    rows = read_manifest(out_dir / _rows_name(lang), limit=ROWS_BYTES).get("rows")
    if not (isinstance(rows, list) and all(valid_row(row) for row in rows)):
        rows = rows_on_disk(out_dir, rows, lang)  # damaged or forged: what the folders on disk say
    return _render_index(out_dir, rows, lang)


ROWS_BYTES = 64 * 2**20  # an index's rows: about 1 kB a meeting


def _rows_name(lang: Lang) -> str:
    return f".{index_name(lang)}.json"


def _render_index(out_dir: Path, rows: list[dict], lang: Lang, documents: list[dict] | None = None) -> Path:
    """The index page from its rows; ``documents``: the meetings as the search sees them
    (``search_document``), read from the content cache when not given."""
    from markupsafe import Markup

    from .brief import environment
    from .fonts import font_face_css

    w = words_for(lang)

    def with_files(row: dict) -> dict:
        if row["failed"]:
            return row
        return {**row, "files": _files(out_dir, row["folder"], row.get("id") or row["folder"], lang)}

    shown_rows = [with_files(row) for row in rows]
    trends = [
        {"href": f"trends{w.suffix}.{ext}", "label": ext.upper()}
        for ext in ("html", "pdf")
        if (out_dir / f"trends{w.suffix}.{ext}").exists()
    ]
    others = [  # the index in each other language, where a batch has written one
        {"href": index_name(other), "lang": other, "name": words_for(other).t("language_name")}
        for other in LANGS
        if other != lang and (out_dir / index_name(other)).exists()
    ]
    documents = _search_documents(out_dir, rows, lang) if documents is None else documents
    search, files = search_files(search_data(documents))
    _write_search_files(out_dir / f"{SEARCH_FOLDER}{w.suffix}", files)
    if files:
        search["folder"] = f"{SEARCH_FOLDER}{w.suffix}"
    words = w.texts
    html = environment().get_template("index.html.j2").render(
        rows=shown_rows, lang=lang, w=w, font_css=style_text(font_face_css()), css=style_text(page_css()),
        trends=trends, others=others, bar=Markup(nav_bar(out_dir, lang, here="index")), words=words,
        search_json=script_json(search), words_kinds=script_json({k: words[f"kind_{k}"] for k in SEARCH_KINDS}),
        words_found=script_json(words["search_found"]), words_more=script_json(words["search_more"]),
        words_none=script_json(words["search_none"]),
        offices=sorted({r["office"] for r in rows if not r["failed"] and r.get("office")}),
        years=sorted({r["year_be"] for r in rows if not r["failed"] and r.get("year_be")}),
        layouts=sorted({r["layout"] for r in rows if not r["failed"] and r.get("layout")}),
    )  # fmt: skip
    target = out_dir / index_name(lang)
    write_atomic(target, html)
    link_pages(out_dir, rows, lang)
    return target


def page_css() -> str:
    """The house style every page shares (``templates/brief.css``): screen, phone, dark and print."""
    from importlib.resources import files

    return files("cddbrief").joinpath("templates", "brief.css").read_text(encoding="utf-8")


def _write_search_files(folder: Path, files: dict[str, str]) -> None:
    """The search's files beside the index (``search/postings-0.js`` …), and none left of an earlier,
    larger index; the folder is removed when the index holds everything itself."""
    import shutil

    if not files:
        shutil.rmtree(folder, ignore_errors=True)
        return
    folder.mkdir(parents=True, exist_ok=True)
    wanted = {Path(name).name for name in files}
    for old in folder.glob("*.js"):
        if old.name not in wanted:
            old.unlink()
    for name, text in files.items():
        write_atomic(folder / Path(name).name, text)


# --- the bar on every page --------------------------------------------------------------------------


@dataclass(frozen=True)
class Neighbour:
    """The previous or next meeting of the same office: where its brief is, and what to call it."""

    href: str
    label: str


def neighbours(rows: list[dict], lang: Lang = "th") -> dict[str, tuple[Neighbour | None, Neighbour | None]]:
    """For each brief's folder, the previous and next meeting of the same office (by meeting id,
    then date), named in ``lang``; a write-up without a meeting number has none.

    >>> rows = [{"failed": False, "folder": f, "id": i, "number": n, "year_be": 2563, "office": o}
    ...         for f, i, n, o in [("a", "2563-03", 3, "สพอ.ป่าซาง"), ("b", "2563-04", 4, "สพอ.ป่าซาง"),
    ...                            ("c", "2563-04-x", 4, "สพอ.แม่ทะ"), ("d", "2563-05", 5, "สพอ.ป่าซาง")]]
    >>> before, after = neighbours(rows)["b"]
    >>> before.href, before.label, after.href
    ('a', '3/2563', 'd')
    >>> neighbours(rows)["c"], neighbours(rows, "en")["b"][0].label
    ((None, None), '3/2563 (2020)')
    """
    by_office: dict[str, list[dict]] = {}
    for r in rows:
        if not r.get("failed") and r.get("id"):
            by_office.setdefault(r.get("office") or "", []).append(r)
    words = words_for(lang)
    found = {}
    for series in by_office.values():
        series.sort(key=lambda r: (r["id"], r.get("meeting_date") or "", r["folder"]))
        for i, r in enumerate(series):
            before = series[i - 1] if i > 0 else None
            after = series[i + 1] if i + 1 < len(series) else None
            found[r["folder"]] = tuple(Neighbour(n["folder"], _label(n, words)) if n else None for n in (before, after))
    return found


def _label(row: dict, words: Words) -> str:
    """``4/2562`` (``4/2562 (2019)`` in English) for a numbered meeting, else its folder."""
    return words.meeting_number(row["number"], row["year_be"]) if row.get("number") else row.get("folder", "")


def nav_bar(
    out_dir: Path, lang: Lang, here: str, up: str = "", before: Neighbour | None = None, after: Neighbour | None = None
) -> str:
    """The bar of one page as HTML, between its markers: index · trends · actions (those that exist
    in out_dir), and the same office's previous and next meeting. ``up``: the way from the page to
    out_dir (``../`` for a brief); ``here``: the page itself (``index``, ``trends``, ``actions``, ``brief``),
    shown as the current page, not a link."""
    from .brief import environment

    words = words_for(lang).texts
    links = []
    for name, key in (("index", "site_index"), ("trends", "site_trends"), ("actions", "site_actions")):
        page = index_name(lang) if name == "index" else f"{name}{suffix(lang)}.html"
        if name == here or (out_dir / page).exists():
            links.append({"href": None if name == here else up + page, "label": words[key]})
    near = [{"rel": rel, "href": f"{up}{n.href}/brief{suffix(lang)}.html", "label": words[key].format(meeting=n.label)}
            for rel, key, n in (("prev", "site_previous", before), ("next", "site_next", after)) if n]  # fmt: skip
    template = environment().get_template("_site_nav.html.j2")
    body = template.render(links=links, near=near, label=words["site_nav"], lang=lang)
    return BAR_START + body.strip() + BAR_END


def with_bar(html: str, bar: str) -> str:
    """A page with its bar put in its place (the markers the templates write); a page without the
    markers is returned as it is.

    >>> bar = "<!--cddbrief:site--><nav>x</nav><!--/cddbrief:site-->"
    >>> with_bar("<body><!--cddbrief:site--><!--/cddbrief:site--><main>", bar)
    '<body><!--cddbrief:site--><nav>x</nav><!--/cddbrief:site--><main>'
    >>> with_bar("<body><main>", "<nav>x</nav>")
    '<body><main>'
    """
    return _BAR.sub(lambda _: bar, html, count=1)


def link_pages(out_dir: Path, rows: list[dict], lang: Lang = "th") -> list[Path]:
    """Write the bar into every page of the folder in one language: each brief (with its office's
    previous and next meeting), the trends page and the actions page. Returns the pages changed."""
    out_dir = Path(out_dir)
    changed = []
    near = neighbours(rows, lang)
    pages = [
        (out_dir / f"{name}{suffix(lang)}.html", nav_bar(out_dir, lang, here=name)) for name in ("trends", "actions")
    ]
    for r in rows:
        if not r.get("failed"):
            before, after = near.get(r["folder"], (None, None))
            bar = nav_bar(out_dir, lang, "brief", "../", before, after)
            pages.append((out_dir / r["folder"] / f"brief{suffix(lang)}.html", bar))
    for path, bar in pages:
        try:
            html = path.read_text(encoding="utf-8")
        except OSError:
            continue
        linked = with_bar(html, bar)
        if linked != html:
            write_atomic(path, linked)
            changed.append(path)
    return changed


# --- search across meetings ---------------------------------------------------------------------------

SEARCH_KINDS = ("topic", "directive", "resolution", "figure", "person")
# a run of Thai letters, or of other letters and digits (``2,450,000``, ``88.25``, ``otop``)
_OTHER = r"[^\W_\u0e00-\u0e4f\u0e5a-\u0e7f]+"  # Latin letters, Arabic and Thai digits
_RUN = re.compile(rf"[\u0e01-\u0e4e]+|{_OTHER}(?:[.,]{_OTHER})*")
_THAI_WORD = re.compile(r"[\u0e01-\u0e4e]")
_TITLES = r"(?:นาย|นาง(?:สาว)?|น\.ส\.|ดร\.|ว่าที่\s?ร\.ต\.)"
_TITLE = re.compile(r"^" + _TITLES + r"\s?")
_NOT_NAMES = r"(?!อำเภอ|ก(?:รัฐมนตรี|เทศมนตรี|องค์การ)|ทะเบียน|ช่าง|สัตว์แพทย์)"  # นายอำเภอ is an office, not a name
_PEOPLE = re.compile(_TITLES + r"\s?" + _NOT_NAMES + r"[\u0E00-\u0E7F]+(?:\s+[\u0E00-\u0E7F]+)?")


def words_of(text: str) -> list[str]:
    """The words of a text as the search index keeps them: Thai cut at word boundaries (``thaiwords``,
    PyThaiNLP's newmm), a compound also by its words (``กองทุนหมู่บ้าน``: ``กองทุน``, ``หมู่บ้าน``),
    lower case, no spaces or punctuation, each word once.

    >>> words_of("ให้ตรวจสอบกองทุนหมู่บ้าน 2 แห่ง (OTOP)")
    ['ให้', 'ตรวจสอบ', 'ตรวจ', 'สอบ', 'กองทุนหมู่บ้าน', 'กองทุน', 'หมู่บ้าน', '2', 'แห่ง', 'otop']
    >>> "นา" in words_of("งานพัฒนาชุมชน")  # a word is found whole, never a piece of another
    False
    """
    seen: dict[str, None] = {}
    for run in _RUN.findall(text.lower()):
        for word in _thai_words(run) if _THAI_WORD.match(run) else (run,):
            seen.setdefault(word, None)
    return list(seen)


@lru_cache(maxsize=65536)
def _thai_words(run: str) -> tuple[str, ...]:
    """A run of Thai letters cut into words, compounds also into their parts (cached: write-ups
    repeat their phrases, and newmm is the costly part of an index)."""
    from .thaiwords import pieces, segment

    found: list[str] = []
    for word in segment(run):
        found.append(word)
        if len(word) > 3:
            parts = pieces(word, whole=False)
            if len(parts) > 1 and all(known for _, known in parts):
                found += [part for part, _ in parts]
    return tuple(found)


def people(text: str) -> list[str]:
    """People a text names by title: ``นายสมชาย ใจดี``, ``นางสาวสุดา``.

    >>> people("ประธาน นายสมชาย ใจดี พัฒนาการจังหวัด และนางสาวสุดา")
    ['นายสมชาย ใจดี', 'นางสาวสุดา']
    >>> people("ให้นายอำเภอรายงาน")
    []
    """
    return [m.group().strip() for m in _PEOPLE.finditer(text)]


def name_words(name: str) -> list[str]:
    """A person's names as whole words, without the title (a dictionary cuts a name into pieces:
    ``สม``, ``ชาย``), so that the search finds ``สมชาย`` as it was written.

    >>> name_words("นายสมชาย ใจดี")
    ['สมชาย', 'ใจดี']
    """
    bare = _TITLE.sub("", name.strip())
    return [part.lower() for part in bare.split() if part]


def meeting_sentences(records: dict, chair: str | None = None) -> list[tuple[str, str]]:
    """What the search finds in one meeting, as (kind, sentence): its topics, directives, resolutions,
    figures (the sentence a figure stands in) and people (the chair, names in directives and in their
    actors: a table's ผู้รับผิดชอบ), from its frame records (``tidy.frame_records``).

    >>> meeting_sentences({"items": [{"topic": "กองทุนหมู่บ้าน", "resolution": "ที่ประชุมรับทราบ"}],
    ...                    "directives": [{"text": "ให้นายสมชาย ใจดี รายงาน"}], "quantities": []}, "นางสาวสุดา")
    ... # doctest: +NORMALIZE_WHITESPACE
    [('person', 'นางสาวสุดา'), ('topic', 'กองทุนหมู่บ้าน'), ('resolution', 'ที่ประชุมรับทราบ'),
     ('directive', 'ให้นายสมชาย ใจดี รายงาน'), ('person', 'นายสมชาย ใจดี')]
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
        for piece in sentence_pieces(text):
            found[("directive", piece)] = None
        for name in people(text):
            found[("person", name)] = None
    for d in records.get("directives", []):
        for name in people(d.get("actors") or ""):
            found[("person", name)] = None
    for sentence in sorted(figure_sentences):
        if not any(sentence.strip("…") in text for text in directives):  # already found as its directive
            found[("figure", sentence)] = None
    return list(found)


SENTENCE = 240  # characters: a hit shows the sentence it is in, not a whole page-long directive


def sentence_pieces(text: str, size: int = SENTENCE) -> list[str]:
    """A long text in pieces of at most ``size`` characters, cut at spaces (Thai ends a sentence with
    one), so that a hit shows the words around it; a text without a space is cut where it must.

    >>> sentence_pieces("ให้จังหวัดรายงาน ภายใน 15 มี.ค. 63 และติดตามผล", 20)
    ['ให้จังหวัดรายงาน', 'ภายใน 15 มี.ค. 63', 'และติดตามผล']
    """
    pieces, line = [], ""
    for word in text.split():
        while len(word) > size:
            if line:
                pieces.append(line)
                line = ""
            pieces.append(word[:size])
            word = word[size:]
        if line and len(line) + 1 + len(word) > size:
            pieces.append(line)
            line = ""
        line = f"{line} {word}" if line else word
    return pieces + ([line] if line else [])


def _search_documents(out_dir: Path, rows: list[dict], lang: Lang) -> list[dict]:
    """The meetings of an index as the search sees them, read from the corpus store the batch filled."""
    documents = []
    for r in rows:
        if r.get("failed"):
            continue
        source = Path(r.get("source") or "")
        # a source moved or gone since is not searched; nor is a row's path to anything but a write-up
        readable = source.suffix.lower() in SOURCE_SUFFIXES and source.is_file()
        records = records_of(source) if readable else {}
        documents.append(search_document(r, records, lang))
    return documents


def records_of(source: Path) -> dict:
    """A write-up's frame records (``tidy.frame_records``) from the corpus store, or none when it cannot be read."""
    from .errors import CddbriefError
    from .store import meeting_of
    from .tidy import frame_records

    try:
        return frame_records(meeting_of(source, need_number=False))
    except CddbriefError:
        return {}


def search_document(row: dict, records: dict, lang: Lang = "th") -> dict:
    """One meeting for the search index: where its brief is, what to call it, what to filter it by,
    and its sentences (``meeting_sentences``)."""
    return {
        "href": f"{row['folder']}/brief{suffix(lang)}.html",
        "label": _label(row, words_for(lang)),
        "office": row.get("office") or "",
        "year": row.get("year_be"),
        "layout": row.get("layout") or "",
        "sentences": meeting_sentences(records, row.get("chair")),
    }


def search_data(documents: list[dict]) -> dict:
    """The search index of a set of meetings: the meetings (brief, label, office, year, layout), their
    sentences (meeting, kind, text; numbered meeting by meeting, ``starts`` the first of each), the
    words in sorted order, and for each word the sentences that
    hold it (ascending, each stored as the gap from the one before, which keeps the JSON small).

    >>> data = search_data([{"href": "a/brief.html", "label": "4/2562", "office": "สพอ.ป่าซาง", "year": 2562,
    ...                      "layout": "table",
    ...                      "sentences": [("topic", "กองทุนหมู่บ้าน"), ("directive", "ให้ตรวจสอบกองทุน")]}])
    >>> postings = dict(zip(data["words"], data["postings"]))
    >>> postings["กองทุน"], postings["หมู่บ้าน"], data["sentences"][1]
    ([0, 1], [0], [0, 1, 'ให้ตรวจสอบกองทุน'])
    """
    meetings, starts, sentences, postings = [], [], [], {}
    for m, doc in enumerate(documents):
        meetings.append([doc["href"], doc["label"], doc["office"], doc["year"], doc["layout"]])
        starts.append(len(sentences))
        for kind, text in doc["sentences"]:
            number = len(sentences)
            sentences.append([m, SEARCH_KINDS.index(kind), text])
            names = name_words(text) if kind == "person" else []
            for word in dict.fromkeys([*words_of(text), *names]):
                postings.setdefault(word, []).append(number)
    words = sorted(postings)
    gaps = [[numbers[0]] + [b - a for a, b in zip(numbers, numbers[1:])] for numbers in (postings[w] for w in words)]
    return {
        "kinds": list(SEARCH_KINDS),
        "meetings": meetings,
        "starts": starts,
        "sentences": sentences,
        "words": words,
        "postings": gaps,
    }


INLINE_LIMIT = 4_000_000  # bytes of search index a page holds inside itself; past it, in files beside it
WORDS_PER_FILE = 2000  # a file of postings: ~100 KB at 10,000 write-ups
SENTENCES_PER_FILE = 500  # a file of sentences: ~170 KB; a query loads those of its first hundred hits
SEARCH_FOLDER = "search"


def search_files(data: dict, limit: int = INLINE_LIMIT) -> tuple[dict, dict[str, str]]:
    """What the index page embeds and the files beside it: the whole index while it is under
    ``limit`` bytes (the page then works alone); past it, the page keeps the meetings and the words,
    and the postings and sentences go into ``search/*.js`` scripts of ``WORDS_PER_FILE`` words and
    ``SENTENCES_PER_FILE`` sentences each, which the page loads (``<script>``, offline, from file://
    too) when a query needs them.

    >>> data = search_data([{"href": "a", "label": "1/2563", "office": "o", "year": 2563, "layout": "table",
    ...                      "sentences": [("topic", "กองทุน")]}])
    >>> search_files(data)[1]
    {}
    >>> page, files = search_files(data, limit=0)
    >>> sorted(files), "postings" in page, page["split"]
    (['search/postings-0.js', 'search/sentences-0.js'], False, [2000, 500])
    """
    if len(str(script_json(data)).encode("utf-8")) <= limit:
        return data, {}
    page = {k: v for k, v in data.items() if k not in ("postings", "sentences")}
    page["split"] = [WORDS_PER_FILE, SENTENCES_PER_FILE]
    page["count"] = len(data["sentences"])
    files = {}
    for kind, size in zip(("postings", "sentences"), page["split"]):
        rows = data[kind]
        for n, start in enumerate(range(0, len(rows), size)):
            part = script_json(rows[start : start + size])
            files[f"{SEARCH_FOLDER}/{kind}-{n}.js"] = f"cddbriefSearch({script_json(kind)},{n},{part});\n"
    return page, files


def script_json(data) -> str:
    """JSON safe inside a ``<script type="application/json">`` element (no ``</`` can close it).

    >>> str(script_json({"a": "</script>"}))
    '{"a":"<\\\\/script>"}'
    """
    from markupsafe import Markup

    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/").replace("<!--", "<\\!--")
    return Markup(text)
