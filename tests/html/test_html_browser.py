"""The kitchen-sink form in real Chromium: keyboard-only completion, rows, conditions, save,
check, reopen, print. Marked ``browser``: skipped without Chromium, failing under CI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.html.html_support import FormPage, choose, open_by_keyboard, render_html, save, type_into

from auditforms.results.check import check_document

pytestmark = pytest.mark.browser


def fill_kitchen_sink_by_keyboard(form: FormPage) -> None:
    page = form.page
    page.locator("body").focus()
    type_into(page, "#f-child-id-input", "C0412")
    type_into(page, "#f-audit-date-day", "12")
    type_into(page, "#f-audit-date-month", "11")
    type_into(page, "#f-audit-date-year", "2026")
    type_into(page, "#f-auditor-name-input", "A. Auditor")
    choose(page, "uasc", "yes")
    for question in ("q1", "q2", "q3"):
        choose(page, f"{question}.judgement", "meets-good")
        type_into(page, f"#f-{question}--evidence-input", f"Evidence for {question}.")
        type_into(page, f"#f-{question}--impact-input", f"Impact for {question}.")
        if question == "q2":
            choose(page, "q2a.judgement", "yes")
    choose(page, "uasc-age-assessment.judgement", "good")
    type_into(page, "#f-actions--0--action", "Update the plan")
    type_into(page, "#f-actions--0--person", "Social worker")
    # Table dates use the same Day, Month and Year boxes as every other date
    type_into(page, "#f-actions--0--completion-date-day", "12")
    type_into(page, "#f-actions--0--completion-date-month", "12")
    type_into(page, "#f-actions--0--completion-date-year", "2026")


def test_html_keyboard_only_audit_saves_passes_rules_and_reopens(open_form, kitchen_sink, tmp_path):
    form = open_form(render_html(kitchen_sink))
    fill_kitchen_sink_by_keyboard(form)
    page = form.page
    assert page.locator("#f-uasc-module").is_visible()
    saved = save(form, "save-final")
    assert form.errors == []
    doc = saved["doc"]
    assert saved["name"] == "kitchen-sink_C0412_2026-11-12_submitted.json"
    assert doc["format"] == "auditforms/completed-audit" and doc["format_version"] == 1
    assert doc["definition"] == {"id": "kitchen-sink", "version": "1.2.0"}
    assert doc["status"] == "submitted" and doc["source"]["kind"] == "html"
    answers = doc["answers"]
    assert answers["audit-date"] == "2026-11-12"
    assert answers["actions"] == [{"action": "Update the plan", "person": "Social worker",
                                   "completion-date": "2026-12-12"}]
    assert answers["uasc-age-assessment"] == {"judgement": "good"}
    problems = check_document(kitchen_sink, doc, file="saved.json")
    assert [d.format() for d in problems if d.is_error] == []
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    assert page.evaluate("document.cookie") == ""

    form.close()
    again = open_form(render_html(kitchen_sink), name="again.html")
    again.page.bring_to_front()
    assert "Opened" in open_by_keyboard(again, saved["path"], "open")
    assert again.page.evaluate("AuditForm.answers()") == answers
    assert again.page.locator("#f-q1--evidence-input").input_value() == "Evidence for q1."
    assert again.page.locator("#f-audit-date-day").input_value() == "12"
    assert again.page.locator("#f-uasc-module").is_visible()
    assert "(submitted)" in again.page.locator("#af-notice").inner_text()
    assert again.errors == []


def test_html_hidden_answers_are_not_saved(open_form, kitchen_sink):
    form = open_form(render_html(kitchen_sink))
    page = form.page
    assert not page.locator("#f-uasc-module").is_visible()
    page.locator("#f-uasc-1").check()
    assert page.locator("#f-uasc-module").is_visible()
    page.locator("#f-uasc-age-assessment--judgement-2").check()
    assert page.evaluate("AuditForm.answers()")["uasc-age-assessment"] == {"judgement": "good"}
    page.locator("#f-uasc-2").check()
    assert not page.locator("#f-uasc-module").is_visible()
    doc = save(form, "save-draft")["doc"]
    assert doc["status"] == "draft"
    assert "uasc-age-assessment" not in doc["answers"] and doc["answers"]["uasc"] == "no"


def test_html_follow_up_and_not_relevant_section(open_form, kitchen_sink):
    page = open_form(render_html(kitchen_sink)).page
    assert not page.locator("#f-legal-status-other").is_visible()
    page.locator("#f-legal-status-input").select_option("other")
    assert page.locator("#f-legal-status-other").is_visible()
    page.locator("#f-age-band-5").check()
    assert page.locator("#f-pathway-plan").is_visible()
    page.locator("#f-care-leaving--not_relevant-input").check()
    assert not page.locator("#f-pathway-plan").is_visible()
    assert not page.locator('[data-overall="care-leaving"]').is_visible()
    assert page.evaluate("AuditForm.answers()")["care-leaving"] == {"not_relevant": True}


def test_html_action_rows_add_and_remove_within_limits(open_form, kitchen_sink):
    page = open_form(render_html(kitchen_sink)).page
    rows = page.locator("#f-actions tbody tr")
    add = page.locator('#f-actions [data-action="add-row"]')
    assert rows.count() == 3
    add.focus()
    page.keyboard.press("Enter")
    assert rows.count() == 4
    assert page.evaluate("document.activeElement.id") == "f-actions--3--action"
    assert page.locator("#f-actions--3--action").get_attribute("aria-label").endswith("row 4")
    assert rows.nth(3).get_by_role("button", name="Remove row 4").is_visible()
    for _ in range(4):
        add.click()
    assert rows.count() == 8 and add.is_disabled()
    page.locator("#f-actions--1--person").fill("Second person")
    page.locator("#f-actions--0 ~ x, #f-actions tbody tr >> nth=0").locator('[data-action="remove-row"]').focus()
    page.keyboard.press("Enter")
    assert rows.count() == 7 and not add.is_disabled()
    assert page.locator("#f-actions--0--person").input_value() == "Second person"
    assert "Row 1 removed" in page.locator("#f-actions [data-rows-status]").inner_text()


def test_html_error_summary_lists_problems_and_links_to_them(open_form, kitchen_sink):
    form = open_form(render_html(kitchen_sink))
    page = form.page
    page.locator("#f-q1--judgement-1").check()
    page.locator("#f-actions--0--action").fill("Do something")
    page.locator('.af-actions [data-action="save-final"]').click()
    summary = page.locator("#af-error-summary")
    assert summary.is_visible()
    assert page.evaluate("document.activeElement.id") == "af-error-summary"
    text = summary.inner_text()
    assert "Child's ID number: an answer is required" in text
    assert "Q1 Risk: evidence is required when a judgement is given" in text
    assert "row 1: person is required in every row" in text
    page.get_by_role("link", name="Q1 Risk: evidence is required when a judgement is given").click()
    assert page.evaluate("document.activeElement.id") == "f-q1--evidence-input"
    assert page.locator("#f-q1--evidence-input").get_attribute("aria-invalid") == "true"
    page.locator("#f-q1--evidence-input").fill("Now written.")
    assert "Q1 Risk: evidence" not in summary.inner_text()
    doc = save(form, "save-draft")["doc"]
    assert doc["status"] == "draft" and doc["answers"]["q1"]["evidence"] == "Now written."


def test_html_unsaved_changes_ask_before_leaving(open_form, kitchen_sink):
    form = open_form(render_html(kitchen_sink))
    form.page.locator("#f-team-input").fill("Team A")
    with form.page.expect_event("dialog"):
        form.page.close(run_before_unload=True)
    assert form.dialogs == ["beforeunload"]


def test_html_no_question_after_saving(open_form, kitchen_sink):
    form = open_form(render_html(kitchen_sink))
    form.page.locator("#f-team-input").fill("Team A")
    save(form, "save-draft")
    form.page.close(run_before_unload=True)
    form.page.wait_for_event("close")
    assert form.dialogs == []


def test_html_prefill_is_shown_and_saved(open_form, kitchen_sink):
    prefill = {"child-id": "C0999", "age-band": "16-21", "family": [{"initials": "XY", "age": 7}]}
    page = open_form(render_html(kitchen_sink, prefill, audit_id="2026-11-0999")).page
    assert page.locator("#f-child-id-input").input_value() == "C0999"
    assert page.locator("#f-pathway-plan").is_visible()
    answers = page.evaluate("AuditForm.answers()")
    assert answers["family"] == [{"initials": "XY", "age": 7}]
    assert answers["age-band"] == "16-21"


def test_html_prints_to_pdf_without_buttons(open_form, kitchen_sink):
    page = open_form(render_html(kitchen_sink)).page
    page.locator("#f-q1--evidence-input").fill("Printed evidence " * 40)
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert not page.locator(".af-toolbar").is_visible()
    assert not page.locator('[data-action="add-row"]').first.is_visible()
    assert page.locator("#f-q1--evidence .af-print-text").inner_text().startswith("Printed evidence")
    assert not page.locator("#f-uasc-module").is_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000


def test_html_blank_form_prints_every_part_with_its_condition(open_form, kitchen_sink):
    page = open_form(render_html(kitchen_sink)).page
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    module = page.locator("#f-uasc-module")
    assert module.is_visible()
    assert "Only if “Is the child an unaccompanied asylum-seeker?” is “Yes”." in module.inner_text()
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    page.emulate_media(media="screen")
    assert not module.is_visible()


def test_html_makes_no_network_request_and_has_a_csp(open_form, kitchen_sink):
    form = open_form(render_html(kitchen_sink))
    page = form.page
    csp = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp
    outcome = page.evaluate(
        "fetch('https://example.org/x').then(() => 'fetched', () => 'blocked')")
    assert outcome == "blocked"
    page.evaluate("new Image().src = 'https://example.org/pixel.png'")
    page.wait_for_timeout(200)
    assert form.requests == [Path(form.path).as_uri()]
    assert [e for e in form.errors if "Content Security Policy" not in e] == []


def test_html_open_rejects_another_tools_file(open_form, kitchen_sink, tmp_path):
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"format": "auditforms/completed-audit", "format_version": 1,
                                 "definition": {"id": "another-tool", "version": "1"},
                                 "status": "draft", "answers": {"child-id": "C1"}}))
    page = open_form(render_html(kitchen_sink)).page
    page.locator("#af-open-file").set_input_files(other)
    page.wait_for_function("!document.getElementById('af-notice').hidden")
    assert "different audit tool" in page.locator("#af-notice").inner_text()
    assert page.locator("#f-child-id-input").input_value() == ""


def test_html_unreadable_dates_and_numbers_are_reported_in_page_order(open_form, kitchen_sink):
    form = open_form(render_html(kitchen_sink))
    page = form.page
    page.locator("#f-audit-date-day").fill("31")
    page.locator("#f-audit-date-month").fill("2")
    page.locator("#f-audit-date-year").fill("2026")
    page.locator("#f-child-age-input").fill("ten")
    page.locator("#f-family--1--age").fill("two")
    page.locator("#f-actions--2--completion-date-day").focus()
    page.keyboard.type("12")  # the day only: not yet a date
    page.locator('.af-actions [data-action="check"]').click()
    items = page.locator("#af-error-summary-list li").all_inner_texts()
    assert "Audit date: enter a real date, like 27 3 2026" in items
    assert "Audit date: an answer is required" not in items
    assert items.index("Child's ID number: an answer is required") < items.index(
        "Audit date: enter a real date, like 27 3 2026") < items.index("Age: enter a number, like 12")
    assert any(i.startswith("Family members") and i.endswith("row 2: enter a number, like 12") for i in items)
    assert "Agreed actions to achieve good outcomes for child, row 3: enter a real date, like 27 3 2026" in items
    assert page.locator("#f-audit-date-error").text_content() == "Error: Enter a real date, like 27 3 2026"
    assert page.locator("#f-audit-date-month").get_attribute("aria-invalid") == "true"
    answers = save(form, "save-draft")["doc"]["answers"]
    assert "audit-date" not in answers and "child-age" not in answers


def test_html_statement_links_go_there_and_back(open_form, kitchen_sink):
    page = open_form(render_html(kitchen_sink)).page
    link = page.locator("#f-q1 .af-see a")
    link.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#statement-help-and-protection"
    statement = page.locator("#statement-help-and-protection")
    assert "Children are listened to and seen alone." in statement.inner_text()
    statement.get_by_role("link", name="Back to the question").click()
    assert page.evaluate("document.activeElement.textContent") == "Children in need of help and protection"


def test_html_contents_list_follows_conditions(open_form, kitchen_sink):
    page = open_form(render_html(kitchen_sink)).page
    contents = page.get_by_role("navigation", name="Contents")
    assert not contents.get_by_role("link", name="2. Unaccompanied asylum-seeking children").is_visible()
    page.locator("#f-uasc-1").check()
    contents.get_by_role("link", name="2. Unaccompanied asylum-seeking children").click()
    assert page.evaluate("location.hash") == "#f-uasc-module"


def test_html_without_script_no_dead_buttons_are_shown(chromium, tmp_path, kitchen_sink):
    path = tmp_path / "form.html"
    path.write_text(render_html(kitchen_sink), encoding="utf-8")
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(path.as_uri())
    assert page.locator("button:visible").count() == 0
    assert page.locator("noscript").count() == 1
    context.close()


def test_html_reopened_file_keeps_its_audit_id_and_moderation(open_form, kitchen_sink, tmp_path):
    saved = tmp_path / "moderated.json"
    saved.write_text(json.dumps({
        "format": "auditforms/completed-audit", "format_version": 1,
        "definition": {"id": "kitchen-sink", "version": "1.1.0"}, "audit_id": "2026-11-0007",
        "status": "draft", "answers": {"child-id": "C0007", "unknown-id": "x"},
        "moderation": {"moderator": "A. Moderator", "comments": {"q1": "Fictional comment."}},
        "history": [{"event": "created", "role": "system", "name": "auditforms", "at": "2026-11-01T09:00:00Z"}],
        "source": {"kind": "docx", "saved_at": "2026-11-12T10:31:00Z"}}), encoding="utf-8")
    form = open_form(render_html(kitchen_sink))
    page = form.page
    page.locator("#af-open-file").set_input_files(saved)
    page.wait_for_function("!document.getElementById('af-notice').hidden")
    notice = page.locator("#af-notice").inner_text()
    assert "saved on 2026-11-12 at 10:31:00 UTC (draft): 1 answer filled in" in notice
    assert "version 1.1.0" in notice and "1 answer in the file is not part of this form" in notice
    assert page.locator("#f-child-id-input").input_value() == "C0007"
    doc = save(form, "save-draft")
    assert doc["name"].startswith("kitchen-sink_C0007_")
    assert doc["doc"]["audit_id"] == "2026-11-0007"
    assert doc["doc"]["moderation"]["moderator"] == "A. Moderator"
    assert doc["doc"]["history"] == [{"event": "created", "role": "system", "name": "auditforms",
                                      "at": "2026-11-01T09:00:00Z"}]
    assert doc["doc"]["definition"]["version"] == "1.2.0" and doc["doc"]["source"]["kind"] == "html"
