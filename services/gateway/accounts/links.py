"""Signed links that work once and expire: sign-in, and later a group's answers and claims.

A link carries a random id signed with the app's secret, so a forged or mistyped link is
refused before anything is looked up. The id is stored only as a digest, with its purpose,
what it is about, its expiry and whether it was used: using one is one atomic UPDATE, so
two clicks at once cannot both succeed. Links issued together share a batch, and using one
uses them all (an email's "still running" and "we have stopped" cannot both be taken). A
newer email's links can supersede the unused ones sent before in their batch (a reminder's
replace the first email's), so only the latest email's links work.
"""

from __future__ import annotations

import contextlib
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
    used REAL,
    superseded REAL
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
    "superseded": "A newer email has replaced this link. Please use the link in the most "
                  "recent email.",
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
            columns = {row[1] for row in conn.execute("PRAGMA table_info(one_time_links)")}
            if "superseded" not in columns:  # a file made before links could be superseded
                with contextlib.suppress(sqlite3.OperationalError):  # another process did
                    conn.execute("ALTER TABLE one_time_links ADD COLUMN superseded REAL")

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
            row = conn.execute("SELECT purpose, subject, payload, batch, expires, used,"
                               " superseded FROM one_time_links WHERE digest = ?",
                               (digest,)).fetchone()
        if row is None:
            raise LinkRefused("forged")
        link = Link(row[0], row[1], json.loads(row[2]), row[3], row[4])
        if link.purpose != purpose:
            raise LinkRefused("purpose")
        if row[5] is not None:
            raise LinkRefused("used")
        if row[6] is not None:
            raise LinkRefused("superseded")
        if self.clock() > link.expires:
            raise LinkRefused("expired")
        return link

    def redeem(self, token: str, purpose: str) -> Link:
        """Use the link (and its batch) now; :class:`LinkRefused` says why it may not be."""
        link = self.peek(token, purpose)
        now = self.clock()
        with self._connect() as conn:
            done = conn.execute("UPDATE one_time_links SET used = ? WHERE batch = ?"
                                " AND used IS NULL AND expires >= ? AND EXISTS (SELECT 1 FROM"
                                " one_time_links WHERE digest = ? AND superseded IS NULL)",
                                (now, link.batch, now, self._checked_digest(token)))
        if done.rowcount == 0:  # another click took it, or a newer email replaced it, between
            raise LinkRefused("used")  # the look and the use
        return link

    def supersede(self, batch: str, keep: list[str]) -> int:
        """Retire the batch's unused links but the ``keep`` tokens' (a newer email's)."""
        kept = [self._checked_digest(token) for token in keep]
        marks = ",".join("?" * len(kept)) or "''"
        with self._connect() as conn:
            done = conn.execute("UPDATE one_time_links SET superseded = ? WHERE batch = ? AND"
                                f" used IS NULL AND superseded IS NULL AND digest NOT IN ({marks})",
                                (self.clock(), batch, *kept))
        return int(done.rowcount)

    def _checked_digest(self, token: str) -> str:
        try:
            link_id = self._signer.loads(token)
        except BadSignature as exc:
            raise LinkRefused("forged") from exc
        if not isinstance(link_id, str):
            raise LinkRefused("forged")
        return _digest(link_id)
