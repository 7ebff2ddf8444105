"""Changing one value deep inside a completed-audit document, for tests that break one thing."""

from __future__ import annotations

from typing import Any


def set_at(doc: Any, path: str, value: Any) -> None:
    """Set ``value`` at ``path`` ("answers/actions/0/person": keys, or list indexes)."""
    *parents, last = path.split("/")
    target: Any = doc
    for key in parents:
        target = target[int(key)] if isinstance(target, list) else target[key]
    if isinstance(target, list):
        target[int(last)] = value
    else:
        target[last] = value
