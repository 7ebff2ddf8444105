"""Helpers for the Word tests: a normalised text dump and a filler that acts like a user."""

from __future__ import annotations

import copy
import io
from collections.abc import Iterator, Mapping
from typing import Any

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

W14 = "http://schemas.microsoft.com/office/word/2010/wordml"


def sdts(element: Any) -> Iterator[Any]:
    yield from element.iter(qn("w:sdt"))


def tag_of(sdt: Any) -> str | None:
    found = sdt.find(f"{qn('w:sdtPr')}/{qn('w:tag')}")
    return None if found is None else found.get(qn("w:val"))


def alias_of(sdt: Any) -> str | None:
    found = sdt.find(f"{qn('w:sdtPr')}/{qn('w:alias')}")
    return None if found is None else found.get(qn("w:val"))


def kind_of(sdt: Any) -> str:
    pr = sdt.find(qn("w:sdtPr"))
    for name, kind in (("w:text", "text"), ("w:richText", "text"), ("w:dropDownList", "dropdown"),
                       ("w:date", "date")):
        if pr.find(qn(name)) is not None:
            return kind
    return "checkbox" if pr.find(f"{{{W14}}}checkbox") is not None else "other"


def _text(element: Any) -> str:
    out = []
    for node in element.iter(qn("w:t"), qn("w:br"), qn("w:instrText")):
        if node.tag == qn("w:br"):
            out.append("\n")
        elif node.tag == qn("w:instrText"):
            out.append("{" + (node.text or "").strip() + "}")
        else:
            out.append(node.text or "")
    return "".join(out)


def _inline(p: Any) -> str:
    """A paragraph's text with each control shown as [kind tag "title" = text]."""
    parts = []
    for child in p:
        if child.tag == qn("w:sdt"):
            pr = child.find(qn("w:sdtPr"))
            items = [i.get(qn("w:value")) for i in pr.iter(qn("w:listItem"))]
            options = f" options={'|'.join(items)}" if items else ""
            parts.append(f'[{kind_of(child)} {tag_of(child)} "{alias_of(child)}"{options} = '
                         f"{_text(child)!r}]")
        elif child.tag == qn("w:r"):
            parts.append(_text(child))
    return "".join(parts).replace("{PAGE}1", "{PAGE}").replace("{NUMPAGES}1", "{NUMPAGES}")


def _block(element: Any, styles: Mapping[str, str], indent: str, out: list[str]) -> None:
    for child in element:
        if child.tag == qn("w:p"):
            style = child.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
            name = styles.get(style.get(qn("w:val")), "?") if style is not None else "Normal"
            text = _inline(child)
            if text.strip():
                out.append(f"{indent}{name}: {text}")
        elif child.tag == qn("w:tbl"):
            out.append(f"{indent}table:")
            for r, tr in enumerate(child.iter(qn("w:tr")), start=1):
                out.append(f"{indent}  row {r}:")
                for c, tc in enumerate(tr.iter(qn("w:tc")), start=1):
                    out.append(f"{indent}    cell {c}:")
                    _block(tc, styles, indent + "      ", out)


def text_dump(data: bytes) -> str:
    """A stable, readable text form of a .docx for snapshots (zip bytes are not reviewable)."""
    document = docx.Document(io.BytesIO(data))
    styles = {s.style_id: s.name for s in document.styles}
    out: list[str] = []
    section = document.sections[0]
    out.append(f"page: {section.page_width.mm:.0f}x{section.page_height.mm:.0f} mm")
    for label, part in (("header", section.header), ("footer", section.footer)):
        for p in part.paragraphs:
            out.append(f"{label}: {_inline(p._p)}")
    props = document.part.package.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties")
    for prop in etree.fromstring(props.blob).iter():
        if prop.get("name"):
            out.append(f"property: {prop.get('name')} = {''.join(prop.itertext())}")
    _block(document.element.body, styles, "", out)
    return "\n".join(out) + "\n"


# -- filling, as a person does in Word --------------------------------------------------


def set_text(sdt: Any, text: str) -> None:
    """Replace what a control shows, as typing does; Word drops the placeholder flag."""
    pr = sdt.find(qn("w:sdtPr"))
    flag = pr.find(qn("w:showingPlcHdr"))
    if flag is not None:
        pr.remove(flag)
    content = sdt.find(qn("w:sdtContent"))
    for child in list(content):
        content.remove(child)
    run = OxmlElement("w:r")
    for i, line in enumerate(text.split("\n")):
        if i:
            run.append(OxmlElement("w:br"))
        t = OxmlElement("w:t")
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        t.text = line
        run.append(t)
    content.append(run)


