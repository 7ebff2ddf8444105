"""A question with no title is called by its prompt's first paragraph, and the rest of the
prompt follows its heading: in the HTML form, the Word form and check's messages."""

from __future__ import annotations

import io

import docx

from auditforms.api import check
from auditforms.language.loader import load_text
from auditforms.renderers import RenderOptions
from auditforms.renderers.docx import DocxRenderer
from auditforms.renderers.html import RENDERER

TOOL = """\
id: bullets
title: Bullets
version: 1.0.0
sections:
  - id: safe
    title: Staying Safe
    items:
      - id: q5-2
        type: question
        narratives: [{id: comments, label: Auditor comments, required: true}]
        prompt: |
          All relevant agencies:

          Are risks to the child continuously assessed? To include:

          - Risks within placement
          - Risks from their family
"""


def tool():
    result = load_text(TOOL, "bullets.yaml")
    assert result.definition is not None, [d.format() for d in result.diagnostics]
    return result.definition


def test_the_lead_and_the_rest() -> None:
    question = tool().index.node("q5-2")
    assert question.prompt_lead == "All relevant agencies:"
    assert question.prompt_after_lead.startswith("Are risks to the child") and "- Risks from their family" in \
        question.prompt_after_lead


def test_html_heads_the_question_with_the_lead_and_keeps_the_list() -> None:
    page = RENDERER.render(tool(), RenderOptions()).decode("utf-8")
    assert '<h3 class="af-question__heading" id="f-q5-2-heading">All relevant agencies:</h3>' in page
    assert "<li>Risks within placement</li>" in page  # the list is a list, not a run-on heading
    assert '<span class="af-visually-hidden"> – All relevant agencies:</span>' in page  # not raw Markdown


def test_word_prints_the_lead_once() -> None:
    document = docx.Document(io.BytesIO(DocxRenderer().render(tool(), RenderOptions())))
    texts = [p.text for p in document.paragraphs]
    assert texts.count("All relevant agencies:") == 1
    assert any(t.startswith("Are risks to the child") for t in texts)


def test_check_names_the_question_by_its_lead() -> None:
    report = check(tool(), {"format": "auditforms/completed-audit", "format_version": 1, "status": "submitted",
                            "definition": {"id": "bullets", "version": "1.0.0"}, "answers": {}})
    messages = [d.message for d in report.diagnostics if d.pointer and "q5-2" in d.pointer]
    assert messages and all(m.startswith("All relevant agencies:") and "Risks" not in m for m in messages)


def test_the_lead_is_read_as_the_forms_read_markdown() -> None:
    """A list straight after the first line is the rest, not part of the heading; a prompt that
    starts with a list has no lead (it cannot name the question in one line)."""
    from auditforms.model.markdown import split_lead

    assert split_lead("Assessment\n- Are needs assessed?\n- Risks?") == \
        ("Assessment", "- Are needs assessed?\n- Risks?")
    assert split_lead("- one\n\n- two") == ("", "- one\n\n- two")
    assert split_lead("# Plan\nIs there a plan?") == ("Plan", "Is there a plan?")
    assert split_lead("First line\nsecond line\n\nnext") == ("First line second line", "next")
