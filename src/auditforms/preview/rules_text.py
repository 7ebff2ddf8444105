"""A definition's own rules in plain words, worded by the core's describer."""

from __future__ import annotations

from dataclasses import dataclass

from auditforms.model.definition import Definition, ForEachRows, Rule
from auditforms.model.describe import describe_condition, describe_ref


@dataclass(frozen=True)
class RuleText:
    """``sentence`` is ``None`` when the describer has no words yet for one of its operators."""

    rule_id: str
    severity: str
    scope: str | None
    sentence: str | None
    message: str


def _scope(definition: Definition, rule: Rule) -> str | None:
    if rule.for_each == "question":
        return "For each question" + (f" tagged “{rule.tagged}”" if rule.tagged else "")
    if rule.for_each == "section":
        return "For each section"
    if rule.for_each is not None:
        return f"For each row of {describe_ref(definition, rule.for_each.rows)}"
    return None


def _sentence(definition: Definition, rule: Rule) -> str | None:
    rows = rule.for_each.rows if isinstance(rule.for_each, ForEachRows) else None
    try:
        must = describe_condition(definition, rule.assert_, rows)
        return f"when {describe_condition(definition, rule.when, rows)}, {must}" if rule.when else must
    except (KeyError, TypeError, AttributeError):
        # One rule the describer cannot word must not take the author's whole page down;
        # the rule's own message still says what it checks.
        return None


def rule_text(definition: Definition, rule: Rule) -> RuleText:
    """E.g. ‘when “Is the child disabled?” is “Yes”, “Disability” is answered’."""
    sentence = _sentence(definition, rule)
    return RuleText(rule_id=rule.id, severity=rule.severity, scope=_scope(definition, rule),
                    sentence=sentence, message=rule.message)


def rules_text(definition: Definition) -> tuple[RuleText, ...]:
    return tuple(rule_text(definition, rule) for rule in definition.rules)
