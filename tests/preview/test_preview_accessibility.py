"""axe-core finds no serious or critical problem on the preview page, with or without errors.

The form inside the frame is the HTML renderer's own page, checked by
tests/html/test_html_accessibility.py.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from tests.html.test_html_accessibility import serious_violations
from tests.preview.preview_support import NEGLECT, edit

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def axe() -> Any:
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("axe-playwright-python is not installed (CI is set, so it must be present)")
        pytest.skip("axe-playwright-python is not installed")
    return Axe()


def test_the_preview_page_has_no_serious_accessibility_violations(definitions, start_preview, open_preview, axe):
    path = definitions / NEGLECT
    view = open_preview(start_preview(path).url, "?view=example")
    view.expect(view.form.locator("h1")).to_be_visible()
    assert serious_violations(axe, view.page) == []
    edit(path, "  - update: q1\n", "  - update: q99\n")
    view.wait_for_version(2)
    view.expect(view.page.locator("[data-errors]")).to_be_visible()
    assert serious_violations(axe, view.page) == []


def test_the_moderators_view_has_no_serious_accessibility_violations(definitions, start_preview, open_preview, axe):
    view = open_preview(start_preview(definitions / NEGLECT).url, "?view=moderator")
    view.expect(view.form.locator(".af-moderator-panel").first).to_be_visible()
    assert serious_violations(axe, view.page) == []
