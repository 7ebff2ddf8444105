"""Composition with extends: every change, select, search path safety, cycles."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from tests_helpers import KITCHEN_DIR, write

from auditforms.language.loader import load

pytestmark = pytest.mark.filterwarnings("error")


def child(tmp_path: Path, body: str, name: str = "child") -> Path:
    return write(tmp_path / f"{name}.yaml", f"id: {name}\nextends: kitchen-sink\n{body}")


def loaded(path: Path):
    result = load(path, search_path=[KITCHEN_DIR])
    assert result.ok, [d.format() for d in result.diagnostics]
    return result.definition


def codes(path: Path) -> list[tuple[str, int]]:
    return [(d.code, d.line) for d in load(path, search_path=[KITCHEN_DIR]).diagnostics]


def test_child_inherits_and_overrides_top_level_keys(tmp_path: Path) -> None:
    d = loaded(child(tmp_path, "title: Brief tool\nversion: 2.0.0\n"))
    assert (d.title, d.version, d.based_on) == ("Brief tool", "2.0.0", ("kitchen-sink",))
    assert d.marking is not None and d.marking.label == "RESTRICTED WHEN COMPLETED"


def test_add_into_after_before(tmp_path: Path) -> None:
    body = """\
changes:
  - add: {id: extra, type: question, title: Extra}
    after: q1
  - add: {id: first, type: text, label: First}
    before: child-id
  - add: {id: last, type: text, label: Last}
    into: case-details
  - add: {id: new-section, title: New section}
"""
    d = loaded(child(tmp_path, body))
    practice = [i.id for i in d.sections[1].items]
    assert practice[:2] == ["q1", "extra"]
    header = [i.id for i in d.sections[0].items]
    assert header[0] == "first" and header[-1] == "last"
    assert d.sections[-1].id == "new-section"


def test_added_question_takes_the_section_defaults(tmp_path: Path) -> None:
    d = loaded(child(tmp_path, "changes:\n  - add: {id: extra, type: question, title: Extra}\n    into: practice\n"))
    extra = d.index.node("extra")
    assert extra.judgement.scale == "quality" and [n.id for n in extra.narratives] == ["evidence", "impact"]


def test_remove_replace_move_update(tmp_path: Path) -> None:
    body = """\
changes:
  - remove: [uasc-module, team]
  - replace: q2
    with: {id: q2, type: question, title: Replaced}
  - move: q3
    before: q1
  - update: q1
    set: {guidance: New guidance}
  - remove: overall-not-better-than-every-field
