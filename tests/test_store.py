"""The corpus store (issue 19): one write-up counted once in every form, two offices never merged,
incremental and safe (damaged, foreign, newer, forged, two processes at once); issue 21's forged
cache entry."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from conftest import SAMPLE, run_cli

EXPORT = Path(__file__).parent / "data" / "sample-export"
SOEM_NGAM, MAE_THA = "สำนักงานพัฒนาชุมชนอำเภอเสริมงาม", "สำนักงานพัฒนาชุมชนอำเภอแม่ทะ"


@pytest.fixture
def cache(tmp_path, monkeypatch):
    where = tmp_path / "cache"
    monkeypatch.setenv("CDDBRIEF_CACHE", str(where))
    return where


@pytest.fixture
def forms(tmp_path):
    """The sample as a .docx, its PDF and HTML exports, and another office's write-up of the same meeting."""
    data = tmp_path / "raw"
    data.mkdir()
    for name in ("sample.docx", "sample.pdf", "sample.html"):
        shutil.copy(EXPORT / name, data / name)
    twin = SAMPLE.read_text(encoding="utf-8").replace("อำเภอเสริมงาม", "อำเภอแม่ทะ")
    (data / "mae-tha.txt").write_text(twin, encoding="utf-8")
    return data


def test_a_writeup_in_three_forms_is_listed_once_and_counted_once(forms, cache):
    from cddbrief import corpus

    entries, failures = corpus.catalogue(forms)
    assert failures == []
    listed = [(e.id, e.office, e.path.name) for e in entries]
    assert listed == [("2562-04", SOEM_NGAM, "sample.docx"), ("2562-04", MAE_THA, "mae-tha.txt")]
    assert entries[0].copies == ["sample.html", "sample.pdf"]  # the richest form is read: .docx
    assert entries[1].copies == []
    f = corpus.load_corpus(forms)
    ours = f.items[f.items["office"] == SOEM_NGAM]
    assert len(ours) == 9 and set(ours["file"]) == {"sample.docx"}  # nine topics, not 27
    baht = f.quantities[(f.quantities["unit"] == "บาท") & (f.quantities["office"] == SOEM_NGAM)]
    assert sorted(baht["value"]) == [18000, 15804000]  # 15,804,000 once, not three times
    assert len(f.items[f.items["office"] == MAE_THA]) == 9  # another office's write-up of the meeting is never merged
    for name, frame in f.as_dict().items():
        assert {"file", "sha256", "office"} <= set(frame.columns), name
        assert frame["sha256"].notna().all() and frame["file"].notna().all(), name
    merged = f.notes[(f.notes["kind"] == "merged") & f.notes["message"].str.startswith("the same write-up")]
    assert len(merged) == 1 and "sample.pdf" in merged["message"].item() and "sample.docx" in merged["message"].item()

    listed = run_cli("list", "--data", forms, "--json", extra_env={"CDDBRIEF_CACHE": str(cache)})
    assert listed.returncode == 0, listed.stderr
    meetings = json.loads(listed.stdout)["meetings"]
    assert [(m["office"], m["copies"]) for m in meetings] == [(SOEM_NGAM, ["sample.html", "sample.pdf"]), (MAE_THA, [])]
    table = run_cli("list", "--data", forms, extra_env={"CDDBRIEF_CACHE": str(cache)}).stdout
    assert "sample.docx is also kept as sample.html, sample.pdf" in table and "2 meeting write-up(s)" in table
    env = {"CDDBRIEF_CACHE": str(cache)}
    parsed = run_cli("parse", "4/2562", "--data", forms, "--office", "เสริมงาม", "--json", extra_env=env)
    shown = json.loads(parsed.stdout)
    assert shown["source"]["format"] == "docx"  # the id names the write-up's richest form
    notes = [n for n in shown["notes"] if n["kind"] == "merged" and "the same write-up" in n["message"]]
    assert len(notes) == 1 and "sample.pdf" in notes[0]["message"]  # the brief's provenance says so


