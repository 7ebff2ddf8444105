"""Explaining why an audit fails the result schema, without walking the answers that pass.

jsonschema (pure Python) gives the errors ``check`` words for people, but walking every
answer of a 40-question audit to find the one that is wrong costs most of a failing
audit's time. jsonschema-rs finds *where* the errors are in microseconds; jsonschema is
then given the same schema with every other answer's schema replaced by ``true``. Nothing
else changes (the envelope, the answers' own keywords, ``$defs``), so the errors, their
order and their wording are exactly those of the full schema for the answers that fail.
Validators for each set of failing answers are kept: a batch repeats its mistakes.
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
        self._pruned: dict[frozenset[str], Any] = {}
        answers = schema.get("properties", {}).get("answers") if isinstance(schema, Mapping) else None
        self._answers = answers if isinstance(answers, Mapping) and \
            isinstance(answers.get("properties"), Mapping) else None

    def validator_for(self, document: Any) -> Any:
        """The full validator, or one that skips the answers jsonschema-rs found no error in."""
        if self.locate is None or self._answers is None:
            return self.validator
        failing: set[str] = set()
        for error in self.locate(document):
            path = list(error.instance_path)
            if len(path) >= 2 and path[0] == "answers" and isinstance(path[1], str):
                failing.add(path[1])
        key = frozenset(failing)
        if key not in self._pruned:
            if len(self._pruned) >= _KEEP:
                self._pruned.clear()
            self._pruned[key] = make_validator(self._prune(key))
        return self._pruned[key]

    def _prune(self, failing: frozenset[str]) -> dict[str, Any]:
        assert self._answers is not None
        properties = {k: (v if k in failing else True) for k, v in self._answers["properties"].items()}
        answers = {**self._answers, "properties": properties}
        return {**self.schema, "properties": {**self.schema["properties"], "answers": answers}}


def _rs_errors(schema: Mapping[str, Any]) -> Any:
    try:
        import jsonschema_rs
    except ImportError:  # pragma: no cover - platforms without its wheel: the full validator
        return None
    try:
        return jsonschema_rs.Draft202012Validator(dict(schema), validate_formats=True).iter_errors
    except (ValueError, jsonschema_rs.ValidationError):  # pragma: no cover
        return None
