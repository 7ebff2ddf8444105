"""Tags that are not declared under the tool's ``tags``.

A tag counts compliance and quality items apart in the data dictionary and the result
schema, so a misspelt one would silently count nothing: every tag used on a section, item,
consideration, rule or selector must be declared, also when the tool declares none.
"""

from __future__ import annotations

from collections.abc import Iterator

from auditforms.language.checks.context import Context
from auditforms.language.suggest import did_you_mean
from auditforms.model.conditions import Judgements, iter_tests
from auditforms.model.definition import Question


def check(ctx: Context) -> None:
    declared = ctx.definition.tags
    for tag, pointer in _used(ctx):
        if tag not in declared:
            how = did_you_mean(tag, declared) if declared else f"; declare it: tags: {{{tag}: what it marks}}"
            ctx.report("AF312", f"the tag '{tag}' is not declared under tags" + how, pointer)


def _used(ctx: Context) -> Iterator[tuple[str, str]]:
    for pointer, node in ctx.nodes():
        for k, tag in enumerate(node.tags):
            yield tag, f"{pointer}/tags/{k}"
        if isinstance(node, Question):
            for c, consideration in enumerate(node.considerations):
                for k, tag in enumerate(consideration.tags):
                    yield tag, f"{pointer}/considerations/{c}/tags/{k}"
    for i, rule in enumerate(ctx.definition.rules):
        if rule.tagged:
            yield rule.tagged, f"/rules/{i}/tagged"
        for condition in (rule.assert_, rule.when):
            for test in iter_tests(condition) if condition is not None else ():
                operand = test.operand
                if isinstance(operand, Judgements) and operand.tagged:
                    yield operand.tagged, f"/rules/{i}"
