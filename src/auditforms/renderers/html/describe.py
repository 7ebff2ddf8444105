"""Conditions in words, for paper: "Only if “Is the child an unaccompanied asylum-seeker?” is “Yes”".

On screen a conditional part simply appears; a blank form printed for completion by hand
shows every part, so each conditional one must say when it applies.
"""

from __future__ import annotations

from typing import Any

from auditforms.model.conditions import All, Any_, Condition, Not, Test
from auditforms.model.definition import Definition, FieldItem, Question, Section, Table

_PHRASES = {
    "before": "is before", "after": "is after", "on_or_before": "is on or before",
    "on_or_after": "is on or after", "less_than": "is less than", "at_most": "is at most",
    "greater_than": "is more than", "at_least": "is at least", "better_than": "is better than",
    "worse_than": "is worse than", "better_than_all": "is better than all of",
    "worse_than_all": "is worse than all of", "rows_at_most": "has at most",
    "rows_at_least": "has at least",
}
_VARIABLES = {"$today": "today", "$period_start": "the start of the sample period",
              "$period_end": "the end of the sample period"}


def item_name(definition: Definition, ref: str) -> str:
    """How a person knows the part a reference names: its label, title or question name."""
    owner, _, part = ref.partition(".")
    entry = definition.index.entries.get(owner)
    if entry is None:
        return ref
    node = entry.node
    if isinstance(node, FieldItem):
        name = node.label
    elif isinstance(node, Question):
        name = node.display_name
    elif isinstance(node, Table | Section):
        name = node.title
    else:  # pragma: no cover - the index holds only the four kinds
        name = owner
    if part == "judgement":
        return f"the judgement of {name}"
    return f"{name} ({part})" if part else name


def _option_label(definition: Definition, ref: str, value: Any) -> str:
    entry = definition.index.entries.get(ref.partition(".")[0])
    if isinstance(value, bool):
        return "Yes" if value else "No"
    node = entry.node if entry else None
    labels: dict[str, str] = {}
    if isinstance(node, FieldItem):
        labels = {o.id: o.label for o in node.answer_options}
        scale = definition.index.scales.get(node.scale or "")
        if scale:
            labels.update({o.id: o.label for o in scale.options})
    return labels.get(str(value), str(value))


def _operand(definition: Definition, op: str, operand: Any) -> str:
    if op in {"rows_at_most", "rows_at_least"}:
        return f"{operand} row{'s' if operand != 1 else ''}"
    if isinstance(operand, tuple | list):
        return ", ".join(f"“{item_name(definition, o)}”" for o in operand)
    if isinstance(operand, str) and operand in _VARIABLES:
        return _VARIABLES[operand]
    if isinstance(operand, str) and (op in {"better_than", "worse_than"} or operand in definition.index
                                     or "." in operand):
        return f"“{item_name(definition, operand)}”"
    return str(operand)


def _test(definition: Definition, test: Test) -> str:
    subject = f"“{item_name(definition, test.field)}”"
    op, operand = test.operator, test.operand
    if op in {"is", "is_not"}:
        verb = "is" if op == "is" else "is not"
        return f"{subject} {verb} “{_option_label(definition, test.field, operand)}”"
    if op in {"in", "not_in"}:
        verb = "is one of" if op == "in" else "is none of"
        values = ", ".join(f"“{_option_label(definition, test.field, v)}”" for v in operand)
        return f"{subject} {verb} {values}"
    if op == "answered":
        return f"{subject} {'is' if operand else 'is not'} answered"
    if op == "graded":
        return f"{subject} {'is' if operand else 'is not'} given a grade"
    return f"{subject} {_PHRASES[op]} {_operand(definition, op, operand)}"


def describe(definition: Definition, condition: Condition) -> str:
    if isinstance(condition, Test):
        return _test(definition, condition)
    if isinstance(condition, All):
        return " and ".join(_grouped(definition, c) for c in condition.all)
    if isinstance(condition, Any_):
        return " or ".join(_grouped(definition, c) for c in condition.any)
    if isinstance(condition, Not):
        return f"not ({describe(definition, condition.not_)})"
    raise TypeError(condition)


def _grouped(definition: Definition, condition: Condition) -> str:
    text = describe(definition, condition)
    return f"({text})" if isinstance(condition, All | Any_) else text


def only_if(definition: Definition, condition: Condition | None) -> str | None:
    return None if condition is None else f"Only if {describe(definition, condition)}."
