"""What every semantic check needs: the model, the located tree, and a way to report."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from auditforms.diagnostics import Diagnostic, Severity
from auditforms.model.definition import Definition, FieldItem, Question, Section, Table
from auditforms.source.located import locate


@dataclass
class Context:
    definition: Definition
    tree: Any
    filename: str
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def report(self, code: str, message: str, pointer: str, *, warning: bool = False) -> None:
        pos = locate(self.tree, pointer)
        self.diagnostics.append(Diagnostic(
            code, message, file=pos.file if pos else self.filename, line=pos.line if pos else 0,
            col=pos.col if pos else 0, pointer=pointer,
            severity=Severity.WARNING if warning else Severity.ERROR))

    def nodes(self) -> Iterator[tuple[str, Section | Question | Table | FieldItem]]:
        """Every section, item, question part and follow-up field with its JSON pointer."""
        for i, section in enumerate(self.definition.sections):
            base = f"/sections/{i}"
            yield base, section
            for j, item in enumerate(section.items):
                yield from _walk_item(f"{base}/items/{j}", item)


def _walk_item(pointer: str, item: Question | Table | FieldItem) -> Iterator[tuple[str, Any]]:
    yield pointer, item
    if isinstance(item, Question):
        for k, part in enumerate(item.parts):
            yield from _walk_item(f"{pointer}/parts/{k}", part)
    elif isinstance(item, FieldItem):
        if item.follow_up is not None:
            yield from _walk_item(f"{pointer}/follow_up", item.follow_up)
        for k, option in enumerate(item.options):
            if option.follow_up is not None:
                yield from _walk_item(f"{pointer}/options/{k}/follow_up", option.follow_up)
