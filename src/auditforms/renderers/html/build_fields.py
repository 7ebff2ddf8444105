"""View models of the inputs: fields (with follow-ups), judgements, narratives and tables."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from markupsafe import Markup

from auditforms.model.definition import (
    Column,
    Definition,
    FieldItem,
    Judgement,
    Narrative,
    Option,
    Scale,
    Table,
)
from auditforms.renderers.facts import completer
from auditforms.renderers.html.describe import item_name, only_if
from auditforms.renderers.html.markdown import markdown
from auditforms.renderers.html.rubric import links_html, rubric_html
from auditforms.renderers.html.views import (
    CellView,
    ChoiceView,
    ColumnView,
    FieldView,
    JudgementView,
    Link,
    NarrativeView,
    RowView,
    TableView,
    dom_id,
)

DATE_HINT = "For example, 27 3 2026"
MONTH_HINT = "For example, 3 2026"
#: One-line inputs by field type: the input's type, and autocomplete "off" because the e-mail
#: or telephone asked for is someone else's (a worker's, a carer's), never the auditor's own.
_INPUT_TYPES = {"email": ("email", "off"), "telephone": ("tel", "off")}
_CHOOSING = {"choice", "multichoice", "yesno", "age_band", "scale"}


def as_text(value: Any) -> str:
    """An answer as an input's value: numbers without a needless ".0", text as it is."""
    if value is None or isinstance(value, bool | dict | list):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _number(value: float) -> str:
    return str(int(value)) if value.is_integer() else str(value)


def format_hint(field: FieldItem) -> str | None:
    """What GOV.UK puts under a date or number label: an example, or the range allowed."""
    if field.type == "date":
        return DATE_HINT
    if field.type == "month":
        return MONTH_HINT
    if field.type != "number":
        return None
    low, high = field.minimum, field.maximum
    if low is not None and high is not None:
        return f"A number from {_number(low)} to {_number(high)}"
    if low is not None:
        return f"A number, at least {_number(low)}"
    return f"A number, at most {_number(high)}" if high is not None else None


def date_parts(value: Any) -> tuple[str, str, str]:
    """A "YYYY-MM-DD" answer as the Day, Month and Year boxes show it: ("7", "3", "2026")."""
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        return (value[8:10].lstrip("0"), value[5:7].lstrip("0"), value[0:4])
    return ("", "", "")


def month_parts(value: Any) -> tuple[str, str, str]:
    """A "YYYY-MM" answer as the Month and Year boxes show it: ("", "3", "2026")."""
    if isinstance(value, str) and len(value) == 7 and value[4] == "-":
        return ("", value[5:7].lstrip("0"), value[0:4])
    return ("", "", "")


def _part_value(answer: Any, part: str) -> Any:
    return answer.get(part) if isinstance(answer, Mapping) else None


def _chosen(value: Any, option_id: str) -> bool:
    return option_id in value if isinstance(value, list) else value == option_id


