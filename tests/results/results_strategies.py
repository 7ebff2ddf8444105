"""Hypothesis strategies that build completed audits from a definition.

``audits(definition)`` draws either a *clean* audit (every answer well-formed, though
possibly blank, so that visibility and the rules are exercised on schema-valid documents)
or a *defective* one, with defects of every kind the schema checks: wrong types, unknown
options, impossible dates, unknown keys, too many rows, bad envelope values.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from auditforms.model.definition import Column, Definition, FieldItem, Question, Section, Table
from auditforms.results import value_schemas as vs

Strategy = st.SearchStrategy[Any]
TEXT = st.sampled_from(["", "  ", "Fictional words.", "Evidence of impact.", None])
GOOD_DATE = st.one_of(st.dates().map(lambda d: d.isoformat()), st.none())
BAD_DATE = st.sampled_from(["2026-02-30", "soon", "12/11/2026"])
JUNK = st.one_of(st.integers(-3, 3), st.booleans(), st.just(["x"]), st.just({"x": 1}), st.just("junk"))


class Builder:
    def __init__(self, definition: Definition, junk: bool) -> None:
        self.definition = definition
        self.junk = junk

    def maybe(self, valid: Strategy, bad: Strategy = JUNK) -> Strategy:
        return st.one_of(valid, valid, valid, valid, bad) if self.junk else valid

    def options(self, ids: list[str]) -> Strategy:
        return self.maybe(st.sampled_from([*ids, None]))

    def date(self) -> Strategy:
        return self.maybe(GOOD_DATE, st.one_of(BAD_DATE, JUNK))

    def scale(self, scale_id: str) -> Strategy:
        return self.options([o[0] for o in vs.scale_options(self.definition.scale(scale_id))])

    def field(self, field: FieldItem) -> Strategy:
        if field.type in {"text", "textarea"}:
            return self.maybe(TEXT)
        if field.type == "date":
            return self.date()
        if field.type == "number":
            low, high = field.minimum or 0, field.maximum or 100
            return self.maybe(st.one_of(st.integers(int(low), int(high)), st.none()), st.integers(-5, 200))
        if field.type == "scale" and field.scale:
            return self.scale(field.scale)
        ids = [o.id for o in field.answer_options]
        if field.type == "multichoice":
            return self.maybe(st.lists(st.sampled_from(ids), max_size=len(ids), unique=True),
                              st.lists(st.sampled_from(ids), min_size=2, max_size=2))
        return self.options(ids)

    def column(self, column: Column) -> Strategy:
        if column.type == "date":
            return self.date()
        if column.type == "number":
            return self.maybe(st.integers(0, 90))
        if column.type == "scale" and column.scale:
            return self.scale(column.scale)
        if column.type == "yesno":
            return self.options(["yes", "no"])
        if column.type == "choice":
            return self.options([o.id for o in column.options])
        return self.maybe(TEXT)

    def keyed(self, strategies: dict[str, Strategy]) -> Strategy:
        """All keys when clean (nothing required goes missing); any subset when defective."""
        if self.junk:
            return st.fixed_dictionaries({}, optional=strategies)
        return st.fixed_dictionaries(strategies)

    def row(self, table: Table) -> Strategy:
        return self.keyed({c.id: self.column(c) for c in table.columns})

    def graded(self, judgement: Any, narratives: Any, extra: dict[str, Strategy]) -> Strategy:
        parts = dict(extra)
        if judgement is not None:
            parts["judgement"] = self.scale(judgement.scale)
        for narrative in narratives:
            parts[narrative.id] = self.maybe(TEXT)
        return self.maybe(self.keyed(parts))

    def node(self, node: Any) -> Strategy | None:
        if isinstance(node, FieldItem):
            return self.field(node)
        if isinstance(node, Question):
            return self.graded(node.judgement, node.narratives, {})
        if isinstance(node, Section):
            if not node.has_answer_object:
                return None
            extra = {"not_relevant": st.sampled_from([True, False, None])} if node.optional else {}
            overall = node.overall
            return self.graded(overall.judgement if overall else None,
                               overall.narratives if overall else (), extra)
        if isinstance(node, Table):
            if node.fixed_rows:
                return self.maybe(self.keyed({r.id: self.row(node) for r in node.rows}))
            limit = node.max_rows if node.max_rows is not None else 6
            return self.maybe(st.lists(self.row(node), max_size=limit),
                              st.lists(self.row(node), min_size=limit + 1, max_size=limit + 2))
        return None

    def answers(self) -> Strategy:
        parts: dict[str, Strategy] = {}
        for item_id in self.definition.index.order:
            value = self.node(self.definition.index.entries[item_id].node)
            if value is not None:
                parts[item_id] = value
        if self.junk:
            parts["not-a-field"] = st.just("x")
        return self.keyed(parts)

    def moderation(self) -> Strategy:
        graded = [q.id for q in self.definition.index.questions() if q.judgement] or ["none"]
        judgements = st.dictionaries(st.sampled_from(graded), st.sampled_from(["meets-good", "yes"]),
                                     max_size=2)
        moderator = self.maybe(st.just("A. Moderator"), st.just(""))
        return st.fixed_dictionaries({"moderator": moderator, "date": GOOD_DATE.filter(bool)},
                                     optional={"judgements": judgements} if self.junk else {})

    def audit(self) -> Strategy:
        definition = self.definition
        status = st.sampled_from(["draft", "submitted"] + (["done"] if self.junk else []))
        saved_at = st.sampled_from(["2026-11-12T10:31:00Z"] + (["2026-11-12 10:31"] if self.junk else []))
        return st.fixed_dictionaries(
            {
                "format": st.just("auditforms/completed-audit"),
                "format_version": st.just(1),
                "definition": st.fixed_dictionaries({"id": st.just(definition.id), "version": st.sampled_from(
                    [definition.version, "0.9.0"])}),
                "status": status,
                "answers": self.answers(),
            },
            optional={"audit_id": st.sampled_from(["2026-11-0001", None]), "moderation": self.moderation(),
                      "source": st.fixed_dictionaries({"kind": st.sampled_from(["html", "docx"])},
                                                      optional={"saved_at": saved_at})},
        )


def audits(definition: Definition) -> Strategy:
    """Whole completed-audit documents of ``definition``, clean or defective."""
    return st.booleans().flatmap(lambda junk: Builder(definition, junk).audit())
