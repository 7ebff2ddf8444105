"""Matching the controls of a filled form to the blank form: by tag, then title, then position.

Word keeps every tag. LibreOffice 7.4 drops tags when it saves, keeps only the titles of
plain-text controls (older forms) and of check boxes (on the control it wraps them in),
and keeps neither for rich-text boxes, drop-downs and dates; those are found by their
table cell, which is why the renderer
puts every control in a cell of its own. A form saved as an old .doc (or by a program
that knows no content controls) has lost its controls altogether; its answers are then
read from the text of the cells where the controls were.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from lxml import etree  # type: ignore[import-untyped]  # no stubs shipped

from auditforms.extract.expected import Expected
from auditforms.extract.reader import Control, DocumentReader, text_of, w


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


def read_bare_cells(reader: DocumentReader, expected: Expected, matches: Matches,
                    table_tags: set[str]) -> None:
    """For controls not found, read the cell they sat in, if it holds no control at all."""
    for tag, blank in expected.by_tag.items():
        if tag in matches.by_tag or tag in table_tags or len(blank.position) != 4:
            continue
        table, row, column, k = blank.position
        tc = _cell(reader, table, row, column)
        if tc is None or reader.controls_in(tc):
            continue
        paragraphs = tc.findall(w("p"))
        siblings = sum(1 for c in expected.by_tag.values() if c.position[:3] == blank.position[:3])
        if siblings > 1 and k >= len(paragraphs):
            continue
        text = text_of(paragraphs[k]) if siblings > 1 else text_of(tc)
        cell = Control(None, None, blank.kind, text, False, position=blank.position)
        if blank.kind == "checkbox":
            cell.checked = "\u2612" in text or "\u2611" in text
        matches.by_tag[tag] = cell
        matches.methods["cell"] += 1
        matches.fallback_tags.setdefault("cell", []).append(tag)


def _cell(reader: DocumentReader, table: int, row: int, column: int) -> etree._Element | None:
    if table >= len(reader.tables):
        return None
    rows = reader.rows(reader.tables[table])
    cells = reader.cells(rows[row]) if row < len(rows) else []
    return cells[column] if column < len(cells) else None
