"""Which of one audit's files counts (pure): the one furthest on.

An audit goes draft, submitted, moderated, final, and its earlier files may stay beside its
last one (the guides say to keep them). Every command that reads returns (``month status``,
the report, the action tracker) counts one file per audit, decided the same way: the one
furthest on (final, then moderated, submitted, draft), then one that could be read, then
one that passes its check, then a JSON or YAML file over a Word form (the JSON is what
``extract`` made of it, and what sign-offs are written into), then the first by name. Never
looks at answers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from auditforms.results.envelope import STATUSES

T = TypeVar("T")


@dataclass(frozen=True, order=True)
class Standing:
    """How one file of an audit compares with its others, field by field (greater counts)."""

    #: 0 for no known status, 1 for draft ... 4 for final
    progress: int
    readable: bool = True
    passes: bool = True
    #: a JSON or YAML file, not a Word form (of one stage, the file auditforms writes into counts)
    written: bool = True


def progress(status: object) -> int:
    """How far on an audit with ``status`` is: 0 when the status is not one of :data:`STATUSES`."""
    return STATUSES.index(status) + 1 if isinstance(status, str) and status in STATUSES else 0


def standing(status: object, *, readable: bool = True, passes: bool = True, word: bool = False) -> Standing:
    """``word``: the file is a Word form (``.docx``), which loses to its JSON at the same stage."""
    return Standing(progress(status), readable, passes, not word)


def is_word(name: str) -> bool:
    return name.lower().endswith(".docx")


def counted(items: Iterable[T], standing_of: Callable[[T], Standing], name_of: Callable[[T], str]) -> T:
    """The item that counts: the best standing, then the first by name (``items`` not empty)."""
    return max(sorted(items, key=name_of), key=standing_of)  # max keeps the first of equals


def why_counted(best: Standing, other: Standing, status: str | None) -> str:
    """Why the file standing ``best`` (with ``status``) counts rather than one standing ``other``,
    in words (no answer text)."""
    if best.progress != other.progress:
        return f"it is the furthest on ({status})"
    if best.readable != other.readable:
        return "the other file could not be read"
    if best.passes != other.passes:
        return "it passes its check"
    if best.written != other.written:
        return "it is the audit's JSON, which sign-offs are written into, not its Word form"
    return "the files are equally far on; the first by name counts"


def left_out(items: Iterable[T], audit_of: Callable[[T], str | None],
             standing_of: Callable[[T], Standing], name_of: Callable[[T], str]) -> list[tuple[T, T]]:
    """Each item that does not count, in order, with the one of its audit that counts instead
    (one counts per audit; items of no known audit all count)."""
    listed = list(items)
    by_audit: dict[str, list[T]] = {}
    for item in listed:
        audit = audit_of(item)
        if audit is not None:
            by_audit.setdefault(audit, []).append(item)
    winners = {audit: counted(group, standing_of, name_of) for audit, group in by_audit.items()}
    return [(item, best) for item in listed
            if (audit := audit_of(item)) is not None and (best := winners[audit]) is not item]
