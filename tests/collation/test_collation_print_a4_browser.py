"""The web report of the example's October (Torbay's tool, 12 questions) printed on A4 by real
Chromium: the breakdowns had a column per question and were cut off the page's right edge after
Q6 (Q7 to Q12, the overall rating among them, were not on paper at all)."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

#: A4's width less the print stylesheet's 15 mm margins, in CSS pixels (96 to the inch)
A4_TEXT_WIDTH_PX = round((210 - 2 * 15) / 25.4 * 96)


@pytest.fixture
def page(october: Callable[..., Path], chromium: Any) -> Iterator[Any]:
    context = chromium.new_context(viewport={"width": A4_TEXT_WIDTH_PX, "height": 1000})
    page = context.new_page()
    page.goto(october("html").as_uri())
    yield page
    context.close()


def test_no_table_is_wider_than_the_printed_page(page: Any) -> None:
    page.emulate_media(media="print")
    clipped = page.evaluate("""[...document.querySelectorAll('.af-table-wrap')]
        .filter(w => w.scrollWidth > w.clientWidth + 1 || w.getBoundingClientRect().right > innerWidth + 1)
        .map(w => w.querySelector('caption').textContent)""")
    assert clipped == []


def test_every_question_of_every_breakdown_is_on_paper(page: Any, tmp_path: Path) -> None:
    from testsupport import require_binary

    pdf = tmp_path / "report.pdf"
    page.pdf(path=str(pdf), format="A4", prefer_css_page_size=True)
    text = subprocess.run([require_binary("pdftotext"), "-enc", "UTF-8", str(pdf), "-"], check=True,
                          capture_output=True, timeout=60).stdout.decode("utf-8")
    page.emulate_media(media="print")
    shown = page.locator("main").inner_text()
    for question in ("Q7", "Q12"):
        on_page = len(re.findall(rf"\b{question}\b", shown))
        assert on_page >= 4 + 3  # four breakdowns, and the questions' three tables
        assert len(re.findall(rf"\b{question}\b", text)) >= on_page, question
