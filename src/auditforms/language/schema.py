"""Validating located definition data against ``schemas/definition.schema.json``.

jsonschema's own messages are written for programmers ("Additional properties are not
allowed ('titel' was unexpected)"); here each error becomes one plain-English diagnostic
at the YAML line of the offending key or value, with "did you mean …?" where it helps.
"""

from __future__ import annotations

import json
from functools import cache
from typing import TYPE_CHECKING, Any

from auditforms.diagnostics import Diagnostic
from auditforms.language.suggest import did_you_mean
from auditforms.resources import schema_path
from auditforms.source.located import locate, pointer_join

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

_TYPE_NAMES = {
    "string": "text", "number": "a number", "integer": "a whole number", "boolean": "true or false",
    "array": "a list", "object": "a mapping of keys", "null": "nothing",
}


@cache
def load_schema(name: str) -> dict[str, Any]:
    with schema_path(name).open(encoding="utf-8") as handle:
        return json.load(handle)  # type: ignore[no-any-return]


def definition_schema() -> dict[str, Any]:
    return load_schema("definition.schema.json")


@cache
def _validator(name: str = "definition.schema.json") -> Draft202012Validator:
    from jsonschema import Draft202012Validator

    from auditforms.schema_patterns import python_dialect

    return Draft202012Validator(python_dialect(load_schema(name)))


def validate_reference_document(tree: Any, filename: str) -> list[Diagnostic]:
    """Schema errors of a reference document (statements of good), as for definitions."""
    return _all_errors(tree, filename, "reference.schema.json")


def validate_against(tree: Any, filename: str, schema: str) -> list[Diagnostic]:
    """Schema errors of another located YAML document (e.g. a service's settings file) against
    ``schemas/<schema>``, in the same plain-English, located form as a definition's."""
    return _all_errors(tree, filename, schema)


@cache
def _fast_validator() -> Any:
    """jsonschema-rs, when installed: answers "valid?" in microseconds instead of milliseconds.

    Most files loaded are valid, so the slower pure-Python jsonschema (which gives every
    error with its path) is only imported and run for a file that is not.
    """
    try:
        import jsonschema_rs
    except ImportError:  # pragma: no cover - platforms without its wheel
        return None
    return jsonschema_rs.validator_for(definition_schema())


def validate_against_schema(tree: Any, filename: str) -> list[Diagnostic]:
    """Every schema error in ``tree``, one diagnostic each, in document order."""
    fast = _fast_validator()
    if fast is not None and fast.is_valid(tree) and _no_composition_keys_without_extends(tree):
        return []
    return _all_errors(tree, filename)


def _no_composition_keys_without_extends(tree: Any) -> bool:
    return not isinstance(tree, dict) or "extends" in tree or not ({"select", "changes"} & tree.keys())


def _all_errors(tree: Any, filename: str, schema: str = "definition.schema.json") -> list[Diagnostic]:
    out: dict[tuple[str, str], Diagnostic] = {}
    if isinstance(tree, dict) and "extends" not in tree:
        for key in ("select", "changes"):
            if key in tree:
                d = _at(tree, filename, f"/{key}", "AF201",
                        f"'{key}' is only allowed in a tool that extends another (add extends: TOOL-ID)",
                        at_key=True)
                out[(d.pointer or "", d.message)] = d
    for error in _validator(schema).iter_errors(tree):
        for diagnostic in _diagnose(error, tree, filename):
            out.setdefault((diagnostic.pointer or "", diagnostic.message), diagnostic)
    return list(out.values())


@cache
def _part_validator(definition: str) -> Draft202012Validator:
    from jsonschema import Draft202012Validator

    from auditforms.schema_patterns import python_dialect

    schema = definition_schema()
    return Draft202012Validator(python_dialect({"$defs": schema["$defs"], "$ref": f"#/$defs/{definition}"}))


@cache
def _fast_part_validator(definition: str) -> Any:
    try:
        import jsonschema_rs
    except ImportError:  # pragma: no cover - platforms without its wheel
        return None
    return jsonschema_rs.validator_for({"$defs": definition_schema()["$defs"], "$ref": f"#/$defs/{definition}"})


def validate_part(node: Any, definition: str, tree: Any, filename: str, prefix: str) -> list[Diagnostic]:
    """Schema errors of one section or item (``definition``: ``section`` or ``item``) that a
    customisation builds, located in ``tree`` (the customisation's file) under ``prefix``."""
    fast = _fast_part_validator(definition)
    if fast is not None and fast.is_valid(node):
        return []
    out: dict[tuple[str, str], Diagnostic] = {}
    for error in _part_validator(definition).iter_errors(node):
        for diagnostic in _diagnose(error, tree, filename, prefix):
            out.setdefault((diagnostic.pointer or "", diagnostic.message), diagnostic)
    return list(out.values())


