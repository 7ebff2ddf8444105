"""Conditions in plain English, for forms ("Complete only if …"), outlines and dictionaries."""

from __future__ import annotations

from typing import Any

from auditforms.model.conditions import All, Any_, Condition, Not, Test, is_reference
from auditforms.model.definition import Definition, FieldItem, Question, Section, Table

_PHRASES = {
    "is": "is", "is_not": "is not", "in": "is one of", "not_in": "is none of",
    "before": "is before", "after": "is after", "on_or_before": "is on or before",
    "on_or_after": "is on or after", "less_than": "is less than", "at_most": "is at most",
    "greater_than": "is more than", "at_least": "is at least", "better_than": "is better than",
    "worse_than": "is worse than", "better_than_all": "is better than every one of",
    "worse_than_all": "is worse than every one of", "rows_at_most": "has at most",
    "rows_at_least": "has at least",
}
_VARIABLES = {"$today": "today", "$period_start": "the start of the sample period",
              "$period_end": "the end of the sample period"}


def describe_condition(definition: Definition, condition: Condition) -> str:
    """E.g. "'Is the child an unaccompanied asylum-seeker?' is Yes"."""
    if isinstance(condition, All):
        return " and ".join(_grouped(definition, c) for c in condition.all)
    if isinstance(condition, Any_):
        return " or ".join(_grouped(definition, c) for c in condition.any)
    if isinstance(condition, Not):
        return f"not ({describe_condition(definition, condition.not_)})"
    return _test(definition, condition)


def _grouped(definition: Definition, condition: Condition) -> str:
    text = describe_condition(definition, condition)
    return f"({text})" if isinstance(condition, All | Any_) else text


def describe_ref(definition: Definition, ref: str) -> str:
    """The label a person knows a reference by: 'Age band', 'Q12 judgement', 'the row's Person'."""
    if ref.startswith("."):
        return f"its {ref[1:].replace('-', ' ')}"
    owner, _, part = ref.partition(".")
    entry = definition.index.entries.get(owner)
    if entry is None:
        return ref
    node = entry.node
    name = _name(node)
    if part == "judgement":
        return f"the judgement of {name}"
    if part:
        return f"{name} {part.replace('-', ' ')}"
    return name


def _name(node: Any) -> str:
    if isinstance(node, Question):
        return node.display_name if node.number else f"'{node.short_title or node.title or node.id}'"
    if isinstance(node, FieldItem):
        return f"'{node.label}'"
    if isinstance(node, Table | Section):
        return f"'{node.title}'"
    return str(getattr(node, "id", node))


def _test(definition: Definition, test: Test) -> str:
    subject = describe_ref(definition, test.field)
    op, operand = test.operator, test.operand
    if op == "answered":
        return f"{subject} {'is answered' if operand else 'is not answered'}"
    if op == "graded":
        return f"{subject} {'is a grade' if operand else 'is not a grade'}"
    if op in ("rows_at_most", "rows_at_least"):
        return f"{subject} {_PHRASES[op]} {operand} rows"
    phrase = _PHRASES[op]
    if isinstance(operand, tuple | list):
        value = ", ".join(_value(definition, test.field, v) for v in operand)
    else:
        value = _value(definition, test.field, operand)
    return f"{subject} {phrase} {value}"


def _value(definition: Definition, field_ref: str, value: Any) -> str:
    if isinstance(value, str) and value in _VARIABLES:
        return _VARIABLES[value]
    label = _option_label(definition, field_ref, value)
    if label is not None:
        return label
    if isinstance(value, str) and is_reference(value) and value.split(".")[0] in definition.index:
        return describe_ref(definition, value)
    return str(value)


def _option_label(definition: Definition, field_ref: str, value: Any) -> str | None:
    entry = definition.index.entries.get(field_ref)
    if entry is None or not isinstance(entry.node, FieldItem):
        return None
    field = entry.node
    if field.type == "scale" and field.scale in definition.index.scales:
        option = definition.index.scales[field.scale].option(str(value))
        return option.label if option else None
    return next((o.label for o in field.answer_options if o.id == value), None)
