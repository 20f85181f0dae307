"""Asking groups to confirm their listings: rounds, their emails, and the officers' queue.

A round is one listing's question, from the first email to an answer (or to the data
officer's queue). Its emails are delivered by the referral outbox's own worker
(:class:`linkwell.gateway.referrals.outbox.Outbox`): this store offers the outbox the same claim,
lease and outcome calls as the referral store, so an email goes out exactly once, survives a
restart, and one whose sender died mid-send goes to an officer, never out twice.
"""

from __future__ import annotations

import secrets
import sqlite3
import uuid
from dataclasses import dataclass
from typing import Any

from linkwell.gateway.referrals.model import DELIVERED, PENDING, Job
from linkwell.gateway.web.tables import AccountsTable

DEAD = "dead"
ASKING, ANSWERED, QUEUED = "asking", "answered", "queued"

SCHEMA = """
CREATE TABLE IF NOT EXISTS confirmation_rounds (
    id TEXT PRIMARY KEY,
    listing_id TEXT NOT NULL,
    feed TEXT NOT NULL,
    name TEXT NOT NULL,
    email TEXT,
    started REAL NOT NULL,
    reminders INTEGER NOT NULL DEFAULT 0,
    next_due REAL NOT NULL,
    state TEXT NOT NULL,
    answer TEXT,
    answered REAL,
    batch TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS confirmation_rounds_listing ON confirmation_rounds (listing_id, state);
CREATE TABLE IF NOT EXISTS confirmation_mail (
    id TEXT PRIMARY KEY,
    round_id TEXT NOT NULL REFERENCES confirmation_rounds(id),
    kind TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    state TEXT NOT NULL,
    next_attempt REAL NOT NULL,
    lease_owner TEXT,
    lease_until REAL,
    sending INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    delivered REAL,
    channel TEXT
);
CREATE TABLE IF NOT EXISTS officer_queue (
    id TEXT PRIMARY KEY,
    feed TEXT NOT NULL,
    listing_id TEXT NOT NULL,
    name TEXT NOT NULL,
    reason TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '',
    created REAL NOT NULL,
    resolved REAL
);
"""


@dataclass(frozen=True)
class Round:
    id: str
    listing_id: str
    feed: str
    name: str
    email: str | None
    started: float
    reminders: int
    next_due: float
    state: str
    answer: str | None
    batch: str


@dataclass(frozen=True)
class Mail:
    """One email of a round, as the outbox hands it to the deliverer."""

    id: str
    kind: str  # "ask", "reminder-1", "reminder-2"
    round: Round


@dataclass(frozen=True)
class QueueItem:
    id: str
    feed: str
    listing_id: str
    name: str
    reason: str
    detail: str
    created: float


ROUND_COLUMNS = ("id, listing_id, feed, name, email, started, reminders, next_due, state,"
                 " answer, batch")


