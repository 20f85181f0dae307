"""Serving: the apps together on one machine, under gunicorn."""

from __future__ import annotations

from typing import Any

from flask import Flask
from gunicorn.app.base import BaseApplication


def build_site(config: dict[str, Any] | None = None) -> tuple[Any, Flask]:
    """The WSGI site for one machine, and the directory app inside it.

    The gateway is the one public door (the link worker's page at ``/``, the API under
    ``/api/v1``, the Open Referral UK API, the widget); the directory and the matcher run
    inside it, in-process, through the same JSON contract as when they run apart.
    """
    from linkwell.directory import create_app
    from linkwell.gateway import create_app as gateway_app

    directory = create_app(config)
    gateway = gateway_app({**(config or {}), "DIRECTORY_APP": directory})
    return gateway, directory


class _Gunicorn(BaseApplication):
    def __init__(self, app: Any, options: dict[str, Any]) -> None:
        self.application = app
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        return self.application


def run_gunicorn(app: Any, host: str, port: int, workers: int = 1) -> None:
    """Serve ``app`` with gunicorn's threaded workers until interrupted."""
    _Gunicorn(app, {"bind": f"{host}:{port}", "workers": workers, "threads": 16,
                    "worker_class": "gthread", "timeout": 60, "accesslog": None,
                    # the app answers over-long addresses itself, in the JSON error shape
                    "limit_request_line": 0}).run()
