"""How many worker processes a command's batch may use (rendering forms, checking audits,
writing action trackers).

``AUDITFORMS_WORKERS`` caps it for every command (``1`` keeps the work in the command's own
process: useful on a shared server, or to compare). Workers are forked, so without ``fork``
(Windows, macOS by default) there is one process.
"""

from __future__ import annotations

import multiprocessing
import os

#: Fewer tasks than this are not worth starting workers for.
MIN_TASKS_FOR_WORKERS = 4
MAX_WORKERS = 8


def worker_count(tasks: int) -> int:
    """Processes to use for ``tasks`` independent tasks: at most one per two tasks, per core,
    and :data:`MAX_WORKERS` (or ``AUDITFORMS_WORKERS``); 1 means the command's own process."""
    if tasks < MIN_TASKS_FOR_WORKERS:
        return 1
    return max(1, min(worker_limit(), tasks // 2))


def worker_limit() -> int:
    """At most this many processes, whatever the tasks: one per core, :data:`MAX_WORKERS`, or
    what ``AUDITFORMS_WORKERS`` says; 1 where workers cannot be forked."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    cap = os.environ.get("AUDITFORMS_WORKERS", "").strip()
    limit = int(cap) if cap.isdigit() and int(cap) > 0 else MAX_WORKERS
    return max(1, min(limit, os.cpu_count() or 1))
