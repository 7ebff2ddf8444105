"""JSON for other systems: the counts by area and team and every action, keys as in the CSV."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from auditforms.actions.columns import EXPORT_COLUMNS
from auditforms.actions.report import ActionsReport, Cell

FORMAT = "auditforms/actions"


def _value(value: Cell) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def _action(cells: dict[str, Cell]) -> dict[str, Any]:
    return {c.key: _value(cells[c.key]) for c in EXPORT_COLUMNS}


def as_data(report: ActionsReport) -> dict[str, Any]:
    d = report.definition
    return {
        "format": FORMAT,
        "format_version": 1,
        "definition": {"id": d.id, "version": d.version},
        "marking": d.marking.label if d.marking else None,
        "today": report.today.isoformat(),
        "teams_file": report.teams_file is not None,
        "audits": report.audits,
        "counts": report.counts.as_dict(),
        "areas": [
            {"area": area.area, "counts": area.counts.as_dict(),
             "teams": [{"team": t.team, "counts": t.counts.as_dict()} for t in area.teams]}
            for area in report.areas()
        ],
        "actions": [_action(row.cells()) for row in report.rows],
    }


def render(report: ActionsReport) -> bytes:
    return (json.dumps(as_data(report), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
