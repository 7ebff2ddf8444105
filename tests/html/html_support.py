"""Helpers for the HTML form's tests: rendering, reading the page's data, driving Chromium."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

CHROMIUM_ARGS = [
    "--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


def render_html(definition: Any, prefill: Mapping[str, Any] | None = None, audit_id: str | None = None,
                due_date: Any = None) -> str:
    from auditforms.renderers import RenderOptions
    from auditforms.renderers.html import RENDERER

    options = RenderOptions(prefill=dict(prefill or {}), audit_id=audit_id, due_date=due_date)
    return RENDERER.render(definition, options).decode("utf-8")


def embedded_data(html: str) -> dict[str, Any]:
    opening = '<script type="application/json" id="af-data">'
    start = html.index(opening) + len(opening)
    end = html.index("</script>", start)
    return json.loads(html[start:end])


class FormPage:
    """A rendered form opened from file:// with every request recorded and page errors kept."""

    def __init__(self, browser: Any, path: Path) -> None:
        self.path = path
        self.context = browser.new_context(accept_downloads=True, locale="en-GB",
                                           viewport={"width": 1100, "height": 900})
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.context.route("**/*", self._route)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("dialog", self._dialog)
        # Intercept file choosers from the start, so a test's expect_file_chooser cannot race
        # the browser into opening a real (headless, never answered) dialog.
        self.page.on("filechooser", lambda chooser: None)
        self.page.goto(path.as_uri())

    def _route(self, route: Any) -> None:
        self.requests.append(route.request.url)
        if route.request.url == self.path.as_uri():
            route.continue_()
        else:
            route.abort()

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.type)
        dialog.dismiss()

    def close(self) -> None:
        """End the test's context. A browser that has already gone (Chromium dismissing a
        beforeunload dialog sometimes ends the page under load) has nothing left to close."""
        from playwright.sync_api import Error as PlaywrightError

        try:
            self.context.close()
        except PlaywrightError as error:
            if "has been closed" not in str(error):
                raise




def snapshot_text(html: str) -> str:
    """The page as snapshotted: markup and embedded data, without the inlined CSS and script.

    The CSS and script are files of their own, reviewed as such; leaving them out (and
    their CSP hashes) keeps every form's snapshot about that form.
    """
    html = re.sub(r"<style>.*?</style>", "<style>/* form.css */</style>", html, count=1, flags=re.S)
    from auditforms.renderers.html import SCRIPTS

    scripts = f"<script>/* {', '.join(SCRIPTS)} */</script>"
    html = re.sub(r"<script>.*?</script>", scripts, html, count=1, flags=re.S)
    return re.sub(r"sha256-[A-Za-z0-9+/=]+", "sha256-…", html)


# -- keyboard and file helpers -------------------------------------------------------

def tab_to(page: Any, selector: str, limit: int = 400) -> None:
    """Press Tab until the element matching ``selector`` has focus, as a keyboard user would."""
    for _ in range(limit):
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def type_into(page: Any, selector: str, text: str) -> None:
    tab_to(page, selector)
    page.keyboard.type(text)


def choose(page: Any, group: str, value: str) -> None:
    """Tab into a radio group and move to ``value`` with the arrow keys."""
    tab_to(page, f'input[name="{group}"]')
    for _ in range(12):
        if page.evaluate("s => document.activeElement.value", None) == value:
            page.keyboard.press("Space")
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"no option {value} in {group}")


def open_by_keyboard(form: FormPage, path: Path, button: str) -> str:
    """Press a toolbar button with the keyboard, choose ``path``, and wait for the notice."""
    page = form.page
    page.evaluate("document.getElementById('af-notice-text').textContent = ''")
    page.locator("body").focus()
    tab_to(page, f'.af-toolbar [data-action="{button}"]')
    with page.expect_file_chooser() as chooser:
        page.keyboard.press("Enter")
    chooser.value.set_files(path)
    page.wait_for_function("() => document.getElementById('af-notice-text').textContent !== ''")
    return str(page.locator("#af-notice-text").inner_text())


def download_by_keyboard(form: FormPage, selector: str) -> dict[str, Any]:
    """Press the button ``selector`` with the keyboard and keep the file it saves beside the form."""
    tab_to(form.page, selector)
    with form.page.expect_download() as download:
        form.page.keyboard.press("Enter")
    target = form.path.parent / download.value.suggested_filename
    download.value.save_as(target)
    return {"name": download.value.suggested_filename, "doc": json.loads(target.read_text("utf-8")), "path": target}


def save(form: FormPage, button: str) -> dict[str, Any]:
    """Save the form with one of its save buttons (``save-draft``, ``save-final``)."""
    return download_by_keyboard(form, f'.af-actions [data-action="{button}"]')
