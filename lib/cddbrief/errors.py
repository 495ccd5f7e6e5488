"""The one error a user sees: what is wrong, and what to do."""

from __future__ import annotations

import os


class CddbriefError(Exception):
    """Bad input or usage. The command line prints it as one line, exit 2.

    >>> str(CddbriefError("ไม่พบไฟล์ x.txt", "check the path"))
    'ไม่พบไฟล์ x.txt: check the path'
    """

    exit_status = 2

    def __init__(self, problem: str, remedy: str | None = None):
        self.problem = problem
        self.remedy = remedy
        super().__init__(f"{problem}: {remedy}" if remedy else problem)


class Stopped(KeyboardInterrupt):
    """SIGTERM, raised where Ctrl-C would be, so every ``finally`` runs: temporary folders go,
    pool workers and kernels are ended; the command line says ``cddbrief: stopped`` (exit 143)."""

    def __init__(self, signum: int):
        self.signum = signum
        super().__init__(f"signal {signum}")


def shown(name) -> str:
    """A file name as text that can always be printed and written: bytes that are not UTF-8 escaped.

    >>> shown(os.fsdecode(b"\\xca\\xc3\\xd8.txt"))  # สรุ in TIS-620
    '\\\\xca\\\\xc3\\\\xd8.txt'
    >>> shown("สรุป.txt")
    'สรุป.txt'
    """
    name = str(name)
    return os.fsencode(name).decode("utf-8", errors="backslashreplace")
