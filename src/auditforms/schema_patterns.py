"""JSON Schema ``pattern`` as JSON Schema means it, for Python's ``re``.

JSON Schema patterns are ECMA-262 regular expressions, where ``$`` matches only at the very
end of the text. In Python's ``re`` it also matches before a final newline, so
``^[a-z0-9-]+$`` accepts ``"torbay\\n"``: jsonschema (which uses ``re.search``) passed ids
with a trailing newline that jsonschema-rs refused. The Python validators are therefore
built from a copy of each schema whose ``$`` anchors are written ``\\Z``.
"""

from __future__ import annotations

from typing import Any


def python_pattern(pattern: str) -> str:
    """``pattern`` with each end anchor ``$`` (outside a character class) made ``\\Z``."""
    out: list[str] = []
    index, in_class = 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            out.append(pattern[index:index + 2])
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "$":
            char = r"\Z"
        out.append(char)
        index += 1
    return "".join(out)


def python_dialect(schema: Any) -> Any:
    """A copy of ``schema`` whose ``pattern`` values and ``patternProperties`` keys use
    :func:`python_pattern`; the rest is shared, not copied."""
    if isinstance(schema, list):
        return [python_dialect(s) for s in schema]
    if not isinstance(schema, dict):
        return schema
    out: dict[str, Any] = {}
    for key, value in schema.items():
        if key == "pattern" and isinstance(value, str):
            out[key] = python_pattern(value)
        elif key == "patternProperties" and isinstance(value, dict):
            out[key] = {python_pattern(k): python_dialect(v) for k, v in value.items()}
        elif key in ("enum", "const", "examples", "default"):
            out[key] = value
        else:
            out[key] = python_dialect(value)
    return out
