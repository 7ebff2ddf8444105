"""Every code used in the source is catalogued, and docs/diagnostics.md lists the catalogue."""

from __future__ import annotations

import re
from pathlib import Path

from auditforms.diagnostics import all_codes
from auditforms.diagnostics_doc import splice

ROOT = Path(__file__).resolve().parents[2]


def test_docs_table_is_up_to_date() -> None:
    text = (ROOT / "docs" / "diagnostics.md").read_text(encoding="utf-8")
    assert splice(text) == text, "run: python -m auditforms.diagnostics_doc --write"


def test_every_code_used_in_the_source_is_catalogued() -> None:
    used = set()
    for path in (ROOT / "src" / "auditforms").rglob("*.py"):
        used |= set(re.findall(r"[\"'](AF\d{3})[\"']", path.read_text(encoding="utf-8")))
    assert used - set(all_codes()) == set()
