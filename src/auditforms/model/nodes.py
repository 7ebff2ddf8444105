"""The parts of a tool: sections, questions, fields, tables and their options, reference
documents, and rules. A :class:`~auditforms.model.definition.Definition` holds them; the
index walks them without needing the definition itself."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Literal

from pydantic import Field as PydField

from auditforms.model.base import Frozen
from auditforms.model.conditions import Condition
from auditforms.model.markdown import split_lead
from auditforms.model.rubric import Link

#: ``central``, ``auditor``, ``moderator``, or the id of one of the tool's ``parties``.
CompletedBy = Literal["central", "auditor", "moderator"] | str
Role = Literal[
    "child_id",
    "child_initials",
    "child_first_name",
    "child_age",
    "date_of_birth",
    "age_band",
    "gender",
    "audited_previously",
    "last_audit_date",
    "team",
    "strand",
    "auditor",
    "audit_date",
    "worker_seen",
    "overall_rating",
    "document_id",
    "document_date",
    "audit_type",
]
#: What a column of a table with ``role: action_plan`` means to ``auditforms actions``.
ActionColumnRole = Literal["action", "action_owner", "action_due", "action_signed_off", "action_update"]


class Option(Frozen):
    """A choice's option; ``follow_up`` is a further input shown only when it is chosen."""

    id: str
    label: str
    value: float | None = None
    description: str | None = None
    see: tuple[str, ...] = ()
    follow_up: FieldItem | None = None


class AgeBand(Frozen):
    id: str
    label: str
    min_age: int
    max_age: int


class Judgement(Frozen):
    """A grade on a named scale, answered as ``<owner>.judgement``."""

    scale: str
    label: str | None = None
    required: bool = True
    hint: str | None = None


class Narrative(Frozen):
    """A free-text box attached to a question or section (Evidence, Impact, ...)."""

    id: str
    label: str
    hint: str | None = None
    rows: int = 5
    #: Its text may be quoted in the monthly report, when the report is asked for text.
    reportable: bool = False
    #: ``True``: always required; ``"when_graded"``: required whenever the judgement is given
    #: (a grade, not "not applicable"). Enforced by an implicit rule, so no rule is written.
    required: bool | Literal["when_graded"] = False


class Consideration(Frozen):
    """A lead-in sentence and/or a bullet list of things to consider."""

    id: str | None = None
    text: str | None = None
    items: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()


class _Item(Frozen):
    id: str
    number: str | None = None
    when: Condition | None = None
    tags: tuple[str, ...] = ()
    see: tuple[str, ...] = ()


FieldType = Literal[
    "text", "textarea", "date", "number", "choice", "multichoice", "yesno", "age_band", "scale",
    "month", "email", "telephone", "compound",
]


class FieldItem(_Item):
    """One input. ``completed_by: central`` fields can be pre-filled before distribution."""

    type: FieldType
    label: str
    hint: str | None = None
    required: bool = False
    completed_by: CompletedBy | None = None
    role: Role | None = None
    options: tuple[Option, ...] = ()
    widget: Literal["radio", "select"] = "radio"
    labels: dict[str, str] | None = None
    follow_up: FieldItem | None = None
    bands: tuple[AgeBand, ...] = ()
    scale: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    rows: int = 3
    reportable: bool = False
    #: For a number: the unit or suffix printed after the box ("%", "per week").
    unit: str | None = None
    #: For a compound field: the labelled answers it holds, answered as ``<id>.<part id>``.
    parts: tuple[FieldItem, ...] = ()

    def part(self, part_id: str) -> FieldItem | None:
        return next((p for p in self.parts if p.id == part_id), None)

    @property
    def answer_options(self) -> tuple[Option, ...]:
        """The options a person chooses from, for every choosing type (yes/no and age bands too)."""
        if self.type == "yesno":
            labels = self.labels or {}
            return (
                Option(id="yes", label=labels.get("yes", "Yes"), follow_up=self.follow_up),
                Option(id="no", label=labels.get("no", "No")),
            )
        if self.type == "age_band":
            return tuple(Option(id=b.id, label=b.label) for b in self.bands)
        return self.options

    def follow_ups(self) -> Iterator[tuple[str, FieldItem]]:
        """(option id, follow-up field) for each option that has one."""
        for option in self.answer_options:
            if option.follow_up is not None:
                yield option.id, option.follow_up


#: The parts of a question a tool may put in its own order (see :meth:`Question.part_order`).
QuestionPart = Literal["judgement", "narratives", "fields", "parts"]
DEFAULT_PART_ORDER: tuple[QuestionPart, ...] = ("judgement", "narratives", "fields", "parts")


