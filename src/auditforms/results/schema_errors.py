"""jsonschema errors as auditor-language diagnostics that never quote an answer.

jsonschema's own messages include the offending value (which may be a child's name or a
paragraph of case notes), so every message here is written from the failing keyword and
the definition's wording alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from jsonschema.exceptions import ValidationError

from auditforms.diagnostics import Diagnostic
from auditforms.results.naming import Namer, safe_key, split_pointer

_CODES = {
    "required": "AF610",
    "additionalProperties": "AF611",
    "propertyNames": "AF611",
    "type": "AF612",
    "enum": "AF613",
    "const": "AF613",
    "pattern": "AF614",
    "format": "AF614",
    "minLength": "AF614",
    "maxLength": "AF614",
    "minimum": "AF615",
    "maximum": "AF615",
    "maxItems": "AF615",
    "minItems": "AF615",
    "uniqueItems": "AF615",
}
_TYPE_WORDS = {
    "string": "text",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a set of named answers",
}
_REQUIRED = re.compile(r"^'(.*)' is a required property$")


def pointer_of(path: Any) -> str:
    return "".join("/" + str(t).replace("~", "~0").replace("/", "~1") for t in path)


def diagnostics_from(error: ValidationError, namer: Namer, file: str) -> Iterator[Diagnostic]:
    in_names = "propertyNames" in error.relative_schema_path
    keyword = "propertyNames" if in_names else str(error.validator)
    base = pointer_of(error.absolute_path)
    code = _CODES.get(keyword, "AF616")
    if keyword == "required":
        yield from _required(error, namer, base, code, file)
    elif keyword == "additionalProperties" and isinstance(error.instance, dict):
        for key in _extra_keys(error):
            # A key that is not an id may itself be personal data: point at its parent.
            pointer = f"{base}/{key}" if safe_key(key).startswith("'") else base
            yield Diagnostic(code, _unknown_key(base, key, namer), file=file, pointer=pointer)
    elif keyword == "propertyNames":
        where = _place(base, namer, {})
        message = f"{where} names {safe_key(error.instance)}, which is not part of this tool"
        yield Diagnostic(code, message, file=file, pointer=base)
    elif not (keyword == "format" and _pattern_fails(error)):
        message = f"{_place(base, namer, error.schema)} {_problem(keyword, error)}"
        yield Diagnostic(code, message, file=file, pointer=base)


def _required(
    error: ValidationError, namer: Namer, base: str, code: str, file: str
) -> Iterator[Diagnostic]:
    match = _REQUIRED.match(error.message)
    required: Any = error.validator_value
    instance: Any = error.instance
    names = [match.group(1)] if match else [r for r in required if r not in instance]
    for name in names:
        pointer = f"{base}/{name}"
        if base == "/answers":
            message = namer.required(name)
        else:
            message = f"{_place(pointer, namer, error.schema, name)} is required"
        yield Diagnostic(code, message, file=file, pointer=pointer)


def _pattern_fails(error: ValidationError) -> bool:
    """A value of the wrong shape fails ``pattern`` too; one message ("write it so") is enough."""
    pattern = _schema(error).get("pattern")
    return isinstance(pattern, str) and isinstance(error.instance, str) and not re.search(pattern, error.instance)


def _schema(error: ValidationError) -> dict[str, Any]:
    return error.schema if isinstance(error.schema, dict) else {}


def _extra_keys(error: ValidationError) -> list[str]:
    schema = _schema(error)
    known = set(schema.get("properties", {}))
    patterns = [re.compile(p) for p in schema.get("patternProperties", {})]
    instance: Any = error.instance
    return [k for k in instance if k not in known and not any(p.search(k) for p in patterns)]


def _unknown_key(base: str, key: str, namer: Namer) -> str:
    if base == "/answers":
        version = namer.definition.version
        what = "is not a field, question or table"
        return f"answers: {safe_key(key)} {what} of version {version} of this tool"
    if base == "":
        return f"{safe_key(key)} is not part of the completed-audit format"
    return f"{_place(base, namer, {})}: {safe_key(key)} is not expected here"


def _place(pointer: str, namer: Namer, schema: Any, child: str | None = None) -> str:
    """How the message starts: "Q4 Assessments: impact", "Audit date", "Moderation record: date"."""
    tokens = split_pointer(pointer)
    if len(tokens) >= 2 and tokens[0] == "answers":
        where, what = namer.answer_place(tokens[1:])
        return f"{where}: {what}" if what else where
    if child is not None:
        parent = _place(pointer.rsplit("/", 1)[0], namer, {}) if len(tokens) > 1 else ""
        title = (
            _title(schema.get("properties", {}).get(child)) if isinstance(schema, dict) else None
        )
        name = title or child
        return f"{parent}: {name}" if parent else name
    if len(tokens) >= 2 and tokens[0] == "moderation" and tokens[1] in {"judgements", "comments"}:
        what = "moderated judgement" if tokens[1] == "judgements" else "moderator's comment"
        return f"{what} for {namer.item(tokens[2])}" if len(tokens) > 2 else f"{what}s"
    return _title(schema) or _envelope_name(tokens)


def _title(schema: Any) -> str | None:
    return schema.get("title") if isinstance(schema, dict) else None


def _envelope_name(tokens: list[str]) -> str:
    return " ".join(t.replace("_", " ") for t in tokens) or "the document"


def _problem(keyword: str, error: ValidationError) -> str:
    value: Any = error.validator_value
    if keyword == "type":
        kinds = [value] if isinstance(value, str) else [v for v in value if v != "null"]
        return "must be " + " or ".join(_TYPE_WORDS.get(k, k) for k in kinds)
    if keyword == "enum":
        options = [v for v in value if v is not None]
        listed = ", ".join(str(v) for v in options[:12]) + (", …" if len(options) > 12 else "")
        return f"is not one of the options ({listed})"
    if keyword == "const":
        return f"must be {value}" if not isinstance(value, str) else f"must be '{value}'"
    if keyword in {"pattern", "format"}:
        fmt = error.schema.get("format") if isinstance(error.schema, dict) else None
        if fmt == "date":
            return (
                "is not a real date written YYYY-MM-DD"
                if keyword == "format"
                else "must be a date written YYYY-MM-DD"
            )
        if fmt == "date-time":
            return "must be a date and time such as 2026-11-12T10:31:00Z"
        examples = error.schema.get("examples") if isinstance(error.schema, dict) else None
        return f"does not have the required form (for example {examples[0]})" if examples else \
            "does not have the required form"
    return _range_problem(keyword, value)


def _range_problem(keyword: str, value: Any) -> str:
    words = {
        "minLength": "must not be blank"
        if value == 1
        else f"must be at least {value} characters long",
        "maxLength": f"must be no longer than {value} characters",
        "minimum": f"must be at least {value:g}"
        if isinstance(value, int | float)
        else "is too small",
        "maximum": f"must be at most {value:g}"
        if isinstance(value, int | float)
        else "is too large",
        "maxItems": f"has more than {value} rows or items; no more than {value} may be given",
        "minItems": f"needs at least {value} rows or items",
        "uniqueItems": "gives the same option more than once",
    }
    return words.get(keyword, "is not allowed here")
