"""What the moderator gives back, in the HTML form: the auditor sees the moderator's name, date,
overall summary and checklist (escaped, line breaks kept); the moderator cannot save a date
``check`` would refuse; a part whose checklist the moderator left untouched is not assessed."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import DEFINITIONS, FIXTURES
from tests.html.html_support import download_by_keyboard, open_by_keyboard, render_html, tab_to, type_into
from tests.html.test_html_accessibility import serious_violations
from tests.html.test_html_moderation import axe_or_skip
from tests.html.test_html_moderation_round import choose, submitted_torbay_audit, tick

from auditforms.api import load_definition
from auditforms.results.check import check_document

pytestmark = pytest.mark.browser

TORBAY_FINAL = FIXTURES / "audits" / "torbay-full-audit" / "child-final.json"
KITCHEN_SINK_AUDIT = FIXTURES / "audits" / "kitchen-sink" / "child-0412.json"  # audit date 2026-11-12


@pytest.fixture(scope="module")
def torbay() -> Any:
    return load_definition(DEFINITIONS / "torbay-full-audit.yaml")


def written(tmp_path: Path, doc: dict[str, Any], name: str) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_the_auditor_sees_the_moderators_name_date_summary_and_checklist(open_form, torbay, tmp_path):
    doc = json.loads(TORBAY_FINAL.read_text(encoding="utf-8"))
    doc["moderation"]["summary"] = "<img src=x onerror=alert(1)> A clear audit.\nSay more about Sam's views."
    doc["moderation"]["comments"]["q2"] = "First line.\nSecond line."
    form = open_form(render_html(torbay))
    open_by_keyboard(form, written(tmp_path, doc, "final.json"), "open")
    page = form.page
    overview = page.get_by_role("region", name="The moderation")
    assert overview.is_visible()
    rows = overview.locator(".af-summary-list__row")
    assert [rows.nth(i).locator("dt").inner_text() for i in range(rows.count())] == [
        "Moderator", "Date of the moderation", "Overall summary"]
    assert rows.nth(0).locator("dd").inner_text() == "M. Moderator"
    assert rows.nth(1).locator("dd").inner_text() == "3 December 2026"
    summary = rows.nth(2).locator("dd")
    assert summary.text_content() == doc["moderation"]["summary"] and overview.locator("img").count() == 0
    assert summary.evaluate("d => getComputedStyle(d).whiteSpace") == "pre-line"
    comment = page.locator('[data-note-for="q2"] .af-moderator-note__text')
    assert comment.text_content() == "First line.\nSecond line."
    assert comment.evaluate("p => getComputedStyle(p).whiteSpace") == "pre-line"  # the line break shows
    q5 = page.locator('[data-note-for="q5"] .af-moderator-note__checklist li')
    assert [t.split(":")[0] for t in q5.all_text_contents()] == ["Met", "Not met"]
    assert page.locator('[data-note-for="q5"] .af-moderator-note__checklist li').first.text_content().startswith(
        "Met: Evidence: Findings of fact")
    assert serious_violations(axe_or_skip(), page) == []
    assert form.errors == []


def test_the_overview_goes_when_an_audit_without_moderation_is_opened(open_form, kitchen_sink, tmp_path):
    moderated = json.loads(KITCHEN_SINK_AUDIT.read_text(encoding="utf-8"))
    moderated["status"] = "moderated"
    moderated["moderation"] = {"moderator": "C. Moderator", "date": "2026-11-24"}
    form = open_form(render_html(kitchen_sink))
    open_by_keyboard(form, written(tmp_path, moderated, "moderated.json"), "open")
    assert form.page.locator("#af-moderation-overview").count() == 1
    open_by_keyboard(form, KITCHEN_SINK_AUDIT, "open")
    assert form.page.locator("#af-moderation-overview").count() == 0
    assert form.errors == []


def submitted_kitchen_sink(tmp_path: Path) -> Path:
    doc = json.loads(KITCHEN_SINK_AUDIT.read_text(encoding="utf-8"))
    doc["history"] = [{"event": "submitted", "role": "auditor", "name": "A. Auditor", "at": "2026-11-14T10:00:00Z"}]
    return written(tmp_path, doc, "submitted.json")


def enter_date(page: Any, day: dt.date) -> None:
    for part, value in (("day", day.day), ("month", day.month), ("year", day.year)):
        field = page.locator(f"#af-moderation-date-{part}")
        field.fill("")
        type_into(page, f"#af-moderation-date-{part}", str(value))


@pytest.mark.parametrize(("day", "message"), [
    (dt.date(2026, 11, 10), "must be the same as or after the audit date, 12 November 2026"),
    (dt.date(2026, 11, 13), "must be the same as or after the day the audit was submitted, 14 November 2026"),
    (dt.date.today() + dt.timedelta(days=1), "must be today or in the past"),
])
def test_a_moderation_date_check_would_refuse_is_refused_by_the_field(open_form, kitchen_sink, tmp_path, day,
                                                                      message):
    form = open_form(render_html(kitchen_sink))
    open_by_keyboard(form, submitted_kitchen_sink(tmp_path), "moderate")
    page = form.page
    type_into(page, "#af-moderator-name-input", "M. Moderator")
    enter_date(page, day)
    downloads: list[Any] = []
    page.on("download", lambda d: downloads.append(d))
    tab_to(page, '[data-action="save-moderation"]')
    page.keyboard.press("Enter")
    assert message in page.locator("#af-moderation-date-error").inner_text()
    assert page.evaluate("document.activeElement.id") == "af-moderation-date-day"
    assert "Correct the date of the moderation" in page.locator("#af-notice-text").inner_text()
    describedby = page.locator("#af-moderation-date fieldset").get_attribute("aria-describedby") or ""
    assert "af-moderation-date-error" in describedby.split()
    page.wait_for_timeout(200)
    assert downloads == []
    enter_date(page, dt.date.today())
    saved = download_by_keyboard(form, '[data-action="save-moderation"]')["doc"]
    assert saved["moderation"]["date"] == dt.date.today().isoformat()
    assert page.locator("#af-moderation-date-error").is_hidden()
    assert [d.format() for d in check_document(kitchen_sink, saved, file="m.json") if d.is_error] == []
    assert form.errors == []


def test_a_date_that_is_not_real_is_the_only_thing_the_notice_asks_for(open_form, kitchen_sink, tmp_path):
    form = open_form(render_html(kitchen_sink))
    open_by_keyboard(form, submitted_kitchen_sink(tmp_path), "moderate")
    page = form.page
    type_into(page, "#af-moderator-name-input", "M. Moderator")
    for part, value in (("day", "30"), ("month", "2"), ("year", "2026")):
        page.locator(f"#af-moderation-date-{part}").fill("")
        type_into(page, f"#af-moderation-date-{part}", value)
    tab_to(page, '[data-action="save-moderation"]')
    page.keyboard.press("Enter")
    assert page.locator("#af-notice-text").inner_text() == "Correct the date of the moderation before saving it."
    assert "as a real date" in page.locator("#af-moderation-date-error").inner_text()
    assert page.locator("#af-moderator-name-error").is_hidden()
    assert page.evaluate("document.activeElement.id") == "af-moderation-date-day"
    assert form.errors == []


def test_a_checklist_left_untouched_is_not_assessed(open_form, torbay, tmp_path):
    form = open_form(render_html(torbay))
    open_by_keyboard(form, submitted_torbay_audit(tmp_path), "moderate")
    page = form.page
    choose(page, "af-mod-q4-judgement", "agree")  # judged and commented, no box ticked
    type_into(page, "#af-mod-q4-comment", "A clear judgement.")
    tick(page, "#af-mod-actions-c-actions-smart")
    type_into(page, "#af-moderator-name-input", "M. Moderator")
    doc = download_by_keyboard(form, '[data-action="save-moderation"]')["doc"]
    assert doc["moderation"]["agreed"] == ["q4"]
    assert doc["moderation"]["checklist"] == {"actions": {"actions-improve-to-good": False,
                                                          "actions-no-more-than-five": False,
                                                          "actions-smart": True}}
    assert form.errors == []
