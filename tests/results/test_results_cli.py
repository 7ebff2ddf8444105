"""``auditforms check``: reports, formats and exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from tests.results.conftest import AUDITS, VALID_JSON

KITCHEN_SINK = Path(__file__).resolve().parents[1] / "fixtures" / "definitions" / "kitchen-sink.yaml"


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    """A folder with one passing audit, one failing audit and one malformed file."""
    shutil.copy(VALID_JSON, tmp_path / "child-0412.json")
    failing = json.loads(VALID_JSON.read_text(encoding="utf-8"))
    failing["answers"]["q1"]["impact"] = "   "
    (tmp_path / "child-0414.json").write_text(json.dumps(failing, indent=1), encoding="utf-8")
    (tmp_path / "child-0415.json").write_text('{"format": ', encoding="utf-8")
    return tmp_path


def test_all_pass_exits_0(run_cli):
    result = run_cli("check", KITCHEN_SINK, AUDITS / "kitchen-sink", "--period", "2026-11", "--today", "2026-11-30")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"{AUDITS / 'kitchen-sink' / 'child-0412.json'}: passes",
        f"{AUDITS / 'kitchen-sink' / 'child-0413-moderated.yaml'}: passes",
    ]
    assert result.stderr == "2 of 2 audits pass; 0 errors, 0 warnings\n"


def test_warnings_alone_still_pass(run_cli, tmp_path):
    document = json.loads(VALID_JSON.read_text(encoding="utf-8"))
    document["answers"]["q3"]["judgement"] = "exceeds-good"
    path = tmp_path / "child.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    result = run_cli("check", KITCHEN_SINK, path)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == f"{path}: passes with 1 warning"
    assert "warning[AF642] Q3 Overall rating: the overall rating is better" in result.stdout


def test_any_failure_exits_1_and_the_batch_goes_on(run_cli, batch):
    result = run_cli("check", KITCHEN_SINK, batch, "--period", "2026-11")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == f"{batch / 'child-0412.json'}: passes"
    assert lines[1].startswith(f"{batch / 'child-0414.json'}:")
    assert lines[1].endswith(
        ": error[AF642] Q1 Risk: impact is required when a judgement is given (/answers/q1/impact)")
    assert lines[2].startswith(f"{batch / 'child-0415.json'}:1:12: error[AF105] malformed JSON")
    assert result.stderr == "1 of 3 audits passes (1 not checked: unreadable or malformed); 2 errors, 0 warnings\n"


def test_quiet_prints_only_problems(run_cli, batch):
    result = run_cli("check", KITCHEN_SINK, batch, "-q")
    assert "passes" not in result.stdout
    assert len(result.stdout.splitlines()) == 2


def test_json_report_is_machine_readable_and_never_quotes_answers(run_cli, batch):
    result = run_cli("check", KITCHEN_SINK, batch, "--format", "json", "--period", "2026-11")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["definition"] == {"id": "kitchen-sink", "version": "1.2.0"}
    assert report["summary"] == {"audits": 3, "passed": 1, "failed": 2, "not_checked": 1,
                                 "with_warnings": 0, "errors": 2, "warnings": 0, "left_out": 0}
    second = report["files"][1]
    assert (second["audit_id"], second["status"], second["passed"]) == ("2026-11-0412", "submitted", False)
    (finding,) = second["findings"]
    assert {k: finding[k] for k in ("code", "severity", "pointer", "rule")} == {
        "code": "AF642", "severity": "error", "pointer": "/answers/q1/impact", "rule": "impact-when-judged"}
    assert finding["line"] > 0
    assert "strategy discussion" not in result.stdout


def test_json_report_of_an_empty_folder_is_a_usage_error(run_cli, tmp_path):
    result = run_cli("check", KITCHEN_SINK, tmp_path, "--format", "json")
    assert result.exit_code == 2
    assert "no .json, .yaml or .yml files found" in result.stderr


@pytest.mark.parametrize("args", [
    ("--period", "November"),
    ("--period", "2026-13"),
    ("--today", "31/11/2026"),  # 30 November is a date, written as people write it
    ("--format", "xml"),
])
def test_bad_options_exit_2(run_cli, args):
    result = run_cli("check", KITCHEN_SINK, VALID_JSON, *args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_today_is_written_as_people_write_dates(run_cli):
    """--today takes dd/mm/yyyy as every other date option does (it took yyyy-mm-dd alone)."""
    uk = run_cli("check", KITCHEN_SINK, VALID_JSON, "--today", "30/11/2026", "--format", "json")
    iso = run_cli("check", KITCHEN_SINK, VALID_JSON, "--today", "2026-11-30", "--format", "json")
    assert uk.exit_code == iso.exit_code and uk.stdout == iso.stdout


def test_missing_audit_path_exits_2(run_cli, tmp_path):
    result = run_cli("check", KITCHEN_SINK, tmp_path / "nowhere.json")
    assert result.exit_code == 2
    assert "nowhere.json: no such file or folder" in result.stderr


def test_invalid_definition_exits_1(run_cli, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\n", encoding="utf-8")
    result = run_cli("check", bad, VALID_JSON)
    assert result.exit_code == 1
    assert "bad.yaml" in result.stderr


def test_period_outside_reports_the_audit_date(run_cli):
    result = run_cli("check", KITCHEN_SINK, VALID_JSON, "--period", "2026-10")
    assert result.exit_code == 1
    assert "Audit date: the audit date is outside the sample period (/answers/audit-date)" in result.stdout


def _large_batch_for_workers(batch: Path, monkeypatch, cores: int) -> None:
    """43 files (passing, failing and unreadable, interleaved by name), checked in slices of 3
    by worker processes on ``cores`` cores (whatever this machine has)."""
    from auditforms.cli import check_pool

    for number in range(40):
        source = ("child-0412.json", "child-0414.json", "child-0415.json")[number % 3]
        shutil.copy(batch / source, batch / f"more-{number:03d}.json")
    monkeypatch.setattr(check_pool, "SLICE", 3)
    monkeypatch.setattr(check_pool, "MIN_FILES_FOR_WORKERS", 10)
    monkeypatch.setattr("auditforms.cli.workers.os.cpu_count", lambda: cores)


def test_a_large_batch_checked_in_workers_reports_as_one_process_does(run_cli, batch, monkeypatch):
    """Workers (forked where the platform can) take slices of the files; the report, its order
    and the totals are those of a check in one process, in json and text alike."""
    from auditforms.cli import check_pool

    _large_batch_for_workers(batch, monkeypatch, 4)
    pools = []
    in_workers = check_pool._in_workers
    monkeypatch.setattr(check_pool, "_in_workers", lambda checker, paths, choose, workers: (
        pools.append(workers), (yield from in_workers(checker, paths, choose, workers)))[1])
    outputs = {}
    for workers in ("1", "2"):
        monkeypatch.setenv("AUDITFORMS_WORKERS", workers)
        text = run_cli("check", KITCHEN_SINK, batch, "--period", "2026-11")
        data = run_cli("check", KITCHEN_SINK, batch, "--period", "2026-11", "--format", "json")
        outputs[workers] = (text.exit_code, text.stdout, text.stderr, data.exit_code, data.stdout)
    assert pools == [2, 2]  # the second run, text and json, used two workers; the first none
    assert outputs["1"] == outputs["2"]
    assert outputs["2"][0] == 1 and "15 of 43 audits pass" in outputs["2"][2]


def test_workers_are_used_only_where_they_pay(monkeypatch):
    from auditforms.cli import check_pool
    from auditforms.cli.workers import worker_count

    monkeypatch.delenv("AUDITFORMS_WORKERS", raising=False)
    assert worker_count(check_pool.MIN_FILES_FOR_WORKERS // check_pool.SLICE) >= 1
    assert worker_count(3) == 1  # a few tasks: the command's own process
    monkeypatch.setenv("AUDITFORMS_WORKERS", "1")
    assert worker_count(1000) == 1


def test_a_tool_is_named_by_its_file_or_by_its_id(run_cli, tmp_path):
    """A lead auditor in a service folder checks an audit against the tool by its id, without a
    path into the installed package; an unknown name is a usage error naming what was looked for."""
    audit = AUDITS / "kitchen-sink" / "child-0412.json"
    by_id = run_cli("check", "kitchen-sink", audit, "--definitions", KITCHEN_SINK.parent, "--today", "2026-11-30")
    by_file = run_cli("check", KITCHEN_SINK, audit, "--today", "2026-11-30")
    assert by_id.exit_code == by_file.exit_code == 0
    assert (by_id.stdout, by_id.stderr) == (by_file.stdout, by_file.stderr)
    shipped = run_cli("check", "torbay-full-audit", audit)  # found among the shipped tools
    assert shipped.exit_code == 1 and "error[AF620]" in shipped.stdout  # the audit is of another tool
    unknown = run_cli("check", "no-such-tool", audit)
    assert unknown.exit_code == 2
    assert "'no-such-tool' is neither a file nor the id of an audit tool" in unknown.stderr


def test_a_worker_that_dies_costs_time_never_results(run_cli, batch, monkeypatch):
    """A worker killed mid-batch (by hand, or when memory runs out) neither hangs the check nor
    loses a file: what it had not reported is checked in the command, and the report is whole."""
    import os
    import signal

    from auditforms.cli import check_pool

    _large_batch_for_workers(batch, monkeypatch, 2)
    whole = run_cli("check", KITCHEN_SINK, batch, "--period", "2026-11", "--format", "json")
    check_slice = check_pool._check_slice

    def dying(start: int):
        if start == 9:  # the fourth slice: a worker is killed while checking it
            os.kill(os.getpid(), signal.SIGKILL)
        return check_slice(start)

    dying.__module__, dying.__qualname__ = check_pool.__name__, "_check_slice"  # sent to workers by name
    monkeypatch.setattr(check_pool, "_check_slice", dying)
    monkeypatch.setenv("AUDITFORMS_WORKERS", "2")
    broken = run_cli("check", KITCHEN_SINK, batch, "--period", "2026-11", "--format", "json")
    assert (broken.exit_code, broken.stdout) == (whole.exit_code, whole.stdout)


def test_where_workers_cannot_be_made_the_command_checks_every_file(run_cli, batch, monkeypatch):
    """Some containers have no semaphores for a pool: the check runs in the command instead."""
    from auditforms.cli import check_pool

    _large_batch_for_workers(batch, monkeypatch, 2)
    monkeypatch.setenv("AUDITFORMS_WORKERS", "1")
    alone = run_cli("check", KITCHEN_SINK, batch, "--format", "json")

    def no_semaphores(*args, **kwargs):
        raise PermissionError(13, "Permission denied: /dev/shm")

    monkeypatch.setattr(check_pool, "ProcessPoolExecutor", no_semaphores)
    monkeypatch.setenv("AUDITFORMS_WORKERS", "2")
    without = run_cli("check", KITCHEN_SINK, batch, "--format", "json")
    assert (without.exit_code, without.stdout) == (alone.exit_code, alone.stdout)


def test_auditforms_own_records_beside_the_audits_are_left_out(run_cli, tmp_path):
    """A month's folder holds the batch's manifest and the sample's record beside the returns:
    ``check`` leaves them out, as every command reading a folder of audits does, and says so."""
    shutil.copy(VALID_JSON, tmp_path / "child-0412.json")
    (tmp_path / "manifest.json").write_text('{"format": "auditforms/sample-batch", "format_version": 1}')
    (tmp_path / "sample.meta.json").write_text('{"format": "auditforms/dip-sample", "format_version": 1}')
    (tmp_path / "other.json").write_text('{"format": "somebody-else/report"}')  # not ours: still an error
    text = run_cli("check", KITCHEN_SINK, tmp_path, "--period", "2026-11", "--today", "2026-11-30")
    assert text.exit_code == 1
    assert f"{tmp_path / 'manifest.json'}: left out: a batch's manifest, not an audit" in text.stdout
    assert f"{tmp_path / 'sample.meta.json'}: left out: a dip sample's record, not an audit" in text.stdout
    assert "other.json:1:12: error[AF601] this is not a completed audit" in text.stdout
    assert text.stderr.endswith("1 of 2 audits passes; 1 error, 0 warnings; 2 of auditforms' own files left out "
                                "(not audits)\n")
    data = json.loads(run_cli("check", KITCHEN_SINK, tmp_path, "--format", "json", "--period", "2026-11",
                              "--today", "2026-11-30").stdout)
    assert [Path(f["file"]).name for f in data["files"]] == ["child-0412.json", "other.json"]
    assert (data["summary"]["audits"], data["summary"]["left_out"]) == (2, 2)
    quiet = run_cli("check", KITCHEN_SINK, tmp_path / "manifest.json", "-q")
    assert quiet.exit_code == 1 and quiet.stdout == ""  # nothing was checked
    assert "0 of 0 audits pass; 0 errors, 0 warnings; 1 of auditforms' own files left out" in quiet.stderr


def test_a_result_travels_from_a_worker_whole():
    """Workers send results as plain tuples (far quicker to pickle): every field must arrive, so
    a field added to a result or a diagnostic must be added to the packing too."""
    import dataclasses

    from auditforms.cli.check_pool import packed, unpacked
    from auditforms.diagnostics import Diagnostic, Severity
    from auditforms.results.check import FileResult

    finding = Diagnostic("AF642", "a message", "a.json", 3, 7, "/answers/q1", Severity.WARNING, (("rule", "r"),))
    result = FileResult("a.json", (finding, Diagnostic("AF101", "unreadable")), "2026-11-0001", "submitted",
                        False, "auditforms/sample-batch")
    assert unpacked(packed(result)) == result
    assert len(packed(result)) == len(dataclasses.fields(FileResult))
    assert len(packed(result)[5][0]) == len(dataclasses.fields(Diagnostic))


def test_a_blank_html_form_given_to_check_says_to_save_its_answers(run_cli, tmp_path):
    """It said "malformed YAML: mapping values are not allowed in this context"."""
    form = tmp_path / "2026-11-C10013.html"
    result = run_cli("render", KITCHEN_SINK, "--format", "html", "-o", form)
    assert result.exit_code == 0, result.output
    checked = run_cli("check", KITCHEN_SINK, form)
    assert checked.exit_code == 1
    assert f"{form}:1:1: error[AF105] this is a web page (a form?), not a completed audit" in checked.stdout
    assert "YAML" not in checked.output


def test_a_word_form_given_to_check_says_to_extract_it(run_cli, tmp_path):
    """It said "this is a binary file, not YAML or JSON text"."""
    form = tmp_path / "2026-11-C10013.docx"
    assert run_cli("render", KITCHEN_SINK, "--format", "docx", "-o", form).exit_code == 0
    checked = run_cli("check", KITCHEN_SINK, form)
    assert checked.exit_code == 1
    assert (f"{form}:1:1: error[AF103] this is a Word file, not an audit's JSON: read it with 'auditforms "
            "extract TOOL FILE -o FILE.json'") in checked.stdout
