"""The batch's index.html, as a snapshot (reviewed by eye when it changes)."""

from __future__ import annotations

from sampling_support import INDEX_MANIFEST

from auditforms.sampling.index_page import index_html


def test_sampling_index_page_snapshot(snapshot):
    page = index_html(INDEX_MANIFEST, "Kitchen sink audit tool", {"Jo Lyle": "Children in Care",
                                                                  "Sam <Okafor>": "Early Help"})
    assert page.decode("utf-8") == snapshot


def test_sampling_index_page_is_reproducible():
    assert index_html(INDEX_MANIFEST, "t", {}) == index_html(INDEX_MANIFEST, "t", {})
