"""Months as auditforms writes them (``YYYY-MM``): reading one, its first and last day, and
counting between months. Pure, and at the bottom of the house, so the sample, check, the
moderation deadlines, the service folder and the report all mean the same thing by a month.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

_MONTH = re.compile(r"^([0-9]{4})-(0[1-9]|1[0-2])$")

#: The years auditforms works in: wide enough for any case record, narrow enough that a deadline,
#: a due date or a look-back worked out from a date never leaves the calendar (year 1 or 9999).
FIRST_YEAR, LAST_YEAR = 1900, 2999
YEARS = f"{FIRST_YEAR} to {LAST_YEAR}"


def in_years(day: dt.date) -> bool:
    """Whether ``day`` falls in the years auditforms works in (:data:`FIRST_YEAR` to :data:`LAST_YEAR`)."""
    return FIRST_YEAR <= day.year <= LAST_YEAR


class MonthProblem(ValueError):
    """A month that is not written yyyy-mm."""


def parse_month(text: str) -> str:
    """``"2026-11"`` as it is; anything else (``"11/2026"``, ``"2026-13"``) refused."""
    value = text.strip()
    match = _MONTH.match(value)
    if not match:
        raise MonthProblem(f"'{value}' is not a month; write it yyyy-mm, e.g. 2026-11")
    if not FIRST_YEAR <= int(match[1]) <= LAST_YEAR:
        raise MonthProblem(f"'{value}' is outside the years auditforms works in ({YEARS})")
    return value


def is_month(text: str) -> bool:
    """A month written yyyy-mm, in the years auditforms works in."""
    match = _MONTH.match(text)
    return match is not None and FIRST_YEAR <= int(match[1]) <= LAST_YEAR


def first_day(month: str) -> dt.date:
    year, number = map(int, month.split("-"))
    return dt.date(year, number, 1)


def last_day(month: str) -> dt.date:
    year, number = map(int, month.split("-"))
    return dt.date(year, number, calendar.monthrange(year, number)[1])


def month_bounds(month: str) -> tuple[dt.date, dt.date]:
    """First and last day of ``YYYY-MM``; ``ValueError`` with a plain message otherwise."""
    month = parse_month(month)  # MonthProblem (a ValueError) says why, in plain words
    return first_day(month), last_day(month)


def month_of(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def month_number(month: str) -> int:
    """Months since year 0, so months can be counted and compared as numbers."""
    year, number = month.split("-")
    return int(year) * 12 + int(number) - 1


#: How people write a month and year on a form or in a case list.
_WRITTEN_FORMATS = ("%m/%Y", "%m-%Y", "%m.%Y", "%m %Y", "%Y-%m", "%B %Y", "%b %Y")


def read_written_month(text: str) -> str | None:
    """A month answer as people write it ("03/2026", "March 2026", "2026-03") as ``YYYY-MM``,
    or ``None`` when it is not one."""
    for fmt in _WRITTEN_FORMATS:
        try:
            return dt.datetime.strptime(text.strip(), fmt).strftime("%Y-%m")
        except ValueError:
            continue
    return None
