"""The whole moderation round in real Chromium, keyboard only (issue 11): the auditor fills and
saves the form, the moderator opens the saved audit in moderator mode and moderates it, the
auditor opens the moderated audit, addresses each comment and saves it as final, and ``check``
passes the result. axe finds nothing serious in the moderator's or the finalising auditor's page."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import DEFINITIONS, FIXTURES
from tests.html.html_support import (
    FormPage,
    choose,
    download_by_keyboard,
    open_by_keyboard,
    render_html,
    save,
    tab_to,
    type_into,
)
from tests.html.test_html_accessibility import serious_violations
from tests.html.test_html_browser import fill_kitchen_sink_by_keyboard
from tests.html.test_html_moderation import axe_or_skip

from auditforms.api import load_definition
from auditforms.results.check import check_document

pytestmark = pytest.mark.browser

TORBAY_FINAL = FIXTURES / "audits" / "torbay-full-audit" / "child-final.json"


def tick(page: Any, selector: str) -> None:
    tab_to(page, selector)
    page.keyboard.press("Space")


def moderate_kitchen_sink(form: FormPage) -> dict[str, Any]:
    page = form.page
    choose(page, "af-mod-q1-judgement", "exceeds-good")
    type_into(page, "#af-mod-q1-comment", "The evidence needs an auditor overview.")
    choose(page, "af-mod-q2-judgement", "agree")
    type_into(page, "#af-mod-q3-comment", "Say what this means for the child.")
    type_into(page, "#af-mod-actions-comment", "Make the action SMART.")
    type_into(page, "#af-moderation-summary-input", "A clear audit.")
    type_into(page, "#af-moderator-name-input", "M. Moderator")
    return download_by_keyboard(form, '[data-action="save-moderation"]')


def test_the_whole_round_by_keyboard_ends_in_a_final_audit_that_passes(open_form, kitchen_sink, tmp_path):
    auditor = open_form(render_html(kitchen_sink))
    fill_kitchen_sink_by_keyboard(auditor)
    submitted = save(auditor, "save-final")
    assert submitted["doc"]["status"] == "submitted"
    assert [(e["event"], e["role"], e["name"]) for e in submitted["doc"]["history"]] == [
        ("submitted", "auditor", "A. Auditor")]

    moderator = open_form(render_html(kitchen_sink), name="moderator.html")
    notice = open_by_keyboard(moderator, submitted["path"], "moderate")
    assert notice.startswith("Opened for moderation:")
    page = moderator.page
    assert page.locator("#f-q1--evidence-input").evaluate("t => t.readOnly")
    assert page.locator('input[name="q1.judgement"]').first.is_disabled()
    assert page.locator(".af-actions").is_hidden()
    assert serious_violations(axe_or_skip(), page) == []
    moderated = moderate_kitchen_sink(moderator)
    doc = moderated["doc"]
    assert moderated["name"].endswith("_moderated.json")
    assert doc["status"] == "moderated"
    assert doc["answers"] == submitted["doc"]["answers"]  # moderation never changes the answers
    record = doc["moderation"]
    assert record["moderator"] == "M. Moderator"
    assert record["comments"] == {"q1": "The evidence needs an auditor overview.",
                                  "q3": "Say what this means for the child.", "actions": "Make the action SMART."}
    assert record["judgements"] == {"q1": "exceeds-good"}
    assert record["agreed"] == ["q2"]
    assert record["auditor_judgements"]["q1"] == "meets-good"
    assert record["summary"] == "A clear audit."
    event = doc["history"][-1]
    assert (event["event"], event["role"], event["name"]) == ("moderated", "moderator", "M. Moderator")
    assert event["details"] == {"comments": ["q1", "q3", "actions"], "judgements": ["q1"], "agreed": ["q2"]}
    assert "overview" not in json.dumps(doc["history"])  # no answer or comment text in the history
    assert [d.format() for d in check_document(kitchen_sink, doc, file="m.json") if d.is_error] == []

    finishing = open_form(render_html(kitchen_sink), name="finishing.html")
    notice = open_by_keyboard(finishing, moderated["path"], "open")
    assert "Mark each comment addressed" in notice
    page = finishing.page
    note = page.get_by_role("note", name="Moderator's comment on Q1 Risk")
    assert "Moderated judgement: Exceeds good" in (note.text_content() or "")
    assert serious_violations(axe_or_skip(), page) == []
    choose(page, "q1.judgement", "exceeds-good")  # the auditor takes the moderator's judgement
    type_into(page, "#f-q1--evidence-input", " Overview added.")
    tick(page, "#af-resp-q1-addressed")
    type_into(page, "#af-resp-q1-reply", "Added an overview.")
    tab_to(page, '.af-actions [data-action="save-final"]')
    page.keyboard.press("Enter")  # one comment is not addressed yet: nothing is saved
    assert "2 comments not yet marked" in page.locator("#af-notice-text").inner_text()
    assert page.evaluate("document.activeElement.id") == "af-resp-q3-addressed"
    tick(page, "#af-resp-q3-addressed")
    tick(page, "#af-resp-actions-addressed")
    final = download_by_keyboard(finishing, '.af-actions [data-action="save-final"]')
    doc = final["doc"]
    assert doc["status"] == "final" and final["name"].endswith("_final.json")
    assert doc["answers"]["q1"]["judgement"] == "exceeds-good"
    assert doc["moderation"]["auditor_judgements"] == record["auditor_judgements"]
    assert doc["moderation"]["responses"] == {"q1": {"addressed": True, "reply": "Added an overview."},
                                              "q3": {"addressed": True, "reply": None},
                                              "actions": {"addressed": True, "reply": None}}
    assert [e["event"] for e in doc["history"]] == ["submitted", "moderated", "finalised"]
    assert doc["history"][-1]["role"] == "auditor" and doc["history"][-1]["name"] == "A. Auditor"
    assert [d.format() for d in check_document(kitchen_sink, doc, file="f.json")] == []
    assert auditor.errors == moderator.errors == finishing.errors == []


def submitted_torbay_audit(tmp_path: Path) -> Path:
    doc = json.loads(TORBAY_FINAL.read_text(encoding="utf-8"))
    doc = copy.deepcopy(doc)
    del doc["moderation"]
    doc["status"] = "submitted"
    doc["history"] = doc["history"][:1]
    path = tmp_path / "submitted.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


@pytest.mark.skipif(not (DEFINITIONS / "torbay-full-audit.yaml").is_file(), reason="Torbay's tool is not shipped")
def test_the_moderators_checklist_is_ticked_per_part_and_kept(open_form, tmp_path):
    torbay = load_definition(DEFINITIONS / "torbay-full-audit.yaml")
    form = open_form(render_html(torbay))
    open_by_keyboard(form, submitted_torbay_audit(tmp_path), "moderate")
    page = form.page
    assert page.locator('[data-moderation-for="q4"] input[type=checkbox]').count() == 8
    assert page.locator('[data-moderation-for="actions"] input[type=checkbox]').count() == 3
    choose(page, "af-mod-q4-judgement", "agree")
    tick(page, "#af-mod-q4-c-evidence-findings-of-fact")
    tick(page, "#af-mod-actions-c-actions-smart")
    type_into(page, "#af-moderator-name-input", "M. Moderator")
    doc = download_by_keyboard(form, '[data-action="save-moderation"]')["doc"]
    checklist = doc["moderation"]["checklist"]
    assert sorted(checklist) == ["actions", "q4"]
    assert checklist["q4"]["evidence-findings-of-fact"] is True
    assert checklist["q4"]["impact-consequences"] is False
    assert checklist["actions"] == {"actions-improve-to-good": False, "actions-no-more-than-five": False,
                                    "actions-smart": True}
    assert [d.format() for d in check_document(torbay, doc, file="m.json") if d.is_error] == []
    assert form.errors == []


def test_a_draft_cannot_be_moderated_and_a_name_is_asked_for(open_form, kitchen_sink, tmp_path):
    draft = json.loads((FIXTURES / "audits" / "kitchen-sink" / "child-0412.json").read_text(encoding="utf-8"))
    draft["status"] = "draft"
    path = tmp_path / "draft.json"
    path.write_text(json.dumps(draft), encoding="utf-8")
    form = open_form(render_html(kitchen_sink))
    assert "only an audit the auditor saved as finished" in open_by_keyboard(form, path, "moderate")
    assert form.page.locator(".af-moderator-panel").count() == 0
    draft["status"] = "submitted"
    draft["definition"]["version"] = "1.1.0"
    path.write_text(json.dumps(draft), encoding="utf-8")
    assert "saved with version 1.1.0 of this tool" in open_by_keyboard(form, path, "moderate")
    tab_to(form.page, '[data-action="save-moderation"]')
    form.page.keyboard.press("Enter")
    assert form.page.locator("#af-moderator-name-error").inner_text() == "Error: Enter your name as moderator"
    assert form.page.evaluate("document.activeElement.id") == "af-moderator-name-input"
    assert form.page.locator("#af-moderator-name-input").get_attribute("aria-describedby") == "af-moderator-name-error"
    open_by_keyboard(form, path, "open")  # opening as the auditor leaves moderator mode
    assert form.page.locator(".af-moderator-panel").count() == 0
    assert not form.page.locator("#f-q1--evidence-input").evaluate("t => t.readOnly")
    assert form.errors == []
