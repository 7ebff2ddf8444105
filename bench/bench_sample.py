"""Benchmark of the dip sample (prints figures; asserts nothing).

Measures, each as the whole command in a fresh process, as a lead auditor runs it:

1. ``auditforms render DEF --sample S.csv --format html,docx`` for the 20-child sample
   drawn from ``examples/`` (target: under 2 s);
2. the same for synthetic samples of 100 to 1,000 children (target: linear time, flat
   memory; peak RSS of each run is printed);
3. ``auditforms --help`` start-up (target: under 0.3 s);
4. ``auditforms sample`` on the 240-child example case list.

Run: ``PYTHONPATH=src python bench/bench_sample.py [--formats html,docx] [--repeat 3]``.
"""

from __future__ import annotations

import argparse
import csv
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFINITION = ROOT / "definitions" / "torbay-full-audit.yaml"
EXAMPLES = ROOT / "examples"


def run(args: list[str]) -> tuple[float, int, int]:
    """Wall time (s), peak RSS (MiB) and exit status of ``auditforms ARGS`` in a new process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "auditforms", *args], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code:
        sys.stderr.write(process.stderr.read().decode() if process.stderr else "")
    return elapsed, usage.ru_maxrss // 1024, code


def timed(label: str, args: list[str], repeat: int, setup=None) -> tuple[float, int]:
    times, peaks = [], []
    for _ in range(repeat):
        if setup:
            setup()
        elapsed, peak, code = run(args)
        if code:
            raise SystemExit(f"{label}: exit {code}")
        times.append(elapsed)
        peaks.append(peak)
    print(f"{label:<52} min {min(times):6.3f} s  median {statistics.median(times):6.3f} s"
          f"  peak RSS {max(peaks):4d} MiB")
    return min(times), max(peaks)


def synthetic_sample(path: Path, children: int) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Audit ID", "Child ID", "Initials", "Team", "Age band", "Strand",
                         "Auditor", "Due date"])
        for i in range(children):
            writer.writerow([f"2026-11-C{20000 + i}", f"C{20000 + i}", "AB", "Early Help",
                             "6-10", "Help and protection", "Alex Morgan", "2026-11-16"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--formats", default="html,docx")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sizes", default="100,250,500,1000")
    parser.add_argument("--definition", type=Path, default=DEFINITION)
    options = parser.parse_args()
    definition = options.definition.resolve()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        sample = work / "sample.csv"
        timed("sample: 20 of 240 children (examples)",
              ["sample", str(definition), "--cases", str(EXAMPLES / "case-list.csv"),
               "--auditors", str(EXAMPLES / "auditors.csv"), "--history",
               str(EXAMPLES / "audit-history.csv"), "--date", "2026-11-02", "--seed", "20261102",
               "-o", str(sample), "--force"], options.repeat)
        out = work / "forms"
        timed(f"render --sample: 20 children, {options.formats}",
              ["render", str(definition), "--sample", str(sample), "--format", options.formats,
               "-o", str(out), "--force"], options.repeat)
        per_child = []
        for size in (int(s) for s in options.sizes.split(",")):
            big = work / f"sample-{size}.csv"
            synthetic_sample(big, size)
            target = work / f"forms-{size}"
            seconds, _ = timed(f"render --sample: {size} children, {options.formats}",
                               ["render", str(definition), "--sample", str(big), "--format",
                                options.formats, "-o", str(target), "--force"], 1)
            per_child.append((size, seconds / size * 1000))
        print("per child: " + ", ".join(f"{n}: {ms:.1f} ms" for n, ms in per_child))
        timed("auditforms --help (start-up)", ["--help"], max(options.repeat, 10))


if __name__ == "__main__":
    main()
