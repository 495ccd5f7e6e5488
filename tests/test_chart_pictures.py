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
