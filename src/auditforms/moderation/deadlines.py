"""When an audit is due: completed ``completion_days`` after allocation, moderated by the
deadline the definition declares (``moderation.deadline``).

Working days skip weekends and the bank holidays of the calendar the definition names
(``bank_holidays: GB-ENG``), taken from the ``holidays`` library rather than a hand-kept
list, so next year's (and any moved) bank holidays are right without a release of ours.
The library is imported only when a calendar is asked for: it costs a fifth of a second.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from auditforms.model.definition import Definition

#: Days from allocation to the due date, for a tool that declares no ``completion_days``.
DEFAULT_COMPLETION_DAYS = 14

__all__ = ["bank_holidays", "completion_due", "is_working_day", "moderation_due", "nth_working_day",
           "working_days_after"]


def completion_due(definition: Definition, allocated: dt.date) -> dt.date:
    """The day an audit allocated on ``allocated`` is due back (``completion_days`` later)."""
    days = definition.completion_days
    return allocated + dt.timedelta(days=DEFAULT_COMPLETION_DAYS if days is None else days)


@cache
def bank_holidays(calendar: str | None, year: int) -> frozenset[dt.date]:
    """The bank holidays of ``calendar`` (``GB-ENG``, ``GB``…) in ``year``; none for ``None``.

    ``ValueError`` in plain words when the library does not know the calendar.
    """
    if calendar is None:
        return frozenset()
    import holidays

    country, _, subdivision = calendar.partition("-")
    try:
        days = holidays.country_holidays(country, subdiv=subdivision or None, years=year)
    except NotImplementedError:
        raise ValueError(f"the bank holiday calendar {calendar!r} is not known to the holidays "
                         "library (e.g. GB-ENG for England and Wales)") from None
    return frozenset(days)


def is_working_day(day: dt.date, calendar: str | None = None) -> bool:
    """Monday to Friday and not a bank holiday of ``calendar``."""
    return day.weekday() < 5 and day not in bank_holidays(calendar, day.year)


def nth_working_day(year: int, month: int, n: int, calendar: str | None = None) -> dt.date:
    """The ``n``-th working day of a month (the 1st is the first working day)."""
    return working_days_after(dt.date(year, month, 1) - dt.timedelta(days=1), n, calendar)


def working_days_after(start: dt.date, n: int, calendar: str | None = None) -> dt.date:
    """The day ``n`` working days after ``start`` (``start`` itself is not counted)."""
    day = start
    while n > 0:
        day += dt.timedelta(days=1)
        if is_working_day(day, calendar):
            n -= 1
    return day


def moderation_due(definition: Definition, month: str | dt.date,
                   submitted: dt.date | None = None) -> dt.date | None:
    """When moderation of an audit of the sample of ``month`` (``YYYY-MM`` or any day in it) is
    due, or ``None`` when the tool declares no deadline, or the deadline counts from submission
    and the audit has not been submitted.

    Torbay: "Moderators have no more than the first 10 working days of each month", so the
    November sample is moderated by the 10th working day of December.
    """
    deadline = definition.moderation.deadline if definition.moderation else None
    if deadline is None:
        return None
    if deadline.working_days_into_next_month is not None:
        first = _month_start(month)
        following = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return nth_working_day(following.year, following.month, deadline.working_days_into_next_month,
                               deadline.bank_holidays)
    if deadline.working_days_after_submission is not None and submitted is not None:
        return working_days_after(submitted, deadline.working_days_after_submission, deadline.bank_holidays)
    return None


def _month_start(month: str | dt.date) -> dt.date:
    if isinstance(month, dt.date):
        return month.replace(day=1)
    from auditforms.months import month_bounds

    return month_bounds(month)[0]
