"""The outbox worker: delivers stored referrals through the plugins, with retries and back-off.

A referral is in the store before the person is told anything. A worker claims it with a
lease, hands it to the ``linkwell_deliver_referral`` hook, and records the outcome: delivered,
tried again later (exponential back-off), or dead-lettered for an admin after repeated
failures. A worker killed mid-way loses nothing: its lease runs out and another worker (or
the same one, restarted) tries again with the same idempotency key. An email is the
exception, as a mail system cannot tell a repeat: one whose worker died while sending it
may have arrived, so it goes to the dead letters for an admin, never out a second time.
"""

from __future__ import annotations

import logging
import os
import random
import socket
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pluggy

from linkwell.gateway.referrals.crypto import LinkSigner
from linkwell.gateway.referrals.model import (
    DeliveryFailed,
    DeliveryReceipt,
    Job,
    PermanentDeliveryError,
    Referral,
    ReferralDelivery,
    ResponseLinks,
)
from linkwell.gateway.referrals.store import ReferralStore
from linkwell.gateway.referrals.targets import RouteError, load_routes, resolve

log = logging.getLogger("linkwell.referrals.outbox")
# Channels whose receivers cannot tell a repeat by its idempotency key: a mail system
# delivers the same Message-ID twice. A worker killed mid-send leaves the outcome unknown,
# so such a referral is not sent again by itself but handed to an admin (dead letters).
SENT_ONCE = frozenset({"email"})
INTERRUPTED = ("the worker stopped while sending this email, so it may have arrived: ask "
               "the group, and retry it from the dead letters only if it did not")
DAY = 86400

# A process that forks (gunicorn forking workers from a preloaded app) waits until no delivery
# is half-way: a child must not inherit a database or socket library's lock held mid-call by
# a thread that does not exist in the child.
FORK_GUARD = threading.RLock()
if hasattr(os, "register_at_fork"):
    os.register_at_fork(before=FORK_GUARD.acquire, after_in_parent=FORK_GUARD.release,
                        after_in_child=FORK_GUARD.release)


@dataclass(frozen=True)
class RetryPolicy:
    base: float = 60.0
    ceiling: float = 3600.0
    max_attempts: int = 36

    def delay(self, attempts: int) -> float:
        """Seconds before the next try after ``attempts`` tries: doubling, capped, jittered."""
        plain = min(self.ceiling, self.base * 2 ** max(0, attempts - 1))
        return plain * random.uniform(0.9, 1.1)  # spread retries from many referrals out


class Deliverer:
    """Turns a stored referral into a :class:`ReferralDelivery` and asks the plugins."""

    def __init__(self, pm: pluggy.PluginManager, settings: dict[str, Any],
                 signer: LinkSigner) -> None:
        self.pm = pm
        self.settings = settings
        self.signer = signer

    def links(self, reference: str, created: float) -> ResponseLinks:
        expires = int(created + DAY * int(self.settings["REFERRALS_LINK_DAYS"]))
        base = str(self.settings["PUBLIC_URL"]).rstrip("/")
        accept = self.signer.token(reference, "accept", expires)
        decline = self.signer.token(reference, "decline", expires)
        return ResponseLinks(f"{base}/referrals/respond/{accept}",
                             f"{base}/referrals/respond/{decline}", float(expires))

    def delivery(self, job: Job, referral: Referral) -> ReferralDelivery:
        if referral.person is None:
            raise PermanentDeliveryError("the details were erased before delivery")
        try:
            target = resolve(referral.asset, load_routes(self.settings["REFERRALS_ROUTES"]),
                             self.settings.get("REFERRALS_WEBHOOK_SECRET"))
        except RouteError as exc:
            raise PermanentDeliveryError(str(exc)) from exc
        if target is None:
            raise PermanentDeliveryError("the listing has no email address or referral route")
        return ReferralDelivery(
            reference=referral.reference, idempotency_key=job.idempotency_key,
            kind=referral.kind, asset=referral.asset, person=referral.person, target=target,
            links=self.links(referral.reference, referral.created), referrer=referral.referrer,
            follow_up=referral.follow_up, created=referral.created, attempt=job.attempts,
            record_code=referral.record_code)

    def deliver(self, job: Job, referral: Referral) -> DeliveryReceipt:
        return self.send(self.delivery(job, referral))

    def send(self, delivery: ReferralDelivery) -> DeliveryReceipt:
        receipt: DeliveryReceipt | None = self.pm.hook.linkwell_deliver_referral(
            delivery=delivery)
        if receipt is None:
            raise PermanentDeliveryError(f"no plugin delivers to {delivery.target.kind!r} targets")
        return receipt


class Outbox:
    """Claims due referrals and delivers them; one instance per worker."""

    def __init__(self, store: ReferralStore, deliverer: Deliverer, policy: RetryPolicy,
                 lease: float = 120.0, clock: Callable[[], float] = time.time,
                 worker_id: str | None = None) -> None:
        self.store = store
        self.deliverer = deliverer
        self.policy = policy
        self.lease = lease
        self.clock = clock
        self.worker_id = worker_id or f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"

    def run_once(self, limit: int = 1000) -> int:
        """Deliver every referral that is due now (up to ``limit``); how many were tried."""
        tried = 0
        while tried < limit:
            with FORK_GUARD:
                claimed = self.store.claim(self.worker_id, self.clock(), self.lease)
                if claimed is None:
                    break
                self.attempt(*claimed)
            tried += 1
        return tried

    def attempt(self, job: Job, referral: Referral) -> bool:
        """One delivery attempt; True if the referral was delivered."""
        try:
            delivery = self.deliverer.delivery(job, referral)
            if delivery.target.kind in SENT_ONCE and not self.store.begin_sending(
                    job.reference, self.worker_id, self.clock()):
                raise PermanentDeliveryError(INTERRUPTED)
            receipt = self.deliverer.send(delivery)
        except DeliveryFailed as exc:
            self._failed(job, str(exc), permanent=isinstance(exc, PermanentDeliveryError))
            return False
        except Exception as exc:  # a plugin's bug must not lose the referral: retry it
            log.exception("referral deliverer raised unexpectedly",
                          extra={"reference": job.reference})
            self._failed(job, f"the deliverer failed ({type(exc).__name__})", permanent=False)
            return False
        if self.store.delivered(job.reference, self.worker_id, receipt.channel, self.clock()):
            log.info("referral delivered", extra={"reference": job.reference,
                                                  "channel": receipt.channel,
                                                  "attempt": job.attempts})
        return True

    def _failed(self, job: Job, error: str, permanent: bool) -> None:
        dead = permanent or job.attempts >= self.policy.max_attempts
        next_attempt = self.clock() + self.policy.delay(job.attempts)
        self.store.failed(job.reference, self.worker_id, error, next_attempt, dead)
        if dead:
            log.error("referral could not be delivered: an admin needs to look",
                      extra={"reference": job.reference, "attempts": job.attempts,
                             "reason": error})
        else:
            log.warning("referral delivery failed; will try again",
                        extra={"reference": job.reference, "attempts": job.attempts,
                               "reason": error, "retry_in_s": round(next_attempt - self.clock())})

    def run(self, stop: threading.Event, wake: threading.Event | None = None,
            poll: float = 5.0) -> None:
        """Deliver until ``stop`` is set; ``wake`` cuts a wait short (a new referral came in)."""
        wake = wake or threading.Event()
        while not stop.is_set():
            try:
                self.run_once()
            except Exception as exc:  # the store may be briefly unreachable: keep going
                log.warning("referral outbox could not run: %s", type(exc).__name__)
            wake.wait(poll)
            wake.clear()
