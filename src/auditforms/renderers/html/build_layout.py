"""View models of the layout items: headings and static text, checklists drawn as a grid, and
runs of short fields printed side by side."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from markupsafe import Markup, escape

from auditforms.model.definition import Checklist, Definition, Heading, Question, StaticText
from auditforms.renderers.html.build_fields import FieldBuilder
from auditforms.renderers.html.describe import only_if
from auditforms.renderers.html.markdown import markdown
from auditforms.renderers.html.views import (
    ChecklistView,
    CriterionView,
    FieldRowView,
    FieldView,
    ItemView,
    PrintedView,
    dom_id,
)


def printed(item: Heading | StaticText, level: int) -> PrintedView:
    if isinstance(item, Heading):
        return PrintedView("heading", item.id, dom_id(item.id), Markup(escape(item.text)), level)
    return PrintedView("text", item.id, dom_id(item.id), markdown(item.text), level)


def side_by_side(views: Sequence[ItemView], per_row: int) -> tuple[ItemView, ...]:
    """Each run of consecutive fields gathered into one row group of ``per_row`` columns."""
    if per_row <= 1:
        return tuple(views)
    out: list[ItemView] = []
    run: list[FieldView] = []
    for view in views:
        if isinstance(view, FieldView):
            run.append(view)
            continue
        if run:
            out.append(FieldRowView(tuple(run), per_row))
            run = []
        out.append(view)
    if run:
        out.append(FieldRowView(tuple(run), per_row))
    return tuple(out)


class ChecklistBuilder:
    """A checklist's grid: one row per criterion with its options and evidence box."""

    def __init__(self, definition: Definition, answers: Mapping[str, Any], fields: FieldBuilder) -> None:
        self.definition = definition
        self.answers = answers
        self.fields = fields

    def checklist(self, checklist: Checklist, level: int) -> ChecklistView:
        scale = self.definition.scale(checklist.scale)
        evidence = checklist.evidence
        return ChecklistView(
            item_id=checklist.id, dom_id=dom_id(checklist.id), title=checklist.title,
            prompt=markdown(checklist.prompt), criterion_header=checklist.criterion_header,
            answer_header=scale.title or "Answer",
            evidence_header=evidence.label if evidence else None,
            rows=tuple(self._row(c) for c in checklist.criteria), level=level,
            only_if=only_if(self.definition, checklist.when),
        )

    def _row(self, criterion: Question) -> CriterionView:
        value = self.answers.get(criterion.id)
        given = value if isinstance(value, Mapping) else {}
        judgement = criterion.judgement
        narrative = criterion.narratives[0] if criterion.narratives else None
        return CriterionView(
            item_id=criterion.id, dom_id=dom_id(criterion.id), number=criterion.number,
            text=criterion.title or criterion.id,
            judgement=(self.fields.judgement(criterion.id, judgement, given.get("judgement"))
                       if judgement else None),
            evidence=(self.fields.narrative(criterion.id, narrative, given.get(narrative.id))
                      if narrative else None),
            guidance=markdown(criterion.guidance), only_if=only_if(self.definition, criterion.when),
        )
