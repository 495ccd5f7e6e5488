"""Charts in the house style (``cddbrief.mplstyle``, Sarabun), drawn only where data supports them.

Each function takes plain data (``Bar``, ``Measure``, rows as dicts) already in the page's
language, and ``words``: the labels it draws, ``{"chart_topics": "ข้อสั่งการตามประเด็น", …}``
(keys of ``data/labels.json``, texts in one language: ``Words.texts``). None of them knows a
``Brief``, a ``Trends`` or the language: those build the data and call them. A brief's chart is
a ``Chart`` (or None): the PNG data URI at A4/desktop width, its alternative text, and
``narrow``, the same chart drawn for a phone, where the wide one would shrink its 9 pt text to
7 px. ``places`` returns a list, one chart per measure. A brief's chart places its axes from the
extents of its labels, title and legend (``_lay_out``), and may draw its phone picture in a forked
child (``processes.beside``).
"""

from __future__ import annotations

import base64
import io
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from importlib.resources import files

from .formatting import number
from .processes import BESIDE, beside  # noqa: F401 - BESIDE: the switch, named where charts are drawn
from .thaitext import excerpt

MAX_ROWS = 24  # a timeline longer than this shows its first rows
DPI = 200
WIDE = 6.8  # inches: the A4 text width, and the desktop picture
# inches: a phone's picture (below 40rem, _chart.html.j2): 9 pt text shows at 12.3 px in the 345 px
# a 375 px screen gives it
NARROW = 3.5
PAD = 3 / 72  # inches between a chart's texts and the picture's edge (constrained layout's padding)


@dataclass(frozen=True)
class Bar:
    """One bar: what it stands for (a place, a part, a topic), its value, the value as the page
    writes it, and the item number a topic's bar starts with.

    >>> Bar("เชียงราย", 88.5, "88.5%").text
    '88.5%'
    """

    label: str
    value: float
    text: str = ""
    no: int | None = None


@dataclass(frozen=True)
class Reference:
    """The figure for the whole that places are compared with (``ทั้งประเทศ 96.2%``): its value,
    what it is (``ทั้งประเทศ``), how the page writes it, and the sentence it came from."""

    value: float
    label: str
    text: str
    sentence: str


@dataclass(frozen=True)
class Measure:
    """One measure given for several places: the chart's title, a bar per place, whether it is a
    share of a target in per cent (a 100% line, bars at or past it in green), the overall figure."""

    title: str
    bars: list[Bar] = field(default_factory=list)
    share: bool = False
    overall: Reference | None = None


def _say(words: Mapping[str, str], key: str, **values) -> str:
    """A label of ``words``, its ``{fields}`` filled in."""
    return words[key].format(**values) if values else words[key]


class Chart(tuple):
    """``(data URI, alternative text)`` (it unpacks as a pair) with ``narrow``: the data URI of the
    same chart drawn ``NARROW`` inches wide, or None.

    >>> src, alt = Chart("data:image/png;base64,", "แผนภูมิแท่ง 2 แท่ง", "data:image/png;base64,")
    >>> alt
    'แผนภูมิแท่ง 2 แท่ง'
    """

    def __new__(cls, src: str, alt: str, narrow: str | None = None):
        chart = super().__new__(cls, (src, alt))
        chart.narrow = narrow
        return chart


def _drawn(draw, alt: str) -> Chart:
    """A chart drawn twice by ``draw(width)``: wide for paper and desktop, narrow for phones; the
    narrow one in a child process while this one draws the wide one, when ``beside`` may."""
    _pyplot()  # set up once, before a child is forked, not in both
    narrow = beside(lambda: _png(draw(NARROW)))
    try:
        wide = _png(draw(WIDE))
    except BaseException:  # stopped (an interrupt) or failed: the child is ended and reaped too
        getattr(narrow, "cancel", lambda: None)()
        raise
    return Chart(wide, alt, narrow())


def _label(text: str, width: float, chars: int) -> str:
    """A label wrapped to what ``chars`` characters at the wide width become at ``width``: three
    lines at most on paper, six on a phone, so a topic is cut only past that (the alt text and
    the tables keep it whole)."""
    return wrap_label(text, max(10, round(chars * width / WIDE)), 3 if width >= WIDE else 6)


