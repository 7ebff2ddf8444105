"""Fixtures for the HTML form's tests: a real Chromium driven by playwright."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.html.html_support import CHROMIUM_ARGS, FormPage


@pytest.fixture(scope="session")
def _playwright() -> Iterator[Any]:
    from testsupport import require_binary

    require_binary("chromium", "/usr/bin/chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


_BROWSERS: list[Any] = []


@pytest.fixture
def chromium(_playwright: Any) -> Any:
    """A headless Chromium shared by the tests, launched again if it has gone away
    (another program on a shared machine may end it); each test gets its own context."""
    from testsupport import require_binary

    if not _BROWSERS or not _BROWSERS[-1].is_connected():
        executable = require_binary("chromium", "/usr/bin/chromium")
        _BROWSERS.append(_playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS))
    return _BROWSERS[-1]


@pytest.fixture
def open_form(chromium: Any, tmp_path: Path) -> Iterator[Callable[..., FormPage]]:
    pages: list[FormPage] = []

    def open_(html: str, name: str = "form.html") -> FormPage:
        path = tmp_path / name
        path.write_text(html, encoding="utf-8")
        page = FormPage(chromium, path)
        pages.append(page)
        return page

    yield open_
    for page in pages:
        page.close()
