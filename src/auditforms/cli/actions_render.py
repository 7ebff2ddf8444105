"""Rendering the split trackers, on every CPU when there are many rows.

xlsxwriter spends most of a big run assembling XML; the trackers are independent, so each
is rendered in a forked worker that already holds the report (nothing is pickled but the
bytes coming back). Where fork is not available, or the work is small, they are rendered
one after the other.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

from auditforms.actions.outputs import FORMATS
from auditforms.actions.report import ActionsReport

PARALLEL_FROM_ROWS = 5000
_PARTS: list[tuple[str, ActionsReport, str]] = []


def render_parts(parts: dict[str, ActionsReport], format_: str) -> list[bytes]:
    """The bytes of each part, in the order of ``parts``."""
    global _PARTS
    work = [(name, part, format_) for name, part in parts.items()]
    workers = min(len(work), os.cpu_count() or 1)
    rows = sum(len(part.rows) for part in parts.values())
    if workers < 2 or rows < PARALLEL_FROM_ROWS or "fork" not in multiprocessing.get_all_start_methods():
        return [_render(item) for item in work]
    _PARTS = work
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            return list(pool.map(_render_index, range(len(work))))
    finally:
        _PARTS = []


def _render_index(index: int) -> bytes:
    return _render(_PARTS[index])


def _render(item: tuple[str, ActionsReport, str]) -> bytes:
    name, part, format_ = item
    if format_ == "xlsx":
        from auditforms.actions.outputs.xlsx import render

        return render(part, name)
    return FORMATS[format_].render(part)
