"""The referral store in PostgreSQL, for production (``LINKWELL_REFERRALS_DATABASE_URL``)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg

from linkwell.gateway.referrals.crypto import Sealer
from linkwell.gateway.referrals.store import Cursor, SQLStore, Transaction
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
        details BYTEA,
        created DOUBLE PRECISION NOT NULL,
        updated DOUBLE PRECISION NOT NULL,
        erased DOUBLE PRECISION,
        erased_reason TEXT)""",
    """CREATE TABLE IF NOT EXISTS outbox (
        reference TEXT PRIMARY KEY REFERENCES referrals (reference),
        idempotency_key TEXT NOT NULL UNIQUE,
        attempts INTEGER NOT NULL DEFAULT 0,
        state TEXT NOT NULL,
        next_attempt DOUBLE PRECISION NOT NULL,
        lease_owner TEXT,
        lease_until DOUBLE PRECISION,
        last_error TEXT,
        delivered DOUBLE PRECISION,
        channel TEXT)""",
    "CREATE INDEX IF NOT EXISTS outbox_due ON outbox (state, next_attempt)",
    "CREATE INDEX IF NOT EXISTS referrals_created ON referrals (created)",
    # An email being sent now (see ReferralStore.begin_sending): a row left behind is one
    # whose worker died mid-send, so it may have arrived.
    """CREATE TABLE IF NOT EXISTS outbox_sending (
        reference TEXT PRIMARY KEY REFERENCES referrals (reference),
        worker TEXT NOT NULL,
        started DOUBLE PRECISION NOT NULL)""",
    *workspace_schema("BYTEA", "DOUBLE PRECISION"),
)


class _Translating:
    """Runs the shared SQL (``?`` placeholders) through psycopg (``%s``)."""

    def __init__(self, conn: psycopg.Connection[Any]) -> None:
        self.conn = conn

    def execute(self, sql: str, params: tuple[Any, ...] = ()) -> Cursor:
        cursor: Cursor = self.conn.execute(sql.replace("?", "%s"), params)
        return cursor


class PostgresStore(SQLStore):
    """One connection per call (referrals are few); each call is one transaction."""

    name = "postgresql"
    schema = SCHEMA
    unavailable = (psycopg.OperationalError,)

    def __init__(self, url: str, sealer: Sealer, connect_timeout: int = 10) -> None:
        super().__init__(sealer)
        self.url = url
        self.connect_timeout = connect_timeout

    def _create_tables(self, tx: Transaction) -> None:
        # Two processes starting at once may both create the tables: serialise them.
        tx.execute("SELECT pg_advisory_xact_lock(7411)")
        super()._create_tables(tx)

    @contextmanager
    def _transaction(self) -> Iterator[Transaction]:
        with (psycopg.connect(self.url, connect_timeout=self.connect_timeout) as conn,
              conn.transaction()):
            yield _Translating(conn)
