"""One audit's evaluation on the compiled rules: what ``check`` runs for every audit.

:class:`Program` compiles, once per evaluator (a definition and its context), where each
part is shown and every rule in every place it visits (see :mod:`auditforms.rules.compiled`).
A :class:`Session` holds one audit's answers and what it has worked out for them (what is
shown, the words of each text, the child's names), so nothing is worked out twice and
nothing outlives the audit: a batch of any size runs in flat memory.

The plain evaluator (:class:`~auditforms.rules.interpreter.Interpreter`) stays the reference: it
answers operators the compiled path has no builder for, and words messages that name
``{count}`` or ``{label}`` (only for findings, which are few).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from auditforms.model.conditions import Test, condition_refs
from auditforms.model.definition import ForEachRows, Rule
from auditforms.rules import text
from auditforms.rules.compiled import Compiler, Cond, Place, Ref, question_scope
from auditforms.rules.contracts import Finding, Scope
from auditforms.rules.logic import MAPPINGS, Truth, equals
from auditforms.rules.values import answered_rows, within_months

if TYPE_CHECKING:
    from auditforms.rules.contracts import PlainRun
    from auditforms.rules.contracts import RuleEvaluator as Evaluator

#: (section to check or None, section optional, parent to check or None, revealed by, conditions)
Visibility = tuple[str | None, bool, str | None, tuple[str, str] | None, tuple[Cond, ...]]


@dataclass(frozen=True, slots=True)
class Visit:
    """A rule in one place: outside any scope, in one question or section, or in each row."""

    owner: str | None  # the question or section visited; the table for rows; None outside
    target: Ref
    when: Cond | None
    assert_: Cond


@dataclass(frozen=True, slots=True)
class RuleProgram:
    rule: Rule
    table: str | None  # for_each rows: the table
    scoped: bool  # for_each question or section
    visits: tuple[Visit, ...]
    worded: bool  # the message names {count} or {label}


class Program:
    """Everything about one evaluator's rules that does not depend on the answers."""

    def __init__(self, evaluator: Evaluator) -> None:
        self.ev = evaluator
        self.compiler = Compiler(evaluator)
        self._visibility: dict[str, Visibility | None] = {}
        self._rules: dict[int, RuleProgram] = {}
        #: parts shown whatever the answers (most of a tool): a session starts knowing them
        self.always_shown: dict[str, bool] = {
            item_id: True for item_id in evaluator.index.entries if self._always(item_id, set())}
        self.compiler.always_shown = self.always_shown

    def _always(self, item_id: str, seen: set[str]) -> bool:
        """Whether a part is shown whatever the answers: no condition, follow-up or optional
        section decides it, nor any for the section or part holding it."""
        visibility = self.visibility(item_id)
        if visibility is None or item_id in seen:
            return False
        seen.add(item_id)
        section, optional, parent, revealed_by, conditions = visibility
        return (not conditions and revealed_by is None and not optional
                and (section is None or self._always(section, seen))
                and (parent is None or self._always(parent, seen)))

    def visibility(self, item_id: str) -> Visibility | None:
        """What decides whether a part is shown (``None`` for ids the definition lacks)."""
        if item_id not in self._visibility:
            self._visibility[item_id] = self._compile_visibility(item_id)
        return self._visibility[item_id]

    def _compile_visibility(self, item_id: str) -> Visibility | None:
        entry = self.ev.index.entries.get(item_id)
        if entry is None:
            return None
        section = entry.section
        inside = entry.node is not section
        parent = entry.parent_id if entry.parent_id and entry.parent_id != section.id else None
        conditions = tuple(self.compiler.condition(c, None) for c in entry.conditions)
        return (section.id if inside else None, inside and section.optional, parent, entry.revealed_by,
                conditions)

    def rule(self, rule: Rule) -> RuleProgram:
        found = self._rules.get(id(rule))
        if found is None or found.rule is not rule:
            if len(self._rules) > 4096:  # rules not of the definition, asked one by one
                self._rules.clear()
            found = self._rules[id(rule)] = self._compile(rule)
        return found

    def _compile(self, rule: Rule) -> RuleProgram:
        target = rule.at or condition_refs(rule.assert_)[0]
        places: list[tuple[str | None, Place]]
        table = None
        if rule.for_each is None:
            places = [(None, None)]
        elif isinstance(rule.for_each, ForEachRows):
            table = rule.for_each.rows
            places = [(table, ("row", table))]
        else:
            places = [(owner, ("question", owner)) for owner in self.ev.rule_owners(rule)]
        c = self.compiler
        visits = tuple(Visit(owner, c.ref(target, place), c.condition(rule.when, place) if rule.when else None,
                             c.condition(rule.assert_, place)) for owner, place in places)
        worded = "{count}" in rule.message or "{label}" in rule.message
        return RuleProgram(rule, table, rule.for_each is not None and table is None, visits, worded)


