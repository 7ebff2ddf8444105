"""Reminder e-mails as .eml files: one per person with outstanding actions and team manager,
copied to that manager.

A person with actions in two teams gets one reminder per team manager, each listing only the
actions of that manager's teams: a manager is told only about the children their teams work
with (need to know).

Built with the standard library's :mod:`email` package; nothing is sent (the council's mail
system sends). ``X-Unsent: 1`` makes Outlook open the file as a draft ready to send;
Thunderbird opens it as a message. The protective marking leads the subject.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime

from auditforms.actions.report import ActionsReport, TrackerRow
from auditforms.actions.state import ActionCounts
from auditforms.actions.teams import Person
from auditforms.english import long_date
from auditforms.sampling.values import normalise_key
from auditforms.terminal_safety import one_line


@dataclass(frozen=True)
class Reminder:
    person: str
    message: EmailMessage
    #: no address for the person: it goes to their team manager (or, with none known, to nobody yet)
    to_manager_only: bool
    #: no address at all: the lead auditor fills in To before sending it
    unaddressed: bool = False
    #: the team manager whose teams' actions it lists ("" without a teams file or manager)
    manager: str = ""


def reminders(report: ActionsReport, people: Mapping[str, str], sender: str) -> list[Reminder]:
    """One reminder per person responsible for an open, due or overdue action and per team
    manager of those actions, in name order."""
    owed: dict[tuple[str, str], list[TrackerRow]] = defaultdict(list)
    for row in report.rows:
        if not row.state.kind.is_done:
            owed[(row.action.owner or "(nobody named)", _manager_key(row))].append(row)
    known = _team_manager_addresses(report)
    return [_reminder(report, person, rows, people, known, sender) for (person, _), rows in sorted(owed.items())]


def _manager_key(row: TrackerRow) -> str:
    """Who a row's reminder is copied to: its team manager (by address, else name); "" for none."""
    manager = row.team.team_manager if row.team else None
    if manager is None:
        return ""
    return manager.email.lower() if manager.email and is_address(manager.email) else normalise_key(manager.name)


def _team_manager_addresses(report: ActionsReport) -> dict[str, str]:
    """Every team manager's address by name: a team manager who owns an action is written to."""
    found: dict[str, str] = {}
    for row in report.rows:
        manager = row.team.team_manager if row.team else None
        if manager and manager.email and is_address(manager.email):
            found.setdefault(normalise_key(manager.name), manager.email)
    return found


def _reminder(report: ActionsReport, person: str, rows: list[TrackerRow], people: Mapping[str, str],
              team_managers: Mapping[str, str], sender: str) -> Reminder:
    person = " ".join(person.split())  # a line break in a name would end the header it is in
    address = people.get(normalise_key(person)) or person
    address = address.strip() if is_address(address.strip()) else ""  # one plain address, or none
    managers = _managers(rows)
    if not address:  # a team manager who owns an action is written to, not to their own manager
        address = team_managers.get(normalise_key(person), "")
    manager_name = next((r.team.team_manager.name for r in rows if r.team and r.team.team_manager), "")
    managers = [m for m in managers if m.email.lower() != address.lower()]
    message = EmailMessage()
    counts = ActionCounts.from_kinds(r.state.kind for r in rows)
    marking = one_line(report.definition.marking.label) if report.definition.marking else ""
    subject = f"Audit actions for {person}: {_summary(counts)}"
    message["Subject"] = f"{marking}: {subject}" if marking else subject
    message["From"] = sender
    to = _address(person, address) if address else ", ".join(_address(m.name, m.email) for m in managers)
    if to:
        message["To"] = to
    if address and managers:
        message["Cc"] = ", ".join(_address(m.name, m.email) for m in managers)
    message["Date"] = format_datetime(dt.datetime.combine(report.today, dt.time(8, 0), dt.UTC))
    message["X-Unsent"] = "1"
    message.set_content(_body(report, person, rows, marking, bool(address)))
    return Reminder(person, message, not address, not to, manager_name)


def _managers(rows: list[TrackerRow]) -> list[Person]:
    found: dict[str, Person] = {}
    for row in rows:
        manager = row.team.team_manager if row.team else None
        if manager and manager.email and is_address(manager.email):
            found.setdefault(manager.email.lower(), manager)
    return list(found.values())


_ADDRESS = re.compile(r"[^\s@<>,;\"]+@[^\s@<>,;\"]+\.[^\s@<>,;\"]+")


def is_address(text: str) -> bool:
    """Whether ``text`` is one plain e-mail address (``name@council.gov.uk``), nothing around it."""
    return _ADDRESS.fullmatch(text) is not None


def _address(name: str, email: str) -> str:
    user, _, domain = email.partition("@")
    return str(Address(display_name=" ".join(name.split()), username=user, domain=domain))


def _summary(counts: ActionCounts) -> str:
    parts = [f"{n} {label}" for n, label in ((counts.overdue, "overdue"), (counts.due_soon, "due within 7 days"),
                                             (counts.open, "open")) if n]
    return ", ".join(parts)


def _body(report: ActionsReport, person: str, rows: list[TrackerRow], marking: str, direct: bool) -> str:
    lines = [marking, ""] if marking else []
    lines.append(f"Dear {person}," if direct else f"For the attention of {person}'s manager:")
    lines += ["", f"These audit actions of {report.definition.title} are not yet signed off "
              f"(as at {long_date(report.today)}):", ""]
    for row in sorted(rows, key=lambda r: (r.action.due or dt.date.max, r.action.id)):
        a = row.action
        due = long_date(a.due) if a.due else "no completion date"
        lines += [f"- {a.id} (child {a.child_id or '?'}, {a.team or 'no team'}): {row.state.describe()}, "
                  f"completion date {due}", f"  {' '.join(a.action.split())}"]
    lines += ["", "When an action is complete, please let your manager know so that they can add the sign-off "
              "date to the action plan. If the child's situation has changed and the action is no longer "
              "required, your manager adds a short update and signs it off.", ""]
    if marking:
        lines.append(marking)
    return "\n".join(lines) + "\n"
