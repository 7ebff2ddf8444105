"""``auditforms actions`` end to end: listing, trackers, sign-off back into the audits, reminders."""

from __future__ import annotations

import csv
import datetime as dt
import email
import email.policy
import hashlib
import io
import json
import os
from pathlib import Path

import pytest
from actions_support import ROOT, audit_folder, edit_tracker

TORBAY = ROOT / "definitions" / "torbay-full-audit.yaml"
TODAY = "2026-12-10"
SIGN = "Manager's sign-off date"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    audit_folder(tmp_path)
    return tmp_path


def test_text_listing_groups_by_area_and_team(run_cli, folder: Path) -> None:
    result = run_cli("actions", TORBAY, folder / "audits", "--today", TODAY, "--teams", folder / "teams.csv")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == ("Actions of Torbay full audit tool on 2026-12-10: 4 actions: 2 overdue, "
                        "1 due within 7 days, 1 no longer required in 2 audits")
    assert "Children in care: 2 actions: 1 overdue, 1 no longer required" in lines
    assert "  Team South: 2 actions: 1 overdue, 1 no longer required" in lines
    assert any(line.startswith("    2026-11-0500:1  child C0500") and "Overdue by 10 days" in line for line in lines)


def test_without_teams_file_actions_group_by_the_audits_team(run_cli, folder: Path) -> None:
    result = run_cli("actions", TORBAY, folder / "audits", "--today", TODAY)
    assert result.exit_code == 0
    assert "No teams file" in result.stdout and "Team South: 2 actions" in result.stdout
    split = run_cli("actions", TORBAY, folder / "audits", "--split-by", "head_of_service", "-o", folder / "t")
    assert split.exit_code == 1 and "AF962" in split.stderr and not (folder / "t").exists()


