"""torbay-uasc: the UASC module sits among the questions, and the overall rating comes last."""

from __future__ import annotations

from tests.conftest import DEFINITIONS

from auditforms.api import load_definition


def test_the_overall_rating_comes_after_the_uasc_module() -> None:
    definition = load_definition(DEFINITIONS / "torbay-uasc.yaml")
    order = [item.id for section in definition.sections for item in section.items
             if getattr(item, "type", None) == "question"]
    assert order.index("uasc-trafficking") < order.index("q12")
    assert order[-1] == "q12"
    assert definition.index.by_role("overall_rating") == "q12"
