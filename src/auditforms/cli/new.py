"""``auditforms new NAME [--extends TOOL]``: scaffold a tool that validates as written: a
customisation of TOOL, or, without ``--extends``, a whole tool of its own to start from."""

from __future__ import annotations

from pathlib import Path

import click

from auditforms.cli.common import (
    EXIT_INVALID,
    definitions_path_option,
    echo_diagnostics,
    echo_input,
    force_option,
    write_atomic,
)


@click.command("new")
@click.argument("name")
@click.option("--extends", "parent_id",
              help="The id of the tool to customise, e.g. torbay-full-audit (without it: a whole tool of "
                   "your own to start from).")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Where to write it (default: NAME.yaml in the current folder).")
@definitions_path_option
@force_option
def command(name: str, parent_id: str | None, output: Path | None, search_path: tuple[Path, ...],
            force: bool) -> None:
    """Write NAME.yaml: a new tool that extends TOOL, with commented examples of every change,
    or, without --extends, a whole tool (case details, a graded section, an overall rating and
    an actions table) to write your own from."""
    from auditforms.language.loader import load, load_bytes
    from auditforms.language.search import ID_PATTERN, find, search_dirs
    from auditforms.scaffold import scaffold, schema_reference, whole_tool

    if not ID_PATTERN.match(name):
        raise click.BadParameter("use lower-case letters, digits and hyphens, e.g. torbay-neglect", param_hint="NAME")
    target = output or Path(f"{name}.yaml")
    if output is not None and output.is_dir() and output.suffix.lower() not in (".yaml", ".yml"):
        # -o definitions/: the new file goes in it (a folder named like a file is refused below)
        target = output / f"{name}.yaml"
    base_dir = target.resolve().parent
    if parent_id is None:
        text = whole_tool(name, schema_reference(base_dir))
    else:
        dirs = search_dirs(base_dir if base_dir.is_dir() else None, search_path)
        parent_path, _ = find(parent_id, dirs)
        if parent_path is None:
            raise click.BadParameter(f"no tool '{parent_id}' in {', '.join(map(str, dirs))}", param_hint="--extends")
        parent = load(parent_path, search_path=search_path)
        if parent.definition is None:
            echo_diagnostics(parent.diagnostics, err=True)
            raise SystemExit(EXIT_INVALID)
        text = scaffold(name, parent.definition, schema_reference(base_dir))
    check = load_bytes(text.encode(), str(target), search_path=search_path, base_dir=base_dir)
    if not check.ok:  # a bug in the scaffold, never the user's fault: say so plainly
        echo_diagnostics(check.diagnostics, err=True)
        raise click.ClickException("the scaffold did not validate; please report this")
    write_atomic(target, text.encode(), force=force)
    echo_input(f"wrote {target}; check it with: auditforms show {target}", err=True)
    _warn_if_shadowing(name, base_dir, search_path)


def _warn_if_shadowing(name: str, base_dir: Path, search_path: tuple[Path, ...]) -> None:
    """A new tool with the id of one already found (a shipped tool's, say) hides it wherever
    both are on the search path: say so, for the author may have meant --extends."""
    from auditforms.language.search import find, search_dirs
    from auditforms.resources import shipped_definitions_dir

    dirs = [d for d in search_dirs(None, search_path) if d.resolve() != base_dir]
    found, _ = find(name, [*dirs, shipped_definitions_dir()])
    if found is not None and found.resolve().parent != base_dir:
        echo_input(f"{found}: warning: a tool with the id '{name}' is already there; where both are found the "
                   f"nearer one is used (did you mean: auditforms new NEW-NAME --extends {name}?)", err=True)

