"""Fixtures of the sampling tests: fake renderers in the registry, and example-like inputs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from auditforms.renderers import REGISTRY

HERE = Path(__file__).resolve().parent


@pytest.fixture
def fake_renderers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.setitem(REGISTRY, "fakeform", "sampling_fake_renderer:FORM")
    monkeypatch.setitem(REGISTRY, "fakedoc", "sampling_fake_renderer:DOC")
    monkeypatch.setitem(REGISTRY, "fakeplain", "sampling_fake_renderer:PLAIN")
    return ["fakeform", "fakedoc"]


@pytest.fixture
def reference_date() -> dt.date:
    return dt.date(2026, 12, 1)
