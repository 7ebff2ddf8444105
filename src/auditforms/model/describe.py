"""Conditions in plain English: one wording for paper forms ("Complete only if …"), the HTML
form ("Only if …"), outlines, the data dictionary and check's messages.

Names and option labels are quoted with curly quotes, as a person would write them:
“Is the child an unaccompanied asylum-seeker?” is “Yes”.
"""

from __future__ import annotations

from typing import Any

from auditforms.model.conditions import All, Any_, Condition, Judgements, Not, Test
from auditforms.model.definition import Column, Definition, FieldItem, Question, Section, Table

_PHRASES = {
    "is": "is", "is_not": "is not", "in": "is one of", "not_in": "is none of",
    "before": "is before", "after": "is after", "on_or_before": "is on or before",
    "on_or_after": "is on or after", "less_than": "is less than", "at_most": "is at most",
    "greater_than": "is more than", "at_least": "is at least", "better_than": "is better than",
    "worse_than": "is worse than", "better_than_all": "is better than all of",
    "worse_than_all": "is worse than all of",
}
_GRADE_OPERATORS = {"better_than", "worse_than", "better_than_all", "worse_than_all"}
_VARIABLES = {"$today": "today", "$period_start": "the start of the sample period",
              "$period_end": "the end of the sample period"}


def describe_condition(definition: Definition, condition: Condition, rows: str | None = None) -> str:
    """E.g. ‘“Age band” is “16-21” or “Is the child disabled?” is “Yes”’. ``rows``: the table a
    row rule visits, whose columns its ``.column`` references name (‘its “By when”’)."""
    if isinstance(condition, Test):
        return _test(definition, condition, rows)
    if isinstance(condition, All):
        return " and ".join(_grouped(definition, c, rows) for c in condition.all)
    if isinstance(condition, Any_):
        return " or ".join(_grouped(definition, c, rows) for c in condition.any)
    if isinstance(condition, Not):
        return f"it is not the case that {_grouped(definition, condition.not_, rows)}"
    raise TypeError(condition)


def _grouped(definition: Definition, condition: Condition, rows: str | None) -> str:
    text = describe_condition(definition, condition, rows)
    return f"({text})" if isinstance(condition, All | Any_) else text


def _column(definition: Definition, rows: str | None, ref: str) -> Column | None:
    """The column a row rule's ``.column`` reference names, when ``rows`` is its table."""
    entry = definition.index.entries.get(rows) if rows else None
    table = entry.node if entry else None
    if not isinstance(table, Table) or not ref.startswith("."):
        return None
    return next((c for c in table.columns if c.id == ref[1:]), None)


def item_name(definition: Definition, ref: str) -> str:
    """How a person knows what a reference names, unquoted: its label, title or question name."""
    if ref.startswith("."):
        return ref[1:].replace("-", " ")
    owner, _, part = ref.partition(".")
    entry = definition.index.entries.get(owner)
    name = _label(entry.node) if entry else owner
    if part == "judgement":
        return f"the judgement of {name}"
    return f"{name}: {part.replace('-', ' ')}" if part else name


def describe_ref(definition: Definition, ref: str, rows: str | None = None) -> str:
    """A reference as a sentence names it: ‘the judgement of “Q4 Assessments”’, ‘“Age band”’,
    and in the rows of a table ``rows``, ‘its “By when”’."""
    if ref.startswith("."):
        column = _column(definition, rows, ref)
        return f"its “{column.label}”" if column else f"its {ref[1:].replace('-', ' ')}"
    owner, _, part = ref.partition(".")
    entry = definition.index.entries.get(owner)
    name = f"“{_label(entry.node)}”" if entry else f"“{owner}”"
    if part == "judgement":
        return f"the judgement of {name}"
    if part == "not_relevant" and entry and isinstance(entry.node, Section):
        return f"{name}’s box “{entry.node.not_relevant_label}”"
    return f"{name} ({part.replace('-', ' ')})" if part else name


def _label(node: Any) -> str:
    if isinstance(node, FieldItem):
        return node.label
    if isinstance(node, Question):
        return node.display_name if (node.title or node.short_title) else (node.prompt_lead or node.id)
    if isinstance(node, Table | Section):
        return node.title
    return str(getattr(node, "id", node))


