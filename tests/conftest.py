"""Fixtures shared by every test module."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from testsupport import require_binary

__all__ = ["require_binary"]

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
