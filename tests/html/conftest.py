"""Fixtures for the HTML form's tests (the shared Chromium, ``chromium``, is in tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.html.html_support import FormPage


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
