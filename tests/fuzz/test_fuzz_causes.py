"""One test per cause of issue 9's attack run: each is one clear line and exit 1 or 2.

Lone surrogates, huge and non-finite numbers, null documents, duplicate JSON keys, FIFOs
and devices, unwritable outputs, CSV field limits and repeated headers, deep nesting,
unreadable folders, ids with a trailing newline, personal data in messages, formulas in
CSV cells, control characters on the terminal, and the wording a new user meets.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from tests.conftest import KITCHEN_SINK

from auditforms.results.reading import iter_audit_paths

AUDIT = Path(__file__).resolve().parents[1] / "fixtures" / "audits" / "kitchen-sink" / "child-0412.json"
GOOD = AUDIT.read_text(encoding="utf-8")
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def audit_with(tail: str) -> str:
    """The good audit with ``tail`` added as the last members of its top-level object."""
    return GOOD.rstrip().removesuffix("}") + ", " + tail + "}"


def one_line(result) -> str:
    assert "Traceback" not in result.output
    return result.output


@pytest.mark.parametrize(("name", "text", "expected"), [
    ("key.json", audit_with('"x\\ud800": 1'), "error[AF110]"),
    ("value.json", audit_with('"note": "\\udfff"'), "error[AF110]"),
    ("bigint.json", audit_with('"n": ' + "9" * 5000), "error[AF108]"),
    ("inf.json", audit_with('"n": 1e999'), "error[AF108]"),
    ("nan.json", audit_with('"n": NaN'), "error[AF108]"),
    ("dup.json", audit_with('"status": "final"'), "error[AF106] duplicate key \"status\""),
    ("null.json", "null", "error[AF104]"),
    ("tilde.yaml", "~\n", "error[AF104]"),
    ("bigint.yaml", "n: 0x" + "f" * 5000 + "\n", "error[AF108]"),
    ("sexagesimal.yaml", "n: " + "1:" * 100_000 + "1\n", "error[AF108]"),
    ("inf.yaml", "n: .inf\n", "error[AF108]"),
    ("deep.json", "[" * 100_000 + "]" * 100_000, "error[AF107]"),
])
def test_hostile_audits_are_one_line_each(run_cli, tmp_path, name, text, expected):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    result = run_cli("check", KITCHEN_SINK, path, "--period", "2026-11")
    assert result.exit_code == 1
    assert expected in one_line(result)


def test_a_batch_with_a_non_utf8_file_name_and_control_characters_finishes(run_cli, tmp_path):
    for i in range(5):
        (tmp_path / f"audit-{i}.json").write_text(GOOD, encoding="utf-8")
    (tmp_path / os.fsdecode(b"bad-\xff.json")).write_text(audit_with('"x": 1'), encoding="utf-8")
    (tmp_path / "\x1b]0;pwned\x07.json").write_text("{", encoding="utf-8")
    result = run_cli("check", KITCHEN_SINK, tmp_path, "--period", "2026-11")
    assert result.exit_code == 1
    assert "7 audits" in result.stderr  # the summary is always reached
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "\\x1b]0;pwned\\x07.json" in result.stdout and "bad-\\xff.json" in result.stdout
    report = run_cli("check", KITCHEN_SINK, tmp_path, "--period", "2026-11", "--format", "json")
    parsed = json.loads(report.stdout)  # whole, valid JSON, however the batch went
    assert parsed["summary"]["audits"] == 7 and len(parsed["files"]) == 7
    assert any("\ufffd" in f["file"] for f in parsed["files"])


@pytest.mark.parametrize("special", ["fifo", "/dev/zero", "/dev/null"])
def test_fifos_devices_and_folders_are_refused_without_blocking(run_cli, tmp_path, special):
    if special == "fifo":
        path = tmp_path / "pipe.json"
        os.mkfifo(path)  # nobody ever writes: open() would block for ever
    else:
        path = Path(special)
    check = run_cli("check", KITCHEN_SINK, path)
    assert check.exit_code == 1 and "error[AF109]" in one_line(check)
    definition = run_cli("validate", path)
    assert definition.exit_code == 1 and "error[AF109]" in one_line(definition)
    cases = run_cli("sample", KITCHEN_SINK, "--cases", path, "--auditors", EXAMPLES / "auditors.csv",
                    "--no-history", "-o", tmp_path / "s.csv")
    assert cases.exit_code in (1, 2) and "Traceback" not in cases.output


def test_fifo_pre_fill_data_is_refused(run_cli, tmp_path):
    pipe = tmp_path / "case.yaml"
    os.mkfifo(pipe)
    result = run_cli("render", KITCHEN_SINK, "--format", "html", "--data", pipe, "-o", tmp_path / "f.html")
    assert result.exit_code in (1, 2) and "AF109" in one_line(result)


def test_unwritable_outputs_are_one_line_and_exit_2(run_cli, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    under_a_file = run_cli("render", KITCHEN_SINK, "--format", "html", "-o", blocker / "f.html")
    assert under_a_file.exit_code == 2
    assert "a part of the path is a file, not a folder" in one_line(under_a_file)
    sample = tmp_path / "s.csv"
    sample.write_text("Child ID,Team\nC1,EH\n")
    batch = run_cli("render", KITCHEN_SINK, "--sample", sample, "--format", "html", "-o", blocker / "batch")
    assert batch.exit_code == 2 and "error[AF823] cannot take this folder's lock" in one_line(batch)
    folder = tmp_path / "out.yaml"
    folder.mkdir()
    as_folder = run_cli("new", "out", "--extends", "kitchen-sink", "-o", folder, "--force",
                        "--definitions", Path(KITCHEN_SINK).parent)
    assert as_folder.exit_code == 2 and "is a folder; give the name of a file" in one_line(as_folder)


def test_a_read_only_folder_is_one_line(tmp_path, monkeypatch):
    import click

    from auditforms.cli import common

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(common.tempfile, "mkstemp", refuse)
    with pytest.raises(click.ClickException) as caught:
        common.write_atomic(tmp_path / "x.html", b"data")
    assert caught.value.exit_code == 2
    assert caught.value.message.endswith("cannot write here (Permission denied)")
    assert not list(tmp_path.iterdir())  # nothing half-written


def test_csv_cells_past_the_field_limit_and_repeated_headers_are_located(tmp_path):
    from auditforms.sampling.records import CASE_COLUMNS
    from auditforms.sampling.tabular import read_table

    long = read_table(b"Child ID,Team\nC1,EH\nC2," + b"x" * 200_000 + b"\n", "c.csv", CASE_COLUMNS)
    assert [(p.code, p.line) for p in long.problems] == [("AF801", 3)]
    assert "longer than" in long.problems[0].message
    twice = read_table(b"Child ID,Team,Team\nC1,EH,CS\n", "c.csv", CASE_COLUMNS)
    assert [(p.code, p.line) for p in twice.problems] == [("AF814", 1)]


def test_a_huge_number_in_a_csv_is_a_clear_error():
    from auditforms.sampling.records import CASE_COLUMNS, read_children
    from auditforms.sampling.tabular import read_table

    text = "Child ID,Team,Age\nC1,EH," + "9" * 5000 + "\nC2,EH,²\n"
    _, problems = read_children(read_table(text.encode(), "c.csv", CASE_COLUMNS))
    assert [p.code for p in problems] == ["AF803", "AF803"]


def test_deep_json_in_sample_audits_and_a_status_manifest(run_cli, tmp_path):
    audits = tmp_path / "audits"
    audits.mkdir()
    (audits / "deep.json").write_text("[" * 50_000 + "]" * 50_000)
    result = run_cli("sample", KITCHEN_SINK, "--cases", EXAMPLES / "case-list.csv", "--auditors",
                     EXAMPLES / "auditors.csv", "--audits", audits, "-n", "2", "-o", tmp_path / "s.csv")
    assert result.exit_code == 0 and "warning[AF806]" in one_line(result)
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "manifest.json").write_text('{"format": ' * 5000 + "1" + "}" * 5000)
    status = run_cli("status", KITCHEN_SINK, batch)
    assert status.exit_code == 2 and "AF811" in one_line(status)


@pytest.mark.parametrize("broken", [{"children": None}, {"children": {"C1": 1}}, {"files": "x"}])
def test_a_manifest_edited_into_another_shape_is_refused_by_status(run_cli, tmp_path, broken):
    """"children": null stopped status with a TypeError."""
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "manifest.json").write_text(json.dumps({"format": "auditforms/sample-batch", "children": [],
                                                     **broken}))
    status = run_cli("status", KITCHEN_SINK, batch)
    assert status.exit_code == 2 and "AF811" in one_line(status)


def test_an_unreadable_folder_is_reported_not_skipped(tmp_path, monkeypatch, kitchen_sink):
    from auditforms.results.check import check

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "x.json").write_text(GOOD)
    real_scandir = os.scandir

    def scandir(path):
        if os.fspath(path).endswith("/a"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert list(iter_audit_paths([tmp_path])) == [tmp_path / "a", tmp_path / "b" / "x.json"]
    report = check(kitchen_sink, tmp_path, period="2026-11")
    assert report.summary()["not_checked"] == 1
    assert report.results[0].diagnostics[0].code == "AF101"
    assert "were not checked" in report.results[0].diagnostics[0].message


def test_ids_with_a_trailing_newline_are_refused(run_cli, tmp_path):
    path = tmp_path / "t.yaml"
    text = (Path(KITCHEN_SINK).read_text(encoding="utf-8")
            .replace("id: kitchen-sink\n", 'id: "kitchen-sink\\n"\n', 1))
    path.write_text(text, encoding="utf-8")
    result = run_cli("validate", path)
    assert result.exit_code == 1 and "error[AF205]" in one_line(result)
    assert run_cli("new", "neglect\n", "--extends", "kitchen-sink", "-o", tmp_path / "n.yaml").exit_code == 2


def test_every_validator_reads_dollar_as_the_very_end():
    from auditforms.results.fast_schema import compile_schema
    from auditforms.results.validation import FORMAT_TESTS, make_validator

    schema = {"type": "string", "pattern": "^[a-z0-9-]+$"}
    assert not make_validator(schema).is_valid("kitchen-sink\n")
    compiled = compile_schema(schema, FORMAT_TESTS)
    assert compiled is not None and not compiled("kitchen-sink\n") and compiled("kitchen-sink")
    keys = {"type": "object", "propertyNames": {"pattern": "^[a-z]+$"},
            "patternProperties": {"^x$": {"type": "string"}}}
    assert not make_validator(keys).is_valid({"x\n": 1})


def test_formula_cells_are_guarded_in_the_sample_and_read_back(tmp_path):
    import datetime as dt

    from auditforms.sampling.sample_file import SAMPLE_COLUMNS, SampleRow, read_sample, sample_csv_bytes
    from auditforms.sampling.tabular import read_table

    row = SampleRow(audit_id="2026-11-C1", child_id="C1", team="=HYPERLINK(\"http://x\")",
                    strand="+1", auditor="@me", area="-", due_date=dt.date(2026, 11, 30))
    data = sample_csv_bytes([row])
    assert b"'=HYPERLINK" in data and b"'+1" in data and b"'@me" in data
    (back,), problems = read_sample(read_table(data, "s.csv", SAMPLE_COLUMNS))
    assert not problems and (back.team, back.strand, back.auditor) == (row.team, "+1", "@me")


def test_control_characters_from_a_csv_are_escaped_on_the_terminal(run_cli, tmp_path):
    cases = tmp_path / "cases.csv"
    cases.write_text("Child ID,Team,Area of service\nC1\x1b]0;x\x07,EH,Early Help\n", encoding="utf-8")
    auditors = tmp_path / "auditors.csv"
    auditors.write_text("Name,Area of service,Capacity\nA\x1b[31mB,Social Work,3\n", encoding="utf-8")
    result = run_cli("sample", KITCHEN_SINK, "--cases", cases, "--auditors", auditors, "--no-history",
                     "-n", "1", "-o", tmp_path / "s.csv")
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\\x1b]0;x\\x07" in result.stdout


def test_personal_data_is_never_quoted(run_cli, tmp_path):
    cases = tmp_path / "cases.csv"
    cases.write_text("Child ID,Team,Date of birth\nC1,EH,Disclosed abuse by uncle\n", encoding="utf-8")
    result = run_cli("sample", KITCHEN_SINK, "--cases", cases, "--auditors", EXAMPLES / "auditors.csv",
                     "--no-history", "-n", "1", "-o", tmp_path / "s.csv")
    assert result.exit_code == 1 and "error[AF803] date of birth: not a date" in result.stderr
    assert "Disclosed" not in result.output


def test_validate_quiet_is_quiet_and_counts_agree(run_cli, tmp_path):
    quiet = run_cli("validate", "-q", KITCHEN_SINK, KITCHEN_SINK)
    assert quiet.exit_code == 0 and quiet.output == ""
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: t\n")
    assert "0 of 1 file valid" in run_cli("validate", bad).stderr
    one = run_cli("check", KITCHEN_SINK, AUDIT, "--period", "2026-11")
    assert one.stderr.endswith("1 of 1 audit passes; 0 errors, 0 warnings\n")


def test_check_without_a_period_says_the_period_was_not_checked(run_cli):
    result = run_cli("check", KITCHEN_SINK, AUDIT)
    assert "no --period given, so audit dates were not checked" in result.stderr


def test_the_new_scaffold_points_at_a_stable_schema(run_cli, tmp_path):
    target = tmp_path / "definitions" / "neglect.yaml"
    target.parent.mkdir()
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "definition.schema.json").write_text("{}")
    assert run_cli("new", "neglect", "--extends", "kitchen-sink", "-o", target, "--definitions",
                   Path(KITCHEN_SINK).parent).exit_code == 0
    assert target.read_text().startswith("# yaml-language-server: $schema=../schemas/definition.schema.json\n")
    elsewhere = tmp_path / "x" / "y.yaml"
    elsewhere.parent.mkdir()
    run_cli("new", "y", "--extends", "kitchen-sink", "-o", elsewhere, "--definitions", Path(KITCHEN_SINK).parent)
    assert "site-packages" not in elsewhere.read_text()


def test_an_unreadable_folder_in_a_batch_is_reported_by_status(tmp_path, monkeypatch):
    from auditforms.cli.sample_returns import candidate_files, read_returned

    (tmp_path / "returns").mkdir()
    real_scandir = os.scandir

    def scandir(path):
        if os.fspath(path).endswith("/returns"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    (found,) = list(candidate_files(tmp_path, {}))
    returned = read_returned(load_kitchen_sink(), tmp_path, found, lambda d, f: (0, 0))
    assert returned is not None and "cannot be opened" in (returned.problem or "")


def load_kitchen_sink():
    from auditforms.api import load_definition

    return load_definition(KITCHEN_SINK)


def test_a_non_finite_number_in_a_definition_is_refused(run_cli, tmp_path):
    path = tmp_path / "t.yaml"
    text = Path(KITCHEN_SINK).read_text(encoding="utf-8").replace("version: 1.2.0\n", "version: 1.2.0\nx: .inf\n", 1)
    path.write_text(text, encoding="utf-8")
    result = run_cli("validate", path)
    assert result.exit_code == 1 and "error[AF108]" in one_line(result)
