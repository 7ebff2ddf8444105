"""Whatever a completed-audit file holds, the report counts it or leaves it out; it never fails.
And the same figures always render to the same bytes, so snapshots stay stable."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditforms.collation import Collator, ReportOptions
from auditforms.collation.collate import MonthsError, months_between

JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=12),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                    max_leaves=20)
GRADES = st.sampled_from(["outstanding", "good", "requires-improvement", "inadequate", "not-applicable", "bogus"])
ANSWERS = st.fixed_dictionaries({
    "audit-date": st.sampled_from(["2026-11-02", "2026-10-31", "2026-13-01", "", "x"]) | JSON,
    "team": st.text(max_size=10) | JSON, "strand": st.lists(st.sampled_from(["hp", "lac", "zz"])) | JSON,
    "age-band": st.sampled_from(["0-5", "6-10", "nope"]) | JSON,
    "q1": st.fixed_dictionaries({"judgement": GRADES}) | JSON, "q4": st.fixed_dictionaries({"judgement": GRADES}),
})
DOCUMENTS = st.fixed_dictionaries({
    "format": st.just("auditforms/completed-audit"),
    "definition": st.fixed_dictionaries({"id": st.just("report-tool"), "version": st.sampled_from(["1.0.0", "2"])}),
    "status": st.sampled_from(["draft", "submitted", "moderated", "final", "other"]) | JSON,
    "answers": ANSWERS | JSON,
    "moderation": st.fixed_dictionaries({"judgements": st.dictionaries(st.sampled_from(["q1", "q4", "zz"]), GRADES),
                                         "auditor_judgements": JSON, "checklist": JSON}) | JSON,
    "history": JSON, "source": JSON, "audit_id": JSON,
})


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(documents=st.lists(DOCUMENTS, max_size=6))
def test_any_document_is_counted_or_left_out(tool: Any, documents: list[dict[str, Any]]) -> None:
    collator = Collator(tool, ReportOptions(period="2026-11", since="2026-10", public=True, include_text=True))
    counted = sum(collator.add(document, f"d{k}") is not None for k, document in enumerate(documents))
    figures = collator.figures()
    assert figures.coverage.counted == (counted if counted >= 5 or counted == 0 else None)  # none is said


def test_months_between() -> None:
    assert months_between("2025-11", "2026-02") == ("2025-11", "2025-12", "2026-01", "2026-02")
    with pytest.raises(MonthsError):
        months_between("2026-03", "2026-02")
    with pytest.raises(MonthsError):
        months_between("2023-01", "2026-02")


def test_rendering_is_deterministic(figures: Any) -> None:
    from auditforms.collation.html import render_html

    first = render_html(figures)
    assert first == render_html(figures)
    assert b"<dc:date>" not in first and b"Matplotlib v" not in first


@pytest.mark.parametrize("fmt", ["html", "docx", "xlsx"])
def test_control_characters_in_answers_render_in_every_format(tool: Any, fmt: str) -> None:
    """A BEL pasted into a team's name passed check and stopped the Word paper ("All strings must
    be XML compatible"); matplotlib warned about it on the terminal. Reports drop what no page
    can hold."""
    import warnings

    from auditforms.collation.formats import render

    collator = Collator(tool, ReportOptions(period="2026-11", since="2026-11", include_text=True))
    for k in range(6):
        collator.add({"format": "auditforms/completed-audit", "definition": {"id": "report-tool", "version": "1.0.0"},
                      "audit_id": f"2026-11-C{k}", "status": "submitted",
                      "answers": {"audit-date": "2026-11-02", "team": "North\x07\x1b[2J", "child-id": f"C{k}\x00",
                                  "q1": {"judgement": "good"}, "q4": {"judgement": "good"},
                                  "learning": "Lesson\x0b learnt\x1f."}}, f"a{k}")
    figures = collator.figures()
    assert [r.value for b in figures.breakdowns if b.dimension == "team" for r in b.rows] == ["North[2J"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a glyph warning would print the control character
        assert render(fmt, figures, [])
