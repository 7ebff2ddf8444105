"""One completed audit reduced to what the report counts (pure; never keeps answer text).

The judgement that counts is the final one. For each judged part:

* the auditor's is ``moderation.auditor_judgements[part]`` when the audit carries it (the
  judgements as they stood when moderated), else the answer;
* the moderator's is ``moderation.judgements[part]`` where the moderator disagreed, else
  (the part agreed, or not moved) the auditor's;
* the final one is the answer of a ``final`` audit (the auditor has finalised it after
  moderation), the moderator's of a ``moderated`` one and the auditor's of a ``submitted``
  one. Drafts are not counted.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from auditforms.collation.parts import JudgedPart
from auditforms.model.definition import Definition, FieldItem

BASES = ("final", "moderated", "submitted")
DIMENSIONS = (("team", "Team"), ("area", "Area of service"), ("strand", "Strand"), ("age_band", "Age band"))
_MONTH = re.compile(r"^(\d{4}-(0[1-9]|1[0-2]))")


@dataclass(frozen=True)
class PartJudgement:
    auditor: str | None
    moderator: str | None
    final: str | None


@dataclass(frozen=True)
class AuditRecord:
    audit_id: str
    child_id: str
    month: str | None
    version: str
    status: str
    moderated: bool
    judgements: tuple[PartJudgement, ...]
    dimensions: Mapping[str, tuple[str, ...]]
    checklist: Mapping[str, Mapping[str, bool]]
    submitted_on: dt.date | None


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _text(value: Any) -> str:
    return " ".join(str(value).split()) if isinstance(value, str | int) else ""


def month_of(value: Any) -> str | None:
    match = _MONTH.match(value) if isinstance(value, str) else None
    return match.group(1) if match else None


def read_record(definition: Definition, parts: tuple[JudgedPart, ...], document: Mapping[str, Any],
                fallback_id: str, sample_row: Mapping[str, str] | None = None) -> AuditRecord:
    """The record of a completed audit of ``definition`` (any version); ``sample_row`` adds
    what only the sample knows (area of service) and fills what the audit left blank."""
    answers = _mapping(document.get("answers"))
    moderation = _mapping(document.get("moderation"))
    status = str(document.get("status"))
    moderated = status in ("moderated", "final") and bool(moderation)
    return AuditRecord(
        audit_id=_text(document.get("audit_id")) or fallback_id,
        child_id=_text(_role(definition, answers, "child_id")),
        month=month_of(_role(definition, answers, "audit_date")),
        version=str(_mapping(document.get("definition")).get("version", "")),
        status=status,
        moderated=moderated,
        judgements=tuple(_judgement(p, answers, moderation, status, moderated) for p in parts),
        dimensions=_dimensions(definition, answers, sample_row or {}),
        checklist=_checklist(moderation) if moderated else {},
        submitted_on=_submitted_on(document),
    )


def _role(definition: Definition, answers: Mapping[str, Any], role: str) -> Any:
    field_id = definition.index.by_role(role)
    return answers.get(field_id) if field_id else None


def _judgement(part: JudgedPart, answers: Mapping[str, Any], moderation: Mapping[str, Any],
               status: str, moderated: bool) -> PartJudgement:
    answer = part.answer(answers)
    before = _mapping(moderation.get("auditor_judgements")).get(part.id)
    auditor = before if isinstance(before, str) and moderated else answer
    if not moderated:
        return PartJudgement(auditor, None, auditor)
    moved = _mapping(moderation.get("judgements")).get(part.id)
    moderator = moved if isinstance(moved, str) else auditor
    return PartJudgement(auditor, moderator, answer if status == "final" else moderator)


def _dimensions(definition: Definition, answers: Mapping[str, Any],
                sample: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    return {
        "team": _labels(definition, answers, "team") or _one(sample.get("team")),
        "area": _one(sample.get("area")),
        "strand": _labels(definition, answers, "strand") or _one(sample.get("strand")),
        "age_band": _labels(definition, answers, "age_band") or _one(sample.get("age_band")),
    }


def _one(value: str | None) -> tuple[str, ...]:
    text = _text(value)
    return (text,) if text else ()


def _labels(definition: Definition, answers: Mapping[str, Any], role: str) -> tuple[str, ...]:
    """The answer of the field with ``role``, as option labels where it has options."""
    field_id = definition.index.by_role(role)
    node = definition.index.node(field_id) if field_id else None
    value = answers.get(field_id) if field_id else None
    values = [v for v in (value if isinstance(value, list) else [value]) if _text(v)]
    if not isinstance(node, FieldItem):
        return tuple(_text(v) for v in values)
    labels = {o.id: o.label for o in node.answer_options}
    return tuple(dict.fromkeys(labels.get(_text(v), _text(v)) for v in values))


def _checklist(moderation: Mapping[str, Any]) -> dict[str, dict[str, bool]]:
    out: dict[str, dict[str, bool]] = {}
    for part, items in _mapping(moderation.get("checklist")).items():
        marks = {str(k): v for k, v in _mapping(items).items() if isinstance(v, bool)}
        if marks:
            out[str(part)] = marks
    return out


def _submitted_on(document: Mapping[str, Any]) -> dt.date | None:
    """When the audit came back: its first ``submitted`` event, else when the form saved it."""
    history = document.get("history")
    stamps = [e.get("at") for e in history if isinstance(e, Mapping) and e.get("event") == "submitted"] \
        if isinstance(history, list) else []
    stamps.append(_mapping(document.get("source")).get("saved_at"))
    for stamp in stamps:
        if isinstance(stamp, str) and len(stamp) >= 10:
            try:
                return dt.date.fromisoformat(stamp[:10])
            except ValueError:
                continue
    return None
