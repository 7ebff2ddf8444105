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
    """One compiled check of every exactly-expressible rule of a definition."""

    def __init__(self, definition: Definition, context: EvalContext, rules: Sequence[Rule],
                 target: Callable[[Rule], str]) -> None:
        builder = RuleSchemas(definition, context)
        schemas = [builder.holds(rule, target(rule)) for rule in rules]
        self.rules = tuple(rules)
        self.left = tuple(r for r, s in zip(rules, schemas, strict=True) if s is None)
        self.schema = _with_defs(builder.defs, [s for s in schemas if s is not None])
        self._valid = _compile(self.schema)
        #: rule -> its own check, asked only when the whole schema fails (a few audits)
        self._each = [(r, _compile(_with_defs(builder.defs, [s])) if s is not None else None)
                      for r, s in zip(rules, schemas, strict=True)]

    def rules_left(self, answers: Mapping[str, Any]) -> tuple[Rule, ...]:
        """The rules the evaluator must still run for these answers, in their order."""
        if self._valid is not None and self._valid(answers):
            return self.left
        return tuple(r for r, valid in self._each if valid is None or not valid(answers))


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
