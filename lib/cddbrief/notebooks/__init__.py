"""The notebooks cddbrief runs, shipped inside the package, and the words they use for their parameters.

``briefing.ipynb`` (one meeting's brief, run by ``cddbrief build``) and
``trends.ipynb`` (across meetings, ``cddbrief build --trends``) are package
data, found with importlib.resources, so any install builds briefs (a wheel,
not only ``pip install -e``). ``tools/make_notebooks.py`` writes them and the
analysts' copies in the project's ``notebooks/``.

>>> path("briefing").name
'briefing.ipynb'
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from importlib.resources import files
from pathlib import Path

from ..errors import CddbriefError

NAMES = ("briefing", "trends")

# a command-line option -> the notebook parameter that says the same
PARAMETERS = {"--data": "data_dir", "--office": "office", "--meeting": "meeting", "--lang": "lang"}


def path(name: str) -> Path:
    """The installed notebook ``name`` (``briefing`` or ``trends``)."""
    if name not in NAMES:
        raise ValueError(f"no packaged notebook {name!r}; there are {', '.join(NAMES)}")
    return Path(str(files(__name__).joinpath(f"{name}.ipynb")))


def in_parameter_terms(remedy: str) -> str:
    """A remedy written for the command line, said with the notebook's parameters.

    >>> in_parameter_terms("give the folder of meeting summaries with --data DIR")
    'give the folder of meeting summaries with -p data_dir DIR (papermill; in Jupyter: set data_dir in the parameters cell)'
    >>> in_parameter_terms("use --lang th or --lang en")
    'use -p lang th or -p lang en (papermill; in Jupyter: set lang in the parameters cell)'
    >>> in_parameter_terms("check the path, or give a meeting id such as 4/2562")
    'check the path, or give a meeting id such as 4/2562'
    """
    named: list[str] = []

    def swap(match: re.Match) -> str:
        parameter = PARAMETERS[match.group(0)]
        if parameter not in named:
            named.append(parameter)
        return f"-p {parameter}"

    said = re.sub("|".join(rf"{re.escape(option)}\b" for option in PARAMETERS), swap, remedy)
    if not named:
        return said
    return f"{said} (papermill; in Jupyter: set {' and '.join(named)} in the parameters cell)"


@contextmanager
def parameter_errors():
    """Errors raised inside speak of the notebook's parameters (``-p data_dir DIR``), not of the
    command line's options (``--data DIR``), and say where a relative data folder was looked for.

    A notebook run by papermill from any folder, or opened in JupyterLab, says what to set:
    ``no data folder data/raw (looked in /home/user and the folders above it): give the folder
    of meeting summaries with -p data_dir DIR …``.
    """
    try:
        yield
    except CddbriefError as exc:
        problem = exc.problem
        from ..corpus import DEFAULT_DATA

        if f"no data folder {DEFAULT_DATA}" in problem:
            problem = problem.replace(
                f"{DEFAULT_DATA}", f"{DEFAULT_DATA} (looked in {Path.cwd()} and the folders above it)", 1
            )
        raise CddbriefError(problem, in_parameter_terms(exc.remedy) if exc.remedy else None, exc.detail) from None
