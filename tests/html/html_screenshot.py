"""Retake the docs screenshot of the HTML form: ``python tests/html/html_screenshot.py``.

Renders the Torbay full audit tool (or the kitchen sink when it is absent), opens it in
Debian's Chromium and photographs its first question as an auditor sees it.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.html.html_support import CHROMIUM_ARGS, render_html  # noqa: E402

from auditforms.api import load_definition  # noqa: E402


def main(target: Path) -> None:
    from playwright.sync_api import sync_playwright

    source = ROOT / "definitions" / "torbay-full-audit.yaml"
    if not source.is_file():
        source = ROOT / "tests" / "fixtures" / "definitions" / "kitchen-sink.yaml"
    with tempfile.TemporaryDirectory() as folder:
        page_file = Path(folder) / "form.html"
        page_file.write_text(render_html(load_definition(source)), encoding="utf-8")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1100, "height": 1350})
            page.goto(page_file.as_uri())
            box = page.locator("section.af-question").first.bounding_box()
            page.evaluate(f"window.scrollTo(0, {box['y'] - 24 if box else 0})")
            page.screenshot(path=str(target))
            browser.close()
    print(f"wrote {target}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "images" / "html-form.png")
