"""Options, output and file writing shared by the commands."""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from auditforms.diagnostics import Diagnostic, sort_key
from auditforms.terminal_safety import one_line, printable, printable_lines

if TYPE_CHECKING:
    from auditforms.model.definition import Definition
    from auditforms.versions.library import VersionLibrary

F = TypeVar("F", bound=Callable[..., Any])

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def definitions_path_option(func: F) -> F:
    return click.option(
        "--definitions", "search_path", multiple=True,
        type=click.Path(exists=True, file_okay=False, path_type=Path),
        help="Another folder to look in for tools named by extends (repeatable).",
    )(func)


def marking_option(func: F) -> F:
    """``--marking``: the protective marking on what the command writes, in place of the tool's
    own; inside a service folder it defaults from the settings' ``marking``."""
    return click.option(
        "--marking", metavar="TEXT",
        help="The protective marking printed on what this writes, e.g. OFFICIAL-SENSITIVE (default: the "
             "tool's own; in a service folder, the settings' marking).",
    )(func)


def force_option(func: F) -> F:
    return click.option("--force", is_flag=True, help="Replace output files that already exist.")(func)


def echo_data(text: str) -> None:
    """An output written to standard output (a CSV, a page, JSON): as it is into a pipe or a
    file, with control characters from the audits escaped when it is shown on a terminal."""
    click.echo(printable_lines(text.replace("\r\n", "\n")) if sys.stdout.isatty() else text, nl=False)


def echo_diagnostics(diagnostics: Iterable[Diagnostic], *, err: bool = False) -> None:
    for d in sorted(diagnostics, key=sort_key):
        click.echo(d.format(), err=err)  # format() escapes what came from input


def echo_input(text: str, *, err: bool = False) -> None:
    """Print a line holding text from input (names, cells, paths), escaped for the terminal."""
    click.echo(printable(text), err=err)


@dataclass(frozen=True)
class LoadedDefinition:
    """A definition a command loaded, and where from: its kept versions (``history/``) and its
    companion tools are looked for beside it and on the same ``--definitions`` path."""

    definition: Definition
    folder: Path | None = None
    search_path: tuple[Path, ...] = ()

    def versions(self) -> VersionLibrary:
        """The kept versions of the tool (history/ beside it, on --definitions, shipped)."""
        from auditforms.versions.library import VersionLibrary

        return VersionLibrary(self.definition, self.folder, self.search_path)


#: The DEFINITION argument: a tool's file, or the id of a tool (resolved by :func:`load_or_exit`).
DEFINITION = click.Path(dir_okay=False, path_type=Path)


class DateParam(click.ParamType):  # type: ignore[type-arg]
    """A date option, written as people write dates: dd/mm/yyyy (UK), yyyy-mm-dd or 5 Mar 2026."""

    name = "DATE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> dt.date:
        from auditforms.months import YEARS, in_years
        from auditforms.sampling.values import ValueProblem, parse_date

        try:
            day = value if isinstance(value, dt.date) else parse_date(str(value))
        except ValueProblem as exc:
            self.fail(str(exc), param, ctx)
        if not in_years(day):  # a deadline or look-back worked out from year 1 or 9999 leaves the calendar
            self.fail(f"a date outside the years auditforms works in ({YEARS})", param, ctx)
        return day


def load_or_exit(path: Path, search_path: Sequence[Path], *, allow_abstract: bool = False,
                 marking: str | None = None) -> LoadedDefinition:
    """Load a definition for a command that needs one; print why and exit 1 if it cannot.

    ``path`` is the tool's file or, when no such file exists, a tool's id, looked for in
    ``search_path`` (``--definitions``; a service folder's own tools) and among the tools shipped
    with auditforms: ``auditforms check torbay-full-audit audit.json`` needs no path into the
    installed package. An abstract base (``abstract: true``) is refused unless
    ``allow_abstract``: it is only ever extended, never rendered, sampled or filled in.
    ``marking`` (``--marking``, the service's settings) replaces the tool's protective marking.
    """
    from auditforms.language.loader import load

    path = _definition_file(path, search_path)

    result = load(path, search_path=search_path)
    if result.definition is None:
        echo_diagnostics(result.diagnostics, err=True)
        raise SystemExit(EXIT_INVALID)
    if result.definition.abstract and not allow_abstract:
        from auditforms.language.families import abstract_refusal

        echo_diagnostics([abstract_refusal(path, result.definition.id)], err=True)
        raise SystemExit(EXIT_INVALID)
    definition = result.definition
    label = one_line(marking) if marking else ""  # it goes into e-mail subjects
    if label:
        from auditforms.model.policies import Marking

        kept = definition.marking.warning if definition.marking else None  # the tool's handling note stays
        definition = definition.model_copy(update={"marking": Marking(label=label, warning=kept)})
    return LoadedDefinition(definition, path.resolve().parent, tuple(search_path))


