"""Counting in plain English: "1 audit", "2 audits"; "1 passes", "2 pass"."""

from __future__ import annotations


def count(n: int, singular: str, plural: str | None = None) -> str:
    """``n`` with the noun in the number it needs: ``count(1, "file")`` is "1 file"."""
    return f"{n} {singular if n == 1 else (plural or singular + 's')}"


def verb(n: int, singular: str, plural: str) -> str:
    """The verb that agrees with ``n`` things: ``verb(1, "passes", "pass")`` is "passes"."""
    return singular if n == 1 else plural
