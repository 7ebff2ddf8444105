"""A moderated audit of the example's October, opened in the tool's HTML form as the guide tells
(real Chromium): the moderator's comments show beside their parts, the auditor marks them
addressed and saves the audit as final, and ``check`` passes the result."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.html.html_support import FormPage

from auditforms.api import load_definition
from auditforms.resources import shipped_definitions_dir
from auditforms.results.check import check_document

pytestmark = pytest.mark.browser


def test_a_moderated_october_audit_is_finalised_in_the_form(run_cli, chromium, example_service: Path):
    assert run_cli("render", "-o", "torbay-full-audit.html").exit_code == 0  # the tool of the settings
    returned = example_service / "months" / "2026-10" / "forms" / "returned"
    moderated = sorted(returned.glob("*_moderated.json"))[0]
    comments = json.loads(moderated.read_text(encoding="utf-8"))["moderation"]["comments"]
    form = FormPage(chromium, example_service / "torbay-full-audit.html")
    try:
        page = form.page
        page.evaluate("document.getElementById('af-notice-text').textContent = ''")
        page.locator("#af-open-file").set_input_files(moderated)
        page.wait_for_function("() => document.getElementById('af-notice-text').textContent.includes('Opened')")
        # every comment beside its part, to be marked addressed (parts with only checklist ticks
        # have a note too, with nothing to address)
        addressable = page.locator(".af-moderator-note").filter(has=page.locator("input[id$='-addressed']"))
        assert addressable.count() == len(comments)
        for part in comments:
            page.check(f"#af-resp-{part}-addressed")
        with page.expect_download() as download:
            page.locator('.af-actions [data-action="save-final"]').click()
        target = example_service / download.value.suggested_filename
        download.value.save_as(target)
        doc = json.loads(target.read_text(encoding="utf-8"))
        assert form.errors == []
    finally:
        form.close()
    assert doc["status"] == "final" and target.name.endswith("_final.json")
    assert [e["event"] for e in doc["history"]] == ["submitted", "moderated", "finalised"]
    assert doc["history"][-1]["details"] == {"addressed": list(comments)}
    definition = load_definition(shipped_definitions_dir() / "torbay-full-audit.yaml")
    assert [d.format() for d in check_document(definition, doc, file=target.name) if d.is_error] == []
    target.rename(returned / target.name)  # saved beside the moderated file, as the guide says
    status = json.loads(run_cli("month", "status", "2026-10", "--format", "json").stdout)
    assert status["summary"]["stages"]["final"] == 13
