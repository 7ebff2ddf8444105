"""The returned files the report counts, read one at a time: JSON and YAML audits, and filled
Word forms read back in memory (never written), as ``month status`` and ``actions`` read them.

An audit's earlier files may stay beside its last one (the guides say to keep them): of one
audit's files the report counts the one furthest on (:mod:`auditforms.results.progress`), as
``month status`` does, and names the others. Working that out reads every file once before the
report reads the ones it counts; a Word form's document is kept from that first reading (it is
slow to read back), a JSON audit's is read again (quick), so memory grows with the Word forms
only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from auditforms.diagnostics import Diagnostic
from auditforms.model.definition import Definition
from auditforms.results.envelope import RETURNED_STATUSES
from auditforms.results.progress import Standing, is_word, left_out, standing
from auditforms.terminal_safety import printable


def read_document(definition: Definition, path: Path) -> tuple[Any, list[Diagnostic]]:
    """A file's document and the errors that stopped reading it. A filled Word form is read
    back with ``extract``'s reader; a Word board paper is auditforms' own record."""
    from auditforms.results.reading import read_audit_file

    if not is_word(path.name):
        return read_audit_file(path)
    from auditforms.cli.actions_files import read_word_form
    from auditforms.source.files import Unreadable

    try:
        return read_word_form(definition, path)
    except Unreadable as problem:
        return None, [Diagnostic(problem.code, problem.message, file=str(path))]


@dataclass(frozen=True)
class _Return:
    """What decides which of an audit's files counts, and when the audit came back (never its
    answers)."""

    path: Path
    audit_id: str | None
    status: str | None
    child_id: str | None = None
    returned: dt.date | None = None


def _return_of(definition: Definition, path: Path, document: Any) -> _Return:
    from auditforms.moderation.lifecycle import returned_on

    if not isinstance(document, dict) or document.get("format") != "auditforms/completed-audit":
        return _Return(path, None, None)
    audit_id, status = document.get("audit_id"), document.get("status")
    if not (isinstance(audit_id, str) and audit_id.strip() and status in RETURNED_STATUSES):
        return _Return(path, None, None)
    answers = document.get("answers")
    child = definition.index.role_answer(answers, "child_id") if isinstance(answers, dict) else None
    return _Return(path, audit_id, status, child if isinstance(child, str) else None, returned_on(document))


def _why_left_out(r: _Return, best: _Return) -> str:
    if r.status == best.status:  # a Word form beside the JSON made of it
        return (f"{r.path}: note[AF991] audit {r.audit_id} is counted from its JSON {best.path.name}; this Word "
                "form of it is left out of the report")
    return (f"{r.path}: note[AF991] an earlier stage ({r.status}) of audit {r.audit_id}, whose file "
            f"{best.path.name} ({best.status}) counts; left out of the report")


@dataclass
class CountedFiles:
    """The files to count, in order, with why each earlier stage of an audit is left out and
    what each said of the audit: (audit id, child id, status, the day it came back)."""

    paths: list[Path]
    notes: list[str]
    _word: dict[Path, tuple[Any, list[Diagnostic]]]
    earlier: list[tuple[str, str | None, str, dt.date | None]]

    def documents(self, definition: Definition) -> Iterator[tuple[Path, Any, list[Diagnostic]]]:
        """(path, document, errors) of each file counted, one at a time."""
        for path in self.paths:
            found = self._word.pop(path, None)
            yield (path, *(found if found is not None else read_document(definition, path)))


def counted_files(definition: Definition, paths: Iterable[Path]) -> CountedFiles:
    """The files the report counts: every file but the earlier stages of an audit whose
    further-on file is among them (copies equally far on go through: the report counts them
    once, AF991)."""
    listed = list(paths)
    word: dict[Path, tuple[Any, list[Diagnostic]]] = {}
    returns = []
    for path in listed:
        document, problems = read_document(definition, path)
        if is_word(path.name):
            word[path] = (document, problems)
        returns.append(_return_of(definition, path, None if problems else document))

    def standing_of(r: _Return) -> Standing:
        return standing(r.status, word=is_word(str(r.path)))

    earlier = [(r, best) for r, best in left_out(returns, lambda r: r.audit_id, standing_of, lambda r: str(r.path))
               if standing_of(r) < standing_of(best)]
    notes = [printable(_why_left_out(r, best)) for r, best in earlier]
    dropped = {r.path for r, _ in earlier}
    for path in dropped:
        word.pop(path, None)
    said = [(r.audit_id, r.child_id, r.status, r.returned) for r, _ in earlier
            if r.audit_id is not None and r.status is not None]
    return CountedFiles([p for p in listed if p not in dropped], notes, word, said)
