"""A tool's place in its family holds together: its audit types, its subject, who takes part,
whether it is moderated, and how it is sampled."""

from __future__ import annotations

from auditforms.language.checks.context import Context
from auditforms.language.checks.ids import _unique
from auditforms.model.definition import FieldItem

DOCUMENT_ROLES = ("document_id", "document_date")
BUILT_IN = ("central", "auditor", "moderator")


def check(ctx: Context) -> None:
    d = ctx.definition
    _unique(ctx, "/audit_types", (t.id for t in d.audit_types), "audit type")
    _unique(ctx, "/parties", (p.id for p in d.parties), "party")
    parties = {p.id for p in d.parties}
    for k, companion in enumerate(d.companions):
        if companion.completed_by is not None and companion.completed_by not in parties:
            ctx.report("AF340", f"'{companion.completed_by}' is not a party of this tool (declare it "
                       "under parties)", f"/companions/{k}/completed_by")
    _completed_by(ctx)
    _subject(ctx)
    _audit_type_field(ctx)
    _moderator_fields(ctx)
    if d.sampling is not None and d.sampling.method == "stratified" and d.sampling.stratify_by is None:
        ctx.report("AF344", "a stratified sample needs stratify_by: the column whose values are the "
                   "strata (team, area, strand or plan)", "/sampling/method")


def _completed_by(ctx: Context) -> None:
    """``completed_by`` names central, auditor, moderator, or a party that completes parts."""
    from auditforms.language.suggest import did_you_mean

    parties = {p.id: p for p in ctx.definition.parties}
    for k, declared in enumerate(ctx.definition.parties):
        if declared.id in BUILT_IN:
            ctx.report("AF340", f"a party cannot be called '{declared.id}': central, auditor and moderator "
                       "are taken", f"/parties/{k}/id")
    for pointer, node in ctx.nodes():
        who = getattr(node, "completed_by", None)
        if who is None or who in BUILT_IN:
            continue
        party = parties.get(who)
        if party is None:
            ctx.report("AF340", f"'{who}' is not central, auditor, moderator or a party of this tool"
                       + did_you_mean(who, [*BUILT_IN, *parties]), f"{pointer}/completed_by")
        elif party.does == "receive-outcome":
            ctx.report("AF340", f"'{who}' receives the outcome and completes nothing; say does: contribute "
                       "or self-audit", f"{pointer}/completed_by")


def _subject(ctx: Context) -> None:
    index = ctx.definition.index
    if ctx.definition.subject.is_document:
        missing = [r for r in DOCUMENT_ROLES if index.by_role(r) is None]
        if missing:
            ctx.report("AF341", "an audit of a document needs a field for its own id and date: give "
                       f"fields the role{'s' if len(missing) > 1 else ''} {' and '.join(missing)}",
                       "/subject/kind")
        return
    for pointer, node in ctx.nodes():
        if getattr(node, "role", None) in DOCUMENT_ROLES:
            ctx.report("AF341", f"the role {node.role} is for audits of one document; "
                       "say subject: {kind: document}", f"{pointer}/role")


def _audit_type_field(ctx: Context) -> None:
    types = {t.id for t in ctx.definition.audit_types}
    for pointer, node in ctx.nodes():
        if not isinstance(node, FieldItem) or node.role != "audit_type":
            continue
        if not types:
            ctx.report("AF342", "the role audit_type needs the tool's audit_types", f"{pointer}/role")
            continue
        options = {o.id for o in node.options}
        if options != types:
            ctx.report("AF342", "the audit type field's options must be the tool's audit types, by id "
                       f"({', '.join(sorted(types))})", f"{pointer}/role")


def _moderator_fields(ctx: Context) -> None:
    if ctx.definition.moderated_at_all:
        return
    for pointer, node in ctx.nodes():
        if getattr(node, "completed_by", None) == "moderator":
            ctx.report("AF343", f"'{node.id}' is for the moderator, but this tool is never moderated "
                       "(moderation: {moderated: never})", f"{pointer}/completed_by")
    moderation = ctx.definition.moderation
    if moderation is not None and (moderation.checklist or moderation.deadline):
        ctx.report("AF343", "a tool that is never moderated has no moderator's checklist or deadline",
                   "/moderation/moderated")
