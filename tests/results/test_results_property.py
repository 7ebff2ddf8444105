"""Property tests: audits generated from a definition go through ``check`` consistently with
jsonschema, an independent validator (jsonschema-rs) agrees, and the result schema's
``if`` conditions agree with the evaluator about what is shown."""

from __future__ import annotations

import json

import jsonschema_rs
import pytest
from hypothesis import HealthCheck, given, settings
from tests.results.conftest import KITCHEN_SINK_DEFINITION, NOVEMBER, ROOT
from tests.results.results_strategies import audits

from auditforms.api import load_definition
from auditforms.renderers import RenderOptions, get_renderer
from auditforms.results.check import check_document
from auditforms.results.checker import Checker
from auditforms.results.fast_schema import compile_schema, json_equal
from auditforms.results.validation import FORMAT_TESTS, make_validator
from auditforms.results.visibility import Visibility
from auditforms.rules import Evaluator

SCHEMA_CODES = {"AF610", "AF611", "AF612", "AF613", "AF614", "AF615", "AF616"}
DEFINITION = KITCHEN_SINK_DEFINITION
SCHEMA = json.loads(get_renderer("schema").render(DEFINITION, RenderOptions()))
OURS = make_validator(SCHEMA)
COMPILED = compile_schema(SCHEMA, FORMAT_TESTS)
THEIRS = jsonschema_rs.Draft202012Validator(SCHEMA, validate_formats=True)
SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(audits(DEFINITION))
def test_check_reports_schema_problems_exactly_when_jsonschema_does(document):
    diagnostics = check_document(DEFINITION, document, context=NOVEMBER)
    schema_findings = {d.pointer for d in diagnostics if d.code in SCHEMA_CODES}
    errors = list(OURS.iter_errors(document))
    assert bool(schema_findings) == bool(errors)
    assert {"/" + "/".join(str(p) for p in e.absolute_path) for e in errors if e.validator not in
            {"required", "additionalProperties"}} <= schema_findings


@SETTINGS
@given(audits(DEFINITION))
def test_an_independent_validator_agrees(document):
    assert OURS.is_valid(document) == THEIRS.is_valid(document)


@SETTINGS
@given(audits(DEFINITION))
def test_schema_conditions_agree_with_the_evaluator(document):
    if not OURS.is_valid(document):
        return
    visibility = Visibility(DEFINITION)
    evaluator = Evaluator(DEFINITION)
    answers = document["answers"]
    for item_id in DEFINITION.index.order:
        condition = visibility.shown(item_id)
        if condition is None:
            continue
        wrapper = jsonschema_rs.Draft202012Validator(condition)
        assert wrapper.is_valid(answers) == evaluator.shown(answers, item_id), item_id


@pytest.mark.parametrize("item_id", ["uasc-age-assessment", "audited-previously-when",
                                     "legal-status-other", "pathway-plan", "care-leaving"])
def test_the_conditions_of_the_kitchen_sink_are_expressible(item_id):
    assert Visibility(DEFINITION).shown(item_id) not in (None, {})


@SETTINGS
@given(audits(DEFINITION))
def test_the_compiled_validity_check_agrees_with_jsonschema(document):
    assert COMPILED is not None
    assert COMPILED(document) == OURS.is_valid(document)


@pytest.mark.parametrize(("a", "b", "equal"), [
    (1, 1.0, True), (True, 1, False), (False, 0, False), (None, None, True), ("1", 1, False),
    ([1, "a"], [1.0, "a"], True), ({"a": [True]}, {"a": [1]}, False), ({"a": 1}, {"a": 1, "b": 2}, False),
])
def test_json_equality_follows_json_schema(a, b, equal):
    assert json_equal(a, b) is equal


