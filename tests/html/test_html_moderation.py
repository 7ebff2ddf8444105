"""An opened moderated audit shows the moderator's comments and moderated judgements beside
the parts they are about, marked as the moderator's, escaped, and gone when another file is
opened (the auditor's side of finalising, issue 11)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from tests.conftest import FIXTURES
from tests.html.html_support import render_html
from tests.html.test_html_accessibility import serious_violations

pytestmark = pytest.mark.browser

MODERATED = FIXTURES / "audits" / "kitchen-sink" / "child-0413-moderated.yaml"
COMPLETE = FIXTURES / "audits" / "kitchen-sink" / "child-0412.json"


def as_json(tmp_path: Path, doc: dict[str, Any]) -> Path:
    path = tmp_path / "moderated.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def opened(page: Any, path: Path) -> None:
    page.evaluate("document.getElementById('af-notice-text').textContent = ''")
    page.locator("#af-open-file").set_input_files(path)
    page.wait_for_function("() => document.getElementById('af-notice-text').textContent.includes('Opened')")


def test_html_moderators_comments_show_beside_their_parts(open_form, kitchen_sink, tmp_path):
    doc = yaml.safe_load(MODERATED.read_text(encoding="utf-8"))
    doc["moderation"]["comments"]["q2"] = "<script>alert(1)</script> Say more."
    form = open_form(render_html(kitchen_sink))
    page = form.page
    opened(page, as_json(tmp_path, doc))
    q1 = page.get_by_role("note", name="Moderator's comment on Q1 Risk")
    assert q1.is_visible()
    # text_content: innerText is empty in a section not yet rendered (content-visibility: auto)
    assert q1.locator("p").all_text_contents() == ["Moderator's comment", "The evidence needs an auditor overview.",
                                                   "Moderated judgement: Meets good"]
    assert page.locator("#f-q1 > .af-moderator-note").count() == 1
    q2 = page.locator("#f-q2 .af-moderator-note")
    assert "<script>alert(1)</script> Say more." in (q2.text_content() or "") and q2.locator("script").count() == 0
    assert "The moderator's comments are shown beside 2 parts" in page.locator("#af-notice-text").inner_text()
    assert serious_violations(axe_or_skip(), page) == []
    opened(page, COMPLETE)
    assert page.locator(".af-moderator-note").count() == 0
    assert form.errors == []


def axe_or_skip() -> Any:
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:
        pytest.skip("axe-playwright-python is not installed")
    return Axe()
