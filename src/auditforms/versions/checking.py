"""``check`` with versions: each audit checked against the version it is read as.

The results package calls :class:`VersionedCheck` in place of ``Checker.check`` when given one,
at the point where the definition for an audit is chosen; everything else about checking is
the results package's.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from auditforms.diagnostics import Diagnostic
from auditforms.model.definition import Definition
from auditforms.results.checker import Checker
from auditforms.versions.library import VersionLibrary
from auditforms.versions.reading import read_for_check


class VersionedCheck:
    """Reads each audit as :func:`~auditforms.versions.reading.read_for_check` decides, then checks it."""

    def __init__(self, library: VersionLibrary, target: Definition | None = None) -> None:
        self.library = library
        self.target = target

    def __call__(self, checker: Checker, document: Any, file: str) -> list[Diagnostic]:
        from auditforms.results.check import checker_for

        read = read_for_check(self.library, document, file, self.target)
        if read.definition is not checker.definition:
            checker = checker_for(read.definition, checker.evaluator.context)
        found = checker.check(read.document, file)
        if read.origins:  # the pointers name the carried ids; line numbers come from the file's
            found = [replace(d, pointer=read.in_file(d.pointer)) for d in found]
        return [*read.diagnostics, *found]
