"""Text going into Word: strip what XML 1.0 cannot hold, describe conditions in words."""

from __future__ import annotations

import re

from auditforms.model.conditions import Condition
from auditforms.model.definition import Definition
from auditforms.model.describe import describe_condition, describe_ref

#: Characters XML 1.0 forbids (C0 controls except tab/newline/CR, surrogates, U+FFFE/FFFF).
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """Remove characters Word's XML cannot hold (text pasted from other systems has them)."""
    return _ILLEGAL.sub("", text)


def has_illegal(text: str) -> bool:
    return bool(_ILLEGAL.search(text))


class ConditionWords:
    """Says a condition as a sentence a QA officer reads: “Age band” is “16-21”.

    The wording is the core's, so the Word form, the HTML form and check agree."""

    def __init__(self, definition: Definition) -> None:
        self.definition = definition

    def describe(self, condition: Condition) -> str:
        return describe_condition(self.definition, condition)

    def name(self, ref: str) -> str:
        return describe_ref(self.definition, ref)
