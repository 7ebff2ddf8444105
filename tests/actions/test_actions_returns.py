"""Trackers coming back from managers, as a team or service manager fills them in: when an action
is no longer required, who is recorded, rows that say too little, corrections, --force over a
returned tracker, reminders per manager, and the files that are not trackers."""

from __future__ import annotations

import dataclasses
import datetime as dt
import email
import email.policy
import io
import json
from pathlib import Path

import pytest
from actions_support import TORBAY, action, audit, audit_folder, edit_tracker, split_trackers, torbay, write

from auditforms.actions import StateKind, TrackedAction, collect, state_of
from auditforms.actions.collect import updates_apart
from auditforms.actions.signoff import plan_signoffs
from auditforms.actions.tracker_read import TrackerEntry, read_tracker

TODAY = "2026-12-10"
DAY = dt.date(2026, 12, 10)
SIGN, BY, UPDATE = "Manager's sign-off date", "Signed off by", "Manager's update"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    audit_folder(tmp_path)
    return tmp_path


def _update(run_cli, folder: Path, *args: object):
    return run_cli("actions", TORBAY, folder / "audits", "--today", TODAY, "--update", *args)


def _state(folder: Path, action_id: str) -> str:
    audits = [json.loads(p.read_text()) for p in sorted((folder / "audits").glob("*.json"))]
    found = {a.id: a for document in audits for a in collect(torbay(), document)}
    return state_of(found[action_id], DAY).kind.value


def _history(folder: Path, name: str = "a.json") -> list[dict[str, object]]:
    return json.loads((folder / "audits" / name).read_text()).get("history", [])


# --- 1. no longer required only when the update comes with the sign-off ---------------------------------

def test_a_progress_note_read_back_before_the_sign_off_does_not_make_it_no_longer_required(
        run_cli, folder: Path) -> None:
    out = split_trackers(run_cli, folder)
    edit_tracker(out / "h-alpha.xlsx", {"2026-11-0412:2": {UPDATE: "Meeting booked for 10 Dec"}})
    note = _update(run_cli, folder, out / "h-alpha.xlsx")
    assert note.exit_code == 0, note.output
    assert _state(folder, "2026-11-0412:2") == "due-soon"  # an update alone closes nothing
    again = split_trackers(run_cli, folder, "--force")  # the tracker was read back: --force replaces it
    edit_tracker(again / "h-alpha.xlsx", {"2026-11-0412:2": {SIGN: dt.datetime(2026, 12, 9), BY: "T. North"}})
    signed = _update(run_cli, folder, again / "h-alpha.xlsx")
    assert signed.exit_code == 0, signed.output
    assert "2026-11-0412:2: signed off 2026-12-09 by T. North" in signed.stdout
    assert _state(folder, "2026-11-0412:2") == "signed-off"
    assert [(e["event"], e["details"]) for e in _history(folder)] == [
        ("action-updated", {"action": "2026-11-0412:2"}),
        ("action-signed-off", {"action": "2026-11-0412:2", "with_update": False})]


def test_an_update_given_with_the_sign_off_is_one_history_entry_and_no_longer_required(
        run_cli, folder: Path) -> None:
    out = split_trackers(run_cli, folder)
    edit_tracker(out / "h-alpha.xlsx", {"2026-11-0412:2": {
        SIGN: dt.datetime(2026, 12, 9), BY: "T. North", UPDATE: "The family moved out of the area."}})
    result = _update(run_cli, folder, out / "h-alpha.xlsx")
    assert result.exit_code == 0, result.output
    assert "signed off 2026-12-09 with an update (no longer required) by T. North" in result.stdout
    assert _state(folder, "2026-11-0412:2") == "no-longer-required"
    [entry] = _history(folder)
    assert (entry["event"], entry["details"]) == ("action-signed-off", {"action": "2026-11-0412:2",
                                                                        "with_update": True})


def test_a_new_update_with_the_sign_off_replaces_a_progress_note(run_cli, folder: Path) -> None:
    out = split_trackers(run_cli, folder)
    edit_tracker(out / "h-alpha.xlsx", {"2026-11-0412:2": {UPDATE: "Meeting booked for 10 Dec"}})
    assert _update(run_cli, folder, out / "h-alpha.xlsx").exit_code == 0
    again = split_trackers(run_cli, folder, "--force")
    edit_tracker(again / "h-alpha.xlsx", {"2026-11-0412:2": {
        SIGN: dt.datetime(2026, 12, 9), UPDATE: "No plan needed: the child moved to Leeds."}})
    result = _update(run_cli, folder, again / "h-alpha.xlsx")
    assert result.exit_code == 0, result.output
    assert "with a new update (no longer required)" in result.stdout
    row = json.loads((folder / "audits" / "a.json").read_text())["answers"]["actions"][1]
    assert row["update"] == "No plan needed: the child moved to Leeds."
    assert _history(folder)[-1]["details"] == {"action": "2026-11-0412:2", "with_update": True,
                                               "update_replaced": True}


