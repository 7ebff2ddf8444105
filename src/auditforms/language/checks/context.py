"""What every semantic check needs: the model, the located tree, and a way to report."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from auditforms.diagnostics import Diagnostic, Severity
from auditforms.model.definition import Checklist, Definition, FieldItem, Question, SubSection
from auditforms.source.located import locate


@dataclass
class Context:
    definition: Definition
    tree: Any
    filename: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    _said: set[tuple[str, str, str, int, int]] = field(default_factory=set, repr=False)

    def report(self, code: str, message: str, pointer: str, *, warning: bool = False) -> None:
        """Report a problem once per place in the file: what a section's ``defaults`` give
        every question is one text, found through each question (and said once)."""
        pos = locate(self.tree, pointer)
        found = Diagnostic(code, message, file=pos.file if pos else self.filename, line=pos.line if pos else 0,
                           col=pos.col if pos else 0, pointer=pointer,
                           severity=Severity.WARNING if warning else Severity.ERROR)
        place = (code, message, found.file, found.line, found.col)
        if found.line and place in self._said:
            return
        self._said.add(place)
        self.diagnostics.append(found)

    def nodes(self) -> Iterator[tuple[str, Any]]:
        """Every section, item (headings and checklists too), question part, criterion and
        follow-up field with its JSON pointer."""
        for i, section in enumerate(self.definition.sections):
            base = f"/sections/{i}"
            yield base, section
            for j, item in enumerate(section.items):
                yield from _walk_item(f"{base}/items/{j}", item)


def _walk_item(pointer: str, item: Any) -> Iterator[tuple[str, Any]]:
    yield pointer, item
    if isinstance(item, Checklist):
        for k, criterion in enumerate(item.criteria):
            yield from _walk_item(f"{pointer}/criteria/{k}", criterion)
    elif isinstance(item, SubSection):
        for k, inner in enumerate(item.items):
            yield from _walk_item(f"{pointer}/items/{k}", inner)
    elif isinstance(item, Question):
        for k, part in enumerate(item.parts):
            yield from _walk_item(f"{pointer}/parts/{k}", part)
        for k, field_ in enumerate(item.fields):
            yield from _walk_item(f"{pointer}/fields/{k}", field_)
    elif isinstance(item, FieldItem):
        if item.follow_up is not None:
            yield from _walk_item(f"{pointer}/follow_up", item.follow_up)
        for k, option in enumerate(item.options):
            if option.follow_up is not None:
                yield from _walk_item(f"{pointer}/options/{k}/follow_up", option.follow_up)
