"""The rules' schemas folded by member: one look-up of ``q1`` for every rule that reads it.

Each rule's schema (see :mod:`auditforms.results.rule_schema`) names the places it reads
from the top: "``answers`` has ``q1``, whose ``evidence`` is answered". A group of thirty
rules over twelve questions names ``q1`` thirty times, and jsonschema-rs, validating Python
objects, looks each name up in the dict anew: the look-ups, not the tests, are most of a
proof's cost. Folding rewrites a schema into one that accepts exactly the same instances,
with what the rules ask of each member gathered under one ``properties``, level by level.

The algebra is small. A *member test* ``M(q, X, c)`` says: for an object holding ``q``,
``X`` holds for its value; for anything else (no ``q``, or not an object), the answer is
the constant ``c``. ``{"type": "object", "required": [q], "properties": {q: X}}`` is
``M(q, X, false)`` and ``{"properties": {q: X}}`` is ``M(q, X, true)``. Then

* ``not M(q, X, c)`` is ``M(q, not X, not c)``;
* ``anyOf``/``allOf`` of member tests of one ``q`` is the member test of the ``anyOf``/``allOf``
  of their ``X`` (and of their ``c``);
* an ``allOf`` of member tests of several members is one object schema: ``properties`` for
  all, ``required`` (and ``type: object``) for those whose ``c`` is false;
* an ``allOf`` of tests of every item or member (schemas of ``items`` and
  ``additionalProperties`` alone: a table's rows, each row rule) is one such test, of the
  ``allOf`` of theirs.

Besides that, constant branches go (``{"not": {}}`` in an ``anyOf``, ``{}`` in an
``allOf``; boolean schemas count as these) and nested ``allOf``/``anyOf`` are flattened.
Anything else is kept as it is. A property test holds folded schemas to the originals on
random instances.

Folding moves subschemas and drops tests that always hold, so it assumes two things of a
schema, both true of the rules' schemas: no ``unevaluatedProperties``/``unevaluatedItems``
(dropping a member's ``{}`` changes what counts as evaluated) and no ``$ref`` but into
``#/$defs`` (a pointer to a moved subschema would break). A schema that has either is
returned as it is.
"""

from __future__ import annotations

from typing import Any

Schema = dict[str, Any]

TRUE: Schema = {}
FALSE: Schema = {"not": {}}
_OBJECT_KEYS = frozenset({"type", "required", "properties"})
_EACH_KEYS = frozenset({"items", "additionalProperties"})
#: keywords whose value is one schema, or a dict of schemas, folded in place
_ONE_SCHEMA = ("items", "additionalProperties", "contains", "not")

#: (member, its value's schema, the answer when the member is absent or there is no object)
_Member = tuple[str, Schema, bool]


def folded(schema: Schema) -> Schema:
    """A schema accepting exactly the instances ``schema`` accepts, with fewer look-ups."""
    if not _foldable(schema):
        return schema
    result: Schema = _folded(schema)
    return result


def _foldable(schema: Any) -> bool:
    """Whether nothing in ``schema`` depends on where its subschemas are, or on tests that
    always hold (see the module's docstring)."""
    if isinstance(schema, list):
        return all(_foldable(s) for s in schema)
    if not isinstance(schema, dict):
        return True
    if "unevaluatedProperties" in schema or "unevaluatedItems" in schema:
        return False
    ref = schema.get("$ref")
    if ref is not None and not (isinstance(ref, str) and ref.startswith("#/$defs/")):
        return False
    return all(_foldable(v) for k, v in schema.items() if k not in ("enum", "const"))


def _folded(schema: Any) -> Any:
    if schema is True:
        return TRUE
    if schema is False:
        return FALSE
    if not isinstance(schema, dict):
        return schema  # not a schema: JSON Schema's own validation says so
    if set(schema) == {"not"}:
        return _negated(_folded(schema["not"]))
    if set(schema) == {"anyOf"}:
        return _any_of([_folded(s) for s in schema["anyOf"]])
    if set(schema) == {"allOf"}:
        return _all_of([_folded(s) for s in schema["allOf"]])
    members = _members(schema)
    if members is not None:
        return _object([(key, _folded(value), absent) for key, value, absent in members])
    return _children_folded(schema)


def conjoined(schemas: list[Schema]) -> Schema:
    """The ``allOf`` of schemas already :func:`folded`, folded, without folding each again
    (schemas :func:`folded` returned as they were are kept whole, side by side)."""
    if not all(_foldable(s) for s in schemas):
        return {"allOf": list(schemas)}
    return _all_of(list(schemas))


