"""The rule evaluator on the kitchen-sink definition."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from auditforms.rules import EvalContext, Evaluator, all_rules


def findings(definition, answers, **context):
    evaluator = Evaluator(definition, EvalContext(**context))
    return {(f.rule_id, f.pointer) for f in evaluator.run(answers, all_rules(definition))}


def test_required_fields_and_judgements_reported_on_empty_audit(kitchen_sink):
    got = findings(kitchen_sink, {})
    assert ("child-id:required", "/answers/child-id") in got
    assert ("q1:judgement-required", "/answers/q1/judgement") in got
    # the UASC module is hidden, so its judgement is not required
    assert not any(rule.startswith("uasc-age-assessment") for rule, _ in got)


def test_evidence_and_impact_required_only_for_a_grade(kitchen_sink):
    graded = findings(kitchen_sink, {"q1": {"judgement": "meets-good"}})
    assert ("impact-when-judged", "/answers/q1/impact") in graded
    not_applicable = findings(kitchen_sink, {"q1": {"judgement": "not-applicable"}})
    assert not any(p.startswith("/answers/q1/") and r.endswith("when-judged") for r, p in not_applicable)


def test_condition_reveals_module(kitchen_sink):
    ev = Evaluator(kitchen_sink)
    assert not ev.shown({}, "uasc-age-assessment")
    assert ev.shown({"uasc": "yes"}, "uasc-age-assessment")


def test_follow_up_shown_only_for_its_option(kitchen_sink):
    ev = Evaluator(kitchen_sink)
    assert ev.shown({"legal-status": "other"}, "legal-status-other")
    assert not ev.shown({"legal-status": "s20"}, "legal-status-other")


def test_not_relevant_section_hides_its_questions(kitchen_sink):
    ev = Evaluator(kitchen_sink)
    answers = {"age-band": "16-21"}
    assert ev.shown(answers, "pathway-plan")
    answers["care-leaving"] = {"not_relevant": True}
    assert not ev.shown(answers, "pathway-plan")


@pytest.mark.parametrize(
    ("overall", "expected"),
    [("exceeds-good", True), ("meets-good", False), ("not-applicable", False)],
)
def test_overall_better_than_every_field_is_flagged(kitchen_sink, overall, expected):
    answers = {"q1": {"judgement": "meets-good"}, "q2": {"judgement": "does-not-meet-good"},
               "q3": {"judgement": overall}}
    got = findings(kitchen_sink, answers)
    assert (("overall-not-better-than-every-field", "/answers/q3/judgement") in got) is expected


def test_action_rows(kitchen_sink):
    rows = [{"action": "Update plan", "person": "", "completion-date": "2026-01-01"}] + [
        {"action": f"a{i}", "person": "SW", "completion-date": "2026-12-01"} for i in range(5)
    ]
    got = findings(kitchen_sink, {"audit-date": "2026-11-10", "actions": rows})
    assert ("actions:person:required", "/answers/actions/0/person") in got
    assert ("completion-after-audit", "/answers/actions/0/completion-date") in got
    assert ("at-most-five-actions", "/answers/actions") in got
    assert ("completion-after-audit", "/answers/actions/1/completion-date") not in got


def test_period_rule_needs_the_period(kitchen_sink):
    answers = {"audit-date": "2026-10-01"}
    assert not any(r == "audit-date-in-period" for r, _ in findings(kitchen_sink, answers))
    got = findings(kitchen_sink, answers, period_start=dt.date(2026, 11, 1), period_end=dt.date(2026, 11, 30))
    assert ("audit-date-in-period", "/answers/audit-date") in got


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from("aAİ\u212aΣσς’'- \n.é")))
@example("İstanbul and \u212aelvin’s ΣΑΣ")  # lower-cased first, these would split or join words
def test_a_texts_word_key_is_its_words_lowered_one_by_one(value: str) -> None:
    """``word_key`` lowers the joined words at once; that must be lowering each word."""
    from auditforms.rules import text

    found = text.words(value)
    assert text.word_key(value) == (len(found), f" {' '.join(w.lower() for w in found)} ")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Sam", "sam", "the", "plan", "İs", "K", "safer", "home", "-", "’s", ",", "\n"]),
                max_size=24), st.lists(st.sampled_from(["Sam", "the", "plan", "safer", "home", "."]), max_size=24))
def test_copies_is_word_by_word_containment(mine: list[str], theirs: list[str]) -> None:
    from auditforms.rules import text

    a, b = " ".join(mine), " ".join(theirs)
    wa, wb = [w.lower() for w in text.words(a)], [w.lower() for w in text.words(b)]
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    expected = bool(wa and wb) and (wa == wb or (
        len(short) >= text.COPY_MIN_WORDS and f" {' '.join(short)} " in f" {' '.join(long_)} "))
    assert text.copies(a, b) is expected


_ASCII_WORDS = st.sampled_from(["Sam", "sam", "the", "plan", "safer", "home", "A", "9", "it's", "well-being",
                                "-", "'", ",", ".", "\n", "  ", "s", "x1", "'s"])


@settings(max_examples=500, deadline=None)
@given(st.lists(_ASCII_WORDS, max_size=20), st.lists(_ASCII_WORDS, max_size=6), st.lists(_ASCII_WORDS, max_size=6),
       st.booleans(), st.sampled_from(["", " ", ". ", "'", "-", "é ", "’"]))
def test_texts_surely_apart_never_copy(mine: list[str], before: list[str], after: list[str], inside: bool,
                                       glue: str) -> None:
    """What ``surely_apart`` rules out, word-by-word comparison never finds; and a text holding
    the other's words (glued on with punctuation, or not) is never ruled out."""
    from auditforms.rules import text

    a = " ".join(mine)
    b = glue.join([" ".join(before), a.upper() if inside else a, " ".join(after)])
    for left, right in ((a, b), (b, a), (a, " ".join(after))):
        slow = text.copied(text.word_key(left), text.word_key(right))
        if text.surely_apart(left, right):
            assert not slow
        assert text.copies(left, right) is slow
