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
# Notebooks papermill runs name python3, the kernel every Python with ipykernel has (a plain
# `pip install`, CI); the analyst's notebook names the kernel `make setup` installs for
# JupyterLab/JupyterHub (the project's venv, whichever Python the server itself runs).
PYTHON3 = {"kernelspec": {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}, "language_info": {"name": "python"}}
CDDBRIEF = {"kernelspec": {"name": "cddbrief", "display_name": "Python 3 (cddbrief)", "language": "python"}, "language_info": {"name": "python"}}


def briefing() -> nbformat.NotebookNode:
    cells = [
        new_markdown_cell(
            "# Briefing: one TV พช. meeting\n\n"
            "Parameterised: `cddbrief build 4/2562` runs it with papermill and exports it as a "
            "self-contained HTML brief and a PDF. Run it here to look at a meeting: change the "
            "parameters below, then *Run All*. Each cell shows one section of the brief; the logic "
            "lives in `cddbrief.brief`."
        ),
        new_code_cell(
            'meeting: str = "2562-04"  # the meeting, in any common form: 4/2562, 4/62, 2562-04, ๔/๒๕๖๒\n'
            'source: "Optional[str]" = None  # a .txt, .docx, .pdf or .html write-up to read; None: find the meeting in data_dir\n'
            'lang: str = "th"  # th: Thai with Buddhist-era dates; en: English with Gregorian dates\n'
            'data_dir: "Optional[str]" = None  # the folder of write-ups; None: $CDDBRIEF_DATA, else data/raw in the working folder or above\n'
            'office: "Optional[str]" = None  # part of the office name, when two offices wrote up the same meeting\n'
            'as_of: "Optional[str]" = None  # count deadlines from this day (\"2019-04-20\"); None: the meeting date, else the latest plausible day',
            metadata={"tags": ["parameters"]},
        ),
        new_code_cell(
            "from cddbrief.brief import Brief\n"
            "from cddbrief.notebooks import parameter_errors\n\n"
            "with parameter_errors():  # a problem names the parameter to set (-p data_dir DIR), not a command-line option\n"
            "    brief = Brief.load(meeting=meeting, source=source, lang=lang, data_dir=data_dir, office=office, as_of=as_of)\n"
            'brief.show("meeting")'
        ),
    ]
    for section in ("summary", "agenda", "timeline", "deadlines", "figures", "checks", "notes", "directives", "provenance"):
        cells.append(new_code_cell(f'brief.show("{section}")'))
    return new_notebook(cells=cells, metadata=PYTHON3)


def explore() -> nbformat.NotebookNode:
    md, code = new_markdown_cell, new_code_cell
    cells = [
        md("# Explore the meetings\n\n"
           "The analyst's starting point (`make lab`). Every meeting summary in `data/raw` is read "
           "(cached by content, so a second run is quick) into tidy frames: `items`, `directives`, "
           "`quantities`, `dates`, `checks`, `notes`, each with `meeting` and `office` columns. "
           "Every figure and date keeps the text it came from (`surface`, `sentence`)."),
        code('data_dir: "Optional[str]" = None  # the folder of write-ups; None: $CDDBRIEF_DATA, else the nearest data/raw\n'
             'as_of: "Optional[str]" = None  # look ahead from this date (\"2019-04-20\"); None: the newest meeting\'s date (or, with none written, the first day it sets)\n'
             'days: int = 30  # how many days ahead of as_of a deadline counts as coming up\n'
             'actor: str = "จังหวัด"  # who a directive asks to act: จังหวัด, อำเภอ, ส่วนกลาง, กรม…\n'
             'unit: str = "บาท"  # the unit of the figures summed by topic, as written: บาท, ครัวเรือน, %…', metadata={"tags": ["parameters"]}),
        code("import pandas as pd\n\n"
             "import cddbrief\n"
             "from cddbrief import queries\n\n"
             'pd.set_option("display.max_colwidth", 120)\n'
             "f = cddbrief.load_corpus(data_dir)\n"
             'print({name: len(frame) for name, frame in f.as_dict().items()})\n'
             "f.items"),
        md("## The frames\nOne row per figure, with its unit, the place it belongs to, and the sentence it came from:"),
        code("f.quantities.head(10)"),
        code("f.dates.head(10)"),
        md("## Deadlines in the next `days` days\nDated actions in force (a date that was moved is left out), counted from a stated day: "
           "`as_of`, else the newest meeting's date, else the first day that meeting sets for an action (the latest it can have been held):"),
        code("start, why = queries.reference(f, as_of)\n"
             'print("from", start.date(), f"({why})")\n'
             "queries.deadlines_within(f, start, days)"),
        md("## Every figure in baht, by topic\n`sum` adds only totals: per-unit rates (`หมู่บ้านละ 18,000 บาท`) and parts of a stated total "
           "are counted in `rates` and `parts`, never added (each figure's `role`: total, rate, part, share)."),
        code("by_topic, rows = queries.figures_in(f, unit)\n"
             "by_topic"),
        code("rows"),
        md("## Directives that ask provinces to act"),
        code("queries.asking(f, actor)"),
        md("## Checks that fail\nArithmetic between a document's own figures that does not add up (empty is good news):"),
        code("failing = queries.failing_checks(f)\n"
             'print(f"{len(failing)} failing of {len(f.checks)} checks")\n'
             "failing"),
        md("## What the reader repaired or inferred"),
        code('f.notes.groupby(["meeting", "kind"]).size().unstack(fill_value=0)'),
    ]
    return new_notebook(cells=cells, metadata=CDDBRIEF)


def trends() -> nbformat.NotebookNode:
    cells = [
        new_markdown_cell(
            "# Trends across meetings\n\n"
            "Parameterised: `cddbrief build --trends` runs it with papermill and writes `outputs/trends.html`. "
            "Across all meetings in the folder: figures of the same topic and unit over time, directives per "
            "topic per meeting, topics new or dropped since an office's previous meeting, deadlines that moved."
        ),
        new_code_cell(
            'data_dir: "Optional[str]" = None  # the folder of write-ups; None: $CDDBRIEF_DATA, else data/raw in the working folder or above\n'
            'lang: str = "th"  # th: Thai with Buddhist-era dates; en: English with Gregorian dates',
            metadata={"tags": ["parameters"]},
        ),
        new_code_cell(
            "from cddbrief.notebooks import parameter_errors\n"
            "from cddbrief.trends import Trends\n\n"
            "with parameter_errors():  # a problem names the parameter to set (-p data_dir DIR), not a command-line option\n"
            "    trends = Trends.load(data_dir, lang)\n"
            'trends.show("header")'
        ),
    ]
    for section in ("figures", "topics", "changes", "deadlines", "provenance"):
        cells.append(new_code_cell(f'trends.show("{section}")'))
    return new_notebook(cells=cells, metadata=PYTHON3)


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
