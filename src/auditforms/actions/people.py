"""An optional people file (name, e-mail) so reminders reach the person responsible.

Audits name the person responsible as written by the auditor; this file gives their
address. Without it (or for someone not in it) the reminder goes to the team manager.
"""

from __future__ import annotations

from auditforms.actions.codes import error
from auditforms.actions.teams import valid_email
from auditforms.diagnostics import Diagnostic
from auditforms.sampling.tabular import ColumnSpec, read_table
from auditforms.sampling.values import normalise_key

COLUMNS = (
    ColumnSpec("name", ("person", "worker", "full name"), required=True),
    ColumnSpec("email", ("e-mail", "email address", "e-mail address"), required=True),
)


def read_people(data: bytes, file: str) -> tuple[dict[str, str], list[Diagnostic]]:
    """Addresses by normalised name; a row without a usable address is reported and left out."""
    table = read_table(data, file, COLUMNS)
    problems = list(table.problems)
    people: dict[str, str] = {}
    for row in table.rows:
        name, email = " ".join(row.get("name").split()), row.get("email")
        if not name or not valid_email(email):
            problems.append(error("AF961", "this row needs a name and an e-mail address; it is ignored",
                                  file, row.line, row.col("email" if name else "name")))
            continue
        people.setdefault(normalise_key(name), email)
    return people, problems
