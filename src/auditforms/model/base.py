"""Shared base for the definition models: immutable, strict about unknown keys."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Frozen(BaseModel):
    """Immutable once loaded: renderers and checks can share one definition safely."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)
