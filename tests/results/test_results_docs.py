"""docs/completed-audit-format.md: its example passes check, its code table is the catalogue."""

from __future__ import annotations

import json
import re

import pytest
from tests.results.conftest import ROOT

from auditforms.api import load_definition
from auditforms.results.check import check
from auditforms.results.codes import CATALOGUE
from auditforms.results.envelope import envelope_schema
from auditforms.results.validation import make_validator

DOC = (ROOT / "docs" / "completed-audit-format.md").read_text(encoding="utf-8")
TORBAY = ROOT / "definitions" / "torbay-full-audit.yaml"


def _example() -> dict:
    section = DOC.split("## A complete example", 1)[1]
    block = re.search(r"```json\n(.*?)\n```", section, re.S)
    assert block is not None
    return json.loads(block.group(1))


def test_the_example_is_a_valid_envelope():
    assert make_validator(envelope_schema()).is_valid(_example())


@pytest.mark.skipif(not TORBAY.exists(), reason="the shipped Torbay tool is not in this checkout")
def test_the_example_passes_check_without_a_finding():
    report = check(load_definition(TORBAY), [_example()], period="2026-11")
    assert [d.format() for d in report.diagnostics] == []


def test_the_code_table_is_the_catalogue():
    rows = dict(re.findall(r"^\| (AF6\d\d) \| (.+) \|$", DOC, re.M))
    assert rows == CATALOGUE


def test_the_json_report_sample_has_the_reporters_shape():
    sample = DOC.split("`--format json` writes", 1)[1]
    report = json.loads(re.search(r"```json\n(.*?)\n```", sample, re.S).group(1))
    assert set(report) == {"format", "format_version", "definition", "files", "summary"}
    assert set(report["files"][0]) == {"file", "audit_id", "status", "passed", "checked", "errors",
                                       "warnings", "findings"}


def test_the_batch_size_for_workers_is_the_one_check_uses():
    from auditforms.cli.check_pool import MIN_FILES_FOR_WORKERS

    assert f"A large batch ({MIN_FILES_FOR_WORKERS} files or more)" in DOC
