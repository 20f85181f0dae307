"""Per-client rate limits: a sliding one-minute window, in memory, per gateway process."""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

WINDOW_SECONDS = 60.0


class RateLimiter:
    """Allows ``limit`` requests per client in any rolling minute."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._seen: dict[str, deque[float]] = {}
        self._lock = threading.Lock()
        self._clock = clock

    def hit(self, client: str, limit: int) -> float | None:
        """Record a request; None if allowed, else the seconds until one would be."""
        now = self._clock()
        with self._lock:
            stamps = self._seen.setdefault(client, deque())
            while stamps and now - stamps[0] >= WINDOW_SECONDS:
                stamps.popleft()
            if len(stamps) >= limit:
                return max(0.0, WINDOW_SECONDS - (now - stamps[0]))
            stamps.append(now)
            if len(self._seen) > 100_000:  # bound memory under a flood of one-off clients
                self._forget_idle(now)
            return None

    def _forget_idle(self, now: float) -> None:
        idle = [c for c, s in self._seen.items() if not s or now - s[-1] >= WINDOW_SECONDS]
        for client in idle:
            del self._seen[client]
