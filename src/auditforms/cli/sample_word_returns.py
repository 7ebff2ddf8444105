"""Filled Word forms as audit history (CLI layer: reads files).

A month's returned audits include the Word forms that came back, not only the HTML
form's JSON saves: a child whose audit was returned as a ``.docx`` must be left out of
the next months' draws like any other. Each ``.docx`` under the folder is read back with
``auditforms extract``'s reader; the blank forms a batch generated (same path and
SHA-256 as its ``manifest.json``) and Word's ``~$`` lock files are not returns and are
skipped, as ``status`` skips them.
"""

from __future__ import annotations

from pathlib import Path

from auditforms.cli.folder_swap import file_sha256, read_manifest
from auditforms.cli.sample_returns import extract_form
from auditforms.diagnostics import Diagnostic
from auditforms.model.definition import Definition
from auditforms.sampling.codes import warning
from auditforms.sampling.history import past_audit
from auditforms.sampling.records import PastAudit


def word_returns(folder: Path) -> list[Path]:
    """The filled ``.docx`` files under ``folder``, in a stable order."""
    manifest = read_manifest(folder) or {}
    generated = {f.get("path"): f.get("sha256") for f in manifest.get("files", [])
                 if isinstance(f, dict)}
    found = []
    for path in sorted(folder.rglob("*.docx")):
        relative = path.relative_to(folder)
        if any(part.startswith((".", "~$")) for part in relative.parts) or not path.is_file():
            continue
        if generated.get(relative.as_posix()) == file_sha256(path):
            continue
        found.append(path)
    return found


def read_word_history(definition: Definition, folder: Path) -> tuple[list[PastAudit], list[Diagnostic]]:
    """The child and date of every filled Word form under ``folder``; why others do not count."""
    audits: list[PastAudit] = []
    problems: list[Diagnostic] = []
    for path in word_returns(folder):
        document, problem = extract_form(definition, path)
        if problem is not None:
            problems.append(warning("AF806", f"{problem}; ignored", str(path)))
            continue
        audit, diagnostic = past_audit(definition, document, str(path))
        if audit is not None:
            audits.append(audit)
        if diagnostic is not None:
            problems.append(diagnostic)
    return audits, problems
