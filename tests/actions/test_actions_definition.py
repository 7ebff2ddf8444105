"""The action plan's roles in the definition language (AF320) and in the shipped tools."""

from __future__ import annotations

import pytest
from actions_support import MULTI_AGENCY, TORBAY, TRACKED_ACTION_PLAN_ITEM

from auditforms.actions import action_plan
from auditforms.language.loader import load, load_text

HEAD = """\
id: t
title: T
version: 1.0.0
sections:
  - id: s
    title: S
    items:
"""


def _codes(tail: str) -> list[tuple[str, int, str]]:
    result = load_text(HEAD + tail, "bad.yaml")
    return [(d.code, d.line, d.message) for d in result.diagnostics]


GOOD = TRACKED_ACTION_PLAN_ITEM


def test_a_complete_action_plan_is_valid() -> None:
    assert _codes(GOOD) == []


@pytest.mark.parametrize(("tail", "line", "fragment"), [
    (GOOD.replace("role: action_due", "role: action"), 15, "already given to 'a'"),
    (GOOD.replace("type: date, role: action_due", "role: action_due"), 15, "must have type: date"),
    (GOOD.replace("label: Person, role", "label: Person, type: date, role"), 14, "text or textarea"),
    (GOOD.replace("role: action}", "role: action_update}").replace(
        "type: textarea, role: action_update", "type: textarea"), 13, "needs a column with role: action"),
    ("      - {id: t1, type: table, title: T, columns: [{id: a, label: A, role: action}]}\n", 8,
     "belongs in the table whose role is action_plan"),
    ("      - {id: t1, type: table, title: T, role: action_plan, columns: [{id: a, label: A, role: action}],"
     " rows: [{id: r, label: R}]}\n", 8, "cannot have fixed rows"),
])
def test_misplaced_roles_are_af320(tail: str, line: int, fragment: str) -> None:
    found = _codes(tail)
    assert any(code == "AF320" and at == line and fragment in message for code, at, message in found), found


def test_two_action_plans_are_a_role_given_twice() -> None:
    second = GOOD.replace("id: plan", "id: plan2").replace("{id: a,", "{id: a2,").replace(
        "{id: p,", "{id: p2,").replace("{id: d,", "{id: d2,").replace("{id: s,", "{id: s2,").replace(
        "{id: u,", "{id: u2,")
    assert [c for c, _, _ in _codes(GOOD + second)] == ["AF308"]


@pytest.mark.parametrize("path", [TORBAY, MULTI_AGENCY])
def test_shipped_tools_declare_every_action_role(path: object) -> None:
    definition = load(path).definition  # type: ignore[arg-type]
    assert definition is not None
    table = action_plan(definition)
    assert table is not None
    assert {c.role for c in table.columns} >= {
        "action", "action_owner", "action_due", "action_signed_off", "action_update"}
