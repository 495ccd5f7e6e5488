"""The chart pictures a brief embeds: print resolution, a faithful 256-colour palette, nothing that
changes from run to run (no timestamp, no software tag)."""

from __future__ import annotations

import base64
import io

import numpy as np
import pytest
from PIL import Image

from cddbrief import charts
from cddbrief.brief import Brief


@pytest.fixture(scope="module")
def topics_chart(sample_path):
    brief = Brief.load(meeting="2562-04", source=str(sample_path), data_dir=str(sample_path.parent))
    return brief.topics_chart()


def _picture(src: str) -> Image.Image:
    assert src.startswith("data:image/png;base64,")
    return Image.open(io.BytesIO(base64.b64decode(src.split(",", 1)[1])))


def test_a_chart_is_a_palette_png_at_print_resolution_with_no_varying_chunks(topics_chart):
    wide, narrow = _picture(topics_chart[0]), _picture(topics_chart.narrow)
    assert wide.mode == narrow.mode == "P"
    assert wide.width == round(charts.WIDE * charts.DPI) and narrow.width == round(charts.NARROW * charts.DPI)
    for picture in (wide, narrow):
        assert not {"Software", "Creation Time", "date:create", "timestamp"} & set(picture.info)
        assert picture.convert("RGB").getpixel((2, 2)) == (255, 255, 255)  # a white page, not off-white


def test_the_palette_keeps_every_colour_within_one_step_of_the_drawing(topics_chart, sample_path):
    """Drawn again in full colour, the same chart differs from the embedded one by at most 1 of 255 per channel."""
    drawn = []

    def keep(fig):
        drawn.append(np.asarray(charts.pixels(fig))[:, :, :3].astype(int))
        return "data:,"

    brief = Brief.load(meeting="2562-04", source=str(sample_path), data_dir=str(sample_path.parent))
    original = charts._png  # noqa: SLF001 - catch the pixels where the brief encodes them
    charts._png = keep
    try:
        brief.topics_chart()
    finally:
        charts._png = original
    embedded = np.asarray(_picture(topics_chart[0]).convert("RGB")).astype(int)
    assert embedded.shape == drawn[0].shape
    assert np.abs(embedded - drawn[0]).max() <= 1


def _children() -> list[int]:
    """This process's children, zombies too (a child drawn beside and never reaped would be one)."""
    import os
    from pathlib import Path

    found = []
    for task in Path(f"/proc/{os.getpid()}/task").iterdir():
        found += [int(pid) for pid in (task / "children").read_text().split()]
    return found


def test_a_chart_drawn_beside_is_the_chart_drawn_here(sample_path, monkeypatch):
    """With CDDBRIEF_DRAW_BESIDE=1 (a single build's kernel) the narrow picture is drawn in a forked
    child: the same bytes as drawn in this process, and the child is gone afterwards."""
    import os

    if len(os.sched_getaffinity(0)) < 2:
        pytest.skip("one core: pictures are never drawn beside")
    brief = Brief.load(meeting="2562-04", source=str(sample_path), data_dir=str(sample_path.parent))
    here = [brief.topics_chart(), brief.timeline_chart(), *brief.place_charts()]
    before = _children()
    forked, drawn_here = [], []
    fork, pixels = os.fork, charts.pixels
    monkeypatch.setattr(os, "fork", lambda: forked.append(1) or fork())
    monkeypatch.setattr(charts, "pixels", lambda fig: drawn_here.append(fig.get_figwidth()) or pixels(fig))
    monkeypatch.setenv(charts.BESIDE, "1")
    drawn = [brief.topics_chart(), brief.timeline_chart(), *brief.place_charts()]
    assert len(forked) == len(drawn)  # one child per chart
    assert drawn_here == [charts.WIDE] * len(drawn)  # the narrow pictures came from the children
    assert [(c[0], c[1], c.narrow) for c in drawn] == [(c[0], c[1], c.narrow) for c in here]
    assert _children() == before


def test_a_child_that_fails_leaves_the_picture_to_this_process(monkeypatch):
    """A child that fails, or that would have shown a warning the notebook shows, gives nothing:
    this process draws the picture itself (so the notebook gets the same picture and the same
    warning as when it draws alone), and reaps the child."""
    import os
    import warnings

    if len(os.sched_getaffinity(0)) < 2:
        pytest.skip("one core: pictures are never drawn beside")
    monkeypatch.setenv(charts.BESIDE, "1")
    me = os.getpid()
    before = _children()

    def failing():
        return "ลำพูน drawn here" if os.getpid() == me else str(1 / 0)

    def warning():
        warnings.warn("Glyph 3647 missing from font(s) Sarabun.", stacklevel=2)
        return f"drawn by {'this process' if os.getpid() == me else 'the child'}"

    assert charts.beside(failing)() == "ลำพูน drawn here"
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        assert charts.beside(warning)() == "drawn by this process"
    assert [str(w.message) for w in seen] == ["Glyph 3647 missing from font(s) Sarabun."]  # shown here, once
    assert charts.beside(lambda: "เชียงราย 88.5%")() == "เชียงราย 88.5%"
    assert _children() == before


def test_pictures_are_drawn_beside_only_where_asked(monkeypatch):
    monkeypatch.delenv(charts.BESIDE, raising=False)

    def make():
        return "แผนภูมิ"

    assert charts.beside(make) is make
    monkeypatch.setenv(charts.BESIDE, "0")
    assert charts.beside(make) is make


def test_a_long_agenda_draws_its_first_topics_and_says_so():
    """1,000 topics (a 1,000-row Word table, issue 21): the chart is the height of 24 bars, not 68,000
    pixels; its title and alt text say how many of the topics it shows. 24 or fewer: all, no note."""
    words = {"chart_topics": "ข้อสั่งการตามประเด็น", "alt_topics": "แผนภูมิแท่ง: {items}"}
    words["rows_shown"] = "แสดง {shown} จาก {total} แถว"
    many = [charts.Bar(f"ตำบลที่ {n}", 1 + n % 3, no=n) for n in range(1, 1001)]
    long_chart, first_chart = charts.topics(many, words), charts.topics(many[: charts.MAX_ROWS], words)
    assert _picture(long_chart[0]).size == _picture(first_chart[0]).size
    assert long_chart[1].endswith("ตำบลที่ 24 1 · แสดง 24 จาก 1000 แถว") and "ตำบลที่ 25 " not in long_chart[1]
    assert first_chart[1].endswith("ตำบลที่ 24 1") and "แสดง" not in first_chart[1]
    assert charts.topics_title(many, words) == "ข้อสั่งการตามประเด็น · แสดง 24 จาก 1000 แถว"
    assert charts.topics_title(many[:24], words) == "ข้อสั่งการตามประเด็น"


def test_a_chart_label_never_breaks_a_place_name():
    """Every district and province of the gazetteer that fits on a line stays whole on one line of a
    wrapped label (อำเภอแม่ทะ breaks before แม่ทะ, never as แม่ | ทะ)."""
    from wcwidth import wcswidth

    from cddbrief.charts import wrap_label
    from cddbrief.glossary import places

    broken = []
    for place in places():
        name = place.name_th
        if wcswidth(name) > 12:
            continue
        lines = wrap_label(f"สำนักงานพัฒนาชุมชนอำเภอ{name}", 12, lines=9).split("\n")
        if name not in lines and not any(line.endswith(name) for line in lines):
            broken.append((name, lines))
    assert broken == []
