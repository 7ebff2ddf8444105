"""What a sampled child's form is pre-filled with, by role."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from auditforms.api import load_definition
from auditforms.sampling.prefill import prefill_for
from auditforms.sampling.sample_file import SampleRow

TORBAY = Path(__file__).resolve().parents[2] / "definitions" / "torbay-full-audit.yaml"


@pytest.fixture(scope="module")
def torbay():
    return load_definition(TORBAY)


def test_central_fields_filled_by_role(torbay) -> None:
    row = SampleRow(audit_id="2026-11-01", child_id="C10001", team="Children in Care", age_band="11-15",
                    strand="Children looked after and permanence")
    answers, problems = prefill_for(torbay, row)
    assert problems == []
    assert answers["child-id"] == "C10001" and answers["team"] == "Children in Care"
    assert answers["age-band"] == "11-15"
    assert "auditor-name" not in answers  # completed by the auditor, never pre-filled


def test_previous_audit_fills_yes_and_its_date(torbay) -> None:
    row = SampleRow(audit_id="a", child_id="C1", last_audit=dt.date(2025, 3, 14))
    answers, _ = prefill_for(torbay, row)
    assert answers["audited-previously"] == "yes"
    assert answers["audited-previously-when"] == "2025-03-14"


def test_no_audit_on_record_is_left_for_the_auditor(torbay) -> None:
    answers, _ = prefill_for(torbay, SampleRow(audit_id="a", child_id="C1"))
    assert "audited-previously" not in answers and "audited-previously-when" not in answers
