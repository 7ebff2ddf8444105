"""A fictional tool with three versions in a folder of the user's own: kept versions found beside
the definition, mappings chained (1.0.0 -> 2.0.0 -> 3.0.0), the monthly report's and the action
tracker's reading through the mapping, and a lineage's mistakes reported where they are."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

TOOL = """\
id: demo
title: Demo audit tool
version: {version}
lineage:
  label: "{label}"
{mapping}
scales:
  - id: {scale}
    best: highest
    options:
{grades}
sections:
  - id: header
    title: Details
    items:
      - {{id: child-id, type: text, label: Child ID, role: child_id, required: true}}
      - {{id: audit-date, type: date, label: Audit date, role: audit_date, required: true}}
      - {{id: team, type: text, label: Team, role: team}}
  - id: quality
    title: Quality
    items:
{questions}
      - id: {plan}
        type: table
        title: Actions
        role: action_plan
        columns:
          - {{id: action, label: Action, type: textarea, required: true, role: action}}
          - {{id: person, label: Person, role: action_owner}}
          - {{id: due, label: Due, type: date, role: action_due}}
"""
FOUR = "      - {id: good, label: Good, value: 2}\n      - {id: poor, label: Poor, value: 1}"
THREE = ("      - {id: strong, label: Strong, value: 3}\n      - {id: adequate, label: Adequate, value: 2}\n"
         "      - {id: weak, label: Weak, value: 1}")


def question(id_: str) -> str:
    return (f"      - id: {id_}\n        type: question\n        title: {id_}\n"
            f"        judgement: {{scale: grade}}\n        narratives: [{{id: evidence, label: Evidence}}]")


def tool(version: str, *, mapping: str = "", scale: str = "grade", grades: str = FOUR,
         questions: tuple[str, ...] = ("q1", "q2"), plan: str = "actions") -> str:
    return TOOL.format(version=version, label=f"Version {version[0]}", mapping=mapping, scale=scale,
                       grades=grades, questions="\n".join(question(q) for q in questions), plan=plan)


FROM_1 = """\
  from_versions:
    - versions: [1.0.0]
      answers:
        - {rename: plan, to: actions}
        - {rename: q-old, to: q2}
"""
FROM_2 = """\
  from_versions:
    - versions: [2.0.0]
      answers:
        - {grades: grade, map: {good: strong, poor: weak}}
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    kept = tmp_path / "history" / "demo"
    kept.mkdir(parents=True)
    (kept / "1.0.0.yaml").write_text(tool("1.0.0", questions=("q1", "q-old"), plan="plan"), encoding="utf-8")
    (kept / "2.0.0.yaml").write_text(tool("2.0.0", mapping=FROM_1), encoding="utf-8")
    (tmp_path / "demo.yaml").write_text(tool("3.0.0", mapping=FROM_2, grades=THREE), encoding="utf-8")
    return tmp_path


def audit(version: str = "1.0.0") -> dict[str, Any]:
    second = "q-old" if version == "1.0.0" else "q2"
    return {
        "format": "auditforms/completed-audit", "format_version": 1,
        "definition": {"id": "demo", "version": version}, "audit_id": "2025-01-0001", "status": "final",
        "answers": {"child-id": "C1", "audit-date": "2025-01-10", "team": "Fictional Team",
                    "q1": {"judgement": "good", "evidence": "Fictional evidence."},
                    second: {"judgement": "poor", "evidence": "More fictional evidence."},
                    "plan" if version == "1.0.0" else "actions": [
                        {"action": "A fictional action.", "person": "A. Worker", "due": "2025-02-01"}]},
        "moderation": {"moderator": "M. Moderator", "date": "2025-01-15", "agreed": ["q1"]},
        "history": [{"event": "submitted", "role": "auditor", "at": "2025-01-10T10:00:00Z"},
                    {"event": "moderated", "role": "moderator", "at": "2025-01-15T10:00:00Z"},
                    {"event": "finalised", "role": "auditor", "at": "2025-01-20T10:00:00Z"}],
    }


def write_audit(folder: Path, document: dict[str, Any]) -> Path:
    path = folder / "audits" / "a.json"
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_checked_against_the_kept_version_beside_the_definition(run_cli, folder: Path) -> None:
    result = run_cli("check", folder / "demo.yaml", write_audit(folder, audit()))
    assert result.exit_code == 0, result.output
    assert "note[AF933] checked against version 1.0.0 of demo" in result.stdout


def test_carried_through_two_mappings(run_cli, folder: Path) -> None:
    result = run_cli("check", folder / "demo.yaml", write_audit(folder, audit()), "--as-version", "3.0.0")
    assert result.exit_code == 0, result.output
    assert "carried from version 1.0.0 to 3.0.0, through the mappings the tool declares" in result.stdout
    out = folder / "out"
    assert run_cli("migrate", folder / "demo.yaml", folder / "audits", "-o", out).exit_code == 0
    answers = json.loads((out / "a.json").read_text(encoding="utf-8"))["answers"]
    assert answers["q1"]["judgement"] == "strong" and answers["q2"]["judgement"] == "weak"
    assert answers["actions"][0]["person"] == "A. Worker" and "plan" not in answers


def test_migrate_to_a_kept_version(run_cli, folder: Path) -> None:
    out = folder / "out"
    assert run_cli("migrate", folder / "demo.yaml", write_audit(folder, audit()), "-o", out, "--to", "2.0.0"
                   ).exit_code == 0
    carried = json.loads((out / "a.json").read_text(encoding="utf-8"))
    assert carried["definition"]["version"] == "2.0.0" and carried["answers"]["q2"]["judgement"] == "poor"


