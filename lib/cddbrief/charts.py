"""Charts in the house style (``cddbrief.mplstyle``, Sarabun), drawn only where data supports them.

Each function takes a ``Brief`` and returns a ``Chart`` (or None): the PNG data URI at A4/desktop
width, its alternative text, and ``narrow``, the same chart drawn for a phone, where the wide one
would shrink its 9 pt text to 7 px. ``places`` returns a list, one chart per measure.
"""

from __future__ import annotations

import base64
import io
from datetime import timedelta
from functools import cache
from importlib.resources import files

from .formatting import number
from .thaidates import MONTH_ABBR_TH, MONTH_NAME_EN
from .thaitext import excerpt

MAX_ROWS = 24  # a timeline longer than this shows its first rows
DPI = 200
WIDE = 6.8  # inches: the A4 text width, and the desktop picture
NARROW = 3.6  # inches: a phone's picture (below 40rem, _chart.html.j2): 9 pt text shows at 12 px on a 375 px screen, 10 px at 320 px


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
    """A chart drawn twice by ``draw(width)``: wide for paper and desktop, narrow for phones."""
    return Chart(_png(draw(WIDE)), alt, _png(draw(NARROW)))


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
    import matplotlib.pyplot as plt

    from .fonts import register_for_matplotlib

    register_for_matplotlib()
    plt.style.use(str(files("cddbrief").joinpath("cddbrief.mplstyle")))
    return plt


def _png(fig) -> str:
    """The figure as a PNG data URI at print resolution, with no timestamp or software tag.

    PNG, not SVG: WeasyPrint draws SVG text-as-paths slowly (seconds per brief),
    and 200 dpi prints crisp on A4.
    """
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None}, pil_kwargs={"optimize": True})
    _pyplot().close(fig)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def timeline(brief):
    """Gantt of dated actions; a moved date shows as a hatched bar beside its new one.

    A window that closed before the reference day (``ปี 57 - 30 ก.ย. 61`` in a 2562 meeting) is
    not drawn: it would stretch the scale over years and squeeze the meeting's months into a
    sliver. The axis spans the bars drawn, no empty months either side.
    """
    rows = [r for r in brief.dated_actions() if not r["past"]]
    if not rows:
        return None
    shown = rows[:MAX_ROWS]

    def draw(width):
        plt = _pyplot()
        from matplotlib.dates import date2num

        labels = [_label(f"{r['when']} · {r['topic']}", width, 34) for r in shown]
        height = 0.6 + 0.32 * len(shown) + 0.16 * sum(label.count("\n") for label in labels)
        fig, ax = plt.subplots(figsize=(width, max(1.8, height)))
        for y, r in enumerate(shown):
            start = date2num(r["start"])
            span = max(1.0, date2num(r["end"] + timedelta(days=1)) - start)
            if r["role"] == "original":
                ax.barh(y, span, left=start, height=0.55, color="#bbbbbb", hatch="///", edgecolor="#888888", linewidth=0.5)
            else:
                color = "#e07b39" if r["role"] == "rescheduled" else ("#9bb7cc" if r["precision"] == "month" else "#1f5f8b")
                ax.barh(y, span, left=start, height=0.55, color=color)
        ax.set_yticks(range(len(shown)), labels)
        ax.invert_yaxis()
        first = min(date2num(r["start"]) for r in shown)
        last = max(date2num(r["end"] + timedelta(days=1)) for r in shown)
        margin = max(1.0, (last - first) * 0.02)
        ax.set_xlim(first - margin, last + margin)
        _month_axis(ax, brief.lang)
        if width < WIDE:
            ax.tick_params(axis="x", labelrotation=45)
        ax.set_title(brief.t("chart_timeline"))
        if any(r["role"] for r in shown):
            from matplotlib.patches import Patch

            fig.legend(
                handles=[Patch(facecolor="#bbbbbb", hatch="///", edgecolor="#888888", label=brief.t("moved")), Patch(color="#e07b39", label=brief.t("new_date"))],
                loc="outside lower center",
                ncols=2,
            )
        return fig

    alt = brief.t("alt_timeline", n=len(rows), first=rows[0]["when"], last=rows[-1]["when"])
    return _drawn(draw, alt)


def places(brief) -> list[Chart]:
    """One bar chart per measure given for two places or more (``Brief.place_measures``): the
    title says the measure; the overall figure (``ทั้งประเทศ 100.03%``) is a reference line when
    the text gives one; a 100% target line only for shares."""
    return [_measure_chart(brief, m) for m in brief.place_measures()]


