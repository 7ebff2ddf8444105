"""Snapshots of the rendered form for the kitchen sink and every shipped definition.

The page is deterministic (no time, no randomness: the CSP uses hashes), so any change to
the markup, the CSS or the script shows up here for review.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from tests.conftest import DEFINITIONS, KITCHEN_SINK
from tests.html.html_support import render_html, snapshot_text

from auditforms.api import load_definition

SHIPPED = sorted(DEFINITIONS.glob("*.yaml")) if DEFINITIONS.is_dir() else []


def test_html_kitchen_sink_snapshot(kitchen_sink, snapshot):
    assert snapshot_text(render_html(kitchen_sink)) == snapshot


def test_html_kitchen_sink_prefilled_snapshot(kitchen_sink, snapshot):
    prefill = {"child-id": "C0412", "team": "Fictional Team A", "age-band": "11-15",
               "strand": ["care-leavers"], "family": [{"initials": "AB", "relationship": "Mother", "age": 34}]}
    assert snapshot_text(render_html(kitchen_sink, prefill, audit_id="2026-11-0412")) == snapshot


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_html_shipped_definition_snapshot(path: Path, snapshot):
    assert snapshot_text(render_html(load_definition(path))) == snapshot


def test_html_sampled_form_with_a_due_date_snapshot(kitchen_sink, snapshot):
    """A form made for one child of a sample: pre-filled, with its reference and due date."""
    html = render_html(kitchen_sink, {"child-id": "C0412"}, audit_id="2026-11-0412", due_date=date(2026, 11, 16))
    top = html[html.index('<main'):html.index('<form')]
    assert top == snapshot


def test_html_render_is_reproducible(kitchen_sink):
    assert render_html(kitchen_sink) == render_html(load_definition(KITCHEN_SINK))
