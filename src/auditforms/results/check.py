"""Checking completed audits: the pure core, the batch API and the streaming batch.

``check_document`` judges one parsed document and does no I/O. ``iter_check_files``
reads and checks files one at a time, so a batch of any size runs in flat memory and a
bad file (unreadable, malformed, huge) is reported and the batch goes on. ``check`` is
what :func:`auditforms.check` calls: paths and/or dicts in, a :class:`CheckReport` out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from auditforms.diagnostics import Diagnostic, Severity
from auditforms.model.definition import Definition
from auditforms.months import month_bounds
from auditforms.results.checker import Checker
from auditforms.results.envelope import own_record
from auditforms.results.locating import locate_diagnostics
from auditforms.results.reading import iter_audit_paths, read_audit
from auditforms.rules import EvalContext

_CHECKERS: dict[tuple[int, EvalContext | None, int], tuple[Definition, Any, Checker]] = {}


def checker_for(
    definition: Definition,
    context: EvalContext | None = None,
    schema: Mapping[str, Any] | None = None,
) -> Checker:
    """A cached :class:`Checker`: building the validator costs far more than checking one audit."""
    key = (id(definition), context, id(schema))
    cached = _CHECKERS.get(key)
    if cached is not None and cached[0] is definition and cached[1] is schema:
        return cached[2]
    checker = Checker(definition, context, schema)
    if len(_CHECKERS) > 32:
        _CHECKERS.clear()
    _CHECKERS[key] = (definition, schema, checker)
    return checker


def check_document(
    definition: Definition,
    document: Any,
    *,
    file: str = "",
    context: EvalContext | None = None,
    schema: Mapping[str, Any] | None = None,
) -> list[Diagnostic]:
    """Every problem in one completed audit (schema, consistency, moderation, rules); pure."""
    return checker_for(definition, context, schema).check(document, file)


@dataclass(frozen=True)
class FileResult:
    """The outcome for one audit: passes when it has no errors (warnings are advice)."""

    file: str
    diagnostics: tuple[Diagnostic, ...]
    audit_id: str | None = None
    status: str | None = None
    checked: bool = True
    #: the format of auditforms' own record this file is (a batch's manifest…): not an audit, left out
    record: str | None = None

    @property
    def errors(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity is Severity.WARNING)

    @property
    def passed(self) -> bool:
        return self.errors == 0

    def to_json(self) -> dict[str, Any]:
        findings = []
        for d in self.diagnostics:
            item = d.to_json()
            item.update(dict(d.extra))
            findings.append(item)
        return {
            "file": self.file,
            "audit_id": self.audit_id,
            "status": self.status,
            "passed": self.passed,
            "checked": self.checked,
            "errors": self.errors,
            "warnings": self.warnings,
            "findings": findings,
        }


@dataclass
class CheckReport:
    """The findings of a batch, as data."""

    definition_id: str
    definition_version: str
    results: list[FileResult] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return all(r.passed for r in self.results)

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return [d for r in self.results for d in r.diagnostics]

    def summary(self) -> dict[str, int]:
        return summarise(self.results)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": "auditforms/check-report",
            "format_version": 1,
            "definition": {"id": self.definition_id, "version": self.definition_version},
            "summary": self.summary(),
            "files": [r.to_json() for r in self.results if r.record is None],
        }


def summarise(results: Iterable[FileResult]) -> dict[str, int]:
    counts = {"audits": 0, "passed": 0, "failed": 0, "not_checked": 0, "with_warnings": 0,
              "errors": 0, "warnings": 0, "left_out": 0}
    for r in results:
        if r.record is not None:  # auditforms' own record, not an audit
            counts["left_out"] += 1
            continue
        counts["audits"] += 1
        counts["not_checked"] += 0 if r.checked else 1
        counts["passed" if r.passed else "failed"] += 1
        counts["with_warnings"] += 1 if r.warnings else 0
        counts["errors"] += r.errors
        counts["warnings"] += r.warnings
    return counts


def make_context(
    *,
    today: dt.date | None = None,
    period: str | tuple[dt.date, dt.date] | None = None,
    history: Iterable[tuple[str, dt.date]] | None = None,
) -> EvalContext:
    """The values ``$today``, ``$period_start`` and ``$period_end`` stand for, and the
    sample's history ((child id, audit date) pairs) to check the look-back against.

    ``period`` is a month (``"2026-11"``) or a (start, end) pair of dates.
    """
    start = end = None
    if isinstance(period, str):
        start, end = month_bounds(period)
    elif period is not None:
        start, end = period
    past = frozenset(history) if history is not None else None
    return EvalContext(today=today or dt.date.today(), period_start=start, period_end=end, history=past)


def _identity(document: Any) -> tuple[str | None, str | None]:
    if not isinstance(document, Mapping):
        return None, None
    audit_id, status = document.get("audit_id"), document.get("status")
    return (
        audit_id if isinstance(audit_id, str) else None,
        status if isinstance(status, str) and status.isidentifier() else None,
    )


#: ``check(checker, document, file)``: chooses the version an audit is read as (auditforms.versions).
Chooser = Callable[[Checker, Any, str], list[Diagnostic]]


def check_file(checker: Checker, path: Path, choose: Chooser | None = None) -> FileResult:
    """One file's result; a file that cannot be read is reported as not checked."""
    name = str(path)
    document, problems, text = read_audit(path)
    if problems:
        if problems[0].code in {"AF101", "AF109"} and path.is_dir():  # a folder the walk could not open
            problems = [Diagnostic("AF101", "cannot open this folder (permission denied?); the "
                                   "audits in it were not checked", file=name)]
        return FileResult(name, tuple(problems), checked=False)
    own = own_record(document)
    if own is not None:  # a batch's manifest beside the returns…
        return FileResult(name, (), checked=False, record=own)
    try:
        found = checker.check(document, name) if choose is None else choose(checker, document, name)
    except RecursionError:  # a hostile file nested hundreds deep inside an answer
        return FileResult(name, (Diagnostic("AF107", "the document nests too deeply to check", file=name),),
                          checked=False)
    if found:
        found = locate_diagnostics(text, document, found)
    return FileResult(name, tuple(found), *_identity(document))


