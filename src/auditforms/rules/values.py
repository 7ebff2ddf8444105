"""What an answer value means: answered or not, as a date, as a number.

Kept separate so that the HTML form's script can mirror these few functions exactly.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import Any

from auditforms.rules.logic import MAPPINGS

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def is_answered(value: Any) -> bool:
    """Blank text, ``null``, empty lists and objects with no answered value are unanswered."""
    if isinstance(value, str):  # first: nearly every value asked about is text
        return bool(value.strip())
    if value is None:
        return False
    if isinstance(value, list):
        return any(is_answered(v) for v in value)
    if isinstance(value, dict):
        return any(is_answered(v) for v in value.values())
    return True


def as_date(value: Any) -> dt.date | None:
    if not isinstance(value, str):
        return None
    return _date(value)


@lru_cache(maxsize=4096)
def _date(value: str) -> dt.date | None:
    """Kept: one audit reads its audit date once per rule and row, and a batch's dates repeat."""
    if not _DATE.match(value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def as_number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    return None


def answered_rows(value: Any) -> Iterator[tuple[int | str, Mapping[str, Any]]]:
    """(key, row) of each row of a table answer that a row rule visits: list items or fixed
    rows that are objects holding an answer."""
    rows = enumerate(value) if isinstance(value, list) else (value.items() if isinstance(value, dict) else ())
    for key, row in rows:
        if isinstance(row, MAPPINGS) and is_answered(row):
            yield key, row


def row_count(value: Any) -> int:
    """Rows of a table answer: list items, or fixed rows with any answered cell."""
    if isinstance(value, list):
        return sum(1 for row in value if is_answered(row))
    if isinstance(value, dict):
        return sum(1 for row in value.values() if is_answered(row))
    return 0


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` earlier, or the last day of that month when it is shorter
    (31 August less 6 months is 28 or 29 February)."""
    total = day.year * 12 + (day.month - 1) - months
    year, month = divmod(total, 12)
    following = dt.date(year + (month + 1) // 12, (month + 1) % 12 + 1, 1)
    last = (following - dt.timedelta(days=1)).day
    return dt.date(year, month + 1, min(day.day, last))


def within_months(when: dt.date | None, reference: dt.date | None, months: int | None) -> bool | None:
    """Whether ``when`` falls in the ``months`` before ``reference`` (after the same day
    ``months`` earlier, up to and including ``reference``); unknown (``None``) without all three.
    The meaning of ``within_lookback_of``, for both evaluators."""
    if when is None or reference is None or months is None:
        return None
    if reference.year * 12 + reference.month - 1 - months < 12:  # the look-back starts before year 1
        return when <= reference
    return months_before(reference, months) < when <= reference
