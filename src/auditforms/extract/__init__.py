"""Reading filled Word forms back into completed audits (``auditforms extract``).

``extract_docx`` never raises for bad input: it returns ``(document | None, diagnostics)``.
Messages name ids and counts, never the text of an answer.

The status is what the form shows (unless given): ``submitted``; ``moderated`` once the
moderator signed off (name and date); ``final`` once, besides, the moderator commented and the
auditor addressed (resolved) every comment, the lifecycle's "final: the auditor, after
addressing each comment" (:func:`~auditforms.moderation.lifecycle.every_comment_addressed`).
The history is what the form can truthfully tell (:mod:`auditforms.extract.history`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from auditforms.diagnostics import Diagnostic
from auditforms.extract.assemble import Assembled, assemble
from auditforms.extract.codes import CATALOGUE
from auditforms.extract.comments import Comment, anchor_comments, read_comments
from auditforms.extract.expected import expected_form
from auditforms.extract.history import Extraction, Saved, auditor_took_part, form_history
from auditforms.extract.identity import check_identity, saved_at, saved_by
from auditforms.extract.matching import match_controls, read_bare_cells
from auditforms.extract.moderation import Owners, moderation_record
from auditforms.extract.package import Package, PackageError, open_package
from auditforms.extract.reader import DocumentReader
from auditforms.extract.report import Report
from auditforms.extract.tables import read_table
from auditforms.model.definition import Definition
from auditforms.moderation.lifecycle import every_comment_addressed
from auditforms.renderers.docx.naming import PROP_AUDIT_ID

__all__ = ["CATALOGUE", "extract_docx"]

FORMAT = "auditforms/completed-audit"


def extract_docx(definition: Definition, data: bytes, filename: str, *, status: str | None = None,
                 now: dt.datetime | None = None) -> tuple[dict[str, Any] | None, list[Diagnostic]]:
    """The completed audit a filled Word form holds, or None and the reason why not.

    ``status`` overrides the status the form shows (``extract --status``); ``now`` is the time
    of the extraction the history records (default: the clock's, in UTC)."""
    report = Report(filename)
    try:
        package = open_package(data)
    except PackageError as error:
        return None, [Diagnostic(error.code, error.message, file=filename)]
    if package.removed_characters:
        report.warn("AF713", f"{package.removed_characters} characters that XML cannot hold "
                             "(control characters pasted from other systems) were removed")
    properties = check_identity(definition, package.custom, report)
    if report.has_errors:
        return None, report.diagnostics
    read = _read(definition, package, report, trusted=bool(properties))
    if read is None:
        return None, report.diagnostics
    assembled, comments = read
    saved = Saved(saved_at(package.core), saved_by(package.core))
    auditor = definition.index.role_answer(assembled.answers, "auditor")
    shown = status or status_shown(assembled.moderation, auditor_took_part(comments, saved, auditor))
    when = now or dt.datetime.now(dt.UTC)
    when = when.astimezone(dt.UTC) if when.tzinfo else when.replace(tzinfo=dt.UTC)
    extraction = Extraction(filename, when, shown, status is not None)
    return _envelope(definition, assembled, properties, comments, saved, extraction), report.diagnostics


def status_shown(moderation: dict[str, Any], auditor_finished: bool = True) -> str:
    """The status a form's moderation record shows (see the module's docstring): final only
    when every comment is addressed and the auditor took part after the moderation
    (``auditor_finished``): a moderator who resolved their own comments has not finished it."""
    if not {"moderator", "date"} <= moderation.keys():
        return "submitted"
    return "final" if every_comment_addressed(moderation) and auditor_finished else "moderated"


def _read(definition: Definition, package: Package, report: Report, *, trusted: bool
          ) -> tuple[Assembled, list[Comment]] | None:
    """Answer tables by their rows, every other control by tag, title or place."""
    reader = DocumentReader(package.document)
    expected = expected_form(definition)
    reads = {table.id: read_table(definition, reader, expected, table) for table in definition.index.tables()}
    located = {i for i, t in enumerate(reader.tables) for r in reads.values() if t is r.element}
    table_tags = {t for t in expected.by_tag if t.split(".", 1)[0] in expected.tables}
    matches = match_controls(reader, expected, located, table_tags)
    read_bare_cells(reader, expected, matches, table_tags)
    report.matches(matches, expected, table_tags, trusted=trusted)
    if report.has_errors:
        return None
    tables: dict[str, Any] = {}
    for table in definition.index.tables():
        report.table(table, reads[table.id])
        if reads[table.id].found:
            tables[table.id] = reads[table.id].value
    assembled = assemble(definition, matches.by_tag, tables)
    report.assembled(assembled)
    comments = read_comments(package.comments, package.comments_extended)
    anchor_comments(reader.body, comments, Owners(matches.by_tag, {t: r.element for t, r in reads.items()}))
    assembled.moderation = moderation_record(definition, assembled.moderation, comments.values(),
                                             assembled.answers)
    if assembled.moderation and not {"moderator", "date"} <= assembled.moderation.keys():
        report.warn("AF717", "the moderator's comments or judgements were read, but the moderator's "
                             "name or date is not filled in; the audit stays 'submitted' until they are",
                    "/moderation")
    return assembled, list(comments.values())


def _envelope(definition: Definition, assembled: Assembled, properties: dict[str, str], comments: list[Comment],
              saved: Saved, extraction: Extraction) -> dict[str, Any]:
    moderation = assembled.moderation
    if extraction.status == "final":
        # the auditor's finalised answers, perhaps with the moderator's judgements taken: not the
        # judgements as moderated (see extract.moderation); the record moderated earlier keeps them
        moderation.pop("auditor_judgements", None)
    envelope: dict[str, Any] = {
        "format": FORMAT,
        "format_version": 1,
        "definition": {"id": definition.id, "version": definition.version},
        "audit_id": properties.get(PROP_AUDIT_ID) or _stem(extraction.file),
        "status": extraction.status,
        "answers": assembled.answers,
    }
    if moderation:
        envelope["moderation"] = moderation
    envelope["history"] = form_history(moderation, comments, saved, extraction,
                                       definition.index.role_answer(assembled.answers, "auditor"))
    envelope["source"] = {"kind": "docx", **({"saved_at": saved.at} if saved.at else {})}
    return envelope


def _stem(filename: str) -> str:
    return Path(filename).stem or "audit"

