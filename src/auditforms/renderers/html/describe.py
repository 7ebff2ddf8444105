"""Conditions in words for the HTML form: "Only if “Age band” is “16-21”.".

On screen a conditional part simply appears; a blank form printed for completion by hand
shows every part, so each conditional one must say when it applies. The wording itself is
the core's (:mod:`auditforms.model.describe`), shared with the Word form and check.
"""

from __future__ import annotations

from auditforms.model.conditions import Condition
from auditforms.model.definition import Definition
from auditforms.model.describe import describe_condition, item_name

__all__ = ["item_name", "only_if"]


def only_if(definition: Definition, condition: Condition | None) -> str | None:
    return None if condition is None else f"Only if {describe_condition(definition, condition)}."
