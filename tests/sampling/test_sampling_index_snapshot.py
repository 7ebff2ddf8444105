"""The batch's index.html, as a snapshot (reviewed by eye when it changes)."""

from __future__ import annotations

from auditforms.sampling.index_page import index_html

MANIFEST = {
    "definition": {"id": "kitchen-sink", "version": "1.2.0"},
    "seed": 20261102,
    "reference_date": "2026-11-02",
    "children": [
        {"audit_id": "2026-11-C10001", "child_id": "C10001", "initials": "AB", "team": "Early Help",
         "age_band": "6-10", "auditor": "Jo Lyle", "auditor_email": "jo.lyle@example.org",
         "due_date": "2026-11-16", "forms": {"html": "2026-11-C10001.html", "docx": "2026-11-C10001.docx"}},
        {"audit_id": "2026-11-C10002", "child_id": "C10002", "initials": "C&D", "team": "Children in Care",
         "age_band": "", "auditor": "Sam <Okafor>", "auditor_email": "",
         "due_date": "2026-11-16", "forms": {"html": "2026-11-C10002 #1.html"}},
    ],
}


def test_sampling_index_page_snapshot(snapshot):
    page = index_html(MANIFEST, "Kitchen sink audit tool", {"Jo Lyle": "Children in Care",
                                                            "Sam <Okafor>": "Early Help"})
    assert page.decode("utf-8") == snapshot


def test_sampling_index_page_is_reproducible():
    assert index_html(MANIFEST, "t", {}) == index_html(MANIFEST, "t", {})
