"""The JSON report: a snapshot of the fixture's, valid against schemas/report.schema.json,
which is the schema generated from the figures' dataclasses."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema

from auditforms.collation.json_report import render_json, schema_text

SCHEMA = Path(__file__).resolve().parents[2] / "schemas" / "report.schema.json"


def test_json_report_snapshot(figures: Any, snapshot: Any) -> None:
    assert render_json(figures).decode("utf-8") == snapshot


def test_json_report_is_valid_against_its_schema(figures: Any, tool: Any) -> None:
    from collation_support import collate

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    for shown in (figures, collate(tool, public=True), collate(tool, since=None)):
        jsonschema.validate(json.loads(render_json(shown)), schema, cls=jsonschema.Draft202012Validator)


def test_shipped_schema_is_the_generated_one() -> None:
    assert SCHEMA.read_text(encoding="utf-8") == schema_text(), (
        "schemas/report.schema.json is stale: python -m auditforms.collation.json_report --write")
