"""What a tool declares about its use rather than its content: the protective marking, the
look-back, reporting targets, and how its audits are moderated."""

from __future__ import annotations

from typing import Literal

from auditforms.model.base import Frozen


class Marking(Frozen):
    """Protective marking, e.g. RESTRICTED WHEN COMPLETED, shown on every page."""

    label: str
    warning: str | None = None


class Lookback(Frozen):
    """How far back the audit looks, and how far back a child counts as recently audited."""

    months: int
    description: str | None = None


class Targets(Frozen):
    """Whole percentages the monthly report's headline figures are compared with."""

    overall_good_or_better: int | None = None
    judgements_good_or_better: int | None = None


class ChecklistItem(Frozen):
    """One thing a moderator ticks for a part: "Evidence holds findings of fact".

    ``applies_to`` is ``questions`` (every judged question), ``sections`` (every section with
    an overall judgement), ``tables`` (every table), or the id of one item or section.
    """

    id: str
    label: str
    applies_to: str
    hint: str | None = None


class ModerationDeadline(Frozen):
    """When moderation is due. ``working_days_into_next_month``: by the Nth working day of the
    month after the sample's month; ``working_days_after_submission``: N working days after the
    auditor submits. ``bank_holidays`` names the calendar, e.g. ``GB-ENG``."""

    working_days_into_next_month: int | None = None
    working_days_after_submission: int | None = None
    bank_holidays: str | None = None
    description: str | None = None


class Moderation(Frozen):
    """How audits of this tool are moderated: whether they must be, by when, and what to check."""

    #: ``True``: every audit; ``False``: audits may be, need not be; ``"never"``: no moderation at all.
    moderated: bool | Literal["never"] = True
    description: str | None = None
    deadline: ModerationDeadline | None = None
    checklist: tuple[ChecklistItem, ...] = ()
