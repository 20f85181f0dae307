"""Structured JSON logs with a request id that follows a request across the services.

What is logged about a request is its method, path (never the query string, which can hold
a person's own words), status and duration: nothing a person typed.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from datetime import UTC, datetime
from typing import Any

from flask import Flask, Response, g, has_request_context, request

REQUEST_ID_HEADER = "X-Request-Id"
_RESERVED = set(vars(logging.makeLogRecord({})))


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request id and extras."""

    def __init__(self, service: str) -> None:
        super().__init__()
        self.service = service

    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "service": _service_of(record.name, self.service),
            "logger": record.name,
            "message": record.getMessage(),
        }
        if has_request_context() and g.get("request_id"):
            out["request_id"] = g.request_id  # lines logged during a request carry its id
        out.update({k: v for k, v in vars(record).items() if k not in _RESERVED})
        if record.exc_info:
            out["error"] = self.formatException(record.exc_info)
        return json.dumps(out, default=str)


def _service_of(logger: str, default: str) -> str:
    """Which service logged: in one process (``linkwell serve``) all three share a handler,
    so the request loggers' names (``linkwell.<service>.requests``) say it."""
    parts = logger.split(".")
    if len(parts) == 3 and parts[0] == "linkwell" and parts[2] == "requests":
        return parts[1]
    return default


def configure(service: str, level: int = logging.INFO) -> None:
    """Send the process's logs to stderr as JSON (once; later calls change nothing)."""
    root = logging.getLogger()
    if any(getattr(h, "_linkwell", False) for h in root.handlers):
        return
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter(service))
    handler._linkwell = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    # Their INFO lines carry query strings (werkzeug) or one line per backend call.
    for noisy in ("werkzeug", "elastic_transport", "urllib3"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def current_request_id() -> str | None:
    if has_request_context():
        value = g.get("request_id")
        return str(value) if value else None
    return None


def init_app(app: Flask, service: str) -> None:
    """Request ids in and out, and one log line per request."""
    if not app.config.get("TESTING"):
        configure(service)
    log = logging.getLogger(f"linkwell.{service}.requests")

    @app.before_request
    def _start() -> None:
        given = request.headers.get(REQUEST_ID_HEADER, "")
        g.request_id = given if _plausible(given) else uuid.uuid4().hex
        g.started = time.perf_counter()

    @app.after_request
    def _finish(response: Response) -> Response:
        response.headers[REQUEST_ID_HEADER] = g.get("request_id", "")
        elapsed = (time.perf_counter() - g.get("started", time.perf_counter())) * 1000
        log.info("request", extra={"request_id": g.get("request_id"),
                                   "method": request.method, "path": request.path,
                                   "status": response.status_code,
                                   "duration_ms": round(elapsed, 1)})
        return response


def _plausible(value: str) -> bool:
    """Accept a caller's id only if it looks like one (it is echoed into logs)."""
    return 8 <= len(value) <= 64 and all(c.isalnum() or c in "-_" for c in value)
