"""Explaining why an audit fails the result schema, without walking the parts that pass.

jsonschema (pure Python) gives the errors ``check`` words for people, but walking every
answer of a 40-question audit to find the one that is wrong costs most of a failing
audit's time. jsonschema-rs finds *where* the errors are in microseconds; jsonschema is
then given the same schema with the schema of every other member of the audit (history,
moderation, source…) and of every other answer replaced by ``true``. Nothing else changes
(the keywords of the audit and of its answers themselves, ``$defs``), so the errors, their
order and their wording are exactly those of the full schema for the parts that fail.
Validators for each set of failing parts are kept: a batch repeats its mistakes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from auditforms.results.validation import make_validator

_KEEP = 64


class Explainer:
    def __init__(self, schema: Mapping[str, Any], validator: Any) -> None:
        self.schema = schema
        self.validator = validator
        self.locate = _rs_errors(schema)
        self._pruned: dict[tuple[frozenset[str], frozenset[str]], Any] = {}
        answers = schema.get("properties", {}).get("answers") if isinstance(schema, Mapping) else None
        self._answers = answers if isinstance(answers, Mapping) and \
            isinstance(answers.get("properties"), Mapping) else None

    def validator_for(self, document: Any) -> Any:
        """The full validator, or one that skips the parts jsonschema-rs found no error in."""
        if self.locate is None or self._answers is None:
            return self.validator
        members: set[str] = set()  # of the audit
        answers: set[str] = set()
        for error in self.locate(document):
            path = list(error.instance_path)
            if path and isinstance(path[0], str):
                members.add(path[0])
            if len(path) >= 2 and path[0] == "answers" and isinstance(path[1], str):
                answers.add(path[1])
        key = (frozenset(members), frozenset(answers))
        if key not in self._pruned:
            if len(self._pruned) >= _KEEP:
                self._pruned.clear()
            self._pruned[key] = make_validator(self._prune(*key))
        return self._pruned[key]

    def _prune(self, members: frozenset[str], answers: frozenset[str]) -> dict[str, Any]:
        assert self._answers is not None
        kept_answers = {k: (v if k in answers else True) for k, v in self._answers["properties"].items()}
        properties = {k: (v if k in members else True) for k, v in self.schema["properties"].items()}
        properties["answers"] = {**self._answers, "properties": kept_answers} if "answers" in members else True
        return {**self.schema, "properties": properties}


def _rs_errors(schema: Mapping[str, Any]) -> Any:
    try:
        import jsonschema_rs
    except ImportError:  # pragma: no cover - platforms without its wheel: the full validator
        return None
    try:
        return jsonschema_rs.Draft202012Validator(dict(schema), validate_formats=True).iter_errors
    except (ValueError, jsonschema_rs.ValidationError):  # pragma: no cover
        return None
