"""The teams file: team → area of service and its managers, as councils keep it in a CSV.

Read with the case list's reader (any of Excel's CSV flavours, headers matched by their
usual names, each bad row reported by line and column). Without a teams file, actions are
grouped by the team recorded in each audit, and outputs that need managers say so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from auditforms.actions.codes import error, warning
from auditforms.diagnostics import Diagnostic
from auditforms.sampling.tabular import ColumnSpec, Row, Table, read_table
from auditforms.sampling.values import normalise_key

MANAGER_ROLES = ("team_manager", "service_manager", "head_of_service")
_EMAIL = re.compile(r"^[^@\s,;<>\"]+@[^@\s,;<>\"]+\.[^@\s,;<>\"]+$")

COLUMNS = (
    ColumnSpec("team", ("team name", "team_name"), required=True),
    ColumnSpec("area", ("area of service", "service area", "service", "area_of_service")),
    ColumnSpec("team_manager", ("tm", "manager", "team manager name")),
    ColumnSpec("team_manager_email", ("tm email", "team manager e-mail", "manager email")),
    ColumnSpec("service_manager", ("sm", "service manager name")),
    ColumnSpec("service_manager_email", ("sm email", "service manager e-mail")),
    ColumnSpec("head_of_service", ("hos", "head of service name")),
    ColumnSpec("head_of_service_email", ("hos email", "head of service e-mail")),
)


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    email: str = ""


@dataclass(frozen=True, slots=True)
class Team:
    name: str
    area: str
    team_manager: Person | None = None
    service_manager: Person | None = None
    head_of_service: Person | None = None
    line: int = 0

    def manager(self, role: str) -> Person | None:
        person: Person | None = getattr(self, role)
        return person


@dataclass
class Teams:
    """Teams by name, compared case-, space- and punctuation-insensitively."""

    file: str = ""
    by_key: dict[str, Team] = field(default_factory=dict)

    def find(self, name: str) -> Team | None:
        return self.by_key.get(normalise_key(name))

    def __len__(self) -> int:
        return len(self.by_key)


def valid_email(text: str) -> bool:
    return bool(_EMAIL.match(text))


def read_teams(data: bytes, file: str) -> tuple[Teams, list[Diagnostic]]:
    """The teams in ``data`` and every problem found; a bad row is reported and left out."""
    table = read_table(data, file, COLUMNS)
    problems = list(table.problems)
    teams = Teams(file)
    if "team" not in table.present:
        return teams, problems
    for row in table.rows:
        team = _team(table, row, problems)
        if team is None:
            continue
        key = normalise_key(team.name)
        if key in teams.by_key:
            problems.append(error("AF961", f"this team is listed again (first on line "
                                  f"{teams.by_key[key].line}); this row is ignored", file, row.line, row.col("team")))
            continue
        teams.by_key[key] = team
    return teams, problems


def _team(table: Table, row: Row, problems: list[Diagnostic]) -> Team | None:
    name = " ".join(row.get("team").split())
    if not name:
        problems.append(error("AF961", "the team is blank; this row is ignored", table.file, row.line,
                              row.col("team")))
        return None
    people = {role: _person(table, row, role, problems) for role in MANAGER_ROLES}
    area = " ".join(row.get("area").split()) or name
    return Team(name, area, people["team_manager"], people["service_manager"], people["head_of_service"],
                row.line)


def _person(table: Table, row: Row, role: str, problems: list[Diagnostic]) -> Person | None:
    name = " ".join(row.get(role).split())
    email = row.get(f"{role}_email")
    if email and not valid_email(email):
        problems.append(warning("AF961", f"the {role.replace('_', ' ')}'s e-mail address is not an "
                                "address; it is left out", table.file, row.line, row.col(f"{role}_email")))
        email = ""
    if not name and not email:
        return None
    return Person(name or email, email)
