"""Helpers for the shipped-definition tests: finding, loading and reading the texts of tools."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from seed_wording import normalise

from auditforms.model.definition import Definition, FieldItem, Question, Section, Table

ROOT = Path(__file__).resolve().parents[2]
DEFINITIONS = ROOT / "definitions"
REFERENCES = DEFINITIONS / "reference"

DEFINITION_FILES = sorted(DEFINITIONS.glob("*.yaml"))
REFERENCE_FILES = sorted(REFERENCES.glob("*.yaml"))


@cache
def load(tool_id: str) -> Definition:
    """The shipped tool ``tool_id``, loaded once per test run (definitions are immutable)."""
    from auditforms.api import load_definition

    return load_definition(DEFINITIONS / f"{tool_id}.yaml")


def question_pieces(question: Question) -> list[str]:
    """A question's own words in reading order: title, prompt, then each consideration."""
    pieces = [question.title, question.prompt]
    for consideration in question.considerations:
        pieces.append(consideration.text)
        pieces.extend(consideration.items)
    return [normalise(p) for p in pieces if p]


def texts(definition: Definition) -> list[str]:
    """Every piece of wording a person filling in the tool can see, whitespace-normalised."""
    out: list[str | None] = [definition.title, definition.description, definition.guidance]
    if definition.marking:
        out += [definition.marking.label, definition.marking.warning]
    if definition.lookback:
        out.append(definition.lookback.description)
    for scale in definition.scales:
        out += [scale.title, *(o.label for o in scale.options)]
        if scale.not_applicable:
            out.append(scale.not_applicable.label)
    for entry in definition.index.entries.values():
        out += _node_texts(entry.node)
    return [normalise(t) for t in out if t]


def _node_texts(node: object) -> list[str | None]:
    if isinstance(node, Section):
        out = [node.title, node.intro, node.guidance]
        if node.overall:
            out.append(node.overall.title)
            out += [n.label for n in node.overall.narratives]
            if node.overall.judgement:
                out.append(node.overall.judgement.label)
        return out
    if isinstance(node, Question):
        out = [*question_pieces(node), node.guidance, *(n.label for n in node.narratives)]
        out += [n.hint for n in node.narratives]
        if node.judgement:
            out += [node.judgement.label, node.judgement.hint]
        return out
    if isinstance(node, Table):
        out = [node.title, node.prompt, node.hint, node.row_header]
        out += [c.label for c in node.columns] + [c.hint for c in node.columns]
        return out + [r.label for r in node.rows]
    if isinstance(node, FieldItem):
        return [node.label, node.hint, *(o.label for o in node.answer_options)]
    return []
