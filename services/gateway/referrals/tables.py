"""The referral database's tables and rows, in SQL both SQLite and PostgreSQL run.

The store (:mod:`.store`) and the link worker's casework (:mod:`.workspace`) share one
database; what both read lives here, so each imports it at module level and neither needs
the other.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Any, Protocol

from linkwell.gateway.referrals.crypto import Sealer
from linkwell.gateway.referrals.model import Asset, Person, Referral

REFERRAL_COLUMNS = ("reference, kind, asset_id, asset_name, feed, asset_email, status, referrer,"
                    " follow_up, details, created, updated, erased, erased_reason")
JOB_COLUMNS = "reference, idempotency_key, attempts, state, next_attempt, last_error, " \
              "delivered, channel"


class Cursor(Protocol):
    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...
    def fetchall(self) -> list[Any]: ...


class Transaction(Protocol):
    def execute(self, sql: str, params: tuple[Any, ...] = ()) -> Cursor: ...


class Database(Protocol):
    """A referral store as the casework sees it: its sealer and its transactions."""

    sealer: Sealer

    def transaction(self) -> AbstractContextManager[Transaction]: ...


def referral_from_row(row: Any, sealer: Sealer) -> Referral:
    """A referral from the columns of :data:`REFERRAL_COLUMNS`, its details opened."""
    person = None
    if row[9] is not None:
        person = Person(**sealer.open(row[0], row[9]))
    return Referral(reference=row[0], kind=row[1],
                    asset=Asset(row[2], row[3], row[4] or "", row[5]), status=row[6],
                    referrer=row[7] or "", follow_up=bool(row[8]), person=person,
                    created=float(row[10]), updated=float(row[11]),
                    erased=float(row[12]) if row[12] is not None else None,
                    erased_reason=row[13])


def schema(blob: str, real: str) -> tuple[str, ...]:
    """Every table, in one database's words for bytes and floating point numbers."""
    return (
        f"""CREATE TABLE IF NOT EXISTS referrals (
            reference TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            asset_id TEXT NOT NULL,
            asset_name TEXT NOT NULL,
            feed TEXT NOT NULL DEFAULT '',
            asset_email TEXT,
            status TEXT NOT NULL,
            referrer TEXT NOT NULL DEFAULT '',
            follow_up INTEGER NOT NULL DEFAULT 0,
            details {blob},
            created {real} NOT NULL,
            updated {real} NOT NULL,
            erased {real},
            erased_reason TEXT)""",
        f"""CREATE TABLE IF NOT EXISTS outbox (
            reference TEXT PRIMARY KEY REFERENCES referrals (reference),
            idempotency_key TEXT NOT NULL UNIQUE,
            attempts INTEGER NOT NULL DEFAULT 0,
            state TEXT NOT NULL,
            next_attempt {real} NOT NULL,
            lease_owner TEXT,
            lease_until {real},
            last_error TEXT,
            delivered {real},
            channel TEXT)""",
        "CREATE INDEX IF NOT EXISTS outbox_due ON outbox (state, next_attempt)",
        "CREATE INDEX IF NOT EXISTS referrals_created ON referrals (created)",
        # An email being sent now (see ReferralStore.begin_sending): a row left behind is one
        # whose worker died mid-send, so it may have arrived.
        f"""CREATE TABLE IF NOT EXISTS outbox_sending (
            reference TEXT PRIMARY KEY REFERENCES referrals (reference),
            worker TEXT NOT NULL,
            started {real} NOT NULL)""",
        *_casework_schema(blob, real),
    )


def _casework_schema(blob: str, real: str) -> tuple[str, ...]:
    """The link worker's tables (see :mod:`.workspace`)."""
    return (
        f"""CREATE TABLE IF NOT EXISTS referral_notes (
            reference TEXT PRIMARY KEY REFERENCES referrals (reference),
            team TEXT NOT NULL DEFAULT '',
            link_worker TEXT NOT NULL DEFAULT '',
            need TEXT NOT NULL DEFAULT '',
            consent TEXT NOT NULL DEFAULT '',
            decline_reason {blob},
            updated {real} NOT NULL)""",
        "CREATE INDEX IF NOT EXISTS referral_notes_team ON referral_notes (team)",
        f"""CREATE TABLE IF NOT EXISTS referral_wellbeing (
            reference TEXT NOT NULL REFERENCES referrals (reference),
            phase TEXT NOT NULL,
            scores {blob} NOT NULL,
            recorded {real} NOT NULL,
            PRIMARY KEY (reference, phase))""",
        """CREATE TABLE IF NOT EXISTS wellbeing_erased (
            phase TEXT PRIMARY KEY,
            erased INTEGER NOT NULL)""",
        # Who looked at which referral, and when (an account id, never the person).
        f"""CREATE TABLE IF NOT EXISTS referral_views (
            reference TEXT NOT NULL,
            account TEXT NOT NULL,
            action TEXT NOT NULL,
            viewed {real} NOT NULL)""",
        "CREATE INDEX IF NOT EXISTS referral_views_reference ON referral_views (reference)",
    )


__all__ = ["JOB_COLUMNS", "REFERRAL_COLUMNS", "Cursor", "Database", "Transaction",
           "referral_from_row", "schema"]
