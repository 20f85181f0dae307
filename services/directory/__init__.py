"""The directory service: owns the index of community assets and answers searches."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask, Response
from flask_smorest import Api

from linkwell import errors, jsonio, logs
from linkwell.config import ingest_token, settings
from linkwell.directory.backends.base import BackendUnavailable, SearchBackend, WritesRefused
from linkwell.plugins.manager import plugin_manager

API_SPEC = {
    "API_TITLE": "Linkwell directory",
    "API_VERSION": "1",
    "OPENAPI_VERSION": "3.0.3",
    "OPENAPI_URL_PREFIX": "/",
    "OPENAPI_JSON_PATH": "openapi.json",
}


def make_backend(config: Mapping[str, Any]) -> SearchBackend:
    """The configured search backend (not yet set up)."""
    kind = str(config["SEARCH_BACKEND"]).lower()
    if kind == "elasticsearch":
        from linkwell.directory.backends.elastic import ElasticsearchBackend

        return ElasticsearchBackend(str(config["ELASTICSEARCH_URL"]),
                                    str(config["INDEX_PREFIX"]),
                                    timeout=float(config["ELASTICSEARCH_TIMEOUT"]),
                                    replicas=int(config["ES_REPLICAS"]))
    if kind == "sqlite":
        from linkwell.directory.backends.sqlite import SQLiteBackend

        path = config.get("SQLITE_PATH") or Path(config["DATA_DIR"]) / "directory.sqlite3"
        return SQLiteBackend(path)
    raise ValueError(f"LINKWELL_SEARCH_BACKEND must be sqlite or elasticsearch, not {kind!r}")


def init_backend(app: Flask) -> None:
    backend = app.config.get("BACKEND") or make_backend(app.config)
    try:
        backend.setup()
    except BackendUnavailable as exc:
        # Start anyway: readiness says the backend is down and searches answer 503 until it
        # returns; the next request sets the index up.
        app.logger.warning("search backend not answering at start-up: %s", exc)
    except WritesRefused as exc:  # searches can still be answered: start, and say why
        app.logger.warning("search backend refuses writes at start-up: %s", exc.cause)
    app.extensions["linkwell.backend"] = backend


def _writes_refused(exc: WritesRefused) -> Response:
    """One operator error for the whole request: the records were not at fault."""
    response = errors.error_response(503, str(exc),
                                     {errors.WRITES_REFUSED_FIELD: [exc.block]})
    response.headers["Retry-After"] = "60"  # a full disk is not freed in a second
    return response


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """The directory Flask app (gunicorn: ``'linkwell.directory:create_app()'``)."""
    from linkwell.directory import spelling, watch
    from linkwell.directory.api import blp
    from linkwell.directory.ingest_api import ingest_blp
    from linkwell.directory.oruk import ORUK_PREFIX, oruk_blp

    app = Flask(__name__)
    app.config.update(settings(config))
    app.config.update(API_SPEC)
    jsonio.init_app(app)
    ingest_token(app.config)  # generated once, so the CLI on this machine can read it
    init_backend(app)
    spelling.init_app(app)
    # Per app, never global: the ORUK API's postcodes go through the geocoder plugins.
    app.extensions["linkwell.plugins"] = plugin_manager(config=app.config)
    api = Api(app)
    api.register_blueprint(blp)
    api.register_blueprint(ingest_blp)
    api.register_blueprint(oruk_blp, url_prefix=ORUK_PREFIX)
    watch.init_app(app, app.extensions["linkwell.backend"]).check_now()
    logs.init_app(app, "directory")
    errors.init_app(app, unavailable=(BackendUnavailable,))
    app.register_error_handler(WritesRefused, _writes_refused)
    return app
