"""Ask groups, on a cycle, whether their listings are still true (issue 15 item 1).

``linkwell confirmations send`` (or :func:`send_due`, daily from cron or a timer) finds each
active listing whose ``last_confirmed`` is older than its borough's period (default six
months), emails its published address once with three signed links (still running,
something has changed, we have stopped), reminds twice with growing gaps, and hands a round
with no answer, or whose email bounced, to the borough's data officer. Emails go through the
referral outbox's worker: exactly once, surviving restarts.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from email.message import EmailMessage
from email.utils import formatdate
from typing import Any, cast

from flask import Flask, current_app

from linkwell.client import ServiceClient
from linkwell.gateway.confirmations.store import ConfirmationStore, Mail, Round
from linkwell.gateway.referrals.model import DeliveryReceipt, DeliveryTarget, Job
from linkwell.gateway.referrals.outbox import Outbox, RetryPolicy
from linkwell.gateway.referrals.settings import referral_settings
from linkwell.gateway.referrals.smtp import SmtpDeliverer
from linkwell.gateway.referrals.targets import published_email

log = logging.getLogger("linkwell.gateway.confirmations")
DAY = 86400.0
DEFAULTS: dict[str, Any] = {
    "CONFIRM_PERIOD_DAYS": 182,  # ask when last_confirmed is older than this ...
    "CONFIRM_PERIODS": None,  # ... or a borough's own: {"lewisham": 90} or "lewisham=90,camden=365"
    "CONFIRM_REMINDER_DAYS": (14, 28, 28),  # waits: to reminder 1, to reminder 2, to the officer
    "CONFIRM_LINK_DAYS": 60,
}
ANSWERS = ("still", "changed", "stopped")
PURPOSE = "confirm"


def init_app(app: Flask) -> None:
    for name, value in DEFAULTS.items():
        app.config.setdefault(name, value)
    ConfirmationStore.install(app)


def store() -> ConfirmationStore:
    return ConfirmationStore.current()


def periods(config: Mapping[str, Any]) -> tuple[int, dict[str, int]]:
    """The default period in days and each borough's own."""
    given = config.get("CONFIRM_PERIODS") or {}
    if isinstance(given, str):
        given = dict(part.strip().split("=", 1) for part in given.split(",") if "=" in part)
    return int(config["CONFIRM_PERIOD_DAYS"]), {k: int(v) for k, v in given.items()}


@dataclass
class Report:
    asked: int = 0
    reminded: int = 0
    to_officer: int = 0
    sent: int = 0
    skipped: dict[str, int] = field(default_factory=dict)


def send_due(app: Flask, directory: ServiceClient, feeds: list[str],
             today: date | None = None) -> Report:
    """One pass: start rounds for stale listings, remind or hand over due ones, send mail."""
    report = Report()
    with app.app_context():
        day = today or date.today()
        default, own = periods(app.config)
        for feed in feeds:
            cutoff = (day - timedelta(days=own.get(feed, default))).isoformat()
            for listing_id in directory.get("/assets/ids", feed=feed)["ids"]:
                _consider(directory, feed, listing_id, cutoff, report)
        _follow_up(app, report)
        report.sent = outbox(app).run_once()
    return report


def _consider(directory: ServiceClient, feed: str, listing_id: str, cutoff: str,
              report: Report) -> None:
    summary = directory.get(f"/services/{listing_id}")
    listing, record = summary["summary"], summary["record"]
    confirmed = listing.get("last_confirmed") or ""
    if listing.get("status", "active") != "active" or confirmed >= cutoff:
        return
    if store().open_round(listing_id) is not None:
        return
    name = str(listing.get("name") or listing_id)
    address = published_email(record)
    if address is None:
        store().queue(feed, listing_id, name, "no contact email",
                      f"last confirmed {confirmed or 'never'}; no email to ask")
        report.to_officer += 1
        return
    waits = current_app.config["CONFIRM_REMINDER_DAYS"]
    store().start(listing_id, feed, name, address, store().clock() + float(waits[0]) * DAY)
    report.asked += 1


