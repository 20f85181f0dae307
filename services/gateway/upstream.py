"""Calls from the gateway to the directory and the matcher, each within its request's deadline.

Three guards keep one slow service from holding the gateway:

- the deadline (``linkwell.deadline``): a search has 2 s in all, a match 4 s, shared by its
  calls; a retry only for a call that failed at once (a refused connection), only while time
  is left;
- the bulkhead: at most ``limit`` calls in flight to one service, so a hung service can take
  that many of the gateway's threads, never all of them;
- the breaker: it opens after failures in a row, or as soon as ``slow_calls`` calls are in
  flight past ``slow_after`` (a hung service fails no call until its timeouts run out, and by
  then every thread would wait on it). While open, calls are refused at once with a 503 and
  ``Retry-After``; one probe at a time asks the service's ``/readyz`` and closes the breaker
  the moment it answers, so calls flow again within a fraction of a second of recovery.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import requests
from flask import Flask, g, has_request_context

from linkwell import deadline
from linkwell.client import ServiceClient, ServiceError, parse
from linkwell.errors import Unavailable

log = logging.getLogger(__name__)
PROBE_EVERY = 0.25  # seconds between probes of an open breaker's service
PROBE_TIMEOUT = 0.5  # a service's /readyz answers from kept state: this is generous
PROBE_FOR = 30.0  # seconds a probe goes on after the last call that wanted the service
WATCH_EVERY = 1.0  # seconds between readings of a service's own readiness (read, write)


class Refused(Unavailable):
    """Refused without calling the service: it is known to be down, or too busy to wait on."""

    def __init__(self, message: str, retry_after: int = 1) -> None:
        super().__init__(message)
        self.retry_after = retry_after


@dataclass
class Breaker:
    """Closed (calls go through) or open (refused at once until a probe finds the service)."""

    threshold: int = 3  # failures in a row that open it
    slow_calls: int = 3  # ... or this many calls in flight at once past slow_after
    slow_after: float = 1.0
    opened_at: float | None = None
    failures: int = 0
    _in_flight: dict[int, float] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _next_call: int = 0

    @property
    def is_open(self) -> bool:
        return self.opened_at is not None

    def start(self) -> int:
        """A ticket for one call, or ``Refused`` when the breaker is (or now becomes) open."""
        with self._lock:
            now = time.monotonic()
            if self.opened_at is None and self._slow(now) >= self.slow_calls:
                self._open(now, "calls in flight are slow")
            if self.opened_at is not None:
                raise Refused("not answering (circuit open)")
            self._next_call += 1
            self._in_flight[self._next_call] = now
            return self._next_call

    def finish(self, ticket: int, ok: bool) -> None:
        with self._lock:
            self._in_flight.pop(ticket, None)
            if ok:
                self.failures = 0
                return
            self.failures += 1
            if self.failures >= self.threshold and self.opened_at is None:
                self._open(time.monotonic(), "failures in a row")

    def close(self) -> None:
        with self._lock:
            self.opened_at, self.failures = None, 0

    def _slow(self, now: float) -> int:
        return sum(1 for began in self._in_flight.values() if now - began >= self.slow_after)

    def _open(self, now: float, why: str) -> None:
        self.opened_at = now
        log.warning("circuit opened: %s", why)


class Bulkhead:
    """At most ``limit`` calls at once; the next is refused rather than queued."""

    def __init__(self, limit: int) -> None:
        self.slots = threading.BoundedSemaphore(limit)

    def enter(self) -> None:
        if not self.slots.acquire(blocking=False):
            raise Refused("too busy (all its calls are in flight)")

    def leave(self) -> None:
        self.slots.release()


class Upstream:
    """One sibling service as the gateway sees it."""

    def __init__(self, name: str, client: ServiceClient, breaker: Breaker | None = None,
                 limit: int = 12, budget: float = 2.0) -> None:
        self.name = name
        self.client = client
        self.budget = budget  # seconds a request may spend on this service, in all
        self.breaker = breaker or Breaker()
        self.bulkhead = Bulkhead(limit)
        self._probing = threading.Lock()
        self._wanted_at = 0.0
        self._watching = threading.Lock()
        self._asked_at = 0.0
        self.readiness: dict[str, Any] = {}  # what the service's /readyz last said

    def call(self, method: str, path: str, **kwargs: Any) -> tuple[int, Any]:
        """(status, JSON body); the service's own 4xx answers pass through unchanged."""
        return self._call(self._send, method, path, **kwargs)

    def relay(self, method: str, path: str, **kwargs: Any) -> tuple[int, Any]:
        """As ``call``, but a successful answer's body is the service's own bytes, unparsed,
        for a caller that hands it on unchanged: parsing a page of results only to write the
        same JSON again was a fifth of the gateway's time on a search."""
        return self._call(self._send_raw, method, path, **kwargs)

    def _call(self, send: Callable[..., tuple[int, Any]], method: str, path: str,
              **kwargs: Any) -> tuple[int, Any]:
        try:
            self.bulkhead.enter()
        except Refused as exc:
            raise Refused(f"{self.name} is {exc}") from None
        try:
            with deadline.budget(self._left()):
                return self._guarded(send, method, path, **kwargs)
        finally:
            self.bulkhead.leave()

    def _left(self) -> float:
        """What is left of this service's budget, counted from when the request arrived."""
        arrived = g.get("arrived") if has_request_context() else None
        spent = 0.0 if arrived is None else time.monotonic() - arrived
        return self.budget - spent

    def _guarded(self, send: Callable[..., tuple[int, Any]], method: str, path: str,
                 **kwargs: Any) -> tuple[int, Any]:
        try:
            ticket = self.breaker.start()
        except Refused as exc:
            self.probe_soon()
            raise Refused(f"{self.name} is {exc}") from None
        ok = False
        try:
            status, body = send(method, path, **kwargs)
            ok = True
            return status, body
        finally:
            self.breaker.finish(ticket, ok)

    def _send(self, method: str, path: str, **kwargs: Any) -> tuple[int, Any]:
        status, body = self._send_raw(method, path, **kwargs)
        return status, parse(body) if status < 400 else body

    def _send_raw(self, method: str, path: str, **kwargs: Any) -> tuple[int, Any]:
        """(200, the body's bytes) of a success; (status, the parsed error) of a 4xx, which
        passes through; a 5xx or no answer is ``Unavailable``."""
        try:
            status, content = self.client.send(method, path, **kwargs)
        except requests.RequestException as exc:
            raise Unavailable(f"{self.name} is not answering: {type(exc).__name__}") from exc
        if status < 400:
            return 200, content
        failure = ServiceError(status, parse(content))
        if status >= 500:
            raise Unavailable(f"{self.name} failed: {status}") from failure
        return status, failure.body

    def ready(self) -> bool:
        """Whether calls go through: the breaker's state, never a wait on the service."""
        if self.breaker.is_open:
            self.probe_soon()
            return False
        return True

    def probe_soon(self) -> None:
        """Start one background probe of an open breaker's service, unless one runs."""
        self._wanted_at = time.monotonic()
        if self._probing.acquire(blocking=False):
            threading.Thread(target=self._probe, name=f"probe-{self.name}", daemon=True).start()

    def _probe(self) -> None:
        """Ask the service's /readyz until it answers (or the breaker was closed otherwise)."""
        try:
            # nobody asking for a while (a test's app long gone, say): stop until asked again
            while self.breaker.is_open and time.monotonic() - self._wanted_at < PROBE_FOR:
                began = time.monotonic()
                if self._answers():
                    self.breaker.close()
                    log.info("circuit closed: %s answers again", self.name)
                    return
                time.sleep(max(0.0, PROBE_EVERY - (time.monotonic() - began)))
        finally:
            self._probing.release()

    def known_readiness(self) -> dict[str, Any]:
        """What the service last said of itself (``read``, ``write``, ``reason``), read in the
        background while someone keeps asking: never a wait on the service."""
        self._asked_at = time.monotonic()
        if self._watching.acquire(blocking=False):
            threading.Thread(target=self._watch, name=f"watch-{self.name}", daemon=True).start()
        return {k: v for k, v in self.readiness.items() if k in ("read", "write", "reason")}

    def _watch(self) -> None:
        try:
            while time.monotonic() - self._asked_at < PROBE_FOR:
                began = time.monotonic()
                try:
                    self.readiness = self.client.request("GET", "/readyz", timeout=PROBE_TIMEOUT,
                                                         retry=False)
                except ServiceError as exc:
                    self.readiness = exc.body if isinstance(exc.body, dict) else {}
                except requests.RequestException:
                    self.readiness = {"read": False, "write": False,
                                      "reason": f"{self.name} is not answering"}
                time.sleep(max(0.0, WATCH_EVERY - (time.monotonic() - began)))
        finally:
            self._watching.release()

    def _answers(self) -> bool:
        try:
            self.client.request("GET", "/readyz", timeout=PROBE_TIMEOUT, retry=False)
        except (ServiceError, requests.RequestException):
            return False
        return True


def init_app(app: Flask) -> None:
    """Note when each request arrives: its budget counts from then, queueing included."""

    @app.before_request
    def note_arrival() -> None:
        g.arrived = time.monotonic()
