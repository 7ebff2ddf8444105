"""Plausible, fictional example answers for a definition, so an author can see a form filled in.

The answers are drawn from a seeded random generator, so one seed always gives the same
answers (the preview and its tests are reproducible) and another seed gives another set,
with other options chosen and so other conditional parts shown. Every value is well-formed
for its field (the result schema accepts it); the case details agree with each other (date
of birth, age and age band); and nothing is answered that the answers themselves hide.
Every name, identifier and sentence is made up and says so.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from auditforms.model.definition import Column, Definition, FieldItem, Judgement, Narrative, Question, Section, Table
from auditforms.rules import EvalContext, Evaluator

NAMES = ("Sam Example", "Alex Sample", "Jo Specimen", "Chris Placeholder", "Pat Fictional")
TEAMS = ("Example Team North", "Example Team South", "Sample Locality Team")
SENTENCES = {
    "evidence": ("Fictional example: the record shows the child was seen alone on each visit, and their "
                 "wishes are written down in their own words."),
    "impact": ("Fictional example: the child now goes to school most days and says that the worker "
               "listens to them."),
    "action": "Fictional example: arrange a review of the child's plan with the family and the school.",
    "reason": "Fictional example: the plan was updated after the last review.",
}
DEFAULT_SENTENCE = "Fictional example text written to show how an answer looks in this box."


#: Example answers of the text types with a set form (fictional: example.org, a dummy number).
EXAMPLE_TEXT = {"email": "adviser@example.org", "telephone": "01234 567890", "month": ""}

class _Examples:
    def __init__(self, definition: Definition, seed: int, today: dt.date) -> None:
        self.definition = definition
        self.random = random.Random(seed)
        self.today = today
        self.age = self.random.randint(1, 17)
        self.child_number = self.random.randint(10000, 99999)

    # -- single values -------------------------------------------------------------------

    def sentence(self, *names: str) -> str:
        words = " ".join(names).lower()
        return next((text for key, text in SENTENCES.items() if key in words), DEFAULT_SENTENCE)

    def recent_date(self) -> str:
        months = self.definition.lookback.months if self.definition.lookback else 6
        return (self.today - dt.timedelta(days=self.random.randint(7, months * 30))).isoformat()

    def date_of_birth(self) -> str:
        # 30 to 300 days past a birthday, so that whole years (leap days or not) come to self.age.
        days = self.age * 365 + self.random.randint(30, 300)
        return (self.today - dt.timedelta(days=days)).isoformat()

    def age_band(self, field: FieldItem) -> str | None:
        bands = [b for b in field.bands if b.min_age <= self.age <= b.max_age] or list(field.bands)
        return bands[0].id if bands else None

    def text(self, field: FieldItem) -> str:
        role = field.role
        if role == "child_id":
            return f"EX{self.child_number}"
        if role == "child_initials":
            return "X.Y."
        if role == "auditor" or "name" in field.label.lower():
            return self.random.choice(NAMES)
        if role == "team":
            return self.random.choice(TEAMS)
        if field.type == "textarea":
            return self.sentence(field.id, field.label)
        return "Example"

    def number(self, field: FieldItem) -> float:
        if field.role == "child_age":
            return self.age
        low = int(field.minimum) if field.minimum is not None else 0
        high = int(field.maximum) if field.maximum is not None else max(low, 10)
        return self.random.randint(low, max(low, high))

    def option(self, field: FieldItem) -> str | None:
        if field.type == "scale" and field.scale:
            return self.random.choice(self.definition.scale(field.scale).options).id
        options = field.answer_options
        if not options:
            return None
        revealing = [o for o in options if o.follow_up is not None]
        if revealing and self.random.random() < 0.6:
            return self.random.choice(revealing).id
        return self.random.choice(options).id

    def field(self, field: FieldItem) -> Any:
        if field.role == "age_band" or field.type == "age_band":
            return self.age_band(field)
        if field.type == "date":
            return {"date_of_birth": self.date_of_birth, "audit_date": self.today.isoformat}.get(
                field.role or "", self.recent_date)()
        if field.type == "number":
            return self.number(field)
        if field.type == "compound":
            return {part.id: self.field(part) for part in field.parts}
        if field.type in EXAMPLE_TEXT:
            return EXAMPLE_TEXT[field.type] if field.type != "month" else self.recent_date()[:7]
        if field.type == "multichoice":
            ids = [o.id for o in field.answer_options]
            return sorted(self.random.sample(ids, k=min(len(ids), self.random.randint(1, 2))), key=ids.index)
        if field.type in {"choice", "yesno", "scale"}:
            return self.option(field)
        return self.text(field)

    # -- answer objects ------------------------------------------------------------------

    def graded(self, judgement: Judgement | None, narratives: tuple[Narrative, ...]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if judgement is not None:
            out["judgement"] = self.random.choice(self.definition.scale(judgement.scale).options).id
        for narrative in narratives:
            out[narrative.id] = self.sentence(narrative.id, narrative.label)
        return out

    def cell(self, column: Column) -> Any:
        label = column.label.lower()
        if column.type == "date":
            return (self.today + dt.timedelta(days=self.random.randint(7, 60))).isoformat()
        if column.type == "number":
            return self.random.randint(1, 5)
        if column.type == "yesno":
            return self.random.choice(("yes", "no"))
        if column.type == "scale" and column.scale:
            return self.random.choice(self.definition.scale(column.scale).options).id
        if column.type == "choice":
            return self.random.choice(column.options).id if column.options else None
        if any(word in label for word in ("person", "who", "responsible", "name", "by whom")):
            return self.random.choice(NAMES)
        return self.sentence(column.id, column.label)

    def row(self, table: Table) -> dict[str, Any]:
        return {c.id: value for c in table.columns if (value := self.cell(c)) is not None}

    def table(self, table: Table) -> Any:
        if table.fixed_rows:
            return {r.id: self.row(table) for r in table.rows}
        count = max(table.min_rows, 2)
        if table.max_rows is not None:
            count = min(count, table.max_rows)
        return [self.row(table) for _ in range(count)]

    def node(self, node: Any) -> Any:
        if isinstance(node, FieldItem):
            return self.field(node)
        if isinstance(node, Question):
            return self.graded(node.judgement, node.narratives) or None
        if isinstance(node, Table):
            return self.table(node)
        if isinstance(node, Section) and node.has_answer_object:
            overall = node.overall
            out = {"not_relevant": False} if node.optional else {}
            return out | self.graded(overall.judgement if overall else None, overall.narratives if overall else ())
        return None


def example_answers(definition: Definition, *, seed: int = 0, today: dt.date) -> dict[str, Any]:
    """Answers to every part of ``definition`` that they leave shown, keyed by id (fictional)."""
    maker = _Examples(definition, seed, today)
    index = definition.index
    answers: dict[str, Any] = {}
    for item_id in index.order:
        value = maker.node(index.entries[item_id].node)
        if value is not None:
            answers[item_id] = value
    evaluator = Evaluator(definition, EvalContext(today=today))
    return {item_id: value for item_id, value in answers.items() if evaluator.shown(answers, item_id)}


def example_submitted(definition: Definition, *, seed: int = 0, today: dt.date) -> dict[str, Any]:
    """The example answers as a completed audit the auditor has submitted (fictional), for the
    form to open in its moderator mode."""
    from auditforms.renderers.html.payload import FORMAT, FORMAT_VERSION

    return {
        "format": FORMAT, "format_version": FORMAT_VERSION,
        "definition": {"id": definition.id, "version": definition.version},
        "status": "submitted",
        "answers": example_answers(definition, seed=seed, today=today),
        "history": [{"event": "submitted", "role": "auditor", "name": "Example Auditor (fictional)",
                     "at": f"{today.isoformat()}T09:00:00Z"}],
    }