def _measure_chart(brief, m: dict) -> Chart:
    rows = [(brief.place(p["place"]), p["value"]) for p in m["places"]]  # Lamphun in an English brief
    values = [v for _, v in rows]
    overall = m["overall"]
    share = m["role"] == "share" and m["unit"] == "%"
    title = brief.measure_title(m)

    def draw(width):
        plt = _pyplot()
        narrow = width < WIDE  # a phone: three title lines and the legend in one column need room
        fig, ax = plt.subplots(figsize=(width, (1.9 if narrow else 1.0) + 0.42 * len(rows)))
        colors = ["#3f8f5b" if share and v >= 100 else "#1f5f8b" for v in values]
        ax.barh(range(len(rows)), values, color=colors, height=0.55)
        ax.set_yticks(range(len(rows)), [_fit(name, width, 24) for name, _ in rows])
        ax.invert_yaxis()
        top = max(values + ([overall["value"]] if overall else []) + ([100] if share else []))
        ax.set_xlim(0, top * (1.25 if width < WIDE else 1.12))
        for y, v in enumerate(values):  # the value inside a long bar, clear of the reference lines
            inside = v > 0.3 * top
            ax.annotate(brief.figure(v, m["unit"]), (v, y), xytext=(-4 if inside else 3, 0), textcoords="offset points", ha="right" if inside else "left", va="center", fontsize=9, color="white" if inside else "#1d2733", fontweight="bold" if inside else "normal")
        if share:
            ax.axvline(100, color="#c0392b", linewidth=1.2, linestyle="--", label=brief.t("target"))
        if overall:
            ax.axvline(overall["value"], color="#333333", linewidth=1.2, linestyle=":", label=f"{overall['label']} {overall['figure']}")
        ax.xaxis.set_major_formatter(_plain_numbers())
        if share or overall:
            fig.legend(loc="outside lower center", ncols=2 if width >= WIDE else 1)
        lines = title.split(" · ") if width < WIDE else [title]  # a phone: the unit, then the words
        ax.set_title("\n".join(_fit(line, width, 70) for line in lines), loc="left")
        return fig

    items = "; ".join(f"{name} {brief.figure(v, m['unit'])}" for name, v in rows)
    alt = brief.t("alt_measure", title=title, items=items)
    if overall:
        alt += "; " + brief.t("alt_reference", label=overall["label"], figure=overall["figure"], sentence=overall["sentence"])
    return _drawn(draw, alt)


def parts(brief):
    """The parts of a stated total (from the sum checks), largest first."""
    check = next((c for c in brief.meeting.checks if c.kind == "sum" and c.labels), None)
    if check is None:
        return None
    pairs = sorted(zip(check.labels, check.operands), key=lambda p: -p[1])
    total = brief.figure(check.total, check.unit)

    def draw(width):
        plt = _pyplot()
        labels = [_label(label, width, 30) for label, _ in pairs]
        fig, ax = plt.subplots(figsize=(width, 0.7 + 0.38 * len(pairs) + 0.16 * sum(label.count("\n") for label in labels)))
        bars = ax.barh(range(len(pairs)), [v for _, v in pairs], color="#8a5a9e", height=0.55)
        ax.set_yticks(range(len(pairs)), labels)
        ax.invert_yaxis()
        ax.bar_label(bars, labels=[brief.number(v) for _, v in pairs], padding=3, fontsize=9)
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.xaxis.set_major_formatter(_plain_numbers())
        ax.set_xlim(0, max(v for _, v in pairs) * (1.25 if width < WIDE else 1.12))
        if width < WIDE:  # a phone: the title from the figure's left edge, the total on its own line
            fig.suptitle(f"{brief.t('chart_parts')}:\n{total}", x=0.02, ha="left", fontsize=11, fontweight="bold")
        else:
            ax.set_title(f"{brief.t('chart_parts')}: {total}")
        return fig

    alt = brief.t("alt_parts", total=total, items="; ".join(f"{label} {brief.number(v)}" for label, v in pairs))
    return _drawn(draw, alt)


def topics(brief):
    """Directives per topic."""
    items = brief.meeting.items
    if not items:
        return None
    counts = [len(i.directives) for i in items]

    def draw(width):
        plt = _pyplot()
        labels = [_label(f"{i.no}. {brief.topic(i.topic)}", width, 34) for i in items]
        fig, ax = plt.subplots(figsize=(width, 0.7 + 0.34 * len(items) + 0.16 * sum(label.count("\n") for label in labels)))
        bars = ax.barh(range(len(items)), counts, color="#1f5f8b", height=0.55)
        ax.set_yticks(range(len(items)), labels)
        ax.invert_yaxis()
        ax.bar_label(bars, padding=3, fontsize=9)
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.set_xlim(0, max(counts) * (1.15 if width < WIDE else 1.08))  # room for the longest bar's count
        ax.set_title(brief.t("chart_topics"))
        return fig

    alt = brief.t("alt_topics", items="; ".join(f"{brief.topic(i.topic)} {len(i.directives)}" for i in items))
    return _drawn(draw, alt)


