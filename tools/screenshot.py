"""Regenerate the pictures of a brief shown in README.md (make screenshot).

Builds the sample meeting's brief and photographs it in headless Chromium at
phone (375 px) and desktop (1280 px) width: docs/brief-phone.png, docs/brief-desktop.png.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(
            [sys.executable, "-m", "cddbrief.cli", "build", "2562-04", "--out", out, "--force"], check=True, cwd=ROOT
        )
        brief = Path(out) / "2562-04" / "brief.html"
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=shutil.which("chromium") or "/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
            )
            for name, width, height in (("phone", 375, 1500), ("desktop", 1280, 1000)):
                page = browser.new_page(viewport={"width": width, "height": height}, device_scale_factor=1)
                page.goto(brief.as_uri())
                page.evaluate("document.fonts.ready.then(() => true)")
                target = ROOT / "docs" / f"brief-{name}.png"
                page.screenshot(path=str(target))
                print(f"wrote {target}")
            browser.close()


if __name__ == "__main__":
    main()
