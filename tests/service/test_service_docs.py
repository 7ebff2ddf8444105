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


def _guide_section(title: str) -> str:
    guide = (ROOT / "docs" / "a-month-of-audits.md").read_text(encoding="utf-8")
    return guide.split(f"## {title}", 1)[1].split("\n## ", 1)[0]


def test_the_finished_month_in_the_guide_is_the_shipped_one(run_cli, example_service) -> None:
    """What the guide says October shows is what the commands print on its day."""
    import json

    section = _guide_section("Try a finished month: October 2026")
    for name in re.findall(r"months/2026-10/forms/returned/([\w.-]+\.json)", section):
        assert (ROOT / "examples" / "months" / "2026-10" / "forms" / "returned" / name).is_file(), name
    returned = ROOT / "examples" / "months" / "2026-10" / "forms" / "returned"
    opened = json.loads((returned / "torbay-full-audit_C10232_2026-10-05_moderated.json").read_text("utf-8"))
    assert list(opened["moderation"]["comments"]) == ["q3"]  # "the moderator's comment on Q3"
    down = json.loads((returned / "torbay-full-audit_C10056_2026-10-12_final.json").read_text("utf-8"))["moderation"]
    assert (down["auditor_judgements"]["q12"], down["judgements"]) == ("meets-good", {"q12": "does-not-meet-good"})
    blocks = [text for language, text in re.findall(r"```(\w*)\n(.*?)```", section, re.S) if not language]
    status = run_cli("month", "status", "2026-10", "--today", "2026-11-16").stdout
    assert all(line in status for line in blocks[0].splitlines()), blocks[0]
    actions = run_cli("actions", "--today", "2026-11-16").stdout
    assert actions.splitlines()[:2] == blocks[1].strip().splitlines()  # the settings' marking, then the counts
    drew = re.search(r"`drew 20 (of 164 eligible children .*?)`", " ".join(section.split())).group(1)
    started = run_cli("month", "start", "2026-11", "--date", "2026-11-01", "--seed", "1")
    assert drew in started.stderr
