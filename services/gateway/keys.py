"""API keys: created once, shown once, stored hashed, each with a role and its scope."""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import sqlite3
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

# partner: public, in a partner's web page, works only from its origins, budget per visitor;
# partner_server: the partner's secret for its own back end; oruk_reader: another directory
# reading the Open Referral UK API (a large budget there, and nothing more).
ROLES = ("partner", "partner_server", "link_worker", "data_officer", "admin", "oruk_reader")
PREFIX = "lw_"

SCHEMA = """
CREATE TABLE IF NOT EXISTS api_keys (
    id TEXT PRIMARY KEY,
    digest TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    feeds TEXT NOT NULL DEFAULT '[]',
    origins TEXT NOT NULL DEFAULT '[]',
    created TEXT NOT NULL,
    revoked TEXT
);
"""
# Added after the first keys were made: a link worker key's team (see ``ApiKey.team``).
TEAM_COLUMN = "ALTER TABLE api_keys ADD COLUMN team TEXT NOT NULL DEFAULT ''"
COLUMNS = "id, name, role, feeds, origins, created, revoked, team"


@dataclass(frozen=True)
class ApiKey:
    id: str
    name: str
    role: str
    feeds: tuple[str, ...] = ()
    origins: tuple[str, ...] = ()
    created: str = ""
    revoked: str | None = None
    # A link worker key's practice or team: its referrals are that team's casework, seen by
    # the team's lead in the workspace (a key is no one person: no link worker's own list).
    team: str = ""

    def may_manage(self, feed: str) -> bool:
        """Admins manage every feed; a borough's data officer only its own."""
        return self.role == "admin" or (self.role == "data_officer" and feed in self.feeds)


@dataclass
class KeyStore:
    path: Path
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _local: threading.local = field(default_factory=threading.local)

    def __post_init__(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=10)
        try:
            with conn:
                conn.execute("PRAGMA journal_mode=WAL")
                conn.executescript(SCHEMA)
                names = {r[1] for r in conn.execute("PRAGMA table_info(api_keys)")}
                if "team" not in names:
                    conn.execute(TEAM_COLUMN)
        finally:
            conn.close()

    def _connect(self) -> sqlite3.Connection:
        # Every request looks its key up: one connection per thread (and process: never one
        # inherited through a fork), rather than a new one per lookup. A revocation is still
        # seen at once, being committed.
        opened: tuple[int, sqlite3.Connection] | None = getattr(self._local, "conn", None)
        if opened is None or opened[0] != os.getpid():
            opened = self._local.conn = (os.getpid(), sqlite3.connect(self.path, timeout=10))
        return opened[1]

    def create(self, name: str, role: str, feeds: tuple[str, ...] = (),
               origins: tuple[str, ...] = (), team: str = "") -> tuple[ApiKey, str]:
        """A new key and its secret; the secret is not stored and cannot be shown again."""
        if role not in ROLES:
            raise ValueError(f"role must be one of {', '.join(ROLES)}")
        if team and role != "link_worker":
            raise ValueError("team: only a link worker key belongs to a team")
        secret = PREFIX + secrets.token_urlsafe(32)
        key = ApiKey(secrets.token_hex(8), name, role, tuple(feeds), tuple(origins),
                     datetime.now(UTC).isoformat(timespec="seconds"), team=team.strip())
        with self._lock, self._connect() as conn:
            conn.execute("INSERT INTO api_keys (id, digest, name, role, feeds, origins, created,"
                         " team) VALUES (?,?,?,?,?,?,?,?)",
                         (key.id, _digest(secret), name, role, json.dumps(list(feeds)),
                          json.dumps(list(origins)), key.created, key.team))
        return key, secret

    def find(self, secret: str) -> ApiKey | None:
        """The live key for a secret, or None (unknown or revoked)."""
        if not secret.startswith(PREFIX):
            return None
        with self._connect() as conn:
            row = conn.execute(f"SELECT {COLUMNS} FROM api_keys WHERE digest = ?",
                               (_digest(secret),)).fetchone()
        key = _key(row) if row else None
        return key if key and key.revoked is None else None

    def all(self) -> list[ApiKey]:
        with self._connect() as conn:
            rows = conn.execute(f"SELECT {COLUMNS} FROM api_keys ORDER BY created").fetchall()
        return [_key(r) for r in rows]

    def revoke(self, key_id: str) -> bool:
        with self._lock, self._connect() as conn:
            done = conn.execute("UPDATE api_keys SET revoked = ? WHERE id = ? AND revoked IS NULL",
                                (datetime.now(UTC).isoformat(timespec="seconds"), key_id))
        return done.rowcount == 1


def _digest(secret: str) -> str:
    # Keys are 256 random bits: a plain SHA-256 cannot be reversed or guessed, and lookup
    # by digest needs no per-key salt.
    return hashlib.sha256(secret.encode()).hexdigest()


def _key(row: tuple[str, ...]) -> ApiKey:
    return ApiKey(row[0], row[1], row[2], tuple(json.loads(row[3])), tuple(json.loads(row[4])),
                  row[5], row[6], row[7] or "")
