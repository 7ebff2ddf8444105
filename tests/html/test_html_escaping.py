"""Hostile text in a definition or in case data is shown as text and never runs.

Every string the definition language accepts is filled with markup, template syntax and
script-closing sequences; the page is then opened in Chromium, which must show the text
literally, raise no dialog and let no injected code set a global.
"""

from __future__ import annotations

import json

import pytest
from tests.html.html_support import embedded_data, render_html

from auditforms.api import load_text

EVIL = ("</script><script>window.__pwned=1;alert(1)</script><!-- \"'><img src=x "
        "onerror=\"window.__pwned=2\"> {{ 7*7 }} {% raw %} ${7*7} **bold** &amp; \u2028")


def _s(suffix: str) -> str:
    return json.dumps(f"{EVIL} {suffix}")


DEFINITION = f"""
id: hostile
title: {_s("title")}
version: 1.0.0
publisher: {_s("publisher")}
description: {_s("description")}
marking: {{label: {_s("marking")}, warning: {_s("warning")}}}
lookback: {{months: 6, description: {_s("lookback")}}}
guidance: {_s("guidance")}
scales:
  - id: q
    title: {_s("scale")}
    best: highest
    options:
      - {{id: good, label: {_s("good")}, value: 2, description: {_s("good description")}}}
      - {{id: poor, label: {_s("poor")}, value: 1}}
sections:
  - id: s1
    title: {_s("section")}
    intro: {_s("intro")}
    guidance: {_s("section guidance")}
    items:
      - {{id: name, type: text, label: {_s("label")}, hint: {_s("hint")}, completed_by: central}}
      - id: pick
        type: choice
        label: {_s("pick")}
        options:
          - {{id: one, label: {_s("option")}, follow_up: {{id: why, type: textarea, label: {_s("why")}}}}}
      - id: q1
        type: question
        title: {_s("question")}
        prompt: {_s("prompt")}
        considerations: [{{text: {_s("consider")}, items: [{_s("item")}]}}]
        guidance: {_s("question guidance")}
        judgement: {{scale: q, label: {_s("judgement")}}}
        narratives: [{{id: evidence, label: {_s("evidence")}, hint: {_s("evidence hint")}}}]
      - id: t1
        type: table
        title: {_s("table")}
        hint: {_s("table hint")}
        columns:
          - {{id: c1, label: {_s("column")}}}
rules:
  - {{id: r1, assert: {{field: name, is: "x"}}, message: {_s("message")}}}
"""

CASE = {"name": EVIL + " case", "t1": [{"c1": EVIL + " cell"}]}


@pytest.fixture(scope="module")
def hostile():
    result = load_text(DEFINITION, "hostile.yaml")
    assert result.definition is not None, [d.format() for d in result.diagnostics]
    return result.definition


def test_html_hostile_text_is_escaped_in_the_markup(hostile):
    html = render_html(hostile, CASE)
    assert "<script>window.__pwned" not in html
    assert "<img src=x" not in html
    assert html.count("</script>") == 2  # the data element and the form's own script
    assert "<!-- " not in html.split("</title>")[1]
    assert embedded_data(html)["definition"]["title"].startswith("</script><script>")


@pytest.mark.browser
def test_html_hostile_text_never_runs_in_chromium(open_form, hostile):
    form = open_form(render_html(hostile, CASE))
    page = form.page
    page.locator("#f-pick-1").check()
    assert page.locator("#f-why").is_visible()
    page.locator('.af-actions [data-action="check"]').click()
    page.locator('[data-action="add-row"]').click()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert form.dialogs == []
    assert page.locator("h1").text_content() == f"{EVIL} title"
    assert page.locator("#f-name-input").input_value() == EVIL + " case"
    assert page.locator("#f-t1--0--c1").input_value() == EVIL + " cell"
    assert "{{ 7*7 }}" in page.locator("#f-q1-heading").inner_text()
    assert "49" not in page.locator("#f-q1-heading").inner_text()
    assert page.locator("img").count() == 0
    assert EVIL.split(" ")[0] in page.locator("#af-error-summary").text_content()
    assert [e for e in form.errors if "Content Security Policy" not in e] == []
