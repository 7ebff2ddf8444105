"""The preview's "Rules in plain words": a row rule names the table's columns by their labels."""

from __future__ import annotations

from pathlib import Path

from auditforms.api import load_definition
from auditforms.preview.rules_text import rules_text

ROOT = Path(__file__).resolve().parents[2]


def test_a_row_rule_names_each_column_by_its_label() -> None:
    torbay = load_definition(ROOT / "definitions" / "torbay-full-audit.yaml")
    worded = {r.rule_id: r for r in rules_text(torbay)}
    completion = worded["completion-after-audit"]
    assert completion.scope == "For each row of “Agreed actions to achieve good outcomes for child”"
    assert completion.sentence == "its “Completion date” is after “Audit date”"
    assert worded["sign-off-not-before-audit"].sentence == "its “Manager’s sign off date” is on or after “Audit date”"


def test_a_question_rule_still_names_its_parts() -> None:
    torbay = load_definition(ROOT / "definitions" / "torbay-full-audit.yaml")
    copied = next(r for r in rules_text(torbay) if r.rule_id == "impact-not-copied-from-evidence")
    assert copied.sentence == "it is not the case that its impact repeats its evidence"
