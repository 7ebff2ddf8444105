"""The new answer types in real Chromium: a month and year, e-mail and telephone inputs, a
number with its unit, narratives required when graded, and a grade descriptor paragraph shown
only while its condition holds."""

from __future__ import annotations

import pytest
from tests.conftest import DEFINITIONS
from tests.html.html_support import choose, render_html, save, tab_to, type_into

from auditforms.api import load_definition
from auditforms.results.check import check_document

pytestmark = pytest.mark.browser

ANSWERS = DEFINITIONS / "examples" / "answers-care-leavers.yaml"


@pytest.fixture(scope="module")
def tool():
    return load_definition(ANSWERS)


def test_inputs_have_the_right_type_and_autocomplete(open_form, tool) -> None:
    page = open_form(render_html(tool)).page
    email = page.locator('input[name="worker-email"]')
    assert (email.get_attribute("type"), email.get_attribute("autocomplete")) == ("email", "off")
    telephone = page.locator('input[name="worker-telephone"]')
    assert (telephone.get_attribute("type"), telephone.get_attribute("autocomplete")) == ("tel", "off")
    assert page.locator('input[name="last-review#day"]').count() == 0
    assert page.get_by_role("group", name="Month of the last review").is_visible()
    # the unit is printed after the box and part of the box's accessible name
    attendance = page.get_by_role("textbox", name="School or college attendance (in %)")
    assert attendance.is_visible()
    assert page.locator("#f-attendance .af-input__suffix").inner_text() == "%"


def test_month_email_and_number_with_unit_are_saved_as_their_types(open_form, tool) -> None:
    form = open_form(render_html(tool))
    page = form.page
    type_into(page, 'input[name="audit-date#day"]', "12")
    page.keyboard.press("Tab")
    page.keyboard.type("11")
    page.keyboard.press("Tab")
    page.keyboard.type("2026")
    choose(page, "care-leaver", "no")
    type_into(page, 'input[name="last-review#month"]', "3")
    page.keyboard.press("Tab")
    page.keyboard.type("2026")
    type_into(page, 'input[name="attendance"]', "87.5")
    type_into(page, 'input[name="worker-email"]', "pa@example.org")
    type_into(page, 'input[name="worker-telephone"]', "01234 567890")
    doc = save(form, "save-draft")["doc"]
    answers = doc["answers"]
    assert answers["last-review"] == "2026-03" and answers["attendance"] == 87.5
    assert answers["worker-email"] == "pa@example.org" and answers["worker-telephone"] == "01234 567890"
    assert form.errors == []
    problems = check_document(tool, doc, file="saved.json")
    assert not [d for d in problems if d.pointer and d.pointer.startswith(("/answers/last-review",
                                                                            "/answers/worker-email"))]


def test_a_month_that_is_not_real_is_reported_at_its_boxes(open_form, tool) -> None:
    form = open_form(render_html(tool))
    page = form.page
    page.fill('input[name="last-review#month"]', "13")
    page.fill('input[name="last-review#year"]', "2026")
    page.locator('.af-actions [data-action="check"]').click()
    assert "enter a real month and year" in page.locator("#af-error-summary").inner_text()


def test_impact_is_required_only_once_a_grade_is_given(open_form, tool) -> None:
    form = open_form(render_html(tool))
    page = form.page
    page.locator('.af-actions [data-action="check"]').click()
    summary = page.locator("#af-error-summary")
    assert "evidence is required" in summary.inner_text()
    assert "impact on the young person is required" not in summary.inner_text()
    choose(page, "q1.judgement", "good")
    page.locator('.af-actions [data-action="check"]').click()
    assert "impact on the young person is required when a grade is given" in summary.inner_text()


def test_care_leavers_descriptor_is_shown_only_for_a_care_leaver(open_form, tool) -> None:
    page = open_form(render_html(tool)).page
    extra = page.locator(".af-rubric__extra")
    assert extra.count() == 1 and not extra.is_visible()
    choose(page, "care-leaver", "yes")
    assert extra.is_visible() and "In addition for care leavers" in extra.inner_text()
    choose(page, "care-leaver", "no")
    assert not extra.is_visible()
    # paragraphs of a descriptor stay paragraphs, and the guide is a link
    good = page.locator("#f-q1--judgement-2-hint")
    assert good.locator("p.af-body").count() >= 1 and good.locator("li").count() == 2
    assert good.get_by_role("link", name="Fictional guide to pathway plans").get_attribute("href") == \
        "https://example.org/guides/pathway-plans"


def test_guides_from_the_scale_question_and_section_are_links(open_form, tool) -> None:
    page = open_form(render_html(tool)).page
    for name in ("Fictional practice standards", "Fictional leaving care procedures"):
        assert page.get_by_role("link", name=name).count() >= 1


def test_keyboard_reaches_the_month_boxes(open_form, tool) -> None:
    page = open_form(render_html(tool)).page
    tab_to(page, 'input[name="last-review#month"]')
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "last-review#year"


def test_a_compound_field_saves_its_labelled_answers_as_one_object(open_form, tool) -> None:
    form = open_form(render_html(tool))
    page = form.page
    assert page.get_by_role("group", name="Short breaks").is_visible()
    type_into(page, 'input[name="young-person.initials"]', "SB")
    page.fill('input[name="young-person.date-of-birth#day"]', "17")
    page.fill('input[name="young-person.date-of-birth#month"]', "5")
    page.fill('input[name="young-person.date-of-birth#year"]', "2008")
    choose(page, "short-breaks.accepted", "yes")
    type_into(page, 'input[name="short-breaks.nights"]', "two")
    page.locator('.af-actions [data-action="check"]').click()
    summary = page.locator("#af-error-summary").inner_text()
    assert "short breaks are recorded as accepted but not as offered" in summary
    assert "enter a number" in summary
    page.fill('input[name="short-breaks.nights"]', "2")
    choose(page, "short-breaks.offered", "yes")
    answers = save(form, "save-draft")["doc"]["answers"]
    assert answers["young-person"] == {"initials": "SB", "date-of-birth": "2008-05-17"}
    assert answers["short-breaks"] == {"offered": "yes", "accepted": "yes", "nights": 2}
    assert form.errors == []
