"""Assembling the whole Word form: front matter, sections, sign-off and appendices."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping
from typing import Any

import docx
from docx.enum.text import WD_BREAK

from auditforms.model.definition import Definition
from auditforms.renderers.docx import naming, page
from auditforms.renderers.docx.builder import Form
from auditforms.renderers.docx.items import DETAIL_WIDTHS, visit_section

HOW_TO = (
    "How to fill in this form: click in a box that says “Click or tap here to enter text.” and "
    "type; choose judgements and other answers from the drop-down lists (“Choose an item.”); "
    "pick dates from the calendar; click check boxes to tick them. Keep the boxes where they are: "
    "the form is read back automatically, so do not delete, move or retitle them. You may add rows "
    "to tables that say so. Parts marked “Complete only if …” apply only when that is true; leave "
    "them blank otherwise."
)


def build(definition: Definition, prefill: Mapping[str, Any], audit_id: str | None,
          due_date: dt.date | None = None) -> bytes:
    document = docx.Document()
    page.set_up_page(document)
    page.set_up_styles(document)
    page.header_and_footer(document, definition)
    page.core_properties(document, definition)
    page.drop_thumbnail(document)
    props = {naming.PROP_FORMAT: naming.FORM_FORMAT, naming.PROP_DEFINITION: definition.id,
             naming.PROP_VERSION: definition.version}
    if audit_id:
        props[naming.PROP_AUDIT_ID] = audit_id
    page.custom_properties(document, props)
    form = Form(document, definition, prefill)
    front_matter(form, due_date)
    for section in definition.sections:
        visit_section(form, section)
    moderation(form)
    appendices(form)
    out = io.BytesIO()
    document.save(out)
    return page.deterministic_zip(out.getvalue())


def front_matter(form: Form, due_date: dt.date | None = None) -> None:
    d = form.definition
    form.new_paragraph("Title", d.title)
    form.para(" · ".join(p for p in (d.publisher, f"Version {d.version}") if p), "Subtitle")
    if d.marking is not None:
        marking = form.para(d.marking.label, "Form Instruction")
        if d.marking.warning:
            marking.add_run(f" {d.marking.warning}")
    form.prose(d.description)
    if d.lookback is not None:
        form.para(f"Look-back period: {d.lookback.months} months."
                  + (f" {d.lookback.description}" if d.lookback.description else ""))
    if d.completion_days:
        form.para(f"Complete the audit within {d.completion_days} days of receiving it.")
    if due_date is not None:
        form.para(f"Please return this audit by {due_date.day} {due_date:%B %Y}.", "Form Instruction")
    form.prose(d.guidance)
    form.para(HOW_TO, "Form Hint")


def moderation(form: Form) -> None:
    """The moderator's sign-off; read back into the completed audit's ``moderation``."""
    form.heading("Moderation", 1)
    form.para("To be completed by the moderator.", "Form Hint")
    table = form.grid(DETAIL_WIDTHS, "Moderation")
    labels = {"moderator": "Moderator", "date": "Date moderated", "summary": "Moderator's summary"}
    for part in naming.MODERATION_PARTS:
        row = form.add_row(table, DETAIL_WIDTHS)
        form.label_cell(row.cells[0], labels[part])
        tag = naming.tag(naming.MODERATION, part)
        if part == "date":
            form.date(row.cells[1], tag, labels[part])
        else:
            form.text(row.cells[1], tag, labels[part], multiline=part == "summary")
        if part == "summary":
            form.min_height(row, 5)


def appendices(form: Form) -> None:
    for reference in form.definition.references:
        form.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        form.heading(f"Appendix: {reference.title}", 1)
        if reference.source:
            form.para(f"Source: {reference.source}", "Form Hint")
        for number, statement in enumerate(reference.statements, start=1):
            form.heading(f"{number}. {statement.title}", 2)
            form.prose(statement.intro)
            for paragraph in statement.paragraphs:
                form.prose(paragraph)
