"""Bad input, as data: what the command gets, and the words its one-line error must hold.

tests/test_reliability.py runs every case; tools/reliability_table.py writes the
table in docs/RELIABILITY.md from the same list, and a test keeps the two equal.
"""

from __future__ import annotations

import io
import os
import random
from pathlib import Path

from rawpdf import pdf_file  # tests/ is on the path here, as for every test module

SAMPLE = Path(__file__).parent / "data" / "000_624796c269e36bce.txt"


def _docx(rows: list[list[str]] | None, header=("สรุปการประชุม ครั้งที่ 4/2562", "สำนักงานพัฒนาชุมชนอำเภอแม่ทะ")) -> bytes:
    import docx

    document = docx.Document()
    for line in header:
        document.add_paragraph(line)
    if rows:
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _docx_bomb() -> bytes:
    """A 240 kB .docx whose one embedded part unzips to 200 MB."""
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(_docx(None)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for info in source.infolist():
            package.writestr(info, source.read(info))
        package.writestr("word/media/filler.bin", bytes(200 * 2**20))
    return out.getvalue()


def _docx_rows(count: int) -> bytes:
    """A .docx whose table has ``count`` rows (copied in the XML: python-docx would take minutes)."""
    import copy

    import docx

    document = docx.Document(io.BytesIO(_docx([["ที่", "ประเด็น", "ข้อสั่งการ"], ["1", "OTOP", "1. ให้รายงาน 5 กลุ่ม"]])))
    table = document.tables[0]._tbl
    row = table.tr_lst[-1]
    for _ in range(count - 2):
        table.append(copy.deepcopy(row))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _fifo(folder: Path) -> str:
    import os

    path = folder / "pipe.txt"
    os.mkfifo(path)
    return str(path)


def _link_to_zero(folder: Path) -> str:
    path = folder / "zero.txt"
    path.symlink_to("/dev/zero")
    return str(path)


def _write(folder: Path, name: str, data: bytes | str) -> str:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return str(path)


def _big(folder: Path) -> str:
    path = folder / "huge.txt"
    with path.open("wb") as fh:
        fh.write(SAMPLE.read_bytes())
        fh.seek(50 * 1024 * 1024)
        fh.write(b"\n")
    return str(path)


def _menu_page() -> str:
    """A saved web page that is only the site around a post: menu, sidebar, footer, no post."""
    links = "".join(
        f"<li><a href='/{n}'>{w}</a></li>"
        for n, w in enumerate(["หน้าแรก", "ข่าวประชาสัมพันธ์", "ติดต่อเรา", "ดาวน์โหลด", "กระดานข่าว"])
    )
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>สำนักงานพัฒนาชุมชนอำเภอแม่ทะ</title></head><body>"
        f"<nav><ul>{links}</ul></nav><aside><h2>เรื่องล่าสุด</h2><ul><li><a href='/p1'>ประชุมประจำเดือน</a></li></ul></aside>"
        f"<footer>สงวนลิขสิทธิ์ 2564 สำนักงานพัฒนาชุมชนอำเภอแม่ทะ</footer></body></html>"
    )


