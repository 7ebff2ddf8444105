"""One visitor per kind of definition node, writing the seed tools' layout into a :class:`Form`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from auditforms.model.definition import (
    Checklist,
    FieldItem,
    Heading,
    Judgement,
    Narrative,
    Presentation,
    Question,
    Section,
    StaticText,
    SubSection,
    Table,
)
from auditforms.model.rubric import Link
from auditforms.renderers.docx.builder import CONTENT_WIDTH_MM, Form, guide_lines
from auditforms.renderers.docx.layout import fields_side_by_side, keep_apart, visit_checklist
from auditforms.renderers.docx.naming import shorten, tag

DETAIL_WIDTHS = (60, 110)
ANSWER_WIDTHS = (50, 120)
MAX_BLANK_ROWS = 10
COMPLETED_BY = {
    "central": "To be completed centrally before the form is sent to the auditor.",
    "auditor": "To be completed by the auditor.",
    "moderator": "To be completed by the moderator.",
}
ADD_ROWS = ("Need more rows? Put the cursor in the last row and add a row below (Word: Layout › "
            "Insert Below; LibreOffice: Table › Insert › Rows Below). Added rows are read back too.")


def who_completes(form: Form, completed_by: str) -> str:
    """The hint for a part completed centrally, by the moderator, or by one of the parties."""
    from auditforms.renderers.facts import completer

    return COMPLETED_BY.get(completed_by) or f"To be completed by: {completer(form.definition, completed_by)}."


def numbered(number: str | None, text: str, presentation: Presentation | None = None) -> str:
    return (presentation or Presentation()).numbered(number, text)


def question_name(question: Question) -> str:
    """What titles of this question's controls start with: "Q4 Assessments"."""
    name = question.short_title or question.title or question.prompt_lead or question.id
    return f"Q{question.number} {shorten(name, 40)}" if question.number else shorten(name, 40)


def question_heading(question: Question) -> str:
    """Title, else the short title, else the prompt's first paragraph: the navigation pane's entry."""
    return question.title or question.short_title or question.prompt_lead or question.id


def visit_section(form: Form, section: Section, level: int = 1) -> None:
    if section.show_title:
        form.heading(numbered(section.number, section.title, form.definition.presentation), level)
    form.instruction(form.only_if([section.when], "this section "))
    form.prose(section.intro)
    if section.completed_by and not section.intro:
        form.para(who_completes(form, section.completed_by), "Form Hint")
    form.prose(section.guidance, "Form Hint")
    see_also(form, section.see, section.links)
    if section.optional:
        table = form.grid((CONTENT_WIDTH_MM,), f"{section.title}: {section.not_relevant_label}", rows=1)
        form.checkbox(table.rows[0].cells[0], tag(section.id, "not_relevant"),
                      f"{section.title}: {section.not_relevant_label}", section.not_relevant_label)
        form.para("Tick the box if this section does not apply, and leave the rest of it blank.",
                  "Form Hint")
    run: list[FieldItem] = []
    inner = min(level + 1, 3)
    for item in section.items:
        if isinstance(item, FieldItem):
            run.append(item)
            continue
        visit_fields(form, run, section.fields_per_row)
        run = []
        if isinstance(item, SubSection):
            visit_section(form, item, inner)
        elif isinstance(item, Question):
            visit_question(form, item, inner)
        elif isinstance(item, Heading):
            form.heading(item.text, inner)
        elif isinstance(item, StaticText):
            form.prose(item.text)
        elif isinstance(item, Checklist):
            visit_checklist(form, item, inner)
        else:
            visit_table(form, item)
    visit_fields(form, run, section.fields_per_row)
    if section.overall is not None:
        visit_overall(form, section, inner)


def see_also(form: Form, refs: Sequence[str], links: Sequence[Link] = ()) -> None:
    titles = [form.definition.index.statements[r].title for r in refs
              if r in form.definition.index.statements]
    if titles:
        quoted = "; ".join(f"“{t}”" for t in titles)
        form.para(f"See the appendix: {quoted}.", "Form Hint")
    for line in guide_lines(links):
        form.para(line, "Form Hint")


