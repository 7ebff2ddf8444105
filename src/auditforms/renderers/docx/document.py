"""Assembling the whole Word form: front matter, sections, sign-off and appendices."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping
from typing import Any

import docx
from docx.enum.text import WD_BREAK

from auditforms.english import long_date
from auditforms.model.definition import Definition, FieldItem, Section
from auditforms.renderers.docx import naming, page
from auditforms.renderers.docx.builder import Form
from auditforms.renderers.docx.items import visit_section
from auditforms.renderers.docx.layout import header_key
from auditforms.renderers.docx.moderation import moderation
from auditforms.renderers.docx.version_control import version_control
from auditforms.renderers.facts import audit_facts, lookback_for

HOW_TO = (
    "How to fill in this form: click in a box that says “Click or tap here to enter text.” and "
    "type; choose judgements and other answers from the drop-down lists (“Choose an item.”); "
    "pick dates from the calendar; click check boxes to tick them. Keep the boxes where they are: "
    "the form is read back automatically, so do not delete, move or retitle them. You may add rows "
    "to tables that say so. Parts marked “Complete only if …” apply only when that is true; leave "
    "them blank otherwise."
)


def build(definition: Definition, prefill: Mapping[str, Any], audit_id: str | None,
          due_date: dt.date | None = None, audit_type: str | None = None) -> bytes:
    document = docx.Document()
    page.set_up_page(document)
    page.set_up_styles(document)
    page.header_and_footer(document, definition)
    header_key(document, definition)
    page.core_properties(document, definition)
    page.drop_thumbnail(document)
    props = {naming.PROP_FORMAT: naming.FORM_FORMAT, naming.PROP_DEFINITION: definition.id,
             naming.PROP_VERSION: definition.version}
    if audit_id:
        props[naming.PROP_AUDIT_ID] = audit_id
    page.custom_properties(document, props)
    form = Form(document, definition, prefill)
    front_matter(form, due_date, audit_type)
    details = case_detail_sections(definition)
    for section in details:
        visit_section(form, section)
    guidance(form, after_details=bool(details))
    for section in definition.sections[len(details):]:
        visit_section(form, section)
    if definition.moderated_at_all:  # a never-moderated tool's form has no moderation block
        moderation(form)
    appendices(form)
    out = io.BytesIO()
    document.save(out)
    return page.deterministic_zip(out.getvalue())


def front_matter(form: Form, due_date: dt.date | None = None, audit_type: str | None = None) -> None:
    """What a reader needs before the first answer: the tool, its marking, its time limits."""
    d = form.definition
    form.new_paragraph("Title", d.title)
    shown = d.lineage.label if d.lineage and d.lineage.label else d.version  # as the tool prints it
    form.para(" · ".join(p for p in (d.publisher, f"Version {shown}") if p), "Subtitle")
    if d.marking is not None:
        marking = form.para(d.marking.label, "Form Instruction")
        if d.marking.warning:
            marking.add_run(f" {d.marking.warning}")
    lookback = lookback_for(d, audit_type)
    if lookback is not None:
        form.para(f"Look-back period: {lookback.months} months."
                  + (f" {lookback.description}" if lookback.description else ""))
    for fact in audit_facts(d, audit_type):
        form.para(f"{fact.label}: {fact.value}." + (f" {fact.hint}" if fact.hint else ""))
    if d.completion_days:
        # The sample's due date is the allocation date plus these days (sampling.sample_file.due_date).
        form.para(f"Complete the audit within {d.completion_days} days of allocation.")
    if due_date is not None:
        form.para(f"Please return this audit by {long_date(due_date)}.", "Form Instruction")
    form.para(HOW_TO, "Form Hint")
    version_control(form)


def case_detail_sections(definition: Definition) -> list[Section]:
    """The leading sections that hold only fields (the case details), which open the form.

    The tool's description and guidance (often pages long) follow them, so the child's
    details are on the first page, not half-way down the second."""
    out = []
    for section in definition.sections:
        if section.optional or section.when is not None or section.overall is not None or not section.items \
                or not all(isinstance(item, FieldItem) for item in section.items):
            break
        out.append(section)
    return out


def guidance(form: Form, *, after_details: bool) -> None:
    d = form.definition
    if not (d.description or d.guidance):
        return
    if after_details:
        form.heading("About this audit", 1)
    form.prose(d.description)
    form.prose(d.guidance)


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
