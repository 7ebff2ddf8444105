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

#: A small tool's action plan, as an item of a section (six spaces in): the action, who, by when.
ACTION_PLAN_ITEM = """\
      - id: plan
        type: table
        title: Actions
        role: action_plan
        columns:
          - {id: a, label: Action, role: action}
          - {id: p, label: Person, role: action_owner}
          - {id: d, label: Due, type: date, role: action_due}
"""
#: The same with the columns ``actions --update`` writes into: the sign-off date and an update.
TRACKED_ACTION_PLAN_ITEM = ACTION_PLAN_ITEM + """\
          - {id: s, label: Signed, type: date, role: action_signed_off}
          - {id: u, label: Update, type: textarea, role: action_update}
"""


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


TEAMS_CSV = (
    "Team,Area of service,Team manager,Team manager email,Service manager,Service manager email,"
    "Head of service,Head of service email\n"
    "Fictional Team North,Safeguarding,T. North,t.north@example.org,S. One,s.one@example.org,H. Alpha,"
    "h.alpha@example.org\n"
    "Team South,Children in care,T. South,t.south@example.org,S. One,s.one@example.org,H. Beta,"
    "h.beta@example.org\n"
)


def audit_folder(folder: Path) -> Path:
    """Three audits: two moderated with actions (North, South) and a draft, plus a teams file."""
    audits = folder / "audits"
    audits.mkdir()
    write(audits, "a.json", audit())
    write(audits, "b.json", audit("2026-11-0500", team="Team South", child="C0500", actions=[
        action("Visit the child at school.", due="2026-11-30"),
        action("Update the plan.", signed="2026-12-02", update="The child moved out of the area.")]))
    write(audits, "c.json", audit("2026-11-0600", status="draft"))
    (folder / "teams.csv").write_text(TEAMS_CSV, encoding="utf-8")
    return audits


def split_by_service_manager(run_cli: Any, folder: Path, out: Path) -> Any:
    """``actions --split-by service_manager`` on :func:`audit_folder`'s audits (already written
    into ``folder``), on 2026-12-10: the CLI result; the trackers go into ``out``."""
    return run_cli("actions", TORBAY, folder / "audits", "--today", "2026-12-10", "--teams",
                   folder / "teams.csv", "--split-by", "service_manager", "-o", out)


def edit_tracker(path: Path, changes: dict[str, dict[str, object]]) -> None:
    """Fill in a tracker as a manager would in Excel: by action id, whatever the row order."""
    import openpyxl

    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Actions"]
    header_row = next(r for r in range(1, 20) if sheet.cell(r, 1).value == "Action id")
    headings = [c.value for c in sheet[header_row]]
    for r in range(header_row + 1, sheet.max_row + 1):
        action_id = sheet.cell(r, 1).value
        for heading, value in changes.get(str(action_id), {}).items():
            sheet.cell(r, headings.index(heading) + 1).value = value
    workbook.save(path)


def split_trackers(run_cli, folder: Path, *more: str, today: str = "2026-12-10") -> Path:
    """``actions --split-by head_of_service -o trackers`` over :func:`audit_folder`'s audits."""
    out = folder / "trackers"
    made = run_cli("actions", TORBAY, folder / "audits", "--today", today, "--teams", folder / "teams.csv",
                   "--split-by", "head_of_service", "-o", out, *more)
    assert made.exit_code == 0, made.output
    return out
