"""Agreed actions out of one completed audit, read through the definition's roles.

Nothing about a particular council is known here: the table with ``role: action_plan`` and
its column roles say where the action, person, dates and update are; the fields with roles
``child_id``, ``team`` and ``audit_date`` say whose audit it is.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from auditforms.actions.codes import error, warning
from auditforms.actions.model import TrackedAction
from auditforms.diagnostics import Diagnostic
from auditforms.model.definition import ActionColumnRole, Column, Definition, DefinitionIndex, Table

AGREED_STATUSES = ("moderated", "final")


@dataclass
class Collected:
    actions: list[TrackedAction] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)


def action_plan(definition: Definition) -> Table | None:
    """The definition's action plan table, if it declares one."""
    table_id = definition.index.by_role("action_plan")
    node = definition.index.node(table_id) if table_id else None
    return node if isinstance(node, Table) else None


def fingerprint(text: str) -> str:
    """Eight hex digits of the action text, blind to spacing and case (Calc and Excel re-wrap)."""
    normal = " ".join(text.split()).casefold()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:8]


def collect(definition: Definition, document: Any, *, file: str = "") -> list[TrackedAction]:
    """The agreed actions of a moderated or final audit (empty for drafts and other tools)."""
    return collect_with_problems(definition, document, file=file).actions


def collect_with_problems(definition: Definition, document: Any, *, file: str = "",
                          agreed_only: bool = True) -> Collected:
    """Like :func:`collect`, with the reasons an audit or a row was not (fully) read."""
    return _collector(definition).collect(document, file, agreed_only)


class _Collector:
    """What :func:`collect_with_problems` looks up in a definition, looked up once: a tracker
    or a report reads thousands of audits of one definition."""

    def __init__(self, definition: Definition) -> None:
        self.definition = definition
        self.table = action_plan(definition)
        self.columns: dict[str, Column] = {c.role: c for c in self.table.columns if c.role is not None} \
            if self.table else {}

    def collect(self, document: Any, file: str, agreed_only: bool) -> Collected:
        out = Collected()
        definition, table = self.definition, self.table
        if table is None:
            out.problems.append(error("AF953", f"the tool {definition.id} has no table with role: "
                                      "action_plan, so it has no actions to track", file))
            return out
        if not _is_audit_of(definition, document):
            out.problems.append(error("AF950", f"not a completed audit of {definition.id}", file))
            return out
        if agreed_only and document.get("status") not in AGREED_STATUSES:
            return out
        audit_id = document.get("audit_id")
        if not isinstance(audit_id, str) or not audit_id.strip():
            out.problems.append(error("AF951", "the audit has no audit_id, so its actions cannot be "
                                      "tracked; add the id the sample gave it", file, pointer="/audit_id"))
            return out
        answers = document.get("answers")
        answers = answers if _is_mapping(answers) else {}
        header = _Header.read(definition.index, answers, file, out.problems)
        rows = answers.get(table.id)
        apart = updates_apart(document.get("history"))
        for number, row in enumerate(rows if isinstance(rows, list) else [], start=1):
            if _is_mapping(row):
                action = _action(table, self.columns, row, number, audit_id.strip(), header, document, out.problems)
                if action is not None:
                    if action.id in apart:
                        action = dataclasses.replace(action, update_apart=True)
                    out.actions.append(action)
        return out


SIGNED_OFF_EVENT = "action-signed-off"
UPDATED_EVENT = "action-updated"
CORRECTED_EVENT = "action-corrected"
#: in a sign-off's history entry: the update was given in the same read-back as the sign-off
WITH_UPDATE = "with_update"


def updates_apart(history: Any) -> frozenset[str]:
    """The ids of the actions whose history shows their update was not given together with
    their sign-off: the history records the action's sign-off or update being read back, but
    its sign-off entry does not say ``"with_update": true``. An entry written before auditforms
    said so either way has no ``with_update``; then the update came with it when auditforms
    wrote an ``action-updated`` entry for the action right after it, at the same moment."""
    if not isinstance(history, list):
        return frozenset()
    together: dict[str, bool] = {}  # by action id: whether its sign-off came with the update
    touched: set[str] = set()
    for k, entry in enumerate(history):
        event, action_id = _action_event(entry)
        if action_id is None:
            continue
        touched.add(action_id)
        if event == SIGNED_OFF_EVENT and action_id not in together:
            together[action_id] = _came_with_update(entry, history[k + 1] if k + 1 < len(history) else None)
    return frozenset(a for a in touched if not together.get(a, False))


