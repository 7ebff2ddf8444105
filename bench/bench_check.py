"""Benchmark: ``auditforms check`` on 10,000 completed Torbay audits from disk, beside bare jsonschema.

Usage: python bench/bench_check.py [--count 10000] [--repeat 3] [--definition definitions/torbay-full-audit.yaml]

Writes N fictional completed audits to a temporary folder (1 in 10 with a defect; with the
rules, about a third fail, mostly an overall rating of Not applicable, and nearly every one has
a warning to locate in its file; every narrative box says something of its own, as in real
audits, so nothing is worked out once for a whole audit), then times, in one process on one core:

* check:  ``iter_check_files`` (read, parse, result schema, consistency, moderation, rules);
* floor:  read + ``json.loads`` + jsonschema-rs's ``is_valid`` with the same result schema
          (formats checked): the least any checker must do, and what the target is set against;
* check, N proc: the same through ``auditforms check``'s worker processes (one per core), wall
          clock and the CPU time of every process;
* bare:   read + ``json.loads`` + ``list(validator.iter_errors(doc))`` with the same schema
          and the same (pure-Python jsonschema) validator as check, nothing else.

Check, its workers and the floor run ``--repeat`` times, in turn, and the fastest run of each is
shown (a shared machine only ever slows a run down). It prints audits/second for each, their
ratio (wall clock and CPU time of this one process: on a busy machine the CPU figure is the
fair one) and the memory used when checking the first 1,000 and all N (peak RSS from
``resource``; Python allocations from ``tracemalloc`` in a separate pass, since tracing slows
everything down). Targets: >= 8,000 audits/s, check time
<= 3x the floor, memory flat. The machine may be shared: run it several times and compare
the ratio, which a busy machine disturbs less than the rates.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from auditforms.api import load_definition  # noqa: E402
from auditforms.cli.check_pool import MIN_FILES_FOR_WORKERS  # noqa: E402
from auditforms.model.definition import Definition, FieldItem, Question, Section, Table  # noqa: E402
from auditforms.results import value_schemas as vs  # noqa: E402
from auditforms.results.check import iter_check_files, make_context  # noqa: E402
from auditforms.results.reading import iter_audit_paths  # noqa: E402
from auditforms.results.result_schema import build_result_schema  # noqa: E402
from auditforms.results.validation import make_validator  # noqa: E402

NOVEMBER = (dt.date(2026, 11, 1), dt.date(2026, 11, 30))
WORDS = ("The plan was reviewed with the family and the child's views are recorded. "
         "Visits were regular and purposeful; the impact on the child is evident.")
NARRATIVES = (WORDS, "For the child this means steady routines at home and at school; she says she feels "
                     "listened to, and the consequence is that she is safer than she was.")


class Generator:
    """Fictional, mostly valid audits of any definition (seeded: the same every run)."""

    def __init__(self, definition: Definition, seed: int = 2026) -> None:
        self.definition = definition
        self.random = random.Random(seed)

    def date(self, low: dt.date, days: int) -> str:
        return (low + dt.timedelta(days=self.random.randrange(days))).isoformat()

    def field(self, field: FieldItem, number: int) -> Any:
        r = self.random
        if field.role == "child_id":
            return f"C{number:05d}"
        if field.type in {"text", "textarea"}:
            return WORDS[: r.randrange(8, len(WORDS))]
        if field.type == "date":
            return self.date(NOVEMBER[0], 28) if field.role == "audit_date" else self.date(dt.date(2026, 1, 1), 300)
        if field.type == "number":
            low, high = int(field.minimum or 0), int(field.maximum or 17)
            return r.randint(low, high)
        if field.type == "scale" and field.scale:
            return r.choice(vs.scale_options(self.definition.scale(field.scale)))[0]
        ids = [o.id for o in field.answer_options]
        if field.type == "multichoice":
            return r.sample(ids, k=1)
        return r.choice(ids)

    def graded(self, judgement: Any, narratives: Any, where: str) -> dict[str, Any]:
        answer: dict[str, Any] = {}
        if judgement is not None:
            options = vs.scale_options(self.definition.scale(judgement.scale))
            answer["judgement"] = self.random.choice(options)[0]
        for k, narrative in enumerate(narratives):  # evidence and impact differ, as moderators expect
            # and every box of every audit says something of its own, as auditors write
            answer[narrative.id] = f"{NARRATIVES[k % len(NARRATIVES)]} Seen under {where}, note {k + 1}."
        return answer

    def table(self, table: Table, audit_date: str) -> Any:
        def row() -> dict[str, Any]:
            out: dict[str, Any] = {}
            for c in table.columns:
                if c.type == "date":
                    out[c.id] = self.date(dt.date.fromisoformat(audit_date) + dt.timedelta(days=7), 60)
                elif c.type in {"text", "textarea"}:
                    out[c.id] = WORDS[:60]
                elif c.type == "scale" and c.scale:
                    out[c.id] = vs.scale_options(self.definition.scale(c.scale))[0][0]
                elif c.type == "number":
                    out[c.id] = 9
                else:
                    out[c.id] = (c.options[0].id if c.options else "yes")
            return out
        if table.fixed_rows:
            return {r.id: row() for r in table.rows}
        return [row() for _ in range(self.random.randint(1, min(4, table.max_rows or 4)))]

    def answers(self, number: int) -> dict[str, Any]:
        answers: dict[str, Any] = {}
        index = self.definition.index
        for item_id in index.order:
            node = index.entries[item_id].node
            if isinstance(node, FieldItem) and index.entries[item_id].revealed_by is None:
                answers[item_id] = self.field(node, number)
            elif isinstance(node, Question):
                answers[item_id] = self.graded(node.judgement, node.narratives, f"{item_id} of case {number}")
            elif isinstance(node, Section) and node.overall:
                answers[item_id] = self.graded(node.overall.judgement, node.overall.narratives,
                                               f"{item_id} of case {number}")
        audit_date = answers.get(index.by_role("audit_date") or "", "2026-11-12")
        for table in index.tables():
            answers[table.id] = self.table(table, audit_date)
        return answers

    def audit(self, number: int) -> dict[str, Any]:
        answers = self.answers(number)
        if number % 10 == 0:  # a defect, as real batches have
            key = self.random.choice(list(answers))
            answers[key] = None if number % 20 else {"unexpected": True}
        return {
            "format": "auditforms/completed-audit", "format_version": 1,
            "definition": {"id": self.definition.id, "version": self.definition.version},
            "audit_id": f"2026-11-{number:05d}", "status": "submitted", "answers": answers,
            "source": {"kind": "html", "saved_at": "2026-11-12T10:31:00Z"},
        }


def write_audits(definition: Definition, folder: Path, count: int, first: int) -> list[Path]:
    """The first ``first`` audits go in ``folder/a``, the rest in ``folder/b``."""
    generator = Generator(definition)
    paths = []
    for number in range(count):
        path = folder / ("a" if number < first else "b") / f"audit-{number:05d}.json"
        path.parent.mkdir(exist_ok=True)
        path.write_text(json.dumps(generator.audit(number), ensure_ascii=False, indent=1), encoding="utf-8")
        paths.append(path)
    return paths


Timing = tuple[float, float, int]  # wall seconds, CPU seconds of this process, audits failed


def run_check(definition: Definition, paths: list[Path]) -> Timing:
    """Checks the folders given, as ``auditforms check DEFINITION FOLDER`` does."""
    context = make_context(today=dt.date(2026, 11, 30), period=NOVEMBER)
    wall, cpu = time.perf_counter(), time.process_time()
    failed = sum(1 for r in iter_check_files(definition, paths, context=context) if not r.passed)
    return time.perf_counter() - wall, time.process_time() - cpu, failed


def run_check_workers(definition: Definition, paths: list[Path]) -> tuple[float, float, int, int]:
    """As ``auditforms check`` runs a large batch: in worker processes (one per core, at most
    8). The CPU time is the command's and its workers' together."""
    from auditforms.cli.check_pool import SLICE, check_files
    from auditforms.cli.workers import worker_count

    context = make_context(today=dt.date(2026, 11, 30), period=NOVEMBER)
    listed = list(iter_audit_paths(paths))
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall, cpu = time.perf_counter(), time.process_time()
    failed = sum(1 for r in check_files(definition, listed, context=context) if not r.passed)
    done = resource.getrusage(resource.RUSAGE_CHILDREN)
    spent = time.process_time() - cpu + (done.ru_utime + done.ru_stime) - (children.ru_utime + children.ru_stime)
    return time.perf_counter() - wall, spent, failed, worker_count(len(listed) // SLICE)


def run_bare_rs(schema: Any, paths: list[Path]) -> Timing:
    """The floor: read + ``json.loads`` + jsonschema-rs's yes/no, nothing else."""
    import jsonschema_rs

    valid = jsonschema_rs.Draft202012Validator(dict(schema), validate_formats=True).is_valid
    wall, cpu = time.perf_counter(), time.process_time()
    failed = 0
    for path in paths:
        failed += 0 if valid(json.loads(path.read_bytes())) else 1
    return time.perf_counter() - wall, time.process_time() - cpu, failed