def _fit(text: str, width: float, chars: int) -> str:
    """``text`` cut to what ``chars`` characters at the wide width become at ``width``, the … among them."""
    return excerpt(text, width=max(10, round(chars * width / WIDE)) - 1)


@cache
def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.backends.backend_agg  # noqa: F401 - what drawing needs, imported before a child is forked
    import matplotlib.dates  # noqa: F401
    import matplotlib.patches  # noqa: F401
    import matplotlib.pyplot as plt
    import matplotlib.ticker  # noqa: F401
    import PIL.PngImagePlugin  # noqa: F401

    from .fonts import register_for_matplotlib

    register_for_matplotlib()
    plt.style.use(str(files("cddbrief").joinpath("cddbrief.mplstyle")))
    return plt


def _lay_out(fig, ax, title=None, legend=None) -> None:
    """Place ``ax`` so that its tick labels, ``title`` (the axes' or the figure's) and ``legend`` (the
    figure's, at its foot) fit in the picture, ``PAD`` from its edges: the margins are the extents
    of those texts, measured once at print resolution. Constrained layout found the same by laying
    every artist out twice: about a third of a brief's chart time. Labels drawn beside bars stay
    inside the axes (each chart's x limits leave them room); one that would not is kept in too."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.transforms import Bbox

    fig.set_dpi(DPI)
    renderer = FigureCanvasAgg(fig).get_renderer()
    pad = PAD * DPI
    width, height = fig.bbox.width, fig.bbox.height

    def box(texts):
        boxes = [t.get_window_extent(renderer) for t in texts if t.get_visible() and t.get_text()]
        return Bbox.union(boxes) if boxes else None

    frame = ax.get_window_extent(renderer)
    around = box(
        [*ax.get_yticklabels(), *ax.get_xticklabels(), *([title] if title is not None and title.axes is ax else [])]
    )
    left, bottom, top, right = pad, pad, pad, pad
    if around is not None:  # a label of several lines at either end of the y axis also reaches past it
        left += max(0.0, frame.x0 - around.x0)
        bottom += max(0.0, frame.y0 - around.y0)
        top += max(0.0, around.y1 - frame.y1)
    if legend is not None:
        bottom += legend.get_window_extent(renderer).y1
    if title is not None and title.axes is not ax:  # the figure's title, above everything of the axes
        top += height - title.get_window_extent(renderer).y0
    for _ in range(2):  # x tick labels and the labels beside bars, once the axes has its width
        ax.set_position(
            [left / width, bottom / height, (width - left - right) / width, (height - bottom - top) / height]
        )
        beside = box([*ax.get_xticklabels(), *ax.texts])
        if beside is None or beside.x1 <= width - pad + 0.5:
            break
        right += beside.x1 - (width - pad)


def _png(fig) -> str:
    """The figure as a PNG data URI at print resolution (``pixels``, then ``palette_png``); the figure is closed."""
    image = pixels(fig)
    _pyplot().close(fig)
    return "data:image/png;base64," + base64.b64encode(palette_png(image)).decode("ascii")


def pixels(fig):
    """The figure drawn at print resolution (``DPI``) on an Agg canvas of its own, whatever backend
    the notebook's user chose: an RGBA ``PIL.Image``. The figure keeps that resolution. The canvas
    ``_lay_out`` measured the texts on is drawn on: its renderer keeps their measures."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image

    fig.set_dpi(DPI)
    canvas = fig.canvas if type(fig.canvas) is FigureCanvasAgg else FigureCanvasAgg(fig)
    canvas.draw()
    return Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba(), "raw", "RGBA", 0, 1).copy()


def palette_png(image) -> bytes:
    """A chart's pixels as PNG: 256 colours, no timestamp or software tag.

    PNG, not SVG: WeasyPrint draws SVG text-as-paths slowly (seconds per brief),
    and 200 dpi prints crisp on A4. A chart's few colours and the grey steps of its
    anti-aliased text fit a palette of 256 chosen by coverage (no channel moves by more
    than 1 of 255): the pictures take under half the bytes and encode ~3x quicker than
    zlib's best on full colour (benchmarks/bench_charts.py).
    """
    from PIL import Image

    buffer = io.BytesIO()
    image.convert("RGB").quantize(256, method=Image.Quantize.MAXCOVERAGE).save(buffer, format="png")
    return buffer.getvalue()


