"""CSV files as Excel and case management systems write them, read into located rows.

Excel (UK) saves "CSV UTF-8" with a byte-order mark, plain "CSV" in Windows-1252, and
uses ``;`` where the decimal separator is a comma; reporting tools use ``,`` or tabs.
This module accepts all of them, matches header names case- and space-insensitively
against a list of aliases, and keeps each row's line number and each cell's column so
that a bad value is reported as ``FILE:LINE:COL``. Pure: it takes bytes, not paths.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from auditforms.diagnostics import Diagnostic
from auditforms.sampling.codes import error
from auditforms.sampling.values import normalise_key
from auditforms.tabular_safety import unguarded

MAX_BYTES = 20 * 1024 * 1024
_DELIMITERS = (",", ";", "\t")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class ColumnSpec:
    """A column this kind of file may have: its canonical key and the names people give it."""

    key: str
    aliases: tuple[str, ...] = ()
    required: bool = False

    def names(self) -> set[str]:
        return {normalise_key(self.key.replace("_", " ")), *(normalise_key(a) for a in self.aliases)}


@dataclass(frozen=True)
class Row:
    """One data row: values by canonical key, other columns by their header, and positions."""

    line: int
    values: dict[str, str]
    extra: dict[str, str]
    cols: dict[str, int]

    def get(self, key: str) -> str:
        return self.values.get(key, "").strip()

    def col(self, key: str) -> int:
        return self.cols.get(key, 1)


@dataclass
class Table:
    file: str
    rows: list[Row] = field(default_factory=list)
    present: set[str] = field(default_factory=set)
    headers: list[str] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)


def decode(data: bytes) -> str:
    """UTF-8 (with or without a BOM), else Windows-1252, the encoding of Excel's plain CSV."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def sniff_delimiter(header_line: str) -> str:
    """The delimiter that splits the header line most; header names rarely contain any."""
    counts = {d: header_line.count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_table(data: bytes, file: str, columns: Sequence[ColumnSpec]) -> Table:
    """Read a CSV file's rows; problems (missing columns, extra cells) are collected, not raised."""
    table = Table(file)
    if len(data) > MAX_BYTES:
        table.problems.append(error("AF801", f"the file is larger than {MAX_BYTES // 2**20} MB", file))
        return table
    if b"\x00" in data[:8192]:
        table.problems.append(error("AF801", "the file is not a CSV text file (it looks binary)", file))
        return table
    text = decode(data)
    lines = _LINE_BREAK.split(text)
    first = next((i for i, line in enumerate(lines) if line.strip(" ,;\t")), None)
    if first is None:
        table.problems.append(error("AF801", "the file is empty; it needs a header row", file))
        return table
    delimiter = sniff_delimiter(lines[first])
    reader = csv.reader(io.StringIO("\n".join(lines[first:])), delimiter=delimiter)
    try:
        _read_rows(table, reader, columns, lines, first, delimiter)
    except csv.Error as exc:  # a cell past the csv module's field limit, a stray NUL, …
        line = first + reader.line_num
        table.problems.append(error("AF801", f"this row cannot be read as CSV ({_csv_reason(exc)})",
                                    file, line, 1))
    return table


def _read_rows(table: Table, reader: Any, columns: Sequence[ColumnSpec], lines: list[str],
               first: int, delimiter: str) -> None:
    table.headers = [unguarded(h.strip()) for h in next(reader)]
    mapping = _map_header(table, columns, first + 1)
    last = reader.line_num
    for cells in reader:
        start = first + last + 1
        last = reader.line_num
        if not any(c.strip() for c in cells):
            continue
        row = _make_row(table, cells, mapping, lines[start - 1], delimiter, start)
        if row is not None:
            table.rows.append(row)


def _csv_reason(exc: csv.Error) -> str:
    text = str(exc)
    if "field larger than field limit" in text:
        return f"a cell is longer than {csv.field_size_limit():,} characters"
    return text


def _map_header(table: Table, columns: Sequence[ColumnSpec], line: int) -> dict[int, str]:
    """Column position -> canonical key (or ``"~"+header`` for a column we do not know)."""
    mapping: dict[int, str] = {}
    _report_repeated_headers(table, columns, line)
    for spec in columns:
        names = spec.names()
        position = next((i for i, h in enumerate(table.headers)
                         if normalise_key(h) in names and i not in mapping), None)
        if position is not None:
            mapping[position] = spec.key
            table.present.add(spec.key)
        elif spec.required:
            table.problems.append(error(
                "AF802", f"no '{spec.key.replace('_', ' ')}' column; the header has: "
                f"{', '.join(h for h in table.headers if h) or 'nothing'}", table.file, line, 1))
    for i, name in enumerate(table.headers):
        if i not in mapping and name:
            mapping[i] = "~" + name
    return mapping


def _report_repeated_headers(table: Table, columns: Sequence[ColumnSpec], line: int) -> None:
    """A column named twice (or by two of its aliases) is an error: which one was meant?"""
    first_at: dict[str, int] = {}
    for i, header in enumerate(table.headers):
        name = normalise_key(header)
        key = next((s.key for s in columns if name in s.names()), name)
        if not name:
            continue
        if key in first_at:
            table.problems.append(error(
                "AF814", f"the header names the column '{header}' twice (columns "
                f"{first_at[key] + 1} and {i + 1}); keep one", table.file, line, 1))
        else:
            first_at[key] = i


def _make_row(table: Table, cells: list[str], mapping: dict[int, str], raw: str,
              delimiter: str, line: int) -> Row | None:
    offsets = field_offsets(raw, delimiter)
    values: dict[str, str] = {}
    extra: dict[str, str] = {}
    cols: dict[str, int] = {}
    for i, cell in enumerate(cells):
        key = mapping.get(i)
        col = offsets[i] if i < len(offsets) else 1
        if key is None:
            if cell.strip():
                table.problems.append(error(
                    "AF813", f"this row has {len(cells)} cells but the header names "
                    f"{len(table.headers)} columns", table.file, line, col))
                return None
            continue
        cell = unguarded(cell)
        if key.startswith("~"):
            extra[key[1:]] = cell.strip()
        else:
            values[key] = cell
            cols[key] = col
    return Row(line, values, extra, cols)


def field_offsets(line: str, delimiter: str) -> list[int]:
    """1-based character columns where each field starts on ``line``, honouring quotes."""
    offsets = [1]
    quoted = False
    for i, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            offsets.append(i + 2)
    return offsets
