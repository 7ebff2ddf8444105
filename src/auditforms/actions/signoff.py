"""Planning sign-offs from trackers as data: every change checked before anything is written.

A change is kept only when it is valid (a real date, not before the audit date, not in the
future, someone named), consistent with what the audit already holds (a different existing
sign-off or update is a conflict, and nothing is written for that action, unless the run
corrects: ``--correct``) and with every other row about the same action. A value the audit
already holds is no change, so reading the same tracker twice changes nothing.

An update given in the same row as a new sign-off goes with it: it is recorded in the
sign-off's history entry (``"with_update": true``), which is what makes the action *no
longer required* (:mod:`auditforms.actions.state`); it replaces a progress note read back
before. Who is recorded, as a manager: the row's *Signed off by*, else ``--by NAME``, else the
manager the tracker was made for (its ``about`` sheet), on the rows of their teams.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from auditforms.actions.codes import error, warning
from auditforms.actions.collect import CORRECTED_EVENT, SIGNED_OFF_EVENT, UPDATED_EVENT, WITH_UPDATE, action_plan
from auditforms.actions.model import TrackedAction
from auditforms.actions.state import says_no_longer_required
from auditforms.actions.tracker_read import TrackerEntry
from auditforms.diagnostics import Diagnostic
from auditforms.model.definition import Definition

#: the role every sign-off and update is recorded in: a manager gives them (the lead auditor only reads them back)
MANAGER = "manager"


@dataclass(frozen=True, slots=True)
class Change:
    """What to write into one action: a sign-off date and/or an update, and which manager gave
    them. ``corrects``: the sign-off date this one replaces (``--correct``);
    ``replaces_update``: the update replaces a different one the audit held."""

    action: TrackedAction
    sign_off: dt.date | None
    update: str | None
    by: str
    source: str
    corrects: dt.date | None = None
    replaces_update: bool = False

    @property
    def is_new_sign_off(self) -> bool:
        return self.sign_off is not None and self.corrects is None

    @property
    def update_with_sign_off(self) -> bool:
        """The update is given together with a new sign-off: the action is no longer required."""
        return self.is_new_sign_off and self.update is not None

    def describe(self) -> str:
        """One line for the terminal: "A:2: signed off 2026-11-16 with an update (no longer
        required) by I. Lund (from t.xlsx row 8)". Never the update's text."""
        update = "a new update" if self.replaces_update else "an update"
        if self.corrects is not None and self.sign_off is not None:
            what = f"sign-off corrected from {self.corrects.isoformat()} to {self.sign_off.isoformat()}"
            what += f" and {update} given" if self.update is not None else ""
        elif self.sign_off is not None:
            done = self.update_with_sign_off or says_no_longer_required(self.action.update)
            what = f"signed off {self.sign_off.isoformat()}" + (f" with {update}" if self.update is not None else "")
            what += " (no longer required)" if done else ""
        else:
            what = "update replaced" if self.replaces_update else "update added"
        return f"{self.action.id}: {what} by {self.by} (from {self.source})"


@dataclass
class Plan:
    changes: list[Change] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)
    unchanged: int = 0
    #: rows that say something but nothing that can be recorded (a name without a date)
    not_read: int = 0

    def by_file(self) -> dict[str, list[Change]]:
        files: dict[str, list[Change]] = defaultdict(list)
        for change in self.changes:
            files[change.action.file].append(change)
        return dict(files)


def plan_signoffs(actions: Mapping[str, TrackedAction], entries: Iterable[TrackerEntry], today: dt.date,
                  by: str | None = None, *, correct: bool = False) -> Plan:
    """The changes ``entries`` make to ``actions`` and every problem found. ``by``: the manager
    who gave them, where a row names nobody; ``correct``: a sign-off date or update different
    from the recorded one replaces it instead of being a conflict."""
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
        change = _plan_one(action, rows, today, by, correct, plan)
        if change is not None:
            plan.changes.append(change)
    return plan