class Session:
    """One audit's answers and what has been worked out for them."""

    __slots__ = ("_keys", "_names", "_plain", "_rows_of", "_shown", "_visiting", "answers", "ev", "program")

    def __init__(self, program: Program, answers: Mapping[str, Any]) -> None:
        self.program = program
        self.ev = program.ev
        self.answers = answers if isinstance(answers, Mapping) else {}
        self._shown: dict[str, bool] = dict(program.always_shown)
        self._visiting: set[str] = set()
        self._names: list[str] | None = None
        self._keys: dict[str, text.WordKey] = {}
        self._rows_of: dict[str, tuple[Scope, ...]] = {}
        self._plain: PlainRun | None = None

    # -- visibility, as the plain evaluator works it out ----------------------------------

    def shown(self, item_id: str) -> bool:
        found = self._shown.get(item_id)
        if found is None:
            if item_id in self._visiting:
                return False
            self._visiting.add(item_id)
            found = self._shown[item_id] = self._compute_shown(item_id)
            self._visiting.discard(item_id)
        return found

    def _compute_shown(self, item_id: str) -> bool:
        visibility = self.program.visibility(item_id)
        if visibility is None:
            return False
        section, optional, parent, revealed_by, conditions = visibility
        answers = self.answers
        if section is not None:
            if not self.shown(section):
                return False
            if optional:
                value = answers.get(section)
                if isinstance(value, MAPPINGS) and value.get("not_relevant") is True:
                    return False
        if parent is not None and not self.shown(parent):
            return False
        if revealed_by:
            owner, option = revealed_by
            if not self.shown(owner) or not equals(answers.get(owner), option):
                return False
        return all(c(self, None) is True for c in conditions)

    # -- rules ---------------------------------------------------------------------------

    def findings(self, rules: Iterable[Rule]) -> list[Finding]:
        out: list[Finding] = []
        program = self.program
        for rule in rules:
            compiled = program.rule(rule)
            if compiled.table is not None:
                self._rows(compiled, out)
            elif compiled.scoped:
                for visit in compiled.visits:
                    if self.shown(visit.owner):  # type: ignore[arg-type]
                        self._visit(compiled, visit, None, out)
            else:
                self._visit(compiled, compiled.visits[0], None, out)
        return out

    def _rows(self, compiled: RuleProgram, out: list[Finding]) -> None:
        table = compiled.table
        assert table is not None
        if not self.shown(table):
            return
        visit = compiled.visits[0]
        for row in self.answered_rows(table):
            self._visit(compiled, visit, row, out)

    def answered_rows(self, table: str) -> tuple[Scope, ...]:
        """The rows of a table that hold an answer, as scopes (kept: each row rule visits them)."""
        found = self._rows_of.get(table)
        if found is None:
            found = self._rows_of[table] = tuple(
                Scope("row", table, key, row) for key, row in answered_rows(self.answers.get(table)))
        return found

    def _visit(self, compiled: RuleProgram, visit: Visit, row: Scope | None, out: list[Finding]) -> None:
        target = visit.target
        if not target.shown(self, row):
            return
        if visit.when is not None and visit.when(self, row) is not True:
            return
        if visit.assert_(self, row) is not False:
            return

        rule = compiled.rule
        pointer = target.pointer if target.row_part is None or row is None else \
            f"{target.pointer}/{row.row}/{target.row_part}"
        item = visit.owner if compiled.scoped or row is not None else target.owner
        scope = row if row is not None or not compiled.scoped else question_scope(visit.owner or "", self.answers)
        message = self.plain().message(rule, scope) if compiled.worded else rule.message
        out.append(Finding(rule.id, rule.severity, message, pointer, item, row.row if row is not None else None))

    # -- what tests ask for ----------------------------------------------------------------

    def plain(self) -> PlainRun:
        """The plain evaluator on the same answers (for fallbacks and worded messages)."""
        if self._plain is None:
            self._plain = self.ev.plain_session(self.answers)
        return self._plain

    def plain_test(self, test: Test, row: Scope | None, owner: str | None) -> Truth:
        scope = row if row is not None or owner is None else question_scope(owner, self.answers)
        return self.plain().test(test, scope)

    def word_key(self, value: str) -> text.WordKey:
        """A text's words as :func:`~auditforms.rules.text.copies` compares them (kept for this
        audit: its rules read each narrative several times)."""
        found = self._keys.get(value)
        if found is None:
            found = self._keys[value] = text.word_key(value)
        return found

    def word_count(self, value: str) -> int:
        return self.word_key(value)[0]

    def mentions_child(self, value: str) -> bool:
        return text.refers_to_child(value) or text.names_in(value, self.child_names())

    def copies(self, value: str, other: str) -> bool:
        return text.copies(value, other, self.word_key)

    def child_names(self) -> list[str]:
        if self._names is None:
            self._names = self.plain().child_names()
        return self._names

    def within_lookback(self, when: dt.date | None, reference: dt.date | None) -> Truth:
        return within_months(when, reference, self.ev.lookback_of(self.answers))
