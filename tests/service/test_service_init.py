"""``auditforms init``: a service folder, new or example, valid as written; nothing overwritten."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from auditforms.service.settings import parse_settings


def settings_of(folder: Path):
    path = folder / "auditforms.yaml"
    return parse_settings(path.read_bytes(), str(path), folder)


def test_init_creates_a_valid_empty_service(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run_cli("init", "Torbay QA")
    assert result.exit_code == 0, result.stderr
    folder = tmp_path / "Torbay QA"
    assert sorted(p.name for p in folder.iterdir()) == [
        "auditforms.yaml", "data", "definitions", "months", "schemas"]
    settings, problems = settings_of(folder)
    assert problems == [] and settings is not None and settings.service == "Torbay QA"
    schema = json.loads((folder / "schemas" / "settings.schema.json").read_text())
    assert schema["title"] == "settings file"
    first = (folder / "auditforms.yaml").read_text().splitlines()[0]
    assert first == "# yaml-language-server: $schema=schemas/settings.schema.json"
    assert "next: save the case-list export as data/case-list.csv" in result.stderr
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_init_example_holds_the_fictional_service(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run_cli("init", "demo", "--example").exit_code == 0
    settings, problems = settings_of(tmp_path / "demo")
    assert problems == [] and settings is not None
    assert settings.case_columns["child_id"] == "Person Reference"
    for name in ("case-list.csv", "auditors.csv", "teams.csv", "audit-history-before-auditforms.csv"):
        assert (tmp_path / "demo" / "data" / name).is_file()


def test_a_tool_new_writes_in_the_folder_finds_its_schema(run_cli, tmp_path, monkeypatch):
    """``auditforms new`` in ``definitions/`` points at ``../schemas/definition.schema.json``:
    init puts the schema there, so an editor completes the new tool offline."""
    monkeypatch.chdir(tmp_path)
    assert run_cli("init", "svc").exit_code == 0
    monkeypatch.chdir(tmp_path / "svc" / "definitions")
    assert run_cli("new", "my-cic", "--extends", "multi-agency-children-in-care").exit_code == 0
    first = (tmp_path / "svc" / "definitions" / "my-cic.yaml").read_text().splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schemas/definition.schema.json"
    schema = json.loads((tmp_path / "svc" / "schemas" / "definition.schema.json").read_text())
    assert schema["$schema"].startswith("https://json-schema.org/")


def test_init_refuses_a_folder_that_holds_files(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "notes.txt").write_text("mine")
    result = run_cli("init", "busy")
    assert result.exit_code == 2
    assert result.stderr.strip() == "busy: error[AF976] already holds files; give a new or empty folder"
    assert (tmp_path / "busy" / "notes.txt").read_text() == "mine"


def test_init_into_an_empty_folder_is_fine(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty").mkdir()
    assert run_cli("init", "empty", "--name", 'Odd "name": here').exit_code == 0
    assert yaml.safe_load((tmp_path / "empty" / "auditforms.yaml").read_text())["service"] == 'Odd "name": here'


def test_init_where_it_cannot_be_made_is_one_line(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a-file").write_text("x")
    for target in ("missing/qa", "a-file/qa"):
        result = run_cli("init", target)
        assert result.exit_code == 2
        assert result.stderr.strip().startswith(f"{target}: error[AF976] cannot create it here (")
        assert len(result.stderr.strip().splitlines()) == 1
