"""The analysts' notebooks: explore.ipynb top to bottom in a clean kernel, and the trends page."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import docgen
import nbformat
import pytest
from conftest import SAMPLE, run_cli

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    data = tmp_path_factory.mktemp("raw")
    shutil.copy(SAMPLE, data / SAMPLE.name)
    for meeting in docgen.office_series():
        (data / f"pasang-{meeting.number}.txt").write_text(docgen.render_dump(meeting), encoding="utf-8")
    return data


def _outputs(nb: dict) -> str:
    parts = []
    for cell in nb["cells"]:
        for out in cell.get("outputs", []):
            parts.append("".join(out.get("text", "")))
            for kind in ("text/plain", "text/html"):
                parts.append("".join(out.get("data", {}).get(kind, "")))
    return "\n".join(parts)


def test_explore_runs_top_to_bottom_and_answers(folder, tmp_path):
    papermill = Path(sys.executable).parent / "papermill"
    out = tmp_path / "explore.ipynb"
    result = subprocess.run(
        [str(papermill), "notebooks/explore.ipynb", str(out),
         "-p", "data_dir", str(folder), "-p", "as_of", "2020-03-10", "--no-progress-bar"],
        capture_output=True, text=True, timeout=600, cwd=ROOT,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    text = _outputs(json.loads(out.read_text(encoding="utf-8")))
    assert "from 2020-03-10" in text
    assert "ให้จังหวัดรายงานผลการตรวจสอบกองทุนหมู่บ้าน" in text  # deadlines 15, 22, 29 มี.ค. 63 fall in the 30 days
    assert "15804000" in text.replace(",", "")  # every baht figure by topic
    assert "ขอให้ทุกจังหวัดรณรงค์การแต่งกายผ้าไทย" in text  # directives asking provinces to act
    assert "0 failing of 4 checks" in text


def test_queries(folder):
    import cddbrief
    from cddbrief import queries

    f = cddbrief.load_corpus(folder)
    soon = queries.deadlines_within(f, "2020-03-10", 14)
    assert [d.day for d in soon["start"]] == [15, 22]
    assert queries.deadlines_within(f, "2019-04-20", 5)["surface"].tolist() == ["22 - 23 เม.ย. 62", "24 เม.ย. 62"]
    by_topic, rows = queries.figures_in(f, "บาท")
    assert by_topic.loc["การบริหารงาน บริหารคน", "sum"] == 15804000  # หมู่บ้านละ 18,000 บาท is a rate: never added
    assert by_topic.loc["การบริหารงาน บริหารคน", "rates"] == 1
    asked = queries.asking(f, "จังหวัด")
    assert "ขอให้ทุกจังหวัดรณรงค์การแต่งกายผ้าไทย" in asked["text"].tolist()
    assert queries.failing_checks(f).empty


def test_trends_page(folder, tmp_path):
    result = run_cli("build", "--trends", "--data", folder, "--out", tmp_path, "--format", "html,pdf")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "trends.html").read_text(encoding="utf-8")
    assert "81.25%" in html and "90.50%" in html and "97.10%" in html  # one figure followed over meetings
    assert "3/2563 → 4/2563" in html and "15 มี.ค. 2563" in html and "22 มี.ค. 2563" in html  # a deadline that moved
    assert "ผ้าไทยใส่ให้สนุก" in html  # new, then dropped
    assert 'src="http' not in html and "<link" not in html
    assert (tmp_path / "trends.pdf").stat().st_size > 10_000
    again = run_cli("build", "--trends", "--data", folder, "--out", tmp_path, "--format", "html,pdf")
    assert "up to date" in again.stderr


def test_trend_functions(folder):
    import cddbrief
    from cddbrief.register import writeups_in
    from cddbrief.trends import directives_per_topic, figure_series, moved_deadlines, topic_changes

    f = cddbrief.load_corpus(folder)
    series = figure_series(f)
    rate = series[(series["topic"] == "จปฐ.") & (series["entity"] == "ลำพูน")]
    assert rate["value"].tolist() == [
        81.25,
        90.5,
        97.1,
    ]  # ป่าซาง's series: the sample's 97.59 is another office's (issue 19)
    table = directives_per_topic(f)
    assert table.loc[("สำนักงานพัฒนาชุมชนอำเภอป่าซาง", "กองทุนหมู่บ้าน")].tolist()[1:] == [1, 1, 1]
    changes = [c for c in topic_changes(f) if c["office"].endswith("ป่าซาง")]
    assert [(c["new"], c["dropped"]) for c in changes] == [(["ผ้าไทยใส่ให้สนุก"], []), ([], ["ผ้าไทยใส่ให้สนุก"])]
    writeups = writeups_in(folder)[0]  # the moved deadlines are the action register's (issue 22)
    moved = [(m["from"].day, m["to"].day) for m in moved_deadlines(writeups) if m["office"].endswith("ป่าซาง")]
    assert moved == [(15, 22), (22, 29)]


def test_the_briefing_notebook_counts_from_a_day_given_with_as_of(tmp_path):
    """`papermill … -p as_of 2019-04-20`: the brief says it counts deadlines from that day."""
    import papermill

    from cddbrief.notebooks import path

    out = tmp_path / "out.ipynb"
    papermill.execute_notebook(str(path("briefing")), str(out),
                               parameters={"source": str(SAMPLE), "as_of": "2019-04-20"},
                               cwd=str(tmp_path), progress_bar=False, kernel_name="python3")  # fmt: skip
    html = "".join(
        o.get("data", {}).get("text/html", "")
        for c in nbformat.read(out, as_version=4).cells
        for o in c.get("outputs", [])
    )
    assert "20 เม.ย. 2562" in html


@pytest.mark.parametrize("parameters, kind, said", [
    ({"meeting": "5/2562"}, "UnknownMeeting",
     "give one of those ids, or the folder that holds the meeting (-p source FILE, -p data_dir DIR; "
     "in Jupyter: set source and data_dir in the parameters cell)"),
    ({"meeting": "4/2562", "as_of": "2562-04-20"}, "BadSetting",
     "write the Gregorian year (-p as_of 2019-04-20; in Jupyter: set as_of in the parameters cell)"),
    ({"source": "ไม่มี.txt"}, "UnreadableSource",
     "no such file: ไม่มี.txt: check the path, or give a meeting id "
     "(-p source 4/2562; in Jupyter: set source in the parameters cell)"),
])  # fmt: skip
def test_the_briefing_notebook_says_what_to_set_in_its_parameters(parameters, kind, said, folder, tmp_path):
    """A bad parameter fails the notebook with the error's own kind, and its line names the parameter to set
    (``-p data_dir DIR``), never the command line's option (``--data DIR``)."""
    import papermill

    from cddbrief.notebooks import path

    with pytest.raises(papermill.PapermillExecutionError) as raised:
        papermill.execute_notebook(str(path("briefing")), str(tmp_path / "out.ipynb"),
                                   parameters={**parameters, "data_dir": str(folder)}, cwd=str(tmp_path),
                                   progress_bar=False, kernel_name="python3")  # fmt: skip
    assert raised.value.ename == kind and raised.value.evalue.endswith(said), raised.value.evalue
    assert "--" not in raised.value.evalue and "\n" not in raised.value.evalue


