"""Reading a tracker back: the sign-off dates, names and updates managers filled in.

openpyxl reads the workbook (read-only, values not formulas), whether Excel or LibreOffice
Calc saved it last. Rows are matched by the Action id column, never by position, so
re-sorted or filtered trackers still match. Pure: it takes bytes, not paths.
"""

from __future__ import annotations

import datetime as dt
import io
import warnings
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from auditforms.actions.codes import error
from auditforms.actions.columns import COLUMNS
from auditforms.actions.outputs.xlsx import ABOUT_SHEET, SHEET, TRACKER_FORMAT
from auditforms.actions.teams import MANAGER_ROLES
from auditforms.diagnostics import Diagnostic
from auditforms.model.definition import Definition
from auditforms.sampling.values import ValueProblem, normalise_key, parse_date
from auditforms.tabular_safety import unguarded

_HEADINGS = {normalise_key(name): c.key for c in COLUMNS for name in (c.heading, c.key.replace("_", " "))}
_HEADER_SEARCH_ROWS = 20
MAX_ROWS = 100_000


@dataclass(frozen=True, slots=True)
class TrackerEntry:
    """One tracker row with something filled in; ``line`` is the sheet's row number."""

    file: str
    line: int
    action_id: str
    fingerprint: str
    sign_off: dt.date | None
    signed_off_by: str
    update: str
    cols: tuple[tuple[str, int], ...] = ()
    #: the manager the tracker was made for (its ``about`` sheet), when they manage this row's
    #: team: who answered for the row when it names nobody
    recipient: str = ""

    def col(self, key: str) -> int:
        return dict(self.cols).get(key, 1)


@dataclass
class TrackerRead:
    entries: list[TrackerEntry] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)


def read_tracker(data: bytes, file: str, definition: Definition) -> TrackerRead:
    """The tracker's rows and the problems found, each one located line. openpyxl's own
    warnings (a date cell holding a serial no date can be, an extension it does not read) are
    not let through to the terminal as Python warnings: what matters of them is a problem here."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _read_tracker(data, file, definition)


def _read_tracker(data: bytes, file: str, definition: Definition) -> TrackerRead:
    out = TrackerRead()
    other = other_kind_of_file(data)
    if other is not None:
        out.problems.append(error("AF955", other, file))
        return out
    try:
        workbook = _open(data)
    except Exception as exc:
        out.problems.append(error("AF955", f"cannot be read as an Excel workbook ({_reason(exc)}); "
                                  "a tracker must be saved as .xlsx and completely written", file))
        return out
    try:
        about = _about(workbook)
        if _is_ours(about, file, definition, out.problems):
            sheet = workbook[SHEET] if SHEET in workbook.sheetnames else workbook.worksheets[0]
            _read_rows(sheet.iter_rows(values_only=True, max_row=MAX_ROWS), file, about.get("for", ""), out)
    except Exception as exc:
        out.problems.append(error("AF955", f"the workbook is damaged ({_reason(exc)})", file))
    finally:
        workbook.close()
    return out


_OLE2 = bytes.fromhex("d0cf11e0a1b11ae1")  # the container of Excel 97-2003 (.xls) workbooks
_OPEN_DOCUMENT = b"mimetypeapplication/vnd.oasis.opendocument."


def other_kind_of_file(data: bytes) -> str | None:
    """What to tell of a workbook saved in another format, known by its first bytes ("this is an
    OpenDocument spreadsheet…; save it as .xlsx…"); ``None`` for anything else (an .xlsx, or
    something unreadable, which openpyxl then reports)."""
    save = "save it as .xlsx (Excel Workbook) and give that"
    if data.startswith(_OLE2):  # Excel 97-2003, and also any workbook saved with a password
        return (f"this is an Excel 97-2003 workbook (.xls) or a workbook saved with a password, not an .xlsx "
                f"workbook; {save.replace('Workbook)', 'Workbook, with no password)')}")
    if data.startswith(b"PK\x03\x04") and _OPEN_DOCUMENT in data[30:100]:  # ODF stores its mimetype first
        kind = data[30:100].split(_OPEN_DOCUMENT, 1)[1]
        what = "spreadsheet (.ods" if kind.startswith(b"spreadsheet") else "file (not a spreadsheet"
        return f"this is an OpenDocument {what}, LibreOffice's own format), not an .xlsx workbook; {save}"
    return None


def _open(data: bytes) -> Any:
    import openpyxl

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ValueError("not an .xlsx file, or only partly written")
    return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)


def _reason(exc: BaseException) -> str:
    text = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
    return text.replace("\x00", "")


def _about(workbook: Any) -> dict[str, str]:
    """The hidden ``about`` sheet's keys and values (empty when there is none)."""
    about: dict[str, str] = {}
    if ABOUT_SHEET in workbook.sheetnames:
        for row in workbook[ABOUT_SHEET].iter_rows(values_only=True, max_row=40, max_col=2):
            if row and isinstance(row[0], str) and len(row) > 1:
                about[row[0]] = _text(row[1])
    return about