def _children_folded(schema: Schema) -> Schema:
    out = dict(schema)
    for key in _ONE_SCHEMA:
        if isinstance(out.get(key), dict | bool):
            out[key] = _folded(out[key])
    for key in ("anyOf", "allOf"):
        if isinstance(out.get(key), list):
            out[key] = [_folded(s) for s in out[key]]
    if isinstance(out.get("properties"), dict):
        out["properties"] = {k: _folded(v) for k, v in out["properties"].items()}
    return out


def _members(schema: Schema) -> list[_Member] | None:
    """The member tests whose conjunction ``schema`` is, or ``None`` when it is something else.

    With ``type: object`` every required member is ``M(q, X, false)``; without it nothing
    may be required (``required`` alone holds for a non-object but not for an object
    without the member: no constant says that)."""
    if not isinstance(schema, dict) or not schema or not set(schema) <= _OBJECT_KEYS:
        return None
    properties, required = schema.get("properties", {}), schema.get("required", [])
    if not isinstance(properties, dict) or not isinstance(required, list):
        return None
    if not all(isinstance(key, str) for key in required) or len(set(required)) != len(required):
        return None
    if "type" in schema:
        if schema["type"] != "object" or not required:
            return None
    elif required:
        return None
    members = [(key, properties.get(key, TRUE), False) for key in required]
    members += [(key, value, True) for key, value in properties.items() if key not in required]
    return members


def _negated(inner: Schema) -> Schema:
    if inner == TRUE:
        return FALSE
    if inner == FALSE:
        return TRUE
    members = _members(inner)
    if members is not None and len(members) == 1:
        key, value, absent = members[0]
        return _object([(key, _negated(value), not absent)])
    return {"not": inner}


def _any_of(branches: list[Schema]) -> Schema:
    flat = _operands(branches, "anyOf", unit=FALSE, zero=TRUE)
    if flat is None:
        return TRUE
    if not flat:
        return FALSE
    if len(flat) == 1:
        return flat[0]
    members = [_members(b) for b in flat]
    keys = {m[0][0] for m in members if m is not None and len(m) == 1}
    if len(keys) == 1 and all(m is not None and len(m) == 1 for m in members):
        values = [m[0] for m in members if m is not None]
        return _object([(values[0][0], _any_of([v for _, v, _ in values]), any(a for _, _, a in values))])
    return {"anyOf": flat}


def _all_of(branches: list[Schema]) -> Schema:
    flat = _operands(branches, "allOf", unit=TRUE, zero=FALSE)
    if flat is None:
        return FALSE
    gathered: dict[str, list[tuple[Schema, bool]]] = {}
    each: dict[str, list[Schema]] = {}
    others: list[Schema] = []
    for branch in flat:
        if isinstance(branch, dict) and branch and set(branch) <= _EACH_KEYS:
            for keyword, value in branch.items():
                each.setdefault(keyword, []).append(value)
            continue
        members = _members(branch)
        if members is None:
            others.append(branch)
            continue
        for key, value, absent in members:
            gathered.setdefault(key, []).append((value, absent))
    merged = [(key, _all_of([v for v, _ in tests]) if len(tests) > 1 else tests[0][0], all(a for _, a in tests))
              for key, tests in gathered.items()]
    parts = ([_object(merged)] if merged else []) + others
    if each:
        parts.append({keyword: _all_of(values) if len(values) > 1 else values[0] for keyword, values in each.items()})
    if not parts:
        return TRUE
    return parts[0] if len(parts) == 1 else {"allOf": parts}


def _operands(branches: list[Schema], keyword: str, unit: Schema, zero: Schema) -> list[Schema] | None:
    """The branches of an ``anyOf``/``allOf`` (``keyword``), nested ones of the same keyword
    flattened and its ``unit`` dropped; ``None`` when one is its ``zero``, which decides it."""
    flat: list[Schema] = []
    for branch in branches:
        if isinstance(branch, dict) and set(branch) == {keyword}:
            flat += branch[keyword]
        else:
            flat.append(branch)
    return None if zero in flat else [b for b in flat if b != unit]


def _object(members: list[_Member]) -> Schema:
    """The conjunction of member tests (of distinct members) as one object schema."""
    required = [key for key, _, absent in members if not absent]
    schema: Schema = {"type": "object", "required": required} if required else {}
    properties = {key: value for key, value, _ in members if value != TRUE}  # M(q, {}, c) needs no look-up
    if properties:
        schema["properties"] = properties
    return schema
