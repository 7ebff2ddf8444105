"""Reading what came back into a batch folder and checking it (CLI layer: reads files).

HTML forms save completed-audit JSON envelopes; Word forms are read with
``auditforms.extract.extract_docx`` when it is installed. Each document is checked with
``auditforms.results.check.check_document`` when available, else with the definition's
rules through the evaluator. Blank forms the batch generated (same SHA-256 as the
manifest) are not returns; Word's ``~$`` lock files are skipped.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from auditforms.cli.folder_swap import file_sha256
from auditforms.cli.sample_inputs import read_json_file
from auditforms.model.definition import Definition
from auditforms.moderation.lifecycle import read_steps, returned_on
from auditforms.results.envelope import own_record
from auditforms.sampling.batch import INDEX, MANIFEST
from auditforms.sampling.history import ENVELOPE_FORMAT, role_answer
from auditforms.sampling.status import Returned

MAX_DOCX_BYTES = 50 * 1024 * 1024
Checker = Callable[[Mapping[str, Any], str], tuple[int, int]]


def candidate_files(folder: Path, manifest: Mapping[str, Any]) -> Iterator[Path]:
    generated = {f.get("path"): f.get("sha256") for f in manifest.get("files", [])
                 if isinstance(f, Mapping)}
    unreadable: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=unreadable.append):
        while unreadable:  # a sub-folder that cannot be opened is reported, never skipped
            yield Path(unreadable.pop().filename or root)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root) / name
            relative = path.relative_to(folder).as_posix()
            if name.startswith(("~$", ".")) or relative in (MANIFEST, INDEX):
                continue
            if path.suffix.lower() not in (".json", ".docx"):
                continue
            if relative in generated and file_sha256(path) == generated[relative]:
                continue
            yield path
    yield from (Path(e.filename or folder) for e in unreadable)


def make_checker(definition: Definition) -> Checker:
    """The ``check`` command's checks, so status and check never disagree."""
    from auditforms.results.check import check_document

    def run_check(document: Mapping[str, Any], file: str) -> tuple[int, int]:
        return _count(check_document(definition, document, file=file))

    return run_check


def _count(findings: Any) -> tuple[int, int]:
    items = getattr(findings, "findings", findings) or []
    errors = sum(1 for f in items if str(getattr(f, "severity", "error")) == "error")
    return errors, len(items) - errors


def read_returned(definition: Definition, folder: Path, path: Path, check: Checker) -> Returned | None:
    """``None`` for JSON that is not a completed audit (our own files, unrelated data)."""
    relative = path.relative_to(folder).as_posix()
    if path.is_dir():
        return Returned(relative, problem="this folder cannot be opened (permission denied?); "
                        "the forms in it were not read")
    if path.suffix.lower() == ".docx":
        document, problem = extract_form(definition, path)
    else:
        document, diagnostic = read_json_file(path)
        problem = diagnostic.message if diagnostic else None
        if problem is None and (not isinstance(document, dict) or own_record(document) is not None):
            return None
        if problem is None and document.get("format") != ENVELOPE_FORMAT:
            problem = f"not a completed audit (no \"format\": \"{ENVELOPE_FORMAT}\")"
    if problem is not None or not isinstance(document, dict):
        return Returned(relative, problem=problem or "no completed audit could be read")
    return _checked(definition, relative, document, check)


def _checked(definition: Definition, relative: str, document: dict[str, Any],
             check: Checker) -> Returned:
    raw_answers, raw_tool = document.get("answers"), document.get("definition")
    answers: dict[str, Any] = raw_answers if isinstance(raw_answers, dict) else {}
    tool: dict[str, Any] = raw_tool if isinstance(raw_tool, dict) else {}
    child = role_answer(definition, answers, "child_id")
    errors, warnings = check(document, relative)
    if tool.get("id") not in (None, definition.id):
        errors += 1
    status = document.get("status")
    return Returned(relative, audit_id=_text(document.get("audit_id")), child_id=_text(child),
                    audit_status=status if isinstance(status, str) else None,
                    errors=errors, warnings=warnings, submitted_on=_submitted_on(document),
                    returned_on=returned_on(document))


def _submitted_on(document: dict[str, Any]) -> dt.date | None:
    """The day of the history's last ``submitted`` step (what a deadline after submission counts from)."""
    days = [step.at.date() for step in read_steps(document.get("history"))
            if step.event == "submitted" and step.at is not None]
    return days[-1] if days else None


def _text(value: Any) -> str | None:
    return str(value).strip() if isinstance(value, str | int) and str(value).strip() else None


def extract_form(definition: Definition, path: Path) -> tuple[Any, str | None]:
    from auditforms.extract import extract_docx
    from auditforms.source.files import Unreadable, read_capped

    try:
        document, diagnostics = extract_docx(definition, read_capped(path, MAX_DOCX_BYTES), path.name)
    except Unreadable as problem:
        return None, problem.message
    if document is None:
        errors = [d for d in diagnostics if d.is_error]
        reason = f" ({errors[0].message})" if errors else ""
        return None, f"the Word form could not be read back{reason}"
    return document, None
