"""Example answers: fictional, reproducible, accepted by check, and they show conditions working."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from tests.conftest import DEFINITIONS, KITCHEN_SINK

from auditforms.api import load_definition
from auditforms.preview.examples import example_answers
from auditforms.results.check import check_document
from auditforms.rules import EvalContext, Evaluator

TODAY = dt.date(2026, 12, 1)
TOOLS = [KITCHEN_SINK, *sorted(DEFINITIONS.glob("*.yaml"))]


def _document(definition, answers):
    return {"format": "auditforms/completed-audit", "format_version": 1,
            "definition": {"id": definition.id, "version": definition.version}, "status": "draft",
            "answers": answers}


@pytest.mark.parametrize("path", TOOLS, ids=[p.stem for p in TOOLS])
def test_example_answers_have_no_errors_when_checked(path):
    definition = load_definition(path)
    for seed in range(1, 6):
        answers = example_answers(definition, seed=seed, today=TODAY)
        problems = check_document(definition, _document(definition, answers), file="example.json",
                                  context=EvalContext(today=TODAY))
        assert [p.format() for p in problems if p.is_error] == [], seed


def test_the_same_seed_gives_the_same_answers_and_another_seed_others(kitchen_sink):
    one = example_answers(kitchen_sink, seed=1, today=TODAY)
    assert one == example_answers(kitchen_sink, seed=1, today=TODAY)
    assert any(example_answers(kitchen_sink, seed=s, today=TODAY) != one for s in range(2, 5))


def test_nothing_hidden_is_answered_and_some_seed_reveals_a_follow_up():
    definition = load_definition(DEFINITIONS / "torbay-full-audit.yaml")
    evaluator = Evaluator(definition, EvalContext(today=TODAY))
    revealed = set()
    for seed in range(1, 6):
        answers = example_answers(definition, seed=seed, today=TODAY)
        assert all(evaluator.shown(answers, item_id) for item_id in answers)
        revealed |= {i for i in answers if definition.index.entries[i].revealed_by}
    assert revealed  # e.g. "If Yes, when?" after "Audited previously"


def test_case_details_agree_with_each_other_and_are_fictional(kitchen_sink):
    roles = kitchen_sink.index.roles
    band_field = kitchen_sink.index.node(roles["age_band"])
    for seed in range(1, 6):
        answers = example_answers(kitchen_sink, seed=seed, today=TODAY)
        texts = [v for v in answers.values() if isinstance(v, str) and " " in v]
        assert all(re.search("Example|Fictional|Sample|Specimen|Placeholder", t) for t in texts), texts
        band = next(b for b in band_field.bands if b.id == answers[roles["age_band"]])
        assert band.min_age <= answers[roles["child_age"]] <= band.max_age
