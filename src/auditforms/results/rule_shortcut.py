"""One compiled check of the rules JSON Schema can prove, asked before the evaluator.

See :mod:`auditforms.results.rule_schema` for how each rule becomes a schema; this module
compiles them with jsonschema-rs (once per definition and context) and answers, for one
audit's answers, which rules the evaluator must still run.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Literal

from auditforms.model.definition import Definition, Rule
from auditforms.results.rule_schema import RuleSchemas, Schema
from auditforms.results.schema_folding import conjoined, folded
from auditforms.rules import EvalContext

#: rules per part of a group, checked together before each is checked alone
_PART = 6

Check = Callable[[Any], bool]


class _Lazy:
    """A check compiled the first time it is asked for: a part's or a rule's own check is
    needed only when its group's check fails, which a small batch may never see. Two threads
    sharing a checker may both compile it; either result is the same check."""

    __slots__ = ("_check", "_schema")

    def __init__(self, schema: Schema) -> None:
        self._schema = schema
        self._check: Check | Literal[False] | None = False  # False: not compiled yet

    def __call__(self, answers: Any) -> bool | None:
        """Whether the answers pass, or ``None`` when the schema cannot be compiled here."""
        check = self._check
        if check is False:
            check = self._check = _compile(self._schema)
        return None if check is None else check(answers)


#: (a part's check, or None when the part is its whole group; its rules, with their own checks)
_Part = tuple["_Lazy | None", list[tuple[Rule, "_Lazy | None"]]]


class RuleShortcut:
    """Compiled checks of every rule of a definition JSON Schema can prove.

    The provable rules are checked in two groups: those of one place, cheap, and the
    ``for_each`` rules, which visit every question or row and cost more. When a group's
    check fails (an audit that breaks a rule, about one in three), its parts of at most six
    rules are checked, and the rules of a failing part each alone; the rest stay proven.
    Each rule's schema is folded by member once (:mod:`~auditforms.results.schema_folding`);
    a group's and a part's are the conjunction of their rules' folded schemas.
    """

    def __init__(self, definition: Definition, context: EvalContext, rules: Sequence[Rule],
                 target: Callable[[Rule], str]) -> None:
        builder = RuleSchemas(definition, context)
        raw = [builder.holds(rule, target(rule)) for rule in rules]
        schemas = [folded(s) if s is not None else None for s in raw]
        self.rules = tuple(rules)
        self.left = tuple(r for r, s in zip(rules, schemas, strict=True) if s is None)
        self.defs = builder.defs
        #: rule -> its own check, asked only when its group's check fails (a few audits)
        self._each = [(r, _Lazy(self._whole([s])) if s is not None else None)
                      for r, s in zip(rules, schemas, strict=True)]
        checks = dict(self._each)
        #: (the group's check, its parts)
        self._groups: list[tuple[Check | None, list[_Part]]] = []
        for scoped in (False, True):
            members = [(r, s) for r, s in zip(rules, schemas, strict=True)
                       if s is not None and (r.for_each is not None) == scoped]
            if not members:
                continue
            group = _compile(self._whole([s for _, s in members]))
            chunks = [members[k:k + _PART] for k in range(0, len(members), _PART)]
            parts: list[_Part] = [
                (None if len(chunks) == 1 else _Lazy(self._whole([s for _, s in chunk])),
                 [(r, checks[r]) for r, _ in chunk]) for chunk in chunks]
            self._groups.append((group, parts))

    def _whole(self, folded_schemas: list[Schema]) -> Schema:
        """The conjunction of rules' folded schemas, with the definitions they refer to."""
        return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$defs": self.defs,
                "allOf": [conjoined(folded_schemas)]}

    def rules_left(self, answers: Mapping[str, Any]) -> tuple[Rule, ...]:
        """The rules the evaluator must still run for these answers, in their order.

        A rule is left when its own check fails; a group (and within it a part of at most
        ``_PART`` rules) whose check passes proves all its rules at once (``allOf``), so only the
        rules of a failing part are checked alone."""
        failed: list[Rule] = []
        for valid, parts in self._groups:
            if valid is not None and valid(answers):
                continue
            for part_valid, members in parts:
                if part_valid is not None and part_valid(answers):
                    continue
                failed += [r for r, own in members if own is None or not own(answers)]
        if not failed:
            return self.left
        left = {id(r) for r in self.left}
        left.update(id(r) for r in failed)
        return tuple(r for r in self.rules if id(r) in left)


def _compile(schema: Schema) -> Check | None:
    try:
        import jsonschema_rs
    except ImportError:  # pragma: no cover - platforms without its wheel: the evaluator does all
        return None
    try:
        valid: Check = jsonschema_rs.Draft202012Validator(schema, validate_formats=True).is_valid
    except (ValueError, jsonschema_rs.ValidationError):  # pragma: no cover
        return None
    return valid
