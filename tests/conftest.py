"""Shared fixtures: the sample document and its spec live under tests/data (copies, never ../shared);
the command line as a user runs it (``CLI``, ``run_cli``)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

# `make test` draws the same examples on every machine and in every run, with no time limit an example must keep:
# a property that fails, fails for everyone, and never because the machine was busy. `make fuzz` draws new ones.
settings.register_profile("same-everywhere", derandomize=True, database=None, deadline=None)
settings.register_profile("fuzz", derandomize=False, deadline=None)
settings.load_profile(os.environ.get("CDDBRIEF_HYPOTHESIS", "same-everywhere"))

# Caches of a test run live in a folder of their own (subprocesses inherit it).
os.environ.setdefault("CDDBRIEF_CACHE", tempfile.mkdtemp(prefix="cddbrief-test-cache-"))

DATA = Path(__file__).parent / "data"
SAMPLE = DATA / "000_624796c269e36bce.txt"
SPEC = DATA / "meeting-2562-04.expected.json"
CLI = [sys.executable, "-m", "cddbrief.cli"]  # `cddbrief` as installed, run by this Python


def run_cli(*args, env=None, extra_env=None, cwd=None, stdin=None, timeout=900) -> subprocess.CompletedProcess:
    """``cddbrief ARGS`` in a fresh process, as a user runs it: its exit code, stdout and stderr as text.

    ``env`` replaces the environment (None: this one), ``extra_env`` adds to it, ``stdin`` is text fed to it.
    """
    if extra_env:
        env = {**(os.environ if env is None else env), **extra_env}
    return subprocess.run(
        [*CLI, *map(str, args)], capture_output=True, text=True, env=env, cwd=cwd, input=stdin, timeout=timeout
    )


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture(scope="session")
def spec() -> dict:
    return json.loads(SPEC.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def sample_meeting():
    from cddbrief.meeting import read_meeting

    return read_meeting(SAMPLE)


@pytest.fixture(scope="session")
def sample_json(sample_meeting) -> dict:
    return sample_meeting.to_dict()
