"""The tool's rules as one JSON Schema over ``answers``: "no rule can fire here", in microseconds.

Checking a batch spends most of its time in the evaluator proving that the rules hold for
audits where they do. jsonschema-rs can prove it far faster, for every rule whose meaning
JSON Schema states *exactly*: ``answered``, ``is``, ``is_not``, ``in``, ``not_in``,
``graded``, comparisons of grades, and dates compared with a fixed date (a literal or the
context's ``$today``/``$period_*``), combined with ``all``/``any``/``not`` in Kleene's
three-valued logic (each condition is a pair: "true" and "false"), in every scope
(``for_each`` question or rows). A rule fires
in a scope iff its target is shown, ``when`` is true and ``assert`` is false; its schema is
the negation of that, over every scope.

Every schema here holds for answers of *any* shape (not only schema-valid ones): when
a part is shown mirrors the evaluator's own steps (section, not relevant, parent, follow-up
option, conditions), equality follows ``_equals`` into nested lists, "answered" follows
``is_answered`` into lists and objects, ``words_at_least`` is a pattern finding as many
word starts as the evaluator counts words. A condition's pair need only *contain* the answers
where it is true and where it is false (an exact pair is the best case): a rule's schema
negates only ``when``'s "true" and ``assert``'s "false", so a larger pair only proves less.
That lets ``mentions_child`` (a child word proves it; its absence does not disprove it) and
counts of several rows of a fixed-row table take part. When a part is shown is used both
ways, so there only exact tests count. Tests JSON Schema cannot state at all (numbers, a
date compared with another field, copies, the look-back) leave their rule to the evaluator.

The evaluator stays the one authority: :mod:`auditforms.results.rule_shortcut` only says
which rules certainly hold, and the evaluator then runs the others (it runs every rule
whose own schema is not satisfied). Property tests hold the shortcut to the evaluator.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from auditforms.model.conditions import All, Any_, Condition, Judgements, Not, Test
from auditforms.model.definition import Definition, FieldItem, ForEachRows, Rule, Section, Table
from auditforms.results.date_patterns import date_bound_pattern
from auditforms.results.schema_folding import FALSE
from auditforms.results.visibility import ALWAYS, SOME_TEXT, conjunction, marked_not_relevant, negate, shown_schema
from auditforms.rules import EvalContext
from auditforms.rules.scoping import judgement_scale, rule_owners, selected_judgements
from auditforms.rules.text import at_least_words_pattern, child_words_pattern

Schema = dict[str, Any]
Pair = tuple[Schema, Schema]
NEVER: Schema = FALSE
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_ANSWERED_REF: Schema = {"$ref": "#/$defs/answered"}
ANSWERED: Schema = {"anyOf": [
    {"type": "string", "pattern": SOME_TEXT},
    {"type": ["number", "boolean"]},
    {"type": "array", "contains": _ANSWERED_REF},
    {"type": "object", "not": {"additionalProperties": {"not": _ANSWERED_REF}}},
]}


class _Place:
    """Where a reference's value is (a path of keys) and when it is shown (a schema)."""

    def __init__(self, path: Sequence[str], shown: Schema, scale: str | None, owner: str) -> None:
        self.path, self.shown, self.scale, self.owner = tuple(path), shown, scale, owner

    def holding(self, value: Schema) -> Schema:
        """Shown, present, and its value satisfies ``value``."""
        schema = value
        for key in reversed(self.path):
            schema = {"type": "object", "required": [key], "properties": {key: schema}}
        return _all_of(self.shown, schema)


