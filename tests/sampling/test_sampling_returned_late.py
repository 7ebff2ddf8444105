"""``status`` says when an audit came back after its due date, as it says what is overdue: the
day it came back is its first submission, from any of the child's files (a moderated or final
Word form keeps only its last save; the copy the auditor returned tells the day)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sampling_support import fake_batch
from tests.conftest import KITCHEN_SINK
from tests.docx.docx_helpers import controls_for, fill
from tests.extract.word_traces import saved

from auditforms.sampling.status import Returned, classify

SAMPLE = ("Child ID,Team,Auditor,Due date\nC1,Early Help,Ann,15/11/2026\n"
          "C2,Early Help,Bob,15/11/2026\nC3,Early Help,Cat,15/11/2026\nC4,Early Help,Dee,15/11/2026\n")
CHILD = {"child_id": "C1", "audit_id": "C1", "due_date": "2026-11-15"}
TODAY = dt.date(2026, 11, 30)


def envelope(child: str, status: str, submitted: str | None = None, saved_at: str | None = None) -> str:
    judged = {"judgement": "meets-good", "evidence": "e", "impact": "i"}
    document: dict = {"format": "auditforms/completed-audit", "format_version": 1,
                      "definition": {"id": "kitchen-sink", "version": "1.2.0"}, "audit_id": child,
                      "status": status,
                      "answers": {"child-id": child, "audit-date": "2026-11-05", "auditor-name": "Ann",
                                  "q1": judged, "q2": judged, "q2a": {"judgement": "yes"}, "q3": judged}}
    if status in ("moderated", "final"):
        document["moderation"] = {"moderator": "A. Moderator", "date": "2026-11-22"}
    document["history"] = [{"event": "submitted", "role": "auditor", "at": submitted}] if submitted else []
    if saved_at:
        document["source"] = {"kind": "docx", "saved_at": saved_at}
    return json.dumps(document)


@pytest.fixture
def batch(run_cli, fake_renderers, tmp_path: Path) -> Path:
    out = fake_batch(run_cli, tmp_path, SAMPLE)
    (out / "C1.json").write_text(envelope("C1", "submitted", "2026-11-14T16:00:00Z"))
    (out / "C2.json").write_text(envelope("C2", "submitted", "2026-11-18T09:00:00Z"))
    # C3: the final copy tells no return; the copy the auditor returned in Word does
    (out / "C3-final.json").write_text(envelope("C3", "final", saved_at="2026-11-28T10:00:00Z"))
    from auditforms.api import load_definition
    from auditforms.renderers import RenderOptions, get_renderer

    blank = get_renderer("docx").render(load_definition(KITCHEN_SINK), RenderOptions())
    returned = fill(blank, controls_for({"child-id": "C3", "audit-date": "2026-11-05"}))
    (out / "C3.docx").write_bytes(saved(returned, "2026-11-20T17:30:00Z", "Cat"))
    # C4: only a moderated form, whose save is the moderator's: when it came back is not known
    (out / "C4.json").write_text(envelope("C4", "moderated", saved_at="2026-11-23T10:00:00Z"))
    return out


def test_status_json_gives_the_day_each_came_back_and_whether_late(run_cli, batch) -> None:
    result = run_cli("status", KITCHEN_SINK, batch, "--format", "json", "--today", TODAY.isoformat())
    children = {c["child_id"]: c for c in json.loads(result.stdout)["children"]}
    assert {k: (c["returned_on"], c["returned_late"], c["overdue"]) for k, c in children.items()} == {
        "C1": ("2026-11-14", False, None), "C2": ("2026-11-18", True, None),
        "C3": ("2026-11-20", True, None), "C4": (None, None, None)}
    assert children["C3"]["file"] == "C3-final.json"
    assert json.loads(result.stdout)["summary"]["returned_late"] == 2


def test_status_text_says_returned_late_beside_the_child(run_cli, batch) -> None:
    text = run_cli("status", KITCHEN_SINK, batch, "--today", TODAY.isoformat()).stdout
    line = {row.split()[0]: row for row in text.splitlines() if row.startswith("  C")}
    assert "returned late (18 November 2026, due 15 November 2026)" in line["C2"]
    assert "returned late (20 November 2026, due 15 November 2026)" in line["C3"]
    assert "late" not in line["C1"] and "late" not in line["C4"]
    assert "2 audits returned after the due date: C2, C3" in text


def test_a_return_on_the_due_date_is_on_time_and_a_draft_is_not_judged() -> None:
    on_the_day = Returned("a.json", "C1", "C1", "submitted", returned_on=dt.date(2026, 11, 15))
    assert classify(CHILD, [on_the_day], TODAY).returned_late is False
    draft = Returned("a.json", "C1", "C1", "draft", returned_on=dt.date(2026, 11, 20))
    assert classify(CHILD, [draft], TODAY).returned_late is None