def trend_lines(trends, most: int = 6):
    """Small line charts of the measures that change over meetings (a constant, or one that barely
    changes, is left to the table: a chart would make 76 → 77 look steep). Count and amount axes
    start at zero, per cent axes run to 100 at least, numbers are written out (12,400,000, not 1.24e7)."""
    series = [s for s in trends.series() if s["shape"] == "changes"][:most]
    if not series:
        return None
    plt = _pyplot()
    meetings = sorted({p["meeting"] for s in series for p in s["points"]})
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
        ax.set_xticks(range(len(meetings)), [wrap_label(trends.label(m), 12) for m in meetings])
        ax.set_xlim(-0.5, len(meetings) - 0.5)
        ax.grid(axis="y")
        ax.grid(axis="x", visible=False)
        ax.set_title(wrap_label(_series_title(s), 70), fontsize=10)
    fig.suptitle(trends.t("chart_trends"), x=0.01, ha="left", fontweight="bold")
    items = "; ".join(f"{_series_title(s)}: " + " → ".join(f"{p['label']} {p['text']}" for p in s["points"]) for s in series)
    return _png(fig), trends.t("alt_trends", n=len(series), items=items)


def _series_title(s) -> str:
    place = f" · {s['place']}" if s["place"] else ""
    return f"{s['topic_text']}{place} ({s['measure']})"


def topics_over_meetings(trends, most: int = 24):
    """Directives per topic, meeting by meeting: a grid with the count in each cell (one value per
    meeting however many offices wrote it up), the topics with most directives first. Drawn
    whenever there are two or more meetings."""
    rows = trends.topic_rows()
    meetings = trends.topic_table().columns.tolist()
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
            ax.text(x, y, str(value) if value else "·", ha="center", va="center", fontsize=9, color="white" if value > top * 0.6 else "#222222")
    ax.set_yticks(range(len(shown)), labels)
    ax.set_xticks(range(len(meetings)), [wrap_label(trends.label(m), 12) for m in meetings])
    ax.xaxis.tick_top()
    ax.tick_params(length=0)
    ax.grid(False)
    for side in ("left", "bottom", "top", "right"):
        ax.spines[side].set_visible(False)
    ax.set_title(trends.t("chart_topics_meetings"), pad=8)
    items = "; ".join(f"{r['text']}: " + ", ".join(f"{trends.label(m)} {c['value']}" for m, c in zip(meetings, r["cells"])) for r in rows)
    return _png(fig), trends.t("alt_topics_meetings", n=len(meetings), items=items)


def _plain_numbers():
    """Axis numbers as people write them: 12,400,000 and 97.5, never 1.24e7 or an offset."""
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda value, _pos: number(value, 0 if abs(value) >= 100 else 2, trim=True))


_LEADING_VOWELS = "เแโใไ"  # a Thai syllable starts at these: a line may break before them


def wrap_label(text: str, width: int = 30, lines: int = 3) -> str:
    r"""A chart label on lines of at most ``width`` display cells (combining marks take none):
    broken at spaces, in Thai also before a leading vowel (เ แ โ ใ ไ start a syllable), never
    between a letter and its marks. Past ``lines`` lines it ends with … (the alt text and the
    tables keep the whole label).

    >>> wrap_label("เศรษฐกิจฐานรากและประชารัฐ", 16)
    'เศรษฐกิจฐานราก\nและประชารัฐ'
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
    pieces, current = [], ""
    for i, ch in enumerate(text):
        thai_break = ch in _LEADING_VOWELS and current and "\u0e01" <= current[-1] <= "\u0e4e"
        if thai_break or (current.endswith(" ") and ch != " "):
            pieces.append(current)
            current = ""
        current += ch
    pieces.append(current)
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
        if i == len(piece) or (wcswidth(piece[i]) > 0 and piece[i] not in _FOLLOWING and piece[i - 1] not in _LEADING_VOWELS):
            best = i
    return best


_FOLLOWING = "ะาำๅๆฯ"  # vowels written after their consonant, and the repetition marks: never at a line start


def _month_axis(ax, lang: str) -> None:
    """Ticks at month starts, labelled เม.ย. 62 (Thai, BE) or Apr 19 (English)."""
    from matplotlib.dates import MonthLocator, num2date
    from matplotlib.ticker import FuncFormatter

    low, high = ax.get_xlim()
    months = (high - low) / 30.4
    ax.xaxis.set_major_locator(MonthLocator(interval=max(1, round(months / 6))))

    def label(value, _pos):
        moment = num2date(value)
        if lang == "th":
            return f"{MONTH_ABBR_TH[moment.month - 1]} {str(moment.year + 543)[2:]}"
        return f"{MONTH_NAME_EN[moment.month - 1]} {str(moment.year)[2:]}"

    ax.xaxis.set_major_formatter(FuncFormatter(label))
