"""The link worker's side of a referral: its team and need, the group's reason for a "no",
whether the person went, and their ONS4 wellbeing scores before and after.

Kept beside the referral in the same store (SQLite or PostgreSQL), in tables of their own.
Nothing here adds identity: rows are keyed by the referral's reference only, the scores and
the group's reason are sealed like the person's details, and erasing a referral deletes them,
leaving only an anonymous count of how many wellbeing records were erased.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from linkwell.gateway.referrals.codes import ONS4_QUESTIONS
from linkwell.gateway.referrals.model import (
    ACCEPTED,
    ATTENDANCE,
    RECEIVED,
    SENT,
    Referral,
)
from linkwell.gateway.referrals.tables import (
    REFERRAL_COLUMNS,
    Database,
    Transaction,
    referral_from_row,
)

DAY = 86400
REMINDER_DAYS = 7
FIRST_MEETING, FOLLOW_UP = "first_meeting", "follow_up"
PHASES = (FIRST_MEETING, FOLLOW_UP)
ONS4_KEYS = tuple(ONS4_QUESTIONS)
MAX_REASON = 500
# What a link worker sees: "received" means Linkwell has it and is sending it, "sent" that
# the group's inbox took it. The stored names stay as the referral API has always given them.
WORKSPACE_STATUS = {RECEIVED: "sent", SENT: "delivered"}
# The group has not answered yet: after REMINDER_DAYS the link worker is reminded to chase.
AWAITING = (RECEIVED, SENT)


@dataclass(frozen=True)
class Wellbeing:
    """One ONS4: four answers, 0 to 10 (for anxiety, lower is better)."""

    phase: str
    scores: dict[str, int]
    recorded: float


@dataclass(frozen=True)
class Casework:
    """A referral as its link worker follows it."""

    referral: Referral
    team: str = ""
    link_worker: str = ""
    need: str = ""
    decline_reason: str | None = None
    wellbeing: dict[str, Wellbeing] = field(default_factory=dict)

    @property
    def status(self) -> str:
        return WORKSPACE_STATUS.get(self.referral.status, self.referral.status)

    def needs_reminder(self, now: float) -> bool:
        """No answer from the group after a week: the link worker should chase it."""
        return (self.referral.status in AWAITING
                and now - self.referral.created >= REMINDER_DAYS * DAY)


class WellbeingError(ValueError):
    """Scores that cannot be stored; ``field`` names the one at fault."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(f"{field_name}: {message}")
        self.field = field_name
        self.message = message


def checked_scores(phase: str, scores: dict[str, Any]) -> dict[str, int]:
    """The four answers as whole numbers 0-10, or a WellbeingError naming the field."""
    if phase not in PHASES:
        raise WellbeingError("phase", f"must be one of {', '.join(PHASES)}")
    unknown = sorted(set(scores) - set(ONS4_KEYS))
    if unknown:
        raise WellbeingError(unknown[0], "is not an ONS4 question")
    out = {}
    for key in ONS4_KEYS:
        value = scores.get(key)
        if isinstance(value, bool) or not isinstance(value, int):
            raise WellbeingError(key, "must be a whole number from 0 to 10")
        if not 0 <= value <= 10:
            raise WellbeingError(key, "must be from 0 to 10")
        out[key] = value
    return out


def erase_casework(tx: Transaction, reference: str) -> None:
    """Part of erasing a referral: drop its scores and the group's reason, count what went."""
    rows = tx.execute("SELECT phase FROM referral_wellbeing WHERE reference = ?",
                      (reference,)).fetchall()
    for (phase,) in rows:
        tx.execute("INSERT INTO wellbeing_erased (phase, erased) VALUES (?, 1)"
                   " ON CONFLICT (phase) DO UPDATE SET erased = wellbeing_erased.erased + 1",
                   (phase,))
    tx.execute("DELETE FROM referral_wellbeing WHERE reference = ?", (reference,))
    tx.execute("UPDATE referral_notes SET decline_reason = NULL, link_worker = ''"
               " WHERE reference = ?", (reference,))


def _day(moment: float) -> float:
    return float(int(moment) - int(moment) % DAY)


