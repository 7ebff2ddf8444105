"""The three inputs of a dip sample as typed records: children, auditors, past audits.

Each reader turns a :class:`~auditforms.sampling.tabular.Table` into records and a list
of diagnostics. A row with a bad value is reported at its line and column and left out;
the command refuses to draw a sample while any error remains, because silently dropping
a child would bias the sample.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from auditforms.diagnostics import Diagnostic
from auditforms.sampling.codes import error, warning
from auditforms.sampling.tabular import ColumnSpec, Row, Table
from auditforms.sampling.values import (
    ValueProblem,
    normalise_key,
    parse_count,
    parse_date,
    split_flags,
)

T = TypeVar("T")

CASE_COLUMNS = (
    ColumnSpec("child_id", ("child id", "id", "child ref", "child reference", "person id",
                            "client id", "case id", "lcs id", "mosaic id", "child's id number",
                            "id number", "child number"), required=True),
    ColumnSpec("initials", ("child initials", "child's initials", "initials")),
    ColumnSpec("date_of_birth", ("dob", "d o b", "birth date", "date of birth")),
    ColumnSpec("age", ("age", "age years", "child age", "age in years")),
    ColumnSpec("team", ("team", "team name", "allocated team", "current team", "worker team"),
               required=True),
    ColumnSpec("area", ("area of service", "service area", "area", "service")),
    ColumnSpec("open_date", ("open date", "opened", "date opened", "start date", "referral date",
                             "episode start", "episode start date", "involvement start")),
    ColumnSpec("closed_date", ("closed date", "close date", "date closed", "end date",
                               "closure date", "episode end", "episode end date")),
    ColumnSpec("strand", ("strand", "service strand", "cohort")),
    ColumnSpec("flags", ("flags", "flag", "characteristics", "tags")),
    ColumnSpec("plan", ("plan type", "plan", "type of plan", "category of plan")),
    ColumnSpec("document_id", ("document id", "document reference", "document ref", "assessment id",
                               "assessment reference", "review id")),
    ColumnSpec("document_date", ("document date", "date of document", "assessment date",
                                 "date of assessment", "review date")),
)

AUDITOR_COLUMNS = (
    ColumnSpec("name", ("auditor", "auditor name", "name", "full name"), required=True),
    ColumnSpec("area", ("area of service", "service area", "area", "team", "service"),
               required=True),
    ColumnSpec("capacity", ("capacity", "max audits", "maximum audits", "audits",
                            "number of audits", "allocation")),
    ColumnSpec("email", ("email", "e mail", "email address")),
)

CASE_ROLES = tuple(spec.key for spec in CASE_COLUMNS)


@dataclass(frozen=True)
class NamedColumn(ColumnSpec):
    """A column named exactly (by a column mapping): only its given header matches."""

    def names(self) -> set[str]:
        return {normalise_key(a) for a in self.aliases}


def case_columns(mapping: Mapping[str, str]) -> tuple[ColumnSpec, ...]:
    """The case list's columns, with the export's own header for each mapped role.

    A mapped role matches only the header given, and is looked for first, so an export
    whose "ID" column is not the child's id (say, a referral number) is read right.
    """
    mapped = tuple(NamedColumn(spec.key, (mapping[spec.key],), spec.required)
                   for spec in CASE_COLUMNS if spec.key in mapping)
    return mapped + tuple(spec for spec in CASE_COLUMNS if spec.key not in mapping)


HISTORY_COLUMNS = (
    CASE_COLUMNS[0],
    ColumnSpec("audit_date", ("audit date", "date audited", "date of audit", "audited", "date"),
               required=True),
    ColumnSpec("document_id", ("document id", "document reference", "document ref", "assessment id",
                               "assessment reference", "review id")),
)


@dataclass(frozen=True)
class Child:
    child_id: str
    team: str
    area: str
    line: int
    initials: str = ""
    date_of_birth: dt.date | None = None
    age: int | None = None
    open_date: dt.date | None = None
    closed_date: dt.date | None = None
    strand: str = ""
    flags: tuple[str, ...] = ()
    extra: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    plan: str = ""
    #: Set when the list is of documents (one row per early help assessment, review...).
    document_id: str = ""
    document_date: dt.date | None = None


@dataclass(frozen=True)
class Auditor:
    name: str
    area: str
    capacity: int
    line: int
    email: str = ""


@dataclass(frozen=True)
class PastAudit:
    child_id: str
    date: dt.date
    source: str
    #: The document audited, for an audit of one document; blank for a child's whole case.
    document_id: str = ""


class _Cells:
    """Reads typed values from one row, collecting one diagnostic per bad cell."""

    def __init__(self, table: Table, row: Row, problems: list[Diagnostic]) -> None:
        self.table, self.row, self.problems, self.ok = table, row, problems, True

    def text(self, key: str, required: bool = False) -> str:
        value = " ".join(self.row.get(key).split())
        if required and not value:
            self.bad("AF804", key, f"the {key.replace('_', ' ')} is blank")
        return value

    def typed(self, key: str, parse: Callable[[str], T]) -> T | None:
        value = self.row.get(key)
        if not value:
            return None
        try:
            return parse(value)
        except ValueProblem as exc:
            self.bad("AF803", key, f"{key.replace('_', ' ')}: {exc}")
            return None

    def bad(self, code: str, key: str, message: str) -> None:
        self.ok = False
        self.problems.append(error(code, message, self.table.file, self.row.line, self.row.col(key)))


def read_children(table: Table) -> tuple[list[Child], list[Diagnostic]]:
    problems = list(table.problems)
    children: list[Child] = []
    seen: dict[str, int] = {}
    for row in table.rows:
        cells = _Cells(table, row, problems)
        child_id = cells.text("child_id", required=True)
        team = cells.text("team", required=True)
        child = Child(
            child_id=child_id, team=team, area=cells.text("area") or team, line=row.line,
            initials=cells.text("initials"),
            date_of_birth=cells.typed("date_of_birth", parse_date),
            age=cells.typed("age", lambda v: parse_count(v, "age")),
            open_date=cells.typed("open_date", parse_date),
            closed_date=cells.typed("closed_date", parse_date),
            strand=cells.text("strand"), flags=split_flags(row.get("flags")), extra=row.extra,
            plan=cells.text("plan"), document_id=cells.text("document_id"),
            document_date=cells.typed("document_date", parse_date),
        )
        if child.open_date and child.closed_date and child.closed_date < child.open_date:
            cells.bad("AF803", "closed_date", "closed date is before the open date")
        if not cells.ok:
            continue
        key = f"{child_id}\x00{child.document_id}"
        if key in seen:
            what = "the same child and document" if child.document_id else "the same child"  # never the id
            problems.append(warning("AF805", f"this row lists {what} as line {seen[key]}; this row is "
                                    "ignored", table.file, row.line, 1))
            continue
        seen[key] = row.line
        children.append(child)
    return children, problems


def read_auditors(table: Table) -> tuple[list[Auditor], list[Diagnostic]]:
    """Auditors; a blank capacity means one audit this month, 0 means not available."""
    problems = list(table.problems)
    auditors: list[Auditor] = []
    seen: dict[str, int] = {}
    for row in table.rows:
        cells = _Cells(table, row, problems)
        name = cells.text("name", required=True)
        area = cells.text("area", required=True)
        capacity = cells.typed("capacity", lambda v: parse_count(v, "capacity"))
        if not cells.ok:
            continue
        key = normalise_key(name)
        if key in seen:
            problems.append(error("AF805", f"auditor {name} is listed twice (first on line "
                                  f"{seen[key]})", table.file, row.line, row.col("name")))
            continue
        seen[key] = row.line
        auditors.append(Auditor(name, area, 1 if capacity is None else capacity, row.line,
                                cells.text("email")))
    return auditors, problems


def read_history(table: Table) -> tuple[list[PastAudit], list[Diagnostic]]:
    problems = list(table.problems)
    audits: list[PastAudit] = []
    for row in table.rows:
        cells = _Cells(table, row, problems)
        child_id = cells.text("child_id", required=True)
        date = cells.typed("audit_date", parse_date)
        if date is None and cells.ok:
            cells.bad("AF804", "audit_date", "the audit date is blank")
        if cells.ok and date is not None:
            audits.append(PastAudit(child_id, date, f"{table.file}:{row.line}", cells.text("document_id")))
    return audits, problems
