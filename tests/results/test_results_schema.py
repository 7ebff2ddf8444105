"""The result schema renderer: valid Draft 2020-12, stable (snapshots), and agreed on by an
independent validator for valid and invalid examples."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import jsonschema_rs
import pytest
from results_paths import set_at
from tests.results.conftest import AUDITS, ROOT
from tests.results.test_results_envelope import SCHEMA_DEFECTS

from auditforms.api import load_definition
from auditforms.renderers import RenderOptions, get_renderer
from auditforms.results.envelope import envelope_schema
from auditforms.results.validation import make_validator

SHIPPED = sorted((ROOT / "definitions").glob("*.yaml"))


def _render(definition) -> bytes:
    return get_renderer("schema").render(definition, RenderOptions())


def test_envelope_schema_is_valid_draft_2020_12():
    jsonschema.Draft202012Validator.check_schema(envelope_schema())


def test_kitchen_sink_schema_is_valid_draft_2020_12(kitchen_sink):
    jsonschema.Draft202012Validator.check_schema(json.loads(_render(kitchen_sink)))


def test_kitchen_sink_schema_snapshot(kitchen_sink, snapshot):
    assert _render(kitchen_sink).decode("utf-8") == snapshot


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_shipped_definition_schema_is_valid_and_stable(path: Path, snapshot):
    definition = load_definition(path)
    rendered = _render(definition)
    jsonschema.Draft202012Validator.check_schema(json.loads(rendered))
    assert rendered.decode("utf-8") == snapshot


def test_render_is_deterministic(kitchen_sink):
    assert _render(kitchen_sink) == _render(kitchen_sink)


def test_schema_speaks_the_definitions_words(kitchen_sink):
    schema = json.loads(_render(kitchen_sink))
    answers = schema["properties"]["answers"]
    assert answers["properties"]["q1"]["title"] == "Q1 Risk"
    judgement = answers["properties"]["q1"]["properties"]["judgement"]
    assert judgement["enum"] == ["exceeds-good", "meets-good", "does-not-meet-good", "not-applicable", None]
    assert "exceeds-good: Exceeds good = 3" in judgement["description"]
    assert answers["properties"]["audit-date"]["format"] == "date"
    assert answers["properties"]["actions"]["maxItems"] == 8
    assert answers["properties"]["child-age"]["maximum"] == 25
    assert schema["properties"]["definition"]["properties"]["id"]["const"] == "kitchen-sink"


def test_error_rule_capping_rows_tightens_max_items(kitchen_sink):
    from auditforms.model.definition import Rule

    rule = Rule.model_validate({"id": "few", "message": "few", "assert": {"field": "actions", "rows_at_most": 5}})
    stricter = kitchen_sink.model_copy(update={"rules": (*kitchen_sink.rules, rule)})
    schema = json.loads(_render(stricter))
    assert schema["properties"]["answers"]["properties"]["actions"]["maxItems"] == 5


def _examples(kitchen_sink) -> list[tuple[str, object, bool]]:
    """Valid fixtures, and each schema defect applied to a valid audit (invalid)."""
    valid = json.loads((AUDITS / "kitchen-sink" / "child-0412.json").read_text(encoding="utf-8"))
    out: list[tuple[str, object, bool]] = [("child-0412", valid, True)]
    for path, value, expected in SCHEMA_DEFECTS:
        document = copy.deepcopy(valid)
        set_at(document, path, value)
        out.append((path, document, not any("AF61" in e for e in expected)))
    return out


def test_independent_validator_agrees_on_examples(kitchen_sink):
    schema = json.loads(_render(kitchen_sink))
    ours = make_validator(schema)
    theirs = jsonschema_rs.Draft202012Validator(schema, validate_formats=True)
    examples = _examples(kitchen_sink)
    assert sum(1 for *_, ok in examples if not ok) >= 15
    for name, document, expected in examples:
        assert ours.is_valid(document) is expected, name
        assert theirs.is_valid(document) is expected, name
