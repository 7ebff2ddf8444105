"""The text of a new customisation file (``auditforms new``).

The scaffold must validate exactly as written, so its only live keys are ``id``,
``extends``, ``title`` and ``version``; everything else is a comment showing, with the
parent's real ids, how to add, remove, replace, move and update parts.
"""

from __future__ import annotations

import os
from pathlib import Path

from auditforms.model.definition import Definition, Question, Section

SCHEMA_LINE = "# yaml-language-server: $schema={schema}"
#: Where definitions find the schema in a service folder (and in this repository):
#: ``definitions/`` beside ``schemas/``. See docs/definition-language.md.
CONVENTIONAL_SCHEMA = "../schemas/definition.schema.json"


def schema_reference(folder: Path) -> str:
    """The ``$schema`` of a new file in ``folder``: the nearest ``schemas/definition.schema.json``
    above it, relative (it moves with the folder), else the conventional place.

    Never the installed package's copy: a path into site-packages changes with every
    virtual environment and upgrade, and means nothing to a colleague's editor.
    """
    for parent in (folder, *folder.parents):
        candidate = parent / "schemas" / "definition.schema.json"
        if candidate.is_file():
            return Path(os.path.relpath(candidate, folder)).as_posix()
    return CONVENTIONAL_SCHEMA


def scaffold(new_id: str, parent: Definition, schema_url: str) -> str:
    section = parent.sections[-1] if parent.sections else None
    questions = list(parent.index.questions())
    question = questions[0] if questions else None
    other = questions[1].id if len(questions) > 1 else "ANOTHER-ID"  # never move a question before itself
    first = _first_section_with_questions(parent)
    s_id = first.id if first else (section.id if section else "a-section")
    q_id = question.id if question else "q1"
    scale = parent.scales[0].id if parent.scales else "a-scale"
    grade = parent.scales[0].options[0].id if parent.scales else "a-grade"
    return f"""{SCHEMA_LINE.format(schema=schema_url)}
# A customisation of "{parent.title}" ({parent.id} {parent.version}).
# Everything not changed here comes from {parent.id}. See `auditforms show {new_id}.yaml`
# for the result, and docs/definition-language.md for every key.
id: {new_id}
extends: {parent.id}
title: "{parent.title} (customised)"
version: 0.1.0

# Keep only some sections and questions (a brief or themed version, e.g. for a dip sample):
# select: [{s_id}, {q_id}]

# Changes are applied in order, after select:
# changes:
#   - add:                        # a new question (items have a type; sections do not)
#       id: {q_id}-extra
#       type: question
#       title: Is the child's voice evident in the plan?
#       judgement: {{scale: {scale}}}
#       narratives:
#         - {{id: evidence, label: "Evidence:"}}
#         - {{id: impact, label: "Impact:"}}
#     after: {q_id}                 # or before: ID, or into: SECTION-ID
#   - add:                        # a section shown only when an answer holds
#       id: extra-module
#       title: Additional questions
#       when: {{field: SOME-YES-NO-FIELD, is: "yes"}}
#       items: []
#   - remove: {q_id}                # a section, item or rule (or a list of ids)
#   - replace: {q_id}
#     with: {{id: {q_id}, type: question, title: New wording}}
#   - move: {q_id}
#     after: {other}
#   - update: {q_id}                # change some keys, keep the rest
#     set: {{guidance: Look at the last three visits.}}
#   - update: {q_id}                # add a paragraph to its guidance rather than replace it
#     append: {{guidance: In this service also read the last core group minutes.}}
#   - update_scale: {scale}         # change one grade, keep the rest of the scale
#     grade: {grade}
#     append: {{description: What this grade means in this service.}}

# Extra rules for completed audits (added to {parent.id}'s):
# rules:
#   - id: voice-evidence
#     for_each: question
#     when: {{field: .judgement, graded: true}}
#     assert: {{field: .evidence, answered: true}}
#     message: evidence is required when a judgement is given
"""


#: the whole tool ``auditforms new NAME`` writes, in the shipped examples (validated by the tests)
WHOLE_TOOL = "new-tool.yaml"


def whole_tool(new_id: str, schema_url: str) -> str:
    """A whole tool of one's own to start from, with ``new_id`` as its id: the shipped
    template (case details, a graded section, an overall rating, an actions table, a rule)."""
    from auditforms.resources import data_dir

    template = (data_dir("examples") / WHOLE_TOOL).read_text(encoding="utf-8")
    title = new_id.replace("-", " ").capitalize()
    text = template.replace("\nid: new-tool\n", f"\nid: {new_id}\n", 1).replace(
        "\ntitle: New audit tool\n", f"\ntitle: {title}\n", 1)
    return f"{SCHEMA_LINE.format(schema=schema_url)}\n{text}"


def _first_section_with_questions(parent: Definition) -> Section | None:
    for section in parent.sections:
        if any(isinstance(i, Question) for i in section.items):
            return section
    return None
