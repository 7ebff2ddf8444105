"""Ids are unique where answers are keyed by them; roles are given once."""

from __future__ import annotations

from collections.abc import Iterable

from auditforms.language.checks.context import Context
from auditforms.model.definition import FieldItem, Question, Table

RESERVED_PARTS = {"judgement", "not_relevant"}


def check(ctx: Context) -> None:
    seen: dict[str, str] = {}
    roles: dict[str, str] = {}
    for pointer, node in ctx.nodes():
        if node.id in seen:
            ctx.report("AF301", f"the id '{node.id}' is already used (at {seen[node.id]}); answers are "
                       "stored by id, so each must be unique in the tool", f"{pointer}/id")
        else:
            seen[node.id] = pointer
        for role_pointer, role, holder in _roles(pointer, node):
            if role in roles:
                ctx.report("AF308", f"the role '{role}' is already given to '{roles[role]}'", role_pointer)
            else:
                roles[role] = holder
        _check_local_ids(ctx, pointer, node)
    _unique(ctx, "/scales", (s.id for s in ctx.definition.scales), "scale")
    _unique(ctx, "/rules", (r.id for r in ctx.definition.rules), "rule")
    for i, scale in enumerate(ctx.definition.scales):
        ids = [o.id for o in scale.options] + ([scale.not_applicable.id] if scale.not_applicable else [])
        _unique(ctx, f"/scales/{i}/options", ids, "option", code="AF307")
        if scale.good_from is not None and scale.option(scale.good_from) is None:
            ctx.report("AF307", f"good_from '{scale.good_from}' is not a grade of this scale (grades: "
                       f"{', '.join(o.id for o in scale.options)})", f"/scales/{i}/good_from")


def _roles(pointer: str, node: object) -> Iterable[tuple[str, str, str]]:
    """(pointer, role, who has it) for a node's role and, for a compound field, its parts'."""
    role = getattr(node, "role", None)
    if role:
        yield f"{pointer}/role", role, getattr(node, "id", "")
    if isinstance(node, FieldItem) and node.type == "compound":
        for k, part in enumerate(node.parts):
            if part.role:
                yield f"{pointer}/parts/{k}/role", part.role, f"{node.id}.{part.id}"


def _check_local_ids(ctx: Context, pointer: str, node: object) -> None:
    if isinstance(node, Question):
        narrative_ids = [n.id for n in node.narratives]
        _unique(ctx, f"{pointer}/narratives", narrative_ids, "narrative")
        for k, nid in enumerate(narrative_ids):
            if nid in RESERVED_PARTS:
                ctx.report("AF301", f"a narrative cannot be called '{nid}'; that name is reserved",
                           f"{pointer}/narratives/{k}/id")
    elif isinstance(node, Table):
        _unique(ctx, f"{pointer}/columns", (c.id for c in node.columns), "column")
        _unique(ctx, f"{pointer}/rows", (r.id for r in node.rows), "row")
    elif isinstance(node, FieldItem):
        _unique(ctx, f"{pointer}/options", (o.id for o in node.options), "option")
        _unique(ctx, f"{pointer}/bands", (b.id for b in node.bands), "age band")
        for k, band in enumerate(node.bands):
            if band.min_age > band.max_age:
                ctx.report("AF311", "min_age is greater than max_age", f"{pointer}/bands/{k}")


def _unique(ctx: Context, pointer: str, ids: Iterable[str], what: str, code: str = "AF301") -> None:
    seen: set[str] = set()
    for k, id_ in enumerate(ids):
        if id_ in seen:
            ctx.report(code, f"the {what} id '{id_}' is used twice here", f"{pointer}/{k}/id")
        seen.add(id_)