def visit_fields(form: Form, fields: Sequence[FieldItem], per_row: int = 1) -> None:
    """Consecutive fields share one two-column table, like the seeds' case-detail table."""
    if not fields:
        return
    caption = form.definition.index.entries[fields[0].id].section.title
    if per_row > 1:
        fields_side_by_side(form, fields, per_row, caption)
        return
    table = form.grid(DETAIL_WIDTHS, caption)
    for field in fields:
        _field_row(form, table, field, form.only_if([field.when]))


def _field_row(form: Form, table: Any, field: FieldItem, note: str | None) -> None:
    row = form.add_row(table, DETAIL_WIDTHS)
    hint = field.hint
    section = form.definition.index.entries[field.id].section
    if field.completed_by and field.completed_by != section.completed_by:
        hint = " ".join(h for h in (hint, who_completes(form, field.completed_by)) if h)
    notes = form.option_notes(field.answer_options) if field.type != "scale" else []
    form.label_cell(row.cells[0], field.label, hint=[hint, _format_hint(field), *notes], note=note)
    form.answer(row.cells[1], field, field.id, field.label, form.prefill.get(field.id))
    if field.type == "textarea":
        form.min_height(row, field.rows)
    labels = {o.id: o.label for o in field.answer_options}
    for option_id, follow_up in field.follow_ups():
        reveal = f"“{field.label.rstrip(':').strip()}” is “{labels[option_id]}”"
        extra = form.only_if([follow_up.when])
        note = f"Complete only if {reveal}." + (f" {extra}" if extra else "")
        _field_row(form, table, follow_up, note)


def _format_hint(field: FieldItem) -> str | None:
    """How to write an answer whose form Word's controls cannot enforce: a month, a unit."""
    if field.type == "month":
        return "Month and year, for example 03/2026."
    if field.type == "number" and field.unit:
        return f"A number, in {field.unit}."
    return None


def visit_question(form: Form, question: Question, level: int) -> None:
    heading = question_heading(question)
    presentation = form.definition.presentation
    form.heading(numbered(question.number, heading, presentation), level)
    if form.definition.show_tags and question.tags:
        form.para("Tags: " + ", ".join(question.tags), "Form Hint")
    form.instruction(form.only_if([question.when], "this question "))
    form.prose(question.prompt if question.title or question.short_title else question.prompt_after_lead)
    for consideration in question.considerations:
        if consideration.text:
            form.prose(consideration.text)
        form.bullets(consideration.items)
    if question.guidance:
        form.para("Guidance", "Form Label")
        form.prose(question.guidance, "Form Hint")
    see_also(form, question.see, question.links)
    answered = False  # the judgement and narratives share one table, placed where the first is
    for part_kind in question.part_order():
        if part_kind == "fields" and question.fields:
            keep_apart(form)
            visit_fields(form, question.fields)
        elif part_kind == "parts":
            for part in question.parts:
                visit_question(form, part, min(level + 1, 3))
        elif not answered:
            if question.fields:
                keep_apart(form)
            _answer_table(form, question)
            answered = True


def _answer_table(form: Form, question: Question) -> None:
    """The judgement and narratives in one table, in the order the tool prints them."""
    if question.judgement is None and not question.narratives:
        return
    name = question_name(question)
    heading = numbered(question.number, question_heading(question), form.definition.presentation)
    table = form.grid(ANSWER_WIDTHS, heading)
    order = question.part_order()
    if order.index("narratives") < order.index("judgement"):
        _narratives(form, table, question.id, name, question.narratives)
    if question.judgement is not None:
        _judgement_row(form, table, question.judgement, question.id, f"{name}: judgement", "Judgement")
    if order.index("narratives") > order.index("judgement"):
        _narratives(form, table, question.id, name, question.narratives)


def _judgement_row(form: Form, table: Any, judgement: Judgement, owner: str, alias: str,
                   default_label: str) -> None:
    """The judgement's label, its options spelt out (as the seed tools list them), a drop-down."""
    row = form.add_row(table, ANSWER_WIDTHS)
    options = form.scale_options(judgement.scale)
    listed = " / ".join(o.label for o in options)
    guides = guide_lines(form.definition.index.scales[judgement.scale].links)
    form.label_cell(row.cells[0], judgement.label or default_label,
                    hint=[listed, judgement.hint, *form.option_notes(options, judgement.scale), *guides])
    form.judgement(row.cells[1], judgement, tag(owner, "judgement"), alias)


