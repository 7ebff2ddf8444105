"""Every tool's form, every control answered, read back — in Word's format and after LibreOffice."""

from __future__ import annotations

import io
from typing import Any

import docx
import pytest
from docx_helpers import fill, kind_of, sdts, tag_of
from docx_paths import ALL_DEFINITIONS, definition_id

from auditforms.extract import extract_docx
from auditforms.extract.slots import slot_for
from auditforms.model.definition import Table


def answer_everything(definition, blank: bytes) -> dict[str, Any]:
    """tag -> a distinct value for every control, as a diligent auditor would give."""
    from docx.oxml.ns import qn

    values: dict[str, Any] = {}
    for n, sdt in enumerate(sdts(docx.Document(io.BytesIO(blank)).element.body)):
        tag, kind = tag_of(sdt), kind_of(sdt)
        if kind == "checkbox":
            values[tag] = True
        elif kind == "date":
            values[tag] = f"2026-{n % 12 + 1:02d}-{n % 28 + 1:02d}"
        elif kind == "dropdown":
            items = [i.get(qn("w:value")) for i in sdt.iter(qn("w:listItem"))]
            values[tag] = items[n % len(items)]
        else:
            values[tag] = n if _is_number(definition, tag) else f"Answer number {n}."
    return values


def _is_number(definition, tag: str) -> bool:
    owner, _, rest = tag.partition(".")
    node = definition.index.entries[owner].node if owner in definition.index else None
    if isinstance(node, Table):
        column = rest.rsplit(".", 1)[-1]
        return any(c.id == column and c.type == "number" for c in node.columns)
    slot = slot_for(definition, tag)
    return slot is not None and slot.type == "number"


def flatten(definition, document: dict[str, Any]) -> dict[str, Any]:
    """The inverse of the tag scheme: extracted answers back to tag -> value."""
    out: dict[str, Any] = {}
    for key, value in document["answers"].items():
        node = definition.index.entries[key].node
        if isinstance(node, Table):
            rows = enumerate(value, start=1) if isinstance(value, list) else value.items()
            out.update({f"{key}.{r}.{col}": v for r, row in rows for col, v in row.items()})
        elif isinstance(value, list):
            out.update({f"{key}.{option}": True for option in value})
        elif isinstance(value, dict):
            out.update({f"{key}.{part}": v for part, v in value.items()})
        else:
            out[key] = value
    out.update(_moderation_tags(document.get("moderation", {})))
    return out


def _moderation_tags(moderation: dict[str, Any]) -> dict[str, Any]:
    """The moderation record back to the moderation table's and sign-off's tags."""
    out = {f"_moderation.{p}": moderation[p] for p in ("moderator", "date", "summary") if p in moderation}
    out.update({f"_moderation.{p}.judgement": v for p, v in moderation.get("judgements", {}).items()})
    out.update({f"_moderation.{p}.judgement": "agree" for p in moderation.get("agreed", [])})
    for part, items in moderation.get("checklist", {}).items():
        out.update({f"_moderation.{part}.checklist.{i}": v for i, v in items.items() if v})
    return out


@pytest.mark.parametrize("path", ALL_DEFINITIONS, ids=definition_id)
def test_docx_every_control_of_every_tool_round_trips(path, load, render):
    definition = load(path)
    blank = render(path)
    values = answer_everything(definition, blank)
    document, diagnostics = extract_docx(definition, fill(blank, values), f"{path.stem}.docx")
    assert {d.code for d in diagnostics} <= {"AF712"}, [d.format() for d in diagnostics]
    assert flatten(definition, document) == values


@pytest.fixture(scope="module")
def resaved_forms(load, render, libreoffice, tmp_path_factory) -> dict[str, tuple[dict, bytes]]:
    """Every tool's form, fully answered, re-saved by LibreOffice (in one run)."""
    folder = tmp_path_factory.mktemp("answered")
    sources, values = [], {}
    for path in ALL_DEFINITIONS:
        blank = render(path)
        values[path.stem] = answer_everything(load(path), blank)
        source = folder / f"{path.stem}.docx"
        source.write_bytes(fill(blank, values[path.stem]))
        sources.append(source)
    converted = libreoffice.convert_all(sources, "docx")
    return {s.stem: (values[s.stem], c.read_bytes()) for s, c in zip(sources, converted, strict=True)}


@pytest.mark.libreoffice
@pytest.mark.parametrize("path", ALL_DEFINITIONS, ids=definition_id)
def test_docx_every_tool_survives_a_libreoffice_resave(path, load, resaved_forms):
    definition = load(path)
    values, data = resaved_forms[path.stem]
    document, diagnostics = extract_docx(definition, data, f"{path.stem}.docx")
    assert document is not None, [d.format() for d in diagnostics]
    assert flatten(definition, document) == values
    assert not {d.code for d in diagnostics} & {"AF710", "AF711"}, [d.format() for d in diagnostics]