BASE = TrackedAction(id="A:1", audit_id="A", row=1, file="a.json", status="moderated", child_id="C1", team="T",
                     audit_date=dt.date(2026, 11, 12), action="Do it.", owner="W", due=dt.date(2026, 12, 15),
                     signed_off=dt.date(2026, 12, 1), update="Meeting booked.", fingerprint="00000000")


@pytest.mark.parametrize(("update", "apart", "expected"), [
    ("Meeting booked.", False, StateKind.NO_LONGER_REQUIRED),  # no history: both filled in the form
    ("Meeting booked.", True, StateKind.SIGNED_OFF),  # the history shows the note came on its own
    ("No longer required: the child moved.", True, StateKind.NO_LONGER_REQUIRED),  # said explicitly
    ("  no LONGER required - moved", True, StateKind.NO_LONGER_REQUIRED),
    ("", True, StateKind.SIGNED_OFF),
])
def test_the_rule(update: str, apart: bool, expected: StateKind) -> None:
    action = dataclasses.replace(BASE, update=update, update_apart=apart)
    assert state_of(action, DAY).kind is expected


def _event(event: str, action_id: str, at: str, **details: object) -> dict[str, object]:
    return {"event": event, "role": "manager", "name": "M", "at": at, "details": {"action": action_id, **details}}


def test_the_history_says_whether_the_update_came_with_the_sign_off() -> None:
    history = [
        _event("action-signed-off", "A:1", "2026-12-01T09:00:00Z", with_update=True),
        _event("action-signed-off", "A:2", "2026-12-01T09:00:00Z"),  # as auditforms wrote both before it
        _event("action-updated", "A:2", "2026-12-01T09:00:00Z"),  # said: the update right after, same moment
        _event("action-updated", "A:3", "2026-11-20T09:00:00Z"),  # a progress note, then the sign-off
        _event("action-signed-off", "A:3", "2026-12-01T09:00:00Z"),
        _event("action-signed-off", "A:4", "2026-11-20T09:00:00Z"),  # signed off; an update added later
        _event("action-updated", "A:4", "2026-12-01T09:00:00Z"),
        _event("action-updated", "A:5", "2026-12-01T09:00:00Z"),  # a note; signed off in the form
        _event("action-signed-off", "A:6", "2026-12-01T09:00:00Z", with_update=False),  # two runs, one second
        _event("action-updated", "A:6", "2026-12-01T09:00:00Z"),
        _event("action-signed-off", "A:7", "2026-12-01T09:00:00Z"),  # before: an update of another action
        _event("action-updated", "A:1", "2026-12-01T09:00:00Z"),
        {"event": "submitted", "role": "auditor", "at": "2026-11-12T09:00:00Z"},
    ]
    assert updates_apart(history) == {"A:3", "A:4", "A:5", "A:6", "A:7"}
    assert updates_apart(None) == frozenset() and updates_apart([{"event": "action-updated"}]) == frozenset()


def test_the_monthly_reports_figures_follow_the_same_rule() -> None:
    """The board paper counts actions with ``collect`` and ``state_of``, as the trackers do."""
    document = audit(actions=[action("Do it.", due="2026-12-15", signed="2026-12-01", update="Meeting booked.")])
    assert state_of(collect(torbay(), document)[0], DAY).kind is StateKind.NO_LONGER_REQUIRED
    document["history"] = [_event("action-updated", "2026-11-0412:1", "2026-11-20T09:00:00Z"),
                           _event("action-signed-off", "2026-11-0412:1", "2026-12-01T09:00:00Z")]
    assert state_of(collect(torbay(), document)[0], DAY).kind is StateKind.SIGNED_OFF


# --- 4, 5. rows that name nobody, or give a name and no date ---------------------------------------------

def _entry(**changes: object) -> TrackerEntry:
    base = TrackerEntry("t.xlsx", 7, "A:1", "", None, "", "", (("sign_off_date", 12), ("signed_off_by", 13),
                                                               ("manager_update", 14)))
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


