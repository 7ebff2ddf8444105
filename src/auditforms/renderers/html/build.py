"""Builds the page's view model from a definition and its pre-filled answers."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from markupsafe import Markup

from auditforms.english import long_date
from auditforms.model.definition import (
    Checklist,
    Consideration,
    Definition,
    Heading,
    Item,
    Presentation,
    Question,
    Section,
    StaticText,
    SubSection,
    Table,
)
from auditforms.renderers.facts import audit_facts, completer, lookback_for
from auditforms.renderers.html.build_fields import FieldBuilder
from auditforms.renderers.html.build_layout import ChecklistBuilder, printed, side_by_side
from auditforms.renderers.html.describe import only_if
from auditforms.renderers.html.markdown import markdown
from auditforms.renderers.html.rubric import links_html
from auditforms.renderers.html.views import (
    ItemView,
    OverallView,
    PageView,
    QuestionView,
    ReferenceView,
    SectionView,
    StatementView,
    dom_id,
)


def _consideration(consideration: Consideration) -> Markup:
    text = consideration.text or ""
    bullets = "\n".join(f"- {item}" for item in consideration.items)
    return markdown(f"{text}\n{bullets}" if text else bullets)


def _part(value: Any, key: str) -> Any:
    return value.get(key) if isinstance(value, Mapping) else None


def question_heading(question: Question, presentation: Presentation | None = None) -> str:
    """A heading for every question: its number and title, else its short title or prompt."""
    name = question.title or question.short_title or question.prompt_lead or question.id
    return (presentation or Presentation()).numbered(question.number, name)


def _short_heading(question: Question, presentation: Presentation) -> str:
    """For the contents list: "1. Risk" where the question has a short title."""
    if not question.short_title:
        return question_heading(question, presentation)
    return presentation.numbered(question.number, question.short_title)


class PageBuilder:
    def __init__(self, definition: Definition, answers: Mapping[str, Any]) -> None:
        self.definition = definition
        self.answers = answers
        self.fields = FieldBuilder(definition, answers)
        self.checklists = ChecklistBuilder(definition, answers, self.fields)
        self.presentation = definition.presentation

    def question(self, question: Question, level: int) -> QuestionView:
        value = self.answers.get(question.id)
        prompt_is_heading = not (question.title or question.short_title)
        return QuestionView(
            item_id=question.id, dom_id=dom_id(question.id),
            heading=question_heading(question, self.presentation),
            short_heading=_short_heading(question, self.presentation),
            level=level, prompt=markdown(question.prompt_after_lead if prompt_is_heading else question.prompt),
            considerations=tuple(_consideration(c) for c in question.considerations),
            guidance=markdown(question.guidance),
            judgement=(self.fields.judgement(question.id, question.judgement, _part(value, "judgement"))
                       if question.judgement else None),
            narratives=tuple(self.fields.narrative(question.id, n, _part(value, n.id))
                             for n in question.narratives),
            parts=tuple(self.question(p, min(level + 1, 6)) for p in question.parts),
            see=self.fields.links(question.see), only_if=only_if(self.definition, question.when),
            fields=tuple(self.fields.field(f) for f in question.fields), order=question.part_order(),
            guides=links_html(question.links),
            tags=question.tags if self.definition.show_tags else (),
        )

    def item(self, item: Item, level: int = 3) -> ItemView:
        if isinstance(item, SubSection):
            return self.section(item, level)
        if isinstance(item, Question):
            return self.question(item, level)
        if isinstance(item, Table):
            return self.fields.table(item)
        if isinstance(item, Heading | StaticText):
            return printed(item, level)
        if isinstance(item, Checklist):
            return self.checklists.checklist(item, level)
        return self.fields.field(item)

    def section(self, section: Section, level: int = 2) -> SectionView:
        value = self.answers.get(section.id)
        overall = None
        if section.overall:
            o = section.overall
            overall = OverallView(
                title=o.title,
                judgement=(self.fields.judgement(section.id, o.judgement, _part(value, "judgement"))
                           if o.judgement else None),
                narratives=tuple(self.fields.narrative(section.id, n, _part(value, n.id))
                                 for n in o.narratives),
            )
        inner = min(level + 1, 6)
        heading = self.presentation.numbered(section.number, section.title)
        return SectionView(
            item_id=section.id, dom_id=dom_id(section.id),
            number=self.presentation.number(section.number) if section.number else None, title=section.title,
            intro=markdown(section.intro), guidance=markdown(section.guidance),
            completed_by=completer(self.definition, section.completed_by), optional=section.optional,
            not_relevant_label=section.not_relevant_label,
            not_relevant=_part(value, "not_relevant") is True,
            items=side_by_side([self.item(i, inner) for i in section.items], section.fields_per_row),
            overall=overall, see=self.fields.links(section.see), only_if=only_if(self.definition, section.when),
            show_title=section.show_title, level=level,
            heading=heading if level > 2 else None, short_heading=heading if level > 2 else None,
            guides=links_html(section.links),
        )

    def page(self, audit_id: str | None, due_date: date | None = None,
             audit_type: str | None = None) -> PageView:
        d = self.definition
        lookback = None
        chosen = lookback_for(d, audit_type)
        if chosen:
            months = chosen.months
            lookback = f"{months} month{'s' if months != 1 else ''}"
        return PageView(
            title=d.title, version=d.version, publisher=d.publisher,
            description=markdown(d.description),
            marking_label=d.marking.label if d.marking else None,
            marking_warning=d.marking.warning if d.marking else None,
            lookback=lookback, lookback_description=chosen.description if chosen else None,
            completion_days=d.completion_days, guidance=markdown(d.guidance), audit_id=audit_id,
            sections=tuple(self.section(s) for s in d.sections),
            references=tuple(
                ReferenceView(r.title, r.source, tuple(
                    StatementView(f"statement-{s.id}", s.title, s.intro, s.paragraphs)
                    for s in r.statements))
                for r in d.references
            ),
            prefilled=bool(self.answers),
            due_date=long_date(due_date) if due_date else None,
            version_label=d.lineage.label if d.lineage else None,
            version_control=tuple((r.date or "", r.label, r.changes or "")
                                  for r in (d.lineage.version_control if d.lineage else ())),
            facts=audit_facts(d, audit_type), moderated=d.moderated_at_all,
        )


def build_page(definition: Definition, answers: Mapping[str, Any], audit_id: str | None = None,
               due_date: date | None = None, audit_type: str | None = None) -> PageView:
    return PageBuilder(definition, answers).page(audit_id, due_date, audit_type)
