"""Answers to parts the audit does not show are reported, never dropped silently.

A question hidden by its condition, a follow-up whose option was not chosen, or a section
marked not relevant may still hold answers (typed before the answer that hides them changed,
or written by another program). Reports and rules ignore them, so the auditor and the
moderator are told, in the tool's words, why each is not counted. Never quotes an answer.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from auditforms.diagnostics import Diagnostic, Severity
from auditforms.model.definition import Definition, Section
from auditforms.model.describe import describe_condition, describe_ref
from auditforms.results.naming import Namer
from auditforms.rules.values import is_answered


def hidden_answer_findings(definition: Definition, shown: Callable[[str], bool], answers: Mapping[str, Any],
                           namer: Namer, file: str) -> list[Diagnostic]:
    """One warning (AF670) per answered part that is not shown, in document order; ``shown``
    is the evaluator's visibility for this audit."""
    out: list[Diagnostic] = []
    for item_id in _hideable(definition):
        value = answers.get(item_id)
        if not is_answered(value):
            continue
        if not shown(item_id):
            out.append(_warning(namer.item(item_id), _why(definition, item_id, answers, shown),
                                f"/answers/{item_id}", file))
        elif isinstance(value, Mapping) and _marked_not_relevant(definition, item_id, value):
            node = definition.index.node(item_id)
            assert isinstance(node, Section)
            for part, part_value in value.items():
                if part != "not_relevant" and is_answered(part_value):
                    out.append(_warning(f"{namer.item(item_id)}: {namer.part(item_id, part)}",
                                        f"the section is marked “{node.not_relevant_label}”",
                                        f"/answers/{item_id}/{part}", file))
    return out


_HIDEABLE: dict[int, tuple[Definition, tuple[str, ...]]] = {}


def _hideable(definition: Definition) -> tuple[str, ...]:
    """The parts, in document order, that some answers could hide (or mark not relevant):
    the others are always shown, so a batch never asks about them. Kept per definition."""
    cached = _HIDEABLE.get(id(definition))
    if cached is None or cached[0] is not definition:
        index = definition.index
        fixed: dict[str, bool] = {}

        def always(item_id: str) -> bool:
            if item_id not in fixed:
                fixed[item_id] = False  # a cycle: may hide
                entry = index.entries[item_id]
                section = entry.section
                inside = entry.node is not section
                fixed[item_id] = not entry.conditions and not entry.revealed_by and (
                    not inside or (always(section.id) and not section.optional)) and (
                    not entry.parent_id or entry.parent_id == section.id or always(entry.parent_id))
            return fixed[item_id]

        hideable = tuple(i for i in index.order if not always(i) or (
            isinstance(index.node(i), Section) and getattr(index.node(i), "optional", False)))
        if len(_HIDEABLE) > 32:
            _HIDEABLE.clear()
        cached = _HIDEABLE[id(definition)] = (definition, hideable)
    return cached[1]


def _warning(where: str, why: str, pointer: str, file: str) -> Diagnostic:
    return Diagnostic("AF670", f"{where}: answered, but not shown in this audit because {why}; the "
                      "answer is kept but not counted", file=file, pointer=pointer, severity=Severity.WARNING)


def _marked_not_relevant(definition: Definition, item_id: str, value: Any) -> bool:
    node = definition.index.node(item_id)
    return isinstance(node, Section) and node.optional and isinstance(value, Mapping) \
        and value.get("not_relevant") is True


def _why(definition: Definition, item_id: str, answers: Mapping[str, Any], shown: Callable[[str], bool]) -> str:
    entry = definition.index.entries[item_id]
    section = entry.section
    if entry.node is not section and not shown(section.id):
        return f"its section “{section.title}” is not shown"
    if entry.node is not section and _marked_not_relevant(definition, section.id, answers.get(section.id)):
        return f"its section is marked “{section.not_relevant_label}”"
    if entry.parent_id and entry.parent_id != section.id and not shown(entry.parent_id):
        return f"{describe_ref(definition, entry.parent_id)} is not shown"
    if entry.revealed_by:
        owner, option = entry.revealed_by
        node = definition.index.node(owner)
        label = next((o.label for o in getattr(node, "answer_options", ()) if o.id == option), option)
        return f"it is asked only when {describe_ref(definition, owner)} is “{label}”"
    conditions = [describe_condition(definition, c) for c in entry.conditions]
    return "it is asked only when " + " and ".join(conditions) if conditions else "it is not shown"