def test_csv_has_stable_keys_iso_dates_and_guarded_cells(run_cli, folder: Path) -> None:
    from actions_support import action, audit, write

    write(folder / "audits", "d.json", audit("2026-11-0700", actions=[action("=HYPERLINK(\"http://x\")")]))
    result = run_cli("actions", TORBAY, folder / "audits", "--today", TODAY, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    assert list(rows[0])[:4] == ["action_id", "audit_id", "child_id", "area"]
    by_id = {r["action_id"]: r for r in rows}
    assert by_id["2026-11-0500:1"]["completion_date"] == "2026-11-30"
    assert by_id["2026-11-0500:1"]["days_overdue"] == "10"
    assert by_id["2026-11-0700:1"]["action"].startswith("'=")


def test_json_counts(run_cli, folder: Path) -> None:
    result = run_cli("actions", TORBAY, folder / "audits", "--today", TODAY, "--format", "json",
                     "--teams", folder / "teams.csv")
    data = json.loads(result.stdout)
    assert data["counts"]["total"] == 4 and data["counts"]["overdue"] == 2
    assert [a["area"] for a in data["areas"]] == ["Children in care", "Safeguarding"]


def _trackers(run_cli, folder: Path) -> Path:
    out = folder / "trackers"
    result = run_cli("actions", TORBAY, folder / "audits", "--today", TODAY, "--teams", folder / "teams.csv",
                     "--split-by", "head_of_service", "-o", out)
    assert result.exit_code == 0, result.output
    return out


def test_only_unreadable_audits_is_invalid_input_not_a_usage_error(run_cli, tmp_path: Path) -> None:
    """Exit 2 said the command was used wrong; the files were bad: exit 1, as the docs say."""
    bad = tmp_path / "bad.json"
    bad.write_text('{"a": NaN}')
    result = run_cli("actions", TORBAY, bad, "--today", TODAY)
    assert result.exit_code == 1
    assert "bad.json:1:7: error[AF108]" in result.stderr and "no audit could be read" in result.stderr


def test_force_replaces_only_what_auditforms_wrote(run_cli, folder: Path, monkeypatch) -> None:
    """--force deleted everything in the folder: a manager's own file and sub-folder went with
    the old trackers. Now this run's files and the last run's are replaced, the rest kept."""
    out = _trackers(run_cli, folder)
    (out / "precious.txt").write_text("the manager's own notes")
    (out / "sub").mkdir()
    (out / "sub" / "minutes.docx").write_bytes(b"minutes")
    (out / "~$h-alpha.xlsx").write_bytes(b"Excel's lock of an old tracker")  # not kept: --update would refuse
    again = run_cli("actions", TORBAY, folder / "audits", "--today", TODAY, "--teams", folder / "teams.csv",
                    "--split-by", "team", "-o", out, "--force")
    assert again.exit_code == 0, again.output
    assert "kept 2 files this run did not write" in again.stderr and not (out / "~$h-alpha.xlsx").exists()
    assert (out / "precious.txt").read_text() == "the manager's own notes"
    assert (out / "sub" / "minutes.docx").read_bytes() == b"minutes"
    # the head-of-service trackers of the first run are gone: they were auditforms' own
    assert sorted(p.name for p in out.glob("*.xlsx")) == ["fictional-team-north.xlsx", "team-south.xlsx"]
    monkeypatch.chdir(out)
    here = run_cli("actions", TORBAY, folder / "audits", "--today", TODAY, "--split-by", "team", "-o", ".",
                   "--force")
    assert here.exit_code == 2 and "is the folder you are in" in here.stderr
    assert not list(folder.glob(".*old*")) and (out / "precious.txt").exists()


def test_split_trackers_one_per_head_of_service(run_cli, folder: Path) -> None:
    import openpyxl

    out = _trackers(run_cli, folder)
    # the trackers, and the hidden list of what this run wrote (so --force replaces just those)
    assert sorted(p.name for p in out.iterdir()) == [".auditforms-written", "h-alpha.xlsx", "h-beta.xlsx"]
    listed = (out / ".auditforms-written").read_text().splitlines()  # as sha256sum writes: digest, 2 spaces, name
    assert [line[66:] for line in listed] == ["h-alpha.xlsx", "h-beta.xlsx"]
    assert listed[0][:64] == hashlib.sha256((out / "h-alpha.xlsx").read_bytes()).hexdigest()
    if hasattr(os, "fchmod"):  # colleagues sharing the folder open it: not mkdtemp's owner-only 0700
        mask = os.umask(0o022)
        os.umask(mask)
        assert out.stat().st_mode & 0o777 == 0o777 & ~mask
    workbook = openpyxl.load_workbook(out / "h-alpha.xlsx")
    sheet = workbook["Actions"]
    assert sheet.protection.sheet and "Actions" in sheet.tables
    assert sheet.freeze_panes == "B5"
    assert workbook["about"].sheet_state == "hidden"
    assert sheet.column_dimensions["R"].hidden  # the fingerprint
    again = run_cli("actions", TORBAY, folder / "audits", "--teams", folder / "teams.csv",
                    "--split-by", "team", "-o", out)
    assert again.exit_code == 2 and "already exists" in again.stderr


def _update(run_cli, folder: Path, *trackers: Path, by: str | None = None):
    args = ["actions", TORBAY, folder / "audits", "--today", TODAY, "--update", *trackers]
    return run_cli(*args, *(["--by", by] if by else []))


def test_sign_off_is_written_with_history_and_a_second_run_changes_nothing(run_cli, folder: Path) -> None:
    out = _trackers(run_cli, folder)
    filled = {SIGN: dt.datetime(2026, 12, 8), "Signed off by": "D. Manager"}
    edit_tracker(out / "h-alpha.xlsx", {"2026-11-0412:1": filled})
    before = (folder / "audits" / "b.json").read_bytes()
    first = _update(run_cli, folder, out / "h-alpha.xlsx")
    assert first.exit_code == 0, first.output
    assert first.stdout.startswith("2026-11-0412:1: signed off 2026-12-08 by D. Manager")
    document = json.loads((folder / "audits" / "a.json").read_text())
    assert document["answers"]["actions"][0]["sign-off-date"] == "2026-12-08"
    event = document["history"][-1]
    assert (event["event"], event["role"], event["name"], event["details"]) == (
        "action-signed-off", "manager", "D. Manager", {"action": "2026-11-0412:1", "with_update": False})
    assert (folder / "audits" / "b.json").read_bytes() == before
    saved = (folder / "audits" / "a.json").read_bytes()
    second = _update(run_cli, folder, out / "h-alpha.xlsx")
    assert second.exit_code == 0 and second.stdout == ""
    assert "1 already up to date" in second.stderr
    assert (folder / "audits" / "a.json").read_bytes() == saved


def test_rows_resorted_still_match_by_id(run_cli, folder: Path) -> None:
    import openpyxl

    out = _trackers(run_cli, folder)
    path = out / "h-alpha.xlsx"
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Actions"]
    first = [c.value for c in sheet[5]]
    second = [c.value for c in sheet[6]]
    for col, (a, b) in enumerate(zip(first, second, strict=True), start=1):
        sheet.cell(5, col).value, sheet.cell(6, col).value = b, a
    workbook.save(path)
    edit_tracker(path, {"2026-11-0412:2": {SIGN: "09/12/2026", "Signed off by": "D. Manager"}})
    assert _update(run_cli, folder, path).exit_code == 0
    rows = json.loads((folder / "audits" / "a.json").read_text())["answers"]["actions"]
    assert rows[1]["sign-off-date"] == "2026-12-09" and "sign-off-date" not in rows[0]


@pytest.mark.parametrize(("value", "fragment"), [
    (dt.datetime(2026, 12, 11), "is in the future"),
    (dt.datetime(2026, 11, 1), "before the audit date 2026-11-12"),
    ("next week", "the sign-off date: not a date; write dd/mm/yyyy or yyyy-mm-dd"),
    ("31/02/2026", "not a real date"),
    ("2026-13-01", "not a real date"),
])
def test_bad_sign_off_dates_are_located_and_nothing_is_written(run_cli, folder: Path, value: object,
                                                               fragment: str) -> None:
    out = _trackers(run_cli, folder)
    edit_tracker(out / "h-alpha.xlsx", {"2026-11-0412:1": {SIGN: value, "Signed off by": "D. Manager"}})
    before = (folder / "audits" / "a.json").read_bytes()
    result = _update(run_cli, folder, out / "h-alpha.xlsx")
    assert result.exit_code == 1
    assert "h-alpha.xlsx:5:12: error[AF958]" in result.stderr and fragment in result.stderr
    assert (folder / "audits" / "a.json").read_bytes() == before


def test_a_different_existing_sign_off_is_a_conflict(run_cli, folder: Path) -> None:
    out = _trackers(run_cli, folder)
    edit_tracker(out / "h-beta.xlsx", {
        "2026-11-0500:2": {SIGN: dt.datetime(2026, 12, 3), "Signed off by": "D. Manager"},
        "2026-11-0500:1": {SIGN: dt.datetime(2026, 12, 4), "Signed off by": "D. Manager"}})
    result = _update(run_cli, folder, out / "h-beta.xlsx")
    assert result.exit_code == 1
    assert "error[AF959] action 2026-11-0500:2 is already signed off on 2026-12-02" in result.stderr
    rows = json.loads((folder / "audits" / "b.json").read_text())["answers"]["actions"]
    assert rows[1]["sign-off-date"] == "2026-12-02" and rows[0]["sign-off-date"] == "2026-12-04"


def test_two_trackers_disagreeing_write_nothing_for_that_action(run_cli, folder: Path) -> None:
    out = _trackers(run_cli, folder)
    copy = folder / "copy.xlsx"
    copy.write_bytes((out / "h-alpha.xlsx").read_bytes())
    edit_tracker(out / "h-alpha.xlsx", {"2026-11-0412:1": {SIGN: dt.datetime(2026, 12, 8)}})
    edit_tracker(copy, {"2026-11-0412:1": {SIGN: dt.datetime(2026, 12, 9)}})
    result = _update(run_cli, folder, out / "h-alpha.xlsx", copy, by="D. Manager")
    assert result.exit_code == 1 and "AF959" in result.stderr
    assert "sign-off-date" not in json.loads((folder / "audits" / "a.json").read_text())["answers"]["actions"][0]


def test_an_audit_whose_rows_changed_is_detected_by_the_fingerprint(run_cli, folder: Path) -> None:
    out = _trackers(run_cli, folder)
    path = folder / "audits" / "a.json"
    document = json.loads(path.read_text())
    document["answers"]["actions"].reverse()
    path.write_text(json.dumps(document))
    edit_tracker(out / "h-alpha.xlsx", {"2026-11-0412:1": {SIGN: dt.datetime(2026, 12, 8)}})
    result = _update(run_cli, folder, out / "h-alpha.xlsx", by="D. Manager")
    assert result.exit_code == 1 and "error[AF957]" in result.stderr and "has changed since" in result.stderr
    assert json.loads(path.read_text()) == document


def test_a_row_naming_nobody_is_the_trackers_manager_s(run_cli, folder: Path) -> None:
    """The tracker was made for H. Alpha (its about sheet), head of service of the row's team:
    a sign-off nobody is named for is hers, as a manager."""
    out = _trackers(run_cli, folder)
    edit_tracker(out / "h-alpha.xlsx", {"2026-11-0412:1": {SIGN: dt.datetime(2026, 12, 8)}})
    result = _update(run_cli, folder, out / "h-alpha.xlsx")
    assert result.exit_code == 0, result.output
    event = json.loads((folder / "audits" / "a.json").read_text())["history"][-1]
    assert (event["name"], event["role"]) == ("H. Alpha", "manager")


def test_nobody_named_in_a_tracker_for_nobody_is_refused(run_cli, folder: Path) -> None:
    listing = folder / "all.xlsx"
    made = run_cli("actions", TORBAY, folder / "audits", "--today", TODAY, "--format", "xlsx", "-o", listing)
    assert made.exit_code == 0, made.output
    edit_tracker(listing, {"2026-11-0412:1": {SIGN: dt.datetime(2026, 12, 8)}})
    result = _update(run_cli, folder, listing)
    assert result.exit_code == 1
    assert "all.xlsx:5:13: error[AF958] nobody is named for this sign-off" in result.stderr
    by = _update(run_cli, folder, listing, by="T. North")
    assert by.exit_code == 0, by.output
    event = json.loads((folder / "audits" / "a.json").read_text())["history"][-1]
    assert (event["name"], event["role"]) == ("T. North", "manager")


def test_foreign_half_written_and_open_workbooks(run_cli, folder: Path) -> None:
    import xlsxwriter

    out = _trackers(run_cli, folder)
    foreign = folder / "foreign.xlsx"
    workbook = xlsxwriter.Workbook(str(foreign))
    workbook.add_worksheet().write(0, 0, "Action id")
    workbook.close()
    half = folder / "half.xlsx"
    half.write_bytes((out / "h-alpha.xlsx").read_bytes()[:2000])
    opened = out / "h-beta.xlsx"
    (out / ".~lock.h-beta.xlsx#").write_text("someone")
    result = _update(run_cli, folder, foreign, half, opened, by="D. Manager")
    assert result.exit_code == 1
    assert "foreign.xlsx: error[AF956] not an actions tracker" in result.stderr
    assert "half.xlsx: error[AF955] cannot be read as an Excel workbook" in result.stderr
    assert "h-beta.xlsx: error[AF955] the workbook is open in another program" in result.stderr
    assert "Traceback" not in result.output


def test_a_tracker_of_other_audits_is_reported_row_by_row(run_cli, folder: Path) -> None:
    out = _trackers(run_cli, folder)
    edit_tracker(out / "h-alpha.xlsx", {"2026-11-0412:1": {SIGN: dt.datetime(2026, 12, 8)}})
    result = run_cli("actions", TORBAY, folder / "audits" / "b.json", "--today", TODAY, "--update",
                     out / "h-alpha.xlsx", "--by", "D. Manager")
    assert result.exit_code == 1 and "h-alpha.xlsx:5:1: error[AF957] no action 2026-11-0412:1" in result.stderr


def test_yaml_and_word_audits_are_not_written_back(tmp_path: Path) -> None:
    from actions_support import torbay

    from auditforms.cli.actions_files import _why_not_writable
    from auditforms.cli.common import LoadedDefinition

    tool = LoadedDefinition(torbay())
    assert "Word form cannot be written back" in (_why_not_writable(tool, tmp_path / "a.docx", []) or "")
    assert "only JSON audits" in (_why_not_writable(tool, tmp_path / "a.yaml", []) or "")


def test_a_lock_held_by_another_run_writes_nothing(run_cli, folder: Path) -> None:
    out = _trackers(run_cli, folder)
    edit_tracker(out / "h-alpha.xlsx", {"2026-11-0412:1": {SIGN: dt.datetime(2026, 12, 8)}})
    (folder / "audits" / ".auditforms-actions.lock").write_text("1")
    before = (folder / "audits" / "a.json").read_bytes()
    result = _update(run_cli, folder, out / "h-alpha.xlsx", by="D. Manager")
    assert result.exit_code == 1 and "another run is updating" in result.stderr
    assert (folder / "audits" / "a.json").read_bytes() == before


def test_duplicate_audit_ids_and_unreadable_audits(run_cli, folder: Path) -> None:
    another_child = json.loads((folder / "audits" / "a.json").read_text())
    another_child["answers"]["child-id"] = "C0999"  # a different audit given the same id
    (folder / "audits" / "e.json").write_text(json.dumps(another_child))
    (folder / "audits" / "f.json").write_text("{not json")
    result = run_cli("actions", TORBAY, folder / "audits", "--today", TODAY)
    assert result.exit_code == 1
    assert "e.json: error[AF954] the audit_id 2026-11-0412 is also the id of" in result.stderr
    assert "f.json:1:2: error[AF105]" in result.stderr
    assert "4 actions" in result.stdout


def test_reminders_are_eml_files_with_the_marking_and_the_manager_copied(run_cli, tmp_path: Path) -> None:
    from actions_support import action, audit, write

    audits = tmp_path / "audits"
    audits.mkdir()
    document = audit(team="Fictional Team North", actions=[action("Visit.", person="A. Worker", due="2026-12-01")])
    document["definition"] = {"id": "multi-agency-children-in-care", "version": "1.0.0"}
    document["answers"] = {"case-id": "C1", "agency-team": "Fictional Team North", "audit-date": "2026-11-12",
                           "actions": document["answers"]["actions"]}
    write(audits, "a.json", document)
    (tmp_path / "teams.csv").write_text(audit_teams(), encoding="utf-8")
    (tmp_path / "people.csv").write_text("Name,Email\nA. Worker,a.worker@example.org\n", encoding="utf-8")
    result = run_cli("actions", ROOT / "definitions" / "multi-agency-children-in-care.yaml", audits,
                     "--today", TODAY, "--teams", tmp_path / "teams.csv", "--people", tmp_path / "people.csv",
                     "--remind", "-o", tmp_path / "outbox")
    assert result.exit_code == 0, result.output
    message = email.message_from_bytes((tmp_path / "outbox" / "a-worker.eml").read_bytes(),
                                       policy=email.policy.default)
    assert message["Subject"] == "RESTRICTED WHEN COMPLETED: Audit actions for A. Worker: 1 overdue"
    assert message["To"].addresses[0].addr_spec == "a.worker@example.org"
    assert message["Cc"].addresses[0].addr_spec == "t.north@example.org"
    body = message.get_content()
    assert "2026-11-0412:1" in body and "Overdue by 9 days" in body and "Visit." in body


def test_reminders_go_to_a_manager_who_owns_the_action_and_say_when_nobody_has_an_address(
        run_cli, tmp_path: Path) -> None:
    """A team manager who owns an action is written to directly (it said "For the attention of
    T. North's manager" to T. North); a reminder with no address at all says so, not "addressed
    to their team manager"."""
    from actions_support import action, audit, write

    audits = tmp_path / "audits"
    audits.mkdir()
    write(audits, "a.json", audit("2026-11-0412", team="Fictional Team North", actions=[
        action("Supervise.", person="T. North", due="2026-12-20")]))
    write(audits, "b.json", audit("2026-11-0413", child="C0413", team="Team Nowhere", actions=[
        action("Visit.", person="B. Worker", due="2026-12-20")]))
    (tmp_path / "teams.csv").write_text(audit_teams(), encoding="utf-8")
    result = run_cli("actions", TORBAY, audits, "--today", TODAY, "--teams", tmp_path / "teams.csv",
                     "--remind", "-o", tmp_path / "outbox")
    assert result.exit_code == 0, result.output
    north = email.message_from_bytes((tmp_path / "outbox" / "t-north.eml").read_bytes(), policy=email.policy.default)
    assert north["To"].addresses[0].addr_spec == "t.north@example.org" and north["Cc"] is None
    body = north.get_content()
    assert body.splitlines()[0].startswith("Dear T. North,")
    assert "(as at 10 December 2026)" in body and "completion date 20 December 2026" in body
    nobody = email.message_from_bytes((tmp_path / "outbox" / "b-worker.eml").read_bytes(), policy=email.policy.default)
    assert nobody["To"] is None
    assert "1 reminder of 2 has no address at all" in result.stderr
    assert "addressed to their team manager" not in result.stderr


def audit_teams() -> str:
    from actions_support import TEAMS_CSV

    return TEAMS_CSV


def test_a_word_form_audit_is_listed_but_not_written_back(run_cli, folder: Path, monkeypatch) -> None:
    """A moderated Word form (read through extract) is listed; its sign-off is refused clearly."""
    from actions_support import audit

    import auditforms.extract

    form = folder / "audits" / "d.docx"
    form.write_bytes(b"stand-in for a filled Word form")
    document = audit("2026-11-0800", team="Fictional Team North")
    monkeypatch.setattr(auditforms.extract, "extract_docx", lambda definition, data, name: (document, []))
    out = _trackers(run_cli, folder)
    edit_tracker(out / "h-alpha.xlsx", {"2026-11-0800:1": {SIGN: dt.datetime(2026, 12, 8)},
                                        "2026-11-0412:1": {SIGN: dt.datetime(2026, 12, 8)}})
    before = (folder / "audits" / "a.json").read_bytes()
    result = run_cli("actions", TORBAY, folder / "audits", "--today", TODAY, "--update",
                     out / "h-alpha.xlsx", "--by", "D. Manager")
    assert result.exit_code == 1
    assert "d.docx: error[AF960] a Word form cannot be written back" in result.stderr
    assert (folder / "audits" / "a.json").read_bytes() == before  # all or nothing


def test_a_row_without_an_action_id_and_a_tracker_of_another_tool(run_cli, folder: Path) -> None:
    import openpyxl

    out = _trackers(run_cli, folder)
    path = out / "h-alpha.xlsx"
    workbook = openpyxl.load_workbook(path)
    workbook["Actions"]["A5"].value = None
    workbook["Actions"]["L5"].value = dt.datetime(2026, 12, 8)
    workbook.save(path)
    other = out / "h-beta.xlsx"
    workbook = openpyxl.load_workbook(other)
    workbook["about"]["B3"].value = "multi-agency-children-in-care"
    workbook.save(other)
    result = _update(run_cli, folder, path, other, by="D. Manager")
    assert result.exit_code == 1
    assert "h-alpha.xlsx:5:1: error[AF957] this row has a sign-off or update but no action id" in result.stderr
    assert "h-beta.xlsx: error[AF956] a tracker of the tool multi-agency-children-in-care" in result.stderr


def test_split_csv_per_team_and_usage_errors(run_cli, folder: Path) -> None:
    out = folder / "by-team"
    result = run_cli("actions", TORBAY, folder / "audits", "--split-by", "team", "--format", "csv", "-o", out)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.glob("*.csv")) == ["fictional-team-north.csv", "team-south.csv"]
    assert not [p for p in folder.iterdir() if p.name.startswith(".by-team")]  # no staging folder left
    assert run_cli("actions", TORBAY, folder / "audits", "--format", "xlsx").exit_code == 2
    both = run_cli("actions", TORBAY, folder / "audits", "--remind", "--split-by", "team", "-o", out)
    assert both.exit_code == 2 and "one of --split-by, --update and --remind" in both.output


