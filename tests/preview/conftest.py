"""Fixtures for the preview's tests: a private copy of the definitions and a running preview."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.preview.preview_support import PreviewPage, PreviewProcess, copy_definitions


@pytest.fixture
def definitions(tmp_path: Path) -> Path:
    return copy_definitions(tmp_path / "definitions")


@pytest.fixture
def start_preview() -> Iterator[Callable[..., PreviewProcess]]:
    started: list[PreviewProcess] = []

    def start(definition: Path, *args: str, **options: Any) -> PreviewProcess:
        started.append(PreviewProcess(definition, *args, **options))
        return started[-1]

    yield start
    for preview in started:
        preview.close()


@pytest.fixture
def open_preview(chromium: Any) -> Any:
    pages: list[PreviewPage] = []

    def open_(url: str, path: str = "") -> PreviewPage:
        pages.append(PreviewPage(chromium, url, path))
        return pages[-1]

    yield open_
    for page in pages:
        page.context.close()
