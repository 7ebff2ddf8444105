"""Benchmark of ``auditforms actions`` (prints figures; asserts nothing).

Writes synthetic moderated Torbay audits (4 actions each, 40 teams under 8 heads of
service), then runs, each as the whole command in a fresh process as a lead auditor runs it:

    auditforms actions DEF AUDITS --teams teams.csv --split-by head_of_service -o trackers

for 1,000 / 10,000 audits (40,000 actions at the top), each ``--repeat`` times, and prints
the wall and CPU time and peak RSS of each run (the largest process of its tree: the command
or one of its workers) beside the target and the floor. Target: 10,000 audits in at most
5 s wall; memory flat (the same peak RSS for 1,000 and 10,000 audits): the actions are
spooled to a temporary SQLite file while they are read, and each tracker is streamed from it
row by row by xlsxwriter's constant_memory mode, so nothing held grows with the actions.
Floor: a fresh Python reading and ``json.loads``-ing the same audit files, nothing else
(measured in the same run, for a busy machine: compare CPU seconds; its peak RSS is printed
too, that of a bare Python).

Run: ``python bench/bench_actions.py [--sizes 1000,10000] [--repeat 3]``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import Run, load_line, measure, read_floor

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


def run(args: list[str]) -> Run:
    """One ``auditforms ARGS`` in a fresh process; a failed run stops the benchmark."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = measure([sys.executable, "-m", "auditforms", *args], env)
    if done.code:
        raise SystemExit(f"auditforms {' '.join(args)}: exit {done.code}")
    return done


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    sizes = [int(s) for s in options.sizes.split(",")]
    print(load_line())
    print(f"{'audits':>7} {'actions':>8} {'trackers':>8} {'wall s':>7} {'CPU s':>6} {'floor CPU s':>11} "
          f"{'CPU/floor':>9} {'peak RSS MiB':>12} {'floor RSS MiB':>13}  target")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        write_teams(work / "teams.csv")
        for size in sizes:
            audits = work / f"audits-{size}"
            write_audits(audits, size)
            for _ in range(options.repeat):
                out = work / "trackers"
                shutil.rmtree(out, ignore_errors=True)
                floor = read_floor(str(audits))
                done = run(["actions", str(DEFINITION), str(audits), "--today", "2026-12-10",
                            "--teams", str(work / "teams.csv"), "--split-by", "head_of_service", "-o", str(out)])
                trackers = len(list(out.iterdir()))
                target = f"<= {TARGET_SECONDS:.0f} s wall" if size == 10000 else ""
                print(f"{size:>7} {size * 4:>8} {trackers:>8} {done.wall:7.2f} {done.cpu:6.2f} {floor.cpu:11.2f} "
                      f"{done.cpu / floor.cpu:9.1f} {done.peak_mib:12.1f} {floor.peak_mib:13.1f}  {target}")
            shutil.rmtree(audits)


if __name__ == "__main__":
    main()
