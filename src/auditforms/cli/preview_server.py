"""The preview's I/O: loading and re-loading the definition, the HTTP server, the file watcher.

Serving uses the standard library's ``ThreadingHTTPServer``: four fixed paths on the
loopback address need no framework, and one thread per request lets the reload channel
(Server-Sent Events) stay open while pages are served. Nothing is served from the file
system, so no request path can reach a file: a path outside the four is refused.
Watching uses ``watchfiles`` (Rust ``notify`` underneath, as uvicorn's reloader does): it
debounces an editor's burst of writes into one change and survives save-by-rename.
"""

from __future__ import annotations

import datetime as dt
import sys
import threading
from collections.abc import Callable, Iterable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

from auditforms.preview.page import Page, View, download_name, render_form, shell_page, view_from_query
from auditforms.preview.state import Snapshot, first_snapshot, next_snapshot
from auditforms.source.reading import DEFAULT_LIMITS

if TYPE_CHECKING:
    from auditforms.language.loader import LoadResult

LOOPBACK = "127.0.0.1"
KEEP_ALIVE_SECONDS = 15.0
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def terminal_text(text: str) -> str:
    """Text safe to print: control characters (from file names) become ``?``."""
    return "".join(c if c.isprintable() else "?" for c in text)


class Preview:
    """The definition being previewed and its latest :class:`Snapshot`, shared by every thread."""

    def __init__(self, path: Path, search_path: Iterable[Path]) -> None:
        self.path = path
        self.search_path = tuple(search_path)
        self.snapshot: Snapshot = first_snapshot(str(path))
        self.sources: tuple[Path, ...] = (path.resolve(),)
        self.folders: tuple[Path, ...] = ()
        self.changed = threading.Condition()
        self.stopping = False

    def reload(self) -> Snapshot:
        """Load the definition again, keep the last good form, and wake every waiting page."""
        from auditforms.language.search import search_dirs

        result, read = _load(self.path, self.search_path)
        sources = (self.path.resolve(), *read)
        texts = {str(self.path): _read(self.path), **{str(p): _read(p) for p in read}}
        snapshot = next_snapshot(self.snapshot, result, {k: v for k, v in texts.items() if v is not None},
                                 dt.datetime.now().strftime("%H:%M:%S"))
        with self.changed:
            self.snapshot = snapshot
            self.sources = sources
            self.folders = tuple(dict.fromkeys(
                [p.parent for p in sources] + search_dirs(self.path.resolve().parent, self.search_path)))
            self.changed.notify_all()
        return snapshot

    def relevant(self, changed: str) -> bool:
        """A change to a file the definition was built from, or to any YAML file while the
        definition is broken (the missing parent may just have been created)."""
        path = Path(changed)
        if path.resolve() in self.sources:
            return True
        return not self.snapshot.current and path.suffix in {".yaml", ".yml"}

    def wait_for_change(self, seen: int, timeout: float) -> int | None:
        """The latest version once it differs from ``seen`` (or after ``timeout``); ``None`` when stopping."""
        with self.changed:
            self.changed.wait_for(lambda: self.stopping or self.snapshot.version != seen, timeout)
            return None if self.stopping else self.snapshot.version

    def stop(self) -> None:
        with self.changed:
            self.stopping = True
            self.changed.notify_all()


def _load(path: Path, search_path: tuple[Path, ...]) -> tuple[LoadResult, list[Path]]:
    """What :func:`auditforms.language.loader.load` returns, and every file the load read."""
    from auditforms.language.loader import load
    from auditforms.language.pipeline import Pipeline
    from auditforms.source.files import Unreadable, read_capped

    try:  # never a plain open: a pipe given as the definition would block it for ever
        data = read_capped(path, DEFAULT_LIMITS.max_bytes)
    except Unreadable:
        return load(path), []  # the loader words the reason (AF109 for a pipe or a device)
    pipeline = Pipeline(search_path=search_path)
    return pipeline.run(data, str(path), path.resolve().parent, source=path), pipeline.sources


def _read(path: Path) -> str | None:
    from auditforms.source.files import Unreadable, read_capped

    try:
        return read_capped(path, DEFAULT_LIMITS.max_bytes).decode("utf-8", errors="replace")
    except Unreadable:
        return None


