"""Carrying answers between versions, as a pure transform: each kind of change, the moderation
record, and (property-based) that any document is carried without an exception, without
changing the old one, and without quoting an answer."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

TARGET = """\
id: demo
title: Demo
version: 2.0.0
lineage:
  from_versions:
    - versions: [1.0.0]
      answers:
{changes}
scales:
  - id: grade
    best: highest
    options:
      - {{id: strong, label: Strong, value: 3}}
      - {{id: adequate, label: Adequate, value: 2}}
      - {{id: weak, label: Weak, value: 1}}
    not_applicable: {{id: not-applicable, label: Not applicable}}
sections:
  - id: s
    title: S
    items:
      - {{id: colour, type: choice, label: Colour, options: [{{id: red, label: Red}}, {{id: blue, label: Blue}}]}}
      - {{id: tags, type: multichoice, label: Tags, options: [{{id: a, label: A}}, {{id: b, label: B}}]}}
      - {{id: a1, type: question, title: A1, judgement: {{scale: grade}}, narratives: [{{id: evidence, label: E}}]}}
      - {{id: a2, type: question, title: A2, judgement: {{scale: grade}}, narratives: [{{id: evidence, label: E}}]}}
      - {{id: m, type: question, title: M, judgement: {{scale: grade}}, narratives: [{{id: evidence, label: E}}]}}