def _diagnose(error: ValidationError, tree: Any, filename: str, prefix: str = "") -> list[Diagnostic]:
    if error.validator in ("oneOf", "anyOf") and not _schema_of(error).get("x-message"):
        from jsonschema.exceptions import best_match

        inner = best_match(error.context or [])
        if inner is not None and inner is not error:
            return _diagnose(inner, tree, filename, prefix)
    pointer = pointer_join(prefix, *error.absolute_path)
    what = _thing(error)
    validator = error.validator
    if validator == "additionalProperties":
        allowed = list(_schema_of(error).get("properties", {}))
        extras = [k for k in error.instance if k not in allowed] if isinstance(error.instance, dict) else []
        return [_at(tree, filename, pointer_join(pointer, key), "AF201",
                    f"'{key}' is not a key of {what}" + did_you_mean(key, allowed)
                    + ("" if did_you_mean(key, allowed) else f" (allowed: {', '.join(allowed)})"),
                    at_key=True) for key in extras]
    if validator == "required":
        present = error.instance if isinstance(error.instance, dict) else {}
        required: list[str] = list(error.validator_value)  # type: ignore[arg-type]
        missing = [k for k in required if k not in present]
        return [_at(tree, filename, pointer, "AF202", f"{what} needs '{key}'") for key in missing]
    return [_at(tree, filename, pointer, *_message(error, what))]


def _message(error: ValidationError, what: str) -> tuple[str, str]:
    v, schema = error.validator, _schema_of(error)
    value: Any = error.validator_value
    custom = schema.get("x-message")
    if v == "type":
        expected = " or ".join(_TYPE_NAMES.get(t, t) for t in ([value] if isinstance(value, str) else value))
        got = _TYPE_NAMES.get(_json_type(error.instance), "this")
        if custom and value == "string":
            return "AF203", _quote_advice(error, got, custom)
        return "AF203", f"expected {expected} here, not {got}"
    if v in ("enum", "const"):
        choices = [value] if v == "const" else list(value)
        shown = ", ".join(repr(c) if not isinstance(c, str) else c for c in choices)
        hint = did_you_mean(str(error.instance), [str(c) for c in choices]) if isinstance(error.instance, str) else ""
        return "AF204", f"{error.instance!r} is not allowed here; use one of: {shown}{hint}"
    if v in ("pattern", "format", "minLength", "maxLength"):
        if custom:
            return "AF205", f"{error.instance!r} is not valid: {custom}"
        if v == "minLength":
            return "AF205", f"{_key_name(error)} must not be empty"
        return "AF205", f"this is longer than {value} characters"
    if v in ("minimum", "maximum", "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties"):
        return "AF206", _range_message(v, value, custom)
    return "AF207", custom or f"this is not a valid {what}"


def _quote_advice(error: ValidationError, got: str, custom: str) -> str:
    """Advice for a number or true/false where text is wanted: quoting, when the quoted text
    would be accepted; otherwise the nearest value that would be (``version: 7`` → ``7.0.0``)."""
    import re

    pattern = _schema_of(error).get("pattern")
    written = str(error.instance).lower() if isinstance(error.instance, bool) else str(error.instance)
    if not isinstance(pattern, str) or re.search(pattern, written):
        return f"expected text here, not {got}: {custom} (put it in quotes: \"{written}\")"
    parts = written.split(".")
    padded = ".".join(parts + ["0"] * (3 - len(parts)))
    if re.search(pattern, padded):
        return f"{written} is not valid: {custom}; write {padded}"
    return f"{written} is not valid: {custom}"


def _key_name(error: ValidationError) -> str:
    """How a message names the value it is about: ``'title'``, or ``item 2 of 'items'``."""
    path = list(error.absolute_path)
    if not path:
        return "this"
    if isinstance(path[-1], int):
        owner = next((p for p in reversed(path) if isinstance(p, str)), None)
        return f"item {path[-1] + 1} of '{owner}'" if owner else f"item {path[-1] + 1}"
    return f"'{path[-1]}'"


def _range_message(v: str, value: Any, custom: str | None) -> str:
    if custom and v in ("minProperties", "maxProperties"):
        return custom
    return {
        "minimum": f"this must be at least {value}",
        "maximum": f"this must be at most {value}",
        "minItems": f"this list needs at least {value} item{'s' if value != 1 else ''}",
        "maxItems": f"this list may hold at most {value} items",
        "uniqueItems": "this list names the same thing twice",
        "minProperties": f"this needs at least {value} keys",
        "maxProperties": f"this may have at most {value} keys",
    }[v]


def _schema_of(error: ValidationError) -> dict[str, Any]:
    return error.schema if isinstance(error.schema, dict) else {}


def _thing(error: ValidationError) -> str:
    title = _schema_of(error).get("title")
    if title:
        return f"a {title}" if title[0] not in "aeiou" else f"an {title}"
    return "this"


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return "null"


def _at(tree: Any, filename: str, pointer: str, code: str, message: str, *, at_key: bool = False) -> Diagnostic:
    pos = locate(tree, pointer, at_key=at_key)
    return Diagnostic(code, message, file=pos.file if pos else filename, line=pos.line if pos else 0,
                      col=pos.col if pos else 0, pointer=pointer or "/")
