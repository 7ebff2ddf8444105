"""The moderator's checklist read from a Word form: a part whose boxes the moderator left all
unticked is not assessed (no entry), even when they judged the part; once one box of a part is
ticked, its unticked boxes are not met. The same rule as the HTML form's moderator mode."""

from __future__ import annotations

from tests.conftest import DEFINITIONS

from auditforms.api import load_definition
from auditforms.extract.moderation import moderation_record
from auditforms.moderation import checklist_for

TORBAY = load_definition(DEFINITIONS / "torbay-full-audit.yaml")


def unticked(part: str) -> dict[str, bool]:
    """Every checklist box of ``part`` as the form holds it when none is ticked."""
    return {f"{part}.checklist.{item.id}": False for item in checklist_for(TORBAY, part)}


def test_a_judged_part_with_no_box_ticked_is_not_assessed() -> None:
    raw = {"moderator": "M. Moderator", "date": "2026-12-03", "q4.judgement": "agree", **unticked("q4"),
           **unticked("q5"), **unticked("actions")}
    first = checklist_for(TORBAY, "q5")[0].id
    raw[f"q5.checklist.{first}"] = True
    record = moderation_record(TORBAY, raw, [], {})
    assert record["agreed"] == ["q4"]
    items = [item.id for item in checklist_for(TORBAY, "q5")]
    assert record["checklist"] == {"q5": {item: item == first for item in items}}  # ticked: the rest not met


def test_no_box_ticked_anywhere_records_no_checklist() -> None:
    raw = {"moderator": "M. Moderator", "date": "2026-12-03", "q4.judgement": "meets-good", **unticked("q4")}
    assert "checklist" not in moderation_record(TORBAY, raw, [], {})
