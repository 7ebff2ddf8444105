"""Is this audit for this tool, and this version of it? And is its moderation record coherent?

Only the current definition is at hand, so "what differs" for an audit completed against
another version is said in terms of it: answered ids it does not know, and answers it
requires that are missing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from auditforms.diagnostics import Diagnostic, Severity
from auditforms.english import count
from auditforms.model.definition import Definition, Question, Section
from auditforms.moderation.lifecycle import unaddressed_comments
from auditforms.results.naming import Namer, safe_key
from auditforms.rules.values import as_date

_SEMVER = re.compile(r"^(\d+)\.(\d+)\.(\d+)")
_LISTED = 8


def tool_mismatch(
    definition: Definition, document: Mapping[str, Any], file: str
) -> Diagnostic | None:
    """An error when the audit names another tool (its answers would mean something else)."""
    named = document.get("definition")
    tool = named.get("id") if isinstance(named, Mapping) else None
    if not isinstance(tool, str) or tool == definition.id:
        return None
    return Diagnostic(
        "AF620",
        f"this audit was completed with the tool {safe_key(tool)}, not "
        f"'{definition.id}'; check it against that tool's definition",
        file=file,
        pointer="/definition/id",
    )


def _semver(version: str) -> tuple[int, int, int] | None:
    match = _SEMVER.match(version)
    return (int(match[1]), int(match[2]), int(match[3])) if match else None


def version_difference(
    definition: Definition, document: Mapping[str, Any], file: str, missing_required: list[str]
) -> Diagnostic | None:
    """A warning naming the version the audit used and what differs from this definition."""
    named = document.get("definition")
    version = named.get("version") if isinstance(named, Mapping) else None
    if not isinstance(version, str) or version == definition.version:
        return None
    theirs, ours = _semver(version), _semver(definition.version)
    if theirs is None:
        return None  # the schema reports a malformed version
    age = "another" if ours is None else "an older" if theirs < ours else "a newer"
    answers = document.get("answers")
    unknown = [k for k in answers if k not in definition.index] if isinstance(answers, Mapping) else []
    ours_text = definition.version
    differences = []
    if unknown:
        differences.append(f"{count(len(unknown), 'answered id')} unknown to {ours_text}: {_list(unknown)}")
    if missing_required:
        differences.append(f"{count(len(missing_required), 'answer')} required by {ours_text} missing: "
                           f"{_list(missing_required)}")
    what = "; ".join(differences) if differences else "no answers differ in shape"
    message = f"completed against {age} version of the tool ({version}; this definition is {ours_text}): {what}"
    return Diagnostic("AF621", message, file=file, pointer="/definition/version", severity=Severity.WARNING)


def _list(ids: list[str]) -> str:
    shown = ", ".join(safe_key(i) for i in ids[:_LISTED])
    return shown + (f" and {len(ids) - _LISTED} more" if len(ids) > _LISTED else "")


def moderation_findings(
    definition: Definition, document: Mapping[str, Any], shown: Any, namer: Namer, file: str
) -> list[Diagnostic]:
    """The moderation record against the audit: dates in order, judgements where they belong."""
    moderation = document.get("moderation")
    answers = document.get("answers")
    if not isinstance(moderation, Mapping) or not isinstance(answers, Mapping):
        return []
    out: list[Diagnostic] = []
    audit_date = as_date(definition.index.role_answer(answers, "audit_date"))
    moderated_on = as_date(moderation.get("date"))
    if audit_date and moderated_on and moderated_on < audit_date:
        message = "Moderation record: the moderation date is before the audit date"
        out.append(Diagnostic("AF630", message, file=file, pointer="/moderation/date"))
    out += _unaddressed_comments(document, moderation, namer, file)
    judgements = moderation.get("judgements")
    for item_id, option in judgements.items() if isinstance(judgements, Mapping) else ():
        auditor = _auditor_judgement_when_moderated(document, moderation, item_id)
        problem = _judgement_problem(definition, shown, item_id, option, auditor)
        if problem is not None:
            code, what = problem
            out.append(Diagnostic(code, f"moderated judgement for {namer.item(item_id)}: {what}", file=file,
                                  pointer=f"/moderation/judgements/{item_id}", severity=Severity.WARNING))
    return out


def _judgement_problem(definition: Definition, shown: Any, item_id: str, option: Any,
                       auditor: Any) -> tuple[str, str] | None:
    node = definition.index.entries[item_id].node if item_id in definition.index else None
    if not isinstance(node, Question | Section):
        return None  # the schema reports ids that take no judgement
    if not shown(item_id):
        return "AF631", "the question is not shown in this audit"
    if auditor is not None and auditor == option:
        label = _option_label(definition, node, option)
        return "AF632", (f"{label} is the auditor's judgement too; record a moderated judgement only "
                         "where you disagree (list the part under agreed instead)")
    return None


def _unaddressed_comments(document: Mapping[str, Any], moderation: Mapping[str, Any], namer: Namer,
                          file: str) -> list[Diagnostic]:
    """A final audit with a moderator's comment the auditor has not marked addressed: the lifecycle
    has the auditor finalise "after addressing each comment". A warning, not an error: a Word
    form's comment the auditor addressed in the answers but did not resolve is recorded so."""
    if document.get("status") != "final":
        return []
    return [Diagnostic("AF634", f"the audit is final, but the moderator's comment on {namer.item(part)} is not "
                       "marked addressed; the auditor addresses each comment before finalising (the HTML "
                       "form's “I have addressed this comment”, Word's Resolve)", file=file,
                       pointer=f"/moderation/comments/{part}", severity=Severity.WARNING)
            for part in unaddressed_comments(moderation)]


def _auditor_judgement_when_moderated(document: Mapping[str, Any], moderation: Mapping[str, Any],
                                      item_id: str) -> Any:
    """The auditor's judgement as it stood when moderated: the record's copy if it kept one;
    otherwise the answer, unless the auditor has finished or begun finishing (the audit is final,
    or the record holds their responses): they may have taken the moderator's judgement."""
    kept = moderation.get("auditor_judgements")
    if isinstance(kept, Mapping) and item_id in kept:
        return kept[item_id]
    if document.get("status") == "final" or moderation.get("responses"):
        return None
    answers = document.get("answers")
    return _auditor_judgement(answers.get(item_id)) if isinstance(answers, Mapping) else None


def _option_label(definition: Definition, node: Question | Section, option: Any) -> str:
    judgement = node.judgement if isinstance(node, Question) else (node.overall.judgement if node.overall else None)
    scale = definition.index.scales.get(judgement.scale) if judgement else None
    found = scale.option(str(option)) if scale else None
    return f"“{found.label}”" if found else "this grade"


def _auditor_judgement(answer: Any) -> Any:
    return answer.get("judgement") if isinstance(answer, Mapping) else None
