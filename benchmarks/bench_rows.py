"""Peak memory of ``cddbrief build`` of a Word table of 100, 300 and 1,000 rows (issue 21).

    PYTHONPATH=lib .venv/bin/python benchmarks/bench_rows.py [--rows 100,300,1000] [--format html] [--before LIB]

For each size it writes a .docx of one four-column table (ที่ | ประเด็น | ข้อสั่งการ | หมายเหตุ, python-docx),
one row per topic with two or three directives carrying figures and dates, then runs ``cddbrief build`` on
it in a child process, reading every process's resident memory from /proc while the build runs: the
largest process below the build (its kernel, or a drawing child) and the whole tree at one look (the
build, its kernel and the kernel's children). Prints, per size, wall seconds, those two peaks, and MB per row
between sizes (memory should grow linearly: about the same MB per row from 100 to 300 as from 300 to
1,000). ``--before LIB`` builds the same files with another checkout's lib in the same run.
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOPICS = [
    "กองทุนหมู่บ้าน", "โครงการโคก หนอง นา", "ผ้าไทยใส่ให้สนุก", "การเบิกจ่ายงบประมาณ", "ข้อมูลความจำเป็นพื้นฐาน",
    "ศูนย์เรียนรู้ชุมชน", "กลุ่มออมทรัพย์เพื่อการผลิต", "วิสาหกิจชุมชน", "ครัวเรือนยากจน", "การพัฒนาผู้นำชุมชน",
]  # fmt: skip
MONTHS = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]


def table_docx(rows: int) -> bytes:
    """A meeting summary whose table has ``rows`` topics, each with figures and a dated directive."""
    import docx

    document = docx.Document()
    document.add_paragraph("สรุปสาระสำคัญการประชุมกรมการพัฒนาชุมชน ผ่านระบบ TV พช.")
    document.add_paragraph("ครั้งที่ 4/2562 วันที่ 9 เมษายน 2562")
    document.add_paragraph("สำนักงานพัฒนาชุมชนอำเภอแม่ทะ")
    table = document.add_table(rows=1, cols=4)
    for cell, text in zip(table.rows[0].cells, ["ที่", "ประเด็น", "ข้อสั่งการ", "หมายเหตุ"]):
        cell.text = text
    for no in range(1, rows + 1):
        cells = table.add_row().cells
        cells[0].text = str(no)
        cells[1].text = f"{TOPICS[no % len(TOPICS)]} ตำบลที่ {no}"
        whole = 1000 + 37 * no
        part = whole - no % 500
        directives = [
            f"1. เป้าหมาย {whole:,} ครัวเรือน จัดเก็บได้ {part:,} ครัวเรือน คิดเป็นร้อยละ {part / whole * 100:.2f}",
            f"2. ให้อำเภอรายงานผลภายในวันที่ {1 + no % 28} {MONTHS[no % 12]} 62",
        ]
        if no % 3 == 0:
            directives.append(f"3. งบประมาณ {no * 1000:,} บาท")
        cells[2].text = "\n".join(directives)
        cells[3].text = "กลุ่มงานส่งเสริมฯ" if no % 4 == 0 else ""
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _tree(root: int) -> list[int]:
    """``root`` and every process below it (Linux /proc)."""
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as fh:
                    stat = fh.read()
            except OSError:
                continue
            parents.setdefault(int(stat[stat.rfind(b")") + 2 :].split()[1]), []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(parents.get(pid, []))
    return found


def build(path: Path, out: Path, formats: str, lib: str) -> dict:
    """Run one build; its wall seconds and peaks in MB: ``kernel`` (the largest process below the build),
    ``total`` (the most the whole tree held at one look, every 0.05 s)."""
    env = {**os.environ, "PYTHONPATH": lib}
    cmd = [sys.executable, "-m", "cddbrief.cli", "build", str(path), "--format", formats, "--out", str(out), "--force"]
    started = time.perf_counter()
    process = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peaks = {"kernel": 0, "total": 0}

    def watch():
        while process.poll() is None:
            tree = _tree(process.pid)
            sizes = {pid: _rss_kb(pid) for pid in tree}
            peaks["total"] = max(peaks["total"], sum(sizes.values()))
            peaks["kernel"] = max([peaks["kernel"], *(size for pid, size in sizes.items() if pid != process.pid)])
            time.sleep(0.05)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    _, err = process.communicate()
    watcher.join()
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"build of {path.name} failed: {err.decode(errors='replace').strip()}")
    return {"seconds": seconds, "kernel": peaks["kernel"] / 1024, "total": peaks["total"] / 1024}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", default="100,300,1000")
    parser.add_argument("--format", default="html")
    parser.add_argument("--before", metavar="LIB", help="another checkout's lib/ to build the same files with")
    args = parser.parse_args()
    sizes = [int(n) for n in args.rows.split(",")]
    libs = {"after": str(ROOT / "lib")}
    if args.before:
        libs["before"] = args.before
    print(f"load average at start: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores", flush=True)
    results: dict[str, dict[int, dict]] = {name: {} for name in libs}
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        for rows in sizes:
            folder = scratch / f"rows{rows}"
            folder.mkdir()
            path = folder / f"table-{rows}.docx"
            path.write_bytes(table_docx(rows))
            for name, lib in libs.items():
                result = build(path, scratch / f"out-{name}-{rows}", args.format, lib)
                results[name][rows] = result
                print(
                    f"{name:6} {rows:5} rows: {result['seconds']:6.1f} s, largest process below the build "
                    f"{result['kernel']:7.0f} MB, all at once {result['total']:7.0f} MB",
                    flush=True,
                )
    for name, by_rows in results.items():
        steps = list(zip(sizes, sizes[1:]))
        per_row = ", ".join(
            f"{a}->{b}: {(by_rows[b]['total'] - by_rows[a]['total']) / (b - a):.2f} MB/row" for a, b in steps
        )
        print(f"{name}: growth of the whole build {per_row}")
    print(f"load average at end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
