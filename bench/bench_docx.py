"""How long Word forms take to render and to read back.

Run: ``PYTHONPATH=src python bench/bench_docx.py [DEFINITION.yaml ...]`` (default: the
kitchen-sink fixture and every shipped definition). Prints figures; asserts nothing.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPEAT = 5


def timed(func: Callable[[], object], repeat: int = REPEAT) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main(paths: list[Path]) -> None:
    from auditforms.api import load_definition
    from auditforms.extract import extract_docx
    from auditforms.extract.expected import expected_form
    from auditforms.renderers import RenderOptions, get_renderer

    renderer = get_renderer("docx")
    print(f"{'definition':<32}{'controls':>9}{'KB':>7}{'render ms':>11}{'first extract ms':>18}"
          f"{'extract ms':>12}")
    for path in paths:
        definition = load_definition(path)
        render_s, data = timed(lambda d=definition: renderer.render(d, RenderOptions()))
        assert isinstance(data, bytes)
        start = time.perf_counter()
        extract_docx(definition, data, path.name)  # builds the cached blank-form reference
        first_s = time.perf_counter() - start
        extract_s, _ = timed(lambda d=definition, b=data, n=path.name: extract_docx(d, b, n))
        controls = len(expected_form(definition).by_tag)
        print(f"{path.stem:<32}{controls:>9}{len(data) / 1024:>7.0f}{render_s * 1000:>11.1f}"
              f"{first_s * 1000:>18.1f}{extract_s * 1000:>12.1f}")


if __name__ == "__main__":
    given = [Path(p) for p in sys.argv[1:]]
    default = [ROOT / "tests" / "fixtures" / "definitions" / "kitchen-sink.yaml",
               *sorted((ROOT / "definitions").glob("*.yaml"))]
    main(given or default)
