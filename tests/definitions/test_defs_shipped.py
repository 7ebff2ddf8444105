"""The shipped definitions: they load, they say what the seed tools say, their ids hold still."""

from __future__ import annotations

from pathlib import Path

import pytest
from defs_support import (
    DEFINITION_FILES,
    DEFINITIONS,
    REFERENCE_FILES,
    load,
    question_pieces,
    texts,
)
from seed_wording import (
    MULTI_AGENCY_LABELS,
    MULTI_AGENCY_QUESTIONS,
    MULTI_AGENCY_SECTIONS,
    STATEMENT_PARAGRAPHS,
    STATEMENTS,
    TORBAY_COVID_FIELDS,
    TORBAY_FIELDS,
    TORBAY_LABELS,
    TORBAY_QUOTED,
    normalise,
)

from auditforms.model.definition import Question

SHIPPED_TOOLS = [
    "multi-agency-brief",
    "multi-agency-children-in-care",
    "torbay-disabled-children",
    "torbay-full-audit",
    "torbay-neglect-dip-sample",
    "torbay-uasc",
]


def test_the_shipped_tools_are_the_ones_these_tests_know() -> None:
    assert [p.stem for p in DEFINITION_FILES] == SHIPPED_TOOLS
    assert [p.stem for p in REFERENCE_FILES] == ["ofsted-statements-of-good"]


# -- every file is valid -------------------------------------------------------------------


@pytest.mark.parametrize("path", DEFINITION_FILES, ids=lambda p: p.stem)
def test_definition_loads_without_any_diagnostic(path: Path) -> None:
    from auditforms.api import load

    result = load(path)
    assert result.ok
    assert [d.format() for d in result.diagnostics] == []
    assert result.definition is not None and result.definition.id == path.stem


@pytest.mark.parametrize("path", REFERENCE_FILES, ids=lambda p: p.stem)
def test_reference_document_is_valid(path: Path) -> None:
    from auditforms.language.reference_file import validate_reference_file

    assert [d.format() for d in validate_reference_file(path)] == []


def test_cli_validates_the_whole_definitions_folder(run_cli) -> None:
    result = run_cli("validate", DEFINITIONS)
    assert result.exit_code == 0, result.output
    examples = sorted((DEFINITIONS / "examples").glob("*.yaml"))  # validated with the rest
    assert f"{len(DEFINITION_FILES) + len(REFERENCE_FILES) + len(examples)} of " in result.stderr


