"""Compound fields: each part's id is used once, so each labelled answer has its own key."""

from __future__ import annotations

from auditforms.language.checks.context import Context
from auditforms.model.definition import FieldItem


def check(ctx: Context) -> None:
    for pointer, node in ctx.nodes():
        if not isinstance(node, FieldItem) or node.type != "compound":
            continue
        seen: set[str] = set()
        for k, part in enumerate(node.parts):
            if part.id in seen:
                ctx.report("AF301", f"'{part.id}' is used twice among the parts of '{node.id}'",
                           f"{pointer}/parts/{k}/id")
            seen.add(part.id)
