"""Every brief of a folder: parallel processes here, and a real dask cluster on 127.0.0.1."""

from __future__ import annotations

import random
import re
import shutil
import subprocess
from html.parser import HTMLParser

import docgen
import pytest
from conftest import CLI, SAMPLE, run_cli

from cddbrief import site


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    data = tmp_path_factory.mktemp("raw")
    shutil.copy(SAMPLE, data / "a-sample.txt")
    twin = SAMPLE.read_text(encoding="utf-8").replace("อำเภอเสริมงาม", "อำเภอแม่ทะ")
    (data / "b-twin.txt").write_text(twin, encoding="utf-8")
    (data / "c-gen.txt").write_text(docgen.render_dump(docgen.meeting(random.Random(11), n_items=2)), encoding="utf-8")
    (data / "d-broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    return data


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.external = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a":
            self.links.append(attrs["href"])
        for key in ("src", "href"):
            if key in attrs and tag != "a" and not attrs[key].startswith(("data:", "#")):
                self.external.append(attrs[key])


def test_build_all_in_processes(folder, tmp_path):
    out = tmp_path / "out"
    result = run_cli("build", "--all", "--data", str(folder), "--out", str(out), "--jobs", "2")
    assert result.returncode == 1  # one document could not be built: the status says so
    assert "3 built, 0 up to date, 1 failed" in result.stderr
    assert re.search(r"failed: d-broken\.docx: .*not a (readable )?Word", result.stderr)
    folders = sorted(p.name for p in out.iterdir() if p.is_dir())
    assert "2562-04-soem-ngam" in folders and "2562-04-mae-tha" in folders and len(folders) == 3
    for name in folders:
        assert (out / name / "brief.html").exists()
        assert not [p for p in (out / name).iterdir() if p.name.startswith(".build-")]
    index = (out / "index.html").read_text(encoding="utf-8")
    parser = _Links()
    parser.feed(index)
    # the meeting's name and its HTML file link it; the site bar links the action register the batch wrote
    assert set(parser.links) == {f"{name}/brief.html" for name in folders} | {"actions.html"}
    assert (out / "actions.html").is_file()
    assert parser.external == [] and "<script>" in index and "aria-sort" in index
    assert "d-broken.docx" in index  # the failure is listed, not hidden
    again = run_cli("build", "--all", "--data", str(folder), "--out", str(out), "--jobs", "2")
    assert "0 built, 3 up to date, 1 failed" in again.stderr


def test_build_all_on_a_dask_cluster(folder, tmp_path):
    """A real scheduler and worker processes on 127.0.0.1; the client writes what the workers send back."""
    from distributed import LocalCluster

    good = tmp_path / "good"
    good.mkdir()
    for name in ("a-sample.txt", "c-gen.txt"):
        shutil.copy(folder / name, good / name)
    out = tmp_path / "out"
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", scheduler_port=0, dashboard_address=None
    ) as cluster:
        assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
        result = run_cli(
            "build", "--all", "--data", str(good), "--out", str(out), "--scheduler", cluster.scheduler_address
        )
    assert result.returncode == 0, result.stderr
    assert "2 built, 0 up to date, 0 failed" in result.stderr
    html = (out / "2562-04" / "brief.html").read_text(encoding="utf-8")
    assert "15,804,000 บาท" in html
    assert (out / "2562-04" / "brief.ipynb").exists() and (out / "index.html").exists()


def test_scheduler_that_is_not_there(folder, tmp_path):
    result = run_cli(
        "build", "--all", "--data", str(folder), "--out", str(tmp_path), "--scheduler", "tcp://127.0.0.1:9", timeout=120
    )
    assert result.returncode == 2 and "cannot reach the dask scheduler" in result.stderr