"""
    d = loaded(child(tmp_path, body))
    assert "uasc-module" not in d.index and "team" not in d.index
    assert d.index.node("q2").title == "Replaced"
    assert [i.id for i in d.sections[1].items] == ["q3", "q1", "q2"]
    assert d.index.node("q1").guidance == "New guidance"
    assert d.index.node("q1").title.startswith("Risk is identified")


def test_select_keeps_listed_parts_with_their_sections(tmp_path: Path) -> None:
    body = (
        "select: [case-details, q1, q3, actions-section]\n"
        "changes:\n  - remove: overall-not-better-than-every-field\n"
    )
    d = loaded(child(tmp_path, body))
    assert [s.id for s in d.sections] == ["case-details", "practice", "actions-section"]
    assert [i.id for i in d.sections[1].items] == ["q1", "q3"]


def test_rule_left_dangling_by_a_removal_is_an_error(tmp_path: Path) -> None:
    """At the remove, in the customisation: which rule names it and how to change that rule."""
    path = child(tmp_path, "changes:\n  - remove: q2\n")
    diagnostics = load(path, search_path=[KITCHEN_DIR]).diagnostics
    found = [d for d in diagnostics if d.code == "AF410"]
    assert len(found) == 1, [d.format() for d in diagnostics]
    assert (found[0].file, found[0].line) == (str(path), 4)
    assert "removes 'q2'" in found[0].message and "rule 'overall-not-better-than-every-field'" in found[0].message
    assert "add it to this remove: list" in found[0].message and "did you mean" not in found[0].message
    assert not any(d.code == "AF303" for d in diagnostics)


def test_removing_the_rule_too_is_enough(tmp_path: Path) -> None:
    loaded(child(tmp_path, "changes:\n  - remove: [q2, overall-not-better-than-every-field]\n"))


def test_select_leaving_out_a_part_a_rule_names(tmp_path: Path) -> None:
    path = child(tmp_path, "select: [header, q1, q3]\n")
    messages = [d.message for d in load(path, search_path=[KITCHEN_DIR]).diagnostics if d.code == "AF410"]
    assert messages and all("leaves out" in m and "add a change: remove:" in m for m in messages)


def test_typo_in_set_is_reported_at_the_typo_in_the_customisation(tmp_path: Path) -> None:
    path = child(tmp_path, "changes:\n  - update: q1\n    set:\n      titel: Risk\n")
    diagnostics = load(path, search_path=[KITCHEN_DIR]).diagnostics
    assert [(d.code, d.file, d.line, d.col) for d in diagnostics] == [("AF201", str(path), 6, 7)]
    assert "'titel' is not a key of a question; did you mean 'title'?" in diagnostics[0].message
    assert "Extra inputs" not in diagnostics[0].message


def test_wrong_value_in_set_is_reported_in_the_customisation(tmp_path: Path) -> None:
    path = child(tmp_path, "changes:\n  - update: q1\n    set: {judgement: {scale: quality, required: maybe}}\n")
    diagnostics = load(path, search_path=[KITCHEN_DIR]).diagnostics
    assert [(d.code, d.file, d.line) for d in diagnostics] == [("AF203", str(path), 5)]


def test_typo_in_an_added_item_is_reported_in_auditforms_words(tmp_path: Path) -> None:
    path = child(tmp_path, "changes:\n  - add: {id: extra, type: text, labl: Extra}\n    after: q1\n")
    diagnostics = load(path, search_path=[KITCHEN_DIR]).diagnostics
    assert any(d.code == "AF201" and d.line == 4 and "did you mean 'label'" in d.message for d in diagnostics)


def test_sections_in_a_customisation_is_told_plainly(tmp_path: Path) -> None:
    path = child(tmp_path, "sections:\n  - {id: only, title: Only}\n")
    found = [d for d in load(path, search_path=[KITCHEN_DIR]).diagnostics if d.code == "AF409"]
    assert found and "replaces every section of 'kitchen-sink'" in found[0].message
    assert "changes:" in found[0].message and found[0].line == 3


def test_scales_and_rules_merge_by_id(tmp_path: Path) -> None:
    body = """\
scales:
  - id: grade
    best: lowest
    options: [{id: good, label: Good, value: 2}, {id: poor, label: Poor, value: 4}]
rules:
  - {id: new-rule, message: m, assert: {field: team, answered: true}}
changes:
  - remove: uasc-module
