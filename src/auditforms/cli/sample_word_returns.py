"""Filled Word forms as audit history (CLI layer: reads files).

A month's returned audits include the Word forms that came back, not only the HTML
form's JSON saves: a child whose audit was returned as a ``.docx`` must be left out of
the next months' draws like any other. Each ``.docx`` under the folder is read back with
``auditforms extract``'s reader; the blank forms a batch generated (same path and
SHA-256 as its ``manifest.json``) and Word's ``~$`` lock files are not returns and are
skipped, as ``status`` skips them. Each form is read with the tool and version it names (its
document properties): a kept older version of the tool sampled, or another tool on the search
path (a companion, a cohort tool of the family), so a return of another tool still counts.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from auditforms.cli.folder_swap import file_sha256, read_manifest
from auditforms.cli.sample_returns import MAX_DOCX_BYTES, extract_form
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


def form_identity(path: Path) -> tuple[str | None, str | None]:
    """The tool id and version a Word form says it was made from (``None`` where it says none)."""
    from auditforms.extract.identity import properties
    from auditforms.extract.package import PackageError, open_package
    from auditforms.renderers.docx.naming import PROP_DEFINITION, PROP_VERSION
    from auditforms.source.files import Unreadable, read_capped

    try:
        props = properties(open_package(read_capped(path, MAX_DOCX_BYTES)).custom)
    except (PackageError, Unreadable):
        return None, None  # extract_form says why, once
    return props.get(PROP_DEFINITION), props.get(PROP_VERSION)


def named_tool(definition: Definition, path: Path, tools: Callable[[str], Definition | None] | None,
               versions: Any) -> Definition:
    """The definition to read a Word return with: the version of the tool it names, where found."""
    tool, version = form_identity(path)
    if tool is None:
        return definition
    if versions is not None and versions.belongs(tool):
        kept = versions.get(version) if version not in (None, definition.version) else None
        return kept.definition if kept is not None else definition
    found = tools(tool) if tools is not None and tool != definition.id else None
    return found or definition


def read_word_history(definition: Definition, folder: Path,
                      tools: Callable[[str], Definition | None] | None = None,
                      versions: Any = None) -> tuple[list[PastAudit], list[Diagnostic]]:
    """The child and date of every filled Word form under ``folder``; why others do not count."""
    audits: list[PastAudit] = []
    problems: list[Diagnostic] = []
    for path in word_returns(folder):
        document, problem = extract_form(named_tool(definition, path, tools, versions), path)
        if problem is not None:
            problems.append(warning("AF806", f"{problem}; ignored", str(path)))
            continue
        audit, diagnostic = past_audit(definition, document, str(path), tools, versions)
        if audit is not None:
            audits.append(audit)
        if diagnostic is not None:
            problems.append(diagnostic)
    return audits, problems
