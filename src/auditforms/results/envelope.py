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
#: the statuses of an audit that has come back (a draft has not)
RETURNED_STATUSES = STATUSES[1:]
ENVELOPE_SCHEMA_FILE = "completed-audit.schema.json"
#: What auditforms itself writes as JSON that is not an audit, by format, in a few words: such
#: files sit beside returned audits (a batch's manifest, the sample's record, a saved report),
#: and commands reading a folder of audits leave them out rather than report them.
OWN_RECORDS = {
    "auditforms/sample-batch": "a batch's manifest",
    "auditforms/dip-sample": "a dip sample's record",
    "auditforms/check-report": "a check report",
    "auditforms/monthly-report": "a monthly report's figures",
    "auditforms/board-paper": "a monthly report's board paper",
    "auditforms/actions": "a list of actions",
}


def own_record(document: Any) -> str | None:
    """The format of auditforms' own record ``document`` is (a key of :data:`OWN_RECORDS`), or
    ``None`` for anything else: an audit, or a file of somebody else's."""
    found = document.get("format") if isinstance(document, dict) else None
    return found if isinstance(found, str) and found in OWN_RECORDS else None


@cache
def _envelope_text() -> str:
    return schema_path(ENVELOPE_SCHEMA_FILE).read_text(encoding="utf-8")


def envelope_schema() -> dict[str, Any]:
    """A fresh copy of the envelope schema common to every tool (callers may change it)."""
    return copy.deepcopy(json.loads(_envelope_text()))
