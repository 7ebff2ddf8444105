"""References to scales, statements of good and tables resolve."""

from __future__ import annotations

from auditforms.language.checks.context import Context
from auditforms.language.suggest import did_you_mean
from auditforms.model.definition import Checklist, FieldItem, ForEachRows, Question, Section, Table


def check(ctx: Context) -> None:
    scales = ctx.definition.index.scales
    statements = ctx.definition.index.statements

    def scale_ref(scale_id: str | None, pointer: str) -> None:
        if scale_id is not None and scale_id not in scales:
            ctx.report("AF302", f"no scale '{scale_id}' is defined under scales" + did_you_mean(scale_id, scales),
                       pointer)

    def see_refs(see: tuple[str, ...], pointer: str) -> None:
        for k, ref in enumerate(see):
            if ref not in statements:
                hint = did_you_mean(ref, statements) or (
                    "" if statements else "; list the reference document under references")
                ctx.report("AF305", f"no statement '{ref}' in the tool's reference documents{hint}",
                           f"{pointer}/see/{k}")

    for pointer, node in ctx.nodes():
        see_refs(getattr(node, "see", ()), pointer)
        if isinstance(node, Checklist):
            scale_ref(node.scale, f"{pointer}/scale")
        elif isinstance(node, Question) and node.judgement and "/criteria/" not in pointer:
            scale_ref(node.judgement.scale, f"{pointer}/judgement/scale")
        elif isinstance(node, Section) and node.overall and node.overall.judgement:
            scale_ref(node.overall.judgement.scale, f"{pointer}/overall/judgement/scale")
        elif isinstance(node, FieldItem):
            scale_ref(node.scale, f"{pointer}/scale")
            for k, option in enumerate(node.options):
                see_refs(option.see, f"{pointer}/options/{k}")
        elif isinstance(node, Table):
            for k, column in enumerate(node.columns):
                scale_ref(column.scale, f"{pointer}/columns/{k}/scale")
    for i, rule in enumerate(ctx.definition.rules):
        if isinstance(rule.for_each, ForEachRows):
            target = ctx.definition.index.entries.get(rule.for_each.rows)
            if target is None or not isinstance(target.node, Table):
                ctx.report("AF303", f"'{rule.for_each.rows}' is not the id of a table"
                           + did_you_mean(rule.for_each.rows, [t.id for t in ctx.definition.index.tables()]),
                           f"/rules/{i}/for_each/rows")
        if rule.tagged and rule.for_each != "question":
            ctx.report("AF306", "tagged only applies with for_each: question", f"/rules/{i}/tagged")
    header_key = ctx.definition.presentation.header_key
    if header_key is not None:
        scale_ref(header_key, "/presentation/header_key")
