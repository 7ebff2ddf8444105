"""A private scratch folder for one run's personal data, gone when the run ends however it ends.

``auditforms actions --split-by`` spools every action (the text of children's plans) to a
SQLite file, and xlsxwriter streams each tracker's rows through scratch files: all of it goes
into one folder that only this user can open (``tempfile.mkdtemp``, mode 0700, under
``TMPDIR``), removed when the run ends, by Ctrl-C or ``kill`` too (SIGTERM and SIGHUP end the
run as Ctrl-C does, while the folder exists).

A run killed outright (SIGKILL, a crash of the machine) cannot remove anything, so each run
first removes the folders of runs that are no longer running: a folder's ``.lock`` file is
locked (``flock``) for as long as its run lives, and the kernel releases the lock when the run
dies, however it dies. A folder is made under a hidden name, locked, then renamed, so the
next run never sees one that is not yet locked. Where ``flock`` is missing (Windows) folders
are only removed by their own run.

Why not delete the spool while it is open, which would leave nothing behind: SQLite opens a
database by name, and forked workers must each open their own connection (a connection must
not cross ``fork()``); through ``/proc/self/fd`` SQLite resolves the link to the deleted name
and refuses to open it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

LOCK = ".lock"
#: a hidden folder older than this, unlocked, is a run killed between making and renaming it
HIDDEN_GRACE_SECONDS = 60.0


class Scratch:
    """A locked private folder named ``prefix...`` in ``parent`` (default: the temporary
    folder); :meth:`close` removes it."""

    def __init__(self, prefix: str, parent: str | None = None) -> None:
        remove_stale(prefix, parent)
        made = Path(tempfile.mkdtemp(prefix=f".{prefix}", dir=parent))
        self._lock = os.open(made / LOCK, os.O_CREAT | os.O_WRONLY, 0o600)
        if fcntl is not None:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        self.folder = made.with_name(made.name[1:])
        os.rename(made, self.folder)

    def close(self) -> None:
        if self._lock >= 0:
            shutil.rmtree(self.folder, ignore_errors=True)
            os.close(self._lock)
            self._lock = -1


def remove_stale(prefix: str, folder: str | None = None) -> list[Path]:
    """Remove this user's scratch folders named ``prefix...`` whose run has ended; which."""
    if fcntl is None:  # pragma: no cover - Windows
        return []
    parent = Path(folder or tempfile.gettempdir())
    removed = []
    with contextlib.suppress(OSError), os.scandir(parent) as entries:
        for entry in entries:
            if entry.name.lstrip(".").startswith(prefix) and _is_stale(entry, hidden=entry.name.startswith(".")):
                shutil.rmtree(entry.path, ignore_errors=True)
                removed.append(Path(entry.path))
    return removed


def _is_stale(entry: os.DirEntry[str], *, hidden: bool) -> bool:
    """Our own real folder (not a link) whose lock no live run holds."""
    try:
        info = entry.stat(follow_symlinks=False)
        if not entry.is_dir(follow_symlinks=False) or info.st_uid != os.getuid():
            return False
        if hidden and time.time() - info.st_mtime < HIDDEN_GRACE_SECONDS:
            return False  # being made by a run this moment
    except OSError:
        return False
    released = _lock_released(entry.path)
    return hidden if released is None else released  # no lock file: a hidden folder killed before it


def _lock_released(folder: str | os.PathLike[str]) -> bool | None:
    """Whether no live run holds ``folder``'s ``.lock`` (``None``: it has no lock file)."""
    try:
        fd = os.open(os.path.join(folder, LOCK), os.O_RDONLY | os.O_NOFOLLOW)
    except FileNotFoundError:
        return None
    except OSError:
        return False
    try:
        assert fcntl is not None
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False  # its run is alive
    finally:
        os.close(fd)  # (releases the lock taken: the folder is removed next, lock or not)
    return True


def lock_folder(folder: Path) -> int:
    """Lock ``folder`` for the life of this run (its ``.lock`` file, ``flock``): the descriptor,
    to close when done. The kernel lets go of the lock when the run dies, however it dies, so
    :func:`remove_abandoned` can tell a live run's folder from one a killed run left."""
    fd = os.open(folder / LOCK, os.O_CREAT | os.O_WRONLY, 0o600)
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    return fd


def remove_abandoned(parent: Path, pattern: str) -> list[Path]:
    """Remove the folders in ``parent`` matching ``pattern`` (a glob) that carry a ``.lock``
    file no live run holds: staging folders a killed run left beside its output. A folder
    without a lock file is never touched: it is not ours to judge."""
    if fcntl is None:  # pragma: no cover - Windows
        return []
    removed = []
    for folder in sorted(parent.glob(pattern)) if parent.is_dir() else ():
        try:
            ours = not folder.is_symlink() and folder.is_dir() and folder.stat().st_uid == os.getuid()
        except OSError:
            continue
        if ours and _lock_released(folder) is True:
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


@contextlib.contextmanager
def ended_by_signals() -> Iterator[None]:
    """SIGTERM and SIGHUP end the block as Ctrl-C does (``finally`` clauses run), then the
    handlers before are restored. Only in the main thread, where Python delivers signals."""
    wanted = [s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if s is not None]
    try:
        previous = {s: signal.signal(s, _interrupt) for s in wanted}
    except ValueError:  # not the main thread
        previous = {}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt
