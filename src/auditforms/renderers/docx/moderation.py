"""The moderator's part of the Word form: a moderation table and the sign-off.

A moderator working in Word comments with Word's own review tools (Review › New Comment,
anchored in a question's answers) and records the rest here: for every judged part a
drop-down holding "Agree" and the part's scale, the definition's checklist for that part
as check boxes, then the moderator's name, the date and a summary. ``extract`` reads it
all back into the completed audit's ``moderation`` record (see :mod:`auditforms.extract.moderation`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from auditforms.model.definition import Definition, Judgement, Option, Question, Section, Table
from auditforms.moderation import checklist_for
from auditforms.renderers.docx import naming
from auditforms.renderers.docx.builder import CONTENT_WIDTH_MM, Form
from auditforms.renderers.docx.items import DETAIL_WIDTHS, numbered, question_name
from auditforms.renderers.docx.naming import shorten

AGREE = Option(id=naming.AGREE, label="Agree")
HOW_TO_MODERATE = (
    "Moderators: comment with Word's review tools. Select words in a question's answer boxes and "
    "choose Review › New Comment (LibreOffice: Insert › Comment); each comment is read back as the "
    "moderator's comment on that question, and replies to it as the conversation about it. Then, "
    "for each judged part below, choose “Agree” or the judgement you would give instead, tick the "
    "checks the part meets, and sign off with your name, the date and a summary."
)
SIGN_OFF_LABELS = {"moderator": "Moderator", "date": "Date moderated", "summary": "Moderator's summary"}


@dataclass(frozen=True)
class Part:
    """A part the moderator judges (a question, a section's overall judgement) or checks (a table)."""

    id: str
    name: str
    judgement: Judgement | None
    checklist: tuple[Option, ...]


def judged_parts(definition: Definition) -> list[Part]:
    """Every judged question and section overall, in document order, with its checklist."""
    return [p for p in moderated_parts(definition) if p.judgement is not None]


def moderated_parts(definition: Definition) -> list[Part]:
    """The judged parts and the parts with a moderator's checklist (tables), in document order."""
    out = []
    for item_id in definition.index.order:
        node = definition.index.entries[item_id].node
        checks = tuple(Option(id=i.id, label=i.label) for i in checklist_for(definition, item_id))
        if isinstance(node, Question) and (node.judgement is not None or checks):
            out.append(Part(item_id, question_name(node), node.judgement, checks))
        elif isinstance(node, Section) and node.overall is not None and (node.overall.judgement or checks):
            name = numbered(node.number, f"{shorten(node.title, 40)}: {node.overall.title}")
            out.append(Part(item_id, name, node.overall.judgement, checks))
        elif isinstance(node, Table) and checks:
            out.append(Part(item_id, numbered(node.number, shorten(node.title, 60)), None, checks))
    return out


def moderation(form: Form) -> None:
    form.heading("Moderation", 1)
    form.para("To be completed by the moderator.", "Form Hint")
    form.para(HOW_TO_MODERATE, "Form Hint")
    parts = moderated_parts(form.definition)
    if parts:
        _judgements_table(form, parts)
    sign_off(form)


def _judgements_table(form: Form, parts: Sequence[Part]) -> None:
    with_checks = any(p.checklist for p in parts)
    widths = (50, 45, CONTENT_WIDTH_MM - 95) if with_checks else (110, CONTENT_WIDTH_MM - 110)
    table = form.grid(widths, "Moderated judgements", rows=1)
    headers = ["Part", "Moderated judgement", "Checklist"][: len(widths)]
    hints = ["", "“Agree”, or the judgement you would give instead", "Tick each check the part meets"]
    for cell, text, hint in zip(table.rows[0].cells, headers, hints, strict=False):
        form.label_cell(cell, text, hint=hint or None)
    form.header_row(table.rows[0])
    for part in parts:
        row = form.add_row(table, widths)
        form.label_cell(row.cells[0], part.name)
        alias = f"Moderation: {part.name}"
        if part.judgement is not None:
            options = (AGREE, *form.scale_options(part.judgement.scale))
            form.dropdown(row.cells[1], naming.tag(naming.MODERATION, part.id, "judgement"),
                          f"{alias}: moderated judgement", options)
        if with_checks and part.checklist:
            form.checkboxes(row.cells[2], naming.tag(naming.MODERATION, part.id, "checklist"),
                            alias, part.checklist)


def sign_off(form: Form) -> None:
    """The moderator's name, date and summary; their name and date make the audit moderated.

    Its own heading keeps it apart from the table above: with nothing between them, Word
    and LibreOffice join two tables into one."""
    form.heading("Moderator's sign-off", 2)
    table = form.grid(DETAIL_WIDTHS, "Moderator's sign-off")
    for part in naming.MODERATION_PARTS:
        row = form.add_row(table, DETAIL_WIDTHS)
        form.label_cell(row.cells[0], SIGN_OFF_LABELS[part])
        tag = naming.tag(naming.MODERATION, part)
        if part == "date":
            form.date(row.cells[1], tag, SIGN_OFF_LABELS[part])
        else:
            form.text(row.cells[1], tag, SIGN_OFF_LABELS[part])
        if part == "summary":
            form.min_height(row, 5)
