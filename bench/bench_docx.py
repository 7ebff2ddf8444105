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


def many_rows(rows: int = 2000) -> None:
    """Extract time of a form whose actions table grew to ``rows`` rows (reading must stay linear)."""
    import copy
    import io

    import docx
    from docx.oxml.ns import qn

    from auditforms.api import load_definition
    from auditforms.extract import extract_docx
    from auditforms.renderers import RenderOptions, get_renderer

    definition = load_definition(ROOT / "tests" / "fixtures" / "definitions" / "kitchen-sink.yaml")
    document = docx.Document(io.BytesIO(get_renderer("docx").render(definition, RenderOptions())))
    table = next(t for t in document.tables if t.rows[0].cells[0].text.startswith("Agreed Action"))
    last = table._tbl.findall(qn("w:tr"))[-1]
    for _ in range(rows):
        table._tbl.append(copy.deepcopy(last))
    out = io.BytesIO()
    document.save(out)
    seconds, _ = timed(lambda: extract_docx(definition, out.getvalue(), "many-rows.docx"), repeat=3)
    print(f"extract with {rows} extra action rows: {seconds * 1000:.0f} ms")


if __name__ == "__main__":
    given = [Path(p) for p in sys.argv[1:]]
    default = [ROOT / "tests" / "fixtures" / "definitions" / "kitchen-sink.yaml",
               *sorted((ROOT / "definitions").glob("*.yaml"))]
    main(given or default)
    many_rows()
