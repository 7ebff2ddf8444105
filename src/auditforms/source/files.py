"""Reading an input file's bytes with a cap, refusing anything that is not a regular file.

Every reader of auditforms (definitions, audits, case data, CSVs, Word files, sample files,
manifests) comes through here. Why not ``path.read_bytes()`` after a ``stat`` size check:
a FIFO blocks ``open`` and ``read`` forever, ``/dev/zero`` reports size 0 and never ends,
and a file can grow between ``stat`` and ``read``. So the file is opened without blocking,
refused unless it is a regular file, and read up to ``cap + 1`` bytes whatever ``stat`` says.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from auditforms.diagnostics import Diagnostic

_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) \
    | getattr(os, "O_BINARY", 0)
_BLOCK = 1 << 20


class Unreadable(Exception):
    """Why a file cannot be used: ``code`` is AF101 (cannot read), AF102 (too large) or
    AF109 (not a regular file); ``message`` is one plain sentence."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def read_capped(path: str | Path, max_bytes: int) -> bytes:
    """The bytes of the regular file ``path``, at most ``max_bytes``; :class:`Unreadable` otherwise."""
    try:
        fd = os.open(path, _FLAGS)
    except OSError as exc:
        raise Unreadable("AF101", f"cannot read the file: {_reason(exc)}") from None
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            raise Unreadable("AF109", f"this is {_kind(status.st_mode)}, not a file; give a regular file")
        return _read_upto(fd, max_bytes, status.st_size)
    except OSError as exc:
        raise Unreadable("AF101", f"cannot read the file: {_reason(exc)}") from None
    finally:
        os.close(fd)


def read_input(path: str | Path, max_bytes: int) -> tuple[bytes | None, Diagnostic | None]:
    """:func:`read_capped` for readers that report diagnostics instead of raising."""
    try:
        return read_capped(path, max_bytes), None
    except Unreadable as problem:
        return None, Diagnostic(problem.code, problem.message, file=str(path))


def _read_upto(fd: int, max_bytes: int, expected: int = 0) -> bytes:
    """Read to the end, refusing more than ``max_bytes``. The first read asks for the size
    ``stat`` gave, plus one byte to see a file that grew (a read of a whole block would
    allocate a megabyte for every small audit of a batch); later reads go block by block."""
    chunks: list[bytes] = []
    total = 0
    first = min(max(expected, 0) + 1, _BLOCK)
    while True:
        chunk = os.read(fd, min(first if not chunks else _BLOCK, max_bytes + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > max_bytes:
            raise Unreadable("AF102", f"the file is larger than the {human_size(max_bytes)} limit")


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


def human_size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MiB"
    if n >= 1024:
        return f"{n / 1024:.0f} KiB"
    return f"{n} bytes"


def sha256_of(path: str | Path) -> str:
    """The SHA-256 of a regular file, read in blocks; ``""`` for anything else (a FIFO, a
    device, a file that cannot be opened), which matches no recorded digest."""
    import hashlib

    try:
        fd = os.open(path, _FLAGS)
    except OSError:
        return ""
    digest = hashlib.sha256()
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return ""
        while block := os.read(fd, _BLOCK):
            digest.update(block)
    except OSError:
        return ""
    finally:
        os.close(fd)
    return digest.hexdigest()