OPEN = dataclasses.replace(BASE, signed_off=None, update="")


def test_a_name_without_a_date_is_a_located_warning_and_not_read() -> None:
    plan = plan_signoffs({"A:1": OPEN}, [_entry(signed_off_by="I. Lund")], DAY)
    assert plan.changes == [] and plan.unchanged == 0 and plan.not_read == 1
    [problem] = plan.problems
    assert problem.format().startswith("t.xlsx:7:12: warning[AF958] 'Signed off by' is filled in but the sign-off "
                                       "date is blank")


def test_an_update_naming_nobody_is_asked_for_who_wrote_it() -> None:
    plan = plan_signoffs({"A:1": OPEN}, [_entry(update="Meeting booked.")], DAY)
    assert [p.message for p in plan.problems] == [
        "nobody is named for this update: fill in 'Signed off by' with the manager who wrote it, or pass --by NAME"]
    plan = plan_signoffs({"A:1": OPEN}, [_entry(sign_off=DAY)], DAY)
    assert "nobody is named for this sign-off: fill in 'Signed off by' with the manager who signed it off" in \
        plan.problems[0].message


def test_who_is_recorded_the_row_then_by_then_the_trackers_manager() -> None:
    plans = [plan_signoffs({"A:1": OPEN}, [_entry(update="Note.", **row)], DAY, by) for row, by in (
        ({"signed_off_by": "I. Lund", "recipient": "R. Adeyemi"}, "F. Cole"), ({"recipient": "R. Adeyemi"}, "F. Cole"),
        ({"recipient": "R. Adeyemi"}, None))]
    assert [p.changes[0].by for p in plans] == ["I. Lund", "F. Cole", "R. Adeyemi"]


def test_the_trackers_manager_is_known_only_on_rows_they_manage(run_cli, folder: Path) -> None:
    out = split_trackers(run_cli, folder)
    edit_tracker(out / "h-alpha.xlsx", {"2026-11-0412:1": {UPDATE: "Note."}})
    read = read_tracker((out / "h-alpha.xlsx").read_bytes(), "h-alpha.xlsx", torbay())
    assert [e.recipient for e in read.entries] == ["H. Alpha"]
    team = folder / "by-team"
    made = run_cli("actions", TORBAY, folder / "audits", "--teams", folder / "teams.csv", "--split-by", "team",
                   "-o", team)
    assert made.exit_code == 0
    edit_tracker(team / "fictional-team-north.xlsx", {"2026-11-0412:1": {UPDATE: "Note."}})
    read = read_tracker((team / "fictional-team-north.xlsx").read_bytes(), "t.xlsx", torbay())
    assert [e.recipient for e in read.entries] == [""]  # made for a team, not a person


def test_a_name_without_a_date_through_the_command(run_cli, folder: Path) -> None:
    out = split_trackers(run_cli, folder)
    edit_tracker(out / "h-alpha.xlsx", {"2026-11-0412:1": {BY: "T. North"}})
    result = _update(run_cli, folder, out / "h-alpha.xlsx")
    assert result.exit_code == 0
    assert "h-alpha.xlsx:5:12: warning[AF958]" in result.stderr
    assert "0 actions changed, 0 already up to date, 1 row not read" in result.stderr


# --- 6. correcting a sign-off -------------------------------------------------------------------------------

def test_a_wrong_sign_off_is_corrected_with_correct_and_recorded(run_cli, folder: Path) -> None:
    out = split_trackers(run_cli, folder)
    edit_tracker(out / "h-beta.xlsx", {"2026-11-0500:2": {SIGN: dt.datetime(2026, 12, 3), BY: "T. South"}})
    refused = _update(run_cli, folder, out / "h-beta.xlsx")
    assert refused.exit_code == 1
    assert "already signed off on 2026-12-02, not 2026-12-03; nothing is written for it; if the recorded date " \
           "is wrong, run --update again with --correct to replace it" in refused.stderr
    corrected = _update(run_cli, folder, out / "h-beta.xlsx", "--correct")
    assert corrected.exit_code == 0, corrected.output
    assert "2026-11-0500:2: sign-off corrected from 2026-12-02 to 2026-12-03 by T. South" in corrected.stdout
    rows = json.loads((folder / "audits" / "b.json").read_text())["answers"]["actions"]
    assert rows[1]["sign-off-date"] == "2026-12-03"
    entry = _history(folder, "b.json")[-1]
    assert (entry["event"], entry["name"], entry["role"], entry["details"]) == (
        "action-corrected", "T. South", "manager", {"action": "2026-11-0500:2", "sign_off_was": "2026-12-02"})
    assert _state(folder, "2026-11-0500:2") == "no-longer-required"  # as its sign-off made it
    again = _update(run_cli, folder, out / "h-beta.xlsx", "--correct")
    assert again.exit_code == 0 and again.stdout == ""
    assert run_cli("actions", TORBAY, folder / "audits", "--correct").exit_code == 2  # only with --update