def test_the_action_tracker_reads_old_audits_through_the_mapping(run_cli, folder: Path) -> None:
    result = run_cli("actions", folder / "demo.yaml", write_audit(folder, audit()), "--format", "json",
                     "--today", "2025-01-25")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["counts"]["total"] == 1


def test_the_report_counts_old_audits_with_the_current_grades(run_cli, folder: Path) -> None:
    output = folder / "report.json"
    result = run_cli("report", folder / "demo.yaml", write_audit(folder, audit()), "--period", "2025-01",
                     "--format", "json", "-o", output)
    assert result.exit_code == 0, result.output
    assert json.loads(output.read_text(encoding="utf-8"))["coverage"]["counted"] == 1


def test_without_a_mapping_the_report_keeps_other_versions_apart(run_cli, folder: Path) -> None:
    (folder / "demo.yaml").write_text(tool("3.0.0", grades=THREE), encoding="utf-8")
    output = folder / "report.json"
    result = run_cli("report", folder / "demo.yaml", write_audit(folder, audit()), "--period", "2025-01",
                     "--format", "json", "-o", output)
    assert result.exit_code == 0, result.output
    assert json.loads(output.read_text(encoding="utf-8"))["coverage"]["other_versions"] == {"1.0.0": 1}


def test_a_kept_file_that_is_another_version_is_refused(run_cli, folder: Path) -> None:
    (folder / "history" / "demo" / "1.0.0.yaml").write_text(tool("1.1.0"), encoding="utf-8")
    result = run_cli("check", folder / "demo.yaml", write_audit(folder, audit()), "--as-version", "1.0.0")
    assert result.exit_code == 2
    assert "error[AF932] this file is kept as version 1.0.0 of demo, but it is version 1.1.0" in result.stderr
    line = tool("1.1.0").splitlines().index("version: 1.1.0") + 1
    assert f"1.0.0.yaml:{line}:1: error[AF932]" in result.stderr  # at the line to correct


def test_validate_finds_a_kept_file_that_is_another_version(run_cli, folder: Path) -> None:
    """Valid as a definition, but kept under the wrong name: validate says so before a check
    of an old audit trips on it."""
    (folder / "history" / "demo" / "1.0.0.yaml").write_text(tool("1.1.0"), encoding="utf-8")
    result = run_cli("validate", folder)
    assert result.exit_code == 1
    line = tool("1.1.0").splitlines().index("version: 1.1.0") + 1
    assert (f"{folder / 'history' / 'demo' / '1.0.0.yaml'}:{line}:1: error[AF932] this file is kept as "
            "version 1.0.0 of demo, but it is version 1.1.0 of demo") in result.output
    assert "2 of 3 files valid" in result.stderr


@pytest.mark.parametrize(("mapping", "code", "line", "col"), [
    ("        - {rename: q1, to: q9}\n", "AF930", 9, 28),
    ("        - {rename: q1, to: q2}\n        - {remove: q1}\n", "AF931", 10, 20),
    ("        - {grades: nope, map: {a: strong}}\n", "AF930", 9, 20),
    ("        - {grades: grade, map: {a: nope}}\n", "AF930", 9, 36),
    ("        - {merge: [q1, q2], into: q3}\n", "AF930", 9, 35),
])
def test_a_lineage_mistake_is_located(mapping: str, code: str, line: int, col: int) -> None:
    from auditforms.language.loader import load_text

    text = tool("3.0.0", mapping="  from_versions:\n    - versions: [2.0.0]\n      answers:\n" + mapping,
                grades=THREE)
    found = [(d.code, d.line, d.col) for d in load_text(text, "demo.yaml").diagnostics]
    assert (code, line, col) in found, found


def test_a_tool_given_a_new_id_keeps_its_lineage(run_cli, folder: Path) -> None:
    renamed = (folder / "demo.yaml").read_text(encoding="utf-8").replace("id: demo\n", "id: demo-2025\n", 1)
    (folder / "demo-2025.yaml").write_text(renamed.replace("lineage:\n", "lineage:\n  tool: demo\n", 1),
                                          encoding="utf-8")
    path = write_audit(folder, audit())
    result = run_cli("check", folder / "demo-2025.yaml", path)
    assert result.exit_code == 0, result.output
    assert "checked against version 1.0.0 of demo" in result.stdout
    out = folder / "out"
    assert run_cli("migrate", folder / "demo-2025.yaml", path, "-o", out).exit_code == 0
    carried = json.loads((out / "a.json").read_text(encoding="utf-8"))
    assert carried["definition"] == {"id": "demo-2025", "version": "3.0.0"}


def test_a_broken_kept_version_is_reported_and_fails_the_check(run_cli, folder: Path) -> None:
    (folder / "history" / "demo" / "1.0.0.yaml").write_text("id: demo\ntitle: [\n", encoding="utf-8")
    result = run_cli("check", folder / "demo.yaml", write_audit(folder, audit()), "--format", "json")
    assert result.exit_code == 1
    assert "error[AF932] the kept version 1.0.0 of demo is invalid" in result.stderr
    findings = json.loads(result.stdout)["files"][0]["findings"]
    assert findings[0]["code"] == "AF934" and findings[0]["severity"] == "warning"
