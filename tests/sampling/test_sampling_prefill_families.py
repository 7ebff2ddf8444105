"""The sample pre-fills an audit's type and the document it is about; status keeps documents apart."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from auditforms.language.loader import load
from auditforms.sampling.prefill import prefill_for
from auditforms.sampling.sample_file import SampleRow

EXAMPLES = Path(__file__).resolve().parents[2] / "definitions" / "examples"


def test_the_audit_type_and_the_document_are_pre_filled() -> None:
    early_help = load(EXAMPLES / "family-early-help.yaml").definition
    answers, problems = prefill_for(early_help, SampleRow("2026-11-C1", "C1", audit_type="deep-dive"))
    assert (answers["audit-type"], answers["child-id"], problems) == ("deep-dive", "C1", [])
    document = load(EXAMPLES / "family-eha-document.yaml").definition
    row = SampleRow("2026-11-C1-EHA-2", "C1", document_id="EHA-2", document_date=dt.date(2026, 10, 20))
    answers, _ = prefill_for(document, row)
    assert (answers["document-id"], answers["document-date"]) == ("EHA-2", "2026-10-20")


def test_status_keeps_two_documents_of_one_child_apart() -> None:
    from auditforms.sampling.status import Returned, match

    rows = [{"audit_id": "2026-11-C1-EHA-1", "child_id": "C1"}, {"audit_id": "2026-11-C1-EHA-2", "child_id": "C1"}]
    back = Returned("2026-11-C1-EHA-2.json", audit_id="2026-11-C1-EHA-2", child_id="C1", audit_status="submitted")
    found = match(rows, [back]).found
    assert (found["2026-11-C1-EHA-1"], found["2026-11-C1-EHA-2"]) == ([], [back])
