"""The month on the example service, end to end: start, status, the self-keeping history, the
column mapping, and the month's lock held by another process."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLE_ROWS = "months/{}/sample.csv"


def sampled(folder: Path, month: str) -> list[str]:
    with (folder / SAMPLE_ROWS.format(month)).open(encoding="utf-8-sig") as handle:
        return [row["Child ID"] for row in csv.DictReader(handle)]


def returned_audit(child: str, audit_date: str, status: str = "submitted") -> str:
    """A completed torbay-full-audit as the HTML form saves it (only what history reads)."""
    return json.dumps({"format": "auditforms/completed-audit", "format_version": 1,
                       "definition": {"id": "torbay-full-audit", "version": "1.0.0"},
                       "audit_id": f"x-{child}", "status": status,
                       "answers": {"child-id": child, "audit-date": audit_date}})


def test_month_start_then_status(run_cli, example_service: Path):
    started = run_cli("month", "start", "2026-11", "--date", "2026-11-02", "--seed", "20261102")
    assert started.exit_code == 0, started.stderr
    month = example_service / "months" / "2026-11"
    meta = json.loads((month / "sample.meta.json").read_text())
    assert meta["seed"] == 20261102 and meta["reference_date"] == "2026-11-02"
    # The LCS export read through the column mapping; October's 19 returned children left out.
    assert meta["counts"]["eligible"] == 164
    manifest = json.loads((month / "forms" / "manifest.json").read_text())
    assert len(manifest["children"]) == 5 and manifest["formats"] == ["html"]
    assert (month / "forms" / "index.html").is_file()
    assert "month 2026-11 started" in started.stderr
    assert not [p.name for p in (example_service / "months").iterdir() if p.name.startswith(".")]

    again = run_cli("month", "start", "2026-11")
    assert again.exit_code == 2 and "error[AF975] month 2026-11 has already been started" in again.stderr

    child = manifest["children"][0]
    (month / "forms" / "returned").mkdir()
    document = json.loads(returned_audit(child["child_id"], "2026-11-10", "final"))
    document["audit_id"] = child["audit_id"]
    (month / "forms" / "returned" / "one.json").write_text(json.dumps(document))
    status = run_cli("month", "status", "--today", "2026-11-20", "--format", "json")
    assert status.exit_code == 1
    states = {c["child_id"]: (c["state"], c["audit_status"]) for c in json.loads(status.stdout)["children"]}
    assert states[child["child_id"]][1] == "final"
    assert sum(1 for s, _ in states.values() if s == "overdue") == 4


def test_a_child_audited_last_month_is_left_out_this_month(run_cli, fresh_service: Path):
    assert run_cli("month", "start", "2026-10", "--date", "2026-10-01", "--seed", "1").exit_code == 0
    october = sampled(fresh_service, "2026-10")
    returned = fresh_service / "months" / "2026-10" / "forms" / "returned"
    returned.mkdir()
    for child in october:
        (returned / f"{child}.json").write_text(returned_audit(child, "2026-10-08"))
    # The same seed orders the children the same way: without the history that keeps itself,
    # October's children would head November's draw again.
    result = run_cli("month", "start", "2026-11", "--date", "2026-11-02", "--seed", "1")
    assert result.exit_code == 0, result.stderr
    november = sampled(fresh_service, "2026-11")
    assert not set(october) & set(november)
    after = json.loads((fresh_service / "months" / "2026-11" / "sample.meta.json").read_text())
    assert after["inputs"]["audits"] == {"folder": returned.parent.relative_to(fresh_service).as_posix()}
    # The control: the same draw without October's returns takes October's children again.
    for path in returned.iterdir():
        path.unlink()
    control = run_cli("sample", "--date", "2026-11-02", "--seed", "1", "-o", "control.csv")
    assert control.exit_code == 0
    with (fresh_service / "control.csv").open(encoding="utf-8-sig") as handle:
        assert set(october) & {row["Child ID"] for row in csv.DictReader(handle)}


def test_a_case_list_with_other_column_names_needs_its_mapping(run_cli, example_service: Path):
    settings = example_service / "auditforms.yaml"
    settings.write_text(settings.read_text().replace("    child_id: Person Reference\n", ""))
    result = run_cli("month", "start", "2026-11")
    assert result.exit_code == 1
    assert "error[AF802] no 'child id' column; the header has: Person Reference" in result.stderr
    assert not (example_service / "months" / "2026-11" / "sample.csv").exists()


def test_a_month_locked_by_another_process_is_refused(run_cli, example_service: Path):
    hold = ("import sys, time\nfrom pathlib import Path\nfrom auditforms.cli.locking import folder_lock\n"
            "with folder_lock(Path(sys.argv[1])):\n    print('held', flush=True)\n    time.sleep(30)\n")
    holder = subprocess.Popen([sys.executable, "-c", hold, str(example_service / "months" / "2026-11")],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        result = run_cli("month", "start", "2026-11")
        assert result.exit_code == 2
        assert result.stderr.strip() == (
            f"{example_service / 'months' / '2026-11'}: error[AF820] another auditforms run is using "
            "this folder; wait for it to finish and run again, or pass --wait")
    finally:
        holder.kill()
        holder.wait()
    assert run_cli("month", "start", "2026-11").exit_code == 0


def test_an_interrupted_start_finishes_from_the_recorded_sample(run_cli, example_service: Path):
    assert run_cli("sample", "-o", "months/2026-12/sample.csv", "--seed", "3").exit_code == 0
    drawn = sampled(example_service, "2026-12")
    result = run_cli("month", "start", "2026-12")
    assert result.exit_code == 0
    assert "the sample was drawn by an earlier run that did not finish" in result.stderr
    manifest = json.loads((example_service / "months" / "2026-12" / "forms" / "manifest.json").read_text())
    assert [c["child_id"] for c in manifest["children"]] == drawn


def test_status_lists_returned_audits_not_moderated_by_the_tools_deadline(run_cli, example_service: Path):
    """Torbay's tool declares its deadline: "the first 10 working days of each month", so the
    November sample is moderated by the 10th working day of December 2026, the 14th (the
    settings' moderation_days serve only tools that declare none)."""
    assert run_cli("month", "start", "2026-11", "--date", "2026-11-02").exit_code == 0
    forms = example_service / "months" / "2026-11" / "forms"
    child = json.loads((forms / "manifest.json").read_text())["children"][0]
    document = json.loads(returned_audit(child["child_id"], "2026-11-10"))
    document["audit_id"] = child["audit_id"]
    (forms / "back.json").write_text(json.dumps(document))
    in_time = json.loads(run_cli("month", "status", "--today", "2026-12-14", "--format", "json").stdout)
    assert in_time["moderation_overdue"] == []
    mine = next(c for c in in_time["children"] if c["child_id"] == child["child_id"])
    assert (mine["stage"], mine["moderation_due"], mine["overdue"]) == ("returned", "2026-12-14", None)
    assert in_time["summary"]["stages"]["returned"] == 1
    late = run_cli("month", "status", "--today", "2026-12-15")
    assert (f"1 returned audit not moderated by 14 December 2026, the tool's moderation deadline: "
            f"{child['child_id']}" in late.stdout)
    assert "allocated, 1 returned awaiting moderation, 0 moderated, 0 final" in late.stdout
    assert "the report for 2026-11 is due by 20 December 2026" in late.stdout


def test_deadlines_arithmetic():
    from auditforms.service.deadlines import report_due

    assert report_due("2026-12", 10).isoformat() == "2027-01-10"
    assert report_due("2026-01", 28).isoformat() == "2026-02-28"


def test_two_month_starts_at_once_never_both_write(example_service: Path):
    command = [sys.executable, "-m", "auditforms", "month", "start", "2026-11", "--seed", "4"]
    runs = [subprocess.Popen(command, cwd=example_service, text=True, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE) for _ in range(2)]
    errors = [run.communicate(timeout=120)[1] for run in runs]
    results = [(run.returncode, err) for run, err in zip(runs, errors, strict=True)]
    assert sorted(code for code, _ in results) == [0, 2], results
    refused = next(err for code, err in results if code == 2)
    assert "error[AF820]" in refused or "error[AF975]" in refused
    manifest = json.loads((example_service / "months" / "2026-11" / "forms" / "manifest.json").read_text())
    assert len(manifest["children"]) == 5
    assert not [p.name for p in (example_service / "months").rglob(".*")]


def test_a_word_form_returned_last_month_counts_too(run_cli, fresh_service: Path):
    from auditforms.api import load_definition
    from auditforms.renderers import RenderOptions, get_renderer
    from auditforms.resources import shipped_definitions_dir

    assert run_cli("month", "start", "2026-10", "--date", "2026-10-01", "--seed", "1").exit_code == 0
    child = sampled(fresh_service, "2026-10")[0]
    definition = load_definition(shipped_definitions_dir() / "torbay-full-audit.yaml")
    filled = get_renderer("docx").render(definition, RenderOptions(
        prefill={"child-id": child, "audit-date": "2026-10-08"}, audit_id=f"2026-10-{child}"))
    (fresh_service / "months" / "2026-10" / "forms" / f"{child}-filled.docx").write_bytes(filled)
    result = run_cli("month", "start", "2026-11", "--date", "2026-11-02", "--seed", "1")
    assert result.exit_code == 0, result.stderr
    assert child not in sampled(fresh_service, "2026-11")
    (fresh_service / "months" / "2026-10" / "forms" / f"{child}-filled.docx").unlink()
    control = run_cli("sample", "--date", "2026-11-02", "--seed", "1", "-o", "control.csv")
    assert control.exit_code == 0
    with (fresh_service / "control.csv").open(encoding="utf-8-sig") as handle:
        assert child in {row["Child ID"] for row in csv.DictReader(handle)}


def test_the_blank_word_forms_of_a_batch_are_not_returns(run_cli, fresh_service: Path):
    from auditforms.cli.sample_word_returns import word_returns

    settings = fresh_service / "auditforms.yaml"
    settings.write_text(settings.read_text().replace("formats: [html]", "formats: [docx]"))
    assert run_cli("month", "start", "2026-10", "--date", "2026-10-01").exit_code == 0
    forms = fresh_service / "months" / "2026-10" / "forms"
    assert len(list(forms.glob("*.docx"))) == 5
    (forms / "~$lock.docx").write_bytes(b"lock")
    assert word_returns(forms) == []


def test_a_sample_left_without_its_seed_is_drawn_again(run_cli, example_service: Path):
    assert run_cli("sample", "-o", "months/2026-12/sample.csv", "--seed", "3").exit_code == 0
    (example_service / "months" / "2026-12" / "sample.meta.json").unlink()
    result = run_cli("month", "start", "2026-12", "--seed", "8")
    assert result.exit_code == 0, result.stderr
    assert "left the sample without the record of its seed; it is drawn again" in result.stderr
    meta = json.loads((example_service / "months" / "2026-12" / "sample.meta.json").read_text())
    assert meta["seed"] == 8


def test_a_month_started_after_it_ended_says_its_forms_are_already_due(run_cli, example_service):
    """Drawn as of its first day, every form is overdue the day it is sent: the start says so."""
    import datetime as dt

    past = dt.date.today().replace(day=1) - dt.timedelta(days=1)  # last month, whatever today is
    month = f"{past:%Y-%m}"
    if month <= "2026-10":  # the example's own October is already started
        pytest.skip("the example's months reach past last month")
    result = run_cli("month", "start", month)
    assert result.exit_code == 0, result.stderr
    assert f"note: month {month} is drawn as of 1 {past:%B %Y}" in result.stderr
    assert "already past; give --date" in result.stderr
