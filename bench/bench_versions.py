"""Benchmark: reading Torbay 2.0.0 audits with versions, beside checking them without.

Usage: python bench/bench_versions.py [--count 2000]

Writes N copies of the fictional 2.0.0 audit (tests/fixtures) to a temporary folder, then times,
in one process (CPU time, the fair figure on a shared machine):

* floor:    ``iter_check_files`` with the kept 2.0.0 definition itself, no version hook: what
            ``check`` cost before versions;
* as named: ``check`` as the CLI runs it now, from the 3.0.0 definition: each audit's version is
            looked up and the audit checked against the kept 2.0.0 (target: within 5% of floor);
* carried:  ``check --as-version 3.0.0``: each audit carried through the mapping, then checked
            against 3.0.0 (the carry is a dict rebuild; target: within 1.5x of floor).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from auditforms.api import load_definition  # noqa: E402
from auditforms.results.check import iter_check_files  # noqa: E402
from auditforms.versions.checking import VersionedCheck  # noqa: E402
from auditforms.versions.library import VersionLibrary  # noqa: E402

CURRENT = ROOT / "definitions" / "torbay-full-audit.yaml"
AUDIT = ROOT / "tests" / "fixtures" / "audits" / "torbay-full-audit-2.0.0" / "child-v2-final.json"


def timed(run: Callable[[], int]) -> tuple[float, int]:
    start = time.process_time()
    passed = run()
    return time.process_time() - start, passed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=2000)
    count = parser.parse_args().count
    current = load_definition(CURRENT)
    library = VersionLibrary(current, CURRENT.parent)
    kept = library.get("2.0.0")
    assert kept is not None
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for number in range(count):
            shutil.copy(AUDIT, folder / f"audit-{number:05d}.json")

        def floor() -> int:
            return sum(r.passed for r in iter_check_files(kept.definition, [folder]))

        def as_named() -> int:
            return sum(r.passed for r in iter_check_files(current, [folder], choose=VersionedCheck(library)))

        def carried() -> int:
            return sum(r.passed for r in iter_check_files(current, [folder], choose=VersionedCheck(library, current)))

        for run in (floor, as_named, carried):  # warm the caches (validators, kept version)
            run()
        results = [(name, *timed(run)) for name, run in (("floor", floor), ("as named", as_named),
                                                          ("carried", carried))]
    base = results[0][1]
    print(f"{'run':<10} {'CPU s':>8} {'audits/s':>10} {'x floor':>8} {'passed':>7}")
    for name, seconds, passed in results:
        print(f"{name:<10} {seconds:>8.3f} {count / seconds:>10.0f} {seconds / base:>8.2f} {passed:>7}")


if __name__ == "__main__":
    main()
