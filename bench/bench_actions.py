"""Benchmark of ``auditforms actions`` (prints figures; asserts nothing).

Writes synthetic moderated Torbay audits (4 actions each, 40 teams under 8 heads of
service), then runs, each as the whole command in a fresh process as a lead auditor runs it:

    auditforms actions DEF AUDITS --teams teams.csv --split-by head_of_service -o trackers

for 1,000 / 2,500 / 5,000 / 10,000 audits (40,000 actions at the top). Target: 10,000
audits in at most 5 s; memory flat in the audits (peak RSS grows with the actions kept,
~0.5 KiB each, never with the audit documents, which are read one at a time).

Run: ``PYTHONPATH=src python bench/bench_actions.py [--sizes 1000,10000] [--repeat 1]``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFINITION = ROOT / "definitions" / "torbay-full-audit.yaml"
TARGET_SECONDS = 5.0
TEAMS, HEADS = 40, 8


def write_audits(folder: Path, count: int) -> None:
    folder.mkdir(parents=True)
    for i in range(count):
        team = f"Team {i % TEAMS:02d}"
        actions = [{"action": f"Fictional action {k} for child {i}: update the plan with the school.",
                    "person": f"Worker {(i + k) % 300}", "completion-date": f"2026-12-{1 + (i + 7 * k) % 28:02d}",
                    **({"sign-off-date": "2026-12-01"} if (i + k) % 5 == 0 else {})} for k in range(4)]
        document = {"format": "auditforms/completed-audit", "format_version": 1,
                    "definition": {"id": "torbay-full-audit", "version": "3.0.0"},
                    "audit_id": f"2026-11-{i:05d}", "status": "moderated",
                    "answers": {"auditor-name": "B. Auditor", "audit-date": "2026-11-12", "child-id": f"C{i:05d}",
                                "team": team, "actions": actions},
                    "moderation": {"moderator": "C. Moderator", "date": "2026-11-20"}}
        (folder / f"audit-{i:05d}.json").write_text(json.dumps(document), encoding="utf-8")


def write_teams(path: Path) -> None:
    lines = ["Team,Area of service,Team manager,Team manager email,Service manager,Service manager email,"
             "Head of service,Head of service email"]
    for t in range(TEAMS):
        head = t % HEADS
        lines.append(f"Team {t:02d},Area {head},TM {t},tm{t}@example.org,SM {t % 16},sm{t % 16}@example.org,"
                     f"HoS {head},hos{head}@example.org")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def run(args: list[str]) -> tuple[float, float, int, int]:
    """Wall time (s), CPU time (s, with its workers), peak RSS (MiB) and exit status of
    ``auditforms ARGS`` in a new process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.run([sys.executable, "-m", "auditforms", *args], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if process.returncode:
        sys.stderr.write(process.stderr.decode()[:2000])
    return elapsed, cpu, after.ru_maxrss // 1024, process.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,2500,5000,10000")
    parser.add_argument("--repeat", type=int, default=1)
    options = parser.parse_args()
    sizes = [int(s) for s in options.sizes.split(",")]
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs (wall time suffers when it is high)")
    print(f"{'audits':>7} {'actions':>8} {'trackers':>8} {'wall s':>7} {'CPU s':>6} {'peak RSS MiB':>13}"
          f"  floor")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        write_teams(work / "teams.csv")
        for size in sizes:
            audits = work / f"audits-{size}"
            write_audits(audits, size)
            results = []
            for _ in range(options.repeat):
                out = work / "trackers"
                shutil.rmtree(out, ignore_errors=True)
                elapsed, cpu, peak, code = run(["actions", str(DEFINITION), str(audits), "--today", "2026-12-10",
                                                "--teams", str(work / "teams.csv"), "--split-by",
                                                "head_of_service", "-o", str(out)])
                if code:
                    raise SystemExit(f"exit {code}")
                results.append((elapsed, cpu, peak))
            trackers = len(list((work / "trackers").iterdir()))
            best = min(results)
            floor = f"<= {TARGET_SECONDS:.0f} s wall" if size == 10000 else ""
            print(f"{size:>7} {size * 4:>8} {trackers:>8} {best[0]:7.2f} {best[1]:6.2f} "
                  f"{max(r[2] for r in results):13d}  {floor}")
            shutil.rmtree(audits)


if __name__ == "__main__":
    main()
