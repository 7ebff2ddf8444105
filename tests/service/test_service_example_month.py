"""The finished month the example service ships (months/2026-10): what ``init --example`` gives,
and the second half of the cycle tried on it — status, the tracker, the report — and November
leaving October's children out. Seen on 16 November 2026, the day the guide uses."""

from __future__ import annotations

import csv
import datetime as dt
import importlib.util
import json
import re
from pathlib import Path

import pytest

from auditforms.cli import COMMANDS

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "examples" / "months" / "2026-10"
TODAY = "2026-11-16"


def children_of(sample: Path) -> set[str]:
    with sample.open(encoding="utf-8-sig") as handle:
        return {row["Child ID"] for row in csv.DictReader(handle)}


def returned_children(forms: Path) -> set[str]:
    return {json.loads(p.read_text(encoding="utf-8"))["answers"]["child-id"]
            for p in (forms / "returned").glob("*.json")}


def test_init_example_gives_a_finished_october(example_service: Path):
    october = example_service / "months" / "2026-10"
    meta = json.loads((october / "sample.meta.json").read_text(encoding="utf-8"))
    assert (meta["seed"], meta["reference_date"], meta["due_date"]) == (20261001, "2026-10-01", "2026-10-15")
    # The record names its inputs as they are in the folder, not where the example was made.
    assert {kind: entry["file"] for kind, entry in meta["inputs"].items()} == {
        "cases": "data/case-list.csv", "auditors": "data/auditors.csv",
        "history": "data/audit-history-before-auditforms.csv"}
    manifest = json.loads((october / "forms" / "manifest.json").read_text(encoding="utf-8"))
    assert len(manifest["children"]) == 20 and manifest["files"] == []  # no blank forms shipped
    statuses = [json.loads(p.read_text(encoding="utf-8"))["status"]
                for p in (october / "forms" / "returned").glob("*.json")]
    assert sorted(statuses) == sorted(["final"] * 12 + ["moderated"] * 5 + ["submitted"] * 2)
    assert returned_children(october / "forms") < children_of(october / "sample.csv")


def test_october_starts_only_once(run_cli, example_service: Path):
    again = run_cli("month", "start", "2026-10")
    assert again.exit_code == 2 and "error[AF975] month 2026-10 has already been started" in again.stderr


def test_month_status_shows_every_stage(run_cli, example_service: Path):
    report = json.loads(run_cli("month", "status", "2026-10", "--today", TODAY, "--format", "json").stdout)
    assert report["summary"]["stages"] == {"allocated": 1, "returned": 2, "moderated": 5, "final": 12}
    assert report["summary"]["passes"] == 19 and report["summary"]["overdue"] == 1
    assert len(report["moderation_overdue"]) == 2
    text = run_cli("month", "status", "2026-10", "--today", TODAY)
    assert text.exit_code == 1  # a child's audit has not come back
    assert "stages: 1 allocated, 2 returned awaiting moderation, 5 moderated, 12 final" in text.stdout
    assert "2 returned audits not moderated by 13 November 2026, the tool's moderation deadline" in text.stdout
    before = json.loads(run_cli("month", "status", "2026-10", "--today", "2026-11-13", "--format", "json").stdout)
    assert before["moderation_overdue"] == []  # Torbay's deadline: the 10th working day of November


@pytest.mark.skipif("actions" not in COMMANDS, reason="this version has no actions command")
def test_the_tracker_has_actions_in_every_state(run_cli, example_service: Path):
    result = run_cli("actions", "--today", TODAY, "--format", "json")
    assert result.exit_code == 0, result.stderr
    states = {action["state"] for action in json.loads(result.stdout)["actions"]}
    assert {"open", "overdue", "signed-off", "signed-off-late", "no-longer-required"} <= states
    split = run_cli("actions", "--today", TODAY, "--split-by", "head_of_service", "-o", "trackers")
    assert split.exit_code == 0, split.stderr
    assert len(list((example_service / "trackers").glob("*.xlsx"))) == 2  # two heads of service


