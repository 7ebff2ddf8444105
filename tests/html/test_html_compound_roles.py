"""In real Chromium, a role on a compound field's part is read from the part: the saved
file is named by the child id kept in a part, as it is by a child id field."""

from __future__ import annotations

import pytest
from tests.html.html_support import render_html, save
from tests.model.test_compound_roles import TOOL

from auditforms.language.loader import load_text

pytestmark = pytest.mark.browser


def test_the_saved_file_is_named_by_the_child_id_part(open_form) -> None:
    definition = load_text(TOOL, "compound-roles.yaml").definition
    prefill = {"child": {"ref": "C100", "initials": "KM"}, "service": {"team": "cic"}}
    form = open_form(render_html(definition, prefill=prefill, audit_id="2026-03-0001"))
    saved = save(form, "save-draft")
    assert saved["name"].startswith("compound-roles_C100_") and saved["name"].endswith("_draft.json")
    assert saved["doc"]["answers"]["child"] == {"ref": "C100", "initials": "KM"}
    assert form.errors == []
