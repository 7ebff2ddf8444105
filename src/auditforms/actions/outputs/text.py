"""The text listing: counts by area and team, then each team's actions, for a terminal."""

from __future__ import annotations

from auditforms.actions.report import ActionsReport, TrackerRow
from auditforms.actions.state import ActionCounts
from auditforms.english import count
from auditforms.terminal_safety import printable


def counts_phrase(counts: ActionCounts) -> str:
    """"5 actions: 1 overdue, 2 due within 7 days, 2 open" (states with none left out)."""
    parts = [f"{n} {label}" for n, label in (
        (counts.overdue, "overdue"), (counts.due_soon, "due within 7 days"), (counts.open, "open"),
        (counts.signed_off, "signed off"), (counts.signed_off_late, "signed off late"),
        (counts.no_longer_required, "no longer required")) if n]
    return count(counts.total, "action") + (": " + ", ".join(parts) if parts else "")


def render(report: ActionsReport) -> bytes:
    return "\n".join(lines(report)).encode("utf-8") + b"\n"


def lines(report: ActionsReport) -> list[str]:
    d = report.definition
    out = []
    if d.marking:
        out.append(printable(d.marking.label))
    out.append(printable(f"Actions of {d.title} on {report.today.isoformat()}: "
                         f"{counts_phrase(report.counts)} in {count(report.audits, 'audit')}"))
    if report.teams_file is None:
        out.append("No teams file: actions are grouped by the team recorded in each audit.")
    rows_by_team: dict[tuple[str, str], list[TrackerRow]] = {}
    for row in report.rows:
        rows_by_team.setdefault((row.area, row.team_name), []).append(row)
    by_area = report.teams_file is not None
    for area in report.areas():
        if by_area:
            out += ["", printable(f"{area.area}: {counts_phrase(area.counts)}")]
        # an area that is one team of the same name (Care Leavers) is not headed twice
        alone = by_area and len(area.teams) == 1 and area.teams[0].team == area.area
        for team in area.teams:
            if not alone:
                out += [] if by_area else [""]
                out.append(printable(f"{'  ' if by_area else ''}{team.team}: {counts_phrase(team.counts)}"))
            indent = "    " if by_area and not alone else "  "
            out += [_line(row, indent) for row in rows_by_team.get((area.area, team.team), [])]
    return out


def _line(row: TrackerRow, indent: str) -> str:
    a = row.action
    due = a.due.isoformat() if a.due else "no date"
    text = a.action if len(a.action) <= 70 else a.action[:69] + "…"
    return printable(f"{indent}{a.id}  child {a.child_id or '?'}  {a.owner or '(nobody named)'}  due {due}  "
                     f"{row.state.describe()}  {text}")
