"""The shipped Torbay forms in Chromium: a whole audit completed by keyboard alone, the UASC
module toggled, saved, checked with the Python rules and reopened.

The keyboard completion is driven by the form's own checks: while the form reports an
error, the test moves to the answer concerned with Tab, as a person would, and answers it
with the keys a person would press.
"""

from __future__ import annotations

from typing import Any

import pytest
from tests.conftest import DEFINITIONS
from tests.html.html_support import FormPage, choose, render_html, save, tab_to, type_into

from auditforms.api import load_definition
from auditforms.results.check import check_document

pytestmark = pytest.mark.browser

FULL = DEFINITIONS / "torbay-full-audit.yaml"
UASC = DEFINITIONS / "torbay-uasc.yaml"
ERRORS = "AuditForm.evaluate(AuditForm.answers(), {}).filter(f => f.severity === 'error')"


def _needs(path: Any) -> Any:
    if not path.is_file():
        pytest.skip(f"{path.name} is not shipped yet")
    return load_definition(path)


def answer_by_keyboard(page: Any, pointer: str) -> None:
    """Tab to the answer a finding points at and answer it from the keyboard."""
    parts = pointer.removeprefix("/answers/").split("/")
    group = "#f-" + "--".join(parts)
    control = page.locator(f"{group}, {group} input, {group} select, {group} textarea").evaluate_all(
        """els => { const c = els.find(e => e.matches('input, select, textarea'));
                    return c ? {id: c.id, tag: c.tagName, type: c.type, name: c.name} : null; }""")
    assert control, f"nothing to answer at {pointer}"
    if control["type"] == "radio":
        choose(page, control["name"], page.locator(f"#{control['id']}").get_attribute("value"))
    elif control["type"] == "checkbox":
        tab_to(page, f"#{control['id']}")
        page.keyboard.press("Space")
    elif control["tag"] == "SELECT":
        tab_to(page, f"#{control['id']}")
        page.keyboard.press("ArrowDown")
    elif control["id"].endswith("-day"):
        base = control["id"].removesuffix("-day")
        month = "12" if len(parts) > 1 else "11"  # an action's date comes after the audit's
        for suffix, text in (("day", "12"), ("month", month), ("year", "2026")):
            type_into(page, f"#{base}-{suffix}", text)
    else:
        type_into(page, f"#{control['id']}", "Fictional words for a test.")


def complete_by_keyboard(form: FormPage, limit: int = 120) -> None:
    page = form.page
    for _ in range(limit):
        errors = page.evaluate(ERRORS)
        if not errors:
            return
        answer_by_keyboard(page, errors[0]["pointer"])
    raise AssertionError(f"still not complete: {page.evaluate(ERRORS)}")


def test_html_torbay_audit_completed_by_keyboard_saves_checks_and_reopens(open_form):
    definition = _needs(FULL)
    form = open_form(render_html(definition))
    page = form.page
    page.locator("body").focus()
    type_into(page, "#f-actions--0--action", "Update the child's plan")
    complete_by_keyboard(form)
    saved = save(form, "save-final")
    answers = saved["doc"]["answers"]
    assert saved["doc"]["status"] == "submitted"
    assert answers["actions"][0]["action"] == "Update the child's plan"
    assert [d.format() for d in check_document(definition, saved["doc"], file="saved.json") if d.is_error] == []
    assert all(isinstance(answers[q.id].get("judgement"), str) for q in definition.index.questions()
               if q.judgement and q.judgement.required)
    form.close()

    again = open_form(render_html(definition), name="again.html")
    again.page.locator("#af-open-file").set_input_files(saved["path"])
    again.page.wait_for_function("document.getElementById('af-notice').textContent.includes('Opened')")
    assert again.page.evaluate("AuditForm.answers()") == answers
    assert again.errors == []


def test_html_torbay_uasc_module_follows_the_answer(open_form):
    definition = _needs(UASC)
    form = open_form(render_html(definition))
    page = form.page
    module = page.locator("#f-uasc-module")
    assert not module.is_visible()
    page.locator("body").focus()
    choose(page, "uasc", "yes")
    assert module.is_visible()
    choose(page, "uasc-age-assessment.judgement", "meets-good")
    type_into(page, "#f-uasc-age-assessment--evidence-input", "Fictional evidence.")
    assert "uasc-age-assessment" in page.evaluate("AuditForm.answers()")
    page.locator("#f-uasc-1").focus()
    page.keyboard.press("ArrowDown")
    assert page.locator("#f-uasc-2").is_checked()
    assert not module.is_visible()
    answers = save(form, "save-draft")["doc"]["answers"]
    assert answers["uasc"] == "no" and "uasc-age-assessment" not in answers
