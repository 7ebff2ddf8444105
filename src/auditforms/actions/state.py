"""An action's state on a given day, and counts of states: the rules of the tracker.

The rules (docs/actions.md), on a given day: signed off (on or before that day) with an update
given together with the sign-off, or an update starting "No longer required", is *no longer
required* (Torbay's process: "managers should add a short update to the action and sign it
off"); a progress note read back before the sign-off is not. Otherwise signed off after the
completion date is *signed off late*, and signed off is *signed off*. Not signed off: past the
completion date is *overdue* (by whole days), on it or up to 7 days before it is *due within 7
days*, otherwise (or with no completion date) *open*.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from auditforms.actions.model import ActionState, StateKind, TrackedAction

DUE_SOON_DAYS = 7
#: the words that make an update say so whenever it was given (compared without case or spacing)
NO_LONGER_REQUIRED = "no longer required"


def says_no_longer_required(update: str) -> bool:
    """Whether ``update`` starts "No longer required" (any case, spacing or punctuation after)."""
    return " ".join(update.split()).casefold().startswith(NO_LONGER_REQUIRED)


def no_longer_required(action: TrackedAction) -> bool:
    """Whether a signed-off ``action`` was signed off as no longer required: its update came
    with the sign-off (or nothing in its history says otherwise), or the update says so."""
    return bool(action.update) and (not action.update_apart or says_no_longer_required(action.update))


def state_of(action: TrackedAction, today: dt.date) -> ActionState:
    """Where ``action`` stands on ``today``. A sign-off dated after ``today`` had not happened
    yet: a month's report as of its last day counts an action signed off the week after as
    still outstanding on that day."""
    if action.signed_off is not None and action.signed_off <= today:
        if no_longer_required(action):
            return ActionState(StateKind.NO_LONGER_REQUIRED)
        if action.due is not None and action.signed_off > action.due:
            return ActionState(StateKind.SIGNED_OFF_LATE, (action.signed_off - action.due).days)
        return ActionState(StateKind.SIGNED_OFF)
    if action.due is None:
        return ActionState(StateKind.OPEN)
    days = (action.due - today).days
    if days < 0:
        return ActionState(StateKind.OVERDUE, -days)
    if days <= DUE_SOON_DAYS:
        return ActionState(StateKind.DUE_SOON, days)
    return ActionState(StateKind.OPEN)


@dataclass(frozen=True, slots=True)
class ActionCounts:
    """How many actions are in each state; ``outstanding`` is every action not yet done."""

    open: int = 0
    due_soon: int = 0
    overdue: int = 0
    signed_off: int = 0
    signed_off_late: int = 0
    no_longer_required: int = 0

    @property
    def total(self) -> int:
        return self.outstanding + self.done

    @property
    def outstanding(self) -> int:
        return self.open + self.due_soon + self.overdue

    @property
    def done(self) -> int:
        return self.signed_off + self.signed_off_late + self.no_longer_required

    def of(self, kind: StateKind) -> int:
        value: int = getattr(self, kind.value.replace("-", "_"))
        return value

    def as_dict(self) -> dict[str, int]:
        counts = {kind.value: self.of(kind) for kind in StateKind}
        return {**counts, "outstanding": self.outstanding, "total": self.total}

    @classmethod
    def from_kinds(cls, kinds: Iterable[StateKind]) -> ActionCounts:
        tally = Counter(kinds)
        return cls(**{kind.value.replace("-", "_"): tally[kind] for kind in StateKind})


def count_states(actions: Iterable[TrackedAction], today: dt.date) -> ActionCounts:
    """The counts of each state among ``actions`` on ``today`` (one pass, any iterable)."""
    return ActionCounts.from_kinds(state_of(a, today).kind for a in actions)
