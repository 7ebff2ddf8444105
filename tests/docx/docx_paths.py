"""Paths of the definitions the Word tests render."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
KITCHEN_SINK = ROOT / "tests" / "fixtures" / "definitions" / "kitchen-sink.yaml"
SHIPPED = sorted((ROOT / "definitions").glob("*.yaml"))
ALL_DEFINITIONS = [KITCHEN_SINK, *SHIPPED]


def definition_id(path: Path) -> str:
    return path.stem
