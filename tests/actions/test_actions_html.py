"""The html page in real Chromium: offline, escaped, accessible (axe), sortable by keyboard,
and readable with JavaScript off."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import pytest
from actions_support import action, audit, torbay

from auditforms.actions import collect
from auditforms.actions.outputs import FORMATS
from auditforms.actions.report import build_report
from testsupport import sideways_scroll

pytestmark = pytest.mark.browser
HOSTILE = '<img src=x onerror="alert(1)"></td><script>alert(2)</script>'
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def page_html() -> str:
    rows = [action(HOSTILE, due="2026-11-20"), action("Second.", due="2027-01-30")]
    actions = collect(torbay(), audit()) + collect(torbay(), audit("2026-11-0500", team=HOSTILE, actions=rows))
    return FORMATS["html"].render(build_report(torbay(), actions, dt.date(2026, 12, 10))).decode("utf-8")


def test_everything_from_audits_is_escaped() -> None:
    html = page_html()
    assert "<script>alert(2)" not in html and "<img src=x" not in html
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in html
    assert "Content-Security-Policy" in html and "default-src &#39;none&#39;" in html


@pytest.fixture
def browser(chromium: Any) -> Any:
    """The session's one Chromium (tests/conftest.py): a second sync playwright cannot start
    while another test module's runs."""
    return chromium


def _open(browser: Any, tmp_path: Path, *, javascript: bool = True) -> tuple[Any, list[str], list[str]]:
    path = tmp_path / "actions.html"
    path.write_text(page_html(), encoding="utf-8")
    context = browser.new_context(java_script_enabled=javascript, locale="en-GB")
    requests: list[str] = []
    errors: list[str] = []
    context.route("**/*", lambda route: (requests.append(route.request.url),
                                         route.continue_() if route.request.url == path.as_uri() else route.abort()))
    page = context.new_page()
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: (errors.append("dialog " + d.message), d.dismiss()))
    page.goto(path.as_uri())
    return page, requests, errors


def _first_column(page: Any) -> list[str]:
    return page.locator("#actions-table tbody tr td:first-child").all_inner_texts()


def test_no_network_no_script_errors_and_sorting_by_keyboard(browser: Any, tmp_path: Path) -> None:
    page, requests, errors = _open(browser, tmp_path)
    assert errors == [] and len(requests) == 1
    button = page.get_by_role("button", name="Completion date")
    button.focus()
    page.keyboard.press("Enter")
    assert page.locator("th[aria-sort=ascending]").inner_text() == "Completion date"
    assert _first_column(page) == ["2026-11-0500:1", "2026-11-0412:1", "2026-11-0412:2", "2026-11-0500:2"]
    page.keyboard.press("Enter")
    assert _first_column(page)[0] == "2026-11-0500:2"
    assert "descending" in page.locator("#sort-status").inner_text()
    page.context.close()


def test_readable_without_javascript(browser: Any, tmp_path: Path) -> None:
    page, _, _ = _open(browser, tmp_path, javascript=False)
    assert len(_first_column(page)) == 4
    assert page.locator("#actions-table th").first.inner_text() == "Action id"
    assert page.locator("button").count() == 0
    page.context.close()


def test_axe_finds_no_serious_problem(browser: Any, tmp_path: Path) -> None:
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("axe-playwright-python is not installed (CI is set)")
        pytest.skip("axe-playwright-python is not installed")
    page, _, _ = _open(browser, tmp_path)
    results = Axe().run(page, options={"resultTypes": ["violations"], "runOnly": {"type": "tag", "values": [
        "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}})
    serious = [f"{v['id']}: {v['help']}" for v in results.response["violations"]
               if v["impact"] in {"serious", "critical"}]
    assert serious == []
    assert sideways_scroll(page) == 0
    page.context.close()
