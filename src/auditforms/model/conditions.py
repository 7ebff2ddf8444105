"""Conditions: the one small language used by ``when`` and by rules.

A condition is a mapping. Combinators: ``all: [...]``, ``any: [...]``, ``not: {...}``.
A test names a field and exactly one operator, e.g. ``{field: uasc, is: "yes"}``.
Field references are ids (``age-band``), a part of a question or section
(``q4.judgement``, ``q4.impact``), or, inside a rule's ``for_each``, relative to the
current question or row (``.impact``, ``.person``). Operands of date and scale
comparisons may be references too; dates may also be ``YYYY-MM-DD`` or ``$today``,
``$period_start``, ``$period_end`` (values the checker is given).

The same semantics are implemented in Python (:mod:`auditforms.rules`) and in the
HTML form's script; a shared table of cases keeps the two honest.
"""

from __future__ import annotations

from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import Field, model_validator

from auditforms.model.base import Frozen

Scalar = str | int | float | bool

#: operator name -> kind of operand, used by the schema, the docs and the type checks.
OPERATORS: dict[str, str] = {
    "answered": "boolean",
    "is": "value",
    "is_not": "value",
    "in": "values",
    "not_in": "values",
    "graded": "boolean",
    "before": "date",
    "after": "date",
    "on_or_before": "date",
    "on_or_after": "date",
    "less_than": "number",
    "at_most": "number",
    "greater_than": "number",
    "at_least": "number",
    "better_than": "scale-ref",
    "worse_than": "scale-ref",
    "better_than_all": "scale-refs",
    "worse_than_all": "scale-refs",
    "rows_at_most": "count",
    "rows_at_least": "count",
    "meets_good": "good",
    "words_at_least": "words",
    "mentions_child": "text-boolean",
    "copies": "text-ref",
    "within_lookback_of": "lookback",
}

#: The kinds of part a ``better_than_all``/``worse_than_all`` selector names.
SELECTOR_KINDS = ("questions", "sections", "all")


class Judgements(Frozen):
    """A selector for ``better_than_all``/``worse_than_all``: every judgement of a kind (every
    question, every section's overall judgement, or both) on the same scale as the tested one,
    apart from the tested one itself. Customisations that add or leave out parts need not
    restate a list.

    ``scale`` keeps those graded on that scale (it must be the tested one's: grades on two
    scales do not compare), ``tagged`` those tagged so, and ``except`` leaves out the
    questions or sections named ("all but this one")."""

    judgements: Literal["questions", "sections", "all"]
    scale: str | None = None
    tagged: str | None = None
    except_: tuple[str, ...] = Field(default=(), alias="except")


class Test(Frozen):
    """``{field: REF, OPERATOR: OPERAND}``: one comparison of one answer."""

    field: str
    answered: bool | None = None
    is_: Scalar | None = Field(default=None, alias="is")
    is_not: Scalar | None = None
    in_: tuple[Scalar, ...] | None = Field(default=None, alias="in")
    not_in: tuple[Scalar, ...] | None = None
    graded: bool | None = None
    before: str | None = None
    after: str | None = None
    on_or_before: str | None = None
    on_or_after: str | None = None
    less_than: float | str | None = None
    at_most: float | str | None = None
    greater_than: float | str | None = None
    at_least: float | str | None = None
    better_than: str | None = None
    worse_than: str | None = None
    better_than_all: tuple[str, ...] | Judgements | None = None
    worse_than_all: tuple[str, ...] | Judgements | None = None
    rows_at_most: int | None = None
    rows_at_least: int | None = None
    meets_good: bool | None = None
    words_at_least: int | None = None
    mentions_child: bool | None = None
    copies: str | None = None
    within_lookback_of: str | None = None

    @model_validator(mode="after")
    def _one_operator(self) -> Test:
        if len(self.operators()) != 1:
            raise ValueError("a test needs exactly one operator")
        return self

    def operators(self) -> dict[str, Any]:
        """The operator given, by its YAML name (``is``, not ``is_``)."""
        out: dict[str, Any] = {}
        for name in OPERATORS:
            value = getattr(self, name.rstrip("_") + "_" if name in {"is", "in"} else name)
            if value is not None:
                out[name] = value
        return out

    @cached_property
    def operator_pair(self) -> tuple[str, Any]:
        """(operator, operand), found once: the evaluator asks for them for every audit."""
        return next(iter(self.operators().items()))

    @property
    def operator(self) -> str:
        return self.operator_pair[0]

    @property
    def operand(self) -> Any:
        return self.operator_pair[1]


class All(Frozen):
    all: tuple[Condition, ...]


class Any_(Frozen):
    any: tuple[Condition, ...]


class Not(Frozen):
    not_: Condition = Field(alias="not")


Condition = Annotated[All | Any_ | Not | Test, Field(union_mode="left_to_right")]

All.model_rebuild()
Any_.model_rebuild()
Not.model_rebuild()


def iter_tests(condition: Condition) -> list[Test]:
    """Every test inside ``condition``, depth first."""
    if isinstance(condition, Test):
        return [condition]
    if isinstance(condition, All):
        return [t for c in condition.all for t in iter_tests(c)]
    if isinstance(condition, Any_):
        return [t for c in condition.any for t in iter_tests(c)]
    return iter_tests(condition.not_)


def condition_refs(condition: Condition) -> list[str]:
    """Every field reference in ``condition``: tested fields and referenced operands."""
    refs: list[str] = []
    for test in iter_tests(condition):
        refs.append(test.field)
        kind = OPERATORS[test.operator]
        operand = test.operand
        if kind == "scale-ref":
            refs.append(operand)
        elif kind == "scale-refs" and not isinstance(operand, Judgements):
            refs.extend(operand)
        elif kind in {"text-ref", "lookback"} or (
                kind in {"date", "number"} and isinstance(operand, str) and is_reference(operand)):
            refs.append(operand)
    return refs


def is_reference(operand: str) -> bool:
    """Whether a date/number operand names a field rather than giving a literal or $variable."""
    if operand.startswith("$"):
        return False
    return not (len(operand) == 10 and operand[4] == "-" and operand[7] == "-" and operand[:4].isdigit())
