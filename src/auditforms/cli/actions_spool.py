"""A spool of gathered actions in a temporary SQLite file, so that splitting trackers keeps
memory flat: 40,000 actions are written to disk as they are read, then each tracker's rows
come back one at a time, in reading order, from SQLite's own sort.

Each row holds the action (marshalled: it never leaves this run's temporary folder) beside the
keys it is grouped and sorted by, worked out once by :mod:`auditforms.actions.report`'s
``tracker_row``, ``split_key`` and ``sort_key``, so the order is exactly the one
:func:`~auditforms.actions.report.build_report` gives. Keys are stored as UTF-8 bytes, which
SQLite compares as Python compares strings (by code point).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import marshal
import operator
import sqlite3
from collections import Counter
from collections.abc import Iterator

from auditforms.actions.gather import FileClaim
from auditforms.actions.model import TrackedAction
from auditforms.actions.report import TrackerRow, sort_key, split_key, tracker_row
from auditforms.actions.teams import Teams
from auditforms.cli.scratch import Scratch
from auditforms.results.progress import Standing

SCRATCH_PREFIX = "auditforms-actions-"
_SCHEMA = """
CREATE TABLE audits (audit_id BLOB PRIMARY KEY, file TEXT NOT NULL, progress INTEGER, readable INTEGER,
                     passes INTEGER, written INTEGER, child BLOB, agreed BLOB);
