"""A table's rows carried to a version whose columns were renamed or dropped.

An action table whose column ids changed between versions (``action`` became ``what``) is
declared once in the mapping (``columns: actions, map: {action: what}``); every row is carried
with its cells under this version's column ids. A column the mapping drops, or one this
version's table has no place for, is not carried and said once per column, never per row and
never quoting a cell.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from auditforms.model.definition import Definition, Table
from auditforms.model.lineage import ColumnMap
from auditforms.versions.library import VersionLibrary, named_version
from auditforms.versions.notes import Note


def carry_columns(value: Any, change: ColumnMap, target: Definition, notes: list[Note]) -> Any:
    """``value`` (a table's answer: a list of rows, or fixed rows by id) with its columns carried."""
    node = target.index.node(change.columns) if change.columns in target.index else None
    if not isinstance(node, Table):
        return value
    known = {c.id for c in node.columns}
    dropped: set[str] = set()
    no_place: set[str] = set()

    def row(cells: Any) -> Any:
        if not isinstance(cells, Mapping):
            return cells
        out: dict[str, Any] = {}
        for column, cell in cells.items():
            if column in change.drop:
                dropped.add(column)
                continue
            new = change.map.get(column, column)
            if new not in known:
                no_place.add(column)
                continue
            out[new] = cell
        return out

    carried: Any = value
    if isinstance(value, list):
        carried = [row(r) for r in value]
    elif isinstance(value, Mapping):
        carried = {key: row(r) for key, r in value.items()}
    version = target.version
    notes += [Note("column-removed", (change.columns, c), version, reason=change.reason) for c in sorted(dropped)]
    notes += [Note("column-no-place", (change.columns, c), version) for c in sorted(no_place)]
    return carried


def file_columns(change: ColumnMap | None) -> dict[str, str]:
    """This version's column id -> the column's id in a file of the older version."""
    return {new: old for old, new in change.map.items()} if change is not None else {}


def table_in_file(library: VersionLibrary, document: Any, table_id: str) -> tuple[str, dict[str, str]] | None:
    """Where this version's table ``table_id`` is in an older audit's file, read through the tool's
    mappings: (its id there, this version's column id -> its id there). ``None`` for an audit
    read as it is (this version, or an older one the tool declares no mapping from)."""
    from auditforms.model.mapping_plan import make_plan

    version = named_version(library, document)
    node = library.current.index.node(table_id) if table_id in library.current.index else None
    if version is None or version == library.current.version or not isinstance(node, Table):
        return None
    steps = library.route(version)
    if not steps or not all(step.mapping for step in steps):
        return None
    table, columns = table_id, {c.id: c.id for c in node.columns}
    for step in reversed(steps):
        plan = make_plan(step.mapping)
        back = file_columns(plan.columns.get(table))
        columns = {current: back.get(there, there) for current, there in columns.items()}
        olds = [old for old, news in plan.targets.items() if table in news]
        table = olds[0] if len(olds) == 1 else table
    return table, columns
