"""Running ``auditforms preview`` as a real process, and talking to it over HTTP."""

from __future__ import annotations

import http.client
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
DEFINITIONS = ROOT / "definitions"
START_TIMEOUT = 60.0  # a shared, busy machine can be slow to start Python
NEGLECT = "torbay-neglect-dip-sample.yaml"
TITLE = "Torbay themed dip sample – neglect"
RELOAD_TIMEOUT_MS = 10_000  # generous on a shared machine; bench/preview_reload.py measures it


class PreviewPage:
    """The preview open in its own browser context, with every request it made kept."""

    def __init__(self, browser: Any, url: str, path: str = "") -> None:
        from playwright.sync_api import expect

        self.expect = expect
        self.context = browser.new_context(accept_downloads=True, locale="en-GB",
                                           viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.goto(url + path)
        self.form = self.page.frame_locator("#pv-frame")

    def form_frame(self) -> Any:
        return self.page.locator("#pv-frame").element_handle().content_frame()

    def wait_for_version(self, version: int) -> None:
        self.expect(self.page.locator(f"body[data-version='{version}']")).to_have_count(1, timeout=RELOAD_TIMEOUT_MS)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def copy_definitions(target: Path) -> Path:
    """A private copy of the shipped definitions (the preview's tests edit them)."""
    shutil.copytree(DEFINITIONS, target)
    return target


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes


class PreviewProcess:
    """``auditforms preview DEFINITION --port 0`` in a subprocess; its address read from stdout."""

    def __init__(self, definition: Path, *args: str, cwd: Path | None = None,
                 env: dict[str, str] | None = None) -> None:
        """``definition`` is relative to ``cwd`` when that is given (names in the page stay short)."""
        env = {**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "auditforms", "preview", str(definition), "--port", "0", *args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=cwd or definition.parent, env=env)
        self.lines: queue.Queue[str] = queue.Queue()
        self.errors: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        self.error_reader = threading.Thread(target=self._read_errors, daemon=True)
        self.error_reader.start()
        try:
            first = self.lines.get(timeout=START_TIMEOUT)
        except queue.Empty:
            raise AssertionError(f"no address after {START_TIMEOUT} s (exit code {self.process.poll()}): "
                                 + "".join(self.errors)) from None
        found = re.search(r"http://([\d.]+):(\d+)/", first)
        assert found, first
        self.url, self.host, self.port = found.group(0), found.group(1), int(found.group(2))

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line)

    def _read_errors(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.errors.append(line)

    def get(self, path: str, host: str | None = None) -> Response:
        """GET ``path`` exactly as written (no normalising of ``..`` or escapes)."""
        connection = http.client.HTTPConnection(self.host, self.port, timeout=10)
        try:
            connection.putrequest("GET", path, skip_host=True, skip_accept_encoding=True)
            connection.putheader("Host", host or f"{self.host}:{self.port}")
            connection.endheaders()
            response = connection.getresponse()
            return Response(response.status, dict(response.getheaders()), response.read())
        finally:
            connection.close()

    def interrupt(self, signum: int = signal.SIGINT, timeout: float = 10.0) -> tuple[int, str, str]:
        """Ctrl-C, as a terminal sends it (or another signal); (exit code, the rest of stdout, stderr)."""
        self.process.send_signal(signum)
        self.process.wait(timeout=timeout)
        self.reader.join(timeout=timeout)  # the readers end at the process's end
        self.error_reader.join(timeout=timeout)
        err = "".join(self.errors)
        rest = []
        while not self.lines.empty():
            rest.append(self.lines.get())
        return self.process.returncode, "".join(rest), err

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.communicate(timeout=10)
