"""``Diagnostic.located`` builds the diagnostic field by field: it must keep every one."""

from __future__ import annotations

import dataclasses

from auditforms.diagnostics import Diagnostic, Severity


def test_located_moves_a_diagnostic_and_keeps_everything_else() -> None:
    original = Diagnostic("AF642", "a message", file="a.json", line=1, col=2, pointer="/answers/q1",
                          severity=Severity.WARNING, extra=(("rule", "r"),))
    moved = original.located("b.json", 7, 9)
    assert (moved.file, moved.line, moved.col) == ("b.json", 7, 9)
    kept = {f.name for f in dataclasses.fields(Diagnostic)} - {"file", "line", "col"}
    assert {name: getattr(moved, name) for name in kept} == {name: getattr(original, name) for name in kept}
    assert moved == dataclasses.replace(original, file="b.json", line=7, col=9)
