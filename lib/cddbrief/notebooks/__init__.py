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

from contextlib import contextmanager
from importlib.resources import files
from pathlib import Path

from ..errors import CddbriefError, Setting, in_library_terms

NAMES = ("briefing", "trends")

# the packaged notebooks' parameters (their cells tagged "parameters"), each with the placeholder
# of its value: an error naming one of these settings tells a notebook's user to set that parameter
PARAMETERS = {
    "meeting": "ID",
    "source": "FILE",
    "lang": "th",
    "data_dir": "DIR",
    "office": "NAME",
    "as_of": "YYYY-MM-DD",
    "out_dir": "DIR",
}


def path(name: str) -> Path:
    """The installed notebook ``name`` (``briefing`` or ``trends``)."""
    if name not in NAMES:
        raise ValueError(f"no packaged notebook {name!r}; there are {', '.join(NAMES)}")
    return Path(str(files(__name__).joinpath(f"{name}.ipynb")))


def in_parameter_terms(settings: tuple[Setting, ...]) -> str:
    """How a notebook's user changes the settings an error names: papermill's ``-p`` or the parameters
    cell (a setting no notebook has is said as the library says it).

    >>> in_parameter_terms((Setting("data_dir"),))
    '-p data_dir DIR; in Jupyter: set data_dir in the parameters cell'
    >>> in_parameter_terms((Setting("office", "แม่ทะ"), Setting("force")))
    '-p office แม่ทะ, set force; in Jupyter: set office in the parameters cell'
    """
    said = [
        f"-p {s.name} {s.value if s.value is not None else PARAMETERS[s.name]}"
        if s.name in PARAMETERS
        else in_library_terms((s,))
        for s in settings
    ]
    names = list(dict.fromkeys(s.name for s in settings if s.name in PARAMETERS))
    cell = f"; in Jupyter: set {' and '.join(names)} in the parameters cell" if names else ""
    return ", ".join(said) + cell


@contextmanager
def parameter_errors():
    """Errors raised inside name the notebook's parameters to set (``-p data_dir DIR``), not the library's
    keyword arguments; the error keeps its kind (``UnknownMeeting``…), and its traceback stays short.

    A notebook run by papermill from any folder, or opened in JupyterLab, says what to set:
    ``no data folder data/raw (none in /home/user or the folders above it): give the folder of
    meeting write-ups (-p data_dir DIR; in Jupyter: set data_dir in the parameters cell)``.
    """
    try:
        yield
    except CddbriefError as exc:
        raise exc.worded(in_parameter_terms).with_traceback(None) from None  # its kind, in a notebook's words
