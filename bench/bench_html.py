"""Benchmark: the HTML form in Chromium, from Torbay's 12 questions to 360.

Usage: python bench/bench_html.py [--runs 5]

Renders the Torbay full audit tool, the multi-agency tool and synthetic copies of Torbay with
10x and 30x its questions (made as bench/bench_load.py makes them), opens each form in
Debian's Chromium (playwright, ``--no-sandbox``) and measures, in the page with
``performance.now()`` and ``requestAnimationFrame`` (medians of ``--runs``):

* interactive: navigation start to the first frame painted after the form's script has run;
* open:  choosing a complete audit file (the input's ``change``) to the frame painted after the
         answers are filled in and the notice shown;
* check: "Check answers" on that complete audit, click to the next painted frame;
* key:   one keystroke at the end of the last narrative box (after a check, so problems update
         live), keydown to the next painted frame;
* click: a judgement click on the last question, click to the next painted frame;
* save:  "Save answers", click to the next painted frame (the download is made in between);
* moderate: "Open answers to moderate" with that audit (submitted), the input's ``change`` to the
         frame painted after the answers are locked and every part's moderation panel is built.

Prints one table, the tools side by side with the target each figure is held to (issue 10)
and the ratio of the 360-question form to the 12-question one.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from bench_check import Generator  # noqa: E402
from bench_load import synthetic  # noqa: E402

from auditforms.language.loader import load  # noqa: E402
from auditforms.model.definition import Definition  # noqa: E402
from auditforms.renderers import RenderOptions  # noqa: E402
from auditforms.renderers.html import RENDERER  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

#: Installed before the page's own script: the probe every figure is read from.
PROBE = """
window.__bench = { interactive: null, result: null };
window.__bench.afterPaint = function (done) {
  // rAF runs just before the frame is painted; a message posted from it arrives just after.
  requestAnimationFrame(function () {
    var channel = new MessageChannel();
    channel.port1.onmessage = function () { done(performance.now()); };
    channel.port2.postMessage(0);
  });
};
document.addEventListener("DOMContentLoaded", function () {
  window.__bench.afterPaint(function (t) { window.__bench.interactive = t; });
});
window.__bench.arm = function (type) {
  window.__bench.result = null;
  window.addEventListener(type, function (event) {
    var start = event.timeStamp;
    window.__bench.afterPaint(function (t) { window.__bench.result = t - start; });
  }, { capture: true, once: true });
};
window.__bench.armOpen = function () {
  window.__bench.result = null;
  var input = document.getElementById("af-open-file"), notice = document.getElementById("af-notice");
  input.addEventListener("change", function (event) {
    var start = event.timeStamp;
    var observer = new MutationObserver(function () {
      observer.disconnect();
      window.__bench.afterPaint(function (t) { window.__bench.result = t - start; });
    });
    observer.observe(notice, { childList: true, characterData: true, subtree: true, attributes: true });
  }, { once: true });
};
"""

TARGETS = {"interactive": "<= 300", "open": "<= 300", "check": "<= 100", "key": "<= 16",
           "click": "next frame", "save": "-", "moderate": "<= 300 (as open)"}
ROWS = ("interactive", "open", "check", "key", "click", "save", "moderate")


def tools() -> list[tuple[str, Definition]]:
    torbay = ROOT / "definitions" / "torbay-full-audit.yaml"
    multi = ROOT / "definitions" / "multi-agency-children-in-care.yaml"
    out = []
    for name, path in (("Torbay", torbay), ("multi-agency", multi),
                       ("Torbay x10", synthetic(torbay, 10)), ("Torbay x30", synthetic(torbay, 30))):
        result = load(path, search_path=[torbay.parent])
        assert result.ok and result.definition is not None, result.diagnostics[:3]
        out.append((name, result.definition))
    return out


def complete_audit(definition: Definition, folder: Path) -> Path:
    """A complete, fictional audit of ``definition`` (bench_check's generator, no defect)."""
    import json

    path = folder / f"{definition.id}-complete.json"
    path.write_text(json.dumps(Generator(definition).audit(1)), encoding="utf-8")
    return path


def measure(page: Any, arm: str, act: Callable[[], None]) -> float:
    page.evaluate(arm)
    act()
    page.wait_for_function("() => window.__bench.result !== null", timeout=60_000)
    return float(page.evaluate("window.__bench.result"))


def median(sample: list[float]) -> float:
    return statistics.median(sample)


def bench_tool(browser: Any, definition: Definition, folder: Path, runs: int) -> dict[str, float]:
    html = folder / f"{definition.id}.html"
    html.write_bytes(RENDERER.render(definition, RenderOptions()))
    audit = complete_audit(definition, folder)
    context = browser.new_context(accept_downloads=True, locale="en-GB", viewport={"width": 1100, "height": 900})
    context.add_init_script(PROBE)
    page = context.new_page()
    page.on("dialog", lambda dialog: dialog.accept())
    figures: dict[str, list[float]] = {row: [] for row in ROWS}
    for _ in range(runs):
        page.goto(html.as_uri())
        page.wait_for_function("() => window.__bench.interactive !== null")
        figures["interactive"].append(float(page.evaluate("window.__bench.interactive")))
    chooser = page.locator("#af-open-file")
    for _ in range(runs):
        figures["open"].append(measure(page, "window.__bench.armOpen()", lambda: chooser.set_input_files(audit)))
    check = page.locator('.af-actions [data-action="check"]')
    for _ in range(runs):
        figures["check"].append(measure(page, "window.__bench.arm('click')", check.click))
    box = page.locator(".af-narrative textarea").last
    box.focus()
    page.keyboard.press("End")
    for n in range(runs + 1):
        took = measure(page, "window.__bench.arm('keydown')", lambda: page.keyboard.press("a"))
        if n:  # the first keystroke warms up
            figures["key"].append(took)
    radios = page.locator(".af-judgement").last.locator("input[type=radio]")
    for n in range(runs + 1):
        target = radios.nth(n % 2)
        took = measure(page, "window.__bench.arm('click')", target.click)
        if n:
            figures["click"].append(took)
    save = page.locator('.af-actions [data-action="save-draft"]')
    for _ in range(runs):
        with page.expect_download():
            figures["save"].append(measure(page, "window.__bench.arm('click')", save.click))

    def moderate() -> None:
        with page.expect_file_chooser() as chooser:
            page.locator('.af-toolbar [data-action="moderate"]').click()
        chooser.value.set_files(audit)
    for _ in range(runs):
        figures["moderate"].append(measure(page, "window.__bench.armOpen()", moderate))
    assert page.locator(".af-moderator-panel").count() > 0
    context.close()
    return {row: median(values) for row, values in figures.items()}


def table(results: list[tuple[str, int, dict[str, float]]]) -> str:
    head = ["ms (median)", "target"] + [f"{name} ({q}q)" for name, q, _ in results] + ["360/12"]
    lines = [head]
    first, last = results[0][2], results[-1][2]
    for row in ROWS:
        cells = [row, TARGETS[row]] + [f"{figures[row]:.1f}" for _, _, figures in results]
        cells.append(f"{last[row] / first[row]:.1f}x" if first[row] else "-")
        lines.append(cells)
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    return "\n".join("  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(line, widths,
                                                                                             strict=True)))
                     for line in lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    results = []
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for name, definition in tools():
            questions = len(definition.index.questions())
            results.append((name, questions, bench_tool(browser, definition, Path(tmp), args.runs)))
            print(f"measured {name}", file=sys.stderr)
        browser.close()
    print(f"HTML form in Chromium: key and click after a check on a complete audit; medians of {args.runs}; "
          f"load average {load_before:.1f} -> {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(table(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
