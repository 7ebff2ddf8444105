"""A compiled yes/no check for the result schemas auditforms generates (pure Python).

Most audits in a batch are valid, and jsonschema spends most of its time proving it. ``check``
asks jsonschema-rs first; where its wheel is missing, this compiles a schema, once, into nested
Python closures that only answer "valid or not" (about 8x faster than jsonschema). When the
answer is "not", ``check`` asks jsonschema for the errors, so every message still comes from
jsonschema's verdicts. Only the keywords our schemas use are compiled; a schema
with any other keyword is not compiled at all (``compile_schema`` returns ``None``) and
jsonschema does all the work. The property tests hold this to jsonschema and jsonschema-rs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from auditforms.schema_patterns import python_pattern

Check = Callable[[Any], bool]

_ANNOTATIONS = {"$schema", "$id", "$defs", "$comment", "title", "description", "default",
                "examples", "deprecated", "readOnly", "writeOnly", "x-tags"}
_TYPES: dict[str, Check] = {
    "string": lambda v: isinstance(v, str),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "integer": lambda v: (isinstance(v, int) and not isinstance(v, bool))
    or (isinstance(v, float) and v.is_integer()),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
}

_CLASSES: dict[str, type] = {"string": str, "boolean": bool, "null": type(None), "array": list,
                             "object": dict}


class Unsupported(Exception):
    """The schema uses a keyword this compiler does not know: leave it all to jsonschema."""


def json_equal(a: Any, b: Any) -> bool:
    """Equality as JSON Schema means it: ``true`` is not ``1``, ``1`` is ``1.0``."""
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(json_equal(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(json_equal(a[k], b[k]) for k in a)
    if isinstance(a, int | float) and isinstance(b, int | float):
        return a == b
    return type(a) is type(b) and a == b


def compile_schema(root: Mapping[str, Any], formats: Mapping[str, Check]) -> Check | None:
    try:
        return _Compiler(root, formats).compile(root)
    except Unsupported:
        return None


class _Compiler:
    def __init__(self, root: Mapping[str, Any], formats: Mapping[str, Check]) -> None:
        self.root = root
        self.formats = formats
        self.refs: dict[str, Check] = {}

    def compile(self, schema: Any) -> Check:
        if schema is True:
            return lambda v: True
        if schema is False:
            return lambda v: False
        if not isinstance(schema, Mapping):
            raise Unsupported(repr(schema))
        checks: list[Check] = []
        for keyword, value in schema.items():
            if keyword in _ANNOTATIONS or keyword in {"then", "else"}:
                continue
            builder = getattr(self, "k_" + keyword.replace("$", "dollar_"), None)
            if builder is None:
                raise Unsupported(keyword)
            checks.append(builder(value, schema))
        if not checks:
            return lambda v: True
        if len(checks) == 1:
            return checks[0]
        return lambda v: all(c(v) for c in checks)

    # -- any instance --------------------------------------------------------------

    def k_type(self, value: Any, schema: Any) -> Check:
        names = {value} if isinstance(value, str) else set(value)
        if "integer" in names and "number" not in names:
            tests = [_TYPES[n] for n in names]
            return lambda v: any(t(v) for t in tests)
        classes = tuple(_CLASSES[n] for n in names - {"integer"} if n != "number")
        if "number" in names or "integer" in names:
            numeric = (*classes, int, float)
            if "boolean" in names:
                return lambda v: isinstance(v, numeric)
            return lambda v: isinstance(v, numeric) and (v is not True and v is not False)
        return lambda v: isinstance(v, classes)  # bool is an int, but int is not among them

    def k_enum(self, value: Any, schema: Any) -> Check:
        options = list(value)
        hashable = [o for o in options if isinstance(o, str)]
        if len(hashable) == len(options):
            allowed = frozenset(hashable)
            return lambda v: isinstance(v, str) and v in allowed
        return lambda v: any(json_equal(v, o) for o in options)

    def k_const(self, value: Any, schema: Any) -> Check:
        return lambda v: json_equal(v, value)

    def k_allOf(self, value: Any, schema: Any) -> Check:
        parts = [self.compile(s) for s in value]
        return lambda v: all(p(v) for p in parts)

    def k_anyOf(self, value: Any, schema: Any) -> Check:
        parts = [self.compile(s) for s in value]
        return lambda v: any(p(v) for p in parts)

    def k_not(self, value: Any, schema: Any) -> Check:
        inner = self.compile(value)
        return lambda v: not inner(v)

    def k_if(self, value: Any, schema: Any) -> Check:
        condition = self.compile(value)
        then = self.compile(schema.get("then", True))
        otherwise = self.compile(schema.get("else", True))
        return lambda v: then(v) if condition(v) else otherwise(v)

    def k_dollar_ref(self, value: Any, schema: Any) -> Check:
        if not isinstance(value, str) or not value.startswith("#/$defs/"):
            raise Unsupported(value)
        name = value[len("#/$defs/"):]
        if value not in self.refs:
            self.refs[value] = lambda v: True  # placeholder for recursion
            compiled = self.compile(self.root.get("$defs", {})[name])
            self.refs[value] = compiled
        return lambda v: self.refs[value](v)

    # -- strings and numbers -----------------------------------------------------------

    def k_pattern(self, value: Any, schema: Any) -> Check:
        search = re.compile(python_pattern(value)).search
        return lambda v: not isinstance(v, str) or search(v) is not None

    def k_format(self, value: Any, schema: Any) -> Check:
        test = self.formats.get(value)
        return test if test is not None else (lambda v: True)

    def k_minLength(self, value: Any, schema: Any) -> Check:
        return lambda v: not isinstance(v, str) or len(v) >= value

    def k_maxLength(self, value: Any, schema: Any) -> Check:
        return lambda v: not isinstance(v, str) or len(v) <= value

    def k_minimum(self, value: Any, schema: Any) -> Check:
        return lambda v: not _TYPES["number"](v) or v >= value

    def k_maximum(self, value: Any, schema: Any) -> Check:
        return lambda v: not _TYPES["number"](v) or v <= value

    # -- arrays ------------------------------------------------------------------------

    def k_items(self, value: Any, schema: Any) -> Check:
        item = self.compile(value)
        return lambda v: not isinstance(v, list) or all(item(x) for x in v)

    def k_maxItems(self, value: Any, schema: Any) -> Check:
        return lambda v: not isinstance(v, list) or len(v) <= value

    def k_minItems(self, value: Any, schema: Any) -> Check:
        return lambda v: not isinstance(v, list) or len(v) >= value

    def k_uniqueItems(self, value: Any, schema: Any) -> Check:
        if not value:
            return lambda v: True
        return lambda v: not isinstance(v, list) or all(
            not json_equal(v[i], v[j]) for i in range(len(v)) for j in range(i + 1, len(v)))

    def k_contains(self, value: Any, schema: Any) -> Check:
        item = self.compile(value)
        return lambda v: not isinstance(v, list) or any(item(x) for x in v)

    # -- objects -----------------------------------------------------------------------

    def k_required(self, value: Any, schema: Any) -> Check:
        names = list(value)
        return lambda v: not isinstance(v, dict) or all(n in v for n in names)

    def k_properties(self, value: Any, schema: Any) -> Check:
        props = {name: self.compile(s) for name, s in value.items()}

        def check(v: Any) -> bool:
            if not isinstance(v, dict):
                return True
            for key, item in v.items():
                test = props.get(key)
                if test is not None and not test(item):
                    return False
            return True
        return check

    def k_patternProperties(self, value: Any, schema: Any) -> Check:
        pairs = [(re.compile(python_pattern(p)).search, self.compile(s)) for p, s in value.items()]
        return lambda v: not isinstance(v, dict) or all(
            test(item) for key, item in v.items() for search, test in pairs if search(key))

    def k_additionalProperties(self, value: Any, schema: Any) -> Check:
        known = frozenset(schema.get("properties", {}))
        patterns = [re.compile(python_pattern(p)).search for p in schema.get("patternProperties", {})]
        extra = self.compile(value)

        def check(v: Any) -> bool:
            if not isinstance(v, dict):
                return True
            return all(extra(item) for key, item in v.items()
                       if key not in known and not any(p(key) for p in patterns))
        return check

    def k_propertyNames(self, value: Any, schema: Any) -> Check:
        name = self.compile(value)
        return lambda v: not isinstance(v, dict) or all(name(k) for k in v)