def run_bare(validator: Any, paths: list[Path]) -> Timing:
    wall, cpu = time.perf_counter(), time.process_time()
    failed = 0
    for path in paths:
        document = json.loads(path.read_bytes())
        failed += 1 if list(validator.iter_errors(document)) else 0
    return time.perf_counter() - wall, time.process_time() - cpu, failed


def _fastest(best: Any, timing: Any) -> Any:
    return timing if best is None or timing[0] < best[0] else best


def report(name: str, timing: Timing, count: int, what: str) -> None:
    wall, cpu, failed = timing
    print(f"{name:<16}{wall:7.2f} s wall {count / wall:7.0f} audits/s | {cpu:7.2f} s CPU "
          f"{count / cpu:7.0f} audits/s  ({failed} {what})")


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def traced_peak_mib(definition: Definition, paths: list[Path]) -> float:
    tracemalloc.start()
    run_check(definition, paths)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / (1024 * 1024)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    default = ROOT / "definitions" / "torbay-full-audit.yaml"
    if not default.exists():
        default = ROOT / "tests" / "fixtures" / "definitions" / "kitchen-sink.yaml"
    parser.add_argument("--definition", type=Path, default=default)
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of check, its workers and the floor, taken in turn; the fastest of each "
                             "is shown (a shared machine only ever slows a run down)")
    args = parser.parse_args(argv)
    definition = load_definition(args.definition)
    schema = build_result_schema(definition)
    validator = make_validator(schema)
    first = min(1000, args.count)
    with tempfile.TemporaryDirectory(prefix="auditforms-bench-") as tmp:
        folder = Path(tmp)
        paths = write_audits(definition, folder, args.count, first)
        size = sum(p.stat().st_size for p in paths[:100]) / 100
        print(f"{args.count} audits of {definition.id} {definition.version} (about {size / 1024:.1f} KiB each)")
        run_check(definition, [folder / "a"])  # warm the caches and the file system
        run_bare(validator, paths[:first])
        check_1k = run_check(definition, [folder / "a"])
        rss_1k = peak_rss_mib()
        bare = run_bare(validator, paths)
        floor = checked = in_workers = None
        for _ in range(max(1, args.repeat)):  # in turn, so a busy spell slows each alike
            floor = _fastest(floor, run_bare_rs(schema, paths))
            checked = _fastest(checked, run_check(definition, [folder]))
            rss_all = peak_rss_mib()
            *timing, workers = run_check_workers(definition, [folder])
            in_workers = _fastest(in_workers, tuple(timing))
        assert floor is not None and checked is not None and in_workers is not None
        print(f"fastest of {max(1, args.repeat)} runs each, taken in turn:")
        report("check", checked, args.count, "failed")
        report(f"check, {workers} proc", tuple(in_workers), args.count, "failed")  # type: ignore[arg-type]
        report("floor (rs)", floor, args.count, "invalid")
        report("bare jsonschema", bare, args.count, "invalid")
        print(f"check / floor:  {checked[0] / floor[0]:7.2f}x wall, {checked[1] / floor[1]:.2f}x CPU "
              f"(target <= 3x, >= 8,000 audits/s); first {first}: {first / check_1k[1]:.0f} audits/s CPU")
        print(f"in {workers} processes: {in_workers[0] / floor[0]:5.2f}x the floor's wall time "
              f"(the floor runs on one core; auditforms check uses workers from "
              f"{MIN_FILES_FOR_WORKERS} files where fork is available)")
        print(f"peak RSS:       {rss_1k:7.1f} MiB after {first}, {rss_all:.1f} MiB after {args.count}")
        print(f"traced peak:    {traced_peak_mib(definition, [folder / 'a']):7.2f} MiB for {first}, "
              f"{traced_peak_mib(definition, [folder]):.2f} MiB for {args.count} "
              "(Python allocations while checking)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
