"""Reading the values people type into spreadsheets: UK and ISO dates, ages, counts, flags.

Case lists come from Excel as often as from a reporting system, so every parser here
accepts the forms a UK export produces and rejects the ambiguous ones (two-digit years)
with a reason a lead auditor can act on. A reason never quotes the cell: a case list is
about children, and the caller names the file, row and column instead.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

_ISO = re.compile(r"^([0-9]{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?\Z")
_UK = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?\Z")
_NAMED = re.compile(r"^(\d{1,2})[ \-]([A-Za-z]{3,9})[ \-](\d{2}|\d{4})\Z")
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_name) if name})
_FLAG_SPLIT = re.compile(r"[,;|]")
_KEY = re.compile(r"[^a-z0-9]+")
_COUNT = re.compile(r"[0-9]{1,6}\Z")


class ValueProblem(ValueError):
    """A cell's value cannot be read; the message says what form was expected."""


def normalise_key(text: str) -> str:
    """Header names and area names compared case-, space- and punctuation-insensitively."""
    return _KEY.sub(" ", text.lower().replace("'", "")).strip()


def parse_date(text: str) -> dt.date:
    """A date written dd/mm/yyyy (UK; also with - or .), yyyy-mm-dd, or 5 Mar 2024."""
    value = text.strip()
    match = _ISO.match(value)
    if match:
        return _make(int(match[1]), int(match[2]), int(match[3]), "")
    match = _UK.match(value) or _NAMED.match(value)
    if not match:
        raise ValueProblem("not a date; write dd/mm/yyyy or yyyy-mm-dd")
    if len(match[3]) == 2:
        raise ValueProblem("the year has two digits; write the year in full (dd/mm/yyyy)")
    month = _month(match[2])
    return _make(int(match[3]), month, int(match[1]), " (dates are read as dd/mm/yyyy)")


def _month(text: str) -> int:
    if text.isdigit():
        return int(text)
    month = _MONTHS.get(text.lower())
    if month is None:
        raise ValueProblem("not a date: the month is not a month's name")
    return month


def _make(year: int, month: int, day: int, how_read: str) -> dt.date:
    """``how_read``: said after "not a real date" where the order of day and month could be
    the reason (03/14/2026 written the American way); nothing for yyyy-mm-dd."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueProblem(f"not a real date{how_read}") from None


def parse_count(text: str, what: str) -> int:
    """A whole number of zero or more (capacity, age), of at most six digits.

    ``str.isdigit`` is not used: it accepts "²" and other digits ``int`` refuses.
    """
    value = text.strip()
    if value.endswith(".0"):
        value = value[:-2]
    if not _COUNT.match(value):
        raise ValueProblem(f"the {what} is not a whole number of 0 or more")
    return int(value)


def split_flags(text: str) -> tuple[str, ...]:
    """Flags in one cell, separated by commas, semicolons or bars; blanks and repeats dropped."""
    seen: dict[str, str] = {}
    for part in _FLAG_SPLIT.split(text):
        flag = " ".join(part.split())
        if flag and normalise_key(flag) not in seen:
            seen[normalise_key(flag)] = flag
    return tuple(seen.values())


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` calendar months earlier, clamped to the month's last day."""
    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def age_on(birth: dt.date, day: dt.date) -> int:
    """Completed years of age on ``day`` (a 29 February birthday counts from 1 March)."""
    years = day.year - birth.year
    if (day.month, day.day) < (birth.month, birth.day):
        years -= 1
    return years
