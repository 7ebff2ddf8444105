"""Fixtures of the monthly report's tests: the fictional tool, its audits, the figures, and the
example service's finished October (Torbay's tool: 12 questions, the wide breakdowns)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from collation_support import AUDITS, TOOL, collate


@pytest.fixture(scope="session")
def tool() -> Any:
    from auditforms.api import load_definition

    return load_definition(TOOL)


@pytest.fixture(scope="session")
def figures(tool: Any) -> Any:
    """The fixture audits, September to November 2026, with text included."""
    return collate(tool, include_text=True)


@pytest.fixture(scope="session")
def october(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Path]:
    """``auditforms month report 2026-10 ARGS...`` in the example service (``auditforms init demo
    --example``, made once): the report's file, written once for each set of arguments."""
    from auditforms.cli import cli

    home = tmp_path_factory.mktemp("october")
    made: dict[tuple[str, ...], Path] = {}

    def run(*args: str) -> Any:
        before = Path.cwd()
        os.chdir(home if not (home / "demo").is_dir() else home / "demo")
        try:
            return CliRunner().invoke(cli, list(args), catch_exceptions=False)
        finally:
            os.chdir(before)

    assert run("init", "demo", "--example").exit_code == 0

    def report(format_: str, *args: str) -> Path:
        key = (format_, *args)
        if key not in made:
            output = home / f"report-{len(made)}.{format_}"
            result = run("month", "report", "2026-10", "--format", format_, "-o", str(output), *args)
            assert result.exit_code == 0, result.output
            made[key] = output
        return made[key]

    return report


__all__ = ["AUDITS", "TOOL"]
