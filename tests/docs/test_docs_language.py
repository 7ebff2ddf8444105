"""docs/definition-language.md and the models stay true to the JSON Schema."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from auditforms.language.loader import load_text
from auditforms.language.reference_doc import generate, splice
from auditforms.language.schema import definition_schema
from auditforms.model import definition as m
from auditforms.model.conditions import Judgements
from auditforms.model.conditions import Test as ConditionTest
from auditforms.model.rubric import Descriptor, Link

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "definition-language.md"
EXAMPLES = re.findall(r"```yaml\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)


def test_generated_key_reference_is_up_to_date() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert splice(text, generate(definition_schema())) == text, (
        "run: python -m auditforms.language.reference_doc --write"
    )


@pytest.mark.parametrize("example", EXAMPLES, ids=[re.search(r"id: (\S+)", e).group(1) for e in EXAMPLES])
def test_every_example_validates(example: str) -> None:
    """Without a warning either: the examples are what authors copy (the page's own advice on
    writing YAML safely holds for them)."""
    result = load_text(example, "example.yaml", search_path=[ROOT / "definitions"])
    assert result.ok and not result.diagnostics, [d.format() for d in result.diagnostics]


def test_there_is_an_example_of_each_general_feature() -> None:
    text = "\n".join(EXAMPLES)
    for needle in ("best: lowest", "not_applicable", "overall:", "parts:", "optional: true",
                   "follow_up:", "tagged:", "narratives: []", "rows:", "extends:", "select:",
                   "widget: select", "type: multichoice", "type: age_band", "see:", "better_than_all",
                   "good_from:", "meets_good:", "words_at_least:", "mentions_child:", "copies:",
                   "within_lookback_of:", "{judgements: questions}", "for_each: section", "moderation:",
                   "applies_to:"):
        assert needle in text, needle


def test_there_is_an_example_of_each_structure_feature() -> None:
    text = "\n".join(EXAMPLES)
    for needle in ("type: subsection", "s1a.not_relevant", "type: heading", "type: static_text",
                   "show_title: false", "fields_per_row:", "fields:", "order: [narratives, judgement]",
                   "kind: checklist", "type: checklist", "criteria:", "numbers: as_written",
                   "show_optional: false", "header_key:"):
        assert needle in text, needle


def test_there_is_an_example_of_each_answer_rule_and_rubric_feature() -> None:
    """Issue 15's answers, rules and rubric: each has an example that validates (above)."""
    text = "\n".join(EXAMPLES)
    for needle in ("type: month", "type: email", "type: telephone", "unit:", "required: true}",
                   "required: when_graded", "description: |-", "descriptors:", "links:", "tagged: quality",
                   "except: [overall]", "scale: quality, except", "show_tags: true",
                   "type: compound", "field: short-breaks.accepted", "label: Initials, role: child_initials}"):
        assert needle in text, needle


# Schema $def -> (model, keys only in the schema, keys only in the model)
PAIRS = {
    "marking": (m.Marking, set(), set()),
    "lookback": (m.Lookback, set(), set()),
    "moderation": (m.Moderation, set(), set()),
    "moderationDeadline": (m.ModerationDeadline, set(), set()),
    "checklistItem": (m.ChecklistItem, set(), set()),
    "scale": (m.Scale, set(), set()),
    "scaleOption": (m.ScaleOption, set(), set()),
    "notApplicable": (m.NotApplicableOption, set(), set()),
    "section": (m.Section, {"defaults"}, set()),
    "question": (m.Question, set(), set()),
    "consideration": (m.Consideration, set(), set()),
    "judgement": (m.Judgement, set(), set()),
    "narrative": (m.Narrative, set(), set()),
    "field": (m.FieldItem, set(), set()),
    "option": (m.Option, set(), set()),
    "ageBand": (m.AgeBand, set(), set()),
    "table": (m.Table, set(), set()),
    "column": (m.Column, set(), set()),
    "rowLabel": (m.RowLabel, set(), set()),
    "overall": (m.Overall, set(), set()),
    "test": (ConditionTest, set(), set()),
    "rule": (m.Rule, set(), set()),
    "subsection": (m.SubSection, {"defaults"}, set()),
    "heading": (m.Heading, set(), {"number", "when", "see"}),
    "staticText": (m.StaticText, set(), {"number", "when", "see"}),
    "checklist": (m.Checklist, set(), {"number"}),
    "presentation": (m.Presentation, set(), set()),
    "link": (Link, set(), set()),
    "descriptor": (Descriptor, set(), set()),
    "judgementSelector": (Judgements, set(), set()),
}


def _model_keys(model: type) -> set[str]:
    return {f.alias or name for name, f in model.model_fields.items()}


@pytest.mark.parametrize("name", list(PAIRS))
def test_model_and_schema_have_the_same_keys(name: str) -> None:
    model, schema_only, model_only = PAIRS[name]
    schema_keys = set(definition_schema()["$defs"][name]["properties"])
    assert schema_keys - schema_only == _model_keys(model) - model_only


def test_top_level_keys_match() -> None:
    schema_keys = set(definition_schema()["properties"]) - {"$schema", "extends", "select", "changes"}
    assert schema_keys == _model_keys(m.Definition) - {"based_on"}
