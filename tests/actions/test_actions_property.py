"""Property-based tests: the readers never raise on any input, and the state rules hold."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from actions_support import action, audit, torbay
from hypothesis import given, settings
from hypothesis import strategies as st
from test_actions_state import BASE, act

from auditforms.actions import StateKind, collect_with_problems, state_of
from auditforms.actions.teams import read_teams
from auditforms.actions.tracker_read import read_tracker

DATES = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 12, 31))


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_as_a_tracker_give_problems_not_exceptions(data: bytes) -> None:
    read = read_tracker(data, "t.xlsx", torbay())
    assert read.entries == [] and all(p.code.startswith("AF95") for p in read.problems)


@settings(max_examples=30, deadline=None)
@given(st.dictionaries(st.sampled_from(["[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml",
                                        "xl/_rels/workbook.xml.rels"]), st.binary(max_size=300)))
def test_any_zip_as_a_tracker_gives_problems_not_exceptions(members: dict[str, bytes]) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    read = read_tracker(buffer.getvalue(), "t.xlsx", torbay())
    assert read.entries == [] and read.problems


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=600))
def test_any_text_as_a_teams_file_is_read_or_reported_by_line(text: str) -> None:
    teams, problems = read_teams(text.encode("utf-8"), "teams.csv")
    assert all(p.file == "teams.csv" and p.line >= 0 for p in problems)
    assert len(teams) <= text.count("\n") + 1


@settings(max_examples=100, deadline=None)
@given(st.lists(st.fixed_dictionaries({}, optional={
    "action": st.one_of(st.none(), st.text(max_size=20), st.integers()),
    "person": st.one_of(st.none(), st.text(max_size=10)),
    "completion-date": st.one_of(st.none(), st.text(max_size=12), DATES.map(dt.date.isoformat)),
    "sign-off-date": st.one_of(st.none(), st.text(max_size=12), st.lists(st.integers(), max_size=2)),
}), max_size=6))
def test_any_action_rows_are_collected_or_reported(rows: list[dict[str, object]]) -> None:
    result = collect_with_problems(torbay(), audit(actions=rows))  # type: ignore[arg-type]
    assert [a.row for a in result.actions] == sorted({a.row for a in result.actions})
    assert all(a.id == f"2026-11-0412:{a.row}" and a.action for a in result.actions)


@given(DATES, DATES, st.one_of(st.none(), DATES))
def test_states_follow_the_dates(due: dt.date, today: dt.date, signed: dt.date | None) -> None:
    state = state_of(act(due=due, signed_off=signed), today)
    if signed is not None and signed <= today:
        assert state.kind.is_done
        assert (state.kind is StateKind.SIGNED_OFF_LATE) == (signed > due)
    elif today > due:
        assert state.kind is StateKind.OVERDUE and state.days == (today - due).days
    else:
        assert state.kind is (StateKind.DUE_SOON if (due - today).days <= 7 else StateKind.OPEN)


def test_base_action_is_open_far_ahead() -> None:
    assert state_of(BASE, BASE.due - dt.timedelta(days=30)).kind is StateKind.OPEN  # type: ignore[operator]
    assert action("x")["action"] == "x"
