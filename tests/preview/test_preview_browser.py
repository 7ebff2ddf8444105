"""The preview in a real Chromium: saving the YAML changes the page; errors are located in it."""

from __future__ import annotations

import re
import time

import pytest
from tests.preview.preview_support import NEGLECT, RELOAD_TIMEOUT_MS, TITLE, edit

pytestmark = pytest.mark.browser


def test_saving_the_definition_reloads_the_page_where_it_was(definitions, start_preview, open_preview):
    preview = start_preview(definitions / NEGLECT)
    view = open_preview(preview.url)
    view.expect(view.form.locator("h1")).to_have_text(TITLE)
    view.form_frame().evaluate("window.scrollTo(0, 900)")
    edit(definitions / NEGLECT, f"title: {TITLE}", f"title: {TITLE} (draft 2)")
    saved = time.monotonic()
    view.expect(view.form.locator("h1")).to_have_text(f"{TITLE} (draft 2)", timeout=RELOAD_TIMEOUT_MS)
    print(f"save to new form shown: {time.monotonic() - saved:.2f} s")
    view.form_frame().wait_for_function("window.scrollY > 850", timeout=RELOAD_TIMEOUT_MS)
    assert view.page.locator("h1").inner_text() == f"{TITLE} (draft 2)"
    assert all(url.startswith(preview.url) for url in view.requests), view.requests
    assert view.errors == []


def test_saving_a_parent_or_a_reference_document_reloads_too(definitions, start_preview, open_preview):
    preview = start_preview(definitions / NEGLECT)
    view = open_preview(preview.url)
    view.wait_for_version(1)
    edit(definitions / "torbay-full-audit.yaml", "short_title: Risk\n", "short_title: Risk to the child\n")
    view.wait_for_version(2)
    view.expect(view.form.locator("#af-contents-title + ol")).to_contain_text("Risk to the child")
    edit(definitions / "reference" / "ofsted-statements-of-good.yaml",
          "title: Ofsted Statements of Good", "title: Ofsted Statements of Good (edited)")
    view.wait_for_version(3)
    view.expect(view.form.locator(".af-references")).to_contain_text("Ofsted Statements of Good (edited)")


def test_a_broken_edit_shows_the_located_error_above_the_last_good_form(definitions, start_preview,
                                                                        open_preview):
    path = definitions / NEGLECT
    preview = start_preview(path)
    view = open_preview(preview.url)
    view.wait_for_version(1)
    edit(path, "  - update: q1\n", "  - update: q99\n")
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, start=1) if "update: q99" in text)
    where = f"{path}:{line}:{lines[line - 1].index('q99') + 1}"
    view.wait_for_version(2)
    errors = view.page.locator("[data-errors]")
    view.expect(errors).to_contain_text(f"{where}: error[AF403] 'q99' is not a section or item")
    view.expect(errors.locator("pre")).to_contain_text("  - update: q99")
    view.expect(view.page.locator("[data-stale]")).to_contain_text("Out of date")
    view.expect(view.form.locator("h1")).to_have_text(TITLE)  # the last good form is still there
    edit(path, "  - update: q99\n", "  - update: q1\n")
    view.wait_for_version(3)
    view.expect(view.page.locator("[data-errors], [data-stale]")).to_have_count(0)
    assert view.errors == []


def test_a_definition_broken_from_the_start_shows_its_errors_and_no_form(definitions, start_preview,
                                                                         open_preview):
    path = definitions / NEGLECT
    edit(path, "title: ", "title: [")  # a YAML syntax error
    view = open_preview(start_preview(path).url)
    view.expect(view.page.locator("[data-errors]")).to_contain_text(f"{path}:")
    view.expect(view.page.locator("[data-no-form]")).to_be_visible()
    edit(path, "title: [", "title: ")
    view.expect(view.form.locator("h1")).to_have_text(TITLE, timeout=RELOAD_TIMEOUT_MS)


def test_example_answers_fill_the_form_and_can_be_drawn_again(definitions, start_preview, open_preview):
    view = open_preview(start_preview(definitions / "torbay-full-audit.yaml").url)
    view.page.get_by_role("link", name="With example answers").click()
    view.expect(view.page).to_have_url(re.compile(r"view=example$"))
    view.expect(view.form.locator("textarea").first).to_have_value(re.compile("Fictional example"))
    first = view.form.locator("input:checked").evaluate_all("inputs => inputs.map(i => i.id)")
    assert first
    view.page.get_by_role("link", name="Other example answers").click()
    view.expect(view.page).to_have_url(re.compile(r"seed=2"))
    view.expect(view.form.locator("textarea").first).to_have_value(re.compile("Fictional example"))
    assert view.form.locator("input:checked").evaluate_all("inputs => inputs.map(i => i.id)") != first
    assert view.errors == []


def test_the_download_button_gives_the_word_form_of_what_is_shown(definitions, start_preview, open_preview):
    view = open_preview(start_preview(definitions / NEGLECT).url, "?view=example&seed=3")
    with view.page.expect_download() as download:
        view.page.get_by_role("link", name="Download the Word form").click()
    assert download.value.suggested_filename == "torbay-neglect-dip-sample-example-3.docx"


def test_the_moderators_view_opens_example_answers_in_moderator_mode(definitions, start_preview, open_preview):
    """Issue 17's switch: the form as the moderator sees it, the example answers read-only and
    a moderation panel (with the tool's checklist) beside each question, section judgement and table."""
    view = open_preview(start_preview(definitions / "torbay-full-audit.yaml").url)
    view.page.get_by_role("link", name="As the moderator sees it").focus()
    view.page.keyboard.press("Enter")
    view.expect(view.page).to_have_url(re.compile(r"view=moderator$"))
    view.expect(view.page.locator("[data-moderator-view]")).to_be_visible()
    view.expect(view.form.locator("#af-notice-text")).to_contain_text("Opened for moderation")
    view.expect(view.form.locator('[data-moderation-for="q4"] input[type=checkbox]')).to_have_count(8)
    view.expect(view.form.locator("#af-moderation")).to_be_visible()
    assert view.form.locator("textarea[name]").first.evaluate("t => t.readOnly")
    assert view.form.locator("textarea[name]").first.input_value().startswith("Fictional example")
    view.page.get_by_role("link", name="Other example answers").click()
    view.expect(view.page).to_have_url(re.compile(r"view=moderator&seed=2$"))
    view.expect(view.form.locator(".af-moderator-panel").first).to_be_visible()
    assert view.errors == []
