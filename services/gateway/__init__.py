"""The gateway: the one public door (API, Open Referral UK API, pages, widget, keys, limits)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask, Response, request
from flask_smorest import Api

from linkwell import errors, health, jsonio, logs
from linkwell.client import SIBLINGS, ServiceClient, service_client
from linkwell.config import settings
from linkwell.gateway import upstream
from linkwell.gateway.access import init_security_schemes
from linkwell.gateway.upstream import Breaker, Upstream

API_SPEC = {
    "API_TITLE": "Linkwell",
    "API_VERSION": "1",
    "OPENAPI_VERSION": "3.0.3",
    "OPENAPI_URL_PREFIX": "/api",
    "OPENAPI_JSON_PATH": "openapi.json",
}
# Seconds a request may spend on each service in all, retries included: a search 2 s, a match
# 4 s (it runs several searches of its own). Past that the person gets a 503 with Retry-After.
BUDGETS = {"directory": 2.0, "matcher": 4.0}


def _client(app: Flask, name: str) -> ServiceClient:
    """HTTP to ``<NAME>_URL`` when configured, else the sibling app in this process."""
    return service_client(name, app.config, siblings=app.extensions.setdefault(SIBLINGS, {}),
                          embedded=lambda: _embedded(name, app.config), timeout=BUDGETS[name])


def _embedded(name: str, config: Mapping[str, Any]) -> Flask:
    if name == "directory":
        from linkwell.directory import create_app as directory_app

        return directory_app(dict(config))
    from linkwell.matcher import create_app as matcher_app

    app: Flask = matcher_app(dict(config))
    return app


def init_upstreams(app: Flask) -> None:
    upstream.init_app(app)
    # A call is slow when it has used three quarters of its budget: three such at once open
    # the breaker (less, and a busy machine's merely slow answers would open it).
    app.extensions["linkwell.upstreams"] = {
        name: Upstream(name, _client(app, name), Breaker(slow_after=BUDGETS[name] * 0.75),
                       budget=BUDGETS[name])
        for name in ("directory", "matcher")}


def init_health(app: Flask) -> None:
    def check() -> tuple[dict[str, Any], bool]:
        # the breakers' state: ready exactly when calls would go through, and never a wait
        upstreams = app.extensions["linkwell.upstreams"]
        ready = {name: u.ready() for name, u in upstreams.items()}
        # the directory's own word on reading and writing (a read-only index, say)
        return ({"services": ready, "directory": upstreams["directory"].known_readiness()},
                all(ready.values()))

    health.init_app(app, check)


def init_openreferral(app: Flask) -> None:
    """Forward the Open Referral UK API to the directory, which owns the records."""

    @app.route("/openreferral/", defaults={"path": ""})
    @app.route("/openreferral/<path:path>")
    def openreferral(path: str) -> Response:
        from linkwell.gateway.api import relay

        upstream: Upstream = app.extensions["linkwell.upstreams"]["directory"]
        return relay(*upstream.relay("GET", f"/openreferral/{path}",
                                     params=request.args.to_dict(flat=False)))


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """The gateway Flask app (gunicorn: ``'linkwell.gateway:create_app()'``)."""
    from linkwell.gateway import access
    from linkwell.gateway.api import blp

    app = Flask(__name__)
    app.config.update(settings(config))
    app.config.update(API_SPEC)
    jsonio.init_app(app)
    init_upstreams(app)
    access.init_app(app)
    from linkwell.gateway import accounts
    from linkwell.gateway.accounts import web as account_pages

    accounts.init_app(app)
    app.register_blueprint(account_pages.bp)
    api = Api(app)
    init_security_schemes(api)
    api.register_blueprint(blp)
    from linkwell.gateway import web

    web.init_app(app, api)
    from linkwell.gateway import workspace_web
    from linkwell.gateway.referrals import api as referrals_api
    from linkwell.gateway.referrals import join, respond

    referrals_api.init_app(app, api)
    # A package's pages import the package, so the gateway registers them after its init_app.
    # Over the referrals: the group's answer page, the person's join form, the link worker's.
    for pages in (respond.bp, join.bp, workspace_web.bp):
        app.register_blueprint(pages)
    from linkwell.gateway import feeds

    feeds.init_app(app, api)
    from linkwell.gateway import quality

    quality.init_app(app)
    from linkwell.gateway import confirmations, listings
    from linkwell.gateway.confirmations import web as confirmation_pages
    from linkwell.gateway.listings import web as listing_pages

    confirmations.init_app(app)
    app.register_blueprint(confirmation_pages.bp)
    listings.init_app(app)
    app.register_blueprint(listing_pages.bp)
    init_openreferral(app)
    init_health(app)
    logs.init_app(app, "gateway")
    errors.init_app(app)
    init_proxies(app)
    return app


def init_proxies(app: Flask) -> None:
    """Behind N trusted reverse proxies, the visitor's address is the Nth from the right of
    X-Forwarded-For: rate limits count per visitor, not per proxy. Unset, the header is
    ignored, so no one can choose their own address."""
    hops = int(app.config.get("PROXY_HOPS") or 0)
    if hops:
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)  # type: ignore[method-assign]
