"""Which version an audit is read as, and the audit as that version: the one decision that
``check``, ``migrate``, the monthly report and the action tracker share.

* ``check`` reads an audit against the version it names when that version is kept (and says
  so); otherwise as the current version, carried through the tool's mapping where one is
  declared, each answer with no place reported once.
* ``check --as-version`` and ``migrate`` carry every audit to the version asked for.
* The report and the tracker carry an older audit to the current version only where the tool
  declares how (otherwise they keep showing it apart, as before).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from auditforms.diagnostics import Diagnostic, Severity
from auditforms.model.definition import Definition
from auditforms.versions.carry import carry
from auditforms.versions.library import Step, VersionLibrary, named_version
from auditforms.versions.messages import note_diagnostics
from auditforms.versions.notes import Note


@dataclass(frozen=True)
class ReadAs:
    """The definition to read an audit with, the audit as that version, and what was done."""

    definition: Definition
    document: Any
    diagnostics: tuple[Diagnostic, ...] = ()
    notes: tuple[Note, ...] = ()
    carried_from: str | None = None
    #: For a carried audit: each carried id -> the id its answer had in the file.
    origins: Mapping[str, str] = field(default_factory=dict)

    def in_file(self, pointer: str | None) -> str | None:
        """The place in the file a pointer into the carried audit came from (for line numbers)."""
        parts = (pointer or "").split("/")
        if not self.origins or len(parts) < 3 or parts[1] not in ("answers", "moderation"):
            return pointer
        at = 3 if parts[1] == "moderation" and len(parts) > 3 else 2
        parts[at] = self.origins.get(parts[at], parts[at])
        return "/".join(parts)


def read_for_check(library: VersionLibrary, document: Any, file: str = "",
                   target: Definition | None = None) -> ReadAs:
    """How ``check`` reads one audit (``target``: the version given with ``--as-version``)."""
    version = named_version(library, document)
    goal = target or library.current
    if version is None or version == goal.version:
        return ReadAs(goal, document)
    if target is None:
        kept = library.get(version)
        if kept is not None and kept.path is not None:
            note = Diagnostic("AF933", f"checked against version {version} of {goal.tool_id}, the version this "
                              f"audit names (kept in {kept.path.parent.parent.name}/{kept.path.parent.name}/"
                              f"{kept.path.name})", file=file, pointer="/definition/version", severity=Severity.NOTE)
            return ReadAs(kept.definition, document, (note,))
    return carry_along(library.route(version, goal), document, version, file, reported=target is None)


def carry_along(steps: list[Step], document: Mapping[str, Any], version: str, file: str,
                *, reported: bool) -> ReadAs:
    """``document`` carried through ``steps``; ``reported``: the named version was not kept."""
    notes: list[Diagnostic] = []
    found: list[Note] = []
    current, at = dict(document), version
    origins: dict[str, str] = {}
    for step in steps:
        origins = _origins(step, origins)
        carried = carry(current, step.mapping, step.target)
        notes += note_diagnostics(carried.notes, file, at)
        found += carried.notes
        current, at = carried.document, step.target.version
    goal = steps[-1].target if steps else None
    if goal is None:
        raise ValueError("no step to carry the audit through")
    how = "through the mappings the tool declares" if all(s.mapping for s in steps) else \
        "keeping the answers whose ids it still has (the tool declares no mapping from that version)"
    if reported:
        head = Diagnostic("AF934", f"completed against version {version}, which is not kept or cannot be "
                          f"loaded (history/{goal.tool_id}/{version}.yaml); read as {goal.version}, {how}", file=file,
                          pointer="/definition/version", severity=Severity.WARNING)
    else:
        head = Diagnostic("AF938", f"carried from version {version} to {goal.version}, {how}", file=file,
                          pointer="/definition/version", severity=Severity.NOTE)
    return ReadAs(goal, current, (head, *notes), tuple(found), version, origins)


def _origins(step: Step, earlier: Mapping[str, str]) -> dict[str, str]:
    """Each id after ``step`` -> its id in the file, through the ids before it."""
    from auditforms.model.mapping_plan import make_plan

    plan = make_plan(step.mapping)
    out: dict[str, str] = {}
    for old_id, new_ids in plan.targets.items():
        for new_id in new_ids:
            out.setdefault(new_id, earlier.get(old_id, old_id))
    return {**{k: v for k, v in earlier.items() if k not in plan.targets}, **out}


def read_as_current(library: VersionLibrary, document: Any) -> Any:
    """For the report and the tracker: an audit of an older version carried to the current one
    where the tool declares a mapping from it; any other document as it is."""
    version = named_version(library, document)
    if version is None or version == library.current.version:
        return document
    steps = library.route(version)
    if not all(step.mapping for step in steps):
        return document
    return carry_along(steps, document, version, "", reported=False).document
