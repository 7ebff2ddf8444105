"""Grading scales: their grades, where good starts, and how grades compare.

Rules compare grades for every audit, so each scale works out its ranks once.
"""

from __future__ import annotations

from functools import cached_property
from typing import Literal

from auditforms.model.base import Frozen
from auditforms.model.rubric import Descriptor, Link


class ScaleOption(Frozen):
    id: str
    label: str
    value: float | None = None
    #: The grade's descriptor: paragraphs (blank line between) and bullet lists.
    description: str | None = None
    descriptors: tuple[Descriptor, ...] = ()
    links: tuple[Link, ...] = ()


class NotApplicableOption(Frozen):
    """An answer that is not a grade (e.g. "Not applicable")."""

    id: str = "not-applicable"
    label: str = "Not applicable"


class Scale(Frozen):
    """An ordered grading scale. ``best`` says which end of ``value`` is best."""

    id: str
    title: str | None = None
    best: Literal["highest", "lowest"] | None = None
    #: ``checklist``: answers without rank or value (YES / NO / N/A), kept apart from grades.
    kind: Literal["grade", "checklist"] = "grade"
    options: tuple[ScaleOption, ...]
    not_applicable: NotApplicableOption | None = None
    good_from: str | None = None
    links: tuple[Link, ...] = ()

    @property
    def is_checklist(self) -> bool:
        """An answer set that is not a grade: never ranked, counted apart from grades."""
        return self.kind == "checklist"

    @property
    def key_text(self) -> str:
        """"Grade: Outstanding · Good · …", as a key printed in a page header."""
        labels = [o.label for o in self.options] + ([self.not_applicable.label] if self.not_applicable else [])
        return f"{self.title or 'Key'}: " + " · ".join(labels)

    def option(self, option_id: str) -> ScaleOption | None:
        return next((o for o in self.options if o.id == option_id), None)

    @property
    def answer_ids(self) -> tuple[str, ...]:
        ids = tuple(o.id for o in self.options)
        return ids + ((self.not_applicable.id,) if self.not_applicable else ())

    def rank(self, option_id: str) -> float | None:
        """A number where bigger is always better; ``None`` for N/A or unknown ids."""
        return self.ranks.get(option_id)

    @cached_property
    def ranks(self) -> dict[str, float]:
        """Every grade's rank, worked out once: rules compare grades for every audit."""
        sign = 1 if self.best == "highest" else -1
        return {o.id: sign * o.value for o in self.options if o.value is not None}

    def meets_good(self, option_id: str) -> bool | None:
        """Whether a grade is at or above ``good_from``; ``None`` for N/A, unknown ids, or a
        scale that does not say where good starts."""
        mine = self.rank(option_id)
        good = self.rank(self.good_from) if self.good_from else None
        return None if mine is None or good is None else mine >= good