def test_a_different_update_without_a_sign_off_says_how_to_replace_it(run_cli, folder: Path) -> None:
    out = split_trackers(run_cli, folder)
    edit_tracker(out / "h-beta.xlsx", {"2026-11-0500:2": {UPDATE: "Another reason."}})
    result = _update(run_cli, folder, out / "h-beta.xlsx")
    assert result.exit_code == 1 and "already has a different update" in result.stderr
    assert "given with the sign-off date, or with --correct" in result.stderr
    corrected = _update(run_cli, folder, out / "h-beta.xlsx", "--correct")
    assert corrected.exit_code == 0 and "2026-11-0500:2: update replaced by H. Beta" in corrected.stdout
    assert _history(folder, "b.json")[-1]["details"] == {"action": "2026-11-0500:2", "update_replaced": True}


# --- 2. --force never deletes a returned tracker --------------------------------------------------------

def test_force_refuses_a_tracker_changed_since_it_was_written(run_cli, folder: Path) -> None:
    out = split_trackers(run_cli, folder)
    edit_tracker(out / "h-alpha.xlsx", {"2026-11-0412:1": {SIGN: dt.datetime(2026, 12, 8), BY: "T. North"}})
    returned = (out / "h-alpha.xlsx").read_bytes()
    before = sorted(p.name for p in folder.iterdir())
    result = run_cli("actions", TORBAY, folder / "audits", "--today", TODAY, "--teams", folder / "teams.csv",
                     "--split-by", "head_of_service", "-o", out, "--force")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{out / 'h-alpha.xlsx'}: error[AF120] changed since auditforms wrote it (a returned tracker?), so --force "
        f"does not replace it: read it back with 'auditforms actions --update {out / 'h-alpha.xlsx'}' first, or "
        f"move it out of {out}; nothing was written"]
    assert (out / "h-alpha.xlsx").read_bytes() == returned and sorted(p.name for p in folder.iterdir()) == before
    assert _update(run_cli, folder, out / "h-alpha.xlsx").exit_code == 0  # read back: now it may be replaced
    assert split_trackers(run_cli, folder, "--force") == out
    assert (out / "h-alpha.xlsx").read_bytes() != returned


def test_force_refuses_a_file_it_did_not_write_or_cannot_vouch_for(run_cli, folder: Path) -> None:
    out = split_trackers(run_cli, folder)
    (out / ".auditforms-written").write_text("h-alpha.xlsx\nh-beta.xlsx\n")  # an older auditforms: names only
    result = run_cli("actions", TORBAY, folder / "audits", "--today", TODAY, "--teams", folder / "teams.csv",
                     "--split-by", "head_of_service", "-o", out, "--force")
    assert result.exit_code == 2 and "h-alpha.xlsx: error[AF120] listed by an older auditforms" in result.stderr
    (out / ".auditforms-written").unlink()  # a folder made by hand: the same names are someone else's
    result = run_cli("actions", TORBAY, folder / "audits", "--today", TODAY, "--teams", folder / "teams.csv",
                     "--split-by", "head_of_service", "-o", out, "--force")
    assert result.exit_code == 2 and "error[AF120]" in result.stderr
    assert not [p for p in folder.iterdir() if p.name.startswith(".trackers")]  # no staging folder left


# --- 3. reminders: one per person per manager -----------------------------------------------------------

def test_a_worker_in_two_teams_gets_one_reminder_per_team_manager(run_cli, folder: Path) -> None:
    outbox = folder / "outbox"
    result = run_cli("actions", TORBAY, folder / "audits", "--today", TODAY, "--teams", folder / "teams.csv",
                     "--remind", "-o", outbox)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in outbox.glob("*.eml")) == ["a-worker-t-north.eml", "a-worker-t-south.eml",
                                                            "c-worker.eml"]
    for name, manager, mine, not_mine in (("a-worker-t-north.eml", "t.north@example.org", "2026-11-0412:1",
                                           "2026-11-0500:1"),
                                          ("a-worker-t-south.eml", "t.south@example.org", "2026-11-0500:1",
                                           "2026-11-0412:1")):
        message = email.message_from_bytes((outbox / name).read_bytes(), policy=email.policy.default)
        assert [a.addr_spec for a in message["To"].addresses] == [manager]
        body = message.get_content()
        assert mine in body and not_mine not in body  # a manager sees only their own team's children