def timeline(rows: list[dict], words: Mapping[str, str], month: Callable[[date], str]):
    """Gantt of dated actions; a moved date shows as a hatched bar beside its new one.

    ``rows``: the dated actions to draw, in date order (``Brief.dated_actions``: ``when`` as the
    page writes it, ``topic``, ``start``, ``end``, ``role``, ``precision``); the first
    ``MAX_ROWS`` are drawn. The axis spans the bars drawn, no empty months either side, its months
    written by ``month`` (``Words.month``: ``เม.ย. 62``, ``Apr 19``).
    """
    if not rows:
        return None
    shown = rows[:MAX_ROWS]

    def draw(width):
        plt = _pyplot()
        from matplotlib.dates import date2num

        labels = [_label(text, width, 34) for text in timeline_labels(shown)]
        height = 0.6 + 0.32 * len(shown) + 0.16 * sum(label.count("\n") for label in labels)
        fig, ax = plt.subplots(figsize=(width, max(1.8, height)), layout="none")
        for y, r in enumerate(shown):
            start = date2num(r["start"])
            span = max(1.0, date2num(r["end"] + timedelta(days=1)) - start)
            kind = _timeline_kind(r)
            if kind == "original":
                ax.barh(
                    y, span, left=start, height=0.55, color="#bbbbbb", hatch="///", edgecolor="#888888", linewidth=0.5
                )
            else:
                color = {"rescheduled": "#e07b39", "month": "#9bb7cc"}.get(kind, "#1f5f8b")
                ax.barh(y, span, left=start, height=0.55, color=color)
        ax.set_yticks(range(len(shown)), labels)
        ax.invert_yaxis()
        first = min(date2num(r["start"]) for r in shown)
        last = max(date2num(r["end"] + timedelta(days=1)) for r in shown)
        margin = max(1.0, (last - first) * 0.02)
        ax.set_xlim(first - margin, last + margin)
        _month_axis(ax, month)
        if width < WIDE:
            ax.tick_params(axis="x", labelrotation=45)
        title = ax.set_title(_say(words, "chart_timeline"))
        legend = None
        kinds = {_timeline_kind(r) for r in shown}
        if len(kinds) > 1 or kinds - {"day"}:  # every colour drawn is in the legend, unless all bars are one plain kind
            from matplotlib.patches import Patch

            handles = {
                "day": Patch(color="#1f5f8b", label=_say(words, "legend_day")),
                "month": Patch(color="#9bb7cc", label=_say(words, "legend_month")),
                "rescheduled": Patch(color="#e07b39", label=_say(words, "new_date")),
                "original": Patch(facecolor="#bbbbbb", hatch="///", edgecolor="#888888", label=_say(words, "moved")),
            }
            drawn = [handles[k] for k in handles if k in kinds]
            legend = fig.legend(handles=drawn, loc="lower center", ncols=2 if width < WIDE else min(4, len(drawn)))
        _lay_out(fig, ax, title, legend)
        return fig

    alt = _say(words, "alt_timeline", n=len(rows), first=rows[0]["when"], last=rows[-1]["when"])
    return _drawn(draw, alt)


def timeline_labels(rows: list[dict]) -> list[str]:
    """A timeline row's label, ``21–23 พ.ค. 2562 · OTOP``; two rows that would read the same also
    say what is to be done (its first words, whole: ``· ส่งผลิตภัณฑ์เข้า``), so no two labels are alike.

    >>> timeline_labels([{"when": "21 พ.ค.", "topic": "OTOP", "what": "ส่งผลิตภัณฑ์เข้าประกวด"},
    ...                  {"when": "21 พ.ค.", "topic": "OTOP", "what": "ประชุมคณะกรรมการ"},
    ...                  {"when": "1 มิ.ย.", "topic": "OTOP"}])
    ['21 พ.ค. · OTOP · ส่งผลิตภัณฑ์เข้า', '21 พ.ค. · OTOP · ประชุมคณะกรรมการ', '1 มิ.ย. · OTOP']
    """
    from collections import Counter

    base = [f"{r['when']} · {r['topic']}" for r in rows]
    seen = Counter(base)
    return [
        f"{label} · {_first_words(r['what'], 16)}" if seen[label] > 1 and r.get("what") else label
        for label, r in zip(base, rows)
    ]


