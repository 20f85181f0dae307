"""The referral store in PostgreSQL, for production (``LINKWELL_REFERRALS_DATABASE_URL``)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg

from linkwell.gateway.referrals.crypto import Sealer
from linkwell.gateway.referrals.store import SQLStore
from linkwell.gateway.referrals.tables import Cursor, Transaction, schema

SCHEMA = schema("BYTEA", "DOUBLE PRECISION")


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
