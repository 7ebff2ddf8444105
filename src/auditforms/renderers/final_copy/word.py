"""The final copy as a read-only Word document, written from the same content as the PDF.

It opens read-only (Word's "Restrict Editing: no changes"), has the tool's marking in the
header of every page and no content controls: it is the record, not a form.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any

import docx
from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from auditforms.model.definition import Definition
from auditforms.renderers.docx import page
from auditforms.renderers.docx.builder import CONTENT_WIDTH_MM, Form
from auditforms.renderers.docx.naming import shorten
from auditforms.renderers.docx.text import clean
from auditforms.renderers.final_copy.content import FinalCopy, Grid, Heading, Note, Pairs, final_copy, refuse_oversized

LABEL_WIDTH_MM = 55


def render_docx(definition: Definition, document: Mapping[str, Any]) -> bytes:
    copy = final_copy(definition, document)
    refuse_oversized(copy)
    word = docx.Document()
    page.set_up_page(word)
    page.set_up_styles(word)
    page.header_and_footer(word, definition)
    page.core_properties(word, definition)
    word.core_properties.title = shorten(f"{definition.title} – final copy", page.CORE_PROPERTY_LIMIT)
    page.drop_thumbnail(word)
    form = Form(word, definition, {})
    _write(form, copy)
    _read_only(word)
    out = io.BytesIO()
    word.save(out)
    return page.deterministic_zip(out.getvalue())


def _write(form: Form, copy: FinalCopy) -> None:
    form.new_paragraph("Title", copy.title)
    form.para(f"{copy.subtitle} · Final copy of a completed audit", "Subtitle")
    for block in copy.blocks:
        if isinstance(block, Heading):
            form.heading(block.text, min(block.level, 3))
        elif isinstance(block, Pairs):
            _pairs(form, block.caption, block.rows)
        elif isinstance(block, Note):
            form.para(block.who, "Form Label")
            _pairs(form, block.who, block.rows)
        else:
            _grid(form, block)


def _pairs(form: Form, caption: str, rows: tuple[tuple[str, str], ...]) -> None:
    widths = (LABEL_WIDTH_MM, CONTENT_WIDTH_MM - LABEL_WIDTH_MM)
    table = form.grid(widths, caption)
    for label, value in rows:
        row = form.add_row(table, widths)
        form.label_cell(row.cells[0], label)
        _text(row.cells[1], value)


def _grid(form: Form, grid: Grid) -> None:
    count = len(grid.header)
    widths = [CONTENT_WIDTH_MM // count] * count
    widths[0] += CONTENT_WIDTH_MM - sum(widths)
    table = form.grid(widths, grid.caption, rows=1)
    for cell, text in zip(table.rows[0].cells, grid.header, strict=True):
        form.label_cell(cell, text)
    form.header_row(table.rows[0])
    for values in grid.rows:
        row = form.add_row(table, widths)
        for cell, value in zip(row.cells, values, strict=False):
            _text(cell, value)


def _text(cell: Any, value: str) -> None:
    """Each line of an answer a paragraph of its own, so the auditor's layout is kept."""
    lines = clean(value).split("\n")
    cell.paragraphs[0].text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def _read_only(word: Document) -> None:
    """Word's document protection: opened read-only (no password; it marks intent, not secrecy)."""
    protection = OxmlElement("w:documentProtection")
    protection.set(qn("w:edit"), "readOnly")
    protection.set(qn("w:enforcement"), "1")
    settings = word.settings.element
    # The schema puts documentProtection after the view/zoom/removePersonalInformation group.
    zoom = settings.find(qn("w:zoom"))
    if zoom is not None:
        zoom.addnext(protection)
    else:
        settings.insert(0, protection)

