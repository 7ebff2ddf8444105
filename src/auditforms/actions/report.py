"""The figures every actions output renders: rows with their states, and counts by area and team.

Computed once, as data; the text, csv, json, html and xlsx renderers only lay it out.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from auditforms.actions.model import ActionState, TrackedAction
from auditforms.actions.state import ActionCounts, state_of
from auditforms.actions.teams import Person, Team, Teams
from auditforms.model.definition import Definition

SPLITS = ("head_of_service", "service_manager", "team")
UNKNOWN_TEAM = "(no team recorded)"
NOT_IN_TEAMS_FILE = "(not in the teams file)"

Cell = str | int | dt.date | None


@dataclass(frozen=True, slots=True)
class TrackerRow:
    action: TrackedAction
    state: ActionState
    area: str
    team: Team | None

    @property
    def team_name(self) -> str:
        return self.action.team or UNKNOWN_TEAM

    def manager_name(self, role: str) -> str:
        person = self.team.manager(role) if self.team else None
        return person.name if person else ""

    def cell(self, key: str) -> Cell:
        """The value of one tracker column (see :mod:`auditforms.actions.columns`)."""
        return self.cells()[key]

    def cells(self) -> dict[str, Cell]:
        """Every tracker column's value, by key, worked out at once (a tracker has many rows)."""
        a = self.action
        team = self.team
        return {
            "action_id": a.id, "audit_id": a.audit_id, "child_id": a.child_id, "area": self.area,
            "team": self.team_name, "action": a.action, "action_owner": a.owner,
            "audit_date": a.audit_date, "completion_date": a.due, "state": self.state.kind.value,
            "days_overdue": self.state.days if self.state.kind.value == "overdue" else None,
            "sign_off_date": a.signed_off, "signed_off_by": "", "manager_update": a.update,
            "fingerprint": a.fingerprint,
            "team_manager": _name(team.team_manager) if team else "",
            "service_manager": _name(team.service_manager) if team else "",
            "head_of_service": _name(team.head_of_service) if team else "",
        }


def _name(person: Person | None) -> str:
    return person.name if person else ""


@dataclass(frozen=True)
class TeamFigures:
    team: str
    counts: ActionCounts


@dataclass(frozen=True)
class AreaFigures:
    area: str
    counts: ActionCounts
    teams: tuple[TeamFigures, ...]


@dataclass(frozen=True)
class ActionsReport:
    definition: Definition
    today: dt.date
    rows: tuple[TrackerRow, ...]
    audits: int
    teams_file: str | None

    @property
    def counts(self) -> ActionCounts:
        return ActionCounts.from_kinds(r.state.kind for r in self.rows)

    def areas(self) -> list[AreaFigures]:
        """Counts by area of service, then by team, in name order."""
        by_area: dict[str, dict[str, list[TrackerRow]]] = defaultdict(lambda: defaultdict(list))
        for row in self.rows:
            by_area[row.area][row.team_name].append(row)
        return [
            AreaFigures(area, _counts(r for rows in teams.values() for r in rows),
                        tuple(TeamFigures(team, _counts(rows)) for team, rows in sorted(teams.items())))
            for area, teams in sorted(by_area.items())
        ]

    def with_rows(self, rows: Iterable[TrackerRow]) -> ActionsReport:
        rows = tuple(rows)
        return ActionsReport(self.definition, self.today, rows, len({r.action.audit_id for r in rows}),
                             self.teams_file)


def _counts(rows: Iterable[TrackerRow]) -> ActionCounts:
    return ActionCounts.from_kinds(r.state.kind for r in rows)


def build_report(definition: Definition, actions: Iterable[TrackedAction], today: dt.date,
                 teams: Teams | None = None) -> ActionsReport:
    """Every action with its state on ``today``, its area and managers, sorted for reading."""
    rows = [tracker_row(a, today, teams) for a in actions]
    rows.sort(key=sort_key)
    return ActionsReport(definition, today, tuple(rows), len({r.action.audit_id for r in rows}),
                         teams.file if teams is not None else None)


def tracker_row(action: TrackedAction, today: dt.date, teams: Teams | None) -> TrackerRow:
    """The action with its state on ``today`` and, from the teams file, its area and managers."""
    if teams is None:
        return TrackerRow(action, state_of(action, today), action.team or UNKNOWN_TEAM, None)
    team = teams.find(action.team) if action.team else None
    return TrackerRow(action, state_of(action, today), team.area if team else NOT_IN_TEAMS_FILE, team)


def sort_key(row: TrackerRow) -> tuple[str, str, str, int]:
    """The order rows are read in: area, team (either case), audit, row of the action plan."""
    return row.area.casefold(), row.team_name.casefold(), row.action.audit_id, row.action.row


def split_key(row: TrackerRow, by: str) -> str:
    """Whose tracker ``row`` goes in: its team's name, or the manager in role ``by``."""
    return row.team_name if by == "team" else (row.manager_name(by) or f"(no {by.replace('_', ' ')})")


def split(report: ActionsReport, by: str) -> dict[str, ActionsReport]:
    """One report per head of service, service manager or team (name → report), in name order."""
    groups: dict[str, list[TrackerRow]] = defaultdict(list)
    for row in report.rows:
        groups[split_key(row, by)].append(row)
    return {name: report.with_rows(rows) for name, rows in sorted(groups.items())}


def file_stem(name: str) -> str:
    """A file name for a person or team: letters, digits and hyphens only, never empty."""
    stem = re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-").lower()
    return stem[:60] or "unnamed"
