"""Turning what a control shows into an answer value of the right type.

A value that cannot be read as its type (a date typed as "next week") is kept as text
and reported, so nothing the auditor wrote is lost and ``check`` flags it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from auditforms.extract.reader import Control
from auditforms.extract.slots import Slot
from auditforms.months import read_written_month
from auditforms.renderers.docx.controls import (
    CHECKED,
    PLACEHOLDER_CHOICE,
    PLACEHOLDER_DATE,
    PLACEHOLDER_TEXT,
)
from auditforms.renderers.docx.text import clean

PLACEHOLDERS = {PLACEHOLDER_TEXT, PLACEHOLDER_CHOICE, PLACEHOLDER_DATE,
                "Click here to enter text.", "Choose an item", "Click here to enter a date."}
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d.%m.%Y", "%d-%m-%Y", "%d %B %Y", "%d %b %Y")


@dataclass(frozen=True)
class Read:
    value: Any
    #: True when the text could not be read as the slot's type and was kept as text.
    doubtful: bool = False


NOTHING = Read(None)


def shown_text(control: Control | None, cell_text: str) -> str | None:
    """The user's text, or None for an empty control or one still showing its placeholder."""
    text = control.text if control is not None else cell_text
    text = clean(text).replace("\r\n", "\n").strip()
    if not text or text in PLACEHOLDERS:
        return None
    if control is not None and control.placeholder and control.kind == "text":
        return None
    return text


def read_value(slot: Slot, control: Control | None, cell_text: str = "") -> Read:
    if slot.type == "flag":
        if control is not None and control.checked is not None:
            return Read(control.checked)
        return Read(CHECKED in cell_text or cell_text.strip().lower() in {"x", "yes", "\u2713"})
    text = shown_text(control, cell_text)
    if text is None and control is not None and control.beside:
        text = shown_text(None, control.beside)  # typed next to the box rather than in it
    if slot.type == "date":
        return _date(text, control)
    if text is None:
        return NOTHING
    if slot.type == "number":
        return _number(text)
    if slot.type == "month":
        return _month(text)
    if slot.type == "choice":
        return _choice(slot, text, control)
    return Read(text)


def parse_date(text: str) -> str | None:
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text.strip(), fmt).date().isoformat()
        except ValueError:
            continue
    return None


def _date(text: str | None, control: Control | None) -> Read:
    if text is not None and (parsed := parse_date(text)):
        return Read(parsed)
    full = control.full_date if control is not None else None
    if full and parse_date(full[:10]) and text is not None:
        return Read(full[:10])
    return NOTHING if text is None else Read(text, doubtful=True)


def _number(text: str) -> Read:
    plain = text.replace(",", "").strip()
    if not _NUMBER.match(plain):
        return Read(text, doubtful=True)
    number = float(plain)
    return Read(int(number) if number.is_integer() and "." not in plain else number)


def _month(text: str) -> Read:
    parsed = read_written_month(text)
    return Read(parsed) if parsed else Read(text, doubtful=True)


def _choice(slot: Slot, text: str, control: Control | None) -> Read:
    folded = text.casefold()
    for option in slot.options:
        if option.label.strip().casefold() == folded or option.id == text:
            return Read(option.id)
    ids = {o.id for o in slot.options}
    for shown, value in control.items if control is not None else ():
        if shown.strip().casefold() == folded and value in ids:
            return Read(value)
    return Read(text, doubtful=True)
