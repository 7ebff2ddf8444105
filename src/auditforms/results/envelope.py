"""The completed-audit envelope: its constants and its JSON Schema (``schemas/``)."""

from __future__ import annotations

import copy
import json
from functools import cache
from typing import Any

from auditforms.resources import schema_path

FORMAT = "auditforms/completed-audit"
FORMAT_VERSION = 1
STATUSES = ("draft", "submitted", "moderated", "final")
ENVELOPE_SCHEMA_FILE = "completed-audit.schema.json"


@cache
def _envelope_text() -> str:
    return schema_path(ENVELOPE_SCHEMA_FILE).read_text(encoding="utf-8")


def envelope_schema() -> dict[str, Any]:
    """A fresh copy of the envelope schema common to every tool (callers may change it)."""
    return copy.deepcopy(json.loads(_envelope_text()))
