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

ROOT = Path(__file__).resolve().parents[2]
DEFINITIONS = ROOT / "definitions"
START_TIMEOUT = 20.0


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

    def __init__(self, definition: Path, *args: str) -> None:
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "auditforms", "preview", str(definition), "--port", "0", *args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=definition.parent, env=env)
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        first = self.lines.get(timeout=START_TIMEOUT)
        found = re.search(r"http://([\d.]+):(\d+)/", first)
        assert found, first
        self.url, self.host, self.port = found.group(0), found.group(1), int(found.group(2))

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line)

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

    def interrupt(self, timeout: float = 10.0) -> tuple[int, str, str]:
        """Ctrl-C, as a terminal sends it; (exit code, the rest of stdout, stderr)."""
        self.process.send_signal(signal.SIGINT)
        _, err = self.process.communicate(timeout=timeout)
        rest = []
        while not self.lines.empty():
            rest.append(self.lines.get())
        return self.process.returncode, "".join(rest), err

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.communicate(timeout=10)
