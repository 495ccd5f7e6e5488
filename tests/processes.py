"""Helpers of the tests that look at processes (test_faults, test_forkserver): who is below whom in
/proc, who still runs, and waiting for a state with a deadline (never a bare sleep)."""

from __future__ import annotations

import time
from pathlib import Path

from cddbrief.batch import children  # the /proc walk the batch uses to end its own children


def descendants(pid: int) -> set[int]:
    """Every process below ``pid``: children, their children, …"""
    found, todo = set(), [pid]
    while todo:
        for child in children(todo.pop()):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def running(pids) -> list[int]:
    """The pids still running (a zombie has ended; its parent has not reaped it yet)."""
    alive = []
    for pid in pids:
        try:
            stat = Path(f"/proc/{pid}/stat").read_bytes()
        except OSError:
            continue
        if stat[stat.rfind(b")") + 2 : stat.rfind(b")") + 3] != b"Z":
            alive.append(pid)
    return alive


def until(check, timeout: float, what: str, every: float = 0.1):
    """Poll ``check`` until it gives something true; fail after ``timeout`` seconds, naming the state."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"not reached within {timeout} s: {what}")
