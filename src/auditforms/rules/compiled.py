"""Conditions compiled once per definition into closures, so checking an audit does no
dispatch on operator names, reference syntax or scopes.

A reference compiles to a :class:`Ref` for one place it is read from (no scope, a question
or section, or the rows of a table): how to read its value and whether it is shown, with its
owner, pointer and scale worked out once. A condition compiles to a :data:`Cond`, a function of
the audit's session and the row being visited (a :class:`~auditforms.rules.contracts.Scope`,
or ``None`` outside rows). The meaning is the plain evaluator's
(:class:`~auditforms.rules.interpreter.Interpreter`), step for step; property tests hold the two equal.

Adding an operator: implement it in the plain evaluator first (``Interpreter.test``/``text_test``)
and in the form's script (renderers/html/rules.js). Until a builder is added to
:data:`BUILDERS` here, the compiled path asks the plain evaluator for that test (a
correct fallback, only slower). A builder takes the compiler, the subject :class:`Ref`, the
operand and the place, and returns a :data:`Cond`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Container, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from auditforms.model.conditions import All, Any_, Condition, Judgements, Not, Test, is_reference
from auditforms.model.definition import FieldItem, Section, Table
from auditforms.rules.contracts import Scope
from auditforms.rules.logic import MAPPINGS, Truth, as_mapping, compare, equals, kleene_all, kleene_any
from auditforms.rules.logic import get as member  # a member of an object answer, or None
from auditforms.rules.values import as_date, as_number, is_answered, row_count

if TYPE_CHECKING:
    from auditforms.rules.contracts import RuleEvaluator as Evaluator
    from auditforms.rules.contracts import RuleSession as Session

#: (session, row scope or None) -> a value, a truth, or shown.
Cond = Callable[["Session", "Scope | None"], Truth]
Getter = Callable[["Session", "Scope | None"], Any]
Shown = Callable[["Session", "Scope | None"], bool]
#: Where a reference is read: None, ("question", owner) or ("row", table id).
Place = tuple[str, str] | None


@dataclass(frozen=True, slots=True)
class Ref:
    """One reference, compiled for one place."""

    get: Getter
    shown: Shown
    owner: str | None
    pointer: str  # for a part of a row, the table's pointer: the row key and ``row_part`` follow
    scale: str | None
    row_part: str | None = None


def _never_shown(s: Session, r: Scope | None) -> bool:
    return False


def _nothing(s: Session, r: Scope | None) -> Any:
    return None


def _always_shown(s: Session, r: Scope | None) -> bool:
    return True


class Compiler:
    """Compiles the references and conditions of one evaluator's definition and context."""

    def __init__(self, evaluator: Evaluator) -> None:
        self.ev = evaluator
        self.index = evaluator.index
        self.context = evaluator.context
        self._refs: dict[tuple[str, Place], Ref] = {}
        #: ids shown whatever the answers, once the program knows them: their references read
        #: the answer without asking the session whether it is shown (refs compiled before
        #: then, for the conditions that decide it, ask)
        self.always_shown: Container[str] = ()

    # -- references ----------------------------------------------------------------------

    def ref(self, ref: str, place: Place) -> Ref:
        key = (ref, place)
        found = self._refs.get(key)
        if found is None:
            found = self._refs[key] = self._ref(ref, place)
        return found

    def _ref(self, ref: str, place: Place) -> Ref:
        if ref.startswith("."):
            part = ref[1:]
            if place is None:
                return Ref(_nothing, _never_shown, None, "", None)
            if place[0] == "row":
                return self._row_part(place[1], part)
            return self._part(place[1], part)
        if "." in ref:
            owner, part = ref.split(".", 1)
            return self._part(owner, part)
        return self._field(ref)

    def _field(self, ref: str) -> Ref:
        entry = self.index.entries.get(ref)
        scale = entry.node.scale if entry and isinstance(entry.node, FieldItem) else None
        pointer = f"/answers/{ref}"
        if ref in self.always_shown:
            return Ref(lambda s, r: s.answers.get(ref), _always_shown, ref, pointer, scale)

        def get(s: Session, r: Scope | None) -> Any:
            return s.answers.get(ref) if s.shown(ref) else None

        def shown(s: Session, r: Scope | None) -> bool:
            return s.shown(ref)

        return Ref(get, shown, ref, pointer, scale)

    def _part(self, owner: str, part: str) -> Ref:
        entry = self.index.entries.get(owner)
        node = entry.node if entry else None
        hideable = isinstance(node, Section) and node.optional and part != "not_relevant"
        scale = self.ev.judgement_scale(owner) if part == "judgement" else None
        pointer = f"/answers/{owner}/{part}"
        if owner in self.always_shown and not hideable:
            return Ref(lambda s, r: member(s.answers.get(owner), part), _always_shown, owner, pointer, scale)

        def shown(s: Session, r: Scope | None) -> bool:
            if not s.shown(owner):
                return False
            if hideable:
                value = s.answers.get(owner)
                return not (isinstance(value, MAPPINGS) and value.get("not_relevant") is True)
            return True

        def get(s: Session, r: Scope | None) -> Any:
            if not s.shown(owner):
                return None
            value = s.answers.get(owner)
            if not isinstance(value, MAPPINGS) or (hideable and value.get("not_relevant") is True):
                return None
            return value.get(part)

        return Ref(get, shown, owner, pointer, scale)

    def _row_part(self, table_id: str, part: str) -> Ref:
        table = self.index.node(table_id) if table_id in self.index else None
        column = next((c for c in table.columns if c.id == part), None) if isinstance(table, Table) else None

        def get(s: Session, r: Scope | None) -> Any:
            return member(r.value, part) if r is not None else None

        return Ref(get, _always_shown, table_id, f"/answers/{table_id}", column.scale if column else None, part)

    # -- conditions ----------------------------------------------------------------------

    def condition(self, condition: Condition, place: Place) -> Cond:
        if isinstance(condition, Test):
            return self.test(condition, place)
        if isinstance(condition, All | Any_):
            parts = tuple(self.condition(c, place) for c in (
                condition.all if isinstance(condition, All) else condition.any))
            combine = kleene_all if isinstance(condition, All) else kleene_any
            return lambda s, r: combine(c(s, r) for c in parts)
        if isinstance(condition, Not):
            inner = self.condition(condition.not_, place)

            def negated(s: Session, r: Scope | None) -> Truth:
                found = inner(s, r)
                return None if found is None else not found
            return negated
        raise TypeError(condition)

    def test(self, test: Test, place: Place) -> Cond:
        subject = self.ref(test.field, place)
        op, operand = test.operator, test.operand
        build = BUILDERS.get(op)
        if build is None:
            return self._plain(test, place)
        return build(self, subject, operand, place)

    def _plain(self, test: Test, place: Place) -> Cond:
        """An operator the compiled path does not know yet: the plain evaluator answers."""
        owner = place[1] if place is not None and place[0] == "question" else None

        def plain(s: Session, r: Scope | None) -> Truth:
            return s.plain_test(test, r, owner)
        return plain

    # -- operand helpers -------------------------------------------------------------------

    def rank_of(self, ref: Ref) -> Callable[[Session, Scope | None], float | None]:
        scale = self.index.scales.get(ref.scale) if ref.scale is not None else None
        get = ref.get
        if scale is None:
            return lambda s, r: None

        def rank(s: Session, r: Scope | None) -> float | None:
            value = get(s, r)
            return scale.rank(value) if isinstance(value, str) else None
        return rank

    def date_operand(self, operand: Any, place: Place) -> Getter:
        if isinstance(operand, str) and operand.startswith("$"):
            value = getattr(self.context, operand[1:], None)
            fixed = value if isinstance(value, dt.date) else None
            return lambda s, r: fixed
        if isinstance(operand, str) and is_reference(operand):
            get = self.ref(operand, place).get
            return lambda s, r: as_date(get(s, r))
        literal = as_date(operand)
        return lambda s, r: literal

    def number_operand(self, operand: Any, place: Place) -> Getter:
        if isinstance(operand, str):
            get = self.ref(operand, place).get
            return lambda s, r: as_number(get(s, r))
        literal = as_number(operand)
        return lambda s, r: literal


