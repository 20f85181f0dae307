"""Calls from the gateway to the directory and the matcher: pooled, timed out, retried where
safe, and cut short by a circuit breaker so a dead service answers 503 at once."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Any

import requests

from linkwell.client import ServiceClient, ServiceError
from linkwell.errors import Unavailable


@dataclass
class Breaker:
    """Opens after ``threshold`` failures in a row; lets one probe through every ``cool_off``."""

    threshold: int = 3
    cool_off: float = 5.0
    failures: int = 0
    opened_at: float | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def allow(self) -> bool:
        with self._lock:
            if self.opened_at is None:
                return True
            if time.monotonic() - self.opened_at >= self.cool_off:
                self.opened_at = time.monotonic()  # half-open: this caller probes
                return True
            return False

    def succeeded(self) -> None:
        with self._lock:
            self.failures, self.opened_at = 0, None

    def failed(self) -> None:
        with self._lock:
            self.failures += 1
            if self.failures >= self.threshold:
                self.opened_at = time.monotonic()


class Upstream:
    """One sibling service as the gateway sees it."""

    def __init__(self, name: str, client: ServiceClient, breaker: Breaker | None = None) -> None:
        self.name = name
        self.client = client
        self.breaker = breaker or Breaker()

    def call(self, method: str, path: str, **kwargs: Any) -> tuple[int, Any]:
        """(status, JSON body); the service's own 4xx answers pass through unchanged."""
        if not self.breaker.allow():
            raise Unavailable(f"{self.name} is not answering (circuit open)")
        try:
            body = self.client.request(method, path, **kwargs)
        except ServiceError as exc:
            if exc.status >= 500:
                self.breaker.failed()
                raise Unavailable(f"{self.name} failed: {exc.status}") from exc
            self.breaker.succeeded()
            return exc.status, exc.body
        except requests.RequestException as exc:
            self.breaker.failed()
            raise Unavailable(f"{self.name} is not answering: {type(exc).__name__}") from exc
        self.breaker.succeeded()
        return 200, body

    def ready(self) -> bool:
        try:
            self.client.request("GET", "/readyz", timeout=1.0)
        except (ServiceError, requests.RequestException):
            return False
        return True
