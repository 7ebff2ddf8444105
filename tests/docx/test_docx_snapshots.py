"""Snapshots of a normalised text dump of each Word form (reviewable, unlike zip bytes).

Update after an intended change with ``pytest tests/docx --snapshot-update`` and review the diff.
"""

from __future__ import annotations

import pytest
from docx_helpers import text_dump
from docx_paths import ALL_DEFINITIONS, KITCHEN_SINK, definition_id


@pytest.mark.parametrize("path", ALL_DEFINITIONS, ids=definition_id)
def test_docx_snapshot(path, render, snapshot):
    assert text_dump(render(path)) == snapshot


def test_docx_snapshot_prefilled(render, snapshot):
    data = render(KITCHEN_SINK, audit_id="2026-11-0412",
                  prefill={"child-id": "C0412", "team": "Fictional Team North", "age-band": "16-21",
                           "strand": ["care-leavers"], "family": [{"initials": "AB", "age": 41}]})
    assert text_dump(data) == snapshot
