"""Fixtures of the service-folder tests: an example service made by ``auditforms init``."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def example_service(run_cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``auditforms init demo --example`` in a temporary folder, made quick to run (HTML forms
    for 5 children), with the working directory inside it."""
    monkeypatch.chdir(tmp_path)
    assert run_cli("init", "demo", "--example").exit_code == 0
    folder = tmp_path / "demo"
    settings = folder / "auditforms.yaml"
    text = settings.read_text(encoding="utf-8")
    text = text.replace("size: 20", "size: 5").replace("formats: [html, docx]", "formats: [html]")
    settings.write_text(text, encoding="utf-8")
    monkeypatch.chdir(folder)
    return folder


@pytest.fixture
def fresh_service(example_service: Path) -> Path:
    """The example service before its first month: without the finished October it ships."""
    import shutil

    shutil.rmtree(example_service / "months" / "2026-10")
    return example_service
