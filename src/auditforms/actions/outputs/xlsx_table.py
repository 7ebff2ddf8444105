"""An Excel table on a worksheet that xlsxwriter streams (its ``constant_memory`` mode).

The one place auditforms reaches into xlsxwriter: everything else uses its public API.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from xlsxwriter.utility import xl_range  # type: ignore[import-untyped]


def declare_table(sheet: Any, first_row: int, last_row: int, headings: Sequence[str], *, name: str,
                  style: str) -> None:
    """Declare an Excel table (filters, banded rows) over ``first_row`` (the heading row) to
    ``last_row``, columns A onwards, whose cells, headings included, the caller writes.

    Why not ``sheet.add_table()``: in constant_memory mode it refuses (returns -3), because it
    writes the heading cells (and any data or formulas given to it) itself, into rows a
    streamed sheet may already have written out, and it marks every cell of the range to catch
    overlaps, which is memory that grows with the rows. A tracker needs none of that: its one
    table overlaps nothing and the caller writes the heading row in its turn. So this appends
    to ``Worksheet.tables`` (xlsxwriter's record of a sheet's tables, written out as
    ``xl/tables/tableN.xml`` when the workbook closes) the very record ``add_table()`` makes
    for these options: ``tests/actions/test_actions_xlsx_table.py`` compares the two on the
    installed xlsxwriter and fails if its record ever changes shape.
    """
    columns = len(headings)
    data_range = xl_range(first_row, 0, last_row, columns - 1)
    sheet.tables.append({
        "show_first_col": False, "show_last_col": False, "show_row_stripes": True, "show_col_stripes": False,
        "header_row_count": True, "totals_row_shown": False, "description": None, "title": None,
        "name": name, "style": style.replace(" ", ""),
        "range": data_range, "a_range": data_range, "autofilter": data_range,
        "columns": [{"id": k, "name": heading, "total_string": "", "total_function": "", "custom_total": "",
                     "total_value": 0, "formula": "", "format": None, "name_format": None}
                    for k, heading in enumerate(headings, start=1)],
    })
