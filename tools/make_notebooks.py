"""Write notebooks/briefing.ipynb from its cell list (run once; the notebook is committed).

Keeping the cells here as data makes review of the notebook's content easy;
edit in JupyterLab or here, then commit the .ipynb.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

ROOT = Path(__file__).resolve().parents[1]
KERNEL = {"kernelspec": {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}, "language_info": {"name": "python"}}


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
            'meeting = "2562-04"  # any common form: 4/2562, 4/62, 2562-04, ๔/๒๕๖๒\n'
            "source = None  # or the path of a .txt/.docx summary\n"
            'lang = "th"  # th (Buddhist-era dates) or en (Gregorian)\n'
            "data_dir = None  # folder of summaries; None finds data/raw above the working folder\n"
            "office = None  # when two offices wrote up the same meeting",
            metadata={"tags": ["parameters"]},
        ),
        new_code_cell(
            "from cddbrief.brief import Brief\n\n"
            "brief = Brief.load(meeting=meeting, source=source, lang=lang, data_dir=data_dir, office=office)\n"
            'brief.show("meeting")'
        ),
    ]
    for section in ("summary", "agenda", "timeline", "deadlines", "figures", "checks", "notes", "directives", "provenance"):
        cells.append(new_code_cell(f'brief.show("{section}")'))
    return new_notebook(cells=cells, metadata=KERNEL)


def main() -> None:
    path = ROOT / "notebooks" / "briefing.ipynb"
    nb = briefing()
    for index, cell in enumerate(nb.cells):
        cell.id = f"brief-{index:02d}"  # stable ids: the same notebook gives the same bytes
    nbformat.write(nb, path)
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
