"""``--format dictionary``: a CSV data dictionary of a tool, for analysts and BI tools.

One row per answer value (see :mod:`auditforms.results.dictionary_rows`). Cells that a
spreadsheet would run as a formula (starting ``=``, ``+``, ``-``, ``@``) are prefixed with
an apostrophe, because the file is opened in Excel by people who did not write it.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from auditforms.renderers import RenderOptions

if TYPE_CHECKING:
    from auditforms.model.definition import Definition

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _safe(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


class DictionaryRenderer:
    name = "dictionary"
    media_type = "text/csv"
    suffix = ".csv"
    description = (
        "CSV data dictionary: one row per answer value, with options, conditions and rules"
    )
    accepts_prefill = False

    def render(self, definition: Definition, options: RenderOptions) -> bytes:
        from auditforms.results.dictionary_rows import COLUMNS, DictionaryBuilder

        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        for row in DictionaryBuilder(definition).rows():
            writer.writerow([_safe(c) for c in row.cells()])
        # UTF-8 with a byte-order mark, so that Excel shows "–" and "’" correctly.
        return buffer.getvalue().encode("utf-8-sig")


RENDERER = DictionaryRenderer()
