"""Folding the rules' schemas by member changes how fast they are checked, never what they accept."""

from __future__ import annotations

import json
from typing import Any

import jsonschema_rs
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from auditforms.results.schema_folding import FALSE, TRUE, conjoined, folded

KEYS = st.sampled_from(["a", "b", "c"])

ATOMS = st.sampled_from([
    TRUE, FALSE, True, False, {"required": []}, {"type": "object", "required": []}, {"type": ["object"]},
    {"type": "string"}, {"type": "object"}, {"type": "array"}, {"const": 1}, {"enum": ["x", 2]},
    {"minLength": 2}, {"required": ["a"]}, {"type": "string", "pattern": "x"}, {"minProperties": 2},
])


def _compound(inner: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    members = st.dictionaries(KEYS, inner, max_size=3)
    return st.one_of(
        st.builds(lambda k, s: {"type": "object", "required": [k], "properties": {k: s}}, KEYS, inner),
        st.builds(lambda p: {"properties": p}, members),
        st.builds(lambda p, r: {"type": "object", "required": sorted(set(r)), "properties": p}, members,
                  st.lists(KEYS, min_size=1, max_size=2)),
        st.builds(lambda s: {"not": s}, inner),
        st.builds(lambda xs: {"anyOf": xs}, st.lists(inner, min_size=1, max_size=4)),
        st.builds(lambda xs: {"allOf": xs}, st.lists(inner, min_size=1, max_size=4)),
        st.builds(lambda s: {"items": s}, inner),
        st.builds(lambda s, t: {"items": s, "additionalProperties": t}, inner, inner),
    )


SCHEMAS = st.recursive(ATOMS, _compound, max_leaves=12)
INSTANCES = st.recursive(
    st.none() | st.booleans() | st.integers(0, 2) | st.sampled_from(["", "x", "xy", "a"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(KEYS, inner, max_size=3),
    max_leaves=10,
)


def _accepts(schema: Any, instance: Any) -> bool:
    return bool(jsonschema_rs.Draft202012Validator(schema).is_valid(instance))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(schema=SCHEMAS, instances=st.lists(INSTANCES, min_size=1, max_size=8))
@example(schema={"not": {"type": "object", "required": ["a"], "properties": {"a": {"type": "string"}}}},
         instances=[{"a": 1}, {}, "a", {"a": "x"}])
@example(schema={"anyOf": [{"properties": {"a": FALSE}}, {"type": "object", "required": ["a"]}]},
         instances=[{"a": 1}, {}, 3])
def test_a_folded_schema_accepts_what_the_original_accepts(schema: Any, instances: list[Any]) -> None:
    fold = folded(schema)
    json.dumps(fold)  # still plain JSON
    for instance in instances:
        assert _accepts(fold, instance) is _accepts(schema, instance), (schema, fold, instance)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(schemas=st.lists(SCHEMAS, min_size=1, max_size=4), instances=st.lists(INSTANCES, min_size=1, max_size=6))
def test_folded_schemas_conjoined_accept_what_all_of_them_accept(schemas: list[Any], instances: list[Any]) -> None:
    """How a group of rules is made: each rule folded once, then the folded schemas conjoined."""
    together = conjoined([folded(s) for s in schemas])
    for instance in instances:
        assert _accepts(together, instance) is _accepts({"allOf": schemas}, instance)


def test_rules_reading_one_member_look_it_up_once() -> None:
    judged = {"type": "object", "required": ["q1"], "properties": {
        "q1": {"type": "object", "required": ["judgement"], "properties": {"judgement": {"const": "good"}}}}}
    evidence = {"type": "object", "required": ["q1"], "properties": {
        "q1": {"type": "object", "required": ["evidence"], "properties": {"evidence": {"minLength": 1}}}}}
    rule = {"anyOf": [FALSE, {"not": judged}, evidence]}
    other = {"anyOf": [FALSE, {"type": "object", "required": ["q2"], "properties": {"q2": {"type": "string"}}}]}
    assert folded({"allOf": [rule, other]}) == {"type": "object", "required": ["q2"], "properties": {
        "q1": {"anyOf": [{"properties": {"judgement": {"not": {"const": "good"}}}},
                         {"type": "object", "required": ["evidence"], "properties": {"evidence": {"minLength": 1}}}]},
        "q2": {"type": "string"}}}


def test_row_rules_become_one_test_of_each_row() -> None:
    first, second = {"required": ["action"]}, {"required": ["person"]}
    assert folded({"allOf": [{"items": first, "additionalProperties": first}, {"items": second}]}) == {
        "items": {"allOf": [first, second]}, "additionalProperties": first}


def test_schemas_whose_meaning_depends_on_where_their_parts_are_are_kept_whole() -> None:
    """``unevaluatedProperties`` counts the members a ``{}`` test evaluates, and a ``$ref`` may point
    at a subschema that folding would move: such schemas are not folded."""
    unevaluated = {"allOf": [{"properties": {"a": {}}}], "unevaluatedProperties": False}
    assert folded(unevaluated) is unevaluated and _accepts(unevaluated, {"a": 1})
    pointing = {"allOf": [{"properties": {"a": {"type": "string"}}}, {"$ref": "#/allOf/0"}]}
    assert folded(pointing) is pointing
    into_defs = {"allOf": [{"properties": {"a": {"$ref": "#/$defs/s"}}}, {"properties": {"b": {"type": "string"}}}]}
    assert folded(into_defs) == {"properties": {"a": {"$ref": "#/$defs/s"}, "b": {"type": "string"}}}
    assert conjoined([unevaluated, TRUE]) == {"allOf": [unevaluated, TRUE]}