def test_an_audit_changed_between_reading_and_writing_stops_every_write(tmp_path: Path) -> None:
    from actions_support import audit, torbay, write

    from auditforms.actions import collect
    from auditforms.actions.signoff import Change
    from auditforms.cli.actions_files import prepare_writes
    from auditforms.cli.common import LoadedDefinition

    first = write(tmp_path, "a.json", audit())
    second = write(tmp_path, "b.json", audit("2026-11-0500"))
    changes = {str(p): [Change(collect(torbay(), audit(i), file=str(p))[0], dt.date(2026, 12, 8), None, "D", "t")]
               for p, i in ((first, "2026-11-0412"), (second, "2026-11-0500"))}
    document = audit("2026-11-0500")
    document["answers"]["actions"].reverse()
    write(tmp_path, "b.json", document)
    problems: list = []
    assert prepare_writes(LoadedDefinition(torbay()), changes, "2026-12-10T09:00:00Z", problems) == {}
    assert [(p.code, Path(p.file).name) for p in problems] == [("AF960", "b.json")]
    assert "changed since it was read" in problems[0].message


def test_a_tracker_worker_that_dies_costs_time_never_a_tracker(run_cli, folder: Path, monkeypatch) -> None:
    """A worker killed while writing trackers (out of memory, or by hand) neither stops the run
    with a traceback nor leaves a half-written tracker: the trackers are written in the command."""
    import os
    import signal

    import openpyxl

    from auditforms.cli import actions_render

    def cells(out: Path) -> dict[str, list[tuple[object, ...]]]:
        return {p.name: list(openpyxl.load_workbook(p)["Actions"].iter_rows(values_only=True))
                for p in sorted(out.glob("*.xlsx"))}

    def split(out: Path):
        return run_cli("actions", TORBAY, folder / "audits", "--today", TODAY, "--teams", folder / "teams.csv",
                       "--split-by", "team", "-o", out)

    assert split(folder / "one").exit_code == 0
    monkeypatch.setattr(actions_render, "PARALLEL_FROM_ROWS", 0)
    monkeypatch.setattr("auditforms.cli.workers.os.cpu_count", lambda: 2)
    monkeypatch.setenv("AUDITFORMS_WORKERS", "2")
    write_index = actions_render._write_index

    def dying(index: int) -> None:
        if index == 0:
            os.kill(os.getpid(), signal.SIGKILL)
        write_index(index)

    dying.__module__, dying.__qualname__ = actions_render.__name__, "_write_index"  # sent to workers by name
    monkeypatch.setattr(actions_render, "_write_index", dying)
    broken = split(folder / "broken")
    assert broken.exit_code == 0, broken.output
    assert len(cells(folder / "one")) >= 2 and cells(folder / "broken") == cells(folder / "one")


