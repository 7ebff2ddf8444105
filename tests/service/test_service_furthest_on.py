"""One audit, several files: inside a service folder, the report, the action tracker and
``month status`` all count the file furthest on, with the earlier stages kept beside it (as
the guides and the October walk-through keep them)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from auditforms.cli import COMMANDS

RETURNED = Path("months") / "2026-10" / "forms" / "returned"
FINAL = "torbay-full-audit_C10006_2026-10-05_final.json"


def _earlier(folder: Path, status: str) -> Path:
    """C10006's final file at an earlier stage, written beside it."""
    document: dict[str, Any] = json.loads((folder / RETURNED / FINAL).read_text(encoding="utf-8"))
    document["status"] = status
    if status == "submitted":
        document.pop("moderation")
        document["history"] = document["history"][:1]
    else:
        document["history"] = document["history"][:2]
        document["moderation"].pop("responses", None)
    path = folder / RETURNED / FINAL.replace("final", status)
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


@pytest.mark.skipif("report" not in COMMANDS, reason="this version has no report command")
def test_month_report_counts_an_audit_from_its_final_file_beside_its_submitted_one(run_cli, example_service):
    assert run_cli("month", "report", "2026-10", "--format", "json", "-o", "before.json").exit_code == 0
    earlier = _earlier(example_service, "submitted")
    result = run_cli("month", "report", "2026-10", "--format", "json", "-o", "after.json")
    assert result.exit_code == 0, result.stderr
    before, after = (json.loads((example_service / n).read_text()) for n in ("before.json", "after.json"))
    assert after["sample"] == before["sample"] and after["coverage"] == before["coverage"]
    assert (f"{earlier}: note[AF991] an earlier stage (submitted) of audit 2026-10-C10006, whose file "
            f"{FINAL} (final) counts; left out of the report") in result.stderr
    assert "warning" not in result.stderr and "error" not in result.stderr


def test_actions_lists_the_final_file_beside_its_moderated_one(run_cli, example_service):
    before = run_cli("actions", "--today", "2026-11-16")
    _earlier(example_service, "moderated")
    result = run_cli("actions", "--today", "2026-11-16")
    assert result.exit_code == 0, result.stderr
    assert "AF954" not in result.stderr
    assert result.stdout == before.stdout


def test_month_status_says_why_per_file(run_cli, example_service):
    _earlier(example_service, "submitted")
    _earlier(example_service, "moderated")
    result = run_cli("month", "status", "2026-10", "--today", "2026-11-16")
    assert (f"also returned: returned/{FINAL.replace('final', 'moderated')} (passes); not counted, "
            f"returned/{FINAL} counts because it is the furthest on (final)") in result.stdout
    assert "equally far on" not in result.stdout


@pytest.mark.skipif("report" not in COMMANDS, reason="this version has no report command")
def test_month_report_counts_a_returned_word_form(run_cli, fresh_service: Path):
    """A Word-only team's return counts in the report as it does in ``month status``."""
    from auditforms.api import load_definition
    from auditforms.renderers import RenderOptions, get_renderer
    from auditforms.resources import shipped_definitions_dir

    assert run_cli("month", "start", "2026-10", "--date", "2026-10-01", "--seed", "1").exit_code == 0
    forms = fresh_service / "months" / "2026-10" / "forms"
    child = json.loads((forms / "manifest.json").read_text())["children"][0]
    definition = load_definition(shipped_definitions_dir() / "torbay-full-audit.yaml")
    filled = get_renderer("docx").render(definition, RenderOptions(
        prefill={"child-id": child["child_id"], "audit-date": "2026-10-08"}, audit_id=child["audit_id"]))
    (forms / f"{child['child_id']}-filled.docx").write_bytes(filled)
    result = run_cli("month", "report", "2026-10", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert "left out" not in result.stderr
    report = json.loads((fresh_service / "months" / "2026-10" / "report-2026-10.json").read_text())
    assert report["sample"][-1]["returned"] == 1 and report["coverage"]["counted"] == 1


@pytest.mark.skipif("report" not in COMMANDS, reason="this version has no report command")
def test_returned_on_time_is_told_by_the_earliest_file_of_an_audit(run_cli, example_service):
    """A final file that cannot say when the audit came back (a Word form keeps only its last
    save, weeks later) beside the submitted one that can: the audit came back when the submitted
    file says, not when the final one was saved."""
    assert run_cli("month", "report", "2026-10", "--format", "json", "-o", "before.json").exit_code == 0
    _earlier(example_service, "submitted")  # its history says it was submitted on 5 October
    final = example_service / RETURNED / FINAL
    document = json.loads(final.read_text(encoding="utf-8"))
    document["history"] = [e for e in document["history"] if e["event"] != "submitted"]
    document["source"] = {"kind": "docx", "saved_at": "2026-10-28T10:00:00Z"}  # saved after its due date
    final.write_text(json.dumps(document), encoding="utf-8")
    assert run_cli("month", "report", "2026-10", "--format", "json", "-o", "after.json").exit_code == 0
    before, after = (json.loads((example_service / n).read_text())["sample"][0]["on_time"]
                     for n in ("before.json", "after.json"))
    assert after == before  # 18 of 19 on time, as when the final file told it itself
