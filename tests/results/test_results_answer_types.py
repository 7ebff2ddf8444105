"""``check`` and the data dictionary for the new answer types: a month, an e-mail address, a
number with a unit, narratives required outright or when graded, and tags."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from auditforms.api import load_definition
from auditforms.months import read_written_month
from auditforms.results.check import check_document
from auditforms.results.dictionary_rows import DictionaryBuilder
from auditforms.sampling.prefill import convert

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def tool() -> Any:
    return load_definition(ROOT / "definitions" / "examples" / "answers-care-leavers.yaml")


def _audit(**answers: Any) -> dict[str, Any]:
    base = {"audit-date": "2026-11-12", "care-leaver": "no",
            "q1": {"judgement": "good", "evidence": "Seen.", "impact": "Safer."}}
    return {"format": "auditforms/completed-audit", "format_version": 1,
            "definition": {"id": "answers-care-leavers", "version": "1.0.0"}, "status": "draft",
            "answers": {**base, **answers}}


def _problems(tool: Any, document: dict[str, Any]) -> list[tuple[str | None, str]]:
    return [(d.pointer, d.message) for d in check_document(tool, document) if d.is_error]


def test_well_formed_answers_pass(tool) -> None:
    document = _audit(**{"last-review": "2026-03", "attendance": 87.5, "worker-email": "pa@example.org",
                         "worker-telephone": "01234 567890"})
    assert _problems(tool, document) == []


def test_a_month_and_an_email_not_written_so_are_reported_with_an_example(tool) -> None:
    problems = dict(_problems(tool, _audit(**{"last-review": "03/2026", "worker-email": "pa at example"})))
    assert "for example 2026-03" in problems["/answers/last-review"]
    assert "for example name@example.org" in problems["/answers/worker-email"]


def test_narratives_required_outright_or_when_graded(tool) -> None:
    ungraded = _problems(tool, _audit(q1={}))
    assert ("/answers/q1/evidence", "Q1 The pathway plan: evidence is required") in ungraded
    assert not any(pointer == "/answers/q1/impact" for pointer, _ in ungraded)
    graded = _problems(tool, _audit(q1={"judgement": "good", "evidence": "Seen."}))
    wanted = "Q1 The pathway plan: impact on the young person is required when a grade is given"
    assert ("/answers/q1/impact", wanted) in graded


def test_the_data_dictionary_says_units_required_narratives_and_tags(tool) -> None:
    rows = {r.path: r for r in DictionaryBuilder(tool).rows()}
    assert rows["attendance"].type == "number (%)"
    assert (rows["q1.evidence"].required, rows["q1.impact"].required) == ("yes", "when graded")
    selectors = load_definition(ROOT / "definitions" / "examples" / "rules-selectors.yaml")
    tagged = {r.path: r.tags for r in DictionaryBuilder(selectors).rows()}
    assert (tagged["q1.judgement"], tagged["q3.judgement"]) == ("compliance", "quality")


@pytest.mark.parametrize(("written", "month"), [("03/2026", "2026-03"), ("March 2026", "2026-03"),
                                                ("2026-11", "2026-11"), ("13/2026", None), ("soon", None)])
def test_a_month_from_a_case_list_is_read_as_people_write_it(tool, written: str, month: str | None) -> None:
    assert read_written_month(written) == month
    field = tool.index.node("last-review")
    assert convert(field, written) == month


def test_a_compound_answer_is_checked_part_by_part(tool) -> None:
    good = _audit(**{"short-breaks": {"offered": "yes", "accepted": "yes", "nights": 2}})
    assert _problems(tool, good) == []
    bad = dict(_problems(tool, _audit(**{"short-breaks": {"offered": "no", "accepted": "yes", "night": 2}})))
    assert "/answers/short-breaks" in bad or "/answers/short-breaks/night" in bad
    assert bad["/answers/short-breaks/offered"].endswith("short breaks are recorded as accepted but not as offered")
