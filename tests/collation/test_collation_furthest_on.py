"""Where a sampled audit stands (returned, moderated, final) comes from its file furthest on,
whatever the order its files are read in: an earlier stage kept beside the final file must not
undo it (the guides say to keep them)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from collation_support import AUDITS, read_sample


def _earlier_stage(document: dict[str, Any]) -> dict[str, Any]:
    """The submitted file of a final audit: before moderation."""
    earlier = {k: v for k, v in document.items() if k != "moderation"}
    earlier["status"] = "submitted"
    earlier["history"] = document["history"][:1]
    return earlier


@pytest.mark.parametrize("final_first", [True, False])
def test_the_sample_counts_a_final_audit_as_final_beside_its_submitted_file(tool, final_first: bool) -> None:
    from auditforms.collation import Collator, ReportOptions

    final = json.loads((AUDITS / "a05.json").read_text(encoding="utf-8"))
    assert final["status"] == "final"
    files = [("a05", final), ("a05-submitted", _earlier_stage(final))]
    collator = Collator(tool, ReportOptions(period="2026-11", since="2026-11", with_sample=True))
    for name, document in files if final_first else files[::-1]:
        collator.add(document, name)
    november = collator.figures(read_sample()).sample[-1]
    assert (november.returned, november.moderated, november.final) == (1, 1, 1)
