"""The blank form a definition renders to, read back: the reference a filled form is matched to."""

from __future__ import annotations

from dataclasses import dataclass, field

from auditforms.extract.package import open_package
from auditforms.extract.reader import Control, DocumentReader
from auditforms.model.definition import Definition, Table
from auditforms.renderers.docx.document import build


@dataclass
class Expected:
    by_tag: dict[str, Control] = field(default_factory=dict)
    by_alias: dict[str, str] = field(default_factory=dict)
    by_position: dict[tuple[int, ...], str] = field(default_factory=dict)
    #: table id -> (table ordinal, header texts)
    tables: dict[str, tuple[int, list[str]]] = field(default_factory=dict)


_CACHE: dict[int, tuple[Definition, Expected]] = {}


def expected_form(definition: Definition) -> Expected:
    """Built once per definition object: rendering the blank form takes a fraction of a second."""
    cached = _CACHE.get(id(definition))
    if cached is not None and cached[0] is definition:
        return cached[1]
    reader = DocumentReader(open_package(build(definition, {}, None)).document)
    expected = Expected()
    for control in reader.controls:
        assert control.tag is not None
        expected.by_tag[control.tag] = control
        if control.alias:
            expected.by_alias[control.alias] = control.tag
        expected.by_position[control.position] = control.tag
    for table in definition.index.tables():
        expected.tables[table.id] = _table_place(reader, expected, table)
    if len(_CACHE) > 16:
        _CACHE.clear()
    _CACHE[id(definition)] = (definition, expected)
    return expected


def _table_place(reader: DocumentReader, expected: Expected, table: Table) -> tuple[int, list[str]]:
    prefix = f"{table.id}."
    ordinal = next(c.position[0] for t, c in expected.by_tag.items() if t.startswith(prefix))
    return ordinal, header_texts(reader, ordinal)


def header_texts(reader: DocumentReader, ordinal: int) -> list[str]:
    from auditforms.extract.reader import text_of

    rows = reader.rows(reader.tables[ordinal])
    if not rows:
        return []
    return [_norm(text_of(tc).split("\n")[0]) for tc in reader.cells(rows[0])]


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()
