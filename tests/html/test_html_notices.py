"""Rough edges a new user met (issue 9), in real Chromium: the messages after a check or a save,
where focus goes, and one date pattern (GOV.UK Day, Month, Year) in tables as in the header."""

from __future__ import annotations

import json

import pytest
from tests.conftest import FIXTURES
from tests.html.html_support import FormPage, render_html, save, tab_to

pytestmark = pytest.mark.browser

COMPLETE = FIXTURES / "audits" / "kitchen-sink" / "child-0412.json"
IN_VIEW = """el => { const r = el.getBoundingClientRect();
                     return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0; }"""


def open_complete(form: FormPage) -> None:
    form.page.locator("#af-open-file").set_input_files(COMPLETE)
    form.page.wait_for_function("() => document.getElementById('af-notice-text').textContent.includes('Opened')")


def check(form: FormPage) -> None:
    form.page.locator('.af-actions [data-action="check"]').click()


def test_html_a_check_that_finds_a_problem_clears_the_last_checks_success(open_form, kitchen_sink):
    form = open_form(render_html(kitchen_sink))
    page = form.page
    open_complete(form)
    check(form)
    notice = page.locator("#af-notice")
    assert notice.is_visible() and "No problems found" in notice.inner_text()
    assert page.locator("#af-notice-title").inner_text() == "Success"
    page.locator("#f-q1--evidence-input").fill("")
    check(form)
    assert page.locator("#af-error-summary").is_visible()
    assert not notice.is_visible()
    assert page.evaluate("document.activeElement.id") == "af-error-summary"
    assert form.errors == []


def test_html_a_problem_made_after_a_passing_check_clears_its_success(open_form, kitchen_sink):
    form = open_form(render_html(kitchen_sink))
    page = form.page
    open_complete(form)
    check(form)
    assert page.locator("#af-notice").is_visible()
    page.locator("#f-q2--impact-input").fill("")  # the summary follows the answers live
    assert page.locator("#af-error-summary").is_visible()
    assert not page.locator("#af-notice").is_visible()
    page.locator("#f-q2--impact-input").fill("Written again.")
    assert not page.locator("#af-error-summary").is_visible()


def test_html_saving_at_the_bottom_moves_focus_to_the_success_banner(open_form, kitchen_sink):
    form = open_form(render_html(kitchen_sink))
    page = form.page
    open_complete(form)
    saved = save(form, "save-final")  # by keyboard, from the buttons at the foot of the form
    assert saved["doc"]["status"] == "submitted"
    banner = page.locator("#af-notice")
    assert page.evaluate("document.activeElement.id") == "af-notice"
    assert banner.evaluate(IN_VIEW)
    assert banner.get_attribute("role") == "alert"
    assert page.locator("#af-notice-title").inner_text() == "Success"
    assert saved["name"] in page.locator("#af-notice-text").inner_text()
    assert "af-notification-banner--success" in (banner.get_attribute("class") or "")


def test_html_table_dates_use_day_month_and_year_boxes_and_save_iso_dates(open_form, kitchen_sink):
    prefill = {"actions": [{"action": "Fictional action", "completion-date": "2026-12-01"}]}
    form = open_form(render_html(kitchen_sink, prefill))
    page = form.page
    assert page.locator("[data-form] input[type=date]").count() == 0
    boxes = [page.locator(f"#f-actions--0--completion-date-{part}") for part in ("day", "month", "year")]
    assert [b.input_value() for b in boxes] == ["1", "12", "2026"]
    assert page.get_by_role("group", name="Completion date – row 1").count() == 1
    tab_to(page, "#f-actions--0--completion-date-day")
    page.keyboard.press("Control+A")
    page.keyboard.type("2")
    page.locator('#f-actions [data-action="add-row"]').click()
    for part, text in (("day", "9"), ("month", "1"), ("year", "2027")):
        page.locator(f"#f-actions--3--completion-date-{part}").fill(text)
    assert page.locator('label[for="f-actions--3--completion-date-day"]').inner_text() == "Day"
    answers = save(form, "save-draft")["doc"]["answers"]
    assert answers["actions"][0]["completion-date"] == "2026-12-02"
    assert answers["actions"][1]["completion-date"] == "2027-01-09"
    assert form.errors == []


def test_html_opened_table_dates_fill_the_boxes(open_form, kitchen_sink):
    form = open_form(render_html(kitchen_sink))
    open_complete(form)
    doc = json.loads(COMPLETE.read_text(encoding="utf-8"))
    first = doc["answers"]["actions"][0]["completion-date"]
    day, month, year = (form.page.locator(f"#f-actions--0--completion-date-{p}").input_value()
                        for p in ("day", "month", "year"))
    assert f"{year}-{int(month):02d}-{int(day):02d}" == first
    expected = [{k: v for k, v in row.items() if v is not None} for row in doc["answers"]["actions"]]
    assert form.page.evaluate("AuditForm.answers()")["actions"] == expected
