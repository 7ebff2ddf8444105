"""Grade descriptors as a rubric: paragraphs shown only when a condition holds, and links to
guides outside the tool (a practice standard, a council's procedures) from a scale, a grade,
a question or a section."""

from __future__ import annotations

from auditforms.model.base import Frozen
from auditforms.model.conditions import Condition


class Link(Frozen):
    """A guide outside the tool: its title and web address, printed as both."""

    title: str
    url: str


class Descriptor(Frozen):
    """A further paragraph of a grade's descriptor, e.g. "In addition for care leavers: …",
    shown (in Word: marked) only when ``when`` holds."""

    text: str
    when: Condition | None = None
