"""The month's deadlines from the settings (pure): moderation after the due date, the report.

An audit that has come back (``submitted``) should be moderated within the settings'
``deadlines.moderation_days`` of its due date; past that, it is *awaiting moderation*
and ``month status`` says so. The report is due on ``deadlines.report_day`` of the month
after.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from auditforms.sampling.status import ChildStatus
from auditforms.service.layout import first_day


def moderation_overdue(statuses: Sequence[ChildStatus], today: dt.date,
                       moderation_days: int) -> list[ChildStatus]:
    """Children whose audit came back but is still not moderated after its moderation date."""
    late = []
    for status in statuses:
        returned = status.returned
        if returned is None or returned.audit_status != "submitted" or status.due is None:
            continue
        if today > status.due + dt.timedelta(days=moderation_days):
            late.append(status)
    return late


def report_due(month: str, report_day: int) -> dt.date:
    start = first_day(month)
    following = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return following.replace(day=report_day)
