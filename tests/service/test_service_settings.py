"""A bad settings file is located to its line, like a definition; defaults reach the commands."""

from __future__ import annotations

from pathlib import Path


def test_a_misspelt_key_is_located_to_its_line(run_cli, example_service: Path):
    settings = example_service / "auditforms.yaml"
    settings.write_text(settings.read_text().replace("  lookback_months: 6", "  lookback_month: 6"))
    result = run_cli("month", "start", "2026-11")
    assert result.exit_code == 1
    line = next(i for i, text in enumerate(settings.read_text().splitlines(), 1)
                if "lookback_month:" in text)
    assert result.stderr.strip() == (
        f"auditforms.yaml:{line}:3: error[AF201] 'lookback_month' is not a key of a sample setting; "
        "did you mean 'lookback_months'? (/sample/lookback_month)")


def test_a_duplicate_key_and_a_wrong_type_are_errors(run_cli, example_service: Path):
    settings = example_service / "auditforms.yaml"
    settings.write_text(settings.read_text().replace("  size: 5", "  size: five"))
    result = run_cli("month", "status")
    assert result.exit_code == 1 and "error[AF203] expected a whole number here" in result.stderr
    settings.write_text(settings.read_text().replace("marking: OFFICIAL-SENSITIVE",
                                                     "marking: A\nmarking: B"))
    assert "error[AF106]" in run_cli("month", "status").stderr


def test_a_missing_file_is_shown_at_the_setting_that_names_it(run_cli, example_service: Path):
    (example_service / "data" / "auditors.csv").unlink()
    result = run_cli("month", "start", "2026-11")
    line = next(i for i, text in enumerate((example_service / "auditforms.yaml").read_text().splitlines(), 1)
                if text.startswith("auditors:"))
    assert result.exit_code == 1
    assert result.stderr.strip().startswith(
        f"auditforms.yaml:{line}:11: error[AF972] the auditors file 'data/auditors.csv' does not exist")


def test_an_unknown_tool_is_shown_at_its_line(run_cli, example_service: Path):
    settings = example_service / "auditforms.yaml"
    settings.write_text(settings.read_text().replace("dip_sample: [torbay-full-audit,",
                                                     "dip_sample: [torbay-ful-audit,"))
    result = run_cli("month", "start", "2026-11")
    assert result.exit_code == 1 and "error[AF973] no audit tool 'torbay-ful-audit'" in result.stderr


def test_a_misspelt_full_audit_tool_stops_every_command_at_its_line(run_cli, example_service: Path):
    """It was read and never checked; now nothing runs until it is put right (as the guide says)."""
    settings = example_service / "auditforms.yaml"
    settings.write_text(settings.read_text().replace("full_audit: torbay-full-audit", "full_audit: torbay-ful-audit"))
    line = next(i for i, text in enumerate(settings.read_text().splitlines(), 1) if "full_audit:" in text)
    result = run_cli("month", "status", "2026-10")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"auditforms.yaml:{line}:")
    assert "error[AF973] no audit tool 'torbay-ful-audit'" in result.stderr
    assert "did you mean torbay-full-audit" in result.stderr


def test_a_missing_teams_file_is_shown_at_its_setting(run_cli, example_service: Path):
    (example_service / "data" / "teams.csv").unlink()
    result = run_cli("actions")
    assert result.exit_code == 1 and "Usage" not in result.stderr
    assert "auditforms.yaml:" in result.stderr
    assert "error[AF972] the teams file 'data/teams.csv' does not exist" in result.stderr


