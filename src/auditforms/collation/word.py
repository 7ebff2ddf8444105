"""The report as a Word board paper: real headings and styles, the charts as images with
alternative text, and the same tables as the web page, ready to edit."""

from __future__ import annotations

import io

from auditforms.collation.figures import Figures
from auditforms.collation.word_paper import Paper
from auditforms.collation.word_sections import write_paper


def render_docx(figures: Figures) -> bytes:
    paper = Paper(figures)
    write_paper(paper)
    buffer = io.BytesIO()
    paper.document.save(buffer)
    return buffer.getvalue()