def test_different_directives_of_one_office_and_meeting_stay_two(tmp_path, cache):
    from cddbrief import corpus

    data = tmp_path / "raw"
    data.mkdir()
    shutil.copy(SAMPLE, data / "a.txt")
    text = SAMPLE.read_text(encoding="utf-8")
    lines = text.splitlines()
    shorter = "\n".join(lines[: len(lines) // 3]) + "\n"
    (data / "b.txt").write_text(shorter, encoding="utf-8")  # a shorter write-up: not the same content
    shutil.copy(SAMPLE, data / "c.txt")  # the same bytes: the same write-up
    entries, _ = corpus.catalogue(data)
    assert sorted((e.path.name, tuple(e.copies)) for e in entries) == [("a.txt", ("c.txt",)), ("b.txt", ())]


def test_incremental_a_new_file_is_read_a_removed_one_drops_out_nothing_else(forms, cache, monkeypatch):
    from cddbrief import corpus, store

    corpus.catalogue(forms)
    read = []
    original = store.read_document
    monkeypatch.setattr(store, "read_document", lambda path, data=None: read.append(path.name) or original(path, data))
    (forms / "mae-tha.txt").unlink()
    shutil.copy(SAMPLE, forms / "again.txt")
    entries, _ = corpus.catalogue(forms)
    assert read == ["again.txt"]
    assert [(e.path.name, e.copies) for e in entries] == [("sample.docx", ["again.txt", "sample.html", "sample.pdf"])]
    f = corpus.load_corpus(forms)
    assert set(f.items["office"]) == {SOEM_NGAM} and len(f.items) == 9


def test_the_kernel_and_the_parent_take_the_meeting_from_the_store(forms, cache, monkeypatch):
    from cddbrief import corpus, meeting, sources, store
    from cddbrief.meeting import read_meeting

    corpus.catalogue(forms)

    def refuse(*args, **kwargs):
        raise AssertionError("the document was read again")

    monkeypatch.chdir(forms)  # a brief's kernel runs in the document's folder and is given its name
    parsed = read_meeting("mae-tha.txt")
    monkeypatch.setattr(meeting, "parse_document", refuse)
    monkeypatch.setattr(sources, "read_file_bytes", refuse)
    assert store.meeting_of("mae-tha.txt", meeting_id="4/2562") == parsed
    by_path = store.meeting_of(forms / "mae-tha.txt")  # the parent's lookup, by its path
    assert by_path.source.path == str(forms / "mae-tha.txt")


def _forge(entry: Path, body: bytes) -> None:
    """What issue 21's red team did: a body and the sha256 anyone can compute for it."""
    entry.write_bytes(hashlib.sha256(body).hexdigest().encode() + b"\n" + body)


def test_a_forged_entry_is_rebuilt_never_believed(tmp_path, cache):
    """Issue 21: an entry edited to hold 4/2562's reading under 9/2562's content (its digest
    recomputed) made `parse 9/2562` answer with 4/2562's document."""
    from cddbrief import store

    data = tmp_path / "raw"
    data.mkdir()
    shutil.copy(SAMPLE, data / "four.txt")
    nine = SAMPLE.read_text(encoding="utf-8").replace("ครั้งที่  4/256๒", "ครั้งที่  9/256๒")
    assert "9/256๒" in nine
    (data / "nine.txt").write_text(nine, encoding="utf-8")
    env = {"CDDBRIEF_CACHE": str(cache)}
    assert run_cli("list", "--data", data, extra_env=env).returncode == 0
    four_sha = hashlib.sha256(SAMPLE.read_bytes()).hexdigest()
    nine_sha = hashlib.sha256(nine.encode()).hexdigest()
    (entry,) = (cache / "parse").glob(f"*-{nine_sha}.json.z")
    code = entry.name.split("-")[0]
    four = json.loads(zlib.decompress(store.sealed.read_blob(next((cache / "parse").glob(f"*-{four_sha}.json.z")))))
    four["sha256"], four["meeting"]["source"]["sha256"] = nine_sha, nine_sha
    assert four["code"] == code
    _forge(entry, zlib.compress(json.dumps(four, ensure_ascii=False).encode()))
    for documents in (cache / "store").rglob("documents"):
        documents.unlink()  # or the store would answer without the entry
    parsed = run_cli("parse", "9/2562", "--data", data, "--json", extra_env=env)
    assert parsed.returncode == 0, parsed.stderr
    assert json.loads(parsed.stdout)["meeting"]["number"] == 9
    listed = json.loads(run_cli("list", "--data", data, "--json", extra_env=env).stdout)
    assert sorted(m["id"] for m in listed["meetings"]) == ["2562-04", "2562-09"]  # no meeting that does not exist


@pytest.mark.parametrize("damage", ["cut short", "foreign", "newer version", "forged", "frames gone"])
def test_a_damaged_foreign_newer_or_forged_store_is_rebuilt_silently(forms, cache, damage):
    from cddbrief import corpus, store

    before = corpus.catalogue(forms)
    frames_before = corpus.load_corpus(forms).quantities
    (home,) = (cache / "store").iterdir()
    documents = home / "documents"
    raw = documents.read_bytes()
    if damage == "cut short":
        documents.write_bytes(raw[: len(raw) // 2])
    elif damage == "foreign":
        documents.write_bytes(b"PAR1 not a store at all \x00\x01")
    elif damage == "newer version":
        body = raw.partition(b"\n")[2]
        line, _, rest = body.partition(b"\n")
        head = json.loads(line)
        head["version"] = store.VERSION + 1
        store.sealed.write_blob(documents, json.dumps(head).encode() + b"\n" + rest)  # sealed, and newer
    elif damage == "forged":
        _forge(documents, raw.partition(b"\n")[2])
    else:
        for frames in home.glob("frames-*"):
            frames.unlink()
    after = corpus.catalogue(forms)
    assert [e.as_dict() for e in after[0]] == [e.as_dict() for e in before[0]]
    assert corpus.load_corpus(forms).quantities.equals(frames_before)
    if damage == "newer version":
        assert json.loads(store.sealed.read_blob(documents).partition(b"\n")[0])["version"] == store.VERSION


def test_two_lists_at_once_lose_nothing(tmp_path, cache):
    import random

    import docgen

    data = tmp_path / "raw"
    data.mkdir()
    for seed in range(60):
        text = docgen.render_dump(docgen.meeting(random.Random(seed)))
        (data / f"gen-{seed:02d}.txt").write_text(text, encoding="utf-8")
    env = {**os.environ, "CDDBRIEF_CACHE": str(cache)}
    cli = [sys.executable, "-m", "cddbrief.cli", "list", "--data", str(data), "--json"]
    pipes = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, "text": True, "env": env}
    running = [subprocess.Popen(cli, **pipes) for _ in range(2)]
    outs = [p.communicate(timeout=600) for p in running]
    assert all(p.returncode == 0 for p in running), [o[1] for o in outs]
    listed = [json.loads(out) for out, _ in outs]
    assert listed[0] == listed[1] and len(listed[0]["meetings"]) + len(listed[0]["unreadable"]) == 60
    again = json.loads(run_cli("list", "--data", data, "--json", extra_env={"CDDBRIEF_CACHE": str(cache)}).stdout)
    assert again == listed[0]
    assert not [p for p in cache.rglob("*.tmp")]  # nothing half-written left


def test_a_folder_read_by_a_dask_cluster_is_the_folder_read_here(forms, cache, tmp_path, monkeypatch):
    from distributed import Client, LocalCluster

    from cddbrief import corpus

    here = corpus.catalogue(forms)
    monkeypatch.setenv("CDDBRIEF_CACHE", str(tmp_path / "other-cache"))
    cluster = LocalCluster(n_workers=1, processes=False, threads_per_worker=1, dashboard_address=None)
    with cluster, Client(cluster) as client:
        there = corpus.catalogue(forms, scheduler=client)
    assert [e.as_dict() for e in there[0]] == [e.as_dict() for e in here[0]]


def test_list_on_a_scheduler_that_is_not_there_is_one_line(forms, cache):
    env = {"CDDBRIEF_CACHE": str(cache)}
    result = run_cli("list", "--data", forms, "--scheduler", "tcp://127.0.0.1:9", extra_env=env, timeout=120)
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1 and "dask scheduler" in result.stderr
    assert result.stdout == "" and not (cache / "store").exists()  # nothing read, nothing written
