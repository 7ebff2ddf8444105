"""What a rule reaches, from the definition alone: the parts it names relative to a question,
section or row, the questions or sections a ``for_each`` rule visits, and the scale a part's
judgement is on. The evaluator and the rule schema (which proves rules with JSON Schema)
both ask here, so they can never disagree about where a rule applies."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from auditforms.model.conditions import condition_refs
from auditforms.model.definition import Question, Rule, Section


def relative_parts(rule: Rule) -> set[str]:
    """The parts a rule names relative to what it visits (``.evidence`` → ``evidence``)."""
    conditions = [rule.assert_] + ([rule.when] if rule.when else [])
    refs = [r for c in conditions for r in condition_refs(c)] + ([rule.at] if rule.at else [])
    return {r[1:] for r in refs if r.startswith(".")}


def question_parts(question: Question) -> set[str]:
    parts = {n.id for n in question.narratives}
    if question.judgement:
        parts.add("judgement")
    return parts


def section_parts(section: Section) -> set[str]:
    parts = {"not_relevant"} if section.optional else set()
    if section.overall:
        parts |= {n.id for n in section.overall.narratives}
        if section.overall.judgement:
            parts.add("judgement")
    return parts


def rule_owners(rule: Rule, questions: Iterable[Question], sections: Iterable[Section]) -> tuple[str, ...]:
    """The questions (or, for ``for_each: section``, the sections) a ``for_each`` rule may
    visit: those with every part it names (and its tag), whatever the answers."""
    parts = relative_parts(rule)
    if rule.for_each == "section":
        return tuple(s.id for s in sections if parts <= section_parts(s))
    return tuple(q.id for q in questions if parts <= question_parts(q)
                 and not (rule.tagged and rule.tagged not in q.tags))


def judgement_scale(node: Any) -> str | None:
    """The scale of a question's judgement or a section's overall judgement, if it has one."""
    if isinstance(node, Question) and node.judgement:
        return node.judgement.scale
    if isinstance(node, Section) and node.overall and node.overall.judgement:
        return node.overall.judgement.scale
    return None


def selected_judgements(index: Any, owner: str | None, scale: str | None, kind: str) -> tuple[str, ...]:
    """The judgement references a ``better_than_all``/``worse_than_all`` selector names: every
    question (``questions``), every section's overall judgement (``sections``) or both (``all``)
    graded on ``scale``, in document order, apart from ``owner``'s own."""
    refs = []
    for item_id in index.order:
        node = index.node(item_id)
        wanted = (isinstance(node, Question) and kind in ("questions", "all")) or (
            isinstance(node, Section) and kind in ("sections", "all"))
        if wanted and item_id != owner and judgement_scale(node) == scale:
            refs.append(f"{item_id}.judgement")
    return tuple(refs)
