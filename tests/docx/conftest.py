"""Fixtures of the Word tests: the definitions to render, rendered forms, LibreOffice."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx_paths import ALL_DEFINITIONS, KITCHEN_SINK, ROOT, SHIPPED, definition_id

import testsupport
from testsupport import LibreOffice

__all__ = ["ALL_DEFINITIONS", "KITCHEN_SINK", "ROOT", "SHIPPED", "definition_id"]


@pytest.fixture(scope="session")
def load():
    from auditforms.api import load_definition

    cache: dict[Path, object] = {}

    def get(path: Path):
        if path not in cache:
            cache[path] = load_definition(path)
        return cache[path]

    return get


@pytest.fixture(scope="session")
def render(load):
    from auditforms.renderers import RenderOptions, get_renderer

    renderer = get_renderer("docx")

    def run(path: Path, **options) -> bytes:
        return renderer.render(load(path), RenderOptions(**options))

    return run


@pytest.fixture(scope="module")
def libreoffice(tmp_path_factory) -> LibreOffice:
    return testsupport.libreoffice(tmp_path_factory.mktemp("libreoffice"))
