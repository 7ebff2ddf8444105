"""The form keeps its page in step with the answers change by change, and agrees with a whole check.

After a check, a keystroke or click re-evaluates only the parts and rules that read the
answer it changed (renderers/html/deps.js). These tests drive real Chromium through a seeded
series of changes of every kind (text, numbers, dates good and bad, radios, check boxes,
selects, rows added and removed) and after each one compare what the page shows, problem by
problem and part by part, with a whole check worked out afresh.
"""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import DEFINITIONS, KITCHEN_SINK
from tests.html.html_support import render_html

from auditforms.api import load_definition
from auditforms.language.loader import load

pytestmark = pytest.mark.browser

OPERATORS = Path(__file__).parent / "fixtures" / "operators.yaml"
SOURCES = [KITCHEN_SINK, OPERATORS, DEFINITIONS / "torbay-full-audit.yaml",
           DEFINITIONS / "multi-agency-children-in-care.yaml"]
TEXTS = ["", "Some words", "ten", "12", "  ", "3.5", "Sam was seen at home.", "Sam said so.", "asked sam"]
DATE_PARTS = ["", "31", "2", "12", "2026", "x"]

#: Every control a person could change now: shown, enabled, not a file chooser.
CONTROLS = """() => Array.from(document.querySelectorAll(
    '[data-form] input, [data-form] textarea, [data-form] select, [data-form] [data-action$="-row"]'))
  .filter(c => c.id && !c.disabled && c.type !== 'file' && c.checkVisibility())
  .map(c => ({id: c.id, tag: c.tagName, type: c.type || '', part: c.dataset.part || '',
              action: c.dataset.action || '', options: c.tagName === 'SELECT'
                ? Array.from(c.options).map(o => o.value) : []}))"""

SHOWN_AGREES = """() => {
  const answers = AuditForm.answers(), context = {today: AuditDom.today()};
  return Array.from(document.querySelectorAll('[data-form] [data-item]'))
    .filter(n => n.hidden === AuditForm.shown(answers, n.dataset.item, context))
    .map(n => n.dataset.item);
}"""

SUMMARY = "() => Array.from(document.querySelectorAll('#af-error-summary-list li')).map(li => li.textContent)"


def change(page: Any, rng: random.Random, control: dict[str, Any]) -> None:
    target = page.locator(f"#{control['id']}")
    if control["action"] or control["type"] in ("radio", "checkbox"):
        target.click()
    elif control["tag"] == "SELECT":
        target.select_option(rng.choice(control["options"]))
    else:
        target.fill(rng.choice(DATE_PARTS if control["part"] or control["id"].endswith(("-day", "-month", "-year"))
                               else TEXTS))


@pytest.mark.parametrize("source", SOURCES, ids=[p.stem for p in SOURCES])
def test_html_every_change_shows_what_a_whole_check_would(open_form, source: Path):
    if not source.is_file():
        pytest.skip(f"{source.name} is not shipped")
    form = open_form(render_html(load_definition(source)))
    page = form.page
    page.locator('.af-actions [data-action="check"]').click()
    rng = random.Random(source.stem)
    for step in range(60):
        control = rng.choice(page.evaluate(CONTROLS))
        change(page, rng, control)
        where = f"step {step}: {control['id']}"
        assert page.evaluate("AuditForm.listed()") == page.evaluate("AuditForm.checked()"), where
        assert page.evaluate(SHOWN_AGREES) == [], where
        if step % 10 == 9:  # the summary, kept up to date in place, reads as a fresh check's
            live = page.evaluate(SUMMARY)
            page.locator('.af-actions [data-action="check"]').click()
            assert page.evaluate(SUMMARY) == live, where
    assert form.errors == []


COUNTING = """() => {
  const run = Object.getPrototypeOf(new AuditRules.Evaluator(AuditForm.data.index, {}).session({}));
  const original = run.ruleFindings;
  window.evaluated = 0;
  run.ruleFindings = function (rule, scopes, out) {
    window.evaluated += scopes.length || 1;
    return original.call(this, rule, scopes, out);
  };
}"""


def synthetic_copy(path: Path, factor: int) -> Path:
    """bench/bench_load.py's copy of a tool with ``factor`` times its questions."""
    spec = importlib.util.spec_from_file_location("bench_load", Path(__file__).parents[2] / "bench" / "bench_load.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.synthetic(path, factor)  # type: ignore[no-any-return]


def rule_evaluations(open_form: Any, path: Path, box: str) -> tuple[int, float]:
    """Rule scopes evaluated by a whole check, and by each keystroke in the text box ``box``."""
    result = load(path, search_path=[DEFINITIONS])
    assert result.definition is not None, result.diagnostics[:3]
    page = open_form(render_html(result.definition), name=f"{path.stem}.html").page
    # Dispatched, not clicked at a position: the first check moves focus to its summary and the
    # page may still be scrolling there, so a click by position can land beside the button.
    page.locator('.af-actions [data-action="check"]').dispatch_event("click")
    page.evaluate(COUNTING)
    page.locator('.af-actions [data-action="check"]').dispatch_event("click")
    whole = page.evaluate("window.evaluated")
    page.evaluate("window.evaluated = 0")
    page.locator(f'textarea[name="{box}"]').press_sequentially("Fictional")
    return whole, page.evaluate("window.evaluated") / len("Fictional")


def test_html_a_keystroke_costs_the_same_on_a_tool_ten_times_the_size(open_form):
    torbay = DEFINITIONS / "torbay-full-audit.yaml"
    small_whole, small_key = rule_evaluations(open_form, torbay, "q5.evidence")
    large_whole, large_key = rule_evaluations(open_form, synthetic_copy(torbay, 10), "q5-x9.evidence")
    assert large_whole > 5 * small_whole  # a whole check looks at everything
    # A keystroke looks only at the rules that read its answer: Q5's own (judgement, evidence,
    # impact and the moderator's advice on them) and the overall rating's rules that read it.
    assert large_key <= small_key <= 10, (small_key, large_key)
