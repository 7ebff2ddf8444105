"""The example tools in real Chromium: no serious accessibility problem; a sub-section's
not-relevant box hides its questions; a checklist grid, inputs inside a question and fields
side by side are answered by keyboard and saved as the completed-audit format says."""

from __future__ import annotations

import pytest
from tests.definitions.examples_support import CHECKLIST, EXAMPLES, JOURNEY
from tests.html.html_support import choose, render_html, save, tab_to, type_into
from tests.html.test_html_accessibility import axe, reveal_everything, serious_violations  # noqa: F401

from auditforms.api import load_definition

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_example_form_has_no_serious_accessibility_violations(open_form, axe, path):  # noqa: F811
    form = open_form(render_html(load_definition(path)))
    assert serious_violations(axe, form.page) == []
    reveal_everything(form.page)
    assert serious_violations(axe, form.page) == []
    assert form.errors == []


def test_ticking_a_sub_sections_box_hides_its_questions_and_shows_what_depends_on_it(open_form):
    form = open_form(render_html(load_definition(JOURNEY)))
    page = form.page
    assert page.locator("#f-q1-1").is_visible() and not page.locator("#f-q1-5").is_visible()
    tab_to(page, 'input[name="s1a.not_relevant"]')
    page.keyboard.press("Space")
    assert not page.locator("#f-q1-1").is_visible()
    assert not page.locator('[data-overall="s1a"]').is_visible()
    assert page.locator("#f-q1-5").is_visible() and page.locator("#f-q1-4").is_visible()
    assert form.errors == []


def test_inputs_inside_a_question_and_the_rating_after_the_evidence(open_form):
    form = open_form(render_html(load_definition(JOURNEY)))
    page = form.page
    evidence = page.locator("#f-q1-4--evidence").bounding_box()
    grade = page.locator("#f-q1-4--judgement").bounding_box()
    assert evidence["y"] < grade["y"], "the grade comes after the evidence, as the tool prints it"
    choose(page, "q1-2-seen", "yes")
    tab_to(page, 'input[name="q1-3-agencies"][value="health"]')
    page.keyboard.press("Space")
    assert page.locator("#f-q1-3-health-date").is_visible()
    doc = save(form, "save-draft")["doc"]
    assert doc["answers"]["q1-2-seen"] == "yes" and doc["answers"]["q1-3-agencies"] == ["health"]


def test_numbers_as_written_and_no_optional_marker(open_form):
    form = open_form(render_html(load_definition(JOURNEY)))
    page = form.page
    heading = page.locator("#f-q1-1-heading").inner_text()
    assert heading == "1.1 Was the decision at the front door timely and proportionate?"
    assert page.locator(".af-optional:visible").count() == 0  # the tool's labels; the moderator's own panel is hidden
    assert "af-visually-hidden" in page.locator("#f-case-details-heading").get_attribute("class")  # not printed
    assert page.locator(".af-field-row--3").count() == 1


def test_a_checklist_grid_is_answered_by_keyboard(open_form):
    form = open_form(render_html(load_definition(CHECKLIST)))
    page = form.page
    choose(page, "c1.judgement", "yes")
    type_into(page, 'textarea[name="c1.evidence"]', "Updated in February.")
    choose(page, "c4.judgement", "not-known")
    headers = page.locator("#f-records thead th").all_inner_texts()
    assert headers == ["No.", "Criterion", "Met?", "Evidence"]
    doc = save(form, "save-draft")["doc"]
    assert doc["answers"]["c1"] == {"judgement": "yes", "evidence": "Updated in February."}
    assert doc["answers"]["c4"] == {"judgement": "not-known"}
    assert form.errors == []


def test_the_printed_page_header_repeats_the_scale_key(open_form, tmp_path):
    import shutil
    import subprocess

    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    form = open_form(render_html(load_definition(JOURNEY)))
    pdf = tmp_path / "printed.pdf"
    form.page.pdf(path=str(pdf))
    pages = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True,
                           timeout=60).stdout.decode("utf-8").split("\f")
    printed = [p for p in pages if p.strip()]
    assert len(printed) > 1
    assert all("Grade: Outstanding · Good · Requires improvement · Inadequate" in p for p in printed)
