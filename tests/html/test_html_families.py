"""The HTML form says which type of audit it is, what is audited and who takes part, and an
unmoderated tool's form has nothing for a moderator (real Chromium, and axe-core)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.html.html_support import render_html
from tests.html.test_html_accessibility import axe, serious_violations  # noqa: F401 (fixture)

from auditforms.api import load_definition
from auditforms.renderers import RenderOptions
from auditforms.renderers.html import RENDERER

EXAMPLES = Path(__file__).resolve().parents[2] / "definitions" / "examples"


def summary(page) -> dict[str, str]:
    rows = page.locator(".af-summary-list__row").all()
    return {row.locator("dt").inner_text(): " ".join(row.locator("dd").inner_text().split()) for row in rows}


@pytest.mark.browser
def test_a_deep_dive_form_says_so_with_its_look_back_and_judgement_window(open_form, axe) -> None:  # noqa: F811
    definition = load_definition(EXAMPLES / "family-early-help.yaml")
    html = RENDERER.render(definition, RenderOptions(audit_type="deep-dive")).decode()
    form = open_form(html)
    shown = summary(form.page)
    assert shown["Type of audit"].startswith("Deep dive")
    assert shown["Look-back period"].startswith("24 months")
    assert shown["Judgement window"] == "The last 6 months Judge practice over the last 6 months."
    assert form.errors == [] and serious_violations(axe, form.page) == []


@pytest.mark.browser
def test_an_unmoderated_self_audit_lists_who_takes_part_and_has_no_moderation(open_form, axe) -> None:  # noqa: F811
    form = open_form(render_html(load_definition(EXAMPLES / "family-school-self-audit.yaml")))
    shown = summary(form.page)
    assert shown["Completed by"] == "The school's designated safeguarding lead"
    assert shown["Outcome shared with"] == "Lead professional"
    assert shown["Completed beside"].startswith("The QA service's early help audit of the same child")
    assert shown["Moderation"] == "Not moderated: the audit is final when it is finished"
    assert form.page.locator("[data-form][data-unmoderated]").count() == 1
    assert form.page.get_by_text("For the moderator").count() == 0
    assert form.page.locator("#f-response").get_by_text("Completed by: Allocated social worker").count() == 1
    assert form.errors == [] and serious_violations(axe, form.page) == []


def test_a_form_without_a_type_lists_the_types_and_a_plain_tool_says_nothing_new() -> None:
    html = render_html(load_definition(EXAMPLES / "family-early-help.yaml"))
    assert "<dt>Types of audit</dt><dd>Regular audit (12 months look-back); Deep dive (24 months look-back)" in html
    plain = render_html(load_definition(EXAMPLES / "family-base.yaml"))
    assert "data-unmoderated" not in plain and "Type of audit" not in plain