class Question(_Item):
    """A numbered audit question: prompts, a judgement and narrative boxes."""

    type: Literal["question"]
    title: str | None = None
    short_title: str | None = None
    prompt: str | None = None
    considerations: tuple[Consideration, ...] = ()
    guidance: str | None = None
    judgement: Judgement | None = None
    narratives: tuple[Narrative, ...] = ()
    parts: tuple[Question, ...] = ()
    role: Role | None = None
    #: Inputs answered under the question (a date, a yes/no), each answered by its own id.
    fields: tuple[FieldItem, ...] = ()
    #: The order of the question's parts where the tool's differs (rating after the evidence).
    order: tuple[QuestionPart, ...] = ()

    def part_order(self) -> tuple[QuestionPart, ...]:
        """The parts in the order printed: those named in ``order``, then the rest as usual."""
        return self.order + tuple(p for p in DEFAULT_PART_ORDER if p not in self.order)
    links: tuple[Link, ...] = ()

    @property
    def display_name(self) -> str:
        """How reports name this question: "Q4 Assessments"."""
        name = self.short_title or self.title or self.id
        return f"Q{self.number} {name}" if self.number else name

    @property
    def prompt_lead(self) -> str:
        """The prompt's first paragraph as one line of plain text: what a question with no
        title is called (its heading, the name screen readers hear with its boxes, check's
        messages). A prompt of several paragraphs and lists is not squeezed into one line;
        one that starts with a list has no lead (:func:`~auditforms.model.markdown.split_lead`)."""
        return split_lead(self.prompt)[0]

    @property
    def prompt_after_lead(self) -> str:
        """The rest of the prompt (Markdown) after :attr:`prompt_lead`, printed under a heading
        that is the lead."""
        return split_lead(self.prompt)[1]


class Column(Frozen):
    id: str
    label: str
    type: Literal["text", "textarea", "date", "number", "choice", "scale", "yesno"] = "text"
    options: tuple[Option, ...] = ()
    scale: str | None = None
    required: bool = False
    hint: str | None = None
    role: ActionColumnRole | None = None


class RowLabel(Frozen):
    id: str
    label: str


class Table(_Item):
    """Rows of typed columns: repeatable (actions) or fixed (one row per ECM outcome)."""

    type: Literal["table"]
    title: str
    prompt: str | None = None
    hint: str | None = None
    columns: tuple[Column, ...]
    rows: tuple[RowLabel, ...] = ()
    row_header: str | None = None
    min_rows: int = 0
    max_rows: int | None = None
    initial_rows: int = 3
    completed_by: CompletedBy | None = None
    role: Literal["action_plan"] | None = None

    @property
    def fixed_rows(self) -> bool:
        return bool(self.rows)

    def column_with_role(self, role: ActionColumnRole) -> Column | None:
        return next((c for c in self.columns if c.role == role), None)


class Heading(_Item):
    """A heading printed between items; nothing is answered."""

    type: Literal["heading"]
    text: str


class StaticText(_Item):
    """Text printed between items (an instruction, a note); nothing is answered."""

    type: Literal["static_text"]
    text: str


class Checklist(_Item):
    """A run of criteria printed as a grid: number, criterion, the options, an evidence box.

    Each criterion is a :class:`Question` answered on the checklist's answer set (a scale of
    ``kind: checklist``), so results, checks and extraction treat it as any question."""

    type: Literal["checklist"]
    title: str | None = None
    prompt: str | None = None
    scale: str
    criterion_header: str = "Criterion"
    evidence: Narrative | None = None
    criteria: tuple[Question, ...]




class Overall(Frozen):
    """A section's overall judgement with its own narrative boxes."""

    title: str
    judgement: Judgement | None = None
    narratives: tuple[Narrative, ...] = ()


class Section(Frozen):
    id: str
    number: str | None = None
    title: str
    intro: str | None = None
    guidance: str | None = None
    completed_by: CompletedBy | None = None
    when: Condition | None = None
    optional: bool = False
    not_relevant_label: str = "Not relevant to this child"
    items: tuple[Item, ...] = ()
    overall: Overall | None = None
    tags: tuple[str, ...] = ()
    see: tuple[str, ...] = ()
    #: ``false`` for a section whose title names it in reports but is not printed.
    show_title: bool = True
    #: Short fields printed side by side, as case-detail grids are (1 = one to a row).
    fields_per_row: int = 1
    links: tuple[Link, ...] = ()

    @property
    def has_answer_object(self) -> bool:
        return self.optional or self.overall is not None


class SubSection(Section):
    """A level between section and question (1 > 1a > 1.1): its own number, guidance,
    not-relevant box and overall judgement. It answers and hides its items as a section
    does, so everything that knows sections knows it."""

    type: Literal["subsection"]


Item = Annotated[
    Question | Table | FieldItem | Heading | StaticText | Checklist | SubSection,
    PydField(discriminator="type"),
]
#: Items that print something but hold no answer.
Printed = (Heading, StaticText)


class Statement(Frozen):
    """One statement of good (or any reference text) that questions and options link to."""

    id: str
    title: str
    intro: str | None = None
    paragraphs: tuple[str, ...] = ()


class ReferenceDocument(Frozen):
    id: str
    title: str
    source: str | None = None
    statements: tuple[Statement, ...]


class Rule(Frozen):
    """A rule a completed audit must satisfy: where ``when`` holds, ``assert`` must hold."""

    id: str
    message: str
    severity: Literal["error", "warning"] = "error"
    for_each: Literal["question", "section"] | ForEachRows | None = None
    tagged: str | None = None
    when: Condition | None = None
    assert_: Condition = PydField(alias="assert")
    at: str | None = None
    description: str | None = None


class ForEachRows(Frozen):
    rows: str


Option.model_rebuild()
FieldItem.model_rebuild()
Question.model_rebuild()
Checklist.model_rebuild()
Section.model_rebuild()
SubSection.model_rebuild()
Rule.model_rebuild()
