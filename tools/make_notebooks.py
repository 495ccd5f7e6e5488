"""Write every notebook from its cell list: the one writer of the .ipynb files (they are committed).

- ``lib/cddbrief/notebooks/briefing.ipynb`` and ``trends.ipynb``: package data, run by
  ``cddbrief build`` and ``build --trends`` in any install (a wheel too);
- ``notebooks/briefing.ipynb`` and ``trends.ipynb``: the analysts' copies for JupyterLab,
  byte for byte the packaged ones (``tests/test_install.py`` checks);
- ``notebooks/explore.ipynb``: the analyst's starting point, only there.

Keeping the cells here as data makes review of the notebooks' content easy: edit here and run
``python tools/make_notebooks.py``. The parameters cells annotate each parameter's type and end
its line with its meaning: ``papermill --help-notebook`` shows both.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "lib" / "cddbrief" / "notebooks"
# Every notebook names the kernel `make setup` installs for JupyterLab/JupyterHub (the project's
# venv, whichever Python the server itself runs; its display name is the Makefile's). `cddbrief build`
# runs the packaged ones on python3 whatever they name (kernels.KERNEL), so a plain `pip install` builds.
CDDBRIEF = {
    "kernelspec": {"name": "cddbrief", "display_name": "Python 3 (cddbrief)", "language": "python"},
    "language_info": {"name": "python"},
}
ONLY_HERE = {"tags": ["notebook-only"]}  # a note for the analyst, left off the page the notebook renders to


def briefing() -> nbformat.NotebookNode:
    cells = [
        new_markdown_cell(
            "# Briefing: one TV พช. meeting\n\n"
            "Parameterised: `cddbrief build 4/2562` runs it with papermill and exports it as a "
            "self-contained HTML brief and a PDF. Run it here to look at a meeting: change the "
            "parameters below, then *Run All*. Each cell shows one section of the brief; the logic "
            "lives in `cddbrief.brief`.",
            metadata=ONLY_HERE,
        ),
        new_code_cell(
            'meeting: str = "2562-04"  # the meeting, in any common form: 4/2562, 4/62, 2562-04, ๔/๒๕๖๒\n'
            'source: "Optional[str]" = None  # a .txt, .docx, .pdf or .html write-up to read; '
            "None: find the meeting in data_dir\n"
            'lang: str = "th"  # th: Thai with Buddhist-era dates; en: English with Gregorian dates\n'
            'data_dir: "Optional[str]" = None  # the folder of write-ups; None: '
            "$CDDBRIEF_DATA, else data/raw in the working folder or above\n"
            'office: "Optional[str]" = None  # part of the office name, when two offices wrote up the same meeting\n'
            'as_of: "Optional[str]" = None  # count deadlines from this day ("2019-04-20"); '
            "None: the meeting date, else the latest plausible day",
            metadata={"tags": ["parameters"]},
        ),
        new_code_cell(
            "from cddbrief.brief import Brief\n"
            "from cddbrief.notebooks import parameter_errors\n\n"
            "with parameter_errors():  # a problem names the parameter to set (-p data_dir DIR), "
            "not a command-line option\n"
            "    brief = Brief.load(meeting=meeting, source=source, "
            "lang=lang, data_dir=data_dir, office=office, as_of=as_of)\n"
            'brief.show("meeting")'
        ),
    ]
    for section in (
        "summary",
        "agenda",
        "timeline",
        "deadlines",
        "figures",
        "checks",
        "notes",
        "directives",
        "provenance",
    ):
        cells.append(new_code_cell(f'brief.show("{section}")'))
    return new_notebook(cells=cells, metadata=CDDBRIEF)


def explore() -> nbformat.NotebookNode:
    md, code = new_markdown_cell, new_code_cell
    cells = [
        md(
            "# Explore the meetings\n\n"
            "The analyst's starting point (`make lab`). Every meeting summary in `data/raw` is read "
            "(cached by content, so a second run is quick) into tidy frames: `items`, `directives`, "
            "`quantities`, `dates`, `checks`, `notes`, each with `meeting` and `office` columns. "
            "Every figure and date keeps the text it came from (`surface`, `sentence`). Tables are shown "
            "with `readable` (text left-aligned, `15,804,000` not `15804000.0`); the frames themselves "
            "stay plain pandas."
        ),
        code(
            'data_dir: "Optional[str]" = None  # the folder of write-ups; '
            "None: $CDDBRIEF_DATA, else the nearest data/raw\n"
            'as_of: "Optional[str]" = None  # look ahead from this date ("2019-04-20"); '
            "None: the newest meeting's date (or, with none written, the first day it sets)\n"
            "days: int = 30  # how many days ahead of as_of a deadline counts as coming up\n"
            'actor: str = "จังหวัด"  # who a directive asks to act: จังหวัด, อำเภอ, ส่วนกลาง, กรม…\n'
            'unit: str = "บาท"  # the unit of the figures summed by topic, as written: บาท, ครัวเรือน, %…',
            metadata={"tags": ["parameters"]},
        ),
        code(
            "from importlib.resources import files\n\n"
            "import matplotlib.pyplot as plt\n"
            "import pandas as pd\n"
            "from IPython.display import Markdown, display\n\n"
            "import cddbrief\n"
            "from cddbrief import queries\n"
            "from cddbrief.fonts import register_for_matplotlib\n"
            "from cddbrief.formatting import readable\n\n"
            "register_for_matplotlib()  # Thai in the charts, in the briefs' Sarabun\n"
            'plt.style.use(str(files("cddbrief").joinpath("cddbrief.mplstyle")))\n'
            "f = cddbrief.load_corpus(data_dir)\n"
            "print({name: len(frame) for name, frame in f.as_dict().items()})\n"
            'readable(f.items[["meeting", "office", "item", "topic", '
            '"directives", "quantities", "dates", "resolution"]])'
        ),
        md("## The frames\nOne row per figure, with its unit, the place it belongs to, and the sentence it came from:"),
        code(
            'readable(f.quantities[["meeting", "item", "value", '
            '"unit", "role", "entity", "surface", "sentence"]].head(10))'
        ),
        code(
            'readable(f.dates[["meeting", "item", "start", "end", '
            '"precision", "role", "surface", "sentence"]].head(10))'
        ),
        md(
            "## What each office was asked\n"
            "Directives per meeting and office: which write-ups carry the most instructions."
        ),
        code(
            'per_office = f.directives.groupby("office").size().sort_values()\n'
            "fig, ax = plt.subplots(figsize=(6.8, 0.5 + 0.35 * len(per_office)))\n"
            "ax.barh(per_office.index, per_office.values)\n"
            'ax.set_title("ข้อสั่งการต่อหน่วยงาน (Directives per office)")\n'
            "plt.show()"
        ),
        code(
            "start, why = queries.reference(f, as_of)\n"
            "soon = queries.deadlines_within(f, start, days)\n"
            'display(Markdown(f"## Deadlines from {start:%d %b %Y} to {start + pd.Timedelta(days=days):%d %b %Y}\\n"\n'
            '                 f"{len(soon)} dated actions in force in the {days} days from {start.date()} ({why}); '
            'a date that was moved is left out."))\n'
            'print("from", start.date(), f"({why})")\n'
            'readable(soon[["when", "meeting", "office", "item", "topic", "surface", "actors", "sentence"]])'
        ),
        md(
            "## Deadlines over time\n"
            "Every dated action in force of every meeting, by the month it falls in: when the offices are busiest."
        ),
        code(
            'in_force = f.dates[f.dates["role"] != "original"].dropna(subset=["when"])\n'
            'by_month = in_force.groupby(in_force["when"].dt.to_period("M")).size()\n'
            "fig, ax = plt.subplots(figsize=(6.8, 2.8))\n"
            "ax.bar([str(p) for p in by_month.index], by_month.values)\n"
            'ax.set_title("กำหนดการต่อเดือน (Dated actions per month)")\n'
            'ax.tick_params(axis="x", labelrotation=60)\n'
            "plt.show()"
        ),
        code(
            "by_topic, rows = queries.figures_in(f, unit)\n"
            'display(Markdown(f"## Every figure in {unit}, by topic\\n"\n'
            '                 "`sum` adds only totals: '
            'per-unit rates (`หมู่บ้านละ 18,000 บาท`) and parts of a stated total "\n'
            '                 "are counted in `rates` and `parts`, '
            "never added (each figure's `role`: total, rate, part, share).\"))\n"
            "readable(by_topic)"
        ),
        code(
            "if len(by_topic):\n"
            '    top = by_topic["sum"].sort_values().tail(12)\n'
            "    fig, ax = plt.subplots(figsize=(6.8, 0.6 + 0.35 * len(top)))\n"
            "    ax.barh(top.index, top.values)\n"
            '    ax.xaxis.set_major_formatter(lambda v, _: f"{v:,.0f}")\n'
            '    ax.set_title(f"ผลรวมตัวเลขหน่วย {unit} ตามประเด็น (totals by topic)")\n'
            "    plt.show()"
        ),
        code('readable(rows[["meeting", "item", "topic", "value", "role", "entity", "surface"]])'),
        code('display(Markdown(f"## Directives that ask {actor} to act"))\nreadable(queries.asking(f, actor))'),
        md(
            "## Checks that fail\n"
            "Arithmetic between a document's own figures that does not add up (empty is good news):"
        ),
        code(
            "failing = queries.failing_checks(f)\n"
            'print(f"{len(failing)} failing of {len(f.checks)} checks")\n'
            "readable(failing)"
        ),
        md(
            "## What the reader repaired or inferred\n"
            "Notes per meeting, by kind: a repair, an inferred number, a merged row."
        ),
        code('f.notes.groupby(["meeting", "kind"]).size().unstack(fill_value=0)'),
    ]
    return new_notebook(cells=cells, metadata=CDDBRIEF)


def trends() -> nbformat.NotebookNode:
    cells = [
        new_markdown_cell(
            "# Trends across meetings\n\n"
            "Parameterised: `cddbrief build --trends` runs it with papermill and writes `outputs/trends.html`. "
            "Across all meetings in the folder: figures of the same topic and unit over time, directives per "
            "topic per meeting, topics new or dropped since an office's previous meeting, deadlines that moved.",
            metadata=ONLY_HERE,
        ),
        new_code_cell(
            'data_dir: "Optional[str]" = None  # the folder of write-ups; None: '
            "$CDDBRIEF_DATA, else data/raw in the working folder or above\n"
            'lang: str = "th"  # th: Thai with Buddhist-era dates; en: English with Gregorian dates\n'
            'out_dir: "Optional[str]" = None  # the folder the page is written to: '
            "its briefs are linked; None: no links",
            metadata={"tags": ["parameters"]},
        ),
        new_code_cell(
            "from cddbrief.notebooks import parameter_errors\n"
            "from cddbrief.trends import Trends\n\n"
            "with parameter_errors():  # a problem names the parameter to set (-p data_dir DIR), "
            "not a command-line option\n"
            "    trends = Trends.load(data_dir, lang, out_dir)\n"
            'trends.show("header")'
        ),
    ]
    for section in ("figures", "topics", "changes", "deadlines", "provenance"):
        cells.append(new_code_cell(f'trends.show("{section}")'))
    return new_notebook(cells=cells, metadata=CDDBRIEF)


def rendered() -> dict[Path, str]:
    """Every notebook file this tool writes, and its text."""
    texts = {}
    for name, make, folders in (
        ("briefing", briefing, (PACKAGE, ROOT / "notebooks")),
        ("explore", explore, (ROOT / "notebooks",)),
        ("trends", trends, (PACKAGE, ROOT / "notebooks")),
    ):
        nb = make()
        for index, cell in enumerate(nb.cells):
            cell.id = f"{name}-{index:02d}"  # stable ids: the same notebook gives the same bytes
        text = nbformat.writes(nb)
        for folder in folders:
            texts[folder / f"{name}.ipynb"] = text if text.endswith("\n") else text + "\n"
    return texts


def main() -> None:
    for path, text in rendered().items():
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
