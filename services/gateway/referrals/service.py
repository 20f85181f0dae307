"""The referral service: what the API and the CLI do with referrals, in one place."""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from typing import Any

import pluggy

from linkwell.config import settings
from linkwell.gateway.referrals.crypto import LinkSigner, ResponseToken, derive
from linkwell.gateway.referrals.model import (
    ACCEPTED,
    DECLINED,
    RECEIVED,
    WITHDRAWN,
    Asset,
    DeadLetter,
    Person,
    Referral,
)
from linkwell.gateway.referrals.outbox import Deliverer, Outbox, RetryPolicy
from linkwell.gateway.referrals.reference import new_reference, normalise_reference
from linkwell.gateway.referrals.settings import referral_settings, referrals_keys
from linkwell.gateway.referrals.store import ReferralStore, SQLStore
from linkwell.gateway.referrals.stores import open_store
from linkwell.gateway.referrals.targets import RouteError, load_routes, resolve
from linkwell.gateway.referrals.workspace import Workspace
from linkwell.plugins.manager import builtin_plugins, plugin_manager

log = logging.getLogger("linkwell.referrals")
DAY = 86400
# Built-in deliverers, from the one list of built-in plugins (linkwell.plugins.manager).
DELIVERERS = builtin_plugins("referrals")


