"""Pre-fill answers for one sampled child: the fields completed centrally, by role or column.

A field is filled when it is completed centrally (its own ``completed_by`` or its
section's) and either has a role the sample knows (``child_id``, ``child_initials``,
``team``, ``age_band``, ``child_age``, ``date_of_birth``, ``strand``) or is named by an
extra column of the sample CSV (by id or label), or is a yes/no field named by one of
the child's flags (a ``UASC`` flag answers the field ``uasc`` with yes). Values are
converted to the answer format of the field's type; a value that does not fit is left
blank with a warning rather than guessed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from auditforms.diagnostics import Diagnostic
from auditforms.model.definition import Definition, FieldItem
from auditforms.months import read_written_month
from auditforms.sampling.codes import warning
from auditforms.sampling.sample_file import HEADERS, SampleRow
from auditforms.sampling.values import ValueProblem, normalise_key, parse_date, split_flags

_YES = {"yes", "y", "true", "1"}
_NO = {"no", "n", "false", "0"}
#: role -> the sample CSV column its value comes from (a message names the column).
_ROLE_COLUMNS = {"child_id": "child_id", "child_initials": "initials", "team": "team",
                 "age_band": "age_band", "child_age": "age", "date_of_birth": "date_of_birth",
                 "strand": "strand", "audited_previously": "last_audit",
                 "last_audit_date": "last_audit", "document_id": "document_id",
                 "document_date": "document_date", "audit_type": "audit_type"}


def central_fields(definition: Definition) -> list[FieldItem]:
    """Fields completed centrally, follow-ups included (after the field that reveals them)."""
    fields = []
    for entry in definition.index.entries.values():
        node = entry.node
        if isinstance(node, FieldItem):
            owner = definition.index.node(entry.revealed_by[0]) if entry.revealed_by else node
            who = owner.completed_by or entry.section.completed_by  # type: ignore[union-attr]
            if who == "central" or node.completed_by == "central":
                fields.append(node)
    return fields


def _role_values(row: SampleRow) -> dict[str, str]:
    """What the sample knows, by role. A child with no audit on record is left blank, not
    answered "no": the history may be incomplete, and the auditor can say."""
    return {
        "child_id": row.child_id, "child_initials": row.initials, "team": row.team,
        "age_band": row.age_band, "child_age": "" if row.age is None else str(row.age),
        "date_of_birth": row.date_of_birth.isoformat() if row.date_of_birth else "",
        "strand": row.strand,
        "audited_previously": "yes" if row.last_audit else "",
        "last_audit_date": row.last_audit.isoformat() if row.last_audit else "",
        "document_id": row.document_id, "audit_type": row.audit_type,
        "document_date": row.document_date.isoformat() if row.document_date else "",
    }


def prefill_for(definition: Definition, row: SampleRow, file: str = "") -> tuple[dict[str, Any], list[Diagnostic]]:
    """Answers keyed by field id for ``row``, and warnings for values that do not fit."""
    filler = _Filler(row, file)
    answers: dict[str, Any] = {}
    for item in central_fields(definition):
        revealed_by = definition.index.entries[item.id].revealed_by
        if revealed_by and answers.get(revealed_by[0]) != revealed_by[1]:
            continue  # a follow-up is filled only when the answer that reveals it is
        if item.type == "compound":  # each part by its own role or column (initials, date of birth)
            parts = {p.id: v for p in item.parts if (v := filler.value(p, f"{item.id}.{p.id}")) is not None}
            value: Any = parts or None
        else:
            value = filler.value(item, item.id)
        if value is not None:
            answers[item.id] = value
    _put(answers, definition.index.by_role("auditor"), _allocated_auditor(definition, row))
    return answers, filler.problems


class _Filler:
    """What the sample row says for a field, by role, extra column or flag; a value that does
    not fit the field is left blank with a warning."""

    def __init__(self, row: SampleRow, file: str) -> None:
        self.row, self.file = row, file
        self.roles = _role_values(row)
        self.extra = {normalise_key(k): v for k, v in row.extra.items() if v}
        self.flags = {normalise_key(f) for f in row.flags}
        self.problems: list[Diagnostic] = []

    def value(self, field: FieldItem, name: str) -> Any:
        source, text = _source_text(field, self.roles, self.extra, self.flags)
        value = convert(field, text) if text else None
        if text and value is None:  # the cell is about a child: name where it is, never what it says
            self.problems.append(warning("AF809", f"the {source} does not fit the field "
                                         f"'{field.label}' ({name}); it is left blank",
                                         self.file, self.row.line, 1))
        return value


def _put(answers: dict[str, Any], ref: str | None, value: Any) -> None:
    """Sets the answer at ``ref``: a field's id, or ``<field id>.<part id>`` of a compound field."""
    if ref is None or value is None:
        return
    owner, _, part = ref.partition(".")
    if not part:
        answers[owner] = value
    elif isinstance(answers.setdefault(owner, {}), dict):
        answers[owner][part] = value


def _allocated_auditor(definition: Definition, row: SampleRow) -> str | None:
    """The allocated auditor's name for the field (or part) with role ``auditor``, whoever
    completes it: the sample decided who audits, so the auditor need not type it (and may
    correct it)."""
    node = definition.index.role_node("auditor")
    if not row.auditor or not isinstance(node, FieldItem) or node.type not in ("text", "textarea"):
        return None
    return row.auditor


def _source_text(item: FieldItem, roles: Mapping[str, str], extra: Mapping[str, str],
                 flags: set[str]) -> tuple[str, str]:
    """Where the value comes from (in words, for a message) and the value."""
    if item.role and roles.get(item.role):
        column = HEADERS.get(_ROLE_COLUMNS.get(item.role, ""), item.role)
        return f"value in the '{column}' column", roles[item.role]
    for name in (item.id, item.label):
        if normalise_key(name) in extra:
            return f"value in the '{name}' column", extra[normalise_key(name)]
    if item.type == "yesno" and normalise_key(item.id) in flags:
        return "flag", "yes"
    return "", ""


def convert(item: FieldItem, text: str) -> Any:
    """``text`` as an answer to ``item`` (see docs/architecture.md), or ``None`` if it cannot be."""
    kind = item.type
    if kind in ("text", "textarea", "email", "telephone"):
        return text
    if kind == "month":
        return read_written_month(text)
    if kind == "date":
        try:
            return parse_date(text).isoformat()
        except ValueProblem:
            return None
    if kind == "number":
        try:
            number = float(text)
        except ValueError:
            return None
        return int(number) if number.is_integer() else number
    if kind == "multichoice":
        whole = _option_id(item, text)
        if whole is not None:
            return [whole]
        ids = [_option_id(item, part) for part in split_flags(text)]
        return None if not ids or None in ids else ids
    if kind == "yesno" and normalise_key(text) in _YES | _NO:
        return "yes" if normalise_key(text) in _YES else "no"
    return _option_id(item, text)


def _option_id(item: FieldItem, text: str) -> str | None:
    key = normalise_key(text)
    options = item.answer_options
    if item.type == "scale":
        return None
    return next((o.id for o in options if key in (normalise_key(o.id), normalise_key(o.label))),
                None)
