"""Agreed actions across audits: collect them, say where each stands, track sign-off.

The small API other parts of auditforms use (the monthly report's action figures)::

    from auditforms import actions
    tracked = actions.collect(definition, document)        # list[TrackedAction]
    state = actions.state_of(tracked[0], today)             # ActionState(kind, days)
    counts = actions.count_states(tracked, today)           # ActionCounts(open=…, overdue=…)

Everything here is pure (no files, no terminal); ``auditforms.cli.actions`` does the I/O.
An action's id is ``<audit id>:<row number>``; see docs/actions.md.
"""

from __future__ import annotations

from auditforms.actions.collect import (
    AGREED_STATUSES,
    Collected,
    action_plan,
    collect,
    collect_with_problems,
    fingerprint,
)
from auditforms.actions.model import ActionState, StateKind, TrackedAction
from auditforms.actions.state import DUE_SOON_DAYS, ActionCounts, count_states, state_of

__all__ = [
    "AGREED_STATUSES",
    "DUE_SOON_DAYS",
    "ActionCounts",
    "ActionState",
    "Collected",
    "StateKind",
    "TrackedAction",
    "action_plan",
    "collect",
    "collect_with_problems",
    "count_states",
    "fingerprint",
    "state_of",
]
