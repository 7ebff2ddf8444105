"""Retake the docs picture of the preview: ``python tests/preview/preview_screenshot.py``.

Writes the customisation that docs/authoring.md builds, starts ``auditforms preview`` on it,
opens Debian's Chromium, makes the mistake the guide describes and photographs the page:
the error at the top with its line quoted, and the last good form below, out of date.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.html.html_support import CHROMIUM_ARGS  # noqa: E402
from tests.preview.preview_support import PreviewPage, PreviewProcess, edit  # noqa: E402

NAME = "seaside-neglect-sample.yaml"
CUSTOMISATION = """\
id: seaside-neglect-sample
extends: torbay-full-audit
title: Seaside neglect dip sample
version: 0.1.0
select: [header, q1, q2, q4, q7, q12, actions-section]
changes:
  - remove: overall-not-better-than-every-field
  - add:
      id: neglect-tool
      type: yesno
      label: Has a neglect assessment tool been used?
      follow_up: {id: neglect-tool-which, type: text, label: "Which tool?"}
    after: q1
"""


def main(target: Path) -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / NAME
        path.write_text(CUSTOMISATION, encoding="utf-8")
        preview = PreviewProcess(Path(NAME), cwd=Path(folder))
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
                view = PreviewPage(browser, preview.url, "?view=example")
                view.page.set_viewport_size({"width": 1400, "height": 1000})
                view.expect(view.form.locator("h1")).to_have_text("Seaside neglect dip sample")
                view.form.locator("#f-neglect-tool").scroll_into_view_if_needed()
                edit(path, "after: q1\n", "after: q11\n")
                view.wait_for_version(2)
                view.page.screenshot(path=str(target))
                browser.close()
        finally:
            preview.close()
    print(f"wrote {target}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "images" / "preview.png")
