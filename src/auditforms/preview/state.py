"""What the preview knows after each load: the latest problems and the last form without errors.

A :class:`Snapshot` is immutable; the server swaps in a new one after every save, so a page
being rendered never sees half of one load and half of the next.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from auditforms.diagnostics import has_errors
from auditforms.preview.problems import LocatedProblem, located_problems

if TYPE_CHECKING:
    from auditforms.language.loader import LoadResult
    from auditforms.model.definition import Definition


@dataclass(frozen=True)
class Snapshot:
    """``version`` counts loads; the page reloads when the version it shows is not the latest.

    ``good`` is the most recent definition that loaded without errors (``None`` until one
    has), and ``good_at`` when it was loaded; ``current`` says whether it is the latest load.
    """

    version: int
    source: str
    loaded_at: str
    problems: tuple[LocatedProblem, ...] = ()
    good: Definition | None = None
    good_at: str | None = None
    current: bool = False

    @property
    def errors(self) -> tuple[LocatedProblem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> tuple[LocatedProblem, ...]:
        return tuple(p for p in self.problems if p.severity != "error")


def first_snapshot(source: str) -> Snapshot:
    return Snapshot(version=0, source=source, loaded_at="")


def next_snapshot(previous: Snapshot, result: LoadResult, texts: Mapping[str, str], loaded_at: str) -> Snapshot:
    """The snapshot after one more load; ``texts`` maps file names to their text (for quoting)."""
    problems = located_problems(result.diagnostics, texts)
    ok = result.definition is not None and not has_errors(result.diagnostics)
    if ok:
        return replace(previous, version=previous.version + 1, loaded_at=loaded_at, problems=problems,
                       good=result.definition, good_at=loaded_at, current=True)
    return replace(previous, version=previous.version + 1, loaded_at=loaded_at, problems=problems, current=False)
