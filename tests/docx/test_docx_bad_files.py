"""Files that are not this tool's form: one clear diagnostic each, never a traceback or a hang."""

from __future__ import annotations

import io
import zipfile

import pytest
from docx_paths import ALL_DEFINITIONS, KITCHEN_SINK

from auditforms.extract import CATALOGUE, extract_docx
from auditforms.extract.package import MAX_FILE_BYTES


def _codes(kitchen_sink, data: bytes) -> list[str]:
    document, diagnostics = extract_docx(kitchen_sink, data, "bad.docx")
    assert document is None
    assert len(diagnostics) == 1 and diagnostics[0].is_error
    assert diagnostics[0].format().startswith("bad.docx: error[")
    return [d.code for d in diagnostics]


def _zip(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def _replace_member(data: bytes, name: str, new: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        members = {n: source.read(n) for n in source.namelist()}
    members[name] = new
    return _zip(members)


def test_docx_not_a_zip(kitchen_sink):
    assert _codes(kitchen_sink, b"%PDF-1.7 this is a PDF renamed .docx") == ["AF701"]


def test_docx_empty_file(kitchen_sink):
    assert _codes(kitchen_sink, b"") == ["AF701"]


def test_docx_truncated_zip(kitchen_sink, render):
    data = render(KITCHEN_SINK)
    assert _codes(kitchen_sink, data[: len(data) // 2]) == ["AF701"]


def test_docx_corrupt_member(kitchen_sink, render):
    data = bytearray(render(KITCHEN_SINK))
    start = data.find(b"word/document.xml") + 40
    data[start:start + 200] = bytes(200)
    assert _codes(kitchen_sink, bytes(data))[0] in {"AF701", "AF703"}


def test_docx_zip_without_a_document(kitchen_sink):
    assert _codes(kitchen_sink, _zip({"hello.txt": b"hi"})) == ["AF701"]


def test_docx_old_doc_format(kitchen_sink):
    assert _codes(kitchen_sink, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)) == ["AF715"]


def test_docx_zip_bomb_is_refused_from_the_directory(kitchen_sink):
    bomb = _zip({"word/document.xml": b"<" + b"a" * (20 * 1024 * 1024)})
    assert len(bomb) < 100_000
    assert _codes(kitchen_sink, bomb) == ["AF703"]


def test_docx_declared_size_lie_is_caught(kitchen_sink, render):
    """A directory that understates a member's size cannot make us unpack more than it says."""
    data = bytearray(_zip({"word/document.xml": b"<w/>" + b" " * 5000}, zipfile.ZIP_STORED))
    central = data.rfind(b"PK\x01\x02")
    data[central + 24:central + 28] = (10).to_bytes(4, "little")  # uncompressed size: 10
    assert _codes(kitchen_sink, bytes(data))[0] in {"AF701", "AF703"}


def test_docx_huge_file(kitchen_sink):
    assert _codes(kitchen_sink, b"PK" + bytes(MAX_FILE_BYTES)) == ["AF702"]


def test_docx_malformed_xml(kitchen_sink, render):
    data = _replace_member(render(KITCHEN_SINK), "word/document.xml", b"<w:document><w:body>")
    assert _codes(kitchen_sink, data) == ["AF704"]


def test_docx_entity_expansion_is_refused(kitchen_sink, render):
    evil = (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>'
            b"<d>&b;</d>")
    data = _replace_member(render(KITCHEN_SINK), "word/document.xml", evil)
    assert _codes(kitchen_sink, data) == ["AF704"]


def test_docx_a_word_document_that_is_not_a_form(kitchen_sink):
    import docx

    document = docx.Document()
    document.add_paragraph("Minutes of the team meeting")
    out = io.BytesIO()
    document.save(out)
    assert _codes(kitchen_sink, out.getvalue()) == ["AF707"]


def test_docx_form_of_another_tool(kitchen_sink, render):
    data = render(KITCHEN_SINK)
    data = _replace_member(data, "docProps/custom.xml", _custom("other-tool", "2.0.0"))
    document, diagnostics = extract_docx(kitchen_sink, data, "bad.docx")
    assert document is None
    assert [d.code for d in diagnostics] == ["AF705"]
    assert "'other-tool'" in diagnostics[0].message and "'kitchen-sink'" in diagnostics[0].message


def test_docx_form_of_another_version(kitchen_sink, render):
    data = _replace_member(render(KITCHEN_SINK), "docProps/custom.xml", _custom("kitchen-sink", "1.1.0"))
    document, diagnostics = extract_docx(kitchen_sink, data, "bad.docx")
    assert document is None
    assert [d.code for d in diagnostics] == ["AF706"]
    assert "1.1.0" in diagnostics[0].message and "1.2.0" in diagnostics[0].message


def test_docx_control_characters_in_the_document_are_cleaned(kitchen_sink, render):
    from docx_helpers import fill

    data = fill(render(KITCHEN_SINK), {"team": "North TEAMMARK"})
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("word/document.xml")
    xml = xml.replace(b"TEAMMARK", b"Te&#x1;am\x0b")
    document, diagnostics = extract_docx(kitchen_sink, _replace_member(data, "word/document.xml", xml),
                                         "f.docx")
    assert document["answers"] == {"team": "North Team"}
    assert [d.code for d in diagnostics] == ["AF713"]


def _without_properties(data: bytes) -> bytes:
    """As Word's Document Inspector leaves a form: custom properties removed."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        members = {n: source.read(n) for n in source.namelist() if n != "docProps/custom.xml"}
    return _zip(members)


PAIRS = [(form, tool) for form in ALL_DEFINITIONS for tool in ALL_DEFINITIONS if form != tool]


@pytest.mark.parametrize(("form", "tool"), PAIRS, ids=[f"{f.stem}-as-{t.stem}" for f, t in PAIRS])
def test_docx_form_of_another_tool_without_its_properties(form, tool, load, render):
    document, diagnostics = extract_docx(load(tool), _without_properties(render(form)), "bad.docx")
    assert document is None
    assert [d.code for d in diagnostics] == ["AF707"]


@pytest.mark.parametrize("path", ALL_DEFINITIONS, ids=lambda p: p.stem)
def test_docx_own_form_without_its_properties_is_read(path, load, render):
    document, diagnostics = extract_docx(load(path), _without_properties(render(path)), "own.docx")
    assert document is not None and diagnostics == []


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_docx_catalogue_codes_are_af7xx(code):
    assert code.startswith("AF7") and len(code) == 5


def _custom(tool: str, version: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/'
        'officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/'
        '2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" '
        f'name="auditforms.definition"><vt:lpwstr>{tool}</vt:lpwstr></property><property '
        'fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="auditforms.version"><vt:lpwstr>'
        f"{version}</vt:lpwstr></property></Properties>"
    ).encode()


def test_docx_oversized_xml_part_is_refused_before_parsing(kitchen_sink, render, monkeypatch):
    import auditforms.extract.package as package

    monkeypatch.setattr(package, "MAX_XML_BYTES", 10_000)
    assert _codes(kitchen_sink, render(KITCHEN_SINK)) == ["AF703"]
