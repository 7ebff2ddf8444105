"""Past audits read from completed-audit envelopes (the JSON the forms save).

A folder of last months' completed audits is the most faithful history: the child's
identifier and the audit date are the answers of the fields whose role is ``child_id``
and ``audit_date``, exactly as ``check`` reads them. An audit of one document (its tool's
``subject`` is a document) also names the document, by the field with role ``document_id``,
so that it is never taken for an audit of the child's whole case. The roles are read from
the tool the audit names when ``tools`` can find it, else from the tool being sampled. An
audit of an older version of the tool being sampled is read through the tool's version
mapping (so a field renamed since still gives the child and the date), else with the kept
version it names.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from auditforms.diagnostics import Diagnostic
from auditforms.model.definition import Definition
from auditforms.sampling.codes import warning
from auditforms.sampling.records import PastAudit
from auditforms.sampling.values import ValueProblem, parse_date
from auditforms.versions.library import VersionLibrary

ENVELOPE_FORMAT = "auditforms/completed-audit"


def is_envelope(data: Any) -> bool:
    return isinstance(data, Mapping) and data.get("format") == ENVELOPE_FORMAT


def role_answer(definition: Definition, answers: Mapping[str, Any], role: str) -> Any:
    return definition.index.role_answer(answers, role)


def audit_tool(definition: Definition, data: Mapping[str, Any],
               tools: Callable[[str], Definition | None] | None) -> Definition:
    """The tool a completed audit names, when ``tools`` finds it; else ``definition``."""
    named = data.get("definition")
    tool_id = named.get("id") if isinstance(named, Mapping) else None
    if tools is None or not isinstance(tool_id, str) or tool_id == definition.id:
        return definition
    return tools(tool_id) or definition


def as_kept_version(versions: VersionLibrary | None, data: Mapping[str, Any]) -> tuple[Definition, Any] | None:
    """An audit of another version of the tool being sampled, with the definition to read its
    roles with: carried to this version where the tool maps it, else the kept version it names;
    ``None`` for an audit of this version, of another tool, or of a version not kept."""
    from auditforms.versions.library import named_version
    from auditforms.versions.reading import read_as_current

    version = named_version(versions, data) if versions is not None else None
    if versions is None or version is None or version == versions.current.version:
        return None
    carried = read_as_current(versions, data)
    if carried is not data:
        return versions.current, carried
    kept = versions.get(version)
    return (kept.definition, data) if kept is not None else None


def past_audit(definition: Definition, data: Any, file: str,
               tools: Callable[[str], Definition | None] | None = None,
               versions: VersionLibrary | None = None,
               ) -> tuple[PastAudit | None, Diagnostic | None]:
    """The child, date (and document) of one completed audit, or why it cannot count as history."""
    if not is_envelope(data):
        return None, warning("AF806", "not a completed audit (no \"format\": "
                             f"\"{ENVELOPE_FORMAT}\"); ignored", file)
    answers = data.get("answers")
    if not isinstance(answers, Mapping):
        return None, warning("AF806", "the completed audit has no answers; ignored", file)
    older = as_kept_version(versions, data)
    if older is not None:
        definition, data = older
        answers = data.get("answers") if isinstance(data.get("answers"), Mapping) else answers
    else:
        definition = audit_tool(definition, data, tools)
    child = role_answer(definition, answers, "child_id")
    date = role_answer(definition, answers, "audit_date")
    document = role_answer(definition, answers, "document_id") if definition.subject.is_document else None
    if not isinstance(child, str | int) or not str(child).strip():
        return None, warning("AF806", "the completed audit names no child (no answer for the "
                             "field with role child_id); ignored", file)
    if not isinstance(date, str) or not date.strip():
        return None, warning("AF806", "the completed audit has no audit date; it cannot "
                             "count towards the look-back and is ignored", file)
    try:
        document_id = _document_id(document) if definition.subject.is_document else ""
        return PastAudit(str(child).strip(), parse_date(date), file, document_id), None
    except ValueProblem:
        return None, warning("AF806", "the audit date of the completed audit is not a date "
                             "(yyyy-mm-dd); ignored", file)


def _document_id(answer: Any) -> str:
    """An audit of a document whose id is blank still is not an audit of the child's case."""
    if isinstance(answer, str | int) and str(answer).strip():
        return str(answer).strip()
    return "(unknown document)"