@pytest.mark.parametrize(
    "args, words",
    [
        (["build"], "give one of"),
        (["build", "4/2562", "--jobs", "2"], "go with --all"),
        (["build", "--all", "--jobs", "0"], "not a number"),
    ],
)
def test_batch_usage_errors(args, words):
    result = run_cli(*args)
    assert result.returncode == 2 and words in result.stderr and result.stderr.count("\n") == 1


def test_a_batch_brief_is_the_brief_built_alone(folder, tmp_path):
    """Each brief of `build --all --jobs 1` (one worker: its second and third briefs run in kernels
    started while the one before ran, exported by the same exporter) is byte for byte, HTML and
    notebook, the brief that document gives when built alone."""
    import os

    env = {**os.environ, "SOURCE_DATE_EPOCH": "1583020800"}
    batch = tmp_path / "batch"
    result = subprocess.run([*CLI, "build", "--all", "--data", str(folder), "--out", str(batch), "--jobs", "1"],
                            capture_output=True, text=True, timeout=900, env=env)  # fmt: skip
    assert "3 built" in result.stderr, result.stderr
    for name, batch_folder in (
        ("a-sample.txt", "2562-04-soem-ngam"),
        ("b-twin.txt", "2562-04-mae-tha"),
        ("c-gen.txt", None),
    ):
        alone = tmp_path / f"alone-{name}"
        single = subprocess.run(
            [*CLI, "build", str(folder / name), "--out", str(alone)],
            capture_output=True,
            text=True,
            timeout=600,
            env=env,
        )
        assert single.returncode == 0, single.stderr
        (made,) = [p for p in alone.iterdir() if p.is_dir()]
        theirs = batch / (batch_folder or made.name)
        for file in ("brief.html", "brief.ipynb"):
            batch_made = (theirs / file).read_text(encoding="utf-8")
            if (
                file == "brief.html"
            ):  # the batch then wrote the site's bar into it (site.link_pages): the rest is the same
                assert 'class="site"' in batch_made and "../index.html" in batch_made
                batch_made = site.with_bar(batch_made, site.BAR_START + site.BAR_END)
            assert batch_made == (made / file).read_text(encoding="utf-8"), (name, file)
    assert "เสริมงาม" in (batch / "2562-04-soem-ngam" / "brief.html").read_text(encoding="utf-8")


def test_a_write_up_with_no_number_fails_in_the_batch_in_the_command_lines_words(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "nonum.txt").write_text(
        "สรุปการประชุมประจำเดือน สำนักงานพัฒนาชุมชนอำเภอแม่ทะ\n"
        "วันที่ 16 พฤษภาคม 2567 ณ ห้องประชุมอำเภอแม่ทะ นายสมชาย ใจดี พัฒนาการอำเภอ เป็นประธาน\n"
        "1. กองทุนหมู่บ้าน ให้รายงานผล 12 กองทุน\n2. ผ้าไทย ให้แต่งกายผ้าไทย\n",
        encoding="utf-8",
    )
    result = run_cli("build", "--all", "--data", data, "--out", tmp_path / "out")
    assert result.returncode == 1
    failed = [line for line in result.stderr.splitlines() if "failed: nonum.txt" in line]
    assert len(failed) == 1 and "names no meeting number" in failed[0]
    assert failed[0].endswith("(build it alone with --meeting 4/2562)") and "set meeting" not in result.stderr
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "nonum.txt" in index and "names no meeting number" in index  # the shared page keeps the library's words


def test_a_batch_summary_says_a_failures_settings_in_the_front_ends_words():
    from pathlib import Path

    from cddbrief.batch import BatchResult, Outcome
    from cddbrief.errors import Setting

    result = BatchResult([Outcome(Path("a.txt"), "failed", why="no number: add it", settings=(Setting("meeting"),))])
    assert result.summary().splitlines()[1] == "  failed: a.txt: no number: add it (set meeting)"
    in_notebook_words = result.summary(lambda settings: "-p meeting ID")
    assert in_notebook_words.splitlines()[1] == "  failed: a.txt: no number: add it (-p meeting ID)"
