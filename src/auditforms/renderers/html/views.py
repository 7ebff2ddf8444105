"""The view model: what the templates draw, decided in Python where it can be unit tested.

Templates only lay these out. Every DOM id and input name is decided here, following one
scheme the form's script shares: the answer at JSON pointer ``/answers/a/b`` is drawn by
the element whose id is ``f-a--b`` (see :func:`dom_id`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

from markupsafe import Markup

from auditforms.renderers.facts import Fact


def dom_id(*parts: str | int) -> str:
    """The element id for an answer: ``dom_id("q1", "evidence") == "f-q1--evidence"``."""
    return "f-" + "--".join(str(p) for p in parts)


@dataclass(frozen=True)
class Link:
    """A link to a statement of good shown further down the page."""

    href: str
    text: str


@dataclass(frozen=True)
class ChoiceView:
    dom_id: str
    value: str
    label: str
    hint: str | None = None
    checked: bool = False
    see: tuple[Link, ...] = ()
    follow_up: FieldView | None = None
    #: A grade's descriptor as formatted text (paragraphs, conditional paragraphs, links), in
    #: place of ``hint``.
    rubric: Markup | None = None


@dataclass(frozen=True)
class FieldView:
    """One input of any field type; ``kind`` picks the template macro that draws it."""

    item_id: str
    dom_id: str
    kind: str  # text, textarea, date, number, radios, checkboxes, select
    label: str
    number: str | None = None
    hint: str | None = None
    format_hint: str | None = None
    required: bool = False
    completed_by: str | None = None
    value: str = ""
    date_parts: tuple[str, str, str] = ("", "", "")
    choices: tuple[ChoiceView, ...] = ()
    inline: bool = False
    rows: int = 3
    see: tuple[Link, ...] = ()
    only_if: str | None = None
    #: Links to guides outside the tool.
    guides: Markup | None = None
    prefilled: bool = False
    #: ``False`` where the tool hides "(optional)" after labels.
    show_optional: bool = True
    #: The ``type`` of a one-line input (text, email, tel) and what the browser may fill it with.
    input_type: str = "text"
    autocomplete: str | None = None
    #: A number's unit, printed after the box (named to screen readers in its label).
    unit: str | None = None
    #: A compound field's labelled answers, each named ``<field id>.<part id>``.
    parts: tuple[FieldView, ...] = ()
    #: Whether this is one of a compound field's answers (its owner carries ``data-item``).
    part_of: str | None = None


@dataclass(frozen=True)
class NarrativeView:
    dom_id: str
    name: str
    label: str
    hint: str | None
    rows: int
    value: str = ""
    #: The question or section it belongs to, said to screen readers after the label.
    context: str = ""


@dataclass(frozen=True)
class JudgementView:
    dom_id: str
    name: str
    legend: str
    hint: str | None
    scale_title: str | None
    choices: tuple[ChoiceView, ...]
    required: bool
    context: str = ""
    show_optional: bool = True
    #: Links to guides outside the tool given on the scale.
    guides: Markup | None = None


@dataclass(frozen=True)
class QuestionView:
    item_id: str
    dom_id: str
    heading: str
    short_heading: str
    level: int
    prompt: Markup
    considerations: tuple[Markup, ...]
    guidance: Markup
    judgement: JudgementView | None
    narratives: tuple[NarrativeView, ...]
    parts: tuple[QuestionView, ...]
    see: tuple[Link, ...] = ()
    only_if: str | None = None
    #: Inputs answered under the question.
    fields: tuple[FieldView, ...] = ()
    #: The order its judgement, narratives, fields and parts are drawn in.
    order: tuple[str, ...] = ("judgement", "narratives", "fields", "parts")
    #: Links to guides outside the tool.
    guides: Markup | None = None
    #: The question's tags, when the tool shows them on its forms.
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class CellView:
    dom_id: str
    column_id: str
    kind: str  # text, textarea, date, number, select
    label: str
    value: str = ""
    choices: tuple[ChoiceView, ...] = ()
    #: A date cell's Day, Month and Year, drawn as a GOV.UK date input like every other date.
    date_parts: tuple[str, str, str] = ("", "", "")


@dataclass(frozen=True)
class RowView:
    key: str
    header: str | None
    cells: tuple[CellView, ...]


@dataclass(frozen=True)
class ColumnView:
    id: str
    label: str
    hint: str | None
    required: bool
    kind: str


@dataclass(frozen=True)
class TableView:
    item_id: str
    dom_id: str
    title: str
    prompt: Markup
    hint: str | None
    columns: tuple[ColumnView, ...]
    rows: tuple[RowView, ...]
    template_row: RowView | None
    row_header: str | None
    fixed: bool
    min_rows: int
    max_rows: int | None
    see: tuple[Link, ...] = ()
    only_if: str | None = None
    #: Links to guides outside the tool.
    guides: Markup | None = None
    completed_by: str | None = None


@dataclass(frozen=True)
class PrintedView:
    """A heading or static text between items; ``view`` tells the template which."""

    view: str  # heading or text
    item_id: str
    dom_id: str
    text: Markup
    level: int = 3
    only_if: str | None = None


@dataclass(frozen=True)
class FieldRowView:
    """Short fields printed side by side (a section's ``fields_per_row``)."""

    fields: tuple[FieldView, ...]
    per_row: int
    view: str = "field-row"


@dataclass(frozen=True)
class CriterionView:
    """One row of a checklist grid."""

    item_id: str
    dom_id: str
    number: str | None
    text: str
    judgement: JudgementView | None
    evidence: NarrativeView | None
    guidance: Markup
    only_if: str | None = None


@dataclass(frozen=True)
class ChecklistView:
    item_id: str
    dom_id: str
    title: str | None
    prompt: Markup
    criterion_header: str
    answer_header: str
    evidence_header: str | None
    rows: tuple[CriterionView, ...]
    level: int = 3
    only_if: str | None = None
    view: str = "checklist"


ItemView: TypeAlias = "FieldView | QuestionView | TableView | PrintedView | FieldRowView | ChecklistView | SectionView"


@dataclass(frozen=True)
class OverallView:
    title: str
    judgement: JudgementView | None
    narratives: tuple[NarrativeView, ...]


@dataclass(frozen=True)
class SectionView:
    item_id: str
    dom_id: str
    number: str | None
    title: str
    intro: Markup
    guidance: Markup
    completed_by: str | None
    optional: bool
    not_relevant_label: str
    not_relevant: bool
    items: tuple[ItemView, ...]
    overall: OverallView | None
    see: tuple[Link, ...] = ()
    only_if: str | None = None
    #: ``False``: the title is said to screen readers but not printed.
    show_title: bool = True
    #: 2 for a section, 3 or more for a sub-section.
    level: int = 2
    #: For the contents list: sub-sections are listed with the questions.
    heading: str | None = None
    short_heading: str | None = None
    view: str = "section"
    #: Links to guides outside the tool.
    guides: Markup | None = None


@dataclass(frozen=True)
class StatementView:
    anchor: str
    title: str
    intro: str | None
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class ReferenceView:
    title: str
    source: str | None
    statements: tuple[StatementView, ...]


@dataclass(frozen=True)
class PageView:
    """Everything the page template needs, already escaped where it is Markup."""

    title: str
    version: str
    publisher: str | None
    description: Markup
    marking_label: str | None
    marking_warning: str | None
    lookback: str | None
    lookback_description: str | None
    completion_days: int | None
    guidance: Markup
    audit_id: str | None
    sections: tuple[SectionView, ...]
    references: tuple[ReferenceView, ...]
    prefilled: bool = False
    #: "16 November 2026": when the sample asks for the audit back.
    due_date: str | None = None
    #: The version as the tool prints it ("V3, 1/10/23"), and its version-control table
    #: as (date, version, changes) rows, where the definition gives them.
    version_label: str | None = None
    version_control: tuple[tuple[str, str, str], ...] = ()
    #: Audit type, judgement window, subject, parties, companions (renderers.facts).
    facts: tuple[Fact, ...] = ()
    moderated: bool = True
