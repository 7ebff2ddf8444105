"""The YAML mistakes people make are told in words that say what to change, at the place."""

from __future__ import annotations

import pytest

from auditforms.source import parse_yaml

CASES = [
    ("indented too far", "sections:\n  - id: s\n    items:\n      - id: a\n       title: x\n", "5:8",
     "this line is indented out of step with line 4"),
    ("a key out of step", "sections:\n  - id: s\n    items:\n      - id: a\n      type: text\n", "5:7",
     "this line is indented out of step with line 4"),
    ("a list item under-indented", "sections:\n  - id: s\n    items:\n      - id: a\n     - id: b\n", "5:6",
     "this line is indented out of step with line 4"),
    ("a colon inside { }", "items:\n  - {id: a, label: Ethnicity: as recorded}\n", "2:29",
     "inside { } or [ ] (a mapping or list written on one line), text holding ':'"),
    ("a colon ending a text inside { }", "items:\n  - {id: a, label: Ethnicity:}\n", "2:29",
     "inside { } or [ ]"),
    ("text after a quoted text", 'label: "Ethnicity" of the child\nnext: 1\n', "1:20",
     "put the whole text in the other kind of quotes: label: '\"Ethnicity\" of the child'"),
    ("a text starting with *", "label: *Ethnicity\n", "1:8",
     "a text starting with '*' is read as an alias (a reference to another part of the file); put the text "
     "in quotes: label: \"*Ethnicity\""),
    ("a text starting with &", "items:\n  - label: & Ethnicity\n", "2:12",
     "a text starting with '&' is read as an anchor"),
    ("a quote never closed", 'a: 1\nlabel: "Grade:}\nnext: 2\nmore: 3\n', "2:8",
     "this quoted text is never closed"),
    ("a block text's line under-indented", "q:\n  prompt: |\n    first\n  second\n", "4:3",
     "if it continues a text written with | or >, indent it as far as the text's other lines"),
    ("a colon in a block text", "label: Ethnicity: as recorded\n", "1:17",
     "put the text in quotes: label: \"Ethnicity: as recorded\""),
    ("a tab", "a:\n\tb: 1\n", "2:1", "this line holds a tab"),
    ("an apostrophe inside single quotes", "title: 'The child's plan is clear'\n", "1:19",
     "put the whole text in the other kind of quotes: title: \"The child's plan is clear\""),
    ("a quoted list item followed by text", "options:\n  - \"Yes\" for now\n  - No\n", "2:11",
     "- '\"Yes\" for now'"),
    ("quoted text then more on the first line", "'a' b\n", "1:5", "other kind of quotes: \"'a' b\""),
    ("a colon before a comment", "title: Plan: review # a note\n", "1:12",
     "put the text in quotes: title: \"Plan: review\""),
    ("a [ never closed", "format: [unclosed\nanswers: {}\n", "1:9", "this [ is never closed: end it with ]"),
]


@pytest.mark.parametrize(("text", "where", "words"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_the_mistake_is_told_at_its_place(text: str, where: str, words: str) -> None:
    (said,) = parse_yaml(text, "tool.yaml").diagnostics
    assert said.code == "AF105" and f"{said.line}:{said.col}" == where
    assert words in said.message, said.message


def test_a_text_starting_with_a_bang_is_not_read_silently_without_it() -> None:
    """YAML reads '! Ethnicity' as the text 'Ethnicity' with a tag: the '!' was lost without a word."""
    (tabbed,) = parse_yaml("label: !\tEthnicity\n", "tool.yaml").diagnostics
    assert tabbed.code == "AF108"
    (said,) = parse_yaml("label: ! Ethnicity\nquoted: '! kept'\n", "tool.yaml").diagnostics
    assert (said.code, said.line, said.col) == ("AF108", 1, 8)
    assert "a text starting with '!' is read as a tag" in said.message
    assert parse_yaml("quoted: '! kept'\n", "tool.yaml").data == {"quoted": "! kept"}


def test_a_control_character_is_placed_and_named() -> None:
    """PyYAML's own words were two lines ('unacceptable character #x0007 … in "<unicode string>"')."""
    (said,) = parse_yaml("a: 1\nb: x\x07y\n", "tool.yaml").diagnostics
    assert (said.code, said.line, said.col) == ("AF103", 2, 5)
    assert said.message.startswith("this holds a control character (U+0007)") and "\n" not in said.message


def test_a_text_starting_with_an_anchor_no_alias_uses_is_refused() -> None:
    """'title: &amp; more' read as 'more': the first word was taken for an anchor's name."""
    (said,) = parse_yaml("title: &a Home visits &amp; more\n", "tool.yaml").diagnostics
    assert (said.code, said.line, said.col) == ("AF108", 1, 8)
    assert "a text starting with '&' is read as an anchor" in said.message
    used = parse_yaml("guidance: &g Look at the plan.\nagain: *g\n", "tool.yaml")  # an anchor used, as meant
    assert used.diagnostics == [] and used.data == {"guidance": "Look at the plan.", "again": "Look at the plan."}
