"""A group's proposed changes to its listing, waiting for the borough's data officer."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

from linkwell.gateway.web.tables import AccountsTable

PENDING, APPROVED, REJECTED = "pending", "approved", "rejected"

SCHEMA = """
CREATE TABLE IF NOT EXISTS listing_proposals (
    id TEXT PRIMARY KEY,
    listing_id TEXT NOT NULL,
    feed TEXT NOT NULL,
    name TEXT NOT NULL,
    account_id TEXT NOT NULL,
    changes TEXT NOT NULL,
    shown TEXT NOT NULL,
    created REAL NOT NULL,
    state TEXT NOT NULL,
    reason TEXT,
    decided_by TEXT,
    decided REAL
);
CREATE TABLE IF NOT EXISTS report_actions (
    report_id TEXT PRIMARY KEY,
    action TEXT NOT NULL,
    by TEXT NOT NULL,
    at REAL NOT NULL
);
"""


@dataclass(frozen=True)
class Proposal:
    id: str
    listing_id: str
    feed: str
    name: str
    account_id: str
    changes: dict[str, Any]  # HSDS field -> the proposed value
    shown: dict[str, list[str]]  # the form's label -> [now, proposed], for the officer's diff
    created: float
    state: str
    reason: str | None
    decided_by: str | None


COLUMNS = ("id, listing_id, feed, name, account_id, changes, shown, created, state, reason,"
           " decided_by")


class ProposalStore(AccountsTable):
    """Proposed edits and what officers did about reports, in the gateway's SQLite file."""

    SCHEMA = SCHEMA
    EXTENSION = "linkwell.proposals"

    def propose(self, listing_id: str, feed: str, name: str, account_id: str,
                changes: dict[str, Any], shown: dict[str, list[str]]) -> Proposal:
        proposal_id = uuid.uuid4().hex[:16]
        with self._lock, self._connect() as conn:
            conn.execute(f"INSERT INTO listing_proposals ({COLUMNS}) VALUES"
                         " (?,?,?,?,?,?,?,?,?,?,?)",
                         (proposal_id, listing_id, feed, name, account_id, json.dumps(changes),
                          json.dumps(shown), self.clock(), PENDING, None, None))
        found = self.get(proposal_id)
        assert found is not None
        return found

    def decide(self, proposal_id: str, state: str, reason: str, by: str) -> bool:
        """Record the officer's decision, once (a second decision changes nothing)."""
        with self._lock, self._connect() as conn:
            done = conn.execute("UPDATE listing_proposals SET state = ?, reason = ?,"
                                " decided_by = ?, decided = ? WHERE id = ? AND state = ?",
                                (state, reason, by, self.clock(), proposal_id, PENDING))
        return done.rowcount == 1

    def get(self, proposal_id: str) -> Proposal | None:
        found = self._select("WHERE id = ?", proposal_id)
        return found[0] if found else None

    def pending(self) -> list[Proposal]:
        return self._select("WHERE state = ? ORDER BY created", PENDING)

    def for_listing(self, listing_id: str) -> list[Proposal]:
        return self._select("WHERE listing_id = ? ORDER BY created", listing_id)

    def act_on_report(self, report_id: str, action: str, by: str) -> bool:
        """Record what an officer did with a report, once."""
        with self._lock, self._connect() as conn:
            done = conn.execute("INSERT OR IGNORE INTO report_actions (report_id, action, by,"
                                " at) VALUES (?,?,?,?)", (report_id, action, by, self.clock()))
        return done.rowcount == 1

    def acted_on(self) -> dict[str, str]:
        with self._connect() as conn:
            return dict(conn.execute("SELECT report_id, action FROM report_actions").fetchall())

    def _select(self, where: str, *params: Any) -> list[Proposal]:
        with self._connect() as conn:
            rows = conn.execute(f"SELECT {COLUMNS} FROM listing_proposals {where}",
                                params).fetchall()
        return [Proposal(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]), json.loads(r[6]),
                         r[7], r[8], r[9], r[10]) for r in rows]
