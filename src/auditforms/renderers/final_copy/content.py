"""What the final copy of a completed audit says, as data: headings, label/value rows, tables.

One model, written out by :mod:`.html` (and from it, the PDF) and by :mod:`.word`, so the
two final copies cannot say different things. Everything here is plain text; the writers
escape it. The copy follows the tool's own order and words (question numbers, option
labels) and puts the moderator's record beside each part it is about.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from auditforms.model.definition import (
    Checklist,
    Definition,
    FieldItem,
    Narrative,
    Question,
    Section,
    SubSection,
    Table,
)
from auditforms.renderers.final_copy import AuditTooLarge
from auditforms.renderers.final_copy.values import Labeller
from auditforms.rules import Evaluator


@dataclass(frozen=True)
class Heading:
    text: str
    level: int


@dataclass(frozen=True)
class Pairs:
    """Label and value rows (case details, a question's answers)."""

    caption: str
    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Grid:
    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Note:
    """The moderator's (or the auditor's reply's) words on a part, marked as whose they are."""

    who: str
    rows: tuple[tuple[str, str], ...]


Block = Heading | Pairs | Grid | Note


@dataclass
class FinalCopy:
    title: str
    subtitle: str
    marking: str | None
    marking_warning: str | None
    footer: str
    blocks: list[Block] = field(default_factory=list)


def final_copy(definition: Definition, document: Mapping[str, Any]) -> FinalCopy:
    answers = document.get("answers") or {}
    moderation = document.get("moderation") or {}
    marking = definition.marking
    copy = FinalCopy(
        title=definition.title,
        subtitle=" · ".join(p for p in (definition.publisher, f"Version {definition.version}") if p),
        marking=marking.label if marking else None,
        marking_warning=marking.warning if marking else None,
        footer=f"{definition.id} version {definition.version} · audit {document.get('audit_id', '')}",
    )
    builder = _Builder(definition, answers, moderation, copy.blocks)
    builder.record(document)
    for section in definition.sections:
        builder.section(section)
    builder.not_printed()
    builder.sign_off()
    builder.history(document.get("history") or [])
    return copy


#: What a final copy prints at most. Real audits have a few dozen action rows and narratives
#: of a few thousand characters; WeasyPrint's time grows faster than the copy (10,000 action
#: rows took 168 s), and at these limits the PDF is made in seconds.
MAX_TABLE_ROWS = 500
"""Rows of the audit's tables (actions, history): the rows the audit itself adds."""
MAX_ROWS = 2_000
"""Every row printed: answers, the moderator's notes (its checklist ticks too), tables."""
MAX_CHARACTERS = 200_000
"""Characters of everything printed in rows: answers, comments, replies, history."""


def refuse_oversized(copy: FinalCopy) -> None:
    """Raise :class:`AuditTooLarge`, naming each limit passed, before anything is laid out."""
    table_rows = sum(len(block.rows) for block in copy.blocks if isinstance(block, Grid))
    rows = sum(len(block.rows) for block in copy.blocks if not isinstance(block, Heading))
    characters = sum(len(text) for block in copy.blocks if not isinstance(block, Heading)
                     for row in block.rows for text in row)
    over = [f"{what} {count:,} {unit} (a final copy prints at most {limit:,})"
            for what, count, unit, limit in (
                ("its tables have", table_rows, "rows", MAX_TABLE_ROWS),
                ("it has", rows if table_rows <= MAX_TABLE_ROWS else 0, "rows in all", MAX_ROWS),
                ("its answers and notes have", characters, "characters", MAX_CHARACTERS))
            if count > limit]
    if over:
        raise AuditTooLarge(f"the audit is too large for a final copy: {'; '.join(over)}; "
                            "'auditforms check' and the HTML form still take it")


class _Builder:
    def __init__(self, definition: Definition, answers: Mapping[str, Any], moderation: Mapping[str, Any],
                 blocks: list[Block]) -> None:
        self.definition = definition
        self.answers = answers
        self.moderation = moderation
        self.blocks = blocks
        self.say = Labeller(definition)
        self.shown = Evaluator(definition)
        #: Parts answered although they do not apply to this child: named, never printed silently away.
        self.skipped: list[str] = []

    def applies(self, item_id: str, name: str) -> bool:
        if self.shown.shown(self.answers, item_id):
            return True
        if item_id in self.answers:
            self.skipped.append(name)
        return False

    def not_printed(self) -> None:
        if self.skipped:
            self.blocks.append(Heading("Answers not printed", 1))
            self.blocks.append(Pairs("Answers not printed", (
                ("Parts answered that do not apply to this child", "; ".join(self.skipped)),)))

    def record(self, document: Mapping[str, Any]) -> None:
        status = str(document.get("status", ""))
        rows = [("Audit", str(document.get("audit_id", ""))), ("Status", STATUS.get(status, status))]
        self.blocks.append(Pairs("This record", tuple(rows)))

    def section(self, section: Section) -> None:
        if not self.shown.shown(self.answers, section.id):
            index = self.definition.index
            if section.id in self.answers or any(index.entries[i].section is section and i in self.answers
                                                 for i in index.order):
                self.skipped.append(self.definition.presentation.numbered(section.number, section.title))
            return
        self.blocks.append(Heading(self.definition.presentation.numbered(section.number, section.title), 1))
        answer = self.answers.get(section.id)
        if section.optional and isinstance(answer, Mapping) and answer.get("not_relevant") is True:
            self.blocks.append(Pairs(section.title, ((section.not_relevant_label, "Yes"),)))
            return
        fields: list[FieldItem] = []
        for item in section.items:
            if isinstance(item, FieldItem):
                fields.append(item)
                continue
            self._fields(section.title, fields)
            fields = []
            if isinstance(item, SubSection):
                self.section(item)
            elif isinstance(item, Checklist):
                for criterion in item.criteria:
                    self.question(criterion, 2)
            elif isinstance(item, Question):
                self.question(item, 2)
            elif isinstance(item, Table):
                self.table(item)
        self._fields(section.title, fields)
        if section.overall is not None:
            self._judged(section.id, section.overall.title, section.overall.judgement is not None,
                         section.overall.narratives, 2)

    def _fields(self, caption: str, fields: Sequence[FieldItem]) -> None:
        rows = []
        for item in fields:
            for field_item in (item, *(f for _, f in item.follow_ups())):
                if self.applies(field_item.id, field_item.label) and field_item.id in self.answers:
                    rows.append((field_item.label, self.say.field(field_item, self.answers[field_item.id])))
        if rows:
            self.blocks.append(Pairs(caption, tuple(rows)))
        self._moderator(*(f.id for f in fields))

    def question(self, question: Question, level: int) -> None:
        title = question.title or question.short_title or question.prompt_lead or question.id
        heading = self.definition.presentation.numbered(question.number, title)
        if not self.applies(question.id, heading):
            return
        self.blocks.append(Heading(heading, level))
        given = self._given(question.id)
        rows: list[tuple[str, str]] = []
        awaited = {"judgement", "narratives"}  # the moderator's note follows both
        for part in question.part_order():  # the tool's order, as the forms print it
            if part == "judgement" or part == "narratives":
                rows += self._own_rows(question, given, part)
                awaited.discard(part)
                if not awaited:
                    self._answered(question.id, heading, rows)
                    rows = []
                continue
            if rows:  # fields or parts come between: what is given so far is printed first
                self.blocks.append(Pairs(heading, tuple(rows)))
                rows = []
            if part == "fields":
                self._fields(title, question.fields)
            else:
                for sub in question.parts:
                    self.question(sub, min(level + 1, 3))

    def _own_rows(self, question: Question, given: Mapping[str, Any], part: str) -> list[tuple[str, str]]:
        if part == "narratives":
            return self._narrative_rows(given, question.narratives)
        if question.judgement is None:
            return []
        return [("Judgement", self.say.judgement(question.id, given.get("judgement")))]

    def _given(self, part_id: str) -> Mapping[str, Any]:
        answer = self.answers.get(part_id)
        return answer if isinstance(answer, Mapping) else {}

    @staticmethod
    def _narrative_rows(given: Mapping[str, Any], narratives: Sequence[Narrative]) -> list[tuple[str, str]]:
        return [(n.label, str(given.get(n.id) or "Not answered")) for n in narratives]

    def _answered(self, part_id: str, title: str, rows: Sequence[tuple[str, str]]) -> None:
        """A part's judgement and narratives (an empty block still says the part was reached),
        then the moderator's note on it."""
        self.blocks.append(Pairs(title, tuple(rows)))
        self._moderator(part_id)

    def _judged(self, part_id: str, title: str, judged: bool, narratives: Sequence[Narrative],
                level: int) -> None:
        self.blocks.append(Heading(title, level))
        given = self._given(part_id)
        rows = []
        if judged:
            rows.append(("Judgement", self.say.judgement(part_id, given.get("judgement"))))
        self._answered(part_id, title, rows + self._narrative_rows(given, narratives))

    def table(self, table: Table) -> None:
        if not self.applies(table.id, self.definition.presentation.numbered(table.number, table.title)):
            return
        self.blocks.append(Heading(self.definition.presentation.numbered(table.number, table.title), 2))
        value = self.answers.get(table.id)
        header = ((table.row_header or "",) if table.fixed_rows else ()) + tuple(c.label for c in table.columns)
        if table.fixed_rows:
            given = value if isinstance(value, Mapping) else {}
            rows = [(r.label, *self.say.row(table, given.get(r.id))) for r in table.rows]
        else:
            rows = [tuple(self.say.row(table, row)) for row in value] if isinstance(value, list) else []
        self.blocks.append(Grid(table.title, header, tuple(rows) or (("None recorded",) + ("",) * (len(header) - 1),)))
        self._moderator(table.id)

    def _moderator(self, *part_ids: str) -> None:
        """The moderator's comment, judgement and checklist for a part, and the auditor's reply."""
        for part_id in part_ids:
            rows = self.say.moderation(part_id, self.moderation)
            if rows:
                self.blocks.append(Note("Moderator", tuple(rows)))
            reply = self.say.response(part_id, self.moderation)
            if reply:
                self.blocks.append(Note("Auditor's response", tuple(reply)))

    def sign_off(self) -> None:
        m = self.moderation
        if not m:
            return
        self.blocks.append(Heading("Moderation", 1))
        rows = [("Moderator", str(m.get("moderator", ""))), ("Date moderated", self.say.date(m.get("date"))),
                ("Moderator's summary", str(m.get("summary") or "None"))]
        self.blocks.append(Pairs("Moderation", tuple(rows)))

    def history(self, events: Sequence[Any]) -> None:
        rows = tuple((str(e.get("event", "")), str(e.get("role", "")), str(e.get("name", "")),
                      self.say.moment(e.get("at"))) for e in events if isinstance(e, Mapping))
        if rows:
            self.blocks.append(Heading("History", 1))
            self.blocks.append(Grid("History", ("What", "Role", "Who", "When"), rows))


STATUS = {"draft": "Draft", "submitted": "Submitted", "moderated": "Moderated", "final": "Final"}


