"""Unit tests of the HTML renderer's parts: Markdown, safe JSON, CSP, view model, payload."""

from __future__ import annotations

import json
import re
from datetime import date

from markupsafe import Markup
from tests.html.html_support import render_html

from auditforms.english import long_date
from auditforms.model.describe import describe_condition as describe
from auditforms.renderers import get_renderer
from auditforms.renderers.html import RENDERER
from auditforms.renderers.html.build import build_page, question_heading
from auditforms.renderers.html.describe import only_if
from auditforms.renderers.html.markdown import markdown, plain
from auditforms.renderers.html.payload import payload
from auditforms.renderers.html.safety import content_security_policy, css_string, json_for_script, sha256_source
from auditforms.renderers.html.views import dom_id


def test_html_markdown_paragraphs_bullets_and_bold():
    html = markdown("First line\ncontinues.\n\n- one **two**\n- three\n  wrapped\n\nLast.")
    assert html == ('<p class="af-body">First line continues.</p>\n'
                    '<ul class="af-list af-list--bullet"><li>one <strong>two</strong></li>'
                    "<li>three wrapped</li></ul>\n"
                    '<p class="af-body">Last.</p>')
    assert isinstance(html, Markup)


def test_html_markdown_escapes_before_adding_markup():
    html = markdown("<b>x</b> & **<i>y</i>**\n- <script>")
    assert "<b>" not in html and "<script>" not in html and "<i>" not in html
    assert "&lt;b&gt;x&lt;/b&gt; &amp; <strong>&lt;i&gt;y&lt;/i&gt;</strong>" in html
    assert markdown(None) == "" and markdown("") == ""


def test_html_plain_text_for_headings():
    assert plain("Is a **pathway plan**\nin place?") == "Is a pathway plan in place?"
    assert plain("- a\n- b") == "a b"


def test_html_json_for_script_cannot_close_the_element():
    text = json_for_script({"x": "</script><!-- & \u2028"})
    assert "</" not in text and "<!--" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(str(text)) == {"x": "</script><!-- & \u2028"}


def test_html_csp_hashes_are_the_inline_elements_hashes(kitchen_sink):
    html = render_html(kitchen_sink)
    styles = re.findall(r"<style>(.*?)</style>", html, re.S)
    script = re.search(r"<script>(.*?)</script>", html, re.S).group(1)
    assert len(styles) == 2  # the form's CSS and the marking for printed pages
    assert content_security_policy(styles, script) in html.replace("&#39;", "'")
    assert sha256_source("") == "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
    assert "</script" not in script and "<!--" not in script


def test_html_css_string_escapes_everything_but_letters_digits_and_spaces():
    assert css_string("RESTRICTED") == '"RESTRICTED"'
    escaped = css_string('a</style>"\\\n')
    assert escaped == '"a\\3c \\2f style\\3e \\22 \\5c \\a "'
    assert "<" not in escaped and escaped.count('"') == 2


def test_html_renderer_is_registered():
    renderer = get_renderer("html")
    assert renderer is RENDERER
    assert (renderer.name, renderer.suffix, renderer.media_type, renderer.accepts_prefill) == \
        ("html", ".html", "text/html", True)


def test_html_dom_ids_follow_answer_pointers():
    assert dom_id("q1", "evidence") == "f-q1--evidence"
    assert dom_id("actions", 0, "person") == "f-actions--0--person"


