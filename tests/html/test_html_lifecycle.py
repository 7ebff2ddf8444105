"""The audit's lifecycle in the HTML form, as ``check`` reads it (draft → submitted → moderated →
final, recorded in ``history``): a tool that need not be moderated lets the auditor finalise a
submitted audit; a submitted audit saved again is still one submission; a final audit changed
is recorded as reopened, never re-saved as final without trace. Real Chromium, keyboard saves."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import DEFINITIONS, FIXTURES
from tests.html.html_support import FormPage, download_by_keyboard, open_by_keyboard, render_html, save
from tests.moderation.moderation_support import multi_agency

from auditforms.api import load_definition
from auditforms.collation.parts import judged_parts
from auditforms.collation.record import RecordReader
from auditforms.results.check import check_document

pytestmark = pytest.mark.browser

TORBAY_FINAL = FIXTURES / "audits" / "torbay-full-audit" / "child-final.json"
SUBMITTED_AT = {"event": "submitted", "role": "auditor", "name": "A. Auditor", "at": "2026-11-20T10:00:00Z"}


def written(tmp_path: Path, doc: dict[str, Any], name: str) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def torbay_final(tmp_path: Path) -> tuple[dict[str, Any], Path]:
    """Torbay's final fixture with its round in the past whenever the test runs (the reopening
    is recorded now, and the history is kept oldest first)."""
    doc = json.loads(TORBAY_FINAL.read_text(encoding="utf-8"))
    for step, at in zip(doc["history"], ("2026-11-13T10:00:00Z", "2026-11-16T10:00:00Z", "2026-11-17T10:00:00Z"),
                        strict=True):
        step["at"] = at
    doc["moderation"]["date"] = "2026-11-16"
    return doc, written(tmp_path, doc, "final.json")


def errors_of(definition: Any, doc: dict[str, Any]) -> list[str]:
    return [d.format() for d in check_document(definition, doc, file="a.json") if d.is_error]


def finish_label(form: FormPage) -> str:
    return str(form.page.locator('.af-actions [data-action="save-final"]').inner_text())


@pytest.fixture(scope="module")
def multi_agency_tool() -> Any:
    return load_definition(DEFINITIONS / "multi-agency-children-in-care.yaml")


@pytest.fixture(scope="module")
def torbay() -> Any:
    return load_definition(DEFINITIONS / "torbay-full-audit.yaml")


def test_a_submitted_audit_of_a_tool_that_need_not_be_moderated_is_saved_as_final(open_form, multi_agency_tool,
                                                                                 tmp_path):
    doc = multi_agency()
    doc["history"] = [SUBMITTED_AT]
    form = open_form(render_html(multi_agency_tool))
    notice = open_by_keyboard(form, written(tmp_path, doc, "submitted.json"), "open")
    assert "you can save the audit as final" in notice
    assert finish_label(form) == "Save as final"
    final = save(form, "save-final")
    assert final["name"].endswith("_final.json")
    saved = final["doc"]
    assert saved["status"] == "final"
    assert [e["event"] for e in saved["history"]] == ["submitted", "finalised"]
    assert "moderation" not in saved  # no empty record for an audit nobody moderated
    assert errors_of(multi_agency_tool, saved) == []
    assert form.errors == []


def test_a_new_audit_of_that_tool_is_submitted_first_and_then_may_be_final(open_form, multi_agency_tool, tmp_path):
    doc = multi_agency()
    doc["status"] = "draft"
    form = open_form(render_html(multi_agency_tool))
    open_by_keyboard(form, written(tmp_path, doc, "draft.json"), "open")
    assert finish_label(form) == "Save as finished"
    submitted = save(form, "save-final")["doc"]
    assert submitted["status"] == "submitted" and [e["event"] for e in submitted["history"]] == ["submitted"]
    assert finish_label(form) == "Save as final"


def test_a_submitted_audit_saved_again_as_finished_is_one_submission(open_form, kitchen_sink, tmp_path):
    doc = json.loads((FIXTURES / "audits" / "kitchen-sink" / "child-0412.json").read_text(encoding="utf-8"))
    doc["history"] = [SUBMITTED_AT]
    form = open_form(render_html(kitchen_sink))
    notice = open_by_keyboard(form, written(tmp_path, doc, "submitted.json"), "open")
    assert "save the audit as final" not in notice  # the kitchen sink's audits are moderated first
    assert finish_label(form) == "Save as finished"
    again = save(form, "save-final")["doc"]
    assert again["status"] == "submitted" and again["history"] == [SUBMITTED_AT]
    unchanged = save(form, "save-draft")["doc"]  # unchanged answers: still the submitted audit
    assert unchanged["status"] == "submitted" and unchanged["history"] == [SUBMITTED_AT]
    form.page.locator("#f-q1--evidence-input").fill("Evidence rewritten after submission.")
    reopened = save(form, "save-draft")
    assert reopened["doc"]["status"] == "draft"
    assert [(e["event"], e.get("details")) for e in reopened["doc"]["history"]] == [
        ("submitted", None), ("reopened", {"changed": ["q1"]})]
    assert "reopened" in form.page.locator("#af-notice-text").inner_text()
    assert [e for e in errors_of(kitchen_sink, reopened["doc"]) if "AF66" in e] == []
    assert form.errors == []


def test_a_submitted_audit_changed_and_saved_as_finished_is_reopened_and_submitted_again(open_form, kitchen_sink,
                                                                                       tmp_path):
    doc = json.loads((FIXTURES / "audits" / "kitchen-sink" / "child-0412.json").read_text(encoding="utf-8"))
    doc["history"] = [SUBMITTED_AT]
    form = open_form(render_html(kitchen_sink))
    open_by_keyboard(form, written(tmp_path, doc, "submitted.json"), "open")
    form.page.locator("#f-q1--evidence-input").fill("Evidence rewritten after submission.")
    again = save(form, "save-final")
    saved = again["doc"]
    assert saved["status"] == "submitted" and again["name"].endswith("_submitted.json")
    assert [(e["event"], e.get("details")) for e in saved["history"]] == [
        ("submitted", None), ("reopened", {"changed": ["q1"]}), ("submitted", None)]
    assert "reopened it and saving it as finished submitted it again" in form.page.locator(
        "#af-notice-text").inner_text()
    assert errors_of(kitchen_sink, saved) == []
    assert save(form, "save-final")["doc"]["history"] == saved["history"]  # unchanged since: no step
    assert form.errors == []


def test_a_final_audit_saved_unchanged_stays_final_as_it_was(open_form, torbay, tmp_path):
    doc, path = torbay_final(tmp_path)
    form = open_form(render_html(torbay))
    notice = open_by_keyboard(form, path, "open")
    assert "The audit is final: if you change it, saving records that it was reopened" in notice
    for button in ("save-draft", "save-final"):
        kept = save(form, button)
        assert kept["name"].endswith("_final.json")
        assert kept["doc"]["status"] == "final" and kept["doc"]["history"] == doc["history"]
        assert kept["doc"]["moderation"] == doc["moderation"]
        assert "Nothing was changed" in form.page.locator("#af-notice-text").inner_text()
    assert form.errors == []


@pytest.mark.parametrize(("button", "status", "events"), [
    ("save-draft", "draft", ["reopened"]),
    ("save-final", "submitted", ["reopened", "submitted"]),
])
def test_a_final_audit_changed_is_recorded_as_reopened(open_form, torbay, tmp_path, button, status, events):
    doc, path = torbay_final(tmp_path)
    form = open_form(render_html(torbay))
    open_by_keyboard(form, path, "open")
    form.page.locator("#f-q1--evidence-input").fill("Evidence changed after the audit was final.")
    changed = save(form, button)
    saved = changed["doc"]
    assert saved["status"] == status and changed["name"].endswith(f"_{status}.json")
    assert saved["history"][:3] == doc["history"]
    assert [e["event"] for e in saved["history"][3:]] == events
    assert saved["history"][3]["details"] == {"changed": ["q1"]}
    assert saved["moderation"] == doc["moderation"]  # the moderator's record is kept, never changed
    assert "reopened" in form.page.locator("#af-notice-text").inner_text()
    assert errors_of(torbay, saved) == []
    assert form.errors == []


def test_a_final_audit_whose_reply_changed_is_reopened_too(open_form, torbay, tmp_path):
    form = open_form(render_html(torbay))
    open_by_keyboard(form, torbay_final(tmp_path)[1], "open")
    form.page.locator("#af-resp-q2-reply").fill("A different reply.")
    saved = save(form, "save-draft")["doc"]
    assert saved["status"] == "draft" and saved["history"][-1]["event"] == "reopened"
    assert saved["moderation"]["responses"]["q2"]["reply"] == "A different reply."
    assert errors_of(torbay, saved) == []


def test_a_moderator_may_still_moderate_an_audit_of_a_tool_that_need_not_be(open_form, multi_agency_tool, tmp_path):
    doc = multi_agency()
    doc["history"] = [SUBMITTED_AT]
    form = open_form(render_html(multi_agency_tool))
    assert open_by_keyboard(form, written(tmp_path, copy.deepcopy(doc), "submitted.json"), "moderate").startswith(
        "Opened for moderation")
    form.page.locator("#af-moderator-name-input").fill("M. Moderator")
    form.page.locator("#af-moderation-date-day").fill("25")
    form.page.locator("#af-moderation-date-month").fill("11")
    form.page.locator("#af-moderation-date-year").fill("2026")
    moderated = form.page.locator('[data-action="save-moderation"]')
    with form.page.expect_download() as download:
        moderated.click()
    saved = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert saved["status"] == "moderated" and saved["moderation"]["moderator"] == "M. Moderator"
    assert errors_of(multi_agency_tool, saved) == []


def reopened_torbay_audit(form: FormPage, tmp_path: Path) -> dict[str, Any]:
    """Torbay's final audit reopened: the auditor takes the moderator's judgement of Q5 and
    changes Q1 (which the moderator had agreed with), and saves it as finished again."""
    open_by_keyboard(form, torbay_final(tmp_path)[1], "open")
    form.page.locator('input[name="q5.judgement"][value="meets-good"]').check()
    form.page.locator('input[name="q1.judgement"][value="meets-good"]').check()
    resubmitted = save(form, "save-final")
    assert [e["event"] for e in resubmitted["doc"]["history"]][3:] == ["reopened", "submitted"]
    return resubmitted


def test_a_reopened_audit_moderated_again_records_the_judgements_resubmitted(open_form, torbay, tmp_path):
    resubmitted = reopened_torbay_audit(open_form(render_html(torbay)), tmp_path)
    form = open_form(render_html(torbay), name="moderator.html")
    open_by_keyboard(form, resubmitted["path"], "moderate")
    page = form.page
    today = dt.date.today()
    assert [page.locator(f"#af-moderation-date-{p}").input_value() for p in ("day", "month", "year")] == [
        str(today.day), str(today.month), str(today.year)]  # a new round: not the first one's date
    # The moderator's judgement of Q5, now the auditor's, is agreement; the agreement with Q1's
    # old judgement is not carried over to the new one; Q2's (unchanged) is.
    assert page.locator("#af-mod-q5-agree").is_checked()
    assert page.locator('input[name="af-mod-q1-judgement"]:checked').count() == 0
    assert page.locator("#af-mod-q2-agree").is_checked()
    moderated = download_by_keyboard(form, '[data-action="save-moderation"]')["doc"]
    record = moderated["moderation"]
    answers = resubmitted["doc"]["answers"]
    assert record["auditor_judgements"] == {id_: a["judgement"] for id_, a in answers.items()
                                            if isinstance(a, dict) and "judgement" in a}
    assert record["auditor_judgements"]["q5"] == record["auditor_judgements"]["q1"] == "meets-good"
    assert "q5" not in record.get("judgements", {}) and record["agreed"] == ["q2", "q3", "q5"]
    assert record["date"] == today.isoformat() and "responses" not in record
    assert [e["event"] for e in moderated["history"]][3:] == ["reopened", "submitted", "moderated"]
    assert errors_of(torbay, moderated) == []
    parts = judged_parts(torbay)
    counted = RecordReader(torbay, parts).read(moderated, "x").judgements
    by_part = {p.id: j for p, j in zip(parts, counted, strict=True)}
    assert (by_part["q5"].auditor, by_part["q5"].final) == ("meets-good", "meets-good")  # what the report counts
    assert form.errors == []
