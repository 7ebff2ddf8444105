"""A problem in what a section's ``defaults`` give every question is said once, at its place."""

from __future__ import annotations

from auditforms.language.loader import load_text

TEXT = """\
id: mini
title: Mini
version: 1.0.0
scales:
  - id: g
    best: highest
    options: [{id: a, value: 1, label: A}, {id: b, value: 2, label: B}]
sections:
  - id: s
    title: S
    defaults:
      judgement: {scale: g}
      narratives: [{id: comments, label: Comments}, {id: comments, label: More}]
    items:
      - {id: q1, type: question, title: One}
      - {id: q2, type: question, title: Two}
      - {id: q3, type: question, title: Three}
"""


def test_a_duplicate_in_defaults_is_said_once_at_its_line() -> None:
    said = [d for d in load_text(TEXT, "mini.yaml").diagnostics if d.code == "AF301"]
    assert len(said) == 1  # not once per question the defaults reach
    assert (said[0].line, said[0].col) == (13, 58)
    assert said[0].message == "the narrative id 'comments' is used twice here"
