"""Row limits that contradict each other."""

from __future__ import annotations

from auditforms.language.checks.context import Context
from auditforms.model.definition import Table


def check(ctx: Context) -> None:
    for pointer, node in ctx.nodes():
        if isinstance(node, Table):
            if node.max_rows is not None and node.min_rows > node.max_rows:
                ctx.report("AF311", f"min_rows ({node.min_rows}) is more than max_rows ({node.max_rows})",
                           f"{pointer}/min_rows")
            if node.max_rows is not None and node.initial_rows > node.max_rows:
                ctx.report("AF311", f"initial_rows ({node.initial_rows}) is more than max_rows "
                           f"({node.max_rows})", f"{pointer}/initial_rows")
            if node.fixed_rows and (node.max_rows is not None or node.min_rows):
                ctx.report("AF311", "a table with fixed rows cannot also set min_rows or max_rows", pointer)
