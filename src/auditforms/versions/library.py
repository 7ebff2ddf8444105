"""The kept versions of one tool, found by tool id and version on the definition search path.

An older version lives at ``history/<tool>/<version>.yaml`` under any folder of the search path
(the definition's own folder, each ``--definitions`` folder, the shipped ``definitions/``), so
the current file keeps its name and every version keeps its own. Each version is loaded once,
when first asked for, and only from inside its ``history`` folder.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from auditforms.diagnostics import Diagnostic
from auditforms.language.search import ID_PATTERN, search_dirs
from auditforms.model.definition import Definition
from auditforms.model.lineage import VersionMapping

HISTORY_FOLDER = "history"
MAX_CHAIN = 8
_VERSION = re.compile(r"[0-9A-Za-z.+-]{1,60}\Z")


@dataclass(frozen=True)
class Kept:
    """One version of the tool, and the file it came from (``None``: the definition given)."""

    definition: Definition
    path: Path | None


@dataclass(frozen=True)
class Step:
    """One step of a carry: ``mapping`` (``None`` when none is declared) onto ``target``."""

    mapping: VersionMapping | None
    target: Definition


@dataclass
class VersionLibrary:
    current: Definition
    base_dir: Path | None = None
    search_path: Sequence[Path] = ()
    problems: list[Diagnostic] = field(default_factory=list)
    _cache: dict[str, Kept | None] = field(default_factory=dict)

    def belongs(self, tool_id: object) -> bool:
        """Whether an audit naming ``tool_id`` is of this tool (under its id or its lineage's)."""
        return tool_id in (self.current.id, self.current.tool_id)

    def get(self, version: str) -> Kept | None:
        """The definition of ``version`` of this tool, or ``None`` when it is not kept."""
        if version == self.current.version:
            return Kept(self.current, None)
        if version not in self._cache:
            self._cache[version] = self._load(version)
        return self._cache[version]

    def find(self, version: str) -> Path | None:
        tool = self.current.tool_id
        if not ID_PATTERN.match(tool) or not _VERSION.match(version) or version.startswith("."):
            return None
        for folder in search_dirs(self.base_dir, list(self.search_path)):
            root = (folder / HISTORY_FOLDER / tool).resolve()
            for suffix in (".yaml", ".yml"):
                candidate = root / f"{version}{suffix}"
                if candidate.is_file() and candidate.resolve().is_relative_to(root):
                    return candidate.resolve()
        return None

    def _load(self, version: str) -> Kept | None:
        from auditforms.language.loader import load

        path = self.find(version)
        if path is None:
            return None
        extra = [*([self.base_dir] if self.base_dir else []), *self.search_path]
        result = load(path, search_path=extra)
        found = result.definition
        if found is None:
            self.problems.append(Diagnostic("AF932", f"the kept version {version} of {self.current.tool_id} "
                                            "is invalid; run 'auditforms validate' on it", file=str(path)))
            return None
        misnamed = kept_name_problem(path, found, version, self.current.tool_id)
        if misnamed is not None:
            self.problems.append(misnamed)
            return None
        return Kept(found, path)

    def route(self, version: str, target: Definition | None = None) -> list[Step]:
        """The steps that carry an audit of ``version`` to ``target`` (default: the current version).

        Through the mappings each version declares, via kept intermediate versions where needed
        (1.0.0 -> 2.0.0 -> 3.0.0); one step without a mapping (ids kept) when none leads there.
        """
        target = target or self.current
        found = self._route(version, target, MAX_CHAIN)
        return found if found is not None else [Step(None, target)]

    def _route(self, version: str, target: Definition, depth: int) -> list[Step] | None:
        if version == target.version:
            return []
        if target.lineage is None or depth == 0:
            return None
        direct = target.lineage.mapping_from(version)
        if direct is not None:
            return [Step(direct, target)]
        for mapping in target.lineage.from_versions:
            for between in mapping.versions:
                kept = self.get(between)
                earlier = self._route(version, kept.definition, depth - 1) if kept else None
                if earlier is not None:
                    return [*earlier, Step(mapping, target)]
        return None


def kept_as(path: Path) -> tuple[str, str] | None:
    """(tool id, version) a file under ``history/<tool>/<version>.yaml`` is kept as, or ``None``
    for a file anywhere else."""
    if path.parent.parent.name != HISTORY_FOLDER or path.suffix not in (".yaml", ".yml"):
        return None
    return path.parent.name, path.stem


def kept_name_problem(path: Path, found: Definition, version: str, tool_id: str) -> Diagnostic | None:
    """A kept version must be the version its file name says, of the tool its folder names:
    ``check`` reads audits of that version against it (a copy made after editing the current
    file is the easy mistake). Located at the ``version:`` (or ``id:``) line it contradicts."""
    if found.version == version and found.tool_id == tool_id:
        return None
    line, col = _key_position(path, "version" if found.version != version else "id")
    return Diagnostic("AF932", f"this file is kept as version {version} of {tool_id}, but it is version "
                      f"{found.version} of {found.tool_id}; rename it or correct its id and version",
                      file=str(path), line=line, col=col)


def _key_position(path: Path, key: str) -> tuple[int, int]:
    """Line and column of a top-level ``key:`` in a YAML file (0, 0 when it cannot be told)."""
    from auditforms.source.files import read_input

    data, _ = read_input(path, 10 * 1024 * 1024)
    text = data.decode("utf-8", "replace") if data is not None else ""
    found = re.search(rf"^{key}[ \t]*:", text, flags=re.M)
    if found is None:
        return 0, 0
    return text.count("\n", 0, found.start()) + 1, 1


def named_version(library: VersionLibrary, document: Any) -> str | None:
    """The version an audit of this tool names (``None`` for anything else)."""
    named = document.get("definition") if isinstance(document, Mapping) else None
    if not isinstance(named, Mapping) or not library.belongs(named.get("id")):
        return None
    version = named.get("version")
    return version if isinstance(version, str) else None
