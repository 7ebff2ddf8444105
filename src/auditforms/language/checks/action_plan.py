"""The action plan's roles: where they may be given, and what ``auditforms actions`` needs.

``auditforms actions`` reads the action, the person, the dates and the manager's update from
the columns given those roles; a misplaced role would make actions silently disappear from
the trackers, so it is an error here rather than a surprise at the end of the month.
"""

from __future__ import annotations

from auditforms.language.checks.context import Context
from auditforms.model.definition import Table

_DATE_ROLES = {"action_due", "action_signed_off"}
_TEXT_TYPES = {"text", "textarea"}


def check(ctx: Context) -> None:
    for pointer, node in ctx.nodes():
        if not isinstance(node, Table):
            continue
        if node.role == "action_plan":
            _check_plan(ctx, pointer, node)
            continue
        for k, column in enumerate(node.columns):
            if column.role is not None:
                ctx.report("AF320", f"the column role '{column.role}' belongs in the table whose role "
                           "is action_plan", f"{pointer}/columns/{k}/role")


def _check_plan(ctx: Context, pointer: str, table: Table) -> None:
    if table.fixed_rows:
        ctx.report("AF320", "an action plan has rows added by the auditor; it cannot have fixed rows",
                   f"{pointer}/rows")
    seen: dict[str, str] = {}
    for k, column in enumerate(table.columns):
        role = column.role
        if role is None:
            continue
        where = f"{pointer}/columns/{k}"
        if role in seen:
            ctx.report("AF320", f"the column role '{role}' is already given to '{seen[role]}'", f"{where}/role")
            continue
        seen[role] = column.id
        if role in _DATE_ROLES and column.type != "date":
            ctx.report("AF320", f"the column with role '{role}' must have type: date", f"{where}/type")
        elif role not in _DATE_ROLES and column.type not in _TEXT_TYPES:
            ctx.report("AF320", f"the column with role '{role}' must have type: text or textarea",
                       f"{where}/type")
    if "action" not in seen:
        ctx.report("AF320", "an action plan needs a column with role: action", f"{pointer}/columns")