def _is_ours(about: dict[str, str], file: str, definition: Definition, problems: list[Diagnostic]) -> bool:
    if about.get("format") != TRACKER_FORMAT:
        problems.append(error("AF956", "not an actions tracker made by auditforms (its hidden 'about' "
                              "sheet is missing); only trackers from 'auditforms actions' are read", file))
        return False
    if about.get("definition") != definition.id:
        problems.append(error("AF956", f"a tracker of the tool {about.get('definition') or '?'}, not of "
                              f"{definition.id}", file))
        return False
    return True


def _read_rows(rows: Iterator[tuple[Any, ...]], file: str, made_for: str, out: TrackerRead) -> None:
    header: dict[int, str] | None = None
    for line, values in enumerate(rows, start=1):
        if header is None:
            header = _header(values)
            if header is None and line >= _HEADER_SEARCH_ROWS:
                break
            continue
        entry = _entry(values, header, file, line, made_for, out.problems)
        if entry is not None:
            out.entries.append(entry)
    if header is None:
        out.problems.append(error("AF956", "no heading row with 'Action id' was found", file))


def _header(values: tuple[Any, ...]) -> dict[int, str] | None:
    mapping = {i: _HEADINGS[normalise_key(v)] for i, v in enumerate(values)
               if isinstance(v, str) and normalise_key(v) in _HEADINGS}
    return mapping if "action_id" in mapping.values() else None


def _entry(values: tuple[Any, ...], header: dict[int, str], file: str, line: int, made_for: str,
           problems: list[Diagnostic]) -> TrackerEntry | None:
    cells = {key: values[i] if i < len(values) else None for i, key in header.items()}
    cols = tuple((key, i + 1) for i, key in header.items())
    filled = [k for k in ("sign_off_date", "signed_off_by", "manager_update") if _present(cells.get(k))]
    action_id = _text(cells.get("action_id"))
    if not filled:
        return None
    if not action_id:
        problems.append(error("AF957", "this row has a sign-off or update but no action id; it cannot be "
                              "matched to an action", file, line, dict(cols).get("action_id", 1)))
        return None
    sign_off = _date(cells.get("sign_off_date"), file, line, dict(cols).get("sign_off_date", 1), problems)
    if sign_off is False:
        return None
    return TrackerEntry(file, line, action_id, _text(cells.get("fingerprint")),
                        sign_off if isinstance(sign_off, dt.date) else None,
                        _text(cells.get("signed_off_by")), _text(cells.get("manager_update")), cols,
                        _recipient(made_for, cells))


def _recipient(made_for: str, cells: dict[str, Any]) -> str:
    """``made_for`` (the ``about`` sheet's ``for``) when it is a manager of this row: a tracker
    split by team is made for a team, and a listing for nobody."""
    managers = {_text(cells.get(role)) for role in MANAGER_ROLES}
    return made_for if made_for and made_for in managers else ""


def _present(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(unguarded(str(value).strip()).split()) if not isinstance(value, str) else \
        unguarded(value.strip())


def _date(value: Any, file: str, line: int, col: int, problems: list[Diagnostic]) -> dt.date | bool | None:
    """The date in a cell; ``False`` (and a problem reported) when the cell is not a date."""
    if not _present(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return parse_date(value)
        except ValueProblem as exc:
            problems.append(error("AF958", f"the sign-off date: {exc}", file, line, col))
            return False
    problems.append(error("AF958", "the sign-off date is a number, not a date; format the cell as a date",
                          file, line, col))
    return False
