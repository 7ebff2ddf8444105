"""Planning sign-offs from trackers as data: every change checked before anything is written.

A change is kept only when it is valid (a real date, not before the audit date, not in the
future, someone named), consistent with what the audit already holds (a different existing
sign-off or update is a conflict, and nothing is written for that action) and with every
other row about the same action. A value the audit already holds is no change, so reading
the same tracker twice changes nothing.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from auditforms.actions.codes import error
from auditforms.actions.collect import action_plan
from auditforms.actions.model import TrackedAction
from auditforms.actions.tracker_read import TrackerEntry
from auditforms.diagnostics import Diagnostic
from auditforms.model.definition import Definition


@dataclass(frozen=True, slots=True)
class Change:
    """What to write into one action: a sign-off date and/or an update, and who gave them."""

    action: TrackedAction
    sign_off: dt.date | None
    update: str | None
    by: str
    source: str

    def describe(self) -> str:
        parts = []
        if self.sign_off is not None:
            parts.append(f"signed off {self.sign_off.isoformat()}")
        if self.update is not None:
            parts.append("update added")
        return f"{self.action.id}: {' and '.join(parts)} by {self.by} (from {self.source})"


@dataclass
class Plan:
    changes: list[Change] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)
    unchanged: int = 0

    def by_file(self) -> dict[str, list[Change]]:
        files: dict[str, list[Change]] = defaultdict(list)
        for change in self.changes:
            files[change.action.file].append(change)
        return dict(files)


def plan_signoffs(actions: Mapping[str, TrackedAction], entries: Iterable[TrackerEntry], today: dt.date,
                  by: str | None = None) -> Plan:
    plan = Plan()
    by_action: dict[str, list[TrackerEntry]] = defaultdict(list)
    for entry in entries:
        by_action[entry.action_id].append(entry)
    for action_id, rows in by_action.items():
        action = actions.get(action_id)
        if action is None:
            for e in rows:
                plan.problems.append(error("AF957", f"no action {action_id} among the audits given (a tracker "
                                           "of other audits, or an audit left out)", e.file, e.line,
                                           e.col("action_id")))
            continue
        change = _plan_one(action, rows, today, by, plan)
        if change is not None:
            plan.changes.append(change)
    return plan


def _plan_one(action: TrackedAction, rows: list[TrackerEntry], today: dt.date, by: str | None,
              plan: Plan) -> Change | None:
    valid = [e for e in rows if _valid(action, e, today, plan.problems)]
    if len(valid) < len(rows):
        return None
    first = valid[0]
    for other in valid[1:]:
        if (other.sign_off, other.update) != (first.sign_off, first.update):
            plan.problems.append(error("AF959", f"action {action.id} is given a different sign-off or update "
                                       f"here than in {first.file} row {first.line}; nothing is written for "
                                       "it", other.file, other.line, other.col("sign_off_date")))
            return None
    if _conflicts(action, first, plan.problems):
        return None
    sign_off = first.sign_off if first.sign_off is not None and action.signed_off is None else None
    update = first.update if first.update and not action.update else None
    if sign_off is None and update is None:
        plan.unchanged += 1
        return None
    if not (first.signed_off_by or by):
        plan.problems.append(error("AF958", "nobody is named in 'Signed off by'; fill it in or pass --by NAME",
                                   first.file, first.line, first.col("signed_off_by")))
        return None
    return Change(action, sign_off, update, first.signed_off_by or by or "", f"{first.file} row {first.line}")


def _valid(action: TrackedAction, e: TrackerEntry, today: dt.date, problems: list[Diagnostic]) -> bool:
    at = (e.file, e.line)
    if e.fingerprint and e.fingerprint != action.fingerprint:
        problems.append(error("AF957", f"the action plan of audit {action.audit_id} has changed since this "
                              f"tracker was made (row {action.row} holds another action now); nothing is "
                              "written for it; make a new tracker", *at, e.col("fingerprint")))
        return False
    if e.sign_off is not None and e.sign_off > today:
        problems.append(error("AF958", f"the sign-off date {e.sign_off.isoformat()} is in the future",
                              *at, e.col("sign_off_date")))
        return False
    if e.sign_off is not None and action.audit_date is not None and e.sign_off < action.audit_date:
        problems.append(error("AF958", f"the sign-off date {e.sign_off.isoformat()} is before the audit "
                              f"date {action.audit_date.isoformat()}", *at, e.col("sign_off_date")))
        return False
    return True


def _conflicts(action: TrackedAction, e: TrackerEntry, problems: list[Diagnostic]) -> bool:
    if e.sign_off is not None and action.signed_off is not None and e.sign_off != action.signed_off:
        problems.append(error("AF959", f"action {action.id} is already signed off on "
                              f"{action.signed_off.isoformat()}, not {e.sign_off.isoformat()}; nothing is "
                              "written for it", e.file, e.line, e.col("sign_off_date")))
        return True
    if e.update and action.update and " ".join(e.update.split()) != " ".join(action.update.split()):
        problems.append(error("AF959", f"action {action.id} already has a different update; nothing is "
                              "written for it", e.file, e.line, e.col("manager_update")))
        return True
    return False


def apply_changes(definition: Definition, document: Mapping[str, Any], changes: Iterable[Change],
                  at: str, in_file: tuple[str, Mapping[str, str]] | None = None) -> dict[str, Any]:
    """A copy of ``document`` with ``changes`` written into its action plan and its history.
    ``in_file``: for an audit of an older version, the action table's id there and its columns'
    ids there (by this version's column id), so the file keeps its own version's shape."""
    table = action_plan(definition)
    assert table is not None
    signed = table.column_with_role("action_signed_off")
    updated = table.column_with_role("action_update")
    table_id, columns = in_file or (table.id, {})
    new = copy.deepcopy(dict(document))
    rows = new["answers"][table_id]
    history = new.setdefault("history", [])
    for change in changes:
        row = rows[change.action.row - 1]
        if change.sign_off is not None and signed is not None:
            row[columns.get(signed.id, signed.id)] = change.sign_off.isoformat()
            history.append(_event("action-signed-off", change, at))
        if change.update is not None and updated is not None:
            row[columns.get(updated.id, updated.id)] = change.update
            history.append(_event("action-updated", change, at))
    return new


def _event(event: str, change: Change, at: str) -> dict[str, Any]:
    return {"event": event, "role": "manager", "name": change.by[:200], "at": at,
            "details": {"action": change.action.id}}


def still_matches(definition: Definition, document: Any, change: Change) -> bool:
    """Whether the audit, read again just before writing, still holds the action as planned."""
    from auditforms.actions.collect import collect_with_problems

    current = {a.id: a for a in collect_with_problems(definition, document, file=change.action.file).actions}
    action = current.get(change.action.id)
    return action is not None and action == change.action