"""


def target(*changes: str) -> Any:
    from auditforms.language.loader import load_text

    result = load_text(TARGET.format(changes="\n".join(f"        - {c}" for c in changes)), "demo.yaml")
    assert result.definition is not None, [d.format() for d in result.diagnostics]
    return result.definition


def carry(definition: Any, answers: dict[str, Any], moderation: dict[str, Any] | None = None) -> Any:
    from auditforms.versions.carry import carry as carry_

    document: dict[str, Any] = {"definition": {"id": "demo", "version": "1.0.0"}, "answers": answers}
    if moderation is not None:
        document["moderation"] = moderation
    assert definition.lineage is not None
    return carry_(document, definition.lineage.mapping_from("1.0.0"), definition)


def kinds(carried: Any) -> list[tuple[str, tuple[str, ...]]]:
    return [(n.kind, n.ids) for n in carried.notes]


def test_rename_and_grades() -> None:
    done = carry(target("{rename: old, to: a1}", "{grades: grade, map: {good: strong}}"),
                 {"old": {"judgement": "good", "evidence": "x"}})
    assert done.document["answers"] == {"a1": {"judgement": "strong", "evidence": "x"}}
    assert done.document["definition"] == {"id": "demo", "version": "2.0.0"}
    assert done.notes == ()


@pytest.mark.parametrize(("rule", "expected"), [("lowest", "weak"), ("highest", "strong"), ("first", "strong")])
def test_merge_chooses_the_judgement_by_its_rule(rule: str, expected: str) -> None:
    done = carry(target(f"{{merge: [x, y], into: m, judgement: {rule}}}"),
                 {"x": {"judgement": "strong", "evidence": "one"}, "y": {"judgement": "weak", "evidence": "two"}})
    assert done.document["answers"]["m"] == {"judgement": expected, "evidence": "one\n\ntwo"}
    assert kinds(done) == [("merged", ("x", "y", "m"))]


def test_split_copies_and_remove_drops() -> None:
    done = carry(target("{split: both, into: [a1, a2]}", "{remove: [gone], reason: not asked}"),
                 {"both": {"judgement": "adequate"}, "gone": "text"})
    assert done.document["answers"] == {"a1": {"judgement": "adequate"}, "a2": {"judgement": "adequate"}}
    assert kinds(done) == [("split", ("both", "a1", "a2")), ("removed", ("gone",))]
    assert done.notes[1].reason == "not asked"


def test_rename_onto_an_id_that_is_kept_is_a_clash_not_an_overwrite() -> None:
    done = carry(target("{rename: old, to: a1}"), {"a1": {"judgement": "weak"}, "old": {"judgement": "strong"}})
    assert done.document["answers"]["a1"] == {"judgement": "weak"}
    assert kinds(done) == [("clash", ("old", "a1"))]


def test_options_are_mapped_and_unknown_ones_reported() -> None:
    done = carry(target("{options: colour, map: {crimson: red}}", "{options: tags, map: {alpha: a}}"),
                 {"colour": "crimson", "tags": ["alpha", "zeta"]})
    assert done.document["answers"] == {"colour": "red", "tags": ["a"]}
    assert kinds(done) == [("option", ("tags",))]


def test_an_answer_with_no_place_and_an_unmapped_grade_are_not_carried() -> None:
    done = carry(target("{rename: old, to: a1}"), {"old": {"judgement": "good"}, "extra": "x"})
    assert done.document["answers"] == {"a1": {}}
    assert sorted(kinds(done)) == [("grade", ("a1",)), ("no-place", ("extra",))]


def test_the_moderation_record_follows_the_answers() -> None:
    done = carry(target("{merge: [x, y], into: m}", "{rename: old, to: a1}", "{grades: grade, map: {good: strong}}"),
                 {"x": {"judgement": "good"}, "y": {"judgement": "weak"}, "old": {"judgement": "good"}},
                 {"moderator": "M", "date": "2025-01-01", "comments": {"x": "c1", "y": "c2", "gone": "c3"},
                  "judgements": {"old": "weak"}, "agreed": ["x", "old"],
                  "auditor_judgements": {"x": "good", "y": "weak", "old": "good"}})
    moderation = done.document["moderation"]
    assert moderation["comments"] == {"m": "c1\n\nc2"}
    assert moderation["judgements"] == {"a1": "weak"}
    assert moderation["agreed"] == []  # not every merged part was agreed; a1 has a moderated judgement
    assert moderation["auditor_judgements"] == {"m": "weak", "a1": "strong"}
    assert ("no-place", ("gone",)) in kinds(done)


def test_a_lineage_is_not_inherited_by_a_customisation(tmp_path: Any) -> None:
    from auditforms.language.loader import load

    (tmp_path / "demo.yaml").write_text(TARGET.format(changes="        - {remove: gone}"), encoding="utf-8")
    (tmp_path / "custom.yaml").write_text("id: custom\nextends: demo\ntitle: Custom\nversion: 1.0.0\n",
                                          encoding="utf-8")
    custom = load(tmp_path / "custom.yaml").definition
    assert custom is not None and custom.lineage is None and custom.tool_id == "custom"


JSONISH = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                       lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                                    max_size=4), max_leaves=20)
IDS = st.sampled_from(["x", "y", "old", "both", "gone", "a1", "a2", "m", "colour", "tags", "other"])
SECRET = "Sensitive-Fictional-Answer-Text"


@settings(max_examples=150, deadline=None)
@given(answers=st.dictionaries(IDS, JSONISH, max_size=8), moderation=st.dictionaries(
    st.sampled_from(["comments", "judgements", "agreed", "auditor_judgements", "checklist", "responses", "date"]),
    JSONISH | st.dictionaries(IDS, JSONISH, max_size=4), max_size=5))
def test_any_document_is_carried_without_changing_it_or_quoting_it(answers: dict[str, Any],
                                                                    moderation: dict[str, Any]) -> None:
    from auditforms.versions.messages import note_diagnostics

    definition = _PROPERTY_TARGET
    answers = {**answers, "gone": SECRET}
    before = copy.deepcopy((answers, moderation))
    done = carry(definition, answers, moderation)
    assert (answers, moderation) == before
    assert set(done.document["answers"]) <= set(definition.index.order)
    json.dumps(done.document)
    text = " ".join(d.format() for d in note_diagnostics(done.notes, "f.json", "1.0.0"))
    assert SECRET not in text


_PROPERTY_TARGET = target("{merge: [x, y], into: m}", "{split: both, into: [a1, a2]}", "{rename: old, to: a1}",
                          "{remove: gone}", "{grades: grade, map: {good: strong}}", "{options: colour, map: {c: red}}")
