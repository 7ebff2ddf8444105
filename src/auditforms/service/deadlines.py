"""The month's deadlines from the settings (pure): the report.

The report is due on ``deadlines.report_day`` of the month after. When an audit must be
moderated is the tool's to declare (:mod:`auditforms.sampling.stages`); the settings'
``deadlines.moderation_days`` serves tools that declare no deadline.
"""

from __future__ import annotations

import datetime as dt

from auditforms.service.layout import first_day


def report_due(month: str, report_day: int) -> dt.date:
    start = first_day(month)
    following = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return following.replace(day=report_day)
