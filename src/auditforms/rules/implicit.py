"""Rules implied by the definition itself: required fields, required judgements, row limits.

Turning these into ordinary :class:`Rule` objects means one evaluator (here and in the HTML
form) applies them, and ``check`` and the form cannot disagree about what "required" means.
Implicit rule ids contain a ``:``, which authored rule ids cannot, so they never clash.
"""

from __future__ import annotations

from typing import Any

from auditforms.model.conditions import Test
from auditforms.model.definition import (
    Definition,
    FieldItem,
    ForEachRows,
    Narrative,
    Question,
    Rule,
    Section,
    Table,
)


def _answered(ref: str) -> Test:
    return Test.model_validate({"field": ref, "answered": True})


def _field_rules(field: FieldItem) -> list[Rule]:
    if not field.required:
        return []
    return [Rule.model_validate({
        "id": f"{field.id}:required", "message": "an answer is required",
        "assert": _answered(field.id),
    })]


def _judgement_rule(owner: str, label: str | None) -> Rule:
    what = (label or "judgement").rstrip(":").strip()
    return Rule.model_validate({
        "id": f"{owner}:judgement-required", "message": f"{_lower_first(what)} is required",
        "assert": _answered(f"{owner}.judgement"),
    })


def _narrative_rules(owner: str, narratives: tuple[Narrative, ...], graded: bool) -> list[Rule]:
    """A required narrative: always, or (``when_graded``) whenever the owner's judgement is graded."""
    rules = []
    for narrative in narratives:
        if not narrative.required or (narrative.required == "when_graded" and not graded):
            continue
        rule: dict[str, Any] = {"id": f"{owner}:{narrative.id}:required",
                                "message": f"{_lower_first(narrative.label.rstrip(':').strip())} is required",
                                "assert": _answered(f"{owner}.{narrative.id}")}
        if narrative.required == "when_graded":
            rule["message"] += " when a grade is given"
            rule["when"] = Test.model_validate({"field": f"{owner}.judgement", "graded": True})
        rules.append(Rule.model_validate(rule))
    return rules


def _table_rules(table: Table) -> list[Rule]:
    rules: list[Rule] = []
    for column in table.columns:
        if column.required and not table.fixed_rows:
            rules.append(Rule.model_validate({
                "id": f"{table.id}:{column.id}:required",
                "message": f"{_lower_first(column.label)} is required in every row",
                "for_each": ForEachRows(rows=table.id),
                "assert": _answered(f".{column.id}"),
            }))
    if table.max_rows is not None:
        rules.append(Rule.model_validate({
            "id": f"{table.id}:max-rows", "message": f"no more than {table.max_rows} rows may be given",
            "assert": Test.model_validate({"field": table.id, "rows_at_most": table.max_rows}),
        }))
    if table.min_rows:
        rules.append(Rule.model_validate({
            "id": f"{table.id}:min-rows", "message": f"at least {table.min_rows} rows are required",
            "assert": Test.model_validate({"field": table.id, "rows_at_least": table.min_rows}),
        }))
    return rules


def implicit_rules(definition: Definition) -> tuple[Rule, ...]:
    rules: list[Rule] = []
    for entry in definition.index.entries.values():
        node = entry.node
        if isinstance(node, FieldItem):
            rules += _field_rules(node)
        elif isinstance(node, Question):
            if node.judgement and node.judgement.required:
                rules.append(_judgement_rule(node.id, node.judgement.label))
            rules += _narrative_rules(node.id, node.narratives, node.judgement is not None)
        elif isinstance(node, Section) and node.overall:
            judgement = node.overall.judgement
            if judgement and judgement.required:
                rules.append(_judgement_rule(node.id, judgement.label))
            rules += _narrative_rules(node.id, node.overall.narratives, judgement is not None)
        elif isinstance(node, Table):
            rules += _table_rules(node)
    return tuple(rules)


_CACHE: dict[int, tuple[Definition, tuple[Rule, ...]]] = {}


def all_rules(definition: Definition) -> tuple[Rule, ...]:
    """Implicit rules first (in document order), then the definition's own rules.

    Cached by identity: definitions are immutable and a batch check asks once per audit.
    """
    cached = _CACHE.get(id(definition))
    if cached is not None and cached[0] is definition:
        return cached[1]
    rules = implicit_rules(definition) + definition.rules
    if len(_CACHE) > 64:
        _CACHE.clear()
    _CACHE[id(definition)] = (definition, rules)
    return rules


def _lower_first(text: str) -> str:
    if len(text) > 1 and text[1].isupper():
        return text  # an acronym such as "SMART"
    return text[:1].lower() + text[1:]
