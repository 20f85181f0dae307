"""``/healthz`` (the process is up) and ``/readyz`` (its dependencies answer) for every service."""

from __future__ import annotations

import os
import threading
import time
import weakref
from collections.abc import Callable
from typing import Any

from flask import Flask

# What a service reports about its dependencies, and whether all of them answer.
ReadinessCheck = Callable[[], tuple[dict[str, Any], bool]]


def init_app(app: Flask, check: ReadinessCheck) -> None:
    @app.get("/healthz")
    def healthz() -> dict[str, Any]:
        return {"status": "ok"}

    @app.get("/readyz")
    def readyz() -> tuple[dict[str, Any], int]:
        details, ready = check()
        return {"status": "ready" if ready else "unavailable", **details}, 200 if ready else 503


class KeptCheck:
    """A readiness check run by a daemon thread of each process every ``every`` seconds;
    ``/readyz`` answers from what it last found, so it never waits on a dependency (a hung
    one would make it as slow as the searches it holds)."""

    def __init__(self, check: ReadinessCheck, every: float = 0.25) -> None:
        self.check = check
        self.every = every
        self.found: tuple[dict[str, Any], bool] = ({"reason": "not checked yet"}, False)
        self.checked_at: float | None = None
        self._pid: int | None = None
        self._lock = threading.Lock()

    def __call__(self) -> tuple[dict[str, Any], bool]:
        self.ensure_running()
        details, ready = self.found
        if self.checked_at is not None:
            details = {**details,
                       "checked_ms_ago": int((time.monotonic() - self.checked_at) * 1000)}
        return details, ready

    def check_now(self) -> tuple[dict[str, Any], bool]:
        try:
            self.found = self.check()
        except Exception as exc:  # a check must never die: say what it met, try again
            self.found = {"reason": f"the check failed: {type(exc).__name__}"}, False
        self.checked_at = time.monotonic()
        return self.found

    def ensure_running(self) -> None:
        """Start the check in this process if it does not run here yet (gunicorn forks after
        the app is built, and threads do not cross a fork)."""
        if self._pid == os.getpid():
            return
        with self._lock:
            if self._pid != os.getpid():
                self._pid = os.getpid()
                threading.Thread(target=_keep_checking, args=(weakref.ref(self),),
                                 name="readiness-check", daemon=True).start()


def _keep_checking(ref: weakref.ref[KeptCheck]) -> None:
    """Check until the app (and so its check) is gone: tests build many apps."""
    while (kept := ref()) is not None:
        began = time.monotonic()
        kept.check_now()
        every = kept.every
        del kept
        time.sleep(max(0.05, every - (time.monotonic() - began)))
