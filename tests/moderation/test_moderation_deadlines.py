"""Moderation deadlines count working days, skipping weekends and bank holidays."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.conftest import DEFINITIONS

from auditforms.api import load_definition
from auditforms.language.loader import load_text
from auditforms.moderation.deadlines import (
    completion_due,
    is_working_day,
    moderation_due,
    nth_working_day,
    working_days_after,
)

D = dt.date


@pytest.fixture(scope="module")
def torbay():
    return load_definition(DEFINITIONS / "torbay-full-audit.yaml")


@pytest.mark.parametrize(("month", "due"), [
    ("2026-11", D(2026, 12, 14)),  # December: no bank holiday in the first ten working days
    ("2026-12", D(2027, 1, 15)),   # New Year's Day is not a working day
    ("2026-03", D(2026, 4, 16)),   # Good Friday and Easter Monday
    ("2026-04", D(2026, 5, 15)),   # Early May bank holiday
    ("2026-07", D(2026, 8, 14)),
])
def test_torbay_moderation_is_due_by_the_tenth_working_day_of_the_next_month(torbay, month, due) -> None:
    assert moderation_due(torbay, month) == due


def test_a_date_in_the_month_is_as_good_as_the_month(torbay) -> None:
    assert moderation_due(torbay, D(2026, 11, 23)) == moderation_due(torbay, "2026-11")


def test_bank_holidays_come_from_the_calendar_named() -> None:
    assert not is_working_day(D(2026, 12, 28), "GB-ENG")  # Boxing Day (substitute day)
    assert is_working_day(D(2026, 12, 28))  # no calendar: weekends only
    assert not is_working_day(D(2026, 12, 26), None)  # a Saturday
    assert is_working_day(D(2026, 3, 17), "GB-ENG")  # St Patrick's Day is Northern Ireland's only


def test_working_days_after_skip_christmas() -> None:
    assert working_days_after(D(2026, 12, 23), 3, "GB-ENG") == D(2026, 12, 30)
    assert nth_working_day(2027, 1, 1, "GB-ENG") == D(2027, 1, 4)


def test_an_unknown_calendar_is_a_plain_error() -> None:
    with pytest.raises(ValueError, match="not known to the holidays library"):
        is_working_day(D(2026, 1, 5), "GB-XXX")


def test_completion_is_due_completion_days_after_allocation(torbay) -> None:
    assert completion_due(torbay, D(2026, 11, 2)) == D(2026, 11, 16)


TOOL = """\
id: t
title: T
version: 1.0.0
sections: [{id: s, title: S, items: [{id: f, type: text, label: F}]}]
"""


def _tool(extra: str):
    result = load_text(TOOL + extra, "t.yaml")
    assert result.ok, [d.format() for d in result.diagnostics]
    return result.definition


def test_a_deadline_after_submission_needs_the_submission_date() -> None:
    tool = _tool("moderation: {deadline: {working_days_after_submission: 5, bank_holidays: GB-ENG}}\n")
    assert moderation_due(tool, "2026-12") is None
    assert moderation_due(tool, "2026-12", submitted=D(2026, 12, 22)) == D(2026, 12, 31)


def test_no_deadline_declared_means_none() -> None:
    assert moderation_due(_tool(""), "2026-11") is None
    assert moderation_due(_tool("moderation: {moderated: true}\n"), "2026-11") is None