# --- all three notebooks on the project's kernel -------------------------------------------------------

KERNEL_CONFIG = {
    "KernelManager": {"transport_encryption": "auto"},
    "AsyncKernelManager": {"transport_encryption": "auto"},
}


def _project_kernel() -> None:
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        KernelSpecManager().get_kernel_spec("cddbrief")
    except NoSuchKernel:
        pytest.skip("the project's kernel 'cddbrief' is not installed: run make setup")


@pytest.mark.parametrize("name", ["briefing", "trends", "explore"])
def test_every_notebook_names_the_project_kernel_and_runs_on_it(name, folder, tmp_path, capfd):
    """Each notebook opens on the kernel `make setup` installs ("Python 3 (cddbrief)"), runs top to
    bottom on it, and the kernel's traffic is encrypted (no "without encryption" warning)."""
    import papermill
    from traitlets.config import Config

    notebook = ROOT / "notebooks" / f"{name}.ipynb"
    spec = json.loads(notebook.read_text(encoding="utf-8"))["metadata"]["kernelspec"]
    assert spec["name"] == "cddbrief" and spec["display_name"] == "Python 3 (cddbrief)"
    assert spec["display_name"] in (ROOT / "Makefile").read_text(
        encoding="utf-8"
    )  # the name the Makefile installs it under
    _project_kernel()
    parameters = {"data_dir": str(folder)} if name != "briefing" else {"source": str(SAMPLE)}
    if name == "explore":
        parameters["as_of"] = "2020-03-10"
    out = tmp_path / f"{name}.ipynb"
    papermill.execute_notebook(str(notebook), str(out), parameters=parameters, cwd=str(tmp_path), progress_bar=False,
                               config=Config(KERNEL_CONFIG))  # fmt: skip
    nb = nbformat.read(out, as_version=4)
    assert nb.metadata["kernelspec"]["name"] == "cddbrief"
    assert not [c for c in nb.cells if any(o.get("output_type") == "error" for o in c.get("outputs", []))]
    assert "without encryption" not in capfd.readouterr().err


def test_explore_shows_charts_readable_tables_and_headings_that_say_what_they_mean(folder, tmp_path):
    import papermill
    from traitlets.config import Config

    _project_kernel()
    out = tmp_path / "explore.ipynb"
    papermill.execute_notebook(str(ROOT / "notebooks" / "explore.ipynb"), str(out),
                               parameters={"data_dir": str(folder), "as_of": "2020-03-10"},
                               cwd=str(tmp_path), progress_bar=False, config=Config(KERNEL_CONFIG))  # fmt: skip
    nb = nbformat.read(out, as_version=4)
    outputs = [o for c in nb.cells for o in c.get("outputs", [])]
    pictures = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(pictures) >= 3  # figures by topic, deadlines per month, directives per office
    html = "".join(o.get("data", {}).get("text/html", "") for o in outputs)
    assert "15,804,000" in html and "15804000.0" not in html and "15804000" not in html  # thousands separators, no .0
    assert "text-align: left" in html  # Thai text left-aligned
    sources = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert "`days`" not in sources  # no heading names a parameter instead of its value
    shown = "".join(o.get("data", {}).get("text/markdown", "") for o in outputs)
    assert "## Deadlines from 10 Mar 2020 to 09 Apr 2020" in shown and "## Every figure in บาท, by topic" in shown
    # the project's template keeps the markdown of a notebook that is not a brief, and drops a brief's notes for
    # analysts
    from cddbrief.render import export_html

    page = export_html(nb, {"lang": "th", "title": "explore", "running": "explore"})
    assert "The frames" in page and "What the reader repaired or inferred" in page
    brief = nbformat.read(ROOT / "notebooks" / "briefing.ipynb", as_version=4)
    assert "Parameterised" not in export_html(brief, {"lang": "th", "title": "b", "running": "b"})