def test_outside_a_service_folder_month_says_how_to_make_one(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run_cli("month", "status")
    assert result.exit_code == 2 and "error[AF970] there is no service folder here" in result.stderr


def test_existing_commands_default_from_the_settings(run_cli, example_service: Path):
    result = run_cli("sample", "-o", "out/sample.csv", "--date", "2026-11-02", "--seed", "7")
    assert result.exit_code == 0, result.stderr
    assert "drew 5 of 164 eligible children" in result.stderr  # October's returns left out
    explicit = run_cli("sample", "-o", "out/other.csv", "--date", "2026-11-02", "--seed", "7",
                       "-n", "2")
    assert "drew 2 of 164" in explicit.stderr  # the command line wins
    rendered = run_cli("render", "--sample", "out/sample.csv", "-o", "out/forms", "-f", "html")
    assert rendered.exit_code == 0, rendered.stderr
    assert len(list((example_service / "out" / "forms").glob("*.html"))) == 6  # 5 forms + index


def test_a_new_service_says_what_is_missing_at_its_line(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run_cli("init", "qa").exit_code == 0
    monkeypatch.chdir(tmp_path / "qa")
    result = run_cli("month", "start", "2026-11")
    line = next(i for i, text in enumerate((tmp_path / "qa" / "auditforms.yaml").read_text().splitlines(), 1)
                if text.startswith("  file: data/case-list.csv"))
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"auditforms.yaml:{line}:9: error[AF972] the case list 'data/case-list.csv' does not exist")


def test_the_report_and_the_tracker_are_given_only_returned_audits(run_cli, example_service: Path):
    from auditforms.cli.service import returned_audits

    assert run_cli("month", "start", "2026-11", "--date", "2026-11-02").exit_code == 0
    forms = example_service / "months" / "2026-11" / "forms"
    assert returned_audits([forms]) == [forms]  # nothing back yet: the folder itself
    (forms / "returned").mkdir()
    (forms / "returned" / "a.json").write_text("{}")
    (forms / ".hidden.json").write_text("{}")
    assert returned_audits([forms]) == [forms / "returned" / "a.json"]


def test_the_tracker_is_given_word_returns_too(run_cli, example_service: Path):
    from auditforms.cli.service import returned_audits

    assert run_cli("month", "start", "2026-11", "--date", "2026-11-02").exit_code == 0
    forms = example_service / "months" / "2026-11" / "forms"
    (forms / "back.docx").write_bytes(b"PK")
    (forms / "back.json").write_text("{}")
    assert returned_audits([forms]) == [forms / "back.json"]
    assert returned_audits([forms], word=True) == [forms / "back.docx", forms / "back.json"]


def test_a_given_teams_file_wins_over_a_missing_one_in_the_settings(run_cli, example_service: Path):
    """The settings' teams file missing must not block --teams given on the command line."""
    teams = example_service / "data" / "teams.csv"
    mine = example_service / "my-teams.csv"
    mine.write_bytes(teams.read_bytes())
    teams.unlink()
    result = run_cli("actions", "--teams", str(mine), "--today", "2026-11-16")
    assert result.exit_code == 0, result.stderr


def test_a_mistyped_folder_is_not_read_as_no_audits(run_cli, example_service: Path):
    """'report month/2026-10' (for months/) wrote an empty report and exited 0."""
    result = run_cli("actions", "month/2026-10")
    assert result.exit_code == 2 and "'month/2026-10': no such file or folder" in result.stderr


def test_an_open_ended_9999_end_date_in_the_case_list_is_drawn(run_cli, example_service: Path):
    """Case-management exports write 31/12/9999 for an involvement still open; a check of the
    years wherever a date was read refused every such row and the whole draw."""
    import csv as csv_module

    cases = example_service / "data" / "case-list.csv"
    rows = list(csv_module.reader(cases.read_text(encoding="utf-8").splitlines()))
    end = rows[0].index("Involvement End Date")
    for row in rows[1:]:
        row[end] = row[end] or "31/12/9999"
    with cases.open("w", encoding="utf-8", newline="") as handle:
        csv_module.writer(handle).writerows(rows)
    result = run_cli("month", "start", "2026-11", "--date", "2026-11-02")
    assert result.exit_code == 0, result.stderr


def test_a_marking_with_a_line_break_or_a_control_is_one_line(run_cli, example_service: Path):
    """marking: "OFFICIAL\\nSENSITIVE" stopped the reminders (a header cannot hold a line break)
    and a BEL in it stopped the Word paper."""
    settings = example_service / "auditforms.yaml"
    settings.write_text(settings.read_text().replace("marking: OFFICIAL-SENSITIVE",
                                                     'marking: "OFFICIAL\\nSENSITIVE\\a"'))
    reminded = run_cli("actions", "--today", "2026-11-16", "--remind", "-o", "outbox")
    assert reminded.exit_code in (0, 1) and "Traceback" not in reminded.output
    assert "OFFICIAL SENSITIVE" in next((example_service / "outbox").glob("*.eml")).read_text()
    paper = run_cli("month", "report", "2026-10", "--format", "docx")
    assert paper.exit_code == 0, paper.stderr
