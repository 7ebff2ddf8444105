"""The version mapping everywhere an older audit is read: a table's columns renamed, the Python
API, the final copy, the monthly report under an older tool id, the dip sample's history (JSON
and Word returns) and ``actions --update`` writing into an older audit's own columns."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from lineage_support import NEW, old_audit, write_audit, write_tools


@pytest.fixture
def tools(tmp_path: Path) -> Path:
    return write_tools(tmp_path)


def _library(current: Path) -> Any:
    from auditforms.api import load_definition
    from auditforms.versions.library import VersionLibrary

    return VersionLibrary(load_definition(current), current.parent)


def test_a_mapping_renames_a_tables_columns_and_says_once_what_it_drops(tools: Path) -> None:
    from auditforms.versions.reading import read_as_current, read_for_check

    library = _library(tools)
    carried = read_as_current(library, old_audit())
    assert carried["answers"]["actions"][0] == {"action": "Visit the child at school.", "person": "A. Worker",
                                                "completion-date": "2026-11-30"}
    read = read_for_check(library, old_audit(), "a.json", library.current)
    dropped = [d for d in read.diagnostics if d.code == "AF935"]
    assert len(dropped) == 1  # one column, two rows: said once
    assert "the column 'priority' of the table 'actions' of 1.0.0: removed in 2.0.0 (priorities are agreed in " \
           "supervision); not carried" in dropped[0].message
    assert "high" not in dropped[0].message


def test_a_column_with_no_place_is_said_once(tools: Path) -> None:
    from auditforms.versions.reading import read_for_check

    library = _library(tools)
    document = old_audit()
    for row in document["answers"]["actions"]:
        row["extra"] = "x"
    read = read_for_check(library, document, "a.json", library.current)
    assert [d.message for d in read.diagnostics if "'extra'" in d.message] == [
        "the column 'extra' of the table 'actions' of 1.0.0: no place in 2.0.0's table; not carried"]


def test_a_column_mapping_names_this_versions_table_and_columns(tmp_path: Path) -> None:
    from auditforms.language.loader import load_text

    bad = NEW.replace("note: update}", "note: updates}")
    found = load_text(bad, "demo-tool.yaml").diagnostics
    assert any(d.code == "AF930" and "'updates' is not a column of the table 'actions'" in d.message
               and "update" in d.message for d in found), [d.format() for d in found]
    not_table = NEW.replace("columns: actions", "columns: q1")
    assert any(d.code == "AF930" and "'q1' is not a table" in d.message
               for d in load_text(not_table, "demo-tool.yaml").diagnostics)


def test_the_python_api_checks_an_audit_against_the_version_it_names(tools: Path, tmp_path: Path) -> None:
    import auditforms

    path = write_audit(tmp_path / "audits", "a.json", old_audit())
    report = auditforms.check(tools, [path, old_audit()])
    assert report.passed, [d.format() for d in report.diagnostics]
    assert [d.code for d in report.diagnostics] == ["AF933", "AF933"]


def test_the_final_copy_uses_the_version_the_audit_names(run_cli, tools: Path, tmp_path: Path) -> None:
    path = write_audit(tmp_path / "audits", "a.json", old_audit())
    result = run_cli("render", tools, "--data", path, "--format", "docx", "-o", tmp_path / "copy.docx")
    assert result.exit_code == 0, result.output
    assert "note[AF933] checked against version 1.0.0 of demo-tool" in result.stderr
    assert (tmp_path / "copy.docx").is_file()


def test_the_report_counts_audits_of_an_older_id_of_the_same_tool(run_cli, tmp_path: Path) -> None:
    renamed = tmp_path / "demo-tool-2026.yaml"
    renamed.write_text(NEW.replace("id: demo-tool\n", "id: demo-tool-2026\n", 1)
                       .replace("lineage:\n", "lineage:\n  tool: demo-tool\n", 1), encoding="utf-8")
    document = old_audit()
    document["definition"]["version"] = "2.0.0"  # the same version, under the id the tool had
    document["answers"]["child-id"] = document["answers"].pop("child")
    document["answers"]["actions"] = []
    path = write_audit(tmp_path / "audits", "a.json", document)
    output = tmp_path / "report.json"
    result = run_cli("report", renamed, path, "--period", "2026-10", "--format", "json", "-o", output)
    assert result.exit_code == 0, result.output
    assert "AF990" not in result.stderr
    assert json.loads(output.read_text(encoding="utf-8"))["coverage"]["counted"] == 1


def test_the_dip_sample_history_reads_older_audits_through_the_mapping(tools: Path) -> None:
    from auditforms.sampling.history import past_audit

    library = _library(tools)
    past, problem = past_audit(library.current, old_audit(), "a.json", None, library)
    assert problem is None and past is not None
    assert (past.child_id, past.date.isoformat()) == ("C100", "2026-10-05")
    without, problem = past_audit(library.current, old_audit(), "a.json")
    assert without is None and problem is not None  # the field was renamed: no child without the mapping


def test_a_word_return_of_an_older_version_counts_in_the_history(tools: Path, tmp_path: Path) -> None:
    from auditforms.cli.sample_word_returns import read_word_history
    from auditforms.renderers import RenderOptions, get_renderer

    library = _library(tools)
    old = library.get("1.0.0").definition
    data = get_renderer("docx").render(old, RenderOptions(prefill={"child": "C100", "audit-date": "2026-10-05"},
                                                          audit_id="2026-10-C100"))
    folder = tmp_path / "returns"
    folder.mkdir()
    (folder / "2026-10-C100.docx").write_bytes(data)
    past, problems = read_word_history(library.current, folder, None, library)
    assert [(p.child_id, p.date.isoformat()) for p in past] == [("C100", "2026-10-05")], \
        [d.format() for d in problems]


def test_actions_update_writes_into_an_older_audits_own_columns(run_cli, tools: Path, tmp_path: Path) -> None:
    import datetime as dt
    import sys

    sys.path.insert(0, str(Path(__file__).parents[1] / "actions"))
    from actions_support import edit_tracker

    document = old_audit()
    document["status"] = "final"
    path = write_audit(tmp_path / "audits", "a.json", document)
    tracker = tmp_path / "tracker.xlsx"
    made = run_cli("actions", tools, tmp_path / "audits", "--today", "2026-12-10", "--format", "xlsx", "-o", tracker)
    assert made.exit_code == 0, made.output
    edit_tracker(tracker, {"2026-10-C100:2": {"Manager's sign-off date": dt.datetime(2026, 12, 8),
                                              "Signed off by": "D. Manager",
                                              "Manager's update": "The child moved out of the area."}})
    result = run_cli("actions", tools, tmp_path / "audits", "--today", "2026-12-10", "--update", tracker)
    assert result.exit_code == 0, result.output
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["definition"] == {"id": "demo-tool", "version": "1.0.0"}  # still an audit of 1.0.0
    assert saved["answers"]["actions"][1] == {**document["answers"]["actions"][1], "signed": "2026-12-08",
                                              "note": "The child moved out of the area."}
    assert [e["event"] for e in saved["history"]] == ["action-signed-off"]  # the update with it, one entry
    assert saved["history"][0]["details"]["with_update"] is True
    again = run_cli("actions", tools, tmp_path / "audits", "--today", "2026-12-10", "--update", tracker)
    assert again.exit_code == 0 and again.stdout == ""


def test_check_history_reads_older_audits_through_the_mapping(run_cli, tools: Path, tmp_path: Path) -> None:
    write_audit(tmp_path / "last-month", "old.json", old_audit())
    now = old_audit(date="2026-11-20", audit_id="2026-11-C100")
    now["definition"]["version"] = "2.0.0"
    now["answers"]["child-id"] = now["answers"].pop("child")
    now["answers"]["actions"] = []
    path = write_audit(tmp_path / "audits", "now.json", now)
    result = run_cli("check", tools, path, "--history", tmp_path / "last-month")
    assert "warning[AF671] the sample's history records this child audited once" in result.stdout + result.stderr
