"""Building the completed audit's ``answers`` (and ``moderation``) from matched controls."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from auditforms.extract.reader import Control
from auditforms.extract.slots import Slot, slot_for
from auditforms.extract.values import read_value
from auditforms.model.definition import Definition
from auditforms.renderers.docx.naming import MODERATION
from auditforms.rules import Evaluator


@dataclass
class Assembled:
    answers: dict[str, Any] = field(default_factory=dict)
    #: The moderation controls' values by tag after ``_moderation.`` (see :mod:`.moderation`).
    moderation: dict[str, Any] = field(default_factory=dict)
    doubtful: list[str] = field(default_factory=list)
    hidden: list[str] = field(default_factory=list)


def assemble(definition: Definition, controls: dict[str, Control], tables: dict[str, Any]) -> Assembled:
    out = Assembled()
    chosen: dict[str, set[str]] = {}
    for tag, control in controls.items():
        slot = slot_for(definition, tag)
        if slot is None:
            continue
        read = read_value(slot, control)
        if read.doubtful:
            out.doubtful.append("/".join(p for p in (slot.owner, slot.part) if p))
        _put(out, slot, read.value, chosen)
    for owner, options in chosen.items():
        field_options = slot_for(definition, f"{owner}.{next(iter(options))}")
        order = [o.id for o in field_options.options] if field_options else sorted(options)
        out.answers[owner] = [o for o in order if o in options]
    out.answers.update({k: v for k, v in tables.items() if v is not None})
    out.answers = _in_document_order(definition, out.answers)
    _note_hidden(definition, out)
    return out


def _put(out: Assembled, slot: Slot, value: Any, chosen: dict[str, set[str]]) -> None:
    if slot.owner == MODERATION:  # unticked checklist boxes count (see extract.moderation)
        if value is not None:
            out.moderation[slot.part or ""] = value
        return
    if value is None or value is False:
        return
    if slot.type == "flag" and slot.option is not None:
        chosen.setdefault(slot.owner, set()).add(slot.option)
    elif slot.part is None:
        out.answers[slot.owner] = value
    else:
        out.answers.setdefault(slot.owner, {})[slot.part] = value


def _in_document_order(definition: Definition, answers: dict[str, Any]) -> dict[str, Any]:
    rank = {id_: i for i, id_ in enumerate(definition.index.order)}
    return dict(sorted(answers.items(), key=lambda kv: rank.get(kv[0], len(rank))))


def _note_hidden(definition: Definition, out: Assembled) -> None:
    """Note answers to parts that do not apply. They are kept (nothing the auditor wrote is
    lost, and the question deciding it may simply be unanswered); ``check`` ignores them."""
    evaluator = Evaluator(definition)
    for key, value in out.answers.items():
        marked_not_relevant = isinstance(value, dict) and value.get("not_relevant") is True
        if not evaluator.shown(out.answers, key) or (marked_not_relevant and len(value) > 1):
            out.hidden.append(key)
