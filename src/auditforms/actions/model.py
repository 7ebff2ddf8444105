"""What ``auditforms actions`` knows about one agreed action, and its state on a day."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TrackedAction:
    """One row of an audit's action plan, with what identifies its audit and child.

    ``id`` is ``<audit id>:<row number in the audit>`` (rows count from 1), so nothing new is
    stored in the audit; ``fingerprint`` is a short digest of the action's text, so a tracker
    made before the audit's rows were edited is detected instead of updating the wrong action.
    ``update_apart`` is true when the audit's history shows the update was not given together
    with the sign-off (a progress note read back before it, or added after it): such an update
    does not make the action *no longer required* (:func:`auditforms.actions.state.state_of`).
    Without history about the action (an audit completed in the form with both filled in) it
    is false, and a signed-off action with an update is no longer required, as before.
    """

    id: str
    audit_id: str
    row: int
    file: str
    status: str
    child_id: str
    team: str
    audit_date: dt.date | None
    action: str
    owner: str
    due: dt.date | None
    signed_off: dt.date | None
    update: str
    fingerprint: str
    update_apart: bool = False


class StateKind(enum.StrEnum):
    """Where an action stands. The values are stable: csv, xlsx and json carry them."""

    OPEN = "open"
    DUE_SOON = "due-soon"
    OVERDUE = "overdue"
    SIGNED_OFF = "signed-off"
    SIGNED_OFF_LATE = "signed-off-late"
    NO_LONGER_REQUIRED = "no-longer-required"

    @property
    def is_done(self) -> bool:
        return self in _DONE

    @property
    def label(self) -> str:
        return _LABELS[self]


_DONE = frozenset({StateKind.SIGNED_OFF, StateKind.SIGNED_OFF_LATE, StateKind.NO_LONGER_REQUIRED})
_LABELS = {
    StateKind.OPEN: "Open",
    StateKind.DUE_SOON: "Due within 7 days",
    StateKind.OVERDUE: "Overdue",
    StateKind.SIGNED_OFF: "Signed off",
    StateKind.SIGNED_OFF_LATE: "Signed off late",
    StateKind.NO_LONGER_REQUIRED: "No longer required",
}


@dataclass(frozen=True, slots=True)
class ActionState:
    """An action's state on a day. ``days``: days overdue (``OVERDUE``), days until due
    (``DUE_SOON``, 0 on the day), days late (``SIGNED_OFF_LATE``); otherwise ``None``."""

    kind: StateKind
    days: int | None = None

    def describe(self) -> str:
        """The words a person reads: "Overdue by 3 days", "Due within 7 days (in 2 days)"."""
        if self.kind is StateKind.OVERDUE:
            return f"Overdue by {_days(self.days)}"
        if self.kind is StateKind.SIGNED_OFF_LATE:
            return f"Signed off late by {_days(self.days)}"
        if self.kind is StateKind.DUE_SOON:
            return "Due today" if self.days == 0 else f"Due within 7 days (in {_days(self.days)})"
        return self.kind.label


def _days(n: int | None) -> str:
    return "1 day" if n == 1 else f"{n} days"
