"""A resolved definition as a readable outline for the terminal (``auditforms show``)."""

from __future__ import annotations

from collections.abc import Iterator

from auditforms.model.definition import (
    Checklist,
    Definition,
    Heading,
    Item,
    Question,
    Rule,
    Scale,
    Section,
    StaticText,
    SubSection,
    Table,
)
from auditforms.model.describe import describe_condition
from auditforms.rules.implicit import implicit_rules


def outline(definition: Definition) -> str:
    return "\n".join(_lines(definition)) + "\n"


def _lines(d: Definition) -> Iterator[str]:
    yield f"{d.title}  ({d.id} {d.version})"
    if d.based_on:
        yield f"  extends: {' <- '.join(d.based_on)}"
    if d.publisher:
        yield f"  publisher: {d.publisher}"
    if d.marking:
        yield f"  marking: {d.marking.label}"
    if d.lookback:
        yield f"  looks back: {d.lookback.months} months"
    if d.completion_days:
        yield f"  to complete within: {d.completion_days} days"
    if d.references:
        yield f"  references: {', '.join(r.title for r in d.references)}"
    yield ""
    yield "Scales"
    for scale in d.scales:
        yield f"  {scale.id}: {_scale(scale)}"
    for section in d.sections:
        yield ""
        yield from _section(d, section)
    yield ""
    yield "Rules"
    for rule in d.rules:
        yield from _rule(d, rule)
    implicit = implicit_rules(d)
    yield f"  (+ {len(implicit)} implied by required fields, judgements and table limits)"


def _scale(scale: Scale) -> str:
    if scale.is_checklist:
        return " | ".join(o.label for o in scale.options) + "; a checklist answer, not a grade"
    options = " | ".join(f"{o.label} ({o.value:g})" if o.value is not None else o.label for o in scale.options)
    na = f" | {scale.not_applicable.label} (not a grade)" if scale.not_applicable else ""
    return f"{options}{na}; best is {scale.best}"


def _section(d: Definition, section: Section) -> Iterator[str]:
    number = f"{section.number}. " if section.number else ""
    flags = []
    if section.completed_by:
        flags.append("completed centrally before distribution" if section.completed_by == "central"
                     else f"completed by the {section.completed_by}")
    if section.optional:
        flags.append("may be marked not relevant")
    yield from _section_body(d, section, f"{number}{section.title}  [{section.id}]", flags, "")


def _section_body(d: Definition, section: Section, head: str, flags: list[str], indent: str) -> Iterator[str]:
    yield f"{indent}{head}" + (f"  ({'; '.join(flags)})" if flags else "")
    if section.when:
        yield f"{indent}  shown only if {describe_condition(d, section.when)}"
    for item in section.items:
        yield from _item(d, item, indent + "  ")
    if section.overall:
        judgement = f" graded on {section.overall.judgement.scale}" if section.overall.judgement else ""
        narratives = ", ".join(n.id for n in section.overall.narratives)
        yield f"{indent}  overall: {section.overall.title}{judgement}" + (f"; {narratives}" if narratives else "")


def _item(d: Definition, item: Item, indent: str) -> Iterator[str]:
    if isinstance(item, SubSection):
        number = f"{item.number} " if item.number else ""
        flags = ["may be marked not relevant"] if item.optional else []
        yield from _section_body(d, item, f"sub-section {number}{item.title}  [{item.id}]", flags, indent)
        return
    if isinstance(item, Heading | StaticText):
        yield f"{indent}{'heading' if isinstance(item, Heading) else 'text'}: {_clip(item.text)}"
        return
    if isinstance(item, Checklist):
        yield f"{indent}checklist {_clip(item.title or item.id)}  [{item.id}]  (answered on {item.scale})"
        for criterion in item.criteria:
            yield from _item(d, criterion, indent + "  ")
        return
    if isinstance(item, Question):
        label = item.title or item.short_title or item.prompt_lead
        number = f"Q{item.number} " if item.number else ""
        yield f"{indent}{number}{_clip(label)}  [{item.id}]"
        parts = ([f"judgement on {item.judgement.scale}"] if item.judgement else []) + [
            n.id + _required(n.required) for n in item.narratives]
        if parts:
            yield f"{indent}    answers: {', '.join(parts)}"
        if item.tags:
            yield f"{indent}    tags: {', '.join(item.tags)}"
        for part in item.parts:
            yield from _item(d, part, indent + "  ")
        for field_ in item.fields:
            yield from _item(d, field_, indent + "  ")
    elif isinstance(item, Table):
        rows = f"{len(item.rows)} fixed rows" if item.rows else f"rows {item.min_rows}-{item.max_rows or 'any'}"
        columns = ", ".join(c.id for c in item.columns)
        yield f"{indent}table {_clip(item.title)}  [{item.id}]  ({rows}; columns: {columns})"
    else:
        extra: list[str] = [item.type + (f" in {item.unit}" if item.unit else "")]
        extra += [item.completed_by] if item.completed_by else []
        extra += [f"role {item.role}"] if item.role else []
        extra += ["required"] if item.required else []
        yield f"{indent}{_clip(item.label)}  [{item.id}]  ({', '.join(extra)})"
        for option_id, follow_up in item.follow_ups():
            yield f"{indent}  if {option_id}: {_clip(follow_up.label)}  [{follow_up.id}]  ({follow_up.type})"
        for labelled in item.parts:  # a compound field's labelled answers, with their roles
            role = f", role {labelled.role}" if labelled.role else ""
            yield f"{indent}  part {_clip(labelled.label)}  [{item.id}.{labelled.id}]  ({labelled.type}{role})"
    if item.when:
        yield f"{indent}    shown only if {describe_condition(d, item.when)}"


def _required(required: bool | str) -> str:
    """How a narrative's ``required`` reads after its id in the outline."""
    return " (required when graded)" if required == "when_graded" else " (required)" if required else ""


def _rule(d: Definition, rule: Rule) -> Iterator[str]:
    scope = ""
    if rule.for_each == "question":
        scope = " for each question" + (f" tagged {rule.tagged}" if rule.tagged else "")
    elif rule.for_each == "section":
        scope = " for each section with an overall judgement"
    elif rule.for_each is not None:
        scope = f" for each row of {rule.for_each.rows}"
    yield f"  {rule.id} ({rule.severity}{scope}): {rule.message}"


def _clip(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
