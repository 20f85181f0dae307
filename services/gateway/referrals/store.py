"""The durable referral store: one interface, SQLite (embedded) and PostgreSQL (production).

Both share the SQL below; the subclasses (sqlite_store, postgres_store) only connect and
translate placeholders, and :func:`linkwell.gateway.referrals.stores.open_store` chooses one.
The store seals a person's details before they reach the database and opens them on the way
out, so nothing above it handles ciphertext and nothing below it sees plain text.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any, Protocol

from linkwell.errors import Unavailable
from linkwell.gateway.referrals.crypto import Sealer
from linkwell.gateway.referrals.model import (
    CANCELLED,
    DEAD,
    DELIVERED,
    PENDING,
    RECEIVED,
    SENT,
    SETTLED,
    WITHDRAWN,
    DeadLetter,
    Job,
    Referral,
)
from linkwell.gateway.referrals.tables import (
    JOB_COLUMNS,
    REFERRAL_COLUMNS,
    Transaction,
    referral_from_row,
)
from linkwell.gateway.referrals.workspace import erase_casework

DAY = 86400
IDEMPOTENCY_NAMESPACE = uuid.UUID("8a1f6f5e-2f55-4c1e-9a35-4a1b7b8f1c11")


class ReferralStore(Protocol):
    """What the API, the outbox worker and the CLI need from a referral store."""

    name: str

    def setup(self) -> None: ...
    def add(self, referral: Referral, next_attempt: float, deliver: bool = True) -> None: ...
    def get(self, reference: str) -> Referral | None: ...
    def job(self, reference: str) -> Job | None: ...
    def set_status(self, reference: str, status: str, now: float) -> bool: ...
    def erase(self, reference: str, reason: str, now: float) -> bool: ...
    def purge(self, created_before: float, now: float) -> int: ...
    def claim(self, worker: str, now: float, lease: float) -> tuple[Job, Referral] | None: ...
    def begin_sending(self, reference: str, worker: str, now: float) -> bool: ...
    def delivered(self, reference: str, worker: str, channel: str, now: float) -> bool: ...
    def failed(self, reference: str, worker: str, error: str, next_attempt: float,
               dead: bool) -> bool: ...
    def dead_letters(self) -> list[DeadLetter]: ...
    def requeue(self, reference: str, now: float) -> bool: ...
    def stats(self) -> dict[str, Any]: ...
    def count(self) -> int: ...
    def close(self) -> None: ...


def idempotency_key(reference: str) -> str:
    """Stable per referral: a provider that sees it twice knows it is the same referral."""
    return str(uuid.uuid5(IDEMPOTENCY_NAMESPACE, reference))


class StoreUnavailable(Unavailable):
    """The referral database did not answer: the API says 503, the worker tries later."""


class SQLStore:
    """The shared SQL. Subclasses provide ``schema``, ``unavailable`` and ``_transaction()``."""

    name = "sql"
    schema: tuple[str, ...] = ()
    unavailable: tuple[type[Exception], ...] = ()

    def __init__(self, sealer: Sealer) -> None:
        self.sealer = sealer
        self._ready = False

    def _transaction(self) -> AbstractContextManager[Transaction]:
        raise NotImplementedError

    def _create_tables(self, tx: Transaction) -> None:
        for statement in self.schema:
            tx.execute(statement)

    @contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """One transaction; the tables are made on first use (a database that is down at
        start-up must not stop the gateway starting)."""
        try:
            if not self._ready:
                with self._transaction() as tx:
                    self._create_tables(tx)
                self._ready = True
            with self._transaction() as tx:
                yield tx
        except self.unavailable as exc:
            raise StoreUnavailable(f"the {self.name} referral store did not answer "
                                   f"({type(exc).__name__})") from exc

    def setup(self) -> None:
        with self.transaction():
            pass

    def close(self) -> None:
        """Connections are per call; nothing is held open."""

    # --- referrals -----------------------------------------------------------------------

    def add(self, referral: Referral, next_attempt: float, deliver: bool = True) -> None:
        """Store a referral and queue its delivery, in one transaction (both or neither);
        with ``deliver`` false it is stored only (a decoy, never sent)."""
        sealed = (self.sealer.seal(referral.reference, referral.person.as_dict())
                  if referral.person else None)
        a = referral.asset
        with self.transaction() as tx:
            tx.execute(f"INSERT INTO referrals ({REFERRAL_COLUMNS}) VALUES "
                       "(?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                       (referral.reference, referral.kind, a.id, a.name, a.feed, a.email,
                        referral.status, referral.referrer, int(referral.follow_up), sealed,
                        referral.created, referral.updated, None, None))
            if not deliver:
                return
            tx.execute("INSERT INTO outbox (reference, idempotency_key, attempts, state,"
                       " next_attempt) VALUES (?,?,?,?,?)",
                       (referral.reference, idempotency_key(referral.reference), 0, PENDING,
                        next_attempt))

    def get(self, reference: str) -> Referral | None:
        with self.transaction() as tx:
            row = tx.execute(f"SELECT {REFERRAL_COLUMNS} FROM referrals WHERE reference = ?",
                             (reference,)).fetchone()
        return self._referral(row) if row else None

    def job(self, reference: str) -> Job | None:
        with self.transaction() as tx:
            row = tx.execute(f"SELECT {JOB_COLUMNS} FROM outbox WHERE reference = ?",
                             (reference,)).fetchone()
        return _job(row) if row else None

    def set_status(self, reference: str, status: str, now: float) -> bool:
        """The group's answer; a withdrawn referral, or one whose outcome the link worker
        recorded, keeps its status."""
        with self.transaction() as tx:
            done = tx.execute("UPDATE referrals SET status = ?, updated = ? WHERE reference = ?"
                              " AND status NOT IN (?, ?, ?)", (status, now, reference, *SETTLED))
        return done.rowcount == 1

    def erase(self, reference: str, reason: str, now: float) -> bool:
        """Remove the personal fields, keep an anonymous row; False if there is no such one."""
        with self.transaction() as tx:
            return self._erase(tx, reference, reason, now)

    def _erase(self, tx: Transaction, reference: str, reason: str, now: float) -> bool:
        row = tx.execute("SELECT created, status FROM referrals WHERE reference = ?",
                         (reference,)).fetchone()
        if row is None:
            return False
        status = WITHDRAWN if reason == "request" else row[1]
        # Times are kept to the day only: exact times could be matched against other logs.
        tx.execute("UPDATE referrals SET details = NULL, follow_up = 0, status = ?,"
                   " created = ?, updated = ?, erased = COALESCE(erased, ?),"
                   " erased_reason = COALESCE(erased_reason, ?) WHERE reference = ?",
                   (status, _day(row[0]), _day(now), _day(now), reason, reference))
        tx.execute("UPDATE outbox SET state = ?, lease_owner = NULL, lease_until = NULL"
                   " WHERE reference = ? AND state IN (?, ?)",
                   (CANCELLED, reference, PENDING, DEAD))
        erase_casework(tx, reference)  # the wellbeing scores go too; a count of them stays
        return True

    def purge(self, created_before: float, now: float) -> int:
        """Erase the details of every referral made before ``created_before``."""
        with self.transaction() as tx:
            rows = tx.execute("SELECT reference FROM referrals WHERE details IS NOT NULL"
                              " AND created < ?", (created_before,)).fetchall()
            for (reference,) in rows:
                self._erase(tx, reference, "retention", now)
        return len(rows)

    # --- the outbox ----------------------------------------------------------------------

    def claim(self, worker: str, now: float, lease: float) -> tuple[Job, Referral] | None:
        """Take the next due job with a lease, so no other worker sends it meanwhile.

        The conditional UPDATE is the lock: of two workers racing for one job, the database
        lets exactly one of them change the row.
        """
        with self.transaction() as tx:
            due = tx.execute("SELECT reference FROM outbox WHERE state = ? AND next_attempt <= ?"
                             " AND (lease_until IS NULL OR lease_until < ?)"
                             " ORDER BY next_attempt LIMIT 10", (PENDING, now, now)).fetchall()
        for (reference,) in due:
            with self.transaction() as tx:
                taken = tx.execute(
                    "UPDATE outbox SET lease_owner = ?, lease_until = ?, attempts = attempts + 1"
                    " WHERE reference = ? AND state = ?"
                    " AND (lease_until IS NULL OR lease_until < ?)",
                    (worker, now + lease, reference, PENDING, now))
                if taken.rowcount != 1:
                    continue
                job = tx.execute(f"SELECT {JOB_COLUMNS} FROM outbox WHERE reference = ?",
                                 (reference,)).fetchone()
                row = tx.execute(f"SELECT {REFERRAL_COLUMNS} FROM referrals WHERE reference = ?",
                                 (reference,)).fetchone()
            return _job(job), self._referral(row)
        return None

    def begin_sending(self, reference: str, worker: str, now: float) -> bool:
        """Note, before a send that cannot be taken back, that it is under way; False when
        an earlier attempt's note is still there (its worker died mid-send). The outcome,
        delivered or failed, removes the note in the same transaction that records it."""
        with self.transaction() as tx:
            noted = tx.execute("INSERT INTO outbox_sending (reference, worker, started)"
                               " VALUES (?,?,?) ON CONFLICT (reference) DO NOTHING",
                               (reference, worker, now))
        return noted.rowcount == 1

    def delivered(self, reference: str, worker: str, channel: str, now: float) -> bool:
        """Record a delivery by the worker holding the lease; the referral becomes "sent"."""
        with self.transaction() as tx:
            done = tx.execute("UPDATE outbox SET state = ?, delivered = ?, channel = ?,"
                              " lease_owner = NULL, lease_until = NULL, last_error = NULL"
                              " WHERE reference = ? AND lease_owner = ? AND state = ?",
                              (DELIVERED, now, channel, reference, worker, PENDING))
            if done.rowcount != 1:
                return False  # the lease ran out and another worker has it, or it was erased
            tx.execute("DELETE FROM outbox_sending WHERE reference = ?", (reference,))
            tx.execute("UPDATE referrals SET status = ?, updated = ? WHERE reference = ?"
                       " AND status = ?", (SENT, now, reference, RECEIVED))
        return True

    def failed(self, reference: str, worker: str, error: str, next_attempt: float,
               dead: bool) -> bool:
        """Record a failed attempt: try again at ``next_attempt``, or dead-letter it."""
        with self.transaction() as tx:
            done = tx.execute("UPDATE outbox SET state = ?, next_attempt = ?, last_error = ?,"
                              " lease_owner = NULL, lease_until = NULL"
                              " WHERE reference = ? AND lease_owner = ? AND state = ?",
                              (DEAD if dead else PENDING, next_attempt, error[:300], reference,
                               worker, PENDING))
            if done.rowcount == 1:
                tx.execute("DELETE FROM outbox_sending WHERE reference = ?", (reference,))
        return done.rowcount == 1

    def dead_letters(self) -> list[DeadLetter]:
        with self.transaction() as tx:
            rows = tx.execute("SELECT o.reference, r.asset_id, r.asset_name, r.feed, o.attempts,"
                              " o.last_error, r.created FROM outbox o JOIN referrals r"
                              " ON r.reference = o.reference WHERE o.state = ?"
                              " ORDER BY r.created", (DEAD,)).fetchall()
        return [DeadLetter(r[0], r[1], r[2], r[3], int(r[4]), r[5] or "", float(r[6]))
                for r in rows]

    def requeue(self, reference: str, now: float) -> bool:
        """Give a dead-lettered referral another round of attempts (an admin fixed the route)."""
        with self.transaction() as tx:
            done = tx.execute("UPDATE outbox SET state = ?, attempts = 0, next_attempt = ?"
                              " WHERE reference = ? AND state = ?",
                              (PENDING, now, reference, DEAD))
            if done.rowcount == 1:  # an admin checked: send it again
                tx.execute("DELETE FROM outbox_sending WHERE reference = ?", (reference,))
        return done.rowcount == 1

    # --- reporting -----------------------------------------------------------------------

    def stats(self) -> dict[str, Any]:
        """Anonymous counts: by status, kind and feed, erasures by reason, the outbox."""
        # A decoy (see ReferralService.decoy) has no outbox row: robots are not counted.
        real = "reference IN (SELECT reference FROM outbox)"
        with self.transaction() as tx:
            out: dict[str, Any] = {"total": tx.execute(
                f"SELECT COUNT(*) FROM referrals WHERE {real}").fetchone()[0]}
            for key, column in (("status", "status"), ("kind", "kind"), ("feed", "feed"),
                                ("erased", "erased_reason")):
                rows = tx.execute(f"SELECT {column}, COUNT(*) FROM referrals WHERE {real}"
                                  f" AND {column} IS NOT NULL GROUP BY {column}").fetchall()
                out[key] = {str(r[0]): int(r[1]) for r in rows}
            rows = tx.execute("SELECT state, COUNT(*) FROM outbox GROUP BY state").fetchall()
            out["delivery"] = {str(r[0]): int(r[1]) for r in rows}
        return out

    def count(self) -> int:
        """Rows in the store (referrals and outbox): tests check nothing was written."""
        with self.transaction() as tx:
            referrals = tx.execute("SELECT COUNT(*) FROM referrals").fetchone()[0]
            jobs = tx.execute("SELECT COUNT(*) FROM outbox").fetchone()[0]
        return int(referrals) + int(jobs)

    def _referral(self, row: Any) -> Referral:
        return referral_from_row(row, self.sealer)


def _job(row: Any) -> Job:
    return Job(reference=row[0], idempotency_key=row[1], attempts=int(row[2]), state=row[3],
               next_attempt=float(row[4]), last_error=row[5],
               delivered=float(row[6]) if row[6] is not None else None, channel=row[7])


def _day(moment: float) -> float:
    return float(int(moment) - int(moment) % DAY)


__all__ = ["ReferralStore", "SQLStore", "StoreUnavailable", "Transaction", "idempotency_key"]
