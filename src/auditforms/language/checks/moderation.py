"""The moderator's checklist names parts that exist, and each item once."""

from __future__ import annotations

from auditforms.language.checks.context import Context
from auditforms.language.checks.ids import _unique
from auditforms.moderation.checklist import APPLIES_TO_KINDS, part_kind


def check(ctx: Context) -> None:
    moderation = ctx.definition.moderation
    if moderation is None:
        return
    _unique(ctx, "/moderation/checklist", (c.id for c in moderation.checklist), "checklist item")
    index = ctx.definition.index
    for k, item in enumerate(moderation.checklist):
        target = item.applies_to
        pointer = f"/moderation/checklist/{k}/applies_to"
        if target in APPLIES_TO_KINDS:
            continue
        if target not in index:
            from auditforms.language.suggest import did_you_mean

            ctx.report("AF313", f"'{target}' is not a question, section or table of this tool, nor one of "
                       f"{', '.join(APPLIES_TO_KINDS)}" + did_you_mean(target, list(index.entries)), pointer)
        elif part_kind(index.node(target)) is None:
            ctx.report("AF313", f"'{target}' takes no checklist: a checklist item applies to a question, "
                       "a section with an overall judgement or a table", pointer)
