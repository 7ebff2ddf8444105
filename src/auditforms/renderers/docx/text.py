"""Text going into Word: strip what XML 1.0 cannot hold, describe conditions in words."""

from __future__ import annotations

import re
from typing import Any

from auditforms.model.conditions import All, Any_, Condition, Not, Test
from auditforms.model.definition import Definition, FieldItem, Question, Section, Table

#: Characters XML 1.0 forbids (C0 controls except tab/newline/CR, surrogates, U+FFFE/FFFF).
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """Remove characters Word's XML cannot hold (text pasted from other systems has them)."""
    return _ILLEGAL.sub("", text)


def has_illegal(text: str) -> bool:
    return bool(_ILLEGAL.search(text))


_OPERATOR_WORDS = {
    "is": "is", "is_not": "is not", "in": "is one of", "not_in": "is none of",
    "before": "is before", "after": "is after", "on_or_before": "is on or before",
    "on_or_after": "is on or after", "less_than": "is less than", "at_most": "is at most",
    "greater_than": "is more than", "at_least": "is at least",
    "better_than": "is better than", "worse_than": "is worse than",
    "better_than_all": "is better than all of", "worse_than_all": "is worse than all of",
    "rows_at_most": "has at most this many rows:", "rows_at_least": "has at least this many rows:",
}
_VARIABLES = {"$today": "today", "$period_start": "the start of the sample period",
              "$period_end": "the end of the sample period"}


class ConditionWords:
    """Says a condition as a sentence a QA officer reads: “Age band” is “16-21”."""

    def __init__(self, definition: Definition) -> None:
        self.index = definition.index

    def describe(self, condition: Condition) -> str:
        if isinstance(condition, Test):
            return self._test(condition)
        if isinstance(condition, All):
            return " and ".join(self._inner(c) for c in condition.all)
        if isinstance(condition, Any_):
            return " or ".join(self._inner(c) for c in condition.any)
        if isinstance(condition, Not):
            return f"it is not the case that {self._inner(condition.not_)}"
        raise TypeError(condition)

    def _inner(self, condition: Condition) -> str:
        text = self.describe(condition)
        return f"({text})" if isinstance(condition, All | Any_) else text

    def name(self, ref: str) -> str:
        owner, _, part = ref.partition(".")
        node = self.index.entries[owner].node if owner in self.index else None
        if node is None:
            return f"“{ref}”"
        label = _label(node)
        if part == "judgement":
            return f"the judgement for “{label}”"
        if part:
            return f"“{label}: {part}”"
        return f"“{label}”"

    def _test(self, test: Test) -> str:
        subject = self.name(test.field)
        op, operand = test.operator, test.operand
        if op == "answered":
            return f"{subject} is {'answered' if operand else 'not answered'}"
        if op == "graded":
            return f"{subject} {'is' if operand else 'is not'} graded"
        values = operand if isinstance(operand, tuple | list) else (operand,)
        shown = ", ".join(self._value(test.field, op, v) for v in values)
        if op in {"in", "not_in"} and len(values) == 1:
            op = "is" if op == "in" else "is_not"
        return f"{subject} {_OPERATOR_WORDS[op]} {shown}"

    def _value(self, ref: str, op: str, value: Any) -> str:
        if isinstance(value, str) and value in _VARIABLES:
            return _VARIABLES[value]
        if op in {"better_than", "worse_than", "better_than_all", "worse_than_all"}:
            return self.name(str(value))
        owner, _, part = ref.partition(".")
        node = self.index.entries[owner].node if owner in self.index else None
        judgement = getattr(node, "judgement", None) or getattr(getattr(node, "overall", None), "judgement", None)
        if part == "judgement" and judgement is not None:
            scale = self.index.scales[judgement.scale]
            labels = {o.id: o.label for o in scale.options}
            if scale.not_applicable:
                labels[scale.not_applicable.id] = scale.not_applicable.label
            if value in labels:
                return f"“{labels[value]}”"
        if isinstance(node, FieldItem) and not part:
            label = next((o.label for o in node.answer_options if o.id == value), None)
            if label is not None:
                return f"“{label}”"
        if isinstance(value, str) and value in self.index and op not in {"is", "is_not", "in", "not_in"}:
            return self.name(value)
        return f"“{value}”"


def _label(node: FieldItem | Question | Table | Section) -> str:
    if isinstance(node, FieldItem):
        return node.label
    if isinstance(node, Question):
        return node.display_name if (node.title or node.short_title) else (node.prompt or node.id)
    return node.title
