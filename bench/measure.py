"""Measuring one command as a user runs it, in a fresh process: wall and CPU time and peak
memory of that run alone (its whole process tree, workers included), for the benchmarks.

``resource.getrusage(RUSAGE_CHILDREN)`` in the benchmark itself would mix runs (its peak RSS
is the largest of every child so far), so each run goes through a small wrapper process whose
only child is the command.

The floor a reading command is compared with: a fresh Python that reads every ``.json`` file
under a folder and parses it with ``json.loads``, nothing else. On a busy machine, compare
CPU seconds with the floor measured in the same run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass

_WRAPPER = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.run(json.loads(sys.argv[1]), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE).returncode
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps([wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, code]))
"""

_FLOOR = """
import json, os, sys
for root, folders, names in os.walk(sys.argv[1]):
    for name in names:
        if name.endswith(".json"):
            with open(os.path.join(root, name), "rb") as file:
                json.loads(file.read())
"""


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float
    peak_mib: float
    code: int


def measure(argv: list[str], env: dict[str, str] | None = None) -> Run:
    """Wall and CPU seconds and peak RSS (MiB, the largest process of the tree) of ``argv``."""
    done = subprocess.run([sys.executable, "-c", _WRAPPER, json.dumps(argv)], env=env, capture_output=True,
                          text=True, check=True)
    wall, cpu, peak, code = json.loads(done.stdout)
    return Run(wall, cpu, peak, code)


def read_floor(folder: str) -> Run:
    """The floor: read and ``json.loads`` every audit under ``folder`` in a fresh Python."""
    return measure([sys.executable, "-c", _FLOOR, folder])


def load_line() -> str:
    return (f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs, shared with other work: "
            "wall time suffers when it is high; compare CPU seconds with the floor of the same run")
