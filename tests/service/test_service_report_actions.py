"""``month report`` and ``actions`` inside a service folder take their options from the settings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from auditforms.cli import COMMANDS


@pytest.mark.skipif("report" not in COMMANDS, reason="this version has no report command")
def test_month_report_writes_the_months_report(run_cli, example_service: Path):
    assert run_cli("month", "start", "2026-11", "--date", "2026-11-02").exit_code == 0
    result = run_cli("month", "report", "2026-11")
    assert result.exit_code == 0, result.stderr
    assert "manifest.json" not in result.stderr
    assert (example_service / "months" / "2026-11" / "report-2026-11.html").is_file()
    again = run_cli("month", "report")  # the latest month; the report exists now
    assert again.exit_code == 2 and "already exists" in again.stderr
    assert run_cli("month", "report", "--format", "json").exit_code == 0
    report = json.loads((example_service / "months" / "2026-11" / "report-2026-11.json").read_text())
    # The example settings' targets reach the report (the shipped tool declares none of its own).
    headline = report["headline"]
    assert headline["overall_target"]["at_least"] == 80 and headline["judgements_target"]["at_least"] == 80
    assert "settings" in headline["overall_target"]["source"]


@pytest.mark.skipif("report" not in COMMANDS, reason="this version has no report command")
def test_month_report_of_a_month_never_started_refuses(run_cli, example_service: Path):
    """It made months/2027-01 and a report of no January audits, exit 0; the next plain
    'month report' then failed on that empty month."""
    result = run_cli("month", "report", "2027-01")
    assert result.exit_code == 2 and "error[AF974] month 2027-01 has not been started" in result.stderr
    assert not (example_service / "months" / "2027-01").exists()
    assert run_cli("month", "report").exit_code == 0  # the latest started month, October


@pytest.mark.skipif("report" in COMMANDS, reason="the report command is installed")
def test_month_report_is_hidden_without_the_report_command(run_cli, example_service: Path):
    assert "report" not in run_cli("month", "--help").stdout
    assert "error[AF977]" in run_cli("month", "report").stderr


@pytest.mark.skipif("actions" not in COMMANDS, reason="this version has no actions command")
def test_actions_inside_a_service_needs_no_arguments(run_cli, fresh_service: Path):
    assert run_cli("month", "start", "2026-11", "--date", "2026-11-02").exit_code == 0
    empty = run_cli("actions", "-o", "trackers")
    assert empty.exit_code == 0, empty.stderr
    assert "no audits have come back yet in the folders given; there are no actions to track" in empty.stderr
    (fresh_service / "trackers").unlink()
    forms = fresh_service / "months" / "2026-11" / "forms"
    child = json.loads((forms / "manifest.json").read_text())["children"][0]
    (forms / "returned").mkdir()
    (forms / "returned" / "back.json").write_text(json.dumps({
        "format": "auditforms/completed-audit", "format_version": 1,
        "definition": {"id": "torbay-full-audit", "version": "3.0.0"}, "audit_id": child["audit_id"],
        "status": "submitted", "answers": {"child-id": child["child_id"], "audit-date": "2026-11-10"}}))
    result = run_cli("actions", "-o", "trackers")
    assert result.exit_code == 0, result.stderr
    assert "manifest.json" not in result.stderr
    assert (fresh_service / "trackers").exists()
