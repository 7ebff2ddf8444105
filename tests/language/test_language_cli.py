"""validate, show and new through the command line: output and exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests_helpers import KITCHEN_DIR, write

KITCHEN = KITCHEN_DIR / "kitchen-sink.yaml"


def test_validate_valid_file(run_cli) -> None:
    result = run_cli("validate", KITCHEN)
    assert result.exit_code == 0
    assert result.stdout == f"{KITCHEN}: valid\n"


def test_validate_invalid_file_reports_every_error_and_exits_1(run_cli, tmp_path: Path) -> None:
    bad = write(tmp_path / "bad.yaml", "id: t\ntitle: T\nversion: 1.0.0\nsections:\n  - {id: s, titel: S}\n")
    result = run_cli("validate", bad)
    assert result.exit_code == 1
    assert f"{bad}:5:13: error[AF201] 'titel' is not a key of a section; did you mean 'title'?" in result.stdout
    assert f"{bad}:5:5: error[AF202] a section needs 'title'" in result.stdout
    assert "Traceback" not in result.output


def test_validate_folder_counts_files(run_cli, tmp_path: Path) -> None:
    write(tmp_path / "bad.yaml", "id: t\n")
    (tmp_path / "reference").mkdir()
    (tmp_path / "reference" / "sample-statements.yaml").write_text(
        (KITCHEN_DIR / "reference" / "sample-statements.yaml").read_text())
    write(tmp_path / "kitchen-sink.yaml", KITCHEN.read_text())
    result = run_cli("validate", tmp_path)
    assert result.exit_code == 1
    assert "2 of 3 files valid" in result.stderr


@pytest.mark.parametrize("args", [("validate", "no-such-file.yaml"), ("validate",), ("show",), ("render", "--format")])
def test_usage_errors_exit_2(run_cli, args: tuple[str, ...]) -> None:
    assert run_cli(*args).exit_code == 2


def test_validate_folder_without_yaml_is_a_usage_error(run_cli, tmp_path: Path) -> None:
    assert run_cli("validate", tmp_path).exit_code == 2


def test_show_outline(run_cli) -> None:
    result = run_cli("show", KITCHEN)
    assert result.exit_code == 0
    assert "Q1 Risk is identified, responded to and reduced in a timely way.  [q1]" in result.stdout
    assert "shown only if “Is the child an unaccompanied asylum-seeker?” is “Yes”" in result.stdout


def test_show_invalid_definition_exits_1(run_cli, tmp_path: Path) -> None:
    result = run_cli("show", write(tmp_path / "bad.yaml", "id: t\n"))
    assert result.exit_code == 1 and "AF202" in result.stderr


def test_new_scaffold_validates_and_refuses_to_overwrite(run_cli, tmp_path: Path) -> None:
    target = tmp_path / "neglect.yaml"
    first = run_cli("new", "neglect", "--extends", "kitchen-sink", "-o", target, "--definitions", KITCHEN_DIR)
    assert first.exit_code == 0, first.output
    text = target.read_text()
    assert text.startswith("# yaml-language-server: $schema=") and "extends: kitchen-sink" in text
    assert run_cli("validate", target, "--definitions", KITCHEN_DIR).exit_code == 0
    again = run_cli("new", "neglect", "--extends", "kitchen-sink", "-o", target, "--definitions", KITCHEN_DIR)
    assert again.exit_code == 2
    assert again.stderr == f"{target}: error[AF120] already exists; choose another name or pass --force to replace it\n"


def test_new_with_unknown_tool(run_cli, tmp_path: Path) -> None:
    result = run_cli("new", "x", "--extends", "nope", "-o", tmp_path / "x.yaml")
    assert result.exit_code == 2 and "no tool 'nope'" in result.stderr


def test_version_and_help(run_cli) -> None:
    assert run_cli("--version").stdout.startswith("auditforms, version ")
    for command in ("validate", "show", "new", "render"):
        assert run_cli(command, "--help").exit_code == 0


def test_validate_reports_an_invalid_reference_document(run_cli, tmp_path: Path) -> None:
    folder = tmp_path / "reference"
    folder.mkdir()
    bad = write(folder / "statements.yaml", "id: statements\ntitle: S\nstatements:\n  - {id: a, titel: A}\n")
    result = run_cli("validate", bad)
    assert result.exit_code == 1
    assert f"{bad}:4:13: error[AF201] 'titel' is not a key of a statement; did you mean 'title'?" in result.stdout


def test_validate_json_report(run_cli, tmp_path: Path) -> None:
    import json

    bad = write(tmp_path / "bad.yaml", "id: t\n")
    report = json.loads(run_cli("validate", "--format", "json", KITCHEN, bad).stdout)
    assert (report["valid"], report["invalid"]) == (1, 1)
    codes = {d["code"] for d in report["files"][1]["diagnostics"]}
    assert codes == {"AF202"} and report["files"][1]["diagnostics"][0]["line"] == 1


def test_new_without_extends_writes_a_whole_tool_that_validates(run_cli, tmp_path: Path) -> None:
    """A council with a tool of its own starts from a whole tool, not by copying an example."""
    target = tmp_path / "northshire-cic-audit.yaml"
    result = run_cli("new", "northshire-cic-audit", "-o", target)
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert "\nid: northshire-cic-audit\n" in text and "extends:" not in text
    assert run_cli("validate", target).exit_code == 0
    from auditforms.api import load_definition

    tool = load_definition(target)
    roles = {getattr(e.node, "role", None) for e in tool.index.entries.values()}
    assert {"child_id", "audit_date", "overall_rating", "action_plan"} <= roles  # the tracker and report can read it


def test_the_scaffold_never_moves_a_question_before_itself(run_cli, tmp_path: Path) -> None:
    target = tmp_path / "n.yaml"
    assert run_cli("new", "n", "--extends", "torbay-full-audit", "-o", target).exit_code == 0
    lines = target.read_text(encoding="utf-8").splitlines()
    moved = next(i for i, line in enumerate(lines) if line.startswith("#   - move: "))
    assert lines[moved].split(": ")[1] not in lines[moved + 1]


def test_new_into_a_folder_writes_the_tool_in_it(run_cli, tmp_path: Path) -> None:
    (tmp_path / "definitions").mkdir()
    result = run_cli("new", "my-tool", "-o", tmp_path / "definitions")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "definitions" / "my-tool.yaml").is_file()


def test_new_with_a_shipped_tools_id_says_it_hides_it(run_cli, tmp_path: Path) -> None:
    result = run_cli("new", "torbay-full-audit", "-o", tmp_path / "torbay-full-audit.yaml")
    assert result.exit_code == 0
    assert "warning: a tool with the id 'torbay-full-audit' is already there" in result.stderr
    assert "warning" not in run_cli("new", "northshire-audit", "-o", tmp_path / "n.yaml").stderr
