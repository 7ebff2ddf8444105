"""A definition's own rules in plain words, worded by the core's describer."""

from __future__ import annotations

from dataclasses import dataclass

from auditforms.model.definition import Definition, Rule
from auditforms.model.describe import describe_condition, describe_ref


@dataclass(frozen=True)
class RuleText:
    rule_id: str
    severity: str
    scope: str | None
    sentence: str
    message: str


def _scope(definition: Definition, rule: Rule) -> str | None:
    if rule.for_each == "question":
        return "For each question" + (f" tagged “{rule.tagged}”" if rule.tagged else "")
    if rule.for_each is not None:
        return f"For each row of {describe_ref(definition, rule.for_each.rows)}"
    return None


def rule_text(definition: Definition, rule: Rule) -> RuleText:
    """E.g. ‘when “Is the child disabled?” is “Yes”, “Disability” is answered’."""
    must = describe_condition(definition, rule.assert_)
    sentence = f"when {describe_condition(definition, rule.when)}, {must}" if rule.when else must
    return RuleText(rule_id=rule.id, severity=rule.severity, scope=_scope(definition, rule),
                    sentence=sentence, message=rule.message)


def rules_text(definition: Definition) -> tuple[RuleText, ...]:
    return tuple(rule_text(definition, rule) for rule in definition.rules)
