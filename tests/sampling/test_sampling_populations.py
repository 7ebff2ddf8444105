"""Populations and audit types for ``auditforms sample``: a census, a stratified draw, months
off, a deep dive's longer look-back, and audits of one document in the history."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import replace
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from sampling_support import EXAMPLES, write_csv

from auditforms.language.loader import load
from auditforms.sampling.population import Asked, criteria_for
from auditforms.sampling.records import Child, PastAudit
from auditforms.sampling.selection import Criteria, select
from auditforms.sampling.tabular import decode

FAMILY = Path(__file__).resolve().parents[2] / "definitions" / "examples"
AUDITORS = EXAMPLES / "auditors.csv"
CASES = """\
Child ID,Team,Area of service,Plan type
C1,Early Help 1,Early Help,Child protection
C2,Early Help 1,Early Help,Child in need
C3,Safeguarding 1,Safeguarding and Support,Child protection
C4,Safeguarding 2,Safeguarding and Support,Child protection
C5,Safeguarding 2,Safeguarding and Support,
"""


def rows_of(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(decode(path.read_bytes()))))


def sample(run_cli, tool: str, tmp_path: Path, cases: str, *extra: str):
    listed = write_csv(tmp_path / "cases.csv", cases)
    return run_cli("sample", FAMILY / f"{tool}.yaml", "--cases", listed, "--auditors", AUDITORS,
                   "--seed", "7", "-o", tmp_path / "s.csv", *extra)


def test_a_census_takes_every_child_on_the_plan(run_cli, tmp_path: Path) -> None:
    history = write_csv(tmp_path / "h.csv", "Child ID,Audit date\nC4,2026-10-01\n")
    result = sample(run_cli, "family-cp-census", tmp_path, CASES, "--history", history,
                    "--date", "2026-11-02")
    assert result.exit_code == 0, result.output
    assert [r["Child ID"] for r in rows_of(tmp_path / "s.csv")] == ["C1", "C3"]
    assert rows_of(tmp_path / "s.csv")[0]["Plan type"] == "Child protection"
    assert "took every one of 2 eligible children" in result.stderr
    meta = json.loads((tmp_path / "s.meta.json").read_text())
    assert (meta["method"], meta["theme"]["plans"]) == ("census", ["Child protection"])


def test_no_sample_in_a_month_off_unless_asked(run_cli, tmp_path: Path) -> None:
    refused = sample(run_cli, "family-cp-census", tmp_path, CASES, "--no-history", "--date", "2026-08-03")
    assert refused.exit_code == 1 and not (tmp_path / "s.csv").exists()
    assert refused.stderr.strip() == (
        "error[AF830] the tool family-cp-census is not sampled in August (its sampling says "
        "months_off: august); give a --date in another month (or pass --ignore-months-off)")
    drawn = sample(run_cli, "family-cp-census", tmp_path, CASES, "--no-history", "--date", "2026-08-03",
                   "--ignore-months-off")
    assert drawn.exit_code == 0, drawn.output


def test_a_deep_dive_looks_back_further_and_says_which_type_it_is(run_cli, tmp_path: Path) -> None:
    history = write_csv(tmp_path / "h.csv", "Child ID,Audit date\nC1,2025-06-01\nC2,2026-09-01\n")
    args = ("--history", history, "--date", "2026-11-02")
    regular = sample(run_cli, "family-early-help", tmp_path, CASES, *args, "-n", "4")
    assert regular.exit_code == 0, regular.output
    rows = rows_of(tmp_path / "s.csv")
    assert {r["Child ID"] for r in rows} == {"C1", "C3", "C4", "C5"}  # C1's audit is 17 months old
    assert {r["Audit type"] for r in rows} == {"regular"}
    deep = sample(run_cli, "family-early-help", tmp_path, CASES, *args, "-n", "3",
                  "--audit-type", "deep-dive", "--force")
    assert deep.exit_code == 0, deep.output
    rows = rows_of(tmp_path / "s.csv")
    assert {r["Child ID"] for r in rows} == {"C3", "C4", "C5"}  # 24 months leave out C1 and C2
    assert {r["Audit type"] for r in rows} == {"deep-dive"}
    meta = json.loads((tmp_path / "s.meta.json").read_text())
    assert (meta["audit_type"], meta["lookback_months"], meta["judgement_window_months"]) == ("deep-dive", 24, 6)


def test_an_unknown_audit_type_is_a_usage_error(run_cli, tmp_path: Path) -> None:
    result = sample(run_cli, "family-early-help", tmp_path, CASES, "--no-history", "--audit-type", "deep")
    assert result.exit_code == 2
    assert result.stderr.strip() == ("error[AF832] the tool family-early-help has no audit type 'deep' "
                                     "(it has: regular, deep-dive)")


def test_a_stratified_draw_by_plan_is_in_proportion() -> None:
    definition = load(FAMILY / "family-early-help.yaml").definition
    children = [Child(f"C{i}", "T", "A", i, plan="Child protection" if i <= 6 else "Child in need")
                for i in range(1, 10)]
    criteria = criteria_for(definition, Asked(dt.date(2026, 11, 2), 5, size=6, stratify="plan"))
    chosen = select(children, [], criteria)
    assert chosen.quotas == {"Child in need": 2, "Child protection": 4}
    assert sum(c.plan == "Child protection" for c in chosen.chosen) == 4


def test_the_tool_says_how_it_is_sampled() -> None:
    census = load(FAMILY / "family-cp-census.yaml").definition
    criteria = criteria_for(census, Asked(dt.date(2026, 11, 2), 1))
    assert (criteria.method, criteria.plans, criteria.lookback_months) == ("census", ("Child protection",), 6)
    early_help = load(FAMILY / "family-early-help.yaml").definition
    criteria = criteria_for(early_help, Asked(dt.date(2026, 11, 2), 1, size=4))
    assert (criteria.size, criteria.audit_type, criteria.lookback_months) == (4, "regular", 12)


def envelope(folder: Path, name: str, tool: str, answers: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.json").write_text(json.dumps({
        "format": "auditforms/completed-audit", "format_version": 1,
        "definition": {"id": tool, "version": "1.0.0"}, "status": "final", "answers": answers}))


def test_an_audit_of_a_childs_document_is_not_a_repeat_audit_of_the_child(run_cli, tmp_path: Path) -> None:
    audits = tmp_path / "audits"
    envelope(audits, "eha", "family-eha-document",
             {"child-id": "C1", "audit-date": "2026-10-05", "document-id": "EHA-1", "document-date": "2026-09-01"})
    envelope(audits, "whole", "family-early-help", {"child-id": "C2", "audit-date": "2026-10-05"})
    result = sample(run_cli, "family-early-help", tmp_path, CASES, "--audits", audits,
                    "--date", "2026-11-02", "-n", "4")
    assert result.exit_code == 0, result.output
    assert {r["Child ID"] for r in rows_of(tmp_path / "s.csv")} == {"C1", "C3", "C4", "C5"}


def test_a_document_sample_leaves_out_only_the_document_audited(run_cli, tmp_path: Path) -> None:
    audits = tmp_path / "audits"
    envelope(audits, "eha", "family-eha-document",
             {"child-id": "C1", "audit-date": "2026-10-05", "document-id": "EHA-1", "document-date": "2026-09-01"})
    envelope(audits, "whole", "family-early-help", {"child-id": "C1", "audit-date": "2026-10-05"})
    documents = ("Child ID,Team,Area of service,Document ID,Document date\n"
                 "C1,Early Help 1,Early Help,EHA-1,2026-09-01\nC1,Early Help 1,Early Help,EHA-2,2026-10-20\n"
                 "C3,Safeguarding 1,Safeguarding and Support,EHA-3,2026-10-01\n")
    result = sample(run_cli, "family-eha-document", tmp_path, documents, "--audits", audits,
                    "--date", "2026-11-02", "--census")
    assert result.exit_code == 0, result.output
    rows = rows_of(tmp_path / "s.csv")
    assert [(r["Child ID"], r["Document ID"], r["Audit ID"]) for r in rows] == [
        ("C1", "EHA-2", "2026-11-C1-EHA-2"), ("C3", "EHA-3", "2026-11-C3-EHA-3")]


def test_a_document_tool_needs_document_ids(run_cli, tmp_path: Path) -> None:
    result = sample(run_cli, "family-eha-document", tmp_path, CASES, "--no-history", "-n", "1")
    assert result.exit_code == 1
    assert "error[AF831] line 2 of the case list has no document id" in result.stderr


def test_history_rows_naming_a_document_do_not_count_for_the_child() -> None:
    definition = load(FAMILY / "family-early-help.yaml").definition
    children = [Child("C1", "T", "A", 1), Child("C2", "T", "A", 2)]
    history = [PastAudit("C1", dt.date(2026, 10, 1), "h.csv:2", document_id="EHA-1"),
               PastAudit("C2", dt.date(2026, 10, 1), "h.csv:3")]
    criteria = criteria_for(definition, Asked(dt.date(2026, 11, 2), 1, size=1))
    assert [c.child_id for c in select(children, history, criteria).chosen] == ["C1"]


@given(st.lists(st.tuples(st.integers(0, 5), st.sampled_from(["", "EHA-1", "EHA-2"])), max_size=12))
def test_only_whole_case_audits_leave_a_child_out_and_only_the_same_document_a_document(audited) -> None:
    children = [Child(f"C{i}", "T", "A", i + 2) for i in range(6)]
    documents = [Child(f"C{i}", "T", "A", i + 2, document_id=d) for i in range(6) for d in ("EHA-1", "EHA-2")]
    history = [PastAudit(f"C{i}", dt.date(2026, 10, 1), "h", document_id=d) for i, d in audited]
    reference = dt.date(2026, 11, 2)
    census = Criteria(reference, 6, 1, 1, method="census")
    whole = {f"C{i}" for i, d in audited if not d}
    if len(whole) < len(children):
        chosen = select(children, history, census).chosen
        assert {c.child_id for c in chosen} == {c.child_id for c in children} - whole
    done = {(f"C{i}", d) for i, d in audited if d}
    if len(done) < len(documents):
        chosen = select(documents, history, replace(census, documents=True)).chosen
        assert {(c.child_id, c.document_id) for c in chosen} == {
            (c.child_id, c.document_id) for c in documents} - done
