"""Accounts for people who sign in on the pages, kept beside the API keys.

An account is an email address with one role. Its scope: a data officer's borough (the
borough's feed name, as API keys name feeds), a link worker's or lead's team, a group's
claimed listings. Sessions are rows too, so signing out, disabling an account or expiry
takes effect at once on every device.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

ROLES = ("admin", "data_officer", "group", "link_worker", "lead")

SCHEMA = """
CREATE TABLE IF NOT EXISTS accounts (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL,
    borough TEXT,
    team TEXT,
    created TEXT NOT NULL,
    disabled TEXT
);
CREATE TABLE IF NOT EXISTS account_listings (
    account_id TEXT NOT NULL REFERENCES accounts(id),
    listing_id TEXT NOT NULL,
    claimed TEXT NOT NULL,
    PRIMARY KEY (account_id, listing_id)
);
CREATE TABLE IF NOT EXISTS account_sessions (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    created REAL NOT NULL,
    last_seen REAL NOT NULL
);
"""


class AccountError(ValueError):
    """An account that cannot be made as asked (the message says which field and why)."""


@dataclass(frozen=True)
class Account:
    id: str
    email: str
    role: str
    borough: str | None = None
    team: str | None = None
    listings: tuple[str, ...] = ()
    created: str = ""
    disabled: str | None = None

    def can_see_borough(self, borough: str | None) -> bool:
        """Admins see every borough; a data officer only their own."""
        return self.role == "admin" or (
            self.role == "data_officer" and borough is not None and borough == self.borough)

    def has_listing(self, listing_id: str) -> bool:
        """Whether this group has claimed the listing (admins act on any listing)."""
        return self.role == "admin" or listing_id in self.listings

    def in_team(self, team: str | None) -> bool:
        """Whether a link worker or lead belongs to ``team`` (admins: every team)."""
        return self.role == "admin" or (team is not None and team == self.team)


def validate(email: str, role: str, borough: str | None, team: str | None) -> str:
    """The normalised email, or :class:`AccountError` naming the field at fault."""
    email = email.strip().lower()
    if "@" not in email or email.startswith("@") or email.endswith("@") or " " in email:
        raise AccountError("email: this is not an email address")
    if role not in ROLES:
        raise AccountError(f"role: must be one of {', '.join(ROLES)}")
    if role == "data_officer" and not borough:
        raise AccountError("borough: a data officer needs the borough they look after")
    if role in ("link_worker", "lead") and not team:
        raise AccountError("team: a link worker or lead needs their team")
    return email


@dataclass
class AccountStore:
    path: Path
    clock: Callable[[], float] = time.time
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _local: threading.local = field(default_factory=threading.local)

    def __post_init__(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.connect() as conn:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.executescript(SCHEMA)

    def connect(self) -> sqlite3.Connection:
        """This thread's (and process's) connection to the gateway's SQLite file."""
        opened: tuple[int, sqlite3.Connection] | None = getattr(self._local, "conn", None)
        if opened is None or opened[0] != os.getpid():
            opened = self._local.conn = (os.getpid(), sqlite3.connect(self.path, timeout=10))
        return opened[1]

    # --- accounts ------------------------------------------------------------------------

    def add(self, email: str, role: str, borough: str | None = None, team: str | None = None,
            listings: tuple[str, ...] = ()) -> Account:
        """A new account; :class:`AccountError` if it is invalid or the email is taken."""
        email = validate(email, role, borough, team)
        account_id = secrets.token_hex(8)
        created = datetime.now(UTC).isoformat(timespec="seconds")
        try:
            with self._lock, self.connect() as conn:
                conn.execute("INSERT INTO accounts (id, email, role, borough, team, created)"
                             " VALUES (?,?,?,?,?,?)",
                             (account_id, email, role, borough or None, team or None, created))
        except sqlite3.IntegrityError as exc:
            raise AccountError("email: there is already an account for this address") from exc
        for listing in listings:
            self.add_listing(account_id, listing)
        found = self.get(account_id)
        assert found is not None
        return found

    def ensure_group(self, email: str) -> Account:
        """The group account for ``email``, made if there is none (a claim makes one)."""
        found = self.by_email(email)
        return found if found is not None else self.add(email, "group")

    def add_listing(self, account_id: str, listing_id: str) -> None:
        with self._lock, self.connect() as conn:
            conn.execute("INSERT OR IGNORE INTO account_listings (account_id, listing_id,"
                         " claimed) VALUES (?,?,?)",
                         (account_id, listing_id,
                          datetime.now(UTC).isoformat(timespec="seconds")))

    def get(self, account_id: str) -> Account | None:
        return self._one("WHERE id = ?", account_id)

    def by_email(self, email: str) -> Account | None:
        return self._one("WHERE email = ?", email.strip().lower())

    def all(self) -> list[Account]:
        with self.connect() as conn:
            ids = [r[0] for r in conn.execute("SELECT id FROM accounts ORDER BY created, email")]
        return [a for a in (self.get(i) for i in ids) if a is not None]

    def claimants(self, listing_id: str) -> list[Account]:
        """The live group accounts that have claimed a listing."""
        with self.connect() as conn:
            ids = [r[0] for r in conn.execute(
                "SELECT account_id FROM account_listings WHERE listing_id = ?", (listing_id,))]
        found = [self.get(i) for i in ids]
        return [a for a in found if a is not None and a.disabled is None]

    def disable(self, email: str) -> bool:
        """Disable an account and end its sessions at once."""
        account = self.by_email(email)
        if account is None or account.disabled:
            return False
        with self._lock, self.connect() as conn:
            conn.execute("UPDATE accounts SET disabled = ? WHERE id = ?",
                         (datetime.now(UTC).isoformat(timespec="seconds"), account.id))
            conn.execute("DELETE FROM account_sessions WHERE account_id = ?", (account.id,))
        return True

    def _one(self, where: str, value: str) -> Account | None:
        with self.connect() as conn:
            row = conn.execute("SELECT id, email, role, borough, team, created, disabled"
                               f" FROM accounts {where}", (value,)).fetchone()
            if row is None:
                return None
            listings = tuple(r[0] for r in conn.execute(
                "SELECT listing_id FROM account_listings WHERE account_id = ?"
                " ORDER BY listing_id", (row[0],)))
        return Account(row[0], row[1], row[2], row[3], row[4], listings, row[5], row[6])

    # --- sessions ------------------------------------------------------------------------

    def start_session(self, account_id: str) -> str:
        session_id = secrets.token_urlsafe(32)
        now = self.clock()
        with self._lock, self.connect() as conn:
            conn.execute("INSERT INTO account_sessions (id, account_id, created, last_seen)"
                         " VALUES (?,?,?,?)", (session_id, account_id, now, now))
        return session_id

    def session_account(self, session_id: str, lifetime: float, idle: float) -> Account | None:
        """The live account behind a session, touching it; None once it has expired."""
        now = self.clock()
        with self.connect() as conn:
            row = conn.execute("SELECT account_id, created, last_seen FROM account_sessions"
                               " WHERE id = ?", (session_id,)).fetchone()
        if row is None:
            return None
        if now - row[1] > lifetime or now - row[2] > idle:
            self.end_session(session_id)
            return None
        account = self.get(row[0])
        if account is None or account.disabled:
            return None
        with self._lock, self.connect() as conn:
            conn.execute("UPDATE account_sessions SET last_seen = ? WHERE id = ?",
                         (now, session_id))
        return account

    def end_session(self, session_id: str) -> None:
        with self._lock, self.connect() as conn:
            conn.execute("DELETE FROM account_sessions WHERE id = ?", (session_id,))
