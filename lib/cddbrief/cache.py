"""The on-disk cache: JSON files and blobs named by what they hold, bound to it by a secret.

Cache folders may be shared (a team's network drive, a CI cache), so nothing in them may run
code when read: entries are JSON (dates as ISO strings) or Parquet data, never pickles. Each
file starts with an HMAC-SHA256 of its name and body under a secret key kept *outside* the
cache folder (``cache_key_file``: ``CDDBRIEF_CACHE_KEY``, default
``~/.config/cddbrief/cache.key``, made on first use, readable by its owner only). Anyone can
recompute a plain sha256, so an entry checked only against its own digest could be edited to
hold another document's reading (issue 21); without the key, an edited, damaged, cut-short or
foreign file, or an entry moved to another name, does not check out and is silently rebuilt.
A folder whose key cannot be kept gets a key for this process only: the cache then costs
time, never correctness.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from datetime import date
from functools import cache
from pathlib import Path

from .files import write_atomic

KEY_BYTES = 32


def _plain(value):
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, (set, tuple)):
        return list(value)
    raise TypeError(f"cannot cache a {type(value).__name__}")


def cache_key_file() -> Path:
    """Where the cache's secret key is kept: ``CDDBRIEF_CACHE_KEY``, else the user's config folder."""
    if os.environ.get("CDDBRIEF_CACHE_KEY"):
        return Path(os.environ["CDDBRIEF_CACHE_KEY"])
    config = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return config / "cddbrief" / "cache.key"


@cache
def _key_at(where: str) -> bytes:
    path = Path(where)
    try:
        key = path.read_bytes()
        if len(key) == KEY_BYTES:
            return key
    except OSError:
        pass
    key = secrets.token_bytes(KEY_BYTES)
    try:  # made once, atomically: two processes making it at once agree on the one that lands first
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(key)
        try:
            os.link(tmp, path)  # never replaces a key another process made
        except FileExistsError:
            pass
        finally:
            tmp.unlink(missing_ok=True)
        kept = path.read_bytes()
        return kept if len(kept) == KEY_BYTES else key
    except OSError:
        return key  # this process only: entries it writes are not trusted by the next one


def secret() -> bytes:
    """The key every entry is bound with (see the module's docstring)."""
    return _key_at(str(cache_key_file()))


def seal(name: str, body: bytes) -> bytes:
    """The tag binding ``body`` to the entry's ``name`` (a file name that says what it holds)."""
    named = name.encode("utf-8", "surrogateescape") + b"\0" + body
    return hmac.new(secret(), named, hashlib.sha256).hexdigest().encode("ascii")


def write(target: Path, value) -> None:
    """Store ``value`` (plain data: dicts, lists, strings, numbers, dates) at target as sealed JSON."""
    try:
        body = json.dumps(value, default=_plain, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    except UnicodeEncodeError:  # a file name that is not UTF-8 (its bytes as surrogates): escaped, read back the same
        body = json.dumps(value, default=_plain, ensure_ascii=True, separators=(",", ":")).encode("ascii")
    write_blob(target, body)


def read(target: Path):
    """The value stored at target, or None when there is none or it does not check out.

    >>> import tempfile
    >>> where = Path(tempfile.mkdtemp()) / "x.json"
    >>> write(where, {"จังหวัด": 76, "วันที่": date(2019, 4, 22)})
    >>> read(where)
    {'จังหวัด': 76, 'วันที่': '2019-04-22'}
    >>> _ = where.write_bytes(where.read_bytes()[:-3])  # cut short
    >>> read(where) is None
    True
    """
    body = read_blob(target)
    if body is None:
        return None
    try:
        return json.loads(body)
    except ValueError:
        return None


def write_blob(target: Path, body: bytes) -> None:
    """Store bytes at target behind their seal, atomically; a cache that cannot be written only
    costs time, and leaves no temporary file behind (a full disk included)."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, seal(target.name, body) + b"\n" + body)
    except OSError:
        pass


def read_blob(target: Path) -> bytes | None:
    """The bytes stored at target if their seal checks out, else None (missing, cut short, changed,
    written without the key, or moved from another name).

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> write_blob(folder / "a", b"ok")
    >>> read_blob(folder / "a")
    b'ok'
    >>> raw = (folder / "a").read_bytes(); _ = (folder / "b").write_bytes(raw)   # another entry's name
    >>> read_blob(folder / "b") is None
    True
    >>> forged = hashlib.sha256(b"lie").hexdigest().encode() + b"\\nlie"  # a digest anyone can compute
    >>> _ = (folder / "a").write_bytes(forged)
    >>> read_blob(folder / "a") is None
    True
    """
    try:
        raw = target.read_bytes()
    except OSError:
        return None
    tag, _, body = raw.partition(b"\n")
    if not hmac.compare_digest(seal(target.name, body), tag):
        return None
    return body
