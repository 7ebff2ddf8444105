"""Section ``defaults``: judgement and narratives shared by every question of a section.

Applied to plain data after composition and before the model is built, so the resolved
model always says exactly what each question has and renderers never look anything up.
"""

from __future__ import annotations

from typing import Any

DEFAULTABLE = ("judgement", "narratives")


def apply_section_defaults(data: dict[str, Any]) -> None:
    """Give each question of each section the section's defaults it does not set itself."""
    for section in data.get("sections") or []:
        if not isinstance(section, dict):
            continue
        defaults = section.pop("defaults", None)
        if not isinstance(defaults, dict):
            continue
        for item in section.get("items") or []:
            _apply(item, defaults)


def _apply(item: Any, defaults: dict[str, Any]) -> None:
    if not isinstance(item, dict) or item.get("type") != "question":
        return
    for key in DEFAULTABLE:
        if key in defaults and key not in item:
            item[key] = defaults[key]  # shared, not copied: nothing mutates the tree after this
    for part in item.get("parts") or []:
        _apply(part, defaults)
