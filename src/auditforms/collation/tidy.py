"""The spreadsheet's tidy data: one row per counted audit and judged part (pure).

This is the table a Power BI or Excel analyst wants: every column a variable, every row
one judgement, with the auditor's, the moderator's and the final judgement side by side.
Column names are stable and documented here, in the workbook's Columns sheet and in
docs/monthly-report.md.
"""

from __future__ import annotations

from collections.abc import Iterator

from auditforms.collation.parts import JudgedPart
from auditforms.collation.record import AuditRecord
from auditforms.model.definition import Definition, Scale

Cell = str | float | bool | None

#: (column name, what it holds)
COLUMNS: tuple[tuple[str, str], ...] = (
    ("month", "Month of the audit date (YYYY-MM)"),
    ("audit_id", "The audit's identifier in the sample"),
    ("child_id", "The child's identifier (the answer of the field whose role is child_id)"),
    ("team", "Team (the audit's answer, else the sample's)"),
    ("area_of_service", "Area of service (from the sample file)"),
    ("strand", "Strand(s), separated by '; '"),
    ("age_band", "Age band"),
    ("tool_id", "The audit tool's id"),
    ("tool_version", "The version of the tool the audit was completed against"),
    ("status", "The audit's status: submitted, moderated or final"),
    ("question_number", "The judged part's number, if it has one"),
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
        record.month, record.audit_id, record.child_id, "; ".join(dims.get("team", ())),
        "; ".join(dims.get("area", ())), "; ".join(dims.get("strand", ())),
        "; ".join(dims.get("age_band", ())), definition.id, record.version, record.status)
    for part, judgement in zip(parts, record.judgements, strict=True):
        if judgement.auditor is None and judgement.final is None:
            continue
        good = part.good.get(judgement.final) if judgement.final else None
        yield (*head, part.number, part.id, part.title,
               *_grade(part.scale, judgement.auditor), *_grade(part.scale, judgement.moderator),
               *_grade(part.scale, judgement.final), good)
