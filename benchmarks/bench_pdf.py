"""Seconds and peak memory to read a 20-page Thai PDF: cddbrief's reader (pypdfium2), and pdfplumber for comparison.

    PYTHONPATH=lib .venv/bin/python benchmarks/bench_pdf.py [OLD_LIB]

With OLD_LIB (the lib/ folder of another checkout, e.g. ``git worktree add --detach /tmp/pdf-ref main``)
the same PDF is read by this checkout's reader and the old one, in one run, and the ratio printed.

The PDF (WeasyPrint, Sarabun: numbered Thai points and a ruled table on every
page) is made first; each reader runs in a fresh process so peak memory
(ru_maxrss) is its own. Goal: 20 pages in at most 1 s and 300 MB.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

PAGE = (
    "<p>{n}. สำนักงานพัฒนาชุมชนจังหวัดดำเนินการคัดสรรสุดยอดหนึ่งตำบลหนึ่งผลิตภัณฑ์ งบประมาณทั้งสิ้น 15,804,000 บาท ร้อยละ 97.59%</p>\n"
    "<p>ประชุมวันที่ 22 - 23 เม.ย. 62 ให้จังหวัดรายงานผลภายในวันที่ 30 เม.ย. 62 น้ำท่วม ครั้งที่ 4/2562</p>\n"
    '<table>{rows}</table><p style="page-break-after: always">ข้อความหลังตาราง ทั้งสิ้น 76 จังหวัด</p>'
)
ROW = (
    "<tr><td>{k}</td><td>OTOP นวัตวิถี</td>"
    "<td>1. ให้จังหวัดตรวจสอบข้อมูล จปฐ. ทั้งสิ้น {k} ครัวเรือน<br>2. ดำเนินการให้แล้วเสร็จ</td><td>กำชับ</td></tr>"
)

RUN = {
    "cddbrief (pypdfium2)": (
        "from cddbrief.sources.pdf import read_pdf; doc = read_pdf(data, 'b.pdf', '0'); n = len(doc.blocks)"
    ),
    "pdfplumber (text + tables)": (
        "import pdfplumber, io\n"
        "with pdfplumber.open(io.BytesIO(data)) as pdf:\n"
        "    n = sum(len(p.extract_text() or '') + len(p.extract_tables()) for p in pdf.pages)"
    ),
}
CHILD = """
import resource, sys, time
data = open(sys.argv[1], 'rb').read()
t = time.perf_counter()
{code}
print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def make_pdf(path: Path, pages: int = 20) -> None:
    from weasyprint import HTML

    from cddbrief.fonts import font_path

    css = (
        f"@font-face {{ font-family: Sarabun; src: url('{font_path(400).as_uri()}'); }}"
        " body { font-family: Sarabun; font-size: 13pt; }\n"
        "    table { border-collapse: collapse; } td { border: 1px solid black; padding: 2px; }"
    )
    body = "".join(PAGE.format(n=n, rows="".join(ROW.format(k=k) for k in range(1, 8))) for n in range(1, pages + 1))
    HTML(string=f"<html><head><style>{css}</style></head><body>{body}</body></html>").write_pdf(path)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.pdf"
        make_pdf(path)
        import pypdfium2

        print(f"{len(pypdfium2.PdfDocument(str(path)))} pages, {path.stat().st_size / 1024:.0f} kB")
        runs = dict(RUN)
        if len(sys.argv) > 1:
            runs = {
                "cddbrief (this checkout)": RUN["cddbrief (pypdfium2)"],
                "cddbrief (OLD_LIB)": RUN["cddbrief (pypdfium2)"],
            }
        results = {}
        for _ in range(5):  # interleaved, best of five: load from other work falls on both
            for name, code in runs.items():
                env = dict(os.environ, PYTHONPATH=sys.argv[1]) if name.endswith("(OLD_LIB)") else None
                out = subprocess.run(
                    [sys.executable, "-c", CHILD.format(code=code), str(path)],
                    capture_output=True,
                    text=True,
                    check=True,
                    env=env,
                )
                seconds, megabytes = map(float, out.stdout.split())
                best = results.get(name)
                results[name] = (seconds, megabytes) if best is None or seconds < best[0] else best
        for name, best in results.items():
            print(f"{name:28s} {best[0]:6.2f} s per 20 pages   peak {best[1]:5.0f} MB (whole process)")
        if len(sys.argv) > 1:
            new, old = results.values()
            print(f"this checkout / OLD_LIB: {new[0] / old[0]:.2f}x time, {new[1] / old[1]:.2f}x peak memory")


if __name__ == "__main__":
    main()
