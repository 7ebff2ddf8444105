"""Finding and reading the service folder a command runs in (CLI layer: reads files).

A service folder is any folder holding ``auditforms.yaml``; a command run in it, or in
any folder below it (``months/2026-11``), uses it. Inside one, the existing commands'
options default from the settings (:func:`command_defaults`, given to click as its
``default_map``), so ``auditforms sample -o out.csv`` needs no other option; an option
given on the command line always wins.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from auditforms.cli.common import EXIT_INVALID, EXIT_USAGE, echo_diagnostics
from auditforms.service.settings import FILENAME, Settings

#: Commands whose options default from the settings inside a service folder.
USES_SETTINGS = ("sample", "render", "status", "check", "report", "actions")


def find_service(start: Path | None = None) -> Path | None:
    """The nearest folder at or above ``start`` (default: here) holding ``auditforms.yaml``."""
    here = (start or Path.cwd()).absolute()
    for folder in (here, *here.parents):
        if (folder / FILENAME).is_file():
            return folder
    return None


def load_settings(folder: Path) -> Settings:
    """The folder's settings; print every problem, located, and exit 1 if they cannot be used."""
    from auditforms.service.settings import parse_settings
    from auditforms.source.reading import DEFAULT_LIMITS

    path = folder / FILENAME
    shown = _shown(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(DEFAULT_LIMITS.max_bytes + 1)
    except OSError as exc:
        click.echo(f"{shown}: error[AF101] cannot read the file: {exc.strerror or exc}", err=True)
        raise SystemExit(EXIT_INVALID) from None
    settings, problems = parse_settings(data, shown, folder)
    echo_diagnostics(problems, err=True)
    if settings is None:
        raise SystemExit(EXIT_INVALID)
    _every_tool_exists(settings)
    return settings


def _every_tool_exists(settings: Settings) -> None:
    """Nothing runs while the settings name a tool that cannot be found, the full-audit tool
    too (AF973 at its line; a misspelt one was accepted until something first used it)."""
    for index, tool in enumerate(settings.dip_sample_tools):
        tool_path(settings, tool, f"/tools/dip_sample/{index}")
    if settings.full_audit_tool:
        tool_path(settings, settings.full_audit_tool, "/tools/full_audit")


def _shown(path: Path) -> str:
    """A path as the user would type it: relative to here when it is below here."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def require_service() -> Settings:
    folder = find_service()
    if folder is None:
        click.echo(f"error[AF970] there is no service folder here: no {FILENAME} in "
                   f"{Path.cwd()} or any folder above it; create one with "
                   "'auditforms init FOLDER' (or 'auditforms init demo --example' to try one)",
                   err=True)
        raise SystemExit(EXIT_USAGE)
    return load_settings(folder)


def located_error(settings: Settings, pointer: str, code: str, message: str) -> None:
    from auditforms.terminal_safety import printable

    file, line, col = settings.at(pointer)
    where = f"{file}:{line}:{col}" if line else file
    click.echo(printable(f"{where}: error[{code}] {message}"), err=True)


def definition_dirs(settings: Settings) -> list[Path]:
    """Where the service's tools are looked for: its own folder (then the shipped ones)."""
    own = settings.path(settings.definitions)
    return [own] if own.is_dir() else []


def tool_path(settings: Settings, tool: str, pointer: str) -> Path:
    """The file of the tool ``tool`` (its own folder first, then the shipped tools); exit 1
    with the settings' line when it cannot be found."""
    from auditforms.language.search import did_you_mean, find, search_dirs
    from auditforms.terminal_safety import printable

    dirs = search_dirs(None, definition_dirs(settings))
    path, _ = find(tool, dirs)
    if path is None:
        located_error(settings, pointer, "AF973", f"no audit tool '{printable(tool)}' in "
                      f"{settings.definitions}/ or among the tools shipped with auditforms"
                      f"{did_you_mean(tool, dirs)}")
        raise SystemExit(EXIT_INVALID)
    return path


def existing_file(settings: Settings, relative: str, pointer: str, what: str) -> Path:
    path = settings.path(relative)
    if not path.is_file():
        located_error(settings, pointer, "AF972", f"the {what} '{relative}' does not exist "
                      f"(looked for {path})")
        raise SystemExit(EXIT_INVALID)
    return path


def months_forms(settings: Settings) -> list[Path]:
    """Every month's forms folder that exists, oldest first (returned audits live there)."""
    from auditforms.service.layout import MONTHS, month_paths, months_in

    root = settings.folder / MONTHS
    names = [p.name for p in root.iterdir() if p.is_dir()] if root.is_dir() else []
    return [f for m in months_in(names) if (f := month_paths(settings.folder, m).forms).is_dir()]


def returned_audits(forms: list[Path], *, word: bool = False) -> list[Path]:
    """The audits that came back into ``forms`` folders: their ``.json`` files (and, with
    ``word``, the filled ``.docx``), without each batch's own ``manifest.json`` and blank
    forms, so the report and the tracker see only audits; the folders themselves when
    nothing has come back yet."""
    from auditforms.cli.sample_word_returns import word_returns
    from auditforms.sampling.batch import MANIFEST

    files = [path for folder in forms for path in sorted(folder.rglob("*.json"))
             if path != folder / MANIFEST and path.is_file()
             and not any(part.startswith(".") for part in path.relative_to(folder).parts)]
    if word:
        files += [path for folder in forms for path in word_returns(folder)]
    return sorted(files) or forms


def command_defaults(settings: Settings) -> dict[str, dict[str, Any]]:
    """click's ``default_map``: each command's options as the settings give them."""
    tool = str(tool_path(settings, settings.dip_sample_tool, "/tools/dip_sample/0"))
    search = [str(p) for p in definition_dirs(settings)]
    folders = months_forms(settings)
    forms = [str(p) for p in folders]
    audits_and_word = [str(p) for p in returned_audits(folders, word=True)]  # report and actions read both
    sample: dict[str, Any] = {
        "definition": tool, "search_path": search,
        "cases": str(settings.path(settings.case_list)),
        "columns": [f"{role}={header}" for role, header in settings.case_columns.items()],
        "auditors": str(settings.path(settings.auditors)),
        "history": [str(settings.path(settings.history_before))] if settings.history_before else [],
        "audits": forms,
    }
    for key, value in (("size", settings.sample_size), ("lookback_months", settings.lookback_months),
                       ("stratify", settings.stratify)):
        if value is not None:
            sample[key] = value
    teams = {"teams": str(settings.path(settings.teams))} if settings.teams else {}
    marked = {"marking": settings.marking} if settings.marking else {}
    return {
        "sample": {**sample, **marked},
        "render": {"definition": tool, "search_path": search, **marked},
        "status": {"search_path": search},
        "check": {"search_path": search},
        "report": {"definition": tool, "audits": audits_and_word, **teams, **marked},
        "actions": {"definition": tool, "audits": audits_and_word, **teams, **marked},
    }


#: DEFINITION of a command that reads audits after it (actions, report): inside a service folder
#: it may be a folder of audits instead (see :func:`tool_and_audits`), so it is not refused here
#: for being a folder; outside one, loading it says why a folder is not a tool.
TOOL_OR_AUDITS = click.Path(path_type=Path)


def tool_and_audits(definition: Path, audits: tuple[Path, ...]) -> tuple[Path, tuple[Path, ...]]:
    """DEFINITION and AUDITS as the user meant them. Inside a service folder the tool is known,
    so ``actions months/2026-10`` or ``actions --update a.xlsx b.xlsx`` name audits (or
    trackers), not a tool: a first argument that cannot be a tool (a folder, or a file that is
    not ``.yaml``/``.yml``) is the first of the audits, and only the audits given are read."""
    ctx = click.get_current_context()
    defaults = ctx.default_map or {}
    tool = defaults.get("definition")
    if tool is None or _could_be_tool(definition):
        if definition.is_dir():  # outside a service folder a folder is never the tool: usage, as before
            raise click.BadParameter(f"'{definition}' is a folder; give the audit tool first", param_hint="DEFINITION")
        return definition, audits
    if not definition.exists():  # a mistyped folder (month/2026-10) must not read as no audits at all
        raise click.BadParameter(f"'{definition}': no such file or folder", param_hint="AUDITS")
    from click.core import ParameterSource

    given = (definition, *(audits if ctx.get_parameter_source("audits") == ParameterSource.COMMANDLINE else ()))
    if all(p.suffix.lower() in SPREADSHEETS for p in given):  # trackers read back into the service's audits
        # (an .ods or .xls among them is then refused with a reason, not taken for audits)
        given += tuple(Path(p) for p in defaults.get("audits", ()))
    return Path(tool), given


#: what a tracker may have been saved as: each is read back as one (and refused with a reason
#: when it is not an .xlsx workbook), never taken for an audit
SPREADSHEETS = (".xlsx", ".xlsm", ".xls", ".ods")


def _could_be_tool(path: Path) -> bool:
    if path.suffix.lower() in (".yaml", ".yml"):
        return True
    return not path.exists() and not path.suffix and len(path.parts) == 1  # a tool's id


def defaults_here(command: str | None) -> dict[str, dict[str, Any]] | None:
    """The ``default_map`` for ``command`` when run inside a service folder, else ``None``."""
    if command not in USES_SETTINGS:
        return None
    folder = find_service()
    if folder is None:
        return None
    return command_defaults(load_settings(folder))


#: --teams of actions and report: not checked by click, so that a settings' teams file that is
#: missing is said at its setting (:func:`teams_file`), and a --teams given wins over it
TEAMS_FILE = click.Path(dir_okay=False, path_type=Path)


def teams_file(given: Path | None) -> Path | None:
    """The teams file to read: --teams as given (it must exist), or the settings' one, which
    when missing is reported at its line (AF972)."""
    from click.core import ParameterSource

    if given is None:
        return None
    ctx = click.get_current_context()
    if ctx.get_parameter_source("teams") == ParameterSource.DEFAULT_MAP:
        folder = find_service()
        if folder is not None:
            settings = load_settings(folder)
            if settings.teams:
                return existing_file(settings, settings.teams, "/teams", "teams file")
    if not given.is_file():
        raise click.BadParameter(f"'{given}': no such file", param_hint="--teams")
    return given
