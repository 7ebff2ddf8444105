"""The rule shortcut (rules as one JSON Schema) never hides a finding the evaluator makes.

For audits of every shape (clean, defective, and with junk values anywhere in the answers),
running only the rules the shortcut leaves gives exactly the evaluator's findings, and for
clean audits it leaves only the rules JSON Schema cannot state.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.results.conftest import KITCHEN_SINK_DEFINITION, NOVEMBER, ROOT
from tests.results.results_strategies import audits

from auditforms.api import load_definition
from auditforms.results.date_patterns import date_bound_pattern
from auditforms.results.rule_shortcut import RuleShortcut
from auditforms.rules import EvalContext, Evaluator, all_rules

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TORBAY = load_definition(ROOT / "definitions" / "torbay-full-audit.yaml")
JUNK = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(-2, 2), st.sampled_from(
    ["", " ", "\x1c", "yes", "no", "meets-good", "2026-11-12", "2026-02-30"])),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(
        ["judgement", "evidence", "impact", "not_relevant", "x"]), inner, max_size=3)), max_leaves=6)


_BUILT: dict = {}


def _built(definition, context):
    key = (id(definition), context)
    if key not in _BUILT:
        evaluator = Evaluator(definition, context)
        rules = all_rules(definition)
        _BUILT[key] = evaluator, rules, RuleShortcut(definition, context, rules,
                                                     lambda r: evaluator.rule_static(r)[0])
    return _BUILT[key]


def _same_findings(definition, context, answers):
    evaluator, rules, shortcut = _built(definition, context)
    assert evaluator.run(answers, shortcut.rules_left(answers)) == evaluator.run(answers, rules)


@pytest.mark.parametrize("definition", [KITCHEN_SINK_DEFINITION, TORBAY], ids=["kitchen-sink", "torbay"])
@SETTINGS
@given(data=st.data())
def test_the_shortcut_finds_what_the_evaluator_finds(definition, data):
    document = data.draw(audits(definition))
    answers = document.get("answers") if isinstance(document.get("answers"), dict) else {}
    _same_findings(definition, NOVEMBER, answers)


@pytest.mark.parametrize("definition", [KITCHEN_SINK_DEFINITION, TORBAY], ids=["kitchen-sink", "torbay"])
@SETTINGS
@given(data=st.data())
def test_the_shortcut_holds_for_junk_anywhere(definition, data):
    answers = dict(data.draw(audits(definition))["answers"])
    keys = [*definition.index.order, "x"]
    for key in data.draw(st.lists(st.sampled_from(keys), max_size=4)):
        answers[key] = data.draw(JUNK)
    _same_findings(definition, NOVEMBER, answers)


@pytest.mark.parametrize("definition", [KITCHEN_SINK_DEFINITION, TORBAY], ids=["kitchen-sink", "torbay"])
@SETTINGS
@given(data=st.data())
def test_groups_and_parts_leave_exactly_the_rules_whose_own_check_fails(definition, data):
    """Checking a group, then its parts, then each rule only where they fail, leaves the same
    rules (in the same order) as asking every rule's own check."""
    answers = dict(data.draw(audits(definition))["answers"])
    for key in data.draw(st.lists(st.sampled_from([*definition.index.order, "x"]), max_size=4)):
        answers[key] = data.draw(JUNK)
    _, _, shortcut = _built(definition, NOVEMBER)
    alone = tuple(r for r, own in shortcut._each if own is None or not own(answers))
    assert shortcut.rules_left(answers) == alone


def test_without_a_period_the_period_rule_is_unknown_and_holds():
    _same_findings(TORBAY, EvalContext(today=dt.date(2026, 11, 30)), {"audit-date": "2026-01-01"})


def test_clean_audits_leave_only_what_json_schema_cannot_say():
    evaluator = Evaluator(TORBAY, NOVEMBER)
    shortcut = RuleShortcut(TORBAY, NOVEMBER, all_rules(TORBAY), lambda r: evaluator.rule_static(r)[0])
    # One date against another field's, whether a text copies another, and the look-back: JSON
    # Schema cannot say them, so the evaluator runs them.
    assert {r.id for r in shortcut.left} == {
        "completion-after-audit", "impact-not-copied-from-evidence", "not-audited-within-lookback",
        "previous-audit-before-audit", "shared-not-before-audit", "sign-off-not-before-audit"}


@pytest.mark.parametrize("later", [True, False])
@pytest.mark.parametrize("strict", [True, False])
@settings(deadline=None)  # a busy machine is no failure
@given(day=st.dates(), bound=st.dates())
def test_date_bounds_order_as_dates_do(later, strict, day, bound):
    import re

    matches = re.match(date_bound_pattern(bound.isoformat(), later=later, strict=strict), day.isoformat())
    expected = (day > bound if strict else day >= bound) if later else (day < bound if strict else day <= bound)
    assert bool(matches) == expected