def _first_words(text: str, room: int) -> str:
    """The first words of a text, whole, within ``room`` characters (at least one word): a label that
    names an action, never one cut inside a word.

    >>> _first_words("ส่งผลการพิจารณาให้กรมและจัดส่งผลิตภัณฑ์", 16)
    'ส่งผลการพิจารณา'
    """
    text = " ".join(text.split())
    cuts = sorted(thai_breaks(text) | {i for i in range(1, len(text)) if text[i - 1] == " "} | {len(text)})
    fits = [c for c in cuts if c <= room]
    return text[: fits[-1] if fits else cuts[0]].strip()


def _timeline_kind(row: dict) -> str:
    """What a timeline bar's colour says: ``original`` (a date since moved), ``rescheduled`` (its new
    date), ``month`` (a whole month, no day given) or ``day``."""
    if row["role"] in ("original", "rescheduled"):
        return row["role"]
    return "month" if row["precision"] == "month" else "day"


def places(measures: list[Measure], words: Mapping[str, str]) -> list[Chart]:
    """One bar chart per measure given for two places or more: the title says the measure; the
    overall figure (``ทั้งประเทศ 96.2%``) is a reference line when the text gives one; a 100%
    target line only for shares."""
    return [_measure_chart(m, words) for m in measures]


def _measure_chart(m: Measure, words: Mapping[str, str]) -> Chart:
    values = [b.value for b in m.bars]
    overall = m.overall
    share = m.share
    title = m.title

    def draw(width):
        plt = _pyplot()
        narrow = width < WIDE  # a phone: three title lines and the legend in one column need room
        fig, ax = plt.subplots(figsize=(width, (1.9 if narrow else 1.0) + 0.42 * len(m.bars)), layout="none")
        colors = ["#3f8f5b" if share and v >= 100 else "#1f5f8b" for v in values]
        ax.barh(range(len(m.bars)), values, color=colors, height=0.55)
        ax.set_yticks(range(len(m.bars)), [_fit(b.label, width, 24) for b in m.bars])
        ax.invert_yaxis()
        top = max(values + ([overall.value] if overall else []) + ([100] if share else []))
        ax.set_xlim(0, top * (1.25 if width < WIDE else 1.12))
        for y, b in enumerate(m.bars):  # the value inside a long bar, clear of the reference lines
            inside = b.value > 0.3 * top
            ax.annotate(
                b.text,
                (b.value, y),
                xytext=(-4 if inside else 3, 0),
                textcoords="offset points",
                ha="right" if inside else "left",
                va="center",
                fontsize=9,
                color="white" if inside else "#1d2733",
                fontweight="bold" if inside else "normal",
            )
        if share:
            ax.axvline(100, color="#c0392b", linewidth=1.2, linestyle="--", label=_say(words, "target"))
        if overall:
            ax.axvline(
                overall.value, color="#333333", linewidth=1.2, linestyle=":", label=f"{overall.label} {overall.text}"
            )
        ax.xaxis.set_major_formatter(_plain_numbers())
        legend = fig.legend(loc="lower center", ncols=2 if width >= WIDE else 1) if share or overall else None
        lines = title.split(" · ") if width < WIDE else [title]  # a phone: the unit, then the words
        drawn = ax.set_title("\n".join(_fit(line, width, 70) for line in lines), loc="left")
        _lay_out(fig, ax, drawn, legend)
        return fig

    items = "; ".join(f"{b.label} {b.text}" for b in m.bars)
    alt = _say(words, "alt_measure", title=title, items=items)
    if overall:
        alt += "; " + _say(words, "alt_reference", label=overall.label, figure=overall.text, sentence=overall.sentence)
    return _drawn(draw, alt)