Builder = Callable[[Compiler, Ref, Any, Place], Cond]


def _answered(c: Compiler, subject: Ref, operand: Any, place: Place) -> Cond:
    get = subject.get
    return lambda s, r: bool(is_answered(get(s, r)) == operand)


def _equality(many: bool, negated: bool) -> Builder:
    """``is``/``in`` (and their negations): equal as :func:`~auditforms.rules.logic.equals` says."""
    def build(c: Compiler, subject: Ref, operand: Any, place: Place) -> Cond:
        get, options = subject.get, (tuple(operand) if many else (operand,))

        def found(s: Session, r: Scope | None) -> Truth:
            value = get(s, r)
            return any(equals(value, o) for o in options) is not negated
        return found
    return build


def _graded(c: Compiler, subject: Ref, operand: Any, place: Place) -> Cond:
    rank = c.rank_of(subject)
    return lambda s, r: bool((rank(s, r) is not None) == operand)


def _comparison(op: str, kind: str) -> Builder:
    """Dates (with a fixed date, ``$today``… or another field) and numbers."""
    def build(c: Compiler, subject: Ref, operand: Any, place: Place) -> Cond:
        get = subject.get
        other: Getter
        convert: Callable[[Any], Any]
        if kind == "date":
            other, convert = c.date_operand(operand, place), as_date
        else:
            other, convert = c.number_operand(operand, place), as_number
        return lambda s, r: compare(op, convert(get(s, r)), other(s, r))
    return build


