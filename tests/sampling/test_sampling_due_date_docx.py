"""The Word form says when it is due back (the sample's due date), as people write dates."""

from __future__ import annotations

import datetime as dt
import io

import docx
from tests.conftest import KITCHEN_SINK

from auditforms.api import load_definition
from auditforms.renderers import RenderOptions, get_renderer


def paragraphs(data: bytes) -> list[str]:
    return [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]


def test_the_word_form_says_when_it_is_due_back() -> None:
    definition = load_definition(KITCHEN_SINK)
    renderer = get_renderer("docx")
    with_due = paragraphs(renderer.render(definition, RenderOptions(due_date=dt.date(2026, 11, 16))))
    assert "Please return this audit by 16 November 2026." in with_due
    without = paragraphs(renderer.render(definition, RenderOptions()))
    assert not [p for p in without if p.startswith("Please return this audit by")]