def parts(bars: list[Bar], total: str, words: Mapping[str, str]):
    """The parts of a stated total (``total``, as the page writes it), largest first."""
    if not bars:
        return None
    bars = sorted(bars, key=lambda b: -b.value)

    def draw(width):
        plt = _pyplot()
        labels = [_label(b.label, width, 30) for b in bars]
        fig, ax = plt.subplots(
            figsize=(width, 0.7 + 0.38 * len(bars) + 0.16 * sum(label.count("\n") for label in labels)), layout="none"
        )
        drawn = ax.barh(range(len(bars)), [b.value for b in bars], color="#8a5a9e", height=0.55)
        ax.set_yticks(range(len(bars)), labels)
        ax.invert_yaxis()
        ax.bar_label(drawn, labels=[b.text for b in bars], padding=3, fontsize=9)
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.xaxis.set_major_formatter(_plain_numbers())
        ax.set_xlim(0, max(b.value for b in bars) * (1.25 if width < WIDE else 1.12))
        if width < WIDE:  # a phone: the title from the figure's left edge, the total on its own line
            title = fig.suptitle(
                f"{_say(words, 'chart_parts')}:\n{total}", x=0.02, ha="left", fontsize=11, fontweight="bold"
            )
        else:
            title = ax.set_title(f"{_say(words, 'chart_parts')}: {total}")
        _lay_out(fig, ax, title)
        return fig

    alt = _say(words, "alt_parts", total=total, items="; ".join(f"{b.label} {b.text}" for b in bars))
    return _drawn(draw, alt)


def topics(bars: list[Bar], words: Mapping[str, str]):
    """Directives per topic: a bar per item (``no``, the topic, its number of directives); the first
    ``MAX_ROWS`` items, the title saying so when there are more (the agenda's table lists them all).
    A picture's height grows with its bars: 1,000 topics were a 68,000-pixel picture, 0.4 GB to draw.

    >>> words = {"chart_topics": "ข้อสั่งการตามประเด็น", "rows_shown": "แสดง {shown} จาก {total} แถว"}
    >>> topics_title([Bar("กองทุนหมู่บ้าน", 2, no=n) for n in range(1, 31)], words)
    'ข้อสั่งการตามประเด็น · แสดง 24 จาก 30 แถว'
    """
    if not bars:
        return None
    shown = bars[:MAX_ROWS]
    counts = [int(b.value) for b in shown]
    heading = topics_title(bars, words)

    def draw(width):
        plt = _pyplot()
        labels = [_label(f"{b.no}. {b.label}", width, 34) for b in shown]
        height = 0.7 + 0.34 * len(shown) + 0.16 * sum(label.count("\n") for label in labels)
        fig, ax = plt.subplots(figsize=(width, height), layout="none")
        drawn = ax.barh(range(len(shown)), counts, color="#1f5f8b", height=0.55)
        ax.set_yticks(range(len(shown)), labels)
        ax.invert_yaxis()
        ax.bar_label(drawn, padding=3, fontsize=9)
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.set_xlim(0, max(counts) * (1.15 if width < WIDE else 1.08))  # room for the longest bar's count
        _lay_out(fig, ax, ax.set_title(heading))
        return fig

    alt = _say(words, "alt_topics", items="; ".join(f"{b.label} {int(b.value)}" for b in shown))
    if len(bars) > len(shown):
        alt += " · " + _say(words, "rows_shown", shown=len(shown), total=len(bars))
    return _drawn(draw, alt)


def topics_title(bars: list[Bar], words: Mapping[str, str]) -> str:
    """The topics chart's title: how many of the items it shows, when not all."""
    if len(bars) <= MAX_ROWS:
        return _say(words, "chart_topics")
    return f"{_say(words, 'chart_topics')} · {_say(words, 'rows_shown', shown=MAX_ROWS, total=len(bars))}"


def trend_lines(series: list[dict], words: Mapping[str, str], most: int = 6):
    """Small line charts of measures followed over meetings (``Trends.series``: ``points`` with
    ``meeting``, its ``label``, ``value`` and ``text``), the first ``most``. Count and amount axes
    start at zero, per cent axes run to 100 at least, numbers are written out (12,400,000, not 1.24e7)."""
    series = series[:most]
    if not series:
        return None
    plt = _pyplot()
    label_of = {p["meeting"]: p["label"] for s in series for p in s["points"]}
    meetings = sorted(label_of)
    position = {m: i for i, m in enumerate(meetings)}
    fig, axes = plt.subplots(len(series), 1, figsize=(6.8, 0.9 + 1.9 * len(series)), squeeze=False)
    for ax, s in zip(axes[:, 0], series):
        xs = [position[p["meeting"]] for p in s["points"]]
        ys = [p["value"] for p in s["points"]]
        ax.plot(xs, ys, marker="o", color="#1f5f8b")
        for x, y, p in zip(xs, ys, s["points"]):
            ax.annotate(p["text"], (x, y), textcoords="offset points", xytext=(0, 6), ha="center", fontsize=9)
        top = max(ys) * 1.25 if max(ys) > 0 else 1
        ax.set_ylim(0, max(top, 105) if s["unit"] == "%" else top)
        ax.yaxis.set_major_formatter(_plain_numbers())
        ax.set_xticks(range(len(meetings)), [wrap_label(label_of[m], 12) for m in meetings])
        ax.set_xlim(-0.5, len(meetings) - 0.5)
        ax.grid(axis="y")
        ax.grid(axis="x", visible=False)
        ax.set_title(wrap_label(series_title(s), 70), fontsize=10)
    fig.suptitle(_say(words, "chart_trends"), x=0.01, ha="left", fontweight="bold")
    items = "; ".join(
        f"{series_title(s)}: " + " → ".join(f"{p['label']} {p['text']}" for p in s["points"]) for s in series
    )
    return _png(fig), _say(words, "alt_trends", n=len(series), items=items)