def set_value(sdt: Any, value: Any) -> None:
    """Answer one control: text typed, an item chosen by its label, a date picked, a box ticked."""
    kind = kind_of(sdt)
    pr = sdt.find(qn("w:sdtPr"))
    if kind == "checkbox":
        pr.find(f"{{{W14}}}checkbox/{{{W14}}}checked").set(f"{{{W14}}}val", "1" if value else "0")
        set_text(sdt, "\u2612" if value else "\u2610")
    elif kind == "dropdown":
        labels = {i.get(qn("w:value")): i.get(qn("w:displayText")) for i in pr.iter(qn("w:listItem"))}
        set_text(sdt, labels[value])
    elif kind == "date":
        pr.find(qn("w:date")).set(qn("w:fullDate"), f"{value}T00:00:00Z")
        set_text(sdt, f"{value[8:10]}/{value[5:7]}/{value[:4]}")
    else:
        set_text(sdt, str(value))


def controls_for(answers: Mapping[str, Any], moderation: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The tag -> value a person sets to give ``answers`` (the naming scheme, spelt out again)."""
    out: dict[str, Any] = {}
    for key, value in answers.items():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            for n, row in enumerate(value, start=1):
                out.update({f"{key}.{n}.{col}": v for col, v in row.items()})
        elif isinstance(value, list):
            out.update({f"{key}.{option}": True for option in value})
        elif isinstance(value, dict):
            for part, v in value.items():
                if isinstance(v, dict):
                    out.update({f"{key}.{part}.{col}": cell for col, cell in v.items()})
                else:
                    out[f"{key}.{part}"] = v
        else:
            out[key] = value
    for part, value in (moderation or {}).items():
        out[f"_moderation.{part}"] = value
    return out


def fill(data: bytes, values: Mapping[str, Any]) -> bytes:
    document = docx.Document(io.BytesIO(data))
    by_tag = {tag_of(s): s for s in sdts(document.element.body)}
    missing = set(values) - set(by_tag)
    assert not missing, f"no controls tagged {sorted(missing)}"
    for tag, value in values.items():
        set_value(by_tag[tag], value)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def add_rows(data: bytes, table_tag_prefix: str, copied: list[list[Any]], typed: list[list[str]]) -> bytes:
    """Add rows below a table's last row: copies of it (controls and all) and plain typed rows."""
    document = docx.Document(io.BytesIO(data))
    tbl = next(t for t in document.element.body.iter(qn("w:tbl"))
               if any((tag_of(s) or "").startswith(table_tag_prefix) for s in sdts(t)))
    last = tbl.findall(qn("w:tr"))[-1]
    for values in copied:
        row = copy.deepcopy(last)
        tbl.append(row)
        for sdt, value in zip(list(sdts(row)), values, strict=True):
            set_value(sdt, value)
    for texts in typed:
        row = copy.deepcopy(last)
        for tc, text in zip(row.findall(qn("w:tc")), texts, strict=True):
            for child in [c for c in tc if c.tag != qn("w:tcPr")]:
                tc.remove(child)
            p = OxmlElement("w:p")
            run = OxmlElement("w:r")
            t = OxmlElement("w:t")
            t.text = text
            run.append(t)
            p.append(run)
            tc.append(p)
        tbl.append(row)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def shown(sdt: Any) -> str:
    """What a control displays."""
    return "".join(t.text or "" for t in sdt.iter(qn("w:t")))


def type_beside(data: bytes, tag: str, text: str) -> bytes:
    """Type into the cell of a control but outside it, as a hurried user might."""
    document = docx.Document(io.BytesIO(data))
    sdt = next(s for s in sdts(document.element.body) if tag_of(s) == tag)
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    run.append(t)
    sdt.addnext(run)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def strip_tags(data: bytes, *, titles: bool = False) -> bytes:
    """Remove every control's tag (and title), as LibreOffice does when it saves."""
    document = docx.Document(io.BytesIO(data))
    for sdt in sdts(document.element.body):
        pr = sdt.find(qn("w:sdtPr"))
        for name in ("w:tag", "w:alias") if titles else ("w:tag",):
            found = pr.find(qn(name))
            if found is not None:
                pr.remove(found)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def unwrap_controls(data: bytes) -> bytes:
    """Replace every control by what it shows, as saving to .doc or Google Docs does."""
    document = docx.Document(io.BytesIO(data))
    for sdt in reversed(list(sdts(document.element.body))):
        parent = sdt.getparent()
        content = sdt.find(qn("w:sdtContent"))
        index = parent.index(sdt)
        for offset, child in enumerate(list(content)):
            parent.insert(index + offset, child)
        parent.remove(sdt)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