class FieldBuilder:
    """Builds input view models for one definition and a set of known answers (pre-fill)."""

    def __init__(self, definition: Definition, answers: Mapping[str, Any]) -> None:
        self.definition = definition
        self.answers = answers

    def links(self, see: tuple[str, ...]) -> tuple[Link, ...]:
        statements = self.definition.index.statements
        return tuple(Link(f"#statement-{s}", statements[s].title) for s in see if s in statements)

    def scale_options(self, scale: Scale) -> tuple[Option, ...]:
        options = tuple(Option(id=o.id, label=o.label, description=o.description) for o in scale.options)
        if scale.not_applicable:
            options += (Option(id=scale.not_applicable.id, label=scale.not_applicable.label),)
        return options

    def _options(self, field: FieldItem) -> tuple[Option, ...]:
        if field.type == "scale" and field.scale:
            return self.scale_options(self.definition.scale(field.scale))
        return field.answer_options

    def choices(self, base: str, options: tuple[Option, ...], value: Any,
                scale: Scale | None = None) -> tuple[ChoiceView, ...]:
        return tuple(
            ChoiceView(
                dom_id=f"{base}-{n}", value=o.id, label=o.label, hint=o.description,
                checked=_chosen(value, o.id), see=self.links(o.see),
                follow_up=self.field(o.follow_up) if o.follow_up else None,
                rubric=self._rubric(scale, o.id),
            )
            for n, o in enumerate(options, start=1)
        )

    def _rubric(self, scale: Scale | None, option_id: str) -> Markup | None:
        grade = scale.option(option_id) if scale is not None else None
        return rubric_html(self.definition, grade) if grade is not None else None

    def field(self, field: FieldItem, owner: FieldItem | None = None) -> FieldView:
        """A field's view; with ``owner``, one labelled answer of that compound field."""
        item_id = f"{owner.id}.{field.id}" if owner else field.id
        value = _part_value(self.answers.get(owner.id), field.id) if owner else self.answers.get(field.id)
        base = dom_id(owner.id, field.id) if owner else dom_id(field.id)
        kind: str = field.type
        choices: tuple[ChoiceView, ...] = ()
        if field.type in _CHOOSING:
            scale = self.definition.scale(field.scale) if field.type == "scale" and field.scale else None
            choices = self.choices(base, self._options(field), value, scale)
            kind = "checkboxes" if field.type == "multichoice" else "radios"
            if field.widget == "select" and field.type != "multichoice":
                kind = "select"
        return FieldView(
            item_id=item_id, dom_id=base, kind=kind, label=field.label,
            number=self.definition.presentation.number(field.number) if field.number else None,
            hint=field.hint, format_hint=format_hint(field),
            required=(owner or field).required, completed_by=completer(self.definition, field.completed_by),
            value=as_text(value) if field.type not in _CHOOSING else "",
            date_parts=date_parts(value) if field.type == "date" else month_parts(value),
            choices=choices, inline=field.type == "yesno" and field.follow_up is None,
            rows=field.rows, see=self.links(field.see),
            only_if=only_if(self.definition, field.when), prefilled=(owner or field).id in self.answers,
            show_optional=self.definition.presentation.show_optional,
            input_type=_INPUT_TYPES.get(field.type, ("text", None))[0],
            autocomplete=_INPUT_TYPES.get(field.type, ("text", None))[1],
            unit=field.unit if field.type == "number" else None,
            parts=tuple(self.field(part, field) for part in field.parts),
            part_of=owner.id if owner else None,
        )

    def judgement(self, owner: str, judgement: Judgement, value: Any) -> JudgementView:
        scale = self.definition.scale(judgement.scale)
        base = dom_id(owner, "judgement")
        return JudgementView(
            dom_id=base, name=f"{owner}.judgement",
            legend=(judgement.label or scale.title or "Judgement").rstrip(":").strip(),
            context=item_name(self.definition, owner),
            hint=judgement.hint, scale_title=scale.title,
            choices=self.choices(base, self.scale_options(scale), value, scale),
            required=judgement.required, show_optional=self.definition.presentation.show_optional,
            guides=links_html(scale.links),
        )

    def narrative(self, owner: str, narrative: Narrative, value: Any) -> NarrativeView:
        return NarrativeView(
            dom_id=dom_id(owner, narrative.id), name=f"{owner}.{narrative.id}",
            label=narrative.label, hint=narrative.hint, rows=narrative.rows, value=as_text(value),
            context=item_name(self.definition, owner),
        )

    # -- tables --------------------------------------------------------------------------

    def _cell(self, table: Table, column: Column, key: str, row_label: str, value: Any) -> CellView:
        base = dom_id(table.id, key, column.id)
        kind: str = column.type
        choices: tuple[ChoiceView, ...] = ()
        if column.type in {"choice", "scale", "yesno"}:
            kind = "select"
            options = column.options
            if column.type == "scale" and column.scale:
                options = self.scale_options(self.definition.scale(column.scale))
            elif column.type == "yesno":
                options = (Option(id="yes", label="Yes"), Option(id="no", label="No"))
            choices = self.choices(base, options, value)
        return CellView(dom_id=base, column_id=column.id, kind=kind,
                        label=f"{column.label.rstrip(':')} – {row_label}",
                        value="" if choices else as_text(value), choices=choices,
                        date_parts=date_parts(value) if column.type == "date" else ("", "", ""))

    def _row(self, table: Table, key: str, header: str | None, label: str, value: Any) -> RowView:
        row = value if isinstance(value, Mapping) else {}
        return RowView(key=key, header=header, cells=tuple(
            self._cell(table, c, key, label, row.get(c.id)) for c in table.columns))

    def table(self, table: Table) -> TableView:
        value = self.answers.get(table.id)
        if table.fixed_rows:
            given = value if isinstance(value, Mapping) else {}
            rows = tuple(self._row(table, r.id, r.label, r.label, given.get(r.id)) for r in table.rows)
            template = None
        else:
            given_rows = list(value) if isinstance(value, list) else []
            count = max(len(given_rows), table.initial_rows, table.min_rows, 1)
            if table.max_rows is not None:
                count = min(count, max(table.max_rows, len(given_rows)))
            given_rows += [None] * (count - len(given_rows))
            rows = tuple(self._row(table, str(n), None, f"row {n + 1}", v) for n, v in enumerate(given_rows))
            template = self._row(table, "__row__", None, "row __n__", None)
        return TableView(
            item_id=table.id, dom_id=dom_id(table.id), title=table.title,
            prompt=markdown(table.prompt), hint=table.hint,
            columns=tuple(ColumnView(c.id, c.label, c.hint, c.required, c.type) for c in table.columns),
            rows=rows, template_row=template, row_header=table.row_header, fixed=table.fixed_rows,
            min_rows=table.min_rows, max_rows=table.max_rows, see=self.links(table.see),
            only_if=only_if(self.definition, table.when),
            completed_by=completer(self.definition, table.completed_by),
        )
