"""One run at a time on an output folder: an exclusive lock that dies with its process.

The lock is an operating-system lock (``flock`` on POSIX, ``msvcrt.locking`` on Windows)
on a small hidden file *beside* the folder, ``.NAME.lock``: beside, not inside, because
``render --sample`` replaces the folder itself by a rename, and a lock on a file inside it
would move away with the old folder. The kernel releases the lock when the process ends,
however it ends (Ctrl-C, a crash, ``kill -9``), so there is no stale lock to clear by
hand: a lock file left by a killed run is simply locked again by the next. A run that
ends normally deletes the file.

The message never says who holds the lock (a user name on a shared drive is personal
data, and a process id means nothing on another machine): only which folder is busy.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, TypeVar

import click

from auditforms.cli.common import EXIT_USAGE

POLL_SECONDS = 0.2
F = TypeVar("F", bound=Callable[..., Any])

#: Descriptors of the locks this process holds. A forked child (the form-rendering
#: workers) closes its copies at once, so the lock still dies with the command itself.
_HELD: set[int] = set()


def _close_in_child() -> None:
    for fd in list(_HELD):
        with suppress(OSError):
            os.close(fd)
    _HELD.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_close_in_child)


class FolderBusy(click.ClickException):
    """Another run holds the folder's lock; one line naming the folder, exit 2."""

    exit_code = EXIT_USAGE

    def __init__(self, folder: Path) -> None:
        super().__init__(f"{folder}: error[AF820] another auditforms run is using this folder; "
                         "wait for it to finish and run again, or pass --wait")

    def show(self, file: object = None) -> None:
        click.echo(self.format_message(), err=True)


class LockUnavailable(click.ClickException):
    """The lock file cannot be made (a read-only share, a parent that is a file); one line."""

    exit_code = EXIT_USAGE

    def __init__(self, folder: Path, reason: str) -> None:
        super().__init__(f"{folder}: error[AF823] cannot take this folder's lock, "
                         f"{lock_path(folder).name} beside it ({reason}); check that the folder "
                         "above it exists and can be written")

    def show(self, file: object = None) -> None:
        click.echo(self.format_message(), err=True)


def lock_path(folder: Path) -> Path:
    """The lock file of ``folder``: ``.NAME.lock`` in its parent."""
    folder = Path(os.path.abspath(folder))
    return folder.parent / f".{folder.name}.lock"


@contextmanager
def folder_lock(folder: Path, *, wait: bool = False, read_only: bool = False) -> Iterator[None]:
    """Hold ``folder``'s lock for the ``with`` block; :class:`FolderBusy` if taken and not ``wait``.

    ``read_only`` is for commands that only read the folder (``status``): where the lock
    file cannot be made at all (a read-only share), nobody can write there either, so
    they read without it rather than refuse.
    """
    path = lock_path(folder)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = _acquire(path, folder, wait)
    except OSError as exc:
        if read_only:
            yield
            return
        raise LockUnavailable(folder, exc.strerror or type(exc).__name__) from None
    _HELD.add(fd)
    try:
        yield
    finally:
        _HELD.discard(fd)
        with suppress(OSError):
            path.unlink()  # still locked, so a waiting run re-opens a fresh file (see _acquire)
        _release(fd)
        os.close(fd)


def _acquire(path: Path, folder: Path, wait: bool) -> int:
    """A descriptor of ``path``, locked. The holder deletes the file when it finishes, so a
    lock won on a file that is no longer at ``path`` is worthless: drop it and try again."""
    announced = False
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
        if _try_lock(fd):
            if _same_file(fd, path):
                return fd
            _release(fd)
            os.close(fd)
            continue
        os.close(fd)
        if not wait:
            raise FolderBusy(folder)
        if not announced:
            click.echo(f"{folder}: another auditforms run is using this folder; waiting for it "
                       "to finish (Ctrl-C to stop)", err=True)
            announced = True
        time.sleep(POLL_SECONDS)


def _same_file(fd: int, path: Path) -> bool:
    try:
        on_disk = path.stat()
    except OSError:
        return False
    held = os.fstat(fd)
    return (held.st_dev, held.st_ino) == (on_disk.st_dev, on_disk.st_ino)


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _release(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _release(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def wait_option(func: F) -> F:
    """``--wait``: wait for another run on the same folder instead of refusing."""
    return click.option("--wait", is_flag=True,
                        help="If another run is using the output folder, wait for it to finish "
                             "instead of refusing.")(func)
