"""Real LibreOffice Calc on returned trackers: a progress note then a sign-off, each re-saved by
Calc, is *signed off*, not *no longer required*; a guarded update comes back from Calc as it
was written, without an apostrophe; a tracker saved as .ods is named as such."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from actions_support import TORBAY, action, audit, audit_folder, edit_tracker, split_trackers, torbay, write

from auditforms.actions import collect, state_of
from testsupport import libreoffice

pytestmark = pytest.mark.libreoffice
TODAY = "2026-12-10"
UPDATE = "Manager's update"


def _by_calc(sources: list[Path], to: str, outdir: Path) -> list[Path]:
    return libreoffice(outdir.parent / "libreoffice").convert_all(sources, to, outdir)


def _update(run_cli, folder: Path, tracker: Path):
    return run_cli("actions", TORBAY, folder / "audits", "--today", TODAY, "--update", tracker)


def test_a_progress_note_then_a_sign_off_through_calc_is_signed_off(run_cli, tmp_path: Path) -> None:
    audit_folder(tmp_path)
    write(tmp_path / "audits", "d.json", audit("2026-11-0700", child="C0700", actions=[
        action("Review the plan.", due="2026-12-20", update="- family moved")]))
    out = split_trackers(run_cli, tmp_path)
    returned = tmp_path / "h-alpha.xlsx"  # the manager's return, beside the trackers sent
    returned.write_bytes((out / "h-alpha.xlsx").read_bytes())
    edit_tracker(returned, {"2026-11-0412:2": {UPDATE: "Meeting booked for 10 Dec"}})
    ods = _by_calc([returned], "ods", tmp_path / "ods")[0]
    note = _by_calc([returned], "xlsx:Calc MS Excel 2007 XML", tmp_path / "calc-1")[0]
    refused = _update(run_cli, tmp_path, ods)
    assert refused.exit_code == 1 and "error[AF955] this is an OpenDocument spreadsheet (.ods" in refused.stderr
    read = _update(run_cli, tmp_path, note)
    assert read.exit_code == 0, read.output
    assert read.stdout == "2026-11-0412:2: update added by H. Alpha (from " f"{note} row 6)\n"

    again = split_trackers(run_cli, tmp_path, "--force")  # next month's trackers
    returned.write_bytes((again / "h-alpha.xlsx").read_bytes())
    edit_tracker(returned, {"2026-11-0412:2": {"Manager's sign-off date": dt.datetime(2026, 12, 9),
                                               "Signed off by": "T. North"}})
    signed = _by_calc([returned], "xlsx:Calc MS Excel 2007 XML", tmp_path / "calc-2")[0]
    import openpyxl

    quoted = next(row[13] for row in openpyxl.load_workbook(signed)["Actions"].iter_rows(min_row=5)
                  if row[0].value == "2026-11-0700:1")
    # the text as it is, no apostrophe added, in a text cell (Calc saves it without the quote prefix:
    # a text cell is never run as a formula; the prefix guards only retyping it in Excel)
    assert (quoted.value, quoted.data_type) == ("- family moved", "s")
    result = _update(run_cli, tmp_path, signed)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"2026-11-0412:2: signed off 2026-12-09 by T. North (from {signed} row 6)\n"
    document = json.loads((tmp_path / "audits" / "a.json").read_text())
    state = state_of(collect(torbay(), document)[1], dt.date(2026, 12, 10))
    assert state.kind.value == "signed-off"  # the note was read back weeks before: not no longer required
