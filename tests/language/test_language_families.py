"""Families of tools: an abstract base, shared scale libraries, a change to one grade,
Markdown appended to, and the checks on audit types, subjects and who takes part."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests_helpers import write

from auditforms.language.loader import load

pytestmark = pytest.mark.filterwarnings("error")

EXAMPLES = Path(__file__).resolve().parents[2] / "definitions" / "examples"

BASE = """\
id: base
abstract: true
title: Base
version: 1.0.0
scale_libraries: [grades]
guidance: Read the record.
sections:
  - id: details
    title: Details
    items:
      - {id: child-id, type: text, label: Child, role: child_id}
      - {id: audit-date, type: date, label: Date, role: audit_date}
  - id: practice
    title: Practice
    items:
      - {id: q1, type: question, title: Voice, guidance: Is the child seen?, judgement: {scale: grades}}
"""
LIBRARY = """\
id: grades
scales:
  - id: grades
    best: highest
    good_from: good
    options:
      - {id: good, label: Good, value: 2, description: Helps the child.}
      - {id: poor, label: Poor, value: 1}
"""


@pytest.fixture
def family(tmp_path: Path) -> Path:
    (tmp_path / "scales").mkdir()
    write(tmp_path / "scales" / "grades.yaml", LIBRARY)
    write(tmp_path / "base.yaml", BASE)
    return tmp_path


def tool(folder: Path, body: str, name: str = "cohort") -> Path:
    return write(folder / f"{name}.yaml", f"id: {name}\nextends: base\n{body}")


def problems(path: Path) -> list[tuple[str, int, str]]:
    return [(d.code, d.line, d.message) for d in load(path).diagnostics]


def test_a_family_with_an_abstract_base(family: Path) -> None:
    base = load(family / "base.yaml").definition
    assert base is not None and base.abstract
    cohort = load(tool(family, "title: Cohort\n")).definition
    assert cohort is not None and not cohort.abstract and cohort.based_on == ("base",)
    assert [s.id for s in cohort.scales] == ["grades"] and cohort.scale_libraries == ("grades",)


def test_a_base_may_stay_abstract_when_it_says_so(family: Path) -> None:
    middle = load(tool(family, "abstract: true\n", name="middle")).definition
    assert middle is not None and middle.abstract


def test_render_sample_and_check_refuse_an_abstract_base_but_show_does_not(family: Path, run_cli) -> None:
    base = family / "base.yaml"
    rendered = run_cli("render", base, "-o", family / "base.html")
    assert rendered.exit_code == 1 and not (family / "base.html").exists()
    assert rendered.stderr.startswith(f"{base}:2:11: error[AF430] 'base' is an abstract base: tools "
                                      "extend it, but it is never rendered")
    assert "auditforms new NAME --extends base" in rendered.stderr
    assert run_cli("show", base).exit_code == 0


def test_new_writes_a_real_tool_from_an_abstract_base(family: Path, run_cli, monkeypatch) -> None:
    monkeypatch.chdir(family)
    assert run_cli("new", "cohort", "--extends", "base").exit_code == 0
    cohort = load(family / "cohort.yaml").definition
    assert cohort is not None and not cohort.abstract


def test_a_change_to_one_grade_keeps_the_rest_of_the_scale(family: Path) -> None:
    body = """\
changes:
  - update_scale: grades
    grade: good
    append: {description: In early help the family agreed the plan.}
  - update_scale: grades
    grade: poor
    set: {label: Not yet good}
"""
    scale = load(tool(family, body)).definition.scale("grades")
    good, poor = scale.options
    assert good.description == "Helps the child.\n\nIn early help the family agreed the plan."
    assert (poor.label, poor.value, scale.good_from) == ("Not yet good", 1, "good")


def test_markdown_appended_to_a_question_and_to_the_tool(family: Path) -> None:
    body = """\
changes:
  - update: q1
    append: {guidance: And heard alone?}
  - append: {guidance: Then talk to the worker., description: A cohort tool.}
