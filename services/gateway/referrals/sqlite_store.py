"""The referral store in SQLite: the embedded default, one file in the data directory."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from linkwell.gateway.referrals.crypto import Sealer
from linkwell.gateway.referrals.store import SQLStore, Transaction
from linkwell.gateway.referrals.workspace import workspace_schema

SCHEMA = (
    """CREATE TABLE IF NOT EXISTS referrals (
        reference TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        asset_id TEXT NOT NULL,
        asset_name TEXT NOT NULL,
        feed TEXT NOT NULL DEFAULT '',
        asset_email TEXT,
        status TEXT NOT NULL,
        referrer TEXT NOT NULL DEFAULT '',
        follow_up INTEGER NOT NULL DEFAULT 0,
        details BLOB,
        created REAL NOT NULL,
        updated REAL NOT NULL,
        erased REAL,
        erased_reason TEXT)""",
    """CREATE TABLE IF NOT EXISTS outbox (
        reference TEXT PRIMARY KEY REFERENCES referrals (reference),
        idempotency_key TEXT NOT NULL UNIQUE,
        attempts INTEGER NOT NULL DEFAULT 0,
        state TEXT NOT NULL,
        next_attempt REAL NOT NULL,
        lease_owner TEXT,
        lease_until REAL,
        last_error TEXT,
        delivered REAL,
        channel TEXT)""",
    "CREATE INDEX IF NOT EXISTS outbox_due ON outbox (state, next_attempt)",
    "CREATE INDEX IF NOT EXISTS referrals_created ON referrals (created)",
    # An email being sent now (see ReferralStore.begin_sending): a row left behind is one
    # whose worker died mid-send, so it may have arrived.
    """CREATE TABLE IF NOT EXISTS outbox_sending (
        reference TEXT PRIMARY KEY REFERENCES referrals (reference),
        worker TEXT NOT NULL,
        started REAL NOT NULL)""",
    *workspace_schema("BLOB", "REAL"),
)


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