def series_title(s) -> str:
    place = f" · {s['place']}" if s["place"] else ""
    return f"{s['topic_text']}{place} ({s['measure']})"


def topics_over_meetings(rows: list[dict], meetings: list[str], words: Mapping[str, str], most: int = 24):
    """Directives per topic, meeting by meeting: a grid with the count in each cell, the topics with
    most directives first. ``rows``: ``Trends.topic_rows`` (``text``, ``cells`` with ``value``, one
    per meeting); ``meetings``: the meetings' labels, in the cells' order. Drawn whenever there are
    two or more meetings."""
    if len(meetings) < 2 or not rows:
        return None
    rows = sorted(rows, key=lambda r: (-sum(c["value"] for c in r["cells"]), r["text"]))
    shown = rows[:most]
    plt = _pyplot()
    labels = [wrap_label(r["text"], 30) for r in shown]
    lines = sum(label.count("\n") + 1 for label in labels)
    fig, ax = plt.subplots(figsize=(6.8, 1.3 + 0.3 * lines + 0.1 * len(shown)))
    grid = [[c["value"] for c in r["cells"]] for r in shown]
    top = max(max(row) for row in grid) or 1
    ax.imshow(grid, cmap="Blues", vmin=0, vmax=top * 1.15, aspect="auto")
    for y, row in enumerate(grid):
        for x, value in enumerate(row):
            ax.text(
                x,
                y,
                str(value) if value else "·",
                ha="center",
                va="center",
                fontsize=9,
                color="white" if value > top * 0.6 else "#222222",
            )
    ax.set_yticks(range(len(shown)), labels)
    ax.set_xticks(range(len(meetings)), [wrap_label(m, 12) for m in meetings])
    ax.xaxis.tick_top()
    ax.tick_params(length=0)
    ax.grid(False)
    for side in ("left", "bottom", "top", "right"):
        ax.spines[side].set_visible(False)
    ax.set_title(_say(words, "chart_topics_meetings"), pad=8)
    items = "; ".join(
        f"{r['text']}: " + ", ".join(f"{m} {c['value']}" for m, c in zip(meetings, r["cells"])) for r in rows
    )
    return _png(fig), _say(words, "alt_topics_meetings", n=len(meetings), items=items)


def _plain_numbers():
    """Axis numbers as people write them: 12,400,000 and 97.5, never 1.24e7 or an offset."""
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda value, _pos: number(value, 0 if abs(value) >= 100 else 2, trim=True))


_THAI = re.compile(r"[\u0e01-\u0e4e]+")


def thai_breaks(text: str) -> set[int]:
    """Where a line may break inside Thai text: between two words of the dictionary
    (``thaiwords.pieces``); a letter the dictionary does not place stays with its neighbours, and a
    place the gazetteer names stays whole (อำเภอ | แม่ทะ, never แม่ | ทะ).

    >>> text = "งานพัฒนาชุมชน หมู่บ้านเศรษฐกิจพอเพียง"
    >>> cuts = sorted(thai_breaks(text))
    >>> [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)])]
    ['งาน', 'พัฒนา', 'ชุมชน หมู่บ้าน', 'เศรษฐกิจพอเพียง']
    >>> text = "พัฒนาชุมชนอำเภอแม่ทะ"
    >>> cuts = sorted(thai_breaks(text))
    >>> [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)])]
    ['พัฒนา', 'ชุมชน', 'อำเภอ', 'แม่ทะ']
    """
    from .glossary import place_pattern
    from .thaiwords import pieces

    breaks: set[int] = set()
    for run in _THAI.finditer(text):
        at, before = run.start(), None
        for word, known in pieces(run.group()):
            if known and before:
                breaks.add(at)
            at, before = at + len(word), known
    for place in place_pattern().finditer(text):
        breaks -= set(range(place.start() + 1, place.end()))
    return breaks


