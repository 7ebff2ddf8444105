"""Torbay's tool across versions: an audit of 2.0.0 (kept in definitions/history/) checked against
2.0.0, and carried to 3.0.0 through the mapping torbay-full-audit.yaml declares."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
CURRENT = ROOT / "definitions" / "torbay-full-audit.yaml"
KEPT = ROOT / "definitions" / "history" / "torbay-full-audit" / "2.0.0.yaml"
OLD_AUDIT = ROOT / "tests" / "fixtures" / "audits" / "torbay-full-audit-2.0.0" / "child-v2-final.json"


@pytest.fixture(scope="module")
def library() -> Any:
    from auditforms.api import load_definition
    from auditforms.versions.library import VersionLibrary

    return VersionLibrary(load_definition(CURRENT), CURRENT.parent)


def old_audit() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(OLD_AUDIT.read_text(encoding="utf-8"))
    return document


def codes(output: str) -> list[str]:
    return [line.split("[", 1)[1].split("]", 1)[0] for line in output.splitlines() if "[AF" in line]


def test_the_kept_version_is_found_by_tool_and_version(library: Any) -> None:
    kept = library.get("2.0.0")
    assert kept is not None and kept.path == KEPT.resolve()
    assert (kept.definition.id, kept.definition.version) == ("torbay-full-audit", "2.0.0")
    assert kept.definition.lineage.label == "V 2, 01/03/21"
    assert library.get("1.0.0") is None and library.get("../2.0.0") is None


def test_the_current_version_prints_its_version_control_table(library: Any) -> None:
    lineage = library.current.lineage
    assert lineage.label == "V3, 1/10/23"
    assert [(r.date, r.label, r.changes) for r in lineage.version_control] == [
        ("23/11/20", "V 1", "Faye McNiven"), ("01/03/21", "V 2", "Faye McNiven"), ("1/10/23", "V3", "Louisa Jones")]


def test_an_audit_of_2_0_0_passes_against_2_0_0(run_cli) -> None:
    result = run_cli("check", KEPT, OLD_AUDIT)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{OLD_AUDIT}: passes\n"


def test_check_against_the_current_tool_uses_the_version_the_audit_names(run_cli) -> None:
    result = run_cli("check", CURRENT, OLD_AUDIT)
    assert result.exit_code == 0, result.output
    assert codes(result.stdout) == ["AF933"]
    assert "checked against version 2.0.0 of torbay-full-audit" in result.stdout
    assert "note[AF933]" in result.stdout and f"{OLD_AUDIT}: passes\n" in result.stdout


def test_carried_to_3_0_0_through_the_declared_mapping(library: Any) -> None:
    from auditforms.results.check import check_document
    from auditforms.versions.reading import read_for_check

    read = read_for_check(library, old_audit(), "old.json", target=library.current)
    answers = read.document["answers"]
    assert read.document["definition"] == {"id": "torbay-full-audit", "version": "3.0.0"}
    assert "worker-seen" in answers and "worker-spoken-to" not in answers  # renamed
    assert answers["q6"]["judgement"] == "meets-good"  # renamed, good -> meets-good
    assert answers["q12"]["judgement"] == "meets-good"  # the overall rating, renamed from q11
    assert answers["q3"]["judgement"] == "does-not-meet-good"  # merged: the lowest of outstanding, inadequate
    assert answers["q3"]["evidence"].count("Findings of fact") == 2  # both narratives joined
    assert answers["q10"] == answers["q11"]  # split: each a copy
    assert "covid" not in answers and "recording" not in answers
    assert answers["q1"]["judgement"] == "does-not-meet-good"  # inadequate -> does-not-meet-good
    moderation = read.document["moderation"]
    assert moderation["judgements"] == {"q5": "meets-good"}
    assert "q3" not in moderation["agreed"]  # agreed with Q3 but not with Recording, merged into it
    assert moderation["auditor_judgements"]["q12"] == "meets-good"
    found = check_document(read.definition, read.document, file="old.json")
    assert [d.format() for d in found if d.is_error] == []
    assert sorted(d.code for d in read.diagnostics) == ["AF935", "AF935", "AF937", "AF937", "AF938"]


def test_check_as_version_reports_what_was_not_carried_once_each(run_cli) -> None:
    result = run_cli("check", CURRENT, OLD_AUDIT, "--as-version", "3.0.0")
    assert result.exit_code == 0, result.output
    assert codes(result.stdout) == ["AF938", "AF937", "AF937", "AF935", "AF935"]
    assert "warning[AF935] the answer 'covid' of 2.0.0: removed in 3.0.0" in result.stdout
    assert "1 with warnings" in result.stderr


def test_no_answer_text_is_quoted(run_cli) -> None:
    document = old_audit()
    result = run_cli("check", CURRENT, OLD_AUDIT, "--as-version", "3.0.0")
    for value in document["answers"].values():
        texts = value.values() if isinstance(value, dict) else [value]
        for text in texts:
            if isinstance(text, str) and len(text) > 12:
                assert text not in result.output


def test_an_unkept_version_is_one_warning_per_answer_with_no_place(run_cli, tmp_path: Path) -> None:
    document = old_audit()
    document["definition"]["version"] = "2.5.0"  # not kept, no mapping declared from it
    path = tmp_path / "audit.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    result = run_cli("check", CURRENT, path)
    found = codes(result.stdout)
    assert found[0] == "AF934" and "AF611" not in found and "AF621" not in found
    no_place = [line for line in result.stdout.splitlines() if "'recording' of 2.5.0" in line]
    assert len(no_place) == 2 and all("warning[AF935]" in line for line in no_place)  # answer, moderation


def test_as_version_must_be_kept(run_cli) -> None:
    result = run_cli("check", CURRENT, OLD_AUDIT, "--as-version", "9.0.0")
    assert result.exit_code == 2
    assert "version 9.0.0 of torbay-full-audit is not kept" in result.output


def test_migrate_writes_new_files_and_never_touches_the_old(run_cli, tmp_path: Path) -> None:
    before = OLD_AUDIT.read_bytes()
    out = tmp_path / "carried"
    result = run_cli("migrate", CURRENT, OLD_AUDIT, "-o", out)
    assert result.exit_code == 0, result.output
    assert OLD_AUDIT.read_bytes() == before
    carried = json.loads((out / "child-v2-final.json").read_text(encoding="utf-8"))
    assert carried["definition"]["version"] == "3.0.0"
    event = carried["history"][-1]
    assert (event["event"], event["role"]) == ("migrated", "system")
    assert event["details"] == {"from_version": "2.0.0", "to_version": "3.0.0", "not_carried": ["covid"],
                                "review": ["q10", "q11", "q3", "recording"]}
    assert "warning[AF935]" in result.stderr and "1 audit carried to version 3.0.0" in result.stderr
    checked = run_cli("check", CURRENT, OLD_AUDIT, "--as-version", "3.0.0")
    said = [line for line in checked.stdout.splitlines() if "warning[AF935]" in line]
    assert said and all(line in result.stderr.splitlines() for line in said)  # at its line, as check says it
    assert run_cli("check", CURRENT, out).exit_code == 0


def test_migrate_never_overwrites_silently(run_cli, tmp_path: Path) -> None:
    out = tmp_path / "carried"
    assert run_cli("migrate", CURRENT, OLD_AUDIT, "-o", out).exit_code == 0
    again = run_cli("migrate", CURRENT, OLD_AUDIT, "-o", out)
    assert again.exit_code == 2  # one line: nothing about the audits before the refusal
    assert again.stderr == (f"{out / 'child-v2-final.json'}: error[AF120] already exists; choose another folder "
                            "or pass --force to replace it\n")
    assert run_cli("migrate", CURRENT, OLD_AUDIT, "-o", out, "--force").exit_code == 0


def test_migrate_refuses_to_write_over_an_input(run_cli, tmp_path: Path) -> None:
    shutil.copy(OLD_AUDIT, tmp_path / "a.json")
    before = (tmp_path / "a.json").read_bytes()
    result = run_cli("migrate", CURRENT, tmp_path / "a.json", "-o", tmp_path, "--force")
    assert result.exit_code == 2 and "old audits are never changed" in result.stderr
    assert (tmp_path / "a.json").read_bytes() == before


def test_migrate_names_files_it_cannot_carry(run_cli, tmp_path: Path) -> None:
    other = tmp_path / "other.json"
    other.write_text(json.dumps({**old_audit(), "definition": {"id": "another-tool", "version": "1.0.0"}}))
    result = run_cli("migrate", CURRENT, other, OLD_AUDIT, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert "error[AF939] not a completed audit of torbay-full-audit" in result.stderr
    assert (tmp_path / "out" / "child-v2-final.json").is_file()


def test_the_monthly_report_counts_old_audits_through_the_mapping(run_cli, tmp_path: Path) -> None:
    output = tmp_path / "report.json"
    result = run_cli("report", CURRENT, OLD_AUDIT, "--period", "2022-05", "--format", "json", "-o", output)
    assert result.exit_code == 0, result.output
    coverage = json.loads(output.read_text(encoding="utf-8"))["coverage"]
    assert coverage["counted"] == 1 and coverage["other_versions"] == {}


def test_the_action_tracker_lists_actions_of_old_audits(library: Any) -> None:
    from auditforms.actions.gather import gather
    from auditforms.versions.reading import read_as_current

    gathered = gather(library.current, [("old.json", read_as_current(library, old_audit()))])
    assert len(gathered.listed) == len(old_audit()["answers"]["actions"])
    assert gathered.problems == []
