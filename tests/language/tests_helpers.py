"""Small helpers for the language tests."""

from __future__ import annotations

from pathlib import Path

KITCHEN_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "definitions"


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
