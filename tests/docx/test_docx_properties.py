"""Property: whatever text an auditor types comes back unchanged (trimmed), wherever it is typed."""

from __future__ import annotations

import pytest
from docx_helpers import fill
from docx_paths import KITCHEN_SINK
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditforms.extract import extract_docx

# What a person can type: any character except control characters (tabs and newlines aside).
TYPED = st.text(st.characters(blacklist_categories=("Cs", "Cc"), whitelist_characters="\n\t"),
                max_size=200)


@pytest.fixture(scope="module")
def blank(render) -> bytes:
    return render(KITCHEN_SINK)


def _expected(text: str) -> str | None:
    text = text.strip()
    return text or None


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(narrative=TYPED, field=TYPED, cell=TYPED)
def test_docx_typed_text_round_trips(kitchen_sink, blank, narrative, field, cell):
    data = fill(blank, {"q1.evidence": narrative, "team": field, "actions.1.person": cell})
    document, diagnostics = extract_docx(kitchen_sink, data, "f.docx")
    assert diagnostics == []
    answers = document["answers"]
    assert answers.get("q1", {}).get("evidence") == _expected(narrative)
    assert answers.get("team") == _expected(field)
    rows = answers.get("actions", [])
    assert (rows[0]["person"] if rows else None) == _expected(cell)
