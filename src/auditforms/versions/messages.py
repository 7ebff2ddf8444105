"""What carrying an audit found, as diagnostics: one per answer, by id, never quoting it."""

from __future__ import annotations

from collections.abc import Iterable

from auditforms.diagnostics import Diagnostic, Severity
from auditforms.results.naming import safe_key
from auditforms.versions.notes import Note


def note_diagnostics(notes: Iterable[Note], file: str, from_version: str) -> list[Diagnostic]:
    return [_diagnostic(note, file, from_version) for note in notes]


def _ids(ids: Iterable[str]) -> str:
    return ", ".join(safe_key(i) for i in ids)


def _diagnostic(note: Note, file: str, from_version: str) -> Diagnostic:
    first, rest = note.ids[0], note.ids[1:]
    where = "/answers" if note.where == "answers" else f"/moderation/{note.key or 'comments'}"
    what = "the moderation record's entry for" if note.where == "moderation" else "the answer"
    pointer = f"{where}/{first}" if note.key != "agreed" else where
    warn, code = Severity.WARNING, "AF935"
    if note.kind == "removed":
        why = f" ({note.reason})" if note.reason else ""
        message = f"{what} {safe_key(first)} of {from_version}: removed in {note.to_version}{why}; not carried"
    elif note.kind == "no-place":
        message = f"{what} {safe_key(first)} of {from_version}: no place in {note.to_version}; not carried"
    elif note.kind in ("column-removed", "column-no-place"):
        why = f" ({note.reason})" if note.reason else ""
        fate = f"removed in {note.to_version}{why}" if note.kind == "column-removed" else \
            f"no place in {note.to_version}'s table"
        message = f"the column {_ids(rest)} of the table {safe_key(first)} of {from_version}: {fate}; not carried"
    elif note.kind == "clash":
        message = (f"{what} {safe_key(first)} of {from_version} would go to {_ids(rest)}, which already holds "
                   "another answer; not carried")
    elif note.kind in ("grade", "option"):
        code = "AF936"
        pointer += "/judgement" if note.kind == "grade" and note.where == "answers" else ""
        thing = f"grade (scale {safe_key(note.reason or '')})" if note.kind == "grade" else "option"
        message = (f"{what} {safe_key(first)}: its {thing} of {from_version} has no place in {note.to_version} "
                   "and the tool maps it to none; not carried")
    elif note.kind == "split":
        warn, code = Severity.NOTE, "AF937"
        message = (f"{safe_key(first)} of {from_version} is split into {_ids(rest)} in {note.to_version}: each "
                   "starts from a copy of its answer; review them")
    else:
        warn, code, pointer = Severity.NOTE, "AF937", f"{where}/{note.ids[-1]}"
        message = (f"{_ids(note.ids[:-1])} of {from_version} are merged into {safe_key(note.ids[-1])} in "
                   f"{note.to_version}: their narratives are joined; review the judgement")
    return Diagnostic(code, message, file=file, pointer=pointer, severity=warn)
