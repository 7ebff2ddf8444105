"""Fixtures for the completed-audit tests: fictional audits of the kitchen-sink tool."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from auditforms.results.check import check_document
from auditforms.rules import EvalContext

ROOT = Path(__file__).resolve().parents[2]
AUDITS = ROOT / "tests" / "fixtures" / "audits"
VALID_JSON = AUDITS / "kitchen-sink" / "child-0412.json"
NOVEMBER = EvalContext(today=dt.date(2026, 11, 30), period_start=dt.date(2026, 11, 1),
                       period_end=dt.date(2026, 11, 30))


def _kitchen_sink() -> Any:
    from auditforms.api import load_definition

    return load_definition(ROOT / "tests" / "fixtures" / "definitions" / "kitchen-sink.yaml")


#: The kitchen-sink definition, for module-level use (hypothesis strategies are built at import).
KITCHEN_SINK_DEFINITION = _kitchen_sink()


@pytest.fixture
def audit() -> dict[str, Any]:
    """A fresh copy of a fictional audit that passes every check (change it freely)."""
    return copy.deepcopy(_VALID)


_VALID: dict[str, Any] = json.loads(VALID_JSON.read_text(encoding="utf-8"))


def found(definition: Any, document: dict[str, Any], context: EvalContext = NOVEMBER) -> list[str]:
    """The findings as ``severity[code] message (pointer)`` lines (no file name)."""
    return [f"{d.severity}[{d.code}] {d.message} ({d.pointer})"
            for d in check_document(definition, document, context=context)]
