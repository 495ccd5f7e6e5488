"""Bad input, as data: what the command gets, and the words its one-line error must hold.

tests/test_reliability.py runs every case; tools/reliability_table.py writes the
table in docs/RELIABILITY.md from the same list, and a test keeps the two equal.
"""

from __future__ import annotations

import io
import os
import random
from pathlib import Path

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
    links = "".join(f"<li><a href='/{n}'>{w}</a></li>" for n, w in enumerate(["หน้าแรก", "ข่าวประชาสัมพันธ์", "ติดต่อเรา", "ดาวน์โหลด", "กระดานข่าว"]))
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>สำนักงานพัฒนาชุมชนอำเภอแม่ทะ</title></head><body>"
            f"<nav><ul>{links}</ul></nav><aside><h2>เรื่องล่าสุด</h2><ul><li><a href='/p1'>ประชุมประจำเดือน</a></li></ul></aside>"
            f"<footer>สงวนลิขสิทธิ์ 2564 สำนักงานพัฒนาชุมชนอำเภอแม่ทะ</footer></body></html>")
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
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream"]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 5\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


TABLE = "\tที่\n\tประเด็น\n\tข้อสั่งการ\n\tหมายเหตุ\n\n\t1\n\tOTOP\n\t1. ให้จังหวัดรายงานผล 5 กลุ่ม\n\t\n\n"

