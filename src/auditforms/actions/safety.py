"""Cells guarded against formulas, and input text made safe for a terminal line.

The hardening work is adding shared helpers for both (``auditforms.tabular_safety`` and
``auditforms.terminal_safety``) with these same names; until they are on main, the actions
package keeps its own small copies here, to be replaced by imports when they land.
"""

from __future__ import annotations

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def safe_cell(value: object) -> str:
    """``value`` as cell text that no spreadsheet runs as a formula (a leading apostrophe)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def unguarded(text: str) -> str:
    """A cell read back from a tracker auditforms wrote: the guard's apostrophe taken off."""
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_STARTS) else text


def printable(text: str) -> str:
    """``text`` with every control, bidi-override and surrogate character escaped."""
    if not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) <= 0xFF
                       else f"\\u{ord(m.group()):04x}", text)