def iter_check_files(
    definition: Definition,
    paths: Iterable[str | Path],
    *,
    context: EvalContext | None = None,
    schema: Mapping[str, Any] | None = None,
    choose: Chooser | None = None,
) -> Iterator[FileResult]:
    """Check the files (and folders of files) one at a time: flat memory for any batch."""
    checker = checker_for(definition, context or make_context(), schema)
    for path in iter_audit_paths(Path(p) for p in paths):
        yield guarded_check_file(checker, path, choose)


def guarded_check_file(checker: Checker, path: Path, choose: Chooser | None = None) -> FileResult:
    """:func:`check_file`, where even a bug of ours stops only this file, never the batch."""
    try:
        return check_file(checker, path, choose)
    except Exception as exc:
        message = (f"auditforms failed on this file ({type(exc).__name__}); it was not checked. "
                   "This is a bug: please report it")
        return FileResult(str(path), (Diagnostic("AF690", message, file=str(path)),), checked=False)


def check(
    definition: Definition,
    audits: Any,
    *,
    today: dt.date | None = None,
    period: str | tuple[dt.date, dt.date] | None = None,
    schema: Mapping[str, Any] | None = None,
    history: Iterable[tuple[str, dt.date]] | None = None,
    choose: Chooser | None = None,
) -> CheckReport:
    """Check completed audits: a path, a dict, or an iterable of paths (files or folders) and dicts.

    Returns a :class:`CheckReport`; never raises for bad audits (they become findings).
    ``history`` ((child id, audit date) pairs, as the dip sample reads them) adds the look-back.
    Dicts are named ``<audit 1>``, ``<audit 2>``… in the report, in the order given.
    ``choose`` reads each audit as a version of the tool (see :mod:`auditforms.versions.checking`).
    """
    checker = checker_for(definition, make_context(today=today, period=period, history=history), schema)
    report = CheckReport(definition.id, definition.version)
    items = [audits] if isinstance(audits, str | Path | Mapping) else list(audits)
    for number, item in enumerate(items, start=1):
        if isinstance(item, Mapping):
            name = f"<audit {number}>"
            report.results.append(
                FileResult(name, tuple(checker.check(item, name) if choose is None else choose(checker, item, name)),
                           *_identity(item))
            )
        else:
            report.results.extend(guarded_check_file(checker, p, choose) for p in iter_audit_paths([Path(item)]))
    return report
