"""The matcher service: ranks community assets for a person and says why each fits.

It asks the directory for a few hundred candidates (over HTTP, or in-process in the embedded
default) and ranks them itself, so it stays fast at any directory size.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from flask import Flask
from flask_smorest import Api

from linkwell import deadline, errors, jsonio, logs
from linkwell.client import service_client
from linkwell.config import settings
from linkwell.plugins.manager import plugin_manager

API_SPEC = {
    "API_TITLE": "Linkwell matcher",
    "API_VERSION": "1",
    "OPENAPI_VERSION": "3.0.3",
    "OPENAPI_URL_PREFIX": "/",
    "OPENAPI_JSON_PATH": "openapi.json",
}
DEFAULTS: dict[str, Any] = {
    "MATCHER_DIRECTORY_TIMEOUT": 2.0,  # per directory call; a match makes two or three
    "MATCHER_BUDGET": 4.0,  # seconds for all the directory calls of one match
}


def london_now() -> datetime:
    return datetime.now(ZoneInfo("Europe/London"))


def init_directory(app: Flask, config: Mapping[str, Any] | None) -> None:
    """The directory client: HTTP to DIRECTORY_URL, else a directory app in this process."""
    timeout = float(app.config["MATCHER_DIRECTORY_TIMEOUT"])

    def embedded() -> Flask:
        from linkwell.directory import create_app as directory_app

        return directory_app(dict(config or {}))

    app.extensions["linkwell.directory"] = service_client("directory", app.config,
                                                          embedded=embedded, timeout=timeout)


def init_plugins(app: Flask) -> None:
    """Geocoders come from plugins; tests and embedders may hand in their own manager."""
    app.extensions["linkwell.plugins"] = (app.config.get("PLUGIN_MANAGER") or plugin_manager(
        app.config.get("PLUGINS"), config=app.config))


def init_understanding() -> None:
    """Load what reading a person's words needs (the embedding model, the crisis detector's
    word lists and patterns, the taxonomy's phrases) once a process, before it answers: the
    first match of a new worker otherwise pays about a second for them, several on a busy
    machine, and a gateway waiting on it counts that as a failure."""
    from linkwell import semantic
    from linkwell.matcher.understand import understand

    semantic.model()
    understand({"limit": 1, "about": "I would like a walk and a chat, not a big group"})


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """The matcher Flask app (gunicorn: ``'linkwell.matcher:create_app()'``)."""
    from linkwell.matcher.api import blp, init_health

    app = Flask(__name__)
    app.config.update(DEFAULTS)
    app.config.update(settings(config))
    app.config.update(API_SPEC)
    app.config.setdefault("CLOCK", london_now)
    jsonio.init_app(app)
    init_plugins(app)
    init_directory(app, config)
    # a match's directory calls share one budget: the gateway's (X-Linkwell-Budget) or this
    deadline.init_app(app, float(app.config["MATCHER_BUDGET"]))
    init_understanding()
    api = Api(app)
    api.register_blueprint(blp)
    init_health(app)
    logs.init_app(app, "matcher")
    errors.init_app(app)
    return app
