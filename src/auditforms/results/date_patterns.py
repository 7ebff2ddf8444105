"""Dates before or after a fixed date, as a regular expression (for JSON Schema ``pattern``).

ISO dates (YYYY-MM-DD) order as their text does, so "on or after 2026-11-01" is a finite
set of digit-by-digit alternatives, which JSON Schema can test where it cannot compare.
"""

from __future__ import annotations


def date_bound_pattern(day: str, *, later: bool, strict: bool) -> str:
    """A regular expression for ISO dates (YYYY-MM-DD) after / before ``day`` (or equal).

    ISO dates order as their text does, so this is the usual "digit by digit" construction:
    the same digits up to some position, then a greater (smaller) one, then any digits.
    """
    digits = day.replace("-", "")
    branches = []
    for i, digit in enumerate(digits):
        d = int(digit)
        low, high = (d + 1, 9) if later else (0, d - 1)
        if low > high:
            continue
        rest = len(digits) - i - 1
        branches.append(digits[:i] + f"[{low}-{high}]" + "[0-9]" * rest)
    if not strict:
        branches.append(digits)
    body = "|".join(branches) or "(?!)"
    as_dates = body  # digits only; put the dashes back into every branch
    return "^(?:" + "|".join(_dashed(b) for b in as_dates.split("|")) + ")$"


def _dashed(branch: str) -> str:
    """Insert the two dashes of YYYY-MM-DD into a branch of eight digit-matchers."""
    tokens: list[str] = []
    index = 0
    while index < len(branch):
        if branch[index] == "[":
            end = branch.index("]", index) + 1
            tokens.append(branch[index:end])
            index = end
        elif branch[index] == "(":
            return branch
        else:
            tokens.append(branch[index])
            index += 1
    return "".join(tokens[:4]) + "-" + "".join(tokens[4:6]) + "-" + "".join(tokens[6:])
