"""axe-core, run inside Chromium, finds no serious or critical accessibility problem.

Each form is checked as it first appears, with every conditional part revealed, and with
the error summary and inline error messages showing. axe-core comes from the PyPI package
``axe-playwright-python`` (it ships ``axe.min.js``), so CI needs no npm.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import DEFINITIONS, KITCHEN_SINK
from tests.html.html_support import render_html

from auditforms.api import load_definition
from testsupport import sideways_scroll

pytestmark = pytest.mark.browser

SHIPPED = sorted(DEFINITIONS.glob("*.yaml")) if DEFINITIONS.is_dir() else []
SERIOUS = {"serious", "critical"}


@pytest.fixture(scope="module")
def axe() -> Any:
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("axe-playwright-python is not installed (CI is set, so it must be present)")
        pytest.skip("axe-playwright-python is not installed")
    return Axe()


def render_every_section(page: Any) -> None:
    """Sections out of sight are not rendered until they come near the screen (CSS
    ``content-visibility: auto``; they stay in the accessibility tree). axe measures touch
    targets by hit testing, which sees only rendered content, so render them all first:
    every part of the form is then measured, not just the first screen."""
    page.evaluate("""() => { for (const node of document.querySelectorAll('.af-section, .af-statement'))
                               node.style.contentVisibility = 'visible'; }""")


def serious_violations(axe: Any, page: Any) -> list[str]:
    render_every_section(page)
    results = axe.run(page, options={"resultTypes": ["violations"],
                                     "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a",
                                                                           "wcag21aa", "wcag22aa", "best-practice"]}})
    return [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
            for v in results.response["violations"] if v["impact"] in SERIOUS]


def reveal_everything(page: Any) -> None:
    """Answer so that every condition holds, then ask for a check so errors show too."""
    page.evaluate("""() => {
      for (const input of document.querySelectorAll('input[type=radio]')) {
        if (['yes', '16-21', 'other'].includes(input.value)) input.checked = true;
      }
      const select = document.querySelector('select[name="legal-status"]');
      if (select) select.value = 'other';
      document.querySelector('[data-form]').dispatchEvent(new Event('change'));
    }""")
    page.locator('.af-actions [data-action="check"]').click()
    for details in page.locator("details").all():
        details.evaluate("d => d.open = true")


EXAMPLES = sorted([*DEFINITIONS.glob("examples/answers-*.yaml"), *DEFINITIONS.glob("examples/rules-*.yaml")])


@pytest.mark.parametrize("path", [KITCHEN_SINK, *SHIPPED, *EXAMPLES],
                         ids=["kitchen-sink", *[p.stem for p in SHIPPED], *[p.stem for p in EXAMPLES]])
def test_html_form_has_no_serious_accessibility_violations(open_form, axe, path: Path):
    form = open_form(render_html(load_definition(path)))
    assert serious_violations(axe, form.page) == []
    reveal_everything(form.page)
    assert form.page.locator("#af-error-summary").is_visible()
    assert serious_violations(axe, form.page) == []
    assert sideways_scroll(form.page) == 0  # every part open and every row shown: tables scroll in place
