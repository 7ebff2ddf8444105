"""Fixtures for the HTML form's tests: a real Chromium driven by playwright."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.html.html_support import CHROMIUM_ARGS, FormPage


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """One headless Chromium for the session; each test gets its own page (new context)."""
    from tests.conftest import require_binary

    executable = require_binary("chromium", "/usr/bin/chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


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