def test_a_line_break_in_a_name_or_address_never_reaches_a_header(run_cli, tmp_path: Path) -> None:
    """A person "Mo\\r\\nBcc: x@example.org" or --from with a line break crashed (ValueError from
    the e-mail library); nothing was injected, but the run stopped. Now the name is one line
    and never an address, and --from takes one address."""
    from actions_support import action, audit, write

    audits = tmp_path / "audits"
    audits.mkdir()
    write(audits, "a.json", audit("2026-11-0412", actions=[action("Visit.", person="Mo\r\nBcc: x@example.org",
                                                                  due="2026-12-20")]))
    result = run_cli("actions", TORBAY, audits, "--today", TODAY, "--remind", "-o", tmp_path / "outbox")
    assert result.exit_code == 0, result.output
    (eml,) = (tmp_path / "outbox").glob("*.eml")
    message = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    assert message["Bcc"] is None and message["To"] is None
    assert message["Subject"].endswith("for Mo Bcc: x@example.org: 1 open")
    bad_from = run_cli("actions", TORBAY, audits, "--today", TODAY, "--remind", "-o", tmp_path / "o2",
                       "--from", "a@b.org\r\nBcc: c@d.org")
    assert bad_from.exit_code == 2 and "give one e-mail address" in bad_from.stderr
