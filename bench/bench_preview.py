"""Benchmark: how long after a save the preview shows the new form, beside the 1 s it promises.

Starts ``auditforms preview`` on a private copy of each tool, opens it in Debian's Chromium,
then saves the file 10 times (a new title each time) and times, from the write, until the
new title is shown in the form's frame after the page's own reload (polled every 10 ms).
Prints the median and the slowest of the 10 for each tool, the floor they are held to, and
the machine's load (on a busy shared machine the figures are slower than an author's).

Run: python bench/bench_preview.py
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.html.html_support import CHROMIUM_ARGS  # noqa: E402
from tests.preview.preview_support import PreviewPage, PreviewProcess  # noqa: E402

FLOOR_MS = 1000.0
SAVES = 10
TOOLS = ("torbay-neglect-dip-sample.yaml", "torbay-full-audit.yaml", "multi-agency-children-in-care.yaml")
SHOWN = ("(() => { const f = document.getElementById('pv-frame');"
         " const h = f && f.contentDocument && f.contentDocument.querySelector('h1');"
         " return h ? h.textContent : ''; })()")


def shown_title(view: PreviewPage) -> str:
    try:
        return str(view.page.evaluate(SHOWN))
    except Exception:  # the page is being replaced by its reload
        return ""


def time_saves(browser: Any, folder: Path, name: str) -> list[float]:
    path = folder / name
    preview = PreviewProcess(path)
    try:
        view = PreviewPage(browser, preview.url)
        text = path.read_text(encoding="utf-8")
        title = next(line for line in text.splitlines() if line.startswith("title: "))
        view.expect(view.form.locator("h1")).to_have_text(title.removeprefix("title: ").strip('"'))
        times = []
        for n in range(1, SAVES + 1):
            wanted = f"Save {n}"
            time.sleep(0.3)  # an author does not save twice within a debounce
            start = time.perf_counter()
            path.write_text(text.replace(title, f"title: {wanted}", 1), encoding="utf-8")
            while shown_title(view) != wanted:
                if time.perf_counter() - start > 10:
                    raise TimeoutError(f"{name}: save {n} not shown after 10 s")
                time.sleep(0.01)
            times.append((time.perf_counter() - start) * 1000)
        view.context.close()
        return times
    finally:
        preview.close()


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        folder = Path(tmp) / "definitions"
        shutil.copytree(ROOT / "definitions", folder)
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        print(f"{'tool':40s} {'median':>8s} {'slowest':>8s} {'floor':>8s}   (save -> new form shown, {SAVES} saves)")
        for name in TOOLS:
            times = time_saves(browser, folder, name)
            print(f"{name:40s} {statistics.median(times):6.0f}ms {max(times):6.0f}ms {FLOOR_MS:6.0f}ms")
        browser.close()
    cores = os.cpu_count() or 1
    print(f"machine load (1, 5, 15 min): {', '.join(f'{x:.1f}' for x in os.getloadavg())} on {cores} cores")


if __name__ == "__main__":
    main()