def watch(preview: Preview, stop: threading.Event, on_reload: Callable[[Snapshot, object], None]) -> None:
    """Reload on every relevant save until ``stop`` is set; follows the folders as they change."""
    from watchfiles import watch as watch_files

    while not stop.is_set():
        folders = preview.folders
        for changes in watch_files(*folders, watch_filter=lambda _change, path: preview.relevant(path),
                                   debounce=800, step=50, stop_event=stop, recursive=False,
                                   raise_interrupt=True):
            on_reload(preview.reload(), changes)
            if preview.folders != folders:
                break


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, port: int, preview: Preview) -> None:
        self.preview = preview
        super().__init__((LOOPBACK, port), PreviewHandler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """No traceback in the author's terminal: a page closed mid-answer is normal (the
        reload does it); anything else is one line."""
        error = sys.exc_info()[1]
        if not isinstance(error, ConnectionError):
            print(terminal_text(f"could not answer a request: {type(error).__name__}: {error}"), file=sys.stderr)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}/"


class PreviewHandler(BaseHTTPRequestHandler):
    server: PreviewServer

    def version_string(self) -> str:
        return "auditforms-preview"

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: request lines would echo whatever a client sent to the terminal."""

    def do_GET(self) -> None:
        if not self._host_allowed():
            self._send(HTTPStatus.MISDIRECTED_REQUEST, b"This preview answers only at its own address.\n")
            return
        url = urlsplit(self.path)
        view = view_from_query(parse_qs(url.query))
        snapshot = self.server.preview.snapshot
        route = {"/": self._shell, "/form": self._form, "/form.docx": self._docx, "/events": self._events}
        handler = route.get(url.path)
        if handler is None:
            status = HTTPStatus.NO_CONTENT if url.path == "/favicon.ico" else HTTPStatus.NOT_FOUND
            self._send(status, b"" if status == HTTPStatus.NO_CONTENT else b"Not found.\n")
            return
        handler(snapshot, view)

    def _host_allowed(self) -> bool:
        """Refuse other Host names, so a web page cannot reach the preview by DNS rebinding."""
        port = self.server.server_address[1]
        return self.headers.get("Host", "") in {f"{LOOPBACK}:{port}", f"localhost:{port}"}

    def _send(self, status: HTTPStatus, body: bytes, content_type: str = "text/plain; charset=utf-8",
              headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff",
                            "Referrer-Policy": "no-referrer", "Cross-Origin-Resource-Policy": "same-origin",
                            **(headers or {})}.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _shell(self, snapshot: Snapshot, view: View) -> None:
        page: Page = shell_page(snapshot, view)
        self._send(HTTPStatus.OK, page.html, "text/html; charset=utf-8", {"Content-Security-Policy": page.csp})

    def _form(self, snapshot: Snapshot, view: View) -> None:
        if snapshot.good is None:
            self._send(HTTPStatus.NOT_FOUND, b"No form yet: the definition has errors.\n")
            return
        body = render_form(snapshot.good, view, "html", dt.date.today())
        # The form's own meta policy still applies; this adds only who may frame it.
        self._send(HTTPStatus.OK, body, "text/html; charset=utf-8",
                   {"Content-Security-Policy": "frame-ancestors 'self'"})

    def _docx(self, snapshot: Snapshot, view: View) -> None:
        if snapshot.good is None:
            self._send(HTTPStatus.NOT_FOUND, b"No form yet: the definition has errors.\n")
            return
        body = render_form(snapshot.good, view, "docx", dt.date.today())
        name = download_name(snapshot.good, view)
        self._send(HTTPStatus.OK, body, DOCX_TYPE, {"Content-Disposition": f'attachment; filename="{name}"'})

    def _events(self, snapshot: Snapshot, view: View) -> None:
        """Server-Sent Events: the current version at once, then each new one (keep-alives between)."""
        self.send_response(HTTPStatus.OK)
        for name, value in (("Content-Type", "text/event-stream"), ("Cache-Control", "no-store"),
                            ("X-Content-Type-Options", "nosniff")):
            self.send_header(name, value)
        self.end_headers()
        preview, seen = self.server.preview, snapshot.version
        try:
            self.wfile.write(f"retry: 500\ndata: {seen}\n\n".encode())
            self.wfile.flush()
            while (latest := preview.wait_for_change(seen, KEEP_ALIVE_SECONDS)) is not None:
                self.wfile.write(f"data: {latest}\n\n".encode() if latest != seen else b": still here\n\n")
                self.wfile.flush()
                seen = latest
        except (BrokenPipeError, ConnectionResetError):
            return
