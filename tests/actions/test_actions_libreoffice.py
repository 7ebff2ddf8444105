"""Real LibreOffice Calc: a tracker filled in, re-saved by Calc, still updates the right actions;
and a tracker renders to PDF (the picture in docs/actions.md is made the same way)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from actions_support import TORBAY, audit_folder, edit_tracker, split_by_service_manager

from testsupport import libreoffice

pytestmark = pytest.mark.libreoffice


def soffice(sources: list[Path], to: str, outdir: Path) -> list[Path]:
    return libreoffice(outdir.parent / "libreoffice").convert_all(sources, to, outdir)


def test_a_tracker_resaved_by_calc_updates_the_audits(run_cli, tmp_path: Path) -> None:
    import openpyxl

    audit_folder(tmp_path)
    out = tmp_path / "trackers"
    made = split_by_service_manager(run_cli, tmp_path, out)
    assert made.exit_code == 0, made.output
    tracker = out / "s-one.xlsx"
    edit_tracker(tracker, {
        "2026-11-0412:2": {"Manager's sign-off date": dt.datetime(2026, 12, 9), "Signed off by": "D. Manager"},
        "2026-11-0500:1": {"Manager's sign-off date": "08/12/2026", "Manager's update": "Visited at home instead."}})
    resaved = soffice([tracker], "xlsx:Calc MS Excel 2007 XML", tmp_path / "calc")[0]
    assert resaved.read_bytes() != tracker.read_bytes()
    workbook = openpyxl.load_workbook(resaved)
    assert workbook["about"].sheet_state == "hidden"
    sheet = workbook["Actions"]
    assert sheet.data_validations.dataValidation  # the date validation survived
    assert sheet.protection.sheet and "Actions" in sheet.tables
    column_style = sheet.column_dimensions["L"]._style
    assert not workbook._protections[column_style.protectionId].locked  # managers can still type
    result = run_cli("actions", TORBAY, tmp_path / "audits", "--today", "2026-12-10", "--update", resaved,
                     "--by", "T. South")
    assert result.exit_code == 0, result.output
    a = json.loads((tmp_path / "audits" / "a.json").read_text())
    b = json.loads((tmp_path / "audits" / "b.json").read_text())
    assert a["answers"]["actions"][1]["sign-off-date"] == "2026-12-09"
    assert a["history"][-1]["name"] == "D. Manager"
    assert b["answers"]["actions"][0]["sign-off-date"] == "2026-12-08"
    assert b["answers"]["actions"][0]["update"] == "Visited at home instead."
    # the update came with the sign-off: one history entry, and the action is no longer required
    assert [(e["event"], e["details"]) for e in b["history"]] == [
        ("action-signed-off", {"action": "2026-11-0500:1", "with_update": True})]
    assert (b["history"][0]["name"], b["history"][0]["role"]) == ("T. South", "manager")  # --by
    again = run_cli("actions", TORBAY, tmp_path / "audits", "--today", "2026-12-10", "--update", resaved,
                    "--by", "T. South")
    assert again.exit_code == 0 and again.stdout == ""


def test_a_tracker_prints_to_pdf(run_cli, tmp_path: Path) -> None:
    audit_folder(tmp_path)
    made = run_cli("actions", TORBAY, tmp_path / "audits", "--today", "2026-12-10", "--format", "xlsx",
                   "-o", tmp_path / "all.xlsx")
    assert made.exit_code == 0, made.output
    pdf = soffice([tmp_path / "all.xlsx"], "pdf", tmp_path / "pdf")[0]
    assert pdf.read_bytes().startswith(b"%PDF")


def test_calc_reads_a_streamed_tracker_as_written(run_cli, tmp_path: Path) -> None:
    """Split trackers are streamed with inline strings (no shared-string table): Calc reads
    every cell of one straight from auditforms, and its re-save reads back as unchanged."""
    import openpyxl

    audit_folder(tmp_path)
    out = tmp_path / "trackers"
    made = split_by_service_manager(run_cli, tmp_path, out)
    assert made.exit_code == 0, made.output
    tracker = out / "s-one.xlsx"
    resaved = soffice([tracker], "xlsx:Calc MS Excel 2007 XML", tmp_path / "calc")[0]
    written, by_calc = ([[c.value if c.value != "" else None for c in row]  # Calc drops an empty string
                         for row in openpyxl.load_workbook(p)["Actions"].iter_rows()] for p in (tracker, resaved))
    assert written == by_calc and len(written) > 5 and written[3][0] == "Action id"
    result = run_cli("actions", TORBAY, tmp_path / "audits", "--today", "2026-12-10", "--update", resaved)
    assert result.exit_code == 0 and result.stdout == "", result.output
