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
        name, email = " ".join(row.get("name").split()), row.get("email").strip()
        wrong = _what_is_wrong(name, email)
        if wrong:
            problems.append(error("AF961", f"{wrong}; this row is ignored", file, row.line,
                                  row.col("email" if name else "name")))
            continue
        people.setdefault(normalise_key(name), email)
    return people, problems


def _what_is_wrong(name: str, email: str) -> str:
    """What keeps a row of the people file from use ("" when nothing): said, not quoted."""
    if not name:
        return "the name is blank" + ("" if email else " and so is the e-mail address")
    if not email:
        return "the e-mail address is blank"
    if not valid_email(email):
        where = "" if email.count("@") == 1 else (" (no @)" if "@" not in email else " (more than one @)")
        return (f"the e-mail address is not one address{where}: write it as name@council.gov.uk, "
                "with no spaces, commas or display name")
    return ""