class ReferralError(Exception):
    """A request about a referral that cannot be done; ``code`` is the HTTP status to give."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def referral_plugins(settings: dict[str, Any]) -> pluggy.PluginManager:
    return plugin_manager(builtins=DELIVERERS, config=settings)


class Referrals:
    """Store, outbox and signed links, built from settings (see :mod:`.settings`)."""

    def __init__(self, config: dict[str, Any] | None = None, *,
                 store: ReferralStore | None = None, pm: pluggy.PluginManager | None = None,
                 clock: Callable[[], float] = time.time) -> None:
        self.settings = referral_settings(config)
        # Class-based plugins get every setting the app has, with the referral ones resolved.
        plugin_config = {**(config if config is not None else settings()), **self.settings}
        self.clock = clock
        self.store = store or open_store(self.settings)
        link_key = self.settings.get("REFERRALS_LINK_KEY")
        key = str(link_key).encode() if link_key else derive(
            referrals_keys(self.settings)[0], "links")
        self.signer = LinkSigner(key)
        self.deliverer = Deliverer(pm or referral_plugins(plugin_config), self.settings,
                                   self.signer)
        self._thread: threading.Thread | None = None
        self._thread_pid: int | None = None
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._lock = threading.Lock()

    # --- the person's side ---------------------------------------------------------------

    def accepts_referrals(self, asset: Asset) -> bool:
        """Whether a referral for ``asset`` has somewhere to go that Linkwell can deliver to.

        Checked before a referral is taken, so nobody is told "sent" for a group that
        Linkwell cannot reach (no email or route; email with no SMTP server and no plugin).
        """
        try:
            target = resolve(asset, load_routes(self.settings["REFERRALS_ROUTES"]),
                             self.settings.get("REFERRALS_WEBHOOK_SECRET"))
        except RouteError:
            log.exception("the referral routes cannot be used")
            return False
        if target is None:
            return False
        if target.kind == "email" and not self.settings.get("SMTP_HOST"):
            hook = self.deliverer.pm.hook.linkwell_deliver_referral
            return any(impl.plugin_name not in DELIVERERS for impl in hook.get_hookimpls())
        return True

    def decoy(self, kind: str, asset: Asset, contact_method: str, referrer: str) -> Referral:
        """A referral a robot made (it filled in the hidden field): stored with no personal
        details and never sent, so its reference answers ``/status`` (and can be withdrawn)
        exactly as a real one does and the robot cannot tell it was caught."""
        now = self.clock()
        referral = Referral(reference=new_reference(), kind=kind, asset=asset,
                            status=RECEIVED, created=now, updated=now, referrer=referrer,
                            follow_up=False, person=Person("", contact_method))
        self.store.add(referral, next_attempt=now, deliver=False)
        return referral

    def create(self, kind: str, asset: Asset, person: Person, *, follow_up: bool,
               referrer: str) -> Referral:
        """Store a referral and queue its delivery; it is committed when this returns."""
        now = self.clock()
        referral = Referral(reference=new_reference(), kind=kind, asset=asset,
                            status=RECEIVED, created=now, updated=now, referrer=referrer,
                            follow_up=follow_up, person=person)
        self.store.add(referral, next_attempt=now)
        log.info("referral received", extra={"reference": referral.reference,
                                              "asset_id": asset.id, "kind": kind})
        self._wake.set()  # the background worker, if running, delivers it now
        return referral

    def find(self, typed: str) -> Referral:
        reference = normalise_reference(typed)
        referral = self.store.get(reference) if reference else None
        if referral is None:
            raise ReferralError(404, "There is no referral with that reference. Please check "
                                     "it and try again.")
        return referral

    def erase(self, typed: str, reason: str = "request") -> Referral:
        """Erase a referral's personal fields (on request); the anonymous record stays."""
        referral = self.find(typed)
        self.store.erase(referral.reference, reason, self.clock())
        log.info("referral details erased", extra={"reference": referral.reference,
                                                    "reason": reason})
        return self.find(referral.reference)

    @property
    def workspace(self) -> Workspace:
        """The link workers' casework, kept in the same store."""
        if not isinstance(self.store, SQLStore):
            raise ReferralError(503, "This referral store keeps no casework.")
        return Workspace(self.store)

    # --- the group's side ----------------------------------------------------------------

    def respond(self, token: str, reason: str = "") -> tuple[Referral, ResponseToken]:
        """Record the group's accept or decline from a signed link (a "no" may say why, for
        the link worker: it is sealed like the person's details)."""
        try:
            checked = self.signer.check(token, self.clock())
        except ValueError as exc:
            raise ReferralError(403, str(exc)) from exc
        referral = self.find(checked.reference)
        if referral.status == WITHDRAWN:
            raise ReferralError(410, "The person has withdrawn this request, and their "
                                     "details have been erased. Please delete any copy you "
                                     "have.")
        status = ACCEPTED if checked.decision == "accept" else DECLINED
        self.store.set_status(referral.reference, status, self.clock())
        if status == DECLINED and reason.strip():
            self.workspace.decline_reason(referral.reference, reason.strip(), self.clock())
        log.info("referral answered by the group", extra={"reference": referral.reference,
                                                          "status": status})
        return self.find(referral.reference), checked

    def check_token(self, token: str) -> ResponseToken:
        try:
            return self.signer.check(token, self.clock())
        except ValueError as exc:
            raise ReferralError(403, str(exc)) from exc

    # --- admins --------------------------------------------------------------------------

    def dead_letters(self) -> list[DeadLetter]:
        return self.store.dead_letters()

    def requeue(self, typed: str) -> bool:
        referral = self.find(typed)
        done = self.store.requeue(referral.reference, self.clock())
        self._wake.set()
        return done

    def purge(self) -> int:
        """Erase details older than the retention period; how many were erased."""
        days = int(self.settings["REFERRALS_RETENTION_DAYS"])
        erased = self.store.purge(self.clock() - days * DAY, self.clock())
        if erased:
            log.info("referral details erased after the retention period",
                     extra={"count": erased, "retention_days": days})
        return erased

    def stats(self) -> dict[str, Any]:
        return self.store.stats()

    # --- delivery ------------------------------------------------------------------------

    def outbox(self, worker_id: str | None = None) -> Outbox:
        s = self.settings
        policy = RetryPolicy(s["REFERRALS_RETRY_BASE_SECONDS"], s["REFERRALS_RETRY_MAX_SECONDS"],
                             s["REFERRALS_MAX_ATTEMPTS"])
        return Outbox(self.store, self.deliverer, policy, s["REFERRALS_LEASE_SECONDS"],
                      self.clock, worker_id)

    def work(self, stop: threading.Event, wake: threading.Event | None = None) -> None:
        """The worker loop: purge once at start-up, then deliver until ``stop`` is set."""
        try:
            self.purge()
        except Exception as exc:  # a failed purge must not stop deliveries; it runs again
            log.warning("referral purge failed: %s", type(exc).__name__)
        self.outbox().run(stop, wake, float(self.settings["REFERRALS_POLL_SECONDS"]))

    def ensure_worker(self) -> None:
        """Start the background delivery thread in this process, once (also after a fork)."""
        if self.settings["REFERRALS_WORKER"] != "thread":
            return
        if self._thread_pid == os.getpid() and self._thread and self._thread.is_alive():
            return
        with self._lock:
            if self._thread_pid == os.getpid() and self._thread and self._thread.is_alive():
                return
            self._stop = threading.Event()
            self._thread = threading.Thread(target=self.work, args=(self._stop, self._wake),
                                            name="linkwell-referrals-outbox", daemon=True)
            self._thread_pid = os.getpid()
            self._thread.start()

    def stop_worker(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
