"""The CSV data dictionary: one row per answer value, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from auditforms.api import load_definition
from auditforms.model.definition import FieldItem
from auditforms.renderers import RenderOptions, get_renderer


def _rows(definition) -> list[dict[str, str]]:
    data = get_renderer("dictionary").render(definition, RenderOptions())
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_dictionary_snapshot(kitchen_sink, snapshot):
    assert get_renderer("dictionary").render(kitchen_sink, RenderOptions()).decode("utf-8-sig") == snapshot


def test_one_row_per_answer_value(kitchen_sink):
    by_path = {r["path"]: r for r in _rows(kitchen_sink)}
    assert by_path["q1.judgement"]["options"] == (
        "exceeds-good = Exceeds good (3); meets-good = Meets good (2); "
        "does-not-meet-good = Does not meet good (1); not-applicable = Not applicable")
    assert by_path["q1.judgement"]["number"] == "1"
    assert by_path["q1.judgement"]["section"] == "1 Quality of practice"
    assert "impact-when-judged (error)" in by_path["q1.impact"]["rules"]
    assert by_path["actions[].completion-date"]["required"] == "yes"
    assert "completion-after-audit" in by_path["actions[].completion-date"]["rules"]
    assert by_path["ecm.staying-safe.grade"]["type"] == "scale"
    assert by_path["uasc-age-assessment.judgement"]["condition"] == (
        "“Is the child an unaccompanied asylum-seeker?” is “Yes”")
    assert by_path["legal-status-other"]["condition"] == "“Legal status” is “Other”"
    assert by_path["child-id"]["completed_by"] == "central"
    assert by_path["audit-date"]["completed_by"] == "auditor"


def test_every_field_has_a_row(kitchen_sink):
    paths = {r["path"] for r in _rows(kitchen_sink)}
    assert {f.id for f in kitchen_sink.index.fields() if isinstance(f, FieldItem)} <= paths


def test_cells_that_look_like_formulas_are_neutralised(kitchen_sink):
    data = kitchen_sink.model_dump(by_alias=True, exclude_none=True)
    data["sections"][0]["items"][1]["label"] = '=HYPERLINK("http://example.invalid")'
    changed = type(kitchen_sink).model_validate(data)
    (row,) = [r for r in _rows(changed) if r["path"] == "team"]
    assert row["label"] == "'=HYPERLINK(\"http://example.invalid\")"


SHIPPED = sorted((Path(__file__).resolve().parents[2] / "definitions").glob("*.yaml"))


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_every_shipped_definition_has_a_complete_dictionary(path):
    definition = load_definition(path)
    rows = _rows(definition)
    paths = [r["path"] for r in rows]
    assert len(paths) == len(set(paths))
    assert {f.id for f in definition.index.fields()} <= set(paths)
    for question in definition.index.questions():
        if question.judgement:
            assert f"{question.id}.judgement" in paths
