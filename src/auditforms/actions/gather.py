"""Folding many audits into one set of actions, one audit at a time (memory grows with the
actions kept, not with the audits read; with a spool as the store, not even with those).
Pure: the CLI reads the files and passes documents in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from auditforms.actions.codes import error
from auditforms.actions.collect import collect_with_problems
from auditforms.actions.model import TrackedAction
from auditforms.diagnostics import Diagnostic
from auditforms.model.definition import Definition


class ActionStore(Protocol):
    """Where gathered actions go: in memory (:class:`Gathered`) or a spool on disk."""

    def claim(self, audit_id: str, file: str) -> str | None:
        """Record that ``file`` holds ``audit_id``; the file that already did, if one did."""

    def keep(self, actions: list[TrackedAction]) -> None:
        """Keep the actions of one audit."""


@dataclass
class Gathered:
    actions: dict[str, TrackedAction] = field(default_factory=dict)
    problems: list[Diagnostic] = field(default_factory=list)
    audits_read: int = 0
    audit_files: dict[str, str] = field(default_factory=dict)  # audit id -> file

    @property
    def listed(self) -> list[TrackedAction]:
        return list(self.actions.values())

    def claim(self, audit_id: str, file: str) -> str | None:
        first = self.audit_files.get(audit_id)
        if first is None:
            self.audit_files[audit_id] = file
        return first

    def keep(self, actions: list[TrackedAction]) -> None:
        for action in actions:
            self.actions[action.id] = action


def gather(definition: Definition, documents: Iterable[tuple[str, Any]],
           store: ActionStore | None = None) -> Gathered:
    """Every agreed action of ``documents`` ((file name, document) pairs), keyed by action id,
    kept in the result or, when given, in ``store`` (the result then counts and reports)."""
    out = Gathered()
    into: ActionStore = out if store is None else store
    for file, document in documents:
        out.audits_read += 1
        collected = collect_with_problems(definition, document, file=file)
        out.problems += collected.problems
        if not collected.actions:
            continue
        audit_id = collected.actions[0].audit_id
        first = into.claim(audit_id, file)
        if first is not None:
            out.problems.append(error("AF954", f"the audit_id {audit_id} is also the id of {first}; this "
                                      "audit's actions are not listed (each audit needs its own id)", file,
                                      pointer="/audit_id"))
            continue
        into.keep(collected.actions)
    return out