def _test(definition: Definition, test: Test, rows: str | None) -> str:
    subject = describe_ref(definition, test.field, rows)
    op, operand = test.operator, test.operand
    if op == "answered":
        return f"{subject} is {'answered' if operand else 'not answered'}"
    if op == "graded":
        return f"{subject} {'is' if operand else 'is not'} given a grade"
    if op in _TEXT_AND_GRADE_TESTS:
        return _TEXT_AND_GRADE_TESTS[op](definition, subject, operand, rows)
    if isinstance(operand, Judgements):
        kind = {"questions": "every other question", "sections": "every section's overall judgement",
                "all": "every other judgement"}[operand.judgements]
        if operand.tagged:
            kind += f" tagged “{definition.tags.get(operand.tagged, operand.tagged)}”"
        if operand.except_:
            kind += " except " + ", ".join(describe_ref(definition, i) for i in operand.except_)
        return f"{subject} is {'better' if op.startswith('better') else 'worse'} than {kind} on its scale"
    if op in ("rows_at_most", "rows_at_least"):
        return f"{subject} has {'at most' if op == 'rows_at_most' else 'at least'} {operand} row" \
               + ("" if operand == 1 else "s")
    values = list(operand) if isinstance(operand, tuple | list) else [operand]
    if op in ("in", "not_in") and len(values) == 1:
        op = "is" if op == "in" else "is_not"
    shown = ", ".join(_value(definition, test.field, op, v, rows) for v in values)
    return f"{subject} {_PHRASES[op]} {shown}"


def _meets_good(definition: Definition, subject: str, operand: Any, rows: str | None) -> str:
    return f"{subject} {'meets' if operand else 'does not meet'} good"


def _words(definition: Definition, subject: str, operand: Any, rows: str | None) -> str:
    return f"{subject} has at least {operand} word" + ("" if operand == 1 else "s")


def _mentions_child(definition: Definition, subject: str, operand: Any, rows: str | None) -> str:
    return f"{subject} {'refers' if operand else 'does not refer'} to the child"


def _copies(definition: Definition, subject: str, operand: Any, rows: str | None) -> str:
    return f"{subject} repeats {describe_ref(definition, str(operand), rows)}"


def _within_lookback(definition: Definition, subject: str, operand: Any, rows: str | None) -> str:
    return f"{subject} is within the look-back period before {describe_ref(definition, str(operand), rows)}"


#: The moderator's-advice tests, worded for a person (the others read "X is Y").
_TEXT_AND_GRADE_TESTS = {
    "meets_good": _meets_good, "words_at_least": _words, "mentions_child": _mentions_child,
    "copies": _copies, "within_lookback_of": _within_lookback,
}


def _value(definition: Definition, field_ref: str, op: str, value: Any, rows: str | None) -> str:
    if isinstance(value, str) and value in _VARIABLES:
        return _VARIABLES[value]
    if op in _GRADE_OPERATORS:
        return describe_ref(definition, str(value), rows)
    column = _column(definition, rows, field_ref)
    label = _column_option(definition, column, value) if column else _option_label(definition, field_ref, value)
    if label is not None:
        return f"“{label}”"
    if op not in ("is", "is_not", "in", "not_in") and isinstance(value, str) \
            and (value.split(".")[0] in definition.index or _column(definition, rows, value)):
        return describe_ref(definition, value, rows)
    if isinstance(value, bool):
        return "“Yes”" if value else "“No”"
    return f"“{value}”" if isinstance(value, str) and op in ("is", "is_not", "in", "not_in") else str(value)


def _column_option(definition: Definition, column: Column, value: Any) -> str | None:
    """The label of option ``value`` of a column (its own options, or its scale's)."""
    if column.scale is None:
        return next((o.label for o in column.options if o.id == value), None)
    return _grade_label(definition, column.scale, value)


def _grade_label(definition: Definition, scale_id: str | None, value: Any) -> str | None:
    """The label of grade ``value`` of scale ``scale_id`` (its not-applicable answer too)."""
    scale = definition.index.scales.get(scale_id or "")
    if scale is None:
        return None
    if scale.not_applicable and scale.not_applicable.id == value:
        return scale.not_applicable.label
    option = scale.option(str(value))
    return option.label if option else None


def _option_label(definition: Definition, field_ref: str, value: Any) -> str | None:
    """The label of option ``value`` of what ``field_ref`` names (a field or a judgement)."""
    owner, _, part = field_ref.partition(".")
    entry = definition.index.entries.get(owner)
    node = entry.node if entry else None
    scale_id: str | None = None
    if part == "judgement":
        judgement = getattr(node, "judgement", None) or getattr(getattr(node, "overall", None), "judgement", None)
        scale_id = judgement.scale if judgement else None
    elif isinstance(node, FieldItem) and not part:
        if node.type != "scale":
            return next((o.label for o in node.answer_options if o.id == value), None)
        scale_id = node.scale
    return _grade_label(definition, scale_id, value)
