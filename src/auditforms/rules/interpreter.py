"""The plain evaluator: one audit's answers interpreted against the definition, step by step.

It is the reference. The compiled path (:mod:`auditforms.rules.compiled` and
:mod:`auditforms.rules.session`), which ``check`` runs, is held equal to it by property tests,
and answers through it what it has no builder for (an operator, a message naming ``{count}``
or ``{label}``). The semantics are set out in :mod:`auditforms.rules.evaluate`; the HTML
form's script (renderers/html/rules.js) mirrors this class.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from auditforms.model.conditions import All, Any_, Condition, Judgements, Not, Test, is_reference, iter_tests
from auditforms.model.definition import FieldItem, ForEachRows, Rule, Section, Table
from auditforms.rules import text
from auditforms.rules.contracts import Finding, Scope
from auditforms.rules.logic import Truth, as_mapping, compare, equals, get, kleene_all, kleene_any
from auditforms.rules.values import answered_rows, as_date, as_number, is_answered, row_count, within_months

if TYPE_CHECKING:
    from auditforms.rules.contracts import RuleEvaluator as Evaluator

#: Roles whose answers name the child, for ``mentions_child``.
CHILD_NAME_ROLES = ("child_initials", "child_first_name")


@dataclass(frozen=True, slots=True)
class Resolved:
    value: Any
    owner: str | None
    pointer: str
    scale: str | None
    shown: bool


class Interpreter:
    """State for evaluating one audit: the answers and a cache of what is shown."""

    def __init__(self, evaluator: Evaluator, answers: Mapping[str, Any]) -> None:
        self.ev = evaluator
        self.index = evaluator.index
        self.answers = answers if isinstance(answers, Mapping) else {}
        self._shown: dict[str, bool] = {}
        self._visiting: set[str] = set()
        self._resolved: dict[tuple[str, str | None, int | str | None], Resolved] = {}
        self._names: list[str] | None = None

    # -- visibility --------------------------------------------------------------------

    def shown(self, item_id: str) -> bool:
        if item_id not in self._shown:
            if item_id in self._visiting:
                return False
            self._visiting.add(item_id)
            self._shown[item_id] = self._compute_shown(item_id)
            self._visiting.discard(item_id)
        return self._shown[item_id]

    def _compute_shown(self, item_id: str) -> bool:
        entry = self.index.entries.get(item_id)
        if entry is None:
            return False
        section = entry.section
        if entry.node is not section:
            if not self.shown(section.id):
                return False
            if section.optional and get(self.answers.get(section.id), "not_relevant") is True:
                return False
        if entry.parent_id and entry.parent_id != section.id and not self.shown(entry.parent_id):
            return False
        if entry.revealed_by:
            owner, option = entry.revealed_by
            if not self.shown(owner) or not equals(self.answers.get(owner), option):
                return False
        return all(self.truth(c, None) is True for c in entry.conditions)

    # -- references --------------------------------------------------------------------

    def resolve(self, ref: str, scope: Scope | None) -> Resolved:
        """What ``ref`` holds in this audit; the same for a given (ref, owner, row), so kept."""
        key = (ref, scope.owner, scope.row) if scope is not None else (ref, None, None)
        found = self._resolved.get(key)
        if found is None:
            found = self._resolved[key] = self._resolve(ref, scope)
        return found

    def _resolve(self, ref: str, scope: Scope | None) -> Resolved:
        if ref.startswith("."):
            part = ref[1:]
            if scope is None:
                return Resolved(None, None, "", None, False)
            if scope.kind == "row":
                table = self.index.node(scope.owner)
                scale = _column_scale(table, part) if isinstance(table, Table) else None
                value = get(scope.value, part)
                return Resolved(value, scope.owner, f"/answers/{scope.owner}/{scope.row}/{part}", scale, True)
            return self._part(scope.owner, part)
        if "." in ref:
            owner, part = ref.split(".", 1)
            return self._part(owner, part)
        node = self.index.entries.get(ref)
        shown = self.shown(ref)
        value = self.answers.get(ref) if shown else None
        scale = node.node.scale if node and isinstance(node.node, FieldItem) else None
        return Resolved(value, ref, f"/answers/{ref}", scale, shown)

    def _part(self, owner: str, part: str) -> Resolved:
        shown = self.shown(owner) and not self._marked_not_relevant(owner, part)
        value = get(self.answers.get(owner), part) if shown else None
        scale = self.ev.judgement_scale(owner) if part == "judgement" else None
        return Resolved(value, owner, f"/answers/{owner}/{part}", scale, shown)

    def _marked_not_relevant(self, owner: str, part: str) -> bool:
        """A section marked not relevant hides its own judgement and narratives too."""
        entry = self.index.entries.get(owner)
        section = entry.node if entry else None
        return (isinstance(section, Section) and section.optional and part != "not_relevant"
                and get(self.answers.get(owner), "not_relevant") is True)

    # -- conditions --------------------------------------------------------------------

    def truth(self, condition: Condition, scope: Scope | None) -> Truth:
        if isinstance(condition, Test):
            return self.test(condition, scope)
        if isinstance(condition, All):
            return kleene_all(self.truth(c, scope) for c in condition.all)
        if isinstance(condition, Any_):
            return kleene_any(self.truth(c, scope) for c in condition.any)
        if isinstance(condition, Not):
            inner = self.truth(condition.not_, scope)
            return None if inner is None else not inner
        raise TypeError(condition)

    def test(self, test: Test, scope: Scope | None) -> Truth:
        subject = self.resolve(test.field, scope)
        value = subject.value
        op, operand = test.operator, test.operand
        if op == "answered":
            return bool(is_answered(value) == operand)
        if op == "is":
            return equals(value, operand)
        if op == "is_not":
            return not equals(value, operand)
        if op == "in":
            return any(equals(value, o) for o in operand)
        if op == "not_in":
            return not any(equals(value, o) for o in operand)
        if op == "graded":
            return bool((self.rank(subject) is not None) == operand)
        if op in {"before", "after", "on_or_before", "on_or_after"}:
            return compare(op, as_date(value), self.date_operand(operand, scope))
        if op in {"less_than", "at_most", "greater_than", "at_least"}:
            return compare(op, as_number(value), self.number_operand(operand, scope))
        if op in {"better_than", "worse_than"}:
            mine, other = self.rank(subject), self.rank(self.resolve(operand, scope))
            return compare("greater_than" if op == "better_than" else "less_than", mine, other)
        if op in {"better_than_all", "worse_than_all"}:
            return self.compare_all(op, subject, operand, scope)
        if op == "rows_at_most":
            return bool(row_count(value) <= operand)
        if op == "rows_at_least":
            return bool(row_count(value) >= operand)
        return self.text_test(op, subject, operand, scope)

    def text_test(self, op: str, subject: Resolved, operand: Any, scope: Scope | None) -> Truth:
        """The moderator's heuristics and grades against where good starts."""
        value = subject.value
        if op == "meets_good":
            good = self.good(subject)
            return None if good is None else good == operand
        if op == "within_lookback_of":
            return self.within_lookback(as_date(value), as_date(self.resolve(operand, scope).value))
        if not isinstance(value, str) or not is_answered(value):
            return None
        if op == "words_at_least":
            return bool(text.word_count(value) >= operand)
        if op == "mentions_child":
            found = text.refers_to_child(value) or text.names_in(value, self.child_names())
            return bool(found == operand)
        if op == "copies":
            other = self.resolve(operand, scope).value
            return text.copies(value, other) if isinstance(other, str) and is_answered(other) else None
        raise ValueError(f"unknown operator {op}")

    def good(self, resolved: Resolved) -> bool | None:
        if resolved.scale is None or not isinstance(resolved.value, str):
            return None
        scale = self.index.scales.get(resolved.scale)
        return scale.meets_good(resolved.value) if scale else None

    def within_lookback(self, when: dt.date | None, reference: dt.date | None) -> Truth:
        return within_months(when, reference, self.ev.lookback_of(self.answers))

    def child_names(self) -> list[str]:
        """The child's initials or first name where the tool records them, and the names the
        audit's own text uses (see :func:`auditforms.rules.text.inferred_names`)."""
        if self._names is None:
            names = []
            for role in CHILD_NAME_ROLES:
                field_id = self.index.by_role(role)
                value = self.resolve(field_id, None).value if field_id else None
                if isinstance(value, str) and is_answered(value):
                    names.append(value)
            self._names = names + sorted(text.inferred_names(_strings(self.answers)))
        return self._names

    def compare_all(self, op: str, subject: Resolved, refs: tuple[str, ...] | Judgements,
                    scope: Scope | None) -> Truth:
        mine = self.rank(subject)
        if isinstance(refs, Judgements):
            refs = self.ev.selected(subject.owner, subject.scale, refs)
        others = [r for r in (self.rank(self.resolve(ref, scope)) for ref in refs) if r is not None]
        if mine is None or not others:
            return None
        return mine > max(others) if op == "better_than_all" else mine < min(others)

    def rank(self, resolved: Resolved) -> float | None:
        if resolved.scale is None or not isinstance(resolved.value, str):
            return None
        scale = self.index.scales.get(resolved.scale)
        return scale.rank(resolved.value) if scale else None

    def date_operand(self, operand: Any, scope: Scope | None) -> dt.date | None:
        if isinstance(operand, str) and operand.startswith("$"):
            value = getattr(self.ev.context, operand[1:], None)
            return value if isinstance(value, dt.date) else None
        if isinstance(operand, str) and is_reference(operand):
            return as_date(self.resolve(operand, scope).value)
        return as_date(operand)

    def number_operand(self, operand: Any, scope: Scope | None) -> float | None:
        if isinstance(operand, str):
            return as_number(self.resolve(operand, scope).value)
        return as_number(operand)

    # -- rules -------------------------------------------------------------------------

    def findings(self, rules: Iterable[Rule]) -> list[Finding]:
        out: list[Finding] = []
        for rule in rules:
            target = self.ev.rule_static(rule)[0]
            for scope in self.scopes(rule):
                where = self.resolve(target, scope)
                if not where.shown:
                    continue
                if rule.when is not None and self.truth(rule.when, scope) is not True:
                    continue
                if self.truth(rule.assert_, scope) is False:
                    item = scope.owner if scope else where.owner
                    row = scope.row if scope else None
                    message = self.message(rule, scope)
                    out.append(Finding(rule.id, rule.severity, message, where.pointer, item, row))
        return out

    def message(self, rule: Rule, scope: Scope | None) -> str:
        """The rule's message with ``{count}`` (the rows or words its first counting test
        counted) and ``{label}`` (the label of the grade held where the rule points)."""
        message = rule.message
        if "{count}" in message or "{label}" in message:
            tests = iter_tests(rule.assert_)
            counted = next((t for t in tests if t.operator in _COUNTING), None)
            if counted is not None:
                value = self.resolve(counted.field, scope).value
                count = row_count(value) if counted.operator.startswith("rows") else (
                    text.word_count(value) if isinstance(value, str) else 0)
                message = message.replace("{count}", str(count))
            target = self.ev.rule_static(rule)[0]
            message = message.replace("{label}", self.option_label(self.resolve(target, scope)))
        return message

    def option_label(self, resolved: Resolved) -> str:
        scale = self.index.scales.get(resolved.scale or "")
        if scale is None or not isinstance(resolved.value, str):
            return "no grade"
        if scale.not_applicable and scale.not_applicable.id == resolved.value:
            return scale.not_applicable.label
        option = scale.option(resolved.value)
        return option.label if option else "no grade"

    def scopes(self, rule: Rule) -> Iterator[Scope | None]:
        if rule.for_each is None:
            yield None
        elif isinstance(rule.for_each, ForEachRows):
            yield from self.row_scopes(rule.for_each.rows)
        else:
            for owner in self.ev.rule_owners(rule):
                if self.shown(owner):
                    yield Scope("question", owner, None, as_mapping(self.answers.get(owner)))

    def row_scopes(self, table_id: str) -> Iterator[Scope]:
        if not self.shown(table_id):
            return
        for key, row in answered_rows(self.answers.get(table_id)):
            yield Scope("row", table_id, key, row)


def _strings(value: Any) -> Iterator[str]:
    """Every text in an answer document, depth first (keys in insertion order)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


_COUNTING = ("rows_at_most", "rows_at_least", "words_at_least")


def _column_scale(table: Table, column_id: str) -> str | None:
    column = next((c for c in table.columns if c.id == column_id), None)
    return column.scale if column else None