@pytest.mark.parametrize("path", DEFINITION_FILES, ids=lambda p: p.stem)
def test_definition_starts_with_its_schema_line(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schemas/definition.schema.json"


@pytest.mark.parametrize("path", REFERENCE_FILES, ids=lambda p: p.stem)
def test_reference_starts_with_its_schema_line(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../schemas/reference.schema.json"


# -- Torbay full audit tool: the seed's words --------------------------------------------------


@pytest.mark.parametrize("question_id", list(TORBAY_FIELDS))
def test_torbay_field_is_the_seed_text_in_order(question_id: str) -> None:
    question = load("torbay-full-audit").index.node(question_id)
    assert isinstance(question, Question)
    assert question.number == question_id[1:]
    assert question_pieces(question) == TORBAY_FIELDS[question_id]


def test_torbay_has_exactly_the_seeds_twelve_judged_fields() -> None:
    definition = load("torbay-full-audit")
    judged = [q.id for q in definition.index.questions() if q.judgement]
    assert judged == list(TORBAY_FIELDS)
    for question in definition.index.questions():
        assert question.judgement is not None and question.judgement.scale == "quality"
        narratives = [(n.id, n.label) for n in question.narratives]
        assert narratives == [("evidence", "Evidence:"), ("impact", "Impact:")]
        assert question.short_title


def test_torbay_covid_paragraphs_are_tagged_considerations_of_their_own() -> None:
    definition = load("torbay-full-audit")
    for question in definition.index.questions():
        covid = [c for c in question.considerations if "covid" in c.tags]
        if question.id in TORBAY_COVID_FIELDS:
            assert [c.id for c in covid] == [f"{question.id}-covid"]
            assert covid[0].text and "COVID" in covid[0].text.upper() and not covid[0].items
        else:
            assert covid == []


@pytest.mark.parametrize("wording", TORBAY_LABELS)
def test_torbay_label_is_used_exactly(wording: str) -> None:
    assert normalise(wording) in texts(load("torbay-full-audit"))


@pytest.mark.parametrize("wording", TORBAY_QUOTED)
def test_torbay_process_sentence_is_quoted(wording: str) -> None:
    assert any(normalise(wording) in text for text in texts(load("torbay-full-audit")))


def test_torbay_scale_and_overall_rating() -> None:
    definition = load("torbay-full-audit")
    scale = definition.scale("quality")
    assert [o.label for o in scale.options] == ["Exceeds good", "Meets good", "Does not meet good"]
    assert scale.rank("exceeds-good") > scale.rank("meets-good") > scale.rank("does-not-meet-good")
    assert scale.not_applicable is not None and scale.not_applicable.label == "Not applicable."
    assert definition.index.by_role("overall_rating") == "q12"
    assert definition.lookback is not None and definition.lookback.months == 6
    assert definition.completion_days == 14
    assert definition.marking is None


def test_torbay_roles_and_who_completes_the_header() -> None:
    definition = load("torbay-full-audit")
    roles = {role: definition.index.by_role(role) for role in (
        "child_id", "team", "auditor", "audit_date", "age_band", "strand", "worker_seen")}
    assert roles == {"child_id": "child-id", "team": "team", "auditor": "auditor-name",
                     "audit_date": "audit-date", "age_band": "age-band", "strand": "strand",
                     "worker_seen": "worker-seen"}
    header = definition.index.entries["header"].node
    by_whom = {item.id: item.completed_by or header.completed_by for item in header.items}
    central = {"child-id", "team", "age-band", "strand", "audited-previously"}
    assert {i for i, who in by_whom.items() if who == "central"} == central
    assert {i for i, who in by_whom.items() if who == "auditor"} == set(by_whom) - central


def test_torbay_strands_link_to_statements_that_exist() -> None:
    definition = load("torbay-full-audit")
    strand = definition.index.node("strand")
    assert len(strand.options) == 6
    linked = {o.label: o.see for o in strand.options}
    assert linked["Help and protection"] == ("help-and-protection",)
    assert linked["Leadership, management and governance"] == ("leadership-management-governance",)
    every_see = [s for o in strand.options for s in o.see]
    every_see += [s for q in definition.index.questions() for s in q.see]
    assert every_see and set(every_see) <= set(definition.index.statements)


def test_torbay_actions_table_columns() -> None:
    table = load("torbay-full-audit").index.node("actions")
    assert [(c.label, c.required) for c in table.columns] == [
        ("Agreed Action (child)", True), ("Person", True), ("Completion date", True),
        ("Manager’s sign off date", False), ("Update", False)]
    assert [c.type for c in table.columns] == ["textarea", "text", "date", "date", "textarea"]
    assert table.role == "action_plan"
    assert [c.role for c in table.columns] == [
        "action", "action_owner", "action_due", "action_signed_off", "action_update"]


# -- Ofsted statements of good -----------------------------------------------------------------


def test_statements_of_good_are_appendix_2_whole() -> None:
    statements = load("torbay-full-audit").index.statements
    assert list(statements) == list(STATEMENTS)
    for statement_id, (title, intro, openings) in STATEMENTS.items():
        statement = statements[statement_id]
        assert (statement.title, statement.intro) == (title, intro)
        assert len(statement.paragraphs) == len(openings)
        for paragraph, opening in zip(statement.paragraphs, openings, strict=True):
            assert paragraph.startswith(opening)
            assert paragraph == normalise(paragraph)
            glyphs = [ch for ch in paragraph if "\ue000" <= ch <= "\uf8ff"]
            assert glyphs == [], "a bullet glyph from the source slipped in"


@pytest.mark.parametrize("paragraph", STATEMENT_PARAGRAPHS, ids=lambda p: p[:30])
def test_statement_paragraph_is_verbatim(paragraph: str) -> None:
    statements = load("torbay-full-audit").index.statements.values()
    assert paragraph in [p for s in statements for p in s.paragraphs]


# -- multi-agency children-in-care tool: the seed's words -------------------------------------


def test_multi_agency_has_every_question_of_the_seed_and_no_other() -> None:
    questions = load("multi-agency-children-in-care").index.questions()
    assert [q.id for q in questions] == list(MULTI_AGENCY_QUESTIONS)
    for question in questions:
        assert question.title is None and question.short_title and question.judgement is None


@pytest.mark.parametrize("question_id", list(MULTI_AGENCY_QUESTIONS))
def test_multi_agency_question_is_the_seed_cell(question_id: str) -> None:
    question = load("multi-agency-children-in-care").index.node(question_id)
    assert question_pieces(question) == MULTI_AGENCY_QUESTIONS[question_id]


@pytest.mark.parametrize("section_id", list(MULTI_AGENCY_SECTIONS))
def test_multi_agency_section_labels_and_overall_judgement(section_id: str) -> None:
    definition = load("multi-agency-children-in-care")
    section = definition.index.entries[section_id].node
    title, comments, evidenced_by, overall_title, impact = MULTI_AGENCY_SECTIONS[section_id]
    assert section.title == title
    assert section.number == str(list(MULTI_AGENCY_SECTIONS).index(section_id) + 2)
    for question in section.items:
        assert [n.label for n in question.narratives] == [comments, evidenced_by]
    assert section.overall is not None and normalise(section.overall.title) == overall_title
    assert section.overall.judgement is not None
    assert (section.overall.judgement.scale, section.overall.judgement.label) == ("grade", "Grade:")
    assert section.overall.judgement.required
    assert [normalise(n.label) for n in section.overall.narratives] == ([impact] if impact else [])


@pytest.mark.parametrize("wording", MULTI_AGENCY_LABELS)
def test_multi_agency_label_is_used_exactly(wording: str) -> None:
    assert normalise(wording) in texts(load("multi-agency-children-in-care"))


def test_multi_agency_scale_marking_and_lookback() -> None:
    definition = load("multi-agency-children-in-care")
    scale = definition.scale("grade")
    assert scale.best == "lowest"
    assert [(o.label, o.value) for o in scale.options] == [
        ("1= Outstanding", 1), ("2= Good", 2), ("3= Adequate", 3), ("4 = Inadequate", 4)]
    assert definition.marking is not None
    assert definition.marking.label == "RESTRICTED WHEN COMPLETED"
    assert definition.lookback is not None and definition.lookback.months == 18
    roles = ("child_id", "child_initials", "overall_rating", "auditor", "audit_date")
    assert {r: definition.index.by_role(r) for r in roles} == {
        "child_id": "case-id",
        "child_initials": "child-initials",
        "overall_rating": "overall-judgement",
        "auditor": "auditor",
        "audit_date": "audit-date",
    }
    ecm = definition.index.node("ecm")
    assert [r.label for r in ecm.rows] == [
        "Being Healthy",
        "Staying Safe",
        "Enjoying and Achieving",
        "Making a Positive Contribution",
        "Achieving Economic Well-Being",
    ]
    assert [(c.type, c.scale) for c in ecm.columns] == [("textarea", None), ("scale", "grade")]


def test_multi_agency_keeps_the_seeds_uasc_questions_where_they_are() -> None:
    definition = load("multi-agency-children-in-care")
    prompt = definition.index.node("decision-to-come-into-care").prompt
    assert "unaccompanied asylum-seeker" in prompt
    assert definition.index.entries["uasc-planning"].section.id == "planning-review"
    labels = [f.label for f in definition.index.fields()]
    assert not any("asylum" in label for label in labels), "the seed has no UASC yes/no field"
