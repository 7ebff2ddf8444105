"""Fixtures of the monthly report's tests: the fictional tool, its audits, the figures."""

from __future__ import annotations

from typing import Any

import pytest
from collation_support import AUDITS, TOOL, collate


@pytest.fixture(scope="session")
def tool() -> Any:
    from auditforms.api import load_definition

    return load_definition(TOOL)


@pytest.fixture(scope="session")
def figures(tool: Any) -> Any:
    """The fixture audits, September to November 2026, with text included."""
    return collate(tool, include_text=True)


__all__ = ["AUDITS", "TOOL"]
