"""Semantic checks: what the JSON Schema cannot say about a definition.

Each module holds one family of checks and exposes ``check(context)``; every check adds
diagnostics to the shared :class:`Context` and never stops at the first problem.
"""

from __future__ import annotations

from typing import Any

from auditforms.diagnostics import Diagnostic
from auditforms.language.checks import (
    action_plan,
    compound,
    conditions,
    ids,
    lineage,
    moderation,
    references,
    tables,
    tags,
)
from auditforms.language.checks import families as family_checks
from auditforms.language.checks.context import Context
from auditforms.model.definition import Definition

CHECKS = (ids.check, references.check, conditions.check, tables.check, moderation.check, action_plan.check,
          tags.check, compound.check, lineage.check, family_checks.check)


def run_checks(definition: Definition, tree: Any, filename: str) -> list[Diagnostic]:
    context = Context(definition, tree, filename)
    for check in CHECKS:
        check(context)
    return context.diagnostics