# --- 7. the formula guard is a cell format in xlsx -------------------------------------------------------

def test_an_update_starting_like_a_formula_is_quote_prefixed_and_reads_back_unchanged(
        run_cli, folder: Path) -> None:
    import openpyxl

    write(folder / "audits", "d.json", audit("2026-11-0700", actions=[
        action("=Do it", due="2026-12-20", update="- family moved")]))
    out = split_trackers(run_cli, folder)
    cell = next(row[13] for row in openpyxl.load_workbook(out / "h-alpha.xlsx")["Actions"].iter_rows(min_row=5)
                if row[0].value == "2026-11-0700:1")
    assert (cell.value, cell.quotePrefix) == ("- family moved", True)
    listing = run_cli("actions", TORBAY, folder / "audits", "--today", TODAY, "--format", "csv")
    assert ",'=Do it," in listing.stdout and ",'- family moved," in listing.stdout  # csv keeps its apostrophe
    result = _update(run_cli, folder, out / "h-alpha.xlsx")
    assert result.exit_code == 0 and result.stdout == ""  # the same update: nothing to change
    old = folder / "old.xlsx"  # a tracker from before: the apostrophe in the text is taken off
    (old).write_bytes((out / "h-alpha.xlsx").read_bytes())
    edit_tracker(old, {"2026-11-0700:1": {UPDATE: "'- family moved"}})
    assert _update(run_cli, folder, old).stdout == ""


# --- 8. files that are not trackers, and the people file ------------------------------------------------

def test_an_opendocument_or_old_excel_file_is_named_as_such() -> None:
    ods = io.BytesIO()
    import zipfile

    with zipfile.ZipFile(ods, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    found = read_tracker(ods.getvalue(), "t.ods", torbay()).problems
    assert [p.format() for p in found] == [
        "t.ods: error[AF955] this is an OpenDocument spreadsheet (.ods, LibreOffice's own format), not an .xlsx "
        "workbook; save it as .xlsx (Excel Workbook) and give that"]
    found = read_tracker(bytes.fromhex("d0cf11e0a1b11ae1") + bytes(600), "t.xls", torbay()).problems
    assert found[0].message == ("this is an Excel 97-2003 workbook (.xls) or a workbook saved with a password, not "
                                "an .xlsx workbook; save it as .xlsx (Excel Workbook, with no password) and give that")


@pytest.mark.parametrize(("row", "message"), [
    (",a@example.org", "the name is blank; this row is ignored"),
    ("A. Worker,", "the e-mail address is blank; this row is ignored"),
    ("A. Worker,a.worker.example.org", "the e-mail address is not one address (no @): write it as "
                                       "name@council.gov.uk"),
    ('A. Worker,"A <a@example.org>"', "the e-mail address is not one address: write it as name@council.gov.uk"),
])
def test_the_people_file_says_what_is_wrong_with_a_row(row: str, message: str) -> None:
    from auditforms.actions.people import read_people

    people, problems = read_people(f"Name,Email\n{row}\n".encode(), "people.csv")
    assert people == {} and len(problems) == 1 and message in problems[0].message
    assert "example.org" not in problems[0].message


def test_a_date_cell_no_date_can_be_is_one_line_not_a_python_warning(run_cli, folder: Path) -> None:
    """openpyxl warns (two lines naming site-packages) of a date cell holding serial 99999999."""
    import openpyxl

    out = split_trackers(run_cli, folder)
    edit_tracker(out / "h-alpha.xlsx", {"2026-11-0412:2": {SIGN: 99999999, BY: "T. North"}})
    workbook = openpyxl.load_workbook(out / "h-alpha.xlsx")  # the cell keeps its date format
    sheet = workbook["Actions"]
    cell = next(c for row in sheet.iter_rows() for c in row if c.value == 99999999)
    cell.number_format = "dd/mm/yyyy"
    workbook.save(out / "h-alpha.xlsx")
    import warnings

    with warnings.catch_warnings(record=True) as caught:  # pytest would hide one shown on stderr
        warnings.simplefilter("always")
        result = _update(run_cli, folder, out / "h-alpha.xlsx")
    assert [str(w.message) for w in caught] == []
    assert "error[AF958]" in result.stderr
