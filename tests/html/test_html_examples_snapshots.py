"""Snapshots of the example tools' HTML forms: sub-sections, checklist grids, headings, static
text, fields side by side and inputs inside questions, as markup to review."""

from __future__ import annotations

import pytest
from tests.definitions.examples_support import EXAMPLES
from tests.html.html_support import render_html, snapshot_text

from auditforms.api import load_definition


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_html_example_snapshot(path, snapshot):
    assert snapshot_text(render_html(load_definition(path))) == snapshot
