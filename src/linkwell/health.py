"""``/healthz`` (the process is up) and ``/readyz`` (its dependencies answer) for every service."""

from __future__ import annotations

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
