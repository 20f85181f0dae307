"""Rate limits shared by every gateway process and machine: flask-limiter over one store.

The counters live where ``LINKWELL_RATE_LIMIT_STORAGE`` says: ``memory://`` (the embedded
default, one process) or ``redis://host:port/db`` (production: every worker on every machine
counts against the same budget, so 4 workers do not give a client 4 times its limit).

Two budgets, each per role: ``api`` (the public API, pages and widget) and ``openreferral``
(the read-only Open Referral UK API, which other directories and the ORUK validator walk).
Values are flask-limiter's notation (``60/minute``, ``20000/hour``, several joined by ``;``)
and come from ``LINKWELL_RATE_LIMITS`` and ``LINKWELL_ORUK_RATE_LIMITS`` as
``role=limit, role=limit``; a role left out keeps its default.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping
from typing import Any, cast

from flask import Flask, Response, request
from flask_limiter import ApplicationLimit, Limiter, RateLimitExceeded
from limits import parse
from limits.storage import RedisStorage
from redis.exceptions import NoScriptError

from linkwell.errors import error_response

log = logging.getLogger(__name__)

API, OPENREFERRAL = "api", "openreferral"
DEFAULT_LIMITS: dict[str, dict[str, str]] = {
    API: {"anonymous": "60/minute", "partner": "120/minute", "partner_server": "1200/minute",
          "link_worker": "600/minute", "data_officer": "300/minute", "admin": "1200/minute",
          "oruk_reader": "60/minute"},
    # A validator walk is about 60 requests; a sync of 20,000 services by another directory
    # is some 20,200 (each list item is partial, so each service is read by its id).
    OPENREFERRAL: {"anonymous": "600/minute", "partner": "600/minute",
                   "partner_server": "1200/minute", "link_worker": "1200/minute",
                   "data_officer": "1200/minute", "admin": "1200/minute",
                   "oruk_reader": "60000/hour"},
}
# Files that cost nothing to serve (the page's CSS, scripts, map images, the widget's script):
# a page view fetches several, and counting them would spend a person's allowance on one page.
UNLIMITED_PREFIXES = ("/static/", "/widget.js", "/widget/messages.json")
UNLIMITED_PATHS = ("/healthz", "/readyz")


def parse_limits(text: str) -> dict[str, str]:
    """``"anonymous=100/minute, partner=2/second;100/minute"`` -> {role: limit}."""
    out: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        role, sep, limit = part.partition("=")
        if not sep or not role.strip() or not limit.strip():
            raise ValueError(f"rate limit {part!r} is not role=limit, e.g. anonymous=60/minute")
        for one in limit.split(";"):
            parse(one.strip())  # a mistyped limit stops the start, not a request
        out[role.strip()] = limit.strip()
    return out


def configured_limits(config: Mapping[str, Any]) -> dict[str, dict[str, str]]:
    """The defaults, overridden by the settings (strings from the environment, or mappings)."""
    budgets = {bucket: dict(limits) for bucket, limits in DEFAULT_LIMITS.items()}
    for bucket, key in ((API, "RATE_LIMITS"), (OPENREFERRAL, "ORUK_RATE_LIMITS")):
        value = config.get(key) or {}
        overrides = parse_limits(value) if isinstance(value, str) else value
        budgets[bucket].update({role: _per_minute(limit) for role, limit in overrides.items()})
    return budgets


def _per_minute(limit: int | str) -> str:
    return f"{limit}/minute" if isinstance(limit, int) else str(limit)


def bucket_of(path: str) -> str | None:
    """Which budget a request spends, or None for what is never limited."""
    if (request.method == "OPTIONS" or path in UNLIMITED_PATHS
            or path.startswith(UNLIMITED_PREFIXES)):
        return None
    return OPENREFERRAL if path.startswith("/openreferral") else API


def init_app(app: Flask, client: Callable[[], str], role: Callable[[], str]) -> Limiter:
    """Count every request against its role's budget, keyed by ``client()``."""
    budgets = configured_limits(app.config)

    def budget(bucket: str) -> Callable[[], str]:
        return lambda: budgets[bucket].get(role(), budgets[bucket]["anonymous"])

    def exempt(bucket: str) -> Callable[[], bool]:
        return lambda: bucket_of(request.path) != bucket

    prefix = app.config.get("RATE_LIMIT_PREFIX") or "linkwell"
    storage = app.config.get("RATE_LIMIT_STORAGE") or "memory://"
    if storage.split("://", 1)[0] in OneTripRedis.SCHEMES:
        storage = OneTripRedis.SCHEME_PREFIX + storage
    limiter = Limiter(
        key_func=client,
        application_limits=[ApplicationLimit(budget(b), scope=b, exempt_when=exempt(b))
                            for b in (API, OPENREFERRAL)],
        storage_uri=storage,
        strategy=app.config.get("RATE_LIMIT_STRATEGY") or "moving-window",
        key_prefix=prefix,
        headers_enabled=True,
        # Redis down: each process counts alone until it answers again, rather than refuse.
        in_memory_fallback_enabled=True,
    )
    limiter.init_app(app)
    app.register_error_handler(RateLimitExceeded, _too_many)
    app.extensions["linkwell.limiter"] = SharedCounter(limiter, prefix)
    return limiter


