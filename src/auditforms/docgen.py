"""Keeping generated parts of ``docs/`` pages in step with the code.

A page holds hand-written text and, between two marker comments, a part generated from
the code (the key reference from the JSON Schema, the table of diagnostic codes). Tests
call :func:`splice` and fail when the page is stale; ``--write`` brings it up to date.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

DOCS = Path(__file__).resolve().parents[2] / "docs"


def splice(document: str, begin: str, end: str, generated: str) -> str:
    """``document`` with the text between the ``begin`` and ``end`` markers replaced."""
    start, stop = document.index(begin), document.index(end)
    return document[: start + len(begin)] + "\n" + generated.strip("\n") + "\n" + document[stop:]


def main(page: str, update: Callable[[str], str], argv: list[str]) -> int:
    """Print the updated page, or with ``--write`` save it."""
    path = DOCS / page
    updated = update(path.read_text(encoding="utf-8"))
    if "--write" in argv:
        path.write_text(updated, encoding="utf-8")
    else:
        sys.stdout.write(updated)
    return 0
