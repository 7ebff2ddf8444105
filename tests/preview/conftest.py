"""Fixtures for the preview's tests: a private copy of the definitions and a running preview."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from tests.preview.preview_support import PreviewProcess, copy_definitions


@pytest.fixture
def definitions(tmp_path: Path) -> Path:
    return copy_definitions(tmp_path / "definitions")


@pytest.fixture
def start_preview() -> Iterator[Callable[..., PreviewProcess]]:
    started: list[PreviewProcess] = []

    def start(definition: Path, *args: str) -> PreviewProcess:
        started.append(PreviewProcess(definition, *args))
        return started[-1]

    yield start
    for preview in started:
        preview.close()