"""
    d = load(tool(family, body)).definition
    assert d.index.node("q1").guidance == "Is the child seen?\n\nAnd heard alone?"
    assert (d.guidance, d.description) == ("Read the record.\n\nThen talk to the worker.", "A cohort tool.")


@pytest.mark.parametrize(("body", "code", "line", "words"), [
    ("changes:\n  - update: q1\n    append: {title: More}\n", "AF433", 5, "'title' cannot be appended to"),
    ("changes:\n  - update_scale: grades\n    grade: fair\n    set: {label: F}\n", "AF403", 5,
     "'fair' is not a grade of scale 'grades'"),
    ("changes:\n  - update_scale: grade\n    set: {title: T}\n", "AF403", 4,
     "'grade' is not a scale of the tool being extended; did you mean 'grades'?"),
    ("changes:\n  - update_scale: grades\n    grade: good\n    set: {id: fine}\n", "AF434", 6,
     "a change cannot rename a grade"),
    ("scale_libraries: [grades]\nscales:\n  - {id: grades, best: highest, options: [{id: a, label: A, value: 1}]}\n",
     "AF432", 5,
     "scale 'grades' is given by library 'grades' and again by this tool"),
    ("scale_libraries: [grade]\n", "AF431", 3, "scale library 'grade' not found in a scales/ folder"),
])
def test_family_mistakes_are_one_located_line(family: Path, body: str, code: str, line: int,
                                              words: str) -> None:
    found = problems(tool(family, body))
    assert any(c == code and n == line and words in m for c, n, m in found), found


@pytest.mark.parametrize(("body", "code", "words"), [
    ("subject: {kind: document}\n", "AF341", "give fields the roles document_id and document_date"),
    ("changes:\n  - add: {id: doc, type: text, label: Doc, role: document_id}\n    after: child-id\n",
     "AF341", "the role document_id is for audits of one document"),
    ("changes:\n  - add: {id: kind, type: choice, label: K, role: audit_type, options: [{id: a, label: A}]}\n"
     "    after: child-id\n", "AF342", "the role audit_type needs the tool's audit_types"),
    ("audit_types: [{id: regular, label: Regular}, {id: deep-dive, label: Deep dive}]\nchanges:\n"
     "  - add: {id: kind, type: choice, label: K, role: audit_type, options: [{id: regular, label: R}]}\n"
     "    after: child-id\n", "AF342", "options must be the tool's audit types"),
    ("moderation: {moderated: never}\nchanges:\n  - add: {id: m, type: text, label: M, completed_by: moderator}\n"
     "    after: child-id\n", "AF343", "'m' is for the moderator, but this tool is never moderated"),
    ("moderation: {moderated: never, checklist: [{id: c, label: C, applies_to: questions}]}\n", "AF343",
     "never moderated has no moderator's checklist"),
    ("changes:\n  - update: child-id\n    set: {completed_by: schol}\n", "AF340",
     "'schol' is not central, auditor, moderator or a party of this tool"),
    ("parties: [{id: lp, label: LP, does: receive-outcome}]\n"
     "changes:\n  - update: child-id\n    set: {completed_by: lp}\n",
     "AF340", "'lp' receives the outcome and completes nothing"),
    ("parties: [{id: auditor, label: A, does: contribute}]\n", "AF340", "a party cannot be called 'auditor'"),
    ("companions: [{tool: bas}]\n", "AF435", "no companion tool 'bas'"),
    ("companions: [{tool: base, completed_by: school}]\n", "AF340", "'school' is not a party"),
    ("sampling: {method: stratified}\n", "AF344", "needs stratify_by"),
    ("audit_types: [{id: a, label: A}, {id: a, label: B}]\n", "AF301", "audit type"),
])
def test_family_checks(family: Path, body: str, code: str, words: str) -> None:
    found = problems(tool(family, body))
    assert any(c == code and n > 0 and words in m for c, n, m in found), found


def test_the_shipped_examples_load_and_validate(run_cli) -> None:
    result = run_cli("validate", EXAMPLES)
    assert result.exit_code == 0, result.output
    early_help = load(EXAMPLES / "family-early-help.yaml").definition
    assert [t.id for t in early_help.audit_types] == ["regular", "deep-dive"]
    assert early_help.scale("four-point").option("good").description.endswith("lead professional is.")


def test_validate_checks_a_scale_library_on_its_own(family: Path, run_cli) -> None:
    bad = write(family / "scales" / "broken.yaml", "id: broken\nscales:\n  - {id: s, best: up, options: []}\n")
    result = run_cli("validate", bad)
    assert result.exit_code == 1
    assert f"{bad}:3:19: error[AF204] 'up' is not allowed here; use one of: highest, lowest" in result.stdout


def test_render_refuses_an_audit_type_the_tool_lacks(run_cli, tmp_path: Path) -> None:
    result = run_cli("render", EXAMPLES / "family-early-help.yaml", "--audit-type", "deep", "-o",
                     tmp_path / "f.html")
    assert result.exit_code == 2 and "the tool has no audit type 'deep' (it has: regular, deep-dive)" in result.stderr


def test_the_new_scaffold_shows_grade_and_append_changes_that_work(run_cli, family: Path) -> None:
    target = family / "cohort.yaml"
    assert run_cli("new", "cohort", "--extends", "base", "-o", target).exit_code == 0
    text = target.read_text(encoding="utf-8")
    start = text.index("#   - update: q1                # add a paragraph")
    block = text[start:text.index("\n\n", start)]
    live = "changes:\n" + "\n".join(line[1:] for line in block.splitlines()) + "\n"
    d = load(write(family / "live.yaml", text + live)).definition
    assert d is not None and d.scale("grades").option("good").description.endswith("in this service.")
