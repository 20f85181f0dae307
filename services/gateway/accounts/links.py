"""Signed links that work once and expire: sign-in, and later a group's answers and claims.

A link carries a random id signed with the app's secret, so a forged or mistyped link is
refused before anything is looked up. The id is stored only as a digest, with its purpose,
what it is about, its expiry and whether it was used: using one is one atomic UPDATE, so
two clicks at once cannot both succeed. Links issued together share a batch, and using one
uses them all (an email's "still running" and "we have stopped" cannot both be taken).
"""

from __future__ import annotations

import hashlib
import json
import secrets
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from itsdangerous import BadSignature, URLSafeSerializer

SCHEMA = """
CREATE TABLE IF NOT EXISTS one_time_links (
    digest TEXT PRIMARY KEY,
    purpose TEXT NOT NULL,
    subject TEXT NOT NULL,
    payload TEXT NOT NULL DEFAULT '{}',
    batch TEXT NOT NULL,
    expires REAL NOT NULL,
    used REAL
);
CREATE INDEX IF NOT EXISTS one_time_links_batch ON one_time_links (batch);
"""

# What a person sees for each refusal: plain, and saying what to do next.
REFUSALS = {
    "forged": "This link is not valid. Please copy the whole link from the email, or ask "
              "for a new one.",
    "expired": "This link has expired. Please ask for a new one.",
    "used": "This link has already been used, and works only once. Please ask for a new one.",
    "purpose": "This link is not for this page.",
}


class LinkRefused(Exception):
    """A link that may not be used: ``reason`` is a key of :data:`REFUSALS`."""

    def __init__(self, reason: str) -> None:
        super().__init__(REFUSALS[reason])
        self.reason = reason
        self.message = REFUSALS[reason]


@dataclass(frozen=True)
class Link:
    purpose: str
    subject: str
    payload: dict[str, Any]
    batch: str
    expires: float


def _digest(link_id: str) -> str:
    return hashlib.sha256(link_id.encode()).hexdigest()


class OneTimeLinks:
    """Issue and redeem signed single-use links, kept in the gateway's SQLite file."""

    def __init__(self, connect: Callable[[], sqlite3.Connection], secret: str,
                 clock: Callable[[], float] = time.time) -> None:
        self._connect = connect
        self._signer = URLSafeSerializer(secret, salt="linkwell-one-time-link")
        self.clock = clock
        with self._connect() as conn:
            conn.executescript(SCHEMA)

    def issue(self, purpose: str, subject: str, seconds: float,
              payload: dict[str, Any] | None = None, batch: str | None = None) -> str:
        """A new link's token (put it in a URL); valid for ``seconds``, once."""
        link_id = secrets.token_urlsafe(18)
        with self._connect() as conn:
            conn.execute("INSERT INTO one_time_links (digest, purpose, subject, payload, batch,"
                         " expires) VALUES (?,?,?,?,?,?)",
                         (_digest(link_id), purpose, subject, json.dumps(payload or {}),
                          batch or link_id, self.clock() + seconds))
        token: str = self._signer.dumps(link_id)
        return token

    def new_batch(self) -> str:
        return secrets.token_urlsafe(12)

    def peek(self, token: str, purpose: str) -> Link:
        """The link, if it could be used now (for a page that asks before acting)."""
        digest = self._checked_digest(token)
        with self._connect() as conn:
            row = conn.execute("SELECT purpose, subject, payload, batch, expires, used"
                               " FROM one_time_links WHERE digest = ?", (digest,)).fetchone()
        if row is None:
            raise LinkRefused("forged")
        link = Link(row[0], row[1], json.loads(row[2]), row[3], row[4])
        if link.purpose != purpose:
            raise LinkRefused("purpose")
        if row[5] is not None:
            raise LinkRefused("used")
        if self.clock() > link.expires:
            raise LinkRefused("expired")
        return link

    def redeem(self, token: str, purpose: str) -> Link:
        """Use the link (and its batch) now; :class:`LinkRefused` says why it may not be."""
        link = self.peek(token, purpose)
        now = self.clock()
        with self._connect() as conn:
            done = conn.execute("UPDATE one_time_links SET used = ? WHERE batch = ?"
                                " AND used IS NULL AND expires >= ?", (now, link.batch, now))
        if done.rowcount == 0:  # another click took it between the look and the use
            raise LinkRefused("used")
        return link

    def _checked_digest(self, token: str) -> str:
        try:
            link_id = self._signer.loads(token)
        except BadSignature as exc:
            raise LinkRefused("forged") from exc
        if not isinstance(link_id, str):
            raise LinkRefused("forged")
        return _digest(link_id)
