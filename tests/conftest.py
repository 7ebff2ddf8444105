"""Fixtures shared by every test module."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import settings
from tests.html.html_support import CHROMIUM_ARGS

from testsupport import require_binary

__all__ = ["require_binary"]

# Property tests are bounded by their example counts, never by the clock: a per-example
# deadline is a timed assertion, and fails on a busy machine (it did, on a shared CI host).
settings.register_profile("auditforms", deadline=None)
settings.load_profile("auditforms")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
DEFINITIONS = ROOT / "definitions"
KITCHEN_SINK = FIXTURES / "definitions" / "kitchen-sink.yaml"


@dataclass
class CliResult:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


@pytest.fixture
def run_cli() -> Callable[..., CliResult]:
    """Run ``auditforms ARGS...`` in-process and return its exit code and outputs."""
    from auditforms.cli import cli

    def run(*args: str | os.PathLike[str], input: str | None = None) -> CliResult:
        runner = CliRunner()
        result = runner.invoke(cli, [str(a) for a in args], input=input, catch_exceptions=False)
        return CliResult(result.exit_code, result.stdout, result.stderr)

    return run


@pytest.fixture(scope="session")
def kitchen_sink():
    from auditforms.api import load_definition

    return load_definition(KITCHEN_SINK)


# A real Chromium driven by playwright, shared by the HTML form's and the preview's tests
# (one sync playwright per session: a second one cannot start while the first runs).
@pytest.fixture(scope="session")
def _playwright() -> Iterator[Any]:
    require_binary("chromium", "/usr/bin/chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


_BROWSERS: list[Any] = []


@pytest.fixture
def chromium(_playwright: Any) -> Any:
    """A headless Chromium shared by the tests, launched again if it has gone away
    (another program on a shared machine may end it); each test gets its own context."""
    if not _BROWSERS or not _BROWSERS[-1].is_connected():
        executable = require_binary("chromium", "/usr/bin/chromium")
        _BROWSERS.append(_playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS))
    return _BROWSERS[-1]