# (case, what the user gives, how it is made, words the one error line must hold)
CASES = [
    ("missing file", "missing.txt", lambda d: str(d / "missing.txt"), ["no such file"]),
    ("empty file", "empty.txt", lambda d: _write(d, "empty.txt", b""), ["is empty"]),
    ("a folder", "a directory", lambda d: str(d), ["is a folder"]),
    ("random bytes", "noise.txt", lambda d: _write(d, "noise.txt", random.Random(1).randbytes(4096)), ["not readable text"]),
    ("picture renamed .txt", "photo.txt (PNG)", lambda d: _write(d, "photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(200)), ["is a PNG picture"]),
    ("PDF renamed .txt", "minutes.txt (PDF)", lambda d: _write(d, "minutes.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"), ["is a PDF file"]),
    ("password-protected PDF", "locked.pdf", lambda d: _write(d, "locked.pdf", _pdf(encrypt=True)), ["password-protected", "without a password"]),
    ("truncated PDF", "cut.pdf", lambda d: _write(d, "cut.pdf", _pdf()[:600]), ["is a PDF file that cannot be read"]),
    (".docx that is not a zip", "fake.docx", lambda d: _write(d, "fake.docx", "สรุปการประชุม ครั้งที่ 4/2562"), ["not a Word .docx file"]),
    (".docx without a table", "notable.docx", lambda d: _write(d, "notable.docx", _docx(None)), ["no table of items, no numbered points"]),
    (".docx that unzips to 200 MB", "bomb.docx", lambda d: _write(d, "bomb.docx", _docx_bomb()), ["unzips to 201 MB", "far more than a meeting's Word file"]),
    (".docx with 25,000 table rows", "rows.docx", lambda d: _write(d, "rows.docx", _docx_rows(25_000)), ["more than 20,000 table rows"]),
    (".docx with no text", "blank.docx", lambda d: _write(d, "blank.docx", _docx(None, header=())), ["holds no text"]),
    ("text not in Thai", "english.txt", lambda d: _write(d, "english.txt", "Minutes of the meeting No. 4/2019\n\tNo\n\tTopic\n\tDirectives\n"), ["no Thai meeting summary"]),
    ("no header", "noheader.txt", lambda d: _write(d, "noheader.txt", TABLE), ["no meeting number", "--meeting"]),
    ("no meeting number", "nonumber.txt", lambda d: _write(d, "nonumber.txt", "สรุปการประชุมกรมการพัฒนาชุมชน\nสำนักงานพัฒนาชุมชนอำเภอแม่ทะ\n" + TABLE), ["no meeting number", "--meeting"]),
    ("a table of two columns", "twocol.docx", lambda d: _write(d, "twocol.docx", _docx([["ที่", "ประเด็น"], ["1", "OTOP"], ["2", "กองทุนหมู่บ้าน"]])), ["table of 2 columns"]),
    ("web page of menus only", "menus.html", lambda d: _write(d, "menus.html", _menu_page()), ["has no main text"]),
    ("web page with an empty body", "blank.html", lambda d: _write(d, "blank.html", "<!DOCTYPE html><html><head><title></title></head><body><script>alert(1)</script></body></html>"), ["holds no text"]),
    ("web page not in Thai", "english.html", lambda d: _write(d, "english.html", "<html><body><h1>Minutes 4/2019</h1><p>The province shall report.</p></body></html>"), ["no Thai meeting summary"]),
    ("web page with no points", "post.html", lambda d: _write(d, "post.html", "<html><head><meta charset='windows-874'></head><body><p>สรุปการประชุม ครั้งที่ 4/2562</p><p>ขอขอบคุณผู้เข้าร่วมประชุมทุกท่าน</p></body></html>".encode("cp874")), ["no table of items, no numbered points"]),
    ("a 50 MB file", "huge.txt", _big, ["too large"]),
    ("a web page of 120,000 paragraphs", "many.html", lambda d: _write(d, "many.html", "<html><body>" + "<p>ให้รายงาน</p>" * 120_000 + "</body></html>"), ["HTML elements, far more than a meeting's page"]),
    ("a named pipe", "pipe.txt (FIFO)", _fifo, ["is a named pipe (FIFO), not a document"]),
    ("a link to /dev/zero", "zero.txt → /dev/zero", _link_to_zero, ["is a device, not a document"]),
    ("id ../../etc/passwd", "../../etc/passwd", lambda d: "../../etc/passwd", ["passwd"]),
    ("id 2562-13", "2562-13", lambda d: "2562-13", ["no meeting 13/2562", "2562-04"]),
    ("id 0/2562", "0/2562", lambda d: "0/2562", ["no meeting number 0"]),
    ("id 9/2499", "9/2499", lambda d: "9/2499", ["2499"]),
    ("unknown meeting", "5/2562", lambda d: "5/2562", ["no meeting 5/2562", "meetings there: 2562-04"]),
    # --- PDF reader bounds (issue 21): refused before PDFium parses a page ---
    ("PDF whose page unpacks to 5 M drawn lines", "paths.pdf (140 kB → 70 MB)", lambda d: _write(d, "paths.pdf", _pdf_of_paths(5_000_000)),
     ["has a stream that unpacks to more than 8 MB of page content", "far more than a meeting summary"]),
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
    return _setting_file(folder, "plain.ipynb", json.dumps({"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))


def _lock_is_a_folder(folder: Path):
    (folder / "out" / "2562-04" / ".lock").mkdir(parents=True)
    return {}, _BUILD


def _dash_name(folder: Path):
    (folder / "work" / "-สรุป.txt").write_bytes(SAMPLE.read_bytes())
    return {}, ["build", "-สรุป.txt", "--out", "{out}"]


SETTINGS = [
    ("SOURCE_DATE_EPOCH=abc", "SOURCE_DATE_EPOCH=abc", lambda d: ({"SOURCE_DATE_EPOCH": "abc"}, _BUILD), ["SOURCE_DATE_EPOCH='abc' is not a number of seconds", "unset it"]),
    ("SOURCE_DATE_EPOCH=-1", "SOURCE_DATE_EPOCH=-1", lambda d: ({"SOURCE_DATE_EPOCH": "-1"}, _BUILD), ["SOURCE_DATE_EPOCH='-1' is not a number of seconds"]),
    ("CDDBRIEF_NOTEBOOK missing", "CDDBRIEF_NOTEBOOK=none.ipynb", lambda d: ({"CDDBRIEF_NOTEBOOK": str(d / "none.ipynb")}, _BUILD), ["none.ipynb is not there", "cell tagged 'parameters'"]),
    ("CDDBRIEF_NOTEBOOK not JSON", "CDDBRIEF_NOTEBOOK=notes.ipynb (text)", lambda d: ({"CDDBRIEF_NOTEBOOK": _setting_file(d, "notes.ipynb", "ไม่ใช่ JSON")}, _BUILD), ["is not a notebook (not JSON)"]),
    ("CDDBRIEF_NOTEBOOK without parameters", "CDDBRIEF_NOTEBOOK=plain.ipynb", lambda d: ({"CDDBRIEF_NOTEBOOK": _plain_notebook(d)}, _ALL), ["has no cell tagged 'parameters'"]),
    ("CDDBRIEF_CACHE is a file", "CDDBRIEF_CACHE=cache.txt", lambda d: ({"CDDBRIEF_CACHE": _setting_file(d, "cache.txt", "x")}, ["list", "--data", "{data}"]), ["is a file, not a folder", "CDDBRIEF_CACHE"]),
    ("--out inside the data folder", "--out raw/briefs", lambda d: ({}, ["build", "--all", "--data", "{data}", "--out", "{data}/briefs"]), ["is inside the data folder", "outside it"]),
    ("--out is a file", "--out notes.txt", lambda d: ({}, ["build", "2562-04", "--data", "{data}", "--out", _setting_file(d, "notes.txt", "x")]), ["cannot create the output folder", "it is a file", "--out DIR"]),
    # one more than the most allowed, never a huge number: were the check ever lost, a pool would start that many processes
    ("--jobs too many", "--jobs (the most allowed + 1)", lambda d: ({}, [*_ALL, "--jobs", str(max(64, 4 * (os.cpu_count() or 1)) + 1)]), ["is more processes than this machine can run"]),
    ("--scheduler ''", "--scheduler ''", lambda d: ({}, [*_ALL, "--scheduler", ""]), ["--scheduler is empty", "leave it out"]),
    ("--scheduler 'not a url'", "--scheduler 'not a url'", lambda d: ({}, [*_ALL, "--scheduler", "not a url"]), ["'not a url' is not a dask scheduler address", "tcp://HOST:PORT"]),
    ("--scheduler http://", "--scheduler http://127.0.0.1:8787", lambda d: ({}, [*_ALL, "--scheduler", "http://127.0.0.1:8787"]), ["is not a dask scheduler address"]),
    ("tls:// without certificates", "--scheduler tls://127.0.0.1:8786", lambda d: ({}, [*_ALL, "--scheduler", "tls://127.0.0.1:8786"]), ["no certificates are given", "--tls-ca-file"]),
    ("--tls-cert with tcp://", "--scheduler tcp://… --tls-cert me.pem", lambda d: ({}, [*_ALL, "--scheduler", "tcp://127.0.0.1:8786", "--tls-cert", "me.pem"]), ["go with a tls:// scheduler"]),
    ("--task-timeout 0", "--task-timeout 0", lambda d: ({}, [*_ALL, "--scheduler", "tcp://127.0.0.1:8786", "--task-timeout", "0"]), ["--task-timeout 0 is not a number of seconds"]),
    ("a .lock that is a folder", "OUT/2562-04/.lock/", _lock_is_a_folder, [".lock is a folder, where the build keeps its lock file"]),
    ("a file name starting with -", "build -สรุป.txt", _dash_name, ["'-สรุป.txt' was taken for an option", "-- -สรุป.txt"]),
]


def settings():
    return [dict(zip(("case", "given", "make", "words"), c)) for c in SETTINGS]


# --- faults of running: stops, folders that belong to one source, names, clusters (tests/test_faults.py) ---
# (fault, how it is made, what held, the test that proves it)

FAULTS = [
    ("SIGKILL to a batch", "`build --all --jobs 2` on 6 documents, killed once two kernels run", "every worker and kernel ends within seconds (workers: PR_SET_PDEATHSIG and a parent watchdog; each ends its kernel); the remaining briefs are not built", "test_faults.py::test_sigkill_of_a_batch_leaves_no_process"),
    ("SIGTERM to a batch", "the same, SIGTERM", "exit 143, one line `cddbrief: stopped (SIGTERM)`; no worker or kernel left; no `.build-*` or `.tmp` left", "test_faults.py::test_sigterm_of_a_batch_ends_workers_and_cleans_up"),
    ("Ctrl-C in a batch", "SIGINT to the whole process group, once two kernels run", "exit 130, stderr exactly `cddbrief: interrupted` (workers ignore SIGINT and are ended by the parent); nothing left running or half-written", "test_faults.py::test_ctrl_c_of_a_batch_says_one_line, test_reliability.py::test_an_interrupted_batch_leaves_no_partial_files"),
    ("a `.build-*` folder of a killed build", "`.build-PID-*` of an ended pid and of a running one", "the next build of that folder removes the dead one, keeps the live one", "test_faults.py::test_stale_build_folders_are_cleaned_and_live_ones_kept"),
    ("a single build killed by SIGKILL", "SIGKILL once its `.build-*` folder exists", "the next build succeeds and leaves no `.build-*`", "test_faults.py::test_a_killed_single_build_leaves_nothing_behind_the_next"),
    ("two offices' write-ups into one --out", "`build a.txt`, then `build b.txt` (same meeting, another office)", "the second: exit 2, one line naming both files and offices and `--office`; the first brief byte for byte as it was; with `--office` it goes to `…-<district>/`", "test_faults.py::test_another_office_is_not_built_over_the_first"),
    ("`--meeting` given to another meeting's document", "`build other.txt --meeting 4/2562` where 4/2562's brief exists", "exit 2 naming both documents and `--meeting 4/2562`; the brief untouched; the same document, edited, still rebuilds", "test_faults.py::test_meeting_option_cannot_overwrite_another_documents_brief"),
    ("one office, two documents of one meeting", "two different write-ups of 7/2563 from one office, one from another", "folders `2563-07-<district>-<sha256[:6]>`, built once each and up to date on the next run; `list` notes them (and `--json` names each one's twin); the id asks for a path, since `--office` cannot tell them apart", "test_faults.py::test_one_office_two_documents_of_one_meeting"),
    ("a file name that is not UTF-8", "a TIS-620 name (`\\xa1\\xd2\\xc3.txt`) beside a good file", "`build --all` fails it alone (`not valid UTF-8 … rename the file`), writes index.html with the name escaped, no `.tmp` left; `list` and `list --json` print valid UTF-8", "test_faults.py::test_file_names_that_are_not_utf8"),
    ("a port that is not a dask scheduler", "`--scheduler tcp://127.0.0.1:PORT`, a server that accepts and never answers", "exit 2 in about 5 s, one line (`did not answer as a dask scheduler within 5 s`)", "test_faults.py::test_a_port_that_is_not_a_dask_scheduler_fails_in_seconds"),
    ("the only dask worker vanishes mid-batch", "the worker removed while it runs a task", "the batch ends once the cluster has had no worker for the grace time (30 s; 3 s in the test): each brief not built is failed, saying to start `dask worker`", "test_faults.py::test_the_only_worker_vanishes_mid_batch"),
    ("a dask task that never ends", "a notebook whose cell sleeps 10 minutes, `task_timeout=1`", "the brief is failed (`took longer than 1 s on the cluster (--task-timeout)`); the client does not wait on it (default 900 s); the worker stops the cell at 1.5 × the timeout + 5 s and its kernel ends, so the worker is free again", "test_faults.py::test_a_task_that_runs_too_long_is_given_up"),
    ("a brief built on a dask cluster", "`build --all --scheduler` against a local build of the same folder", "the same bytes (HTML, notebook, manifest, owner); no worker path inside; the folder's lock taken; up to date on the next run, local or cluster", "test_faults.py::test_a_cluster_brief_is_a_local_brief"),
]


# --- PDF reader bounds (issue 21): each a test in tests/test_pdf.py; times measured before/after on one machine ---
FAULTS += [
    ("a fine ruled grid", "pages of 300 × 300 ruled cells (7 s a page before)", "a grid of more than 64 columns or 200 rows on a page (or more than 1,000,000 line crossings to try) is read as text with a note; 2 pages: 0.4 s (3.5 s before)", "test_pdf.py::test_a_fine_ruled_grid_is_read_as_text_with_a_note"),
    ("a page of drawn paths", "a page of more than 20,000 path objects", "read as text without looking for ruled tables, with a note", "test_pdf.py::test_a_page_of_too_many_paths_is_a_drawing"),
    ("a stream that unpacks to 9 M path objects", "a 240 kB PDF", "compressed streams (images and fonts aside) are unpacked in bounded steps before PDFium parses a page: one past 8 MB or all past 64 MB is one line; 0.05 s, 36 MB (19 s and 2.4 GB before)", "test_pdf.py::test_a_stream_that_unpacks_to_millions_of_paths_is_refused_before_parsing"),
    ("200 pages × 88,000 characters", "a 150 kB PDF", "more than 30,000 characters on a page or 500,000 in the document: one line; 0.2 s (more than 300 s before)", "test_pdf.py::test_a_document_past_the_character_budget_is_one_error"),
    ("a line of a letter and 99,000 tone marks; 24,000 `กิ ่` on a line", "text of one PDF line", "every repair one pass (marks look back at most 300 letters); 24,000 `กิ ่`: 0.1 s (42 s before)", "test_pdf.py::test_repairs_of_a_long_line_are_one_pass"),
    ("thousands of lone `1.` lines on a page", "list numbers drawn apart from their text", "more than 300 on a page are left where the PDF puts them, with a note (each would look at every line); 4,000 on a page: 1.6 s (123 s before)", "test_pdf.py::test_a_page_of_thousands_of_list_numbers_is_left_as_written"),
    ("200 blank scanned pages", "a PDF with no text layer, tesseract installed", "past 30 pages one line (`OCR reads at most 30`); blank pages are not sent to tesseract (noted); 5 pages: 0.3 s (5.6 s before)", "test_pdf.py::test_ocr_is_bounded_in_pages_and_pixels"),
    ("a 5000 × 5000 pt scanned page", "one blank page, tesseract installed", "rendered within 12 million pixels (a lower dpi, noted), not 21,000 px square; 0.2 s, 56 MB (39 s, 458 MB before)", "test_pdf.py::test_ocr_is_bounded_in_pages_and_pixels"),
    ("the title on every page", "`… ครั้งที่ 4/2562` at the top of every page", "kept once as the document's title (it was dropped as a running header and the write-up refused for no number)", "test_pdf.py::test_the_title_on_every_page_is_kept_once"),
    ("a ToUnicode map to U+D800", "a lone surrogate in the text layer", "read as U+FFFD with a warning note; `parse --json` writes UTF-8 (UnicodeEncodeError before)", "test_pdf.py::test_a_lone_surrogate_in_the_to_unicode_map_is_replaced_and_noted"),
]


def faults():
    return [dict(zip(("fault", "how", "held", "test"), c)) for c in FAULTS]
