"""Benchmark: ``auditforms report`` on 10,000 completed Torbay audits over 12 months, to html.

Usage: python bench/bench_report.py [--count 10000] [--format html]

Writes N fictional completed audits (bench_check's generator, spread over December 2025 to
November 2026; a third moderated, a third final, with moderated judgements and checklists)
to a temporary folder, then runs the whole command as a user would, in a fresh process:

    auditforms report torbay-full-audit.yaml FOLDER --period 2026-11 --since 2025-12 --format html -o report.html

once on the first 1,000 audits and once on all N, and prints the wall time of each beside the
target (<= 3 s for N = 10,000), the peak RSS of each (memory flat: the 10,000 run should use
about what the 1,000 run does), and ``auditforms --help``'s start-up time (<= 0.1 s).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from bench_check import Generator  # noqa: E402

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


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(args: list[str]) -> tuple[float, float, float]:
    """Wall and CPU seconds of one fresh ``auditforms`` process, and the peak RSS of any child
    so far (on a busy machine the CPU figure is the fair one)."""
    start, cpu = time.perf_counter(), _cpu()
    subprocess.run([sys.executable, "-m", "auditforms", *args], check=True, capture_output=True)
    wall = time.perf_counter() - start
    return wall, _cpu() - cpu, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--format", default="html", choices=["html", "docx", "xlsx", "json"])
    options = parser.parse_args(argv)
    tool = ROOT / "definitions" / "torbay-full-audit.yaml"
    definition = load_definition(tool)
    first = min(1000, options.count)
    with tempfile.TemporaryDirectory(prefix="auditforms-bench-report-") as tmp:
        folder = Path(tmp)
        write_audits(definition, folder, options.count, first)
        common = ["--period", "2026-11", "--since", MONTHS[0], "--format", options.format, "--force", "-o"]
        run(["report", str(tool), str(folder / "a"), *common, str(folder / "warm.out")])  # warm caches
        wall_1k, cpu_1k, rss_1k = run(["report", str(tool), str(folder / "a"), *common, str(folder / "1k.out")])
        wall_all, cpu_all, rss_all = run(["report", str(tool), str(folder), *common, str(folder / "all.out")])
        help_wall = min(run(["--help"])[0] for _ in range(3))
        print(f"auditforms report, {options.format}, torbay-full-audit over {len(MONTHS)} months")
        print(f"{'audits':>8} {'wall s':>8} {'CPU s':>8} {'target s':>9} {'peak RSS MiB':>13}")
        print(f"{first:>8} {wall_1k:>8.2f} {cpu_1k:>8.2f} {'':>9} {rss_1k:>13.1f}")
        print(f"{options.count:>8} {wall_all:>8.2f} {cpu_all:>8.2f} {TARGET_SECONDS:>9.2f} {rss_all:>13.1f}")
        print(f"auditforms --help: {help_wall:.3f} s (target <= {HELP_TARGET} s, includes interpreter start-up)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
