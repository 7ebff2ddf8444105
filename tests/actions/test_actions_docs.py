"""docs/actions.md stays true: its generated tables, its examples and its commands."""

from __future__ import annotations

from actions_support import ROOT

from auditforms.actions.docs import splice

DOC = ROOT / "docs" / "actions.md"


def test_generated_tables_are_up_to_date() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert splice(text) == text, "run: python -m auditforms.actions.docs --write"


def test_every_state_and_the_picture_are_documented() -> None:
    from auditforms.actions import StateKind

    text = DOC.read_text(encoding="utf-8")
    assert all(f"`{kind.value}`" in text for kind in StateKind)
    assert (ROOT / "docs" / "images" / "actions-tracker.png").is_file()


def test_the_documented_options_exist(run_cli) -> None:
    help_text = run_cli("actions", "--help").stdout
    for option in ("--teams", "--split-by", "--update", "--by", "--correct", "--remind", "--people", "--today",
                   "--format"):
        assert option in help_text and option in DOC.read_text(encoding="utf-8")
