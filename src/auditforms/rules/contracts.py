"""What the rule engine's parts promise each other: the records they pass, and the protocols
by which the compiled path (:mod:`.compiled`, :mod:`.session`) reaches the evaluator that built
it and the plain evaluator it falls back on.

Kept apart so that neither the compiled path nor the evaluator imports the other's module for
its types: the evaluator builds sessions; sessions and compiled rules only know these shapes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from auditforms.rules.logic import Truth

if TYPE_CHECKING:
    from auditforms.model.conditions import Judgements, Test
    from auditforms.model.definition import Rule
    from auditforms.model.index import DefinitionIndex


@dataclass(frozen=True, slots=True)
class EvalContext:
    """Values a condition may name with ``$``: ``$today``, ``$period_start``, ``$period_end``;
    and the sample's history, (child id, audit date) pairs, which ``check`` compares each
    audit with (the look-back)."""

    today: dt.date | None = None
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    history: frozenset[tuple[str, dt.date]] | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    """A rule that does not hold. Never carries the text of an answer."""

    rule_id: str
    severity: str
    message: str
    pointer: str
    item_id: str | None
    row: int | str | None = None


@dataclass(frozen=True, slots=True)
class Scope:
    kind: str  # "question" or "row"
    owner: str
    row: int | str | None = None
    value: Mapping[str, Any] | None = None


class PlainRun(Protocol):
    """The plain (interpreted) evaluator over one audit: the reference the compiled path is held to."""

    def child_names(self) -> list[str]: ...

    def message(self, rule: Rule, scope: Scope | None) -> str: ...

    def test(self, test: Test, scope: Scope | None) -> Truth: ...


class RuleEvaluator(Protocol):
    """What compiled rules and sessions ask of the evaluator that compiled them."""

    index: DefinitionIndex
    context: EvalContext

    def lookback_of(self, answers: Mapping[str, Any]) -> int | None: ...

    def rule_owners(self, rule: Rule) -> tuple[str, ...]: ...

    def rule_static(self, rule: Rule) -> tuple[str, set[str]]: ...

    def judgement_scale(self, owner: str) -> str | None: ...

    def selected(self, owner: str | None, scale: str | None, selector: Judgements) -> tuple[str, ...]: ...

    def plain_session(self, answers: Mapping[str, Any]) -> PlainRun: ...


class RuleSession(Protocol):
    """What a compiled condition reads from the session of the audit it is evaluated on."""

    answers: Mapping[str, Any]

    def shown(self, item_id: str) -> bool: ...

    def copies(self, value: str, other: str) -> bool: ...

    def mentions_child(self, value: str) -> bool: ...

    def word_count(self, value: str) -> int: ...

    def plain_test(self, test: Test, row: Scope | None, owner: str | None) -> Truth: ...

    def within_lookback(self, when: dt.date | None, reference: dt.date | None) -> Truth: ...