@pytest.mark.parametrize(("schema", "value"), [
    ({"type": ["number", "null"]}, True), ({"type": ["number", "null"]}, 1.5), ({"type": ["number", "null"]}, None),
    ({"type": "integer"}, 1.0), ({"type": "integer"}, 1.5), ({"type": "integer"}, False),
    ({"type": ["boolean", "integer"]}, True), ({"type": "boolean"}, 0), ({"type": ["string", "array"]}, []),
    ({"enum": [1, "a", None]}, 1.0), ({"enum": [1, "a", None]}, True), ({"enum": ["a"]}, "a"),
    ({"minimum": 2}, True), ({"maximum": 2}, 3), ({"uniqueItems": True}, [1, 1.0]),
    ({"uniqueItems": True}, [1, True]), ({"contains": {"const": 1}}, [True]),
    ({"propertyNames": {"pattern": "^a"}}, {"ab": 1, "b": 2}),
    ({"patternProperties": {"^x-": {"type": "string"}}, "additionalProperties": False}, {"x-a": "s"}),
    ({"patternProperties": {"^x-": {"type": "string"}}, "additionalProperties": False}, {"x-a": 1, "b": 1}),
    ({"if": {"required": ["a"]}, "then": {"required": ["b"]}, "else": {"required": ["c"]}}, {"c": 1}),
    ({"if": {"required": ["a"]}, "then": {"required": ["b"]}}, {"a": 1}),
    ({"not": {"anyOf": [{"type": "string"}, {"maxLength": 1}]}}, 5),
])
def test_compiled_keywords_agree_with_jsonschema(schema, value):
    full = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
    compiled = compile_schema(full, FORMAT_TESTS)
    assert compiled is not None
    assert compiled(value) == make_validator(full).is_valid(value)


def test_a_schema_with_an_unknown_keyword_is_left_to_jsonschema():
    assert compile_schema({"dependentRequired": {"a": ["b"]}}, FORMAT_TESTS) is None
    assert compile_schema({"$ref": "https://example.invalid/s.json"}, FORMAT_TESTS) is None


SHIPPED = sorted((ROOT / "definitions").glob("*.yaml"))


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_shipped_definitions_hold_every_property(path):
    definition = load_definition(path)
    schema = json.loads(get_renderer("schema").render(definition, RenderOptions()))
    ours, compiled = make_validator(schema), compile_schema(schema, FORMAT_TESTS)
    theirs = jsonschema_rs.Draft202012Validator(schema, validate_formats=True)
    assert compiled is not None
    visibility, evaluator = Visibility(definition), Evaluator(definition)

    @settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(audits(definition))
    def check_one(document):
        valid = ours.is_valid(document)
        assert compiled(document) == valid == theirs.is_valid(document)
        diagnostics = check_document(definition, document, context=NOVEMBER)
        assert valid == (not any(d.code in SCHEMA_CODES for d in diagnostics))
        if valid:
            for item_id in definition.index.order:
                condition = visibility.shown(item_id)
                if condition is not None:
                    shown = jsonschema_rs.Draft202012Validator(condition).is_valid(document["answers"])
                    assert shown == evaluator.shown(document["answers"], item_id), item_id

    check_one()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(audits(DEFINITION))
def test_an_audit_read_from_a_json_or_yaml_file_gets_the_same_findings(document):
    import tempfile
    from pathlib import Path

    import yaml

    from auditforms.results.check import iter_check_files

    def key(d):
        return (d.code, d.severity, d.message, d.pointer)

    expected = sorted(key(d) for d in check_document(DEFINITION, document, context=NOVEMBER))
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "a.json").write_text(json.dumps(document, indent=1), encoding="utf-8")
        (Path(tmp) / "b.yaml").write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
        for result in iter_check_files(DEFINITION, [tmp], context=NOVEMBER):
            assert sorted(key(d) for d in result.diagnostics) == expected, result.file
            assert all(d.line > 0 for d in result.diagnostics if d.pointer is not None), result.file


EXPLAINER_CHECKER = Checker(DEFINITION)


@SETTINGS
@given(audits(DEFINITION))
def test_the_explainer_words_exactly_the_errors_of_the_full_schema(document):
    """Pruned to the parts jsonschema-rs found errors in, jsonschema gives every error the full
    schema gives, in the same order, with the same wording and places."""
    def described(validator):
        return [(e.message, list(e.absolute_path), list(e.relative_schema_path), e.validator)
                for e in validator.iter_errors(document)]

    explainer = EXPLAINER_CHECKER.explainer
    assert described(explainer.validator_for(document)) == described(explainer.validator)
