"""The spreadsheet's tidy data: one row per counted audit and judged part (pure).

This is the table a Power BI or Excel analyst wants: every column a variable, every row
one judgement, with the auditor's, the moderator's and the final judgement side by side.
Column names are stable and documented here, in the workbook's Columns sheet and in
docs/monthly-report.md. Every cell has its type: dates are dates (``month_start``,
``audit_date``: Power BI builds its date hierarchy from them), a question's number is a
number where it is one (``10``, where the text '10' sorted before '2'), and
``question_order`` sorts the questions in the tool's order whatever their numbers ('1a').
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from auditforms.collation.parts import JudgedPart
from auditforms.collation.record import AuditRecord
from auditforms.model.definition import Definition, Scale

Cell = str | float | bool | dt.date | None

#: (column name, what it holds)
COLUMNS: tuple[tuple[str, str], ...] = (
    ("month", "Month of the audit date (YYYY-MM), as text"),
    ("month_start", "The first day of that month, as a date (for a date hierarchy)"),
    ("audit_date", "The audit date, as a date"),
    ("audit_id", "The audit's identifier in the sample"),
    ("child_id", "The child's identifier (the answer of the field whose role is child_id)"),
    ("team", "Team (the audit's answer, else the sample's)"),
    ("area_of_service", "Area of service (from the sample file)"),
    ("strand", "Strand(s), separated by '; '"),
    ("age_band", "Age band"),
    ("tool_id", "The audit tool's id"),
    ("tool_version", "The version of the tool the audit was completed against"),
    ("status", "The audit's status: submitted, moderated or final"),
    ("question_number", "The judged part's number, if it has one: a number (10), or text where it is not one (1a)"),
    ("question_order", "The judged part's place in the tool (1, 2, 3 ...): sorts the questions in the tool's order"),
    ("question_id", "The judged part's id"),
    ("question_title", "The judged part's short title"),
    ("auditor_judgement_id", "The auditor's judgement (as it stood when moderated): option id"),
    ("auditor_judgement_label", "The auditor's judgement: label"),
    ("auditor_judgement_value", "The auditor's judgement: numeric value on the scale"),
    ("moderator_judgement_id", "The moderator's judgement (blank when not moderated): option id"),
    ("moderator_judgement_label", "The moderator's judgement: label"),
    ("moderator_judgement_value", "The moderator's judgement: numeric value"),
    ("final_judgement_id", "The judgement the report counts: option id"),
    ("final_judgement_label", "The judgement the report counts: label"),
    ("final_judgement_value", "The judgement the report counts: numeric value"),
    ("final_good_or_better", "TRUE when the final judgement is good or better, FALSE when not, blank for N/A"),
)


def _grade(scale: Scale, option_id: str | None) -> tuple[Cell, Cell, Cell]:
    if option_id is None:
        return None, None, None
    option = scale.option(option_id)
    if option is not None:
        return option_id, option.label, option.value
    na = scale.not_applicable
    return option_id, na.label if na and na.id == option_id else None, None


def tidy_rows(definition: Definition, parts: tuple[JudgedPart, ...], record: AuditRecord,
              ) -> Iterator[tuple[Cell, ...]]:
    dims = record.dimensions
    head: tuple[Cell, ...] = (
        record.month, month_start(record.month), record.audit_date, record.audit_id, record.child_id,
        "; ".join(dims.get("team", ())), "; ".join(dims.get("area", ())), "; ".join(dims.get("strand", ())),
        "; ".join(dims.get("age_band", ())), definition.id, record.version, record.status)
    for order, (part, judgement) in enumerate(zip(parts, record.judgements, strict=True), start=1):
        if judgement.auditor is None and judgement.final is None:
            continue
        good = part.good.get(judgement.final) if judgement.final else None
        yield (*head, question_number(part.number), order, part.id, part.title,
               *_grade(part.scale, judgement.auditor), *_grade(part.scale, judgement.moderator),
               *_grade(part.scale, judgement.final), good)


def month_start(month: str | None) -> dt.date | None:
    """``"2026-10"`` as 1 October 2026."""
    return None if month is None else dt.date(int(month[:4]), int(month[5:7]), 1)


def question_number(number: str | None) -> Cell:
    """``"10"`` as the number 10; ``"1a"`` or ``"1.1"`` stay text (a label, not a quantity)."""
    if number is not None and number.isascii() and number.isdigit():
        return int(number)
    return number
