"""The compiled evaluator (what ``check`` runs) finds exactly what the plain one finds.

For audits of every shipped definition, the kitchen sink and the operators fixture (every
operator, selectors, rows, sections, look-back), clean, defective and full of junk, with
narratives that do and do not mention the child, copy each other or are thin: the same
findings (rule, severity, message, pointer, item, row, in order) and the same visibility of
every part. An operator the compiled path has no builder for falls back to the plain one.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.conftest import DEFINITIONS
from tests.results.conftest import KITCHEN_SINK_DEFINITION
from tests.results.results_strategies import audits

from auditforms.api import load_definition
from auditforms.model import conditions
from auditforms.model.definition import Definition, Question, Rule, Section
from auditforms.rules import EvalContext, Evaluator, all_rules
from auditforms.rules import compiled as compiled_module

OPERATORS = load_definition(Path(__file__).parent / "html" / "fixtures" / "operators.yaml")
SHIPPED = [load_definition(p) for p in sorted(DEFINITIONS.glob("*.yaml"))] if DEFINITIONS.is_dir() else []
ALL = [KITCHEN_SINK_DEFINITION, OPERATORS, *SHIPPED]
CONTEXTS = [EvalContext(),
            EvalContext(today=dt.date(2026, 11, 20), period_start=dt.date(2026, 11, 1),
                        period_end=dt.date(2026, 11, 30))]
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

TEXTS = ["", "  ", None, 3, "Some words", "She is safer at home now and goes to school every day.",
         "KM now sleeps through the night.", "The CP plan was updated by the IRO.",
         "Sam is settled; Sam chose the activities in the plan with Sam’s carer.",
         "Risks were identified early and the plan was reviewed within timescales set out.",
         "Risks were identified early and the plan was reviewed within timescales set out. More.",
         "İstanbul trip: the young person’s views were recorded by the social worker twice."]
JUNK = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(-2, 5), st.sampled_from(
    ["", " ", "yes", "no", "good", "poor", "meets-good", "2026-11-12", "2026-02-30", "2026-05-01", *TEXTS[4:]])),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(
        ["judgement", "evidence", "impact", "not_relevant", "x", "grade", "when", "size", "what"]), inner,
        max_size=3)), max_leaves=6)

_EVALUATORS: dict[tuple[int, EvalContext], Evaluator] = {}


def _evaluator(definition: Definition, context: EvalContext) -> Evaluator:
    key = (id(definition), context)
    if key not in _EVALUATORS:
        _EVALUATORS[key] = Evaluator(definition, context)
    return _EVALUATORS[key]


def _narratives(definition: Definition) -> list[tuple[str, str]]:
    out = []
    for item_id in definition.index.order:
        node = definition.index.node(item_id)
        parts = node.narratives if isinstance(node, Question) else (
            node.overall.narratives if isinstance(node, Section) and node.overall else ())
        out += [(item_id, n.id) for n in parts]
    return out


@st.composite
def answers_of(draw: Any, definition: Definition) -> dict[str, Any]:
    answers = draw(audits(definition))["answers"]
    answers = dict(answers) if isinstance(answers, dict) else {}
    for item_id, part in draw(st.lists(st.sampled_from(_narratives(definition) or [("x", "x")]), max_size=8)):
        owner = answers.get(item_id)
        answers[item_id] = {**(owner if isinstance(owner, dict) else {}), part: draw(st.sampled_from(TEXTS))}
    for key in draw(st.lists(st.sampled_from([*definition.index.order, "x"]), max_size=4)):
        answers[key] = draw(JUNK)
    return answers


def assert_same(definition: Definition, context: EvalContext, answers: Any) -> None:
    evaluator = _evaluator(definition, context)
    rules = all_rules(definition)
    assert evaluator.session(answers).findings(rules) == evaluator.plain_session(answers).findings(rules)
    session, plain = evaluator.session(answers), evaluator.plain_session(answers)
    for item_id in definition.index.order:
        assert session.shown(item_id) == plain.shown(item_id), item_id


@pytest.mark.parametrize("definition", ALL, ids=[d.id for d in ALL])
@pytest.mark.parametrize("context", CONTEXTS, ids=["no-context", "november"])
@SETTINGS
@given(data=st.data())
def test_the_compiled_rules_find_what_the_plain_evaluator_finds(definition, context, data):
    assert_same(definition, context, data.draw(answers_of(definition)))


HAND_WRITTEN = {"start": "2026-05-01", "end": "2026-11-01", "flag": "yes", "rating": "good", "initials": "KM",
                "g1": {"judgement": "poor", "evidence": "The plan was updated by the IRO."},
                "g2": {"judgement": "good", "evidence": "The plan was updated by the IRO."},
                "optional-part": {"judgement": "poor", "impact": "Km enjoys school."},
                "list": [{"what": "x", "size": 1}, {}], "fixed": {"one": {"grade": "inadequate"}}}


@pytest.mark.parametrize("answers", [{}, [], "not answers", HAND_WRITTEN])
def test_operators_agree_on_hand_written_answers(answers):
    for context in CONTEXTS:
        assert_same(OPERATORS, context, answers)


def test_an_operator_without_a_builder_is_asked_of_the_plain_evaluator(monkeypatch):
    monkeypatch.delitem(compiled_module.BUILDERS, "words_at_least")
    monkeypatch.delitem(compiled_module.BUILDERS, "copies")
    evaluator = Evaluator(OPERATORS, CONTEXTS[1])
    answers = {"flag": "yes", "g1": {"judgement": "good", "evidence": "Thin."},
               "g2": {"evidence": "Thin."}}
    rules = all_rules(OPERATORS)
    found = evaluator.session(answers).findings(rules)
    assert found == evaluator.plain_session(answers).findings(rules)
    assert {"r-words", "r-copies"} <= {f.rule_id for f in found}


def test_rules_from_elsewhere_are_compiled_on_demand():
    evaluator = Evaluator(OPERATORS)
    rule = Rule.model_validate({"id": "extra", "message": "count is needed",
                                "assert": conditions.Test.model_validate({"field": "count", "answered": True})})
    assert [f.rule_id for f in evaluator.run({}, [rule])] == ["extra"]
    assert evaluator.run({"count": 2}, [rule]) == []


@pytest.mark.parametrize("context", CONTEXTS, ids=["no-context", "november"])
@SETTINGS
@given(data=st.data())
def test_the_rule_shortcut_never_hides_an_operators_finding(context, data):
    from auditforms.results.rule_shortcut import RuleShortcut

    evaluator, rules = _evaluator(OPERATORS, context), all_rules(OPERATORS)
    shortcut = RuleShortcut(OPERATORS, context, rules, lambda r: evaluator.rule_static(r)[0])
    answers = data.draw(answers_of(OPERATORS))
    assert evaluator.run(answers, shortcut.rules_left(answers)) == evaluator.plain_session(answers).findings(rules)


WORDY = st.text(st.sampled_from(list("aZ9À ɏ'’-\n\t.,İ¿x")), max_size=14)


@settings(max_examples=300, deadline=None)
@given(value=WORDY, count=st.integers(1, 5))
def test_the_words_pattern_counts_as_the_evaluator_does(value, count):
    import re

    import jsonschema_rs

    from auditforms.rules import text

    pattern = text.at_least_words_pattern(count)
    expected = text.word_count(value) >= count
    assert bool(re.search(pattern, value)) == expected
    assert jsonschema_rs.Draft202012Validator({"pattern": pattern}).is_valid(value) == expected


CHILDISH = st.lists(st.sampled_from([*"sheSHEhimaKk \t\n'’-.", "\u212a", "\u017f", "İ", "child", "young person",
                                     "her", "The", "ʃ", "9"]), max_size=8).map("".join)


@settings(max_examples=300, deadline=None)
@given(value=CHILDISH)
def test_the_child_words_pattern_never_finds_a_child_the_evaluator_does_not(value):
    import jsonschema_rs

    from auditforms.rules import text

    if jsonschema_rs.Draft202012Validator({"pattern": text.child_words_pattern()}).is_valid(value):
        assert text.refers_to_child(value)
