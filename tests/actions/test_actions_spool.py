"""The spool behind --split-by gives each tracker exactly the rows, in exactly the order, that
splitting the report in memory gives; and the streamed workbook equals the rendered one."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
from actions_support import TEAMS_CSV, action, audit, torbay
from hypothesis import given, settings
from hypothesis import strategies as st
from test_actions_state import act

from auditforms.actions.gather import gather
from auditforms.actions.outputs.xlsx import Tracker, render, write
from auditforms.actions.report import build_report, split
from auditforms.actions.teams import Teams, read_teams
from auditforms.cli.actions_spool import ActionSpool, _pack, _unpack

TODAY = dt.date(2026, 12, 10)
TEAM_NAMES = ["Fictional Team North", "fictional team north", "Team South", "Team Ä", "Team a", "", "Unknown"]


def _teams() -> Teams:
    return read_teams(TEAMS_CSV.encode(), "teams.csv")[0]


def _documents(teams: list[str]) -> list[tuple[str, dict[str, object]]]:
    return [(f"a{k}.json", audit(f"2026-11-{k:04d}", team=team, actions=[
        action(f"Action {k}.", due="2026-12-01"), action("Another.", signed="2026-12-02")]))
        for k, team in enumerate(teams)]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(TEAM_NAMES), max_size=12), st.sampled_from(["head_of_service", "service_manager",
                                                                             "team"]), st.booleans())
def test_spooled_trackers_are_the_split_report(teams: list[str], by: str, with_teams: bool) -> None:
    team_file = _teams() if with_teams else None
    documents = _documents(teams) + _documents(teams[:1])  # a copy of an audit is listed once
    in_memory = gather(torbay(), documents)
    expected = split(build_report(torbay(), in_memory.listed, TODAY, team_file), by)
    spool = ActionSpool(by, TODAY, team_file)
    try:
        spooled = gather(torbay(), documents, spool)
        assert [p.code for p in spooled.problems] == [p.code for p in in_memory.problems]
        assert spool.trackers() == [(name, len(part.rows)) for name, part in expected.items()]
        for name, part in expected.items():
            assert list(spool.rows(name)) == list(part.rows)
        assert spool.teams_not_found() == {r.action.team for r in build_report(
            torbay(), in_memory.listed, TODAY, team_file).rows if r.team is None}
    finally:
        spool.close()


def test_an_action_comes_back_from_the_spool_as_it_went_in() -> None:
    for action_ in (act(), act(audit_date=None, due=None, signed_off=TODAY, update="No longer needed \ud800.")):
        assert _unpack(_pack(action_)) == action_


def test_the_streamed_tracker_equals_the_rendered_one(tmp_path) -> None:
    report = build_report(torbay(), gather(torbay(), _documents(TEAM_NAMES)).listed, TODAY, _teams())
    write(str(tmp_path / "t.xlsx"), Tracker(torbay(), TODAY, iter(report.rows), len(report.rows), "H. Alpha"))
    streamed = openpyxl.load_workbook(tmp_path / "t.xlsx")
    rendered = openpyxl.load_workbook(io.BytesIO(render(report, "H. Alpha")))
    for name in rendered.sheetnames:
        assert [[c.value for c in r] for r in streamed[name].iter_rows()] == \
            [[c.value for c in r] for r in rendered[name].iter_rows()]
    assert streamed["Actions"].tables["Actions"].ref == rendered["Actions"].tables["Actions"].ref
