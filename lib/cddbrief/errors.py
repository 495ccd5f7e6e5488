"""The one error a user sees: what is wrong, and what to do; one kind per cause.

Every error a user can cause is a ``CddbriefError`` carrying ``problem`` and
``remedy`` (the command line prints them as one line, exit 2); its subclasses say
which cause, so a library caller or a test can catch by kind, not by words::

    try:
        meeting = read_meeting(path)
    except NotAWriteUp:   # fits no layout, or holds no items
        ...
    except UnreadableSource:  # missing, not a file, too large, damaged, encrypted, scanned
        ...

A remedy is plain words; the settings it asks to change travel beside it by their neutral names
(``data_dir``, ``office``, ``meeting``: the library's keyword arguments, the notebooks'
parameters), and each front end says how to set them in its own words (``said``): the command
line ``--data DIR``, a notebook ``-p data_dir DIR``, a library caller ``set data_dir``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Setting:
    """A setting a remedy asks to change: its neutral name and, when one fits, the value to give.

    >>> Setting("office", "บ้านโป่ง")
    Setting(name='office', value='บ้านโป่ง')
    """

    name: str  # the library's keyword argument, the notebooks' parameter: data_dir, office, meeting, lang, …
    value: str | None = None  # e.g. 4/2562; None: the front end's placeholder (DIR, NAME)


def in_library_terms(settings: tuple[Setting, ...]) -> str:
    """How a program calling the library sets them: by keyword argument.

    >>> in_library_terms((Setting("data_dir"),))
    'set data_dir'
    >>> in_library_terms((Setting("lang", "th"), Setting("lang", "en")))
    "set lang='th', lang='en'"
    """
    return "set " + ", ".join(s.name if s.value is None else f"{s.name}={s.value!r}" for s in settings)


def said_with(line: str, settings: tuple[Setting, ...], terms: Callable[[tuple[Setting, ...]], str]) -> str:
    """A problem and its remedy (``line``) with the settings to change, in a front end's ``terms``.

    >>> said_with("no number: add it", (Setting("meeting", "7/2567"),), in_library_terms)
    "no number: add it (set meeting='7/2567')"
    """
    return f"{line} ({one_line(terms(settings))})" if settings else line


class CddbriefError(Exception):
    """Bad input or usage. The command line prints it as one line, exit 2; ``detail`` (the candidates of
    an ambiguity, say) goes on the lines below it, so the first line stays short. ``settings``: the
    settings the remedy asks to change (names, or ``Setting`` with a value), said by each front end.

    >>> str(CddbriefError("ไม่พบไฟล์ x.txt", "check the path"))
    'ไม่พบไฟล์ x.txt: check the path'
    >>> error = CddbriefError("no data folder data/raw", "give the folder of meeting write-ups", settings="data_dir")
    >>> str(error)
    'no data folder data/raw: give the folder of meeting write-ups (set data_dir)'
    >>> error.said(lambda settings: ", ".join(f"{s.name.upper()}=…" for s in settings))  # a front end's words
    'no data folder data/raw: give the folder of meeting write-ups (DATA_DIR=…)'
    """

    exit_status = 2

    def __init__(
        self,
        problem: str,
        remedy: str | None = None,
        detail: list[str] | tuple = (),
        settings: str | Setting | Iterable[str | Setting] = (),
    ):
        self.problem = one_line(problem)  # a file name with a line end cannot split the line
        self.remedy = one_line(remedy) if remedy is not None else None
        self.detail = [one_line(line) for line in detail]  # e.g. the candidates: printed under the line, not in it
        if isinstance(settings, str | Setting):
            settings = (settings,)
        self.settings = tuple(s if isinstance(s, Setting) else Setting(s) for s in settings)
        self.terms = in_library_terms  # how str() says the settings; a front end may say them its own way
        super().__init__(self.said())
        for line in self.detail:  # a traceback (a notebook, a program) shows them under the message too
            self.add_note(line)

    @property
    def plain(self) -> str:
        """The problem and the remedy, without the settings: what a batch keeps beside them (``Outcome``).

        >>> CddbriefError("ไม่พบโฟลเดอร์ข้อมูล", "give the folder", settings="data_dir").plain
        'ไม่พบโฟลเดอร์ข้อมูล: give the folder'
        """
        return f"{self.problem}: {self.remedy}" if self.remedy else self.problem

    def said(self, terms: Callable[[tuple[Setting, ...]], str] | None = None) -> str:
        """The one line: the problem, the remedy, and how to change its settings in ``terms`` (a front
        end's words for them; default: this error's ``terms``, the library's unless a front end set its own)."""
        return said_with(self.plain, self.settings, terms or self.terms)

    def __str__(self) -> str:
        return self.said()

    def worded(self, terms: Callable[[tuple[Setting, ...]], str]) -> CddbriefError:
        """A copy of this error, of its kind, that says its settings in a front end's ``terms``; this error
        is left as it was. (Not ``copy.copy``: a library that registers its own way to pickle exceptions,
        as dask's tblib does, makes that copy share the original's attributes.)

        >>> error = CddbriefError("ไม่พบโฟลเดอร์ข้อมูล", "give the folder", settings="data_dir")
        >>> str(error.worded(lambda settings: "-p data_dir DIR")), str(error)
        ('ไม่พบโฟลเดอร์ข้อมูล: give the folder (-p data_dir DIR)', 'ไม่พบโฟลเดอร์ข้อมูล: give the folder (set data_dir)')
        """
        said = type(self).__new__(type(self), *self.args)
        said.__dict__.update(self.__dict__)
        if "__notes__" in self.__dict__:
            said.__notes__ = list(self.__notes__)
        said.args = self.args
        said.terms = terms
        return said


class UnreadableSource(CddbriefError):
    """The source cannot be read: missing, not a regular file, too large, not text, a damaged or
    password-protected file, a scan without OCR, too many pages, rows or elements."""


class NotAWriteUp(CddbriefError):
    """The source reads, but as no meeting write-up: no layout fits, or it holds no items."""


class NoMeetingNumber(CddbriefError):
    """The write-up names no meeting number and none was given (the setting ``meeting``)."""


class BadMeetingId(CddbriefError):
    """A meeting id that is no id (``4/2562``, ``2562-04``), or names no possible meeting."""


class UnknownMeeting(CddbriefError):
    """No document of the data folder holds the meeting asked for."""


class AmbiguousMeeting(CddbriefError):
    """Several documents hold the meeting asked for: an office or a path must choose."""


class BadSetting(CddbriefError):
    """An option or environment setting that cannot work (checked before any work)."""


class OutputNotWritable(CddbriefError):
    """The output cannot be written: a file where a folder should be, no space, no permission."""


class FolderTaken(CddbriefError):
    """The output folder holds the brief or exports of another document: nothing is replaced (exit 2)."""


class CellFailed(CddbriefError):
    """The notebook ran and a cell failed: exit status 1, the executed notebook kept."""

    exit_status = 1


class BadModelValue(CddbriefError, ValueError):
    """A model object made with a word outside its set: a note kind, a figure's role, a date's precision."""


class Stopped(KeyboardInterrupt):
    """SIGTERM, raised where Ctrl-C would be, so every ``finally`` runs: temporary folders go,
    pool workers and kernels are ended; the command line says ``cddbrief: stopped`` (exit 143)."""

    def __init__(self, signum: int):
        self.signum = signum
        super().__init__(f"signal {signum}")


def shown(name) -> str:
    """A file name as text that can always be printed and written on one line: bytes that are not
    UTF-8 escaped, and so are control characters (a line end in a name cannot forge a line).

    >>> shown(os.fsdecode(b"\\xca\\xc3\\xd8.txt"))  # สรุ in TIS-620
    '\\\\xca\\\\xc3\\\\xd8.txt'
    >>> shown("สรุป.txt"), shown("สรุป\\n  failed: x.txt")
    ('สรุป.txt', 'สรุป\\\\n  failed: x.txt')
    """
    name = str(name)
    return one_line(os.fsencode(name).decode("utf-8", errors="backslashreplace"))


_CONTROLS = re.compile("[\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029]")


def one_line(text: str) -> str:
    """Text with its control characters (LF, CR, ESC, …) written as escapes: it prints as one line.

    >>> one_line("ครั้งที่ 4\\r\\n.txt\\x1b[2J")
    'ครั้งที่ 4\\\\r\\\\n.txt\\\\x1b[2J'
    """
    text = str(text)
    if _CONTROLS.search(text) is None:
        return text
    return _CONTROLS.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)
