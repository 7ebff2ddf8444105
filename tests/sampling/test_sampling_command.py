"""``auditforms sample`` end to end, on the fictional examples and on small made-up files."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from sampling_support import EXAMPLES, write_csv
from tests.conftest import KITCHEN_SINK

from auditforms.sampling.tabular import decode
from auditforms.sampling.values import normalise_key, parse_date


def sample_args(definition: Path, out: Path, *extra: str) -> list[str]:
    return ["sample", str(definition), "--cases", str(EXAMPLES / "case-list.csv"),
            "--auditors", str(EXAMPLES / "auditors.csv"),
            "--history", str(EXAMPLES / "audit-history.csv"), "--date", "01/12/2026",
            "-o", str(out), *extra]


def rows_of(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(decode(path.read_bytes()))))


def test_examples_give_a_sample_of_20_with_seed_recorded(run_cli, tmp_path):
    out = tmp_path / "sample.csv"
    result = run_cli(*sample_args(KITCHEN_SINK, out, "--seed", "42"))
    assert result.exit_code == 0, result.output
    assert "with seed 42; re-run with --seed 42 --date 2026-12-01" in result.stderr
    rows = rows_of(out)
    assert len(rows) == 20 and len({r["Child ID"] for r in rows}) == 20
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    for row in rows:
        assert normalise_key(row["Auditor's area of service"]) != normalise_key(row["Area of service"])
        assert row["Due date"] == "2026-12-15"
        assert row["Audit ID"] == f"2026-12-{row['Child ID']}"
    meta = json.loads((tmp_path / "sample.meta.json").read_text())
    assert meta["seed"] == 42 and meta["lookback_start"] == "2026-06-01"
    assert meta["definition"] == {"id": "kitchen-sink", "version": "1.2.0"}
    assert meta["counts"]["listed"] == 240 and meta["counts"]["eligible"] >= 20
    assert set(meta["inputs"]) == {"cases", "auditors", "history"}


def test_same_inputs_and_seed_reproduce_the_same_file(run_cli, tmp_path):
    for name in ("a.csv", "b.csv"):
        assert run_cli(*sample_args(KITCHEN_SINK, tmp_path / name, "--seed", "7")).exit_code == 0
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()
    assert run_cli(*sample_args(KITCHEN_SINK, tmp_path / "c.csv", "--seed", "8")).exit_code == 0
    assert (tmp_path / "a.csv").read_bytes() != (tmp_path / "c.csv").read_bytes()


def test_no_seed_draws_one_and_prints_it(run_cli, tmp_path):
    result = run_cli(*sample_args(KITCHEN_SINK, tmp_path / "s.csv"))
    seed = json.loads((tmp_path / "s.meta.json").read_text())["seed"]
    assert f"with seed {seed};" in result.stderr


def test_recently_audited_children_are_not_drawn(run_cli, tmp_path):
    history = rows_of(EXAMPLES / "audit-history.csv")
    auditors = write_csv(tmp_path / "a.csv", "name,area,capacity\nQA,Quality Assurance,500\n")
    args = sample_args(KITCHEN_SINK, tmp_path / "s.csv", "-n", "150")
    args[args.index("--auditors") + 1] = str(auditors)
    result = run_cli(*args)
    assert result.exit_code == 0, result.output
    drawn = {r["Child ID"] for r in rows_of(tmp_path / "s.csv")}
    recent = {h["Child ID"] for h in history if parse_date(h["Audit date"]).isoformat() >= "2026-06-01"}
    assert recent and not drawn & recent


def test_theme_and_stratification_options(run_cli, tmp_path):
    result = run_cli(*sample_args(KITCHEN_SINK, tmp_path / "s.csv", "-n", "5", "--flag", "uasc"))
    assert result.exit_code == 0, result.output
    assert all("UASC" in r["Flags"] for r in rows_of(tmp_path / "s.csv"))
    result = run_cli(*sample_args(KITCHEN_SINK, tmp_path / "t.csv", "--stratify", "area"))
    meta = json.loads((tmp_path / "t.meta.json").read_text())
    assert sum(meta["quotas"].values()) == 20 and len(meta["quotas"]) == 5


def test_impossible_sample_exits_1_with_one_line(run_cli, tmp_path):
    result = run_cli(*sample_args(KITCHEN_SINK, tmp_path / "s.csv", "-n", "500"))
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error[AF807] only ")
    assert not (tmp_path / "s.csv").exists()


def test_no_auditor_outside_an_area_exits_1(run_cli, tmp_path):
    cases = write_csv(tmp_path / "c.csv", "id,team\nC1,Early Help\n")
    auditors = write_csv(tmp_path / "a.csv", "name,area,capacity\nAnn,Early Help,3\n")
    result = run_cli("sample", KITCHEN_SINK, "--cases", cases, "--auditors", auditors,
                     "--no-history", "-n", "1", "-o", tmp_path / "s.csv")
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "error[AF808] no available auditor works outside Early Help, so child C1 cannot be "
        "allocated; add an auditor from another area of service")


def test_bad_rows_are_all_reported_and_nothing_is_drawn(run_cli, tmp_path):
    cases = write_csv(tmp_path / "c.csv", "Child ID;Team;DOB\nC1;EH;32/01/2010\nC2;;\n", bom=True)
    result = run_cli("sample", KITCHEN_SINK, "--cases", cases, "--auditors",
                     EXAMPLES / "auditors.csv", "--no-history", "-n", "1", "-o", tmp_path / "s.csv")
    assert result.exit_code == 1
    assert f"{cases}:2:7: error[AF803] date of birth: not a real date" in result.stderr
    assert "32/01/2010" not in result.stderr  # a case-list value is never quoted
    assert f"{cases}:3:4: error[AF804] the team is blank" in result.stderr
    assert not (tmp_path / "s.csv").exists()


def test_history_is_required_unless_declared_absent(run_cli, tmp_path):
    result = run_cli("sample", KITCHEN_SINK, "--cases", EXAMPLES / "case-list.csv", "--auditors",
                     EXAMPLES / "auditors.csv", "-o", tmp_path / "s.csv")
    assert result.exit_code == 2 and "--no-history" in result.stderr


def test_completed_audits_folder_is_history(run_cli, tmp_path):
    cases = write_csv(tmp_path / "c.csv", "id,team\nC1,Early Help\nC2,Early Help\n")
    audits = tmp_path / "audits"
    (audits / "2026-10").mkdir(parents=True)
    (audits / "2026-10" / "x.json").write_text(json.dumps({
        "format": "auditforms/completed-audit", "format_version": 1,
        "definition": {"id": "kitchen-sink", "version": "1.2.0"}, "status": "final",
        "answers": {"child-id": "C1", "audit-date": "2026-10-04"}}))
    (audits / "broken.json").write_text("{not json")
    result = run_cli("sample", KITCHEN_SINK, "--cases", cases, "--auditors",
                     EXAMPLES / "auditors.csv", "--audits", audits, "-n", "1", "--date",
                     "2026-12-01", "-o", tmp_path / "s.csv")
    assert result.exit_code == 0, result.output
    assert [r["Child ID"] for r in rows_of(tmp_path / "s.csv")] == ["C2"]
    assert f"{audits / 'broken.json'}:1:2: warning[AF806] not valid JSON: " in result.stderr
    result = run_cli("sample", KITCHEN_SINK, "--cases", cases, "--auditors",
                     EXAMPLES / "auditors.csv", "--audits", audits, "-n", "2", "--date",
                     "2026-12-01", "-o", tmp_path / "t.csv")
    assert result.exit_code == 1 and "1 audited since 1 June 2026" in result.stderr


def test_existing_sample_is_not_overwritten_without_force(run_cli, tmp_path):
    out = tmp_path / "s.csv"
    out.write_text("mine")
    result = run_cli(*sample_args(KITCHEN_SINK, out))
    assert result.exit_code == 2 and "already exists" in result.stderr
    assert out.read_text() == "mine"
    assert run_cli(*sample_args(KITCHEN_SINK, out, "--force")).exit_code == 0


def test_a_column_mapping_reads_an_export_with_its_own_names(run_cli, tmp_path):
    common = ["sample", KITCHEN_SINK, "--auditors", EXAMPLES / "auditors.csv", "--no-history",
              "--date", "2026-11-02", "--seed", "5", "-n", "3"]
    cases = EXAMPLES / "lcs-case-list.csv"
    unmapped = run_cli(*common, "--cases", cases, "-o", tmp_path / "a.csv")
    assert unmapped.exit_code == 1 and "error[AF802] no 'child id' column" in unmapped.stderr
    mapped = run_cli(*common, "--cases", cases, "-o", tmp_path / "b.csv",
                     "--column", "child_id=Person Reference", "--column", "team=Responsible Team",
                     "--column", "area=Service Area Name", "--column", "open_date=Involvement Start Date",
                     "--column", "closed_date=Involvement End Date")
    assert mapped.exit_code == 0, mapped.stderr
    bad = run_cli(*common, "--cases", cases, "-o", tmp_path / "c.csv", "--column", "kid=Person Reference")
    assert bad.exit_code == 2 and "ROLE=HEADER" in bad.stderr
