"""Conditions in words: the one wording every output uses."""

from __future__ import annotations

from auditforms.model.conditions import Test as ConditionTest
from auditforms.model.describe import describe_condition, describe_ref, item_name


def cond(**kwargs):
    return ConditionTest.model_validate(kwargs)


def test_fields_and_options_by_their_labels(kitchen_sink) -> None:
    assert describe_condition(kitchen_sink, kitchen_sink.sections[2].when) == (
        "“Is the child an unaccompanied asylum-seeker?” is “Yes”")
    assert describe_condition(kitchen_sink, cond(field="legal-status", in_=["s20", "care-order"])) == (
        "“Legal status” is one of “Section 20”, “Full care order”")


def test_judgements_by_their_scale_labels(kitchen_sink) -> None:
    assert describe_condition(kitchen_sink, cond(field="q1.judgement", is_="not-applicable")) == (
        "the judgement of “Q1 Risk” is “Not applicable”")
    text = describe_condition(kitchen_sink, kitchen_sink.rules[4].assert_)
    assert text == ("it is not the case that the judgement of “Q3 Overall rating” is better than all of "
                    "the judgement of “Q1 Risk”, the judgement of “Q2 Decision making”")


def test_dates_rows_and_relative_parts(kitchen_sink) -> None:
    assert describe_condition(kitchen_sink, cond(field=".completion-date", after="audit-date")) == (
        "its completion date is after “Audit date”")
    assert describe_condition(kitchen_sink, cond(field="actions", rows_at_most=5)) == (
        "“Agreed actions to achieve good outcomes for child” has at most 5 rows")
    assert describe_condition(kitchen_sink, cond(field="audit-date", before="$today")) == (
        "“Audit date” is before today")


def test_names(kitchen_sink) -> None:
    assert describe_ref(kitchen_sink, "care-leaving.impact") == "“Preparation for adulthood” (impact)"
    assert item_name(kitchen_sink, "q2a") == "Q2a Is management oversight recorded?"


def test_the_moderators_advice_tests_and_selectors_in_words(kitchen_sink) -> None:
    from auditforms.model.conditions import Judgements

    assert describe_condition(kitchen_sink, cond(field=".judgement", meets_good=False)) == \
        "its judgement does not meet good"
    assert describe_condition(kitchen_sink, cond(field=".evidence", words_at_least=25)) == \
        "its evidence has at least 25 words"
    assert describe_condition(kitchen_sink, cond(field=".impact", mentions_child=True)) == \
        "its impact refers to the child"
    assert describe_condition(kitchen_sink, cond(field=".impact", copies=".evidence")) == \
        "its impact repeats its evidence"
    selector = cond(field=".judgement", better_than_all=Judgements(judgements="sections"))
    assert describe_condition(kitchen_sink, selector) == \
        "its judgement is better than every section's overall judgement on its scale"


def test_every_condition_of_every_shipped_tool_can_be_worded() -> None:
    from pathlib import Path

    from auditforms.api import load_definition

    root = Path(__file__).resolve().parents[2] / "definitions"
    for path in sorted(root.glob("*.yaml")):
        definition = load_definition(path)
        for rule in definition.rules:
            for condition in (rule.when, rule.assert_):
                if condition is not None:
                    assert describe_condition(definition, condition), (path.name, rule.id)
        for entry in definition.index.entries.values():
            for condition in entry.conditions:
                assert describe_condition(definition, condition), (path.name, entry.node.id)
