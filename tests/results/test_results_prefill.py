"""Case data for ``render --data``: only central fields, well-typed, every problem located."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditforms.results.prefill import central_ids, load_prefill


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_central_fields_are_those_of_central_sections_unless_overridden(kitchen_sink):
    ids = central_ids(kitchen_sink)
    assert "child-id" in ids and "family" in ids and "legal-status-other" in ids
    assert "audit-date" not in ids and "auditor-name" not in ids and "q1" not in ids


def test_valid_case_data_in_yaml(kitchen_sink, tmp_path):
    path = _write(tmp_path, "case.yaml",
                  "child-id: C0412\nteam: Fictional Team North\nage-band: 11-15\nchild-age: 13\n"
                  "strand: [care-leavers]\nfamily:\n  - {initials: AB, relationship: Mother, age: 38}\n")
    data, problems = load_prefill(kitchen_sink, path)
    assert problems == []
    assert data == {"child-id": "C0412", "team": "Fictional Team North", "age-band": "11-15", "child-age": 13,
                    "strand": ["care-leavers"], "family": [{"initials": "AB", "relationship": "Mother", "age": 38}]}
    assert type(data["family"]) is list and type(data["family"][0]) is dict


def test_valid_case_data_in_json(kitchen_sink, tmp_path):
    path = _write(tmp_path, "case.json", '{"child-id": "C0412", "uasc": "no"}')
    assert load_prefill(kitchen_sink, path) == ({"child-id": "C0412", "uasc": "no"}, [])


@pytest.mark.parametrize(("text", "expected"), [
    ("chld-id: C1\n",
     "case.yaml:1:1: error[AF651] 'chld-id' is not a field of kitchen-sink; did you mean 'child-id'? (/chld-id)"),
    ("audit-date: 2026-11-01\n",
     "case.yaml:1:1: error[AF652] Audit date ('audit-date') is completed by the auditor, not centrally; "
     "case data may give only fields completed centrally (/audit-date)"),
    ("q1: {judgement: meets-good}\n",
     "case.yaml:1:1: error[AF652] Q1 Risk ('q1') is completed in the audit itself, not centrally; "
     "case data may give only fields completed centrally (/q1)"),
    ("child-age: thirteen\n", "case.yaml:1:12: error[AF653] Age must be a number (/child-age)"),
    ("legal-status: adopted\n",
     "case.yaml:1:15: error[AF653] Legal status is not one of the options (s20, care-order, other) (/legal-status)"),
    ("family:\n  - {initials: AB, age: old}\n",
     "case.yaml:2:25: error[AF653] Family members – initials and relationships, ages of children, row 1: "
     "age must be a number (/family/0/age)"),
    ("- child-id\n", "case.yaml:1:1: error[AF650] case data must be a mapping of field ids to values "
     "(child-id: C0412, …)"),
])
def test_bad_case_data_is_refused_with_a_located_message(kitchen_sink, tmp_path, text, expected):
    path = _write(tmp_path, "case.yaml", text)
    data, problems = load_prefill(kitchen_sink, path)
    assert data is None
    name, rest = expected.split(":", 1)
    assert [p.format() for p in problems] == [f"{tmp_path / name}:{rest}"]


def test_unreadable_and_malformed_case_data(kitchen_sink, tmp_path):
    data, problems = load_prefill(kitchen_sink, tmp_path / "missing.yaml")
    assert data is None and problems[0].code == "AF101"
    data, problems = load_prefill(kitchen_sink, _write(tmp_path, "bad.json", '{"child-id": '))
    assert data is None and problems[0].code == "AF105"


def test_render_data_option_uses_it(run_cli, tmp_path):
    from tests.results.test_results_cli import KITCHEN_SINK

    case = _write(tmp_path, "case.yaml", "audit-date: 2026-11-01\n")
    result = run_cli("render", KITCHEN_SINK, "--format", "schema", "-o", tmp_path / "out.json", "--data", case)
    assert result.exit_code == 1
    assert "AF652" in result.stderr
    assert not (tmp_path / "out.json").exists()


def test_a_follow_up_whose_option_is_not_chosen_is_a_warning(kitchen_sink, tmp_path):
    path = _write(tmp_path, "case.yaml", "legal-status: s20\nlegal-status-other: Kinship\n")
    data, problems = load_prefill(kitchen_sink, path)
    assert data == {"legal-status": "s20", "legal-status-other": "Kinship"}
    assert [p.format() for p in problems] == [
        f"{path}:2:1: warning[AF654] Please describe ('legal-status-other') is given but not shown on this "
        "child's form (its condition or option does not hold), so it will not appear (/legal-status-other)"]