def _ranked(op: str) -> Builder:
    def build(c: Compiler, subject: Ref, operand: Any, place: Place) -> Cond:
        mine, other = c.rank_of(subject), c.rank_of(c.ref(operand, place))
        return lambda s, r: compare(op, mine(s, r), other(s, r))
    return build


def _ranked_all(better: bool) -> Builder:
    """``better_than_all``/``worse_than_all``: a list of parts, or a selector resolved once."""
    def build(c: Compiler, subject: Ref, operand: Any, place: Place) -> Cond:
        refs = c.ev.selected(subject.owner, subject.scale, operand) \
            if isinstance(operand, Judgements) else tuple(operand)
        mine = c.rank_of(subject)
        ranks = tuple(c.rank_of(c.ref(ref, place)) for ref in refs)

        def compare_all(s: Session, r: Scope | None) -> Truth:
            own = mine(s, r)
            others = [x for x in (rank(s, r) for rank in ranks) if x is not None]
            if own is None or not others:
                return None
            return own > max(others) if better else own < min(others)
        return compare_all
    return build


def _rows(at_most: bool) -> Builder:
    def build(c: Compiler, subject: Ref, operand: Any, place: Place) -> Cond:
        get = subject.get
        if at_most:
            return lambda s, r: bool(row_count(get(s, r)) <= operand)
        return lambda s, r: bool(row_count(get(s, r)) >= operand)
    return build


def _meets_good(c: Compiler, subject: Ref, operand: Any, place: Place) -> Cond:
    scale = c.index.scales.get(subject.scale) if subject.scale is not None else None
    get = subject.get

    def meets(s: Session, r: Scope | None) -> Truth:
        value = get(s, r)
        if scale is None or not isinstance(value, str):
            return None
        good = scale.meets_good(value)
        return None if good is None else good == operand
    return meets


def _within_lookback(c: Compiler, subject: Ref, operand: Any, place: Place) -> Cond:
    get, other = subject.get, c.ref(operand, place).get
    return lambda s, r: s.within_lookback(as_date(get(s, r)), as_date(other(s, r)))


def _on_text(get: Getter, test: Callable[[Session, Scope | None, str], Truth]) -> Cond:
    """A test of answered text: unknown for anything else."""
    def on_text(s: Session, r: Scope | None) -> Truth:
        value = get(s, r)
        if not isinstance(value, str) or not is_answered(value):
            return None
        return test(s, r, value)
    return on_text


def _words_at_least(c: Compiler, subject: Ref, operand: Any, place: Place) -> Cond:
    return _on_text(subject.get, lambda s, r, value: bool(s.word_count(value) >= operand))


def _mentions_child(c: Compiler, subject: Ref, operand: Any, place: Place) -> Cond:
    return _on_text(subject.get, lambda s, r, value: bool(s.mentions_child(value) == operand))


def _copies(c: Compiler, subject: Ref, operand: Any, place: Place) -> Cond:
    other = c.ref(operand, place).get

    def copied(s: Session, r: Scope | None, value: str) -> Truth:
        theirs = other(s, r)
        return s.copies(value, theirs) if isinstance(theirs, str) and is_answered(theirs) else None
    return _on_text(subject.get, copied)


#: operator -> the function that compiles its tests; an operator missing here is asked of the
#: plain evaluator.
BUILDERS: dict[str, Builder] = {
    "answered": _answered,
    "is": _equality(False, False), "is_not": _equality(False, True),
    "in": _equality(True, False), "not_in": _equality(True, True),
    "graded": _graded,
    **{op: _comparison(op, "date") for op in ("before", "after", "on_or_before", "on_or_after")},
    **{op: _comparison(op, "number") for op in ("less_than", "at_most", "greater_than", "at_least")},
    "better_than": _ranked("greater_than"), "worse_than": _ranked("less_than"),
    "better_than_all": _ranked_all(True), "worse_than_all": _ranked_all(False),
    "rows_at_most": _rows(True), "rows_at_least": _rows(False),
    "meets_good": _meets_good, "within_lookback_of": _within_lookback,
    "words_at_least": _words_at_least, "mentions_child": _mentions_child, "copies": _copies,
}


def question_scope(owner: str, answers: Mapping[str, Any]) -> Scope:
    """The plain evaluator's scope for a question or section (for fallbacks and messages)."""
    return Scope("question", owner, None, as_mapping(answers.get(owner)))