def wrap_label(text: str, width: int = 30, lines: int = 3) -> str:
    r"""A chart label on lines of at most ``width`` display cells (combining marks take none):
    broken at spaces and, in Thai, between words (``thai_breaks``), never inside a word; a word
    longer than a line is cut before a base letter. Past ``lines`` lines it ends with … (the alt
    text and the tables keep the whole label).

    >>> wrap_label("เศรษฐกิจฐานรากและประชารัฐ", 16)
    'เศรษฐกิจฐานรากและ\nประชารัฐ'
    >>> wrap_label("ส่งเสริมหมู่บ้านเศรษฐกิจพอเพียง", 20)
    'ส่งเสริมหมู่บ้าน\nเศรษฐกิจพอเพียง'
    >>> wrap_label("Grassroots Economy and Pracharat", 20)
    'Grassroots Economy\nand Pracharat'
    >>> wrap_label("OTOP", 10)
    'OTOP'
    """
    from wcwidth import wcswidth

    def cells(piece: str) -> int:
        return max(0, wcswidth(piece))

    text = " ".join(str(text).split())
    if cells(text) <= width:
        return text
    cuts = thai_breaks(text) | {i for i in range(1, len(text)) if text[i - 1] == " " and text[i] != " "}
    pieces = [text[a:b] for a, b in zip([0, *sorted(cuts)], [*sorted(cuts), len(text)])]
    out, line = [], ""
    for piece in pieces:
        while cells(piece) > width:  # a piece longer than a line: cut before a base letter
            room = width - cells(line)
            cut = _cut_at(piece, max(room, 1))
            if cut == 0:
                out.append(line.rstrip())
                line = ""
                continue
            out.append((line + piece[:cut]).rstrip())
            line, piece = "", piece[cut:]
        if line and cells(line + piece.rstrip()) > width:
            out.append(line.rstrip())
            line = ""
        line += piece
    if line.strip():
        out.append(line.rstrip())
    if len(out) > lines:
        out = out[: lines - 1] + [out[lines - 1][: max(1, len(out[lines - 1]) - 1)].rstrip() + "…"]
    return "\n".join(out)


_LEADING_VOWELS = "เแโใไ"  # written before their consonant: a line never ends after one


def _cut_at(piece: str, room: int) -> int:
    """The longest prefix of ``piece`` within ``room`` display cells that a line may end with: before
    a base letter, but never before a vowel that follows its consonant (ะ า ำ ๅ) or ๆ, nor after a
    leading vowel (เ แ โ ใ ไ), which belong to their syllable.

    >>> piece = "สมรรถนะด้านงานพัฒนาชุมชน"
    >>> piece[: _cut_at(piece, 16)], piece[_cut_at(piece, 18)] not in "ะาำ"
    ('สมรรถนะด้านงานพัฒ', True)
    """
    from wcwidth import wcswidth

    best = 0
    for i in range(1, len(piece) + 1):
        if wcswidth(piece[:i]) > room:
            break
        if i == len(piece) or (
            wcswidth(piece[i]) > 0 and piece[i] not in _FOLLOWING and piece[i - 1] not in _LEADING_VOWELS
        ):
            best = i
    return best


_FOLLOWING = "ะาำๅๆฯ"  # vowels written after their consonant, and the repetition marks: never at a line start


def _month_axis(ax, month: Callable[[date], str]) -> None:
    """Ticks at month starts, labelled by ``month``: เม.ย. 62 (Thai, BE) or Apr 19 (English)."""
    from matplotlib.dates import MonthLocator, num2date
    from matplotlib.ticker import FuncFormatter

    low, high = ax.get_xlim()
    months = (high - low) / 30.4
    ax.xaxis.set_major_locator(MonthLocator(interval=max(1, round(months / 6))))

    def label(value, _pos):
        return month(num2date(value).date())

    ax.xaxis.set_major_formatter(FuncFormatter(label))