class ConfirmationStore(AccountsTable):
    """Rounds, their mail (in the outbox's terms) and the queue, in the gateway's SQLite file."""

    name = "sqlite"
    SCHEMA = SCHEMA
    EXTENSION = "linkwell.confirmations"

    # --- rounds --------------------------------------------------------------------------

    def open_round(self, listing_id: str) -> Round | None:
        """The listing's round still asking or waiting for an officer, if any."""
        rows = self._rounds("WHERE listing_id = ? AND state IN (?, ?)", listing_id, ASKING,
                            QUEUED)
        return rows[0] if rows else None

    def round(self, round_id: str) -> Round | None:
        rows = self._rounds("WHERE id = ?", round_id)
        return rows[0] if rows else None

    def due(self, now: float) -> list[Round]:
        return self._rounds("WHERE state = ? AND next_due <= ? ORDER BY next_due", ASKING, now)

    def start(self, listing_id: str, feed: str, name: str, email: str, next_due: float) -> Round:
        """A new round, and its first email queued for the outbox."""
        round_id = uuid.uuid4().hex
        now = self.clock()
        with self._lock, self._connect() as conn:
            conn.execute(f"INSERT INTO confirmation_rounds ({ROUND_COLUMNS}) VALUES"
                         " (?,?,?,?,?,?,?,?,?,?,?)",
                         (round_id, listing_id, feed, name, email, now, 0, next_due, ASKING,
                          None, secrets.token_urlsafe(12)))
            self._enqueue(conn, round_id, "ask", now)
        found = self.round(round_id)
        assert found is not None
        return found

    def remind(self, round_id: str, next_due: float) -> None:
        now = self.clock()
        with self._lock, self._connect() as conn:
            reminders = conn.execute("UPDATE confirmation_rounds SET reminders = reminders + 1,"
                                     " next_due = ? WHERE id = ? AND state = ?"
                                     " RETURNING reminders", (next_due, round_id, ASKING)
                                     ).fetchone()
            if reminders:
                self._enqueue(conn, round_id, f"reminder-{reminders[0]}", now)

    def answer(self, round_id: str, answer: str) -> bool:
        with self._lock, self._connect() as conn:
            done = conn.execute("UPDATE confirmation_rounds SET state = ?, answer = ?,"
                                " answered = ? WHERE id = ? AND state IN (?, ?)",
                                (ANSWERED, answer, self.clock(), round_id, ASKING, QUEUED))
        return done.rowcount == 1

    def to_officer(self, round_id: str, reason: str, detail: str = "") -> None:
        """Stop asking; the borough's data officer takes it from here."""
        found = self.round(round_id)
        if found is None:
            return
        with self._lock, self._connect() as conn:
            conn.execute("UPDATE confirmation_rounds SET state = ? WHERE id = ? AND state = ?",
                         (QUEUED, round_id, ASKING))
        self.queue(found.feed, found.listing_id, found.name, reason, detail)

    def _rounds(self, where: str, *params: Any) -> list[Round]:
        with self._connect() as conn:
            rows = conn.execute(f"SELECT {ROUND_COLUMNS} FROM confirmation_rounds {where}",
                                params).fetchall()
        return [Round(*row) for row in rows]

    def _enqueue(self, conn: sqlite3.Connection, round_id: str, kind: str, now: float) -> None:
        mail_id = f"{round_id}:{kind}"
        conn.execute("INSERT OR IGNORE INTO confirmation_mail (id, round_id, kind,"
                     " idempotency_key, state, next_attempt) VALUES (?,?,?,?,?,?)",
                     (mail_id, round_id, kind, str(uuid.uuid5(uuid.NAMESPACE_URL, mail_id)),
                      PENDING, now))

    def counts(self, feeds: list[str]) -> dict[str, int]:
        """Emails delivered and rounds answered for these boroughs: the data-quality page's
        "confirmations sent / answered"."""
        marks = ",".join("?" * len(feeds))
        with self._connect() as conn:
            sent = conn.execute(
                "SELECT COUNT(*) FROM confirmation_mail m JOIN confirmation_rounds r"
                f" ON r.id = m.round_id WHERE m.state = ? AND r.feed IN ({marks})",
                (DELIVERED, *feeds)).fetchone()[0]
            answered = conn.execute(
                "SELECT COUNT(*) FROM confirmation_rounds WHERE answer IS NOT NULL"
                f" AND feed IN ({marks})", feeds).fetchone()[0]
        return {"sent": int(sent), "answered": int(answered)}

    # --- the officer's queue ---------------------------------------------------------------

    def queue(self, feed: str, listing_id: str, name: str, reason: str, detail: str = "") -> None:
        with self._lock, self._connect() as conn:
            conn.execute("INSERT INTO officer_queue (id, feed, listing_id, name, reason, detail,"
                         " created) VALUES (?,?,?,?,?,?,?)",
                         (uuid.uuid4().hex, feed, listing_id, name, reason, detail,
                          self.clock()))

    def queued(self, feeds: list[str] | None = None) -> list[QueueItem]:
        """Open items, oldest first; only the named boroughs' if ``feeds`` is given."""
        with self._connect() as conn:
            rows = conn.execute("SELECT id, feed, listing_id, name, reason, detail, created"
                                " FROM officer_queue WHERE resolved IS NULL ORDER BY created"
                                ).fetchall()
        items = [QueueItem(*row) for row in rows]
        return [i for i in items if feeds is None or i.feed in feeds]

    def done(self, item_id: str, feeds: list[str] | None = None) -> bool:
        """Close an open item (a data officer followed it up); only the named boroughs'
        if ``feeds`` is given. False if there is no such open item."""
        with self._lock, self._connect() as conn:
            row = conn.execute("SELECT feed FROM officer_queue WHERE id = ? AND resolved IS NULL",
                               (item_id,)).fetchone()
            if row is None or (feeds is not None and row[0] not in feeds):
                return False
            conn.execute("UPDATE officer_queue SET resolved = ? WHERE id = ?",
                         (self.clock(), item_id))
        return True

    # --- the outbox's calls (as linkwell.gateway.referrals.store.ReferralStore names them) -

    def claim(self, worker: str, now: float, lease: float) -> tuple[Job, Mail] | None:
        with self._lock, self._connect() as conn:
            row = conn.execute(
                "UPDATE confirmation_mail SET lease_owner = ?, lease_until = ?,"
                " attempts = attempts + 1 WHERE id = (SELECT id FROM confirmation_mail"
                " WHERE state = ? AND next_attempt <= ? AND (lease_until IS NULL OR"
                " lease_until < ?) ORDER BY next_attempt LIMIT 1)"
                " RETURNING id, round_id, kind, idempotency_key, attempts",
                (worker, now + lease, PENDING, now, now)).fetchone()
        if row is None:
            return None
        found = self.round(row[1])
        assert found is not None
        return Job(row[0], row[3], row[4]), Mail(row[0], row[2], found)

    def begin_sending(self, reference: str, worker: str, now: float) -> bool:
        """False if an earlier attempt began sending and never said how it ended."""
        with self._lock, self._connect() as conn:
            done = conn.execute("UPDATE confirmation_mail SET sending = 1 WHERE id = ? AND"
                                " lease_owner = ? AND sending = 0", (reference, worker))
        return done.rowcount == 1

    def delivered(self, reference: str, worker: str, channel: str, now: float) -> bool:
        with self._lock, self._connect() as conn:
            done = conn.execute("UPDATE confirmation_mail SET state = ?, delivered = ?,"
                                " channel = ?, sending = 0, lease_until = NULL WHERE id = ?"
                                " AND lease_owner = ?",
                                (DELIVERED, now, channel, reference, worker))
        return done.rowcount == 1

    def failed(self, reference: str, worker: str, error: str, next_attempt: float,
               dead: bool) -> bool:
        with self._lock, self._connect() as conn:
            done = conn.execute("UPDATE confirmation_mail SET state = ?, next_attempt = ?,"
                                " last_error = ?, sending = CASE WHEN ? THEN sending ELSE 0 END,"
                                " lease_until = NULL WHERE id = ? AND lease_owner = ?"
                                " RETURNING round_id",
                                (DEAD if dead else PENDING, next_attempt, error, dead,
                                 reference, worker)).fetchone()
        if dead and done:
            # a bounce, a refused address or an interrupted send: a person must look
            self.to_officer(done[0], "email not delivered", error)
        return bool(done)

    def mail(self, round_id: str) -> list[tuple[str, str]]:
        """(kind, state) of a round's emails, oldest first (for tests and the CLI)."""
        with self._connect() as conn:
            return [(r[0], r[1]) for r in conn.execute(
                "SELECT kind, state FROM confirmation_mail WHERE round_id = ? ORDER BY rowid",
                (round_id,))]