class RuleSchemas:
    """Builds the "holds" schema of each rule of one definition, or ``None`` where inexact."""

    def __init__(self, definition: Definition, context: EvalContext) -> None:
        self.definition = definition
        self.context = context
        self.index = definition.index
        self.defs: dict[str, Schema] = {"answered": ANSWERED}
        self._shown: dict[str, Schema | None] = {}
        self._equal: dict[str, str] = {}
        self._exact_only = False  # while working out when a part is shown (see the module's docstring)

    def shown(self, item_id: str) -> Schema | None:
        """Valid exactly when the evaluator shows ``item_id``, for answers of any shape."""
        if item_id not in self._shown:
            self._shown[item_id] = None  # a cycle: left to the evaluator
            self._shown[item_id] = self._compute_shown(item_id)
        return self._shown[item_id]

    def _compute_shown(self, item_id: str) -> Schema | None:
        return shown_schema(self.index, item_id, shown=self.shown, revealed=self._revealed,
                            condition=self._exact_condition, unknown=NEVER)

    def _revealed(self, owner: str, option: Any) -> Schema | None:
        return conjunction([self.shown(owner), {"required": [owner], "properties": {owner: self.equal(option)}}])

    def _exact_condition(self, condition: Condition) -> Schema | None:
        """A condition deciding whether a part is shown: only an exact schema will do."""
        self._exact_only, outer = True, self._exact_only
        try:
            pair = self.condition(condition, self._absolute)
        finally:
            self._exact_only = outer
        return None if pair is None else pair[0]

    def equal(self, operand: Any) -> Schema:
        """A value the evaluator's ``_equals`` finds equal to ``operand`` (lists: any item, deeply)."""
        key = json.dumps(operand)
        if key in self._equal:
            return {"$ref": f"#/$defs/{self._equal[key]}"}
        name = self._equal[key] = f"equal-{len(self._equal)}"
        self.defs[name] = {"anyOf": [{"const": operand},
                                     {"type": "array", "contains": {"$ref": f"#/$defs/{name}"}}]}
        return {"$ref": f"#/$defs/{name}"}

    def holds(self, rule: Rule, target: str) -> Schema | None:
        if rule.for_each is None:
            return self._in_scope(rule, target, self._absolute)
        if rule.for_each == "question":
            return self._each_question(rule, target)
        if isinstance(rule.for_each, ForEachRows):
            return self._each_row(rule, target, rule.for_each.rows)
        return None

    def _in_scope(self, rule: Rule, target: str, place: Callable[[str], _Place | None]) -> Schema | None:
        """The rule does not fire: its target is hidden, ``when`` is not true, or ``assert``
        is not false."""
        where = place(target)
        asserted = self.condition(rule.assert_, place)
        when = self.condition(rule.when, place) if rule.when is not None else (ALWAYS, NEVER)
        if where is None or asserted is None or when is None:
            return None
        return {"anyOf": [negate(where.shown), negate(when[0]), negate(asserted[1])]}

    def _each_question(self, rule: Rule, target: str) -> Schema | None:
        holds: list[Schema] = []
        for owner in rule_owners(rule, self.index.questions(), ()):
            shown = self.shown(owner)
            inner = self._in_scope(rule, target, partial(self._relative, owner))
            if shown is None or inner is None:
                return None
            holds.append({"anyOf": [negate(shown), inner]})
        return {"allOf": holds} if holds else ALWAYS

    def _each_row(self, rule: Rule, target: str, table_id: str) -> Schema | None:
        table = self.index.node(table_id) if table_id in self.index else None
        shown = self.shown(table_id)
        if not isinstance(table, Table) or shown is None:
            return None
        inner = self._in_scope(rule, target, partial(self._in_row, table))
        if inner is None:
            return None
        row = {"anyOf": [{"not": {"type": "object"}}, {"not": _ANSWERED_REF}, inner]}
        rows = {"items": row, "additionalProperties": row}
        return {"anyOf": [negate(shown), {"properties": {table_id: rows}}]}

    # -- references ----------------------------------------------------------------------

    def _absolute(self, ref: str) -> _Place | None:
        if ref.startswith("."):
            return None
        if "." in ref:
            owner, part = ref.split(".", 1)
            return self._part(owner, part)
        entry = self.index.entries.get(ref)
        shown = self.shown(ref)
        if entry is None or shown is None:
            return None
        scale = entry.node.scale if isinstance(entry.node, FieldItem) else None
        return _Place([ref], shown, scale, ref)

    def _relative(self, owner: str, ref: str) -> _Place | None:
        return self._part(owner, ref[1:]) if ref.startswith(".") else self._absolute(ref)

    def _in_row(self, table: Table, ref: str) -> _Place | None:
        if not ref.startswith("."):
            return None  # a row rule naming a field outside the row: left to the evaluator
        column = next((c for c in table.columns if c.id == ref[1:]), None)
        return _Place([ref[1:]], ALWAYS, column.scale if column else None, table.id)

    def _part(self, owner: str, part: str) -> _Place | None:
        shown = self.shown(owner)
        entry = self.index.entries.get(owner)
        if shown is None or entry is None:
            return None
        node = entry.node
        if isinstance(node, Section) and node.optional and part != "not_relevant":
            shown = _all_of(shown, negate(marked_not_relevant(owner)))
        return _Place([owner, part], shown, judgement_scale(node) if part == "judgement" else None, owner)

    # -- conditions ----------------------------------------------------------------------

    def condition(self, condition: Condition, place: Callable[[str], _Place | None]) -> Pair | None:
        """(valid exactly when ``condition`` is true, valid exactly when it is false): Kleene's
        third value, "unknown", satisfies neither."""
        if isinstance(condition, Test):
            return self._test(condition, place)
        if isinstance(condition, All | Any_):
            items = condition.all if isinstance(condition, All) else condition.any
            pairs = [self.condition(c, place) for c in items]
            if any(p is None for p in pairs):
                return None
            trues = [p[0] for p in pairs if p is not None]
            falses = [p[1] for p in pairs if p is not None]
            if isinstance(condition, Any_):
                trues, falses = falses, trues
            every, some = _every(trues), ({"anyOf": falses} if falses else NEVER)
            return (every, some) if isinstance(condition, All) else (some, every)
        if isinstance(condition, Not):
            inner = self.condition(condition.not_, place)
            return None if inner is None else (inner[1], inner[0])
        return None

    def _test(self, test: Test, place: Callable[[str], _Place | None]) -> Pair | None:
        where = place(test.field)
        op, operand = test.operator, test.operand
        if where is None:
            return None
        if op in {"better_than", "worse_than", "better_than_all", "worse_than_all"}:
            if isinstance(operand, Judgements):  # every question (or section) on the scale: known now
                operand = selected_judgements(self.index, operand, where.owner, where.scale)
            if not isinstance(operand, str | tuple):
                return None
            others = [place(r) for r in ((operand,) if isinstance(operand, str) else operand)]
            if any(o is None for o in others):
                return None
            return self._ranks(where, [o for o in others if o is not None], op)
        if op in {"before", "after", "on_or_before", "on_or_after"}:
            return self._date(where, op, operand)
        if op == "words_at_least" and isinstance(operand, int):
            return self._words(where, operand)
        if op == "meets_good":
            return self._meets_good(where, bool(operand))
        if op == "mentions_child":
            return None if self._exact_only else self._mentions_child(where, bool(operand))
        if op in {"rows_at_least", "rows_at_most"} and isinstance(operand, int):
            exact = operand <= (1 if op == "rows_at_least" else 0)
            return None if self._exact_only and not exact else self._rows(where, op == "rows_at_least", operand)
        two_valued = self._two_valued(where, op, operand)
        return None if two_valued is None else (two_valued, negate(two_valued))

    def _two_valued(self, where: _Place, op: str, operand: Any) -> Schema | None:
        if op == "answered":
            answered = where.holding(_ANSWERED_REF)
            return answered if operand else negate(answered)
        if op in {"is", "is_not", "in", "not_in"}:
            options = [operand] if op in {"is", "is_not"} else list(operand)
            if not all(isinstance(o, str | int | float | bool) for o in options):
                return None
            found = where.holding({"anyOf": [self.equal(o) for o in options]}) if options else NEVER
            return found if op in {"is", "in"} else negate(found)
        if op == "graded":
            graded = self._graded(where, None)
            return graded if operand else negate(graded)
        return None

    def _graded(self, where: _Place, keep: Callable[[float], bool] | None) -> Schema:
        """Shown and graded on its scale (with a rank ``keep`` accepts, if given)."""
        scale = self.index.scales.get(where.scale) if where.scale else None
        ids = [o.id for o in scale.options if keep is None or keep(scale.rank(o.id) or 0.0)] \
            if scale else []
        return where.holding({"enum": ids}) if ids else NEVER

    def _rows(self, where: _Place, at_least: bool, count: int) -> Pair:
        """``rows_at_least``/``rows_at_most``: exact for a list of rows, and for none or one
        row of any table; for more rows of a fixed-row table (an object, whose answered rows
        JSON Schema cannot count) only what its number of rows already decides."""
        if not at_least:  # at most N rows: not at least N + 1
            true, false = self._rows(where, True, count + 1)
            return false, true
        if count <= 0:
            return ALWAYS, NEVER
        if count == 1:
            some = where.holding({"type": ["array", "object"], "$ref": "#/$defs/answered"})
            return some, negate(some)
        listed = where.holding({"type": "array", "contains": _ANSWERED_REF, "minContains": count})
        keyed = where.holding({"type": "object", "minProperties": count})
        return {"anyOf": [listed, keyed]}, negate(listed)

    def _mentions_child(self, where: _Place, wanted: bool) -> Pair:
        """``mentions_child``: unknown unless the value is answered text; a text with a child
        word certainly mentions the child, one without may still (initials, the child's name)."""
        answered = where.holding({"type": "string", "pattern": SOME_TEXT})
        no_child_word = where.holding({"type": "string", "pattern": SOME_TEXT,
                                       "not": {"pattern": child_words_pattern()}})
        return (answered, no_child_word) if wanted else (no_child_word, answered)

    def _words(self, where: _Place, count: int) -> Pair:
        """``words_at_least``: unknown unless the value is answered text."""
        text = {"type": "string", "pattern": SOME_TEXT}
        if count <= 0:
            return where.holding(text), NEVER
        enough = at_least_words_pattern(count)
        return (where.holding({"type": "string", "pattern": enough}),
                where.holding({**text, "not": {"pattern": enough}}))

    def _meets_good(self, where: _Place, wanted: bool) -> Pair:
        """``meets_good``: unknown for N/A, unknown grades and scales that do not say where good starts."""
        scale = self.index.scales.get(where.scale) if where.scale else None
        if scale is None:
            return NEVER, NEVER
        meets = {o.id: scale.meets_good(o.id) for o in scale.options}
        true = [i for i, good in meets.items() if good is not None and good == wanted]
        false = [i for i, good in meets.items() if good is not None and good != wanted]
        return (where.holding({"enum": true}) if true else NEVER, where.holding({"enum": false}) if false else NEVER)

    def _ranks(self, mine: _Place, others: list[_Place], op: str) -> Pair | None:
        """better_than(_all)/worse_than(_all): unknown unless mine and some other are graded."""
        scale = self.index.scales.get(mine.scale) if mine.scale else None
        if scale is None:
            return NEVER, NEVER
        better = op.startswith("better")
        trues: list[Schema] = []
        falses: list[Schema] = []
        for option in scale.options:
            rank = scale.rank(option.id) or 0.0
            this = mine.holding({"const": option.id})
            beats = partial(_beats, rank, better)
            beaten = [self._graded(o, beats) for o in others]
            graded = [self._graded(o, None) for o in others]
            holds_each = [{"anyOf": [negate(g), b]} for g, b in zip(graded, beaten, strict=True)]
            some_graded = {"anyOf": graded} if graded else NEVER
            trues.append(_every([this, some_graded, *holds_each]))
            fails = [_all_of(g, negate(b)) for g, b in zip(graded, beaten, strict=True)]
            falses.append(_every([this, {"anyOf": fails} if fails else NEVER]))
        return {"anyOf": trues}, {"anyOf": falses}

    def _date(self, where: _Place, op: str, operand: Any) -> Pair | None:
        """A date compared with a fixed date (a literal, or $today/$period_* of the context)."""
        if not isinstance(operand, str):
            return None
        if operand.startswith("$"):
            fixed = getattr(self.context, operand[1:], None)
            if not isinstance(fixed, dt.date):
                return NEVER, NEVER
            day = fixed.isoformat()
        elif _ISO_DATE.fullmatch(operand):
            try:
                day = dt.date.fromisoformat(operand).isoformat()
            except ValueError:
                return NEVER, NEVER
        else:
            return None  # another field: JSON Schema cannot compare two values
        strict = op in {"before", "after"}
        later = op in {"after", "on_or_after"}
        true = where.holding({"type": "string", "format": "date",
                              "pattern": date_bound_pattern(day, later=later, strict=strict)})
        false = where.holding({"type": "string", "format": "date",
                               "pattern": date_bound_pattern(day, later=not later, strict=not strict)})
        return true, false


def _every(parts: list[Schema]) -> Schema:
    both = conjunction(list(parts))
    return NEVER if both is None else both


def _all_of(first: Schema, second: Schema) -> Schema:
    both = conjunction([first, second])
    return NEVER if both is None else both


def _beats(mine: float, better: bool, other: float) -> bool:
    """Whether ``mine`` is better (or worse) than a grade ranked ``other``."""
    return other < mine if better else other > mine
