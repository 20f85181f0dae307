"""What feed syncs remember, in ``feeds.sqlite3`` in the data directory (WAL).

Per feed: each run (started, finished, full or incremental, status ``ok``/``failed`` with the
reason, or ``interrupted`` when the process died), its counts, every reject (record id,
field, reason), the terms that mapped to nothing, and the incremental cursor (the newest
``last_modified`` a complete run saw). Rejects and counts are written batch by batch, so a
run that is killed still shows how far it got.
"""

from __future__ import annotations

import fcntl
import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FILE_NAME = "feeds.sqlite3"
SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    feed TEXT NOT NULL,
    full INTEGER NOT NULL,
    started TEXT NOT NULL,
    finished TEXT,
    status TEXT NOT NULL,
    reason TEXT,
    counts TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS runs_by_feed ON runs (feed, id);
CREATE TABLE IF NOT EXISTS rejects (
    run INTEGER NOT NULL, record_id TEXT NOT NULL, name TEXT, field TEXT NOT NULL,
    reason TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS rejects_by_run ON rejects (run);
CREATE TABLE IF NOT EXISTS unmapped (
    run INTEGER NOT NULL, taxonomy TEXT, code TEXT, name TEXT, records INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS unmapped_by_run ON unmapped (run);
CREATE TABLE IF NOT EXISTS cursors (
    feed TEXT PRIMARY KEY, cursor TEXT NOT NULL, run INTEGER NOT NULL
);
"""


class FeedLock:
    """One feed's run lock: a ``flock`` the OS releases if the process dies. Acquiring it
    is the check and the claim in one step, so two callers can never both start a run."""

    def __init__(self, path: Path, feed: str) -> None:
        self.path, self.feed = path, feed
        self.fd: int | None = None

    def acquire(self) -> FeedLock:
        """Take the lock now, or raise FeedBusy when another run holds it."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            os.close(fd)
            raise FeedBusy(f"another sync of feed {self.feed} is running") from exc
        self.fd = fd
        return self

    def release(self) -> None:
        if self.fd is not None:
            os.close(self.fd)  # closing the descriptor releases the lock
            self.fd = None

    def __enter__(self) -> FeedLock:
        return self if self.fd is not None else self.acquire()  # held already: keep it

    def __exit__(self, *_: object) -> None:
        self.release()


class FeedBusy(RuntimeError):
    """Another sync of the same feed is running."""


@dataclass
class Reject:
    """A record the sync or the directory refused: which one, which field, and why."""

    record_id: str
    field: str
    reason: str
    name: str | None = None


@dataclass
class RunRecord:
    """One stored run of one feed."""

    id: int
    feed: str
    full: bool
    started: str
    finished: str | None
    status: str
    reason: str | None
    counts: dict[str, int]
    rejects: list[Reject] = field(default_factory=list)
    unmapped: list[tuple[str, str, str, int]] = field(default_factory=list)


class SyncState:
    """The sync state file of one data directory."""

    def __init__(self, data_dir: str | Path) -> None:
        self.dir = Path(data_dir)
        self.path = self.dir / FILE_NAME

    def _connect(self) -> sqlite3.Connection:
        self.dir.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA busy_timeout=30000")
        conn.executescript(SCHEMA)
        return conn

    @contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        conn = self._connect()
        try:
            yield conn
        finally:
            conn.close()

    def lock(self, feed: str) -> FeedLock:
        """The feed's lock, for ``with`` (or ``acquire`` now and hand it to the run)."""
        return FeedLock(self.dir / "feed-locks" / f"{feed}.lock", feed)

    def start(self, feed: str, full: bool, started: str) -> int:
        """Record a new run; runs of this feed still marked running died half-way."""
        with self._db() as db:
            db.execute("UPDATE runs SET status = 'interrupted', reason = ? WHERE feed = ? AND "
                       "status = 'running'", ("the sync stopped before it finished (the "
                                              "process was killed or crashed)", feed))
            cur = db.execute("INSERT INTO runs (feed, full, started, status) VALUES "
                             "(?, ?, ?, 'running')", (feed, int(full), started))
            return int(cur.lastrowid or 0)

    def progress(self, run: int, counts: dict[str, int], rejects: list[Reject]) -> None:
        """Counts so far, and the rejects found since the last call."""
        with self._db() as db:
            db.execute("BEGIN")
            db.execute("UPDATE runs SET counts = ? WHERE id = ?", (json.dumps(counts), run))
            db.executemany("INSERT INTO rejects (run, record_id, name, field, reason) VALUES "
                           "(?, ?, ?, ?, ?)",
                           [(run, r.record_id, r.name, r.field, r.reason) for r in rejects])
            db.execute("COMMIT")

    def finish(self, run: int, status: str, finished: str, counts: dict[str, int],
               reason: str | None, unmapped: dict[tuple[str, str, str], int]) -> None:
        with self._db() as db:
            db.execute("BEGIN")
            db.execute("UPDATE runs SET status = ?, finished = ?, counts = ?, reason = ? "
                       "WHERE id = ?", (status, finished, json.dumps(counts), reason, run))
            db.executemany("INSERT INTO unmapped (run, taxonomy, code, name, records) VALUES "
                           "(?, ?, ?, ?, ?)",
                           [(run, *key, n) for key, n in sorted(unmapped.items())])
            db.execute("COMMIT")

    def cursor(self, feed: str) -> str | None:
        """The incremental cursor: the newest ``last_modified`` a complete run saw."""
        with self._db() as db:
            row = db.execute("SELECT cursor FROM cursors WHERE feed = ?", (feed,)).fetchone()
        return str(row[0]) if row else None

    def set_cursor(self, feed: str, cursor: str, run: int) -> None:
        with self._db() as db:
            db.execute("INSERT INTO cursors (feed, cursor, run) VALUES (?, ?, ?) ON CONFLICT "
                       "(feed) DO UPDATE SET cursor = excluded.cursor, run = excluded.run",
                       (feed, cursor, run))

    def last_run(self, feed: str) -> RunRecord | None:
        """The feed's latest run with its rejects and unmapped terms, or None."""
        with self._db() as db:
            row = db.execute("SELECT id, feed, full, started, finished, status, reason, counts "
                             "FROM runs WHERE feed = ? ORDER BY id DESC LIMIT 1",
                             (feed,)).fetchone()
            if row is None:
                return None
            run = _run(row)
            run.rejects = [Reject(r[0], r[2], r[3], r[1]) for r in db.execute(
                "SELECT record_id, name, field, reason FROM rejects WHERE run = ? "
                "ORDER BY rowid", (run.id,))]
            run.unmapped = [(r[0], r[1], r[2], r[3]) for r in db.execute(
                "SELECT taxonomy, code, name, records FROM unmapped WHERE run = ? "
                "ORDER BY records DESC, name", (run.id,))]
        return run

    def feeds(self) -> list[str]:
        """Names of every feed that has run here."""
        with self._db() as db:
            return [r[0] for r in db.execute("SELECT DISTINCT feed FROM runs ORDER BY feed")]


def _run(row: tuple[Any, ...]) -> RunRecord:
    return RunRecord(id=row[0], feed=row[1], full=bool(row[2]), started=row[3],
                     finished=row[4], status=row[5], reason=row[6], counts=json.loads(row[7]))
