"""``auditforms report`` end to end: every format, usage errors, what is left out and said."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from collation_support import AUDITS, SAMPLE, TOOL

BASE = ("report", TOOL, AUDITS, "--period", "2026-11", "--since", "2026-09")
#: AUDITS holds a11.json, malformed: it is named and left out, the report is written, and the
#: exit status says an input could not be read (1), as actions' does
WRITTEN_LEAVING_ONE_OUT = 1


@pytest.mark.parametrize("fmt", ["html", "docx", "xlsx", "json"])
def test_every_format_is_written(run_cli: Any, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"report.{fmt}"
    result = run_cli(*BASE, "--format", fmt, "-o", out)
    assert result.exit_code == WRITTEN_LEAVING_ONE_OUT, result.output
    assert out.stat().st_size > 1000
    # a05-a07 are November's; a01-a04 the trend's September and October
    assert (f"{out}: the {fmt} report for November 2026, counting 3 audits of the month and 4 audits of the "
            "months before it (the trend)") in result.stdout
    assert "a11.json:2:1: error[AF105] malformed JSON" in result.stderr
    assert "left out of the report" in result.stderr


def test_an_existing_report_is_kept_and_said_in_one_line(run_cli: Any, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    out.write_text("the board's copy")
    result = run_cli(*BASE, "--format", "html", "-o", out)
    assert result.exit_code == 2 and out.read_text() == "the board's copy"
    assert result.stderr == f"{out}: error[AF120] already exists; choose another name or pass --force to replace it\n"


def test_a_month_with_nothing_back_says_so(run_cli: Any, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = run_cli("report", TOOL, AUDITS, "--period", "2026-12", "--since", "2026-11", "--format", "json",
                     "-o", out)
    assert result.exit_code == WRITTEN_LEAVING_ONE_OUT, result.output
    assert ("counting 0 audits of the month and 3 audits of the months before it (the trend); none of December "
            "2026 has come back yet") in result.stdout


def test_json_from_the_command_counts_what_the_core_counts(run_cli: Any, tmp_path: Path, figures: Any) -> None:
    from auditforms.collation.json_report import figures_json

    out = tmp_path / "report.json"
    assert run_cli(*BASE, "--format", "json", "-o", out, "--include-text").exit_code == WRITTEN_LEAVING_ONE_OUT
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(json.dumps(figures_json(figures)))


def test_no_answer_text_unless_asked(run_cli: Any, tmp_path: Path) -> None:
    for fmt in ("html", "json"):
        out = tmp_path / f"report.{fmt}"
        assert run_cli(*BASE, "--format", fmt, "-o", out).exit_code == WRITTEN_LEAVING_ONE_OUT
        text = out.read_text(encoding="utf-8")
        assert "Fictional learning" not in text and "Fictional evidence" not in text
    asked = tmp_path / "asked.html"
    assert run_cli(*BASE, "--format", "html", "-o", asked, "--include-text").exit_code == WRITTEN_LEAVING_ONE_OUT
    assert "Fictional learning about recording decisions." in asked.read_text(encoding="utf-8")


def test_sample_adds_the_sample_section(run_cli: Any, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    assert run_cli(*BASE, "--sample", SAMPLE, "--format", "json", "-o", out).exit_code == WRITTEN_LEAVING_ONE_OUT
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["sample"][-1]["drawn"] == 5 and report["coverage"]["from_sample"]


@pytest.mark.parametrize(("args", "message"), [
    (("--period", "2026-13"), "is not a month"),
    (("--period", "2026-11", "--since", "2026-12"), "--since 2026-12 is after --period 2026-11"),
    (("--period", "2026-11", "--public", "--include-text"), "--include-text cannot be used with --public"),
])
def test_usage_errors_exit_2(run_cli: Any, tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    result = run_cli("report", TOOL, AUDITS, *args, "--format", "json", "-o", tmp_path / "r.json")
    assert result.exit_code == 2
    assert message in result.output
    assert not (tmp_path / "r.json").exists()


def test_an_existing_report_is_not_overwritten(run_cli: Any, tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    out.write_text("keep", encoding="utf-8")
    result = run_cli(*BASE, "--format", "json", "-o", out)
    assert result.exit_code == 2 and "already exists" in result.output
    assert out.read_text(encoding="utf-8") == "keep"
    assert run_cli(*BASE, "--format", "json", "-o", out, "--force").exit_code == WRITTEN_LEAVING_ONE_OUT


def test_an_audit_of_another_tool_is_named_and_left_out(run_cli: Any, tmp_path: Path) -> None:
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"format": "auditforms/completed-audit", "format_version": 1,
                                 "definition": {"id": "another-tool", "version": "1.0.0"},
                                 "status": "submitted", "answers": {}}), encoding="utf-8")
    out = tmp_path / "r.json"
    result = run_cli("report", TOOL, AUDITS, other, "--period", "2026-11", "--format", "json", "-o", out)
    assert result.exit_code == WRITTEN_LEAVING_ONE_OUT
    assert f"{other}: warning[AF990] not a completed audit of report-tool" in result.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["coverage"]["other_tool"] == 1


@pytest.mark.parametrize("record", ["auditforms/check-report", "auditforms/actions", "auditforms/monthly-report",
                                    "auditforms/sample-batch"])
def test_auditforms_own_records_beside_the_audits_are_left_out_quietly(run_cli: Any, tmp_path: Path,
                                                                      record: str) -> None:
    saved = tmp_path / "saved.json"  # e.g. `check --format json -o saved.json` run in the returns folder
    saved.write_text(json.dumps({"format": record, "format_version": 1}), encoding="utf-8")
    out = tmp_path / "r.json"
    result = run_cli("report", TOOL, AUDITS, saved, "--period", "2026-11", "--format", "json", "-o", out)
    assert result.exit_code == WRITTEN_LEAVING_ONE_OUT and str(saved) not in result.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["coverage"]["other_tool"] == 0


def test_a_bad_sample_file_exits_1(run_cli: Any, tmp_path: Path) -> None:
    bad = tmp_path / "sample.csv"
    bad.write_text("Audit ID,Child ID,Due date\nx,,2026-11-14\n", encoding="utf-8")
    result = run_cli(*BASE, "--sample", bad, "--format", "json", "-o", tmp_path / "r.json")
    assert result.exit_code == 1
    assert f"{bad}:2:" in result.stderr


def test_help_lists_the_command(run_cli: Any) -> None:
    assert "report" in run_cli("--help").stdout


def test_today_sets_the_day_actions_are_judged_on(run_cli: Any, tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    assert run_cli(*BASE, "--today", "2026-12-21", "--format", "json", "-o", out).exit_code == WRITTEN_LEAVING_ONE_OUT
    actions = json.loads(out.read_text(encoding="utf-8"))["actions"]
    assert (actions["as_of"], actions["overdue"]) == ("2026-12-21", 3)


def test_targets_from_the_service_s_settings(run_cli: Any, tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    result = run_cli(*BASE, "--sample", SAMPLE, "--target", "overall_good_or_better=60", "--target",
                     "returned_on_time=90", "--format", "json", "-o", out)
    assert result.exit_code == WRITTEN_LEAVING_ONE_OUT, result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["headline"]["overall_target"] == {"at_least": 60, "source": "the service's settings", "met": True}
    assert report["headline"]["judgements_target"]["source"] == "the definition"
    # 2 of 3 returned on time = 67%, below 90%
    assert report["sample_target"] == {"at_least": 90, "source": "the service's settings", "met": False}


def test_a_bad_target_is_a_usage_error(run_cli: Any, tmp_path: Path) -> None:
    result = run_cli(*BASE, "--target", "overall=80", "--format", "json", "-o", tmp_path / "r.json")
    assert result.exit_code == 2 and "NAME=PERCENT" in result.output


def test_a_second_file_of_the_same_audit_is_counted_once(run_cli: Any, tmp_path: Path) -> None:
    copy = tmp_path / "copy-of-a05.json"
    copy.write_text((AUDITS / "a05.json").read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "r.json"
    result = run_cli(*BASE, copy, "--format", "json", "-o", out)
    assert result.exit_code == WRITTEN_LEAVING_ONE_OUT
    assert f"{copy}: warning[AF991] repeats audit 2026-11-C005" in result.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    assert (report["coverage"]["counted"], report["coverage"]["duplicates"]) == (7, 1)


def test_public_with_few_audits_says_so_without_counting(run_cli: Any, tmp_path: Path) -> None:
    """--public left the counts None and the summary line subtracted them (TypeError)."""
    out = tmp_path / "report.json"
    result = run_cli(*BASE, "--format", "json", "-o", out, "--public")
    assert result.exit_code in (0, 1) and out.exists(), result.output
    assert "with every count under 5 suppressed" in result.stdout and "Traceback" not in result.output


def test_a_folder_is_not_a_tool(run_cli: Any, tmp_path: Path) -> None:
    result = run_cli("report", tmp_path, AUDITS, "--period", "2026-11", "--format", "json", "-o", tmp_path / "r.json")
    assert result.exit_code == 2 and "is a folder; give the audit tool first" in result.stderr


def test_today_before_the_month_is_refused_in_one_line(run_cli, tmp_path: Path) -> None:
    """It gave the actions' position on a day before any of the audits existed."""
    result = run_cli(*BASE, "--format", "json", "-o", tmp_path / "r.json", "--today", "01/01/2025")
    assert result.exit_code == 2 and not (tmp_path / "r.json").exists()
    assert result.stderr == ("error: --today 1 January 2025 is before the month reported on, which starts 1 November "
                             "2026: where the actions stand is told on a day of the month or after it\n")
