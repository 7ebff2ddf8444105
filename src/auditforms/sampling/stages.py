"""Where each child of a month's sample stands in the lifecycle, and what is overdue (pure).

A child's audit is *allocated* until it comes back saved as finished, then *returned*
(submitted), *moderated*, *final*. Completion is overdue ``completion_days`` after allocation
(the sample's due date, :mod:`auditforms.sampling.status`); moderation is overdue after the
deadline the definition declares (:func:`~auditforms.moderation.deadlines.moderation_due`:
Torbay's "first 10 working days of each month", bank holidays counted), or, for a tool that
declares none, the service's ``deadlines.moderation_days`` after the due date.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from auditforms.model.definition import Definition
from auditforms.moderation.deadlines import moderation_due
from auditforms.sampling.status import ChildStatus

STAGES = ("allocated", "returned", "moderated", "final")
_STAGE_OF_STATUS = {"submitted": "returned", "moderated": "moderated", "final": "final"}


@dataclass(frozen=True)
class Progress:
    """One child's stage, when moderation is due (if known) and what is overdue."""

    stage: str
    moderation_due: dt.date | None
    #: ``completion`` (nothing finished came back in time) or ``moderation``; ``None`` if on time.
    overdue: str | None


def stage_of(status: ChildStatus) -> str:
    """The lifecycle stage of the file that counts for the child (a draft is still allocated)."""
    returned = status.returned
    if returned is None or returned.problem is not None:
        return "allocated"
    return _STAGE_OF_STATUS.get(returned.audit_status or "", "allocated")


def allocated_on(definition: Definition, status: ChildStatus, reference: dt.date | None) -> dt.date | None:
    """The day the audit was allocated: the sample's reference date, else back from the due date."""
    if reference is not None:
        return reference
    if status.due is None or definition.completion_days is None:
        return None
    return status.due - dt.timedelta(days=definition.completion_days)


def due_for_moderation(definition: Definition, status: ChildStatus, reference: dt.date | None,
                       moderation_days: int | None) -> dt.date | None:
    """The tool's declared deadline when it has one; else ``moderation_days`` after the due date."""
    allocated = allocated_on(definition, status, reference)
    submitted = status.returned.submitted_on if status.returned else None
    declared = definition.moderation is not None and definition.moderation.deadline is not None
    if declared:
        return moderation_due(definition, allocated, submitted) if allocated else None
    if moderation_days is not None and status.due is not None:
        return status.due + dt.timedelta(days=moderation_days)
    return None


def progress_of(definition: Definition, status: ChildStatus, today: dt.date, reference: dt.date | None = None,
                moderation_days: int | None = None) -> Progress:
    stage = stage_of(status)
    due = due_for_moderation(definition, status, reference, moderation_days)
    overdue = None
    if status.state == "overdue" or (stage == "allocated" and status.due is not None and today > status.due):
        overdue = "completion"
    elif stage == "returned" and due is not None and today > due:
        overdue = "moderation"
    return Progress(stage, due, overdue)


def stage_counts(progress: Sequence[Progress]) -> dict[str, int]:
    counts = Counter(p.stage for p in progress)
    return {stage: counts.get(stage, 0) for stage in STAGES}