def _too_many(exc: RateLimitExceeded) -> Response:
    # flask-limiter adds Retry-After and the X-RateLimit-* headers after this.
    return error_response(429, "Too many requests: please wait a moment and try again.")


class SharedCounter:
    """Ad-hoc limits (the referral form's per-person budget) in the same shared store."""

    def __init__(self, limiter: Limiter, prefix: str) -> None:
        self._limiter = limiter
        self._prefix = prefix

    def hit(self, client: str, per_minute: int) -> float | None:
        """Count one request; None if allowed, else the seconds until one would be."""
        item = parse(f"{per_minute}/minute")
        strategy = self._limiter.limiter
        try:
            if strategy.hit(item, self._prefix, "adhoc", client):
                return None
            reset = strategy.get_window_stats(item, self._prefix, "adhoc", client).reset_time
        except Exception as exc:  # the shared store is down: let people through, and say so
            log.warning("rate limit store unavailable: %s", type(exc).__name__)
            return None
        return max(0.0, reset - time.time())


class OneTripRedis(RedisStorage):
    """Redis counters for the moving window, one round trip a request instead of two.

    Each request counts itself (flask-limiter's hit: a script that adds an entry) and then
    reads its window for the X-RateLimit-* headers (another script): two round trips to
    Redis, a fifth of the gateway's time on a search. Here a hit sends both scripts in one
    pipeline, the window read straight after the entry is added, and keeps the window for
    the headers that this thread asks for next (within ``FRESH`` seconds, once); any other
    read goes to Redis as before. The counting and the headers are what they were.
    """

    SCHEME_PREFIX = "linkwell+"
    SCHEMES = ("redis", "rediss", "redis+unix")
    STORAGE_SCHEME = ["linkwell+redis", "linkwell+rediss", "linkwell+redis+unix"]
    FRESH = 0.25

    def __init__(self, uri: str, **options: Any) -> None:
        super().__init__(uri.removeprefix(self.SCHEME_PREFIX), **options)
        self._read = threading.local()

    def acquire_entry(self, key: str, limit: int, expiry: int, amount: int = 1) -> bool:
        full = self.prefixed_key(key)
        now = time.time()
        acquire, read = self.lua_acquire_moving_window, self.lua_moving_window
        # evalsha itself, not the Script objects: on a pipeline those ask SCRIPT EXISTS first,
        # a round trip of its own on every request.
        pipe = cast(Any, self.get_connection()).pipeline(transaction=False)
        pipe.evalsha(acquire.sha, 1, full, now, limit, expiry, amount)
        pipe.evalsha(read.sha, 1, full, now - expiry, limit)
        acquired, window = pipe.execute(raise_on_error=False)
        # A script Redis does not hold yet (its first use, or Redis restarted) did not run:
        # the Script object loads it and runs it.
        if isinstance(acquired, NoScriptError):
            acquired = acquire([full], [now, limit, expiry, amount])
        elif isinstance(acquired, Exception):
            raise acquired
        if isinstance(window, NoScriptError):
            window = read([full], [now - expiry, limit])
        elif isinstance(window, Exception):
            raise window
        # as get_moving_window answers: (start of the window, entries in it)
        self._read.window = ((key, limit, expiry), time.monotonic(),
                             (float(window[0]), window[1]) if window else (now, 0))
        return bool(acquired)

    def get_moving_window(self, key: str, limit: int, expiry: int) -> tuple[float, int]:
        kept = getattr(self._read, "window", None)
        self._read.window = None
        if kept and kept[0] == (key, limit, expiry) and time.monotonic() - kept[1] < self.FRESH:
            found: tuple[float, int] = kept[2]
            return found
        return super().get_moving_window(key, limit, expiry)
