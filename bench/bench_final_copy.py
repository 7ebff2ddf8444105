"""The final copy of a completed Torbay audit, and extract of a Word form with comments.

Run: ``PYTHONPATH=src python bench/bench_final_copy.py``. Prints each figure beside the
floor or target it is compared to; asserts nothing. The PDF engine comparison runs the
engines that are installed (LibreOffice from the Word copy, Chromium printing the HTML).
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TORBAY = ROOT / "definitions" / "torbay-full-audit.yaml"
AUDIT = ROOT / "tests" / "fixtures" / "audits" / "torbay-full-audit" / "child-final.json"
REPEAT = 5


def timed(func: Callable[[], object], repeat: int = REPEAT) -> tuple[tuple[float, float], object]:
    """Median wall-clock and CPU seconds: on a shared machine the CPU time is the steadier figure."""
    walls, cpus, result = [], [], None
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        result = func()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return (statistics.median(walls), statistics.median(cpus)), result


def row(what: str, seconds: tuple[float, float | None] | None, compared: str) -> None:
    if seconds is None:
        wall, cpu = "not installed", ""
    else:
        wall = f"{seconds[0] * 1000:.0f} ms"
        cpu = "" if seconds[1] is None else f"{seconds[1] * 1000:.0f} ms"
    print(f"{what:<50}{wall:>14}{cpu:>10}   {compared}")


def final_copy() -> None:
    from auditforms.api import load_definition
    from auditforms.renderers import RenderOptions, get_renderer

    definition = load_definition(TORBAY)
    options = RenderOptions(completed=json.loads(AUDIT.read_text(encoding="utf-8")))
    first, pdf = timed(lambda: get_renderer("pdf").render(definition, options), repeat=1)
    row("PDF, first in a process (WeasyPrint import)", first, "target <= 1000 ms")
    warm, _ = timed(lambda: get_renderer("pdf").render(definition, options))
    row("PDF, WeasyPrint (median of 5)", warm, "target <= 1000 ms")
    word_s, word = timed(lambda: get_renderer("docx").render(definition, options))
    row("Word copy, python-docx (median of 5)", word_s, "target <= 1000 ms")
    assert isinstance(pdf, bytes) and isinstance(word, bytes)
    row("PDF, LibreOffice from the Word copy (one run)", _libreoffice(word), "the engine not chosen")
    from auditforms.renderers.final_copy.content import final_copy as content
    from auditforms.renderers.final_copy.html import to_html

    row("PDF, Chromium printing the HTML (one run)", _chromium(to_html(content(definition, options.completed or {}))),
        "the engine not chosen")


def _libreoffice(word: bytes) -> tuple[float, None] | None:
    binary = shutil.which("soffice") or shutil.which("libreoffice")
    if binary is None:
        return None
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "final.docx"
        source.write_bytes(word)
        start = time.perf_counter()
        subprocess.run([binary, f"-env:UserInstallation=file://{folder}/profile", "--headless", "--norestore",
                        "--convert-to", "pdf", "--outdir", folder, str(source)], check=True,
                       capture_output=True, timeout=300, env={**os.environ, "HOME": folder})
        return time.perf_counter() - start, None  # its CPU time is another process's


def _chromium(html: str) -> tuple[float, None] | None:
    if not Path("/usr/bin/chromium").is_file():
        return None
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    start = time.perf_counter()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page()
        page.set_content(html)
        page.pdf(format="A4", tagged=True)
        browser.close()
    return time.perf_counter() - start, None


def extract_with_comments(comments: int = 36) -> None:
    """Extract of a moderated Torbay form: every question answered, three comments a question."""
    sys.path[:0] = [str(ROOT / "tests" / "docx"), str(ROOT / "tests")]
    from docx_comments import WordComment, add_comments
    from docx_helpers import fill

    from auditforms.api import load_definition
    from auditforms.extract import extract_docx
    from auditforms.renderers import RenderOptions, get_renderer

    definition = load_definition(TORBAY)
    audit = json.loads(AUDIT.read_text(encoding="utf-8"))
    values = {f"q{n}.{part}": audit["answers"][f"q{n}"][part] for n in range(1, 13)
              for part in ("judgement", "evidence", "impact")}
    values.update({"_moderation.moderator": "M. Moderator", "_moderation.date": "2026-12-03"})
    plain = fill(get_renderer("docx").render(definition, RenderOptions()), values)
    notes = [WordComment(f"Comment {n}.", on=f"q{n % 12 + 1}.{('evidence', 'impact')[n % 2]}",
                         replies=[("A. Auditor", "Done.")], done=True) for n in range(comments)]
    commented = add_comments(plain, notes)
    extract_docx(definition, plain, "warm-up.docx")  # builds the cached blank-form reference
    bare_s, _ = timed(lambda: extract_docx(definition, plain, "plain.docx"))
    with_s, document = timed(lambda: extract_docx(definition, commented, "commented.docx"))
    assert isinstance(document, tuple) and document[0] is not None
    row("extract, Torbay form without comments (floor)", bare_s, "")
    row(f"extract, with {comments} comments and replies", with_s,
        f"{with_s[1] / bare_s[1]:.2f}x the floor's CPU time" if bare_s[1] else "")


if __name__ == "__main__":
    print(f"{'what':<50}{'wall':>14}{'CPU':>10}   compared with")
    final_copy()
    extract_with_comments()

