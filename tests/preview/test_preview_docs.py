"""docs/authoring.md stays true: its customisation is the one photographed, and it loads as told."""

from __future__ import annotations

import re

from tests.conftest import ROOT
from tests.preview.preview_screenshot import CUSTOMISATION

from auditforms.language.loader import load_text

GUIDE = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")


def _yaml_blocks() -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", GUIDE, re.S)


def test_the_guide_shows_the_customisation_in_its_picture():
    assert _yaml_blocks() == [CUSTOMISATION]
    assert (ROOT / "docs" / "images" / "preview.png").is_file()


def test_the_customisation_loads_and_without_its_remove_has_the_seven_errors_the_guide_describes():
    assert load_text(CUSTOMISATION, "seaside-neglect-sample.yaml").ok
    without = CUSTOMISATION.replace("  - remove: overall-not-better-than-every-field\n", "")
    errors = [d for d in load_text(without, "seaside-neglect-sample.yaml").diagnostics if d.is_error]
    assert len(errors) == 7 and "seven errors" in GUIDE
    assert all(d.file.endswith("torbay-full-audit.yaml") for d in errors)


def test_the_mistake_in_the_picture_is_located_as_the_guide_says():
    broken = CUSTOMISATION.replace("after: q1\n", "after: q11\n")
    [error] = load_text(broken, "seaside-neglect-sample.yaml").diagnostics
    assert error.format().startswith("seaside-neglect-sample.yaml:13:12: error[AF403] 'q11' is not a section")
    assert "seaside-neglect-sample.yaml:13:12: error[AF403]" in " ".join(GUIDE.split())


def test_every_option_the_guide_names_exists(run_cli):
    help_text = run_cli("preview", "--help").stdout
    for option in re.findall(r"`(--[a-z-]+)", GUIDE):
        assert option in help_text, option
