"""Reading an answer table (actions, ECM outcomes) row by row, by cell position.

Rows added in Word or LibreOffice may be copies of a row (with controls whose tags
repeat) or plain new rows (text typed straight into cells); both are read, by column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lxml import etree  # type: ignore[import-untyped]  # no stubs shipped

from auditforms.extract.expected import Expected, header_texts
from auditforms.extract.reader import DocumentReader, text_of
from auditforms.extract.slots import column_slot
from auditforms.extract.values import read_value
from auditforms.model.definition import Definition, Table


@dataclass
class TableRead:
    value: Any
    located_by: str  # "tag", "header" or "position"; "" when not found
    doubtful: list[str] = field(default_factory=list)
    found: bool = True
    element: etree._Element | None = None


def locate(reader: DocumentReader, expected: Expected, table: Table) -> tuple[etree._Element | None, str]:
    prefix = f"{table.id}."
    for control in reader.controls:
        if control.tag and control.tag.startswith(prefix) and len(control.position) == 4:
            return reader.tables[control.position[0]], "tag"
    ordinal, header = expected.tables[table.id]
    # Its own place first, so two tables with the same headings are never mixed up.
    order = [ordinal, *(i for i in range(len(reader.tables)) if i != ordinal)]
    for index in order:
        if index < len(reader.tables) and header and header_texts(reader, index) == header:
            return reader.tables[index], "header"
    if ordinal < len(reader.tables):
        rows = reader.rows(reader.tables[ordinal])
        if rows and len(reader.cells(rows[0])) == len(header):
            return reader.tables[ordinal], "position"
    return None, ""


def read_table(definition: Definition, reader: DocumentReader, expected: Expected, table: Table) -> TableRead:
    tbl, how = locate(reader, expected, table)
    if tbl is None:
        return TableRead(None, "", found=False)
    result = TableRead(None, how, element=tbl)
    rows = reader.rows(tbl)[1:]
    if table.fixed_rows:
        fixed: dict[str, dict[str, Any]] = {}
        labels = {r.label.strip().casefold(): r.id for r in table.rows}
        for index, tr in enumerate(rows):
            cells = reader.cells(tr)
            label = text_of(cells[0]).strip().casefold() if cells else ""
            row_id = labels.get(label) or (table.rows[index].id if index < len(table.rows) else None)
            values = _row(definition, reader, table, cells[1:], result) if row_id else {}
            if values:
                fixed[row_id] = values  # type: ignore[index]
        result.value = fixed or None
    else:
        listed = [v for v in (_row(definition, reader, table, reader.cells(tr), result) for tr in rows) if v]
        result.value = listed or None
    return result


def _row(definition: Definition, reader: DocumentReader, table: Table, cells: list[etree._Element],
         result: TableRead) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for column, tc in zip(table.columns, cells, strict=False):
        controls = reader.controls_in(tc)
        read = read_value(column_slot(definition, table, column), controls[0] if controls else None,
                          text_of(tc))
        if read.value is not None:
            values[column.id] = read.value
        if read.doubtful:
            result.doubtful.append(f"{table.id}/{column.id}")
    return values
