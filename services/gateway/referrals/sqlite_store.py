"""The referral store in SQLite: the embedded default, one file in the data directory."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from linkwell.gateway.referrals.crypto import Sealer
from linkwell.gateway.referrals.store import SQLStore
from linkwell.gateway.referrals.tables import Transaction, schema

SCHEMA = schema("BLOB", "REAL")


class SQLiteStore(SQLStore):
    """One connection per call; every transaction takes SQLite's write lock up front."""

    name = "sqlite"
    schema = SCHEMA
    unavailable = (sqlite3.OperationalError,)

    def __init__(self, path: Path, sealer: Sealer) -> None:
        super().__init__(sealer)
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)

    @contextmanager
    def _transaction(self) -> Iterator[Transaction]:
        conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            # FULL: a referral the person was told about survives a power cut, not only a crash.
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA secure_delete=ON")  # erased details do not linger in free pages
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        finally:
            conn.close()
