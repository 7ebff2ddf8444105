"""Plain English for people: counting ("1 audit", "2 audits"; "1 passes", "2 pass") and dates
as GOV.UK writes them ("16 November 2026")."""

from __future__ import annotations

import datetime as dt
from typing import Any


def count(n: int, singular: str, plural: str | None = None) -> str:
    """``n`` with the noun in the number it needs: ``count(1, "file")`` is "1 file"."""
    return f"{n} {singular if n == 1 else (plural or singular + 's')}"


def verb(n: int, singular: str, plural: str) -> str:
    """The verb that agrees with ``n`` things: ``verb(1, "passes", "pass")`` is "passes"."""
    return singular if n == 1 else plural


def long_date(day: dt.date) -> str:
    """A date as GOV.UK writes it: "16 November 2026" (no leading zero, the month in words)."""
    return f"{day.day} {day:%B %Y}"


def long_date_of(value: Any) -> str:
    """:func:`long_date` of an ISO date text (``"2026-11-16"``, as files hold dates); anything
    else as it is, and ``None`` as nothing."""
    try:
        day = dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        day = None
    if day is None:
        return "" if value is None else str(value)
    return long_date(day)
