"""docs/authoring.md stays true: its customisation is the one photographed, and it loads as told."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from tests.conftest import ROOT
from tests.preview.preview_screenshot import CUSTOMISATION

from auditforms.language.loader import load_text

GUIDE = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")


def _yaml_blocks() -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", GUIDE, re.S)


def test_the_guide_shows_the_customisation_in_its_picture():
    assert _yaml_blocks() == [CUSTOMISATION]
    assert (ROOT / "docs" / "images" / "preview.png").is_file()


def test_the_customisation_loads():
    assert load_text(CUSTOMISATION, "seaside-neglect-sample.yaml").ok


def test_an_error_in_the_tool_extended_is_shown_there_with_its_line(tmp_path):
    [error] = _preview_child_of_parent(tmp_path, asserted="c", child_extra="")
    assert error.where.startswith(f"{(tmp_path / 'parent.yaml').resolve()}:13:")
    assert error.quoted == "    assert: {field: c, is: 'yes'}"
    assert "is in that tool's file, and the preview shows it there" in " ".join(GUIDE.split())


def test_leaving_out_a_part_a_parent_rule_names_is_shown_at_the_select(tmp_path):
    [error] = _preview_child_of_parent(tmp_path, asserted="a", child_extra="select: [b]\n")
    assert error.where.startswith(f"{(tmp_path / 'child.yaml').resolve()}:5:")
    assert "the rule 'b-needs-a'" in error.message and "the error is at your `select`" in " ".join(GUIDE.split())


def test_the_mistake_in_the_picture_is_located_as_the_guide_says():
    broken = CUSTOMISATION.replace("after: q1\n", "after: q11\n")
    [error] = load_text(broken, "seaside-neglect-sample.yaml").diagnostics
    assert error.format().startswith("seaside-neglect-sample.yaml:13:12: error[AF403] 'q11' is not a section")
    assert "seaside-neglect-sample.yaml:13:12: error[AF403]" in " ".join(GUIDE.split())


def test_every_option_the_guide_names_exists(run_cli):
    help_text = run_cli("preview", "--help").stdout
    for option in re.findall(r"`(--[a-z-]+)", GUIDE):
        assert option in help_text, option


def _preview_child_of_parent(tmp_path: Path, *, asserted: str, child_extra: str) -> list[Any]:
    """The preview's errors for ``child.yaml`` extending ``parent.yaml``, whose rule (line 13)
    asserts on the field ``asserted``; ``child_extra`` ends the child (line 5 onwards)."""
    from auditforms.cli.preview_server import Preview

    parent = ("id: parent\ntitle: Parent\nversion: 1.0.0\nsections:\n  - id: s1\n    title: S\n    items:\n"
              "      - {id: a, type: yesno, label: A}\n      - {id: b, type: yesno, label: B}\n"
              "rules:\n  - id: b-needs-a\n    when: {field: b, is: 'yes'}\n"
              f"    assert: {{field: {asserted}, is: 'yes'}}\n    message: B needs A\n")
    (tmp_path / "parent.yaml").write_text(parent, encoding="utf-8")
    (tmp_path / "child.yaml").write_text(f"id: child\nextends: parent\ntitle: Child\nversion: 1.0.0\n{child_extra}",
                                         encoding="utf-8")
    return list(Preview(tmp_path / "child.yaml", ()).reload().errors)
