"""One compiled check of the rules JSON Schema can prove, asked before the evaluator.

See :mod:`auditforms.results.rule_schema` for how each rule becomes a schema; this module
compiles them with jsonschema-rs (once per definition and context) and answers, for one
audit's answers, which rules the evaluator must still run.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from auditforms.model.definition import Definition, Rule
from auditforms.results.rule_schema import RuleSchemas, Schema
from auditforms.rules import EvalContext


class RuleShortcut:
    """Compiled checks of every rule of a definition JSON Schema can prove.

    The provable rules are checked in two groups: those of one place, cheap, and the
    ``for_each`` rules, which visit every question or row and cost more. When a group's
    check fails (an audit that breaks a rule, about one in three), each of its rules is
    checked alone; the other group's rules stay proven.
    """

    def __init__(self, definition: Definition, context: EvalContext, rules: Sequence[Rule],
                 target: Callable[[Rule], str]) -> None:
        builder = RuleSchemas(definition, context)
        schemas = [builder.holds(rule, target(rule)) for rule in rules]
        self.rules = tuple(rules)
        self.left = tuple(r for r, s in zip(rules, schemas, strict=True) if s is None)
        self.schema = _with_defs(builder.defs, [s for s in schemas if s is not None])
        #: rule -> its own check, asked only when its group's check fails (a few audits)
        self._each = [(r, _compile(_with_defs(builder.defs, [s])) if s is not None else None)
                      for r, s in zip(rules, schemas, strict=True)]
        groups = [[s for r, s in zip(rules, schemas, strict=True) if s is not None and
                   (r.for_each is not None) == scoped] for scoped in (False, True)]
        #: (the group's check, whether a rule belongs to it)
        self._groups = [(_compile(_with_defs(builder.defs, group)), scoped)
                        for group, scoped in zip(groups, (False, True), strict=True) if group]

    def rules_left(self, answers: Mapping[str, Any]) -> tuple[Rule, ...]:
        """The rules the evaluator must still run for these answers, in their order."""
        failing = [scoped for valid, scoped in self._groups if valid is None or not valid(answers)]
        if not failing:
            return self.left
        return tuple(r for r, valid in self._each if valid is None or (
            (r.for_each is not None) in failing and not valid(answers)))


def _with_defs(defs: dict[str, Schema], holds: list[Schema]) -> Schema:
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$defs": defs, "allOf": holds}


def _compile(schema: Schema) -> Callable[[Any], bool] | None:
    try:
        import jsonschema_rs
    except ImportError:  # pragma: no cover - platforms without its wheel: the evaluator does all
        return None
    try:
        valid: Callable[[Any], bool] = jsonschema_rs.Draft202012Validator(schema, validate_formats=True).is_valid
    except (ValueError, jsonschema_rs.ValidationError):  # pragma: no cover
        return None
    return valid
