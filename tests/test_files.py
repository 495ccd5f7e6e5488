"""files.write_atomic: the one way cddbrief replaces a file (exports, pages, manifests, the cache)."""

from pathlib import Path

import pytest

from cddbrief import files
from cddbrief.files import WRITING, write_atomic


def test_text_is_written_as_utf8_and_bytes_as_they_are(tmp_path):
    assert write_atomic(tmp_path / "a.html", "<p>ครั้งที่ ๔/๒๕๖๒</p>").read_text(encoding="utf-8") == "<p>ครั้งที่ ๔/๒๕๖๒</p>"
    assert write_atomic(tmp_path / "b.bin", b"\x00\xff").read_bytes() == b"\x00\xff"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.html", "b.bin"]


def test_a_write_that_fails_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "2562-04.xlsx"
    target.write_bytes(b"the good one")

    def full_disk(self, data):
        Path.write_text(self, "half")  # something was written before the disk filled
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.Path, "write_bytes", full_disk)
    with pytest.raises(OSError):
        write_atomic(target, b"the new one")
    monkeypatch.undo()
    assert target.read_bytes() == b"the good one"
    assert [p.name for p in tmp_path.iterdir()] == ["2562-04.xlsx"]
    assert WRITING == set()


def test_ctrl_c_during_a_write_leaves_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "index.html"

    def interrupted(src, dst):
        assert src in WRITING  # a worker stopped now would find it and remove it
        raise KeyboardInterrupt

    monkeypatch.setattr(files.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "<html></html>")
    assert list(tmp_path.iterdir()) == [] and WRITING == set()


def test_no_other_module_renames_a_temporary_file_into_place_itself():
    """One writer: a module that writes a temporary file and renames it over its target repeats
    files.write_atomic (render's commit of a whole brief, which renames several staged files in an
    order, and the cache key, linked so as never to replace one, are other operations)."""
    lib = Path(files.__file__).parent
    others = [
        p.relative_to(lib).as_posix()
        for p in lib.rglob("*.py")
        if p.name != "files.py" and "os.replace(tmp" in p.read_text(encoding="utf-8")
    ]
    assert others == []
