"""Folding many audits into one set of actions, one audit at a time (memory grows with the
actions kept, not with the audits read; with a spool as the store, not even with those).
Pure: the CLI reads the files and passes documents in.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from auditforms.actions.codes import error
from auditforms.actions.collect import collect_with_problems
from auditforms.actions.model import TrackedAction
from auditforms.diagnostics import Diagnostic
from auditforms.model.definition import Definition
from auditforms.results.progress import Standing, is_word, standing
from auditforms.sampling.selection import child_key


class ActionStore(Protocol):
    """Where gathered actions go: in memory (:class:`Gathered`) or a spool on disk."""

    def claim(self, audit_id: str, claim: FileClaim) -> None:
        """Record the file whose actions are kept for ``audit_id`` (replacing one recorded)."""

    def claimed(self, audit_id: str) -> FileClaim | None:
        """The file recorded for ``audit_id``, if any: kept by the store, so a batch of any size
        compares files of one audit in flat memory when the store is on disk."""

    def keep(self, actions: list[TrackedAction]) -> None:
        """Keep the actions of one audit."""

    def forget(self, audit_id: str) -> None:
        """Drop what was kept for ``audit_id`` (a file of the audit further on came)."""


@dataclass
class Gathered:
    actions: dict[str, TrackedAction] = field(default_factory=dict)
    problems: list[Diagnostic] = field(default_factory=list)
    audits_read: int = 0
    audit_files: dict[str, FileClaim] = field(default_factory=dict)  # audit id -> its file kept

    @property
    def listed(self) -> list[TrackedAction]:
        return list(self.actions.values())

    def claim(self, audit_id: str, claim: FileClaim) -> None:
        self.audit_files[audit_id] = claim

    def claimed(self, audit_id: str) -> FileClaim | None:
        return self.audit_files.get(audit_id)

    def keep(self, actions: list[TrackedAction]) -> None:
        for action in actions:
            self.actions[action.id] = action

    def forget(self, audit_id: str) -> None:
        self.audit_files.pop(audit_id, None)
        for key in [k for k, a in self.actions.items() if a.audit_id == audit_id]:
            del self.actions[key]


@dataclass(frozen=True, slots=True)
class FileClaim:
    """What decides between two files of one audit id: how far on the listed one is, whose
    audit it is, and what was agreed in it (a digest of each row's number and text
    fingerprint: one is kept per audit read, so it stays small)."""

    file: str
    standing: Standing
    child: str
    agreed: bytes

    @classmethod
    def of(cls, file: str, actions: list[TrackedAction]) -> FileClaim:
        first = actions[0]
        agreed = hashlib.blake2b("\n".join(f"{a.row} {a.fingerprint}" for a in actions).encode(), digest_size=16)
        return cls(file, standing(first.status, word=is_word(file)), child_key(first.child_id), agreed.digest())

    def same_audit(self, other: FileClaim) -> bool:
        """Whether ``other`` is a file of this very audit: about the same child, and, when
        equally far on, agreeing on the actions (else two audits were given one id)."""
        return self.child == other.child and (self.standing != other.standing or self.agreed == other.agreed)


@dataclass
class _Chooser:
    """The file whose actions are listed, per audit id: the one furthest on
    (:mod:`auditforms.results.progress`). Each file's actions are kept as it is read; when a
    file of the audit further on comes later, the store forgets the earlier one's."""

    into: ActionStore
    out: Gathered

    def offer(self, file: str, actions: list[TrackedAction]) -> None:
        audit_id, mine = actions[0].audit_id, FileClaim.of(file, actions)
        held = self.into.claimed(audit_id)
        further = held is None or mine.standing > held.standing
        if held is not None and not held.same_audit(mine):
            self._two_audits(audit_id, *((mine, held) if further else (held, mine)))
        if not further:
            return  # an earlier stage, or a copy, of the audit listed (or another audit, said)
        if held is not None:
            self.into.forget(audit_id)
        self.into.claim(audit_id, mine)
        self.into.keep(actions)

    def _two_audits(self, audit_id: str, listed: FileClaim, left: FileClaim) -> None:
        self.out.problems.append(error("AF954", f"the audit_id {audit_id} is also the id of {listed.file}; this "
                                       "audit's actions are not listed (each audit needs its own id)", left.file,
                                       pointer="/audit_id"))


def gather(definition: Definition, documents: Iterable[tuple[str, Any]],
           store: ActionStore | None = None) -> Gathered:
    """Every agreed action of ``documents`` ((file name, document) pairs), keyed by action id,
    kept in the result or, when given, in ``store`` (the result then counts and reports).
    Of several files of one audit, the furthest on is listed and the others are left out
    quietly; two different audits with one id (about different children, or equally far on
    and disagreeing) are reported (AF954): the furthest on, else the first read, is listed."""
    out = Gathered()
    chooser = _Chooser(out if store is None else store, out)
    for file, document in documents:
        out.audits_read += 1
        collected = collect_with_problems(definition, document, file=file)
        out.problems += collected.problems
        if collected.actions:
            chooser.offer(file, collected.actions)
    return out
