"""``auditforms preview DEFINITION``: the form, live, while its YAML is written.

Binds the loopback address only, prints where, and reloads the page on every save of the
definition, a tool it extends or a reference document it uses. Ctrl-C stops it. It reads
the definitions and writes nothing anywhere.
"""

from __future__ import annotations

import errno
import signal
import threading
from pathlib import Path
from typing import TYPE_CHECKING

import click

from auditforms.cli.common import EXIT_INVALID, EXIT_OK, EXIT_USAGE, definitions_path_option
from auditforms.terminal_safety import printable

if TYPE_CHECKING:
    from auditforms.cli.preview_server import Preview, PreviewServer
    from auditforms.preview.state import Snapshot

DEFAULT_PORT = 8000


class PortInUse(click.ClickException):
    exit_code = EXIT_USAGE


@click.command("preview")
@click.argument("definition", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--port", type=click.IntRange(0, 65535), default=None,
              help=f"Port on 127.0.0.1 (default {DEFAULT_PORT}, or any free port if that is taken; 0: any).")
@click.option("--open", "open_browser", is_flag=True, help="Open the preview in the web browser.")
@definitions_path_option
def command(definition: Path, port: int | None, open_browser: bool, search_path: tuple[Path, ...]) -> None:
    """Preview DEFINITION's form in a browser, reloading it each time the YAML is saved.

    Errors in the definition show at the top of the page, each with its line quoted, above
    the last form that loaded without errors.
    """
    from auditforms.cli.preview_server import Preview

    if not definition.is_file():  # a pipe or a device: there is nothing to watch being saved
        click.echo(f"{printable(str(definition))}: error[AF109] this is not a file (a pipe or a device); "
                   "give the definition's YAML file", err=True)
        raise SystemExit(EXIT_INVALID)
    preview = Preview(definition, search_path)
    server = _bind(port, preview)
    # Stopped by a service manager (SIGTERM): as cleanly as by Ctrl-C.
    previous_handler = signal.signal(signal.SIGTERM, _interrupt)
    stop = threading.Event()
    serving = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True)
    try:
        _serve(server, serving, preview, stop, definition, open_browser)
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        preview.stop()
        if serving.is_alive():  # shutdown() would wait for ever on a server never started
            server.shutdown()
        server.server_close()
        signal.signal(signal.SIGTERM, previous_handler)
    click.echo("Stopped the preview.")
    raise SystemExit(EXIT_OK)


def _serve(server: PreviewServer, serving: threading.Thread, preview: Preview, stop: threading.Event,
           definition: Path, open_browser: bool) -> None:
    """Load, say where to look, serve, and reload on every save until interrupted."""
    from auditforms.cli.preview_server import terminal_text, watch

    report(preview.reload(), None)
    click.echo(f"Previewing {terminal_text(str(definition))} at {server.url}")
    click.echo("Save the file to see your changes; press Ctrl-C to stop.")
    _start_holding_signals(serving)
    if open_browser:
        import webbrowser

        webbrowser.open(server.url)
    watch(preview, stop, report)


def _start_holding_signals(serving: threading.Thread) -> None:
    """Start the serving thread with Ctrl-C and SIGTERM held until it is running.

    An interrupt landing inside ``start()`` would leave a thread about to serve that is not
    yet alive: the clean-up would then close the socket under it, and it would fail with a
    traceback. Held signals arrive as soon as ``start()`` has returned, when
    ``is_alive()`` tells the truth.
    """
    held = {signal.SIGINT, signal.SIGTERM}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        serving.start()
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _bind(port: int | None, preview: Preview) -> PreviewServer:
    """The server on ``port``, or on any free port when none was asked for and the default is taken."""
    from auditforms.cli.preview_server import PreviewServer

    try:
        return PreviewServer(DEFAULT_PORT if port is None else port, preview)
    except OSError as exc:
        if exc.errno != errno.EADDRINUSE:
            raise click.ClickException(f"cannot listen on 127.0.0.1: {exc.strerror}") from None
        if port is not None:
            raise PortInUse(f"port {port} on 127.0.0.1 is in use; choose another with --port") from None
        return PreviewServer(0, preview)


def report(snapshot: Snapshot, changes: object) -> None:
    """One line per load: how many errors and warnings (never their text: it is in the page)."""
    from auditforms.cli.preview_server import terminal_text

    errors, warnings = len(snapshot.errors), len(snapshot.warnings)
    what = "no errors" if not errors else f"{errors} error{'s' if errors != 1 else ''} (shown in the page)"
    if warnings:
        what += f", {warnings} warning{'s' if warnings != 1 else ''}"
    verb = "loaded" if changes is None else "reloaded"
    click.echo(terminal_text(f"{snapshot.loaded_at} {verb}: {what}"), err=True)
