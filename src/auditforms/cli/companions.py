"""Companion tools in a sample batch (CLI layer: finds and loads definitions, reads files).

A tool's ``companions`` are completed beside it about the same subject (a practitioner's
self-assessment checklist beside the QA assessment). ``render --sample`` writes each
companion's forms for every child of the sample under ``companions/<tool id>/``, with the same
audit id, so the two stay together; ``status`` reads what comes back there (or any return that
names a companion tool) apart from the main tool's returns, so a companion's return is never
taken for the audit itself.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from auditforms.cli.common import LoadedDefinition
from auditforms.model.definition import Definition
from auditforms.sampling.batch import FormJob
from auditforms.sampling.prefill import prefill_for

FOLDER = "companions"


@dataclass(frozen=True)
class CompanionTool:
    tool: str
    label: str
    definition: Definition


def companion_tools(tool: LoadedDefinition) -> list[CompanionTool]:
    """The companion tools, loaded from the definition search path the tool was loaded with."""
    from auditforms.language.loader import load
    from auditforms.language.search import find, search_dirs

    if not tool.definition.companions:
        return []
    dirs = search_dirs(tool.folder, tool.search_path)
    out = []
    for companion in tool.definition.companions:
        path, _ = find(companion.tool, dirs)
        found = load(path, search_path=tool.search_path).definition if path is not None else None
        if found is not None and not found.abstract:
            out.append(CompanionTool(companion.tool, companion.label or found.title, found))
    return out


def companion_jobs(companion: CompanionTool, jobs: Sequence[FormJob]) -> list[FormJob]:
    """The companion's form beside each of the tool's forms: same child, audit id and format."""
    out = []
    for job in jobs:
        prefill, _ = prefill_for(companion.definition, job.row, "")  # the tool's own pre-fill was checked
        out.append(FormJob(job.row, job.format, f"{FOLDER}/{companion.tool}/{job.path}", prefill))
    return out


def manifest_entry(companion: CompanionTool, jobs: Sequence[FormJob]) -> dict[str, Any]:
    forms: dict[str, dict[str, str]] = {}
    for job in jobs:
        forms.setdefault(job.row.audit_id, {})[job.format] = job.path
    return {"tool": companion.tool, "version": companion.definition.version, "label": companion.label,
            "forms": forms}


def companion_of(path: str, document: Any, tools: Mapping[str, Definition]) -> str | None:
    """The companion tool a returned file is of: by the tool it names, else by its folder."""
    named = document.get("definition") if isinstance(document, Mapping) else None
    tool = named.get("id") if isinstance(named, Mapping) else None
    if isinstance(tool, str) and tool in tools:
        return tool
    parts = PurePosixPath(path).parts
    return parts[1] if len(parts) > 2 and parts[0] == FOLDER and parts[1] in tools else None


def read_companion_returns(loaded: LoadedDefinition, folder: Path, paths: Sequence[Path]
                           ) -> tuple[list[Path], dict[str, list[Any]]]:
    """(the files that are the tool's own returns, the companions' returns by tool id)."""
    from auditforms.cli.sample_inputs import read_json_file
    from auditforms.cli.sample_returns import make_checker, read_returned
    from auditforms.cli.sample_word_returns import form_identity

    tools = {c.tool: c.definition for c in companion_tools(loaded)}
    if not tools:
        return list(paths), {}
    own: list[Path] = []
    found: dict[str, list[Any]] = {tool: [] for tool in tools}
    for path in paths:
        relative = path.relative_to(folder).as_posix()
        if path.is_dir():
            own.append(path)
            continue
        if path.suffix.lower() == ".docx":
            document: Any = {"definition": {"id": form_identity(path)[0]}}
        else:
            document = read_json_file(path)[0]
        tool = companion_of(relative, document, tools)
        if tool is None:
            own.append(path)
            continue
        item = read_returned(tools[tool], folder, path, make_checker(tools[tool]))
        if item is not None:
            found[tool].append(item)
    return own, found
