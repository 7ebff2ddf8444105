"""Benchmark: loading and validating definitions, in process and as a command.

Prints: median in-process load time of each shipped definition (after import and one
warm-up), of a synthetic definition with 10x the questions of the Torbay tool, and the
wall time of the whole `auditforms validate` command (median of 10 runs).

Run: python bench/bench_load.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from auditforms.language.loader import load  # noqa: E402


def median_ms(func, runs: int = 50) -> float:
    func()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def synthetic(base: Path, factor: int) -> Path:
    """A copy of ``base`` whose question-bearing sections are repeated ``factor`` times."""
    import json

    import yaml

    from auditforms.source import parse_yaml

    data = json.loads(json.dumps(parse_yaml(base.read_text(encoding="utf-8"), str(base)).data))
    sections = data["sections"]
    extra = []
    for n in range(1, factor):
        for section in sections:
            if not any(i.get("type") == "question" for i in section.get("items", [])):
                continue
            copy = yaml.safe_load(yaml.safe_dump(section))
            copy["id"] = f"{copy['id']}-x{n}"
            for item in copy.get("items", []):
                item["id"] = f"{item['id']}-x{n}"
                item.pop("role", None)
                for part in item.get("parts", []):
                    part["id"] = f"{part['id']}-x{n}"
            extra.append(copy)
    data["sections"] = sections + extra
    data["id"] = f"{data['id']}-x{factor}"
    out = Path(tempfile.mkdtemp()) / f"{data['id']}.yaml"
    out.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return out


def command_ms(args: list[str], runs: int = 10) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "auditforms", *args], check=True, capture_output=True,
                       env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"})
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    definitions = sorted((ROOT / "definitions").glob("*.yaml"))
    torbay = ROOT / "definitions" / "torbay-full-audit.yaml"
    base = torbay if torbay.exists() else ROOT / "tests" / "fixtures" / "definitions" / "kitchen-sink.yaml"
    for path in definitions:
        result = load(path)
        assert result.ok, result.diagnostics
        questions = len(result.definition.index.questions())
        print(f"load {path.name:45s} {questions:4d} questions  {median_ms(lambda p=path: load(p)):7.2f} ms")
    base_ms = median_ms(lambda: load(base))
    big = synthetic(base, 10)
    big_result = load(big, search_path=[base.parent])
    assert big_result.ok, big_result.diagnostics[:3]
    big_ms = median_ms(lambda: load(big, search_path=[base.parent]), runs=20)
    print(f"load {base.name}: {base_ms:.2f} ms; 10x questions "
          f"({len(big_result.definition.index.questions())}): {big_ms:.2f} ms = {big_ms / base_ms:.1f}x")
    print(f"command: auditforms validate {base.name}: {command_ms(['validate', str(base)]):.0f} ms (median of 10)")
    print(f"command: auditforms --help: {command_ms(['--help']):.0f} ms (median of 10)")


if __name__ == "__main__":
    main()
