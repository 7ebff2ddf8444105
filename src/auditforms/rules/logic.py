"""The small pieces of the rule semantics both evaluators share: equality, comparison and
Kleene's three-valued ``all``/``any``. The plain evaluator (:mod:`auditforms.rules.evaluate`)
and the compiled one (:mod:`auditforms.rules.compiled`) call the same functions, so they cannot
drift apart on what "equal" or "unknown" means."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

Truth = bool | None

#: What an answer that is an object may be, ``dict`` first: ``isinstance`` tries a tuple in order,
#: and a ``dict`` (every object JSON or YAML is parsed into) is told at once, where the
#: ``Mapping`` ABC's own check is a slower call. Checking an audit asks this thousands of times.
MAPPINGS = (dict, Mapping)


def get(container: Any, key: str) -> Any:
    return container.get(key) if isinstance(container, MAPPINGS) else None


def as_mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, MAPPINGS) else {}


def equals(value: Any, operand: Any) -> bool:
    """A list equals an operand when any item does; booleans equal only booleans."""
    if isinstance(value, list):
        return any(equals(v, operand) for v in value)
    if isinstance(value, bool) or isinstance(operand, bool):
        return value is operand
    return bool(value == operand)


def compare(op: str, left: Any, right: Any) -> Truth:
    if left is None or right is None:
        return None
    if op in {"before", "less_than"}:
        return bool(left < right)
    if op in {"after", "greater_than"}:
        return bool(left > right)
    if op in {"on_or_before", "at_most"}:
        return bool(left <= right)
    return bool(left >= right)


def kleene_all(values: Iterable[Truth]) -> Truth:
    result: Truth = True
    for v in values:
        if v is False:
            return False
        if v is None:
            result = None
    return result


def kleene_any(values: Iterable[Truth]) -> Truth:
    result: Truth = False
    for v in values:
        if v is True:
            return True
        if v is None:
            result = None
    return result
