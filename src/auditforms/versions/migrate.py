"""``migrate`` as data: an audit carried forward, with the ``migrated`` step in its history.

The history entry names the versions and the ids that were not carried or need review,
never an answer; the old audit is left as it was (only the CLI writes files, and never over it).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from auditforms.diagnostics import Diagnostic
from auditforms.model.definition import Definition
from auditforms.versions.library import VersionLibrary, named_version
from auditforms.versions.reading import carry_along


@dataclass(frozen=True)
class Migrated:
    """One audit's outcome: the new document (``None``: nothing to write) and what was found."""

    document: dict[str, Any] | None
    diagnostics: tuple[Diagnostic, ...]
    from_version: str | None = None


def migrate(library: VersionLibrary, document: Any, target: Definition, *, file: str, at: str,
            name: str = "auditforms") -> Migrated:
    """``document`` carried to ``target``, or why it cannot be (another tool, already that version)."""
    version = named_version(library, document)
    if version is None:
        return Migrated(None, (Diagnostic("AF939", f"not a completed audit of {library.current.tool_id}; "
                                          "nothing written for it", file=file, pointer="/definition"),))
    if version == target.version:
        return Migrated(None, (), version)
    read = carry_along(library.route(version, target), document, version, file, reported=False)
    carried = dict(read.document)
    history = carried.get("history")
    carried["history"] = [*(history if isinstance(history, list) else []),
                          migrated_event(version, target.version, read.notes, at, name)]
    return Migrated(carried, read.diagnostics, version)


def migrated_event(from_version: str, to_version: str, notes: Any, at: str, name: str) -> Mapping[str, Any]:
    """The history entry: which versions, and which ids were not carried or are to be reviewed."""
    not_carried = sorted({n.ids[0] for n in notes if n.not_carried})
    review = sorted({i for n in notes if not n.not_carried for i in n.ids})
    return {"event": "migrated", "role": "system", "name": name, "at": at,
            "details": {"from_version": from_version, "to_version": to_version,
                        "not_carried": not_carried, "review": review}}