@pytest.mark.skipif("actions" not in COMMANDS, reason="this version has no actions command")
def test_every_tracker_reads_back_into_the_services_audits(run_cli, example_service: Path):
    """``actions --update trackers/*.xlsx`` in the folder, as docs/a-month-of-audits.md shows it:
    the tool is the service's, so every workbook given is a tracker (the second one was taken
    for the tool)."""
    import openpyxl

    assert run_cli("actions", "--today", TODAY, "--split-by", "head_of_service", "-o", "trackers").exit_code == 0
    trackers = sorted((example_service / "trackers").glob("*.xlsx"))
    assert len(trackers) == 2
    for tracker in trackers:  # each head of service signs off their first open action
        workbook = openpyxl.load_workbook(tracker)
        sheet = workbook["Actions"]
        header = next(r for r in range(1, 20) if sheet.cell(r, 1).value == "Action id")
        headings = [c.value for c in sheet[header]]
        row = next(r for r in range(header + 1, sheet.max_row + 1)
                   if sheet.cell(r, headings.index("State") + 1).value == "open")
        sheet.cell(row, headings.index("Manager's sign-off date") + 1).value = dt.datetime(2026, 11, 13)
        sheet.cell(row, headings.index("Signed off by") + 1).value = "A. Manager"
        workbook.save(tracker)
    result = run_cli("actions", "--update", *[str(t.relative_to(example_service)) for t in trackers],
                     "--today", TODAY)
    assert result.exit_code == 0, result.stderr
    assert "2 audits updated" in result.stderr and "AF103" not in result.stderr