def _definition_file(path: Path, search_path: Sequence[Path]) -> Path:
    if path.exists():
        return path
    from auditforms.language.search import find, search_dirs

    dirs = search_dirs(None, list(search_path))
    found, _ = find(str(path), dirs)
    if found is None:
        from auditforms.language.search import did_you_mean

        hint = did_you_mean(str(path), dirs)
        where = "in your own tools' folder" if search_path else "in --definitions"
        raise click.BadParameter(
            f"'{printable(str(path))}' is neither a file nor the id of an audit tool {where} or "
            f"among the tools shipped with auditforms{hint}", param_hint="DEFINITION")
    return found


class _OutputProblem(click.ClickException):
    """One line naming the output and what is wrong, as every other located error reads (not
    click's ``Error: …``); exit 2, and nothing half-written."""

    exit_code = EXIT_USAGE
    code = ""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: error[{self.code}] {problem}")

    def show(self, file: Any = None) -> None:
        click.echo(self.format_message(), err=True)


class OutputExists(_OutputProblem):
    code = "AF120"


class OutputUnwritable(_OutputProblem):
    """An output that cannot be written (read-only folder, a parent that is a file, a full disk)."""

    code = "AF121"


def already_exists(path: Path, thing: str = "name") -> str:
    """The one line for an output that exists and was not to be replaced (``thing``: what to
    choose another of, a name or a folder), as :func:`write_atomic` says it."""
    return OutputExists(printable(str(path)), _exists(thing)).format_message()


def _exists(thing: str) -> str:
    return f"already exists; choose another {thing} or pass --force to replace it"


def write_atomic(path: Path, data: bytes, *, force: bool = False) -> None:
    """Write ``data`` to ``path`` all at once: a reader sees the old file or the new, never half.

    The one way the commands write a file: a temporary file beside it, flushed to disk, then
    ``os.replace``. Refuses to replace an existing file unless ``force``: completed work is
    never overwritten silently. Every failure is one :class:`click.ClickException` line.
    """
    where = printable(str(path))
    if path.is_dir():
        raise OutputUnwritable(where, "is a folder; give the name of a file to write")
    if path.exists() and not force:
        raise OutputExists(where, _exists("name"))
    if _is_special(path):  # a device or a pipe is never replaced, --force or not (as root: /dev/null)
        raise OutputUnwritable(where, "is not a file (a device, a pipe or a socket); give the name of a file "
                               "to write")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputUnwritable(where, f"cannot write here ({_reason(exc)})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            _chmod_as_created(handle.fileno(), path)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputUnwritable(where, f"cannot write the file ({_reason(exc)})") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def new_hidden_folder(parent: Path, prefix: str) -> Path:
    """A new folder in ``parent``, named ``prefix`` and a random part, with the permissions a
    plain ``mkdir`` would give it: ``mkdtemp`` makes it readable by its owner only, and the
    folder it becomes (a month's forms, the trackers, the reminders, a new service folder) is
    shared with colleagues. The caller renames it into place when it is complete."""
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    folder.chmod(0o777 & ~_umask())
    return folder


def _umask() -> int:
    mask = os.umask(0o022)  # reading the umask means setting it: set it straight back
    os.umask(mask)
    return mask


def _is_special(path: Path) -> bool:
    """Whether ``path`` is there and is neither a file nor a link (a link itself is replaced,
    never what it points to)."""
    import stat

    try:
        mode = os.lstat(path).st_mode
    except (OSError, ValueError):
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISLNK(mode))


def _chmod_as_created(fd: int, path: Path) -> None:
    """Give the file the permissions it would have had if written in place: the replaced file's,
    else those the user's umask gives new files (``mkstemp`` makes it readable by its owner only,
    and colleagues sharing the service folder must be able to open a report or a tracker)."""
    if not hasattr(os, "fchmod"):  # pragma: no cover - Windows: permissions are the folder's
        return
    try:
        mode = path.stat().st_mode & 0o777
    except OSError:
        mode = 0o666 & ~_umask()
    os.fchmod(fd, mode)


def _reason(exc: OSError) -> str:
    if isinstance(exc, FileExistsError | NotADirectoryError):
        return "a part of the path is a file, not a folder"
    return exc.strerror or type(exc).__name__


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()
