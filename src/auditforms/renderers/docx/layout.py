"""Layouts other councils' tools print: checklists as a grid (number, criterion, the options, an
evidence box), short fields several to a row, and a scale key repeated in the page header."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from auditforms.model.definition import Checklist, Definition, FieldItem
from auditforms.renderers.docx.builder import CONTENT_WIDTH_MM, Form
from auditforms.renderers.docx.naming import shorten, tag
from auditforms.renderers.docx.text import clean

if TYPE_CHECKING:
    from docx.document import Document

NUMBER_MM = 12
OPTIONS_MM = 38


def keep_apart(form: Form) -> None:
    """An empty paragraph after a table that another would follow: Word and LibreOffice join
    adjacent tables into one on saving, and the form would no longer read back by position."""
    from docx.oxml.ns import qn

    body = [el for el in form.doc.element.body if el.tag != qn("w:sectPr")]
    if body and body[-1].tag == qn("w:tbl"):
        form.new_paragraph()


def checklist_widths(with_evidence: bool) -> tuple[int, ...]:
    """The criterion gets what the number, the options and the evidence leave."""
    evidence = 50 if with_evidence else 0
    criterion = CONTENT_WIDTH_MM - NUMBER_MM - OPTIONS_MM - evidence
    return (NUMBER_MM, criterion, OPTIONS_MM) + ((evidence,) if with_evidence else ())


def visit_checklist(form: Form, checklist: Checklist, level: int) -> None:
    keep_apart(form)
    if checklist.title:
        form.heading(checklist.title, level)
    form.instruction(form.only_if([checklist.when], "this checklist "))
    form.prose(checklist.prompt)
    scale = form.definition.scale(checklist.scale)
    options = form.scale_options(checklist.scale)
    evidence = checklist.evidence
    widths = checklist_widths(evidence is not None)
    grid = form.grid(widths, checklist.title or checklist.criterion_header, rows=1)
    headers: list[tuple[str, str | None]] = [("No.", None), (checklist.criterion_header, None),
                                             (scale.title or "Answer", " / ".join(o.label for o in options))]
    if evidence is not None:
        headers.append((evidence.label, evidence.hint))
    for cell, (text, hint) in zip(grid.rows[0].cells, headers, strict=True):
        form.label_cell(cell, text, hint=hint)
    form.header_row(grid.rows[0])
    for criterion in checklist.criteria:
        row = form.add_row(grid, widths)
        row.cells[0].paragraphs[0].text = clean(criterion.number or "")
        note = form.only_if([criterion.when])
        form.label_cell(row.cells[1], criterion.title or criterion.id, note=note)
        name = f"{criterion.number} {shorten(criterion.title or criterion.id, 30)}".strip()
        if criterion.judgement is not None:
            form.judgement(row.cells[2], criterion.judgement, tag(criterion.id, "judgement"), f"{name}: answer")
        if evidence is not None and criterion.narratives:
            narrative = criterion.narratives[0]
            form.text(row.cells[3], tag(criterion.id, narrative.id), f"{name}: {shorten(narrative.label, 30)}")
            form.min_height(row, narrative.rows)


def side_by_side_widths(per_row: int) -> tuple[int, ...]:
    """Label and answer cells for ``per_row`` fields, the label a third of each pair."""
    pair = CONTENT_WIDTH_MM // per_row
    label = pair // 3
    widths = [label, pair - label] * per_row
    widths[-1] += CONTENT_WIDTH_MM - sum(widths)
    return tuple(widths)


def fields_side_by_side(form: Form, fields: Sequence[FieldItem], per_row: int, caption: str) -> None:
    """Short fields ``per_row`` to a row, each a label cell and its control, as case-detail
    grids are printed."""
    keep_apart(form)
    widths = side_by_side_widths(per_row)
    table = form.grid(widths, caption)
    row: Any = None
    for n, field in enumerate(fields):
        if n % per_row == 0:
            row = form.add_row(table, widths)
        cells = row.cells[2 * (n % per_row): 2 * (n % per_row) + 2]
        note = form.only_if([field.when])
        form.label_cell(cells[0], field.label, hint=field.hint, note=note)
        form.answer(cells[1], field, field.id, field.label, form.prefill.get(field.id))


def header_key(document: Document, definition: Definition) -> None:
    """The key of the tool's chosen scale, repeated on every page's header."""
    scale = definition.index.scales.get(definition.presentation.header_key or "")
    if scale is None:
        return
    text = scale.key_text
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    paragraph = document.sections[0].header.add_paragraph(clean(text))
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for run in paragraph.runs:
        run.font.size = Pt(8)
