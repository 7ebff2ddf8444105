"""The tracker workbook, written with xlsxwriter.

xlsxwriter (rather than openpyxl) writes what a tracker needs and openpyxl does not do as
well: a real Excel table with filters, data validation, conditional formats and sheet
protection, quickly and with little memory. openpyxl reads trackers back (signoff.py).

Layout: the marking, a title and one line of instructions above an Excel table whose
heading row is frozen; managers fill in the three unlocked columns (sign-off date with date
validation, who signed off, update); every other cell is locked (no password: protection
stops accidents, not people). A hidden ``about`` sheet says what made the tracker, and a
hidden column holds each action's fingerprint.

:func:`write` streams rows from any iterable into a file, so a split tracker of thousands of
rows is never held as a report first, nor by xlsxwriter: in its constant_memory mode each row
goes to disk as the next begins (strings inline rather than in a shared table; Excel,
LibreOffice and openpyxl read both). That mode refuses ``add_table()``, so the table is
declared by :func:`~auditforms.actions.outputs.xlsx_table.declare_table` over the heading row
this module writes itself.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO, Any

import xlsxwriter  # type: ignore[import-untyped]

from auditforms.actions.columns import COLUMNS, TrackerColumn
from auditforms.actions.outputs.xlsx_table import declare_table
from auditforms.actions.report import ActionsReport, Cell, TrackerRow
from auditforms.english import long_date
from auditforms.model.definition import Definition
from auditforms.tabular_safety import FORMULA_STARTS

TRACKER_FORMAT = "auditforms/actions-tracker"
SHEET = "Actions"
ABOUT_SHEET = "about"
HEADER_ROW = 3  # 0-based: marking, title, instructions, then the table
TABLE_NAME, TABLE_STYLE = "Actions", "Table Style Light 1"
_EXCEL_EPOCH = dt.date(1899, 12, 30)
EXCEL_MAX_TEXT = 32767  # characters in one cell; Excel refuses more
_STATE_COLOURS = {
    "overdue": ("#F6D7D2", "#942514"), "due-soon": ("#FFF1C2", "#594D00"),
    "open": ("#E8F1F8", "#0C2D4A"), "signed-off": ("#D2E6DC", "#005A30"),
    "signed-off-late": ("#E5DCEC", "#3D2375"), "no-longer-required": ("#EDEDED", "#383F43"),
}
INSTRUCTIONS = ("Managers: when an action is done, fill in Manager's sign-off date (a date) and Signed off by, "
                "and leave Manager's update as it is. When it is no longer required, write a short update in "
                "Manager's update AND fill in the sign-off date in the same return (or start the update with "
                "'No longer required'): an update given with the sign-off marks the action no longer required; "
                "an update on its own is a progress note and closes nothing. Other columns are locked. Then "
                "return the workbook to the lead auditor.")


@dataclass(frozen=True)
class Tracker:
    """What one tracker workbook shows: ``count`` rows, read once from ``rows`` in order."""

    definition: Definition
    today: dt.date
    rows: Iterable[TrackerRow]
    count: int
    name: str = ""


def about(report: ActionsReport | Tracker, name: str = "") -> list[tuple[str, str]]:
    d = report.definition
    return [("format", TRACKER_FORMAT), ("format_version", "1"), ("definition", d.id),
            ("definition_version", d.version), ("made_on", report.today.isoformat()), ("for", name)]


def render(report: ActionsReport, name: str = "") -> bytes:
    buffer = io.BytesIO()
    write(buffer, Tracker(report.definition, report.today, report.rows, len(report.rows), name), in_memory=True)
    return buffer.getvalue()


def write(target: str | IO[bytes], tracker: Tracker, *, in_memory: bool = False, scratch: str | None = None) -> None:
    """Write the tracker workbook to ``target`` (a file name or a binary file).

    Unless ``in_memory``, xlsxwriter streams: each row goes to a scratch file in ``scratch``
    (a folder; default: the system's) as soon as the next begins, so memory does not grow with
    the rows; ``in_memory`` keeps every cell instead and writes no scratch file. The workbook
    is the same either way (strings are inline rather than shared when streamed)."""
    workbook = xlsxwriter.Workbook(target, {
        "in_memory": in_memory, "constant_memory": not in_memory, "tmpdir": scratch,
        "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False})
    styles = _styles(workbook)
    sheet = workbook.add_worksheet(SHEET)
    _preamble(sheet, tracker, styles)
    _table(sheet, tracker, styles)
    _about_sheet(workbook, tracker, styles)
    d = tracker.definition
    workbook.set_properties({"title": f"Actions tracker: {d.title}", "subject": tracker.name,
                             "comments": d.marking.label if d.marking else "",
                             "created": dt.datetime.combine(tracker.today, dt.time())})
    workbook.close()


def _styles(workbook: Any) -> dict[str, Any]:
    """The cell formats, each also as ``"<name> quoted"``: with Excel's quote prefix, so a text
    starting ``=``, ``+``, ``-`` or ``@`` is shown and read as text, not run as a formula, with
    nothing added to it (an apostrophe in the text came back on the next tracker, and in Power BI)."""
    properties: dict[str, dict[str, Any]] = {
        "marking": {"bold": True, "font_color": "#942514", "font_size": 12},
        "title": {"bold": True, "font_size": 14},
        "wrap": {"text_wrap": True, "valign": "top"},
        "date": {"num_format": "yyyy-mm-dd", "valign": "top"},
        "edit_date": {"num_format": "yyyy-mm-dd", "locked": False, "valign": "top", "bg_color": "#FFFFE0"},
        "edit": {"locked": False, "text_wrap": True, "valign": "top", "bg_color": "#FFFFE0"},
        "plain": {"valign": "top"},
        "text": {},
    }
    styles = {name: workbook.add_format(props) for name, props in properties.items()}
    styles |= {f"{name} quoted": workbook.add_format({**props, "quote_prefix": True})
               for name, props in properties.items()}
    styles |= {state: workbook.add_format({"bg_color": bg, "font_color": fg})
               for state, (bg, fg) in _STATE_COLOURS.items()}
    return styles


def _quoted(text: str) -> bool:
    """Whether a spreadsheet would run ``text`` as a formula (it needs the quote prefix)."""
    return text.startswith(FORMULA_STARTS)


def _write_text(sheet: Any, r: int, col: int, text: str, styles: dict[str, Any], style: str) -> None:
    sheet.write_string(r, col, text, styles[f"{style} quoted" if _quoted(text) else style])


def _preamble(sheet: Any, tracker: Tracker, styles: dict[str, Any]) -> None:
    d, name = tracker.definition, tracker.name
    marking = d.marking.label if d.marking else ""
    if marking:
        sheet.set_header(f"&C&\"-,Bold\"{_header_text(marking)}")
        sheet.set_footer(f"&C{_header_text(marking)}&R&P of &N")
    _write_text(sheet, 0, 0, marking, styles, "marking")
    title = f"Actions tracker: {d.title}" + (f" for {name}" if name else "")
    _write_text(sheet, 1, 0, f"{title}, made {long_date(tracker.today)}", styles, "title")
    sheet.write_string(2, 0, INSTRUCTIONS, styles["plain"])
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(HEADER_ROW)


def _header_text(text: str) -> str:
    return text.replace("&", "&&")


def _table(sheet: Any, tracker: Tracker, styles: dict[str, Any]) -> None:
    last_row = HEADER_ROW + max(tracker.count, 1)
    for col, column in enumerate(COLUMNS):
        sheet.set_column(col, col, column.width, styles[_style(column)], {"hidden": column.hidden})
    for col, column in enumerate(COLUMNS):  # no format: as add_table() writes headings
        sheet.write_string(HEADER_ROW, col, column.heading)
    writers = [(col, column.key, styles[_style(column)], styles[f"{_style(column)} quoted"])
               for col, column in enumerate(COLUMNS)]
    for r, row in enumerate(tracker.rows, start=HEADER_ROW + 1):
        cells = row.cells()
        for col, key, fmt, quoted in writers:
            _write(sheet, r, col, cells[key], fmt, quoted)
    declare_table(sheet, HEADER_ROW, last_row, [c.heading for c in COLUMNS], name=TABLE_NAME, style=TABLE_STYLE)
    _rules(sheet, last_row, styles)
    sheet.freeze_panes(HEADER_ROW + 1, 1)
    sheet.protect("", {"autofilter": True, "sort": True, "format_columns": True, "format_rows": True,
                       "select_locked_cells": True, "select_unlocked_cells": True})


def _style(column: TrackerColumn) -> str:
    if column.editable:
        return "edit_date" if column.is_date else "edit"
    return "date" if column.is_date else "wrap" if column.width > 30 else "plain"


def _write(sheet: Any, r: int, col: int, value: Cell, fmt: Any, quoted: Any) -> None:
    """One cell. Blank cells are not written: the column's format (unlocked where managers
    type) applies to them. Dates are written as Excel serial numbers with a date format,
    which is what a date cell is, without xlsxwriter's slower date conversion. Text that a
    spreadsheet would run as a formula gets the ``quoted`` format (Excel's quote prefix)."""
    if value is None or value == "":
        return
    if isinstance(value, dt.date):
        sheet.write_number(r, col, (value - _EXCEL_EPOCH).days, fmt)
    elif isinstance(value, int):
        sheet.write_number(r, col, value, fmt)
    else:
        text = value[:EXCEL_MAX_TEXT]
        sheet.write_string(r, col, text, quoted if _quoted(text) else fmt)


def _rules(sheet: Any, last_row: int, styles: dict[str, Any]) -> None:
    keys = [c.key for c in COLUMNS]
    first = HEADER_ROW + 1
    sign_off = keys.index("sign_off_date")
    sheet.data_validation(first, sign_off, last_row, sign_off, {
        "validate": "date", "criteria": "between",
        "minimum": dt.date(2000, 1, 1), "maximum": dt.date(2099, 12, 31),
        "input_title": "Sign-off date", "input_message": "The date the action was completed and signed off.",
        "error_title": "Not a date", "error_message": "Type a date, e.g. 2026-12-09 or 09/12/2026."})
    update = keys.index("manager_update")
    sheet.data_validation(first, update, last_row, update, {
        "validate": "length", "criteria": "<=", "value": 1000,
        "input_title": "Update", "input_message": "Given with the sign-off date: why the action is no longer "
        "required. On its own: a progress note, which closes nothing."})
    state = keys.index("state")
    for value in _STATE_COLOURS:
        sheet.conditional_format(first, state, last_row, state, {
            "type": "cell", "criteria": "equal to", "value": f'"{value}"', "format": styles[value]})


def _about_sheet(workbook: Any, tracker: Tracker, styles: dict[str, Any]) -> None:
    sheet = workbook.add_worksheet(ABOUT_SHEET)
    for r, (key, value) in enumerate(about(tracker, tracker.name)):
        sheet.write_string(r, 0, key)
        _write_text(sheet, r, 1, value, styles, "text")
    sheet.hide()