def _follow_up(app: Flask, report: Report) -> None:
    waits = app.config["CONFIRM_REMINDER_DAYS"]
    for due in store().due(store().clock()):
        if due.reminders < 2:
            store().remind(due.id, store().clock() + float(waits[due.reminders + 1]) * DAY)
            report.reminded += 1
        else:
            store().to_officer(due.id, "no answer",
                               "asked, and reminded twice, with no answer")
            report.to_officer += 1


@dataclass(frozen=True)
class ConfirmationDelivery:
    target: DeliveryTarget
    message: EmailMessage
    batch: str = ""
    tokens: tuple[str, ...] = ()


class ConfirmationDeliverer:
    """What the outbox calls to turn a queued email into a message, and to send it."""

    def __init__(self, app: Flask) -> None:
        self.app = app
        self.settings = referral_settings(app.config)
        self.smtp = SmtpDeliverer(self.settings)

    def delivery(self, job: Job, mail: Mail) -> ConfirmationDelivery:
        found = mail.round
        assert found.email is not None
        message = EmailMessage()
        message["From"] = str(self.settings["SMTP_FROM"])
        message["To"] = found.email
        message["Subject"] = subject(mail)
        message["Date"] = formatdate(usegmt=True)
        message["Message-ID"] = f"<confirm-{job.idempotency_key}@linkwell.confirmations>"
        tokens = self._links(found)
        base = str(self.settings["PUBLIC_URL"]).rstrip("/")
        message.set_content(body(mail, {answer: f"{base}/confirm/{token}"
                                        for answer, token in tokens.items()}))
        return ConfirmationDelivery(DeliveryTarget("email", found.email), message,
                                    found.batch, tuple(tokens.values()))

    def send(self, delivery: ConfirmationDelivery) -> DeliveryReceipt:
        self.smtp.send(delivery.message)
        if delivery.batch:
            # Sent: the earlier emails' links stop working, so only the latest email's do
            # (not before, or a failed send would leave the group with no working link).
            self.app.extensions["linkwell.links"].supersede(delivery.batch,
                                                            list(delivery.tokens))
        return DeliveryReceipt("email", str(delivery.message["Message-ID"]))

    def _links(self, found: Round) -> dict[str, str]:
        # Fresh links for each email, all in the round's batch: one answer uses them all.
        links = self.app.extensions["linkwell.links"]
        seconds = float(self.app.config["CONFIRM_LINK_DAYS"]) * DAY
        return {answer: links.issue(PURPOSE, found.id, seconds, {"answer": answer},
                                    batch=found.batch)
                for answer in ANSWERS}


def subject(mail: Mail) -> str:
    prefix = "Reminder: " if mail.kind.startswith("reminder") else ""
    return f"{prefix}Is your Linkwell listing still right? {mail.round.name}"


def body(mail: Mail, links: dict[str, str]) -> str:
    return (
        f"Hello,\n\nLinkwell lists \"{mail.round.name}\" so that link workers and local people "
        "can find you. Please tell us, with one click, whether it is still right:\n\n"
        f"Yes, we still run as listed:\n{links['still']}\n\n"
        f"Something has changed (you can correct it):\n{links['changed']}\n\n"
        f"We have stopped:\n{links['stopped']}\n\n"
        "Each link asks you to press one button, and works once. If you do not answer, we "
        "will remind you twice, then ask the borough's data officer to check.\n")


def outbox(app: Flask) -> Outbox:
    settings = referral_settings(app.config)
    policy = RetryPolicy(settings["REFERRALS_RETRY_BASE_SECONDS"],
                         settings["REFERRALS_RETRY_MAX_SECONDS"],
                         settings["REFERRALS_MAX_ATTEMPTS"])
    found = app.extensions["linkwell.confirmations"]
    # The outbox's worker, with this store and deliverer in place of the referral ones:
    # they answer the same calls (claim, begin_sending, delivered, failed; delivery, send).
    return Outbox(cast(Any, found), cast(Any, ConfirmationDeliverer(app)), policy,
                  lease=settings["REFERRALS_LEASE_SECONDS"], clock=found.clock)
