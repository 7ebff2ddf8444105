"""The docs show the example settings as they are, and the README's quick start is the short one."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def test_the_settings_shown_in_the_guide_are_the_examples() -> None:
    guide = (ROOT / "docs" / "a-month-of-audits.md").read_text(encoding="utf-8")
    shown = next(block for block in re.findall(r"```yaml\n(.*?)```", guide, re.S) if "service:" in block)
    example = (ROOT / "examples" / "service" / "auditforms.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(shown) == yaml.safe_load(example)


def test_every_setting_is_explained_in_the_guide() -> None:
    import json

    guide = (ROOT / "docs" / "a-month-of-audits.md").read_text(encoding="utf-8")
    schema = json.loads((ROOT / "schemas" / "settings.schema.json").read_text(encoding="utf-8"))
    for key, value in schema["properties"].items():
        if key == "$schema":
            continue
        names = [f"{key}.{sub}" for sub in value.get("properties", {})] or [key]
        for name in names:
            assert f"`{name}`" in guide, name


def test_the_quick_start_is_init_then_month_start() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    steps = [step.strip() for step in quick.strip().split("&&")]
    assert steps == ["python3 -m venv .venv", ".venv/bin/pip install .",
                     ".venv/bin/auditforms init demo --example", "cd demo",
                     "../.venv/bin/auditforms month start 2026-11"]
