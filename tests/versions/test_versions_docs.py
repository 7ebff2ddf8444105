"""docs/versions-and-families.md and the lineage keys stay true to the shipped tool and the schema."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from auditforms.language.schema import definition_schema
from auditforms.model import lineage as m
from auditforms.versions.codes import CATALOGUE

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "versions-and-families.md").read_text(encoding="utf-8")
SECTION = DOC.split("## Versions and old audits", 1)[1].split("\n## ", 1)[0]


def test_the_documented_lineage_is_torbays() -> None:
    example = yaml.safe_load(re.findall(r"```yaml\n(.*?)```", SECTION, flags=re.S)[0])
    shipped = yaml.safe_load((ROOT / "definitions" / "torbay-full-audit.yaml").read_text(encoding="utf-8"))
    assert example["lineage"]["version_control"] == shipped["lineage"]["version_control"]
    assert example["lineage"]["from_versions"][0]["answers"] == shipped["lineage"]["from_versions"][0]["answers"]


def test_every_code_is_documented() -> None:
    assert [c for c in CATALOGUE if f"| {c} |" not in SECTION] == []


@pytest.mark.parametrize(("name", "model"), [("lineage", m.Lineage), ("versionRow", m.VersionRow),
                                             ("versionMapping", m.VersionMapping)])
def test_model_and_schema_have_the_same_keys(name: str, model: type) -> None:
    schema_keys = set(definition_schema()["$defs"][name]["properties"])
    assert schema_keys == {f.alias or key for key, f in model.model_fields.items()}  # type: ignore[attr-defined]


def test_the_column_change_has_the_models_keys() -> None:
    changes = definition_schema()["$defs"]["answerChange"]["oneOf"]
    columns = next(c for c in changes if "columns" in c["properties"])
    assert set(columns["properties"]) == set(m.ColumnMap.model_fields)
    assert "`columns: TABLE, map: {OLD COLUMN: COLUMN}" in SECTION
