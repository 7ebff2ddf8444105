"""A lineage's mappings name this version's ids, scales and grades, and say once what becomes
of each old id (the old ids themselves are checked when an audit is carried: the older
version may not be at hand)."""

from __future__ import annotations

from auditforms.language.checks.context import Context
from auditforms.language.suggest import did_you_mean
from auditforms.model.definition import FieldItem, Table
from auditforms.model.lineage import ColumnMap, GradeMap, OptionMap, VersionMapping
from auditforms.model.mapping_plan import new_ids, old_ids


def check(ctx: Context) -> None:
    lineage = ctx.definition.lineage
    for i, mapping in enumerate(lineage.from_versions if lineage else ()):
        base = f"/lineage/from_versions/{i}"
        if ctx.definition.version in mapping.versions:
            ctx.report("AF930", f"a mapping from {ctx.definition.version}, this definition's own version",
                       f"{base}/versions")
        _new_ids(ctx, mapping, f"{base}/answers")
        _old_ids(ctx, mapping, f"{base}/answers")
        for j, change in enumerate(mapping.answers):
            if isinstance(change, GradeMap | OptionMap):
                _targets(ctx, change, f"{base}/answers/{j}")
            elif isinstance(change, ColumnMap):
                _columns(ctx, change, f"{base}/answers/{j}")


def _new_ids(ctx: Context, mapping: VersionMapping, base: str) -> None:
    index = ctx.definition.index
    for new_id, pointer in new_ids(mapping):
        if new_id not in index:
            ctx.report("AF930", f"'{new_id}' is not an id of this version (the right-hand side names this "
                       "version's ids)" + did_you_mean(new_id, index.order), base + pointer)


def _old_ids(ctx: Context, mapping: VersionMapping, base: str) -> None:
    seen: set[str] = set()
    for old_id, pointer in old_ids(mapping):
        if old_id in seen:
            ctx.report("AF931", f"'{old_id}' is named by two changes; say once what becomes of it", base + pointer)
        seen.add(old_id)


def _targets(ctx: Context, change: GradeMap | OptionMap, pointer: str) -> None:
    if isinstance(change, GradeMap):
        scale = ctx.definition.index.scales.get(change.grades)
        if scale is None:
            ctx.report("AF930", f"'{change.grades}' is not a scale of this version"
                       + did_you_mean(change.grades, ctx.definition.index.scales), f"{pointer}/grades")
            return
        allowed = set(scale.answer_ids)
    else:
        node = ctx.definition.index.node(change.options) if change.options in ctx.definition.index else None
        if not isinstance(node, FieldItem) or not node.answer_options:
            ctx.report("AF930", f"'{change.options}' is not a field with options in this version",
                       f"{pointer}/options")
            return
        allowed = {o.id for o in node.answer_options}
    for old, new in change.map.items():
        if new not in allowed:
            ctx.report("AF930", f"'{new}' is not one of this version's grades or options here"
                       + did_you_mean(new, allowed), f"{pointer}/map/{old}")


def _columns(ctx: Context, change: ColumnMap, pointer: str) -> None:
    """A column change names a table of this version, and its right-hand side that table's columns."""
    index = ctx.definition.index
    node = index.node(change.columns) if change.columns in index else None
    if not isinstance(node, Table):
        if change.columns in index:  # not an id at all is said by the check of new ids
            ctx.report("AF930", f"'{change.columns}' is not a table of this version", f"{pointer}/columns")
        return
    known = [c.id for c in node.columns]
    for old, new in change.map.items():
        if new not in known:
            ctx.report("AF930", f"'{new}' is not a column of the table '{change.columns}' in this version"
                       + did_you_mean(new, known), f"{pointer}/map/{old}")
