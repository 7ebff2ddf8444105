"""Matching the controls of a filled form to the blank form: by tag, then title, then position.

Word keeps every tag. LibreOffice 7.4 drops tags when it saves, keeps only the titles of
text controls (and of check boxes, on the control it wraps them in), and keeps neither
for drop-downs and dates; those are found by their table cell, which is why the renderer
puts every control in a cell of its own.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from auditforms.extract.expected import Expected
from auditforms.extract.reader import Control, DocumentReader


@dataclass
class Matches:
    by_tag: dict[str, Control] = field(default_factory=dict)
    methods: Counter[str] = field(default_factory=Counter)
    #: tags matched by each fallback, for the warning
    fallback_tags: dict[str, list[str]] = field(default_factory=dict)
    duplicates: list[str] = field(default_factory=list)
    unknown: int = 0
    #: controls looked at (those outside the answer tables)
    total: int = 0


def match_controls(reader: DocumentReader, expected: Expected, skip_tables: set[int],
                   table_tags: set[str]) -> Matches:
    """Match every control outside the answer tables (``skip_tables`` are their ordinals)."""
    matches = Matches()
    for control in reader.controls:
        if len(control.position) == 4 and control.position[0] in skip_tables:
            continue
        matches.total += 1
        tag, how = _identify(control, expected)
        if tag is None or tag in table_tags:
            matches.unknown += tag is None
            continue
        if tag in matches.by_tag:
            matches.duplicates.append(tag)
            continue
        matches.by_tag[tag] = control
        matches.methods[how] += 1
        if how != "tag":
            matches.fallback_tags.setdefault(how, []).append(tag)
    return matches


def _identify(control: Control, expected: Expected) -> tuple[str | None, str]:
    if control.tag:  # a tag is authoritative: an unknown one belongs to another form
        return (control.tag, "tag") if control.tag in expected.by_tag else (None, "")
    if control.alias and control.alias in expected.by_alias:
        return expected.by_alias[control.alias], "title"
    tag = expected.by_position.get(control.position)
    if tag is not None and expected.by_tag[tag].kind == control.kind:
        return tag, "position"
    return None, ""
