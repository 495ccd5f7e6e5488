"""The index's search at scale: N write-ups' worth of text (default 10,000), in Chromium.

Generated meetings (``tests/docgen``) each carry twelve of the sample's real directives with their
figures changed, so a write-up is as long as a real one. Prints the time to build the index, the
page's size and that of its search files, the time the page takes to load, and the time from a
query typed to its first hits shown, for a rare and a common word.

    PYTHONPATH=lib python benchmarks/bench_search.py [N]
"""

from __future__ import annotations

import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import docgen  # noqa: E402

from cddbrief import site  # noqa: E402
from cddbrief.site import records_of  # noqa: E402


def documents(n: int) -> tuple[list[dict], list[dict]]:
    real = records_of(ROOT / "tests" / "data" / "000_624796c269e36bce.txt")
    rows, docs = [], []
    for i in range(n):
        rng = random.Random(i)
        m = docgen.meeting(rng)
        directives = [{"text": s.text} for item in m.items for s in item.directives]
        for d in rng.sample(real["directives"], 12):
            directives.append({"text": "".join(str(rng.randint(0, 9)) if ch.isdigit() else ch for ch in d["text"])})
        items = [{"topic": item.topic, "resolution": None} for item in m.items]
        records = {"items": items, "directives": directives, "quantities": []}
        row = {
            "failed": False,
            "folder": f"w{i:05d}",
            "id": f"{m.year_be}-{m.number:02d}",
            "number": m.number,
            "year_be": m.year_be,
            "office": m.office,
            "layout": "table",
            "file": f"w{i:05d}.txt",
            "meeting_date": None,
            "meeting_day": "",
            "first_date": None,
            "covered": "",
            "items": len(m.items),
            "directives": len(directives),
            "figures": 0,
            "dated": 0,
            "failing": 0,
        }
        rows.append(row)
        docs.append(site.search_document(row, records))
    return rows, docs


def main(n: int = 10_000) -> None:
    from playwright.sync_api import sync_playwright

    rows, docs = documents(n)
    out = Path(tempfile.mkdtemp(prefix="bench-search-"))
    try:
        started = time.perf_counter()
        page_path = site._render_index(out, rows, "th", docs)
        built = time.perf_counter() - started
        beside = list((out / "search").glob("*.js"))
        extra = sum(p.stat().st_size for p in beside)
        print(
            f"{n} write-ups: index built in {built:.1f} s; page {page_path.stat().st_size / 1e6:.2f} MB, "
            f"search files {extra / 1e6:.1f} MB in {len(beside)} files"
        )
        with sync_playwright() as p:
            chromium = shutil.which("chromium") or "/usr/bin/chromium"
            browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page()
            started = time.perf_counter()
            page.goto(page_path.as_uri())
            page.wait_for_selector("#search-query", state="visible")
            print(f"page loaded, search ready: {time.perf_counter() - started:.2f} s")
            for word in ("กองทุนแม่ของแผ่นดิน", "จังหวัด", "ผ้าไทย"):
                page.fill("#search-query", "")
                started = time.perf_counter()
                page.fill("#search-query", word)
                page.wait_for_function("document.querySelectorAll('#search-hits li').length > 0")
                took = time.perf_counter() - started
                print(f"{word}: first hits in {took:.2f} s ({page.inner_text('#search-status')})")
            browser.close()
    finally:
        shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
