"""CSV for Power BI and spreadsheets: the export columns' stable keys, ISO dates, guarded cells."""

from __future__ import annotations

import csv
import datetime as dt
import io

from auditforms.actions.columns import EXPORT_COLUMNS
from auditforms.actions.report import ActionsReport, Cell
from auditforms.actions.safety import safe_cell


def cell_text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return safe_cell(value)


def render(report: ActionsReport) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([c.key for c in EXPORT_COLUMNS])
    keys = [c.key for c in EXPORT_COLUMNS]
    for row in report.rows:
        cells = row.cells()
        writer.writerow([cell_text(cells[k]) for k in keys])
    return buffer.getvalue().encode("utf-8-sig")
