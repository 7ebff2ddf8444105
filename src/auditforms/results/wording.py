"""Conditions and rules in plain words, for the data dictionary and the docs.

"shown when Is the child an unaccompanied asylum-seeker? is Yes" reads better to an
analyst than ``{field: uasc, is: "yes"}``; option ids are replaced by their labels.
"""

from __future__ import annotations

from typing import Any

from auditforms.model.conditions import All, Any_, Condition, Not, Test
from auditforms.model.definition import Definition, FieldItem, Question, Section, Table
from auditforms.results.naming import Namer, clean

_OPS = {
    "is": "is",
    "is_not": "is not",
    "in": "is one of",
    "not_in": "is none of",
    "before": "is before",
    "after": "is after",
    "on_or_before": "is on or before",
    "on_or_after": "is on or after",
    "less_than": "is less than",
    "at_most": "is at most",
    "greater_than": "is greater than",
    "at_least": "is at least",
    "better_than": "is better than",
    "worse_than": "is worse than",
    "better_than_all": "is better than all of",
    "worse_than_all": "is worse than all of",
    "rows_at_most": "has at most",
    "rows_at_least": "has at least",
}
_VARIABLES = {
    "$today": "today",
    "$period_start": "the start of the sample period",
    "$period_end": "the end of the sample period",
}


class Wording:
    def __init__(self, definition: Definition) -> None:
        self.definition = definition
        self.namer = Namer(definition)

    def condition(self, condition: Condition) -> str:
        if isinstance(condition, Test):
            return self.test(condition)
        if isinstance(condition, All):
            return " and ".join(self._grouped(c) for c in condition.all)
        if isinstance(condition, Any_):
            return " or ".join(self._grouped(c) for c in condition.any)
        if isinstance(condition, Not):
            return f"not ({self.condition(condition.not_)})"
        return str(condition)

    def _grouped(self, condition: Condition) -> str:
        text = self.condition(condition)
        return f"({text})" if isinstance(condition, All | Any_) else text

    def ref(self, ref: str) -> str:
        if ref.startswith("."):
            return f"its {ref[1:]}"
        if "." in ref:
            owner, part = ref.split(".", 1)
            return f"{self.namer.item(owner)} {self.namer.part(owner, part)}"
        return self.namer.item(ref)

    def test(self, test: Test) -> str:
        op, operand = test.operator, test.operand
        subject = self.ref(test.field)
        if op == "answered":
            return f"{subject} is {'answered' if operand else 'not answered'}"
        if op == "graded":
            return f"{subject} {'is' if operand else 'is not'} a grade (not N/A)"
        if op in {"rows_at_most", "rows_at_least"}:
            return f"{subject} {_OPS[op]} {operand} rows"
        return f"{subject} {_OPS[op]} {self.operand(test.field, operand)}"

    def operand(self, field_ref: str, operand: Any) -> str:
        if isinstance(operand, list | tuple):
            return ", ".join(self.operand(field_ref, o) for o in operand)
        if isinstance(operand, str):
            if operand in _VARIABLES:
                return _VARIABLES[operand]
            label = self._option_label(field_ref, operand)
            if label is not None:
                return label
            if operand in self.definition.index or "." in operand:
                return self.ref(operand)
        return str(operand)

    def _option_label(self, field_ref: str, option_id: str) -> str | None:
        entry = self.definition.index.entries.get(field_ref)
        if entry is not None and isinstance(entry.node, FieldItem):
            for option in entry.node.answer_options:
                if option.id == option_id:
                    return clean(option.label)
        return None

    def shown_when(self, item_id: str) -> str:
        """Why ``item_id`` might not be shown, or "" when it always is."""
        entry = self.definition.index.entries[item_id]
        reasons = [self.condition(c) for c in entry.conditions]
        if entry.revealed_by:
            owner, option = entry.revealed_by
            reasons.insert(0, f"{self.namer.item(owner)} is {self.operand(owner, option)}")
        section = entry.section
        if section.optional and entry.node is not section:
            reasons.append(f'{section.title} is not marked "{clean(section.not_relevant_label)}"')
        return " and ".join(reasons)


def kind_of(node: Any) -> str:
    if isinstance(node, FieldItem):
        return node.type
    if isinstance(node, Question):
        return "question"
    if isinstance(node, Table):
        return "table"
    if isinstance(node, Section):
        return "section"
    return type(node).__name__.lower()