@pytest.mark.skipif("actions" not in COMMANDS or "report" not in COMMANDS, reason="no actions or report command")
def test_a_month_alone_and_its_board_paper_left_out(run_cli, example_service: Path):
    """``actions months/2026-10`` lists that month's actions (a folder is not a tool); the
    month's Word board paper beside the audits is auditforms' own and is left out."""
    assert run_cli("month", "report", "2026-10", "--format", "docx").exit_code == 0
    result = run_cli("actions", "months/2026-10", "--today", TODAY, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert "AF707" not in result.stderr
    assert {a["audit_id"][:7] for a in json.loads(result.stdout)["actions"]} == {"2026-10"}


def test_a_tracker_saved_as_ods_among_the_trackers_is_named(run_cli, example_service: Path):
    """``--update a.xlsx b.ods``: every spreadsheet given is a tracker (the .ods was taken for
    audits, and the run said no audits were found)."""
    assert run_cli("actions", "--today", TODAY, "--split-by", "head_of_service", "-o", "trackers").exit_code == 0
    first = sorted((example_service / "trackers").glob("*.xlsx"))[0]
    (example_service / "returned.ods").write_bytes(b"PK\x03\x04 not really a spreadsheet")
    result = run_cli("actions", "--update", str(first.relative_to(example_service)), "returned.ods",
                     "--today", TODAY)
    assert "returned.ods" in result.stderr and "AF955" in result.stderr, result.stderr
    assert "no audits" not in result.stderr


@pytest.mark.skipif("actions" not in COMMANDS or "report" not in COMMANDS, reason="no actions or report command")
def test_the_settings_marking_is_on_everything_the_month_writes(run_cli, example_service: Path):
    """auditforms.yaml's ``marking: OFFICIAL-SENSITIVE`` (Torbay's tool declares none) heads the
    trackers, the reminders, the report in every format, the month's forms and their index."""
    import email
    import email.policy

    import docx
    import openpyxl

    mark = "OFFICIAL-SENSITIVE"
    assert run_cli("actions", "--today", TODAY, "--split-by", "team", "-o", "trackers").exit_code == 0
    tracker = next((example_service / "trackers").glob("*.xlsx"))
    assert openpyxl.load_workbook(tracker)["Actions"]["A1"].value == mark
    assert run_cli("actions", "--today", TODAY, "--remind", "-o", "outbox").exit_code in (0, 1)
    message = email.message_from_bytes(next((example_service / "outbox").glob("*.eml")).read_bytes(),
                                       policy=email.policy.default)
    assert message["Subject"].startswith(mark)
    month = example_service / "months" / "2026-10"
    assert run_cli("month", "report", "2026-10", "--format", "json").exit_code == 0
    assert json.loads((month / "report-2026-10.json").read_text())["marking"] == mark
    assert run_cli("month", "report", "2026-10", "--format", "docx").exit_code == 0
    paper = docx.Document(str(month / "report-2026-10.docx"))
    assert paper.sections[0].header.paragraphs[0].text == mark == paper.sections[0].footer.paragraphs[0].text
    assert run_cli("month", "report", "2026-10").exit_code == 0
    assert f'aria-label="Protective marking">{mark}<' in (month / "report-2026-10.html").read_text()
    assert run_cli("month", "start", "2026-11", "--date", "2026-11-02").exit_code == 0
    forms = example_service / "months" / "2026-11" / "forms"
    assert mark in next(forms.glob("2026-11-*.html")).read_text()
    index = (forms / "index.html").read_text()  # it names the children and who audits them
    assert index.count(f'aria-label="Protective marking">{mark}<') == 2  # at the top and the foot


@pytest.mark.skipif("report" not in COMMANDS, reason="this version has no report command")
def test_month_report_counts_octobers_returned_audits(run_cli, example_service: Path):
    result = run_cli("month", "report", "2026-10", "--format", "json")
    assert result.exit_code == 0, result.stderr
    report = json.loads((example_service / "months" / "2026-10" / "report-2026-10.json").read_text())
    assert report["coverage"]["counted"] == 19
    assert report["coverage"]["by_basis"] == {"final": 12, "moderated": 5, "submitted": 2}
    month = report["sample"][0]
    assert (month["month"], month["drawn"], month["returned"], month["moderated"], month["final"]) == \
        ("2026-10", 20, 19, 17, 12)
    assert month["on_time"]["count"] == 18  # one came back after its due date
    overall = report["headline"]["overall_good"]
    assert (overall["count"], overall["total"], report["headline"]["overall_target"]["met"]) == (15, 19, False)


def test_november_leaves_octobers_children_out(run_cli, example_service: Path):
    started = run_cli("month", "start", "2026-11", "--date", "2026-11-02", "--seed", "1")
    assert started.exit_code == 0, started.stderr
    months = example_service / "months"
    assert not children_of(months / "2026-10" / "sample.csv") & children_of(months / "2026-11" / "sample.csv")
    with_october = int(re.search(r"(\d+) audited in the last 6 months", started.stderr).group(1))
    # The same draw without October's returns: the 19 returned children are the difference.
    control = run_cli("sample", "--date", "2026-11-02", "--seed", "1", "--audits", "data", "-o", "c.csv")
    assert control.exit_code == 0, control.stderr
    without = int(re.search(r"(\d+) audited in the last 6 months", control.stderr).group(1))
    assert with_october - without == len(returned_children(months / "2026-10" / "forms")) == 19


def test_every_shipped_audit_passes_check(run_cli):
    result = run_cli("check", ROOT / "definitions" / "torbay-full-audit.yaml", SHIPPED / "forms" / "returned",
                     "--period", "2026-10", "--format", "json")
    assert result.exit_code == 0, result.stdout
    summary = json.loads(result.stdout)["summary"]
    # One realistic warning: the late audit's thin impact, the moderator's advice before moderation.
    assert (summary["audits"], summary["passed"], summary["errors"], summary["warnings"]) == (19, 19, 0, 1)


def test_the_shipped_month_is_what_its_script_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    spec = importlib.util.spec_from_file_location("make_example_month", ROOT / "examples" / "make_example_month.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.syspath_prepend(str(ROOT / "examples"))
    spec.loader.exec_module(module)
    target = tmp_path / "2026-10"
    module.main(target)
    made = {p.relative_to(target): p.read_bytes() for p in target.rglob("*") if p.is_file()}
    shipped = {p.relative_to(SHIPPED): p.read_bytes() for p in SHIPPED.rglob("*") if p.is_file()}
    assert made.keys() == shipped.keys()
    assert [name for name in made if made[name] != shipped[name]] == []


def test_sample_in_the_folder_draws_october_again_as_it_was(run_cli, example_service: Path):
    """Inside the folder --audits defaults to every month's returns; only the months before the
    draw's count, as for month start: October drawn again counted its own 19 returns (and any
    later month's), 49 audited instead of 30, and drew other children."""
    assert run_cli("month", "start", "2026-11", "--date", "2026-11-02").exit_code == 0
    result = run_cli("sample", "-o", "again.csv", "--seed", "20261001", "--date", "2026-10-01", "-n", "20")
    assert result.exit_code == 0, result.stderr
    assert "30 audited in the last 6 months" in result.stderr
    assert (example_service / "again.csv").read_bytes() == (SHIPPED / "sample.csv").read_bytes()


def test_the_shipped_sample_is_month_starts_draw(run_cli, fresh_service: Path):
    """``month start 2026-10`` with the recorded seed and date draws the shipped sample again."""
    settings = fresh_service / "auditforms.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("size: 5", "size: 20"), encoding="utf-8")
    started = run_cli("month", "start", "2026-10", "--seed", "20261001", "--date", "2026-10-01")
    assert started.exit_code == 0, started.stderr
    drawn = fresh_service / "months" / "2026-10"
    assert (drawn / "sample.csv").read_bytes() == (SHIPPED / "sample.csv").read_bytes()
    meta, shipped = (json.loads((folder / "sample.meta.json").read_text("utf-8")) for folder in (drawn, SHIPPED))
    # every input named relative to the service folder, as the example names them (it recorded
    # /home/…/data/case-list.csv): the whole record is the shipped one
    assert meta == shipped
