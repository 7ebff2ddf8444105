"""Finding other definition files by id, without ever leaving the search path.

``extends: torbay-full-audit`` and ``references: [ofsted-statements-of-good]`` name ids,
never paths. An id is looked up as ``<dir>/<id>.yaml`` (references: ``<dir>/reference/<id>.yaml``)
in the definition's own folder, then the folders given with ``--definitions``, then the
shipped ``definitions/``. The found file's real path must stay inside the folder it was
found in, so neither ``..`` nor a symbolic link can reach elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]{0,79}\Z")  # \Z: no trailing newline, unlike $


def search_dirs(base_dir: Path | None, extra: Sequence[Path]) -> list[Path]:
    from auditforms.resources import shipped_definitions_dir

    dirs: list[Path] = []
    for d in [base_dir, *extra, shipped_definitions_dir()]:
        if d is not None and d.is_dir():
            resolved = d.resolve()
            if resolved not in dirs:
                dirs.append(resolved)
    return dirs


def nearest_ids(id_: str, dirs: Sequence[Path], subfolder: str = "") -> list[str]:
    """The ids of the tools in ``dirs`` closest to a mistyped ``id_`` (at most three), for
    "did you mean torbay-full-audit?"."""
    from auditforms.language.suggest import closest

    known = sorted({p.stem for d in dirs for p in (d / subfolder if subfolder else d).glob("*.y*ml")
                    if p.suffix in (".yaml", ".yml") and ID_PATTERN.match(p.stem)})
    return closest(id_.strip().lower(), known, n=3)


def did_you_mean(id_: str, dirs: Sequence[Path]) -> str:
    """``"; did you mean torbay-full-audit?"`` after a message about a tool id not found, or
    nothing when no tool is close."""
    near = nearest_ids(id_, dirs)
    return f"; did you mean {' or '.join(near)}?" if near else ""


def find(id_: str, dirs: Sequence[Path], subfolder: str = "") -> tuple[Path | None, bool]:
    """``(path, escaped)``: the file for ``id_``, and whether a candidate pointed outside."""
    if not ID_PATTERN.match(id_):
        return None, False
    escaped = False
    for d in dirs:
        root = d / subfolder if subfolder else d
        for suffix in (".yaml", ".yml"):
            candidate = root / f"{id_}{suffix}"
            if not candidate.is_file():
                continue
            real = candidate.resolve()
            if not real.is_relative_to(root.resolve()):
                escaped = True
                continue
            return real, False
    return None, escaped
