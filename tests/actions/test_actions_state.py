"""The state rules on the edges of each date."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from auditforms.actions import ActionState, StateKind, TrackedAction, count_states, state_of

DUE = dt.date(2026, 12, 15)
BASE = TrackedAction(
    id="A:1", audit_id="A", row=1, file="a.json", status="moderated", child_id="C1", team="T",
    audit_date=dt.date(2026, 11, 12), action="Do it.", owner="W", due=DUE, signed_off=None,
    update="", fingerprint="00000000")


def act(**changes: object) -> TrackedAction:
    return dataclasses.replace(BASE, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(("today", "expected"), [
    (DUE - dt.timedelta(days=8), ActionState(StateKind.OPEN)),
    (DUE - dt.timedelta(days=7), ActionState(StateKind.DUE_SOON, 7)),
    (DUE - dt.timedelta(days=1), ActionState(StateKind.DUE_SOON, 1)),
    (DUE, ActionState(StateKind.DUE_SOON, 0)),
    (DUE + dt.timedelta(days=1), ActionState(StateKind.OVERDUE, 1)),
    (DUE + dt.timedelta(days=40), ActionState(StateKind.OVERDUE, 40)),
])
def test_not_signed_off(today: dt.date, expected: ActionState) -> None:
    assert state_of(BASE, today) == expected


@pytest.mark.parametrize(("signed", "expected"), [
    (DUE - dt.timedelta(days=3), ActionState(StateKind.SIGNED_OFF)),
    (DUE, ActionState(StateKind.SIGNED_OFF)),
    (DUE + dt.timedelta(days=1), ActionState(StateKind.SIGNED_OFF_LATE, 1)),
])
def test_signed_off_on_time_or_late(signed: dt.date, expected: ActionState) -> None:
    assert state_of(act(signed_off=signed), DUE + dt.timedelta(days=30)) == expected


def test_signed_off_with_an_update_is_no_longer_required_even_when_late() -> None:
    late = act(signed_off=DUE + dt.timedelta(days=9), update="Child moved out of area.")
    assert state_of(late, DUE + dt.timedelta(days=9)).kind is StateKind.NO_LONGER_REQUIRED


def test_an_update_without_a_sign_off_is_still_outstanding() -> None:
    assert state_of(act(update="Waiting for school."), DUE + dt.timedelta(days=2)).kind is StateKind.OVERDUE


def test_no_completion_date_is_open_never_overdue() -> None:
    assert state_of(act(due=None), dt.date(2030, 1, 1)) == ActionState(StateKind.OPEN)
    assert state_of(act(due=None, signed_off=DUE), DUE).kind is StateKind.SIGNED_OFF


def test_descriptions() -> None:
    assert ActionState(StateKind.OVERDUE, 1).describe() == "Overdue by 1 day"
    assert ActionState(StateKind.OVERDUE, 3).describe() == "Overdue by 3 days"
    assert ActionState(StateKind.DUE_SOON, 0).describe() == "Due today"
    assert ActionState(StateKind.DUE_SOON, 2).describe() == "Due within 7 days (in 2 days)"
    assert ActionState(StateKind.SIGNED_OFF_LATE, 2).describe() == "Signed off late by 2 days"


def test_counts() -> None:
    early = DUE - dt.timedelta(days=5)  # signed off before the day counted
    actions = [BASE, act(due=DUE - dt.timedelta(days=20)), act(signed_off=early),
               act(signed_off=early, update="No longer needed."), act(due=None)]
    counts = count_states(actions, DUE - dt.timedelta(days=2))
    assert counts.as_dict() == {
        "open": 1, "due-soon": 1, "overdue": 1, "signed-off": 1, "signed-off-late": 0,
        "no-longer-required": 1, "outstanding": 3, "total": 5}
    assert counts.done == 2 and counts.of(StateKind.OVERDUE) == 1


def test_a_sign_off_after_the_day_had_not_happened_on_that_day() -> None:
    """A month's report as of its last day: an action signed off the week after was then overdue."""
    due, signed = dt.date(2026, 10, 20), dt.date(2026, 11, 6)
    as_of_month_end = state_of(act(due=due, signed_off=signed), dt.date(2026, 10, 31))
    assert (as_of_month_end.kind, as_of_month_end.days) == (StateKind.OVERDUE, 11)
    assert state_of(act(due=due, signed_off=signed), signed).kind is StateKind.SIGNED_OFF_LATE
