"""The definition language's part of the report: good_from, targets, reportable."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditforms.api import load_definition
from auditforms.language.loader import load

ROOT = Path(__file__).resolve().parents[2]


def test_good_from_must_name_a_grade(tmp_path: Path) -> None:
    source = (ROOT / "tests/collation/fixtures/report-tool.yaml").read_text(encoding="utf-8")
    path = tmp_path / "report-tool.yaml"
    path.write_text(source.replace("good_from: good", "good_from: not-applicable"), encoding="utf-8")
    result = load(path)
    assert result.definition is None
    (problem,) = [d for d in result.diagnostics if d.code == "AF307"]
    assert "good_from 'not-applicable' is not a grade of this scale" in problem.message
    assert problem.line == source.splitlines().index("    good_from: good") + 1


def test_targets_are_whole_percentages(tmp_path: Path) -> None:
    source = (ROOT / "tests/collation/fixtures/report-tool.yaml").read_text(encoding="utf-8")
    path = tmp_path / "report-tool.yaml"
    path.write_text(source.replace("overall_good_or_better: 80", "overall_good_or_better: 120"), encoding="utf-8")
    assert [d.code for d in load(path).diagnostics] == ["AF206"]


@pytest.mark.parametrize(("tool", "good"), [
    ("torbay-full-audit", {"exceeds-good", "meets-good"}),
    ("multi-agency-children-in-care", {"outstanding", "good"}),
])
def test_shipped_scales_declare_where_good_starts(tool: str, good: set[str]) -> None:
    (scale,) = load_definition(ROOT / "definitions" / f"{tool}.yaml").scales
    assert {o.id for o in scale.options if scale.meets_good(o.id)} == good
    assert scale.not_applicable is None or scale.meets_good(scale.not_applicable.id) is None


def test_torbay_marks_only_service_learning_reportable() -> None:
    from auditforms.collation.parts import reportable_texts

    definition = load_definition(ROOT / "definitions" / "torbay-full-audit.yaml")
    assert reportable_texts(definition) == (("strategic-actions", None, "Service / Strategic Action/s"),)
