"""``--format dictionary``: a CSV data dictionary of a tool, for analysts and BI tools.

One row per answer value (see :mod:`auditforms.results.dictionary_rows`). Cells that a
spreadsheet would run as a formula are guarded by :mod:`auditforms.tabular_safety`, because
the file is opened in Excel by people who did not write it.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from auditforms.renderers import RenderOptions
from auditforms.tabular_safety import safe_row

if TYPE_CHECKING:
    from auditforms.model.definition import Definition

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
            writer.writerow(safe_row(row.cells()))
        # UTF-8 with a byte-order mark, so that Excel shows "–" and "’" correctly.
        return buffer.getvalue().encode("utf-8-sig")


RENDERER = DictionaryRenderer()
