"""Each child's lifecycle stage and what is overdue, against the tool's declared deadline."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.conftest import DEFINITIONS
from tests.moderation.test_moderation_deadlines import _tool

from auditforms.api import load_definition
from auditforms.sampling.stages import Progress, progress_of, stage_counts, stage_of
from auditforms.sampling.status import ChildStatus, Returned

D = dt.date
CHILD = {"child_id": "C1", "due_date": "2026-12-16"}


@pytest.fixture(scope="module")
def torbay():
    return load_definition(DEFINITIONS / "torbay-full-audit.yaml")


DUE = D(2026, 12, 16)


def child(status: str | None, **returned) -> ChildStatus:
    back = Returned("C1.json", audit_status=status, **returned) if status else None
    state = "outstanding" if back is None else back.state
    return ChildStatus(CHILD, state, back, DUE)


@pytest.mark.parametrize(("status", "stage"), [
    (None, "allocated"), ("draft", "allocated"), ("submitted", "returned"), ("moderated", "moderated"),
    ("final", "final")])
def test_the_stage_follows_the_status_of_the_file_that_counts(status, stage) -> None:
    assert stage_of(child(status)) == stage


def test_an_unreadable_return_leaves_the_audit_allocated() -> None:
    assert stage_of(child("submitted", problem="not JSON")) == "allocated"


def test_moderation_is_due_by_the_tools_deadline_from_the_sample_month(torbay) -> None:
    # Allocated 2 December 2026: the December sample is moderated by the 10th working day of
    # January 2027, the 15th (New Year's Day is a bank holiday in England).
    returned = child("submitted")
    assert progress_of(torbay, returned, D(2027, 1, 15), D(2026, 12, 2)) == Progress("returned", D(2027, 1, 15), None)
    assert progress_of(torbay, returned, D(2027, 1, 18), D(2026, 12, 2)).overdue == "moderation"
    assert progress_of(torbay, child("moderated"), D(2027, 3, 1), D(2026, 12, 2)).overdue is None


def test_without_a_reference_date_the_allocation_is_counted_back_from_the_due_date(torbay) -> None:
    # Due 16 December, 14 days after allocation on 2 December: the December sample.
    assert progress_of(torbay, child("submitted"), D(2027, 1, 4)).moderation_due == D(2027, 1, 15)


def test_completion_is_overdue_when_nothing_finished_came_back_in_time(torbay) -> None:
    assert progress_of(torbay, child(None), D(2026, 12, 17)).overdue == "completion"
    assert progress_of(torbay, child("draft"), D(2026, 12, 17)).overdue == "completion"
    assert progress_of(torbay, child("draft"), D(2026, 12, 16)).overdue is None


def test_a_tool_without_a_deadline_uses_the_services_days_after_the_due_date() -> None:
    tool = _tool("")
    assert progress_of(tool, child("submitted"), D(2026, 12, 20)).moderation_due is None
    due = progress_of(tool, child("submitted"), D(2026, 12, 24), moderation_days=7)
    assert (due.moderation_due, due.overdue) == (D(2026, 12, 23), "moderation")


def test_a_deadline_after_submission_counts_from_the_submitted_step() -> None:
    tool = _tool("moderation: {deadline: {working_days_after_submission: 5, bank_holidays: GB-ENG}}\n")
    returned = child("submitted", submitted_on=D(2026, 12, 22))
    assert progress_of(tool, returned, D(2026, 12, 31), D(2026, 12, 1)).moderation_due == D(2026, 12, 31)


def test_stage_counts_name_every_stage(torbay) -> None:
    progress = [progress_of(torbay, child(s), D(2026, 12, 1)) for s in (None, "submitted", "final", "final")]
    assert stage_counts(progress) == {"allocated": 1, "returned": 1, "moderated": 0, "final": 2}


def test_the_submission_day_is_read_from_the_last_submitted_step() -> None:
    from auditforms.cli.sample_returns import _submitted_on

    history = [{"event": "submitted", "role": "auditor", "at": "2026-12-01T09:00:00Z"},
               {"event": "submitted", "role": "auditor", "at": "2026-12-03T16:30:00Z"},
               {"event": "moderated", "role": "moderator", "at": "2026-12-08T10:00:00Z"}]
    assert _submitted_on({"history": history}) == D(2026, 12, 3)
    assert _submitted_on({"history": "not a list"}) is None