def _narratives(form: Form, table: Any, owner: str, name: str, narratives: Sequence[Narrative]) -> None:
    for narrative in narratives:
        row = form.add_row(table, ANSWER_WIDTHS)
        form.label_cell(row.cells[0], narrative.label, hint=narrative.hint)
        form.text(row.cells[1], tag(owner, narrative.id), f"{name}: {shorten(narrative.label, 36)}")
        form.min_height(row, narrative.rows)


def visit_overall(form: Form, section: Section, level: int = 2) -> None:
    overall = section.overall
    assert overall is not None
    form.heading(overall.title, level)
    table = form.grid(ANSWER_WIDTHS, overall.title)
    name = shorten(section.title, 40)
    if overall.judgement is not None:
        _judgement_row(form, table, overall.judgement, section.id, f"{name}: overall judgement",
                       "Overall judgement")
    _narratives(form, table, section.id, f"{name} overall", overall.narratives)


def blank_rows(table: Table, prefilled: int) -> int:
    """Enough rows to write in: the maximum when it is small, else the initial count (at least 5)."""
    if table.max_rows is not None and table.max_rows <= MAX_BLANK_ROWS:
        wanted = table.max_rows
    else:
        wanted = max(table.initial_rows, table.min_rows, 5)
    return max(wanted, prefilled)


def visit_table(form: Form, table: Table, level: int = 2) -> None:
    form.heading(numbered(table.number, table.title, form.definition.presentation), level)
    form.instruction(form.only_if([table.when], "this table "))
    if table.prompt:
        form.prose(table.prompt)
    if table.hint:
        form.prose(table.hint, "Form Hint")
    see_also(form, table.see)
    widths = _column_widths(table)
    grid = form.grid(widths, table.title, rows=1)
    headers = ([table.row_header or ""] if table.fixed_rows else []) + [c.label for c in table.columns]
    hints = ([None] if table.fixed_rows else []) + [c.hint for c in table.columns]
    for cell, text, hint in zip(grid.rows[0].cells, headers, hints, strict=True):
        form.label_cell(cell, text, hint=hint)
    form.header_row(grid.rows[0])
    name = shorten(table.title, 24)
    prefill = form.prefill.get(table.id)
    if table.fixed_rows:
        values = prefill if isinstance(prefill, dict) else {}
        for row_label in table.rows:
            row = form.add_row(grid, widths)
            form.label_cell(row.cells[0], row_label.label)
            _cells(form, table, row.cells[1:], row_label.id, f"{name} – {shorten(row_label.label, 30)}",
                   values.get(row_label.id))
    else:
        values_list = prefill if isinstance(prefill, list) else []
        for n in range(1, blank_rows(table, len(values_list)) + 1):
            row = form.add_row(grid, widths)
            value = values_list[n - 1] if n <= len(values_list) else None
            _cells(form, table, row.cells, str(n), f"{name} – row {n}", value)
        limit = f" No more than {table.max_rows} rows." if table.max_rows else ""
        form.para(ADD_ROWS + limit, "Form Hint")


def _cells(form: Form, table: Table, cells: Sequence[Any], row_key: str, alias: str, value: Any) -> None:
    values = value if isinstance(value, dict) else {}
    for cell, column in zip(cells, table.columns, strict=True):
        form.answer(cell, column, tag(table.id, row_key, column.id), f"{alias}: {shorten(column.label, 28)}",
                    values.get(column.id))


def _column_widths(table: Table) -> tuple[int, ...]:
    """Narrative columns get the room; dates, numbers and grades stay narrow."""
    weights = [3 if c.type in {"textarea", "text"} else 1.4 for c in table.columns]
    if table.fixed_rows:
        weights.insert(0, 1.6)
    total = sum(weights)
    widths = [int(CONTENT_WIDTH_MM * w / total) for w in weights]
    widths[0] += CONTENT_WIDTH_MM - sum(widths)
    return tuple(widths)
