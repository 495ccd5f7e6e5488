"""The one error a user sees: what is wrong, and what to do."""

from __future__ import annotations


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