class Workspace:
    """The link worker's records, in the referral store's database."""

    def __init__(self, store: Database) -> None:
        self.store = store
        self.sealer = store.sealer

    def note(self, reference: str, *, team: str, link_worker: str = "", need: str = "",
             consent: str = "", now: float) -> None:
        """Which team made the referral, who in it, for which need (a taxonomy term), and
        the consent in the words the person was shown."""
        with self.store.transaction() as tx:
            tx.execute("INSERT INTO referral_notes (reference, team, link_worker, need, consent,"
                       " updated) VALUES (?,?,?,?,?,?) ON CONFLICT (reference) DO UPDATE SET"
                       " team = excluded.team, link_worker = excluded.link_worker,"
                       " need = excluded.need, consent = excluded.consent,"
                       " updated = excluded.updated",
                       (reference, team, link_worker, need, consent, now))

    def viewed(self, references: list[str], account: str, action: str, now: float) -> None:
        """The audit log: ``account`` saw (or changed) these referrals."""
        with self.store.transaction() as tx:
            for reference in references:
                tx.execute("INSERT INTO referral_views (reference, account, action, viewed)"
                           " VALUES (?,?,?,?)", (reference, account, action, now))

    def views(self, reference: str) -> list[tuple[str, str, float]]:
        with self.store.transaction() as tx:
            rows = tx.execute("SELECT account, action, viewed FROM referral_views WHERE"
                              " reference = ? ORDER BY viewed", (reference,)).fetchall()
        return [(str(r[0]), str(r[1]), float(r[2])) for r in rows]

    def decline_reason(self, reference: str, reason: str, now: float) -> None:
        """The group's reason for saying no (sealed: a group may name the person in it)."""
        sealed = self.sealer.seal(f"{reference}:reason", {"reason": reason[:MAX_REASON]})
        with self.store.transaction() as tx:
            tx.execute("INSERT INTO referral_notes (reference, decline_reason, updated)"
                       " VALUES (?,?,?) ON CONFLICT (reference) DO UPDATE SET"
                       " decline_reason = excluded.decline_reason, updated = excluded.updated",
                       (reference, sealed, now))

    def attendance(self, reference: str, status: str, now: float) -> bool:
        """Record "joined" or "did not attend"; False if the referral was withdrawn, declined
        or erased (there is then nothing to follow up)."""
        if status not in ATTENDANCE:
            raise WellbeingError("status", f"must be one of {', '.join(ATTENDANCE)}")
        with self.store.transaction() as tx:
            done = tx.execute("UPDATE referrals SET status = ?, updated = ? WHERE reference = ?"
                              " AND details IS NOT NULL AND status IN (?,?,?,?,?)",
                              (status, now, reference, RECEIVED, SENT, ACCEPTED, *ATTENDANCE))
        return done.rowcount == 1

    def record_wellbeing(self, reference: str, phase: str, scores: dict[str, Any],
                         now: float) -> bool:
        """Store (or correct) an ONS4; False if the referral's details are already erased."""
        clean = checked_scores(phase, scores)
        sealed = self.sealer.seal(f"{reference}:{phase}", clean)
        with self.store.transaction() as tx:
            live = tx.execute("SELECT 1 FROM referrals WHERE reference = ? AND details IS NOT"
                              " NULL", (reference,)).fetchone()
            if live is None:
                return False
            tx.execute("INSERT INTO referral_wellbeing (reference, phase, scores, recorded)"
                       " VALUES (?,?,?,?) ON CONFLICT (reference, phase) DO UPDATE SET"
                       " scores = excluded.scores, recorded = excluded.recorded",
                       (reference, phase, sealed, _day(now)))
        return True

    def casework(self, reference: str) -> Casework | None:
        found = self.cases(reference=reference)
        return found[0] if found else None

    def cases(self, *, team: str | None = None, link_worker: str | None = None,
             reference: str | None = None) -> list[Casework]:
        """Referrals with their casework, newest first; ``team`` and ``link_worker`` narrow."""
        where, params = ["1 = 1"], []
        for column, value in (("n.team", team), ("n.link_worker", link_worker),
                              ("r.reference", reference)):
            if value is not None:
                where.append(f"{column} = ?")
                params.append(value)
        columns = ", ".join(f"r.{c.strip()}" for c in REFERRAL_COLUMNS.split(","))
        with self.store.transaction() as tx:
            rows = tx.execute(f"SELECT {columns}, n.team, n.link_worker, n.need,"
                              " n.decline_reason FROM referrals r LEFT JOIN referral_notes n"
                              f" ON n.reference = r.reference WHERE {' AND '.join(where)}"
                              " ORDER BY r.created DESC, r.reference", tuple(params)).fetchall()
            scores = self._wellbeing(tx, [row[0] for row in rows])
        return [self._casework(row, scores.get(row[0], {})) for row in rows]

    def erased_counts(self) -> dict[str, int]:
        with self.store.transaction() as tx:
            rows = tx.execute("SELECT phase, erased FROM wellbeing_erased").fetchall()
        return {str(r[0]): int(r[1]) for r in rows}

    def _wellbeing(self, tx: Transaction,
                   references: list[str]) -> dict[str, dict[str, Wellbeing]]:
        out: dict[str, dict[str, Wellbeing]] = {}
        if not references:
            return out
        marks = ",".join("?" for _ in references)
        rows = tx.execute("SELECT reference, phase, scores, recorded FROM referral_wellbeing"
                          f" WHERE reference IN ({marks})", tuple(references)).fetchall()
        for reference, phase, blob, recorded in rows:
            scores = self.sealer.open(f"{reference}:{phase}", blob)
            out.setdefault(reference, {})[phase] = Wellbeing(phase, scores, float(recorded))
        return out

    def _casework(self, row: Any, wellbeing: dict[str, Wellbeing]) -> Casework:
        referral = referral_from_row(row[:14], self.sealer)
        reason = None
        if row[17] is not None:
            reason = str(self.sealer.open(f"{referral.reference}:reason", row[17])["reason"])
        return Casework(referral, team=row[14] or "", link_worker=row[15] or "",
                        need=row[16] or "", decline_reason=reason, wellbeing=wellbeing)


__all__ = ["AWAITING", "FIRST_MEETING", "FOLLOW_UP", "PHASES", "Casework",
           "Wellbeing", "WellbeingError", "Workspace", "checked_scores", "erase_casework"]
