"""Case data for ``render --data``: the answers completed centrally before distribution.

The file (YAML or JSON) is a mapping of field id to value. Only fields completed centrally
(``completed_by: central`` on the field, or inherited from its section) may be given: an
auditor's answer must never arrive pre-written. Each value is checked against the same
answer schema the result schema uses, and every problem is reported with its line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from auditforms.diagnostics import Diagnostic, Severity
from auditforms.language.suggest import did_you_mean
from auditforms.model.definition import Definition, FieldItem, Section, Table
from auditforms.results.naming import Namer, safe_key
from auditforms.results.result_schema import node_schema
from auditforms.results.schema_errors import diagnostics_from
from auditforms.results.validation import make_validator
from auditforms.rules import Evaluator
from auditforms.source import LocDict, locate, parse_yaml, read_text
from auditforms.source.files import read_input
from auditforms.source.reading import DEFAULT_LIMITS


def central_ids(definition: Definition) -> list[str]:
    """Ids of the fields and tables completed centrally, in document order."""
    out = []
    for item_id in definition.index.order:
        entry = definition.index.entries[item_id]
        node = entry.node
        if isinstance(node, FieldItem | Table) and _completed_by(node, entry.section) == "central":
            out.append(item_id)
    return out


def _completed_by(node: FieldItem | Table, section: Section) -> str | None:
    return node.completed_by or section.completed_by


def load_prefill(
    definition: Definition, path: str | Path
) -> tuple[dict[str, Any] | None, list[Diagnostic]]:
    """The validated case data in ``path``, or ``None`` with every reason it cannot be used."""
    name = str(path)
    data, unreadable = read_input(path, DEFAULT_LIMITS.max_bytes)
    if data is None:
        return None, [unreadable] if unreadable else []
    text, problem = read_text(data, name)
    if problem is not None or text is None:
        return None, [problem] if problem else []
    parsed = parse_yaml(text, name)  # JSON is YAML; the located loader gives lines for both
    if parsed.diagnostics:
        return None, parsed.diagnostics
    return validate_prefill(definition, parsed.data, name)


def validate_prefill(
    definition: Definition, data: Any, file: str = ""
) -> tuple[dict[str, Any] | None, list[Diagnostic]]:
    """Pure: check case data against the definition; ``None`` when anything is wrong."""
    if not isinstance(data, dict):
        return None, [
            Diagnostic(
                "AF650",
                "case data must be a mapping of field ids to values (child-id: C0412, …)",
                file=file,
                line=1,
                col=1,
                pointer="",
            )
        ]
    central = central_ids(definition)
    namer = Namer(definition)
    problems: list[Diagnostic] = []
    for key, value in data.items():
        problems += _check_entry(definition, namer, central, key, value, file)
    problems = [_located(data, d) for d in problems]
    if problems:
        return None, problems
    plain = {k: _plain(v) for k, v in data.items()}
    return plain, [_located(data, d) for d in _hidden(definition, namer, plain, file)]


def _hidden(definition: Definition, namer: Namer, data: dict[str, Any], file: str) -> list[Diagnostic]:
    """Warn about values the form will not show (a follow-up whose option is not chosen)."""
    evaluator = Evaluator(definition)
    return [
        Diagnostic("AF654", f"{namer.item(key)} ('{key}') is given but not shown on this child's form "
                   "(its condition or option does not hold), so it will not appear",
                   file=file, pointer=f"/{key}", severity=Severity.WARNING)
        for key in data if not evaluator.shown(data, key)
    ]


def _check_entry(
    definition: Definition, namer: Namer, central: list[str], key: str, value: Any, file: str
) -> list[Diagnostic]:
    pointer = f"/{key}"
    if key not in definition.index:
        also = did_you_mean(key, central) or f"; fields completed centrally: {', '.join(central)}"
        message = f"{safe_key(key)} is not a field of {definition.id}{also}"
        return [Diagnostic("AF651", message, file=file, pointer=pointer)]
    if key not in central:
        entry = definition.index.entries[key]
        node = entry.node
        who = _completed_by(node, entry.section) if isinstance(node, FieldItem | Table) else None
        by = f"by the {who}" if who else "in the audit itself"
        message = (f"{namer.item(key)} ('{key}') is completed {by}, not centrally; "
                   "case data may give only fields completed centrally")
        return [Diagnostic("AF652", message, file=file, pointer=pointer)]
    # Wrapped as in a completed audit, so that messages name rows and columns the same way.
    answer = node_schema(definition, definition.index.entries[key].node, require=False)
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
              "properties": {"answers": {"properties": {key: answer}}}}
    validator = make_validator(schema)
    out = []
    for error in validator.iter_errors({"answers": {key: value}}):
        for d in diagnostics_from(error, namer, file):
            inner = (d.pointer or "").removeprefix("/answers")
            out.append(Diagnostic("AF653", d.message, file=file, pointer=inner))
    return out


def _located(data: Any, d: Diagnostic) -> Diagnostic:
    position = (
        locate(data, d.pointer or "", at_key=d.code in {"AF651", "AF652", "AF654"})
        if isinstance(data, LocDict)
        else None
    )
    return d.located(d.file, position.line, position.col) if position else d


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
