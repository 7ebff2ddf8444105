"""A small fictional tool in two versions, for the version gaps: version 1.0.0 named the child
field ``child`` and its action table's columns ``what``, ``who``, ``due``, ``signed``,
``priority``; 2.0.0 (the current one) renamed them and dropped ``priority``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

COMMON = """\
scales:
  - id: grade
    best: highest
    options:
      - {{id: good, label: Good, value: 2}}
      - {{id: poor, label: Poor, value: 1}}
sections:
  - id: details
    title: Details
    items:
      - {{id: {child}, type: text, label: Child ID, role: child_id}}
      - {{id: audit-date, type: date, label: Audit date, role: audit_date}}
      - {{id: q1, type: question, title: Q1, judgement: {{scale: grade, required: false}}}}
  - id: plan
    title: Actions
    items:
      - id: actions
        type: table
        title: Actions
        role: action_plan
        columns:
{columns}
"""

OLD_COLUMNS = """\
          - {id: what, label: Action, type: textarea, role: action}
          - {id: who, label: Person, role: action_owner}
          - {id: due, label: Completion date, type: date, role: action_due}
          - {id: signed, label: Signed off, type: date, role: action_signed_off}
          - {id: note, label: Update, type: textarea, role: action_update}
          - {id: priority, label: Priority}"""

NEW_COLUMNS = """\
          - {id: action, label: Action, type: textarea, role: action}
          - {id: person, label: Person, role: action_owner}
          - {id: completion-date, label: Completion date, type: date, role: action_due}
          - {id: sign-off-date, label: Signed off, type: date, role: action_signed_off}
          - {id: update, label: Update, type: textarea, role: action_update}"""

OLD = "id: demo-tool\ntitle: Demo tool\nversion: 1.0.0\nlookback: {months: 12}\n" + COMMON.format(
    child="child", columns=OLD_COLUMNS)

NEW = """\
id: demo-tool
title: Demo tool
version: 2.0.0
lookback: {months: 12}
lineage:
  from_versions:
    - versions: [1.0.0]
      answers:
        - {rename: child, to: child-id}
        - columns: actions
          map: {what: action, who: person, due: completion-date, signed: sign-off-date, note: update}
          drop: [priority]
          reason: priorities are agreed in supervision
""" + COMMON.format(child="child-id", columns=NEW_COLUMNS)


def write_tools(folder: Path) -> Path:
    """The current version at ``folder/demo-tool.yaml``, 1.0.0 kept in ``history/``; the current's path."""
    kept = folder / "history" / "demo-tool"
    kept.mkdir(parents=True, exist_ok=True)
    (kept / "1.0.0.yaml").write_text(OLD, encoding="utf-8")
    current = folder / "demo-tool.yaml"
    current.write_text(NEW, encoding="utf-8")
    return current


def old_audit(child: str = "C100", date: str = "2026-10-05", audit_id: str = "2026-10-C100") -> dict[str, Any]:
    """A submitted audit of version 1.0.0 with two actions."""
    rows = [{"what": "Visit the child at school.", "who": "A. Worker", "due": "2026-11-30", "priority": "high"},
            {"what": "Update the plan.", "who": "B. Worker", "due": "2026-12-15", "priority": "low"}]
    return {"format": "auditforms/completed-audit", "format_version": 1,
            "definition": {"id": "demo-tool", "version": "1.0.0"}, "audit_id": audit_id, "status": "submitted",
            "answers": {"child": child, "audit-date": date, "q1": {"judgement": "good"}, "actions": rows},
            "history": []}


def write_audit(folder: Path, name: str, document: dict[str, Any]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(json.dumps(document, indent=2), encoding="utf-8")
    return path
