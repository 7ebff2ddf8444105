"""Fixtures of the Word tests: the definitions to render, rendered forms, LibreOffice."""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

import pytest
from docx_paths import ALL_DEFINITIONS, KITCHEN_SINK, ROOT, SHIPPED, definition_id

from testsupport import require_binary

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


class LibreOffice:
    """Runs soffice headless with a fresh profile, so parallel runs never share one."""

    def __init__(self, binary: str, workdir: Path) -> None:
        self.binary = binary
        self.workdir = workdir
        self.profile = Path(tempfile.mkdtemp(prefix="af-lo-profile-"))

    def convert(self, source: Path, to: str) -> Path:
        return self.convert_all([source], to)[0]

    def convert_all(self, sources: list[Path], to: str) -> list[Path]:
        """One soffice run for many files: starting LibreOffice is most of the cost."""
        outdir = self.workdir / f"out-{to.split(':')[0]}"
        outdir.mkdir(exist_ok=True)
        env = {**os.environ, "HOME": str(self.profile)}
        subprocess.run(
            [self.binary, f"-env:UserInstallation=file://{self.profile}", "--headless",
             "--norestore", "--convert-to", to, "--outdir", str(outdir), *map(str, sources)],
            check=True, capture_output=True, timeout=600, env=env,
        )
        results = [outdir / (source.stem + "." + to.split(":")[0]) for source in sources]
        for result in results:
            assert result.is_file(), f"LibreOffice did not convert {result.stem} to {to}"
        return results


@pytest.fixture(scope="module")
def libreoffice(tmp_path_factory) -> LibreOffice:
    binary = require_binary("libreoffice", "soffice")
    return LibreOffice(binary, tmp_path_factory.mktemp("libreoffice"))