"""
    d = loaded(child(tmp_path, body))
    assert [o.id for o in d.scale("grade").options] == ["good", "poor"]
    assert d.rules[-1].id == "new-rule" and len(d.rules) == 7


def test_unknown_ids_in_changes_are_reported_with_suggestions(tmp_path: Path) -> None:
    path = child(tmp_path, "changes:\n  - remove: q11\n  - update: practise\n    set: {title: X}\n")
    messages = [d.message for d in load(path, search_path=[KITCHEN_DIR]).diagnostics]
    assert any("did you mean 'q1'" in m for m in messages)
    assert any("did you mean 'practice'" in m for m in messages)


def test_cycle_is_an_error(tmp_path: Path) -> None:
    write(tmp_path / "a.yaml", "id: a\nextends: b\n")
    write(tmp_path / "b.yaml", "id: b\nextends: a\n")
    diagnostics = load(tmp_path / "a.yaml").diagnostics
    assert any(d.code == "AF402" and "a -> b -> a" in d.message for d in diagnostics)


def test_self_extension_is_a_cycle(tmp_path: Path) -> None:
    write(tmp_path / "a.yaml", "id: a\nextends: a\n")
    assert any(d.code == "AF402" for d in load(tmp_path / "a.yaml").diagnostics)


def test_unknown_parent_suggests_a_known_tool(tmp_path: Path) -> None:
    path = write(tmp_path / "c.yaml", "id: c\nextends: kitchen-sinc\n")
    diagnostics = load(path, search_path=[KITCHEN_DIR]).diagnostics
    assert [(d.code, d.line, d.col) for d in diagnostics] == [("AF401", 2, 10)]
    assert "did you mean 'kitchen-sink'" in diagnostics[0].message


def test_extends_cannot_name_a_path(tmp_path: Path) -> None:
    path = write(tmp_path / "c.yaml", "id: c\nextends: ../../etc/passwd\n")
    diagnostics = load(path).diagnostics
    assert diagnostics and diagnostics[0].code == "AF205"


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_extends_does_not_follow_a_link_out_of_the_search_path(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    inside = tmp_path / "inside"
    outside.mkdir()
    inside.mkdir()
    write(outside / "secret.yaml", (KITCHEN_DIR / "kitchen-sink.yaml").read_text())
    (inside / "secret.yaml").symlink_to(outside / "secret.yaml")
    path = write(inside / "c.yaml", "id: c\nextends: secret\n")
    diagnostics = load(path).diagnostics
    assert [d.code for d in diagnostics] == ["AF405"]


def test_errors_in_the_parent_point_into_the_parent(tmp_path: Path) -> None:
    write(tmp_path / "parent.yaml", "id: parent\ntitle: P\nversion: 1.0.0\nsections:\n  - {id: s, titel: S}\n")
    path = write(tmp_path / "c.yaml", "id: c\nextends: parent\n")
    diagnostics = load(path).diagnostics
    assert any(d.file.endswith("parent.yaml") and d.line == 5 and d.code == "AF201" for d in diagnostics)
    assert any(d.file.endswith("c.yaml") and d.line == 2 for d in diagnostics)


def test_errors_in_added_parts_point_into_the_child(tmp_path: Path) -> None:
    body = "changes:\n  - add: {id: extra, type: question, judgement: {scale: nope}}\n    into: practice\n"
    path = child(tmp_path, body)
    diagnostics = load(path, search_path=[KITCHEN_DIR]).diagnostics
    assert [(Path(d.file).name, d.line, d.code) for d in diagnostics] == [("child.yaml", 4, "AF302")]


def test_a_section_cannot_be_added_among_items(tmp_path: Path) -> None:
    path = child(tmp_path, "changes:\n  - add: {id: new-section, title: New}\n    after: q1\n")
    diagnostics = load(path, search_path=[KITCHEN_DIR]).diagnostics
    assert [(d.code, d.line) for d in diagnostics] == [("AF408", 5)]
    assert "put a section after or before a section" in diagnostics[0].message


def test_removing_a_table_a_row_rule_visits_names_the_rule(tmp_path: Path) -> None:
    path = child(tmp_path, "changes:\n  - remove: actions\n")
    messages = [d.message for d in load(path, search_path=[KITCHEN_DIR]).diagnostics if d.code == "AF410"]
    assert messages and all("removes 'actions'" in m for m in messages)


def test_a_rule_given_here_that_names_a_removed_part_is_said_to_be_given_here(tmp_path: Path) -> None:
    body = ("rules:\n  - {id: own-rule, message: m, assert: {field: q1.judgement, answered: true}}\n"
            "changes:\n  - remove: q1\n")
    messages = [d.message for d in load(child(tmp_path, body), search_path=[KITCHEN_DIR]).diagnostics
                if d.code == "AF410"]
    assert any("'own-rule' given here under rules:" in m for m in messages), messages
