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
from auditforms.model.definition import Definition, DefinitionIndex, FieldItem

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
    #: the final answer of each checklist criterion (YES / NO / N/A), as the reader's criteria
    criteria: tuple[str | None, ...] = ()
    #: the audit date as a date (the workbook's ``audit_date``), when the answer is one
    audit_date: dt.date | None = None


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if is_mapping(value) else {}


def is_mapping(value: Any) -> bool:
    """``isinstance(value, Mapping)``, answered at once for the dicts a parsed document holds
    (the abstract base class's check costs more than the rest of reading a judgement)."""
    return type(value) is dict or isinstance(value, Mapping)


#: characters no report can show: controls (a BEL pasted into a team's name stopped the Word paper,
#: whose XML cannot hold it, and reached the terminal through matplotlib's warning), surrogates
_UNSHOWABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def shown_text(value: str) -> str:
    """Text from an answer as the report shows it: without characters no page can hold."""
    return _UNSHOWABLE.sub("", value)


def _text(value: Any) -> str:
    return " ".join(shown_text(str(value)).split()) if isinstance(value, str | int) else ""


def date_of(value: Any) -> dt.date | None:
    """An ISO date answer (``2026-10-12``) as a date; ``None`` for anything else."""
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def month_of(value: Any) -> str | None:
    match = _MONTH.match(value) if isinstance(value, str) else None
    return match.group(1) if match else None


class RecordReader:
    """Reads records of one definition; what it looks up in the definition it looks up once."""

    def __init__(self, definition: Definition, parts: tuple[JudgedPart, ...],
                 criteria: tuple[JudgedPart, ...] = ()) -> None:
        self.parts = parts
        self.criteria = criteria
        self.roles = {role: _role_field(definition, role)
                      for role in ("child_id", "audit_date", "team", "strand", "age_band")}

    def read(self, document: Mapping[str, Any], fallback_id: str,
             sample_row: Mapping[str, str] | None = None) -> AuditRecord:
        """The record of a completed audit (any version); ``sample_row`` adds what only the
        sample knows (area of service) and fills what the audit left blank."""
        answers = _mapping(document.get("answers"))
        moderation = _mapping(document.get("moderation"))
        status = str(document.get("status"))
        moderated = status in ("moderated", "final") and bool(moderation)
        before = _mapping(moderation.get("auditor_judgements")) if moderated else {}
        moved = _mapping(moderation.get("judgements")) if moderated else {}
        audit_date = self.roles["audit_date"].answer(answers)
        return AuditRecord(
            audit_id=_text(document.get("audit_id")) or fallback_id,
            child_id=_text(self.roles["child_id"].answer(answers)),
            month=month_of(audit_date),
            version=str(_mapping(document.get("definition")).get("version", "")),
            status=status,
            moderated=moderated,
            judgements=tuple([_judgement(p.answer(answers), before.get(p.id), moved.get(p.id), status, moderated)
                              for p in self.parts]),
            dimensions=self._dimensions(answers, sample_row or {}),
            checklist=_checklist(moderation) if moderated else {},
            submitted_on=_submitted_on(document),
            criteria=tuple(_judgement(c.answer(answers), before.get(c.id), moved.get(c.id), status, moderated).final
                           for c in self.criteria),
            audit_date=date_of(audit_date),
        )

    def order(self, dimension: str) -> tuple[str, ...]:
        """The labels of a dimension in the definition's order (age bands youngest first, as the
        tool lists them); empty for a dimension of free text (team, area of service)."""
        field = self.roles.get(dimension)
        return tuple(field.labels.values()) if field is not None else ()

    def _dimensions(self, answers: Mapping[str, Any], sample: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
        return {
            "team": self.roles["team"].labels_of(answers) or _one(sample.get("team")),
            "area": _one(sample.get("area")),
            "strand": self.roles["strand"].labels_of(answers) or _one(sample.get("strand")),
            "age_band": self.roles["age_band"].labels_of(answers) or _one(sample.get("age_band")),
        }


@dataclass(frozen=True)
class RoleField:
    """The field given a role (or a compound field's part: ``<field id>.<part id>``), and its
    options' labels (empty for a text field)."""

    role: str
    index: DefinitionIndex
    labels: Mapping[str, str]

    def answer(self, answers: Mapping[str, Any]) -> Any:
        return self.index.role_answer(answers, self.role)

    def labels_of(self, answers: Mapping[str, Any]) -> tuple[str, ...]:
        value = self.answer(answers)
        values = [_text(v) for v in (value if isinstance(value, list) else [value])]
        return tuple(dict.fromkeys(self.labels.get(v, v) for v in values if v))


def _role_field(definition: Definition, role: str) -> RoleField:
    node = definition.index.role_node(role)
    labels = {o.id: o.label for o in node.answer_options} if isinstance(node, FieldItem) else {}
    return RoleField(role, definition.index, labels)


def _judgement(answer: str | None, before: Any, moved: Any, status: str, moderated: bool) -> PartJudgement:
    auditor = before if isinstance(before, str) and moderated else answer
    if not moderated:
        return PartJudgement(auditor, None, auditor)
    moderator = moved if isinstance(moved, str) else auditor
    return PartJudgement(auditor, moderator, answer if status == "final" else moderator)


def _one(value: str | None) -> tuple[str, ...]:
    text = _text(value)
    return (text,) if text else ()


def _checklist(moderation: Mapping[str, Any]) -> dict[str, dict[str, bool]]:
    out: dict[str, dict[str, bool]] = {}
    for part, items in _mapping(moderation.get("checklist")).items():
        marks = {str(k): v for k, v in _mapping(items).items() if isinstance(v, bool)}
        if marks:
            out[str(part)] = marks
    return out


def _submitted_on(document: Mapping[str, Any]) -> dt.date | None:
    """When the audit came back (:func:`auditforms.moderation.lifecycle.returned_on`): its first
    ``submitted`` step, never the later save of a moderated or final file."""
    from auditforms.moderation.lifecycle import returned_on

    return returned_on(document)
