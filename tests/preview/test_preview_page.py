"""The preview's pages, pure: problems quoted where they are, everything escaped, the views."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import DEFINITIONS, KITCHEN_SINK
from tests.html.test_html_escaping import DEFINITION as HOSTILE
from tests.html.test_html_escaping import EVIL

from auditforms.diagnostics import Diagnostic, Severity
from auditforms.language.loader import load, load_text
from auditforms.preview.page import View, shell_page, view_from_query
from auditforms.preview.problems import located_problems, source_line
from auditforms.preview.state import first_snapshot, next_snapshot
from auditforms.renderers.html.safety import sha256_source

BROKEN = "id: broken\ntitle: Broken\nversion: 1.0.0\nsections:\n  - id: s1\n    titel: x\n"


def _snapshot(path: Path):
    return next_snapshot(first_snapshot(str(path)), load(path), {}, "12:00:00")


def test_a_problem_quotes_its_line_with_a_caret_under_the_column():
    result = load_text(BROKEN, "broken.yaml")
    problems = located_problems(result.diagnostics, {"broken.yaml": BROKEN})
    first = problems[0]
    assert first.where.startswith("broken.yaml:")
    line, col = map(int, first.where.split(":")[1:3])
    assert first.quoted == BROKEN.splitlines()[line - 1]
    assert first.caret == " " * (col - 1) + "^"


def test_errors_come_before_warnings_and_unknown_lines_quote_nothing():
    warning = Diagnostic("AF999", "w", file="a.yaml", line=1, col=1, severity=Severity.WARNING)
    error = Diagnostic("AF101", "cannot read the file", file="b.yaml")
    problems = located_problems([warning, error], {"a.yaml": "x: 1\n"})
    assert [p.code for p in problems] == ["AF101", "AF999"]
    assert problems[0].where == "b.yaml" and problems[0].quoted is None
    assert problems[1].quoted == "x: 1"
    assert source_line("a\nb", 3) is None and source_line(None, 1) is None


def test_a_failed_load_keeps_the_last_good_form_marked_out_of_date():
    good = _snapshot(DEFINITIONS / "torbay-uasc.yaml")
    broken = next_snapshot(good, load_text(BROKEN, "broken.yaml"), {"broken.yaml": BROKEN}, "12:01:00")
    assert (broken.version, broken.current, broken.good) == (2, False, good.good)
    html = shell_page(broken, View()).html.decode()
    assert "data-errors" in html and "data-stale" in html and "12:00:00" in html
    assert 'src="/form?view=blank"' in html
    assert "    titel: x" in html


def test_before_any_good_load_there_is_no_form():
    snapshot = next_snapshot(first_snapshot("broken.yaml"), load_text(BROKEN, "broken.yaml"), {}, "12:00:00")
    html = shell_page(snapshot, View()).html.decode()
    assert "data-no-form" in html and "<iframe" not in html


def test_everything_from_the_definition_and_its_problems_is_escaped():
    hostile = next_snapshot(first_snapshot("hostile.yaml"), load_text(HOSTILE, "hostile.yaml"), {}, "12:00:00")
    evil_line = f"title: {EVIL}"
    problem = Diagnostic("AF999", EVIL, file="hostile.yaml", line=1, col=3, severity=Severity.WARNING)
    snapshot = next_snapshot(hostile, load_text(HOSTILE, "hostile.yaml"), {}, "12:00:00")
    snapshot = snapshot.__class__(**{**snapshot.__dict__,
                                     "problems": located_problems([problem], {"hostile.yaml": evil_line})})
    html = shell_page(snapshot, View("example", 2)).html.decode()
    assert "<script>window.__pwned" not in html and "<img src=x" not in html
    assert html.count("<script>") == 1 and "{{ 7*7 }}" in html


def test_the_page_policy_allows_exactly_its_own_style_and_script():
    page = shell_page(_snapshot(KITCHEN_SINK), View())
    html = page.html.decode()
    style = re.search(r"<style>(.*?)</style>", html, re.S)
    script = re.search(r"<script>(.*?)</script>", html, re.S)
    assert style and script
    assert f"style-src {sha256_source(style.group(1))}" in page.csp
    assert f"script-src {sha256_source(script.group(1))}" in page.csp
    assert "default-src 'none'" in page.csp and "frame-ancestors 'none'" in page.csp


def test_the_outline_and_the_rules_in_plain_words_are_beside_the_form():
    html = shell_page(_snapshot(KITCHEN_SINK), View()).html.decode()
    assert "data-outline" in html and "Scales" in html
    assert "For each question, when its judgement is given a grade, its evidence is answered." in html


def test_a_view_comes_from_the_query_and_anything_odd_means_the_default():
    assert view_from_query({"view": ["example"], "seed": ["7"]}) == View("example", 7)
    assert view_from_query({}) == View("blank", 1)
    assert view_from_query({"view": ["<x>"], "seed": ["-1"]}) == View("blank", 1)
    assert view_from_query({"view": ["example"], "seed": ["9" * 40]}) == View("example", 1)
    assert View("example", 3).query == "view=example&seed=3"


def test_the_files_watched_are_every_file_the_definition_is_built_from():
    from auditforms.cli.preview_server import _load

    result, read = _load(DEFINITIONS / "torbay-neglect-dip-sample.yaml", ())
    assert result.ok
    assert [p.name for p in read] == ["torbay-neglect-dip-sample.yaml", "torbay-full-audit.yaml",
                                      "ofsted-statements-of-good.yaml"]


def test_a_rule_the_describer_cannot_word_still_shows_its_message(monkeypatch, kitchen_sink):
    import auditforms.preview.rules_text as rules_text

    def cannot(definition, condition):
        raise KeyError("a-new-operator")

    monkeypatch.setattr(rules_text, "describe_condition", cannot)
    html = shell_page(next_snapshot(first_snapshot("k.yaml"), load(KITCHEN_SINK), {}, "12:00:00"), View()).html
    text = html.decode()
    assert "cannot be put into words yet" in text and kitchen_sink.rules[0].message in text


def test_the_moderators_view_takes_a_seed_and_opens_a_submitted_example() -> None:
    import datetime as dt

    from tests.conftest import KITCHEN_SINK

    from auditforms.api import load_definition
    from auditforms.preview.examples import example_submitted
    from auditforms.preview.page import download_name
    from auditforms.results.check import check_document

    assert view_from_query({"view": ["moderator"], "seed": ["4"]}) == View("moderator", 4)
    assert View("moderator", 4).query == "view=moderator&seed=4"
    sink = load_definition(KITCHEN_SINK)
    assert download_name(sink, View("moderator", 4)) == "kitchen-sink-example-4.docx"
    doc = example_submitted(sink, seed=4, today=dt.date(2026, 12, 1))
    assert doc["status"] == "submitted" and doc["history"][0]["event"] == "submitted"
    assert [d.format() for d in check_document(sink, doc, file="x.json") if d.is_error] == []
