"""Cells of every CSV (or spreadsheet) auditforms writes, guarded against formulas.

A sample file, a data dictionary or a tracker is opened in Excel by people who did not
write it; a cell starting ``=``, ``+``, ``-``, ``@``, a tab or a carriage return would run
as a formula ("CSV injection"), and a case list is not trusted input. Such a cell is
written with a leading apostrophe, which spreadsheets show as text and hide.
"""

from __future__ import annotations

from collections.abc import Iterable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """``value`` as cell text that no spreadsheet runs as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def safe_row(values: Iterable[object]) -> list[str]:
    return [safe_cell(v) for v in values]


def unguarded(text: str) -> str:
    """A cell read back from a file auditforms wrote: the guard's apostrophe taken off."""
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_STARTS) else text
