"""Section ``defaults``: judgement and narratives shared by every question of a section.

Applied to plain data after composition and before the model is built, so the resolved
model always says exactly what each question has and renderers never look anything up.
A checklist's criteria are filled in here too: each becomes a question answered on the
checklist's answer set, with its evidence box.
"""

from __future__ import annotations

from typing import Any

DEFAULTABLE = ("judgement", "narratives", "order")


def apply_section_defaults(data: dict[str, Any]) -> None:
    """Give each question of each section the section's defaults it does not set itself."""
    for section in data.get("sections") or []:
        _apply_to_section(section, {})


def _apply_to_section(section: Any, inherited: dict[str, Any]) -> None:
    """A sub-section's own defaults win over its section's; both reach its questions."""
    if not isinstance(section, dict):
        return
    own = section.pop("defaults", None)
    defaults = {**inherited, **own} if isinstance(own, dict) else inherited
    for item in section.get("items") or []:
        if isinstance(item, dict) and item.get("type") == "subsection":
            _apply_to_section(item, defaults)
        elif isinstance(item, dict) and item.get("type") == "checklist":
            _fill_criteria(item)
        elif defaults:
            _apply(item, defaults)


def _apply(item: Any, defaults: dict[str, Any]) -> None:
    if not isinstance(item, dict) or item.get("type") != "question":
        return
    for key in DEFAULTABLE:
        if key in defaults and key not in item:
            item[key] = defaults[key]  # shared, not copied: nothing mutates the tree after this
    for part in item.get("parts") or []:
        _apply(part, defaults)


def _fill_criteria(checklist: dict[str, Any]) -> None:
    """Each criterion: a question judged on the checklist's answer set, with its evidence box."""
    scale = checklist.get("scale")
    evidence = checklist.get("evidence")
    for criterion in checklist.get("criteria") or []:
        if not isinstance(criterion, dict):
            continue
        criterion.setdefault("type", "question")
        if scale is not None:
            criterion.setdefault("judgement", {"scale": scale, "label": "Answer"})
        criterion.setdefault("narratives", [evidence] if isinstance(evidence, dict) else [])