def test_html_view_model_of_the_kitchen_sink(kitchen_sink):
    page = build_page(kitchen_sink, {"audit-date": "2026-03-07", "strand": ["care-leavers"],
                                     "actions": [{"action": "x"}] * 5})
    case = page.sections[0]
    fields = {i.item_id: i for i in case.items}
    assert fields["audit-date"].kind == "date" and fields["audit-date"].date_parts == ("7", "3", "2026")
    assert fields["audit-date"].hint is None and fields["audit-date"].format_hint == "For example, 27 3 2026"
    assert fields["child-age"].format_hint == "A number from 0 to 25"
    assert fields["legal-status"].kind == "select"
    assert fields["legal-status"].choices[2].follow_up.item_id == "legal-status-other"
    assert [c.checked for c in fields["strand"].choices] == [False, True]
    assert fields["strand"].choices[0].see[0].href == "#statement-help-and-protection"
    assert fields["uasc"].inline and not fields["audited-previously"].inline
    q1 = page.sections[1].items[0]
    assert q1.heading == "1. Risk is identified, responded to and reduced in a timely way."
    assert [c.label for c in q1.judgement.choices] == ["Exceeds good", "Meets good", "Does not meet good",
                                                       "Not applicable"]
    assert q1.judgement.legend == "Quality of child's experience"
    actions = page.sections[5].items[0]
    assert len(actions.rows) == 5 and actions.max_rows == 8 and actions.template_row is not None
    assert actions.rows[1].cells[0].label == "Agreed Action (child) – row 2"
    ecm = page.sections[4].items[0]
    assert ecm.fixed and [r.header for r in ecm.rows] == ["Being Healthy", "Staying Safe"]
    assert page.lookback == "6 months" and page.marking_label == "RESTRICTED WHEN COMPLETED"
    assert page.sections[2].only_if == "Only if “Is the child an unaccompanied asylum-seeker?” is “Yes”."


def test_html_question_heading_without_a_title(kitchen_sink):
    pathway = kitchen_sink.index.node("pathway-plan")
    assert question_heading(pathway) == "Is an effective and timely pathway plan in place?"


def test_html_conditions_described_in_words(kitchen_sink):
    rule = next(r for r in kitchen_sink.rules if r.id == "audit-date-in-period")
    assert describe(kitchen_sink, rule.assert_) == (
        "“Audit date” is on or after the start of the sample period"
        " and “Audit date” is on or before the end of the sample period")
    assert only_if(kitchen_sink, kitchen_sink.sections[3].when) == "Only if “Age band” is “16-21”."
    assert only_if(kitchen_sink, None) is None


def test_html_payload_carries_the_checks_rules(kitchen_sink):
    data = payload(kitchen_sink, "A-1")
    ids = [r["id"] for r in data["rules"]]
    assert ids[0] == "child-id:required" and "completion-after-audit" in ids
    rule = next(r for r in data["rules"] if r["id"] == "overall-not-better-than-every-field")
    assert rule["assert"] == {"not": {"field": "q3.judgement", "better_than_all": ["q1.judgement", "q2.judgement"]}}
    slots = {s["id"]: s for s in data["slots"]}
    assert slots["q1"] == {"id": "q1", "shape": "object", "keys": ["judgement", "evidence", "impact"]}
    assert slots["care-leaving"]["keys"] == ["not_relevant", "judgement", "impact"]
    assert slots["ecm"]["shape"] == "fixed" and slots["actions"]["shape"] == "rows"
    entry = data["index"]["entries"]["legal-status-other"]
    assert entry["revealedBy"] == ["legal-status", "other"] and entry["kind"] == "field"
    assert data["auditId"] == "A-1" and data["roles"]["child_id"] == "child-id"


def test_html_due_date_is_said_near_the_top_in_words(kitchen_sink):
    html = render_html(kitchen_sink, due_date=date(2026, 11, 6))
    said = '<p class="af-due-date">Return this audit by <strong>6 November 2026</strong>.</p>'
    assert said in html and html.index(said) < html.index("<form")
    assert "Return this audit by" not in render_html(kitchen_sink)
    assert long_date(date(2027, 1, 31)) == "31 January 2027"


def test_html_table_date_cells_hold_day_month_and_year(kitchen_sink):
    page = build_page(kitchen_sink, {"actions": [{"completion-date": "2026-03-07"}, {"completion-date": "7/3/26"}]})
    tables = [i for s in page.sections for i in s.items if getattr(i, "columns", None) and i.item_id == "actions"]
    cells = [{c.column_id: c for c in row.cells}["completion-date"] for row in tables[0].rows[:2]]
    assert [c.kind for c in cells] == ["date", "date"]
    assert cells[0].date_parts == ("7", "3", "2026")
    assert cells[1].date_parts == ("", "", "")  # not an ISO date: the boxes start empty
