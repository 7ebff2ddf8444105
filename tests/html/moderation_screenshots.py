"""Retake the pictures of docs/moderating-audits.md: ``python tests/html/moderation_screenshots.py``.

Renders Torbay's full audit tool, opens a fictional submitted audit (the final fixture with its
moderation taken away) in Debian's Chromium, moderates Q5 as a moderator would and photographs
the moderation panel and the closing part; then opens the moderated audit as the auditor and
photographs the moderator's note with its "addressed" tick box. The answers, the moderation and
the date are fixed, so the pictures change only when the form does.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.html.html_support import CHROMIUM_ARGS, render_html  # noqa: E402

from auditforms.api import load_definition  # noqa: E402

FINAL = ROOT / "tests" / "fixtures" / "audits" / "torbay-full-audit" / "child-final.json"
PICTURES = ("moderation-html-moderator.png", "moderation-html-finish.png", "moderation-html-auditor.png")


def submitted(folder: Path) -> Path:
    doc = json.loads(FINAL.read_text(encoding="utf-8"))
    del doc["moderation"]
    doc["status"], doc["history"] = "submitted", doc["history"][:1]
    path = folder / "submitted.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def open_file(page: Any, button: str, path: Path) -> None:
    with page.expect_file_chooser() as chooser:
        page.click(f'.af-toolbar [data-action="{button}"]')
    chooser.value.set_files(path)
    page.wait_for_function("() => document.getElementById('af-notice-text').textContent.includes('Open')")


def render_sections(page: Any) -> None:
    """Sections out of sight are not rendered (CSS content-visibility: auto): render them all."""
    page.evaluate("""() => { for (const s of document.querySelectorAll('.af-section'))
                               s.style.contentVisibility = 'visible'; }""")


def moderate(page: Any, folder: Path) -> Path:
    page.check("#af-mod-q5-j-meets-good")
    for item in ("judgement-six-months", "evidence-findings-of-fact", "impact-child-to-life", "impact-what-it-means"):
        page.check(f"#af-mod-q5-c-{item}")
    page.fill("#af-mod-q5-comment", "The evidence needs an auditor overview; say what this means for Sam.")
    page.fill("#af-moderation-summary-input", "A clear, evaluative audit; the impact statements bring Sam to life.")
    page.fill("#af-moderator-name-input", "M. Moderator")
    for part, value in (("day", "3"), ("month", "12"), ("year", "2026")):
        page.fill(f"#af-moderation-date-{part}", value)
    with page.expect_download() as download:
        page.click('[data-action="save-moderation"]')
    target = folder / "moderated.json"
    download.value.save_as(target)
    return target


def main(images: Path) -> None:
    from playwright.sync_api import sync_playwright

    definition = load_definition(ROOT / "definitions" / "torbay-full-audit.yaml")
    with tempfile.TemporaryDirectory() as name, sync_playwright() as playwright:
        folder = Path(name)
        (folder / "form.html").write_text(render_html(definition), encoding="utf-8")
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        context = browser.new_context(accept_downloads=True, locale="en-GB", viewport={"width": 1000, "height": 900})
        page = context.new_page()
        page.goto((folder / "form.html").as_uri())
        open_file(page, "moderate", submitted(folder))
        moderated = moderate(page, folder)
        render_sections(page)
        page.locator('[data-moderation-for="q5"]').screenshot(path=str(images / PICTURES[0]))
        page.locator("#af-moderation").screenshot(path=str(images / PICTURES[1]))
        page.goto((folder / "form.html").as_uri())
        open_file(page, "open", moderated)
        page.check("#af-resp-q5-addressed")
        page.fill("#af-resp-q5-reply", "Added an overview.")
        render_sections(page)
        top, bottom = page.evaluate("""() => {
          const box = e => document.querySelector(e).getBoundingClientRect();
          return [box('#f-q5-heading').top + scrollY, box('[data-note-for="q5"]').bottom + scrollY]; }""")
        page.screenshot(path=str(images / PICTURES[2]), full_page=True,
                        clip={"x": 0, "y": top - 16, "width": 1000, "height": bottom - top + 32})
        browser.close()
    for picture in PICTURES:
        print(f"wrote {images / picture}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "images")