def _pdf(encrypt: bool = False) -> bytes:
    """A one-page Thai PDF made with WeasyPrint; with a password when asked (pypdf)."""
    from weasyprint import HTML

    data = HTML(string="<html><body><p>สรุปการประชุม ครั้งที่ 4/2562</p></body></html>").write_pdf()
    if not encrypt:
        return data
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt("secret", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _pdf_of_paths(count: int) -> bytes:
    """A PDF of a few hundred kB whose one page's content stream unpacks to ``count`` drawn lines (14 bytes each)."""
    import zlib

    content = zlib.compress(b"0 0 m 1 1 l S\n" * count, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    return pdf_file(objects)


TABLE = "\tที่\n\tประเด็น\n\tข้อสั่งการ\n\tหมายเหตุ\n\n\t1\n\tOTOP\n\t1. ให้จังหวัดรายงานผล 5 กลุ่ม\n\t\n\n"

# (case, what the user gives, how it is made, words the one error line must hold)
CASES = [
    ("missing file", "missing.txt", lambda d: str(d / "missing.txt"), ["no such file"]),
    ("empty file", "empty.txt", lambda d: _write(d, "empty.txt", b""), ["is empty"]),
    ("a folder", "a directory", lambda d: str(d), ["is a folder"]),
    (
        "random bytes",
        "noise.txt",
        lambda d: _write(d, "noise.txt", random.Random(1).randbytes(4096)),
        ["not readable text"],
    ),
    (
        "picture renamed .txt",
        "photo.txt (PNG)",
        lambda d: _write(d, "photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(200)),
        ["is a PNG picture"],
    ),
    (
        "PDF renamed .txt",
        "minutes.txt (PDF)",
        lambda d: _write(d, "minutes.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"),
        ["is a PDF file"],
    ),
    (
        "password-protected PDF",
        "locked.pdf",
        lambda d: _write(d, "locked.pdf", _pdf(encrypt=True)),
        ["password-protected", "without a password"],
    ),
    ("truncated PDF", "cut.pdf", lambda d: _write(d, "cut.pdf", _pdf()[:600]), ["is a PDF file that cannot be read"]),
    (
        ".docx that is not a zip",
        "fake.docx",
        lambda d: _write(d, "fake.docx", "สรุปการประชุม ครั้งที่ 4/2562"),
        ["not a Word .docx file"],
    ),
    (
        ".docx without a table",
        "notable.docx",
        lambda d: _write(d, "notable.docx", _docx(None)),
        ["no table of items, no numbered points"],
    ),
    (
        ".docx that unzips to 200 MB",
        "bomb.docx",
        lambda d: _write(d, "bomb.docx", _docx_bomb()),
        ["unzips to 201 MB", "far more than a meeting's Word file"],
    ),
    (
        ".docx with 25,000 table rows",
        "rows.docx",
        lambda d: _write(d, "rows.docx", _docx_rows(25_000)),
        ["more than 20,000 table rows"],
    ),
    (".docx with no text", "blank.docx", lambda d: _write(d, "blank.docx", _docx(None, header=())), ["holds no text"]),
    (
        "text not in Thai",
        "english.txt",
        lambda d: _write(d, "english.txt", "Minutes of the meeting No. 4/2019\n\tNo\n\tTopic\n\tDirectives\n"),
        ["no Thai meeting summary"],
    ),
    ("no header", "noheader.txt", lambda d: _write(d, "noheader.txt", TABLE), ["no meeting number", "--meeting"]),
    (
        "no meeting number",
        "nonumber.txt",
        lambda d: _write(d, "nonumber.txt", "สรุปการประชุมกรมการพัฒนาชุมชน\nสำนักงานพัฒนาชุมชนอำเภอแม่ทะ\n" + TABLE),
        ["no meeting number", "--meeting"],
    ),
    (
        "a table of two columns",
        "twocol.docx",
        lambda d: _write(d, "twocol.docx", _docx([["ที่", "ประเด็น"], ["1", "OTOP"], ["2", "กองทุนหมู่บ้าน"]])),
        ["table of 2 columns"],
    ),
    ("web page of menus only", "menus.html", lambda d: _write(d, "menus.html", _menu_page()), ["has no main text"]),
    (
        "web page with an empty body",
        "blank.html",
        lambda d: _write(
            d,
            "blank.html",
            "<!DOCTYPE html><html><head><title></title></head><body><script>alert(1)</script></body></html>",
        ),
        ["holds no text"],
    ),
    (
        "web page not in Thai",
        "english.html",
        lambda d: _write(
            d, "english.html", "<html><body><h1>Minutes 4/2019</h1><p>The province shall report.</p></body></html>"
        ),
        ["no Thai meeting summary"],
    ),
    (
        "web page with no points",
        "post.html",
        lambda d: _write(
            d,
            "post.html",
            (
                "<html><head><meta charset='windows-874'></head><body><p>สรุปการประชุม ครั้งที่ 4/2562</p>"
                "<p>ขอขอบคุณผู้เข้าร่วมประชุมทุกท่าน</p></body></html>"
            ).encode("cp874"),
        ),
        ["no table of items, no numbered points"],
    ),
    ("a 50 MB file", "huge.txt", _big, ["too large"]),
    (
        "a web page of 120,000 paragraphs",
        "many.html",
        lambda d: _write(d, "many.html", "<html><body>" + "<p>ให้รายงาน</p>" * 120_000 + "</body></html>"),
        ["HTML elements, far more than a meeting's page"],
    ),
    ("a named pipe", "pipe.txt (FIFO)", _fifo, ["is a named pipe (FIFO), not a document"]),
    ("a link to /dev/zero", "zero.txt → /dev/zero", _link_to_zero, ["is a device, not a document"]),
    ("id ../../etc/passwd", "../../etc/passwd", lambda d: "../../etc/passwd", ["passwd"]),
    ("id 2562-13", "2562-13", lambda d: "2562-13", ["no meeting 13/2562", "2562-04"]),
    ("id 0/2562", "0/2562", lambda d: "0/2562", ["no meeting number 0"]),
    ("id 9/2499", "9/2499", lambda d: "9/2499", ["2499"]),
    ("unknown meeting", "5/2562", lambda d: "5/2562", ["no meeting 5/2562", "meetings there: 2562-04"]),
    # --- PDF reader bounds (issue 21): refused before PDFium parses a page ---
    (
        "PDF whose page unpacks to 5 M drawn lines",
        "paths.pdf (140 kB → 70 MB)",
        lambda d: _write(d, "paths.pdf", _pdf_of_paths(5_000_000)),
        ["has a stream that unpacks to more than 8 MB of page content", "far more than a meeting summary"],
    ),
]


def cases():
    return [dict(zip(("case", "given", "make", "words"), c)) for c in CASES]


# --- settings, checked before any work (tests/test_faults.py) -----------------------------------
# Each case makes what it needs under the test's folder (``{tmp}``: raw/ holds the sample, out/ an
# empty output folder, work/ the working folder) and gives (environment, arguments).

_BUILD = ["build", "2562-04", "--data", "{data}", "--out", "{out}"]
_ALL = ["build", "--all", "--data", "{data}", "--out", "{out}"]


def _setting_file(folder: Path, name: str, text: str) -> str:
    (folder / name).write_text(text, encoding="utf-8")
    return str(folder / name)


def _plain_notebook(folder: Path) -> str:
    import json

    cell = {"cell_type": "code", "metadata": {}, "source": "print(1)", "outputs": [], "execution_count": None}
    return _setting_file(
        folder, "plain.ipynb", json.dumps({"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})
    )


def _lock_is_a_folder(folder: Path):
    (folder / "out" / "2562-04" / ".lock").mkdir(parents=True)
    return {}, _BUILD


def _dash_name(folder: Path):
    (folder / "work" / "-สรุป.txt").write_bytes(SAMPLE.read_bytes())
    return {}, ["build", "-สรุป.txt", "--out", "{out}"]


SETTINGS = [
    (
        "SOURCE_DATE_EPOCH=abc",
        "SOURCE_DATE_EPOCH=abc",
        lambda d: ({"SOURCE_DATE_EPOCH": "abc"}, _BUILD),
        ["SOURCE_DATE_EPOCH='abc' is not a number of seconds", "unset it"],
    ),
    (
        "SOURCE_DATE_EPOCH=-1",
        "SOURCE_DATE_EPOCH=-1",
        lambda d: ({"SOURCE_DATE_EPOCH": "-1"}, _BUILD),
        ["SOURCE_DATE_EPOCH='-1' is not a number of seconds"],
    ),
    (
        "CDDBRIEF_NOTEBOOK missing",
        "CDDBRIEF_NOTEBOOK=none.ipynb",
        lambda d: ({"CDDBRIEF_NOTEBOOK": str(d / "none.ipynb")}, _BUILD),
        ["none.ipynb is not there", "cell tagged 'parameters'"],
    ),
    (
        "CDDBRIEF_NOTEBOOK not JSON",
        "CDDBRIEF_NOTEBOOK=notes.ipynb (text)",
        lambda d: ({"CDDBRIEF_NOTEBOOK": _setting_file(d, "notes.ipynb", "ไม่ใช่ JSON")}, _BUILD),
        ["is not a notebook (not JSON)"],
    ),
    (
        "CDDBRIEF_NOTEBOOK without parameters",
        "CDDBRIEF_NOTEBOOK=plain.ipynb",
        lambda d: ({"CDDBRIEF_NOTEBOOK": _plain_notebook(d)}, _ALL),
        ["has no cell tagged 'parameters'"],
    ),
    (
        "CDDBRIEF_CACHE is a file",
        "CDDBRIEF_CACHE=cache.txt",
        lambda d: ({"CDDBRIEF_CACHE": _setting_file(d, "cache.txt", "x")}, ["list", "--data", "{data}"]),
        ["is a file, not a folder", "CDDBRIEF_CACHE"],
    ),
    (
        "--out inside the data folder",
        "--out raw/briefs",
        lambda d: ({}, ["build", "--all", "--data", "{data}", "--out", "{data}/briefs"]),
        ["is inside the data folder", "outside it"],
    ),
    (
        "--out is a file",
        "--out notes.txt",
        lambda d: ({}, ["build", "2562-04", "--data", "{data}", "--out", _setting_file(d, "notes.txt", "x")]),
        ["cannot create the output folder", "it is a file", "--out DIR"],
    ),
    # one more than the most allowed, never a huge number: were the check ever lost, a pool would start that many
    # processes
    (
        "--jobs too many",
        "--jobs (the most allowed + 1)",
        lambda d: ({}, [*_ALL, "--jobs", str(max(64, 4 * (os.cpu_count() or 1)) + 1)]),
        ["is more processes than this machine can run"],
    ),
    (
        "--scheduler ''",
        "--scheduler ''",
        lambda d: ({}, [*_ALL, "--scheduler", ""]),
        ["the scheduler address is empty", "leave it out", "--scheduler tcp://HOST:PORT, --tls-ca-file FILE"],
    ),
    (
        "--scheduler 'not a url'",
        "--scheduler 'not a url'",
        lambda d: ({}, [*_ALL, "--scheduler", "not a url"]),
        ["the scheduler address 'not a url' is not a dask scheduler's", "tcp://HOST:PORT"],
    ),
    (
        "--scheduler http://",
        "--scheduler http://127.0.0.1:8787",
        lambda d: ({}, [*_ALL, "--scheduler", "http://127.0.0.1:8787"]),
        ["is not a dask scheduler's"],
    ),
    (
        "tls:// without certificates",
        "--scheduler tls://127.0.0.1:8786",
        lambda d: ({}, [*_ALL, "--scheduler", "tls://127.0.0.1:8786"]),
        ["no certificates are given", "(--tls-ca-file FILE, --tls-cert FILE, --tls-key FILE)"],
    ),
    (
        "--tls-cert with tcp://",
        "--scheduler tcp://… --tls-cert me.pem",
        lambda d: ({}, [*_ALL, "--scheduler", "tcp://127.0.0.1:8786", "--tls-cert", "me.pem"]),
        ["go with a tls:// scheduler"],
    ),
    (
        "--task-timeout 0",
        "--task-timeout 0",
        lambda d: ({}, [*_ALL, "--scheduler", "tcp://127.0.0.1:8786", "--task-timeout", "0"]),
        ["--task-timeout 0 is not a number of seconds"],
    ),
    (
        "a .lock that is a folder",
        "OUT/2562-04/.lock/",
        _lock_is_a_folder,
        [".lock is a folder, where the build keeps its lock file"],
    ),
    (
        "a file name starting with -",
        "build -สรุป.txt",
        _dash_name,
        ["'-สรุป.txt' was taken for an option", "-- -สรุป.txt"],
    ),
]


def settings():
    return [dict(zip(("case", "given", "make", "words"), c)) for c in SETTINGS]


# --- faults of running: stops, folders that belong to one source, names, clusters (tests/test_faults.py) ---
# (fault, how it is made, what held, the test that proves it)

FAULTS = [
    (
        "SIGKILL to a batch",
        "`build --all --jobs 2` on 6 documents, killed once two kernels run",
        "every worker and kernel ends within seconds (workers: PR_SET_PDEATHSIG and a parent watchdog; "
        "each ends its kernel); the remaining briefs are not built",
        "test_faults.py::test_sigkill_of_a_batch_leaves_no_process",
    ),
    (
        "SIGTERM to a batch",
        "the same, SIGTERM",
        "exit 143, one line `cddbrief: stopped (SIGTERM)`; no worker or kernel left; no `.build-*` or `.tmp` left",
        "test_faults.py::test_sigterm_of_a_batch_ends_workers_and_cleans_up",
    ),
    (
        "Ctrl-C in a batch",
        "SIGINT to the whole process group, once two kernels run",
        "exit 130, stderr exactly `cddbrief: interrupted` (workers ignore SIGINT and are ended by the parent); "
        "nothing left running or half-written",
        "test_faults.py::test_ctrl_c_of_a_batch_says_one_line, "
        "test_reliability.py::test_an_interrupted_batch_leaves_no_partial_files",
    ),
    (
        "a `.build-*` folder of a killed build",
        "`.build-PID-*` of an ended pid and of a running one",
        "the next build of that folder removes the dead one, keeps the live one",
        "test_faults.py::test_stale_build_folders_are_cleaned_and_live_ones_kept",
    ),
    (
        "a single build killed by SIGKILL",
        "SIGKILL once its `.build-*` folder exists",
        "the next build succeeds and leaves no `.build-*`",
        "test_faults.py::test_a_killed_single_build_leaves_nothing_behind_the_next",
    ),
    (
        "two offices' write-ups into one --out",
        "`build a.txt`, then `build b.txt` (same meeting, another office)",
        "the second: exit 2, one line naming both files and offices and `--office`; "
        "the first brief byte for byte as it was; with `--office` it goes to `…-<district>/`",
        "test_faults.py::test_another_office_is_not_built_over_the_first",
    ),
    (
        "`--meeting` given to another meeting's document",
        "`build other.txt --meeting 4/2562` where 4/2562's brief exists",
        "exit 2 naming both documents and `--meeting 4/2562`; "
        "the brief untouched; the same document, edited, still rebuilds",
        "test_faults.py::test_meeting_option_cannot_overwrite_another_documents_brief",
    ),
    (
        "one office, two documents of one meeting",
        "two different write-ups of 7/2563 from one office, one from another",
        "folders `2563-07-<district>-<sha256[:6]>`, built once each and up to date on the next run; "
        "`list` notes them (and `--json` names each one's twin); "
        "the id asks for a path, since `--office` cannot tell them apart",
        "test_faults.py::test_one_office_two_documents_of_one_meeting",
    ),
    (
        "a file name that is not UTF-8",
        "a TIS-620 name (`\\xa1\\xd2\\xc3.txt`) beside a good file",
        "`build --all` fails it alone (`not valid UTF-8 … rename the file`), "
        "writes index.html with the name escaped, no `.tmp` left; `list` and `list --json` print valid UTF-8",
        "test_faults.py::test_file_names_that_are_not_utf8",
    ),
    (
        "a port that is not a dask scheduler",
        "`--scheduler tcp://127.0.0.1:PORT`, a server that accepts and never answers",
        "exit 2 in about 5 s, one line (`did not answer as a dask scheduler within 5 s`)",
        "test_faults.py::test_a_port_that_is_not_a_dask_scheduler_fails_in_seconds",
    ),
    (
        "the only dask worker vanishes mid-batch",
        "the worker removed while it runs a task",
        "the batch ends once the cluster has had no worker for the grace time (30 s; 3 s in the test): "
        "each brief not built is failed, saying to start `dask worker`",
        "test_faults.py::test_the_only_worker_vanishes_mid_batch",
    ),
    (
        "a dask task that never ends",
        "a notebook whose cell sleeps 10 minutes, `task_timeout=1`",
        "the brief is failed (`took longer than 1 s on the cluster (the task timeout)`); "
        "the client does not wait on it (default 900 s); "
        "the worker stops the cell at 1.5 × the timeout + 5 s and its kernel ends, so the worker is free again",
        "test_faults.py::test_a_task_that_runs_too_long_is_given_up",
    ),
    (
        "a brief built on a dask cluster",
        "`build --all --scheduler` against a local build of the same folder",
        "the same bytes (HTML, notebook, manifest, owner); no worker path inside; "
        "the folder's lock taken; up to date on the next run, local or cluster",
        "test_faults.py::test_a_cluster_brief_is_a_local_brief",
    ),
]


# --- PDF reader bounds (issue 21): each a test in tests/test_pdf.py; times measured before/after on one machine ---
FAULTS += [
    (
        "a fine ruled grid",
        "pages of 300 × 300 ruled cells (7 s a page before)",
        "a grid of more than 64 columns or 200 rows on a page (or more than 1,000,000 line crossings to try) "
        "is read as text with a note; 2 pages: 0.4 s (3.5 s before)",
        "test_pdf.py::test_a_fine_ruled_grid_is_read_as_text_with_a_note",
    ),
    (
        "a page of drawn paths",
        "a page of more than 20,000 path objects",
        "read as text without looking for ruled tables, with a note",
        "test_pdf.py::test_a_page_of_too_many_paths_is_a_drawing",
    ),
    (
        "a stream that unpacks to 9 M path objects",
        "a 240 kB PDF",
        "compressed streams (images and fonts aside) are unpacked in bounded steps before PDFium parses a page: "
        "one past 8 MB or all past 64 MB is one line; 0.05 s, 36 MB (19 s and 2.4 GB before)",
        "test_pdf.py::test_a_stream_that_unpacks_to_millions_of_paths_is_refused_before_parsing",
    ),
    (
        "200 pages × 88,000 characters",
        "a 150 kB PDF",
        "more than 30,000 characters on a page or 500,000 in the document: one line; 0.2 s (more than 300 s before)",
        "test_pdf.py::test_a_document_past_the_character_budget_is_one_error",
    ),
    (
        "a line of a letter and 99,000 tone marks; 24,000 `กิ ่` on a line",
        "text of one PDF line",
        "every repair one pass (marks look back at most 300 letters); 24,000 `กิ ่`: 0.1 s (42 s before)",
        "test_pdf.py::test_repairs_of_a_long_line_are_one_pass",
    ),
    (
        "thousands of lone `1.` lines on a page",
        "list numbers drawn apart from their text",
        "more than 300 on a page are left where the PDF puts them, "
        "with a note (each would look at every line); 4,000 on a page: 1.6 s (123 s before)",
        "test_pdf.py::test_a_page_of_thousands_of_list_numbers_is_left_as_written",
    ),
    (
        "200 blank scanned pages",
        "a PDF with no text layer, tesseract installed",
        "past 30 pages one line (`OCR reads at most 30`); "
        "blank pages are not sent to tesseract (noted); 5 pages: 0.3 s (5.6 s before)",
        "test_pdf.py::test_ocr_is_bounded_in_pages_and_pixels",
    ),
    (
        "a 5000 × 5000 pt scanned page",
        "one blank page, tesseract installed",
        "rendered within 12 million pixels (a lower dpi, noted), "
        "not 21,000 px square; 0.2 s, 56 MB (39 s, 458 MB before)",
        "test_pdf.py::test_ocr_is_bounded_in_pages_and_pixels",
    ),
    (
        "the title on every page",
        "`… ครั้งที่ 4/2562` at the top of every page",
        "kept once as the document's title (it was dropped as a running header and the write-up refused for no number)",
        "test_pdf.py::test_the_title_on_every_page_is_kept_once",
    ),
    (
        "a ToUnicode map to U+D800",
        "a lone surrogate in the text layer",
        "read as U+FFFD with a warning note; `parse --json` writes UTF-8 (UnicodeEncodeError before)",
        "test_pdf.py::test_a_lone_surrogate_in_the_to_unicode_map_is_replaced_and_noted",
    ),
]


def faults():
    return [dict(zip(("fault", "how", "held", "test"), c)) for c in FAULTS]


# --- round three (issue 21): inputs that made a reader unbounded, as data ----------------------------
# (engineer "pdf" keeps the PDF ones in a block of its own below or above this one)

HEAD = "สรุปการประชุม ครั้งที่ 4/2562 สำนักงานพัฒนาชุมชนอำเภอแม่ทะ"


def html_page(body: str, head: str = "<meta charset='utf-8'>") -> bytes:
    return f"<!DOCTYPE html><html><head>{head}</head><body><h1>{HEAD}</h1>{body}</body></html>".encode()


def punycode_page(size: int = 60_000) -> bytes:
    """A page that declares charset=punycode and is not UTF-8 (Thai in cp874), ending in a long run of
    ASCII after its last hyphen: what Python's punycode decoder takes quadratic time over."""
    body = "<p>" + "ให้รายงานผล 5 กลุ่ม " * 3 + "</p>" + "<p>-" + "ab" * (size // 2) + "</p>"
    return f"<html><head><meta charset='punycode'></head><body><h1>{HEAD}</h1>{body}</body></html>".encode("cp874")


def huge_roman_list() -> bytes:
    return html_page("<ol type='i' start='9999999999999'><li>ให้จังหวัดรายงานผล 5 กลุ่ม</li><li>ให้อำเภอติดตาม</li></ol>")


def link_paragraphs(count: int) -> bytes:
    links = "".join(f"<p><a href='/n/{n}'>ข่าวที่ {n}</a></p>" for n in range(count))
    return html_page(f"<div class='post'><p>1. ให้จังหวัดรายงานผล 5 กลุ่ม ภายใน 25 เม.ย. 62</p></div>{links}")


def spanning_rows(count: int = 900) -> bytes:
    rows = "".join("<tr><td rowspan='65534' colspan='1000'>ให้รายงาน</td></tr>" for _ in range(count))
    return html_page(f"<table><tr><th>ที่</th><th>ประเด็น</th><th>ข้อสั่งการ</th></tr>{rows}</table>")


def docx_numbered(
    levels: list[tuple[str, str, int]], paragraphs: list[tuple[int, str]], grid_span: int | None = None
) -> bytes:
    """A .docx whose list ``1`` has the given levels ((numFmt, lvlText, start), level 0 first, written as ilvl
    0, 1, …) and paragraphs ((ilvl, text)) numbered by it; ``grid_span``: a table whose one cell spans that many."""
    import copy

    import docx
    from docx.oxml import parse_xml

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    document = docx.Document()
    document.add_paragraph(HEAD)
    numbering = document.part.numbering_part.element
    lvls = "".join(
        f"<w:lvl w:ilvl='{n}'><w:start w:val='{start}'/><w:numFmt w:val='{fmt}'/><w:lvlText w:val='{text}'/></w:lvl>"
        for n, (fmt, text, start) in enumerate(levels)
    )
    numbering.append(parse_xml(f"<w:abstractNum xmlns:w='{w}' w:abstractNumId='77'>{lvls}</w:abstractNum>"))
    numbering.append(parse_xml(f"<w:num xmlns:w='{w}' w:numId='77'><w:abstractNumId w:val='77'/></w:num>"))
    template = None
    for ilvl, text in paragraphs:
        if template is None:
            paragraph = document.add_paragraph(text)
            paragraph._p.get_or_add_pPr().append(
                parse_xml(f"<w:numPr xmlns:w='{w}'><w:ilvl w:val='{ilvl}'/><w:numId w:val='77'/></w:numPr>")
            )
            template = paragraph._p
        else:
            p = copy.deepcopy(template)
            p.find(f"{{{w}}}pPr/{{{w}}}numPr/{{{w}}}ilvl").set(f"{{{w}}}val", str(ilvl))
            p.find(f"{{{w}}}r/{{{w}}}t").text = text
            document.element.body.insert(len(document.element.body) - 1, p)
    if grid_span is not None:
        table = document.add_table(rows=2, cols=3)
        for c, text in enumerate(("ที่", "ประเด็น", "ข้อสั่งการ")):
            table.cell(0, c).text = text
        table.cell(1, 0).text = "1. ให้รายงาน 5 กลุ่ม"
        tc = table.rows[1]._tr.tc_lst[0]
        tc.get_or_add_tcPr().append(parse_xml(f"<w:gridSpan xmlns:w='{w}' w:val='{grid_span}'/>"))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def docx_text_bomb(megabytes: int = 60) -> bytes:
    """A small .docx whose document.xml unzips to ``megabytes`` MB of text (one long paragraph repeated)."""
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(_docx(None)))
    paragraph = "<w:p><w:r><w:t>" + "ให้รายงาน " * 2000 + "</w:t></w:r></w:p>"
    body = paragraph * max(1, megabytes * 2**20 // len(paragraph.encode()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b"<w:sectPr", body.encode() + b"<w:sectPr", 1)  # after the heading
            package.writestr(info.filename, data)
    return out.getvalue()


CASES += [  # noqa: F821 - appended here, in this round's block
    (
        ".docx whose text unzips to 60 MB",
        "text-bomb.docx (206 kB)",
        lambda d: _write(d, "text-bomb.docx", docx_text_bomb(60)),
        ["text unzips to", "far more than a meeting's Word file"],
    ),
]

FAULTS += [  # noqa: F821
    (
        "damaged manifests",
        "`.brief.json` and `.source.json` holding a list, 100,000 nested brackets, wrong types, "
        "a JSON string, names outside the folder (`/etc/passwd`, `../x.pdf`), or cut short",
        "each is read as untrusted (a regular file, ≤ 1 MB, a JSON object of the right types, "
        "plain file names) and counts as none: the brief is built again and the manifests written anew; "
        "an owner is taken from the brief manifests when `.source.json` is damaged; no internal error",
        "test_faults.py::test_damaged_manifests_count_as_none_and_are_written_anew",
    ),
    (
        "a temp folder with an impossible pid",
        "`.build-99999999999999999999-x`, `.build-0-x`",
        "removed by the next build (a pid past Linux's pid_max, or 0, is no process); no OverflowError",
        "test_faults.py::test_a_stale_temp_folder_with_an_impossible_pid_is_removed",
    ),
    (
        "forged index rows",
        "`.index.html.json` rows with folder `javascript:alert(1)`, `../elsewhere` or `/` and id `**/*`",
        "every row checked (types, a plain folder name, an id like `2562-04`); when any fails, "
        "the rows are rebuilt from the brief folders of OUT and their manifests; "
        "links are percent-encoded relative paths of files the build made; "
        'no `href="javascript:…"`, nothing outside OUT globbed or linked',
        "test_faults.py::test_forged_index_rows_make_no_live_link_and_walk_no_other_folder",
    ),
    (
        "a brief folder that is a link",
        "`OUT/2562-04` a symlink to the data folder",
        "exit 2, one line (`is a link to …, outside OUT`, and `--out DIR` to give another); "
        "nothing written into the data folder (a link within OUT is followed; the source's own folder is refused too)",
        "test_faults.py::test_an_output_folder_that_is_a_link_out_of_out_is_refused",
    ),
    (
        "a disk that fills while `.brief.json` is written",
        "ENOSPC on the manifest's temporary file, after a part of it is written",
        "exit 2, one line (`No space left on device`); "
        "the manifest is written in full before any file is renamed into place, "
        "so the old brief, notebook and manifest stay byte for byte; no `.tmp`, no `.build-*` left",
        "test_reliability.py::test_a_disk_that_fills_while_the_manifest_is_written",
    ),
    (
        "SIGKILL to one worker of a batch",
        "`build --all --jobs 2` on 6 documents; SIGKILL to the worker whose `.build-PID-*` folder exists",
        "that worker's document fails (`its build process died … while it built this brief`); "
        "the brief the other worker was making and the rest are built on a new pool: "
        "`5 built, 0 up to date, 1 failed`; no process, `.build-*` or `.tmp` left",
        "test_faults.py::test_a_worker_killed_mid_batch_fails_only_the_brief_it_held",
    ),
    (
        "a dask scheduler that stops answering",
        "SIGSTOP to a `dask scheduler` process on 127.0.0.1 once a brief runs on its worker, `task_timeout=10`",
        "every question to the scheduler has a deadline; "
        "once it has not answered for the task timeout the briefs still pending fail with one "
        "line (`the dask scheduler at … stopped answering … (the task timeout)`); the client returns",
        "test_faults.py::test_a_scheduler_that_stops_answering_hits_the_task_timeout",
    ),
    (
        "file names with line ends",
        "`x\\n  failed: forged.txt`, `y\\rz.txt`",
        "shown escaped (`x\\\\n  failed: …`) in the one-line error, "
        "the batch summary and the build lines (`errors.one_line`, behind `shown`); no forged summary line",
        "test_faults.py::test_file_names_with_line_ends_are_shown_escaped",
    ),
]

# --- readers bounded (issue 21): what each input cost before and after, measured once (/usr/bin/time -v) -----
# (input, before: time and peak memory, now, the test)
# "stopped": still running after 120 s, or past a 6 GB address-space limit; the tests assert on what is read, never on
# time
BOUNDED = [
    (
        "HTML declaring `charset=punycode`, not UTF-8, 40,000 ASCII characters after a hyphen (41 kB)",
        "3.5 s, 25 MB (quadratic: twice the text, four times the time)",
        "0.5 s, 27 MB: charsets limited to the web's text encodings, the page read as cp874 with a note",
        "test_robustness.py::test_a_charset_that_is_no_text_encoding_is_not_used",
    ),
    (
        "`<ol type=i start=9999999999999>`",
        "stopped (a Roman numeral of 10¹⁰ letters)",
        "0.45 s, 26 MB: past 3,999 in digits (as browsers do), with a note",
        "test_robustness.py::test_a_huge_roman_list_start_is_written_in_digits_with_a_note",
    ),
    (
        "Word lowerRoman list starting at 10¹⁵",
        "stopped",
        "0.26 s, 33 MB: in digits, with a note",
        "test_robustness.py::test_a_huge_word_roman_start_is_written_in_digits_with_a_note",
    ),
    (
        "a web post and 30,000 link-only paragraphs (1.7 MB)",
        "stopped (each box looked back at every box dropped before)",
        "3.3 s, 55 MB: one walk; the work counted grows linearly",
        "test_robustness.py::test_link_only_paragraphs_are_removed_in_linear_work",
    ),
    (
        "900 rows of `<td rowspan=65534 colspan=1000>` (69 kB)",
        "7.2 s, 175 MB",
        "0.33 s, 29 MB: rowspans cut to the rows left, colspans and covered places to the widest row, with a note",
        "test_robustness.py::test_html_spans_are_clamped_to_the_table",
    ),
    (
        "Word `w:ilvl` 1,500,000,000 (and -1: IndexError)",
        "stopped (a counter per level)",
        "0.10 s, 33 MB: levels outside Word's 0-8 read as the nearest, with a note",
        "test_robustness.py::test_word_list_levels_outside_words_range",
    ),
    (
        "a 500 kB `lvlText` on 20,000 paragraphs (95 kB .docx)",
        "MemoryError at 32 s, 5.9 GB",
        "1.0 s, 109 MB: a pattern past 64 characters read as `%N.`, with a note",
        "test_robustness.py::test_a_huge_word_level_text_is_not_repeated",
    ),
    (
        "Word `w:gridSpan` 200,000,000",
        "stopped (python-docx makes a cell per column spanned)",
        "0.08 s, 33 MB: spans cut to Word's 63 columns in the XML first, with a note",
        "test_robustness.py::test_a_huge_word_grid_span_is_clamped_to_words_63_columns",
    ),
    (
        "a 206 kB .docx whose text unzips to 61 MB",
        "28 s, 161 MB to read and parse (a whole build: > 150 s, 2.3 GB)",
        "0.08 s, 19 MB: refused in one line, XML parts limited to 16 MB",
        "test_robustness.py::test_a_docx_whose_text_unzips_to_60_mb_is_refused",
    ),
    (
        "60,000 stray tone marks, each before a 40-letter word (2.5 MB of text)",
        "110 s (each note copied the rest of the text)",
        "0.29 s: the word quoted is at most 40 characters, found where the mark is",
        "test_robustness.py::test_stray_marks_quote_a_bounded_excerpt",
    ),
    (
        "`วันที่ 22 เมษายน 10543`",
        "read as 22 Apr 2019 (the meeting's year) with no word of the year written",
        "no date; a warning: the year 10543 cannot be meant",
        "test_robustness.py::test_an_impossible_year_is_a_note_not_a_date",
    ),
]


def bounded():
    return [dict(zip(("input", "before", "now", "test"), c)) for c in BOUNDED]
