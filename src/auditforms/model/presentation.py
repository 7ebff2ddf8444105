"""How a tool asks to be printed: choices renderers honour, none of which changes an answer."""

from __future__ import annotations

from typing import Literal

from auditforms.model.base import Frozen


class Presentation(Frozen):
    """Renderer choices a tool can make; the defaults print every shipped tool as before."""

    #: ``false`` hides "(optional)" after the labels of inputs that need no answer.
    show_optional: bool = True
    #: ``as_written`` prints "1.1" as "1.1"; ``full_stop`` (the default) prints "1.1.".
    numbers: Literal["full_stop", "as_written"] = "full_stop"
    #: A scale whose key ("1 Outstanding · 2 Good …") is repeated in the printed page header.
    header_key: str | None = None

    def numbered(self, number: str | None, text: str) -> str:
        """``text`` after its number, in the tool's numbering style."""
        return f"{self.number(number)} {text}" if number else text

    def number(self, number: str) -> str:
        """A number as printed: "1.1" or "1.1."."""
        return number if self.numbers == "as_written" else f"{number}."
