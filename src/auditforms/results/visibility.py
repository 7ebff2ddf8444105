"""When a part is shown, as a JSON Schema over ``answers``, wherever that can be said exactly.

The evaluator (:mod:`auditforms.rules`) is the one authority on what is shown; this module
translates its rules into ``if`` schemas only for the conditions whose meaning JSON Schema
can state without approximation: ``is``, ``is_not``, ``in``, ``not_in`` and ``answered``
tests on plain fields, combined with ``all``/``any``/``not``, plus follow-ups and sections
marked not relevant. These tests are two-valued (never "unknown"), so Kleene logic and
JSON Schema's boolean logic coincide. Anything else returns ``None``: the result schema
then states nothing about that part and ``check`` leaves it to the rules.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from auditforms.model.conditions import All, Any_, Condition, Not, Test
from auditforms.model.definition import Definition, FieldItem
from auditforms.model.index import DefinitionIndex
from auditforms.results.schema_folding import TRUE

Schema = dict[str, Any]
ALWAYS: Schema = TRUE
#: Text with something ``str.strip`` keeps: what the evaluator counts as answered (\s alone
#: misses \x1c-\x1f, which Python strips as white space).
SOME_TEXT = "[^\\s\\x1c-\\x1f]"


class Visibility:
    """Computes (and caches) the ``if`` schema saying "this id is shown"."""

    def __init__(self, definition: Definition) -> None:
        self.index: DefinitionIndex = definition.index
        self._cache: dict[str, Schema | None] = {}

    def shown(self, item_id: str) -> Schema | None:
        if item_id not in self._cache:
            self._cache[item_id] = None  # a cycle is "not expressible"
            self._cache[item_id] = self._compute(item_id)
        return self._cache[item_id]

    def _compute(self, item_id: str) -> Schema | None:
        return shown_schema(self.index, item_id, shown=self.shown, revealed=self._equals,
                            condition=self.condition, unknown=None)

    def condition(self, condition: Condition) -> Schema | None:
        if isinstance(condition, Test):
            return self._test(condition)
        if isinstance(condition, All):
            return conjunction([self.condition(c) for c in condition.all])
        if isinstance(condition, Any_):
            branches = [self.condition(c) for c in condition.any]
            if any(b is None for b in branches):
                return None
            return {"anyOf": branches} if branches else {"not": ALWAYS}
        if isinstance(condition, Not):
            inner = self.condition(condition.not_)
            return None if inner is None else negate(inner)
        return None

    def _test(self, test: Test) -> Schema | None:
        op, operand = test.operator, test.operand
        if op == "is":
            return self._equals(test.field, operand)
        if op == "is_not":
            equals = self._equals(test.field, operand)
            return None if equals is None else negate(equals)
        if op in {"in", "not_in"}:
            branches = [self._equals(test.field, o) for o in operand]
            if any(b is None for b in branches):
                return None
            found: Schema = {"anyOf": branches} if branches else {"not": ALWAYS}
            return found if op == "in" else negate(found)
        if op == "answered":
            answered = self._answered(test.field)
            if answered is None:
                return None
            return answered if operand else negate(answered)
        return None

    def _field(self, ref: str) -> FieldItem | None:
        entry = self.index.entries.get(ref)
        return entry.node if entry and isinstance(entry.node, FieldItem) else None

    def _equals(self, ref: str, operand: Any) -> Schema | None:
        """``ref`` is shown and its value equals ``operand`` (any item, for a list)."""
        field = self._field(ref)
        if field is None:
            return None
        value: Schema = {"const": operand}
        if field.type == "multichoice":
            value = {"anyOf": [value, {"type": "array", "contains": value}]}
        return self._with_value(ref, value)

    def _answered(self, ref: str) -> Schema | None:
        field = self._field(ref)
        if field is None:
            return None
        text: Schema = {"type": "string", "pattern": SOME_TEXT}
        value: Schema = {
            "anyOf": [text, {"type": ["number", "boolean"]}, {"type": "array", "contains": text}]
        }
        if field.type in {"choice", "scale", "yesno", "age_band"}:
            value = {"type": "string", "pattern": SOME_TEXT}
        return self._with_value(ref, value)

    def _with_value(self, ref: str, value: Schema) -> Schema | None:
        shown = self.shown(ref)
        if shown is None:
            return None
        return conjunction([shown, {"required": [ref], "properties": {ref: value}}])


def shown_schema(index: DefinitionIndex, item_id: str, *, shown: Callable[[str], Schema | None],
                 revealed: Callable[[str, Any], Schema | None],
                 condition: Callable[[Condition], Schema | None], unknown: Schema | None) -> Schema | None:
    """When ``item_id`` is shown, as the evaluator decides it (rules/session.py), made a schema:
    its section shown and, when optional, not marked not relevant; the part holding it shown;
    the option revealing it chosen; and its own conditions. The schemas of the leaves are the
    caller's: this module's are exact, the rule schemas' may only prove (see
    :mod:`auditforms.results.rule_schema`); ``None`` for a leaf makes the whole ``None``."""
    entry = index.entries.get(item_id)
    if entry is None:
        return unknown
    parts: list[Schema | None] = []
    section = entry.section
    if entry.node is not section:
        parts.append(shown(section.id))
        if section.optional:
            parts.append(negate(marked_not_relevant(section.id)))
    if entry.parent_id and entry.parent_id != section.id:
        parts.append(shown(entry.parent_id))
    if entry.revealed_by:
        owner, option = entry.revealed_by
        parts.append(revealed(owner, option))
    parts.extend(condition(c) for c in entry.conditions)
    return conjunction(parts)


def marked_not_relevant(section_id: str) -> Schema:
    """The optional section ``section_id`` is marked not relevant (its parts are then hidden)."""
    return {"required": [section_id], "properties": {section_id: {
        "type": "object", "required": ["not_relevant"], "properties": {"not_relevant": {"const": True}}}}}


def negate(schema: Schema) -> Schema:
    if set(schema) == {"not"}:
        return dict(schema["not"])
    return {"not": schema}


def conjunction(parts: list[Schema | None]) -> Schema | None:
    """``allOf`` of the parts, flattened; ``None`` if any part is not expressible."""
    if any(p is None for p in parts):
        return None
    kept: list[Schema] = []
    for part in parts:
        assert part is not None
        for piece in part.get("allOf", [part]) if set(part) == {"allOf"} else [part]:
            if piece and piece not in kept:
                kept.append(piece)
    if not kept:
        return ALWAYS
    return kept[0] if len(kept) == 1 else {"allOf": kept}
