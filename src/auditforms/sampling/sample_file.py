"""The sample CSV: one row per sampled child with what pre-fill and allocation need.

It is written UTF-8 with a byte-order mark and ISO dates so that Excel opens it cleanly
and nothing is misread as a US date; it is read back with the same tolerant reader as
the inputs, so a lead auditor may open it in Excel, swap a child by hand and save.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from auditforms.diagnostics import Diagnostic
from auditforms.model.definition import Definition, FieldItem
from auditforms.moderation.deadlines import completion_due
from auditforms.sampling.records import Auditor, Child
from auditforms.sampling.selection import Criteria, unit_key
from auditforms.sampling.tabular import ColumnSpec, Table
from auditforms.sampling.values import ValueProblem, age_on, parse_count, parse_date, split_flags
from auditforms.tabular_safety import safe_cell

#: canonical key -> header written in the sample CSV.
HEADERS: dict[str, str] = {
    "audit_id": "Audit ID", "child_id": "Child ID", "initials": "Initials", "team": "Team",
    "area": "Area of service", "date_of_birth": "Date of birth", "age": "Age",
    "age_band": "Age band", "strand": "Strand", "flags": "Flags", "last_audit": "Last audited",
    "auditor": "Auditor",
    "auditor_area": "Auditor's area of service", "auditor_email": "Auditor email",
    "due_date": "Due date",
    "plan": "Plan type", "document_id": "Document ID", "document_date": "Document date",
    "audit_type": "Audit type",
}
#: Columns written only when some row has a value: a sample without them reads as it always did.
OPTIONAL_COLUMNS = ("plan", "document_id", "document_date", "audit_type")
SAMPLE_COLUMNS = tuple(
    ColumnSpec(key, (header,), required=key == "child_id") for key, header in HEADERS.items()
)


@dataclass(frozen=True)
class SampleRow:
    audit_id: str
    child_id: str
    initials: str = ""
    team: str = ""
    area: str = ""
    date_of_birth: dt.date | None = None
    age: int | None = None
    age_band: str = ""
    strand: str = ""
    flags: tuple[str, ...] = ()
    last_audit: dt.date | None = None
    auditor: str = ""
    auditor_area: str = ""
    auditor_email: str = ""
    due_date: dt.date | None = None
    line: int = 0
    extra: Mapping[str, str] = field(default_factory=dict, hash=False, compare=False)
    plan: str = ""
    document_id: str = ""
    document_date: dt.date | None = None
    audit_type: str = ""


def age_band_field(definition: Definition) -> FieldItem | None:
    node = definition.index.role_node("age_band")
    return node if isinstance(node, FieldItem) else None


def age_band(definition: Definition, age: int | None) -> str:
    band_field = age_band_field(definition)
    if age is None or band_field is None:
        return ""
    return next((b.id for b in band_field.bands if b.min_age <= age <= b.max_age), "")


def build_rows(definition: Definition, children: Sequence[Child],
               allocation: Mapping[str, Auditor], criteria: Criteria,
               last_audits: Mapping[str, dt.date]) -> list[SampleRow]:
    """One row per child (or document); ``last_audits`` maps :func:`unit_key` to the latest
    audit date."""
    reference = criteria.reference_date
    rows = []
    for child in children:
        age = age_on(child.date_of_birth, reference) if child.date_of_birth else child.age
        auditor = allocation[child.child_id]
        document = f"-{child.document_id}" if child.document_id else ""
        rows.append(SampleRow(
            audit_id=f"{reference:%Y-%m}-{child.child_id}{document}", child_id=child.child_id,
            initials=child.initials, team=child.team, area=child.area,
            date_of_birth=child.date_of_birth, age=age, age_band=age_band(definition, age),
            strand=child.strand, flags=child.flags,
            last_audit=last_audits.get(unit_key(child.child_id, child.document_id)),
            auditor=auditor.name, auditor_area=auditor.area, auditor_email=auditor.email,
            due_date=completion_due(definition, reference), extra=child.extra, plan=child.plan,
            document_id=child.document_id, document_date=child.document_date,
            audit_type=criteria.audit_type or "",
        ))
    return rows


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return "; ".join(value)
    return str(value)


def sample_csv_bytes(rows: Sequence[SampleRow]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    keys = [k for k in HEADERS if k not in OPTIONAL_COLUMNS or any(getattr(r, k) for r in rows)]
    writer.writerow(HEADERS[k] for k in keys)
    for row in rows:  # case-list text: guarded against formulas, read back by read_table
        writer.writerow(safe_cell(_cell(getattr(row, key))) for key in keys)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def read_sample(table: Table) -> tuple[list[SampleRow], list[Diagnostic]]:
    """Sample rows from a (possibly hand-edited) sample CSV; only the child id is required."""
    from auditforms.sampling.codes import error

    problems = list(table.problems)
    rows: list[SampleRow] = []
    for row in table.rows:
        try:
            values = _typed(row.values)
        except _Bad as bad:
            problems.append(error("AF803", bad.message, table.file, row.line, row.col(bad.key)))
            continue
        child_id = row.get("child_id")
        if not child_id:
            problems.append(error("AF804", "the child id is blank", table.file, row.line,
                                  row.col("child_id")))
            continue
        text = {k: " ".join(row.get(k).split()) for k in HEADERS
                if k not in values and k != "flags"}
        text["audit_id"] = text.get("audit_id") or child_id
        fields: dict[str, Any] = {**text, **values}
        rows.append(SampleRow(**fields, flags=split_flags(row.get("flags")), line=row.line,
                              extra=row.extra))
    return rows, problems


class _Bad(Exception):
    def __init__(self, key: str, message: str) -> None:
        self.key, self.message = key, message


def _typed(values: Mapping[str, str]) -> dict[str, object]:
    typed: dict[str, object] = {}
    for key, parse in (("date_of_birth", parse_date), ("due_date", parse_date),
                       ("last_audit", parse_date), ("document_date", parse_date),
                       ("age", lambda v: parse_count(v, "age"))):
        text = values.get(key, "").strip()
        try:
            typed[key] = parse(text) if text else None
        except ValueProblem as exc:
            raise _Bad(key, f"{HEADERS[key].lower()}: {exc}") from None
    return typed
