"""One run of the loading pipeline, holding the search path and the chain of ``extends``."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from auditforms.diagnostics import Diagnostic, has_errors
from auditforms.language.defaults import apply_section_defaults
from auditforms.language.extends import Composer
from auditforms.language.families import find_companions
from auditforms.language.parsing import parse_definition_file
from auditforms.language.references import resolve_references
from auditforms.language.result import LoadResult
from auditforms.language.search import find, search_dirs
from auditforms.language.suggest import did_you_mean
from auditforms.source.files import read_input
from auditforms.source.located import LocDict, locate
from auditforms.source.reading import DEFAULT_LIMITS

MAX_EXTENDS_DEPTH = 8


class Pipeline:
    def __init__(self, *, search_path: Sequence[str | Path] = ()) -> None:
        self.search_path = [Path(p) for p in search_path]
        #: Every file this run read: the definition, the tools it extends, its reference
        #: documents (``auditforms preview`` watches them).
        self.sources: list[Path] = []

    def run(self, data: bytes, filename: str, base_dir: Path | None,
            source: Path | None = None) -> LoadResult:
        chain = (source.resolve(),) if source else ()
        tree, diagnostics = self.resolve_tree(data, filename, base_dir, chain)
        if tree is None or has_errors(diagnostics):
            return LoadResult(diagnostics=diagnostics)
        apply_section_defaults(tree)
        self.sources += _reference_files(tree, search_dirs(base_dir, self.search_path))
        diagnostics += resolve_references(tree, filename, search_dirs(base_dir, self.search_path))
        diagnostics += find_companions(tree, filename, search_dirs(base_dir, self.search_path))
        if has_errors(diagnostics):
            return LoadResult(diagnostics=diagnostics)
        from auditforms.language.build import build_model
        from auditforms.language.checks import run_checks

        definition, problems = build_model(tree, filename)
        diagnostics += problems
        if definition is not None:
            diagnostics += run_checks(definition, tree, filename)
        ok = definition is not None and not has_errors(diagnostics)
        return LoadResult(definition=definition if ok else None, diagnostics=diagnostics)

    def resolve_tree(self, data: bytes, filename: str, base_dir: Path | None,
                     chain: tuple[Path, ...]) -> tuple[Any, list[Diagnostic]]:
        """Parse and schema-check one file, then resolve what it extends, recursively."""
        from auditforms.language.schema import validate_against_schema

        self.sources += chain[-1:]
        tree, diagnostics = parse_definition_file(data, filename)
        if tree is None or has_errors(diagnostics):
            return None, diagnostics
        diagnostics += validate_against_schema(tree, filename)
        if has_errors(diagnostics):
            return None, diagnostics
        diagnostics += self.scale_libraries(tree, filename, base_dir)
        if has_errors(diagnostics):
            return None, diagnostics
        if "extends" not in tree:
            return tree, diagnostics
        parent, problems = self.resolve_parent(tree, filename, base_dir, chain)
        diagnostics += problems
        if parent is None:
            return None, diagnostics
        composer = Composer(tree, filename)
        merged = composer.compose(parent)
        return merged, diagnostics + composer.diagnostics

    def scale_libraries(self, tree: LocDict, filename: str, base_dir: Path | None) -> list[Diagnostic]:
        from auditforms.language.families import resolve_scale_libraries

        found, problems = resolve_scale_libraries(tree, filename, search_dirs(base_dir, self.search_path))
        self.sources += found
        return problems

    def resolve_parent(self, tree: LocDict, filename: str, base_dir: Path | None,
                       chain: tuple[Path, ...]) -> tuple[Any, list[Diagnostic]]:
        parent_id = str(tree["extends"])
        pos = locate(tree, "/extends")

        def problem(code: str, message: str) -> list[Diagnostic]:
            return [Diagnostic(code, message, file=filename, line=pos.line if pos else 0,
                               col=pos.col if pos else 0, pointer="/extends")]

        if len(chain) > MAX_EXTENDS_DEPTH:
            return None, problem("AF407", f"extends is nested more than {MAX_EXTENDS_DEPTH} deep")
        dirs = search_dirs(base_dir, self.search_path)
        path, escaped = find(parent_id, dirs)
        if path is None:
            if escaped:
                return None, problem("AF405", f"'{parent_id}' resolves to a file outside the definition "
                                     "search path (a link?); copy the tool into the search path instead")
            known = sorted({p.stem for d in dirs for p in d.glob("*.y*ml")})
            return None, problem("AF401", f"no tool '{parent_id}' on the definition search path "
                                 f"({', '.join(str(d) for d in dirs)})" + did_you_mean(parent_id, known))
        if path in chain:
            cycle = " -> ".join(p.stem for p in (*chain, path))
            return None, problem("AF402", f"extends forms a cycle: {cycle}")
        data, unreadable = read_input(path, DEFAULT_LIMITS.max_bytes)
        if data is None:
            return None, [unreadable] if unreadable else []
        parent, diagnostics = self.resolve_tree(data, str(path), path.parent, (*chain, path))
        if parent is None:
            diagnostics += problem("AF401", f"the tool '{parent_id}' that this extends is invalid "
                                   "(see the errors above)")
        return parent, diagnostics


def _reference_files(tree: dict[str, Any], dirs: list[Path]) -> list[Path]:
    ids = tree.get("references")
    found = [find(i, dirs, "reference")[0] for i in ids if isinstance(i, str)] if isinstance(ids, list) else []
    return [path for path in found if path is not None]
