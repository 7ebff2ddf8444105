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
    assert page.locator('input[name="q1-2-seen-on#day"]').count() == 0  # a month and year, no day
    type_into(page, 'input[name="q1-2-seen-on#month"]', "2")
    page.keyboard.press("Tab")
    page.keyboard.type("2026")
    tab_to(page, 'input[name="q1-3-agencies"][value="health"]')
    page.keyboard.press("Space")
    assert page.locator("#f-q1-3-health-date").is_visible()
    doc = save(form, "save-draft")["doc"]
    assert doc["answers"]["q1-2-seen"] == "yes" and doc["answers"]["q1-3-agencies"] == ["health"]
    assert doc["answers"]["q1-2-seen-on"] == "2026-02"


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


def test_moderator_panels_and_notes_sit_below_checklist_criteria(open_form, tmp_path):
    """A criterion is a table row with no heading to follow: the moderator's panel, and later
    the note the auditor sees, get a row of their own below it."""
    import json

    from tests.definitions.examples_support import CHECKLIST_ANSWERS
    from tests.html.html_support import download_by_keyboard, open_by_keyboard
    from tests.html.test_html_moderation import axe_or_skip

    definition = load_definition(CHECKLIST)
    submitted = tmp_path / "submitted.json"
    submitted.write_text(json.dumps({
        "format": "auditforms/completed-audit", "format_version": 1, "audit_id": "2026-03-0001",
        "definition": {"id": definition.id, "version": definition.version}, "status": "submitted",
        "answers": CHECKLIST_ANSWERS}), encoding="utf-8")
    moderator = open_form(render_html(definition), name="moderator.html")
    assert open_by_keyboard(moderator, submitted, "moderate").startswith("Opened for moderation:")
    page = moderator.page
    assert page.locator('#f-c1 + tr.af-checklist__moderation [data-moderation-for="c1"]').count() == 1
    assert page.locator("#f-records tr.af-checklist__moderation").count() == 3
    assert page.locator('[data-moderation-for="c1"] h4').count() == 1  # below the checklist's h3
    assert serious_violations(axe_or_skip(), page) == []
    choose(page, "af-mod-c1-judgement", "no")
    type_into(page, "#af-mod-c3-comment", "Say which visits.")
    type_into(page, "#af-moderator-name-input", "M. Moderator")
    moderated = download_by_keyboard(moderator, '[data-action="save-moderation"]')
    record = moderated["doc"]["moderation"]
    assert record["judgements"] == {"c1": "no"} and record["comments"] == {"c3": "Say which visits."}

    auditor = open_form(render_html(definition), name="auditor.html")
    open_by_keyboard(auditor, moderated["path"], "open")
    page = auditor.page
    note = page.locator("#f-c3 + tr.af-checklist__moderation .af-moderator-note")
    assert "Say which visits." in (note.text_content() or "")
    assert page.locator("#f-c1 + tr.af-checklist__moderation .af-moderator-note").count() == 1
    assert serious_violations(axe_or_skip(), page) == []
    tab_to(page, "#af-resp-c3-addressed")
    page.keyboard.press("Space")
    open_by_keyboard(auditor, submitted, "open")  # another audit: the notes and their rows go
    assert page.locator("tr.af-checklist__moderation").count() == 0
    assert moderator.errors == auditor.errors == []
