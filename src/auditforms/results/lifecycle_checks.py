"""``check`` on the audit's lifecycle and the moderation record: impossible histories and
records that do not fit the tool.

The history's meaning lives in :mod:`auditforms.moderation.lifecycle`; this module only turns
its problems into located diagnostics, and adds what needs the answers (the audit date) or
the definition (the moderator's checklist). Messages name steps, roles, times and parts,
never a person's words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from auditforms.diagnostics import Diagnostic, Severity
from auditforms.english import count
from auditforms.model.definition import Definition
from auditforms.moderation.checklist import checklist_for
from auditforms.moderation.lifecycle import Step, history_problems, moderation_required, read_steps
from auditforms.results.naming import Namer, safe_key
from auditforms.rules.values import as_date

_CODES = {"order": "AF660", "sequence": "AF661", "status": "AF662"}


def lifecycle_findings(definition: Definition, document: Mapping[str, Any], namer: Namer,
                       file: str) -> list[Diagnostic]:
    """Every problem with the history and the moderation record's checklist, in document order."""
    steps = read_steps(document.get("history"))
    status = document.get("status")
    out: list[Diagnostic] = []
    for problem in history_problems(steps, status if isinstance(status, str) else None,
                                    moderation_required=moderation_required(definition)):
        pointer = f"/history/{problem.index}" if problem.index is not None else "/status"
        out.append(Diagnostic(_CODES[problem.kind], problem.message, file=file, pointer=pointer))
    answers = document.get("answers")
    audit_date = as_date(definition.index.role_answer(answers, "audit_date")) \
        if isinstance(answers, Mapping) else None
    out += _steps_before_audit(steps, audit_date, file)
    out += _moderation_before_submission(document.get("moderation"), steps, file)
    out += _checklist_ticks(definition, document.get("moderation"), namer, file)
    return out


def _steps_before_audit(steps: list[Step], audit_date: dt.date | None, file: str) -> list[Diagnostic]:
    if audit_date is None:
        return []
    return [Diagnostic("AF630", f"history entry {s.index + 1} records the moderation on {s.at.date()}, "
                       f"before the audit date ({audit_date})", file=file, pointer=f"/history/{s.index}/at")
            for s in steps if s.event == "moderated" and s.at is not None and s.at.date() < audit_date]


def _moderation_before_submission(moderation: Any, steps: list[Step], file: str) -> list[Diagnostic]:
    moderated_on = as_date(moderation.get("date")) if isinstance(moderation, Mapping) else None
    submitted = [s for s in steps if s.event == "submitted" and s.at is not None]
    if moderated_on is None or not submitted or submitted[0].at is None:
        return []
    first = submitted[0].at.date()
    if moderated_on >= first:
        return []
    return [Diagnostic("AF661", f"the moderation is dated {moderated_on}, before the audit was first "
                       f"submitted (history entry {submitted[0].index + 1}, {first})", file=file,
                       pointer="/moderation/date")]


def _checklist_ticks(definition: Definition, moderation: Any, namer: Namer, file: str) -> list[Diagnostic]:
    ticks = moderation.get("checklist") if isinstance(moderation, Mapping) else None
    if not isinstance(ticks, Mapping):
        return []
    out = []
    for part_id, items in ticks.items():
        if not isinstance(items, Mapping) or part_id not in definition.index:
            continue  # the result schema reports these
        known = {item.id for item in checklist_for(definition, part_id)}
        for item_id in items:
            if item_id not in known:
                what = (f"the tool's checklist for it has {count(len(known), 'other item')}" if known
                        else "the tool gives it no checklist")
                out.append(Diagnostic(
                    "AF633", f"moderator's checklist for {namer.item(part_id)}: {safe_key(item_id)} is not "
                    f"an item of the tool's checklist for this part ({what})", file=file,
                    pointer=f"/moderation/checklist/{part_id}/{item_id}", severity=Severity.WARNING))
    return out
