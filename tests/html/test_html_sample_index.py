"""The batch's index.html in real Chromium: axe finds nothing serious, the keyboard reaches
every link, dates read as "16 November 2026" and the page requests nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.html.html_support import FormPage
from tests.html.test_html_accessibility import axe, serious_violations  # noqa: F401  (fixture)
from tests.sampling.sampling_support import INDEX_MANIFEST

from auditforms.english import long_date_of
from auditforms.sampling.index_page import index_html
from testsupport import sideways_scroll

# Lives with the HTML tests to share their one Chromium (a second playwright would clash).
pytestmark = pytest.mark.browser


@pytest.fixture
def index_page(chromium: Any, tmp_path: Path) -> Any:
    path = tmp_path / "index.html"
    path.write_bytes(index_html(INDEX_MANIFEST, "Kitchen sink audit tool <b>", {"Jo Lyle": "Children in Care"},
                                "OFFICIAL-SENSITIVE <i>"))
    page = FormPage(chromium, path)
    yield page
    page.close()


def test_index_page_passes_axe(index_page: Any, axe: Any) -> None:  # noqa: F811
    assert serious_violations(axe, index_page.page) == []
    assert sideways_scroll(index_page.page) == 0  # the wide table scrolls in its own region
    assert index_page.requests == [index_page.path.as_uri()] and index_page.errors == []


def test_index_page_carries_the_marking_at_its_top_and_foot(index_page: Any) -> None:
    notes = index_page.page.get_by_role("note", name="Protective marking")
    assert notes.all_inner_texts() == ["OFFICIAL-SENSITIVE <i>"] * 2  # escaped, shown as written
    box = notes.first.bounding_box()
    assert box is not None and box["y"] < 80 and box["width"] > 300


def test_index_page_dates_read_as_people_write_them(index_page: Any) -> None:
    text = index_page.page.locator("main").inner_text()
    assert "16 November 2026" in text and "2 November 2026" in text and "2026-11-16" not in text


def test_index_page_keyboard_reaches_the_skip_link_then_every_form(index_page: Any) -> None:
    page = index_page.page
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to main content"
    focused = []
    for _ in range(8):
        page.keyboard.press("Tab")
        focused.append(page.evaluate("document.activeElement.getAttribute('href')"))
    assert {"2026-11-C10001.html", "2026-11-C10001.docx", "2026-11-C10002%20%231.html"} <= set(focused)


def test_long_date_of() -> None:
    assert long_date_of("2026-11-02") == "2 November 2026"
    assert long_date_of(None) == "" and long_date_of("not a date") == "not a date"
