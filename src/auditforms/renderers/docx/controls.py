"""Word content controls (``w:sdt``) built on python-docx's oxml layer.

python-docx has no API for content controls, so they are assembled here as XML. Every
control is *inline* (inside a paragraph) and carries a ``w:tag`` (the stable answer id)
and a ``w:alias`` (a human title): Word shows the title; LibreOffice 7.4 keeps only the
title of text controls when it saves, which is why the extractor can fall back to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

PLACEHOLDER_TEXT = "Click or tap here to enter text."
PLACEHOLDER_CHOICE = "Choose an item."
PLACEHOLDER_DATE = "Click or tap to enter a date."
CHECKED, UNCHECKED = "\u2612", "\u2610"
CHECKBOX_FONT = "MS Gothic"
DATE_FORMAT = "dd/MM/yyyy"


@dataclass(frozen=True)
class Choice:
    """One entry of a drop-down: what the user sees and the option id stored as its value."""

    label: str
    value: str


def _el(tag: str, **attrs: str) -> BaseOxmlElement:
    element = OxmlElement(tag)
    for name, value in attrs.items():
        element.set(qn(name.replace("__", ":")), value)
    return element


def _run(text: str, *, placeholder: bool, font: str | None = None) -> BaseOxmlElement:
    run = _el("w:r")
    props = _el("w:rPr")
    if placeholder:
        props.append(_el("w:rStyle", w__val="PlaceholderText"))
    if font:
        props.append(_el("w:rFonts", w__ascii=font, w__hAnsi=font, w__eastAsia=font))
    if len(props):
        run.append(props)
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if i:
            run.append(_el("w:br"))
        t = _el("w:t")
        t.text = line
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        run.append(t)
    return run


class ControlIds:
    """Hands out the numeric ``w:id`` Word needs, deterministically per document."""

    def __init__(self) -> None:
        self._next = 1000

    def next(self) -> str:
        self._next += 1
        return str(self._next)


def _sdt(tag: str, alias: str, sdt_id: str, kind: BaseOxmlElement, content: BaseOxmlElement,
         *, placeholder: bool) -> BaseOxmlElement:
    sdt = _el("w:sdt")
    pr = _el("w:sdtPr")
    pr.append(_el("w:alias", w__val=alias))
    pr.append(_el("w:tag", w__val=tag))
    pr.append(_el("w:id", w__val=sdt_id))
    # The box cannot be deleted by accident; what is written in it can still be edited.
    pr.append(_el("w:lock", w__val="sdtLocked"))
    if placeholder:
        pr.append(_el("w:showingPlcHdr"))
    pr.append(kind)
    sdt.append(pr)
    body = _el("w:sdtContent")
    body.append(content)
    sdt.append(body)
    return sdt


def text_control(tag: str, alias: str, sdt_id: str, value: str | None = None) -> BaseOxmlElement:
    """A rich-text control, for one-line answers and narratives alike.

    Not a plain-text control: LibreOffice 7.4 turns those into input fields, whose
    placeholder prints black rather than grey and whose line breaks are lost when it saves
    (the words either side run together). A rich-text control keeps both."""
    kind = _el("w:richText")
    filled = bool(value)
    content = _run(value or PLACEHOLDER_TEXT, placeholder=not filled)
    return _sdt(tag, alias, sdt_id, kind, content, placeholder=not filled)


def dropdown_control(tag: str, alias: str, sdt_id: str, choices: Sequence[Choice],
                     value: str | None = None) -> BaseOxmlElement:
    """A drop-down list; each item's ``w:value`` is the option id, so labels may change freely."""
    kind = _el("w:dropDownList")
    for choice in choices:
        kind.append(_el("w:listItem", w__displayText=choice.label, w__value=choice.value))
    chosen = next((c for c in choices if c.value == value), None)
    content = _run(chosen.label if chosen else PLACEHOLDER_CHOICE, placeholder=chosen is None)
    return _sdt(tag, alias, sdt_id, kind, content, placeholder=chosen is None)


def date_control(tag: str, alias: str, sdt_id: str, value: str | None = None) -> BaseOxmlElement:
    """A date picker storing ISO ``w:fullDate`` and showing the date the British way."""
    kind = _el("w:date")
    shown = PLACEHOLDER_DATE
    if value:
        kind.set(qn("w:fullDate"), f"{value}T00:00:00Z")
        shown = f"{value[8:10]}/{value[5:7]}/{value[0:4]}"
    kind.append(_el("w:dateFormat", w__val=DATE_FORMAT))
    kind.append(_el("w:lid", w__val="en-GB"))
    kind.append(_el("w:storeMappedDataAs", w__val="dateTime"))
    kind.append(_el("w:calendar", w__val="gregorian"))
    content = _run(shown, placeholder=not value)
    return _sdt(tag, alias, sdt_id, kind, content, placeholder=not value)


def checkbox_control(tag: str, alias: str, sdt_id: str, checked: bool = False) -> BaseOxmlElement:
    """A Word 2010 check box (``w14:checkbox``) showing a ballot-box glyph."""
    kind = _el("w14:checkbox")
    kind.append(_el("w14:checked", w14__val="1" if checked else "0"))
    kind.append(_el("w14:checkedState", w14__val="2612", w14__font=CHECKBOX_FONT))
    kind.append(_el("w14:uncheckedState", w14__val="2610", w14__font=CHECKBOX_FONT))
    content = _run(CHECKED if checked else UNCHECKED, placeholder=False, font=CHECKBOX_FONT)
    return _sdt(tag, alias, sdt_id, kind, content, placeholder=False)
