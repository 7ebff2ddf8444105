""""Did you mean …?": close spellings, and ids made of the same words in another order."""

from __future__ import annotations

from auditforms.language.loader import load_text
from auditforms.language.suggest import closest, did_you_mean

IDS = ["audit-date", "child-id", "date-of-birth", "q1", "overall-rating"]


def test_a_close_spelling_is_suggested() -> None:
    assert did_you_mean("child-di", IDS) == "; did you mean 'child-id'?"


def test_the_same_words_in_another_order_are_suggested() -> None:
    assert did_you_mean("date-of-audit", IDS) == "; did you mean 'audit-date'?"
    assert closest("rating_overall", IDS) == ["overall-rating"]


def test_nothing_is_suggested_for_what_is_not_near() -> None:
    assert did_you_mean("placement-stability", IDS) == ""
    assert closest("date", ["audit-date", "review-date"]) == []  # two share the word: neither is guessed


def test_a_rule_naming_a_field_by_its_words_in_another_order_is_told_the_id() -> None:
    text = """\
id: mini
title: Mini
version: 1.0.0
sections:
  - id: s
    title: S
    items:
      - {id: audit-date, type: date, label: Date of audit, role: audit_date}
      - {id: shared, type: date, label: Shared}
rules:
  - {id: r, assert: {field: shared, after: date-of-audit}, message: shared after the audit}
"""
    messages = [d.format() for d in load_text(text, "mini.yaml").diagnostics]
    assert any("error[AF303] 'date-of-audit' is not the id of a field, question, table or section; "
               "did you mean 'audit-date'?" in m for m in messages), messages
