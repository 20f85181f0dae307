"""The directory's view of its backend, kept by a background check, and the bulkhead that keeps
searches from taking every worker thread.

``/healthz`` and ``/readyz`` answer from what the check last found: they never wait on the
backend, so a hung node cannot make them slow, and a load balancer's probe never queues
behind searches. The check runs in a daemon thread of each worker process (started lazily,
since gunicorn forks after the app is built) and also repairs what a dead bulk load left.
"""

from __future__ import annotations

import logging
import os
import threading
import time
import weakref
from typing import Any

from flask import Flask, request

from linkwell import deadline, health
from linkwell.directory.backends.base import BackendStatus, SearchBackend
from linkwell.errors import Unavailable

log = logging.getLogger(__name__)
CHECK_EVERY = 0.25  # seconds between checks: recovery is seen within this
# Searches in flight per process; gunicorn_internal.py gives it 16 threads (the matcher's
# parallel searches and a gateway's burst land unevenly on processes: too few slots, and a
# busy but healthy backend would be refused).
SEARCH_SLOTS = 12
READ_PATHS = ("/services", "/openreferral")


class Watch:
    """The backend's last known status, refreshed by one daemon thread per process."""

    def __init__(self, backend: SearchBackend) -> None:
        self.backend = backend
        self.status = BackendStatus(False, False, "not checked yet")
        self.checked_at: float | None = None
        self._pid: int | None = None
        self._lock = threading.Lock()

    def ensure_running(self) -> None:
        """Start the check in this process if it does not run here yet (cheap to call)."""
        if self._pid == os.getpid():
            return
        with self._lock:
            if self._pid == os.getpid():
                return
            self._pid = os.getpid()
            threading.Thread(target=_keep_checking, args=(weakref.ref(self),),
                             name="backend-watch", daemon=True).start()

    def check_now(self) -> BackendStatus:
        try:
            found = self.backend.status()
        except Exception as exc:  # a check must never die: say what it met, try again
            found = BackendStatus(False, False, f"the check failed: {type(exc).__name__}")
        if found.read != self.status.read and self.checked_at is not None:
            log.warning("search backend %s", "answers again" if found.read else
                        f"stopped answering: {found.reason}")
        self.status, self.checked_at = found, time.monotonic()
        return found

    def readiness(self) -> tuple[dict[str, Any], bool]:
        status = self.status
        details: dict[str, Any] = {"backend": self.backend.name, "read": status.read,
                                   "write": status.write}
        if status.reason:
            details["reason"] = status.reason
        if self.checked_at is not None:
            details["checked_ms_ago"] = int((time.monotonic() - self.checked_at) * 1000)
        # ready means searches can be answered; writes are reported beside it, so a
        # load balancer keeps sending searches to a directory whose index is read-only
        return details, status.read


def _keep_checking(ref: weakref.ref[Watch]) -> None:
    """Check until the app (and so its watch) is gone: tests build many apps."""
    while (watch := ref()) is not None:
        began = time.monotonic()
        watch.check_now()
        del watch
        time.sleep(max(0.05, CHECK_EVERY - (time.monotonic() - began)))


class SearchBulkhead:
    """At most ``slots`` searches of one process wait on the backend; the next answers 503 at
    once, so threads stay free for health checks, ingestion and the searches that can run."""

    def __init__(self, slots: int) -> None:
        self.slots = threading.BoundedSemaphore(slots)

    def init_app(self, app: Flask) -> None:
        @app.before_request
        def enter() -> None:
            if request.method != "GET" or not request.path.startswith(READ_PATHS):
                return
            if not self.slots.acquire(blocking=False):
                raise Unavailable("every search slot of this process is waiting on the backend")
            request.environ["linkwell.search_slot"] = True

        @app.teardown_request
        def leave(_exc: BaseException | None) -> None:
            if request.environ.pop("linkwell.search_slot", False):
                self.slots.release()


def init_app(app: Flask, backend: SearchBackend) -> Watch:
    """Health from kept state, the search bulkhead, and each request's backend budget."""
    watch = Watch(backend)
    app.extensions["linkwell.watch"] = watch

    @app.before_request
    def keep_watching() -> None:
        watch.ensure_running()

    health.init_app(app, watch.readiness)
    SearchBulkhead(int(app.config.get("SEARCH_SLOTS") or SEARCH_SLOTS)).init_app(app)
    deadline.init_app(app, float(app.config["ELASTICSEARCH_TIMEOUT"]))
    return watch
