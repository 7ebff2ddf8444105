"""The teams file, and each output's layout (syrupy snapshots for text, html and json)."""

from __future__ import annotations

import datetime as dt
import io

from actions_support import TEAMS_CSV, action, audit, torbay

from auditforms.actions import collect
from auditforms.actions.outputs import FORMATS
from auditforms.actions.outputs.xlsx import render as render_xlsx
from auditforms.actions.report import build_report, file_stem, split
from auditforms.actions.teams import read_teams

TODAY = dt.date(2026, 12, 10)


def report(teams: bool = True):
    late = action("Plan.", due="2026-12-05", signed="2026-12-09")  # signed off late, before TODAY
    actions = collect(torbay(), audit()) + collect(torbay(), audit("2026-11-0500", team="Team South", child="C0500",
                                                                   actions=[action("=1+1", due="2026-11-30"), late]))
    return build_report(torbay(), actions, TODAY, read_teams(TEAMS_CSV.encode(), "teams.csv")[0] if teams else None)


def test_teams_file_bad_rows_are_reported_by_line_and_the_rest_kept() -> None:
    data = (TEAMS_CSV + "Team South,Other,,,,,,\n,Area,,,,,,\nTeam West,West,W. Man,w@x,,,,\n").encode("cp1252")
    teams, problems = read_teams(data, "teams.csv")
    assert [(p.code, p.line, p.col, p.is_error) for p in problems] == [
        ("AF961", 4, 1, True), ("AF961", 5, 1, True), ("AF961", 6, 23, False)]
    assert len(teams) == 3
    west = teams.find("team  WEST")
    assert west is not None and west.team_manager is not None and west.team_manager.email == ""
    north = teams.find("Fictional Team North")
    assert north is not None and north.head_of_service is not None and north.head_of_service.name == "H. Alpha"


def test_teams_file_without_a_team_column() -> None:
    _, problems = read_teams(b"Name,Area\nx,y\n", "teams.csv")
    assert [(p.code, p.line) for p in problems] == [("AF802", 1)]


def test_text_snapshot(snapshot) -> None:
    assert FORMATS["text"].render(report()).decode() == snapshot


def test_text_without_teams_snapshot(snapshot) -> None:
    assert FORMATS["text"].render(report(teams=False)).decode() == snapshot


def test_json_snapshot(snapshot) -> None:
    assert FORMATS["json"].render(report()).decode() == snapshot


def test_html_snapshot(snapshot) -> None:
    assert FORMATS["html"].render(report()).decode() == snapshot


def test_split_by_each_manager_and_team() -> None:
    full = report()
    assert list(split(full, "head_of_service")) == ["H. Alpha", "H. Beta"]
    assert list(split(full, "service_manager")) == ["S. One"]
    assert list(split(full, "team")) == ["Fictional Team North", "Team South"]
    assert list(split(report(teams=False), "head_of_service")) == ["(no head of service)"]
    assert file_stem("H. Alpha / Ünïcode") == "h-alpha-n-code" and file_stem("...") == "unnamed"


def test_xlsx_cells_are_typed_guarded_and_states_coloured() -> None:
    import openpyxl

    workbook = openpyxl.load_workbook(io.BytesIO(render_xlsx(report(), "H. Beta")))
    sheet = workbook["Actions"]
    assert sheet["A2"].value.startswith("Actions tracker: Torbay full audit tool for H. Beta")
    rows = {r[0]: r for r in sheet.iter_rows(min_row=5, values_only=True)}
    guarded = rows["2026-11-0500:1"]
    assert guarded[5] == "=1+1" and guarded[8] == dt.datetime(2026, 11, 30) and guarded[10] == 10
    # guarded by Excel's quote prefix (a cell format), not an apostrophe in the text
    assert sheet["F5"].data_type == "s" and sheet["F5"].quotePrefix and not sheet["F6"].quotePrefix
    assert sum(len(cf.rules) for cf in sheet.conditional_formatting) == 6
    assert not sheet["L6"].protection.locked and sheet["F5"].protection.locked
    assert [r[1] for r in workbook["about"].iter_rows(values_only=True)][:3] == [
        "auditforms/actions-tracker", "1", "torbay-full-audit"]


def test_marking_is_in_the_workbook_header() -> None:
    import openpyxl
    from actions_support import MULTI_AGENCY

    from auditforms.language.loader import load

    definition = load(MULTI_AGENCY).definition
    assert definition is not None
    empty = build_report(definition, [], TODAY)
    sheet = openpyxl.load_workbook(io.BytesIO(render_xlsx(empty))).active
    assert sheet["A1"].value == "RESTRICTED WHEN COMPLETED"
    assert "RESTRICTED WHEN COMPLETED" in sheet.oddHeader.center.text


def test_json_output_matches_its_schema_and_the_columns() -> None:
    import json

    import jsonschema

    from auditforms.actions.columns import EXPORT_COLUMNS
    from auditforms.resources import schema_path

    schema = json.loads(schema_path("actions.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    for teams in (True, False):
        data = json.loads(FORMATS["json"].render(report(teams)))
        jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(data)
    assert list(schema["$defs"]["action"]["properties"]) == [c.key for c in EXPORT_COLUMNS]


def test_text_heads_an_area_once_when_it_is_one_team_of_its_name() -> None:
    teams_csv = TEAMS_CSV + "Care Leavers,Care Leavers,T. Leave,,S. One,,H. Beta,\n"
    actions = collect(torbay(), audit("2026-11-0600", team="Care Leavers", child="C0600",
                                      actions=[action("Plan.", due="2026-12-20")]))
    actions += collect(torbay(), audit("2026-11-0500", team="Team South", child="C0500",
                                       actions=[action("Visit.", due="2026-12-20")]))
    lines = FORMATS["text"].render(build_report(torbay(), actions, TODAY, read_teams(
        teams_csv.encode(), "teams.csv")[0])).decode().splitlines()
    leavers = lines.index("Care Leavers: 1 action: 1 open")
    assert lines[leavers + 1].startswith("  2026-11-0600:1  child C0600")
    assert not any(line.strip().startswith("Care Leavers:") for line in lines[leavers + 1:])
    in_care = lines.index("Children in care: 1 action: 1 open")  # an area named apart from its team
    assert lines[in_care + 1] == "  Team South: 1 action: 1 open"
    assert lines[in_care + 2].startswith("    2026-11-0500:1  child C0500")