def _plan_one(action: TrackedAction, rows: list[TrackerEntry], today: dt.date, by: str | None, correct: bool,
              plan: Plan) -> Change | None:
    first = _agreeing_row(action, rows, today, plan.problems)
    if first is None or (not correct and _conflicts(action, first, plan.problems)):
        return None
    new_sign_off = first.sign_off is not None and action.signed_off is None
    corrects = action.signed_off if first.sign_off not in (None, action.signed_off) and not new_sign_off else None
    update = first.update if first.update and not _same_text(first.update, action.update) else None
    if first.sign_off is None and update is None and first.signed_off_by:
        plan.problems.append(warning("AF958", "'Signed off by' is filled in but the sign-off date is blank, so "
                                     "nothing is recorded for this row; add the date the action was signed off",
                                     first.file, first.line, first.col("sign_off_date")))
        plan.not_read += 1
        return None
    if not new_sign_off and corrects is None and update is None:
        plan.unchanged += 1
        return None
    sign_off = first.sign_off if new_sign_off or corrects is not None else None
    named = _who(first, by, "sign-off" if sign_off is not None else "update", plan.problems)
    if named is None:
        return None
    return Change(action, sign_off, update, named, f"{first.file} row {first.line}", corrects,
                  update is not None and bool(action.update))


def _agreeing_row(action: TrackedAction, rows: list[TrackerEntry], today: dt.date,
                  problems: list[Diagnostic]) -> TrackerEntry | None:
    """The row that says what to record for ``action``: every row about it valid and giving the
    same sign-off and update (else ``None``, the problems reported)."""
    valid = [e for e in rows if _valid(action, e, today, problems)]
    if len(valid) < len(rows):
        return None
    first = valid[0]
    for other in valid[1:]:
        if (other.sign_off, other.update) != (first.sign_off, first.update):
            problems.append(error("AF959", f"action {action.id} is given a different sign-off or update here "
                                  f"than in {first.file} row {first.line}; nothing is written for it", other.file,
                                  other.line, other.col("sign_off_date")))
            return None
    return first


def _who(row: TrackerEntry, by: str | None, what: str, problems: list[Diagnostic]) -> str | None:
    """The manager recorded for ``what`` (a sign-off or an update): the row's *Signed off by*,
    else ``--by``, else the manager the tracker was made for; ``None`` (reported) for nobody."""
    named = row.signed_off_by or by or row.recipient
    if not named:
        who = "the manager who signed it off" if what == "sign-off" else "the manager who wrote it"
        problems.append(error("AF958", f"nobody is named for this {what}: fill in 'Signed off by' with {who}, or "
                              "pass --by NAME", row.file, row.line, row.col("signed_off_by")))
    return named or None


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


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
    """Whether ``e`` disagrees with what the audit holds (reported). A new update given with a
    new sign-off is no conflict: it is the update that goes with the sign-off."""
    if e.sign_off is not None and action.signed_off is not None and e.sign_off != action.signed_off:
        problems.append(error("AF959", f"action {action.id} is already signed off on "
                              f"{action.signed_off.isoformat()}, not {e.sign_off.isoformat()}; nothing is "
                              "written for it; if the recorded date is wrong, run --update again with --correct "
                              "to replace it", e.file, e.line, e.col("sign_off_date")))
        return True
    given_with_sign_off = e.sign_off is not None and action.signed_off is None
    if e.update and action.update and not _same_text(e.update, action.update) and not given_with_sign_off:
        problems.append(error("AF959", f"action {action.id} already has a different update; nothing is "
                              "written for it; an update replaces the recorded one when it is given with the "
                              "sign-off date, or with --correct", e.file, e.line, e.col("manager_update")))
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
        if change.update is not None and updated is not None:
            row[columns.get(updated.id, updated.id)] = change.update
        history.append(history_entry(change, at))
    return new


def history_entry(change: Change, at: str) -> dict[str, Any]:
    """The one history entry of ``change``: a sign-off (``"with_update"``: whether the update
    came with it), an update alone, or a correction (the date it replaced, and
    ``"update_replaced"``). Never the update's text."""
    details: dict[str, Any] = {"action": change.action.id}
    if change.corrects is not None or (change.sign_off is None and change.replaces_update):
        event = CORRECTED_EVENT
        if change.corrects is not None:
            details["sign_off_was"] = change.corrects.isoformat()
    elif change.sign_off is not None:
        event = SIGNED_OFF_EVENT
        details[WITH_UPDATE] = change.update is not None
    else:
        event = UPDATED_EVENT
    if change.replaces_update:
        details["update_replaced"] = True
    return {"event": event, "role": MANAGER, "name": change.by[:200], "at": at, "details": details}


def still_matches(definition: Definition, document: Any, change: Change) -> bool:
    """Whether the audit, read again just before writing, still holds the action as planned."""
    from auditforms.actions.collect import collect_with_problems

    current = {a.id: a for a in collect_with_problems(definition, document, file=change.action.file).actions}
    action = current.get(change.action.id)
    return action is not None and action == change.action