CREATE TABLE actions (tracker BLOB, area BLOB, team BLOB, audit_id BLOB, row INTEGER, action BLOB);
"""
_ORDER = "ORDER BY area, team, audit_id, row"
#: SQLite's page cache per connection, in KiB (its default is 2,000): the spool is written once
#: and read in a few scans, so a big cache buys little and would grow the run with the actions
_CACHE_KIB = 256
#: an action's fields as a tuple, in the order TrackedAction takes them
_FIELDS = operator.attrgetter(*(f.name for f in dataclasses.fields(TrackedAction)))
_DATES = tuple(k for k, f in enumerate(dataclasses.fields(TrackedAction))
               if f.name in ("audit_date", "due", "signed_off"))


def _pack(action: TrackedAction) -> bytes:
    """The action as bytes: its fields, dates as day numbers, marshalled (a scratch file read
    back by this same run, so marshal's speed without pickle's generality)."""
    fields = list(_FIELDS(action))
    for k in _DATES:
        fields[k] = fields[k].toordinal() if fields[k] is not None else None
    return marshal.dumps(tuple(fields))


def _unpack(data: bytes) -> TrackedAction:
    fields = list(marshal.loads(data))
    for k in _DATES:
        fields[k] = dt.date.fromordinal(fields[k]) if fields[k] is not None else None
    return TrackedAction(*fields)


def _key(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


class ActionSpool:
    """The gathered actions of one run, in a SQLite file in a private scratch folder (an
    :class:`~auditforms.actions.gather.ActionStore`), where the trackers' scratch files go too.
    Close it to delete the folder; a killed run's folder is deleted by the next run
    (:mod:`auditforms.cli.scratch`)."""

    def __init__(self, by: str, today: dt.date, teams: Teams | None) -> None:
        self.by, self.today, self.teams = by, today, teams
        self.scratch = Scratch(SCRATCH_PREFIX)
        self.folder = self.scratch.folder
        self.path = self.folder / "actions.sqlite"
        self.connection: sqlite3.Connection | None = sqlite3.connect(self.path, isolation_level=None)
        # A scratch file for this run only: nothing to recover after a crash, so no journal.
        self.connection.executescript(f"PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; "
                                      f"PRAGMA cache_size=-{_CACHE_KIB}; {_SCHEMA}")
        self.connection.execute("BEGIN")
        self.count = 0
        # Kept as the actions go in (one entry per tracker, per team), so that no scan of the
        # whole spool in this process is needed to list them.
        self.rows_per_tracker: Counter[str] = Counter()
        self.missing_teams: set[str] = set()

    def _db(self) -> sqlite3.Connection:
        if self.connection is None:
            raise RuntimeError("the spool is closed for writing")
        return self.connection

    def claim(self, audit_id: str, claim: FileClaim) -> None:
        """Record the file kept for ``audit_id`` on disk, not in memory: one row per audit read."""
        s = claim.standing
        self._db().execute("INSERT OR REPLACE INTO audits VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                           (_key(audit_id), claim.file, s.progress, s.readable, s.passes, s.written,
                            _key(claim.child), claim.agreed))

    def claimed(self, audit_id: str) -> FileClaim | None:
        found = self._db().execute("SELECT file, progress, readable, passes, written, child, agreed FROM audits "
                                   "WHERE audit_id = ?", (_key(audit_id),)).fetchone()
        if found is None:
            return None
        file, progress, readable, passes, written, child, agreed = found
        return FileClaim(str(file), Standing(int(progress), bool(readable), bool(passes), bool(written)),
                         bytes(child).decode("utf-8", "surrogatepass"), bytes(agreed))

    def keep(self, actions: list[TrackedAction]) -> None:
        rows = []
        keys: dict[tuple[str, str], tuple[str, bytes, bytes, bytes, bytes]] = {}
        for action in actions:
            found = keys.get((action.team, action.audit_id))
            if found is None:
                found = keys[(action.team, action.audit_id)] = self._keys(action)
            self.rows_per_tracker[found[0]] += 1
            rows.append((*found[1:], action.row, _pack(action)))
        self._db().executemany("INSERT INTO actions VALUES (?, ?, ?, ?, ?, ?)", rows)
        self.count += len(rows)

    def forget(self, audit_id: str) -> None:
        """Drop an audit's actions and its claim (a file of the audit further on came)."""
        db, key = self._db(), _key(audit_id)
        for tracker, rows in db.execute("SELECT tracker, COUNT(*) FROM actions WHERE audit_id = ? GROUP BY tracker",
                                        (key,)).fetchall():
            name = bytes(tracker).decode("utf-8", "surrogatepass")
            self.rows_per_tracker[name] -= rows
            if self.rows_per_tracker[name] <= 0:
                del self.rows_per_tracker[name]
            self.count -= rows
        db.execute("DELETE FROM actions WHERE audit_id = ?", (key,))
        db.execute("DELETE FROM audits WHERE audit_id = ?", (key,))

    def _keys(self, action: TrackedAction) -> tuple[str, bytes, bytes, bytes, bytes]:
        """Whose tracker ``action`` goes in and where it sorts (without its row): these depend
        on its audit and team only, so :meth:`keep` works them out once for an audit's actions."""
        row = tracker_row(action, self.today, self.teams)
        area, team, audit_id, _ = sort_key(row)
        tracker = split_key(row, self.by)
        if row.team is None:
            self.missing_teams.add(action.team)
        return tracker, _key(tracker), _key(area), _key(team), _key(audit_id)

    def finish_writing(self) -> None:
        """Commit and let go of the file, so that forked workers can each open it to read."""
        if self.connection is not None:
            self.connection.execute("COMMIT")
            self.connection.close()
            self.connection = None

    def teams_not_found(self) -> set[str]:
        """Teams recorded in the audits that the teams file does not list."""
        return set(self.missing_teams)

    def trackers(self) -> list[tuple[str, int]]:
        """(name, rows) of each tracker, in name order (by code point, as SQLite orders the keys)."""
        self.finish_writing()
        return sorted(self.rows_per_tracker.items())

    def rows(self, tracker: str) -> Iterator[TrackerRow]:
        """The rows of one tracker, in reading order, one at a time."""
        self.finish_writing()
        with self._reader() as db:
            for (action,) in db.execute(f"SELECT action FROM actions WHERE tracker = ? {_ORDER}", (_key(tracker),)):
                yield tracker_row(_unpack(action), self.today, self.teams)

    def _reader(self) -> contextlib.closing[sqlite3.Connection]:
        db = sqlite3.connect(f"{self.path.as_uri()}?mode=ro", uri=True)
        db.execute(f"PRAGMA cache_size=-{_CACHE_KIB}")
        return contextlib.closing(db)

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None
        self.scratch.close()