def _action_event(entry: Any) -> tuple[str, str | None]:
    """The event and action id of a sign-off or update entry; ``("", None)`` for any other."""
    if not _is_mapping(entry) or entry.get("event") not in (SIGNED_OFF_EVENT, UPDATED_EVENT):
        return "", None
    details = entry.get("details")
    action_id = details.get("action") if _is_mapping(details) else None
    return (str(entry["event"]), action_id) if isinstance(action_id, str) else ("", None)


def _came_with_update(sign_off: Mapping[str, Any], following: Any) -> bool:
    details: Any = sign_off.get("details")
    if _is_mapping(details) and WITH_UPDATE in details:
        return details[WITH_UPDATE] is True
    event, action_id = _action_event(following)  # as auditforms wrote both before it said
    return (event == UPDATED_EVENT and action_id == _action_event(sign_off)[1]
            and following.get("at") == sign_off.get("at"))


_last_collector: _Collector | None = None


def _collector(definition: Definition) -> _Collector:
    """The collector of ``definition``: the last one made, when it was made for this very object."""
    global _last_collector
    if _last_collector is None or _last_collector.definition is not definition:
        _last_collector = _Collector(definition)
    return _last_collector


def _is_mapping(value: Any) -> bool:
    """``isinstance(value, Mapping)``, at once for a parsed document's dicts (the abstract
    base class's check is slow, and a tracker reads tens of thousands of rows)."""
    return type(value) is dict or isinstance(value, Mapping)


def _is_audit_of(definition: Definition, document: Any) -> bool:
    if not _is_mapping(document) or document.get("format") != "auditforms/completed-audit":
        return False
    named = document.get("definition")
    return _is_mapping(named) and named.get("id") == definition.id


@dataclass(frozen=True)
class _Header:
    file: str
    child_id: str
    team: str
    audit_date: dt.date | None

    @classmethod
    def read(cls, index: DefinitionIndex, answers: Mapping[str, Any], file: str,
             problems: list[Diagnostic]) -> _Header:
        def text(role: str) -> str:
            value = index.role_answer(answers, role)  # a field's, or a compound field part's
            return " ".join(value.split()) if isinstance(value, str) else ""

        given = index.role_answer(answers, "audit_date")
        date = _date(given)
        if given is not None and date is None:
            place = (index.by_role("audit_date") or "").replace(".", "/")
            problems.append(warning("AF952", "the audit date is not a real YYYY-MM-DD date", file,
                                    pointer=f"/answers/{place}"))
        return cls(file, text("child_id"), text("team"), date)


def _action(table: Table, columns: Mapping[str, Column], row: Mapping[str, Any], number: int, audit_id: str,
            header: _Header, document: Mapping[str, Any], problems: list[Diagnostic]) -> TrackedAction | None:
    def cell(role: ActionColumnRole) -> Any:
        column = columns.get(role)
        return row.get(column.id) if column else None

    def date(role: ActionColumnRole) -> dt.date | None:
        value = cell(role)
        parsed = _date(value)
        column = columns.get(role)
        if value not in (None, "") and parsed is None and column is not None:
            problems.append(warning("AF952", f"action {number}: {column.label} is not a real YYYY-MM-DD date",
                                    header.file, pointer=f"/answers/{table.id}/{number - 1}/{column.id}"))
        return parsed

    text = _text(cell("action"))
    if not text:
        if any(_text(v) for v in row.values()):
            problems.append(warning("AF952", f"row {number} of the action plan has no action text; "
                                    "it is not tracked", header.file, pointer=f"/answers/{table.id}/{number - 1}"))
        return None
    return TrackedAction(
        id=f"{audit_id}:{number}", audit_id=audit_id, row=number, file=header.file,
        status=str(document.get("status")), child_id=header.child_id, team=header.team,
        audit_date=header.audit_date, action=text, owner=_text(cell("action_owner")),
        due=date("action_due"), signed_off=date("action_signed_off"),
        update=_text(cell("action_update")), fingerprint=fingerprint(text))


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _date(value: Any) -> dt.date | None:
    if not isinstance(value, str) or len(value) != 10:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None
