"""The report as a Word board paper: real headings and styles, the charts as images with
alternative text, and the same tables as the web page, ready to edit."""

from __future__ import annotations

import io

from auditforms.collation.figures import Figures
from auditforms.collation.word_paper import Paper
from auditforms.collation.word_sections import write_paper

#: the paper's custom property ``auditforms.format``: other commands (actions) reading a month's
#: folder leave it out, as they leave out the report's JSON figures
BOARD_PAPER = "auditforms/board-paper"


def render_docx(figures: Figures) -> bytes:
    from auditforms.renderers.docx.naming import PROP_RECORD
    from auditforms.renderers.docx.page import custom_properties

    paper = Paper(figures)
    write_paper(paper)
    custom_properties(paper.document, {PROP_RECORD: BOARD_PAPER})
    buffer = io.BytesIO()
    paper.document.save(buffer)
    return buffer.getvalue()
