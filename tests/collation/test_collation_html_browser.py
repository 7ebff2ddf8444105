"""The web report in real Chromium: axe finds nothing serious, charts are drawn and labelled,
nothing is fetched, and it prints; a screenshot is kept for the docs' comparison."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from auditforms.collation.html import render_html

pytestmark = pytest.mark.browser
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
SERIOUS = {"serious", "critical"}


@pytest.fixture
def page(figures: Any, chromium: Any, tmp_path_factory: Any) -> Iterator[Any]:
    """The report in the session's one Chromium (tests/conftest.py): a second sync playwright
    cannot start while another test module's runs."""
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_bytes(render_html(figures))
    context = chromium.new_context(viewport={"width": 1100, "height": 900})
    page = context.new_page()
    page.requests = []  # type: ignore[attr-defined]
    page.csp_errors = []  # type: ignore[attr-defined]
    page.on("request", lambda r: page.requests.append(r.url))
    page.on("console", lambda m: page.csp_errors.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(path.as_uri())
    yield page
    context.close()


@pytest.mark.parametrize("width", [1100, 320], ids=["desktop", "phone"])
def test_axe_finds_nothing_serious(page: Any, width: int) -> None:
    """At 320 px (WCAG's reflow width) the wide tables scroll: each is a named region the
    keyboard reaches, or axe reports scrollable-region-focusable (serious)."""
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("axe-playwright-python is not installed (CI is set, so it must be present)")
        pytest.skip("axe-playwright-python is not installed")
    page.set_viewport_size({"width": width, "height": 900})
    try:
        if width < 1100:
            assert page.evaluate("[...document.querySelectorAll('.af-table-wrap')]"
                                 ".some(w => w.scrollWidth > w.clientWidth)"), "no table scrolls at this width"
        results = Axe().run(page, options={"resultTypes": ["violations"], "runOnly": {"type": "tag", "values": [
            "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}})
    finally:
        page.set_viewport_size({"width": 1100, "height": 900})
    serious = [f"{v['id']}: {v['help']}" for v in results.response["violations"] if v["impact"] in SERIOUS]
    assert serious == []


def test_it_reflows_on_a_phone(page: Any) -> None:
    from testsupport import sideways_scroll

    assert sideways_scroll(page) == 0


def test_every_table_is_in_a_region_named_by_its_caption(page: Any) -> None:
    regions = page.evaluate("""[...document.querySelectorAll('.af-table-wrap')].map(w => [
        w.getAttribute('role'), w.tabIndex, document.getElementById(w.getAttribute('aria-labelledby'))
            === w.querySelector('caption')])""")
    assert regions and all(r == ["region", 0, True] for r in regions)


def test_charts_are_drawn_labelled_and_nothing_is_fetched_or_blocked(page: Any, tmp_path: Path) -> None:
    charts = page.locator("figure svg[role=img]")
    # the headline trend, the overall ratings, the questions, by team, strand and age band, the safety theme
    assert charts.count() == 7
    for k in range(charts.count()):
        svg = charts.nth(k)
        label = page.locator(f"#{svg.get_attribute('aria-labelledby')}").inner_text()
        assert label and svg.bounding_box()["height"] > 50
    assert [u for u in page.requests if not u.startswith("file:")] == []
    assert page.csp_errors == []
    page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
    assert (tmp_path / "report.png").stat().st_size > 10_000


def test_headline_and_every_caution_are_on_the_page(page: Any) -> None:
    text = page.locator("main").inner_text()
    assert "67%†" in text and "64%†" in text
    assert "not met" in text
    assert "treat it with caution" in text


def test_it_prints(page: Any, tmp_path: Path) -> None:
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000


def test_a_long_bar_label_wraps_inside_the_picture(page: Any) -> None:
    """A theme's description is a bar's label: one longer than the margin wraps onto lines,
    where it ran off the picture's left edge ("rations about the impact of the COVID pandemic")."""
    from auditforms.collation.charts import Chart, Series
    from auditforms.collation.draw import svg

    long = "Considerations about the impact of the COVID pandemic on the child and family"
    chart = Chart("t", "title", "stacked", (long, "Short"), (Series("Good", (60.0, 50.0), "good1"),
                                                              Series("Not good", (40.0, 50.0), "bad1")))
    other = page.context.browser.new_page()
    try:
        other.set_content(f"<!DOCTYPE html><html><body style='margin:0'>{svg(chart, 'c')}</body></html>")
        outside = other.evaluate("""(() => { const box = document.querySelector('svg').getBoundingClientRect();
            return [...document.querySelectorAll('svg text')].map(t => [t.textContent, t.getBoundingClientRect()])
              .filter(([, r]) => r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1))
              .map(([s]) => s); })()""")
        lines = other.evaluate("[...document.querySelectorAll('svg text')].map(t => t.textContent)")
    finally:
        other.close()
    assert outside == []
    assert "Considerations about the impact" in " ".join(lines) and long not in lines  # wrapped, not cut
