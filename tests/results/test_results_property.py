"""Property tests: audits generated from a definition go through ``check`` consistently with
jsonschema, an independent validator (jsonschema-rs) agrees, and the result schema's
``if`` conditions agree with the evaluator about what is shown."""

from __future__ import annotations

import json

import jsonschema_rs
import pytest
from hypothesis import HealthCheck, given, settings

from auditforms.renderers import RenderOptions, get_renderer
from auditforms.results.check import check_document
from auditforms.results.checker import make_validator
from auditforms.results.visibility import Visibility
from auditforms.rules import Evaluator
from tests.results.conftest import KITCHEN_SINK_DEFINITION, NOVEMBER
from tests.results.results_strategies import audits

SCHEMA_CODES = {"AF610", "AF611", "AF612", "AF613", "AF614", "AF615", "AF616"}
DEFINITION = KITCHEN_SINK_DEFINITION
SCHEMA = json.loads(get_renderer("schema").render(DEFINITION, RenderOptions()))
OURS = make_validator(SCHEMA)
THEIRS = jsonschema_rs.Draft202012Validator(SCHEMA, validate_formats=True)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


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
