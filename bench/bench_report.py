"""Benchmark: ``auditforms report`` on 10,000 completed Torbay audits over 12 months, to html.

Usage: python bench/bench_report.py [--count 10000] [--format html] [--repeat 3]

Writes N fictional completed audits (bench_check's generator, spread over December 2025 to
November 2026; a third moderated, a third final, with moderated judgements and checklists)
to a temporary folder, then runs the whole command as a user would, in a fresh process:

    auditforms report torbay-full-audit.yaml FOLDER --period 2026-11 --since 2025-12 --format html -o report.html

on the first 1,000 audits and on all N, each ``--repeat`` times, and prints for each run its
wall and CPU time beside the target (<= 3 s wall for N = 10,000) and the floor (a fresh
Python reading and ``json.loads``-ing the same files, nothing else, measured in the same run:
on a busy machine compare CPU seconds), its peak RSS (the largest process of its tree; memory
flat: the N run should use what the 1,000 run does), and ``auditforms --help``'s start-up
time (<= 0.1 s). CPU counts the worker that imports statsmodels and matplotlib while the
audits are read (auditforms.cli.report_worker): it saves wall time on a free CPU, not CPU.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from bench_check import Generator  # noqa: E402
from measure import load_line, measure, read_floor  # noqa: E402

from auditforms.api import load_definition  # noqa: E402
from auditforms.model.definition import Definition  # noqa: E402

MONTHS = [f"{2025 + (11 + k) // 12}-{(11 + k) % 12 + 1:02d}" for k in range(12)]  # 2025-12 .. 2026-11
TEAMS = [f"Fictional Team {name}" for name in ("North", "South", "East", "West", "Bay", "Harbour", "Moor", "Coast")]
TARGET_SECONDS = 3.0
HELP_TARGET = 0.1


def moderated(definition: Definition, audit: dict[str, Any], rng: random.Random) -> None:
    """Make about a third moderated and a third final, as a real year's audits are."""
    status = rng.choice(["submitted", "moderated", "final"])
    audit["status"] = status
    if status == "submitted":
        return
    judged = [k for k, v in audit["answers"].items() if isinstance(v, dict) and "judgement" in v]
    before = {k: audit["answers"][k]["judgement"] for k in judged}
    scale = definition.scales[0]
    moved = {k: rng.choice([o.id for o in scale.options]) for k in judged if rng.random() < 0.2}
    moved = {k: v for k, v in moved.items() if v != before[k]}
    audit["moderation"] = {
        "moderator": "M. Moderator", "date": "2026-11-28", "judgements": moved,
        "agreed": [k for k in judged if k not in moved], "auditor_judgements": before,
        "checklist": {k: {"overview": rng.random() < 0.7} for k in judged[:3]}}
    if status == "final":
        for k, v in moved.items():
            audit["answers"][k]["judgement"] = v


def action_rows(definition: Definition, audit: dict[str, Any], rng: random.Random) -> None:
    """Actions as a year brings them: due a month after the audit, most signed off (some late)."""
    from auditforms.actions import action_plan

    table = action_plan(definition)
    rows = audit["answers"].get(table.id) if table else None
    if table is None or not isinstance(rows, list):
        return
    roles = {c.role: c.id for c in table.columns if c.role}
    audited = dt.date.fromisoformat(audit["answers"][definition.index.by_role("audit_date") or "audit-date"])
    for row in rows:
        due = audited + dt.timedelta(days=30)
        row[roles["action_due"]] = due.isoformat()
        row.pop(roles.get("action_update", ""), None)
        row.pop(roles.get("action_signed_off", ""), None)
        if rng.random() < 0.6:
            row[roles["action_signed_off"]] = (due + dt.timedelta(days=rng.randint(-20, 10))).isoformat()


def write_audits(definition: Definition, folder: Path, count: int, first: int) -> None:
    generator, rng = Generator(definition), random.Random(14)
    date_field = definition.index.by_role("audit_date") or "audit-date"
    team_field = definition.index.by_role("team") or "team"
    for number in range(count):
        audit = generator.audit(number)
        month = MONTHS[number % 12]
        audit["answers"][date_field] = f"{month}-{1 + number % 28:02d}"
        audit["answers"][team_field] = TEAMS[number % len(TEAMS)]
        audit["audit_id"] = f"{month}-{number:05d}"
        moderated(definition, audit, rng)
        action_rows(definition, audit, rng)
        path = folder / ("a" if number < first else "b") / f"audit-{number:05d}.json"
        path.parent.mkdir(exist_ok=True)
        path.write_text(json.dumps(audit, ensure_ascii=False, indent=1), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--format", default="html", choices=["html", "docx", "xlsx", "json"])
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args(argv)
    tool = ROOT / "definitions" / "torbay-full-audit.yaml"
    definition = load_definition(tool)
    first = min(1000, options.count)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    command = [sys.executable, "-m", "auditforms"]
    with tempfile.TemporaryDirectory(prefix="auditforms-bench-report-") as tmp:
        folder = Path(tmp)
        write_audits(definition, folder, options.count, first)
        common = ["--period", "2026-11", "--since", MONTHS[0], "--format", options.format, "--force", "-o"]
        measure([*command, "report", str(tool), str(folder / "a"), *common, str(folder / "warm.out")], env)
        print(load_line())
        print(f"auditforms report, {options.format}, torbay-full-audit over {len(MONTHS)} months")
        print(f"{'audits':>8} {'wall s':>7} {'CPU s':>6} {'floor CPU s':>11} {'CPU/floor':>9} {'target':>12} "
              f"{'peak RSS MiB':>12}")
        for audits, count in ((folder / "a", first), (folder, options.count)):
            for _ in range(options.repeat):
                floor = read_floor(str(audits))
                done = measure([*command, "report", str(tool), str(audits), *common, str(folder / "out")], env)
                if done.code:
                    raise SystemExit(f"auditforms report: exit {done.code}")
                target = f"<= {TARGET_SECONDS:.0f} s wall" if count == options.count else ""
                print(f"{count:>8} {done.wall:7.2f} {done.cpu:6.2f} {floor.cpu:11.2f} {done.cpu / floor.cpu:9.1f} "
                      f"{target:>12} {done.peak_mib:12.0f}")
        help_wall = min(measure([*command, "--help"], env).wall for _ in range(3))
        print(f"auditforms --help: {help_wall:.3f} s (target <= {HELP_TARGET} s, includes interpreter start-up)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
