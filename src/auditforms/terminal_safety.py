"""Text from input made safe to print on a terminal: one line, no control sequences.

A CSV cell, a file name or an answer may hold ``\\x1b]0;…`` (which retitles the window or
worse), a carriage return that overprints the line before, right-to-left overrides that
reorder what a person reads, or (in a file name that is not UTF-8) lone surrogates that
make Python's encoder stop the whole run. Every line auditforms prints about input goes
through :func:`printable`; the text is escaped, never dropped, so nothing is hidden.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(char, f"\\x{code:02x}")
    return f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every control, bidi-override and surrogate character escaped."""
    return _UNSAFE.sub(_escape, text) if _UNSAFE.search(text) else text


_UNSAFE_IN_LINES = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def printable_lines(text: str) -> str:
    """:func:`printable` for many lines of output (a CSV, a page) shown on a terminal: line
    breaks and tabs stay, every other control character is escaped."""
    return _UNSAFE_IN_LINES.sub(_escape, text) if _UNSAFE_IN_LINES.search(text) else text


def one_line(text: str) -> str:
    """:func:`printable` of ``text`` with every run of white space, line breaks too, made one
    space: for a value that goes where a line break would end it (an e-mail's subject)."""
    return printable(" ".join(text.split()))


def without_surrogates(text: str) -> str:
    """``text`` that any UTF-8 encoder accepts: lone surrogates become U+FFFD.

    For JSON output, where controls are already escaped by the encoder but a lone
    surrogate (from a file name that is not UTF-8) would stop the write half-way.
    """
    return re.sub("[\ud800-\udfff]", "\ufffd", text)
