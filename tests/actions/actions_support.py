"""Fictional completed audits of the Torbay full audit tool with action plans, for the actions tests."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from auditforms.language.loader import load
from auditforms.model.definition import Definition

ROOT = Path(__file__).resolve().parents[2]
TORBAY = ROOT / "definitions" / "torbay-full-audit.yaml"
MULTI_AGENCY = ROOT / "definitions" / "multi-agency-children-in-care.yaml"


@cache
def torbay() -> Definition:
    definition = load(TORBAY).definition
    assert definition is not None
    return definition


def action(text: str, person: str = "A. Worker", due: str | None = "2026-12-15",
           signed: str | None = None, update: str | None = None) -> dict[str, Any]:
    row: dict[str, Any] = {"action": text, "person": person}
    if due is not None:
        row["completion-date"] = due
    if signed is not None:
        row["sign-off-date"] = signed
    if update is not None:
        row["update"] = update
    return row


def audit(audit_id: str = "2026-11-0412", *, team: str = "Fictional Team North",
          child: str = "C0412", date: str = "2026-11-12", status: str = "moderated",
          actions: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """A Torbay audit document; only the answers the actions need (check would want more)."""
    return {
        "format": "auditforms/completed-audit",
        "format_version": 1,
        "definition": {"id": "torbay-full-audit", "version": "3.0.0"},
        "audit_id": audit_id,
        "status": status,
        "answers": {
            "auditor-name": "B. Auditor", "audit-date": date, "child-id": child, "team": team,
            "actions": actions if actions is not None else [
                action("Record the reason for any delay in stepping down.", due="2026-12-01"),
                action("Share the updated plan with school.", person="C. Worker"),
            ],
        },
        "moderation": {"moderator": "C. Moderator", "date": "2026-11-20"},
    }


def write(folder: Path, name: str, document: dict[str, Any]) -> Path:
    path = folder / name
    path.write_text(json.dumps(document, indent=2), encoding="utf-8")
    return path
