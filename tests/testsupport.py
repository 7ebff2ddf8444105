"""Helpers shared by test modules in every folder (imported as ``testsupport``)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest


def require_binary(name: str, *candidates: str) -> str:
    """The path of an external program, or skip the test (fail under CI) when it is absent."""
    for candidate in (name, *candidates):
        found = shutil.which(candidate) or (candidate if Path(candidate).is_file() else None)
        if found:
            return found
    message = f"{name} is not installed; the test needs the real program"
    if os.environ.get("CI"):
        pytest.fail(f"{message} (CI is set, so it must be present)")
    pytest.skip(message)


class LibreOffice:
    """Runs soffice headless with its own profile inside ``workdir``, so parallel runs never share
    one and pytest's clean-up of temporary folders removes it (a profile left in /tmp is ~1 MB)."""

    def __init__(self, binary: str, workdir: Path) -> None:
        self.binary = binary
        self.workdir = workdir
        self.profile = workdir / "profile"

    def convert(self, source: Path, to: str, outdir: Path | None = None) -> Path:
        return self.convert_all([source], to, outdir)[0]

    def convert_all(self, sources: list[Path], to: str, outdir: Path | None = None) -> list[Path]:
        """One soffice run for many files: starting LibreOffice is most of the cost."""
        outdir = outdir or self.workdir / f"out-{to.split(':')[0]}"
        outdir.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [self.binary, f"-env:UserInstallation=file://{self.profile}", "--headless",
             "--norestore", "--convert-to", to, "--outdir", str(outdir), *map(str, sources)],
            check=True, capture_output=True, timeout=600, env={**os.environ, "HOME": str(self.profile)},
        )
        results = [outdir / (source.stem + "." + to.split(":")[0]) for source in sources]
        for result in results:
            assert result.is_file(), f"LibreOffice did not convert {result.stem} to {to}"
        return results


def libreoffice(workdir: Path) -> LibreOffice:
    """The LibreOffice runner for a test, or skip it (fail under CI) when soffice is absent."""
    return LibreOffice(require_binary("libreoffice", "soffice"), workdir)


REFLOW_WIDTH = 320  # WCAG 1.4.10: content reflows at 320 CSS px without scrolling in two directions


def sideways_scroll(page: Any, width: int = REFLOW_WIDTH) -> int:
    """How far the page itself scrolls sideways at ``width`` px (0 when it reflows): wide tables
    must scroll in their own region. Sections kept out of rendering (``content-visibility``)
    are rendered first, as in a browser without it; the viewport is put back afterwards."""
    before = page.viewport_size
    page.set_viewport_size({"width": width, "height": 900})
    try:
        page.evaluate("""() => { for (const node of document.querySelectorAll('*'))
                                   if (getComputedStyle(node).contentVisibility === 'auto')
                                     node.style.contentVisibility = 'visible'; }""")
        page.evaluate("window.scrollTo(100000, 0)")
        return int(page.evaluate("window.scrollX"))
    finally:
        page.evaluate("window.scrollTo(0, 0)")
        if before:
            page.set_viewport_size(before)
